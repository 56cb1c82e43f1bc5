"""The default digest's timeline, read as a careful reader would: every event of the seed
captures with its date, the noise the issue found absent, inferred years marked, and the
editor's ``events:`` in curation.yaml (fix, drop, errors) from the YAML to the page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from digest.pipeline import build_content

from .conftest import copy_content
from .scenario import text

D = dt.date
VISIT = "000_b54ce457970aa6fa.txt"


def events_by_capture(content: Path) -> dict[str, list[dict[str, object]]]:
    report = build_content(content, cache_folder=None, jobs=1)
    assert report.ok, "\n".join(map(str, report.problems))
    found = {}
    for md in sorted((content / "articles").glob("*.md")):
        header = yaml.safe_load(md.read_text(encoding="utf-8").split("---\n")[1])
        found[header["capture"]] = header.get("events", [])
    return found


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    return events_by_capture(copy_content(tmp_path_factory.mktemp("seeds") / "content"))


def short(events: list[dict[str, object]]) -> list[tuple[str, str, bool, bool, str]]:
    """(start, precision, inferred, edited, first words of the sentence) of each event."""
    return [(str(e["start"]), str(e["precision"]), bool(e.get("inferred")),
             bool(e.get("edited")), " ".join(str(e["sentence"]).split()[:5]))
            for e in events]


def test_the_seeds_events_are_right(seeds: dict[str, list[dict[str, object]]]) -> None:
    assert short(seeds["004_bd47e933c52d98c4.txt"]) == [  # published 2022-08-18
        ("1949-01-01", "year", False, False, 'The "PRC government refers" to'),
        # "the 2022 Beijing Winter Olympics on February 4": the clause names the year
        ("2022-02-04", "day", False, False, "Prior to Russia's invasion of"),
        ("2022-02-24", "day", True, False, "Following Russia's invasion of Ukraine"),
        ("2022-05-01", "month", True, False, "In May, Russian and Chinese"),
        ("2022-08-01", "month", False, False, "Meanwhile, China reacted with fury"),
    ]
    assert short(seeds["003_db78d442dcd96b00.txt"]) == [  # published Friday 2022-12-30
        ("2022-01-01", "year", False, False, "Putin traveled to the Winter"),
        ("2022-12-01", "month", True, False, "In December, the Russian state-owned"),
        ("2022-12-29", "day", True, False, "On Thursday, Ukraine was again"),
        ("2022-12-30", "day", True, False, "“The intensive bilateral exchange will"),
    ]
    assert short(seeds[VISIT]) == [  # published 2024-05-16
        # "visit to Moscow in March": March 2023, the editor's fix in curation.yaml
        ("2023-03-01", "month", False, True, "A joint statement issued after"),
        ("2024-05-01", "month", True, False, "In early May, US Department"),
    ]
    assert short(seeds["001_1c7ae67a5600cd0f.txt"]) == [
        ("2024-05-16", "day", True, False, "The meeting between Xi Jinping"),
    ]
    assert short(seeds["002_98ffcff286fe7b4b.txt"]) == [  # published Monday 2023-03-20
        ("2022-01-01", "year", False, False, "Putin and Xi signed a"),
        ("2023-03-01", "month", False, False, "To establish closer ties with"),
        ("2023-03-17", "day", True, False, "Since the International Criminal Court"),
        ("2023-03-20", "day", True, False, "On Monday, Chinese President Xi"),
        ("2023-03-21", "day", True, False, "The two men met in"),
    ]


def test_the_noise_the_issue_found_is_gone(seeds: dict[str, list[dict[str, object]]]) -> None:
    every = [e for events in seeds.values() for e in events]
    sentences = [str(e["sentence"]) for e in every]
    assert len(sentences) == len(set(sentences)), "a sentence is listed twice"
    assert not [e for e in every if str(e["start"]).startswith("2021")]  # "in 2021 it was"
    assert not [e for e in every if str(e["start"]) >= "2024-05-17"]  # nothing ahead
    call = seeds["003_db78d442dcd96b00.txt"]
    assert [str(e["start"]) for e in call if "will continue next year" in str(e["sentence"])] \
        == ["2022-12-30"]  # the call on Friday; "next year" is no 2023 event
    exercise = seeds["004_bd47e933c52d98c4.txt"]
    assert not [e for e in exercise if " will " in str(e.get("clause") or e["sentence"])]


def test_the_timeline_page_of_the_default_digest(site: Path) -> None:
    html = (site / "timeline.html").read_text(encoding="utf-8")
    page = text(re.sub(r"</?mark[^>]*>", "", html))  # the date's words are marked inline
    assert "““" not in page and "””" not in page
    assert "in 2021 it was 15 percent" not in page
    assert "1 January 2023" not in page and "March 2024" not in page
    assert "March 2023 Mentioned date set by the editor A joint statement" in page
    assert "29 December 2022 Mentioned inferred On Thursday, Ukraine" in page
    assert "30 December 2022 Mentioned inferred … Putin said Friday in a video link" in page
    assert 'formal talks on <mark class="tl-date">Tuesday</mark>.' in html  # which date it is
    # every event links to a paragraph that exists on its article page
    targets = re.findall(r'class="tl-source" href="\./([^"#]+)#(b\d+)"', html)
    assert len(targets) == 17
    for page_path, anchor in targets:
        assert f'id="{anchor}"' in (site / page_path).read_text(encoding="utf-8")


# --- the editor's events: --------------------------------------------------------------------

def curate(content: Path, events_yaml: str, capture: str = VISIT) -> None:
    """Replace the events: of ``capture`` in the copied curation.yaml."""
    path = content / "curation.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = data["captures"].setdefault(capture, {}) or {}
    entry.pop("events", None)
    data["captures"][capture] = entry
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    marker = f"  {capture}:\n"
    body = body.replace(marker, marker + events_yaml, 1) if events_yaml else body
    path.write_text(body, encoding="utf-8")


def test_without_the_fix_the_march_visit_is_march_2024_marked_inferred(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    curate(content, "")
    assert short(events_by_capture(content)[VISIT])[0] == (
        "2024-03-01", "month", True, False, "A joint statement issued after")


def test_the_editor_fixes_adds_and_drops_events(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    curate(content, "    events:\n"
                    "      b7: 2023-03-22\n"       # fix: a day now
                    "      '#b8': drop\n"          # drop, anchor copied from an address
                    "      b3.1: 2023\n")          # add: a sentence with no date found
    found = events_by_capture(content)[VISIT]
    assert [(e["start"], e["precision"], e.get("edited"), e["block"]) for e in found] == [
        ("2023-01-01", "year", True, 3), ("2023-03-22", "day", True, 7)]
    assert not any("In early May" in str(e["sentence"]) for e in found)


def test_a_paragraph_with_several_events_needs_the_sentence_number(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    curate(content, "    events:\n      b13.3: drop\n", capture="003_db78d442dcd96b00.txt")
    found = events_by_capture(content)["003_db78d442dcd96b00.txt"]
    assert not any("Gazprom" in str(e["sentence"]) for e in found)


@pytest.mark.parametrize(
    ("events_yaml", "expected"),
    [
        ("    events:\n      b99: 2023-03\n",
         r"curation\.yaml:\d+ \(captures\.000_b54ce457970aa6fa\.txt\.events\.b99\): no paragraph "
         r"b99 in this article \(its anchors are b0 to b\d+\)\. Fix: use the anchor"),
        ("    events:\n      b7.9: drop\n",
         r"curation\.yaml:\d+ \(captures\..*\.events\.b7\.9\): paragraph b7 has \d sentence\(s\), "
         r"not 9\. Fix: use b7\.1 to b7\.\d"),
        ("    events:\n      b2: 2023-03\n",
         r"\.events\.b2\): paragraph b2 has no event and \d sentences, so the sentence to date is "
         r"not clear\. Fix: write b2\.N"),
    ],
)
def test_an_anchor_that_does_not_exist_is_a_clear_error(tmp_path: Path, events_yaml: str,
                                                        expected: str) -> None:
    content = copy_content(tmp_path / "content")
    curate(content, events_yaml)
    report = build_content(content, cache_folder=None, jobs=1)
    assert not report.ok
    message = "\n".join(map(str, report.problems))
    assert re.search(expected, message), message
    line = int(re.search(r"curation\.yaml:(\d+)", message).group(1))  # type: ignore[union-attr]
    written = (content / "curation.yaml").read_text(encoding="utf-8").split("\n")[line - 1]
    assert written.strip().startswith(("b99", "b7.9", "b2")), written


@pytest.mark.parametrize(
    ("events_yaml", "expected"),
    [
        ("    events:\n      paragraph7: 2023-03\n",
         "events.paragraph7): 'paragraph7' is not a paragraph anchor. Fix: write the anchor"),
        ("    events:\n      b7: next spring\n",
         "events.b7): 'next spring' is neither a date nor 'drop'. Fix: write YYYY-MM-DD, YYYY-MM"),
        ("    events:\n      b7: 2023-13\n", "'2023-13' is neither a date nor 'drop'"),
        ("    events: [b7]\n",
         "events): events must be a mapping of paragraph anchors to a date or 'drop'"),
    ],
)
def test_a_bad_events_entry_is_refused_with_line_and_fix(tmp_path: Path, events_yaml: str,
                                                         expected: str) -> None:
    content = copy_content(tmp_path / "content")
    curate(content, events_yaml)
    report = build_content(content, cache_folder=None, jobs=1)
    message = "\n".join(map(str, report.problems))
    assert expected in message, message
    assert re.search(r"curation\.yaml:\d+ \(captures\.000", message), message
