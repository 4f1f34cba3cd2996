"""Screen a graph's people and organisations against a watchlist with the resolver's own
matcher and blocking: the list's names are blocked once (`Blocking`), each entity's names probe
the blocks, and every pair that meets is scored by `names.compare` under the type both share.
A person is never compared with an organisation; a list entry of unknown kind (FtM
LegalEntity) is compared as either.

A match says which pair of names scored best, the evidence (`exact` once folded,
`transliteration` when a part matched only as another spelling, `acronym`, `reference list`
when the project's list of known actors gives both names one actor, `part left out`
when one name has a part the other lacks; and `alias` when either name is an alias), the types, and whether the entity's countries in the graph agree with the list's
(`country_evidence`, added by the caller that knows them).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsgraph.resolve.name_resolver import Blocking, record_keys
from newsgraph.resolve.names import ACRONYM, KNOWN, Score, compare
from newsgraph.resolve.watchlist import ListedEntity


@dataclass(frozen=True)
class Subject:
    """A graph entity to screen: its id, type and names (the shown name first)."""

    id: str
    type: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """A graph entity and a list entry whose names score at least the screening threshold."""

    subject: Subject
    listed: ListedEntity
    score: Score
    subject_name: str
    listed_name: str
    evidence: tuple[str, ...]
    country: str = "unknown"  # agrees, differs, or unknown (the graph or the list knows none)
    countries: tuple[str, ...] = ()  # the graph's countries for the subject

    @property
    def type_agreement(self) -> str:
        return f"{self.subject.type} ~ {self.listed.schema}"


def match_names(subjects: Iterable[Subject], listed: Sequence[ListedEntity], threshold: float) -> list[Match]:
    """Each (subject, list entry) pair whose best name pair scores at least `threshold`."""
    records = [(entry, name, type_) for entry in listed for type_ in entry.types for name in entry.names]
    blocking = Blocking.of([record_keys(name, type_) for _, name, type_ in records])
    matches = []
    for subject in subjects:
        best: dict[str, Match] = {}
        for subject_name in subject.names:
            for index in blocking.probe(record_keys(subject_name, subject.type)):
                entry, listed_name, _ = records[index]
                score = compare(subject_name, listed_name, subject.type)
                if score.value >= threshold and (entry.id not in best or score.value > best[entry.id].score.value):
                    evidence = _evidence(subject, entry, subject_name, listed_name, score)
                    best[entry.id] = Match(subject, entry, score, subject_name, listed_name, evidence)
        matches.extend(best.values())
    return matches


def _evidence(subject: Subject, entry: ListedEntity, subject_name: str, listed_name: str, score: Score
              ) -> tuple[str, ...]:
    if ACRONYM in score.parts:
        kind = "acronym"
    elif KNOWN in score.parts:
        kind = "reference list"
    elif score.value == 1.0:  # every part equal once folded (doubled letters aside), none left out
        kind = "exact"
    elif any(value < 1.0 for value in score.parts.values()):
        kind = "transliteration"
    else:
        kind = "part left out"
    alias = subject_name != subject.names[0] or listed_name != entry.names[0]
    return (kind, "alias") if alias else (kind,)


def with_countries(matches: Iterable[Match], countries: Mapping[str, Iterable[str]]) -> list[Match]:
    """The matches with country evidence (`countries`: subject id → the countries the graph
    knows for it), best first: by score, then agreeing countries before unknown before
    differing ones, then by names."""
    rank = {"agrees": 0, "unknown": 1, "differs": 2}
    found = []
    for m in matches:
        known = tuple(sorted(set(countries.get(m.subject.id, ()))))
        if not known or not m.listed.countries:
            verdict = "unknown"
        else:
            verdict = "agrees" if set(known) & set(m.listed.countries) else "differs"
        found.append(replace(m, country=verdict, countries=known))
    return sorted(found, key=lambda m: (-m.score.value, rank[m.country], m.subject.names[0], m.listed.names[0]))
