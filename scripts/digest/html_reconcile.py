"""HTML captures: the page's text blocks, and which of them the article is, by agreement of two
extractors (trafilatura and readability).

Every decision is made on the page's own text blocks (``page_blocks``: one per paragraph,
heading, list item, table row or ``<br>``-separated run of text, in document order, from a
tree without scripts or styles). Each extractor's output is mapped back onto those blocks
(``covered``): a block is covered when its words appear in the output as they stand. The
blocks then become the capture's lines, kept or dropped, so the text an extractor removed is
still in the record, with a stable line number, and ``keep:`` in curation.yaml can restore it.

The reconciliation (``reconcile``), measured on the train ids of the cleaning split (see the
README's Cleaning section for the numbers):

* the span where both extractors agree (first to last block both keep) is the article's core:
  every block trafilatura keeps inside it stays, and a block only readability keeps stays when
  it reads like prose;
* outside that span, trafilatura alone keeps many menus, teasers and comment notices (on the
  train ids a block kept by trafilatura alone outside the span was article text for 5% of its
  words when short, 30-50% when it is prose next to the span, a few % when far from it): such a
  block stays when it reads like prose and sits within ``GAP_WORDS`` words of dropped text from
  the span (or from another block kept that way); otherwise it is dropped and, if it is long
  enough to hold a sentence, listed as dropped prose so the editor sees it; readability's
  prose right above the span (``LEDE_BLOCKS``) is the lede trafilatura left out, and stays;
* both extractors can agree on the wrong text (a footer) when the article sits where neither
  looks: when the page holds far more prose than the article chosen, a third opinion
  (jusText) is asked (``third_opinion``), and its prose kept as unsure when the chosen
  article is too short to be one, or listed as dropped prose beside a real one;
* when the extractors do not agree on the article (no common block, or the common part is small
  next to either output or to trafilatura's prose), readability has probably picked another
  block of prose (a teaser list, comments) and trafilatura's choice is taken alone; when
  trafilatura finds nothing at all, readability's choice is taken rather than no article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# Elements whose text is not page text (or not visible), never read. <head> is read: broken
# pages have their body parsed into it, and its only text element, <title>, is skipped.
_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object"}
    | {"embed", "canvas", "video", "audio", "select", "textarea", "button"}
)
# Elements that start a block of their own; everything else is inline and runs on.
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog"}
    | {"dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"}
    | {"frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main"}
    | {"menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead"}
    | {"tfoot", "tr", "ul", "caption", "legend", "br", "html"}
)
_CELL_TAGS = frozenset({"td", "th"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_WORD_RE = re.compile(r"\w+")
# a sentence end inside a block: . ! ? or … (closing quotes allowed) followed by a space
_SENTENCE_END_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s")
_PROSE_END = tuple(".!?\"')\u2026:\u201d\u2019")

#: a block with fewer words than this is matched to an extractor's output only next to a
#: block matched before or after it (short texts such as "Home" occur anywhere)
ANCHOR_WORDS = 6
#: prose: at least this many words, ending like a sentence ...
PROSE_WORDS = 10
#: ... or, for a long block whose end is cut (a trailing link), this many words and two
#: sentence ends inside
LONG_PROSE_WORDS = 30
#: words of text dropped by both extractors that end a run of prose kept beside the core
#: (tuned on the train ids: 20 gave F1 0.951 against 0.955 with 0 and 0.950 with 40, and
#: keeps more of the article's own prose next to the core: the recall-first choice)
GAP_WORDS = 20
#: Above the span, readability's prose that trafilatura left out is the article's lede when at
#: most this many blocks stand between it and the kept text (a dateline, a byline) and it is
#: no heading (``_may_be_lede``): on the train ids, 19 such blocks are lines of their truth,
#: most of them right above the kept text, and none is not (a royal notice's heading and a
#: wiki's navigation note were, before ``_may_be_lede``; one heading it turns away, two blocks
#: above, is a lede); the photo captions readability keeps stand four blocks
#: away or more (3 on the train ids). Under the span readability keeps comments and notices as
#: often as article text (13 blocks of truth, 14 not): nothing is added there.
LEDE_BLOCKS = 1
#: the extractors agree when their common blocks hold at least this share of the words of
#: the smaller output and of trafilatura's prose
AGREEMENT = 0.3
#: a third opinion (jusText) is asked when the page's prose outside the chosen article is
#: more than this many times the article's prose, and heard when the prose it keeps outside
#: the article is (tuned on the train ids: 2 recovers the one train page that lost its whole
#: article; 1 and 1.5 fire on more pages and cost precision on pages with long comments)
THIRD_RATIO = 2.0
#: an empty in-page anchor whose name or id says "comments" (``<a name="comments"></a>``, the
#: target of a page's "N comments" link) starts the reader comments: a CMS convention, not a
#: site's; on the train ids no word of the text after such an anchor, below the article, was
#: the article's (54 pages hold one; 3,776 words kept before, 0 of them article text)
COMMENTS_ANCHOR_RE = re.compile(r"comment|yoursay|talkback", re.IGNORECASE)
#: ... once the article has begun: this many words of kept prose above the anchor (a "jump to
#: the comments" anchor at the top of the page, or in a sidebar before the article, is not the
#: article's end; 20 and 100 gave the same pages on train)
COMMENTS_MIN_PROSE = 50
#: an article holding fewer prose words than this is not a news article: the extractors
#: chose a footer or a caption. The third opinion's prose is then kept, as ``unsure``;
#: beside a longer article it is only reported as dropped prose (on the train ids, what
#: jusText finds beside a real article is often a comment thread twice its length)
SHORT_ARTICLE = 100


@dataclass(frozen=True)
class PageBlock:
    """A block of the page's visible text, in document order."""

    text: str
    tag: str  # the block element it belongs to ("p", "li", "h2", "tr", ...)
    #: the block comes after an empty anchor named for the comments (COMMENTS_ANCHOR_RE)
    after_comments_anchor: bool = False
    #: the words of the class and id attributes and the tag names of the elements it sits in,
    #: outermost first (lower case): where the page's markup says what the block is
    context: tuple[str, ...] = ()
    #: the block elements it sits in, each by its place in document order, outermost first:
    #: two blocks under the same element share that element's number
    path: tuple[int, ...] = ()

    @property
    def heading(self) -> bool:
        return self.tag in HEADING_TAGS


