"""A synthetic archive of captures, for benchmarking the build at scale.

``generate_corpus(n, seed, dest)`` writes ``dest/captures/*.txt``, ``dest/curation.yaml`` and
``dest/taxonomy.yaml``: N captures in the style of the seed captures (page chrome, a headline,
a byline or a date line, ~800 words of article with subheadings and captions, then teaser
lists, comment prompts and footers), from a dozen outlets, dated over six years, tagged with
topics and entities of a generated taxonomy, in a vocabulary that keeps growing with N the way
a real archive's does (Heaps' law).

Properties the benchmark relies on:

- **Deterministic**: the same ``n`` and ``seed`` give the same bytes.
- **Prefix-stable**: capture ``i`` depends only on ``seed`` and ``i``, never on ``n``; the
  corpus of 100 is the first 100 captures of the corpus of 10,000. Topics and entities
  "appear" at a given capture index, and each taxonomy lists those that have appeared, so a
  bigger archive has a bigger taxonomy, as a real one does.
- **Heaps' law**: content words come from a Simon process whose innovation probability decays
  as ``K·β·t^(β-1)``, so the number of distinct words after ``t`` tokens is about ``K·t^β``.

The generation is pure (``build_corpus`` returns records); ``generate_corpus`` only writes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import random
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# --- Shape of the archive ---------------------------------------------------------------

#: first and last possible publication date: "dates over several years"
START_DATE = dt.date(2019, 1, 1)
END_DATE = dt.date(2024, 12, 31)

#: target words of article text per capture (the seeds have 500-1,100); jittered by
#: WORDS_SPREAD and clipped to [WORDS_MIN, WORDS_MAX]
WORDS_PER_ARTICLE = 800
WORDS_SPREAD = 150
WORDS_MIN = 450
WORDS_MAX = 1300

#: Heaps' law V = K·t^β for content words. English news prose has K in 10-100 and β in
#: 0.4-0.6; these give ~10k distinct content words at 100 articles, ~120k at 10,000.
HEAPS_K = 22.0
HEAPS_BETA = 0.55

#: share of tokens that are function words ("the", "of", ...): real prose has 40-50%,
#: which is what stop-word based cleaners look for
FUNCTION_WORD_SHARE = 0.45

#: share of tokens that are one of the article's own key words. Real articles keep coming
#: back to their subject (word burstiness); without it the second half of an article shares
#: no vocabulary with the first and reads as an unrelated appended text. Teasers, footers
#: and press releases do not use the article's key words.
KEYWORD_SHARE = 0.15
KEYWORDS_PER_ARTICLE = 12

#: entities known from the first capture on (the big names every story mentions), then
#: ENTITY_K·i^ENTITY_BETA more after capture i: ~100 at 100 captures, ~1,500 at 10,000
ENTITIES_AT_START = 30
ENTITY_K = 6.0
ENTITY_BETA = 0.6

#: subtopics after capture i: SUBTOPIC_K·i^SUBTOPIC_BETA (root topics exist from the start),
#: capped by the number of root × qualifier combinations
SUBTOPIC_K = 4.0
SUBTOPIC_BETA = 0.4

#: share of captures whose page shows no usable date (only "5 days ago" or nothing), and
#: whose outlet name appears nowhere in the text; curation.yaml supplies those facts
NO_DATE_SHARE = 0.3
NO_OUTLET_SHARE = 0.35

#: file names: index (fixed width, so sorting by name is sorting by index) and a short hash
NAME_WIDTH = 5


# --- Word material -----------------------------------------------------------------------

# Function words, repeated roughly by their frequency in English news prose.
FUNCTION_WORDS: tuple[str, ...] = tuple(
    ("the " * 12 + "of " * 6 + "and " * 6 + "to " * 6 + "a " * 5 + "in " * 5 + "is " * 2
     + "that " * 3 + "for " * 2 + "on " * 2 + "with " * 2 + "as " * 2 + "was " * 2 + "it "
     + "by " + "at " + "from " + "has " + "have " + "be " + "this " + "which " + "their "
     + "its " + "an " + "are " + "will " + "said " * 2 + "would " + "but " + "not " + "over "
     + "after " + "more " + "than " + "also " + "been " + "were " + "they " + "who " + "into "
     + "about " + "between " + "against " + "while " + "since " + "under ").split()
)

# Pseudo-words are CV syllables plus a final coda. A consonant run between two vowels is
# always exactly one onset, and a vowel run exactly one nucleus, so the spelling of a word
# decodes to one syllable sequence: distinct ids give distinct words.
ONSETS: tuple[str, ...] = (
    "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "k", "l", "m", "n", "p",
    "pl", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w",
)
NUCLEI: tuple[str, ...] = ("a", "e", "i", "o", "u", "ai", "ea", "ou")
CODAS: tuple[str, ...] = ("", "n", "r", "s", "l", "nt", "st", "m", "ck", "rd")
# proper-name endings made of letters that no pseudo-word ends with, so that an entity's
# name never equals a common word of the corpus
NAME_ENDINGS: tuple[str, ...] = ("ov", "ez", "ek", "ich", "off", "ay", "ow", "ix")

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Marta", "Elena", "Sofia", "Laura", "Irina", "Grace", "Nadia", "Ruth", "Yuki",
    "Amara", "Leila", "Helen", "Olga", "Priya", "Carmen", "James", "Peter", "Andrei", "Li",
    "Omar", "Tomas", "David", "Sergei", "Kenji", "Rafael", "Jonas", "Mark", "Victor", "Ivan",
    "Samuel", "Hugo", "Daniel", "Mateo", "Arjun", "Felix",
)
AGENCIES: tuple[str, ...] = ("AFP", "Reuters", "AP", "Getty Images", "EPA", "Bloomberg")
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

# Root topics: (slug, name, description, aliases). Always present.
ROOT_TOPICS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("politics", "Politics", "Governments, parties and elections.", ("political",)),
    ("economy", "Economy", "Growth, jobs, inflation and public money.", ("economic",)),
    ("energy", "Energy", "Oil, gas, power and the grid.", ("oil and gas",)),
    ("security", "Security", "Armed forces, conflicts and defence.", ("military", "defence")),
    ("technology", "Technology", "Chips, software, networks and platforms.", ("tech sector",)),
    ("health", "Health", "Hospitals, medicines and public health.", ("public health",)),
    ("climate", "Climate", "Emissions, weather extremes and adaptation.", ("climate change",)),
    ("trade", "Trade", "Imports, exports, tariffs and supply chains.", ("tariffs",)),
    ("diplomacy", "Diplomacy", "Summits, treaties and foreign policy.", ("foreign policy",)),
    ("justice", "Justice", "Courts, police and the law.", ("courts", "the judiciary")),
    ("science", "Science", "Research, space and discovery.", ("researchers",)),
    ("culture", "Culture", "Arts, media and sport.", ("the arts",)),
)
# Qualifiers that make subtopics of a root: (word, alias form).
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("policy", "policies"), ("markets", "market"), ("regulation", "rules"),
    ("exports", "export"), ("infrastructure", "networks"), ("research", "studies"),
    ("reform", "reforms"), ("prices", "price"), ("workers", "labour"),
    ("investment", "investors"), ("sanctions", "sanction"), ("funding", "budgets"),
    ("scandals", "scandal"), ("alliances", "alliance"), ("protests", "protest"),
    ("innovation", "start-ups"),
)

ENTITY_KINDS: tuple[str, ...] = ("person", "person", "person", "organisation", "place")
ORG_FORMS: tuple[str, ...] = (
    "{x} Institute", "{x} Group", "Bank of {x}", "Ministry of {x} Affairs", "{x} Council",
    "{x} People's Party", "{x} Energy Corporation", "{x} Agency", "University of {x}",
    "{x} & {y} Holdings",
)
PLACE_FORMS: tuple[str, ...] = ("{x}", "{x}", "Port {x}", "{x} Province", "New {x}", "{x}grad")
ROLES: tuple[str, ...] = (
    "president", "prime minister", "minister", "senator", "analyst", "economist",
    "chief executive", "general", "spokesperson", "governor", "researcher", "judge",
)

# Page chrome and trailing clutter, as the seeds show it.
NAV_SECTIONS: tuple[str, ...] = (
    "World", "Politics", "Business", "Tech", "Science", "Health", "Opinion", "Sport",
    "Culture", "Video", "Podcasts", "Newsletters",
)
COMMENT_PROMPTS: tuple[tuple[str, ...], ...] = (
    ("Click to comment", "Leave a Reply",
     "Your email address will not be published. Required fields are marked *"),
    ("Comments / 0",),
    ("Join the conversation", "Sign in to comment"),
    ("Leave a Reply",),
    ("Comments", "Be the first to comment", "Post comment"),
)
TEASER_HEADS: tuple[str, ...] = (
    "You may be interested in:", "Related", "Take A Look", "YOU MAY ALSO LIKE", "More from",
    "Most read", "Recommended for you",
)
TEASER_CATEGORIES: tuple[str, ...] = (
    "WORLD", "MILITARY", "ECONOMY", "POLITICS", "HEALTH", "BUSINESS", "ENVIRONMENT",
)


# --- Records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    """A news site and the way its pages come out as text."""

    slug: str
    name: str
    domain: str
    indent: str  # some pages come out indented
    chrome: str  # "breadcrumb", "nav", "newsbreak", "masthead" or "bare"
    date_style: int  # index into the date formats of _date_line
    authors: tuple[str, ...]
    appends_press_release: bool  # a sponsored text glued after the article (seed 001)


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    description: str
    aliases: tuple[str, ...]
    parent: str | None
    appears_at: int  # first capture index that may mention it


@dataclass(frozen=True)
class Entity:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str
    appears_at: int


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class SyntheticCapture:
    """One generated capture and the facts curation.yaml must give for it."""

    name: str  # file name under captures/
    text: str
    title: str  # ground truth, for tests of the cleaner (not written out)
    authors: tuple[str, ...]
    outlet: str
    published: dt.date
    date_in_text: bool
    outlet_in_text: bool
    topics: tuple[str, ...]  # slugs it was written about (for tests; not written out)
    entities: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    n: int
    seed: int
    captures: tuple[SyntheticCapture, ...]
    taxonomy: Taxonomy


# --- Words -------------------------------------------------------------------------------

_SYLLABLES: tuple[str, ...] = tuple(o + v for o in ONSETS for v in NUCLEI)
_TWO_SYLLABLE_WORDS = len(_SYLLABLES) ** 2 * len(CODAS)
_THREE_SYLLABLE_WORDS = len(_SYLLABLES) ** 3 * len(CODAS)
# Consecutive ids are scattered over the word space (multiplication by a number coprime to
# its size is a bijection), so that new words do not come out as "baba, baban, babar".
_SCATTER = 104_729


def pseudo_word(index: int) -> str:
    """The ``index``-th made-up word: pronounceable, lower case, distinct for each index."""
    if index < 0:
        raise ValueError(f"word index must be >= 0, got {index}")
    syllables, space = 2, _TWO_SYLLABLE_WORDS
    if index >= _TWO_SYLLABLE_WORDS:
        index -= _TWO_SYLLABLE_WORDS
        syllables, space = 3, _THREE_SYLLABLE_WORDS
    if index >= space:
        raise ValueError("word index too large")
    index = index * _SCATTER % space
    index, coda = divmod(index, len(CODAS))
    parts = []
    for _ in range(syllables):
        index, syllable = divmod(index, len(_SYLLABLES))
        parts.append(_SYLLABLES[syllable])
    return "".join(parts) + CODAS[coda]


def heaps_innovation(t: int, k: float = HEAPS_K, beta: float = HEAPS_BETA) -> float:
    """Probability that token number ``t`` (1-based) is a word never seen before.

    The derivative of V(t) = K·t^β, so that the expected vocabulary follows Heaps' law.
    """
    return min(1.0, k * beta * math.pow(t, beta - 1.0))


class Vocabulary:
    """Content words drawn by a Simon process with a decaying innovation rate.

    A new word with probability ``heaps_innovation(t)``, otherwise a copy of a uniformly
    chosen earlier token: frequent words get more frequent (Zipf), new words keep coming
    (Heaps). State is one array of token ids, 4 bytes per token.
    """

    def __init__(self, rng: random.Random, k: float = HEAPS_K, beta: float = HEAPS_BETA):
        self._rng = rng
        self._k = k
        self._beta = beta
        self._tokens = array("I")
        self._words: list[str] = []

    @property
    def size(self) -> int:
        """Distinct words drawn so far."""
        return len(self._words)

    @property
    def tokens(self) -> int:
        return len(self._tokens)

    def word(self) -> str:
        t = len(self._tokens) + 1
        if not self._words or self._rng.random() < heaps_innovation(t, self._k, self._beta):
            word_id = len(self._words)
            self._words.append(pseudo_word(word_id))
        else:
            word_id = self._tokens[self._rng.randrange(len(self._tokens))]
        self._tokens.append(word_id)
        return self._words[word_id]


def _name_word(rng: random.Random, capitalise: bool = True) -> str:
    """A made-up proper name: two or three CV syllables and a name ending."""
    syllables = rng.choice((2, 2, 3))
    word = "".join(rng.choice(_SYLLABLES) for _ in range(syllables)) + rng.choice(NAME_ENDINGS)
    return word.capitalize() if capitalise else word


def slugify(text: str) -> str:
    """Lower case ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


