"""Every `source:` names an entry of the file's own `sources` list."""


def _walk(value, path):
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "source" and isinstance(child, str):
                yield path + (key,), child
            else:
                yield from _walk(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, path + (i,))


def check(catalog):
    for entry in catalog.sorted_entries():
        declared = [s["id"] for s in entry.data["sources"]]
        for path, ref in _walk({k: v for k, v in entry.data.items() if k != "sources"}, ()):
            if ref not in declared:
                yield entry.problem(
                    path,
                    f"the source '{ref}' is not in this file's `sources` list",
                    f"add it to `sources` with a url or a seed, or use one of: {', '.join(declared)}",
                )
