"""What an article page depends on, reduced to one hash (pure: no Pelican import).

An article page shows the article itself, its topics and entities, its related articles and
its neighbours, inside the theme's templates and the site's settings. Other articles reach it
only through those links, so they enter the hash through a short projection (url, title, date,
summary, outlet), not whole: editing one article's body re-renders that article and the pages
that show its summary, not the whole site.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

#: attributes of a linked article that a page may show (article cards show authors too)
LINKED_FIELDS = ("url", "title", "date", "summary", "outlet", "dek", "authors")
#: attributes of the page's own article that are not in its metadata
OWN_FIELDS = ("url", "title", "date", "summary", "_content", "slug")
#: attributes our plugins attach to an article for its page (plugins/digest_taxonomy,
#: pelican-neighbors); a new one must be listed here or its changes go unseen
LINK_ATTRIBUTES = ("topic_terms", "lead_topic_terms", "entity_terms", "related_articles",
                   "prev_article", "next_article")


def _is_content(value: object) -> bool:
    return hasattr(value, "_content") and hasattr(value, "url")


def _is_term(value: object) -> bool:
    return hasattr(value, "slug") and hasattr(value, "name") and hasattr(value, "url")


#: A linked article or term is projected once per build, not once per page linking to it
#: (related lists, neighbours, topic and entity listings: ~40 times each). Keyed by id(),
#: holding the object itself so that its id cannot be reused while the entry lives.
Memo = dict[int, tuple[Any, tuple[str, ...]]]


#: Tuples, not ``str | int | ...`` unions: a union in isinstance() is built on every call, and
#: project() runs ~100 times per page.
_PLAIN = (str, int, float, bool, type(None), dt.date)
_SEQUENCES = (list, tuple, set, frozenset)
_SETS = (set, frozenset)


def project(value: Any, depth: int = 0, memo: Memo | None = None) -> Any:
    """A stable, hashable stand-in for a value a template might show."""
    # plain values first: they are most of what is projected, and cheapest to recognise
    if isinstance(value, _PLAIN):
        return value
    hit = memo.get(id(value)) if memo is not None else None
    if hit is not None and hit[0] is value:
        return hit[1]
    projected: tuple[str, ...]
    if _is_content(value):
        # a digest, not the fields: a listing's projection then costs ~70 characters per
        # article to repr and hash, instead of the whole summary again on every page
        projected = ("content", text_digest(*(str(getattr(value, f, "")) for f in LINKED_FIELDS)))
    elif _is_term(value):
        projected = ("term", value.name, value.slug, value.url)
    else:
        return _project_container(value, depth, memo)
    if memo is not None:
        memo[id(value)] = (value, projected)
    return projected


def _project_container(value: Any, depth: int, memo: Memo | None) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), project(v, depth + 1, memo)) for k, v in value.items()))
    if isinstance(value, _SEQUENCES) and depth < 4:
        items = [project(v, depth + 1, memo) for v in value]
        unordered = isinstance(value, _SETS)
        return tuple(sorted(items, key=repr)) if unordered else tuple(items)
    return repr(value)


def article_fingerprint(article: Any, base: str, name: str, memo: Memo | None = None) -> str:
    """Hash of everything the page ``name`` of ``article`` is rendered from."""
    own = (str(getattr(article, f, "")) for f in OWN_FIELDS)
    # the reader's metadata holds only strings, numbers, lists, dicts, dates and Pelican's
    # URL wrappers, whose reprs are stable: repr is enough, and far cheaper than project()
    metadata = repr(sorted(getattr(article, "metadata", {}).items()))
    links = tuple(project(getattr(article, a, None), memo=memo) for a in LINK_ATTRIBUTES)
    return text_digest(base, name, *own, metadata, repr(links))


def text_digest(*parts: str) -> str:
    """SHA-256 of the texts, each prefixed by its length (so no two lists of texts collide).

    The page's own HTML is hashed as it is: repr() of it, the obvious alternative, escapes
    every character again, and was a third of the fingerprints' time.
    """
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


#: what topic.html and entity.html show of their topic or entity (plugins/digest_taxonomy):
#: plain attributes, terms and (term, count) lists, and the article listing; a new one must
#: be listed here or its changes go unseen
TERM_FIELDS = ("name", "slug", "url", "description", "kind", "mentions", "feed_url", "parent",
               "children", "related", "top_entities", "topics", "articles", "passages")


def term_fingerprint(term: Any, base: str, name: str, memo: Memo | None = None) -> str:
    """Hash of everything the page ``name`` of a topic or entity is rendered from."""
    shown = tuple(project(getattr(term, f, None), memo=memo) for f in TERM_FIELDS)
    # a topic page also counts each subtopic's articles
    children = tuple(len(getattr(c, "articles", ())) for c in getattr(term, "children", ()))
    return hashlib.sha256(repr((base, name, shown, children)).encode("utf-8")).hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """Hash of the bytes of every file under the given files and folders."""
    h = hashlib.sha256()
    for root in paths:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if "__pycache__" in path.parts:
                continue
            h.update(str(path.relative_to(root.parent)).encode("utf-8"))
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


#: Settings that say where files are, not what a page shows: the same site built from another
#: folder, or over a previous build, must get the same fingerprints (and the same bytes).
WHERE_SETTINGS = frozenset({
    "PATH", "OUTPUT_PATH", "CACHE_PATH", "THEME", "PLUGIN_PATHS", "DIGEST_PREVIOUS_OUTPUT",
    "DIGEST_TAXONOMY", "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "SEARCH_LUNR_JS",
    "SEARCH_LUNR_LANGUAGES_DIR",
    "WRITE_SELECTED", "DELETE_OUTPUT_DIRECTORY",
})


def settings_digest(settings: Mapping[str, Any]) -> str:
    """Hash of the settings a template can read (upper-case names of plain values)."""
    plain = {k: project(v) for k, v in settings.items()
             if k.isupper() and k not in WHERE_SETTINGS}
    return hashlib.sha256(repr(sorted(plain.items())).encode("utf-8")).hexdigest()
