"""The mention rules, one module per family, run in order by `MentionStage` over the model's
entities. Each rule is a function `rule(context, candidates) -> candidates`; `RULES` names
them so a stage can be built from a list of names, and `DEFAULT_RULES` is the order the
mentions stage uses. Later rules trust what earlier ones settled: spans are cut before they
are typed, the curated list and acronym definitions type before context and the gazetteer
guess, and headlines and one-type-per-name look at the finished names.
"""

from __future__ import annotations

from newsgraph.pipeline.mention_rules import (
    acronyms,
    context,
    curated,
    gazetteer_types,
    headlines,
    introduced,
    names,
    nationality,
    non_entities,
    one_type_per_name,
    organisations,
    spans,
    votes,
)
from newsgraph.pipeline.mention_rules.base import Candidate, MentionRule, RuleContext

RULES: dict[str, MentionRule] = {
    "spans": spans.clean_spans,
    "names": names.whole_names,
    "curated-names": curated.add_curated_names,
    "curated-types": curated.apply_curated,
    "acronyms": acronyms.apply_acronym_definitions,
    "datelines": non_entities.datelines,
    "non-actors": non_entities.without_non_actors,
    "ships-and-treaties": non_entities.ships_and_treaties,
    "context": context.retype_by_context,
    "gazetteer-types": gazetteer_types.retype_by_gazetteer,
    "missed-places": gazetteer_types.add_missed_places,
    "missed-organisations": organisations.add_missed_organisations,
    "introduced-names": introduced.add_introduced_names,
    "context-votes": votes.vote_types,
    "nationality": nationality.without_nationality_words,
    "overlaps": spans.without_overlaps,
    "headlines": headlines.corroborated_headlines,
    "one-type-per-name": one_type_per_name.one_type_per_name,
    "place-short-forms": one_type_per_name.place_short_forms,
    "organisation-short-forms": one_type_per_name.organisation_short_forms,
    "title-line": headlines.corroborated_title_line,
    "given-names": names.given_names,
    "nicknames": names.nickname_aliases,
    "titles": names.record_titles,
}
DEFAULT_RULES = tuple(RULES)

__all__ = ["DEFAULT_RULES", "RULES", "Candidate", "MentionRule", "RuleContext"]
