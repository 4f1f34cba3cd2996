"""The text toolkit every stage shares, each idea once: which sentence (or line) an offset
falls in, whether a word is an acronym and what its initials are, how names are folded for
matching, and how a "YYYY-MM-DD" day is read.

A leaf module: it imports only the standard library and `newsgraph.model` (where `fold`
lives, re-exported here), so any stage, the store or the time module may use it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date

from newsgraph.model import fold

__all__ = ["SpanIndex", "abbreviates", "fold", "initials", "is_acronym", "is_subsequence", "parse_day"]


class SpanIndex:
    """Non-overlapping [start, end) character spans in text order (sentences, lines), found by
    offset with a binary search rather than a walk over every span."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.starts.append(start)
            self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    def containing(self, offset: int) -> int | None:
        """Position of the span that contains `offset`, None when it falls between spans."""
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else None

    def at_or_before(self, offset: int) -> int:
        """Position of the last span starting at or before `offset` (0 before the first): the
        sentence a word in the white space after a sentence still belongs to."""
        return max(0, bisect_right(self.starts, offset) - 1)


def is_acronym(text: str, *, mixed_case: bool = False) -> bool:
    """Whether `text` is written as an acronym of 2 to 8 letters ("ECOWAS", "U.N.", "AT&T").

    By default every letter is a capital ("HÖAP" too). With `mixed_case`, small letters may sit
    between capitals as long as there are two capitals and the word starts and ends with one ("AfDB"):
    how the mention rules read a bracketed definition, where the text itself says it is an
    acronym; coreference, matching bare words against initials, keeps the strict reading.
    """
    letters = text.replace(".", "").replace("&", "")
    if not 2 <= len(letters) <= 8:
        return False
    if mixed_case:
        core = text.removesuffix(".")
        return (
            core[:1].isupper()
            and core[-1:].isupper()
            and all(c.isalpha() or c in "&." for c in core)
            and sum(c.isupper() for c in letters) >= 2
        )
    return letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    """Capital initials of a name's capitalised words: "Sahel People's Congress" -> "SPC"."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def is_subsequence(short: Sequence, long: Sequence) -> bool:
    """Whether the items of `short` occur in `long` in the same order, gaps allowed: letters
    of a word ("UN" in "UNHCR") or words of a name ("Hadramawt Battalion" in "Hadramawt
    Martyrs Battalion")."""
    remaining = iter(long)
    return all(item in remaining for item in short)


def abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` abbreviates `words` (capitalised words of the full name): same first
    letter, and one letter sequence contains the other ("MNJTF" for Multinational Joint
    Task Force, "ISWAP" for Islamic State West Africa Province)."""
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    firsts = "".join(w[0] for w in words).upper()
    if not letters or not firsts or letters[0] != firsts[0]:
        return False
    return is_subsequence(firsts, letters) or is_subsequence(letters, firsts)


def parse_day(text: str) -> date:
    """The calendar day of an ISO 8601 date ("2025-02-10", also the compact and week forms
    Python reads); ValueError when `text` is none."""
    return date.fromisoformat(text)
