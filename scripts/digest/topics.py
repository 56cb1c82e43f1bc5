"""Tag an article with topics and entities from the taxonomy.

1. compile every alias of the taxonomy into a whole-word pattern with its case rule (an alias
   in Russian: a pattern for its words in any of their forms, checked by their stems);
2. find mentions in the title and in each body block, the longest alias winning where
   several overlap (so "Chinese President Xi Jinping" is one mention of xi-jinping);
3. entities: count mentions, most mentioned first, then by slug;
4. topics: keep those with enough evidence (EVIDENCE_RULE_TEXT), add the editor's extra
   topics, return them in taxonomy order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

# the module, not snowballstemmer.stemmer("russian"), which prefers PyStemmer when installed:
# the search index stems with this same pure-Python output (plugins/lunr_index/compat.py)
from snowballstemmer.russian_stemmer import RussianStemmer

from .model import Block
from .rules import CYRILLIC_LETTERS, SPACELESS_LETTERS
from .taxonomy import Taxonomy

# The evidence rule for a topic. A keyword turns up in passing ("other issues, including
# Taiwan and North Korea"), so one mention is not enough: an article is about a topic when the
# topic comes back in separate paragraphs, more than once or twice, or when the headline (or a
# subheading) announces it and the body follows up. Distinct paragraphs stop one list-like
# paragraph from qualifying on its own; the mention floor stops two asides in two paragraphs
# (tuned on the seed captures: it drops Taiwan from the May 2024 summit piece, which names it
# twice in lists, and keeps the Middle East, which that piece discusses).

#: distinct body paragraphs naming the topic, when neither the title nor a subheading does
MIN_PARAGRAPHS = 2
#: mentions of the topic in the body (title excluded) that those paragraphs must hold together
MIN_MENTIONS = 3
#: body paragraphs still needed when the title or a subheading already names the topic
MIN_PARAGRAPHS_WITH_HEADING = 1

EVIDENCE_RULE_TEXT = (
    "An article is filed under a topic when the topic's keywords appear in at least "
    f"{MIN_PARAGRAPHS} different paragraphs of its text, {MIN_MENTIONS} times or more in all, "
    f"or in its headline (or a subheading) and at least {MIN_PARAGRAPHS_WITH_HEADING} "
    "paragraph. A single passing mention, or a name dropped in a list, is not enough. "
    "Editors can add topics by hand; those are always kept."
)


@dataclass(frozen=True)
class Evidence:
    """What the text says about one topic."""

    in_heading: bool  # a keyword in the title or a subheading
    paragraphs: int  # body paragraphs with a keyword
    mentions: int  # keyword mentions in those paragraphs

    @property
    def sufficient(self) -> bool:
        """The evidence rule (see EVIDENCE_RULE_TEXT)."""
        if self.paragraphs >= MIN_PARAGRAPHS and self.mentions >= MIN_MENTIONS:
            return True
        return self.in_heading and self.paragraphs >= MIN_PARAGRAPHS_WITH_HEADING


@dataclass(frozen=True)
class Mention:
    """One match of an alias in a text."""

    start: int
    end: int
    slug: str
    alias: str


@dataclass(frozen=True)
class _Matcher:
    slug: str
    alias: str
    pattern: re.Pattern[str]
    # an alias in Russian: per word of it, the stem a matched word must have (None: a word
    # without Cyrillic, matched as written); None for every other alias
    stems: tuple[str | None, ...] | None = None


def _matcher(slug: str, alias: str) -> _Matcher:
    return _Matcher(slug, alias, alias_pattern(alias), _alias_stems(alias))


# --- Russian: a word in any of its forms ----------------------------------------------------
# Russian inflects names ("Путин", "Путина", "Путиным"): an alias in it matches the other forms
# of its words. Each of its words becomes its Snowball stem (the search index's stemmer, so an
# alias and a search agree on what a word's forms are) and the pattern matches any word that
# starts with that stem; a match counts when every word of it has its alias word's stem, in
# order ("Мир" matches "Мира", not "Мирный": stem "мирн").

_CYRILLIC = re.compile(f"[{CYRILLIC_LETTERS}]")
_YO = str.maketrans("ёЁ", "еЕ")  # Snowball reads "ё" as "е"; the index folds it the same way
_YO_CLASS = {"е": "[её]", "Е": "[ЕЁ]"}  # an "е" of a stem, in the text
_russian = RussianStemmer()


@lru_cache(maxsize=1 << 16)
def russian_stem(word: str) -> str:
    """The Russian Snowball stem of a lower-cased word, "ё" read as "е" ("путиным" -> "путин"),
    as the search index stems it."""
    return str(_russian.stemWord(word.translate(_YO)))


def _alias_stems(alias: str) -> tuple[str | None, ...] | None:
    """Per word of an alias in Russian, its stem (None: a word without Cyrillic); None for an
    alias with no Cyrillic letter."""
    if alias.isascii() or not _CYRILLIC.search(alias):
        return None
    return tuple(russian_stem(w.lower()) if _CYRILLIC.search(w) else None
                 for w in _WORD.findall(alias))


def _russian_pattern(alias: str, stems: tuple[str | None, ...]) -> re.Pattern[str]:
    """Each word of the alias as its stem followed by any word characters ("Путин" ->
    "Путин\\w*"), in the alias's case when it has a capital letter; what lies between its
    words as in ``alias_pattern``. The stems decide (``_same_stems``)."""
    parts = [r"(?<!\w)"]
    at = 0
    for word, stem in zip(_WORD.finditer(alias), stems, strict=True):
        parts.append(_between(alias[at:word.start()]))
        if stem is None:
            parts.append(re.escape(word.group()) + r"(?!\w)")
        else:
            # the stem is the start of the word, "ё" as "е": the text may have either
            start = word.group().translate(_YO)[:len(stem)]
            parts.append("".join(_YO_CLASS.get(c, re.escape(c)) for c in start) + r"\w*")
        at = word.end()
    parts.append(_between(alias[at:]))
    lowercase = alias == alias.lower()
    return re.compile("".join(parts), re.IGNORECASE if lowercase else 0)


def _between(text: str) -> str:
    """What separates two words of an alias, as ``alias_pattern`` reads it."""
    return "".join(r"\s+" if c == " " else "['’]" if c in "'’" else re.escape(c)
                   for c in re.sub(r"\s+", " ", text))


def _same_stems(text: str, stems: tuple[str | None, ...]) -> bool:
    words = _WORD.findall(text)
    return len(words) == len(stems) and all(
        stem is None or russian_stem(word.lower()) == stem
        for word, stem in zip(words, stems, strict=True))


def _matches(matcher: _Matcher, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``matcher`` in ``text``, leftmost first, not overlapping."""
    if matcher.stems is None:
        yield from matcher.pattern.finditer(text)
        return
    at = 0
    while (m := matcher.pattern.search(text, at)) is not None:
        if _same_stems(m.group(), matcher.stems):
            yield m
            at = m.end()
        else:  # a word of other stem ("Мирный" for "Мир"): a match may start within it
            at = m.start() + 1


