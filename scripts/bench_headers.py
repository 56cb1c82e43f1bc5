"""Benchmark the text cleaner's reading of a recent page's header: headline, author, date, outlet.

    .venv/bin/python scripts/bench_headers.py [--sets validation] [--list]

The training corpus's pages print their headers in the layouts of 2008 and 2012, and its truth
names no author, so nothing measured how the header is read on the layouts an editor captures
today. This bench takes each English page of a split whose markup title is about its article
(``train_headline.about_article``), 3 to 20 words long and naming no site besides the headline,
and whose truth has MIN_WORDS words
or more and names no date or author in its first paragraphs (the truth's own dateline would
compete with the header's); it prints the truth's paragraphs under a header in each of LAYOUTS
(the page's title as the headline, an author from AUTHORS, a date of its own) and over a footer
with the site's copyright line, cleans that capture, and counts, per layout, how often the
headline (the shared metadata scorer's ``same_headline``), the author, the date and the outlet
are read back right, wrong or not found, and the share of pages that publish a line of the
header in the body (``published_header``: a byline or a reading time as the article's first
subheading, round 27). A layout that prints only an update's date, or only its teasers'
dates, expects no date: the publication's is not on the page. Sets:
``validation`` (the figures to quote) and ``train`` (the only pages to tune on), the ids of
scripts/cleaning-split.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_clean import META_SCORER, load_tool, split_languages  # noqa: E402
from bench_clean import TRAIN_SET as CORPUS  # noqa: E402
from train_headline import about_article  # noqa: E402

from digest.cleaning import clean  # noqa: E402
from digest.model import Capture, Metadata  # noqa: E402

MIN_WORDS = 80
OPENING_PARAGRAPHS = 4  # the truth's paragraphs that must name no date and no author
# A date or an author in the truth's opening: a year, a month and a day, a "By" line
_OWN_HEADER_RE = re.compile(
    r"\b(?:19[89]\d|20[0-3]\d)\b|^by\s"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d",
    re.IGNORECASE | re.MULTILINE,
)
# A markup title that names its site besides the headline ("Title | Site", "» Title :site",
# "Site: Title", "Title - Site Name"): no page prints that as its headline
SITE_TITLE_RE = re.compile(
    r"\s[|»«:/]{1,2}\s|^»|\s:\S|\S\.(?:com|net|org)\b|\s[-–—]\s(?:\S+\s?){1,3}$")
AUTHORS = ("Maria Lopez", "James O'Neill", "Priya Natarajan", "Tom Becker", "Anna Kowalska",
           "David Chen")
OUTLET = "The Valley Courier"
NEWSLETTER = "The Valley Letter"  # a newsletter's name, printed over its posts
FOOTER = ("Most Read", "Council delays vote on the city budget again",
          "Police search for missing hiker near the lake", "Sign up for our newsletter",
          f"© 2024 {OUTLET}. All rights reserved.", "Privacy Policy", "Terms of Use")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
FIRST_DAY = dt.date(2019, 1, 1)


def _month(d: dt.date) -> str:
    return MONTHS[d.month - 1]


def _written(d: dt.date) -> str:
    """A date as a teaser list and a dateline print it: "May 4, 2024"."""
    return f"{_month(d)} {d.day}, {d.year}"


def _named_for(headline: str) -> str:
    """A newsletter named for its subject: the headline's longest word ("Batteries" gives
    "The Batteries Letter")."""
    return f"The {max(re.findall(r'[A-Za-z]+', headline) or ['Weekly'], key=len).title()} Letter"


def _handle(name: str) -> str:
    """A writer's social handle: "O'Neill" -> "oneillnews"."""
    return re.sub(r"[^a-z]", "", name.split()[-1].lower()) + "news"


