#!/usr/bin/env python3
"""Benchmark the whole Digest build against plain Pelican and Hugo, from 100 to 10,000 articles.

For each N in --sizes (default: $BENCH_SIZES, else 100 1000 5000 10000), on a generated corpus
(digest.corpus, seeded), side by side:

  digest              captures -> site with search index, from a clean state, as `make html`
                      runs it: `digest content --content DIR`, then `pelican DIR -s
                      pelican.conf.py --fatal warnings` into a new folder beside the site
                      (DIGEST_CONTENT=DIR, DIGEST_PREVIOUS_OUTPUT=the site), then the swap;
                      fresh output and caches
  digest-incremental  the same commands again after editing one capture
  pelican             plain Pelican 4.12, default theme, our markdown_it_reader plugin, no
                      feeds, no cache, on the Markdown the digest content stage wrote
  hugo                a minimal Hugo site (single/list/terms layouts, a tag taxonomy from the
                      topics) on the same Markdown

Each timed run happens in a fresh subprocess that runs the commands and reports wall seconds
and the peak RSS of its process tree (resource.getrusage(RUSAGE_CHILDREN): the largest
process among the commands, which run one after another). Corpus generation and Markdown
conversion are not timed.

Prints a table (wall s, ms per article, peak MB, ratios) and writes bench-results.json:
{"rows": [{"n", "system", "wall_s", "peak_rss_mb", "ms_per_article", "error"}, ...], ...}.
A failed run is a row with "error" and null numbers; the exit status is 1 if any run failed.

  .venv/bin/python scripts/bench_build.py --sizes 100 1000 --systems digest pelican
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digest.corpus import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
SYSTEMS = ("digest", "digest-incremental", "pelican", "hugo")
DEFAULT_SIZES = (100, 1000, 5000, 10000)
DEFAULT_SEED = 1
#: per timed run; a 10,000-article build should take minutes, not an hour
DEFAULT_TIMEOUT_S = 3600.0
#: the reader plugin the plain-Pelican baseline uses, as the digest build does
READER_PLUGIN = "markdown_it_reader"

# Goals the lead tunes the build towards: reported, never enforced here.
GOAL_DIGEST_OVER_PELICAN = 1.25  # at 1,000 and 5,000
GOAL_INCREMENTAL_OVER_FULL = 0.3  # at 5,000
GOAL_PEAK_RSS_MB = 1024.0  # at 10,000
GOAL_MS_PER_ARTICLE_GROWTH = 1.2  # ms/article at 10,000 over that at 1,000


class BenchError(Exception):
    """A run could not happen or failed; the message says what to do."""

    def __init__(self, message: str, failed_step: int | None = None) -> None:
        super().__init__(message)
        self.failed_step = failed_step  # index of the command that failed, if one did


# --- Measuring one run in a fresh process --------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One command of a timed run."""

    argv: tuple[str, ...]
    cwd: str
    env: Mapping[str, str] = field(default_factory=dict)  # added to a clean environment


@dataclass(frozen=True)
class Measurement:
    wall_s: float
    peak_rss_mb: float
    steps_s: tuple[float, ...] = ()  # wall seconds of each command


def measure(steps: Sequence[Step], timeout_s: float, log: Path) -> Measurement:
    """Run ``steps`` one after another in a fresh subprocess; raise BenchError on failure.

    The subprocess runs the commands and reports wall time and getrusage(RUSAGE_CHILDREN):
    a fresh process has no other children, so the figure is this run's alone. Output of the
    commands goes to ``log``.
    """
    spec = {
        "steps": [{"argv": list(s.argv), "cwd": s.cwd, "env": dict(s.env)} for s in steps],
        "timeout_s": timeout_s,
        "log": str(log),
    }
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "_measure"],
            input=json.dumps(spec),
            capture_output=True,
            text=True,
            timeout=timeout_s + 60,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"measuring process hung past {timeout_s + 60:.0f}s") from error
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError) as error:
        raise BenchError(f"measuring process failed: {done.stderr.strip()[-500:]}") from error
    if result.get("error"):
        raise BenchError(f"{result['error']} (log: {log})\n{_tail(log)}",
                         result.get("failed_step"))
    return Measurement(float(result["wall_s"]), float(result["peak_rss_kb"]) / 1024.0,
                       tuple(float(t) for t in result.get("steps_s", ())))


def _tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join("    " + line for line in text.splitlines()[-lines:])


