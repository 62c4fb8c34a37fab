/* Backend Pattern Atlas: "compare any" page. Reads the data embedded in the page (no request),
   keeps the selection in the address (?p=a,b,c) so the link can be shared, and builds the table
   with DOM methods only, so entry text is never interpreted as markup. The address is not trusted:
   only ids the data has as its own keys are used (never __proto__ or toString from the prototype),
   the rest is named in a text-only notice and dropped from the address. */
(function () {
  "use strict";
  var root = document.getElementById("atlas-compare");
  if (!root) return;
  var data = JSON.parse(document.getElementById("atlas-compare-data").textContent);
  var max = Number(root.getAttribute("data-max")) || 4;
  var SYMBOL = { improves: "▲", neutral: "●", worsens: "▼" };

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, key === "title" ? tooltipText(attrs[key]) : attrs[key]);
    });
    return node;
  }

  /* The theme's tooltips show a title as HTML, so a title holding "<" is escaped once more and shows
     the characters as typed (the same rule as the build's output policy, macros/atlas/safety.py). */
  function tooltipText(value) {
    value = String(value);
    return value.indexOf("<") < 0 ? value : value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  }

  var listed = window.AtlasAddress.listed; // atlas-address.js

  /* The selection in the address (?p=a,b or ?p=a&p=b): known ids in order, each once, at most max. */
  function fromUrl() {
    var raw = new URL(window.location.href).searchParams.getAll("p");
    var picked = [], unknown = [], extra = [];
    raw.join(",").split(",").forEach(function (id) {
      if (!id || picked.indexOf(id) >= 0) return;
      if (!Object.hasOwn(data.patterns, id)) {
        if (unknown.indexOf(id) < 0) unknown.push(id);
      } else if (picked.length >= max) {
        if (extra.indexOf(id) < 0) extra.push(id);
      } else {
        picked.push(id);
      }
    });
    return { picked: picked, unknown: unknown, extra: extra, changed: picked.join(",") !== raw.join(",") };
  }

  /* "Add to comparison" on a pattern page opens /compare/?add=<id>: the pattern joins the reader's last
     selection on this page (remembered in this browser), unless the address names its own (?p=). */
  var KEY = "atlas-compare-selection";
  function remembered() {
    try {
      return (window.localStorage.getItem(KEY) || "").split(",").filter(function (id) { return Object.hasOwn(data.patterns, id); });
    } catch {
      return [];
    }
  }
  function remember(ids) {
    try { window.localStorage.setItem(KEY, ids.join(",")); } catch { /* storage off: the address still keeps it */ }
  }
  (function () {
    var url = new URL(window.location.href);
    var added = url.searchParams.get("add");
    if (added === null) return;
    url.searchParams.delete("add");
    if (!url.searchParams.has("p")) {
      var ids = remembered().filter(function (id) { return id !== added; });
      ids.push(added);
      url.searchParams.set("p", ids.slice(-max).join(","));
    }
    window.history.replaceState(null, "", url.href);
  })();

  var fromAddress = fromUrl();
  var selection = fromAddress.picked;
  var picker = el("fieldset", null, { class: "atlas-compare__picker" });
  picker.appendChild(el("legend", "Patterns to compare (two to " + max + ")"));
  var byFamily = {};
  Object.keys(data.patterns).forEach(function (id) {
    (byFamily[data.patterns[id].family] = byFamily[data.patterns[id].family] || []).push(id);
  });
  var boxes = {};
  Object.keys(data.families).forEach(function (family) {
    if (!byFamily[family]) return;
    var group = el("div", null, { class: "atlas-compare__family" });
    group.appendChild(el("strong", data.families[family].name));
    byFamily[family].forEach(function (id) {
      var label = el("label");
      var box = el("input", null, { type: "checkbox", value: id, name: "p" });
      box.checked = selection.indexOf(id) >= 0;
      box.addEventListener("change", function () {
        if (box.checked) selection.push(id); else selection = selection.filter(function (x) { return x !== id; });
        // The comparison above grows or shrinks: keep the box where the reader's eyes and focus are
        var before = box.getBoundingClientRect().top;
        update(true);
        window.scrollBy(0, box.getBoundingClientRect().top - before);
      });
      boxes[id] = box;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + data.patterns[id].name));
      group.appendChild(label);
    });
    picker.appendChild(group);
  });
  var status = el("p", null, { class: "atlas-compare__status", "aria-live": "polite" });
  var result = el("div", null, { class: "atlas-compare__result" });
  var ignored = [];
  if (fromAddress.unknown.length) {
    ignored.push((fromAddress.unknown.length === 1 ? "Unknown pattern " : "Unknown patterns ") + listed(fromAddress.unknown) +
      (fromAddress.unknown.length === 1 ? " in the address was ignored." : " in the address were ignored."));
  }
  if (fromAddress.extra.length) {
    ignored.push("Only " + max + " patterns fit side by side: " + listed(fromAddress.extra) +
      (fromAddress.extra.length === 1 ? " in the address was ignored." : " in the address were ignored."));
  }
  if (ignored.length) root.appendChild(el("p", ignored.join(" "), { class: "atlas-compare__notice atlas-notice" }));
  // The comparison first, the picker after it: a shared link opens straight onto the table.
  root.appendChild(status);
  root.appendChild(result);
  root.appendChild(picker);

  function patternLink(id, anchor) {
    return el("a", data.patterns[id].name, { href: "../patterns/" + id + "/" + (anchor ? "#" + anchor : "") });
  }

  function table(caption, headers, rows) {
    var t = el("table");
    t.appendChild(el("caption", caption));
    var head = t.createTHead().insertRow();
    headers.forEach(function (h) {
      var th = el("th", null, { scope: "col" });
      if (typeof h === "string") th.textContent = h; else th.appendChild(h);
      head.appendChild(th);
    });
    var body = t.createTBody();
    rows.forEach(function (cells) {
      var row = body.insertRow();
      cells.forEach(function (c, i) {
        var cell = el(i === 0 ? "th" : "td", null, i === 0 ? { scope: "row" } : {});
        if (typeof c === "string") cell.textContent = c; else cell.appendChild(c);
        row.appendChild(cell);
      });
    });
    var wrap = el("div", null, { class: "md-typeset__table atlas-compare__table" });
    wrap.appendChild(t);
    return wrap;
  }

  function update(pushUrl) {
    Object.keys(boxes).forEach(function (id) {
      boxes[id].disabled = !boxes[id].checked && selection.length >= max;
    });
    if (pushUrl) {
      var url = new URL(window.location.href);
      if (selection.length) url.searchParams.set("p", selection.join(",")); else url.searchParams.delete("p");
      window.history.replaceState(null, "", url);
    }
    remember(selection);
    result.textContent = "";
    if (selection.length < 2) {
      status.textContent = "Pick at least two patterns (" + selection.length + " picked).";
      return;
    }
    status.textContent = selection.length + " patterns side by side.";
    var headers = ["Aspect"].concat(selection.map(function (id) { return patternLink(id); }));
    result.appendChild(el("h2", "In brief", { id: "in-brief" }));
    var brief = [["What it is", "summary"], ["Main benefit", "benefit"], ["Main cost", "cost"]].map(function (row) {
      return [row[0]].concat(selection.map(function (id) { return data.patterns[id][row[1]]; }));
    });
    brief.splice(1, 0, ["Family"].concat(selection.map(function (id) { return data.families[data.patterns[id].family].name; })));
    result.appendChild(table("What each pattern is, with its main benefit and cost", headers, brief));

    result.appendChild(el("h2", "Qualities side by side", { id: "qualities" }));
    result.appendChild(el("p", SYMBOL.improves + " improves · " + SYMBOL.neutral + " neutral · " + SYMBOL.worsens +
      " worsens, each with its reason; rows where the patterns differ are marked."));
    var rows = Object.keys(data.qualities).map(function (q) {
      var effects = selection.map(function (id) { return data.patterns[id].effects[q][0]; });
      var differs = effects.some(function (e) { return e !== effects[0]; });
      var name = el("span", data.qualities[q]);
      if (differs) {
        name.appendChild(document.createTextNode(" "));
        name.appendChild(el("strong", "differs", { class: "atlas-compare__differs" }));
      }
      return [name].concat(selection.map(function (id) {
        var effect = data.patterns[id].effects[q];
        var cell = document.createDocumentFragment();
        var link = el("a", null, { href: "../patterns/" + id + "/#effect-" + q });
        link.appendChild(el("span", SYMBOL[effect[0]] + " " + effect[0], { class: "atlas-effect atlas-effect--" + effect[0] }));
        cell.appendChild(link);
        cell.appendChild(el("span", effect[1], { class: "atlas-compare__reason" }));
        return cell;
      }));
    });
    result.appendChild(table("Effect on each quality, with the reason (each links to the pattern's page)",
      ["Quality"].concat(headers.slice(1).map(function (h) { return h.cloneNode(true); })), rows));

    result.appendChild(el("h2", "Ratings side by side", { id: "ratings" }));
    var families = selection.map(function (id) { return data.patterns[id].family; })
      .filter(function (f, i, all) { return all.indexOf(f) === i; });
    families.forEach(function (family) {
      var attrs = data.families[family].attributes;
      var rows = Object.keys(attrs).map(function (a) {
        return [attrs[a]].concat(selection.map(function (id) {
          var rating = data.patterns[id].ratings[a];
          if (data.patterns[id].family !== family || !rating) return "—";
          return el("a", rating[0] + "/5", { href: "../patterns/" + id + "/#rating-" + a, title: rating[1] });
        }));
      });
      result.appendChild(table("Ratings on the " + data.families[family].name.toLowerCase() + " attributes (5 is best)", headers.map(function (h) {
        return typeof h === "string" ? "Attribute" : h.cloneNode(true);
      }), rows));
    });

    result.appendChild(el("h2", "When to choose which", { id: "when-to-choose" }));
    var choose = el("div", null, { class: "atlas-compare__choose" });
    selection.forEach(function (id) {
      var block = el("section", null, { class: "atlas-compare__when" });
      var heading = el("h3", "Choose ");
      heading.appendChild(patternLink(id));
      heading.appendChild(document.createTextNode(" when"));
      block.appendChild(heading);
      var signals = el("ul");
      data.patterns[id].use_when.forEach(function (signal) { signals.appendChild(el("li", signal)); });
      block.appendChild(signals);
      var avoid = data.patterns[id].avoid_when;
      if (avoid.length) {
        block.appendChild(el("p", "Avoid it when", { class: "atlas-compare__avoid" }));
        var against = el("ul");
        avoid.forEach(function (signal) { against.appendChild(el("li", signal)); });
        block.appendChild(against);
      }
      choose.appendChild(block);
    });
    result.appendChild(choose);

    if (selection.length === 2) {
      var slug = selection.slice().sort().join("-vs-");
      if (data.pairs.indexOf(slug) >= 0) {
        var more = el("p");
        more.appendChild(document.createTextNode("These two are alternatives: "));
        more.appendChild(el("a", "read the full comparison", { href: slug + "/" }));
        more.appendChild(document.createTextNode("."));
        result.appendChild(more);
      }
    }
  }
  update(fromAddress.changed); // a cleaned-up selection replaces what the address asked for
})();
