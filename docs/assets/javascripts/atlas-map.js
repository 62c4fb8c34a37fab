/* Backend Pattern Atlas: the map's focus. Choosing a family or a pattern (the select, or pointing at
   or tabbing to a pattern) lights it and its neighbours, draws the lines between them, lists the
   neighbours as links and narrows the relations table to them. The choice lives in the address
   (?focus=id or ?focus=family:id) so a reviewer can share it. Built with DOM methods only: no text
   from the data is ever interpreted as markup, and the address is only matched against known ids. */
(function () {
  "use strict";
  var svg = document.querySelector("svg.atlas-graph--map");
  var root = document.getElementById("atlas-map-focus-root");
  var source = document.getElementById("atlas-map-data");
  if (!svg || !root || !source) return;
  var data = JSON.parse(source.textContent);

  function option(value, text) {
    var node = document.createElement("option");
    node.value = value;
    node.textContent = text;
    return node;
  }

  /* The picker: everything, one family, or one pattern (by name). */
  var label = document.createElement("label");
  label.setAttribute("for", "atlas-map-focus");
  label.textContent = "Focus on ";
  var select = document.createElement("select");
  select.id = "atlas-map-focus";
  select.appendChild(option("", "Everything"));
  var familyGroup = document.createElement("optgroup");
  familyGroup.label = "Families";
  Object.keys(data.families).forEach(function (id) { familyGroup.appendChild(option("family:" + id, data.families[id])); });
  var patternGroup = document.createElement("optgroup");
  patternGroup.label = "Patterns";
  Object.keys(data.patterns).sort(function (a, b) {
    return data.patterns[a].name.localeCompare(data.patterns[b].name);
  }).forEach(function (id) { patternGroup.appendChild(option(id, data.patterns[id].name)); });
  select.appendChild(familyGroup);
  select.appendChild(patternGroup);
  var panel = document.createElement("div");
  panel.className = "atlas-map-panel";
  panel.setAttribute("aria-live", "polite");
  root.appendChild(label);
  root.appendChild(select);
  root.appendChild(panel);
  var nodes = Array.prototype.slice.call(svg.querySelectorAll(".atlas-graph__node[data-id]"));
  var edges = Array.prototype.slice.call(svg.querySelectorAll(".atlas-graph__edge"));
  var rows = Array.prototype.slice.call(document.querySelectorAll(".md-typeset table tbody tr"))
    .filter(function (row) { return row.querySelector("a[href]"); });
  root.hidden = false;

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* The ids a focus value stands for, or null when it names nothing we know. */
  function members(value) {
    if (!value) return [];
    if (value.indexOf("family:") === 0) {
      var family = value.slice(7);
      if (!has(data.families, family)) return null;
      return Object.keys(data.patterns).filter(function (id) { return data.patterns[id].family === family; });
    }
    return has(data.patterns, value) ? [value] : null;
  }

  function patternHref(id) {
    var node = nodes.filter(function (n) { return n.getAttribute("data-id") === id; })[0];
    return node ? node.getAttribute("href") : "#";
  }

  function rowIds(row) {
    return Array.prototype.map.call(row.querySelectorAll("a[href]"), function (a) {
      var parts = a.getAttribute("href").split("/").filter(Boolean);
      return parts[parts.length - 1].replace(/\.md$|\.html$/, "");
    });
  }

  function light(ids) {
    var focus = {}, near = {};
    ids.forEach(function (id) { focus[id] = true; });
    ids.forEach(function (id) {
      data.patterns[id].links.forEach(function (link) { if (!focus[link[1]]) near[link[1]] = true; });
    });
    svg.classList.toggle("atlas-graph--focused", ids.length > 0);
    nodes.forEach(function (node) {
      var id = node.getAttribute("data-id");
      node.classList.toggle("is-focus", !!focus[id]);
      node.classList.toggle("is-near", !!near[id]);
    });
    edges.forEach(function (edge) {
      edge.classList.toggle("is-lit", !!(focus[edge.getAttribute("data-a")] || focus[edge.getAttribute("data-b")]));
    });
    return { focus: focus, near: near };
  }

  function describe(value, ids) {
    panel.textContent = "";
    if (!ids.length) return;
    var title = document.createElement("p");
    var list = document.createElement("ul");
    if (value.indexOf("family:") === 0) {
      title.textContent = data.families[value.slice(7)] + ": " + ids.length + " patterns. Each links to its page.";
      ids.forEach(function (id) {
        var item = document.createElement("li"), a = document.createElement("a");
        a.textContent = data.patterns[id].name;
        a.setAttribute("href", patternHref(id));
        item.appendChild(a);
        item.appendChild(document.createTextNode(" (" + data.patterns[id].links.length + " relations)"));
        list.appendChild(item);
      });
    } else {
      var pattern = data.patterns[ids[0]];
      title.textContent = pattern.name + ": " + pattern.links.length + " related patterns.";
      pattern.links.forEach(function (link) {
        var item = document.createElement("li"), a = document.createElement("a");
        item.appendChild(document.createTextNode(link[0] + ": "));
        a.textContent = has(data.patterns, link[1]) ? data.patterns[link[1]].name : link[1];
        a.setAttribute("href", patternHref(link[1]));
        item.appendChild(a);
        list.appendChild(item);
      });
    }
    panel.appendChild(title);
    panel.appendChild(list);
  }

  function apply(value, remember) {
    var ids = members(value);
    if (ids === null) { value = ""; ids = []; }
    select.value = value;
    light(ids);
    describe(value, ids);
    var wanted = {};
    ids.forEach(function (id) { wanted[id] = true; });
    rows.forEach(function (row) {
      row.hidden = ids.length > 0 && !rowIds(row).some(function (id) { return wanted[id]; });
    });
    if (remember) {
      var url = new URL(window.location.href);
      if (value) url.searchParams.set("focus", value); else url.searchParams.delete("focus");
      history.replaceState(null, "", url.href);
    }
  }

  select.addEventListener("change", function () { apply(select.value, true); });
  /* Pointing at or tabbing to a pattern previews its neighbours; leaving restores the chosen focus. */
  nodes.forEach(function (node) {
    var preview = function () { light([node.getAttribute("data-id")]); };
    var restore = function () { light(members(select.value) || []); };
    node.addEventListener("mouseenter", preview);
    node.addEventListener("focus", preview);
    node.addEventListener("mouseleave", restore);
    node.addEventListener("blur", restore);
  });
  apply(new URL(window.location.href).searchParams.get("focus") || "", false);
})();
