"""Span rules: the model's entities cut and grown into whole names.

A leading "the" or quote, trailing punctuation and a trailing "(ABC)" are dropped; a name is
cut where it holds two ("Niamey with Sangare", "Kano's Sabon Gari" -> Kano, Sabon Gari; "IS's Delegated Committee") and
at line breaks; a place runs on over the proper nouns that follow it ("Lake Chad" +
"Vanguard") and a person over the proper nouns around it ("Sheikh" + "Mahad" + "Ali Gurey"),
except in title-case headlines; a person's leading titles are cut off. Where names overlap at
the end, the longest wins (`without_overlaps`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.ontology import OTHER, PLACE
from newsgraph.pipeline.mention_rules.base import (
    CITY_POPULATION,
    QUOTES,
    Candidate,
    RuleContext,
    is_proper,
    is_quoted,
)
from newsgraph.pipeline.mention_rules.nationality import is_nationality_modifier
from newsgraph.text import SpanIndex


def clean_spans(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Each candidate cut at line breaks, trimmed, grown or split into whole names and typed
    from its label; candidates whose label names nothing (DATE) are dropped."""
    doc = context.doc
    taken = {i for c in candidates for i in range(c.start, c.end)}
    persons = {i for c in candidates if c.label == "PERSON" for i in range(c.start, c.end)}
    title_case = _TitleCaseLines(context.text)
    return [
        cleaned
        for c in candidates
        for line in _lines_of(doc, c)
        for cleaned in _clean(context, line, taken, persons, title_case)
    ]


