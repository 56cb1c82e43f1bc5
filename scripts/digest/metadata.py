"""Stage 3, extract: what a capture says about its article, and where it says it.

Title, dek, authors, outlet, published date, url, captions and subheads. Every value is a
:class:`Fact` with its source ("capture line 4", "html meta og:title"); a value the capture
does not state stays ``Fact(None, "unknown")``. Nothing is guessed. The publication date is
chosen in dates.py (``parse_date`` is re-exported here for the modules that read dates).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from digest import dates, headline
from digest import rules as R
from digest.dates import parse_date as parse_date  # re-exported: headline.py reads dates
from digest.model import BODY_KINDS, UNKNOWN, Fact, Line, LineKind, Metadata

# How far above the article core the header (title, dek, byline, dateline) is looked for.
# Headers sit right above the first paragraph; twelve lines covers a title, dek, byline,
# outlet, date and a caption, without reaching back into the site menu.
HEADER_REACH = 12

# The lines of text of the article's opening whose words an author line must not share
OPENING_LINES = 10

# A dateline ("Updated May 5, 2024 at 5:05 p.m. EST") is a short line; a longer one is a sentence.
DATELINE_MAX_CHARS = 80

# A dek (standfirst) is a sentence-length line between the headline and the first paragraph.
DEK_MIN_WORDS = 8


def parse_byline(text: str) -> tuple[str, ...]:
    """Author names from a byline ("By Jane Doe and John Roe"), or ()."""
    return tuple(n for n in byline_names(text)
                 if not _NO_PERSON_RE.search(n) and not any(map(_GLUED_RE.search, n.split())))


def opens_byline(text: str) -> bool:
    """Whether the line opens with a byline the cleaner reads as the end of an article's
    header: "By" and one to five capitalised words up to the first figure or separator, as
    given (the cut and core models were trained on this test; ``byline_names`` reads the
    names themselves)."""
    m = R.BYLINE_RE.match(text.strip())
    return m is not None and any(_name_shaped(n) for n in _NAME_SEP_RE.split(m.group("names")))


def _name_shaped(name: str) -> bool:
    name = name.strip(" .:-–—")
    words = name.split()
    particles = ("de", "van", "von", "da", "di", "la", "le", "bin", "al")
    return (1 <= len(words) <= 5
            and all(w[:1].isupper() or w in particles or _CJK_NAME_RE.fullmatch(w)
                    for w in words)
            and not _WIRE_RE.match(name) and not _NOT_PERSON_RE.match(name))


# A name in Chinese or Japanese: two to five characters of a script without capitals (a
# Chinese name is two to four, "·" between a foreign name's parts)
_CJK_NAME_RE = re.compile(rf"(?:{R.CJK_RE.pattern}|·){{2,5}}")
_NAME_SEP_RE = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\bи\b|、|，)\s*")


def byline_names(text: str) -> tuple[str, ...]:
    """The names a byline gives, persons or not ("By Jane Doe", "By Space Staff"), or (): a
    line that gives one is the header's byline, whoever it names."""
    m = R.BYLINE_RE.match(text.strip().lstrip(_BYLINE_LEAD))
    if not m:
        return ()
    names = _NAMES_END_RE.split(_HANDLE_RE.sub("", m.group("names")), maxsplit=1)[0]
    return tuple(n.strip(" .:-–—") for n in _NAME_SEP_RE.split(names) if _name_shaped(n))


def dated_byline(text: str) -> tuple[str, ...]:
    """Author names from a date line that names its author after the date ("Posted on May 5,
    2012 by Jane Doe · 2 Comments", "November 1, 2012 2:33 am — By Jane Doe"), or ()."""
    m = _BY_INSIDE_RE.search(text)
    return parse_byline(text[m.start():]) if m else ()


# What a date line can open with before its byline: "// By Jane Doe • Nov 11, 2020"
_BYLINE_LEAD = " /|•·—–-"
# A byline's "by" after a date: "May 5, 2012 by Jane Doe", "11.05.12 Written by Jane Doe"
_BY_INSIDE_RE = re.compile(r"(?<=[\s|•·—–/,(])(?:(?:written|posted)\s+)?by\s", re.IGNORECASE)
# Where the names of a byline end: what the page prints after them ("By Jane Doe posted Nov
# 13th", "by Jane Doe in Articles, Blog", "By Jane Doe // November 6th", "by Jane Doe - Nov 9",
# "Jane Doe at Villa Park", "By JANE DOE FOR THE DAILY PAPER"; "By Jane Doe at 1:12 pm", the
# names read up to the time's figure)
_NAMES_END_RE = re.compile(r"\s+(?:(?:posted|in|at|for)(?:\s|$)|/|[-–—](?:\s|$))",
                           re.IGNORECASE)
# A social handle printed with the name ("By Jane Doe @janedoe", "By Jane Doe (@janedoe)")
_HANDLE_RE = re.compile(r"\s*\(?@\w+\)?")
# Two words glued where the page set them apart ("Spencer HendricksOpinion", "IANSViewed"); a
# name's own inner capital follows one or two letters ("McDonald", "MacArthur", "DiCaprio")
_GLUED_RE = re.compile(r"[a-z]{4,}[A-Z]|[A-Z]{3,}[a-z]")


# Name particles written in lower case inside a name ("Victor de la Cruz", "Ludwig van Beethoven").
_PARTICLES = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la",
                        "le", "dos", "das", "bin", "al", "y", "ter", "ten"})


