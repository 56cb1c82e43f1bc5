"""Strict YAML loading for the editor's files: no duplicate keys, no anchors, errors with lines.

The editor writes ``curation.yaml`` and ``taxonomy.yaml`` by hand, so a mistake must come back
as ``file:line: problem. Fix: ...`` and never as a traceback, a silently overwritten key or an
"alias bomb" that expands to gigabytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import DigestError, Problem

#: The editor's files are small; a bigger one is almost certainly the wrong file.
MAX_YAML_BYTES = 2_000_000


# libyaml's parser when the platform has it: a taxonomy of thousands of entities parses in
# milliseconds instead of seconds. Construction (and so every check below) stays in Python.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):  # type: ignore[misc,valid-type]
    """Safe loader that records duplicate keys instead of silently keeping the last one."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.key_lines: dict[tuple[object, ...], int] = {}
        self.duplicates: list[tuple[str, int, int]] = []


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    first_line: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.MarkedYAMLError(
                None, None, "a key must be a plain word or number", key_node.start_mark
            )
        if key in mapping:
            loader.duplicates.append((str(key), first_line[key], line))
        first_line.setdefault(key, line)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _construct_timestamp(loader: _StrictLoader, node: yaml.ScalarNode) -> Any:
    """A date-shaped value that is no real date (2024-13-45) stays text for the validator."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _construct_timestamp,
)


def _refuse_anchors(text: str) -> None:
    """Anchors and aliases make "alias bombs" (a few lines that expand to gigabytes)."""
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                None, None, "anchors and aliases (&name, *name) are not allowed",
                event.start_mark,  # type: ignore[arg-type]
            )


class KeyLines(Mapping[tuple[object, ...], int]):
    """``key_lines(text)``, computed only when a problem needs a line number."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[tuple[object, ...], int] | None = None

    def _get(self) -> dict[tuple[object, ...], int]:
        if self._lines is None:
            self._lines = key_lines(self._text)
        return self._lines

    def __getitem__(self, key: tuple[object, ...]) -> int:
        return self._get()[key]

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def key_lines(text: str) -> dict[tuple[object, ...], int]:
    """Map each key path (tuple of keys and list indexes) to the line it starts on (1-based)."""
    lines: dict[tuple[object, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[object, ...]) -> None:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                lines[(*path, key)] = key_node.start_mark.line + 1
                walk(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    try:
        root = yaml.compose(text, Loader=_Base)
    except yaml.YAMLError:
        return lines
    if root is not None:
        walk(root, ())
    return lines


def read_yaml_text(path: Path) -> str:
    """The text of one of the editor's files: readable, not huge, UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DigestError.one(path, "", f"cannot read the file ({exc.strerror})",
                              "check that it exists and is readable") from exc
    if len(raw) > MAX_YAML_BYTES:
        raise DigestError.one(path, "", f"the file is {len(raw)} bytes, over the "
                              f"{MAX_YAML_BYTES} byte limit", "split or shorten it")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DigestError.one(path, "", f"not UTF-8 (byte {exc.start})",
                              "save the file as UTF-8") from exc


def load_yaml(path: Path, text: str | None = None, later: list[Problem] | None = None) -> Any:
    """Parse one of the editor's YAML files strictly; raise DigestError with every problem.

    With ``later`` given, duplicate keys are appended to it instead of raised, so that the
    caller can report them together with the mistakes its validation finds.
    """
    if text is None:
        text = read_yaml_text(path)
    loader = _StrictLoader(text)
    try:
        _refuse_anchors(text)
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = str(mark.line + 1) if mark else ""
        what = exc.problem or exc.context or "invalid YAML"
        fix = ("write the value out in full where it is needed" if "anchors" in what
               else "correct the syntax at that line (indentation, quotes, colons)")
        raise DigestError.one(path, where, f"invalid YAML: {what}", fix) from exc
    except yaml.YAMLError as exc:
        raise DigestError.one(path, "", f"invalid YAML: {exc}", "correct the syntax") from exc
    finally:
        loader.dispose()
    duplicates = [
        Problem(str(path), str(second), f"key {key!r} appears twice (first on line {first})",
                "keep one of them")
        for key, first, second in loader.duplicates
    ]
    if duplicates and later is None:
        raise DigestError(duplicates)
    if later is not None:
        later.extend(duplicates)
    return data


def describe_path(path: tuple[object, ...]) -> str:
    """Render a key path as the editor reads it: ``captures.foo.txt.date`` or ``topics[2].slug``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
