"""The `digest` command: thin wrappers around the pipeline. No logic lives here."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import DigestError, Problem
from .model import BODY_KINDS, Cleaned

DEFAULT_CONTENT = Path("content")


def _digest_of(path: Path) -> Path | None:
    """The content folder a capture belongs to (``<root>/captures/<name>``), if any."""
    root = path.resolve().parent.parent
    if path.resolve().parent.name == "captures" and (root / "curation.yaml").exists():
        return root
    return None


def _curated(cleaned: Cleaned, path: Path) -> Cleaned:
    """``cleaned`` with its digest's curation.yaml entry applied (as it will be published)."""
    from .curation import apply_curation, load_curation
    from .pipeline import ContentPaths, capture_files
    from .taxonomy import load_taxonomy

    root = _digest_of(path)
    if root is None:
        return cleaned
    paths = ContentPaths(root)
    try:
        slugs: tuple[str, ...] | None = load_taxonomy(paths.taxonomy).topic_slugs
    except DigestError:
        slugs = None  # `make check` reports it; the body does not depend on it
    names = [p.name for p in capture_files(paths.captures)]
    entry = load_curation(paths.curation, names, slugs).get(path.name)
    return apply_curation(cleaned, entry, path.name)


def _clean(args: argparse.Namespace) -> int:
    from . import capture, cleaning, repair

    path = Path(args.path)
    cap = capture.read_stdin() if args.path == "-" else capture.read_capture(path)
    cleaned = repair.repair_cleaned(cleaning.clean(cap))
    if not args.raw and args.path != "-":
        cleaned = repair.repair_cleaned(_curated(cleaned, path))
    if not cleaned.blocks:
        # still exit 0: an empty body is a result (tools score it), but the editor is told
        sys.stderr.write(f"{cap.path}: no article text found (every line looks like page "
                         "furniture). Fix: check the capture, or force lines with 'keep:' in "
                         "content/curation.yaml\n")
    if args.json:
        json.dump(cleaning.to_json(cleaned), sys.stdout, ensure_ascii=False, indent=2,
                  sort_keys=True)
        sys.stdout.write("\n")
    elif args.lines:
        for line in cleaned.lines:
            published = "+" if line.kind in BODY_KINDS else " "
            sys.stdout.write(f"{line.number:5d} {published} {line.kind:11s} {line.rule:24s} "
                             f"{line.text}\n")
    else:
        sys.stdout.write(cleaning.render_plain(cleaned))
    return 0


def _content(args: argparse.Namespace) -> int:
    from . import report
    from .pipeline import build_content, default_cache_folder

    content = Path(args.content)
    cache = None if args.no_cache else Path(
        os.environ.get("DIGEST_CACHE") or default_cache_folder(content))
    result = build_content(content, write=not args.dry_run, cache_folder=cache, jobs=args.jobs)
    text = report.full(result) if args.full else report.summary(result)
    if result.ok and getattr(args, "quiet", False):
        text = ""  # `make html` has printed `digest check`'s report already
    (sys.stdout if result.ok else sys.stderr).write(text)
    return 0 if result.ok else 1


def _check(args: argparse.Namespace) -> int:
    """The editor's content, checked without building: files, captures, warnings."""
    from . import report
    from .pipeline import build_content, default_cache_folder
    from .site import load_site

    content = Path(args.content)
    problems: list[Problem] = []
    try:
        load_site(content)
    except DigestError as exc:
        problems.extend(exc.problems)
    cache = Path(os.environ.get("DIGEST_CACHE") or default_cache_folder(content))
    result = build_content(content, write=False, cache_folder=cache)
    if problems:  # site.yaml missing or broken: said with the other files' mistakes
        result = type(result)((), tuple(sorted({*problems, *result.problems})),
                              configuration=True)
    text = report.summary(result)
    if result.ok:
        text += "check: the content is ready to build\n"
    (sys.stdout if result.ok else sys.stderr).write(text)
    return 0 if result.ok else 1


