"""Stage 3, extract (digest.headline, digest.metadata): the headline, dek, authors and outlet of
a text capture, chosen on evidence; "no headline found" rather than a wrong one.

Each failure class of issue 11 is tested on a page of the training corpus (the `train` part of
scripts/cleaning-split.json; the id is cited), read from ../shared/cleaning-train at test time:
its licence forbids copying pages into the repository. Without ../shared those tests skip.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path
from types import ModuleType

import pytest

from digest.capture import decode_capture
from digest.cleaning import clean, render_plain
from digest.headline import (
    FEATURES,
    Candidates,
    Model,
    one_answer,
    page_probabilities,
    pick,
    reject_reason,
    without_counted_tail,
)
from digest.metadata import name_case
from digest.model import Capture, Cleaned, Line, Metadata

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "cleaning-train"


def _page(case: str) -> tuple[Metadata, list[str]]:
    path = TRAIN / f"{case}.txt"
    if not path.exists():
        pytest.skip(f"training page {case} not found: ../shared/cleaning-train is not here")
    cleaned = clean(decode_capture(path.read_bytes(), path))
    return cleaned.metadata, [ln.text for ln in cleaned.lines]


# --- the failure classes, on training pages: the wrong line is refused, and the real
# --- headline is still found where the page makes it clear


@pytest.mark.parametrize(
    ("case", "refused", "headline"),
    [
        # UI string: the share row above the story ("Email to a friend")
        ("0017f55c7aff", "Email to a friend", "Eto'o on song for Barca"),
        # share prompt: "Share   Follow Android Community on Twitter ..."
        ("180b7cdbd7c7", None, "LG Viper 4G LTE getting Android 4.0 ICS update"),
        # page tool row: "Print Story | Email Story"
        ("0bf67644e139", "Print Story | Email Story", "Suicide Bomber Kills 30 At Iraq Funeral"),
        # author names without "By" right above the story
        ("26b17a568249", "Scott Roxborough and Gregg Goldstein",
         "Winslet could replace Kidman in 'Reader'"),
        # a news agency's name (site/credit) above the story
        ("22cc7a976709", "Press Trust of India", "Modi, BJP leaders discuss poll strategies"),
        # a teaser of another story closer to the body than the headline
        ("05848576638c", "Security fence 'ludicrous' in Ont. town",
         "Melting polar cap No. 1 weather story of 2007"),
        # a row of topic tags under the story's header ("Topics: uber, libertarians, ...")
        ("f9ab86e642eb",
         "Topics: uber, libertarians, Sydney, Editor's Picks, sharing economy, Technology News",
         "The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians"),
        # a headline in capitals word by word is not a person's name ("When" is no name)
        ("215732c50af9", None, "Fergie Cautious When Traveling"),
        # a standfirst right under the headline: the headline is the shorter line above it
        ("d3491b1a326b", "A centrist New Yorker finds a reason to cast his vote strategically.",
         "A case for voting Republican"),
    ],
)
def test_headline_refuses_the_furniture_and_finds_the_real_one(
    case: str, refused: str | None, headline: str
) -> None:
    meta, texts = _page(case)
    if refused is not None:
        assert refused in texts  # the page does offer the wrong line
    assert meta.title.value == headline
    assert meta.title.source.startswith("capture line ")
    number = int(meta.title.source.split()[-1])
    assert texts[number - 1] == headline  # provenance points at the line


def _cleaned(case: str) -> Cleaned:
    path = TRAIN / f"{case}.txt"
    if not path.exists():
        pytest.skip(f"training page {case} not found: ../shared/cleaning-train is not here")
    return clean(decode_capture(path.read_bytes(), path))


@pytest.mark.parametrize(
    ("case", "headline", "kept"),
    [
        # the cleaner's body opens with a photo caption, the headline under it (6b9a6765e30e):
        # the headline is found below the caption, and the caption is not taken for it
        ("6b9a6765e30e", "PM to call limited Mulroney-Schreiber probe",
         "Former prime minister Brian Mulroney, left, and Karlheinz Schreiber are seen in this "
         "combined image."),
        # the body opens with the article's first section title, under the header's author and
        # date (3dfd63144308): the headline is the line over the header, and the section title
        # stays the article's (round 29's model took the section title for the headline; round
        # 38's, which weighs the page's candidates against each other, finds the page's own)
        ("3dfd63144308", "Node.js and CPU profiling on production (in real-time without downtime)",
         "Why CPU monitoring is important?"),
    ],
)
def test_headline_at_the_opening_of_the_body(case: str, headline: str, kept: str) -> None:
    cleaned = _cleaned(case)
    assert cleaned.metadata.title.value == headline
    number = int(cleaned.metadata.title.source.split()[-1])
    assert cleaned.lines[number - 1].kind == "title"
    line = next(ln for ln in cleaned.lines if ln.text.startswith(kept))
    if case == "3dfd63144308":
        # nothing of the article is lost to the header: the paragraph under it is published
        assert line.number > number
        assert line.kind in ("body", "unsure")
    else:
        # the caption over the headline is neither headline nor standfirst (no truth keeps it;
        # the line model gave it back as "unsure" from round 23's retraining to round 24's)
        assert line.number < number
        assert line.kind not in ("title", "dek")


@pytest.mark.parametrize(
    ("case", "refused"),
    [
        # a photo credit under a caption ("STEVE RUSSELL/TORONTO STAR")
        ("569f607f114c", "STEVE RUSSELL/TORONTO STAR"),
        # a league-table row ("Doncaster Rovers 1 Carlisle United 0")
        ("139f41f92ebf", "Doncaster Rovers 1 Carlisle United 0"),
        # a teaser over an advertisement's label over the byline
        ("957b22d53483", "Universities consider naming rights"),
    ],
)
def test_no_headline_rather_than_a_wrong_one(case: str, refused: str) -> None:
    meta, texts = _page(case)
    assert refused in texts
    assert meta.title.value != refused
    assert meta.title.value is None  # the editor supplies it: the safe failure


@pytest.mark.parametrize(
    ("case", "headline", "over"),
    [
        # l3s-gn1 785bd8fc9c06: the body opens with other stories' blurbs; the report's headline
        # stands over a photo credit and "Article Launched: 01/15/2008 09:09:26 PM PST"
        ("785bd8fc9c06", "O'Sullivan helps Kings win third straight, top Oilers 3-1",
         "VITAMIN D SEES THE LIGHT 'Sunshine' nutrient may have key role in..."),
        # l3s-gn1 b20d96961850: the body opens with a gallery's captions, prose-shaped; the
        # headline stands over "Updated Fri. Jan. 11 2008 10:56 PM ET"
        ("b20d96961850", "Economy dominates premiers' meeting with PM",
         "British Columbia Premier Gordon Campbell (left) is greeted"),
    ],
)
def test_a_header_inside_the_bodys_opening_gives_the_headline(
    case: str, headline: str, over: str
) -> None:
    """Round 29: no line above the body is the headline, and a heading a few lines into the
    body stands over its byline or date line: it is the article's header. The lines over it
    stay published (nothing is dropped for it), as unsure: `digest report` names them."""
    cleaned = _cleaned(case)
    assert cleaned.metadata.title.value == headline
    number = int(cleaned.metadata.title.source.split()[-1])
    assert cleaned.lines[number - 1].kind == "title"
    line = next(ln for ln in cleaned.lines if ln.text.startswith(over))
    assert line.number < number
    assert (line.kind, line.rule) == ("unsure", "over-headline")
    assert line.text in render_plain(cleaned)


def test_the_byline_of_a_header_inside_the_bodys_opening_names_the_author() -> None:
    """Round 29, cleaneval page 4a3fcf8bae49: a newsletter's notice opens the body; under it
    "The History of Marriage Within the Church", "as it Pertains to Gay Marriage" and "By
    Wally Bryen". The headline is found there, and the byline under it is read as the
    header's: the author is Wally Bryen (the outlet was "Wally Bryen" before, read from the
    line). The other side: the subtitle between them is no byline or date and stays a line
    of the article."""
    cleaned = _cleaned("4a3fcf8bae49")
    assert cleaned.metadata.title.value == "The History of Marriage Within the Church"
    assert cleaned.metadata.authors.value == ("Wally Bryen",)
    assert cleaned.metadata.outlet.value is None
    byline = next(ln for ln in cleaned.lines if ln.text == "By Wally Bryen")
    assert byline.kind == "byline"
    subtitle = next(ln for ln in cleaned.lines if ln.text == "as it Pertains to Gay Marriage")
    assert subtitle.kind in ("body", "unsure", "subhead")


@pytest.mark.parametrize(
    ("case", "heading"),
    [
        # dragnet 46d2d7b99656: a tutorial's section title, no byline or date under it
        ("46d2d7b99656", "Anomaly in status code 400"),
        # dragnet ba2acdaf01f0: a post's first subheading over a numbered item that holds a
        # date ("1) January 26, 2000, Clinton to Propose Early Debt Payoff,"): no date line
        ("ba2acdaf01f0", 'The Deficit "Crisis"'),
    ],
)
def test_a_section_title_inside_the_body_is_no_headline(case: str, heading: str) -> None:
    """The other side: a heading inside the body's opening with no byline or date line
    around it titles a section of the article; "no headline found" stays."""
    cleaned = _cleaned(case)
    assert any(ln.text == heading and ln.kind == "subhead" for ln in cleaned.lines)
    assert cleaned.metadata.title.value is None


def test_the_headline_over_its_articles_byline_and_date() -> None:
    """Round 12 (`scripts/bench_pages.py`): l3s-gn1 page 9b67bf46dca5 prints "Ashley returns
    to head the hunt for quick solution" over "Louise Taylor" and "Tuesday January 15, 2008",
    under a search box's label. The article's opening shares too few of its words for the
    model to pick it ("no headline found"); a line right over the byline and date that head
    the article, under a short label or nothing, is its headline (`headline.header_pick`)."""
    meta, _texts = _page("9b67bf46dca5")
    assert meta.title.value == "Ashley returns to head the hunt for quick solution"


@pytest.mark.parametrize(
    ("case", "between", "headline"),
    [
        # a page's tool between the headline and "Last Modified: 18 Jan 2008"
        ("b22258333fa3", "Print this page", "Briton murdered in New Zealand"),
        # a byline naming the paper, no person, between the headline and the date; the
        # photo's caption under the header ("STAFF PHOTO BY ...") does not part it from the
        # article
        ("78a88dd88be6", "by The Times-Picayune", "Louisiana's new first lady is mom and MBA"),
    ],
)
def test_the_headline_over_a_tool_line_and_its_date(case: str, between: str,
                                                     headline: str) -> None:
    """Round 41: where the model picks no headline, the header's headline is found over a
    page's tool ("Print this page") or a byline naming no person between it and the date line
    (`headline._candidate_over`); both were "no headline found"."""
    meta, texts = _page(case)
    assert texts[texts.index(headline) + 1:].index(between) <= 2  # the line stands between
    assert meta.title.value == headline


def test_the_headline_under_a_row_of_the_pages_own_over_its_date() -> None:
    """Round 42, dragnet page 72c852198bd0: the model scores the headline "Right from the
    Mouths of Some of the Biggest CEOs" low (p 0.36) over its date line and byline, and the
    header's headline was refused under the masthead's greeting row ("Welcome to Profit
    Confidential • Thursday, August 9, 2012"), read as another headline over it. A line
    `reject_reason` turns away as a row cut by separators (a menu, a masthead's greeting)
    ends the block above as a sentence does. The other side: under another headline no
    headline is found (`tests/test_core_recall.py`, "Council delays vote on the city budget
    again")."""
    meta, texts = _page("72c852198bd0")
    headline = "Right from the Mouths of Some of the Biggest CEOs"
    over = [t for t in texts[:texts.index(headline)] if t.strip()][-1]
    assert over.startswith("Welcome to Profit Confidential •")
    assert meta.title.value == headline


def test_a_readers_comment_over_its_writers_name_and_date_is_no_headline() -> None:
    """Round 41, the other side: on train page 515348d7aa23 (dragnet) a comment's last line
    ("Fantastic shirt!") stands over the commenter's name ("WILDFLOWER") and the comment's
    date: a name is no page tool, so the line is not read as a header's headline (a first
    version, passing over any short line, published it)."""
    meta, texts = _page("515348d7aa23")
    assert texts[texts.index("Fantastic shirt!") + 2] == "WILDFLOWER"
    assert meta.title.value != "Fantastic shirt!"


def test_only_a_body_line_shorter_than_a_paragraph_is_a_lede_under_the_header() -> None:
    """Round 22: between the header's byline and the article's first paragraph, a line of the
    cleaner's body shorter than a paragraph is the article's one-sentence lede and does not
    part the header from the article; a longer line (a teaser's blurb) or a line the cleaner
    dropped still does (`headline.header_pick`). A caption is no lede; since round 41 the
    header's reach passes over one of its own (a photo under the byline)."""
    from digest.headline import _lede_line

    lede = "A British woman has been murdered on a working holiday in New Zealand."
    blurb = ("Volunteers joined rangers and police officers on Sunday in the search for a "
             "hiker last seen above the lake.")
    caption = "The minister arrives at the summit in this undated file photo."
    assert _lede_line(Line(1, lede, "body", "prose"))
    assert not _lede_line(Line(1, blurb, "body", "prose"))
    assert not _lede_line(Line(1, caption, "body", "prose"))
    assert not _lede_line(Line(1, lede, "boilerplate", "before-article"))


def test_the_headline_over_its_byline_and_date_over_a_recent_share_bar() -> None:
    """Round 15 (`scripts/bench_headers.py`): the article of train page 960992579b0a
    (dragnet) under "Creating Passionate Users", its byline and date, and a recent page's
    share bar of eight lines ("Share this article", "Share", six buttons, "Copy link"): the
    byline and date were out of the header's reach, and no headline was found. The share bar's
    buttons do not count in that reach."""
    from .conftest import TRAIN_CORPUS, clean_train_page

    clean_train_page("960992579b0a")  # skips the test when the corpus is absent
    truth = (TRAIN_CORPUS / "960992579b0a.truth.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in truth.split("\n\n") if p.strip()]
    header = ["World", "Creating Passionate Users", "By James O'Neill", "October 5, 2019",
              "Share this article", "Share", "Facebook", "Twitter", "LinkedIn", "WhatsApp",
              "Email", "Copy link"]
    meta = _meta("\n\n".join([*header, *paragraphs, "© 2024 The Valley Courier."]) + "\n")
    assert meta.title.value == "Creating Passionate Users"
    assert meta.authors.value == ("James O'Neill",)


@pytest.mark.parametrize(
    ("case", "refused"),
    [
        # a date stamp with its byline ("Nov 6th '12 by Tom Breihan @ 10:58am")
        ("2ebed5ff6531", "Nov 6th '12 by Tom Breihan @ 10:58am"),
        # a sign-up form's label
        ("d95ad1022694", "Or enter your email below to get SGCC in your inbox:"),
    ],
)
def test_a_byline_or_a_form_label_is_never_the_dek(case: str, refused: str) -> None:
    meta, texts = _page(case)
    assert any(t.strip() == refused for t in texts)
    assert meta.dek.value is None or meta.dek.value.strip() != refused


def test_the_standfirst_is_the_dek() -> None:
    # d3491b1a326b: headline, standfirst, byline
    meta, _ = _page("d3491b1a326b")
    assert meta.dek.value == "A centrist New Yorker finds a reason to cast his vote strategically."
    assert meta.authors.value == ("Jon Bruner",)


def test_caption_is_never_the_dek() -> None:
    # 596a3cbc662c: a photo caption stands between the headline and the story
    meta, texts = _page("596a3cbc662c")
    caption = next(t for t in texts if t.startswith("Tom Wilkinson, left, is the rich uncle"))
    assert meta.dek.value != caption


def test_author_in_capitals_gets_its_real_case() -> None:
    # 0447b45edb2a: "By MIRJAM SWANSON"
    meta, texts = _page("0447b45edb2a")
    assert "By MIRJAM SWANSON" in texts
    assert meta.authors.value == ("Mirjam Swanson",)


def test_outlet_from_the_copyright_line_with_its_line() -> None:
    # 0f8b902f3185: "Copyright © 2008 NY1 News. All rights reserved."
    meta, texts = _page("0f8b902f3185")
    assert meta.outlet.value == "NY1 News"
    number = int(meta.outlet.source.split()[-1])
    assert texts[number - 1].startswith("Copyright © 2008 NY1 News")


def test_welcome_line_names_the_site_only_when_it_describes_the_site() -> None:
    # 3341c1505481: "Welcome to Russia, Where Most of Your Friends Are ..." is a teaser headline
    meta, texts = _page("3341c1505481")
    assert any(t.startswith("Welcome to Russia, Where Most") for t in texts)
    assert meta.outlet.value != "Russia"
    # 0554904f0bb0: "Welcome to Mashable! Sign in with Facebook ..." is the site greeting you
    meta, _ = _page("0554904f0bb0")
    assert meta.outlet.value == "Mashable"
    assert meta.outlet.source == "capture line 19"


def test_a_wire_service_is_neither_outlet_nor_author() -> None:
    # 684dec5a5d96: "© 2008 AAP" under an agency story: the agency's, not the site's
    meta, texts = _page("684dec5a5d96")
    assert "© 2008 AAP" in texts
    assert meta.outlet.value != "AAP"
    # 89ccdec4324c: the same kind of page, the site greeting its reader names it
    meta, _ = _page("89ccdec4324c")
    assert meta.outlet.value == "The Sydney Morning Herald"
    # cd08482cf0b1: "By CP"; 05d29f7d6e80: "By Agencies on Friday, January 18, 2008"
    for case, byline in (("cd08482cf0b1", "By CP"),
                         ("05d29f7d6e80", "By Agencies on Friday, January 18, 2008")):
        meta, texts = _page(case)
        assert byline in texts
        assert not meta.authors.known


# --- the rules themselves, both sides


@pytest.mark.parametrize(
    "text",
    [
        "Share this on WhatsApp",
        "Show more sharing options",
        "SIGN UP FOR NEWSLETTERS AND ALERTS",
        "Posted in Open thread | Permalink | 10 Comments",
        "Copy Link URLCopied!",
        "View PDF/Print Mode",
        "Amy K. Dragoo/AIMMEDIA",
        "Katie J.M. Baker",
        "Updated 0339 GMT (1139 HKT) November 19, 2019",
        "BLOG > Weight Loss > Weight Loss Tips",
        "GROWING AN ONLINE BUSINESS",
        "Scott Roxborough and Gregg Goldstein",
        "Filed to:metroid",
        "Topics: uber, libertarians, Sydney",
        "(From the last 12 hours)",
        "Email Me",  # 64e7d3e1f4fe
        "Get Posts by E-mail",  # f1f7cecb61c4
        # a recent page's buttons, banners and hidden labels (round 10)
        "Download the iPad App",  # 63180b1c0659
        "Save This Story",  # 7e53a9272bcd
        "Gift this article",
        "Toggle navigation",
        "Open navigation menu",
        "Accept all cookies",
        "Image caption Councillors stand outside the old library",
        "Media caption Footage shows the library site",
        "Media playback is unsupported on your device",
        "Enlarge this image",
        # round 24: a menu's label in Chinese, no capitals to tell it from a title
        "行程攻略",
        "国际新闻",
        "相关新闻",
        "分享到：",
    ],
)
def test_never_a_headline(text: str) -> None:
    assert reject_reason(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Investors don't seem to know what to make of the US-China trade war",
        "Council approves levy to fund six new libraries",
        "What the new library levy means for renters?",
        "53-летняя модель: «Посмотри на красотку, которая превратилась в старуху»",
        "Fergie Cautious When Traveling",
        "Samantha and The Great Big Lie",
        "Download the new app store rules, explained",
        "Image copyright law faces its biggest test in years",
        "习近平会见俄罗斯总统普京",
        "中俄两国元首通电话 就能源合作交换意见",
        "Путин и Си Цзиньпин обсудили сотрудничество в энергетике",
        "«Сила Сибири — 2»: стороны договорились о цене",  # opening with a guillemet
    ],
)
def test_headlines_pass_the_rules(text: str) -> None:
    assert reject_reason(text) is None


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("VICTOR TANGERMANN", "Victor Tangermann"),
        ("MARY MCDONALD", "Mary McDonald"),
        ("JUAN DE LA CRUZ", "Juan de la Cruz"),
        ("CONAN O'BRIEN", "Conan O'Brien"),
        ("McDonald", "McDonald"),  # written in mixed case: the author's own spelling
        ("Victor de la Cruz", "Victor de la Cruz"),
        ("danah boyd", "danah boyd"),
    ],
)
def test_name_case(name: str, want: str) -> None:
    assert name_case(name) == want


PARA = "The council agreed on Tuesday to fund the new library, officials said in a statement."
PARAS = "\n\n".join(f"{PARA} Detail number {i} follows from the vote." for i in range(5))


def _meta(text: str) -> Metadata:
    return clean(Capture(Path("h.txt"), "h.txt", "text", text, "utf-8")).metadata


def test_share_bar_between_headline_and_body_is_passed_over() -> None:
    m = _meta(
        "Home\n\nCouncil agrees to fund the new library\n\nBy Jane Roe\n\n"
        "Share this on WhatsApp\nShow more sharing options\nCopy Link URLCopied!\n\n" + PARAS
    )
    assert m.title.value == "Council agrees to fund the new library"
    assert m.title.source == "capture line 3"


def test_line_that_shares_nothing_with_the_article_is_no_headline() -> None:
    m = _meta("Home\n\nCelebrity chef opens a seaside bistro\n\n" + PARAS)
    assert not m.title.known


def test_outlet_is_never_guessed() -> None:
    m = _meta("Council agrees to fund the new library\n\nBy Jane Roe\nShare\n\n" + PARAS)
    assert not m.outlet.known
    m = _meta("Council agrees to fund the new library\n\n" + PARAS
              + "\n\n© 2021 The Town Crier. All rights reserved.")
    assert m.outlet.value == "The Town Crier"
    assert m.outlet.source == "capture line 13"


def _cands(above: list[int], longer_under: list[bool]) -> Candidates:
    n = len(FEATURES)
    k = FEATURES.index("longer-under")
    xs = tuple(tuple(float(lu) if j == k else 0.0 for j in range(n)) for lu in longer_under)
    return Candidates(first=10, rejected=(), index=tuple(range(len(above))),
                      above=tuple(above), x=xs)


def test_pick_abstains_below_the_threshold_and_prefers_the_headline_over_its_standfirst() -> None:
    # one candidate, not sure enough: no headline (the editor supplies it)
    assert pick(_cands([0], [False]), [0.2], 0.35) is None
    assert pick(_cands([0], [False]), [0.5], 0.35) == 0
    # headline right above a longer standfirst on the same subject, the standfirst scored
    # higher: the headline is the one above, when it clears the threshold itself
    assert pick(_cands([1, 0], [True, False]), [0.5, 0.7], 0.35) == 0
    assert pick(_cands([1, 0], [True, False]), [0.3, 0.7], 0.35) == 1
    # not adjacent (a line of text between them): each stands on its own evidence
    assert pick(_cands([2, 0], [True, False]), [0.5, 0.7], 0.35) == 1


def _bias_only(score: float, threshold: float = 0.5) -> Model:
    """A model scoring every candidate ``score`` (its bias alone)."""
    return Model((score,) + (0.0,) * (len(FEATURES) - 1), threshold)


def _lines_over_the_body(count: int, vetoed: tuple[tuple[int, str], ...] = ()) -> Candidates:
    """``count`` candidates, each with its bias feature set (the rest 0), one over another."""
    x = (1.0,) + (0.0,) * (len(FEATURES) - 1)
    return Candidates(first=10, rejected=(), index=tuple(range(count)),
                      above=tuple(range(count - 1, -1, -1)), x=(x,) * count, vetoed=vetoed)


def test_the_choice_model_weighs_a_pages_candidates_against_each_other() -> None:
    """Round 38: the headline model gives a page's candidates one probability to share with
    "none of them". A lone candidate gets the logistic function of its score, as a per-line
    model would give it; two lines that read as the headline alike each get less (neither is
    published on evidence the other has as much of); a vetoed line keeps its share from the
    others but gets none itself."""
    model = _bias_only(math.log(3.0))  # a lone line: 3 to 1 for it against "none"
    lone = _lines_over_the_body(1)
    assert page_probabilities(model, lone, ["Xi and Putin meet in Beijing"]) == [
        pytest.approx(0.75)]
    assert pick(lone, [0.75], model.threshold) == 0
    two = _lines_over_the_body(2)
    probs = page_probabilities(model, two, ["Xi and Putin meet", "Trade talks stall in Kazan"])
    assert probs == [pytest.approx(3 / 7), pytest.approx(3 / 7)]
    assert pick(two, probs, model.threshold) is None
    vetoed = _lines_over_the_body(2, vetoed=((1, "comment"),))
    assert page_probabilities(model, vetoed, ["Xi and Putin meet", "Great piece!"]) == [
        pytest.approx(3 / 7), 0.0]


def test_a_headline_shown_twice_is_one_answer() -> None:
    """Round 38: copies of one text among the candidates (the headline over the share bar and
    again over the byline, a breadcrumb's last item) are one answer: the copy the model gives
    the most holds their sum, the others nothing. On train page 59a915d4a257 (an eHow page)
    the headline printed twice over the byline got 0.48 a copy, under the threshold: no
    headline; as one answer it is published."""
    assert one_answer([0.3, 0.1, 0.35], ["Xi in Moscow", "Menu", "XI IN MOSCOW"]) == [
        0.0, 0.1, pytest.approx(0.65)]
    meta, texts = _page("59a915d4a257")
    assert texts.count("How to Build a Terrarium") >= 2
    assert meta.title.value == "How to Build a Terrarium"


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_headline", Path(__file__).resolve().parent.parent / "scripts" / "train_headline.py")
    assert spec and spec.loader
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    return trainer


def test_the_choice_model_is_fitted_to_the_pick() -> None:
    """``train_headline.fit_choice`` learns from whole pages: a feature that marks each page's
    headline gets a positive weight, the page without a headline among its candidates teaches
    "none" (a lone unmarked line stays under the threshold), and two fits give the same
    weights (the model file's bytes)."""
    trainer = _trainer()
    marked = [[(1.0, 1.0, 0.2), (1.0, 0.0, 0.3), (1.0, 0.0, 0.1)]] * 12
    unmarked = [[(1.0, 0.0, 0.2), (1.0, 0.0, 0.4)]] * 6
    xs = marked + unmarked
    ys = [[1, 0, 0]] * 12 + [[0, 0]] * 6
    weights = trainer.fit_choice(xs, ys)
    assert weights == trainer.fit_choice(xs, ys)
    bias, mark, other = weights
    assert mark > 0

    def probabilities(page: list[tuple[float, ...]]) -> list[float]:
        es = [math.exp(bias + mark * x[1] + other * x[2]) for x in page]
        return [e / (1.0 + sum(es)) for e in es]

    assert max(probabilities(marked[0])) == probabilities(marked[0])[0] > 0.5
    assert max(probabilities([(1.0, 0.0, 0.2)])) < 0.5


def test_the_choice_model_beats_the_per_line_one_out_of_fold() -> None:
    """Round 38's reason for the choice model, kept as a guard: out of fold on the train
    pages (five folds by site, one shuffling here; ten in CLEANING.md), the choice model with
    copies as one answer has a higher right - wrong than round 37's per-line logistic
    regression. A change to the features or the candidates that undoes it shows here."""
    if not TRAIN.exists():
        pytest.skip("../shared/cleaning-train is not here")
    trainer = _trainer()
    scorer = trainer.load_tool(trainer.META_SCORER)
    ids = trainer.json.loads(trainer.SPLIT_FILE.read_text(encoding="utf-8"))["train"]
    docs = trainer.collect(TRAIN, ids, scorer)
    cases = {c["id"]: c for c in trainer.json.loads(
        (TRAIN / "manifest.json").read_text(encoding="utf-8"))["cases"]}
    got = trainer.out_of_fold(docs, [trainer.site_of(cases[d["id"]]) for d in docs], 1)
    per_line = got["per-line logistic regression"]
    chosen = got["choice model, copies as one answer"]
    assert chosen[1] - chosen[2] > per_line[1] - per_line[2]
    assert all(right + wrong <= len(docs) for _t, right, wrong in got.values())


def test_a_quoted_sentence_is_no_headline_but_a_quoted_headline_is() -> None:
    # 6d478d32ce96: a quotation ending in a full stop inside its quotes, near the top of the
    # story, is a sentence of the article; a headline in quotes without a full stop
    # (3867bc595138) can still be one
    quote = '"My thoughts are with his family at this tragic time."'
    cleaned = _cleaned("6d478d32ce96")
    assert any(ln.text == quote for ln in cleaned.lines)
    assert reject_reason(quote) == "shape"
    assert cleaned.metadata.title.value == "SPL Mourns for O'Donnell"
    headline = "“Firefox developers don’t listen to users”"
    assert reject_reason(headline) is None
    assert _cleaned("3867bc595138").metadata.title.value == headline


def test_a_short_first_paragraph_is_no_dek() -> None:
    # 189ec21b4d44: the story opens with a one-sentence paragraph shorter than the paragraphs
    # the headline's words are compared with; it stays the article's, not the standfirst
    # (the standfirst above the body is still the dek: test_the_standfirst_is_the_dek)
    cleaned = _cleaned("189ec21b4d44")
    assert cleaned.metadata.title.value == "Terry set for scan"
    lede = "John Terry will have a scan on his foot injury on Monday."
    assert cleaned.metadata.dek.value != lede
    assert next(ln for ln in cleaned.lines if ln.text == lede).kind == "body"


def test_lower_case_twins_answer_as_the_patterns_do() -> None:
    """The case-insensitive patterns are matched, for speed, as case-sensitive twins against
    the lower-cased line: every verdict must stay the same, and a pattern that is case-sensitive
    somewhere inside ("16/50 High street ...", a gallery counter only before a lower-case
    word) gets no twin."""
    import re

    from digest import headline as H
    from digest import rules as R

    lines = [
        "SHARE THIS STORY", "Share on Facebook", "Sign Up For Our Newsletter",
        "16/50 High street shops hit by exodus", "Photo 3 of 12", "3 of 12 photos",
        "Welcome to Your Daily News!", "Copyright 2019 Winona Daily News", "PHP.SYS-CON.com",
        "Council funds new library", "Xi Jinping, left, and Joe Biden", "Read More",
        "Posted in Open thread | Permalink | 10 Comments", "Café owner Ünal wins award",
    ]
    pairs = [(H._UI_RE, H._UI_LOWER_RE), (H._SITE_RE, H._SITE_LOWER_RE),
             (H._CAPTION_CUE_RE, H._CAPTION_CUE_LOWER_RE), (H._SITE_WORDS_RE, H._SITE_WORDS_TWIN)]
    for rx, twin in pairs:
        assert twin is not None
        for text in lines:
            assert H._search_ci(rx, twin, text) == bool(rx.search(text)), (rx.pattern[:20], text)
    for text in lines:
        lower = text.lower() if text.isascii() else None
        assert H._ui_line_rule(text) == any(
            R.LINE_RULES[k].search(text, lower) for k in H._UI_LINE_RULES), text
    gallery = next(rule for rule in R.LINE_RULES if rule.name == "gallery-counter")
    assert H._lower_twin(gallery.pattern) is None
    assert H._lower_twin(re.compile("[A-Z]x", re.IGNORECASE)) is None


# --- round 4: classes found on the train split


def _title_line(cleaned: Cleaned) -> str:
    number = int(cleaned.metadata.title.source.split()[-1])
    return cleaned.lines[number - 1].text


@pytest.mark.parametrize(
    ("case", "headline"),
    [
        ("7b4b895c626c", "How to Lose 100 Pounds on The Slow-Carb Diet – Real Pics and Stories"),
        ("79b9997b49ff", "Another Unusual $100,000 Birthday Present (Plus: Free Round-Trip "
                         "Anywhere in the World)"),
    ],
)
def test_a_headline_with_its_comment_count_is_published_without_it(
    case: str, headline: str
) -> None:
    # the page prints the comment counter on the headline's line ("... 385 Comments"): the
    # headline was refused as interface text; it is the headline, published without the count
    cleaned = _cleaned(case)
    assert cleaned.metadata.title.value == headline
    line = _title_line(cleaned)
    assert line.startswith(headline) and line != headline  # the source line keeps its count
    # the counter alone is still interface text, never a headline
    assert reject_reason("385 Comments") is not None
    assert reject_reason("Title of the Story 385 Comments") == "ui"


@pytest.mark.parametrize(
    ("case", "headline"),
    [
        ("20872dea4cf4", "The Decline of Google's (and Everybody's) Ad Business"),
        ("5ad120e75845", "Steve Jobs' Yacht Revealed"),
    ],
)
def test_a_headline_closed_by_the_pages_comment_count_is_published_without_it(
    case: str, headline: str
) -> None:
    """Round 34: the page runs its comment counter into the headline's line as a bare number
    ("... Ad Business 313", and "100 of 313 comments loaded" under the post): the headline was
    published with the number. A number closing the headline that the page counts comments by
    goes; the source line keeps it."""
    cleaned = _cleaned(case)
    assert cleaned.metadata.title.value == headline
    assert _title_line(cleaned) != headline


def test_a_number_closing_a_headline_stays_unless_the_page_counts_comments_by_it() -> None:
    """The other side: "Day 3", "Part 5" and "2008" close headlines of their own (train pages
    039d7ef0542a, 5df442ae9ee2, 00a1653a38c8). A number stays unless the page counts that many
    comments, and a number of one figure always stays ("iPhone 5" over "5 comments")."""
    counter = ["100 of 313 comments loaded twitter facebook"]
    assert without_counted_tail("The Decline of Google's Ad Business 313", counter) == (
        "The Decline of Google's Ad Business")
    assert without_counted_tail("Netgear Concept At CES 2008", counter) == (
        "Netgear Concept At CES 2008")
    assert without_counted_tail("Letting the Wolves Howl: Part 5", ["5 Comments"]) == (
        "Letting the Wolves Howl: Part 5")
    assert without_counted_tail("Revealed 40", ["40 Comments"]) == "Revealed"
    assert without_counted_tail("40", ["40 Comments"]) == "40"


@pytest.mark.parametrize(
    ("case", "headline", "refused"),
    [
        # a title in capitals word by word, made of words the recipe writes in lower case
        ("4519f380eb63", "Almond Fall Wedding Cake", None),
        # ... and the blog's two-word name above it is still no headline
        ("ff34b84edb8b", "Yard Sign Fenders", "Bike Hugger"),
    ],
)
def test_a_short_title_of_common_words_is_no_name(
    case: str, headline: str, refused: str | None
) -> None:
    cleaned = _cleaned(case)
    assert cleaned.metadata.title.value == headline
    texts = [ln.text.strip() for ln in cleaned.lines]
    if refused is not None:
        assert refused in texts
        assert reject_reason(refused) == "name"


def test_names_stay_refused_when_the_body_never_writes_them_in_lower_case() -> None:
    # an author's name is capitalised wherever the page prints it; a title is not
    from digest.headline import NAME_COMMON_SHARE, common_share, content_words

    lower = content_words("the yard sign was cut into a fender for the bike")
    assert common_share("Yard Sign Fenders", lower) >= NAME_COMMON_SHARE
    assert common_share("Scott Roxborough", lower) < NAME_COMMON_SHARE
    # 26b17a568249: the byline without "By" is refused, the headline found (test above)
    meta, texts = _page("26b17a568249")
    assert "Scott Roxborough and Gregg Goldstein" in texts
    assert meta.title.value == "Winslet could replace Kidman in 'Reader'"


@pytest.mark.parametrize(
    ("case", "headline"),
    [
        # a headline opening with a brand written with a lower-case prefix
        ("a70f986fa4ca", "iTunes does movie deal with Fox"),
        ("f47c36252028", "iPad Mini to debut in September, says analyst"),
        # "subscribers" is a word of the story, not a sign-up prompt
        ("d926ec35d70f", "BSNL offers insurance cover to subscribers"),
    ],
)
def test_headlines_the_interface_rules_refused(case: str, headline: str) -> None:
    cleaned = _cleaned(case)
    assert cleaned.metadata.title.value == headline
    assert _title_line(cleaned) == headline
    # the other side: a line cut from a paragraph, and a sign-up prompt, stay refused
    assert reject_reason("and then the council voted to fund it") == "shape"
    assert reject_reason("Subscribe to our daily briefing") == "ui"


@pytest.mark.parametrize(
    ("case", "authors"),
    [
        # a label glued after the name: "Written by Tim Ferriss Topics: The 4-Hour Body - 4HB"
        ("7b4b895c626c", ("Tim Ferriss",)),
        # a name in capitals, then the role: "By TARIQ PANJA Associated Press Writer"
        ("40eb6a7b8c00", ("Tariq Panja",)),
        # the weekday of its date stamp: "By Stephen M. Walt  Thursday, ..."
        ("86183709ee66", ("Stephen M. Walt",)),
    ],
)
def test_author_names_without_what_the_byline_glued_after_them(
    case: str, authors: tuple[str, ...]
) -> None:
    assert _cleaned(case).metadata.authors.value == authors


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("JOSEPH WHITE AP Sports Writer", "JOSEPH WHITE"),
        ("Laura June Topolsky July", "Laura June Topolsky"),
        ("Mary June", "Mary June"),  # a name that ends like a month is left whole
        ("Jane Doe", "Jane Doe"),
        ("Ana de Souza", "Ana de Souza"),
    ],
)
def test_person_name(name: str, want: str) -> None:
    from digest.metadata import person_name

    assert person_name(name) == want


