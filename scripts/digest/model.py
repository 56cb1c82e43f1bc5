"""The records that flow between pipeline stages.

Every stage takes one of these and returns a new one (``dataclasses.replace``); nothing is
mutated in place. Sequences are tuples so that output order is deterministic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

# What a line of a capture is. Nothing is ever deleted: a line that is not part of the
# article keeps its text and says which rule decided so.
LineKind = Literal[
    "blank",  # empty or whitespace only
    "body",  # a paragraph of the article
    "subhead",  # a subheading inside the article
    "title",  # the headline (or a repeat of it)
    "dek",  # the standfirst under the headline
    "byline",  # "By Jane Doe", author names
    "dateline",  # a publication date or time line
    "caption",  # photo caption or credit
    "boilerplate",  # navigation, teasers, comment forms, footers, appended unrelated text
    "unsure",  # kept in the body, and reported
]

#: kinds whose text is published as the article body (paragraphs and subheadings)
BODY_KINDS: frozenset[str] = frozenset({"body", "subhead", "unsure"})

CaptureFormat = Literal["text", "html"]

#: how precise an event's date is (see Event)
EventPrecision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Line:
    """One line of a decoded capture with the verdict of the cleaner."""

    number: int  # 1-based line number in the decoded capture
    text: str
    kind: LineKind
    rule: str  # name of the rule that decided the kind (see rules.py)


@dataclass(frozen=True)
class Capture:
    """A raw capture, decoded. The file on disk is never written to."""

    path: Path
    name: str  # file name, the key used in curation.yaml
    format: CaptureFormat
    text: str  # decoded, newlines normalised to \\n
    encoding: str  # the encoding it was decoded from
    # what decoding had to fix (mojibake, control chars, ...) and, per line, the gaps before
    # punctuation closed in the published text (repair.py)
    repairs: tuple[str, ...] = ()


T = TypeVar("T")


@dataclass(frozen=True)
class Fact(Generic[T]):
    """A metadata value and where it came from.

    ``value`` is None when the fact is unknown: nothing is ever invented.
    ``source`` is human readable: "capture line 4", "html meta og:title", "curation.yaml",
    or "unknown".
    """

    value: T | None
    source: str = "unknown"

    @property
    def known(self) -> bool:
        return self.value is not None and self.value != ()

    @property
    def capture_line(self) -> int | None:
        """The number of the capture's line the fact was read from ("capture line 4"), or
        None when it came from elsewhere."""
        head, _, number = self.source.rpartition(" ")
        return int(number) if head == "capture line" and number.isdigit() else None


UNKNOWN: Fact[Any] = Fact(None, "unknown")


@dataclass(frozen=True)
class Metadata:
    """What the capture (or the editor) says about the article."""

    title: Fact[str] = UNKNOWN
    dek: Fact[str] = UNKNOWN
    authors: Fact[tuple[str, ...]] = UNKNOWN
    outlet: Fact[str] = UNKNOWN
    published: Fact[dt.date] = UNKNOWN
    url: Fact[str] = UNKNOWN
    captions: tuple[str, ...] = ()
    subheads: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """A unit of the published body."""

    kind: Literal["paragraph", "subhead"]
    text: str
    line: int  # first capture line it came from (0 for HTML extraction)


@dataclass(frozen=True)
class Cleaned:
    """A capture after cleaning: every line classified, metadata extracted."""

    capture: Capture
    lines: tuple[Line, ...]
    blocks: tuple[Block, ...]
    metadata: Metadata
    # How sure the cleaner is that the published body is the whole article and nothing else
    # (1.0 = sure); a low value is a warning to the editor, never a reason to drop text.
    confidence: float = 1.0
    # line numbers of dropped lines that read like prose: where to look if text is missing
    dropped_prose: tuple[int, ...] = ()
    # the cut model's probability for the line where an article glued under this one was cut
    # off (text captures), None when nothing was cut
    cut_probability: float | None = None
    # the headline scorer's probability for the headline read from a text capture (a low one
    # is a warning to the editor: doubts.WEAK_HEADLINE), None when none was read or the
    # headline comes from an HTML page's markup
    title_probability: float | None = None
    # why the confidence is under 1.0, in the editor's words (the signal that set it); "" when
    # the cleaner is sure
    doubt: str = ""


@dataclass(frozen=True)
class Event:
    """A dated event mentioned in an article's text, for the timeline."""

    start: dt.date
    end: dt.date | None
    sentence: str  # the sentence it came from, verbatim
    block: int  # index of the body block holding the sentence
    # how much of ``start`` the text gives: "day" (end is set for a range of days), "month"
    # (start is the 1st of the month, end None) or "year" (start is 1 January, end None)
    precision: EventPrecision = "day"
    # the year (or, for a bare weekday, the day) was inferred from the publication date, not
    # read in the text: the page says so, and the editor can fix it (curation ``events:``)
    inferred: bool = False
    # the dated clause shown for a long sentence ("" for a short one: the sentence is shown)
    clause: str = ""
    # 0-based place of the sentence in its block (the editor's key ``b{block}.{index + 1}``)
    index: int = 0
    # the date was set by the editor in curation.yaml (the page says so)
    edited: bool = False
    # (start, end) of the date's words in what is shown (the clause, else the sentence), for
    # the page to mark them; None when the editor dated a sentence the extractor did not
    mark: tuple[int, int] | None = None


@dataclass(frozen=True)
class Article:
    """An article ready to be written as Markdown for Pelican."""

    source: str  # capture file name
    slug: str
    metadata: Metadata
    blocks: tuple[Block, ...]
    topics: tuple[str, ...] = ()  # topic slugs, in taxonomy order
    lead_topics: tuple[str, ...] = ()  # the strongest few of them, strongest first
    entities: tuple[tuple[str, int], ...] = ()  # (entity slug, mentions), most mentioned first
    # entity slug -> its first sentences in the body, "block start end m1 n1 ..." (topics.py)
    entity_quotes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    events: tuple[Event, ...] = ()
    note: str | None = None  # editor's note from curation.yaml
    also_from: tuple[str, ...] = ()  # other captures of the same article (near duplicates)
