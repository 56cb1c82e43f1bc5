"""Topic and entity pages, related articles and the topic graph: one Pelican generator.

The editor's ``taxonomy.yaml`` (read by ``digest.taxonomy.load_taxonomy``) says what topics and
entities exist; each article's header says which it carries (``topics``, ``entities``,
``entity_mentions``, written by the pipeline). This generator:

1. in ``generate_context`` (after Pelican read the articles, before any page is written): wraps
   every topic and entity in a ``URLWrapper`` subclass, links articles and terms both ways,
   counts co-occurrences and entity mentions, picks related articles, lays out the graph;
2. in ``generate_output``: writes a page per topic and per entity, the two indexes and, when
   the site has an absolute address, an Atom feed per topic.

Article pages are written by Pelican's own generator afterwards-in-time of step 1, so the
attributes set on articles here (``topic_terms``, ``entity_terms``, ``related_articles``) are
there when ``article.html`` renders.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from digest.errors import DigestError, Problem
from digest.taxonomy import Taxonomy, load_taxonomy

from .web import (
    Passage,
    Record,
    blocks_of,
    circle_graph,
    co_occurrence,
    neighbours,
    passages_at,
    related_articles,
)

logger = logging.getLogger(__name__)

SETTINGS_FILE = "pelican.conf.py"

#: Every setting this plugin reads, with its default; merged once, at start-up.
DEFAULTS: dict[str, Any] = {
    "TOPIC_URL": "topics/{slug}.html",
    "TOPIC_SAVE_AS": "topics/{slug}.html",
    "TOPICS_URL": "topics/index.html",
    "TOPICS_SAVE_AS": "topics/index.html",
    "ENTITY_URL": "entities/{slug}.html",
    "ENTITY_SAVE_AS": "entities/{slug}.html",
    "ENTITIES_URL": "entities/index.html",
    "ENTITIES_SAVE_AS": "entities/index.html",
    # None: PATH/taxonomy.yaml, resolved once PATH is known
    "DIGEST_TAXONOMY": None,
    # Atom feed per topic; written only when FEED_DOMAIN is set (a feed needs absolute links)
    "TOPIC_FEED_ATOM": "feeds/topics/{slug}.atom.xml",
    "DIGEST_RELATED_COUNT": 5,
    "DIGEST_RELATED_WINDOW": 25,
    "DIGEST_TOP_ENTITIES": 10,  # most mentioned per topic, and co-mentioned per entity
    # an entity page quotes the sentences that mention it in its newest articles
    "DIGEST_PASSAGE_ARTICLES": 20,
    "DIGEST_PASSAGES_PER_ARTICLE": 3,
    "DIGEST_GRAPH_TOPICS": 16,  # topics drawn on the graph: the most articles first
}

_PATTERNS = ("TOPIC_URL", "TOPIC_SAVE_AS", "ENTITY_URL", "ENTITY_SAVE_AS")
_PATHS = ("TOPICS_URL", "TOPICS_SAVE_AS", "ENTITIES_URL", "ENTITIES_SAVE_AS")
_COUNTS = ("DIGEST_RELATED_COUNT", "DIGEST_RELATED_WINDOW", "DIGEST_TOP_ENTITIES",
           "DIGEST_PASSAGE_ARTICLES", "DIGEST_PASSAGES_PER_ARTICLE", "DIGEST_GRAPH_TOPICS")


def merge_settings(settings: dict[str, Any]) -> None:
    """Add the defaults the user did not set, then check every value; raise one DigestError."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if not settings["DIGEST_TAXONOMY"]:
        settings["DIGEST_TAXONOMY"] = str(Path(settings["PATH"]) / "taxonomy.yaml")
    problems = validate_settings(settings)
    if problems:
        raise DigestError(problems)


