"""The content stage: captures + the editor's YAML in, Markdown for Pelican out, plus a report.

1. load the editor's files (taxonomy, then curation, which refers to it)
2. read, clean and curate every capture (one bad capture is reported, the others go on)
3. extract metadata, tag topics and entities, find dated events
   (2 and 3 run on every core for large digests, and are cached by content hash: a capture is
   cleaned again only when its bytes, its curation entry or the code change, and tagged again
   only when it was cleaned again or the taxonomy changed)
   then publish the same article captured twice only once, crediting both (dedupe.py)
4. give every article a unique, stable slug
5. write the Markdown, remove articles whose capture is gone, return the report
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import pickle
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import capture as capture_stage
from . import cleaning, doubts, events, repair, topics
from .cache import Cache, Entries
from .curation import CaptureCuration, Curation, apply_curation, load_curation
from .dedupe import deduplicate, sketch
from .errors import DigestError, Problem
from .markdown_writer import render_article
from .model import BODY_KINDS, Article, Cleaned
from .site import load_site, pages_conflicts, site_path, write_generated_pages
from .slugs import base_slug, unique_slugs
from .taxonomy import Taxonomy, load_taxonomy

CAPTURE_SUFFIXES = (".txt", ".html", ".htm")

#: Below this many captures to process, starting worker processes costs more than it saves.
PARALLEL_MIN_CAPTURES = 64
#: Bump to drop every cache entry (the code fingerprint covers code changes by itself).
CACHE_VERSION = "1"


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
    # why a capture without problems is not published (a near-duplicate of another one)
    not_published: str | None = None
    # doubtful facts and unsure cleaning: printed, never a reason to fail the build
    warnings: tuple[Problem, ...] = ()
    # the cleaner's confidence that the body is the whole article (cleaning._confidence), and
    # the dropped lines that read like prose: where to look when text is missing
    confidence: float = 1.0
    dropped_prose: tuple[int, ...] = ()
    doubt: str = ""  # why the confidence is under 1.0 (Cleaned.doubt)


@dataclass(frozen=True)
class Report:
    captures: tuple[CaptureReport, ...]
    problems: tuple[Problem, ...]  # every problem, sorted: the run fails if there is one
    # the editor's files (site, taxonomy, curation) are broken: no capture was looked at
    configuration: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Every capture's warnings, by capture (never a reason to fail)."""
        return tuple(w for c in self.captures for w in c.warnings)


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


def clean_capture(
    path: Path, data: bytes, entry: CaptureCuration, display: str
) -> tuple[Cleaned | None, list[Problem]]:
    """Decode, clean and curate one capture. Never raises for bad input: returns problems."""
    try:
        # the gap repair runs before the editor's keep/drop (whose texts are those shown by
        # `digest clean --json`, repaired) and again after, for the lines it brought back
        cleaned = repair.repair_cleaned(cleaning.clean(capture_stage.decode_capture(data, path)))
        cleaned = repair.repair_cleaned(apply_curation(cleaned, entry, path.name))
    except DigestError as exc:
        return None, list(exc.problems)
    return cleaned, required_facts(cleaned, display) + events.check_fixes(
        cleaned.blocks, entry.events, cleaned.metadata.published.value)


def tag_article(cleaned: Cleaned, entry: CaptureCuration, taxonomy: Taxonomy) -> Article:
    """Topics, entities and dated events of a cleaned capture."""
    topic_slugs, entity_counts, lead, quotes = topics.tag_ranked(
        cleaned.blocks, cleaned.metadata.title.value, taxonomy, entry.topics
    )
    return Article(
        source=cleaned.capture.name,
        slug="",
        metadata=cleaned.metadata,
        blocks=cleaned.blocks,
        topics=topic_slugs,
        lead_topics=lead,
        entity_quotes=tuple(quotes.items()),
        entities=entity_counts,
        events=events.apply_fixes(
            events.extract_events(cleaned.blocks, cleaned.metadata.published.value),
            entry.events, cleaned.blocks),
        note=entry.note,
    )


