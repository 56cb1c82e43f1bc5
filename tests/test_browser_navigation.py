"""What a reader does, in a real headless Chromium: open the home page, follow links."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Response

pytestmark = pytest.mark.browser


def _watch(page: Page) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    missing: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_response(response: Response) -> None:
        if response.status >= 400:
            missing.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    return errors, missing


def test_home_to_article_and_back(page: Page, site_url: str) -> None:
    errors, missing = _watch(page)
    page.goto(f"{site_url}/index.html")
    # the newest story leads, the four others follow as a list
    assert page.locator(".card--lead").count() == 1
    assert page.locator(".article-row").count() == 4
    first = page.locator(".card__title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert page.locator(".article__body p").count() >= 5
    page.get_by_role("link", name="Latest").click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html")
    assert errors == [] and missing == []


def test_about_page_lists_every_source(page: Page, site_url: str) -> None:
    errors, missing = _watch(page)
    page.goto(f"{site_url}/index.html")
    page.get_by_role("link", name="About", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("table.sources tbody tr").count() == 5
    assert errors == [] and missing == []


def test_skip_link_moves_focus_to_the_content(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
