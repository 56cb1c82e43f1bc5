"""`make devserver`: serve output/ (and the review pages at /review/), rebuild whenever an input
changes, and reload the open page when a rebuild is done.

A save that lands while a rebuild runs is never lost: the watcher only raises a flag, and the
build loop starts another build as long as the flag was raised after the last build began.

The reload needs a script in the page; it is added to each HTML response while serving
(``inject``), never written to output/: the published site carries no trace of it. The script
asks ``/__devserver/wait?area=site&since=N`` (a long poll, answered when build N of the site,
or of the review pages, is superseded) and reloads when the answer is a newer build. The site's
pages reload as soon as the site is built, before the review pages are written.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "theme", "plugins", "scripts", "pelican.conf.py")
#: Editors save in bursts (write, rename, touch): wait this long for the burst to end.
SETTLE_SECONDS = 0.3
#: A long poll is answered after this long even without a new build (proxies and browsers
#: drop idle requests); the script then simply asks again.
WAIT_SECONDS = 25.0
REVIEW_PREFIX = "/review"
SCRIPT_PATH = "/__devserver/reload.js"
WAIT_PATH = "/__devserver/wait"

CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})

# Reloads the page once the build it was served from is superseded. A failed request (the
# server restarting) is retried after a second.
RELOAD_JS = """\
(function () {
  "use strict";
  var me = document.currentScript;
  var since = me ? me.getAttribute("data-build") : null;
  var area = me ? me.getAttribute("data-area") : null;
  if (since === null || area === null) return;
  function ask() {
    fetch("WAIT_PATH?area=" + area + "&since=" + encodeURIComponent(since),
          { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (String(d.build) !== since) { location.reload(); return; }
        ask();
      })
      .catch(function () { setTimeout(ask, 1000); });
  }
  ask();
})();
""".replace("WAIT_PATH", WAIT_PATH)

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


class Builds:
    """The number of the latest finished build; waiters learn when it changes."""

    def __init__(self) -> None:
        self.number = 0
        self._changed = threading.Condition()

    def finished(self) -> None:
        with self._changed:
            self.number += 1
            self._changed.notify_all()

    def wait(self, since: int, timeout: float = WAIT_SECONDS) -> int:
        """The latest build number, as soon as it differs from ``since`` (or after timeout)."""
        with self._changed:
            self._changed.wait_for(lambda: self.number != since, timeout)
            return self.number


AREAS = ("site", "review")


def inject(html: bytes, build: int, area: str = "site") -> bytes:
    """The page with the reload script added before its last ``</body>`` (or at its end)."""
    tag = (f'<script src="{SCRIPT_PATH}" data-area="{area}" data-build="{build}" defer>'
           "</script>").encode()
    ends = list(_BODY_END.finditer(html))
    if not ends:
        return html + tag
    at = ends[-1].start()
    return html[:at] + tag + html[at:]


class DevHandler(SimpleHTTPRequestHandler):
    """output/ at /, the review pages at /review/, the reload script in every HTML page."""

    output: Path
    review: Path
    builds: dict[str, Builds]  # by area: "site" (output/) and "review"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.output), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the build's output is what the editor reads in the terminal

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if self._area(route) == "review":
            self.directory = str(self.review)
            path = path[len(REVIEW_PREFIX):] or "/"
        return super().translate_path(path)

    @staticmethod
    def _area(route: str) -> str:
        return "review" if route == REVIEW_PREFIX or route.startswith(REVIEW_PREFIX + "/") \
            else "site"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == SCRIPT_PATH:
            self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        elif url.path == WAIT_PATH:
            query = parse_qs(url.query)
            builds = self.builds.get(query.get("area", ["site"])[0], self.builds["site"])
            try:
                since = int(query.get("since", ["-1"])[0])
            except ValueError:
                since = -1
            body = json.dumps({"build": builds.wait(since)}).encode()
            self._send(body, "application/json")
        else:
            target = Path(self.translate_path(self.path))
            if target.is_dir() and url.path.endswith("/"):
                target = target / "index.html"
            if target.suffix == ".html" and target.is_file():
                area = self._area(url.path)
                self._send(inject(target.read_bytes(), self.builds[area].number, area),
                           "text/html; charset=utf-8")
            else:
                super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def make_server(port: int, output: Path, review: Path,
                builds: dict[str, Builds]) -> ThreadingHTTPServer:
    """The dev server on 127.0.0.1:``port`` (0: any free port); not started."""
    handler = type("Handler", (DevHandler,), {"output": output, "review": review,
                                              "builds": builds})
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def _is_input(path: Path) -> bool:
    """A file the site is built from (not one the build writes, nor an editor's temp file)."""
    try:
        relative = path.resolve().relative_to(ROOT)
    except ValueError:
        return False
    parts = relative.parts
    if not parts or parts[0] not in WATCHED:
        return False
    # content/articles and content/site-pages are written by the build itself
    if parts[:2] in (("content", "articles"), ("content", "site-pages")) or "__pycache__" in parts:
        return False
    name = parts[-1]
    return not (name.startswith(".") or name.endswith(("~", ".tmp", ".swp", ".egg-info")))


class _Changes(FileSystemEventHandler):
    def __init__(self) -> None:
        self.generation = 0
        self.event = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # reading a file (the build reads templates) is no change
        if event.event_type not in CHANGES:
            return
        paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        if any(_is_input(Path(p)) for p in paths if p):
            self.generation += 1
            self.event.set()


def build(builds: dict[str, Builds]) -> bool:
    """The site, then the review pages (they show why a capture failed, so they are written
    even when the site is not); the open pages of each reload once it is done."""
    site = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT)
    builds["site"].finished()
    subprocess.run(["make", "--no-print-directory", "review"], cwd=ROOT)
    builds["review"].finished()
    return site.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()

    changes = _Changes()
    observer = Observer()
    for name in WATCHED:
        target = ROOT / name
        if target.is_dir():
            observer.schedule(changes, str(target), recursive=True)
        elif target.exists():
            observer.schedule(changes, str(target.parent), recursive=False)
    observer.start()
    builds = {area: Builds() for area in AREAS}
    build(builds)
    server = make_server(args.port, ROOT / "output", ROOT / "review", builds)
    print(f"serving http://127.0.0.1:{args.port}/ and the review pages at /review/ "
          "(open pages reload after each rebuild; Ctrl-C to stop)", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    built_generation = changes.generation
    try:
        while True:
            changes.event.wait()
            time.sleep(SETTLE_SECONDS)
            changes.event.clear()
            if changes.generation == built_generation:
                continue
            built_generation = changes.generation  # taken before building: later saves count
            print("change detected, rebuilding", flush=True)
            build(builds)
            if changes.generation != built_generation:
                changes.event.set()
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        observer.stop()
        observer.join()


if __name__ == "__main__":
    sys.exit(main())
