"""The `digest` command's contract: what tools and the editor rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import CONTENT

DIGEST = str(Path(sys.executable).parent / "digest")
SEED = CONTENT / "captures" / "004_bd47e933c52d98c4.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([DIGEST, *args], input=stdin, capture_output=True, check=False)


def test_clean_prints_the_body_only() -> None:
    done = run("clean", str(SEED))
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")
    assert text.startswith("Chinese troops will participate in a major Russian military")
    assert "By James Bickerton" not in text and "Allies, Pals or Foes" not in text
    assert "\n\n" in text and text.endswith("\n")


def test_clean_reads_standard_input() -> None:
    assert run("clean", "-", stdin=SEED.read_bytes()).stdout == run("clean", str(SEED)).stdout


def test_clean_json_has_every_line_with_kind_rule_and_provenance() -> None:
    record = json.loads(run("clean", "--json", str(SEED)).stdout)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert len(record["lines"]) >= len(lines) - 1
    assert all(line["kind"] and line["rule"] for line in record["lines"])
    assert record["metadata"]["authors"]["source"].startswith("capture line")


def test_an_empty_result_is_said_on_stderr_and_is_not_a_crash() -> None:
    done = run("clean", "-", stdin=b"Menu\nHome\n")
    assert done.returncode == 0 and done.stdout.strip() == b""
    assert b"no article text found" in done.stderr and b"Fix:" in done.stderr


def test_a_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    done = run("clean", str(binary))
    assert done.returncode == 2
    assert str(binary).encode() in done.stderr and b"Fix:" in done.stderr


def test_report_names_rules_and_fact_sources() -> None:
    done = run("report", "--content", str(CONTENT))
    text = done.stdout.decode("utf-8")
    assert "003_db78d442dcd96b00.txt" in text and "from curation.yaml" in text
    assert "dropped" in text
