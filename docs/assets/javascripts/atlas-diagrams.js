/* Backend Pattern Atlas: draw each pattern diagram with the vendored Mermaid, loading it (about
   2.7 MB) only when a diagram is about to scroll into view, so pages stay fast to open. While it
   loads, a short notice stands in for the diagram; without JavaScript, or if drawing fails, the
   diagram's source and caption are shown as text. A switch between light and dark redraws the
   diagrams in the new scheme's colours, so no label is lost. */
(function () {
  "use strict";
  var blocks = document.querySelectorAll("pre.atlas-mermaid");
  if (!blocks.length) return;
  var script = document.currentScript.getAttribute("data-mermaid");
  var ready = null;
  var drawn = []; // { holder, source } for every diagram drawn, to redraw on a scheme change

  function dark() { return document.body.getAttribute("data-md-color-scheme") === "slate"; }

  function configure(mermaid) {
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark() ? "dark" : "default" });
    return mermaid;
  }

  function load() {
    if (!ready) {
      ready = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = script;
        tag.onload = function () { resolve(configure(window.mermaid)); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return ready;
  }

  var count = 0;
  function paint(holder, source) {
    var id = "atlas-diagram-" + (count += 1);
    return load().then(function (mermaid) {
      return mermaid.render(id, source);
    }).then(function (result) {
      // eslint-disable-next-line no-unsanitized/property -- Mermaid's strict security level sanitises every label
      holder.innerHTML = result.svg;
    });
  }

  function draw(pre) {
    var source = pre.textContent;
    var holder = document.createElement("div");
    holder.className = "atlas-mermaid-drawing";
    holder.setAttribute("role", "img");
    var caption = pre.parentElement.querySelector("figcaption");
    holder.setAttribute("aria-label", caption ? caption.textContent : "Diagram");
    paint(holder, source).then(function () {
      pre.replaceWith(holder);
      drawn.push({ holder: holder, source: source });
    }).catch(function () {
      pre.classList.remove("atlas-mermaid--pending");
      pre.classList.add("atlas-mermaid--failed"); // the source stays readable
    });
  }

  Array.prototype.forEach.call(blocks, function (pre) { pre.classList.add("atlas-mermaid--pending"); });

  new MutationObserver(function () {
    if (!drawn.length) return;
    load().then(function (mermaid) {
      configure(mermaid);
      drawn.forEach(function (item) { paint(item.holder, item.source); });
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (!("IntersectionObserver" in window)) {
    Array.prototype.forEach.call(blocks, draw);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    });
  }, { rootMargin: "300px" });
  Array.prototype.forEach.call(blocks, function (pre) { observer.observe(pre); });
})();