def name_case(name: str) -> str:
    """A person's name in its real case when the page printed it in capitals
    ("VICTOR TANGERMANN" -> "Victor Tangermann", "MARY MCDONALD" -> "Mary McDonald",
    "JUAN DE LA CRUZ" -> "Juan de la Cruz"). A name with lower-case letters is left as written:
    its case is the author's ("McDonald", "de la Cruz", "danah boyd")."""
    if not any(ch.isupper() for ch in name) or any(ch.islower() for ch in name):
        return name
    words = name.split()
    out = []
    for k, word in enumerate(words):
        low = word.lower()
        if k and low in _PARTICLES and k < len(words) - 1:
            out.append(low)
            continue
        # capitalise after an apostrophe or hyphen too: "O'Brien", "Smith-Jones"
        cased = re.sub(r"(^|['’-])(\w)", lambda m: m.group(1) + m.group(2).upper(), low)
        if re.match(r"^mc\w{2,}", low):
            cased = "Mc" + cased[2:3].upper() + cased[3:]  # "MCDONALD"; "Mac" names vary
        out.append(cased)
    return " ".join(out)


# What a byline glues after the author's name: a label and its value ("Tim Ferriss Topics: The
# 4-Hour Body"), the day or month of its date stamp ("Stephen M. Walt  Thursday").
_NAME_LABEL_RE = re.compile(r"\s+[A-Z]\w*:(?:\s.*)?$")
_NAME_DATE_TAIL_RE = re.compile(
    r"(?:\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|" + R.MONTHS + r"))+$", re.IGNORECASE
)


def person_name(name: str) -> str:
    """The person's name in a byline's name part, without what the page glued after it: a
    label ("Topics: ..."), a weekday or month, or the role and agency printed after a name in
    capitals ("TARIQ PANJA Associated Press Writer", "JOSEPH WHITE AP Sports Writer"). The
    name itself is left as written (``name_case`` sets its case); when the cut would leave no
    name of two words, the name part is kept whole."""
    cut = _NAME_DATE_TAIL_RE.sub("", _NAME_LABEL_RE.sub("", name)).strip(" ,;-–—")
    words = cut.split()
    caps = list(itertools.takewhile(lambda w: w.isupper() and len(w.strip(".")) > 1, words))
    if 2 <= len(caps) < len(words):
        while caps and _WIRE_RE.match(caps[-1]):
            caps.pop()  # "JOSEPH WHITE AP": the agency's initials close the capitals
        if len(caps) >= 2:
            cut = " ".join(caps)
    return cut if len(cut.split()) >= 2 else name


def guessed_persons(names: Sequence[str]) -> tuple[str, ...]:
    """The names among ``names`` that read as a person's, from an extractor's guess at the
    author out of a page's text (trafilatura's, where the markup names none): each name part
    cut as a byline's is (``person_name``: "TARIQ PANJA Associated Press Writer" -> "TARIQ
    PANJA", "Nathan Willis March" -> "Nathan Willis"), then kept only when it is two to four
    capitalised words with no figure, no date word, no role, no site word and no newsroom,
    agency or wire service. On the train pages the guesses hold dates ("Jan 1", "Friday",
    "Last Updated January 7"), a page's tools ("Follow Author", "Username"), headings ("Fighting
    back", "Authority control"), agencies and newsrooms ("Press Trust", "Associated Press",
    "Sports Network", "CVG Staff"): a missing author is a clear message to the editor, a wrong
    one is published silently (CLEANING.md, "Round 44")."""
    out = []
    for name in names:
        name = _GUESSED_TAIL_RE.sub("", person_name(name.strip(" .,;:-–—")))
        words = name.split()
        if not words:
            continue
        if not words[0].isupper():  # "Marc Kaufman WASHINGTON POST": the paper in capitals
            words = list(itertools.takewhile(lambda w: not (w.isupper() and len(w) > 2), words))
            name = " ".join(words)
        if (2 <= len(words) <= GUESSED_NAME_MAX_WORDS and _name_shaped(name)
                and words[-1][:1].isupper()
                and not _NO_PERSON_RE.search(name) and not _AGENCY_RE.search(name)
                and not any(ch.isdigit() for ch in name)
                and not _GUESSED_NOT_NAME_RE.search(name)):
            out.append(name)
    return tuple(dict.fromkeys(out))


#: a guessed author of more words is a name with what the page printed after it
GUESSED_NAME_MAX_WORDS = 4


def declared_persons(names: Sequence[str], sites: Sequence[str | None] = ()) -> tuple[str, ...]:
    """The names among ``names`` (one author field of a page's markup, split at its commas)
    that can be a person's: the field is the page's own word, so a name of one word, in a
    script without capitals or a handle, stays, but not one that names no person
    (``_no_person``: a newsroom, a role, a company, an agency, a site or its address, a
    broadcaster's initials, one of the ``sites`` the page names). When one name of the field
    names none, a name of one word beside it is the rest of that name ("Vivid Interactive,
    Design"): none is kept then. On the train pages 22 of the 76 author fields the markup
    gave named no person ("CBS", "The Sports Network", "FIFA.com", "Pocket-lint Ltd.", "The
    Contactmusic team", "Open Source PBX Editor"; CLEANING.md, "Round 45")."""
    # (what follows a spaced dash is a role or a place: "Jane Roe - Staff Writer", "WVVA -
    # Bluefield")
    names = [re.split(r"\s+[-\u2013\u2014]\s+", name, maxsplit=1)[0] for name in names]
    refused = [name for name in names if _no_person(name, sites)]
    kept = [name for name in names if name not in refused]
    if refused:
        kept = [name for name in kept if len(name.split()) > 1]
    return tuple(dict.fromkeys(kept))


def _no_person(name: str, sites: Sequence[str | None]) -> bool:
    """Whether an author field's ``name`` names no person (see ``declared_persons``)."""
    words = name.split()
    return bool(
        not words
        # a site's address or a mail address ("FIFA.com", "english@...")
        or "@" in name or R.SITE_ADDRESS_RE.search(name)
        or _NOT_PERSON_RE.match(name) or _NO_PERSON_RE.search(name) or _NOT_OUTLET_RE.search(name)
        or _COMPANY_RE.search(name) or _AGENCY_RE.search(name) or _WIRE_RE.match(name)
        # a broadcaster's or a paper's initials ("CBS")
        or (len(words) == 1 and name.isupper() and len(name) <= 5)
        # the site's own name, unless it reads as a person's (a blog named for its writer)
        or (any(site and squashed_name(name) == squashed_name(site) for site in sites)
            and not guessed_persons([name])))


