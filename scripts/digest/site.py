"""The editor's ``site.yaml``: the digest's identity (name, tagline, language, About page...).

Format::

    name: "Digest: China and Russia"          # the site's name, in every page's header
    tagline: "A curated digest of ..."        # the home page's heading
    description: "..."                        # what search engines show (default: the tagline)
    language: en                              # the language of the articles (BCP 47: en, fr, pt-BR)
    editor: "Jane Doe"                        # optional: who curates the digest
    url: "https://you.github.io/digest"       # optional: where it is published
    about: about.md                           # the About page: a Markdown file beside site.yaml,
                                              # or the text itself

``pelican.conf.py`` reads it, and ``digest content`` turns ``about`` into the About page (a
generated file in ``site-pages/``), so nothing of the editor's lives in code. ``SITEURL`` in
the environment still wins over ``url`` when publishing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import DigestError, Problem
from .yamlfile import KeyLines, load_yaml, read_yaml_text

FILE_NAME = "site.yaml"
#: generated pages (the About page), beside articles/; Pelican reads it through PAGE_PATHS
GENERATED_PAGES = "site-pages"
ABOUT_TITLE = "About this digest"

KEYS = ("name", "tagline", "description", "language", "editor", "url", "about")
REQUIRED = ("name", "tagline", "language", "about")

#: a language tag as HTML's lang attribute takes it: "en", "fr", "pt-BR", "zh-Hant"
LANGUAGE_RE = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")
#: the About value names a file when it is one word ending in .md (anything else is the text)
ABOUT_FILE_RE = re.compile(r"^[\w./-]+\.(?:md|markdown)$")
#: a name or tagline longer than this is a paste accident
MAX_LINE = 200


@dataclass(frozen=True)
class Site:
    """What the site says about itself. ``about`` is Markdown, ``about_source`` where it was."""

    name: str
    tagline: str
    description: str
    language: str
    about: str
    about_source: str
    editor: str | None = None
    url: str | None = None


def site_path(content: Path) -> Path:
    return content / FILE_NAME


def load_site(content: Path) -> Site:
    """Read and check ``content/site.yaml``; one DigestError holding every problem."""
    path = site_path(content)
    if not path.exists():
        raise DigestError.one(path, "", "the file is missing (it names the site and holds "
                              "its About page)", "run '.venv/bin/digest init' to start a new "
                              "digest, or write it as the README's 'Start your own digest' says")
    text = read_yaml_text(path)
    duplicates: list[Problem] = []
    data = load_yaml(path, text, duplicates)
    return parse_site(data, path, KeyLines(text), duplicates)


def parse_site(data: Any, path: Path, lines: KeyLines | dict[tuple[object, ...], int],
               duplicates: list[Problem] | None = None) -> Site:
    problems: list[Problem] = list(duplicates or [])

    def problem(key: str, what: str, fix: str) -> None:
        line = lines.get((key,)) if key else None
        where = f"{line} ({key})" if line else key
        problems.append(Problem(str(path), where, what, fix))

    if not isinstance(data, dict):
        problem("", "expected 'key: value' lines (name, tagline, language, about, ...)",
                "write the file as 'digest init' does, one 'key: value' per line")
        raise DigestError(problems)
    for key in data:
        if key not in KEYS:
            problem(str(key), f"unknown key {key!r}", f"use only: {', '.join(KEYS)}")
    for key in REQUIRED:
        if data.get(key) is None:
            problems.append(Problem(str(path), "", f"'{key}' is missing",
                                    f"add a line '{key}: ...' ({_HINTS[key]})"))
    values: dict[str, str | None] = {}
    for key in KEYS:
        value = data.get(key)
        if value is None:
            values[key] = None
            continue
        if not isinstance(value, str) or not value.strip():
            problem(key, f"'{key}' must be text, found {value!r}",
                    f"write '{key}: \"...\"' ({_HINTS[key]})")
            values[key] = None
            continue
        values[key] = value.strip() if key == "about" else " ".join(value.split())
    for key in ("name", "tagline", "description", "editor"):
        value = values[key]
        if value is not None and len(value) > MAX_LINE:
            problem(key, f"'{key}' is {len(value)} characters long (limit {MAX_LINE})",
                    "shorten it to one line")
    language = values["language"]
    if language is not None and not LANGUAGE_RE.match(language):
        problem("language", f"{language!r} is not a language tag",
                "write a tag such as en, fr, de or pt-BR")
    url = values["url"]
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problem("url", f"{url!r} is not an http(s) address",
                    "write the full address, e.g. https://you.github.io/digest, or remove 'url'")
    about, about_source = _about(values["about"], path, problem)
    if problems:
        raise DigestError(problems)
    assert values["name"] and values["tagline"] and language  # checked above
    return Site(
        name=values["name"], tagline=values["tagline"],
        description=values["description"] or values["tagline"], language=language,
        about=about, about_source=about_source, editor=values["editor"],
        url=url.rstrip("/") if url else None,
    )


_HINTS = {
    "name": "the site's name, shown in every page's header",
    "tagline": "one line shown as the home page's heading",
    "description": "one sentence for search engines",
    "language": "the language of the articles, e.g. en",
    "editor": "your name",
    "url": "where the site is published, e.g. https://you.github.io/digest",
    "about": "the About page: a Markdown file beside site.yaml such as about.md, or the text",
}


def _about(value: str | None, path: Path, problem: Any) -> tuple[str, str]:
    """The About page's Markdown and where it came from (the file it names, or site.yaml)."""
    if value is None:
        return "", ""
    if "\n" not in value and ABOUT_FILE_RE.match(value):
        target = (path.parent / value).resolve()
        if path.parent.resolve() not in target.parents:
            problem("about", f"{value!r} is outside the content folder",
                    "put the About file beside site.yaml")
            return "", ""
        if not target.is_file():
            problem("about", f"the About file {value!r} does not exist",
                    f"create {path.parent / value} (Markdown), or write the text in 'about:'")
            return "", ""
        try:
            text = target.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problem("about", f"cannot read the About file {value!r} ({exc})",
                    "save it as UTF-8 text")
            return "", ""
        if not text.strip():
            problem("about", f"the About file {value!r} is empty",
                    "write a few sentences on what the digest covers and how")
        return text.strip() + "\n", value
    return value + "\n", FILE_NAME


