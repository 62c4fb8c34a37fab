"""Parsed and checked documents kept between runs, the way mypy and ESLint keep a cache.

`make check` (and `make quick` after it) parse and validate every file; the next run, even in a new
process, reuses what it found for each file whose content is unchanged. A stored document is used only
when its name and content hash match and the code that made it is the same: the key covers every module
of this package and the versions of PyYAML and jsonschema, so an edit to a rule or a message, or an
upgrade, starts from scratch. What a schema found is stored with the schema file's stamp, so an edited
schema is applied again (atlas.schema_check). The store lives in .venv (git-ignored); when it is missing,
unreadable or from other code, nothing is reused and nothing breaks.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = Path(__file__).resolve().parent


def store_path() -> Path | None:
    """ATLAS_DOCUMENT_STORE if set ("" turns the store off), else .venv/atlas-documents.pickle in the checkout."""
    chosen = os.environ.get("ATLAS_DOCUMENT_STORE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    venv = REPO / ".venv"
    return venv / "atlas-documents.pickle" if venv.is_dir() else None


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(module.relative_to(PACKAGE).as_posix().encode() + b"\0" + module.read_bytes())
    for dependency in ("PyYAML", "jsonschema"):
        digest.update(f"{dependency}=={metadata.version(dependency)}".encode())
    return digest.hexdigest()


def load(path: Path | None) -> dict:
    """The stored documents by (name, content hash), or nothing if the store is absent, damaged or stale."""
    if path is None or not path.is_file():
        return {}
    try:
        with open(path, "rb") as handle:
            fingerprint, documents = pickle.load(handle)
    except Exception:  # a damaged or foreign file is ignored; the next save replaces it
        return {}
    return documents if fingerprint == code_fingerprint() and isinstance(documents, dict) else {}


def save(path: Path | None, documents: dict) -> None:
    """Replace the store with these documents (written aside, then renamed: readers never see half a file)."""
    if path is None or not documents:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=".atlas-documents-")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump((code_fingerprint(), documents), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(scratch, path)
    except OSError:
        Path(scratch).unlink(missing_ok=True)
