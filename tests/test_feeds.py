"""Atom feeds (built when SITEURL is set): captured text stays text in feed readers too."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

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
