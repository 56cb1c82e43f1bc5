"""What a reader sees first, in a real Chromium, on the default digest and on a generated digest
of 200 articles: the story above the fold, no sideways scrolling on a phone, a compact header,
and a 404 page that works at any depth (GitHub Pages serves it for every missing address)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page

from .browser_helpers import watch

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
#: a compact header leaves the screen to the page: about 95 px on a phone, one row on a desktop
HEADER_MAX_PX = {"desktop": 100, "phone": 110}

FIRST_PARAGRAPH = """() => {
  const p = document.querySelector('.article__body p');
  const r = p.getBoundingClientRect();
  return {top: r.top + window.scrollY, line: parseFloat(getComputedStyle(p).lineHeight)};
}"""
WIDTH = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
OVERFLOW = """() => {
  const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (width <= window.innerWidth) return null;
  // the widest culprit, for the message
  let worst = null;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && (!worst || r.right > worst.right))
      worst = {right: Math.round(r.right), tag: el.tagName, cls: el.className.toString()};
  }
  return {width, worst};
}"""


def _sites(request: pytest.FixtureRequest, which: str) -> tuple[Path, str]:
    if which == "default":
        return request.getfixturevalue("site"), request.getfixturevalue("site_url")
    return request.getfixturevalue("big_site"), request.getfixturevalue("big_site_url")


def _fullest(site: Path, folder: str) -> str:
    pages = [p for p in sorted((site / folder).glob("*.html")) if p.name != "index.html"]
    fullest = max(pages, key=lambda p: (p.stat().st_size, p.name))
    return fullest.relative_to(site).as_posix()


def page_kinds(site: Path) -> list[str]:
    """One page of every kind (the fullest topic and entity page), plus the home page's second
    page when there is one, and a missing page three folders deep."""
    kinds = ["index.html", _fullest(site, "articles"), "topics/index.html",
             _fullest(site, "topics"), "entities/index.html", _fullest(site, "entities"),
             "timeline.html", "archives.html", "about.html", "search.html",
             "a/b/c/no-such-page.html"]
    if (site / "index2.html").is_file():
        kinds.append("index2.html")
    return kinds


#: Lays out each article's own HTML in the page, one after the other, and measures it: the
#: body of the fetched page replaces the current one under the same stylesheet (every article
#: page has the same head but for its title and metadata). Two hundred navigations cost about
#: a minute on a busy machine, this a few seconds; the default digest is checked both ways.
MEASURE_EACH = """async (paths) => {
  const found = [];
  for (const path of paths) {
    const html = await (await fetch(path)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceWith(document.adoptNode(doc.body));
    window.scrollTo(0, 0);
    const p = document.querySelector('.article__body p');
    const r = p.getBoundingClientRect();
    const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    found.push({path, top: r.top + window.scrollY, line: parseFloat(getComputedStyle(p).lineHeight),
                width});
  }
  return found;
}"""


def _measure(page: Page, url: str, articles: list[str], swap: bool) -> list[dict[str, Any]]:
    if swap:
        page.goto(f"{url}/{articles[0]}")
        return page.evaluate(MEASURE_EACH, [f"{url}/{a}" for a in articles])  # type: ignore[no-any-return]
    found = []
    for path in articles:
        page.goto(f"{url}/{path}")
        found.append({"path": path, **page.evaluate(FIRST_PARAGRAPH),
                      "width": page.evaluate(WIDTH)})
    return found


@pytest.mark.parametrize(("which", "swap"), [("default", False), ("default", True),
                                             ("big", True)])
def test_the_story_starts_in_the_first_screen(browser: Browser, request: pytest.FixtureRequest,
                                              which: str, swap: bool) -> None:
    """Every article: the first paragraph starts in the first viewport on a desktop (with a
    line of it showing) and within 1.5 screens on a phone; and no article scrolls sideways."""
    site, url = _sites(request, which)
    articles = sorted(p.relative_to(site).as_posix() for p in (site / "articles").glob("*.html"))
    assert len(articles) == (5 if which == "default" else 200)
    late: list[str] = []
    wide: list[str] = []
    for name, viewport, limit in (("desktop", DESKTOP, 1.0), ("phone", PHONE, 1.5)):
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        found = _measure(context.new_page(), url, articles, swap)
        context.close()
        assert [f["path"].removeprefix(f"{url}/") for f in found] == articles
        for f in found:
            if f["top"] + f["line"] > viewport["height"] * limit:
                late.append(f"{name} {f['path']}: first paragraph at {f['top']:.0f}px")
            if f["width"] > viewport["width"]:
                wide.append(f"{name} {f['path']}: {f['width']}px wide")
    assert not late, "\n".join(late[:20])
    assert not wide, "\n".join(wide[:20])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("which", ["default", "big"])
def test_no_page_kind_scrolls_sideways_on_a_phone(browser: Browser,
                                                  request: pytest.FixtureRequest,
                                                  which: str, scheme: str) -> None:
    site, url = _sites(request, which)
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    problems = []
    for path in [*page_kinds(site), "search.html?q=putin"]:
        page.goto(f"{url}/{path}")
        if path.startswith("search.html?"):
            page.wait_for_selector(".search-result, [data-search-status]:not(:empty)")
        if overflow := page.evaluate(OVERFLOW):
            problems.append(f"{path}: {overflow}")
        header = page.locator(".site-header").bounding_box()
        assert header and header["height"] <= HEADER_MAX_PX["phone"], (path, header)
    context.close()
    assert not problems, "\n".join(problems)


def test_the_menu_folds_on_a_phone_and_shows_on_a_desktop(browser: Browser,
                                                          site_url: str) -> None:
    for viewport, folded in ((DESKTOP, False), (PHONE, True)):
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(f"{site_url}/index.html")
        timeline = page.locator(".site-nav a", has_text="Timeline")
        assert timeline.is_visible() != folded
        header = page.locator(".site-header").bounding_box()
        limit = HEADER_MAX_PX["phone" if folded else "desktop"]
        assert header and header["height"] <= limit, header
        if folded:
            page.locator(".site-menu > summary").click()
            assert timeline.is_visible()
            with page.expect_navigation():
                timeline.click()
            assert page.url.endswith("/timeline.html")
        context.close()


@pytest.mark.parametrize("which", ["default", "big"])
def test_a_missing_page_deep_in_the_site_is_styled_with_working_links(
        page: Page, request: pytest.FixtureRequest, which: str) -> None:
    _, url = _sites(request, which)
    seen = watch(page)
    response = page.goto(f"{url}/articles/2019/old/missing-story.html")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    # the site's stylesheet applies: the header is one row, the body in the theme's colours
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.evaluate("document.styleSheets.length") >= 1
    assert page.evaluate("getComputedStyle(document.querySelector('.site-nav ul')).display") \
        == "flex"
    assert seen.missing == [f"404 {url}/articles/2019/old/missing-story.html"], seen.missing
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
    targets = {urljoin(page.url, h).split("#")[0] for h in hrefs if not h.startswith("#")}
    assert len(targets) >= 6
    for target in sorted(targets):
        assert page.request.get(target).status == 200, target
    with page.expect_navigation():
        page.locator("main a", has_text="Latest articles").click()
    assert page.url == f"{url}/index.html"
