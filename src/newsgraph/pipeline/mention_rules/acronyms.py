"""Acronyms the text defines: "Harmattan Brotherhood (HB)" makes the full name an
organisation (a place for a known country: "Democratic Republic of the Congo (DRC)") and
every later "HB" an `acronym` mention of it, unless it is part of a longer name. An acronym of
the name in another language ("Federal Security Service (FSB)", Russian initials) counts when
the first letters agree and the name ends in an institution noun.
"""

from __future__ import annotations

from newsgraph.model import fold
from newsgraph.ontology import ORGANIZATION, PLACE
from newsgraph.pipeline.mention_rules.base import Candidate, RuleContext, is_capitalised
from newsgraph.text import abbreviates, is_acronym


def apply_acronym_definitions(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    doc = context.doc
    # Candidates by the tokens they cover, so each definition and each use of an acronym
    # looks only at its own tokens: linear in the document, however often ABC recurs.
    covering: dict[int, list[Candidate]] = {}

    def add(c: Candidate) -> None:
        candidates.append(c)
        for t in range(c.start, c.end):
            covering.setdefault(t, []).append(c)

    def drop(found: list[Candidate]) -> None:
        for c in found:
            c.dropped = True
            for t in range(c.start, c.end):
                covering[t].remove(c)

    label = context.ontology.spacy_label(ORGANIZATION)  # what the text itself says it is
    candidates = list(candidates)
    for c in candidates:
        for t in range(c.start, c.end):
            covering.setdefault(t, []).append(c)
    definitions: dict[str, tuple[str, str]] = {}
    for i in range(1, len(doc) - 2):
        acronym = doc[i + 1].text
        if doc[i].text != "(" or doc[i + 2].text != ")" or not is_acronym(acronym, mixed_case=True):
            continue
        name_start = _name_start(context, i, acronym)
        if name_start is None:
            continue
        name = doc[name_start:i].text
        overlapping = list({id(c): c for t in range(name_start, i) for c in covering.get(t, [])}.values())
        type_ = _defined_type(context, name, overlapping)
        definitions.setdefault(acronym, (name, type_))
        drop(overlapping)
        add(Candidate(name_start, i, label, type_, settled=True))
    if definitions:
        for i, token in enumerate(doc):
            if token.text not in definitions:
                continue
            name, type_ = definitions[token.text]
            found = list(covering.get(i, []))
            if any(c.end - c.start > 1 for c in found):
                continue  # part of a longer name, which wins
            drop(found)
            add(Candidate(i, i + 1, label, type_, kind="acronym", canonical=name, settled=True))
    return [c for c in candidates if not c.dropped]


def _name_start(context: RuleContext, paren: int, acronym: str) -> int | None:
    """Start token of the full name just before "(ACRONYM)", or None when the capitalised
    words there do not abbreviate to the acronym."""
    doc, cues = context.doc, context.cues
    first = paren
    while first > 0:
        token = doc[first - 1]
        if token.is_sent_end and first - 1 != paren - 1:
            break
        if not (is_capitalised(token) or token.lower_ in cues.name_connectors):
            break
        first -= 1
    for start in range(first, paren):
        if not is_capitalised(doc[start]) or doc[start].lower_ in cues.leading_words:
            continue
        words = [t.text for t in doc[start:paren] if is_capitalised(t)]
        if abbreviates(acronym, words):
            return start
    return _translated_name_start(context, first, paren, acronym)


def _translated_name_start(context: RuleContext, first: int, paren: int, acronym: str) -> int | None:
    """An acronym of the name in another language ("Federal Security Service (FSB)" from the
    Russian, "National Anti-Terrorism Committee (NAK)"): a relaxed initials test, only the
    first letters agree, and the name must end in an institution noun ("Kano Radio (NTA)" is
    two bodies). The name starts after an owning place ("Russia's") and a nationality word
    ("pro-Kurdish")."""
    doc, cues = context.doc, context.cues
    if paren - first < 2 or not context.is_org_head(doc[paren - 1]):
        return None
    start = first
    while start < paren - 1:
        token = doc[start]
        owned = doc[start + 1].tag_ == "POS" and context.gazetteer.place_rank(token.text)
        if token.lower_ in cues.leading_words or fold(token.text) in cues.demonyms or not is_capitalised(token):
            start += 1
        elif owned:
            start += 2
        else:
            break
    if paren - start < 2 or fold(doc[start].text)[:1] != fold(acronym)[:1]:
        return None
    return start


def _defined_type(context: RuleContext, name: str, overlapping: list[Candidate]) -> str:
    curated = context.gazetteer.lexicon.find(name)
    if curated is not None:
        return curated.type
    if context.gazetteer.place_rank(name) >= 10**9 and any(c.type == PLACE for c in overlapping):
        return PLACE  # "Democratic Republic of the Congo (DRC)"
    return ORGANIZATION
