"""Review checklist items are questions a reviewer can ask out loud."""


def check(catalog):
    for entry in catalog.sorted_entries():
        for i, item in enumerate(entry.data["review_checklist"]):
            if not item["question"].rstrip().endswith("?"):
                yield entry.problem(
                    ("review_checklist", i, "question"),
                    "is not a question",
                    "phrase it as a question that ends with '?', e.g. 'What happens when ... fails?'",
                )
