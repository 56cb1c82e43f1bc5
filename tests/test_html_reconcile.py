"""The HTML track's reconciliation of two extractors (digest.html_reconcile), on both sides of
each decision: by rule on small block lists, and on real pages of the training corpus (read
from ../shared/cleaning-train at test time; its licence forbids copying pages into the repo)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from digest.html_reconcile import (
    COMMENTS_MIN_PROSE,
    GAP_WORDS,
    SHORT_ARTICLE,
    PageBlock,
    covered,
    page_blocks,
    reconcile,
)
from digest.model import Cleaned

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "cleaning-train"

PROSE = "The minister said on Tuesday that the talks would resume next week in the capital."
OTHER = "Readers of this newsletter get the best stories of the week in their inbox, free."


def _p(text: str, tag: str = "p") -> PageBlock:
    return PageBlock(text, tag)


# --- mapping an extractor's output back onto the page's blocks --------------------------------


def test_covered_finds_blocks_word_for_word_whatever_the_spacing_and_marks() -> None:
    blocks = [_p("Home"), _p(PROSE), _p("Share"), _p(OTHER)]
    output = f"| {PROSE.upper().lower()} |\n\n" + PROSE + "  \n" + "Share"
    assert covered(blocks, output) == {1, 2}


def test_covered_does_not_match_a_short_block_inside_a_paragraph() -> None:
    # "the talks" is in the kept paragraph, but the menu item "the talks" far from it is not
    blocks = [_p("the talks"), _p(OTHER), _p(PROSE)]
    assert covered(blocks, PROSE) == {2}


# --- the decision -------------------------------------------------------------------------------


def test_blocks_only_trafilatura_keeps_far_from_the_agreed_core_are_dropped_and_reported() -> None:
    far_gap = " ".join(["menu"] * GAP_WORDS)
    blocks = [_p(PROSE), _p(PROSE + " Again."), _p(far_gap), _p(OTHER), _p("Subscribe now")]
    decision = reconcile(blocks, by_trafilatura={0, 1, 3, 4}, by_readability={0, 1})
    assert decision.method == "agreement"
    assert decision.kept == {0, 1}
    assert decision.disputed == {3, 4}
    assert decision.dropped_prose == (3,)  # prose dropped is reported, "Subscribe now" is not


def test_prose_only_trafilatura_keeps_next_to_the_core_is_kept() -> None:
    blocks = [_p(PROSE), _p(PROSE + " More."), _p("Advertisement"), _p(PROSE + " Last.")]
    decision = reconcile(blocks, by_trafilatura={0, 1, 3}, by_readability={0, 1})
    assert decision.kept == {0, 1, 3}
    assert decision.dropped_prose == ()


def test_readabilitys_lede_over_the_core_is_kept_its_far_caption_and_what_is_under_not() -> None:
    # readability keeps the lede trafilatura left out, a dateline between them; a photo's
    # caption four blocks above the article, and prose under it, stay out (reported)
    caption = "Rescuers search the river near the bridge on Monday, as rain went on falling."
    blocks = [_p(caption), _p("Photo"), _p("Share"), _p("Print"), _p("Jan 5, 2008"),
              _p(PROSE + " Lede."), _p("By Jane Doe"), _p(PROSE), _p(PROSE + " Two."),
              _p(OTHER)]
    decision = reconcile(blocks, by_trafilatura={7, 8}, by_readability={0, 5, 7, 8, 9})
    assert decision.kept == {5, 7, 8}
    assert decision.dropped_prose == (0, 9)


def test_inside_the_core_readability_adds_prose_but_not_labels() -> None:
    blocks = [_p(PROSE), _p(PROSE + " Two."), _p("Photo: AP"), _p(PROSE + " Three."), _p(PROSE)]
    decision = reconcile(blocks, by_trafilatura={0, 4}, by_readability={0, 1, 2, 3, 4})
    assert decision.kept == {0, 1, 3, 4}


def test_when_the_extractors_disagree_trafilatura_is_taken_alone() -> None:
    # readability took a longer teaser block; the one common block is small next to both
    teasers = [_p(OTHER + f" Teaser {i}.") for i in range(6)]
    blocks = [_p(PROSE), _p(PROSE + " B."), _p(PROSE + " C."), *teasers]
    decision = reconcile(blocks, by_trafilatura={0, 1, 2, 3}, by_readability=set(range(3, 9)))
    assert decision.method == "trafilatura"
    assert decision.kept == {0, 1, 2, 3}
    assert decision.dropped_prose == (4, 5, 6, 7, 8)


# --- real pages (train ids of scripts/cleaning-split.json) --------------------------------------

_WORD = re.compile(r"\w+")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    t = _WORD.findall(text)
    return Counter(tuple(t[i : i + 4]) for i in range(max(1, len(t) - 3)))


def _joined(text: str) -> str:
    return "\x1f" + "\x1f".join(_WORD.findall(text)) + "\x1f"


def _sentences_kept(truth: str, cleaned: Cleaned) -> float:
    """Share of the truth's sentences (4+ words) that the page shows (in any line of the
    record) and that the body keeps, word for word (the scorer's sentence check)."""
    page = _joined("\n".join(ln.text for ln in cleaned.lines))
    body = _joined(_body(cleaned))
    sentences = [
        _joined(s) for s in re.split(r"(?<=[.!?])\s+|\n+", truth) if len(_WORD.findall(s)) >= 4
    ]
    shown = [s for s in sentences if s in page]
    assert len(shown) >= 0.9 * len(sentences)  # the record has the page's text
    return sum(s in body for s in shown) / len(shown)


def _precision(truth: str, body: str) -> float:
    got, want = _shingles(body), _shingles(truth)
    return sum((got & want).values()) / sum(got.values())


def _page(case: str) -> tuple[Cleaned, str]:
    pytest.importorskip("trafilatura", exc_type=ImportError)
    from .conftest import clean_train_html

    cleaned = clean_train_html(case)
    return cleaned, (TRAIN / f"{case}.truth.txt").read_text(encoding="utf-8")


def _body(cleaned: Cleaned) -> str:
    return "\n".join(b.text for b in cleaned.blocks)


def test_real_page_agreement_drops_what_trafilatura_alone_kept() -> None:
    # l3s-gn1 page ad70d4f279e4: trafilatura alone also keeps the site's other headlines
    # (its F1 0.57); where readability agrees on the article, the rest is dropped, and every
    # sentence of the article stays
    cleaned, truth = _page("ad70d4f279e4")
    body = _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0
    assert _precision(truth, body) > 0.95
    disputed = [ln for ln in cleaned.lines if ln.rule == "html-extractors-disagree"]
    assert disputed and all(ln.kind == "boilerplate" for ln in disputed)


def test_real_page_where_readability_picks_other_text_keeps_trafilatura() -> None:
    # l3s-gn1 page d547fa922404: readability's choice covers little of the article (F1 0.13);
    # the reconciliation does not follow it, and the article is whole
    cleaned, truth = _page("d547fa922404")
    assert _sentences_kept(truth, cleaned) == 1.0


@pytest.mark.parametrize(("case", "lede"), [
    # l3s-gn1: the lede only readability keeps, right above the agreed text
    ("3eecf84eaf2d", "SAN FRANCISCO—Police have identified a man killed outside his"),
    ("dab8e01cdb33", "Tina O'Brien has insisted that her relationship with Coronation"),
])
def test_real_page_lede_only_readability_keeps_is_kept(case: str, lede: str) -> None:
    cleaned, truth = _page(case)
    assert lede in _body(cleaned) and lede in truth


def test_real_page_caption_readability_keeps_above_the_article_stays_out() -> None:
    # l3s-gn1 page 40eb6a7b8c00: readability keeps a photo viewer's caption five blocks above
    # the article; it is no lede, and stays out
    cleaned, truth = _page("40eb6a7b8c00")
    assert "Accident investigators look through the wreckage" not in _body(cleaned)
    assert _sentences_kept(truth, cleaned) == 1.0


def test_real_page_prose_next_to_the_agreed_core_is_kept() -> None:
    # l3s-gn1 page 3551ec9c89db: a paragraph of the article only trafilatura keeps, beside the
    # part both agree on
    cleaned, truth = _page("3551ec9c89db")
    assert _sentences_kept(truth, cleaned) == 1.0


# --- the third opinion: both extractors agreed on a footer, the article is elsewhere ----------


def _never_asked() -> set[int]:
    raise AssertionError("the third opinion was asked on a page whose article is long enough")


def test_a_short_agreed_article_next_to_far_more_prose_asks_a_third_opinion_and_keeps_it() -> None:
    # the extractors agree on a short footer blurb; jusText finds the article elsewhere
    footer = _p("Contents of this website are copyright of the newspaper and its owners.")
    article = [_p(PROSE + f" Paragraph {i}.") for i in range(4)]
    blocks = [*article, _p("Home"), footer]
    decision = reconcile(blocks, {5}, {5}, by_third=lambda: {0, 1, 2, 3})
    assert decision.kept == {5}
    assert decision.unsure == {0, 1, 2, 3}  # published, marked unsure for the editor
    assert decision.agreement < 0.5


def test_a_long_enough_article_never_asks_the_third_opinion() -> None:
    article = [_p(PROSE + f" Paragraph {i}.") for i in range(4)]
    blocks = [*article, _p(OTHER)]
    decision = reconcile(blocks, {0, 1, 2, 3}, {0, 1, 2, 3}, by_third=_never_asked)
    assert decision.kept == {0, 1, 2, 3}
    assert decision.unsure == frozenset()


def test_third_opinion_beside_a_real_article_is_reported_not_published() -> None:
    # an article of SHORT_ARTICLE prose words or more, and a comment thread three times as long
    n = SHORT_ARTICLE // len(PROSE.split()) + 1
    article = [_p(PROSE + f" Paragraph {i}.") for i in range(n)]
    thread = [_p(OTHER + f" Comment {i}.") for i in range(3 * n + 1)]
    blocks = [*article, *thread]
    third = set(range(len(blocks)))
    decision = reconcile(blocks, set(range(n)), set(range(n)), by_third=lambda: third)
    assert decision.kept == set(range(n))
    assert decision.unsure == frozenset()
    assert decision.dropped_prose == tuple(range(n, len(blocks)))  # the editor is told


def test_real_page_whose_extractors_chose_the_footer_keeps_the_article() -> None:
    # l3s-gn1 page 3fb4f20d2469: the article sits in table cells; trafilatura and readability
    # both chose the site's footer (a 36-word blurb, an address), and the page lost its whole
    # article. jusText finds it: kept as unsure, and the confidence says so
    cleaned, truth = _page("3fb4f20d2469")
    assert _sentences_kept(truth, cleaned) == 1.0
    unsure = [ln for ln in cleaned.lines if ln.rule == "html-third-opinion"]
    assert unsure and all(ln.kind == "unsure" for ln in unsure)
    assert cleaned.confidence <= 0.5
    assert cleaned.doubt.startswith("the two extractors agree on ")  # the warning says why


def test_real_page_with_a_long_comment_thread_does_not_publish_it() -> None:
    # l3s-gn1 page 7e0a97352b2e: the article (about 360 words of prose) is followed by a reader
    # thread four times as long, after the page's comments anchor: the thread is dropped as
    # the reader comments, not published nor asked of jusText, and the article is whole
    cleaned, truth = _page("7e0a97352b2e")
    assert _sentences_kept(truth, cleaned) == 1.0
    assert not any(ln.rule == "html-third-opinion" for ln in cleaned.lines)
    assert _precision(truth, _body(cleaned)) > 0.9  # 0.2 when the thread was kept
    comments = [ln for ln in cleaned.lines if ln.rule == "html-comments"]
    assert len(comments) >= 15 and all(ln.kind == "boilerplate" for ln in comments)


# --- the reader comments below the article ------------------------------------------------------


def _comments_page(anchor_at_top: bool = False) -> list[PageBlock]:
    pytest.importorskip("trafilatura", exc_type=ImportError)
    from digest.html_extract import _parse

    article = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(4))
    thread = "".join(f"<div><b>Reader {i}</b><br>{OTHER}</div>" for i in range(6))
    anchor = '<a name="comments"></a>'
    html = (f"<html><body>{anchor if anchor_at_top else ''}<h1>Headline</h1>{article}<hr>"
            f"{'' if anchor_at_top else anchor}<b>Comments are now closed</b>{thread}"
            "</body></html>")
    return page_blocks(_parse(html))