# Each layout: the header's lines from (headline, author, second author, date, clock hour), and
# whether the page states the publication date (False: only an update's date is printed).
Layout = Callable[[str, str, str, dt.date, int], list[str]]
LAYOUTS: dict[str, tuple[Layout, bool]] = {
    "news site: byline with role, update stamp, share bar, photo": (
        lambda h, a, b, d, hr: [
            "Skip to main content", "Menu", "Search", "Sign in", "World", h,
            f"By {a}, Reporter",
            f"Updated {hr}:32 AM EST, {d:%a} {_month(d)} {d.day}, {d.year}",
            "Share", "Facebook", "Twitter", "Email",
            "Police officers stand outside the building on Tuesday.",
            "Photograph: John Smith/Getty Images"], False),
    "news site: byline and date over a recent page's long share bar": (
        lambda h, a, b, d, hr: [
            "World", h, f"By {a}", f"{_month(d)} {d.day}, {d.year}", "Share this article",
            "Share", "Facebook", "Twitter", "LinkedIn", "WhatsApp", "Email", "Copy link"], True),
    "blog: posted on the date by the author": (
        lambda h, a, b, d, hr: [f"Home » News » {h}", h,
                                f"Posted on {_month(d)} {d.day}, {d.year} by {a}",
                                f"{hr + 2} Comments"], True),
    "magazine: the author's name alone, reading time": (
        lambda h, a, b, d, hr: ["Politics", h, a, f"{d.day} {_month(d)} {d.year} · 5 min read",
                                "Save", "Listen to this article"], True),
    # (round 39: a blog platform's header, its writer's card printed again under the post)
    "blog platform: the writer's card, a follow button, date and reading time": (
        lambda h, a, b, d, hr: [h, a, "Follow", f"{_month(d)[:3]} {d.day}, {d.year} · 8 min read"],
        True),
    # round 47: the same platform's card as a recent copy prints it, a separator alone on its
    # line between its parts and the reading time apart from the date
    "blog platform: the writer's card with separators, the reading time apart": (
        lambda h, a, b, d, hr: [h, a, "·", "Follow", f"{hr + 3} min read", "·",
                                f"{_month(d)[:3]} {d.day}, {d.year}", "--", "Listen", "Share"],
        True),
    "capitals: byline and stamp in capitals": (
        lambda h, a, b, d, hr: ["Latest", "Subscribe", h, f"BY {a.upper()}",
                                f"{_month(d)[:3]}. {d.day}, {d.year} {hr}:15 p.m. ET",
                                "Share this article"], True),
    "two authors, ISO date": (
        lambda h, a, b, d, hr: [h, f"{a} and {b}", d.isoformat(), "Copy Link", "Reprints"],
        True),
    "byline for the paper, published and updated": (
        lambda h, a, b, d, hr: [
            "Home", "News", h, f"By {a.upper()} FOR {OUTLET.upper()}",
            f"Published: {hr}:32 EST, {d.day} {_month(d)} {d.year} | Updated: {hr + 1}:01 EST, "
            f"{d.day} {_month(d)} {d.year}", "View comments"], True),
    "byline and date on one line": (
        lambda h, a, b, d, hr: [h, f"By {a} | {_month(d)} {d.day}, {d.year}", "Share"], True),
    "published, then updated a day later": (
        lambda h, a, b, d, hr: ["Opinion", h, f"By {a}",
                                f"Published {_month(d)} {d.day}, {d.year}",
                                f"Updated {_month(d)} {min(28, d.day + 1)}, {d.year}"], True),
    "standfirst, then the author's name and the date": (
        lambda h, a, b, d, hr: [
            h, "The decision follows months of talks and could shape what happens next, "
            "officials said.", a, f"{d.day} {_month(d)[:3]} {d.year}"], True),
    "a list of dated teasers over the header": (
        lambda h, a, b, d, hr: [
            "Latest", "Police search for missing hiker near the lake",
            _written(d - dt.timedelta(days=3)), "School board elects a new chair after vote",
            _written(d - dt.timedelta(days=1)), h, f"By {a}", _written(d)], True),
    "a list of dated teasers over an undated header": (
        lambda h, a, b, d, hr: [
            "Latest", "Police search for missing hiker near the lake",
            _written(d - dt.timedelta(days=2)), "School board elects a new chair after vote",
            _written(d - dt.timedelta(days=1)), h, f"By {a}"], False),
    "published and modified the same day": (
        lambda h, a, b, d, hr: [
            "World news", h, a, f"{d:%a} {d.day} {_month(d)[:3]} {d.year} 0{hr % 9}.00 BST",
            f"Last modified on {d:%a} {d.day} {_month(d)[:3]} {d.year} {hr + 10}.12 BST"],
        True),
    "written by, edited by": (
        lambda h, a, b, d, hr: [h, f"Written by {a}", f"Edited by {b}", _written(d)], True),
    "date and time glued together": (
        lambda h, a, b, d, hr: [h, f"{_written(d)}{hr}:00 AM ET", f"By {a}"], True),
    "byline, a reading prompt and a sign-up form, the date": (
        lambda h, a, b, d, hr: [
            "Politics", h, f"By {a}", "Listen to this article", f"{hr + 2} min",
            "Sign up for our newsletter", "Email address", "Sign up", _written(d)], True),
    "a reader view: the site, the writer's name, a reading time": (
        lambda h, a, b, d, hr: ["valleycourier.com", h, a, f"{hr}–{hr + 2} minutes"], False),
    "author / date / time / update on one line": (
        lambda h, a, b, d, hr: ["Markets", h,
                                f"{a} / {_month(d)} {d.day}, {d.year} / {hr}:32 AM / Updated 2 "
                                "hours ago", "3 Min Read"], True),
    # round 30: the shapes of the train pages' stamps (640fee20066f, ed6c835924d1,
    # 11aeb3408080, bb3509d52243, 96844a5759d0, 09ee5284e49d)
    "the author's name, a dash and the date, the author's note at the foot": (
        lambda h, a, b, d, hr: [
            "Security", h, "A reader's question, answered by the desk.",
            f"{a} - {_month(d)[:3]} {d.day}, {d.year} {hr}:02 pm UTC"], True),
    "the author's name, spaces and the date": (
        lambda h, a, b, d, hr: [
            h, f"{a}     {d:%A}, {_month(d)} {d.day}, {d.year} @ {hr}:10 PM UTC", "Share"], True),
    "the author on the date": (
        lambda h, a, b, d, hr: [h, f"{a} on {_month(d)} {d.day}, {d.year}, {hr}:53 PM"], True),
    "posted by, a colon": (
        lambda h, a, b, d, hr: [h, f"Posted by: {a}", f"{d.day} {_month(d)} {d.year} - {hr}:00pm"],
        True),
    "byline with the writer's handle": (
        lambda h, a, b, d, hr: [h, f"By {a} (@{_handle(a)})", _written(d)], True),
    "byline with the time and the date": (
        lambda h, a, b, d, hr: [
            h, f"By {a} at {hr}:12 pm {d:%A}, {_month(d)[:3]} {d.day}, {d.year}"], True),
    # round 46: a recent page sets the writer's name and role in two elements
    "the writer's name over the role, then the date": (
        lambda h, a, b, d, hr: [
            "Environment", h, a, "Environment correspondent",
            f"{d:%a} {d.day} {_month(d)[:3]} {d.year} {hr:02d}.00 GMT", "Share"], True),
    "standfirst, the writer's name over the role, the date": (
        lambda h, a, b, d, hr: [
            h, "The decision follows months of talks and could shape what happens next, "
            "officials said.", a, "Senior Reporter", _written(d)], True),
    # round 47: a page that prints the date first, then the writer over the newsroom and the
    # city the writer files from, or over the role
    "the date, then the writer over the newsroom and the city": (
        lambda h, a, b, d, hr: [
            h, f"{d.day} {_month(d)} {d.year}", "Share", "Save", a, "Valley News, Moscow"],
        True),
    "the date, then the writer over the role": (
        lambda h, a, b, d, hr: [
            h, "The decision follows months of talks and could shape what happens next, "
            "officials said.", f"{d.day} {_month(d)} {d.year}", "Share", a,
            "China correspondent"], True),
    # round 47: a newsletter platform's post: the publication's name over its sign-up row,
    # then the post's header (the writer's name alone over the date, the likes and comments
    # counted under it), with or without the share dialog's card (the publication's name
    # over the headline) that the page prints over the header
    "newsletter: the publication over the post's header": (
        lambda h, a, b, d, hr: [
            NEWSLETTER, "Subscribe", "Sign in", h,
            "The decision follows months of talks and could shape what happens next, "
            "officials said.", a, f"{_month(d)[:3]} {d.day}, {d.year}", f"{hr + 30}",
            f"{hr}", "Share"], True),
    "newsletter: the share dialog's card over the post's header": (
        lambda h, a, b, d, hr: [
            NEWSLETTER, "Subscribe", "Sign in", "Share this post", NEWSLETTER, h, "Copy link",
            "Facebook", "Email", "Notes", "More", h,
            "The decision follows months of talks and could shape what happens next, "
            "officials said.", a, f"{_month(d)[:3]} {d.day}, {d.year}", f"{hr + 30}",
            f"{hr}", "Share"], True),
    # ... a newsletter named for its subject, the headline's longest word ("The Batteries
    # Letter" over a post on batteries: ``_named_for``)
    "newsletter named for its subject: the card over the post's header": (
        lambda h, a, b, d, hr: [
            _named_for(h), "Subscribe", "Sign in", "Share this post", _named_for(h), h,
            "Copy link", "Facebook", "Email", "Notes", "More", h,
            "The decision follows months of talks and could shape what happens next, "
            "officials said.", a, f"{_month(d)[:3]} {d.day}, {d.year}", f"{hr + 30}",
            f"{hr}", "Share"], True),
}
# What a layout prints under the article, before the site's footer: the author's note
FEET: dict[str, Callable[[str], list[str]]] = {
    "the author's name, a dash and the date, the author's note at the foot": lambda a: [
        f"{a} {a.split()[0]} is the security editor at {OUTLET}, which {a.split()[0]} joined "
        "in 2012 after working for other publications."],
}
FIELDS = ("headline", "author", "date", "outlet")


