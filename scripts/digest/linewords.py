"""The content words of a line of text, computed once and shared by the cleaner's stages.

The appended-article cut, the line model and the headline chooser all compare lines by their
content words (lower-cased words of two letters or more, no stopwords, no bare numbers). They
read the same lines, so the words are cached here by the line's text: a pure function of a
string, computed once per distinct line (and page furniture that comes back from capture to
capture is not even computed twice). Each stage keeps its own definition on top of these
(word length, stemming); only where the definitions coincide is the cached value reused.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from digest import rules as R

# Lower-casing a whole text and then splitting it into words gives the same words as splitting
# it and lower-casing each word, but for two characters: "İ" lower-cases to two characters (one
# of them no word character), and "Σ" lower-cases by its neighbours (final sigma). Every other
# character lower-cases to one character, a word character exactly when it is one.
_CASE_SPLITS = ("İ", "Σ")


@functools.lru_cache(maxsize=1 << 14)
def content_tokens(text: str) -> tuple[str, ...]:
    """The content words of ``text`` in order, repeats kept, each word lower-cased by itself."""
    if not text.isascii():
        # curly quotes, dashes and the like are no word characters: as spaces, the words are
        # the same, and most English lines become ASCII, read below without the pattern
        plain = R.marks_as_spaces(text)
        if plain.isascii():
            text = plain
    if text.isascii():
        # the runs of word bytes, split at every other byte: _WORDS_RE's words (and those of
        # one character), two to three times as fast as finding them with the pattern
        runs = text.lower().encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii")
        if not _ASCII_DIGIT_RE.search(runs):  # no word is a number
            return tuple([w for w in runs.split() if w not in R.STOPWORDS and len(w) > 1])
        return tuple([w for w in runs.split()
                      if w not in R.STOPWORDS and len(w) > 1 and not w.isdigit()])
    if not _case_splits(text):
        low = text.lower()
        tokens = _WORDS_RE.findall(low)  # the words of two characters or more
        if low.isascii() and not _ASCII_DIGIT_RE.search(low):  # no word is a number
            return tuple([w for w in tokens if w not in R.STOPWORDS])
        return tuple([w for w in tokens if w not in R.STOPWORDS and not w.isdigit()])
    tokens = [t.lower() for t in R.WORD_RE.findall(text)]
    return tuple([w for w in tokens if len(w) > 1 and w not in R.STOPWORDS and not w.isdigit()])


_WORDS_RE = re.compile(r"\w{2,}")  # R.WORD_RE's words but those of one character
# A run of Chinese or Japanese characters, or of any other word characters
_CJK_PARTS_RE = re.compile(rf"{R.CJK_RE.pattern}+|[^\W{R.CJK_RE.pattern[1:-1]}]+")


def cjk_split(tokens: Iterable[str]) -> list[str]:
    """``tokens`` with each run of Chinese or Japanese characters in them as its pairs of
    characters: in a script written without spaces such a run is a phrase, not a word, and its
    pairs stand for its words (the usual unit of such text's search: "中俄两国" -> "中俄",
    "俄两", "两国"); other words as they are. The line model reads a run as one word (it was
    trained so); the headline's test of subject reads the pairs."""
    out: list[str] = []
    for tok in tokens:
        if not R.CJK_RE.search(tok):
            out.append(tok)
            continue
        for part in _CJK_PARTS_RE.findall(tok):
            if R.CJK_RE.match(part):
                out.extend(part[k:k + 2] for k in range(max(1, len(part) - 1)))
            elif len(part) > 1:
                out.append(part)
    return out
# ASCII bytes: a word character (``\w``: [A-Za-z0-9_]) as itself, any other as a space
_ASCII_NON_WORD_TO_SPACE = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) == "_") else ord(" ") for c in range(256)
)
_ASCII_DIGIT_RE = re.compile(r"[0-9]")


@functools.lru_cache(maxsize=1 << 14)
def content_word_set(text: str) -> frozenset[str]:
    """The distinct content words of ``text`` lower-cased as a whole (``text.lower()`` first,
    then split into words)."""
    if text.isascii() or not _case_splits(text):
        return frozenset(content_tokens(text))
    return frozenset(
        w for w in set(R.WORD_RE.findall(text.lower()))
        if len(w) > 1 and w not in R.STOPWORDS and not w.isdigit()
    )


def _case_splits(text: str) -> bool:
    return _CASE_SPLITS[0] in text or _CASE_SPLITS[1] in text


def case_splits(text: str) -> bool:
    """Whether ``text`` holds a letter that lower-cases by its neighbours or into two
    characters: only then is ``content_word_set(text)`` not ``set(content_tokens(text))``."""
    return _case_splits(text)


def content_word_set_of(texts: list[str]) -> set[str]:
    """``content_word_set("\\n".join(texts))``, from the lines' cached sets: words never run
    across a line break, and lower-casing stops at one (no letter is cased by its neighbour
    across it)."""
    out: set[str] = set()
    for text in texts:
        out |= content_word_set(text)
    return out


def clear_caches() -> None:
    """Forget the cached words (benchmarks time the cleaner cold)."""
    content_tokens.cache_clear()
    content_word_set.cache_clear()
