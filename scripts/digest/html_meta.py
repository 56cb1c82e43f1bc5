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
    parts = re.split(r"\s*(?:[;|]|,\s*and\s+|\s+and\s+|,)\s*", value)
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
               article: str | None = None) -> Fact[str]:
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
    if segment and _title_headline(segment, outlet, article):
        return Fact(segment, "html title")
    if lone_h1 is not None and len(_word_set(lone_h1[1])) >= 3:
        return Fact(lone_h1[1], f"html heading h1, line {lone_h1[0]} (the page's only h1)")
    return UNKNOWN


def spoken_title_fact(page_title: str | None, outlet: str | None, article: str) -> Fact[str]:
    """The last resort for the headline (after ``title_fact`` and the heading the page shows
    over the article): the part of the <title> the ``article`` speaks of most, where its
    longest part is the site's name or slogan ("FBI to post criminal mug shots on digital
    billboards | STATE NEWS | Breaking Houston News, Weather, Sports, Traffic, Video from
    KHOU.com"); unknown when no part of three words or more shares a word with it."""
    segment = title_segment(page_title, article)
    if segment and _title_headline(segment, outlet, article):
        return Fact(segment, "html title (the part the article speaks of)")
    return UNKNOWN


def _title_headline(segment: str, outlet: str | None, article: str | None) -> bool:
    """Whether a part of the <title> can be the headline: not the outlet's name, and a word
    of it in the ``article``'s text (one that shares none is a site's name or slogan)."""
    return (not outlet or _word_set(segment) != _word_set(outlet)) and (
        article is None or _shares_a_word(segment, article))


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


def authors_fact(tags: Mapping[str, str], ld: Mapping[str, Any],
                 fields: Mapping[str, Any]) -> Fact[tuple[str, ...]]:
    candidates: list[tuple[list[str], str]] = [
        (_names(ld.get("author")), "html json-ld author"),
        (_split_authors(tags.get("author", "")), "html meta author"),
        (_split_authors(tags.get("article:author", "")), "html meta article:author"),
        (_split_authors(str(fields.get("author") or "")), TRAFILATURA_AUTHOR),
    ]
    for names, source in candidates:
        names = [
            _display_case(n) for n in names
            if not n.startswith(("http://", "https://", "www.")) and len(n) <= 80
        ]
        if names:
            return Fact(tuple(dict.fromkeys(names)), source)
    return UNKNOWN


def outlet_fact(tags: Mapping[str, str], objects: Sequence[dict[str, Any]],
                ld: Mapping[str, Any], fields: Mapping[str, Any]) -> Fact[str]:
    publisher = _text(ld.get("publisher"))
    if not publisher:
        publisher = next(
            (_text(o) for o in objects
             if _types(o) & {"organization", "newsmediaorganization"} and _text(o)), None)
    return _first(iter([
        (tags.get("og:site_name"), "html meta og:site_name"),
        (publisher, "html json-ld publisher"),
        (tags.get("application-name"), "html meta application-name"),
        (_text(fields.get("sitename")), "html trafilatura sitename"),
    ]))


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
