"""Stage 3, extract (digest.dates): the publication date of a text capture, or unknown.

One test per failure class found on the train split of ../shared/cleaning-train (the page id
is cited; the lines are excerpts of it, with the kinds the cleaner gives them), each on both
sides: the publication date found, the other date refused ("not found" is the safe answer).
"""

from __future__ import annotations

import datetime as dt

import pytest

from digest.dates import numeric_order, parse_date, publication_date
from digest.model import Line, LineKind

from .conftest import clean_train_page

D = dt.date


def _lines(*spec: tuple[LineKind, str]) -> tuple[Line, ...]:
    """Lines numbered from 1, each (kind, text); the rule is the kind (the headline's is
    "title", as the cleaner marks the one it chose)."""
    return tuple(Line(number=i, text=text, kind=kind, rule=kind)
                 for i, (kind, text) in enumerate(spec, start=1))


_BODY = ("body", "The council met on Tuesday and agreed to fund the plan from next year's "
                 "budget, after a long debate about rents, staff and opening hours.")


def _date(*spec: tuple[LineKind, str]) -> tuple[dt.date | None, str]:
    got = publication_date(_lines(*spec))
    return got.value, got.source


# -- the header's dateline, with its provenance ---------------------------------------------

def test_the_dateline_under_the_headline_is_the_date_with_its_line() -> None:
    # 2156848c7eb9: "Posted January 2, 2008 08:38:00" between the headline and the story
    assert _date(
        ("boilerplate", "Hot tags: australia, government-and-politics, sport"),
        ("title", "22yo 'ran over and killed' girlfriend"),
        ("dateline", "Posted January 2, 2008 08:38:00"),
        ("boilerplate", "Map: Canberra 2600"),
        _BODY,
    ) == (D(2008, 1, 2), "capture line 3")


def test_a_navigation_link_over_the_dateline_is_no_label() -> None:
    # 6d478d32ce96: "« Back to Football Home" over "December 29, 2007" over the headline; the
    # link's arrow marks its own line as a link to another page, not the date under it
    head = (("title", "SPL Mourns for O'Donnell"),
            ("unsure", "by Simon Martin (Columnist) 1 comments Filed Under: Football"), _BODY)
    assert _date(("boilerplate", "« Back to Football Home"), ("dateline", "December 29, 2007"),
                 *head) == (D(2007, 12, 29), "capture line 2")
    # a real label over the date still says what it is; a link with a date on its own line
    # (the previous post's) is still refused
    assert _date(("boilerplate", "Last updated:"), ("dateline", "December 29, 2007"),
                 *head) == (None, "unknown")
    assert _date(("boilerplate", "« Rangers sign striker December 28, 2007"),
                 *head) == (None, "unknown")


def test_a_bare_stamp_read_as_the_first_paragraph_is_the_dateline() -> None:
    # 26821c059cae: "Tue, 2008-01-08 18:35." right under the headline, read as a paragraph
    title = ("title", "Lawyers for Alberta premier threaten blogger who owns edstelmach.ca")
    assert _date(title, ("body", "Tue, 2008-01-08 18:35."), _BODY) == (
        D(2008, 1, 8), "capture line 2")
    # a first paragraph that opens with a date is the story's lead, not a stamp: its date
    # may be another than the publication's (fdc53d349c9b: "Feb. 23, 2015 -- Life-threatening
    # peanut allergies ..." on a page whose address says 2015-02-20)
    assert _date(title, ("body", "Feb. 23, 2015 -- Life-threatening peanut allergies have "
                                 "mysteriously been rising in children."), _BODY) == (
        None, "unknown")


# -- "last updated" ---------------------------------------------------------------------------

