/* Backend Pattern Atlas: search box in the header, backed by Pagefind. The index is split into
   small chunks that load on demand from this site, so the first result comes fast even with
   thousands of pages. Results are built with textContent only. */
(function () {
  "use strict";
  var input = document.getElementById("atlas-search-input");
  if (!input) return;
  var panel = document.getElementById("atlas-search-results");
  var list = panel.querySelector(".atlas-search__list");
  var status = panel.querySelector(".atlas-search__status");
  var root = new URL(input.getAttribute("data-site-root"), window.location.href);
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(new URL(input.getAttribute("data-pagefind"), window.location.href).href).then(function (pagefind) {
        // Favour whole-word matches and do not penalise long pattern pages (measured on the query list
        // in tests/test_browser.py).
        var ranking = { termSimilarity: 8.0, pageLength: 0.3 };
        return pagefind.options({ baseUrl: root.pathname, excerptLength: 24, ranking: ranking }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
    }
    return engine;
  }

  function show(open) {
    panel.hidden = !open;
  }

  function text(html) {
    var scratch = document.createElement("div");
    scratch.innerHTML = html; // a detached node: nothing is rendered or run
    return scratch.textContent;
  }

  function render(results, query) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      item.className = "atlas-search__item";
      var link = document.createElement("a");
      link.className = "atlas-search__link";
      link.href = result.url;
      var title = document.createElement("strong");
      // Pagefind takes the title from the h1, permalink sign included
      title.textContent = (result.meta && result.meta.title ? result.meta.title : result.url).replace(/\s*¶$/, "");
      var excerpt = document.createElement("span");
      excerpt.className = "atlas-search__excerpt";
      excerpt.textContent = text(result.excerpt || "");
      link.appendChild(title);
      link.appendChild(excerpt);
      item.appendChild(link);
      list.appendChild(item);
    });
    status.textContent = results.length ? results.length + " results for “" + query + "”" : "No pattern matches “" + query + "”";
  }

  /* A pattern whose name, alias or search keyword is exactly the query comes first ("caching" finds
     the Caching page before its variants); otherwise Pagefind's order stands. */
  function exactFirst(results, query) {
    var wanted = query.toLowerCase();
    function named(result) {
      var meta = result.meta || {};
      var names = [meta.title || ""].concat((meta.keywords || "").split(" · "), (meta.aliases || "").split(" · "));
      return names.some(function (name) { return name.trim().toLowerCase() === wanted; });
    }
    return results.filter(named).concat(results.filter(function (r) { return !named(r); }));
  }

  function search() {
    var query = input.value.trim();
    var ticket = (latest += 1);
    if (!query) {
      show(false);
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      if (ticket !== latest) return null; // typed on: skip loading fragments nobody will see
      return Promise.all(found.results.slice(0, 8).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (!results) return;
      if (ticket !== latest) return; // a later keystroke already asked again
      render(exactFirst(results, query), query);
      show(true);
    });
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      show(false);
    } else if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    } else if (event.key === "ArrowDown") {
      var link = list.querySelector("a");
      if (link) {
        event.preventDefault();
        link.focus();
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input && !/INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) {
      event.preventDefault();
      input.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".atlas-search")) show(false);
  });
})();
