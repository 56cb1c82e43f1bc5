"""`digest suggest`: frequent proper names that the taxonomy does not cover."""

from __future__ import annotations

from digest.suggest import suggest
from digest.taxonomy import load_taxonomy, parse_taxonomy

from .conftest import CONTENT

TAXONOMY = parse_taxonomy("""\
topics:
  - slug: energy
    name: Energy
    description: Energy.
    aliases: [Power of Siberia]
entities:
  - slug: vladimir-putin
    name: Vladimir Putin
    kind: person
    aliases: [Vladimir Putin, Putin]
    description: President of Russia.
  - slug: xi-jinping
    name: Xi Jinping
    kind: person
    aliases: [Xi Jinping]
    description: President of China.
""")

TEXTS = [
    "The Winter Olympics opened. Putin went to the Winter Olympics in Beijing.",
    "According to Foreign Affairs Magazine, the Power of Siberia pipeline stalled.",
    "Vladimir Putin met Xi Jinping. The Xi Jinping-Putin summit ended.",
    "Alexander Gabuev of the Carnegie Endowment for International Peace wrote. "
    "Alexander Gabuev said more; Putin's Russia agreed.",
    "The two leaders met. The Xi Jinping-Putin summit was long.",
]


def test_frequent_uncovered_names_most_frequent_first() -> None:
    assert suggest(TEXTS, TAXONOMY) == [("Alexander Gabuev", 2), ("Winter Olympics", 2)]


def test_min_count_one_shows_every_name() -> None:
    found = dict(suggest(TEXTS, TAXONOMY, min_count=1))
    assert found["Carnegie Endowment for International Peace"] == 1
    assert found["Foreign Affairs Magazine"] == 1  # "According" starts the sentence: dropped
    assert "According to Foreign Affairs Magazine" not in found
    assert "Xi Jinping-Putin" not in found  # both names are covered
    assert "Vladimir Putin" not in found and "Power of Siberia" not in found
    assert "The Winter Olympics" not in found
    assert not any(name.startswith("Putin") for name in found)  # possessive ends a name


def test_no_texts() -> None:
    assert suggest([], TAXONOMY) == []


def test_default_taxonomy_covers_the_repeated_names_of_the_seeds() -> None:
    taxonomy = load_taxonomy(CONTENT / "taxonomy.yaml")
    texts = [
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.",
        "Russian President Vladimir Putin and Chinese President Xi Jinping signed it.",
        "The Carnegie Endowment for International Peace and the Stimson Center said so.",
        "The Carnegie Endowment for International Peace and the Stimson Center agreed.",
    ]
    assert suggest(texts, taxonomy) == []


def test_one_word_names_seen_in_two_captures() -> None:
    texts = [
        "The probe left for Europa on Monday. Engineers at NASA cheered.",
        "A second orbiter will reach Europa later. The budget of NASA grew.",
        "Only this capture mentions Ganymede, and Ganymede twice.",
        "Europa is listed here at a sentence start only.",
    ]
    found = dict(suggest(texts, TAXONOMY))
    assert found == {"Europa": 2, "NASA": 2}  # Monday is no name; Ganymede: one capture


def test_one_word_names_count_captures_not_texts() -> None:
    texts = ["They flew to Europa.", "Then to Europa again."]
    assert suggest(texts, TAXONOMY, captures=["a.txt", "a.txt"]) == []
    assert suggest(texts, TAXONOMY, captures=["a.txt", "b.txt"]) == [("Europa", 2)]


def test_a_one_word_alias_covers_the_name() -> None:
    texts = ["They met Putin today.", "Aides met Putin again."]
    assert suggest(texts, TAXONOMY) == []
