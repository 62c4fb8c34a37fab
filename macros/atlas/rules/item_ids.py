"""Item ids are unique within their list: they become anchors that reviewers link to."""

LISTS = ("benefits", "costs", "failure_modes", "anti_patterns", "review_checklist", "disagreements", "sources")


def check(catalog):
    for entry in catalog.sorted_entries():
        for list_name in LISTS:
            seen: dict[str, int] = {}  # item id -> its first index
            for i, item in enumerate(entry.data.get(list_name, [])):
                if item["id"] in seen:
                    yield entry.problem(
                        (list_name, i, "id"),
                        f"the id '{item['id']}' is already used by {list_name}[{seen[item['id']]}]",
                        "give every item in the list its own id",
                    )
                seen.setdefault(item["id"], i)
