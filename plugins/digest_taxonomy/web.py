"""The web of stories as plain data: related articles, co-occurrence, a circular graph layout,
the sentences that mention an entity.

No Pelican import: the adapter (``plugin.py``) turns articles into ``Record``s and the results
back into links, so this module can be tested and benchmarked on its own.

Related articles come from an inverted index (term -> articles that carry it), never from a
comparison of every pair of articles. A term carried by very many articles (the digest's main
topic, say) would still make the work quadratic, so each article only looks at the ``window``
articles nearest in time on each side within that term's posting list: for a common term the
nearest stories in time are the relevant ones, and the work stays linear in the number of
articles.
"""

from __future__ import annotations

import heapq
import html
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

#: Articles looked at on each side of an article in one term's posting list (see above).
DEFAULT_WINDOW = 25


@dataclass(frozen=True)
class Record:
    """An article as this module sees it: a unique key, a time, the terms it carries."""

    key: str
    when: float  # any number that orders articles in time, e.g. a POSIX timestamp
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Related:
    """Another article, how strongly it relates, and the terms both carry."""

    key: str
    score: float
    shared: tuple[str, ...]


def related_articles(
    records: Sequence[Record], limit: int, window: int = DEFAULT_WINDOW
) -> dict[str, tuple[Related, ...]]:
    """For every record, up to ``limit`` others sharing the most (and rarest) terms.

    A shared term weighs log(1 + N / df): a term carried by few articles says more than one
    carried by all. A common term (see ``is_common``) relates nothing and is no reason: in a
    digest about China and Russia, "China" is no reason to read another article. ``shared``
    lists the reasons, most distinctive first. Ties go to the article nearest in time, then
    to the smaller key, so the result never depends on input order or hash seeds.
    """
    n = len(records)
    # 1. posting lists, newest first, and each article's place in each of its lists
    order = sorted(range(n), key=lambda i: (-records[i].when, records[i].key))
    postings: dict[str, list[int]] = defaultdict(list)
    place: dict[tuple[int, str], int] = {}
    for i in order:
        for term in dict.fromkeys(records[i].terms):  # a term listed twice counts once
            place[(i, term)] = len(postings[term])
            postings[term].append(i)
    weight = {term: math.log1p(n / len(ids)) for term, ids in postings.items()
              if not is_common(len(ids), n)}
    # 2. per article, accumulate scores over the nearby part of each of its posting lists
    result: dict[str, tuple[Related, ...]] = {}
    for i, record in enumerate(records):
        terms = [t for t in dict.fromkeys(record.terms) if t in weight]
        scores: dict[int, float] = {}
        get = scores.get  # the hot loop: about 2 x window x terms updates per article
        for term in terms:
            ids, w, at = postings[term], weight[term], place[(i, term)]
            for j in ids[max(0, at - window) : at + window + 1]:
                scores[j] = get(j, 0.0) + w
        scores.pop(i, None)
        # 3. the best few: a cheap cut on the score alone, then the full (tie-breaking) order
        #    on the few candidates left; rounding keeps float noise from deciding ties
        if not scores or not limit:
            result[record.key] = ()
            continue
        cut = heapq.nlargest(limit, scores.values())[-1] - 1e-9
        best = sorted(
            [j for j, score in scores.items() if score >= cut],
            key=lambda j: (
                -round(scores[j], 9), abs(records[j].when - record.when), records[j].key
            ),
        )[:limit]
        result[record.key] = tuple(
            Related(records[j].key, round(scores[j], 9),
                    _shared(terms, records[j].terms, weight))
            for j in best
        )
    return result


def is_common(carriers: int, total: int) -> bool:
    """A term carried by more than half of the articles (and by more than two) is common."""
    return carriers > 2 and carriers * 2 > total


def _shared(terms: Sequence[str], other: Sequence[str],
            weight: Mapping[str, float]) -> tuple[str, ...]:
    """The terms of ``terms`` that ``other`` carries too: rarest first, then in the order of
    ``terms``."""
    carried = set(other)
    both = [t for t in terms if t in carried]
    return tuple(sorted(both, key=lambda t: -round(weight[t], 9)))


