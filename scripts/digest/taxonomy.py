"""The editor's ``taxonomy.yaml``: topics and entities (people, organisations, places).

1. read the file strictly (``yamlfile.load_yaml``: no duplicate keys, no anchors/aliases, a
   size cap, syntax errors with their line);
2. check every entry's shape: known keys only, required fields, types, slug characters;
3. check the file as a whole: duplicate slugs, unknown or circular parents, one alias claimed
   by two entries;
4. return a frozen ``Taxonomy`` with lookups, or raise one ``DigestError`` holding every
   problem found in steps 2 and 3.

Aliases are the spellings that count as a mention (see ``topics.py`` for the matching rules).
They are unique within the topics and within the entities; a topic keyword may equal an entity
alias ("Taiwan" the topic and Taiwan the place are different things).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from .errors import DigestError, Problem
from .yamlfile import KeyLines, describe_path, load_yaml, read_yaml_text

EntityKind = Literal["person", "organisation", "place"]
ENTITY_KINDS: tuple[str, ...] = ("person", "organisation", "place")

#: lowercase words of letters and digits joined by single hyphens: used in URLs
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TOPIC_KEYS = ("slug", "name", "description", "aliases", "parent")
TOPIC_REQUIRED = ("slug", "name", "description")
ENTITY_KEYS = ("slug", "name", "kind", "aliases", "description", "sort_as")
ENTITY_REQUIRED = ("slug", "name", "kind", "aliases", "description")

#: An alias longer than this is a sentence pasted by mistake, not a name.
MAX_ALIAS_CHARS = 120


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    description: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True)
class Entity:
    slug: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...]
    description: str
    #: how the entities index sorts a person; None: by the last word of the name (see
    #: sort_name). The editor writes e.g. "Xi Jinping" for a family name that comes first.
    sort_as: str | None = None

    @property
    def sort_name(self) -> str:
        """The key of this entity in the entities index: people by family name (the last word
        of the name unless ``sort_as`` says otherwise), anything else by its name."""
        if self.sort_as:
            return self.sort_as.casefold()
        if self.kind != "person":
            return self.name.casefold()
        words = [w for w in self.name.split() if w.rstrip(".,").lower() not in _NAME_SUFFIXES]
        if len(words) < 2:
            return self.name.casefold()
        return f"{words[-1]} {' '.join(words[:-1])}".casefold()


#: words after a family name that are not it ("Martin Luther King Jr.")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class Taxonomy:
    """Topics and entities in the editor's order, with lookups by slug."""

    topics: tuple[Topic, ...] = ()
    entities: tuple[Entity, ...] = ()
    _topics_by_slug: Mapping[str, Topic] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _entities_by_slug: Mapping[str, Entity] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_topics_by_slug", {t.slug: t for t in self.topics})
        object.__setattr__(self, "_entities_by_slug", {e.slug: e for e in self.entities})

    def topic(self, slug: str) -> Topic:
        """The topic with this slug; KeyError if there is none."""
        return self._topics_by_slug[slug]

    def entity(self, slug: str) -> Entity:
        """The entity with this slug; KeyError if there is none."""
        return self._entities_by_slug[slug]

    def has_topic(self, slug: str) -> bool:
        return slug in self._topics_by_slug

    def has_entity(self, slug: str) -> bool:
        return slug in self._entities_by_slug

    @property
    def topic_slugs(self) -> tuple[str, ...]:
        return tuple(t.slug for t in self.topics)

    @property
    def entity_slugs(self) -> tuple[str, ...]:
        return tuple(e.slug for e in self.entities)

    def children(self, slug: str) -> tuple[Topic, ...]:
        """The topics whose parent is ``slug``, in taxonomy order."""
        return tuple(t for t in self.topics if t.parent == slug)

    def entities_of_kind(self, kind: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind == kind)


EMPTY_TAXONOMY = Taxonomy()

Report = Callable[[tuple[object, ...], str, str], None]


def load_taxonomy(path: Path) -> Taxonomy:
    """Load and validate ``taxonomy.yaml``; raise one DigestError with every problem."""
    if not path.exists():
        raise DigestError.one(
            path, "", "the taxonomy file is missing",
            "create it with the two lines 'topics: []' and 'entities: []' (the README's "
            "'Start your own digest' explains the format), or start a new digest with "
            "'.venv/bin/digest init'",
        )
    text = read_yaml_text(path)  # size, encoding
    duplicates: list[Problem] = []
    data = load_yaml(path, text, duplicates)  # syntax, duplicate keys, anchors
    return _validate(data, KeyLines(text), path, duplicates)


def parse_taxonomy(text: str, path: Path | str = "taxonomy.yaml") -> Taxonomy:
    """Validate taxonomy text; ``path`` is only used in messages."""
    path = Path(path)
    duplicates: list[Problem] = []
    return _validate(load_yaml(path, text, duplicates), KeyLines(text), path, duplicates)


