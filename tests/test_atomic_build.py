"""`make html` replaces output/ only with a complete site, survives being killed, and leaves
nothing stale behind: a capture removed from content/ disappears from every page and index."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, copy_content
from .hostile import PROSE, HostileCapture, add_captures, article_text

pytestmark = pytest.mark.slow

MAKE = shutil.which("make")
NEW_TITLE = "Arctic shipping route talks resume between Moscow and Beijing"
NEW_SLUG = "arctic-shipping-route-talks-resume-between-moscow-and-beijing"


def make_html(content: Path, output: Path) -> subprocess.Popen[str]:
    """`make html` on a content folder of its own; never reinstalls the venv or node_modules."""
    if MAKE is None:
        pytest.skip("make is not installed")
    return subprocess.Popen(
        [MAKE, "--no-print-directory", "html", f"CONTENT={content}", f"OUTPUT={output}",
         "-o", ".venv/.installed", "-o", "node_modules/.installed"],
        cwd=ROOT, env={**os.environ, "SITEURL": ""}, text=True, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )


def run_make(content: Path, output: Path) -> str:
    proc = make_html(content, output)
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, out
    return out


def snapshot(folder: Path) -> dict[str, str]:
    """Every file of a folder by relative path, with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def siblings(output: Path) -> tuple[Path, Path]:
    """Where the Makefile builds the next site and parks the previous one."""
    return output.parent / f".{output.name}-new", output.parent / f".{output.name}-old"


def new_capture() -> HostileCapture:
    paragraphs = [f"{PROSE}, on the Northern Sea Route.",
                  f"{PROSE}, and the shipping season opens in July.",
                  f"{PROSE}, while insurers watched the ice reports."]
    return HostileCapture("zz_arctic.txt", article_text(NEW_TITLE, paragraphs).encode(),
                          NEW_TITLE, "2024-06-02", ())


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool], delay: float = 0.0,
              timeout: float = 60) -> bool:
    """SIGKILL the whole make process group once ``ready()``; False if make ended first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if ready():
            time.sleep(delay)
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.001)
    proc.communicate()
    return False


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """The default digest built by make (``before``), and the same digest with one capture
    added, built by make (``after``): the folder holds content/ (with the capture) and output/
    (the site without it)."""
    base = tmp_path_factory.mktemp("atomic")
    content = copy_content(base / "content")
    run_make(content, base / "output")
    before = snapshot(base / "output")
    add_captures(content, [new_capture()])
    run_make(content, base / "reference")
    after = snapshot(base / "reference")
    assert before != after and f"articles/{NEW_SLUG}.html" in after
    return base, before, after


@pytest.fixture
def built(
    sites: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> tuple[Path, Path, dict[str, str], dict[str, str]]:
    """(content with the new capture, output holding the site without it, before, after)."""
    base, before, after = sites
    content = tmp_path / "content"
    shutil.copytree(base / "content", content, ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(base / "output", tmp_path / "output")
    return content, tmp_path / "output", before, after


def test_killed_builds_leave_the_previous_site_and_the_next_build_succeeds(
    built: tuple[Path, Path, dict[str, str], dict[str, str]],
) -> None:
    content, output, before, after = built
    new, old = siblings(output)
    points: dict[str, Callable[[], bool]] = {
        "content stage": lambda: True,  # at once: digest is starting or cleaning
        "Pelican writing the new site": lambda: new.is_dir(),
        "swapping the sites": lambda: old.is_dir(),
    }
    hit = []
    for name, ready in points.items():
        proc = make_html(content, output)
        if kill_when(proc, ready, delay=0.1 if name == "content stage" else 0.0):
            hit.append(name)
        # the site is the previous one or the complete new one, never a mixture; a kill
        # between the two renames of the swap leaves the previous site parked beside it
        if output.is_dir():
            assert snapshot(output) in (before, after), name
        else:
            assert old.is_dir() and snapshot(old) == before, name
    assert "content stage" in hit and "Pelican writing the new site" in hit, hit
    run_make(content, output)
    assert snapshot(output) == after  # byte for byte what an uninterrupted build gives
    assert not new.exists() and not old.exists()
    assert not list((content / "articles").glob("*.tmp"))


def test_a_kill_between_the_two_renames_is_repaired_by_the_next_build(
    built: tuple[Path, Path, dict[str, str], dict[str, str]],
) -> None:
    content, output, _, after = built
    new, old = siblings(output)
    # the state such a kill leaves: the previous site parked, a half-written new one
    output.rename(old)
    new.mkdir()
    (new / "index.html").write_text("half", encoding="utf-8")
    run_make(content, output)
    assert snapshot(output) == after
    assert not new.exists() and not old.exists()


def test_a_failed_build_leaves_output_untouched(
    built: tuple[Path, Path, dict[str, str], dict[str, str]],
) -> None:
    content, output, before, _ = built
    # a page Pelican cannot read: the content stage passes, Pelican fails
    (content / "pages").mkdir(exist_ok=True)  # an editor's own page (the About page is generated)
    (content / "pages" / "broken.md").write_text("---\ntitle: never closed\n", encoding="utf-8")
    proc = make_html(content, output)
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode != 0, out
    assert snapshot(output) == before


def test_a_removed_capture_disappears_from_every_page_and_index(
    built: tuple[Path, Path, dict[str, str], dict[str, str]],
) -> None:
    content, output, before, after = built
    run_make(content, output)
    assert snapshot(output) == after
    # the editor removes the capture and its curation entry (a leftover entry is an error)
    (content / "captures" / "zz_arctic.txt").unlink()
    curation = content / "curation.yaml"
    data = yaml.safe_load(curation.read_text(encoding="utf-8"))
    del data["captures"]["zz_arctic.txt"]
    curation.write_text(yaml.safe_dump(data), encoding="utf-8")
    run_make(content, output)
    assert snapshot(output) == before  # exactly the site that never had it
    stale = [
        str(p.relative_to(output)) for p in output.rglob("*") if p.is_file()
        and (NEW_SLUG.encode() in p.read_bytes() or b"Arctic shipping" in p.read_bytes())
    ]
    assert not stale
    assert not list((content / "articles").glob(f"{NEW_SLUG}*"))
