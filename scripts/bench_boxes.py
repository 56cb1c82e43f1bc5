"""Benchmark the text cleaner on articles with a box set inside them: sentences kept.

    .venv/bin/python scripts/bench_boxes.py [--sets validation] [--list]

A recent page interrupts its article with boxes: a newsletter pitch, "Related Articles" and a
link or two, a share bar, an advertisement's label, a photo's caption under its label, an
embedded post. The training corpus's pages are older and hold few of them, so the cleaner
cannot learn them there; this bench puts each kind of box (BOXES, the same few lines on every
page) after the middle paragraph of each English page whose truth has MIN_PARAGRAPHS paragraphs
of PARAGRAPH_WORDS words or more (the line of the capture that is that paragraph), cleans the
page with and without it, and prints, per box, the share of the truth's sentences kept (the
shared scorer's ``sentence_check``, page by page, averaged) and the pages that lose more than a
tenth of their sentences to the box; then two boxes with one paragraph between them
(TWO_BOXES). Sets: ``validation`` (the figures to quote) and ``train`` (the only pages to tune
on), the ids of scripts/cleaning-split.json.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_clean import SCORER, load_tool, split_languages  # noqa: E402
from bench_clean import TRAIN_SET as CORPUS  # noqa: E402

from digest.cleaning import clean, render_plain  # noqa: E402
from digest.model import Capture  # noqa: E402

MIN_PARAGRAPHS = 6
PARAGRAPH_WORDS = 15
LOSS = 0.1  # a page "loses" to a box when it keeps this share of its sentences less

#: The boxes, as lines of text (each its own paragraph in the capture).
BOXES: dict[str, tuple[str, ...]] = {
    "newsletter pitch": ("Sign up for our newsletter to get the day's top stories delivered to "
                         "your inbox every morning.", "Advertisement"),
    "related links": ("Related Articles", "Council delays vote on the city budget again",
                      "Police search for missing hiker near the lake"),
    "more on this story": ("More on this story", "Council delays vote on the city budget again",
                           "20 July 2019"),
    "share bar": ("Share this article", "Facebook", "Twitter", "Email"),
    # a recent page's share bar: a second opener ("Share") and buttons of two words
    "long share bar": ("Share this article", "Share", "Facebook", "Twitter", "LinkedIn",
                       "WhatsApp", "Email", "Copy link"),
    "subscribe button": ("Subscribe",),
    # a newsletter platform's pitch in a post, over its button (round 47)
    "newsletter's pitch": ("Thanks for reading The Valley Letter! Subscribe for free to receive "
                           "new posts and support my work.", "Subscribe"),
    # ... and its button inviting a comment, set inside the post as a share button is
    "comment button": ("Leave a comment",),
    # a recent page's sign-up form: its field and button, and the terms under them
    "newsletter form": ("Newsletter", "Get our daily briefing", "Enter your email", "Sign up",
                        "By signing up you agree to our Privacy Policy."),
    "most read list": ("Most Read", "1. Council delays vote on the city budget again",
                       "2. Police search for missing hiker near the lake",
                       "3. Storm closes schools across the county"),
    "read more link": ("Read more: Council delays vote on the city budget again",),
    "advertisement": ("Advertisement", "Story continues below advertisement"),
    "labelled caption": ("Image copyright Getty Images", "Image caption Protesters gathered "
                         "outside the parliament building on Tuesday"),
    "media player": ("Media playback is unsupported on your device",
                     "Media caption The moment the bridge collapsed"),
    "embedded post": ("We are deeply saddened by the news this morning. Our thoughts are with "
                      "the families. pic.twitter.com/x1y2z3",
                      "— City Council (@citycouncil) July 20, 2019"),
}
#: Two boxes with one paragraph of the article between them (the first after the paragraph
#: before the middle one, the second after the middle one), by their names in BOXES.
TWO_BOXES: dict[str, tuple[str, str]] = {
    "long share bar, a paragraph, newsletter form": ("long share bar", "newsletter form"),
    "long share bar, a paragraph, advertisement": ("long share bar", "advertisement"),
}


def middle_line(lines: list[str], truth: str, before: int = 0) -> int | None:
    """The line of the capture that is the middle paragraph of ``truth`` (or the paragraph
    ``before`` paragraphs above it), or None when the article is too short or that paragraph
    is no line of the capture."""
    paragraphs = [p.strip() for p in truth.split("\n\n") if len(p.split()) >= PARAGRAPH_WORDS]
    if len(paragraphs) < MIN_PARAGRAPHS:
        return None
    middle = paragraphs[len(paragraphs) // 2 - 1 - before]
    return next((k for k, line in enumerate(lines) if line.strip() == middle), None)


def with_box(lines: list[str], at: int, box: tuple[str, ...]) -> str:
    """The capture (``lines``) with ``box`` after its line ``at``, each item a paragraph."""
    return "\n".join(lines[:at + 1] + [x for item in box for x in ("", item)] + lines[at + 1:])


def kept(sc: ModuleType, case: str, text: str, truth: str) -> float | None:
    """Share of the truth's sentences (in the capture) the cleaned text keeps."""
    out = render_plain(clean(Capture(Path(case), case, "text", text, "utf-8")))
    n, k = sc.sentence_check(truth, text, out)
    return k / n if n else None


