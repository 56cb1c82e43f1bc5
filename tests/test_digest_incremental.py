"""Incremental builds reuse unchanged article pages and still give the from-scratch site."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from plugins.digest_incremental.plugin import MANIFEST, IncrementalWriter

from .conftest import BIN, ROOT, copy_content


def pelican(content: Path, output: Path, previous: Path | None) -> None:
    env = {**os.environ, "DIGEST_CONTENT": str(content), "SITEURL": ""}
    env.pop("DIGEST_PREVIOUS_OUTPUT", None)
    if previous is not None:
        env["DIGEST_PREVIOUS_OUTPUT"] = str(previous)
    for argv in (
        [str(BIN / "digest"), "content", "--content", str(content)],
        [str(BIN / "pelican"), str(content), "-s", str(ROOT / "pelican.conf.py"), "-o",
         str(output), "--fatal", "warnings"],
    ):
        result = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def edit_body(content: Path) -> None:
    capture = content / "captures" / "004_bd47e933c52d98c4.txt"
    text = capture.read_text(encoding="utf-8")
    capture.write_text(text.replace("will also take part.", "will also take part, it said."),
                       encoding="utf-8")


def test_an_edit_rebuilds_like_a_fresh_build(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    pelican(content, tmp_path / "v1", None)
    first = tree(tmp_path / "v1")
    edit_body(content)
    pelican(content, tmp_path / "v2", tmp_path / "v1")
    # the same edited content from scratch, elsewhere
    fresh = copy_content(tmp_path / "fresh")
    edit_body(fresh)
    pelican(fresh, tmp_path / "scratch", None)
    incremental, scratch = tree(tmp_path / "v2"), tree(tmp_path / "scratch")
    assert incremental == scratch
    changed = {name for name in scratch if first.get(name) != scratch[name]}
    assert any(name.startswith("articles/allies-pals") for name in changed)
    assert MANIFEST in scratch


def test_unchanged_pages_are_copied_not_rendered(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    pelican(content, tmp_path / "v1", None)
    page = next((tmp_path / "v1" / "articles").glob("xi-jinping-visits*.html"))
    # mark the old page: a copied page keeps the mark, a rendered one would not
    page.write_bytes(page.read_bytes() + b"<!-- previous build -->")
    edit_body(content)
    pelican(content, tmp_path / "v2", tmp_path / "v1")
    assert (tmp_path / "v2" / "articles" / page.name).read_bytes().endswith(
        b"<!-- previous build -->")
    edited = next((tmp_path / "v2" / "articles").glob("allies-pals*.html"))
    assert b"will also take part, it said." in edited.read_bytes()


def test_a_changed_fingerprint_renders_the_page_again(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    pelican(content, tmp_path / "v1", None)
    page = next((tmp_path / "v1" / "articles").glob("xi-jinping-visits*.html"))
    page.write_bytes(page.read_bytes() + b"<!-- previous build -->")
    # as if v1 had been built with another theme, plugin or settings
    manifest = tmp_path / "v1" / MANIFEST
    stale = dict.fromkeys(json.loads(manifest.read_text(encoding="utf-8")), "stale")
    manifest.write_text(json.dumps(stale), encoding="utf-8")
    pelican(content, tmp_path / "v2", tmp_path / "v1")
    assert not (tmp_path / "v2" / "articles" / page.name).read_bytes().endswith(
        b"<!-- previous build -->")


def test_fingerprint_sees_theme_and_links() -> None:
    from plugins.digest_incremental.fingerprint import article_fingerprint

    class Linked:
        _content = ""

        def __init__(self, url: str, title: str) -> None:
            self.url, self.title = url, title

    class Art:
        def __init__(self) -> None:
            self.url, self.title, self._content = "a.html", "A", "<p>x</p>"
            self.metadata = {"topics": ["t"]}
            self.related_articles = [(Linked("b.html", "B"), 2)]

    base = article_fingerprint(Art(), "theme-1", "a.html")
    assert article_fingerprint(Art(), "theme-2", "a.html") != base
    renamed = Art()
    renamed.related_articles = [(Linked("b.html", "B renamed"), 2)]
    assert article_fingerprint(renamed, "theme-1", "a.html") != base
    assert article_fingerprint(Art(), "theme-1", "a.html") == base


def test_a_rebuild_with_warm_caches_equals_a_fresh_build(tmp_path: Path) -> None:
    # as `make html` run again and again: every build leaves caches (Pelican's reader cache,
    # the search terms, the page manifest) that the next one uses
    content = copy_content(tmp_path / "content")
    pelican(content, tmp_path / "v1", tmp_path / "none")
    pelican(content, tmp_path / "v2", tmp_path / "v1")
    edit_body(content)
    pelican(content, tmp_path / "v3", tmp_path / "v2")
    fresh = copy_content(tmp_path / "fresh")
    edit_body(fresh)
    pelican(fresh, tmp_path / "scratch", None)
    assert tree(tmp_path / "v3") == tree(tmp_path / "scratch")


def test_an_edited_summary_reaches_the_topic_and_entity_pages(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    pelican(content, tmp_path / "v1", tmp_path / "none")
    capture = content / "captures" / "004_bd47e933c52d98c4.txt"
    text = capture.read_text(encoding="utf-8")
    capture.write_text(text.replace("Chinese troops will participate",
                                    "Chinese troops will surely participate"), encoding="utf-8")
    pelican(content, tmp_path / "v2", tmp_path / "v1")
    listing = [p for p in (tmp_path / "v2" / "topics").glob("*.html") if p.name != "index.html"]
    shown = [p for p in listing if b"Allies, Pals or Foes" in p.read_bytes()]
    assert shown and all(b"will surely participate" in p.read_bytes() for p in shown)


def test_a_taxonomy_change_renders_the_pages_again(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    pelican(content, tmp_path / "v1", None)
    taxonomy = content / "taxonomy.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    start = text.index("slug: xi-jinping")
    kind = text.index("kind: person", start)
    taxonomy.write_text(text[:kind] + "kind: place" + text[kind + len("kind: person"):],
                        encoding="utf-8")
    pelican(content, tmp_path / "v2", tmp_path / "v1")
    fresh = tmp_path / "fresh"
    pelican(content, fresh, None)
    assert tree(tmp_path / "v2") == tree(fresh)


def test_a_build_never_changes_the_previous_site(tmp_path: Path) -> None:
    # reused pages may share their files with the previous site (hard links): that site is the
    # one being served until the swap, and must stay as it was
    content = copy_content(tmp_path / "content")
    pelican(content, tmp_path / "v1", None)
    before = tree(tmp_path / "v1")
    edit_body(content)
    pelican(content, tmp_path / "v2", tmp_path / "v1")
    assert tree(tmp_path / "v1") == before
    assert tree(tmp_path / "v2") != before


def test_writing_over_a_reused_page_leaves_the_previous_file_alone(tmp_path: Path) -> None:
    previous, output = tmp_path / "previous", tmp_path / "output"
    (previous / "articles").mkdir(parents=True)
    (previous / "articles" / "a.html").write_text("old page", encoding="utf-8")
    writer = IncrementalWriter(str(output), settings={"DIGEST_PREVIOUS_OUTPUT": str(previous)})
    target = output / "articles" / "a.html"
    target.parent.mkdir(parents=True)
    writer._reuse(previous / "articles" / "a.html", target)
    with writer._open_w(str(target), "utf-8", override=True) as page:
        page.write("new page")
    assert (previous / "articles" / "a.html").read_text(encoding="utf-8") == "old page"
    assert target.read_text(encoding="utf-8") == "new page"
