"""Stage 2, classify: give every line of a capture a kind and the rule that decided it.

Text captures (what "select all, copy" gives):

1. split into numbered lines and measure each (words, sentence ends);
2. find the article core: the best-scoring run of lines, where prose adds and menus,
   labels and boundaries ("Related", "Leave a Reply") subtract (rules.py thresholds);
3. grow the core over the text around it (lists, short sentences) so that no sentence is lost
   at the edges, up to boundaries, menus and site notices;
4. cut an unrelated article appended after the real one (a headline followed by text that
   shares little of the article's topic and vocabulary), a teaser list after a boundary, or
   what follows a copyright notice; keep, as "unsure", the closing line under the article (a
   credit, a copyright sentence) and a last paragraph after a small inline box ("Related
   Links"); a headline and standfirst opening the core move to the header;
5. classify each line: blank, header (title, dek, byline, dateline) before the core,
   line rules inside it (captions, teasers, share bars, ...), boilerplate outside it; a line
   of the core that no rule recognises stays in the body (``body``, ``subhead`` or ``unsure``);
   labels trailing after the last paragraph are page furniture; after the line model (the
   models are trained on the rule pass as it is), a comment thread that no line opens and the
   comments' prompts ("Have your say") leave the body, and what stands under the first prompt
   under the article's paragraphs goes with it;
6. build the body blocks and the metadata (metadata.py).

HTML captures go through the DOM-aware extractor (html_extract.py) instead.

Nothing is deleted: every line of the capture is in ``Cleaned.lines`` with its kind and rule.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import gc
import itertools
import json
import math
import operator
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from digest import headline, linemodel, linewords
from digest import metadata as meta
from digest import rules as R
from digest.model import BODY_KINDS, Block, Capture, Cleaned, Line, LineKind


@dataclass(frozen=True)
class _Feat:
    """What pass 1 knows about a line."""

    text: str  # stripped
    words: int
    prose: bool  # a paragraph of running text
    sentence: bool  # ends like a sentence
    boundary: bool  # opens comments, teasers, share bar or footer
    legal: bool  # a site notice written as prose (disclaimer, cookies, affiliate links)
    dateline: bool  # a date or time alone on a line
    teaser: bool  # a teaser headline glued to its blurb
    link_row: bool  # a row of links or buttons
    repeated: bool  # a long line that occurs again nearby (gallery caption, teaser)
    dup: bool = False  # the line occurs more than once in the capture (any length)
    label_like: bool = False  # not prose nor a sentence, every word capitalised (a menu item)
    # the word the glued-teaser pattern read as a headline run into its blurb occurs elsewhere
    # in the capture: a name in two capitals ("MasterCard"), and the line no teaser
    glue_named: bool = False
    score: float = 0.0  # density score (_score): what the line adds to a run of article text


def clean(capture: Capture, captured_on: dt.date | None = None) -> Cleaned:
    """Classify every line of ``capture`` and extract its metadata.

    ``captured_on`` (the day the page was saved), when known, lets a relative date such as
    "5 days ago" be resolved; without it such a date stays unknown.
    """
    if capture.format == "html":
        from digest.html_extract import clean_html

        return clean_html(capture)
    return clean_text(capture, captured_on)


def clear_caches() -> None:
    """Forget the per-text facts the cleaner keeps (benchmarks time the cleaner cold)."""
    for f in (_facts, _plain_facts, R.any_line_rule, R.header_furniture, linemodel.comment_meta,
              linemodel.content_words):
        f.cache_clear()
    _FIRST_RULE.clear()
    linewords.clear_caches()
    headline.clear_caches()


def split_lines(text: str) -> list[str]:
    """The lines of a decoded capture (a final newline does not start an empty line)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


count_words = R.count_words  # (its home is rules, where the headline reads it too)


_DIGIT_RE = re.compile(r"\d")  # a digit of any script, as the date patterns' \d reads one


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit as the date patterns' ``\\d`` reads one (any script)."""
    if text.isascii():  # (a deletion of the digit bytes is faster than a search)
        return len(text.encode("ascii").translate(None, b"0123456789")) < len(text)
    return _DIGIT_RE.search(text) is not None


def _no_digit_dateline(lower: str) -> bool:
    """Whether a line without a figure can be a DATELINE_RE line ("Yesterday", "Today",
    "Just now"): every other form of it has a figure."""
    return "yesterday" in lower or "today" in lower or "just" in lower


def _norm(text: str) -> str:
    """A line's text without a leading list number ("5. Title" is "Title" shown again)."""
    return R.LIST_NUMBER_RE.sub("", text)


def _features(raw: list[str]) -> list[_Feat]:
    stripped = [line.strip(R.STRIP_CHARS) for line in raw]
    normed = [_norm(t) if t[:1].isdigit() else t for t in stripped]  # LIST_NUMBER_RE needs one
    keys = [key for text, key in zip(stripped, normed, strict=True) if text]
    counts = Counter(keys)  # how often each text occurs
    # where a text occurs twice or more, counted in non-blank lines (most pages: none)
    positions: dict[str, list[int]] = {}
    if len(counts) < len(keys):
        for n, key in enumerate(keys):
            if counts[key] > 1:
                positions.setdefault(key, []).append(n)
    near_repeat = {
        text
        for text, pos in positions.items()
        if any(b - a <= R.REPEAT_NEAR_LINES for a, b in itertools.pairwise(pos))
    }
    # Each line gets a record of its own around its cached facts (``_Feat(**facts)``, the dict
    # shared, not copied: a record is frozen, its ``__dict__`` never written), not a cached
    # record: the garbage collector never tracks a dict of strings, numbers and booleans but
    # tracks every class instance, and its full collections walked every cached record (tens of
    # thousands over a batch of captures). A capture's records die with it, before any
    # collection sees them (``clean_text`` pauses the collector).
    new, set_dict = _new_object, _set_dict
    out: list[_Feat] = []
    append = out.append
    for text, key in zip(stripped, normed, strict=True):
        if not text:
            append(_BLANK)
            continue
        f = new(_Feat)
        set_dict(f, "__dict__", _facts(text, key in near_repeat, True) if key in positions
                 else _plain_facts(text))
        append(f)
    for j in _glue_names(out, stripped):
        f = new(_Feat)
        set_dict(f, "__dict__", _named_glue_facts(out[j].__dict__))
        out[j] = f
    for j in _shouted_lines(out):
        f = new(_Feat)
        set_dict(f, "__dict__", _shouted_facts(out[j].__dict__))
        out[j] = f
    return out


def _shouted(text: str) -> bool:
    """Written in capitals: every letter a capital (str.isupper: no lower-case letter; and no
    letter of a script without capitals: a Chinese paragraph naming "GDP" has no lower-case
    letter either)."""
    return text.isupper() and not any(ch.isalpha() and not ch.isupper() for ch in text)


def _shouted_lines(feats: list[_Feat]) -> list[int]:
    """The lines of prose written in capitals alone, on a page whose prose is mostly in mixed
    case: a blog's description in its header ("EVERY DAY I EXPERIENCE LIFE IN THE WORLD OF
    HEALTHCARE IT, ..."), a sign-up pitch, a comment form's labels, a reader shouting. They are
    no paragraph of the article, whose prose is written in the page's case; an article printed
    in capitals throughout keeps its prose (no mixed-case prose outweighs it)."""
    shouted = [j for j, f in enumerate(feats) if f.prose and _shouted(f.text)]
    if not shouted:
        return []
    loud = sum(feats[j].words for j in shouted)
    plain = sum(f.words for f in feats if f.prose) - loud
    return shouted if plain >= R.SHOUTED_PLAIN_RATIO * loud else []


_SHOUTED_KIND: tuple[LineKind, str] = ("boilerplate", "shouted")


