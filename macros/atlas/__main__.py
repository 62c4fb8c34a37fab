"""Command line: `python -m atlas check | fix [FILE...] | new | urls SITE | generate | links | summary | site-diff`
(the Makefile wraps most; CI runs `summary`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import ROOT, load_schema, load_vocabulary
from .glossary import write_abbreviations
from .problems import CatalogError
from .reorder import reorder_text
from .skeleton import skeleton_text
from .sources import all_problems, load_sources, write_generated_pages
from .urls import LIST, published_urls, read_list, write_list
from .yamlsource import save_documents


def cmd_check(args) -> int:
    catalog, problems = all_problems(ROOT)
    save_documents()  # the next check (or test session) reuses what it found in every unchanged file
    for problem in problems:
        print(problem.github_annotation() if args.format == "github" else problem)
    if problems:
        print(f"{len(problems)} problem(s); fix them and run `make check` again.", file=sys.stderr)
        return 1
    print(f"{len(catalog.entries)} entries, no problems.")
    return 0


def cmd_fix(args) -> int:
    order = list(load_schema(ROOT)["properties"])
    files = [Path(f) for f in args.files] or sorted((ROOT / "patterns").glob("*.yaml"))
    for file in files:
        text = file.read_text(encoding="utf-8")
        fixed = reorder_text(text, order)
        if fixed != text:
            file.write_text(fixed, encoding="utf-8")
            print(f"reordered {file}")
    return 0


def cmd_links(args) -> int:
    import datetime

    from . import linkcheck

    sources = load_sources(ROOT)
    cited = linkcheck.cited_addresses(sources.catalog, sources.trees, sources.coverage)
    try:
        results = linkcheck.check_all(cited, delay=args.delay)
    except linkcheck.LinkCheckError as err:
        print(f"atlas links: {err}", file=sys.stderr)
        return 2
    today = datetime.date.fromisoformat(args.today) if args.today else datetime.date.today()
    text = linkcheck.report(results, cited, linkcheck.stale_entries(sources.catalog, today))
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    print(text)
    return 0


def cmd_urls(args) -> int:
    urls = published_urls(Path(args.site))
    old = set(read_list(ROOT)) if (ROOT / LIST).exists() else set()
    gone = sorted(old - set(urls))
    if gone:
        print("These published URLs are missing from the build; add a redirect (former_ids) instead of dropping them:")
        print("\n".join(f"  {u}" for u in gone))
        return 1
    write_list(ROOT, urls)
    print(f"recorded {len(urls)} URLs ({len(set(urls) - old)} new) in {LIST}")
    return 0


def cmd_generate(_args) -> int:
    try:
        sources = load_sources(ROOT)
    except CatalogError as err:
        print(err.report(), file=sys.stderr)
        return 1
    write_generated_pages(sources, ROOT / "docs")
    write_abbreviations(sources.terms, ROOT)
    print(f"wrote the generated pages and the glossary tooltips of {len(sources.catalog.entries)} entries into docs/")
    return 0


def cmd_summary(args) -> int:
    import os

    from . import pr_summary

    summary = pr_summary.gather(ROOT, args.base, Path(args.site), ROOT / pr_summary.SCREENSHOT_DIR)
    if args.pages:  # for the screenshot step: the changed pages, one URL a line
        print("\n".join(summary.changed_pages))
        return 0
    text = pr_summary.render(summary) + "\n"
    out = args.out or os.environ.get("GITHUB_STEP_SUMMARY")
    if out:
        with open(out, "a", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text)
    return 0


def cmd_site_diff(args) -> int:
    import os

    from . import site_diff

    text = site_diff.render(site_diff.compare(Path(args.first), Path(args.second)), args.first_name, args.second_name)
    out = args.out or os.environ.get("GITHUB_STEP_SUMMARY")
    if out:
        with open(out, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    print(text)
    return 0


def cmd_new(_args) -> int:
    vocab = load_vocabulary(ROOT)
    entry_id = _ask(
        "Id (kebab-case, becomes /patterns/<id>/)", lambda v: v and v.replace("-", "").isalnum() and v == v.lower()
    )
    target = ROOT / "patterns" / f"{entry_id}.yaml"
    if target.exists():
        print(f"{target.relative_to(ROOT)} already exists; edit it instead.", file=sys.stderr)
        return 1
    name = _ask("Name, e.g. Backend for Frontend", lambda v: len(v) >= 2)
    families = list(vocab["families"])
    for n, family in enumerate(families, 1):
        print(f"  {n}. {family}: {vocab['families'][family]['description']}")
    choice = _ask("Family number", lambda v: v.isdigit() and 1 <= int(v) <= len(families))
    target.write_text(skeleton_text(entry_id, name, families[int(choice) - 1], vocab), encoding="utf-8")
    print(f"Wrote {target.relative_to(ROOT)}. Fill in every field, then run `make check` until it reports no problems.")
    return 0


def _ask(prompt: str, valid) -> str:
    while True:
        try:
            value = input(f"{prompt}: ").strip()
        except EOFError:
            raise SystemExit("no answer given; `make new` needs an interactive terminal") from None
        if valid(value):
            return value
        print("  That does not look right; try again.")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every entry and print each problem on one line")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: GitHub Actions annotations, so each problem shows on its line of the pull request",
    )
    check.set_defaults(run=cmd_check)
    fix = sub.add_parser("fix", help="put top-level fields in the schema's order, keeping comments and formatting")
    fix.add_argument("files", nargs="*")
    fix.set_defaults(run=cmd_fix)
    sub.add_parser("new", help="create a skeleton entry from a few questions").set_defaults(run=cmd_new)
    urls = sub.add_parser("urls", help="record the URLs a build published in tests/published-urls.txt")
    urls.add_argument("site", help="the built site folder, e.g. site")
    urls.set_defaults(run=cmd_urls)
    links = sub.add_parser(
        "links",
        help="check every cited source address and list entries due for review "
        "(slow and polite: one request per host per --delay seconds)",
    )
    links.add_argument("--report", help="also write the Markdown report to this file")
    links.add_argument("--delay", type=float, default=1.0, help="seconds between two requests to one host")
    links.add_argument("--today", help="the date to measure review age from (YYYY-MM-DD); default: today")
    links.set_defaults(run=cmd_links)
    sub.add_parser(
        "generate",
        help="write the generated pages into docs/ ahead of a build (for Zensical, which "
        "looks for pages before any macro runs)",
    ).set_defaults(run=cmd_generate)
    summary = sub.add_parser(
        "summary",
        help="write a pull request's job summary: entries and pages added, changed "
        "or removed since --base, problems, screenshots (to --out, else $GITHUB_STEP_SUMMARY)",
    )
    summary.add_argument("--base", required=True, help="the base branch's commit or ref, e.g. origin/main")
    summary.add_argument("--site", default="site", help="the built site folder")
    summary.add_argument("--out", help="append the Markdown to this file (default: $GITHUB_STEP_SUMMARY, else print)")
    summary.add_argument("--pages", action="store_true", help="only print the URLs of the changed pages, one a line")
    summary.set_defaults(run=cmd_summary)
    diff = sub.add_parser(
        "site-diff",
        help="compare two builds (MkDocs' and Zensical's): pages, headings, glossary "
        "tooltips; prints Markdown and appends it to --out, else $GITHUB_STEP_SUMMARY if set",
    )
    diff.add_argument("first", help="the first built site, e.g. site")
    diff.add_argument("second", help="the second built site, e.g. site-zensical")
    diff.add_argument("--first-name", default="MkDocs")
    diff.add_argument("--second-name", default="Zensical")
    diff.add_argument("--out", help="append the Markdown to this file")
    diff.set_defaults(run=cmd_site_diff)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
