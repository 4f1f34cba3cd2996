"""Organisation names the model missed, found by their head word (mention_cues.json): a run of
capitalised words that ends in a capitalised institution noun ("the Quetta Shura"; not one
that also ends the names of gatherings: "the Unity of the Ummah Forum") or opens
with a head word of a language that puts it first ("Cartel de los Llanos", "Saraya Ahl
al-Thughur"), and a proper noun before a lower-case group noun ("the Škaljari clan"), unless
the gazetteer knows that word as a place ("the Sinaloa cartel" is the Sinaloa Cartel's
business, the place Sinaloa is not renamed).
"""

from __future__ import annotations

from newsgraph.model import fold
from newsgraph.ontology import ORGANIZATION
from newsgraph.pipeline.mention_rules.base import Candidate, RuleContext, is_capitalised

# Lower-case nouns after a proper noun that make it a group's name ("the Kavač clan").
_GROUP_NOUNS = ("clan", "cartel", "gang", "militia", "faction", "syndicate", "mafia")
# The model's labels for amounts and times: words under them are never part of a name.
_NUMERIC_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")


def add_missed_organisations(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    doc, cues = context.doc, context.cues
    taken = {i for c in candidates for i in range(c.start, c.end)}
    taken.update(i for ent in doc.ents for i in range(ent.start, ent.end) if ent.label_ in _NUMERIC_LABELS)
    label = context.ontology.spacy_label(ORGANIZATION)
    found = []
    i = 0
    while i < len(doc):
        if i in taken or not is_capitalised(doc[i]) or doc[i].is_sent_start:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken:
            after_connectors = end
            while after_connectors < len(doc) and doc[after_connectors].lower_ in cues.name_connectors:
                after_connectors += 1  # "Cartel de los Llanos"
            if after_connectors >= len(doc) or after_connectors in taken or not is_capitalised(doc[after_connectors]):
                break
            end = after_connectors + 1
        span = doc[i:end]
        after = doc[end] if end < len(doc) else None
        if (
            (len(span) > 1 and (fold(span[0].text) in cues.org_leading_heads or _institution_head(context, span[-1])))
            or (
                after is not None
                and after.is_lower
                and after.lower_ in _GROUP_NOUNS
                and all(t.pos_ == "PROPN" for t in span)
                and not context.gazetteer.place_rank(span.text)
            )
        ):
            found.append(Candidate(i, end, label, ORGANIZATION))
        i = end
    return sorted(candidates + found, key=lambda c: c.start) if found else candidates


def _institution_head(context: RuleContext, token) -> bool:
    """An institution noun that does not also end the names of gatherings ("... Forum")."""
    return context.is_org_head(token) and token.lower_ not in context.cues.event_like_heads