def validate_settings(settings: dict[str, Any]) -> list[Problem]:
    """The problems with this plugin's settings, said so that they can be fixed."""
    problems: list[Problem] = []

    def bad(key: str, what: str, fix: str) -> None:
        problems.append(Problem(SETTINGS_FILE, key, what, fix))

    for key in _PATTERNS:
        value = settings[key]
        if not isinstance(value, str) or "{slug}" not in value:
            bad(key, f"must be text containing '{{slug}}', found {value!r}",
                f"write e.g. {key} = {DEFAULTS[key]!r}")
    for key in _PATHS:
        value = settings[key]
        if not isinstance(value, str) or not value or value.startswith("/"):
            bad(key, f"must be a relative path inside the site, found {value!r}",
                f"write e.g. {key} = {DEFAULTS[key]!r}")
    feed = settings["TOPIC_FEED_ATOM"]
    if feed is not None and (not isinstance(feed, str) or "{slug}" not in feed):
        bad("TOPIC_FEED_ATOM", f"must be None or text containing '{{slug}}', found {feed!r}",
            f"write e.g. TOPIC_FEED_ATOM = {DEFAULTS['TOPIC_FEED_ATOM']!r}, or None for no feeds")
    for key in _COUNTS:
        value = settings[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            bad(key, f"must be a whole number of 0 or more, found {value!r}",
                f"write e.g. {key} = {DEFAULTS[key]!r}")
    taxonomy = settings["DIGEST_TAXONOMY"]
    if not isinstance(taxonomy, (str, Path)):
        bad("DIGEST_TAXONOMY", f"must be a file path, found {taxonomy!r}",
            "write the path of taxonomy.yaml, or leave it out for PATH/taxonomy.yaml")
    return problems


class Topic(URLWrapper):
    """A topic of taxonomy.yaml; URL and file name from TOPIC_URL / TOPIC_SAVE_AS."""

    def __init__(self, name: str, slug: str, settings: dict[str, Any], description: str) -> None:
        super().__init__(name, settings)
        self.slug = slug  # the editor's slug, never re-slugified from the name
        self.description = description
        self.articles: list[Any] = []
        self.parent: Topic | None = None
        self.children: list[Topic] = []
        self.related: list[tuple[Topic, int]] = []  # co-occurring topics, article counts
        self.top_entities: list[tuple[Entity, int]] = []  # most mentioned, mention counts
        self.feed_url: str | None = None


class Entity(URLWrapper):
    """A person, organisation or place of taxonomy.yaml; URL from ENTITY_URL / ENTITY_SAVE_AS."""

    def __init__(
        self, name: str, slug: str, settings: dict[str, Any], description: str, kind: str
    ) -> None:
        super().__init__(name, settings)
        self.slug = slug
        self.description = description
        self.kind = kind
        self.articles: list[Any] = []
        self.mentions = 0
        self.topics: list[tuple[Topic, int]] = []  # its topics, article counts
        self.related: list[tuple[Entity, int]] = []  # entities in the same articles
        self.sort_name = name
        # (article, the sentences of it that mention this entity), for its newest articles
        self.passages: list[tuple[Any, tuple[Passage, ...]]] = []


def _slugs(article: Any, field: str, problems: list[Problem]) -> list[str]:
    value = getattr(article, field, None) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(article.source_path, field, f"'{field}' must be a list of "
                                "slugs", "regenerate the article with `digest content`"))
        return []
    return list(dict.fromkeys(value))


