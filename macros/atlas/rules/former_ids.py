"""Former ids (kept after a rename) stay unique: each old URL redirects to exactly one page."""


def check(catalog):
    claimed = {}
    for entry in catalog.sorted_entries():
        for i, old in enumerate(entry.data.get("former_ids", [])):
            if old in catalog.known_ids:
                yield entry.problem(("former_ids", i), f"'{old}' is the id of a current entry, so its URL cannot redirect here",
                                    "remove it from former_ids; only ids that no file uses any more belong here")
            elif old in claimed:
                yield entry.problem(("former_ids", i), f"'{old}' is already a former id of {claimed[old].path}",
                                    "an old URL can redirect to one page only; keep it on the entry that replaced it")
            claimed.setdefault(old, entry)


def renamed(catalog) -> dict:
    """Former id -> current id (the first entry to claim it), for helpful errors."""
    found = {}
    for entry in catalog.sorted_entries():
        for old in entry.data.get("former_ids", []):
            found.setdefault(old, entry.id)
    return found