@pytest.mark.parametrize(
    ("case", "headline", "dek"),
    [
        # the headline, its standfirst, then a byline: the standfirst (longer, on the same
        # subject, nearer the body) was published as the headline; it is the dek
        ("66829cb7f29b", "x86 processor shipments drop steeply in Q3 as Intel gains on AMD",
         "Intel gained share over AMD, but it was the second worst quarter for the x86 processor "
         "market since Q1 of 2001"),
        # the headline, a dateline, "Related Articles" and a teaser: the teaser was published as
        # the headline, then as the dek; it is neither
        ("3a02f030b717", "Sri Lankan cricket chief resigns", None),
    ],
)
def test_a_standfirst_or_teaser_under_the_headline_is_not_the_headline(
    case: str, headline: str, dek: str | None
) -> None:
    cleaned = _cleaned(case)
    assert cleaned.metadata.title.value == headline
    assert cleaned.metadata.dek.value == dek
    if dek is None:
        texts = [ln.text for ln in cleaned.lines]
        assert "Ranatunga to take over as Sri Lanka chief" in texts  # the teaser is there


# --- round 5: a row of tags, a name with an apostrophe inside it, "signing"


def test_a_row_of_tags_is_no_headline_but_a_headline_with_commas_is() -> None:
    # c6944a2168e9: under the story's header, a row of topic tags ("Video, Andrea Saul, ...")
    # shares every word with the article; the headline above it has commas too
    tags = ("Video, Andrea Saul, Marsha Blackburn, Romney Health Care, Andrea Saul Romneycare, "
            "Romneycare, Romneycare Obamacare, Politics News")
    headline = ("Marsha Blackburn, GOP Congresswoman, Refuses To Acknowledge Romneycare "
                "(VIDEO)")
    cleaned = _cleaned("c6944a2168e9")
    assert any(ln.text == tags for ln in cleaned.lines)
    assert reject_reason(tags) == "tags"
    assert reject_reason(headline) is None
    assert reject_reason("Ames, Weir third, fourth in season opener") is None
    assert cleaned.metadata.title.value == headline


