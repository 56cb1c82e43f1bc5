"""Broken editor's YAML (curation.yaml, taxonomy.yaml) through the real CLI, `digest content`:
one clear problem per mistake (file, line or key path, what, how to fix), every problem in one
run, and nothing written: content/articles and output/ stay exactly as they were."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from digest import cli

from .conftest import copy_content
from .test_atomic_build import make_html, snapshot

SEED = "000_b54ce457970aa6fa.txt"
OTHER = "001_1c7ae67a5600cd0f.txt"

ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
captures: *g
"""


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default content after a successful `digest content` (articles written)."""
    content = copy_content(tmp_path_factory.mktemp("yaml") / "content")
    result = digest(content)
    assert result.returncode == 0, result.stderr
    assert list((content / "articles").glob("*.md"))
    return content


@pytest.fixture
def content(good: Path, tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(good, target)  # copy2: the articles keep their bytes and times
    return target


def digest(content: Path) -> subprocess.CompletedProcess[str]:
    """`digest content` in this process (the console script calls the same ``main``); the
    make test below runs the installed script in a subprocess."""
    args = ["content", "--content", str(content), "--no-cache"]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(args)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def written(content: Path) -> dict[str, tuple[bytes, int]]:
    """content/articles: every file with its bytes and modification time."""
    folder = content / "articles"
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def problems(stderr: str) -> list[str]:
    """The problem lines of a configuration error: each line is one problem, and nothing
    else is said (no "0 of 0 captures published" header, no count)."""
    found = [line for line in stderr.splitlines() if line.strip()]
    for line in found:
        assert line.startswith("/") and ". Fix: " in line, stderr
    assert "captures published" not in stderr, stderr
    return found


def fails_cleanly(content: Path, name: str, text: str | bytes,
                  also: tuple[str, ...] = ()) -> list[str]:
    """Write the broken file, run the CLI: non-zero, no traceback, nothing written.

    Every problem names the broken file, or one of the files in ``also`` that the test broke
    before."""
    before = written(content)
    target = content / name
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    result = digest(content)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert written(content) == before
    found = problems(result.stderr)
    for line in found:
        assert any(line.startswith(str(content / n)) for n in (name, *also)), line
        assert ". Fix: " in line, line
    return found


def entry(body: str, name: str = SEED) -> str:
    return f"captures:\n  {name}:\n" + "".join(f"    {line}\n" for line in body.splitlines())


# --- curation.yaml -------------------------------------------------------------------------

CURATION_CASES = {
    "syntax": (entry('date: 2024-05-16\n title: "bad indent"'), [("4", "invalid YAML")]),
    "unknown key": (entry("date: 2024-05-16\ncolour: red"),
                    [(f"4 (captures.{SEED}.colour)", "unknown key 'colour'")]),
    "duplicate key": (entry("date: 2024-05-16\ndate: 2024-05-17"),
                      [("4", "key 'date' appears twice (first on line 3)")]),
    "wrong types": (
        entry("date: [2024, 5]\ntitle: 42\nauthors: 5\ntopics: taiwan\nkeep: [0, true]\n"
              'url: "javascript:alert(1)"\nnote: ""'),
        [(f"3 (captures.{SEED}.date)", "is not a date"),
         (f"4 (captures.{SEED}.title)", "title must be a non-empty text"),
         (f"5 (captures.{SEED}.authors)", "authors must be a list"),
         (f"6 (captures.{SEED}.topics)", "topics must be a list"),
         (f"7 (captures.{SEED}.keep)", "keep must be a list"),
         (f"8 (captures.{SEED}.url)", "is not an http(s) address"),
         (f"9 (captures.{SEED}.note)", "note must be a non-empty text")],
    ),
    "dates out of range": (
        entry("date: 1066-10-14") + entry("date: 2999-01-01", OTHER)[len("captures:\n"):]
        + entry("date: 2024-13-45", "002_98ffcff286fe7b4b.txt")[len("captures:\n"):],
        [(f"3 (captures.{SEED}.date)", "date 1066-10-14 is out of range"),
         (f"5 (captures.{OTHER}.date)", "date 2999-01-01 is out of range"),
         ("7 (captures.002_98ffcff286fe7b4b.txt.date)", "'2024-13-45' is not a date")],
    ),
    "missing references": (
        entry("topics: [no-such-topic, taiwan]") + "  no_such_capture.txt:\n    date: 2024-01-01\n",
        [(f"3 (captures.{SEED}.topics)", "unknown topic no-such-topic"),
         ("4 (captures.no_such_capture.txt)", "no capture named 'no_such_capture.txt'")],
    ),
    "entry not a mapping": (f"captures:\n  {SEED}: just a string\n",
                            [(f"2 (captures.{SEED})", "expected a mapping of facts")]),
    "captures not a mapping": ("captures:\n  - 1\n  - 2\n",
                               [("1 (captures)", "'captures' must be a mapping")]),
    "alias bomb": (ALIAS_BOMB, [("1", "anchors and aliases")]),
    "python object tag": (
        entry('dek: !!python/object/apply:os.system ["touch /tmp/digest-pwned"]'),
        [("3", "invalid YAML: could not determine a constructor")],
    ),
}


@pytest.mark.parametrize("case", sorted(CURATION_CASES))
def test_curation_mistakes_are_reported_once_each(content: Path, case: str) -> None:
    text, expected = CURATION_CASES[case]
    started = time.monotonic()
    found = fails_cleanly(content, "curation.yaml", text)
    assert time.monotonic() - started < 30  # an alias bomb does not expand
    assert len(found) == len(expected), found
    for line, (where, what) in zip(found, expected, strict=True):
        assert line.startswith(f"{content / 'curation.yaml'}:{where}: "), (line, where)
        assert what in line, (line, what)
    assert not Path("/tmp/digest-pwned").exists()


def test_curation_that_is_not_utf8_is_a_problem_not_a_traceback(content: Path) -> None:
    (found,) = fails_cleanly(content, "curation.yaml",
                             entry('title: "Caf\xe9"').encode("latin-1"))
    assert "UTF-8" in found


def test_an_oversized_curation_file_is_refused(content: Path) -> None:
    padding = "".join(f"# {'x' * 90}\n" for _ in range(22_000))
    (found,) = fails_cleanly(content, "curation.yaml", padding + entry("date: 2024-05-16"))
    assert "byte limit" in found


def test_a_duplicate_key_does_not_hide_the_other_mistakes(content: Path) -> None:
    found = fails_cleanly(content, "curation.yaml",
                          entry("date: 2024-05-16\ndate: 2024-05-17\ncolour: red"))
    assert len(found) == 2 and "appears twice" in found[0] and "colour" in found[1], found


# --- taxonomy.yaml -------------------------------------------------------------------------

BROKEN_TAXONOMY = """\
topics:
  - slug: taiwan
    name: Taiwan
    description: The island.
    aliases: [Taiwan]
  - slug: taiwan
    name: Taiwan again
    description: A second entry with the same slug.
    aliases: Taiwan Strait
  - slug: Bad Slug!
    name: 42
    description: x
    colour: red
    parent: no-such-parent
  - just a string
