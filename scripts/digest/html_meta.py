"""HTML captures: the article's metadata from the page's own markup.

Each fact names where it came from: "html json-ld datePublished", "html meta og:title",
"html link canonical", or "html trafilatura <field>" (trafilatura's reading of the page, used
when the page's tags say nothing). A fact the page does not state stays unknown: a date is
taken only from a date the page gives in its markup, never guessed from the text or the URL.

JSON-LD is read from the raw page (the sanitised page has no scripts left) with ``json``; its
values are plain strings handed to the writer, which escapes them like any other text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from digest import rules as R
from digest.metadata import declared_persons, squashed_name
from digest.model import UNKNOWN, Fact

_LD_RE = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_ISO_DATE_RE = re.compile(r"\A\s*(\d{4})-(\d{2})-(\d{2})")
_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle"}
    | {"opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle"}
    | {"techarticle", "report", "liveblogposting", "socialmediaposting", "webpage"}
)
#: dates before this are not a news article's publication date (a typo or a placeholder)
EARLIEST = dt.date(1990, 1, 1)
#: a standfirst has at least this many words (shorter descriptions are labels)
DEK_MIN_WORDS = 8


def json_ld(raw_html: str) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, flattened (lists and @graph unpacked), in order;
    blocks that are not valid JSON are skipped."""
    found: list[dict[str, Any]] = []

    def add(obj: Any) -> None:
        if isinstance(obj, list):
            for item in obj:
                add(item)
        elif isinstance(obj, dict):
            found.append(obj)
            add(obj.get("@graph"))

    for match in _LD_RE.finditer(raw_html):
        try:
            add(json.loads(match.group(1).strip().rstrip(";")))
        except ValueError:
            continue
    return found


