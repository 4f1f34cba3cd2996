"""Within one text a name is one thing: every mention of a name gets the best supported type
(`one_type_per_name`), a place named with and without its administrative suffix ("Zamfara
State", "Zamfara") is one place (`place_short_forms`), and "the <X>" that ends an
organisation's name is that organisation (`organisation_short_forms`)."""

from __future__ import annotations

import re

from newsgraph.model import fold
from newsgraph.ontology import ORGANIZATION, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import CITY_POPULATION, Candidate, RuleContext, is_place_noun
from newsgraph.text import is_subsequence


def one_type_per_name(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """"Eastleigh" both an organisation ("the Eastleigh office") and a place ("the Eastleigh
    district") takes the type with the most support: a typing by the curated list or an
    acronym, then being part of a longer name of that type in the text ("Shield" in "Eastern
    Shield Brigades", which also makes a name the gazetteer does not know an organisation),
    then a place cue at one of the mentions ("the Eastleigh district", "in Eastleigh"), then
    the number of mentions, then the gazetteer for a place. People are left alone: a surname
    may well be a town too ("in Adamu"), which the person rules already weigh."""
    doc = context.doc
    by_name: dict[str, list[Candidate]] = {}
    for c in candidates:
        if not c.quoted and c.canonical is None:
            by_name.setdefault(fold(doc[c.start : c.end].text), []).append(c)
    for name, group in by_name.items():
        types = {c.type for c in group}
        if PERSON in types or all(c.settled for c in group):
            continue
        is_known_place = context.gazetteer.place_rank(doc[group[0].start : group[0].end].text) > 0
        if len(types) < 2 and (types != {PLACE} or is_known_place):
            continue
        words = tuple(name.split())
        longer = {
            o.type
            for o in candidates
            if o.end - o.start > len(words)
            and is_subsequence(words, tuple(fold(t.text) for t in doc[o.start : o.end]))
        }
        if ORGANIZATION in longer and not is_known_place:
            types.add(ORGANIZATION)  # "the Shield" tagged a place, with "Eastern Shield Brigades" about
        if len(types) < 2:
            continue
        place_cue = any(_has_place_cue(context, c) for c in group)
        support = {
            type_: (
                any(c.settled and c.type == type_ for c in group),
                type_ in longer,
                type_ == PLACE and place_cue,
                sum(c.type == type_ for c in group),
                type_ == PLACE and is_known_place,
            )
            for type_ in types
        }
        best = max(sorted(types), key=support.__getitem__)
        for c in group:
            c.type = best
    return candidates


def _has_place_cue(context: RuleContext, c: Candidate) -> bool:
    doc = context.doc
    after = doc[c.end] if c.end < len(doc) else None
    return (
        is_place_noun(after, context.cues.place_nouns)
        or context.after_place_noun_of(c.start)
        or (c.start > 0 and doc[c.start - 1].lower_ in context.cues.locatives)
    )


# Capitalised last words that make a province or district of a name ("Zamfara State").
ADMINISTRATIVE_SUFFIXES = frozenset({"state", "province", "region", "district", "county", "governorate"})


def place_short_forms(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """The bare name of a place the text also names with a capitalised administrative suffix
    takes the full name as its canonical one, so both are one entity."""
    doc = context.doc
    full_names: dict[str, str] = {}
    for c in candidates:
        last = doc[c.end - 1]
        if c.type == PLACE and c.end - c.start > 1 and last.is_title and last.lower_ in ADMINISTRATIVE_SUFFIXES:
            full_names.setdefault(fold(doc[c.start : c.end - 1].text), doc[c.start : c.end].text)
    for c in candidates:
        if c.type == PLACE and c.canonical is None:
            full = full_names.get(fold(doc[c.start : c.end].text))
            if full is not None:
                c.canonical = full
    return candidates


def organisation_short_forms(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """ "the Mehwar" in a text that names "Tehreek-e-Mehwar": a name after "the" made of the last
    words or hyphen pieces of an organisation named in the text is that organisation, whatever
    the model made of it ("the Mehwar's fighters" reads like a person's). People are never
    "the <X>", and a large place keeps its type ("the Punjab")."""
    doc = context.doc
    endings = {
        words[i:]
        for c in candidates
        if c.type == ORGANIZATION
        for words in [_pieces(doc[c.start : c.end].text)]
        for i in range(1, len(words))
    }
    short_forms = {
        _pieces(doc[c.start : c.end].text)
        for c in candidates
        if c.type in (PERSON, PLACE)
        and c.start > 0
        and doc[c.start - 1].lower_ == "the"
        and _pieces(doc[c.start : c.end].text) in endings
        and context.gazetteer.place_rank(doc[c.start : c.end].text) < CITY_POPULATION
    }
    for c in candidates:  # one sense per document: "Mehwar" without "the" too
        if not c.settled and c.type in (PERSON, PLACE) and _pieces(doc[c.start : c.end].text) in short_forms:
            c.type, c.label = ORGANIZATION, context.ontology.spacy_label(ORGANIZATION)
    return candidates


def _pieces(text: str) -> tuple[str, ...]:
    return tuple(fold(p) for p in re.split(r"[\s\-‐‑]+", text) if p)