def _measure_main() -> int:
    """Inside the fresh subprocess: run the steps, print one JSON line."""
    spec = json.loads(sys.stdin.read())
    deadline = time.monotonic() + float(spec["timeout_s"])
    error = None
    failed_step = None
    steps_s = []
    start = time.perf_counter()
    with open(spec["log"], "ab") as log:
        for index, step in enumerate(spec["steps"]):
            failed_step = index
            argv = step["argv"]
            log.write(f"$ {' '.join(argv)}\n".encode())
            log.flush()
            env = {**_clean_env(), **step["env"]}
            try:
                process = subprocess.Popen(
                    argv, cwd=step["cwd"], env=env, stdout=log, stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL, start_new_session=True,
                )
            except OSError as exc:
                error = f"cannot run {argv[0]}: {exc}"
                break
            step_start = time.perf_counter()
            try:
                code = process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                error = f"timed out after {spec['timeout_s']:.0f}s in: {' '.join(argv)}"
                break
            steps_s.append(time.perf_counter() - step_start)
            if code != 0:
                error = f"exit status {code} from: {' '.join(argv)}"
                break
        else:
            failed_step = None
    wall = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"wall_s": wall, "peak_rss_kb": peak_kb, "error": error,
                      "failed_step": failed_step, "steps_s": steps_s}))
    return 0


def _clean_env() -> dict[str, str]:
    """The environment for every command: ours, less anything that steers a Digest build."""
    return {k: v for k, v in os.environ.items() if not k.startswith("DIGEST_")}


# --- Tools -----------------------------------------------------------------------------------


def venv_tool(name: str) -> Path:
    """A console script next to the running Python (the project venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    if found:
        return Path(found)
    raise BenchError(
        f"{name}: not found next to {sys.executable} nor on PATH. "
        "Fix: run with the project venv (.venv/bin/python) after `pip install -e .`"
    )


def ensure_hugo(allow_install: bool) -> Path:
    """Hugo on PATH; installed with apt-get when missing, if allowed and running as root."""
    found = shutil.which("hugo")
    if found:
        return Path(found)
    apt = shutil.which("apt-get")
    if not allow_install or apt is None or os.geteuid() != 0:
        why = (
            "installing is turned off (--no-install)" if not allow_install
            else "apt-get is not available" if apt is None
            else "not running as root"
        )
        raise BenchError(
            f"hugo: not found on PATH and {why}. Fix: `sudo apt-get install -y hugo` "
            "(or put a hugo binary on PATH), or leave hugo out with --systems"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [apt, "install", "-y", "hugo"]
    for command in (install, [apt, "update"], install):
        print(f"bench: {' '.join(command)}", flush=True)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False,
                              timeout=900)
        if command[1] == "install" and done.returncode == 0:
            break
    found = shutil.which("hugo")
    if not found:
        raise BenchError(
            f"hugo: `apt-get install -y hugo` failed: {done.stderr.strip()[-300:]}. "
            "Fix: install hugo by hand, or leave it out with --systems"
        )
    return Path(found)


def check_digest_content(digest: Path) -> None:
    """The digest CLI has a `content` command (fails fast, with a clear message, if not)."""
    done = subprocess.run([str(digest), "content", "--help"], capture_output=True, text=True,
                          check=False, timeout=120)
    if done.returncode != 0:
        raise BenchError(
            f"`{digest} content --help` failed ({done.stderr.strip()[-300:] or done.returncode})."
            " Fix: the digest content stage must be installed (`pip install -e .`)"
        )


# --- Plain Pelican baseline --------------------------------------------------------------------


def pelican_settings(content: Path, plugin_path: Path) -> str:
    """A minimal settings file: default theme, our reader plugin, no feeds, no cache."""
    settings = {
        "AUTHOR": "Bench",
        "SITENAME": "Plain Pelican baseline",
        "SITEURL": "",
        "PATH": str(content),
        "ARTICLE_PATHS": ["articles"],
        "PAGE_PATHS": [],
        "STATIC_PATHS": [],
        "PLUGIN_PATHS": [str(plugin_path)],
        "PLUGINS": [READER_PLUGIN],
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
    }
    lines = ['"""Plain Pelican baseline for the Digest bench (generated)."""', ""]
    lines += [f"{key} = {value!r}" for key, value in settings.items()]
    return "\n".join(lines) + "\n"


def _check_markdown(markdown: Path) -> None:
    if not markdown.is_dir() or not any(markdown.glob("*.md")):
        raise BenchError(f"{markdown}: no Markdown files. Fix: `digest content` must write them")


def prepare_pelican(markdown: Path, work: Path, plugin_path: Path) -> list[Step]:
    """Copy the Markdown into a fresh Pelican project; the steps that build it."""
    _check_markdown(markdown)
    if not (plugin_path / READER_PLUGIN).is_dir():
        raise BenchError(f"{plugin_path / READER_PLUGIN}: the reader plugin is missing. "
                         "Fix: pass --plugin-path to the folder that holds it")
    _fresh(work)
    content = work / "content"
    shutil.copytree(markdown, content / "articles")
    settings = work / "pelicanconf.py"
    settings.write_text(pelican_settings(content, plugin_path), encoding="utf-8")
    pelican = venv_tool("pelican")
    argv = (str(pelican), str(content), "-s", str(settings), "-o", str(work / "output"),
            "--fatal", "warnings", "--cache-path", str(work / "cache"))
    return [Step(argv, str(work))]


# --- Hugo baseline -----------------------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = "https://bench.example/"
languageCode = "en"
title = "Hugo baseline"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]

[taxonomies]
  tag = "tags"

[markup.goldmark.renderer]
  unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<a href="{{ "/tags/" | relURL }}">Tags</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ range $pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time>{{ .Date.Format "2006-01-02" }}</time>{{ .Summary }}</article>
{{ end }}{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between `---` lines, and the body after it."""
    if not text.startswith("---"):
        return {}, text
    first_end = text.find("\n")
    close = text.find("\n---", first_end)
    if close < 0:
        return {}, text
    meta = yaml.safe_load(text[first_end + 1 : close]) or {}
    if not isinstance(meta, dict):
        return {}, text
    rest = text[close + 4 :]
    return meta, rest[rest.find("\n") + 1 :] if "\n" in rest else ""


