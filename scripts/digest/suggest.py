"""Suggest names for the taxonomy: frequent proper names that no alias covers yet.

1. split each text into sentences and the sentences into words;
2. collect runs of capitalised words ("Power of Siberia", "Carnegie Endowment for
   International Peace"), joined at most by "of" or "for", broken by punctuation
   and possessives; drop a sentence-initial common word ("According", "The");
3. keep the runs of two words or more in which some capitalised word is not inside a
   taxonomy alias (topics and entities, with the matching rules of topics.py);
   and one-word names ("NASA", "Europa"): a capitalised word alone, not at a sentence start,
   never seen in lowercase, no month, weekday or title, found in at least
   ``ONE_WORD_MIN_CAPTURES`` captures (one capture repeating a word proves little);
4. count them, most frequent first, then alphabetically.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .events import ABBREVIATIONS, split_sentences
from .taxonomy import Taxonomy
from .topics import entity_matchers, find_mentions, topic_matchers

#: lowercase words allowed inside a name ("Sea of Japan", "Institute for ..."); not "of the",
#: which mostly joins a person to an affiliation ("Alexander Gabuev of the Carnegie ...")
CONNECTORS = ("of", "for")
#: capitalised words that start sentences without starting names
COMMON_STARTERS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "as", "for", "from",
    "with", "by", "after", "before", "since", "while", "when", "if", "but", "and", "or", "so",
    "yet", "although", "despite", "according", "meanwhile", "however", "nonetheless", "both",
    "his", "her", "their", "its", "our", "we", "they", "he", "she", "it", "some", "any",
    "many", "most", "several", "prior", "following", "ahead", "during", "under", "over",
})

#: a one-word name must be seen in this many captures
ONE_WORD_MIN_CAPTURES = 2
#: capitalised inside sentences without being names worth a taxonomy entry
NOT_NAMES = frozenset({
    "i", "mr", "mrs", "ms", "dr", "st", "jr", "sr",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})

_WORD = re.compile(r"(?P<lead>[\"“‘(\[]*)(?P<core>\w[\w'’.-]*)(?P<trail>[^\w\s]*)")
_POSSESSIVE = re.compile(r"['’]s?$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


@dataclass(frozen=True)
class _Word:
    text: str
    capital: bool
    initial: bool  # first word of its sentence
    breaks_before: bool  # an opening quote or bracket before it
    breaks_after: bool  # punctuation or a possessive after it


def _words(sentence: str) -> list[_Word]:
    out = []
    for i, m in enumerate(_WORD.finditer(sentence)):
        core, trail = m.group("core"), m.group("trail")
        possessive = bool(_POSSESSIVE.search(core)) and not _INITIALS.match(core)
        core = _POSSESSIVE.sub("", core)
        if core.endswith(".") and not (
            _INITIALS.match(core) or core[:-1].lower() in ABBREVIATIONS
        ):
            core, trail = core[:-1], "." + trail
        if not core:
            continue
        out.append(_Word(
            text=core,
            capital=core[0].isupper(),
            initial=i == 0,
            breaks_before=bool(m.group("lead")),
            breaks_after=bool(trail) or possessive,
        ))
    return out


def _runs(words: list[_Word]) -> Iterable[list[_Word]]:
    """Runs of capitalised words, joined by connectors, in one sentence."""
    run: list[_Word] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.capital:
            if run and (word.breaks_before or run[-1].breaks_after):
                yield run
                run = []
            run.append(word)
            i += 1
            continue
        joined = _connector_at(words, i) if run and not run[-1].breaks_after else 0
        if joined:
            run.extend(words[i:i + joined])
            i += joined
            continue
        if run:
            yield run
        run = []
        i += 1
    if run:
        yield run


def _connector_at(words: list[_Word], i: int) -> int:
    """How many connector words start at i and lead to a capitalised word (0 if none)."""
    for connector in sorted(CONNECTORS, key=len, reverse=True):
        parts = connector.split()
        n = len(parts)
        if (
            [w.text for w in words[i:i + n]] == parts
            and not any(w.breaks_after for w in words[i:i + n])
            and i + n < len(words)
            and words[i + n].capital
            and not words[i + n].breaks_before
        ):
            return n
    return 0


def _name(run: list[_Word], common: set[str]) -> str | None:
    if run and run[0].initial and run[0].text.lower() in common:
        run = run[1:]
    if sum(1 for w in run if w.capital) < 2:
        return None
    return " ".join(w.text for w in run)


def _covered(name: str, taxonomy: Taxonomy) -> bool:
    """True when every capitalised word of ``name`` lies inside some alias match."""
    spans = [
        (m.start, m.end)
        for matchers in (entity_matchers(taxonomy), topic_matchers(taxonomy))
        for m in find_mentions(name, matchers)
    ]
    for w in re.finditer(r"[^\s-]+", name):  # "Xi Jinping-Putin" is two names
        if w.group()[0].isupper() and not any(a <= w.start() and w.end() <= b for a, b in spans):
            return False
    return True


def _one_word(run: list[_Word], common: set[str]) -> str | None:
    """A lone capitalised word inside a sentence that reads as a name ("NASA", "Europa")."""
    if len(run) != 1:
        return None
    word = run[0]
    text = word.text
    if (word.initial or word.breaks_before or len(text) < 2 or not text[0].isalpha()
            or text.lower() in common or text.rstrip(".").lower() in NOT_NAMES):
        return None
    return text


def suggest(texts: Iterable[str], taxonomy: Taxonomy, min_count: int = 2,
            captures: Sequence[str] | None = None) -> list[tuple[str, int]]:
    """(name, occurrences) of frequent proper names no alias covers, most frequent first.

    ``captures`` names the capture each text comes from (default: each text its own)."""
    texts = list(texts)
    owners = list(captures) if captures is not None else [str(i) for i in range(len(texts))]
    # words seen in lowercase somewhere are common words when they start a sentence
    common = set(COMMON_STARTERS)
    for text in texts:
        common.update(w for w in re.findall(r"\b[a-z][a-z'’]*\b", text))
    counts: Counter[str] = Counter()
    single: Counter[str] = Counter()
    seen_in: dict[str, set[str]] = {}
    for text, owner in zip(texts, owners, strict=True):
        for sentence in split_sentences(text):
            for run in _runs(_words(sentence)):
                name = _name(run, common)
                if name is not None:
                    counts[name] += 1
                word = _one_word(run, common)
                if word is not None:
                    single[word] += 1
                    seen_in.setdefault(word, set()).add(owner)
    for word, n in single.items():
        if len(seen_in[word]) >= ONE_WORD_MIN_CAPTURES:
            counts[word] += n
    frequent = [(name, n) for name, n in counts.items() if n >= min_count]
    return sorted(
        ((name, n) for name, n in frequent if not _covered(name, taxonomy)),
        key=lambda kv: (-kv[1], kv[0]),
    )
