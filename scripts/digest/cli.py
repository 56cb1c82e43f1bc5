"""The `digest` command: thin wrappers around the pipeline. No logic lives here."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import DigestError

DEFAULT_CONTENT = Path("content")


def _clean(args: argparse.Namespace) -> int:
    from . import capture, cleaning, repair

    cap = capture.read_stdin() if args.path == "-" else capture.read_capture(Path(args.path))
    cleaned = repair.repair_cleaned(cleaning.clean(cap))
    if not cleaned.blocks:
        # still exit 0: an empty body is a result (tools score it), but the editor is told
        sys.stderr.write(f"{cap.path}: no article text found (every line looks like page "
                         "furniture). Fix: check the capture, or force lines with 'keep:' in "
                         "content/curation.yaml\n")
    if args.json:
        json.dump(cleaning.to_json(cleaned), sys.stdout, ensure_ascii=False, indent=2,
                  sort_keys=True)
        sys.stdout.write("\n")
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
    (sys.stdout if result.ok else sys.stderr).write(text)
    return 0 if result.ok else 1


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
    from .pipeline import ContentPaths, capture_files
    from .suggest import suggest
    from .taxonomy import load_taxonomy

    paths = ContentPaths(Path(args.content))
    taxonomy = load_taxonomy(paths.taxonomy)
    texts: list[str] = []
    for path in capture_files(paths.captures):
        try:
            cleaned = cleaning.clean(capture.read_capture(path))
        except DigestError as exc:
            sys.stderr.write(f"{exc}\n")
            continue
        texts.extend(block.text for block in cleaned.blocks)
    for name, count in suggest(texts, taxonomy, min_count=args.min_count):
        print(f"{count:5d}  {name}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="digest", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("clean", help="print the cleaned article body of one capture")
    c.add_argument("path", help="a .txt or .html capture, or - for standard input")
    c.add_argument("--json", action="store_true",
                   help="print the whole record: metadata with provenance, every line's kind")
    c.set_defaults(func=_clean)

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

    g = sub.add_parser("suggest", help="list frequent names that the taxonomy lacks")
    g.add_argument("--content", default=str(DEFAULT_CONTENT))
    g.add_argument("--min-count", type=int, default=2)
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
