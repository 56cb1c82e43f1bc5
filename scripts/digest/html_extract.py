"""HTML captures: two extractors (trafilatura, readability) reconciled on the page's own text.

1. strip active content (script, style, iframe, object, embed, on* handlers, javascript:
   links) before anything reads the page, so nothing of it can reach the body;
2. split the page's visible text into blocks, in document order (html_reconcile.page_blocks):
   each block is one line of the record, numbered from 1 in page order, so a line number
   depends on the page only, never on what an extractor chose;
3. extract the main text with trafilatura (settings below) and with readability-lxml, map each
   output back onto the blocks, and keep the blocks the reconciliation chooses (rule
   "html-extractor", "html-extractor-heading" for a heading); when their article is short
   next to the page's other prose, jusText is asked too (rule "html-third-opinion", kept as
   unsure); every other block stays in the record as a dropped line (kind boilerplate, rule
   "html-extractor-removed", or "html-extractors-disagree" when an extractor kept it, or
   "html-comments" below the article after the page's comments anchor; a paragraph neither
   kept between two kept ones is kept, rule "html-between-paragraphs"), where
   the report, the review pages and curation.yaml's ``keep:`` see it;
   the furniture both extractors kept at the article's edges, as the text track's rules read
   it, is dropped the same way (html_edges: rule "html-edge-" + the text rule, or
   "html-copyright-element"), and so is the byline or date line over the article's first
   paragraph (or its second, under a caption kept as prose); the headline kept again as a
   block, heading or paragraph (above the article's first paragraph, also where the title
   gives it with the site's name), is the headline (kind title, rule "title-repeat"), never
   published twice; and where the markup names no headline, a heading kept over the
   article's first paragraph (or the first line kept, no caption) that the text track reads
   as the headline is it (rule "html-shown-headline", source "page line N (headline)");
4. metadata from the page's own markup (html_meta: JSON-LD, og/meta tags, canonical link);
   where the markup names no author or states no date, the byline and the date line taken
   out of the body over the article give them, as the text track reads those lines (source
   "page line N (byline)", "page line N (date line)"; that byline also goes before the
   author trafilatura guesses from the page's text, of which only the names that read as a
   person's are taken: ``metadata.guessed_persons``); a date written inside a paragraph is
   never read.

The body is plain text, the page's visible text verbatim: it is taken from the tree's element
text (entities already decoded by the HTML parser), never rendered as Markdown and never
regex-stripped of tags, so markup-looking text a page shows (&lt;script&gt;) stays in the body
and is shown as text by the writer (which escapes it).
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, TypeVar

from digest.errors import DigestError
from digest.headline import is_credit
from digest.html_edges import RULE_PREFIX, edge_furniture, notice_line, text_reading
from digest.html_meta import (
    DEK_MIN_WORDS,
    TRAFILATURA_AUTHOR,
    article_ld,
    authors_fact,
    date_fact,
    description,
    json_ld,
    meta_tags,
    outlet_fact,
    repeats_headline,
    spoken_title_fact,
    title_fact,
    url_fact,
)
from digest.html_reconcile import (
    PageBlock,
    agreement,
    covered,
    is_prose,
    page_blocks,
    reconcile,
    words,
)
from digest.metadata import guessed_persons, name_case, site_named
from digest.model import (
    BODY_KINDS,
    UNKNOWN,
    Block,
    Capture,
    Cleaned,
    Fact,
    Line,
    LineKind,
    Metadata,
)

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
# The end of the document. A browser reads on past </body> and </html> (text after them joins
# the body), lxml stops there: pages built of two glued documents (a template, then the
# article) lost the article (train e3d184062941). Removed, so the parsers read the page whole.
_END_DOC_RE = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)


def _defuse_tag(match: re.Match[str]) -> str:
    tag = _HANDLER_RE.sub(" ", match.group(0))
    return _JS_URL_RE.sub(r'\1=""', tag)


def sanitize_html(html: str) -> str:
    """The page without scripts, styles, frames, event handlers or javascript: links, and
    without the end tags of the document (see _END_DOC_RE)."""
    html = _ACTIVE_RE.sub(" ", html)
    html = _ACTIVE_OPEN_RE.sub(" ", html)
    html = _END_DOC_RE.sub(" ", html)
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


def extract(
    html: str, *, sanitized: bool = False
) -> tuple[list[tuple[str, bool]], dict[str, str | None]]:
    """(lines of the main text as (text, is_heading), metadata fields) of an HTML page
    (``sanitized``: the page went through sanitize_html already)."""
    traf = _trafilatura()
    clean = html if sanitized else sanitize_html(html)
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


def _readability_text(html: str) -> str:
    """The article text readability-lxml finds in a (sanitised) page, one block a line; empty
    when it finds none. It is the second opinion: a failure leaves trafilatura alone."""
    import lxml.html
    from readability import Document

    try:
        summary = Document(html).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
    # readability raises its own Unparseable, lxml a ParserError or ValueError on pages with no
    # content; any of them means "no second opinion", never a failed capture
    except Exception:
        return ""
    return "\n".join(b.text for b in page_blocks(root))


def _justext_text(html: str) -> str:
    """The paragraphs jusText does not class as boilerplate, one a line: the third opinion,
    asked only when the two extractors' article is short next to the page's other prose
    (html_reconcile.third_opinion). English stop words: on other languages it finds little,
    and so changes nothing."""
    import justext

    try:
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    # jusText raises on pages it cannot parse (an empty document, odd encodings): no opinion
    except Exception:
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


#: A page whose tree, as lxml builds it, holds fewer characters of text than this is read
#: again by Python's own HTML tokenizer, which, like a browser, reads on past a broken tag;
#: when that reading holds this many characters or more, and more than twice lxml's, the page
#: is its rebuilt markup (``readable_page``, ``rebuilt_markup``). A saved page missing a
#: stretch of its markup ("<html xm" run into the attributes of an image further down) parsed
#: to an empty document, and the page lost its whole article on both extractors. On the 604
#: saved pages of the cleaning corpus one page is so damaged (a validation page, found as the
#: track's one page with no sentence kept); no other page holds under 50% of what the
#: tokenizer reads.
READABLE_MIN_CHARS = 200


def readable_page(html: str) -> tuple[str, Any]:
    """``html`` and its tree (``_parse``), or, when that tree holds almost no text
    (READABLE_MIN_CHARS), the same page rebuilt from Python's HTML tokenizer and its tree,
    when that reading holds the text. (The tree is the caller's: the page is parsed once.)"""
    root = _parse(html)
    held = len(_text_of(root))
    if held >= READABLE_MIN_CHARS:
        return html, root
    # (sanitized again: the tokenizer may read a tag where the sanitizer's patterns saw none)
    rebuilt = sanitize_html(rebuilt_markup(html))
    rebuilt_root = _parse(rebuilt)
    if len(_text_of(rebuilt_root)) >= max(READABLE_MIN_CHARS, 2 * held + 1):
        return rebuilt, rebuilt_root
    return html, root


class _Rebuilder(HTMLParser):
    """Python's HTML tokenizer writing back what it read as well-formed markup: each tag with
    the attributes that have a valid name, each value and text escaped, comments and
    declarations left out (a damaged tag's stray quote ends up in no attribute)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        kept = "".join(f' {name}="{html_lib.escape(value or "", quote=True)}"'
                       for name, value in attrs if _ATTRIBUTE_NAME_RE.fullmatch(name))
        return f"<{tag}{kept}>"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _TAG_NAME_RE.fullmatch(tag):
            self.out.append(self._tag(tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _TAG_NAME_RE.fullmatch(tag):
            # ("<html ... />" or "<div/>": an element opened, as a browser reads it)
            self.out.append(self._tag(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if _TAG_NAME_RE.fullmatch(tag):
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(html_lib.escape(data, quote=False))


_TAG_NAME_RE = re.compile(r"[a-z][a-z0-9-]*")
_ATTRIBUTE_NAME_RE = re.compile(r"[a-z_:][-a-z0-9_:.]*")


def rebuilt_markup(html: str) -> str:
    """``html`` as Python's HTML tokenizer reads it, written back as well-formed markup."""
    rebuilder = _Rebuilder()
    rebuilder.feed(html)
    rebuilder.close()
    return "".join(rebuilder.out)


def _text_of(root: Any) -> str:
    return "".join(root.itertext()).strip() if root is not None else ""


def _parse(html: str) -> Any:
    """The page's tree, parsed as trafilatura parses it (encoding declarations, broken markup)."""
    from trafilatura.utils import load_html

    root = load_html(html)
    if root is None:  # a bare fragment ("<p>...</p>" alone) is refused as a document
        root = load_html(f"<html><body>{html}</body></html>")
    return root


def _page_title(root: Any) -> str | None:
    element = root.find(".//title") if root is not None else None
    text = " ".join(element.text_content().split()) if element is not None else ""
    return text or None


#: how far above the article's first paragraph its headline is looked for, in blocks
HEADLINE_REACH = 30


def _headings(blocks: list[PageBlock], kept: frozenset[int]) -> list[tuple[int, str]]:
    """(line, text) of the headings above the article's first kept paragraph of prose,
    nearest first: where a page shows its headline."""
    # (a kept line that is no prose, "« Show me the money | Main | Next post »", is no
    # paragraph of the article: the headline may stand under it)
    body = [k for k in sorted(kept) if not blocks[k].heading and is_prose(blocks[k].text)]
    first = body[0] if body else len(blocks)
    return [
        (k + 1, blocks[k].text)
        for k in range(min(first, len(blocks) - 1), max(-1, first - HEADLINE_REACH - 1), -1)
        if blocks[k].heading and 2 <= len(words(blocks[k].text)) <= 30
    ]


def _lone_h1(blocks: list[PageBlock], kept: frozenset[int]) -> tuple[int, str] | None:
    """(line, text) of the page's only <h1>, when it stands above the article's first kept
    paragraph, within HEADLINE_REACH blocks: where a page whose <title> names only the site
    shows its headline."""
    h1 = [k for k, b in enumerate(blocks) if b.tag == "h1"]
    body = [k for k in sorted(kept) if not blocks[k].heading]
    if len(h1) != 1 or not body:
        return None
    k = h1[0]
    if not body[0] - HEADLINE_REACH <= k < body[0]:
        return None
    return k + 1, blocks[k].text


def _headline_in_title(text: str, title: str) -> bool:
    """Whether ``text`` is the headline a longer ``title`` shows with the site's or section's
    name around it ("Trio set for Derby debuts" in "IOL: Trio set for Derby debuts"): its
    words open or close the title's, and make half of them or more. Above the article's first
    paragraph, such a line is the headline again, which the page's header shows (round 33:
    on the train ids 5 pages up, none down, no sentence lost)."""
    line = [w.lower() for w in words(text)]
    whole = [w.lower() for w in words(title)]
    if not 2 <= len(line) < len(whole) or 2 * len(line) < len(whole):
        return False
    return whole[:len(line)] == line or whole[-len(line):] == line


def _same_words(a: str, b: str) -> bool:
    return [w.lower() for w in words(a)] == [w.lower() for w in words(b)]


def _dek_block(
    blocks: list[PageBlock], kept: frozenset[int], desc: str, title: str | None
) -> int | None:
    """The block showing the page's description as the standfirst, if the page shows it.

    A standfirst stands before the article's body. A description that repeats a paragraph of
    the body (often its first) is the lede, and stays in the body; one the page never shows
    is a summary or a site blurb. Neither is a dek."""
    want = [w.lower() for w in words(desc.rstrip(". \u2026"))]
    if not want:
        return None

    def is_title(k: int) -> bool:
        return blocks[k].heading and bool(title) and _same_words(blocks[k].text, title or "")

    body = [k for k in sorted(kept) if not is_title(k)]
    first_kept = body[0] if body else len(blocks)
    for k, block in enumerate(blocks):
        got = [w.lower() for w in words(block.text)]
        shown = got == want or (len(want) >= DEK_MIN_WORDS and got[: len(want)] == want
                                and len(got) <= len(want) + 3)
        if not shown:
            continue
        return k if k < first_kept else None
    return None


_T = TypeVar("_T")

#: the rule of a line over the article (a heading, or the first line kept) read as its
#: headline where the markup names none (``_shown_headline``)
SHOWN_HEADLINE_RULE = "html-shown-headline"
#: a class or id word of the element of a photo's caption or credit
_CAPTION_CONTEXT_RE = re.compile(r"cap|photo|credit|image|img", re.IGNORECASE)


@dataclass(frozen=True)
class _Shown:
    """What the header over the article shows, as the text track reads the kept lines: the
    authors and the date of a byline and a date line taken out of the body (``_shown``), and
    the headline of a line kept over the first paragraph (``_shown_headline``, with the index
    of its line)."""

    authors: Fact[tuple[str, ...]] = UNKNOWN
    published: Fact[dt.date] = UNKNOWN
    title: Fact[str] = UNKNOWN
    title_line: int | None = None


def _page_site(blocks: Sequence[PageBlock]) -> Fact[str]:
    """The site the page names in its own words, as the text track reads a capture's: its
    footer's copyright line ("© 2008 The Sports Network"), else a "Welcome to Site" line
    (``metadata.site_named``), read over every block of the page, kept or not; with the
    block's line."""
    named = site_named([Line(k + 1, block.text, "boilerplate", "page")
                        for k, block in enumerate(blocks)])
    if not named.known:
        return UNKNOWN
    return Fact(named.value, f"page line {named.capture_line} (the page's own words)")


def _drop_edge_furniture(
    lines: list[Line], blocks: list[PageBlock], name: str
) -> tuple[list[Line], _Shown]:
    """The lines, with the furniture the extractors kept at the article's edges dropped
    (html_edges: a navigation row, a copyright line, a web address above or under the
    article's prose, the byline and date lines over it, as the text track's rules read
    them), kind boilerplate; and what the header over the article shows (``_Shown``)."""
    body = [k for k, ln in enumerate(lines) if ln.kind in BODY_KINDS]
    texts = [lines[k].text for k in body]
    if not texts:
        return lines, _Shown()
    contexts = [blocks[lines[k].number - 1].context for k in body]
    paths = [blocks[lines[k].number - 1].path for k in body]
    reading = text_reading(texts, name)
    verdicts = [(ln.kind, ln.rule) for ln in reading.lines]
    drop = edge_furniture(texts, verdicts, contexts, notice_line(texts), paths)
    out = list(lines)
    for j, rule in drop.items():
        k = body[j]
        out[k] = Line(lines[k].number, lines[k].text, "boilerplate", rule)
    header = reading.metadata
    title, title_line = _shown_headline(header.title, drop, lines, body, contexts)
    return out, _Shown(_shown(header.authors, drop, lines, body, "byline"),
                       _shown(header.published, drop, lines, body, "date line"),
                       title, title_line)


def _shown(fact: Fact[_T], drop: Mapping[int, str], lines: Sequence[Line], body: Sequence[int],
           what: str) -> Fact[_T]:
    """The text track's reading of a fact (an author, a date) from a line it took out of the
    article's body at its edges (the byline or date line over the article), with that line's
    number on the page; unknown when it read it elsewhere, or not at all."""
    j = (fact.capture_line or 0) - 1 if fact.known else -1
    if j not in drop or not drop[j].startswith(RULE_PREFIX):
        return UNKNOWN
    return Fact(fact.value, f"page line {lines[body[j]].number} ({what})")


def _shown_headline(fact: Fact[str], drop: Mapping[int, str], lines: Sequence[Line],
                    body: Sequence[int], contexts: Sequence[Sequence[str]]
                    ) -> tuple[Fact[str], int | None]:
    """The text track's headline, where it reads it from a line above the article's first
    paragraph of prose, with the index of that line in ``lines``; unknown otherwise. The line
    is a heading of the page (an ``<h1>`` to ``<h6>`` the extractors kept), or the first line
    the extractors kept, outside a caption's element: on the train ids, of 18 other kept
    paragraphs the text track reads as the headline, one was a photo's caption (its element's
    class "cap") and one a standfirst under the headline kept over it."""
    j = (fact.capture_line or 0) - 1 if fact.known else -1
    if j < 0 or j in drop or is_prose(lines[body[j]].text):
        return UNKNOWN, None
    if lines[body[j]].kind != "subhead" and (
            j > 0 or any(_CAPTION_CONTEXT_RE.search(word) for word in contexts[j])):
        return UNKNOWN, None
    if not any(is_prose(lines[k].text) for k in body[j + 1:]) or any(
            is_prose(lines[k].text) for k in body[:j]):
        return UNKNOWN, None  # (under the first paragraph: a section's heading)
    k = body[j]
    return Fact(fact.value, f"page line {lines[k].number} (headline)"), k


def _credited_only(name: str, lines: Sequence[Line]) -> bool:
    """Whether every line of the page that names ``name`` is a photo's credit ("Kevork
    Djansezian, file" under an AP photo: ``headline.is_credit`` or a file photo's credit), so
    that the name is the photographer's, not the writer's."""
    low = name.lower()
    naming = [ln.text for ln in lines if low in ln.text.lower()]
    return bool(naming) and all(is_credit(t) or _FILE_CREDIT_RE.search(t) for t in naming)


#: the credit of an agency's file photo: "Kevork Djansezian, file", "(AP Photo/Jane Doe, File)"
_FILE_CREDIT_RE = re.compile(r",\s*file\W*$", re.IGNORECASE)


def clean_html(capture: Capture) -> Cleaned:
    """Clean an HTML capture: every text block of the page is a line, kept where the two
    extractors agree it is the article (see html_reconcile), dropped otherwise with the rule
    ``html-extractor-removed``; the metadata comes from the page's own markup (html_meta)."""
    clean, root = readable_page(sanitize_html(capture.text))
    extracted, fields = extract(clean, sanitized=True)
    blocks = page_blocks(root) if root is not None else []
    if not blocks and extracted:
        # a page lxml cannot read as a tree (trafilatura still found text): its lines as kept
        blocks = [PageBlock(text, "h2" if heading else "p") for text, heading in extracted if text]
    traf_text = "\n".join(text for text, _ in extracted)
    decision = reconcile(
        blocks, covered(blocks, traf_text), covered(blocks, _readability_text(clean)),
        by_third=lambda: covered(blocks, _justext_text(clean)),
    )

    tags = meta_tags(root) if root is not None else {}
    objects = json_ld(capture.text)
    ld = article_ld(objects)
    outlet = outlet_fact(tags, objects, ld, fields)
    page_site = _page_site(blocks)
    page_title = _page_title(root)
    article = "\n".join(blocks[k].text for k in sorted(decision.kept))
    title = title_fact(tags, ld, page_title, _headings(blocks, decision.kept), outlet.value,
                       _lone_h1(blocks, decision.kept), article, page_site.value)
    dek: Fact[str] = UNKNOWN
    dek_line = None
    desc = description(tags, ld)
    if desc is not None:
        # (a standfirst only readability kept reads as the article's lede to the reconciliation)
        dek_line = _dek_block(blocks, decision.kept - decision.lede, desc[0], title.value)
        if dek_line is not None:
            dek = Fact(blocks[dek_line].text, f"{desc[1]} (shown on the page)")

    # the standfirst is shown as the dek: not dropped prose
    dropped_prose = [k for k in decision.dropped_prose if k != dek_line]
    lines: list[Line] = []
    first_prose = min((k for k in decision.kept if is_prose(blocks[k].text)), default=len(blocks))
    for k, block in enumerate(blocks):
        kind: LineKind
        if title.value and (_same_words(block.text, title.value) or (
                k < first_prose and _headline_in_title(block.text, title.value))):
            kind, rule = "title", "title-repeat"  # the headline, not a subheading
        elif k == dek_line:
            kind, rule = "dek", "html-dek"
        elif k in decision.unsure:
            # the extractors' article was too short to be one; a third opinion found this
            kind, rule = "unsure", "html-third-opinion"
        elif k in decision.comments:
            # below the article, after the page's comments anchor: the reader comments
            kind, rule = "boilerplate", "html-comments"
        elif k in decision.disputed:
            # one extractor kept it, the reconciliation did not: the first place to look
            kind, rule = "boilerplate", "html-extractors-disagree"
        elif k not in decision.kept:
            kind, rule = "boilerplate", "html-extractor-removed"
        elif k in decision.between:
            # prose neither extractor kept, between two kept paragraphs of the article
            kind, rule = "body", "html-between-paragraphs"
        elif block.heading:
            kind, rule = "subhead", "html-extractor-heading"
        else:
            kind, rule = "body", "html-extractor"
        lines.append(Line(k + 1, block.text, kind, rule))
    lines, shown = _drop_edge_furniture(lines, blocks, capture.name)
    if not title.known and shown.title_line is not None:
        # a heading over the article (or the first line kept) that the text track reads as
        # its headline, where the markup names none: the headline, out of the body
        title = shown.title
        k = shown.title_line
        lines[k] = Line(lines[k].number, lines[k].text, "title", SHOWN_HEADLINE_RULE)
    if not title.known:
        title = spoken_title_fact(page_title, outlet.value, article, page_site.value)
    if repeats_headline(outlet.value, title.value or page_title):
        # the page's <title> taken for the site's name: no site's name given
        outlet = UNKNOWN
    if not outlet.known:
        # where the markup names none, the site the page's own copyright line names
        outlet = page_site
    blocks_out = tuple(
        Block("subhead" if ln.kind == "subhead" else "paragraph", ln.text, ln.number)
        for ln in lines
        if ln.kind in BODY_KINDS
    )
    authors = authors_fact(tags, ld, fields, (outlet.value, page_site.value))
    if authors.source == TRAFILATURA_AUTHOR:
        # (trafilatura's guess from the page's text: only the names that read as a person's,
        # and not a photographer's, named on the page by a photo's credit alone)
        guessed = [name for name in guessed_persons(authors.value or ())
                   if not _credited_only(name, lines)]
        authors = Fact(tuple(map(name_case, guessed)), authors.source) if guessed else UNKNOWN
    published = date_fact(tags, ld)
    metadata = Metadata(
        title=title,
        dek=dek,
        # (where the markup names no author or date: the byline and date line the page shows
        # over the article, taken out of its body, as the text track reads them; the byline
        # before trafilatura's guess from the page's text, "Staff Photo By Kathy Anderson")
        authors=(shown.authors if shown.authors.known and (
            not authors.known or authors.source == TRAFILATURA_AUTHOR) else authors),
        outlet=outlet,
        published=published if published.known else shown.published,
        url=url_fact(tags, ld, fields),
        subheads=tuple(ln.text for ln in lines if ln.kind == "subhead"),
    )
    confidence = agreement(blocks, decision.kept | decision.unsure, decision.both, dropped_prose)
    return Cleaned(
        capture=capture,
        lines=tuple(lines),
        blocks=blocks_out,
        metadata=metadata,
        confidence=confidence,
        dropped_prose=tuple(k + 1 for k in dropped_prose),
        doubt=(f"the two extractors agree on {confidence:.0%} of the page's prose"
               if confidence < 1.0 else ""),
    )
