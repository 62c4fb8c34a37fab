"""The strict MkDocs build: it passes on the real catalog, publishes every entry, and loads nothing from elsewhere."""

import hashlib
import html as html_lib
import re
import shutil
from html.parser import HTMLParser

from justhtml import JustHTML

from conftest import FIXTURES, ROOT, real_catalog, run_build, site_skeleton

# Vendored from npm by tools/vendor-js.sh: a changed file must come from a deliberate re-vendoring.
VENDORED_SHA256 = {
    "mermaid/mermaid.min.js": "07e37dfa97b337ccc85365d57eddf99b9706f09db3b59b260d0333b23b343c4b",  # mermaid 11.12.0
    "tablesort/tablesort.min.js": "ee99f17ebc985170899a004e9f6bf09e7f60eb4b459b6bfe6683cf0140352c63",  # tablesort 5.7.1
    "tablesort/tablesort.number.min.js": "e25dad08c53361182db670d0f670e85eea0f57e5d3bad0439831c75e1842096c",
}


def _title(page) -> str:
    return html_lib.unescape(re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL).group(1))


def test_every_entry_has_its_page(built_site):
    for entry_id, entry in real_catalog().entries.items():
        page = built_site / "patterns" / entry_id / "index.html"
        assert page.is_file(), f"/patterns/{entry_id}/ was not built"
        assert _title(page) == f"{entry.data['name']} - Backend Pattern Atlas", entry_id


def test_edit_button_opens_the_yaml_file(built_site):
    html = (built_site / "patterns" / "saga" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/backend-pattern-atlas/backend-pattern-atlas/edit/main/patterns/saga.yaml"' in html


def test_catalog_page_links_every_entry(built_site):
    html = (built_site / "patterns" / "index.html").read_text(encoding="utf-8")
    for entry_id in real_catalog().entries:
        assert f'href="{entry_id}/"' in html, entry_id


class _Resources(HTMLParser):
    """Collect every address the browser would fetch on its own while loading a page."""

    def __init__(self):
        super().__init__()
        self.fetched = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.fetched.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate", "sitemap"):
            self.fetched.append(attrs["href"])


def test_no_page_loads_anything_from_another_host(built_site):
    external = []
    for page in built_site.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        external += [
            f"{page.relative_to(built_site)}: {url}" for url in parser.fetched if re.match(r"^(https?:)?//", url)
        ]
    for stylesheet in built_site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        external += [
            f"{stylesheet.relative_to(built_site)}: {url}"
            for url in re.findall(r"url\((['\"]?)(https?://[^)'\"]+)", text)
        ]
    assert not external, "\n".join(external)


def test_scripts_are_the_vendored_releases(built_site):
    for path, digest in VENDORED_SHA256.items():
        assert hashlib.sha256((built_site / "assets" / "vendor" / path).read_bytes()).hexdigest() == digest, path


def test_diagram_loader_is_only_on_pattern_pages(built_site):
    saga = (built_site / "patterns" / "saga" / "index.html").read_text(encoding="utf-8")
    assert 'data-mermaid="../../assets/vendor/mermaid/mermaid.min.js"' in saga
    assert '<pre class="atlas-mermaid"' in saga and 'class="mermaid"' not in saga  # Material never loads its CDN copy
    assert "mermaid" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_sidebar_does_not_list_every_pattern(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "patterns/saga/" not in nav


def test_bad_catalog_fails_the_build_with_clear_lines_and_writes_nothing(tmp_path):
    project = site_skeleton(tmp_path / "project", for_fixtures=True)
    shutil.copytree(FIXTURES / "catalog", project / "patterns")
    alpha = project / "patterns" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("family: architecture-style", "family: nope"), encoding="utf-8"
    )
    site = tmp_path / "site"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"patterns/alpha\.yaml:\d+: family: 'nope' is not a known family\. Tip: ", output), output
    assert "Traceback" not in output
    assert not site.exists()


def test_template_syntax_in_an_entry_is_not_executed(tmp_path):
    project = site_skeleton(tmp_path / "project", for_fixtures=True)
    shutil.copytree(FIXTURES / "catalog", project / "patterns")
    alpha = project / "patterns" / "alpha.yaml"
    text = alpha.read_text(encoding="utf-8").replace(
        "  - id: isolates-rules\n    force: one defect per test",
        "  - id: isolates-rules\n    force: \"Alpha {{ config.site_name }} <img src=x onerror=alert(1)>\"",
    )
    alpha.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "patterns" / "alpha" / "index.html").read_text(encoding="utf-8")
    root = JustHTML(html, sanitize=False).root
    assert "Alpha {{ config.site_name }} <img src=x onerror=alert(1)>" in root.to_text(
        separator="", strip=False
    )  # shown as typed
    assert "<img src=x" not in html and "Backend Pattern Atlas <img" not in root.to_text(separator="", strip=False)
    assert not root.query("img[onerror]")


