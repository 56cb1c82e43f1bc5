"""Stage 3, extract (the date): when the article of a text capture was published.

A capture holds many dates: the article's dateline, its comments' stamps, teasers' dates, a
"last updated" line, the site's copyright year, dates inside the story and in embedded posts.
Only one is the publication date, and it stands in the article's header: under the headline,
above the first paragraph. The choice here, in order:

1. a date the page labels as the publication date ("Published: ...", a ``"datePublished"``
   field of the page's structured data printed in the capture);
2. else the date of the header (from just above the headline to the first paragraph, or a few
   lines above the first paragraph when no headline was found; a stamp just under a first
   paragraph that is a standfirst, or that first paragraph itself when it is a bare stamp),
   the cleaner's dateline and byline lines first, skipping
   lines that say they are not the publication: an update stamp, a comment's or an embedded
   post's stamp, a copyright line, an expiry or retrieval date, a link to the previous or next
   post; and, among the other lines, a headline or masthead with a date in it (more words than
   a name beside the date) and a series of same-shaped stamps with different days (a comment
   thread, a teaser list); the stamps of a list of teasers over the headline (two or more of
   one shape, each next to another story's headline), whatever their days; a header date
   later than the day a sentence of the page says the article was posted or first published
   ("This entry was posted on ...", "Originally published January 4, 2010.") is an update's
   or a re-publication's, not taken;
3. else a sentence of the page saying when this entry was posted ("This entry was written by
   matt, posted on 10/18/2012 at 12:22 pm."), or a "Posted on ..." line elsewhere (a blog
   post's footer) when all such lines agree;
4. a relative date ("5 hours ago") only against a known capture date.

Two header dates that disagree, and no label saying which is which, leave the date unknown:
a wrong date is published silently, a missing one is a clear message to the editor. The one
exception: later dates over the headline and the earliest under it (the site's "today" over
the headline, the article's dateline under the byline) give the earliest.

Dates are read in English and in the common western European languages ("24 novembre 2017",
"1 de diciembre de 2017", "21.dez.2018", "30. April 2015") by a table of month names: a general
date parser on every header line would cost more than the whole cleaning pass. A numeric date
that reads two ways (03/04/2020) takes the order the same page uses in an unambiguous numeric
date (14/09/2011 says day first), or the reading that falls on the weekday its line names;
without either it stays unknown.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter
from typing import Literal

from digest import rules as R
from digest.model import UNKNOWN, Fact, Line

# The earliest and latest years a news date is believed: a four-digit number outside this range
# in a "date" is a product code or a street number, not a year.
MIN_YEAR, MAX_YEAR = 1900, 2100

# How many lines of text above the first paragraph the header is looked for when no headline
# was found: a title, dek, byline, outlet and date line and a caption fit, the site menu not.
HEADER_REACH = 12

# Lines of text above the headline still read as its header (a kicker and date printed over it).
ABOVE_TITLE = 3

# How many characters before its year a date written with the month's name starts at most
# ("Wednesday, 9th of September, 2012" and a little more).
NAMED_DATE_REACH = 40

# A dateline is a short line; a longer one is a sentence, a teaser or a table row.
DATE_LINE_MAX_CHARS = 120

# A label alone on the line above a date ("Published", "Last updated:") is short.
LABEL_MAX_CHARS = 30

# A date stamp printed under the first paragraph the cleaner found (a standfirst or a caption
# read as body): within this many lines of text under it, on a short line that is no paragraph.
AFTER_BODY = 3
STAMP_MAX_CHARS = 60

Order = Literal["dmy", "mdy"]

_LATIN_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    # English, French, Spanish, Portuguese, Italian, German, Dutch (full names and the usual
    # abbreviations); names shared by languages are listed once.
    ("jan", "january", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen", "januar",
     "jänner", "januari"),
    ("feb", "february", "février", "fevrier", "févr", "fev", "fév", "febrero", "fevereiro",
     "febbraio", "februar", "februari"),
    ("mar", "march", "mars", "marzo", "março", "marco", "märz", "maerz", "mrz", "maart", "mär"),
    ("apr", "april", "avril", "avr", "abril", "abr", "aprile"),
    ("may", "mai", "mayo", "maio", "maggio", "mag", "mei"),
    ("jun", "june", "juin", "junio", "junho", "giugno", "giu", "juni"),
    ("jul", "july", "juillet", "juil", "julio", "julho", "luglio", "lug", "juli"),
    ("aug", "august", "août", "aout", "agosto", "ago", "augustus"),
    ("sep", "sept", "september", "septembre", "septiembre", "setembro", "set", "settembre",
     "setiembre"),
    ("oct", "october", "octobre", "octubre", "outubro", "out", "ottobre", "ott", "oktober",
     "okt"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "décembre", "decembre", "déc", "diciembre", "dic", "dezembro", "dez",
     "dicembre", "dezember"),
)
# ... and the digest's own Russian and Ukrainian (rules.CYRILLIC_MONTH_NAMES)
_MONTH_NAMES = tuple(latin + cyrillic for latin, cyrillic
                     in zip(_LATIN_MONTH_NAMES, R.CYRILLIC_MONTH_NAMES, strict=True))
_MONTH_NUM = {name: i for i, names in enumerate(_MONTH_NAMES, start=1) for name in names}
# (each script's names behind a test of the first letter: the pattern is tried at every word
# of a line, and most words start with a letter no month name of the other script does)
_MONTH_ALT = "|".join(
    rf"(?=[{first}])(?:{'|'.join(sorted({re.escape(n) for n in names}, key=len, reverse=True))})"
    for first, names in (
        ("a-zA-Zéèêëàâäôöûüùîïçñ", [n for names in _LATIN_MONTH_NAMES for n in names]),
        (R.CYRILLIC_LETTERS, [n for names in R.CYRILLIC_MONTH_NAMES for n in names])))
_MONTH = rf"(?P<month>{_MONTH_ALT})\.?"

_DIGIT_RE = re.compile(r"\d")
_YEAR_RE = re.compile(r"\d{4}")  # every dated line the page shows in a series has a year
_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_YMD_DOTS_RE = re.compile(r"\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b")
# A year ends at a word's end, or where a clock time starts: a page that sets the date and the
# time in two elements without a space between them prints "May 4, 20245:00 AM ET"
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d{2}\b))"
# "Aug 9, 2012", "Monday, November 5 2012"
_MDY_RE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_YEAR_END}",
    re.IGNORECASE)
# "9th August 2012", "24 novembre 2017", "1 de diciembre de 2017", "21.dez.2018", "30. April 2015"
_DMY_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?{_MONTH}\s*,?\s*"
    rf"(?:de\s+|del\s+)?(?P<year>\d{{4}}){_YEAR_END}",
    re.IGNORECASE,
)
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
# Chinese and Japanese "2024年5月4日", Korean "2024년 5월 4일" (year, month, day: one reading)
_CJK_YMD_RE = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_ANY_DATE_RE = re.compile(
    "|".join(f"(?:{rx.pattern})" for rx in (_ISO_RE, _YMD_DOTS_RE, _NUMERIC_RE, _CJK_YMD_RE))
    + rf"|\b{_MONTH.replace('?P<month>', '?:')}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    + rf"|\b\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?{_MONTH.replace('?P<month>', '?:')}"
    + rf"\s*,?\s*(?:de\s+|del\s+)?\d{{4}}{_YEAR_END}",
    re.IGNORECASE,
)

# What a line says it is. A label for the publication itself ...
_PUBLISHED_RE = re.compile(
    r"\b(?:published|posted|datePublished|first\s+published|publié|publicado|pubblicato"
    r"|veröffentlicht|erschienen|gepubliceerd|publicerad|publiceret|publisert|julkaistu"
    r"|opublikowano|опубликовано|опубликован|дата\s+публикации)\b"
    r"|发稿时间|发布时间|发布于|发表于|发表时间|发布日期",
    re.IGNORECASE,
)
# ... an update's label ("Last Updated", "Mis à jour", "Aktualisiert"), which counts before
# the line's first date ("30 avril 2015 à 07:19 (Mis à jour : ...)" was published on the 30th)
_UPDATE_WORDS = (
    r"updated|(?:last|latest)\s+update|update(?=\s*:)|upd\.?|modified|modifi[ée]e?|modification|modificad[oa]|modificaci[óo]n"
    r"|modificat[oa]|edited|revised|reviewed|refreshed|fact[-\s]checked|dateModified|amended"
    r"|corrected|last\s+changed|as\s+of"
    r"|mise?\s+à\s+jour|actualis[ée]e?|actualizad[oa]|actualización|atualizad[oa]|atualização"
    r"|aggiornat[oa]|aggiornamento|ultima\s+modifica|aktualisiert|aktualisierung|geändert"
    r"|änderung|stand(?=\s*:)|bijgewerkt|gewijzigd|opdateret|uppdaterad|uppdaterat|oppdatert"
    r"|päivitetty|zaktualizowano|aktualizacja|aktualizováno|aktualizace|güncellendi|güncelleme"
    r"|обновлено|обновлен"
)
# (the Chinese and Japanese "更新", an update, stands between other letters: no word boundary)
_UPDATE_RE = re.compile(rf"\b(?:{_UPDATE_WORDS})\b|更新", re.IGNORECASE)
_UPDATE_LEAD_RE = re.compile(
    r"\W*(?:(?:last|latest|page|dernière|última|ultima|ultimo|zuletzt|laatst|senast|sidst)"
    r"\s+)?\Z", re.IGNORECASE)
_AT_RE = re.compile(r"^\W*(?:at|on)\b", re.IGNORECASE)
# ... and lines whose date is another one anywhere they say so: a comment ("reply", "says"), a
# copyright line, a document's expiry or a reference's retrieval, the day the page was printed,
# an embedded post ("— Name (@handle) August 9, 2012"), a table row, a previous/next link.
_NOT_PUBLISHED_RE = re.compile(
    r"\b(?:reply|replies|says|said|wrote|expires?|retrieved"
    r"|archived|accessed|print(?:ed)?\s+date|(?:printed|downloaded|generated)\s+on)\b"
    r"|©|\(c\)|copyright|[│┃]"
    r"|^\s*«|»\s*$|\b(?:previous|next)\s+(?:post|article|story)\b",
    re.IGNORECASE,
)
# An embedded post's signature: "— Jane Doe (@janedoe) August 9, 2012"; a byline that gives its
# writer's handle ("By Jane Doe (@janedoe)", its date read with it) is the article's own
_EMBED_RE = re.compile(r"\(@\w+\)")
# A line that opens with the publication label: "Posted on July 10th, 2012", "Published: ..."
_LABEL_WORDS = ("osted", "OSTED", "ublished", "UBLISHED")  # what _LABEL_FIRST_LINE_RE needs
_LABEL_FIRST_LINE_RE = re.compile(
    r"^[^\w\n]*(?:published|posted|first\s+published)\b", re.IGNORECASE | re.MULTILINE)
# A sentence of the page that states when this article was published: "This entry was posted
# on Monday, August 6th, 2012 at 10:00 am and is filed under ...", "This entry was written by
# matt, posted on 10/18/2012", "... Schneider. Posted on Sunday, August 26, 2012", "This article
# was published on guardian.co.uk at 13.10 EDT on Monday 29 October 2012. It was last modified
# at ...". Its date follows within the same sentence.
_OWN_RE = re.compile(
    r"\bthis\s+(?:entry|post|article|story|column|piece)\s+was\s+"
    r"(?:written\s+by\s+[^.;\n]{1,40}?,\s+)?(?:posted|published)\b"
    r"|[.!?]\s+(?:posted|published)\s+on\b",
    re.IGNORECASE)
# ... or when it was first published, elsewhere or before: "Originally published January 4,
# 2010." under a post the header dates on the day it was put up again, "Originally published
# at www.example.com on November 18, 2011." on a page that published it years later.
_ORIGINAL_RE = re.compile(r"\b(?:originally|first)\s+(?:published|posted|appeared)\b",
                          re.IGNORECASE)
_STATED_WORDS = ("osted", "ublished", "ppeared")  # what _OWN_RE and _ORIGINAL_RE need
# How far after its label a stated date may start ("by Asia Times Online on 4 June 2003"),
# and how long a line holding such a sentence is at most (a post's footer, a note).
STATED_REACH = 60
STATED_MAX_CHARS = 300
_SENTENCE_END_RE = re.compile(r"[.!?]\s+[A-Z]")
# A comment thread's heading: the dated lines under it are its comments' stamps.
_COMMENTS_HEAD_RE = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|reactions|discussion|leave\s+a\s+(?:reply|comment)"
    r"|kommentare|commentaires|comentarios|комментари[ийя]|(?:网友|最新|热门)?评论)\W*"
    r"(?:[(（]\d+[)）])?\W*$",
    re.IGNORECASE,
)
# A stamp with a clock time under this many stamps of its own shape is a comment of a thread.
SERIES_ABOVE = 2
# Date lines of one shape over the headline, each next to a line of TEASER_TITLE_WORDS words or
# more (another story's headline), that make a list of teasers' stamps
TEASER_STAMPS = 2
TEASER_TITLE_WORDS = 4
_TEXT = attrgetter("text")
_DIGITS_AS_0 = str.maketrans("123456789", "000000000")
_CLOCK_SHAPE_RE = re.compile(r"0[:.h]0")  # a clock time in a stamp's shape (digits as 0)
_DIGITS_RE = re.compile(r"\d+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# How far under a comment thread's heading its stamps are looked for (lines of the page).
COMMENTS_REACH = 15
# What a dateline holds besides its date: a weekday, a clock time and zone, a label, a
# connective; what is left is a name or two ("Dan Goodin - Apr 16, 2015 8:02 pm UTC") or a
# sentence or headline with a date in it ("AWS Week in Review - October 29, 2012").
_STAMP_FILLER_RE = re.compile(
    r"\b(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|[ap]\.?m\b\.?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
    # (an update that gives no date of its own: "Jane Doe / March 5, 2019 / Updated 2 hours ago")
    r"|(?:updated\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?)\s+ago"
    r"|posted|published|\d+)\b",
    re.IGNORECASE,
)
# A line of a clock time, a weekday and a time zone at most ("Thursday", "5:05 PM EST", "|").
_FILLER_LINE_RE = re.compile(
    r"[\W_]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[\W_]*)?"
    r"(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?[\W_]*(?:[a-z]{2,4}\b[\W_]*)?)?\Z",
    re.IGNORECASE)
# Words longer than SHORT_WORD letters a dateline may keep besides its date: an author's name,
# an agency, a place (chosen on train: three let a masthead's "complete online news edition"
# and an event's title through, at no gain).
STAMP_MAX_WORDS = 2
SHORT_WORD = 4
# A web address: a scheme or "www.", or a domain name followed by a path.
_LINK_RE = re.compile(r"(?:\b[a-z][a-z+.-]*://|\bwww\.|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/)\S*",
                      re.IGNORECASE)
_STRUCTURED_RE = re.compile(r"[\"']datePublished[\"']\s*:\s*[\"']([^\"']+)[\"']")


def _mk(y: int, m: int, d: int) -> dt.date | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _named(rx: re.Pattern[str], text: str) -> dt.date | None:
    m = rx.search(text)
    if not m:
        return None
    return _mk(int(m.group("year")), _MONTH_NUM[m.group("month").lower()], int(m.group("day")))


def _numeric(a: int, b: int, y: int, order: Order | None) -> dt.date | None:
    if a > 12 >= b or (order == "dmy" and b <= 12):
        return _mk(y, b, a)
    if b > 12 >= a or order == "mdy":
        return _mk(y, a, b)
    return None  # both readings possible (03/04/2020) and the page does not say: never guessed


_WEEKDAY_RE = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|\.)?\b", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday_order(text: str, a: int, b: int, y: int) -> Order | None:
    """The reading of a two-way numeric date that falls on the weekday the line names
    ("Monday, 11.05.2012" is 5 November: 11 May 2012 was a Friday), if only one does."""
    m = _WEEKDAY_RE.search(text)
    if m is None:
        return None
    day = _WEEKDAYS.index(m.group(1).lower())
    dmy, mdy = _mk(y, b, a), _mk(y, a, b)
    fits_dmy = dmy is not None and dmy.weekday() == day
    fits_mdy = mdy is not None and mdy.weekday() == day
    if fits_dmy != fits_mdy:
        return "dmy" if fits_dmy else "mdy"
    return None


def _script_order(text: str) -> Order | None:
    """Day first where the line is written in Russian or Ukrainian ("Опубликовано: 12.03.2024"):
    those languages never write the month first."""
    return "dmy" if _CYRILLIC_RE.search(text) else None


_CYRILLIC_RE = re.compile(f"[{R.CYRILLIC_LETTERS}]")


def parse_date(
    text: str, captured_on: dt.date | None = None, order: Order | None = None
) -> dt.date | None:
    """The first unambiguous calendar date written in ``text``, or None.

    ``order`` reads a two-way numeric date ("dmy": 09/08/2012 is 9 August); ``captured_on``
    resolves a relative one ("3 days ago")."""
    for rx in (_ISO_RE, _YMD_DOTS_RE, _CJK_YMD_RE):
        m = rx.search(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            got = _mk(y, mo, d)
            if got:
                return got
    if any(ch.isalpha() for ch in text):
        got = _named(_MDY_RE, text) or _named(_DMY_RE, text)
        if got:
            return got
    m = _NUMERIC_RE.search(text)
    if m:
        a, b, y = (int(g) for g in m.groups())
        got = _numeric(a, b, y, order or _weekday_order(text, a, b, y) or _script_order(text))
        if got:
            return got
    if captured_on is not None:
        m = R.RELATIVE_DATE_RE.search(text)
        if m:
            n, unit = int(m.group(1)), m.group(2).lower()
            days = {"day": 1, "week": 7}.get(unit)
            if unit in ("second", "minute", "min", "hour", "hr"):
                return captured_on if n < 24 or unit != "hour" else None
            if days is not None:
                return captured_on - dt.timedelta(days=n * days)
    return None


def numeric_order(texts: Sequence[str]) -> Order | None:
    """The order of day and month in the page's numeric dates, where one of them can only be
    read one way (14/09/2011: day first; 6/13/2018: month first) and none says the opposite."""
    dmy = mdy = False
    for m in _NUMERIC_RE.finditer("\n".join(texts)):
        a, b = int(m.group(1)), int(m.group(2))
        dmy |= 12 < a <= 31 and 1 <= b <= 12
        mdy |= 12 < b <= 31 and 1 <= a <= 12
    if dmy != mdy:
        return "dmy" if dmy else "mdy"
    return None


def _two_way(text: str) -> bool:
    """``text`` holds a numeric date that reads two ways (03/04/2020)."""
    return any(int(m.group(1)) <= 12 and int(m.group(2)) <= 12
               for m in _NUMERIC_RE.finditer(text))


def _page_order(candidates: Sequence[Line], lines: Sequence[Line]) -> Order | None:
    """The numeric date order for ``candidates``: the header's own, else the page's; looked
    for only when a candidate needs it (a scan of the page is not free)."""
    header = "\n".join(map(_TEXT, candidates))
    if not _two_way(header):
        return None
    order = numeric_order([header])
    if order is None:
        page = ["\n".join(map(_TEXT, lines))]
        order = numeric_order(page) or named_order(header, page) or _page_script_order(page[0])
    return order


def _page_script_order(page: str) -> Order | None:
    """Day first on a page written mostly in Russian or Ukrainian (a Russian site's "15:30
    04.05.2024" has no word of Russian on its line: ``_script_order``)."""
    cyrillic = len(_CYRILLIC_RE.findall(page))
    return "dmy" if cyrillic > len(_LATIN_LETTER_RE.findall(page)) else None


_LATIN_LETTER_RE = re.compile(r"[A-Za-z]")


def named_order(text: str, page: Sequence[str]) -> Order | None:
    """The order in which the two-way numeric dates of ``text`` name a day the page writes
    with a month name ("Posted: 08/09/2012" on a page that shows "August 9, 2012" is 9
    August), when every such date reads one way only and all in the same order."""
    joined = ""
    orders: set[Order] = set()
    for m in _NUMERIC_RE.finditer(text):
        a, b, y = (int(g) for g in m.groups())
        if a <= 12 and b <= 12 and a != b:
            joined = joined or "\n".join(page)
            dmy, mdy = _names(joined, y, b, a), _names(joined, y, a, b)
            if dmy == mdy:
                return None
            orders.add("dmy" if dmy else "mdy")
    return orders.pop() if len(orders) == 1 else None


def _names(text: str, year: int, month: int, day: int) -> bool:
    """``text`` writes this day with its month's name: the pattern is tried only just before
    each place the year is written (a plain substring search), not along the whole page."""
    pattern, y = _written(year, month, day), str(year)
    at = text.find(y)
    while at != -1:
        if pattern.search(text, max(0, at - NAMED_DATE_REACH), at + len(y)):
            return True
        at = text.find(y, at + len(y))
    return False


@functools.lru_cache(maxsize=256)
def _written(year: int, month: int, day: int) -> re.Pattern[str]:
    """A pattern for one day written with its month's name, either order ("August 9, 2012",
    "9th Aug 2012", "9 de agosto de 2012"): one small pattern, not the whole month table."""
    names = "|".join(sorted((re.escape(n) for n in _MONTH_NAMES[month - 1]), key=len,
                            reverse=True))
    d = rf"0?{day}(?:st|nd|rd|th|er|º|\.)?"
    return re.compile(
        rf"\b(?:{names})\.?\s+{d},?\s+{year}\b"
        rf"|\b{d}\s*(?:of\s+|de\s+)?(?:{names})\.?\s*,?\s*(?:de\s+|del\s+)?{year}\b",
        re.IGNORECASE)


def header_span(lines: Sequence[Line]) -> tuple[int, int]:
    """The indexes [lo, hi) of the article's header: from just above the headline (or
    HEADER_REACH lines of text above the first paragraph when there is none; a share bar's
    buttons, reading prompts and a sign-up form's fields not counted, ``R.header_furniture``)
    to the first paragraph of the body."""
    first_body = next((i for i, ln in enumerate(lines) if ln.kind == "body"), len(lines))
    title = next((i for i in range(first_body) if lines[i].kind == "title"
                  and lines[i].rule == "title"), None)
    start, reach = (title, ABOVE_TITLE) if title is not None else (first_body, HEADER_REACH)
    lo = start
    while lo > 0 and reach > 0:
        lo -= 1
        if lines[lo].text and not R.header_furniture(lines[lo].text):
            reach -= 1
    return lo, first_body


# A span of days ("26-28 November 1997", "March 3 - 5, 2012"): an event's dates, a
# conference's or a festival's, not the day a page was published.
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
_RANGE_RE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_ANY_MONTH}"
    rf"|\b{_ANY_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*[-–]\s*\d{{1,2}}\b(?![:.]\d)",
    re.IGNORECASE,
)


