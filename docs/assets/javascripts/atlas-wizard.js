/* Backend Pattern Atlas: decision wizard. One question at a time, a back button, the path so far,
   and a recommendation with an Architecture Decision Record to copy or download. The answers live
   in the address (?path=answer,answer,...) so a reviewer can share or reload the exact path.
   Built with DOM methods only, so no text from the data is ever interpreted as markup. The address is
   not trusted: only answer ids that fit the tree are followed, the rest are named in a text-only
   notice and dropped from the address, and the exported record links to the canonical page URL with
   those checked ids only, never to the raw address. */
(function () {
  "use strict";
  var root = document.getElementById("atlas-wizard");
  if (!root) return;
  var tree = JSON.parse(document.getElementById("atlas-wizard-data").textContent);

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  /* The page itself, without query or fragment: nothing from the address but its path. */
  function pageUrl() { return window.location.origin + window.location.pathname; }

  /* A URL as it may stand inside Markdown link parentheses: no character that ends or opens one. */
  function markdownUrl(href) {
    return href.replace(/[\s()<>[\]"'`\\]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
    });
  }

  /* Text as it may stand inside Markdown link brackets. */
  function markdownLinkText(text) { return String(text).replace(/[\\[\]]/g, "\\$&"); }

  function patternUrl(id) { return markdownUrl(new URL("../../patterns/" + id + "/", pageUrl()).href); }

  /* The shareable link to this path: the canonical page URL and the checked answer ids only. */
  function pathUrl(answerIds) {
    var url = new URL(pageUrl());
    if (answerIds.length) url.searchParams.set("path", answerIds.join(","));
    return markdownUrl(url.href);
  }

  var listed = window.AtlasAddress.listed; // atlas-address.js

  /* Sort the ids from the address into those that answer the question reached so far, in order, and
     those that do not (unknown ids, ids of other questions, anything after the outcome). */
  function fit(answerIds) {
    var taken = [], ignored = [], node = tree.start, done = false;
    answerIds.forEach(function (id) {
      var question = !done && Object.hasOwn(tree.questions, node) ? tree.questions[node] : null;
      var answer = question ? question.answers.filter(function (a) { return a.id === id; })[0] : null;
      if (!answer) {
        if (ignored.indexOf(id) < 0) ignored.push(id);
        return;
      }
      taken.push(id);
      if (answer.outcome) done = true; else node = answer.next;
    });
    return { taken: taken, ignored: ignored };
  }

  /* Follow answer ids from the start; stop at the first one that does not fit. */
  function walk(answerIds) {
    var steps = [], node = tree.start;
    for (var i = 0; i < answerIds.length && node; i++) {
      var question = tree.questions[node];
      var answer = question.answers.filter(function (a) { return a.id === answerIds[i]; })[0];
      if (!answer) break;
      steps.push({ questionId: node, question: question, answer: answer });
      if (answer.outcome) return { steps: steps, outcome: answer.outcome };
      node = answer.next;
    }
    return { steps: steps, current: node };
  }

  function readPath() {
    return new URL(window.location.href).searchParams.getAll("path").join(",").split(",").filter(Boolean);
  }

  function addressWith(answerIds) {
    var url = new URL(window.location.href);
    if (answerIds.length) url.searchParams.set("path", answerIds.join(",")); else url.searchParams.delete("path");
    return url;
  }

  function go(answerIds, push) {
    var url = addressWith(answerIds);
    if (push) window.history.pushState(null, "", url); else window.history.replaceState(null, "", url);
    render(true);
  }

  function adr(state) {
    var outcome = tree.outcomes[state.outcome];
    var main = outcome.recommends[0];
    var pattern = tree.patterns[main.pattern];
    var today = new Date().toISOString().slice(0, 10);
    var lines = [
      "# ADR: " + outcome.title, "",
      "- Status: proposed",
      "- Date: " + today,
      "- Decision path: [" + markdownLinkText(tree.title) + "](" + pathUrl(state.steps.map(function (s) { return s.answer.id; })) + ")", "",
      "## Context", "", tree.summary, "", "Answers that led here:", ""];
    state.steps.forEach(function (step) { lines.push("- " + step.question.text + " **" + step.answer.text + "**"); });
    lines.push("", "## Decision", "", outcome.title + ".", "");
    outcome.recommends.forEach(function (rec) {
      lines.push("- Use [" + markdownLinkText(tree.patterns[rec.pattern].name) + "](" + patternUrl(rec.pattern) + "): " + rec.reason);
    });
    lines.push("", "## Consequences", "", "Positive, from the " + pattern.name + " entry's benefits:", "");
    pattern.benefits.forEach(function (b) { lines.push("- " + b[0] + ": " + b[1]); });
    lines.push("", "Negative, from its costs:", "");
    pattern.costs.forEach(function (c) { lines.push("- " + c[0] + ": " + c[1]); });
    lines.push("", "## Links", "");
    outcome.recommends.forEach(function (rec) {
      lines.push("- " + tree.patterns[rec.pattern].name + ": " + patternUrl(rec.pattern));
    });
    lines.push("- Review checklist: " + patternUrl(main.pattern) + "#review-checklist", "");
    return lines.join("\n");
  }

  /* Mark the reader's path on the drawing of the whole tree: each question answered, each answer
     chosen, the lines between them, and where the reader is now (a question or the outcome). */
  function markPath(state) {
    var keys = {}, lines = {};
    var current = state.outcome ? "o:" + state.outcome : "q:" + state.current;
    state.steps.forEach(function (step) {
      var q = "q:" + step.questionId, a = "a:" + step.questionId + "/" + step.answer.id;
      var next = step.answer.outcome ? "o:" + step.answer.outcome : "q:" + step.answer.next;
      keys[q] = keys[a] = keys[next] = true;
      lines[q + ">" + a] = lines[a + ">" + next] = true;
    });
    document.querySelectorAll(".atlas-tree [data-node]").forEach(function (node) {
      var key = node.getAttribute("data-node");
      node.classList.toggle("is-on-path", Object.hasOwn(keys, key));
      node.classList.toggle("is-current", state.steps.length > 0 && key === current);
    });
    document.querySelectorAll(".atlas-tree [data-edge]").forEach(function (edge) {
      edge.classList.toggle("is-on-path", Object.hasOwn(lines, edge.getAttribute("data-edge")));
    });
  }

  function render(moveFocus) {
    var fitted = fit(readPath());
    if (fitted.ignored.length) window.history.replaceState(null, "", addressWith(fitted.taken)); // drop what did not fit
    var state = walk(fitted.taken);
    var taken = state.steps.map(function (s) { return s.answer.id; });
    markPath(state);
    root.textContent = "";
    if (fitted.ignored.length) {
      var one = fitted.ignored.length === 1;
      root.appendChild(el("p", (one ? "Answer " : "Answers ") + listed(fitted.ignored) + " in the address " +
        (one ? "does" : "do") + " not fit this decision and " + (one ? "was" : "were") + " ignored.",
        { class: "atlas-wizard__notice atlas-notice" }));
    }

    // On the first question there is nowhere to go back to: no Back or Start over at all.
    var controls = el("div", null, { class: "atlas-wizard__controls" });
    if (taken.length) {
      var back = el("button", "Back", { type: "button", class: "md-button" });
      back.addEventListener("click", function () { go(taken.slice(0, -1), true); });
      var restart = el("button", "Start over", { type: "button", class: "md-button" });
      restart.addEventListener("click", function () { go([], true); });
      controls.appendChild(back);
      controls.appendChild(restart);
    }

    if (state.steps.length) {
      var trail = el("ol", null, { class: "atlas-wizard__path", "aria-label": "Your path so far" });
      state.steps.forEach(function (step, i) {
        var item = el("li");
        var link = el("a", step.question.text + " → " + step.answer.text, { href: "#" });
        link.addEventListener("click", function (event) {
          event.preventDefault();
          go(taken.slice(0, i), true); // answer this question again
        });
        item.appendChild(link);
        trail.appendChild(item);
      });
      root.appendChild(el("p", "Your path so far (select a step to change it):", { class: "atlas-wizard__label" }));
      root.appendChild(trail);
    }

    var heading;
    if (state.outcome) {
      var outcome = tree.outcomes[state.outcome];
      var box = el("section", null, { class: "atlas-wizard__outcome", "aria-labelledby": "atlas-wizard-result" });
      heading = el("h2", "Recommendation: " + outcome.title, { id: "atlas-wizard-result", tabindex: "-1" });
      box.appendChild(heading);
      var list = el("ul");
      outcome.recommends.forEach(function (rec) {
        var item = el("li");
        item.appendChild(el("a", tree.patterns[rec.pattern].name, { href: patternUrl(rec.pattern) }));
        item.appendChild(document.createTextNode(": " + rec.reason));
        list.appendChild(item);
      });
      box.appendChild(list);
      box.appendChild(el("p", "Share this path: copy the address from the address bar; it opens this recommendation with your answers."));
      box.appendChild(el("h3", "Architecture Decision Record"));
      var text = adr(state);
      var area = el("textarea", null, { class: "atlas-wizard__adr", rows: "14", readonly: "", "aria-label": "Architecture Decision Record in Markdown" });
      area.value = text;
      box.appendChild(area);
      var copy = el("button", "Copy the record", { type: "button", class: "md-button md-button--primary" });
      var status = el("span", "", { class: "atlas-wizard__status", role: "status" });
      copy.addEventListener("click", function () {
        var done = function () { status.textContent = "Copied."; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { area.select(); document.execCommand("copy"); done(); });
        } else {
          area.select();
          document.execCommand("copy");
          done();
        }
      });
      var download = el("a", "Download as Markdown", { class: "md-button", download: "adr-" + tree.id + "-" + state.outcome + ".md",
        href: "data:text/markdown;charset=utf-8," + encodeURIComponent(text) });
      box.appendChild(copy);
      box.appendChild(download);
      box.appendChild(status);
      root.appendChild(box);
    } else {
      var question = tree.questions[state.current];
      var form = el("fieldset", null, { class: "atlas-wizard__question" });
      heading = el("legend", question.text, { tabindex: "-1" });
      form.appendChild(heading);
      if (question.help) form.appendChild(el("p", question.help, { class: "atlas-wizard__help" }));
      question.answers.forEach(function (answer) {
        var button = el("button", answer.text, { type: "button", class: "md-button atlas-wizard__answer", "data-answer": answer.id });
        button.addEventListener("click", function () { go(taken.concat([answer.id]), true); });
        form.appendChild(button);
      });
      root.appendChild(form);
    }
    root.appendChild(controls);
    if (moveFocus && heading) heading.focus();
  }

  window.addEventListener("popstate", function () { render(true); });
  render(false);
})();
