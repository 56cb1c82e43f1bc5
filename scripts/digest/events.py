"""Find the dated events an article's text mentions, for the timeline.

1. split every body block into sentences (kept verbatim);
2. run the date grammar (RULES, most specific first) over each sentence; a span claimed by
   one rule is not read again by a later one ("Monday, March 20" is one date, not two);
3. resolve each match to a date and a precision. Anything that needs a year the text does not
   give ("February 4", "in May"), or that is relative ("on Friday", "last year", "5 days
   ago"), is resolved against the article's own publication date only; with no publication
   date it is dropped, never guessed. A date without a year is in the article's year
   ("February 4" in an article of 2022-08-18 is 2022-02-04);
4. keep the first sentence for each distinct day (later ones are usually back-references:
   "The two men met in the Kremlin on Monday afternoon"), every sentence for a month or a
   year, and sort by date, then by place in the text.

What is worth a timeline entry: a day ("February 24", "on Monday"), a range of days ("from
August 30 to September 5"), a month ("in May", "earlier this month") and a year ("in 1949",
"last year"), each with its precision. Seasons ("last summer"), decades ("the 1990s"),
periods ("the first seven months of 2022") and vague spans ("for months") are not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Block, Event, EventPrecision

# --- 1. sentences -------------------------------------------------------------------------

#: words ending in a full stop that do not end a sentence ("Lt. Gen. Jeffrey Cruz")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "lt", "gen", "col", "maj", "capt", "sgt", "adm", "sen",
    "rep", "gov", "st", "mt", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "jr", "sr", "inc", "corp", "co", "ltd", "approx",
})
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")  # "P." "U.S." "e.g."


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, stripped of surrounding whitespace.

    A full stop after an abbreviation or an initial ("Lt.", "U.S.", "P. W. Singer") is not a
    boundary, nor is one inside an open typographic quotation (“... that. And ...,” he said).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text.count("“", start, m.start()) > text.count("”", start, m.end()):
            continue
        token = _word_ending_at(text, m.start()).lstrip("\"“‘(")
        if text[m.start()] == "." and (
            _INITIALS.match(token) or token[:-1].lower() in ABBREVIATIONS
        ):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _word_ending_at(text: str, end: int) -> str:
    """The run of non-space characters that ends with ``text[end]`` (walked back from there:
    a regex anchored at ``end`` would scan the whole text before it, for every boundary)."""
    start = end + 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start : end + 1]


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, verbatim."""
    return [text[a:b] for a, b in sentence_spans(text)]


# --- 2. the date grammar ------------------------------------------------------------------