def test_a_name_with_an_apostrophe_is_a_name_a_possessive_is_a_title() -> None:
    # 97c1a980acfc: the photo's subject ("Lupita Nyong'o") stands under the headline that
    # names her; the apostrophe inside a name makes no title of it, a possessive does
    cleaned = _cleaned("97c1a980acfc")
    assert any(ln.text == "Lupita Nyong'o" for ln in cleaned.lines)
    assert reject_reason("Lupita Nyong'o") == "name"
    assert reject_reason("Conan O'Brien") == "name"
    assert reject_reason("Obama's Choice") != "name"
    assert reject_reason("Don't Stop Believing") != "name"
    assert cleaned.metadata.title.value == "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!"


def test_signing_is_no_sign_in_prompt() -> None:
    # e7d01d4c1049: a transfer story's headline says "signing"; "Sign in" is still a prompt
    headline = "'Ronaldo signing would be great for PSG' - Pastore"
    assert reject_reason(headline) is None
    assert reject_reason("Sign in to comment") == "ui"
    assert reject_reason("Signin Or Register Today") == "ui"
    assert _cleaned("e7d01d4c1049").metadata.title.value == headline



def test_a_slash_inside_a_headline_or_a_date_in_brackets_makes_no_photo_credit() -> None:
    # 29dcd50a6a5d: a headline says "Home/Road Split In Latest ..." (a slash between two words,
    # then five more); 61e0dee80b5f: the date under a headline is "(14/01/2008)". A credit
    # names a photographer and an agency of one to four words, and has letters in brackets.
    from digest.headline import is_credit

    home_road = "Voters Split On Brewers' Home/Road Split In Latest BCB Tracking\xa0Poll"
    assert not is_credit(home_road) and reject_reason(home_road) is None
    assert not is_credit("(14/01/2008)")
    for credit in ("STEVE RUSSELL/TORONTO STAR", "Jim Craven/ NBC News", "(Ferrey/WireImage)",
                   "London, Aug. 4, 2012. (AP Photo/Daniel Ochoa De Olza)",
                   "(Jacquelyn Martin / Associated Press)", "(AP Photo/Getty)"):
        assert is_credit(credit), credit
    assert _cleaned("29dcd50a6a5d").metadata.title.value == home_road
    assert (_cleaned("61e0dee80b5f").metadata.title.value
            == "10,000 trusted domains infected by crimeware Trojan")