class _LinksAndIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if tag in ("a", "link", "script", "img") and attrs.get(name):
                self.links.append(attrs[name])


def test_every_internal_link_and_anchor_resolves(built_site):
    """Covers links MkDocs does not check itself, such as those inside generated SVG graphs."""
    import posixpath
    from urllib.parse import unquote, urlsplit

    pages = {}
    for page in built_site.rglob("*.html"):
        parser = _LinksAndIds()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page.relative_to(built_site).as_posix()] = parser
    broken = []
    for path, parser in pages.items():
        if path == "404.html":
            continue  # served at any depth, so MkDocs writes its links from the site root
        base = posixpath.dirname(path)
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else path
            if parts.path.endswith("/") or (built_site / target).is_dir():
                target = posixpath.join(target, "index.html")
            target = target.removeprefix("./")
            if not (built_site / target).exists():
                broken.append(f"{path}: {link}")
            elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
                broken.append(f"{path}: {link} (no such anchor)")
    assert not broken, "\n".join(broken[:50])


def test_glossary_terms_are_tooltips_on_every_kind_of_page(built_site):
    for page in ("patterns/cqrs/index.html", "concepts/cap-theorem/index.html", "map/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert re.search(r'<abbr title="[^"]+">(CQRS|CAP|ACID|BFF)</abbr>', html), page
    cqrs = (built_site / "patterns" / "cqrs" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Command Query Responsibility Segregation: ' in cqrs


def test_pattern_page_title_comes_from_the_entry(built_site):
    html = (built_site / "patterns" / "cqrs" / "index.html").read_text(encoding="utf-8")
    assert "<title>Command Query Responsibility Segregation - Backend Pattern Atlas</title>" in html


def test_every_alternative_pair_is_published_with_its_redirect(built_site):
    from atlas.comparisons import alternative_pairs

    pairs = alternative_pairs(real_catalog())
    assert pairs
    for a, b in pairs:
        assert (built_site / "compare" / f"{a}-vs-{b}" / "index.html").is_file()
        redirect = (built_site / "compare" / f"{b}-vs-{a}" / "index.html").read_text(encoding="utf-8")
        assert f"url=../{a}-vs-{b}/" in redirect


def test_each_quality_has_its_ranking_page(built_site):
    for quality, spec in real_catalog().vocabulary["quality_attributes"].items():
        page = built_site / "tradeoffs" / quality / "index.html"
        assert _title(page) == f"{spec['name']}: patterns ranked - Backend Pattern Atlas", quality


def test_no_list_renders_as_running_text(built_site):
    """A list written straight after a sentence ("three jobs:" then "- ...") must render as a list."""
    item = re.compile(r"(?:^|\n)\s*(?:[-*+]|\d+\.) \S")
    found = []
    for page in sorted((built_site / "patterns").glob("*/index.html")):
        stack = [JustHTML(page.read_text(encoding="utf-8"), sanitize=False).root]
        while stack:
            node = stack.pop()
            for child in node.children or []:
                if child.name == "p" and item.search(child.to_text(separator="", strip=False)):
                    found.append(f"{page.parent.name}: {child.to_text()[:80]}")
                stack.append(child)
    assert found == []


def test_edit_links_point_at_the_source_files_not_at_generated_stubs(built_site):
    """ "Edit this page" on a generated page opens the YAML it comes from, and every file it names exists."""
    from atlas.pages import _is_generated

    stubs, checked = [], 0
    for page in built_site.rglob("index.html"):
        for target in re.findall(r'href="[^"]*/edit/main/([^"]+)"', page.read_text(encoding="utf-8")):
            checked += 1
            source = built_site.parent / target  # the built project's own copy of the sources
            assert source.is_file(), f"{page.relative_to(built_site)} -> {target}"
            if _is_generated(source):
                stubs.append(f"{page.relative_to(built_site)} -> {target}")
    assert checked > len(real_catalog().entries)
    assert stubs == [], "edit links to generated stubs:\n" + "\n".join(stubs[:20])


def test_home_page_shows_the_catalog_at_a_glance_and_every_decision(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    catalog = real_catalog()
    glance = html[html.index('id="at-a-glance"') : html.index('id="linking-from-a-design-review"')]
    for family_id in {e.data["family"] for e in catalog.entries.values()}:
        assert f'href="patterns/#{family_id}"' in glance, family_id
    for tree in (ROOT / "decisions").glob("*.yaml"):
        assert f'href="decisions/{tree.stem}/"' in glance, tree.stem
    assert "<kbd>/</kbd>" in html
