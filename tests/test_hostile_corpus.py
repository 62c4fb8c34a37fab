"""A hostile contributor's corpus: every payload planted into every string field of an entry, a
decision tree and the glossary (names and titles included), and into a commit subject.

For each payload, the fields that the checks refuse must be refused with a problem naming the file
and a line; everything they accept is built with --strict, and the published HTML is parsed as a
browser would parse it: no live script, no event attribute, no dangerous link target, nothing loaded
from another host, no template output. A browser then opens the pages of the most active payloads
and must see no dialog, no off-site request and no injected handler.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from justhtml import JustHTML

from atlas.problems import field_path
from atlas.prose import walk_strings
from atlas.sources import all_problems
from conftest import FIXTURES, run_build, serve, site_skeleton

TEMPLATE_RESULT = "23757"  # what the template payload computes if template syntax ever runs
PAYLOADS = {
    "script-tag": "<script>alert(1337)</script>",
    "img-onerror": "<img src=x onerror=alert(1337)>",
    "attr-breakout-double": '"><svg onload=alert(1337)>',
    "attr-breakout-single": "' onfocus='alert(1337)' autofocus x='",
    "attr-breakout-event": '" onmouseover="alert(1337)" x="',
    "link-javascript": "[click](javascript:alert(1337))",
    "link-case": "[click](JaVaScRiPt:alert(1337))",
    "link-entity-tab": "[click](java&#x09;script:alert(1337))",
    "link-entity-letter": "[click](&#106;avascript:alert(1337))",
    "link-nested-brackets": "[a [nested] b](javascript:alert(1337))",
    "link-reference": "[click][ref]\n\n[ref]: javascript:alert(1337)",
    "link-reference-in-list": "- item\n\n    [ref]: javascript:alert(1337)\n\n- [x][ref]",
    "autolink": "<javascript:alert(1337)>",
    "link-data": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMzM3KTwvc2NyaXB0Pg==)",
    "link-vbscript": "[x](vbscript:msgbox(1337))",
    "image-offsite": "![pixel](https://attacker.invalid/p.png)",
    "image-protocol-relative": "![pixel](//attacker.invalid/p.png)",
    "iframe": '<iframe src="https://attacker.invalid/"></iframe>',
    "raw-link": '<a href="javascript:alert(1337)">x</a>',
    "mathml-mxss": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1337)>",
    "svg-xlink": '<svg><a xlink:href="javascript:alert(1337)"><text>x</text></a></svg>',
    "style-offsite": "<style>body{background:url(https://attacker.invalid/x)}</style>",
    "md-in-html": '<div markdown="1">[x](javascript:alert(1337))</div>',
    "attr-list": '{: onclick="alert(1337)" }',
    "template": "{{ 7919*3 }} {% raw %}{{ config }}{% endraw %}",
    "name-breakout": "X](javascript:alert(1337))[y",
    "abbr-definition": "*[ABBR]: <img src=x onerror=alert(1337)>",
    "double-encoded": "&lt;script&gt;alert(1337)&lt;/script&gt;",
    "long-token": "A" * 3000 + "[" * 500,
    "control-characters": "bell\x07escape\x1b[31m",
    "rtl-override": "invoice\u202egnp.exe",
}
# The payloads worth a real browser as well (all of them are parsed in Python).
BROWSER_PAYLOADS = [
    "img-onerror",
    "attr-breakout-double",
    "attr-breakout-single",
    "link-nested-brackets",
    "link-reference-in-list",
    "name-breakout",
    "svg-xlink",
    "mathml-mxss",
]

URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "poster", "srcset", "data", "background"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "object", "embed", "base", "style", "math"}


def _plant(data, payload):
    """(planted copy, {field path: original}) with the payload put in front of every string."""
    planted = copy.deepcopy(data)
    originals = {}
    for path, text in list(walk_strings(data)):
        target = planted
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = f"{payload} {text}"
        originals[path] = text
    return planted, originals


def _restore(data, originals, problems, file):
    """Put back every planted field that a problem (in file) concerns; returns how many."""
    fields = [p.field for p in problems if p.file == file]
    restored = 0
    for path, original in list(originals.items()):
        name = field_path(path)
        if any(
            f == "(file)" or name == f or name.startswith((f + ".", f + "[")) or f.startswith((name + ".", name + "["))
            for f in fields
        ):
            target = data
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = original
            del originals[path]
            restored += 1
    return restored


def _dump(path: Path, data):
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def _prepare(tmp: Path, name: str, payload: str):
    """A fixture project with the payload planted wherever the checks accept it.

    Returns (project, refusals): refusals are the problems that refused the rest, each of which
    must name its file and line.
    """
    project = site_skeleton(tmp / name, for_fixtures=True)
    shutil.copytree(FIXTURES / "catalog", project / "patterns")
    files = {
        "patterns/alpha.yaml": project / "patterns" / "alpha.yaml",
        "decisions/tiny.yaml": project / "decisions" / "tiny.yaml",
        "data/glossary.yaml": project / "data" / "glossary.yaml",
    }
    state = {}
    for rel, path in files.items():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        planted, originals = _plant(data, payload)
        state[rel] = (planted, originals)
        _dump(path, planted)
    refusals = []
    for _ in range(12):
        problems = all_problems(project, project / "patterns")[1]
        if not problems:
            break
        refusals += problems
        restored = 0
        for rel, (planted, originals) in state.items():
            restored += _restore(planted, originals, problems, rel)
            _dump(files[rel], planted)
        assert restored, "problems that no planted field explains:\n" + "\n".join(map(str, problems))
    else:
        pytest.fail("the checks did not settle")
    # A commit whose subject is the payload: the changelog shows commit subjects.
    subject = payload.replace("\n", " ")
    git = [
        "git",
        "-C",
        str(project),
        "-c",
        "user.name=Mallory",
        "-c",
        "user.email=m@example.org",
        "-c",
        "commit.gpgsign=false",
    ]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "patterns"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", subject or "x"], check=True)
    planted_count = sum(len(originals) for _, originals in state.values())
    return project, refusals, planted_count


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """payload name -> (site or None, refusals, number of fields that kept the payload)."""
    tmp = tmp_path_factory.mktemp("corpus")
    prepared = {name: _prepare(tmp, name, payload) for name, payload in PAYLOADS.items()}

    def build(name):
        project = prepared[name][0]
        result = run_build(project, project / "site")
        return name, result

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = dict(pool.map(build, prepared))
    out = {}
    for name, (project, refusals, kept) in prepared.items():
        out[name] = (project / "site", refusals, kept, results[name])
    return out


LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect", "dns-prefetch"}


def _loads(element: str, attrs: dict) -> bool:
    """Does the browser fetch this element's address as the page loads (rather than on a click)?"""
    if element == "a":
        return False
    if element == "link":
        return bool(set((attrs.get("rel") or "").lower().split()) & LOADING_LINKS)
    return True