def test_a_standfirst_repeating_its_little_words_loses_to_the_headline_above_it() -> None:
    # 0830d3e86aa5: the headline, then a standfirst that shares more words with the article
    # ("... técnico do Corinthians entregou réplica do troféu ..."); a sentence says its little
    # words twice, a headline's compressed style drops them ("repeats" in headline.FEATURES)
    from digest.headline import _repeats

    headline = "Tite diz que errou ao levar taça da Libertadores a Lula em 2012"
    standfirst = "Na ocasião, técnico do Corinthians entregou réplica do troféu ao ex-presidente"
    words = [w.lower() for w in headline.split()]
    assert _repeats(words) == 0.0
    assert _repeats([w.strip(",").lower() for w in standfirst.split()]) > 0.0
    assert FEATURES[-1] == "repeats"
    cleaned = _cleaned("0830d3e86aa5")
    assert any(ln.text == standfirst for ln in cleaned.lines)
    assert cleaned.metadata.title.value == headline


def test_lower_case_words_asked_one_by_one_answer_as_the_whole_set() -> None:
    # the name-shape test looks for a line's few words in the article as written, instead of
    # gathering every lower-case word of it: the same share, word forms and edges included
    from digest.headline import LowerWords, _lower_words, common_share

    body = ["The yard signs were cut into fenders; Sign-up sheets and e-mail lists.",
            "Cities' libraries (the city's library) and iPads, x-rays, u.s. Bikes"]
    whole = _lower_words(body)
    asked = LowerWords("\n".join(body))
    for line in ("Yard Sign Fenders", "City Library Bikes", "Mail Lists Rays", "Scott Roxborough",
                 "Up Sheets", "Library Cities Pads", "Signs Were Cut"):
        assert asked.share(line) == common_share(line, whole), line
    assert asked.share("Yard Sign Fenders") == 1.0  # "yard", "signs", "fenders" written so
    assert asked.share("Scott Roxborough") == 0.0


