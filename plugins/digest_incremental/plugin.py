"""Incremental builds: reuse an article page from the previous output when nothing it shows
has changed, instead of rendering it again.

Pelican 4.12 renders and rewrites every page on every build. With ``DIGEST_PREVIOUS_OUTPUT``
set (``make html`` sets it to the current output/), this writer keeps a manifest of each article
page's fingerprint (see fingerprint.py) beside the output and, on the next build, reuses a page
whose fingerprint is unchanged from the previous output (a hard link where the file system
allows, else a copy). Topic and entity pages are reused the same way (there are over a
thousand, each listing its articles). The other listings (home,
topic and entity indexes, timeline, archive, search index) are always rendered: they are few,
and they show everything.
A change to the theme, the plugins, the settings or the set of topics, entities and pages
changes the base of every fingerprint, so nothing stale survives it. Publishing leaves the
setting unset and renders everything.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from .fingerprint import (
    Memo,
    article_fingerprint,
    files_digest,
    project,
    settings_digest,
    term_fingerprint,
)

log = logging.getLogger(__name__)

MANIFEST = ".digest-pages.json"


class IncrementalWriter(Writer):
    """Pelican's writer, which copies unchanged article pages from the previous output."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        settings = settings or {}
        previous = settings.get("DIGEST_PREVIOUS_OUTPUT") or None
        self.previous = Path(previous) if previous else None
        self.old: dict[str, str] = {}
        if self.previous and (self.previous / MANIFEST).is_file():
            try:
                self.old = json.loads((self.previous / MANIFEST).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.old = {}
        self.new: dict[str, str] = {}
        self.base = ""
        self.reused = 0
        self.memo: Memo = {}
        self._linked: set[str] = set()  # output files that are hard links to the previous site

    def _base(self, context: dict[str, Any]) -> str:
        if not self.base:
            root = Path(__file__).resolve().parent.parent
            structure = project([
                context.get("digest_topics", []), context.get("digest_entities", []),
                context.get("pages", []),
            ])
            taxonomy = Path(str(self.settings.get("DIGEST_TAXONOMY", "")))
            self.base = "|".join((
                # theme and plugin code, the pinned packages (Pelican, Jinja, markdown-it), and
                # the taxonomy (a page shows an entity's kind, a topic's description, ...)
                files_digest([Path(self.settings["THEME"]), root, root.parent / "requirements.lock",
                              *([taxonomy] if taxonomy.is_file() else [])]),
                settings_digest(self.settings),
                # hashed: the base goes into every page's fingerprint, the repr is ~100 KB
                hashlib.sha256(repr(structure).encode("utf-8")).hexdigest(),
            ))
        return self.base

    def _fingerprint(self, name: Any, template: Any, context: dict[str, Any],
                     kwargs: dict[str, Any]) -> str | None:
        """The fingerprint of an article, topic or entity page; None for any other page."""
        kind = getattr(template, "name", "")
        if not name:
            return None
        if kind == "article.html" and kwargs.get("article") is not None:
            return article_fingerprint(kwargs["article"], self._base(context), name, self.memo)
        for key in ("topic", "entity"):
            if kind == f"{key}.html" and kwargs.get(key) is not None:
                return term_fingerprint(kwargs[key], self._base(context), name, self.memo)
        return None

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   relative_urls: bool = False, paginated: Any = None,
                   template_name: Any = None, override_output: bool = False,
                   url: Any = None, **kwargs: Any) -> Any:
        fingerprint = self._fingerprint(name, template, context, kwargs)
        if fingerprint is None:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        self.new[name] = fingerprint
        source = self.previous / name if self.previous else None
        if source and self.old.get(name) == fingerprint and source.is_file():
            # the path Pelican itself would write, so that its overwrite checks see this page
            target = Path(sanitised_join(self.output_path, name))
            target.parent.mkdir(parents=True, exist_ok=True)
            self._reuse(source, target)
            self.reused += 1
            # listeners (the sitemap) must hear about a reused page as about a rendered one
            localcontext = {**context, "output_file": name, **kwargs}
            signals.content_written.send(str(target), context=localcontext)
            return None
        return super().write_file(name, template, context, relative_urls, paginated,
                                  template_name, override_output, url, **kwargs)

    def _reuse(self, source: Path, target: Path) -> None:
        """Put the previous build's page in the new output: a hard link where the file system
        allows (the new output sits beside the old one; thousands of pages are linked in the
        time a few hundred are copied), else a copy."""
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
            return
        path = str(target)
        self._linked.add(path)
        # a second write of this name fails (or is skipped) as in a full build
        self._written_files.add(path)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if filename in self._linked:
            # a linked page about to be written over: give the new output its own copy first,
            # so that the write never reaches the previous site's file (still being served)
            self._linked.discard(filename)
            private = f"{filename}.digest-tmp"
            shutil.copyfile(filename, private)
            os.replace(private, filename)
        return super()._open_w(filename, encoding, override)

    def _add_item_to_the_feed(self, feed: Any, item: Any) -> None:
        # Pelican's feed code takes a title and summary to be HTML (it strips tags from the
        # title and writes the summary as <summary type="html">); ours are plain text from the
        # reader's header, which a capture can fill with "<img onerror=...>". Hand it the text
        # escaped, so feed readers show it as written and never as markup.
        super()._add_item_to_the_feed(feed, _EscapedText(item))

    def finish(self) -> None:
        (Path(self.output_path) / MANIFEST).write_text(
            json.dumps(self.new, sort_keys=True, indent=0), encoding="utf-8"
        )
        if self.previous:
            log.info("digest_incremental: %d article, topic and entity pages reused, %d rendered",
                     self.reused, len(self.new) - self.reused)