def _init(args: argparse.Namespace) -> int:
    from .scaffold import init_digest

    content = Path(args.content)
    result = init_digest(content, force=args.force)
    if result.removed_captures:
        print(f"removed {len(result.removed_captures)} captures from {content / 'captures'}")
    for path in result.written:
        print(f"wrote {path}")
    print(f"a new, empty digest is in {content}/. Next: name it in {content / 'site.yaml'}, "
          "add captures with '.venv/bin/digest add FILE-OR-URL', then 'make html'.")
    return 0


def _add(args: argparse.Namespace) -> int:
    import datetime as dt

    from . import add

    if len(args.sources) > 1 and (args.title or args.url or args.name):
        raise DigestError.one("digest add", "", "--title, --url and --name describe one "
                              "capture, and several were given", "add those captures one by one")
    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise DigestError.one("digest add", "--date", f"{args.date!r} is not a date",
                                  "write it as YYYY-MM-DD, e.g. 2024-05-16") from None
    given = add.Given(title=args.title, date=date, outlet=args.outlet, url=args.url,
                      name=args.name)
    if args.url and not add.is_url(args.url):
        raise DigestError.one("digest add", "--url", f"{args.url!r} is not an http(s) address",
                              "write the full address, starting with https://")
    failed = 0
    for source in args.sources:
        try:
            added = add.add_capture(Path(args.content), add.read_source(source, sys.stdin.buffer),
                                    given)
        except DigestError as exc:
            sys.stderr.write(f"{exc}\n")
            failed += 1
            continue
        print("\n".join(add.describe(added)))
    return 2 if failed else 0


def _report(args: argparse.Namespace) -> int:
    args.full, args.dry_run, args.no_cache, args.jobs = True, True, True, 1
    return _content(args)


def _review(args: argparse.Namespace) -> int:
    from .pipeline import default_cache_folder
    from .review import build_review, summary

    content, out = Path(args.content), Path(args.out)
    cache = None if args.no_cache else Path(
        os.environ.get("DIGEST_CACHE") or default_cache_folder(content))
    result = build_review(content, out, cache_folder=cache, jobs=args.jobs)
    (sys.stderr if result.problems else sys.stdout).write(summary(result, out))
    return 1 if result.problems else 0


