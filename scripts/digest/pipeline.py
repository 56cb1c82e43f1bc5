"""The content stage: captures + the editor's YAML in, Markdown for Pelican out, plus a report.

1. load the editor's files (taxonomy, then curation, which refers to it)
2. read, clean and curate every capture (one bad capture is reported, the others go on)
3. extract metadata, tag topics and entities, find dated events
4. give every article a unique, stable slug
5. write the Markdown, remove articles whose capture is gone, return the report
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import capture as capture_stage
from . import cleaning, events, topics
from .curation import Curation, apply_curation, load_curation
from .errors import DigestError, Problem
from .markdown_writer import render_article
from .model import Article, Cleaned
from .slugs import base_slug, unique_slugs
from .taxonomy import Taxonomy, load_taxonomy

CAPTURE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class ContentPaths:
    """Where the content stage reads and writes, all under one content folder."""

    root: Path

    @property
    def captures(self) -> Path:
        return self.root / "captures"

    @property
    def curation(self) -> Path:
        return self.root / "curation.yaml"

    @property
    def taxonomy(self) -> Path:
        return self.root / "taxonomy.yaml"

    @property
    def articles(self) -> Path:
        return self.root / "articles"


@dataclass(frozen=True)
class CaptureReport:
    """What happened to one capture."""

    name: str
    slug: str | None
    kept: int
    dropped: tuple[tuple[str, int], ...]  # (rule, lines) for lines not published
    unsure: tuple[tuple[int, str], ...]  # (line number, text) kept but worth a look
    facts: tuple[tuple[str, str], ...]  # (fact, where it came from)
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Report:
    captures: tuple[CaptureReport, ...]
    problems: tuple[Problem, ...]  # every problem, sorted: the run fails if there is one

    @property
    def ok(self) -> bool:
        return not self.problems


def capture_files(folder: Path) -> tuple[Path, ...]:
    """The captures of a digest, in a stable order (hidden and other files are ignored)."""
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(
            p for p in folder.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in CAPTURE_SUFFIXES
        )
    )


def required_facts(cleaned: Cleaned, display: str) -> list[Problem]:
    """Pelican cannot place an article without a title and a date; say how to supply them."""
    problems = []
    name = cleaned.capture.name
    if not cleaned.metadata.title.value:
        problems.append(Problem(display, "", "no headline found in the capture",
                                f"add 'title:' under 'captures: {name}:' in content/curation.yaml"))
    if not cleaned.metadata.published.value:
        problems.append(Problem(display, "", "no publication date found in the capture",
                                f"add 'date: YYYY-MM-DD' under 'captures: {name}:' "
                                "in content/curation.yaml"))
    if not any(b.kind == "paragraph" for b in cleaned.blocks):
        problems.append(Problem(display, "", "no article text was found (every line was dropped)",
                                "check the capture, or force lines with 'keep:' in curation.yaml"))
    return problems


def process_capture(
    path: Path, curation: Curation, taxonomy: Taxonomy, display: str
) -> tuple[Article | None, Cleaned | None, list[Problem]]:
    """Read, clean, curate, tag one capture. Never raises for bad input: returns problems."""
    entry = curation.get(path.name)
    try:
        cleaned = cleaning.clean(capture_stage.read_capture(path))
        cleaned = apply_curation(cleaned, entry, path.name)
    except DigestError as exc:
        return None, None, list(exc.problems)
    problems = required_facts(cleaned, display)
    if problems:
        return None, cleaned, problems
    topic_slugs, entity_counts = topics.tag(
        cleaned.blocks, cleaned.metadata.title.value, taxonomy, entry.topics
    )
    article = Article(
        source=path.name,
        slug="",
        metadata=cleaned.metadata,
        blocks=cleaned.blocks,
        topics=topic_slugs,
        entities=entity_counts,
        events=events.extract_events(cleaned.blocks, cleaned.metadata.published.value),
        note=entry.note,
        lines=cleaned.lines,
    )
    return article, cleaned, []


def _capture_report(name: str, slug: str | None, cleaned: Cleaned | None,
                    problems: Iterable[Problem]) -> CaptureReport:
    if cleaned is None:
        return CaptureReport(name, None, 0, (), (), (), tuple(problems))
    published = {"body", "subhead", "unsure"}
    kept = sum(1 for line in cleaned.lines if line.kind in published)
    dropped = Counter(
        line.rule for line in cleaned.lines if line.kind not in published and line.kind != "blank"
    )
    unsure = tuple((line.number, line.text) for line in cleaned.lines if line.kind == "unsure")
    meta = cleaned.metadata
    facts = (
        ("title", meta.title.source),
        ("dek", meta.dek.source),
        ("authors", meta.authors.source),
        ("outlet", meta.outlet.source),
        ("date", meta.published.source),
        ("url", meta.url.source),
    )
    return CaptureReport(name, slug, kept, tuple(sorted(dropped.items())), unsure, facts,
                         tuple(problems))


def build_content(root: Path, write: bool = True) -> Report:
    """Run the content stage over ``root`` (a folder holding captures/ and the editor's YAML)."""
    paths = ContentPaths(root)
    files = capture_files(paths.captures)
    # 1. the editor's files: a broken one stops the run before anything is written
    try:
        taxonomy = load_taxonomy(paths.taxonomy)
        curation = load_curation(
            paths.curation, (p.name for p in files), (t.slug for t in taxonomy.topics)
        )
    except DigestError as exc:
        return Report((), exc.problems)
    if not files:
        problem = Problem(str(paths.captures), "", "no captures found",
                          "put .txt or .html captures in this folder")
        return Report((), (problem,))

    # 2.-3. every capture, independently
    results = []
    for path in files:
        display = str(path)
        article, cleaned, problems = process_capture(path, curation, taxonomy, display)
        results.append((path.name, article, cleaned, problems))

    # 4. slugs, unique across the digest
    wanted = [(name, base_slug(a.metadata.title.value, name)) for name, a, _, _ in results if a]
    slugs = unique_slugs(wanted)
    articles = [dataclasses.replace(a, slug=slugs[name]) for name, a, _, _ in results if a]

    # 5. write, and remove what no capture produces any more
    if write:
        write_articles(paths.articles, articles)
    reports = tuple(
        _capture_report(name, slugs.get(name), cleaned, problems)
        for name, _, cleaned, problems in results
    )
    all_problems = tuple(sorted(p for r in reports for p in r.problems))
    return Report(reports, all_problems)


def write_articles(folder: Path, articles: Iterable[Article]) -> None:
    """Write one Markdown file per article; delete stale ones; leave unchanged files untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted: dict[str, str] = {f"{a.slug}.md": render_article(a) for a in articles}
    for old in folder.glob("*.md"):
        if old.name not in wanted:
            old.unlink()
    for name, text in sorted(wanted.items()):
        target = folder / name
        data = text.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            continue  # unchanged: keep the mtime so Pelican's cache stays valid
        tmp = target.with_suffix(".md.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
