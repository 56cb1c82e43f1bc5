"""axe-core (WCAG 2.2 AA) on every kind of page, in the light and the dark colour scheme."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .browser_helpers import describe, run_axe

pytestmark = pytest.mark.browser

#: One page of each kind; articles, topics and entities are picked from the built site.
KINDS = ["home", "article", "topic", "topics", "entity", "entities", "timeline", "archives",
         "about", "404", "search"]
FIXED = {"home": "index.html", "topics": "topics/index.html",
         "entities": "entities/index.html", "timeline": "timeline.html",
         "archives": "archives.html", "about": "about.html", "404": "404.html",
         "search": "search.html"}


def page_of_kind(site: Path, kind: str) -> str:
    if kind in FIXED:
        return FIXED[kind]
    folder = {"article": "articles", "topic": "topics", "entity": "entities"}[kind]
    # the page with the most links of its kind: the fullest one is the most likely to fail
    pages = [p for p in sorted((site / folder).glob("*.html")) if p.name != "index.html"]
    fullest = max(pages, key=lambda p: (p.read_text(encoding="utf-8").count("<a "), p.name))
    return fullest.relative_to(site).as_posix()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violations(page: Page, site: Path, site_url: str, kind: str,
                           scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    path = page_of_kind(site, kind)
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("load")
    violations = run_axe(page)
    assert violations == [], f"{path} ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_phone_with_the_folded_parts_open(
        browser: Browser, site: Path, site_url: str, scheme: str) -> None:
    """At 390 px the menu and the search facets fold into <details>; open, they must pass too."""
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    for path, toggle in (("index.html", ".site-menu > summary"),
                         (page_of_kind(site, "article"), None),
                         ("search.html?q=putin", ".search-page__filters > summary")):
        page.goto(f"{site_url}/{path}")
        if path.startswith("search"):
            page.wait_for_selector(".search-result")
        if toggle:
            page.click(toggle)
        violations = run_axe(page)
        assert violations == [], f"{path} ({scheme}, phone):\n{describe(violations)}"
    context.close()


def test_axe_really_runs(page: Page) -> None:
    """A page with an image without alt text must fail: a broken injection cannot pass."""
    page.set_content("<!doctype html><html lang='en'><title>bad</title><main>"
                     "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main></html>")
    ids = [v["id"] for v in run_axe(page)]
    assert "image-alt" in ids