def _terms(value: Any) -> list[str]:
    """Topic or tag names from a list of strings or of {slug|name} maps, or a comma string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    terms = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            item = item.get("name") or item.get("slug")
        if item:
            terms.append(str(item))
    return terms


def hugo_front_matter(meta: Mapping[str, Any], slug: str) -> dict[str, Any]:
    """Map the digest front matter to Hugo's: title, date, tags (from topics), slug."""
    date = meta.get("date") or meta.get("published")
    if date is None:
        raise BenchError(f"{slug}: the Markdown has no date, Hugo needs one")
    tags = _terms(meta.get("topics")) or _terms(meta.get("tags"))
    return {"title": str(meta.get("title") or slug), "date": str(date), "slug": slug,
            "tags": tags}


def prepare_hugo(markdown: Path, work: Path, hugo: Path) -> list[Step]:
    """Write a minimal Hugo site holding the same Markdown; the steps that build it."""
    _check_markdown(markdown)
    _fresh(work)
    site = work / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for source in sorted(markdown.glob("*.md")):
        meta, body = split_front_matter(source.read_text(encoding="utf-8"))
        front = yaml.safe_dump(hugo_front_matter(meta, source.stem), sort_keys=False,
                               allow_unicode=True, width=1000)
        (site / "content" / "posts" / source.name).write_text(
            f"---\n{front}---\n{body}", encoding="utf-8"
        )
    argv = (str(hugo), "--source", str(site), "--destination", str(work / "output"),
            "--config", str(site / "hugo.toml"), "--cacheDir", str(work / "cache"), "--quiet")
    return [Step(argv, str(site))]


# --- Digest -------------------------------------------------------------------------------------


def digest_steps(content: Path, output: Path, cache: Path) -> list[Step]:
    """Captures -> Markdown -> site, exactly as `make html` runs them: Pelican writes a new
    folder beside the site (from a clean state there is none yet), reusing unchanged pages of
    the old one and leaving caches for the next build, and the two are swapped."""
    env = {"DIGEST_CONTENT": str(content), "DIGEST_CACHE": str(cache / "digest"),
           "DIGEST_PREVIOUS_OUTPUT": str(output)}
    target = output.with_name(output.name + "-new")
    steps = [
        Step((str(venv_tool("digest")), "content", "--content", str(content)),
             str(content.parent), env),
        Step((str(venv_tool("pelican")), str(content), "-s", str(ROOT / "pelican.conf.py"),
              "-o", str(target), "--fatal", "warnings", "--cache-path", str(cache / "pelican")),
             str(content.parent), env),
    ]
    old = output.with_name(output.name + "-old")
    swap = (f'rm -rf "{old}" && if [ -d "{output}" ]; then mv "{output}" "{old}"; fi'
            f' && mv "{target}" "{output}" && rm -rf "{old}"')
    steps.append(Step(("sh", "-c", swap), str(content.parent), env))
    return steps


