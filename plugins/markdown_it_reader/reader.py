"""A Pelican reader for Markdown with a YAML header, rendered by markdown-it-py.

Raw HTML is off: whatever a capture contains is shown as text, never as markup. The YAML
header is parsed with ``yaml.safe_load`` (no Python objects) and goes through Pelican's own
metadata processors, so dates, slugs and authors behave as with Pelican's readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from pelican import signals
from pelican.readers import BaseReader
from pelican.urlwrappers import Author

FENCE = "---"
# libyaml's parser when the platform has it (several times faster); same safe subset.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _number_blocks(state: StateCore) -> None:
    """Give top-level paragraphs and headings ids b0, b1, ... so the timeline can link to them."""
    index = 0
    for token in state.tokens:
        if token.level == 0 and token.type in ("paragraph_open", "heading_open"):
            token.attrSet("id", f"b{index}")
            index += 1


def make_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.core.ruler.push("number_blocks", _number_blocks)
    return md


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Return (header, body). A file without a header has an empty one."""
    text = text.removeprefix("\ufeff")
    if not text.startswith(FENCE + "\n"):
        return {}, text
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end == -1:
        raise ValueError(f"{source}: the YAML header opened by '---' is never closed")
    header = yaml.load(text[len(FENCE) + 1 : end], Loader=_SafeLoader) or {}
    if not isinstance(header, dict):
        raise ValueError(f"{source}: the YAML header must be a mapping of keys to values")
    return header, text[end + len(FENCE) + 2 :]


class MarkdownItReader(BaseReader):
    """Reads ``.md`` files; registered for Pelican's ``md`` and ``markdown`` extensions."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self._md = make_renderer()

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        text = Path(source_path).read_text(encoding="utf-8")
        header, body = split_front_matter(text, source_path)
        metadata: dict[str, Any] = {}
        for key, value in header.items():
            name = str(key).lower()
            if value is None:
                continue
            if name == "authors":
                metadata[name] = [Author(str(a), self.settings) for a in value]
            elif name in ("date", "modified", "slug", "status", "category", "author"):
                metadata[name] = self.process_metadata(name, str(value))
            else:
                metadata[name] = value
        return self._md.render(body), metadata


class _DisabledExceptOurs(dict[str, Any]):
    """Pelican lists its own Markdown reader as disabled (Python-Markdown is not installed) and
    warns for every .md file, which --fatal warnings turns into a failed build. The extensions
    we read are not disabled, so they never enter this mapping."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in MarkdownItReader.file_extensions:
            super().__setitem__(key, value)


def add_reader(readers: Any) -> None:
    for ext in MarkdownItReader.file_extensions:
        readers.reader_classes[ext] = MarkdownItReader
    readers.disabled_readers = _DisabledExceptOurs(readers.disabled_readers)


def register() -> None:
    signals.readers_init.connect(add_reader)
