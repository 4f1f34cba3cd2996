"""The one normal form of document text: what is stored, hashed and offset into."""

from __future__ import annotations

import unicodedata

BOM = "\ufeff"


def normalise_text(text: str) -> str:
    """Unicode NFC, "\\n" line endings, no leading byte order mark.

    So the same article saved with CRLF or LF, composed or decomposed accents, with or without
    a BOM, is one text with one content hash. Idempotent.
    """
    text = text.lstrip(BOM).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
