"""The timeline page: articles by publication date and the dated events their text mentions.

Events come from each article's ``events`` header (written by the pipeline's events stage):
``{start, end, sentence, block, precision?, index?, clause?, inferred?, edited?}``. An entry
shows the dated clause of a long sentence (the whole sentence one click away, in a
``<details>``), says when its date was inferred from the article's date or set by the editor,
and links to the sentence's paragraph on the article page (``#b{block}``, the ids given by the
markdown-it reader). The same sentence is listed once. Everything is sorted oldest first with
explicit tie-breaks, so the page is byte-for-byte reproducible.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from pelican import signals
from pelican.generators import Generator

from digest.errors import DigestError, Problem

SETTINGS_FILE = "pelican.conf.py"

#: Every setting this plugin reads, with its default; merged once, at start-up.
DEFAULTS: dict[str, Any] = {
    "TIMELINE_URL": "timeline.html",
    "TIMELINE_SAVE_AS": "timeline.html",
}

PRECISIONS = ("day", "month", "year")


def merge_settings(settings: dict[str, Any]) -> None:
    """Add the defaults the user did not set, then check them; raise one DigestError."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    problems = [
        Problem(SETTINGS_FILE, key, f"must be a relative path inside the site, found "
                f"{settings[key]!r}", f"write e.g. {key} = {DEFAULTS[key]!r}")
        for key in DEFAULTS
        if not isinstance(settings[key], str) or not settings[key] or settings[key][0] == "/"
    ]
    if problems:
        raise DigestError(problems)


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: an article published, or an event an article mentions."""

    kind: str  # "article" | "event"
    date: dt.date
    datetime: str  # for <time datetime>, as precise as the source is
    label: str
    article: Any
    sentence: str = ""
    block: int = 0
    clause: str = ""  # what is shown of a long sentence ("" shows the sentence)
    inferred: bool = False  # the date is not all in the text: the article's date completed it
    edited: bool = False  # the editor set the date (curation.yaml events:)
    # what is shown, in three parts: before the date's words, the words (marked), after
    shown: tuple[str, str, str] = ("", "", "")

    @property
    def sort_key(self) -> tuple[Any, ...]:
        # events before the articles of the same day: the thing happened, then it was reported
        return (self.date, self.kind != "event", self.datetime, self.article.slug, self.block,
                self.sentence)


@dataclass(frozen=True)
class Year:
    year: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Timeline:
    years: tuple[Year, ...]
    articles: int
    events: int


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value  # YAML reads an unquoted 2022-02-24 as a date
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"  # "24 February 2022", without platform-specific %-d


def _squeeze(text: str) -> str:
    """Runs of whitespace as one space, a space at either end kept (the parts are joined)."""
    return re.sub(r"\s+", " ", text)


def _parts(text: str, mark: Any) -> tuple[str, str, str]:
    """``text`` cut around the date's words at ``mark`` ([start, end]); all of it before when
    the mark is missing or does not fit (an older header: the text is still shown)."""
    if (isinstance(mark, list) and len(mark) == 2
            and all(isinstance(i, int) and not isinstance(i, bool) for i in mark)
            and 0 <= mark[0] < mark[1] <= len(text)):
        a, b = mark
        return _squeeze(text[:a]).lstrip(), _squeeze(text[a:b]), _squeeze(text[b:]).rstrip()
    return " ".join(text.split()), "", ""


def event_entries(article: Any, problems: list[Problem]) -> list[Entry]:
    """The article's events as timeline entries; a malformed one is reported, not guessed."""
    events = getattr(article, "events", None) or []
    if not isinstance(events, list):
        problems.append(Problem(article.source_path, "events", "'events' must be a list",
                                "regenerate the article with `digest content`"))
        return []
    entries = []
    for i, event in enumerate(events):
        where = f"events[{i}]"
        fix = "regenerate the article with `digest content`"
        if not isinstance(event, dict):
            problems.append(Problem(article.source_path, where, "an event must be a mapping", fix))
            continue
        start, end = _as_date(event.get("start")), _as_date(event.get("end"))
        block, sentence = event.get("block"), event.get("sentence")
        precision = event.get("precision", "day")
        if start is None:
            problems.append(Problem(article.source_path, f"{where}.start",
                                    f"not a date: {event.get('start')!r}", fix))
            continue
        if isinstance(block, bool) or not isinstance(block, int) or block < 0:
            problems.append(Problem(article.source_path, f"{where}.block",
                                    f"not a block number: {block!r}", fix))
            continue
        if not isinstance(sentence, str) or not sentence.strip():
            problems.append(Problem(article.source_path, f"{where}.sentence",
                                    "the sentence is missing", fix))
            continue
        if precision not in PRECISIONS:
            problems.append(Problem(article.source_path, f"{where}.precision",
                                    f"unknown precision {precision!r}", fix))
            continue
        if precision == "year":
            iso, label = f"{start:%Y}", f"{start:%Y}"
        elif precision == "month":
            iso, label = f"{start:%Y-%m}", f"{start:%B %Y}"
        elif end and end != start:
            iso, label = start.isoformat(), f"{_day(start)} – {_day(end)}"
        else:
            iso, label = start.isoformat(), _day(start)
        clause = event.get("clause") if isinstance(event.get("clause"), str) else ""
        entry = Entry("event", start, iso, label, article, " ".join(sentence.split()), block,
                      " ".join(clause.split()), event.get("inferred") is True,
                      event.get("edited") is True, _parts(clause or sentence, event.get("mark")))
        # one entry per sentence: the pipeline writes each once, an older or hand-written
        # header may not
        if all((e.block, e.sentence) != (entry.block, entry.sentence) for e in entries):
            entries.append(entry)
    return entries


def build_timeline(articles: list[Any]) -> Timeline:
    """Articles and their events, oldest first, grouped by year; raise one DigestError."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    events = 0
    for article in articles:
        published = article.date.date()
        entries.append(Entry("article", published, published.isoformat(), _day(published),
                             article))
        found = event_entries(article, problems)
        events += len(found)
        entries.extend(found)
    if problems:
        raise DigestError(problems)
    entries.sort(key=lambda e: e.sort_key)
    years = tuple(Year(year, tuple(group))
                  for year, group in groupby(entries, key=lambda e: e.date.year))
    return Timeline(years, len(articles), events)


class TimelineGenerator(Generator):
    """Builds the timeline in ``generate_context``, writes it in ``generate_output``."""

    def generate_context(self) -> None:
        self.context["timeline"] = build_timeline(list(self.context.get("articles", [])))

    def generate_output(self, writer: Any) -> None:
        writer.write_file(self.settings["TIMELINE_SAVE_AS"], self.get_template("timeline"),
                          self.context, relative_urls=self.settings["RELATIVE_URLS"],
                          page_name="timeline")


def initialized(pelican: Any) -> None:
    merge_settings(pelican.settings)


def get_generators(pelican: Any) -> type[Generator]:
    return TimelineGenerator


def register() -> None:
    signals.initialized.connect(initialized)
    signals.get_generators.connect(get_generators)