def capture_report(name: str, cleaned: Cleaned | None,
                   problems: Iterable[Problem]) -> CaptureReport:
    """What the report says of one capture (its slug is filled in once slugs are known)."""
    if cleaned is None:
        return CaptureReport(name, None, 0, (), (), (), tuple(problems))
    kept = sum(1 for line in cleaned.lines if line.kind in BODY_KINDS)
    dropped = Counter(
        line.rule for line in cleaned.lines if line.kind not in BODY_KINDS and line.kind != "blank"
    )
    unsure = tuple((line.number, line.text) for line in cleaned.lines if line.kind == "unsure")
    display = str(cleaned.capture.path)
    warnings = doubts.capture_doubts(cleaned, display)
    meta = cleaned.metadata
    facts = (
        ("title", meta.title.source),
        ("dek", meta.dek.source),
        ("authors", meta.authors.source),
        ("outlet", meta.outlet.source),
        ("date", meta.published.source),
        ("url", meta.url.source),
    )
    return CaptureReport(name, None, kept, tuple(sorted(dropped.items())), unsure, facts,
                         tuple(problems), warnings=doubts.sort_warnings(warnings),
                         confidence=cleaned.confidence, dropped_prose=cleaned.dropped_prose,
                         doubt=cleaned.doubt)


#: What steps 2-3 give for one capture: the article (None when it cannot be published), the
#: report and the article's dedupe sketch (() without an article). The cleaned lines
#: themselves stay in the cache, not in memory.
Result = tuple[Article | None, CaptureReport, tuple[int, ...]]
#: A "tag" cache entry: the tagged article and its dedupe sketch.
Tagged = tuple[Article, tuple[int, ...]]


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > capture_stage.MAX_CAPTURE_BYTES:
            # say the real size, and read nothing of a file that may be gigabytes
            raise capture_stage._too_large(path, size)
        return path.read_bytes()
    except OSError as exc:
        raise DigestError.one(path, "", f"cannot read the capture ({exc.strerror})",
                              "check that the file exists and is readable") from exc


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def cleaning_key(code: str, name: str, data: bytes, entry: CaptureCuration) -> str:
    """The cache key of a capture's cleaned record: the code, the capture's name and bytes, and
    its curation entry."""
    return _digest(code, name, data, repr(entry))


def code_fingerprint() -> str:
    """Hash of the pipeline's own source and data (the cleaner's line model) and of the pinned
    packages it runs on (trafilatura, ftfy, charset-normalizer...): a change of either
    invalidates every cache entry."""
    package = Path(__file__).parent
    lock = package.parent.parent / "requirements.lock"
    pinned = lock.read_bytes() if lock.is_file() else b""
    return _digest(CACHE_VERSION, pinned,
                   *(p.read_bytes() for p in sorted([*package.glob("*.py"),
                                                     *package.glob("*.json")])))


@dataclass(frozen=True)
class _Job:
    """One capture to clean and tag, with the keys its results are cached under."""

    path: Path
    data: bytes
    entry: CaptureCuration
    clean_key: str
    tag_key: str


# Worker processes get the run's read-only state once, not with every capture.
_worker_state: dict[str, object] = {}


def _init_worker(taxonomy: Taxonomy, record: bool) -> None:
    _worker_state["taxonomy"] = taxonomy
    _worker_state["cache"] = Cache.recorder() if record else Cache(None)


def _work(job: _Job) -> tuple[Result, Entries]:
    """One capture in a worker: its results, and the cache entries for the parent to store."""
    taxonomy, cache = _worker_state["taxonomy"], _worker_state["cache"]
    assert isinstance(taxonomy, Taxonomy) and isinstance(cache, Cache)
    return _clean_and_tag(job, taxonomy, cache), cache.take()


def _clean_and_tag(job: _Job, taxonomy: Taxonomy, cache: Cache) -> Result:
    """Clean, tag and cache one capture (in a worker: only the small results travel back)."""
    cleaned, problems = clean_capture(job.path, job.data, job.entry, str(job.path))
    report = capture_report(job.path.name, cleaned, problems)
    cache.put("clean", job.clean_key, (cleaned, problems))
    cache.put("report", job.clean_key, report)
    if cleaned is None or problems:
        return None, report, ()
    article, article_sketch = _tag(job, cleaned, taxonomy, cache)
    return article, report, article_sketch


def _tag(job: _Job, cleaned: Cleaned, taxonomy: Taxonomy, cache: Cache) -> Tagged:
    # the dedupe sketch is cached with the article: shingling every body again on each run
    # was most of a warm run's time
    article = tag_article(cleaned, job.entry, taxonomy)
    tagged = (article, sketch(article))
    cache.put("tag", job.tag_key, tagged)
    return tagged


