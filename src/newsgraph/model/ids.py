"""Content-hashed ids and the name key they are built from.

The same input gives the same ids on every run and machine, so a re-run never renames a fact.
"""
from __future__ import annotations

import hashlib
import unicodedata


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on `parts`: `prefix-<16 hex>`."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for matching names."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_ish = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    cleaned = "".join(c if c.isalnum() else " " for c in ascii_ish)
    return " ".join(cleaned.split())
