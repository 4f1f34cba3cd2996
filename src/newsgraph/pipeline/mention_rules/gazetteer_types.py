"""Types from what the gazetteer and the rest of the text know of a name.

A name the model called a person or organisation is a place when it is a country, province,
curated place or a city of >= 1 000 000 people (>= 1 000 with a cue: "in", "travelled to",
"visited", "the town of", ...), unless its words belong to a full person name in the same
text; places the model missed are added the same way (`add_missed_places`). An
"organisation" without an institution head noun whose last word comes back alone is a person
("Harouna Issoufou Bako" ... "Bako").
"""

from __future__ import annotations

import calendar

from newsgraph.ontology import ORGANIZATION, OTHER, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import (
    CITY_POPULATION_AFTER_PREPOSITION,
    Candidate,
    RuleContext,
    is_proper,
    is_quoted,
)


def retype_by_gazetteer(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """One pass, each candidate settled before the next: a person read off an organisation
    or a place read off a person is evidence for the names that follow."""
    full_name_words = _full_name_words(context, candidates)
    for c in candidates:
        if c.settled or c.quoted:
            continue
        if c.type == ORGANIZATION and c.label == "ORG" and c.end - c.start > 1:
            _org_that_is_a_person(context, c, candidates)
        if c.type in (PERSON, ORGANIZATION, OTHER):
            _place_by_gazetteer(context, c, full_name_words, candidates)
    return candidates


# English month and weekday names and their abbreviations, from the standard library.
_CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr) if w
)


def add_missed_places(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Runs of proper nouns the model left untagged that the gazetteer knows as places."""
    doc = context.doc
    taken = {i for c in candidates for i in range(c.start, c.end)}
    taken.update(i for ent in doc.ents for i in range(_name_before_date(ent), ent.end))  # dates, numbers too
    full_name_words = _full_name_words(context, candidates)
    found = []
    i = 0
    while i < len(doc):
        if i in taken or not is_proper(doc[i]):
            i += 1
            continue
        end = i
        while end < len(doc) and end not in taken and is_proper(doc[end]):
            end += 1
        span = doc[i:end]
        if (
            not any(t.lower_ in full_name_words for t in span)
            and not is_quoted(doc, i, end)
            and context.gazetteer.place_rank(span.text) >= context.population_needed(i, end, candidates)
        ):
            found.append(Candidate(i, end, context.ontology.spacy_label(PLACE), PLACE))
        i = end
    return candidates + found


def _name_before_date(ent) -> int:
    """Where the model's date really starts: it tags a town it does not know as a DATE when a
    date follows ("near Turbat on Monday"), so proper nouns that are no calendar word, right
    before a preposition and a date word, are a name. "in Ramadan" stays the month."""
    if ent.label_ not in ("DATE", "TIME"):
        return ent.start
    doc = ent.doc
    i = ent.start
    while i < ent.end and is_proper(doc[i]) and doc[i].lower_ not in _CALENDAR_WORDS:
        i += 1
    date_follows = (
        i + 1 < len(doc)
        and doc[i].pos_ == "ADP"
        and (doc[i + 1].lower_ in _CALENDAR_WORDS or doc[i + 1].like_num)
    )
    return i if i > ent.start and date_follows else ent.start


def _org_that_is_a_person(context: RuleContext, c: Candidate, candidates: list[Candidate]) -> None:
    """ "Harouna Issoufou Bako" tagged ORG, with a bare "Bako" elsewhere. Two-word names
    need the surname tagged PERSON twice: "Northrop Grumman" with one stray "Grumman" stays
    a company."""
    doc = context.doc
    tokens = doc[c.start : c.end]
    if not all(t.is_alpha and t.is_title for t in tokens) or any(context.is_org_head(t) for t in tokens):
        return
    alone = context.bare_word_mentions(tokens[-1].lower_, candidates)
    surname = tokens[-1].lower_
    # another full name with that surname; the same name typed PERSON elsewhere is no evidence
    in_full_names = any(
        o.type == PERSON
        and o.end - o.start > 1
        and doc[o.end - 1].lower_ == surname
        and doc[o.start : o.end].text != tokens.text
        for o in candidates
    )
    if in_full_names or (len(tokens) > 2 and alone) or sum(o.type == PERSON for o in alone) >= 2:
        c.type = PERSON


def _place_by_gazetteer(
    context: RuleContext, c: Candidate, full_name_words: set[str], candidates: list[Candidate]
) -> None:
    if c.type == PERSON and c.end - c.start > 1:
        return  # a full person name wins over a namesake town
    span = context.doc[c.start : c.end]
    if any(t.lower_ in full_name_words for t in span):
        return  # the surname of someone named in full in this text
    if context.gazetteer.place_rank(span.text) >= context.population_needed(c.start, c.end, candidates):
        c.type = PLACE


def _full_name_words(context: RuleContext, candidates: list[Candidate]) -> set[str]:
    """Words of the text's full person names: a town that shares one is probably that
    person's surname. A "name" starting with a known place ("Bosaso Preacher" in a
    headline) is not evidence."""
    doc = context.doc
    return {
        t.lower_
        for c in candidates
        if c.type == PERSON
        and not c.quoted
        and c.end - c.start > 1
        and context.gazetteer.place_rank(doc[c.start].text) < CITY_POPULATION_AFTER_PREPOSITION
        for t in doc[c.start : c.end]
    }
