"""Search budget benchmark: `make bench-search` (or `python scripts/bench_search.py`).

For digests of 100, 1,000 and 10,000 generated articles (~800 words each, Zipf-distributed
vocabulary that keeps growing with the archive, a few names per article that occur nowhere
else), build the compact index (plugins/lunr_index) and a plain lunr index over the same fields,
serve each with the real search.js + search-worker.js + lunr.min.js, and measure in headless
Chromium (cold cache, fresh context per run):

* gzipped bytes downloaded from focus to the first result (per article)
* time from focus of the search box to the first result on screen
* warm query p95 (input event to results on screen, index loaded)
* longest main-thread task between focus and the first result: the longest gap between turns
  of a 1 ms timer loop on the page (an upper bound), and the Long Tasks API (> 50 ms)

Prints a Markdown table and writes bench-search-results.json. Goals (the issue):
<= 1.0 KB/article before first result; first result <= 150 ms at 1,000 and <= 1 s at 10,000;
warm p95 <= 16 ms at 1,000 and <= 50 ms at 10,000; no main-thread task > 50 ms.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from lunr_index.builder import SearchRecord, build, dumps, plain_lunr_json  # noqa: E402
from lunr_index.compat import STOP_WORDS  # noqa: E402
from lunr_index.plugin import RUSSIAN_STEMMER_JS  # noqa: E402

from digest.chromium import CHROMIUM_ARGS, find_chromium  # noqa: E402

# Real English text is ~45% stop words ("the", "of", "and", ...): they cost nothing in the index.
STOP_SHARE = 0.45
# The other words: Zipf(1.0) over a 50k-word common vocabulary (~280 distinct stems per
# article, like news prose), plus rare words and names that keep the vocabulary growing with
# the archive (~35k stems at 1,000 articles, ~120k at 10,000).
COMMON_WORDS = 50_000
ZIPF_S = 1.0
RARE_PER_ARTICLE = 6
_STOPS = sorted(STOP_WORDS)

GOALS = {
    "kb_per_article": 1.0,
    "first_ms": {1000: 150, 10000: 1000},
    "warm_p95_ms": {1000: 16, 10000: 50},
    "longest_task_ms": 50,
}

# --- a synthetic archive -------------------------------------------------------------------------

_ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br"]
_ONSETS += ["ch", "st", "tr", "pl", "gr", "sh", "kr", "dr", "fl", "sk"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea", "io"]
_CODAS = ["", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "x"]


def _lexicon(size: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    out: list[str] = []
    while len(out) < size:
        syllables = rng.choice((1, 2, 2, 2, 3, 3, 4))
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
        )
        if word not in words:
            words.add(word)
            out.append(word)
    return out


def corpus(n: int, seed: int = 1) -> list[SearchRecord]:
    """n articles of 800 words: stop words, Zipf common words, rare words, three names seen in
    no other article; two of 30 topics, one of 40 outlets, dates over ten years."""
    rng = random.Random(seed)
    lexicon = _lexicon(600_000 if n >= 100 else 60_000, rng)  # tiny runs (smoke test) stay fast
    cum: list[float] = []
    total = 0.0
    for rank in range(1, COMMON_WORDS + 1):
        total += 1.0 / rank**ZIPF_S
        cum.append(total)
    topics = [f"topic-{w}" for w in lexicon[5000:5030]]
    outlets = [f"The {w.capitalize()} Times" for w in lexicon[6000:6040]]
    start = dt.date(2015, 1, 1)

    def words(k: int) -> list[str]:
        return [
            rng.choice(_STOPS)
            if rng.random() < STOP_SHARE
            else lexicon[bisect.bisect_left(cum, rng.random() * total)]
            for _ in range(k)
        ]

    name_pool, rare_pool = lexicon[:20000], lexicon[COMMON_WORDS:]  # slice once, not per use
    records = []
    for i in range(n):
        names = [f"{w.capitalize()}{i}" for w in rng.sample(name_pool, 3)]
        body = words(800 - 3 - RARE_PER_ARTICLE)
        rare = [rng.choice(rare_pool) for _ in range(RARE_PER_ARTICLE)]
        for word in names + rare:
            body.insert(rng.randrange(len(body)), word)
        sentences = [" ".join(body[j : j + 16]).capitalize() + "." for j in range(0, 800, 16)]
        # paragraphs of four sentences (~64 words), with the anchors the reader gives them
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        records.append(
            SearchRecord(
                id=f"a{i:05d}",
                url=f"articles/a{i:05d}.html",
                title=" ".join(words(8)).capitalize(),
                dek=" ".join(words(16)).capitalize(),
                summary=" ".join(words(40)).capitalize() + ".",
                topics=tuple(sorted(rng.sample(topics, 2))),
                entities=(names[0].lower(),),
                outlet=rng.choice(outlets),
                date=start + dt.timedelta(days=int(i * 3650 / max(n, 1))),
                body="\n".join(paragraphs),
                passages=tuple((f"b{j}", text) for j, text in enumerate(paragraphs)),
            )
        )
    return records


# --- a tiny site per variant ---------------------------------------------------------------------

HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"><script src="theme/js/search.js" defer></script></head><body>
<form role="search" action="search.html" class="site-search"><label for="q">Search</label>
<input id="q" name="q" type="search" data-index-url="{index}"
 data-worker-url="theme/js/search-worker.js" data-lunr-url="theme/js/lunr.min.js"
 data-site-url="." {plain}></form></body></html>"""


