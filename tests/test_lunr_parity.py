"""lunr.py (with our shim) and lunr.js 2.3.9 must agree, and the compact index must answer
exactly like a plain lunr.js index over the same fields.

One node run (tests/node/parity.js) answers a fixed query set four ways: lunr.js Builder over
the same documents, lunr.Index.load of lunr.py's serialised index, the browser worker's Engine
over the compact index, and (in Python) lunr.py's own Index.search. All must be identical.
The same run stems some 26,000 Russian word forms (tests/russian_words.py) with the worker's
stemmer (lunr-languages' Snowball port) for comparison with compat.stem (snowballstemmer).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from lunr_index.builder import (  # noqa: E402
    DEFAULT_FIELDS,
    IndexOptions,
    SearchRecord,
    _field_text,
    build,
    order_records,
)
from lunr_index.compat import stem, tokenize, trim  # noqa: E402
from snowballstemmer.russian_stemmer import RussianStemmer  # noqa: E402

from .conftest import CONTENT  # noqa: E402
from .russian_words import FIXTURES, russian_words  # noqa: E402

NODE = shutil.which("node")
LUNR_JS = ROOT / "node_modules" / "lunr" / "lunr.js"
# make test installs node_modules first: a missing node or lunr.js is a broken setup, not a
# reason to skip the proof of parity
assert NODE is not None, "node is needed for the lunr.js parity tests"

# Words where lunr.py 0.8.0's stemmer and lunr.js's disagree, and text lunr.js handles its way.
TRICKY = (
    "Today, Monday in Sydney: money. Try! He says they played; trying, tried, lay, happy, cry, "
    "by, say, yelling, yes, agreed, feed, hopping, relational, conditional, generalization. "
    "At 12:46am the U.S., U.K.-based café “quoted” — dashes – and ellipses… 3.5% rise, "
    "e-mail, co-operate, naïve résumé, Zürich, 東京, emoji 🙂 end, constructor toString "
    "hasOwnProperty __proto__ don't it's O'Brien’s"
    "\u2003em-space\u00a0nbsp\u202fnarrow\u2028line\ufeffbom"
    # a Russian sentence: lunr.js's own trimmer would index none of its words (round 24)
    " «Путин» провел переговоры в Москве, сообщили в Кремле."
    # and a Chinese one, indexed as pairs of characters (compat.cjk_words)
    " 国家主席习近平4日同俄罗斯总统普京通电话。"
)
BODY_ONLY = "Zelenskyyovich"  # appears in one body and nowhere else
# Russian in other forms than a reader types: found through the Russian stemmer only
INFLECTED = (
    "Министр встретился с Путиным в Кремле. По словам пресс-секретаря Путина, партнёрство "
    "России и Китая крепнет; ещё одна встреча запланирована в Пекине, сообщили "
    "дипломатические источники. Ёмкость рынка растёт."
)

LUNR_QUERIES = [
    "putin",
    "today",
    "monday",
    "sydney",
    "money",
    "try",
    "says",
    "played",
    "trying",
    "putin xi",
    "+putin +china",
    "china -russia",
    "beij*",
    "pipelin*",
    "*ine",
    "novak~1",
    "sanctons~1",
    "title:putin",
    "body:pipeline^5 gas",
    BODY_ONLY.lower(),
    "café",
    "zürich",
    "constructor",
    "u.s",
    "12:46am",
    "путин",
    "москве кремле",
    "普京",
    "путина",
    "путиным",
    "россия",
    "+россия +китаем",
    "title:путина",
    "путн~1",
    "росс*",
    "партнерство",
    "партнёрство",
    "еще",
    "дипломатический источник",
]
UI_QUERIES = [
    "putin",
    "Putin Xi",
    "beiji",
    "beijing ",
    "pres",
    "presid",
    "novak",
    "novka",
    "Sanctons",
    "12:46am",
    "-+~^:*",
    "today monday",
    "sydney ",
    "trying",
    "the",
    "",
    "constructor",
    "pipe",
    BODY_ONLY,
    "zelenskyyovic",
    "a*b c",
    # typos of words the stemmer changes: "beijing" is indexed as "beij", two edits from
    # "beijng"; the retry corrects them through the indexed words ("~ " runs the retry)
    "Beijng",
    "Beijng ",
    "Putin Beijng",
    "sanctons",
    "Moskow",
    "Путин",
    "«Москве»",
    "переговор",
    "普京",
    "习近平",
    "俄罗斯总统",
    "习",
    "Путин ",
    "Путина",
    "Путиным",
    "Россия",
    "Росси",
    "Россия ",
    "Владимир Путин",
    "Си Цзиньпином",
    "партнёрство",
    "Партнерство",
    "партнёрству",
    "Ёмкостью",
    "ёмк",
    "ЕЩЁ",
    "дипломатическими",
    # a typo in an ending the stemmer would strip: two edits from the stem "путин"; the retry
    # corrects it through the indexed word "путиным"
    "Путинвм",
]


def _records() -> list[SearchRecord]:
    records = []
    for n, path in enumerate(sorted((CONTENT / "captures").glob("*"))):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        records.append(
            SearchRecord(
                id=path.stem,
                url=f"articles/{path.stem}.html",
                title=lines[min(5, len(lines) - 1)] if lines else path.stem,
                summary=" ".join(lines[6:8]),
                topics=("russia-ukraine", "china") if n % 2 else ("energy",),
                entities=("vladimir-putin",) if n % 2 else (),
                outlet=f"Outlet {n % 3}",
                date=dt.date(2024, 1 + n, 1 + n),
                body=text,
            )
        )
    records.append(
        SearchRecord(
            id="tricky",
            url="articles/tricky.html",
            title="Edge cases: today, Monday",
            dek="Money in Sydney",
            body=TRICKY + f" A name only here: {BODY_ONLY}.",
            date=dt.date(2023, 5, 6),
        )
    )
    records.append(SearchRecord(id="empty", url="articles/empty.html", title="Empty"))
    for n, path in enumerate(sorted(FIXTURES.glob("ru-*.txt"))):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        records.append(SearchRecord(
            id=path.stem, url=f"articles/{path.stem}.html", title=lines[5], body="\n".join(lines),
            summary=lines[6], outlet=lines[0], date=dt.date(2024, 3, 1 + n)))
    records.append(SearchRecord(
        id="inflected", url="articles/inflected.html", title="Визит в Москву", body=INFLECTED,
        date=dt.date(2024, 4, 12)))
    return records


def _python_search(index: Any, query: str) -> Any:
    try:
        return [[r["ref"], r["score"]] for r in index.search(query)]
    except Exception as error:  # lunr raises its own QueryParseError family
        return {"error": str(error)}


@pytest.fixture(scope="module")
def parity(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    records = _records()
    # small shards: prefixes that span shards and shard boundaries get exercised
    built = build(records, IndexOptions(shard_chars=1000, doc_chunk=2))
    assert len(built.shards) > 10
    out = tmp_path_factory.mktemp("parity")
    for name, text in built.files().items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "plain.json").write_text(json.dumps(built.index.serialize()), encoding="utf-8")
    ordered = order_records(records)
    documents = {
        "fields": [{"name": name, "boost": boost} for name, boost in DEFAULT_FIELDS],
        # raw field text: lunr.js splits it with its own tokenizer (no js_separators here)
        "docs": [
            {"ref": str(n), **{name: _field_text(r, name) for name, _b in DEFAULT_FIELDS}}
            for n, r in enumerate(ordered)
        ],
    }
    (out / "documents.json").write_text(json.dumps(documents), encoding="utf-8")
    (out / "queries.json").write_text(
        json.dumps({"lunr": LUNR_QUERIES, "ui": UI_QUERIES}), encoding="utf-8"
    )
    words = sorted({trim(t) for r in records for t in tokenize(r.body + " " + r.title)} - {""})
    (out / "words.json").write_text(json.dumps(words), encoding="utf-8")
    (out / "russian-words.json").write_text(json.dumps(russian_words()), encoding="utf-8")
    run = subprocess.run(
        [str(NODE), str(ROOT / "tests" / "node" / "parity.js"), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    result["words"] = words
    result["python"] = {q: _python_search(built.index, q) for q in LUNR_QUERIES}
    result["python_vocab"] = sorted(built.index.inverted_index)
    result["shard_count"] = len(built.shards)
    return result


def test_stemmer_matches_lunr_js_on_every_word(parity: dict[str, Any]) -> None:
    ours = [stem(w) for w in parity["words"]]
    pairs = zip(parity["words"], ours, parity["stems"], strict=True)
    diffs = [(w, a, b) for w, a, b in pairs if a != b]
    assert not diffs, diffs[:20]
    assert len(parity["words"]) > 500  # the captures really were read


def test_russian_stems_are_identical_in_python_and_in_the_browser(
        parity: dict[str, Any]) -> None:
    """snowballstemmer in the index, lunr-languages' lunr.ru.stemmer in the worker: the same
    stem for every word of the list (both fold "ё" into "е" first: the older port does not)."""
    words = russian_words()
    ours = [stem(w) for w in words]
    diffs = [(w, a, b) for w, a, b in zip(words, ours, parity["russianStems"], strict=True)
             if a != b]
    assert not diffs, (len(diffs), diffs[:20])
    assert len(words) > 20_000
    changed = sum(w != s for w, s in zip(words, ours, strict=True))
    assert changed > 0.9 * len(words)  # the list is of inflected forms: most lose an ending
    assert stem("Путиным".lower()) == stem("путина") == stem("путин") == "путин"
    assert stem("россия") == stem("россии") == stem("россией")
    assert stem("партнёром") == stem("партнером") == "партнер"


#: Suffixes of the Snowball tables that no word can reach: an earlier table holds them too and
#: is tried first (an adjective's "ей" before a verb's or a noun's; a verb's "ю" before a noun's
#: "ию"), so the algorithm never gets to them.
SHADOWED = {
    "a_4": {"ей", "ем", "им", "ым", "ую"},  # verb, behind the adjective
    "a_5": {"ие", "ей", "ией", "ий", "ой", "ем", "ием", "ом", "ю", "ию", "ью"},  # noun
}


def test_the_russian_word_list_reaches_every_suffix_of_the_algorithm() -> None:
    """Every suffix of every table of the Russian algorithm (perfective gerunds, adjectives,
    participles, reflexives, verbs, nouns, "-ость", superlatives and the tidy-up) ends at
    least one word of the list within the part of it the algorithm may remove, but those no
    word can reach (SHADOWED): the parity proof covers every branch."""
    matched: set[tuple[str, str]] = set()
    tables = {name: getattr(RussianStemmer, name) for name in dir(RussianStemmer)
              if name.startswith("a_")}
    names = {id(table): name for name, table in tables.items()}

    class Recording(RussianStemmer):  # type: ignore[misc]
        def find_among_b(self, among: Any) -> int:
            end = self.cursor
            found: int = super().find_among_b(among)
            if found:
                matched.add((names[id(among)], self.current[self.cursor:end]))
            return found

    recording = Recording()
    for word in russian_words():
        recording.stemWord(word.lower().replace("ё", "е"))
    unmatched = {name: {a.s for a in table} - {s for n, s in matched if n == name}
                 for name, table in tables.items()}
    assert len(tables) == 8
    assert {name: s for name, s in unmatched.items() if s} == SHADOWED


def test_index_terms_match_lunr_js(parity: dict[str, Any]) -> None:
    assert parity["python_vocab"] == sorted(parity["vocab"])
    for word in ("today", "monday", "sydney", "money", "tri", "say", "play", "café", "путин",
                 "москв", "росс", "партнерств", "普京", "近平"):
        assert word in parity["vocab"]
    # Russian words are indexed by their stems: no inflected form is a term of its own
    for word in ("путина", "путиным", "москве", "россии", "партнёрство"):
        assert word not in parity["vocab"]


@pytest.mark.parametrize("query", LUNR_QUERIES)
def test_lunr_py_and_lunr_js_give_identical_results(parity: dict[str, Any], query: str) -> None:
    built = parity["built"][query]
    assert parity["loaded"][query] == built, "lunr.py index loaded in lunr.js"
    if isinstance(built, dict):  # both query parsers reject it (e.g. "12:46am": no field "12")
        assert "error" in parity["python"][query]
    else:
        assert parity["python"][query] == built, "lunr.py Index.search"


@pytest.mark.parametrize("query", LUNR_QUERIES)
def test_compact_index_equals_plain_lunr(parity: dict[str, Any], query: str) -> None:
    assert parity["compact"][query] == parity["built"][query]


@pytest.mark.parametrize("text", [*UI_QUERIES, *("~ " + q for q in UI_QUERIES)])
def test_ui_query_plan_equals_plain_lunr(parity: dict[str, Any], text: str) -> None:
    assert parity["uiCompact"][text] == parity["uiPlain"][text], parity["plans"][text]


def test_prefix_expansion_order_is_lunrs(parity: dict[str, Any]) -> None:
    # the order decides how lunr sums per-field scores and breaks ties: it must be lunr's
    assert parity["prefixesChecked"] > 500
    assert parity["orderMismatches"] == []


def test_fuzzy_expansion_through_length_buckets_is_lunrs(parity: dict[str, Any]) -> None:
    assert parity["fuzzyChecked"] > 100
    assert parity["fuzzyMismatches"] == []


def test_typo_retry_corrects_words_the_stemmer_changes(parity: dict[str, Any]) -> None:
    """"Beijng" is within one edit of no index term ("beij" is two away): the retry corrects
    it to the indexed word "beijing", a plain lunr clause, and finds what "beijing" finds."""
    assert parity["plans"]["~ Beijng"] == [["corrected", "beijing"]]
    assert parity["plans"]["~ Putin Beijng"] == [["fuzzy", "putin"], ["corrected", "beijing"]]
    assert parity["uiCompact"]["~ Beijng"] == parity["uiCompact"]["beijing "]
    assert parity["uiCompact"]["~ Beijng"]
    # a typo within one edit of a term keeps lunr's own fuzzy clause
    assert parity["plans"]["~ Moskow"] == [["fuzzy", "moskow"]]
    assert parity["uiCompact"]["~ Moskow"]
    # and in Russian: "путинвм" stems to itself, two edits from "путин"; the indexed word
    # "путиным" is one edit away
    assert parity["plans"]["~ Путинвм"] == [["corrected", "путиным"]]
    assert parity["uiCompact"]["~ Путинвм"] == parity["uiCompact"]["Путин "]
    assert parity["uiCompact"]["~ Путинвм"]


def test_snippet_word_filter_never_skips_a_match(parity: dict[str, Any]) -> None:
    """The snippet skips words whose first letters no matched term starts with, without
    stemming them: on every document, with every index term matched, it marks the same words
    as stemming every word."""
    assert parity["filterChecked"] > 3000
    assert parity["filterMismatches"] == []


def test_fixed_queries_find_something(parity: dict[str, Any]) -> None:
    found = {q for q, hits in parity["built"].items() if hits}
    assert {"putin", "today", "trying", BODY_ONLY.lower(), "12:46am"} <= found
    # a word typed with "ё" is a prefix of its stem up to its end, as one typed with "е"
    assert parity["plans"]["партнёрству"] == [["prefix", "партнерств"]]
    assert parity["plans"]["Партнерство"] == [["prefix", "партнерств"]]
    assert parity["plans"]["Ёмкостью"] == [["prefix", "емкост"]]
    assert parity["uiCompact"]["ёмк"]
    # Russian by its other forms: the article saying only "Путиным" and "Путина" is found
    assert {"путина", "путиным", "россия", "партнерство", "еще", "путн~1"} <= found
    inflected = str(_records_order().index("inflected"))
    for query in ("путин", "путина", "путиным"):
        assert inflected in [ref for ref, _score in parity["built"][query]], query
    assert parity["uiCompact"]["~ novka"], "a misspelt name finds its article"
    assert parity["uiCompact"]["-+~^:*"] == []


def _records_order() -> list[str]:
    """Record ids by document number (refs are positions in order_records)."""
    return [r.id for r in order_records(_records())]