# --- Taxonomy ------------------------------------------------------------------------------


def _appearance(count: int, base: int, k: float, beta: float) -> int:
    """Capture index at which item number ``count`` appears, when base + k·i^β exist at i."""
    if count < base:
        return 0
    return int(((count - base + 1) / k) ** (1.0 / beta))


def build_taxonomy(n: int, seed: int) -> Taxonomy:
    """Topics and entities that have appeared within the first ``n`` captures.

    Items are generated in a fixed order from the seed alone, so the taxonomy for ``n`` is a
    prefix of the taxonomy for any bigger ``n``.
    """
    # aliases are the evidence a tagger looks for: the name itself comes first
    topics: list[Topic] = [
        Topic(slug, name, description, (name.lower(), *aliases), None, 0)
        for slug, name, description, aliases in ROOT_TOPICS
    ]
    pairs = [(root, qualifier) for qualifier in QUALIFIERS for root in ROOT_TOPICS]
    random.Random(f"{seed}/subtopics").shuffle(pairs)
    for number, (root, (qualifier, alias)) in enumerate(pairs):
        appears = _appearance(number, 0, SUBTOPIC_K, SUBTOPIC_BETA)
        if appears >= n:
            break
        slug, name = root[0], root[1]
        topics.append(
            Topic(
                slug=f"{slug}-{qualifier}",
                name=f"{name} {qualifier}",
                description=f"{name}: {qualifier} and what follows from them.",
                aliases=(f"{name.lower()} {qualifier}", f"{name.lower()} {alias}"),
                parent=slug,
                appears_at=appears,
            )
        )

    entities: list[Entity] = []
    slugs: set[str] = {t.slug for t in topics}
    # an alias belongs to one entity at most (compared ignoring case); the full name is one
    aliases_taken: set[str] = set()
    number = 0
    while True:
        appears = _appearance(number, ENTITIES_AT_START, ENTITY_K, ENTITY_BETA)
        if appears >= n:
            break
        rng = random.Random(f"{seed}/entity/{number}")
        entity = _entity(rng, appears)
        while entity.slug in slugs or entity.name.lower() in aliases_taken:
            entity = _entity(rng, appears)
        others = [a for a in entity.aliases if a.lower() not in aliases_taken | {entity.name}]
        aliases = (entity.name, *others)
        aliases_taken.update(a.lower() for a in aliases)
        slugs.add(entity.slug)
        entities.append(
            Entity(entity.slug, entity.name, entity.kind, aliases, entity.description, appears)
        )
        number += 1
    _check_unique_slugs(topics, entities)
    return Taxonomy(tuple(topics), tuple(entities))


