"""Stage 1, read: turn the bytes of a capture file into a decoded :class:`Capture`.

1. refuse what is not a capture (empty, too large, binary, undecodable), with a fix;
2. decode: a BOM wins, then strict UTF-8, then UTF-8 with a few stray bytes repaired (when
   the bytes are overwhelmingly valid UTF-8), then charset-normalizer's best guess, refused when
   what it decoded does not read like text;
3. repair mojibake with ftfy (only encoding repairs: words are never changed);
4. normalise newlines (CRLF, CR, U+2028/U+2029, NEL) to ``\\n``;
5. strip NUL and other control characters, and say so in ``repairs``;
6. tell a text capture from an HTML one.

The file on disk is never written to.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections import Counter
from pathlib import Path

import ftfy
import ftfy.badness
from charset_normalizer import from_bytes

from digest.errors import DigestError
from digest.model import Capture, CaptureFormat

# A capture is one web page. The largest page in the dev set is well under 1 MB of HTML; 20 MB
# leaves a wide margin for pages with inline images or scripts while keeping a runaway file
# (a video, a database dump saved with the wrong name) from eating memory and minutes of CPU.
MAX_CAPTURE_BYTES = 20 * 1024 * 1024

# Share of control bytes (other than tab, newline, carriage return, form feed, escape) in the
# first 8 KB above which the file is treated as binary. Text, in any single-byte or UTF-8
# encoding, has essentially none; images, archives and executables have several percent.
BINARY_CONTROL_SHARE = 0.05
BINARY_SNIFF_BYTES = 8192
# ...and there must be at least this many of them: a stray NUL or bell in a short note is
# a control character to strip (and report), not a sign of binary data.
BINARY_MIN_CONTROL_BYTES = 16

# Share of U+FFFD replacement characters in a decoded capture above which we refuse it: the
# guessed encoding is wrong and the words would be garbled.
MAX_REPLACEMENT_SHARE = 0.01

# A capture that is not valid UTF-8 is still read as UTF-8 when its non-ASCII sequences are
# overwhelmingly valid UTF-8 characters: one stray cp1252 byte (a curly apostrophe pasted from
# Word) must not send a whole UTF-8 file to detection, which would misread every accented
# letter. Legacy 8-bit text is the other way round: nearly every non-ASCII byte of it is an
# invalid UTF-8 sequence (a valid one happens only by accident, as "Ã©" would). A lone byte
# 0x80-0x9F is a cp1252 punctuation mark either way (and read as one), so it is not counted
# against UTF-8, as long as there are no more of them than valid UTF-8 characters.
UTF8_MIN_VALID_SHARE = 0.9

# What detection decoded must read like text. Real text, in any language, is mostly letters
# and digits (ideographs and syllables are letters too) ...
MIN_LETTER_SHARE = 0.5
# ... and a text written mostly in letters outside ASCII uses many different ones (an alphabet
# has 20 or more, a syllabary or ideographs hundreds), while byte noise that happens to be
# valid in a double-byte encoding repeats a handful. Checked on this many letters or more.
MIN_DISTINCT_LETTERS = 10
DISTINCT_SAMPLE = 200
# Korean text is written with the 2,350 common syllables of KS X 1001 (EUC-KR); bytes that
# decode as cp949 mostly through its 8,822 extension syllables are noise, not Korean.
MIN_CORE_HANGUL_SHARE = 0.5

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters removed from the decoded text (tab and newline are kept; CR is turned
# into a newline before this runs). Zero-width and bidi marks are left to ftfy.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_NEWLINE_RE = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
# bytes that are no UTF-8, as Python's "surrogateescape" handler keeps them (one per byte)
_ESCAPED_RE = re.compile("[\udc80-\udcff]+")
_NON_ASCII_RE = re.compile("[^\x00-\x7f\udc80-\udcff]")

# A capture is HTML when it starts (after whitespace and comments) with a doctype or a tag
# that only a document has, or carries <html>/<body> near its start.
_HTML_START_RE = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG_RE = re.compile(r"<(?:html|body|head|div|p|article)[\s>]", re.IGNORECASE)


def read_capture(path: Path) -> Capture:
    """Read and decode the capture at ``path`` (never writes to it)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DigestError.one(
            path, "", f"cannot read the capture ({exc.strerror})", "check the path and permissions"
        ) from exc
    if size > MAX_CAPTURE_BYTES:
        raise _too_large(path, size)
    return decode_capture(path.read_bytes(), path)


