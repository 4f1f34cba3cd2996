"""Same-name stage: one entity per type and folded name, nothing else.

The simplest grouping there is, with no short forms, pronouns or aliases: what coreference
is measured against (the `spacy` evaluation baseline runs it after the bare model's mentions).
"""

from __future__ import annotations

from newsgraph.model import Analysis, Entity


class SameNameStage:
    name = "same-name"
    requires = ("mentions",)
    assigns = ("entities",)

    def __call__(self, analysis: Analysis) -> Analysis:
        entities: dict[str, Entity] = {}
        for mention in analysis.mentions:
            entity_id = Entity.make_id(mention.type, mention.text)
            mention.entity = entity_id
            entities.setdefault(entity_id, Entity(entity_id, mention.type, mention.text))
        analysis.entities = list(entities.values())
        return analysis
