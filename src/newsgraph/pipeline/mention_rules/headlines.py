"""Headlines: in a line written as a headline (Title Case or ALL CAPS, no full stop) every word
is capitalised, so the model's names there are guesses ("Bosaso Preacher", "Mukalla Pact
Binds Shield"). Such a name is kept only where the body or the gazetteer backs it
(`corroborated_headlines`); the line that repeats the document's title gets the same check
whatever its style (`corroborated_title_line`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.model import fold
from newsgraph.ontology import ORGANIZATION, PLACE
from newsgraph.pipeline.mention_rules.base import (
    CITY_POPULATION_AFTER_PREPOSITION,
    Candidate,
    RuleContext,
    is_capitalised,
)
from newsgraph.text import SpanIndex, is_subsequence

# Short words Title Case leaves in lower case ("Preacher to Visit Dubai as Pressure Grows").
_HEADLINE_LOWER_WORDS = frozenset({"a", "an", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                                   "the", "to", "and", "but", "nor", "via", "vs", "with", "amid", "over"})


def corroborated_headlines(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    return _corroborated(context, candidates, headline_lines(context.text))


def corroborated_title_line(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """The line that repeats the document's title is a headline whatever its style
    ("Hadramawt Battalion denies meeting in Berbera"): its names get the headline check."""
    line = _title_line(context.text, context.title)
    if line is None or line in headline_lines(context.text):
        return candidates
    # Judged as finished names: what earlier rules knew of quotes and settled types is gone.
    fresh = [Candidate(c.start, c.end, c.label, c.type, c.kind, c.canonical) for c in candidates]
    return _corroborated(context, fresh, [line])


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines written as headlines: Title Case or ALL CAPS, at least
    three words, no closing full stop."""
    found = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        words = [w.strip("\"'“”‘’:,()") for w in stripped.split()]
        words = [w for w in words if w[:1].isalpha()]
        if (
            len(words) >= 3
            and not stripped.endswith((".", ",", ";"))
            and all(w[0].isupper() or w.lower() in _HEADLINE_LOWER_WORDS for w in words)
            and sum(w[0].isupper() for w in words) >= 2
        ):
            found.append((offset, offset + len(line)))
        offset += len(line) + 1
    return found


def _corroborated(
    context: RuleContext, candidates: list[Candidate], headlines: list[tuple[int, int]]
) -> list[Candidate]:
    """A headline name is kept when the body of the text uses it (same words, or a shorter
    form of a body name: "Hadramawt Battalion" for "Hadramawt Martyrs Battalion", which then
    names it) or when the curated list or the gazetteer knows it, or the body writes it the
    same way although the model did not tag it there; otherwise its longest parts that pass
    are kept and the rest is dropped."""
    if not headlines:
        return candidates
    doc = context.doc
    text = doc.text  # built from the tokens on every read: read once, not once per headline
    lines = SpanIndex(headlines)
    body = [c for c in candidates if lines.containing(doc[c.start].idx) is None]
    in_body = {id(c) for c in body}
    body_names = BodyNames((tuple(fold(t.text) for t in doc[c.start : c.end]), c) for c in body)
    gaps = zip([0] + [end for _, end in headlines], [*lines.starts, len(text)])
    body_text = WordIndex("\n".join(text[after:before] for after, before in gaps))
    kept = []
    for c in candidates:
        if id(c) in in_body or c.quoted or body_text.occurs(doc[c.start : c.end].text):
            kept.append(c)
            continue
        start = c.start
        while start < c.end:
            for end in range(c.end, start, -1):
                piece = _headline_piece(context, start, end, c, body_names)
                if piece is not None:
                    kept.append(piece)
                    start = end
                    break
            else:
                start += 1
    return sorted(kept, key=lambda c: c.start)


def _headline_piece(
    context: RuleContext, start: int, end: int, c: Candidate, body_names: BodyNames
) -> Candidate | None:
    doc, gazetteer = context.doc, context.gazetteer
    span = doc[start:end]
    if not any(is_capitalised(t) for t in span) or span[0].lower_ in context.cues.name_connectors:
        return None
    words = tuple(fold(t.text) for t in span)
    b = body_names.same(words)
    if b is not None:
        return Candidate(start, end, b.label, b.type, b.kind, b.canonical)
    b = body_names.first_longer(words)
    if b is not None:
        canonical = doc[b.start : b.end].text if len(words) > 1 and b.type == ORGANIZATION else None
        kind = "alias" if canonical else "name"
        return Candidate(start, end, b.label, b.type, kind, canonical)
    curated = gazetteer.lexicon.find(span.text)
    if curated is not None:
        return c if (start, end) == (c.start, c.end) else Candidate(start, end, c.label, curated.type)
    if gazetteer.place_rank(span.text) >= CITY_POPULATION_AFTER_PREPOSITION:
        return Candidate(start, end, context.ontology.spacy_label(PLACE), PLACE)
    return None


def _title_line(text: str, title: str | None) -> tuple[int, int] | None:
    """Character range of the line of `text` that repeats `title` (a Markdown "#" aside)."""
    if not title or not title.strip():
        return None
    wanted = fold(title.strip())
    offset = 0
    for line in text.split("\n"):
        if fold(line.strip().lstrip("#").strip()) == wanted:
            return offset, offset + len(line)
        offset += len(line) + 1
    return None


class BodyNames:
    """The body's names as folded word tuples, in text order, looked up by their words: each
    headline piece asks about its own words instead of walking every name of the body, which
    made a long document's headline check grow with headlines × body names."""

    def __init__(self, names: Iterable[tuple[tuple[str, ...], Candidate]]):
        self._names = list(names)
        self._first_by_words: dict[tuple[str, ...], Candidate] = {}
        self._positions_by_word: dict[str, list[int]] = {}
        for position, (words, name) in enumerate(self._names):
            self._first_by_words.setdefault(words, name)
            for word in dict.fromkeys(words):
                self._positions_by_word.setdefault(word, []).append(position)

    def same(self, words: tuple[str, ...]) -> Candidate | None:
        """The first body name of exactly these words."""
        return self._first_by_words.get(words)

    def first_longer(self, words: tuple[str, ...]) -> Candidate | None:
        """The first body name, not a place, of which `words` is a shorter form (its words in
        order, gaps allowed: "Hadramawt Battalion" of "Hadramawt Martyrs Battalion"). Only the
        names holding the first word can be one."""
        for position in self._positions_by_word.get(words[0], ()):
            body_words, name = self._names[position]
            if name.type != PLACE and len(words) < len(body_words) and is_subsequence(words, body_words):
                return name
        return None


_WORD = re.compile(r"\w+")


class WordIndex:
    """A text with the offsets of its words (runs of word characters), to tell whether a name
    occurs in it as whole words by looking only where its first word does, not by searching
    the whole text once per name."""

    def __init__(self, text: str):
        self.text = text
        self._starts_by_word: dict[str, list[int]] = {}
        for word in _WORD.finditer(text):
            self._starts_by_word.setdefault(word.group(), []).append(word.start())

    def occurs(self, name: str) -> bool:
        """`name` written the same way, as whole words, somewhere in the text."""
        first = _WORD.match(name)
        if first is None:  # no word to start from (a name opening with punctuation): search
            return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.text) is not None
        text, end_of = self.text, len(name)
        return any(
            text.startswith(name, start) and _WORD.match(text, start + end_of) is None
            for start in self._starts_by_word.get(first.group(), ())
        )
