"""Second opinion on the lines the rules dropped: a small learned line classifier.

The declared rules (rules.py, cleaning.py) find the article core by prose density and cut it
at boundaries. They fail in three general ways on pages they were not tuned on: a short article
next to a longer block of prose that is not the article (the denser block wins and the article
is dropped whole), list-shaped articles (short items dropped), and a false "appended article"
cut (the rest of the article dropped). This module looks again at every line of text the rules
left OUTSIDE the core and estimates the probability that it belongs to the article, from the
line's shape, its neighbours', its place relative to the core and the headline, and how much of
the core's vocabulary it shares. A line with a high probability goes back into the body as
``unsure`` (published, and listed by ``digest report``) with the probability and the strongest
features in its rule: recall first, never a silent drop.

The model is a logistic regression trained by ``scripts/train_cleaner.py`` (``make
train-cleaner``) on the train part of the cleaning-train corpus; its weights are plain JSON
(``cleaner-model.json`` beside this module), applied here in pure Python: no numeric library is
needed at run time, and the dot product of ~40 numbers per candidate line keeps the cleaner
well above 200 captures per second.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from digest import linewords
from digest.rules import lower_twin

MODEL_FILE = Path(__file__).with_name("cleaner-model.json")

# Lines the rules dropped for their PLACE (outside the core, after a cut), not for their shape:
# those are the lines the model may give back. A line a shape rule recognised (share bar,
# caption, comment form, ...) stays dropped.
CANDIDATE_RULES = frozenset(
    {"before-article", "after-article", "appended-article", "label-after-article",
     "section-after-article", "end-boundary"}
)
# Lines this short hold no sentence the reader would miss; they are not scored.
MIN_WORDS = 3
# A core with fewer prose words than this is short: the article may be elsewhere.
SMALL_CORE_WORDS = 150
# A window of this many lines of text on each side describes a line's neighbourhood.
WINDOW = 3

# Comment threads and teaser lists have their own furniture around the prose: "reply", "said",
# "N comments", "posted by", "ago", "permalink". Their presence near a line says "not article".
COMMENT_META_RE = re.compile(
    r"\b(?:reply|replies|repl(?:y|ied)\s+to|permalink|said\.{0,3}|wrote|says:|ago|posted\s+by"
    r"|report\s+(?:abuse|comment)|like\s+this|recommend|\d+\s+comments?|up\s+reply)\b",
    re.IGNORECASE,
)


class LineFeat(Protocol):
    """What the cleaner's first pass knows about a line (cleaning._Feat)."""

    @property
    def text(self) -> str: ...
    @property
    def words(self) -> int: ...
    @property
    def prose(self) -> bool: ...
    @property
    def sentence(self) -> bool: ...
    @property
    def boundary(self) -> bool: ...
    @property
    def legal(self) -> bool: ...
    @property
    def dateline(self) -> bool: ...
    @property
    def teaser(self) -> bool: ...
    @property
    def link_row(self) -> bool: ...
    @property
    def repeated(self) -> bool: ...
    @property
    def dup(self) -> bool: ...
    @property
    def label_like(self) -> bool: ...


FEATURES: tuple[str, ...] = (
    "bias",
    "log-words",
    "prose",
    "sentence",
    "boundary",
    "legal",
    "dateline",
    "teaser",
    "link-row",
    "repeated",
    "dup",
    "label-like",
    "ends-colon",
    "starts-lower",
    "digit-share",
    "comment-meta",
    "before-core",
    "after-core",
    "after-cut",
    "log-dist-core",
    "log-core-words",
    "core-words-small",
    "prose-share-window",
    "label-share-window",
    "comment-meta-window",
    "prev-prose",
    "next-prose",
    "prev-kept",
    "next-kept",
    "core-vocab-share",
    "log-run-words",
    "run-vs-core",
    "run-comment-meta",
    "after-title",
    "log-dist-title",
    "position",
    "after-boundary",
    # interactions a linear model cannot form by itself
    "after-cut-x-vocab",
    "small-core-x-before",
    "small-core-x-prose",
    "before-x-dist-title",
    "after-x-vocab",
    "prose-in-longer-run-before",
)
_INDEX = {name: k for k, name in enumerate(FEATURES)}
_PROSE, _SENTENCE, _BEFORE_CORE = _INDEX["prose"], _INDEX["sentence"], _INDEX["before-core"]
_LABEL_LIKE = _INDEX["label-like"]
_DIGITS = "0123456789"
_DIGIT_BYTES = b"0123456789"
_KEPT = ("body", "subhead", "unsure")  # the kinds published as the article


