"""Type from context, one sense per document: every mention of a name votes for a type with the
words around it, and all mentions of the name take the type with the most votes.

Votes (word lists in mention_cues.json):
- organisation: the name opens with a head word of a language that puts it first ("Saraya
  ...", "Frente ...", "Lashkar-e-..."), or ends with an institution noun ("... Bank", "...
  Shura"), except a country's government ("the Canadian Government" is the place, as a
  capital standing for its government is); a member noun follows it ("<X> commander", "a
  senior <X> figure", "<X>'s spokesman", "<X> CEO") or governs it through "of"/"for"
  ("leader of <X>"); an organisation noun in apposition ("the airline, <X>"); "<X>-backed"
  (a place when the gazetteer knows <X>);
- person: a person noun in apposition ("<X>, a businessman", "a lawyer, <X>"), "he" or "she"
  as the subject of what it says ("<X> said she would appeal"), kin ("<X>'s son"), a relative
  "who" (not "the New York Mets, who exercised their option") or an age after it
  ("<X>, 44,"), a title just before it, being the subject of a verb only people do ("told",
  "met"); "the <X> administration" (a place for a country or its nationality word);
- place: a place noun after it or before "of" ("the Majengo district", "the town of Tibú"), a
  locative preposition before a name the gazetteer knows ("in Banja Luka"), a list with
  places the gazetteer knows ("Sarajevo, Mostar and Banja Luka"), a place noun in apposition
  ("<X>, the city in Paraguay"), the gazetteer's own weight for a country or a large city.
The model's type counts half a vote per mention. Names the curated list or an acronym
definition typed (`settled`) keep that type and give it to their other mentions; a one-word
name that is part of a person's full name in the text is judged mention by mention, since a
surname and a namesake town ("Sani Gusau" ... "in Gusau") can both be right: a place right
after "in", "near" ..., else left to coreference.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.model import fold
from newsgraph.ontology import ORGANIZATION, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import (
    CITY_POPULATION,
    CITY_POPULATION_AFTER_PREPOSITION,
    Candidate,
    RuleContext,
    is_place_noun,
)

MODEL_VOTE = 0.5
# Prepositions after which a surname that is also a town is the town ("told reporters in Gusau");
# not "from" or "at", which people follow too ("a letter from Gusau").
TOWN_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "into", "across", "throughout", "around"})
ACTOR_TYPES = (PERSON, ORGANIZATION, PLACE)


def vote_types(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    doc = context.doc
    person_words = {
        fold(t.text) for c in candidates if c.type == PERSON and c.end - c.start > 1 for t in doc[c.start : c.end]
    }
    # Places the gazetteer confirms, by token: a list partner the model merely called a place
    # ("Charanjit and Singh") is no evidence.
    places = {
        i
        for c in candidates
        if c.type == PLACE
        and context.gazetteer.place_rank(doc[c.start : c.end].text) >= CITY_POPULATION_AFTER_PREPOSITION
        for i in range(c.start, c.end)
    }
    groups: dict[str, list[Candidate]] = {}
    for c in candidates:
        if c.quoted or c.type not in ACTOR_TYPES:
            continue
        name = fold(doc[c.start : c.end].text)
        if c.end - c.start == 1 and name in person_words:
            if _town_after_preposition(context, c):
                c.type = PLACE  # "Sani Gusau told reporters in Gusau"
            continue
        groups.setdefault(name, []).append(c)
    for group in groups.values():
        settled = [c for c in group if c.settled]
        if settled:
            best = settled[0].type
        else:
            votes: Counter[str] = Counter()
            for c in group:
                votes[c.type] += MODEL_VOTE
                votes.update(_votes(context, c, places))
            current = Counter(c.type for c in group).most_common(1)[0][0]
            best = max(ACTOR_TYPES, key=lambda t: (votes[t], t == current))
        for c in group:
            if not c.settled:
                c.type = best
    return candidates


def _singular_who_clause(clause) -> bool:
    """A relative clause opened by "who" that speaks of one person: not "the New York Mets,
    who exercised their option" or "who are", as teams and firms are written."""
    return (
        clause.dep_ == "relcl"
        and any(w.lower_ == "who" for w in clause.children)
        and not any(t.lower_ in ("their", "them", "themselves") or t.tag_ == "VBP" for t in clause.subtree)
    )


