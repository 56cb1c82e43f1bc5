"""curation.yaml: validation with file, line and fix; overrides that say where they came from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.curation import CaptureCuration, apply_curation, load_curation
from digest.errors import DigestError
from digest.model import Capture, Cleaned, Fact, Line, Metadata

CAPTURES = {"a.txt", "b.txt"}
TOPICS = {"taiwan", "energy"}


def load(tmp_path: Path, text: str):
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return load_curation(path, CAPTURES, TOPICS)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DigestError) as info:
        load(tmp_path, text)
    return [str(p) for p in info.value.problems]


def test_a_valid_file_loads(tmp_path: Path) -> None:
    cur = load(tmp_path, """captures:
  a.txt:
    title: "A: title"
    date: 2024-05-16
    authors: [Jane Doe]
    topics: [taiwan]
    keep: [3, "exact text"]
""")
    entry = cur.get("a.txt")
    assert entry.title == "A: title" and entry.date == dt.date(2024, 5, 16)
    assert entry.authors == ("Jane Doe",) and entry.keep == (3, "exact text")
    assert cur.get("b.txt") == CaptureCuration()


def test_a_missing_file_means_no_curation(tmp_path: Path) -> None:
    assert load_curation(tmp_path / "nope.yaml", CAPTURES, TOPICS).get("a.txt").title is None


def test_every_problem_is_reported_at_once_with_line_and_fix(tmp_path: Path) -> None:
    found = problems(tmp_path, """captures:
  a.txt:
    titel: typo
    date: 2024-13-45
    topics: [nowhere]
  missing.txt:
    date: 2024-01-01
  b.txt:
    date: 1066-10-14
    url: javascript:alert(1)
""")
    text = "\n".join(found)
    assert len(found) == 6, text
    assert "curation.yaml:3 (captures.a.txt.titel): unknown key 'titel'" in text
    assert "captures.a.txt.date" in text and "YYYY-MM-DD" in text
    assert "unknown topic nowhere" in text
    assert "no capture named 'missing.txt'" in text
    assert "out of range" in text and "not an http(s) address" in text
    assert all(". Fix: " in p for p in found)


def test_duplicate_keys_and_anchors_are_refused(tmp_path: Path) -> None:
    dup = problems(tmp_path, "captures:\n  a.txt:\n    date: 2024-01-01\n    date: 2024-01-02\n")
    assert "curation.yaml:4: key 'date' appears twice (first on line 3)" in dup[0]
    bomb = problems(tmp_path, 'captures:\n  a.txt: &x {title: "lol"}\n  b.txt: *x\n')
    assert "anchors and aliases" in bomb[0]


def test_invalid_yaml_says_where(tmp_path: Path) -> None:
    found = problems(tmp_path, "captures:\n  a.txt:\n    title: \"unclosed\n")
    assert found[0].startswith(str(tmp_path / "curation.yaml") + ":")
    assert "invalid YAML" in found[0]


def _cleaned() -> Cleaned:
    cap = Capture(Path("a.txt"), "a.txt", "text", "x\ny\nz", "utf-8")
    lines = (
        Line(1, "Headline", "title", "title-repeat"),
        Line(2, "A kept sentence of the article.", "body", "prose"),
        Line(3, "Wrongly dropped sentence.", "boilerplate", "short-line"),
    )
    from digest.curation import blocks_from_lines

    meta = Metadata(title=Fact("Headline", "capture line 1"))
    return Cleaned(cap, lines, blocks_from_lines(lines), meta)


def test_overrides_say_they_came_from_the_editor() -> None:
    cleaned = apply_curation(_cleaned(), CaptureCuration(title="Better", date=dt.date(2022, 1, 2)),
                             "a.txt")
    assert cleaned.metadata.title == Fact("Better", "curation.yaml")
    assert cleaned.metadata.published == Fact(dt.date(2022, 1, 2), "curation.yaml")


def test_keep_and_drop_by_number_and_text() -> None:
    cleaned = apply_curation(
        _cleaned(), CaptureCuration(keep=(3,), drop=("A kept sentence of the article.",)), "a.txt"
    )
    assert [b.text for b in cleaned.blocks] == ["Wrongly dropped sentence."]
    assert cleaned.lines[2].rule == "curation-keep" and cleaned.lines[1].rule == "curation-drop"


def test_keep_that_matches_nothing_is_an_error() -> None:
    with pytest.raises(DigestError, match="matches no line"):
        apply_curation(_cleaned(), CaptureCuration(keep=(99,)), "a.txt")


def test_keep_and_drop_that_match_nothing_name_their_yaml_line(tmp_path: Path) -> None:
    path = tmp_path / "curation.yaml"
    path.write_text("# the editor's comment\ncaptures:\n  a.txt:\n    title: T\n"
                    "    keep:\n      - 3\n      - 99\n    drop: [\"no such line\"]\n",
                    encoding="utf-8")
    entry = load_curation(path, ["a.txt"], None).get("a.txt")
    with pytest.raises(DigestError) as info:
        apply_curation(_cleaned(), entry, "a.txt")
    messages = [str(p) for p in info.value.problems]
    assert messages[0].startswith(f"{path}:7 (captures.a.txt.keep[1]): 99 matches no line")
    assert messages[1].startswith(f"{path}:8 (captures.a.txt.drop[0]): 'no such line' matches")
    assert all("Fix: " in m for m in messages)
