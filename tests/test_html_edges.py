"""The furniture both HTML extractors keep at the article's edges (html_edges.py), on pages of
the training corpus (read from ../shared/cleaning-train at test time; never copied here)."""

from __future__ import annotations

import pytest

from digest.html_edges import (
    BEFORE_RULE,
    CALL_RULE,
    CAPTION_RULE,
    CONTAINER_RULE,
    LEGAL_RULE,
    NOTICE_RULE,
    RULE_PREFIX,
    SECTION_RULE,
    article_element,
    edge_furniture,
    notice_line,
    opening_captions,
    section_opener,
    text_reading,
)
from digest.model import BODY_KINDS
from tests.test_html_reconcile import PROSE, _body, _page, _precision, _sentences_kept

BODY = ("body", "html-extractor")


def test_only_lines_outside_the_article_prose_are_dropped() -> None:
    # the same short line ("Share", "More") goes above the first paragraph and under the
    # last, and stays between two paragraphs; a longer line of a kind that can be the article's
    # (a headline, read as "title") stays at the edge too
    texts = ["More", "Court rules against the city council", PROSE, "More", PROSE, "More"]
    verdicts = [("boilerplate", "before-article"), ("title", "title"), BODY,
                ("boilerplate", "label"), BODY, ("boilerplate", "after-article")]
    drop = edge_furniture(texts, verdicts)
    assert drop == {0: RULE_PREFIX + "before-article", 5: RULE_PREFIX + "after-article"}


def test_a_page_without_prose_loses_nothing() -> None:
    texts = ["Home", "News", "Sport"]
    assert edge_furniture(texts, [("boilerplate", "menu")] * 3) == {}


def test_a_legal_notice_element_never_takes_the_article() -> None:
    # an article whose every paragraph sits in an element named for the copyright keeps them
    texts = [PROSE, PROSE]
    contexts = [("div", "copyright", "p")] * 2
    assert edge_furniture(texts, [BODY, BODY], contexts) == {}


def test_what_follows_the_element_holding_the_article_is_dropped() -> None:
    # round 29: eight paragraphs in element 2, then the site's footer in element 15 (its legal
    # notice, the paper's address): the deepest element holding nine tenths of the prose is 2,
    # and what comes after its last line goes, at any length, unless the text track reads it
    # as the article's (the last line here)
    texts = [*[PROSE] * 8,
             "Reproduction in whole or in part without permission is prohibited.",
             "The Patriot Ledger, 400 Crown Colony Drive", "Quincy, Massachusetts"]
    paths = [*[(1, 2, 3 + k) for k in range(8)], (1, 15, 16), (1, 15, 17), (1, 15, 18)]
    assert article_element(texts, paths) == range(0, 8)
    verdicts = [BODY] * 8 + [("boilerplate", "after-article")] * 2 + [BODY]
    drop = edge_furniture(texts, verdicts, None, None, paths)
    assert drop == {8: CONTAINER_RULE, 9: CONTAINER_RULE}


def test_a_lede_or_a_second_part_in_an_element_of_its_own_stays() -> None:
    # the other side: the first paragraph set apart before the article's element stays (only
    # lines without prose go there), and an article whose second half sits in a sibling
    # element is held by their parent: nothing stands outside it
    texts = [PROSE, *[PROSE] * 9]
    lede = [(1, 10, 11), *[(1, 2, 20 + k) for k in range(9)]]
    assert article_element(texts, lede) == range(1, 10)
    assert edge_furniture(texts, [("boilerplate", "before-article")] + [BODY] * 9, None, None,
                          lede) == {}
    halves = [(1, 2, 3), (1, 2, 4), (1, 5, 6), (1, 5, 7)]
    assert article_element(texts[:4], halves) == range(0, 4)
    assert edge_furniture(texts[:4], [("boilerplate", "after-article")] * 4, None, None,
                          halves) == {}
    # a page read without its tree has no elements to go by
    assert article_element(texts[:2], [(), ()]) == range(0)


