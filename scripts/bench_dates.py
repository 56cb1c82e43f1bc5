"""Score the publication date of text captures on a part of ../shared/cleaning-train.

    .venv/bin/python scripts/bench_dates.py [--sets train,validation] [--silver] [--list] [--json F]

Truths, each page scored against the first it has:

- ``gold``: the date in ``<id>.meta.json`` (the page's markup, read by the corpus's makers;
  what `make bench-clean` scores). Few pages have one (55 train ids).
- ``tags`` (``--silver``): the publication date the saved page (``<id>.html.gz``) states in
  attributes no reader sees: the HTML track's own reading (JSON-LD ``datePublished``,
  ``article:published_time`` and the other meta tags of ``html_meta.date_fact``, microdata),
  other publication meta tags (``publicationdate``, ``dcterms.issued``, ...) and the first
  ``<time datetime>`` or ``<abbr class="published" title>`` outside related, comment and
  sidebar blocks. Never a modification date, never the page's visible text.
- ``url``: the date in the page's URL (``/2012/08/09/``, ``/2007/dec/28/``, manifest.json),
  approximate: the day the address was made.
- ``htmldate`` (``--silver``): for saved pages with none of the above, htmldate's reading of
  the original date (markup and the page's date elements, no search of the whole text). The
  weakest: on these 2008 pages it sometimes takes the site's "today" banner (the day the page
  was saved) or reads 01/07/2008 as 1 July; a disagreement is a page to read, not a verdict.

``--silver`` also prints how often each silver truth agrees with gold and URL where a page has
both (its check). Judged by the shared scorer's own ``same_date`` (a day either way). Prints
right / wrong / missing per page and per site (every site weighing the same: a site with many
pages does not decide the figure), and with ``--list`` each page that is wrong. Tune on train
only: validation is quoted, dev never opened.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_clean import META_SCORER, SPLIT_FILE, TRAIN_SET, clean_bytes, load_tool  # noqa: E402

# A date in a URL's path: /2012/08/09/, /20120809, /2012-08-09
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|\D)")
# ... and with the month's name: /2007/dec/28/
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
URL_NAMED_DATE_RE = re.compile(
    rf"/((?:19|20)\d\d)/({'|'.join(MONTHS)})[a-z]*/(0?[1-9]|[12]\d|3[01])(?:/|\D)", re.IGNORECASE)
KINDS = ("right", "wrong", "missing")
TRUTHS = ("gold", "tags", "url", "htmldate")
# Publication meta tags html_meta does not read (seen on the train pages' markup); never a
# modification date.
MORE_TAGS = (
    "originalpublicationdate", "publicationdate", "publication_date", "dcterms.issued",
    "dcterms.created", "dateofpublication", "web_publish_date", "displaydate", "printpubdate",
    "icx_pubdate", "t_omni_pubdate", "rbpubdate", "isodate", "publish_date", "dc.date.created",
)
# A <time> inside one of these blocks dates another story, a comment or the day's banner.
NOT_ARTICLE_RE = re.compile(
    r"related|comment|sidebar|footer|widget|teaser|recent|popular|more|rail|promo|nav|today",
    re.IGNORECASE)


def tags_date(raw: bytes) -> str | None:
    """The publication date the saved page's markup states (see the module docstring)."""
    import lxml.html

    from digest.html_meta import article_ld, date_fact, json_ld, meta_tags, parse_iso_date

    text = raw.decode("utf-8", "replace")
    try:
        root = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return None
    tags = meta_tags(root)
    got = date_fact(tags, article_ld(json_ld(text))).value
    for key in MORE_TAGS:
        got = got or parse_iso_date(tags.get(key))
    if got is None:
        for el in root.xpath('//time[@datetime] | //abbr[contains(@class, "published")][@title]'):
            around = " ".join(f"{a.get('class') or ''} {a.get('id') or ''}"
                              for a in el.iterancestors())
            if not NOT_ARTICLE_RE.search(around):
                got = parse_iso_date(el.get("datetime") or el.get("title"))
                if got:
                    break
    return got.isoformat() if got else None