MONTHS: dict[str, int] = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH_NAMES = sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)
_MONTH_ALT = "|".join(_MONTH_NAMES)
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(calendar.day_name)}
_WEEKDAY_ALT = "|".join(WEEKDAYS)
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[5-9]|20)\d\d(?![\d'’s])"


def _month(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_ALT})\.?(?!\w)"


def _date(p: str) -> str:
    """'February 4', 'Feb. 4th, 2023', '4 February 2022', '4 of February'; groups prefixed p."""
    md = rf"{_month(p + 'm')}\s+(?P<{p}d>{_DAY})(?:,?\s+(?P<{p}y>{_YEAR}))?"
    dm = rf"(?<![\d,.])(?P<{p}d2>{_DAY})\s+(?:of\s+)?{_month(p + 'm2')}(?:,?\s+(?P<{p}y2>{_YEAR}))?"
    return rf"(?:(?:{_WEEKDAY_ALT}),?\s+)?(?:{md}|{dm})"


_TO = r"\s*(?:to|until|till|through|[-–—])\s*"


@dataclass(frozen=True)
class Resolved:
    start: dt.date
    end: dt.date | None
    precision: EventPrecision


Handler = Callable[["re.Match[str]", dt.date | None], Resolved | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Handler
    #: what a text must hold for the pattern to match at all (see ``_signals``): a sentence
    #: without it skips the rule without a scan
    needs: str


def _ymd(m: re.Match[str], p: str) -> tuple[int | None, int, int]:
    """(year or None, month, day) of the date with group prefix p."""
    if m.group(p + "m"):
        month, day, year = m.group(p + "m"), m.group(p + "d"), m.group(p + "y")
    else:
        month, day, year = m.group(p + "m2"), m.group(p + "d2"), m.group(p + "y2")
    return (int(year) if year else None), MONTHS[month.lower()], int(re.sub(r"\D", "", day))


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # "February 30"
        return None


def _resolve_day(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    year, month, day = _ymd(m, "a")
    if year is None:
        if published is None:
            return None
        year = published.year
    found = _make_date(year, month, day)
    return Resolved(found, None, "day") if found else None


def _resolve_range(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    y1, m1, d1 = _ymd(m, "a")
    y2, m2, d2 = _ymd(m, "b")
    if y2 is None and y1 is not None:
        y2 = y1 + (1 if (m2, d2) < (m1, d1) else 0)
    elif y1 is None and y2 is not None:
        y1 = y2 - (1 if (m2, d2) < (m1, d1) else 0)
    elif y1 is None and y2 is None:
        if published is None:
            return None
        y1 = published.year
        y2 = y1 + (1 if (m2, d2) < (m1, d1) else 0)
    assert y1 is not None and y2 is not None
    start, end = _make_date(y1, m1, d1), _make_date(y2, m2, d2)
    if start is None or end is None or end <= start:
        return None
    return Resolved(start, end, "day")


def _resolve_day_span(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """'March 20-22' or '20–22 March 2023': one month, two days."""
    month = MONTHS[m.group("m").lower()]
    year = int(m.group("y")) if m.group("y") else published.year if published else None
    if year is None:
        return None
    start = _make_date(year, month, int(re.sub(r"\D", "", m.group("d1"))))
    end = _make_date(year, month, int(re.sub(r"\D", "", m.group("d2"))))
    if start is None or end is None or end <= start:
        return None
    return Resolved(start, end, "day")


def _resolve_month_year(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    return Resolved(dt.date(int(m.group("y")), MONTHS[m.group("m").lower()], 1), None, "month")


def _resolve_month(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    if published is None:
        return None
    return Resolved(dt.date(published.year, MONTHS[m.group("m").lower()], 1), None, "month")


def _resolve_relative_month(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    if published is None:
        return None
    shift = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    index = published.year * 12 + published.month - 1 + shift
    return Resolved(dt.date(index // 12, index % 12 + 1, 1), None, "month")


def _resolve_year(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    return Resolved(dt.date(int(m.group("y")), 1, 1), None, "year")


def _resolve_relative_year(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    if published is None:
        return None
    shift = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    return Resolved(dt.date(published.year + shift, 1, 1), None, "year")


#: words that put a sentence in the future ("will meet on Monday")
_FUTURE = re.compile(
    r"(?<!\w)(?:will|shall|(?:is|are)\s+(?:expected|due|set|scheduled)\s+to|plans?\s+to)(?!\w)",
    re.IGNORECASE,
)


def _resolve_weekday(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """'last Friday' is in the week before, 'next Monday' in the week after. A bare weekday
    is read as news reads it: in a sentence about the future, the first such day from the
    publication date on; otherwise the last such day up to the day after publication ("on
    Friday" in a Monday article is three days before, "talks on Tuesday" the day after)."""
    if published is None:
        return None
    delta = (WEEKDAYS[m.group("wd")] - published.weekday()) % 7  # 0..6 days ahead
    rel = (m.group("rel") or "").lower()
    if rel == "last":
        days = delta - 7 if delta else -7
    elif rel == "next":
        days = delta or 7
    elif _FUTURE.search(m.string):
        days = delta
    else:
        days = delta if delta <= 1 else delta - 7
    return Resolved(published + dt.timedelta(days=days), None, "day")


def _resolve_days_ago(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    if published is None:
        return None
    word = (m.group("n") or "1").lower()  # "yesterday" has no number
    n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    return Resolved(published - dt.timedelta(days=n), None, "day")


_REL = r"(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|(?:[Ee]arlier|[Ll]ater)\s+this)"

#: The grammar, most specific first; each rule's spans are closed to the rules after it.
RULES: tuple[Rule, ...] = (
    Rule("date range", re.compile(
        rf"(?:[Ff]rom\s+)?{_date('a')}{_TO}{_date('b')}"
    ), _resolve_range, "month"),
    Rule("between dates", re.compile(
        rf"[Bb]etween\s+{_date('a')}\s+and\s+{_date('b')}"
    ), _resolve_range, "month"),
    Rule("days of one month", re.compile(
        rf"{_month('m')}\s+(?P<d1>{_DAY})\s*[-–—]\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"
    ), _resolve_day_span, "month"),
    Rule("days of one month, day first", re.compile(
        rf"(?<![\d,.])(?P<d1>{_DAY})\s*[-–—]\s*(?P<d2>{_DAY})\s+{_month('m')}"
        rf"(?:,?\s+(?P<y>{_YEAR}))?"
    ), _resolve_day_span, "month"),
    Rule("date", re.compile(_date("a")), _resolve_day, "month"),
    Rule("month and year", re.compile(rf"{_month('m')},?\s+(?P<y>{_YEAR})"),
         _resolve_month_year, "month"),
    Rule("month", re.compile(
        rf"(?<!\w)[Ii]n\s+(?:(?:early|mid|late)[- ]?\s*)?{_month('m')}(?!\s*\d)"
    ), _resolve_month, "month"),
    Rule("relative month", re.compile(rf"(?<!\w){_REL}\s+month(?!\w)"),
         _resolve_relative_month, "month-word"),
    Rule("year", re.compile(
        rf"(?<!\w)[Ii]n\s+(?:(?:early|mid|late)[- ]?\s*)?(?P<y>{_YEAR})"
    ), _resolve_year, "digit"),
    Rule("relative year", re.compile(
        rf"(?<![Tt]he )(?<![Pp]ast )(?<!\w){_REL}\s+year(?![\w-])"
    ), _resolve_relative_year, "year-word"),
    Rule("weekday", re.compile(
        rf"(?<!\w)(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{_WEEKDAY_ALT})(?!\w)"
    ), _resolve_weekday, "day-word"),
    Rule("days ago", re.compile(
        r"(?<!\w)(?:(?P<n>\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?"
        r"\s+ago|[Yy]esterday)(?!\w)"
    ), _resolve_days_ago, "ago"),
)


# --- 3.-4. events ------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    """A date expression in a text: what it says, where, and by which rule."""

    start: int  # offset in the text
    end: int
    rule: str
    resolved: Resolved


#: Every rule of the grammar needs one of these (a digit, a month, "day" of a weekday or of
#: "days ago", "month", "year"): a sentence without any is skipped without running the rules,
#: which most sentences of an article are.
_MAYBE_DATE = re.compile(r"\d|[Mm]onth|[Yy]ear|[Dd]ay|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
                         r"|Nov|Dec")


_MONTH_ANY = re.compile(_MONTH_ALT)
_DIGIT = re.compile(r"\d")


def _signals(text: str) -> frozenset[str]:
    """The ``Rule.needs`` that ``text`` meets: one scan per sentence for all the rules."""
    found = {"month"} if _MONTH_ANY.search(text) else set()
    if _DIGIT.search(text):
        found.add("digit")
    for needs, words in (("month-word", ("month",)), ("year-word", ("year",)),
                         ("day-word", ("day",)), ("ago", ("ago", "esterday"))):
        if any(word in text for word in words):
            found.add(needs)
    return frozenset(found)


def find_dates(text: str, published: dt.date | None) -> list[Found]:
    """Every date expression of ``text`` that resolves, in text order."""
    if not _MAYBE_DATE.search(text):
        return []
    signals = _signals(text)
    claimed: list[tuple[int, int]] = []
    found: list[Found] = []
    for rule in RULES:
        if rule.needs not in signals:
            continue
        for m in rule.pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in claimed):
                continue
            claimed.append((m.start(), m.end()))  # even unresolved: never read twice
            resolved = rule.resolve(m, published)
            if resolved is not None:
                found.append(Found(m.start(), m.end(), rule.name, resolved))
    return sorted(found, key=lambda f: f.start)


def extract_events(blocks: Sequence[Block], published: dt.date | None) -> tuple[Event, ...]:
    """The dated events the blocks mention, by date then place in the text."""
    # 1.-3.
    candidates: list[tuple[int, int, Event]] = []
    for index, block in enumerate(blocks):
        if not _MAYBE_DATE.search(block.text):
            continue
        for a, b in sentence_spans(block.text):
            sentence = block.text[a:b]
            for f in find_dates(sentence, published):
                r = f.resolved
                event = Event(r.start, r.end, sentence, index, r.precision)
                candidates.append((index, a + f.start, event))
    # 4. one sentence per day; months and years are coarse enough that two sentences
    # naming "August" are usually two events, so those are all kept
    seen: set[tuple[dt.date, dt.date | None, str, str]] = set()
    kept: list[tuple[int, int, Event]] = []
    for index, offset, event in candidates:
        same = "" if event.precision == "day" else event.sentence
        key = (event.start, event.end, event.precision, same)
        if key not in seen:
            seen.add(key)
            kept.append((index, offset, event))
    kept.sort(key=lambda c: (c[2].start, c[2].end or c[2].start, c[0], c[1]))
    return tuple(event for _, _, event in kept)