def squashed_name(name: str) -> str:
    """A name's letters and figures in lower case, without a leading "the" or the address's
    end: "winnipeg sun", "Winnipeg Sun" and "WinnipegSun.com" are one."""
    name = re.sub(r"^the\s+|\.(?:com|net|org|co\.uk|[a-z]{2})$", "", name.strip().lower())
    return re.sub(r"\W|_", "", name)


# What a page prints after a writer's name, cut from a guessed author: the role and desk
# ("Marc Katz Staff Writer", "Richard Huff Daily News Tv Editor", "Tom Canavan Associated
# Press"), the paper ("Mirjam Swanson The Press-Enterprise"), a link ("John Leyden More by this
# author"), an editor ("Rob Ewaschuk Edited by Betsy Beyer")
_GUESSED_TAIL_RE = re.compile(
    r"(?:\s+(?:associated\s+press|ap|staff|senior|chief|sports?|games|tv|radio|national"
    r"|security|daily|news|special))*\s+(?:writer|reporter|editor|correspondent|columnist)s?$"
    r"|\s+associated\s+press$|\s+(?:the|more\s+by|edited\s+by|for\s+the)\s.*$",
    re.IGNORECASE,
)
# A word no person's name holds: a date's (a month, a weekday), a role's, a page tool's or a
# site's ("Follow Author", "Times Online", "Rfcmarkup Version", "Tglantz Com")
_GUESSED_NOT_NAME_RE = re.compile(
    r"\b(?:" + R.MONTHS + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday"
    r"|writers?|reporters?|editors?|correspondents?|columnists?|bureau|author|follow|more"
    r"|articles?|online|version|username|updated|published|posted|com|www|news|sports?)(?=\W|$)",
    re.IGNORECASE,
)


def _under_headline(texts: Sequence[str], idx: Sequence[int], pos: int) -> bool:
    """The line of text before ``idx[pos]`` is a headline, or a standfirst under one."""
    above = texts[idx[pos - 1]]
    return _title_candidate(above) or (
        pos > 1 and dek_sized(R.count_words(above))
        and _title_candidate(texts[idx[pos - 2]]))


def dek_sized(words: int) -> bool:
    """A standfirst's length: DEK_MIN_WORDS words or more, up to two headlines' worth."""
    return DEK_MIN_WORDS <= words <= 2 * R.TITLE_MAX_WORDS


def _bare_name(text: str, texts: Sequence[str], card: bool = False) -> bool:
    """``text`` is one or two persons' names and nothing else ("Jane Doe", "Jane Doe and John
    Roe"): two to four capitalised words a name, no figure, no "&" ("Tips & Tricks"), no word
    of a section or a publication ("Staff Writer", "Business News", "Malaysia Sun"), and
    printed nowhere else on the page (a site's name comes back in its menu and its footer),
    unless it is a writer's ``card`` (a follow button under the name: a blog platform prints
    the writer's card again under the post, "Written by" over it)."""
    names = text.split(" and ")
    if (len(names) > 2 or "&" in text or headline.reject_reason(text) != "name"
            or any(not 2 <= len(n.split()) <= 4 for n in names)
            or _NOT_NAME_RE.search(text)):
        return False
    return card or sum(text in t and not _holds_copyright(t) for t in texts) == 1


def _holds_copyright(text: str) -> bool:
    """A copyright line ("© 2026 Alex Moreno"): a writer's own site or newsletter names the
    writer as its holder, which is no second printing of a site's name (round 47)."""
    return text[:1] in _COPYRIGHT_FIRST and _COPYRIGHT_RE.match(text) is not None


# Words of a section, a role or a publication's name: no person's name holds one
_NOT_NAME_RE = re.compile(
    r"\b(?:staff|writer|editor|reporter|correspondent|desk|team|news|update|updates|search|sun"
    r"|times|post"
    r"|daily|herald|tribune|journal|magazine|gazette|press|online|weekly|blog|report|sports"
    r"|business|finance|world|opinion|home|media)\b",
    re.IGNORECASE,
)


