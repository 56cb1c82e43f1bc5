"""The web of stories in a real Chromium: home -> topic -> related topic -> article -> entity ->
timeline -> the sentence an event comes from; every page exists, no console error."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .browser_helpers import watch

pytestmark = pytest.mark.browser


def _follow(page: Page, selector: str) -> str:
    """Click the first link matching ``selector``; return the new page's h1."""
    link = page.locator(selector).first
    assert link.count() == 1, f"no link {selector} on {page.url}"
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")
    heading = page.locator("h1").first
    assert heading.is_visible(), page.url
    return heading.inner_text()


def test_walk_the_web_of_stories(page: Page, site_url: str) -> None:
    seen = watch(page)
    page.goto(f"{site_url}/index.html")

    topic = _follow(page, ".home-topics ul a")
    assert "/topics/" in page.url and topic
    assert page.locator("#topic-articles ~ * .card").count() >= 1

    related = _follow(page, "#topic-related ~ ul a")
    assert "/topics/" in page.url and related != topic

    title = _follow(page, ".term-articles .card__title a")
    assert "/articles/" in page.url and title
    assert page.locator(".article-terms a[href*='topics/']").count() >= 1
    assert page.locator(".related-list a").count() >= 1

    entity = _follow(page, ".terms--entities a")
    assert "/entities/" in page.url and entity
    assert page.locator(".term-articles .mention").count() >= 1

    assert _follow(page, "nav.site-nav a:text-is('Timeline')") == "Timeline"
    assert page.locator(".timeline__item--article").count() >= 1

    _follow(page, ".timeline__item--event a")
    fragment = page.evaluate("location.hash")
    assert fragment.startswith("#b")
    assert page.locator(f"{fragment}:target").count() == 1  # the sentence is there
    assert seen.clean, (seen.errors, seen.missing)


def test_topic_graph_nodes_are_links_to_topic_pages(page: Page, site_url: str) -> None:
    seen = watch(page)
    page.goto(f"{site_url}/topics/index.html")
    nodes = page.locator("svg.topic-graph__svg a")
    assert nodes.count() == page.locator("ul.term-index > li").count() > 1
    nodes.first.focus()
    assert page.evaluate("document.activeElement.tagName.toLowerCase()") == "a"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/topics/" in page.url and page.url != f"{site_url}/topics/index.html"
    assert seen.clean, (seen.errors, seen.missing)


def test_older_and_newer_articles_chain(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/index.html")
    count = page.locator(".card, .article-row").count()
    newest = page.locator(".card__title a").first
    with page.expect_navigation():
        newest.click()
    titles = [page.locator("h1").inner_text()]
    while page.locator("a[rel=prev]").count():
        with page.expect_navigation():
            page.locator("a[rel=prev]").click()
        titles.append(page.locator("h1").inner_text())
    assert len(titles) == len(set(titles)) == count  # every article once, newest to oldest
    assert page.locator("a[rel=next]").count() == 1  # the oldest links back to a newer one