def test_an_update_stamp_is_not_the_publication_date() -> None:
    # ed108337bd69: a 2020 article whose only date is "Last Updated: January 7, 2025"
    update_only = (
        ("title", "Rewriting Rules of Engagement with Video in 2020: Vidyard Introduces New"),
        ("dateline", "Last Updated: January 7, 2025"),
        _BODY,
    )
    assert _date(*update_only) == (None, "unknown")
    # the same header stating when it was published: that date, not the update's
    assert _date(update_only[0], ("dateline", "Published: July 10, 2020"), *update_only[1:])[
        0] == D(2020, 7, 10)
    # "Updated ... · Posted ...": the date after the publication label
    assert parse_date("Updated Nov 12 2012 - 3:20am") == D(2012, 11, 12)
    assert _date(("title", "Savory Sight: Pumpkin Muffin"),
                 ("dateline", "Updated Nov 14 2012 - 3:20am · Posted Nov 12 2012 - 3:15am"),
                 _BODY)[0] == D(2012, 11, 12)  # 3e1cf1cb0481
    # 8d57ca3d5e69: the date, then its update in brackets: the first is the publication's
    assert _date(("title", "Séisme au Népal"),
                 ("boilerplate", "AFP 30 avril 2015 à 07:19 (Mis à jour : 1 mai 2015 à 07:38)"),
                 _BODY)[0] == D(2015, 4, 30)
    # the update label in the other languages read (8d57ca3d5e69's class): the update's date
    # alone is refused, the publication's label beside it wins; a print view's day likewise
    for line in ("Mise à jour le 1 mai 2015", "Stand: 1. Mai 2015, 07:38 Uhr",
                 "Ultimo aggiornamento 1 maggio 2015", "Laatst gewijzigd 1 mei 2015",
                 "Printed on May 1, 2015",
                 # the noun (542267b4862a's "Last update: Friday, May 6, 2005 at 7:40:29
                 # AM"), and the labels of the other languages of the month table
                 "Last update: Friday, May 1, 2015 at 7:40:29 AM", "Update: May 1, 2015",
                 "Dernière modification : 1 mai 2015", "Actualisé le 1 mai 2015",
                 "Última modificación: 1 de mayo de 2015", "Aggiornato il 1 maggio 2015",
                 "Letzte Änderung: 1. Mai 2015", "Uppdaterat 2015-05-01 07:38",
                 "更新时间：2015-05-01 07:38"):
        assert parse_date(line) == D(2015, 5, 1), line  # a date, refused for its label
        assert _date(("title", "Séisme au Népal"), ("dateline", line), _BODY) == (
            None, "unknown"), line
    # a newsletter called an update is no update label (744645b38d69: "CLT Update" over
    # "Friday, February 26, 1999"), nor is a headline's "update" before its date
    assert _date(("boilerplate", "CLT Update"), ("dateline", "Friday, February 26, 1999"),
                 _BODY)[0] == D(1999, 2, 26)
    assert _date(("title", "Séisme au Népal"),
                 ("dateline", "Gepubliceerd 30 april 2015, laatst gewijzigd 1 mei 2015"),
                 _BODY)[0] == D(2015, 4, 30)


def test_a_label_alone_on_the_line_above_is_read_with_its_date() -> None:
    # a page that sets "Last updated" and its date in two elements: two lines in the capture
    head = ("title", "Rewriting Rules of Engagement with Video in 2020: Vidyard Introduces New")
    assert _date(head, ("boilerplate", "Last updated:"), ("dateline", "January 7, 2025"),
                 _BODY) == (None, "unknown")
    assert _date(head, ("boilerplate", "Published"), ("dateline", "July 10, 2020"),
                 _BODY)[0] == D(2020, 7, 10)
    # label, clock time and date in three elements: the time line does not part them
    assert _date(head, ("boilerplate", "Last updated:"), ("boilerplate", "5:05 PM EST"),
                 ("dateline", "January 7, 2025"), _BODY) == (None, "unknown")
    assert _date(head, ("boilerplate", "Published"), ("boilerplate", "5:05 PM EST"),
                 ("dateline", "July 10, 2020"), _BODY)[0] == D(2020, 7, 10)


def test_an_update_label_after_the_date_makes_it_the_update_s() -> None:
    # bf6332b8a373: "24 July 2012 Last updated at 05:40 ET" under the headline is the day the
    # page was last updated (the label names the date before it), not its publication;
    # 3304234afc72: "Sunday, December 30, 2007 - Page updated at 12:00 AM" likewise
    head = ("title", "Scott and Kathy Cleveland are coming to the Olympics")
    for line in ("24 July 2012 Last updated at 05:40 ET Help",
                 "Sunday, December 30, 2007 - Page updated at 12:00 AM",
                 "24 July 2012 (updated)"):
        assert _date(head, ("dateline", line), _BODY) == (None, "unknown")
    # a date with its own clock time, updated later that day; a label naming a second date;
    # the update stamp on a line of its own under the publication's: the first date stands
    for line in ("24 July 2012 05:12 ET, updated 05:40 ET",
                 "24 July 2012 | Updated 25 July 2012"):
        assert _date(head, ("dateline", line), _BODY)[0] == D(2012, 7, 24)
    assert _date(head, ("dateline", "24 July 2012"), ("dateline", "25 July 2012 (updated)"),
                 _BODY)[0] == D(2012, 7, 24)