def parse_author_line(text: str) -> tuple[str, ...]:
    """Author names from an author line without "By" ("Jane Doe and John Roe, Analysts")."""
    m = R.AUTHOR_LINE_RE.match(text.strip())
    if not m:
        return ()
    return tuple(n for n in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names")) if n)


def is_dek_candidate(text: str) -> bool:
    """A standfirst: a sentence-length line under the headline, not ending like a paragraph."""
    return dek_sized(R.count_words(text)) and not R.SENTENCE_END_RE.search(text)


def is_title_candidate(text: str) -> bool:
    """A headline: heading-like, 4 to TITLE_MAX_WORDS words, not a caption or teaser."""
    return _title_candidate(text) and R.count_words(text) >= 4


def _title_candidate(text: str) -> bool:
    words = R.count_words(text)
    return (
        3 <= words <= R.TITLE_MAX_WORDS
        and bool(R.HEADING_RE.match(text))
        and not text.endswith((".", ",", ";", ":"))
        and not R.URL_LINE_RE.match(text)
        and "\t" not in text
        and not R.any_line_rule(text)  # LINE_RULES, each asked once per text
        and not R.SECTION_MARK_RE.match(text)
    )


def _header_top(feats_text: Sequence[str], start: int) -> int:
    """Where the header above line ``start`` is looked for from: HEADER_REACH lines up, blank
    lines counted, a share bar's buttons ("Share", "Facebook", "Copy link"), reading prompts
    ("Listen to this article", "5 min") and a sign-up form's fields, and the blank lines over
    them, not: a recent page prints six to eight of them between the byline and the text."""
    budget = HEADER_REACH
    i = min(start, len(feats_text))
    under_button = False
    while i > 0 and budget > 0:
        i -= 1
        text = feats_text[i]
        if text:
            under_button = R.header_furniture(text)
        if not under_button:
            budget -= 1
    return i


def classify_header(
    raw: Sequence[str], feats_text: Sequence[str], start: int
) -> dict[int, tuple[LineKind, str]]:
    """Kinds of the byline, dateline and outlet lines above the article core starting at index
    ``start``. (The headline and dek are chosen later, on evidence: :func:`mark_headline`.)

    Only lines that are headers are returned (index -> (kind, rule)); the caller keeps its own
    verdict for the others.
    """
    out: dict[int, tuple[LineKind, str]] = {}
    lo = _header_top(feats_text, start)
    idx = [i for i in range(lo, min(start, len(feats_text))) if feats_text[i]]
    for i in idx:
        t = feats_text[i]
        if R.BYLINE_RE.match(t) and byline_names(t):
            out[i] = ("byline", "byline")
        elif R.DATELINE_RE.match(t) and len(t) <= DATELINE_MAX_CHARS:
            out[i] = ("dateline", "dateline")
        elif len(t) <= DATELINE_MAX_CHARS and _name_stamp(t, feats_text):
            out[i] = ("byline", "name-stamp")  # "Dan Goodin - Apr 16, 2015 8:02 pm UTC"
    # "Jane Doe, Analyst" right above a dateline, under a headline: who wrote it, not a title;
    # so is a bare name ("Jane Doe") between the headline and the dateline. Neither is about
    # what the article is about: a line whose words the article's opening uses is a headline
    # ("HTC DROID DNA Shot Leaked, Cleanest One Yet") or a place ("New Orleans, LA"). Shaped
    # as names and a role, it stays a line of the header (rule "author-shaped", no author read
    # from it): as a headline candidate, a second deck under the headline ("More Flights,
    # Fewer Crashes In 2007") was picked over the headline.
    opening: list[set[str]] = []
    for pos, i in enumerate(idx[:-1]):
        if i in out or out.get(idx[pos + 1], ("",))[0] != "dateline":
            continue
        author_line = R.AUTHOR_LINE_RE.match(feats_text[i])
        if author_line and any(is_title_candidate(feats_text[j]) for j in idx[:pos]):
            rule = "author-line"
        elif pos and _under_headline(feats_text, idx, pos) and _bare_name(
                feats_text[i], feats_text):
            rule = "author-name"
        else:
            continue
        if not opening:
            texts = [t for t in feats_text[start:] if t][:OPENING_LINES]
            opening.append(headline.content_words("\n".join(texts)))
        words = headline.content_words(
            author_line.group("names") if author_line and rule == "author-line" else feats_text[i])
        shared = len(words & opening[0])
        if shared < 2 and 2 * shared < len(words):
            out[i] = ("byline", rule)
        elif rule == "author-line":
            out[i] = ("byline", "author-shaped")
    # outlet: short name lines right after a byline ("By Jane Doe" / "Newsweek")
    for pos, i in enumerate(idx):
        if i not in out or out[i][0] != "byline":
            continue
        for j in idx[pos + 1 :]:
            t = feats_text[j]
            if j in out:
                if out[j][0] == "byline":
                    continue
                break
            if (1 <= len(t.split()) <= 4 and t[:1].isupper() and not R.SENTENCE_END_RE.search(t)
                    and _outlet_name(t)):
                out[j] = ("byline", "outlet")
            else:
                break
    return out


# The site's copyright line: "© 2019 Site Name", "Copyright © 2008 Site Name. All rights
# reserved.", "Copyright 2019 Site Name". Group "name" is the holder. Without a year, "© Name" is
# a photo's credit more often than the site's line.
_COPYRIGHT_SIGN = (r"(?:(?:版权所有\s*)?(?:copyright\s*(?:©|\(c\))?|(?:©|\(c\))(?:\s*copyright)?)"
                   r"|版权所有)")  # (and the Chinese "版权所有", "all rights reserved", before it)
_YEARS = r"(?:19|20)\d\d\s*(?:[-–/]\s*(?:19|20)?\d\d)?"
_COPYRIGHT_RE = re.compile(
    rf"^{_COPYRIGHT_SIGN}\s*,?\s*{_YEARS}\s*,?\s*"
    r"(?:by\s+)?(?P<name>[^.|•·©]+?)\s*(?:[.,|•·]|\ball\s+rights\b|版权所有|$)",
    re.IGNORECASE,
)
# ... and with the year after the name: "© The Valley Courier 2024", "Copyright Site Name
# 2008-2012. All rights reserved."
_COPYRIGHT_YEAR_LAST_RE = re.compile(
    rf"^{_COPYRIGHT_SIGN}\s*(?P<name>[A-Z][^.|•·©\d]{{1,60}}?)\s*,?\s*{_YEARS}\s*"
    r"(?:[.,|•·]|\ball\s+rights\b|$)",
    re.IGNORECASE,
)
_COPYRIGHT_FIRST = "cC©(版"  # _COPYRIGHT_RE's first characters (no other folds to "c")
_SITE_LINE_FIRST = _COPYRIGHT_FIRST + "Ww"  # and _WELCOME_RE's
# A site describing itself: "Welcome to Site Name, your number one source for ...", "Welcome to
# Site Name!". What follows a comma starts in lower case: "Welcome to Russia, Where Most of Your
# Friends Are ..." is a headline.
_WELCOME_RE = re.compile(
    r"^(?i:welcome\s+to)\s+(?P<name>[A-Z][^,.!•|]{1,40}?)"
    r"\s*(?:$|[.!](?:\s|$)|\.(?:com|net|org|co)\b|,\s+(?:your|the|a|an|home)\b)"
)
# What follows the holder's name and is not part of it (and the start of the site's address,
# which the name's pattern stops at the dot of: "© 2008 Morris Daily Herald - www.morris...")
_HOLDER_TAIL_RE = re.compile(
    r"\s*(?:,?\s*\b(?:inc|llc|ltd|limited|plc|corp|corporation|co|gmbh|s\.?a)\b\.?|\ball\b.*"
    r"|[-\u2013\u2014|:]?\s*\bwww)$",
    re.IGNORECASE,
)
# A paper's company named after the paper ("The Seattle Times Company", "The New York Times
# Company"): the paper's name is the outlet's. Another company's name is none ("The Walt Disney
# Company", "Globe Newspaper Company", "Press-Enterprise Company": _NOT_OUTLET_RE)
_PAPER_COMPANY_RE = re.compile(
    r"^(?P<paper>The\s+(?:\S+\s+){0,3}(?:Times|Post|Journal|Herald|Tribune|Gazette|News|Star"
    r"|Globe|Chronicle|Ledger|Sun|Mail|Telegraph|Guardian|Observer|Courier|Record|Register"
    r"|Inquirer|Bee|Dispatch|Examiner|Review|Independent|Express|Mirror|Standard|Monitor))"
    r"\s+Company$"
)
OUTLET_MAX_WORDS = 6
# A holder named as a company ("Canoe Inc.", "Newsweek Digital LLC") owns the site; its name is
# not the outlet's as readers know it.
_COMPANY_RE = re.compile(r"\b(?:inc|llc|ltd|limited|plc|corp|gmbh|pty|s\.a)\b", re.IGNORECASE)
# A news agency's name: under the article, its copyright line is the agency's, not the site's.
_AGENCY_RE = re.compile(
    r"(?i:\b(?:press|agency|agence|associated|wire|news\s+service)\b)|\b[A-Z]*(?:PA|AP)\b")
# A wire service named by its initials ("© 2008 AAP", "By CP"): an agency's copy, whatever the
# site that runs it, and no person's name.
_WIRE_RE = re.compile(r"^(?:AAP|ANI|AFP|AP|APA|CP|DPA|dpa|IANS|PA|PTI|UPI|UNI|Reuters|Xinhua)$")
# A byline naming no person: "By Agencies", "By Staff", "By The Times-Picayune".
_NOT_PERSON_RE = re.compile(
    r"^(?:the\s|staff\b|agencies\b|wires?\b|news\s+(?:desk|services?)\b|web\s+desk\b)",
    re.IGNORECASE,
)
# ... and a byline that names a newsroom: "By TMZ Staff", "By Sports Network"
_NO_PERSON_RE = re.compile(r"\b(?:staff|network|desk|team|editors)\b", re.IGNORECASE)


# Not a site's name: a role ("Tribune staff reporter"), a rights phrase, or a company that
# owns the site ("CBS Interactive", "Salon Media Group": the publisher, not the outlet).
_NOT_OUTLET_RE = re.compile(
    r"\b(?:reporter|writer|correspondent|editor|staff|columnist|contributors?|authors?"
    r"|rights|reserved|copyright|publishing|publications|publishers?|media|group|holdings"
    r"|interactive|pty|company|communications|enterprises|wire|services|unless|otherwise)\b"
    r"|/",
    re.IGNORECASE,
)


def _outlet_name(text: str) -> bool:
    """Whether ``text`` can be a site's name: short, capitalised, no interface text, no date,
    no role or company word."""
    words = R.WORD_RE.findall(text)
    return (
        1 <= len(words) <= OUTLET_MAX_WORDS
        and (text[:1].isupper() or R.CJK_RE.match(text) is not None)
        and not headline.is_interface(text)
        and not _NOT_OUTLET_RE.search(text)
        and not re.search(r"\b(?:19|20)\d\d\b|^\d", text)  # a year, a count
        and not R.DATELINE_RE.match(text)
        and not headline.is_credit(text)
    )


def _holder(name: str, authors: Sequence[str]) -> str | None:
    """The copyright holder's name as a site name, or None when it is not one (the author's
    own name on a blog is not an outlet's)."""
    name = _HOLDER_TAIL_RE.sub("", name.strip(" -–—:")).strip(" -–—:,")
    paper = _PAPER_COMPANY_RE.match(name)
    if paper:
        name = paper.group("paper")
    if (not _outlet_name(name) or name.lower() in (a.lower() for a in authors)
            or _WIRE_RE.match(name)):
        return None
    return name


def _named_again(line: Line, lines: Sequence[Line], authors: Sequence[str]) -> bool:
    """A name line under the byline is the outlet only when the page names it again as a site
    (its copyright line, "Welcome to ...", "Newsweek is a news magazine ...") and it is not an
    author's name: one short line alone could be a person, a button or a label."""
    name = line.text.lower()
    if any(name == a.lower() for a in authors):
        return False
    about = re.compile(
        rf"(?:©|\bcopyright\b|\bwelcome\s+to\b).*{re.escape(name)}|^{re.escape(name)}\s+is\s+(?:a|an|the)\b"
    )
    return any(ln.number != line.number and about.search(ln.text.lower()) for ln in lines)


def site_named(lines: Sequence[Line], authors: Sequence[str] = ()) -> Fact[str]:
    """The outlet, where the capture names its site: the copyright line of the page foot (the
    last one: a copyright line inside the article is its agency's), else a "Welcome to Site"
    self-description. Unknown otherwise: an outlet is never guessed."""
    # the page's own lines first; then a closing line under the article, which is the site's
    # when the page has no other (an agency's credit in it is refused by _holder's rules)
    # (both patterns open with a word or sign: only the lines that start with one of their
    # first characters are read, found in one pass)
    named = [line for line in lines if line.text[:1] in _SITE_LINE_FIRST and line.text]
    for kinds in (("boilerplate", "byline", "dateline"), ("unsure",)):
        for line in reversed(named):
            if line.kind not in kinds or line.text[:1] not in _COPYRIGHT_FIRST:
                continue
            m = _COPYRIGHT_RE.match(line.text)
            year_last = m is None
            if year_last:
                m = _COPYRIGHT_YEAR_LAST_RE.match(line.text)
            if m and len(line.text) <= 200 and not _COMPANY_RE.search(
                    line.text[m.start("name") : m.end("name") + 8]):
                name = _holder(m.group("name"), authors)
                # an agency's credit under its story puts the year last ("© NZPA 2008",
                # "Copyright (c) PA Sport 2008"): a site's footer so written names no agency
                if name and not ((kinds == ("unsure",) or year_last) and _AGENCY_RE.search(name)):
                    return Fact(name, f"capture line {line.number}")
    for line in named:
        # the page's own furniture: in the article, "Welcome to Ordinary Machines, a new column"
        # names a column, not the site
        m = (_WELCOME_RE.match(line.text)
             if line.text[:1] in "Ww" and line.kind not in BODY_KINDS else None)
        if m:
            name = _holder(m.group("name"), authors)
            if name:
                return Fact(name, f"capture line {line.number}")
    return UNKNOWN


def extract_text_metadata(lines: Sequence[Line], captured_on: dt.date | None = None) -> Metadata:
    """Metadata from the classified lines of a text capture."""
    # one pass gathers the lines of the kinds read here (most lines are of none of them)
    title = first_title = dek = outlet_line = None
    bylines: list[Line] = []
    datelines: list[Line] = []
    captions: list[str] = []
    subheads: list[str] = []
    for line in lines:
        kind = line.kind
        if kind not in _METADATA_KINDS:
            continue
        if kind == "title":
            if title is None and line.rule == "title":
                title = line
            if first_title is None:
                first_title = line
        elif kind == "dateline":
            datelines.append(line)
        elif kind == "byline":
            if line.rule in ("byline", "author-line", "author-name", "name-stamp"):
                bylines.append(line)
            elif outlet_line is None and line.rule == "outlet":
                outlet_line = line
        elif kind == "dek":
            if dek is None:
                dek = line
        elif kind == "caption":
            captions.append(line.text)
        else:
            subheads.append(line.text)
    title = title or first_title
    # the first byline that names a person; without one, the header's date line can name the
    # author ("May 5, 2012 by Jane Doe"), or a stamp of a name and a date above the article
    # ("Jane Doe | January 10, 2008")
    published = dates.publication_date(lines, captured_on)  # dates.py: which date and why
    readings = _author_readings(bylines, datelines, lines, published)
    by, names = next(((ln, found) for ln, found in readings if found), (None, ()))
    authors: Fact[tuple[str, ...]] = (
        Fact(tuple(name_case(person_name(n)) for n in names), f"capture line {by.number}")
        if by is not None else UNKNOWN
    )
    if outlet_line is not None and not _named_again(outlet_line, lines, authors.value or ()):
        outlet_line = None
    outlet: Fact[str] = (
        Fact(outlet_line.text, f"capture line {outlet_line.number}") if outlet_line
        else site_named(lines, authors.value or ())
    )
    return Metadata(
        # the headline without a trailing comment count ("Title 385 Comments", or "Title 385"
        # on a page that counts 385 comments)
        title=(Fact(headline.without_counted_tail(headline.title_text(title.text),
                                                  (ln.text for ln in lines)),
                    f"capture line {title.number}") if title else UNKNOWN),
        dek=Fact(dek.text, f"capture line {dek.number}") if dek else UNKNOWN,
        authors=authors,
        outlet=outlet,
        published=published,
        url=UNKNOWN,
        captions=tuple(captions),
        subheads=tuple(subheads),
    )


def _author_readings(bylines: Sequence[Line], datelines: Sequence[Line],
                     lines: Sequence[Line], published: Fact[dt.date] = UNKNOWN,
                     ) -> Iterator[tuple[Line, tuple[str, ...]]]:
    """Each line that can name the author, in order of trust, with the names it gives: the
    header's lines, then the footer under a post ("Posted by Jane Doe at 4:04 PM"); read one
    by one, so a capture whose byline names its author reads no other line."""
    for line in bylines:
        yield line, _line_authors(line)
    for line in datelines:
        yield line, dated_byline(line.text)
    above = _above_body(lines)
    texts = [ln.text for ln in lines]
    for line in above:
        yield line, _name_stamp(line.text, texts)
    yield from _names_by_date(above, lines, published)
    yield from _names_under_date(above, lines, published)
    for line in above:
        m = _KIND_BYLINE_RE.match(line.text)
        if m and line.kind not in ("title", "dek", "body"):
            yield line, parse_byline("By " + m.group(1))
    # the footer under the post, over the comments (a commenter's signature can take its
    # shape): the line as a whole is the footer (under the article's core the cleaner names
    # it "after-article", not by the rule)
    for line in itertools.takewhile(lambda ln: ln.rule != headline.THREAD_RULE, lines):
        if (line.kind == "boilerplate" and R.POST_WRITER_RE.match(line.text)
                and _POST_FOOTER.search(line.text)):
            yield line, post_footer_writer(line.text)
            break


_POST_FOOTER = next(rule for rule in R.LINE_RULES if rule.name == "post-footer")
# What a blog prints there for a writer with no name on the profile
_NO_WRITER = frozenset({"unknown", "anonymous", "admin", "administrator", "guest", "editor"})


def post_footer_writer(text: str) -> tuple[str, ...]:
    """The writer a post's footer names ("Posted by Karl Fisch at 4:04 PM" -> "Karl Fisch",
    ``rules.POST_WRITER_RE``), or (): none, a name in lower case that reads as no person's
    ("mickmel"), a name beside a site ("Peter @ Enviroman"), or the blog's word for a profile
    without a name ("Posted by Unknown at 9:01 AM")."""
    m = R.POST_WRITER_RE.match(text)
    names = parse_byline("By " + m.group("writer")) if m else ()
    return () if any(n.lower() in _NO_WRITER for n in names) else names


# A byline that names the article's kind first, often over the headline: "Analysis by Jane
# Doe", "Opinion by John Roe" (the rules' BYLINE_RE opens with "By")
_KIND_BYLINE_RE = re.compile(r"^(?:analysis|opinion|commentary|perspective)\s+by\s+(.+)$",
                             re.IGNORECASE)


# "Maria Lopez in Madrid": where the reporter filed from, after the name
_FILED_FROM_RE = re.compile(r"\s+in\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}$")
# A reporter's role on the line under the name: "Senior Reporter", "Chief Political Correspondent"
_ROLE_LINE_RE = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:reporter|correspondent|editor|writer|columnist|contributor"
    r"|critic|analyst)s?$", re.IGNORECASE)