def write_site(folder: Path, files: dict[str, str], index: str, plain: bool) -> None:
    (folder / "theme/js").mkdir(parents=True, exist_ok=True)
    for name in ("search.js", "search-worker.js"):
        shutil.copy(ROOT / "theme/static/js" / name, folder / "theme/js" / name)
    lunr_js = ROOT / "node_modules/lunr/lunr.min.js"
    if not lunr_js.is_file():
        raise SystemExit(f"{lunr_js} not found. Fix: run npm ci")
    shutil.copy(lunr_js, folder / "theme/js/lunr.min.js")
    # as the site has them (the worker fetches them on the first Cyrillic word only)
    for name in RUSSIAN_STEMMER_JS:
        shutil.copy(ROOT / "node_modules/lunr-languages/min" / name, folder / "theme/js" / name)
    (folder / "search").mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / "search" / name).write_text(text, encoding="utf-8")
    page = HARNESS.format(index=index, plain="data-plain-index" if plain else "")
    (folder / "index.html").write_text(page, encoding="utf-8")


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # a context closed while background prefetches were in flight: not an error
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def chromium_path() -> str:
    """The Chromium the tests use (see digest.chromium), as a path for `--version` too."""
    try:
        found = find_chromium()
    except FileNotFoundError as missing:
        raise SystemExit(str(missing)) from None
    if found is None:  # Playwright's own download
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            return p.chromium.executable_path
    return found


INIT = """
window.__longtasks = [];
try { new PerformanceObserver(l => { for (const e of l.getEntries())
  window.__longtasks.push([e.startTime, e.duration]); })
  .observe({type: 'longtask', buffered: true});
} catch (e) {}
window.__results = [];
document.addEventListener('digest:search-results', e => window.__results.push(
  Object.assign({t: performance.now()}, e.detail)));
"""

FIRST = """async (q) => {
  const input = document.getElementById('q');
  const t0 = performance.now();
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  // the longest stretch the main thread could not run this loop: an upper bound on its
  // longest task (the Long Tasks API only reports tasks over 50 ms)
  let last = performance.now(), gap = last - t0;
  while (!window.__results.some(r => r.t > t0 && r.q === q)) {
    await new Promise(r => setTimeout(r, 1));
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }
  const r = window.__results.find(r => r.t > t0 && r.q === q);
  const tasks = window.__longtasks.filter(([s, d]) => s + d > t0 && s < r.t).map(([s, d]) => d);
  return {ms: r.t - t0, count: r.count, longest: Math.max(gap, ...tasks)};
}"""

WARM = """async (q) => {
  const input = document.getElementById('q');
  await new Promise(r => setTimeout(r, 60));
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  while (!window.__results.some(r => r.t > t0 && r.q === q))
    await new Promise(r => setTimeout(r, 1));
  const r = window.__results.find(r => r.t > t0 && r.q === q);
  return {ms: r.t - t0, count: r.count};
}"""


def _name_in(record: SearchRecord) -> str:
    """One of the record's names: the only words with digits in them."""
    return next(w for w in record.body.replace(".", " ").split() if any(c.isdigit() for c in w))


def queries(records: list[SearchRecord], rng: random.Random) -> tuple[str, list[str]]:
    """The first query (a body-only name, as a reader would type it) and the warm set."""
    sample = rng.sample(records, min(10, len(records)))
    names = [r.body.split()[3] for r in sample]  # any body word
    first_name = _name_in(sample[0])
    warm = [first_name.lower()]
    for r in sample:
        name = _name_in(r)
        warm += [name, name[:3], name[:5], " ".join(r.title.split()[:2]), r.title.split()[1]]
        warm.append(name[:2] + name[3] + name[2] + name[4:])  # a typo: swap two letters
    warm += names
    return first_name, warm


def _downloaded(browser: Any, url: str, folder: Path, first: str) -> int:
    """Gzipped bytes of every file fetched from focus to the first result (page and worker).

    A run of its own: listening to requests (and to the worker's) makes Playwright pause new
    workers until it has attached to them, which would distort the timed runs.
    """
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(INIT)
    page.goto(url + "index.html")
    page.wait_for_load_state("load")
    fetched: list[str] = []
    done = False  # requests reported after the first result (the background prefetch) don't count

    def seen(req: Any) -> None:
        if not done:
            fetched.append(req.url)

    context.on("request", seen)
    page.evaluate(FIRST, first)
    done = True
    context.close()
    names = {u.split("?")[0].removeprefix(url) for u in fetched}
    names.add("theme/js/search.js")  # loaded with the page, before focus: counted anyway
    return sum(gzip_size(folder / n) for n in names if (folder / n).is_file())


