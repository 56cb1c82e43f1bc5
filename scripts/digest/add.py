"""`digest add`: put one capture into the digest and tell the editor what the cleaner made of it.

1. read the source: a .txt/.html file, standard input (a paste), or an http(s) address fetched
   once (standard library, with a timeout and a size cap);
2. decode and clean it, with the facts the editor gave (--title, --date, ...) applied;
3. copy the bytes, unchanged, to ``captures/<slug-of-headline>-<short hash>.<ext>`` (never
   written again; the same bytes twice are refused);
4. add an entry to ``curation.yaml``: the given facts, and a commented line for each fact the
   capture lacks. The file is edited as text, appended to, so every comment and the order of
   the other entries stay exactly as the editor left them; the result is parsed again before
   it is saved;
5. return what was found (headline, date, outlet, authors, each with where it came from, line
   counts, problems and warnings) for the CLI to print.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from slugify import slugify

from . import capture as capture_stage
from . import cleaning, doubts
from .curation import CaptureCuration, apply_curation, load_curation
from .errors import DigestError, Problem
from .model import BODY_KINDS, Cleaned, Fact
from .pipeline import ContentPaths, capture_files, required_facts, tag_article
from .taxonomy import Taxonomy, load_taxonomy
from .yamlfile import key_lines, load_yaml, read_yaml_text

#: A page bigger than this is no article (the capture stage's own limit).
MAX_FETCH_BYTES = capture_stage.MAX_CAPTURE_BYTES
#: Seconds to wait for a server before giving up.
FETCH_TIMEOUT = 20.0
#: File names stay readable: the headline's first words, then the hash.
NAME_WORDS_MAX = 60
HASH_CHARS = 8
USER_AGENT = "Mozilla/5.0 (compatible; digest-add/0.1; one page, fetched once by its editor)"


@dataclass(frozen=True)
class Source:
    """A capture's bytes and where they came from."""

    data: bytes
    label: str  # the path, '-' or the address, for messages
    suffix: str  # ".txt" or ".html"
    url: str | None = None  # the address it was fetched from


@dataclass(frozen=True)
class Given:
    """Facts the editor gives on the command line."""

    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Added:
    path: Path  # where the capture was saved
    cleaned: Cleaned
    problems: tuple[Problem, ...]  # what stops it from being published
    warnings: tuple[Problem, ...]
    topics: tuple[str, ...]


# --- 1. sources ------------------------------------------------------------------------------

def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def read_source(source: str, stdin: Any = None) -> Source:
    """A file, '-' (``stdin``, a binary stream) or an http(s) address."""
    if source == "-":
        assert stdin is not None
        data = stdin.read(MAX_FETCH_BYTES + 1)
        return Source(data, "standard input", _suffix_of(data, ".txt"))
    if is_url(source):
        return fetch(source)
    path = Path(source)
    if path.suffix.lower() not in (".txt", ".html", ".htm"):
        raise DigestError.one(path, "", "not a capture (a capture is a .txt or .html file)",
                              "save the page's text as .txt or the page as .html, or give "
                              "'-' and paste the text")
    try:
        size = path.stat().st_size
        if size > MAX_FETCH_BYTES:
            raise capture_stage._too_large(path, size)
        data = path.read_bytes()
    except OSError as exc:
        raise DigestError.one(path, "", f"cannot read the file ({exc.strerror})",
                              "check the path") from exc
    return Source(data, str(path), ".txt" if path.suffix.lower() == ".txt" else ".html")


def _suffix_of(data: bytes, default: str) -> str:
    head = data[:4096].lstrip().lower()
    return ".html" if head.startswith((b"<!doctype html", b"<html")) else default


def fetch(url: str, timeout: float = FETCH_TIMEOUT) -> Source:
    """Fetch ``url`` once; HTML is saved as .html, plain text as .txt; anything else refused."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,text/plain;q=0.9"})

    def fail(why: str, fix: str = "check the address, or save the page from the browser "
             "(select all, copy into a .txt file) and add that file") -> DigestError:
        return DigestError.one(url, "", f"cannot fetch the page: {why}", fix)

    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            data = response.read(MAX_FETCH_BYTES + 1)
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise fail(f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise fail(str(exc.reason)) from exc
    except (TimeoutError, OSError) as exc:
        raise fail(f"no answer within {timeout:g} seconds" if isinstance(exc, TimeoutError)
                   else str(exc)) from exc
    if len(data) > MAX_FETCH_BYTES:
        raise fail(f"the page is larger than {MAX_FETCH_BYTES // (1024 * 1024)} MB")
    if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise fail(f"it is {kind}, not a web page")
    suffix = ".txt" if kind == "text/plain" else ".html"
    return Source(data, url, suffix, url=final if is_url(final) else url)


# --- 2.-3. cleaning and the capture's name ---------------------------------------------------

def capture_name(headline: str | None, data: bytes, suffix: str, name: str | None) -> str:
    """``<slug of the headline>-<short hash>.<ext>``; ``name`` replaces the headline."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_CHARS]
    words = slugify(name or headline or "", max_length=NAME_WORDS_MAX, word_boundary=True,
                    save_order=True) or "capture"
    return f"{words}-{digest}{suffix}"


