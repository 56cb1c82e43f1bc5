"""Stage 3, extract: which line of a text capture is the headline, and which the dek.

A pass over the classified lines (``cleaning.py`` has already found the article body): the
headline is looked for among the lines above the first paragraph, and chosen on evidence, not
position alone. A page's header is crowded with lines shaped like headlines: share prompts
("Show more sharing options"), sign-up prompts, photo captions, breadcrumbs, section and site
names, author names, league-table rows, teaser headlines of other stories. So:

1. every line above the body (up to WINDOW lines of text) is a candidate unless a rule rejects
   it; each rejection has a name (``ui``, ``prompt``, ``site``, ``caption``, ``separator``,
   ``date``, ``name``, ``caps-label``, ``numbers``, ``list-item``, ``shape``; and, once its
   words are compared with the article's, ``off-topic`` or ``short``), reported in
   ``Headline.rejected``;
2. a candidate is scored on evidence: the share of its content words that the article's
   opening paragraphs repeat (a headline announces what the lede says; a share prompt, a
   section name or another story's teaser shares nothing with it), the share the whole body
   repeats, whether the page shows the line twice (breadcrumb and heading), a byline or
   dateline right under it (the article's header block), and how close it stands above the
   body; a headline right above a longer line on the same subject is the headline of that
   standfirst;
3. the best candidate is the headline only when its evidence clears MIN_SCORE; otherwise there
   is no headline ("no headline found": the editor supplies one, the safe failure, where a wrong
   headline would be published silently).

The dek is the dek-sized line between the headline and the body, unless it is a caption (a
photo credit on it or on the line under it, caption cues such as "pictured"), a byline or a
date stamp. Weights and thresholds were tuned on the ``train`` ids of
scripts/cleaning-split.json only (README, "Cleaning").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest import rules as R
from digest.model import Line

# How many lines of text above the first paragraph are searched. The headline is 1-10 lines of
# text above it on nine pages in ten of the training split; a header with a dek, a byline, a
# date, a caption and a share bar can push it to twenty.
WINDOW = 24

# The article's opening: its first this many words of body text. A headline's words are the
# lede's words ("Council funds library" / "The council agreed on Tuesday to fund...").
LEDE_WORDS = 120

# A headline has 2 to TITLE_MAX_WORDS words; with 3 or fewer it must be shown twice on the page
# or be all in the lede (a two-word line is usually a label, a name or a section).
SHORT_TITLE_WORDS = 3

# A standfirst (dek) has at least this many words (and at most twice TITLE_MAX_WORDS).
DEK_MIN_WORDS = 8

# ...and when it is the article's (this share of its words in the body), its words count as
# the article's too: a headline's words can be in the standfirst right under it only.
STANDFIRST_SHARE = 0.3

# Evidence weights (tuned on the training split only; see README "Cleaning"):
W_LEDE = 2.0  # share of the line's content words found in the lede
W_BODY = 1.0  # share found anywhere in the body
W_REPEAT = 0.6  # the page shows the line again (page heading and breadcrumb, print title)
W_NEAR = 0.8  # standing right above the body (fades over NEAR_LINES lines of text)
NEAR_LINES = 12
# The article's header block: a byline or a dateline within HEADER_LINES lines of text under it.
W_HEADER = 1.0
HEADER_LINES = 3
# The score a headline needs. Below it the capture gets no headline.
MIN_SCORE = 2.2
# And at least this share of its content words must come back in the body: a line that shares
# nothing with the article is not its headline, however close it stands.
MIN_BODY_SHARE = 0.5
# Right above a byline or dateline (the article's header block), less of it must.
HEADER_MIN_BODY_SHARE = 0.5
HEADER_MIN_SHARED = 1
# ...and at least this many of them: one shared word ("Get A Blog!" on a blog) is chance.
MIN_SHARED_WORDS = 2

# What a headline never is: interface text. Multi-word prompts and labels of share bars,
# sign-up boxes, comment counters, print views and page tools (matched anywhere in the line).
_UI_RE = re.compile(
    r"\b(?:share\s+(?:this|on|via|to|with|the|your|story|article)|sharing\s+options"
    r"|sign\s*(?:up|in)|log\s*(?:in|out)|create\s+an\s+account|subscribe|newsletters?"
    r"|copy\s+link|link\s+copied|url\s*copied|permalink|posted\s+in|filed\s+under"
    r"|print(?:er)?[\s-]+(?:friendly|mode|this|story|article|page|version|edition)"
    r"|(?:view|download)\s+(?:pdf|as\s+pdf|print)|e-?mail\s+(?:this|to|a\s+friend|story|us)"
    r"|follow\s+(?:us|me|on)|like\s+us|click\s+(?:here|to|for)|read\s+more|show\s+more"
    r"|view\s+(?:more|all|comments|pics|gallery|photos)|see\s+(?:more|all)"
    r"|\d+\s+comments?|comments?\s*\(\d*\)|leave\s+a\s+(?:comment|reply)|add\s+comment"
    r"|flag\s+as|report\s+(?:abuse|this)|got\s+a\s+(?:news\s+)?tip|you\s+are\s+here"
    r"|powered\s+by|advertis(?:e|ement|ing)\b|sponsored|skip\s+to|back\s+to\s+top"
    r"|go\s+to\s+\w+\s+news|previous\s+(?:post|article|story|page)|next\s+(?:post|article|story|page)"
    r"|related\s+(?:articles?|stories|posts?|content)|most\s+(?:popular|read|viewed|shared)"
    r"|e-edition|terms\s+of\s+(?:use|service)|privacy\s+policy|all\s+rights\s+reserved)",
    re.IGNORECASE,
)

# Words of page tools and social networks: a line made mostly of them is a button row.
_UI_WORDS: frozenset[str] = frozenset(
    str.split("""share sharing tweet email e mail print pin save copy link facebook twitter linkedin
    pinterest whatsapp reddit telegram flipboard messenger instagram youtube rss feed google
    comments comment reply menu search home login register subscribe close options more next
    previous prev back top view gallery photos video videos watch listen audio podcast apps
    app edition sections section news follow like tumblr digg delicious stumbleupon on via
    to the this of all and""")
)

# A short line that speaks to the reader and ends in "!" is a prompt, not a headline.
_READER_RE = re.compile(r"\b(?:[Yy]ou|[Yy]our|us|[Pp]remium)\b")

# A site's name: a domain ("PHP.SYS-CON.com") or a short "... Blog" / "... Journal" label.
_SITE_RE = re.compile(
    r"\w\.(?:com|net|org|co\.\w\w|com\.\w\w|info|biz)\b"
    r"|^(?:\S+\s+){0,3}(?:blog|weblog|journal)$",
    re.IGNORECASE,
)

# The cleaner's line rules that mark page furniture, except the glued-teaser one: a headline
# is short, and in a short line its pattern is a brand name in CamelCase ("WordPress Market").
_UI_LINE_RULES = tuple(rule for rule in R.LINE_RULES if rule.name != "glued-teaser")

# A line cut up by separators is a breadcrumb, a menu or a "Title | Site" label, not the
# headline as the page prints it.
_SEPARATOR_RE = re.compile(r"[|›•│┃]|\s[>/»]\s|\s-\s.*\s-\s|^[^«]*»")

# A number standing as a word (a score, a count, a version: "9-1", "4.9.3", "$5.3", "27-12)").
_NUMBER_RE = re.compile(r"^\W*\d[\d.,:/-]*\W*$")

# A clock time or a full date: a dateline, an "Originally posted ..." stamp, a teaser's date.
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")

# A photo credit: "Jane Doe/Getty", "(Jacquelyn Martin / Associated Press)", "Photo: AFP",
# "STEVE RUSSELL/TORONTO STAR", "Amy K. Dragoo/AIMMEDIA". A slash between a name and an agency
# ends the line; an agency alone ("Tom Davies Associated Press") is also how bylines end, so it
# marks a caption only on the caption's own line.
_SLASH_CREDIT_RE = re.compile(r"[A-Za-z.]\s?/\s?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*\s*\)?\s*$")
_CREDIT_RE = re.compile(
    r"^\(.*(?:photo|image|press|getty|reuters|afp|\bap\b|/).*\)$"
    r"|^(?:photo|image|picture|credit|illustration)s?\b\s*(?:by|credit)?\s*[:|/©]"
    r"|©|\bphoto(?:graph)?\s+(?:by|credit|courtesy)\b|\bcourtesy\s+of\b",
    re.IGNORECASE,
)
_AGENCY_END_RE = re.compile(
    r"\b(?:getty(?:\s+images)?|shutterstock|istock\w*|reuters|afp|associated\s+press|ap\s+photo"
    r"|epa|xinhua|file\s+photo)\b\W*$",
    re.IGNORECASE,
)


# A person's name (or two): what bylines and author boxes print without "By".
_NAME_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\.?\s+){0,3}[A-Z][\w'’-]+"
    r"(?:\s*(?:,|and|&)\s*(?:[A-Z][\w'’.-]*\.?\s+){0,3}[A-Z][\w'’-]+)*$"
)


@dataclass(frozen=True)
class Headline:
    """The header the capture states: indexes into the lines given to :func:`choose`."""

    title: int | None  # the headline's line, or None ("no headline found")
    dek: int | None
    score: float  # the chosen headline's evidence (0.0 when none)
    why: str  # how it was chosen, or why none was
    # candidates turned away and the rule that did: (index, rule)
    rejected: tuple[tuple[int, str], ...] = ()
    # candidates that passed the rules, with their evidence: (index, score)
    scored: tuple[tuple[int, float], ...] = ()


@functools.lru_cache(maxsize=1 << 16)  # the same words come back from capture to capture
def _stem(word: str) -> str:
    # plural and possessive forms name the same thing ("Bombers"/"bomber's")
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry its subject: lower-cased, stemmed, no stopwords or
    bare numbers."""
    # distinct words first: a body repeats its words, and stemming is the costly part
    return {
        _stem(w)
        for w in set(R.WORD_RE.findall(text.lower()))
        if len(w) > 1 and w not in R.STOPWORDS and not w.isdigit()
    }


