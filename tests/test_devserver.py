"""scripts/devserver.py: the site and the review pages served, and the open page reloaded after a
rebuild by a script added while serving (never written into the site)."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from playwright.sync_api import Page

from .conftest import ROOT


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("devserver", ROOT / "scripts" / "devserver.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["devserver"] = module
    spec.loader.exec_module(module)
    return module


devserver = _load()
PAGE = "<!doctype html><html lang='en'><head><title>t</title></head><body><h1>{}</h1></body></html>"


class Served:
    def __init__(self, base: Path, url: str, builds: dict[str, Any]) -> None:
        self.output, self.review, self.url, self.builds = base / "output", base / "review", url, \
            builds

    def get(self, path: str) -> tuple[str, str]:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.headers["Content-Type"], response.read().decode()


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[Served]:
    (tmp_path / "output" / "articles").mkdir(parents=True)
    (tmp_path / "output" / "index.html").write_text(PAGE.format("v1"), encoding="utf-8")
    (tmp_path / "output" / "articles" / "a.html").write_text(PAGE.format("article"),
                                                              encoding="utf-8")
    (tmp_path / "output" / "data.json").write_text('{"x": 1}', encoding="utf-8")
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "index.html").write_text(PAGE.format("review"), encoding="utf-8")
    builds = {area: devserver.Builds() for area in devserver.AREAS}
    server = devserver.make_server(0, tmp_path / "output", tmp_path / "review", builds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Served(tmp_path, f"http://127.0.0.1:{server.server_address[1]}", builds)
    for area in builds.values():
        area.finished()  # wake any waiting request
    server.shutdown()
    server.server_close()


def test_inject_adds_the_script_before_the_end_of_the_body() -> None:
    page = b"<html><body><p>x</p><script>var s='</body>';</script></BODY ></html>"
    got = devserver.inject(page, 7)
    assert got.endswith(b'<script src="/__devserver/reload.js" data-area="site" data-build="7" '
                        b'defer></script></BODY ></html>')
    assert devserver.inject(b"<p>no body</p>", 0).startswith(b"<p>no body</p><script ")


def test_pages_get_the_script_while_the_files_stay_untouched(served: Served) -> None:
    kind, html = served.get("/")
    assert kind.startswith("text/html") and "<h1>v1</h1>" in html
    assert 'src="/__devserver/reload.js" data-area="site" data-build="0"' in html
    assert "__devserver" not in (served.output / "index.html").read_text(encoding="utf-8")
    assert "data-build" in served.get("/articles/a.html")[1]
    kind, data = served.get("/data.json")
    assert json.loads(data) == {"x": 1} and "json" in kind  # other files as they are
    kind, script = served.get("/__devserver/reload.js")
    assert "javascript" in kind and "location.reload()" in script


def test_review_pages_are_served_at_review(served: Served) -> None:
    _, html = served.get("/review/")
    assert "<h1>review</h1>" in html and 'data-area="review" data-build="0"' in html
    assert "<h1>review</h1>" in served.get("/review/index.html")[1]
    assert "<h1>review</h1>" in served.get("/review")[1]  # redirected to /review/


def test_wait_answers_when_a_build_finishes(served: Served) -> None:
    assert json.loads(served.get("/__devserver/wait?since=-1")[1]) == {"build": 0}
    served.builds["review"].finished()  # the review pages' build is another count
    assert json.loads(served.get("/__devserver/wait?area=review&since=0")[1]) == {"build": 1}
    threading.Timer(0.3, served.builds["site"].finished).start()
    start = time.monotonic()
    assert json.loads(served.get("/__devserver/wait?area=site&since=0")[1]) == {"build": 1}
    assert 0.2 < time.monotonic() - start < 5


@pytest.mark.browser
def test_the_open_page_reloads_after_a_rebuild(page: Page, served: Served) -> None:
    page.goto(served.url + "/index.html")
    assert page.locator("h1").inner_text() == "v1"
    page.wait_for_load_state("load")  # the page knows its build (0): no race with the next
    (served.output / "index.html").write_text(PAGE.format("v2"), encoding="utf-8")
    time.sleep(0.3)  # not reloaded by the file change: only by a finished build
    assert page.locator("h1").inner_text() == "v1"
    served.builds["review"].finished()  # the review pages' build: not this page's
    time.sleep(0.3)
    assert page.locator("h1").inner_text() == "v1"
    served.builds["site"].finished()
    page.wait_for_function("document.querySelector('h1').textContent === 'v2'", timeout=10_000)


def test_the_published_site_has_no_reload_script(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert pages
    assert not [p for p in pages if "__devserver" in p.read_text(encoding="utf-8")]


def test_files_the_build_writes_do_not_trigger_a_rebuild() -> None:
    # the content stage writes content/articles and content/site-pages: watching them would
    # rebuild once more after every rebuild
    # (paths only: nothing under the editor's content/ is read)
    assert devserver._is_input(ROOT.joinpath("content", "captures", "x.txt"))
    assert devserver._is_input(ROOT.joinpath("content", "site.yaml"))
    assert not devserver._is_input(ROOT.joinpath("content", "articles", "x.md"))
    assert not devserver._is_input(ROOT.joinpath("content", "site-pages", "about.md"))
