"""dedupe.py: the same article captured twice is published once and credited to both captures."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from digest import dedupe
from digest.dedupe import SIMILARITY_THRESHOLD, deduplicate, jaccard, shingles
from digest.model import Article, Block, Fact, Metadata
from digest.pipeline import build_content

from .conftest import CONTENT
from .hostile import PROSE

_RNG_WORDS = [f"w{i}" for i in range(5000)]


def story(seed: int, words: int = 300) -> list[str]:
    """Paragraphs of pseudo-random words: two different seeds share (almost) no shingle."""
    rng = random.Random(seed)
    text = [rng.choice(_RNG_WORDS) for _ in range(words)]
    return [" ".join(text[i : i + 50]) for i in range(0, words, 50)]


def article(source: str, paragraphs: list[str], date: dt.date | None = dt.date(2024, 5, 16),
            outlet: str | None = None) -> Article:
    meta = Metadata(
        title=Fact(f"Title of {source}", "capture line 1"),
        published=Fact(date, "capture line 2") if date else Fact(None),
        outlet=Fact(outlet, "capture line 3") if outlet else Fact(None),
    )
    blocks = tuple(Block("paragraph", p, i) for i, p in enumerate(paragraphs, start=1))
    return Article(source=source, slug="", metadata=meta, blocks=blocks)


def test_an_identical_copy_is_published_once_and_credited() -> None:
    body = story(1)
    result = deduplicate([article("a.txt", body, outlet="Reuters"),
                          article("b.txt", body, outlet="The Guardian")])
    assert [a.source for a in result.articles] == ["a.txt"]
    assert result.articles[0].also_from == ("b.txt (The Guardian)",)
    (dup,) = result.duplicates
    assert (dup.dropped, dup.kept, dup.similarity) == ("b.txt", "a.txt", 1.0)
    assert "a.txt" in dup.reason


def test_a_near_duplicate_with_edited_edges_is_found() -> None:
    body = story(2, words=600)
    # the second outlet trims the last paragraph, adds an editor's line and a credit
    other = ["Editor's note: this story first appeared elsewhere.", *body[:-1],
             "Follow us for more news."]
    score = jaccard(shingles("\n".join(body)), shingles("\n".join(other)))
    assert SIMILARITY_THRESHOLD <= score < 1
    result = deduplicate([article("x.txt", body), article("y.txt", other)])
    assert len(result.articles) == 1 and len(result.duplicates) == 1


def test_the_earliest_dated_copy_is_kept_then_the_first_by_name() -> None:
    body = story(3)
    early = article("z.txt", body, date=dt.date(2024, 5, 15))
    late = article("a.txt", body, date=dt.date(2024, 5, 16))
    undated = article("0.txt", body, date=None)
    result = deduplicate([late, undated, early])
    assert [a.source for a in result.articles] == ["z.txt"]
    assert result.articles[0].also_from == ("0.txt", "a.txt")
    same_day = deduplicate([article("b.txt", body), article("a.txt", body)])
    assert [a.source for a in same_day.articles] == ["a.txt"]


def test_three_copies_make_one_article_crediting_the_other_two() -> None:
    body = story(4)
    result = deduplicate([article(f"{n}.txt", body, outlet=f"Outlet {n}") for n in "cab"])
    assert [a.source for a in result.articles] == ["a.txt"]
    assert result.articles[0].also_from == ("b.txt (Outlet b)", "c.txt (Outlet c)")
    assert [d.dropped for d in result.duplicates] == ["b.txt", "c.txt"]


def test_different_reports_of_the_same_event_are_both_published() -> None:
    # same subject, same quotation, written independently
    quote = "“China clearly wants Russia to work with them,” Avril Haines told US senators."
    one = [f"Putin arrived in Beijing on Thursday for talks with Xi Jinping. {quote}",
           "The two leaders signed a joint statement on a new era of partnership."]
    two = [f"Xi Jinping welcomed Vladimir Putin to Beijing for a two-day state visit. {quote}",
           "Analysts said the summit showed the limits of Western pressure on Moscow."]
    result = deduplicate([article("one.txt", one), article("two.txt", two)])
    assert len(result.articles) == 2 and not result.duplicates
    assert all(not a.also_from for a in result.articles)


def test_articles_without_text_are_never_duplicates() -> None:
    result = deduplicate([article("a.txt", []), article("b.txt", [])])
    assert len(result.articles) == 2


def test_the_result_does_not_depend_on_input_order() -> None:
    body = story(5)
    items = [article("a.txt", body), article("b.txt", story(6)), article("c.txt", body),
             article("d.txt", story(7))]
    first = deduplicate(items)
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        again = deduplicate(shuffled)
        assert sorted(a.source for a in again.articles) == ["a.txt", "b.txt", "d.txt"]
        assert {a.source: a.also_from for a in again.articles} == \
               {a.source: a.also_from for a in first.articles}
        assert again.duplicates == first.duplicates


def test_shingles_use_a_stable_hash() -> None:
    # Python's hash() of a str changes between runs: the builds would not be reproducible
    assert shingles("one two three four five") == {373250629399454251}
    assert shingles("A b, C d; e") == shingles("a b c d e")


def test_work_grows_linearly_not_with_the_square(monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,000 distinct articles that all end with the same newsletter plug, plus one copy
    plug = "Sign up to our newsletter to get the best stories of the day in your inbox."
    items = [article(f"{i:05d}.txt", [*story(i, 100), plug]) for i in range(3000)]
    items.append(article("copy.txt", [*story(7, 100), plug]))
    calls = 0
    real = dedupe.jaccard

    def counting(a: frozenset[int], b: frozenset[int]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(dedupe, "jaccard", counting)
    result = deduplicate(items)
    assert [d.dropped for d in result.duplicates] == ["copy.txt"]
    # all-pairs would be 4.5 million comparisons; the stock phrase gives no candidates
    assert calls < len(items)


_texts = st.lists(st.sampled_from(["alpha beta gamma delta epsilon zeta eta theta",
                                   "iota kappa lambda mu nu xi omicron pi",
                                   "rho sigma tau upsilon phi chi psi omega"]),
                  min_size=0, max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(_texts, min_size=1, max_size=6))
def test_every_capture_is_published_or_credited_exactly_once(bodies: list[list[str]]) -> None:
    items = [article(f"{i}.txt", body) for i, body in enumerate(bodies)]
    result = deduplicate(items)
    published = [a.source for a in result.articles]
    dropped = [d.dropped for d in result.duplicates]
    assert sorted(published + dropped) == sorted(a.source for a in items)
    credited = [name for a in result.articles for name in a.also_from]
    assert sorted(credited) == sorted(dropped)
    kept = {d.kept for d in result.duplicates}
    assert kept <= set(published)


# --- wired into the content stage ----------------------------------------------------------


def _content(tmp_path: Path, captures: dict[str, tuple[str, str, str]]) -> Path:
    """A minimal content folder: captures with (text, date, outlet) from curation.yaml; the
    title is the capture's first line."""
    content = tmp_path / "content"
    (content / "captures").mkdir(parents=True, exist_ok=True)
    shutil.copy(CONTENT / "taxonomy.yaml", content / "taxonomy.yaml")
    curation = content / "curation.yaml"
    old = yaml.safe_load(curation.read_text("utf-8")) if curation.exists() else None
    entries = old["captures"] if old else {}
    for name, (text, date, outlet) in captures.items():
        (content / "captures" / name).write_text(text, encoding="utf-8")
        entries[name] = {"date": date, "outlet": outlet, "title": text.split("\n", 1)[0]}
    curation.write_text(yaml.safe_dump({"captures": entries}), encoding="utf-8")
    return content


