"""HTML captures: the DOM-aware extractor (trafilatura) instead of line rules.

1. strip active content (script, style, iframe, object, embed, on* handlers, javascript:
   links) before anything reads the page, so nothing of it can reach the body;
2. extract the main text and the page metadata with trafilatura (see the settings below);
3. read the text of the extractor's XML tree: one line per paragraph, list item or table row
   (rule "html-extractor"), a subheading for each heading element; number the lines;
4. metadata from the page's meta tags (source "html meta <name>").

The body is plain text, the page's visible text verbatim: it is taken from the tree's element
text (entities already decoded by the HTML parser), never rendered as Markdown and never
regex-stripped of tags, so markup-looking text a page shows (&lt;script&gt;) stays in the body
and is shown as text by the writer (which escapes it).
"""

from __future__ import annotations

import re
from typing import Any

from digest.errors import DigestError
from digest.metadata import html_metadata
from digest.model import BODY_KINDS, Block, Capture, Cleaned, Line, LineKind

# favor_recall: measured on the dev set's HTML track (scripts/bench_clean.py), F1 0.966 with
# recall mode against 0.964 with trafilatura's default balance, with the same sentence recall
# (0.991); recall mode errs on the side of keeping, as this project's rules ask.
FAVOR_RECALL = True
# Comments are not the article.
INCLUDE_COMMENTS = False
# Tables in articles are usually data (scores, prices) the article talks about.
INCLUDE_TABLES = True

