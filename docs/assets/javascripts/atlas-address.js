/* Values read from the address bar, shown back to the reader as text in a notice ("Unknown pattern
   “…” in the address was ignored."): cut short, with control and text-direction characters replaced.
   Loaded before the compare, explorer and wizard scripts (overrides/main.html). */
(function () {
  "use strict";

  function shown(value) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
    var chars = Array.from(String(value).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "\ufffd"));
    return "“" + (chars.length > 40 ? chars.slice(0, 40).join("") + "…" : chars.join("")) + "”";
  }

  function listed(values) {
    var head = values.slice(0, 5).map(shown).join(", ");
    return values.length > 5 ? head + " and " + (values.length - 5) + " more" : head;
  }

  window.AtlasAddress = Object.freeze({ shown: shown, listed: listed });
})();