def page_blocks(root: Any) -> list[PageBlock]:
    """The visible text of an lxml HTML tree as blocks, in document order.

    Text under script, style, template and the like is never read. Cells of a table row run
    on in one block, separated by " | "; a cell holding blocks of its own yields those."""
    blocks: list[PageBlock] = []
    buf: list[str] = []
    current = ["html"]
    # index of the first block after an empty comments anchor (the block under way when the
    # anchor comes, if it has text already, is not after it)
    comments_from: list[int | None] = [None]
    # the context words of the open elements, one entry an element, and their numbers
    stack: list[tuple[str, ...]] = []
    path: list[int] = []
    opened = [0]  # block elements opened so far

    def flush() -> None:
        text = " ".join("".join(buf).split())
        buf.clear()
        if text:
            after = comments_from[0] is not None and len(blocks) >= comments_from[0]
            context = tuple(w for entry in stack for w in entry)
            blocks.append(PageBlock(text, current[0], after, context, tuple(path)))

    def walk(el: Any, parent_block: str) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in _SKIP_TAGS:  # comments, processing instructions, scripts
            buf.append(el.tail or "")
            return
        if comments_from[0] is None and _is_comments_anchor(el, tag):
            comments_from[0] = len(blocks) + bool("".join(buf).strip())
        is_block = tag in _BLOCK_TAGS
        if is_block:
            flush()
            current[0] = tag
        elif tag in _CELL_TAGS and "".join(buf).strip():
            buf.append(" | ")
        if is_block:
            stack.append(_context_words(el, tag))
            opened[0] += 1
            path.append(opened[0])
        buf.append(el.text or "")
        for child in el:
            walk(child, tag if is_block else parent_block)
        if is_block:
            flush()
            current[0] = parent_block
            stack.pop()
            path.pop()
        buf.append(el.tail or "")

    walk(root, "html")
    flush()
    return blocks