def is_credit(text: str, *, agency: bool = True) -> bool:
    """A photo credit (or a caption ending in one); with ``agency``, a line ending in a news
    or photo agency's name counts too."""
    return bool(
        _SLASH_CREDIT_RE.search(text)
        or _CREDIT_RE.search(text)
        or (agency and _AGENCY_END_RE.search(text))
    )


def is_caption(text: str) -> bool:
    """A photo caption or credit ("Xi Jinping, left, ...", "... (AP Photo/...)")."""
    return is_credit(text) or bool(_CAPTION_CUE_RE.search(text))


def is_interface(text: str) -> bool:
    """Text of the page's interface: share and sign-up prompts, buttons, section openers."""
    words = [w.lower() for w in R.WORD_RE.findall(text)]
    return bool(
        _UI_RE.search(text)
        or R.END_PROMPT_RE.match(text)
        or R.END_BOUNDARY_RE.match(text)
        or (words and sum(w in _UI_WORDS for w in words) * 2 > len(words))
        or any(rule.pattern.search(text) for rule in _UI_LINE_RULES)
    )


def reject_reason(text: str) -> str | None:
    """Why ``text`` cannot be a headline (the rule's name), or None."""
    words = R.WORD_RE.findall(text)
    if not 2 <= len(words) <= R.TITLE_MAX_WORDS or not R.HEADING_RE.match(text):
        return "shape"
    if text.endswith((".", ",", ";", ":", "…")) and not text.endswith("..."):
        return "shape"  # a sentence, a label introducing a list, a cut teaser
    if text.endswith("...") or "\t" in text or R.URL_LINE_RE.match(text):
        return "shape"
    if R.SECTION_MARK_RE.match(text):
        return "list-item"  # "5. Title" of a numbered breadcrumb or list, "Q: ..."
    if _UI_RE.search(text) or R.END_PROMPT_RE.match(text) or R.END_BOUNDARY_RE.match(text):
        return "ui"
    lower = [w.lower() for w in words]
    if sum(w in _UI_WORDS for w in lower) * 2 > len(lower) or any(
        rule.pattern.search(text) for rule in _UI_LINE_RULES
    ):
        return "ui"
    if R.is_legal_notice(text) or (
        text.endswith("!") and _READER_RE.search(text) and len(words) <= 8
    ):
        return "prompt"  # a notice, or a short call to the reader ("Tell us what you think!")
    if _SITE_RE.search(text):
        return "site"
    if _SEPARATOR_RE.search(text):
        return "separator"
    if (
        R.DATELINE_RE.match(text)
        or R.BYLINE_RE.match(text)
        or _TIME_RE.search(text)
        or _full_date(text)
    ):
        return "date"
    if is_credit(text) or _CAPTION_CUE_RE.search(text):
        return "caption"
    tokens = text.split()
    if sum(bool(_NUMBER_RE.match(t)) for t in tokens) * 3 >= len(tokens):
        return "numbers"  # a table row or a score line ("Doncaster Rovers 1 Carlisle United 0")
    if text.isupper() and len(words) <= 6:
        return "caps-label"  # section names and labels in capitals ("GROWING A BUSINESS")
    if len(words) <= 6 and _NAME_RE.match(text) and not any(ch in text for ch in "?!:'’\""):
        # "Katie J.M. Baker", "Scott Roxborough and Gregg Goldstein": who wrote it; a title in
        # capitals word by word this short is kept only with a verb-like lower-case word
        return "name"
    return None


