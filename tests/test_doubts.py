"""Warnings for doubtful facts: what the editor is told to look at, never a failed build."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from digest.cleaning import to_json
from digest.doubts import (
    EARLIEST_PLAUSIBLE,
    LOW_CONFIDENCE,
    SURE_CUT,
    WEAK_HEADLINE,
    all_doubts,
    article_doubts,
    capture_doubts,
    headline_doubt,
)
from digest.model import Article, Capture, Cleaned, Fact, Line, Metadata

from .conftest import clean_train_page

TODAY = dt.date(2024, 6, 1)
NAME = "x.txt"
PATH = f"content/captures/{NAME}"


def cleaned(title: str = "Xi and Putin meet in Beijing for talks", *, title_source: str =
            "capture line 3", dek: str | None = None, outlet: str | None = None,
            captions: tuple[str, ...] = (), confidence: float = 1.0,
            dropped_prose: tuple[int, ...] = (), day: dt.date = dt.date(2024, 5, 16),
            day_source: str = "capture line 5") -> Cleaned:
    lines = tuple(Line(i, f"line {i} text", "body", "core") for i in range(1, 20))
    meta = Metadata(title=Fact(title, title_source),
                    dek=Fact(dek, "capture line 4") if dek else Fact(None),
                    outlet=Fact(outlet, "html meta sitename") if outlet else Fact(None),
                    published=Fact(day, day_source), captions=captions)
    cap = Capture(Path(PATH), NAME, "text", "", "utf-8")
    return Cleaned(cap, lines, (), meta, confidence=confidence, dropped_prose=dropped_prose)


def text(problems: tuple | list) -> list[str]:  # type: ignore[type-arg]
    return [str(p) for p in problems]


def test_a_sound_capture_has_no_warning() -> None:
    c = cleaned()
    article = Article(NAME, "s", c.metadata, (), topics=("summits",))
    assert all_doubts(c, article, PATH, TODAY) == ()


@pytest.mark.parametrize(("title", "why"), [
    ("Sign in", "interface text"),
    ("Subscribe to our newsletter for more", "interface text"),
    ("Skip to main content", "interface text"),
    ("Share on: Facebook Twitter Reddit Google+", "interface text"),
    ("Facebook Twitter WhatsApp Email this story", "interface text"),
    ("BLOG > Weight Loss > Weight Loss Tips", "breadcrumb"),
    ("Photo: Xi Jinping and Vladimir Putin in Beijing", "caption"),
    ("Xi and Putin shake hands (AP Photo/Sergei Bobylev)", "caption"),
    ("Xi and Putin at the Kremlin / AFP", "caption"),
    ("newsweek.com", "site's name"),
    ("Putin", "fewer than 3 words"),
    ("普京", "fewer than 3 words"),  # one word: two characters
])
def test_headlines_that_are_no_headlines(title: str, why: str) -> None:
    found = text(capture_doubts(cleaned(title), PATH))
    assert len(found) == 1 and why in found[0], found
    assert found[0].startswith(f"{PATH}:3 (title): the headline ")
    assert f"under 'captures: {NAME}:' in content/curation.yaml" in found[0]


def test_a_headline_in_chinese_is_counted_as_the_cleaner_counts_it() -> None:
    # round 24: written without spaces, "习近平会见俄罗斯总统普京" was one word to split()
    assert headline_doubt("习近平会见俄罗斯总统普京", Metadata()) is None
    assert headline_doubt("Don't Panic", Metadata()) is not None  # two words, as before


def test_a_headline_that_is_the_outlet_or_ends_with_it() -> None:
    assert "site's name" in str(headline_doubt("The Guardian", Metadata(
        outlet=Fact("The Guardian", "html meta sitename"))))
    found = text(capture_doubts(cleaned("Xi meets Putin in Moscow | Reuters",
                                        outlet="Reuters"), PATH))
    assert "ends with the site's name ('Reuters')" in found[0]


def test_a_headline_that_is_one_of_the_captions() -> None:
    caption = "Chinese leader Xi Jinping walks with Vladimir Putin in the Kremlin garden"
    found = text(capture_doubts(cleaned(caption, captions=(caption,)), PATH))
    assert "photo caption" in found[0]


def test_the_editors_own_headline_is_never_doubted() -> None:
    assert capture_doubts(cleaned("Sign in", title_source="curation.yaml"), PATH) == []


def test_a_dek_that_is_a_caption() -> None:
    found = text(capture_doubts(cleaned(dek="Photo: Getty Images"), PATH))
    assert found == [f"{PATH}:4 (dek): the dek 'Photo: Getty Images' looks like a photo "
                     f"caption. Fix: write the real standfirst as 'dek: \"...\"' under "
                     f"'captures: {NAME}:' in content/curation.yaml, or leave the article "
                     "without one"]


@pytest.mark.parametrize(("day", "what"), [
    (dt.date(2030, 1, 1), "2030-01-01 is in the future (today is 2024-06-01)"),
    (dt.date(1989, 12, 31), f"1989-12-31 is before {EARLIEST_PLAUSIBLE.year}"),
])
def test_implausible_dates(day: dt.date, what: str) -> None:
    c = cleaned(day=day)
    found = text(article_doubts(Article(NAME, "s", c.metadata, (), topics=("t",)), PATH, TODAY))
    assert len(found) == 1 and what in found[0] and found[0].startswith(f"{PATH}:5 (date)")
    # dates a day off from today are fine
    fine = cleaned(day=TODAY)
    assert article_doubts(Article(NAME, "s", fine.metadata, (), topics=("t",)), PATH, TODAY) == []


def test_a_curated_date_in_the_future_says_to_correct_it() -> None:
    c = cleaned(day=dt.date(2030, 1, 1), day_source="curation.yaml")
    [found] = article_doubts(Article(NAME, "s", c.metadata, (), topics=("t",)), PATH, TODAY)
    assert found.where == "date" and found.fix.startswith("correct 'date:'")


def test_an_article_with_no_topic() -> None:
    c = cleaned()
    [found] = article_doubts(Article(NAME, "s", c.metadata, ()), PATH, TODAY)
    assert (found.where, found.problem) == ("topics", "the article matches no topic")
    assert "content/taxonomy.yaml" in found.fix and "topics: [slug]" in found.fix


def test_low_confidence_and_dropped_prose() -> None:
    c = cleaned(confidence=LOW_CONFIDENCE - 0.01, dropped_prose=(12, 7))
    found = capture_doubts(c, PATH)
    assert [w.where for w in found] == ["", "12", "7"]
    assert f"confidence {LOW_CONFIDENCE - 0.01:.2f}" in found[0].problem
    # the warning says why, when the cleaner said it
    why = "one paragraph kept, and 40 words of prose dropped elsewhere"
    said = capture_doubts(dataclasses.replace(c, doubt=why), PATH)[0].problem
    assert said.endswith(f"below {LOW_CONFIDENCE}: {why})")
    assert found[1].problem == "a dropped line reads like prose: 'line 12 text'"
    assert "keep: [12]" in found[1].fix
    assert capture_doubts(dataclasses.replace(c, confidence=LOW_CONFIDENCE,
                                              dropped_prose=()), PATH) == []
    # a capture the cleaner is sure of: its dropped prose is in the report, not a warning
    assert capture_doubts(dataclasses.replace(c, confidence=LOW_CONFIDENCE), PATH) == []
    # all_doubts sorts by place, as the editor reads a file: line 7 before line 12
    assert [w.where for w in all_doubts(c, None, PATH, TODAY)] == ["", "7", "12"]


def _with_cut(c: Cleaned, cut: range, probability: float = SURE_CUT - 0.01) -> Cleaned:
    lines = tuple(dataclasses.replace(ln, kind="boilerplate", rule="appended-article")
                  if ln.number in cut else ln for ln in c.lines)
    return dataclasses.replace(c, lines=lines, cut_probability=probability)


def test_an_unsure_cut_of_an_article_under_the_body_is_named() -> None:
    """A cut of prose as another article glued on drops the rest of the page's article when it
    is wrong: when the cut model was not sure of it, the editor hears of it even if the cleaner
    is sure of the rest, once, with the lines to keep; the same lines are not listed again as
    dropped prose."""
    c = _with_cut(cleaned(dropped_prose=(15, 17)), range(14, 20), 0.42)
    found = capture_doubts(c, PATH)
    assert [w.where for w in found] == ["14"]
    assert found[0].problem == (
        "2 lines of prose under the article, from line 14 ('line 14 text') to line 19, were "
        f"cut off as another article glued on (the cut's probability 0.42, under {SURE_CUT})")
    assert "keep: [15, 17]" in found[0].fix and f"captures: {NAME}:" in found[0].fix
    unsure = capture_doubts(dataclasses.replace(c, confidence=LOW_CONFIDENCE - 0.1,
                                                dropped_prose=(3, 15, 17)), PATH)
    assert [w.where for w in unsure] == ["", "14", "3"]
    one = capture_doubts(dataclasses.replace(c, dropped_prose=(15,)), PATH)
    assert one[0].problem.startswith("1 line of prose under the article, from line 14")
    assert "to line 19, was cut off" in one[0].problem and "keep: [15]" in one[0].fix
    # a sure cut, or a cut of short lines only (a teaser's headline, its date), is no warning
    assert capture_doubts(dataclasses.replace(c, cut_probability=SURE_CUT), PATH) == []
    assert capture_doubts(_with_cut(cleaned(dropped_prose=(3,)), range(14, 20)), PATH) == []


def test_a_cut_inside_a_real_article_is_warned_about() -> None:
    """Round 17, train page c6587a6c1949: the cut took the essay's section heading ("More than
    the Presidency Was at Stake") for a glued article's headline and dropped the rest of the
    essay, and the confidence stayed 0.76, above the warning: the cut model was not sure of
    it, and the cut is named."""
    c = clean_train_page("c6587a6c1949")
    found = [w for w in capture_doubts(c, PATH) if "glued on" in w.problem]
    assert len(found) == 1 and "'More than the Presidency Was at Stake'" in found[0].problem
    assert "keep: [127, " in found[0].fix


def test_a_headline_chosen_on_weak_evidence_is_named() -> None:
    """Round 25: a headline the scorer chose with a probability under WEAK_HEADLINE is
    published (the scorer's threshold says so) but named in a warning: on the train pages more
    than one such headline in three is another line of the page (round 38). The warning points
    at the headline's line and says how to confirm it or replace it; a surer headline, one the
    editor gave in curation.yaml, and a capture with no probability (an HTML page's markup)
    are no warning."""
    weak = dataclasses.replace(cleaned(), title_probability=WEAK_HEADLINE - 0.13)
    found = capture_doubts(weak, PATH)
    assert [w.where for w in found] == ["3 (title)"]
    assert found[0].problem == (
        "the headline 'Xi and Putin meet in Beijing for talks' was chosen on weak evidence "
        f"(the headline scorer's probability 0.57, under {WEAK_HEADLINE}): check it against "
        "the page")
    assert "title:" in found[0].fix and f"captures: {NAME}:" in found[0].fix
    assert capture_doubts(dataclasses.replace(weak, title_probability=WEAK_HEADLINE), PATH) == []
    assert capture_doubts(dataclasses.replace(weak, title_probability=None), PATH) == []
    curated = dataclasses.replace(cleaned(title_source="curation.yaml"),
                                  title_probability=0.4)
    assert capture_doubts(curated, PATH) == []
    # a headline that looks like furniture is named for that, once
    ui = dataclasses.replace(cleaned(title="Sign in"), title_probability=0.4)
    assert [w.problem for w in capture_doubts(ui, PATH)] == [
        "the headline 'Sign in' looks like interface text of the web page"]


def test_a_weak_headline_of_a_real_page_is_named_and_a_sure_one_is_not() -> None:
    """The same on train pages, end to end: on l3s-gn1 page af4582549b83 the scorer takes the
    second deck under the headline ("Players believe ASU can reach Sendek's goals", p 0.60 with
    round 38's choice model; the page's own is "Devils on cloud nine after surprising start",
    which the model gives 0.12) and the editor is told; l3s-gn1 page 04e1d6ec76e3's headline
    is sure (over 0.9) and no warning is given. (Round 25's example, dragnet e0adf98a7dd5's
    standfirst, is chosen at 0.86 since round 38: CLEANING.md names it among the headlines
    left wrong.)"""
    deck = clean_train_page("af4582549b83")
    assert deck.metadata.title.value == "Players believe ASU can reach Sendek's goals"
    assert deck.title_probability is not None and deck.title_probability < WEAK_HEADLINE
    assert to_json(deck)["title_probability"] == deck.title_probability
    weak = [w for w in capture_doubts(deck, PATH) if "weak evidence" in w.problem]
    assert len(weak) == 1 and weak[0].where.endswith("(title)")
    sure = clean_train_page("04e1d6ec76e3")
    assert sure.title_probability is not None and sure.title_probability > 0.9
    assert not [w for w in capture_doubts(sure, PATH) if "weak evidence" in w.problem]


def _wrapped_capture(width: int) -> Cleaned:
    import textwrap

    from digest.cleaning import clean

    paragraphs = [
        "MOSCOW, May 4 - Russian President Vladimir Putin and Chinese President Xi Jinping held "
        "talks by video link on Thursday, discussing energy supplies, trade settlements in "
        "national currencies and the situation around Ukraine, the Kremlin said in a statement "
        "published after the call.",
        "The two leaders agreed to expand deliveries of natural gas through the Power of Siberia "
        "pipeline and to speed up work on a second route through Mongolia, which has been under "
        "discussion for several years without a final contract.",
        "Trade between the two countries reached a record last year, driven by Russian oil and "
        "gas exports and Chinese cars and machinery, and both sides said they expected further "
        "growth despite Western sanctions and the risk of secondary measures against banks.",
    ]
    text = ("Home\nNews\nWorld\n\nPutin and Xi discuss gas and trade by video link\n\n"
            "By Anna Ivanova\nMay 4, 2024\n\n"
            + "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n\nAbout us\n")
    return clean(Capture(Path(PATH), NAME, "text", text, "utf-8"))


@pytest.mark.parametrize("width", [60, 72])
def test_a_hard_wrapped_capture_is_named(width: int) -> None:
    """Round 25: a capture of hard-wrapped text (a PDF's or an e-mail's lines pasted) loses
    most of its paragraphs: the cleaner reads a line as a paragraph, and a line of a long
    sentence is no prose (this one keeps one of its three paragraphs, at confidence 1.0). The
    editor is told, with the width, and what to do. (Synthetic: the captures Digest takes
    are a rendered page's text, whose paragraphs are not wrapped.)"""
    found = [w for w in capture_doubts(_wrapped_capture(width), PATH) if "wrapped" in w.problem]
    assert len(found) == 1 and found[0].where == ""
    said = found[0].problem.removeprefix("the capture's lines are wrapped at about ")
    assert width - 3 <= int(said.split()[0]) <= width  # the upper quartile of its full lines
    assert "make review" in found[0].fix and f"captures: {NAME}:" in found[0].fix


def test_a_page_with_lines_broken_by_hand_is_not_named_wrapped() -> None:
    """The other side: cleaneval page 09d4583ded70 prints poems, their lines broken by hand,
    among long paragraphs, and l3s-gn1 page 6c7320590998 is a press release wrapped
    throughout (named); a capture of one paragraph a line is not."""
    assert not [w for w in capture_doubts(clean_train_page("09d4583ded70"), PATH)
                if "wrapped" in w.problem]
    assert [w for w in capture_doubts(clean_train_page("6c7320590998"), PATH)
            if "wrapped at about" in w.problem]
    assert not [w for w in capture_doubts(cleaned(), PATH) if "wrapped" in w.problem]
