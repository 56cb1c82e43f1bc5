"""lunr.js 2.3.9 text processing for lunr.py 0.8.0, so that an index built in Python answers
exactly like one built by lunr.js in the browser.

lunr.py 0.8.0 departs from lunr.js in four places that change which terms are indexed:

1. **Stemmer.** lunr.py ports Martin Porter's C stemmer; lunr.js uses a regex Porter stemmer.
   They disagree on a final "y": lunr.py gives ``todai mondai sydnei monei try sai plai``
   for ``today monday sydney money try says played``, lunr.js gives ``today monday sydney
   money tri say play`` (and ``trying`` is "try" vs "tri"). :func:`porter_stem` is a
   step-for-step port of the lunr.js function, regexes included.
2. **Trimmer.** lunr.js strips ``^\\W+`` and ``\\W+$`` with ASCII ``\\W``; lunr.py's regex only
   trims when the middle is all word characters (so ``u.s.,`` stays whole). lunr.js's ASCII
   ``\\W`` trims every word of a Russian article to nothing (and ``café`` to ``caf``): a digest's
   Russian pages could not be found by any of their words. :func:`trim` strips the leading and
   trailing characters that are no letter, digit or underscore in any script (Unicode ``\\w``),
   and the browser's worker trims its queries with the same rule (``trimmer`` in
   search-worker.js, ``/[^\\p{L}\\p{N}_]/u``), as the parity harness's lunr.js Builder does.
   (The two agree on every character Python's Unicode database assigns.)
3. **Tokenizer.** lunr.js splits on ``/[\\s\\-]+/`` where ``\\s`` is JavaScript's whitespace
   class; lunr.py only knows seven separator characters.
4. **List-valued fields** with ``metadata_whitelist=['position']`` crash lunr.py (list tokens
   carry no position). We never index lists: the builder joins them into a string first.

And one place where both depart from lunr.js on purpose: **Russian.** Porter's rules leave a
Cyrillic word as it is, so "Путин", "Путина" and "Путиным" were three unrelated terms.
:func:`stem` gives a word holding a Cyrillic letter to the Russian Snowball algorithm
(``snowballstemmer``, the Snowball project's own Python output) and every other word to
:func:`porter_stem`, so an English index keeps every byte. The worker stems with
lunr-languages' ``lunr.ru.stemmer``, a JavaScript port of the same algorithm
(``stemmerFor`` in search-worker.js); tests/test_lunr_parity.py stems some 26,000 Russian
word forms with both and finds them identical.

The shim is not a global monkeypatch: :func:`js_compatible_builder` returns a fresh
``lunr.Builder`` whose pipelines hold these functions under lunr's own labels (``trimmer``,
``stopWordFilter``, ``stemmer``), so the serialised index loads in lunr.js with lunr.js's
functions, and nothing else in the process that uses lunr.py is affected.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from lunr.builder import Builder
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.token import Token

# The module itself, not snowballstemmer.stemmer("russian"): that one silently prefers PyStemmer
# (C, built from whatever Snowball release it bundles) when it is installed, and the worker's
# stems are proven equal to this pinned pure-Python output only.
from snowballstemmer.russian_stemmer import RussianStemmer

# JavaScript's \s (ECMAScript WhiteSpace + LineTerminator) plus the hyphen: lunr.tokenizer.separator
JS_WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
SEPARATORS = frozenset(JS_WHITESPACE + "-")

# what is no letter, digit or underscore in any script: JS /[^\p{L}\p{N}_]/u (search-worker.js)
_LEADING_NON_WORD = re.compile(r"^\W+")
_TRAILING_NON_WORD = re.compile(r"\W+$")


# Chinese and Japanese characters (ideographs, kana): a text in them has no spaces between words
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def cjk_words(text: str) -> str:
    """``text`` with each run of Chinese or Japanese characters as its overlapping pairs of
    characters, a space around each ("中俄两国" -> " 中俄 俄两 两国 "; a single character as
    itself): a language written without spaces has no words for lunr's tokenizer to split,
    and pairs are the usual unit of its search (a two-character word is found whole, a longer
    one by all of its pairs). Other text is left as it is. The builder indexes every field
    so, and the worker reads a query so (``cjkWords`` in search-worker.js)."""
    if text.isascii() or _CJK_RUN.search(text) is None:
        return text
    return _CJK_RUN.sub(_pairs, text)


def _pairs(run: re.Match[str]) -> str:
    chars = run.group()
    if len(chars) == 1:
        return f" {chars} "
    return " " + " ".join(chars[k:k + 2] for k in range(len(chars) - 1)) + " "


def js_lower(text: str) -> str:
    """String.prototype.toLowerCase for the text we index (Python's lower() agrees on it)."""
    return text.lower()


def tokenize(text: str | None) -> list[str]:
    """lunr.tokenizer on a string: lower-case, split on JS whitespace and hyphens."""
    if text is None:
        return []
    lowered = js_lower(str(text))
    tokens: list[str] = []
    start = 0
    for end, char in enumerate(lowered):
        if char in SEPARATORS:
            if end > start:
                tokens.append(lowered[start:end])
            start = end + 1
    if len(lowered) > start:
        tokens.append(lowered[start:])
    return tokens


def trim(text: str) -> str:
    """lunr.trimmer's string function, for every script (see the module docstring, 2)."""
    return _TRAILING_NON_WORD.sub("", _LEADING_NON_WORD.sub("", text, count=1), count=1)


# --- lunr.stemmer, ported regex for regex from lunr.js 2.3.9 -------------------------------------

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}
_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence
# JS `$` never matches before a trailing newline, Python's does: use \Z throughout.
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + r")?\Z")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem
_RE_1A = re.compile(r"^(.+?)(ss|i)es\Z")
_RE2_1A = re.compile(r"^(.+?)([^s])s\Z")
_RE_1B = re.compile(r"^(.+?)eed\Z")
_RE2_1B = re.compile(r"^(.+?)(ed|ing)\Z")
_RE2_1B_2 = re.compile(r"(at|bl|iz)\Z")
_RE3_1B_2 = re.compile(r"([^aeiouylsz])\1\Z")
_RE4_1B_2 = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")
_RE_1C = re.compile(r"^(.+?[^aeiou])y\Z")
_RE_2 = re.compile("^(.+?)(" + "|".join(_STEP2) + r")\Z")
_RE_3 = re.compile("^(.+?)(" + "|".join(_STEP3) + r")\Z")
_RE_4 = re.compile(
    r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\Z"
)
_RE2_4 = re.compile(r"^(.+?)(s|t)(ion)\Z")
_RE_5 = re.compile(r"^(.+?)e\Z")
_RE_5_1 = re.compile(r"ll\Z")
_RE3_5 = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")


