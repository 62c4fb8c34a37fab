// stylelint for the site's own stylesheet (docs/assets/stylesheets); `make lint` runs it from the repository root.
export default {
  reportNeedlessDisables: true,
  extends: ["stylelint-config-standard"],
  rules: {
    // Class names follow BEM (atlas-search__input, atlas-effect--improves), as Material's own classes do.
    "selector-class-pattern": null,
    // The custom properties we use are Material's (--md-default-fg-color--light); their names are not ours.
    "custom-property-pattern": null,
    // Breakpoints are written as min-width/max-width, like Material's, which older Safari versions also read.
    "media-feature-range-notation": "prefix",
    // Chained :not(a):not(b) weighs more than :not(a, b); the dark-scheme button fix needs that weight to win.
    "selector-not-notation": "simple",
    // Small related rules (the evidence labels) are kept on one line each, side by side.
    "declaration-block-single-line-max-declarations": null,
  },
};
