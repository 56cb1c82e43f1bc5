"""Topic and entity tagging: alias matching rules, the evidence rule, and the seed captures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.model import Block
from digest.taxonomy import load_taxonomy, parse_taxonomy
from digest.topics import (
    EVIDENCE_RULE_TEXT,
    MIN_MENTIONS,
    MIN_PARAGRAPHS,
    alias_pattern,
    entity_matchers,
    find_mentions,
    russian_stem,
    tag,
    tag_ranked,
    topic_matchers,
)

from .conftest import CONTENT
from .russian_words import russian_words

CAPTURES = CONTENT / "captures"

TAXONOMY = parse_taxonomy("""\
topics:
  - slug: energy
    name: Energy
    description: Energy.
    aliases: [natural gas, oil, pipeline, Power of Siberia]
  - slug: taiwan
    name: Taiwan
    description: Taiwan.
    aliases: [Taiwan]
  - slug: trade
    name: Trade
    description: Trade.
    aliases: []
entities:
  - slug: xi-jinping
    name: Xi Jinping
    kind: person
    aliases: [Xi, Xi Jinping, Chinese President Xi Jinping, 习近平, Си Цзиньпин]
    description: President of China.
  - slug: yun-sun
    name: Yun Sun
    kind: person
    aliases: [Yun Sun, Sun]
    description: Analyst.
  - slug: eu
    name: European Union
    kind: organisation
    aliases: [EU, European Union]
    description: Union.
  - slug: china
    name: China
    kind: place
    aliases: [China, People's Republic of China, 中国, Китай]
    description: Country.
  - slug: east-china-sea
    name: East China Sea
    kind: place
    aliases: [East China Sea]
    description: Sea.
""")


def p(text: str) -> Block:
    return Block("paragraph", text, 1)


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.slug, text[m.start:m.end]) for m in find_mentions(text, entity_matchers(TAXONOMY))]


# --- matching rules -----------------------------------------------------------------------

def test_whole_words_only() -> None:
    assert mentions("Xinhua quoted Xi's aides on the Xi-Putin summit; Xiamen, taxi.") == [
        ("xi-jinping", "Xi"), ("xi-jinping", "Xi")
    ]


def test_capitalised_alias_is_case_sensitive() -> None:
    assert mentions("The sun rose; Sun said so; SUN.") == [("yun-sun", "Sun")]
    assert mentions("EU states; the eu; Europe; EUR; European Union") == [
        ("eu", "EU"), ("eu", "European Union")
    ]
    assert mentions("xi jinping") == []


def test_longest_alias_counts_once() -> None:
    assert mentions("Chinese President Xi Jinping met Xi Jinping and Xi.") == [
        ("xi-jinping", "Chinese President Xi Jinping"),
        ("xi-jinping", "Xi Jinping"),
        ("xi-jinping", "Xi"),
    ]
    assert mentions("in the East China Sea near China") == [
        ("east-china-sea", "East China Sea"), ("china", "China")
    ]


def test_an_alias_in_chinese_matches_inside_a_run_of_characters() -> None:
    # round 24: Chinese has no spaces, so an alias in it is no whole word: "习近平" inside
    # "国家主席习近平4日同..." is a mention; in Russian an alias is a whole word, as in English
    assert mentions("国家主席习近平4日同中国和俄罗斯官员会面。") == [
        ("xi-jinping", "习近平"), ("china", "中国")
    ]
    assert mentions("Си Цзиньпин прибыл в Китай; Китайский.") == [
        ("xi-jinping", "Си Цзиньпин"), ("china", "Китай")
    ]
    assert mentions("中华人民共和国") == []  # "中国" is two characters that never meet here


# --- Russian: an alias matches the other forms of its words ------------------------------------

RU_TAXONOMY = parse_taxonomy("""\
topics:
  - slug: energy
    name: Energy
    description: Energy.
    aliases: [газопровод, Сила Сибири, pipeline]
  - slug: partnership
    name: Partnership
    description: Partnership.
    aliases: [стратегическое партнёрство]
entities:
  - slug: vladimir-putin
    name: Vladimir Putin
    kind: person
    aliases: [Putin, Путин, Владимир Путин]
    description: President of Russia.
  - slug: xi-jinping
    name: Xi Jinping
    kind: person
    aliases: [Си Цзиньпин, 习近平]
    description: President of China.
  - slug: russia
    name: Russia
    kind: place
    aliases: [Russia, Россия]
    description: Country.
  - slug: mir
    name: Mir
    kind: organisation
    aliases: [Мир]
    description: A payment system.
""")


def ru_mentions(text: str) -> list[tuple[str, str]]:
    return [(m.slug, text[m.start:m.end])
            for m in find_mentions(text, entity_matchers(RU_TAXONOMY))]


def test_a_russian_alias_matches_the_other_forms_of_its_words() -> None:
    text = ("Ван И встретился с Владимиром Путиным и передал приветствие Си Цзиньпина; "
            "пресс-секретарь Путина заявил, что отношения России и Китая крепки.")
    assert ru_mentions(text) == [
        ("vladimir-putin", "Владимиром Путиным"),  # the longest alias, both words inflected
        ("xi-jinping", "Си Цзиньпина"),
        ("vladimir-putin", "Путина"),
        ("russia", "России"),
    ]
    assert ru_mentions("Путину, Путине, Путин; с Россией") == [
        ("vladimir-putin", "Путину"), ("vladimir-putin", "Путине"),
        ("vladimir-putin", "Путин"), ("russia", "Россией")]


def test_a_russian_alias_does_not_match_a_word_of_another_stem() -> None:
    # "Мир" (the payment system) and "Мирный" share three letters, not a stem
    assert russian_stem("мир") == russian_stem("мира") == "мир"
    assert russian_stem("мирный") == "мирн"
    assert ru_mentions("Мирный договор; карта Мир, оплата картой Мира; мир") == [
        ("mir", "Мир"), ("mir", "Мира")]  # "мир" (peace): a capitalised alias keeps its case
    assert russian_stem("путинский") == "путинск"
    assert ru_mentions("путинский режим, Путинская эпоха, путина") == []
    # a two-word alias needs both words, in order
    assert ru_mentions("Владимир Соловьев; Цзиньпин Си") == []


def test_a_lowercase_russian_alias_matches_any_case_and_either_e() -> None:
    text = "Газопровода «Силы Сибири» нет; строительство газопроводов; газопроводчик."
    energy = [m for m in topic_matchers(RU_TAXONOMY).matchers if m.slug == "energy"]
    assert [text[m.start:m.end] for m in find_mentions(text, energy)] == [
        "Газопровода", "Силы Сибири", "газопроводов"]
    # "ё" or "е", as the text spells it
    blocks = [p("Стратегическое партнерство укрепляется."), p("Стратегического партнёрства нет."),
              p("О стратегическом партнёрстве.")]
    assert tag(blocks, None, RU_TAXONOMY)[0] == ("partnership",)


def test_an_article_in_russian_is_tagged_by_the_inflected_forms() -> None:
    blocks = [p("Президент Владимир Путин провел переговоры."),
              p("По словам Путина, стороны договорились."),
              p("Переговоры с Путиным продлились три часа.")]
    assert dict(tag(blocks, "Путину показали Пекин", RU_TAXONOMY)[1]) == {"vladimir-putin": 4}


def test_alias_matching_stems_russian_as_the_search_index_does() -> None:
    from lunr_index import compat

    words = [w.lower() for w in russian_words()]
    assert [russian_stem(w) for w in words] == [compat.russian_stem(w) for w in words]


def test_apostrophes_and_whitespace() -> None:
    assert mentions("the People’s Republic of\nChina") == [
        ("china", "People’s Republic of\nChina")
    ]


def test_lowercase_keyword_matches_any_case_and_plural() -> None:
    pattern = alias_pattern("pipeline")
    assert pattern.search("Pipelines to China")
    assert pattern.search("a PIPELINE")
    assert not pattern.search("pipelined")
    assert not alias_pattern("oil").search("turmoil, toil, boiling")


# --- the evidence rule --------------------------------------------------------------------

def topics_of(blocks: list[Block], title: str | None = None) -> tuple[str, ...]:
    return tag(blocks, title, TAXONOMY)[0]


def test_rule_constants_are_quoted_in_the_text() -> None:
    assert str(MIN_PARAGRAPHS) in EVIDENCE_RULE_TEXT
    assert str(MIN_MENTIONS) in EVIDENCE_RULE_TEXT
    assert (MIN_PARAGRAPHS, MIN_MENTIONS) == (2, 3)


def test_one_paragraph_is_not_a_topic_however_many_mentions() -> None:
    assert topics_of([p("oil, natural gas and a pipeline"), p("Nothing else.")]) == ()


def test_two_passing_mentions_in_two_paragraphs_are_not_a_topic() -> None:
    assert topics_of([p("issues including Taiwan"), p("issues like Taiwan")]) == ()


def test_two_paragraphs_with_three_mentions_are_a_topic() -> None:
    blocks = [p("issues including Taiwan"), p("Taiwan, and Taiwan again")]
    assert topics_of(blocks) == ("taiwan",)


def test_title_plus_one_paragraph_is_a_topic() -> None:
    assert topics_of([p("They discussed oil.")], title="Russia and China talk oil") == ("energy",)


def test_title_alone_is_not_a_topic() -> None:
    assert topics_of([p("Nothing here.")], title="Russia and China talk oil") == ()


def test_subheading_counts_like_the_title() -> None:
    blocks = [Block("subhead", "Power of Siberia", 1), p("The pipeline is delayed.")]
    assert topics_of(blocks) == ("energy",)


def test_extra_topics_are_added_in_taxonomy_order() -> None:
    blocks = [p("Taiwan and Taiwan"), p("Taiwan")]
    assert tag(blocks, None, TAXONOMY, ["trade", "energy"])[0] == ("energy", "taiwan", "trade")


def test_lead_topics_are_the_strongest_three() -> None:
    # energy: in the title and 3 mentions; taiwan: 3 mentions; trade: the editor's, no evidence
    blocks = [p("Taiwan and the pipeline."), p("Taiwan, oil and Taiwan."), p("Gas.")]
    topics, _, lead, _ = tag_ranked(blocks, "Oil for China", TAXONOMY, ["trade"])
    assert topics == ("energy", "taiwan", "trade")  # the page's full list: taxonomy order
    assert lead == ("energy", "taiwan", "trade")
    blocks = [p("Taiwan, Taiwan, Taiwan."), p("Taiwan and oil."), p("oil, a pipeline")]
    assert tag_ranked(blocks, None, TAXONOMY)[2] == ("taiwan", "energy")  # more mentions


def test_entity_quotes_point_at_the_first_sentences_that_name_each_entity() -> None:
    blocks = [p("Xi  met EU leaders. Rain fell.\nXi left."), p("The EU and Xi. Xi again. Xi!")]
    *_, quotes = tag_ranked(blocks, "Xi in Brussels", TAXONOMY)
    # offsets into the text as shown (whitespace runs made one space), mentions after them;
    # the title has no anchor, so it is never quoted; three sentences at most
    assert quotes["xi-jinping"] == ("0 0 18 0 2", "0 30 38 30 32", "1 0 14 11 13")
    assert quotes["eu"] == ("0 0 18 7 9", "1 0 14 4 6")
    text = " ".join(blocks[0].text.split())
    assert text[0:18] == "Xi met EU leaders." and text[30:38] == "Xi left."


def test_unknown_extra_topic_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="'nope'"):
        tag([p("x")], None, TAXONOMY, ["nope"])


def test_entities_most_mentioned_first_then_by_slug() -> None:
    blocks = [p("China and the EU."), p("Xi, Xi Jinping and Chinese President Xi Jinping.")]
    assert tag(blocks, "EU and China", TAXONOMY)[1] == (
        ("xi-jinping", 3), ("china", 2), ("eu", 2)
    )


def test_nothing_found() -> None:
    assert tag([], None, TAXONOMY) == ((), ())


# --- the seed captures --------------------------------------------------------------------

#: capture, headline, first and last body paragraph (by their opening words)
SEEDS = {
    "000_b54ce457970aa6fa.txt": ("Xi and Putin talk about peace, but prepare for war",
                                 "Most of the US", "As for the full scope"),
    "001_1c7ae67a5600cd0f.txt": ("Xi Jinping-Putin summit a bold show of unity",
                                 "At a high-stakes", "The Xi Jinping-Putin meeting in Beijing"),
    "002_98ffcff286fe7b4b.txt": ("Xi Jinping Visits Putin: What It Means For The World?",
                                 "To establish closer", "According to Ukraine’s military"),
    "003_db78d442dcd96b00.txt": ("Putin seeks closer military ties with Xi in year-end video call",
                                 "“The intensive", "The situation with energy"),
    "004_bd47e933c52d98c4.txt": ("Allies, Pals or Foes? Putin's Russia and Xi's China's "
                                 "Relationship Explored",
                                 "Chinese troops will", "The Russian and Chinese Foreign"),
}

#: subheadings of seed 003 (short lines between its paragraphs)
SUBHEADS = {"Xi sees bumpy road to peace talks", "Ukraine: Heavy attacks on infrastructure",
            "USA as one of the opponents", "China increasingly important economic partner"}


def seed_blocks(name: str) -> tuple[str, list[Block]]:
    """The article's body as the cleaner should find it: the prose between two paragraphs."""
    title, first, last = SEEDS[name]
    blocks: list[Block] = []
    lines = (CAPTURES / name).read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate(lines, 1):
        text = raw.strip()
        if text.startswith(first) or blocks:
            if text and not text.startswith(("http", "Also Read")):
                subhead = text in SUBHEADS
                blocks.append(Block("subhead" if subhead else "paragraph", text, number))
            if text.startswith(last):
                break
    return title, blocks


EXPECTED_TOPICS = {
    "000_b54ce457970aa6fa.txt": ("ukraine-war", "taiwan", "military-cooperation",
                                 "united-states", "summits-diplomacy"),
    "001_1c7ae67a5600cd0f.txt": ("ukraine-war", "military-cooperation", "energy",
                                 "united-states", "summits-diplomacy", "world-order",
                                 "middle-east"),
    "002_98ffcff286fe7b4b.txt": ("ukraine-war", "trade-and-sanctions", "energy",
                                 "united-states", "summits-diplomacy", "international-law"),
    "003_db78d442dcd96b00.txt": ("ukraine-war", "military-cooperation", "trade-and-sanctions",
                                 "energy", "united-states", "summits-diplomacy"),
    "004_bd47e933c52d98c4.txt": ("ukraine-war", "taiwan", "military-cooperation",
                                 "trade-and-sanctions", "united-states", "summits-diplomacy",
                                 "technology-space"),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_topics(name: str) -> None:
    taxonomy = load_taxonomy(CONTENT / "taxonomy.yaml")
    title, blocks = seed_blocks(name)
    topics, entities = tag(blocks, title, taxonomy)
    assert topics == EXPECTED_TOPICS[name]
    top = {slug for slug, _ in entities[:6]}
    assert {"xi-jinping", "vladimir-putin"} <= {slug for slug, _ in entities}
    assert {"china", "russia"} & top


def test_seed_entities_name_the_people_quoted() -> None:
    taxonomy = load_taxonomy(CONTENT / "taxonomy.yaml")
    found = {
        name: dict(tag(seed_blocks(name)[1], SEEDS[name][0], taxonomy)[1]) for name in SEEDS
    }
    assert {"alexander-novak", "avril-haines", "jeffrey-cruz", "xinhua", "sea-of-japan",
            "pentagon"} <= set(found["000_b54ce457970aa6fa.txt"])
    assert {"andrei-belousov", "sergei-shoigu", "gaza"} <= set(found["001_1c7ae67a5600cd0f.txt"])
    assert {"icc", "john-kirby", "joe-biden", "kremlin", "bakhmut", "eu"} <= set(
        found["002_98ffcff286fe7b4b.txt"])
    assert {"yun-sun", "stimson-center", "elina-ribakova", "gazprom", "kyiv"} <= set(
        found["003_db78d442dcd96b00.txt"])
    assert {"nancy-pelosi", "alexander-gabuev", "carnegie-endowment", "mark-green",
            "joe-biden", "taiwan"} <= set(found["004_bd47e933c52d98c4.txt"])
    # "Chinese President Xi Jinping" and "Xi" in 002 are one person, counted per mention
    assert found["002_98ffcff286fe7b4b.txt"]["xi-jinping"] == 9


# -- whole-word matching, as a property ------------------------------------------------------

_ALIASES = ["EU", "Xi", "oil and gas", "O'Brien", "#MeToo", "u.s.", "Kim Jong-un", "ß", "a"]
_PIECES = ["EU", "eu", "Xi", "xi", "oil", "gas", "and", "O'Brien", "O’Brien", "#MeToo", "u.s.",
           "U.S.", "Kim", "Jong-un", "ß", "a", "s", "es", " ", "  ", "\n", "-", "'", "_", "x",
           "9", "é", ".", "İ"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_ALIASES), st.lists(st.sampled_from(_PIECES), max_size=14))
def test_an_alias_matches_exactly_where_no_word_character_touches_it(
    alias: str, pieces: list[str]
) -> None:
    """The pattern checks the character before a match after the alias's first word (for speed);
    what it matches must be what "no word character on either side" says."""
    import re

    text = "".join(pieces)
    pattern = alias_pattern(alias)
    got = [m.span() for m in pattern.finditer(text)]
    # the reference: the same alias pattern, the check before the match made first
    body = pattern.pattern.replace(r"(?<!\w.)", "", 1)
    body = re.sub(r"\(\?<!\\w\.\{\d+\}\)", "", body, count=1)
    reference = re.compile(rf"(?<!\w){body}", pattern.flags)
    assert got == [m.span() for m in reference.finditer(text)]
    for start, end in got:
        assert start == 0 or not re.match(r"\w", text[start - 1])
        assert end == len(text) or not re.match(r"\w", text[end])