def _drop_last(word: str) -> str:
    """JS ``w.replace(/.$/, "")``: `.` does not match line terminators (never in a token)."""
    return word[:-1] if word and word[-1] not in "\n\r\u2028\u2029" else word


@functools.lru_cache(maxsize=1 << 17)  # an archive's vocabulary is small beside its word count
def porter_stem(word: str) -> str:
    """lunr.js's porterStemmer, step for step (the comments name its steps)."""
    if len(word) < 3:
        return word
    first = word[0]
    w = "Y" + word[1:] if first == "y" else word

    # Step 1a
    if (m := _RE_1A.match(w)) or (m := _RE2_1A.match(w)):
        w = m.group(1) + m.group(2)

    # Step 1b
    if m := _RE_1B.match(w):
        if _MGR0.match(m.group(1)):
            w = _drop_last(w)
    elif m := _RE2_1B.match(w):
        stem = m.group(1)
        if _S_V.match(stem):
            w = stem
            if _RE2_1B_2.search(w):
                w = w + "e"
            elif _RE3_1B_2.search(w):
                w = _drop_last(w)
            elif _RE4_1B_2.match(w):
                w = w + "e"

    # Step 1c
    if m := _RE_1C.match(w):
        w = m.group(1) + "i"

    # Step 2
    if (m := _RE_2.match(w)) and _MGR0.match(m.group(1)):
        w = m.group(1) + _STEP2[m.group(2)]

    # Step 3
    if (m := _RE_3.match(w)) and _MGR0.match(m.group(1)):
        w = m.group(1) + _STEP3[m.group(2)]

    # Step 4
    if m := _RE_4.match(w):
        if _MGR1.match(m.group(1)):
            w = m.group(1)
    elif m := _RE2_4.match(w):
        stem = m.group(1) + m.group(2)
        if _MGR1.match(stem):
            w = stem

    # Step 5
    if m := _RE_5.match(w):
        stem = m.group(1)
        if _MGR1.match(stem) or (_MEQ1.match(stem) and not _RE3_5.match(stem)):
            w = stem
    if _RE_5_1.search(w) and _MGR1.match(w):
        w = _drop_last(w)

    # and turn initial Y back to y
    if first == "y":
        w = "y" + w[1:]
    return w


# --- Russian: the Snowball algorithm for words in Cyrillic ---------------------------------------

# The Cyrillic and Cyrillic Supplement blocks: a word holding any of their letters is Russian to
# the stemmer (search-worker.js tests the same range). Ukrainian or Serbian words get Russian
# rules too: imperfect, but the same on both sides, which is what keeps search exact.
_CYRILLIC = re.compile("[\u0400-\u052f]")
# Snowball folds "ё" into "е" since its 2.0 release; lunr-languages' port predates that and
# treats "ё" as a consonant ("ещё" kept whole, "её" not found as "ее"). Folding before either
# stemmer runs makes the two agree, and a reader who types "е" for "ё" (as most do) finds it.
_YO = str.maketrans("ёЁ", "еЕ")
_russian = RussianStemmer()


@functools.lru_cache(maxsize=1 << 17)
def russian_stem(word: str) -> str:
    """The Russian Snowball stem of ``word``, "ё" read as "е" ("путиным" -> "путин")."""
    return str(_russian.stemWord(word.translate(_YO)))


def stem(word: str) -> str:
    """The index's stemmer: Russian Snowball for a word holding a Cyrillic letter, lunr.js's
    Porter stemmer for every other word (its stems, and so English indexes, as before)."""
    if word.isascii() or _CYRILLIC.search(word) is None:
        return porter_stem(word)
    return russian_stem(word)


