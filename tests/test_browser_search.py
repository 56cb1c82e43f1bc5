"""Search in a real Chromium on the default digest: the header box, the worker, search.html.

All tests share the session's built site (`site`, `site_url`); each gets a fresh page.
"""

from __future__ import annotations

import functools
import json
import random
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from . import scenario
from .browser_helpers import watch
from .conftest import ROOT, _QuietHandler

pytestmark = pytest.mark.browser

SUMMIT = "xi-jinping-putin-summit-a-bold-show-of-unity"  # names Belousov, Shoigu, Palestinian


def _links(page: Page) -> list[str]:
    """Hrefs of the result links on screen, in order (each with the #anchor of its passage)."""
    links = page.locator("[data-search-results] .search-result__title a")
    return [str(h) for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]


def _results(page: Page) -> list[str]:
    """The article pages the results on screen link to, in order."""
    return [href.split("#")[0] for href in _links(page)]


def _search(page: Page, site_url: str, query: str) -> list[str]:
    """Open search.html?q=query and wait for the answer (a count line or 'No results')."""
    page.goto(f"{site_url}/search.html?q={quote(query)}")
    expect(page.locator("[data-search-status]")).to_contain_text(
        re.compile(r"results? for|No results"), timeout=10_000
    )
    return _results(page)


def test_a_name_only_in_an_article_body_finds_that_article(
    page: Page, site_url: str, site: Path
) -> None:
    # precondition: "Palestinian" is in the summit article's body and nowhere else
    article = (site / "articles" / f"{SUMMIT}.html").read_text(encoding="utf-8")
    assert "Palestinian" in article
    others = [p for p in (site / "articles").glob("*.html") if p.stem != SUMMIT]
    assert others and not any("Palestinian" in p.read_text(encoding="utf-8") for p in others)
    seen = watch(page)
    found = _search(page, site_url, "Palestinian")
    assert len(found) == 1 and found[0].endswith(f"{SUMMIT}.html")
    # the match is not in the title or summary: the snippet is the paragraph that holds it
    result = page.locator(".search-result").first
    expect(result.locator(".search-result__snippet mark")).to_have_text("Palestinian")
    # and a line repeating the query would say nothing new
    expect(result.locator(".search-result__mentions")).to_have_count(0)
    assert seen.clean, (seen.errors, seen.missing)


def _body_paragraph(site: Path, article: str, anchor: str) -> str:
    """The text of the paragraph with id `anchor` in the built article page."""
    html = (site / "articles" / article).read_text(encoding="utf-8")
    found = re.search(rf'<p id="{re.escape(anchor)}">(.*?)</p>', html, re.S)
    assert found, f"no paragraph #{anchor} in {article}"
    return re.sub(r"<[^>]+>", "", found.group(1))


@pytest.mark.parametrize("term", ["Ribakova", "artillery"])
def test_a_body_only_term_is_marked_in_the_snippet_and_opens_its_paragraph(
    page: Page, site_url: str, site: Path, term: str
) -> None:
    """The snippet is the passage that matches (not the lede), the term marked in it, and
    the result opens the article at that paragraph."""
    seen = watch(page)
    _search(page, site_url, term)
    result = page.locator("[data-search-results] .search-result").first
    expect(result.locator(".search-result__snippet mark").first).to_have_text(
        re.compile(f"^{term}$", re.I)
    )
    expect(result.locator(".search-result__mentions")).to_have_count(0)
    href = _links(page)[0]
    article, _, anchor = href.rpartition("/")[2].partition("#")
    assert re.fullmatch(r"b\d+", anchor), href
    # precondition: only the body has it, and not in the lede
    assert anchor != "b0" and term.lower() in _body_paragraph(site, article, anchor).lower()
    assert term.lower() not in _body_paragraph(site, article, "b0").lower()
    title = result.locator(".search-result__title").inner_text()
    assert term.lower() not in title.lower()
    snippet = result.locator(".search-result__snippet").inner_text()
    paragraph = " ".join(_body_paragraph(site, article, anchor).split())
    # the snippet is (a stretch of) that paragraph
    assert snippet.strip("… ").split("…")[0].strip() in paragraph
    with page.expect_navigation():
        result.locator(".search-result__title a").click()
    assert page.url.endswith(f"/articles/{article}#{anchor}")
    target = page.locator(f"#{anchor}")
    expect(target).to_contain_text(re.compile(term, re.I))
    expect(target).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0  # not the top of the article
    assert seen.clean, (seen.errors, seen.missing)


