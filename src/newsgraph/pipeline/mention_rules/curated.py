"""The curated list (newsgraph/data/entities.jsonl + $NEWSGRAPH_ENTITIES): names the model
misses are added (`add_curated_names`, spaCy's EntityRuler over the curated forms, never over
the model's own entities), and a curated name gets the list's type and canonical name
(`apply_curated`), which no later rule second-guesses.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.gazetteer import Gazetteer
from newsgraph.ontology import load_ontology
from newsgraph.pipeline.mention_rules.base import Candidate, RuleContext
from newsgraph.pipeline.nlp import load_nlp
from newsgraph.text import is_acronym


def add_curated_names(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Curated names the model left untagged, as candidates with the list's spaCy label."""
    doc = context.doc
    known = {(c.start, c.end) for c in candidates}
    _ruler(context.gazetteer)(doc)
    added = [
        Candidate(e.start, e.end, e.label_, context.ontology.type_of_label(e.label_))
        for e in doc.ents
        if (e.start, e.end) not in known
    ]
    return sorted([*candidates, *added], key=lambda c: c.start) if added else candidates


def apply_curated(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    for c in candidates:
        text = context.doc[c.start : c.end].text
        entity = context.gazetteer.lexicon.find(text)
        if entity is None or c.quoted:
            continue
        c.type, c.settled = entity.type, True
        if entity.name != text:
            c.canonical = entity.name
            c.kind = "acronym" if is_acronym(text, mixed_case=True) else "alias"
    return candidates


@lru_cache(maxsize=4)
def _ruler(gazetteer: Gazetteer):
    """An EntityRuler over every curated form, built once per gazetteer; it only adds names
    where the model found none."""
    ontology = load_ontology()
    ruler = load_nlp().create_pipe("entity_ruler", config={"overwrite_ents": False})
    ruler.add_patterns(
        [
            {"label": ontology.spacy_label(entity.type), "pattern": form, "id": entity.name}
            for entity in gazetteer.lexicon.entities
            for form in entity.forms
        ]
    )
    return ruler
