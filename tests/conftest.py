"""Shared fixtures: a real build of the default digest, a local server, headless Chromium."""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from digest.capture import decode_capture
from digest.chromium import CHROMIUM_ARGS, find_chromium
from digest.cleaning import clean
from digest.model import Cleaned

ROOT = Path(__file__).resolve().parent.parent
# The tests own a copy of the default digest (captures, YAML, pages): the editor's content/
# may hold anything, and make test must still pass.
CONTENT = ROOT / "tests" / "fixtures" / "digest"
BIN = Path(sys.executable).parent
# The cleaner's tests read pages of ../shared/cleaning-train where they run: its licences forbid
# copying them into the repository. Only its train ids: the validation ids are never looked at.
TRAIN_CORPUS = ROOT.parent / "shared" / "cleaning-train"
TRAIN_IDS = frozenset(
    json.loads((ROOT / "scripts" / "cleaning-split.json").read_text(encoding="utf-8"))["train"])


def clean_train_page(case: str, appended: bool = False) -> Cleaned:
    """A train page of the cleaning corpus (or its appended/ variant), cleaned; the test is
    skipped when ../shared/cleaning-train is not beside the project."""
    assert case in TRAIN_IDS, "tests use train pages only"
    folder = TRAIN_CORPUS / "appended" if appended else TRAIN_CORPUS
    path = folder / f"{case}.txt"
    if not path.exists():
        pytest.skip(f"training corpus not found ({path}): ../shared/cleaning-train is absent")
    return clean(decode_capture(path.read_bytes(), path))


def clean_train_html(case: str) -> Cleaned:
    """A train page's saved HTML (``<id>.html.gz``), cleaned on the HTML track; the test is
    skipped when ../shared/cleaning-train is not beside the project."""
    assert case in TRAIN_IDS, "tests use train pages only"
    path = TRAIN_CORPUS / f"{case}.html.gz"
    if not path.exists():
        pytest.skip(f"training corpus not found ({path}): ../shared/cleaning-train is absent")
    return clean(decode_capture(gzip.decompress(path.read_bytes()), Path(f"{case}.html")))



def build_site(content: Path, output: Path, siteurl: str = "") -> subprocess.CompletedProcess[str]:
    """Run the real build, as `make html` does: content stage, then Pelican."""
    env = {**os.environ, "DIGEST_CONTENT": str(content), "SITEURL": siteurl}
    stage = subprocess.run(
        [str(BIN / "digest"), "content", "--content", str(content)],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    if stage.returncode != 0:
        return stage
    return subprocess.run(
        [str(BIN / "pelican"), str(content), "-s", str(ROOT / "pelican.conf.py"),
         "-o", str(output), "--fatal", "warnings"],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


def copy_content(dest: Path) -> Path:
    """A copy of the default content folder without generated files."""
    shutil.copytree(CONTENT, dest, ignore=shutil.ignore_patterns("articles"))
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default digest, built once per test session into a temporary folder."""
    base = tmp_path_factory.mktemp("site")
    content = copy_content(base / "content")
    output = base / "output"
    result = build_site(content, output)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output


#: Articles of the generated digest the layout checks run on as well as on the default one.
BIG_DIGEST_ARTICLES = 200


@pytest.fixture(scope="session")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated digest of 200 articles (the benchmark's seeded generator, with the default
    digest's pages), built once per test session: what a digest looks like after a year."""
    from digest.corpus import generate_corpus

    base = tmp_path_factory.mktemp("big")
    content = base / "content"
    # the editor has checked every capture (titles, dates, outlets): this digest tests the pages,
    # not the cleaner, whose refusals of the generator's word-salad headlines are its own tests
    generate_corpus(BIG_DIGEST_ARTICLES, 13, content, curate_all=True)
    for part in ("site.yaml", "about.md"):
        shutil.copy(CONTENT / part, content / part)
    shutil.copytree(CONTENT / "extra", content / "extra")
    output = base / "output"
    result = build_site(content, output)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder as GitHub Pages does: a missing file, at any depth, gets the site's
    404.html with status 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 with a random free port."""
    yield from _serve(site)


@pytest.fixture(scope="session")
def big_site_url(big_site: Path) -> Iterator[str]:
    """The generated 200-article digest, served like ``site_url``."""
    yield from _serve(big_site)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """pytest-playwright's launch arguments, pointed at the machine's Chromium."""
    args = {**browser_type_launch_args}
    args["args"] = [*list(args.get("args", [])), *CHROMIUM_ARGS]  # type: ignore[call-overload]
    try:
        executable = find_chromium()
    except FileNotFoundError as missing:
        raise pytest.UsageError(str(missing)) from None
    if executable:
        args["executable_path"] = executable
    return args