def _from_cache(job: _Job, taxonomy: Taxonomy, cache: Cache) -> Result | None:
    """The results of an unchanged capture; re-tagged from its cleaned lines when only the
    taxonomy changed. None: not cached (or the cache entry is unreadable)."""
    report = cache.get("report", job.clean_key)
    if not isinstance(report, CaptureReport):
        return None
    if report.problems:
        return None, report, ()
    tagged = cache.get("tag", job.tag_key)
    if isinstance(tagged, tuple) and len(tagged) == 2 and isinstance(tagged[0], Article):
        return tagged[0], report, tagged[1]
    hit = cache.get("clean", job.clean_key)
    if not isinstance(hit, tuple) or not isinstance(hit[0], Cleaned):
        return None
    article, article_sketch = _tag(job, hit[0], taxonomy, cache)
    return article, report, article_sketch


def process_all(
    files: Sequence[Path], curation: Curation, taxonomy: Taxonomy, taxonomy_key: str,
    cache: Cache, code: str, jobs: int | None = None,
) -> list[tuple[str, Result]]:
    """Steps 2-3 for every capture, from the cache where possible, in parallel otherwise.

    ``code`` is the run's :func:`code_fingerprint`, part of every cache key."""
    results: dict[str, Result] = {}
    every: list[_Job] = []
    pending: list[_Job] = []
    for path in files:
        try:
            data = _read_bytes(path)
        except DigestError as exc:
            results[path.name] = (None, capture_report(path.name, None, exc.problems), ())
            continue
        entry = curation.get(path.name)
        clean_key = cleaning_key(code, path.name, data, entry)
        every.append(_Job(path, data, entry, clean_key, _digest(clean_key, taxonomy_key)))
    cache.prefetch("report", (job.clean_key for job in every))
    cache.prefetch("tag", (job.tag_key for job in every))
    for job in every:
        hit = _from_cache(job, taxonomy, cache)
        if hit is None:
            pending.append(job)
        else:
            results[job.path.name] = hit

    workers = jobs or os.cpu_count() or 1
    if workers > 1 and len(pending) >= PARALLEL_MIN_CAPTURES:
        chunk = max(1, len(pending) // (workers * 8))
        with ProcessPoolExecutor(workers, initializer=_init_worker,
                                 initargs=(taxonomy, cache.record)) as pool:
            outcomes = []
            for outcome, entries in pool.map(_work, pending, chunksize=chunk):
                outcomes.append(outcome)
                cache.merge(entries)
    else:
        outcomes = [_clean_and_tag(job, taxonomy, cache) for job in pending]
    for job, outcome in zip(pending, outcomes, strict=True):
        results[job.path.name] = outcome
    for kind in ("clean", "report"):
        cache.prune(kind, {job.clean_key for job in every})
    cache.prune("tag", {job.tag_key for job in every})
    return [(path.name, results[path.name]) for path in files]


def default_cache_folder(root: Path) -> Path:
    """Beside the content folder, never inside it: content/ belongs to the editor."""
    return root.resolve().parent / ".digest-cache"


def build_content(
    root: Path, write: bool = True, cache_folder: Path | None = None, jobs: int | None = None,
    today: dt.date | None = None,
) -> Report:
    """Run the content stage over ``root`` (a folder holding captures/ and the editor's YAML).

    ``cache_folder`` None means no cache; ``jobs`` is the number of worker processes (default:
    one per core); ``today`` is the day dates are judged against (default: the clock's).
    """
    paths = ContentPaths(root)
    files = capture_files(paths.captures)
    # 1. the editor's files: a broken one stops the run before anything is written, and all
    #    are checked, so the editor sees every mistake of every file at once
    problems: list[Problem] = []
    site = None
    if site_path(root).exists():  # a folder without one (a test, a benchmark) has no About page
        try:
            site = load_site(root)
        except DigestError as exc:
            problems.extend(exc.problems)
        problems.extend(pages_conflicts(root))
    taxonomy: Taxonomy | None = None
    try:
        taxonomy = load_taxonomy(paths.taxonomy)
    except DigestError as exc:
        problems.extend(exc.problems)
    try:
        curation = load_curation(
            paths.curation, (p.name for p in files),
            None if taxonomy is None else (t.slug for t in taxonomy.topics),
        )
    except DigestError as exc:
        problems.extend(exc.problems)
    if problems or taxonomy is None:
        return Report((), tuple(sorted(problems)), configuration=True)
    # no captures is a digest just started: the site is built with its empty states

    # 2.-3. every capture, independently
    taxonomy_key = _digest(paths.taxonomy.read_bytes() if paths.taxonomy.exists() else b"")
    cache, code = Cache(cache_folder), code_fingerprint()
    results = [
        (name, article, report, article_sketch)
        for name, (article, report, article_sketch) in process_all(
            files, curation, taxonomy, taxonomy_key, cache, code, jobs
        )
    ]

    # 3b. the same article captured twice is published once, crediting both captures; this
    # runs before the slugs so that adding a copy never changes the original's URL
    deduped = deduplicate([a for _, a, _, _ in results if a],
                          [k for _, a, _, k in results if a])
    duplicate_of = {d.dropped: d.reason for d in deduped.duplicates}

    # 4. slugs, unique across the digest
    wanted = [(a.source, base_slug(a.metadata.title.value, a.source)) for a in deduped.articles]
    slugs = unique_slugs(wanted)
    articles = [dataclasses.replace(a, slug=slugs[a.source]) for a in deduped.articles]

    # 5. write, and remove what no capture produces any more
    if write:
        write_articles(paths.articles, articles, cache, code)
        if site is not None:
            write_generated_pages(root, site)
    cache.save()
    cache.close()
    # warnings that depend on the tagging or on the day are never cached
    day = today or dt.date.today()
    reports = tuple(
        dataclasses.replace(
            report, slug=slugs.get(name), not_published=duplicate_of.get(name),
            warnings=report.warnings if article is None else doubts.sort_warnings(
                (*report.warnings, *doubts.article_doubts(article, str(paths.captures / name),
                                                          day))),
        )
        for name, article, report, _ in results
    )
    all_problems = tuple(sorted(p for r in reports for p in r.problems))
    return Report(reports, all_problems)


def markdown_key(article: Article, code: str) -> str:
    """The cache key of an article's Markdown: the article itself, and the code rendering it."""
    return _digest(code, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))


