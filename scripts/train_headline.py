"""Train the headline scorer (scripts/digest/headline-model.json) on the train split.

    .venv/bin/python scripts/train_headline.py [--set ../shared/cleaning-train] [--check]
    .venv/bin/python scripts/train_headline.py --folds 10   # compare models out of fold

Data: the ``train`` ids of scripts/cleaning-split.json (a by-site split of cleaning-train; the
``validation`` ids are never read here) that have a ``<id>.meta.json`` with headline truth. Each
capture goes through the cleaner's rule pass (``cleaning.rule_pass``, the headline left
unchosen); every line of text above the body that no rule of ``headline.reject_reason`` turns
away is an example (``headline.candidates``), labelled 1 when the shared metadata scorer's own
``same_headline`` takes it for the page's headline, else 0.

The truth is the page markup's title, and on these older pages it is often the site's own
title ("Winona Daily News") rather than the article's: such a page would teach the model that
the real headline is not one. So the model is fitted only on pages whose truth is about the
article (at least two of its content words, and half of them, in the page's article text) and
is printed as a line of the capture. The abstain threshold is chosen on ALL train pages with
truth, scored as the shared scorer scores them: the threshold that maximises right - wrong,
i.e. that minimises the editor's work when a wrong headline costs two fixes (notice it, replace
it) and a missing one costs one (supply it); of thresholds within TIE_PAGES page of the best,
the highest (fewer wrong headlines for as many fixes).

Model: a conditional logit (a logistic regression over each page's candidates and "none of
them" at once, ``headline.Model``): the weights that make each fitted page's headline the
likeliest of its candidates, or "none" likeliest where no candidate is its headline (the
truth line refused by a rule), with scikit-learn's default L2 penalty (C = 1) on the
standardised features, minimised by SciPy's L-BFGS-B from zero weights. A per-line logistic
regression scores each line alone and the pick then compares the scores; the choice model
is fitted to the pick itself. Out of fold on the train pages (five folds by site, ten
shufflings), right - wrong was 546.8 pages against the per-line model's 537.2, higher on 9
of the 10 shufflings (CLEANING.md, "Round 38"; ``--folds 10`` prints that comparison). Written as
plain JSON with the standardisation folded into the weights, rounded so that two runs give the
same bytes. ``--check`` trains and compares with the committed file instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from bench_clean import load_tool  # noqa: E402
from cleaning_split import site_of  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from digest import cleaning, headline  # noqa: E402
from digest import metadata as meta  # noqa: E402
from digest.capture import decode_capture  # noqa: E402
from digest.model import Line  # noqa: E402

TRAIN_SET = ROOT.parent / "shared" / "cleaning-train"
META_SCORER = ROOT.parent / "shared" / "tools" / "score_metadata.py"
SPLIT_FILE = ROOT / "scripts" / "cleaning-split.json"
C = 1.0  # inverse regularisation strength (scikit-learn's default)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))  # 0.10 .. 0.90
# The out-of-fold comparison (``--folds``): FOLDS folds by site, each shuffling of the sites
# seeded by its number; each model is read at the threshold of this finer grid where its
# right - wrong, averaged over the shufflings, is highest
FOLDS = 5
FOLD_THRESHOLDS = tuple(round(0.025 * k, 3) for k in range(4, 37))  # 0.100 .. 0.900
# Thresholds whose right - wrong is within one page of the best tie, and the highest of them
# wins: a wrong headline is published silently, a missing one is a message to the editor (as
# train_cleaner.py's OBJECTIVE_TIE keeps a line only on the stronger evidence). Round 13's
# retraining put 0.35 one page ahead of 0.40 (about seven headlines more right, as many more
# wrong)
TIE_PAGES = 1
# A truth headline is about the article when this many of its content words, and this share,
# are in the article's text.
ABOUT_WORDS, ABOUT_SHARE = 2, 0.5


def header_lines(path: Path) -> tuple[Line, ...]:
    """The capture's classified lines as the headline pass gets them (none chosen yet)."""
    seen: list[tuple[Line, ...]] = []

    def spy(lines: tuple[Line, ...], *_choice: object) -> tuple[Line, ...]:
        seen.append(lines)
        return lines

    with mock.patch.object(meta, "mark_headline", spy):
        cleaning.rule_pass(decode_capture(path.read_bytes(), path))
    return seen[0]


def about_article(titles: Sequence[str], article: str) -> bool:
    words = headline.content_words(article)
    return any(
        w and len(w & words) >= max(ABOUT_WORDS, ABOUT_SHARE * len(w))
        for w in map(headline.content_words, titles)
    )


