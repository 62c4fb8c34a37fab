"""Every real-world example cites a public source a reader can open (not a seed article)."""

from ..evidence import public_source_ids


def check(catalog):
    for entry in catalog.sorted_entries():
        public = public_source_ids(entry.data)
        for i, example in enumerate(entry.data["examples"]):
            if example.get("source") not in public:
                yield entry.problem(
                    ("examples", i, "source"),
                    f"the example '{example['name']}' does not cite a public source",
                    "cite the organisation's own post, talk or paper (a url source), or drop the example",
                )
