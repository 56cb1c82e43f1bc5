"""Benchmark the cleaner: quality per set and track, headline and date, and speed.

    .venv/bin/python scripts/bench_clean.py [--sets dev,validation] [--no-html] [--json FILE]

Sets: ``dev`` (../shared/cleaning-dev, checked, never tuned on), ``validation`` (the validation
ids of scripts/cleaning-split.json, a by-site split of ../shared/cleaning-train: the figures to
quote) and ``train`` (its train ids: the only pages to tune on). A folder path is a set too.

Outputs are computed in this process (one per capture, as `digest clean` prints them), saved to
a temporary folder and scored by the shared scorer (`score_cleaner.py --pred-dir --json`), so the
numbers are the scorer's own; headline and date are judged by the shared metadata scorer's own
functions (`same_headline`, `same_date`), imported, on what `digest clean --json` gives.
Tracks: text captures, HTML pages, and the appended/ variant (an unrelated article glued after
the real one). Speed: text captures per second on one core (decode + clean + render).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from digest.capture import decode_capture  # noqa: E402
from digest.cleaning import clean, clear_caches, render_plain  # noqa: E402
from digest.errors import DigestError  # noqa: E402
from digest.model import Cleaned  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_cleaner.py"
META_SCORER = SHARED / "tools" / "score_metadata.py"
SPLIT_FILE = ROOT / "scripts" / "cleaning-split.json"
TRAIN_SET = SHARED / "cleaning-train"
DEV_SET = SHARED / "cleaning-dev"
LOW_SENT_RECALL = 0.9  # a page keeping less than this share of its sentences lost text


@dataclass(frozen=True)
class Bench:
    """A set to score: its folder and, for a part of cleaning-train, the ids it holds."""

    name: str
    folder: Path
    ids: tuple[str, ...] | None  # None: every case of the folder


def load_tool(path: Path) -> ModuleType:
    """A shared scorer (../shared/tools/*.py) as a module: its own functions give the numbers."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def split_languages() -> tuple[dict[str, list[str]], dict[str, str]]:
    """The committed split of the training corpus (set name -> ids) and each case's language
    ("en", "other") from its manifest: what the benches on its pages read first."""
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    manifest = json.loads((TRAIN_SET / "manifest.json").read_text(encoding="utf-8"))
    return split, {c["id"]: c.get("lang", "") for c in manifest["cases"]}


def benches(names: list[str]) -> list[Bench]:
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    out = []
    for name in names:
        if name == "dev":
            out.append(Bench("dev", DEV_SET, None))
        elif name in ("validation", "train"):
            out.append(Bench(f"train-{name}" if name == "validation" else "train-train",
                             TRAIN_SET, tuple(split[name])))
        else:
            path = Path(name)
            out.append(Bench(path.name, path, None))
    return out


def case_ids(b: Bench, folder: Path) -> list[str]:
    ids = sorted(p.name[: -len(".truth.txt")] for p in folder.glob("*.truth.txt"))
    if b.ids is not None:
        keep = set(b.ids)
        ids = [i for i in ids if i in keep]
    return ids


def link_subset(src: Path, ids: list[str], dst: Path) -> None:
    """A folder of symlinks to the cases ``ids`` of ``src``: what the scorer reads."""
    dst.mkdir(parents=True, exist_ok=True)
    for i in ids:
        for ext in (".txt", ".truth.txt", ".appended.txt", ".html", ".html.gz", ".meta.json"):
            f = src / f"{i}{ext}"
            if f.exists():
                (dst / f.name).symlink_to(f)


def clean_bytes(data: bytes, path: Path) -> Cleaned | None:
    try:
        return clean(decode_capture(data, path))
    except DigestError:
        return None


def html_input(folder: Path, i: str) -> tuple[Path, bytes] | None:
    plain, gz = folder / f"{i}.html", folder / f"{i}.html.gz"
    if plain.exists():
        return plain, plain.read_bytes()
    if gz.exists():
        return plain, gzip.decompress(gz.read_bytes())
    return None


def score(set_dir: Path, pred_dir: Path, track: str) -> dict[str, Any]:
    out = pred_dir.parent / f"{pred_dir.name}.json"
    cmd = [sys.executable, str(SCORER), str(set_dir), "--pred-dir", str(pred_dir),
           "--track", track, "--quiet", "--bootstrap", "0", "--json", str(out)]
    subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def run_track(b: Bench, track: str, tmp: Path, meta_scorer: ModuleType) -> dict[str, Any]:
    folder = b.folder / "appended" if track == "appended" else b.folder
    ids = case_ids(b, folder)
    set_dir = tmp / f"{b.name}-{track}-set"
    link_subset(folder, ids, set_dir)
    pred = tmp / f"{b.name}-{track}-pred"
    pred.mkdir()
    heads: list[str] = []
    dates: list[str] = []
    low_conf = 0
    n_done = 0
    for i in ids:
        if track == "html":
            got = html_input(folder, i)
            if got is None:
                continue
            path, data = got
        else:
            path = folder / f"{i}.txt"
            data = path.read_bytes()
        cleaned = clean_bytes(data, path)
        n_done += 1
        (pred / f"{i}.txt").write_text(render_plain(cleaned) if cleaned else "", encoding="utf-8")
        if cleaned is not None and cleaned.confidence < 0.5:
            low_conf += 1
        meta_file = folder / f"{i}.meta.json"
        if track == "appended" or not meta_file.exists():
            continue
        truth = json.loads(meta_file.read_text(encoding="utf-8"))
        m = cleaned.metadata if cleaned else None
        title = m.title.value if m else None
        date = m.published.value.isoformat() if m and m.published.value else None
        if truth.get("title"):
            heads.append("missing" if not title else
                         "right" if meta_scorer.same_headline(title, truth["title"]) else "wrong")
        if truth.get("published"):
            dates.append("missing" if not date else
                         "right" if meta_scorer.same_date(date, truth["published"]) else "wrong")
    if track == "html" and n_done == 0:
        return {}
    scored = score(set_dir, pred, "text" if track == "appended" else track)
    s = scored["summary"]
    docs = [d for d in scored["docs"] if d["sentences"]]
    row = {
        "set": b.name,
        "track": track,
        "docs": s["n_docs"],
        "f1": s["f1"],
        "precision": s["precision"],
        "recall": s["recall"],
        "sent_recall": s["sent_recall"],
        "below_0.9": sum(d["sentences_kept"] / d["sentences"] < LOW_SENT_RECALL for d in docs),
        "whole_lost": sum(d["sentences_kept"] == 0 and d["sentences"] >= 3 for d in docs),
        "empty": s["n_empty"],
        "appended_kept": s.get("appended_kept"),
        "low_confidence": low_conf,
        "headline": _shares(heads),
        "date": _shares(dates),
        "worst": sorted((d["sentences_kept"] / d["sentences"], d["id"]) for d in docs)[:8],
    }
    return row


def _shares(results: list[str]) -> dict[str, Any]:
    n = len(results)
    return {"n": n, **{k: (results.count(k) / n if n else None)
                       for k in ("right", "wrong", "missing")}}


def speed(folder: Path, ids: list[str], rounds: int = 2) -> float:
    """Text captures cleaned per second (decode + clean + render), single core."""
    datas = [(folder / f"{i}.txt", (folder / f"{i}.txt").read_bytes()) for i in ids]
    for p, d in datas[:3]:  # warm up imports and caches
        render_plain(clean(decode_capture(d, p)))
    n = 0
    elapsed = 0.0
    for _ in range(rounds):
        # the cleaner caches per-line facts by text: each round starts cold, as a first build
        # does (a second round over the same pages would only measure the caches)
        clear_caches()
        t0 = time.process_time()
        for p, d in datas:
            cleaned = clean_bytes(d, p)
            if cleaned is not None:
                render_plain(cleaned)
            n += 1
        elapsed += time.process_time() - t0
    return n / elapsed


def _f(v: float | None, digits: int = 3) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def table(rows: list[dict[str, Any]], rates: dict[str, float]) -> str:
    """The Markdown table the README shows."""
    out = [
        "| set | track | docs | F1 | sentR | pages < 0.9 sentR | whole article lost "
        "| appended-kept | headline right / wrong / missing | date right / wrong / missing "
        "| captures/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    for r in rows:
        h, d = r["headline"], r["date"]
        head = (f"{_f(h['right'], 2)} / {_f(h['wrong'], 2)} / {_f(h['missing'], 2)} (n={h['n']})"
                if h["n"] else "–")
        date = (f"{_f(d['right'], 2)} / {_f(d['wrong'], 2)} / {_f(d['missing'], 2)} (n={d['n']})"
                if d["n"] else "–")
        rate = f"{rates[r['set']]:.0f}" if r["track"] == "text" and r["set"] in rates else ""
        out.append(
            f"| {r['set']} | {r['track']} | {r['docs']} | {_f(r['f1'])} | {_f(r['sent_recall'])} "
            f"| {r['below_0.9']} | {r['whole_lost']} | {_f(r['appended_kept'])} | {head} "
            f"| {date} | {rate} |"
        )
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", "--set", default="dev,validation",
                    help="comma-separated: dev, validation, train, or a folder (default: "
                         "dev,validation)")
    ap.add_argument("--tracks", default="text,html,appended")
    ap.add_argument("--no-html", action="store_true", help="skip the (slow) HTML track")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--worst", action="store_true", help="list the pages that lost most text")
    ap.add_argument("--json", type=Path, help="write the rows here")
    a = ap.parse_args()
    if not SCORER.exists() or not META_SCORER.exists():
        print(f"shared scorers not found ({SCORER.parent})", file=sys.stderr)
        return 2
    meta_scorer = load_tool(META_SCORER)
    tracks = [t for t in a.tracks.split(",") if not (a.no_html and t == "html")]
    rows: list[dict[str, Any]] = []
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for b in benches([s.strip() for s in a.sets.split(",") if s.strip()]):
            if not b.folder.exists():
                print(f"set {b.name} not found ({b.folder})", file=sys.stderr)
                return 2
            for track in tracks:
                row = run_track(b, track, tmp, meta_scorer)
                if row:
                    rows.append(row)
            if not a.no_speed and "text" in tracks:
                rates[b.name] = speed(b.folder, case_ids(b, b.folder))
    print(table(rows, rates))
    print("\ncaptures/s: text captures per second on one core (decode + clean + render)")
    if a.worst:
        for r in rows:
            worst = ", ".join(f"{i} {v:.2f}" for v, i in r["worst"])
            print(f"{r['set']} {r['track']} lowest sentR: {worst}")
    if a.json:
        a.json.write_text(json.dumps({"rows": rows, "speed": rates}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
