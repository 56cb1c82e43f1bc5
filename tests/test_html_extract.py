"""HTML captures (digest.html_extract): active content never reaches the body, which is plain
text; metadata comes from the page's meta tags with its source named."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from digest.capture import decode_capture
from digest.html_extract import sanitize_html

HOSTILE = """<!DOCTYPE html>
<html><head>
<title>Council Funds New Library | The Town Crier</title>
<meta property="og:title" content="Council Funds New Library">
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="The Town Crier">
<meta property="article:published_time" content="2021-03-03T10:00:00Z">
<link rel="canonical" href="https://example.com/library">
<script>document.write("<p>INJECTED SCRIPT TEXT</p>")</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council Funds New Library</h1>
<p>The council agreed on Tuesday to fund the new library, officials said in a statement to
the press after a long debate that ran late into the evening.</p>
<img src="x.png" onerror="alert('pwned')" alt="">
<iframe src="https://evil.example.com/frame"></iframe>
<p>Residents who opposed the plan said it would cost too much &amp; take <b>years</b> to
build, and <a href="javascript:alert(1)">a petition</a> gathered 3&lt;4 thousand names.</p>
<h2>What happens next</h2>
<p>Construction is expected to start in the spring, the mayor said, once the final designs
have been approved by the planning committee and the budget is signed.</p>
<script>alert("inline")</script>
</article>
<footer>© 2021 The Town Crier. All rights reserved.</footer>
</body></html>
"""


def test_sanitize_removes_active_content() -> None:
    out = sanitize_html(HOSTILE)
    assert "<script" not in out.lower()
    assert "<iframe" not in out.lower()
    assert "<style" not in out.lower()
    assert "onerror" not in out.lower()
    assert "javascript:" not in out.lower()
    assert "INJECTED" not in out
    assert "The council agreed on Tuesday" in out


def test_sanitize_handles_unclosed_and_odd_case() -> None:
    out = sanitize_html('<p>a</p><SCRIPT src=x.js></SCRIPT><iframe src=y><p ONCLICK="x()">b</p>')
    assert "script" not in out.lower() and "iframe" not in out.lower()
    assert "onclick" not in out.lower()


@pytest.fixture(scope="module")
def cleaned():
    pytest.importorskip(
        "trafilatura",
        reason="trafilatura cannot be imported (needs lxml_html_clean)",
        exc_type=ImportError,
    )
    from digest.cleaning import clean

    return clean(decode_capture(HOSTILE.encode("utf-8"), Path("page.html")))


def test_html_body_is_plain_text(cleaned) -> None:
    body = "\n".join(b.text for b in cleaned.blocks)
    assert "The council agreed on Tuesday to fund the new library" in body
    assert "Construction is expected to start in the spring" in body
    assert not re.search(r"<\s*/?\s*[a-zA-Z]", body), body
    for bad in ("alert(", "javascript:", "onerror", "INJECTED", "evil.example.com", "color: red"):
        assert bad not in body
    assert "&amp;" not in body and "& take years" in body


def test_html_lines_numbered_with_rule(cleaned) -> None:
    assert [ln.number for ln in cleaned.lines] == list(range(1, len(cleaned.lines) + 1))
    assert {ln.rule for ln in cleaned.lines} <= {
        "html-extractor",
        "html-extractor-heading",
        "title-repeat",
        "blank",
    }
    assert "What happens next" in cleaned.metadata.subheads


def test_html_metadata_from_meta_tags(cleaned) -> None:
    m = cleaned.metadata
    assert m.title.value == "Council Funds New Library"
    assert m.title.source == "html meta title"
    assert m.authors.value == ("Jane Roe",)
    assert m.outlet.value == "The Town Crier"
    assert m.published.value is not None and m.published.value.isoformat() == "2021-03-03"
    assert m.url.value == "https://example.com/library"


# --- the page's visible text, verbatim ----------------------------------------------------

#: text a page shows (written in its HTML as entities): it must reach the body unchanged
SHOWN = (
    "<script>alert(1)</script>",
    "<img src=x onerror=\"alert('img')\">",
    "<svg onload=alert(3)>",
    "<a href=\"javascript:alert('a')\">a link</a>",
    "&lt;b&gt; &amp;amp; &copy;",
    "**not bold** _not italic_ `not code` ~~not struck~~ \\*",
    "[click here](javascript:alert(1)) [1] | a | b |",
    "# not a heading, > not a quote",
)


def _page(paragraphs: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Markup As Text</title></head><body><article>"
        f"<h1>Markup As Text</h1>{paragraphs}</article></body></html>"
    )


@pytest.fixture(scope="module")
def shown():
    pytest.importorskip("trafilatura", exc_type=ImportError)
    from digest.cleaning import clean

    prose = (
        "Officials declined to comment on the report on Tuesday, and diplomats said the talks "
        "would continue next week in the capital"
    )
    paras = "".join(
        f"<p>{prose} ({i}), quoting {html.escape(s, quote=False)} as the claim.</p>"
        for i, s in enumerate(SHOWN)
    )
    paras += (
        f"<h2>What <em>comes</em> next</h2><p>{prose}, with <b>bold</b> and <i>it</i>alic "
        "words.</p><ul><li>first item</li><li>second <b>item</b></li></ul>"
    )
    return clean(decode_capture(_page(paras).encode("utf-8"), Path("shown.html")))


@pytest.mark.parametrize("text", SHOWN)
def test_markup_looking_text_is_kept_verbatim(shown, text: str) -> None:
    assert any(f"quoting {text} as the claim." in b.text for b in shown.blocks), text


def test_no_markdown_marks_or_escapes_are_added(shown) -> None:
    body = [b.text for b in shown.blocks]
    assert any(t.endswith("with bold and italic words.") for t in body), body
    assert "first item" in body and "second item" in body  # no list marker
    assert not any(t.startswith(("- ", "* ", "#")) for t in body), body


def test_headings_still_become_subheads(shown) -> None:
    assert ("subhead", "What comes next") in [(b.kind, b.text) for b in shown.blocks]
    assert "What comes next" in shown.metadata.subheads


def test_sanitize_leaves_text_that_only_looks_like_handlers() -> None:
    shown_text = '&lt;img src=x onerror="alert(1)"&gt; and href=javascript:alert(2)'
    page = f'<p onclick="x()">{shown_text}</p><a title="a>b" href="javascript:y()" onmouseover=z>'
    out = sanitize_html(page)
    assert shown_text in out
    assert "onclick" not in out and "onmouseover" not in out and "javascript:y" not in out