class TaxonomyGenerator(Generator):
    """Builds the web of stories in generate_context, writes its pages in generate_output."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.taxonomy: Taxonomy = load_taxonomy(Path(self.settings["DIGEST_TAXONOMY"]))
        self.topics: list[Topic] = []
        self.entities: list[Entity] = []

    def generate_context(self) -> None:
        settings = self.settings
        self.topics = [Topic(t.name, t.slug, settings, t.description)
                       for t in self.taxonomy.topics]
        self.entities = [Entity(e.name, e.slug, settings, e.description, e.kind)
                         for e in self.taxonomy.entities]
        for entity, source_entity in zip(self.entities, self.taxonomy.entities, strict=True):
            entity.sort_name = source_entity.sort_name
        topic_by = {t.slug: t for t in self.topics}
        entity_by = {e.slug: e for e in self.entities}
        for topic, source in zip(self.topics, self.taxonomy.topics, strict=True):
            if source.parent:
                topic.parent = topic_by[source.parent]
                topic.parent.children.append(topic)
        if settings.get("FEED_DOMAIN") and settings["TOPIC_FEED_ATOM"]:
            for topic in self.topics:
                topic.feed_url = settings["TOPIC_FEED_ATOM"].format(slug=topic.slug)

        # 1. articles <-> terms; an unknown slug means the articles are older than the taxonomy
        articles = list(self.context.get("articles", []))
        freeze_urls(articles)
        problems: list[Problem] = []
        mentions: dict[str, Counter[str]] = {t.slug: Counter() for t in self.topics}
        for article in articles:
            topic_slugs = _slugs(article, "topics", problems)
            entity_slugs = _slugs(article, "entities", problems)
            for field, slugs, known in (("topics", topic_slugs, topic_by),
                                        ("entities", entity_slugs, entity_by)):
                for slug in slugs:
                    if slug not in known:
                        problems.append(Problem(
                            article.source_path, field,
                            f"{slug!r} is not in {settings['DIGEST_TAXONOMY']}",
                            "run `digest content` again, or add it to taxonomy.yaml"))
            counts = getattr(article, "entity_mentions", None) or {}
            article.topic_terms = [topic_by[s] for s in topic_slugs if s in topic_by]
            # most mentioned first: the people an article is about before those it names once
            article.entity_terms = sorted(
                (entity_by[s] for s in entity_slugs if s in entity_by),
                key=lambda e: (-int(counts.get(e.slug, 1)), e.name),
            )
            for topic in article.topic_terms:
                topic.articles.append(article)
                for entity in article.entity_terms:
                    mentions[topic.slug][entity.slug] += int(counts.get(entity.slug, 1))
            for entity in article.entity_terms:
                entity.articles.append(article)
                entity.mentions += int(counts.get(entity.slug, 1))
        if problems:
            raise DigestError(problems)
        for article in articles:
            # the original's address is shown as a link: only a web address may be one (a
            # saved page's metadata could say "javascript:...")
            if not _web_address(getattr(article, "source_url", None)):
                article.source_url = None
            # the outlets of the other captures of the same article (dedupe credits them as
            # "file (Outlet)"): readers see the outlets, never the editor's file names
            article.also_outlets = sorted({m.group(1) for m in (
                _CREDIT.search(str(c)) for c in getattr(article, "also_from", None) or [])
                if m})
            lead = [topic_by[s] for s in getattr(article, "lead_topics", None) or []
                    if s in topic_by and topic_by[s] in article.topic_terms]
            article.lead_topic_terms = lead or article.topic_terms[:3]
        # no page for a term without articles: drop it from every listing and the graph (a
        # broader topic stays while one of its narrower topics has articles: its page lists them)
        published = {id(t) for t in self.topics if t.articles}
        for topic in self.topics:
            parent = topic.parent
            while id(topic) in published and parent is not None:
                published.add(id(parent))
                parent = parent.parent
        self.topics = [t for t in self.topics if id(t) in published]
        self.entities = [e for e in self.entities if e.articles]
        for topic in self.topics:
            topic.children = [c for c in topic.children if id(c) in published]
            if topic.parent is not None and id(topic.parent) not in published:
                topic.parent = None
        topic_by = {t.slug: t for t in self.topics}
        entity_by = {e.slug: e for e in self.entities}

        # 2. counts between terms
        topic_pairs = co_occurrence([t.slug for t in a.topic_terms] for a in articles)
        entity_pairs = co_occurrence([e.slug for e in a.entity_terms] for a in articles)
        topic_near, entity_near = neighbours(topic_pairs), neighbours(entity_pairs)
        top = settings["DIGEST_TOP_ENTITIES"]
        for topic in self.topics:
            topic.articles.sort(key=_newest_first)
            topic.related = [(topic_by[s], n) for s, n in topic_near.get(topic.slug, [])]
            ranked = sorted(mentions[topic.slug].items(), key=lambda item: (-item[1], item[0]))
            topic.top_entities = [(entity_by[s], n) for s, n in ranked[:top]]
        for entity in self.entities:
            entity.articles.sort(key=_newest_first)
            per_topic = Counter(t.slug for a in entity.articles for t in a.topic_terms)
            entity.topics = [(topic_by[s], n) for s, n in
                             sorted(per_topic.items(), key=lambda item: (-item[1], item[0]))]
            entity.related = [(entity_by[s], n) for s, n in entity_near.get(entity.slug, [])[:top]]

        # 3. related articles, through an inverted index (see web.py)
        by_key = {a.source_path: a for a in articles}
        records = [
            Record(a.source_path, a.date.timestamp(),
                   tuple(f"t:{t.slug}" for t in a.topic_terms)
                   + tuple(f"e:{e.slug}" for e in a.entity_terms))
            for a in articles
        ]
        related = related_articles(records, settings["DIGEST_RELATED_COUNT"],
                                   settings["DIGEST_RELATED_WINDOW"])
        for article in articles:
            article.related_articles = [
                (by_key[r.key], _distinct_names([_term(t, topic_by, entity_by)
                                                 for t in r.shared]))
                for r in related[article.source_path]
            ]

        # 4. the sentences that mention each entity, in its newest articles
        self._quote_entities(settings["DIGEST_PASSAGE_ARTICLES"],
                             settings["DIGEST_PASSAGES_PER_ARTICLE"])

        # 5. what the templates see
        self.context["digest_topics"] = self.topics
        self.context["digest_entities"] = self.entities
        # the graph shows the topics with the most articles (labels of more would collide on
        # the circle), in taxonomy order; the topics index lists them all
        most = sorted(self.topics, key=lambda t: -len(t.articles))[:settings["DIGEST_GRAPH_TOPICS"]]
        drawn = {id(t) for t in most}
        self.context["topic_graph"] = circle_graph(
            [t.slug for t in self.topics if id(t) in drawn], topic_pairs,
            {t.slug: len(t.articles) for t in self.topics})
        self.context["topic_by_slug"] = topic_by

    def _quote_entities(self, articles_each: int, per_article: int) -> None:
        """Entity pages quote the sentences that mention the entity, for its newest few
        articles. Where they are comes from the article's header (``entity_quotes``, found by
        the tagger in the content stage, cached with it); the text from the article's own
        numbered paragraphs, read once per article."""
        if not articles_each or not per_article:
            return
        texts: dict[int, dict[str, str]] = {}
        for entity in self.entities:
            quoted = []
            for article in entity.articles[:articles_each]:
                raw = (getattr(article, "entity_quotes", None) or {}).get(entity.slug) or []
                if raw and id(article) not in texts:
                    texts[id(article)] = dict(blocks_of(article._content))
                quoted.append((article, passages_at(texts.get(id(article), {}), raw,
                                                    per_article)))
            entity.passages = quoted

    def generate_output(self, writer: Any) -> None:
        relative = self.settings["RELATIVE_URLS"]
        for kind, items, template in (("topic", self.topics, "topic"),
                                      ("entity", self.entities, "entity")):
            for item in items:
                writer.write_file(item.save_as, self.get_template(template), self.context,
                                  relative_urls=relative, url=item.url, **{kind: item})
        for key, template in (("TOPICS_SAVE_AS", "topics"), ("ENTITIES_SAVE_AS", "entities")):
            writer.write_file(self.settings[key], self.get_template(template), self.context,
                              relative_urls=relative, page_name=template)
        for topic in self.topics:
            # a feed without entries would carry the build's clock as <updated>
            if topic.feed_url and topic.articles:
                writer.write_feed(topic.articles, self.context, topic.feed_url,
                                  feed_type="atom", feed_title=topic.name)


def freeze_urls(articles: list[Any]) -> None:
    """Compute each article's URL once and pin it with Pelican's own ``override_url``.

    ``Content.url`` copies the metadata and formats ARTICLE_URL on every access, and the
    templates, related-article lists, search index and page fingerprints read it ~30 times
    per article: >5 s at 5,000 articles. By now (after Pelican's article generator and
    article_generator_finalized) slug, date and language are final, so the pinned value is
    exactly what the property would return. An override from the article's own metadata
    (``url:``) is Pelican's too and is left alone.
    """
    for article in articles:
        for content in (article, *getattr(article, "translations", ())):
            if not hasattr(content, "override_url"):
                content.override_url = content.url


_CREDIT = re.compile(r"\((.+)\)$")


def _web_address(url: object) -> bool:
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def _distinct_names(terms: list[Topic | Entity]) -> list[Topic | Entity]:
    """The terms, each name once (the topic Taiwan and the place Taiwan are one reason)."""
    seen: set[str] = set()
    distinct = []
    for term in terms:
        if term.name not in seen:
            seen.add(term.name)
            distinct.append(term)
    return distinct


def _newest_first(article: Any) -> tuple[float, str]:
    return (-article.date.timestamp(), article.slug)


def _term(key: str, topics: dict[str, Topic], entities: dict[str, Entity]) -> Topic | Entity:
    kind, slug = key.split(":", 1)
    return topics[slug] if kind == "t" else entities[slug]


def initialized(pelican: Any) -> None:
    merge_settings(pelican.settings)


def get_generators(pelican: Any) -> type[Generator]:
    return TaxonomyGenerator


def register() -> None:
    signals.initialized.connect(initialized)
    signals.get_generators.connect(get_generators)
