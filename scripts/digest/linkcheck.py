"""Check every internal link and ``#anchor`` of a built site, offline.

1. read every ``.html`` file of the output folder and list every other file;
2. parse each page once: the URLs it points at (``href``, ``src``, form ``action``) and the
   ids it defines (``id``, ``<a name>``);
3. resolve each URL against its page: internal targets must exist (a folder means its
   ``index.html``) and a ``#fragment`` must be an id of the target page; external URLs are
   counted, never fetched (the build machine has no network and should not need one).

``check_links`` is pure (page texts in, report out) so tests feed it small dictionaries;
``check_site`` reads a folder; ``main`` is the command line:
``python -m digest.linkcheck output/ [--site-url https://example.org/digest]``.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Elements and the attribute that holds the URL they load or point to.
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src",),
    "script": ("src",), "iframe": ("src",), "source": ("src",), "audio": ("src",),
    "video": ("src", "poster"), "track": ("src",), "form": ("action",),
}
#: Fragments every page has: "" (the page itself) and "top" (HTML scrolls to the top).
BUILTIN_FRAGMENTS = frozenset({"", "top"})
#: Schemes that leave the site; counted as external, never fetched.
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp"})


@dataclass(frozen=True)
class Broken:
    page: str  # path of the page, relative to the site root, with /
    url: str  # as written in the page
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.problem}"


@dataclass(frozen=True)
class LinkReport:
    pages: int
    internal: int  # internal URLs checked
    external: int  # external URLs counted, not fetched
    broken: tuple[Broken, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.broken

    def summary(self) -> str:
        return (f"{self.pages} pages, {self.internal} internal links checked, "
                f"{self.external} external links not fetched, {len(self.broken)} broken")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for attribute in URL_ATTRIBUTES.get(tag, ()):
            url = values.get(attribute)
            if url is not None:
                self.urls.append(url.strip())

    handle_startendtag = handle_starttag


def parse_page(html: str) -> tuple[list[str], set[str]]:
    """The URLs a page points at (in order) and the ids it defines."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.urls, parser.ids


def _resolve(page: str, url: str, site_url: str) -> tuple[str, str, str] | str:
    """("internal", path, fragment), or "external", or a problem for a URL that cannot work."""
    if site_url and (url == site_url or url.startswith(site_url + "/")):
        url = url[len(site_url):] or "/"  # an absolute link to this very site is internal
        base_path = urlsplit(site_url).path.rstrip("/")
        url = base_path + url if url.startswith("/") else url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme or parts.netloc:
        if scheme in EXTERNAL_SCHEMES or (not scheme and parts.netloc):
            return "external"
        return f"the {scheme}: scheme has no place in a static site"
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if not path:
        return ("internal", page, fragment)
    if path.startswith("/"):
        prefix = urlsplit(site_url).path.rstrip("/") if site_url else ""
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix):]
        joined = path.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    normal = posixpath.normpath(joined) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return "points above the site root"
    if path.endswith("/") or normal == ".":
        normal = posixpath.join(normal, "index.html") if normal != "." else "index.html"
    return ("internal", normal, fragment)


def check_links(
    pages: Mapping[str, str], files: Collection[str], site_url: str = ""
) -> LinkReport:
    """Check the links of ``pages`` ({path: html}) against ``files`` (every path of the site).

    Paths are relative to the site root with ``/`` separators. A link to a folder resolves to
    its ``index.html``. ``site_url`` (the published address, if any) makes absolute links to the
    site itself count as internal.
    """
    site_url = site_url.rstrip("/")
    parsed = {path: parse_page(html) for path, html in pages.items()}
    existing = set(files) | set(pages)
    broken: list[Broken] = []
    internal = external = 0
    for page in sorted(parsed):
        for url in parsed[page][0]:
            target = _resolve(page, url, site_url)
            if target == "external":
                external += 1
                continue
            if isinstance(target, str):
                broken.append(Broken(page, url, target))
                continue
            internal += 1
            _, path, fragment = target
            if path not in existing:
                if path + "/index.html" in existing:
                    path += "/index.html"
                else:
                    broken.append(Broken(page, url, f"no file {path}"))
                    continue
            if fragment in BUILTIN_FRAGMENTS:
                continue
            if path not in parsed:
                broken.append(Broken(page, url, f"#{fragment} on a file that is not a page"))
            elif fragment not in parsed[path][1]:
                broken.append(Broken(page, url, f"no id {fragment!r} in {path}"))
    return LinkReport(len(pages), internal, external, tuple(broken))


def check_site(root: Path, site_url: str = "") -> LinkReport:
    """Read every file under ``root`` and check the links of its HTML pages."""
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    pages = {f: (root / f).read_text(encoding="utf-8", errors="replace")
             for f in files if f.endswith(".html")}
    return check_links(pages, files, site_url)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="the built site, e.g. output/")
    parser.add_argument("--site-url", default="", help="the published address (SITEURL)")
    args = parser.parse_args(argv)
    if not args.output.is_dir():
        print(f"{args.output}: no such folder. Fix: build the site first (make html)",
              file=sys.stderr)
        return 2
    report = check_site(args.output, args.site_url)
    for problem in report.broken:
        print(problem, file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
