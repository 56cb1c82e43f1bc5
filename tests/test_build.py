"""The real build of the default digest: the pipeline and Pelican, asserted on the output."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import CONTENT, ROOT, build_site, copy_content

SEEDS = sorted((CONTENT / "captures").glob("*.txt"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def article_pages(site: Path) -> list[Path]:
    return sorted((site / "articles").glob("*.html"))


def test_seed_captures_are_the_users_bytes() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    for seed in sorted(shared.iterdir()):
        assert (CONTENT / "captures" / seed.name).read_bytes() == seed.read_bytes()


def test_every_seed_becomes_an_article_page(site: Path) -> None:
    pages = article_pages(site)
    assert len(pages) == len(SEEDS) == 5
    for name in ("index.html", "about.html", "404.html", "archives.html", "favicon.ico",
                 "robots.txt"):
        assert (site / name).is_file(), name


def test_home_lists_articles_newest_first_with_outlet_and_date(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})"', html)
    assert len(dates) == 5
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == "2024-05-16" and dates[-1] == "2022-08-18"
    assert "Newsweek" in html


def test_editor_supplied_facts_are_marked_beside_them(site: Path) -> None:
    page = next(p for p in article_pages(site) if "putin-seeks-closer-military-ties" in p.name)
    text = page_text(page)
    assert "Putin seeks closer military ties with Xi in year-end video call" in text
    # the date and the headline came from curation.yaml: each is marked where it is shown
    assert "30 December 2022 (date supplied by the editor)" in text
    assert "Headline supplied by the editor" in text
    # the Newsweek piece states its own date: no mark
    newsweek = next(p for p in article_pages(site) if "allies-pals-or-foes" in p.name)
    assert "supplied by the editor" not in page_text(newsweek)


def test_byline_outlet_and_date_on_one_line_and_no_author_invented(site: Path) -> None:
    for page in article_pages(site):
        html = page.read_text(encoding="utf-8")
        byline = re.search(r'<p class="byline">(.*?)</p>', html, re.S)
        assert byline, page.name
        if "allies-pals-or-foes" in page.name:
            assert 'class="byline__authors">By James Bickerton<' in byline.group(1)
            assert 'class="byline__outlet">Newsweek<' in byline.group(1)
        else:
            assert "byline__authors" not in html, page.name


def test_reader_pages_never_say_unknown_or_name_a_capture_file(site: Path) -> None:
    captures = [p.name for p in SEEDS]
    for page in sorted(site.rglob("*.html")):
        text = page_text(page)
        assert "unknown" not in text.lower(), page.name
        html = page.read_text(encoding="utf-8")
        assert not [c for c in captures if c in html], page.name


def test_the_story_comes_before_every_chip_but_three_topics(site: Path) -> None:
    for page in article_pages(site):
        html = page.read_text(encoding="utf-8")
        head, _, after = html.partition('<div class="article__body">')
        assert after, page.name
        head = head[head.index('<article class="article"'):]
        assert "/entities/" not in head, page.name  # every entity after the story
        assert 1 <= head.count("/topics/") <= 3, page.name
        terms = after[after.index('id="article-terms-title"'):]
        assert re.search(r'<a href="\.\./entities/china\.html">China <span class="count">'
                         r'<span class="visually-hidden">, mentions: </span>\d+</span></a>',
                         terms), page.name  # the count inside the chip


def test_article_body_is_clean(site: Path) -> None:
    texts = {p.name: page_text(p) for p in article_pages(site)}
    everything = " ".join(texts.values())
    # article sentences are there ...
    assert "Avril Haines, director of national intelligence" in everything
    assert "The road to peace talks will be bumpy" in everything
    # ... page furniture and the appended press release are not
    for chrome in ("Leave a Reply", "Click to comment", "Compare-autoinsurance",
                   "Your email address will not be published", "Welcome to California18"):
        assert chrome not in everything, chrome


def test_no_template_falls_back_to_pelicans_theme(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "&amp;amp;" not in html and "&amp;lt;" not in html, page  # double escaping
        assert 'href="./theme/css/main.css"' not in html and "pelican" not in html.lower(), page


def test_build_is_byte_for_byte_reproducible(site: Path, tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path / "output"): p.read_bytes()
             for p in (tmp_path / "output").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(again)
    changed = [str(p) for p in first if first[p] != again[p]]
    assert not changed


def test_a_capture_without_a_date_fails_the_build_after_the_others(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    (content / "captures" / "zzz_undated.txt").write_text(
        "A headline nobody dated\n\n" + "This is a long sentence of the article body. " * 8 + "\n",
        encoding="utf-8",
    )
    result = build_site(content, tmp_path / "output")
    assert result.returncode != 0
    assert "zzz_undated.txt" in result.stderr and "date" in result.stderr
    assert "Fix:" in result.stderr
    # the others were still processed and written
    assert len(list((content / "articles").glob("*.md"))) == 5


def test_a_large_digest_lists_its_articles_a_page_at_a_time(tmp_path: Path) -> None:
    """60 generated articles: the home page shows the newest 50, the second page the rest,
    each page linking the other, and every link of the site resolves."""
    from digest.corpus import generate_corpus
    from digest.linkcheck import check_site

    from .test_html_valid import vnu_errors

    # the default digest's pages and extras, with 60 generated captures and their YAML
    content = copy_content(tmp_path / "content")
    shutil.rmtree(content / "captures")
    generate_corpus(60, 5, tmp_path / "corpus")
    for part in ("captures", "curation.yaml", "taxonomy.yaml"):
        (tmp_path / "corpus" / part).replace(content / part)
    output = tmp_path / "output"
    result = build_site(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    first = (output / "index.html").read_text(encoding="utf-8")
    second = (output / "index2.html").read_text(encoding="utf-8")
    # page 1: the newest story leads, 49 follow as a list; page 2: the other 10, a list
    assert first.count('class="card card--lead"') == 1 and 'card--lead' not in second
    assert first.count('class="article-row"') == 49 and second.count('class="article-row"') == 10
    assert 'rel="next" href="./index2.html"' in first
    assert 'rel="prev" href="./index.html"' in second and 'rel="next"' not in second
    dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})"', first + second)
    assert len(dates) == 60 and dates == sorted(dates, reverse=True)
    assert "<title>Articles, page 2 · " in second
    report = check_site(output)
    assert not report.broken, report.broken[:5]
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("index.html", "index2.html"):
        (pages / name).write_text((output / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert not vnu_errors(pages)
