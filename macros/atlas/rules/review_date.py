"""last_reviewed is a real calendar date and not in the future."""
import datetime


def check(catalog, today=None):
    today = today or datetime.date.today()
    for entry in catalog.sorted_entries():
        value = entry.data["last_reviewed"]
        try:
            date = datetime.date.fromisoformat(value)
        except ValueError:
            yield entry.problem(("last_reviewed",), f"'{value}' is not a calendar date", "write a real date as YYYY-MM-DD")
            continue
        if date > today:
            yield entry.problem(("last_reviewed",), f"{value} is in the future",
                                f"use the date you checked the entry, today at the latest ({today.isoformat()})")
