"""How Digest's browser tests and benchmarks find and start headless Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Chromium resolves nothing but the local server: without the last flag it sends DNS queries
# off the machine at start-up. The others keep it from reaching out or needing a GPU.
CHROMIUM_ARGS: tuple[str, ...] = (
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
)

HOW_TO_INSTALL = (
    "No Chromium found. Install one: `apt-get install chromium` (Debian/Ubuntu), or "
    "`.venv/bin/playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary."
)


def find_chromium() -> str | None:
    """The browser to launch: CHROMIUM_PATH; else Playwright's own download (None: Playwright
    finds it itself); else `chromium` on PATH. Raises FileNotFoundError saying how to get one."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        if not Path(explicit).is_file():
            raise FileNotFoundError(f"CHROMIUM_PATH={explicit} does not exist. {HOW_TO_INSTALL}")
        return explicit
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache/ms-playwright"))
    if any(cache.glob("chromium-*/chrome-linux*/chrome")):
        return None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError(HOW_TO_INSTALL)
