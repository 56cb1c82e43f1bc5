"""make publish and make github refuse early, in one line, and leave no stray gh-pages branch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_content

SCRIPT = ROOT / "scripts" / "github_pages.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ed Itor", "GIT_AUTHOR_EMAIL": "ed@example.org",
           "GIT_COMMITTER_NAME": "Ed Itor", "GIT_COMMITTER_EMAIL": "ed@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _git(repo: Path, *args: str) -> str:
    run = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                         env={**os.environ, **GIT_ENV}, check=True)
    return run.stdout.strip()


def _site(folder: Path, siteurl: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(
        f'<!doctype html><html><head><link rel="stylesheet" href="{siteurl}/theme/css/digest.css">'
        "</head><body><h1>Digest</h1></body></html>", encoding="utf-8")
    return folder


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "digest"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("digest\n", encoding="utf-8")
    _git(repo, "add", "README.md")
    _git(repo, "commit", "-q", "-m", "start")
    return repo


def _publish(repo: Path, output: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "--output", str(output)], cwd=repo,
                          capture_output=True, text=True, env={**os.environ, **GIT_ENV})


def _branches(repo: Path) -> list[str]:
    return _git(repo, "branch", "--format=%(refname:short)").split()


def test_refuses_a_site_built_by_make_html(repo: Path, tmp_path: Path) -> None:
    _git(repo, "remote", "add", "origin", str(tmp_path / "remote.git"))
    run = _publish(repo, _site(tmp_path / "output", ""))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("make github: ")
    assert "built by make html" in run.stderr and "make publish" in run.stderr
    assert _branches(repo) == ["main"]


def test_refuses_without_a_remote(repo: Path, tmp_path: Path) -> None:
    run = _publish(repo, _site(tmp_path / "output", "https://ed.github.io/digest"))
    assert run.returncode == 2
    assert run.stderr == ("make github: this repository has no git remote 'origin' to push "
                          "gh-pages to. Fix: git remote add origin "
                          "https://github.com/you/repo.git\n")
    assert "Traceback" not in run.stderr and _branches(repo) == ["main"]


def test_a_failed_push_leaves_no_branch_behind(repo: Path, tmp_path: Path) -> None:
    _git(repo, "remote", "add", "origin", str(tmp_path / "no-such-remote.git"))
    output = _site(tmp_path / "output", "https://ed.github.io/digest")
    run = _publish(repo, output)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("make github: pushing gh-pages to origin") and "git push" in last
    assert _branches(repo) == ["main"]

    # a branch that existed before is put back where it was
    _git(repo, "branch", "gh-pages")
    before = _git(repo, "rev-parse", "gh-pages")
    assert _publish(repo, output).returncode == 2
    assert _git(repo, "rev-parse", "gh-pages") == before


def test_publishes_to_the_remote(repo: Path, tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    _git(repo, "remote", "add", "origin", str(remote))
    run = _publish(repo, _site(tmp_path / "output", "https://ed.github.io/digest"))
    assert run.returncode == 0, run.stderr
    assert "built for https://ed.github.io/digest" in run.stdout
    files = _git(remote, "ls-tree", "--name-only", "gh-pages").split()
    assert files == [".nojekyll", "index.html"]


def test_make_publish_checks_siteurl_before_anything_else(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "MAKEFLAGS", "MAKELEVEL")}
    run = subprocess.run(["make", "--no-print-directory", "publish", f"CONTENT={content}",
                          f"OUTPUT={tmp_path / 'output'}"], cwd=ROOT, capture_output=True,
                         text=True, env=env)
    assert run.returncode == 2
    assert run.stdout == ""  # no setup, no content stage
    assert run.stderr.startswith("make publish: set SITEURL")
    assert not (content / "articles").exists() and not (tmp_path / "output").exists()
