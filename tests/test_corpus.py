"""The synthetic corpus for the build benchmark: deterministic, prefix-stable, seed-like."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from pathlib import Path

import pytest
import yaml

from digest import corpus
from digest.corpus import (
    COMMENT_PROMPTS,
    Vocabulary,
    build_corpus,
    build_taxonomy,
    generate_corpus,
    pseudo_word,
)

NAME_RE = re.compile(r"^\d{5}_[0-9a-f]{16}\.txt$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def small() -> corpus.Corpus:
    return build_corpus(40, seed=7)


def _files(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def test_same_n_and_seed_give_the_same_bytes(tmp_path: Path) -> None:
    generate_corpus(15, 3, tmp_path / "a")
    generate_corpus(15, 3, tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a == b
    assert len([k for k in a if k.startswith("captures/")]) == 15
    assert {"curation.yaml", "taxonomy.yaml"} <= set(a)


def test_another_seed_gives_another_corpus() -> None:
    assert build_corpus(5, 1).captures[0].text != build_corpus(5, 2).captures[0].text


def test_a_small_corpus_is_a_prefix_of_a_bigger_one() -> None:
    little, big = build_corpus(12, 5), build_corpus(30, 5)
    assert little.captures == big.captures[:12]
    assert little.taxonomy.topics == big.taxonomy.topics[: len(little.taxonomy.topics)]
    assert little.taxonomy.entities == big.taxonomy.entities[: len(little.taxonomy.entities)]
    assert len(big.taxonomy.entities) > len(little.taxonomy.entities)


def test_capture_files_are_named_like_the_seeds_and_are_utf8(tmp_path: Path) -> None:
    generate_corpus(8, 1, tmp_path)
    names = sorted(p.name for p in (tmp_path / "captures").iterdir())
    assert len(names) == 8
    assert all(NAME_RE.match(name) for name in names)
    assert [int(name[:5]) for name in names] == list(range(8))
    for path in (tmp_path / "captures").iterdir():
        assert path.read_bytes().decode("utf-8").strip()


def test_captures_look_like_the_seeds(small: corpus.Corpus) -> None:
    prompts = {line for group in COMMENT_PROMPTS for line in group}
    for capture in small.captures:
        lines = [line.strip() for line in capture.text.split("\n")]
        assert capture.title in lines, "the headline is a line of its own"
        title_at = lines.index(capture.title)
        assert title_at > 0, "page chrome comes before the headline"
        assert any(line in prompts for line in lines[title_at:]), "comment prompts after"
        words = len(capture.text.split())
        assert 700 < words < 3000
    # paragraphs are long lines, and there are subheadings and captions somewhere
    text = "\n".join(c.text for c in small.captures)
    assert re.search(r"Photo: (AFP|Reuters|AP|Getty Images|EPA|Bloomberg)", text)
    assert any(len(line) > 300 for line in text.split("\n"))
    assert len({c.outlet for c in small.captures}) >= 6


def test_article_text_is_about_800_words() -> None:
    writer = corpus._Writer(1, build_taxonomy(50, 1), corpus.build_outlets(1))
    topics, entities = writer.subjects(10)
    names = [a for e in entities for a in e.aliases]
    phrases = [a for t in topics for a in t.aliases]
    counts = [len(" ".join(writer.body(names, phrases, entities, topics)).split())
              for _ in range(40)]
    mean = sum(counts) / len(counts)
    assert 650 < mean < 1000
    assert min(counts) >= corpus.WORDS_MIN


def test_dates_span_several_years(small: corpus.Corpus) -> None:
    dates = [c.published for c in build_corpus(120, 2).captures]
    assert all(corpus.START_DATE <= d <= corpus.END_DATE for d in dates)
    assert len({d.year for d in dates}) >= 5


def test_curation_gives_date_and_outlet_where_the_capture_lacks_them(
    tmp_path: Path, small: corpus.Corpus
) -> None:
    doc = corpus.curation_document(small.captures)["captures"]
    year_re = re.compile(r"\b20(19|2[0-4])\b")
    assert any(not c.date_in_text for c in small.captures)
    assert any(not c.outlet_in_text for c in small.captures)
    for capture in small.captures:
        facts = doc.get(capture.name, {})
        if capture.date_in_text:
            assert "date" not in facts
            assert str(capture.published.year) in capture.text
        else:
            assert facts["date"] == capture.published
            assert not year_re.search(capture.text), "no date the cleaner could find"
        if capture.outlet_in_text:
            assert "outlet" not in facts
            assert capture.outlet in capture.text
        else:
            assert facts["outlet"] == capture.outlet
            assert capture.outlet not in capture.text
    # and on disk the dates are YAML dates, the keys capture file names
    generate_corpus(40, 7, tmp_path)
    loaded = yaml.safe_load((tmp_path / "curation.yaml").read_text(encoding="utf-8"))
    names = {p.name for p in (tmp_path / "captures").iterdir()}
    assert set(loaded["captures"]) <= names
    assert all(isinstance(f.get("date", dt.date.min), dt.date)
               for f in loaded["captures"].values())


def test_taxonomy_file_has_the_shape_of_content_taxonomy(tmp_path: Path) -> None:
    generate_corpus(60, 4, tmp_path)
    doc = yaml.safe_load((tmp_path / "taxonomy.yaml").read_text(encoding="utf-8"))
    assert set(doc) == {"topics", "entities"}
    slugs = [t["slug"] for t in doc["topics"]] + [e["slug"] for e in doc["entities"]]
    assert len(slugs) == len(set(slugs))
    assert all(SLUG_RE.match(s) for s in slugs)
    topic_slugs = {t["slug"] for t in doc["topics"]}
    for topic in doc["topics"]:
        assert set(topic) <= {"slug", "name", "description", "aliases", "parent"}
        assert topic["name"] and topic["description"] and topic["aliases"]
        assert topic.get("parent", topic["slug"]) in topic_slugs
    aliases: list[str] = []
    for entity in doc["entities"]:
        assert set(entity) == {"slug", "name", "kind", "aliases", "description"}
        assert entity["kind"] in {"person", "organisation", "place"}
        assert entity["aliases"][0] == entity["name"], "the full name is an alias"
        aliases += [a.casefold() for a in entity["aliases"]]
    assert len(aliases) == len(set(aliases)), "an alias belongs to one entity at most"


def test_the_taxonomy_loader_accepts_the_generated_file(tmp_path: Path) -> None:
    taxonomy = pytest.importorskip("digest.taxonomy")
    generate_corpus(30, 1, tmp_path)
    loaded = taxonomy.load_taxonomy(tmp_path / "taxonomy.yaml")
    assert len(loaded.topics) >= len(corpus.ROOT_TOPICS)
    assert loaded.entities


def test_taxonomy_grows_with_the_archive() -> None:
    sizes = {n: build_taxonomy(n, 1) for n in (100, 1000, 10000)}
    entities = [len(sizes[n].entities) for n in (100, 1000, 10000)]
    topics = [len(sizes[n].topics) for n in (100, 1000, 10000)]
    assert entities[0] < entities[1] < entities[2] < 3000
    assert topics[0] < topics[1] < topics[2] <= len(corpus.ROOT_TOPICS) * (
        1 + len(corpus.QUALIFIERS))


def test_captures_name_their_subjects_enough_to_be_tagged(small: corpus.Corpus) -> None:
    by_slug = {t.slug: t for t in small.taxonomy.topics}
    entities = {e.slug: e for e in small.taxonomy.entities}
    for capture in small.captures:
        assert capture.topics and capture.entities
        for slug in capture.entities:
            assert entities[slug].name in capture.text
        for slug in capture.topics:
            alias = by_slug[slug].aliases[0]
            paragraphs = [p for p in capture.text.split("\n") if alias in p.lower()]
            assert len(paragraphs) >= 2


def test_pseudo_words_are_distinct_and_pronounceable() -> None:
    ids = list(range(50_000)) + list(range(430_000, 440_000))
    words = [pseudo_word(i) for i in ids]
    assert len(set(words)) == len(words)
    assert all(re.fullmatch(r"[a-z]{3,}", w) for w in words)
    with pytest.raises(ValueError):
        pseudo_word(-1)


def test_vocabulary_follows_heaps_law() -> None:
    vocab = Vocabulary(random.Random(0))
    sizes = {}
    for checkpoint in (10_000, 100_000, 400_000):
        while vocab.tokens < checkpoint:
            vocab.word()
        sizes[checkpoint] = vocab.size
    beta = math.log(sizes[400_000] / sizes[10_000]) / math.log(40)
    assert abs(beta - corpus.HEAPS_BETA) < 0.05
    expected = corpus.HEAPS_K * 100_000 ** corpus.HEAPS_BETA
    assert 0.8 < sizes[100_000] / expected < 1.2


def test_new_words_keep_appearing_as_the_archive_grows() -> None:
    def vocabulary(n: int) -> set[str]:
        return {w for c in build_corpus(n, 1).captures for w in re.findall(r"[a-z]+", c.text)}

    v20, v80 = vocabulary(20), vocabulary(80)
    assert v20 < v80
    # four times the text, about 4^0.55 = 2.1 times the words (Heaps), far from 4 times
    assert 1.6 < len(v80) / len(v20) < 2.8


def test_refuses_to_mix_with_existing_captures(tmp_path: Path) -> None:
    (tmp_path / "captures").mkdir()
    (tmp_path / "captures" / "mine.txt").write_text("x")
    with pytest.raises(FileExistsError, match="not empty"):
        generate_corpus(3, 1, tmp_path)


def test_empty_corpus_is_valid(tmp_path: Path) -> None:
    generate_corpus(0, 1, tmp_path)
    assert list((tmp_path / "captures").iterdir()) == []
    assert yaml.safe_load((tmp_path / "curation.yaml").read_text()) == {"captures": {}}


def test_cli_writes_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus.main(["4", str(tmp_path), "--seed", "9"]) == 0
    assert len(list((tmp_path / "captures").iterdir())) == 4
    assert corpus.main(["4", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().out


def test_curate_all_gives_title_date_and_outlet_for_every_capture(
    small: corpus.Corpus,
) -> None:
    doc = corpus.curation_document(small.captures, curate_all=True)["captures"]
    assert list(doc) == [c.name for c in small.captures]
    for capture in small.captures:
        assert doc[capture.name] == {"title": capture.title, "date": capture.published,
                                     "outlet": capture.outlet}
