"""Slugs: safe characters, bounded length, unique and stable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digest.slugs import MAX_SLUG_LENGTH, base_slug, unique_slugs


def test_a_title_becomes_words() -> None:
    assert base_slug("Xi Jinping Visits Putin: What It Means?", "x.txt") == (
        "xi-jinping-visits-putin-what-it-means"
    )


@given(st.text())
def test_any_title_gives_a_safe_slug(title: str) -> None:
    slug = base_slug(title, "capture.txt")
    assert slug and len(slug) <= MAX_SLUG_LENGTH
    assert ".." not in slug and "/" not in slug and "\\" not in slug
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)


def test_same_headline_gets_distinct_stable_slugs() -> None:
    first = unique_slugs([("a.txt", "same"), ("b.txt", "same"), ("c.txt", "other")])
    assert len(set(first.values())) == 3 and first["c.txt"] == "other"
    again = unique_slugs([("b.txt", "same"), ("a.txt", "same"), ("c.txt", "other"),
                          ("d.txt", "new")])
    assert again["a.txt"] == first["a.txt"] and again["b.txt"] == first["b.txt"]