def _check_unique_slugs(topics: Sequence[Topic], entities: Sequence[Entity]) -> None:
    seen: set[str] = set()
    for slug in [t.slug for t in topics] + [e.slug for e in entities]:
        if slug in seen:
            raise AssertionError(f"generated taxonomy repeats slug {slug!r}")
        seen.add(slug)


def _entity(rng: random.Random, appears: int) -> Entity:
    kind = rng.choice(ENTITY_KINDS)
    if kind == "person":
        surname = _name_word(rng)
        name = f"{rng.choice(FIRST_NAMES)} {surname}"
        role = rng.choice(ROLES)
        aliases: tuple[str, ...] = (surname,)
        description = f"A {role} often quoted in the digest."
    elif kind == "organisation":
        name = rng.choice(ORG_FORMS).format(x=_name_word(rng), y=_name_word(rng))
        initials = "".join(w[0] for w in name.replace("&", " ").split() if w[0].isupper())
        aliases = (initials,) if len(initials) >= 3 else ()
        description = "An organisation that appears in several stories."
    else:
        name = rng.choice(PLACE_FORMS).format(x=_name_word(rng))
        aliases = ()
        description = "A place in the news."
    return Entity(slugify(name), name, kind, aliases, description, appears)


def taxonomy_document(taxonomy: Taxonomy) -> dict[str, Any]:
    """The taxonomy as the YAML structure of content/taxonomy.yaml."""
    topics: list[dict[str, Any]] = []
    for t in taxonomy.topics:
        item: dict[str, Any] = {
            "slug": t.slug,
            "name": t.name,
            "description": t.description,
            "aliases": list(t.aliases),
        }
        if t.parent:
            item["parent"] = t.parent
        topics.append(item)
    entities = [
        {
            "slug": e.slug,
            "name": e.name,
            "kind": e.kind,
            "aliases": list(e.aliases),
            "description": e.description,
        }
        for e in taxonomy.entities
    ]
    return {"topics": topics, "entities": entities}