def test_what_stands_before_the_element_holding_the_article_without_prose_is_dropped() -> None:
    # before the article's element: a link to the next story goes (the text track reads it as
    # no line of the article), and so do its date line and byline (round 30: the header's
    # lines over the article's first paragraph, wherever they stand); its headline stays (the
    # truth keeps it on some pages), and so does a line the text track reads as the article's
    texts = ["Next Article in World »", "Published Thursday, January 10, 2008",
             "By JOSEPH WHITE AP Sports Writer", "Redskins hire a new coach", "Breaking",
             *[PROSE] * 4]
    paths = [(1, 5, 10), (1, 5, 6), (1, 5, 7), (1, 5, 8), (1, 5, 9),
             *[(1, 2, 3 + k) for k in range(4)]]
    verdicts = [("boilerplate", "before-article"), ("dateline", "dateline"),
                ("byline", "byline"), ("title", "title"), BODY, *[BODY] * 4]
    drop = edge_furniture(texts, verdicts, None, None, paths)
    assert drop == {0: BEFORE_RULE, 1: RULE_PREFIX + "dateline", 2: RULE_PREFIX + "byline"}


@pytest.mark.parametrize(
    ("case", "dropped", "rule", "other", "kept"),
    [
        # l3s-gn1 page 596a3cbc662c: both extractors keep the paper's address after the
        # element that holds the story ("The Patriot Ledger, 400 Crown Colony Drive", "P.O. Box
        # 699159, Quincy, MA 02269-9159"). The other side, page 6c7320590998: a press release's
        # contact line after the release's element, which the text track reads as the
        # article's (and the truth keeps), stays
        ("596a3cbc662c", "The Patriot Ledger, 400 Crown Colony Drive", CONTAINER_RULE,
         "6c7320590998", "For further information: press only: Christine Law"),
        # l3s-gn1 page 2d508844195c: "Next Article in World »" before the story's element.
        # The other side, on the same page: "Chua said he had no intention of relinquishing
        # his Cabinet post" before the story's element reads as a headline to the text track
        # and stays (the truth keeps it: the story's opening)
        ("2d508844195c", "Next Article in World »", BEFORE_RULE,
         "2d508844195c", "Chua said he had no intention of relinquishing his Cabinet post"),
        # l3s-gn1 page c3f070b6098b: an advertisement's slogan before the story's element; on
        # page 0f3947a14e43 the first paragraph, prose set apart before the element that holds
        # the rest, stays
        ("c3f070b6098b", "\"Wash and Dry, $9.99\"", BEFORE_RULE,
         "0f3947a14e43", "DENVER - Aspen and pine trees are dying at alarming rates"),
    ],
)
def test_real_page_lines_around_the_article_element(
    case: str, dropped: str, rule: str, other: str, kept: str
) -> None:
    # round 29: dropped (they stay in the record), every sentence of the story kept
    cleaned, truth = _page(case)
    assert {ln.text: ln.rule for ln in cleaned.lines}[dropped] == rule
    assert dropped not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0
    page, truth = _page(other)
    assert kept in _body(page)
    assert _sentences_kept(truth, page) == 1.0


def test_text_reading_reads_the_lines_as_a_text_capture() -> None:
    lines = text_reading(["http://example.org/news/2008/a-story.html", PROSE], "x.html").lines
    assert len(lines) == 2 and lines[0].rule == "url-line"


