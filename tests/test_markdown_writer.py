"""The Markdown writer: hostile text stays text, the header survives any title."""

from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
import yaml

from digest.markdown_writer import escape_markdown, render_article, summary_of
from digest.model import Article, Block, Fact, Metadata
from plugins.markdown_it_reader.reader import make_renderer, split_front_matter

HOSTILE = [
    "# not a heading",
    "---",
    "=== not a setext underline",
    "- not a list item",
    "+ not a list item",
    "1. not an ordered list",
    "> not a quote",
    "[click](javascript:alert(1))",
    "![img](x onerror=alert(1))",
    "<script>alert(1)</script>",
    "<!-- a comment",
    "[ref]: https://example.invalid",
    "**not bold** and _not em_ and `not code`",
    "AT&T &amp; &lt;b&gt; entity soup",
    "Title: looks like metadata",
    "| a | table |",
    "    indented four spaces",
    "trailing backslash \\",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_the_same_text(text: str) -> None:
    md = make_renderer()
    html = md.render(escape_markdown(text))
    # exactly one paragraph, no element of any other kind
    assert html.startswith('<p id="b0">') and html.endswith("</p>\n"), html
    inner = html[len('<p id="b0">') : -len("</p>\n")]
    assert "<script" not in html and "<a " not in html and "<img" not in html
    assert unescape(inner) == " ".join(text.split()), inner


def _article(title: str) -> Article:
    meta = Metadata(
        title=Fact(title, "capture line 1"),
        published=Fact(dt.date(2024, 5, 16), "curation.yaml"),
        outlet=Fact("Outlet: The Times", "capture line 2"),
    )
    blocks = (Block("paragraph", "First paragraph.", 3), Block("subhead", "A subhead", 5))
    return Article(source="x.txt", slug="x", metadata=meta, blocks=blocks, topics=("taiwan",))


TITLES = ["Plain", "Colon: in title", "New\nline", "---", "'quoted' \"x\"", "#hash", "null",
          "2024-01-01"]


@pytest.mark.parametrize("title", TITLES)
def test_header_round_trips_any_title(title: str) -> None:
    text = render_article(_article(title))
    header, body = split_front_matter(text, "x.md")
    assert header["title"] == title
    assert header["date"] == "2024-05-16"
    assert header["provenance"]["date"] == "curation.yaml"
    assert header["outlet"] == "Outlet: The Times"
    assert body.strip().splitlines()[0] == "First paragraph."
    assert "## A subhead" in body


def test_summary_is_the_dek_when_known_else_the_first_paragraph() -> None:
    article = _article("T")
    assert summary_of(article) == "First paragraph."
    with_dek = Article(**{**article.__dict__, "metadata": Metadata(
        title=article.metadata.title, dek=Fact("The dek", "capture line 2"))})
    assert summary_of(with_dek) == "The dek"


def test_render_is_deterministic() -> None:
    assert render_article(_article("Same")) == render_article(_article("Same"))
    yaml.safe_load(render_article(_article("Same")).split("---\n")[1])