def alias_pattern(alias: str) -> re.Pattern[str]:
    """A whole-word regex for one alias, with the case rule of taxonomy.yaml.

    An alias with a capital letter matches with exactly that case ("EU", "Sun", "Xi"); an
    all-lowercase alias matches any case and an optional plural "s". Any run of whitespace
    matches a space; a straight apostrophe also matches a typographic one. An alias in Russian
    matches its words in any of their forms: the pattern finds the candidates, and a match
    counts where each word has the stem of the alias's word (``find_mentions``).
    """
    stems = _alias_stems(alias)
    if stems is not None:
        return _russian_pattern(alias, stems)
    parts = []
    for ch in " ".join(alias.split()):
        if ch == " ":
            parts.append(r"\s+")
        elif ch in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    # "no word character before the match" is checked after the first word, not before it:
    # same matches, but a pattern that opens with a literal is found by a fast scan instead of
    # being tried at every position (tagging is most of the content stage's time)
    first = parts.index(r"\s+") if r"\s+" in parts else len(parts)
    width = "" if first == 1 else f"{{{first}}}"
    # (Chinese and Japanese have no spaces between words: an alias that opens or ends with
    # one of their characters is matched inside a run of them, "普京" in "总统普京通电话")
    if not _CJK_CHAR.match(alias):
        parts.insert(first, rf"(?<!\w.{width})")
    body = "".join(parts)
    lowercase = alias == alias.lower()
    if _CJK_CHAR.match(alias[-1]):
        return re.compile(body)
    if lowercase:
        body += "(?:e?s)?" if alias[-1].isalpha() else ""
    return re.compile(rf"{body}(?!\w)", re.IGNORECASE if lowercase else 0)


