"""The hostile site in headless Chromium: every page loads and every search for a hostile
string runs without a dialog, without a captured script running, without a console error."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, Response

from .hostile import (
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    LINE_STARTS,
    PAYLOADS,
    PWNED,
    UNICODE_TEXT,
    HostileSite,
    hostile_site_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: what an injected element or handler would look like in the live DOM
INJECTED = (
    "iframe, img, object, embed, style, frame, base, "
    "script:not([src]):not([type='application/ld+json']), "
    "[onerror], [onload], [onclick], [onmouseover], [onfocus], "
    "a[href^='javascript:' i], a[href^='data:' i]"
)

#: searches typed into the box: markup, Markdown, template syntax, RTL, astral characters
QUERIES = (
    *(payload for _, payload in PAYLOADS),
    HOSTILE_TITLE,
    HOSTILE_OUTLET,
    LINE_STARTS[0],
    UNICODE_TEXT[0],
    "😀 𠜎",
    "Министр",
    "\"'><svg onload=alert(1)>",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    return hostile_site_for(tmp_path_factory)


@pytest.fixture(scope="session")
def hostile_url(hostile_site: HostileSite) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(hostile_site.output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Watch:
    """Dialogs, console errors, uncaught exceptions and failed requests of one page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("response", self._response)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(getattr(dialog, "message", "?"))
        dialog.dismiss()  # type: ignore[attr-defined]

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def check(self, where: str) -> None:
        pwned = self.page.evaluate(f"typeof window.{PWNED}")
        injected = self.page.eval_on_selector_all(
            INJECTED, "els => els.map(e => e.outerHTML.slice(0, 120))")
        assert (self.dialogs, pwned, injected, self.errors, self.failed) == (
            [], "undefined", [], [], []), where


def test_every_page_of_the_hostile_site_is_inert(page: Page, hostile_url: str,
                                                 hostile_site: HostileSite) -> None:
    watch = Watch(page)
    pages = sorted(hostile_site.output.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        rel = path.relative_to(hostile_site.output).as_posix()
        page.goto(f"{hostile_url}/{rel}", wait_until="load")
        watch.check(rel)
    # the payloads are on the page as text a reader can see
    page.goto(f"{hostile_url}/articles/{hostile_site.slugs['h_script.txt']}.html")
    assert page.get_by_text(f"<script>window.{PWNED}=1</script>", exact=False).count() >= 1
    page.goto(f"{hostile_url}/articles/{hostile_site.slugs['h_title.txt']}.html")
    assert page.locator("h1").first.inner_text().strip() == HOSTILE_TITLE
    assert page.title().startswith(HOSTILE_TITLE)
    watch.check("visible text")


def _needs_index(site: HostileSite) -> None:
    assert (site.output / "search" / "index.json").is_file(), "the build wrote no search index"


def _settled(page: Page) -> None:
    """Wait until search.js has answered: a status line, or the form in its error state."""
    page.wait_for_function(
        "() => { const s = document.querySelector('[data-search-status], .site-search__status');"
        " const f = document.querySelector('form.site-search');"
        " return (s && s.textContent.trim()) || (f && f.dataset.searchState === 'error'); }",
        timeout=15_000,
    )


def test_searching_for_hostile_strings_runs_nothing(page: Page, hostile_url: str,
                                                    hostile_site: HostileSite) -> None:
    _needs_index(hostile_site)
    watch = Watch(page)
    for query in QUERIES:
        page.goto(f"{hostile_url}/search.html?q={quote(query)}")
        _settled(page)
        assert page.locator("#q").input_value() == query
        assert page.locator("form.site-search").get_attribute("data-search-state") != "error"
        watch.check(f"search.html?q={query}")
    # the payload captures are found, their results drawn as text
    page.goto(f"{hostile_url}/search.html?q={quote('script')}")
    _settled(page)
    titles = page.locator(".search-result__title").all_inner_texts()
    assert "Hostile script payload report" in titles
    watch.check("search for script")


def test_a_hostile_title_is_shown_whole_in_search_results(
    page: Page, hostile_url: str, hostile_site: HostileSite
) -> None:
    _needs_index(hostile_site)
    watch = Watch(page)
    page.goto(f"{hostile_url}/search.html?q={quote('title')}")
    _settled(page)
    assert HOSTILE_TITLE in page.locator(".search-result__title").all_inner_texts()
    watch.check("search for title")


def test_typing_hostile_strings_into_the_header_box_runs_nothing(
    page: Page, hostile_url: str, hostile_site: HostileSite
) -> None:
    _needs_index(hostile_site)
    watch = Watch(page)
    page.goto(f"{hostile_url}/index.html")
    box = page.locator("input#q")
    for query in QUERIES:
        box.fill(query)
        _settled(page)
        assert page.locator("form.site-search").get_attribute("data-search-state") != "error"
        watch.check(f"typed {query}")
        box.fill("")
    box.fill(PAYLOADS[0][1])
    box.press("Enter")  # off the search page, Enter goes to search.html?q=...
    page.wait_for_url("**/search.html?q=*")
    _settled(page)
    assert page.locator("#q").input_value() == PAYLOADS[0][1]
    watch.check("submitted")

