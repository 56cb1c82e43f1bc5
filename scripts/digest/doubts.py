"""Warnings for doubtful facts: the editor's safety net when the cleaner or the capture is wrong.

Pure functions over a cleaned (and curated) capture and its tagged article. Each returns
``Problem`` records (``path:where: what. Fix: how``), the same shape as errors, but a warning
never fails the build: the site is still made, and ``make content``, ``make check``,
``digest add`` and ``digest report`` print every warning by capture name.

What is doubted, and why:

- a headline that looks like interface text ("Sign in", "Menu"), a photo caption or credit,
  or the site's own name: the cleaner took the wrong line for the headline;
- a headline the scorer chose on weak evidence (``Cleaned.title_probability`` under
  ``WEAK_HEADLINE``): published, as the scorer's threshold says, but more than one in three
  such headlines is another line of the page;
- a dek (standfirst) that is a caption;
- a publication date in the future or before 1990 (``EARLIEST_PLAUSIBLE``): a misread date;
- an article with no topic: the taxonomy has no alias for what it is about;
- a text capture hard-wrapped throughout (``rules.wrap_width``): its long sentences' lines
  read as no prose, and may have been dropped;
- a capture the cleaner is unsure of (``Cleaned.confidence`` below ``LOW_CONFIDENCE``);
- on such a capture, each dropped line that reads like prose (``Cleaned.dropped_prose``):
  text possibly missing;
- prose cut off under the body as another article glued on (``APPENDED_RULE``) where the cut
  model was not sure of the cut (``Cleaned.cut_probability`` under ``SURE_CUT``), however sure
  the cleaner is of the rest: a wrong cut drops the rest of the article.

Facts the editor supplied in curation.yaml are never doubted: the editor has looked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from . import headline
from . import rules as R
from .errors import Problem
from .model import Article, Cleaned, Fact, Metadata

#: Below this confidence the cleaner is unsure that the body is the whole article and only it.
LOW_CONFIDENCE = 0.6
#: The cleaner's rule for the lines of an article glued under the capture's own, cut off
#: (cleaning.rule_pass, not imported: the doubts read a cleaned capture's record only).
APPENDED_RULE = "appended-article"
#: A cut the cut model gives a lower probability than this is named in a warning. On the train
#: pages of the cleaning corpus as captured, 16 of the 47 cuts that dropped prose dropped
#: sentences of the page's own article (a digest's next item, an essay's next section): 12 of
#: them are under 0.7, against 17 of the 31 right cuts; on the variants with an article glued
#: on, 7 of 29 wrong cuts and 24 of 373 right ones.
SURE_CUT = 0.7
#: A headline read from a text capture with a lower probability than this is named in a
#: warning. On the train pages of the cleaning corpus with a headline in their markup, round
#: 38's choice model (a page's candidates share one probability) chose headlines under 0.6
#: that were wrong on 13 of 33 pages, 0.6 to 0.7 on 12 of 35, 0.7 and over on 81 of 723 (most
#: of them pages whose markup names the site, not the article); validation (counted, not tuned
#: on): 8 of 26 under 0.7, 30 of 234 over it. (Round 26's per-line scorer: under 0.6, 9 of 40
#: on train; 0.6 to 0.7, 9 of 41.)
WEAK_HEADLINE = 0.7
#: Digest covers modern reporting; an earlier date is almost surely a misread one.
EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)
#: Real headlines have at least this many words; fewer is usually a menu entry or a site name.
MIN_HEADLINE_WORDS = 3
#: The curation source name (curation.SOURCE, not imported: curation imports nothing of ours).
CURATED = "curation.yaml"

#: Whole headlines that are page furniture, compared lowercased without punctuation.
INTERFACE_TEXT = frozenset({
    "menu", "main menu", "home", "homepage", "search", "navigation", "toggle navigation",
    "sign in", "sign up", "log in", "login", "log out", "register", "subscribe",
    "subscribe now", "newsletter", "newsletters", "share", "share this", "share this article",
    "share this story", "advertisement", "sponsored", "skip to content", "skip to main content",
    "cookies", "cookie settings", "cookie policy", "accept cookies", "privacy policy",
    "terms of use", "terms of service", "contact us", "about us", "read more", "more",
    "next", "previous", "back to top", "related", "related articles", "related stories",
    "trending", "most read", "most popular", "popular", "latest", "latest news",
    "breaking news", "top stories", "comments", "leave a reply", "leave a comment",
    "follow us", "print", "email", "close", "live", "video", "watch", "listen", "podcast",
    "page not found", "not found", "404", "access denied", "just a moment", "loading",
    "enable javascript", "you may also like", "recommended", "editor's picks", "opinion",
    "world", "news", "politics", "business",
})
#: "Blog > Weight Loss > Tips", "Home » News » World": a breadcrumb trail
BREADCRUMB = re.compile(r"(?:\s[>»›]\s.*){2}")
#: "example.com", "www.example.co.uk": a site's address, not a headline.
DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)
_LINE = re.compile(r"\bline (\d+)\b")


def _where(fact: Fact[Any], field: str) -> str:
    """``12 (title)`` when the fact came from capture line 12, else the field name."""
    m = _LINE.search(fact.source)
    return f"{m.group(1)} ({field})" if m else field


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())


def _under(name: str) -> str:
    return f"under 'captures: {name}:' in content/curation.yaml"


def looks_like_caption(text: str) -> bool:
    # the rules the cleaner uses to keep captions out of the headline (headline.py)
    return headline.is_caption(text)


def headline_doubt(title: str, meta: Metadata) -> str | None:
    """Why ``title`` looks like no headline, or None when it looks like one."""
    plain = _plain(title)
    outlet = meta.outlet.value
    if DOMAIN.match(title.strip()) or (outlet and plain == _plain(outlet)):
        return "looks like the site's name"
    if outlet and without_site_name(title, outlet) != title:
        tail = title[len(without_site_name(title, outlet)):].strip(" |-–—")
        return f"ends with the site's name ({tail!r})"
    if looks_like_caption(title) or title in meta.captions:
        return "looks like a photo caption or credit"
    if headline.is_interface(title) or plain in INTERFACE_TEXT:
        return "looks like interface text of the web page"
    if BREADCRUMB.search(title):
        return "looks like the page's breadcrumb trail"
    # (Chinese and Japanese, written without spaces: two characters a word, as the cleaner
    # counts them)
    words = R.count_words(plain) if R.CJK_RE.search(plain) else len(plain.split())
    if words < MIN_HEADLINE_WORDS:
        return f"has fewer than {MIN_HEADLINE_WORDS} words, unlike a headline"
    return None


def weak_headline(probability: float | None) -> str | None:
    """Why a headline the scorer chose is doubtful by its evidence alone, or None."""
    if probability is None or probability >= WEAK_HEADLINE:
        return None
    return (f"was chosen on weak evidence (the headline scorer's probability "
            f"{probability:.2f}, under {WEAK_HEADLINE}): check it against the page")


def without_site_name(title: str, outlet: str) -> str:
    """``title`` without a trailing " | Outlet" (or " - Outlet"); unchanged when it has none."""
    for sep in (" | ", " - ", " – ", " — "):
        head, _, tail = title.rpartition(sep)
        if head.strip() and _plain(tail) == _plain(outlet):
            return head.strip()
    return title


def metadata_doubts(cleaned: Cleaned, display: str) -> list[Problem]:
    """Headline and dek."""
    out: list[Problem] = []
    meta, name = cleaned.metadata, cleaned.capture.name
    title = meta.title
    if title.value and title.source != CURATED:
        why = headline_doubt(title.value, meta)
        fix = f"write the real headline as 'title: \"...\"' {_under(name)}"
        if why is None:
            why = weak_headline(cleaned.title_probability)
            fix = (f"if it is not the article's headline, write the real one as "
                   f"'title: \"...\"' {_under(name)}; if it is, write it there as it stands "
                   "(a headline the editor gives is not doubted)")
        if why:
            out.append(Problem(display, _where(title, "title"),
                               f"the headline {_short(title.value)!r} {why}", fix))
    dek = meta.dek
    if dek.value and dek.source != CURATED and (
        looks_like_caption(dek.value) or dek.value in meta.captions
    ):
        out.append(Problem(display, _where(dek, "dek"),
                           f"the dek {_short(dek.value)!r} looks like a photo caption",
                           f"write the real standfirst as 'dek: \"...\"' {_under(name)}, "
                           "or leave the article without one"))
    return out


def date_doubts(published: Fact[dt.date], name: str, display: str,
                today: dt.date) -> list[Problem]:
    """A publication date in the future or before EARLIEST_PLAUSIBLE."""
    day = published.value
    if day is None:
        return []
    where = _where(published, "date")
    fix = f"check the capture, and write the right 'date: YYYY-MM-DD' {_under(name)}"
    if published.source == CURATED:
        fix = f"correct 'date:' {_under(name)}"
    if day > today:
        return [Problem(display, where, f"the publication date {day.isoformat()} is in the "
                        f"future (today is {today.isoformat()})", fix)]
    if day < EARLIEST_PLAUSIBLE:
        return [Problem(display, where, f"the publication date {day.isoformat()} is before "
                        f"{EARLIEST_PLAUSIBLE.year}", fix)]
    return []


def cleaning_doubts(cleaned: Cleaned, display: str) -> list[Problem]:
    """Low confidence, and then the dropped prose to look at; a cut-off article."""
    cut = cut_doubts(cleaned, display)
    if cleaned.confidence >= LOW_CONFIDENCE:
        # A sure capture's dropped prose is teasers and notices: `digest report` and the review
        # pages list it, and a warning per line would bury the ones that matter.
        return cut
    name = cleaned.capture.name
    why = f": {cleaned.doubt}" if cleaned.doubt else ""
    out = [Problem(display, "", f"the cleaner is unsure of this capture (confidence "
                   f"{cleaned.confidence:.2f}, below {LOW_CONFIDENCE}{why})",
                   f"read what was kept and dropped with 'digest clean --raw {display}' or "
                   f"make review; force lines with 'keep:'/'drop:' {_under(name)}"), *cut]
    texts = {line.number: line.text for line in cleaned.lines}
    in_cut = {line.number for line in cleaned.lines if line.rule == APPENDED_RULE}
    for number in cleaned.dropped_prose:
        if number in in_cut:
            continue  # listed with the cut
        out.append(Problem(display, str(number),
                           f"a dropped line reads like prose: {_short(texts.get(number, ''))!r}",
                           f"if it belongs to the article, add 'keep: [{number}]' "
                           f"{_under(name)}"))
    return out


def cut_doubts(cleaned: Cleaned, display: str) -> list[Problem]:
    """The prose cut off under the body as an unrelated article glued on, when the cut model
    was not sure of the cut: one warning, at the cut's first line, that names every line of it
    that reads like prose."""
    if cleaned.cut_probability is None or cleaned.cut_probability >= SURE_CUT:
        return []
    cut = [line for line in cleaned.lines if line.rule == APPENDED_RULE]
    in_cut = {line.number for line in cut}
    prose = [n for n in cleaned.dropped_prose if n in in_cut]
    if not prose:
        return []
    numbers = ", ".join(map(str, prose))
    lines, were = ("line", "was") if len(prose) == 1 else ("lines", "were")
    return [Problem(display, str(cut[0].number),
                    f"{len(prose)} {lines} of prose under the article, from line {cut[0].number} "
                    f"({_short(cut[0].text)!r}) to line {cut[-1].number}, {were} cut off as "
                    f"another article glued on (the cut's probability "
                    f"{cleaned.cut_probability:.2f}, under {SURE_CUT})",
                    f"if they are this article's, add 'keep: [{numbers}]' "
                    f"{_under(cleaned.capture.name)}")]


def wrapped_doubt(cleaned: Cleaned, display: str) -> list[Problem]:
    """A text capture hard-wrapped throughout (``rules.wrap_width``): the cleaner reads each
    line as a paragraph, and may have dropped the lines of long sentences."""
    if cleaned.capture.format != "text":
        return []
    width = R.wrap_width([line.text.strip() for line in cleaned.lines])
    if width is None:
        return []
    return [Problem(display, "", f"the capture's lines are wrapped at about {width} characters "
                    "(text copied from a PDF or an e-mail?): the cleaner reads each line as a "
                    "paragraph, and may have dropped lines of the article",
                    "read what was kept with make review; save the page's own text (select "
                    "all in the browser) or its HTML instead, or force lines with 'keep:' "
                    f"{_under(cleaned.capture.name)}")]


def capture_doubts(cleaned: Cleaned, display: str) -> list[Problem]:
    """Every doubt that depends on the cleaned capture alone (cacheable with it)."""
    return (wrapped_doubt(cleaned, display) + metadata_doubts(cleaned, display)
            + cleaning_doubts(cleaned, display))


def article_doubts(article: Article, display: str, today: dt.date) -> list[Problem]:
    """Doubts that depend on the tagging and the day of the run (never cached)."""
    out = date_doubts(article.metadata.published, article.source, display, today)
    if not article.topics:
        out.append(Problem(display, "topics", "the article matches no topic",
                           "add an alias that the article uses to a topic in "
                           "content/taxonomy.yaml, or 'topics: [slug]' "
                           f"{_under(article.source)}"))
    return out


def all_doubts(cleaned: Cleaned, article: Article | None, display: str,
               today: dt.date) -> tuple[Problem, ...]:
    """Every warning for one capture, in file order (what `digest add` prints)."""
    found: list[Problem] = capture_doubts(cleaned, display)
    if article is not None:
        found += article_doubts(article, display, today)
    else:
        found += date_doubts(cleaned.metadata.published, cleaned.capture.name, display, today)
    return sort_warnings(found)


def sort_warnings(warnings: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(set(warnings)))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