def not_publication(text: str) -> bool:
    """The line says its date is another one than the publication's: an update, a comment, a
    copyright, an expiry or retrieval, an embedded post. A line labelled "Published" stands
    even with an update stamp beside it ("Published 5 May, updated 6 May"), and so does a date
    that an update follows ("30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)")."""
    if _PUBLISHED_RE.search(text):
        return False
    return bool(_NOT_PUBLISHED_RE.search(text) or _updated(text)
                or (_EMBED_RE.search(text) and not R.BYLINE_RE.match(text))
                or (("-" in text or "–" in text) and _RANGE_RE.search(text)))


def _updated(text: str) -> bool:
    """An update label stands before the first date of ``text`` ("Last updated: May 6"), or
    right after its last date ("May 6, 2012 (updated)", "24 July 2012 Last updated at 05:40
    ET": that date is the update's). In "May 5 | Updated May 6" the label names the second
    date, and in "May 5, 2012 4:03 pm, updated 4:25 pm" the first date has its own time: the
    publication's, updated later that day."""
    if not _UPDATE_RE.search(text):
        return False
    dates = list(_ANY_DATE_RE.finditer(text))
    if not dates:
        return True
    if _UPDATE_RE.search(text[: dates[0].start()]):
        return True
    tail = text[dates[-1].end() :]
    label = _UPDATE_RE.search(tail)
    return label is not None and not _DIGIT_RE.search(tail[: label.start()])


