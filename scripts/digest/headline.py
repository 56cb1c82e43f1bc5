"""Stage 3, extract: which line of a text capture is the headline, and which the dek.

A pass over the classified lines (``cleaning.py`` has already found the article body): the
headline is looked for among the lines above the first paragraph, and chosen on evidence, not
position alone. A page's header is crowded with lines shaped like headlines: share prompts
("Show more sharing options"), sign-up prompts, photo captions, breadcrumbs, section and site
names, author names, league-table rows, teaser headlines of other stories. So:

1. every line above the article's first paragraph (up to WINDOW lines of text; the cleaner's
   body can open with a caption or the headline itself) is a candidate unless a rule rejects
   it; each rejection has a name (``ui``, ``prompt``, ``site``, ``caption``, ``separator``,
   ``date``, ``name``, ``caps-label``, ``numbers``, ``list-item``, ``shape``; and, once its
   words are compared with the article's, ``off-topic`` or ``short``), reported in
   ``Headline.rejected``; a candidate its neighbours show to be something else is scored like
   any other but never picked (``Candidates.vetoed``, reported with the rejected): ``comment``
   for a reader's comment (a "Reply" button under it, or a comment's time stamp over it in a
   thread), ``teaser`` for one of a list of teasers with counters ("7 comments" under each),
   ``caption`` for a caption cut on its first line by a photo credit, ``site`` for a site's
   tagline ("Online edition of ...");
2. each candidate is described by FEATURES: the declared evidence score (the share of its
   content words the article's opening paragraphs and body repeat: a headline announces what
   the lede says, a share prompt or another story's teaser shares nothing with it; the page
   showing it twice; a byline or dateline right under it), and its place, shape and
   neighbours; a choice model (``headline-model.json``, trained by
   scripts/train_headline.py: a logistic regression over the page's candidates and "none of
   them" together, a conditional logit) gives each the probability that it is the headline,
   the candidates of a page and "none" sharing one;
3. the most probable candidate is the headline only when that probability clears the model's
   threshold (a headline right above a longer line on the same subject is the headline of
   that standfirst); otherwise there is no headline ("no headline found": the editor supplies
   one, the safe failure, where a wrong headline would be published silently).

The dek is the dek-sized line between the headline and the body, unless it is a caption (a
photo credit on it or on the line under it, caption cues such as "pictured"), a byline or a
date stamp. Weights and thresholds were tuned on the ``train`` ids of
scripts/cleaning-split.json only (README, "Cleaning").
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from digest import linewords
from digest import rules as R
from digest.model import Line

# How many lines of text above the first paragraph are searched. The headline is 1-10 lines of
# text above it on nine pages in ten of the training split; a header with a dek, a byline, a
# date, a caption and a share bar can push it to twenty.
WINDOW = 24

# The article's text starts at its first paragraph of at least PARAGRAPH_WORDS words, looked
# for within OPENING_LINES lines of text of the cleaner's first body line.
PARAGRAPH_WORDS = 15
OPENING_LINES = 5
# ...and a header (a headline over the article's first paragraph) may stand this many lines of
# text under the body's first line when no line above the body is its headline
INNER_LINES = 8
# a line this short holding a date with its year is a header's date line
DATE_LINE_CHARS = 80

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
# A brief (fewer distinct content words than this) may share none with its headline
# ("Productivity is about giving something up" over two paragraphs on yoga): a line right over
# the brief's byline or date is a candidate all the same (CLEANING.md, "Round 19").
BRIEF_WORDS = 40
# And at least this share of its content words must come back in the body: a line that shares
# nothing with the article is not its headline, however close it stands.
MIN_BODY_SHARE = 0.5
# Right above a byline or dateline (the article's header block), less of it must.
HEADER_MIN_BODY_SHARE = 0.5
HEADER_MIN_SHARED = 1
# ...and at least this many of them: one shared word ("Get A Blog!" on a blog) is chance.
MIN_SHARED_WORDS = 2

# The learned scorer's inputs, in the order of the weights in headline-model.json.
FEATURES: tuple[str, ...] = (
    "bias",
    "lede-share",  # share of the line's content words in the article's opening
    "body-share",  # ... anywhere in the body (or the standfirst right under it)
    "log-shared",  # how many of them (log)
    "log-words",
    "short",  # three words or fewer
    "shown-twice",  # the page shows the same line again
    "inside-other",  # another line above the body holds it ("Title - Site", breadcrumb)
    "log-above",  # lines of text between it and the body (log)
    "right-above",  # the last line of text above the body
    "header-under",  # a byline or dateline within HEADER_LINES lines under it
    "header-over",  # a byline or dateline right above it
    "standfirst-under",  # a dek-sized line on the article's subject right under it
    "capitalised",  # share of its words that start with a capital
    "all-caps",
    "ends-question",  # "?" or "!"
    "colon-or-quote",
    "stopword-share",  # share of its words that are stopwords (sentences have many)
    "digit-share",
    "kind-subhead",  # the cleaner read it as a heading inside the article
    "kind-unsure",
    "log-candidates-nearer",  # candidates between it and the body (log)
    "best-lede",  # the candidate with the largest lede share
    "neighbour-candidates",  # candidates within two lines of text (a teaser list is a crowd)
    "caption-near",  # a caption or credit right above or under it
    "longer-under",  # the candidate under it is longer on the same subject (it is the title)
    "label-prefix",  # "Labels: ...", "Re: ...": a label and its value
    "evidence",  # the declared evidence score (W_LEDE ... W_HEADER), 0 when its rules refuse
    "prefix-share",  # share of its words whose first five letters start a word of the body
    "lede-margin",  # its lede share less the best other candidate's
    "first-share",  # share of its content words in the body's first line
    "comma-share",  # commas per word: a row of tags or names ("Video, Andrea Saul, ...")
    "only-candidate",  # no other line above the body could be the headline
    "in-copyright",  # share of its content words in the page's copyright lines (the site's name)
    "site-words",  # "website", "blog", "newspaper", "online edition": a site's tagline
    "name-shape",  # shaped like a name ("Yard Sign Fenders") but the body writes its words in
    # lower case: a title in capitals word by word, let through the ``name`` rule
    "shorter-over",  # a shorter candidate on the same subject a few lines above: this is the
    # standfirst of that headline (a byline or a "Print | Email" row can stand between them)
    "longer-under-near",  # ... and the other side: a longer one on its subject a few lines under
    "repeats",  # share of its words that say a word of it again ("A new car, a new way", "do ...
    # do"): a sentence repeats its little words, a headline's compressed style drops them
)

# How many lines of text apart a headline and its standfirst can stand (a byline, a share row).
STANDFIRST_GAP = 4

# Words compared by their first letters too: "crashes"/"crash", "Halloween"/"Halloween's"
PREFIX = 5

MODEL_FILE = Path(__file__).with_name("headline-model.json")

# What a headline never is: interface text. Multi-word prompts and labels of share bars,
# sign-up boxes, comment counters, print views and page tools (matched anywhere in the line).
_UI_RE = re.compile(
    r"\b(?:share\s+(?:this|on|via|to|with|the|your|story|article|full)|sharing\s+options"
    r"|sign\s*(?:up|in)(?!g)|log\s*(?:in|out)|create\s+an\s+account|subscribe\b|newsletters?"
    r"|copy\s+link|link\s+copied|url\s*copied|permalink|posted\s+in|filed\s+(?:under|to)"
    r"|^(?:tags?|topics?|labels?|categor(?:y|ies)|keywords|cast)\s*:"
    # the buttons and banners of a recent page, as a whole line ("Download the App", "Save
    # this article", "Gift this article", "Toggle navigation", "Load more...", "Accept cookies",
    # "Explore more on these topics" over the article's tags, "Reuse this content")
    r"|^(?:download\s+(?:our|the)\s+(?:\w+\s+)?app|save\s+(?:for\s+later|this\s+(?:article|story))"
    r"|explore\s+more(?:\s+on\s+(?:these|this)\s+topics?)?|reuse\s+this\s+content"
    r"|gift\s+(?:this\s+)?(?:article|story)|read\s+in\s+(?:the\s+)?app|toggle\s+(?:navigation|menu)"
    r"|(?:open|close)\s+(?:the\s+)?(?:navigation|menu)(?:\s+menu)?|load\s+more|accept\s+(?:all\s+)?cookies)\W*$"
    r"|your\s+inbox|send\s+you\s+(?:an?\s+)?e-?mail|enter\s+your\s+e-?mail|(?:\.\.\.|…)\s*more$"
    r"|print(?:er)?[\s-]+(?:friendly|mode|this|story|article|page|version|edition)"
    r"|(?:view|download)\s+(?:pdf|as\s+pdf|print)|e-?mail\s+(?:this|to|a\s+friend|story|us|me)|by\s+e-?mail"
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


def _lower_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` without IGNORECASE, to be matched against a lower-cased ASCII line: there it
    matches exactly where ``rx`` matches the line, two to three times as fast (speed). None
    when ``rx`` is case-sensitive, names a capital (outside an escape such as ``\\W``) or sets
    flags inline (``(?-i:[a-z])`` is case-sensitive inside)."""
    pattern = rx.pattern
    if (not rx.flags & re.IGNORECASE or re.search(r"[A-Z]", re.sub(r"\\.", "", pattern))
            or re.search(r"\(\?[aiLmsux-]", pattern)):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


