"""Benchmark the text cleaner on a recent page around the article: article kept, page dropped.

    .venv/bin/python scripts/bench_pages.py [--sets validation] [--list]

The training corpus's pages are from 2007 to 2013; an editor captures today's, whose article
sits between furniture that reads as prose: a cookie or service notice over the header, a
newsletter pitch and a paywall notice under the text, teasers of other stories each with a
sentence of blurb, a reader comment thread (short, or longer than the article, each comment
signed with a date and a time: round 13). The issue's unseen pages lost short articles whole
next to such blocks. This bench takes each English page of a split with a markup title and
MIN_WORDS words of truth in paragraphs of PARAGRAPH_WORDS words or more, sets the paragraphs
under a header (the title, a byline, a date, a share bar) in each of SHELLS, as the full article
and as a short one (its first paragraphs, SHORT_MIN_WORDS to about SHORT_WORDS words: a brief
beside a longer block), cleans the capture, and prints per shell the share of the article's
sentences kept (the shared scorer's ``sentence_check``), the pages that keep less than 0.9 of
them and those that keep none, the share of the furniture's sentences kept (the same check, the
furniture as truth: what a reader would see published that is not the article), and the
headline read back right, wrong or not found (the metadata scorer's ``same_headline``; only on
the pages whose title is about the article and names no site). The teasers are other pages'
headlines and first sentences, so their words are news prose, not the article's. A second
table sets each page out as a list-shaped article (round 16, ``LISTS``: a gift guide, a
ranking, a roundup): its first two sentences as the introduction, then up to LIST_ITEMS items,
each named by another page's headline (cut to LIST_NAME_WORDS words: a product or an entry
on another subject than the sentence under it), numbered or not, with a price and a button
or not; the article is the page's sentences. Sets:
``validation`` (the figures to quote) and ``train`` (the only pages to tune on), the ids of
scripts/cleaning-split.json.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_clean import META_SCORER, SCORER, load_tool, split_languages  # noqa: E402
from bench_clean import TRAIN_SET as CORPUS  # noqa: E402
from bench_headers import SITE_TITLE_RE, titled_pages  # noqa: E402
from train_headline import about_article  # noqa: E402

from digest.cleaning import clean, render_plain  # noqa: E402
from digest.model import Capture  # noqa: E402

MIN_WORDS = 120
PARAGRAPH_WORDS = 10  # shorter truth paragraphs (a dateline, a byline, a caption) are left out
SHORT_WORDS = 90  # a short article: its first paragraphs up to about this many words,
SHORT_MIN_WORDS = 40  # ... and at least this many
TEASERS = 5
KEEP_GOAL = 0.9

OUTLET = "The Valley Courier"
NAV = ("Skip to main content", "Menu", "News", "Politics", "Business", "Sport", "Culture",
       "Opinion", "Search", "Sign in", "Subscribe")
COOKIE_NOTICE = ("We use cookies and similar technologies to improve your experience on our "
                 "site, to analyse traffic and to show you personalised advertising. By "
                 "continuing to use this site you agree to our use of cookies.",
                 "Accept all", "Manage preferences")
SERVICE_NOTICE = ("Delivery notice: because of the holiday schedule, print subscribers may "
                  "receive their papers later than usual this week. We apologise for any "
                  "inconvenience and thank you for your patience. Call our customer service "
                  "team if your paper has not arrived by noon.",)
NEWSLETTER = ("Get the morning briefing", "Sign up to receive the day's most important stories, "
              "hand-picked by our editors and delivered to your inbox before breakfast.",
              "Enter your email address", "Sign up",
              "By signing up you agree to our terms of service and privacy policy. You can "
              "unsubscribe at any time.")
PAYWALL = ("Support local journalism. Our reporters cover the stories that matter to your "
           "community, and your subscription makes that work possible. Subscribe today for "
           "just $1 a week.", "Subscribe now")
# Round 47: a newsletter platform's post. Over it the publication's name and sign-up row, the
# share dialog's card (the publication over the headline) and the post's header (headline,
# standfirst, the writer's name alone over the date, the likes and comments counted); under
# it the platform's pitch and button, the counts again and the discussion's labels.
LETTER = "The Valley Letter"
LETTER_TOP = (LETTER, "Subscribe", "Sign in", "Share this post", LETTER)
LETTER_PITCH = (f"Thanks for reading {LETTER}! Subscribe for free to receive new posts and "
                "support my work.", "Subscribe")
LETTER_FOOT = ("42 Likes", "·", "3 Restacks", "7 Comments", "Share", "Discussion about this post",
               "Comments", "Restacks", "Write a comment...")
LETTER_END = ("Ready for more?", "Subscribe", f"© 2024 {LETTER}", "Privacy ∙ Terms ∙ Collection "
              "notice", "Start writing", "Get the app")
COMMENTS = (
    ("Tom R.", "This is exactly what I have been saying for years. Nobody listened then and "
     "nobody is listening now."),
    ("margaret_h", "Great reporting as always. I would love to see a follow-up on what "
     "happens next, because the details matter here."),
    ("Dave Kim", "I don't agree with most of this, but I appreciate that you talked to people "
     "on both sides."),
    ("Lena", "Does anyone know where to find the full report? The link in the story does not "
     "seem to work for me."),
)
FOOTER = ("About us", "Contact", "Advertise", "Privacy Policy", "Terms of Use",
          f"© 2024 {OUTLET}. All rights reserved.")


@dataclass(frozen=True)
class Page:
    case: str
    headline: str
    paragraphs: list[str]
    titled: bool  # the headline is about the article and names no site: it is judged


def _teaser_units(donors: list[Page]) -> list[tuple[str, str, str]]:
    """Each donor's headline, the first sentence of its text (40 words at most) and a stamp."""
    units = []
    for k, d in enumerate(donors):
        first = d.paragraphs[0].split(". ")[0].rstrip(".")
        units.append((d.headline, " ".join(first.split()[:40]) + ".", f"{k + 2} hours ago"))
    return units


