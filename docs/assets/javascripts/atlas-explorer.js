/* Backend Pattern Atlas: faceted explorer. Reads the site's own JSON export (same origin, no other
   request), filters on family, tags, team size, quality effects and family ratings, and keeps every
   filter in the address. Entry text is only ever set with textContent. The address is not trusted:
   each filter is checked against the data's own keys (never __proto__ or toString from the prototype)
   and its allowed values; the rest is named in a text-only notice and dropped from the address. */
(function () {
  "use strict";
  var root = document.getElementById("atlas-explorer");
  if (!root) return;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function select(name, label, options, value) {
    var wrap = el("label", label + " ", { class: "atlas-explorer__field" });
    var box = el("select", null, { name: name });
    options.forEach(function (o) {
      var option = el("option", o[1], { value: o[0] });
      if (o[0] === value) option.selected = true;
      box.appendChild(option);
    });
    wrap.appendChild(box);
    return wrap;
  }

  var listed = window.AtlasAddress.listed; // atlas-address.js

  var LEVELS = { min: ["2", "3", "4", "5"], max: ["1", "2", "3", "4"] };
  var EFFECTS = ["improves", "not-worse"];

  /* The filters in the address that this data knows, and what was ignored, by kind. */
  function fromAddress(raw, data, allTags) {
    var clean = new URLSearchParams();
    var ignored = { family: [], team: [], tag: [], filter: [] };
    function keep(key, value, ok, bucket) {
      if (value === "") return; // an empty filter means "any"
      if (!ok) {
        if (bucket.indexOf(value) < 0) bucket.push(value);
      } else if (!clean.has(key)) {
        clean.set(key, value);
      }
    }
    raw.getAll("family").forEach(function (f) { keep("family", f, Object.hasOwn(data.families, f), ignored.family); });
    raw.getAll("team").forEach(function (t) { keep("team", t, Object.hasOwn(data.team_sizes, t), ignored.team); });
    var tags = [];
    raw.getAll("tags").join(",").split(",").forEach(function (t) {
      if (!t || tags.indexOf(t) >= 0) return;
      if (allTags.indexOf(t) >= 0) tags.push(t); else if (ignored.tag.indexOf(t) < 0) ignored.tag.push(t);
    });
    if (tags.length) clean.set("tags", tags.join(","));
    var family = clean.get("family");
    raw.forEach(function (value, key) {
      if (key === "family" || key === "team" || key === "tags") return;
      var parts = /^(q|min|max)\.(.+)$/.exec(key);
      var ok = false;
      if (parts && parts[1] === "q") {
        ok = Object.hasOwn(data.quality_attributes, parts[2]) && EFFECTS.indexOf(value) >= 0;
      } else if (parts) {
        ok = Boolean(family) && Object.hasOwn(data.families[family].attributes, parts[2]) && LEVELS[parts[1]].indexOf(value) >= 0;
      }
      if (ok) keep(key, value, true); else if (value !== "") keep(key, key + "=" + value, false, ignored.filter);
    });
    return { params: clean, ignored: ignored };
  }

  function notice(ignored) {
    var kinds = [["family", "family", "families"], ["team", "team size", "team sizes"], ["tag", "tag", "tags"],
      ["filter", "filter", "filters"]];
    return kinds.filter(function (k) { return ignored[k[0]].length; }).map(function (k) {
      var one = ignored[k[0]].length === 1;
      return "Unknown " + (one ? k[1] : k[2]) + " " + listed(ignored[k[0]]) + " in the address " + (one ? "was" : "were") + " ignored.";
    }).join(" ");
  }

  fetch(root.getAttribute("data-source")).then(function (r) {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }).then(function (data) {
    var allTags = [];
    data.patterns.forEach(function (p) { p.tags.forEach(function (t) { if (allTags.indexOf(t) < 0) allTags.push(t); }); });
    allTags.sort();
    var raw = new URL(window.location.href).searchParams;
    var checked = fromAddress(raw, data, allTags);
    var params = checked.params;
    var form = el("form", null, { class: "atlas-explorer__form", "aria-label": "Filters" });
    var count = el("p", "", { class: "atlas-explorer__count", role: "status", "aria-live": "polite" });
    var list = el("ul", null, { class: "atlas-explorer__results" });

    function build() {
      form.textContent = "";
      var family = params.get("family") || "";
      form.appendChild(select("family", "Family", [["", "Any family"]].concat(Object.keys(data.families).map(function (f) {
        return [f, data.families[f].name];
      })), family));
      form.appendChild(select("team", "Team size", [["", "Any team size"]].concat(Object.keys(data.team_sizes).map(function (t) {
        return [t, t + ": " + data.team_sizes[t]];
      })), params.get("team") || ""));

      var qualities = el("fieldset", null, { class: "atlas-explorer__group" });
      qualities.appendChild(el("legend", "Effect on qualities"));
      Object.keys(data.quality_attributes).forEach(function (q) {
        qualities.appendChild(select("q." + q, data.quality_attributes[q], [["", "any"], ["improves", "improves it"],
          ["not-worse", "does not worsen it"]], params.get("q." + q) || ""));
      });
      form.appendChild(qualities);

      if (family) {
        var ratings = el("fieldset", null, { class: "atlas-explorer__group" });
        ratings.appendChild(el("legend", "Ratings (" + data.families[family].name + ")"));
        Object.keys(data.families[family].attributes).forEach(function (a) {
          var name = data.families[family].attributes[a];
          var levels = [["", "any"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"]];
          ratings.appendChild(select("min." + a, name + " at least", levels, params.get("min." + a) || ""));
          ratings.appendChild(select("max." + a, "at most", [["", "any"], ["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"]],
            params.get("max." + a) || ""));
        });
        form.appendChild(ratings);
      }

      var tags = el("fieldset", null, { class: "atlas-explorer__group atlas-explorer__tags" });
      tags.appendChild(el("legend", "Tags (all must match)"));
      var chosen = (params.get("tags") || "").split(",").filter(Boolean);
      allTags.forEach(function (t) {
        var label = el("label");
        var box = el("input", null, { type: "checkbox", name: "tag", value: t });
        box.checked = chosen.indexOf(t) >= 0;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + t));
        tags.appendChild(label);
      });
      form.appendChild(tags);
      var reset = el("button", "Clear all filters", { type: "button", class: "md-button" });
      reset.addEventListener("click", function () { params = new URLSearchParams(); save(); build(); apply(); });
      form.appendChild(reset);
    }

    function save() {
      var url = new URL(window.location.href);
      url.search = params.toString();
      window.history.replaceState(null, "", url);
    }

    function matches(p) {
      var family = params.get("family");
      if (family && p.family !== family) return false;
      var team = params.get("team");
      // A pattern with no team-size rating cannot be said to fit a team size: it is left out and counted.
      if (team && (!p.team_fit || p.team_fit.indexOf(team) < 0)) return false;
      var tags = (params.get("tags") || "").split(",").filter(Boolean);
      if (!tags.every(function (t) { return p.tags.indexOf(t) >= 0; })) return false;
      for (var q in data.quality_attributes) {
        var want = params.get("q." + q), effect = p.quality_effects[q].effect;
        if (want === "improves" && effect !== "improves") return false;
        if (want === "not-worse" && effect === "worsens") return false;
      }
      if (family) {
        for (var a in data.families[family].attributes) {
          var score = p.ratings[a].score;
          if (params.get("min." + a) && score < Number(params.get("min." + a))) return false;
          if (params.get("max." + a) && score > Number(params.get("max." + a))) return false;
        }
      }
      return true;
    }

    // Why a pattern is in the list: the filters in use, in the words the form uses.
    function reasons(p) {
      var out = [];
      if (params.get("family")) out.push(data.families[p.family].name);
      if (params.get("team")) out.push("fits a " + params.get("team") + " team");
      (params.get("tags") || "").split(",").filter(Boolean).forEach(function (t) { out.push("tag " + t); });
      for (var q in data.quality_attributes) {
        var want = params.get("q." + q), name = data.quality_attributes[q].toLowerCase();
        if (want === "improves") out.push("improves " + name);
        if (want === "not-worse") out.push(p.quality_effects[q].effect + " " + name);
      }
      var family = params.get("family");
      if (family) {
        for (var a in data.families[family].attributes) {
          if (params.get("min." + a) || params.get("max." + a)) {
            out.push(data.families[family].attributes[a].toLowerCase() + " " + p.ratings[a].score + "/5");
          }
        }
      }
      return out;
    }

    function apply() {
      var hits = data.patterns.filter(matches);
      var text = hits.length + " of " + data.count + " patterns match";
      if (params.get("team")) {
        var unrated = data.patterns.filter(function (p) { return !p.team_fit; }).length;
        if (unrated) text += "; " + unrated + " have no team-size rating and are left out";
      }
      count.textContent = text;
      list.textContent = "";
      hits.forEach(function (p) {
        var item = el("li");
        item.appendChild(el("a", p.name, { href: "../" + p.url }));
        item.appendChild(el("span", " · " + data.families[p.family].name, { class: "atlas-explorer__family" }));
        item.appendChild(el("br"));
        item.appendChild(el("span", p.summary));
        var why = reasons(p);
        if (why.length) item.appendChild(el("span", "Matches: " + why.join(" · "), { class: "atlas-explorer__why" }));
        list.appendChild(item);
      });
    }

    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.name === "tag") {
        var tags = Array.prototype.slice.call(form.querySelectorAll("input[name=tag]:checked")).map(function (b) { return b.value; });
        if (tags.length) params.set("tags", tags.join(",")); else params.delete("tags");
      } else if (target.value) {
        params.set(target.name, target.value);
      } else {
        params.delete(target.name);
      }
      if (target.name === "family") {
        // ratings differ by family: drop thresholds that belonged to the previous one
        Array.from(params.keys()).filter(function (k) { return /^(min|max)\./.test(k); }).forEach(function (k) { params.delete(k); });
        save();
        build();
      } else {
        save();
      }
      apply();
    });

    var said = notice(checked.ignored);
    if (said) root.appendChild(el("p", said, { class: "atlas-explorer__notice atlas-notice" }));
    root.appendChild(form);
    root.appendChild(count);
    root.appendChild(list);
    if (params.toString() !== raw.toString()) save(); // the address keeps only the filters in use
    build();
    apply();
  }, function () {
    // Only a failed request lands here: a fault in drawing the page is not reported as missing data.
    root.textContent = "The catalog data could not be loaded; the catalog page lists every pattern.";
  });
})();