def _curation_entry(given: Given, url: str | None) -> CaptureCuration:
    return CaptureCuration(title=given.title, date=given.date, outlet=given.outlet,
                           url=given.url or url)


def add_capture(root: Path, source: Source, given: Given,
                today: dt.date | None = None) -> Added:
    """Save ``source`` as a capture of the digest in ``root`` and record it in curation.yaml."""
    paths = ContentPaths(root)
    if not paths.captures.is_dir():
        raise DigestError.one(paths.captures, "", "no captures folder here",
                              "run '.venv/bin/digest init' first, or pass '--content FOLDER'")
    for existing in capture_files(paths.captures):
        if existing.stat().st_size == len(source.data) and existing.read_bytes() == source.data:
            raise DigestError.one(source.label, "", f"already in the digest as {existing}",
                                  "nothing to do (edit its entry in curation.yaml instead)")
    # the editor's files must be sound before anything is written
    taxonomy = load_taxonomy(paths.taxonomy)
    names = [p.name for p in capture_files(paths.captures)]
    load_curation(paths.curation, names, taxonomy.topic_slugs)

    entry = _curation_entry(given, source.url)
    probe = Path(f"capture{source.suffix}")
    cleaned = cleaning.clean(capture_stage.decode_capture(source.data, probe))
    headline = given.title or cleaned.metadata.title.value
    outlet = given.outlet or cleaned.metadata.outlet.value
    if headline and not given.title:
        # "Review | MoreBikes" names the file after "Review"; one named after "Share on:
        # Facebook" helps nobody: capture-<hash>
        headline = doubts.without_site_name(headline, outlet) if outlet else headline
        if doubts.headline_doubt(headline, cleaned.metadata):
            headline = None
    name = capture_name(headline, source.data, source.suffix, given.name)
    target = paths.captures / name
    if target.exists():
        raise DigestError.one(target, "", "a different capture already has this name",
                              "choose another '--name'")
    cleaned = apply_curation(cleaned, entry, name)
    cleaned = dataclasses.replace(
        cleaned, capture=dataclasses.replace(cleaned.capture, path=target, name=name))

    text = curation_with_entry(paths.curation, name, entry, cleaned, source.label)
    with target.open("xb") as out:  # never over an existing file
        out.write(source.data)
    try:
        _write_text(paths.curation, text)
    except OSError:
        target.unlink()
        raise
    return report_added(target, cleaned, entry, taxonomy, today or dt.date.today())


def report_added(target: Path, cleaned: Cleaned, entry: CaptureCuration, taxonomy: Taxonomy,
                 today: dt.date) -> Added:
    problems = tuple(required_facts(cleaned, str(target)))
    article = None if problems else tag_article(cleaned, entry, taxonomy)
    warnings = doubts.all_doubts(cleaned, article, str(target), today)
    return Added(target, cleaned, problems, warnings, article.topics if article else ())


# --- 4. curation.yaml, edited as text ----------------------------------------------------------

#: what a missing fact's commented line says
PLACEHOLDERS = {
    "title": ('title: "..."', "REQUIRED: no headline found in the capture"),
    "date": ("date: YYYY-MM-DD", "REQUIRED: no publication date found in the capture"),
    "dek": ('dek: "..."', "no standfirst found (optional)"),
    "outlet": ('outlet: "..."', "no outlet found"),
    "authors": ('authors: ["..."]', "no author found"),
    "url": ('url: "https://..."', "the original address, if known"),
}