def _stamps_under(lines: Sequence[Line], first_body: int) -> list[Line]:
    """Short lines other than paragraphs among the first AFTER_BODY lines of text under the
    first paragraph: where a date stamp stands when the cleaner read a standfirst or a caption
    as the first paragraph; and the first paragraph itself when it is a bare date stamp
    (``_bare_stamp``: the header's dateline read as a paragraph)."""
    out: list[Line] = []
    if first_body < len(lines) and _bare_stamp(lines[first_body].text):
        out.append(lines[first_body])  # the dateline itself, read as the first paragraph
    seen = 0
    for ln in lines[first_body + 1 :]:
        if not ln.text:
            continue
        seen += 1
        if seen > AFTER_BODY:
            break
        if ln.kind != "body" and len(ln.text) <= STAMP_MAX_CHARS:
            out.append(ln)
    return out


def _bare_stamp(text: str) -> bool:
    """A short line holding a date and nothing else but a weekday, a clock time and
    separators ("Tue, 2008-01-08 18:35."): a dateline, never a paragraph of the story."""
    if len(text) > STAMP_MAX_CHARS or not _DIGIT_RE.search(text):
        return False
    rest = _beside_date(text)
    return rest is not None and _LETTERS_RE.search(rest) is None


def _beside_date(text: str) -> str | None:
    """What ``text`` says besides its first date, with the weekdays, times, labels and
    separators a stamp holds blanked out (``_STAMP_FILLER_RE``); None without a date."""
    m = _ANY_DATE_RE.search(text)
    if m is None:
        return None
    return _STAMP_FILLER_RE.sub(" ", text[: m.start()] + " " + text[m.end() :])


