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

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
BIN = Path(sys.executable).parent

# Chromium resolves nothing but the local server: without this it sends DNS queries off the
# machine at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


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


def find_chromium() -> str | None:
    """CHROMIUM_PATH; else Playwright's own download (None: let Playwright use it); else PATH."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        if not Path(explicit).is_file():
            raise pytest.UsageError(f"CHROMIUM_PATH={explicit} does not exist")
        return explicit
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache/ms-playwright"))
    if any(cache.glob("chromium-*/chrome-linux*/chrome")):
        return None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise pytest.UsageError(
        "No Chromium found for the browser tests. Install one: `apt-get install chromium` "
        "(Debian/Ubuntu), or `.venv/bin/playwright install chromium`, or set CHROMIUM_PATH."
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """pytest-playwright's launch arguments, pointed at the machine's Chromium."""
    args = {**browser_type_launch_args}
    args["args"] = [*list(args.get("args", [])), *CHROMIUM_ARGS]  # type: ignore[call-overload]
    executable = find_chromium()
    if executable:
        args["executable_path"] = executable
    return args