def test_an_update_badge_under_the_date_makes_it_the_update_s() -> None:
    # 9ada70ee1e59: "29 Dec, 2007" over the headline "PlayStation Store updated": a headline
    # that says "updated" is no label, the date stands ...
    page = (("dateline", "29 Dec, 2007"), ("title", "PlayStation Store updated"),
            ("body", "Welcome to The Club."), _BODY)
    assert _date(*page)[0] == D(2007, 12, 29)
    # ... while a bare "Updated" badge under the date (a page that sets it in its own
    # element after the date) makes it the update's; a badge followed by another date is
    # that date's label
    assert _date(page[0], ("boilerplate", "Updated"), *page[1:]) == (None, "unknown")
    assert _date(page[0], ("boilerplate", "Updated"), ("dateline", "30 Dec, 2007"),
                 *page[1:])[0] == D(2007, 12, 29)
    # the update line with its clock time (bf6332b8a373's "Last updated at 05:40 ET" set on a
    # line of its own), over or under the date: the date is the update's day ...
    for update in ("Updated 10:05 AM EST", "Last updated at 05:40 ET"):
        assert _date(page[0], ("boilerplate", update), *page[1:]) == (None, "unknown")
        assert _date(("boilerplate", update), *page) == (None, "unknown")
    # ... but under a date with its own clock time it is a later hour of the same day
    assert _date(("dateline", "29 Dec, 2007 8:02 AM"), ("boilerplate", "Updated 10:05 AM EST"),
                 *page[1:])[0] == D(2007, 12, 29)


# -- comments and teasers --------------------------------------------------------------------

def test_a_comment_stamp_is_not_the_publication_date() -> None:
    # 13ebc3bb527e: the author's date under the headline; the comments a day later (and a
    # "Comments" link over the headline, the page's toolbar: 2170100dc22f)
    page = (
        ("boilerplate", "Comments"),
        ("title", "Stack Overflow Jobs Data Shows ReactJS Skills in High Demand"),
        ("boilerplate", "Sarah Gooding March 9, 2017 13"),
        _BODY,
        ("boilerplate", "Comments"),
        ("boilerplate", "Rarst · March 10, 2017 at 1:26 AM"),
    )
    assert _date(*page)[0] == D(2017, 3, 9)
    # cf1b4303364b: the body read from a comment thread, its one stamp under "Comments"
    assert _date(
        ("boilerplate", "Comments"),
        ("boilerplate", "To all of my EMC customers, fanboi's or anyone interested"),
        ("boilerplate", "Posted by: Red | October 03, 2012 at 01:12 AM"),
        _BODY,
    ) == (None, "unknown")
    # round 24: the same thread under its Russian or Chinese heading
    for heading in ("Комментарии (3)", "网友评论"):
        assert _date(("boilerplate", heading), ("boilerplate", "Алексей"),
                     ("boilerplate", "5 мая 2024, 10:12"), _BODY) == (None, "unknown"), heading


def test_stamps_in_a_series_are_a_thread_or_a_list_not_the_dateline() -> None:
    # 5769e58b4c45: the story read from the comments; their stamps are all the header has
    page = (
        ("boilerplate", "Next post: Happy Birthday Madiba! (PORT, ENG)"),
        ("unsure", "{ 94 comments… read them below or add one }"),
        ("subhead", "Natalia July 31, 2012 at 8:28 pm"),
        _BODY,
        ("boilerplate", "Reply"),
        ("subhead", "Susana July 31, 2012 at 4:43 pm"),
        ("subhead", "Flechis July 18, 2012 at 11:16 pm"),
    )
    assert _date(*page) == (None, "unknown")
    # one stamp of that shape, no series: the article's own
    assert _date(page[0], page[2], page[3])[0] == D(2012, 7, 31)
    # 5b87dc34e08b: the dateline shown over and under the story, the same day: no series
    assert _date(("boilerplate", "Thursday  |  September 12, 2002"), _BODY,
                 ("boilerplate", "Thursday | Sept 12, 2002"))[0] == D(2002, 9, 12)


