"""Acronyms the text defines: "Harmattan Brotherhood (HB)" makes the full name an
organisation (a place for a known country: "Democratic Republic of the Congo (DRC)") and
every later "HB" an `acronym` mention of it, unless it is part of a longer name. An acronym of
the name in another language ("Federal Security Service (FSB)", Russian initials) counts when
the first letters agree and the name ends in an institution noun. A name the curated list
knows keeps its name and type, and the acronym joins it ("Indian-occupied Kashmir (IoK)": a
place); a name made whole earlier counts over its lower-case pieces. The definition may also
come the other way round: "the FSB (Federal Security Service)".
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
        if doc[i].text != "(":
            continue
        acronym = doc[i + 1].text
        if doc[i + 2].text == ")" and is_acronym(acronym, mixed_case=True):
            name_start, name_end = _name_start(context, i, acronym, covering), i  # "Full Name (ABC)"
        else:
            acronym = doc[i - 1].text  # "the ABC (Full Name)"
            name_start, name_end = i + 1, _expansion_end(context, i, acronym)
            if name_end is None:
                continue
        if name_start is None:
            continue
        name = doc[name_start:name_end].text
        overlapping = list(
            {id(c): c for t in range(name_start, name_end) for c in covering.get(t, [])}.values()
        )
        curated = [c for c in overlapping if c.settled and (c.start, c.end) == (name_start, name_end)]
        if curated:  # "Indian-occupied Kashmir (IoK)": the list's name and type, the text's acronym
            definitions.setdefault(acronym, (curated[0].canonical or name, curated[0].type))
            continue
        type_ = _defined_type(context, name, overlapping)
        definitions.setdefault(acronym, (name, type_))
        drop(overlapping)
        add(Candidate(name_start, name_end, label, type_, settled=True))
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


def _expansion_end(context: RuleContext, paren: int, acronym: str) -> int | None:
    """End token of the expansion in "ABC (Full Name)", or None when the brackets hold no
    capitalised name that ABC abbreviates (relaxed as for names in another language: the
    first letters agree and the name ends in an institution noun)."""
    doc, cues = context.doc, context.cues
    if not is_acronym(acronym, mixed_case=True):
        return None
    end = paren + 1
    while end < len(doc) and (is_capitalised(doc[end]) or doc[end].lower_ in cues.name_connectors):
        end += 1
    if end >= len(doc) or doc[end].text != ")" or end - paren < 3:
        return None
    words = [t.text for t in doc[paren + 1 : end] if is_capitalised(t)]
    return end if abbreviates(acronym, words) or _translated(context, acronym, paren + 1, end) else None


def _name_start(
    context: RuleContext, paren: int, acronym: str, covering: dict[int, list[Candidate]]
) -> int | None:
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
    # a name made whole by an earlier rule runs back over its lower-case pieces
    # ("Indian-occupied Kashmir (IoK)")
    first = min([first, *(c.start for c in covering.get(paren - 1, []) if c.end == paren)])
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
    if paren - first < 2:
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
    return start if paren - start >= 2 and _translated(context, acronym, start, paren) else None


def _translated(context: RuleContext, acronym: str, start: int, end: int) -> bool:
    """The relaxed initials test for a name in another language than its acronym: the name
    ends in an institution noun, and either the first letters agree ("Federal Security
    Service (FSB)") or the acronym has one letter per capitalised word of the name, as an
    acronym of the same name in its own language has ("People's Freedom and Justice Party
    (HÖAP)", Turkish initials)."""
    doc = context.doc
    if not context.is_org_head(doc[end - 1]):
        return False
    words = [t for t in doc[start:end] if is_capitalised(t)]
    letters = [c for c in acronym if c.isupper()]
    return fold(doc[start].text)[:1] == fold(acronym)[:1] or len(letters) == len(words) >= 3


def _defined_type(context: RuleContext, name: str, overlapping: list[Candidate]) -> str:
    curated = context.gazetteer.lexicon.find(name)
    if curated is not None:
        return curated.type
    if context.gazetteer.place_rank(name) >= 10**9 and any(c.type == PLACE for c in overlapping):
        return PLACE  # "Democratic Republic of the Congo (DRC)"
    return ORGANIZATION