_UI_LOWER_RE = _lower_twin(_UI_RE)


def _ui_match(text: str) -> bool:
    """Whether _UI_RE occurs in ``text``."""
    return _search_ci(_UI_RE, _UI_LOWER_RE, text)


def _search_ci(rx: re.Pattern[str], twin: re.Pattern[str] | None, text: str) -> bool:
    """Whether ``rx`` occurs in ``text``: for an ASCII line, its ``twin`` (_lower_twin) in the
    lower-cased line."""
    if twin is not None and text.isascii():
        return twin.search(text.lower()) is not None
    return rx.search(text) is not None


def _match_ci(rx: re.Pattern[str], twin: re.Pattern[str] | None, text: str) -> bool:
    """Whether ``rx`` matches at the start of ``text`` (as :func:`_search_ci`)."""
    if twin is not None and text.isascii():
        return twin.match(text.lower()) is not None
    return rx.match(text) is not None


_END_PROMPT_TWIN = _lower_twin(R.END_PROMPT_RE)
_END_BOUNDARY_TWIN = _lower_twin(R.END_BOUNDARY_RE)
_URL_LINE_TWIN = _lower_twin(R.URL_LINE_RE)


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

_SITE_LOWER_RE = _lower_twin(_SITE_RE)

# The cleaner's line rules that mark page furniture, except the glued-teaser one: a headline
# is short, and in a short line its pattern is a brand name in CamelCase ("WordPress Market").
_UI_LINE_RULES = tuple(k for k, rule in enumerate(R.LINE_RULES) if rule.name != "glued-teaser")


# ...each with its twin for lower-cased ASCII lines (speed)
_UI_LINE_TWINS = tuple((R.LINE_RULES[k], _lower_twin(R.LINE_RULES[k].pattern))
                       for k in _UI_LINE_RULES)


def _ui_line_rule(text: str) -> bool:
    # the first rule that matches answers (each skips a line without the words it needs)
    if not text.isascii():
        return any(R.LINE_RULES[k].search(text) for k in _UI_LINE_RULES)
    lower = text.lower()
    for rule, twin in _UI_LINE_TWINS:
        if rule.needs and not any(w in lower for w in rule.needs):
            continue
        if ((twin.search(lower) if twin is not None else rule.pattern.search(text))
                and (rule.refuted is None or not rule.refuted(text))):
            return True
    return False

# A line cut up by separators is a breadcrumb, a menu or a "Title | Site" label, not the
# headline as the page prints it.
_SEPARATOR_RE = re.compile(r"[|›•│┃]|\s[>/»]\s|\s-\s.*\s-\s|^[^«]*»")

_DIGIT_RE = re.compile(r"\d")

# A number standing as a word (a score, a count, a version: "9-1", "4.9.3", "$5.3", "27-12)").
_NUMBER_RE = re.compile(r"^\W*\d[\d.,:/-]*\W*$")

# A clock time or a full date: a dateline, an "Originally posted ..." stamp, a teaser's date.
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?:\b|[ap]\.?m\b)", re.IGNORECASE)

# A photo credit: "Jane Doe/Getty", "(Jacquelyn Martin / Associated Press)", "Photo: AFP",
# "STEVE RUSSELL/TORONTO STAR", "Amy K. Dragoo/AIMMEDIA". A slash between a name and an agency
# ends the line; an agency alone ("Tom Davies Associated Press") is also how bylines end, so it
# marks a caption only on the caption's own line.
_SLASH_CREDIT_RE = re.compile(r"[A-Za-z.]\s?/\s?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}\s*\)?\s*$")
_CREDIT_RE = re.compile(
    r"^\((?=.*[A-Za-z]).*(?:photo|image|press|getty|reuters|afp|\bap\b|/).*\)$"
    r"|^(?:photo|image|picture|credit|illustration)s?\b\s*(?:by|credit)?\s*[:|/©]"
    r"|©|\bphoto(?:graph)?\s+(?:by|credit|courtesy)\b|\bcourtesy\s+of\b",
    re.IGNORECASE,
)
_AGENCY_END_RE = re.compile(
    r"\b(?:getty(?:\s+images)?|shutterstock|istock\w*|reuters|afp|associated\s+press|ap\s+photo"
    r"|epa|xinhua|file\s+photo)\b\W*$",
    re.IGNORECASE,
)


# A headline opens with a capital or a digit, or with a brand written with a lower-case prefix
# ("iTunes does movie deal with Fox", "iPad Mini to debut", "eBay ...", "x86 processor ...").
_HEADING_RE = re.compile(R.HEADING_RE.pattern + r"|^[a-z]{1,2}[A-Z0-9]")

# A headline can carry the page's comment counter: "How to Lose 100 Pounds ... 385 Comments".
# The title is the line without it (the counter alone is interface text).
_COUNT_TAIL_RE = re.compile(r"\s+\d[\d,]*\s+[Cc]omments?$")


def title_text(text: str) -> str:
    """The headline as published: ``text`` without a trailing comment count."""
    bare = _COUNT_TAIL_RE.sub("", text) if "omment" in text else text
    return bare if bare.strip() else text


# a bare number of two figures or more closing the headline ("The Decline of Google's (and
# Everybody's) Ad Business 313"; one figure closes too many titles, "iPhone 5", "Part 2"), and
# a count of comments anywhere on the page ("100 of 313 comments loaded")
_NUMBER_TAIL_RE = re.compile(r"\s+(\d[\d,]*\d)$")
_COMMENTS_COUNTED_RE = re.compile(r"(?<![\d,])(\d[\d,]*)\s*comments?\b", re.IGNORECASE)


def without_counted_tail(title: str, texts: Iterable[str]) -> str:
    """``title`` without a bare number closing it when the page counts that many comments
    elsewhere ("... Ad Business 313" over "100 of 313 comments loaded"): the page's comment
    counter run into its headline, where "Day 3", "Part 2" or "2008" stay. On the train pages
    the seven headlines so closed are all such counters, and none of the other 27 headlines
    closed by a number is (round 34)."""
    m = _NUMBER_TAIL_RE.search(title)
    if m is None or not title[:m.start()].strip():
        return title
    number = m.group(1)
    for text in texts:
        if number in text and "omment" in text.lower() and any(
                c.group(1) == number for c in _COMMENTS_COUNTED_RE.finditer(text)):
            return title[:m.start()]
    return title


# A person's name (or two): what bylines and author boxes print without "By".
_NAME_RE = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’.-]*\.?\s+){0,3}[A-ZА-ЯЁ][\w'’-]+"
    r"(?:\s*(?:,|and|&|и)\s*(?:[A-ZА-ЯЁ][\w'’.-]*\.?\s+){0,3}[A-ZА-ЯЁ][\w'’-]+)*$"
)