def _names_by_date(above: Sequence[Line], lines: Sequence[Line], published: Fact[dt.date],
                   ) -> Iterator[tuple[Line, tuple[str, ...]]]:
    """A bare name (``_bare_name``; "in Berlin" after it, or a role line under it, allowed)
    right under the headline or the dek and right over the header line the publication date
    was read from: "Kate Connolly in Berlin" / "Tuesday January 8, 2008", "Jeff Latzke" / "AP
    Sports Writer" / "Dec. 31, 2007 11:14 AM": a byline the cleaner's rules did not mark (the
    rules read a bare name as the byline only over a line they mark as the dateline). Where no
    date was read (one over "Updated 6:41 p.m. ET" may be the update's), the first line the
    rules mark as the header's date line stands for it; where the page's headline was not
    found, a line shaped as a headline over the name stands for it."""
    number = published.capture_line
    if number is None:  # no date read: the line the rules mark as the header's date line
        number = next((ln.number for ln in above if ln.kind == "dateline"), None)
        if number is None:
            return
    pos = next((k for k, ln in enumerate(above) if ln.number == number), None)
    if pos is None or pos < 2:
        return
    name = pos - 1
    if _ROLE_LINE_RE.match(above[name].text):
        name -= 1
    if name < 1 or above[name].kind in ("title", "dek", "body", "byline"):
        return  # (a byline the rules read, or chose to read no author from: "author-shaped")
    # under the headline or the dek, or under a line shaped as a headline where the page's
    # headline was not found ("Om Shanti Om" / "David Chen" / "Environment correspondent")
    over = above[name - 1]
    if over.kind not in ("title", "dek") and (
            not _title_candidate(over.text) or any(ln.kind == "title" for ln in lines)):
        return
    text = _FILED_FROM_RE.sub("", above[name].text)
    if "," not in text and _bare_name(text, [ln.text for ln in lines]):
        yield above[name], tuple(text.split(" and "))


