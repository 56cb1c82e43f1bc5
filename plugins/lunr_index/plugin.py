"""Pelican adapter for the search index: articles in, index files out.

All the work is in ``builder.py`` (no Pelican there). This module merges and checks the
``SEARCH_*`` settings once, turns Pelican articles into :class:`SearchRecord`, and writes the
files from a Generator (run after the articles generator, so the articles are in the context).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import multiprocessing
import os
import pickle
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from html import unescape
from html.parser import HTMLParser
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, cast

from pelican import signals
from pelican.generators import Generator

from .builder import (
    DEFAULT_DOC_CHUNK,
    DEFAULT_FIELDS,
    DEFAULT_PREFETCH_MAX_BYTES,
    DEFAULT_PREFETCH_TEXT_MAX_BYTES,
    DEFAULT_SHARD_CHARS,
    DEFAULT_TEXT_CHUNK,
    AnalysisMemo,
    IndexOptions,
    SearchIndexError,
    SearchRecord,
    build,
)

log = logging.getLogger(__name__)

#: What the last build worked out (see Memo), in Pelican's CACHE_PATH.
MEMO_FILE = "lunr-memo.pickle"

DEFAULTS: dict[str, Any] = {
    # the core index file; the document store and postings shards are written beside it
    "SEARCH_INDEX_SAVE_AS": "search/index.json",
    # lunr.js from npm, copied into the site at build time (never committed)
    "SEARCH_LUNR_JS": "node_modules/lunr/lunr.min.js",
    # where search-worker.js (THEME_STATIC_DIR/js/) finds it: importScripts("lunr.min.js")
    "SEARCH_LUNR_JS_SAVE_AS": "theme/js/lunr.min.js",
    # lunr-languages' Russian stemmer (RUSSIAN_STEMMER_JS), from npm like lunr.js and copied
    # beside lunr.min.js: the worker fetches it there on the first Cyrillic word it stems
    "SEARCH_LUNR_LANGUAGES_DIR": "node_modules/lunr-languages/min",
    # (field, boost) pairs, in index order
    "SEARCH_FIELDS": DEFAULT_FIELDS,
    # raw characters of postings per shard file
    "SEARCH_SHARD_CHARS": DEFAULT_SHARD_CHARS,
    # documents per document-store chunk (results on screen fetch their chunks)
    "SEARCH_DOC_CHUNK": DEFAULT_DOC_CHUNK,
    # documents per passage-store chunk (results on screen fetch their chunks: their snippets)
    "SEARCH_TEXT_CHUNK": DEFAULT_TEXT_CHUNK,
    # fetch the whole index in the background after the first result when it is at most this
    # many bytes uncompressed (0 = never; bigger indexes are fetched on demand only)
    "SEARCH_PREFETCH_MAX_BYTES": DEFAULT_PREFETCH_MAX_BYTES,
    # then the passages too, when the index and they are at most this many bytes together
    "SEARCH_PREFETCH_TEXT_MAX_BYTES": DEFAULT_PREFETCH_TEXT_MAX_BYTES,
    # also write the plain lunr serialisation here ("" = don't): the baseline for benchmarks
    "SEARCH_PLAIN_INDEX_SAVE_AS": "",
    # build the index in a forked process while Pelican renders the pages (Linux only);
    # False builds it in the build's own process (to profile it, say)
    "SEARCH_BUILD_IN_BACKGROUND": True,
}
#: The files of SEARCH_LUNR_LANGUAGES_DIR the worker loads (RUSSIAN_FILES in search-worker.js):
#: the Snowball runtime, then the Russian stemmer that needs it.
RUSSIAN_STEMMER_JS = ("lunr.stemmer.support.min.js", "lunr.ru.min.js")

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th"),
        *("tr", "ul"),
    }
)
_SKIP_TAGS = frozenset({"script", "style", "template"})


class SearchSettingsError(ValueError):
    """A SEARCH_* setting the plugin cannot work with."""


class Anchor(str):
    """In a list of text parts: a block element with this id starts here (the reader gives
    every top-level paragraph and heading one: b0, b1, ...). Never text."""

    __slots__ = ()


#: A text part or an anchor.
Part = str


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[Part] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            ident = dict(attrs).get("id")
            if ident and not self._skipping:
                self.parts.append(Anchor(ident))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


#: A start or end tag with well-formed attributes: the only markup in markdown-it's HTML with
#: raw HTML off (text and attribute values come escaped: no "<" or ">" inside either).
_TAG = re.compile(
    r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)"""
    r"""((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*)\s*(/?)>"""
)
#: The id attribute in a plain tag's attributes (values come escaped: unescape them).
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>=`]+))""")
#: Elements whose content HTMLParser reads as raw text (or we skip): left to HTMLParser.
_RAW_TEXT_TAGS = frozenset({"script", "style", "template", "textarea", "title", "xmp",
                            "iframe", "noembed", "noframes", "noscript", "plaintext"})


def _parsed_parts(html: str) -> list[Part]:
    """Text and block breaks of any HTML, by the standard library's parser."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return parser.parts


def _simple_parts(html: str) -> list[Part] | None:
    """_parsed_parts' text for HTML made of plain tags and text only (what the reader writes),
    by one regex instead of HTMLParser, which costs ten times more. The block breaks may differ
    in number (HTMLParser reports <br /> as a start and an end tag), never in place: _lines
    makes the same text of both. None when the HTML holds anything else (comments, raw text
    elements, a "<" that starts no plain tag): then HTMLParser decides."""
    parts: list[Part] = []
    start = tags = 0
    for tag in _TAG.finditer(html):
        tags += 1
        closing, name, attributes, self_closing = tag.groups()
        name = name.lower()
        if name in _RAW_TEXT_TAGS or (closing and (attributes or self_closing)):
            return None
        # HTMLParser hands each run of text between two tags over unescaped on its own
        if tag.start() > start:
            parts.append(unescape(html[start : tag.start()]))
        if name in _BLOCK_TAGS:
            parts.append("\n")
            ident = _ID.search(attributes) if not closing else None
            if ident:
                parts.append(Anchor(unescape(next(g for g in ident.groups() if g is not None))))
        start = tag.end()
    if tags != html.count("<"):  # a "<" that starts no tag: HTMLParser decides what it is
        return None
    if start < len(html):
        parts.append(unescape(html[start:]))
    return parts


def html_to_text(html: str | None) -> str:
    """Visible text of an HTML fragment; block elements become line breaks."""
    return "\n".join(text for _anchor, text in html_passages(html))


#: (anchor id or "", text): see SearchRecord.passages.
Passages = tuple[tuple[str, str], ...]


def html_passages(html: str | None) -> Passages:
    """The visible text of an HTML fragment cut at every block element with an id: (id, its
    text and that of the blocks up to the next one), lines as ``_lines`` makes them. The
    text before the first id goes with "". Joined by line breaks, the texts are exactly
    ``_lines`` of the whole fragment: block starts are line breaks already."""
    if not html:
        return ()
    html = str(html)
    parts = _simple_parts(html)
    return _passages(parts if parts is not None else _parsed_parts(html))


def _passages(parts: Iterable[Part]) -> Passages:
    """Text parts cut at their anchors (see html_passages)."""
    passages: list[tuple[str, str]] = []
    anchor, current = "", []
    for part in parts:
        if isinstance(part, Anchor):
            text = _lines(current)
            if text:
                passages.append((anchor, text))
            anchor, current = str(part), []
        else:
            current.append(part)
    text = _lines(current)
    if text:
        passages.append((anchor, text))
    return tuple(passages)


def _lines(parts: Iterable[str]) -> str:
    """The text as lines with single spaces, empty lines dropped."""
    text = "".join(part for part in parts if not isinstance(part, Anchor))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def check_settings(settings: Mapping[str, Any]) -> list[str]:
    """Every problem with the SEARCH_* settings, each with its fix."""
    problems = []
    for key in ("SEARCH_INDEX_SAVE_AS", "SEARCH_LUNR_JS_SAVE_AS"):
        value = settings.get(key)
        if not isinstance(value, str) or not value or value.startswith("/") or ".." in value:
            problems.append(
                f"pelican.conf.py: {key}={value!r} is not a relative output path. "
                f"Fix: use a path like {DEFAULTS[key]!r}"
            )
    if not str(settings.get("SEARCH_INDEX_SAVE_AS", "")).endswith(".json"):
        problems.append(
            "pelican.conf.py: SEARCH_INDEX_SAVE_AS must end in .json. "
            f"Fix: use {DEFAULTS['SEARCH_INDEX_SAVE_AS']!r}"
        )
    fields = settings.get("SEARCH_FIELDS")
    if (
        not isinstance(fields, list | tuple)
        or not fields
        or not all(
            isinstance(f, list | tuple)
            and len(f) == 2
            and f[0] in SearchRecord.__dataclass_fields__
            and f[0] not in ("id", "url", "date")
            and isinstance(f[1], int)
            and f[1] > 0
            for f in fields
        )
    ):
        problems.append(
            f"pelican.conf.py: SEARCH_FIELDS={fields!r} is not a list of (field, boost). "
            "Fix: fields are title, dek, summary, topics, entities, outlet, body; boosts are "
            "whole numbers >= 1"
        )
    shard = settings.get("SEARCH_SHARD_CHARS")
    if not isinstance(shard, int) or shard < 1000:
        problems.append(
            f"pelican.conf.py: SEARCH_SHARD_CHARS={shard!r} is too small. Fix: use 1000 or more"
        )
    for key, least in (("SEARCH_DOC_CHUNK", 1), ("SEARCH_TEXT_CHUNK", 1),
                       ("SEARCH_PREFETCH_MAX_BYTES", 0), ("SEARCH_PREFETCH_TEXT_MAX_BYTES", 0)):
        value = settings.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            problems.append(
                f"pelican.conf.py: {key}={value!r} is not a whole number >= {least}. "
                f"Fix: use {DEFAULTS[key]!r}"
            )
    if not isinstance(settings.get("SEARCH_BUILD_IN_BACKGROUND"), bool):
        problems.append(
            "pelican.conf.py: SEARCH_BUILD_IN_BACKGROUND="
            f"{settings.get('SEARCH_BUILD_IN_BACKGROUND')!r} is not True or False. Fix: use True"
        )
    lunr_js = resolve_lunr_js(settings)
    if not lunr_js.is_file():
        problems.append(
            f"pelican.conf.py: SEARCH_LUNR_JS: {lunr_js} not found. Fix: run npm ci "
            "(lunr.js comes from node_modules, never from the repository)"
        )
    missing = [path for path in russian_stemmer_js(settings) if not path.is_file()]
    if missing:
        problems.append(
            f"pelican.conf.py: SEARCH_LUNR_LANGUAGES_DIR: {missing[0]} not found. Fix: run npm "
            "ci (lunr-languages' Russian stemmer comes from node_modules, like lunr.js)"
        )
    return problems


_PROJECT = Path(__file__).resolve().parents[2]  # plugins/lunr_index/plugin.py -> repository


def resolve_lunr_js(settings: Mapping[str, Any]) -> Path:
    """SEARCH_LUNR_JS as given if absolute, else the first that exists of: relative to the
    repository, to the working directory (reported as the repository path if none exists)."""
    return _resolve(Path(str(settings.get("SEARCH_LUNR_JS", ""))))


def russian_stemmer_js(settings: Mapping[str, Any]) -> list[Path]:
    """The RUSSIAN_STEMMER_JS files in SEARCH_LUNR_LANGUAGES_DIR, resolved as SEARCH_LUNR_JS."""
    folder = Path(str(settings.get("SEARCH_LUNR_LANGUAGES_DIR", "")))
    return [_resolve(folder / name) for name in RUSSIAN_STEMMER_JS]


def _resolve(path: Path) -> Path:
    if path.is_absolute():
        return path
    for base in (_PROJECT, Path.cwd()):
        if (base / path).is_file():
            return base / path
    return _PROJECT / path


def init_settings(pelican: Any) -> None:
    """Merge DEFAULTS once and fail early, with every problem listed, if a setting is bad."""
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    # the worker sits in THEME_STATIC_DIR/js/ and loads lunr.min.js from beside it
    static_dir = str(settings.get("THEME_STATIC_DIR", "theme")).strip("/")
    if settings["SEARCH_LUNR_JS_SAVE_AS"] == DEFAULTS["SEARCH_LUNR_JS_SAVE_AS"]:
        settings["SEARCH_LUNR_JS_SAVE_AS"] = f"{static_dir}/js/lunr.min.js"
    settings.setdefault("SEARCH_INDEX_URL", settings["SEARCH_INDEX_SAVE_AS"])
    problems = check_settings(settings)
    if problems:
        raise SearchSettingsError("\n".join(problems))


def _slugs_and_names(values: Any) -> tuple[tuple[str, ...], dict[str, str]]:
    """Topic/entity metadata: slugs (str) or URLWrapper-like objects with .slug and .name."""
    if not values:
        return (), {}
    if isinstance(values, str):
        values = [v.strip() for v in values.split(",") if v.strip()]
    slugs: list[str] = []
    names: dict[str, str] = {}
    for value in values:
        slug = str(getattr(value, "slug", value))
        slugs.append(slug)
        if getattr(value, "name", None):
            names[slug] = str(value.name)
    return tuple(slugs), names


def _terms(front_matter: Any, attached: Any,
           taxonomy: Mapping[str, str] | None) -> tuple[tuple[str, ...], dict[str, str]]:
    """An article's topic or entity slugs, and their names.

    Slugs in the front matter's order, whether or not digest_taxonomy has attached its terms
    yet (it re-sorts entities), so that an index built before and one built after give the
    same bytes; names from the attached terms, else from the taxonomy."""
    slugs, names = _slugs_and_names(front_matter or attached)
    names.update(_slugs_and_names(attached)[1])
    if taxonomy is not None:
        names = {**{slug: taxonomy[slug] for slug in slugs if slug in taxonomy}, **names}
    return slugs, names


def _plain(value: object) -> str:
    return " ".join(str(value).split())


#: Display names by slug, of topics and of entities, from the taxonomy (see TermNames).
TermNames = tuple[Mapping[str, str], Mapping[str, str]]


def record_for(article: Any, memo: Memo | None = None,
               names: TermNames | None = None) -> tuple[SearchRecord, dict[str, str]]:
    """A SearchRecord for a Pelican article, plus the topic labels it knows.

    digest_taxonomy attaches the Topic and Entity objects (with their display names) to each
    article; the front matter alone only has slugs, whose names ``names`` gives when the
    index is built before the terms are attached."""
    metadata = getattr(article, "metadata", {}) or {}
    topics, topic_names = _terms(metadata.get("topics"), getattr(article, "topic_terms", None),
                                 names[0] if names else None)
    entities, entity_names = _terms(metadata.get("entities"),
                                    getattr(article, "entity_terms", None),
                                    names[1] if names else None)
    outlet = metadata.get("outlet") or ""
    date = getattr(article, "date", None)
    if isinstance(date, dt.datetime):
        date = date.date()
    summary = metadata.get("summary") or getattr(article, "summary", "") or ""
    passages = (memo.passages if memo is not None else html_passages)(
        str(getattr(article, "content", "") or ""))
    record = SearchRecord(
        id=str(article.slug),
        url=str(article.url),
        # title, dek, summary and outlet come from our reader's YAML header as plain text
        # (a title may legitimately read "a <b> c"); only the body is HTML
        title=_plain(article.title),
        dek=_plain(metadata.get("dek") or ""),
        summary=_plain(summary),
        topics=topics,
        # index entity names where known ("Vladimir Putin"), else slugs ("vladimir-putin")
        entities=tuple(entity_names.get(slug, slug) for slug in entities),
        outlet=_plain(getattr(outlet, "name", outlet)),
        date=date if isinstance(date, dt.date) else None,
        body="\n".join(text for _anchor, text in passages),
        passages=passages,
    )
    return record, topic_names


def records_for(articles: Iterable[Any], memo: Memo | None = None,
                names: TermNames | None = None) -> tuple[list[SearchRecord], dict[str, str]]:
    records: list[SearchRecord] = []
    labels: dict[str, str] = {}
    for article in articles:
        record, known = record_for(article, memo, names)
        records.append(record)
        labels.update(known)
    return records, labels


def taxonomy_names(settings: Mapping[str, Any]) -> TermNames | None:
    """Topic and entity names from the editor's taxonomy (DIGEST_TAXONOMY, set by
    digest_taxonomy), or None when there is none to read."""
    path = settings.get("DIGEST_TAXONOMY")
    if not path or not Path(str(path)).is_file():
        return None
    from digest.errors import DigestError
    from digest.taxonomy import load_taxonomy

    try:
        taxonomy = load_taxonomy(Path(str(path)))
    except DigestError:
        return None  # digest_taxonomy reports it, and the build stops there
    return ({t.slug: t.name for t in taxonomy.topics},
            {e.slug: e.name for e in taxonomy.entities})


def _analysis_code() -> str:
    """Hash of the code that turns HTML into text and text into terms: a change to it drops
    the memo."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("compat.py", "builder.py", "plugin.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()


def memo_path(settings: Mapping[str, Any]) -> Path | None:
    """Where the memo lives; None (no memo at all) unless this is an incremental build, so
    publish and CI builds stay cache-free, as Pelican's own reader cache does."""
    if not settings.get("DIGEST_PREVIOUS_OUTPUT") or not settings.get("CACHE_PATH"):
        return None
    return Path(settings["CACHE_PATH"]) / MEMO_FILE


class Memo:
    """What the last build worked out, reused: each article's passages by the hash of its
    HTML, each field's analysis by the hash of its text (builder.AnalysisMemo)."""

    def __init__(self, texts: dict[str, Passages] | None = None,
                 analyses: AnalysisMemo | None = None) -> None:
        self.known_texts = texts or {}
        self.texts: dict[str, Passages] = {}
        self.analyses = analyses or AnalysisMemo()

    def passages(self, html: str) -> Passages:
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=16).hexdigest()
        text = self.texts.get(key)
        if text is None:
            text = self.known_texts.get(key)
            if text is None:
                text = html_passages(html)
            self.texts[key] = text
        return text

    @property
    def changed(self) -> bool:
        return self.analyses.changed or self.texts.keys() != self.known_texts.keys()


def load_memo(path: Path | None, code: str) -> Memo | None:
    """The memo of the last build; empty when missing, unreadable or of other code."""
    if path is None:
        return None
    try:
        saved = pickle.loads(path.read_bytes())
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
        return Memo()
    if not isinstance(saved, dict) or saved.get("code") != code:
        return Memo()
    texts, analyses = saved.get("texts"), saved.get("analyses")
    if not isinstance(texts, dict) or not isinstance(analyses, dict):
        return Memo()
    return Memo(texts, AnalysisMemo(analyses))


def save_memo(path: Path | None, code: str, memo: Memo | None) -> None:
    """Keep this build's entries only, so the file never grows; write nothing if unchanged."""
    if path is None or memo is None or not memo.changed:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        data = {"code": code, "texts": memo.texts, "analyses": memo.analyses.used}
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)  # atomic: a build stopped half-way leaves the old memo whole
    except OSError as exc:  # a cache that cannot be written only costs time next build
        log.warning("lunr_index: cannot save %s (%s)", path, exc.strerror)


#: Files of the index: relative name (under the index's folder) -> JSON text; and the plain
#: lunr serialisation, when SEARCH_PLAIN_INDEX_SAVE_AS asks for it.
IndexFiles = tuple[dict[str, str], str | None]


def index_files(articles: list[Any], settings: Mapping[str, Any],
                names: TermNames | None = None) -> IndexFiles:
    """Everything the index writes, worked out from the articles (no file written here but
    the memo in the cache folder)."""
    code, where = _analysis_code(), memo_path(settings)
    memo = load_memo(where, code)
    records, labels = records_for(articles, memo, names)
    built = build(
        records,
        IndexOptions(
            fields=tuple((str(f), int(b)) for f, b in settings["SEARCH_FIELDS"]),
            shard_chars=int(settings["SEARCH_SHARD_CHARS"]),
            doc_chunk=int(settings["SEARCH_DOC_CHUNK"]),
            text_chunk=int(settings["SEARCH_TEXT_CHUNK"]),
            prefetch_max_bytes=int(settings["SEARCH_PREFETCH_MAX_BYTES"]),
            prefetch_text_max_bytes=int(settings["SEARCH_PREFETCH_TEXT_MAX_BYTES"]),
            topic_labels=labels,
        ),
        memo.analyses if memo is not None else None,
    )
    save_memo(where, code, memo)
    plain = None
    if settings.get("SEARCH_PLAIN_INDEX_SAVE_AS"):
        from .builder import dumps, plain_lunr_json

        plain = dumps(plain_lunr_json(built.index))
    return built.files(), plain


def _send_result(work: Callable[[], IndexFiles], conn: Connection) -> None:
    """In the forked process: run the work, send back (True, result) or (False, error)."""
    try:
        result: tuple[bool, Any] = (True, work())
    except BaseException as exc:  # every failure goes back to the build
        result = (False, exc)
    try:
        conn.send(result)
    except Exception as exc:  # an error that cannot be pickled
        conn.send((False, SearchIndexError(f"search index: {exc!r}")))
    finally:
        conn.close()


class BackgroundBuild:
    """``index_files`` in a forked process, started once the articles are final, so that it
    runs on a second core while Pelican renders the pages (the index is ~a third of a cold
    build). Forked, not spawned: the child starts with the articles in memory instead of
    pickling them, and nothing it computes differs from an in-process build."""

    def __init__(self, work: Callable[[], IndexFiles]) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, child_end = context.Pipe(duplex=False)
        # daemon: a build that fails before generate_output does not wait for the index
        self._process = context.Process(target=_send_result, args=(work, child_end),
                                        name="lunr_index", daemon=True)
        self._process.start()
        child_end.close()

    def result(self) -> IndexFiles:
        try:
            ok, value = self._conn.recv()
        except EOFError:
            raise SearchIndexError(
                "search index: the process building it died "
                f"(exit code {self._process.exitcode}). Fix: set SEARCH_BUILD_IN_BACKGROUND "
                "= False to see the error in the build itself") from None
        finally:
            self._conn.close()
            self._process.join()
        if not ok:
            raise value
        return cast(IndexFiles, value)


class SearchIndexGenerator(Generator):
    """Writes the search index and lunr.js into the output."""

    background: BackgroundBuild | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _index_generators.append(self)

    def generate_context(self) -> None:
        """Nothing to add: the index is built from the articles (see start_background)."""

    def indexed_articles(self) -> list[Any]:
        articles = list(self.context.get("articles", []))
        # translations are separate articles in Pelican; each language gets searched as written
        return articles + [t for a in articles for t in a.translations]

    def start_background(self, names: TermNames | None = None) -> None:
        """Start building the index in a forked process, where the platform forks safely
        (once: the first of the two signals that call this starts it)."""
        if (self.background is None and self.settings.get("SEARCH_BUILD_IN_BACKGROUND")
                and _FORK_IS_SAFE):
            articles, settings = self.indexed_articles(), self.settings
            self.background = BackgroundBuild(lambda: index_files(articles, settings, names))

    def generate_output(self, writer: Any) -> None:
        settings = self.settings
        if self.background is not None:
            files, plain = self.background.result()
        else:
            files, plain = index_files(self.indexed_articles(), settings)
        output = Path(self.output_path)
        index_path = output / settings["SEARCH_INDEX_SAVE_AS"]
        folder = index_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        # files of an earlier build (names carry content hashes; phase 1 wrote docs.*.json)
        for stale in set(folder.glob("[pwdft]*.*.json")):
            stale.unlink(missing_ok=True)
        for name, text in files.items():
            target = index_path if name == "index.json" else folder / name
            target.write_text(text, encoding="utf-8")
        if plain is not None:
            target = output / settings["SEARCH_PLAIN_INDEX_SAVE_AS"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plain, encoding="utf-8")
        lunr_target = output / settings["SEARCH_LUNR_JS_SAVE_AS"]
        lunr_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resolve_lunr_js(settings), lunr_target)
        for source in russian_stemmer_js(settings):
            shutil.copyfile(source, lunr_target.with_name(source.name))


#: fork() is the default on Linux and safe in Pelican's single-threaded process; macOS forks
#: unsafely once system frameworks are loaded, and Windows cannot.
_FORK_IS_SAFE = sys.platform.startswith("linux")


_index_generators: list[SearchIndexGenerator] = []


def start_early(articles_generator: Any) -> None:
    """As soon as the articles are read and final (article_generator_finalized), start the
    index, with the topic and entity names read from the taxonomy: it then runs beside the
    topic, entity and timeline work as well as the page rendering (on a one-edit rebuild,
    which renders few pages, the index is what the build waits for)."""
    settings = getattr(articles_generator, "settings", {})
    names = taxonomy_names(settings) if settings.get("SEARCH_BUILD_IN_BACKGROUND") else None
    if names is None:
        return  # no taxonomy to name the terms: start_background starts it later
    for generator in _index_generators:
        if generator.context is articles_generator.context:
            generator.start_background(names)


def start_background(generators: list[Any]) -> None:
    """Once every generator has its context (the articles are final: taxonomy terms
    attached, URLs frozen), start the index if start_early did not; generate_output collects
    it."""
    for generator in generators:
        if isinstance(generator, SearchIndexGenerator):
            generator.start_background()
    _index_generators.clear()


def get_generators(pelican: Any) -> type[Generator]:
    return SearchIndexGenerator


def register() -> None:
    signals.initialized.connect(init_settings)
    signals.get_generators.connect(get_generators)
    signals.article_generator_finalized.connect(start_early)
    signals.all_generators_finalized.connect(start_background)
