"""The review pages (`make review`): what the cleaner did with every capture, for the editor.

A static report written to ``review/``, never part of the published site:

- ``index.html``: every capture with its status, confidence, warnings, problems and the facts
  found (with where each came from);
- ``captures/NAME.html``: every line of one capture with its number, its kind (kept, dropped,
  unsure, header), the rule that decided it and the ``curation.yaml`` line that overrules it;
- ``flagged/NAME.html``: the same page without the kept lines (the filter, as a plain page).

The pages are rendered from the content stage's own records (``pipeline.build_content`` for the
report, ``pipeline.cleaned_captures`` for the lines, both through its cache), with Jinja2
templates (autoescape on: capture text is hostile and is only ever text here). A page is
written again only when its record or the templates changed (``write``), so that
`make devserver` can run it after every rebuild.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import pickle
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jinja2

from . import capture as capture_stage
from . import cleaning
from .curation import CaptureCuration
from .errors import DigestError, Problem
from .model import Cleaned, Fact, Line
from .pipeline import CaptureReport, CleanedCapture, Report, build_content, cleaned_captures

#: A file in the review folder that says digest review wrote it (only such a folder, or an
#: empty one, is ever written into), with the key of every page written.
MARKER = ".digest-review"
STATIC = ("review.css", "review.js")

Group = Literal["kept", "unsure", "dropped", "header", "blank"]

#: How each line kind shows on the page (colour and legend); the kinds are model.LineKind.
GROUPS: Mapping[str, Group] = {
    "body": "kept", "subhead": "kept", "unsure": "unsure", "boilerplate": "dropped",
    "title": "header", "dek": "header", "byline": "header", "dateline": "header",
    "caption": "header", "blank": "blank",
}
LEGEND: tuple[tuple[Group, str, str], ...] = (
    ("kept", "Kept", "published as the article body (paragraph or subheading)"),
    ("unsure", "Unsure", "kept in the body, but the cleaner is not sure it belongs"),
    ("dropped", "Dropped", "not published: page furniture, teasers, comments, another article"),
    ("header", "Header", "headline, standfirst, byline, date line or caption: read as facts, "
                         "not published as body text"),
)
_CAPTURE_LINE = re.compile(r"\bcapture line (\d+)\b")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class LineView:
    number: int
    text: str
    kind: str
    rule: str
    group: Group
    copy: str  # the curation.yaml line that overrules the verdict ("" for a blank line)
    copy_note: str  # what pasting it does
    curated: bool  # decided by the editor's keep:/drop:
    cleaner: str  # the cleaner's own verdict ("kind, rule") when the editor overruled it
    prose: bool  # dropped, but reads like prose (Cleaned.dropped_prose)
    warnings: tuple[str, ...] = ()  # the capture's warnings about this line

    @property
    def flagged(self) -> bool:
        """Shown by the filter: every line not published as kept body text, and every line
        with a warning."""
        return self.group in ("unsure", "dropped", "header") or bool(self.warnings)


@dataclass(frozen=True)
class FactView:
    name: str
    value: str  # "" when not found
    source: str
    line: int | None  # the capture line it came from, when it did


@dataclass(frozen=True)
class Note:
    """A warning or problem as shown on the pages."""

    where: str
    line: int | None  # a capture line to link to
    text: str
    fix: str


@dataclass(frozen=True)
class CaptureView:
    name: str
    page: str  # file name under captures/ and flagged/
    format: str
    encoding: str
    repairs: tuple[str, ...]
    status: str
    published: bool
    confidence: float
    facts: tuple[FactView, ...]
    warnings: tuple[Note, ...]
    problems: tuple[Note, ...]
    lines: tuple[LineView, ...]
    counts: tuple[tuple[Group, int], ...]  # per legend group, in legend order
    # the page shows the cleaner alone: the editor's keep:/drop: could not be applied
    uncurated: bool
    entry_key: str  # the capture's key as written in curation.yaml
    has_entry: bool

    @property
    def prose_count(self) -> int:
        return sum(1 for line in self.lines if line.prose)

    @property
    def flagged_count(self) -> int:
        return sum(1 for line in self.lines if line.flagged)


@dataclass(frozen=True)
class Review:
    captures: tuple[CaptureView, ...]
    problems: tuple[Note, ...]  # problems of the editor's files (no capture could be shown)


# -- the records, as the pages show them ---------------------------------------------------


def _yaml_item(item: int | str) -> str:
    return str(item) if isinstance(item, int) else json.dumps(item, ensure_ascii=False)


def _flow(items: Iterable[int | str]) -> str:
    """A YAML flow list: line numbers in order, then exact texts as the editor wrote them."""
    listed = list(items)
    numbers: list[int | str] = sorted(i for i in listed if isinstance(i, int))
    texts = [i for i in listed if isinstance(i, str)]
    return "[" + ", ".join(_yaml_item(i) for i in numbers + texts) + "]"


def curation_copy(line: Line, group: Group, entry: CaptureCuration) -> tuple[str, str]:
    """The ``keep:``/``drop:`` line that turns this line's verdict around, written with the
    capture's existing list (so that it replaces that line of curation.yaml), and what it does.
    Lines match by number (curation.apply_curation)."""
    if group == "blank":
        return "", ""
    n = line.number
    if line.rule in ("curation-keep", "curation-drop"):
        verb = "keep" if line.rule == "curation-keep" else "drop"
        rest = [t for t in getattr(entry, verb) if t != n and t != line.text.strip()]
        if not rest:
            return f"{verb}: []", f"undoes the editor's {verb} (or delete the {verb}: line)"
        return f"{verb}: {_flow(rest)}", f"undoes the editor's {verb} of this line"
    verb = "drop" if group in ("kept", "unsure") else "keep"
    note = ("drops this line from the article" if verb == "drop"
            else "publishes this line as body text")
    existing = list(getattr(entry, verb))
    if not existing:  # most captures: no list yet
        return f"{verb}: [{n}]", note
    if n not in existing:
        existing.append(n)
    return f"{verb}: {_flow(existing)}", note


def _line_views(cleaned: Cleaned, entry: CaptureCuration,
                raw: Mapping[int, Line]) -> tuple[LineView, ...]:
    prose = set(cleaned.dropped_prose)
    views = []
    for line in cleaned.lines:
        group = GROUPS.get(line.kind, "dropped")
        copy, note = curation_copy(line, group, entry)
        curated = line.rule.startswith("curation-")
        before = raw.get(line.number)
        cleaner = f"{before.kind}, {before.rule}" if curated and before else ""
        views.append(LineView(line.number, line.text, line.kind, line.rule, group, copy, note,
                              curated, cleaner, line.number in prose))
    return tuple(views)


def _fact_value(fact: Fact[Any]) -> str:
    value = fact.value
    if value is None or value == ():
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _facts(cleaned: Cleaned | None, report: CaptureReport | None) -> tuple[FactView, ...]:
    if cleaned is None:
        sources = dict(report.facts) if report else {}
        return tuple(FactView(name, "", sources.get(name, "unknown"), None)
                     for name in ("title", "dek", "authors", "outlet", "date", "url"))
    meta = cleaned.metadata
    facts: tuple[tuple[str, Fact[Any]], ...] = (
        ("title", meta.title), ("dek", meta.dek), ("authors", meta.authors),
        ("outlet", meta.outlet), ("date", meta.published), ("url", meta.url),
    )
    views = []
    for name, fact in facts:
        match = _CAPTURE_LINE.search(fact.source)
        views.append(FactView(name, _fact_value(fact), fact.source,
                              int(match.group(1)) if match else None))
    return tuple(views)


def _notes(problems: Iterable[Problem], capture: Path | None) -> tuple[Note, ...]:
    """Problems as notes; the capture's own path is left out (the page is about it), and a
    line number of the capture links to the line."""
    notes = []
    for p in sorted(problems):
        own = capture is not None and Path(p.path).name == capture.name
        line = int(p.where) if own and p.where.isdigit() else None
        if own:
            where = f"line {p.where}" if line else p.where
        else:
            where = f"{p.path}:{p.where}" if p.where else p.path
        notes.append(Note(where, line, p.problem, p.fix))
    return tuple(notes)


def _status(report: CaptureReport | None) -> tuple[str, bool]:
    if report is None:
        return "not processed", False
    if report.problems:
        count = len(report.problems)
        return f"not published: {count} problem{'s' if count > 1 else ''}", False
    if report.not_published:
        return f"not published: {report.not_published}", False
    if report.slug:
        return f"published as articles/{report.slug}.html", True
    return "not published", False


def _confidence(report: CaptureReport | None, cleaned: Cleaned | None) -> float:
    """The cleaner's confidence as the report and the record give it (the lower one, should
    they differ: a low value is the one the editor must see); 0.0 when it was never cleaned."""
    values = [v for v in (report.confidence if report and not report.problems else None,
                          cleaned.confidence if cleaned else None) if v is not None]
    return min(values) if values else 0.0


def _page_names(names: Sequence[str]) -> dict[str, str]:
    """A safe, unique file name per capture (capture names come from the editor's folder)."""
    pages: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = _SAFE_NAME.sub("-", name).strip(".-") or "capture"
        page, n = f"{base}.html", 2
        while page.lower() in used:
            page, n = f"{base}-{n}.html", n + 1
        used.add(page.lower())
        pages[name] = page
    return pages


def _raw_lines(record: CleanedCapture) -> tuple[Cleaned | None, dict[int, Line]]:
    """The cleaner alone, when the editor's keep:/drop: changed (or broke) the record: the
    page then says what the cleaner had decided. (None, {}) when it is not needed or fails."""
    curated = record.cleaned is not None and any(
        line.rule.startswith("curation-") for line in record.cleaned.lines)
    if record.cleaned is not None and not curated:
        return None, {}
    try:
        raw = cleaning.clean(capture_stage.read_capture(record.path))
    except DigestError:
        return None, {}
    return raw, {line.number: line for line in raw.lines}


def capture_view(record: CleanedCapture, report: CaptureReport | None, page: str) -> CaptureView:
    """One capture as its page shows it; ``report`` is the content stage's report of it."""
    raw, raw_lines = _raw_lines(record)
    cleaned = record.cleaned if record.cleaned is not None else raw
    uncurated = record.cleaned is None and cleaned is not None
    lines = _line_views(cleaned, record.entry, {} if uncurated else raw_lines) if cleaned else ()
    warnings = _notes(report.warnings if report else (), record.path)
    by_line: dict[int, list[str]] = {}
    for note in warnings:
        if note.line is not None:
            by_line.setdefault(note.line, []).append(note.text)
    lines = tuple(dataclasses.replace(line, warnings=tuple(by_line[line.number]))
                  if line.number in by_line else line for line in lines)
    counts = Counter(line.group for line in lines)
    problems = report.problems if report else record.problems
    status, published = _status(report)
    key = record.path.name
    return CaptureView(
        name=record.path.name,
        page=page,
        format=cleaned.capture.format if cleaned else record.path.suffix.lstrip("."),
        encoding=cleaned.capture.encoding if cleaned else "",
        repairs=cleaned.capture.repairs if cleaned else (),
        status=status,
        published=published,
        confidence=_confidence(report, record.cleaned),
        facts=_facts(cleaned, report),
        warnings=warnings,
        problems=_notes(problems, record.path),
        lines=lines,
        counts=tuple((group, counts.get(group, 0)) for group, _, _ in LEGEND),
        uncurated=uncurated,
        entry_key=key if _PLAIN_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False),
        has_entry=record.entry != CaptureCuration(),
    )