# --- pipeline functions with lunr's labels ----------------------------------------------------

PipelineFn = Callable[..., Any]


def _labelled(fn: PipelineFn, label: str) -> PipelineFn:
    fn.label = label  # type: ignore[attr-defined]  # lunr.py reads .label to serialise
    return fn


def _trimmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda s, _metadata: trim(s))


def _stop_word_filter(
    token: Token, i: int | None = None, tokens: list[Token] | None = None
) -> Token | None:
    return None if str(token) in STOP_WORDS else token


def _stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda s, _metadata: stem(s))


trimmer = _labelled(_trimmer, "trimmer")
stop_word_filter = _labelled(_stop_word_filter, "stopWordFilter")
# lunr's own label, though the function also stems Russian: an English index serialises as
# before to the byte, and a serialised index still loads in a stock lunr.js (which would stem
# only its English the same way). The worker and the parity harness register the Russian-aware
# function under this label before they load an index (search-worker.js, `stemmerFor`); a label of
# our own would make every stock lunr.js refuse every index, English ones included.
stemmer = _labelled(_stemmer, "stemmer")


_TO_SPACE = str.maketrans(dict.fromkeys(JS_WHITESPACE, " "))


def js_separators(text: str) -> str:
    """Map every JavaScript whitespace character to a space.

    lunr.py's tokenizer splits on seven characters only; after this it splits where lunr.js does.
    The builder applies it to every field value before lunr.py sees it.
    """
    return text.translate(_TO_SPACE)


_TOKEN = re.compile("[^" + re.escape(JS_WHITESPACE + "-") + "]+")
#: Python's str.split() splits on JavaScript's whitespace but for these: it also splits on
#: \x1c-\x1f and \x85, and never on \ufeff (checked over every code point by a test).
_SPLIT_DIFFERS = re.compile("[\x1c-\x1f\x85\ufeff]")


def js_tokens(lowered: str) -> list[str]:
    """lunr.tokenizer's pieces of lower-cased text: runs between JS whitespace and hyphens.

    str.split() is about twice as fast as the regex, and splits at the same places unless the
    text holds one of the characters on which the two disagree (rare: then the regex).
    """
    if _SPLIT_DIFFERS.search(lowered):
        return _TOKEN.findall(lowered)
    return lowered.replace("-", " ").split()


@functools.lru_cache(maxsize=1 << 18)
def _index_term(raw: str) -> str | None:
    """Trimmer, stop word filter and stemmer on one token (None: filtered out)."""
    trimmed = trim(raw)
    return None if trimmed in STOP_WORDS else stem(trimmed)


@functools.lru_cache(maxsize=1 << 18)
def _changed_form(raw: str) -> str | None:
    """The token as lunr.js indexes it before stemming, when the stemmer changes it."""
    term = _index_term(raw)
    if term is None:
        return None
    trimmed = trim(raw)
    return trimmed if trimmed != term else None


def analyse_fast(text: str) -> list[str]:
    """``analyse`` for whole archives: one split and a memo per distinct token.

    Equal to ``analyse`` for every input (a test checks it on arbitrary text).
    """
    terms: list[str] = []
    for raw in js_tokens(js_lower(text)):
        term = _index_term(raw)
        if term is not None:
            terms.append(term)
    return terms


def term_counts_and_forms(text: str) -> tuple[int, dict[str, int], list[str]]:
    """``analyse`` reduced to what an index keeps: the number of terms, and each distinct
    term's frequency, in order of first appearance (lunr's term order); plus the text's
    distinct words that the stemmer changes, trimmed and lower-cased as lunr.js indexes them
    ("beijing" for the term "beij"), in order of first appearance.

    Tokens are counted first (collections.Counter counts in C), so the pipeline runs once per
    distinct token instead of once per word. Counter keeps first-appearance order, and the
    first token giving a term comes first, so the terms keep theirs.

    The index holds stems only, and a typo in such a word ("beijng") can be more than one
    edit away from its stem: the typo retry compares the typed word with these forms too.
    """
    counts: dict[str, int] = {}
    forms: dict[str, None] = {}
    length = 0
    for raw, n in Counter(js_tokens(js_lower(text))).items():
        term = _index_term(raw)
        if term is not None:
            counts[term] = counts.get(term, 0) + n
            length += n
            form = _changed_form(raw)
            if form is not None:
                forms[form] = None
    return length, counts, list(forms)


def analyse(text: str) -> list[str]:
    """The full index pipeline on one string: what lunr.js would put in the index."""
    terms: list[str] = []
    for raw in tokenize(text):
        trimmed = trim(raw)
        if trimmed in STOP_WORDS:
            continue
        terms.append(stem(trimmed))
    return terms


def js_compatible_builder() -> Builder:
    """A lunr.py Builder whose text processing matches lunr.js 2.3.9's default builder."""
    builder = Builder()
    builder.pipeline.add(trimmer, stop_word_filter, stemmer)
    builder.search_pipeline.add(stemmer)
    return builder