def _yaml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def entry_lines(name: str, entry: CaptureCuration, cleaned: Cleaned, label: str,
                indent: str) -> list[str]:
    """The entry's lines: given facts, then commented placeholders for the missing ones."""
    inner = indent * 2
    out = [f"{indent}{name}:  # added from {label}"]
    given = {"title": entry.title, "date": entry.date, "outlet": entry.outlet, "url": entry.url}
    for key in ("title", "date", "outlet", "url"):
        value = given[key]
        if value is None:
            continue
        shown = value.isoformat() if isinstance(value, dt.date) else _yaml_text(str(value))
        out.append(f"{inner}{key}: {shown}")
    meta = cleaned.metadata
    found: dict[str, Fact[Any]] = {"title": meta.title, "date": meta.published, "dek": meta.dek,
             "outlet": meta.outlet, "authors": meta.authors, "url": meta.url}
    for key, (placeholder, why) in PLACEHOLDERS.items():
        if not found[key].known:
            out.append(f"{inner}# {placeholder}  # {why}")
    return out


def _indent_of(text: str) -> str:
    """The indentation of the capture names in an existing file (two spaces by default)."""
    lines = key_lines(text)
    numbers = [n for path, n in lines.items() if len(path) == 2 and path[0] == "captures"]
    if numbers:
        line = text.splitlines()[min(numbers) - 1]
        width = len(line) - len(line.lstrip(" "))
        if width:
            return " " * width
    return "  "


def curation_with_entry(path: Path, name: str, entry: CaptureCuration, cleaned: Cleaned,
                        label: str) -> str:
    """The new text of curation.yaml: the old text unchanged, the entry appended."""
    from .scaffold import CURATION_TEMPLATE

    text = read_yaml_text(path) if path.exists() else CURATION_TEMPLATE
    data = load_yaml(path, text)
    lines = text.splitlines()
    if data is None:
        lines.append("captures:")
    elif not isinstance(data, dict) or set(data) != {"captures"}:
        raise DigestError.one(path, "", "cannot add an entry: the file holds more than "
                              "'captures:'", "fix the file as 'make check' says, then add again")
    elif data["captures"] is None or data["captures"] == {}:
        line = key_lines(text)[("captures",)]
        # 'captures: {}' (or 'captures:') becomes the block mapping the entry goes under
        lines[line - 1] = re.sub(r"^captures:\s*(?:\{\s*\})?", "captures:", lines[line - 1])
    elif not isinstance(data["captures"], dict):
        raise DigestError.one(path, "", "'captures' is not a mapping",
                              "fix the file as 'make check' says, then add again")
    elif _flow_mapping(text):
        raise DigestError.one(path, "", "'captures' is written on one line ({...})",
                              "write one capture per line under 'captures:', then add again")
    new = "\n".join([*lines, *entry_lines(name, entry, cleaned, label, _indent_of(text))]) + "\n"
    # the edit must give exactly the old entries plus this one
    after = load_yaml(path, new)
    old_entries = (data or {}).get("captures") or {}
    assert isinstance(after, dict)
    if dict(after.get("captures") or {}) != {**old_entries, name: after["captures"].get(name)} \
            or name not in after["captures"]:
        raise DigestError.one(path, "", "cannot add the entry without changing the others "
                              "(unusual indentation?)", f"add '{name}:' under 'captures:' by hand")
    return new


def _flow_mapping(text: str) -> bool:
    return bool(re.search(r"^captures:\s*\{", text, re.MULTILINE))


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


# --- 5. what to tell the editor ----------------------------------------------------------------

def describe(added: Added) -> list[str]:
    """The lines `digest add` prints for one capture."""
    meta = added.cleaned.metadata
    lines = added.cleaned.lines
    kept = sum(1 for line in lines if line.kind in BODY_KINDS)
    unsure = sum(1 for line in lines if line.kind == "unsure")
    dropped = sum(1 for line in lines if line.kind not in BODY_KINDS and line.kind != "blank")

    def fact(label: str, value: object, source: str) -> str:
        if value is None or value == ():
            return f"  {label:9s} not found"
        if isinstance(value, tuple):
            value = ", ".join(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        return f"  {label:9s} {value}  (from {source})"

    out = [f"added {added.path}",
           fact("headline", meta.title.value, meta.title.source),
           fact("date", meta.published.value, meta.published.source),
           fact("outlet", meta.outlet.value, meta.outlet.source),
           fact("authors", meta.authors.value, meta.authors.source),
           f"  lines     kept {kept}, dropped {dropped}, unsure {unsure}"
           f" (confidence {added.cleaned.confidence:.2f})",
           f"  topics    {', '.join(added.topics) if added.topics else 'none'}"]
    for p in added.problems:
        out.append(f"  PROBLEM: {p.problem}. Fix: {p.fix}")
    for w in added.warnings:
        out.append(f"  warning{' at ' + w.where if w.where else ''}: {w.problem}. Fix: {w.fix}")
    return out