def _says_he_or_she(verb) -> bool:
    """A verb whose complement clause has "he" or "she" for subject ("said she would")."""
    return any(
        clause.dep_ == "ccomp" and any(t.dep_ == "nsubj" and t.lower_ in ("he", "she") for t in clause.children)
        for clause in verb.children
    )


def _names_an_origin(root, cues) -> bool:
    """ "a cleric from <X>": where a person comes from. A relative clause after it ("a cleric
    from Swat who ...") belongs to the person, however the parse attaches it."""
    preposition = root.head if root.dep_ == "pobj" else None
    return (
        preposition is not None
        and preposition.lower_ == "from"
        and preposition.head.pos_ == "NOUN"
        and preposition.head.lemma_.lower() in cues.person_nouns
    )


def _town_after_preposition(context: RuleContext, c: Candidate) -> bool:
    """A town the gazetteer knows, right after "in", "near" ... and not owning anything."""
    doc = context.doc
    before = doc[c.start - 1] if c.start > 0 else None
    after = doc[c.end] if c.end < len(doc) else None
    return (
        before is not None
        and before.lower_ in TOWN_PREPOSITIONS
        and not (after is not None and after.tag_ == "POS")
        and context.gazetteer.place_rank(doc[c.start : c.end].text) >= CITY_POPULATION_AFTER_PREPOSITION
    )


def _is_country(context: RuleContext, text: str) -> bool:
    """A country or province, or its nationality word ("Canadian")."""
    return context.gazetteer.place_rank(text) >= 10**9 or fold(text) in context.cues.demonyms


def _listed_with_a_place(c: Candidate, root, places: set[int]) -> bool:
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [t for t in root.children if t.dep_ == "conj"]
    return any(t.i in places and not c.start <= t.i < c.end for t in partners)


