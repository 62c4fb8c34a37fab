"""Documents kept between runs are reused only for the same file content and the same code."""

import pickle

import pytest

import atlas.yamlsource as yamlsource
from atlas import document_store
from atlas.schema_check import schema_problems
from conftest import FIXTURES, ROOT

ALPHA = FIXTURES / "catalog" / "alpha.yaml"


@pytest.fixture
def fresh(parsed, monkeypatch):
    """This process has read nothing yet, counts the files it parses, and may write the store."""
    monkeypatch.setattr(yamlsource, "SAVE_DOCUMENTS", True)  # the rest of the suite never writes the store
    return parsed


def test_a_stored_document_is_reused_with_what_was_found_in_it(fresh, monkeypatch, tmp_path):
    store = tmp_path / "store.pickle"
    monkeypatch.setenv("ATLAS_DOCUMENT_STORE", str(store))
    monkeypatch.setattr(yamlsource, "_STORED", {})
    first = yamlsource.read_document(ALPHA, "patterns/alpha.yaml")
    schema_problems(first, ROOT / "schema" / "pattern.schema.json")
    yamlsource.save_documents()
    assert fresh == ["patterns/alpha.yaml"] and store.is_file()

    # A new run: nothing in memory, the store read on first use.
    monkeypatch.setattr(yamlsource, "_DOCUMENTS", {})
    monkeypatch.setattr(yamlsource, "_STORED", None)
    again = yamlsource.read_document(ALPHA, "patterns/alpha.yaml")
    assert fresh == ["patterns/alpha.yaml"]  # not parsed a second time
    assert again == first and again.lines == first.lines and again.derived == first.derived and again.derived


def test_an_edited_file_is_parsed_again_not_taken_from_the_store(fresh, monkeypatch, tmp_path):
    store = tmp_path / "store.pickle"
    monkeypatch.setenv("ATLAS_DOCUMENT_STORE", str(store))
    monkeypatch.setattr(yamlsource, "_STORED", {})
    yamlsource.read_document(ALPHA, "patterns/alpha.yaml")
    yamlsource.save_documents()
    edited = tmp_path / "alpha.yaml"
    edited.write_text(
        ALPHA.read_text(encoding="utf-8").replace("name: Alpha Fixture", "name: Alpha Edited"), encoding="utf-8"
    )
    monkeypatch.setattr(yamlsource, "_DOCUMENTS", {})
    monkeypatch.setattr(yamlsource, "_STORED", None)
    assert yamlsource.read_document(edited, "patterns/alpha.yaml").data["name"] == "Alpha Edited"
    assert fresh == ["patterns/alpha.yaml", "patterns/alpha.yaml"]


def test_only_the_repositorys_own_files_are_stored(fresh, monkeypatch, tmp_path):
    store = tmp_path / "store.pickle"
    monkeypatch.setenv("ATLAS_DOCUMENT_STORE", str(store))
    monkeypatch.setattr(yamlsource, "_STORED", {})
    scratch = tmp_path / "beta.yaml"
    scratch.write_bytes((FIXTURES / "catalog" / "beta.yaml").read_bytes())
    yamlsource.read_document(ALPHA, "patterns/alpha.yaml")
    yamlsource.read_document(scratch, "patterns/beta.yaml")
    yamlsource.save_documents()
    assert [display for display, _ in document_store.load(store)] == ["patterns/alpha.yaml"]


@pytest.mark.parametrize(
    "content",
    [b"not a pickle", pickle.dumps(("another-fingerprint", {("x", b""): None})), pickle.dumps(["a", "list"])],
    ids=["damaged", "other-code", "wrong-shape"],
)
def test_a_damaged_or_foreign_store_is_ignored(tmp_path, content):
    store = tmp_path / "store.pickle"
    store.write_bytes(content)
    assert document_store.load(store) == {}


def test_the_store_can_be_turned_off_and_is_off_without_a_venv(monkeypatch, tmp_path):
    monkeypatch.setenv("ATLAS_DOCUMENT_STORE", "")
    assert document_store.store_path() is None
    document_store.save(None, {("x", b""): object()})  # nothing to write to: no error
    monkeypatch.delenv("ATLAS_DOCUMENT_STORE")
    monkeypatch.setattr(document_store, "REPO", tmp_path)
    assert document_store.store_path() is None


def test_the_fingerprint_covers_every_module_of_the_package_and_the_parsers(monkeypatch, tmp_path):
    package = tmp_path / "atlas"
    package.mkdir()
    (package / "rule.py").write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(document_store, "PACKAGE", package)
    document_store.code_fingerprint.cache_clear()
    try:
        before = document_store.code_fingerprint()
        document_store.code_fingerprint.cache_clear()
        (package / "rule.py").write_text("LIMIT = 2\n", encoding="utf-8")
        assert document_store.code_fingerprint() != before
        document_store.code_fingerprint.cache_clear()
        monkeypatch.setattr(document_store.metadata, "version", lambda name: "0-other")
        (package / "rule.py").write_text("LIMIT = 1\n", encoding="utf-8")
        assert document_store.code_fingerprint() != before
    finally:
        document_store.code_fingerprint.cache_clear()


def test_a_schema_edit_checks_stored_documents_again(fresh, tmp_path):
    """What a schema found is kept with the schema file's stamp: a changed schema is applied again."""
    schema = tmp_path / "pattern.schema.json"
    schema.write_bytes((ROOT / "schema" / "pattern.schema.json").read_bytes())
    doc = yamlsource.read_document(ALPHA, "patterns/alpha.yaml")
    assert schema_problems(doc, schema) == []
    schema.write_text(
        schema.read_text(encoding="utf-8").replace('"minLength": 3', '"minLength": 300', 1), encoding="utf-8"
    )
    assert schema_problems(doc, schema) != []


def test_the_test_suite_never_writes_the_store(monkeypatch, tmp_path):
    """A test may change a document it loaded; that change must not reach the next run."""
    store = tmp_path / "store.pickle"
    monkeypatch.setenv("ATLAS_DOCUMENT_STORE", str(store))
    yamlsource.read_document(ALPHA, "patterns/alpha.yaml")
    yamlsource.save_documents()
    assert not yamlsource.SAVE_DOCUMENTS and not store.exists()
