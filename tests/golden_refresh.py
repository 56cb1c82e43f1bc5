"""`make golden`: rewrite the golden files of the seed captures from the current code.

Golden files are reviewed by reading them: run this, then read `git diff tests/golden` and
commit only what is right. The keep/drop phrase lists beside them are written by hand and are
never touched here.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from digest.cleaning import write_golden
from digest.pipeline import build_content

ROOT = Path(__file__).resolve().parent.parent
CAPTURES = ROOT / "tests" / "fixtures" / "digest" / "captures"
GOLDEN = ROOT / "tests" / "golden"


def golden_markdown() -> dict[str, str]:
    """The Markdown the pipeline writes for each seed, keyed by capture file stem."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(CAPTURES.parent, content, ignore=shutil.ignore_patterns("articles"))
        report = build_content(content, cache_folder=None, jobs=1)
        if not report.ok:
            raise SystemExit("\n".join(str(p) for p in report.problems))
        slugs = {c.slug: Path(c.name).stem for c in report.captures}
        return {
            slugs[md.stem]: md.read_text(encoding="utf-8")
            for md in sorted((content / "articles").glob("*.md"))
        }


def main() -> int:
    seeds = sorted(CAPTURES.glob("*.txt"))
    for written in write_golden(seeds, GOLDEN / "lines"):
        print(written)
    folder = GOLDEN / "markdown"
    folder.mkdir(parents=True, exist_ok=True)
    for stem, text in golden_markdown().items():
        target = folder / f"{stem}.md"
        target.write_text(text, encoding="utf-8")
        print(target)
    print("now read the diff: git diff tests/golden", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
