"""Incremental builds: reuse an article page from the previous output when nothing it shows
has changed, instead of rendering it again.

Pelican 4.12 renders and rewrites every page on every build. With ``DIGEST_PREVIOUS_OUTPUT``
set (``make html`` sets it to the current output/), this writer keeps a manifest of each article
page's fingerprint (see fingerprint.py) beside the output and, on the next build, copies a page
whose fingerprint is unchanged from the previous output. Topic and entity pages are reused the
same way (there are over a thousand, each listing its articles). The other listings (home,
topic and entity indexes, timeline, archive, search index) are always rendered: they are few,
and they show everything.
A change to the theme, the plugins, the settings or the set of topics, entities and pages
changes the base of every fingerprint, so nothing stale survives it. Publishing leaves the
setting unset and renders everything.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from pelican import signals
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

    def _base(self, context: dict[str, Any]) -> str:
        if not self.base:
            root = Path(__file__).resolve().parent.parent
            structure = project([
                context.get("topics", []), context.get("entities", []),
                context.get("pages", []),
            ])
            self.base = "|".join((
                files_digest([Path(self.settings["THEME"]), root]),  # theme and plugin code
                settings_digest(self.settings),
                repr(structure),
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
            target = Path(self.output_path) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            self.reused += 1
            # listeners (the sitemap) must hear about a reused page as about a rendered one
            localcontext = {**context, "output_file": name, **kwargs}
            signals.content_written.send(str(target), context=localcontext)
            return None
        return super().write_file(name, template, context, relative_urls, paginated,
                                  template_name, override_output, url, **kwargs)

    def finish(self) -> None:
        (Path(self.output_path) / MANIFEST).write_text(
            json.dumps(self.new, sort_keys=True, indent=0), encoding="utf-8"
        )
        if self.previous:
            log.info("digest_incremental: %d article, topic and entity pages reused, %d rendered",
                     self.reused, len(self.new) - self.reused)


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
