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


# --- UTF-8 with a few bad bytes: read as UTF-8, the bad bytes repaired and named ------------

FRENCH = "Le ministre a déclaré à Genève que la délégation française reprendrait. " * 10


def test_one_stray_cp1252_byte_in_utf8_is_read_as_cp1252() -> None:
    data = ("Titre\n\n" + FRENCH).encode("utf-8") + b"l\x92homme\n"
    cap = _decode(data)
    assert cap.encoding == "utf-8"
    assert cap.text == "Titre\n\n" + FRENCH + "l\u2019homme\n"
    assert "mojibake repaired" not in cap.repairs
    assert any("1 stray cp1252 byte(s)" in r and "line 3" in r for r in cap.repairs), cap.repairs


def test_a_stray_byte_among_few_utf8_characters() -> None:
    data = "It\u2019s a \u201cdeal\u201d, he said.\n".encode() + b"They\x92re in.\n"
    cap = _decode(data)
    assert cap.text == "It\u2019s a \u201cdeal\u201d, he said.\nThey\u2019re in.\n"


def test_other_invalid_utf8_bytes_become_replacement_characters() -> None:
    data = ("Titre\n\n" + FRENCH).encode("utf-8") + b"caf\xe9 \xe2\x80 fin\n"
    cap = _decode(data)
    assert cap.encoding == "utf-8"
    assert cap.text.endswith("caf\ufffd \ufffd fin\n")
    assert "déclaré à Genève" in cap.text
    assert any("2 invalid UTF-8 sequence(s) replaced by U+FFFD" in r for r in cap.repairs)


@pytest.mark.parametrize("cut", [1, 2])
def test_a_last_character_cut_short_is_dropped(cut: int) -> None:
    data = ("Titre\n\n" + FRENCH + "Fin \u2014").encode("utf-8")[:-cut]
    cap = _decode(data)
    assert cap.encoding == "utf-8"
    assert cap.text == "Titre\n\n" + FRENCH + "Fin "
    assert any("incomplete last character dropped" in r for r in cap.repairs)


def test_ascii_cut_inside_a_character_is_utf8() -> None:
    cap = _decode(b"Title\n\nThe text ends in a dash \xe2\x80")
    assert cap.text == "Title\n\nThe text ends in a dash "


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Le président a déclaré à la presse qu'il était très satisfait.\n" * 3, "latin-1"),
        ("Министр заявил, что переговоры продолжатся на следующей неделе.\n" * 3, "cp1251"),
        ("He said \u201cit\u2019s fine\u201d \u2014 and left the room.\n" * 3, "cp1252"),
    ],
)
def test_legacy_text_is_not_mistaken_for_broken_utf8(text: str, codec: str) -> None:
    assert _decode(text.encode(codec)).text == text


# --- byte noise that a double-byte encoding would accept ------------------------------------


@pytest.mark.parametrize(
    "noise",
    [
        b"\x81\x8d" * 2000,  # cp932: one symbol, repeated: no letters
        b"\x81\x8d\x81\x8e\x82\x8f" * 500,  # cp949: three extension syllables, repeated
        bytes((0x81 + i % 0x20, 0x81 + (i * 7) % 0x7E)[j] for i in range(1500) for j in (0, 1)),
    ],
)
def test_byte_noise_is_refused_not_read_as_cjk(noise: bytes) -> None:
    with pytest.raises(DigestError, match="cannot be decoded as text") as err:
        _decode(b"Headline\n\n" + noise, "noise.txt")
    assert "Fix: re-save the capture as UTF-8" in str(err.value)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "서울과 베이징은 화요일 무역 협상을 재개했으며, 양측 대표단은 에너지와 안보 문제를 "
            "논의했다. 정부 관계자는 다음 주에 공동 성명이 발표될 것이라고 밝혔다.\n" * 5,
            "euc_kr",
        ),
        (
            "外務大臣は火曜日、北京での協議が来週も続くと述べた。両国の代表団は貿易と"
            "エネルギーについて話し合った。\n" * 5,
            "shift_jis",
        ),
        (
            "外交部长周二表示，北京的会谈将于下周继续。双方代表团讨论了贸易和能源问题。\n" * 5,
            "gb18030",
        ),
        (
            "Ο υπουργός Εξωτερικών δήλωσε την Τρίτη ότι οι συνομιλίες στο Πεκίνο θα συνεχιστούν "
            "την επόμενη εβδομάδα.\n" * 3,
            "cp1253",
        ),
    ],
)
def test_real_legacy_cjk_and_greek_text_is_decoded(text: str, codec: str) -> None:
    assert _decode(text.encode(codec)).text == text
