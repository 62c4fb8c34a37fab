// ESLint for the site's own scripts (docs/assets/javascripts; the vendored libraries are not ours to lint).
// `make lint` runs it from the repository root with --config, so the globs below are relative to the root.
import js from "@eslint/js";
import noUnsanitized from "eslint-plugin-no-unsanitized";
import globals from "globals";

export default [
  {
    files: ["docs/assets/javascripts/*.js"],
    plugins: { "no-unsanitized": noUnsanitized },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script", // plain <script> tags, each wrapped in its own function
      // Tablesort is the vendored library that overrides/main.html loads just before atlas-tables.js.
      globals: { ...globals.browser, Tablesort: "readonly" },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      ...js.configs.recommended.rules,
      // Entry text reaches these pages; markup is built with DOM methods and textContent, never from strings.
      "no-unsanitized/method": "error",
      "no-unsanitized/property": "error",
    },
  },
];