def _structured(lines: Sequence[Line], joined: str) -> Fact[dt.date]:
    """A ``"datePublished": "2017-11-03 ..."`` field of the page's structured data, where the
    capture printed it (``joined``: the lines' text joined by newlines, one scan in C)."""
    if "datePublished" not in joined:
        return UNKNOWN
    for ln in lines:
        if "datePublished" in ln.text:
            m = _STRUCTURED_RE.search(ln.text)
            got = parse_date(m.group(1)) if m else None
            if got:
                return Fact(got, f"capture line {ln.number}")
    return UNKNOWN


def date_stamp(text: str) -> bool:
    """The line is a date stamp: its date, and besides it at most a name or two, a weekday,
    a time, a label. Not a headline or a sentence that mentions a date."""
    rest = _beside_date(text)
    if rest is None:
        return False
    # short words (connectives, zones, "Filed as News on") say little either way: the longer
    # ones left are a name or two, or the words of a headline or a sentence
    return sum(len(w) > SHORT_WORD for w in R.WORD_RE.findall(rest)) <= STAMP_MAX_WORDS


def _under_comments(lines: Sequence[Line], index: int) -> bool:
    """A comment thread's heading stands within COMMENTS_REACH lines above ``lines[index]``,
    under the headline ("Comments" over the headline is the page's toolbar link)."""
    for j in range(index - 1, max(-1, index - COMMENTS_REACH - 1), -1):
        if lines[j].kind == "title":
            return False
        if lines[j].text and _COMMENTS_HEAD_RE.match(lines[j].text):
            return True
    return False


