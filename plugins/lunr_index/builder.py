"""Build Digest's search index from plain records. No Pelican import: the adapter in
``plugin.py`` turns articles into :class:`SearchRecord` and writes what :func:`build` returns.

The index holds what a lunr index holds: lunr's term statistics, computed with lunr.js's text
processing (``compat.py``; a test checks them against lunr.py's Builder), re-encoded so that the
browser downloads only what a query needs. The plain lunr.py index of the same records is built
only on request (``BuiltIndex.index``: tests and the plain-lunr baseline). Format 3:

``index.json`` (the *core*, fetched on first focus of the search box; small)
    ``fields`` with boosts, ``documentCount``, per-field ``fieldLengths`` (VLQ, one number per
    document), ``shards`` (``[firstTerm, file]`` per postings shard, in vocabulary order),
    ``words`` (term length -> file of the terms of that length, for typo tolerance),
    ``forms`` (word length -> file of the words the stemmer changes, for typo tolerance),
    ``docs`` (``{"size": documents per chunk, "files": [...]}``), ``texts`` (``{"size",
    "count", "hash", "bytes", "prefetch"}``: the passage store), ``facets``: ``outlets``,
    ``topicNames`` and per-document columns ``outlet`` (VLQ, outlet number + 1, 0 = none),
    ``year`` (VLQ, year - ``minYear`` + 1, 0 = undated) and ``topics`` (VLQ: count, numbers,
    in the article's own order); ``bytes`` (all the other files together but the passage
    store) and ``prefetch`` (fetch them all in the background after the first result:
    ``bytes`` is at most ``prefetch_max_bytes``). The passage store is fetched in the
    background too when ``texts.prefetch``: the index and it together are at most
    ``prefetch_text_max_bytes``.
``p<n>.<hash>.json`` (postings *shards*, fetched when a query needs one of their terms)
    ``{"terms": ..., "postings": [...]}``: the shard's slice of the sorted vocabulary,
    front-coded (per term one base64 digit = characters shared with the previous term, capped
    at 63, then the rest; terms separated by newlines, which no term contains), and per term one
    VLQ string: ``termIndex, fieldMask`` then, per field in the mask, ``count`` and ``count``
    entries ``(docGap << 1 | tf > 1)`` followed by ``tf - 2`` when the flag is set.
``w<len>.<hash>.json`` (the vocabulary by term length, fetched for typo tolerance only)
    A JSON string: the sorted terms of that length (JavaScript string length; the last file
    holds every longer term too), newline-separated. A term within edit distance 1 of a word is
    at most one character longer or shorter, so a typo retry reads three of these files.
``f<len>.<hash>.json`` (the words the stemmer changes, by length, for typo tolerance only)
    ``{"forms": ..., "df": ...}``: every indexed word whose stem differs from it ("beijing",
    indexed as "beij"), trimmed and lower-cased like an index term, sorted, newline-separated;
    and per word (VLQ) the number of documents holding it. A typo retry whose word is within
    one edit of no term ("beijng") is corrected to the most widespread of these within one
    edit.
``d<n>.<hash>.json`` (the *document store*, in chunks of ``size`` documents)
    Columns ``title url date summary``: fetched for the results on screen only.
``t<n>.<hash>.json`` (the *passage store*, in chunks of ``texts.size`` documents; ``texts.count``
    files, one ``texts.hash`` of the whole store in every name, so the core lists none)
    Columns ``title url date summary`` (as in the document store) and ``anchors`` and
    ``texts``: per document its passages (a body paragraph or
    heading with what follows it up to the next one, lines separated by newlines) and the
    anchor id of each on the article page ("" for text before the first anchor). Fetched for
    the results on screen: the worker shows the passage that matches best and links its
    anchor.

No scores are shipped: the worker recomputes lunr.js's BM25 field vectors for the terms it loads
(``idf``, ``tf``, field length, average field length, boosts, rounding to 3 places) and scores
queries as lunr.Index#query does, so its results are those of a plain lunr.js index over the
same fields; ``tests/test_lunr_parity.py`` checks it. Document refs are positions in the
document store ("0", "1", ...): newest first.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lunr.builder import Builder
from lunr.index import Index
from lunr.token_set import TokenSet

from .compat import cjk_words, js_compatible_builder, js_separators, term_counts_and_forms

FORMAT_VERSION = 3
LUNR_JS_VERSION = "2.3.9"

#: (field, boost) in index order. Title matches weigh most: a reader searching a name that is in
#: a headline wants that article first.
DEFAULT_FIELDS: tuple[tuple[str, int], ...] = (
    ("title", 10),
    ("dek", 2),
    ("summary", 2),
    ("topics", 3),
    ("entities", 3),
    ("outlet", 1),
    ("body", 1),
)
#: Raw characters of postings per shard. ~48 KB raw is ~15-20 KB gzipped: one round trip,
#: and a query touching a word pays for about 1/shards of the index instead of all of it.
DEFAULT_SHARD_CHARS = 48_000
#: Documents per document-store chunk: a result list of 8-20 needs a few small files.
DEFAULT_DOC_CHUNK = 32
#: Documents per passage-store chunk: a whole article's text is ~2-3 KB gzipped, so a first
#: result costs ~5 KB of passages, and 8 results scattered over the archive ~40 KB.
DEFAULT_TEXT_CHUNK = 2
#: Terms of this JavaScript length or longer share the last vocabulary-by-length file.
WORD_LENGTH_CAP = 32
#: After the first result the browser fetches the rest of the index in the background when all
#: its files together are at most this many bytes (uncompressed), so later queries need no
#: round trip; a bigger index is fetched on demand only. 0 turns prefetching off.
DEFAULT_PREFETCH_MAX_BYTES = 4_000_000
#: The passages too (after the index) when index and passages together are at most this many
#: bytes (~1,300 articles of 800 words, ~5 MB gzipped): then a new result list needs no round
#: trip for its snippets. Larger archives fetch the passages of the results on screen only.
DEFAULT_PREFETCH_TEXT_MAX_BYTES = 12_000_000
SUMMARY_MAX_CHARS = 320

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


class SearchIndexError(ValueError):
    """A record or option the index cannot be built from."""


@dataclass(frozen=True)
class SearchRecord:
    """One article as the search index sees it: plain text, no HTML."""

    id: str  # stable identifier (the article slug)
    url: str  # relative URL of the article page
    title: str
    dek: str = ""
    summary: str = ""
    topics: tuple[str, ...] = ()  # topic slugs
    entities: tuple[str, ...] = ()  # entity slugs or names
    outlet: str = ""
    date: dt.date | None = None
    body: str = ""
    #: (anchor id on the article page or "", text) per paragraph, in order; the search result
    #: shows the best-matching one and links its anchor. Empty: one per line of ``body``,
    #: without anchors.
    passages: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class IndexOptions:
    fields: tuple[tuple[str, int], ...] = DEFAULT_FIELDS
    shard_chars: int = DEFAULT_SHARD_CHARS
    doc_chunk: int = DEFAULT_DOC_CHUNK
    text_chunk: int = DEFAULT_TEXT_CHUNK
    prefetch_max_bytes: int = DEFAULT_PREFETCH_MAX_BYTES
    prefetch_text_max_bytes: int = DEFAULT_PREFETCH_TEXT_MAX_BYTES
    #: topic slug -> display name; a slug without one is shown as "Slug words"
    topic_labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BuiltIndex:
    """Everything the site needs, JSON-ready; ``index`` is the plain lunr.py index of the same
    records, built on first use only (the site does not need it; tests and the baseline do)."""

    core: dict[str, Any]
    docs: dict[str, Any]  # the whole document and passage store, columns (tests, baseline)
    shards: tuple[tuple[str, dict[str, Any]], ...]  # (file name, {"terms", "postings"})
    vocab: tuple[str, ...] = ()  # sorted in JavaScript string order
    extra: tuple[tuple[str, Any], ...] = ()  # (file name, JSON value): words and doc chunks
    records: tuple[SearchRecord, ...] = field(default=(), repr=False)  # in ref order
    forms: tuple[tuple[str, dict[str, str]], ...] = ()  # (JS length, f-file value)
    fields: tuple[tuple[str, int], ...] = DEFAULT_FIELDS

    @cached_property
    def index(self) -> Index:
        """The lunr.py index over the same records and fields (tests, plain-lunr baseline)."""
        builder = lunr_builder(self.records, self.fields)
        if self.records:
            return builder.build()
        # lunr.py divides by the document count; an empty site still gets a valid index
        names = [name for name, _boost in self.fields]
        return Index({}, {}, TokenSet.from_list([]), names, builder.search_pipeline)

    def files(self) -> dict[str, str]:
        """Relative file name -> JSON text, core first under the name ``index.json``."""
        out = {"index.json": dumps(self.core)}
        for name, shard in self.shards:
            out[name] = dumps(shard)
        for name, value in self.extra:
            out[name] = dumps(value)
        return out


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _vlq_one(number: int) -> str:
    if number < 0:
        raise SearchIndexError(f"VLQ takes numbers >= 0, got {number}")
    out: list[str] = []
    while True:
        digit = number & 31
        number >>= 5
        if not number:
            out.append(_B64[digit])
            return "".join(out)
        out.append(_B64[digit | 32])


#: The VLQ of every number below 1024 (one or two digits): postings are mostly such numbers,
#: and a table lookup beats the bit loop several times over.
_VLQ_SMALL = tuple(_vlq_one(n) for n in range(1024))


def vlq(numbers: Iterable[int]) -> str:
    """Base64 VLQ (5 bits per character, low bits first, bit 5 = more follows)."""
    small = _VLQ_SMALL
    return "".join([small[n] if 0 <= n < 1024 else _vlq_one(n) for n in numbers])


def unvlq(text: str) -> list[int]:
    """Inverse of :func:`vlq` (the worker has the same in JavaScript)."""
    numbers: list[int] = []
    value = shift = 0
    for char in text:
        digit = _B64.index(char)
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            numbers.append(value)
            value = shift = 0
    return numbers


def js_length(term: str) -> int:
    """String.prototype.length: UTF-16 code units."""
    return len(term.encode("utf-16-le")) // 2


def front_code(terms: Sequence[str]) -> str:
    """Sorted terms, each as (shared-prefix digit, rest); see the module docstring.

    The digit counts UTF-16 code units (JavaScript slices strings by them) and never splits a
    surrogate pair, so the rest is always valid text.
    """
    out: list[str] = []
    previous = ""
    for term in terms:
        shared = units = 0
        for a, b in zip(previous, term, strict=False):
            width = 2 if ord(a) > 0xFFFF else 1
            if a != b or units + width > 63:
                break
            shared += 1
            units += width
        out.append(_B64[units] + term[shared:])
        previous = term
    return "\n".join(out)


def front_decode(text: str) -> list[str]:
    """Inverse of :func:`front_code` (the worker has the same in JavaScript)."""
    if not text:
        return []
    terms: list[str] = []
    previous_utf16 = b""
    for line in text.split("\n"):
        shared = _B64.index(line[0])
        current = previous_utf16[: shared * 2] + line[1:].encode("utf-16-le")
        terms.append(current.decode("utf-16-le", errors="surrogatepass"))
        previous_utf16 = current
    return terms


def js_sort_key(term: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units; sort the vocabulary the same way."""
    return term.encode("utf-16-be")