def test_what_follows_the_comments_anchor_below_the_article_is_dropped() -> None:
    blocks = _comments_page()
    first = next(k for k, b in enumerate(blocks) if b.after_comments_anchor)
    assert blocks[first].text == "Comments are now closed"
    assert not any(b.after_comments_anchor for b in blocks[:first])
    everything = set(range(len(blocks)))  # both extractors keep the thread
    decision = reconcile(blocks, everything, everything)
    assert decision.kept == set(range(first))  # the headline and the article, whole
    assert decision.comments == everything - set(range(first))
    assert decision.dropped_prose == ()  # a thread is not text the article lost


def test_a_comments_anchor_above_the_article_drops_nothing() -> None:
    # the anchor stands before COMMENTS_MIN_PROSE words of the article: it is not its end
    blocks = _comments_page(anchor_at_top=True)
    assert all(b.after_comments_anchor for b in blocks)
    assert 4 * len(PROSE.split()) >= COMMENTS_MIN_PROSE
    everything = set(range(len(blocks)))
    decision = reconcile(blocks, everything, everything)
    assert decision.kept == everything and decision.comments == frozenset()


def test_real_page_whose_comments_both_extractors_keep_publishes_only_the_article() -> None:
    # l3s-gn1 page b20d96961850: "Comments are now closed for this story" and some fifty
    # reader comments, four times the article, follow an empty <a name="commentSection">;
    # trafilatura and readability both kept them (precision 0.16). Dropped as the comments,
    # every sentence of the article kept
    cleaned, truth = _page("b20d96961850")
    assert _sentences_kept(truth, cleaned) == 1.0
    assert _precision(truth, _body(cleaned)) > 0.8
    comments = [ln for ln in cleaned.lines if ln.rule == "html-comments"]
    assert comments[0].text == "Comments are now closed for this story"
    assert "Stephen B" in [ln.text for ln in comments]