# Active content, removed before extraction (defence in depth: trafilatura drops these too).
_ACTIVE_RE = re.compile(
    r"<(script|style|iframe|object|embed|noscript|template)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_ACTIVE_OPEN_RE = re.compile(r"<(?:script|iframe|object|embed)\b[^>]*/?>", re.IGNORECASE)
_HANDLER_RE = re.compile(r"\s on[a-z]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE | re.X)
_JS_URL_RE = re.compile(r"(href|src)\s*=\s*([\"']?)\s*javascript:[^\"'>]*\2", re.IGNORECASE)
# A start tag (quoted attribute values may hold '>'). Handlers and javascript: URLs are removed
# only inside tags: the same characters in the page's text (written there as &lt;img onerror=..)
# are words the page shows, and must reach the body unchanged.
_START_TAG_RE = re.compile(r"<[A-Za-z][^\s/>]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>")


def _defuse_tag(match: re.Match[str]) -> str:
    tag = _HANDLER_RE.sub(" ", match.group(0))
    return _JS_URL_RE.sub(r'\1=""', tag)


def sanitize_html(html: str) -> str:
    """The page without scripts, styles, frames, event handlers or javascript: links."""
    html = _ACTIVE_RE.sub(" ", html)
    html = _ACTIVE_OPEN_RE.sub(" ", html)
    return _START_TAG_RE.sub(_defuse_tag, html)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - depends on the installed environment
        raise DigestError.one(
            "trafilatura",
            "",
            f"the HTML extractor cannot be imported ({exc})",
            "install the pinned dependencies: .venv/bin/pip install -r requirements.lock "
            "(trafilatura needs lxml_html_clean)",
        ) from exc
    return trafilatura


def extract(html: str) -> tuple[list[tuple[str, bool]], dict[str, str | None]]:
    """(lines of the main text as (text, is_heading), metadata fields) of an HTML page."""
    traf = _trafilatura()
    clean = sanitize_html(html)
    doc = traf.bare_extraction(
        clean,
        favor_recall=FAVOR_RECALL,
        include_comments=INCLUDE_COMMENTS,
        include_tables=INCLUDE_TABLES,
        include_images=False,
        include_links=False,
        # keeps inline elements (<hi>) in the tree; their text is read as text below, never
        # rendered as Markdown (which would escape the page's own characters)
        include_formatting=True,
        with_metadata=True,
        deduplicate=False,
    )
    if doc is None:
        return [], {}
    body = getattr(doc, "body", None)
    lines = _tree_lines(body) if body is not None else []
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    fields = {
        k: (str(v) if v is not None else None)
        for k, v in data.items()
        if k in ("title", "author", "date", "sitename", "url", "description")
    }
    return lines, fields


# trafilatura's XML tree: these elements start a line of their own; anything else (hi, ref,
# del, span...) is inline and its text runs on in the line around it.
_BLOCK_TAGS = frozenset(
    {"body", "div", "doc", "main", "p", "head", "list", "item", "quote", "code", "table"}
    | {"row", "cell", "graphic", "comments"}
)


def _squash(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, trimmed."""
    return " ".join(text.split())


def _inline_text(element: Any) -> str:
    """All the text under ``element`` as one line: a line break or a nested block separates
    words with a space, inline elements run on."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        block = el.tag in _BLOCK_TAGS or el.tag == "lb"
        if block:
            parts.append(" ")
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append(" ")

    walk(element)
    return _squash("".join(parts))


def _is_code_block(element: Any) -> bool:
    """A <code> element holding several lines (inline code stays in its sentence)."""
    return "\n" in "".join(element.itertext()) or element.find(".//lb") is not None


def _code_text(element: Any) -> str:
    parts: list[str] = []

    def walk(el: Any) -> None:
        parts.append("\n" if el.tag == "lb" else "")
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return "".join(parts)


def _tree_lines(body: Any) -> list[tuple[str, bool]]:
    """The extracted main text, read from trafilatura's XML tree: one line per paragraph,
    heading, list item, quote line or table row, with blank lines between blocks. The text is
    the element text exactly as the page showed it (entities already decoded by the parser):
    nothing is rendered as Markdown, escaped or stripped here."""
    lines: list[tuple[str, bool]] = []
    buf: list[str] = []

    def emit(text: str, heading: bool = False) -> None:
        if text:
            if lines and lines[-1][0]:
                lines.append(("", False))
            lines.append((text, heading))

    def flush() -> None:
        text = _squash("".join(buf))
        buf.clear()
        emit(text)

    def walk(el: Any) -> None:
        tag = el.tag
        if tag == "head":
            flush()
            emit(_inline_text(el), heading=True)
        elif tag == "row":
            flush()
            cells = [_inline_text(c) for c in el if c.tag == "cell"]
            if any(cells):
                emit("| " + " | ".join(cells) + " |")
        elif tag == "lb":
            flush()
        elif tag == "code" and _is_code_block(el):
            flush()
            for code_line in _code_text(el).splitlines():  # one line per line of code
                emit(_squash(code_line))
        elif tag in _BLOCK_TAGS:
            flush()
            buf.append(el.text or "")
            for child in el:
                walk(child)
            flush()
        else:  # inline: hi, ref, del, span...
            buf.append(el.text or "")
            for child in el:
                walk(child)
        buf.append(el.tail or "")

    walk(body)
    flush()
    return lines


def clean_html(capture: Capture) -> Cleaned:
    """Clean an HTML capture through the DOM-aware extractor."""
    extracted, fields = extract(capture.text)
    lines: list[Line] = []
    for n, (text, heading) in enumerate(extracted, start=1):
        kind: LineKind
        if not text:
            kind, rule = "blank", "blank"
        elif heading:
            kind, rule = "subhead", "html-extractor-heading"
        else:
            kind, rule = "body", "html-extractor"
        lines.append(Line(n, text, kind, rule))
    metadata = html_metadata(fields)
    title = metadata.title.value
    # a heading that repeats the title is the headline, not a subheading
    if title:
        lines = [
            Line(ln.number, ln.text, "title", "title-repeat")
            if ln.kind == "subhead" and ln.text == title
            else ln
            for ln in lines
        ]
    blocks = tuple(
        Block("subhead" if ln.kind == "subhead" else "paragraph", ln.text, 0)
        for ln in lines
        if ln.kind in BODY_KINDS
    )
    from dataclasses import replace

    metadata = replace(metadata, subheads=tuple(ln.text for ln in lines if ln.kind == "subhead"))
    return Cleaned(capture=capture, lines=tuple(lines), blocks=blocks, metadata=metadata)