def _full_date(text: str) -> bool:
    from digest.metadata import parse_date  # metadata imports this module

    return parse_date(text) is not None


def _standfirst(line: Line, pos: int, texts: list[int], lines: Sequence[Line]) -> bool:
    """A dek-sized line of text that is no caption, prompt or date."""
    words = len(R.WORD_RE.findall(line.text))
    return (
        DEK_MIN_WORDS <= words <= 2 * R.TITLE_MAX_WORDS
        and line.kind not in ("byline", "dateline", "caption")
        and reject_reason(line.text) in (None, "shape")
        and not _is_caption(lines, pos, texts)
    )


def _header_line(line: Line) -> bool:
    """A byline or a dateline: the lines that close an article's header."""
    if line.kind in ("byline", "dateline"):
        return True
    return bool(R.BYLINE_RE.match(line.text) or (
        R.DATELINE_RE.match(line.text) and len(line.text) <= 80))


def _is_caption(lines: Sequence[Line], pos: int, texts: list[int]) -> bool:
    """The line at ``texts[pos]`` is a caption: the cleaner says so, it ends in a photo credit,
    or the line under it is a credit."""
    line = lines[texts[pos]]
    if line.kind == "caption" or is_credit(line.text):
        return True
    if pos + 1 < len(texts):
        nxt = lines[texts[pos + 1]]
        if _header_line(nxt):
            return False  # "Monday, 11.05.2012 / 12:04 AM / News" is a dateline, not a credit
        return is_credit(nxt.text, agency=False) and len(R.WORD_RE.findall(nxt.text)) <= 12
    return False