@pytest.mark.parametrize("case", ["b290a1fc6df5"])
def test_real_page_header_furniture_above_the_article_is_dropped(case: str) -> None:
    # l3s-gn1 page b290a1fc6df5: both extractors keep a byline, the paper's name, a date and
    # "Comments" / "Print Email" between the headline and the first paragraph. Dropped (they
    # stay in the record), every sentence kept; the headline, four words or more of a kind
    # the truth sometimes keeps, stays
    cleaned, truth = _page(case)
    rules = {ln.text: ln.rule for ln in cleaned.lines}
    assert rules["Print Email"] == RULE_PREFIX + "before-article"
    assert rules["Summit Daily News"] == RULE_PREFIX + "outlet"
    assert rules["By LESLIE BREFELD"] == RULE_PREFIX + "byline"
    assert "Graceful girl in a similar world" in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_real_page_web_addresses_under_the_article_are_dropped() -> None:
    # l3s-gn1 page 2d37a32c2212: a list of group addresses under the article, kept by both
    # extractors: each a url-line to the text track, dropped at any length; the article stays
    cleaned, truth = _page("2d37a32c2212")
    urls = [ln for ln in cleaned.lines if ln.rule == RULE_PREFIX + "url-line"]
    assert len(urls) >= 6 and all(ln.kind == "boilerplate" for ln in urls)
    assert all(ln.text not in _body(cleaned) for ln in urls)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_real_page_copyright_element_is_dropped_wherever_it_stands() -> None:
    # l3s-gn1 page 128fbb9725a6: "© 2007 United Press International. All Rights Reserved." and
    # "This material may not be reproduced..." (prose) sit in <div class="story copyright">,
    # kept by the extractors; dropped (none of it is the article's), the article's
    # paragraphs above it kept (the truth's photo captions, which no extractor keeps, aside)
    cleaned, truth = _page("128fbb9725a6")
    legal = [ln.text for ln in cleaned.lines if ln.rule == LEGAL_RULE]
    assert any(t.startswith("This material may not be reproduced") for t in legal)
    assert not any(t in _body(cleaned) or t in truth for t in legal)
    paragraphs = [p for p in truth.split("\n") if p.startswith(("LOS ANGELES", "Rounding out"))]
    assert len(paragraphs) == 2 and all(p in _body(cleaned) for p in paragraphs)
    assert _precision(truth, _body(cleaned)) > 0.9


def test_real_page_tools_under_the_article_are_dropped() -> None:
    # l3s-gn1 page a70f986fa4ca: "Email this story to a friend" under the article, kept by both
    # extractors; a page's tool to the text track (rule page-tool), dropped at the edge at its
    # five words; every sentence kept
    cleaned, truth = _page("a70f986fa4ca")
    rules = {ln.text: ln.rule for ln in cleaned.lines}
    assert rules["Email this story to a friend"] == RULE_PREFIX + "page-tool"
    assert "Email this story to a friend" not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_real_page_menu_rows_over_and_under_the_article_are_dropped() -> None:
    # l3s-gn1 page 55c669d74fc0: both extractors keep the site's two menus over the report
    # ("Football | Cricket | Rugby Union | Rugby League | Tennis | Golf | ...", "Football
    # Contents: My Club | Gossip | ..."), a menu row to the text track at any length, now
    # dropped at the edge (HTML F1 0.85 -> 0.98); every sentence kept
    cleaned, truth = _page("55c669d74fc0")
    menus = [ln for ln in cleaned.lines[:2]
             if ln.text.startswith(("Football | Cricket", "Football Contents"))]
    assert len(menus) == 2 and all(ln.rule == RULE_PREFIX + "menu-row" for ln in menus)
    assert "Football | Cricket" not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_real_page_list_of_other_stories_over_the_article_is_dropped() -> None:
    # l3s-gn1 page eeae66869f62: both extractors keep, over the report, the site's list of
    # other stories ("Defence exhibition proves a major draw at Guwahati", under "More in
    # South Asia news"), which the text track reads as a list of teasers' headlines (rule
    # teaser-headlines, round 28): dropped at the edge, every sentence kept
    cleaned, truth = _page("eeae66869f62")
    rules = {ln.text: ln.rule for ln in cleaned.lines}
    assert rules["Defence exhibition proves a major draw at Guwahati"] == (
        RULE_PREFIX + "teaser-headlines")
    assert "Defence exhibition proves a major draw" not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_a_bar_row_between_the_article_paragraphs_stays() -> None:
    # the other side: the edge rules never reach inside the article's prose
    texts = [PROSE, "Home | News | Sport | Weather | Business | Travel", PROSE]
    verdicts = [BODY, ("boilerplate", "menu-row"), BODY]
    assert edge_furniture(texts, verdicts) == {}
    assert edge_furniture(texts + texts[1:2], verdicts + verdicts[1:2]) == {
        3: RULE_PREFIX + "menu-row"}


NOTICE = "Copyright 2007 Associated Press. All rights reserved. This material may not be published."


