"""Prose never cites a seed article by number ("seed 003"): readers cannot open those articles."""
from ..evidence import seed_mention_problems


def check(catalog):
    for entry in catalog.sorted_entries():
        yield from seed_mention_problems(entry.data, entry.problem)
