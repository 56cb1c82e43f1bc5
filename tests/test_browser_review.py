"""The review pages in Chromium: index -> a capture's lines -> the filter; axe; phone size."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Page

from digest.review import build_review

from .browser_helpers import describe, run_axe, watch
from .conftest import _QuietHandler, copy_content

pytestmark = pytest.mark.browser

WAR = "004_bd47e933c52d98c4.txt"


@pytest.fixture(scope="module")
def review_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("review")
    content = copy_content(base / "content")
    # a capture without a date (a problem) and lines forced by the editor, on every page kind
    (content / "captures" / "undated.txt").write_text(
        "Talks resume in Geneva\n\n" + " ".join(["The delegations met again."] * 8) + "\n",
        encoding="utf-8")
    with (content / "curation.yaml").open("a", encoding="utf-8") as curation:
        curation.write("    keep: [2]\n    drop: [11]\n")  # under the last entry: WAR's
    build_review(content, base / "review", base / "cache")
    handler = functools.partial(_QuietHandler, directory=str(base / "review"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _visible_rows(page: Page) -> list[str]:
    return list(page.eval_on_selector_all(
        "table.lines tbody tr[id]",
        "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)"))


def test_index_to_capture_to_filter(page: Page, review_url: str) -> None:
    seen = watch(page)
    page.goto(f"{review_url}/index.html")
    assert page.locator("ol.captures > li").count() == 6
    assert "undated.txt: 1 problem" in page.locator("nav.attention").inner_text()
    card = page.locator(f"li[id='c-{WAR}.html']")
    assert "confidence 1.00" in card.locator(".capture__meta").inner_text()
    assert "2022-08-18\nfrom capture line 1" in card.locator(".facts").inner_text()
    with page.expect_navigation():
        card.locator("h2 a").click()
    assert page.locator("h1").inner_text() == WAR

    # line numbers, kinds and rules, and the curation line beside each line
    row = page.locator("#L2")
    assert row.locator("th").inner_text() == "2"
    assert "kept" in row.locator(".tag").inner_text()
    assert "rule curation-keep" in row.locator(".line__rule").inner_text()
    assert "by the editor; the cleaner said boilerplate, before-article" in row.inner_text()
    assert row.locator(".line__copy code").inner_text() == "keep: []"  # undoes the editor's
    assert page.locator("#L4 .line__copy code").inner_text() == "keep: [2, 4]"
    assert page.locator("#L13 .line__copy code").inner_text() == "drop: [11, 13]"
    assert "rule curation-drop" in page.locator("#L11").inner_text()
    assert page.locator("tr.line--header").count() >= 3
    everything = _visible_rows(page)
    assert len(everything) > 100

    # the filter, enhanced by the script: kept lines hide in place, the address follows
    page.get_by_role("link", name="Only lines not kept").click()
    flagged = _visible_rows(page)
    assert 0 < len(flagged) < len(everything)
    assert page.locator("tr.line--kept:visible").count() == 0
    assert page.locator("tr.line--kept").count() > 0  # hidden in place, no page load
    assert page.url.endswith(f"/flagged/{WAR}.html")
    assert page.get_by_role("link", name="Only lines not kept").get_attribute(
        "aria-current") == "page"
    page.reload()  # the address is a real page: the same lines
    assert _visible_rows(page) == flagged
    page.get_by_role("link", name="All lines").click()
    page.wait_for_load_state("load")
    assert _visible_rows(page) == everything
    assert seen.clean, (seen.errors, seen.missing)


def test_filter_works_without_javascript(browser: Browser, review_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{review_url}/captures/{WAR}.html")
    everything = page.locator("tbody tr[id]").count()
    with page.expect_navigation():
        page.get_by_role("link", name="Only lines not kept").click()
    assert page.url.endswith(f"/flagged/{WAR}.html")
    rows = page.locator("tbody tr[id]")
    assert 0 < rows.count() < everything
    assert page.locator("tbody tr.line--kept, tbody tr.line--blank").count() == 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["index.html", f"captures/{WAR}.html", f"flagged/{WAR}.html",
                                  "captures/undated.txt.html"])
def test_no_axe_violations(page: Page, review_url: str, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(f"{review_url}/{path}")
    violations = run_axe(page)
    assert violations == [], f"{path} ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("path", ["index.html", f"captures/{WAR}.html"])
def test_readable_on_a_phone(page: Page, review_url: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{review_url}/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if path.startswith("captures/"):
        box = page.locator("#L4 .line__text").bounding_box()
        assert box is not None and box["width"] > 250  # the text gets the width, not a column