@dataclass(frozen=True)
class Model:
    """Logistic regression on FEATURES (standardisation folded into the weights)."""

    weights: tuple[float, ...]
    # keep a candidate at or above this probability, by its place and shape: a sentence above
    # the core (a short article under its headline, above a longer block), a sentence below it
    # (where an appended article or a comment thread must stay dropped), and the lines that are
    # no sentence on either side (names, labels, captions, list rows)
    threshold_before: float
    threshold_after: float
    trained_on: str
    threshold_before_other: float = 0.0  # 0: as threshold_after (a model of rounds 1-4)
    threshold_after_other: float = 0.0

    def threshold(self, x: Sequence[float]) -> float:
        """The threshold for a candidate with features ``x``. Chosen on the train pages
        (round 5): a line of text above the core that is no sentence needs less than one
        below it (above the core it is more often the article's section titles or list
        items; below it a teaser, a comment's name or the page's footer), unless every word
        of it is capitalised: a menu item, a row of tags or names ("Xi Jinping, Vladimir
        Putin"), read as below the core."""
        sentence = x[_PROSE] or x[_SENTENCE]
        if x[_BEFORE_CORE] and not x[_LABEL_LIKE]:
            return self.threshold_before if sentence else (
                self.threshold_before_other or self.threshold_after)
        return self.threshold_after if sentence else (
            self.threshold_after_other or self.threshold_after)

    def probability(self, x: Sequence[float]) -> float:
        z = math.fsum(map(operator.mul, self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def strongest(self, x: Sequence[float], n: int = 2) -> list[str]:
        """The features pushing hardest toward "article" for this line."""
        parts = sorted(
            ((w * v, FEATURES[k]) for k, (w, v) in enumerate(zip(self.weights, x, strict=True))
             if k and w * v > 0),
            reverse=True,
        )
        return [name for _, name in parts[:n]]


@cache
def load_model(path: Path = MODEL_FILE) -> Model | None:
    """The committed model, or None when there is none (the rules then decide alone)."""
    if not path.exists():
        return None
    doc = json.loads(path.read_text(encoding="utf-8"))
    if tuple(doc["features"]) != FEATURES:
        raise ValueError(f"{path}: features differ from linemodel.FEATURES; run make train-cleaner")
    return Model(tuple(float(w) for w in doc["weights"]), float(doc["threshold_before"]),
                 float(doc["threshold_after"]), str(doc.get("trained_on", "")),
                 float(doc.get("threshold_before_other", 0.0)),
                 float(doc.get("threshold_after_other", 0.0)))


@functools.lru_cache(maxsize=1 << 14)  # read for the core's vocabulary and each candidate
def content_words(text: str) -> frozenset[str]:
    return frozenset([w for w in linewords.content_word_set(text) if len(w) > 2])


def _vocabulary(texts: list[str]) -> set[str]:
    """``set().union(*map(content_words, texts))``, from the lines' cached content tokens
    where a line's content word set is the set of its tokens (linewords.content_word_set):
    no two frozen sets built and cached per line of the core, which is read once."""
    out: set[str] = set()
    for text in texts:
        if text.isascii() or not linewords.case_splits(text):
            out.update([w for w in linewords.content_tokens(text) if len(w) > 2])
        else:
            out |= content_words(text)
    return out


# Every alternative of COMMENT_META_RE holds one of these (lower-cased): a line without any is
# not searched (most lines have none, and the search is the costliest step per line).
_META_WORDS = ("repl", "permalink", "said", "wrote", "says", "ago", "posted", "report", "like",
               "recommend", "comment")


@functools.lru_cache(maxsize=1 << 14)  # asked of every line, and again for the confidence
def comment_meta(text: str) -> bool:
    """Whether a line carries comment furniture (COMMENT_META_RE)."""
    low = text.lower()
    if not ("repl" in low or "permalink" in low or "said" in low or "wrote" in low
            or "says" in low or "ago" in low or "posted" in low or "report" in low
            or "like" in low or "recommend" in low or "comment" in low):  # _META_WORDS
        return False
    if text.isascii():  # the lower-cased line against the pattern's lower-case twin (speed)
        return _COMMENT_META_LOWER.search(low) is not None
    return COMMENT_META_RE.search(text) is not None


_COMMENT_META_LOWER = lower_twin(COMMENT_META_RE)


def candidates(kinds: Sequence[tuple[str, str]], feats: Sequence[LineFeat]) -> list[int]:
    """Indexes of the dropped lines the model scores."""
    return [i for i, (kind, rule) in enumerate(kinds)
            if kind == "boilerplate" and rule in CANDIDATE_RULES and feats[i].words >= MIN_WORDS]


def features(
    feats: Sequence[LineFeat],
    kinds: Sequence[tuple[str, str]],
    lo: int,
    hi: int,
    cut: int | None,
    which: Sequence[int],
) -> list[list[float]]:
    """The feature vector (FEATURES order) of each line index in ``which``."""
    n = len(feats)
    text_idx = [i for i, f in enumerate(feats) if f.text]
    n_text = len(text_idx)
    tf = [feats[i] for i in text_idx]  # the lines of text, in order
    # per line of text: prose, label-like, comment furniture; and their prefix sums (C loops)
    label_t = [f.label_like for f in tf]
    prose_p = [0, *itertools.accumulate([f.prose for f in tf])]
    label_p = [0, *itertools.accumulate(label_t)]
    words_p = [0, *itertools.accumulate([f.words if f.prose else 0 for f in tf])]
    # runs of text between boundaries and label runs: the block a line belongs to (a run
    # starts at the first line of text, a boundary, or a label-like line under another)
    starts = [0, *[k for k in range(1, n_text) if tf[k].boundary
                   or (label_t[k] and label_t[k - 1])], n_text]
    # each candidate's place among the lines of text, and its run
    places = [bisect.bisect_left(text_idx, i) for i in which]
    runs = [bisect.bisect_right(starts, k) - 1 for k in places]
    # comment furniture is read only in a candidate's window and run: the other lines are
    # not asked (the pattern is the costliest test per line), and count as none
    read = bytearray(n_text)
    for k in places:
        read[max(0, k - WINDOW):k + WINDOW + 1] = b"\x01" * (min(n_text, k + WINDOW + 1)
                                                              - max(0, k - WINDOW))
    for r in set(runs):
        read[starts[r]:starts[r + 1]] = b"\x01" * (starts[r + 1] - starts[r])
    meta_t = [r and 0 < f.words <= 40 and comment_meta(f.text)
              for r, f in zip(read, tf, strict=True)]
    meta_p = [0, *itertools.accumulate(meta_t)]
    core = [i for i in range(lo, hi + 1) if feats[i].prose and kinds[i][0] in _KEPT]
    core_words = sum([feats[i].words for i in core])
    vocab: set[str] | None = None  # the core's content words, read for text candidates only
    title = next((i for i in range(n) if kinds[i][0] == "title"), None)
    # the first boundary after the core (lines after it are "after a boundary")
    first_boundary = next((i for i in range(max(lo, hi + 1), n) if feats[i].boundary), n)
    n_before_lo = bisect.bisect_left(text_idx, lo)  # lines of text above the core
    n_upto_hi = bisect.bisect_right(text_idx, hi)  # ... up to its end
    title_k = bisect.bisect_left(text_idx, title) if title is not None else None
    out = []
    log_core = math.log1p(core_words)
    small_core = core_words < SMALL_CORE_WORDS
    f_small_core = 1.0 if small_core else 0.0
    position_scale = max(1, n_text)
    core_scale = max(core_words, 1)
    for i, k, r in zip(which, places, runs, strict=True):
        f = feats[i]
        a, b = max(0, k - WINDOW), min(n_text, k + WINDOW + 1)
        span = b - a
        before = i < lo
        after = i > hi
        dist = max(0, n_before_lo - k if before else k + 1 - n_upto_hi)
        words = content_words(f.text) if f.prose or f.sentence else frozenset()
        if words and vocab is None:
            vocab = _vocabulary([feats[j].text for j in core])
        share = len(words & vocab) / len(words) if words and vocab is not None else 0.0
        r_lo, r_hi = starts[r], starts[r + 1]
        rw = words_p[r_hi] - words_p[r_lo]
        dist_title = math.log1p(k - title_k) if title_k is not None and k > title_k else 3.0
        after_cut = cut is not None and i >= cut
        text = f.text
        # digits in the line (for an ASCII line, counted as the bytes a deletion removes)
        digits = (len(text) - len(text.encode("ascii").translate(None, _DIGIT_BYTES))
                  if text.isascii() else sum(map(text.count, _DIGITS)))
        prose = f.prose
        out.append([
            1.0,  # bias
            math.log1p(f.words),  # log-words
            1.0 if prose else 0.0,  # prose
            1.0 if f.sentence else 0.0,  # sentence
            1.0 if f.boundary else 0.0,  # boundary
            1.0 if f.legal else 0.0,  # legal
            1.0 if f.dateline else 0.0,  # dateline
            1.0 if f.teaser else 0.0,  # teaser
            1.0 if f.link_row else 0.0,  # link-row
            1.0 if f.repeated else 0.0,  # repeated
            1.0 if f.dup else 0.0,  # dup
            1.0 if f.label_like else 0.0,  # label-like
            1.0 if text.endswith(":") else 0.0,  # ends-colon
            1.0 if text[:1].islower() else 0.0,  # starts-lower
            1.0 - (len(text) - digits) / len(text),  # digit-share
            1.0 if meta_t[k] else 0.0,  # comment-meta
            1.0 if before else 0.0,  # before-core
            1.0 if after else 0.0,  # after-core
            1.0 if after_cut else 0.0,  # after-cut
            math.log1p(dist),  # log-dist-core
            log_core,  # log-core-words
            f_small_core,  # core-words-small
            (prose_p[b] - prose_p[a]) / span,  # prose-share-window
            (label_p[b] - label_p[a]) / span,  # label-share-window
            (meta_p[b] - meta_p[a]) / span,  # comment-meta-window
            1.0 if k > 0 and tf[k - 1].prose else 0.0,  # prev-prose
            1.0 if k + 1 < n_text and tf[k + 1].prose else 0.0,  # next-prose
            1.0 if k > 0 and kinds[text_idx[k - 1]][0] in _KEPT else 0.0,  # prev-kept
            1.0 if k + 1 < n_text and kinds[text_idx[k + 1]][0] in _KEPT else 0.0,  # next-kept
            share,  # core-vocab-share
            math.log1p(rw),  # log-run-words
            min(3.0, rw / core_scale),  # run-vs-core
            min(1.0, (meta_p[r_hi] - meta_p[r_lo]) / 5),  # run-comment-meta
            1.0 if title is not None and i > title else 0.0,  # after-title
            dist_title,  # log-dist-title
            k / position_scale,  # position
            1.0 if i > first_boundary else 0.0,  # after-boundary
            share if after_cut else 0.0,  # after-cut-x-vocab
            1.0 if small_core and before else 0.0,  # small-core-x-before
            1.0 if small_core and prose else 0.0,  # small-core-x-prose
            dist_title if before else 3.0,  # before-x-dist-title
            float(after and not after_cut) * share,  # after-x-vocab
            1.0 if prose and before and rw > core_words else 0.0,  # prose-in-longer-run-before
        ])
    return out