def about_page(site: Site) -> str:
    """The generated About page: a header for Pelican, then the editor's Markdown as written."""
    return (
        "---\n"
        f"title: {ABOUT_TITLE}\n"
        "slug: about\n"
        "template: about\n"
        "---\n\n"
        + site.about
    )


def write_generated_pages(content: Path, site: Site) -> None:
    """Write ``site-pages/about.md`` (only when its bytes change: Pelican caches by mtime)."""
    folder = content / GENERATED_PAGES
    folder.mkdir(exist_ok=True)
    target = folder / "about.md"
    data = about_page(site).encode("utf-8")
    if target.exists() and target.read_bytes() == data:
        return
    tmp = target.with_suffix(".md.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


def pages_conflicts(content: Path) -> list[Problem]:
    """An About page the editor wrote in pages/ would collide with the generated one."""
    problems = []
    for name in ("about.md", "about.markdown"):
        path = content / "pages" / name
        if path.exists():
            problems.append(Problem(str(path), "", "the About page now comes from site.yaml",
                                    "move its text (without the '---' header) to "
                                    f"{content / 'about.md'}, write 'about: about.md' in "
                                    "site.yaml, and delete this file"))
    return problems


#: What `digest init` writes: every key explained, the editor's values to fill in.
TEMPLATE = """\
# The digest's identity: read by pelican.conf.py and `digest content`. Nothing of the
# editor's lives in code; change anything here and run `make html`.

# The site's name, in every page's header and the browser tab.
name: "My digest"

# One line, the home page's heading.
tagline: "A curated digest of reporting on one subject"

# One or two sentences for search engines and link previews (default: the tagline).
description: "Articles on one subject, collected and cleaned by an editor."

# The language of the articles, as a tag: en, fr, de, pt-BR...
language: en

# Your name, shown at the foot of every page (optional: remove the # to show it).
# editor: "Your Name"

# Where the site will be published (optional). `make publish` uses it when SITEURL is not set
# in the environment, e.g. https://you.github.io/digest
# url: "https://you.github.io/digest"

# The About page: a Markdown file beside this one (about.md), or the text itself, e.g.
#   about: |
#     This digest follows ...
about: about.md
"""

ABOUT_TEMPLATE = """\
This digest collects reporting on one subject. Say here what it covers, how you choose the
articles and since when.

(This text is `content/about.md`; `about:` in `content/site.yaml` names it.)
"""
