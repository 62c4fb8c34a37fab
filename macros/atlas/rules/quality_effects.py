"""Every entry states its effect on every catalog-wide quality attribute, so any two can be compared."""


def check(catalog):
    qualities = catalog.vocabulary["quality_attributes"]
    for entry in catalog.sorted_entries():
        given = set(entry.data["quality_effects"])
        for name in sorted(set(qualities) - given):
            yield entry.problem(
                ("quality_effects",),
                f"no effect given for '{name}'",
                f"add `{name}: {{effect: improves|worsens|neutral, reason: ...}}`; {qualities[name]['definition']}",
            )
        for name in sorted(given - set(qualities)):
            yield entry.problem(
                ("quality_effects", name),
                f"'{name}' is not a catalog-wide quality attribute",
                f"use exactly these: {', '.join(qualities)}",
            )