def collect(root: Path, cache_folder: Path | None = None, jobs: int | None = None) -> Review:
    """The review of the digest in ``root``: the content stage's report (nothing written) and
    every capture's cleaned record, from the same cache."""
    report: Report = build_content(root, write=False, cache_folder=cache_folder, jobs=jobs)
    if not report.captures:
        return Review((), _notes(report.problems, None))
    try:
        records = cleaned_captures(root, cache_folder)
    except DigestError as exc:  # pragma: no cover - build_content reported these already
        return Review((), _notes(exc.problems, None))
    reports = {r.name: r for r in report.captures}
    pages = _page_names([r.path.name for r in records])
    views = tuple(capture_view(r, reports.get(r.path.name), pages[r.path.name]) for r in records)
    return Review(views, ())


# -- rendering and writing -----------------------------------------------------------------


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("digest", "templates/review"),
        autoescape=True,  # capture text is hostile: it is only ever text on these pages
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["legend"] = LEGEND
    return env


def _template_fingerprint() -> bytes:
    """What renders a page besides its record: the templates, and this module (the legend)."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    folder = resources.files("digest").joinpath("templates", "review")
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        h.update(item.name.encode() + b"\0" + item.read_bytes())
    return h.digest()


def _pages(review: Review) -> dict[str, tuple[str, CaptureView | None, bool]]:
    """path -> (key, capture, flagged) of every page; the key changes whenever the page would."""
    code = _template_fingerprint()
    pages: dict[str, tuple[str, CaptureView | None, bool]] = {}
    index = hashlib.sha256(code + _canonical(review.problems))
    for view in review.captures:
        record = _canonical(view)
        index.update(hashlib.sha256(record).digest())
        for folder, flagged in (("captures", False), ("flagged", True)):
            key = hashlib.sha256(code + folder.encode() + record).hexdigest()
            pages[f"{folder}/{view.page}"] = (key, view, flagged)
    pages["index.html"] = (index.hexdigest(), None, False)
    return pages


def _canonical(value: object) -> bytes:
    """The same bytes for equal records: a pickle without its memo (a memo would depend on
    which equal strings happen to share one object)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: the records are trees of tuples, strings and numbers
    pickler.dump(value)
    return buffer.getvalue()