def read_stdin() -> Capture:
    """Read a capture from standard input (the CLI's ``-``)."""
    data = sys.stdin.buffer.read(MAX_CAPTURE_BYTES + 1)
    return decode_capture(data, Path("-"))


def decode_capture(data: bytes, path: Path) -> Capture:
    """Decode the bytes of a capture; ``path`` names it in errors and in the record."""
    # 1. refuse what is not a capture
    if len(data) > MAX_CAPTURE_BYTES:
        raise _too_large(path, len(data))
    if not data or data.isspace():  # (no copy of the bytes, as data.strip() makes)
        raise DigestError.one(
            path, "", "the capture is empty", "save the page's text (select all, copy) into it"
        )
    # 2. decode
    text, encoding, repairs = _decode(data, path)
    # the text's UTF-8 bytes, for the byte scans below, are the capture's own bytes when they
    # were strict UTF-8 without a BOM (any other decoding names a repair or another encoding)
    raw: bytes | None = (data if encoding == "utf-8" and not repairs
                         and not data.startswith(codecs.BOM_UTF8) else None)
    if not text or text.isspace():
        raise DigestError.one(
            path, "", "the capture is empty", "save the page's text (select all, copy) into it"
        )
    # 3. mojibake (ftfy only undoes encoding accidents; it does not touch the words). Pure
    # ASCII cannot hold mojibake; UTF-8 read as Latin-1/cp1252 always leaves a lead character
    # (Â, Ã, â, Ð, ...) before a continuation character, so ftfy runs only on such text.
    fixed = text
    if (not text.isascii() and _latin1_letters(text, raw) and _MOJIBAKE_HINT_RE.search(text)
            and ftfy.badness.is_bad(text)):
        fixed = ftfy.fix_text(
            text,
            unescape_html=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            remove_control_chars=False,
            normalization=None,
            explain=False,
        )
    if fixed != text:
        repairs.append("mojibake repaired")
        text = fixed
        raw = None
    # 4. newlines
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:  # _NEWLINE_RE
        text = _NEWLINE_RE.sub("\n", text)
        repairs.append("newlines normalised")
        raw = None
    # 5. control characters
    n_ctrl = len(_CONTROL_RE.findall(text)) if _has_control(text, raw) else 0
    if n_ctrl:
        text = _CONTROL_RE.sub("", text)
        repairs.append(f"{n_ctrl} control character(s) removed")
    # 6. format
    fmt: CaptureFormat = "html" if _looks_like_html(text, path) else "text"
    return Capture(
        path=path,
        name=path.name,
        format=fmt,
        text=text,
        encoding=encoding,
        repairs=tuple(repairs),
    )


# The scans below read the text's UTF-8 bytes, where a plain byte search runs many times
# faster than a pattern search over the characters; each is only a pre-test of its pattern.
# Every byte but the ASCII characters _CONTROL_RE removes (deleting these leaves those).
_NOT_ASCII_CONTROL = bytes(b for b in range(256) if not (b <= 8 or b in (11, 12) or 14 <= b <= 31
                                                          or b == 127))


def _has_control(text: str, raw: bytes | None = None) -> bool:
    """Whether _CONTROL_RE occurs in ``text``. In UTF-8 an ASCII control character is its own
    byte, and a C1 control (U+0080-U+009F) is 0xC2 then 0x80-0x9F (0xC2 is never a
    continuation byte)."""
    if raw is None:  # (else: ``text``'s UTF-8 bytes, given)
        raw = text.encode("utf-8", "surrogatepass")
    if raw.translate(None, _NOT_ASCII_CONTROL):
        return True
    at = raw.find(b"\xc2")
    while at != -1:
        if raw[at + 1] <= 0x9F:
            return True
        at = raw.find(b"\xc2", at + 2)
    return False


