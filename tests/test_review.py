"""review.py and `digest review`: the editor's pages of what the cleaner did with each capture."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from digest import review
from digest.curation import CaptureCuration
from digest.errors import DigestError, Problem
from digest.model import Line
from digest.pipeline import build_content, cleaned_captures

from .conftest import BIN, ROOT, copy_content
from .hostile import PAYLOADS, sentence

WAR = "004_bd47e933c52d98c4.txt"  # the capture with most furniture: 165 lines


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


def _set_curation(content: Path, name: str, **entry: object) -> None:
    path = content / "curation.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["captures"].setdefault(name, {}).update(entry)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


class _Rows(HTMLParser):
    """The rows of a capture page's line table: (id, classes, cell texts)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, list[str]]] = []
        self._cell: list[str] | None = None
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr" and (a.get("id") or "").startswith("L"):
            self.rows.append((a["id"] or "", a.get("class") or "", []))
        elif tag in ("td", "th") and self.rows and self._cell is None:
            self._cell = []
        if tag == "script":
            self.scripts.append(a.get("src") or "inline")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1][2].append(" ".join("".join(self._cell).split()))
            self._cell = None
        if tag == "tbody":
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _rows(html: str) -> _Rows:
    parser = _Rows()
    parser.feed(html)
    return parser


