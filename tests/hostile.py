"""Hostile captures, generated at test time (nothing big is committed).

Every payload sits inside a sentence of ordinary prose, the way a quote or a code sample sits in
a real article, so the cleaner keeps it as body text: what the tests then check is that the rest
of the pipeline shows it *as text*. Each capture's title and date come from curation.yaml, so
the hostile text never has to survive metadata extraction.
"""

from __future__ import annotations

import codecs
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

#: the global a captured script would set if it ever ran in the browser
PWNED = "__pwned"

#: Markup and Markdown that must appear on the page as the very text written here.
#: (name, payload); the name becomes part of the capture's file name.
PAYLOADS: tuple[tuple[str, str], ...] = (
    ("script", f"<script>window.{PWNED}=1</script>"),
    ("script-alert", "<script>alert(1)</script>"),
    ("img-onerror", f"<img src=x onerror=\"window.{PWNED}=2;alert('img')\">"),
    ("iframe", "<iframe src=\"javascript:alert('frame')\"></iframe>"),
    ("svg-onload", f"<svg onload=window.{PWNED}=3>"),
    ("js-link", "[click here](javascript:alert('md-link'))"),
    ("js-autolink", "<javascript:alert('autolink')>"),
    ("html-link", "<a href=\"javascript:alert('a')\">a link</a>"),
    ("entities", "&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#60;script&#62; &copy; &nbsp;"),
    ("comment", "<!-- a comment that must not hide the rest of the sentence -->"),
    ("reference", "[ref]: javascript:alert('refdef') \"and a title\""),
    ("emphasis", "**not bold** _not italic_ `not code` ~~not struck~~"),
    ("table", "| a | b |"),
    ("style", "<style>body{display:none}</style>"),
    ("template-braces", "{{ SITENAME }} {% raw %} ${alert(1)} {#"),
)

#: An editor's title and outlet that try to break out of <title>, attributes and JSON-LD.
HOSTILE_TITLE = f"</script><script>window.{PWNED}=5</script><!-- \" ' & Title: x"
HOSTILE_OUTLET = f"\"><img src=x onerror=window.{PWNED}=6> Outlet & Co"

#: Lines that Markdown or a metadata header would read as structure when at the start of a line.
LINE_STARTS: tuple[str, ...] = (
    "# This is not a heading but a sentence that starts with a hash sign in the original text.",
    "--- three dashes opened this sentence, which a careless writer would turn into a rule.",
    "Title: this sentence looks like a metadata header line but is part of the article text.",
    "Date: 1999-01-01 is how this sentence begins, and it must not change the article's date.",
    "1. This sentence starts like an ordered list item and must stay an ordinary paragraph.",
    "> This sentence starts like a quotation and must be shown with its angle bracket.",
    "[ref]: /etc/passwd this sentence starts like a Markdown reference definition line.",
    "<!-- this sentence starts like an HTML comment and must still be shown to readers.",
)

#: Unicode that must survive: right-to-left marks, emoji, astral-plane characters, combining.
UNICODE_TEXT: tuple[str, ...] = (
    "The banner read \u202egnp.exe\u202c and \u200fשלום\u200f next to مرحبا in the photo caption.",
    "Reactions ranged from 😀 to 🇺🇦 and 👩🏽‍💻, and the logogram 𠜎 was printed as 𝕏 on signs.",
    "A zero\u200bwidth space and a combining accent e\u0301 appear in the quoted official text.",
)

#: a sentence of filler prose, so every payload sits inside a real paragraph
PROSE = (
    "Officials in Beijing and Moscow declined to comment on the report on Tuesday, "
    "and diplomats said the talks would continue next week in the capital"
)


PROSE_RU = ("Пресс-служба сообщила, что делегации обсудили торговлю, энергетику и безопасность, "
            "а итоговое заявление будет опубликовано позднее")
PROSE_FR = ("Les diplomates ont précisé que les délégations avaient discuté du commerce, de "
            "l'énergie et de la sécurité, et qu'un communiqué suivrait")