_ATTR_WORD_RE = re.compile(r"[a-z]+")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _context_words(el: Any, tag: str) -> tuple[str, ...]:
    """A block element's tag name and the words of its class and id (``post-comments`` gives
    "post", "comments"; letters only, lower case)."""
    attrs = _CAMEL_RE.sub(" ", f"{el.get('class') or ''} {el.get('id') or ''}")
    return (tag, *_ATTR_WORD_RE.findall(attrs.lower()))


def _is_comments_anchor(el: Any, tag: str) -> bool:
    """An empty ``<a name=...>`` or ``<a id=...>`` named for the comments."""
    if tag != "a":
        return False
    name = el.get("name") or el.get("id") or ""
    return bool(COMMENTS_ANCHOR_RE.search(name)) and not "".join(el.itertext()).strip()


def comments_start(blocks: Sequence[PageBlock], kept: Iterable[int]) -> int | None:
    """The first block of the reader comments below the article: the first block after the
    page's empty comments anchor, when COMMENTS_MIN_PROSE words of the kept prose stand above
    the anchor (None when the page has no such anchor, or has it above its article)."""
    start = next((k for k, b in enumerate(blocks) if b.after_comments_anchor), None)
    if start is None:
        return None
    prose = sum(len(words(blocks[k].text)) for k in kept if k < start and is_prose(blocks[k].text))
    return start if prose >= COMMENTS_MIN_PROSE else None


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _joined(ws: Sequence[str]) -> str:
    # words joined by a separator that cannot occur in a word, with one at each end, so that
    # str.find matches whole words only
    return "\x1f" + "\x1f".join(ws) + "\x1f"


def covered(blocks: Sequence[PageBlock], output: str) -> frozenset[int]:
    """Indexes of the blocks whose words appear, word for word, in an extractor's output.

    A block of ANCHOR_WORDS words or more is found anywhere (each stretch of the output is
    used once); a shorter one only right after or right before a block already found, so that
    "Home" or "Share" is not matched inside a paragraph."""
    out = _joined(words(output))
    keys = [(_joined(words(b.text)), len(words(b.text))) for b in blocks]
    found: dict[int, tuple[int, int]] = {}
    used: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < u_end and end > u_start for u_start, u_end in used)

    for k, (key, n) in enumerate(keys):
        if n < ANCHOR_WORDS:
            continue
        start = out.find(key)
        while start >= 0 and not free(start, start + len(key) - 1):
            start = out.find(key, start + 1)
        if start >= 0:
            found[k] = (start, start + len(key) - 1)
            used.append(found[k])
    changed = True
    while changed:
        changed = False
        for k, (key, n) in enumerate(keys):
            if k in found or n == 0 or n >= ANCHOR_WORDS:
                continue
            before = k - 1
            while before >= 0 and keys[before][1] == 0:
                before -= 1
            after = k + 1
            while after < len(keys) and keys[after][1] == 0:
                after += 1
            positions = []
            if before < 0:
                positions.append(0)
            elif before in found:
                positions.append(found[before][1])
            if after < len(keys) and after in found:
                positions.append(found[after][0] - len(key) + 1)
            for pos in positions:
                end = pos + len(key) - 1
                if pos >= 0 and out.startswith(key, pos) and free(pos, end):
                    found[k] = (pos, end)
                    used.append(found[k])
                    changed = True
                    break
    return frozenset(found)


