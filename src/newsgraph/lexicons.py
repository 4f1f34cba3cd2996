"""Word lists shared by more than one component, read once from newsgraph/data.

Stages do not import each other, so a list both the mention rules and coreference need (person
titles, name particles), or the mention rules and the gazetteer (place suffixes), lives here
rather than in either.
"""

from __future__ import annotations

from functools import cache

from newsgraph.ontology import read_json


def person_titles() -> dict[str, str | None]:
    """Folded title word ("sheikh", "dr", "spokeswoman") -> the gender it implies, or None."""
    return read_json("person_titles.json")["titles"]


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words that belong inside a person's name ("bin", "al", "de", the "e" of "da
    Costa e Silva"), and the kunyas that open one ("Abu")."""
    rules = name_rules()
    return frozenset(read_json("person_titles.json")["name_particles"]).union(
        rules["particles"], rules["surname_conjunctions"], rules["arabic_articles"], rules["kunya_words"]
    )


def mention_cues() -> dict:
    """The naming cues of newsgraph/data/mention_cues.json: head nouns, place nouns, place
    suffixes, cue verbs and prepositions, words that sit inside names."""
    return read_json("mention_cues.json")


def time_zones() -> frozenset[str]:
    """Time-zone abbreviations ("GMT", "UTC", "PKT"), as written."""
    return frozenset(read_json("time_zones.json")["abbreviations"])


@cache
def name_rules() -> dict[str, frozenset[str]]:
    """The word lists of newsgraph/data/name_rules.json (joiners, particles, kunyas, ...), by
    list name; each list's source is noted in the file."""
    data = read_json("name_rules.json")
    lists = {key: frozenset(value["words"]) for key, value in data.items() if not key.startswith("_")}
    lists["nickname_fillers"] = frozenset(data["nickname_cues"]["fillers"])
    lists["relative_nickname_cues"] = frozenset(data["nickname_cues"]["relative_only"])
    return lists


def geo_cues() -> dict:
    """The cues of the geo stage and the place index in newsgraph/data/geo_cues.json: region
    words, how much the text's own countries weigh against population."""
    return read_json("geo_cues.json")
