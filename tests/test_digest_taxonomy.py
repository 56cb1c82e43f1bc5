"""plugins/digest_taxonomy: topic and entity pages, related articles, the graph, topic feeds.

Pelican runs for real (tests/scenario.py) over four handwritten articles and a tiny taxonomy;
the pure core (web.py) is tested on its own, including a 10,000-article timing.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.errors import DigestError
from digest.linkcheck import check_site
from digest.model import Block
from digest.taxonomy import parse_taxonomy
from digest.topics import entity_mentions, entity_quotes
from plugins.digest_taxonomy.plugin import DEFAULTS, merge_settings
from plugins.digest_taxonomy.web import (
    Record,
    circle_graph,
    co_occurrence,
    passages_at,
    related_articles,
)

from .conftest import build_site, copy_content
from .scenario import (
    ARTICLES,
    HOSTILE_TITLE,
    TAXONOMY,
    article,
    build,
    links,
    run_pelican,
    section,
    text,
    write_scenario,
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("taxonomy"))


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


# --- pages exist where the settings say ------------------------------------------------------

def test_a_page_per_topic_and_entity_with_articles_and_two_indexes(out: Path) -> None:
    for topic in TAXONOMY["topics"]:
        # "quiet" has no article; "trade" has none itself, but its narrower "energy" has
        expected = topic["slug"] != "quiet"
        assert (out / "topics" / f"{topic['slug']}.html").is_file() == expected, topic["slug"]
    for entity in TAXONOMY["entities"]:
        assert (out / "entities" / f"{entity['slug']}.html").is_file()
    assert (out / "topics/index.html").is_file() and (out / "entities/index.html").is_file()


def test_menu_links_to_topics_entities_timeline(out: Path) -> None:
    nav = read(out, "index.html").split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert [t for _, t in links(nav)] == ["Latest", "Topics", "People & places", "Timeline",
                                          "Archive", "About"]
    topics_nav = read(out, "topics/index.html").split('<nav class="site-nav"')[1]
    assert 'href="../topics/index.html" aria-current="page"' in topics_nav


# --- topic page: description, articles newest first, related topics, entities ----------------

def test_topic_page_lists_its_articles_newest_first(out: Path) -> None:
    html = read(out, "topics/war.html")
    assert "Fighting and talks." in html
    cards = [h for h, _ in links(section(html, "topic-articles"))]
    assert cards == ["../articles/b-war-talks.html", "../articles/a-war-and-gas.html"]
    assert "Summary of b-war-talks." in html


def test_topic_page_has_related_topics_and_top_entities_with_counts(out: Path) -> None:
    html = read(out, "topics/war.html")
    related = text(section(html, "topic-related"))
    assert "Energy 1 shared article" in related and "Diplomacy 1 shared article" in related
    entities = text(section(html, "topic-entities"))
    # putin 3 + 2, xi 1 + 2, kremlin 1: most mentioned first
    assert entities.index("Vladimir Putin 5 mentions") < entities.index("Xi Jinping 3 mentions")
    assert "The Kremlin 1 mention" in entities


def test_parent_and_child_topics_link_each_other(out: Path) -> None:
    assert ("../topics/trade.html", "Trade") in links(read(out, "topics/energy.html"))
    assert ("../topics/energy.html", "Energy") in links(section(read(out, "topics/trade.html"),
                                                                "topic-children"))


def test_a_topic_without_articles_is_nowhere(out: Path) -> None:
    assert not (out / "topics/quiet.html").exists()
    for page in ("topics/index.html", "index.html", "topics/war.html"):
        assert "A quiet topic" not in read(out, page) and "quiet.html" not in read(out, page)


def test_an_entity_without_articles_is_nowhere(tmp_path: Path) -> None:
    taxonomy = {**TAXONOMY, "entities": [*TAXONOMY["entities"], {
        "slug": "nobody", "name": "Nobody Atall", "kind": "person", "aliases": ["Nobody"],
        "description": "Never mentioned."}]}
    out = build(tmp_path, taxonomy=taxonomy)
    assert not (out / "entities/nobody.html").exists()
    assert "Nobody Atall" not in read(out, "entities/index.html")


def test_taxonomy_text_is_escaped(out: Path) -> None:
    html = read(out, "topics/energy.html")
    assert "Gas &amp; oil &lt;pipelines&gt;." in html and "<pipelines>" not in html


# --- entity page -------------------------------------------------------------------------------

def test_entity_page_cross_links_topics_and_entities_with_counts(out: Path) -> None:
    html = read(out, "entities/putin.html")
    assert "6 mentions in 3 articles" in text(html)
    topics = text(section(html, "entity-topics"))
    assert "The war 2 articles" in topics and "Energy 2 articles" in topics
    alongside = text(section(html, "entity-related"))
    assert "Xi Jinping 2 shared articles" in alongside and "Gazprom 1 shared article" in alongside
    cards = [h for h, _ in links(section(html, "entity-articles"))]
    assert cards == ["../articles/c-gas-deal.html", "../articles/b-war-talks.html",
                     "../articles/a-war-and-gas.html"]


def test_entity_page_quotes_the_sentences_that_mention_it(tmp_path: Path) -> None:
    body = ["Nothing here. Putin spoke in Moscow on Monday. The weather was fine.",
            "Later, the Kremlin said that Putin & Xi agreed. Nobody else did."]
    # where the sentences are, as the content stage finds them (digest.topics)
    taxonomy = parse_taxonomy(yaml.safe_dump(TAXONOMY))
    blocks = [Block("paragraph", text, i) for i, text in enumerate(body)]
    quotes = entity_quotes(blocks, entity_mentions(body, taxonomy))
    assert quotes["putin"] == ("0 14 46 14 19", "1 0 47 29 34")
    articles = [*ARTICLES[:3], {**ARTICLES[3], "_body": body,
                                "entities": ["putin", "xi", "moscow", "kremlin"],
                                "entity_mentions": {"xi": 1, "moscow": 1, "putin": 2,
                                                    "kremlin": 1},
                                "entity_quotes": {k: list(v) for k, v in quotes.items()}}]
    out = build(tmp_path, articles)
    html = read(out, "entities/putin.html")
    quoted = links(section(html, "entity-articles"))
    # each sentence that names Putin, whole, linked to its paragraph's anchor
    assert ("../articles/d-summit.html#b0", "Putin spoke in Moscow on Monday.") in quoted
    assert ("../articles/d-summit.html#b1",
            "Later, the Kremlin said that Putin & Xi agreed.") in quoted
    assert "<mark>Putin</mark>" in html and "Nothing here." not in html
    assert "The weather was fine." not in html and "</mark> &amp; Xi agreed." in html
    # the anchors exist on the article page
    article_html = read(out, "articles/d-summit.html")
    assert 'id="b0"' in article_html and 'id="b1"' in article_html


def test_a_quote_that_does_not_fit_the_text_is_left_out() -> None:
    blocks = {"b0": "Putin spoke. Then rain."}
    good = passages_at(blocks, ["0 0 12 0 5"], 3)
    assert [p.pieces for p in good] == [(("Putin", True), (" spoke.", False))]
    assert passages_at(blocks, ["0 0 99 0 5", "1 0 3", "x", "0 13 23 0 5"], 3) == ()


def test_entities_index_groups_by_kind_people_by_family_name(tmp_path: Path) -> None:
    people = [("ab", "Anna Zeller", None), ("bc", "Wang Yi", "Wang Yi"),
              ("cd", "Boris Young", None), ("de", "Zed Adams Jr.", None)]
    taxonomy = {**TAXONOMY, "entities": [*TAXONOMY["entities"], *[
        {"slug": slug, "name": name, "kind": "person", "aliases": [name],
         "description": "Someone.", **({"sort_as": key} if key else {})}
        for slug, name, key in people]]}
    mentions = {slug: 1 for slug, _, _ in people}
    articles = [*ARTICLES[:3], {**ARTICLES[3], "entities": [*ARTICLES[3]["entities"],
                                                            *mentions],
                                "entity_mentions": {**ARTICLES[3]["entity_mentions"],
                                                    **mentions}}]
    html = read(build(tmp_path, articles, taxonomy), "entities/index.html")
    plain = text(html)
    assert plain.index("People") < plain.index("Organisations") < plain.index("Places")
    listed = [name for _, name in links(section(html, "kind-person"))]
    # the scenario's Xi Jinping has no sort_as: sorted as "Jinping", the last word
    assert listed == ["Zed Adams Jr.", "Xi Jinping", "Vladimir Putin", "Wang Yi",
                      "Boris Young", "Anna Zeller"]
    assert 'class="entity-columns"' in html
    assert re.search(r'>Gazprom</a>&nbsp;<span class="count">1<span class="visually-hidden">'
                     r' article</span>', html)


# --- article page: terms, related articles, neighbours, head --------------------------------

def test_article_links_its_topics_and_entities(out: Path) -> None:
    html = read(out, "articles/b-war-talks.html")
    found = links(section(html, "article-terms-title"))
    for href, name in [("../topics/war.html", "The war"), ("../topics/diplomacy.html",
                       "Diplomacy"), ("../entities/putin.html", "Vladimir Putin , mentions: 2"),
                       ("../entities/kremlin.html", "The Kremlin , mentions: 1")]:
        assert (href, name) in found
    # people, organisations, places: each kind its own group
    assert text(section(html, "article-terms-title")).index("People") < text(
        section(html, "article-terms-title")).index("Organisations")


def test_related_articles_share_terms_in_a_stable_order(out: Path) -> None:
    html = read(out, "articles/a-war-and-gas.html")
    related = [h for h, _ in links(section(html, "related-title"))]
    # Putin and Xi are in three of the four articles: common, no reason to read on. b shares
    # the war, c energy; d shares only Xi, so it is not related
    assert related == ["../articles/b-war-talks.html", "../articles/c-gas-deal.html"]
    why = text(section(html, "related-title"))
    assert "Shares: The war" in why and "Shares: Energy" in why and "Putin" not in why


def test_previous_and_next_come_from_pelican_neighbors(out: Path) -> None:
    html = read(out, "articles/b-war-talks.html")
    assert 'href="../articles/a-war-and-gas.html" rel="prev"' in html
    assert 'href="../articles/c-gas-deal.html" rel="next"' in html
    oldest = read(out, "articles/a-war-and-gas.html")
    assert 'rel="prev"' not in oldest and 'rel="next"' in oldest


def _json_ld(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_json_ld_is_a_news_article_and_cannot_close_its_script(out: Path) -> None:
    html = read(out, "articles/c-gas-deal.html")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert script and "<" not in script.group(1) and "&" not in script.group(1)
    data = _json_ld(html)
    assert data["@type"] == "NewsArticle" and data["headline"] == HOSTILE_TITLE
    assert data["author"] == [{"@type": "Person", "name": "A. Writer"}]
    assert data["about"] == ["Energy"]
    assert {"@type": "Organization", "name": "Gazprom"} in data["mentions"]
    assert "url" not in data  # no absolute address without SITEURL
    assert 'rel="canonical"' not in html
    assert '<meta property="og:type" content="article">' in html
    # the hostile title is text everywhere else too
    assert "<script>alert" not in html


# --- topics index and graph -----------------------------------------------------------------

def test_graph_links_every_topic_and_is_labelled(out: Path) -> None:
    html = read(out, "topics/index.html")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'aria-labelledby="graph-title graph-desc"' in svg and "<title id=" in svg
    hrefs = [h for h, _ in links(svg)]
    # every topic with articles (the quiet one has none), and trade for its narrower energy
    assert hrefs == [f"../topics/{t['slug']}.html" for t in TAXONOMY["topics"]
                     if t["slug"] != "quiet"]
    assert "<script" not in svg
    # war-energy, war-diplomacy: one shared article each, the most any two topics share
    assert svg.count("<line ") == 2
    assert "a line joins two topics that at least 1 article share" in text(html)


def test_graph_layout_is_deterministic_and_weighted() -> None:
    pairs = co_occurrence([["a", "b"], ["a", "b", "c"], ["c"]])
    assert pairs == {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}
    sizes = {"a": 9, "b": 4, "c": 1}
    graph = circle_graph(["a", "b", "c"], pairs, sizes)
    assert graph == circle_graph(["a", "b", "c"], dict(reversed(list(pairs.items()))), sizes)
    assert graph.nodes[0].x == graph.width / 2 and graph.nodes[0].y < graph.height / 2
    # a link needs two shared articles: a-b is drawn, the two single ones are not
    assert [(e.a, e.b) for e in graph.edges] == [("a", "b")] and graph.hidden == 2
    assert graph.min_shared == 2
    radius = [n.r for n in graph.nodes]
    assert radius[0] > radius[1] > radius[2]  # sized by articles


def test_graph_draws_at_most_two_edges_per_topic_strongest_first() -> None:
    keys = [f"t{i}" for i in range(6)]
    pairs = {(a, b): 2 + (i * 7 + j) % 5 for i, a in enumerate(keys)
             for j, b in enumerate(keys) if a < b}
    graph = circle_graph(keys, pairs)
    assert 0 < len(graph.edges) <= 12 and graph.hidden == len(pairs) - len(graph.edges)
    counts = [e.count for e in graph.edges]
    assert counts == sorted(counts, reverse=True) and min(counts) >= graph.min_shared
    assert all(n < graph.min_shared for n in pairs.values() if n not in counts)


# --- related articles: the core --------------------------------------------------------------

def test_related_articles_ignore_input_order() -> None:
    records = [Record("a", 1, ("x", "y")), Record("b", 2, ("x",)), Record("c", 3, ("y", "x")),
               Record("d", 4, ("z",))]
    first = related_articles(records, 5)
    shuffled = list(records)
    random.Random(1).shuffle(shuffled)
    assert related_articles(shuffled, 5) == first
    # x is in three of four articles: common, it relates nothing; y is shared by a and c
    assert [r.key for r in first["a"]] == ["c"] and first["a"][0].shared == ("y",)
    assert first["b"] == () and first["d"] == ()


def test_rare_terms_weigh_more_than_common_ones() -> None:
    records = [Record(str(i), i, ("common",)) for i in range(10)]
    records += [Record("p", 20, ("common", "rare")), Record("q", 0, ("common", "rare"))]
    assert related_articles(records, 1)["p"][0].key == "q"  # far in time, but shares "rare"


def test_related_articles_at_ten_thousand_articles() -> None:
    # How long this takes is make bench's business (no timed unit tests); here: a full answer.
    rng = random.Random(7)
    topics = [f"t:{i}" for i in range(40)]
    entities = [f"e:{i}" for i in range(800)]
    records = [
        Record(f"article-{i}", float(i),
               ("t:main", *rng.sample(topics, 3), *rng.sample(entities, 12)))
        for i in range(10_000)
    ]
    related = related_articles(records, 5)
    assert len(related) == 10_000
    assert all(len(r) == 5 for r in related.values())


# --- feeds, settings, errors ------------------------------------------------------------------

def test_no_topic_feeds_without_siteurl(out: Path) -> None:
    assert not (out / "feeds").exists()
    assert "application/atom+xml" not in read(out, "topics/war.html")


def test_topic_feeds_and_absolute_head_with_siteurl(tmp_path: Path) -> None:
    site = "https://example.org/digest"
    out = build(tmp_path, siteurl=site)
    feed = read(out, "feeds/topics/war.atom.xml")
    assert "b-war-talks.html" in feed and "c-gas-deal.html" not in feed
    assert (out / "feeds/all.atom.xml").is_file()
    topic = read(out, "topics/war.html")
    assert f'href="{site}/feeds/topics/war.atom.xml"' in topic
    page = read(out, "articles/b-war-talks.html")
    assert f'<link rel="canonical" href="{site}/articles/b-war-talks.html">' in page
    assert _json_ld(page)["url"] == f"{site}/articles/b-war-talks.html"
    sitemap = read(out, "sitemap.xml")
    assert f"<loc>{site}/topics/war.html</loc>" in sitemap
    assert f"<loc>{site}/timeline.html</loc>" in sitemap and "404.html" not in sitemap


def test_sitemap_is_reproducible(out: Path, tmp_path: Path) -> None:
    again = build(tmp_path)
    assert read(out, "sitemap.xml") == read(again, "sitemap.xml")
    assert "<lastmod>2024-05-16T00:00:00" in read(out, "sitemap.xml")


def test_an_unknown_topic_fails_the_build_with_a_fix(tmp_path: Path) -> None:
    stray = article("e-stray", "2024-01-01", ["no-such-topic"], {"nobody": 1})
    content = write_scenario(tmp_path, [*ARTICLES, stray])
    result = run_pelican(content, tmp_path / "output")
    assert result.returncode != 0
    message = " ".join((result.stdout + result.stderr).split())
    assert "e-stray.md" in message and "'no-such-topic'" in message and "'nobody'" in message
    assert "Fix:" in message


def test_settings_are_merged_once_and_validated() -> None:
    settings: dict[str, Any] = {"PATH": "/content", "TOPIC_URL": "topics/{slug}/"}
    merge_settings(settings)
    assert settings["TOPIC_URL"] == "topics/{slug}/"  # the user's value wins
    assert settings["ENTITY_SAVE_AS"] == DEFAULTS["ENTITY_SAVE_AS"]
    assert settings["DIGEST_TAXONOMY"] == "/content/taxonomy.yaml"
    bad = {"PATH": "/c", "TOPIC_URL": "topics/x.html", "DIGEST_RELATED_COUNT": -1,
           "TOPICS_SAVE_AS": "/abs.html"}
    with pytest.raises(DigestError) as error:
        merge_settings(bad)
    message = str(error.value)
    assert "pelican.conf.py:TOPIC_URL: must be text containing '{slug}'" in message
    assert "DIGEST_RELATED_COUNT" in message and "TOPICS_SAVE_AS" in message
    assert message.count("Fix:") == 3


# --- the default digest: the web is complete --------------------------------------------------

def test_every_default_article_links_topics_entities_and_a_related_article(site: Path) -> None:
    pages = sorted((site / "articles").glob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        hrefs = [h for h, _ in links(html)]
        assert any(h.startswith("../topics/") for h in hrefs), page.name
        assert any(h.startswith("../entities/") for h in hrefs), page.name
        assert links(section(html, "related-title")), page.name
        assert _json_ld(html)["@type"] == "NewsArticle"


def test_default_topic_and_entity_pages_cross_link_with_counts(site: Path) -> None:
    busiest = max((site / "topics").glob("*.html"),
                  key=lambda p: p.read_text(encoding="utf-8").count('class="card"'))
    html = busiest.read_text(encoding="utf-8")
    assert re.search(r'href="\.\./topics/[^"]+">[^<]+</a> <span class="count">\d+ shared',
                     section(html, "topic-related"))
    assert re.search(r'href="\.\./entities/[^"]+">[^<]+</a> <span class="count">\d+ mention',
                     section(html, "topic-entities"))
    xi = (site / "entities/xi-jinping.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./topics/[^"]+">[^<]+</a> <span class="count">\d+ article',
                     section(xi, "entity-topics"))


def test_default_graph_links_every_topic(site: Path) -> None:
    html = (site / "topics/index.html").read_text(encoding="utf-8")
    svg = html[html.index("<svg") : html.index("</svg>")]
    topic_pages = {p.name for p in (site / "topics").glob("*.html")} - {"index.html"}
    assert {h.removeprefix("../topics/") for h, _ in links(svg)} == topic_pages
    assert "<line " in svg


def test_default_timeline_spans_2022_to_2024_with_events(site: Path) -> None:
    html = (site / "timeline.html").read_text(encoding="utf-8")
    years = set(re.findall(r'<h2 id="y(\d{4})">', html))
    assert {"2022", "2023", "2024"} <= years
    assert html.count("timeline__item--article") == len(list((site / "articles").glob("*.html")))
    events = re.findall(r'timeline__item--event">\s*<time datetime="(\d{4})', html)
    assert {"2022", "2024"} <= set(events)


@pytest.mark.slow
def test_default_digest_published_has_feeds_and_absolute_sitemap(tmp_path: Path) -> None:
    site_url = "https://example.org/digest"
    content = copy_content(tmp_path / "content")
    result = build_site(content, tmp_path / "output", site_url)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "output"
    assert "<entry>" in read(out, "feeds/all.atom.xml")
    topic_feeds = sorted((out / "feeds/topics").glob("*.atom.xml"))
    assert topic_feeds and all("<feed" in p.read_text(encoding="utf-8") for p in topic_feeds)
    sitemap = read(out, "sitemap.xml")
    assert f"<loc>{site_url}/topics/</loc>" in sitemap  # pelican-sitemap drops index.html
    assert f"<loc>{site_url}/entities/xi-jinping.html</loc>" in sitemap
    assert "<loc>/" not in sitemap
    assert check_site(out, site_url).ok