RESULTS_LOG = """() => {
  window.__answers = [];
  window.__statuses = [];
  document.addEventListener('digest:search-results', e => window.__answers.push(e.detail));
  const watchStatus = () => {
    const status = document.querySelector('#site-search-panel [role=status]');
    if (!status) return setTimeout(watchStatus, 5);
    new MutationObserver(() => window.__statuses.push(status.textContent))
      .observe(status, {childList: true, characterData: true, subtree: true});
  };
  watchStatus();
}"""


@pytest.mark.parametrize("query", ["Vladimir Pu", "Xi J", "gas p"])
def test_typing_never_flashes_no_results_and_the_count_holds(
    page: Page, site_url: str, query: str
) -> None:
    """Typed a character at a time in the header box: no "No results" on the way, and while
    the last word is too short to search, the results of the words before it stay."""
    page.goto(f"{site_url}/about.html")
    page.evaluate(RESULTS_LOG)
    box = page.locator("#q")
    box.focus()
    counts: dict[str, int] = {}
    for n in range(1, len(query) + 1):
        box.press_sequentially(query[n - 1])
        typed = query[:n]
        page.wait_for_function(
            "q => window.__answers.some(a => a.q === q)", arg=typed, timeout=10_000
        )
        counts[typed] = page.evaluate(
            "q => window.__answers.filter(a => a.q === q).pop().count", typed
        )
    statuses = page.evaluate("window.__statuses")
    assert statuses and not [s for s in statuses if "No results" in s], statuses
    # from the last complete word on, the same results: the half-typed word narrows nothing
    whole = query[: query.rindex(" ") + 1]
    held = {typed: c for typed, c in counts.items() if len(typed) >= len(whole)}
    assert len(set(held.values())) == 1 and counts[whole] > 0, counts
    panel = page.locator("#site-search-panel")
    expect(panel.locator(".search-result")).to_have_count(min(counts[whole], 8))
    expect(panel.locator("[role=status]")).to_contain_text(f"for “{whole.strip()}”")


def test_a_misspelt_word_the_stemmer_changes_is_corrected(page: Page, site_url: str) -> None:
    """"Beijng": the index holds "beijing" as its stem "beij", two edits away; the retry
    corrects it to the indexed word, as it corrects "Moskow"."""
    for typo, word in (("Beijng", "Beijing"), ("Moskow", "Moscow")):
        found = _search(page, site_url, typo)
        assert found, typo
        expect(page.locator("[data-search-status]")).to_contain_text("similar spellings")
        expect(page.locator(".search-result__snippet mark").first).to_have_text(word)
    assert set(_search(page, site_url, "Beijng")) == set(_search(page, site_url, "Beijing"))


def test_a_result_shows_at_most_three_topics(page: Page, site_url: str, site: Path) -> None:
    # precondition: the summit piece is filed under more than three topics
    source = (site.parent / "content" / "articles" / f"{SUMMIT}.md").read_text(encoding="utf-8")
    header = yaml.safe_load(source.split("\n---\n")[0].removeprefix("---\n"))
    assert len(header["topics"]) > 3
    found = _search(page, site_url, "Putin")
    assert len(found) == 5
    topics = page.locator(".search-result__topics").all_inner_texts()
    assert len(topics) == 5
    assert all(1 <= len(t.split(", ")) <= 3 for t in topics), topics
    # a topic the query names comes first
    _search(page, site_url, "energy")
    first = page.locator(".search-result__topics").first.inner_text()
    assert first.split(", ")[0] == "Energy"


@pytest.mark.parametrize(
    "phrase", ["Leave a Reply", "Compare-autoinsurance", "Welcome to California18"]
)
def test_removed_boilerplate_finds_nothing(page: Page, site_url: str, phrase: str) -> None:
    assert _search(page, site_url, phrase) == []
    expect(page.locator("[data-search-status]")).to_contain_text("No results")


