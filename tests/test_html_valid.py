"""Every HTML page of the built site validates with the Nu HTML Checker (npm vnu-jar)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .scenario import build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(folder: Path) -> list[str]:
    """The checker's error lines for every .html file under ``folder`` (warnings are off)."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the HTML gate needs java and node_modules/vnu-jar: run `make setup` "
                    "(apt-get install default-jre-headless for java)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(folder)],
        capture_output=True, text=True,
    )
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 0 or lines, result.stdout  # a crash must not look like a pass
    return lines


def test_the_default_digest_validates(site: Path) -> None:
    assert len(list(site.rglob("*.html"))) > 10
    errors = vnu_errors(site)
    assert not errors, "\n".join(errors[:40])


def test_a_published_build_validates(tmp_path: Path) -> None:
    """With SITEURL: canonical links, OpenGraph, feed links; plus a hostile title."""
    out = build(tmp_path, siteurl="https://example.org/digest")
    errors = vnu_errors(out)
    assert not errors, "\n".join(errors[:40])


def test_the_checker_really_runs(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<!doctype html><title>x</title><p><div></p>",
                                       encoding="utf-8")
    assert vnu_errors(tmp_path)