def _votes(context: RuleContext, c: Candidate, places: set[int]) -> Counter[str]:
    doc, cues = context.doc, context.cues
    votes: Counter[str] = Counter()
    span = doc[c.start : c.end]
    text = span.text
    root = span.root
    place_rank = context.gazetteer.place_rank(text)
    before = doc[c.start - 1] if c.start > 0 else None
    after = doc[c.end] if c.end < len(doc) else None
    next_word = doc[c.end + 1] if c.end + 1 < len(doc) else None
    not_a_person = PLACE if place_rank else ORGANIZATION

    # what the name is made of
    if len(span) > 1 and fold(span[0].text) in cues.org_leading_heads:
        votes[ORGANIZATION] += 3
    if len(span) > 1 and span[-1].lower_ in cues.administration_nouns and _is_country(context, span[:-1].text):
        votes[PLACE] += 3  # "the Canadian Government": a country's government is the country
    elif len(span) > 1 and context.is_org_head(span[-1]) and c.label != "PERSON":
        votes[ORGANIZATION] += 2  # a "person" ending in "Bank" is the context rule's to weigh

    # the words after it
    if after is not None:
        if after.lower_ in cues.member_nouns and not place_rank and not after.is_title:
            votes[ORGANIZATION] += 2  # "<X> commander", "a senior <X> figure", "<X> CEO"
        elif after.tag_ == "POS" and next_word is not None and next_word.lower_ in cues.kinship_nouns:
            votes[PERSON] += 2  # "<X>'s daughter-in-law"
        elif after.tag_ == "POS" and next_word is not None and next_word.lower_ in cues.member_nouns:
            votes[not_a_person] += 1  # "<X>'s spokesman": weak, people have spokesmen too
        elif after.is_lower and after.lower_ in cues.administration_nouns and before is not None and before.lower_ == "the":
            votes[PLACE if _is_country(context, text) else PERSON] += 2  # "the <X> administration"
        elif after.text in ("-", "‐") and next_word is not None and next_word.lower_ in cues.backing_suffixes:
            votes[not_a_person] += 2  # "<X>-backed"
        if after.text == "," and next_word is not None and next_word.like_num:
            if c.end + 2 < len(doc) and doc[c.end + 2].text == ",":
                votes[PERSON] += 2  # "<X>, 44,"
    if root.dep_ == "poss" and root.head.lemma_.lower() in cues.organization_possessions:
        votes[ORGANIZATION] += 2  # "<X>'s chief executive": what only an organisation has
    elif (
        root.dep_ == "compound"
        and root.head.is_lower
        and root.head.lemma_ in cues.organization_nouns
        and c.type != PLACE
        and place_rank < CITY_POPULATION  # "the Punjab council" is the province's
    ):
        votes[ORGANIZATION] += 2  # "the judiciary's <X> news agency"
    if any(_singular_who_clause(t) for t in root.children) and not _names_an_origin(root, cues):
        votes[PERSON] += 2  # "<X>, who ..."

    # the words before it
    if before is not None:
        if (
            before.lower_.rstrip(".") in cues.person_titles
            and before.pos_ in ("NOUN", "PROPN")  # "Colonel", not "the former Southern California star"
            and not context.is_org_head(span[-1])
        ):
            votes[PERSON] += 2  # "spokesman Jordan Whitaker", "Colonel ..."
        elif before.is_lower and before.lower_ in cues.person_nouns and before.head.i == root.i:
            votes[PERSON] += 2  # "the elder Yunus Shahwani", "the cleric <X>"
        elif before.lower_ in ("of", "for") and c.start >= 2:
            governor = doc[c.start - 2]
            if governor.lower_ == "the" and c.start >= 3:
                governor = doc[c.start - 3]
            if governor.lower_ in cues.member_nouns and not place_rank:
                votes[ORGANIZATION] += 2  # "leader of <X>", "a spokesman for <X>"
        elif (
            before.lower_ in cues.locatives
            and place_rank
            and not (after is not None and after.tag_ == "POS")
            and not (len(span) == 1 and context.is_org_head(span[0]))  # "at the Bank"
        ):
            votes[PLACE] += 2  # "in Banja Luka"
        elif (
            before.lower_ in TOWN_PREPOSITIONS
            and c.type == PERSON
            and not place_rank
            and not (after is not None and after.tag_ == "POS")
        ):
            votes[PLACE] += 2  # "a police post in Dolo Ado": people are not where things happen
        elif _names_an_origin(root, cues):
            votes[PLACE] += 2  # "a cleric from Swat"
    if is_place_noun(after, cues.place_nouns) or context.after_place_noun_of(c.start):
        votes[PLACE] += 2  # "the Majengo district", "the town of Tibú"

    # apposition and the verb
    appositives = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        appositives.append(root.head)
    for word in appositives:
        lemma = word.lemma_.lower()
        if word.i in range(c.start, c.end) or word.pos_ == "PROPN":
            continue
        if lemma in cues.person_nouns or lemma in cues.person_titles:
            votes[PERSON] += 2
        elif lemma in cues.organization_nouns:
            votes[ORGANIZATION] += 2  # "the airline, <X>", "<X>, a drug-trafficking group"
        elif is_place_noun(word, cues.place_nouns):
            votes[PLACE] += 2
    if root.dep_ == "nsubj" and root.head.lemma_ in cues.person_verbs:
        votes[PERSON] += 1
    if root.dep_ == "nsubj" and _says_he_or_she(root.head):
        votes[PERSON] += 2  # "<X> said she would appeal": organisations are "it" and "they"
    if place_rank and _listed_with_a_place(c, root, places):
        votes[PLACE] += 2  # "Sarajevo, Mostar and Banja Luka"

    # the gazetteer's own weight
    if place_rank >= 10**9:
        votes[PLACE] += 1.5
    elif place_rank >= CITY_POPULATION:
        votes[PLACE] += 0.5
    return votes