def is_prose(text: str) -> bool:
    """Reads like a sentence or more of running text (not a menu item, label or teaser)."""
    n = len(words(text))
    if n < PROSE_WORDS:
        return False
    end = text.rstrip().endswith(_PROSE_END)
    return end or (n >= LONG_PROSE_WORDS and len(_SENTENCE_END_RE.findall(text)) >= 2)


@dataclass(frozen=True)
class Decision:
    """Which blocks are the article, and how sure the reconciliation is."""

    kept: frozenset[int]
    both: frozenset[int]  # blocks both extractors kept
    disputed: frozenset[int]  # dropped blocks that one extractor kept
    dropped_prose: tuple[int, ...]  # dropped blocks an extractor kept, of PROSE_WORDS words or more
    method: str  # "agreement", "trafilatura" (they disagreed) or "readability" (only it found text)
    agreement: float  # words both kept / (words kept + words of dropped_prose)
    #: prose a third opinion found where the article chosen was too short to be one: kept
    #: (published) but marked unsure, for the editor to check
    unsure: frozenset[int] = frozenset()
    #: blocks an extractor kept below the article, in its reader comments (comments_start):
    #: dropped, and not listed as dropped prose (a thread is not text the article lost)
    comments: frozenset[int] = frozenset()
    #: prose neither extractor kept, between two kept paragraphs (between_prose): kept
    between: frozenset[int] = frozenset()
    #: prose only readability kept, right above the agreed text (LEDE_BLOCKS): kept, the lede
    #: or a standfirst (html_extract reads a standfirst that shows the description as the dek)
    lede: frozenset[int] = frozenset()


def between_prose(
    blocks: Sequence[PageBlock], prose: Sequence[bool], kept: frozenset[int]
) -> frozenset[int]:
    """Paragraphs of prose that neither extractor kept, standing between two kept paragraphs
    of prose with nothing but short labels between them ("Advertisement:", a credit: blocks of
    fewer than PROSE_WORDS words that are not prose): a paragraph the extractors skipped in the
    middle of the article (a class or a layout they score down). On the train ids: 8 more
    sentences on 4 pages, precision unchanged (0.943)."""
    add: set[int] = set()
    label = [not prose[k] and len(words(b.text)) < PROSE_WORDS for k, b in enumerate(blocks)]
    for k in range(len(blocks)):
        if k in kept or not prose[k]:
            continue
        sides = []
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(blocks) and label[j]:
                j += step
            sides.append(0 <= j < len(blocks) and j in kept and prose[j])
        if all(sides):
            add.add(k)
    return frozenset(add)


def _may_be_lede(block: PageBlock) -> bool:
    """A block readability alone keeps above the agreed text can be the article's lede: no
    heading (a title or a teaser's, html_extract reads headings above the text as the
    headline's candidates) and in no element named for navigation (a wiki's "For ..., see ..."
    note)."""
    return not block.heading and "navigation" not in block.context


