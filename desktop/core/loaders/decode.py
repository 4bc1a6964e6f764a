"""Bytes to text: byte-order marks, a declared charset, UTF-8, then charset-normalizer."""

from __future__ import annotations

import codecs
import itertools
import re
from pathlib import Path

from desktop.core.errors import LoadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
NOT_TEXT = "the file does not hold text (it looks like binary data)"


def decode_bytes(data: bytes, path: str | Path, *, declared: str | None = None) -> str:
    """Decode ``data`` as text, or raise LoadError when it is not text at all."""
    text = _decode(data, declared)
    if text is None or looks_binary(text):
        raise LoadError(path, NOT_TEXT)
    return text


def looks_binary(text: str) -> bool:
    """Whether decoded text is really binary: NUL bytes or many control characters."""
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = len(_BINARY_CONTROL.findall(sample))
    replacements = sample.count("\ufffd")
    return controls + replacements > max(2, len(sample) // 100)


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(bom_codec, errors="replace")
    candidates: tuple[str | None, ...] = (_known_codec(declared), "utf-8", _utf16_without_bom(data))
    for encoding in candidates:
        if encoding is not None:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return _detect(data)


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Plain-Latin UTF-16 without a BOM has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd_nuls = sample[1::2].count(0) / (len(sample) // 2)
    even_nuls = sample[0::2].count(0) / ((len(sample) + 1) // 2)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess, checked against the Windows code pages users really have."""
    from charset_normalizer import from_bytes

    if b"\x00" in data[:65536]:
        return None
    best = from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        return None
    # charset-normalizer often says mac_cyrillic for cp1251 and cp1250 for cp1252 text:
    # try the common code pages too and keep the reading with the fewest garbled words.
    decoded = {}
    for encoding in ("cp1252", "cp1251", best.encoding):
        try:
            decoded[encoding] = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    if not decoded:
        return data.decode(best.encoding, errors="replace")
    return min(decoded.values(), key=_garbled_words)


def _garbled_words(text: str) -> int:
    """How many words of ``text`` look like a wrong code page produced them."""
    return sum(1 for word in _WORD.findall(text[:65536]) if _garbled(word))


def _garbled(word: str) -> bool:
    """Mixed Latin and Cyrillic, a symbol inside, upper case mid-word, or mostly accents."""
    latin = any("a" <= c.lower() <= "z" or "\u00c0" <= c <= "\u024f" for c in word)
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
    symbol = any(not c.isalpha() and c not in "'’-" for c in word)
    camel = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
    accented = sum("\u00c0" <= c <= "\u024f" for c in word)
    return (latin and cyrillic) or symbol or camel or (len(word) > 3 and accented > 0.6 * len(word))


_WORD = re.compile(r"\S*[^\W\d_]\S*")
