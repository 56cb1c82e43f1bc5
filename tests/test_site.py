"""content/site.yaml: the digest's identity is content, read by pelican.conf.py."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from digest.errors import DigestError
from digest.site import about_page, load_site

from .conftest import BIN, ROOT, copy_content

GOOD = """\
# a comment
name: "Space Notes"
tagline: "Reporting on space exploration"
language: fr
editor: "A. Editor"
url: "https://example.org/space/"
about: |
  This digest follows **space**.
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DigestError) as info:
        load_site(write(tmp_path, text))
    return [str(p) for p in info.value.problems]


def test_every_key_is_read(tmp_path: Path) -> None:
    site = load_site(write(tmp_path, GOOD))
    assert (site.name, site.tagline, site.language, site.editor, site.url) == (
        "Space Notes", "Reporting on space exploration", "fr", "A. Editor",
        "https://example.org/space")
    assert site.description == site.tagline  # the default
    assert site.about == "This digest follows **space**.\n" and site.about_source == "site.yaml"
    assert about_page(site).startswith("---\ntitle: About this digest\nslug: about\n")


def test_about_from_a_file_beside_it(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("## Who\n\nMe.\n", encoding="utf-8")
    site = load_site(write(tmp_path, GOOD.split("about:")[0] + "about: about.md\n"))
    assert (site.about, site.about_source) == ("## Who\n\nMe.\n", "about.md")


@pytest.mark.parametrize(("text", "expected"), [
    (GOOD.replace("language: fr", "language: French!"),
     "site.yaml:4 (language): 'French!' is not a language tag. Fix: write a tag such as en"),
    (GOOD.replace('url: "https://example.org/space/"', "url: example.org"),
     "site.yaml:6 (url): 'example.org' is not an http(s) address. Fix: write the full address"),
    (GOOD.replace('name: "Space Notes"', "name: 42"),
     "site.yaml:2 (name): 'name' must be text, found 42. Fix: write 'name: \"...\"'"),
    (GOOD.replace("editor:", "editr:"),
     "site.yaml:5 (editr): unknown key 'editr'. Fix: use only: name, tagline"),
    (GOOD.replace('tagline: "Reporting on space exploration"\n', ""),
     "site.yaml: 'tagline' is missing. Fix: add a line 'tagline: ...'"),
    (GOOD.split("about:")[0] + "about: missing.md\n",
     "site.yaml:7 (about): the About file 'missing.md' does not exist. Fix: create"),
    (GOOD.split("about:")[0] + "about: ../../etc/passwd.md\n",
     "site.yaml:7 (about): '../../etc/passwd.md' is outside the content folder"),
])
def test_a_bad_value_names_file_line_key_and_fix(tmp_path: Path, text: str,
                                                 expected: str) -> None:
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    assert found[0].startswith(f"{tmp_path}/{expected}"), found


def test_a_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(DigestError, match=r"site.yaml: the file is missing .*Fix: run .*init"):
        load_site(tmp_path)


def test_pelican_conf_holds_nothing_of_the_editors() -> None:
    conf = (ROOT / "pelican.conf.py").read_text(encoding="utf-8")
    for word in ("China", "Russia", "Sino", "SITENAME = \""):
        assert word not in conf


def test_a_bad_site_yaml_stops_pelican_with_the_message_not_a_traceback(
        tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    text = (content / "site.yaml").read_text(encoding="utf-8")
    (content / "site.yaml").write_text(text.replace("language: en", "language: 12"),
                                       encoding="utf-8")
    env = {**os.environ, "DIGEST_CONTENT": str(content), "SITEURL": ""}
    result = subprocess.run(
        [str(BIN / "pelican"), str(content), "-s", str(ROOT / "pelican.conf.py"),
         "-o", str(tmp_path / "out")], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{content / 'site.yaml'}:" in result.stderr and "'language' must be text" in \
        result.stderr


def test_the_default_digest_takes_its_name_and_about_page_from_site_yaml(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Digest: China and Russia</title>" in home
    about = (site / "about.html").read_text(encoding="utf-8")
    assert "This digest follows <strong>relations between China and Russia</strong>" in about
