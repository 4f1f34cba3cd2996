"""Named mentions: the model's entities, then the mention rules (newsgraph.pipeline.mention_rules)
that correct their spans and types.

The small English model mislabels much of narrative news: towns as people ("visited Abuja"),
acronyms as places, event names in quotes as people, and it keeps "the" and trailing
punctuation in spans. The rules repair that with general evidence, one family per module, in
the order of `DEFAULT_RULES`: spans, curated names (over the model's where they overlap), curated types, acronym
definitions, context, the gazetteer, nationality words, overlaps, headlines, one type per
name, the title line. Their word lists live in newsgraph/data/mention_cues.json (person
titles, shared with coreference, in person_titles.json).

`MentionStage` is the mentions stage; built with other rules (or none: the model's entities
typed through the ontology, `SpacyMentionStage`) it is swapped by name like any stage.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.gazetteer import Gazetteer, get_gazetteer
from newsgraph.gazetteer.curated import user_entity_files
from newsgraph.model import Analysis, Mention
from newsgraph.pipeline.mention_rules import DEFAULT_RULES, RULES, Candidate, MentionRule, RuleContext
from newsgraph.text import SpanIndex


class MentionStage:
    """Fills `analysis.mentions` with the model's named entities as corrected by `rules` (names
    of `RULES` or rule functions), in order. `entity_files` extend the curated list (default:
    those of $NEWSGRAPH_ENTITIES)."""

    name = "mentions"
    requires = ("parsed", "sentences")
    assigns = ("mentions",)

    def __init__(
        self, rules: Iterable[str | MentionRule] = DEFAULT_RULES, entity_files: tuple[str, ...] | None = None
    ):
        self.rules = [RULES[r] if isinstance(r, str) else r for r in rules]
        files = user_entity_files() if entity_files is None else tuple(entity_files)
        self.gazetteer: Gazetteer = get_gazetteer(files)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.parsed
        context = RuleContext(doc, self.gazetteer, analysis.document.title)
        type_of = context.ontology.type_of_label
        candidates = [Candidate(e.start, e.end, e.label_, type_of(e.label_)) for e in doc.ents]
        for rule in self.rules:
            candidates = rule(context, candidates)
        sentences = SpanIndex((s.start, s.end) for s in analysis.sentences)
        text = analysis.document.text
        analysis.mentions = []
        for c in candidates:
            if c.type is None:
                continue
            start, end = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
            position = sentences.containing(start)
            analysis.mentions.append(
                Mention(
                    doc=analysis.document.id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=c.type,
                    kind=c.kind,
                    sentence=None if position is None else analysis.sentences[position].index,
                    canonical=c.canonical,
                    title=c.title,
                )
            )
        return analysis


class SpacyMentionStage(MentionStage):
    """The model's own entities, typed through the ontology, with no rule applied: the
    mentions stage of the `spacy` evaluation baseline."""

    name = "spacy-mentions"

    def __init__(self):
        super().__init__(rules=())