def _validate(data: Any, lines: Mapping[tuple[object, ...], int], path: Path,
              duplicates: list[Problem]) -> Taxonomy:
    # 1. (done by the caller) strict YAML; duplicate keys are reported with the rest
    problems: list[Problem] = list(duplicates)

    def report(key_path: tuple[object, ...], what: str, fix: str) -> None:
        line = _nearest_line(lines, key_path)
        desc = describe_path(key_path)
        where = f"{line} ({desc})" if line and desc else str(line or desc)
        problems.append(Problem(str(path), where, what, fix))

    # 2. shape of every entry
    raw_topics = _section(data, "topics", report)
    raw_entities = _section(data, "entities", report)
    topics = [t for i, item in raw_topics if (t := _parse_topic(item, ("topics", i), report))]
    entities = [
        e for i, item in raw_entities if (e := _parse_entity(item, ("entities", i), report))
    ]
    # 3. the file as a whole, over every entry that got so far as a mapping
    seen_topics = [_Seen.of(i, item) for i, item in raw_topics if isinstance(item, dict)]
    seen_entities = [_Seen.of(i, item) for i, item in raw_entities if isinstance(item, dict)]
    _check_unique_slugs(seen_topics, "topics", report)
    _check_unique_slugs(seen_entities, "entities", report)
    _check_parents(seen_topics, report)
    _check_shared_aliases(seen_topics, "topics", report)
    _check_shared_aliases(seen_entities, "entities", report)
    # 4. one error, or the taxonomy
    if problems:
        raise DigestError(problems)
    return Taxonomy(topics=tuple(topics), entities=tuple(entities))


@dataclass(frozen=True)
class _Seen:
    """What the whole-file checks need from one entry, even a broken one."""

    index: int
    slug: str | None
    parent: str | None
    aliases: tuple[str, ...]

    @classmethod
    def of(cls, index: int, item: dict[str, Any]) -> _Seen:
        slug, parent, aliases = item.get("slug"), item.get("parent"), item.get("aliases")
        return cls(
            index,
            slug if isinstance(slug, str) else None,
            parent if isinstance(parent, str) else None,
            tuple(" ".join(a.split()) for a in aliases if isinstance(a, str))
            if isinstance(aliases, list) else (),
        )


def _nearest_line(lines: Mapping[tuple[object, ...], int], key_path: tuple[object, ...]) -> int:
    for end in range(len(key_path), -1, -1):
        if key_path[:end] in lines:
            return lines[key_path[:end]]
    return 0


def _section(data: Any, name: str, report: Report) -> list[tuple[int, Any]]:
    """The items of the 'topics' or 'entities' list, with their index."""
    if data is None:  # only comments (as `digest init` writes it): a digest with no topics yet
        return []
    if not isinstance(data, dict):
        if name == "topics":
            report((), f"expected a mapping with 'topics' and 'entities', found {_kind(data)}",
                   "start the file with 'topics:' and 'entities:'")
        return []
    if name == "topics":
        for key in data:
            if key not in ("topics", "entities"):
                report((key,), f"unknown key {key!r}", "use only 'topics' and 'entities'")
    if name not in data:
        report((), f"'{name}' is missing", f"add a '{name}:' list")
        return []
    items = data[name]
    if not isinstance(items, list):
        report((name,), f"'{name}' must be a list, found {_kind(items)}",
               "write one '- slug: ...' item per entry")
        return []
    return list(enumerate(items))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _fields(
    item: Any, base: tuple[object, ...], allowed: tuple[str, ...],
    required: tuple[str, ...], report: Report,
) -> tuple[dict[str, Any], bool] | None:
    """The entry's mapping and whether its keys are all right (None if not a mapping)."""
    if not isinstance(item, dict):
        report(base, f"expected a mapping (slug, name, ...), found {_kind(item)}",
               "write the entry as indented 'key: value' lines after '- '")
        return None
    ok = True
    for key in item:
        if key not in allowed:
            report((*base, key), f"unknown key {key!r}", f"use only: {', '.join(allowed)}")
            ok = False
    for key in required:
        if item.get(key) is None:
            report(base, f"required key '{key}' is missing", f"add '{key}: ...' to this entry")
            ok = False
    return item, ok


def _text(item: dict[str, Any], key: str, base: tuple[object, ...], report: Report) -> str | None:
    value = item.get(key)
    if value is None:  # missing: reported by _fields
        return None
    if not isinstance(value, str) or not value.strip():
        report((*base, key), f"'{key}' must be non-empty text, found {_kind(value)}",
               f"write '{key}: ...' with some text (quote it if it looks like a number)")
        return None
    return " ".join(value.split())


def _slug(item: dict[str, Any], base: tuple[object, ...], report: Report) -> str | None:
    slug = _text(item, "slug", base, report)
    if slug is not None and not SLUG_RE.match(slug):
        report((*base, "slug"), f"slug {slug!r} has characters other than a-z, 0-9 and "
               "single hyphens", "use lowercase letters, digits and hyphens, e.g. 'xi-jinping'")
        return None
    return slug


