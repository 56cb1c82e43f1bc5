"""Search in a real Chromium on a digest with a Russian capture: its words are found.

The index and the worker trim words as lunr.js does, but for every script (round 24: lunr's
ASCII trimmer indexed every Russian word as an empty string, so a Russian article could not be
found by any of its words). The digest here is the default one with the Russian capture of
tests/fixtures/languages added, built once for this module.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from .browser_helpers import watch
from .conftest import _serve, build_site, copy_content

pytestmark = pytest.mark.browser

CAPTURE = Path(__file__).resolve().parent / "fixtures" / "languages" / "ru-bare-name.txt"
TITLE = "Путин и Си Цзиньпин обсудили сотрудничество в энергетике"


@pytest.fixture(scope="module")
def russian_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("russian")
    content = copy_content(base / "content")
    shutil.copy(CAPTURE, content / "captures" / CAPTURE.name)
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


def test_a_russian_word_is_marked_in_the_snippet(page: Page, russian_url: str) -> None:
    _search(page, russian_url, "товарооборот")
    result = page.locator(".search-result").first
    expect(result.locator(".search-result__title")).to_have_text(TITLE)
    expect(result.locator(".search-result__snippet mark")).to_have_text("товарооборот")