def test_what_the_extractors_kept_under_a_copyright_notice_is_dropped() -> None:
    # the notice (a sentence, prose above it) stays; everything under it goes, prose or not
    other = "As a premium member, you will gain access to live news from the markets all day."
    texts = [PROSE, NOTICE, "Login | Learn more", other, "Dow Jones | Wed, Jan 16 2008, 07:40 GMT"]
    assert notice_line(texts) == 1
    drop = edge_furniture(texts, [BODY] * len(texts), notice=notice_line(texts))
    assert drop == {2: NOTICE_RULE, 3: NOTICE_RULE, 4: NOTICE_RULE}
    # a credit under a photo is no notice ("© Jane Doe"), nor a notice with no prose above it
    assert notice_line([PROSE, "© Jane Doe", PROSE]) is None
    assert notice_line([NOTICE, PROSE]) is None


def test_real_page_teasers_under_the_agency_notice_are_dropped() -> None:
    # l3s-gn1 page 75d188d919ed: both extractors keep a market-news teaser list (headlines over
    # "Thomson Financial News | Wed, Jan 16 2008, 07:50 GMT" stamps) under the story's "Copyright
    # 2007 Associated Press. All rights reserved." line: dropped; every sentence of the story kept
    cleaned, truth = _page("75d188d919ed")
    under = [ln for ln in cleaned.lines if ln.rule == NOTICE_RULE]
    assert any(ln.text == "Dutch finance minister expects budget surplus over 2007" for ln in under)
    assert all(ln.kind == "boilerplate" and ln.text not in _body(cleaned) for ln in under)
    assert _sentences_kept(truth, cleaned) == 1.0
    assert _precision(truth, _body(cleaned)) > 0.9


def test_what_the_extractors_kept_from_a_section_opener_under_the_article_on_is_dropped() -> None:
    # the text track ends the article at "Related Articles" under its last body line: the
    # opener and everything under it goes, prose or not; a comments' opener does not count
    # (a thread has its own rules), nor an opener above the article's last body line
    teaser = "Skype adds video calls for the Mac, the company said in a release on Monday."
    texts = [PROSE, "Related Articles", "SkypeOut, SkypeIn, Skype's Up!", teaser]
    verdicts = [BODY, ("boilerplate", "end-boundary"), ("boilerplate", "after-article"),
                ("boilerplate", "after-article")]
    assert section_opener(texts, verdicts) == 1
    assert edge_furniture(texts, verdicts) == {1: SECTION_RULE, 2: SECTION_RULE, 3: SECTION_RULE}
    assert section_opener([PROSE, "Comments", *texts[2:]], verdicts) is None
    assert section_opener(texts, [BODY, verdicts[1], BODY, BODY]) is None


def test_a_posts_tag_line_under_the_article_opens_what_is_dropped() -> None:
    # round 20: a post's tag line under its last body line ends the article as a section
    # opener does; one above the article's text (under its headline) does not
    tags = "Tags: Mercury, MESSENGER, NASA"
    texts = [PROSE, tags, "Other News in Science", PROSE]
    verdicts = [BODY, ("boilerplate", "after-article"), ("boilerplate", "after-article"),
                ("boilerplate", "after-article")]
    assert section_opener(texts, verdicts) == 1
    assert section_opener([tags, PROSE], [("subhead", "heading-in-article"), BODY]) is None


def test_real_page_teasers_under_a_posts_tag_line_are_dropped() -> None:
    # l3s-gn1 page eeae66869f62: both extractors keep the wire story's "TAGS: ..." line, then
    # "More" and four teasers, each a headline over its blurb ("SC allows bull-fighting in
    # Tamil Nadu"): dropped from the tag line on; every sentence of the story kept
    cleaned, truth = _page("eeae66869f62")
    rules = {ln.text: ln.rule for ln in cleaned.lines}
    assert rules["TAGS: South-Asia Modi to meet Amma over lunch today"] == SECTION_RULE
    assert rules["SC allows bull-fighting in Tamil Nadu"] == SECTION_RULE
    assert "The Supreme Court today lifted the ban" not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


