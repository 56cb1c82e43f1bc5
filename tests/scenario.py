"""Tiny content folders for plugin tests: handwritten articles in our front-matter format.

The articles are written straight into ``articles/`` (no pipeline run), so a plugin test says
exactly what its articles carry, and Pelican runs for real over them with our settings, theme
and plugins, as `make html` does.
"""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .conftest import BIN, ROOT

TAXONOMY: dict[str, Any] = {
    "topics": [
        {"slug": "war", "name": "The war", "description": "Fighting and talks.",
         "aliases": ["war"]},
        {"slug": "trade", "name": "Trade", "description": "Goods and money.",
         "aliases": ["trade"]},
        {"slug": "energy", "name": "Energy", "description": "Gas & oil <pipelines>.",
         "aliases": ["gas"], "parent": "trade"},
        {"slug": "diplomacy", "name": "Diplomacy", "description": "Visits and calls.",
         "aliases": ["visit"]},
        {"slug": "quiet", "name": "A quiet topic", "description": "Nothing yet.", "aliases": []},
    ],
    "entities": [
        {"slug": "putin", "name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"],
         "description": "President of Russia."},
        {"slug": "xi", "name": "Xi Jinping", "kind": "person", "aliases": ["Xi"],
         "description": "President of China."},
        {"slug": "kremlin", "name": "The Kremlin", "kind": "organisation",
         "aliases": ["Kremlin"], "description": "Russia's presidency."},
        {"slug": "gazprom", "name": "Gazprom", "kind": "organisation", "aliases": ["Gazprom"],
         "description": "Russian gas company."},
        {"slug": "moscow", "name": "Moscow", "kind": "place", "aliases": ["Moscow"],
         "description": "Capital of Russia."},
    ],
}

HOSTILE_TITLE = '</script><script>alert("x")</script> & <b>bold</b> \'quoted\''


def article(slug: str, date: str, topics: list[str], mentions: dict[str, int],
            paragraphs: int = 3, **extra: Any) -> dict[str, Any]:
    """Front matter as the pipeline writes it (markdown_writer.front_matter)."""
    header: dict[str, Any] = {
        "title": extra.pop("title", f"Story {slug}"),
        "slug": slug,
        "date": date,
        "capture": f"{slug}.txt",
        "summary": f"Summary of {slug}.",
        "provenance": {"title": "capture", "date": "capture"},
        "topics": topics,
        "entities": list(mentions),
        "entity_mentions": mentions,
        "outlet": "The Test Times",
        "authors": ["A. Writer"],
        "_paragraphs": paragraphs,
    }
    header.update(extra)
    return header


#: Four articles: war+energy (2022), war+diplomacy (2023), energy alone (2023), diplomacy (2024).
ARTICLES: list[dict[str, Any]] = [
    article("a-war-and-gas", "2022-03-01", ["war", "energy"], {"putin": 3, "xi": 1},
            events=[{"start": "2022-02-24", "end": None, "block": 1,
                     "sentence": "Russia invaded Ukraine on 24 February <2022>."}]),
    article("b-war-talks", "2023-03-20", ["war", "diplomacy"],
            {"putin": 2, "xi": 2, "kremlin": 1},
            events=[{"start": "2023-03-01", "end": None, "block": 0, "precision": "month",
                     "sentence": "Talks began in March 2023."},
                    {"start": "2023-03-20", "end": "2023-03-22", "block": 2,
                     "sentence": "Xi visited Moscow from 20 to 22 March."}]),
    article("c-gas-deal", "2023-06-01", ["energy"], {"gazprom": 4, "putin": 1},
            title=HOSTILE_TITLE),
    article("d-summit", "2024-05-16", ["diplomacy"], {"xi": 1, "moscow": 1},
            events=[{"start": "2022-01-01", "end": None, "block": 0, "precision": "year",
                     "sentence": "They met in 2022."}]),
]


def write_scenario(root: Path, articles: list[dict[str, Any]] | None = None,
                   taxonomy: dict[str, Any] | None = None) -> Path:
    """A content folder: taxonomy.yaml, articles/*.md, the about page. Returns its path."""
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text(
        "---\ntitle: About\nslug: about\ntemplate: about\n---\n\nAbout the test digest.\n",
        encoding="utf-8")
    (content / "taxonomy.yaml").write_text(
        yaml.safe_dump(taxonomy or TAXONOMY, sort_keys=False), encoding="utf-8")
    for header in articles if articles is not None else ARTICLES:
        header = dict(header)
        paragraphs = header.pop("_paragraphs", 3)
        body = "\n\n".join(header.pop("_body", None) or [
            f"Paragraph {i} of {header['slug']}." for i in range(paragraphs)])
        text = "---\n" + yaml.safe_dump(header, sort_keys=True, allow_unicode=True) + "---\n\n"
        (content / "articles" / f"{header['slug']}.md").write_text(text + body + "\n",
                                                                      encoding="utf-8")
    return content


def run_pelican(content: Path, output: Path, siteurl: str = "") -> subprocess.CompletedProcess[str]:
    """Pelican with the project's settings over ``content``, warnings fatal, as `make html`.

    Only the direct templates that belong to other features are left out (the search page
    needs the search index built by the content stage).
    """
    # wide COLUMNS: Pelican's rich console would wrap messages in the middle of paths
    env = {**os.environ, "DIGEST_CONTENT": str(content), "SITEURL": siteurl, "COLUMNS": "500"}
    return subprocess.run(
        [str(BIN / "pelican"), str(content), "-s", str(ROOT / "pelican.conf.py"),
         "-o", str(output), "--fatal", "warnings",
         "-e", 'DIRECT_TEMPLATES=["index", "archives", "404"]'],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


def build(root: Path, articles: list[dict[str, Any]] | None = None,
          taxonomy: dict[str, Any] | None = None, siteurl: str = "") -> Path:
    """Write a scenario under ``root`` and build it; fail with Pelican's output if it fails."""
    content = write_scenario(root, articles, taxonomy)
    output = root / "output"
    result = run_pelican(content, output, siteurl)
    assert result.returncode == 0, f"pelican failed:\n{result.stdout}\n{result.stderr}"
    return output


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def links(html: str) -> list[tuple[str, str]]:
    """(href, text) of every link, in order."""
    parser = _Links()
    parser.feed(html)
    return parser.links


def section(html: str, heading_id: str) -> str:
    """The HTML from the element with id ``heading_id`` to the end of its <section>."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start : end if end != -1 else None]


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