_ARROWS = "«»‹› \t"  # a navigation link's arrows and the spaces around them


def _bare_label(text: str) -> bool:
    """A short line without digits that is a label ("Last updated:", "Published", "Updated").
    A navigation link's arrows ("« Back to Football Home" over "December 29, 2007") are no
    label: they mark a link to another page on the link's own line, not the date under it."""
    return (len(text) <= LABEL_MAX_CHARS and not _DIGIT_RE.search(text)
            and not _CREDIT_LINE_RE.match(text)
            and bool(_UPDATE_RE.search(text) or _NOT_PUBLISHED_RE.search(text.strip(_ARROWS))
                     or _PUBLISHED_RE.search(text)))


# A person's credit, not a label of the date under it: "Edited by Tom Becker", "Medically
# reviewed by Dr. Jane Doe", "Fact checked by John Roe"
_CREDIT_LINE_RE = re.compile(
    r"^\W*(?:\w+\s+)?(?:edited|reviewed|fact[-\s]?checked|revised|corrected)\s+by\s+[A-Z]",
    re.IGNORECASE)


def _filler(text: str) -> bool:
    """A line holding only a clock time, a weekday, a zone or separators ("5:05 PM EST",
    "Thursday"): a page setting label, time and date in three elements puts it between them."""
    return _FILLER_LINE_RE.match(text) is not None