entities:
  - slug: xi
    name: Xi
    kind: wizard
    aliases: []
    description: d
    extra: 1
"""

TAXONOMY_CASES = {
    "every mistake of a file": (BROKEN_TAXONOMY, [
        ("6 (topics[1].slug)", "already used by topics[0]"),
        ("9 (topics[1].aliases)", "'aliases' must be a list"),
        ("10 (topics[2].slug)", "has characters other than"),
        ("11 (topics[2].name)", "'name' must be non-empty text"),
        ("13 (topics[2].colour)", "unknown key 'colour'"),
        ("14 (topics[2].parent)", "unknown parent 'no-such-parent'"),
        ("15 (topics[3])", "expected a mapping"),
        ("19 (entities[0].kind)", "unknown kind 'wizard'"),
        ("20 (entities[0].aliases)", "at least one alias"),
        ("22 (entities[0].extra)", "unknown key 'extra'"),
    ]),
    "syntax": ("topics:\n  - slug: a\n  name: b\n", [("3", "invalid YAML")]),
    "duplicate key": ("topics: []\nentities: []\ntopics: []\n",
                      [("3", "key 'topics' appears twice (first on line 1)")]),
    "alias bomb": (ALIAS_BOMB.replace("captures:", "topics:"), [("1", "anchors and aliases")]),
}


@pytest.mark.parametrize("case", sorted(TAXONOMY_CASES))
def test_taxonomy_mistakes_are_reported_once_each(content: Path, case: str) -> None:
    text, expected = TAXONOMY_CASES[case]
    found = fails_cleanly(content, "taxonomy.yaml", text)
    assert len(found) == len(expected), found
    for line, (where, what) in zip(found, expected, strict=True):
        assert line.startswith(f"{content / 'taxonomy.yaml'}:{where}: "), (line, where)
        assert what in line, (line, what)


def test_taxonomy_that_is_not_utf8_is_a_problem(content: Path) -> None:
    (found,) = fails_cleanly(content, "taxonomy.yaml", b"topics: []\n# caf\xe9\n")
    assert "not UTF-8" in found


def test_mistakes_in_both_files_are_reported_in_one_run(content: Path) -> None:
    (content / "taxonomy.yaml").write_text("topics: [\n", encoding="utf-8")
    found = fails_cleanly(content, "curation.yaml", entry("colour: red"),
                          also=("taxonomy.yaml",))
    assert any("taxonomy.yaml" in f for f in found) and any("colour" in f for f in found)


# --- nothing is written, through make ------------------------------------------------------


def test_make_html_with_broken_yaml_leaves_articles_and_output_untouched(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    output = tmp_path / "output"
    first = make_html(content, output)
    out, _ = first.communicate(timeout=300)
    assert first.returncode == 0, out
    site, articles = snapshot(output), written(content)
    (content / "curation.yaml").write_text(entry("date: 2024-05-16\ncolour: red"),
                                           encoding="utf-8")
    proc = make_html(content, output)
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode != 0
    assert "unknown key 'colour'" in out and "Fix:" in out
    assert snapshot(output) == site and written(content) == articles
    assert not (tmp_path / ".output-new").exists()
