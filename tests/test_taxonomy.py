"""taxonomy.yaml: the default file loads; every mistake comes back with its place and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import DigestError
from digest.taxonomy import Entity, Taxonomy, Topic, load_taxonomy, parse_taxonomy

from .conftest import CONTENT

DEFAULT = CONTENT / "taxonomy.yaml"

GOOD = """\
topics:
  - slug: energy
    name: Energy
    description: Gas and oil.
    aliases: [gas, oil]
  - slug: pipelines
    name: Pipelines
    description: Pipelines.
    aliases: [pipeline]
    parent: energy
entities:
  - slug: xi-jinping
    name: Xi Jinping
    kind: person
    aliases: [Xi, Xi Jinping]
    description: President of China.
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DigestError) as info:
        parse_taxonomy(text, "taxonomy.yaml")
    return [str(p) for p in info.value.problems]


def test_default_taxonomy_loads_with_the_required_topics_and_entities() -> None:
    taxonomy = load_taxonomy(DEFAULT)
    for slug in ("ukraine-war", "taiwan", "military-cooperation", "energy",
                 "trade-and-sanctions", "united-states", "summits-diplomacy", "north-korea",
                 "middle-east", "technology-space", "international-law"):
        assert taxonomy.has_topic(slug), slug
    for slug in ("xi-jinping", "vladimir-putin", "joe-biden", "nancy-pelosi", "sergei-shoigu",
                 "andrei-belousov", "alexander-novak", "avril-haines", "john-kirby",
                 "alexander-gabuev", "yun-sun", "elina-ribakova", "jeffrey-cruz", "mark-green",
                 "icc", "kremlin", "pentagon", "gazprom", "xinhua", "stimson-center",
                 "carnegie-endowment", "eu", "nato", "beijing", "moscow", "taiwan", "ukraine",
                 "kyiv", "bakhmut", "sea-of-japan"):
        assert taxonomy.has_entity(slug), slug
    assert "Chinese President Xi Jinping" in taxonomy.entity("xi-jinping").aliases


def test_parse_builds_records_and_lookups() -> None:
    taxonomy = parse_taxonomy(GOOD)
    assert taxonomy.topics[0] == Topic("energy", "Energy", "Gas and oil.", ("gas", "oil"), None)
    assert taxonomy.topic("pipelines").parent == "energy"
    assert taxonomy.children("energy") == (taxonomy.topic("pipelines"),)
    assert taxonomy.entity("xi-jinping") == Entity(
        "xi-jinping", "Xi Jinping", "person", ("Xi", "Xi Jinping"), "President of China."
    )
    assert taxonomy.topic_slugs == ("energy", "pipelines")
    assert taxonomy.entities_of_kind("place") == ()
    with pytest.raises(KeyError):
        taxonomy.topic("nope")
    assert isinstance(hash(taxonomy), int)  # usable as a cache key
    assert taxonomy == parse_taxonomy(GOOD)
    assert Taxonomy().topics == ()


def test_invalid_yaml_syntax_names_the_line() -> None:
    (msg,) = problems("topics:\n  - slug: a\n    name: [unclosed\nentities: []\n")
    assert msg.startswith("taxonomy.yaml:4: invalid YAML")
    assert "Fix:" in msg


def test_duplicate_key_is_refused() -> None:
    text = GOOD.replace("    name: Energy\n", "    name: Energy\n    name: Power\n")
    (msg,) = problems(text)
    assert "'name' appears twice" in msg and msg.startswith("taxonomy.yaml:4:")


def test_alias_bomb_is_refused_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    (msg,) = problems(bomb)
    assert "anchors and aliases" in msg