def _said(lines: Sequence[Line], ln: Line) -> str:
    """What ``ln`` says with its label: a bare label on the line of text above it ("Last
    updated:" / "January 7, 2025": one line each in a capture of a page that sets them in two
    elements, maybe with a time or weekday line between) reads as part of it, and so does a
    bare update label right under it that no other date follows ("January 7, 2025" /
    "Updated": the badge of an update stamp)."""
    seen = 0
    for j in range(ln.number - 2, max(-1, ln.number - 5), -1):
        above = lines[j].text
        if not above:
            continue
        short = len(above) <= LABEL_MAX_CHARS
        if short and (_bare_label(above) or _update_line(above)):
            return f"{above} {ln.text}"
        seen += 1
        if seen >= 2 or not short or not _filler(above):
            break
    below = [x.text for x in lines[ln.number : ln.number + 4] if x.text][:2]
    if below and len(below[0]) <= LABEL_MAX_CHARS and _update_line(below[0]) and not (
            len(below) > 1 and _ANY_DATE_RE.search(below[1])):
        return f"{ln.text} ({below[0]})"
    return ln.text


def _update_line(text: str) -> bool:
    """The line is an update's label without a date, alone or with a clock time ("Updated",
    "(edited)", "Updated 10:05 AM EST", "Last updated at 05:40 ET"): with the date on the line
    above or below it, an update stamp set in two elements."""
    m = _UPDATE_RE.search(text)
    if m is None or not _UPDATE_LEAD_RE.match(text[: m.start()]):
        return False
    rest = _AT_RE.sub("", text[m.end() :], count=1)
    return _FILLER_LINE_RE.match(rest) is not None


def _labelled_date(text: str, order: Order | None) -> dt.date | None:
    """The date after the publication label of ``text`` ("Updated May 6 · Posted May 5,
    2012" is 5 May), else its first date."""
    m = _PUBLISHED_RE.search(text)
    return (parse_date(text[m.start() :], order=order) if m else None) or parse_date(
        text, order=order)


def _without_links(text: str) -> str:
    """``text`` without its web addresses: the date in ".../2012/08/09/story" is the day the
    address was made, printed by a link or a share prompt, not a date the page states."""
    return _LINK_RE.sub(" ", text) if "/" in text or "www." in text else text


def _said_once(lines: Sequence[Line], ln: Line, cache: dict[int, str]) -> str:
    """``_said``, computed once per line of a page (``cache``: line number -> what it says)."""
    said = cache.get(ln.number)
    if said is None:
        said = cache[ln.number] = _said(lines, ln)
    return said


def _dated(
    candidates: Sequence[Line], lines: Sequence[Line], order: Order | None,
    cache: dict[int, str],
) -> list[tuple[Line, dt.date]]:
    """The lines of ``candidates`` that state a date and do not say it is another than the
    publication's, with the date."""
    out = []
    for ln in candidates:
        if _DIGIT_RE.search(ln.text):
            said = _said_once(lines, ln, cache)
            if not not_publication(said):
                got = _labelled_date(_without_links(ln.text), order)
                if got:
                    out.append((ln, got))
    return out


def _update_dates(
    candidates: Sequence[Line], lines: Sequence[Line], cache: dict[int, str]
) -> dict[dt.date, set[tuple[int, int] | None]]:
    """The dates the header itself calls an update's ("Last Updated: January 7, 2025"), each
    with the clock times its update lines give (None for a line without one)."""
    out: dict[dt.date, set[tuple[int, int] | None]] = {}
    for ln in candidates:
        if _DIGIT_RE.search(ln.text):
            said = _said_once(lines, ln, cache)
            if _updated(said) and not _PUBLISHED_RE.search(said):
                got = parse_date(ln.text)
                if got:
                    out.setdefault(got, set()).update(_clocks([ln.text]) or {None})
    return out


_CLOCK_RE = re.compile(r"(?<![\d:.])(\d{1,2})[:.h](\d{2})(?![\d:.]\d)")


def _clocks(texts: Sequence[str]) -> set[tuple[int, int] | None]:
    """The clock times (hour, minute) the lines of ``texts`` give, None for a line without."""
    out: set[tuple[int, int] | None] = set()
    for text in texts:
        found = {(int(h), int(m)) for h, m in _CLOCK_RE.findall(text)}
        out |= found or {None}
    return out


def _agreed(found: Sequence[tuple[Line, dt.date]]) -> Fact[dt.date]:
    """The first date of ``found`` when every other one is the same day (give or take one:
    a date printed in two time zones), else unknown: two dates and no label saying which is
    the publication's are not guessed between."""
    if not found:
        return UNKNOWN
    ln, got = found[0]
    if any(abs((d - got).days) > 1 for _, d in found[1:]):
        return UNKNOWN
    return Fact(got, f"capture line {ln.number}")


