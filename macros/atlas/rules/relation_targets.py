"""Relations point at entries that exist, and never at the entry itself."""

import difflib

from .former_ids import renamed


def check(catalog):
    for entry in catalog.sorted_entries():
        seen = set()
        for i, relation in enumerate(entry.data["relations"]):
            target, path = relation["target"], ("relations", i, "target")
            if target == entry.id:
                yield entry.problem(path, "an entry cannot relate to itself", "point the relation at another pattern")
            elif target not in catalog.known_ids:
                near = difflib.get_close_matches(target, sorted(catalog.known_ids), n=1)
                hint = f"did you mean '{near[0]}'?" if near else "add that entry first, or remove the relation"
                if target in renamed(catalog):
                    hint = f"'{target}' was renamed to '{renamed(catalog)[target]}'; point the relation there"
                yield entry.problem(path, f"there is no entry with the id '{target}' in patterns/", hint)
            key = (relation["type"], target)
            if key in seen:
                yield entry.problem(
                    ("relations", i),
                    f"the relation '{relation['type']} {target}' is listed twice",
                    "remove one of them",
                )
            seen.add(key)