# --- the page read as a browser reads it -------------------------------------------------------


def test_text_after_the_end_of_the_document_is_read() -> None:
    pytest.importorskip("trafilatura", exc_type=ImportError)
    from digest.html_extract import _parse, sanitize_html

    html = (
        "<html><body><p>Site header</p></body></html>\n"
        f"<html><head><title>T</title></head><body><p>{PROSE}</p>"
        "<script>alert(1)</script></body></html>"
    )
    texts = [b.text for b in page_blocks(_parse(sanitize_html(html)))]
    assert texts == ["Site header", PROSE]  # both documents read, the script still not


def test_real_page_of_two_glued_documents_keeps_the_article() -> None:
    # l3s-gn1 page e3d184062941: a template document ends with </html>, then the article's
    # own document follows; the parser stopped at the first </html> and the page lost its whole
    # article (one line, a date, was published)
    cleaned, truth = _page("e3d184062941")
    assert _sentences_kept(truth, cleaned) == 1.0
    assert _precision(truth, _body(cleaned)) > 0.8


def test_when_trafilatura_finds_nothing_readability_is_taken() -> None:
    blocks = [_p("Home"), _p(PROSE), _p(PROSE + " Two.")]
    decision = reconcile(blocks, by_trafilatura=set(), by_readability={1, 2})
    assert (decision.method, decision.kept) == ("readability", {1, 2})