# A character of the scripts written without spaces (Chinese, Japanese), and runs of them
_CJK_CHAR = re.compile(f"[{SPACELESS_LETTERS}]")
_CJK_RUN = re.compile(f"{_CJK_CHAR.pattern}+")


_WORD = re.compile(r"\w+")


def _words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text``; in Chinese or Japanese, each character and each pair
    of characters of a run of them (an alias's first word there: ``_index_keys``); in Russian,
    the stem of each word too (the words of an alias in Russian are keyed by their stems)."""
    words = _WORD.findall(text.lower())
    if not text.isascii():
        if _CYRILLIC.search(text):
            words.extend([russian_stem(w) for w in words if _CYRILLIC.search(w)])
        if _CJK_CHAR.search(text):
            for run in _CJK_RUN.findall(text):
                words.extend(run)
                words.extend(run[k:k + 2] for k in range(len(run) - 1))
    return frozenset(words)


def _alias_keys(alias: str) -> list[str]:
    """The words of an alias as ``_words`` keys them: lower-cased, a Russian word by its stem."""
    stems = _alias_stems(alias)
    words = _WORD.findall(alias.lower())
    if stems is None:
        return words
    return [word if stem is None else stem for word, stem in zip(words, stems, strict=True)]


def _index_keys(alias: str) -> set[str]:
    """Lower-cased words one of which any match of ``alias`` must contain: its first word
    (with the plural forms its pattern accepts, for a one-word lowercase alias; a Russian word:
    its stem); in Chinese or Japanese, its first two characters."""
    if _CJK_CHAR.match(alias):
        return {alias[:2]}
    words = _alias_keys(alias)
    if _alias_stems(alias) is not None:
        return set(words[:1])
    if not words:
        return set()
    keys = {words[0]}
    if alias == alias.lower() and len(words) == 1:
        keys |= {words[0] + "s", words[0] + "es"}
    return keys


def _required_words(alias: str) -> frozenset[str]:
    """Lower-cased words every match of ``alias`` contains as whole words: all of them, but
    the last of a lowercase alias, which may take a plural ending (an alias in Chinese or
    Japanese: its index key alone)."""
    if _CJK_CHAR.match(alias):
        return frozenset(_index_keys(alias))
    words = _alias_keys(alias)
    if _alias_stems(alias) is not None:  # no plural rule: every word's stem is in the text
        return frozenset(words)
    return frozenset(words[:-1] if alias == alias.lower() else words)


@dataclass(frozen=True)
class MatcherSet:
    """Matchers plus an index from a word to the matchers that could match near it.

    Running every alias's regex over every paragraph is quadratic in practice (thousands of
    entities times thousands of paragraphs); the index narrows each text to the few aliases
    whose first word occurs in it, and the regexes stay the only judges of a match.
    """

    matchers: tuple[_Matcher, ...]
    index: dict[str, tuple[int, ...]]
    required: tuple[frozenset[str], ...]  # per matcher: words any match must contain

    @classmethod
    def of(cls, matchers: tuple[_Matcher, ...]) -> MatcherSet:
        index: dict[str, list[int]] = {}
        for i, matcher in enumerate(matchers):
            for key in _index_keys(matcher.alias):
                index.setdefault(key, []).append(i)
        return cls(matchers, {k: tuple(v) for k, v in index.items()},
                   tuple(_required_words(m.alias) for m in matchers))

    def candidates(self, words: frozenset[str]) -> list[_Matcher]:
        # intersecting with the index's keys first: a paragraph has hundreds of words, only a
        # few of which start an alias
        hits = sorted({i for w in words & self.index.keys() for i in self.index[w]})
        return [self.matchers[i] for i in hits if self.required[i] <= words]

    def __hash__(self) -> int:
        return id(self)


@lru_cache(maxsize=32)
def _matchers(entries: tuple[tuple[str, tuple[str, ...]], ...]) -> MatcherSet:
    return MatcherSet.of(tuple(
        _matcher(slug, alias)
        for slug, aliases in entries
        for alias in aliases
    ))


# The matcher sets of the taxonomies in use, by identity: building the lru_cache key above
# (every alias of every entity) on each call cost more than tagging a short article.
_BY_TAXONOMY: dict[int, tuple[Taxonomy, MatcherSet, MatcherSet]] = {}


def _matcher_sets(taxonomy: Taxonomy) -> tuple[MatcherSet, MatcherSet]:
    """(entity matchers, topic matchers) of ``taxonomy``."""
    held = _BY_TAXONOMY.get(id(taxonomy))
    if held is None or held[0] is not taxonomy:
        if len(_BY_TAXONOMY) >= 32:
            _BY_TAXONOMY.clear()
        held = (taxonomy,
                _matchers(tuple((e.slug, e.aliases) for e in taxonomy.entities)),
                _matchers(tuple((t.slug, t.aliases) for t in taxonomy.topics)))
        _BY_TAXONOMY[id(taxonomy)] = held
    return held[1], held[2]


def entity_matchers(taxonomy: Taxonomy) -> MatcherSet:
    return _matcher_sets(taxonomy)[0]


def topic_matchers(taxonomy: Taxonomy) -> MatcherSet:
    return _matcher_sets(taxonomy)[1]


def find_mentions(
    text: str, matchers: MatcherSet | Iterable[_Matcher], words: frozenset[str] | None = None
) -> tuple[Mention, ...]:
    """Non-overlapping mentions, leftmost first; at one place the longest alias wins."""
    if isinstance(matchers, MatcherSet):
        matchers = matchers.candidates(_words(text) if words is None else words)
    found = [
        Mention(m.start(), m.end(), matcher.slug, matcher.alias)
        for matcher in matchers
        for m in _matches(matcher, text)
    ]
    found.sort(key=lambda x: (x.start, -(x.end - x.start), x.slug))
    kept: list[Mention] = []
    end = -1
    for mention in found:
        if mention.start >= end:
            kept.append(mention)
            end = mention.end
    return tuple(kept)


class _WordsOf(dict[str, frozenset[str]]):
    """The lower-cased words of each text, computed once per text however often asked."""

    def __missing__(self, text: str) -> frozenset[str]:
        words = self[text] = _words(text)
        return words


def count_entities(
    texts: Iterable[str], taxonomy: Taxonomy, words: Mapping[str, frozenset[str]] | None = None
) -> tuple[tuple[str, int], ...]:
    """(entity slug, mentions), most mentioned first, then by slug."""
    return _counted(entity_mentions(texts, taxonomy, words))


def entity_mentions(
    texts: Iterable[str], taxonomy: Taxonomy, words: Mapping[str, frozenset[str]] | None = None
) -> list[tuple[Mention, ...]]:
    """The entity mentions of each text."""
    matchers = entity_matchers(taxonomy)
    words_of = _WordsOf() if words is None else words
    return [find_mentions(text, matchers, words_of[text]) for text in texts]


def _counted(found: Iterable[tuple[Mention, ...]]) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter(m.slug for mentions in found for m in mentions)
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


#: sentences an entity page quotes per article (the first ones that name the entity)
QUOTES_PER_ENTITY = 3


def entity_quotes(
    blocks: Sequence[Block], found: Sequence[tuple[Mention, ...]], limit: int = QUOTES_PER_ENTITY
) -> dict[str, tuple[str, ...]]:
    """Per entity, its first ``limit`` sentences in the body, each as the text
    "block start end m1 n1 m2 n2 ...": the block's index (its paragraph anchor is b<index>),
    the sentence's offsets in the block's text with runs of whitespace made one space (as the
    page shows it), then the offsets of the mentions in it. ``found``: the mentions of each
    block, from ``entity_mentions``. Compact, because it goes into every article's header."""
    from .events import sentence_spans  # the timeline's splitter: one notion of a sentence

    quotes: dict[str, list[str]] = {}
    for index, (block, mentions) in enumerate(zip(blocks, found, strict=True)):
        wanted = [m for m in mentions if len(quotes.get(m.slug, ())) < limit]
        if not wanted:
            continue
        text = " ".join(block.text.split())
        if text != block.text:  # offsets into the text as shown
            wanted = list(find_mentions(text, [_matcher(m.slug, m.alias) for m in wanted]))
        by_sentence: dict[tuple[int, int], dict[str, list[Mention]]] = {}
        spans = sentence_spans(text)
        for mention in wanted:
            for a, b in spans:
                if a <= mention.start and mention.end <= b:
                    by_sentence.setdefault((a, b), {}).setdefault(mention.slug, []).append(
                        mention)
                    break
        for (a, b), by_slug in sorted(by_sentence.items()):
            for slug, ms in by_slug.items():
                taken = quotes.setdefault(slug, [])
                if len(taken) < limit:
                    taken.append(" ".join(str(n) for n in (
                        index, a, b, *(x for m in ms for x in (m.start, m.end)))))
    return {slug: tuple(items) for slug, items in sorted(quotes.items())}


