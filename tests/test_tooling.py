"""`make lint` runs ruff, mypy, ESLint and stylelint, the git hooks run the same tools, and each tool
catches what it is there to catch."""

import json
import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from conftest import ROOT

LINT = ROOT / "tools" / "lint"
ESLINT = LINT / "node_modules" / ".bin" / "eslint"
STYLELINT = LINT / "node_modules" / ".bin" / "stylelint"
SCRIPTS = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))
STYLESHEETS = sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css"))
needs_node_modules = pytest.mark.skipif(
    not (ESLINT.exists() and STYLELINT.exists()),
    reason="ESLint and stylelint are not installed in tools/lint/node_modules; `make lint` installs them (npm ci)",
)


def make_dry_run(target):
    return subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_make_lint_runs_every_linter():
    commands = make_dry_run("lint")
    for tool in (
        "ruff check macros tests tools",
        "ruff format --check macros tests tools",
        "mypy",
        r"eslint( --cache --cache-location \S+)? --config tools/lint/eslint.config.mjs docs/assets/javascripts",
        r"stylelint( --cache --cache-location \S+)? --config tools/lint/stylelint.config.mjs",
    ):
        assert re.search(tool, commands), f"make lint does not run {tool}"


@pytest.mark.parametrize("target", ["test", "quick"])
def test_make_target_lints_first(target):
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    prerequisites = re.search(rf"^{target}:([^#\n]*)", makefile, re.MULTILINE).group(1).split()
    assert "lint" in prerequisites


def test_git_hooks_run_the_same_linters():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format", "mypy", "eslint", "stylelint"} <= set(hooks)
    assert "tools/lint/eslint.config.mjs" in hooks["eslint"]["entry"]
    assert "tools/lint/stylelint.config.mjs" in hooks["stylelint"]["entry"]
    assert re.search(hooks["mypy"]["files"], "macros/atlas/catalog.py")


# --- mypy --------------------------------------------------------------------------------------------


def mypy_config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def test_mypy_checks_the_atlas_package_without_blanket_ignores():
    config = mypy_config()
    assert config["files"] == ["macros/atlas"]
    assert config["check_untyped_defs"] is True
    assert "ignore_errors" not in config
    assert not any(override.get("ignore_errors") for override in config.get("overrides", []))


@pytest.mark.tool
def test_mypy_with_the_project_settings_rejects_a_type_error(tmp_path):
    """check_untyped_defs: a mistake inside a function without annotations is still an error."""
    scratch = tmp_path / "scratch.py"
    scratch.write_text('def count(entries):\n    total: int = "none"\n    return total\n', encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(scratch),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "scratch.py:2: error: Incompatible types in assignment" in result.stdout


# --- ESLint and stylelint ------------------------------------------------------------------------------


@pytest.mark.tool
@needs_node_modules
def test_eslint_rejects_unsafe_dom_sinks_and_passes_dom_methods(tmp_path):
    scripts = tmp_path / "docs" / "assets" / "javascripts"  # the path the configuration lints
    scripts.mkdir(parents=True)
    (scripts / "unsafe.js").write_text(
        '(function () {\n  "use strict";\n  var box = document.getElementById("x");\n'
        '  box.innerHTML = location.hash;\n  box.insertAdjacentHTML("beforeend", location.search);\n})();\n',
        encoding="utf-8",
    )
    (scripts / "safe.js").write_text(
        '(function () {\n  "use strict";\n  var box = document.getElementById("x");\n'
        '  box.textContent = location.hash;\n  box.append(document.createElement("p"));\n})();\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(ESLINT), "--config", str(LINT / "eslint.config.mjs"), "--format", "json", "docs/assets/javascripts"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    reports = {report["filePath"].rsplit("/", 1)[-1]: report["messages"] for report in json.loads(result.stdout)}
    assert reports["safe.js"] == []
    errors = {(m["line"], m["ruleId"]) for m in reports["unsafe.js"] if m["severity"] == 2}
    assert errors == {(4, "no-unsanitized/property"), (5, "no-unsanitized/method")}


@pytest.mark.tool
@needs_node_modules
def test_stylelint_rejects_a_broken_stylesheet(tmp_path):
    broken = tmp_path / "broken.css"
    broken.write_text(".atlas-x { colr: red; }\n.atlas-y { color: #12345; }\n", encoding="utf-8")
    result = subprocess.run(
        [str(STYLELINT), "--config", str(LINT / "stylelint.config.mjs"), "--formatter", "json", str(broken)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    rules = {warning["rule"] for report in json.loads(result.stderr or result.stdout) for warning in report["warnings"]}
    assert {"property-no-unknown", "declaration-property-value-no-unknown"} <= rules


# --- Exceptions to the rules say why -------------------------------------------------------------------


@pytest.mark.parametrize("path", SCRIPTS + STYLESHEETS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_lint_exception_gives_its_reason(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if re.search(r"(eslint|stylelint)-disable", line):
            assert " -- " in line, f"{path.name}:{number}: say why after ' -- ': {line.strip()}"