def without_overlaps(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Longest first wins where candidates overlap; the result is in text order."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if not taken.intersection(range(c.start, c.end)):
            chosen.append(c)
            taken.update(range(c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _lines_of(doc: Doc, c: Candidate) -> list[Span]:
    """The model's entity cut at line breaks: "Boeing Jets\n\nEthiopian Airlines" (a headline
    run into the first line of the body) is two names, and the second one matters."""
    pieces, start = [], c.start
    for i in range(c.start, c.end):
        if doc[i].is_space and "\n" in doc[i].text:
            pieces.append(Span(doc, start, i, label=c.label))
            start = i + 1
    pieces.append(Span(doc, start, c.end, label=c.label))
    return [p for p in pieces if len(p)]


def _clean(
    context: RuleContext, ent: Span, taken: set[int], persons: set[int], title_case: _TitleCaseLines
) -> list[Candidate]:
    doc, cues = context.doc, context.cues
    start, end = ent.start, ent.end
    for i in range(start, end):  # a name never runs past an opening bracket
        if doc[i].text == "(":
            end = i
            break
    while start < end and (doc[start].lower_ in cues.leading_words or _is_edge_punct(doc[start])):
        start += 1
    while end > start and (_is_edge_punct(doc[end - 1]) or doc[end - 1].tag_ == "POS" or _is_common_word(context, doc[end - 1])):
        end -= 1  # "Kunar province" names Kunar
    if start >= end or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return []
    if all(_is_title(context, t) for t in doc[start:end]) and context.gazetteer.lexicon.find(ent.text) is None:
        return []  # "Lawyer" opening a sentence, "General": a title is no entity
    type_ = _label_type(context, start, end, ent.label_)
    if type_ is None or (type_ == PLACE and is_nationality_modifier(context, start, end)):
        return []
    if type_ == PLACE:
        # "Lake Chad Vanguard", "Kaduna State": the model stopped early; the name runs on
        # (but "U.S. President", "Alabama Governor CEO" are a place and a title)
        while (
            end < len(doc)
            and end not in taken
            and is_proper(doc[end])
            and not doc[end].is_upper
            and not _is_title(context, doc[end])
        ):
            end += 1
    elif ent.label_ == "PERSON" and end - start > 1 and not title_case.contains(ent.start_char):
        # "Sheikh Mahad Ali Gurey" tagged as "Sheikh" and "Ali Gurey": one name, whole. A
        # single word is not grown: "Martin" in "Lockheed Martin" is no first name.
        while start > 0 and continues_person(context, doc[start - 1], taken, persons):
            start -= 1
        while end < len(doc) and continues_person(context, doc[end], taken, persons):
            end += 1
    if ent.label_ == "PERSON":
        while start < end and _is_title(context, doc[start]):
            start += 1
        if start == end:
            return []
    return [
        Candidate(s, e, ent.label_, type_, quoted=is_quoted(doc, s, e)) for s, e in _pieces(context, start, end)
    ]


def _pieces(context: RuleContext, start: int, end: int) -> list[tuple[int, int]]:
    """A name span cut where it holds two names: at a lower-case word that cannot sit
    inside a name ("Niamey with Sangare"), or after a place or an acronym that owns the rest
    ("Kano's Sabon Gari", "IS's Delegated Committee")."""
    doc, gazetteer = context.doc, context.gazetteer
    if gazetteer.place_rank(doc[start:end].text):
        return [(start, end)]
    for i in range(start + 1, end - 1):
        word = doc[i]
        if _is_common_word(context, word) or (word.text == "," and not context.is_org_head(doc[i + 1])):
            # "Niamey with Sangare", "Mali, Burkina Faso" (but "Apple, Inc.")
            return [*_pieces(context, start, i), *_pieces(context, i + 1, end)]
        if word.tag_ == "POS" and (
            gazetteer.place_rank(doc[start:i].text) >= CITY_POPULATION or _is_acronym_owner(doc[start:i])
        ):
            return [(start, i), *_pieces(context, i + 1, end)]
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return []  # "nom de" cut from "nom de guerre Zagros Amed"
    return [(start, end)]


def _is_acronym_owner(owner) -> bool:
    """ "IS's Delegated Committee": an acronym owning the rest is an organisation of its own."""
    return len(owner) == 1 and owner[0].is_upper and len(owner[0].text) > 1 and owner[0].is_alpha


def _is_common_word(context: RuleContext, token) -> bool:
    """A lower-case word that cannot sit inside a name; not a piece of a hyphenated word
    ("Chol-ung", "Ka-fai")."""
    standalone = token.i == 0 or bool(token.doc[token.i - 1].whitespace_)
    return standalone and token.is_alpha and token.is_lower and token.lower_ not in context.cues.name_connectors


def continues_person(context: RuleContext, token, taken: set[int], persons: set[int]) -> bool:
    return (
        is_proper(token)
        and not token.is_upper
        and (token.i not in taken or token.i in persons)
        and not context.is_org_head(token)
        and not _is_title(context, token)
    )


def _is_title(context: RuleContext, token) -> bool:
    return token.lower_.rstrip(".") in context.cues.person_titles


def _label_type(context: RuleContext, start: int, end: int, label: str) -> str | None:
    """The newsgraph type of the model's label; a curated name is a mention whatever its
    label ("the AU" tagged NORP), and so is a known place the model tagged NORP."""
    text = context.doc[start:end].text
    if context.gazetteer.lexicon.find(text) is not None:
        return context.ontology.type_of_label(label) or OTHER
    if label in context.cues.places_when_known and context.gazetteer.place_rank(
        text
    ) >= context.population_needed(start, end, []):
        return PLACE
    return context.ontology.type_of_label(label)


def _is_edge_punct(token) -> bool:
    return token.is_punct or token.is_space or token.text in QUOTES


class _TitleCaseLines:
    """The lines of a text where Every Word Is Capitalised, so capitals say nothing about
    names there; computed once per document (a per-span scan would be quadratic)."""

    def __init__(self, text: str):
        spans, self.flags = [], []
        offset = 0
        for line in text.split("\n"):
            words = [w for w in line.split() if w.isalpha() and len(w) > 3]
            spans.append((offset, offset + len(line) + 1))
            self.flags.append(len(words) >= 3 and all(w[0].isupper() for w in words))
            offset += len(line) + 1
        self.lines = SpanIndex(spans)

    def contains(self, char: int) -> bool:
        return self.flags[self.lines.at_or_before(char)]