def _teasers(donors: list[Page]) -> list[str]:
    """"More stories": each teaser's headline, blurb and stamp."""
    return [f"More from {OUTLET}", *(x for unit in _teaser_units(donors) for x in unit)]


def _stamped_teasers(donors: list[Page]) -> list[str]:
    """The same teasers, each under its stamp ("2 hours ago", then the headline and blurb)."""
    return [x for title, blurb, stamp in _teaser_units(donors) for x in (stamp, title, blurb)]


def _comments() -> list[str]:
    lines = [f"{len(COMMENTS)} Comments", "Join the conversation", "Sort by Newest"]
    for k, (name, text) in enumerate(COMMENTS):
        lines += [name, f"{k + 1} hours ago", text, "Reply", "Like"]
    return lines


def _long_thread(donors: list[Page]) -> list[str]:
    """A thread longer than a short article: "5 Comments", then each comment signed with a
    name, a date and a time over two paragraphs of a donor's text (dense prose, not the
    article's words)."""
    lines = [f"{len(donors)} Comments"]
    for k, d in enumerate(donors):
        name = COMMENTS[k % len(COMMENTS)][0]
        lines += [f"{name} | March {5 + k // 3}, 2024 at {9 + k}:{15 + k:02d} am | Reply",
                  *d.paragraphs[:2]]
    return lines


def _header(p: Page) -> list[str]:
    return [p.headline, "By Maria Lopez", "March 5, 2024", "Share", "Facebook", "Twitter"]


def _letter_header(p: Page) -> list[str]:
    """A newsletter post's header under the share dialog's card (``LETTER_TOP``): the card's
    headline, its buttons, then the post's headline, standfirst, writer, date and counts."""
    return [p.headline, "Copy link", "Facebook", "Email", "Notes", "More", p.headline,
            "A note on what the numbers say, and what they leave out.", "Maria Lopez",
            "Mar 5, 2024", "42", "7", "Share"]


