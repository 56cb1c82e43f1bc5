"""Atom feeds (built when SITEURL is set): whole articles with their source, captured text kept
as text in feed readers too, read cleanly by a standard feed parser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from .conftest import build_site, copy_content

ATOM = "{http://www.w3.org/2005/Atom}"
SITEURL = "https://example.github.io/digest"


def test_feed_titles_and_summaries_are_text_not_markup(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    curation = content / "curation.yaml"
    curation.write_text(curation.read_text(encoding="utf-8").replace(
        '    title: "Putin seeks closer military ties with Xi in year-end video call"',
        '    title: "Tariffs <5% on x > y & <b>bold</b>"\n'
        '    dek: "At <img src=x onerror=alert(1)> AT&T said"'), encoding="utf-8")
    result = build_site(content, tmp_path / "out", siteurl=SITEURL)
    assert result.returncode == 0, result.stderr
    root = ET.parse(tmp_path / "out" / "feeds" / "all.atom.xml").getroot()
    entries = {e.findtext(f"{ATOM}title"): e for e in root.iter(f"{ATOM}entry")}
    title = "Tariffs <5% on x > y & <b>bold</b>"
    assert title in entries  # whole, as written
    summary = entries[title].findtext(f"{ATOM}summary")
    # the summary is HTML (type="html"): the captured markup must arrive escaped, as text
    assert summary == "At &lt;img src=x onerror=alert(1)&gt; AT&amp;T said"


def test_every_topic_feed_has_entries_and_a_fixed_date(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    out = tmp_path / "out"
    assert build_site(content, out, siteurl=SITEURL).returncode == 0
    feeds = sorted((out / "feeds" / "topics").glob("*.atom.xml"))
    assert feeds
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert list(root.iter(f"{ATOM}entry")), feed.name  # no empty feed (clock-dated)


def test_entries_carry_the_whole_article_its_source_and_no_empty_author(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    curation = content / "curation.yaml"
    curation.write_text(curation.read_text(encoding="utf-8").replace(
        "    date: 2022-12-30  # the Xi-Putin video call of Friday 30 December 2022\n",
        "    date: 2022-12-30\n    outlet: \"Deutsche Welle & Co\"\n"
        "    url: \"https://example.com/putin-xi?a=1&b=2\"\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(content, out, siteurl=SITEURL)
    assert result.returncode == 0, result.stderr
    feed = (out / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.bozo_exception  # a standard parser reads it cleanly
    entries = {e.title: e for e in parsed.entries}
    assert len(entries) == 5
    for entry in parsed.entries:
        assert entry.get("author", None) != ""  # no empty <author> element
    root = ET.fromstring(feed)
    assert not [a for a in root.iter(f"{ATOM}author") if not (a.findtext(f"{ATOM}name") or "")]

    newsweek = next(e for t, e in entries.items() if t.startswith("Allies, Pals or Foes?"))
    assert newsweek.author == "James Bickerton"
    body = newsweek.content[0].value
    # the whole cleaned article, not a summary: its first and its last paragraph
    assert "Chinese troops will participate in a major Russian military exercise" in body
    page = (out / "articles" / "allies-pals-or-foes-putin-s-russia-and-xi-s-china-s-"
            "relationship-explored.html").read_text(encoding="utf-8")
    paragraphs = re.findall(r'<p id="b\d+">.*?</p>', page, re.S)
    assert len(paragraphs) > 10 and all(p in body for p in paragraphs)
    assert body.startswith("<p><em>First published by Newsweek · By James Bickerton · "
                           "18 August 2022</em></p>")

    call = entries["Putin seeks closer military ties with Xi in year-end video call"]
    assert "author" not in call  # the byline is unknown: no author at all
    assert call.content[0].value.startswith(
        '<p><em>First published by <a href="https://example.com/putin-xi?a=1&amp;b=2">'
        "Deutsche Welle &amp; Co</a> · 30 December 2022</em></p>")
    assert call.published.startswith("2022-12-30")
