"""The README's "Start your own digest" path, end to end, in a copy of the default digest:
`digest init --force`, three `digest add`, a two-topic taxonomy, a name in site.yaml, then the
real build. The site validates, its links resolve, and nothing of the default digest is left."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from digest.linkcheck import check_site

from .conftest import BIN, ROOT, build_site, copy_content
from .test_html_valid import vnu_errors

FIXTURES = ROOT / "tests" / "fixtures" / "editor"

TAXONOMY = """\
topics:
  - slug: moon
    name: The Moon
    description: Missions to the Moon and what they find there.
    aliases: [Moon, lunar]
  - slug: outer-planets
    name: The outer planets
    description: Jupiter, Saturn and their moons.
    aliases: [Jupiter, Europa]
entities:
  - slug: nasa
    name: NASA
    kind: organisation
    description: The United States' space agency.
    aliases: [NASA]
"""

#: what only the default digest says: its name, tagline, topics and About text
DEFAULT_TRACES = ("China and Russia", "Sino-Russian", "Xi Jinping", "Putin",
                  "The war in Ukraine", "Military cooperation", "relations between China")


def digest(*args: str, content: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "digest"), *args, "--content", str(content)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.mark.slow
def test_a_new_digest_from_init_to_a_valid_site(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    assert digest("init", content=content).returncode == 2  # captures are there: refused
    assert digest("init", "--force", content=content).returncode == 0

    # an empty digest builds, valid, with its empty states
    empty = tmp_path / "empty"
    result = build_site(content, empty)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "This digest has no articles yet" in (empty / "index.html").read_text()
    assert "No topics yet" in (empty / "topics" / "index.html").read_text()
    assert check_site(empty).ok

    added = [
        digest("add", str(FIXTURES / "europa-probe.txt"), "--title",
               "Europa probe passes its last test", content=content),
        digest("add", str(FIXTURES / "lunar-rover.txt"), "--date", "2024-06-05",
               content=content),
        digest("add", str(FIXTURES / "space-telescope.html"), content=content),
    ]
    for result in added:
        assert result.returncode == 0, result.stdout + result.stderr
    (content / "taxonomy.yaml").write_text(TAXONOMY, encoding="utf-8")
    site_yaml = (content / "site.yaml").read_text(encoding="utf-8")
    (content / "site.yaml").write_text(site_yaml.replace('name: "My digest"',
                                                         'name: "Space Notes"'),
                                       encoding="utf-8")
    (content / "about.md").write_text("Space Notes follows **space exploration**.\n",
                                      encoding="utf-8")
    check = digest("check", content=content)
    assert check.returncode == 0, check.stderr
    assert "3 of 3 captures published" in check.stdout

    output = tmp_path / "output"
    result = build_site(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "<title>Space Notes</title>" in home and "3 articles" in home
    assert "Europa probe passes its last test" in home
    topics = (output / "topics" / "index.html").read_text(encoding="utf-8")
    assert "The Moon" in topics and "The outer planets" in topics
    assert "space exploration" in (output / "about.html").read_text(encoding="utf-8")
    for page in output.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".json", ".xml"):
            text = page.read_text(encoding="utf-8", errors="replace")
            found = [t for t in DEFAULT_TRACES if t in text]
            assert not found, (page, found)
    assert check_site(output).ok
    for folder in (empty, output):
        errors = vnu_errors(folder)
        assert not errors, "\n".join(errors[:20])


def test_no_test_reads_the_editors_content_folder() -> None:
    """make test must pass whatever content/ holds: tests use tests/fixtures/digest (CONTENT)."""
    readers = [
        f"{path.name}:{n}"
        for path in sorted((ROOT / "tests").glob("*.py")) if path.name != Path(__file__).name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if 'ROOT / "content"' in line or "parents[1] / \"content\"" in line
    ]
    assert readers == []
