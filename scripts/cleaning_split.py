"""Split ../shared/cleaning-train into a tuning part and a validation part, by site.

    .venv/bin/python scripts/cleaning_split.py [--set ../shared/cleaning-train]

Pages of one site share templates (the same menus, captions, footers), so a split by page would
let a rule tuned on one page of a site be "validated" on its sibling. Every site goes wholly to
one side: the site is the URL's host without "www." (a page with no URL is a site of its own),
and within each source dataset a seeded shuffle of its sites sends about a quarter of the pages
to validation. The result is committed (`scripts/cleaning-split.json`) so every run, and every
developer, tunes and validates on the same pages; rerunning this script gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT.parent / "shared" / "cleaning-train"
SPLIT_FILE = ROOT / "scripts" / "cleaning-split.json"
SEED = 20261203
VALIDATION_SHARE = 0.25


def site_of(case: dict[str, str]) -> str:
    host = urlsplit(case.get("url") or "").hostname or ""
    host = host.removeprefix("www.")
    return host or f"{case['dataset']}:{case['id']}"


def split(cases: list[dict[str, str]]) -> dict[str, list[str]]:
    by_dataset: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for case in cases:
        by_dataset[case["dataset"]][site_of(case)].append(case["id"])
    train: list[str] = []
    validation: list[str] = []
    rng = random.Random(SEED)
    for dataset in sorted(by_dataset):
        sites = sorted(by_dataset[dataset])
        rng.shuffle(sites)
        total = sum(len(by_dataset[dataset][s]) for s in sites)
        taken = 0
        for site in sites:
            ids = by_dataset[dataset][site]
            if taken < VALIDATION_SHARE * total:
                validation += ids
                taken += len(ids)
            else:
                train += ids
    return {"train": sorted(train), "validation": sorted(validation)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    args = ap.parse_args()
    manifest = json.loads((args.set / "manifest.json").read_text(encoding="utf-8"))
    parts = split(manifest["cases"])
    doc = {
        "about": "cleaning-train split by site (scripts/cleaning_split.py): tune on train only",
        "seed": SEED,
        "validation_share": VALIDATION_SHARE,
        **parts,
    }
    SPLIT_FILE.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"{SPLIT_FILE.name}: {len(parts['train'])} train, {len(parts['validation'])} validation")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