def test_a_comment_stamp_read_as_the_dateline_is_not_the_date() -> None:
    # c191a863befb (as round 25's cleaner read it): the body read from a comment thread; the
    # stamp the cleaner marked as the dateline is a comment's, under others of its shape (the
    # thread all of one day, so the dates alone do not tell it is a series); 5177a113d31e
    # likewise
    said = ("unsure", "Which is why the Caravan remains at or near the top of the minivan "
                      "sales chart.")
    thread = (
        ("boilerplate", "gslippy"), ("dateline", "August 9th, 2012 at 2:39 pm"),
        *[said] * 12, ("boilerplate", "Login to reply"),
        ("boilerplate", "DC Bruce"), ("dateline", "August 9th, 2012 at 2:46 pm"),
        *[said] * 12, ("boilerplate", "Login to reply"),
        ("boilerplate", "NormSV650"), ("dateline", "August 9th, 2012 at 2:10 pm"),
        ("body", "Honda on the down? Prius C makes the top 5 list too, and nobody at the "
                 "magazine seems to have noticed what that says about the market."),
    )
    assert _date(*thread) == (None, "unknown")
    # 86004f99f0d8: the article's dateline comes before the stamps of its shape (there,
    # teasers' further down): it stays the date
    article = (("dateline", "January 5, 2008 - 6:11 PM"),
               ("title", "Somali gunmen briefly kidnap Libyan diplomats"), _BODY,
               ("boilerplate", "January 15, 2008 - 3:02 PM"),
               ("boilerplate", "January 14, 2008 - 10:14 PM"))
    assert _date(*article)[0] == D(2008, 1, 5)


def test_a_span_of_days_is_an_event_not_the_publication() -> None:
    # a01ab303ff1c: a speech's page headed by its conference's dates "26-28 November 1997"
    head = ("title", "Minister for the Environment")
    for line in ("26-28 November 1997", "November 26-28, 1997", "26 - 28 Nov. 1997"):
        assert _date(("boilerplate", "OPENING ADDRESS FENNER CONFERENCE"),
                     ("boilerplate", line), head, _BODY) == (None, "unknown")
    # one day is a date, a clock time after a dash no span
    for line in ("28 November 1997", "November 28, 1997 - 10:15 AM"):
        assert _date(("boilerplate", "OPENING ADDRESS FENNER CONFERENCE"),
                     ("boilerplate", line), head, _BODY)[0] == D(1997, 11, 28)


def test_a_date_in_a_web_address_is_not_a_date_the_page_states() -> None:
    # 19bd0345f4dd: links printed as text ("http://inthecapital.com/2012/07/10/why-you-...");
    # the date in an address is the day it was made, not one the page states
    head = ("title", "Why you should all be confused on the UberDC issue")
    link = ("boilerplate", "inthecapital.com/2012/07/10/why-you-should-all-be-confused")
    assert _date(head, link, _BODY) == (None, "unknown")
    assert _date(head, ("boilerplate", "http://inthecapital.com/2012/07/10/"), _BODY) == (
        None, "unknown")
    # the dateline beside it is the date
    assert _date(head, link, ("dateline", "July 11, 2012"), _BODY)[0] == D(2012, 7, 11)


def test_a_headline_or_a_masthead_with_a_date_is_not_a_dateline() -> None:
    # ed108337bd69: a teaser with its date; 142ed236cc1f: the site's edition line (the day
    # the page was saved, not the article's)
    head = ("title", "Tiger Woods In Top 10 Of PGA Championship Leaderboard")
    for line in ("Today in History: 7 January, 2025 1610 – Galileo Galilei discovers the first",
                 "Goa's complete online news edition - Tuesday, January 15, 2008"):
        assert _date(("boilerplate", line), head, _BODY) == (None, "unknown")
    # a date stamp in the same place is the header's: 640fee20066f
    assert _date(("boilerplate", "Dan Goodin - Apr 16, 2015 8:02 pm UTC"), head,
                 _BODY)[0] == D(2015, 4, 16)


def test_two_header_dates_that_disagree_are_not_guessed_between() -> None:
    # 086d3395cc39: an infobox over the first paragraph, dates of history not of the page
    assert _date(
        ("dateline", "26 September 1907"),
        ("unsure", "Statute of Westminster adoption"),
        ("dateline", "25 November 1947"),
        _BODY,
    ) == (None, "unknown")