def measure(
    url: str, folder: Path, first: str, warm: list[str], runs: int, prefetch: bool
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    result: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        result["bytes_before_first"] = _downloaded(browser, url, folder, first)
        firsts, longest = [], []
        for run in range(runs):
            context = browser.new_context()  # empty cache
            page = context.new_page()
            page.add_init_script(INIT)
            page.goto(url + "index.html")
            page.wait_for_load_state("load")
            out = page.evaluate(FIRST, first)
            firsts.append(out["ms"])
            longest.append(out["longest"])
            if run == runs - 1:
                # warm: the index is loaded. A small index is fetched whole in the background
                # after the first result (core "prefetch"); wait for that, at most 10 s. A big
                # one is fetched on demand, so warm times include those fetches.
                t0 = time.perf_counter()
                with contextlib.suppress(Exception):
                    if prefetch:
                        page.wait_for_selector("form[data-search-cached=all]", timeout=10_000)
                result["prefetched"] = page.evaluate(
                    "!!document.querySelector('form[data-search-cached=all]')"
                )
                result["prefetch_wait_s"] = round(time.perf_counter() - t0, 2)
                times = [page.evaluate(WARM, q)["ms"] for q in warm]
                times += [page.evaluate(WARM, q)["ms"] for q in warm]  # again: all loaded
                result["warm_p95_ms"] = statistics.quantiles(times, n=20)[18]
                result["warm_max_ms"] = max(times)
                result["first_count"] = out["count"]
            context.close()
        browser.close()
    result["first_ms"] = statistics.median(firsts)
    result["first_ms_runs"] = [round(f) for f in firsts]
    result["longest_task_ms"] = max(longest)
    return result


def bench(
    sizes: list[int],
    runs: int,
    keep: Path | None,
    skip_plain: bool = False,
    warm_queries: int = 0,
) -> dict[str, Any]:
    report: dict[str, Any] = {"sizes": {}}
    for n in sizes:
        t0 = time.perf_counter()
        records = corpus(n)
        built = build(records)
        build_s = time.perf_counter() - t0
        rng = random.Random(n)
        first, warm = queries(records, rng)
        if warm_queries:
            warm = warm[:warm_queries]
        # the baseline: lunr's own serialisation, and the whole document store in one file
        plain = {
            "index.json": dumps(
                {"index": plain_lunr_json(built.index), "documentCount": n, "docs": "docs.json"}
            ),
            "docs.json": dumps(
                {**built.docs, "facets": built.core["facets"], "forms": dict(built.forms)}
            ),
        }
        row: dict[str, Any] = {"build_s": round(build_s, 1), "first_query": first}
        base = keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
        for variant, files in (("compact", built.files()), ("plain", plain)):
            if variant == "plain" and skip_plain:
                continue
            folder = base / f"{n}-{variant}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            write_site(folder, files, "search/index.json", plain=variant == "plain")
            total = sum(gzip_size(folder / "search" / name) for name in files)
            with serve(folder) as url:
                prefetch = variant == "compact" and bool(built.core["prefetch"])
                m = measure(url, folder, first, warm, runs, prefetch)
            m["index_gzip_bytes"] = total
            m["kb_per_article"] = round(m["bytes_before_first"] / 1024 / n, 3)
            row[variant] = m
            print(f"{n:>6} {variant:<8} {json.dumps(m)}", file=sys.stderr)
        report["sizes"][str(n)] = row
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return report


def table(report: dict[str, Any]) -> str:
    lines = [
        "| articles | index | KB/article before 1st result | 1st result ms | warm p95 ms "
        "| longest main-thread task ms | whole index gz KB |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for n, row in report["sizes"].items():
        for variant in ("compact", "plain"):
            if variant not in row:
                continue
            m = row[variant]
            lines.append(
                f"| {int(n):,} | {variant} | {m['kb_per_article']:.2f} | {m['first_ms']:.0f} "
                f"| {m['warm_p95_ms']:.1f} | {m['longest_task_ms']:.0f} "
                f"| {m['index_gzip_bytes'] / 1024:,.0f} |"
            )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    chromium = chromium_path()
    version = ""
    with contextlib.suppress(Exception):
        import subprocess

        version = subprocess.run(
            [chromium, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.strip()
    return {
        "cpu": cpu or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "chromium": version,
        "date": dt.date.today().isoformat(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3, help="cold runs per variant (median)")
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-search-results.json")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-lunr baseline")
    parser.add_argument("--warm-queries", type=int, default=0, help="use only the first N")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    report = bench(sizes, args.runs, args.keep, args.no_plain, args.warm_queries)
    report["machine"] = machine()
    report["goals"] = GOALS
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
