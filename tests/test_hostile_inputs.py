"""Hostile captures: markup, Markdown, metadata look-alikes, odd characters, odd encodings,
huge and broken files. An article that merely *contains* such text is published with the text
shown as text; a file that is no capture is named with its reason while the rest is built."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from digest import capture as capture_stage
from digest.errors import DigestError
from digest.pipeline import build_content
from digest.slugs import MAX_SLUG_LENGTH

from .conftest import BIN, CONTENT, ROOT, build_site, copy_content
from .hostile import (
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    PROSE,
    HostileCapture,
    HostileSite,
    add_captures,
    article_text,
    binary,
    filler,
    hostile_captures,
    hostile_site_for,
    oversized,
    sentence,
    undecodable,
)
from .test_build import page_text

pytestmark = pytest.mark.slow

SEEDS = 5
SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    return hostile_site_for(tmp_path_factory)


def page_of(site: HostileSite, name: str) -> Path:
    return site.output / "articles" / f"{site.slugs[name]}.html"


def html_pages(site: HostileSite) -> list[Path]:
    return sorted(site.output.rglob("*.html"))


# --- published, as text ------------------------------------------------------------------


def test_every_hostile_capture_is_published(hostile_site: HostileSite) -> None:
    site = hostile_site
    names = {c.name for c in site.captures}
    assert names - {"h_dup_a.txt"} <= set(site.slugs)  # the duplicate is credited, see below
    assert "FAILED" not in site.report
    pages = sorted((site.output / "articles").glob("*.html"))
    assert len(pages) == SEEDS + len(site.captures) - 1
    for name in names - {"h_dup_a.txt"}:
        assert page_of(site, name).is_file(), name


@pytest.mark.parametrize("name", [c.name for c in hostile_captures() if c.expect
                                  and not c.name.endswith(".html")])
def test_hostile_text_is_shown_as_the_very_text(hostile_site: HostileSite, name: str) -> None:
    cap = next(c for c in hostile_site.captures if c.name == name)
    text = page_text(page_of(hostile_site, name))
    for expected in cap.expect:
        assert " ".join(expected.split()) in text, (name, expected)


def test_metadata_lookalike_lines_stay_in_the_body(hostile_site: HostileSite) -> None:
    html = page_of(hostile_site, "h_line_starts.txt").read_text(encoding="utf-8")
    assert '<time datetime="1999-01-01' not in html
    assert re.search(r'<time datetime="2021-03-\d\d', html)
    # no structure was made from the line starts: one paragraph per line, no h1/hr/ol/blockquote
    main = html.split("<main", 1)[1]
    body = main.split('id="b0"', 1)[1].split("</article>", 1)[0]
    for tag in ("<hr", "<ol", "<blockquote", "<table", "<h1"):
        assert tag not in body, tag


def test_hostile_title_and_outlet_are_escaped_everywhere(hostile_site: HostileSite) -> None:
    page = page_of(hostile_site, "h_title.txt")
    html = page.read_text(encoding="utf-8")
    text = page_text(page)
    assert HOSTILE_TITLE in text and HOSTILE_OUTLET in text
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title and "&lt;/script&gt;" in title
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(ld)["headline"] == HOSTILE_TITLE
    assert slug_ok(hostile_site.slugs["h_title.txt"])


class _Structure(HTMLParser):
    """Every element and attribute of a page, to look for anything a capture could inject."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key, value in attrs:
            if key.startswith("on"):
                self.bad.append(f"<{tag} {key}=...>")
            if key in ("href", "src", "action", "formaction", "xlink:href", "data") and value \
                    and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(
                        ("javascript:", "data:", "vbscript:")):
                self.bad.append(f"<{tag} {key}={value!r}>")
        if tag in ("iframe", "img", "object", "embed", "style", "base", "frame", "link") and not (
            tag == "link" and values.get("rel") in ("icon", "stylesheet", "alternate", "canonical")
        ):
            self.bad.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in values:
            self.bad.append("<meta http-equiv>")
        if tag == "script":
            self._script_type = values.get("type") or "js"
            src = values.get("src") or ""
            if self._script_type == "js" and not re.search(r"/theme/js/[a-z-]+\.js$", src):
                self.bad.append(f"<script src={src!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None

    def handle_data(self, data: str) -> None:
        if self._script_type == "application/ld+json":
            json.loads(data)  # must stay one valid JSON value


def test_no_page_holds_markup_from_a_capture(hostile_site: HostileSite) -> None:
    problems = {}
    for page in html_pages(hostile_site):
        parser = _Structure()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        if parser.bad:
            problems[str(page.relative_to(hostile_site.output))] = sorted(set(parser.bad))
    assert not problems


def test_no_control_characters_reach_the_site(hostile_site: HostileSite) -> None:
    for path in hostile_site.output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt"):
            data = path.read_bytes()
            assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data), path


