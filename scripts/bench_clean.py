"""Benchmark the cleaner on the dev set: quality on three tracks, and speed.

    .venv/bin/python scripts/bench_clean.py [--set ../shared/cleaning-dev] [--json FILE]

Outputs are computed in this process (one per capture, as `digest clean` prints them), saved
to a temporary folder and scored by the shared scorer (`score_cleaner.py --pred-dir`), so the
numbers are the scorer's own. Tracks: text captures, HTML pages, and the appended/ variant
(an unrelated article glued after the real one). Speed: text captures per second on one core.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from digest.capture import decode_capture  # noqa: E402
from digest.cleaning import clean, render_plain  # noqa: E402
from digest.errors import DigestError  # noqa: E402

DEFAULT_SET = ROOT.parent / "shared" / "cleaning-dev"
SCORER = ROOT.parent / "shared" / "tools" / "score_cleaner.py"


def clean_file(path: Path) -> str:
    """What `digest clean PATH` prints for one capture ('' on bad input)."""
    try:
        return render_plain(clean(decode_capture(path.read_bytes(), path)))
    except DigestError:
        return ""


def write_outputs(set_dir: Path, ext: str, out_dir: Path) -> None:
    for truth in sorted(set_dir.glob("*.truth.txt")):
        case = truth.name[: -len(".truth.txt")]
        src = set_dir / f"{case}{ext}"
        (out_dir / f"{case}.txt").write_text(clean_file(src), encoding="utf-8")


def score(set_dir: Path, pred_dir: Path, name: str, track: str) -> str:
    cmd = [
        sys.executable,
        str(SCORER),
        str(set_dir),
        "--pred-dir",
        str(pred_dir),
        "--track",
        track,
        "--name",
        name,
        "--quiet",
        "--bootstrap",
        "200",
    ]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.rstrip()


def speed(set_dir: Path, rounds: int = 3) -> float:
    """Text captures cleaned per second (decode + clean + render), single core."""
    datas = [(p, p.read_bytes()) for p in sorted(set_dir.glob("*.txt")) if ".truth" not in p.name]
    for p, d in datas[:3]:  # warm up imports and caches
        render_plain(clean(decode_capture(d, p)))
    n = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for p, d in datas:
            render_plain(clean(decode_capture(d, p)))
            n += 1
    return n / (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    ap.add_argument("--no-html", action="store_true", help="skip the (slow) HTML track")
    a = ap.parse_args()
    if not SCORER.exists() or not a.set.exists():
        print(f"dev set or scorer not found ({a.set}, {SCORER})", file=sys.stderr)
        return 2
    header = (
        f"{'':<28} {'F1':<13}  {'precision':<13}  {'recall':<13}  {'docF1':<6} {'acc':<5} "
        f"{'sentR':<5} {'allS':>4} docs empty crash"
    )
    rows = []
    tracks = [("text", a.set, ".txt", "text"), ("appended", a.set / "appended", ".txt", "text")]
    if not a.no_html:
        tracks.insert(1, ("html", a.set, ".html", "html"))
    for name, set_dir, ext, track in tracks:
        with tempfile.TemporaryDirectory() as tmp:
            write_outputs(set_dir, ext, Path(tmp))
            rows.append(score(set_dir, Path(tmp), name, track))
    rate = speed(a.set)
    print(header)
    for r in rows:
        print(r)
    print(f"speed: {rate:.0f} text captures/s (one core, decode + clean + render)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