def _suggest(args: argparse.Namespace) -> int:
    from . import capture, cleaning
    from .curation import apply_curation, load_curation
    from .pipeline import ContentPaths, capture_files
    from .suggest import suggest
    from .taxonomy import load_taxonomy

    paths = ContentPaths(Path(args.content))
    taxonomy = load_taxonomy(paths.taxonomy)
    files = capture_files(paths.captures)
    curation = load_curation(paths.curation, (p.name for p in files), taxonomy.topic_slugs)
    texts: list[str] = []
    owners: list[str] = []
    for path in files:
        try:
            # what will be published: lines the editor dropped are not read
            cleaned = apply_curation(cleaning.clean(capture.read_capture(path)),
                                     curation.get(path.name), path.name)
        except DigestError as exc:
            sys.stderr.write(f"{exc}\n")
            continue
        for block in cleaned.blocks:
            if block.kind == "paragraph":  # title-case subheadings are no sentences
                texts.append(block.text)
                owners.append(path.name)
    for name, count in suggest(texts, taxonomy, min_count=args.min_count, captures=owners):
        print(f"{count:5d}  {name}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="digest", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser(
        "clean", help="print the article body of one capture as it will be published",
        description="Print the article body of one capture as it will be published: when the "
        "capture is in a digest's captures/ folder, that digest's curation.yaml entry (facts, "
        "keep/drop) is applied.")
    c.add_argument("path", help="a .txt or .html capture, or - for standard input")
    c.add_argument("--raw", action="store_true",
                   help="the cleaner alone: ignore curation.yaml")
    c.add_argument("--lines", action="store_true",
                   help="every line of the capture: number, + if published, kind, the rule "
                   "that decided it, text (the numbers 'keep:'/'drop:' take)")
    c.add_argument("--json", action="store_true",
                   help="print the whole record: metadata with provenance, every line's kind")
    c.set_defaults(func=_clean)

    i = sub.add_parser("init", help="start a new, empty digest in the content folder",
                       description="Write a commented site.yaml and about.md, a taxonomy.yaml "
                       "with no topics yet, an empty curation.yaml and an empty captures/.")
    i.add_argument("--content", default=str(DEFAULT_CONTENT),
                   help="the content folder (default: content)")
    i.add_argument("--force", action="store_true",
                   help="replace a digest that is there already, deleting its captures")
    i.set_defaults(func=_init)

    a = sub.add_parser(
        "add", help="add captures to the digest: files, - (a paste) or http(s) addresses",
        description="Copy each capture, byte for byte, into captures/ as "
        "<headline>-<hash>.<ext>, write its entry in curation.yaml (given facts, and a "
        "commented line for each missing one), and print what the cleaner found.")
    a.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="a .txt or .html file, - to paste the text on standard input, or an "
                   "http(s) address (fetched once and saved as an HTML capture)")
    a.add_argument("--title", help="the headline, when the capture lacks it or gets it wrong")
    a.add_argument("--date", help="the publication date, YYYY-MM-DD")
    a.add_argument("--outlet", help="the publication, e.g. 'The Guardian'")
    a.add_argument("--url", help="the article's original address")
    a.add_argument("--name", help="name the capture file after this instead of the headline")
    a.add_argument("--content", default=str(DEFAULT_CONTENT),
                   help="the content folder (default: content)")
    a.set_defaults(func=_add)

    k = sub.add_parser("check", help="check the editor's content without building the site",
                       description="Check site.yaml, taxonomy.yaml, curation.yaml and every "
                       "capture as 'make content' would, print every warning, write nothing.")
    k.add_argument("--content", default=str(DEFAULT_CONTENT),
                   help="the content folder (default: content)")
    k.set_defaults(func=_check)

    for name, func, text in (
        ("content", _content, "turn content/captures into content/articles (Markdown)"),
        ("report", _report, "show what the cleaner kept, dropped and was unsure of, per capture"),
    ):
        s = sub.add_parser(name, help=text)
        s.add_argument("--content", default=str(DEFAULT_CONTENT),
                       help="the content folder (default: content)")
        if name == "content":
            s.add_argument("--full", action="store_true", help="print the full report")
            s.add_argument("--dry-run", action="store_true", help="write nothing")
            s.add_argument("--quiet", action="store_true",
                           help="print nothing unless a capture cannot be published")
        s.add_argument("--no-cache", action="store_true",
                       help="clean every capture again (the cache is .digest-cache/)")
        s.add_argument("--jobs", type=int, default=None,
                       help="worker processes (default: one per core)")
        s.set_defaults(func=func)

    r = sub.add_parser("review", help="write the review pages: every line of every capture with "
                       "the cleaner's verdict, warnings and facts (make review)")
    r.add_argument("--content", default=str(DEFAULT_CONTENT),
                   help="the content folder (default: content)")
    r.add_argument("--out", default="review",
                   help="the folder to write (default: review); only pages that changed are "
                        "written again")
    r.add_argument("--no-cache", action="store_true",
                   help="clean every capture again (the cache is .digest-cache/)")
    r.add_argument("--jobs", type=int, default=None,
                   help="worker processes (default: one per core)")
    r.set_defaults(func=_review)

    g = sub.add_parser(
        "suggest", help="list frequent names that the taxonomy lacks",
        description="List the names (runs of capitalised words such as 'Power of Siberia', and "
        "single capitalised words not at a sentence start such as 'NASA') that the published "
        "text of the captures mentions and no topic or entity alias of taxonomy.yaml covers, "
        "most frequent first. Lines the cleaner or the editor dropped are not read.")
    g.add_argument("--content", default=str(DEFAULT_CONTENT),
                   help="the content folder (default: content)")
    g.add_argument("--min-count", type=int, default=2,
                   help="list a name only when it occurs at least this often (default: 2); a "
                   "one-word name must also occur in at least two captures")
    g.set_defaults(func=_suggest)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except DigestError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except BrokenPipeError:  # `digest clean x | head` is fine
        return 0


if __name__ == "__main__":
    sys.exit(main())