def test_the_ten_thousand_line_capture_keeps_every_paragraph(hostile_site: HostileSite) -> None:
    html = page_of(hostile_site, "h_many_lines.txt").read_text(encoding="utf-8")
    assert len(re.findall(r'<p id="b\d+">Paragraph number \d+ ', html)) == 5000
    assert "Paragraph number 0 of" in html and "Paragraph number 4999 of" in html


def test_the_search_index_holds_the_hostile_text_as_text(hostile_site: HostileSite) -> None:
    folder = hostile_site.output / "search"
    assert folder.is_dir(), "the build wrote no search index"
    # every file is valid JSON, and the captured markup is in it as plain text
    everything = json.dumps([json.loads(p.read_text(encoding="utf-8"))
                             for p in sorted(folder.rglob("*.json"))], ensure_ascii=False)
    assert "pwned" in everything


# --- safe paths and URLs --------------------------------------------------------------------


def slug_ok(slug: str) -> bool:
    return bool(SAFE_SLUG.match(slug)) and len(slug) <= MAX_SLUG_LENGTH


def test_path_tricks_land_inside_articles_with_a_safe_slug(hostile_site: HostileSite) -> None:
    site = hostile_site
    assert all(slug_ok(slug) for slug in site.slugs.values()), site.slugs
    assert site.slugs["h_path.txt"] == "etc-passwd"
    assert page_of(site, "h_path.txt").is_file()
    assert slug_ok(site.slugs["h_path_own.txt"])
    # nothing was written anywhere but content/articles, content/site-pages (the About page
    # made from site.yaml), output/ and the stage's cache
    assert sorted(p.name for p in site.base.iterdir()) == [".digest-cache", "content", "output"]
    generated = ("articles", "site-pages")
    assert sorted(p.name for p in site.content.iterdir()) == sorted(
        [*(p.name for p in CONTENT.iterdir() if p.name not in generated), *generated])
    assert [p.name for p in (site.content / "site-pages").iterdir()] == ["about.md"]
    assert all(p.parent == site.content / "articles" and p.suffix == ".md"
               for p in (site.content / "articles").rglob("*"))
    for cap in site.captures:  # the captures are never written to
        assert (site.content / "captures" / cap.name).read_bytes() == cap.data
    assert all(p.parent == site.output / "articles" for p in site.output.rglob("*passwd*"))


def test_two_captures_with_one_headline_get_distinct_urls(hostile_site: HostileSite) -> None:
    one, two = hostile_site.slugs["h_same_1.txt"], hostile_site.slugs["h_same_2.txt"]
    assert one != two
    assert one.startswith("same-headline-twice-") and two.startswith("same-headline-twice-")
    assert "about oil (2)" in page_text(hostile_site.output / "articles" / f"{one}.html")
    assert "about grain (2)" in page_text(hostile_site.output / "articles" / f"{two}.html")


def _small_content(tmp_path: Path, captures: list[HostileCapture]) -> Path:
    content = tmp_path / "content"
    (content / "captures").mkdir(parents=True)
    shutil.copy(CONTENT / "taxonomy.yaml", content / "taxonomy.yaml")
    (content / "curation.yaml").write_text("captures: {}\n", encoding="utf-8")
    add_captures(content, captures)
    return content


def _same(n: int) -> HostileCapture:
    text = article_text("Same headline", [filler(n * 10 + v) for v in range(3)])
    return HostileCapture(f"same_{n}.txt", text.encode(), "Same headline", "2022-01-01", ())