class _EscapedText:
    """An article as Pelican's feed code sees it: title and summary HTML-escaped, the whole
    article as content with a first line saying where it came from (outlet, linked to the
    original when its address is known; byline; date), and no author when the byline is
    unknown (Pelican would write an empty <author>)."""

    def __init__(self, item: Any) -> None:
        self._item = item
        self.title = html.escape(str(item.title), quote=False)
        self.summary = html.escape(str(item.summary), quote=False)
        authors = [str(a) for a in getattr(item, "authors", None) or []]
        self.author = ", ".join(authors) if authors else None

    def get_content(self, siteurl: str) -> str:
        return source_line(self._item) + str(self._item.get_content(siteurl))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._item, name)


def source_line(item: Any) -> str:
    """'<p>First published by <a href=...>Outlet</a> · By A. Writer · 18 August 2022</p>':
    the facts a feed reader shows nowhere else, each left out when unknown. Captured text,
    escaped."""
    outlet = getattr(item, "outlet", None)
    url = getattr(item, "source_url", None)
    if not (isinstance(url, str) and url.lower().startswith(("http://", "https://"))):
        url = None
    parts = []
    if outlet or url:
        name = html.escape(str(outlet or "the original"), quote=False)
        where = f'<a href="{html.escape(url)}">{name}</a>' if url else name
        parts.append(f"First published by {where}" if outlet else f"Read {where}")
    authors = [str(a) for a in getattr(item, "authors", None) or []]
    if authors:
        parts.append("By " + html.escape(", ".join(authors), quote=False))
    date = getattr(item, "locale_date", None)
    if date:
        parts.append(html.escape(str(date), quote=False))
    return f"<p><em>{' · '.join(parts)}</em></p>\n" if parts else ""


_writers: list[IncrementalWriter] = []


def get_writer(pelican: Any) -> type[Writer]:
    return _TrackedWriter


class _TrackedWriter(IncrementalWriter):
    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings)
        _writers.append(self)


def finalized(pelican: Any) -> None:
    while _writers:
        _writers.pop().finish()


def register() -> None:
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finalized)
    os.environ.setdefault("DIGEST_INCREMENTAL", "1")
