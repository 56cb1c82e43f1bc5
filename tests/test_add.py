"""`digest add`, `digest init` and `digest clean` as the editor runs them (the real CLI)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import re
import threading
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from digest import cli
from digest.add import capture_name
from digest.taxonomy import load_taxonomy

from .conftest import CONTENT, copy_content

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "editor"
PROBE = FIXTURES / "europa-probe.txt"
ROVER = FIXTURES / "lunar-rover.txt"
TELESCOPE = FIXTURES / "space-telescope.html"

COMMENTED = """\
# My own notes: keep this comment.
captures:
  # the first capture, checked by hand
  old.txt:
    date: 2020-01-02  # from the print edition
    note: "Kept as is."
# a comment at the end
"""


def run(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()

    class _Stdin:
        buffer = io.BytesIO(stdin)

    old = cli.sys.stdin
    cli.sys.stdin = _Stdin()  # type: ignore[assignment]
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = cli.main(list(args))
    finally:
        cli.sys.stdin = old
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def digest(tmp_path: Path) -> Path:
    """A new, empty digest made by `digest init`."""
    content = tmp_path / "content"
    code, out, _ = run("init", "--content", str(content))
    assert code == 0 and "a new, empty digest" in out
    return content


def captures(content: Path) -> list[Path]:
    return sorted((content / "captures").iterdir())


def test_init_writes_a_digest_that_checks_clean(digest: Path) -> None:
    assert captures(digest) == []
    assert load_taxonomy(digest / "taxonomy.yaml").topics == ()
    assert yaml.safe_load((digest / "curation.yaml").read_text()) == {"captures": None}
    code, out, err = run("check", "--content", str(digest))
    assert (code, err) == (0, "")
    assert "no captures yet" in out and "digest add" in out


def test_init_in_a_new_folder_writes_what_every_page_links_to(digest: Path) -> None:
    assert (digest / "extra" / "favicon.ico").read_bytes() == \
        (CONTENT / "extra" / "favicon.ico").read_bytes()
    assert (digest / "extra" / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


@pytest.mark.parametrize("start", ["captures: {}\n", "# only a comment", "captures:"])
def test_add_to_an_empty_curation_file_in_any_form(digest: Path, start: str) -> None:
    (digest / "curation.yaml").write_text(start, encoding="utf-8")
    code, _, err = run("add", "--content", str(digest), str(PROBE), "--date", "2024-03-12")
    assert code == 0, err
    [saved] = captures(digest)
    data = yaml.safe_load((digest / "curation.yaml").read_text())
    assert data == {"captures": {saved.name: {"date": dt.date(2024, 3, 12)}}}


def test_init_refuses_to_delete_captures_without_force(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    before = sorted(p.name for p in captures(content))
    code, _, err = run("init", "--content", str(content))
    assert code == 2 and "holds a digest already (5 captures" in err and "--force" in err
    assert sorted(p.name for p in captures(content)) == before
    assert (content / "site.yaml").read_text() == (CONTENT / "site.yaml").read_text()
    code, out, _ = run("init", "--content", str(content), "--force")
    assert code == 0 and "removed 5 captures" in out and captures(content) == []
    assert "China" not in (content / "site.yaml").read_text()


def test_add_copies_the_bytes_and_reports_what_was_found(digest: Path) -> None:
    code, out, err = run("add", "--content", str(digest), str(PROBE))
    assert (code, err) == (0, "")
    [saved] = captures(digest)
    digest_hex = hashlib.sha256(PROBE.read_bytes()).hexdigest()[:8]
    headline = "probe-bound-for-europa-passes-its-last-test-before-launch"
    assert saved.name == f"{headline}-{digest_hex}.txt"
    assert saved.read_bytes() == PROBE.read_bytes()
    assert "headline  Probe bound for Europa passes its last test before launch  (from capture " \
        "line 8)" in out
    assert "date      2024-03-12  (from capture line 13)" in out
    assert "authors   Maria Lindqvist  (from capture line 12)" in out
    assert "outlet    Example Science News  (from capture line 41)" in out
    assert re.search(r"lines     kept \d+, dropped \d+, unsure \d+", out)
    # the new digest has no topics: the editor is told, and how to fix it
    assert "warning at topics: the article matches no topic" in out
    entry = yaml.safe_load((digest / "curation.yaml").read_text())["captures"][saved.name]
    assert entry is None  # nothing given, nothing required missing: placeholders only
    text = (digest / "curation.yaml").read_text()
    assert '    # url: "https://..."  # the original address, if known' in text
    assert "# outlet:" not in text  # found in the capture: no placeholder


def test_add_keeps_the_comments_and_order_of_curation_yaml(tmp_path: Path) -> None:
    content = tmp_path / "content"
    run("init", "--content", str(content))
    (content / "captures" / "old.txt").write_bytes(ROVER.read_bytes())
    (content / "curation.yaml").write_text(COMMENTED, encoding="utf-8")
    code, _, err = run("add", "--content", str(content), str(PROBE), "--date", "2024-03-13",
                       "--outlet", "Example Science News", "--title", "Probe passes its test")
    assert code == 0, err
    text = (content / "curation.yaml").read_text()
    assert text.startswith(COMMENTED)  # every old byte, comments included, in place
    name = next(p.name for p in captures(content) if p.name != "old.txt")
    assert name.startswith("probe-passes-its-test-")
    entry = yaml.safe_load(text)["captures"][name]
    assert entry == {"title": "Probe passes its test", "date": dt.date(2024, 3, 13),
                     "outlet": "Example Science News"}
    code, out, _ = run("check", "--content", str(content))
    assert code == 0 and "2 of 2 captures published" in out


def test_the_same_capture_twice_is_refused(digest: Path) -> None:
    assert run("add", "--content", str(digest), str(PROBE))[0] == 0
    before = (digest / "curation.yaml").read_text()
    code, _, err = run("add", "--content", str(digest), str(PROBE))
    assert code == 2 and "already in the digest as" in err
    assert len(captures(digest)) == 1 and (digest / "curation.yaml").read_text() == before


def test_a_capture_without_a_date_gets_a_required_placeholder(digest: Path) -> None:
    data = b"\n".join(line for line in PROBE.read_bytes().splitlines() if b"2024" not in line)
    code, out, _ = run("add", "--content", str(digest), "-", stdin=data)
    assert code == 0
    assert "PROBLEM: no publication date found in the capture" in out
    text = (digest / "curation.yaml").read_text()
    assert "# date: YYYY-MM-DD  # REQUIRED: no publication date found in the capture" in text
    # `make check` fails until the editor fills it in
    code, _, err = run("check", "--content", str(digest))
    assert code == 1 and "no publication date found" in err


def test_bad_input_is_a_clear_error(digest: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF")
    code, _, err = run("add", "--content", str(digest), str(pdf))
    assert code == 2 and "not a capture (a capture is a .txt or .html file). Fix:" in err
    code, _, err = run("add", "--content", str(digest), str(PROBE), "--date", "12/03/2024")
    assert code == 2 and "'12/03/2024' is not a date. Fix: write it as YYYY-MM-DD" in err
    code, _, err = run("add", "--content", str(digest), str(PROBE), str(ROVER), "--title", "T")
    assert code == 2 and "add those captures one by one" in err
    assert captures(digest) == []


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(FIXTURES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_an_address_is_fetched_once_and_saved_as_html(digest: Path, server: str) -> None:
    url = f"{server}/space-telescope.html"
    code, out, err = run("add", "--content", str(digest), url)
    assert (code, err) == (0, ""), err
    [saved] = captures(digest)
    assert saved.suffix == ".html" and saved.read_bytes() == TELESCOPE.read_bytes()
    assert "headline  New space telescope sends its first pictures of distant galaxies" in out
    entry = yaml.safe_load((digest / "curation.yaml").read_text())["captures"][saved.name]
    assert entry == {"url": url}
    assert f"# added from {url}" in (digest / "curation.yaml").read_text()


def test_a_failed_fetch_says_why_and_writes_nothing(digest: Path, server: str) -> None:
    code, _, err = run("add", "--content", str(digest), f"{server}/missing.html")
    assert code == 2
    assert f"{server}/missing.html: cannot fetch the page: the server answered 404" in err
    assert ". Fix: " in err
    code, _, err = run("add", "--content", str(digest), "http://127.0.0.1:9/nothing")
    assert code == 2 and "http://127.0.0.1:9/nothing: cannot fetch the page: " in err
    assert captures(digest) == []


def test_capture_names_are_readable_and_bounded() -> None:
    name = capture_name("A very long headline " * 10, b"x", ".txt", None)
    assert re.fullmatch(r"a-very-long-headline[a-z-]*-[0-9a-f]{8}\.txt", name)
    assert len(name) <= 60 + 1 + 8 + 4
    assert capture_name(None, b"x", ".html", None).startswith("capture-")
    assert capture_name("Ignored", b"x", ".txt", "My Name").startswith("my-name-")


def test_clean_shows_what_will_be_published_and_raw_the_cleaner_alone(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    capture = content / "captures" / "000_b54ce457970aa6fa.txt"
    code, raw, _ = run("clean", "--raw", str(capture))
    assert code == 0
    first = raw.strip().split("\n\n")[0]
    number = next(line.split()[0] for line in run("clean", "--lines", str(capture))[1]
                  .splitlines() if line.endswith(first))
    text = (content / "curation.yaml").read_text()
    (content / "curation.yaml").write_text(
        text.replace("    date: 2024-05-16  # Putin's state visit to Beijing, 16-17 May 2024",
                     "    date: 2024-05-16\n    drop: [" + number + "]"), encoding="utf-8")
    published = run("clean", str(capture))[1]
    assert first in raw and first not in published
    assert run("clean", "--raw", str(capture))[1] == raw
    lines = run("clean", "--lines", str(capture))[1]
    assert re.search(rf"^\s*{number}   boilerplate\s+curation-drop\s", lines, re.MULTILINE)


def test_suggest_finds_one_word_names_and_skips_what_the_editor_dropped(digest: Path) -> None:
    for source in (PROBE, ROVER):
        assert run("add", "--content", str(digest), str(source))[0] == 0
    found = run("suggest", "--content", str(digest))[1]
    assert re.search(r"^\s+\d+  Europa$", found, re.MULTILINE)
    assert re.search(r"^\s+\d+  NASA$", found, re.MULTILINE)
    # the rover's only sentence naming Europa, dropped by the editor: Europa is in one capture
    europa = next(line for line in ROVER.read_text().splitlines() if "Europa" in line)
    rover = next(p.name for p in captures(digest) if p.name.startswith("small-lunar-rover"))
    text = (digest / "curation.yaml").read_text()
    head, _, rest = text.partition(f"  {rover}:")
    rest_lines = rest.split("\n", 1)
    text = head + f"  {rover}:{rest_lines[0]}\n    drop: [{json.dumps(europa)}]\n" + rest_lines[1]
    (digest / "curation.yaml").write_text(text, encoding="utf-8")
    found = run("suggest", "--content", str(digest))[1]
    assert "Europa" not in found and "NASA" in found