def test_a_later_date_over_the_headline_gives_way_to_the_dateline_under_it() -> None:
    # 23ad6b7f1c34: the site's "today" over the headline, the article's dateline under the
    # byline a week earlier: the dateline's day
    today, dateline = ("dateline", "Tuesday, January 15, 2008"), (
        "dateline", "Tuesday, January 8th 2008, 4:00 AM")
    head = ("title", "Golden Globes show nixed by strike")
    byline = ("byline", "BY RICHARD HUFF")
    assert _date(today, head, byline, dateline, _BODY) == (D(2008, 1, 8), "capture line 4")
    # the other way round (the later date under the headline) nothing says which: unknown
    assert _date(("dateline", "Tuesday, January 8, 2008"), head, byline,
                 ("dateline", "Tuesday, January 15th 2008, 4:00 AM"), _BODY) == (None, "unknown")


def test_a_date_over_the_headline_is_no_series_with_other_written_dates() -> None:
    # 188a0a298940: "August 9, 2012" over the headline; the teasers' "8/8/2012", "8/7/2012"
    # further down are written another way: no series of one shape, the date stands
    page = (("boilerplate", "August 9, 2012"),
            ("title", "Unilever, DHL Partner to Drive Sustainability, Efficiency"), _BODY,
            ("boilerplate", "8/8/2012"), ("boilerplate", "8/7/2012"))
    assert _date(*page) == (D(2012, 8, 9), "capture line 1")
    # teasers' stamps written the same way make it one of a series: unknown
    assert _date(*page[:3], ("boilerplate", "August 8, 2012"),
                 ("boilerplate", "August 7, 2012")) == (None, "unknown")


def test_a_list_of_dated_teasers_over_the_headline_gives_no_date() -> None:
    # a recent page's "Latest" list over the article (bench_headers.py's layouts): each teaser's
    # headline and its stamp, the day before the article's or the same day
    teasers = (("boilerplate", "Latest"),
               ("boilerplate", "Police search for missing hiker near the lake"),
               ("dateline", "May 1, 2024"),
               ("boilerplate", "School board elects a new chair after vote"),
               ("dateline", "May 3, 2024"))
    head = (("title", "Council delays vote on city budget again"), ("byline", "By Maria Lopez"))
    assert _date(*teasers, *head, ("dateline", "May 4, 2024"), _BODY) == (
        D(2024, 5, 4), "capture line 8")
    # no date in the article's header: the teasers' are not its date, a day apart or not
    assert _date(*teasers, *head, _BODY) == (None, "unknown")
    assert _date(*teasers[:4], ("dateline", "May 2, 2024"), *head, _BODY) == (None, "unknown")
    # one stamp over the headline under a section's name is the article's own
    assert _date(("boilerplate", "Entertainment"), ("dateline", "May 3, 2024"), *head,
                 _BODY) == (D(2024, 5, 3), "capture line 2")


def test_an_update_later_the_same_day_leaves_the_publication_date() -> None:
    # a recent page's header: "Tue 4 May 2021 06.00 BST" / "Last modified on Tue 4 May 2021
    # 08.12 BST": published and updated the same day, at other times
    head = (("title", "Council delays vote on city budget again"), ("byline", "Maria Lopez"))
    assert _date(*head, ("boilerplate", "Tue 4 May 2021 06.00 BST"),
                 ("boilerplate", "Last modified on Tue 4 May 2021 08.12 BST"), _BODY) == (
        D(2021, 5, 4), "capture line 3")
    # the update's own stamp shown twice (the same time, or no time to tell them apart): unknown
    assert _date(*head, ("boilerplate", "Tue 4 May 2021 08.12 BST"),
                 ("boilerplate", "Last modified on Tue 4 May 2021 08.12 BST"), _BODY) == (
        None, "unknown")
    assert _date(*head, ("dateline", "May 4, 2021"),
                 ("boilerplate", "Last updated: May 4, 2021"), _BODY) == (None, "unknown")


def test_an_editor_s_credit_is_no_update_label() -> None:
    # "Written by" / "Edited by" / the date: the editor's credit over the date does not make
    # it an update's, as "Updated" alone on that line does
    head = (("title", "Council delays vote on city budget again"),
            ("byline", "Written by Maria Lopez"))
    for credit in ("Edited by Tom Becker", "Medically reviewed by Dr. Anna Kowalska",
                   "Fact checked by David Chen"):
        assert _date(*head, ("boilerplate", credit), ("dateline", "May 4, 2024"),
                     _BODY) == (D(2024, 5, 4), "capture line 4")
    assert _date(*head, ("boilerplate", "Updated"), ("dateline", "May 4, 2024"),
                 _BODY) == (None, "unknown")


