"""The link checker: a pure function over page texts, then the real default digest."""

from __future__ import annotations

import time
from pathlib import Path

from digest.linkcheck import check_links, check_site, main, parse_page


def _check(pages: dict[str, str], others: tuple[str, ...] = (), site_url: str = ""):  # type: ignore[no-untyped-def]
    return check_links(pages, [*pages, *others], site_url)


def test_parse_page_finds_urls_and_ids() -> None:
    urls, ids = parse_page(
        '<a href="a.html#x" id="top-link">a</a><img src="i.png" alt=""><p id="b0">x</p>'
        '<a name="old"></a><form action="search.html"></form><link rel="icon" href="f.ico">'
    )
    assert urls == ["a.html#x", "i.png", "search.html", "f.ico"]
    assert ids == {"top-link", "b0", "old"}


def test_relative_links_and_anchors_resolve() -> None:
    pages = {
        "index.html": '<a href="articles/a.html#b1">a</a><a href="topics/">t</a>',
        "articles/a.html": '<p id="b1">x</p><a href="../index.html">home</a><a href="#b1">s</a>',
        "topics/index.html": '<a href="../articles/a.html">a</a><a href="/index.html#top">h</a>',
    }
    report = _check(pages, ("favicon.ico",))
    assert report.ok, report.broken
    assert (report.pages, report.internal, report.external) == (3, 6, 0)


def test_missing_file_and_missing_anchor_are_reported() -> None:
    pages = {
        "index.html": '<a href="nope.html">x</a><a href="a.html#b9">y</a><img src="x.png" alt="">',
        "a.html": '<p id="b0">x</p>',
    }
    report = _check(pages)
    problems = sorted(str(b) for b in report.broken)
    assert problems == [
        "index.html: a.html#b9: no id 'b9' in a.html",
        "index.html: nope.html: no file nope.html",
        "index.html: x.png: no file x.png",
    ]


def test_external_links_are_counted_not_fetched() -> None:
    pages = {"index.html": '<a href="https://example.com/x">x</a><a href="mailto:a@b.c">m</a>'
                           '<a href="//cdn.example.com/y">y</a>'}
    report = _check(pages)
    assert report.ok and report.external == 3 and report.internal == 0


def test_absolute_links_to_the_site_itself_are_checked() -> None:
    site = "https://example.org/digest"
    pages = {"index.html": f'<a href="{site}/a.html">a</a><a href="{site}/gone.html">g</a>'
                           '<a href="/digest/a.html">root-relative</a>',
             "a.html": ""}
    report = _check(pages, site_url=site + "/")
    assert [b.url for b in report.broken] == [f"{site}/gone.html"]
    assert report.internal == 3


def test_escaping_the_root_and_script_urls_are_broken() -> None:
    pages = {"index.html": '<a href="../../etc/passwd">x</a><a href="javascript:alert(1)">y</a>'}
    problems = [b.problem for b in _check(pages).broken]
    assert problems == ["points above the site root",
                        "the javascript: scheme has no place in a static site"]


def test_anchor_on_a_file_that_is_not_a_page() -> None:
    report = _check({"index.html": '<a href="f.ico#x">x</a>'}, ("f.ico",))
    assert [b.problem for b in report.broken] == ["#x on a file that is not a page"]


def test_percent_encoded_paths_and_fragments() -> None:
    pages = {"index.html": '<a href="a%20b.html#caf%C3%A9">x</a>', "a b.html": '<p id="café">'}
    assert _check(pages).ok


def test_a_thousand_pages_are_checked_quickly() -> None:
    pages = {f"articles/{i}.html": "".join(
        f'<p id="b{j}">text</p><a href="../articles/{(i + j) % 1000}.html#b{j}">n</a>'
        for j in range(20)) for i in range(1000)}
    start = time.perf_counter()
    report = _check(pages)
    assert report.ok and report.internal == 20_000
    assert time.perf_counter() - start < 5  # about 1 s here; the gate must stay cheap


def test_cli_exit_codes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "index.html").write_text('<a href="missing.html">x</a>', encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "missing.html" in capsys.readouterr().err
    (tmp_path / "missing.html").write_text("", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert main([str(tmp_path / "nowhere")]) == 2


def test_every_internal_link_of_the_default_digest_resolves(site: Path) -> None:
    report = check_site(site)
    assert report.pages > 10
    assert report.ok, "\n".join(str(b) for b in report.broken[:50])