# Each shell: (the page above the article, the page under it), from the page and its donors.
Shell = Callable[[Page, list[Page]], tuple[list[str], list[str]]]
SHELLS: dict[str, Shell] = {
    "the header and the footer alone": lambda p, d: ([*NAV, *_header(p)], list(FOOTER)),
    "teasers with blurbs under the article": lambda p, d: (
        [*NAV, *_header(p)], [*_teasers(d), *FOOTER]),
    "a comment thread under the article": lambda p, d: (
        [*NAV, *_header(p)], ["Share this article", *_comments(), *FOOTER]),
    "a long comment thread under the article": lambda p, d: (
        [*NAV, *_header(p)], [*_long_thread(d), *FOOTER]),
    "newsletter pitch and paywall notice under it": lambda p, d: (
        [*NAV, *_header(p)], [*NEWSLETTER, *PAYWALL, *FOOTER]),
    "cookie and service notices over the header": lambda p, d: (
        [*COOKIE_NOTICE, *SERVICE_NOTICE, *NAV, *_header(p)], list(FOOTER)),
    "teasers with blurbs over the header": lambda p, d: (
        [*NAV, "Trending", *_teasers(d)[1:], *_header(p)], list(FOOTER)),
    "the same teasers, each under its stamp": lambda p, d: (
        [*NAV, "Trending", *_stamped_teasers(d), *_header(p)], list(FOOTER)),
    "a newsletter's post: its card and header, its pitch, its discussion": lambda p, d: (
        [*LETTER_TOP, *_letter_header(p)],
        [*LETTER_PITCH, *LETTER_FOOT, *_comments(), *LETTER_END]),
    "all of them": lambda p, d: (
        [*COOKIE_NOTICE, *NAV, *_header(p)],
        [*NEWSLETTER, *_teasers(d), *_comments(), *PAYWALL, *FOOTER]),
}


def _list_article(p: Page, donors: list[Page], item: Callable[[int, str], list[str]]
                  ) -> tuple[list[str], list[str]]:
    """A list-shaped article from the page (a gift guide, a ranking, a roundup): its first two
    sentences as the introduction, then one item per later sentence (LIST_ITEMS at most), each
    named by ``item`` (its number and a donor's headline cut to LIST_NAME_WORDS words, on a
    subject unlike the sentence's) over the sentence: the lines and the article's sentences."""
    sentences = [s.strip() for para in p.paragraphs for s in _SENTENCE_END_RE.split(para)
                 if len(s.split()) >= LIST_SENTENCE_WORDS]
    if len(sentences) < 2 + LIST_MIN_ITEMS:
        return [], []
    lines = sentences[:2]
    for k, (d, sentence) in enumerate(zip(donors, sentences[2:2 + LIST_ITEMS], strict=False)):
        name, *after = item(k, " ".join(d.headline.split()[:LIST_NAME_WORDS]))
        lines += [name, sentence, *after]
    return lines, sentences[:2 + min(len(donors), LIST_ITEMS)]


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
LIST_ITEMS = 8
LIST_MIN_ITEMS = 4
LIST_NAME_WORDS = 5
LIST_SENTENCE_WORDS = 6
# each list's item: its name (and what follows the item's sentence), from its number and name
LISTS: dict[str, Callable[[int, str], list[str]]] = {
    "numbered items": lambda k, name: [f"{k + 1}. {name}"],
    "named items": lambda k, name: [name],
    "named items with a price": lambda k, name: [name, f"${19 + 10 * k} at Amazon"],
    "items under a label, with a price and a button": lambda k, name: [
        f"Best overall: {name}" if k == 0 else f"Also great: {name}", f"${19 + 10 * k}",
        "Buy now"],
}


def pages(ids: list[str], lang: dict[str, str]) -> list[Page]:
    """The English pages of ``ids`` with a headline and MIN_WORDS words of truth."""
    out = []
    for case, titles, truth in titled_pages(ids, lang):
        paragraphs = [" ".join(p.split()) for p in truth.split("\n\n")
                      if len(p.split()) >= PARAGRAPH_WORDS]
        words = sum(len(p.split()) for p in paragraphs)
        if words >= MIN_WORDS and 3 <= len(titles[0].split()) <= 20:
            title = " ".join(titles[0].split())
            titled = about_article([title], truth) and not SITE_TITLE_RE.search(title)
            out.append(Page(case, title, paragraphs, titled))
    return out


def short(paragraphs: list[str]) -> list[str]:
    """The first paragraphs: SHORT_MIN_WORDS words or more (a brief), then more of them while
    the total stays within SHORT_WORDS."""
    out: list[str] = []
    words = 0
    for p in paragraphs:
        if words >= SHORT_MIN_WORDS and words + len(p.split()) > SHORT_WORDS:
            break
        out.append(p)
        words += len(p.split())
    return out


@dataclass
class Tally:
    pages: int = 0
    kept: float = 0.0
    under_goal: int = 0
    lost_whole: int = 0
    furniture: float = 0.0
    furniture_pages: int = 0
    headline: Counter[str] = field(default_factory=Counter)

    def row(self) -> str:
        n, titled = self.pages or 1, sum(self.headline.values()) or 1
        return (f"{self.kept / n:.3f} | {self.under_goal} | {self.lost_whole} | "
                f"{self.furniture / max(1, self.furniture_pages):.3f} | "
                + " / ".join(f"{self.headline[v] / titled:.2f}"
                             for v in ("right", "wrong", "missing")))


