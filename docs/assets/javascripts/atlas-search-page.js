/* Backend Pattern Atlas: the full search results page (/search/?q=...). Every result, ten at a time with a
   button for more; matched words marked; each result links to its page and to the items and sections of
   that page where the words matched. Uses the header's Pagefind engine and its builders (atlas-search.js):
   index text becomes text nodes and <mark> elements only, never markup. */
(function () {
  "use strict";
  var host = document.getElementById("atlas-results");
  var search = window.atlasSearch;
  if (!host || !search) return;
  var STEP = 10;   // results added per "Show more"
  var PLACES = 3;  // matching places shown under each result

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var form = element("form", "atlas-results__form");
  form.setAttribute("role", "search");
  var label = element("label", "atlas-results__label", "Search the atlas for");
  label.htmlFor = "atlas-results-input";
  var input = element("input", "atlas-results__input");
  input.id = "atlas-results-input";
  input.type = "search";
  input.name = "q";
  input.autocomplete = "off";
  input.spellcheck = false;
  var submit = element("button", "md-button atlas-results__submit", "Search");
  submit.type = "submit";
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(submit);
  var status = element("p", "atlas-results__status");
  status.setAttribute("role", "status");
  var list = element("ol", "atlas-results__list");
  var more = element("button", "md-button atlas-results__more");
  more.type = "button";
  more.hidden = true;
  host.appendChild(form);
  host.appendChild(status);
  host.appendChild(list);
  host.appendChild(more);

  var found = [];      // every result of the current query, as Pagefind returns them (data not loaded)
  var shown = 0;
  var lead = null;     // "A vs B": their comparison, shown first
  var query = "";
  var latest = 0;

  function place(spot) {
    var entry = element("li", "atlas-results__place");
    var link = element("a", "atlas-results__place-link", "§ " + (spot.title || "Top of the page"));
    link.href = search.safeHref(spot.url);
    entry.appendChild(link);
    var text = element("span", "atlas-results__excerpt");
    text.appendChild(search.markedNodes(spot.excerpt));
    entry.appendChild(text);
    return entry;
  }

  function item(data) {
    var entry = element("li", "atlas-results__item");
    var title = element("a", "atlas-results__title", search.plain(data.meta && data.meta.title ? data.meta.title : data.url));
    title.href = search.safeHref(data.url);
    entry.appendChild(title);
    var summary = data.meta && data.meta.summary;
    var excerpt = element("p", "atlas-results__excerpt");
    if (summary) excerpt.textContent = summary;
    else excerpt.appendChild(search.excerptNodes(data.excerpt || ""));
    entry.appendChild(excerpt);
    if (!data.content) return entry; // a lead comparison, not a page of the index
    // The places with most matches first; the top of the page is the title link itself
    var spots = search.places(data).filter(function (spot) { return spot.url.indexOf("#") >= 0; });
    spots.sort(function (a, b) { return b.locations.length - a.locations.length || a.start - b.start; });
    if (spots.length) {
      var where = element("ul", "atlas-results__places");
      spots.slice(0, PLACES).forEach(function (spot) { where.appendChild(place(spot)); });
      if (spots.length > PLACES) {
        where.appendChild(element("li", "atlas-results__place atlas-results__place--more",
          "and " + (spots.length - PLACES) + " more " + (spots.length - PLACES === 1 ? "place" : "places") + " on this page"));
      }
      entry.appendChild(where);
    }
    return entry;
  }

  function counted() {
    var total = found.length + (lead ? 1 : 0);
    if (!total) return "No page matches “" + query + "”";
    return "Showing " + Math.min(shown + (lead ? 1 : 0), total) + " of " + total + (total === 1 ? " result" : " results") + " for “" + query + "”";
  }

  /* Load and draw the next STEP results; focus the first new one when a person asked for more. */
  function next(ticket, focus) {
    var slice = found.slice(shown, shown + STEP);
    more.disabled = true;
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (results) {
      if (ticket !== latest) return;
      if (shown === 0) {
        results = search.exactFirst(results, query);
        if (lead) list.appendChild(item(lead));
      }
      var first = null;
      results.forEach(function (data) {
        var entry = item(data);
        first = first || entry;
        list.appendChild(entry);
      });
      shown += slice.length;
      status.textContent = counted();
      more.hidden = shown >= found.length;
      more.disabled = false;
      more.textContent = "Show " + Math.min(STEP, found.length - shown) + " more of " + (found.length - shown);
      if (focus && first) first.querySelector("a").focus();
    });
  }

  function run(text) {
    var ticket = (latest += 1);
    query = text.trim();
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    found = [];
    lead = null;
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.href);
    if (!query) {
      status.textContent = "Type a word or two: a pattern, a problem, a failure, a term.";
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    return search.load().then(function (pagefind) {
      return Promise.all([pagefind.search(query), search.comparison(pagefind, query)]);
    }).then(function (both) {
      if (ticket !== latest) return null;
      found = both[0].results;
      lead = both[1];
      return next(ticket, false);
    });
  }

  var typing = null;
  input.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { run(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typing);
    run(input.value);
  });
  more.addEventListener("click", function () { next(latest, true); });

  input.value = new URL(window.location.href).searchParams.get("q") || "";
  run(input.value);
  if (!input.value) input.focus();
})();