# --- Outlets -------------------------------------------------------------------------------

_OUTLET_NAMES: tuple[tuple[str, str, str], ...] = (
    # (name, chrome, indent)
    ("The Meridian Times", "breadcrumb", "    "),
    ("Northern Ledger", "nav", ""),
    ("Capital Dispatch", "newsbreak", ""),
    ("Harbor Post", "masthead", ""),
    ("Global Wire Review", "bare", ""),
    ("The Evening Chronicle", "nav", ""),
    ("Eastern Observer", "breadcrumb", ""),
    ("Pacific Courier", "masthead", "  "),
    ("Daily Sentinel", "nav", ""),
    ("Continental Herald", "bare", ""),
    ("Signal & Noise", "masthead", ""),
    ("O'Malley's Weekly: World", "newsbreak", ""),
)


def build_outlets(seed: int) -> tuple[Outlet, ...]:
    """The dozen outlets, each with its own page layout and a small staff."""
    outlets = []
    for number, (name, chrome, indent) in enumerate(_OUTLET_NAMES):
        rng = random.Random(f"{seed}/outlet/{number}")
        staff = tuple(f"{rng.choice(FIRST_NAMES)} {_name_word(rng)}" for _ in range(6))
        slug = slugify(name)
        outlets.append(
            Outlet(
                slug=slug,
                name=name,
                domain=f"www.{slug.replace('-', '')}.example",
                indent=indent,
                chrome=chrome,
                date_style=number % 6,
                authors=staff,
                appends_press_release=number == 4,
            )
        )
    return tuple(outlets)