def test_a_sentence_saying_when_the_entry_was_posted_gives_the_date() -> None:
    # 0ac71120ebac: no date in the header; the post's footer "This entry was written by
    # matt, posted on 10/18/2012 at 12:22 pm." over the comments' "Posted ..." stamps
    footer = ("body", "This entry was written by matt, posted on 10/18/2012 at 12:22 pm. "
                      "Bookmark the permalink.")
    comments = (("subhead", "5 Comments"),
                ("boilerplate", "Posted 10/19/2012 at 3:13 am | Permalink"),
                ("body", "Great post, thanks."),
                ("boilerplate", "Posted 10/21/2012 at 10:43 am | Permalink"))
    head = ("title", "Why the rewrite took a year")
    assert _date(head, _BODY, footer, *comments) == (D(2012, 10, 18), "capture line 3")
    # 40d05edeef74: "... Schneider. Posted on Sunday, August 26, 2012, at 11:06 am."
    assert _date(head, _BODY, ("body", "This was written by K.G. Schneider. Posted on Sunday, "
                                       "August 26, 2012, at 11:06 am. Filed under Life."))[0] == (
        D(2012, 8, 26))
    # the same sentence in a comment, or a date in another sentence, says nothing
    assert _date(head, _BODY, *comments[:1], footer) == (None, "unknown")
    assert _date(head, _BODY, ("body", "This entry was posted in News. Tags: May 5, 2012"),
                 ) == (None, "unknown")
    # a header whose date is its update's ("Last updated: January 7, 2025" beside it) leaves
    # the sentence to say when the entry was posted
    updated = (("dateline", "January 7, 2025"), ("boilerplate", "Last updated: January 7, 2025"))
    assert _date(head, *updated, _BODY) == (None, "unknown")
    assert _date(head, *updated, _BODY, ("body", "This entry was posted on Friday, July 10th, "
                                                 "2020 at 9:00 am and is filed under News.")
                 )[0] == D(2020, 7, 10)
    # a sentence of the story about another article is not this one's
    assert _date(head, _BODY, ("body", "The article was published on May 5, 2012 in Nature, "
                                       "and the team has since repeated the study.")
                 ) == (None, "unknown")


def test_a_header_date_later_than_the_first_publication_is_not_the_date() -> None:
    # 34351c82e8f2: the header dates the post "Nov 12 2012", the day it was put up again;
    # under the story "Originally published January 4, 2010.": which one the page counts
    # as its publication is not guessed
    head = (("dateline", "Nov 12 2012"),
            ("title", "How To Become A Great Cook Without Being A Chef"), _BODY)
    original = ("body", "Originally published January 4, 2010.")
    assert _date(*head, original) == (None, "unknown")
    assert _date(*head)[0] == D(2012, 11, 12)
    # a note of the first publication on the same day leaves the header's date
    assert _date(*head, ("body", "Originally published November 12, 2012."))[0] == D(
        2012, 11, 12)
    # 634ab61288b6: alone it is the first publication elsewhere, not this page's: unknown
    assert _date(head[1], _BODY, ("body", "Originally published at www.courtneykirchoff.com "
                                          "on November 18, 2011.")) == (None, "unknown")


def test_a_table_row_and_an_embedded_post_are_not_datelines() -> None:
    # 46d2d7b99656: a query's output over the paragraph that discusses it
    assert _date(
        ("boilerplate", "status_code │         period         │ entries"),
        ("boilerplate", "400 │ 2020-08-01 17:59:00+00 │      12"),
        _BODY,
    ) == (None, "unknown")
    # 0fb969e97cb6: a tweet embedded under the first paragraph
    assert _date(("title", "West Ham hrozí gigantům, okouzlil i Linekera"), _BODY,
                 ("unsure", "— West Ham United (@WestHam) October 31, 2021")) == (None, "unknown")


# -- where the date stands -------------------------------------------------------------------

def test_a_stamp_just_under_the_first_paragraph_is_the_header_s() -> None:
    # 9d532b65de56: the standfirst read as the first paragraph, the byline's date under it
    page = (("title", "Content Depth — Write Comprehensively About Your Core Topics"), _BODY,
            ("subhead", "On 6/13/2018 by @lazharichir"))
    assert _date(*page)[0] == D(2018, 6, 13)
    # further into the story, a short line with a date is the story's, not the header's
    assert _date(page[0], _BODY, _BODY, _BODY, _BODY, page[2]) == (None, "unknown")


