"""Shared fixtures: a real build of the default digest, a local server, headless Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from digest.chromium import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
# The tests own a copy of the default digest (captures, YAML, pages): the editor's content/
# may hold anything, and make test must still pass.
CONTENT = ROOT / "tests" / "fixtures" / "digest"
BIN = Path(sys.executable).parent



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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 with a random free port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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