def co_occurrence(term_sets: Iterable[Iterable[str]]) -> Counter[tuple[str, str]]:
    """How many items carry both terms of each pair (pairs in sorted order)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for terms in term_sets:
        pairs.update(combinations(sorted(set(terms)), 2))
    return pairs


def neighbours(pairs: Mapping[tuple[str, str], int]) -> dict[str, list[tuple[str, int]]]:
    """For each term, the terms it co-occurs with, most often first, then by name.

    One pass over the pairs for all terms: asking term by term would scan every pair once per
    term, which at thousands of entities is the quadratic loop the inverted index avoids.
    """
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), count in pairs.items():
        found[a].append((b, count))
        found[b].append((a, count))
    return {term: sorted(items, key=lambda item: (-item[1], item[0]))
            for term, items in found.items()}


@dataclass(frozen=True)
class Node:
    key: str
    x: float
    y: float
    r: float  # radius: the area grows with the topic's articles
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: labels sit outside the circle, away from the centre


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    count: int
    width: float
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]  # the strongest links only, strongest first
    min_shared: int  # an edge joins topics sharing at least this many articles
    hidden: int  # weaker links, not drawn


#: the graph draws at most this many edges per node: beyond that it is a hairball
EDGES_PER_NODE = 2
#: ... and never an edge for a single shared article, unless the digest is that small
MIN_SHARED = 2


def edge_threshold(counts: Iterable[int], nodes: int) -> int:
    """The smallest number of shared articles an edge needs: at least MIN_SHARED (or the
    largest count, in a digest where no two topics share that many), raised until at most
    EDGES_PER_NODE x nodes edges remain."""
    ranked = sorted((c for c in counts if c > 0), reverse=True)
    if not ranked:
        return MIN_SHARED
    floor = min(MIN_SHARED, ranked[0])
    budget = max(1, EDGES_PER_NODE * nodes)
    if len(ranked) <= budget:
        return floor
    # the count of the last edge that fits, plus one if the next edge ties with it
    cut = ranked[budget - 1] + (1 if ranked[budget] == ranked[budget - 1] else 0)
    return max(floor, min(cut, ranked[0]))


def circle_graph(
    keys: Sequence[str],
    pairs: Mapping[tuple[str, str], int],
    sizes: Mapping[str, int] | None = None,
    width: int = 1200,
    height: int = 640,
    radius: float = 230.0,
) -> Graph:
    """Nodes evenly on a circle in the given order (the first at the top, clockwise), sized
    by ``sizes`` (articles per topic); edges only between topics sharing enough articles
    (``edge_threshold``).

    A circle is deterministic and needs no iteration, unlike force layouts, and every edge is a
    chord, so no edge passes through a node.
    """
    cx, cy = width / 2, height / 2
    sizes = sizes or {}
    largest = max((sizes.get(k, 0) for k in keys), default=0) or 1
    nodes: list[Node] = []
    position: dict[str, tuple[float, float]] = {}
    count = max(len(keys), 1)
    for index, key in enumerate(keys):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        r = 6 + 18 * math.sqrt(sizes.get(key, 0) / largest)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        gap = r + 10
        lx, ly = cx + (radius + gap) * math.cos(angle), cy + (radius + gap) * math.sin(angle)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        # a label above or below the circle clears it by its own height
        shift = 6 + (14 if sin > 0.8 else 0) - (4 if sin < -0.8 else 0)
        nodes.append(Node(key, _r(x), _r(y), _r(r), _r(lx), _r(ly + shift), anchor))
        position[key] = (x, y)
    present = {pair: n for pair, n in pairs.items()
               if pair[0] in position and pair[1] in position and n > 0}
    least = edge_threshold(present.values(), len(keys))
    kept = sorted(((a, b, n) for (a, b), n in present.items() if n >= least),
                  key=lambda e: (-e[2], e[0], e[1]))
    heaviest = max((n for _, _, n in kept), default=1)
    edges = [
        Edge(a, b, n, _r(1.5 + 6.5 * n / heaviest), *map(_r, (*position[a], *position[b])))
        for a, b, n in kept
    ]
    return Graph(width, height, tuple(nodes), tuple(edges), least, len(present) - len(kept))


def _r(value: float) -> float:
    # one decimal: stable text in the SVG whatever the float noise
    return round(value, 1)


# --- the sentences that mention an entity -------------------------------------------------

#: a numbered paragraph or subheading of the reader's HTML (plugins/markdown_it_reader): its
#: anchor and its text, which holds no markup (raw HTML is off, every capture character is
#: escaped)
_BLOCK = re.compile(r'<(?:p|h2) id="(b\d+)">([^<]*)</(?:p|h2)>')


@dataclass(frozen=True)
class Passage:
    """A sentence of an article that mentions an entity, with the paragraph's anchor; the
    text as pieces, each marked whether it is the mention."""

    anchor: str
    pieces: tuple[tuple[str, bool], ...]


def blocks_of(html_text: str) -> list[tuple[str, str]]:
    """(anchor, plain text) of each numbered block of an article's HTML."""
    return [(m.group(1), html.unescape(m.group(2))) for m in _BLOCK.finditer(html_text)]


def passages_at(blocks: Mapping[str, str], quotes: Sequence[str],
                limit: int) -> tuple[Passage, ...]:
    """The passages ``quotes`` point at (``digest.topics.entity_quotes``: "block start end
    m1 n1 ..."), cut from the article's blocks ({anchor: text}); a quote that does not fit the
    text (an article older than its header, say) is left out rather than shown wrong."""
    found: list[Passage] = []
    for quote in quotes[:limit]:
        try:
            block, a, b, *marks = map(int, str(quote).split())
        except ValueError:
            continue
        anchor = f"b{block}"
        text = blocks.get(anchor, "")
        spans = list(zip(marks[::2], marks[1::2], strict=False))
        if not (0 <= a < b <= len(text)) or not all(a <= s < e <= b for s, e in spans):
            continue
        found.append(Passage(anchor, _pieces(text, a, b, spans)))
    return tuple(found)


def _pieces(text: str, a: int, b: int, spans: Sequence[tuple[int, int]]) -> tuple[
        tuple[str, bool], ...]:
    pieces: list[tuple[str, bool]] = []
    at = a
    for start, end in spans:
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < b:
        pieces.append((text[at:b], False))
    return tuple(pieces)
