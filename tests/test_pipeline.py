"""The content stage: every capture processed, reported, cached by content hash, written once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from digest import cache as digest_cache
from digest import cleaning, pipeline, topics
from digest.cache import DATABASE, stored_kinds
from digest.pipeline import build_content

from .conftest import copy_content


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[str]:
    calls: list[str] = []
    original = getattr(module, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(name)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_a_second_run_cleans_nothing_again(content: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = build_content(content, cache_folder=cache, jobs=1)
    written = {p.name: p.read_bytes() for p in (content / "articles").glob("*.md")}
    cleans = _count_calls(monkeypatch, cleaning, "clean")
    second = build_content(content, cache_folder=cache, jobs=1)
    assert cleans == []
    assert second == first
    assert {p.name: p.read_bytes() for p in (content / "articles").glob("*.md")} == written


def test_curation_change_recleans_only_that_capture(content: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    build_content(content, cache_folder=cache, jobs=1)
    curation = content / "curation.yaml"
    curation.write_text(curation.read_text().replace(
        "    date: 2022-12-30", "    date: 2022-12-30\n    note: \"Checked again.\""))
    cleans = _count_calls(monkeypatch, cleaning, "clean")
    tags = _count_calls(monkeypatch, topics, "tag_ranked")
    build_content(content, cache_folder=cache, jobs=1)
    assert len(cleans) == 1 and len(tags) == 1


def test_taxonomy_change_retags_without_recleaning(content: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    report = build_content(content, cache_folder=cache, jobs=1)
    published = sum(1 for c in report.captures if not c.problems)
    taxonomy = content / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text() + "\n")
    cleans = _count_calls(monkeypatch, cleaning, "clean")
    tags = _count_calls(monkeypatch, topics, "tag_ranked")
    build_content(content, cache_folder=cache, jobs=1)
    assert cleans == [] and len(tags) == published


def test_parallel_and_serial_runs_write_the_same_bytes(content: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CAPTURES", 1)
    build_content(content, jobs=1)
    serial = {p.name: p.read_bytes() for p in (content / "articles").glob("*.md")}
    for p in (content / "articles").glob("*.md"):
        p.unlink()
    build_content(content, jobs=2)
    assert {p.name: p.read_bytes() for p in (content / "articles").glob("*.md")} == serial


def test_a_removed_capture_disappears(content: Path) -> None:
    build_content(content, jobs=1)
    before = set((content / "articles").glob("*.md"))
    victim = sorted((content / "captures").iterdir())[-1]
    victim.unlink()
    curation = content / "curation.yaml"
    curation.write_text("\n".join(
        line for line in curation.read_text().splitlines() if victim.name not in line))
    build_content(content, jobs=1)
    after = set((content / "articles").glob("*.md"))
    assert len(after) == len(before) - 1


def test_a_broken_capture_is_reported_and_the_others_written(content: Path) -> None:
    (content / "captures" / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 1000)
    report = build_content(content, jobs=1)
    assert not report.ok
    broken = next(c for c in report.captures if c.name == "broken.txt")
    assert broken.problems and broken.slug is None
    assert any(str(p).startswith(str(content / "captures" / "broken.txt")) for p in report.problems)
    assert len(list((content / "articles").glob("*.md"))) == sum(
        1 for c in report.captures if not c.problems)


def test_entries_cleaned_in_worker_processes_are_cached(content: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CAPTURES", 1)
    cache = tmp_path / "cache"
    build_content(content, cache_folder=cache, jobs=2)
    captures = len(list((content / "captures").iterdir()))
    assert stored_kinds(cache)["clean"] == captures
    cleans = _count_calls(monkeypatch, cleaning, "clean")
    build_content(content, cache_folder=cache, jobs=1)
    assert cleans == []


def test_a_cache_file_that_is_no_database_is_replaced(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / DATABASE).write_bytes(b"half a page of something else" * 40)
    first = build_content(content, cache_folder=cache, jobs=1)
    assert first.ok
    assert stored_kinds(cache)["markdown"] == len(list((content / "articles").glob("*.md")))


def test_an_unreadable_entry_is_a_miss(content: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = build_content(content, cache_folder=cache, jobs=1)
    with sqlite3.connect(cache / DATABASE) as db:
        db.execute("UPDATE entries SET value = X'00'")
    cleans = _count_calls(monkeypatch, cleaning, "clean")
    assert build_content(content, cache_folder=cache, jobs=1) == first
    assert len(cleans) == len(list((content / "captures").iterdir()))


def test_entries_of_removed_captures_are_forgotten(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_content(content, cache_folder=cache, jobs=1)
    before = stored_kinds(cache)
    victim = sorted((content / "captures").iterdir())[-1]
    victim.unlink()
    curation = content / "curation.yaml"
    curation.write_text("\n".join(
        line for line in curation.read_text().splitlines() if victim.name not in line))
    build_content(content, cache_folder=cache, jobs=1)
    after = stored_kinds(cache)
    assert after["clean"] == before["clean"] - 1
    assert after["markdown"] == before["markdown"] - 1


def test_entries_are_stored_in_batches_during_the_run(content: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digest_cache, "WRITE_EVERY", 2)
    cache = tmp_path / "cache"
    first = build_content(content, cache_folder=cache, jobs=1)
    cleans = _count_calls(monkeypatch, cleaning, "clean")
    assert build_content(content, cache_folder=cache, jobs=1) == first
    assert cleans == []



def test_report_shows_confidence_and_dropped_prose() -> None:
    """`digest report` gives each capture's cleaning confidence and its dropped prose lines,
    as the cleaner set them."""
    import dataclasses

    from digest import report as report_mod
    from digest.capture import decode_capture
    from digest.cleaning import clean
    from digest.pipeline import Report, capture_report

    text = "A headline for the test\n\n" + "The article is one paragraph of prose. " * 3 + "\n"
    cleaned = clean(decode_capture(text.encode(), Path("t.txt")))
    cleaned = dataclasses.replace(cleaned, confidence=0.3, dropped_prose=(7, 9),
                                  doubt="a block of 80 words of prose was dropped")
    rep = capture_report("t.txt", cleaned, [])
    assert (rep.confidence, rep.dropped_prose) == (0.3, (7, 9))
    out = report_mod.full(Report((rep,), ()))
    assert "cleaning confidence 0.30 (a block of 80 words of prose was dropped)" in out
    assert "dropped prose-like lines: 7, 9" in out
