"""The cleaner's line model (digest.linemodel) and confidence, on pages of the training corpus.

One test per failure class of issue 11, each on both sides of the decision. The pages are read
from ../shared/cleaning-train at test time (its licences forbid copying them into the repo);
without that folder these tests are skipped. Every page used here is a TRAIN id of
scripts/cleaning-split.json (never a validation one).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from digest import linemodel
from digest.capture import decode_capture
from digest.cleaning import clean, render_plain, to_json
from digest.model import Cleaned

from .conftest import clean_train_page as _clean

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures" / "digest" / "captures").glob("*.txt"))
TRAINER = ROOT / "scripts" / "train_cleaner.py"


def _line(cleaned: Cleaned, start: str) -> tuple[str, str]:
    line = next(ln for ln in cleaned.lines if ln.text.startswith(start))
    return line.kind, line.rule


def test_model_file_matches_the_features() -> None:
    model = linemodel.load_model()
    assert model is not None
    assert len(model.weights) == len(linemodel.FEATURES)
    assert 0 < model.threshold_before <= model.threshold_after < 1
    assert 0 < model.threshold_before_other <= model.threshold_after_other < 1


def test_heading_above_the_core_is_kept_at_the_lower_threshold() -> None:
    """Round 5, lines above the core that are no sentence, cleaneval page 0d7d43c2b39c: an
    ethics opinion opens with its table of contents (chapter and section titles the truth
    keeps) above the first paragraph. Such a line above the core is kept at a lower
    probability (``threshold_before_other``) than the same line below it, where it is more
    often a teaser or the footer; the page's own furniture above (a download link, a
    "Transfusion in the futur" entry the truth leaves out) stays dropped. (Round 32's
    retraining scores another entry, "Consequences for the present transfusion system", under
    the lower threshold: the line tested is the one kept at it.)"""
    cleaned = _clean("0d7d43c2b39c")
    body = render_plain(cleaned)
    entry = "Development of indications and industrialisation of plasmatic fractionation"
    kind, rule = _line(cleaned, entry)
    assert kind == "unsure" and rule.startswith("model p=")
    p = float(rule.split("=")[1].split()[0])
    model = linemodel.load_model()
    assert model is not None
    assert model.threshold_before_other <= p < model.threshold_after_other
    assert entry in body
    assert _line(cleaned, "Download opinion (36 KB)") == ("boilerplate", "before-article")
    assert _line(cleaned, "Transfusion in the futur") == ("boilerplate", "before-article")


def test_short_article_next_to_a_longer_block_is_kept() -> None:
    """Class (a), l3s-gn1 page ad70d4f279e4: a five-paragraph news item sits above a longer
    block of reader comments, which wins the density score. The item, under its date, is
    chosen as the core (``_choose_core``); a teaser blurb above it (another story) stays
    dropped and is listed as dropped prose."""
    cleaned = _clean("ad70d4f279e4")
    body = render_plain(cleaned)
    assert "New South Wales tourism is set to score a huge boost" in body
    assert _line(cleaned, "New South Wales tourism is set to score") == ("body", "prose")
    assert "Australia has returned 750 kilograms of illegally imported" not in body
    teaser = next(ln for ln in cleaned.lines if ln.text.startswith("Australia has returned 750"))
    assert teaser.number in cleaned.dropped_prose


def test_short_article_above_a_comment_thread_is_the_core() -> None:
    """Class (a), dragnet page e71371123f85: a one-paragraph story under "Posted by ... on"
    sits above a thread of hundreds of comments ("by name (id)", "Re: (Score:2)"), the far
    denser run. The headed story is chosen as the core, in the body by rule (not only given
    back by the model), and the thread stays dropped."""
    cleaned = _clean("e71371123f85")
    body = render_plain(cleaned)
    assert "A quite scary talk show with former NSA employees" in body
    assert _line(cleaned, 'SmartAboutThings writes "A quite scary') == ("body", "prose")
    assert "It is quite certain that what we concider privacy" not in body
    assert "UK vs US who is more paranoid" not in body


def test_comment_signatures_above_the_denser_run_count() -> None:
    """Class (a), dragnet page 71084268e4bd: a short quoted post under "by John on July 14,
    2012", then "{ 2 comments… }" and two comments, the second far longer than the post. The
    densest run starts inside the thread, after its first signatures; they still make it a
    thread, so the post is the core and both comments stay dropped."""
    cleaned = _clean("71084268e4bd")
    body = render_plain(cleaned)
    assert "we need not marvel that man so occupies himself" in body
    assert "FWIW, the online etymology dictionary seems to disagree" not in body
    assert "While I have no objection to the rest of Brian Phillips" not in body


def test_denser_article_below_a_promo_stays_the_core() -> None:
    """The other side of class (a), dragnet page ca042b4f80a7: above the game report stands a
    shorter run of a sports page's promotions, under a section opener; it carries no byline
    or date, so the denser run, the report, stays the core and the promotions stay dropped."""
    cleaned = _clean("ca042b4f80a7")
    body = render_plain(cleaned)
    assert "Devin Hester helped the Bears win a rematch" in body
    assert _line(cleaned, "Devin Hester helped")[0] == "body"
    # Not the core: at most the line model gives it back as unsure (listed for the editor).
    assert _line(cleaned, "It's never too late to sign up for the 23 Blitz")[0] != "body"


def test_list_shaped_article_keeps_its_items() -> None:
    """Class (b), dragnet page aa820c01f132: a personal-finance post built of lists ("Stroke –
    high blood pressure, ...") that the rules cut off as if another article started. The
    items come back (since the learned appended-article cut no longer cuts inside the post, the
    rules keep them); the site's motto line at the page foot stays dropped."""
    cleaned = _clean("aa820c01f132")
    body = render_plain(cleaned)
    assert "Heart attack – bad blood cholesterol levels" in body
    assert "Stroke – high blood pressure, high blood cholesterol" in body
    assert "reader supported :: uncopyrighted" not in body


def test_appended_article_stays_dropped() -> None:
    """Class (c), appended/ variant of l3s-gn1 page 04e1d6ec76e3: a cycling blog post glued
    after a football news item. The news item's last paragraph is kept, the glued post and
    its headline are not."""
    cleaned = _clean("04e1d6ec76e3", appended=True)
    body = render_plain(cleaned)
    assert "Provisional squad: Price, Mills, Todd" in body
    assert "Winter Rides with Rapha" not in body
    assert "Mentioned earlier in the week, that the Great Pumpkin brought Rapha" not in body
    assert _line(cleaned, "Winter Rides with Rapha")[1] == "appended-article"
    # the record says why: the cut model's probability for the cut, at its threshold or above
    from digest.cleaning import load_cut_model

    model = load_cut_model()
    assert model is not None and cleaned.cut_probability is not None
    assert cleaned.cut_probability >= model.threshold
    assert to_json(cleaned)["cut_probability"] == round(cleaned.cut_probability, 4)
    assert to_json(_clean("04e1d6ec76e3"))["cut_probability"] is None  # nothing glued, no cut


def test_low_confidence_when_the_article_may_be_lost() -> None:
    """dragnet page d7e67e8fdfab: the article (a two-line comic intro) stands below a longer
    block of other prose, the site's menu. Until round 13 the menu stayed the core and the
    dated post was kept only as unsure (``_other_post``); with the page's menu of links
    between them, the block above is the page's, and the post is the article. The denser
    block is still dropped, so the confidence says the article may be the other block, and
    the prose left dropped is listed."""
    cleaned = _clean("d7e67e8fdfab")
    assert cleaned.confidence <= 0.5
    assert _line(cleaned, "Once a week, we feature a fantastic")[0] == "body"
    assert len(cleaned.dropped_prose) >= 1
    record = to_json(cleaned)
    assert record["confidence"] == cleaned.confidence
    assert record["dropped_prose"] == list(cleaned.dropped_prose)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_captures_are_confident(path: Path) -> None:
    """The five seeds are cleaned right: no doubt reported on them."""
    cleaned = clean(decode_capture(path.read_bytes(), path))
    assert cleaned.confidence >= 0.7


def test_core_vocabulary_is_the_union_of_the_lines_content_words() -> None:
    """The core's vocabulary is read from the lines' cached tokens (speed, round 6): it must be
    the union of ``content_words`` line by line, also for the letters that lower-case by their
    neighbours or into two characters ("Σ", "İ"), where a line's word set is not its tokens'."""
    texts = [
        "Parliament voted on the 2024 budget in Athens, the minister said.",
        "ΟΔΥΣΣΕΑΣ ΚΑΙ ΣΟΦΙΑ ΣΤΗΝ ΑΘΗΝΑ",  # final sigma: lower-cased by its neighbours
        "İSTANBUL'DA İKİ BÜYÜK KÖPRÜ",  # dotted capital I: two characters lower-cased
        "Café crème, naïve résumé — déjà vu",
        "a an of to",  # stopwords and short words only
    ]
    expected: set[str] = set().union(*[linemodel.content_words(t) for t in texts])
    assert linemodel._vocabulary(texts) == expected
    assert "parliament" in expected and "budget" in expected
    assert "a" not in expected and "2024" not in expected


def test_prompt_and_notice_lines_are_never_given_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 9: a boundary that is a prompt or notice sentence (END_PROMPT_RE: "Your email
    address will not be published", a takedown notice, a copyright line) is recognised by its
    words, so the line model never gives it back, whatever its thresholds (on the train ids 1
    of 567 such lines was in the truth). Before, a retrained threshold for lines under the core
    that moved by a near-tie brought seed 001's takedown notice back into the article. Lines
    dropped for their place (the glued-on article under it) are still the model's to judge:
    a model keeping every candidate gives them back."""
    keep_all = linemodel.Model(tuple(0.0 for _ in linemodel.FEATURES), 0.01, 0.01, "test",
                               0.01, 0.01)
    monkeypatch.setattr(linemodel, "load_model", lambda *a: keep_all)
    seed_001 = next(p for p in SEEDS if p.name.startswith("001_"))
    cleaned = clean(decode_capture(seed_001.read_bytes(), seed_001))
    body = render_plain(cleaned)
    assert _line(cleaned, "The mention sources can contact us") == ("boilerplate", "end-prompt")
    assert "The mention sources can contact us" not in body
    assert _line(cleaned, "What Are The Main Benefits Of Comparing")[0] == "unsure"
    seed_000 = next(p for p in SEEDS if p.name.startswith("000_"))
    cleaned = clean(decode_capture(seed_000.read_bytes(), seed_000))
    assert _line(cleaned, "Your email address will not be published") == (
        "boilerplate", "end-prompt")


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_cleaner", TRAINER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_thresholds_objective_weighs_a_page_lost_whole() -> None:
    """Round 20: the line model's thresholds are chosen by ``train_cleaner.objective``. Two
    choices 5e-4 apart on sentences and F1 were one train page lost whole apart (e03634d4f028);
    a page of the 1,586 train captures that keeps none of its article's sentences now costs
    more than that gap, so the search keeps the threshold that keeps it."""
    objective = _trainer().objective
    scores = {"text_sentR": 0.940, "text_f1": 0.912, "app_f1": 0.906, "app_kept": 0.17,
              "lost": 6 / 1586}
    one_more_lost = {**scores, "lost": 7 / 1586, "text_f1": scores["text_f1"] + 5e-4}
    assert objective(one_more_lost) < objective(scores)
