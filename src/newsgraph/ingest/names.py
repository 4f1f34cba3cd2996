"""Source names that print on one line and encode as UTF-8, whatever the file system holds."""

from __future__ import annotations

import os
import re

# Control characters (C0, DEL, C1), line and paragraph separators, bidirectional overrides and
# isolates (which can make a name read backwards on a terminal) and lone surrogates: the last
# come from file names that are not UTF-8, which Python decodes with "surrogateescape".
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
ESCAPED_BYTES = range(0xDC80, 0xDD00)


def source_name(name: str | os.PathLike) -> str:
    """`name` with every unprintable character written as a Python-style escape.

    A byte that is not UTF-8 in a file name shows as that byte (`\\xff`). Backslashes are left
    alone, so applying it twice changes nothing: the CLI may apply it to a whole error line.
    """
    return UNPRINTABLE.sub(_escape, os.fspath(name))


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in NAMED_ESCAPES:
        return NAMED_ESCAPES[char]
    if code in ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