@pytest.mark.parametrize("typo", ["Shoigo", "Shoigo ", "Belousv", "Belosuov"])
def test_a_misspelt_name_finds_the_right_article(page: Page, site_url: str, typo: str) -> None:
    found = _search(page, site_url, typo)
    assert found and found[0].endswith(f"{SUMMIT}.html")
    # "Shoigo" while typed is a prefix of "Shoigu"; the others need typo tolerance
    if typo != "Shoigo":
        expect(page.locator("[data-search-status]")).to_contain_text("similar spellings")


def test_result_shows_title_outlet_date_topics_and_marked_snippet(
    page: Page, site_url: str
) -> None:
    _search(page, site_url, "Putin")
    first = page.locator(".search-result").first
    expect(first.locator(".search-result__title mark").first).to_have_text(
        re.compile("^Putin", re.I)
    )
    expect(first.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-\d\d-\d\d$"))
    expect(first.locator(".search-result__topics")).not_to_be_empty()
    assert page.locator(".search-result__outlet").count() >= 1  # Newsweek's article
    assert page.locator(".search-result__snippet mark").count() >= 1


def test_prefix_of_the_last_word_matches_from_three_letters(page: Page, site_url: str) -> None:
    assert _search(page, site_url, "Belou") == _search(page, site_url, "Belousov")
    assert len(_search(page, site_url, "Pal")) >= 1


def test_a_facet_narrows_the_results(page: Page, site_url: str) -> None:
    everything = _search(page, site_url, "Putin")
    assert len(everything) == 5
    year = page.locator("[data-facet=year][data-value='2024']")
    expect(year).to_contain_text("2")
    year.click()
    expect(year).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-search-status]")).to_contain_text("2 results")
    narrowed = _results(page)
    assert len(narrowed) == 2 and set(narrowed) < set(everything)
    assert "year=2024" in page.url
    page.go_back()  # the filter is undone by Back
    expect(page.locator("[data-search-status]")).to_contain_text("5 results")