def _latin1_letters(text: str, raw: bytes | None = None) -> bool:
    """Whether ``text`` holds a character U+00C0-U+00FF (0xC3 and a continuation byte in
    UTF-8), as every match of _MOJIBAKE_HINT_RE starts with one."""
    return b"\xc3" in (text.encode("utf-8", "surrogatepass") if raw is None else raw)


def _too_large(path: Path, size: int) -> DigestError:
    return DigestError.one(
        path,
        "",
        f"the capture is {size / 1024 / 1024:.1f} MB, over the "
        f"{MAX_CAPTURE_BYTES // 1024 // 1024} MB limit for one page",
        "save only the article page's text or HTML, not a whole site or media file",
    )


# Every byte but the control characters that do not occur in text (tab, newlines, form feed
# and escape do); deleting these from a sample leaves the ones that count as binary.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


def _looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        # NUL bytes in UTF-16/32 without a BOM: every other byte is NUL in mostly-ASCII text.
        even, odd = head[0::2], head[1::2]
        if even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd):
            return False
    ctrl = len(head.translate(None, _NOT_CONTROL))  # what is left: the control bytes
    return ctrl >= BINARY_MIN_CONTROL_BYTES and ctrl / len(head) > BINARY_CONTROL_SHARE


def _decode(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """(text, encoding, repairs made while decoding)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", ""), []
            except UnicodeDecodeError as exc:
                raise _undecodable(path, data, exc.start, enc) from exc
    if _looks_binary(data):
        raise DigestError.one(
            path,
            "",
            "the capture is binary data, not text or HTML",
            "save the page as text (select all, copy) or as HTML",
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    # UTF-16/32 without a BOM: every other byte NUL
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _CONTROL_RE.sub("", text) and text.count("\x00") == 0:
                return text, enc, []
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8[0], "utf-8", mostly_utf8[1]
    best = from_bytes(data).best()
    if best is None:
        raise _undecodable(path, data, first_bad, "utf-8")
    text = str(best)
    if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * max(1, len(text)):
        raise _undecodable(path, data, first_bad, best.encoding)
    if not _reads_like_text(text, best.encoding):
        raise _undecodable(
            path,
            data,
            first_bad,
            "utf-8",
            f"; read as {best.encoding}, the best guess, it is byte noise, not words",
        )
    return text, best.encoding, []


def _decode_mostly_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """UTF-8 with its few invalid bytes repaired, or None when the bytes are not (mostly) UTF-8.

    A lone invalid byte 0x80-0x9F is read as cp1252 (where it is a curly quote, a dash or an
    ellipsis: what a Windows program leaves in a UTF-8 file); any other invalid sequence becomes
    U+FFFD. An incomplete character at the very end (a file cut off mid-character) is dropped.
    Every repair is named in the returned list.
    """
    text = data.decode("utf-8", "surrogateescape")
    has_valid = _NON_ASCII_RE.search(text) is not None
    if not has_valid:  # fast exit for legacy 8-bit text: only a cut-off last character is left
        first = _ESCAPED_RE.search(text)
        if first is None or first.end() != len(text) or first.end() - first.start() < 2:
            return None
    runs = _ESCAPED_RE.findall(text)
    tail = ""
    if runs and "\udc80" <= text[-1] <= "\udcff" and _is_utf8_prefix(_raw(runs[-1])):
        tail = runs.pop()
        text = text[: -len(tail)]
    if runs:
        n_valid = len(_NON_ASCII_RE.findall(text))
        n_stray = sum(1 for run in runs if _cp1252_stray(run))
        n_bad = len(runs) - n_stray
        if n_valid < n_stray or n_valid < UTF8_MIN_VALID_SHARE * (n_valid + n_bad):
            return None
    elif not tail or (len(tail) < 2 and not has_valid):
        # a single lead byte at the end of ASCII text may as well be a Latin-1 letter
        return None
    as_cp1252: list[str] = []
    first_line: dict[str, int] = {}  # "cp1252" / "fffd" -> line of the first such repair
    n_replaced = 0

    def repair(match: re.Match[str]) -> str:
        nonlocal n_replaced
        char = _cp1252_stray(match.group())
        kind = "cp1252" if char else "fffd"
        if kind not in first_line:
            first_line[kind] = text.count("\n", 0, match.start()) + 1
        if char:
            as_cp1252.append(char)
            return char
        n_replaced += 1
        return "\ufffd"

    text = _ESCAPED_RE.sub(repair, text)
    repairs: list[str] = []
    if as_cp1252:
        shown = "".join(sorted(set(as_cp1252)))
        repairs.append(
            f"{len(as_cp1252)} stray cp1252 byte(s) in UTF-8 read as {shown!r} "
            f"(first on line {first_line['cp1252']})"
        )
    if n_replaced:
        repairs.append(
            f"{n_replaced} invalid UTF-8 sequence(s) replaced by U+FFFD "
            f"(first on line {first_line['fffd']})"
        )
    if tail:
        repairs.append(f"incomplete last character dropped ({len(_raw(tail))} byte(s))")
    return text, repairs


def _cp1252_stray(escaped: str) -> str:
    """The cp1252 character of a lone invalid byte 0x80-0x9F, or "" for any other sequence."""
    raw = _raw(escaped)
    if len(raw) == 1 and 0x80 <= raw[0] <= 0x9F:
        char = raw.decode("cp1252", "replace")
        return "" if char == "\ufffd" else char
    return ""


def _raw(escaped: str) -> bytes:
    """The bytes behind a run of surrogateescape characters."""
    return escaped.encode("utf-8", "surrogateescape")


def _is_utf8_prefix(raw: bytes) -> bool:
    """Whether ``raw`` is the start of a UTF-8 character cut short (a lead byte, then fewer
    continuation bytes than the lead asks for)."""
    lead = raw[0]
    need = 1 if 0xC2 <= lead <= 0xDF else 2 if 0xE0 <= lead <= 0xEF else 3 if lead <= 0xF4 else 0
    if lead < 0xC2 or need == 0:
        return False
    return len(raw) <= need and all(0x80 <= b <= 0xBF for b in raw[1:])


def _reads_like_text(text: str, encoding: str) -> bool:
    """Whether a detected decoding reads like text rather than byte noise in that encoding."""
    letters = 0
    visible = 0
    foreign: Counter[str] = Counter()  # letters outside ASCII
    for ch, n in Counter(text).items():
        if ch.isspace():
            continue
        visible += n
        if ch.isalnum():
            letters += n
            if ord(ch) > 0x7F:
                foreign[ch] = n
    if not visible:
        return False
    if letters < MIN_LETTER_SHARE * visible:
        return False
    n_foreign = sum(foreign.values())
    if (
        n_foreign >= DISTINCT_SAMPLE
        and n_foreign > letters / 2
        and len(foreign) < MIN_DISTINCT_LETTERS
    ):
        return False
    hangul = [(ch, n) for ch, n in foreign.items() if "\uac00" <= ch <= "\ud7a3"]
    n_hangul = sum(n for _, n in hangul)
    if encoding.replace("-", "_").lower() in ("cp949", "uhc", "euc_kr", "ks_c_5601_1987") and (
        n_hangul > letters / 2
    ):
        core = sum(n for ch, n in hangul if _in_euc_kr(ch))
        if core < MIN_CORE_HANGUL_SHARE * n_hangul:
            return False
    return True


def _in_euc_kr(ch: str) -> bool:
    """Whether a Hangul syllable is one of KS X 1001's 2,350 (two bytes in EUC-KR; Python's
    codec writes the others as eight-byte jamo sequences)."""
    try:
        return len(ch.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def _undecodable(path: Path, data: bytes, offset: int, enc: str, detail: str = "") -> DigestError:
    line = data[:offset].count(b"\n") + 1
    return DigestError.one(
        path,
        line,
        f"the bytes at offset {offset} cannot be decoded as text (tried {enc} and detection"
        f"{detail})",
        "re-save the capture as UTF-8",
    )


def _looks_like_html(text: str, path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return True
    if _HTML_START_RE.match(text):
        return True
    head = text[:4096]
    return len(_HTML_TAG_RE.findall(head)) >= 3 and head.lstrip().startswith("<")
