"""Failure modes are real, dated incidents with a public source, or labelled illustrations.

An incident names the organisation, the date and a public source that reports it. Each headline
pattern (`headline_patterns` in schema/vocabulary.yaml) tells at least two real incidents.
"""

from ..evidence import public_source_ids

MIN_HEADLINE_INCIDENTS = 2


def check(catalog):
    headline = set(catalog.vocabulary.get("headline_patterns", []))
    for entry in catalog.sorted_entries():
        public = public_source_ids(entry.data)
        incidents = 0
        for i, mode in enumerate(entry.data["failure_modes"]):
            if mode["kind"] != "incident":
                continue
            path = ("failure_modes", i)
            missing = [f for f in ("organisation", "date", "source") if f not in mode]
            if missing:
                yield entry.problem(
                    path + ("kind",),
                    f"an incident needs {', '.join(f'`{f}`' for f in missing)}",
                    "name the organisation, the date (YYYY-MM-DD) and a public source that reports the "
                    "incident, or set `kind: illustration` if it is a scenario",
                )
            elif mode["source"] not in public:
                yield entry.problem(
                    path + ("source",),
                    f"the incident's source '{mode['source']}' is not a public source",
                    "cite the organisation's own post-mortem or another report a reader can open (a url source)",
                )
            else:
                incidents += 1
        if entry.id in headline and incidents < MIN_HEADLINE_INCIDENTS:
            yield entry.problem(
                ("failure_modes",),
                f"a headline pattern needs at least {MIN_HEADLINE_INCIDENTS} real incidents, "
                f"this entry tells {incidents}",
                "add failure modes with `kind: incident`, the organisation, the date and its post-mortem as source",
            )