def render_cached(article: Article, cache: Cache, key: str) -> str:
    """``render_article``, from the cache when this very article was rendered before (the YAML
    header costs more than anything else in a warm run); ``key`` is its markdown_key."""
    text = cache.get("markdown", key)
    if not isinstance(text, str):
        text = render_article(article)
        cache.put("markdown", key, text)
    cache.used.add(("markdown", key))
    return text


def write_articles(folder: Path, articles: Iterable[Article], cache: Cache | None = None,
                   code: str | None = None) -> None:
    """Write one Markdown file per article; delete stale ones; leave unchanged files untouched.

    ``code`` is the run's code fingerprint (computed here when not given)."""
    folder.mkdir(parents=True, exist_ok=True)
    cache = cache or Cache(None)
    code = code or code_fingerprint()
    keyed = [(article, markdown_key(article, code)) for article in articles]
    cache.prefetch("markdown", (key for _, key in keyed))
    wanted = {f"{a.slug}.md": render_cached(a, cache, key) for a, key in keyed}
    cache.prune("markdown", {key for kind, key in cache.used if kind == "markdown"})
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


@dataclass(frozen=True)
class CleanedCapture:
    """One capture's cleaned and curated record, as the content stage made it."""

    path: Path
    entry: CaptureCuration  # its curation.yaml entry (empty when it has none)
    cleaned: Cleaned | None  # None when it could not be read, cleaned or curated
    problems: tuple[Problem, ...]


def cleaned_captures(root: Path, cache_folder: Path | None = None) -> list[CleanedCapture]:
    """Every capture's cleaned record, read from the content cache where :func:`build_content`
    stored it (run that first with the same cache), cleaned again only on a miss: the review
    pages show exactly what the content stage decided.

    Raises DigestError when taxonomy.yaml or curation.yaml is broken."""
    paths = ContentPaths(root)
    files = capture_files(paths.captures)
    taxonomy = load_taxonomy(paths.taxonomy)
    curation = load_curation(paths.curation, (p.name for p in files),
                             (t.slug for t in taxonomy.topics))
    cache, code = Cache(cache_folder), code_fingerprint()
    records = []
    for path in files:
        entry = curation.get(path.name)
        try:
            data = _read_bytes(path)
        except DigestError as exc:
            records.append(CleanedCapture(path, entry, None, exc.problems))
            continue
        hit = cache.get("clean", cleaning_key(code, path.name, data, entry))
        if (isinstance(hit, tuple) and len(hit) == 2
                and (hit[0] is None or isinstance(hit[0], Cleaned))):
            cleaned, problems = hit
        else:
            cleaned, problems = clean_capture(path, data, entry, str(path))
        records.append(CleanedCapture(path, entry, cleaned, tuple(problems)))
    cache.close()
    return records