# A name's words are capitalised wherever the page prints them; a short title in capitals word
# by word ("Almond Fall Wedding Cake") is made of common words that the article writes in lower
# case. A line shaped like a name is a name unless at least this share of its words (not
# stopwords) is in the body in lower case (chosen on the train split).
NAME_COMMON_SHARE = 0.5
# ...and is longer than this many words: two capitalised words are a section's or a menu's label
# ("Recipe Archive", "Crime News") far more often than a title; and a row cut by commas is a row
# of tags ("Celebrity, Sex, Fashion for Women") or of names.
NAME_LABEL_WORDS = 2
_LOWER_WORD_RE = re.compile(r"(?<![\w'’.-])[a-z][a-z]+")


def _lower_words(texts: Sequence[str]) -> set[str]:
    """The stemmed words ``texts`` write in lower case."""
    return _stemmed(set(_LOWER_WORD_RE.findall("\n".join(texts))))


def common_share(text: str, lower_words: set[str]) -> float:
    """Share of the words of ``text`` (not stopwords) found in ``lower_words``."""
    toks = [t.lower() for t in R.WORD_RE.findall(text)]
    toks = [t for t in toks if t not in R.STOPWORDS]
    return sum(_stem(t) in lower_words for t in toks) / len(toks) if toks else 0.0


class LowerWords:
    """The words a text writes in lower case (:func:`_lower_words`), asked word by word: the few
    words of a name-shaped line are looked for in the text as it is written, where gathering
    every lower-case word of an article reads all of it through a pattern (speed)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}

    def share(self, text: str) -> float:
        """``common_share(text, _lower_words([self.text]))``."""
        toks = [t.lower() for t in R.WORD_RE.findall(text)]
        toks = [t for t in toks if t not in R.STOPWORDS]
        return sum(map(self.has, map(_stem, toks))) / len(toks) if toks else 0.0

    def has(self, stem: str) -> bool:
        """Whether the text writes in lower case a word whose stem is ``stem``."""
        if stem not in self.known:
            # the words stemmed to it: itself, its plural in "s", and "-ies" for "-y"
            forms = [stem, stem + "s"] + ([stem[:-1] + "ies"] if stem.endswith("y") else [])
            self.known[stem] = any(_LOWER_RUN_RE.fullmatch(w) and _stem(w) == stem
                                   and self._written(w) for w in forms)
        return self.known[stem]

    def _written(self, word: str) -> bool:
        """Whether ``word`` stands in the text as a whole lower-case word of _LOWER_WORD_RE:
        no word character, apostrophe, full stop or hyphen before it, no letter a-z after."""
        text, n = self.text, len(word)
        at = text.find(word)
        while at >= 0:
            end = at + n
            if ((at == 0 or not _NOT_BEFORE_LOWER_RE.match(text, at - 1))
                    and (end == len(text) or not "a" <= text[end] <= "z")):
                return True
            at = text.find(word, at + 1)
        return False


_LOWER_RUN_RE = re.compile(r"[a-z]{2,}")
_NOT_BEFORE_LOWER_RE = re.compile(r"[\w'’.-]")


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


def _stemmed(words: frozenset[str] | set[str]) -> set[str]:
    """``{_stem(w) for w in words}``: only a word ending in "s" has a stem of its own (the
    cached words hold no apostrophes), so only those are stemmed one by one."""
    out = set(words)
    plural = [w for w in words if w[-1] == "s"]
    if plural:
        out.difference_update(plural)
        out.update([_stem(w) for w in plural])
    return out


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry its subject: lower-cased, stemmed, no stopwords or
    bare numbers (in Chinese or Japanese, pairs of characters: linewords.cjk_split)."""
    words = linewords.content_word_set(text)
    return _stemmed(_cjk_pairs(words) if _has_cjk(text) else words)


def _content_words_of(texts: Sequence[str]) -> set[str]:
    """``content_words("\n".join(texts))`` from the lines' cached words (linewords.py)."""
    words = linewords.content_word_set_of(list(texts))
    return _stemmed(_cjk_pairs(words) if any(map(_has_cjk, texts)) else words)


def _has_cjk(text: str) -> bool:
    return not text.isascii() and R.CJK_RE.search(text) is not None


def _cjk_pairs(words: set[str] | frozenset[str]) -> set[str]:
    """``words``, with a run of Chinese or Japanese characters as its pairs of characters
    (linewords.cjk_split)."""
    return set(linewords.cjk_split(words))


def _line_words(texts: Sequence[str]) -> set[str]:
    """``linewords.content_word_set_of(texts)`` from each line's cached words in order (a line
    read once, as the body's are here, needs no set of its own): the same words where a line
    lower-cases letter by letter (linewords.py)."""
    out: set[str] = set()
    cjk = False
    for text in texts:
        if text.isascii() or not ("İ" in text or "Σ" in text):
            out.update(linewords.content_tokens(text))
        else:
            out |= linewords.content_word_set(text)
        cjk = cjk or _has_cjk(text)
    return _cjk_pairs(out) if cjk else out


def is_credit(text: str, *, agency: bool = True) -> bool:
    """A photo credit (or a caption ending in one); with ``agency``, a line ending in a news
    or photo agency's name counts too."""
    # each pattern is searched only in a line holding what it needs (speed: most lines hold none)
    lower = text.lower()
    return bool(
        ("/" in text and _SLASH_CREDIT_RE.search(text))
        or (_CREDIT_CUES.search(lower) and _CREDIT_RE.search(text))
        or (agency and _AGENCY_CUES.search(lower) and _AGENCY_END_RE.search(text))
    )


# What _CREDIT_RE and _AGENCY_END_RE need in the lower-cased line to match at all
_CREDIT_CUES = re.compile(r"\(|photo|image|picture|credit|illustration|©|courtesy")
_AGENCY_CUES = re.compile(r"getty|shutterstock|istock|reuters|afp|associated|ap photo|epa|xinhua"
                          r"|file photo")


def is_caption(text: str) -> bool:
    """A photo caption or credit ("Xi Jinping, left, ...", "... (AP Photo/...)", "Image caption
    ...")."""
    return is_credit(text) or _caption_cue(text) or R.CAPTION_LABEL_RE.match(text) is not None


def is_interface(text: str) -> bool:
    """Text of the page's interface: share and sign-up prompts, buttons, section openers."""
    words = [w.lower() for w in R.WORD_RE.findall(text)]
    return bool(
        _ui_match(text)
        or R.END_PROMPT_RE.match(text)
        or R.END_BOUNDARY_RE.match(text)
        or (words and sum(w in _UI_WORDS for w in words) * 2 > len(words))
        or _ui_line_rule(text)
    )


_CLOSING_QUOTES = ('"', "”", "'", "’", "»")


# A headline in Chinese or Japanese has this many words (pairs of characters: eight characters)
# or more; without capitals to tell a label from a title, a shorter line is a menu's item
CJK_TITLE_MIN_WORDS = 4
# What ends a sentence or a clause, in Latin and in Chinese script
_CLAUSE_ENDS = (".", ",", ";", ":", "…", "。", "，", "；", "：")


