"""Stages by name: what each requires and assigns is checked when a pipeline is built, and the
mentions stage swapped by name really replaces the mention rules."""
from __future__ import annotations

import pytest

from newsgraph.errors import PipelineError
from newsgraph.model import Analysis, Document
from newsgraph.pipeline import DEFAULT_STAGES, REGISTRY, Pipeline, make_stage
from newsgraph.pipeline.mention_rules import DEFAULT_RULES
from newsgraph.pipeline.mentions import MentionStage

# The bare model reads "Zaria" as a person and leaves "CPE observers" untagged; the rules
# make Zaria a place and every CPE an acronym of the name the text defines.
TEXT = (
    "Fighters of the Sokoto Valley Alliance (SVA) attacked a convoy near Gusau on Monday. "
    "Officials said the SVA had been weakened. The Coalition for Peaceful Elections (CPE) "
    "condemned the attack, and CPE observers travelled to Zaria."
)


def mentions(stages) -> set[tuple[str, str, str]]:
    analysis = Pipeline(stages=stages).analyze(Document(text=TEXT))
    return {(m.text, m.type, m.kind) for m in analysis.mentions}


def test_every_registered_stage_declares_what_it_requires_and_assigns():
    for name in REGISTRY:
        stage = make_stage(name)
        assert stage.name == name
        assert isinstance(stage.requires, tuple) and isinstance(stage.assigns, tuple)
    Pipeline(stages=DEFAULT_STAGES)  # the default order satisfies itself


def test_a_stage_before_what_it_requires_is_refused_with_a_clear_error():
    with pytest.raises(PipelineError, match=r"'coref' requires .*mentions.*no earlier stage assigns"):
        Pipeline(stages=["sentences", "coref", "mentions"])
    with pytest.raises(PipelineError, match="'mentions' requires sentences"):
        Pipeline(stages=["mentions"])
    with pytest.raises(PipelineError, match="unknown stage 'ner'"):
        Pipeline(stages=["sentences", "ner"])


def test_a_stage_object_counts_with_what_it_declares():
    class Sentences:
        name = "my-sentences"
        requires = ("parsed",)
        assigns = ("sentences",)

        def __call__(self, analysis: Analysis) -> Analysis:
            analysis.sentences = []
            return analysis

    analysis = Pipeline(stages=[Sentences(), "mentions"]).analyze(Document(text=TEXT))
    assert analysis.mentions and all(m.sentence is None for m in analysis.mentions)


def test_swapping_the_mentions_stage_by_name_drops_every_mention_rule():
    corrected = mentions(["sentences", "mentions"])
    bare = mentions(["sentences", "spacy-mentions"])
    assert ("Zaria", "place", "name") in corrected and ("CPE", "organization", "acronym") in corrected
    assert ("Zaria", "person", "name") in bare
    assert not any(kind == "acronym" for _, _, kind in bare)


def test_the_mentions_stage_runs_the_rules_it_is_given():
    all_rules = mentions(["sentences", MentionStage()])
    assert all_rules == mentions(["sentences", MentionStage(rules=DEFAULT_RULES)])
    without_acronyms = mentions(["sentences", MentionStage(rules=[r for r in DEFAULT_RULES if r != "acronyms"])])
    assert ("SVA", "organization", "acronym") in all_rules
    assert not any(kind == "acronym" for _, _, kind in without_acronyms)
    assert ("Zaria", "place", "name") in without_acronyms  # the other families still ran


def test_the_same_name_stage_groups_by_type_and_folded_name():
    analysis = Pipeline(stages=["sentences", "spacy-mentions", "same-name"]).analyze(Document(text=TEXT))
    by_entity = {}
    for m in analysis.mentions:
        by_entity.setdefault(m.entity, set()).add(m.text)
    assert all(len({t.casefold() for t in texts}) == 1 for texts in by_entity.values())
    assert len(analysis.entities) == len(by_entity)
