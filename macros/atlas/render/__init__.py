"""Turn a validated catalog into Markdown for MkDocs pages (no MkDocs imports here)."""