def reconcile(
    blocks: Sequence[PageBlock], by_trafilatura: Iterable[int], by_readability: Iterable[int],
    by_third: Callable[[], Iterable[int]] | None = None,
) -> Decision:
    """The article's blocks from the two extractors' choices (see the module docstring);
    ``by_third`` gives a third extractor's blocks, asked only when the article chosen is
    short next to the page's other prose (see ``third_opinion``)."""
    traf, read = frozenset(by_trafilatura), frozenset(by_readability)
    both = traf & read
    n_words = [len(words(b.text)) for b in blocks]
    prose = [is_prose(b.text) for b in blocks]

    def size(ks: Iterable[int]) -> int:
        return sum(n_words[k] for k in ks)

    agree = bool(both) and size(both) >= AGREEMENT * max(
        min(size(traf), size(read)), size(k for k in traf if prose[k])
    )
    lede: set[int] = set()
    if agree:
        lo, hi = min(both), max(both)
        kept = {k for k in traf if lo <= k <= hi}
        kept |= {k for k in read - traf if lo <= k <= hi and prose[k]}
        for step, edge in ((1, hi), (-1, lo)):
            gap = skipped = 0
            k = edge + step
            while 0 <= k < len(blocks):
                if prose[k] and (k in traf or (step < 0 and k in read
                                               and skipped <= LEDE_BLOCKS
                                               and _may_be_lede(blocks[k]))):
                    kept.add(k)
                    if k not in traf:
                        lede.add(k)
                    gap = skipped = 0
                elif k not in traf:
                    gap += n_words[k]
                    skipped += 1
                    if gap >= GAP_WORDS:
                        break
                else:
                    skipped += 1
                k += step
        method = "agreement"
    elif traf:
        kept = set(traf)
        method = "trafilatura"
    else:  # trafilatura found nothing: readability's choice rather than an empty article
        kept = set(read)
        method = "readability"
    start = comments_start(blocks, kept)
    comments = frozenset(k for k in traf | read if start is not None and k >= start)
    kept -= comments
    between = between_prose(blocks, prose, frozenset(kept))
    kept |= between
    unsure, reported = third_opinion(blocks, frozenset(kept), by_third, start)
    disputed = (traf | read | reported) - kept - unsure - comments
    # what an extractor kept and the reconciliation dropped, long enough to hold a sentence:
    # where the editor looks first when the article seems short
    dropped = tuple(sorted(k for k in disputed if n_words[k] >= PROSE_WORDS))
    return Decision(
        kept=frozenset(kept),
        both=both,
        disputed=disputed,
        dropped_prose=dropped,
        method=method,
        agreement=agreement(blocks, frozenset(kept | unsure), both, dropped),
        unsure=unsure,
        comments=comments,
        between=between,
        lede=frozenset(lede - comments),
    )


def third_opinion(
    blocks: Sequence[PageBlock], kept: frozenset[int],
    by_third: Callable[[], Iterable[int]] | None, comments: int | None = None,
) -> tuple[frozenset[int], frozenset[int]]:
    """(blocks to keep as unsure, blocks to report as dropped prose) from a third extractor.

    Both extractors can agree on the wrong block (a footer, a caption) when the article sits
    where neither looks (table cells of an old layout): the page then loses its article. The
    third opinion is asked only when the page holds more than THIRD_RATIO times the chosen
    article's prose elsewhere (so most pages never pay for it), and heard when the prose it
    keeps outside the article is that large too: kept when the article chosen is shorter
    than SHORT_ARTICLE prose words, else listed as dropped prose (the editor's warning).
    Blocks from ``comments`` on (the reader comments' first block) are never its prose."""
    if by_third is None:
        return frozenset(), frozenset()
    end = len(blocks) if comments is None else comments
    prose_words = [len(words(b.text)) if k < end and is_prose(b.text) else 0
                   for k, b in enumerate(blocks)]
    inside = sum(prose_words[k] for k in kept)
    outside = sum(prose_words) - inside
    if outside <= THIRD_RATIO * inside:
        return frozenset(), frozenset()
    extra = frozenset(k for k in by_third() if k not in kept and prose_words[k])
    if sum(prose_words[k] for k in extra) <= THIRD_RATIO * inside:
        return frozenset(), frozenset()
    if inside < SHORT_ARTICLE:
        return extra, frozenset()
    return frozenset(), extra


def agreement(
    blocks: Sequence[PageBlock], kept: frozenset[int], both: frozenset[int],
    dropped_prose: Iterable[int],
) -> float:
    """How sure the reconciliation is: the words kept that both extractors chose, over the
    words kept plus those of the dropped prose (0.0 when nothing is kept)."""

    def size(ks: Iterable[int]) -> int:
        return sum(len(words(blocks[k].text)) for k in ks)

    total = size(kept) + size(dropped_prose)
    return round(size(kept & both) / total, 3) if total else 0.0