# --- round 10: candidates their neighbours show to be something else are never picked (a
# helper's round 9 branch refused them before scoring, which moved the retrained model)


def test_a_reader_comment_is_no_headline() -> None:
    # d93cc374569c: the cleaner's body is a comment of the thread under the post; the comment
    # above it ("Will there has a new flagship DX camera coming, like 7200?") has its "Reply"
    # button under it. c191a863befb's body was a comment too until round 26 (a reply without
    # a button of its own, in a thread of "Login to reply" buttons): the post is its body
    # now, and its headline the post's own.
    from digest.headline import _reply_under

    comment = "Will there has a new flagship DX camera coming, like 7200?"
    meta, texts = _page("d93cc374569c")
    assert comment in texts
    assert meta.title.value is None  # the safe failure: the post's headline is far above
    assert (_cleaned("c191a863befb").metadata.title.value
            == "Can 187,586 Buyers Be Wrong? Consumer Reports Thinks So")
    texts = ["Posted October 29, 2012 at 10:53 am | Permalink", comment, "Reply"]
    assert _reply_under(texts, [0, 1, 2], 1)
    for button in ("Login to reply", "Report Post »  Log in to Reply", "Reply to This Share",
                   "Ida | November 9, 2012 5:10 AM | Reply"):
        assert _reply_under([comment, button], [0, 1], 0), button
    # a headline above its byline, or above a form that names it, is no comment
    assert not _reply_under([comment, "By Jane Roe"], [0, 1], 0)
    assert not _reply_under([comment, "Leave a Reply"], [0, 1], 0)
    assert not _reply_under([comment, "Reply to “How Layaway Plans Work”"], [0, 1], 0)


