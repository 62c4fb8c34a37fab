"""The pages a pull request changes open without a script error, and are kept as screenshots for review.

CI writes the changed pages' URLs (`atlas summary --pages`) to a file and runs this module with
ATLAS_CHANGED_PAGES=<that file> against the site `make build` wrote (ATLAS_SITE, default site/).
Each page is screenshotted at 1280 and 390 px into test-artifacts/screenshots/changed/, where the
job summary lists them. Without ATLAS_CHANGED_PAGES there is nothing to check (an empty parameter set).
"""

import os
from pathlib import Path

import pytest

from atlas.pr_summary import SCREENSHOT_DIR, SCREENSHOT_WIDTHS, screenshot_name
from conftest import ROOT, serve

# Full-page shots of a few pages help a reviewer; of the whole catalog they would only fill the artifact.
LIMIT = int(os.environ.get("ATLAS_SCREENSHOT_LIMIT", "30"))


def changed_pages() -> list[str]:
    listed = os.environ.get("ATLAS_CHANGED_PAGES")
    if not listed:
        return []
    urls = [line.strip() for line in Path(listed).read_text(encoding="utf-8").splitlines() if line.strip()]
    return urls[:LIMIT]


@pytest.fixture(scope="module")
def built_site_url():
    site = Path(os.environ.get("ATLAS_SITE", ROOT / "site"))
    assert (site / "index.html").is_file(), f"no built site at {site}: run `make build` first"
    server = serve(site)
    yield server.base
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("width", SCREENSHOT_WIDTHS)
@pytest.mark.parametrize("url", changed_pages())
def test_changed_page_opens_and_is_kept_as_a_screenshot(browser, built_site_url, url, width):
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 600 else 844})
    errors = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        response = page.goto(built_site_url + url)
        page.wait_for_load_state("networkidle")
        folder = ROOT / SCREENSHOT_DIR
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / screenshot_name(url, width), full_page=True)
        assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
        assert page.locator("article h1").first.is_visible(), f"{url} shows no heading"
        assert errors == [], f"{url}: script errors: {errors}"
    finally:
        context.close()
