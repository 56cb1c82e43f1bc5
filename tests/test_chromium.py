"""The browser the tests and benchmarks launch: found as documented, and kept off the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest import chromium


def test_chromium_never_resolves_names_off_the_machine() -> None:
    # without it Chromium sends DNS queries off the machine at start-up
    assert ("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost"
            in chromium.CHROMIUM_ARGS)
    assert "--disable-background-networking" in chromium.CHROMIUM_ARGS


def test_chromium_path_from_the_environment_wins(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    binary = tmp_path / "my-chromium"
    binary.write_text("")
    monkeypatch.setenv("CHROMIUM_PATH", str(binary))
    assert chromium.find_chromium() == str(binary)


def test_a_missing_browser_says_how_to_get_one(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="apt-get install chromium"):
        chromium.find_chromium()
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "nope"))
    with pytest.raises(FileNotFoundError, match="does not exist"):
        chromium.find_chromium()
