"""The build benchmark harness: it runs, measures and writes its JSON. Never timing asserts."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from digest.corpus import build_corpus

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "bench_build.py"
HAS_HUGO = shutil.which("hugo") is not None


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_build", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_build"] = module
    spec.loader.exec_module(module)
    return module


bench = _load()


def _markdown(dest: Path, n: int) -> Path:
    """Stand-in for `digest content`: Markdown with the same kind of front matter."""
    dest.mkdir(parents=True)
    for capture in build_corpus(n, 3).captures:
        slug = capture.name.removesuffix(".txt").replace("_", "-")
        paragraphs = [p.strip() for p in capture.text.split("\n") if len(p.strip()) > 200]
        meta = {"title": capture.title, "slug": slug, "date": capture.published.isoformat(),
                "topics": list(capture.topics), "summary": paragraphs[0][:120]}
        front = yaml.safe_dump(meta, sort_keys=True, allow_unicode=True)
        body = "\n\n".join(paragraphs)
        (dest / f"{slug}.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return dest


# --- measuring ---------------------------------------------------------------------------


def test_measure_reports_wall_time_and_peak_memory_of_the_commands(tmp_path: Path) -> None:
    grab = "x = bytearray(80 * 2**20); x[::4096] = b'1' * len(x[::4096])"
    steps = [bench.Step((sys.executable, "-c", "pass"), str(tmp_path)),
             bench.Step((sys.executable, "-c", grab), str(tmp_path))]
    result = bench.measure(steps, timeout_s=120, log=tmp_path / "log")
    assert result.wall_s > 0
    assert result.peak_rss_mb > 80  # the bigger of the two, not the harness's own memory
    assert len(result.steps_s) == 2 and sum(result.steps_s) <= result.wall_s


def test_a_failing_command_is_an_error_naming_it_and_its_log(tmp_path: Path) -> None:
    steps = [bench.Step((sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"),
                        str(tmp_path))]
    with pytest.raises(bench.BenchError, match="exit status 3") as info:
        bench.measure(steps, timeout_s=60, log=tmp_path / "log")
    assert "boom" in str(info.value)


def test_a_run_past_its_timeout_is_killed(tmp_path: Path) -> None:
    steps = [bench.Step((sys.executable, "-c", "import time; time.sleep(60)"), str(tmp_path))]
    with pytest.raises(bench.BenchError, match="timed out after 1s"):
        bench.measure(steps, timeout_s=1, log=tmp_path / "log")


def test_a_missing_program_is_an_error(tmp_path: Path) -> None:
    steps = [bench.Step((str(tmp_path / "no-such-tool"),), str(tmp_path))]
    with pytest.raises(bench.BenchError, match="cannot run"):
        bench.measure(steps, timeout_s=60, log=tmp_path / "log")


def test_digest_variables_do_not_leak_into_the_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_CONTENT", "/elsewhere")
    assert "DIGEST_CONTENT" not in bench._clean_env()


# --- tools ---------------------------------------------------------------------------------


def test_missing_hugo_without_install_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(bench.BenchError, match="apt-get install -y hugo"):
        bench.ensure_hugo(allow_install=False)


def test_sizes_come_from_arguments_or_bench_sizes() -> None:
    assert bench.parse_sizes(["100", "1000"]) == (100, 1000)
    assert bench.parse_sizes(["100 1000,5000"]) == (100, 1000, 5000)
    with pytest.raises(bench.BenchError, match="whole number"):
        bench.parse_sizes(["ten"])
    with pytest.raises(bench.BenchError, match="no sizes"):
        bench.parse_sizes([""])


# --- the baselines ---------------------------------------------------------------------------


def test_front_matter_maps_topics_to_hugo_tags() -> None:
    meta, body = bench.split_front_matter(
        "---\ntitle: 'A: b'\ndate: '2024-05-16'\ntopics: [taiwan, energy]\n---\n\nBody.\n")
    assert body.strip() == "Body."
    front = bench.hugo_front_matter(meta, "a-b")
    assert front == {"title": "A: b", "date": "2024-05-16", "slug": "a-b",
                     "tags": ["taiwan", "energy"]}
    with pytest.raises(bench.BenchError, match="no date"):
        bench.hugo_front_matter({"title": "x"}, "x")


def test_plain_pelican_baseline_builds_every_article(tmp_path: Path) -> None:
    markdown = _markdown(tmp_path / "md", 12)
    steps = bench.prepare_pelican(markdown, tmp_path / "pelican", ROOT / "plugins")
    result = bench.measure(steps, timeout_s=300, log=tmp_path / "pelican.log")
    assert result.wall_s > 0 and result.peak_rss_mb > 0
    output = tmp_path / "pelican" / "output"
    assert (output / "index.html").exists()
    pages = [p for p in output.glob("*.html") if p.stem.startswith("000")]
    assert len(pages) == 12
    assert not list(output.rglob("*.atom.xml")), "no feeds in the baseline"


@pytest.mark.skipif(not HAS_HUGO, reason="hugo is not installed (apt-get install -y hugo)")
def test_hugo_baseline_builds_every_article_and_tag_page(tmp_path: Path) -> None:
    markdown = _markdown(tmp_path / "md", 12)
    steps = bench.prepare_hugo(markdown, tmp_path / "hugo", Path(shutil.which("hugo") or ""))
    bench.measure(steps, timeout_s=300, log=tmp_path / "hugo.log")
    output = tmp_path / "hugo" / "output"
    articles = list((output / "posts").glob("*/index.html"))
    assert len(articles) == 12
    assert (output / "tags" / "index.html").exists()
    assert list((output / "tags").glob("*/index.html"))


# --- the whole harness, tiny ---------------------------------------------------------------


def test_results_document_shape_and_ratios(tmp_path: Path) -> None:
    rows = [bench.Row(1000, "digest", 10.0, 300.0, 10.0),
            bench.Row(1000, "digest-incremental", 2.0, 200.0, 2.0),
            bench.Row(1000, "pelican", 8.0, 250.0, 8.0),
            bench.Row(1000, "hugo", None, None, None, "hugo: not found")]
    options = bench.Options((1000,), bench.SYSTEMS, 1, tmp_path, 60.0, 1, False, tmp_path)
    doc = json.loads(json.dumps(bench.results_document(rows, options)))
    assert doc["ratios"] == [{"n": 1000, "digest_over_pelican": 1.25,
                              "digest_over_hugo": None, "incremental_over_full": 0.2}]
    assert doc["goals"][0] == {"goal": "digest <= 1.25x pelican at 1000", "value": 1.25,
                               "met": True}
    table = bench.format_table(rows)
    assert "FAILED: hugo: not found" in table and "1.25" in table


def test_bench_runs_end_to_end_at_n_50(tmp_path: Path) -> None:
    systems = list(bench.SYSTEMS) if HAS_HUGO else ["digest", "digest-incremental", "pelican"]
    out = tmp_path / "bench-results.json"
    env = {k: v for k, v in os.environ.items() if k != "BENCH_SIZES"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--sizes", "50", "--systems", *systems, "--output",
         str(out), "--work", str(tmp_path / "work"), "--no-install", "--timeout", "600",
         "--curate", "all"],  # the harness is under test here, not the cleaner
        capture_output=True, text=True, env=env, check=False, timeout=1200,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    rows = doc["rows"]
    assert [(r["n"], r["system"]) for r in rows] == [(50, s) for s in systems]
    for row in rows:
        assert row["error"] is None
        assert isinstance(row["wall_s"], float) and row["wall_s"] > 0
        assert isinstance(row["peak_rss_mb"], float) and row["peak_rss_mb"] > 0
        # digest: content stage, Pelican, then the swap over the old site (as make html)
        expected = 3 if row["system"].startswith("digest") else 1
        assert len(row["steps_s"]) == expected
    assert "ms/art" in done.stdout
