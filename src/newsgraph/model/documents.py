"""Documents and their sentences: what every fact points back to."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import cached_property


@dataclass
class Document:
    """One input text with what is known about where it came from."""

    text: str
    title: str | None = None
    source: str | None = None  # path or URL it was read from
    url: str | None = None
    published: date | None = None
    language: str = "en"

    @cached_property
    def sha256(self) -> str:
        """Hashed once: every mention, timex and store row asks for the document id."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return "d-" + self.sha256[:16]


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