def titled_pages(ids: list[str], lang: dict[str, str]) -> Iterator[tuple[str, list[str], str]]:
    """(id, markup titles, truth) of the English pages of ``ids`` with a markup title."""
    for case in ids:
        meta = CORPUS / f"{case}.meta.json"
        if lang[case] != "en" or not meta.exists():
            continue
        titles = json.loads(meta.read_text(encoding="utf-8")).get("title") or []
        if titles:
            yield case, titles, (CORPUS / f"{case}.truth.txt").read_text(encoding="utf-8")


def pages(ids: list[str], lang: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    """(id, headline, paragraphs) of the pages the bench can use (see the module docstring)."""
    out = []
    for case, titles, truth in titled_pages(ids, lang):
        paragraphs = [p.strip() for p in truth.split("\n\n") if p.strip()]
        if len(truth.split()) < MIN_WORDS:
            continue
        title = titles[0].strip()
        if (not 3 <= len(title.split()) <= 20 or SITE_TITLE_RE.search(title)
                or not about_article([title], truth)
                or any(_OWN_HEADER_RE.search(p) for p in paragraphs[:OPENING_PARAGRAPHS])):
            continue
        out.append((case, title, paragraphs))
    return out


def verdicts(ms: ModuleType, m: Metadata, title: str, authors: tuple[str, ...],
             date: dt.date | None) -> dict[str, str]:
    """right / wrong / missing for each of FIELDS."""
    def judge(got: object, right: bool) -> str:
        return "missing" if not got else "right" if right else "wrong"

    return {
        "headline": judge(m.title.value, bool(m.title.value)
                          and ms.same_headline(m.title.value, [title])),
        "author": judge(m.authors.value, m.authors.value == authors),
        # a page that prints no publication date: "not found" is the right answer
        "date": (judge(m.published.value, m.published.value == date) if date
                 else "right" if m.published.value is None else "wrong"),
        "outlet": judge(m.outlet.value, m.outlet.value == OUTLET),
    }


def published_header(header: list[str], paragraphs: list[str], body: set[str]) -> bool:
    """Whether a line of the header that is no sentence (the headline, a byline, a date, a
    reading time, a button) is published as a paragraph or subheading of the body. (A
    standfirst or a photo's caption is a sentence: kept over the article, they cost a reader
    little, and an article's first paragraph can stand over a photo's credit.)"""
    return any(line in body and line not in paragraphs and not line.endswith(".")
               for line in header)


def bench(ids: list[str], lang: dict[str, str], ms: ModuleType, show: bool) -> None:
    used = pages(ids, lang)
    print(f"{len(used)} pages\n")
    print("| layout | headline right / wrong / missing | author | date | outlet "
          "| header line published |")
    print("|---|---|---|---|---|---:|")
    totals: Counter[tuple[str, str]] = Counter()
    leaked_total = 0
    for name, (layout, dated) in LAYOUTS.items():
        counts: Counter[tuple[str, str]] = Counter()
        wrong: dict[str, list[str]] = defaultdict(list)
        leaked: list[str] = []
        for n, (case, title, paragraphs) in enumerate(used):
            a, b = AUTHORS[n % len(AUTHORS)], AUTHORS[(n + 1) % len(AUTHORS)]
            date = FIRST_DAY + dt.timedelta(days=(n * 37) % 700)
            header = layout(title, a, b, date, n % 10 + 1)
            authors = (a, b) if f"{a} and {b}" in header else (a,)
            foot = FEET[name](a) if name in FEET else []
            text = "\n\n".join([*header, *paragraphs, *foot, *FOOTER]) + "\n"
            cleaned = clean(Capture(Path(f"{case}.txt"), case, "text", text, "utf-8"))
            expected = date if dated else None
            for field, verdict in verdicts(ms, cleaned.metadata, title, authors,
                                           expected).items():
                counts[field, verdict] += 1
                if verdict != "right":
                    wrong[field].append(case)
            if published_header(header, paragraphs, {b.text for b in cleaned.blocks}):
                leaked.append(case)
        totals.update(counts)
        leaked_total += len(leaked)

        print(f"| {name} | " + " | ".join(_shares(counts, f, len(used)) for f in FIELDS)
              + f" | {len(leaked) / len(used):.2f} |")
        if show:
            for field in FIELDS:
                if wrong[field]:
                    print(f"|  | {field} not right: {' '.join(wrong[field])} | | | | |")
            if leaked:
                print(f"|  | header line published: {' '.join(leaked)} | | | | |")
    n = len(used) * len(LAYOUTS)
    print("| all layouts | " + " | ".join(_shares(totals, f, n) for f in FIELDS)
          + f" | {leaked_total / n:.2f} |")


def _shares(counts: Counter[tuple[str, str]], field: str, n: int) -> str:
    """"right / wrong / missing" of ``field`` as shares of ``n``."""
    return " / ".join(f"{counts[field, v] / n:.2f}" for v in ("right", "wrong", "missing"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="validation", help="validation, train or both, comma")
    ap.add_argument("--list", action="store_true", help="list the pages read wrong")
    a = ap.parse_args()
    if not CORPUS.exists() or not META_SCORER.exists():
        print(f"training corpus or scorer not found ({CORPUS}, {META_SCORER})", file=sys.stderr)
        return 2
    ms = load_tool(META_SCORER)
    split, lang = split_languages()
    for name in a.sets.split(","):
        print(f"## {name}: a recent page's header over the article\n")
        bench(split[name], lang, ms, a.list)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
