"""The web of stories as plain data: related articles, co-occurrence, a circular graph layout.

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
import math
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
    carried by all. Ties go to the article nearest in time, then to the smaller key, so the
    result never depends on input order or hash seeds.
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
    weight = {term: math.log1p(n / len(ids)) for term, ids in postings.items()}
    # 2. per article, accumulate scores over the nearby part of each of its posting lists
    result: dict[str, tuple[Related, ...]] = {}
    for i, record in enumerate(records):
        terms = dict.fromkeys(record.terms)
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
            Related(records[j].key, round(scores[j], 9), _shared(terms, records[j].terms))
            for j in best
        )
    return result


def _shared(terms: Iterable[str], other: Sequence[str]) -> tuple[str, ...]:
    """The terms of ``terms`` (in their order) that ``other`` carries too."""
    carried = set(other)
    return tuple(t for t in terms if t in carried)


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
    edges: tuple[Edge, ...]


def circle_graph(
    keys: Sequence[str],
    pairs: Mapping[tuple[str, str], int],
    width: int = 1200,
    height: int = 600,
    radius: float = 230.0,
) -> Graph:
    """Nodes evenly on a circle in the given order (the first at the top, clockwise).

    A circle is deterministic and needs no iteration, unlike force layouts, and every edge is a
    chord, so no edge passes through a node.
    """
    cx, cy = width / 2, height / 2
    nodes: list[Node] = []
    position: dict[str, tuple[float, float]] = {}
    count = max(len(keys), 1)
    for index, key in enumerate(keys):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        lx, ly = cx + (radius + 24) * math.cos(angle), cy + (radius + 24) * math.sin(angle)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        nodes.append(Node(key, _r(x), _r(y), _r(lx), _r(ly + 6), anchor))
        position[key] = (x, y)
    heaviest = max(pairs.values(), default=1)
    edges = [
        Edge(a, b, n, _r(1 + 7 * n / heaviest), *map(_r, (*position[a], *position[b])))
        for (a, b), n in sorted(pairs.items())
        if a in position and b in position and n > 0
    ]
    return Graph(width, height, tuple(nodes), tuple(edges))


def _r(value: float) -> float:
    # one decimal: stable text in the SVG whatever the float noise
    return round(value, 1)