def _shouted_outside(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The lines around the article dropped for their place that ``_shouted_lines`` took
    for no prose (a sentence of R.PROSE_MIN_WORDS words or more in capitals alone): the line
    model does not give them back, as they are no paragraph of the article (the blog's
    description over its post, train 178176af2709)."""
    return [j for j, f in enumerate(feats)
            if kinds[j] in (_BEFORE_KIND, _AFTER_KIND) and f.sentence and not f.prose
            and f.words >= R.PROSE_MIN_WORDS and _shouted(f.text)]


def _shouted_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """``facts`` of a shouted line of prose (``_shouted_lines``): no prose, and its density
    score as such."""
    text = facts["text"]
    label = not facts["sentence"] and R.LABEL_LIKE_RE.match(text) is not None
    return {**facts, "prose": False, "label_like": label,
            "score": _line_score(text, facts["words"], False, facts["sentence"],
                                 facts["boundary"], facts["legal"], facts["dateline"],
                                 facts["teaser"], facts["link_row"], facts["repeated"], label)}


def _glue_names(feats: list[_Feat], texts: list[str]) -> list[int]:
    """The teaser lines of running prose whose glue is a name: the word where the
    glued-teaser pattern saw a headline run into its blurb ("Title RunDenny won ...") occurs
    on another line of the capture. A glue is made where two lines meet and is found once; a
    name in two capitals ("The MBNA Rewards MasterCard is a great companion ...", train
    278a3bfe0923, whose article ended there; "Xbox SmartGlass", "LaserMotive") is written
    again in the article. A short line stays a teaser: a menu's teasers name the site's
    brands again and again ("WOD Demo at CrossFit Central - video")."""
    found = []
    for j, f in enumerate(feats):
        if not (f.teaser and f.prose):
            continue
        m = R.GLUED_TEASER_RE.match(f.text)
        if m is None:
            continue  # a gallery counter
        word = f.text[:m.end()].split()[-1].strip(_GLUE_PUNCTUATION)
        if any(word in t for k, t in enumerate(texts) if k != j and t):
            found.append(j)
    return found


_GLUE_PUNCTUATION = "\"'“”‘’()[],.:;!?"


_BLANK = _Feat("", 0, False, False, False, False, False, False, False, False)


@functools.lru_cache(maxsize=1 << 16)  # page furniture comes back from capture to capture
def _plain_facts(text: str) -> dict[str, Any]:
    """``_facts(text, False, False)``: the facts of a line whose text occurs once in its
    capture, as most do (a cache keyed by the text alone is the cheapest to ask)."""
    return _make_facts(text, False, False)


@functools.lru_cache(maxsize=1 << 16)  # page furniture comes back from capture to capture
def _facts(text: str, near_repeat: bool, dup: bool) -> dict[str, Any]:
    """The facts (``_Feat`` fields) of a non-blank line (stripped ``text``) that occurs again
    within REPEAT_NEAR_LINES lines of text (``near_repeat``) or anywhere (``dup``). Shared by
    the records of every line with the same text and the same two flags (never written)."""
    plain = _plain_facts(text)
    if near_repeat and plain["words"] >= R.PROSE_MIN_WORDS:  # repeated: other facts
        return _make_facts(text, near_repeat, dup)
    # not a repeat: the facts of the same text occurring once, with its ``dup`` flag
    return {**plain, "dup": dup}


def _make_facts(text: str, near_repeat: bool, dup: bool) -> dict[str, Any]:
    words, sentence, prose, boundary, legal, dateline, teaser, link_row, label = (
        _text_facts(text))
    repeated = near_repeat and words >= R.PROSE_MIN_WORDS
    if repeated:
        prose = False
    label_like = label and not prose
    # a _Feat's fields, to be the __dict__ of the line's records (see _features; _line sets a
    # Line's the same way, without the cost of a frozen __init__)
    return {"text": text, "words": words, "prose": prose, "sentence": sentence,
            "boundary": boundary, "legal": legal, "dateline": dateline, "teaser": teaser,
            "link_row": link_row, "repeated": repeated, "dup": dup, "label_like": label_like,
            "glue_named": False,
            "score": _line_score(text, words, prose, sentence, boundary, legal, dateline,
                                 teaser, link_row, repeated, label)}


def _named_glue_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """``facts`` of a line the glued-teaser pattern matched at a name (``_glue_names``): no
    teaser, and its density score as such."""
    text = facts["text"]
    label = not facts["sentence"] and R.LABEL_LIKE_RE.match(text) is not None
    return {**facts, "teaser": False, "glue_named": True,
            "score": _line_score(text, facts["words"], facts["prose"], facts["sentence"],
                                 facts["boundary"], facts["legal"], facts["dateline"], False,
                                 facts["link_row"], facts["repeated"], label)}


_FEAT_FIELDS = ("text", "words", "prose", "sentence", "boundary", "legal", "dateline", "teaser",
                "link_row", "repeated", "dup", "label_like", "glue_named", "score")
if tuple(f.name for f in fields(_Feat)) != _FEAT_FIELDS:  # a new field must be set in _make_facts
    raise AssertionError("cleaning._FEAT_FIELDS must list _Feat's fields in order")


# An ASCII line's bytes by class, for the pre-tests of _ascii_facts: "a" a lower-case letter,
# "A" a capital, "0" a digit, "_" the underscore, " " whitespace (as ``\s`` reads it), "!" one
# of "?!)", "." a full stop, "-" any other character.
_ASCII_CLASS = bytes(
    ord("a") if chr(c).islower() else ord("A") if chr(c).isupper()
    else ord("0") if chr(c).isdigit() else ord("_") if c == ord("_")
    else ord(" ") if chr(c).isspace() else ord("!") if chr(c) in "?!)"
    else ord(".") if c == ord(".") else ord("-")
    for c in range(128)
) + b"-" * 128
_DIGIT_OR_SPACE = (ord("0"), ord(" "))  # the classes of a digit and of whitespace
# the classes as rules._ASCII_WORD_MARK marks them: word characters "a", any other " "
_CLASS_TO_WORD_MARK = bytes(ord("a") if chr(c) in "aA0_" else ord(" ") for c in range(256))


def _ascii_facts(text: str) -> tuple[int, bool, bool, bool, bool, bool, bool, bool, bool]:
    """``_text_facts`` of an ASCII line: the same answers, with the patterns asked only where
    the line's character classes (one translation of its bytes) allow a match: a digit for a
    dateline with a figure, a lower-case letter (or "?!)") before a capital for a glued
    teaser, a stop before whitespace for a sentence end inside the line, and, for a label,
    one word or no word opening with four lower-case letters (LABEL_LIKE_RE's tokens)."""
    marks = text.encode("ascii").translate(_ASCII_CLASS)
    words_marks = marks.translate(_CLASS_TO_WORD_MARK)
    words = words_marks.count(b" a") + words_marks.startswith(b"a")  # (count_words)
    sentence = words >= 2 and R.ends_sentence(text)
    prose = words >= R.PROSE_MIN_WORDS and (
        sentence or words >= 2 * R.PROSE_MIN_WORDS
        or ((b". " in marks or b"! " in marks) and R.SENTENCE_INSIDE_RE.search(text) is not None)
    )
    low = text.lower()  # (R.fold of an ASCII line)
    boundary = (words <= 12 and R.END_BOUNDARY_LOWER.match(low) is not None) or (
        low[0] in "ystca"  # END_PROMPT_RE's first characters
        and R.END_PROMPT_RE.match(text) is not None
    )
    legal = words >= 3 and R.is_legal_notice_lower(low)
    link_row = words <= 16 and R.may_be_link_row(text) and R.LINK_ROW_RE.match(text) is not None
    dateline = (
        words <= 12
        and (b"0" in marks or _no_digit_dateline(low))
        and R.DATELINE_RE.match(text) is not None
    )
    teaser = words >= 4 and (
        ((b"aA" in marks or b"!A" in marks) and R.GLUED_TEASER_RE.match(text) is not None)
        # (R.may_open_counter: a digit or whitespace first, or a counter word)
        or ((marks[0] in _DIGIT_OR_SPACE or (low[0] in "ips" and R.may_open_counter(text, low)))
            and R.GALLERY_COUNTER_RE.match(text) is not None)
    )
    label = (not sentence
             and (words == 1 or not (marks.startswith(b"aaaa") or b" aaaa" in marks))
             and R.LABEL_LIKE_RE.match(text) is not None)
    return words, sentence, prose, boundary, legal, dateline, teaser, link_row, label


def _text_facts(text: str) -> tuple[int, bool, bool, bool, bool, bool, bool, bool, bool]:
    """What a stripped, non-blank line says by its text alone: words, sentence, prose (unless
    repeated), boundary, legal, dateline, teaser, link row, and label-like (LABEL_LIKE_RE)
    unless a sentence."""
    if text.isascii():
        return _ascii_facts(text)
    words = count_words(text)
    sentence = words >= 2 and R.ends_sentence(text)
    prose = words >= R.PROSE_MIN_WORDS and (
        sentence or words >= 2 * R.PROSE_MIN_WORDS or bool(R.SENTENCE_INSIDE_RE.search(text))
    )
    # A line is matched against a pattern only when it holds what the pattern needs (the
    # patterns are the rules; these tests only skip searches that cannot succeed). An ASCII
    # line (_ascii_facts) is matched lower-cased by the case-insensitive patterns' twins
    # (R.lower_twin).
    low = R.fold(text)
    boundary = (words <= 12 and R.END_BOUNDARY_RE.match(text) is not None) or (
        low[0] in "ystca©"  # END_PROMPT_RE's first characters
        and R.END_PROMPT_RE.match(text) is not None
    )
    legal = words >= 3 and R.is_legal_notice(text)
    link_row = words <= 16 and R.may_be_link_row(text) and R.LINK_ROW_RE.match(text) is not None
    dateline = (
        words <= 12
        and (_has_digit(text) or _no_digit_dateline(low))
        and R.DATELINE_RE.match(text) is not None
    )
    # (GALLERY_COUNTER_RE holds a digit: a line without one fails it, at its first characters)
    teaser = words >= 4 and (
        R.GLUED_TEASER_RE.match(text) is not None
        or R.GALLERY_COUNTER_RE.match(text) is not None
    )
    label = not sentence and R.LABEL_LIKE_RE.match(text) is not None
    return words, sentence, prose, boundary, legal, dateline, teaser, link_row, label


def _line_score(text: str, words: int, prose: bool, sentence: bool, boundary: bool, legal: bool,
                dateline: bool, teaser: bool, link_row: bool, repeated: bool,
                label: bool) -> float:
    """The density score of a line of text (``_score``), from its facts (``label``:
    LABEL_LIKE_RE matches it, known unless it is a sentence)."""
    if boundary:
        return -R.BOUNDARY_PENALTY
    if repeated:
        return 0.0
    if link_row:
        return -R.SHORT_LINE_PENALTY
    if legal or teaser:
        return -float(max(words, R.SHORT_LINE_PENALTY))
    if dateline:
        return -R.DATELINE_PENALTY
    if prose:
        return float(words)
    if sentence and words >= 4:
        return 1.0
    if words <= R.SHORT_MAX_WORDS:
        # (LABEL_LIKE_RE is asked of a sentence here: _text_facts skips sentences)
        if label or (sentence and R.LABEL_LIKE_RE.match(text) is not None):
            return -R.SHORT_LINE_PENALTY
        return -R.FRAGMENT_PENALTY
    return -R.MIDDLE_LINE_PENALTY


def _score(f: _Feat) -> float:
    """The line's density score: prose adds its words, furniture subtracts (rules.py)."""
    return f.score


def _core(feats: list[_Feat]) -> tuple[int, int] | None:
    """Best-scoring run of lines (maximum-sum subarray), as inclusive indexes."""
    return _best_run([_score(f) for f in feats], feats, 0, len(feats) - 1)[1]


def _best_run(scores: list[float], feats: list[_Feat], lo: int, hi: int
              ) -> tuple[float, tuple[int, int] | None]:
    """Maximum-sum run of lines within ``lo..hi`` (inclusive), with its score."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    start = lo
    for i in range(lo, hi + 1):
        if not feats[i].text:
            continue
        s = scores[i]
        if run <= 0:
            run, start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (start, i)
    return best, best_span


def _comment_lines(feats: list[_Feat], lo: int, hi: int) -> int:
    """Short lines with comment furniture ("Jane on May 5, 2012 at 3:01 pm", "Re: (Score:2)",
    "3 replies") in ``lo..hi``. A sentence of QUOTE_MIN_WORDS words or more is a report's
    quote ("'We still don't know who they are,' Mr Haselby said."), not a comment's header."""
    return sum(1 for j in range(lo, hi + 1)
               if 0 < feats[j].words <= CORE_SIGNATURE_MAX_WORDS
               and ((linemodel.comment_meta(feats[j].text)
                     and not (feats[j].sentence and feats[j].words >= QUOTE_MIN_WORDS))
                    or COMMENT_SIGNATURE_RE.search(feats[j].text) is not None))


def _choose_core(feats: list[_Feat]) -> tuple[int, int] | None:
    """The article core: the densest run of prose (``_core``), unless a shorter run above it
    reads as the article and the denser one as what follows an article.

    The best run above the densest one is taken instead when it holds CORE_ALT_MIN_SCORE or
    more, stands under an article's header (a byline or a date within CORE_HEADER_REACH lines
    of text above it, and no second one inside it: a list of posts has one per post), and the
    denser run, with the lines that lead to it, either carries comment furniture
    (CORE_ALT_SIGNATURES short lines or more with a name and a time, "Re: (Score:2)", "3 hours
    ago": a comment thread, whose densest run may start after its first comment) or comes after a
    section opener ("Comments", "Related", "More stories") with at most 1/CORE_ALT_SHARE times
    its score (teaser blurbs, a newsletter pitch). Chosen on the train pages (with the model
    retrained: F1 0.873 -> 0.884, sentence recall 0.902 -> 0.910, pages losing their whole
    article 19 -> 9 of 1,094); a denser run with no headed run above it (a promotion above a
    report) stays the core. A comment thread opened between the two runs (``_thread_opened``:
    "5 Comments" and a comment's signature right under it) makes the run above the article
    without a header in reach (round 13: a short article, its byline past a share bar, over a
    thread of longer comments).
    """
    scores = [f.score for f in feats]  # _score
    b_score, span = _best_run(scores, feats, 0, len(feats) - 1)
    if span is None:
        return None
    b_lo, b_hi = span
    a_score, alt = _best_run(scores, feats, 0, b_lo - 1)
    if alt is None or a_score < CORE_ALT_MIN_SCORE:
        return span
    thread = _thread_opened(feats, alt[1] + 1, b_lo)
    if not (thread or _headed(feats, alt[0])):
        return span
    if sum(1 for j in range(alt[0] + 1, alt[1] + 1) if _header_line(feats[j])) > 1:
        return span  # the run above is a list of posts, each under its own byline or date
    if thread:
        return alt  # the denser run is a comment of the thread opened under the article
    # what lies above the denser run's own header (a teaser list's stamps, a section opener)
    # belongs to the page between the two runs; a share bar under that header does not
    own = _own_header(feats, alt[1] + 1, b_lo)
    if _comment_lines(feats, alt[1] + 1 if own is None else own, b_hi) >= CORE_ALT_SIGNATURES:
        return alt  # the denser run is a comment thread under a headed article
    opener = any(feats[j].boundary for j in range(alt[1] + 1, (b_lo if own is None else own) + 1))
    return alt if opener and a_score >= CORE_ALT_SHARE * b_score else span


def _thread_opened(feats: list[_Feat], lo: int, hi: int) -> bool:
    """A comment thread opens in ``lo..hi``: a thread's opener ("5 Comments") with a
    comment's signature with a time in the line of text right under it ("Tom R. | March 5,
    2024 at 9:15 am | Reply"), or comments signed on two lines from there
    (``_signed_on_two_lines``: "7 Comments", "nomaduk", "10.29.2012", a comment, then the next
    name and date; a date right under the opener may be the article's)."""
    for b in range(lo, hi):
        if not _thread_opener(feats[b]):
            continue
        nxt = next((j for j in range(b + 1, hi + 1) if feats[j].text), None)
        if nxt is not None and _thread_signature(feats[nxt]) and not feats[nxt].dateline:
            return True
        if nxt is not None and _signed_on_two_lines(feats, nxt):
            return True
    return False


def _signed_on_two_lines(feats: list[_Feat], j: int) -> bool:
    """Comments signed on two lines from line ``j`` on: a commenter's name alone
    (``_bare_signer``) over the comment's date or time (``_thread_signature``) at ``j``, and
    again within THREAD_READ_LINES lines of text under it. An article's header prints its
    writer's name over its date once."""
    texts = list(itertools.islice((k for k in range(j, len(feats)) if feats[k].text),
                                  THREAD_READ_LINES))
    pairs = [n for n in range(len(texts) - 1)
             if _bare_signer(feats[texts[n]]) and _thread_signature(feats[texts[n + 1]])]
    return len(pairs) >= 2 and pairs[0] == 0


def _bare_signer(f: _Feat) -> bool:
    """A commenter's name alone on its line, over the date of the comment ("nomaduk" over
    "10.29.2012"): SIGNER_MAX_WORDS words at most, no sentence, byline, date or boundary."""
    return 0 < f.words <= SIGNER_MAX_WORDS and not (
        f.sentence or f.prose or f.boundary or _header_line(f))


def _own_header(feats: list[_Feat], lo: int, b_lo: int) -> int | None:
    """The run at ``b_lo``'s own header: the first of the bylines and date lines with no
    comment's signature or furniture in it ("at 8:56 am", "| Permalink", "3 replies") among
    the CORE_HEADER_REACH lines of text above it, from ``lo``, not counting a share bar's
    lines and other lines a rule explains (a header may print its byline and date over a
    share bar and the writer's credit under it); None when it has none."""
    return min((j for j in _lines_above(feats, b_lo, lo) if _article_header(feats[j])),
               default=None)


def _article_header(f: _Feat) -> bool:
    """A post's byline or date line with no comment furniture in it: an article's header."""
    return _post_header(f) and not linemodel.comment_meta(f.text)


def _other_post(feats: list[_Feat], span: tuple[int, int]) -> tuple[int, int] | None:
    """A post below the article core that may be the article: the best run of prose below the
    core (``span``, as ``_choose_core`` chose it) when the core stands under no header of its
    own (no byline or date just above or just under it: an "about me" box, a list of links or a
    tagline in a blog's sidebar) and the run below does (a post under its date, or with its
    date under it), scores OTHER_POST_SHARE of the core or more, and is no comment thread nor
    list of posts. The core stays; the post is kept as ``unsure`` (published, reported), since
    the density score alone cannot tell which of the two the page is about."""
    lo, hi = span
    if _headed(feats, lo) or _dated_after(feats, hi):
        return None
    scores = [f.score for f in feats]  # _score
    c_score = sum(scores[j] for j in range(lo, hi + 1))
    o_score, run = _best_run(scores, feats, hi + 1, len(feats) - 1)
    if run is None or o_score < CORE_ALT_MIN_SCORE or o_score < OTHER_POST_SHARE * c_score:
        return None
    if not (_post_headed(feats, run[0], hi + 1) or _dated_after(feats, run[1], _post_header)):
        return None
    if sum(1 for j in range(run[0] + 1, run[1] + 1) if _header_line(feats[j])) > 1:
        return None  # a list of posts
    if (_comment_lines(feats, run[0], run[1]) >= CORE_ALT_SIGNATURES
            or _thread_opened(feats, hi + 1, run[0])):
        return None  # a comment thread
    return run


def _teaser_unit_core(feats: list[_Feat], span: tuple[int, int]) -> tuple[int, int] | None:
    """The article under a list of teasers whose blurb was the densest run, or None (the core
    stays).

    A teaser list is a chain of SERIES_MIN_STAMPS or more stamps of one shape ("2 hours ago",
    "3 hours ago"...), each within SERIES_GAP lines of text of the next with at most
    SERIES_PROSE lines of prose between them (a headline and a sentence of blurb). The core is
    one of its teasers when a stamp of the chain stands right under it and another right over
    it; or when it holds no more than a headline and a blurb, stands under no byline or date
    line of its own (an article over its comment thread has one), and is the list's first
    teaser (its stamp under it, the list's opener over it: "Trending") or its last (its stamp
    over it, the article's header under it). The article is then the best run of prose after
    the list, when it stands under an article's header (a byline or a date line other than a
    stamp of the list's shape, past a share bar), holds CORE_ALT_MIN_SCORE or more and is no
    list of posts; a run under a stamp of the list alone is its last teaser (each teaser under
    its stamp), and the run after it is read instead (round 16, ``bench_pages.py``: a short
    article under a "Trending" list lost whole). The core is the list's too when it spans
    several of its teasers, stamps and all (``_teasers_core``); where the core is inside the
    list and no headed run follows it, the article is the best headed run over the list
    (``_list_start``: a short article over "More from ..."). A list whose first stamp stands
    right under the page's date is a live blog's entries, not teasers (``_dated_over``:
    round 41)."""
    lo, hi = span
    below, above = _stamp_near(feats, hi, 1), _stamp_near(feats, lo, -1)
    shape_below = None if below is None else _stamp_shape(feats[below].text)
    shape_above = None if above is None else _stamp_shape(feats[above].text)
    top: int | None = None  # the list's first stamp, where the core is inside the list
    if below is not None and above is not None and shape_below == shape_above:
        shape = shape_above
        top, last, stamps = _stamp_chain(feats, above, shape)  # between two stamps
        if last < below:
            return None  # the core holds more than a blurb between two stamps of the list
        start = last + 1
    elif (teasers := _teasers_core(feats, lo, hi)) is not None:
        shape, top, stamps, start = teasers  # several teasers of the list, stamps and all
    else:  # the list's first teaser (its stamp under it) or its last (its stamp over it)
        if not _one_teaser(feats[lo:hi + 1]):
            return None
        ends: list[tuple[str | None, int, int]] = []  # (shape, stamps, where the rest starts)
        if below is not None:
            first, last, stamps = _stamp_chain(feats, below, shape_below)
            if first == below:  # the list goes on under the core
                ends.append((shape_below, stamps, last + 1))
        if above is not None:
            first, last, stamps = _stamp_chain(feats, above, shape_above)
            if last == above:  # the list ends over the core
                ends.append((shape_above, stamps, hi + 1))
        listed = [end for end in ends if end[1] >= SERIES_MIN_STAMPS]
        if not listed:
            return None
        shape, stamps, start = listed[0]
        if any(_post_header(feats[j]) and _stamp_shape(feats[j].text) != shape
               for j in _lines_above(feats, lo)):
            return None  # the core stands under its own header
    if top is not None and _dated_over(feats, top, shape):
        return None  # entries of a live blog under the page's date, not a list of teasers
    if stamps < SERIES_MIN_STAMPS:
        return None  # (the first or last teaser's chains were filtered above)
    run = _headed_run(feats, start, len(feats) - 1, shape, 1)
    if run is None and top is not None:
        # the core is inside the list: the article may stand over it
        run = _headed_run(feats, 0, _list_start(feats, top) - 1, shape, -1)
    if run is None:
        return None
    if sum(1 for j in range(run[0] + 1, run[1] + 1) if _header_line(feats[j])) > 1:
        return None  # a list of posts
    return run


def _list_start(feats: list[_Feat], top: int) -> int:
    """Where the list whose first stamp is ``top`` starts: over the stamp, its first teaser's
    headline and blurb when it prints them there (SERIES_PROSE lines of text at most, not
    past the list's opener: "More from The Valley Courier")."""
    start = top
    for j in _text_above(feats, top)[:SERIES_PROSE]:
        if feats[j].boundary:
            break
        start = j
    return start


def _headed_run(feats: list[_Feat], lo: int, hi: int, shape: str | None,
                step: int) -> tuple[int, int] | None:
    """The best run of prose in ``lo..hi`` under a header of its own (a byline or a date line
    other than a stamp of the list's ``shape``), scoring CORE_ALT_MIN_SCORE or more, read from
    the list outwards: a best run under a stamp of the list alone is one of its teasers, and
    the next run past it (down when ``step`` is 1, up when -1) is read instead, SERIES_RUNS
    runs at most; None when none is headed."""
    scores = [f.score for f in feats]  # _score
    for _ in range(SERIES_RUNS):
        score, run = _best_run(scores, feats, lo, hi)
        if run is None or score < CORE_ALT_MIN_SCORE:
            return None
        header = [j for j in {*_lines_above(feats, run[0]), *_text_above(feats, run[0]), run[0]}
                  if _header_line(feats[j])]
        if any(not feats[j].dateline or _stamp_shape(feats[j].text) != shape for j in header):
            return run  # under a header of its own, not only a stamp of the list
        if step > 0:
            lo = run[1] + 1  # the list's last teaser, under its stamp: the article follows
        else:
            hi = run[0] - 1  # a teaser of the list over the core: the article is above it
    return None


def _dated_over(feats: list[_Feat], top: int, shape: str | None) -> bool:
    """Whether the line of text right over the stamp ``top`` is a date of another shape than
    ``shape``, no sentence (a page's date over the first entry of its live blog: "March 5,
    2024" over "10:32 AM"; a list of teasers opens under its label or a teaser's blurb)."""
    return any(feats[j].dateline and not feats[j].sentence
               and _stamp_shape(feats[j].text) != shape for j in _text_above(feats, top)[:1])


def _teasers_core(feats: list[_Feat], lo: int, hi: int) -> tuple[str, int, int, int] | None:
    """(shape, the list's first stamp, its stamps, where the rest starts) when the core
    ``lo``..``hi`` is several teasers of a list: it holds one of the list's stamps or more,
    every stamp in it is of the chain (``_stamp_chain``, SERIES_MIN_STAMPS or more), and what
    stands in it over the first and under the last is at most one teaser's headline and
    blurb (SERIES_GAP lines of text, SERIES_PROSE of prose); None otherwise. Blurbs of a
    sentence of 40 words each are denser than a short article of one or two paragraphs, and
    the densest run then spans teasers."""
    inside = [j for j in range(lo, hi + 1) if feats[j].dateline]
    if not inside:
        return None
    shape = _stamp_shape(feats[inside[0]].text)
    first, last, stamps = _stamp_chain(feats, inside[0], shape)
    if stamps < SERIES_MIN_STAMPS or first > inside[0] or last < inside[-1]:
        return None
    if any(_stamp_shape(feats[j].text) != shape for j in inside):
        return None
    if not (_one_teaser(feats[lo:inside[0]]) and _one_teaser(feats[inside[-1] + 1:hi + 1])):
        return None
    return shape, first, stamps, last + 1


def _one_teaser(lines: list[_Feat]) -> bool:
    """Whether ``lines`` hold no more than a teaser's headline and blurb: SERIES_GAP lines of
    text at most, SERIES_PROSE of them prose."""
    text = [f for f in lines if f.text]
    return len(text) <= SERIES_GAP and sum(f.prose for f in text) <= SERIES_PROSE


def _stamp_near(feats: list[_Feat], i: int, step: int) -> int | None:
    """The first date line within SERIES_GAP lines of text from ``i`` (up when ``step`` is
    -1, down when 1), past at most SERIES_PROSE lines of prose, or None."""
    seen = prose = 0
    j = i + step
    while 0 <= j < len(feats) and seen < SERIES_GAP:
        f = feats[j]
        if f.text:
            if f.dateline:
                return j
            seen += 1
            prose += f.prose
            if prose > SERIES_PROSE:
                return None
        j += step
    return None


def _stamp_chain(feats: list[_Feat], i: int, shape: str | None) -> tuple[int, int, int]:
    """The first and last stamps of ``shape`` in the chain through the stamp ``i`` (each
    within ``_stamp_near`` of the next), and how many it holds."""
    ends = []
    count = 1
    for step in (-1, 1):
        at = i
        while (j := _stamp_near(feats, at, step)) is not None and (
                _stamp_shape(feats[j].text) == shape):
            at = j
            count += 1
        ends.append(at)
    return ends[0], ends[1], count


def _stamp_shape(text: str) -> str:
    """A date line's shape: lower case, numbers as 0, month and weekday names and the units
    of a relative date as one letter each ("2 hours ago" and "5 minutes ago" alike, "March 5,
    2024" not)."""
    return _SHAPE_UNIT_RE.sub("u", _SHAPE_NAME_RE.sub("m", _DIGITS_RE.sub("0", text.lower())))


_DIGITS_RE = re.compile(r"\d+")
_SHAPE_NAME_RE = re.compile(rf"\b(?:{R.MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?!\w)")
_SHAPE_UNIT_RE = re.compile(r"\b(?:second|minute|min|hour|hr|day|week|month|year)s?\b")


def _menu_between(feats: list[_Feat], hi: int, lo: int) -> bool:
    """A menu (FENCE_MENU_RUN short labels in a row: "News", "Politics", "Sport") between
    ``hi`` and ``lo``: a run of prose above it stands over the page's navigation, where a
    service notice or a cookie banner goes, not an article."""
    labels = 0
    for j in range(hi + 1, lo):
        f = feats[j]
        if not f.text:
            continue
        labels = labels + 1 if f.words <= FENCE_LABEL_WORDS and not f.sentence else 0
        if labels >= FENCE_MENU_RUN:
            return True
    return False


def _dated_after(feats: list[_Feat], hi: int,
                 header: Callable[[_Feat], bool] | None = None) -> bool:
    """A byline or a date line (``header``, by default ``_header_line``) among the
    CORE_HEADER_REACH lines of text under ``hi``: a post with its date under it ("October 07,
    2012 in Books | Permalink")."""
    test = header or _header_line
    after = [j for j in range(hi + 1, len(feats)) if feats[j].text][:CORE_HEADER_REACH]
    return any(test(feats[j]) for j in after)


def _post_headed(feats: list[_Feat], lo: int, stop: int = 0) -> bool:
    """``_headed`` by a post's header, not a comment's ("May 5, 2012 at 6:55 pm"), past a
    share bar's buttons (``_lines_above``, down to ``stop``: a post under the core is not
    headed by the page's header over the core, read past a sign-up form's lines)."""
    return any(_post_header(feats[j]) for j in [*_lines_above(feats, lo, stop), lo])


def _post_header(f: _Feat) -> bool:
    """A byline or a date line that is no comment's signature (a time of day, "Re:")."""
    return _header_line(f) and COMMENT_SIGNATURE_RE.search(f.text) is None


def _headed(feats: list[_Feat], lo: int) -> bool:
    """A byline or a date line just above ``lo`` (or opening it): an article's header."""
    return any(_header_line(feats[j]) for j in [*_text_above(feats, lo), lo])


def _text_above(feats: list[_Feat], lo: int) -> list[int]:
    """The CORE_HEADER_REACH lines of text right above ``lo`` (``_headed``'s reach)."""
    above = (j for j in range(lo - 1, -1, -1) if feats[j].text)
    return list(itertools.islice(above, CORE_HEADER_REACH))


def _lines_above(feats: list[_Feat], lo: int, stop: int = 0) -> list[int]:
    """The CORE_HEADER_REACH lines of text right above ``lo`` (down to ``stop``), not counting
    a share bar's buttons and the other lines a rule explains: what stands between an
    article's byline and its text. (``_headed`` counts them: skipping them there was tried in
    round 12 and lost the article of train 481f47236e5a to a blurb above it.)"""
    above = (j for j in range(lo - 1, stop - 1, -1)
             if feats[j].text and not (feats[j].boundary or _short_line_rule(feats[j])))
    return list(itertools.islice(above, CORE_HEADER_REACH))


def _header_line(f: _Feat) -> bool:
    """A byline ("By Jane Doe", "Posted by X on May 5") or a date alone on a line."""
    return f.dateline or (f.words <= CORE_SIGNATURE_MAX_WORDS and (
        R.BYLINE_RE.match(f.text) is not None or R.DATELINE_RE.match(f.text) is not None))


# The core choice (see _choose_core), tuned on the train pages of scripts/cleaning-split.json.
CORE_ALT_MIN_SCORE = 15.0  # a headed run above the densest one: at least a sentence or two
CORE_ALT_SHARE = 0.5  # ... and half the densest run's score when a section opener parts them
CORE_ALT_SIGNATURES = 3  # comment signatures that make the densest run a thread
# the signature of a comment: "Jane July 13, 2012 at 8:56 am", "Re: (Score:2)", "3 hours ago"
COMMENT_SIGNATURE_RE = re.compile(
    r"(?:\bat\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\(score:\s*-?\d+\)"
    r"|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago)\s*$|^re:",
    re.IGNORECASE,
)
CORE_SIGNATURE_MAX_WORDS = 15
SIGNER_MAX_WORDS = 4  # a commenter's name alone on its line ("nomaduk", "Cristine Arroyo")
THREAD_READ_LINES = 60  # lines of text read under a thread's opener for a second signature
# a list of teasers each under or over its stamp (_teaser_unit_core): stamps of one shape in
# a chain, lines of text from one to the next at most
SERIES_MIN_STAMPS = 3
SERIES_GAP = 3
SERIES_PROSE = 2  # lines of prose from one stamp to the next at most: a headline and a blurb
SERIES_RUNS = 3  # runs after the list read for the article (a last teaser under its stamp)
# a comment thread no line opens (_signed_thread_cut): signatures in a run, lines of text
# from one to the next at most, words in the commenter's name over a signature at most
THREAD_RUN_SIGNATURES = 3
THREAD_RUN_GAP = 8
THREAD_NAME_MAX_WORDS = 4
TAGS_MIN_PROSE_ABOVE = 20  # prose words over a tag line that closes a post (_tags_cut)
QUOTE_MIN_WORDS = 4  # a sentence this long that says who "said" is a quote, not a signature
CORE_HEADER_REACH = 4
OTHER_POST_SHARE = 0.5  # a headed post below an unheaded core: half its score or more


def _headline_like(f: _Feat) -> bool:
    """A line that could be the headline of another article (not a section heading of this
    one: those are short, in capitals, numbered or a Q&A marker)."""
    return (  # the cheapest tests first
        R.APPENDED_TITLE_MIN_WORDS <= f.words <= R.TITLE_MAX_WORDS
        and not f.text.rstrip(R.CLOSING_QUOTES).endswith((".", ",", ";", ":", "…"))
        and bool(R.HEADING_RE.match(f.text))
        and not f.text.isupper()
        and not R.SECTION_MARK_RE.match(f.text)
        and (not f.prose or bool(R.LABEL_LIKE_RE.match(f.text)))
        and not _short_line_rule(f)
    )


def _cut_candidate(f: _Feat) -> bool:
    """A line that could be the headline of an article glued after this one: short enough, not a
    sentence, a boundary, a date, a link (a web address in it) or a line another rule explains,
    and starting like a title (a capital, or a "site | headline" title that may begin in lower
    case), with no list marker: a numbered or bulleted line ("3. Intern at an Animation
    Studio") is an item or section of a list-shaped article (none of the 640 glued-on articles
    of cleaning-train opens with one), and none wholly in parentheses: an aside or a credit
    ("(Metroid, Metroid II: Return of Samus)"; no glued article of the train pages opens with
    one, 89 of their candidate lines were one)."""
    return (
        1 <= f.words <= R.TITLE_MAX_WORDS
        and ITEM_MARKER_RE.match(f.text) is None
        and not (f.text.startswith("(") and f.text.endswith(")"))
        and not (f.boundary or f.dateline or f.link_row or f.legal)
        and (bool(R.HEADING_RE.match(f.text)) or bool(R.TITLE_SEPARATOR_RE.search(f.text)))
        and not f.text.rstrip(R.CLOSING_QUOTES).endswith((".", ",", ";", ":", "…"))
        and not R.WEB_ADDRESS_RE.search(f.text)
        and not _short_line_rule(f)
    )


def _short_line_rule(f: _Feat) -> bool:
    """``R.any_line_rule(f.text)`` for a line of ``f.words`` words, read from
    ``_first_line_rule`` (the rules that apply to a line this short, answered in part by its
    record) and the few rules meant for shorter lines only."""
    if _first_line_rule(f) is not None:
        return True
    text, words = f.text, f.words
    longer = _RULES_SHORTER_THAN.get(words)
    if longer is None:  # a longer line (no cut candidate is one)
        longer = tuple(rule for rule in R.LINE_RULES if rule.max_words < words)
    if not longer:
        return False
    lower = R.fold(text)
    return any(rule.search(text, lower) for rule in longer)


# the LINE_RULES whose max_words a line of n words exceeds, by n (up to TITLE_MAX_WORDS)
_RULES_SHORTER_THAN = {
    n: tuple(rule for rule in R.LINE_RULES if rule.max_words < n)
    for n in range(R.TITLE_MAX_WORDS + 1)
}


# The cut model's features, in the order of its weights (see _cut_features).
CUT_FEATURES: tuple[str, ...] = (
    "bias",
    "window-overlap",  # share of the window's content words the article already used
    "topic-share",  # share of the article's topic words found after the line
    "no-topic",  # too little article before to have a topic
    "back-overlap",  # share of the last paragraphs' words found after the line
    "log-before",  # prose words of the core before the line
    "log-after",  # prose words of the core after it
    "headline-like",  # the shape of a headline (not a section mark, a list item, capitals)
    "title-overlap",  # share of the line's own words the article already used
    "log-title-words",
    "header-closer-next",  # a byline or dateline follows it: a new article's header
    "prose-above",  # the line above it is running text
    "in-run",  # a headline-shaped line next to it: a list of links or headings
    "candidates-after",  # headline-shaped lines after it (capped): sections to come
    "candidates-before",  # ...and before it: sections already seen
    "section-overlap",  # share of its own section's words (up to the next one) already used
    "header-overlap",  # share of the window's words found in the page header above the core
    "upper",  # all capitals
    "after-share",  # share of the core's prose that follows it
    "local-candidates",  # headline-shaped lines among the five on each side
    "depth",  # the page's mean section overlap minus this one's (a dip = a topic change)
    "window-overlap-low",  # window overlap at most APPENDED_LOW_OVERLAP
    "prose-title",  # the line reads as prose (a long headline, or a sentence without end)
    "before-sentences",  # share of the prose words before it in lines ending a sentence
    "inner-overlap",  # share of the last paragraphs' words used earlier in the article
    "overlap-drop",  # inner overlap minus window overlap: how far the vocabulary breaks here
    "furniture-overlap",  # share of the window's words found in the page outside the core
    "furniture-drop",  # ...the same share of the last paragraphs' words minus the window's
    "title-in-window",  # share of the line's own words found in the window after it
    "capitals",  # share of its words opening with a capital (a title's case)
    "question",  # ends in "?" or "!"
    "stamp",  # a clock time, a date, "posted by/on": a post's or comment's signature
    "opener",  # opens like a sentence going on ("But", "Meanwhile", "We", "It")
    "credit",  # names a photo, a source or a link ("Image via", "Read it at")
)
# The page's own article is echoed in its furniture (the title bar, a "most read" list, the
# comments under it); a glued-on article from another page is not: "furniture-overlap" and
# "furniture-drop" compare the words after a line and before it with the page outside the core.
# A comment's or post's signature ("Posted by: Jane | Apr 6, 2007 1:49 PM"), a line of a
# conversation ("But where is the evidence?") or a photo credit looks like a headline by its
# length and first capital, and is the commonest false cut on the train split.
CUT_STAMP_RE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b(?:posted|tracked|filed)\s+(?:by|on|in)\b"
    rf"|{R.MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}",
    re.IGNORECASE,
)
CUT_OPENER_RE = re.compile(
    r"^(?:but|and|so|or|yet|meanwhile|however|still|then|now|also|because|if|when|while|we|i"
    r"|you|it|this|that|there|they|he|she)\b",
    re.IGNORECASE,
)
CUT_CREDIT_RE = re.compile(
    r"\b(?:image|images|photo|photos|picture|video|source|via|credit|courtesy|read it at"
    r"|read more)\b",
    re.IGNORECASE,
)
CUT_MODEL_FILE = Path(__file__).with_name("cut-model.json")
_AFTER_SHARE = CUT_FEATURES.index("after-share")
_BEFORE_SENTENCES = CUT_FEATURES.index("before-sentences")


@dataclass(frozen=True)
class CutModel:
    """Logistic regression on CUT_FEATURES (standardisation folded into the weights)."""

    weights: tuple[float, ...]
    # cut at the likeliest candidate at or above this probability; a cut that would drop more
    # of the core's prose than it keeps must reach the second, higher one (when the part left
    # is the smaller, a wrong cut loses most of the article)
    threshold: float
    threshold_major: float

    def threshold_for(self, x: list[float]) -> float:
        return self.threshold_major if x[_AFTER_SHARE] > 0.5 else self.threshold

    def passes(self, x: list[float]) -> float | None:
        """The line's probability if it is a cut at this model's thresholds, else None. A line
        with no sentence above it in the core is never one: the part a cut there would keep
        holds no sentence (a link row, a menu read as prose), so no article, and the article
        is what follows (train: 3 glued-on articles' headlines against 2 pages that lost their
        article, one whole)."""
        if x[_BEFORE_SENTENCES] <= 0.0:
            return None
        p = self.probability(x)
        return p if p >= self.threshold_for(x) else None

    def probability(self, x: list[float]) -> float:
        z = math.fsum(map(operator.mul, self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@cache
def load_cut_model(path: Path = CUT_MODEL_FILE) -> CutModel | None:
    """The committed cut model, or None (then no appended article is ever cut: keep it all)."""
    if not path.exists():
        return None
    doc = json.loads(path.read_text(encoding="utf-8"))
    if tuple(doc["features"]) != CUT_FEATURES:
        raise ValueError(f"{path}: features differ from cleaning.CUT_FEATURES; "
                         "run make train-cleaner")
    return CutModel(tuple(float(w) for w in doc["weights"]), float(doc["threshold"]),
                    float(doc["threshold_major"]))


def _line_shape(text: str) -> list[float]:
    """The cut features read from a candidate line's own text alone ("capitals" to "credit")."""
    words = text.split()
    if text.isascii():  # the lower-cased line against the patterns' lower-case twins (speed)
        low = text.lower()
        stamp, opener, credit = (_CUT_STAMP_LOWER.search(low), _CUT_OPENER_LOWER.match(low),
                                 _CUT_CREDIT_LOWER.search(low))
    else:
        stamp, opener, credit = (CUT_STAMP_RE.search(text), CUT_OPENER_RE.match(text),
                                 CUT_CREDIT_RE.search(text))
    return [
        sum([w[0].isupper() for w in words]) / len(words) if words else 0.0,
        float(text.rstrip(R.CLOSING_QUOTES + " \xa0").endswith(("?", "!"))),
        float(stamp is not None or bool(R.BYLINE_RE.match(text))),
        float(opener is not None),
        float(credit is not None),
    ]


_CUT_STAMP_LOWER = R.lower_twin(CUT_STAMP_RE)
_CUT_OPENER_LOWER = R.lower_twin(CUT_OPENER_RE)
_CUT_CREDIT_LOWER = R.lower_twin(CUT_CREDIT_RE)


def _goes_on(f: _Feat) -> bool:
    """A line that continues the sentence above it (a wrapped line goes on in lower case): the
    line above is no headline. A byline ("by Jane Doe") or a date may follow a headline."""
    return f.text[:1].islower() and not f.dateline and not R.BYLINE_RE.match(f.text)


def _cut_features(feats: list[_Feat], lo: int, hi: int) -> list[tuple[int, list[float]]]:
    """Each line of ``lo..hi`` where an appended article could begin, with its features (see
    ``_cut_rows``)."""
    return _cut_rows(feats, lo, hi, None)[0]


def _cut_rows(feats: list[_Feat], lo: int, hi: int, model: CutModel | None
              ) -> tuple[list[tuple[int, list[float]]], list[bool]]:
    """Each line of ``lo..hi`` where an appended article could begin, with its features.

    A glued-on article starts with a headline and then talks about something else: the prose
    after the line shares little of the vocabulary of the article before it (TextTiling's
    signal: vocabulary overlap of the windows on each side of a gap), and the line does not
    look like a section heading of the same article (it shares no words with the article, no
    other headings surround it, a byline or dateline may follow it). A line needs
    APPENDED_MIN_WORDS prose words on each side to be judged at all.

    Speed: every window (the prose after the line up to APPENDED_WINDOW_WORDS or
    APPENDED_REST_WORDS words, the last paragraphs before it, its section) is a run of prose
    lines found by bisecting the running word counts, and its words are gathered in one pass
    over the lines' cached content words; the article's words before the line are counted once,
    line by line, as the candidates move down the page. With a ``model``, the features of the
    prose around a group of lines (the vocabulary windows, the topic) are read only if one of
    them could still reach the model's threshold whatever they are (``_cut_bound``); the rows
    of the others are returned unjudged (False in the second list), their depth exact.
    """
    texts = [j for j in range(lo, hi + 1) if feats[j].text]
    prose = [j for j in texts if feats[j].prose]
    n_prose = len(prose)
    # running prose word counts: cum[i] words in prose[:i]; sent[i] of them in sentences
    cum = [0]
    sent = [0]
    for j in prose:
        f = feats[j]
        cum.append(cum[-1] + f.words)
        sent.append(sent[-1] + (f.words if f.sentence else 0))
    total = cum[-1]
    # The lines judged (k prose lines above them, k_first <= k <= k_last) are those after the
    # prose line that reaches APPENDED_MIN_WORDS and up to the last that leaves as many after
    # it: texts[pa:pb]. Only they are tested first; the lines around them only as far as their
    # features reach (neighbours, candidates counted up to APPENDED_MAX_COUNT).
    k_first = bisect.bisect_left(cum, R.APPENDED_MIN_WORDS)
    k_last = bisect.bisect_right(cum, total - R.APPENDED_MIN_WORDS) - 1
    if k_first > k_last:
        return [], []
    pa = bisect.bisect_right(texts, prose[k_first - 1])
    pb = bisect.bisect_right(texts, prose[k_last])
    n_texts = len(texts)
    shape: list[bool | None] = [None] * n_texts  # _cut_candidate, by position in texts
    shape[pa:pb] = [_cut_candidate(feats[j]) for j in texts[pa:pb]]
    seen: set[str] = set()
    seen_read = False

    def is_cand(p: int) -> bool:
        """Whether the headline-shaped line at texts[p] is a candidate."""
        nonlocal seen_read
        if texts[p] <= lo:
            return False
        f = feats[texts[p]]
        # the page's own headline shown again under the article (a gallery, a share box) is
        # no new article's, whatever follows it (only a line whose text occurs twice can be)
        if f.dup:
            if not seen_read:
                seen.update(g.text for g in feats[:lo] if g.text)
                seen_read = True
            if f.text in seen:
                return False
        return not (p + 1 < n_texts and _goes_on(feats[texts[p + 1]]))

    cands = [p for p in range(pa, pb) if shape[p] and is_cand(p)]  # positions in texts
    if not cands:
        return [], []
    # the lines' shape around the judged ones, as far as local-candidates reads (five lines
    # on each side), and its running count
    shape[max(0, pa - 5):pa] = [_cut_candidate(feats[j]) for j in texts[max(0, pa - 5):pa]]
    shape[pb:pb + 5] = [_cut_candidate(feats[j]) for j in texts[pb:pb + 5]]
    shaped = [0]
    for got in shape:
        shaped.append(shaped[-1] + (got is True))
    n_above = 0  # candidates above texts[pa] (up to APPENDED_MAX_COUNT)
    p = pa - 1
    while p >= 0 and n_above < R.APPENDED_MAX_COUNT:
        if shape[p] is None:
            shape[p] = _cut_candidate(feats[texts[p]])
        n_above += bool(shape[p] and is_cand(p))
        p -= 1
    n_below = 0  # ... below texts[pb - 1], and the first of them
    next_below = hi + 1
    p = pb
    while p < n_texts and n_below < R.APPENDED_MAX_COUNT:
        if shape[p] is None:
            shape[p] = _cut_candidate(feats[texts[p]])
        if shape[p] and is_cand(p):
            if not n_below:
                next_below = texts[p]
            n_below += 1
        p += 1
    # the prose read: up to the end of the rest after the last candidate
    k_max = bisect.bisect_left(prose, texts[cands[-1]])
    upto_end = min(n_prose, bisect.bisect_left(cum, cum[k_max] + R.APPENDED_REST_WORDS,
                                               k_max + 1))
    # only the words of prose lines are compared (cached by text, linewords), by prose index
    words = [linewords.content_tokens(feats[j].text) for j in prose[:upto_end]]
    chain = itertools.chain.from_iterable
    header = {w for j in range(max(0, lo - R.APPENDED_HEADER_LINES), lo)
              for w in linewords.content_tokens(feats[j].text)}
    out: list[tuple[int, list[float]]] = []
    judged: list[bool] = []  # by row of out: its features complete (see model, below)
    # the words of prose[:k] (before the line), of prose[:end] (to the end of the text after
    # it that is searched for the topic) and of prose[:start] (before the last paragraphs
    # above it): all three ends only move down, so each is counted once, line by line (upto
    # and early only when a line's features need them: up to upto_at and early_at)
    before: Counter[str] = Counter()
    first: dict[str, int] = {}
    top: list[str] = []
    fresh: dict[str, None] = {}  # words counted since top was ranked, in order of first use
    upto: Counter[str] = Counter()
    early: set[str] = set()
    furniture: set[str] | None = None  # the words of the page outside lo..hi, when needed
    k = counted = end = upto_at = early_at = 0  # prose[k]: the first prose line after the line
    n_cands = len(cands)
    bound = _cut_bound(model) if model is not None else None
    n = 0
    while n < n_cands:
        # the candidates with the same prose around them (no prose line between them): all
        # but their own features depend only on that prose
        k = bisect.bisect_left(prose, texts[cands[n]], k)
        m = n + 1
        while m < n_cands and bisect.bisect_left(prose, texts[cands[m]], k) == k:
            m += 1
        group = range(n, m)
        n = m
        before_words = cum[k]
        after_words = total - before_words
        # the words before the line, each word's order of first use (the topic is read from
        # the most frequent ones)
        new = dict.fromkeys(chain(words[counted:k]))  # in order of first use
        first.update(zip(itertools.filterfalse(before.__contains__, new),
                         itertools.count(len(first))))
        before.update(chain(words[counted:k]))
        fresh.update(new)
        counted = k
        # the window: the prose lines that start under APPENDED_WINDOW_WORDS words after the
        # line; the rest: up to and including the line that reaches APPENDED_REST_WORDS
        end = min(n_prose, bisect.bisect_left(cum, cum[k] + R.APPENDED_REST_WORDS, k + 1))
        window_end = min(end, bisect.bisect_left(cum, cum[k] + R.APPENDED_WINDOW_WORDS, k))
        if not any(words[k:window_end]):  # no content word in the window: nothing to judge
            continue
        rows: list[tuple[int, list[float]]] = []
        owns: list[set[str]] = []
        for i in group:
            p = cands[i]
            c = texts[p]
            f = feats[c]
            nxt = texts[cands[i + 1]] if i + 1 < n_cands else next_below
            section = set(chain(words[k:min(end, bisect.bisect_left(prose, nxt, k))]))
            own = set(linewords.content_tokens(f.text))
            above = feats[texts[p - 1]]  # p >= 1: prose lies above
            below = feats[texts[p + 1]] if p + 1 < n_texts else None
            x = [
                1.0,
                0.0,  # window-overlap, below
                0.0,  # topic-share
                0.0,  # no-topic
                0.0,  # back-overlap
                math.log1p(before_words),
                math.log1p(after_words),
                float(_headline_like(f)),
                _overlap(own, before) if own else 0.0,
                math.log1p(f.words),
                float(below is not None and not below.prose and (
                    below.dateline or _header_closer(below) or _author_line(below))),
                float(above.prose or above.sentence),
                float(bool(shape[p - 1]) or (below is not None and bool(shape[p + 1]))),
                math.log1p(min(R.APPENDED_MAX_COUNT, n_cands - i - 1 + n_below)),
                math.log1p(min(R.APPENDED_MAX_COUNT, n_above + i)),
                _overlap(section, before) if section else -1.0,  # -1: the window's, below
                0.0,  # header-overlap
                float(f.text.isupper()),
                after_words / (before_words + after_words),
                float(shaped[min(n_texts, p + 6)] - shaped[max(0, p - 5)] - 1),
                0.0,  # depth, below
                0.0,  # window-overlap-low
                float(f.prose),
                sent[k] / before_words,
                0.0,  # inner-overlap
                0.0,  # overlap-drop
                0.0,  # furniture-overlap
                0.0,  # furniture-drop
                0.0,  # title-in-window
                *_line_shape(f.text),
            ]
            rows.append((c, x))
            owns.append(own)
        # a model judging the lines: the features of the prose around them are only worth
        # reading if one of them could still reach its threshold (see _cut_bound); the window
        # overlap is read first if a line's section is empty (it stands for the section's)
        overlap = -1.0  # not read yet
        if bound is not None and any(x[_SECTION] < 0.0 for _, x in rows):
            window = set(chain(words[k:window_end]))
            overlap = _overlap(window, before)
            header_overlap = _overlap(window, header) if header else 0.0
            for _, x in rows:
                _window_features(x, overlap, header_overlap)
        full = bound is None or any(bound(x, 1 if overlap >= 0.0 else 0) for _, x in rows)
        tail: set[str] | None = None
        if full:
            if overlap < 0.0:
                window = set(chain(words[k:window_end]))
                overlap = _overlap(window, before)
                header_overlap = _overlap(window, header) if header else 0.0
                for _, x in rows:
                    _window_features(x, overlap, header_overlap)
            # the last paragraphs before the line (back to the one that reaches
            # APPENDED_WINDOW_WORDS) and the window, against the page outside the core (its
            # furniture, read once)
            start = max(0, bisect.bisect_right(cum, cum[k] - R.APPENDED_WINDOW_WORDS, 0, k) - 1)
            tail = set(chain(words[start:k]))
            if furniture is None:
                furniture = _page_words([g.text for g in itertools.chain(feats[:lo], feats[hi + 1:])
                                         if g.text])
            in_furniture = _overlap(window, furniture) if furniture else 0.0
            drop = ((_overlap(tail, furniture) if tail and furniture else 0.0)
                    - in_furniture)
            for (_, x), own in zip(rows, owns, strict=True):
                x[_FURNITURE:_FURNITURE + 3] = (
                    in_furniture, drop, len(own & window) / len(own) if own else 0.0)
            full = bound is None or any(bound(x, 2) for _, x in rows)
        if full:
            assert tail is not None
            # the topic, the rest (up to end) and the words before the last paragraphs (up to
            # start) brought up to date
            if fresh:
                top = _most_common(top, fresh, before, first)
                fresh = {}
            upto.update(chain(words[upto_at:end]))
            upto_at = end
            topic = [w for w in top if before[w] >= 2]
            need = 2 if cum[end] - cum[k] >= R.APPENDED_REST_TWICE_WORDS else 1
            no_topic = len(topic) < R.APPENDED_MIN_TOPIC_WORDS
            # a topic word found in the rest (need times): more uses up to its end than before
            share = 0.0 if no_topic else sum(
                1 for w in topic if upto[w] - before[w] >= need) / len(topic)
            # the tail against the text after the line and against the rest of the article
            # (how coherent it is: a multi-post page changes vocabulary at every post, one
            # article does not)
            early.update(chain(words[early_at:start]))
            early_at = max(early_at, start)
            if tail:
                # a word of the tail found after the line: more uses up to the rest's end
                back = sum(map(operator.gt, map(upto.__getitem__, tail),
                               map(before.__getitem__, tail))) / len(tail)
                # a word of the tail used earlier: used before the last paragraphs
                inner = sum(map(early.__contains__, tail)) / len(tail)
            else:
                back = inner = 0.0
            for _, x in rows:
                x[2:5] = share, float(no_topic), back
                x[_DEPTH + 4:_DEPTH + 6] = inner, inner - overlap
        out += rows
        judged += [full] * len(rows)
    if out:
        mean = sum(x[_SECTION] for _, x in out) / len(out)
        for _, x in out:
            x[_DEPTH] = mean - x[_SECTION]
    return out, judged


def _window_features(x: list[float], overlap: float, header_overlap: float) -> None:
    """Set the features of ``x`` read from the window after its line (the overlap drop as if
    the inner overlap were 0: see _cut_bound), and its section overlap if its section is
    empty (-1)."""
    x[1] = overlap
    if x[_SECTION] < 0.0:
        x[_SECTION] = overlap
    x[_SECTION + 1] = header_overlap
    x[_DEPTH + 1] = float(overlap <= R.APPENDED_LOW_OVERLAP)
    x[_DEPTH + 5] = -overlap


_SECTION = CUT_FEATURES.index("section-overlap")
_DEPTH = CUT_FEATURES.index("depth")
_FURNITURE = CUT_FEATURES.index("furniture-overlap")
# the features read from the prose around a line (see _cut_bound)
_PROSE_FEATURES = ("window-overlap", "topic-share", "no-topic", "back-overlap",
                   "header-overlap", "window-overlap-low", "inner-overlap", "overlap-drop",
                   "furniture-overlap", "furniture-drop", "title-in-window")


def _page_words(texts: list[str]) -> set[str]:
    """``linewords.content_word_set_of(texts)``, for the many lines of a page's furniture read
    once each: in one pass over their joined text (no cache entry per line). A line's words
    never run across a line break, and but for the two letters that lower-case by their
    neighbours or into two characters (linewords._CASE_SPLITS) a line's content_word_set is
    its content_tokens."""
    joined = "\n".join(texts)
    if "İ" in joined or "Σ" in joined:
        return linewords.content_word_set_of(texts)
    return set(linewords.content_tokens.__wrapped__(joined))


@cache
def _cut_bound(model: CutModel) -> Callable[[list[float], int], bool]:
    """Whether a line whose features are known but for those of the prose around it (zero in
    ``x``) and its depth could still reach ``model``'s threshold: ``x``'s score plus the most
    the others could add (each overlap and share lies in 0..1, the overlap drop is the inner
    overlap minus the window overlap, the depth is the page's mean section overlap, in 0..1,
    minus the line's own) against the threshold's log-odds, with a margin for rounding. What
    is known grows by ``stage``: 0 the line's own features, 1 also the window's
    (``_window_features``), 2 also the furniture overlaps and the line's words in the window;
    the topic, back and inner overlaps are read last, when the line passes at stage 2."""
    w = dict(zip(CUT_FEATURES, model.weights, strict=True))
    rest = (max(0.0, w["inner-overlap"] + w["overlap-drop"])
            + sum(max(0.0, w[name]) for name in _PROSE_FEATURES[1:4]))
    # the furniture overlaps: the window's share f and the tail's t, both in 0..1, give
    # w_o * f + w_d * (t - f)
    furniture = (max(0.0, w["furniture-overlap"] - w["furniture-drop"])
                 + max(0.0, w["furniture-drop"]) + max(0.0, w["title-in-window"]))
    window = (max(0.0, w["window-overlap"] - w["overlap-drop"])
              + max(0.0, w["header-overlap"]) + max(0.0, w["window-overlap-low"]))
    unread = (rest + furniture + window, rest + furniture, rest)
    depth = w["depth"]
    logits = {t: math.log(t / (1.0 - t)) - 1e-6 for t in (model.threshold, model.threshold_major)}
    weights = model.weights

    def may_pass(x: list[float], stage: int) -> bool:
        if x[_BEFORE_SENTENCES] <= 0.0:  # never a cut (CutModel.passes)
            return False
        z = math.fsum(map(operator.mul, weights, x)) + unread[stage]
        z += max(-depth * x[_SECTION], depth * (1.0 - x[_SECTION]))
        return z >= logits[model.threshold_for(x)]

    return may_pass


def _appended_cut(feats: list[_Feat], lo: int, hi: int) -> tuple[int, float] | None:
    """Index of the headline of an unrelated article appended inside ``lo..hi``, if any, and
    the cut model's probability for it.

    The cut model (a logistic regression trained by scripts/train_cleaner.py on the train
    split: the headline of each glued-on article against every other candidate line whose cut
    would drop article text) gives each candidate line (``_cut_features``) a probability; the
    likeliest at or above the model's threshold is the cut (a higher threshold holds for a cut
    that would drop most of the core's prose). The likeliest, not the first: an earlier
    candidate that also passes is more often a section heading of the article itself, and a
    cut there would drop the rest of the article.
    """
    model = load_cut_model()
    if model is None:
        return None
    rows, judged = _cut_rows(feats, lo, hi, model)
    # (a row not judged could not reach the threshold)
    return best_cut([row for row, full in zip(rows, judged, strict=True)
                     if full and not _list_item(feats, row[0], lo, hi)], model)


def _list_item(feats: list[_Feat], c: int, lo: int, hi: int) -> bool:
    """The headline-shaped line ``c`` is one item of a list that makes the article in the core
    ``lo..hi`` (a gift guide's products, a ranking's entries, a roundup's stories, each named
    over a paragraph or two).

    Another line of that shape (``_cut_candidate``) stands above it and another below it, each
    past one to LIST_ITEM_LINES lines of prose or sentences, with the same short lines besides
    (a price, "Buy now"; digits aside) in each gap; the list's first item has two more items
    under it, and its last the same short lines under its text as the items above. And the
    text above the list's first item (its introduction: words of prose and sentences) is
    shorter than the text from there on: a teaser list of headlines and blurbs under a longer
    article is no such list, and the cut may drop it. A glued-on article's headline follows
    the article's last paragraphs and opens its own: on the train pages (their cores as the
    cut reads them), none of the 445 is read as an item, against 1,627 of the 20,165 other
    candidates."""
    below = _item_gap(feats, c, 1, hi)
    above = _item_gap(feats, c, -1, lo)
    if above is None:  # the list's first item: two more items under it, alike
        if below is None:
            return False
        after = _item_gap(feats, below[0], 1, hi)
        if after is None or after[1] != below[1]:
            return False
        first = c
    else:
        if below is None:  # the list's last item: its price or button as the others'
            if _item_tail(feats, c, above, hi) is None:
                return False
        elif above[1] != below[1]:
            return False
        first = above[0]
        while (up := _item_gap(feats, first, -1, lo)) is not None and up[1] == above[1]:
            first = up[0]
    intro = sum(f.words for f in feats[lo:first] if f.prose or f.sentence)
    return intro < sum(f.words for f in feats[first:hi + 1] if f.prose or f.sentence)


def _item_gap(feats: list[_Feat], c: int, step: int, stop: int
              ) -> tuple[int, frozenset[str]] | None:
    """The next line of ``_cut_candidate``'s shape from ``c`` (up when ``step`` is -1, down
    when 1, not beyond ``stop``) past one to LIST_ITEM_LINES lines of prose or sentences and
    at most LIST_ITEM_EXTRA short lines (SHORT_MAX_WORDS words or fewer, no boundary), with
    the shapes of those short lines, digits as 0; None when there is no such line."""
    prose = 0
    extra: list[str] = []
    j = c + step
    while (j >= stop) if step < 0 else (j <= stop):
        f = feats[j]
        if f.text:
            if _cut_candidate(f):
                return (j, frozenset(extra)) if prose else None
            if f.prose or f.sentence:
                prose += 1
                if prose > LIST_ITEM_LINES:
                    return None
            else:
                if len(extra) == LIST_ITEM_EXTRA or f.words > R.SHORT_MAX_WORDS or f.boundary:
                    return None
                extra.append(_DIGITS_RE.sub("0", f.text.lower()))
        j += step
    return None


def _item_tail(feats: list[_Feat], c: int, above: tuple[int, frozenset[str]], hi: int
               ) -> int | None:
    """The last line of the list's last item ``c``, or None when ``c`` reads as no item: the
    lines under it hold one to LIST_ITEM_LINES lines of prose or sentences and then the short
    lines the item above has (``above``: its line and those short lines, the price, the
    button: what makes an item of it, where a glued article would go on in paragraphs), as
    ``_item_gap`` reads a gap; the core may end before them (they are no prose). Where the
    items have no such lines, the core ``..hi`` ends with the item's one to LIST_ITEM_LINES
    lines of text, as an item's, and the item above holds no blurb cut off by an ellipsis (a
    list of teasers, each headline over a blurb, is no article)."""
    first, want = above
    if not want:
        under = [j for j in range(c + 1, hi + 1) if feats[j].text]
        if (0 < len(under) <= LIST_ITEM_LINES
                and all(feats[j].prose or feats[j].sentence for j in under)
                and not any(R.TEASER_ELLIPSIS_RE.search(f.text) for f in feats[first + 1:c])):
            return under[-1]
        return None
    prose = 0
    extra: set[str] = set()
    for j in range(c + 1, len(feats)):
        f = feats[j]
        if not f.text:
            continue
        if f.boundary or _cut_candidate(f):
            return None
        if f.prose or f.sentence:
            prose += 1
            if prose > LIST_ITEM_LINES or extra:
                return None
        elif f.words > R.SHORT_MAX_WORDS:
            return None
        else:
            extra.add(_DIGITS_RE.sub("0", f.text.lower()))
            if extra == want:
                return j if prose > 0 else None
            if len(extra) >= LIST_ITEM_EXTRA:
                return None
    return None


def _grow_over_products(feats: list[_Feat], lo: int, hi: int) -> int:
    """Carry the core's end ``hi`` over the rest of a list of products (a gift guide, a deal
    list): each item a name over a paragraph or three, then its price or a shop's button
    ("$29", "Buy now"). Those short lines weigh against each item's sentence, and the density
    score ended the core a few items into the list, dropping the rest (``bench_pages.py``).
    The core's last item (``_cut_candidate``'s shape) must follow another with the same short
    lines, one a price or a shop's button (a teaser list has neither); the end goes on over
    every next item with the same lines, and over the last one's text and lines
    (``_item_tail``)."""
    last = next((c for c in range(hi, lo, -1) if feats[c].text and _cut_candidate(feats[c])),
                None)
    if last is None:
        return hi
    above = _item_gap(feats, last, -1, lo)
    if above is None or not any(R.PRICE_LINE_RE.match(x) or _SHOP_BUTTON.search(x)
                                for x in above[1]):
        return hi
    c = last
    while (nxt := _item_gap(feats, c, 1, len(feats) - 1)) is not None and nxt[1] == above[1]:
        c = nxt[0]
    end = _item_tail(feats, c, above, len(feats) - 1)
    if end is None:  # the list's last item ends otherwise: up to the item above it
        return hi if c == last else max(hi, _end_above(feats, lo, c))
    return max(hi, end)


LIST_ITEM_LINES = 3  # paragraphs under a list's item name, at most
LIST_ITEM_EXTRA = 2  # ...and short lines ("$29 at Amazon", "Buy now")
# the rule of a shop's button ("Buy now"): with a price, what makes a list's item a product
_SHOP_BUTTON = next(rule for rule in R.LINE_RULES if rule.name == "shop-button")


def choose_cut(rows: list[tuple[int, list[float]]], model: CutModel) -> int | None:
    """The line of the likeliest candidate in ``rows`` that passes ``model``, if any."""
    best = best_cut(rows, model)
    return best[0] if best else None


def best_cut(rows: list[tuple[int, list[float]]], model: CutModel
             ) -> tuple[int, float] | None:
    """(line, probability) of the likeliest candidate in ``rows`` that passes ``model``."""
    best: tuple[float, int] | None = None
    for c, x in rows:
        p = model.passes(x)
        if p is not None and (best is None or p > best[0]):
            best = (p, c)
    return (best[1], best[0]) if best else None


def cut_candidates(capture: Capture) -> tuple[list[str], list[tuple[int, list[float]]]]:
    """The lines of a text capture and the candidate cuts ``_appended_cut`` judges, with their
    features, as ``rule_pass`` finds them (steps 1-3): what scripts/train_cleaner.py trains
    the cut model on."""
    feats = _features(split_lines(capture.text))
    span = _core(feats)
    if span is None:
        return [f.text for f in feats], []
    lo, hi = span
    hi = _grow(feats, hi, len(feats), set())
    lo = _grow_back(feats, lo)
    return [f.text for f in feats], _cut_features(feats, lo, hi)


def _most_common(top: list[str], fresh: Iterable[str], counts: Counter[str],
                 first: dict[str, int]) -> list[str]:
    """``[w for w, _ in counts.most_common(APPENDED_TOPIC_WORDS)]`` (the most frequent first,
    ties in order of first use, ``first``) after the words ``fresh`` were counted again, from
    ``top``, the same list before: a word that was not counted again cannot overtake one of the
    old list, so the new one is the best of ``top`` and ``fresh`` (no pass over every word)."""
    ranked = sorted(set(top).union(fresh), key=first.__getitem__)
    ranked.sort(key=counts.__getitem__, reverse=True)  # stable: ties stay in order of first use
    return ranked[:R.APPENDED_TOPIC_WORDS]


def _overlap(window: set[str], before: Counter[str] | set[str]) -> float:
    return sum(map(before.__contains__, window)) / len(window)


def _teaser_cut(feats: list[_Feat], lo: int, hi: int, boxes: list[int] | None = None) -> int:
    """End the core before a boundary line followed by a teaser list.

    A boundary inside the core ("Related", "Comments / 0") is crossed by the density score when
    enough prose follows it; that prose is an article's when it reads as paragraphs, a teaser
    list's when it comes with a crowd of short lines (source, headline, category) around each
    blurb: TEASER_SHORT_PER_PROSE short lines or more per prose line, or with a stamp of one
    shape to each teaser down to the core's end (``_stamped_list``).

    The same test reads the part the cut would keep: when that part is the teaser list (blurbs
    under their headlines above the article, the core's best run starting on them) and the
    section under the boundary (up to the next one) reads as paragraphs, with a longer run of
    them than anything kept, the boundary is a line of the article's header ("4 Comments"
    under the headline), not its end: the cut would drop the article whole (``_teaser_kept``).
    Nor is a boundary that opens a box inside the article (``_inline_box``): the box's lines
    go to ``boxes``; nor a sign-up form's opener (R.SIGNUP_OPENER_RE: "Subscribe", "Newsletter"),
    which heads a form, never a list of other stories: the article under it may go on with
    lists and subheadings (``bench_boxes.py``), and a list of stories under it has an opener of
    its own (CLEANING.md, "Round 40").
    """
    bounds = [b for b in range(lo + 1, hi + 1) if feats[b].boundary]
    if not bounds:
        return hi
    # the prose and short lines below each boundary, counted once from the bottom up
    below: dict[int, tuple[int, int]] = {}
    prose = short = 0
    for j in range(hi, bounds[0] - 1, -1):
        f = feats[j]
        if f.boundary and j > lo:
            below[j] = (prose, short)
        if f.prose:
            prose += 1
        elif f.text:
            short += 1
    for n, b in enumerate(bounds):
        prose, short = below[b]
        if short >= R.TEASER_SHORT_PER_PROSE * max(1, prose) or _stamped_list(feats, b, hi):
            if _teaser_kept(feats, lo, b, bounds[n + 1] if n + 1 < len(bounds) else hi + 1):
                continue
            resume = _inline_box(feats, b, hi)
            if resume is not None:
                if boxes is not None:
                    boxes.extend(j for j in range(b + 1, resume)
                                 if feats[j].text and _box_line(feats[j]))
                continue
            if R.SIGNUP_OPENER_RE.match(feats[b].text):
                continue
            return _end_above(feats, lo, b)
    return hi


def _stamped_list(feats: list[_Feat], b: int, hi: int) -> bool:
    """Whether the lines under the boundary ``b`` down to the core's end ``hi`` are a list of
    teasers each with its stamp (``_stamp_chain``: SERIES_MIN_STAMPS stamps of one shape or
    more, the first within a teaser's lines of the boundary, the last within a teaser's
    lines of the end): blurbs of a sentence each can be dense enough to count as prose, and
    then the short lines around them are too few for the crowd the cut reads."""
    first = _stamp_near(feats, b, 1)
    if first is None:
        return False
    top, last, stamps = _stamp_chain(feats, first, _stamp_shape(feats[first].text))
    if stamps < SERIES_MIN_STAMPS or top != first:
        return False
    return _one_teaser(feats[last + 1:hi + 1])


def _boxes_inside(feats: list[_Feat], lo: int, hi: int, boxes: list[int]) -> list[int]:
    """The links to other stories (``_box_link``) of the boxes inside the core ``lo..hi`` that
    no cut read (``_inline_box``), none of ``boxes``. The teaser cut reads a boundary inside
    the core only where a crowd of short lines follows it, so a box over paragraphs alone
    ("Related Articles" and two links in the middle of the article) kept its links as the
    article's subheadings (CLEANING.md, "Round 32"). Its other lines stay the article's: a first
    reading of every line took a document's own headings under its "Read more". A sign-up
    form's lines down to its field or button go too (``_signup_form``)."""
    found: list[int] = []
    seen = set(boxes)
    for b in range(lo + 1, hi + 1):
        if not feats[b].boundary or b in seen or (found and b <= found[-1]):
            continue
        resume = _inline_box(feats, b, hi)
        if resume is not None:
            found.extend(j for j in range(b + 1, resume)
                         if feats[j].text and _box_link(feats[j]) and j not in seen)
        elif R.SIGNUP_OPENER_RE.match(feats[b].text):
            found.extend(j for j in _signup_form(feats, b, hi) if j not in seen)
    return found


def _signup_form(feats: list[_Feat], b: int, hi: int) -> list[int]:
    """The lines of a sign-up form under its opener ``b`` ("Newsletter", "Get our daily
    briefing", "Enter your email", "Sign up"): the lines of text under it, each a box's line
    (``_box_line``), down to the last that is a form's field or button, within
    R.INLINE_BOX_LINES + R.INLINE_BOX_BUTTONS lines; none when no field or button is among
    them (a "Subscribe" button alone over the article's own list)."""
    texts = list(itertools.islice((j for j in range(b + 1, hi + 1) if feats[j].text),
                                  R.INLINE_BOX_LINES + R.INLINE_BOX_BUTTONS))
    last = 0
    for k, j in enumerate(texts):
        f = feats[j]
        if not _box_line(f):
            break
        if R.FORM_BUTTON_RE.match(f.text) or _first_line_rule(f) == _FORM_FIELD:
            last = k + 1
    return texts[:last]


def _box_line(f: _Feat) -> bool:
    """A line between a box's opener and the article's text under it that is the box's: no
    prose and no sentence of the article's (a short one under the box, "Even the
    otherwise-pragmatic Tommy Bowden knows that."), but a link, a label, a button, or a
    notice ending in a stop ("By signing up you agree to our Privacy Policy.")."""
    return not f.prose and (f.legal or not R.ends_sentence(f.text))


def _box_link(f: _Feat) -> bool:
    """A box's line (``_box_line``) that reads as a link to another story: BOX_LINK_MIN_WORDS
    words or more, not in capitals, not numbered ("top", "RESEARCH", "3a. A practical guide
    to accessible e-learning" are a document's own headings under its "Read more")."""
    return (_box_line(f) and f.words >= BOX_LINK_MIN_WORDS and not f.text.isupper()
            and _NUMBERED_HEADING_RE.match(f.text) is None)


BOX_LINK_MIN_WORDS = 4
# a numbered heading, "3a." too (rules.LIST_NUMBER_RE, a list's number, takes no letter)
_NUMBERED_HEADING_RE = re.compile(r"\d{1,3}[a-z]?[.)]\s")


def _end_above(feats: list[_Feat], lo: int, b: int) -> int:
    """The core's new end for a cut at line ``b``: its last line of text above ``b`` (not
    above ``lo``)."""
    end = b - 1
    while end > lo and not feats[end].text:
        end -= 1
    return end


def _teaser_kept(feats: list[_Feat], lo: int, b: int, stop: int) -> bool:
    """Whether a teaser cut at boundary ``b`` would keep a teaser list (``lo..b-1``) and drop
    the article: the section ``b+1..stop-1`` reads as paragraphs (fewer than
    TEASER_SHORT_PER_PROSE short lines per prose line) and holds a run of consecutive
    paragraphs with more words than any run kept."""
    kept_prose, kept_short, kept_run = _prose_runs(feats, lo, b)
    if kept_short < R.TEASER_SHORT_PER_PROSE * max(1, kept_prose):
        return False
    prose, short, run = _prose_runs(feats, b + 1, stop)
    return short < R.TEASER_SHORT_PER_PROSE * max(1, prose) and run > kept_run


def _comment_cut(feats: list[_Feat], lo: int, hi: int) -> int:
    """End the core before the line that opens a comment thread inside it ("270 Comments",
    "{ 87 comments... read them below or add one }", "12 Responses to ..."): the density score
    crosses it when the comments run long, and takes the thread in with the article.

    Such a line (``_thread_opener``) is a boundary saying "comment", "reply", "response", or
    a short line opening with a count of comments; not "0 Comments", "No comments", nor a
    line with a date or time (a comment's own signature: "Jane on May 5, 2012 at 3:01 pm |
    reply"). A comment's signature with its date or time comes under it
    (``_thread_signature``), the first under less prose than the core holds above the line
    (a signature opens or closes each comment; an article under a "4 Comments" in its header
    runs long before any) and with no date alone in the two lines of text under it (the next
    post's, on a page of posts each signed and counted: "Comments (1)", "posted by Aaron @
    9:01 AM", "Thursday, September 30, 2004"). A comment form's prompt right under the line
    ("Post a Comment", "LOGIN TO COMMENT | REGISTER TODAY") opens the thread without them
    (the commenters' names alone sign it). The part kept holds CORE_ALT_MIN_SCORE of
    prose. Chosen on the train pages (CLEANING.md, "Round 13"); the thread's lines get their own
    rule (headline.THREAD_RULE).
    """
    for b in range(lo + 1, hi + 1):
        if not _thread_opener(feats[b]):
            continue
        if not _comment_form_under(feats, b, hi):
            signatures = [j for j in range(b + 1, hi + 1) if _thread_signature(feats[j])]
            if not signatures:
                continue
            if _post_date_under(feats, signatures[0], hi):
                continue  # the next post's date under this one's signature: a page of posts
            above = sum(feats[j].words for j in range(lo, b) if feats[j].prose)
            if above <= sum(feats[j].words for j in range(b + 1, signatures[0])
                            if feats[j].prose):
                continue
        if sum(max(0.0, feats[j].score) for j in range(lo, b)) < CORE_ALT_MIN_SCORE:
            continue
        return _end_above(feats, lo, b)
    return hi


def _signed_thread_cut(feats: list[_Feat], lo: int, hi: int) -> int:
    """End the core before a comment thread that no line opens: THREAD_RUN_SIGNATURES
    comment signatures (``_thread_signature``, ``_says_signature``) or more that run to the
    core's end, each within THREAD_RUN_GAP lines of text of the next ("alecia dillard" over
    "Thu, Jan 17, 08 at 03:13 PM", "Posted by: tom3465, farnworth on 8:21pm Tue 1 Jan 08",
    "Fernie says:"), under more prose than any comment of the run holds (the last one runs to
    the core's end), and the part kept holds CORE_ALT_MIN_SCORE of prose. The cut comes at the
    first signature, or at the commenter's name right over it.

    A page of posts is signed the same way, so the run is passed over when one signer signs
    more than half of it ("-- Josh Marshall", "posted by Aaron @ 9:43 AM": the page's author)
    or a date alone stands in the two lines of text under a signature (the next post's).
    Chosen on the train pages (CLEANING.md, "Round 14").
    """
    signatures = [j for j in range(lo + 1, hi + 1)
                  if _thread_signature(feats[j]) or _says_signature(feats[j])]
    n = len(signatures)
    if n < THREAD_RUN_SIGNATURES:
        return hi
    texts = [j for j in range(lo, hi + 1) if feats[j].text]
    place = {j: k for k, j in enumerate(texts)}
    # the run starts after the last signature too far from the next one, and after the last
    # with a date alone under it (the next post's: a page of posts)
    start = 0
    for k, s in enumerate(signatures):
        far = k + 1 < n and place[signatures[k + 1]] - place[s] > THREAD_RUN_GAP
        if far or _post_date_under(feats, s, hi):
            start = k + 1
    if n - start < THREAD_RUN_SIGNATURES:
        return hi
    names = [texts[place[s] - 1] if place[s] > 0 and _name_line(feats[texts[place[s] - 1]])
             else None for s in signatures]
    signers = [_signer(feats[s].text, feats[m].text if m is not None else "")
               for s, m in zip(signatures, names, strict=True)]
    # the prose of each comment: from its signature to the next (the last to the core's end),
    # and the longest from each signature on
    comments = [sum(feats[j].words for j in range(a + 1, b) if feats[j].prose)
                for a, b in itertools.pairwise([*signatures, hi + 1])]
    longest = list(itertools.accumulate(reversed(comments), max))[::-1]
    prose_before = [0, *itertools.accumulate(feats[j].words if feats[j].prose else 0
                                             for j in range(lo, hi + 1))]
    score_before = [0.0, *itertools.accumulate(max(0.0, feats[j].score)
                                               for j in range(lo, hi + 1))]
    # how many signatures each signer has in the run, and how many signers have each count:
    # the largest count only falls as the run loses its first signature
    counts = Counter(signers[start:])
    signers_with = Counter(counts.values())
    top = max(signers_with)
    for first in range(start, n - THREAD_RUN_SIGNATURES + 1):
        if first > start:
            c = counts[signers[first - 1]]
            counts[signers[first - 1]] = c - 1
            signers_with[c] -= 1
            signers_with[c - 1] += 1
            while not signers_with[top]:
                top -= 1
        if 2 * top > n - first:
            continue  # one signer: a page of the author's posts
        name = names[first]
        cut = name if name is not None else signatures[first]
        if prose_before[cut - lo] <= longest[first]:
            continue  # a comment as long as the article: the core is not the article
        if score_before[cut - lo] < CORE_ALT_MIN_SCORE:
            continue
        return _end_above(feats, lo, cut)
    return hi


def _says_signature(f: _Feat) -> bool:
    """A comment's signature by its writer's name alone, the blog's "says:" after it ("Fernie
    says:", "Anita K says:"; the date, when the page prints one, on the next line): a name of
    SIGNER_MAX_WORDS words at most, no sentence inside ("Idiot. The article says:" is a
    comment's text), so not a quote's introduction ("In her statement in Poetry and Gender
    burns says:", in a truth). On the train pages 276 lines read so, none in a truth. Read only
    by the thread cut after the models (``_signed_thread``; round 34)."""
    return (0 < f.words <= SIGNER_MAX_WORDS + 1 and f.text.rstrip().lower().endswith("says:")
            and R.SENTENCE_INSIDE_RE.search(f.text) is None)


def _post_date_under(feats: list[_Feat], j: int, hi: int) -> bool:
    """A date alone, with no clock time, in the two lines of text under ``j`` (up to ``hi``):
    under a signature, the next post's date, on a page of posts each signed ("// posted by
    Aaron @ 9:01 AM", then "Thursday, September 30, 2004")."""
    under = itertools.islice((k for k in range(j + 1, hi + 1) if feats[k].text), 2)
    return any(feats[k].dateline and not _CLOCK_RE.search(feats[k].text) for k in under)


def _name_line(f: _Feat) -> bool:
    """A commenter's name over a signature: a short line, no prose."""
    return not f.prose and 0 < f.words <= THREAD_NAME_MAX_WORDS


def _signed_thread(rp: RulePass) -> list[int]:
    """The published lines at the end of the rule pass's core that are a comment thread no
    line opens (``_signed_thread_cut``). Read once the line model and the headline have
    spoken, not in the rule pass, so that the three models are trained on the rule pass as
    before: in it, the cut moved the candidate lines of 9 train pages, and the headline model
    refitted on them got two of dev's headlines more wrong (CLEANING.md, "Round 14")."""
    if rp.lo > rp.hi:
        return []
    end = _signed_thread_cut(rp.feats, rp.lo, rp.hi)
    return [i for i in range(end + 1, rp.hi + 1) if rp.kinds[i][0] in BODY_KINDS]


def _signer(signature: str, name: str) -> tuple[str, ...]:
    """Who signs a comment: the words of its signature and of the name over it, less dates,
    times and comment furniture ("Posted by: tom3465, farnworth on 8:21pm Tue 1 Jan 08" ->
    ("tom", "farnworth"))."""
    letters = _NON_LETTERS_RE.sub(" ", f"{name} {signature}")
    return tuple(_STAMP_WORDS_RE.sub(" ", letters).lower().split())


def _comment_form_under(feats: list[_Feat], b: int, hi: int) -> bool:
    """The comment form's prompt right under a thread's opener (one of the two lines of text
    under ``b``): "Post a Comment", "Leave a Reply", "LOGIN TO COMMENT | REGISTER TODAY",
    "Your email address will not be published": the comments come under the form."""
    under = itertools.islice((j for j in range(b + 1, hi + 1) if feats[j].text), 2)
    for j in under:
        f = feats[j]
        if f.boundary and (R.COMMENTS_OPENER_RE.search(f.text) or R.END_PROMPT_RE.match(f.text)):
            return True
        if _first_line_rule(f) == ("boilerplate", "comment-form"):
            return True
    return False


def _thread_opener(f: _Feat) -> bool:
    """A line that may open a comment thread (see ``_comment_cut``)."""
    if f.boundary:
        opens = R.COMMENTS_OPENER_RE.search(f.text) is not None
    else:
        opens = (0 < f.words <= CORE_SIGNATURE_MAX_WORDS
                 and _COMMENT_COUNT_RE.match(f.text) is not None)
    return opens and _NO_COMMENTS_RE.search(f.text) is None and not _signature_stamp(f.text)


def _thread_signature(f: _Feat) -> bool:
    """A comment's signature with its date or time ("Matt | November 9, 2012 12:13 AM |
    Reply", "Chef Mark Garcia — July 17th, 2012, 6:18 pm", "Jane 3 hours ago", a date
    alone under the commenter's name)."""
    return (0 < f.words <= CORE_SIGNATURE_MAX_WORDS
            and _signature_stamp(f.text)
            and (f.dateline or _CLOCK_RE.search(f.text) is not None
                 or linemodel.comment_meta(f.text)
                 or COMMENT_SIGNATURE_RE.search(f.text) is not None
                 or _name_dated(f.text)))


# a commenter's or a writer's name and the date, numbered or not: "2. Lettraggad - 29 August,
# 2011", "Jane Roe | May 5, 2012", "Jane Roe / May 4, 2024 / 9:32 AM / Updated 2 hours ago"
_NAME_DATE_RE = re.compile(
    r"^(?:\d{1,4}\.\s*)?[^\W\d_][\w.'’()@-]*"
    rf"(?:\s+[\w.'’()@-]+){{0,{SIGNER_MAX_WORDS - 1}}}\s*[-–—|/]\s*(?P<date>.+)$")


def _name_dated(text: str) -> bool:
    """A name of one to SIGNER_MAX_WORDS words, a dash, a bar or a slash, then a date."""
    m = _NAME_DATE_RE.match(text)
    return m is not None and R.DATELINE_RE.match(m.group("date")) is not None


# what a comment's signature holds besides its signer's name: figures, dates, times, furniture
_NON_LETTERS_RE = re.compile(r"[\d\W_]+")
_STAMP_WORDS_RE = re.compile(
    rf"\b(?:{R.MONTHS}|\w+day|mon|tue|wed|thu|fri|sat|sun|[ap]m|at|on|posted|by|reply|permalink"
    r"|says|said|ago|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|[ecmp][sd]t|gmt|utc)\b",
    re.IGNORECASE)
_SIGNATURE_STAMP_RE = re.compile(r"\d:\d\d|\b(?:19|20)\d\d\b|\bago\b", re.IGNORECASE)
_SIGNATURE_STAMP_LOWER = R.lower_twin(_SIGNATURE_STAMP_RE)


def _signature_stamp(text: str) -> bool:
    """Whether ``_SIGNATURE_STAMP_RE`` occurs in ``text`` (an ASCII line lower-cased against
    its lower-case twin: the same answer, faster)."""
    if text.isascii():
        return _SIGNATURE_STAMP_LOWER.search(text.lower()) is not None
    return _SIGNATURE_STAMP_RE.search(text) is not None


_CLOCK_RE = re.compile(r"\d:\d\d")
# a count of comments opening a line: "19 comments", "{ 87 comments... read them below }",
# "12 Responses to ...", "One thought on ..." (a sentence saying "response" or "discussion"
# opens no thread)
_COMMENT_COUNT_RE = re.compile(
    r"\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:comments?|responses?|replies|reactions?|thoughts?\s+on)\b", re.IGNORECASE)
# "Comments (0)", "0 Comments", "No comments yet": a post's footer over the next post, no thread
_NO_COMMENTS_RE = re.compile(r"(?<![\d,.])0(?![\d,.])|\bno\b", re.IGNORECASE)


def _inline_box(feats: list[_Feat], b: int, hi: int) -> int | None:
    """Where the article resumes (its first paragraph) when boundary ``b`` opens a box inside
    it (a newsletter pitch, "Related Articles" and a link or two, an advertisement's label)
    rather than its end, else None. Under such a box, after at most R.INLINE_BOX_LINES other
    lines (its links and labels) besides R.INLINE_BOX_BUTTONS buttons (a share bar's, one word
    or a share-bar line: "Facebook", "Share", "Copy link"; a form's field and button: "Enter
    your email", "Sign up"), no other opener and no post's footer among them, the article goes
    on (``_paragraphs_go_on``). What follows an article's end reads otherwise: a teaser list
    alternates headlines and blurbs, a comment thread signatures and comments."""
    if R.COMMENTS_OPENER_RE.search(feats[b].text) and not (
            R.COMMENT_BUTTON_RE.match(feats[b].text) and not _thread_under(feats, b, hi)):
        return None  # a comment thread opens there: its first comment can run long

    texts = list(itertools.islice((j for j in range(b + 1, hi + 1) if feats[j].text),
                                  R.INLINE_BOX_READ))
    box = _box_lines(feats, texts, 0)
    return texts[box] if box is not None and _paragraphs_go_on(feats, texts[box:]) else None


def _thread_under(feats: list[_Feat], b: int, hi: int) -> bool:
    """Whether a comment thread or its form stands under line ``b``: the form's prompt right
    under it (``_comment_form_under``), or a comment's signature (``_thread_signature``)
    among the THREAD_READ_LINES lines of text under it."""
    if _comment_form_under(feats, b, hi):
        return True
    under = itertools.islice((j for j in range(b + 1, hi + 1) if feats[j].text),
                             THREAD_READ_LINES)
    return any(_thread_signature(feats[j]) for j in under)


def _box_lines(feats: list[_Feat], texts: Sequence[int], start: int) -> int | None:
    """The position in ``texts`` (lines of text under a box's opener, the box's first at
    ``start``; its marked items, R.INLINE_BOX_ITEMS at most, counted apart from its other
    lines) of the first paragraph under the box, or of the first line of a list the
    article resumes with when the box's lines run long (``_list_under_box``); None when the
    lines from ``start`` are no box (see ``_inline_box``)."""
    box, buttons, items = start, 0, 0
    while box < len(texts) and not _inline_paragraph(feats[texts[box]]):
        f = feats[texts[box]]
        rule = _first_line_rule(f)
        if _item_marker(f.text) is not None and items < R.INLINE_BOX_ITEMS:
            items += 1  # a numbered list of links ("Most Read", "1. ...", "2. ...") as one
        elif (rule in _BUTTONS or (f.words == 1 and f.label_like and not f.boundary)
                or R.FORM_BUTTON_RE.match(f.text)):
            # a share bar's buttons ("Share", "Facebook", "Copy link", "Bluesky"), a sign-up
            # form's field and button ("Enter your email", "Sign up")
            buttons += 1
            if buttons > R.INLINE_BOX_BUTTONS:
                return None
        elif f.boundary or rule == _POST_END:
            return None  # a second opener, or a post's footer: the article ended over the box
        elif box - start - buttons - items == R.INLINE_BOX_LINES:
            return _list_under_box(feats, texts, start, box)
        box += 1
    return box if box < len(texts) else None


def _list_under_box(feats: list[_Feat], texts: Sequence[int], start: int, stop: int
                    ) -> int | None:
    """The position in ``texts`` of the article's first line under a box when the article
    resumes with a list of its own (a feature list, a recipe's ingredients) rather than a
    paragraph: the first line among the box's lines after its first (``start + 1 .. stop``)
    that opens an unmarked list (``_unmarked_list_item``) after a blank line, the box's
    links each a paragraph of their own above it; else None (no box there)."""
    return next((k for k in range(start + 1, stop + 1)
                 if texts[k - 1] != texts[k] - 1 and _unmarked_list_item(feats, texts[k])),
                None)


def _inline_paragraph(f: _Feat) -> bool:
    """A paragraph as a box inside the article is told by: R.INLINE_BOX_PARAGRAPH_WORDS words
    of prose or more, not a site notice nor a teaser."""
    return f.prose and f.words >= R.INLINE_BOX_PARAGRAPH_WORDS and not (f.legal or f.teaser)


def _paragraphs_go_on(feats: list[_Feat], texts: Sequence[int], down: bool = True) -> bool:
    """Whether the lines of text ``texts`` (read away from a box, ``down`` or up) read as the
    article's: within R.INLINE_BOX_WINDOW of them (up to a boundary, or read down, past a
    second box, whose lines are not counted; a marked list's items, "- Initiate Trust", "4.
    More Athletic Than the Athletics", and an unmarked list's, not counted either),
    R.INLINE_BOX_PARAGRAPHS paragraphs or more, twice as many as the other lines (subheadings)
    among them or as many when they are long (R.INLINE_BOX_LONG_PARAGRAPH_WORDS words each on
    average: an article's sections, not a teaser list's blurbs), and no comment's signature."""
    paragraphs = others = window = paragraph_words = 0
    pos = 0
    while pos < len(texts):
        j = texts[pos]
        f = feats[j]
        pos += 1
        if f.boundary:
            if not down or R.COMMENTS_OPENER_RE.search(f.text) or R.POST_END_RE.match(f.text):
                break
            resume = _box_lines(feats, texts, pos)  # a second box: the article goes on under it
            if resume is None:
                break
            pos = resume
            continue
        is_paragraph = _inline_paragraph(f)
        if not is_paragraph and _item_marker(f.text) is not None and _list_item_ok(f):
            continue  # a marked list item of the article's own: no teaser list is marked so
        if not is_paragraph and _unmarked_list_item(feats, j):
            continue  # ... nor an unmarked one's (a teaser list's lines hold its blurbs)
        if not is_paragraph and _slot_line(f):
            continue  # an advertisement's label between paragraphs, a share button
        window += 1
        if window > R.INLINE_BOX_WINDOW:
            break
        if is_paragraph:
            paragraphs += 1
            paragraph_words += f.words
        elif 0 < f.words <= CORE_SIGNATURE_MAX_WORDS and (
                linemodel.comment_meta(f.text) or COMMENT_SIGNATURE_RE.search(f.text)):
            return False  # a comment's signature ("Jane says:", "May 5, 2012 at 3:01 pm")
        else:
            others += 1
        if paragraphs >= R.INLINE_BOX_PARAGRAPHS and (paragraphs >= 2 * others or (
                paragraphs >= others
                and paragraph_words >= R.INLINE_BOX_LONG_PARAGRAPH_WORDS * paragraphs)):
            return True
    return False


def _unmarked_list_item(feats: list[_Feat], j: int) -> bool:
    """Whether line ``j`` is an item of a list set out without markers: a run of
    R.UNMARKED_LIST_MIN_LINES lines of text or more with no blank line between them and no
    paragraph (``_inline_paragraph``) among them, the line no boundary, notice, teaser or line
    a rule names (``_list_item_ok``). A teaser list set out so holds its blurbs, paragraphs."""
    if not _list_item_ok(feats[j]):
        return False
    lo = hi = j  # (read R.INLINE_BOX_READ lines each way at most: a hostile run stays linear)
    while lo > max(0, j - R.INLINE_BOX_READ) and feats[lo - 1].text:
        lo -= 1
    while hi + 1 < min(len(feats), j + R.INLINE_BOX_READ) and feats[hi + 1].text:
        hi += 1
    return hi - lo + 1 >= R.UNMARKED_LIST_MIN_LINES and not any(
        _inline_paragraph(feats[k]) for k in range(lo, hi + 1))


def _slot_line(f: _Feat) -> bool:
    """A line set between the article's paragraphs that is neither a paragraph nor a
    subheading: an advertisement's label, a share button, a photo's caption or credit
    ("evgenyb/iStock/Getty Images" under each photo of a list of tips)."""
    rule = _first_line_rule(f)
    return rule in _SLOT_LINES or (rule is not None and rule[0] == "caption")


# The line that closes a post ("Posted in News | 4 Comments"): no box inside an article
# holds one.
_POST_END = ("boilerplate", "post-footer")
# A box's buttons and form fields ("Facebook", "Copy link"; "Enter your email")
_FORM_FIELD = ("boilerplate", "comment-form")
_BUTTONS = (("boilerplate", "share-bar"), _FORM_FIELD)
# ... and the labels of a slot between paragraphs ("Advertisement", "Story continues below
# advertisement"): neither a paragraph nor a subheading where the article goes on
_SLOT_LINES = (*_BUTTONS, ("boilerplate", "advert-label"))


def _bridge_boxes(feats: list[_Feat], hi: int, boxes: list[int]) -> int:
    """Carry the core's end ``hi`` over a box that interrupts the article (``_inline_box``) and
    on to the end of the article's run of text under it; the box's lines go to ``boxes``. The
    density score stops at such a box when the article's text under it is short: a boundary
    line and its links weigh more than two or three paragraphs. Where a second opener follows
    a paragraph or two under the first box, the end is carried over both boxes or neither;
    where the text up to that opener reads as the article's by itself (``_paragraphs_go_on``:
    the article's last paragraphs, then the page's list under its opener), the end stays
    there when the second box cannot be crossed (round 39). Over R.INLINE_BOX_MAX boxes at
    most."""
    scores: list[float] | None = None  # _score, read once a box is found
    kept = (hi, len(boxes))  # the end and box lines before a bridge that needs the next one
    for _ in range(R.INLINE_BOX_MAX):
        after = list(itertools.islice((j for j in range(hi + 1, len(feats)) if feats[j].text),
                                      R.INLINE_BOX_LINES + 1))
        b = next((j for j in after if feats[j].boundary), None)
        resume = None
        if b is not None and not any(feats[j].prose for j in after if j < b):
            resume = _inline_box(feats, b, len(feats) - 1)
        if resume is None:
            del boxes[kept[1]:]
            return kept[0]
        scores = scores or [f.score for f in feats]
        run = _best_run(scores, feats, resume, len(feats) - 1)[1]
        opener = None
        if run is not None and run[0] != resume:
            # a second box under a paragraph or two (``_inline_box`` read the article on
            # under it): the text up to its opener, then (next turn) that box
            opener = next((j for j in range(resume, run[0]) if feats[j].boundary), None)
        if run is None or (run[0] != resume and opener is None):
            del boxes[kept[1]:]
            return kept[0]
        boxes.extend(j for j in range(hi + 1, resume)
                     if feats[j].text and j != b and _box_line(feats[j]))
        hi = run[1] if opener is None else _end_above(feats, resume, opener)
        if opener is None or _paragraphs_go_on(
                feats, [j for j in range(resume, opener) if feats[j].text]):
            kept = (hi, len(boxes))
    del boxes[kept[1]:]
    return kept[0]


def _bridge_boxes_back(feats: list[_Feat], lo: int, hi: int, boxes: list[int]) -> int:
    """Carry the core's start ``lo`` up over a box that interrupts the article, the mirror of
    ``_bridge_boxes``: the density score starts the core under a box (a share bar's opener and
    its buttons weigh more than the article's first paragraphs) when the text above it is the
    shorter half. The box: the lines of text right above ``lo``, no paragraph among them, that
    a boundary opens and ``_inline_box`` reads as a box with the core under it. Above its
    opener, the article's first half: the best run of lines ending in a paragraph right over
    the opener, that reads as paragraphs up from there (``_paragraphs_go_on``). The box's
    lines go to ``boxes``; over R.INLINE_BOX_MAX boxes at most."""
    scores: list[float] | None = None  # _score, read once a box is found
    for _ in range(R.INLINE_BOX_MAX):
        above = list(itertools.islice((j for j in range(lo - 1, -1, -1) if feats[j].text),
                                      R.INLINE_BOX_LINES + R.INLINE_BOX_BUTTONS + 1))
        opener = None
        for n, j in enumerate(above):
            if _inline_paragraph(feats[j]):
                if opener is None or n == 0 or above[n - 1] != opener:
                    return lo  # no box, or lines between the opener and the text above it
                break
            if feats[j].boundary:
                opener = j
        else:
            return lo
        end = above[n]
        if _inline_box(feats, opener, hi) != lo:
            return lo
        up = list(itertools.islice((j for j in range(end, -1, -1) if feats[j].text),
                                   4 * R.INLINE_BOX_WINDOW))  # (list items not counted)
        if not _paragraphs_go_on(feats, up, down=False):
            return lo
        scores = scores or [f.score for f in feats]
        run = best = 0.0
        start = end
        for j in range(end, -1, -1):
            if feats[j].text:
                run += scores[j]
                if run > best:
                    best, start = run, j
        boxes.extend(j for j in range(end + 1, lo)
                     if feats[j].text and j != opener and _box_line(feats[j]))
        lo = start
    return lo


def _prose_runs(feats: list[_Feat], start: int, stop: int) -> tuple[int, int, int]:
    """Prose lines, other lines of text, and the words of the longest run of prose lines with
    nothing but blank lines between them, in ``start..stop-1``."""
    prose = short = run = best = 0
    for j in range(start, stop):
        f = feats[j]
        if f.prose:
            prose += 1
            run += f.words
            best = max(best, run)
        elif f.text:
            short += 1
            run = 0
    return prose, short, best


def _notice_cut(feats: list[_Feat], lo: int, hi: int) -> int:
    """End the core before a copyright notice written as a sentence ("© 2019 The Agency. All
    rights reserved.") that has article prose above it: what follows a notice is page foot or
    another page's text. (A short credit such as "© Jane Doe" under a photo is not one.)"""
    b = _notice_at(feats, lo, hi)
    return hi if b is None else _end_above(feats, lo, b)


def _tags_cut(feats: list[_Feat], lo: int, hi: int) -> int:
    """End the core before the tag line that closes the post ("Tags: Mercury, MESSENGER,
    NASA", "Filed Under: Halloween", "Posted in New Cars, News Blog"; R.POST_TAGS_RE): the
    density score crosses it when prose follows (the writer's bio, teasers with their blurbs,
    the readers' comments), and publishes the tag line as a subheading.

    Not a tag line of the article's header (fewer than TAGS_MIN_PROSE_ABOVE words of prose
    above it in the core: the labels under a headline), nor one with a run of paragraphs under
    it longer than the prose above it (the article goes on; teasers' blurbs and boxes stand
    apart, each under its headline) unless a section opener stands right under it ("Related
    Posts": teasers follow, whatever their length), nor one of a page of tagged entries (a
    second tag line under prose below it: a directory's listings, a blog's front page of
    posts). Chosen on the train pages (CLEANING.md, "Round 20").
    """
    above = 0
    for b in range(lo, hi + 1):
        f = feats[b]
        if f.prose:
            above += f.words
            continue
        if above < TAGS_MIN_PROSE_ABOVE or not _tag_line(f):
            continue
        below = _prose_runs(feats, b + 1, hi + 1)[2]
        if below > above and not _opener_under(feats, b, hi):
            continue
        if _tagged_again(feats, b, hi):
            return hi
        return _end_above(feats, lo, b)
    return hi


def _tag_line(f: _Feat) -> bool:
    return R.post_tag_line(f.text, f.words)


def _opener_under(feats: list[_Feat], b: int, hi: int) -> bool:
    """The line of text right under line ``b`` (to ``hi``) opens a section ("Related Posts")."""
    return next((f.boundary for f in feats[b + 1:hi + 1] if f.text), False)


def _tagged_again(feats: list[_Feat], b: int, hi: int) -> bool:
    """A second tag line under prose below line ``b`` (to ``hi``): each entry of a list is
    tagged, not the post alone."""
    prose = False
    for f in feats[b + 1:hi + 1]:
        if prose and _tag_line(f):
            return True
        prose = prose or f.prose
    return False


def _notice_at(feats: list[_Feat], lo: int, hi: int) -> int | None:
    """The first line of ``lo..hi`` that is a copyright notice written as a sentence, with
    article prose above it (``_notice_cut``)."""
    seen_prose = False
    for b in range(lo, hi + 1):
        f = feats[b]
        if seen_prose and f.boundary and f.sentence and _copyright_notice(f):
            return b
        seen_prose = seen_prose or f.prose
    return None


def notice_line(texts: Sequence[str]) -> int | None:
    """Index in ``texts`` (one line of text each) of the first copyright notice written as a
    sentence with prose above it, as the text track ends an article there (``_notice_cut``):
    what the HTML track's extractors kept under it is page foot (html_edges)."""
    feats = _features(list(texts))
    return _notice_at(feats, 0, len(feats) - 1)


def _copyright_notice(f: _Feat) -> bool:
    return not f.text.startswith("(") and _closing_note(f)


def _skip_opening_header(feats: list[_Feat], lo: int, hi: int) -> int:
    """Move the core start past the header lines that open it: a headline and a standfirst
    (when no headline stands above the core already), and a byline or dateline under them."""
    above = [j for j in range(max(0, lo - meta.HEADER_REACH), lo) if feats[j].text]
    title_above = any(meta.is_title_candidate(feats[j].text) for j in above[-4:])
    header_end = _header_end(feats, lo, hi, title_above)
    if header_end is not None:
        return header_end
    if title_above:
        return lo
    i = lo
    for test in (meta.is_title_candidate, meta.is_dek_candidate):
        while i < hi and not feats[i].text:
            i += 1
        f = feats[i]
        if i < hi and (not f.prose or R.LABEL_LIKE_RE.match(f.text)) and test(f.text):
            i += 1
        else:
            break
    while i < hi and not feats[i].text:
        i += 1
    return i if any(feats[j].prose for j in range(i, hi + 1)) else lo


def _header_end(feats: list[_Feat], lo: int, hi: int, title_above: bool) -> int | None:
    """The core start past "[headline] / [standfirst] / byline or dateline" opening the core,
    or None. The headline is in the core unless ``title_above``.

    A headline and standfirst read like prose when their words do (or when the score cannot
    tell), so the core can swallow them; a byline or dateline under them is the header's usual
    last line. Only page furniture (short non-sentences such as "Skip to content") and the
    headline itself may stand above the headline, and the standfirst becomes the dek, so no
    sentence is dropped.
    """
    text = [j for j in range(lo, min(hi, lo + 16)) if feats[j].text][:6]
    first = 0 if title_above else 1
    closers = [pos for pos in range(first, len(text)) if _header_closer(feats[text[pos]])]
    if not closers:
        return None
    pos = closers[0]
    # "Jane Doe, Chief correspondent" above a dateline: an author line without "By"
    end = pos - 1 if pos > first and _author_line(feats[text[pos - 1]]) else pos
    if title_above:
        if end > 1 or (end == 1 and not _dek_sized(feats[text[0]])):
            return None
    else:
        dek = feats[text[end - 1]]
        if end >= 2 and _dek_sized(dek) and meta.is_title_candidate(feats[text[end - 2]].text):
            title = end - 2
        elif meta.is_title_candidate(dek.text):
            title = end - 1
        else:
            return None
        headline = feats[text[title]].text
        if any(_readable(feats[j]) and feats[j].text != headline for j in text[:title]):
            return None  # text above the headline (other than the headline shown twice)
    while pos + 1 < len(text) and _header_closer(feats[text[pos + 1]]):
        pos += 1  # "By Jane Doe" then "Updated 5 May 2024"
    after = text[pos] + 1
    while after < hi and not feats[after].text:
        after += 1
    return after if any(feats[j].prose for j in range(after, hi + 1)) else None


def _dek_sized(f: _Feat) -> bool:
    """Long enough for the header to keep as the dek, short enough not to be a paragraph."""
    return meta.dek_sized(f.words)


def _header_closer(f: _Feat) -> bool:
    """A byline, a line that is only a date, or the writer's name and the date on one line
    ("Jane Roe / May 4, 2024 / 9:32 AM"): what ends an article's header."""
    if R.BYLINE_RE.match(f.text):
        return meta.opens_byline(f.text)
    return len(f.text) <= meta.DATELINE_MAX_CHARS and (
        bool(R.DATELINE_RE.match(f.text)) or _name_dated(f.text))


def _author_line(f: _Feat) -> bool:
    """A short line of names and roles, not a sentence: "Jane Doe and John Roe, Reporters"."""
    return (not f.prose and not f.sentence and 2 <= f.words <= R.BYLINE_MAX_WORDS
            and f.text[:1].isupper() and not R.SENTENCE_END_RE.search(f.text))


def _readable(f: _Feat) -> bool:
    """Text that could be part of the article: anything but a short non-sentence."""
    return f.prose or f.sentence or f.words > R.SHORT_MAX_WORDS


def _after_core(feats: list[_Feat], hi: int) -> dict[int, str]:
    """Text right after the end of the core that is kept as "unsure" (index -> rule).

    - the closing line: the first line of text after the core, when it is a credit in
      parentheses or a copyright sentence (CLOSING_NOTE_RE);
    - the last paragraph after an inline box: a boundary label and at most BOX_MAX_ITEMS short
      link lines, then paragraphs, then no more prose within BOX_CHECK_LINES lines of text.
    """
    nxt = [j for j in range(hi + 1, len(feats)) if feats[j].text]
    if not nxt:
        return {}
    first = feats[nxt[0]]
    if _closing_note(first):
        return {nxt[0]: "closing-line"}
    if not first.boundary or not R.BOX_LABEL_RE.match(first.text):
        return {}
    k = 1
    while k < len(nxt) and k <= R.BOX_MAX_ITEMS and _box_item(feats[nxt[k]]):
        k += 1
    if k == 1:
        return {}  # a label with no links under it opens a section, not a box
    paras = []
    while k < len(nxt) and _box_paragraph(feats[nxt[k]]):
        paras.append(nxt[k])
        k += 1
    rest = nxt[k : k + R.BOX_CHECK_LINES]
    if not paras or any(feats[j].prose for j in rest):
        return {}
    return dict.fromkeys(paras, "after-box")


def _closing_note(f: _Feat) -> bool:
    return (
        f.words >= R.CLOSING_NOTE_MIN_WORDS
        and bool(R.CLOSING_NOTE_RE.match(f.text))
        and not R.any_line_rule(f.text)
    )


def _box_item(f: _Feat) -> bool:
    """A link of an inline box: a short line, not a sentence (a teaser headline is longer)."""
    return not f.prose and not f.sentence and not f.boundary and f.words <= R.SHORT_MAX_WORDS


def _box_paragraph(f: _Feat) -> bool:
    return (
        f.prose
        and f.sentence
        and not (f.boundary or f.legal or f.teaser or f.repeated)
        and not R.TEASER_ELLIPSIS_RE.search(f.text)
        and not R.any_line_rule(f.text)
    )


def _label_like(f: _Feat) -> bool:
    return f.label_like


def _grow(feats: list[_Feat], hi: int, stop: int, list_items: set[int],
          marked_items: set[int] | None = None) -> int:
    """Extend the end ``hi`` of the core forward, up to ``stop`` (exclusive).

    The core is carried on over list-like text (fragments, short sentences, labels mixed with
    text) until a boundary line, a site notice, or a run of EXTEND_MAX_LABEL_RUN label-like
    lines (a menu, a teaser list); it ends at the last line of text before that. A line ending
    in a colon announces a list (``_announcement``: not a label naming other stories): the lines
    right under it (up to a blank line) are kept whatever their shape; under a sentence ending
    in a colon, also a table after one blank line, or a list set out as paragraphs
    (``_spaced_list``). Given ``marked_items``, a list of marked items (``_marked_list``: "1."
    "2." "3.", or the same bullet) right under the text, at most MARKED_MAX_LABELS_ABOVE labels
    or a line ending in a colon above it, is carried over whatever its items' shape (names,
    titles, results: a menu's shape), and its lines go to ``marked_items``.
    """
    new_hi = hi
    run = 0
    in_list = False
    spaced_end = -1  # the last item of a list set out with blank lines (_spaced_list)
    key_values = False  # in a block of "Name: value" lines after its label (_key_values)
    if _announcement(feats[hi]):  # the core's last line announces a list: "... as follows:"
        in_list = True
        spaced = _spaced_list(feats, hi, stop) if _announces_list(feats, hi, hi) else []
        if spaced:
            list_items.update(spaced)
            new_hi = spaced_end = spaced[-1]
            in_list = False
    for j in range(hi + 1, stop):
        f = feats[j]
        if j <= spaced_end:
            continue
        if not f.text:
            # a blank line ends the list, unless it parts a sentence announcing a table from
            # the table's first row (cells parted by tabs), or an announcement ("Key
            # Features:") from a block of "Name: value" lines
            opens = in_list and j + 1 < stop and bool(feats[j - 1].text)
            rows = opens and _sentence_announcement(feats[j - 1]) and "\t" in feats[j + 1].text
            key_values = opens and not rows and _key_values(feats, j + 1, stop)
            in_list = rows or key_values
            continue
        if f.boundary or f.legal or f.teaser:
            break
        if key_values and not KEY_VALUE_RE.match(f.text):
            in_list = key_values = False  # the block of "Name: value" lines has ended
        if in_list and not R.any_line_rule(f.text):
            new_hi, run = j, 0
            list_items.add(j)
            continue
        if _announcement(f):
            in_list = True
            new_hi, run = j, 0
            spaced = _spaced_list(feats, j, stop) if _announces_list(feats, hi, j) else []
            if spaced:
                list_items.update(spaced)
                new_hi = spaced_end = spaced[-1]
                in_list = False
            continue
        if f.repeated:
            continue
        table = _table_block(feats, j, stop) if run <= TABLE_MAX_LABELS_ABOVE else []
        if table:  # a table under the text, its caption or labels above it in the core
            list_items.update(table)
            new_hi = spaced_end = table[-1]
            run = 0
            continue
        if marked_items is not None and (
                run <= MARKED_MAX_LABELS_ABOVE or feats[j - 1].text.endswith(":")):
            marked = _marked_list(feats, j, stop)
            if marked:  # numbered or bulleted items: a list of the article, however short
                marked_items.update(marked)
                new_hi = spaced_end = marked[-1]
                run = 0
                continue
        if _label_like(f) or _teaser_title_like(f) or f.dateline:
            run += 1
            if run >= R.EXTEND_MAX_LABEL_RUN:
                break
            continue
        run = 0
        if f.prose or f.sentence or f.words >= 3:
            new_hi = j
    return new_hi


def _announcement(f: _Feat) -> bool:
    """A line ending in a colon: the lines right under it are what it announces. Not a
    section's label naming other stories ("POPULAR STORIES TODAY:", "World News:", "More
    world stories from NBC News:", "Share this article:"): a teaser list or a share row stands
    under it, not the article's own list (CLEANING.md, "Round 32")."""
    return (f.text.endswith(":") and f.words >= 2
            and not (f.words <= OTHER_STORIES_LABEL_WORDS and _OTHER_STORIES_RE.search(f.text)))


# a label naming other stories: this many words at most, one of them a story's name
OTHER_STORIES_LABEL_WORDS = 6
_OTHER_STORIES_RE = re.compile(r"\b(?:stor(?:y|ies)|articles?|posts?|headlines?|news)\b",
                               re.IGNORECASE)


def _key_values(feats: list[_Feat], j: int, stop: int) -> bool:
    """Lines ``j``.. (no blank line between them) open with KEY_VALUE_MIN_ROWS or more lines
    that each name a property and give its value ("Processor: 1.2GHz", "Display: 7-inch"): a
    specification or a fact box."""
    rows = 0
    for k in range(j, min(stop, j + KEY_VALUE_MIN_ROWS)):
        if not feats[k].text or not KEY_VALUE_RE.match(feats[k].text):
            return False
        rows += 1
    return rows >= KEY_VALUE_MIN_ROWS


def _sentence_announcement(f: _Feat) -> bool:
    """A sentence ending in a colon ("The release history tells another story:"), not a
    label ("Latest in Money:", "Support Our Sponsors:")."""
    return (_announcement(f) and f.words >= LIST_INTRO_MIN_WORDS and not f.label_like
            and not f.dup and not R.LABEL_LIKE_RE.match(f.text))


def _announces_list(feats: list[_Feat], hi: int, j: int) -> bool:
    """Line ``j``, a sentence ending in a colon right after the article's text ("Below is the
    list of players invited to the combine:"), announces what follows."""
    return (_sentence_announcement(feats[j])
            and all(not feats[k].text or feats[k].prose or feats[k].sentence
                    for k in range(hi + 1, j)))


def _spaced_list(feats: list[_Feat], j: int, stop: int) -> list[int]:
    """The items of a list announced at line ``j`` and set out as paragraphs: short lines, each
    after one or two blank lines (a list of links or a menu has none between its lines, a page
    section starts after more). At least LIST_MIN_ITEMS of them, else none."""
    items: list[int] = []
    k = j + 1
    while k < stop:
        gap = 0
        while k < stop and not feats[k].text:
            gap, k = gap + 1, k + 1
        if k >= stop or not 1 <= gap <= LIST_MAX_GAP or not _spaced_item(feats[k]):
            break
        items.append(k)
        k += 1
    return items if len(items) >= LIST_MIN_ITEMS else []


def _spaced_item(f: _Feat) -> bool:
    """An item of a list set out as paragraphs: not a boundary, notice, teaser, link row,
    date, byline, line the page shows twice, line a rule names, or new announcement."""
    return not (f.boundary or f.legal or f.teaser or f.link_row or f.dateline or f.dup
                or f.text.endswith(":") or R.BYLINE_RE.match(f.text)
                or R.any_line_rule(f.text))


def _table_row(f: _Feat) -> bool:
    """A row of a table as the browser gives it: cells parted by tabs, with words in them (a
    calendar's rows of day numbers are no text of the article)."""
    return ("\t" in f.text and not (f.boundary or f.legal or f.link_row)
            and any(ch.isalpha() for ch in f.text))


def _table_block(feats: list[_Feat], j: int, stop: int) -> list[int]:
    """The lines of a table starting at line ``j``, a row with cells parted by tabs (a score
    card, a release history, a results table): the lines up to its last row, with no blank line
    between them and fewer than TABLE_MAX_OTHER lines in a row without cells, when they are
    TABLE_MIN_ROWS or more; else none. A row of links or a line a rule names ends it."""
    if not _table_row(feats[j]):
        return []
    block: list[int] = []
    k = j
    other = 0  # lines without cells since the last row
    while k < stop and feats[k].text and other < TABLE_MAX_OTHER and not (
            feats[k].boundary or feats[k].legal or feats[k].link_row
            or R.any_line_rule(feats[k].text)):
        other = 0 if _table_row(feats[k]) else other + 1
        block.append(k)
        k += 1
    block = block[:len(block) - other]  # the table ends at its last row
    return block if len(block) >= TABLE_MIN_ROWS else []


def _item_marker(text: str) -> tuple[str, int] | None:
    """The marker opening a list item: a bullet ("- ", "• ", "* ") and 0, or "#" and the
    item's number ("3. ", "3) "); None for a line that opens with neither."""
    m = ITEM_MARKER_RE.match(text)
    if m is None:
        return None
    mark = m.group(1)
    return ("#", int(mark[:-1])) if mark[:1].isdigit() else (mark, 0)


def _list_item_ok(f: _Feat) -> bool:
    return not (f.boundary or f.legal or f.teaser or f.link_row or f.dateline
                or R.any_line_rule(f.text))


def _marked_list(feats: list[_Feat], j: int, stop: int) -> list[int]:
    """The items of a marked list starting at line ``j``: lines with no blank line between
    them, each opening with the same bullet, or with numbers counting up by one ("1.", "2.",
    "3."), MARKED_MIN_ITEMS of them or more counting the items of the same list right above
    ``j`` (a list the core's end cut in two); else none. A menu is no list of marked items,
    and a numbered list of teasers or links stands under a boundary ("Most Read"), a line a
    rule names, or is no run of lines counting up."""
    first = _item_marker(feats[j].text)
    if first is None or not _list_item_ok(feats[j]):
        return []
    mark, number = first
    above = 0  # items of the same list right above j
    k, want = j - 1, number - 1
    while k >= 0 and feats[k].text and _item_marker(feats[k].text) == (
            mark, want if mark == "#" else 0):
        above, k, want = above + 1, k - 1, want - 1
    if mark == "#" and number - above != 1:
        return []  # a numbered list starts at 1 (else: a part of one, a list of years ...)
    items = [j]
    k, want = j + 1, number + 1
    while k < stop and feats[k].text and _list_item_ok(feats[k]) and _item_marker(
            feats[k].text) == (mark, want if mark == "#" else 0):
        items.append(k)
        k, want = k + 1, want + 1
    return items if above + len(items) >= MARKED_MIN_ITEMS else []


# A marked list under the article's text (see _marked_list), chosen on the train pages
ITEM_MARKER_RE = re.compile(r"^(\d{1,2}[.)]|[-–•*·▪])\s+\S")
MARKED_MIN_ITEMS = 3
MARKED_MAX_LABELS_ABOVE = 2  # label-like lines between the text and the list: its heading
# A table under the article's text (see _table_block), chosen on the train pages
TABLE_MIN_ROWS = 3
TABLE_MAX_OTHER = 3  # lines without cells in a row: the table has ended (a menu follows)
TABLE_MAX_LABELS_ABOVE = 2  # short lines between the text and the table: its caption, labels
# "Name: value", the name in at most four words, the value not a link
KEY_VALUE_RE = re.compile(r"^(?!https?:)[^\W\d][^:\s]*(?:[ \t][^:\s]+){0,3}:\s+\S")
KEY_VALUE_MIN_ROWS = 3
# A list announced by a sentence (see _announces_list, _spaced_list), chosen on the train pages
LIST_INTRO_MIN_WORDS = 5
LIST_MAX_GAP = 2
LIST_MIN_ITEMS = 3


def _teaser_title_like(f: _Feat) -> bool:
    """A headline-shaped line (capitalised, no sentence end, not a list item): in a run of
    them, a teaser list."""
    return (
        not f.prose
        and not f.sentence
        and R.SHORT_MAX_WORDS < f.words <= R.TITLE_MAX_WORDS
        and bool(R.HEADING_RE.match(f.text))
        and not any(ch.isdigit() for ch in f.text[:3])
        and "," not in f.text
    )


# A title-shaped line as a teaser list prints it: a letter first, no field or column
# separator ("Cost: Free", "Small appliances | Large appliances", an infobox's "Currency\tNZD"),
# no numbering ("5.1 Local communities": a table of contents), no e-mail address or telephone
# number (a press release's contacts)
_TEASER_HEADING_RE = re.compile(r"^[^\W\d_][^:\t|•·@+]*$")


def _prose_words(feats: list[_Feat], lo: int, hi: int) -> set[str]:
    """The content words of the paragraphs of prose among ``feats[lo:hi + 1]``."""
    out: set[str] = set()
    for f in feats[lo:hi + 1]:
        if f.prose:
            out |= linemodel.content_words(f.text)
    return out


def _teaser_heading(f: _Feat) -> bool:
    """A line of text shaped like a teaser's headline: no sentence, at most
    R.TEASER_HEADING_MAX_WORDS words, no web address, and not cut at a line's end, as a
    hard-wrapped paragraph is ("... will be available in Canada in"): it ends on no comma,
    dash or little word."""
    if (f.prose or f.sentence or f.words > R.TEASER_HEADING_MAX_WORDS
            or f.text[-1] in ",;-–—" or not _TEASER_HEADING_RE.match(f.text)
            or R.WEB_ADDRESS_RE.search(f.text)):
        return False
    words = R.WORD_RE.findall(f.text)
    return bool(words) and words[-1].lower() not in R.STOPWORDS


def _grow_back(feats: list[_Feat], lo: int, teasers: list[int] | None = None) -> int:
    """Extend the start ``lo`` of the core backward over text lines, to the article header.

    Stops at a boundary, a site notice, a byline or dateline, a repeated line (the title shown
    twice), a run of EXTEND_MAX_LABEL_RUN - 1 label-like lines (the menu above the title), or
    a run of TEASER_HEADINGS_RUN teasers' headlines (``_teaser_heading``: a "Most Viewed" list
    over the article; the nearest of them stays, as it may be the article's own headline; the
    others, and the list's headlines above them, are added to ``teasers``). A line ending in
    a colon is taken only right above the text it introduces ("Here's why:"), when it reads
    as a sentence rather than a label ("Menu:", "Related Topics:").
    """
    new_lo = lo
    run = 0
    adjacent = True  # no line of text between j and new_lo
    headings: list[int] = []  # teasers' headlines taken in a row, the nearest first
    for j in range(lo - 1, -1, -1):
        f = feats[j]
        if not f.text:
            continue
        was_adjacent, adjacent = adjacent, False
        if (
            f.boundary
            or f.legal
            or f.teaser
            or f.dateline
            or R.BYLINE_RE.match(f.text)
            or (f.dup and 3 <= f.words < R.REPEATED_MIN_WORDS and "\t" not in f.text)
        ):
            break
        if f.repeated:
            continue
        if _label_like(f):
            run += 1
            if run >= R.EXTEND_MAX_LABEL_RUN - 1:
                break
            continue
        run = 0
        text_line = f.prose or f.sentence or (f.words >= 3 and not f.text.endswith(":"))
        if text_line or (was_adjacent and f.words >= 4 and _introduces(f)):
            if not _teaser_heading(f):
                headings.clear()
            else:
                headings.append(j)
                if len(headings) == R.TEASER_HEADINGS_RUN:
                    if teasers is not None:
                        teasers.extend(headings[1:])
                        teasers.extend(_teasers_over(feats, j))
                    return headings[0]
            new_lo, adjacent = j, True
    return new_lo


def _teasers_over(feats: list[_Feat], top: int) -> list[int]:
    """The teasers' headlines of a list over line ``top`` (its labels and short lines passed
    over), up to the first line of text that is none."""
    out: list[int] = []
    for j in range(top - 1, -1, -1):
        f = feats[j]
        if not f.text or _label_like(f) or f.words < 3:
            continue
        if not _teaser_heading(f):
            break
        out.append(j)
    return out


def _teasers_under(feats: list[_Feat], lo: int, hi: int, teasers: list[int]) -> int:
    """The core's end ``hi``, moved up above a run of TEASER_HEADINGS_RUN teasers' headlines
    under the article's last paragraph: a list of other stories the core ran into. The run's
    headlines, and the list's under them, are added to ``teasers``. A headline there counts
    only when at most TEASER_SHARED_MAX of its content words are in the article's prose (a
    list of the article's own findings, "Google obviously leads the referrals list", is on
    its subject), and a web address between two lines ends a run (a list of references, each
    name over its address: no teaser's headline)."""
    last = next((j for j in range(hi, lo - 1, -1) if feats[j].prose), None)
    if last is None:
        return hi
    vocab: set[str] | None = None  # the article's words, read for the first candidate only

    def teaser(f: _Feat) -> bool:
        nonlocal vocab
        if not _teaser_heading(f):
            return False
        if vocab is None:
            vocab = _prose_words(feats, lo, last)
        words = linemodel.content_words(f.text)
        return len(words & vocab) <= R.TEASER_SHARED_MAX * len(words)

    headings: list[int] = []
    for j in range(last + 1, hi + 1):
        f = feats[j]
        if not f.text or _label_like(f) or f.words < 3:
            continue
        if not teaser(f):
            headings.clear()
        else:
            headings.append(j)
            if len(headings) == R.TEASER_HEADINGS_RUN:
                teasers.extend(headings)
                teasers.extend(k for k in range(j + 1, hi + 1)
                               if feats[k].text and teaser(feats[k]))
                return headings[0] - 1
    return hi


def _introduces(f: _Feat) -> bool:
    """A sentence ending in a colon that opens what follows ("Your mindset matters. Here's
    why:"): it has a sentence end inside, or starts lower-case words after its first."""
    return f.text.endswith(":") and (
        bool(R.SENTENCE_INSIDE_RE.search(f.text)) or not R.LABEL_LIKE_RE.match(f.text)
    )


_BLANK_KIND: tuple[LineKind, str] = ("blank", "blank")
_BEFORE_KIND: tuple[LineKind, str] = ("boilerplate", "before-article")
_AFTER_KIND: tuple[LineKind, str] = ("boilerplate", "after-article")
_TEASER_LIST_KIND: tuple[LineKind, str] = ("boilerplate", "teaser-headlines")
_END_BOUNDARY_KIND: tuple[LineKind, str] = ("boilerplate", "end-boundary")
# A boundary that is a prompt or notice sentence ("Your email address will not be published",
# a newsletter pitch, a copyright or takedown notice): recognised by its words, not its place,
# so the line model never gives it back (on the train ids, 1 of 567 such lines of three words
# or more was in the truth: "all rights reserved.")
_END_PROMPT_KIND: tuple[LineKind, str] = ("boilerplate", "end-prompt")


def _boundary_kind(f: _Feat) -> tuple[LineKind, str]:
    """A boundary line's kind: a prompt or notice sentence (END_PROMPT_RE), or a section
    opener ("Related", "Comments", "Share this")."""
    return _END_PROMPT_KIND if R.END_PROMPT_RE.match(f.text) else _END_BOUNDARY_KIND


def _kinds(feats: list[_Feat], lo: int, hi: int) -> list[tuple[LineKind, str]]:
    """The kind and rule of every line: blank, or boilerplate above the core (``lo..hi``,
    inclusive; none when ``lo > hi``), the line rules in it (``_core_kind``), boilerplate
    under it (a boundary named as one)."""
    before = min(lo, hi + 1)  # lines [0, before) are above the core, [hi + 1, n) under it
    return [
        *[_BLANK_KIND if not f.text else _BEFORE_KIND for f in feats[:before]],
        *[_BLANK_KIND if not f.text else _core_kind(f) for f in feats[lo:hi + 1]],
        *[_BLANK_KIND if not f.text else _boundary_kind(f) if f.boundary else _AFTER_KIND
          for f in feats[max(hi + 1, 0):]],
    ]


def _core_kind(f: _Feat) -> tuple[LineKind, str]:
    """The kind and rule of a line of text in the article core."""
    if f.boundary:
        if f.sentence and f.words >= 4 and not R.END_PROMPT_RE.match(f.text):
            # a sentence that reads like a section opener, with the article going on
            # after it ("Share this information, please?"): kept, and reported
            return "unsure", "boundary-sentence"
        return _boundary_kind(f)
    hit = _first_line_rule(f)
    if hit is not None:
        return hit
    if f.repeated:
        return "caption", "repeated-line"
    if f.prose or (f.sentence and f.words >= 4):
        return "body", "prose"
    if f.words <= R.SUBHEAD_MAX_WORDS and R.HEADING_RE.match(f.text) and not f.sentence:
        return "subhead", "heading-in-article"
    return "unsure", "short-in-article"


def _first_line_rule(f: _Feat) -> tuple[LineKind, str] | None:
    """The kind and name of the first of LINE_RULES that recognises a line of the article
    (its record), or None (``_find_first_line_rule``), kept by the line's text: the answer
    depends on the text alone, and the appended cut asks first about many of the lines the
    classification asks about again."""
    if f.glue_named:
        return _find_first_line_rule(f)  # (the same text is a teaser on another page)
    hit = _FIRST_RULE.get(f.text, _NOT_ASKED)
    if hit is _NOT_ASKED:
        if len(_FIRST_RULE) >= _FIRST_RULE_MAX:
            _FIRST_RULE.clear()
        hit = _FIRST_RULE[f.text] = _find_first_line_rule(f)
    return hit


_FIRST_RULE: dict[str, tuple[LineKind, str] | None] = {}  # text -> _find_first_line_rule
_FIRST_RULE_MAX = 1 << 16
_NOT_ASKED: tuple[LineKind, str] = ("unsure", "")  # (compared by identity: no rule's answer)


def _find_first_line_rule(f: _Feat) -> tuple[LineKind, str] | None:
    """The kind and name of the first of LINE_RULES that recognises a line of the article
    (its record), or None. Only the rules for a line of its length are asked (a table by
    word count), and the record already answers two of them: the link-row rule is
    ``f.link_row`` (the same test), and a line of four words or more that is no teaser did
    not match the glued-teaser pattern (``_text_facts``). A line longer than any rule's
    pre-test needs is not lower-cased: its few rules are anchored patterns, asked directly."""
    text, words = f.text, f.words
    lower: str | None = None
    if words <= _LINE_RULES_LOWER_WORDS:
        # where no anchored rule matches at the line's start, only the others are asked
        lower = R.fold(text)
        # (an ASCII line is first matched lower-cased, by the pattern's cheaper twin)
        rules = (_LINE_RULES_FOR
                 if ((not text.isascii() or R.ANCHORED_LINE_RULES_LOWER.match(lower) is not None)
                     and R.ANCHORED_LINE_RULES_RE.match(text) is not None)
                 else _UNANCHORED_LINE_RULES_FOR)[words]
    elif words <= _LINE_RULES_LONG_WORDS:
        rules = _LINE_RULES_FOR[-1]
    else:
        rules = tuple(rh for rh in _LINE_RULES_BY_RECORD if words <= rh[0].max_words)
    no_glue = words >= 4 and not f.teaser
    for rule, how in rules:
        if how == _SEARCH:
            hit = rule.search(text, lower)
        elif how == _LINK_ROW:
            hit = f.link_row
        else:
            hit = not no_glue and rule.search(text, lower)
        if hit:
            return _RULE_HIT[rule.name]
    return None


# each rule's answer, one tuple for every line it recognises (kept by _first_line_rule)
_RULE_HIT: dict[str, tuple[LineKind, str]] = {rule.name: (rule.kind, rule.name)
                                              for rule in R.LINE_RULES}
_LINK_ROW, _GLUED, _SEARCH = 0, 1, 2
_LINE_RULES_BY_RECORD = tuple(
    (rule, _LINK_ROW if rule.pattern is R.LINK_ROW_RE and rule.max_words == 16
     else _GLUED if rule.pattern is R.GLUED_TEASER_RE else _SEARCH)
    for rule in R.LINE_RULES
)
# the longest line a rule with a word limit applies to; longer lines meet only the rules
# without one (max_words 10,000)
_LINE_RULES_LOWER_WORDS = max(r.max_words for r in R.LINE_RULES if r.max_words < 10_000)
_LINE_RULES_FOR = tuple(
    tuple(rh for rh in _LINE_RULES_BY_RECORD if words <= rh[0].max_words)
    for words in range(_LINE_RULES_LOWER_WORDS + 2)
)  # by word count; the last entry holds up to _LINE_RULES_LONG_WORDS words
_UNANCHORED_LINE_RULES_FOR = tuple(tuple(rh for rh in rules if not rh[0].anchored)
                                   for rules in _LINE_RULES_FOR)
_LINE_RULES_LONG_WORDS = min(r.max_words for r in R.LINE_RULES
                             if r.max_words > _LINE_RULES_LOWER_WORDS)


@dataclass(frozen=True)
class RulePass:
    """What the declared rules decide for a text capture, before the line model looks again."""

    feats: list[_Feat]
    kinds: list[tuple[LineKind, str]]
    lo: int  # the article core, inclusive (lo > hi: no core)
    hi: int
    cut: int | None  # where an appended article was cut off, if anywhere
    cut_probability: float | None  # ...and the cut model's probability for it
    # the lines as the rules left them (kinds above), to reuse where a later step keeps a kind
    lines: tuple[Line, ...] = ()
    # the headline scorer's probability for the headline it chose (None: none chosen)
    title_probability: float | None = None


def clean_text(capture: Capture, captured_on: dt.date | None = None) -> Cleaned:
    """Clean a plain-text capture (see the module docstring for the stages).

    The cyclic garbage collector is paused while one capture is cleaned (and left as it was
    found: a caller that disabled it keeps it disabled). Cleaning builds no reference cycles,
    but it allocates thousands of short-lived records; a collection run in the middle finds
    them alive, promotes them, and so brings the next full collection (a walk over every
    cached line record) forward: about 7% of the time of a batch of captures. Paused, the
    collections run between captures, when the page's records are gone; nothing is lost (a
    cycle made meanwhile is collected at the next one) and the outputs are the same."""
    if not gc.isenabled():
        return _clean_text(capture, captured_on)
    gc.disable()
    try:
        return _clean_text(capture, captured_on)
    finally:
        gc.enable()


def _clean_text(capture: Capture, captured_on: dt.date | None) -> Cleaned:
    rp = rule_pass(capture)
    feats, kinds = rp.feats, rp.kinds
    # 7. the line model gives back, as "unsure", dropped lines that read as the article's
    probs = _line_probabilities(rp)
    rescued = _rescue(rp, probs)
    for i, why in rescued.items():
        kinds[i] = ("unsure", why)
    # 8. a comment thread that no line opens, at the core's end (after the headline and the
    #    line model: the models are trained on the rule pass without it, see _signed_thread)
    thread = _dropped(kinds, _signed_thread(rp), headline.THREAD_RULE)
    # the thread's labels over it ("COMMENTS ON THIS STORY", "Add Your Comment") now close
    # the article's text
    labels = _dropped(kinds, _trailing_labels(feats, kinds, thread[0] - 1) if thread else [],
                      _LABEL_AFTER[1])
    # 9. the comments' prompts left in the body ("Have your say", "Reader comments (2)"), and
    #    what the first one under the article closes: read last, as the thread is, so that the
    #    rule pass the models are trained on is unchanged
    prompts = _dropped(kinds, _comment_prompts(feats, kinds), COMMENT_PROMPT_RULE)
    under = _dropped(kinds, _under_prompt(feats, kinds), UNDER_PROMPT_RULE)
    # a slideshow under a section opener after the article: its slides' captions
    gallery = _dropped(kinds, _under_gallery(feats, kinds), UNDER_GALLERY_RULE)
    # the writer's note under the article, under a heading that names the byline's writer
    bio = _dropped(kinds, _writer_bio(feats, kinds), WRITER_BIO_RULE)
    # a subheading holding a bar is a row of links (read after the models, as the prompts are)
    barred = _dropped(kinds, _barred_headings(feats, kinds), BARRED_HEADING_RULE)
    # a blog host's notice beside an advertisement ("Remove this ad")
    ads = _dropped(kinds, _ad_notices(feats, kinds), AD_NOTICE_RULE)
    # other stories' blurbs, each cut off by an ellipsis, over or under the article
    teasers = _dropped(kinds, _cut_off_teasers(feats, kinds), CUT_OFF_RULE)
    # the photo's caption over the article's first paragraph
    captions = _dropped(kinds, _opening_captions(feats, kinds), OPENING_CAPTION_RULE)
    # the page's navigation written out ("You are here: Home / ...", "Skip to: Search Box")
    navigation = _dropped(kinds, _navigation_lines(feats, kinds), SITE_NAVIGATION_RULE)
    # the page's script or style sheet pasted as a line ("var _hbEC=0,_hbE=new Array;...")
    scripts = _dropped(kinds, _script_lines(feats, kinds), PAGE_SCRIPT_RULE)
    # the page's buttons and labels under the article's last paragraph ("Share full article")
    interface = _dropped(kinds, _interface_under_article(feats, kinds), INTERFACE_UNDER_RULE)
    changed = {i: kinds[i] for i in [*rescued, *thread, *labels, *prompts, *under, *gallery,
                                     *bio, *barred, *ads, *teasers, *captions, *navigation,
                                     *scripts, *interface]}
    confidence, dropped_prose, doubt = _confidence(rp, probs)
    # taken off the article's ends: a thread, slides, a note, blurbs
    closed = [*under, *gallery, *bio, *teasers]
    if closed:  # reported, as dropped prose is, where the editor looks for missing text
        dropped_prose = tuple(sorted({*dropped_prose, *(i + 1 for i in closed if feats[i].prose)}))
    # 10. body blocks and metadata
    lines = (_relabelled(rp.lines, changed) if len(rp.lines) == len(feats)
             else _lines(feats, kinds))
    blocks = _blocks(lines)
    metadata = meta.extract_text_metadata(lines, captured_on)
    title_probability = rp.title_probability if metadata.title.known else None
    return Cleaned(capture=capture, lines=lines, blocks=blocks, metadata=metadata,
                   confidence=confidence, dropped_prose=dropped_prose,
                   cut_probability=rp.cut_probability, doubt=doubt,
                   title_probability=title_probability)


def _dropped(kinds: list[tuple[LineKind, str]], found: list[int], rule: str) -> list[int]:
    """Mark the lines ``found`` by a step after the models as boilerplate of ``rule``, and
    give them back."""
    for i in found:
        kinds[i] = ("boilerplate", rule)
    return found


#: the rule of a comments' prompt kept in the body, dropped (rules.COMMENT_PROMPT_RE)
COMMENT_PROMPT_RULE = "comment-prompt"


def _comment_prompts(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The kept lines that are the comments' prompt or heading ("Have your say", "Add your
    comment", "Reader comments (2)": ``rules.COMMENT_PROMPT_RE``), wherever they stand: no
    line of an article. Under the last of them, when the kept lines to the end are all short,
    with no sentence among them, they are its form ("Your nickname (optional)", "Message",
    "Image verification"), not the article going on; so are such lines between two prompts
    ("Post a New Comment", "Author:", "Post:" between "Enter your information below to add a
    new comment." and "All HTML will be escaped."; round 29). On the train pages 33 pages
    published a prompt (CLEANING.md, "Round 21")."""
    kept = [i for i, (kind, _) in enumerate(kinds) if kind in BODY_KINDS]
    prompts = [i for i in kept if _comment_prompt(feats[i])]
    if not prompts:
        return prompts
    forms = [[i for i in kept if a < i < b] for a, b in itertools.pairwise(prompts)]
    forms.append([i for i in kept if i > prompts[-1]])
    for form in forms:
        if all(not feats[i].prose and not feats[i].sentence for i in form):
            prompts += form
    return sorted(prompts)


def _comment_prompt(f: _Feat) -> bool:
    """A line by itself that is the comments' prompt or heading (``rules.COMMENT_PROMPT_RE``),
    or the heading that counts them (``rules.COMMENT_COUNT_HEADING_RE``: "100 of 313 comments
    loaded") where the boundary test does not read it: a count the boundary test reads ("11
    Comments") can head the article's own header, over its text (round 34)."""
    return (0 < f.words <= R.COMMENT_PROMPT_MAX_WORDS
            and (R.COMMENT_PROMPT_RE.match(f.text) is not None
                 or (not f.sentence and not f.boundary
                     and R.COMMENT_COUNT_HEADING_RE.match(f.text) is not None)))


#: the rule of the kept lines under a comments' prompt that closes the article (_under_prompt)
UNDER_PROMPT_RULE = "under-comment-prompt"
#: the words of kept prose above a comments' prompt for it to close the article: fewer, and it
#: may stand in the header, over the article (chosen on the train pages: 100 in round 33; the
#: same pages and two more from 30 to 50, while at 20 a page's readers' letters go under its
#: note: CLEANING.md, "Round 34")
PROMPT_END_MIN_PROSE = 50
#: ... in two paragraphs or more, or this many in one: a header's standfirst is one paragraph,
#: and a prompt under it stands over the article (round 34; round 33's figure)
PROMPT_END_ONE_PARAGRAPH = 100


def _under_prompt(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The kept lines under the first comments' prompt (``rules.COMMENT_PROMPT_RE``: one of
    the body's, or one the rule pass left out of it, "Reader comments (2)" between kept lines)
    that stands under the article: under one of the core's paragraphs at least, with enough
    kept prose above it (``_closes_above``). They are the readers' thread ("Comments are now
    closed for this story", then each comment under its writer's name alone, which no
    signature reads as a thread), the comment form's help, the writer's bio, the page's foot.
    Not where the prompt opens a box inside the article and the article resumes under it
    (``_inline_box``: "HAVE YOUR SAY", a reader's quote, "Send us your comments", then the
    article's next paragraph; a prompt that counts its comments, "Reader views (5)", heads a
    thread, no box), nor under kept lines that are all the line model's
    (``unsure``, given back from above the core: a prompt in the page's menu under them may
    stand over the article). On train: 22 pages up, none down, no sentence lost (CLEANING.md,
    "Round 33"); round 34's count headings, headings in words, shorter posts and counted
    prompts: 23 more, one down by 0.001 (a count line its truth keeps)."""
    i = _closer(feats, kinds, lambda j: kinds[j][0] not in BODY_KINDS
                and _comment_prompt(feats[j]))
    if i is None:
        return []
    under = _kept_from(kinds, i + 1)
    counted = _DIGITS_RE.search(feats[i].text) is not None
    return [] if not counted and _inline_box(feats, i, under[-1]) is not None else under


def _closes_above(words: int, paragraphs: int) -> bool:
    """Whether the kept prose above a comments' prompt (``words`` in ``paragraphs``) is enough
    of the article for the prompt to close it: PROMPT_END_MIN_PROSE words in two paragraphs or
    more, or PROMPT_END_ONE_PARAGRAPH in one (a long standfirst under the headline, then "Be
    the first to comment" over the article, is the header's)."""
    return (words >= PROMPT_END_ONE_PARAGRAPH
            or (words >= PROMPT_END_MIN_PROSE and paragraphs >= 2))


#: the rule of a slideshow's loader under a section opener after the article, and of the kept
#: lines under it (_under_gallery)
UNDER_GALLERY_RULE = "under-gallery"
#: how many lines of text above the loader the section's opener stands at most
GALLERY_OPENER_REACH = 2


def _under_gallery(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """A slideshow's loader ("Loading Slideshow": ``rules.GALLERY_LOADER_RE``) right under a
    section opener ("ALSO ON HUFFPOST:", "Related"), under the article's paragraphs, and the
    kept lines under it (``_closer``): the slides' captions, each a headline over a
    paragraph, and the page's foot. The captions run long (hundreds of words a slide), so the
    densest run of prose can carry the core over the opener; no article goes on under a
    slideshow the page opens as another section. On the train pages three such slideshows
    were published: 6,435 words, none in a truth (CLEANING.md, "Round 35")."""
    return _kept_from(kinds, _closer(feats, kinds, lambda i: R.GALLERY_LOADER_RE.match(
        feats[i].text) is not None and _opened_section(feats, i)))


def _opened_section(feats: list[_Feat], i: int) -> bool:
    """A section opener (a boundary line) among the GALLERY_OPENER_REACH lines of text right
    above line ``i``."""
    above = itertools.islice((j for j in range(i - 1, -1, -1) if feats[j].text),
                             GALLERY_OPENER_REACH)
    return any(feats[j].boundary for j in above)


#: the rule of a heading "About <the writer>" under the article and of the kept lines under
#: it (_writer_bio)
WRITER_BIO_RULE = "writer-bio"


def _writer_bio(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """A subheading "About" and a name (``rules.ABOUT_NAME_RE``) that the page's byline or
    date line above it names ("by Nancy Atkinson on November 2, 2012", then under the article
    "About Nancy Atkinson" over "Nancy Atkinson is Universe Today's Senior Editor."), under
    the article, and the kept lines under it (``_closer``): the writer's note and the
    page's foot, no part of the article. A press release's "About Logitech" over the
    company's own paragraph, which the release's text holds, names no writer and stays. On
    the train pages 11 such notes close their articles: 531 words, none in a truth; the
    articles keep every sentence (CLEANING.md, "Round 35")."""
    header = [(j, feats[j].text.lower()) for j, (kind, _) in enumerate(kinds)
              if kind in ("byline", "dateline")]
    if not header:
        return []

    def names_the_writer(i: int) -> bool:
        if kinds[i][0] != "subhead":
            return False
        m = R.ABOUT_NAME_RE.match(feats[i].text)
        if m is None:
            return False
        name = re.compile(rf"\b{re.escape(m.group(1).lower())}\b")
        return any(j < i and name.search(text) for j, text in header)

    return _kept_from(kinds, _closer(feats, kinds, names_the_writer))


def _closer(feats: list[_Feat], kinds: list[tuple[LineKind, str]],
            closes: Callable[[int], bool]) -> int | None:
    """The first line of text, from the first kept line to the last, that ``closes`` accepts
    and that stands under the article: under one of the core's lines, with enough kept prose
    above it (``_closes_above``); None when there is none. What closes the article: a
    comments' prompt (``_under_prompt``), a slideshow's loader, a note about the writer."""
    kept = [i for i, (kind, _) in enumerate(kinds) if kind in BODY_KINDS]
    if not kept:
        return None
    above = paragraphs = 0
    opened = False  # one of the core's lines stands above
    for i in range(kept[0], kept[-1] + 1):
        f = feats[i]
        if opened and f.text and _closes_above(above, paragraphs) and closes(i):
            return i
        if kinds[i][0] in BODY_KINDS:
            if f.prose:
                above += f.words
                paragraphs += 1
            opened = opened or kinds[i][0] == "body"
    return None


def _kept_from(kinds: list[tuple[LineKind, str]], start: int | None) -> list[int]:
    """The kept lines from line ``start`` on ([] when it is None)."""
    if start is None:
        return []
    return [j for j in range(start, len(kinds)) if kinds[j][0] in BODY_KINDS]


#: the rule of a blog host's notice beside an advertisement, dropped (_ad_notices)
AD_NOTICE_RULE = "ad-notice"


def _ad_notices(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The kept lines that are a blog host's notice beside an advertisement ("Remove this
    ad", "Report this ad": ``rules.AD_NOTICE_RE``), wherever they stand: published as the
    article's subheadings until round 35 (on the train pages 10 such lines on 6 pages; the
    Dragnet truth keeps one on four of them)."""
    return [i for i, (kind, _) in enumerate(kinds)
            if kind in BODY_KINDS and R.AD_NOTICE_RE.match(feats[i].text)]


#: the rule of the page's navigation written out, kept in the body, dropped
SITE_NAVIGATION_RULE = "site-navigation"


def _navigation_lines(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The kept lines that are the page's navigation written out (a breadcrumb under "You are
    here:", the skip links for screen readers: ``rules.site_navigation``), wherever they
    stand: the line model gives some back as ``unsure`` over the article ("Welcome to The
    Sydney Morning Herald. Skip directly to: Search Box, Section Navigation, Content."). Read
    after the models, as the comments' prompts are (CLEANING.md, "Round 44")."""
    return [i for i, (kind, _) in enumerate(kinds)
            if kind in BODY_KINDS and R.site_navigation(feats[i].text)]


#: the rule of the page's script or style sheet pasted as a line, kept in the body, dropped
PAGE_SCRIPT_RULE = "page-script"


def _script_lines(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The kept lines that are the page's script or style sheet, minified on one long line
    (``rules.script_source``), wherever they stand: the line model gives such a line back as
    ``unsure`` when prose stands near it, and a reader's page then shows it whole (on the
    train captures, a 1,804-character script over a rugby report and a 4,137-character one
    under a review; five such lines on five pages, none in a truth). Read after the models
    (CLEANING.md, "Round 45"). The HTML track's extractors leave a page's scripts out: there
    such a line is an article's example joined into one line, and counts as the article's
    (``html_edges.SCRIPT_RULE``)."""
    return [i for i, (kind, _) in enumerate(kinds)
            if kind in BODY_KINDS and R.script_source(feats[i].text)]


#: the rule of the page's interface under the article's last paragraph, kept as a subheading,
#: dropped
INTERFACE_UNDER_RULE = "interface-under-article"


def _interface_under_article(feats: list[_Feat], kinds: list[tuple[LineKind, str]]
                             ) -> list[int]:
    """The subheadings under the article's last paragraph of prose that are the page's
    interface (``headline.is_interface``: "Share full article", "Save & Share this Article",
    "Click to share this via:", "Topics to follow", "Posted in:", "Go to top of page"), of
    SHORT_MAX_WORDS words or fewer and no sentence, over no kept line longer than a label:
    they head none of the article's text, and were published as its last subheadings. On the
    train captures 44 such lines on 35 pages, three in a truth ("See all of today's events »",
    "[Read More]", "Next page: Security>>"); longer ones stay, as a truth keeps some ("To find
    more information about the apparitions, please CLICK HERE"). Read after the models, as
    the comments' prompts are (CLEANING.md, "Round 46")."""
    last = max((i for i, (kind, _) in enumerate(kinds) if kind in BODY_KINDS and feats[i].prose),
               default=len(kinds))
    # (a subheading over a kept line longer than a label heads it: "On the Net:" over the
    # report's source and its web address)
    end = max((i for i in range(last + 1, len(kinds)) if kinds[i][0] in BODY_KINDS
               and kinds[i][0] != "subhead" and feats[i].words > R.SHORT_MAX_WORDS), default=last)
    return [i for i in range(end + 1, len(kinds))
            if kinds[i][0] == "subhead" and feats[i].words <= R.SHORT_MAX_WORDS
            and not feats[i].sentence and headline.is_interface(feats[i].text)
            and not _MEDIA_CREDIT_RE.match(feats[i].text)]


# A photo's or a video's credit, in a share bar's words ("Images via youtube/twitter"): the
# caption's, which a truth keeps, not the page's interface
_MEDIA_CREDIT_RE = re.compile(r"(?i:images?|photos?|pictures?|videos?|graphics?)\b")


#: the rule of the photo's caption over the article's first paragraph, dropped
OPENING_CAPTION_RULE = "opening-caption"


def _opening_captions(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The kept lines of prose at the top of the article that each describe a photo
    (``rules.photo_caption``: "Former prime minister Brian Mulroney, left, and Karlheinz
    Schreiber are seen in this combined image."), when a kept line of prose that does not
    follows them: the lead photo's caption, which the rule pass reads as prose or the line
    model gives back. Read after the models, so that the rule pass they are trained on is
    unchanged; on the train pages 6 captions in no truth, no sentence lost (CLEANING.md, "Round
    44"). A page whose every paragraph reads so (a gallery) keeps them."""
    return R.opening_captions((i, feats[i].text) for i, (kind, _) in enumerate(kinds)
                              if kind in BODY_KINDS and feats[i].prose)


#: the rule of the blurbs cut off by an ellipsis over or under the article, dropped
#: (_cut_off_teasers)
CUT_OFF_RULE = "cut-off-teasers"
#: how many cut-off lines on one side of the article's paragraphs make a list of teasers: one
#: alone may be the article trailing off ("... what he would look like…")
CUT_OFF_MIN_LINES = 2


def _cut_off(f: _Feat) -> bool:
    """A line cut off by an ellipsis right after a word (``rules.CUT_OFF_RE``), outside the
    scripts written without spaces (a Chinese blog's "......" ends its sentences)."""
    # (the pattern's match ends in an ellipsis and whitespace at the end of the line: it is
    # asked only of a line that ends so, as its search from every position of a long line
    # costs more than the rest of the test)
    text = f.text
    return (text.rstrip().endswith(_ELLIPSES) and R.CUT_OFF_RE.search(text) is not None
            and R.CJK_RE.search(text) is None)


_ELLIPSES = ("...", "\u2026")  # how CUT_OFF_RE's match ends, before its trailing whitespace


def _cut_off_teasers(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The lines cut off by an ellipsis after a word over the article's first paragraph or
    under its last (its first and last kept lines of prose that are not cut off), when
    CUT_OFF_MIN_LINES or more stand on one side: the blurbs of a list of other stories, each
    cut to fit ("The little blue men in white hats...", "Fears about obesity are
    feeding..."), a horoscope's twelve signs cut to a line each; with them the kept lines
    among them that hold neither prose nor a sentence (the teasers' headlines), and the
    list's label: over the article the kept line right over the first cut-off line ("Latest
    Comments"), under it those from its last paragraph down. A sentence there ("No charges
    have been laid.", the article's last line, short of prose) stays, and so does anything
    further up or under the last cut-off line below the article. On the train pages 12 pages
    up under the article and 15 over it, none down, no sentence lost (CLEANING.md, "Round 36")."""
    kept = [i for i, (kind, _) in enumerate(kinds) if kind in BODY_KINDS]
    cut = [i for i in kept if _cut_off(feats[i])]
    if len(cut) < CUT_OFF_MIN_LINES:
        return []
    is_cut = set(cut)
    paragraphs = [i for i in kept if feats[i].prose and i not in is_cut]
    if not paragraphs:
        return []

    def teasers(top: int, bottom: int) -> list[int]:
        return [i for i in kept if top <= i <= bottom
                and (i in is_cut or not (feats[i].prose or feats[i].sentence))]

    found: list[int] = []
    first = next((i for i in paragraphs if kinds[i][0] == "body"), paragraphs[0])
    above = [i for i in cut if i < first]
    if len(above) >= CUT_OFF_MIN_LINES:
        # (and the list's label right over its first line: "Latest Comments")
        label = max((i for i in kept if i < above[0]), default=above[0])
        found += teasers(label, above[-1])
    below = [i for i in cut if i > paragraphs[-1]]
    if len(below) >= CUT_OFF_MIN_LINES:
        found += teasers(paragraphs[-1] + 1, below[-1])
    return found


#: the rule of a subheading holding a bar, dropped (_barred_headings)
BARRED_HEADING_RULE = "barred-heading"


def _barred_headings(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The published subheadings that hold a bar ("|"): a row of links or labels the rule
    pass read as a heading ("Subscribe | E-mail this article", "Tweet 52 comments | Add
    comment | 0 recs |", "By Jennifer Agiesta | January 14, 2008; 4:38 PM ET"), or a teaser's
    headline with its extra ("NHL Winter Classic cancelled | Ticket options"), not a heading
    of the article. On the train pages 562 words of such lines are in no truth against 19 in
    one: three link rows the truth keeps ("More information | Download gadget"), of which two
    cost a truth sentence the row runs into (CLEANING.md, "Round 34")."""
    return [i for i, (kind, _) in enumerate(kinds) if kind == "subhead" and "|" in feats[i].text]


def _lines(
    feats: list[_Feat], kinds: list[tuple[LineKind, str]], reuse: tuple[Line, ...] = ()
) -> tuple[Line, ...]:
    """One Line per line; a line of ``reuse`` (the same capture's lines) with the same kind and
    rule is taken as it is (building a frozen dataclass costs more than comparing two)."""
    if len(reuse) != len(feats):
        # (_line written out: a call per line costs a fifth of building the lines)
        new, set_dict = _new_object, _set_dict
        out: list[Line] = []
        append = out.append
        for number, (f, (k, r)) in enumerate(zip(feats, kinds, strict=True), 1):
            line = new(Line)
            set_dict(line, "__dict__", {"number": number, "text": f.text, "kind": k, "rule": r})
            append(line)
        return tuple(out)
    return tuple([
        old if old.kind == k and old.rule == r and old.text == f.text
        else _line(i + 1, f.text, k, r)
        for i, (f, (k, r), old) in enumerate(zip(feats, kinds, reuse, strict=True))
    ])


def _relabelled(lines: tuple[Line, ...], changed: dict[int, tuple[LineKind, str]]
                ) -> tuple[Line, ...]:
    """``lines`` (the rule pass's, whose kinds changed after it only at the indexes of
    ``changed``) with those lines given their new kind and rule: ``_lines(feats, kinds,
    lines)`` without comparing every line."""
    if not changed:
        return lines
    out = list(lines)
    for i, (kind, rule) in changed.items():
        old = out[i]
        if old.kind != kind or old.rule != rule:
            out[i] = _line(old.number, old.text, kind, rule)
    return tuple(out)


_new_object = object.__new__
_set_dict = object.__setattr__


def _line(number: int, text: str, kind: LineKind, rule: str) -> Line:
    """``Line(number, text, kind, rule)``, built four times as fast: a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``; the same fields are written
    straight into the new instance's ``__dict__`` (equal, hashed and printed as ``Line``)."""
    line = _new_object(Line)
    _set_dict(line, "__dict__", {"number": number, "text": text, "kind": kind, "rule": rule})
    return line


def rule_pass(capture: Capture) -> RulePass:
    """Steps 1-6: features, core, growth and cuts, line classification (rules), headline."""
    # 1. lines and features
    raw = split_lines(capture.text)
    feats = _features(raw)
    list_items: set[int] = set()
    marked_items: set[int] = set()  # a numbered or bulleted list under the core (_grow)
    after: dict[int, str] = {}
    boxes: list[int] = []  # the lines of boxes inside the article (_inline_box)
    cut: int | None = None
    cut_probability: float | None = None
    thread: range = range(0)  # a comment thread the core ran into (_comment_cut)
    teasers: list[int] = []  # lists of teasers' headlines over or under the article
    # 2. the article core
    span = _choose_core(feats)
    if span is not None:
        span = _teaser_unit_core(feats, span) or span
    other = _other_post(feats, span) if span is not None else None
    if span is not None and other is not None and _menu_between(feats, span[1], other[0]):
        span, other = other, None  # the core was a notice over the page's menu: the post is it
    if span is None:
        lo, hi = len(raw), len(raw) - 1  # no article found: everything is boilerplate
    else:
        lo, hi = span
        # 3. grow over the text around the core (list items, short closing sentences)
        hi = grown = _grow_over_products(feats, lo, _grow(feats, hi, len(feats), list_items))
        bridged = _bridge_boxes(feats, hi, boxes)
        if bridged != hi:  # over a box: the growth goes on under the article's text there
            hi = grown = _grow(feats, bridged, len(feats), list_items)
        lo = _grow_back(feats, _bridge_boxes_back(feats, lo, hi, boxes), teasers)
        # 4. cut an unrelated article appended inside the core, a teaser list after a boundary,
        #    or what follows a copyright notice or the post's tag line
        found = _appended_cut(feats, lo, hi)
        if found is not None:
            cut, cut_probability = found
            hi = cut - 1
        uncut, hi = hi, _teaser_cut(feats, lo, hi, boxes)
        thread_end, hi = hi, _comment_cut(feats, lo, hi)
        if hi != thread_end:
            thread = range(hi + 1, thread_end + 1)
        elif thread_end < uncut:
            # the teaser cut ended the core above a comment thread: its lines are the
            # readers' comments all the same (their rule, not dropped prose of the article)
            opened = _comment_cut(feats, lo, uncut)
            if opened >= thread_end:
                thread = range(opened + 1, uncut + 1)
        hi = _teasers_under(feats, lo, _tags_cut(feats, lo, _notice_cut(feats, lo, hi)), teasers)
        # a numbered or bulleted list right under the core's end (and the text after it): the
        # growth goes on over it, where no cut ended the core (the cuts judge the core as the
        # plain growth leaves it, as the cut model was trained)
        if cut is None and hi == grown:
            hi = _grow(feats, hi, len(feats), list_items, marked_items)
        # a closing credit or a last paragraph after an inline box, kept as "unsure"
        if cut is None:
            after = _after_core(feats, hi)
        # a headline (and standfirst) opening the core belong to the header
        lo = _skip_opening_header(feats, lo, hi)
        # a box inside the core that no cut read: its links are not the article's headings
        boxes.extend(_boxes_inside(feats, lo, hi, boxes))
    # 5. classify: line rules in the core, boilerplate around it, header lines above it
    # (list items, then the kept text after the core, override the line rules)
    kinds = _kinds(feats, lo, hi)
    for i, why in after.items():
        kinds[i] = ("unsure", why)
    for i in list_items:  # (the growth's items under a cut that ended the core are not its)
        if lo <= i <= hi:
            kinds[i] = ("body", "list-item")
    for i in boxes:
        if i <= hi:
            kinds[i] = ("boilerplate", "inline-box")
    for i in marked_items:  # the marked list items left in the core after the cuts
        if lo <= i <= hi:
            kinds[i] = ("body", "list-item")
    if cut is not None:
        for i in range(cut, len(feats)):
            if feats[i].text and (i > hi):
                kinds[i] = ("boilerplate", "appended-article")
    for i in teasers:  # nor the headlines of a list of teasers over or under the article
        kinds[i] = _TEASER_LIST_KIND
    for i in thread:  # the readers' comments: the line model does not give them back
        if kinds[i] == _AFTER_KIND:
            kinds[i] = ("boilerplate", headline.THREAD_RULE)
    for i in _shouted_outside(feats, kinds):  # nor a blurb or pitch in capitals alone
        kinds[i] = _SHOUTED_KIND
    if other is not None:  # a post below a core with no header: kept, reported
        for i in range(other[0], other[1] + 1):
            if kinds[i][1] == "after-article" and feats[i].text:
                kinds[i] = ("unsure", "other-post")
    header = meta.classify_header(raw, feats_text=[f.text for f in feats], start=lo)
    for i, (kind, rule) in header.items():
        if kinds[i][0] in ("boilerplate",):
            kinds[i] = (kind, rule)
    for i, kind_rule in _opening_header(raw, feats, kinds, lo).items():
        kinds[i] = kind_rule
    # a heading right over a sign-up pitch is the box's title ("Get the morning briefing")
    for i in _box_headings(feats, kinds):
        kinds[i] = ("boilerplate", "box-heading")
    # labels trailing after the last line of text of the core, and a section a label opens
    # under the core's last paragraph, are page furniture
    for i in _trailing_labels(feats, kinds, len(kinds) - 1):
        kinds[i] = _LABEL_AFTER
    for i in _section_after_article(feats, kinds):
        kinds[i] = _SECTION_AFTER
    # 6. the headline and dek, chosen on evidence above the body the rules found (headline.py);
    #    the line model reads where the headline stands
    plain = _lines(feats, kinds)
    choice = headline.choose(plain)
    lines = meta.mark_headline(plain, choice)
    for i, (old, line) in enumerate(zip(plain, lines, strict=True)):
        if line is not old:  # (an unchanged line has its kind and rule from kinds[i])
            kinds[i] = (line.kind, line.rule)
    inner = _inner_header(raw, feats, kinds, choice.title, lo)
    over = _over_headline(kinds, choice.title, lo)
    if inner or over:
        for i, kind_rule in inner.items():
            kinds[i] = kind_rule
        for i in over:
            kinds[i] = ("unsure", OVER_HEADLINE_RULE)
        lines = _lines(feats, kinds, lines)
    title_probability = None if choice.title is None else round(choice.score, 4)
    return RulePass(feats, kinds, lo, hi, cut, cut_probability, lines, title_probability)


_LABEL_AFTER: tuple[LineKind, str] = ("boilerplate", "label-after-article")
_SECTION_AFTER: tuple[LineKind, str] = ("boilerplate", "section-after-article")


#: the rule of a line of the core above the headline found inside it, kept and reported
OVER_HEADLINE_RULE = "over-headline"


def _over_headline(kinds: list[tuple[LineKind, str]], title: int | None, lo: int) -> list[int]:
    """The published lines of the core above its headline, where the headline stands inside
    the core (the headline search found it under the core's first line, ``headline.choose``):
    a gallery's captions, other stories' blurbs, a notice.
    On the train pages as much of such text is in a truth as not (313 words against 461 on
    ten pages), so it stays published, as ``unsure``: ``digest report`` names each line."""
    if title is None or title <= lo:
        return []
    return [i for i in range(lo, title) if kinds[i][0] in ("body", "subhead")]


def _opening_header(raw: list[str], feats: list[_Feat], kinds: list[tuple[LineKind, str]],
                    lo: int) -> dict[int, tuple[LineKind, str]]:
    """The byline and date lines between the core's first paragraph and its second (a
    standfirst or a caption the rules read as the first paragraph, then "Jane Doe - May 5,
    2012 4:02 pm UTC" over the article's text): read as the header's, as they would above the
    core (``metadata.classify_header``), not published as subheadings."""
    body = [i for i in range(lo, len(kinds)) if kinds[i][0] == "body"][:2]
    if len(body) < 2:
        return {}
    # (not the short lines under the byline the header reads as its outlet: inside the
    # article, a section's name or a link's label, "DOWNLOAD: Oberhofer - Landline(MP3)")
    return _header_between(raw, feats, kinds, body[0], body[1], outlet=False)


def _inner_header(raw: list[str], feats: list[_Feat], kinds: list[tuple[LineKind, str]],
                  title: int | None, lo: int) -> dict[int, tuple[LineKind, str]]:
    """The byline and date lines of a header inside the core (a headline at the core's first
    line or under it, ``headline.choose``): the lines between the headline and the paragraph
    under it that read as the header's, as they would above the core
    (``metadata.classify_header``). Empty when the headline stands above the core or there is
    none."""
    if title is None or title < lo:
        return {}
    para = next((i for i in range(title + 1, len(kinds)) if kinds[i][0] == "body"), None)
    if para is None:
        return {}
    return _header_between(raw, feats, kinds, title, para)


def _header_between(raw: list[str], feats: list[_Feat], kinds: list[tuple[LineKind, str]],
                    top: int, para: int, outlet: bool = True) -> dict[int, tuple[LineKind, str]]:
    """The published lines (subheadings, unsure) between ``top`` and the paragraph ``para``
    that read as an article's header over that paragraph (``metadata.classify_header``), with
    their header kinds; its outlet lines only when ``outlet``."""
    header = meta.classify_header(raw, feats_text=[f.text for f in feats], start=para)
    return {i: kind_rule for i, kind_rule in header.items()
            if top < i and kinds[i][0] in ("subhead", "unsure")
            and (outlet or kind_rule[1] != "outlet")}


def _trailing_labels(feats: list[_Feat], kinds: list[tuple[LineKind, str]], end: int
                     ) -> list[int]:
    """The published label-like lines (short, every word capitalised: "COMMENTS ON THIS
    STORY", "Add Your Comment") from ``end`` up, with no body line between them and ``end``:
    furniture closing the article's text, not a subheading of it."""
    labels = []
    for i in range(end, -1, -1):
        kind = kinds[i][0]
        if kind == "body":
            break
        if kind in ("subhead", "unsure"):
            if feats[i].words > R.SHORT_MAX_WORDS or not R.LABEL_LIKE_RE.match(feats[i].text):
                break
            labels.append(i)
    return labels


def _section_after_article(feats: list[_Feat], kinds: list[tuple[LineKind, str]]
                           ) -> list[int]:
    """The lines of the core under its last body line, where the first of them is a label
    ("Top Stories", "Other Headlines", "FEATURED GALLERIES") and none is a paragraph: a
    section of the page the core ran into (its headlines, a weather box, a row of links), not
    a subheading with no text under it. The rule reads only the lines the core's rules
    published as headings or short lines (``_core_kind``). These stay the article's: a
    numbered label ("16. Acknowledgements", its own section), a field ("Cost: Free", its
    facts), a label that introduces what follows ("UPDATE:", "CONTACT:"), a table's row of
    cells, a rule of dashes, and a block naming a telephone number or an address for mail
    (its closing contact)."""
    last = next((i for i in range(len(kinds) - 1, -1, -1) if kinds[i][0] == "body"), None)
    if last is None:
        return []
    tail = [i for i in range(last + 1, len(kinds)) if kinds[i][0] in ("subhead", "unsure")]
    if not tail or any(kinds[i][1] not in _SECTION_RULES for i in tail):
        return []
    opener = feats[tail[0]].text
    if (feats[tail[0]].words > R.SHORT_MAX_WORDS or not R.LABEL_LIKE_RE.match(opener)
            or R.LIST_NUMBER_RE.match(opener) or _FIELD_RE.match(opener)
            or opener.endswith(":") or "\t" in opener or not any(ch.isalpha() for ch in opener)):
        return []
    if any(R.CONTACT_RE.search(feats[i].text) for i in tail):
        return []
    return tail


# the rules of the lines a section under the article is read from (``_section_after_article``)
_SECTION_RULES = frozenset({"heading-in-article", "short-in-article"})
# a field of the article's facts ("Cost: Free", "Age limit: 21+"), no section's label
_FIELD_RE = re.compile(r"^[^:]+:\s*\S")


def _box_headings(feats: list[_Feat], kinds: list[tuple[LineKind, str]]) -> list[int]:
    """The subheadings whose next line of text is a sign-up pitch (rule ``signup-pitch``): a
    newsletter box's own title, not the article's."""
    out = []
    for j, (_kind, rule) in enumerate(kinds):
        if rule != "signup-pitch":
            continue
        i = next((i for i in range(j - 1, -1, -1) if feats[i].text), None)
        if i is not None and kinds[i][0] == "subhead":
            out.append(i)
    return out


def _line_probabilities(rp: RulePass) -> dict[int, tuple[float, list[float]]]:
    """The line model's probability (and feature vector) for each line it scores."""
    model = linemodel.load_model()
    if model is None:
        return {}
    fence = _header_fence(rp)
    which = [i for i in linemodel.candidates(rp.kinds, rp.feats) if i > fence]
    if not which:
        return {}
    xs = linemodel.features(rp.feats, rp.kinds, rp.lo, rp.hi, rp.cut, which)
    return {i: (model.probability(x), x) for i, x in zip(which, xs, strict=True)}


def _header_fence(rp: RulePass) -> int:
    """Above the article's header, the line from which up nothing is the article's, or -1.

    The header is the headline, above the article's core, with a byline or a date among the
    TITLE_HEADER_REACH lines of text under it, and no post's byline or date above it (there,
    the text may be a short post and the headline a glued article's: train
    appended/cf1b4303364b). The fence is the nearest line above the headline that parts a
    block from it: a boundary, a byline or a stamp (a teaser's "2 hours ago"), or a run of
    FENCE_MENU_RUN short labels (a menu), with no sentence between it and the headline. Text
    right above the headline may be a short article whose own header the page does not print,
    glued over another's: then there is no fence, unless it is the last of a list of teasers
    (``_teaser_fence``), whose stamps are no post's header.
    The model gives back no line above the fence (a teaser's blurb, a service notice over
    the menu). Of the lines the model gave back above a headline with its byline or date on
    the train pages, none was in the truth (232 lines); above one without, 368 of 651 were.

    Where no headline was found, a post's byline or date right over the core (past a share
    bar) heads it, and only a menu over it fences (``_menu_fence``): a boundary there may be a
    comment thread's ("7 Comments" over a core that is the thread).
    """
    top = next((i for i, (kind, _rule) in enumerate(rp.kinds) if kind == "title"), -1)
    if top > rp.lo:  # (a headline under the article's start is no page header)
        return -1
    titled = top >= 0
    if titled:
        under = [i for i in range(top + 1, len(rp.kinds))
                 if rp.feats[i].text][:TITLE_HEADER_REACH]
        if not any(rp.kinds[i][0] in ("byline", "dateline") for i in under):
            return -1
    else:
        top = min((i for i in _lines_above(rp.feats, rp.lo)
                   if rp.kinds[i][0] in ("byline", "dateline")
                   and _article_header(rp.feats[i])), default=-1)
        if top < 0:
            return -1
    teasers = _teaser_fence(rp.feats, top, titled)
    if teasers >= 0:
        return teasers  # (their stamps are no post's header)
    if any(_post_header(rp.feats[i]) for i in range(top)):
        return -1
    if not titled:
        return _menu_fence(rp.feats, top)
    labels = 0
    for i in range(top - 1, -1, -1):
        f = rp.feats[i]
        if not f.text:
            continue
        if f.boundary or rp.kinds[i][0] in ("byline", "dateline"):
            return i
        if f.prose or f.sentence:
            return -1  # text right above the headline, with nothing between
        labels = labels + 1 if f.words <= FENCE_LABEL_WORDS else 0
        if labels >= FENCE_MENU_RUN:
            return i
    return -1


def _menu_fence(feats: list[_Feat], top: int) -> int:
    """The top line of the nearest menu (FENCE_MENU_RUN short labels in a row) above ``top``
    with no sentence and no comments opener between, or -1. The line right above ``top`` may
    be the headline the search did not take ("No Red Tape? Non-Union FEMA Crews ...", or one
    written as a sentence: "book news, plus a podcast interview.")."""
    labels = 0
    above = [i for i in range(top - 1, -1, -1) if feats[i].text]
    if above and (meta.is_title_candidate(feats[above[0]].text)
                  or feats[above[0]].words <= FENCE_HEADLINE_WORDS):
        above = above[1:]
    for i in above:
        f = feats[i]
        if f.prose or f.sentence or (f.boundary and R.COMMENTS_OPENER_RE.search(f.text)):
            return -1
        labels = labels + 1 if f.words <= FENCE_LABEL_WORDS else 0
        if labels >= FENCE_MENU_RUN:
            return i
    return -1


TITLE_HEADER_REACH = 3
FENCE_TEASERS = 2  # teasers of one shape in a row over a headline: a list of them
FENCE_HEADLINE_WORDS = 12  # a line over the byline this short may be its headline, any shape
FENCE_MENU_RUN = 3  # short labels in a row: a menu
FENCE_LABEL_WORDS = 3


def _teaser_fence(feats: list[_Feat], top: int, titled: bool) -> int:
    """The fence over the article's header at ``top`` (its headline when ``titled``, else its
    byline or date, under the headline the search did not take) that a list of teasers right
    above it makes (its line nearest the header), or -1: FENCE_TEASERS or more teasers of one
    shape, each a headline over its blurb, with a stamp ("2 hours ago") under each blurb or
    over each headline, or none; without stamps, the blurb is prose and the headline is not.
    A single one may be a short post whose page glued it over this article (its text is kept:
    train appended/cf1b4303364b)."""
    above = [i for i in range(top - 1, -1, -1) if feats[i].text]
    if not titled:
        above = above[1:]  # the headline's place
    stamp = [feats[i].dateline for i in above]  # (read upwards)
    if stamp[:1] == [True]:  # a stamp under each blurb: stamp, blurb, headline, ...
        found = _units(stamp, (True, False, False))
    elif stamp[2:3] == [True]:  # a stamp over each headline: blurb, headline, stamp, ...
        found = _units(stamp, (False, False, True))
    else:
        found = 0
        while (2 * found + 1 < len(above) and feats[above[2 * found]].prose
               and not feats[above[2 * found + 1]].prose
               and not stamp[2 * found] and not stamp[2 * found + 1]):
            found += 1
    return above[0] if found >= FENCE_TEASERS else -1


def _units(stamp: list[bool], shape: tuple[bool, ...]) -> int:
    """How many times ``shape`` (stamp or not, line by line) repeats at the start of
    ``stamp``."""
    n = len(shape)
    found = 0
    while tuple(stamp[found * n:(found + 1) * n]) == shape:
        found += 1
    return found


def _rescue(rp: RulePass, probs: dict[int, tuple[float, list[float]]]) -> dict[int, str]:
    """Dropped lines the model reads as the article's (index -> rule naming p and why)."""
    model = linemodel.load_model()
    if model is None:
        return {}
    return {
        i: f"model p={p:.2f} ({', '.join(model.strongest(x))})"
        for i, (p, x) in probs.items()
        if p >= model.threshold(x)
    }


def _confidence(
    rp: RulePass, probs: dict[int, tuple[float, list[float]]]
) -> tuple[float, tuple[int, ...], str]:
    """How sure the cleaner is that nothing of the article was dropped, the line numbers of
    the dropped lines that read like prose (where to look if text is missing), and why it is
    not sure (the lowest cap's reason, in the editor's words; "" when sure).

    Each signal caps the confidence; the lowest cap wins:

    - a run of dropped prose longer than the kept article (the densest block was chosen, and
      the article may be the shorter one): CONF_LONGER_BLOCK;
    - a dropped prose line the model thought could be the article's (probability between
      CONF_DOUBT_P and its threshold): one minus that probability, scaled;
    - a post below the core kept as ``unsure`` (``_other_post``): CONF_OTHER_POST;
    - an appended cut that drops a headed article while the kept text has no header
      (``_headed_cut``): CONF_HEADED_CUT;
    - paragraphs dropped right under the kept text's end, past a short box
      (``_prose_under_end``): CONF_PROSE_UNDER;
    - the kept article far below the headline (CONF_FAR_LINES lines of text between): the
      text between may be the article;
    - the share of prose words dropped: a page that keeps little of its prose is suspect,
      and one that drops CONF_MOSTLY_DROPPED_SHARE or more of it is flagged;
    - one paragraph of prose kept, with CONF_LONE_DROPPED_SHARE of its words or more dropped
      as prose elsewhere: CONF_LONE_PARAGRAPH;
    - prose kept, but no kept line that ends a sentence: CONF_NO_SENTENCE.

    Comment signatures in the kept text were a cap too; on the train pages they flagged 44
    pages that kept their article for 2 that did not (a comment thread under a headed article
    is now left out by the core choice, ``_choose_core``), so they are no longer one. The
    caps below were chosen on the train pages (the seed captures staying at 0.7 or more):
    with the same cores, pages keeping under half their sentences flagged (confidence < 0.5)
    16 -> 29 of 54, pages keeping 90% or more 52 -> 33 of 848.
    """
    feats, kinds = rp.feats, rp.kinds
    kept_words = kept_paragraphs = 0
    dropped_words = 0
    dropped: list[int] = []
    run = best_run = 0
    candidate_rules = linemodel.CANDIDATE_RULES
    # (the same pass finds the headline, the first kept line and a kept other post)
    title: int | None = None
    first_kept: int | None = None
    other_post = False
    kept_sentence = False
    for i, (f, (kind, rule)) in enumerate(zip(feats, kinds, strict=True)):
        if kind == "title" and title is None:
            title = i
        elif kind in BODY_KINDS and first_kept is None:
            first_kept = i
        if rule == "other-post":
            other_post = True
        if not f.text:
            continue
        if kind in BODY_KINDS:
            kept_words += f.words if f.prose else 0
            kept_paragraphs += f.prose
            # (a line in capitals is a motto or a label; a script without case is not one)
            kept_sentence = kept_sentence or (f.sentence and not f.text.isupper())
            run = 0
        elif kind == "boilerplate" and rule in candidate_rules and f.prose:
            dropped.append(i + 1)
            dropped_words += f.words
            run += f.words
            best_run = max(best_run, run)
        elif f.boundary or (kind == "boilerplate" and not f.prose and f.words > R.SHORT_MAX_WORDS):
            run = 0
    caps: list[tuple[float, str]] = [(1.0, "")]
    if kept_words == 0:
        caps.append((0.0, f"no prose kept, {dropped_words} words of prose dropped")
                    if dropped_words else (0.5, "no prose on the page"))
    elif best_run > kept_words:
        caps.append((CONF_LONGER_BLOCK, f"a block of {best_run} words of prose was dropped, "
                     f"longer than the {kept_words} kept: the article may be that block"))
    model = linemodel.load_model()
    doubt = [(p, i) for i, (p, x) in probs.items()
             if model and CONF_DOUBT_P <= p < model.threshold(x) and feats[i].prose]
    if doubt:
        p, i = max(doubt)
        caps.append((1.0 - p * CONF_DOUBT_SCALE, f"line {i + 1}, dropped, was nearly kept"))
    if title is not None and first_kept is not None:
        between = sum(1 for j in range(title + 1, first_kept) if feats[j].text)
        if between >= CONF_FAR_LINES:
            caps.append((CONF_FAR, f"{between} lines between the headline and the kept text"))
    if other_post:
        # two posts kept, the page may be about either
        caps.append((CONF_OTHER_POST, "a second post under the article is kept as unsure"))
    if _headed_cut(rp):
        # the article may be the part cut off
        caps.append((CONF_HEADED_CUT, "the text cut off under the kept text has a header "
                     "(a byline or a date) and the kept text none"))
    if kept_words and _prose_under_end(rp, kept_words):
        # the article may go on under a box that ended it
        caps.append((CONF_PROSE_UNDER, "paragraphs were dropped right under the kept text"))
    total = kept_words + dropped_words
    if total:
        share = dropped_words / total
        dropped_share = f"{share:.0%} of the page's prose words were dropped"
        caps.append((1.0 - CONF_DROPPED_SCALE * share, dropped_share))
        if share >= CONF_MOSTLY_DROPPED_SHARE:
            caps.append((CONF_MOSTLY_DROPPED, dropped_share))
    if kept_paragraphs == 1 and dropped_words >= CONF_LONE_DROPPED_SHARE * kept_words:
        # the article may be the prose dropped
        caps.append((CONF_LONE_PARAGRAPH, f"one paragraph kept, and {dropped_words} words "
                     "of prose dropped elsewhere"))
    if kept_words and not kept_sentence:
        # an article is written in sentences: what was kept is a menu or a blog's motto
        caps.append((CONF_NO_SENTENCE, "no line of the kept text ends a sentence: the article "
                     "may be elsewhere on the page"))
    # the lowest cap, and among equal ones the first signal listed
    value, reason = min(caps, key=lambda cap: cap[0])
    value = round(max(0.0, value), 2)
    return value, tuple(dropped), reason if value < 1.0 else ""


# Confidence caps (see _confidence). A longer dropped prose block is the classic way to lose a
# short article whole: low enough to warn. The other signals warn less.
CONF_LONGER_BLOCK = 0.3
CONF_OTHER_POST = 0.5  # a post below the core kept as unsure (_other_post): warn
CONF_HEADED_CUT = 0.5  # an appended cut that drops a headed article and keeps no header: warn
CONF_PROSE_UNDER = 0.5  # paragraphs dropped right under the kept text's end (_prose_under_end)
# ... past at most this many short lines (a box: a share bar, "Subscribe", a pitch's links) ...
CONF_UNDER_BOX_LINES = 4
# ... this many paragraphs (CONF_UNDER_PARAGRAPH_WORDS words, a sentence's end) or more within
# CONF_UNDER_WINDOW lines of text, no comment's signature among them, and together this share
# of the kept text's prose words or more. Chosen on the train pages with bench_boxes.py's boxes
# set inside their articles: of the 282 pages that lose a tenth of their sentences to one of
# its five boxes, 162 are warned about (108 before); of the English train pages as captured,
# 19 more are (10 of them keep under 90% of their sentences).
CONF_UNDER_PARAGRAPHS = 2
CONF_UNDER_PARAGRAPH_WORDS = 15
CONF_UNDER_WINDOW = 12
CONF_UNDER_SHARE = 0.3


def _prose_under_end(rp: RulePass, kept_words: int) -> bool:
    """Paragraphs dropped right under the kept text's end, past a box of a few short lines,
    with no comment's signature among them and a third as many words as the text kept: the
    boundary that ended the article may open a box inside it (a newsletter pitch, a share bar,
    "Subscribe") with the article's second half under it, list-shaped or under a subheading
    where ``_inline_box`` does not see it go on (a comment thread signs its comments, a
    teaser list's blurbs are shorter than the article). Not past the post's tag line: that
    closes the post, whatever prose follows (``_tags_cut``)."""
    feats, kinds = rp.feats, rp.kinds
    last = next((i for i in range(len(kinds) - 1, -1, -1) if kinds[i][0] in BODY_KINDS), None)
    if last is None:
        return False
    texts = [j for j in range(last + 1, len(feats)) if feats[j].text]
    box = 0
    while (box < len(texts) and box < CONF_UNDER_BOX_LINES
           and feats[texts[box]].words < CONF_UNDER_PARAGRAPH_WORDS):
        if _tag_line(feats[texts[box]]):
            return False  # the post's tag line closed it (_tags_cut): no box inside it
        box += 1
    paragraphs = words = 0
    for j in texts[box:box + CONF_UNDER_WINDOW]:
        f = feats[j]
        if f.words <= CORE_SIGNATURE_MAX_WORDS and (
                linemodel.comment_meta(f.text) or COMMENT_SIGNATURE_RE.search(f.text)):
            return False
        if (f.words >= CONF_UNDER_PARAGRAPH_WORDS and f.sentence
                and kinds[j][0] == "boilerplate"):
            paragraphs += 1
            words += f.words
    return paragraphs >= CONF_UNDER_PARAGRAPHS and words >= CONF_UNDER_SHARE * kept_words


def _headed_cut(rp: RulePass) -> bool:
    """An appended article was cut off under its own header (a byline or a date within three
    lines of text under its headline) while the text kept stands under none: the kept text may
    be a block printed above the page's header (a sidebar's blurb) and the part cut off the
    article itself. The cut stays (glued articles come so too); the editor is warned."""
    if rp.cut is None or rp.lo > rp.hi or _headed(rp.feats, rp.lo):
        return False
    under = [j for j in range(rp.cut + 1, len(rp.feats)) if rp.feats[j].text][:3]
    return any(_header_line(rp.feats[j]) for j in under)
CONF_DOUBT_P = 0.25  # a dropped prose line this likely to be the article's is a doubt
CONF_DOUBT_SCALE = 0.6  # a doubt alone warns only when the model was close to keeping the line
CONF_FAR_LINES = 25  # lines of text between the headline and the first kept line
CONF_FAR = 0.5
CONF_DROPPED_SCALE = 0.5  # all prose dropped but the article: confidence at most 0.5
CONF_MOSTLY_DROPPED_SHARE = 0.6  # this share of the prose words dropped or more...
CONF_MOSTLY_DROPPED = 0.45  # ...caps the confidence here
# A lone paragraph kept, with prose dropped elsewhere holding this share of its words or more:
# an article of one paragraph is rare, and a lone paragraph that wins the core is as often a
# site's blurb over a short post ("We are sisters who LOVE to travel...", train 1adb849b1933,
# whose post under it is lost), a caption or a teaser. On the train pages (CLEANING.md, "Round 21")
# it newly warns about 7 pages: 2 keep under half their sentences, 1 more under 90%.
CONF_LONE_DROPPED_SHARE = 0.75
CONF_LONE_PARAGRAPH = 0.5
# Kept prose with no sentence in it (no kept line ends like one, a line in capitals not
# counted): a nav bar's long line and a blog's motto in capitals won the core over a short
# post (train 96b2ebfeb12f, its article lost whole at 0.88). On train 5 pages keep no sentence,
# 4 of them losing some of their article's sentences; 4 of the 5 were warned already.
CONF_NO_SENTENCE = 0.5


def _blocks(lines: tuple[Line, ...]) -> tuple[Block, ...]:
    """The body blocks: ``Block(kind, text, line)`` of each kept line, built as ``_line``
    builds a Line (twice as fast), in one loop."""
    new, set_dict = _new_object, _set_dict
    out: list[Block] = []
    for line in lines:
        kind = line.kind
        if kind in BODY_KINDS:
            block = new(Block)
            set_dict(block, "__dict__", {"kind": "subhead" if kind == "subhead" else "paragraph",
                                         "text": line.text, "line": line.number})
            out.append(block)
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Output for the CLI (`digest clean PATH`, `digest clean --json PATH`)
# --------------------------------------------------------------------------------------------


def render_plain(cleaned: Cleaned) -> str:
    """The published body as plain text: one paragraph or subheading per block, blank lines
    between them, a final newline. No headline, dek, byline or captions."""
    if not cleaned.blocks:
        return ""
    return "\n\n".join(b.text for b in cleaned.blocks) + "\n"


def _fact(f: Any) -> dict[str, Any]:
    value = f.value
    if isinstance(value, dt.date):
        value = value.isoformat()
    elif isinstance(value, tuple):
        value = list(value)
    return {"value": value, "source": f.source}


def to_json(cleaned: Cleaned) -> dict[str, Any]:
    """A JSON-serialisable, deterministic view: metadata with provenance, every line."""
    m = cleaned.metadata
    counts = Counter(line.kind for line in cleaned.lines)
    return {
        "capture": cleaned.capture.name,
        "format": cleaned.capture.format,
        "encoding": cleaned.capture.encoding,
        "repairs": list(cleaned.capture.repairs),
        "metadata": {
            "title": _fact(m.title),
            "dek": _fact(m.dek),
            "authors": _fact(m.authors),
            "outlet": _fact(m.outlet),
            "published": _fact(m.published),
            "url": _fact(m.url),
            "captions": list(m.captions),
            "subheads": list(m.subheads),
        },
        "counts": dict(sorted(counts.items())),
        "confidence": cleaned.confidence,
        "doubt": cleaned.doubt,
        "dropped_prose": list(cleaned.dropped_prose),
        # why the lines under the body were cut off as another article, when they were
        "cut_probability": (None if cleaned.cut_probability is None
                            else round(cleaned.cut_probability, 4)),
        "title_probability": cleaned.title_probability,
        "blocks": [{"kind": b.kind, "line": b.line, "text": b.text} for b in cleaned.blocks],
        "lines": [
            {"number": ln.number, "kind": ln.kind, "rule": ln.rule, "text": ln.text}
            for ln in cleaned.lines
        ],
    }


# --------------------------------------------------------------------------------------------
# Golden line records (tests/golden/lines/<capture>.tsv)
# --------------------------------------------------------------------------------------------

GOLDEN_HEADER = "number\tkind\trule\ttext"


def _tsv_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t")


def golden_tsv(cleaned: Cleaned) -> str:
    """The golden line record of a cleaned capture: one row per line, tab-separated."""
    rows = [GOLDEN_HEADER]
    rows += [f"{ln.number}\t{ln.kind}\t{ln.rule}\t{_tsv_escape(ln.text)}" for ln in cleaned.lines]
    return "\n".join(rows) + "\n"


def write_golden(captures: list[Path], out_dir: Path) -> list[Path]:
    """Regenerate ``out_dir/<capture stem>.tsv`` for each capture; returns the files written.

    The keep/drop phrase lists beside them (``<capture stem>.phrases.yaml``) are written by
    hand and never regenerated: they say what a legitimate refresh must still get right.
    """
    from digest.capture import read_capture

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(captures):
        target = out_dir / f"{path.stem}.tsv"
        target.write_text(golden_tsv(clean(read_capture(path))), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m digest.cleaning [--json] PATH|-``: print the cleaned body (or JSON).

    ``python -m digest.cleaning --golden OUT_DIR CAPTURE...`` regenerates golden line records.
    """
    from digest.capture import read_capture, read_stdin
    from digest.errors import DigestError

    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--golden"]:
        if len(args) < 3:
            print("usage: python -m digest.cleaning --golden OUT_DIR CAPTURE...", file=sys.stderr)
            return 2
        for written in write_golden([Path(a) for a in args[2:]], Path(args[1])):
            print(written)
        return 0
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    target = args[0] if args else "-"
    try:
        capture = read_stdin() if target == "-" else read_capture(Path(target))
        cleaned = clean(capture)
    except DigestError as exc:
        print(exc, file=sys.stderr)
        return 1
    out = (
        json.dumps(to_json(cleaned), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if as_json
        else render_plain(cleaned)
    )
    sys.stdout.buffer.write(out.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
