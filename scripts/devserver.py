"""`make devserver`: serve output/ and rebuild whenever an input changes.

A save that lands while a rebuild runs is never lost: the watcher only raises a flag, and the
build loop starts another build as long as the flag was raised after the last build began.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "theme", "plugins", "scripts", "pelican.conf.py")
#: Editors save in bursts (write, rename, touch): wait this long for the burst to end.
SETTLE_SECONDS = 0.3


CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})


def _is_input(path: Path) -> bool:
    """A file the site is built from (not one the build writes, nor an editor's temp file)."""
    try:
        relative = path.resolve().relative_to(ROOT)
    except ValueError:
        return False
    parts = relative.parts
    if not parts or parts[0] not in WATCHED:
        return False
    if parts[:2] == ("content", "articles") or "__pycache__" in parts:
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


def build() -> bool:
    result = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT)
    return result.returncode == 0


def serve(port: int) -> None:
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(ROOT / "output"))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"serving http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()


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
    build()
    serve(args.port)
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
            build()
            if changes.generation != built_generation:
                changes.event.set()
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join()


if __name__ == "__main__":
    sys.exit(main())