@pytest.mark.parametrize(
    ("case", "opener", "teaser"),
    [
        ("4288c859141c", "Related Posts:", "Soul Calibur IV: in-game shots hit web"),
        ("eee97209c24e", "Related Articles", "SkypeOut, SkypeIn, Skype’s Up!"),
    ],
)
def test_real_page_teasers_under_a_related_opener_are_dropped(
    case: str, opener: str, teaser: str
) -> None:
    # l3s-gn1 pages: both extractors keep the blog's "Related Posts:" list, its trackback
    # links and its site blurb (4288c859141c), or a "Related Articles" list with blurbs
    # (eee97209c24e), under the post. Dropped from the opener on; every sentence kept
    cleaned, truth = _page(case)
    rules = {ln.text: ln.rule for ln in cleaned.lines}
    assert rules[opener] == SECTION_RULE
    assert rules[teaser] == SECTION_RULE and teaser not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0
    assert _precision(truth, _body(cleaned)) > 0.95


def test_real_page_blurbs_cut_off_under_the_article_are_dropped() -> None:
    # round 36, l3s-gn1 page 3841c7729673: both extractors keep the site's "LATEST REVIEWS"
    # blurbs under the story, each cut to fit ("Sony has stepped out of the box with its new
    # Vaio PC that redefines the..."); prose to the edges' test, they are the text track's
    # cut-off teasers and go; every sentence of the story kept
    cleaned, truth = _page("3841c7729673")
    cut = [ln for ln in cleaned.lines if ln.rule == RULE_PREFIX + "cut-off-teasers"]
    assert any(ln.text.startswith("Sony has stepped out of the box") for ln in cut)
    assert all(ln.kind == "boilerplate" and ln.text not in _body(cleaned) for ln in cut)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_real_page_paywall_condition_over_the_article_is_dropped() -> None:
    # round 43, l3s-gn1 page fc2db2203167 (one site's six train pages): both extractors keep
    # the Press Association's registration wall over the report as paragraphs ("To read this
    # article in full you must be registered with the site."); prose to the edges' test, the
    # text track reads them as a paywall's condition and they go; every sentence kept
    cleaned, truth = _page("fc2db2203167")
    walls = [ln for ln in cleaned.lines if ln.rule == RULE_PREFIX + "paywall-notice"]
    assert {ln.text for ln in walls} >= {
        "To read this article in full you must be registered with the site."}
    assert all(ln.kind == "boilerplate" and ln.text not in _body(cleaned) for ln in walls)
    assert not any(ln.text.startswith("To read this article") for ln in cleaned.lines
                   if ln.kind in BODY_KINDS)
    assert _sentences_kept(truth, cleaned) == 1.0


CAPTION = "Jane Roe, left, and John Doe arrive at the council meeting on Tuesday."


@pytest.mark.parametrize(
    ("first", "dropped"),
    [
        # a photo's caption over the first paragraph: it places the people or names the picture
        ([CAPTION], [0]),
        (["A police officer stops a car at a checkpoint in this undated file photo."], [0]),
        (["Former mayor Jane Roe, left, and John Doe are seen in this combined image.",
          "Supporters of the former mayor gather outside the court house (right) on Monday "
          "before the hearing."], [0, 1]),
        (["STAFF PHOTO BY KATHY ANDERSON Jane Roe outside her home."], [0]),
        # a lede about a picture's subject, a registered mark, a copyright sign: no caption
        (["The mayor is seen as the favourite to win the vote, officials said on Monday."], []),
        (["The company unveiled the Harmony(R) One remote control at the show on Monday."], []),
        (["Copyright (c) 2014 IETF Trust and the persons identified as the authors."], []),
    ],
)
def test_a_photos_caption_over_the_first_paragraph_is_dropped(first: list[str],
                                                              dropped: list[int]) -> None:
    texts = [*first, PROSE, PROSE]
    drop = edge_furniture(texts, [BODY] * len(texts))
    assert drop == dict.fromkeys(dropped, CAPTION_RULE)


def test_a_caption_under_a_headline_long_enough_to_read_as_prose_is_dropped() -> None:
    # l3s-gn1 596a3cbc662c's shape: the review's headline, then the still's caption
    headline = "MOVIE REVIEW - Murder and morals collide in Woody Allen's new film 'Dream'"
    texts = [headline, CAPTION, PROSE, PROSE]
    verdicts = [("title", "title"), BODY, BODY, BODY]
    assert edge_furniture(texts, verdicts) == {1: CAPTION_RULE}


