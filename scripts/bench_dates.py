"""Score the publication date of text captures on a part of ../shared/cleaning-train.

    .venv/bin/python scripts/bench_dates.py [--sets train,validation] [--list]

Two truths: the date in the page's markup (``<id>.meta.json``, what `make bench-clean` scores;
few pages have one), and the date in the page's URL (``/2012/08/09/``, manifest.json) for the
pages without the first: a second, larger check, approximate (a URL's date is the day the
address was made). Judged by the shared scorer's own ``same_date``. Prints right / wrong /
missing per page and per site (every site weighing the same: a site with many pages does not
decide the figure), and with ``--list`` each page that is wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_clean import META_SCORER, SPLIT_FILE, TRAIN_SET, clean_bytes, load_tool  # noqa: E402

# A date in a URL's path: /2012/08/09/, /20120809, /2012-08-09
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|\D)")
KINDS = ("right", "wrong", "missing")


def truths(ids: list[str], manifest: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """id -> (truth kind, ISO date) for the pages with a date in their markup or URL."""
    out = {}
    for i in ids:
        meta = TRAIN_SET / f"{i}.meta.json"
        published = json.loads(meta.read_text(encoding="utf-8")).get("published") \
            if meta.exists() else None
        m = URL_DATE_RE.search(manifest[i].get("url", ""))
        if published:
            out[i] = ("markup", published)
        elif m:
            out[i] = ("url", "-".join(m.groups()))
    return out


def shares(results: list[str]) -> str:
    n = len(results)
    return " / ".join(f"{results.count(k) / n:.3f}" for k in KINDS) + f" (n={n})" if n else "-"


def site_shares(by_site: dict[str, list[str]]) -> str:
    if not by_site:
        return "-"
    avg = {k: sum(r.count(k) / len(r) for r in by_site.values()) / len(by_site) for k in KINDS}
    return " / ".join(f"{avg[k]:.3f}" for k in KINDS) + f" ({len(by_site)} sites)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="train,validation")
    ap.add_argument("--list", action="store_true", help="print each page whose date is wrong")
    a = ap.parse_args()
    scorer = load_tool(META_SCORER)
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    manifest = {c["id"]: c for c in json.loads(
        (TRAIN_SET / "manifest.json").read_text(encoding="utf-8"))["cases"]}
    print("right / wrong / missing")
    for name in a.sets.split(","):
        rows: dict[str, list[str]] = defaultdict(list)
        sites: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for i, (kind, want) in sorted(truths(list(split[name]), manifest).items()):
            path = TRAIN_SET / f"{i}.txt"
            cleaned = clean_bytes(path.read_bytes(), path)
            got = cleaned.metadata.published if cleaned else None
            value = got.value.isoformat() if got and got.value else None
            result = ("missing" if value is None else
                      "right" if scorer.same_date(value, want) else "wrong")
            rows[kind].append(result)
            site = urlparse(manifest[i].get("url", "")).netloc or i
            sites[kind][site].append(result)
            if a.list and result == "wrong" and got is not None:
                print(f"  {name} {i}: {value} ({got.source}), {kind} says {want}")
        for kind in ("markup", "url"):
            print(f"{name:10s} {kind:6s} pages {shares(rows[kind])}   "
                  f"sites {site_shares(sites[kind])}")
        print(f"{name:10s} both   {Counter(rows['markup'] + rows['url'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