def _signature(text: str) -> tuple[int, str, str]:
    """A dated line's shape: how many words stand before its date, how the date is written
    (a month's name or numbers) and what follows it with the digits blanked ("Natalia July
    31, 2012 at 8:28 pm" -> (1, " at 0:00 pm", "a 0, 0")): "August 9, 2012" over the headline
    and a teaser list's "8/8/2012" stamps are not one series."""
    m = _ANY_DATE_RE.search(text)
    if m is None:
        return (0, text, "")
    return (len(text[: m.start()].split()), _DIGITS_RE.sub("0", text[m.end() :]),
            _LETTERS_RE.sub("a", _DIGITS_RE.sub("0", m.group())))


def _end(text: str) -> str:
    """The last character of ``text``, a digit read as 0: two lines of the same shape
    (``_signature``) end alike, a cheap test before the regular expressions."""
    return text[-1:].translate(_DIGITS_AS_0)


def _listed(found: Sequence[tuple[Line, dt.date]], lines: Sequence[Line]) -> set[int]:
    """Line numbers of the dated lines of ``found`` that come in a series of the same shape
    with other dates somewhere on the page: a comment thread's or a teaser list's stamps, not
    one article's dateline (shown twice, over and under the story, it keeps its date)."""
    wanted = {_signature(ln.text) for ln, _ in found}
    ends = {_end(ln.text) for ln, _ in found}
    groups: dict[tuple[int, str, str], set[dt.date | None]] = {}
    for ln in lines:
        if (_end(ln.text) in ends and len(ln.text) <= DATE_LINE_MAX_CHARS
                and _YEAR_RE.search(ln.text)):
            sig = _signature(ln.text)
            if sig in wanted:
                groups.setdefault(sig, set()).add(parse_date(ln.text))
    return {ln.number for ln, _ in found if len(groups[_signature(ln.text)]) > 1}


def _in_thread(found: Sequence[tuple[Line, dt.date]], lines: Sequence[Line]) -> set[int]:
    """Line numbers of the dated lines of ``found`` under SERIES_ABOVE or more stamps of their
    own shape with a clock time ("August 9th, 2012 at 2:10 pm"): a comment of a thread, not
    the article's dateline, which comes before its comments' and its teasers' stamps (a
    thread's comments are often all of one day, so their dates do not tell them apart)."""
    out = set()
    for ln, _ in found:
        sig = _signature(ln.text)
        if not _CLOCK_SHAPE_RE.search(sig[1]):
            continue
        end = _end(ln.text)
        above = sum(1 for x in lines[: ln.number - 1]
                    if _end(x.text) == end and len(x.text) <= DATE_LINE_MAX_CHARS
                    and _signature(x.text) == sig)
        if above >= SERIES_ABOVE:
            out.add(ln.number)
    return out


def _header_date(
    found: Sequence[tuple[Line, dt.date]], lines: Sequence[Line]
) -> Fact[dt.date]:
    """The header's date: the byline's or dateline's the cleaner marked when they agree (not a
    comment's stamp), else the other dated lines' when they agree (not stamps of a series),
    else unknown."""
    teasers = _teaser_stamps(found, lines)
    found = [(ln, d) for ln, d in found
             if not _under_comments(lines, ln.number - 1) and ln.number not in teasers]
    marked = [(ln, d) for ln, d in found if ln.kind in ("dateline", "byline")]
    if marked:
        thread = _in_thread(marked, lines)
        return _under_title([(ln, d) for ln, d in marked if ln.number not in thread], lines)
    listed = _listed(found, lines)
    return _under_title([(ln, d) for ln, d in found
                         if ln.number not in listed and date_stamp(ln.text)], lines)


def _teaser_stamps(found: Sequence[tuple[Line, dt.date]], lines: Sequence[Line]) -> set[int]:
    """Line numbers of the dated lines of ``found`` over the headline that are stamps of a list
    of teasers printed over the article: TEASER_STAMPS or more date lines of one shape within
    HEADER_REACH lines of text over the headline, each next to a teaser's headline (a line of
    TEASER_TITLE_WORDS words or more with no date; the article's headline not counted). A
    list of the day's stories is dated the article's day or the day before, which ``_listed``
    cannot tell from one date shown twice. A site's "today" at the top of the page, or a date
    over the headline under a section's name, stands next to no teaser and stays."""
    # (over the article's first paragraph when no headline was found)
    top = next((ln.number for ln in lines if ln.kind == "title" and ln.rule == "title"),
               next((ln.number for ln in lines if ln.kind == "body"), None))
    if top is None or not any(ln.number < top for ln, _ in found):
        return set()
    reach = [ln for ln in lines[: top - 1] if ln.text][-HEADER_REACH:]

    def teaser(k: int) -> bool:
        return (0 <= k < len(reach) and len(reach[k].text.split()) >= TEASER_TITLE_WORDS
                and not _ANY_DATE_RE.search(reach[k].text))

    stamps = [ln for k, ln in enumerate(reach)
              if len(ln.text) <= DATE_LINE_MAX_CHARS and _ANY_DATE_RE.search(ln.text)
              and (teaser(k - 1) or teaser(k + 1))]
    shapes = Counter(_signature(ln.text) for ln in stamps)
    listed = {ln.number for ln in stamps if shapes[_signature(ln.text)] >= TEASER_STAMPS}
    return {ln.number for ln, _ in found if ln.number in listed}


def _under_title(found: Sequence[tuple[Line, dt.date]], lines: Sequence[Line]) -> Fact[dt.date]:
    """``_agreed``, but where the header's dates disagree and every later one stands above the
    headline while the earliest stand under it, the earliest: a date over the headline later
    than the dateline under it is the site's "today" (the day the page was saved) or an
    update's, not the article's ("Tuesday, January 15, 2008" / headline / byline / "Tuesday,
    January 8th 2008, 4:00 AM")."""
    chosen = _agreed(found)
    if chosen.known or len(found) < 2:
        return chosen
    title = next((ln.number for ln in lines if ln.kind == "title" and ln.rule == "title"), None)
    if title is None:
        return chosen
    earliest = min(d for _, d in found)
    late = [ln.number for ln, d in found if (d - earliest).days > 1]
    if all(n < title for n in late):
        return _agreed([(ln, d) for ln, d in found if ln.number > title])
    return chosen