def _types(obj: Mapping[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def article_ld(objects: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object describing the article (an Article type, else one with a headline)."""
    for obj in objects:
        if _types(obj) & (_ARTICLE_TYPES - {"webpage"}):
            return obj
    for obj in objects:
        if obj.get("headline") or obj.get("datePublished"):
            return obj
    return {}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author value (a string, a Person, or a list of them);
    organisations are not authors."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and "organization" in _types(item):
            continue
        name = _text(item)
        if name and not name.startswith(("http://", "https://")):
            names.append(name)
    return names


def meta_tags(root: Any) -> dict[str, str]:
    """The page's <meta> tags (property or name, lower-cased -> content; first one wins) and
    its canonical link (as "link:canonical")."""
    tags: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = " ".join((el.get("content") or "").split())
        if key and content and key not in tags:
            tags[key] = content
    # microdata on any element (<time itemprop="datePublished" datetime="...">), and HTML5's
    # <time pubdate>: the page stating its publication date
    for el in root.xpath('//*[@itemprop="datePublished"] | //time[@pubdate]'):
        value = (el.get("content") or el.get("datetime") or "").strip()
        if value and "itemprop:datepublished" not in tags:
            tags["itemprop:datepublished"] = value
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = (el.get("href") or "").strip()
        if "canonical" in rel and href and "link:canonical" not in tags:
            tags["link:canonical"] = href
    return tags


def parse_iso_date(value: str | None) -> dt.date | None:
    """A date written YYYY-MM-DD (optionally followed by a time), inside a sensible range."""
    match = _ISO_DATE_RE.match(value or "")
    if not match:
        return None
    try:
        got = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return got if EARLIEST <= got <= dt.date(2100, 12, 31) else None


def _display_case(name: str) -> str:
    """ "VICTOR TANGERMANN" -> "Victor Tangermann"; a name in mixed case is left as written."""
    return name.title() if name.isupper() and len(name) > 3 else name


def _split_authors(value: str) -> list[str]:
    # (a line break written into the tag: "AL ALEXANDER<BR>The Patriot Ledger")
    parts = re.split(r"\s*(?:[;|]|,\s*and\s+|\s+and\s+|,|<br\s*/?>)\s*", value,
                     flags=re.IGNORECASE)
    return [p for p in (" ".join(q.split()) for q in parts) if p]


def _first(candidates: Iterator[tuple[str | None, str]]) -> Fact[str]:
    for value, source in candidates:
        if value:
            return Fact(value, source)
    return UNKNOWN


def _strip_site(title: str, outlet: str | None) -> str:
    """ "Headline | Site" or "Headline - Site" -> "Headline" when Site is the outlet."""
    if outlet:
        for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
            head, _, tail = title.rpartition(sep)
            if head and tail.strip().lower() == outlet.strip().lower():
                return head.strip()
    return title


_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|\u2013\u2014:\u00bb\u00b7-]|::)\s+")


def _word_set(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def _shares_a_word(line: str, article: str) -> bool:
    """Whether ``line`` has a word of four letters or more that ``article`` says too (the
    shorter ones are mostly function words: "the", "for", "and")."""
    words = {w for w in _word_set(line) if len(w) > 3}
    return bool(words & _word_set(article))


def title_segment(page_title: str | None, article: str | None = None) -> str | None:
    """The headline part of a page's <title> ("Site - Section - Headline"): its longest part,
    or, given the ``article``'s text, the part with the most words the article says (of four
    letters or more; the longest among those), when that has at least three words (a shorter
    one is a site or section name)."""
    if not page_title:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS_RE.split(page_title) if p.strip()]
    said = _word_set(article or "")
    best = max(parts, key=lambda p: (len({w for w in _word_set(p) if len(w) > 3} & said),
                                     len(re.findall(r"\w+", p))), default="")
    return best if len(re.findall(r"\w+", best)) >= 3 else None


def _opens(heading: str, page_title: str | None) -> bool:
    """Whether the words of ``heading`` (three or more: a shorter heading is a site's or a
    section's name, as in ``title_fact``) open ``page_title``'s, in order."""
    if not page_title:
        return False
    head = [w.lower() for w in re.findall(r"\w+", heading)]
    title = [w.lower() for w in re.findall(r"\w+", page_title)]
    return len(set(head)) >= 3 and title[:len(head)] == head


def title_fact(tags: Mapping[str, str], ld: Mapping[str, Any], page_title: str | None,
               headings: Sequence[tuple[int, str]], outlet: str | None,
               lone_h1: tuple[int, str] | None = None,
               article: str | None = None, site: str | None = None) -> Fact[str]:
    """The headline: the article's own metadata (og/JSON-LD/twitter tags; not one that gives
    the site's name, the ``outlet``) first; else the page's only <h1> above the article
    (``lone_h1``) when its words open the <title>'s; else a heading shown above the article
    that the <title> repeats (``headings``: (line, text), the nearest first); else the
    headline part of the <title>, when it shares a word with the ``article``'s text (one that
    shares none is a site's name or slogan: "Winona Daily News", "A Netsports Site"); else
    the page's only <h1> over the article. None of them: unknown (a missing headline is asked
    of the editor, a wrong one would be published). The site's name skipped and the <h1>
    opening the <title>: round 35, three train headlines right that were wrong, none changed
    on validation."""
    # og:title before JSON-LD: on the dev pages that have both, a blog's JSON-LD headline was
    # twice another post's; a tag that gives the site's own name is the site's, set on every
    # page of it ("Yahoo News - Latest News & Headlines" as og:title and application-name)
    for value, source in (
        (tags.get("og:title"), "html meta og:title"),
        (_text(ld.get("headline")), "html json-ld headline"),
        (tags.get("twitter:title"), "html meta twitter:title"),
    ):
        if value and not (outlet and _word_set(value) == _word_set(outlet)):
            return Fact(_strip_site(value, outlet), source)
    # the page's only <h1> that opens its <title> ("Local biotech researcher dies" in "Local
    # biotech researcher dies - Kansas City Business Journal"): the headline, where a heading
    # nearer the article that the <title> repeats may be the site's name or a credits line
    if lone_h1 is not None and _opens(lone_h1[1], page_title):
        return Fact(lone_h1[1], f"html heading h1, line {lone_h1[0]} (the page's only h1, "
                    "opening the <title>)")
    in_title = _word_set(page_title or "")
    for line, text in headings:
        ws = _word_set(text)
        # three words at least: "Breaking News", "Sports" are section names, not headlines
        if len(ws) >= 3 and len(ws & in_title) >= 0.6 * len(ws):
            return Fact(text, f"html heading, line {line} (repeated in <title>)")
    segment = title_segment(page_title)
    if segment and _title_headline(segment, outlet, article, site):
        return Fact(segment, "html title")
    if lone_h1 is not None and len(_word_set(lone_h1[1])) >= 3:
        return Fact(lone_h1[1], f"html heading h1, line {lone_h1[0]} (the page's only h1)")
    return UNKNOWN


def spoken_title_fact(page_title: str | None, outlet: str | None, article: str,
                      site: str | None = None) -> Fact[str]:
    """The last resort for the headline (after ``title_fact`` and the heading the page shows
    over the article): the part of the <title> the ``article`` speaks of most, where its
    longest part is the site's name or slogan ("FBI to post criminal mug shots on digital
    billboards | STATE NEWS | Breaking Houston News, Weather, Sports, Traffic, Video from
    KHOU.com"); unknown when no part of three words or more shares a word with it."""
    segment = title_segment(page_title, article)
    if segment and _title_headline(segment, outlet, article, site):
        return Fact(segment, "html title (the part the article speaks of)")
    return UNKNOWN


def _title_headline(segment: str, outlet: str | None, article: str | None,
                    site: str | None = None) -> bool:
    """Whether a part of the <title> can be the headline: not the outlet's name, nor the name
    of the ``site`` the page's own copyright line gives, alone or over a section's
    (``names_site``), and a word of it in the ``article``'s text (one that shares none is a
    site's name or slogan)."""
    return (not outlet or _word_set(segment) != _word_set(outlet)) and not any(
        names_site(segment, name) for name in (outlet, site)) and (
        article is None or _shares_a_word(segment, article))


#: the parts of a site's name, or of a <title> that names a site and its section: the
#: <title>'s separators, a slash, a colon, and a breadcrumb's arrows ("Seattle
#: Post-Intelligencer: Hockey", "Sportal > Golf > News", "TheStar.com | News", "FT.com / Home")
_SITE_PARTS_RE = re.compile(r"\s+(?:[|/\u2013\u2014:\u00bb\u00b7>\u203a-]|::)\s+|:\s+")
#: a section's name under the site's, in words ("Hockey", "Golf", "Other Sports")
SECTION_MAX_WORDS = 2


def names_site(text: str, site: str | None) -> bool:
    """Whether ``text`` (the headline part of a page's <title>) is the ``site``'s name, alone
    or with sections' names (round 45: "The Sports Network", "Seattle Post-Intelligencer:
    Hockey", "Sportal > Golf > News"): one of its parts has the site's words, and every other
    part is a name of SECTION_MAX_WORDS words or fewer."""
    words = _word_set(site or "")
    if not words:
        return False
    parts = [part for part in _SITE_PARTS_RE.split(text) if part.strip()]
    named = [part for part in parts if _word_set(part) == words]
    return bool(named) and all(len(re.findall(r"\w+", part)) <= SECTION_MAX_WORDS
                               for part in parts if part not in named)


def date_fact(tags: Mapping[str, str], ld: Mapping[str, Any]) -> Fact[dt.date]:
    """The publication date the page's markup states (never the modification date, never a
    date read from the text or the URL)."""
    candidates = [
        (_text(ld.get("datePublished")), "html json-ld datePublished"),
        *((tags.get(k), f"html meta {k}") for k in (
            "article:published_time", "og:published_time", "datepublished",
            "publishdate", "pubdate", "publish-date", "date", "dc.date.issued", "dc.date",
            "sailthru.date", "parsely-pub-date", "itemprop:datepublished",
        )),
        (_text(ld.get("dateCreated")), "html json-ld dateCreated"),
    ]
    for value, source in candidates:
        got = parse_iso_date(value)
        if got:
            return Fact(got, source)
    return UNKNOWN


#: the source of the authors trafilatura reads from the page's text, the last resort
TRAFILATURA_AUTHOR = "html trafilatura author"


def authors_fact(tags: Mapping[str, str], ld: Mapping[str, Any], fields: Mapping[str, Any],
                 sites: Sequence[str | None] = ()) -> Fact[tuple[str, ...]]:
    """The authors the page's markup names (JSON-LD, the author tags, trafilatura's guess from
    the page's text): the first field with a name that can be a person's. A declared field
    keeps only those (``metadata.declared_persons``, the ``sites`` the page names among what
    no person is); trafilatura's guess is read by ``html_extract``."""
    candidates: list[tuple[list[str], str]] = [
        (_names(ld.get("author")), "html json-ld author"),
        (_split_authors(tags.get("author", "")), "html meta author"),
        (_split_authors(tags.get("article:author", "")), "html meta article:author"),
        (_split_authors(str(fields.get("author") or "")), TRAFILATURA_AUTHOR),
    ]
    refused: list[str] = []
    for names, source in candidates:
        names = [
            _display_case(n) for n in names
            if not n.startswith(("http://", "https://", "www.")) and len(n) <= 80
        ]
        if source != TRAFILATURA_AUTHOR:
            kept = declared_persons(names, sites)
            refused += [squashed_name(n) for n in names if n not in kept]
            names = list(kept)
        else:
            # (trafilatura reads the author tags too: a name of a field refused above, or a
            # piece of one, "Orleans Star" of "Orleans Star / Weekly Journal", stays refused)
            names = [n for n in names if not any(squashed_name(n) in r for r in refused)]
        if names:
            return Fact(tuple(dict.fromkeys(names)), source)
    return UNKNOWN


def outlet_fact(tags: Mapping[str, str], objects: Sequence[dict[str, Any]],
                ld: Mapping[str, Any], fields: Mapping[str, Any]) -> Fact[str]:
    """The site's name the page's markup gives (og:site_name, the JSON-LD publisher, the
    application's name, trafilatura's guess), read as a site's name (``site_name``): the
    first that leaves one."""
    publisher = _text(ld.get("publisher"))
    if not publisher:
        publisher = next(
            (_text(o) for o in objects
             if _types(o) & {"organization", "newsmediaorganization"} and _text(o)), None)
    return _first((site_name(value), source) for value, source in [
        (tags.get("og:site_name"), "html meta og:site_name"),
        (publisher, "html json-ld publisher"),
        (tags.get("application-name"), "html meta application-name"),
        (_text(fields.get("sitename")), "html trafilatura sitename"),
    ])


# What a page's markup gives as its site's name is often something else, or more (round 45: on
# 48 of the 157 train HTML pages that gave one): trafilatura takes the page's copyright line,
# its <title> with the headline in it, a date, and og:site_name holds a byline on one page.
#: a copyright notice's words around the holder's name ("© MMVIII, CBS Corporation. All Rights
#: Reserved.", "Copyright © 2004 sportsdirectinc.com. All Rights Reserved.", "Génération Flash
#: 2005, Tous droits réservés.")
_NOTICE_HEAD_RE = re.compile(
    r"^\W*(?:copyright\b\s*)?(?:©|\(c\))?\s*(?:copyright\b\s*)?"
    r"(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\b|[MDCLXVI]{2,}\b)?[\s,]*(?:by\s+)?", re.IGNORECASE)
_NOTICE_TAIL_RE = re.compile(
    r"(?<!\b[A-Z])[\s.,]*(?:all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s"
    r"|todos\s+los\s+derechos\s+reservados)\W*$", re.IGNORECASE)
_NOTICE_RE = re.compile(r"©|\bcopyright\b|\(c\)|rights\s+reserved|droits\s+r[ée]serv",
                        re.IGNORECASE)
#: a date or a year after the name ("Winnipeg Sun 2004", "| 01/07/2008")
_TRAILING_DATE_RE = re.compile(r"[\s|,-]*(?:\d{1,2}/\d{1,2}/\d{2,4}|(?:19|20)\d{2})\W*$")
#: the words before a site's address that are no part of its name ("from planet-f1.com",
#: "Welcome to www.dailyrecord.com - Giants")
_ADDRESS_LEAD_RE = re.compile(r"^(?:welcome\s+to|from|at|visit)\s+", re.IGNORECASE)
_MONTH_RE = re.compile(rf"^{R.MONTHS}$", re.IGNORECASE)


#: a longer value is no site's name (the longest train value, a <title> trafilatura took for
#: one, has 140 characters); the cut also keeps a hostile page's value from the patterns below,
#: which a long run of punctuation would hold for a time that grows with its square
SITE_NAME_MAX_CHARS = 200


def site_name(value: str | None) -> str | None:
    """``value``, a site's name as the page's markup gives it, read as one: the site's address
    where a longer name holds it (with a separator, three words or more, or "from" before
    it); else the holder of a copyright notice; a trailing date or year cut. None where
    nothing is left that names a site: no letter ("6.0"), a month alone ("January 2008"), or
    more than SITE_NAME_MAX_CHARS characters."""
    value = " ".join((value or "").split())
    if not value or len(value) > SITE_NAME_MAX_CHARS:
        return None
    # (the site's address inside a longer name: "Football365.com - SPECIAL CITY KIT FOR DERBY
    # GAME - All The News", "Ledger-Enquirer.com | 01/07/2008", "SIMPLYFOUND.COM | BY: JOE
    # WEE"; "Monde.fr" in "Le Monde.fr", two words and no separator, is left with its article)
    address = R.SITE_ADDRESS_RE.search(value)
    if address and address.group(0) != value and (
            _SITE_PARTS_RE.search(value) or len(value.split()) >= 3
            or _ADDRESS_LEAD_RE.match(value) or not re.search(r"[^\W\d_]", value.replace(
                address.group(0), ""))):
        return address.group(0)
    if _NOTICE_RE.search(value):
        value = _NOTICE_TAIL_RE.sub("", _NOTICE_HEAD_RE.sub("", value, count=1)).strip(" ,")
    value = _TRAILING_DATE_RE.sub("", value).strip(" ,|-")
    if not re.search(r"[^\W\d_]", value) or _MONTH_RE.match(value):
        return None
    return value


def repeats_headline(outlet: str | None, headline: str | None) -> bool:
    """Whether a site's name of four words or more holds most of the ``headline``'s words
    (six tenths): trafilatura took the page's <title> for the site's name ("Dyson ties steals
    record as Connecticut beats St. John's 81-65")."""
    if not outlet or not headline or len(outlet.split()) < 4:
        return False
    words = _word_set(headline)
    return bool(words) and len(words & _word_set(outlet)) >= 0.6 * len(words)


def url_fact(tags: Mapping[str, str], ld: Mapping[str, Any],
             fields: Mapping[str, Any]) -> Fact[str]:
    candidates = [
        (tags.get("link:canonical"), "html link canonical"),
        (tags.get("og:url"), "html meta og:url"),
        (_text(ld.get("url")), "html json-ld url"),
        (_text(fields.get("url")), "html trafilatura url"),
    ]
    for value, source in candidates:
        if value and re.match(r"https?://[^\s/]+", value):
            return Fact(value, source)
    return UNKNOWN


def description(tags: Mapping[str, str], ld: Mapping[str, Any]) -> tuple[str, str] | None:
    """The page's description and its source, if it has one long enough to be a standfirst.
    Whether it IS the standfirst is decided against the page's text (see html_extract)."""
    for value, source in (
        (tags.get("og:description"), "html meta og:description"),
        (_text(ld.get("description")), "html json-ld description"),
        (tags.get("description"), "html meta description"),
    ):
        if value and len(re.findall(r"\w+", value)) >= DEK_MIN_WORDS:
            return value, source
    return None
