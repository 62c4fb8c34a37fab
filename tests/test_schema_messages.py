"""Schema errors read exactly as the golden lines below: the tips live in the schema files, and moving
them there changed no word a contributor sees. Each case changes one value of a valid fixture."""

import functools
import shutil

import pytest
import yaml

from atlas.catalog import load_catalog, load_valid_catalog
from atlas.decisions import load_trees
from atlas.problems import CatalogError
from atlas.schema_check import checked_document
from conftest import FIXTURE_GLOSSARY, FIXTURES, ROOT
from conftest import set_at as _set

COVERAGE = """\
target: 0.9
floor: 0.5
catalogs:
  - id: fixture-catalog
    title: A fixture catalog
    url: https://example.org/catalog
    locator: "§ Patterns"
    checked: "2026-11-23"
    patterns:
      - name: Alpha Fixture
        entry: alpha
        how: name
"""


def _drop(path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target.pop(path[-1])

    return change


def _lines(problems, file):
    return [str(p) for p in problems if p.file == file]


def _changed_copy(tmp_path, fixtures: str, name: str, change):
    """A copy of a fixture folder with one file read, changed and written back; the folder."""
    folder = tmp_path / fixtures
    shutil.copytree(FIXTURES / ("catalog" if fixtures == "patterns" else fixtures), folder)
    path = folder / name
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # libyaml: fast
    change(data)
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def entry_lines(tmp_path, change):
    folder = _changed_copy(tmp_path, "patterns", "alpha.yaml", change)
    return _lines(load_catalog(ROOT, folder)[1], "patterns/alpha.yaml")


def tree_lines(tmp_path, change):
    folder = _changed_copy(tmp_path, "decisions", "tiny.yaml", change)
    try:
        load_trees(ROOT, load_valid_catalog(ROOT, FIXTURES / "catalog"), folder)
    except CatalogError as err:
        return _lines(err.problems, "decisions/tiny.yaml")
    return []


def _data_file_lines(tmp_path, change, path, schema_file, text):
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / schema_file, tmp_path / "schema" / schema_file)
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    change(data)
    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text(
        yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    try:
        checked_document(tmp_path, path, schema_file, lambda doc: [])
    except CatalogError as err:
        return _lines(err.problems, path)
    return []


def glossary_lines(tmp_path, change):
    return _data_file_lines(tmp_path, change, "data/glossary.yaml", "glossary.schema.json", FIXTURE_GLOSSARY)


def coverage_lines(tmp_path, change):
    return _data_file_lines(tmp_path, change, "data/coverage.yaml", "coverage.schema.json", COVERAGE)


# (case, which file, change) -> the exact lines printed; filled from the code before the tips moved.
CASES = [
    ("missing-field", entry_lines, _drop(("problem",))),
    ("blank-text", entry_lines, _set(("context",), "   ")),
    ("markup-in-name", entry_lines, _set(("name",), "Alpha <b>Fixture</b>")),
    ("wrong-type", entry_lines, _set(("tags",), "deployment")),
    ("unknown-field", entry_lines, _set(("sumary",), "x")),
    ("score-out-of-range", entry_lines, _set(("ratings", "simplicity", "score"), 7)),
    ("bad-effect", entry_lines, _set(("quality_effects", "cost", "effect"), "better")),
    ("item-id-not-kebab", entry_lines, _set(("benefits", 0, "id"), "Isolates Rules")),
    ("family-not-kebab", entry_lines, _set(("family",), "Architecture Style")),
    ("target-not-kebab", entry_lines, _set(("relations", 0, "target"), "Beta")),
    ("source-ref-not-kebab", entry_lines, _set(("examples", 0, "source"), "Fixture Docs")),
    ("former-id-not-kebab", entry_lines, _set(("former_ids",), ["Old Alpha"])),
    (
        "rating-key-not-kebab",
        entry_lines,
        _set(("ratings", "Team Autonomy"), {"score": 3, "rationale": "A key that is no id."}),
    ),
    ("source-url-and-seed", entry_lines, _set(("sources", 0, "seed"), "000_d75d0996da671b88")),
    ("source-neither-url-nor-seed", entry_lines, _drop(("sources", 1, "seed"))),
    (
        "archive-without-url",
        entry_lines,
        _set(("sources", 1, "archive_url"), "https://web.archive.org/web/2023/https://example.org/x"),
    ),
    ("checked-without-locator", entry_lines, _drop(("sources", 0, "locator"))),
    ("url-with-markup", entry_lines, _set(("sources", 0, "url"), "https://example.org/a)<img/src=x/onerror=alert(1)>")),
    ("url-too-long", entry_lines, _set(("sources", 0, "url"), "https://example.org/" + "a" * 490)),
    ("seed-bad-form", entry_lines, _set(("sources", 1, "seed"), "seed-article")),
    ("year-out-of-range", entry_lines, _set(("sources", 0, "year"), 1800)),
    ("checked-bad-form", entry_lines, _set(("sources", 0, "checked"), "yesterday")),
    ("fenced-diagram", entry_lines, _set(("diagram", "mermaid"), "```mermaid\nflowchart LR\n A-->B\n```")),
    ("blank-diagram", entry_lines, _set(("diagram", "mermaid"), " " * 12)),
    ("short-diagram", entry_lines, _set(("diagram", "mermaid"), "graph")),
    ("bad-date-format", entry_lines, _set(("last_reviewed",), "15/01/2026")),
    ("incident-date-bad-form", entry_lines, _set(("failure_modes", 0, "date"), "May 2024")),
    ("incident-date-a-number", entry_lines, _set(("failure_modes", 0, "date"), 2024)),
    ("summary-too-short", entry_lines, _set(("summary",), "Too short.")),
    ("name-too-long", entry_lines, _set(("name",), "Alpha " * 20)),
    ("blank-alias", entry_lines, _set(("aliases",), [" "])),
    ("too-many-tags", entry_lines, _set(("tags",), [f"tag-{i}" for i in range(9)])),
    ("duplicate-tag", entry_lines, _set(("tags",), ["deployment", "deployment"])),
    ("one-step", entry_lines, _set(("how_it_works",), ["Only one step here."])),
    ("no-ratings", entry_lines, _set(("ratings",), {})),
    ("tree-title-markup", tree_lines, _set(("title",), "Choosing <i>a</i> fixture")),
    ("tree-question-id-not-kebab", tree_lines, _set(("questions", 0, "id"), "First Question")),
    ("tree-answer-next-and-outcome", tree_lines, _set(("questions", 0, "answers", 0, "next"), "second")),
    ("tree-source-url", tree_lines, _set(("sources", 0, "url"), "ftp://example.org/x")),
    ("tree-last-reviewed", tree_lines, _set(("last_reviewed",), "2026-1-15")),
    ("tree-blank-summary", tree_lines, _set(("summary",), " " * 30)),
    ("glossary-term-form", glossary_lines, _set(("terms", 0, "term"), "<b>AF</b>")),
    ("glossary-see-form", glossary_lines, _set(("terms", 0, "see"), "https://example.org")),
    ("glossary-short-definition", glossary_lines, _set(("terms", 0, "definition"), "Too short.")),
    ("coverage-neither-checked-nor-unconfirmed", coverage_lines, _drop(("catalogs", 0, "checked"))),
    ("coverage-checked-form", coverage_lines, _set(("catalogs", 0, "checked"), "2026/11/23")),
    ("coverage-url-http", coverage_lines, _set(("catalogs", 0, "url"), "http://example.org/catalog")),
    ("coverage-entry-not-kebab", coverage_lines, _set(("catalogs", 0, "patterns", 0, "entry"), "Alpha")),
    ("coverage-missing-not-true", coverage_lines, _set(("catalogs", 0, "patterns", 0, "missing"), False)),
    # Added with the date format check: a date of the right form that is no day of the calendar.
    ("date-not-real", entry_lines, _set(("last_reviewed",), "2026-02-30")),
    ("checked-not-real", entry_lines, _set(("sources", 0, "checked"), "2026-02-31")),
    ("incident-date-not-real", entry_lines, _set(("failure_modes", 0, "date"), "2024-02-30")),
    ("incident-date-partial", entry_lines, _set(("failure_modes", 0, "date"), "2024-05")),
    ("tree-last-reviewed-not-real", tree_lines, _set(("last_reviewed",), "2026-04-31")),
    ("coverage-checked-not-real", coverage_lines, _set(("catalogs", 0, "checked"), "2026-13-01")),
]

GOLDEN = {
    'missing-field': [
        "patterns/alpha.yaml:1: problem: the required field 'problem' is missing. Tip: add `problem:` (The problem to solve, stated without naming the solution. Markdown for emphasis, lists and links is allowed; raw HTML and template syntax are shown as plain text.)."
    ],
    'blank-text': [
        'patterns/alpha.yaml:12: context: is empty. Tip: write it: The situation in which the pattern comes up: the system, the team and the pressures. Markdown for emphasis, lists and links is allowed; raw HTML and template syntax are shown as plain text.'
    ],
    'markup-in-name': [
        "patterns/alpha.yaml:2: name: 'Alpha <b>Fixture</b>' does not have the expected form. Tip: Display name of the pattern, in title case (for example 'Backend for Frontend'); plain text without { } < >, since it is also the page title."
    ],
    'wrong-type': [
        'patterns/alpha.yaml:7: tags: expected a list, found text. Tip: Topic tags; each one of `tags` in schema/vocabulary.yaml.'
    ],
    'unknown-field': [
        "patterns/alpha.yaml:128: sumary: unknown field 'sumary'. Tip: remove it or fix its name; did you mean 'summary'?"
    ],
    'score-out-of-range': [
        'patterns/alpha.yaml:52: ratings.simplicity.score: 7 is outside the range 1 to 5. Tip: 1 (poor) to 5 (excellent).'
    ],
    'bad-effect': [
        "patterns/alpha.yaml:83: quality_effects.cost.effect: 'better' is not one of: improves, worsens, neutral. Tip: improves, worsens or neutral."
    ],
    'item-id-not-kebab': [
        "patterns/alpha.yaml:36: benefits[0].id: 'Isolates Rules' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    'family-not-kebab': [
        "patterns/alpha.yaml:6: family: 'Architecture Style' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    'target-not-kebab': [
        "patterns/alpha.yaml:105: relations[0].target: 'Beta' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    'source-ref-not-kebab': [
        "patterns/alpha.yaml:110: examples[0].source: 'Fixture Docs' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    'former-id-not-kebab': [
        "patterns/alpha.yaml:129: former_ids[0]: 'Old Alpha' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    'rating-key-not-kebab': [
        "patterns/alpha.yaml:50: ratings: 'Team Autonomy' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    'source-url-and-seed': [
        "patterns/alpha.yaml:112: sources[0]: needs exactly one of `url` or `seed`. Tip: give a public http(s) address as url, or a seed article's file name as seed, not both."
    ],
    'source-neither-url-nor-seed': [
        "patterns/alpha.yaml:117: sources[1]: needs exactly one of `url` or `seed`. Tip: give a public http(s) address as url, or a seed article's file name as seed, not both."
    ],
    'archive-without-url': [
        "patterns/alpha.yaml:120: sources[1].archive_url: 'archive_url' needs 'url' beside it. Tip: add `url:` (Public http(s) address.), or remove `archive_url:`."
    ],
    'checked-without-locator': [
        'patterns/alpha.yaml:115: sources[0].checked: \'checked\' needs \'locator\' beside it. Tip: add `locator:` (Where in the source the cited statement stands, so a reviewer finds it in a minute: a section heading ("§ Issues and considerations"), page ("p. 214"), figure, table or timestamp. Required with `checked`.), or remove `checked:`.'
    ],
    'url-with-markup': [
        "patterns/alpha.yaml:114: sources[0].url: 'https://example.org/a)<img/src=x/onerror=alert(1)>' does not have the expected form. Tip: use a full public address starting with https:// (or http://)."
    ],
    'url-too-long': [
        'patterns/alpha.yaml:114: sources[0].url: is too long (510 characters, at most 500). Tip: shorten it; move detail to a list or to the sources.'
    ],
    'seed-bad-form': [
        "patterns/alpha.yaml:119: sources[1].seed: 'seed-article' does not have the expected form. Tip: use the seed article's file name without .txt, e.g. 004_8312c186fc23472e."
    ],
    'year-out-of-range': [
        'patterns/alpha.yaml:117: sources[0].year: 1800 is outside the range 1960 to 2100. Tip: Year of publication.'
    ],
    'checked-bad-form': [
        "patterns/alpha.yaml:116: sources[0].checked: 'yesterday' does not have the expected form. Tip: write the date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'fenced-diagram': [
        "patterns/alpha.yaml:24: diagram.mermaid: '```mermaid\\nflowchart LR\\n A-->B\\n```' does not have the expected form. Tip: give the Mermaid source alone, without a ``` fence; it must not be blank."
    ],
    'blank-diagram': [
        "patterns/alpha.yaml:24: diagram.mermaid: '            ' does not have the expected form. Tip: give the Mermaid source alone, without a ``` fence; it must not be blank."
    ],
    'short-diagram': [
        'patterns/alpha.yaml:24: diagram.mermaid: is too short (5 characters, at least 10). Tip: say more: Mermaid source (flowchart, sequenceDiagram, ...). Must not contain a code fence (```).'
    ],
    'bad-date-format': [
        "patterns/alpha.yaml:127: last_reviewed: '15/01/2026' does not have the expected form. Tip: write the date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'incident-date-bad-form': [
        "patterns/alpha.yaml:97: failure_modes[0].date: 'May 2024' does not have the expected form. Tip: For an incident: when it happened, YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives no more)."
    ],
    'incident-date-a-number': [
        'patterns/alpha.yaml:97: failure_modes[0].date: expected text, found a whole number. Tip: For an incident: when it happened, YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives no more).'
    ],
    'summary-too-short': [
        'patterns/alpha.yaml:10: summary: is too short (10 characters, at least 40). Tip: say more: One sentence that says what the pattern is and why one would use it; shown in lists and search results.'
    ],
    'name-too-long': [
        'patterns/alpha.yaml:2: name: is too long (120 characters, at most 80). Tip: shorten it; move detail to a list or to the sources.'
    ],
    'blank-alias': ['patterns/alpha.yaml:4: aliases[0]: is empty. Tip: write it: One other name or abbreviation.'],
    'too-many-tags': ['patterns/alpha.yaml:7: tags: has 9 items, at most 8 allowed. Tip: keep the most specific ones.'],
    'duplicate-tag': ['patterns/alpha.yaml:7: tags: lists the same value twice. Tip: remove the duplicate.'],
    'one-step': [
        'patterns/alpha.yaml:19: how_it_works: needs at least 2 item(s), has 1. Tip: The mechanism, as ordered steps a reader can follow.'
    ],
    'no-ratings': [
        "patterns/alpha.yaml:50: ratings: is empty. Tip: A score of 1 to 5 on every attribute of the entry's family (see `families.<family>.attributes` in schema/vocabulary.yaml); 5 is always the best for the reader."
    ],
    'tree-title-markup': [
        "decisions/tiny.yaml:2: title: 'Choosing <i>a</i> fixture' does not have the expected form. Tip: Title of the tree, phrased as the decision, e.g. 'Choosing an architecture style'; plain text without { } < >, since it is also the page title."
    ],
    'tree-question-id-not-kebab': [
        "decisions/tiny.yaml:6: questions[0].id: 'First Question' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    # Corrected on purpose: before the tips moved, every oneOf error spoke of a source's url and seed.
    'tree-answer-next-and-outcome': [
        "decisions/tiny.yaml:11: questions[0].answers[0]: needs exactly one of `next` or `outcome`. Tip: lead the answer to the following question with `next:` or end it at an outcome with `outcome:`, not both."
    ],
    'tree-source-url': [
        "decisions/tiny.yaml:48: sources[0].url: 'ftp://example.org/x' does not have the expected form. Tip: use a full public address starting with https:// (or http://)."
    ],
    'tree-last-reviewed': [
        "decisions/tiny.yaml:51: last_reviewed: '2026-1-15' does not have the expected form. Tip: write the date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'tree-blank-summary': [
        'decisions/tiny.yaml:3: summary: is empty. Tip: write it: One or two sentences: which decision the tree helps with and for whom.'
    ],
    'glossary-term-form': [
        "data/glossary.yaml:2: terms[0].term: '<b>AF</b>' does not have the expected form. Tip: The abbreviation exactly as it appears in text, e.g. CQRS (matched as a whole word, case-sensitive), or a concept in lower case as readers write it, e.g. split brain."
    ],
    'glossary-see-form': [
        "data/glossary.yaml:5: terms[0].see: 'https://example.org' does not have the expected form. Tip: Optional site page that explains it: /patterns/<id>/ or the path of a page under docs/, such as /concepts/cap-theorem/."
    ],
    'glossary-short-definition': [
        'data/glossary.yaml:4: terms[0].definition: is too short (10 characters, at least 20). Tip: say more: One sentence saying what it means in backend architecture.'
    ],
    # Corrected on purpose, as above.
    'coverage-neither-checked-nor-unconfirmed': [
        "data/coverage.yaml:4: catalogs[0]: needs exactly one of `checked` (with `locator`) or `unconfirmed`. Tip: compare the list with a copy of the page and add `locator:` and `checked: YYYY-MM-DD`, or say in `unconfirmed:` why you could not."
    ],
    # Changed on purpose: the coverage list's dates now share the date rule (and its tip) of every other file.
    'coverage-checked-form': [
        "data/coverage.yaml:8: catalogs[0].checked: '2026/11/23' does not have the expected form. Tip: write the date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'coverage-url-http': [
        "data/coverage.yaml:6: catalogs[0].url: 'http://example.org/catalog' does not have the expected form. Tip: Where the list is published."
    ],
    'coverage-entry-not-kebab': [
        "data/coverage.yaml:11: catalogs[0].patterns[0].entry: 'Alpha' does not have the expected form. Tip: use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
    ],
    'coverage-missing-not-true': [
        'data/coverage.yaml:13: catalogs[0].patterns[0].missing: True was expected. Tip: true: a backend pattern the atlas does not cover yet.'
    ],
    # Added with the date format check.
    'date-not-real': [
        "patterns/alpha.yaml:127: last_reviewed: '2026-02-30' is not a calendar date. Tip: write a real date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'checked-not-real': [
        "patterns/alpha.yaml:116: sources[0].checked: '2026-02-31' is not a calendar date. Tip: write a real date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'incident-date-not-real': [
        "patterns/alpha.yaml:97: failure_modes[0].date: '2024-02-30' is not a calendar date. Tip: write a real date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'incident-date-partial': [],
    'tree-last-reviewed-not-real': [
        "decisions/tiny.yaml:51: last_reviewed: '2026-04-31' is not a calendar date. Tip: write a real date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
    'coverage-checked-not-real': [
        "data/coverage.yaml:8: catalogs[0].checked: '2026-13-01' is not a calendar date. Tip: write a real date as YYYY-MM-DD, e.g. 2026-11-23."
    ],
}


@pytest.mark.parametrize("case,lines_for,change", CASES, ids=[c[0] for c in CASES])
def test_schema_error_lines_are_exactly_as_before(tmp_path, case, lines_for, change):
    assert lines_for(tmp_path, change) == GOLDEN[case]


def test_unquoted_impossible_date_is_text_and_refused(tmp_path):
    """The YAML loader keeps an unquoted date as text, so the date format check sees it (PyYAML alone would
    turn 2026-01-15 into a date object, and 2026-02-30 into a crash)."""
    folder = tmp_path / "patterns"
    shutil.copytree(FIXTURES / "catalog", folder)
    path = folder / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'last_reviewed: "2026-01-15"' in text
    path.write_text(text.replace('last_reviewed: "2026-01-15"', "last_reviewed: 2026-02-30"), encoding="utf-8")
    line = text.splitlines().index('last_reviewed: "2026-01-15"') + 1
    assert _lines(load_catalog(ROOT, folder)[1], "patterns/alpha.yaml") == [
        f"patterns/alpha.yaml:{line}: last_reviewed: '2026-02-30' is not a calendar date. "
        "Tip: write a real date as YYYY-MM-DD, e.g. 2026-11-23."
    ]


WRITTEN = {
    entry_lines: ("patterns/alpha.yaml", "pattern.schema.json"),
    tree_lines: ("decisions/tiny.yaml", "decision.schema.json"),
    glossary_lines: ("data/glossary.yaml", "glossary.schema.json"),
    coverage_lines: ("data/coverage.yaml", "coverage.schema.json"),
}


@functools.cache
def _plain_validator(schema_file: str):
    """jsonschema's own validator for the schema file as written, $refs resolved by jsonschema."""
    from jsonschema import Draft202012Validator

    from atlas.schema_check import load_schema_file

    data = load_schema_file(ROOT / "schema" / schema_file).data
    return Draft202012Validator(data, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("case,lines_for,change", CASES, ids=[c[0] for c in CASES])
def test_inlined_validator_finds_what_the_schema_file_says(tmp_path, case, lines_for, change):
    """The validator runs on a copy of the schema with each $ref inlined; it finds the same errors as the file."""
    from atlas.schema_check import load_schema_file
    from atlas.yamlsource import read_document

    lines_for(tmp_path, change)
    written, schema_file = WRITTEN[lines_for]
    data = read_document(tmp_path / written, written).data
    schema = load_schema_file(ROOT / "schema" / schema_file)
    plain = _plain_validator(schema_file)

    def found(validator):
        return sorted((tuple(map(str, e.absolute_path)), e.validator, e.message) for e in validator.iter_errors(data))

    assert found(schema.validator) == found(plain)
    assert found(plain) or GOLDEN[case] == []


def test_a_value_with_braces_is_quoted_not_read_as_a_template(tmp_path):
    """Messages built from a value are never formatted again: braces in an entry are text, not a crash."""
    folder = tmp_path / "patterns"
    shutil.copytree(FIXTURES / "catalog", folder)
    path = folder / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: alpha", "id: '{background} alpha'", 1), encoding="utf-8")
    line = text.splitlines().index("id: alpha") + 1
    assert (
        f"patterns/alpha.yaml:{line}: id: '{{background}} alpha' does not have the expected form. Tip: use a kebab-case id: "
        "lowercase letters, digits and hyphens, e.g. 'event-sourcing'."
        in _lines(load_catalog(ROOT, folder)[1], "patterns/alpha.yaml")
    )
