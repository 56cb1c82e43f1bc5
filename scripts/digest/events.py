"""Find the dated events an article's text mentions, for the timeline.

1. split every body block into sentences (kept verbatim);
2. run the date grammar (RULES, most specific first) over each sentence; a span claimed by
   one rule is not read again by a later one ("Monday, March 20" is one date, not two);
3. resolve each match to a date and a precision. Anything that needs a year the text does not
   give ("February 4", "in May"), or that is relative ("on Friday", "last year", "5 days
   ago"), is resolved against the article's own publication date only; with no publication
   date it is dropped, never guessed. A month or day without a year is the most recent one
   not after the publication date ("in March" in an article of May 2024 is March 2024, "in
   December" in one of January 2023 is December 2022), unless the dated clause itself names
   the year ("the 2022 Winter Olympics on February 4"); a year taken from the publication
   date, and any bare weekday, is marked ``inferred`` so the page can say so;
4. keep only events: a date in a clause that compares ("in 2021 it was 15 percent", "up
   from 10 percent in 2020", "than in 2019"), looks ahead ("will continue next year", "is
   expected to", "plans to", anything after the publication date) or gives an age ("born in
   1952") is no event (``excluded`` says why);
5. one entry per sentence of a paragraph that ends like a sentence (no datelines, listings
   or headings), its most precise date, then the first; and the first sentence
   for each distinct day (later ones are usually back-references: "The two men met in the
   Kremlin on Monday afternoon"); every sentence for a month or a year; sorted by date, then
   by place in the text. Each event carries its dated clause, for a long sentence;
6. the editor's ``events:`` in curation.yaml fix a date or drop an event, by paragraph anchor
   (``apply_fixes``; ``parse_fixes`` and ``check_fixes`` say what is wrong, and where).

What is worth a timeline entry: a day ("February 24", "on Monday"), a range of days ("from
August 30 to September 5"), a month ("in May", "earlier this month") and a year ("in 1949",
"last year"), each with its precision. Seasons ("last summer"), decades ("the 1990s"),
periods ("the first seven months of 2022") and vague spans ("for months") are not.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .errors import Problem
from .model import Block, Event, EventPrecision

# --- 1. sentences -------------------------------------------------------------------------

#: words ending in a full stop that do not end a sentence ("Lt. Gen. Jeffrey Cruz")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "lt", "gen", "col", "maj", "capt", "sgt", "adm", "sen",
    "rep", "gov", "st", "mt", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "jr", "sr", "inc", "corp", "co", "ltd", "approx",
    "dept", "ave", "blvd", "bros", "est", "fig", "vol", "univ", "assn", "govt", "intl",
})
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Za-z0-9])")
#: a word this long, of letters only, ending in a full stop ends a sentence even when the
#: next one starts in lower case ("support for China. date on this issue.": a fragment the
#: page left behind); a shorter one may be an abbreviation ("etc. and", "al. found")
_LOWER_START_MIN = 4
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
        if text[m.end()].islower() and not (
            m.group() == ". " and token[:-1].isalpha() and len(token) > _LOWER_START_MIN
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
    inferred: bool = False  # the year (or, for a weekday, the day) comes from the article date


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


#: A date up to a day after the publication date still counts as reported, not announced:
#: publication dates are often a time zone or an evening off ("talks on Tuesday" in an
#: article dated Monday).
GRACE = dt.timedelta(days=1)


#: A day without a year that falls this soon after the publication date is the one ahead
#: (an announced date, which is then no event: "Oct. 11–21" in an article of 4 October); any
#: other is the most recent one.
AHEAD_WINDOW = dt.timedelta(days=60)


def _recent_year(month: int, day: int, published: dt.date) -> int:
    """The year of ``month``/``day``: the coming one within ``AHEAD_WINDOW``, else the most
    recent one not after the publication date."""
    for year in (published.year, published.year + 1):
        found = _make_date(year, month, day)
        if found is not None and published + GRACE < found <= published + AHEAD_WINDOW:
            return year
    for year in range(published.year, published.year - 9, -1):  # February 29: one year in 4
        found = _make_date(year, month, day)
        if found is not None and found <= published + GRACE:
            return year
    return published.year - 1


def _resolve_day(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    year, month, day = _ymd(m, "a")
    inferred = year is None
    if year is None:
        if published is None:
            return None
        year = _recent_year(month, day, published)
    found = _make_date(year, month, day)
    return Resolved(found, None, "day", inferred) if found else None


def _resolve_range(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    y1, m1, d1 = _ymd(m, "a")
    y2, m2, d2 = _ymd(m, "b")
    inferred = y1 is None and y2 is None
    if y2 is None and y1 is not None:
        y2 = y1 + (1 if (m2, d2) < (m1, d1) else 0)
    elif y1 is None and y2 is not None:
        y1 = y2 - (1 if (m2, d2) < (m1, d1) else 0)
    elif y1 is None and y2 is None:
        if published is None:
            return None
        y1 = _recent_year(m1, d1, published)
        y2 = y1 + (1 if (m2, d2) < (m1, d1) else 0)
    assert y1 is not None and y2 is not None
    start, end = _make_date(y1, m1, d1), _make_date(y2, m2, d2)
    if start is None or end is None or end <= start:
        return None
    return Resolved(start, end, "day", inferred)


def _resolve_day_span(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """'March 20-22' or '20–22 March 2023': one month, two days."""
    month = MONTHS[m.group("m").lower()]
    d1, d2 = (int(re.sub(r"\D", "", m.group(g))) for g in ("d1", "d2"))
    if m.group("y"):
        year = int(m.group("y"))
    elif published is not None:
        year = _recent_year(month, d1, published)
    else:
        return None
    start, end = _make_date(year, month, d1), _make_date(year, month, d2)
    if start is None or end is None or end <= start:
        return None
    return Resolved(start, end, "day", not m.group("y"))


def _resolve_month_year(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    return Resolved(dt.date(int(m.group("y")), MONTHS[m.group("m").lower()], 1), None, "month")


def _resolve_month(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """'in March': the most recent March up to the publication month."""
    if published is None:
        return None
    month = MONTHS[m.group("m").lower()]
    year = published.year if month <= published.month else published.year - 1
    return Resolved(dt.date(year, month, 1), None, "month", True)


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


def _resolve_weekday(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """'last Friday' is in the week before, 'next Monday' in the week after. A bare weekday
    is read as news reads it: in a sentence about the future, the first such day from the
    publication date on; otherwise the last such day up to the day after publication ("on
    Friday" in a Monday article is three days before, "talks on Tuesday" the day after)."""
    if published is None:
        return None
    delta = (WEEKDAYS[m.group("wd")] - published.weekday()) % 7  # 0..6 days ahead
    rel = (m.group("rel") or "").lower()
    if rel == "last":  # "last Tuesday" on a Wednesday is the week before, not yesterday
        days = delta - 7 if delta < 6 else -8
    elif rel == "next":
        days = delta or 7
    elif _looks_ahead(m.string, m.start(), m.end()):
        days = delta
    else:
        days = delta if delta <= 1 else delta - 7
    return Resolved(published + dt.timedelta(days=days), None, "day", True)


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
        rf"(?<![Tt]he )(?<![Pp]ast )(?<!\w){_REL}\s+year(?![\w-])(?!['’]s)"
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


# --- 4. what is not an event --------------------------------------------------------------

#: where one clause of a sentence ends: a comma (not inside "7,000"), a semicolon, a colon, a
#: dash set off by spaces
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|;|:(?!\d)|\s[—–-]\s|—")
_CLAUSE_WORDS = 8
#: a sentence this short is shown whole; a longer one by the clause that holds its date
SHORT_SENTENCE_WORDS = 30

#: looking ahead: the date is of something that has not happened yet
_AHEAD = re.compile(
    r"(?<!\w)(?:will|won['’]t|shall|(?:is|are|was|were)\s+(?:expected|due|set|scheduled|"
    r"slated|poised|going)\s+to|(?:plans?|planning|intends?|aims?)\s+to|scheduled\s+for|"
    r"(?:likely|unlikely|forecast|projected)\s+to|"
    r"to\s+be\s+held|upcoming|forthcoming|by\s+the\s+end\s+of)(?!\w)",
    re.IGNORECASE,
)
#: ...unless the clause reports what was said: "Putin said on Monday he will visit"
_REPORTED = re.compile(
    r"(?<!\w)(?:said|told|announced|stated|wrote|added|warned|declared|confirmed|"
    r"promised|pledged|vowed)(?!\w)", re.IGNORECASE)
#: comparing: the date is the other side of a figure, not an event
_COMPARED = re.compile(
    r"(?<!\w)(?:compared|comparison|versus|vs\.?|year[- ]on[- ]year|year[- ]over[- ]year|"
    r"same\s+(?:period|time|month|quarter|week)|a\s+year\s+(?:earlier|before|ago)|"
    r"(?:up|down)\s+from)(?!\w)", re.IGNORECASE)
#: a bound, a deadline or a reference date, not something that happened on the day: "before
#: May 10", "by Monday", "as of March 20"
_BOUND_BEFORE = re.compile(r"(?<!\w)(?:before|until|till|by|no\s+later\s+than|ahead\s+of|as\s+of)"
                           r"\s+$", re.IGNORECASE)
_THAN_BEFORE = re.compile(r"(?<!\w)than\s+(?:(?:in|during|at|on|for)\s+)?$", re.IGNORECASE)
_FIGURE_FROM_BEFORE = re.compile(r"(?<!\w)from\s+\S*\d[^,;]*\s$", re.IGNORECASE)
_AS_BEFORE = re.compile(r"(?<!\w)(?:as|like)\s+(?:\w+\s+){0,2}(?:did|does|had|has|was|were)\s+$",
                        re.IGNORECASE)
_IT_WAS_AFTER = re.compile(
    r"\s*,?\s*(?:it|they|this|that|there|the\s+(?:figure|share|number|rate|total))\s+"
    r"(?:was|were|had\s+been|stood\s+at)(?!\w)", re.IGNORECASE)
#: an age or a birth: "born in 1952", "the 70-year-old", "aged 69"
_AGE = re.compile(r"(?<!\w)(?:born|aged|age\s+of|at\s+age|\d+-year-old|years?\s+old)(?!\w)",
                  re.IGNORECASE)
_YEAR_IN_TEXT = re.compile(rf"(?<![\w-]){_YEAR}")


@functools.lru_cache(maxsize=512)
def _clause_cuts(sentence: str) -> tuple[int, ...]:
    """Where the clauses of ``sentence`` start and end, sorted (cached: every date of a
    sentence asks several times)."""
    cuts = {0, len(sentence)}
    for m in _CLAUSE_END.finditer(sentence):
        cuts.update((m.start(), m.end()))
    return tuple(sorted(cuts))


def clause_span(sentence: str, start: int, end: int, words: int = _CLAUSE_WORDS) -> tuple[int, int]:
    """(start, end) of the clause of ``sentence`` holding ``sentence[start:end]``, grown by the
    clauses next to it (the one after first) until it has ``words`` words."""
    cuts = _clause_cuts(sentence)
    i = bisect.bisect_right(cuts, start) - 1  # the last cut at or before start
    j = bisect.bisect_left(cuts, end)  # the first cut at or after end
    while len(sentence[cuts[i]:cuts[j]].split()) < words and (i > 0 or j < len(cuts) - 1):
        if j < len(cuts) - 1:
            j += 1
        else:
            i -= 1
    return cuts[i], cuts[j]


def excluded(sentence: str, found: Found, published: dt.date | None) -> str | None:
    """Why the date ``found`` in ``sentence`` is no event (None: it is one)."""
    r = found.resolved
    if published is not None:
        if r.precision == "year" and r.start.year > published.year:
            return "after the publication date"
        if r.precision == "month" and r.start > published.replace(day=1):
            return "after the publication date"
        if r.precision == "day" and r.start > published + GRACE:
            return "after the publication date"
    a, b = clause_span(sentence, found.start, found.end, words=0)
    before, clause = sentence[a:found.start], sentence[a:b]
    if _AGE.search(clause):
        return "an age"
    if (_COMPARED.search(clause) or _THAN_BEFORE.search(before)
            or _FIGURE_FROM_BEFORE.search(before) or _AS_BEFORE.search(before)
            or _IT_WAS_AFTER.match(sentence, found.end)):
        return "a comparison"
    if _BOUND_BEFORE.search(before):
        return "a bound or deadline"
    if _looks_ahead(sentence, found.start, found.end):
        return "a forecast or plan"
    return None


def _looks_ahead(sentence: str, start: int, end: int) -> bool:
    """Whether the date at ``sentence[start:end]`` belongs to something still to come: its
    clause (with the next one, after a bare "On Tuesday,") holds a word that looks ahead
    ("will", "is expected to", "plans to") nearer the date than any word that reports
    ("said", "announced"): "Putin said on Monday he will visit" is Monday's statement, "X
    said staff will get notice Monday" is Monday's plan."""
    a, b = clause_span(sentence, start, end, words=4)
    markers = [(m, True) for m in _AHEAD.finditer(sentence, a, b)]
    markers += [(m, False) for m in _REPORTED.finditer(sentence, a, b)]
    if not any(ahead for _, ahead in markers):
        return False
    def distance(m: re.Match[str]) -> int:
        return start - m.end() if m.end() <= start else m.start() - end
    _, ahead = min(markers, key=lambda pair: (distance(pair[0]), pair[0].start()))
    return ahead


def _clause_year(sentence: str, found: Found) -> int | None:
    """The one year the dated clause names, if it names exactly one."""
    a, b = clause_span(sentence, found.start, found.end, words=0)
    years = {int(y) for y in _YEAR_IN_TEXT.findall(sentence[a:b])}
    return years.pop() if len(years) == 1 else None


def _with_clause_year(sentence: str, found: Found, published: dt.date | None) -> Found:
    """A month or day without a year takes the year its own clause names ("on the opening
    day of the 2022 Winter Olympics on February 4"): the text, not the article date, says it.
    """
    if not found.resolved.inferred or found.rule in ("weekday",):
        return found
    year = _clause_year(sentence, found)
    if year is None or (published is not None and year > published.year):
        return found
    rule = next(r for r in RULES if r.name == found.rule)
    m = rule.pattern.match(sentence, found.start)
    resolved = rule.resolve(m, dt.date(year, 12, 31)) if m else None
    if resolved is None:
        return found
    shift = year - resolved.start.year  # the resolver may pick the coming January
    try:
        start = resolved.start.replace(year=resolved.start.year + shift)
        end = resolved.end.replace(year=resolved.end.year + shift) if resolved.end else None
    except ValueError:  # February 29
        return found
    return replace(found, resolved=replace(resolved, start=start, end=end, inferred=False))


def clause_of(sentence: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """What the timeline shows of a sentence, and where in it the date ``sentence[start:end]``
    is: the whole of a short sentence; of a long one the clause holding the date, with "…"
    where the sentence goes on. Quotation marks are the sentence's own, never added (a
    closing one left at the start of a clause is dropped)."""
    if len(sentence.split()) <= SHORT_SENTENCE_WORDS:
        return sentence, (start, end)
    a, b = clause_span(sentence, start, end)
    while a < start and (sentence[a] in " ,;:—–-”’" or sentence[a].isspace()):
        a += 1
    while b > end and (sentence[b - 1] in " ,;:—–-“‘" or sentence[b - 1].isspace()):
        b -= 1
    prefix = "… " if sentence[:a].strip(" ,;:—–-”’\"'") else ""
    suffix = " …" if sentence[b:].strip(" .!?,;:—–-”’\"'") else ""
    shift = len(prefix) - a
    return f"{prefix}{sentence[a:b]}{suffix}", (start + shift, end + shift)


# --- 5. events ------------------------------------------------------------------------------

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
#: a sentence ends like one: "June 9 -- Coral Sky Amphitheatre" or "— Jane (@jane) November
#: 15, 2019" does not
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$")


def sentence_dates(sentence: str, published: dt.date | None) -> list[Found]:
    """The dates of ``sentence`` that are events, most precise first, then in text order."""
    kept = [_with_clause_year(sentence, f, published) for f in find_dates(sentence, published)]
    kept = [f for f in kept if excluded(sentence, f, published) is None]
    return sorted(kept, key=lambda f: (_PRECISION_RANK[f.resolved.precision], f.start))


def extract_events(blocks: Sequence[Block], published: dt.date | None) -> tuple[Event, ...]:
    """The dated events the blocks mention, by date then place in the text: one per sentence,
    and the first sentence for each day."""
    days: set[tuple[dt.date, dt.date | None]] = set()
    kept: list[tuple[int, int, Event]] = []
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or not _MAYBE_DATE.search(block.text):
            continue
        for number, (a, b) in enumerate(sentence_spans(block.text)):
            sentence = block.text[a:b]
            if not _ENDS_SENTENCE.search(sentence):
                continue  # a dateline, a byline, a listing, an embed's footer: no event
            for f in sentence_dates(sentence, published):
                r = f.resolved
                if r.precision == "day" and (r.start, r.end) in days:
                    continue  # a back-reference to a day already on the timeline
                if r.precision == "day":
                    days.add((r.start, r.end))
                clause, mark = clause_of(sentence, f.start, f.end)
                event = Event(r.start, r.end, sentence, index, r.precision, r.inferred,
                              clause if clause != sentence else "", number, mark=mark)
                kept.append((index, a + f.start, event))
                break
    kept.sort(key=lambda c: (c[2].start, c[2].end or c[2].start, c[0], c[1]))
    return tuple(event for _, _, event in kept)


# --- 6. the editor's fixes (curation.yaml ``events:``) --------------------------------------

#: a paragraph anchor as the article page has it ("b7", "#b7"), with an optional sentence
#: number ("b7.2": its second sentence)
_ANCHOR = re.compile(r"#?b(\d{1,6})(?:\.(\d{1,4}))?")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")
DROP = "drop"
EARLIEST_YEAR, LATEST_YEAR = 1000, 2100


@dataclass(frozen=True)
class EventFix:
    """One line of ``events:``: the event of paragraph ``block`` (of its ``sentence``-th
    sentence, 1-based, when given) gets ``date`` at ``precision``, or is dropped (date None)."""

    anchor: str
    block: int
    sentence: int | None
    date: dt.date | None
    precision: EventPrecision = "day"
    # where the editor wrote it (file, "line (key path)"), for a problem found later
    origin: tuple[str, str] = ("curation.yaml", "")


def _fix_date(value: Any) -> tuple[dt.date, EventPrecision]:
    """A date, a month or a year as the editor may write it (YAML reads 2023-03-20 as a date
    and 2023 as a number); ValueError for anything else."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        text = value.strip()
        m = _PARTIAL_DATE.fullmatch(text)
        if m and m.group(2):
            return dt.date(int(m.group(1)), int(m.group(2)), 1), "month"
        if m:
            return dt.date(int(m.group(1)), 1, 1), "year"
        return dt.date.fromisoformat(text), "day"
    raise ValueError(value)


def parse_fixes(value: Any) -> tuple[list[EventFix], list[tuple[object, str, str]]]:
    """The editor's ``events:`` mapping: the fixes, and the problems as (key or None for the
    whole mapping, what, fix)."""
    if not isinstance(value, dict):
        return [], [(None, "events must be a mapping of paragraph anchors to a date or 'drop'",
                     "write e.g. 'events: {b7: 2023-03, b12: drop}'")]
    fixes: list[EventFix] = []
    problems: list[tuple[object, str, str]] = []
    for key, date in value.items():
        m = _ANCHOR.fullmatch(str(key).strip())
        if m is None or (m.group(2) is not None and int(m.group(2)) < 1):
            problems.append((key, f"{key!r} is not a paragraph anchor",
                             "write the anchor of the paragraph, as in the article's address "
                             "after '#' (b7), or b7.2 for its second sentence"))
            continue
        block, sentence = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        anchor = str(key)  # as written: the key of its line in the file
        if isinstance(date, str) and date.strip().lower() == DROP:
            fixes.append(EventFix(anchor, block, sentence, None))
            continue
        try:
            when, precision = _fix_date(date)
            if not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
                raise ValueError(date)
        except ValueError:
            problems.append((key, f"{date!r} is neither a date nor 'drop'",
                             "write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2023-03), or drop"))
            continue
        fixes.append(EventFix(anchor, block, sentence, when, precision))
    return fixes, problems


def _sentences_of(block: Block) -> list[str]:
    return split_sentences(block.text)


def check_fixes(blocks: Sequence[Block], fixes: Sequence[EventFix],
                published: dt.date | None) -> list[Problem]:
    """What in the editor's ``events:`` cannot apply to this article (an anchor that does not
    exist, a date for a paragraph of several events without the sentence number)."""
    problems: list[Problem] = []
    if not fixes:
        return problems
    found = extract_events(blocks, published)
    last = f"b0 to b{len(blocks) - 1}" if blocks else "none"
    for fix in fixes:
        path, where = fix.origin

        def say(what: str, how: str) -> None:
            problems.append(Problem(path, where, what, how))  # noqa: B023 - used at once

        if fix.block >= len(blocks):
            say(f"no paragraph {fix.anchor} in this article (its anchors are {last})",
                "use the anchor the timeline links to (…#b7), or remove this line")
            continue
        sentences = _sentences_of(blocks[fix.block])
        if fix.sentence is not None:
            if fix.sentence > len(sentences):
                say(f"paragraph b{fix.block} has {len(sentences)} sentence(s), not "
                    f"{fix.sentence}", f"use b{fix.block}.1 to b{fix.block}.{len(sentences)}")
            continue
        if fix.date is None:
            continue  # drop: whatever events the paragraph has
        held = sorted({e.index + 1 for e in found if e.block == fix.block})
        if len(held) > 1:
            say(f"paragraph b{fix.block} holds {len(held)} events (sentences "
                f"{', '.join(map(str, held))}), and a date needs one",
                "write " + " or ".join(f"b{fix.block}.{n}" for n in held))
        elif not held and len(sentences) > 1:
            say(f"paragraph b{fix.block} has no event and {len(sentences)} sentences, so the "
                "sentence to date is not clear",
                f"write b{fix.block}.N, N the sentence (1 to {len(sentences)})")
    return problems


def apply_fixes(found: Sequence[Event], fixes: Sequence[EventFix],
                blocks: Sequence[Block]) -> tuple[Event, ...]:
    """The events after the editor's fixes (checked first by ``check_fixes``): a dropped event
    is gone, a fixed one has the editor's date, marked ``edited``, and a sentence the
    extractor missed (or excluded) is added when the editor dates it."""
    events = list(found)
    for fix in fixes:
        if fix.block >= len(blocks):
            continue
        index = None if fix.sentence is None else fix.sentence - 1
        if index is None and fix.date is not None:
            held = [e.index for e in events if e.block == fix.block]
            index = held[0] if held else 0
        targets = [e for e in events
                   if e.block == fix.block and (index is None or e.index == index)]
        events = [e for e in events if e not in targets]
        if fix.date is None:
            continue
        sentences = _sentences_of(blocks[fix.block])
        if index is None or index >= len(sentences):
            continue
        base = targets[0] if targets else Event(fix.date, None, sentences[index], fix.block,
                                                index=index)
        events.append(replace(base, start=fix.date, end=None, precision=fix.precision,
                              inferred=False, edited=True))
    events.sort(key=lambda e: (e.start, e.end or e.start, e.block, e.index))
    return tuple(events)