def test_query_in_the_url_survives_reload_and_back(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/index.html")
    box = page.locator("#q")
    box.fill("Belousov")
    box.press("Enter")  # the form submits to search.html?q=…
    page.wait_for_url(re.compile(r"search\.html\?q=Belousov"))
    expect(page.locator("[data-search-status]")).to_contain_text("1 result")
    before = _results(page)
    page.reload()
    expect(page.locator("[data-search-status]")).to_contain_text("1 result")
    assert _results(page) == before
    expect(page.locator("#q")).to_have_value("Belousov")
    # a new search on the page, then Back: the previous query and its results come back
    page.locator("#q").fill("Xi")
    page.locator("#q").press("Enter")
    expect(page).to_have_url(re.compile(r"q=Xi$"))
    expect(page.locator("[data-search-status]")).to_contain_text("for “Xi”")
    page.go_back()
    expect(page.locator("#q")).to_have_value("Belousov")
    expect(page.locator("[data-search-status]")).to_contain_text("1 result for “Belousov”")
    assert _results(page) == before
    page.go_back()
    expect(page).to_have_url(re.compile(r"/index\.html$"))


def test_keyboard_slash_arrows_enter_and_escape(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/about.html")
    page.locator("body").press("/")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.type("Shoigu")
    panel = page.locator("#site-search-panel")
    expect(panel.locator(".search-result__title a")).to_have_count(1)
    page.keyboard.press("ArrowDown")
    link = panel.locator(".search-result__title a").first
    expect(link).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#q")).to_have_value("")
    expect(panel).to_be_hidden()
    page.keyboard.type("Shoigu")
    expect(link).to_be_visible()
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(rf"/articles/{SUMMIT}\.html#b\d+$", page.url), page.url


def test_results_arriving_after_arrowing_down_keep_the_focused_result(
    page: Page, site_url: str
) -> None:
    """The answer to a later keystroke can arrive after the reader has arrowed into the list:
    the new list keeps their place, and Enter still opens the article."""
    page.goto(f"{site_url}/about.html")
    page.locator("body").press("/")
    page.keyboard.type("Shoigu")
    panel = page.locator("#site-search-panel")
    expect(panel.locator(".search-result__title a")).to_have_count(1)
    page.keyboard.press("ArrowDown")
    expect(panel.locator(".search-result__title a").first).to_be_focused()
    # mark the list on screen, then have the same query answered again, as a late answer is
    page.evaluate("""() => {
        document.querySelector('#site-search-panel ol').setAttribute('data-old', '');
        document.querySelector('#q').dispatchEvent(new Event('input'));
    }""")
    expect(panel.locator("ol[data-old]")).to_have_count(0)
    expect(panel.locator(".search-result__title a").first).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(rf"/articles/{SUMMIT}\.html#b\d+$", page.url), page.url


@pytest.mark.parametrize("query", ["12:46am", "-+~^:*", "<img src=x onerror=alert(1)>", "a\u2028b"])
def test_odd_input_does_not_break_the_page(page: Page, site_url: str, query: str) -> None:
    seen = watch(page)
    _search(page, site_url, query)
    page.locator("#q").fill(query + " putin")
    expect(page.locator("[data-search-status]")).to_contain_text(re.compile("result"))
    assert page.locator("img").count() == 0  # text stays text
    assert seen.clean, (seen.errors, seen.missing)


def test_header_box_typing_shows_results_everywhere(page: Page, site_url: str) -> None:
    seen = watch(page)
    page.goto(f"{site_url}/topics/index.html")
    page.locator("#q").fill("Xi Putin")
    panel = page.locator("#site-search-panel")
    expect(panel.locator(".search-result")).to_have_count(5)
    expect(panel.locator("[role=status]")).to_contain_text("5 results")
    for query in ("12:46am", "-+~^:*", "", "x" * 500, "a " * 100):
        page.locator("#q").fill(query)
    page.locator("#q").fill("Xi Putin")
    expect(panel.locator(".search-result")).to_have_count(5)
    assert seen.clean, (seen.errors, seen.missing)


def test_the_index_is_not_fetched_before_focus(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert not [u for u in requests if "/search/" in u or "search-worker" in u or "lunr" in u]
    page.locator("#q").focus()
    expect(page.locator("form.site-search")).to_have_attribute("data-search-state", "ready")
    assert any(u.endswith("/search/index.json") for u in requests)


@pytest.fixture
def no_js_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_the_search_page_explains_and_links(
    no_js_page: Page, site_url: str
) -> None:
    page = no_js_page
    page.goto(f"{site_url}/search.html?q=putin")
    note = page.locator(".search-page__nojs")
    expect(note).to_be_visible()
    expect(note).to_contain_text("JavaScript")
    for href in ("topics/index.html", "archives.html"):
        link = note.locator(f"a[href$='{href}']")
        expect(link).to_have_count(1)
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok
    expect(page.locator(".search-page__hint")).to_be_hidden()  # keyboard hints need JavaScript


@pytest.fixture
def touch_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    yield context.new_page()
    context.close()


def test_keyboard_hints_only_where_there_is_a_keyboard(
    page: Page, touch_page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}/search.html?q=putin")
    expect(page.locator(".search-page__hint")).to_be_visible()
    expect(page.locator(".search-page__hint kbd").first).to_have_text("/")
    touch_page.goto(f"{site_url}/search.html?q=putin")
    expect(touch_page.locator("[data-search-status]")).to_contain_text("results for")
    expect(touch_page.locator(".search-page__hint")).to_be_hidden()
    assert touch_page.locator("kbd:visible").count() == 0


def test_bench_search_smoke(tmp_path: Path) -> None:
    """`make bench-search` end to end on 20 generated articles (the real sizes are not tests).

    A subprocess: Playwright's sync API cannot start inside pytest-playwright's event loop.
    """
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bench_search.py"),
            "--sizes",
            "20",
            "--runs",
            "1",
            "--warm-queries",
            "12",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "| 20 | compact |" in run.stdout
    report = json.loads(out.read_text())
    row = report["sizes"]["20"]
    for variant in ("compact", "plain"):
        m = row[variant]
        assert m["first_count"] >= 1 and m["first_ms"] > 0 and m["warm_p95_ms"] > 0
        assert 0 < m["bytes_before_first"] <= m["index_gzip_bytes"] + 60_000
    assert row["compact"]["prefetched"] is True
    assert report["machine"]["cores"] and "goals" in report


def test_facets_fold_away_on_a_phone(touch_page: Page, site_url: str) -> None:
    """On a 390 px screen the facets start folded, so the first result is on screen; the
    reader can open them, and that choice holds while the results change."""
    page = touch_page
    page.goto(f"{site_url}/search.html?q=Putin")
    expect(page.locator("[data-search-status]")).to_contain_text("5 results")
    fold = page.locator("details.search-page__filters")
    expect(fold).not_to_have_attribute("open", "")
    expect(page.locator("[data-facet=year]").first).to_be_hidden()
    expect(page.locator(".search-result").first).to_be_in_viewport()
    fold.locator("summary").click()
    year = page.locator("[data-facet=year][data-value='2024']")
    expect(year).to_be_visible()
    year.click()
    expect(page.locator("[data-search-status]")).to_contain_text("2 results")
    expect(fold).to_have_attribute("open", "")


# --- a generated digest of 200 articles --------------------------------------------------------

GENERATED = 200
RARE = "Quillfeather"  # in one paragraph of one article's body, nowhere else
RARE_ARTICLE, RARE_PARAGRAPH = 137, 5


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """200 articles of 8 paragraphs of words from one shared vocabulary (so common words are
    in most articles), built by Pelican with our settings, served on 127.0.0.1."""
    rng = random.Random(13)
    vocabulary = [
        "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))
        for _ in range(400)
    ]
    topics = [t["slug"] for t in scenario.TAXONOMY["topics"]]
    headers = [
        scenario.article(f"story-{n:03d}", f"20{20 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                         rng.sample(topics, 2), {}, title=" ".join(rng.sample(vocabulary, 6)))
        for n in range(GENERATED)
    ]
    root = tmp_path_factory.mktemp("generated")
    content = scenario.write_scenario(root, headers)
    for n, header in enumerate(headers):
        paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(40)).capitalize() + "."
                      for _ in range(8)]
        if n == RARE_ARTICLE:
            words = paragraphs[RARE_PARAGRAPH].split()
            words.insert(23, RARE)
            paragraphs[RARE_PARAGRAPH] = " ".join(words)
        path = content / "articles" / f"{header['slug']}.md"
        front = path.read_text(encoding="utf-8").split("\n---\n")[0]
        path.write_text(front + "\n---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    output = root / "output"
    built = scenario.run_pelican(content, output)
    assert built.returncode == 0, built.stderr[-3000:]
    handler = functools.partial(_QuietHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", vocabulary
    server.shutdown()
    server.server_close()


def test_a_body_only_term_opens_its_paragraph_in_a_200_article_digest(
    page: Page, generated: tuple[str, list[str]]
) -> None:
    generated_url, vocabulary = generated
    seen = watch(page)
    page.goto(f"{generated_url}/index.html")
    page.locator("#q").fill(RARE)
    panel = page.locator("#site-search-panel")
    expect(panel.locator(".search-result")).to_have_count(1)
    expect(panel.locator(".search-result__snippet mark")).to_have_text(RARE)
    link = panel.locator(".search-result__title a")
    slug = f"story-{RARE_ARTICLE:03d}"
    assert str(link.get_attribute("href")).endswith(f"/articles/{slug}.html#b{RARE_PARAGRAPH}")
    with page.expect_navigation():
        link.click()
    target = page.locator(f"#b{RARE_PARAGRAPH}")
    expect(target).to_contain_text(RARE)
    expect(target).to_be_in_viewport()
    # a common word: 8 results on screen, each snippet with the word marked, each link to a
    # paragraph that holds it
    word = vocabulary[0]
    page.goto(f"{generated_url}/index.html")
    page.locator("#q").fill(word + " ")
    expect(panel.locator(".search-result")).to_have_count(8)
    for n in range(8):
        result = panel.locator(".search-result").nth(n)
        expect(result.locator(".search-result__snippet mark").first).to_have_text(
            re.compile(f"^{word}$", re.I))
        assert re.search(r"\.html#b\d$", str(result.locator("a").first.get_attribute("href")))
    with page.expect_navigation():
        panel.locator(".search-result__title a").nth(5).click()
    anchor = page.url.rpartition("#")[2]
    expect(page.locator(f"#{anchor}")).to_contain_text(re.compile(word, re.I))
    # the scenario site leaves out pages of other features (a missing favicon logs a 404)
    assert not [e for e in seen.errors if "404" not in e], seen.errors
    assert not [u for u in seen.missing if "/search/" in u or "/theme/" in u], seen.missing
