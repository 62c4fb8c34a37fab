"""Ratings cover exactly the attributes of the entry's family, so family tables have no holes."""


def check(catalog):
    families = catalog.vocabulary["families"]
    for entry in catalog.sorted_entries():
        family = families.get(entry.data["family"])
        if family is None:
            continue  # reported by vocabulary_terms
        expected, given = set(family["attributes"]), set(entry.data["ratings"])
        for name in sorted(expected - given):
            yield entry.problem(
                ("ratings",),
                f"no rating for '{name}', an attribute of the family '{entry.data['family']}'",
                f"add `{name}: {{score: 1-5, rationale: ...}}`; {family['attributes'][name]['definition']}",
            )
        for name in sorted(given - expected):
            yield entry.problem(
                ("ratings", name),
                f"'{name}' is not an attribute of the family '{entry.data['family']}'",
                f"rate exactly these: {', '.join(family['attributes'])}",
            )