# --- Captures ------------------------------------------------------------------------------


class _Writer:
    """Makes the text of one capture. Holds the corpus-wide random stream and vocabulary."""

    def __init__(self, seed: int, taxonomy: Taxonomy, outlets: Sequence[Outlet]):
        self.rng = random.Random(seed)
        self.vocab = Vocabulary(random.Random(f"{seed}/vocabulary"))
        self.taxonomy = taxonomy
        self.outlets = outlets
        # outlets are not equally busy: a few produce most of the archive
        self.outlet_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(outlets))]
        self.keywords: list[str] = []  # the current article's own key words

    # sentences ---------------------------------------------------------------

    def words(self, count: int) -> list[str]:
        rng, vocab, keywords = self.rng, self.vocab, self.keywords
        keyword_limit = FUNCTION_WORD_SHARE + (KEYWORD_SHARE if keywords else 0.0)
        out = []
        for _ in range(count):
            roll = rng.random()
            if roll < FUNCTION_WORD_SHARE:
                out.append(rng.choice(FUNCTION_WORDS))
            elif roll < keyword_limit:
                out.append(rng.choice(keywords))
            else:
                out.append(vocab.word())
        return out

    def sentence(self, names: Sequence[str], phrases: Sequence[str]) -> str:
        """One sentence of article prose, sometimes naming an entity or a topic."""
        rng = self.rng
        words = self.words(rng.randint(8, 26))
        roll = rng.random()
        if names and roll < 0.35:
            words.insert(rng.randrange(len(words)), rng.choice(names))
        if phrases and rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), rng.choice(phrases))
        if rng.random() < 0.12:
            words.insert(rng.randrange(len(words)), f"{rng.randint(2, 95)} percent")
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), f"on {rng.choice(WEEKDAYS)}")
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        if names and 0.35 <= roll < 0.47:
            quote = " ".join(self.words(rng.randint(6, 14)))
            return f"“{quote[0].upper()}{quote[1:]},” {rng.choice(names)} said."
        if rng.random() < 0.15:
            head, _, tail = text.partition(" ")
            return f"{head}, {tail}." if tail else f"{head}."
        return text + "."

    def paragraph(self, names: Sequence[str], phrases: Sequence[str]) -> str:
        return " ".join(self.sentence(names, phrases) for _ in range(self.rng.randint(2, 5)))

    def topical(self, words: list[str]) -> list[str]:
        """``words`` with each content word replaced by one of the article's keywords: a
        headline names what its article is about. (No random draw: the rest of the corpus
        stays the same.)"""
        keywords = self.keywords
        if not keywords:
            return words
        return [w if w in FUNCTION_WORDS or w in keywords else keywords[i % len(keywords)]
                for i, w in enumerate(words)]

    def headline(self, names: Sequence[str], phrases: Sequence[str]) -> str:
        rng = self.rng
        a = rng.choice(names) if names else self.vocab.word().capitalize()
        b = " ".join(self.topical(self.words(rng.randint(3, 7))))
        form = rng.randrange(5)
        if form == 0:
            return f"{a} {b}"
        if form == 1 and phrases:
            return f"{rng.choice(phrases).capitalize()}: {a} {b}"
        if form == 2:
            return f"What {a} {b} means for {rng.choice(phrases or [b])}?"
        if form == 3 and len(names) > 1:
            return f"{a} and {rng.choice(names)} {b}, but {' '.join(self.topical(self.words(3)))}"
        tail = " ".join(self.topical(self.words(rng.randint(2, 5))))
        return f"“{b.capitalize()}”: {a} {tail}"

    def subhead(self) -> str:
        text = " ".join(self.words(self.rng.randint(2, 6)))
        return text[0].upper() + text[1:]

    def caption(self, names: Sequence[str]) -> str:
        rng = self.rng
        who = rng.choice(names) if names else "Officials"
        what = " ".join(self.words(rng.randint(5, 12)))
        credit = rng.choice(AGENCIES)
        if rng.random() < 0.3:
            return f"{who} {what} (Photo: {credit})"
        return f"{who} {what} Photo: {credit}"

    def teaser(self, outlet: Outlet) -> list[str]:
        rng = self.rng
        title = self.subhead() + " " + " ".join(self.words(rng.randint(2, 6)))
        snippet = " ".join(self.words(rng.randint(18, 40)))
        lines = [title, "", snippet[0].upper() + snippet[1:] + "..."]
        if outlet.chrome == "newsbreak":
            lines.append(rng.choice(TEASER_CATEGORIES))
        return lines

    # one capture ---------------------------------------------------------------

    def capture(self, index: int, seed: int) -> SyntheticCapture:
        rng = self.rng
        outlet = rng.choices(self.outlets, weights=self.outlet_weights)[0]
        published = START_DATE + dt.timedelta(
            days=rng.randrange((END_DATE - START_DATE).days + 1)
        )
        topics, entities = self.subjects(index)
        names = [a for e in entities for a in e.aliases]
        phrases = [a for t in topics for a in t.aliases]

        self.keywords = [self.vocab.word() for _ in range(KEYWORDS_PER_ARTICLE)]
        title = self.headline(names, phrases)
        date_in_text = rng.random() >= NO_DATE_SHARE
        outlet_in_text = outlet.chrome in ("newsbreak", "masthead") or (
            rng.random() >= NO_OUTLET_SHARE
        )
        authors = rng.sample(outlet.authors, rng.choice((1, 1, 1, 2)))

        top = self.chrome_top(outlet, title, published, outlet_in_text, date_in_text)
        head = [title]
        if rng.random() < 0.25:
            head += [title]  # pages often repeat the headline (seed 001)
        if rng.random() < 0.5:
            dek = self.sentence(names, phrases)
            head += ["", dek]
        head += ["", *self.byline(outlet, authors, published, date_in_text)]

        body = self.body(names, phrases, entities, topics)
        self.keywords = []  # what follows the article is about other things
        tail = self.chrome_bottom(outlet, outlet_in_text)
        if outlet.appends_press_release and rng.random() < 0.3:
            tail = [*self.press_release(), "", *tail]

        lines = [*top, "", *head, "", *body, "", "", *tail]
        indent = outlet.indent
        text = "\n".join(indent + line if line else "" for line in lines).rstrip() + "\n"
        if rng.random() < 0.2:
            text = text.rstrip("\n")  # several seeds end without a final newline
        digest = hashlib.sha256(f"{seed}/{index}".encode()).hexdigest()[:16]
        return SyntheticCapture(
            name=f"{index:0{NAME_WIDTH}d}_{digest}.txt",
            text=text,
            title=title,
            authors=tuple(authors),
            outlet=outlet.name,
            published=published,
            date_in_text=date_in_text,
            outlet_in_text=outlet_in_text,
            topics=tuple(t.slug for t in topics),
            entities=tuple(e.slug for e in entities),
        )

    def subjects(self, index: int) -> tuple[list[Topic], list[Entity]]:
        """Topics and entities of capture ``index``, among those that have appeared by then."""
        rng = self.rng
        topics = [t for t in self.taxonomy.topics if t.appears_at <= index]
        chosen_topics = rng.sample(topics, min(len(topics), rng.randint(1, 3)))
        known = sum(1 for e in self.taxonomy.entities if e.appears_at <= index)
        chosen: dict[int, None] = {}
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.5:
                pick = int(known * rng.random() ** 3)  # the big names, again and again
            else:
                window = max(10, known // 10)  # or who is in the news now
                pick = known - 1 - int(window * rng.random())
            chosen[max(0, min(known - 1, pick))] = None
        return chosen_topics, [self.taxonomy.entities[p] for p in chosen]

    def body(
        self,
        names: Sequence[str],
        phrases: Sequence[str],
        entities: Sequence[Entity],
        topics: Sequence[Topic],
    ) -> list[str]:
        rng = self.rng
        target = int(
            min(WORDS_MAX, max(WORDS_MIN, rng.gauss(WORDS_PER_ARTICLE, WORDS_SPREAD)))
        )
        # every subject is named in the first paragraphs, as often as a tagger needs: an
        # entity once by its full name, a topic in three different paragraphs
        topic_mentions = [t.aliases[0] for t in topics]
        must = [*topic_mentions, *(e.name for e in entities), *topic_mentions * 2]
        lines: list[str] = []
        words = 0
        since_subhead = 0
        while words < target or must:
            paragraph = self.paragraph(names, phrases)
            for _ in range(2):  # two per paragraph: a topic's mentions land in 3 paragraphs
                if must:
                    paragraph += " " + self.mention(must.pop(0))
            lines += [paragraph, ""]
            words += paragraph.count(" ") + 1
            since_subhead += 1
            roll = rng.random()
            if since_subhead >= 3 and roll < 0.4:
                lines += [self.subhead(), ""]
                since_subhead = 0
            elif roll > 0.9:
                lines += [self.caption(names), ""]
            elif roll > 0.86:
                lines += [f"Also Read | {self.subhead()}", ""]
            elif roll > 0.84:
                lines += [f"https://img.example/image.php?url={rng.getrandbits(48):012x}", ""]
        return lines[:-1]

    def mention(self, subject: str) -> str:
        words = " ".join(self.words(self.rng.randint(5, 12)))
        return f"{words[0].upper()}{words[1:]} {subject}."

    def byline(
        self, outlet: Outlet, authors: Sequence[str], published: dt.date, date_in_text: bool
    ) -> list[str]:
        rng = self.rng
        who = " and ".join(authors)
        when = _date_line(published, outlet.date_style) if date_in_text else None
        relative = f"{rng.randint(2, 11)} days ago"
        style = rng.randrange(4)
        if style == 0:
            return [f"By {who}", when or relative]
        if style == 1:
            return [when] if when else [f"By {who}"]
        if style == 2:
            return [f"{who}, {rng.choice(ROLES).capitalize()}", when or relative]
        return [when, "", f"By {who}"] if when else [f"By {who}"]

    def chrome_top(
        self,
        outlet: Outlet,
        title: str,
        published: dt.date,
        outlet_in_text: bool,
        date_in_text: bool,
    ) -> list[str]:
        rng = self.rng
        name = outlet.name if outlet_in_text else "Home"
        if outlet.chrome == "breadcrumb":
            return [
                "Connect with us",
                "",
                "Hi, what are you looking for?",
                "",
                name,
                f"1. {name}",
                "2. /",
                f"3. {rng.choice(NAV_SECTIONS)}",
                "4. /",
                f"5. {title}",
                "",
            ]
        if outlet.chrome == "nav":
            sections = rng.sample(NAV_SECTIONS, rng.randint(5, 9))
            return [name, "Menu", *sections, "Subscribe", "Sign in"]
        if outlet.chrome == "newsbreak":
            stamp = f" date {published.isoformat()}" if date_in_text else ""
            return [f"{stamp} ContributorsPublishersAdvertisers", rng.choice(NAV_SECTIONS)]
        if outlet.chrome == "masthead":
            return [outlet.name, f"{outlet.name} | {rng.choice(NAV_SECTIONS)}", "Connect with us"]
        return ["Skip to content"]

    def chrome_bottom(self, outlet: Outlet, outlet_in_text: bool) -> list[str]:
        rng = self.rng
        lines = list(rng.choice(COMMENT_PROMPTS))
        lines += ["", rng.choice(TEASER_HEADS), ""]
        for _ in range(rng.randint(3, 8)):
            lines += [*self.teaser(outlet), ""]
        if outlet_in_text:
            lines += [
                outlet.name,
                "",
                f"Welcome to {outlet.name}, your number one source for news from the world.",
                "",
                f"https://{outlet.domain}",
            ]
        lines += ["", rng.choice(("Community Policy", "Privacy Policy", "Terms of Use", "About"))]
        return lines

    def press_release(self) -> list[str]:
        text = " ".join(self.words(self.rng.randint(150, 300)))
        return [
            "The mention sources can contact us to remove/changing this article",
            "",
            self.subhead(),
            "",
            f"LOS ANGELES, CA / NEWSWIRE / {text[0].upper()}{text[1:]}.",
        ]


def _date_line(day: dt.date, style: int) -> str:
    """A publication date as outlets print it; never an ambiguous one like 05.07.2021."""
    month = MONTHS[day.month - 1]
    formats = (
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"Published {day.isoformat()} {day.toordinal() % 24:02d}:{day.day * 7 % 60:02d}",
        # ("Updated ..." alone is not printed: an update stamp is not the publication date)
        f"Posted {month} {day.day}, {day.year} at {day.day % 12 + 1}:05 p.m. EST",
        f"{month[:3]} {day.day}, {day.year}",
        f"{WEEKDAYS[day.weekday() % 5]}, {day.day} {month[:3]} {day.year}",
    )
    return formats[style % len(formats)]


def build_corpus(n: int, seed: int) -> Corpus:
    """Generate the whole corpus in memory (pure: no I/O)."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    taxonomy = build_taxonomy(n, seed)
    writer = _Writer(seed, taxonomy, build_outlets(seed))
    captures = tuple(writer.capture(index, seed) for index in range(n))
    return Corpus(n, seed, captures, taxonomy)


def curation_document(
    captures: Sequence[SyntheticCapture], curate_all: bool = False
) -> dict[str, Any]:
    """The facts captures lack, as the YAML structure of content/curation.yaml.

    With ``curate_all`` the editor has checked every capture: title, date and outlet for all
    of them, so that a build never fails on what the cleaner missed (for timing the build
    while the cleaner is being tuned).
    """
    entries: dict[str, Any] = {}
    for capture in captures:
        facts: dict[str, Any] = {}
        if curate_all:
            facts["title"] = capture.title
        if curate_all or not capture.date_in_text:
            facts["date"] = capture.published
        if curate_all or not capture.outlet_in_text:
            facts["outlet"] = capture.outlet
        if facts:
            entries[capture.name] = facts
    return {"captures": entries}


def _dump_yaml(document: dict[str, Any], header: str) -> str:
    body = yaml.safe_dump(
        document, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False
    )
    return header + body


# --- I/O -------------------------------------------------------------------------------------


def generate_corpus(n: int, seed: int, dest: Path, *, curate_all: bool = False) -> None:
    """Write ``dest/captures/*.txt``, ``dest/curation.yaml`` and ``dest/taxonomy.yaml``.

    ``dest/captures`` must be missing or empty: a corpus never mixes with other files.
    ``curate_all``: see ``curation_document``.
    """
    captures_dir = dest / "captures"
    if captures_dir.exists() and any(captures_dir.iterdir()):
        raise FileExistsError(
            f"{captures_dir}: not empty. Fix: generate into a new directory or remove it first"
        )
    corpus = build_corpus(n, seed)
    captures_dir.mkdir(parents=True, exist_ok=True)
    for capture in corpus.captures:
        (captures_dir / capture.name).write_bytes(capture.text.encode("utf-8"))
    header = f"# Generated by digest.corpus (n={n}, seed={seed}). Regenerate, do not edit.\n"
    (dest / "taxonomy.yaml").write_bytes(
        _dump_yaml(taxonomy_document(corpus.taxonomy), header).encode("utf-8")
    )
    (dest / "curation.yaml").write_bytes(
        _dump_yaml(curation_document(corpus.captures, curate_all), header).encode("utf-8")
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m digest.corpus", description="Write a synthetic archive of captures."
    )
    parser.add_argument("n", type=int, help="number of captures")
    parser.add_argument("dest", type=Path, help="directory to write captures/ and the YAML to")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--curate-all", action="store_true",
                        help="curation.yaml gives title, date and outlet for every capture")
    args = parser.parse_args(argv)
    try:
        generate_corpus(args.n, args.seed, args.dest, curate_all=args.curate_all)
    except (FileExistsError, ValueError) as error:
        print(error)
        return 2
    print(f"{args.dest}: {args.n} captures (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
