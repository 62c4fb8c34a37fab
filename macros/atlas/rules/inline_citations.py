"""Every inline citation [@id] in prose names a source listed in the same file."""
from ..evidence import citation_problems


def check(catalog):
    for entry in catalog.sorted_entries():
        yield from citation_problems(entry.data, entry.problem)