def test_the_structured_data_printed_in_the_capture_gives_the_date() -> None:
    # bf9cba39b3df: the page's JSON-LD is in the text; its "dateModified" is not the date
    assert _date(("boilerplate", '"dateModified": "2017-11-04 02:22:36.000000"'), _BODY,
                 ("boilerplate", '"datePublished": "2017-11-03 03:01:00.000000",')
                 ) == (D(2017, 11, 3), "capture line 3")
    assert _date(("boilerplate", '"dateModified": "2017-11-04 02:22:36.000000"'), _BODY
                 ) == (None, "unknown")


def test_a_post_footer_gives_the_date_when_it_is_the_only_one() -> None:
    # 19bd0345f4dd: no date in the header; "Posted on July 10th, 2012" under the post
    page = (("title", "The Council That Kicked The Hornet's Nest"), _BODY,
            *[_BODY] * 4, ("boilerplate", "Posted on July 10th, 2012"))
    assert _date(*page)[0] == D(2012, 7, 10)
    # 0ac71120ebac: the "Posted ..." lines are the comments' (different days): none chosen
    assert _date(*page[:-1], ("boilerplate", "Posted 10/18/2012 at 2:57 pm | Permalink"),
                 ("boilerplate", "Posted 10/21/2012 at 4:45 pm | Permalink")) == (None, "unknown")


# -- reading dates ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("1 de diciembre de 2017 3:00 AM PST", D(2017, 12, 1)),  # 0e128ed17f11
        ("Par Alexandre Hervaud et Jérémy Piette — 24 novembre 2017 à 18:42",
         D(2017, 11, 24)),  # 5a76cd9caa28
        ("21.dez.2018 às 12h55", D(2018, 12, 21)),  # 0830d3e86aa5
        ("30. April 2015", D(2015, 4, 30)),
        ("发稿时间：2017-03-10 08:42:00", D(2017, 3, 10)),  # 62f043ddb4d8
        ("Top 10 out of 2019 entries", None),
        ("před 2 hodinami", None),  # 0fb969e97cb6: relative, no capture date
        ("An hour ago", None),  # f52d6511556a
        ("3 hours ago", None),  # a relative date never becomes one without a capture date
        ("Australian sales charts, week ending 06/01/08", None),  # 9ada70ee1e59: a two-digit
        ("Posted 06.01.08 at 14:49", None),  # year is never read (which century, which order?)
        # date and time set in two elements with no space between them, as a capture prints
        # them ("May 4, 20245:00 AM ET"): the year ends where the clock time starts
        ("May 4, 20245:00 AM ET", D(2024, 5, 4)),
        ("4 May 202410:32 BST", D(2024, 5, 4)),
        ("May 4, 20245", None),  # five digits and no clock: no year
        # round 24: the digest's own languages, Russian (and Ukrainian), Chinese (and Korean)
        ("4 мая 2024, 15:30", D(2024, 5, 4)),
        ("Опубликовано 12 сентября 2023 г.", D(2023, 9, 12)),
        ("12 березня 2024", D(2024, 3, 12)),
        ("2024年5月4日 15:30", D(2024, 5, 4)),
        ("2024年05月04日09:41 | 来源：人民网", D(2024, 5, 4)),
        ("2024년 5월 4일", D(2024, 5, 4)),
        ("Опубликовано: 12.03.2024, 09:41", D(2024, 3, 12)),  # Russian writes the day first
        ("4 мая в Москве прошёл парад", None),  # no year: a sentence's day, no date
        ("сегодня в 10:00", None),
    ],
)
def test_dates_in_other_languages_and_what_is_not_a_date(text: str,
                                                         want: dt.date | None) -> None:
    assert parse_date(text) == want