def test_a_teaser_of_a_list_with_counters_is_no_headline() -> None:
    # 5a0a23a911e5: four teasers, each over its "N comments" counter and its blurb, the last
    # right above the body ("Hyundai to Become Third Best Selling Retail Car Brand ...")
    from digest.headline import _counter_under

    teaser = ("Hyundai to Become Third Best Selling Retail Car Brand in America Next Year Says "
              "CEO Krafcik")
    cleaned = _cleaned("5a0a23a911e5")
    assert any(ln.text == teaser for ln in cleaned.lines)
    assert cleaned.metadata.title.value != teaser
    texts = ["Top 10 Cars", "8 comments", "Five-Point Inspection", "7 comments", teaser,
             "7 comments", "Feature: eAssist", "15 comments"]
    assert _counter_under(texts, list(range(len(texts))), 4)
    # a headline with its own comment counter, once on the page, is still a candidate
    texts = ["Home", teaser, "7 comments", "By Jane Roe"]
    assert not _counter_under(texts, list(range(len(texts))), 1)


def test_a_teaser_over_its_blurb_and_stamp_is_no_headline() -> None:
    """Round 16 (`scripts/bench_pages.py`, "teasers with blurbs over the header": a teaser's
    headline published on 0.04 of the validation pages): a "Trending" list over l3s-gn1 page
    00a1653a38c8's header, its first teaser on the same subject ("Netgear shows its home
    network kit at CES ..."), each teaser a headline, a sentence of blurb and a stamp. The
    teaser shared the article's words and was picked. A line over a sentence over a counter
    or stamp that the list repeats is a teaser. The other side: the article's own headline,
    over its byline and a date of the very shape of the teasers' stamps, is still picked."""
    from digest.headline import _counter_under

    from .test_core_recall import PAGE_TOP, TEASERS, _wrapped_lines

    own = 'Netgear Brings "All-Access Home" Concept At CES 2008'
    teaser = "Netgear shows its home network kit at CES in Las Vegas"
    blurb = ("The company showed a kit that streams video and music to every room of a home "
             "over its power lines.")
    for stamp in ("{} hours ago", "March {}, 2024"):  # the article's own date: "March 5, 2024"
        teasers = [(teaser, blurb, stamp.format(2))]
        teasers += [(title, text, stamp.format(k + 3))
                    for k, (title, text, _stamp) in enumerate(TEASERS)]
        trending = [*PAGE_TOP, "Trending", *(x for unit in teasers for x in unit)]
        _paragraphs, cleaned = _wrapped_lines("00a1653a38c8", trending, ["About us"])
        assert cleaned.metadata.title.value == own, stamp
    texts = [teaser, blurb, "2 hours ago", "Storm leaves thousands without power", blurb,
             "3 hours ago", "Council delays vote", blurb, "4 hours ago", own, "By Jane Roe"]
    window = list(range(len(texts)))
    assert _counter_under(texts, window, 0)
    assert not _counter_under(texts, window, 9)


