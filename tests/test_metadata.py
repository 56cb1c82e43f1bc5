"""Stage 3, extract (digest.metadata): dates, bylines, titles; unknown stays unknown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.cleaning import clean
from digest.metadata import html_metadata, parse_byline, parse_date
from digest.model import Capture

D = dt.date


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("date 2022-08-18 ContributorsPublishers", D(2022, 8, 18)),
        ("Published 11:34 PM EST Nov 19, 2019", D(2019, 11, 19)),
        ("November 12, 2018 | BY: Beachbody", D(2018, 11, 12)),
        ("Wednesday November 20, 2019", D(2019, 11, 20)),
        ("29 November 2018", D(2018, 11, 29)),
        ("2018.04.05 ~ OPEN RUN", D(2018, 4, 5)),
        ("13/06/2014 Tony Carter", D(2014, 6, 13)),
        ("06/13/2014", D(2014, 6, 13)),
        ("03/04/2020", None),  # day and month could be swapped: unknown, never guessed
        ("5 days ago", None),  # relative, no capture date: unknown
        ("Updated 1,203 times", None),
        ("Feb 30, 2020", None),
        ("In 1850-13-40 nothing", None),
    ],
)
def test_parse_date(text: str, want: dt.date | None) -> None:
    assert parse_date(text) == want


def test_relative_date_needs_capture_date() -> None:
    assert parse_date("5 days ago", captured_on=D(2022, 8, 23)) == D(2022, 8, 18)
    assert parse_date("2 weeks ago", captured_on=D(2022, 8, 23)) == D(2022, 8, 9)
    assert parse_date("3 hours ago", captured_on=D(2022, 8, 23)) == D(2022, 8, 23)
    assert parse_date("3 months ago", captured_on=D(2022, 8, 23)) is None  # too vague


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("By James Bickerton", ("James Bickerton",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("by Ana de Souza | Reuters", ("Ana de Souza",)),
        ("By Mike Wall 2019-11-18T20:51:19Z Science", ("Mike Wall",)),
        ("By the way, this is a sentence about nothing", ()),
        ("Bypass road opens", ()),
    ],
)
def test_parse_byline(text: str, want: tuple[str, ...]) -> None:
    assert parse_byline(text) == want


PARA = "The council agreed on Tuesday to fund the new library, officials said in a statement."
PARAS = "\n\n".join(f"{PARA} Detail number {i} follows from the vote." for i in range(5))


def _meta(text: str):
    return clean(Capture(Path("m.txt"), "m.txt", "text", text, "utf-8")).metadata


def test_header_metadata_with_provenance() -> None:
    m = _meta(
        "Home\nNews\n\nCouncil Funds New Library After Long Debate\n\n"
        "By Jane Roe\nThe Town Crier\nPublished March 3, 2021\n\n" + PARAS
        + "\n\nShare this story\n\nThe Town Crier is a local paper of the valley."
    )
    assert m.title.value == "Council Funds New Library After Long Debate"
    assert m.title.source == "capture line 4"
    assert m.authors.value == ("Jane Roe",)
    assert m.outlet.value == "The Town Crier"
    assert m.published.value == D(2021, 3, 3)
    assert m.published.source == "capture line 8"
    assert not m.url.known


def test_a_labelled_caption_under_the_headline_is_no_dek() -> None:
    """A page's screen-reader labels are in its text ("Image copyright ...", "Image caption
    ...", "Media caption ..."): the caption under the headline is listed as a caption, never
    taken as the dek, and a player's notice is no subheading of the article."""
    caption = "Image caption Councillors stand outside the old library on Tuesday"
    m = _meta(
        "Home\nNews\n\nCouncil Agrees to Fund the New Library\n\n20 July 2019\n\n"
        "Share this with Email\n\nImage copyright Reuters\n\n" + caption + "\n\n" + PARAS
        + "\n\nMedia playback is unsupported on your device\n\n"
        "Media caption Footage shows the library site\n\n" + PARAS
    )
    assert m.title.value == "Council Agrees to Fund the New Library"
    assert m.dek.value is None
    assert caption in m.captions and "Image copyright Reuters" in m.captions
    assert "Media caption Footage shows the library site" in m.captions
    assert not any("playback" in s for s in m.subheads)


def test_nothing_invented_without_header() -> None:
    m = _meta(PARAS)
    for fact in (m.title, m.dek, m.authors, m.outlet, m.published, m.url):
        assert fact.value is None and fact.source == "unknown"


def test_html_metadata_sources() -> None:
    m = html_metadata(
        {
            "title": "A Title",
            "author": "Jane Roe; John Doe",
            "date": "2020-01-02",
            "sitename": "Example",
            "url": "https://example.com/a",
            "description": None,
        }
    )
    assert m.title.source == "html meta title"
    assert m.authors.value == ("Jane Roe", "John Doe")
    assert m.published.value == D(2020, 1, 2)
    assert m.outlet.value == "Example"
    assert not m.dek.known