def choose(lines: Sequence[Line]) -> Headline:
    """The headline and dek among ``lines`` (a capture's classified lines), on evidence."""
    body = [i for i, ln in enumerate(lines) if ln.kind == "body"]
    if not body:
        return Headline(None, None, 0.0, "no article body")
    first = body[0]
    lede_lines = []
    n = 0
    for i in body:
        if n >= LEDE_WORDS:
            break
        lede_lines.append(lines[i].text)
        n += len(R.WORD_RE.findall(lines[i].text))
    lede = content_words("\n".join(lede_lines))
    body_words = content_words("\n".join(lines[i].text for i in body))
    texts = [i for i in range(first) if lines[i].text]
    window = texts[-WINDOW:]
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.text:
            counts[ln.text] = counts.get(ln.text, 0) + 1
    best: tuple[float, int] | None = None
    rejected: list[tuple[int, str]] = []
    scored: list[tuple[int, float]] = []
    passed: dict[int, int] = {}  # candidates that passed -> their word count
    # a standfirst right under a line is part of the article that line announces
    below: list[set[str]] = [set() for _ in window]
    for pos in range(len(window) - 1):
        if _standfirst(lines[window[pos + 1]], pos + 1, window, lines):
            under = content_words(lines[window[pos + 1]].text)
            if under and len(under & body_words) >= STANDFIRST_SHARE * len(under):
                below[pos] = under
    for pos, i in enumerate(window):
        line = lines[i]
        if line.kind in ("byline", "dateline", "caption"):
            continue
        why = reject_reason(line.text)
        if why is None and _is_caption(lines, pos, window):
            why = "caption"
        if why is None:
            words = content_words(line.text)
            if not words:
                why = "shape"
        if why is not None:
            rejected.append((i, why))
            continue
        lede_share = len(words & (lede | below[pos])) / len(words)
        body_share = len(words & (body_words | below[pos])) / len(words)
        repeated = counts[line.text] > 1 or any(
            ln.text != line.text and ln.text.endswith(line.text) for ln in lines[:first]
        )
        header = any(_header_line(lines[j]) for j in window[pos + 1 : pos + 1 + HEADER_LINES])
        min_share, min_shared = (
            (HEADER_MIN_BODY_SHARE, HEADER_MIN_SHARED) if header
            else (MIN_BODY_SHARE, MIN_SHARED_WORDS)
        )
        if body_share < min_share or len(words & (body_words | below[pos])) < min_shared:
            rejected.append((i, "off-topic"))
            continue
        if len(R.WORD_RE.findall(line.text)) <= SHORT_TITLE_WORDS and not (
            repeated or lede_share == 1.0
        ):
            rejected.append((i, "short"))
            continue
        above = len(window) - pos - 1  # lines of text between it and the body
        near = max(0.0, 1.0 - above / NEAR_LINES)
        score = (W_LEDE * lede_share + W_BODY * body_share + W_REPEAT * repeated + W_NEAR * near
                 + W_HEADER * header)
        scored.append((i, round(score, 3)))
        passed[i] = len(R.WORD_RE.findall(line.text))
        if best is None or score > best[0]:
            best = (score, i)
    if best is None or best[0] < MIN_SCORE:
        why = "no headline found: no line above the article shares its subject"
        if best is not None:
            why = f"no headline found: best evidence {best[0]:.2f} < {MIN_SCORE}"
        return Headline(None, None, 0.0, why, tuple(rejected), tuple(scored))
    score, title = best
    # a headline right above a longer line on the same subject: that one is the standfirst
    pos = window.index(title)
    if pos > 0 and window[pos - 1] in passed and passed[window[pos - 1]] < passed[title]:
        title = window[pos - 1]
    dek = _dek(lines, title, first)
    return Headline(title, dek, score, f"evidence {score:.2f}", tuple(rejected), tuple(scored))