def test_a_two_way_numeric_date_takes_the_order_the_page_uses() -> None:
    # e289d2cd7239: "Published on 09/08/2012"; the page's "14/09/2011, 33 Comments" is day first
    head = (("title", "UNSC Weapons Revealed In New Halo 4 Trailer"),
            ("dateline", "Published on 09/08/2012 by Nicholas Griffin in Gaming, Videos"), _BODY)
    teasers = (("boilerplate", "14/09/2011, 33 Comments"), ("boilerplate", "24/07/2011"))
    assert _date(*head, *teasers)[0] == D(2012, 8, 9)
    # a page that writes the month first reads it as 8 September
    assert _date(*head, ("boilerplate", "09/14/2011, 33 Comments"))[0] == D(2012, 9, 8)
    # a page that never says: unknown, never guessed
    assert _date(*head) == (None, "unknown")
    assert numeric_order(["14/09/2011", "09/14/2011"]) is None  # the page contradicts itself
    # 00fdc89d7398: the weekday says which: 5 November 2012 was a Monday, 11 May a Friday
    assert parse_date("Monday, 11.05.2012 / 12:04 AM / News") == D(2012, 11, 5)
    assert parse_date("Friday, 11.05.2012") == D(2012, 5, 11)
    assert parse_date("Sunday, 11.05.2012") is None  # neither reading is a Sunday
    assert parse_date("Published: 12.03.2024") is None  # an English line does not say
    # round 24: a page written in Russian writes the day first, wherever its date stands
    ru_body = ("body", "Официальный представитель МИД России прокомментировала предстоящий "
                       "визит главы МИД КНР в Москву, заявив, что стороны обсудят многое.")
    head = (("title", "Захарова прокомментировала визит Ван И в Москву"),
            ("dateline", "15:30 04.05.2024"))
    assert _date(*head, ru_body)[0] == D(2024, 5, 4)
    assert _date(*head, _BODY) == (None, "unknown")  # an English page: never guessed


def test_a_two_way_numeric_date_reads_as_the_day_the_page_names() -> None:
    # 7b1ea4c295c8: "Posted: 08/09/2012 4:03 pm Updated: 08/09/2012 4:25 pm" under the
    # headline; no numeric date of the page reads one way only, but the page writes
    # "August 9, 2012" with the month's name: 8 September is named nowhere
    head = (("title", "Usain Bolt Wins Gold In 200 Meters Final, Repeating As Olympic Champion"),
            ("dateline", "Posted: 08/09/2012 4:03 pm Updated: 08/09/2012 4:25 pm"), _BODY)
    assert _date(("boilerplate", "August 9, 2012"), *head)[0] == D(2012, 8, 9)
    assert _date(("boilerplate", "8 September 2012"), *head)[0] == D(2012, 9, 8)
    # both days named, or neither: unknown, never guessed
    assert _date(("boilerplate", "August 9, 2012"), ("boilerplate", "8 September 2012"),
                 *head) == (None, "unknown")
    assert _date(*head) == (None, "unknown")


# -- whole train pages through the cleaner ------------------------------------------------------

@pytest.mark.parametrize(("case", "want"), [
    ("bf6332b8a373", None),  # "24 July 2012 Last updated at 05:40 ET": the update's day
    # "By Derek Kreindler on August 9, 2012" under the headline (round 26: the post is the
    # body, no longer a comment of its thread, whose stamps are no dateline)
    ("c191a863befb", D(2012, 8, 9)),
    ("a01ab303ff1c", None),  # "26-28 November 1997": the conference's days
    ("86004f99f0d8", D(2008, 1, 5)),  # its dateline above teasers' stamps of the same shape
    ("9ada70ee1e59", D(2007, 12, 29)),  # a date over the headline "PlayStation Store updated"
    ("7b1ea4c295c8", D(2012, 8, 9)),  # "Posted: 08/09/2012", the page naming "August 9, 2012"
    ("23ad6b7f1c34", D(2008, 1, 8)),  # the site's "today" over the headline, a week later
    ("188a0a298940", D(2012, 8, 9)),  # over the headline; teasers' "8/8/2012" another shape
    ("40d05edeef74", D(2012, 8, 26)),  # "... Posted on Sunday, August 26, 2012, at 11:06 am."
    ("34351c82e8f2", None),  # "Nov 12 2012" over "Originally published January 4, 2010."
    ("634ab61288b6", None),  # "Originally published at www... on November 18, 2011."
    ("6d478d32ce96", D(2007, 12, 29)),  # "« Back to Football Home" over it is no label
    ("26821c059cae", D(2008, 1, 8)),  # "Tue, 2008-01-08 18:35." read as the first paragraph
    ("fdc53d349c9b", None),  # "Feb. 23, 2015 -- ..." opens the lead: not taken
    # the site's "today" at the top, the article's date under its section over the headline
    ("d5c0fef74045", D(2008, 1, 17)),
    # "by Stan Collender | August 09, 2012" under each teaser of "Also Worth Reading"
    ("ba2acdaf01f0", None),
])
def test_train_pages_date_or_not_found(case: str, want: dt.date | None) -> None:
    assert clean_train_page(case).metadata.published.value == want
