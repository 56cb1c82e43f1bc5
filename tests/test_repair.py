"""Safe text repair (digest.repair): the gap a stripped link left before punctuation is closed,
and nothing else changes: no word, no meaningful space, no hostile text made into markup."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.capture import decode_capture
from digest.cleaning import clean
from digest.repair import find_gaps, repair_cleaned, repair_text

from .conftest import CONTENT
from .hostile import PAYLOADS

DIGEST = str(Path(sys.executable).parent / "digest")
SEED_004 = CONTENT / "captures" / "004_bd47e933c52d98c4.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seeds' gaps (004 and 000)
        ("is expected to last from August 30 to September 5 .",
         "is expected to last from August 30 to September 5."),
        ("the Chinese Communist Party-controlled publication Global Times , trade between",
         "the Chinese Communist Party-controlled publication Global Times, trade between"),
        ("made a similar argument in a piece for Defense One . They said the Ukraine conflict",
         "made a similar argument in a piece for Defense One. They said the Ukraine conflict"),
        ("the vague 12-point plan released by Beijing, which , apparently, will",
         "the vague 12-point plan released by Beijing, which, apparently, will"),
        # every closing mark, on an English line
        ("What did the report say ?", "What did the report say?"),
        ("It was a surprise to the ministry !", "It was a surprise to the ministry!"),
        ("the agency said ; the ministry agreed", "the agency said; the ministry agreed"),
        ("He told the paper : it is over", "He told the paper: it is over"),
        ("(see the report )", "(see the report)"),
        ("after the quote \"like this\" , he left", "after the quote \"like this\", he left"),
        ("Fax: (925 ) 846-4228", "Fax: (925) 846-4228"),
        ("two gaps , in one line .", "two gaps, in one line."),
        ("a tab\t, too", "a tab, too"),
    ],
)
def test_a_gap_before_punctuation_is_closed(text: str, expected: str) -> None:
    assert repair_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He paused ... and left.",  # a stylistic ellipsis
        "He paused … and left.",
        "My belief is . . . that",
        ". a list item after a lone dot marker",
        "Home . World . Asia . News",  # a separator, not a gap
        "Bonjour ! Comment allez-vous ?",  # French typography
        "« Voilà ! » dit-il",
        "Il a dit : « non »",
        "Bonjour\u00a0!",  # a no-break space is always deliberate
        "the score\u202f: 2",
        "for (i = 0 ; i < n ; i++) { x ; }",  # code
        "`a ;` and `b .`",
        "built on .NET and .5 percent",  # the mark opens a token
        "They won 2 : 1 at home",
        "thank you for your support :)",  # faces
        "that is the approach ; ) more",
        "a wink ;-) and a grin :D",
        "( 1 ) the first item",  # a spaced bracket pair
        "an item ) with no opening bracket",
        "Updated : 19 November 2019",  # no English to go by: ":" left alone
        "already.Tight,spacing;kept",
        "",
    ],
)
def test_meaningful_spacing_is_left_alone(text: str) -> None:
    assert repair_text(text) == text
    assert find_gaps(text) == []


@given(st.text(alphabet=st.sampled_from(list("ab1 \t.,;:?!()…«»\"”'`=\u00a0é")), max_size=60))
def test_only_spaces_are_ever_removed(text: str) -> None:
    """Whatever the input, the repair deletes plain spaces or tabs and nothing else, and a
    repaired text has nothing left to repair."""
    out = repair_text(text)
    assert re.sub(r"[ \t]", "", out) == re.sub(r"[ \t]", "", text)
    assert repair_text(out) == out


@pytest.mark.parametrize(("name", "payload"), PAYLOADS)
def test_hostile_text_stays_the_same_text(name: str, payload: str) -> None:
    """Markup, Markdown and template syntax are never completed or joined into something new:
    at most a space before punctuation goes."""
    line = f"The report quoted {payload} , and the ministry said nothing ."
    out = repair_text(line)
    assert payload in out, name
    assert re.sub(r"[ \t]", "", out) == re.sub(r"[ \t]", "", line)


def test_the_record_says_which_lines_were_repaired_and_how() -> None:
    cleaned = repair_cleaned(clean(decode_capture(SEED_004.read_bytes(), SEED_004)))
    raw = SEED_004.read_text(encoding="utf-8").split("\n")
    records = [r for r in cleaned.capture.repairs if "removed the space before" in r]
    assert records == [
        'line 13: removed the space before "." at column 168',
        'line 29: removed the space before "," at column 78',
        'line 45: removed the space before "," at column 95',
        'line 47: removed the space before "." at column 125',
        'line 49: removed the space before "." at column 183',
    ]
    # each record points at the mark in the capture's own line, after a space
    for record in records:
        number, column = map(int, re.findall(r"\d+", record)[:2])
        original = raw[number - 1].strip()
        assert original[column - 1] in ",." and original[column - 2] == " "
    # the published blocks and the body lines hold the repaired text, the words unchanged
    body = " ".join(b.text for b in cleaned.blocks)
    assert "September 5." in body and "Global Times, trade" in body
    assert "Defense One. They" in body and "told Newsweek." in body
    assert " ." not in body and " ," not in body
    line_29 = next(line for line in cleaned.lines if line.number == 29)
    assert line_29.text.split() != raw[28].split()  # "Times ," became "Times,"
    assert re.sub(r"\s", "", line_29.text) == re.sub(r"\s", "", raw[28])
    # running it again records nothing new
    assert repair_cleaned(cleaned) == cleaned


def test_only_published_lines_are_repaired() -> None:
    text = "Home . News , World\n\n" + "\n\n".join(
        f"The ministry said on day {i} that the talks went well , and that more would follow ."
        for i in range(8)) + "\n"
    cleaned = repair_cleaned(clean(decode_capture(text.encode(), Path("gaps.txt"))))
    assert all(" ," not in b.text and " ." not in b.text for b in cleaned.blocks)
    menu = next(line for line in cleaned.lines if line.number == 1)
    assert menu.kind not in ("body", "subhead", "unsure") and menu.text == "Home . News , World"


def test_digest_clean_json_shows_the_repairs() -> None:
    done = subprocess.run([DIGEST, "clean", "--json", str(SEED_004)], capture_output=True,
                          check=True)
    record = json.loads(done.stdout)
    assert 'line 29: removed the space before "," at column 78' in record["repairs"]
    line_29 = next(line for line in record["lines"] if line["number"] == 29)
    assert "Global Times, trade" in line_29["text"]
    plain = subprocess.run([DIGEST, "clean", str(SEED_004)], capture_output=True, check=True)
    assert "September 5.\n" in plain.stdout.decode("utf-8")
