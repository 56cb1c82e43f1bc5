"""`digest init`: start a new, empty digest in a content folder.

Writes a commented ``site.yaml`` and ``about.md``, a ``taxonomy.yaml`` that explains its
format and holds no topics yet, a ``curation.yaml`` with no entries and an empty
``captures/``. Captures are the editor's work: they are never deleted without ``--force``.
The generated ``articles/`` and ``site-pages/`` go too (the next build makes them again);
``extra/`` (favicon, robots.txt) and any other page in ``pages/`` are left alone.
"""

from __future__ import annotations

import base64
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import DigestError
from .pipeline import ContentPaths, capture_files
from .site import ABOUT_TEMPLATE, GENERATED_PAGES
from .site import TEMPLATE as SITE_TEMPLATE

TAXONOMY_TEMPLATE = """\
# The editor's taxonomy: the topics and entities (people, organisations, places) that articles
# are tagged with. A new digest has none yet: the site is built without topic pages, and
# `make content` warns about each article that matches no topic. `digest suggest` lists the
# names the captures mention most that no topic or entity covers yet.
#
# topics: a list; each item has
#   slug:        lowercase letters, digits and hyphens; used in URLs (topics/<slug>.html); unique
#   name:        the heading shown on the site
#   description: one neutral, factual paragraph
#   aliases:     keywords and names that count as evidence for the topic (may be empty: the
#                topic is then only given by 'topics:' in curation.yaml)
#   parent:      optional, the slug of a broader topic
# entities: a list; each item has
#   slug, name, description (one line)
#   kind:        person | organisation | place
#   aliases:     every spelling that counts as a mention, the full name included
#
# How aliases match: whole words only (in Chinese, written without spaces, an alias matches
# inside a run of characters); an alias with a capital letter matches with exactly
# that case ("EU"); an all-lowercase alias matches any case and an optional plural s; an
# alias in Russian matches its words in any of their forms ("Путин": "Путина", "Путиным"); the
# longest alias wins where several start at the same place. An alias may belong to one topic
# and one entity at most. YAML anchors (&name, *name) and duplicate keys are refused.
#
# For example:
#
# topics:
#   - slug: space-exploration
#     name: Space exploration
#     description: >-
#       Missions to the Moon, Mars and beyond, and the agencies and companies behind them.
#     aliases: [space probe, orbiter, lander, launch]
#
# entities:
#   - slug: nasa
#     name: NASA
#     kind: organisation
#     description: The United States' space agency.
#     aliases: [NASA, National Aeronautics and Space Administration]

topics: []

entities: []
"""

CURATION_TEMPLATE = """\
# The editor's facts about each capture: what the capture lacks or gets wrong.
# `digest add` writes an entry here for every capture it adds, with a commented line for
# each fact it could not find; uncomment and fill them in.
# Keys per capture (all optional): title, dek, date (YYYY-MM-DD), outlet, authors (list), url,
# topics (extra topic slugs from taxonomy.yaml), note (shown on the article page),
# keep / drop (line numbers or exact line texts, to overrule the cleaner: see the numbers with
# `digest clean --lines content/captures/NAME`).
# The raw captures in content/captures/ are never edited; every correction lives here.
captures:
"""

#: every file `digest init` writes, relative to the content folder, with its text
FILES = {
    "site.yaml": SITE_TEMPLATE,
    "about.md": ABOUT_TEMPLATE,
    "taxonomy.yaml": TAXONOMY_TEMPLATE,
    "curation.yaml": CURATION_TEMPLATE,
}


#: extra/ holds what every page links to; a content folder without it gets these (a plain
#: 32x32 square icon, and a robots.txt that allows everything)
EXTRA = {
    "favicon.ico": base64.b64decode(
        "AAABAAEAICAAAAEAIACAAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAEdJREFU"
        "eNpj4I5Z+38gMcOoA0YdMOoAQgrIAaMOGHAHkOIYkh1AbfWjDhh1wKgDRh0w9Bww4EXxaG1IdweMtglHHTDq"
        "AFpjANeit3aP+fHcAAAAAElFTkSuQmCC"),
    "robots.txt": b"User-agent: *\nAllow: /\n",
}


@dataclass(frozen=True)
class InitResult:
    written: tuple[Path, ...]
    removed_captures: tuple[Path, ...]


def init_digest(root: Path, force: bool = False) -> InitResult:
    """Make ``root`` an empty digest. Without ``force``, refuse when it holds captures or
    editor's files that differ from the empty ones (nothing is written then)."""
    paths = ContentPaths(root)
    captures = capture_files(paths.captures)
    if not force:
        kept = [p for p in captures]
        kept += [root / name for name, text in FILES.items()
                 if (root / name).exists() and (root / name).read_text(
                     encoding="utf-8", errors="replace") != text]
        if kept:
            listed = ", ".join(str(p) for p in kept[:4]) + (" ..." if len(kept) > 4 else "")
            raise DigestError.one(
                root, "", f"holds a digest already ({len(captures)} captures; {listed})",
                "add '--force' to replace it with an empty digest (its captures are deleted; "
                "in a git clone 'git checkout -- content' brings them back), or pass "
                "'--content NEW-FOLDER'")
    root.mkdir(parents=True, exist_ok=True)
    for path in captures:
        path.unlink()
    paths.captures.mkdir(exist_ok=True)
    for generated in (paths.articles, root / GENERATED_PAGES):
        shutil.rmtree(generated, ignore_errors=True)
    # an About page the editor wrote in pages/ would now clash with the generated one
    for old in ("about.md", "about.markdown"):
        (root / "pages" / old).unlink(missing_ok=True)
    written = []
    for name, text in FILES.items():
        target = root / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    (root / "extra").mkdir(exist_ok=True)
    for name, data in EXTRA.items():  # the editor's own icon and robots.txt are kept
        target = root / "extra" / name
        if not target.exists():
            target.write_bytes(data)
            written.append(target)
    return InitResult(tuple(written), captures)
