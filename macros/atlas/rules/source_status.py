"""Each public source says where in it the claim stands and when someone confirmed it, or is marked unconfirmed."""

from ..evidence import source_status_problems


def check(catalog, today=None):
    for entry in catalog.sorted_entries():
        yield from source_status_problems(entry.data, entry.problem, today)
