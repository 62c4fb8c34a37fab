"""The id must equal the file name, so patterns/<id>.yaml and /patterns/<id>/ always agree."""


def check(catalog):
    for entry in catalog.files:
        expected = entry.path.removeprefix("patterns/").removesuffix(".yaml")
        if entry.id != expected:
            yield entry.problem(
                ("id",),
                f"the id '{entry.id}' differs from the file name '{expected}.yaml'",
                f"rename the file to patterns/{entry.id}.yaml or set `id: {expected}`",
            )
