"""URL slugs: safe, bounded, unique and stable."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from slugify import slugify

#: Long enough to say what the article is, short enough for a file name on every system.
MAX_SLUG_LENGTH = 80


def base_slug(title: str | None, fallback: str) -> str:
    """ASCII words joined by hyphens; never empty, never '..', '/' or a control character."""
    slug = slugify(title or "", max_length=MAX_SLUG_LENGTH, word_boundary=True, save_order=True)
    if not slug:
        slug = slugify(fallback, max_length=MAX_SLUG_LENGTH) or "article"
    return slug


def _suffix(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:8]


def unique_slugs(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each (source, wanted slug) to a unique slug.

    When two captures want the same slug, every one of them gets a suffix derived from its own
    capture name, so no article's URL depends on the order of the others.
    """
    pairs = sorted(items)
    wanted_count: dict[str, int] = {}
    for _, slug in pairs:
        wanted_count[slug] = wanted_count.get(slug, 0) + 1
    result: dict[str, str] = {}
    for source, slug in pairs:
        if wanted_count[slug] > 1:
            slug = f"{slug[: MAX_SLUG_LENGTH - 9]}-{_suffix(source)}"
        result[source] = slug
    return result
