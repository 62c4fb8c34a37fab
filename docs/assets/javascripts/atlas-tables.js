/* Backend Pattern Atlas: sorting (vendored tablesort) and family filtering for generated tables.
   Without JavaScript the tables are complete and readable; this only adds controls. */
(function () {
  "use strict";
  var EFFECT_RANK = { improves: "2", neutral: "1", worsens: "0" };

  document.querySelectorAll(".atlas-sortable table").forEach(function (table) {
    // Effect marks sort by meaning (improves > neutral > worsens), not by their symbol.
    table.querySelectorAll("td [data-sort]").forEach(function (mark) {
      mark.closest("td").setAttribute("data-sort", EFFECT_RANK[mark.getAttribute("data-sort")] || "");
    });
    new Tablesort(table); // also makes each heading focusable and sortable with Enter
  });

  document.querySelectorAll(".atlas-table-tools").forEach(function (tools) {
    var table = tools.nextElementSibling && tools.nextElementSibling.querySelector("table");
    if (!table) return;
    var column = Number(tools.getAttribute("data-filter-column"));
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var values = rows.map(function (row) { return row.cells[column].textContent.trim(); })
      .filter(function (value, i, all) { return all.indexOf(value) === i; }).sort();

    var label = document.createElement("label");
    label.textContent = "Family ";
    var select = document.createElement("select");
    select.name = "family";
    [""].concat(values).forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value || "All families";
      select.appendChild(option);
    });
    label.appendChild(select);
    var count = document.createElement("output");
    count.setAttribute("aria-live", "polite");
    tools.appendChild(label);
    tools.appendChild(count);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = !select.value || row.cells[column].textContent.trim() === select.value;
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " patterns";
      var url = new URL(window.location.href);
      if (select.value) url.searchParams.set("family", select.value); else url.searchParams.delete("family");
      window.history.replaceState(null, "", url);
    }
    var initial = new URL(window.location.href).searchParams.get("family");
    if (initial && values.indexOf(initial) >= 0) select.value = initial;
    select.addEventListener("change", apply);
    apply();
  });
})();