def _label_first(lines: Sequence[Line], joined: str) -> list[Line]:
    """The lines that open with the publication label, found by one scan of ``joined``."""
    out: list[Line] = []
    at = index = 0
    if not any(word in joined for word in _LABEL_WORDS):
        return out  # a substring test is much cheaper than the pattern over the page
    for m in _LABEL_FIRST_LINE_RE.finditer(joined):
        index += joined.count("\n", at, m.start())
        at = m.start()
        out.append(lines[index])
    return out


def _stated(lines: Sequence[Line], joined: str) -> tuple[Fact[dt.date], Fact[dt.date]]:
    """The dates the page's own sentences say this article was published (``_OWN_RE``) and
    first published (``_ORIGINAL_RE``), each when every such sentence agrees; not in a comment
    thread. Only the lines holding the words are read (a substring scan of ``joined``)."""
    own: list[tuple[Line, dt.date]] = []
    original: list[tuple[Line, dt.date]] = []
    hits = []
    for word in _STATED_WORDS:
        at = joined.find(word)
        while at != -1:
            hits.append(at)
            at = joined.find(word, at + len(word))
    index = last = 0
    done = -1
    for at in sorted(hits):
        index += joined.count("\n", last, at)
        last = at
        ln = lines[index]
        if index == done or len(ln.text) > STATED_MAX_CHARS or not _DIGIT_RE.search(ln.text):
            continue
        done = index
        for rx, out in ((_OWN_RE, own), (_ORIGINAL_RE, original)):
            got = _stated_date(rx, ln, lines)
            if got and not _under_comments(lines, index):
                out.append((ln, got))
    return _agreed(own), _agreed(original)


def _stated_date(rx: re.Pattern[str], ln: Line, lines: Sequence[Line]) -> dt.date | None:
    """The date right after the label ``rx`` finds in ``ln``, in the same sentence."""
    for m in rx.finditer(ln.text):
        tail = ln.text[m.end():]
        date = _ANY_DATE_RE.search(tail, 0, STATED_REACH + 40)
        if (date is None or date.start() > STATED_REACH
                or _SENTENCE_END_RE.search(tail, 0, date.start())):
            continue
        got = parse_date(_without_links(tail[date.start():]), order=_page_order([ln], lines))
        if got:
            return got
    return None


def _checked(chosen: Fact[dt.date], own: Fact[dt.date], original: Fact[dt.date]) -> Fact[dt.date]:
    """The header's date ``chosen`` against the dates the page's sentences state: a header
    date later than the day the article says it was published or first published is the day
    it was updated or put up again, not the publication's; the sentence saying "this entry was
    posted on" wins, "originally published" only refuses (the page may be a republication)."""
    if chosen.value is None:
        return own if own.known else chosen
    if own.value is not None and abs((chosen.value - own.value).days) > 1:
        return own if own.value < chosen.value else UNKNOWN
    if original.value is not None and (chosen.value - original.value).days > 1:
        return UNKNOWN
    return chosen


def publication_date(lines: Sequence[Line], captured_on: dt.date | None = None) -> Fact[dt.date]:
    """The article's publication date with the line it was read from, or unknown (see the
    module docstring for the order of the evidence). ``lines`` are all the capture's lines in
    order, numbered from 1, as the cleaner classified them."""
    joined = "\n".join(map(_TEXT, lines))
    structured = _structured(lines, joined)
    if structured.known:
        return structured
    lo, hi = header_span(lines)
    above = [ln for ln in lines[lo:hi] if ln.text and len(ln.text) <= DATE_LINE_MAX_CHARS]
    under = _stamps_under(lines, hi)
    order = _page_order(above + under, lines)
    cache: dict[int, str] = {}
    found_above = _dated(above, lines, order, cache)
    found_under = _dated(under, lines, order, cache)
    labelled = [(ln, d) for ln, d in found_above + found_under
                if _PUBLISHED_RE.search(cache[ln.number])
                and not _under_comments(lines, ln.number - 1)]
    if labelled:
        ln, got = labelled[0]
        return Fact(got, f"capture line {ln.number}")
    own, original = _stated(lines, joined)
    if found_above or found_under:
        found = found_above or found_under
        chosen = _header_date(found, lines)
        updates = _update_dates(above + under, lines, cache)
        if chosen.value in updates and not _clocks(
                [ln.text for ln, d in found if d == chosen.value]).isdisjoint(
                    updates[chosen.value] | {None}):
            # the page calls this date its update's: not the publication's (unless both lines
            # give that day at other times: "Tue 4 May 2021 06.00 BST" / "Last modified on
            # Tue 4 May 2021 08.12 BST", published and updated the same day)
            chosen = UNKNOWN
        return _checked(chosen, own, original)
    if own.known:
        return own
    # a "Posted on May 5, 2012" line elsewhere (a blog's post footer), when it is the only one
    footers = [ln for ln in _label_first(lines, joined)
               if ln.kind != "body" and len(ln.text) <= DATE_LINE_MAX_CHARS]
    posted = _agreed([(ln, d) for ln, d in _dated(footers, lines, _page_order(footers, lines),
                                                  cache)
                      if not _under_comments(lines, ln.number - 1)])
    if posted.known:
        return posted
    if captured_on is not None:
        for ln in above + under:
            if not not_publication(_said_once(lines, ln, cache)):
                rel = parse_date(ln.text, captured_on)
                if rel:
                    return Fact(rel, f"capture line {ln.number} (relative to capture date)")
    return UNKNOWN
