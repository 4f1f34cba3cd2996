"""Raw bytes to document text, with one clear reason for every way that can fail."""

from __future__ import annotations

import codecs
import re

from newsgraph.errors import InputError
from newsgraph.ingest.normalise import normalise_text

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes that never appear in prose; tab, newline, vertical tab, form feed and carriage return do.
CONTROL_BYTES = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F}))
BINARY_SNIFF_BYTES = 65536
BINARY_CONTROL_RATIO = 0.10
MARKUP_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
CHARSET_SNIFF_BYTES = 4096
# The characters a <meta charset> tag is written in; a charset that reads them otherwise
# cannot be the one the tag was written in.
MARKUP_ASCII = b"<meta charset=\"\"/> ABCXYZ abcxyz 0123456789 _.:-"


def human_size(n_bytes: int) -> str:
    """Decimal units, as file managers show them: 52428800 bytes is "52.4 MB"."""
    if n_bytes < 1000:
        return f"{n_bytes} bytes"
    value, unit = (n_bytes / 1000, "kB") if n_bytes < 1_000_000 else (n_bytes / 1_000_000, "MB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def too_large(size: int, max_bytes: int) -> str:
    return f"file too large ({human_size(size)} > {human_size(max_bytes)} limit)"


def decode(data: bytes, source: str, line: int | None = None, base_offset: int = 0) -> str:
    """Normalised text (see `normalise_text`) from UTF-8, or from the charset a page declares.

    Markup that is not UTF-8 but declares its charset in a <meta> tag (older news sites use
    windows-1252 or latin-1) is decoded with that charset, if it is a text encoding that reads
    the ASCII of the tag as ASCII. `base_offset` is where `data` starts in its file, so that the
    offset reported for an undecodable byte is the one a hex editor shows.
    """
    if not data.strip():
        raise InputError("empty document", source=source, line=line)
    if data.startswith(UTF16_BOMS):
        raise InputError("UTF-16 text is not supported; save it as UTF-8", source=source, line=line)
    if looks_binary(data):
        raise InputError("binary file, not text", source=source, line=line)
    bom = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return normalise_text(data[bom:].decode("utf-8"))
    except UnicodeDecodeError as exc:
        bad = data[bom + exc.start]
        reason = f"not valid UTF-8 text (byte 0x{bad:02x} at offset {base_offset + bom + exc.start})"
    declared = declared_charset(data)
    if declared is None:
        raise InputError(reason, source=source, line=line)
    try:
        return normalise_text(data.decode(text_codec(declared)))
    except CharsetRefused as refused:
        reason += f"; {refused}"
    except UnicodeError:
        reason += f"; nor is it valid in the declared charset {declared!r}"
    raise InputError(reason, source=source, line=line)


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes near the start, mean a non-text file."""
    if b"\x00" in data:
        return True
    sample = data[:BINARY_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls > BINARY_CONTROL_RATIO * len(sample)


def declared_charset(data: bytes) -> str | None:
    """The charset name an HTML page declares near its start, as written."""
    if not MARKUP_START.match(data):
        return None
    found = META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return found.group(1).decode("ascii") if found else None


class CharsetRefused(ValueError):
    """A declared charset that cannot be what the page is written in."""


def text_codec(name: str) -> str:
    """The Python codec for a declared charset, if it could have written the page's own markup.

    Python's codec registry also holds transforms (base64, zlib, rot13) and encodings in which
    the ASCII bytes of the <meta> tag would not mean what they say (UTF-16, EBCDIC).
    """
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise CharsetRefused(f"the declared charset {name!r} is unknown") from None
    if not codec._is_text_encoding:
        raise CharsetRefused(f"the declared charset {name!r} is not a text encoding")
    try:
        ascii_compatible = MARKUP_ASCII.decode(codec.name) == MARKUP_ASCII.decode("ascii")
    except UnicodeError:
        ascii_compatible = False
    if not ascii_compatible:
        raise CharsetRefused(f"the declared charset {name!r} does not read ASCII as ASCII")
    return codec.name


def require_prose(text: str, source: str, line: int | None = None) -> None:
    """A document must have words for the pipeline to find sentences in."""
    if not text.strip():
        raise InputError("empty document", source=source, line=line)
    if not any(c.isalpha() for c in text):
        raise InputError("no sentences (the text has no words)", source=source, line=line)
