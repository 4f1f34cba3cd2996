"""Types from the words around a name: a quoted name ("the 'Desert Dawn' convention") is an
event name, type other; a name before a place noun ("the Baga market", "Sabon Gari district")
or owned by a place ("Kano's Sabon Gari") is a place; a place name followed by more name words
that are not a place suffix ("Lake Chad Vanguard") is an organisation; a facility or a
"person" whose head noun is an institution ("National Press Centre", "Desert Shield
Brigade") is an organisation.
"""

from __future__ import annotations

from newsgraph.ontology import ORGANIZATION, OTHER, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import (
    CITY_POPULATION,
    Candidate,
    RuleContext,
    is_capitalised,
    is_place_noun,
)


def retype_by_context(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    for c in candidates:
        if c.quoted:
            c.type = OTHER
        elif not c.settled:
            _retype(context, c, candidates)
    return candidates


def _retype(context: RuleContext, c: Candidate, candidates: list[Candidate]) -> None:
    doc, cues = context.doc, context.cues
    after = doc[c.end] if c.end < len(doc) else None
    if c.label == "FAC":
        # "National Press Centre" is an institution, "Kirikiri prison" a place
        c.type = ORGANIZATION if context.is_org_head(doc[c.end - 1]) else PLACE
    elif (
        c.type == PERSON
        and c.end - c.start > 1
        and context.is_org_head(doc[c.end - 1])
        and not context.bare_word_mentions(doc[c.end - 1].lower_, candidates)
    ):
        c.type = ORGANIZATION  # "Desert Shield Brigade" tagged PERSON; but "Jim Bank" comes back as "Bank"
    if (
        c.type != PLACE
        and not context.is_org_head(doc[c.end - 1])
        and (is_place_noun(after, cues.place_nouns) or context.after_place_noun_of(c.start))
    ):
        c.type = PLACE  # "the Baga market", "Sabon Gari district", "the city of Bosaso"
    elif c.type == PERSON and _owned_by_place(context, c, candidates):
        c.type = PLACE
    elif c.type == PLACE and c.end - c.start > 1:
        _place_named_organisation(context, c)


def _owned_by_place(context: RuleContext, c: Candidate, candidates: list[Candidate]) -> bool:
    """ "Kano's Sabon Gari": a short name owned by a place is a place, unless its words
    are used as a person's name elsewhere in the text."""
    doc = context.doc
    if c.start < 2 or doc[c.start - 1].tag_ != "POS" or c.end - c.start > 3:
        return False
    owner = next((o for o in candidates if o.end == c.start - 1 and o.type == PLACE), None)
    if owner is None:
        return False
    words = {t.lower_ for t in doc[c.start : c.end]}
    elsewhere = {
        t.lower_
        for o in candidates
        if o is not c and o.type == PERSON and not o.quoted
        for t in doc[o.start : o.end]
    }
    return not words & elsewhere


def _place_named_organisation(context: RuleContext, c: Candidate) -> None:
    """ "Lake Chad Vanguard", "Kano Pillars": a known place followed by name words that are
    not a place suffix ("Borno State", "Niger Delta") names an organisation."""
    doc, gazetteer = context.doc, context.gazetteer
    span = doc[c.start : c.end]
    if gazetteer.place_rank(span.text) or span[-1].lower_ in context.cues.place_suffixes:
        return
    for split in range(c.end - 1, c.start, -1):
        rest = doc[split : c.end]
        if (
            gazetteer.place_rank(doc[c.start : split].text) >= CITY_POPULATION
            and all(is_capitalised(t) for t in rest)
            and not gazetteer.place_rank(rest.text)
        ):
            c.type = ORGANIZATION
            return