def _scan(site: Path, template: bool = False):
    """Every unsafe thing in the built site's HTML: (file, description)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site).as_posix()
        if template and TEMPLATE_RESULT in html:
            found.append((rel, f"the template payload ran: its result {TEMPLATE_RESULT} appears"))
        stack = [JustHTML(html, sanitize=False).root]
        while stack:
            node = stack.pop()
            for child in node.children or []:
                name = (child.name or "").lower()
                if name.startswith("#"):
                    continue
                attrs = child.attrs or {}
                if name in FORBIDDEN_ELEMENTS or child.namespace == "math":
                    found.append((rel, f"<{name}> element"))
                if name == "script" and not attrs.get("src") and (attrs.get("type") or "") != "application/json":
                    text = "".join(c.data or "" for c in child.children or [] if c.name == "#text")
                    if "1337" in text or "alert" in text:
                        found.append((rel, "inline script with the payload"))
                for attr, value in attrs.items():
                    lowered = attr.lower()
                    if lowered.startswith("on"):
                        found.append((rel, f"event attribute {attr} on <{name}>"))
                    if lowered in URL_ATTRIBUTES and value:
                        url = re.sub(r"[\t\n\r]", "", value).strip().lower()
                        if re.match(r"^(javascript|vbscript|data|file):", url):
                            found.append((rel, f"{attr}={value[:60]!r} on <{name}>"))
                        elif _loads(name, attrs) and (re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("//")):
                            found.append((rel, f"off-site resource {attr}={value[:60]!r} on <{name}>"))
                stack.append(child)
    return found


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_payload_is_refused_with_the_file_named_or_published_inert(corpus, name):
    site, refusals, kept, result = corpus[name]
    for problem in refusals:
        assert problem.file in ("patterns/alpha.yaml", "decisions/tiny.yaml", "data/glossary.yaml"), str(problem)
        assert problem.line >= 1 and str(problem).startswith(f"{problem.file}:{problem.line}: "), str(problem)
        assert "\n" not in str(problem), str(problem)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert kept or refusals, "the payload neither stayed anywhere nor was refused"
    found = _scan(site, template=name == "template")
    assert found == [], "\n".join(f"{f}: {d}" for f, d in found)


def test_hostile_text_is_shown_as_typed(corpus):
    """Accepted payloads are not lost: readers see the characters the contributor typed."""
    site, _, kept, _ = corpus["img-onerror"]
    assert kept
    page = (site / "patterns" / "alpha" / "index.html").read_text(encoding="utf-8")
    text = JustHTML(page, sanitize=False).root.to_text(separator="", strip=False)
    assert "<img src=x onerror=alert(1337)>" in text


def test_links_and_images_are_refused_before_the_build(corpus):
    for name in ("link-javascript", "link-nested-brackets", "link-reference-in-list", "image-offsite", "link-data"):
        _, refusals, _, _ = corpus[name]
        assert any("link target" in p.message or "image" in p.message for p in refusals), name


def test_hidden_characters_are_refused(corpus):
    for name in ("control-characters", "rtl-override"):
        _, refusals, _, _ = corpus[name]
        assert any("invisible character" in p.message for p in refusals), name


@pytest.mark.browser
def test_a_browser_sees_nothing_run(corpus, browser):
    for name in BROWSER_PAYLOADS:
        server = serve(corpus[name][0])
        base = server.base
        try:
            page = browser.new_page()
            dialogs, offsite = [], []
            page.on("dialog", lambda d, dialogs=dialogs: (dialogs.append(d.message), d.dismiss()))
            page.on(
                "request",
                lambda r, offsite=offsite, base=base: (
                    offsite.append(r.url) if not r.url.startswith((base, "data:")) else None
                ),
            )
            for path in (
                "/patterns/alpha/",
                "/decisions/tiny/",
                "/glossary/",
                "/changelog/",
                "/patterns/",
                "/references/",
                "/map/",
                "/compare/alpha-vs-beta/",
                "/compare/?p=alpha&p=beta",
                "/explore/",
                "/tradeoffs/",
            ):
                page.goto(base + path)
                page.wait_for_load_state("load")
                # The theme's tooltips show a title as HTML: no title may hold markup, and the ones that carry
                # a payload are focused, as a keyboard reader would, so their tooltips are really drawn.
                assert (
                    page.evaluate("""() => [...document.querySelectorAll('[title]')]
                    .filter(e => e.title.includes('<')).map(e => e.title)""")
                    == []
                ), (name, path)
                count = page.evaluate("""() => (window.carriers = [...document.querySelectorAll(
                    '[title*="1337"], abbr[title]')].slice(0, 6)).length""")
                for index in range(count):
                    page.evaluate("i => window.carriers[i].focus()", index)
                    page.wait_for_timeout(250)
                handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
                    [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
                bad_links = page.evaluate("""() => [...document.querySelectorAll('a[href]')]
                    .map(a => a.href).filter(h => /^(javascript|data|vbscript):/i.test(h))""")
                assert handlers == [] and bad_links == [], (name, path, handlers, bad_links)
            assert dialogs == [], (name, dialogs)
            assert offsite == [], (name, offsite)
            page.close()
        finally:
            server.shutdown()