def topic_evidence(
    blocks: Sequence[Block], title: str | None, taxonomy: Taxonomy,
    words: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, Evidence]:
    """The evidence for each topic with any mention, by slug.

    Topics are matched independently of each other: a phrase can be evidence for two topics.
    """
    everything = topic_matchers(taxonomy)
    words_of = _WordsOf() if words is None else words

    def mentions_by_topic(text: str) -> Counter[str]:
        """Mentions per topic, each topic matched on its own (no competition between topics)."""
        by_topic: dict[str, list[_Matcher]] = {}
        for matcher in everything.candidates(words_of[text]):
            by_topic.setdefault(matcher.slug, []).append(matcher)
        return Counter({slug: len(find_mentions(text, ms)) for slug, ms in by_topic.items()})

    headings = [title or ""] + [b.text for b in blocks if b.kind == "subhead"]
    in_heading: set[str] = set()
    for heading in headings:
        in_heading.update(slug for slug, n in mentions_by_topic(heading).items() if n)
    paragraphs: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for block in blocks:
        if block.kind == "paragraph":
            found = mentions_by_topic(block.text)
            paragraphs.update(slug for slug, n in found.items() if n)
            mentions.update(found)
    evidence: dict[str, Evidence] = {}
    for topic in taxonomy.topics:
        if topic.slug in in_heading or paragraphs[topic.slug]:
            evidence[topic.slug] = Evidence(
                topic.slug in in_heading, paragraphs[topic.slug], mentions[topic.slug]
            )
    return evidence


