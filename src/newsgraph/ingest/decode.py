"""Raw bytes to document text, with one clear reason for every way that can fail."""

from __future__ import annotations

import codecs
import re

from newsgraph.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes that never appear in prose; tab, newline, vertical tab, form feed and carriage return do.
CONTROL_BYTES = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F}))
BINARY_SNIFF_BYTES = 65536
BINARY_CONTROL_RATIO = 0.10
MARKUP_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
CHARSET_SNIFF_BYTES = 4096


def human_size(n_bytes: int) -> str:
    """Decimal units, as file managers show them: 52428800 bytes is "52.4 MB"."""
    if n_bytes < 1000:
        return f"{n_bytes} bytes"
    value, unit = (n_bytes / 1000, "kB") if n_bytes < 1_000_000 else (n_bytes / 1_000_000, "MB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def too_large(size: int, max_bytes: int) -> str:
    return f"file too large ({human_size(size)} > {human_size(max_bytes)} limit)"


def decode(data: bytes, source: str, line: int | None = None, base_offset: int = 0) -> str:
    """UTF-8 text with newlines normalised to "\\n" and nothing else changed.

    Markup that is not UTF-8 but declares its charset in a <meta> tag (older news sites use
    windows-1252 or latin-1) is decoded with that charset. `base_offset` is where `data`
    starts in its file, so that the offset reported for an undecodable byte is the one a hex
    editor shows.
    """
    if not data.strip():
        raise InputError("empty document", source=source, line=line)
    if data.startswith(UTF16_BOMS):
        raise InputError("UTF-16 text is not supported; save it as UTF-8", source=source, line=line)
    if looks_binary(data):
        raise InputError("binary file, not text", source=source, line=line)
    bom = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = declared_charset(data)
        if declared:
            try:
                return normalise_newlines(data.decode(declared))
            except UnicodeDecodeError:
                pass
        bad = data[bom + exc.start]
        offset = base_offset + bom + exc.start
        raise InputError(
            f"not valid UTF-8 text (byte 0x{bad:02x} at offset {offset})", source=source, line=line
        ) from None
    return normalise_newlines(text)


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes near the start, mean a non-text file."""
    if b"\x00" in data:
        return True
    sample = data[:BINARY_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls > BINARY_CONTROL_RATIO * len(sample)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares near its start, if Python knows it."""
    if not MARKUP_START.match(data):
        return None
    found = META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_prose(text: str, source: str, line: int | None = None) -> None:
    """A document must have words for the pipeline to find sentences in."""
    if not text.strip():
        raise InputError("empty document", source=source, line=line)
    if not any(c.isalpha() for c in text):
        raise InputError("no sentences (the text has no words)", source=source, line=line)