def _label(slug: str, labels: Mapping[str, str]) -> str:
    return labels.get(slug) or slug.replace("-", " ").capitalize()


def _summary(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SUMMARY_MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, SUMMARY_MAX_CHARS)
    return text[: cut if cut > 0 else SUMMARY_MAX_CHARS].rstrip(" ,;:") + "…"


def _field_text(record: SearchRecord, name: str) -> str:
    """A field's text as it is indexed (Chinese and Japanese as pairs of characters:
    compat.cjk_words)."""
    value = getattr(record, name, None)
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        # Never hand lunr.py a list: with metadata_whitelist=['position'] it crashes on list
        # tokens. Joined, "middle-east" splits like any text ("middle", "east") on both sides.
        return cjk_words(" ".join(str(v) for v in value))
    return cjk_words(str(value))


def check_records(records: Sequence[SearchRecord]) -> None:
    """Collect every problem with the records, then raise once."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for n, record in enumerate(records):
        where = f"record {n} ({record.id!r})"
        if not record.id:
            problems.append(f"{where}: empty id. Fix: give every article a slug")
        elif record.id in seen:
            problems.append(
                f"{where}: id also used by record {seen[record.id]}. Fix: make slugs unique"
            )
        else:
            seen[record.id] = n
        if not record.url:
            problems.append(f"{where}: empty url. Fix: set the article URL")
        if not record.title.strip():
            problems.append(f"{where}: empty title. Fix: give the article a title")
    if problems:
        raise SearchIndexError("\n".join(problems))


def order_records(records: Iterable[SearchRecord]) -> list[SearchRecord]:
    """Newest first; undated last; ties by id. The position is the lunr ref."""
    return sorted(
        records,
        key=lambda r: (r.date is None, -(r.date.toordinal()) if r.date else 0, r.id),
    )


def lunr_builder(
    records: Sequence[SearchRecord],
    fields: Sequence[tuple[str, int]],
    metadata_whitelist: Sequence[str] = (),
) -> Builder:
    """A lunr.py Builder fed with the records (refs "0".."n-1"), lunr.js text processing.

    Call ``.build()`` for the plain lunr index (``BuiltIndex.index``, the tests and the
    plain-lunr baseline); the compact encoding does not need it (see :func:`term_stats`).
    """
    builder = js_compatible_builder()
    builder.metadata_whitelist = list(metadata_whitelist)
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for n, record in enumerate(records):
        doc = {"ref": str(n)}
        for name, _boost in fields:
            doc[name] = js_separators(_field_text(record, name))
        builder.add(doc)
    return builder


@dataclass
class TermStats:
    """What lunr's ``Builder.add`` records, kept compact: per term its ``_index`` (order of first
    appearance) and, per field, the documents holding it with the term's frequency there.

    Computed without lunr.py's per-token objects and per-posting dicts: ~10x faster, and a few
    hundred MB lighter at 10,000 articles. A test compares it with lunr.py's Builder.
    """

    #: term -> (term index, {field: ([doc refs, ascending], [term frequency per ref])})
    postings: dict[str, tuple[int, dict[str, tuple[list[int], list[int]]]]] = field(
        default_factory=dict)
    #: field -> terms per document, in document order
    field_lengths: dict[str, list[int]] = field(default_factory=dict)
    #: word the stemmer changes -> documents holding it (any field)
    forms: dict[str, int] = field(default_factory=dict)


#: One field text analysed: (terms in the field, its distinct terms in order of first
#: appearance joined by newlines, which no term contains, their frequencies in that order,
#: the words the stemmer changed joined by newlines).
Analysis = tuple[int, str, tuple[int, ...], str]


def analyse_field(text: str) -> Analysis:
    """lunr.js text processing of one field's text, reduced to what term_stats needs.

    No js_separators here: term_counts_and_forms splits on JavaScript's whitespace itself.
    """
    length, counts, forms = term_counts_and_forms(text)
    return length, "\n".join(counts), tuple(counts.values()), "\n".join(forms)


class AnalysisMemo:
    """Field analyses of an earlier build, reused by the hash of the field's text.

    Analysing every article's text is most of the index's cost, and an incremental build
    changes a handful of articles: the caller loads ``known`` from disk, and saves ``used``
    (the entries of this build only, so the file never grows) when ``changed``. The hash
    covers the text only, so the caller must drop the memo when the analysis code changes.
    """

    def __init__(self, known: Mapping[str, Analysis] | None = None) -> None:
        self.known: Mapping[str, Analysis] = known or {}
        self.used: dict[str, Analysis] = {}

    def analyse(self, text: str) -> Analysis:
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        hit = self.used.get(key) or self.known.get(key)
        if hit is None:
            hit = analyse_field(text)
        self.used[key] = hit
        return hit

    @property
    def changed(self) -> bool:
        return self.used.keys() != self.known.keys()


def term_stats(records: Sequence[SearchRecord], fields: Sequence[tuple[str, int]],
               memo: AnalysisMemo | None = None) -> TermStats:
    """``Builder.add`` for every record (ref = position), field by field, in lunr's order."""
    names = [name for name, _boost in fields]
    analyse = memo.analyse if memo is not None else analyse_field
    # One postings dict per field, so that a posting costs a lookup and two appends; the
    # per-term view of TermStats is assembled once per term at the end.
    by_field: dict[str, dict[str, tuple[list[int], list[int]]]] = {name: {} for name in names}
    lengths: dict[str, list[int]] = {name: [] for name in names}
    index: dict[str, int] = {}  # term -> order of first appearance (lunr's term index)
    forms: dict[str, int] = {}
    for n, record in enumerate(records):
        seen: set[str] = set()
        for name in names:
            length, terms, tfs, changed = analyse(_field_text(record, name))
            lengths[name].append(length)
            if length:
                _add_postings(by_field[name], index, n, terms.split("\n"), tfs)
            if changed:
                seen.update(changed.split("\n"))
        for form in seen:
            forms[form] = forms.get(form, 0) + 1
    postings = {
        term: (number, {name: by_field[name][term] for name in names if term in by_field[name]})
        for term, number in index.items()
    }
    return TermStats(postings=postings, field_lengths=lengths, forms=forms)


