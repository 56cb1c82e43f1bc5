"""Write an Article as Markdown with a YAML metadata header, for the Pelican reader.

Captured text is hostile: it may contain ``# heading``, ``[x](javascript:...)``, ``<script>``,
``---`` or ``Title: ...``. The header is produced by a YAML serializer (never string-built) and
every body character that Markdown could read as markup is backslash-escaped, so the page shows
the captured text exactly, as text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .model import Article, Event, Fact

#: Every ASCII punctuation character that can start or close a CommonMark construct inline.
#: Prose punctuation that cannot (. , ; : ? ' " / % $ @ and the like) is left alone, except at
#: the start of a line (below), so that the Markdown stays readable.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&!|~{}#])")
#: At the start of a line these open block constructs: headings, lists, quotes, rules, tables.
_LINE_START_SPECIAL = re.compile(r"^([#>+\-=:|])")
#: "1." or "1)" at the start of a line would become an ordered list.
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])")

SUMMARY_WORDS = 50

# libyaml's emitter when the platform has it (several times faster); same safe subset.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def escape_markdown(text: str) -> str:
    """Escape text so that markdown-it renders it literally, on one line."""
    text = " ".join(text.split())  # a paragraph is one line: no accidental blocks or code
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_SPECIAL.sub(r"\\\1", text)
    return _ORDERED_LIST.sub(r"\1\\\2", text)


def summary_of(article: Article) -> str:
    """The dek when known, else the first paragraph cut at a word boundary."""
    if article.metadata.dek.value:
        return article.metadata.dek.value
    for block in article.blocks:
        if block.kind == "paragraph":
            words = block.text.split()
            cut = " ".join(words[:SUMMARY_WORDS])
            return cut + (" …" if len(words) > SUMMARY_WORDS else "")
    return ""


def _provenance(article: Article) -> dict[str, str]:
    meta = article.metadata
    facts: dict[str, Fact[Any]] = {
        "title": meta.title,
        "dek": meta.dek,
        "authors": meta.authors,
        "outlet": meta.outlet,
        "date": meta.published,
        "url": meta.url,
    }
    return {name: fact.source for name, fact in facts.items()}


def event_header(event: Event) -> dict[str, Any]:
    """One event of the ``events`` header (read by the timeline plugin); the flags and the
    clause only when they say something."""
    header: dict[str, Any] = {
        "start": event.start.isoformat(),
        "end": event.end.isoformat() if event.end else None,
        "sentence": event.sentence,
        "block": event.block,
        "index": event.index,
        "precision": event.precision,
    }
    optional = {"clause": event.clause, "inferred": event.inferred, "edited": event.edited,
                "mark": list(event.mark) if event.mark else None}
    header.update({k: v for k, v in optional.items() if v})
    return header


def front_matter(article: Article) -> dict[str, Any]:
    """The metadata header as plain data (strings, lists, dicts), ready for YAML."""
    meta = article.metadata
    header: dict[str, Any] = {
        "title": meta.title.value,
        "slug": article.slug,
        "date": meta.published.value.isoformat() if meta.published.value else None,
        "capture": article.source,
        "summary": summary_of(article),
        "provenance": _provenance(article),
        "topics": list(article.topics),
        "lead_topics": list(article.lead_topics),
        "entities": [slug for slug, _ in article.entities],
        "entity_mentions": {slug: count for slug, count in article.entities},
        "entity_quotes": {slug: list(q) for slug, q in article.entity_quotes},
    }
    optional: dict[str, Any] = {
        "dek": meta.dek.value,
        "outlet": meta.outlet.value,
        "authors": list(meta.authors.value) if meta.authors.value else None,
        "source_url": meta.url.value,
        "note": article.note,
        "also_from": list(article.also_from) or None,
        "events": [event_header(e) for e in article.events] or None,
    }
    header.update({k: v for k, v in optional.items() if v is not None})
    return header


def body_markdown(article: Article) -> str:
    """Paragraphs and subheadings; each block gets an id-able position for timeline links."""
    parts = []
    for block in article.blocks:
        text = escape_markdown(block.text)
        if not text:
            continue
        parts.append(f"## {text}" if block.kind == "subhead" else text)
    return "\n\n".join(parts) + "\n"


def render_article(article: Article) -> str:
    header = yaml.dump(
        front_matter(article), Dumper=_SafeDumper, sort_keys=True, allow_unicode=True,
        width=1_000_000, default_flow_style=False,
    )
    return f"---\n{header}---\n\n{body_markdown(article)}"