def _variant(text: str, n: int) -> str:
    """A distinct sentence (the cleaner treats a repeated long line as a caption)."""
    return f"{text} ({n})."


_WORDS = (  # noqa: SIM905 - a word list reads better as one string
    "the of and to in a that for on with as by at from minister talks delegation pipeline "
    "energy trade summit border sanctions agreement statement officials analysts army navy "
    "exercise bank loan gas oil grain market yuan rouble port railway bridge treaty visit "
    "spokesman ministry parliament envoy region security strategy partnership investment "
    "exports imports tariff agency report week month year capital province harbour drills "
    "satellite launch factory plant contract tender deadline proposal council vote court"
).split()


def filler(seed: int, words: int = 24) -> str:
    """A sentence of plausible words, different for every seed: hostile captures must not
    look like copies of each other, or the near-duplicate check would merge them."""
    rng = random.Random(seed)
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return f"{text[0].upper()}{text[1:]} {seed}."


def sentence(payload: str, seed: int = 0) -> str:
    """A paragraph of prose that quotes ``payload`` verbatim in its middle."""
    return (f"{filler(seed)[:-1]}, while the statement quoted {payload} as its central claim, "
            "officials added.")


def article_text(title: str, paragraphs: list[str]) -> str:
    """A plain-text capture: headline, blank line, paragraphs separated by blank lines."""
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


@dataclass(frozen=True)
class HostileCapture:
    name: str  # file name in captures/
    data: bytes  # the bytes on disk
    title: str | None  # set in curation.yaml (None: the capture's own headline)
    date: str  # set in curation.yaml, YYYY-MM-DD
    expect: tuple[str, ...]  # texts that must appear, verbatim, on the article page
    outlet: str | None = None  # set in curation.yaml


def _utf8(name: str, title: str, paragraphs: list[str], expect: tuple[str, ...],
          day: int) -> HostileCapture:
    return HostileCapture(name, article_text(title, paragraphs).encode("utf-8"), title,
                          f"2021-03-{day:02d}", expect)


