"""Nationality and language words ("Somali militants", "two Yemenis", "spoke Swahili", derived
from the country names by newsgraph.gazetteer.demonyms) are no mentions, whatever the model
called them, except before an administrative noun ("the Somali region").
"""

from __future__ import annotations

from newsgraph.model import fold
from newsgraph.ontology import PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import Candidate, RuleContext, is_place_noun


def without_nationality_words(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """A nationality word alone ("Somali militants", "two Yemenis", "speaks Somali") names no
    place, person or organisation, even where a province has that name (Somali, Ethiopia);
    before a place noun it names the place ("the Somali region"). A word of a person's full
    name in the text ("Inayat Swati" ... "Swati said") is that person's surname."""
    doc, cues = context.doc, context.cues
    person_words = {fold(t.text) for c in candidates if c.type == PERSON and c.end - c.start > 1 for t in doc[c.start : c.end]}
    kept = []
    for c in candidates:
        if c.end - c.start > 1 and _after_pro_or_anti(doc, c.start) and fold(doc[c.start].text) in cues.demonyms:
            c.start += 1  # "the pro-Kurdish People's Party": the party is not Kurdish by name
        word = fold(doc[c.start].text)
        if c.end - c.start == 1 and not c.settled and word in cues.demonyms and word not in person_words:
            after = doc[c.end] if c.end < len(doc) else None
            if not is_place_noun(after, cues.place_suffixes):  # "Somali community" is people
                continue
            c.type = PLACE
        kept.append(c)
    return kept


def is_nationality_modifier(context: RuleContext, start: int, end: int) -> bool:
    """ "Somali militants", "Emirati officials": the model's place that is an unknown word
    with a demonym ending, modifying a noun."""
    token = context.doc[start]
    return (
        end - start == 1
        and token.dep_ in ("amod", "compound")
        and token.head.tag_ in ("NN", "NNS")
        and token.lower_.endswith(context.cues.demonym_endings)
        and not context.gazetteer.place_rank(token.text)
    )


def _after_pro_or_anti(doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text in ("-", "‐") and doc[start - 2].lower_ in ("pro", "anti")