# The line under a writer's name that says where the writer files from: the newsroom and the
# city ("BBC News, Moscow", "Reuters, Beijing"), capitalised words on each side of one comma
_NEWSROOM_LINE_RE = re.compile(
    r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3},\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")


def _names_under_date(above: Sequence[Line], lines: Sequence[Line], published: Fact[dt.date],
                      ) -> Iterator[tuple[Line, tuple[str, ...]]]:
    """A bare name (``_bare_name``) under the header line the publication date was read from,
    past the page's buttons ("Share", "Save"), over a role line ("China correspondent") or the
    newsroom and the city it files from ("BBC News, Moscow"): the writer of a page that prints
    the date first (round 47). A bare name with no such line under it is no author (a place, a
    section's label)."""
    number = published.capture_line
    pos = next((k for k, ln in enumerate(above) if ln.number == number), None)
    if pos is None:
        return
    under = [ln for ln in above[pos + 1:] if not R.header_furniture(ln.text)][:2]
    if len(under) < 2 or under[0].kind in ("title", "dek", "body"):
        return
    name, role = under[0].text, under[1].text
    if not (_ROLE_LINE_RE.match(role) or _NEWSROOM_LINE_RE.match(role)):
        return
    if "," not in name and _bare_name(name, [ln.text for ln in lines]):
        yield under[0], tuple(name.split(" and "))