def test_a_caption_under_the_first_paragraph_or_a_gallerys_captions_stay() -> None:
    # under the first paragraph a caption reads as the article's own sentence about a photo;
    # a page whose every paragraph reads as a caption (a gallery) keeps them all
    assert edge_furniture([PROSE, CAPTION, PROSE], [BODY] * 3) == {}
    assert opening_captions([CAPTION, CAPTION], [0, 1], [BODY, BODY]) == []


@pytest.mark.parametrize("case", ["6b9a6765e30e", "c950b1d1880c", "bdbb0e5a39a7"])
def test_real_page_photo_caption_over_the_article_is_dropped(case: str) -> None:
    # round 44, l3s-gn1 pages: both extractors keep the lead photo's caption as the first
    # paragraph ("Former prime minister Brian Mulroney, left, and Karlheinz Schreiber are seen
    # in this combined image.", "Singer Amy Winehouse arrives at ..., in this June 3, 2007,
    # file photo.", "Mohammed Mansour Jabarah, second from right, ..."); the text track reads it
    # as prose; it goes, and every sentence of the report is kept
    cleaned, truth = _page(case)
    captions = [ln for ln in cleaned.lines if ln.rule == CAPTION_RULE]
    assert len(captions) == 1
    assert captions[0].kind == "boilerplate" and captions[0].text not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_a_call_to_the_reader_is_dropped_wherever_it_stands() -> None:
    # under the article with the short lines after it, and between two paragraphs
    texts = [PROSE, "Join the discussion on our Message Boards", PROSE,
             "When news happens: send photos, videos & tip-offs to 0424 000 000, or us.",
             "More"]
    verdicts = [BODY, BODY, BODY, BODY, ("boilerplate", "after-article")]
    drop = edge_furniture(texts, verdicts)
    assert drop == {1: CALL_RULE, 3: CALL_RULE, 4: RULE_PREFIX + "after-article"}


@pytest.mark.parametrize("case", ["89ccdec4324c", "766bd2272f5e", "5c7614494f59",
                                  "3d21fddcbfa2"])
def test_real_page_call_to_the_reader_under_the_article_is_dropped(case: str) -> None:
    # round 44, l3s-gn1 pages: both extractors keep the site's call under the report ("When
    # news happens: send photos, videos & tip-offs to ...", "You've read the piece, now have
    # your say. Email your comments to ...", "If you have any news tips ...", "... subscribe to
    # the Sunday Times weekly email newsletter!"), which the text track reads as prose; it
    # goes, and every sentence of the report is kept
    cleaned, truth = _page(case)
    calls = [ln for ln in cleaned.lines if ln.rule == CALL_RULE]
    assert calls
    assert all(ln.kind == "boilerplate" and ln.text not in _body(cleaned) for ln in calls)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_real_page_code_examples_set_out_on_one_line_are_kept() -> None:
    # round 45, readability a66f05cd1117: the extractors join each of the post's code examples
    # into one line, which reads as a page's pasted script (rules.script_source); the text
    # track's step for those runs on text captures, where an example keeps its own lines, and
    # the HTML track keeps the examples with every sentence of the post
    cleaned, truth = _page("a66f05cd1117")
    assert 'describe("Cow", function()' in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_a_line_the_text_reading_takes_for_a_pages_script_is_the_articles() -> None:
    # round 45: the extractors leave a page's scripts out, so a kept line the text reading
    # reads as one (cleaning's page-script step) is the article's example in one line; after
    # the article's element it stays, where another line the text track drops goes
    from digest.cleaning import PAGE_SCRIPT_RULE

    example = ('var expect = chai.expect; describe("Cow", function() { it("greets", function() '
               '{ var cow = new Cow("Kate"); expect(cow.greets("Baby")).to.equal("hi"); }); });')
    texts = [*[PROSE] * 8, example, "Reproduction in whole or in part without permission."]
    paths = [*[(1, 2, 3 + k) for k in range(8)], (1, 15, 16), (1, 15, 17)]
    verdicts = [BODY] * 8 + [("boilerplate", PAGE_SCRIPT_RULE), ("boilerplate", "after-article")]
    assert edge_furniture(texts, verdicts, None, None, paths) == {9: CONTAINER_RULE}