def _add_postings(field: dict[str, tuple[list[int], list[int]]], index: dict[str, int],
                  ref: int, terms: Sequence[str], tfs: Sequence[int]) -> None:
    """Document ``ref``'s distinct terms (in order of first appearance) into one field's
    postings; a term new to the field may be new to the index too."""
    for term, tf in zip(terms, tfs, strict=True):
        entry = field.get(term)
        if entry is None:
            field[term] = ([ref], [tf])
            if term not in index:
                index[term] = len(index)
        else:
            entry[0].append(ref)
            entry[1].append(tf)


def _encode_postings(stats: TermStats, fields: Sequence[str]) -> dict[str, str]:
    """term -> VLQ postings string (format in the module docstring)."""
    encoded: dict[str, str] = {}
    bits = [(1 << bit, name) for bit, name in enumerate(fields)]
    for term, (index, by_field) in stats.postings.items():
        numbers = [index, 0]
        mask = 0
        for bit, name in bits:
            postings = by_field.get(name)
            if postings is None:
                continue
            refs, tfs = postings
            mask |= bit
            numbers.append(len(refs))
            previous = 0
            for ref, tf in zip(refs, tfs, strict=True):
                if tf > 1:
                    numbers += ((ref - previous) << 1 | 1, tf - 2)
                else:
                    numbers.append((ref - previous) << 1)
                previous = ref
        numbers[1] = mask
        encoded[term] = vlq(numbers)
    return encoded


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while term statistics are built.

    They are a few hundred thousand small lists and tuples (two lists per posting), none in a
    cycle, and allocating them sets off collections that walk the whole heap (in Pelican: every
    article, template and setting) again and again: ~20% of term_stats' time, for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def build(records: Iterable[SearchRecord], options: IndexOptions | None = None,
          memo: AnalysisMemo | None = None) -> BuiltIndex:
    """Build the compact index and document store.

    1. check and order the records (position = lunr ref)
    2. lunr's term statistics, with lunr.js text processing
    3. encode field lengths and per-term postings; split the sorted vocabulary into shards;
       group the vocabulary by term length
    4. the words the stemmer changes, by length
    5. facet columns (core), the document store and passage store chunks
    """
    options = options or IndexOptions()
    if options.shard_chars < 1000:
        raise SearchIndexError(
            f"shard_chars={options.shard_chars} is too small. Fix: use 1000 or more"
        )
    # 1.
    ordered = order_records(records)
    check_records(ordered)
    field_names = [name for name, _boost in options.fields]

    # 2.
    with _collector_paused():
        builder = term_stats(ordered, options.fields, memo)

    # 3.
    lengths = {
        name: vlq(builder.field_lengths[name])
        for name in field_names
    }
    encoded = _encode_postings(builder, field_names)
    vocab = sorted(encoded, key=js_sort_key)
    slices: list[list[str]] = []
    current: list[str] = []
    size = 0
    for term in vocab:
        if current and size + len(encoded[term]) > options.shard_chars:
            slices.append(current)
            current, size = [], 0
        current.append(term)
        size += len(encoded[term]) + len(term)
    if current or not slices:
        slices.append(current)
    named: list[tuple[str, dict[str, Any]]] = []
    for number, terms in enumerate(slices):
        shard = {"terms": front_code(terms), "postings": [encoded[t] for t in terms]}
        named.append((f"p{number}.{_short_hash(dumps(shard))}.json", shard))
    by_length: dict[int, list[str]] = {}
    for term in vocab:
        by_length.setdefault(min(js_length(term), WORD_LENGTH_CAP), []).append(term)
    extra: list[tuple[str, Any]] = []
    words: dict[str, str] = {}
    for length, terms in sorted(by_length.items()):
        text = "\n".join(terms)
        name = f"w{length}.{_short_hash(dumps(text))}.json"
        words[str(length)] = name
        extra.append((name, text))

    # 4.
    forms_by_length: dict[int, list[str]] = {}
    for form in sorted(builder.forms, key=js_sort_key):
        forms_by_length.setdefault(min(js_length(form), WORD_LENGTH_CAP), []).append(form)
    forms: dict[str, str] = {}
    form_files: list[tuple[str, dict[str, str]]] = []
    for length, names in sorted(forms_by_length.items()):
        value = {"forms": "\n".join(names), "df": vlq(builder.forms[f] for f in names)}
        name = f"f{length}.{_short_hash(dumps(value))}.json"
        forms[str(length)] = name
        extra.append((name, value))
        form_files.append((str(length), value))

    # 5.
    outlets = sorted({r.outlet for r in ordered if r.outlet})
    outlet_number = {name: n for n, name in enumerate(outlets)}
    topic_slugs = sorted({slug for r in ordered for slug in r.topics})
    topic_number = {slug: n for n, slug in enumerate(topic_slugs)}
    years = [r.date.year for r in ordered if r.date]
    min_year = min(years) if years else 0
    topics_column: list[int] = []
    for r in ordered:
        # the article's order (a result shows its first few): duplicates dropped
        numbers = list(dict.fromkeys(topic_number[t] for t in r.topics))
        topics_column += [len(numbers), *numbers]
    facets = {
        "outlets": outlets,
        "topicNames": [[slug, _label(slug, options.topic_labels)] for slug in topic_slugs],
        "minYear": min_year,
        "outlet": vlq(outlet_number[r.outlet] + 1 if r.outlet else 0 for r in ordered),
        "year": vlq(r.date.year - min_year + 1 if r.date else 0 for r in ordered),
        "topics": vlq(topics_column),
    }
    docs = {
        "title": [r.title for r in ordered],
        "url": [r.url for r in ordered],
        "date": [r.date.isoformat() if r.date else "" for r in ordered],
        "summary": [_summary(r.summary or r.dek) for r in ordered],
    }
    chunk = max(1, options.doc_chunk)
    doc_files: list[str] = []
    for begin in range(0, len(ordered), chunk):
        part = {column: values[begin : begin + chunk] for column, values in docs.items()}
        name = f"d{begin // chunk}.{_short_hash(dumps(part))}.json"
        doc_files.append(name)
        extra.append((name, part))
    passages = [record_passages(r) for r in ordered]
    texts = {
        "anchors": [[anchor for anchor, _text in p] for p in passages],
        "texts": [[text for _anchor, text in p] for p in passages],
    }
    # a result on screen needs its passage chunk only, not its document chunk too: on demand,
    # one request per result instead of two (browsers open 6 connections per host)
    shown = {**docs, **texts}
    text_chunk = max(1, options.text_chunk)
    parts = [
        {column: values[begin : begin + text_chunk] for column, values in shown.items()}
        for begin in range(0, len(ordered), text_chunk)
    ]
    # one hash for the whole store: the core names thousands of chunks without a list
    store_hash = _short_hash("".join(_short_hash(dumps(part)) for part in parts))
    text_files = [(f"t{n}.{store_hash}.json", part) for n, part in enumerate(parts)]
    core = {
        "version": FORMAT_VERSION,
        "lunr": LUNR_JS_VERSION,
        "fields": [{"name": name, "boost": boost} for name, boost in options.fields],
        "documentCount": len(ordered),
        "fieldLengths": lengths,
        "shards": [
            [terms[0] if terms else "", name]
            for terms, (name, _s) in zip(slices, named, strict=True)
        ],
        "words": words,
        "forms": forms,
        "docs": {"size": chunk, "files": doc_files},
        "facets": facets,
    }
    rest = sum(len(dumps(v).encode("utf-8")) for _n, v in [*named, *extra])
    text_bytes = sum(len(dumps(v).encode("utf-8")) for _n, v in text_files)
    core["bytes"] = rest
    core["prefetch"] = 0 < rest <= options.prefetch_max_bytes
    core["texts"] = {
        "size": text_chunk,
        "count": len(text_files),
        "hash": store_hash,
        "bytes": text_bytes,
        "prefetch": core["prefetch"] and rest + text_bytes <= options.prefetch_text_max_bytes,
    }
    return BuiltIndex(
        core=core,
        docs={**docs, **facets, **texts},
        shards=tuple(named),
        vocab=tuple(vocab),
        extra=(*extra, *text_files),
        records=tuple(ordered),
        fields=tuple(options.fields),
        forms=tuple(form_files),
    )


def record_passages(record: SearchRecord) -> tuple[tuple[str, str], ...]:
    """The record's passages; without any, each line of the body is one, without an anchor."""
    if record.passages:
        return record.passages
    return tuple(("", line) for line in record.body.split("\n") if line.strip())


def plain_lunr_json(index: Index) -> dict[str, Any]:
    """The plain lunr serialisation (what lunr.Index.load takes): the baseline we measure."""
    return index.serialize()