@dataclass(frozen=True)
class Page:
    """A page of the bench: its capture's lines, where the boxes go, its truth."""

    case: str
    lines: list[str]
    middle: int  # the line of the middle paragraph: a box goes under it
    before: int | None  # the line of the paragraph before it: the first of two boxes
    truth: str
    kept: float  # share of the truth's sentences kept without a box


def bench(ids: list[str], lang: dict[str, str], sc: ModuleType, show: bool) -> None:
    pages: list[Page] = []
    for case in ids:
        if lang.get(case) != "en":
            continue
        text = (CORPUS / f"{case}.txt").read_text(encoding="utf-8", errors="replace")
        truth = (CORPUS / f"{case}.truth.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        at = middle_line(lines, truth)
        if at is None:
            continue
        plain = kept(sc, case, text, truth)
        if plain is not None:
            before = middle_line(lines, truth, before=1)
            pages.append(Page(case, lines, at, before if before is not None and before < at
                              else None, truth, plain))
    print(f"{len(pages)} pages; sentences kept without a box: "
          f"{sum(p.kept for p in pages) / len(pages):.3f}\n")
    print("| box | sentences kept | pages losing > 10% |\n|---|---:|---:|")
    for name, box in BOXES.items():
        row(sc, name, [(p, with_box(p.lines, p.middle, box)) for p in pages], show)
    for name, (first, second) in TWO_BOXES.items():
        # (the second box first: the first's line is above it and keeps its number)
        row(sc, name, [(p, with_box(with_box(p.lines, p.middle, BOXES[second]).split("\n"),
                                    p.before, BOXES[first]))
                       for p in pages if p.before is not None], show)


def row(sc: ModuleType, name: str, variants: list[tuple[Page, str]], show: bool) -> None:
    """Print the row of one box: each page's share of sentences kept with the box (its
    ``variants``' text), averaged, and the pages that lose more than LOSS of them to it."""
    shares, lost = [], []
    for page, text in variants:
        share = kept(sc, page.case, text, page.truth)
        share = page.kept if share is None else share
        shares.append(share)
        if share < page.kept - LOSS:
            lost.append(page.case)
    pages = f" ({len(variants)} pages)" if name in TWO_BOXES else ""
    print(f"| {name}{pages} | {sum(shares) / len(shares):.3f} | {len(lost)} |")
    if show and lost:
        print("|  | " + " ".join(lost) + " | |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="validation", help="validation, train or both, comma")
    ap.add_argument("--list", action="store_true", help="list the pages that lose to each box")
    a = ap.parse_args()
    if not CORPUS.exists() or not SCORER.exists():
        print(f"training corpus or scorer not found ({CORPUS}, {SCORER})", file=sys.stderr)
        return 2
    split, lang = split_languages()
    sc = load_tool(SCORER)
    for name in a.sets.split(","):
        print(f"\n## {name}: a box after the middle paragraph of the article\n")
        bench(split[name], lang, sc, a.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
