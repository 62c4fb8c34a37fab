"""Family, tags, signal dimensions, relation types and seed names come from schema/vocabulary.yaml."""

import difflib


def _unknown(value, allowed, what):
    """(message, tip) for a value missing from a vocabulary; `what` is singular, e.g. 'tag'."""
    near = difflib.get_close_matches(value, list(allowed), n=1)
    hint = f"did you mean '{near[0]}'?" if near else f"known values: {', '.join(sorted(allowed))}."
    return (
        f"'{value}' is not a known {what}",
        f"{hint} To add a new one, propose it in schema/vocabulary.yaml in the same pull request",
    )


def check(catalog):
    vocab = catalog.vocabulary
    for entry in catalog.sorted_entries():
        data = entry.data
        if data["family"] not in vocab["families"]:
            yield entry.problem(("family",), *_unknown(data["family"], vocab["families"], "family"))
        for i, tag in enumerate(data["tags"]):
            if tag not in vocab["tags"]:
                yield entry.problem(("tags", i), *_unknown(tag, vocab["tags"], "tag"))
        for i, size in enumerate(data.get("team_fit", [])):
            if size not in vocab["team_sizes"]:
                yield entry.problem(("team_fit", i), *_unknown(size, vocab["team_sizes"], "team size"))
        for list_name in ("use_when", "avoid_when"):
            for i, signal in enumerate(data[list_name]):
                if signal["dimension"] not in vocab["signal_dimensions"]:
                    yield entry.problem(
                        (list_name, i, "dimension"),
                        *_unknown(signal["dimension"], vocab["signal_dimensions"], "signal dimension"),
                    )
        for i, relation in enumerate(data["relations"]):
            if relation["type"] not in vocab["relation_types"]:
                yield entry.problem(
                    ("relations", i, "type"), *_unknown(relation["type"], vocab["relation_types"], "relation type")
                )
        for i, source in enumerate(data["sources"]):
            if "seed" in source and source["seed"] not in vocab["seeds"]:
                yield entry.problem(("sources", i, "seed"), *_unknown(source["seed"], vocab["seeds"], "seed"))
