"""Backend Pattern Atlas: load, validate and render the pattern catalog.

Plain Python with no MkDocs imports, so the build, the tests and the command-line
tools share one implementation (macros/main.py is only the MkDocs glue).
"""
