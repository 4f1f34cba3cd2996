"""Word lists shared by more than one component, read once from newsgraph/data.

Stages do not import each other, so a list both the mention rules and coreference need (person
titles, name particles), or the mention rules and the gazetteer (place suffixes), lives here
rather than in either.
"""

from __future__ import annotations

from newsgraph.ontology import read_json


def person_titles() -> dict[str, str | None]:
    """Folded title word ("sheikh", "dr", "spokeswoman") -> the gender it implies, or None."""
    return read_json("person_titles.json")["titles"]


def name_particles() -> frozenset[str]:
    """Lower-case words that belong inside a person's name ("bin", "al", "de")."""
    return frozenset(read_json("person_titles.json")["name_particles"])


def mention_cues() -> dict:
    """The naming cues of newsgraph/data/mention_cues.json: head nouns, place nouns, place
    suffixes, cue verbs and prepositions, words that sit inside names."""
    return read_json("mention_cues.json")


def time_zones() -> frozenset[str]:
    """Time-zone abbreviations ("GMT", "UTC", "PKT"), as written."""
    return frozenset(read_json("time_zones.json")["abbreviations"])
