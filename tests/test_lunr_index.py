"""Unit tests for plugins/lunr_index: the lunr.js shim, the compact encoding, the adapter."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunr import lunr as plain_lunr

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "tests" / "fixtures" / "digest"
sys.path.insert(0, str(ROOT / "plugins"))

from lunr_index import builder as B  # noqa: E402
from lunr_index import compat  # noqa: E402
from lunr_index import plugin as P  # noqa: E402
from markdown_it_reader.reader import make_renderer  # noqa: E402


def rec(ident: str, **kw: Any) -> B.SearchRecord:
    kw.setdefault("url", f"articles/{ident}.html")
    kw.setdefault("title", f"Title {ident}")
    return B.SearchRecord(id=ident, **kw)


RECORDS = [
    rec(
        "a",
        title="Xi and Putin talk about peace",
        dek="Beijing and Moscow",
        summary="The leaders met today.",
        topics=("china", "russia-ukraine"),
        entities=("xi-jinping", "vladimir-putin"),
        outlet="The Times",
        date=dt.date(2024, 5, 16),
        body="Alexander Novak oversees oil and gas. Gas gas gas. Money on Monday in Sydney.",
    ),
    rec("b", title="Pipeline talks", body="Power of Siberia 2 pipeline.", date=dt.date(2024, 6, 1)),
    rec("c", title="Undated note", body="Nothing dated here."),
    rec("d", title="Older", body="Trying, tried, played, says.", date=dt.date(2023, 1, 2)),
]


# --- the shim -----------------------------------------------------------------------------------


def test_lunr_py_stemmer_differs_from_lunr_js_without_the_shim() -> None:
    from lunr.stemmer import porter_stemmer

    assert porter_stemmer.stem("today") == "todai"  # lunr.js: "today"
    assert porter_stemmer.stem("try") == "try"  # lunr.js: "tri"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("today", "today"),
        ("monday", "monday"),
        ("sydney", "sydney"),
        ("money", "money"),
        ("try", "tri"),
        ("says", "say"),
        ("played", "play"),
        ("trying", "tri"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("yelling", "yell"),
        ("by", "by"),
    ],
)
def test_porter_stem_matches_lunr_js(word: str, stem: str) -> None:
    assert compat.porter_stem(word) == stem


def test_a_word_in_cyrillic_is_stemmed_by_the_russian_snowball_algorithm() -> None:
    # Porter's rules left "Путина" and "Путиным" as terms of their own beside "путин"
    for word in ("путин", "путина", "путину", "путиным", "путине"):
        assert compat.stem(word) == "путин"
    assert compat.stem("россия") == compat.stem("россии") == compat.stem("россией") == "росс"
    assert compat.stem("мирный") != compat.stem("мир")
    # "ё" is read as "е" (lunr-languages' port of the algorithm does not fold it)
    assert compat.stem("партнёром") == compat.stem("партнером") == "партнер"
    assert compat.stem("ещё") == compat.stem("еще")
    # every other word as lunr.js stems it, mixed words too: the Cyrillic letter decides
    for word in ("today", "trying", "café", "zürich", "普京", "u.s", "12:46am", "putin's"):
        assert compat.stem(word) == compat.porter_stem(word)
    assert compat.stem("putinа") == compat.russian_stem("putinа")  # a Cyrillic "а"


def test_trim_strips_what_is_no_letter_or_digit_in_any_script() -> None:
    assert compat.trim("u.s.,") == "u.s"
    assert compat.trim("“quoted”") == "quoted"
    assert compat.trim("—") == ""
    # lunr.js's ASCII \W would leave "caf" and trim a Russian word to nothing (round 24)
    assert compat.trim("café") == "café"
    assert compat.trim("«Москва»,") == "Москва"
    assert compat.analyse("«Путин» провел переговоры в Москве.") == [
        "путин", "провел", "переговор", "в", "москв"]


def test_chinese_is_indexed_as_pairs_of_characters() -> None:
    # round 24: a run of Chinese characters is one token to lunr's tokenizer (no spaces)
    assert compat.cjk_words("中俄两国") == " 中俄 俄两 两国 "
    assert compat.cjk_words("习近平4日同") == " 习近 近平 4 日同 "
    assert compat.cjk_words("习") == " 习 "
    assert compat.cjk_words("Putin, 普京!") == "Putin,  普京 !"
    assert compat.cjk_words("Москва") == "Москва"  # written with spaces: as it is
    assert compat.analyse(compat.cjk_words("普京表示")) == ["普京", "京表", "表示"]


def test_tokenize_splits_on_javascript_whitespace_and_hyphens() -> None:
    text = "Em\u2003space nbsp\u00a0narrow\u202fline\u2028bom\ufeffco-operate"
    assert compat.tokenize(text) == [
        "em",
        "space",
        "nbsp",
        "narrow",
        "line",
        "bom",
        "co",
        "operate",
    ]
    assert compat.js_separators("a\u2003b").split() == ["a", "b"]


def test_analyse_is_the_index_pipeline() -> None:
    # "u.s" loses its last "s" to step 1a, exactly as in lunr.js
    assert compat.analyse("The U.S. is trying, today!") == ["u.", "tri", "today"]


# --- list-valued fields -------------------------------------------------------------------------


def test_plain_lunr_py_fails_on_lists_with_position_metadata() -> None:
    from lunr import get_default_builder

    builder = get_default_builder()
    builder.metadata_whitelist = ["position"]
    builder.ref("id")
    builder.field("topics")
    with pytest.raises(KeyError):
        builder.add({"id": "1", "topics": ["china", "russia"]})


def test_our_builder_joins_lists_so_position_metadata_works() -> None:
    builder = B.lunr_builder(RECORDS, B.DEFAULT_FIELDS, metadata_whitelist=["position"])
    index = builder.build()
    hits = index.search("topics:russia")
    assert [h["ref"] for h in hits] == ["0"]  # "russia-ukraine" split like text
    assert "position" in hits[0]["match_data"].metadata["russia"]["topics"]


# --- the compact encoding -----------------------------------------------------------------------


@pytest.mark.parametrize("numbers", [[], [0], [31, 32, 33], [1023, 1024, 2**31, 2**40 + 7]])
def test_vlq_round_trip(numbers: list[int]) -> None:
    assert B.unvlq(B.vlq(numbers)) == numbers


def test_vlq_rejects_negative_numbers() -> None:
    with pytest.raises(B.SearchIndexError):
        B.vlq([-1])


def test_documents_are_newest_first_undated_last() -> None:
    built = B.build(RECORDS)
    assert built.docs["title"] == ["Pipeline talks", RECORDS[0].title, "Older", "Undated note"]
    assert built.docs["date"][-1] == ""


def test_postings_decode_to_the_lunr_index() -> None:
    built = B.build(RECORDS, B.IndexOptions(shard_chars=1000))
    fields = [f["name"] for f in built.core["fields"]]
    vocab = [t for _name, shard in built.shards for t in B.front_decode(shard["terms"])]
    assert vocab == sorted(vocab, key=B.js_sort_key) == list(built.vocab)
    assert set(vocab) == set(built.index.inverted_index)
    postings = [p for _name, shard in built.shards for p in shard["postings"]]
    assert len(postings) == len(vocab)
    # the core names each shard's first term, in order
    firsts = [first for first, _file in built.core["shards"]]
    assert firsts == [B.front_decode(shard["terms"])[0] for _n, shard in built.shards]
    builder = B.lunr_builder(B.order_records(RECORDS), B.DEFAULT_FIELDS)
    for term, encoded in zip(vocab, postings, strict=True):
        numbers = B.unvlq(encoded)
        assert numbers[0] == builder.inverted_index[term]["_index"]
        mask, at = numbers[1], 2
        for bit, name in enumerate(fields):
            expected = sorted(int(r) for r in builder.inverted_index[term][name])
            if not mask & (1 << bit):
                assert expected == []
                continue
            count, doc, got = numbers[at], 0, []
            at += 1
            for _ in range(count):
                code = numbers[at]
                at += 1
                doc += code >> 1
                tf = 1
                if code & 1:
                    tf = numbers[at] + 2
                    at += 1
                got.append(doc)
                assert builder.field_term_frequencies[f"{name}/{doc}"][term] == tf
            assert got == expected
        assert at == len(numbers)


def test_gas_has_its_term_frequency() -> None:
    built = B.build(RECORDS)
    vocab = list(built.vocab)
    postings = [p for _n, shard in built.shards for p in shard["postings"]]
    numbers = B.unvlq(postings[vocab.index("ga")])
    # body only (bit 6), one document ("a" is ref 1), tf 4: code (1 << 1 | 1), then 4 - 2
    assert numbers[1] == 1 << 6 and numbers[2:] == [1, 3, 2]


def test_field_lengths_match_lunr() -> None:
    built = B.build(RECORDS)
    builder = B.lunr_builder(B.order_records(RECORDS), B.DEFAULT_FIELDS)
    for name, encoded in built.core["fieldLengths"].items():
        assert B.unvlq(encoded) == [builder.field_lengths[f"{name}/{n}"] for n in range(4)]


def test_build_is_deterministic_and_names_files_by_content() -> None:
    first, second = B.build(RECORDS).files(), B.build(list(reversed(RECORDS))).files()
    assert first == second
    names = list(first)
    assert names[0] == "index.json"
    assert all(re.fullmatch(r"[pwdft]\d+\.[0-9a-f]{10}\.json", n) for n in names[1:])
    core = json.loads(first["index.json"])
    assert all(name in first for name in core["docs"]["files"])
    assert all(name in first for _first, name in core["shards"])
    assert all(name in first for name in core["words"].values())
    assert all(name in first for name in core["forms"].values())
    texts = core["texts"]
    assert sorted(n for n in first if n[0] == "t") == sorted(
        f"t{c}.{texts['hash']}.json" for c in range(texts["count"]))
    assert core["bytes"] == sum(
        len(t.encode("utf-8")) for n, t in first.items() if n[0] not in "it"
    )
    assert core["texts"]["bytes"] == sum(
        len(t.encode("utf-8")) for n, t in first.items() if n[0] == "t"
    )
    assert core["prefetch"] is True  # small: fetched whole after the first result
    assert core["texts"]["prefetch"] is True  # passages too


def test_document_store_has_what_results_need() -> None:
    built = B.build(RECORDS, B.IndexOptions(topic_labels={"china": "China"}, doc_chunk=3))
    docs, core = built.docs, built.core
    n = docs["title"].index(RECORDS[0].title)
    assert docs["url"][n] == "articles/a.html"
    assert docs["summary"][n] == "The leaders met today."
    # the chunks on disk hold the same columns, 3 documents each
    files = built.files()
    chunks = [json.loads(files[name]) for name in core["docs"]["files"]]
    assert core["docs"]["size"] == 3 and [len(c["title"]) for c in chunks] == [3, 1]
    assert [t for c in chunks for t in c["title"]] == docs["title"]
    # facet columns in the core: outlet + 1, year - minYear + 1, (count, topics...)
    facets = core["facets"]
    assert facets["outlets"] == ["The Times"]
    assert B.unvlq(facets["outlet"])[n] == 1
    assert facets["minYear"] == 2023
    assert B.unvlq(facets["year"]) == [2, 2, 1, 0]  # 2024, 2024, 2023, undated
    topics = B.unvlq(facets["topics"])
    assert topics[:1] == [0] and topics[1:4] == [2, 0, 1]  # "b" has none; "a" has both
    assert facets["topicNames"] == [["china", "China"], ["russia-ukraine", "Russia ukraine"]]


def test_front_coding_round_trips() -> None:
    terms = sorted(
        ["", "a", "ab", "abc", "abd", "b", "café", "cafés", "🙂x", "🙂y", "z" * 80, "z" * 81],
        key=B.js_sort_key,
    )
    coded = B.front_code(terms)
    assert B.front_decode(coded) == terms
    assert "\nCd" in coded  # "abd" after "abc": 2 shared, then "d"


def test_vocabulary_by_length_files() -> None:
    built = B.build(RECORDS)
    files = built.files()
    for length, name in built.core["words"].items():
        words = json.loads(files[name]).split("\n")
        assert all(min(B.js_length(w), B.WORD_LENGTH_CAP) == int(length) for w in words)
    everything = [w for n in built.core["words"].values() for w in json.loads(files[n]).split("\n")]
    assert sorted(everything) == sorted(built.vocab)


def test_long_summaries_are_cut_at_a_word() -> None:
    long = " ".join(["word"] * 200)
    docs = B.build([rec("x", summary=long)]).docs
    assert len(docs["summary"][0]) <= B.SUMMARY_MAX_CHARS + 1 and docs["summary"][0].endswith("…")


def test_empty_index_builds() -> None:
    built = B.build([])
    assert built.core["documentCount"] == 0 and built.vocab == ()


def test_bad_records_are_all_reported_at_once() -> None:
    bad = [rec("a"), rec("a"), rec("b", url=""), rec("c", title=" ")]
    with pytest.raises(B.SearchIndexError) as caught:
        B.build(bad)
    message = str(caught.value)
    assert "also used by record" in message and "empty url" in message
    assert "empty title" in message and message.count("Fix:") == 3


def test_compact_files_are_smaller_than_plain_lunr() -> None:
    built = B.build(RECORDS)
    compact = sum(len(t) for t in built.files().values())
    plain = len(B.dumps(B.plain_lunr_json(built.index)))
    assert compact < plain


def test_plain_lunr_over_same_fields_finds_the_same_documents() -> None:
    ordered = B.order_records(RECORDS)
    # lunr.py's own builder, no shim: "novak" is unaffected by the stemmer difference
    docs = [
        {"ref": str(n), **{f: B._field_text(r, f) for f, _b in B.DEFAULT_FIELDS}}
        for n, r in enumerate(ordered)
    ]
    index = plain_lunr("ref", [f for f, _b in B.DEFAULT_FIELDS], docs)
    ours = B.build(RECORDS).index
    assert [h["ref"] for h in index.search("novak")] == [h["ref"] for h in ours.search("novak")]


# --- the Pelican adapter ------------------------------------------------------------------------


def test_html_to_text_keeps_text_drops_markup_and_scripts() -> None:
    html = (
        "<h2>Sub</h2><p>One &amp; <em>two</em></p><script>var x = '<p>no</p>';</script>"
        "<ul><li>three</li></ul><p>a&lt;b&gt;c</p>"
    )
    assert P.html_to_text(html) == "Sub\nOne & two\nthree\na<b>c"
    assert P.html_to_text(None) == ""


_HTML_PIECES = ["<p>", "</p>", "<br />", "<br/>", "<em>", "</em>", '<a href="x?a=1&amp;b">',
                "</a>", "<P id='b0'>", "</ p>", "<h2 >", "</h2 >", "<li/>", "<div class=a>",
                "</div x>", "<a b=c/>", "<my-tag>", "<!-- c -->", "<script>", "</script>",
                "<textarea>", "&amp;", "&am", "p;", "&#39;", "&lt;", "<", ">", "x", "y z",
                " ", "\n", "\u00a0"]


@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=40).map("".join)
       | st.text(alphabet=st.sampled_from(list("ab *_`#>-[]()!&;<\n")), max_size=80).map(
           lambda text: make_renderer().render(text)))
def test_text_extraction_fast_path_equals_htmlparser(html: str) -> None:
    assert P.html_to_text(html) == P._lines(P._parsed_parts(html))


@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=40).map("".join)
       | st.text(alphabet=st.sampled_from(list("ab *_`#>-[]()!&;<\n")), max_size=80).map(
           lambda text: make_renderer().render(text)))
def test_passages_fast_path_equals_htmlparser_and_make_the_body(html: str) -> None:
    parsed = P._passages(P._parsed_parts(html))
    simple = P._simple_parts(html)
    if simple is not None:
        assert P._passages(simple) == parsed
    # cut at anchors or not, the same lines: the body the index searches does not change
    assert "\n".join(text for _anchor, text in parsed) == P._lines(P._parsed_parts(html))


def test_passages_follow_the_readers_paragraph_anchors() -> None:
    html = make_renderer().render(
        "Lede with *Novak*.\n\n## A heading\n\nSecond & last.\n\n- a list\n- of two\n\n"
        "> quoted\n"
    )
    assert P.html_passages(html) == (
        ("b0", "Lede with Novak."),
        ("b1", "A heading"),
        # a list and a quote have no anchor of their own: they go with the paragraph above
        ("b2", "Second & last.\na list\nof two\nquoted"),
    )
    assert P.html_passages('<ul><li>before any anchor</li></ul><p id="b0">x</p>') == (
        ("", "before any anchor"), ("b0", "x"))


def test_passage_store_chunks_hold_every_paragraph_and_its_anchor() -> None:
    records = [
        rec("p", date=dt.date(2024, 1, 2), body="One.\nTwo.",
            passages=(("b0", "One."), ("b1", "Two."))),
        rec("q", date=dt.date(2024, 1, 1), body="Plain line\nanother"),
        rec("r", date=dt.date(2023, 1, 1)),
    ]
    built = B.build(records, B.IndexOptions(text_chunk=2))
    files, core = built.files(), built.core
    texts = core["texts"]
    chunks = [json.loads(files[f"t{c}.{texts['hash']}.json"]) for c in range(texts["count"])]
    assert core["texts"]["size"] == 2 and len(chunks) == 2
    assert chunks[0]["anchors"] == [["b0", "b1"], ["", ""]]
    assert chunks[0]["texts"] == [["One.", "Two."], ["Plain line", "another"]]
    assert chunks[1]["anchors"] == [[]] and chunks[1]["texts"] == [[]]
    # and what the result shows besides, so a result needs no document-store chunk
    assert chunks[0]["url"] == ["articles/p.html", "articles/q.html"]
    assert chunks[1]["title"] == ["Title r"]


def test_words_the_stemmer_changes_are_listed_with_their_document_counts() -> None:
    records = [rec("a", title="Xi", body="Beijing said. Beijing's talks in Moscow"),
               rec("b", title="Beijing", body="Talks, talking")]
    built = B.build(records)
    forms = {length: value for length, value in built.forms}
    words = {w: n for value in forms.values()
             for w, n in zip(value["forms"].split("\n"), B.unvlq(value["df"]), strict=True)}
    # indexed as "beij", "talk", "said" -> "said" is its own stem: not listed; Moscow neither
    assert words == {"beijing": 2, "beijing's": 1, "talks": 2, "talking": 1}
    assert "beij" in built.vocab and "moscow" in built.vocab
    files = built.files()
    assert json.loads(files[built.core["forms"]["7"]]) == forms["7"]


def test_topics_keep_the_articles_order() -> None:
    records = [rec("a", topics=("war", "energy", "china", "energy"))]
    facets = B.build(records).core["facets"]
    names = [slug for slug, _label in facets["topicNames"]]
    column = B.unvlq(facets["topics"])
    assert column[0] == 3 and [names[n] for n in column[1:]] == ["war", "energy", "china"]


def test_reader_html_takes_the_fast_path() -> None:
    html = make_renderer().render("# T\n\nOne *two* [x](http://e.org/?a&b) `<c>`\n\n- a\n")
    assert P._simple_parts(html) is not None


def test_record_for_a_pelican_article() -> None:
    topic = SimpleNamespace(slug="china", name="China")
    article = SimpleNamespace(
        slug="xi-putin",
        url="articles/xi-putin.html",
        # our reader gives title and summary as plain text: what looks like markup is text
        title="Xi & Putin &amp; <b>",
        date=dt.datetime(2024, 5, 16, 9, 0),
        summary="Summary  <b>here</b>",
        content='<p id="b0">Body with <em>Novak</em>.</p>\n<ul><li>A list</li></ul>'
                '<p id="b1">More.</p>',
        metadata={
            "dek": "A dek",
            "outlet": "The Times",
            "topics": [topic],
            "entities": ["alexander-novak"],
        },
    )
    record, labels = P.record_for(article)
    assert record == B.SearchRecord(
        id="xi-putin",
        url="articles/xi-putin.html",
        title="Xi & Putin &amp; <b>",
        dek="A dek",
        summary="Summary <b>here</b>",
        topics=("china",),
        entities=("alexander-novak",),
        outlet="The Times",
        date=dt.date(2024, 5, 16),
        body="Body with Novak.\nA list\nMore.",
        # the paragraphs' anchors on the article page, the list with the paragraph before it
        passages=(("b0", "Body with Novak.\nA list"), ("b1", "More.")),
    )
    assert labels == {"china": "China"}


def _settings(**overrides: Any) -> dict[str, Any]:
    settings = {**P.DEFAULTS, "PATH": str(CONTENT), "THEME_STATIC_DIR": "theme"}
    settings.update(overrides)
    return settings


def test_default_settings_are_valid_when_lunr_is_installed() -> None:
    assert P.check_settings(_settings()) == []


def test_bad_settings_are_all_reported_with_fixes() -> None:
    problems = P.check_settings(
        _settings(
            SEARCH_INDEX_SAVE_AS="/abs/index.txt",
            SEARCH_FIELDS=[("nope", 1)],
            SEARCH_SHARD_CHARS=10,
            SEARCH_LUNR_JS="missing/lunr.min.js",
            SEARCH_LUNR_LANGUAGES_DIR="missing",
        )
    )
    text = "\n".join(problems)
    assert len(problems) == 6 and all("Fix:" in p for p in problems)
    assert "run npm ci" in text and "SEARCH_FIELDS" in text
    assert "SEARCH_LUNR_LANGUAGES_DIR: " in text


def test_init_settings_merges_defaults_once() -> None:
    pelican = SimpleNamespace(settings={"PATH": str(CONTENT), "THEME_STATIC_DIR": "s"})
    P.init_settings(pelican)
    assert pelican.settings["SEARCH_LUNR_JS_SAVE_AS"] == "s/js/lunr.min.js"
    assert pelican.settings["SEARCH_INDEX_URL"] == "search/index.json"


def test_generator_writes_index_files_and_lunr(tmp_path: Path) -> None:
    article = SimpleNamespace(
        slug="a",
        url="articles/a.html",
        title="Title",
        date=dt.datetime(2024, 1, 1),
        summary="",
        content="<p>Body text</p>",
        metadata={},
        translations=[],
    )
    generator = P.SearchIndexGenerator.__new__(P.SearchIndexGenerator)
    generator.settings = _settings(SEARCH_PLAIN_INDEX_SAVE_AS="search/plain.json")
    generator.context = {"articles": [article]}
    generator.output_path = str(tmp_path)
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "p9.stale.json").write_text("[]")
    generator.generate_output(writer=None)
    core = json.loads((tmp_path / "search/index.json").read_text())
    assert all((tmp_path / "search" / name).is_file() for name in core["docs"]["files"])
    assert all((tmp_path / "search" / name).is_file() for _first, name in core["shards"])
    assert not (tmp_path / "search" / "p9.stale.json").exists()
    assert (tmp_path / "theme/js/lunr.min.js").read_bytes().startswith(b"/**")
    # the Russian stemmer beside it, where the worker fetches it (RUSSIAN_FILES)
    assert b"stemmerSupport" in (tmp_path / "theme/js/lunr.stemmer.support.min.js").read_bytes()
    assert b"stemmer-ru" in (tmp_path / "theme/js/lunr.ru.min.js").read_bytes()
    assert json.loads((tmp_path / "search/plain.json").read_text())["version"] == "2.3.9"


def _failing_index() -> P.IndexFiles:
    raise B.SearchIndexError("boom")


@pytest.mark.skipif(not P._FORK_IS_SAFE, reason="the index is built in the background on Linux")
def test_background_build_returns_or_raises_what_the_work_does() -> None:
    files = ({"index.json": "{}"}, None)
    assert P.BackgroundBuild(lambda: files).result() == files
    with pytest.raises(B.SearchIndexError, match="boom"):
        P.BackgroundBuild(_failing_index).result()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
       | st.lists(st.sampled_from(["a", "-", " ", "\u00a0", "\u2028", "Ü", "’s", "--", "the",
                                   "running", "x1", "é", "\t", "\x85", "\x1c"]),
                  max_size=30).map("".join))
def test_fast_analysis_equals_the_reference_pipeline(text: str) -> None:
    assert compat.analyse_fast(text) == compat.analyse(text)
    terms = compat.analyse(text)
    length, counts, _ = compat.term_counts_and_forms(text)
    assert length == len(terms)
    assert list(counts) == list(dict.fromkeys(terms))  # lunr's order: first appearance
    assert counts == {term: terms.count(term) for term in terms}


def test_str_split_and_javascript_whitespace_differ_where_js_tokens_says() -> None:
    python_only = {chr(c) for c in range(0x110000) if chr(c).isspace()} - set(
        compat.JS_WHITESPACE)
    js_only = set(compat.JS_WHITESPACE) - {c for c in compat.JS_WHITESPACE if c.isspace()}
    assert all(compat._SPLIT_DIFFERS.match(c) for c in python_only | js_only)


def test_compact_index_terms_equal_lunr_py_builder() -> None:
    built = B.build(RECORDS)
    reference = B.lunr_builder(built.records, built.fields)
    fast = B.term_stats(built.records, built.fields)
    names = [name for name, _boost in built.fields]
    assert {f"{name}/{n}": length for name in names
            for n, length in enumerate(fast.field_lengths[name])} == reference.field_lengths
    assert {t: p["_index"] for t, p in reference.inverted_index.items()} == {
        t: index for t, (index, _) in fast.postings.items()}
    for term, (_, by_field) in fast.postings.items():
        for name in names:
            refs, tfs = by_field.get(name, ([], []))
            expected = sorted(int(r) for r in reference.inverted_index[term][name])
            assert refs == expected
            assert tfs == [reference.field_term_frequencies[f"{name}/{r}"][term] for r in refs]


def test_the_index_built_early_in_the_background_equals_the_one_built_in_process(
    site: Path, tmp_path: Path
) -> None:
    """In the background the index starts before topics and entities are attached to the
    articles, naming them from the taxonomy; the bytes must be those of an in-process build."""
    import os
    import subprocess

    from .conftest import BIN, copy_content

    content = copy_content(tmp_path / "content")
    env = {**os.environ, "DIGEST_CONTENT": str(content), "SITEURL": ""}
    for argv in (
        [str(BIN / "digest"), "content", "--content", str(content)],
        [str(BIN / "pelican"), str(content), "-s", str(ROOT / "pelican.conf.py"), "-o",
         str(tmp_path / "output"), "--fatal", "warnings",
         "-e", "SEARCH_BUILD_IN_BACKGROUND=false"],
    ):
        done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT)
        assert done.returncode == 0, done.stdout + done.stderr

    def index(output: Path) -> dict[str, bytes]:
        return {str(p.relative_to(output)): p.read_bytes()
                for p in (output / "search").rglob("*") if p.is_file()}

    in_process = index(tmp_path / "output")
    assert in_process and index(site) == in_process
    # and the topic labels the search page shows are the taxonomy's names
    assert "Energy" in (tmp_path / "output" / "search" / "index.json").read_text(encoding="utf-8")