def run_one(sc: ModuleType, ms: ModuleType, p: Page, paragraphs: list[str], above: list[str],
            under: list[str], tally: Tally, article: list[str] | None = None) -> float:
    """Clean ``paragraphs`` between ``above`` and ``under``; add to ``tally``; the share of the
    article's sentences kept (``article``'s, when given: a list's lines hold more than its
    text, the items' names and prices)."""
    text = "\n\n".join([*above, *paragraphs, *under]) + "\n"
    cleaned = clean(Capture(Path(f"{p.case}.txt"), p.case, "text", text, "utf-8"))
    out = render_plain(cleaned)
    title = cleaned.metadata.title.value
    if p.titled:
        tally.headline["missing" if not title else "right"
                       if ms.same_headline(title, [p.headline]) else "wrong"] += 1
    n, k = sc.sentence_check("\n\n".join(article or paragraphs), text, out)
    share = k / n if n else 1.0
    fn, fk = sc.sentence_check("\n\n".join([*above, *under]), text, out)
    tally.pages += 1
    tally.kept += share
    tally.under_goal += share < KEEP_GOAL
    tally.lost_whole += n >= 1 and k == 0
    if fn:
        tally.furniture += fk / fn
        tally.furniture_pages += 1
    return share


def bench(ids: list[str], lang: dict[str, str], sc: ModuleType, ms: ModuleType,
          show: bool) -> None:
    used = pages(ids, lang)
    print(f"{len(used)} pages\n")
    print("| shell | article | sentences kept | pages < 0.9 | none kept | furniture kept "
          "| headline right / wrong / missing |")
    print("|---|---|---:|---:|---:|---:|---|")
    for name, shell in SHELLS.items():
        for size, cut in (("full", list), ("short", short)):
            tally, worst = Tally(), []
            for n, p in enumerate(used):
                donors = [used[(n + 1 + k * 7) % len(used)] for k in range(TEASERS)]
                above, under = shell(p, donors)
                share = run_one(sc, ms, p, cut(p.paragraphs), above, under, tally)
                if share < KEEP_GOAL:
                    worst.append(f"{p.case}:{share:.2f}")
            print(f"| {name} | {size} | {tally.row()} |")
            if show and worst:
                print(f"|  | under {KEEP_GOAL}: {' '.join(worst)} | | | | | |")


def bench_lists(ids: list[str], lang: dict[str, str], sc: ModuleType, ms: ModuleType,
                show: bool) -> None:
    """Each page as a list-shaped article (``LISTS``) under the header, over the footer."""
    used = pages(ids, lang)
    print("| list | pages | sentences kept | pages < 0.9 | none kept | furniture kept "
          "| headline right / wrong / missing |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, item in LISTS.items():
        tally, worst = Tally(), []
        for n, p in enumerate(used):
            donors = [used[(n + 1 + k * 7) % len(used)] for k in range(LIST_ITEMS)]
            lines, article = _list_article(p, donors, item)
            if not lines:
                continue
            share = run_one(sc, ms, p, lines, [*NAV, *_header(p)], list(FOOTER), tally,
                            article)
            if share < KEEP_GOAL:
                worst.append(f"{p.case}:{share:.2f}")
        print(f"| {name} | {tally.pages} | {tally.row()} |")
        if show and worst:
            print(f"|  | under {KEEP_GOAL}: {' '.join(worst)} | | | | | |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="validation", help="validation, train or both, comma")
    ap.add_argument("--list", action="store_true", help="list the pages under the goal")
    a = ap.parse_args()
    if not CORPUS.exists() or not SCORER.exists() or not META_SCORER.exists():
        print(f"training corpus or scorers not found ({CORPUS}, {SCORER}, {META_SCORER})",
              file=sys.stderr)
        return 2
    sc, ms = load_tool(SCORER), load_tool(META_SCORER)
    split, lang = split_languages()
    for name in a.sets.split(","):
        print(f"## {name}: a recent page around the article\n")
        bench(split[name], lang, sc, ms, a.list)
        print(f"\n## {name}: a list-shaped article\n")
        bench_lists(split[name], lang, sc, ms, a.list)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