def test_the_pages_buttons_under_the_article_go_at_any_length() -> None:
    # round 46: a line the text reading takes for the page's interface under the article's
    # last paragraph goes at the edge at five words ("Save & Share this Article"), where
    # another five-word line the text track drops stays (it can be the article's)
    from digest.cleaning import INTERFACE_UNDER_RULE

    texts = [PROSE, PROSE, "Save & Share this Article", "Photo courtesy of the city"]
    verdicts = [BODY, BODY, ("boilerplate", INTERFACE_UNDER_RULE),
                ("boilerplate", "after-article")]
    assert edge_furniture(texts, verdicts) == {2: RULE_PREFIX + INTERFACE_UNDER_RULE}


def test_real_page_buttons_under_the_article_are_dropped() -> None:
    # l3s-gn1 page 7027ffbef795: "Print Email this Comment" under the report, kept by both
    # extractors and published as its last line; every sentence kept
    from digest.cleaning import INTERFACE_UNDER_RULE

    cleaned, truth = _page("7027ffbef795")
    rules = {ln.text: ln.rule for ln in cleaned.lines}
    assert rules["Print Email this Comment"] == RULE_PREFIX + INTERFACE_UNDER_RULE
    assert "Print Email this Comment" not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_a_newsletters_pitch_and_a_print_edition_note_go_wherever_they_stand() -> None:
    # round 47: a newsletter platform sets its pitch inside the post, between two paragraphs
    # (reconciliation keeps it there as prose the extractors skipped), and a paper notes under
    # the article where it ran in print; the text reading names both, and both go at any
    # length. A sentence the text track reads as the article's stays between paragraphs.
    pitch = ("Thanks for reading The Grid Letter! Subscribe for free to receive new posts and "
             "support my work.")
    note = ("A version of this article appears in print on Nov. 15, 2026, Section A, Page 8 of "
            "the New York edition with the headline: Batteries and the Peak.")
    texts = [PROSE, pitch, PROSE, "Readers who subscribe get the posts a week later, he said.",
             PROSE, note]
    verdicts = [BODY, ("boilerplate", "signup-pitch"), BODY, BODY, BODY,
                ("boilerplate", "print-edition-note")]
    assert edge_furniture(texts, verdicts) == {1: RULE_PREFIX + "signup-pitch",
                                               5: RULE_PREFIX + "print-edition-note"}


def test_a_newsletter_posts_saved_page_publishes_neither() -> None:
    # the same on a saved page of a newsletter post written out by hand: the pitch in its
    # sign-up box between the second and third paragraphs, the print note under the last
    from pathlib import Path

    from digest.capture import decode_capture
    from digest.cleaning import clean, render_plain

    paragraphs = [
        "Every winter evening, demand on the grid rises sharply between five and eight "
        "o'clock, just as solar output falls to nothing across the continent.",
        "Batteries have become the favourite answer to that problem, and the capacity "
        "installed this year is more than double last year's, the operators said.",
        "But a battery that discharges for four hours does little during a week of cold, "
        "still weather, when wind output stays low for days at a time.",
        "The grid operator's own planning documents assume that such a week happens about "
        "once every three winters, which is often enough to matter."]
    marked = [f"<p>{p}</p>" for p in paragraphs]
    box = ('<div class="subscription-widget"><p>Thanks for reading The Grid Letter! Subscribe '
           'for free to receive new posts and support my work.</p><form><input type="email">'
           '</form></div>')
    note = ("<p>A version of this article appears in print on Nov. 15, 2026, Section A, Page 8 "
            "of the New York edition with the headline: Batteries and the Peak.</p>")
    html = ("<html><head><title>Why Batteries Will Not Save the Evening Peak</title></head><body>"
            "<article><h1>Why Batteries Will Not Save the Evening Peak</h1>"
            + "".join(marked[:2]) + box + "".join(marked[2:]) + note
            + "</article><div>© 2026 Alex Moreno</div></body></html>")
    path = Path("post.html")
    body = render_plain(clean(decode_capture(html.encode(), path)))
    for p in paragraphs:
        assert p in body
    assert "Thanks for reading" not in body
    assert "A version of this article" not in body
