"""Make pelican-sitemap's ``<lastmod>`` reproducible.

pelican-sitemap dates pages that are not articles or pages (index, archives, topic and entity
pages, the timeline) with the clock at import time, so two builds of the same content differ.
Those pages change when an article is added or changed, so their honest last modification is
the newest article's date: set the sitemap's clock to that, once the articles are known.
"""

from __future__ import annotations

from typing import Any

from pelican import signals


def pin_sitemap_clock(generators: list[Any]) -> None:
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:  # the sitemap plugin is not installed: nothing to pin
        return
    dates = [
        getattr(article, "modified", None) or article.date
        for generator in generators
        for article in getattr(generator, "articles", [])
    ]
    if dates:
        sitemap.generator.now = max(dates)


def register() -> None:
    signals.all_generators_finalized.connect(pin_sitemap_clock)