def reject_reason(text: str) -> str | None:
    """Why ``text`` cannot be a headline (the rule's name), or None."""
    words = R.WORD_RE.findall(text)
    n = _word_count(text)
    if not 2 <= n <= R.TITLE_MAX_WORDS or not _HEADING_RE.match(text):
        return "shape"
    if n < CJK_TITLE_MIN_WORDS and _has_cjk(text):
        return "shape"  # a menu's or a section's label ("行程攻略"), no news headline
    if text.endswith(_CLAUSE_ENDS) and not text.endswith("..."):
        return "shape"  # a sentence, a label introducing a list, a cut teaser
    if text.endswith(_CLOSING_QUOTES) and text.rstrip("".join(_CLOSING_QUOTES)).endswith(
            (".", ",")):
        return "shape"  # a sentence ending in a quotation: 'She said: "We will."'
    if text.endswith("...") or "\t" in text or _match_ci(R.URL_LINE_RE, _URL_LINE_TWIN, text):
        return "shape"
    if text.startswith("(") and text.endswith(")"):
        return "shape"  # an aside: "(From the last 12 hours)", "(Photo: ...)"
    if R.SECTION_MARK_RE.match(text):
        return "list-item"  # "5. Title" of a numbered breadcrumb or list, "Q: ..."
    if (_ui_match(text) or _match_ci(R.END_PROMPT_RE, _END_PROMPT_TWIN, text)
            or _match_ci(R.END_BOUNDARY_RE, _END_BOUNDARY_TWIN, text)):
        return "ui"
    lower = R.WORD_RE.findall(text.lower()) if text.isascii() else [w.lower() for w in words]
    if sum(map(_UI_WORDS.__contains__, lower)) * 2 > len(lower) or _ui_line_rule(text):
        return "ui"
    if R.is_legal_notice(text) or (
        text.endswith("!") and _READER_RE.search(text) and len(words) <= 8
    ):
        return "prompt"  # a notice, or a short call to the reader ("Tell us what you think!")
    if _search_ci(_SITE_RE, _SITE_LOWER_RE, text):
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
    if is_credit(text) or _caption_cue(text):
        return "caption"
    tokens = text.split()
    # a number standing as a word holds a digit: a line without any has none (speed)
    if _DIGIT_RE.search(text) and sum(
            _NUMBER_RE.match(t) is not None for t in tokens) * 3 >= len(tokens):
        return "numbers"  # a table row or a score line ("Doncaster Rovers 1 Carlisle United 0")
    if text.isupper() and len(words) <= 6:
        return "caps-label"  # section names and labels in capitals ("GROWING A BUSINESS")
    if (len(words) <= 6 and _NAME_RE.match(text) and not any(ch in text for ch in "?!:\"")
            and not _TITLE_APOSTROPHE_RE.search(text)
            and not any(w.lower() in R.STOPWORDS for w in words if w not in ("and", "And"))):
        # "Katie J.M. Baker", "Scott Roxborough and Gregg Goldstein", "Lupita Nyong'o": who
        # wrote it or who is pictured; a title in capitals word by word this short is kept only
        # with a verb-like lower-case word, a possessive or a contraction ("Obama's Plan")
        return "name"
    if text.count(",") >= TAG_ROW_COMMAS and all(
            1 <= R.count_words(item) <= TAG_WORDS and item.strip()[:1].isupper()
            for item in text.split(",")):
        # "Video, Andrea Saul, Marsha Blackburn, Romney Health Care, ...": a row of tags or
        # names, each a word or three, not a sentence
        return "tags"
    return None


@functools.lru_cache(maxsize=1 << 14)
def _title_words(text: str) -> frozenset[str]:
    """The content words of the headline ``text`` would publish (a line above the body: page
    furniture comes back from capture to capture, so they are kept by the line's text)."""
    return frozenset(content_words(title_text(text)))


# reject_reason of a line's text, asked once per text: page furniture comes back from line to line
# and from capture to capture (a site's menu, its share bar)
_cached_reason = functools.lru_cache(maxsize=1 << 14)(reject_reason)


def clear_caches() -> None:
    """Forget the per-text verdicts kept here (benchmarks time the cleaner cold)."""
    _cached_reason.cache_clear()
    _title_words.cache_clear()


# An apostrophe a title has and a name has not: a possessive or a contraction ("Obama's",
# "Don't"), or a quotation mark ('Creed' at a word's edge); inside a name it joins letters
# ("Nyong'o", "O'Brien")
_TITLE_APOSTROPHE_RE = re.compile(r"['’](?:s|t|re|ll|ve|d|m)\b|(?<!\w)['’]|['’](?!\w)",
                                  re.IGNORECASE)

# A row of tags: this many commas or more, and every item between them this many words or fewer
TAG_ROW_COMMAS = 3
TAG_WORDS = 3


# Every full date parse_date reads has a year of four digits: a line without one has no date.
_YEAR_RE = re.compile(r"\d{4}")


def _full_date(text: str) -> bool:
    from digest.metadata import parse_date  # metadata imports this module

    return bool(_YEAR_RE.search(text)) and parse_date(text) is not None