def _render_page(env: jinja2.Environment, review: Review, view: CaptureView | None,
                 flagged: bool) -> str:
    if view is None:
        return env.get_template("index.html").render(review=review)
    return env.get_template("capture.html").render(capture=view, flagged=flagged)


def render(review: Review) -> dict[str, str]:
    """Every page of the review, by path relative to the review folder."""
    env = environment()
    return {path: _render_page(env, review, view, flagged)
            for path, (_, view, flagged) in _pages(review).items()}


def _static(name: str) -> bytes:
    return resources.files("digest").joinpath("templates", "review", name).read_bytes()


def _write_file(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


def write(review: Review, out: Path) -> list[str]:
    """Write the review into ``out`` and return the pages written: a page whose record and
    templates are unchanged since the last run is left as it is (the marker file lists each
    page's key), pages of captures that are gone are removed. A folder that holds anything
    but a previous review is never touched."""
    out = out.absolute()
    marker = out / MARKER
    if out.exists() and not marker.is_file() and (not out.is_dir() or any(out.iterdir())):
        raise DigestError.one(out, "", "this folder exists and was not written by digest review",
                              "remove it, or write the review elsewhere with --out")
    try:
        previous = json.loads(marker.read_text(encoding="utf-8"))["pages"]
        assert isinstance(previous, dict)
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        previous = {}
    for folder in ("captures", "flagged"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    pages = _pages(review)
    # the marker first says "nothing is known": a run killed half-way renders everything again
    _write_file(marker, json.dumps({"pages": {}}).encode())
    for name in STATIC:
        data = _static(name)
        if not (out / name).is_file() or (out / name).read_bytes() != data:
            _write_file(out / name, data)
    env = environment()
    written = []
    for path, (key, view, flagged) in sorted(pages.items()):
        target = out / path
        if previous.get(path) == key and target.is_file():
            continue
        _write_file(target, _render_page(env, review, view, flagged).encode("utf-8"))
        written.append(path)
    for folder in ("captures", "flagged"):
        for stale in (out / folder).iterdir():
            if stale.is_file() and f"{folder}/{stale.name}" not in pages:
                stale.unlink()
    _write_file(marker, json.dumps(
        {"written by": "digest review (make review): this folder is rewritten on every run",
         "pages": {path: key for path, (key, _, _) in sorted(pages.items())}},
        indent=1, sort_keys=True).encode())
    return written


def build_review(root: Path, out: Path, cache_folder: Path | None = None,
                 jobs: int | None = None) -> Review:
    """Collect, render and write the review of the digest in ``root`` into ``out``."""
    if out.resolve().is_relative_to(root.resolve()):
        raise DigestError.one(out, "", "the review cannot be written inside the content folder "
                              "(it belongs to the editor)", "write it elsewhere, e.g. --out review")
    review = collect(root, cache_folder, jobs)
    write(review, out)
    return review


def summary(review: Review, out: Path) -> str:
    """What `digest review` prints."""
    if not review.captures and not review.problems:
        return f"review: no captures yet -> {out}/index.html\n"
    if not review.captures:
        lines = [f"review: no capture to show, written to {out}/index.html"]
        lines += [f"  {n.where}: {n.text}. Fix: {n.fix}" for n in review.problems]
        return "\n".join(lines) + "\n"
    warned = sum(1 for c in review.captures if c.warnings)
    failed = sum(1 for c in review.captures if c.problems)
    return (f"review: {len(review.captures)} captures ({failed} with problems, {warned} with "
            f"warnings) -> {out}/index.html\n")


