"""The editor's ``curation.yaml``: facts a capture lacks, extra topics, forced keep/drop of lines.

Format::

    captures:
      003_db78d442dcd96b00.txt:        # a file name in content/captures/
        title: "Putin seeks closer military ties with Xi in year-end video call"
        dek: "..."                     # standfirst
        date: 2022-12-30               # publication date, YYYY-MM-DD
        outlet: "Newsweek"
        authors: ["James Bickerton"]
        url: "https://..."
        topics: [summits-diplomacy]    # added to the topics the tagger finds
        note: "Editor's note shown on the article page."
        keep: [12, "exact text of a line"]   # lines the cleaner dropped that belong to the article
        drop: [40]                           # lines the cleaner kept that do not
        events:                              # the timeline: by paragraph anchor (#b7)
          b7: 2023-03                        # a date YYYY-MM-DD, YYYY-MM or YYYY
          b12.2: drop                        # b12.2: the 2nd sentence of paragraph b12

The raw capture is never edited: every correction lives here, and the record says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import DigestError, Problem
from .events import EventFix, parse_fixes
from .model import BODY_KINDS, Block, Cleaned, Fact, Line, LineKind, Metadata
from .yamlfile import KeyLines, describe_path, load_yaml, read_yaml_text

SOURCE = "curation.yaml"

#: Dates outside this range are typing mistakes (a news digest covers modern reporting).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

#: Longest free-text value accepted; longer is almost certainly a paste accident.
MAX_TEXT = 2000

ALLOWED_KEYS = (
    "title", "dek", "date", "outlet", "authors", "url", "topics", "note", "keep", "drop",
    "events",
)


@dataclass(frozen=True)
class CaptureCuration:
    """What the editor says about one capture."""

    title: str | None = None
    dek: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    authors: tuple[str, ...] | None = None
    url: str | None = None
    topics: tuple[str, ...] = ()
    note: str | None = None
    keep: tuple[int | str, ...] = ()
    drop: tuple[int | str, ...] = ()
    events: tuple[EventFix, ...] = ()  # the editor's timeline fixes (events.py)
    # where the entry is written, for messages: the file, and the line of each keep/drop
    # item ("keep[0]" -> 14) and of the keys themselves ("keep" -> 13)
    file: str = SOURCE
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int | None:
        return dict(self.lines).get(key)


@dataclass(frozen=True)
class Curation:
    captures: Mapping[str, CaptureCuration]

    def get(self, name: str) -> CaptureCuration:
        return self.captures.get(name, CaptureCuration())


EMPTY = Curation({})


def load_curation(
    path: Path, capture_names: Iterable[str], topic_slugs: Iterable[str] | None
) -> Curation:
    """Load and validate ``curation.yaml``; a missing file means no curation.

    ``topic_slugs`` None skips the check of topic names (the taxonomy itself is broken).
    """
    if not path.exists():
        return EMPTY
    text = read_yaml_text(path)
    duplicates: list[Problem] = []
    data = load_yaml(path, text, duplicates)
    slugs = None if topic_slugs is None else set(topic_slugs)
    return parse_curation(data, path, KeyLines(text), set(capture_names), slugs, duplicates)


def parse_curation(
    data: Any,
    path: Path,
    lines: Mapping[tuple[object, ...], int],
    capture_names: set[str],
    topic_slugs: set[str] | None,
    duplicates: Iterable[Problem] = (),
) -> Curation:
    problems: list[Problem] = list(duplicates)

    def problem(key_path: tuple[object, ...], what: str, fix: str) -> None:
        line = lines.get(key_path)
        described = describe_path(key_path)
        where = (f"{line} ({described})" if described else str(line)) if line else described
        problems.append(Problem(str(path), where, what, fix))

    if data is None:
        if problems:
            raise DigestError(problems)
        return EMPTY
    if not isinstance(data, dict) or set(data) - {"captures"}:
        extra = sorted(map(str, set(data) - {"captures"})) if isinstance(data, dict) else []
        found = extra or type(data).__name__
        problem((), f"expected a mapping with only the key 'captures', found {found}",
                "put every capture's entry under 'captures:'")
        raise DigestError(problems)
    entries = data.get("captures") or {}
    if not isinstance(entries, dict):
        problem(("captures",), "'captures' must be a mapping of capture file names",
                "write 'captures:' then one indented 'file-name.txt:' per capture")
        raise DigestError(problems)

    result: dict[str, CaptureCuration] = {}
    for name, entry in sorted(entries.items(), key=lambda kv: str(kv[0])):
        base = ("captures", name)
        if str(name) not in capture_names:
            problem(base, f"no capture named {name!r} in content/captures/",
                    "correct the file name, or remove this entry")
            continue
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            problem(base, "expected a mapping of facts (title, date, ...)",
                    "indent the facts under the capture's name")
            continue
        fields: dict[str, Any] = {}
        for key, value in entry.items():
            kp = (*base, key)
            if key not in ALLOWED_KEYS:
                problem(kp, f"unknown key {key!r}", f"use one of: {', '.join(ALLOWED_KEYS)}")
                continue
            if key == "events":
                fields[key] = _event_fixes(value, kp, path, lines, problem)
                continue
            try:
                fields[key] = _coerce(key, value, topic_slugs)
            except ValueError as exc:
                what, fix = exc.args
                problem(kp, what, fix)
        where: list[tuple[str, int]] = []
        for key in ("keep", "drop"):
            for index in (None, *range(len(fields.get(key, ())))):
                label = key if index is None else f"{key}[{index}]"
                line = lines.get((*base, key) if index is None else (*base, key, index))
                if line:
                    where.append((label, line))
        result[str(name)] = CaptureCuration(**fields, file=str(path), lines=tuple(where))
    if problems:
        raise DigestError(problems)
    return Curation(result)


def _event_fixes(
    value: Any, kp: tuple[object, ...], path: Path, lines: Mapping[tuple[object, ...], int],
    problem: Callable[[tuple[object, ...], str, str], None],
) -> tuple[EventFix, ...]:
    """``events:``: each fix remembers its own line, for an anchor found missing later."""
    fixes, problems = parse_fixes(value)
    for key, what, fix in problems:
        problem(kp if key is None else (*kp, key), what, fix)
    placed = []
    for event_fix in fixes:
        key_path = (*kp, event_fix.anchor)
        line = lines.get(key_path) or lines.get(kp)
        where = f"{line} ({describe_path(key_path)})" if line else describe_path(key_path)
        placed.append(dataclasses.replace(event_fix, origin=(str(path), where)))
    return tuple(placed)


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be a non-empty text", f"write {key}: \"...\"")
    if "\x00" in value or len(value) > MAX_TEXT:
        raise ValueError(f"{key} is longer than {MAX_TEXT} characters or holds control characters",
                         "shorten it")
    return " ".join(value.split())


def _coerce(key: str, value: Any, topic_slugs: set[str] | None) -> Any:
    if key in ("title", "dek", "outlet"):
        return _text(value, key)
    if key == "note":
        if not isinstance(value, str) or not value.strip():
            raise ValueError("note must be a non-empty text", 'write note: "..."')
        return value.strip()
    if key == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"{value!r} is not a date",
                                 "write the date as YYYY-MM-DD, e.g. 2024-05-16") from None
        if not isinstance(value, dt.date):
            raise ValueError(f"{value!r} is not a date", "write the date as YYYY-MM-DD")
        if not EARLIEST_DATE <= value <= LATEST_DATE:
            raise ValueError(f"date {value.isoformat()} is out of range "
                             f"({EARLIEST_DATE.year}-{LATEST_DATE.year})", "check the year")
        return value
    if key == "url":
        url = _text(value, key)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{url!r} is not an http(s) address",
                             "write the full address, starting with https://")
        return url
    if key == "authors":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise ValueError("authors must be a list of names", 'write authors: ["Jane Doe"]')
        return tuple(_text(v, "an author") for v in items)
    if key == "topics":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("topics must be a list of topic slugs", "write topics: [taiwan]")
        unknown = sorted(set(value) - topic_slugs) if topic_slugs is not None else []
        if unknown:
            raise ValueError(f"unknown topic {', '.join(unknown)}",
                             "use a slug from content/taxonomy.yaml, or add the topic there")
        return tuple(value)
    if key in ("keep", "drop"):
        if not isinstance(value, list) or not all(
            (isinstance(v, int) and not isinstance(v, bool) and v > 0)
            or (isinstance(v, str) and v.strip())
            for v in value
        ):
            raise ValueError(f"{key} must be a list of line numbers or exact line texts",
                             f"write {key}: [12, \"exact text of the line\"]")
        return tuple(value)
    raise AssertionError(key)  # pragma: no cover - ALLOWED_KEYS and this function agree


def blocks_from_lines(lines: Iterable[Line]) -> tuple[Block, ...]:
    """The published body: body and unsure lines as paragraphs, subheads as subheadings."""
    return tuple(
        Block("subhead" if line.kind == "subhead" else "paragraph", line.text.strip(), line.number)
        for line in lines
        if line.kind in BODY_KINDS and line.text.strip()
    )


def apply_curation(cleaned: Cleaned, entry: CaptureCuration, path: str) -> Cleaned:
    """Apply the editor's overrides; a keep/drop that matches no line is an error."""
    problems: list[Problem] = []
    lines = list(cleaned.lines)
    for verdict, targets in (("keep", entry.keep), ("drop", entry.drop)):
        for index, target in enumerate(targets):
            hits = [
                i for i, line in enumerate(lines)
                if (line.number == target if isinstance(target, int)
                    else line.text.strip() == target.strip())
            ]
            if not hits:
                key = f"captures.{path}.{verdict}[{index}]"
                line = entry.line_of(f"{verdict}[{index}]") or entry.line_of(verdict)
                problems.append(Problem(
                    entry.file, f"{line} ({key})" if line else key,
                    f"{target!r} matches no line of the capture "
                    f"({len(cleaned.lines)} lines)",
                    "use a line number or the exact text of a line, as 'digest clean "
                    "--lines CAPTURE' shows them"))
            for i in hits:
                kind: LineKind = "body" if verdict == "keep" else "boilerplate"
                lines[i] = dataclasses.replace(lines[i], kind=kind, rule=f"curation-{verdict}")
    if problems:
        raise DigestError(problems)

    meta = cleaned.metadata

    def fact(value: Any, current: Fact[Any]) -> Fact[Any]:
        return Fact(value, SOURCE) if value is not None else current

    metadata = Metadata(
        title=fact(entry.title, meta.title),
        dek=fact(entry.dek, meta.dek),
        authors=fact(entry.authors, meta.authors),
        outlet=fact(entry.outlet, meta.outlet),
        published=fact(entry.date, meta.published),
        url=fact(entry.url, meta.url),
        captions=meta.captions,
        subheads=meta.subheads,
    )
    changed = bool(entry.keep or entry.drop)
    return dataclasses.replace(
        cleaned,
        lines=tuple(lines),
        blocks=blocks_from_lines(lines) if changed else cleaned.blocks,
        metadata=metadata,
    )
