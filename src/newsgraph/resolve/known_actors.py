"""The reference list of actors as name evidence: two names the list gives one actor (a name and
its alias, acronym, translation or former name: "Houthis" / "Ansar Allah") are that actor's,
and two names it gives two different actors ("Lashkar-e-Taiba" / "Lashkar-e-Jhangvi") are not
one. An acronym the list does not hold still points to the actor one of whose listed names it
spells ("ISKP" → "Islamic State Khorasan Province").

The list is the curated one of the gazetteer (newsgraph/data/actors.jsonl and entities.jsonl,
extended through $NEWSGRAPH_ENTITIES); names are looked up by a key the matcher gives them
(folded, spelling habits undone), so a listed spelling also finds its close variants.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsgraph.gazetteer.curated import CuratedEntity


@dataclass(frozen=True)
class Lookup:
    """The actors a name is listed for (`listed`), else those whose listed names it spells as
    an acronym (`spelled`), as indices into the list."""

    listed: frozenset[int] = frozenset()
    spelled: frozenset[int] = frozenset()

    @property
    def actors(self) -> frozenset[int]:
        return self.listed or self.spelled


@dataclass
class ReferenceIndex:
    """Actor indices by (type, name key) and by (type, acronym a listed name spells)."""

    names: list[str] = field(default_factory=list)
    by_key: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    by_acronym: dict[tuple[str, str], set[int]] = field(default_factory=dict)

    def lookup(self, type_: str, key: str, acronym: str | None) -> Lookup:
        listed = frozenset(self.by_key.get((type_, key), ()))
        spelled = frozenset(self.by_acronym.get((type_, acronym), ())) if acronym and not listed else frozenset()
        return Lookup(listed, spelled)


def build_index(entities: Iterable[CuratedEntity], key: Callable[[str, str], str],
                acronyms: Callable[[str, str], Iterable[str]]) -> ReferenceIndex:
    """Index every form of every entity under its key, and every acronym its longer forms spell."""
    index = ReferenceIndex()
    for number, entity in enumerate(entities):
        index.names.append(entity.name)
        for form in entity.forms:
            k = key(form, entity.type)
            if k:
                index.by_key.setdefault((entity.type, k), set()).add(number)
            for acronym in acronyms(form, entity.type):
                index.by_acronym.setdefault((entity.type, acronym), set()).add(number)
    return index