def htmldate_date(raw: bytes) -> str | None:
    from htmldate import find_date

    try:
        return find_date(raw.decode("utf-8", "replace"), original_date=True,
                         extensive_search=False)
    except ValueError:
        return None


def all_truths(i: str, manifest: dict[str, dict[str, str]], silver: bool) -> dict[str, str]:
    """Every truth the page ``i`` has: kind -> ISO date."""
    out: dict[str, str] = {}
    meta = TRAIN_SET / f"{i}.meta.json"
    published = json.loads(meta.read_text(encoding="utf-8")).get("published") \
        if meta.exists() else None
    if published:
        out["gold"] = published[:10]
    url = manifest[i].get("url", "")
    m = URL_DATE_RE.search(url)
    if m:
        out["url"] = "-".join(m.groups())
    named = None if m else URL_NAMED_DATE_RE.search(url)
    if named:
        y, mon, d = named.groups()
        out["url"] = f"{y}-{MONTHS.index(mon.lower()) + 1:02d}-{int(d):02d}"
    page = TRAIN_SET / f"{i}.html.gz"
    if silver and page.exists():
        raw = gzip.decompress(page.read_bytes())
        for kind, read in (("tags", tags_date), ("htmldate", htmldate_date)):
            got = read(raw)
            if got:
                out[kind] = got
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
    ap.add_argument("--silver", action="store_true",
                    help="add the saved pages' markup and htmldate as truths")
    ap.add_argument("--list", action="store_true", help="print each page whose date is wrong")
    ap.add_argument("--json", type=Path, help="write every scored page's truth and answer here")
    a = ap.parse_args()
    scorer: Any = load_tool(META_SCORER)
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    manifest = {c["id"]: c for c in json.loads(
        (TRAIN_SET / "manifest.json").read_text(encoding="utf-8"))["cases"]}
    print("right / wrong / missing")
    pages: dict[str, dict[str, str | None]] = {}
    for name in a.sets.split(","):
        rows: dict[str, list[str]] = defaultdict(list)
        sites: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        checks: dict[str, Counter[bool]] = defaultdict(Counter)
        for i in sorted(split[name]):
            have = all_truths(i, manifest, a.silver)
            for kind in ("tags", "htmldate"):
                for against in ("gold", "url"):
                    if kind in have and against in have:
                        checks[f"{kind} vs {against}"][
                            scorer.same_date(have[kind], have[against])] += 1
            truth = next((k for k in TRUTHS if k in have), None)
            if truth is None:
                continue
            kind, want = truth, have[truth]
            path = TRAIN_SET / f"{i}.txt"
            cleaned = clean_bytes(path.read_bytes(), path)
            got = cleaned.metadata.published if cleaned else None
            value = got.value.isoformat() if got and got.value else None
            result = ("missing" if value is None else
                      "right" if scorer.same_date(value, want) else "wrong")
            rows[kind].append(result)
            pages[i] = {"set": name, "truth": kind, "want": want, "got": value,
                        "source": got.source if got else None, "result": result}
            site = urlparse(manifest[i].get("url", "")).netloc or i
            sites[kind][site].append(result)
            if a.list and result == "wrong" and got is not None:
                print(f"  {name} {i}: {value} ({got.source}), {kind} says {want}")
        for kind in TRUTHS:
            if rows[kind]:
                print(f"{name:10s} {kind:8s} pages {shares(rows[kind])}   "
                      f"sites {site_shares(sites[kind])}")
        every = [r for kind in TRUTHS for r in rows[kind]]
        print(f"{name:10s} {'all':8s} pages {shares(every)}")
        for check, n in sorted(checks.items()):
            print(f"{name:10s} check {check}: agree {n[True]} of {n[True] + n[False]}")
    if a.json:
        a.json.write_text(json.dumps(pages, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
