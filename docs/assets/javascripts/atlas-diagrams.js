/* Backend Pattern Atlas: draw each pattern diagram with the vendored Mermaid, loading it (about
   2.7 MB) only when a diagram is about to scroll into view, so pages stay fast to open. Until then,
   and without JavaScript, the diagram's source and caption are shown as text. */
(function () {
  "use strict";
  var blocks = document.querySelectorAll("pre.atlas-mermaid");
  if (!blocks.length) return;
  var script = document.currentScript.getAttribute("data-mermaid");
  var ready = null;

  function load() {
    if (!ready) {
      ready = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = script;
        tag.onload = function () {
          var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
          window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
          resolve(window.mermaid);
        };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return ready;
  }

  var count = 0;
  function draw(pre) {
    var id = "atlas-diagram-" + (count += 1);
    load().then(function (mermaid) {
      return mermaid.render(id, pre.textContent);
    }).then(function (result) {
      var figure = document.createElement("div");
      figure.className = "atlas-mermaid-drawing";
      figure.setAttribute("role", "img");
      var caption = pre.parentElement.querySelector("figcaption");
      figure.setAttribute("aria-label", caption ? caption.textContent : "Diagram");
      // eslint-disable-next-line no-unsanitized/property -- the SVG is Mermaid's output in securityLevel "strict" (labels sanitised, no scripts or click handlers)
      figure.innerHTML = result.svg; // Mermaid's strict mode sanitises every label
      pre.replaceWith(figure);
    }).catch(function () {
      pre.classList.add("atlas-mermaid--failed"); // the source stays readable
    });
  }

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
