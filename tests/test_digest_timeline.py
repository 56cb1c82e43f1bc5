"""plugins/digest_timeline: articles by date and the events they mention, on a real build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from digest.errors import DigestError
from plugins.digest_timeline.plugin import merge_settings

from .hostile import PAYLOADS
from .scenario import ARTICLES, article, build, links, run_pelican, text, write_scenario


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = build(tmp_path_factory.mktemp("timeline"))
    return out, (out / "timeline.html").read_text(encoding="utf-8")


def _items(html: str) -> list[tuple[str, str]]:
    """(kind, datetime) of every timeline entry, in page order."""
    return re.findall(r'timeline__item--(article|event)">\s*<time datetime="([^"]+)"', html)


def test_articles_and_events_oldest_first_grouped_by_year(timeline: tuple[Path, str]) -> None:
    _, html = timeline
    assert _items(html) == [
        ("event", "2022"),  # "in 2022": a year, shown as one
        ("event", "2022-02-24"),
        ("article", "2022-03-01"),
        ("event", "2023-03"),  # "in March 2023": a month
        ("event", "2023-03-20"),  # an event the same day as an article comes first
        ("article", "2023-03-20"),
        ("article", "2023-06-01"),
        ("article", "2024-05-16"),
    ]
    assert re.findall(r'<h2 id="y(\d{4})">', html) == ["2022", "2023", "2024"]
    assert "4 articles by publication date and 4 dated events" in text(html)


def test_labels_say_only_what_the_text_says(timeline: tuple[Path, str]) -> None:
    page = text(timeline[1])
    assert "March 2023 Mentioned Talks began in March 2023." in page
    assert "20 March 2023 – 22 March 2023 Mentioned" in page
    assert "1 January 2022" not in page  # a year-only event is not dated to 1 January


def test_each_event_links_to_its_sentence(timeline: tuple[Path, str]) -> None:
    out, html = timeline
    event_links = [h for h, _ in links(html) if "#b" in h]
    assert "./articles/a-war-and-gas.html#b1" in event_links
    assert len(event_links) == 4
    for href in event_links:
        page, block = href.split("#")
        assert f'id="{block}"' in (out / page).read_text(encoding="utf-8"), href


def test_captured_sentences_are_escaped(timeline: tuple[Path, str]) -> None:
    assert "on 24 February &lt;2022&gt;." in timeline[1]


QUOTED = ("“The intensive bilateral exchange will continue next year, I have no doubts about "
          "that. And we will find a way to meet in person,” Putin said Friday in a video link "
          "with Xi published on the Kremlin website.")


def test_entries_show_the_clause_say_what_is_inferred_and_never_double_quotes(
        tmp_path: Path) -> None:
    events = [
        {"start": "2022-12-30", "end": None, "block": 0, "index": 0, "sentence": QUOTED,
         "clause": "… Putin said Friday in a video link with Xi published on the Kremlin "
                   "website.", "inferred": True, "mark": [13, 19]},
        # the same sentence twice (an older header): listed once
        {"start": "2023-01-01", "end": None, "block": 0, "index": 0, "sentence": QUOTED,
         "precision": "year"},
        {"start": "2023-03-01", "end": None, "block": 1, "index": 0, "precision": "month",
         "sentence": "Xi visited Moscow in March.", "edited": True},
    ]
    quoted = article("e-quoted", "2022-12-30", ["war"], {"putin": 1}, events=events)
    html = (build(tmp_path, [*ARTICLES, quoted]) / "timeline.html").read_text(encoding="utf-8")
    page = text(re.sub(r"</?mark[^>]*>", "", html))
    assert "““" not in page and "””" not in page and "“”" not in page
    assert page.count("Putin said Friday in a video link") == 2  # the clause, and the sentence
    assert "30 December 2022 Mentioned inferred … Putin said Friday in a video link" in page
    assert "<details" in html and "Whole sentence" in page and QUOTED in page
    assert "1 January 2023" not in page and page.count("I have no doubts") == 1
    assert "March 2023 Mentioned date set by the editor Xi visited Moscow in March." in page
    assert "./articles/e-quoted.html#b1" in [h for h, _ in links(html)]
    # the words that give the date are marked in what is shown
    assert '… Putin said <mark class="tl-date">Friday</mark> in a video link' in html


def test_hostile_sentences_and_marks_stay_text(tmp_path: Path) -> None:
    """A captured sentence is text, whole or cut around the date's words, and a mark that does
    not fit the text is ignored, never an index error or a cut through an escape."""
    events = [
        {"start": "2022-02-24", "end": None, "block": i, "index": 0,
         "sentence": f"On 24 February {payload} happened.", "mark": [3, 3 + 8 + i % 9]}
        for i, (_, payload) in enumerate(PAYLOADS)
    ]
    events.append({"start": "2022-02-25", "end": None, "block": 0, "index": 1,
                   "sentence": "A mark out of range <b>x</b>.", "mark": [5, 999]})
    hostile = article("e-hostile", "2022-03-02", ["war"], {"putin": 1}, events=events,
                      _paragraphs=len(PAYLOADS))
    html = (build(tmp_path, [*ARTICLES, hostile]) / "timeline.html").read_text(encoding="utf-8")
    unmarked = re.sub(r"</?mark[^>]*>", "", html)
    for _, payload in PAYLOADS:
        assert str(escape(f"On 24 February {payload} happened.")) in unmarked, payload
        if "<" in payload:
            assert payload not in html, payload
    assert "<script>window" not in html and "<b>x</b>" not in html
    assert "A mark out of range &lt;b&gt;x&lt;/b&gt;." in html


def test_timeline_is_in_the_menu(timeline: tuple[Path, str]) -> None:
    assert ('./timeline.html', "Timeline") in links(timeline[1])
    assert 'href="./timeline.html" aria-current="page"' in timeline[1]


def test_a_timeline_without_events_lists_the_articles(tmp_path: Path) -> None:
    plain = [{k: v for k, v in a.items() if k != "events"} for a in ARTICLES]
    html = (build(tmp_path, plain) / "timeline.html").read_text(encoding="utf-8")
    assert [kind for kind, _ in _items(html)] == ["article"] * 4


def test_a_malformed_event_fails_the_build_with_a_fix(tmp_path: Path) -> None:
    bad = article("e-bad", "2024-01-01", ["war"], {"putin": 1},
                  events=[{"start": "someday", "block": 0, "sentence": "x"},
                          {"start": "2024-01-01", "block": -2, "sentence": "y"}])
    result = run_pelican(write_scenario(tmp_path, [*ARTICLES, bad]), tmp_path / "output")
    assert result.returncode != 0
    message = " ".join((result.stdout + result.stderr).split())
    assert "e-bad.md:events[0].start: not a date: 'someday'" in message
    assert "e-bad.md:events[1].block: not a block number: -2" in message
    assert "Fix:" in message


def test_settings_are_validated() -> None:
    settings = {"TIMELINE_SAVE_AS": "/abs.html"}
    with pytest.raises(DigestError, match=r"pelican\.conf\.py:TIMELINE_SAVE_AS"):
        merge_settings(settings)
    ok: dict[str, object] = {}
    merge_settings(ok)
    assert ok == {"TIMELINE_URL": "timeline.html", "TIMELINE_SAVE_AS": "timeline.html"}