def _standfirst(line: Line, pos: int, texts: list[int], lines: Sequence[Line],
                reason: Callable[[str], str | None] = reject_reason) -> bool:
    """A dek-sized line of text that is no caption, prompt or date."""
    words = R.count_words(line.text)
    return (
        DEK_MIN_WORDS <= words <= 2 * R.TITLE_MAX_WORDS
        and line.kind not in ("byline", "dateline", "caption")
        and reason(line.text) in (None, "shape")
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
        return is_credit(nxt.text, agency=False) and R.count_words(nxt.text) <= 12
    return False


# A reader comment's buttons under its text: "Reply", "Login to reply", "Reply to This Share",
# "Report Post » Log in to Reply", "Ida | November 9, 2012 5:10 AM | Reply". A headline is
# never followed by one.
_REPLY_RE = re.compile(
    r"^\W*(?:(?:post\s+a?\s*|report\s+\w+\s+\W*\s*)?(?:log\s*in\s+to\s+)?reply"
    r"(?:\s+to\s+this\b.*|\s+(?:or|/|\|).*)?|.*\|\s*reply)\W*$",
    re.IGNORECASE,
)
REPLY_LINES = 2  # a reply button this many lines of text under a line makes it a comment...
REPLY_THREAD = 2  # ...and this many buttons in the window make a thread of comments

# A line that ends on a lower-case article, possessive or conjunction stops inside a phrase:
# next to a photo credit, it is a caption cut on its first line (a title in capitals word by
# word ends "... Stand For", "... Stirred In": those are kept).
_CUT_END_RE = re.compile(r"\s(?:the|a|an|his|her|its|their|our|my|your|and|or)$")

# A site's tagline: "Online edition of India's National Newspaper", "Official site of ..."
_TAGLINE_RE = re.compile(
    r"^(?:the\s+)?(?:(?:online|digital|web|internet)\s+(?:edition|version|home)"
    r"|(?:un)?official\s+(?:web\s*site|site|blog|home\s*page))\s+(?:of|for)\b",
    re.IGNORECASE,
)
_TAGLINE_TWIN = _lower_twin(_TAGLINE_RE)

# A counter or a stamp under a teaser: "7 comments", "3 hours ago", "12 Replies"...
_DIGITS_RE = re.compile(r"\d+")
TEASER_COUNTERS = 2  # ...the same (digits aside) under this many other lines: a list of teasers


def _reply_under(texts: Sequence[str], window: Sequence[int], pos: int) -> bool:
    """A reply button within REPLY_LINES lines of text under ``window[pos]``: the line is a
    reader's comment (or its author's name), not a headline."""
    return any(len(texts[window[p]]) <= 60 and _REPLY_RE.match(texts[window[p]])
               for p in range(pos + 1, min(pos + 1 + REPLY_LINES, len(window))))


def _counter_under(texts: Sequence[str], window: Sequence[int], pos: int) -> bool:
    """The line under ``window[pos]``, or under the sentence of blurb under it, is a short line
    with a number ("7 comments", "3 hours ago") and the same line, its number aside, stands
    under TEASER_COUNTERS other lines of the window: the line is one of a list of teasers, each
    with its counter."""
    if pos + 1 >= len(window):
        return False
    under = texts[window[pos + 1]]
    if (len(under) > 30 and pos + 2 < len(window) and R.ends_sentence(under)
            and R.count_words(under) >= R.PROSE_MIN_WORDS):
        under = texts[window[pos + 2]]  # the teaser's blurb between it and its counter
    if len(under) > 30 or not _DIGIT_RE.search(under):
        return False
    shape = _DIGITS_RE.sub("0", under)
    return sum(_DIGITS_RE.sub("0", texts[i]) == shape for i in window) > TEASER_COUNTERS


def _counter_over(texts: Sequence[str], window: Sequence[int], pos: int) -> bool:
    """The mirror of ``_counter_under`` for a list of teasers each under its stamp ("2 hours
    ago", a headline, a sentence of blurb): the line over ``window[pos]`` is a short line with
    a number that stands the same, its number aside, over TEASER_COUNTERS other lines of the
    window, and the line under it is a sentence of blurb (an article's headline has its
    byline or date under it)."""
    if pos == 0 or pos + 1 >= len(window):
        return False
    over, under = texts[window[pos - 1]], texts[window[pos + 1]]
    if (len(over) > 30 or not _DIGIT_RE.search(over) or not R.ends_sentence(under)
            or R.count_words(under) < R.PROSE_MIN_WORDS):
        return False
    shape = _DIGITS_RE.sub("0", over)
    return sum(_DIGITS_RE.sub("0", texts[i]) == shape for i in window) > TEASER_COUNTERS


@dataclass(frozen=True)
class Candidates:
    """The lines above a capture's body that could be its headline, with their evidence."""

    first: int  # index of the first body line (len(lines) when there is none)
    rejected: tuple[tuple[int, str], ...]  # (index, rule) of lines turned away by a rule
    index: tuple[int, ...]  # the candidates, top to bottom
    above: tuple[int, ...]  # lines of text between each and the body
    x: tuple[tuple[float, ...], ...]  # their FEATURES vectors
    # (position in ``index``, rule) of candidates never picked: their neighbours show them to be
    # a comment, a teaser, a cut caption or a tagline. They are scored as in training (the
    # model's features of every candidate read the others), only the choice passes them over.
    vetoed: tuple[tuple[int, str], ...] = ()


# ASCII bytes that are no word characters (``\w`` in ASCII text is [A-Za-z0-9_]), as spaces
_ASCII_NON_WORD = bytes(
    c if chr(c).isascii() and (chr(c).isalnum() or c == ord("_")) else ord(" ") for c in range(256)
)


def _word_count(text: str) -> int:
    """``R.count_words(text)``, for an ASCII line by a byte scan (no list of words)."""
    if text.isascii():
        return len(text.encode("ascii").translate(_ASCII_NON_WORD).split())
    return R.count_words(text)


def _first_paragraph(texts: Sequence[str], kinds: Sequence[str], first: int) -> int:
    """Where the article's text starts: its first paragraph (a body line of PARAGRAPH_WORDS
    words or more, no caption) within OPENING_LINES lines of text of the cleaner's first body
    line, else that line. The cleaner's body can open with lines that are not the article's
    text yet: a photo's caption, a link to the previous post, the headline itself."""
    seen = 0
    for i in range(first, len(texts)):
        text = texts[i]
        if not text:
            continue
        if kinds[i] == "body" and _word_count(text) >= PARAGRAPH_WORDS and not is_caption(text):
            return i
        seen += 1
        if seen > OPENING_LINES:
            break
    return first


#: the rule of a line of the comment thread the cleaner cut off under the article
THREAD_RULE = "comment-thread"

_KIND = operator.attrgetter("kind")
_TEXT = operator.attrgetter("text")


def _inner_opening(texts: Sequence[str], kinds: Sequence[str], first: int) -> int | None:
    """The paragraph under a header that stands inside the body's opening, or None: a
    heading-shaped line within INNER_LINES lines of text under ``first`` (the cleaner's body
    can open with prose that is not the article's yet: a gallery's captions, a list of
    teasers' blurbs), followed within OPENING_LINES lines of text by a paragraph."""
    seen = 0
    for i in range(first + 1, len(texts)):
        text = texts[i]
        if not text:
            continue
        seen += 1
        if seen > INNER_LINES:
            return None
        if kinds[i] in ("subhead", "unsure") and 2 <= _word_count(title_text(text)) \
                <= R.TITLE_MAX_WORDS and _HEADING_RE.match(title_text(text)):
            under = _first_paragraph(texts, kinds, i + 1)
            if (under < len(texts) and kinds[under] == "body"
                    and _word_count(texts[under]) >= PARAGRAPH_WORDS
                    and not is_caption(texts[under])):
                return under
    return None


def candidates(lines: Sequence[Line], first: int | None = None) -> Candidates:
    """Every line of text above the body (up to WINDOW) that no rule rejects, with FEATURES;
    ``first``, when given, is where the article's text starts (else its first paragraph).

    Cheap tests first (the line's kind, its words shared with the article), the rules of
    :func:`reject_reason` only on the lines left, each asked once per text."""
    kinds = list(map(_KIND, lines))
    if "body" not in kinds:
        return Candidates(len(lines), (), (), (), ())
    all_texts = list(map(_TEXT, lines))
    opened = kinds.index("body")
    if first is None:
        first = _first_paragraph(all_texts, kinds, opened)
    body_texts = list(itertools.compress(all_texts[first:], map("body".__eq__, kinds[first:])))
    # the body lines the search for the first paragraph passed over that read as the article's
    # one-sentence lede, not a caption ("A British woman has been murdered on a working holiday
    # in New Zealand."): the headline shares its words with them, not always with the rest
    ledes_over = [lines[i].text for i in range(opened, first) if _lede_line(lines[i])]
    lede_over_words = _content_words_of(ledes_over) if ledes_over else set()
    n_lede = n = 0
    for text in body_texts:
        if n >= LEDE_WORDS:
            break
        n_lede += 1
        n += _word_count(text)
    # the body's words: the lede's and the rest's, each line's words read once, and a word
    # stemmed once (a stem is the word's own: the union's stems are the stems' union)
    lede_raw = _line_words(body_texts[:n_lede])
    # the readers' comments under the article answer it in its words: evidence of what the
    # page is about, as the body's are (they are not published)
    comments = [ln.text for ln in lines[first:] if ln.rule == THREAD_RULE]
    rest_raw = _line_words(body_texts[n_lede:] + comments if comments else body_texts[n_lede:])
    rest_raw -= lede_raw
    lede = _stemmed(lede_raw)
    body_words = lede | _stemmed(rest_raw)
    first_words = content_words(all_texts[first])
    texts = list(itertools.compress(range(first), all_texts[:first]))
    window = texts[-WINDOW:]
    window_words: list[frozenset[str] | None] = [None] * len(window)

    def words_at(pos: int) -> frozenset[str]:
        got = window_words[pos]
        if got is None:
            got = window_words[pos] = _title_words(all_texts[window[pos]])
        return got

    lowers: list[LowerWords] = []

    def lower_words() -> LowerWords:
        if not lowers:
            lowers.append(LowerWords("\n".join(body_texts)))
        return lowers[0]

    named: set[int] = set()  # name-shaped candidates let through (their words are common)

    reason = _cached_reason

    # a standfirst right under a line is part of the article that line announces
    belows: dict[int, frozenset[str]] = {}

    def below(pos: int) -> frozenset[str]:
        if pos not in belows:
            under: frozenset[str] = frozenset()
            if pos + 1 < len(window) and _standfirst(lines[window[pos + 1]], pos + 1, window,
                                                     lines, reason):
                under = words_at(pos + 1)
                if not under or len(under & body_words) < STANDFIRST_SHARE * len(under):
                    under = frozenset()
            belows[pos] = under
        return belows[pos]

    headers: dict[int, bool] = {}

    def header(pos: int) -> bool:
        if pos not in headers:
            headers[pos] = 0 <= pos < len(window) and _header_line(lines[window[pos]])
        return headers[pos]

    def header_under(pos: int) -> bool:
        return any(header(p) for p in range(pos + 1, pos + 1 + HEADER_LINES))

    def caption(pos: int) -> bool:
        if not 0 <= pos < len(window):
            return False
        line = lines[window[pos]]
        return line.kind == "caption" or is_credit(line.text)

    threads: list[bool] = []

    def thread() -> bool:
        """The window holds reply buttons of REPLY_THREAD comments or more."""
        if not threads:
            threads.append(sum(len(all_texts[i]) <= 60 and _REPLY_RE.match(all_texts[i])
                               is not None for i in window) >= REPLY_THREAD)
        return threads[0]

    def _veto(text: str, pos: int) -> str | None:
        """Why the candidate at ``window[pos]`` is never picked (see Candidates.vetoed)."""
        if _CUT_END_RE.search(text) and (caption(pos - 1) or caption(pos + 1)):
            return "caption"  # a caption cut on its first line, by a credit ("... outside her")
        if _reply_under(all_texts, window, pos) or (
                pos > 0 and _TIME_RE.search(all_texts[window[pos - 1]]) and thread()):
            return "comment"  # its reply button under it, or its stamp over it in a thread
        if _counter_under(all_texts, window, pos) or _counter_over(all_texts, window, pos):
            return "teaser"
        if _match_ci(_TAGLINE_RE, _TAGLINE_TWIN, text):
            return "site"
        return None

    brief = len(body_words) < BRIEF_WORDS
    rejected: list[tuple[int, str]] = []
    vetoed: list[tuple[int, str]] = []  # (position in found, rule)
    found: list[tuple[int, int, frozenset[str], list[str]]] = []  # (pos, index, words, tokens)
    for pos, i in enumerate(window):
        if kinds[i] in ("byline", "dateline", "caption"):
            continue
        text = title_text(all_texts[i])
        if not 2 <= _word_count(text) <= R.TITLE_MAX_WORDS or not _HEADING_RE.match(text):
            rejected.append((i, "shape"))  # reject_reason's first test, before any other
            continue
        words = words_at(pos)
        # shares no word with the article (nor with the standfirst under it): not its headline,
        # unless the article is a brief and the line stands right over its byline or date
        off_topic = not words & body_words and not words & lede_over_words and not (
            pos + 1 < len(window) and words & words_at(pos + 1) and words & below(pos)) and not (
            words and brief and header(pos + 1))
        why = "off-topic" if off_topic else reason(text)
        if (why == "name" and _word_count(text) > NAME_LABEL_WORDS and "," not in text
                and lower_words().share(text) >= NAME_COMMON_SHARE):
            why = None
            named.add(i)
        if why is None and _is_caption(lines, pos, window):
            why = "caption"
        if why is not None:
            rejected.append((i, why))
            continue
        veto = _veto(text, pos)
        if veto is not None:
            vetoed.append((len(found), veto))
        found.append((pos, i, words, R.WORD_RE.findall(text)))
    if not found:
        return Candidates(first, tuple(rejected), (), (), ())
    # the lines above the body as one string: is a candidate inside another line ("Title - Site")
    # or at its end (a breadcrumb)? More often in the string than as a line of its own.
    above_texts = [all_texts[i] for i in texts]
    header_blob = "\n".join(above_texts) + "\n"
    # the words of the page's copyright lines: a line made of them is the site's name
    rights = _content_words_of([t for t in all_texts if "©" in t or "opyright" in t]
                               if _may_hold_rights(all_texts) else [])
    prefixes = set(map(operator.itemgetter(slice(PREFIX)), body_words))
    ledes = [len(w & (lede | below(pos))) / len(w) for pos, _, w, _ in found]
    best_lede = max(ledes, default=0.0)
    second = sorted(ledes)[-2] if len(ledes) > 1 else 0.0
    xs = []
    for k, (pos, i, words, tokens) in enumerate(found):
        raw = all_texts[i]
        text = title_text(raw)
        shared = len(words & (body_words | below(pos)))
        above = len(window) - pos - 1  # lines of text between it and the body
        lower = [t.lower() for t in tokens]
        nxt = found[k + 1] if k + 1 < len(found) else None
        twice = all_texts.count(raw) > 1
        own = above_texts.count(raw)
        under = header_under(pos)
        xs.append((
            1.0,
            ledes[k],
            shared / len(words),
            math.log1p(shared),
            math.log1p(len(tokens)),
            float(len(tokens) <= SHORT_TITLE_WORDS),
            float(twice),
            float(header_blob.count(raw) > own),
            math.log1p(above),
            float(above == 0),
            float(under),
            float(pos > 0 and header(pos - 1)),
            float(bool(below(pos))),
            sum(t[:1].isupper() for t in tokens) / len(tokens),
            float(text.isupper()),
            float(text.rstrip(" \"'”’)").endswith(("?", "!"))),
            float(any(ch in text for ch in ":\"“”")),
            sum(t in R.STOPWORDS for t in lower) / len(lower),
            sum(t.isdigit() for t in tokens) / len(tokens),
            float(kinds[i] == "subhead"),
            float(kinds[i] == "unsure"),
            math.log1p(len(found) - k - 1),
            float(ledes[k] == best_lede),
            float(sum(abs(f[0] - pos) <= 2 for f in found) - 1),
            float(caption(pos - 1) or caption(pos + 1)),
            float(nxt is not None and nxt[0] == pos + 1 and len(nxt[3]) > len(tokens)
                  and bool(nxt[2] & words)),
            float(bool(_LABEL_PREFIX_RE.match(text))),
            _evidence(ledes[k], shared, len(words), len(tokens),
                      twice or header_blob.count(raw + "\n") > own, above, under),
            sum(w[:PREFIX] in prefixes for w in words) / len(words),
            ledes[k] - (second if ledes[k] == best_lede else best_lede),
            len(words & first_words) / len(words),
            text.count(",") / len(tokens),
            float(len(found) == 1),
            len(words & rights) / len(words),
            float(_search_ci(_SITE_WORDS_RE, _SITE_WORDS_TWIN, text)),
            float(i in named),
            float(any(0 < pos - f[0] <= STANDFIRST_GAP and len(f[3]) < len(tokens)
                      and f[2] & words for f in found[:k])),
            float(any(0 < f[0] - pos <= STANDFIRST_GAP and len(f[3]) > len(tokens)
                      and f[2] & words for f in found[k + 1:])),
            _repeats(lower),
        ))
    return Candidates(first, tuple(rejected), tuple(f[1] for f in found),
                      tuple(len(window) - f[0] - 1 for f in found), tuple(xs), tuple(vetoed))


# What a site says of itself in its tagline: "Online edition of India's National Newspaper"
_SITE_WORDS_RE = re.compile(
    r"\b(?:web\s*site|blog|weblog|newspaper|magazine|online\s+edition|official\s+site"
    r"|news\s+source|home\s*page)\b",
    re.IGNORECASE,
)
_SITE_WORDS_TWIN = _lower_twin(_SITE_WORDS_RE)


def _may_hold_rights(texts: Sequence[str]) -> bool:
    """Whether any of ``texts`` holds "©" or "opyright", searched in one string (speed: most
    captures hold one copyright line or none)."""
    blob = "\n".join(texts)
    return "©" in blob or "opyright" in blob


def _repeats(words: Sequence[str]) -> float:
    """Share of ``words`` that say again a word said before them."""
    return 1.0 - len(set(words)) / len(words) if words else 0.0


# "Labels: adwords, ...", "Re: Exit interviews": a label and its value, not a headline
_LABEL_PREFIX_RE = re.compile(r"^(?:\w+\s?){1,2}:\s")


def _evidence(lede_share: float, shared: int, n_words: int, n_tokens: int, repeated: bool,
              above: int, header: bool) -> float:
    """The declared evidence score (the weights W_*), or 0.0 where its rules refuse the line:
    too little of it in the body, or three words or fewer neither shown twice nor all in the
    lede."""
    body_share = shared / n_words
    min_share, min_shared = (
        (HEADER_MIN_BODY_SHARE, HEADER_MIN_SHARED) if header else (MIN_BODY_SHARE, MIN_SHARED_WORDS)
    )
    if body_share < min_share or shared < min_shared:
        return 0.0
    if n_tokens <= SHORT_TITLE_WORDS and not (repeated or lede_share == 1.0):
        return 0.0
    near = max(0.0, 1.0 - above / NEAR_LINES)
    return (W_LEDE * lede_share + W_BODY * body_share + W_REPEAT * repeated + W_NEAR * near
            + W_HEADER * header)


@dataclass(frozen=True)
class Model:
    """The learned headline scorer (headline-model.json): a conditional logit over FEATURES.

    Each candidate of a page gets the score ``z = weights . x``; "none of them" scores 0. The
    probability that candidate k is the headline is ``exp(z_k) / (1 + sum_j exp(z_j))``: the
    page's candidates compete with each other and with "none", so a line scores high only
    where no other line of the page reads as the headline too (a lone candidate gets the
    logistic function of its score, as a per-line model would give it)."""

    weights: tuple[float, ...]
    threshold: float  # the probability a headline needs (chosen on the train split)

    def score(self, x: Sequence[float]) -> float:
        if len(x) != len(self.weights):
            raise ValueError(f"{len(x)} features for {len(self.weights)} weights")
        z: float = sum(map(operator.mul, self.weights, x))  # the same sum, left to right
        return max(-30.0, min(30.0, z))

    def probabilities(self, xs: Sequence[Sequence[float]]) -> list[float]:
        """Each candidate's probability of being the page's headline, for the candidates
        ``xs`` of one page (in any order; "none" is the rest)."""
        if not xs:
            return []
        zs = [self.score(x) for x in xs]
        top = max(0.0, max(zs))  # (the shift keeps exp() in range; "none" scores 0)
        es = [math.exp(z - top) for z in zs]
        total = math.exp(-top) + math.fsum(es)
        return [e / total for e in es]


_LONGER_UNDER = FEATURES.index("longer-under")


@functools.cache
def load_model(path: Path = MODEL_FILE) -> Model:
    """The committed headline model."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    if tuple(doc["features"]) != FEATURES:
        raise ValueError(f"{path}: features differ from headline.FEATURES. Fix: make train-cleaner")
    return Model(tuple(float(w) for w in doc["weights"]), float(doc["threshold"]))


def one_answer(probs: Sequence[float], texts: Sequence[str]) -> list[float]:
    """``probs`` of candidates whose ``texts`` (their headlines, ``title_text``) are the same
    taken as one answer: the page shows its headline twice above the article (a breadcrumb's
    last item, the headline over the share bar and again over the byline), and the choice
    model shares the probability between the copies. The copy the model gives the most holds
    their sum, the others 0 (out of fold on the train pages, right - wrong 546.8 -> 548.3, and
    at a wrong share of 0.08 right 0.565 -> 0.585: CLEANING.md, "Round 38")."""
    keys = [text.lower() for text in texts]
    keeper: dict[str, int] = {}
    total: dict[str, float] = {}
    for k, (p, key) in enumerate(zip(probs, keys, strict=True)):
        total[key] = total.get(key, 0.0) + p
        if key not in keeper or p > probs[keeper[key]]:
            keeper[key] = k
    return [total[key] if keeper[key] == k else 0.0 for k, key in enumerate(keys)]


def page_probabilities(model: Model, cands: Candidates, texts: Sequence[str],
                       positions: Sequence[int] | None = None) -> list[float]:
    """Each candidate's probability of being the headline (``Model.probabilities``), a
    vetoed one's taken as 0, and copies of one text taken as one answer (``one_answer``);
    with ``positions``, only those candidates compete (the others get 0). ``texts`` are the
    candidates' lines' texts."""
    which = range(len(cands.x)) if positions is None else positions
    probs = [0.0] * len(cands.x)
    for k, p in zip(which, model.probabilities([cands.x[k] for k in which]), strict=True):
        probs[k] = p
    for k, _ in cands.vetoed:
        probs[k] = 0.0
    return one_answer(probs, [title_text(t) for t in texts])


def pick(cands: Candidates, probs: Sequence[float], threshold: float) -> int | None:
    """Position in ``cands`` of the headline: the most probable candidate when it clears
    ``threshold``, or the one right above it when that one clears it too and is shorter on the
    same subject (the headline above its standfirst); None when none clears it. A vetoed
    candidate is never picked."""
    if cands.vetoed:
        never = {k for k, _ in cands.vetoed}
        probs = [0.0 if k in never else p for k, p in enumerate(probs)]
    if not probs:
        return None
    k = max(range(len(probs)), key=probs.__getitem__)
    if probs[k] < threshold:
        return None
    if (k > 0 and cands.above[k - 1] == cands.above[k] + 1 and cands.x[k - 1][_LONGER_UNDER]
            and probs[k - 1] >= threshold):
        return k - 1
    return k


def header_pick(lines: Sequence[Line], cands: Candidates, probs: Sequence[float]) -> int | None:
    """Position in ``cands`` of the headline an article's header shows, when the model picks
    none: the candidate right over the header's (first such) byline or date line (or over a
    page's tool or a byline naming no person between them: ``_candidate_over``), with at most
    HEADER_BODY_GAP short lines (a label; a share bar's buttons, a reading time and a sign-up
    form's fields not counted)
    between that header and the article's first line, under a short label, a sentence or
    nothing (not under another headline: a list of teasers over the article), not vetoed,
    scored HEADER_PICK_MIN_P or more."""
    texts = [i for i in range(cands.first) if lines[i].text]
    # (a share bar's buttons and the like not counted: a recent page prints six to eight there)
    near = [i for i in texts if not R.header_furniture(lines[i].text)][-(HEADER_BODY_GAP + 2):]
    header = [i for i in near if lines[i].kind in ("byline", "dateline")]
    if not header:
        return None
    # the header's first byline or date line under a candidate (a stamp over the
    # headline is the last teaser's, of a list over the article: "6 hours ago")
    under = [(i, pos) for pos, i in enumerate(texts) if i in header]
    top, pos = next(((i, at) for i, p in under
                     if (at := _candidate_over(lines, texts, p, cands)) is not None),
                    (None, 0))
    if top is None:
        return None
    if any(_word_count(lines[i].text) > R.SHORT_MAX_WORDS and not _lede_line(lines[i])
           and not is_caption(lines[i].text)
           for i in texts if i > top and lines[i].kind not in ("byline", "dateline")):
        return None  # prose between the header and the article (a caption is the header's
        # photo's): not its header
    j = cands.index.index(texts[pos])
    if j in {k for k, _ in cands.vetoed} or probs[j] < HEADER_PICK_MIN_P:
        return None
    above = lines[texts[pos - 1]].text if pos >= 1 else ""
    if (_word_count(above) > HEADER_LABEL_WORDS
            and not (R.ends_sentence(above) and _word_count(above) >= DEK_MIN_WORDS)
            and reject_reason(above) not in PAGE_ROW_REASONS):
        return None  # under another headline: a teaser list's, or over its standfirst
    # (a sentence over it ends the text of the block above: a teaser's blurb, a notice; so
    # does a row the page cuts by separators: "Welcome to Profit Confidential • Thursday,
    # August 9, 2012")
    return j


def _candidate_over(lines: Sequence[Line], texts: Sequence[int], pos: int,
                    cands: Candidates) -> int | None:
    """Position in ``texts`` of the candidate over the header line at ``pos``: right over it,
    or over up to HEADER_TOOL_LINES lines of SHORT_MAX_WORDS words at most, each a page's tool
    (``is_interface``: "Print this page") or a byline naming no person ("by The
    Times-Picayune"); a reader's name over a comment's date is neither."""
    for over in range(pos - 1, max(-1, pos - 2 - HEADER_TOOL_LINES), -1):
        i = texts[over]
        if i in cands.index:
            return over
        text = lines[i].text
        if _word_count(text) > R.SHORT_MAX_WORDS or not (
                is_interface(text) or R.BYLINE_RE.match(text)):
            return None
    return None


HEADER_TOOL_LINES = 2


def _lede_line(line: Line) -> bool:
    """A line of the cleaner's body shorter than a paragraph, no caption: the article's
    one-sentence lede ("A British woman has been murdered on a working holiday in New
    Zealand."), which the search for the first paragraph passes over. A longer line there
    (a teaser's blurb) still parts the header from the article."""
    return (line.kind == "body" and _word_count(line.text) < PARAGRAPH_WORDS
            and not is_caption(line.text))


HEADER_BODY_GAP = 4  # short lines from the header to the article's first line: a share bar
HEADER_LABEL_WORDS = 3  # what may stand over the headline: a section's label, a breadcrumb
HEADER_PICK_MIN_P = 0.1
#: why ``reject_reason`` turns away a line that is a row of the page's own, no other story's
#: headline: over the header's headline it ends the block above as a sentence does (a menu or
#: a masthead's greeting cut by separators; a tool's, a site's or a date's reason was tried
#: too: no train page needs it, and a headline so read let its byline be taken on
#: `bench_headers.py`'s validation pages)
PAGE_ROW_REASONS = frozenset({"separator"})


def choose(lines: Sequence[Line], model: Model | None = None) -> Headline:
    """The headline and dek among ``lines`` (a capture's classified lines), on evidence."""
    model = model or load_model()
    cands = candidates(lines)
    if cands.first == len(lines):
        return Headline(None, None, 0.0, "no article body")
    probs = page_probabilities(model, cands, [lines[i].text for i in cands.index])
    scored = tuple((i, round(p, 3)) for i, p in zip(cands.index, probs, strict=True))
    k = pick(cands, probs, model.threshold)
    refused = cands.rejected + tuple((cands.index[j], why) for j, why in cands.vetoed)
    how = "model"
    if k is None:
        k, how = header_pick(lines, cands, probs), "article header, model"
    if k is None:
        inner = _inner_pick(lines, cands, model)
        if inner is not None:
            return inner
    if k is None:
        why = "no headline found: no line above the article shares its subject"
        never = {j for j, _ in cands.vetoed}
        left = [p for j, p in enumerate(probs) if j not in never]
        if left:
            why = f"no headline found: best p={max(left):.2f} < {model.threshold}"
        return Headline(None, None, 0.0, why, refused, scored)
    title, score = cands.index[k], probs[k]
    dek = _dek(lines, title, cands.first)
    return Headline(title, dek, score, f"{how} p={score:.2f}", refused, scored)


def _inner_pick(lines: Sequence[Line], cands: Candidates, model: Model) -> Headline | None:
    """The headline of a header inside the body's opening, when none stands above it: the
    model's pick among the lines from the cleaner's first body line down to the paragraph
    under that header (never a line above the body: the first search scored those)."""
    kinds = list(map(_KIND, lines))
    texts = list(map(_TEXT, lines))
    under = _inner_opening(texts, kinds, cands.first)
    if under is None:
        return None
    opened = kinds.index("body")
    if not any(texts[i] and _dated_or_signed(lines, i, under) for i in range(opened, under)):
        return None  # (no line there could be picked: the candidates are not scored)
    inner = candidates(lines, first=under)
    # (only the lines from the body's first line down compete: those above it were the first
    # search's candidates)
    probs = page_probabilities(model, inner, [lines[i].text for i in inner.index],
                               [k for k, i in enumerate(inner.index) if i >= opened])
    k = pick(inner, probs, model.threshold)
    if k is None or not _dated_or_signed(lines, inner.index[k], under):
        return None
    title, score = inner.index[k], probs[k]
    refused = inner.rejected + tuple((inner.index[j], why) for j, why in inner.vetoed)
    scored = tuple((i, round(p, 3)) for i, p in zip(inner.index, probs, strict=True))
    return Headline(title, _dek(lines, title, under), score,
                    f"header inside the body's opening, model p={score:.2f}", refused, scored)


def _dated_or_signed(lines: Sequence[Line], title: int, first: int) -> bool:
    """Whether the line at ``title`` stands over its article's byline or date (within
    HEADER_LINES lines of text above ``first``) or under a date line: the header that makes
    a heading inside the body's opening a headline, not a section's title."""
    texts = [i for i in range(title + 1, first) if lines[i].text][:HEADER_LINES]
    over = next((i for i in range(title - 1, -1, -1) if lines[i].text), None)
    return any(_byline_or_date(lines[i]) for i in texts) or (
        over is not None and lines[over].kind != "byline" and _date_line(lines[over]))


# a clock time and its zone closing a line: "09:09:26 PM PST", "10:56 PM ET"
_CLOCK_TAIL_RE = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*[A-Z]{0,4}$")
_YEAR_END_RE = re.compile(r"\b\d{4}\W*$")


def _date_line(line: Line) -> bool:
    """A date line: the header's (``_header_line``), or a short line ending on a date with its
    year, a clock time aside ("BS Reporter / New Delhi January 9, 2008", "Article Launched:
    01/15/2008 09:09:26 PM PST"; a caption's "Ex Cops @ Seaport, 7/13/2012 (more by Amanda)"
    is none)."""
    if line.kind == "dateline" or (
            R.DATELINE_RE.match(line.text) and len(line.text) <= DATE_LINE_CHARS):
        return True
    text = _CLOCK_TAIL_RE.sub("", line.text)
    return (len(text) <= DATE_LINE_CHARS and _YEAR_END_RE.search(text) is not None
            and _full_date(text))


def _byline_or_date(line: Line) -> bool:
    return _header_line(line) or _date_line(line)


def _dek(lines: Sequence[Line], title: int, first: int) -> int | None:
    """The standfirst: the first dek-sized line between the headline and the body, not a
    caption (a dek is never a photo's caption)."""
    texts = [i for i in range(title + 1, first + 1) if lines[i].text]
    for pos, i in enumerate(texts):
        line = lines[i]
        if i == first or line.kind in ("byline", "dateline"):
            continue
        if line.kind == "body":
            return None  # the article has begun (a headline found inside the body's opening)
        words = R.count_words(line.text)
        if words < DEK_MIN_WORDS:
            if _TEASER_LABEL_RE.match(line.text):
                return None  # "Related Articles": what follows is another story's teaser
            continue
        if _is_caption(lines, pos, texts) or words > 2 * R.TITLE_MAX_WORDS:
            return None
        if not dek_text(line.text):
            return None
        return i
    return None


# The label of a list of other stories' teasers: a line under it is no standfirst.
_TEASER_LABEL_RE = re.compile(
    r"^\W*(?:related|more\s+(?:stories|news|from|on)|most\s+(?:popular|read|viewed|shared)"
    r"|see\s+also|(?:also|further)\s+read|read\s+(?:also|more)|recommended|you\s+may\s+also"
    r"|top\s+stories|latest\s+(?:news|stories))\b",
    re.IGNORECASE,
)


# What a photo caption says and a standfirst does not: "pictured", "this image", "(left)".
_CAPTION_CUE_RE = re.compile(
    r"\b(?:pictured|photographed|seen\s+here|(?:is|are)\s+seen|(?:took|in)\s+this\s+"
    r"(?:image|photo|picture)|poses?\s+(?:for|with|during)|from\s+left|file\s+photo)\b"
    r"|\((?:left|right|center|centre|l|r|c|above|below)\)|,\s+(?:left|right|center|centre),"
    r"|^(?:above|below|top|pictured|inset|main\s+picture)\s*:",
    re.IGNORECASE,
)
_CAPTION_CUE_LOWER_RE = _lower_twin(_CAPTION_CUE_RE)


def _caption_cue(text: str) -> bool:
    return _search_ci(_CAPTION_CUE_RE, _CAPTION_CUE_LOWER_RE, text)


# A byline or label inside the line: "Analysis by Chris Cillizza", "Tested by: John Milbank".
_BY_RE = re.compile(r"^(?:\S+\s+){0,2}by:?\s+[A-Z]|^(?:posted|updated|published)\b", re.IGNORECASE)


def date_stamp(text: str) -> bool:
    """A byline or label that carries the date ("by jdoe on Aug 8, 2012", "Posted: ...")."""
    return bool(_BY_RE.search(text) or R.DATE_LABEL_RE.match(text) or R.DATELINE_RE.match(text))


def dek_text(text: str) -> bool:
    """Whether ``text`` can be a standfirst: it opens like a sentence (a capital; a line that
    starts in lower case is cut from a paragraph), and is not a caption, a byline, a date stamp,
    a label or interface text."""
    return bool(R.HEADING_RE.match(text)) and not (
        text.endswith(":")  # a label or a prompt introducing a form: "Enter your email below:"
        or (text.startswith("(") and text.endswith(")"))  # an aside: "(Presented at ...)"
        or _caption_cue(text)
        or _BY_RE.search(text)
        or _TIME_RE.search(text)
        or R.DATELINE_RE.match(text)
        or is_interface(text)
        or is_credit(text)
        or _SEPARATOR_RE.search(text)
    )
