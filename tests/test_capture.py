"""Stage 1, read: decoding, repairs and refusals (digest.capture)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from digest.capture import MAX_CAPTURE_BYTES, decode_capture, read_capture
from digest.errors import DigestError

TEXT = "Putin and Xi met in Moscow.\nThe talks lasted two days — «долго».\n"


def _decode(data: bytes, name: str = "cap.txt"):
    return decode_capture(data, Path(name))


def test_utf8_plain() -> None:
    cap = _decode(TEXT.encode("utf-8"))
    assert cap.text == TEXT
    assert cap.encoding == "utf-8"
    assert cap.format == "text"
    assert cap.repairs == ()


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_bom_captures(bom: bytes, codec: str) -> None:
    cap = _decode(bom + TEXT.encode(codec))
    assert cap.text == TEXT
    assert "\ufeff" not in cap.text


def test_cp1251_capture() -> None:
    russian = (
        "Владимир Путин и Си Цзиньпин провели переговоры в Москве. "
        "Стороны обсудили торговлю, энергетику и безопасность.\n"
    ) * 3
    cap = _decode(russian.encode("cp1251"))
    assert cap.text == russian


def test_latin1_capture() -> None:
    text = "Le président a déclaré à la presse qu'il était très satisfait des négociations.\n" * 3
    cap = _decode(text.encode("latin-1"))
    assert cap.text == text


def test_mojibake_repaired_words_kept() -> None:
    broken = (
        "China\u00e2\u20ac\u2122s growth was \u00e2\u20ac\u0153pretty fast\u00e2\u20ac\u009d.\n"
    )
    cap = _decode(broken.encode("utf-8"))
    assert cap.text == "China’s growth was “pretty fast”.\n"
    assert "mojibake repaired" in cap.repairs


def test_newlines_normalised() -> None:
    cap = _decode(b"one\r\ntwo\rthree\xe2\x80\xa8four\n")
    assert cap.text == "one\ntwo\nthree\nfour\n"
    assert "newlines normalised" in cap.repairs


def test_control_characters_stripped_and_recorded() -> None:
    cap = _decode(b"Hello\x00 wor\x07ld.\n")
    assert cap.text == "Hello world.\n"
    assert any("control character" in r for r in cap.repairs)


def test_html_detected() -> None:
    assert _decode(b"<!DOCTYPE html><html><body><p>x</p></body></html>").format == "html"
    assert _decode(b"<p>hi</p>", "page.html").format == "html"
    assert _decode(b"Use <b> tags sparingly, they said.\n").format == "text"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n"])
def test_empty_capture_refused(data: bytes) -> None:
    with pytest.raises(DigestError) as err:
        _decode(data, "empty.txt")
    msg = str(err.value)
    assert msg.startswith("empty.txt: the capture is empty. Fix: ")


def test_binary_capture_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    with pytest.raises(DigestError, match="binary data"):
        _decode(png, "photo.txt")


def test_undecodable_bytes_refused() -> None:
    # a UTF-16 BOM followed by a lone surrogate cannot be decoded by anything
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(DigestError, match="cannot be decoded") as err:
        _decode(data, "bad.txt")
    assert "Fix: re-save the capture as UTF-8" in str(err.value)


def test_oversized_file_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # 50 MB, sparse: cheap to create
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"\n")
    with pytest.raises(DigestError, match="over the 20 MB limit"):
        read_capture(big)
    with pytest.raises(DigestError, match="limit"):
        decode_capture(b"a" * (MAX_CAPTURE_BYTES + 1), big)


def test_missing_file_is_a_digest_error(tmp_path: Path) -> None:
    with pytest.raises(DigestError, match="cannot read"):
        read_capture(tmp_path / "nope.txt")


def test_read_capture_never_writes(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_bytes(b"A line.\r\nAnother line.\r\n")
    before = p.stat().st_mtime_ns, p.read_bytes()
    cap = read_capture(p)
    assert cap.name == "c.txt"
    assert (p.stat().st_mtime_ns, p.read_bytes()) == before