def _dek(lines: Sequence[Line], title: int, first: int) -> int | None:
    """The standfirst: the first dek-sized line between the headline and the body, not a
    caption (a dek is never a photo's caption)."""
    texts = [i for i in range(title + 1, first + 1) if lines[i].text]
    for pos, i in enumerate(texts):
        line = lines[i]
        if i == first or line.kind in ("byline", "dateline"):
            continue
        words = len(R.WORD_RE.findall(line.text))
        if words < DEK_MIN_WORDS:
            continue
        if _is_caption(lines, pos, texts) or words > 2 * R.TITLE_MAX_WORDS:
            return None
        if not dek_text(line.text):
            return None
        return i
    return None


# What a photo caption says and a standfirst does not: "pictured", "this image", "(left)".
_CAPTION_CUE_RE = re.compile(
    r"\b(?:pictured|photographed|seen\s+here|(?:is|are)\s+seen|(?:took|in)\s+this\s+"
    r"(?:image|photo|picture)|poses?\s+(?:for|with|during)|from\s+left|file\s+photo)\b"
    r"|\((?:left|right|center|centre|l|r|c|above|below)\)|,\s+(?:left|right|center|centre),"
    r"|^(?:above|below|top|pictured|inset|main\s+picture)\s*:",
    re.IGNORECASE,
)
# A byline or label inside the line: "Analysis by Chris Cillizza", "Tested by: John Milbank".
_BY_RE = re.compile(r"^(?:\S+\s+){0,2}by:?\s+[A-Z]|^(?:posted|updated|published)\b", re.IGNORECASE)


def date_stamp(text: str) -> bool:
    """A byline or label that carries the date ("by jdoe on Aug 8, 2012", "Posted: ...")."""
    return bool(_BY_RE.search(text) or R.DATE_LABEL_RE.match(text) or R.DATELINE_RE.match(text))


def dek_text(text: str) -> bool:
    """Whether ``text`` can be a standfirst: not a caption, a byline, a date stamp or
    interface text."""
    return not (
        _CAPTION_CUE_RE.search(text)
        or _BY_RE.search(text)
        or _TIME_RE.search(text)
        or R.DATELINE_RE.match(text)
        or is_interface(text)
        or is_credit(text)
        or _SEPARATOR_RE.search(text)
    )
