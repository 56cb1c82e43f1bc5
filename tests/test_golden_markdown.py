"""The Markdown each seed capture becomes, compared with its reviewed golden file.

After an intended change: `make golden`, then read `git diff tests/golden` before committing.
"""

from __future__ import annotations

import pytest

from .golden_refresh import GOLDEN, golden_markdown


@pytest.fixture(scope="module")
def produced() -> dict[str, str]:
    return golden_markdown()


def test_every_seed_has_a_golden_file(produced: dict[str, str]) -> None:
    assert sorted(produced) == sorted(p.stem for p in (GOLDEN / "markdown").glob("*.md"))


@pytest.mark.parametrize("stem", sorted(p.stem for p in (GOLDEN / "markdown").glob("*.md")))
def test_markdown_matches_golden(produced: dict[str, str], stem: str) -> None:
    golden = (GOLDEN / "markdown" / f"{stem}.md").read_text(encoding="utf-8")
    assert produced[stem] == golden, f"{stem}: run `make golden` and read the diff"