def _above_body(lines: Sequence[Line]) -> list[Line]:
    """The lines of text above the article's first paragraph, up to HEADER_REACH of them."""
    first = next((i for i, ln in enumerate(lines) if ln.kind == "body"), 0)
    return [ln for ln in lines[:first] if ln.text][-HEADER_REACH:]


def _name_stamp(text: str, texts: Sequence[str]) -> tuple[str, ...]:
    """The author of a stamp that gives a bare name, a separator and a date ("Malcolm Conn |
    January 10, 2008", "Dan Goodin - Apr 16, 2015 8:02 pm UTC"), or (): a section's or a
    publication's name so stamped ("Globe Staff / December 28, 2007", "Stanford Report, January
    31, 2001") names no author (``_bare_name``)."""
    m = _NAME_STAMP_RE.match(text)
    if m is None or not parse_date(m.group("date")):
        return ()
    name = m.group("name")
    if R.DATE_LABEL_RE.match(name) or _DATE_WORD_RE.search(name):
        return ()  # "Published Thursday, January 10, 2008": the date's label and its weekday
    # (the stamp printed again, or the author's note opening with the name at the foot: "Dan
    # Goodin Dan is the Security Editor at ...", do not make a site's name of it)
    others = [t for t in texts if t != text and not (
        t.startswith(name) and R.count_words(t) >= DEK_MIN_WORDS)]
    return (name,) if _bare_name(name, [text, *others]) else ()


# A weekday: a word of the date, not of a name (a month can be one: "May Jones", "April Smith")
_DATE_WORD_RE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# A bare name, a separator, then the date: "Jane Doe | May 5, 2012", "Jane Doe / May 5, 2012",
# "Jane Doe     Monday, May 5, 2012" (spaces), "Jane Doe on May 5, 2012, 5:53 PM"
_NAME_STAMP_RE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})"
    r"(?:\s*[|/·•—–,-]\s*|\s{2,}|\s+on\s+)(?P<date>.*\d.*)$")


def _line_authors(line: Line) -> tuple[str, ...]:
    """The names a header line gives, as its rule read it (classify_header)."""
    if line.rule == "author-line":  # "Jane Doe and John Roe, Analysts"
        return parse_author_line(line.text)
    if line.rule == "author-name":  # "Jane Doe and John Roe"
        return tuple(line.text.split(" and "))
    if line.rule == "name-stamp":  # "Jane Doe | May 5, 2012"
        m = _NAME_STAMP_RE.match(line.text)
        return (m.group("name"),) if m else ()
    return parse_byline(line.text)