#: topics shown above an article's text (the rest are listed after it)
LEAD_TOPICS = 3


def rank_topics(chosen: Iterable[str], evidence: Mapping[str, Evidence],
                order: Sequence[str]) -> tuple[str, ...]:
    """The chosen topics, strongest first: named in a heading, then by mentions, then by
    paragraphs, then in taxonomy order. An editor's topic without evidence in the text comes
    last (it is the editor's call, not the text's emphasis)."""
    place = {slug: i for i, slug in enumerate(order)}
    none = Evidence(False, 0, 0)

    def strength(slug: str) -> tuple[int, int, int, int]:
        found = evidence.get(slug, none)
        return (-int(found.in_heading), -found.mentions, -found.paragraphs, place.get(slug, 0))

    return tuple(sorted(chosen, key=strength))


def tag(
    blocks: Sequence[Block],
    title: str | None,
    taxonomy: Taxonomy,
    extra_topics: Sequence[str] = (),
) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    """(topic slugs in taxonomy order, (entity slug, mentions) most mentioned first).

    ``extra_topics`` (from curation.yaml) are always kept; an unknown slug is a ValueError.
    """
    topic_slugs, entities, _, _ = tag_ranked(blocks, title, taxonomy, extra_topics)
    return topic_slugs, entities


def tag_ranked(
    blocks: Sequence[Block],
    title: str | None,
    taxonomy: Taxonomy,
    extra_topics: Sequence[str] = (),
) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...], tuple[str, ...],
           dict[str, tuple[str, ...]]]:
    """As ``tag``, plus the article's strongest topics (at most LEAD_TOPICS, see
    ``rank_topics``): the few the article page names above the text; and the sentences that
    name each entity (``entity_quotes``), for the entity pages."""
    unknown = [slug for slug in extra_topics if not taxonomy.has_topic(slug)]
    if unknown:
        raise ValueError(
            f"unknown topic slug(s): {', '.join(map(repr, unknown))}; "
            "use a slug from content/taxonomy.yaml, or add the topic there"
        )
    # 2.-3. entities, counted in the title and the body
    words = _WordsOf()
    found = entity_mentions([title or "", *(b.text for b in blocks)], taxonomy, words)
    entities = _counted(found)
    quotes = entity_quotes(blocks, found[1:])
    # 4. topics
    evidence = topic_evidence(blocks, title, taxonomy, words)
    chosen = {slug for slug, found in evidence.items() if found.sufficient}
    chosen.update(extra_topics)
    ordered = tuple(s for s in taxonomy.topic_slugs if s in chosen)
    lead = rank_topics(ordered, evidence, taxonomy.topic_slugs)[:LEAD_TOPICS]
    return ordered, entities, lead, quotes