def test_a_teaser_under_its_stamp_is_no_headline() -> None:
    """Round 16, the same list with each teaser under its stamp ("2 hours ago", a headline, a
    sentence of blurb), the teaser on the article's subject last, right over the article's
    header: a line under a stamp the list repeats, over a sentence of blurb, is a teaser. The
    article's own headline (its byline under it) is picked."""
    from digest.headline import _counter_over

    from .test_core_recall import PAGE_TOP, TEASERS, _wrapped_lines

    own = 'Netgear Brings "All-Access Home" Concept At CES 2008'
    teaser = "Netgear shows its home network kit at CES in Las Vegas"
    blurb = ("The company showed a kit that streams video and music to every room of a home "
             "over its power lines.")
    units = [*((title, text) for title, text, _stamp in TEASERS), (teaser, blurb)]
    trending = [*PAGE_TOP, "Trending", *(x for k, (title, text) in enumerate(units)
                                         for x in (f"{k + 2} hours ago", title, text))]
    _paragraphs, cleaned = _wrapped_lines("00a1653a38c8", trending, ["About us"])
    assert cleaned.metadata.title.value == own
    texts = ["2 hours ago", "Storm leaves thousands without power", blurb, "3 hours ago",
             "Council delays vote", blurb, "4 hours ago", teaser, blurb, own, "By Jane Roe"]
    window = list(range(len(texts)))
    assert _counter_over(texts, window, 7)
    assert not _counter_over(texts, window, 9)


