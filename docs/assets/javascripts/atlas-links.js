/* Backend Pattern Atlas: a "copy link" button beside every linkable item (sections, benefits, costs,
   ratings, failure modes, checklist questions, sources), so reviewers paste exact claims. */
(function () {
  "use strict";
  var article = document.querySelector("article.md-content__inner");
  if (!article) return;
  // Printed hand-outs show where each link goes, as a full address.
  window.addEventListener("beforeprint", function () {
    article.querySelectorAll("a[href]:not(.headerlink):not([href^='#'])").forEach(function (a) {
      a.setAttribute("data-print-href", a.href);
    });
  });

  // The theme's own icons (Material Design "link-variant" and "check"), drawn inline: no emoji font needed.
  var ICONS = {
    link: "M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42",
    check: "M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z"
  };
  function icon(button, name) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    button.replaceChildren(svg);
  }

  var targets = article.querySelectorAll(".atlas-anchor[id], h2[id], h3[id]");
  Array.prototype.forEach.call(targets, function (target) {
    var id = target.id;
    var label = target.tagName === "SPAN"
      ? (target.parentElement.textContent || "").trim().slice(0, 60)
      : target.textContent.replace("¶", "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "atlas-copy-link";
    button.setAttribute("data-anchor", id);
    button.setAttribute("aria-label", "Copy link to " + label);
    button.title = "Copy link";
    icon(button, "link");
    button.addEventListener("click", function () {
      var url = new URL(window.location.href);
      url.hash = id;
      url.search = "";
      var done = function () {
        icon(button, "check");
        button.setAttribute("aria-label", "Link copied");
        window.setTimeout(function () { icon(button, "link"); button.setAttribute("aria-label", "Copy link to " + label); }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url.href).then(done);
      } else {
        var field = document.createElement("textarea");
        field.value = url.href;
        document.body.appendChild(field);
        field.select();
        document.execCommand("copy");
        field.remove();
        done();
      }
    });
    if (target.tagName === "SPAN") target.after(button); else target.appendChild(button);
  });
})();

/* Wide tables scroll sideways inside Material's wrapper. A wrapper that overflows becomes a named,
   focusable region, so it can be scrolled by keyboard too (WCAG 2.1.1; axe scrollable-region-focusable). */
(function () {
  "use strict";
  // The heading a table sits under, to name its region; regions on one page need distinct names.
  function heading(wrap) {
    var headings = document.querySelectorAll("article h1, article h2, article h3");
    var found = "";
    headings.forEach(function (h) {
      if (h.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING) found = h.textContent.replace(/[¶\s]+$/, "").trim();
    });
    return found;
  }

  function mark() {
    var used = {};
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var name = "Table" + (heading(wrap) ? ": " + heading(wrap) : "");
        used[name] = (used[name] || 0) + 1;
        if (used[name] > 1) name += " (" + used[name] + ")";
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name + ", scrolls sideways");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  // Material wraps tables from its own script once the document is ready; mark them after that.
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
})();