def _text(seed: int, title: str = "Leaders meet in Beijing") -> str:
    body = "\n\n".join(f"{PROSE}, and {p}." for p in story(seed, 200))
    return f"{title}\n\n{body}\n"


def test_the_content_stage_publishes_one_copy_and_reports_the_other(tmp_path: Path) -> None:
    content = _content(tmp_path, {
        "a_wire.txt": (_text(1), "2024-05-17", "Wire Service"),
        "b_paper.txt": (_text(1) + "\nFollow us for more news.\n", "2024-05-16", "The Paper"),
        "c_other.txt": (_text(2, "Another story"), "2024-05-16", "Other Outlet"),
    })
    report = build_content(content)
    assert report.ok, report.problems
    by_name = {c.name: c for c in report.captures}
    assert by_name["a_wire.txt"].slug is None
    assert "b_paper.txt" in (by_name["a_wire.txt"].not_published or "")
    assert not by_name["a_wire.txt"].problems
    # the kept copy has the plain slug (no suffix because of the dropped same-headline copy)
    assert by_name["b_paper.txt"].slug == "leaders-meet-in-beijing"
    assert by_name["c_other.txt"].slug == "another-story"
    files = sorted(p.name for p in (content / "articles").glob("*.md"))
    assert len(files) == 2
    kept = (content / "articles" / f"{by_name['b_paper.txt'].slug}.md").read_text("utf-8")
    header = yaml.safe_load(kept.split("---\n")[1])
    assert header["also_from"] == ["a_wire.txt (Wire Service)"]
    assert header["capture"] == "b_paper.txt"


def test_adding_a_copy_does_not_change_the_original_url(tmp_path: Path) -> None:
    content = _content(tmp_path, {"a.txt": (_text(3), "2024-05-16", "One")})
    first = build_content(content)
    assert first.ok
    (original,) = (c.slug for c in first.captures)
    assert original == "leaders-meet-in-beijing"
    _content(tmp_path, {"b.txt": (_text(3), "2024-05-16", "Two")})
    second = build_content(content)
    assert second.ok, second.problems
    assert {c.name: c.slug for c in second.captures} == {"a.txt": original, "b.txt": None}
    assert [p.name for p in (content / "articles").glob("*.md")] == [f"{original}.md"]


def test_copies_are_not_chained_to_an_article_they_do_not_resemble() -> None:
    p, q, r = story(10, 500), story(11, 100), story(12, 100)
    a = article("a.txt", p, date=dt.date(2024, 1, 1))
    b = article("b.txt", p[:8] + q, date=dt.date(2024, 1, 2))
    c = article("c.txt", p[:6] + q + r, date=dt.date(2024, 1, 3))
    sets = {x.source: shingles(dedupe.body_text(x)) for x in (a, b, c)}
    assert jaccard(sets["a.txt"], sets["b.txt"]) >= SIMILARITY_THRESHOLD
    assert jaccard(sets["b.txt"], sets["c.txt"]) >= SIMILARITY_THRESHOLD
    assert jaccard(sets["a.txt"], sets["c.txt"]) < SIMILARITY_THRESHOLD
    result = deduplicate([a, b, c])
    assert [x.source for x in result.articles] == ["a.txt", "c.txt"]
    assert [(d.dropped, d.kept) for d in result.duplicates] == [("b.txt", "a.txt")]