def prepare_digest(corpus: Path, work: Path) -> tuple[Path, list[Step]]:
    """A clean copy of the corpus (captures, curation, taxonomy); the steps that build it."""
    _fresh(work)
    content = work / "content"
    shutil.copytree(corpus, content)
    return content, digest_steps(content, work / "output", work / "cache")


def edit_one_capture(content: Path, round_: int) -> Path:
    """Change one sentence-worth of one capture, as an editor's re-capture would."""
    captures = sorted((content / "captures").glob("*.txt"))
    if not captures:
        raise BenchError(f"{content / 'captures'}: no captures to edit")
    target = captures[len(captures) // 2]
    lines = target.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += f" The bench edited this paragraph, round {round_}."
    target.chmod(0o644)
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def _fresh(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


# --- The bench ---------------------------------------------------------------------------------


@dataclass
class Row:
    n: int
    system: str
    wall_s: float | None = None
    peak_rss_mb: float | None = None
    ms_per_article: float | None = None
    error: str | None = None
    steps_s: list[float] | None = None  # per command (digest: content stage, then Pelican)

    def record(self, m: Measurement) -> None:
        self.wall_s = round(m.wall_s, 3)
        self.steps_s = [round(t, 3) for t in m.steps_s]
        self.peak_rss_mb = round(m.peak_rss_mb, 1)
        self.ms_per_article = round(m.wall_s * 1000.0 / self.n, 2) if self.n else None


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    systems: tuple[str, ...]
    seed: int
    work: Path
    timeout_s: float
    repeat: int
    allow_install: bool
    plugin_path: Path
    curate_all: bool = False


def run_size(n: int, options: Options) -> list[Row]:
    """All systems for one N; a failure makes an error row and the others still run."""
    base = options.work / f"n{n}"
    _fresh(base)
    corpus = base / "corpus"
    print(f"bench: N={n}: generating corpus (seed {options.seed})", flush=True)
    generate_corpus(n, options.seed, corpus, curate_all=options.curate_all)
    rows = {system: Row(n, system) for system in options.systems}
    content = base / "digest" / "content"

    def best(system: str, prepare: Callable[[int], list[Step]]) -> BenchError | None:
        """Time ``prepare(round)``'s steps ``repeat`` times, keep the fastest; the error."""
        row = rows[system]
        print(f"bench: N={n}: {system}", flush=True)
        try:
            runs = []
            for round_ in range(options.repeat):
                steps = prepare(round_)
                runs.append(measure(steps, options.timeout_s, base / "logs" / f"{system}.log"))
            row.record(min(runs, key=lambda m: m.wall_s))
            return None
        except BenchError as error:
            row.error = str(error)
            return error
        except Exception as error:  # a bug in preparing must not lose the other rows
            row.error = f"{type(error).__name__}: {error}"
            return BenchError(row.error)

    def fail(systems: Sequence[str], message: str) -> None:
        for system in systems:
            if system in rows and rows[system].error is None:
                rows[system].error = message

    # 1. every system needs the digest content stage (the baselines need its Markdown)
    try:
        check_digest_content(venv_tool("digest"))
    except BenchError as error:
        fail(SYSTEMS, str(error))
        return list(rows.values())

    # 2. the full build, timed; or untimed when only the others are wanted
    def full(_round: int) -> list[Step]:
        return prepare_digest(corpus, base / "digest")[1]

    if "digest" in rows:
        error = best("digest", full)
    else:
        try:
            measure(full(0), options.timeout_s, base / "logs" / "digest-untimed.log")
            error = None
        except BenchError as untimed:
            error = untimed
    content_ok = error is None or (error.failed_step or 0) >= 1  # the Markdown was written
    if error is not None and error.failed_step == 0 and not options.curate_all and "digest" in rows:
        rows["digest"].error = (f"{rows['digest'].error}\nHint: if the cleaner missed facts, "
                                "`--curate all` times the build regardless")
    if error is not None:
        fail(["digest-incremental"], f"needs a successful full digest build first: {error}")
    if not content_ok:
        fail(["pelican", "hugo"], f"needs the Markdown of `digest content`, which failed: {error}")

    # 3. rebuild after editing one capture
    if "digest-incremental" in rows and rows["digest-incremental"].error is None:
        def incremental(round_: int) -> list[Step]:
            edit_one_capture(content, round_)
            return digest_steps(content, base / "digest" / "output", base / "digest" / "cache")

        best("digest-incremental", incremental)

    # 4. the baselines, on the Markdown the content stage wrote (one article has the edit)
    markdown = content / "articles"
    if "pelican" in rows and rows["pelican"].error is None:
        best("pelican", lambda _r: prepare_pelican(markdown, base / "pelican",
                                                   options.plugin_path))
    if "hugo" in rows and rows["hugo"].error is None:
        try:
            hugo = ensure_hugo(options.allow_install)
        except BenchError as missing:
            fail(["hugo"], str(missing))
        else:
            best("hugo", lambda _r: prepare_hugo(markdown, base / "hugo", hugo))
    return [rows[s] for s in options.systems]


def ratios(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per N: digest/pelican, digest/hugo, incremental/full."""
    by = {(r.n, r.system): r.wall_s for r in rows}
    out = []
    for n in sorted({r.n for r in rows}):
        full = by.get((n, "digest"))
        item: dict[str, Any] = {"n": n}
        for key, other in (("digest_over_pelican", by.get((n, "pelican"))),
                           ("digest_over_hugo", by.get((n, "hugo")))):
            item[key] = round(full / other, 2) if full and other else None
        incr = by.get((n, "digest-incremental"))
        item["incremental_over_full"] = round(incr / full, 3) if full and incr else None
        out.append(item)
    return out


def goals(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """The scale goals, each met (true), missed (false) or not measured (null)."""
    by = {(r.n, r.system): r for r in rows}

    def wall(n: int, system: str) -> float | None:
        row = by.get((n, system))
        return row.wall_s if row else None

    def at_most(value: float | None, limit: float) -> bool | None:
        return None if value is None else value <= limit

    def ratio(a: float | None, b: float | None) -> float | None:
        return a / b if a and b else None

    out = []
    for n in (1000, 5000):
        value = ratio(wall(n, "digest"), wall(n, "pelican"))
        out.append({"goal": f"digest <= {GOAL_DIGEST_OVER_PELICAN}x pelican at {n}",
                    "value": value, "met": at_most(value, GOAL_DIGEST_OVER_PELICAN)})
    value = ratio(wall(5000, "digest-incremental"), wall(5000, "digest"))
    out.append({"goal": f"incremental <= {GOAL_INCREMENTAL_OVER_FULL}x full at 5000",
                "value": value, "met": at_most(value, GOAL_INCREMENTAL_OVER_FULL)})
    big = by.get((10000, "digest"))
    value = big.peak_rss_mb if big else None
    out.append({"goal": f"digest peak RSS <= {GOAL_PEAK_RSS_MB:.0f} MB at 10000",
                "value": value, "met": at_most(value, GOAL_PEAK_RSS_MB)})
    small = by.get((1000, "digest"))
    value = ratio(big.ms_per_article if big else None, small.ms_per_article if small else None)
    out.append({"goal": f"ms/article at 10000 <= {GOAL_MS_PER_ARTICLE_GROWTH}x that at 1000",
                "value": value, "met": at_most(value, GOAL_MS_PER_ARTICLE_GROWTH)})
    for item in out:
        if item["value"] is not None:
            item["value"] = round(item["value"], 3)
    return out


def format_table(rows: Sequence[Row]) -> str:
    by = {(r.n, r.system): r for r in rows}
    lines = [f"{'N':>6}  {'system':<19}{'wall s':>9}{'ms/art':>9}{'peak MB':>9}"
             f"{'/pelican':>10}{'/hugo':>8}{'/full':>7}"]

    def cell(value: float | None, width: int, digits: int = 2) -> str:
        return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

    for r in rows:
        full = by.get((r.n, "digest"))
        pel, hug = by.get((r.n, "pelican")), by.get((r.n, "hugo"))
        vs_pel = vs_hugo = vs_full = None
        if r.system == "digest" and r.wall_s:
            vs_pel = r.wall_s / pel.wall_s if pel and pel.wall_s else None
            vs_hugo = r.wall_s / hug.wall_s if hug and hug.wall_s else None
        if r.system == "digest-incremental" and r.wall_s and full and full.wall_s:
            vs_full = r.wall_s / full.wall_s
        line = (f"{r.n:>6}  {r.system:<19}{cell(r.wall_s, 9)}{cell(r.ms_per_article, 9)}"
                f"{cell(r.peak_rss_mb, 9, 0)}{cell(vs_pel, 10)}{cell(vs_hugo, 8)}"
                f"{cell(vs_full, 7)}")
        if r.error:
            line += "  FAILED: " + r.error.splitlines()[0]
        elif r.steps_s and len(r.steps_s) > 1:
            line += "  steps: " + " + ".join(f"{t:.2f}" for t in r.steps_s)
        lines.append(line)
    return "\n".join(lines)


def results_document(rows: Sequence[Row], options: Options) -> dict[str, Any]:
    return {
        "rows": [asdict(r) for r in rows],
        "ratios": ratios(rows),
        "goals": goals(rows),
        "seed": options.seed,
        "sizes": list(options.sizes),
        "systems": list(options.systems),
        "repeat": options.repeat,
        "curate": "all" if options.curate_all else "missing",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform()},
    }


def parse_sizes(values: Sequence[str]) -> tuple[int, ...]:
    sizes = []
    for value in values:
        for part in value.replace(",", " ").split():
            try:
                size = int(part)
            except ValueError:
                raise BenchError(f"size {part!r} is not a whole number. Fix: e.g. "
                                 "--sizes 100 1000 or BENCH_SIZES='100 1000'") from None
            if size < 1:
                raise BenchError(f"size {size} must be at least 1")
            sizes.append(size)
    if not sizes:
        raise BenchError("no sizes given. Fix: --sizes 100 1000 or BENCH_SIZES='100 1000'")
    return tuple(sizes)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Time the Digest build against plain Pelican and Hugo at several sizes.",
    )
    parser.add_argument("--sizes", nargs="+", metavar="N",
                        help="article counts (default: $BENCH_SIZES, else "
                             f"{' '.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS),
                        help="what to time (default: all)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results.json",
                        help="results JSON (default: bench-results.json at the project root)")
    parser.add_argument("--work", type=Path,
                        help="working directory (default: a temporary one, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S,
                        help=f"seconds per timed run (default {DEFAULT_TIMEOUT_S:.0f})")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time each run this many times, keep the fastest (default 1)")
    parser.add_argument("--no-install", action="store_true",
                        help="never apt-get install hugo when it is missing")
    parser.add_argument("--curate", choices=("missing", "all"), default="missing",
                        help="curation.yaml gives facts only where captures lack them "
                             "(default), or title/date/outlet for all: the build then never "
                             "fails on what the cleaner missed")
    parser.add_argument("--plugin-path", type=Path, default=ROOT / "plugins",
                        help=f"where the {READER_PLUGIN} plugin lives (plain Pelican baseline)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_measure"]:
        return _measure_main()
    args = build_parser().parse_args(argv)
    from_env = os.environ.get("BENCH_SIZES", "").strip()
    try:
        sizes = parse_sizes(args.sizes or [from_env or " ".join(map(str, DEFAULT_SIZES))])
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    if args.repeat < 1:
        print("bench: --repeat must be at least 1", file=sys.stderr)
        return 2
    systems = tuple(s for s in SYSTEMS if s in args.systems)
    temporary = args.work is None
    work = Path(tempfile.mkdtemp(prefix="digest-bench-")) if temporary else args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    options = Options(sizes, systems, args.seed, work, args.timeout, args.repeat,
                      not args.no_install, args.plugin_path.resolve(),
                      curate_all=args.curate == "all")
    rows: list[Row] = []
    try:
        for n in sizes:
            rows += run_size(n, options)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif rows:
            print(f"bench: working files kept in {work}")
    print()
    print(format_table(rows))
    for goal in goals(rows):
        verdict = {True: "met", False: "MISSED", None: "not measured"}[goal["met"]]
        print(f"goal: {goal['goal']}: {verdict}"
              + (f" ({goal['value']})" if goal["value"] is not None else ""))
    args.output.write_text(json.dumps(results_document(rows, options), indent=2) + "\n",
                           encoding="utf-8")
    print(f"bench: wrote {args.output}")
    failed = [r for r in rows if r.error]
    for r in failed:
        print(f"bench: N={r.n} {r.system} failed: {r.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