def collect(set_dir: Path, ids: Sequence[str], ms: ModuleType) -> list[dict[str, Any]]:
    docs = []
    for i in ids:
        meta_file = set_dir / f"{i}.meta.json"
        if not meta_file.exists():
            continue
        titles = json.loads(meta_file.read_text(encoding="utf-8")).get("title") or []
        if not titles:
            continue
        lines = header_lines(set_dir / f"{i}.txt")
        cands = headline.candidates(lines)
        docs.append({
            "id": i,
            "cands": cands,
            "texts": [lines[j].text for j in cands.index],
            "y": [int(ms.same_headline(lines[j].text, titles)) for j in cands.index],
            "fit": about_article(titles, (set_dir / f"{i}.truth.txt").read_text("utf-8"))
            and any(ln.text and ms.same_headline(ln.text, titles) for ln in lines),
        })
    return docs


def fit(docs: list[dict[str, Any]]) -> list[float]:
    """Weights in FEATURES order (bias first), standardisation folded in: the conditional
    logit over the candidates of the pages fitted on (see the module's docstring)."""
    pages = [(d["cands"].x, d["y"]) for d in docs if d["fit"] and d["cands"].x]
    return fit_choice([x for x, _ in pages], [y for _, y in pages])


def fit_choice(xs: Sequence[Sequence[Sequence[float]]], ys: Sequence[Sequence[int]],
               max_iter: int = 5000) -> list[float]:
    """Conditional-logit weights (bias first, standardisation folded in, rounded) for pages
    whose candidates' features are ``xs[p]`` (bias column first) and labels ``ys[p]`` (1 for
    the page's headline; none set: "none of them" is the answer). The loss of a page is
    ``log(1 + sum_j exp(z_j)) - log(sum_{k: y_k = 1} exp(z_k))`` (``z`` the candidates'
    scores; "none" scores 0 and is the target where no label is set), plus
    ``|w|^2 / (2C)`` over the weights but the bias."""
    rows = np.array([row[1:] for page in xs for row in page], dtype=np.float64)
    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale == 0.0] = 1.0  # (a constant feature: its weight stays 0)
    z_rows = np.hstack([np.ones((len(rows), 1)), (rows - mean) / scale])
    lengths = np.array([len(page) for page in xs])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    page_of = np.repeat(np.arange(len(xs)), lengths)
    labels = np.array([v for page in ys for v in page], dtype=np.float64)
    has_headline = np.add.reduceat(labels, starts) > 0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = z_rows @ w
        top = np.maximum(np.maximum.reduceat(z, starts), 0.0)  # ("none" scores 0)
        e = np.exp(z - top[page_of])
        total = np.add.reduceat(e, starts) + np.exp(-top)
        e_true = e * labels
        true_total = np.where(has_headline, np.add.reduceat(e_true, starts), 1.0)
        target = np.where(has_headline, top + np.log(true_total), 0.0)
        value = float(np.sum(top + np.log(total) - target) + 0.5 * w[1:] @ w[1:] / C)
        share = e / total[page_of] - e_true / true_total[page_of]
        grad = z_rows.T @ share
        grad[1:] += w[1:] / C
        return value, grad

    fitted = minimize(loss, np.zeros(z_rows.shape[1]), jac=True, method="L-BFGS-B",
                      options={"maxiter": max_iter})
    w = fitted.x[1:] / scale
    bias = float(fitted.x[0] - np.sum(fitted.x[1:] * mean / scale))
    return [round(bias, 6)] + [round(float(v), 6) for v in w]


def evaluate(docs: list[dict[str, Any]], model: headline.Model) -> dict[str, float]:
    """right / wrong / missing shares over the pages, as the shared scorer counts them."""
    got = {"right": 0, "wrong": 0, "missing": 0}
    for d in docs:
        probs = headline.page_probabilities(model, d["cands"], d["texts"])
        k = headline.pick(d["cands"], probs, model.threshold)
        got["missing" if k is None else "right" if d["y"][k] else "wrong"] += 1
    return {k: round(v / len(docs), 4) for k, v in got.items()}