def hostile_captures() -> list[HostileCapture]:
    """The hostile captures of the hostile site (all of them must publish)."""
    caps: list[HostileCapture] = []
    seeds = iter(range(1000, 2000))

    def fill(tail: str = "") -> str:
        return filler(next(seeds))[:-1] + tail + "."

    day = 1
    for name, payload in PAYLOADS:
        caps.append(_utf8(f"h_{name}.txt", f"Hostile {name} payload report", [
            sentence(payload, next(seeds)), fill(), fill(),
        ], (payload,), day % 28 + 1))
        day += 1
    caps.append(_utf8("h_line_starts.txt", "Hostile line starts report",
                      [*LINE_STARTS, fill()], LINE_STARTS, day % 28 + 1))
    day += 1
    caps.append(_utf8("h_unicode.txt", "Hostile unicode report 😀 𠜎 שלום",
                      [*UNICODE_TEXT, fill()], UNICODE_TEXT, day % 28 + 1))
    day += 1
    # NUL and control characters inside a sentence: removed, the words around them kept
    ctrl = fill(" with\x00 a NUL,\x07 a bell\x1b and\x7f a delete in the middle of it")
    caps.append(HostileCapture(
        "h_control.txt", article_text("Hostile control characters report",
                                      [ctrl, fill()]).encode("utf-8"),
        "Hostile control characters report", "2021-04-01",
        ("a NUL, a bell and a delete in the middle of it.",)))
    # one huge line (a paragraph of about 200 KB)
    huge = " ".join(f"word{i}" for i in range(30_000)) + " the end of the huge line."
    caps.append(_utf8("h_huge_line.txt", "Hostile huge line report",
                      [fill(), huge, fill()],
                      ("word29999 the end of the huge line.",), 2))
    # a capture with many lines: 10,000 lines of prose (2,500 paragraphs)
    many = [f"Paragraph number {i} of a very long capture, which keeps going as "
            f"{PROSE.lower()}." for i in range(5_000)]
    caps.append(_utf8("h_many_lines.txt", "Hostile ten thousand lines report", many,
                      ("Paragraph number 4999 of a very long capture",), 3))
    # legacy encodings
    russian = ("Министр иностранных дел заявил во вторник, что переговоры в Пекине "
               "продолжатся на следующей неделе, несмотря на разногласия сторон.")
    cyr = article_text("Переговоры продолжатся",
                       [russian, _variant(PROSE_RU, 1), _variant(PROSE_RU, 2)])
    caps.append(HostileCapture("h_cp1251.txt", cyr.encode("cp1251"),
                               "Hostile cp1251 report", "2021-05-01", (russian,)))
    french = ("Le ministre a déclaré à Genève que la délégation française, réunie au "
              "café de la Paix, reprendrait les négociations après l'été, à Zürich.")
    caps.append(HostileCapture("h_latin1.txt",
                               article_text("Négociations à Zürich",
                                            [french, _variant(PROSE_FR, 1), _variant(PROSE_FR, 2)])
                               .encode("latin-1"),
                               "Hostile latin-1 report", "2021-05-02", (french,)))
    utf16 = "\n\n".join((sentence("<b>bold?</b> 😀", next(seeds)), fill(), fill())) + "\n"
    caps.append(HostileCapture("h_utf16.txt",
                               codecs.BOM_UTF16_LE + ("Hostile UTF-16\n\n" + utf16)
                               .encode("utf-16-le"),
                               "Hostile UTF-16 report", "2021-05-03", ("<b>bold?</b> 😀",)))
    # path tricks in the title (the slug must stay inside articles/)
    caps.append(_utf8("h_path.txt", "../../etc/passwd", [fill(), fill()],
                      ("../../etc/passwd",), 4))
    # markup in the editor's title and outlet: <title>, headings, JSON-LD, feeds, search
    caps.append(HostileCapture(
        "h_title.txt", article_text("A plain headline", [
            fill(", about the title"), fill(", again about the title")]).encode("utf-8"),
        HOSTILE_TITLE, "2021-04-06", (HOSTILE_TITLE,), HOSTILE_OUTLET))
    # a headline that is a path, from the capture itself (no curation title); the article
    # names its subject, as articles do (a line sharing nothing with the text is no headline)
    caps.append(HostileCapture(
        "h_path_own.txt", article_text("Officials deny ../../../etc/passwd leak in Moscow talks", [
            fill(", as officials deny the passwd leak in the Moscow talks, about the path"),
            fill(", again about the path")]).encode("utf-8"),
        None, "2021-04-05", ("again about the path.",)))
    # two different articles with the same headline: two pages, two stable URLs
    for n, extra in ((1, "about oil"), (2, "about grain")):
        caps.append(_utf8(f"h_same_{n}.txt", "Same headline twice", [
            fill(f", {extra} ({v})") for v in range(3)], (f", {extra} (2).",), 10 + n))
    # one article captured twice by two outlets (the second adds a line): published once
    story = [fill(f", and the pipeline deal number {v} was signed") for v in range(6)]
    caps.append(HostileCapture("h_dup_a.txt", article_text("Pipeline deal signed", story)
                               .encode("utf-8"), "Pipeline deal signed", "2021-07-02", (),
                               "Outlet A"))
    caps.append(HostileCapture("h_dup_b.txt", article_text(
        "Pipeline deal signed", [*story, "Follow our live coverage for more."]).encode("utf-8"),
        "Pipeline deal signed", "2021-07-01", ("the pipeline deal number 5 was signed.",),
        "Outlet B"))
    # an HTML capture whose article body holds markup-looking *text* (entities)
    html = (
        "<!doctype html><html><head><title>Hostile HTML capture</title>"
        f"<script>window.{PWNED}=9</script></head><body><article><h1>Hostile HTML capture</h1>"
        f"<p>{PROSE}, and the statement quoted &lt;script&gt;alert(1)&lt;/script&gt; "
        "as its central claim, they added.</p>"
        f"<p>{PROSE}.</p><p>{PROSE} again, with <a href=\"javascript:alert(2)\">a link</a> "
        "that must not stay a javascript: link.</p>"
        f"<img src=x onerror=\"window.{PWNED}=10\"><iframe src=\"javascript:alert(3)\"></iframe>"
        "</article></body></html>"
    )
    caps.append(HostileCapture("h_page.html", html.encode("utf-8"), "Hostile HTML capture",
                               "2021-06-01", ("<script>alert(1)</script>",)))
    return caps


