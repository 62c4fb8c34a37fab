"""The catalog is one connected graph: every entry relates to at least two others, and no group is cut off.

Relations count from both ends, so an entry that declares one relation and is named
by another file has two neighbours.
"""

from ..relations import neighbours

MIN_NEIGHBOURS = 2


def check(catalog):
    graph = {entry_id: neighbours(catalog, entry_id) for entry_id in catalog.entries}
    for entry in catalog.sorted_entries():
        if entry.path != f"patterns/{entry.id}.yaml":
            continue  # others point at its file name; file_name reports the mismatch
        count = len(graph[entry.id])
        if count < MIN_NEIGHBOURS:
            yield entry.problem(
                ("relations",),
                f"relates to {count} other entr{'y' if count == 1 else 'ies'}, at least {MIN_NEIGHBOURS} are needed",
                "add relations to the patterns a reader would compare it with or use beside it",
            )
    if not graph or catalog.known_ids - set(catalog.entries):
        return  # with invalid files left out, the graph looks split when it is not; their own problems come first
    components = _components(graph)
    if len(components) > 1:
        main = max(components, key=len)
        for component in components:
            if component is main:
                continue
            for entry_id in sorted(component):
                yield catalog.entries[entry_id].problem(
                    ("relations",),
                    f"is cut off from the rest of the catalog (its group: {', '.join(sorted(component))})",
                    f"relate at least one of them to a pattern outside the group, for example {sorted(main)[0]}",
                )


def _components(graph):
    seen, components = set(), []
    for start in sorted(graph):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node in component:
                continue
            component.add(node)
            stack.extend(n for n in graph[node] if n in graph)
        seen |= component
        components.append(component)
    return components