def test_same_headline_urls_are_stable_when_captures_come_and_go(tmp_path: Path) -> None:
    content = _small_content(tmp_path, [_same(1), _same(2)])
    first = {c.name: c.slug for c in build_content(content).captures}
    add_captures(content, [_same(3)])
    second = {c.name: c.slug for c in build_content(content).captures}
    assert {k: second[k] for k in first} == first  # a newcomer changes no existing URL
    assert len(set(second.values())) == 3
    (content / "captures" / "same_1.txt").unlink()
    data = yaml.safe_load((content / "curation.yaml").read_text(encoding="utf-8"))
    del data["captures"]["same_1.txt"]
    (content / "curation.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    third = {c.name: c.slug for c in build_content(content).captures}
    assert third == {k: v for k, v in second.items() if k != "same_1.txt"}
    assert sorted(p.stem for p in (content / "articles").glob("*.md")) == sorted(third.values())


# --- near-duplicates, published once ---------------------------------------------------------


def test_the_same_article_from_two_outlets_is_published_once(hostile_site: HostileSite) -> None:
    site = hostile_site
    assert "h_dup_a.txt" not in site.slugs
    line = next(li for li in site.report.splitlines() if "h_dup_a.txt:" in li)
    assert "not published: near-duplicate of h_dup_b.txt" in line
    text = page_text(page_of(site, "h_dup_b.txt"))
    assert "Outlet B" in text and "also as published by Outlet A" in text
    assert "h_dup_a.txt" not in text  # the editor's file names are not the reader's business


# --- files that are no capture -------------------------------------------------------------


def test_files_that_are_no_capture_are_named_and_the_rest_is_built(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    folder = content / "captures"
    oversized(folder / "big.txt", megabytes=50)
    binary(folder / "image.txt")
    undecodable(folder / "garbled.txt")
    (folder / "empty.txt").write_bytes(b"")
    result = subprocess.run(
        [str(BIN / "digest"), "content", "--content", str(content)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 1
    err = result.stderr
    for name, reason in (("big.txt", "the capture is 50.0 MB, over the 20 MB limit"),
                         ("image.txt", "binary data"),
                         ("garbled.txt", "cannot be decoded as text"),
                         ("empty.txt", "the capture is empty")):
        line = next((li for li in err.splitlines() if f"captures/{name}" in li and "Fix:" in li),
                    "")
        assert reason in line, (name, err)
        assert re.search(rf"{re.escape(name)}: kept \d+, .* -> FAILED", err), name
    assert "Traceback" not in err
    assert len(list((content / "articles").glob("*.md"))) == SEEDS  # the others were written


def test_an_html_capture_shows_markup_looking_text_as_text(tmp_path: Path) -> None:
    cap = next(c for c in hostile_captures() if c.name.endswith(".html"))
    content = _small_content(tmp_path, [cap])
    report = build_content(content)
    assert report.ok, report.problems
    (md,) = (content / "articles").glob("*.md")
    text = md.read_text(encoding="utf-8")
    assert r"\<script\>alert(1)\</script\>" in text  # escaped for Markdown, shown as text
    assert "__pwned" not in text  # the page's own script and handlers are gone


def test_one_bad_byte_does_not_garble_a_utf8_capture() -> None:
    french = "Le ministre a déclaré à Genève que la délégation française reprendrait. " * 10
    data = ("Titre\n\n" + french).encode("utf-8") + b"\x92\n"
    try:
        cap = capture_stage.decode_capture(data, Path("stray.txt"))
    except DigestError:
        return  # refusing it, with its line, is fine too
    assert "déclaré à Genève" in cap.text


def test_legacy_encodings_are_decoded() -> None:
    by_name = {c.name: c for c in hostile_captures()}
    for name, words in (("h_cp1251.txt", "Министр иностранных дел"),
                        ("h_latin1.txt", "déclaré à Genève"),
                        ("h_utf16.txt", "<b>bold?</b> 😀")):
        cap = capture_stage.decode_capture(by_name[name].data, Path(name))
        assert words in cap.text, (name, cap.encoding)


def test_a_payload_sentence_survives_the_cleaner() -> None:
    """The premise of the suite: a payload inside prose is kept as body text by the cleaner."""
    from digest import cleaning

    text = article_text("A headline", [sentence("<script>alert(1)</script>"), PROSE + "."])
    cleaned = cleaning.clean(capture_stage.decode_capture(text.encode(), Path("p.txt")))
    assert any("<script>alert(1)</script>" in b.text for b in cleaned.blocks)


# --- reproducible ------------------------------------------------------------------------------


def test_the_hostile_site_builds_byte_for_byte_the_same(hostile_site: HostileSite,
                                                        tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    add_captures(content, list(hostile_site.captures))
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(hostile_site.output): p.read_bytes()
             for p in hostile_site.output.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path / "output"): p.read_bytes()
             for p in (tmp_path / "output").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(again)
    assert [str(p) for p in first if first[p] != again[p]] == []