_METADATA_KINDS = frozenset(("title", "byline", "dateline", "dek", "caption", "subhead"))


def html_metadata(meta: Mapping[str, str | None]) -> Metadata:
    """Metadata from an HTML page's extracted fields (``name`` -> value)."""

    def fact(key: str) -> Fact[str]:
        v = meta.get(key)
        return Fact(v.strip(), f"html meta {key}") if v and v.strip() else UNKNOWN

    authors: Fact[tuple[str, ...]] = UNKNOWN
    a = meta.get("author")
    if a and a.strip():
        names = tuple(n.strip() for n in re.split(r"\s*[;|]\s*", a) if n.strip())
        authors = Fact(names, "html meta author")
    published: Fact[dt.date] = UNKNOWN
    d = meta.get("date")
    if d:
        got = parse_date(d)
        if got:
            published = Fact(got, "html meta date")
    return Metadata(
        title=fact("title"),
        dek=fact("description"),
        authors=authors,
        outlet=fact("sitename"),
        published=published,
        url=fact("url"),
    )


def _author_bio(text: str, header: Sequence[Line]) -> bool:
    """``text`` opens with the name a byline of the header gives: a line about the writer
    ("Maria Lopez is the Courier's city hall reporter."), not the article's standfirst."""
    return any(text.startswith(name) for ln in header if ln.kind == "byline"
               for name in parse_byline(ln.text))


def _name_under_headline(lines: Sequence[Line], title: int, dek: int | None) -> int | None:
    """The index of a bare name right under the headline (or its dek) with a reading time, a
    share bar's buttons or the like (``R.header_furniture``) or a date line right under it,
    and no body line between: a reader view's header ("Maria Lopez" / "4–5 minutes"), which
    may print no date. What stands between that line and the article's first body line is the
    article's opening (a subheading, the headline again). A name right over the text is not
    taken: there it can be a place's or a role's ("Special Correspondent")."""
    texts = [i for i in range(title + 1, len(lines)) if lines[i].text]
    k = 1 if dek is not None and texts[:1] == [dek] else 0
    if k >= len(texts):
        return None
    i = texts[k]
    if lines[i].kind not in ("boilerplate", "subhead", "unsure") or "," in lines[i].text:
        return None
    between = list(itertools.takewhile(lambda j: lines[j].kind != "body", texts[k + 1:]))
    # (a separator alone on its line, "·" or "--", between the card's parts: round 47)
    under = next((j for j in between if R.WORD_RE.search(lines[j].text)), None)
    if under is None or len(between) == len(texts) - k - 1 or not (
            lines[under].kind == "dateline" or R.header_furniture(lines[under].text)):
        return None  # (nothing between, no body under it, or no header's line under it)
    card = _FOLLOW_RE.match(lines[under].text) is not None
    return i if _bare_name(lines[i].text, [ln.text for ln in lines], card) else None


# A writer's card's follow button under the name ("Follow", "+ Follow")
_FOLLOW_RE = re.compile(r"^\W*follow\W*$", re.IGNORECASE)


def mark_headline(lines: tuple[Line, ...], choice: headline.Headline | None = None
                  ) -> tuple[Line, ...]:
    """``lines`` with the headline chosen on evidence (headline.py; ``choice``, when the
    caller chose it already) marked "title" (its other copies above the body "title-repeat")
    and the standfirst under it "dek"."""
    choice = choice or headline.choose(lines)
    if choice.title is None:
        return lines
    title = lines[choice.title].text
    first_body = next((i for i, ln in enumerate(lines) if ln.kind == "body"), len(lines))
    # a headline shown twice: the copy nearest the article is the one the source names
    # (the headline can stand below the cleaner's first body line: a caption or the headline
    # itself opened the body)
    first_body = max(first_body, max(choice.title, choice.dek or 0) + 1)
    at = max(i for i in range(first_body) if lines[i].text == title and lines[i].kind not in
             ("byline", "dateline"))
    dek = None if choice.dek is None or _author_bio(lines[choice.dek].text, lines[at:first_body]) \
        else choice.dek
    name = _name_under_headline(lines, at, dek)
    if name is None:  # where the article's text prints the headline again: under a copy above
        for i in range(at - 1, -1, -1):
            if lines[i].text == title and lines[i].kind not in ("byline", "dateline"):
                name = _name_under_headline(lines, i, None)
                if name is not None:
                    break
    out = list(lines)
    for i in range(first_body):
        ln = lines[i]
        if i == at:
            out[i] = replace(ln, kind="title", rule="title")
        elif ln.text == title and ln.kind not in ("byline", "dateline"):
            out[i] = replace(ln, kind="title", rule="title-repeat")
        elif i == dek:
            out[i] = replace(ln, kind="dek", rule="dek")
        elif (at < i and ln.kind == "boilerplate" and len(ln.text) <= DATELINE_MAX_CHARS
              and headline.date_stamp(ln.text) and parse_date(ln.text)):
            # "by jdoe on Aug 8, 2012 5:13 PM PDT" under the headline: the header's date line
            out[i] = replace(ln, kind="dateline", rule="date-stamp")
        elif (i < at and ln.kind in ("body", "subhead") and len(ln.text) <= DATELINE_MAX_CHARS
              and R.DATELINE_RE.match(ln.text) and parse_date(ln.text)):
            # "Monday, 31 December 2007, 10:46 GMT" over the headline, inside the body the
            # cleaner found (the menus above it are dropped): the header's date, not a heading
            out[i] = replace(ln, kind="dateline", rule="dateline")
    if name is not None:  # (under the headline, which can stand inside the body's opening)
        out[name] = replace(lines[name], kind="byline", rule="author-name")
    return tuple(out)
