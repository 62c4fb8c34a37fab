"""last_reviewed is not in the future (the schema's date format already made sure it is a real day)."""

import datetime


def check(catalog, today=None):
    today = today or datetime.date.today()
    for entry in catalog.sorted_entries():
        value = entry.data["last_reviewed"]
        if datetime.date.fromisoformat(value) > today:
            yield entry.problem(
                ("last_reviewed",),
                f"{value} is in the future",
                f"use the date you checked the entry, today at the latest ({today.isoformat()})",
            )