def oversized(path: Path, megabytes: int = 50) -> None:
    """A capture over the reader's size limit, written sparse (fast, takes no disk)."""
    with path.open("wb") as f:
        f.write(article_text("Oversized capture", [sentence("big")]).encode("utf-8"))
        f.truncate(megabytes * 1024 * 1024)


def binary(path: Path) -> None:
    """A PNG-like file saved with a .txt name."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)


def undecodable(path: Path) -> None:
    """Bytes that are no text in any encoding the reader tries (no control bytes, so it is
    not refused as binary either)."""
    noise = bytes(b for b in ((i * 7919 + 13) % 256 for i in range(20_000)) if b >= 32)
    path.write_bytes(b"Headline\n\n" + noise)


def add_captures(content: Path, captures: list[HostileCapture]) -> None:
    """Write the captures and give each its title and date in curation.yaml."""
    folder = content / "captures"
    for cap in captures:
        (folder / cap.name).write_bytes(cap.data)
    curation_path = content / "curation.yaml"
    data = yaml.safe_load(curation_path.read_text(encoding="utf-8")) or {}
    entries = data.setdefault("captures", {}) or {}
    data["captures"] = entries
    for cap in captures:
        entry = {"title": cap.title, "date": cap.date, "outlet": cap.outlet}
        entries[cap.name] = {k: v for k, v in entry.items() if v is not None}
    curation_path.write_text(
        yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=True), encoding="utf-8"
    )


class _NoAliases(yaml.SafeDumper):
    """curation.yaml refuses anchors and aliases; never write one for a repeated value."""

    def ignore_aliases(self, data: object) -> bool:
        return True


# --- the hostile site, built once per session ------------------------------------------------


@dataclass(frozen=True)
class HostileSite:
    base: Path  # holds content/, output/ and the content stage's .digest-cache/
    content: Path
    output: Path
    captures: tuple[HostileCapture, ...]
    report: str  # what `digest content` printed
    slugs: dict[str, str]  # capture name -> slug of its article page


def site_captures() -> list[HostileCapture]:
    """The captures of the hostile site: every text capture (the HTML one has its own test)."""
    return [c for c in hostile_captures() if not c.name.endswith(".html")]


def slugs_of(content: Path) -> dict[str, str]:
    """Capture name -> slug, from the headers of the written Markdown."""
    found = {}
    for md in sorted((content / "articles").glob("*.md")):
        header = yaml.safe_load(md.read_text(encoding="utf-8").split("---\n", 2)[1])
        found[header["capture"]] = header["slug"]
    return found


_SITES: dict[Path, HostileSite] = {}


def build_hostile_site(base: Path) -> HostileSite:
    """Copy the default digest, add the hostile captures, run the real build."""
    from .conftest import BIN, build_site, copy_content

    content = copy_content(base / "content")
    captures = site_captures()
    add_captures(content, captures)
    result = build_site(content, base / "output")
    assert result.returncode == 0, f"hostile build failed:\n{result.stdout}\n{result.stderr}"
    stage = subprocess.run(  # the report again (from the content stage's cache, fast)
        [str(BIN / "digest"), "content", "--dry-run", "--content", str(content)],
        capture_output=True, text=True, check=True,
    )
    return HostileSite(base, content, base / "output", tuple(captures), stage.stdout,
                       slugs_of(content))


def hostile_site_for(factory: pytest.TempPathFactory) -> HostileSite:
    """The hostile site, built once per test session (test modules wrap this in a fixture)."""
    key = factory.getbasetemp()
    if key not in _SITES:
        _SITES[key] = build_hostile_site(factory.mktemp("hostile"))
    return _SITES[key]
