/* Backend Pattern Atlas: search box in the header, backed by Pagefind. The index is split into
   small chunks that load on demand from this site, so the first result comes fast even with
   thousands of pages. Results are built with text nodes and <mark> elements only: excerpt HTML is
   never parsed as markup, not even on a detached node (a detached <img> still loads its src). */
(function () {
  "use strict";
  var input = document.getElementById("atlas-search-input");
  if (!input) return;
  var panel = document.getElementById("atlas-search-results");
  var list = panel.querySelector(".atlas-search__list");
  var status = panel.querySelector(".atlas-search__status");
  var all = panel.querySelector(".atlas-search__all");
  var root = new URL(input.getAttribute("data-site-root"), document.baseURI);
  var engine = null;
  var latest = 0;
  // Draw the first four results as soon as their fragments load, then add the rest: half the wait to
  // the first result at 1,000 entries (measured by make bench)
  var FIRST = 4;
  var SHOWN = 8;

  function load() {
    if (!engine) {
      // eslint-disable-next-line no-unsanitized/method -- the address is this site's own Pagefind script, set by the theme (overrides/partials/header.html)
      engine = import(new URL(input.getAttribute("data-pagefind"), document.baseURI).href).then(function (pagefind) {
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

  /* Character references to text. The string is parsed as the body text of an inert document: every
     "<" is escaped first, so no element is made, and a DOMParser document loads and runs nothing. */
  function decode(html) {
    return new DOMParser().parseFromString("<body>" + html.replace(/</g, "&lt;"), "text/html").body.textContent;
  }

  /* A Pagefind excerpt (text with character references and <mark> highlights) as DOM nodes: text nodes
     and real <mark> elements; anything else that looks like a tag stays text. */
  function excerptNodes(html) {
    var fragment = document.createDocumentFragment();
    String(html).split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      var text = decode(marked ? marked[1] : part).replace(/\s*¶/g, ""); // headings carry a permalink sign
      if (!text) return;
      if (marked) {
        var mark = document.createElement("mark");
        mark.textContent = text;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(text));
      }
    });
    return fragment;
  }

  /* Only links within the web, never javascript: or data: ones from a tampered index. */
  function safeHref(url) {
    try {
      return /^https?:$/.test(new URL(url, window.location.href).protocol) ? url : "#";
    } catch {
      return "#";
    }
  }

  function plain(title) {
    return title.replace(/\s*¶$/, ""); // Pagefind reads titles from headings, permalink sign included
  }

  /* Where on the page the query matches most, so a reader can go straight to the claim: Pagefind
     splits each page at its headings. Null when that is the top of the page (name, aliases, summary). */
  function bestSection(result) {
    var best = null;
    var bestScore = 0;
    (result.sub_results || []).forEach(function (sub) {
      var score = (sub.weighted_locations || []).reduce(function (sum, w) { return sum + w.balanced_score; }, 0);
      if (score > bestScore) {
        best = sub;
        bestScore = score;
      }
    });
    if (!best || best.url.indexOf("#") < 0 || best.title === (result.meta || {}).title) return null;
    // All its matches inside one item (a benefit, a cost, a failure mode, a checklist question): go to the item
    var inside = places(result).filter(function (place) {
      return place.item && (best.locations || []).every(function (l) { return place.locations.indexOf(l) >= 0; });
    })[0];
    return inside ? { url: inside.url, title: inside.title, excerpt: best.excerpt } : best;
  }

  function isHeading(anchor) { return /^h[1-6]$/i.test(anchor.element); }

  /* The words of an item's opening, up to its first full stop or dash: "Concurrent transfers overdraw an account." */
  function opening(words, from) {
    var out = [];
    for (var i = from; i < words.length && out.length < 12; i += 1) {
      if (words[i] === "—" || words[i] === "–") break;
      out.push(words[i]);
      if (/[.?!:]$/.test(words[i])) break;
    }
    return out.join(" ") + (out.length === 12 ? " …" : "");
  }

  /* Every place on a result's page where the query matched, as the page's own anchors: the item the match
     is in (Pagefind lists each element with an id and the word where it starts), else its section; the
     top of the page has no anchor. Each place: url, title, item (true for an item), locations, and the
     text around its first match with the matched words marked (excerpt: [text, marked] pairs). */
  function places(data) {
    var words = (data.content || "").split(/\s+/);
    var anchors = (data.anchors || []).filter(function (a) { return a.id; }).sort(function (a, b) { return a.location - b.location; });
    var found = [];
    var byId = {};
    var page = String(data.url || "").split("#")[0];
    (data.locations || []).slice().sort(function (a, b) { return a - b; }).forEach(function (location) {
      var heading = null;
      var inner = null;
      anchors.forEach(function (anchor) {
        if (anchor.location > location) return;
        if (isHeading(anchor)) {
          heading = anchor;
          inner = null;
        } else {
          inner = anchor;
        }
      });
      var target = inner || heading;
      var key = target && !(target === heading && /^h1$/i.test(heading.element)) ? target.id : "";
      if (!byId[key]) {
        var section = heading && !/^h1$/i.test(heading.element) ? plain(heading.text || "") : "";
        var title = inner ? (section ? section + " › " : "") + opening(words, inner.location) : section;
        byId[key] = { url: key ? page + "#" + key : page, title: title, item: Boolean(inner), locations: [],
                      start: target ? target.location : 0 };
        found.push(byId[key]);
      }
      byId[key].locations.push(location);
    });
    found.forEach(function (place) {
      var first = Math.max(place.start, place.locations[0] - 8);
      var last = Math.min(words.length, first + 28);
      place.excerpt = [];
      for (var i = first; i < last; i += 1) {
        var word = words[i].replace(/¶/g, "");
        if (word) place.excerpt.push([word, place.locations.indexOf(i) >= 0]);
      }
    });
    return found;
  }

  /* [text, marked] pairs as text nodes and <mark> elements, with an ellipsis where the text was cut. */
  function markedNodes(pairs) {
    var fragment = document.createDocumentFragment();
    fragment.appendChild(document.createTextNode("… "));
    pairs.forEach(function (pair, index) {
      var gap = index ? " " : "";
      if (pair[1]) {
        if (gap) fragment.appendChild(document.createTextNode(gap));
        var mark = document.createElement("mark");
        mark.textContent = pair[0];
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(gap + pair[0]));
      }
    });
    fragment.appendChild(document.createTextNode(" …"));
    return fragment;
  }

  function item(result) {
    var entry = document.createElement("li");
    entry.className = "atlas-search__item";
    var link = document.createElement("a");
    link.className = "atlas-search__link";
    link.href = safeHref(result.url);
    var title = document.createElement("strong");
    var name = plain(result.meta && result.meta.title ? result.meta.title : result.url);
    title.textContent = name;
    var section = bestSection(result);
    var excerpt = document.createElement("span");
    excerpt.className = "atlas-search__excerpt";
    // The excerpt comes from the best section; a match at the top of a pattern page is mostly its hidden
    // list of names, so the summary stands in for it
    var summary = result.meta && result.meta.summary;
    if (section) excerpt.appendChild(excerptNodes(section.excerpt || ""));
    else if (summary) excerpt.textContent = summary;
    else excerpt.appendChild(excerptNodes(result.excerpt || ""));
    link.appendChild(title);
    link.appendChild(excerpt);
    entry.appendChild(link);
    if (section) {
      var jump = document.createElement("a");
      jump.className = "atlas-search__section";
      jump.href = safeHref(section.url);
      jump.textContent = "§ " + plain(section.title);
      jump.setAttribute("aria-label", name + ", section " + plain(section.title));
      entry.appendChild(jump);
    }
    return entry;
  }

  function render(results, query, total) {
    list.textContent = "";
    results.forEach(function (result) { list.appendChild(item(result)); });
    status.textContent = total ? total + (total === 1 ? " page matches “" : " pages match “") + query + "”" : "No page matches “" + query + "”";
    var url = new URL("search/", root);
    url.searchParams.set("q", query);
    all.href = url.href;
    all.textContent = total > 1 ? "See all " + total + " results" : "Open the search page";
    all.hidden = false;
  }

  /* A pattern whose name, alias or search keyword is exactly the query comes first ("caching" finds
     the Caching page before its variants); otherwise Pagefind's order stands. */
  function named(result, query) {
    var wanted = query.toLowerCase();
    var meta = result.meta || {};
    var names = [meta.title || ""].concat((meta.keywords || "").split(" · "), (meta.aliases || "").split(" · "));
    return names.some(function (name) { return name.trim().toLowerCase() === wanted; });
  }

  function exactFirst(results, query) {
    return results.filter(function (r) { return named(r, query); }).concat(results.filter(function (r) { return !named(r, query); }));
  }

  /* "GraphQL vs REST": find the pattern each side names and lead with their comparison, the pair's own page
     when the two are alternatives (api/pairs.json lists those), otherwise the pick-any comparison. */
  var VERSUS = /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/i;
  var pairs = null;

  function patternId(result) {
    var match = /\/patterns\/([a-z0-9-]+)\/$/.exec(new URL(result.url, window.location.href).pathname);
    return match ? match[1] : null;
  }

  function side(pagefind, text) {
    return pagefind.search(text).then(function (found) {
      return Promise.all(found.results.slice(0, FIRST).map(function (r) { return r.data(); }));
    }).then(function (results) {
      var hit = exactFirst(results, text).filter(patternId)[0];
      return hit ? { id: patternId(hit), name: plain(hit.meta && hit.meta.title ? hit.meta.title : hit.url) } : null;
    });
  }

  function comparison(pagefind, query) {
    var match = VERSUS.exec(query);
    if (!match) return Promise.resolve(null);
    if (!pairs) {
      pairs = fetch(new URL("api/pairs.json", root).href).then(function (r) { return r.ok ? r.json() : []; }, function () { return []; });
    }
    return Promise.all([side(pagefind, match[1].trim()), side(pagefind, match[2].trim()), pairs]).then(function (found) {
      var a = found[0], b = found[1];
      if (!a || !b || a.id === b.id) return null;
      var slug = [a.id, b.id].sort().join("-vs-");
      var own = found[2].indexOf(slug) >= 0;
      return {
        url: new URL(own ? "compare/" + slug + "/" : "compare/?p=" + a.id + "," + b.id, root).href,
        meta: { title: a.name + " vs " + b.name,
                summary: own ? "The two alternatives side by side: when to choose each, ratings and trade-offs."
                             : "These two side by side, in the pattern comparison." }
      };
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = (latest += 1);
    function current() { return ticket === latest; } // false once a later keystroke has asked again
    if (!query) {
      show(false);
      return;
    }
    var lead = [];
    function ordered(results) { return lead.concat(exactFirst(results, query)); }
    load().then(function (pagefind) {
      return Promise.all([pagefind.search(query), comparison(pagefind, query)]);
    }).then(function (both) {
      if (!current()) return null; // typed on: skip loading fragments nobody will see
      var found = both[0];
      if (both[1]) lead = [both[1]];
      var total = found.results.length + lead.length;
      var rest = found.results.slice(FIRST, SHOWN);
      return Promise.all(found.results.slice(0, FIRST).map(function (r) { return r.data(); })).then(function (first) {
        if (!current()) return null;
        render(ordered(first), query, total);
        list.setAttribute("aria-busy", String(rest.length > 0));
        show(true);
        return Promise.all(rest.map(function (r) { return r.data(); })).then(function (more) {
          if (!current()) return;
          list.setAttribute("aria-busy", "false");
          if (more.some(function (r) { return named(r, query); })) {
            render(ordered(first.concat(more)), query, total); // a late exact match still goes first
          } else {
            more.forEach(function (result) { list.appendChild(item(result)); }); // appending keeps focus and scroll
          }
        });
      });
    });
  }

  // The full results page (/search/, atlas-search-page.js) uses the same engine and the same safe builders.
  window.atlasSearch = { load: load, root: root, excerptNodes: excerptNodes, markedNodes: markedNodes, safeHref: safeHref,
                         plain: plain, places: places, exactFirst: exactFirst, comparison: comparison };

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
      var link = panel.querySelector("a:not([hidden])");
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