def test_a_bare_fragment_page_keeps_its_text() -> None:
    pytest.importorskip("trafilatura", exc_type=ImportError)
    from digest.capture import decode_capture
    from digest.cleaning import clean

    cleaned = clean(decode_capture(f"<p>{PROSE}</p>".encode(), Path("fragment.html")))
    assert [b.text for b in cleaned.blocks] == [PROSE]


# --- a paragraph neither extractor kept, in the middle of the article ---------------------------


def test_prose_neither_extractor_kept_between_two_kept_paragraphs_is_kept() -> None:
    blocks = [_p(PROSE + " One."), _p("Advertisement:"), _p(OTHER), _p(PROSE + " Two.")]
    decision = reconcile(blocks, {0, 3}, {0, 3})
    assert decision.kept == {0, 2, 3} and decision.between == {2}  # the label stays out


def test_prose_beside_the_article_or_past_a_longer_non_prose_block_is_not_added() -> None:
    teaser = _p("Read more stories like this one from our newsroom team and correspondents")
    blocks = [_p(OTHER), _p(PROSE + " One."), teaser, _p(OTHER + " Two."), _p(PROSE + " Three.")]
    assert not reconcile(blocks, {1}, {1}).between  # before/after the article: one side only
    assert not reconcile(blocks, {1, 4}, {1, 4}).between  # a 12-word non-prose block between


def test_real_page_paragraph_both_extractors_skipped_mid_article_is_kept() -> None:
    # l3s-gn1 page d73dfdc1fa79: a paragraph after an "Advertisement:" label, between two
    # paragraphs trafilatura kept, was kept by neither extractor and lost
    cleaned, truth = _page("d73dfdc1fa79")
    between = [ln for ln in cleaned.lines if ln.rule == "html-between-paragraphs"]
    assert [ln.text[:35] for ln in between] == ["A source close to Rare told the mag"]
    assert between[0].kind == "body"
    assert _sentences_kept(truth, cleaned) > 0.7  # 0.67 before; the lede above is still lost