def test_index_and_capture_pages_show_every_line_with_its_verdict(content: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "review"
    result = review.build_review(content, out, tmp_path / "cache")
    records = {r.path.name: r for r in cleaned_captures(content, tmp_path / "cache")}
    assert len(result.captures) == len(records) == 5

    index = (out / "index.html").read_text(encoding="utf-8")
    for name in records:
        assert f'href="captures/{name}.html"' in index
    assert "confidence <strong class=\"confidence\">1.00</strong>" in index
    # the facts with their sources: the curated date, and the headline's capture line linked
    assert "from curation.yaml" in index
    assert re.search(r'href="captures/000_b54ce457970aa6fa.txt.html#L13">capture line 13</a>',
                     index)

    cleaned = records[WAR].cleaned
    assert cleaned is not None
    page = (out / "captures" / f"{WAR}.html").read_text(encoding="utf-8")
    rows = _rows(page).rows
    assert [r[0] for r in rows] == [f"L{line.number}" for line in cleaned.lines]
    by_number = {line.number: line for line in cleaned.lines}
    for row_id, classes, cells in rows:
        line = by_number[int(row_id[1:])]
        assert cells[0] == str(line.number)
        assert f"line--{review.GROUPS[line.kind]}" in classes
        if line.kind != "blank":
            assert f"rule {line.rule}" in cells[1]
            assert cells[2] == " ".join(line.text.split())
            verb = "drop" if line.kind in ("body", "subhead", "unsure") else "keep"
            assert cells[3].startswith(f"{verb}: [{line.number}]")
    kinds = {review.GROUPS[line.kind] for line in cleaned.lines}
    assert {"kept", "dropped", "header"} <= kinds

    # the filter as a plain page: only the lines not kept, with the same numbers
    flagged = _rows((out / "flagged" / f"{WAR}.html").read_text(encoding="utf-8")).rows
    expected = [f"L{ln.number}" for ln in cleaned.lines
                if review.GROUPS[ln.kind] in ("dropped", "unsure", "header")]
    assert [r[0] for r in flagged] == expected and 0 < len(expected) < len(rows)


def test_output_is_deterministic_and_replaces_the_previous_review(content: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "review"
    review.build_review(content, out, tmp_path / "cache")
    first = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    (content / "captures" / WAR).unlink()
    curation = content / "curation.yaml"
    data = yaml.safe_load(curation.read_text(encoding="utf-8"))
    del data["captures"][WAR]
    curation.write_text(yaml.safe_dump(data), encoding="utf-8")
    review.build_review(content, out, None)  # no cache: the same pages, cleaned again
    second = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert Path("captures", f"{WAR}.html") in first
    assert Path("captures", f"{WAR}.html") not in second  # a removed capture's page is gone
    def pages(written: dict[Path, bytes]) -> dict[Path, bytes]:
        return {k: v for k, v in written.items()
                if WAR not in str(k) and k.name not in ("index.html", review.MARKER)}

    assert pages(first) == pages(second)
    # the marker lists the same keys for the same pages, whether cleaned again or cached
    keys = [{k: v for k, v in json.loads(marker[Path(review.MARKER)])["pages"].items()
             if WAR not in k and k != "index.html"} for marker in (first, second)]
    assert keys[0] == keys[1] and len(keys[0]) == 8


def test_a_second_run_writes_only_what_changed(content: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "review", tmp_path / "cache"
    first = review.write(review.collect(content, cache), out)
    assert len(first) == 11 and "index.html" in first
    assert review.write(review.collect(content, cache), out) == []
    _set_curation(content, WAR, drop=[11])
    again = review.write(review.collect(content, cache), out)
    assert again == [f"captures/{WAR}.html", f"flagged/{WAR}.html", "index.html"]
    assert "curation-drop" in (out / "captures" / f"{WAR}.html").read_text(encoding="utf-8")
    # a page deleted by hand, or a marker lost, is written again
    (out / "flagged" / f"{WAR}.html").unlink()
    assert review.write(review.collect(content, cache), out) == [f"flagged/{WAR}.html"]
    (out / review.MARKER).write_text("{}", encoding="utf-8")
    assert len(review.write(review.collect(content, cache), out)) == 11


def test_hostile_capture_text_is_shown_as_text(content: Path, tmp_path: Path) -> None:
    paragraphs = [sentence(payload, seed) for seed, (_, payload) in enumerate(PAYLOADS)]
    name = "hostile <script>.txt"  # a capture name is text too
    (content / "captures" / name).write_text(
        "Officials meet to discuss the statement\n\n" + "\n\n".join(paragraphs)
        + "\n\n<script>window.__pwned=9</script>\n", encoding="utf-8")
    _set_curation(content, name, date="2021-03-01")
    out = tmp_path / "review"
    result = review.build_review(content, out, tmp_path / "cache")
    view = next(c for c in result.captures if c.name == name)
    assert view.page == "hostile-script-.txt.html"
    page = (out / "captures" / view.page).read_text(encoding="utf-8")
    parsed = _rows(page)
    assert parsed.scripts == ["../review.js"]  # the page's own script, nothing the text brought
    texts = {cells[2] for _, _, cells in parsed.rows}
    for payload in ("<script>alert(1)</script>", "<img src=x onerror="):
        assert any(payload in text for text in texts), payload
    assert "<script>window.__pwned=9</script>" in texts  # the dropped line, as text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "hostile &lt;script&gt;.txt" in index and "hostile <script>" not in index


def test_curation_keep_and_drop_show_the_editor_and_the_cleaner(content: Path,
                                                               tmp_path: Path) -> None:
    records = {r.path.name: r for r in cleaned_captures(content)}
    cleaned = records[WAR].cleaned
    assert cleaned is not None
    dropped = next(ln for ln in cleaned.lines if ln.kind == "boilerplate")
    kept = next(ln for ln in cleaned.lines if ln.kind == "body")
    _set_curation(content, WAR, keep=[dropped.number], drop=[kept.number])
    out = tmp_path / "review"
    review.build_review(content, out, tmp_path / "cache")
    rows = {r[0]: r for r in _rows(
        (out / "captures" / f"{WAR}.html").read_text(encoding="utf-8")).rows}
    _, classes, cells = rows[f"L{dropped.number}"]
    assert "line--kept" in classes
    assert "rule curation-keep" in cells[1]
    assert f"by the editor; the cleaner said boilerplate, {dropped.rule}" in cells[1]
    assert cells[3].startswith("keep: []")  # undoing it empties the editor's list
    _, classes, cells = rows[f"L{kept.number}"]
    assert "line--dropped" in classes and "rule curation-drop" in cells[1]
    # another dropped line: its keep: line carries the editor's number and its own
    other = next(ln for ln in cleaned.lines
                 if ln.kind == "boilerplate" and ln.number != dropped.number)
    assert rows[f"L{other.number}"][2][3].startswith(f"keep: [{dropped.number}, {other.number}]")


def test_a_keep_that_matches_nothing_shows_the_cleaner_alone_and_the_problem(
        content: Path, tmp_path: Path) -> None:
    _set_curation(content, WAR, keep=[9999])
    out = tmp_path / "review"
    result = review.build_review(content, out, tmp_path / "cache")
    view = next(c for c in result.captures if c.name == WAR)
    assert view.uncurated and view.problems and not view.published
    assert len(view.lines) == 165
    page = (out / "captures" / f"{WAR}.html").read_text(encoding="utf-8")
    assert "could not be applied" in page and "9999 matches no line of the capture" in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "1 with problems" in index and "not published: 1 problem" in index


def test_warnings_and_confidence_of_the_report_are_shown_with_line_links(content: Path) -> None:
    """Warnings come from CaptureReport.warnings (filled by the content stage's checks)."""
    report = build_content(content, write=False)
    record = next(r for r in cleaned_captures(content) if r.path.name == WAR)
    base = next(c for c in report.captures if c.name == WAR)
    warned = dataclasses.replace(base, confidence=0.42, warnings=(
        Problem(str(record.path), "29", "dropped line reads like prose", "keep it with keep:"),
        Problem("curation.yaml", "captures.x.date", "the date is in the future", "check it"),
    ))
    view = review.capture_view(record, warned, "x.html")
    pages = review.render(review.Review((view,), ()))
    index = pages["index.html"]
    assert '<strong class="confidence">0.42</strong>' in index
    assert '<a href="captures/x.html#L29">line 29</a>: dropped line reads like prose.' in index
    assert "curation.yaml:captures.x.date" in index and "the date is in the future" in index
    assert "2 warnings" in index  # listed among the captures that need a look
    assert '<a href="#L29">line 29</a>' in pages["captures/x.html"]
    row = next(r for r in _rows(pages["captures/x.html"]).rows if r[0] == "L29")
    assert "warning: dropped line reads like prose" in row[2][1]
    assert "warning:" in pages["flagged/x.html"]  # a warned line is among the lines to look at


def test_curation_copy_lines() -> None:
    entry = CaptureCuration(keep=(3, "exact text"), drop=(7,))
    line = Line(12, "a line", "boilerplate", "teaser")
    assert review.curation_copy(line, "dropped", entry)[0] == 'keep: [3, 12, "exact text"]'
    first = dataclasses.replace(line, number=1)
    assert review.curation_copy(first, "dropped", entry)[0] == 'keep: [1, 3, "exact text"]'
    assert review.curation_copy(dataclasses.replace(line, kind="body"), "kept", entry)[0] \
        == "drop: [7, 12]"
    undo = Line(7, "x", "boilerplate", "curation-drop")
    assert review.curation_copy(undo, "dropped", entry)[0] == "drop: []"
    assert review.curation_copy(Line(5, "", "blank", "blank"), "blank", entry) == ("", "")


def test_an_html_capture_is_reviewed(content: Path, tmp_path: Path) -> None:
    body = "".join(f"<p>{sentence('the talks', n)}</p>" for n in range(6))
    (content / "captures" / "page.html").write_text(
        "<html><head><title>Talks resume in Geneva</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Talks resume in Geneva</h1>{body}</article></body></html>",
        encoding="utf-8")
    _set_curation(content, "page.html", date="2021-03-01")
    out = tmp_path / "review"
    result = review.build_review(content, out, None)
    view = next(c for c in result.captures if c.name == "page.html")
    assert view.format == "html" and view.published
    page = (out / "captures" / "page.html.html").read_text(encoding="utf-8")
    assert "An HTML capture is read by the extractor" in page
    assert any("rule html-extractor" in r[2][1] for r in _rows(page).rows)


def test_never_replaces_a_folder_it_did_not_write(content: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DigestError, match="was not written by digest review"):
        review.build_review(content, precious, None)
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(DigestError, match="inside the content folder"):
        review.build_review(content, content / "review", None)


def test_digest_review_command(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    run = subprocess.run([str(BIN / "digest"), "review", "--content", str(content),
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    # (the one warning: the default digest's fifth capture had an article glued under its own,
    # cut off where the cut model was not sure, doubts.cut_doubts)
    assert run.stdout == (f"review: 5 captures (0 with problems, 1 with warnings) -> "
                          f"{out}/index.html\n")
    assert (out / "review.css").is_file() and (out / "review.js").is_file()

    (content / "curation.yaml").write_text("captures: [broken\n", encoding="utf-8")
    run = subprocess.run([str(BIN / "digest"), "review", "--content", str(content),
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert "review: no capture to show" in run.stderr and "curation.yaml" in run.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Nothing to review yet" in index and "curation.yaml" in index


def test_the_review_pages_validate(content: Path, tmp_path: Path) -> None:
    """Nu HTML Checker on every review page, hostile capture and HTML capture included."""
    from .test_html_valid import vnu_errors

    (content / "captures" / "x.txt").write_text(
        "Officials meet\n\n" + sentence("<p><div>unclosed & \"quoted\"", 1) + "\n",
        encoding="utf-8")
    _set_curation(content, "x.txt", date="2021-03-01")
    out = tmp_path / "review"
    review.build_review(content, out, None)
    assert len(list(out.rglob("*.html"))) == 13
    errors = vnu_errors(out)
    assert not errors, "\n".join(errors[:40])


def test_dropped_prose_and_the_lower_confidence_are_shown(content: Path) -> None:
    report = build_content(content, write=False)
    record = next(r for r in cleaned_captures(content) if r.path.name == WAR)
    assert record.cleaned is not None
    line = next(ln for ln in record.cleaned.lines if ln.kind == "boilerplate")
    doubtful = dataclasses.replace(
        record, cleaned=dataclasses.replace(record.cleaned, confidence=0.3,
                                            dropped_prose=(line.number,)))
    base = next(c for c in report.captures if c.name == WAR)
    view = review.capture_view(doubtful, base, "x.html")
    assert view.confidence == 0.3  # the record's, lower than the report's 1.0
    pages = review.render(review.Review((view,), ()))
    assert "1 dropped line reads like prose" in pages["index.html"]
    assert '<strong class="confidence">0.30</strong>' in pages["index.html"]
    row = next(r for r in _rows(pages["captures/x.html"]).rows if r[0] == f"L{line.number}")
    assert "reads like prose" in row[2][1]


def test_an_empty_digest_says_what_to_do(tmp_path: Path) -> None:
    page = review.render(review.Review((), ()))["index.html"]
    assert "No captures yet" in page and "content/captures/" in page
    content = copy_content(tmp_path / "content")
    for capture in (content / "captures").iterdir():
        capture.unlink()
    (content / "curation.yaml").write_text("captures: {}\n", encoding="utf-8")
    out = tmp_path / "review"
    result = review.build_review(content, out, None)
    assert not result.captures
    assert "content/captures" in (out / "index.html").read_text(encoding="utf-8")