def test_all_problems_of_a_file_come_in_one_error() -> None:
    text = """\
topics:
  - slug: Energy Topic
    name: Energy
    description: Gas.
    aliases: [gas]
    colour: red
  - slug: trade
    name: 12
    description: Trade.
    aliases: gas
  - slug: trade
    name: Trade again
    description: Trade.
    parent: nowhere
  - slug: oil
    description: Oil.
    aliases: [Gas]
entities:
  - slug: xi
    name: Xi
    kind: deity
    aliases: [Xi]
    description: x
  - slug: xi-jinping
    name: Xi Jinping
    kind: person
    aliases: [Xi Jinping, Xi]
    description: President.
  - slug: nobody
    name: Nobody
    kind: person
    aliases: []
    description: Nobody.
"""
    msgs = problems(text)
    joined = "\n".join(msgs)
    expected = [
        "taxonomy.yaml:2 (topics[0].slug): slug 'Energy Topic' has characters",
        "taxonomy.yaml:6 (topics[0].colour): unknown key 'colour'",
        "taxonomy.yaml:8 (topics[1].name): 'name' must be non-empty text, found a number",
        "taxonomy.yaml:10 (topics[1].aliases): 'aliases' must be a list",
        "taxonomy.yaml:11 (topics[2].slug): slug 'trade' is already used by topics[1]",
        "taxonomy.yaml:14 (topics[2].parent): unknown parent 'nowhere'",
        "taxonomy.yaml:15 (topics[3]): required key 'name' is missing",
        "taxonomy.yaml:21 (entities[0].kind): unknown kind 'deity'",
        "taxonomy.yaml:27 (entities[1].aliases[1]): alias 'Xi' is also an alias of 'xi'",
        "taxonomy.yaml:32 (entities[2].aliases): an entity needs at least one alias",
    ]
    for fragment in expected:
        assert fragment in joined, fragment
    assert all(". Fix: " in m for m in msgs)


def test_alias_shared_by_two_topics_ignoring_case() -> None:
    text = GOOD.replace("aliases: [pipeline]", "aliases: [pipeline, Oil]")
    (msg,) = problems(text)
    assert "(topics[1].aliases[1]): alias 'Oil' is also an alias of 'energy'" in msg


def test_topic_keyword_may_equal_an_entity_alias() -> None:
    text = GOOD.replace("aliases: [gas, oil]", "aliases: [gas, oil, Xi]")
    assert parse_taxonomy(text).topic("energy").aliases == ("gas", "oil", "Xi")


def test_parent_cycle_is_refused() -> None:
    text = GOOD.replace("    aliases: [gas, oil]\n",
                        "    aliases: [gas, oil]\n    parent: pipelines\n")
    msgs = problems(text)
    assert any("a cycle" in m for m in msgs)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("- a\n- b\n", "expected a mapping with 'topics' and 'entities', found a list"),
        ("topics: []\n", "'entities' is missing"),
        ("topics: {}\nentities: []\n", "'topics' must be a list"),
        ("topics: [1]\nentities: []\n", "expected a mapping (slug, name, ...), found a number"),
        ("topics: []\nentities: []\nextra: 1\n", "unknown key 'extra'"),
    ],
)
def test_wrong_shapes(text: str, fragment: str) -> None:
    assert any(fragment in m for m in problems(text))


def test_a_file_of_comments_only_is_an_empty_taxonomy() -> None:
    # what `digest init` writes: a new digest has no topics yet, and builds
    taxonomy = parse_taxonomy("# topics: ...\n# entities: ...\n")
    assert taxonomy.topics == () and taxonomy.entities == ()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DigestError, match="missing"):
        load_taxonomy(tmp_path / "taxonomy.yaml")


def test_load_from_file_reports_file_path(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(GOOD.replace("parent: energy", "parent: gas"), encoding="utf-8")
    with pytest.raises(DigestError) as info:
        load_taxonomy(path)
    assert str(info.value).startswith(f"{path}:10 (topics[1].parent): unknown parent 'gas'")
    path.write_text(GOOD, encoding="utf-8")
    assert load_taxonomy(path) == parse_taxonomy(GOOD)


def test_people_sort_by_family_name_unless_the_editor_says_otherwise() -> None:
    def person(name: str, sort_as: str | None = None) -> Entity:
        return Entity("x", name, "person", (name,), "Someone.", sort_as)

    assert person("Joe Biden").sort_name == "biden joe"
    assert person("P. W. Singer").sort_name == "singer p. w."
    assert person("Martin Luther King Jr.").sort_name == "king martin luther"
    assert person("Xi Jinping", "Xi Jinping").sort_name == "xi jinping"
    assert person("Madonna").sort_name == "madonna"
    assert Entity("y", "The Kremlin", "organisation", ("Kremlin",), "-").sort_name == "the kremlin"
    parsed = parse_taxonomy(GOOD.replace("    description: President of China.",
                                         "    description: President of China.\n"
                                         "    sort_as: Xi Jinping"))
    assert parsed.entity("xi-jinping").sort_as == "Xi Jinping"
    assert any("'sort_as' must be non-empty text" in m for m in problems(
        GOOD.replace("    description: President of China.",
                     "    description: President of China.\n    sort_as: 3")))
