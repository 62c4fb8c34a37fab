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
    button.textContent = "🔗";
    button.addEventListener("click", function () {
      var url = new URL(window.location.href);
      url.hash = id;
      url.search = "";
      var done = function () {
        button.textContent = "✓";
        button.setAttribute("aria-label", "Link copied");
        window.setTimeout(function () { button.textContent = "🔗"; button.setAttribute("aria-label", "Copy link to " + label); }, 1500);
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