def _aliases(
    item: dict[str, Any], base: tuple[object, ...], report: Report, *, required: bool
) -> tuple[str, ...] | None:
    value = item.get("aliases", [])
    if value is None:
        value = []
    if not isinstance(value, list):
        report((*base, "aliases"), f"'aliases' must be a list, found {_kind(value)}",
               "write aliases: [\"first\", \"second\"]")
        return None
    out: list[str] = []
    ok = True
    for j, alias in enumerate(value):
        kp = (*base, "aliases", j)
        if not isinstance(alias, str) or not re.search(r"\w", alias):
            report(kp, f"an alias must be text with letters or digits, found {alias!r}",
                   "write the name as it appears in articles, in quotes if needed")
            ok = False
            continue
        alias = " ".join(alias.split())
        if len(alias) > MAX_ALIAS_CHARS:
            report(kp, f"alias is {len(alias)} characters long (limit {MAX_ALIAS_CHARS})",
                   "use a short name or keyword")
            ok = False
        elif alias.casefold() in (a.casefold() for a in out):
            report(kp, f"alias {alias!r} is listed twice in this entry", "keep one of them")
            ok = False
        else:
            out.append(alias)
    if required and not out and ok:
        report((*base, "aliases"), "an entity needs at least one alias",
               "list the spellings that count as a mention, e.g. [\"Xi Jinping\", \"Xi\"]")
        return None
    return tuple(out) if ok else None


def _parse_topic(item: Any, base: tuple[object, ...], report: Report) -> Topic | None:
    checked = _fields(item, base, TOPIC_KEYS, TOPIC_REQUIRED, report)
    if checked is None:
        return None
    fields, ok = checked
    slug = _slug(fields, base, report)
    name = _text(fields, "name", base, report)
    description = _text(fields, "description", base, report)
    aliases = _aliases(fields, base, report, required=False)
    parent = fields.get("parent")
    if parent is not None and (not isinstance(parent, str) or not SLUG_RE.match(parent)):
        report((*base, "parent"), f"'parent' must be a topic slug, found {parent!r}",
               "write the slug of another topic, or remove 'parent'")
        ok = False
    if not ok or slug is None or name is None or description is None or aliases is None:
        return None
    return Topic(slug, name, description, aliases, parent)


def _parse_entity(item: Any, base: tuple[object, ...], report: Report) -> Entity | None:
    checked = _fields(item, base, ENTITY_KEYS, ENTITY_REQUIRED, report)
    if checked is None:
        return None
    fields, ok = checked
    slug = _slug(fields, base, report)
    name = _text(fields, "name", base, report)
    description = _text(fields, "description", base, report)
    aliases = _aliases(fields, base, report, required=True)
    kind = fields.get("kind")
    if kind is not None and kind not in ENTITY_KINDS:
        report((*base, "kind"), f"unknown kind {kind!r}", f"use one of: {', '.join(ENTITY_KINDS)}")
        ok = False
    sort_as = None
    if "sort_as" in fields:
        sort_as = _text(fields, "sort_as", base, report)
        ok = ok and sort_as is not None
    if not ok or slug is None or name is None or description is None or aliases is None:
        return None
    return Entity(slug, name, cast(EntityKind, kind), aliases, description, sort_as)


def _check_unique_slugs(entries: list[_Seen], section: str, report: Report) -> None:
    first: dict[str, int] = {}
    for entry in entries:
        if entry.slug is None:
            continue
        if entry.slug in first:
            report((section, entry.index, "slug"), f"slug {entry.slug!r} is already used by "
                   f"{section}[{first[entry.slug]}]", "give each entry its own slug, or merge them")
        else:
            first[entry.slug] = entry.index


def _check_parents(topics: list[_Seen], report: Report) -> None:
    parents = {t.slug: t.parent for t in topics if t.slug is not None}
    for topic in topics:
        if topic.parent is None or topic.slug is None:
            continue
        where = ("topics", topic.index, "parent")
        if topic.parent not in parents:
            report(where, f"unknown parent {topic.parent!r}",
                   "use the slug of a topic defined in this file, or remove 'parent'")
            continue
        seen = {topic.slug}
        current: str | None = topic.parent
        while current is not None and current in parents:
            if current in seen:
                report(where, f"parent {topic.parent!r} leads back to {topic.slug!r} (a cycle)",
                       "make the topic hierarchy a tree: remove one of the 'parent' keys")
                break
            seen.add(current)
            current = parents[current]


def _check_shared_aliases(entries: list[_Seen], section: str, report: Report) -> None:
    # compared ignoring case: a lowercase alias matches any case (see topics.py)
    owner: dict[str, str] = {}
    for entry in entries:
        name = entry.slug or f"{section}[{entry.index}]"
        for j, alias in enumerate(entry.aliases):
            key = alias.casefold()
            if key in owner and owner[key] != name:
                report((section, entry.index, "aliases", j),
                       f"alias {alias!r} is also an alias of {owner[key]!r}",
                       "an alias must point to one entry: remove it from one of them")
            else:
                owner.setdefault(key, name)
