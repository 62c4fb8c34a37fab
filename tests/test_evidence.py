"""The evidence standard's rules: a valid and an invalid case for each, on one small entry."""

import copy

import pytest

from atlas import evidence


def problems(check, data):
    return list(check(data, lambda path, message, tip: (path, message)))


BASE = {
    "sources": [
        {"id": "pub", "title": "Public", "url": "https://example.org/a", "locator": "§ One", "checked": "2026-11-01"},
        {"id": "seedy", "title": "Seed", "seed": "000_d75d0996da671b88"},
    ],
    "benefits": [{"id": "b", "force": "F", "text": "Cuts latency by 40%.", "source": "pub"}],
    "context": "Plain context with no figure.",
}


def variant(**changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "text,figure",
    [
        ("200 ms", "200 ms"),
        ("40%", "40%"),
        ("10x", "10x"),
        ("3 engineers", "3 engineers"),
        ("$2 million", "$2"),
        ("1 to 2 s", "1 to 2 s"),
        ("30s", "30s"),
        ("6 million orders", "6 million"),
    ],
)
def test_figures_are_found(text, figure):
    assert evidence.figures_in(f"It takes {text} here.") == [figure]


@pytest.mark.parametrize(
    "text", ["HTTP 503", "503s", "the 1990s", "TLS 1.3", "in 2015", "4xx errors", "`timeout: 30s`"]
)
def test_non_figures_are_not(text):
    assert evidence.figures_in(text) == []


def test_item_with_public_source_passes():
    assert problems(evidence.figure_problems, BASE) == []


def test_figure_with_seed_source_fails():
    data = variant(benefits=[{"id": "b", "force": "F", "text": "Cuts latency by 40%.", "source": "seedy"}])
    [(path, message)] = problems(evidence.figure_problems, data)
    assert path == ("benefits", 0, "text") and "40%" in message and "seed" in message


def test_figure_in_prose_needs_inline_citation_in_the_same_paragraph():
    bad = variant(context="Teams of 8 engineers ship faster.\n\nSee the survey [@pub].")
    good = variant(context="Teams of 8 engineers ship faster [@pub].\n\nMore prose.")
    assert problems(evidence.figure_problems, bad)[0][0] == ("context",)
    assert problems(evidence.figure_problems, good) == []


def test_illustrations_are_exempt():
    data = variant(
        failure_modes=[
            {"id": "f", "name": "N", "kind": "illustration", "description": "A 30 s stall.", "mitigation": "M"}
        ]
    )
    assert problems(evidence.figure_problems, data) == []


def test_unknown_inline_citation_fails():
    assert problems(evidence.citation_problems, variant(context="Said [@nowhere].")) == [
        (("context",), "the inline citation [@nowhere] names no source of this file")
    ]
    assert problems(evidence.citation_problems, variant(context="Said [@pub].")) == []


def test_seed_mentions_fail():
    assert problems(evidence.seed_mention_problems, variant(context="As seed 004 says.")) == [
        (("context",), "mentions 'seed 004', an article readers cannot open")
    ]
    assert problems(evidence.seed_mention_problems, BASE) == []


def test_source_must_be_checked_or_unconfirmed():
    unchecked = variant(sources=[{"id": "pub", "title": "Public", "url": "https://example.org/a"}])
    both = variant(
        sources=[
            {
                "id": "pub",
                "title": "P",
                "url": "https://e.org",
                "locator": "x",
                "checked": "2026-11-01",
                "unconfirmed": "no copy found",
            }
        ]
    )
    future = variant(
        sources=[{"id": "pub", "title": "P", "url": "https://e.org", "locator": "x", "checked": "2099-01-01"}]
    )
    marked = variant(sources=[{"id": "pub", "title": "P", "url": "https://e.org", "unconfirmed": "no copy found"}])
    assert problems(evidence.source_status_problems, BASE) == []
    assert problems(evidence.source_status_problems, marked) == []
    for data in (unchecked, both, future):
        assert len(problems(evidence.source_status_problems, data)) == 1


def test_plain_reduces_site_links_to_their_words_and_keeps_other_links():
    text = (
        "Exercise it ([chaos engineering](/patterns/chaos-engineering/)) as [Netflix](https://netflix.com) does [@src]."
    )
    assert evidence.plain(text) == "Exercise it (chaos engineering) as [Netflix](https://netflix.com) does."


def test_plain_drops_citation_markers():
    assert evidence.plain("Under 10% [@pub].") == "Under 10%."
