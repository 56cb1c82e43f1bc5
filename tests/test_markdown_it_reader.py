"""The Pelican reader: YAML header through Pelican's processors, body through markdown-it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG

from plugins.markdown_it_reader.reader import MarkdownItReader, split_front_matter


def read(tmp_path: Path, text: str) -> tuple[str, dict]:
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    return MarkdownItReader(dict(DEFAULT_CONFIG)).read(str(path))


def test_header_goes_through_pelicans_processors(tmp_path: Path) -> None:
    header = ("---\ntitle: T\ndate: '2024-05-16'\nslug: t\n"
              "authors: [Jane Doe, 'Doe, John']\ntopics: [taiwan]\n---\n\nBody.\n")
    html, meta = read(tmp_path, header)
    assert meta["date"].date() == dt.date(2024, 5, 16)
    assert [a.name for a in meta["authors"]] == ["Jane Doe", "Doe, John"]
    assert meta["topics"] == ["taiwan"]
    assert html == '<p id="b0">Body.</p>\n'


def test_raw_html_is_shown_as_text(tmp_path: Path) -> None:
    html, _ = read(tmp_path, "---\ntitle: T\n---\n<script>alert(1)</script>\n\n"
                             "<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html


def test_blocks_are_numbered_for_timeline_links(tmp_path: Path) -> None:
    html, _ = read(tmp_path, "---\ntitle: T\n---\nOne.\n\n## Sub\n\nTwo.\n")
    assert '<p id="b0">' in html and '<h2 id="b1">' in html and '<p id="b2">' in html


def test_an_unclosed_header_is_an_error() -> None:
    with pytest.raises(ValueError, match="never closed"):
        split_front_matter("---\ntitle: T\n\nbody\n", "x.md")
