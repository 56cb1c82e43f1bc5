"""Search in a real Chromium on a digest with Russian and Chinese captures: their words are found
and marked.

The index and the worker trim words as lunr.js does, but for every script, and read Chinese
(written without spaces) as pairs of characters (round 24: lunr's ASCII trimmer indexed every
Russian word as an empty string, and a Chinese paragraph was one token, so neither article
could be found by any of its words). Russian words are stemmed by the Snowball algorithm on
both sides, so a word finds its other forms ("Путин" finds "Путиным"). The digest here is the
default one with three captures of tests/fixtures/languages added, built once for this module.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Locator, Page, expect

from .browser_helpers import watch
from .conftest import _serve, build_site, copy_content

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "languages"
CAPTURES = ("ru-bare-name.txt", "ru-inflected.txt", "zh-byline.txt")
TITLE = "Путин и Си Цзиньпин обсудили сотрудничество в энергетике"
# an article that names Putin and Russia only in other cases than the nominative
INFLECTED = "Ван И встретился с Путиным в Кремле"
ZH_TITLE = "中俄两国元首通电话 就能源合作交换意见"


@pytest.fixture(scope="module")
def russian_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("russian")
    content = copy_content(base / "content")
    for name in CAPTURES:
        shutil.copy(FIXTURES / name, content / "captures" / name)
    output = base / "output"
    result = build_site(content, output)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output


@pytest.fixture(scope="module")
def russian_url(russian_site: Path) -> Iterator[str]:
    yield from _serve(russian_site)


def _search(page: Page, site_url: str, query: str) -> list[str]:
    page.goto(f"{site_url}/search.html?q={quote(query)}")
    expect(page.locator("[data-search-status]")).to_contain_text(
        re.compile(r"results? for|No results"), timeout=10_000
    )
    links = page.locator("[data-search-results] .search-result__title a")
    return [str(t) for t in links.all_inner_texts()]


@pytest.mark.parametrize("query", [
    "Путин",  # a word of the headline (and the body), as a reader types it: capitalised
    "разговор",  # words of the body only: "провел телефонный разговор", "поставки газа."
    "газа",
    "«Сила Сибири»",  # words in guillemets, typed with them
])
def test_a_russian_article_is_found_by_its_words(page: Page, russian_url: str,
                                                  query: str) -> None:
    seen = watch(page)
    titles = _search(page, russian_url, query)
    assert TITLE in titles, (query, titles)
    assert seen.clean, (seen.errors, seen.missing)


def _result(page: Page, title: str) -> Locator:
    return page.locator(".search-result").filter(
        has=page.locator(".search-result__title", has_text=title))


@pytest.mark.parametrize(("query", "marked"), [
    # the article says "Путиным" (title, lede) and "Путина" (body), never "Путин"
    ("Путин", {"Путиным"}),
    ("путину", {"Путиным"}),
    # "России", never "Россия" (a last word matches as a prefix too: "отношения" here, so
    # that "Россия" is matched by its stem alone)
    ("Россия отношения", {"России", "отношения"}),
    # "партнёрство", typed with "е" as most readers type it, and with "ё"
    ("партнерство", {"партнёрство"}),
    ("Партнёрство", {"партнёрство"}),
])
def test_a_russian_word_finds_its_other_forms(page: Page, russian_url: str, query: str,
                                              marked: set[str]) -> None:
    seen = watch(page)
    titles = _search(page, russian_url, query)
    assert INFLECTED in titles, (query, titles)
    # the forms the article uses are marked in the passage shown, as the reader sees them
    snippet = _result(page, INFLECTED).locator(".search-result__snippet")
    expect(snippet.locator("mark").first).to_be_visible()
    assert marked <= set(snippet.locator("mark").all_inner_texts()), snippet.inner_html()
    assert seen.clean, (seen.errors, seen.missing)


def test_a_russian_name_is_marked_in_the_title_in_its_form_there(page: Page,
                                                                 russian_url: str) -> None:
    _search(page, russian_url, "Путин")
    expect(_result(page, INFLECTED).locator(".search-result__title mark")).to_have_text("Путиным")


def test_a_typo_in_a_russian_ending_is_corrected(page: Page, russian_url: str) -> None:
    """"Путинвм" (ы and в side by side on the keyboard) keeps its last letters through the
    stemmer, two edits from the term "путин": the retry corrects it through the indexed
    word "путиным" (a form the stemmer changes)."""
    titles = _search(page, russian_url, "Путинвм")
    assert INFLECTED in titles and TITLE in titles, titles
    expect(page.locator("[data-search-status]")).to_contain_text("similar spellings")
    expect(_result(page, INFLECTED).locator(".search-result__title mark")).to_have_text("Путиным")


def test_the_russian_stemmer_is_fetched_for_a_cyrillic_word_only(page: Page,
                                                                 russian_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    assert _search(page, russian_url, "Putin")
    assert "lunr.ru.min.js" not in fetched, fetched
    assert _search(page, russian_url, "Путина")
    assert {"lunr.stemmer.support.min.js", "lunr.ru.min.js"} <= set(fetched), fetched


def test_a_russian_word_is_marked_in_the_snippet(page: Page, russian_url: str) -> None:
    _search(page, russian_url, "товарооборот")
    result = page.locator(".search-result").first
    expect(result.locator(".search-result__title")).to_have_text(TITLE)
    expect(result.locator(".search-result__snippet mark")).to_have_text("товарооборот")


@pytest.mark.parametrize("query", [
    "普京",  # a two-character name: one pair
    "习近平",  # three characters: two pairs, both in the article
    "能源合作",  # words of the headline
    "务实合作",  # words of the body only
])
def test_a_chinese_article_is_found_by_its_words(page: Page, russian_url: str,
                                                 query: str) -> None:
    seen = watch(page)
    titles = _search(page, russian_url, query)
    assert titles == [ZH_TITLE], (query, titles)
    assert seen.clean, (seen.errors, seen.missing)


def test_a_chinese_name_is_marked_whole_in_the_snippet(page: Page, russian_url: str) -> None:
    _search(page, russian_url, "习近平")
    result = page.locator(".search-result").first
    expect(result.locator(".search-result__snippet mark").first).to_have_text("习近平")


def test_characters_of_a_word_in_no_article_find_nothing(page: Page, russian_url: str) -> None:
    # "近俄" is two characters of the text that never stand side by side in it
    assert _search(page, russian_url, "近俄") == []
