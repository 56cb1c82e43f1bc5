"""Near-duplicate articles: the same story captured twice (two outlets, or one page saved twice).

Pure: articles in, articles out, no I/O.

1. shingle every article's body text (runs of ``SHINGLE_WORDS`` lowercase words), each shingle
   hashed to 64 bits by a stable rolling hash over word checksums (builds must be
   reproducible: never Python's salted ``hash``);
2. sketch each article by its ``SKETCH_SIZE`` smallest shingle hashes (a bottom-k MinHash);
3. an inverted index from sketch value to articles gives candidate pairs: two copies of one
   story share many sketch values, unrelated articles share almost none. A value held by more
   than ``MAX_POSTING`` articles is boilerplate, not evidence, and is skipped, so the work
   grows with the number of articles, not with its square;
4. each candidate pair is verified with the exact Jaccard similarity of the full shingle sets:
   pairs at or above ``SIMILARITY_THRESHOLD`` are copies of one article;
5. of the copies, the earliest-dated is published (ties: the first capture by name); its
   ``also_from`` names the other captures and their outlets, and those are dropped.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Article

#: Words per shingle. Five words make a phrase specific to one piece of writing: two reporters
#: describing the same event rarely write the same five words in a row outside quotations.
SHINGLE_WORDS = 5

#: Jaccard similarity of the shingle sets at or above which two captures are one article.
#: Independent reports of the same event (the seed captures 000 and 001, both on the May 2024
#: summit) share well under 5% of their shingles, mostly inside quotations; two captures of
#: one story differ only where the cleaner cut the page differently, an outlet trimmed the
#: ending or added an editor's paragraph, and stay far above 0.5. At 0.5 a copy that keeps
#: half of the other's text is still recognised, and nothing written independently comes near.
SIMILARITY_THRESHOLD = 0.5

#: Shingle hashes kept per article for the candidate index (bottom-k). Two copies with
#: similarity J share about J x 64 of them; at 0.5 that is ~32, so a copy is essentially never
#: missed, while the index stays small.
SKETCH_SIZE = 64

#: A sketch value shared by more articles than this is a stock phrase (a wire credit, a
#: newsletter plug the cleaner kept), not evidence that those articles are copies: it is not
#: used for candidates. This bounds the pairs looked at to MAX_POSTING per sketch value.
MAX_POSTING = 100

_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    """A capture not published because another capture of the same article is."""

    dropped: str  # capture name of the copy left out
    kept: str  # capture name of the copy published
    similarity: float  # Jaccard similarity of the two bodies' shingles

    @property
    def reason(self) -> str:
        return (f"near-duplicate of {self.kept} (similarity {self.similarity:.2f}), which is "
                "published crediting both")


@dataclass(frozen=True)
class Deduplicated:
    articles: tuple[Article, ...]  # the published ones, in input order
    duplicates: tuple[Duplicate, ...]  # the dropped ones, by capture name


def body_text(article: Article) -> str:
    return "\n".join(block.text for block in article.blocks)


_MASK = (1 << 64) - 1
#: An odd 64-bit multiplier (the FNV prime): a run of word checksums c1..ck hashes to
#: c1*M^(k-1) + ... + ck modulo 2^64, updated in a few operations as the run slides by a word.
_MULTIPLIER = 0x100000001B3


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of every run of ``size`` words (lowercase); a shorter text is one shingle.

    Each distinct word is checksummed once (CRC-32: stable across runs and machines, never
    Python's salted hash) and each run's 64-bit hash rolls over those checksums; collisions
    are too rare to move a similarity of ~0.5.
    """
    words = _WORD_RE.findall(text.lower())
    if not words:
        return frozenset()
    checksum = {word: zlib.crc32(word.encode("utf-8")) + 1 for word in set(words)}
    codes = [checksum[word] for word in words]
    leaving = pow(_MULTIPLIER, size - 1, 1 << 64)  # the weight of the word leaving the run
    found = set()
    value = 0
    for i, code in enumerate(codes):
        if i >= size:
            value = (value - codes[i - size] * leaving) & _MASK
        value = (value * _MULTIPLIER + code) & _MASK
        if i >= size - 1:
            found.add(value)
    return frozenset(found) if found else frozenset({value})


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def candidate_pairs(sketches: Sequence[Iterable[int]]) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share a sketch value held by at most MAX_POSTING articles."""
    # most values belong to one article only: count them all first (in C), then index only
    # the values that could make a pair
    held = Counter(itertools.chain.from_iterable(sketches))
    postings: dict[int, list[int]] = defaultdict(list)
    for i, sketch in enumerate(sketches):
        for value in sketch:
            if held[value] > 1:
                postings[value].append(i)
    pairs: set[tuple[int, int]] = set()
    for holders in postings.values():
        if len(holders) < 2 or len(holders) > MAX_POSTING:
            continue
        for x, i in enumerate(holders):
            for j in holders[x + 1 :]:
                pairs.add((i, j))
    return pairs


def _keep_order(article: Article) -> tuple[object, ...]:
    """Earliest date first (unknown dates last), then capture name."""
    date = article.metadata.published.value
    return (date is None, date.isoformat() if date else "", article.source)


def _credit(article: Article) -> str:
    outlet = article.metadata.outlet.value
    return f"{article.source} ({outlet})" if outlet else article.source


def sketch(article: Article) -> tuple[int, ...]:
    """The article's bottom-k sketch (step 2): depends on its body only, so it can be cached
    with the tagged article."""
    return tuple(heapq.nsmallest(SKETCH_SIZE, shingles(body_text(article))))


def deduplicate(articles: Sequence[Article],
                sketches: Sequence[Sequence[int]] | None = None) -> Deduplicated:
    """Publish each article once; see the module docstring. ``sketches``, when given, are
    those of ``articles`` (see :func:`sketch`), computed earlier."""
    # Only the sketches are kept for every article; the full shingle sets (hundreds of numbers
    # per article) are made again for the few candidate pairs, so memory stays flat.
    if sketches is None:
        sketches = [sketch(a) for a in articles]
    elif len(sketches) != len(articles):
        raise ValueError(f"{len(sketches)} sketches for {len(articles)} articles")
    similar: dict[int, dict[int, float]] = defaultdict(dict)
    full: dict[int, frozenset[int]] = {}
    for i, j in sorted(candidate_pairs(sketches)):
        for k in (i, j):
            if k not in full:
                full[k] = shingles(body_text(articles[k]))
        score = jaccard(full[i], full[j])
        if score >= SIMILARITY_THRESHOLD:
            similar[i][j] = similar[j][i] = score

    # In keeping order, an article similar to a copy already kept is a duplicate of the most
    # similar such copy; otherwise it is kept. No chains: every dropped copy is itself similar
    # to the copy published in its place (A~B and B~C never drop an unrelated C for A).
    rank = {i: r for r, i in enumerate(sorted(range(len(articles)),
                                              key=lambda i: _keep_order(articles[i])))}
    kept: set[int] = set()
    keeper_of: dict[int, int] = {}
    for i in sorted(rank, key=rank.__getitem__):
        keepers = [j for j in similar[i] if j in kept]
        if keepers:
            keeper_of[i] = max(keepers, key=lambda j: (similar[i][j], -rank[j]))
        else:
            kept.add(i)

    credits: dict[int, list[str]] = defaultdict(list)
    duplicates = []
    for i, keep in keeper_of.items():
        credits[keep].append(_credit(articles[i]))
        duplicates.append(Duplicate(articles[i].source, articles[keep].source, similar[i][keep]))
    published = tuple(
        dataclasses.replace(a, also_from=tuple(sorted({*a.also_from, *credits[i]})))
        if i in credits else a
        for i, a in enumerate(articles)
        if i not in keeper_of
    )
    return Deduplicated(published, tuple(sorted(duplicates, key=lambda d: d.dropped)))
