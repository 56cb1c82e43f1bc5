"""Safe text repair of the published lines: close the gap a stripped link left before punctuation.

A capture made by select-all loses its links' markup but keeps the space the page put around
them, so "reported by <a>Defense One</a>." arrives as "Defense One ." and "Global Times ,"
(and "September 5 ." even wraps onto a line of its own on the page). This step removes that
space, and nothing else: it only ever deletes ASCII spaces or tabs, so no word, letter or
punctuation mark changes, and every deletion is recorded in the capture's ``repairs``
(``digest clean --json`` lists them: line, column, the character it stood before).

What stays untouched, on purpose (the space there is meaningful, or the line may not be prose):

- an ellipsis (" ..." or " …"), a lone "." opening a line (a list marker), a decimal (" .5"),
  ".NET", "1 : 2", an emoticon (" :)"): the mark must close a word (followed by a space, the
  end of the line, a closing quote or bracket or another closing mark) and follow a word;
- a separator used as one (three or more " . " or " : " on the line: breadcrumbs);
- "( 1 )": a closing bracket is joined only when its opening one hugs its text;
- no-break and thin spaces (U+00A0, U+202F, U+2009): French typography puts them before
  ! ? ; : on purpose. A plain space before ! ? ; : is also French style, so those four are
  joined only on a line that reads as English (more English than French function words, at
  least one), never on a line with guillemets: "Bonjour !" stays as it is;
- code-like lines (braces, "=", backticks, "->", "</"): "for (i = 0 ; i < n ; i++)".
"""

from __future__ import annotations

import dataclasses
import re

from .model import BODY_KINDS, Block, Cleaned, Line

#: the punctuation a gap may be closed before
CLOSERS = ",.;:?!)"
#: the marks French sets apart with a space
_HIGH = frozenset("?!;:")

_GAP = re.compile(r"(?<=[\w”’\"')%])([ \t]+)([,.;:?!)])")
_FOLLOW_OK = re.compile(r"(?:\s|$|[”’\"'\]),.;:?!])")
_EMOTICON_SAFE = re.compile(r"(?:\s|$)(?!\s*[-^']?[()DPpOo3/|\\\[\]](?!\w))")
_CODE_LIKE = re.compile(r"[{}=`]|->|</|/>|&&|\|\||\(\)")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset({"the", "and", "of", "to", "is", "was", "in", "that", "for", "with", "on",
                      "by", "it", "he", "she", "they", "are", "were", "has", "have", "said",
                      "this", "from", "at", "as", "be", "not", "or", "an", "a"})
_FRENCH = frozenset({"le", "la", "les", "des", "est", "une", "et", "du", "que", "qui", "pour",
                     "dans", "pas", "sur", "au", "aux", "ce", "il", "elle", "nous", "vous",
                     "je", "un", "de", "en", "mais", "avec", "sont", "ont", "bonjour"})


@dataclasses.dataclass(frozen=True)
class Fix:
    """One gap closed: ``column`` (1-based) of the first removed space in the original text."""

    column: int
    mark: str
    removed: int  # how many spaces or tabs


def _reads_english(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(w in _ENGLISH for w in words)
    french = sum(w in _FRENCH for w in words)
    return english > 0 and english > french


def find_gaps(text: str) -> list[Fix]:
    """The gaps of ``text`` that are safe to close, left to right."""
    if _CODE_LIKE.search(text):
        return []
    english: bool | None = None  # computed only when a ! ? ; : needs it
    fixes: list[Fix] = []
    for m in _GAP.finditer(text):
        mark, after = m.group(2), m.end()
        if not _FOLLOW_OK.match(text, after):
            continue  # ".NET", " .5", ":)" ... the mark opens something
        if mark in ":;" and not _EMOTICON_SAFE.match(text, after):
            continue  # " :)", " ;-)", " : )": a face, not a gap
        if mark == "." and (text.startswith(".", after) or text.startswith(" .", after)):
            continue  # an ellipsis written as dots: " ...", " . . ."
        if mark in ".:" and text.count(f" {mark} ") >= 3:
            continue  # a separator: "Home . World . Asia"
        if mark == ":" and text[m.start() - 1].isdigit() and re.match(r"\s*\d", text[after:]):
            continue  # "2 : 1", "10 : 30"
        if mark == ")" and not _hugged_opening(text, m.start()):
            continue
        if mark in _HIGH:
            if english is None:
                english = "«" not in text and "»" not in text and _reads_english(text)
            if not english:
                continue
        fixes.append(Fix(m.start() + 1, mark, len(m.group(1))))
    return fixes


def _hugged_opening(text: str, end: int) -> bool:
    """Whether the "(" this ")" closes is followed directly by its text: "(see here )"."""
    depth = 0
    for i in range(end - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                return i + 1 < len(text) and not text[i + 1].isspace()
            depth -= 1
    return False


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """``text`` with the spaces of ``fixes`` removed (and nothing else)."""
    out, pos = [], 0
    for fix in fixes:
        start = fix.column - 1
        out.append(text[pos:start])
        pos = start + fix.removed
    out.append(text[pos:])
    return "".join(out)


def repair_text(text: str) -> str:
    """``text`` with every safe gap before punctuation closed."""
    return apply_fixes(text, find_gaps(text))


def describe(number: int, fixes: list[Fix]) -> str:
    """The record of one line's repair, columns of the original line: 'line 12: removed the
    space before "," at column 41, "." at column 90'."""
    where = ", ".join(f'"{f.mark}" at column {f.column + f.removed}' for f in fixes)
    return f"line {number}: removed the space before {where}"


def repair_cleaned(cleaned: Cleaned) -> Cleaned:
    """Close the gaps in the published lines (body, subhead, unsure) and in the blocks built
    from them, and add one record per repaired line to ``cleaned.capture.repairs``.

    Idempotent: a repaired line has no gap left, so running it again (after the editor's
    keep/drop rebuilt the blocks) repairs and records only what is new.
    """
    lines: list[Line] = []
    records: list[str] = []
    for line in cleaned.lines:
        fixes = find_gaps(line.text) if line.kind in BODY_KINDS else []
        if fixes:
            text = apply_fixes(line.text, fixes)
            records.append(describe(line.number, fixes))
            line = dataclasses.replace(line, text=text)
        lines.append(line)
    blocks = tuple(_repair_block(b) for b in cleaned.blocks)
    if not records and blocks == cleaned.blocks:
        return cleaned
    capture = dataclasses.replace(cleaned.capture,
                                  repairs=cleaned.capture.repairs + tuple(records))
    return dataclasses.replace(cleaned, capture=capture, lines=tuple(lines), blocks=blocks)


def _repair_block(block: Block) -> Block:
    """A block repaired on its own text (the same result as its line's: HTML captures number
    every block 0, so blocks are not matched to lines)."""
    text = repair_text(block.text)
    return block if text == block.text else dataclasses.replace(block, text=text)