def test_a_caption_cut_on_its_first_line_is_no_headline() -> None:
    # 8a3d93813f63: a photo's caption cut on its first line ("... outside her"), under the
    # photo's credit and right above the byline, was published as the headline; now the safe
    # failure (the real headline stands over the credit, read as the photo's caption)
    from digest.headline import _CUT_END_RE

    caption = "Margaret Wambui speaks on her cell phone outside her"
    meta, texts = _page("8a3d93813f63")
    assert caption in texts and "Jim Craven/ NBC News" in texts
    assert meta.title.value is None
    assert _CUT_END_RE.search(caption)
    # a title in capitals word by word may end on a preposition (64e7d3e1f4fe, d95ad1022694),
    # and a line ending on "and" with no credit by it is still read on its evidence
    for title in ("John Gardner on What a University Ought to Stand For",
                  "A Blog About Food with a Little Life Stirred In"):
        assert not _CUT_END_RE.search(title) and reject_reason(title) is None
    m = _meta("Home\n\nCouncil agrees to fund the new library and\n\nBy Jane Roe\n\n" + PARAS)
    assert m.title.value == "Council agrees to fund the new library and"


def test_a_site_tagline_is_no_headline() -> None:
    # d4ffd5a2e51f: the site's tagline over its date ("Online edition of India's National
    # Newspaper") was published as the headline
    tagline = "Online edition of India's National Newspaper"
    meta, texts = _page("d4ffd5a2e51f")
    assert tagline in texts
    assert meta.title.value != tagline
    from digest.headline import _TAGLINE_RE

    assert _TAGLINE_RE.match(tagline) and _TAGLINE_RE.match("Official site of New Zealand Tourism")
    assert not _TAGLINE_RE.match("Newspaper strike ends after editions go online")
    assert not _TAGLINE_RE.match("Edition of Darwin's letters goes online")


def _brief_page(case: str, headline: str, words: int) -> str:
    """A recent page's capture of train page ``case``'s text: ``headline`` over a byline and a
    date, then the truth's paragraphs of ten words or more up to about ``words`` words."""
    from .conftest import TRAIN_CORPUS, clean_train_page

    clean_train_page(case)  # skips the test when the corpus is absent
    truth = (TRAIN_CORPUS / f"{case}.truth.txt").read_text(encoding="utf-8")
    paragraphs: list[str] = []
    for p in (" ".join(p.split()) for p in truth.split("\n\n")):
        if len(p.split()) >= 10 and sum(len(q.split()) for q in paragraphs) < words:
            paragraphs.append(p)
    header = ["Home", headline, "By Maria Lopez", "March 5, 2024"]
    return "\n\n".join([*header, *paragraphs, "© 2024 The Valley Courier."]) + "\n"


def test_a_briefs_headline_over_its_byline_may_share_no_word_with_it() -> None:
    """Round 19 (`scripts/bench_pages.py`, a short article): train page a967ac634a49
    (dragnet) opens "Productivity is about giving something up" with two paragraphs on yoga
    and self-hatred that share none of its words. As a brief under its headline, byline and
    date, the line was refused as off-topic and no headline was found. A brief's headline
    right over its byline is a candidate all the same; over a long article that shares none
    of its words (page 4df10a80194d's, on Guinea-Bissau) the same line still is not."""
    headline = "Productivity is about giving something up"
    brief = _meta(_brief_page("a967ac634a49", headline, 80))
    assert brief.title.value == headline
    assert brief.title.source == "capture line 3"
    long_article = _meta(_brief_page("4df10a80194d", headline, 2000))
    assert long_article.title.value != headline


@pytest.mark.parametrize(
    ("text", "interface"),
    [
        # a recent page's buttons (round 46)
        ("Share full article", True),
        ("Explore more on these topics", True),
        ("Reuse this content", True),
        # headlines that hold the same words
        ("The share of full-time workers falls again", False),
        ("Explore the best of Paris in winter", False),
    ],
)
def test_a_recent_pages_buttons_are_interface_text(text: str, interface: bool) -> None:
    from digest.headline import is_interface

    assert is_interface(text) is interface
