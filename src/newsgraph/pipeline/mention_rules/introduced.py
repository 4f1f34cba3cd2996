"""Names the model missed that the text itself introduces. News introduces a new actor with a
noun beside its name, and that noun types the name (word lists in mention_cues.json):

- a person noun or title in apposition: "QUETTA - Naveed Zaheer, the commander of ...",
  "Mirza Haidari, a lawyer, said ..." (a person: two name words at least, since a lone word
  there is as often a surname coreference will find);
- an organisation noun in apposition: "Hengaw, a Kurdish rights group based in Norway";
- an organisation noun just before the name: "the counter-terrorism directorate Dircote";
- a lower-case place noun the name modifies: "the Cal Miskaad mountains", "the Kech district".

The model misses such names after all-capital datelines and when they are unlike English
names. Only proper nouns in mixed case count (an all-capital word is a dateline or an
acronym, which other rules read), and never a place the gazetteer knows as a city or larger.
"""

from __future__ import annotations

from newsgraph.ontology import ORGANIZATION, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import (
    CITY_POPULATION,
    Candidate,
    RuleContext,
    is_capitalised,
    is_place_noun,
)

# The model's labels for amounts and times: words under them are never part of a name.
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def add_introduced_names(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    doc = context.doc
    taken = {i for c in candidates for i in range(c.start, c.end)}
    found = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and _name_word(doc[end], taken):
            end += 1
        if end == i:
            i += 1
            continue
        type_ = _introduced_as(context, i, end)
        if type_ is not None and context.gazetteer.place_rank(doc[i:end].text) < CITY_POPULATION:
            found.append(Candidate(i, end, context.ontology.spacy_label(type_), type_))
        i = end
    return sorted(candidates + found, key=lambda c: c.start) if found else candidates


def _name_word(token, taken: set[int]) -> bool:
    return (
        token.i not in taken
        and token.pos_ == "PROPN"
        and is_capitalised(token)
        and not token.is_upper
        and token.ent_type_ not in _NUMERIC_LABELS
    )


def _introduced_as(context: RuleContext, start: int, end: int) -> str | None:
    """The type the nouns beside the run doc[start:end] give it, or None."""
    doc, cues = context.doc, context.cues
    span = doc[start:end]
    root = span.root
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and before.is_lower
        and before.pos_ == "NOUN"
        and before.lemma_ in cues.organization_nouns
        and before.head.i in range(start, end)
    ):
        return ORGANIZATION  # "the directorate Dircote"
    if root.dep_ == "compound" and is_place_noun(root.head, cues.place_nouns) and root.head.i == end:
        return PLACE  # "the Cal Miskaad mountains"
    for word in root.children:
        if word.dep_ != "appos" or word.pos_ != "NOUN" or not word.is_lower:
            continue
        lemma = word.lemma_.lower()
        if (lemma in cues.person_nouns or lemma in cues.person_titles) and len(span) > 1:
            return PERSON  # "Naveed Zaheer, the commander of ..."
        if lemma in cues.organization_nouns:
            return ORGANIZATION  # "Hengaw, a Kurdish rights group"
    return None
