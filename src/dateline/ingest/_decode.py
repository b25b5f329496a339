"""Turning raw bytes into text, or a clear reason why not."""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import BinaryInputError, EmptyInputError, EncodingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first block: not text."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)


def decode_text(data: bytes, origin: str) -> str:
    """Decode ``data`` as text: BOM-marked UTF, UTF-8, or clean Windows-1252.

    Raises :class:`EmptyInputError`, :class:`BinaryInputError` or
    :class:`EncodingError` with a message naming the problem.
    """
    if not data.strip():
        raise EmptyInputError("file is empty", origin=origin)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _clean(data.decode(codec), origin)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"invalid {codec} text: {exc.reason}", origin=origin) from exc
    if looks_binary(data):
        raise BinaryInputError("binary content, not text", origin=origin)
    try:
        return _clean(data.decode("utf-8"), origin)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Legacy single-byte text is common in old archives; accept it only when it
    # decodes to printable text with few non-ASCII characters.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    printable = text and all(unicodedata.category(ch)[0] != "C" or ch in "\n\r\t\f" for ch in text)
    if printable and non_ascii <= max(3, len(text) // 50):
        return _clean(text, origin)
    raise EncodingError(
        f"unknown text encoding (not UTF-8: byte 0x{data[utf8_error.start]:02x} "
        f"at offset {utf8_error.start}); re-encode the file as UTF-8",
        origin=origin,
    )


def _clean(text: str, origin: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError("file holds only whitespace", origin=origin)
    return text