def out_of_fold(docs: list[dict[str, Any]], sites: Sequence[str], shufflings: int
                ) -> dict[str, tuple[float, float, float]]:
    """Each model's right and wrong pages out of fold (fitted on the other folds' sites) at
    its best threshold of FOLD_THRESHOLDS, averaged over ``shufflings`` of the sites: the
    per-line logistic regression of rounds 3 to 37 (each line scored alone, copies of a text
    not merged), the choice model alone, and the choice model with copies as one answer."""
    from sklearn.model_selection import GroupKFold  # (a dev dependency, as the training's)
    from train_cleaner import fit_weights

    def per_line(fitted: list[dict[str, Any]]) -> Any:
        model = headline.Model(tuple(fit_weights(
            [row for d in fitted for row in d["cands"].x],
            [v for d in fitted for v in d["y"]], max_iter=5000)), 0.0)
        return lambda d: [1.0 / (1.0 + np.exp(-model.score(x))) for x in d["cands"].x]

    def choice(fitted: list[dict[str, Any]], merged: bool) -> Any:
        model = headline.Model(tuple(fit(fitted)), 0.0)
        if merged:
            return lambda d: headline.page_probabilities(model, d["cands"], d["texts"])
        return lambda d: model.probabilities(d["cands"].x)

    makers = {"per-line logistic regression": per_line,
              "choice model": lambda f: choice(f, False),
              "choice model, copies as one answer": lambda f: choice(f, True)}
    out = {}
    for name, make in makers.items():
        gains = {t: [0.0, 0.0] for t in FOLD_THRESHOLDS}
        for seed in range(shufflings):
            probs: list[list[float]] = [[] for _ in docs]
            split = GroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
            for fit_on, held in split.split(np.arange(len(docs)), groups=sites):
                scorer = make([docs[i] for i in fit_on if docs[i]["fit"]])
                for i in held:
                    probs[i] = scorer(docs[i])
            for t in FOLD_THRESHOLDS:
                for d, p in zip(docs, probs, strict=True):
                    k = headline.pick(d["cands"], p, t)
                    if k is not None:
                        gains[t][0 if d["y"][k] else 1] += 1 / shufflings
        best = max(FOLD_THRESHOLDS, key=lambda t: gains[t][0] - gains[t][1])
        out[name] = (best, gains[best][0], gains[best][1])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=TRAIN_SET)
    ap.add_argument("--check", action="store_true", help="compare with the committed model")
    ap.add_argument("--folds", type=int, metavar="SHUFFLINGS",
                    help="compare the models out of fold by site instead of training")
    a = ap.parse_args()
    if not a.set.exists() or not META_SCORER.exists():
        print(f"training set or scorer not found ({a.set}, {META_SCORER})", file=sys.stderr)
        return 2
    ms = load_tool(META_SCORER)
    ids = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["train"]
    docs = collect(a.set, ids, ms)
    if a.folds:
        cases = {c["id"]: c for c in json.loads(
            (a.set / "manifest.json").read_text(encoding="utf-8"))["cases"]}
        for name, (t, right, wrong) in out_of_fold(
                docs, [site_of(cases[d["id"]]) for d in docs], a.folds).items():
            print(f"{name}: threshold {t:.3f}, right {right:.1f}, wrong {wrong:.1f}, "
                  f"right - wrong {right - wrong:.1f} of {len(docs)} pages")
        return 0
    weights = fit(docs)
    scored: list[tuple[float, float, dict[str, float]]] = []
    for t in THRESHOLDS:
        m = evaluate(docs, headline.Model(tuple(weights), t))
        print(f"threshold {t:.2f}: right {m['right']:.3f} wrong {m['wrong']:.3f} "
              f"missing {m['missing']:.3f}")
        scored.append((m["right"] - m["wrong"], t, m))
    top = max(gain for gain, _t, _m in scored)
    tie = (TIE_PAGES + 0.5) / len(docs)  # (gains are shares of the pages, in steps of 1/n)
    best = max((row for row in scored if row[0] >= top - tie), key=lambda row: row[1])
    n_fit = sum(d["fit"] for d in docs)
    doc = {
        "about": "headline scorer (digest/headline.py), made by scripts/train_headline.py",
        "trained_on": (
            f"cleaning-train-v1, train split of scripts/cleaning-split.json: {len(docs)} pages "
            f"with headline truth (fitted on the {n_fit} whose truth is about the article and "
            f"printed in the capture), {sum(len(d['y']) for d in docs)} candidate lines. Source "
            "datasets and licences (../shared/cleaning-train/README.md): L3S-GN1 (research use "
            "only), Dragnet (AGPLv3), Mozilla Readability test pages (Apache-2.0), CleanEval and "
            "CleanPortalEval (no licence stated). The file holds only feature weights, no text."
        ),
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
        "solver": (f"conditional logit over each page's candidates and none (L2, C={C}, "
                   "scipy L-BFGS-B) on standardised features"),
        "threshold": best[1],
        "threshold_rule": ("maximises right - wrong on all train pages with truth; within "
                           f"{TIE_PAGES} page of the best, the highest"),
        "train_scores": best[2],
        "features": list(headline.FEATURES),
        "weights": weights,
    }
    text = json.dumps(doc, indent=1) + "\n"
    if a.check:
        same = headline.MODEL_FILE.exists() and headline.MODEL_FILE.read_text() == text
        print("same bytes as the committed model" if same else "DIFFERS from the committed model")
        return 0 if same else 1
    headline.MODEL_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {headline.MODEL_FILE.relative_to(ROOT)} (threshold {best[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
