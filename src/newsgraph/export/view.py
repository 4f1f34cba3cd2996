"""A `newsgraph/1` export dict indexed for the format converters.

Every converter reads the contract (docs/export.md), never the store or the model, so it
works the same on `newsgraph extract` output, a whole-store export or a neighbourhood. The
view checks once that every reference resolves, so a converter never writes a dangling edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsgraph.errors import NewsgraphError

SCHEMA = "newsgraph/1"


def unique(items: Iterable[str]) -> list[str]:
    """`items` without repeats, in first-seen order (output must not depend on set order)."""
    return list(dict.fromkeys(items))


@dataclass
class ExportView:
    export: dict
    documents: dict[str, dict]
    entities: dict[str, dict]

    @classmethod
    def of(cls, export: dict) -> ExportView:
        """Index `export`; a NewsgraphError if it is not newsgraph/1 or a reference dangles."""
        if not isinstance(export, dict) or export.get("schema") != SCHEMA:
            raise NewsgraphError(f"not a {SCHEMA} export")
        view = cls(
            export,
            {d["id"]: d for d in export["documents"]},
            {e["id"]: e for e in export["entities"]},
        )
        view._check_references()
        return view

    @property
    def relations(self) -> list[dict]:
        return self.export["relations"]

    @property
    def events(self) -> list[dict]:
        return self.export["events"]

    def _check_references(self) -> None:
        def need(ids: Iterable[str | None], known: dict, what: str, where: str) -> None:
            for ref in ids:
                if ref is not None and ref not in known:
                    raise NewsgraphError(
                        f"{where} refers to {what} {ref!r}, which the export does not contain"
                    )

        for e in self.entities.values():
            need((m["doc"] for m in e["mentions"]), self.documents, "document", e["id"])
        for fact in self.relations:
            need((fact["subject"], fact["object"]), self.entities, "entity", fact["id"])
        for fact in self.events:
            need(self.members(fact), self.entities, "entity", fact["id"])
        for fact in self.relations + self.events:
            need((ev["doc"] for ev in fact["evidence"]), self.documents, "document", fact["id"])

    def name(self, entity_id: str) -> str:
        return self.entities[entity_id]["name"]

    @staticmethod
    def members(event: dict) -> list[str]:
        """The entities an event connects: its participants, then its place."""
        return unique(
            [p["entity"] for p in event["participants"]] + ([event["place"]] if event["place"] else [])
        )

    @staticmethod
    def entity_documents(entity: dict) -> list[str]:
        """Ids of the documents that mention `entity`."""
        return unique(m["doc"] for m in entity["mentions"])

    @staticmethod
    def evidence_documents(fact: dict) -> list[str]:
        """Ids of the documents stating a relation or event."""
        return unique(ev["doc"] for ev in fact["evidence"])

    @staticmethod
    def sentences(fact: dict) -> list[str]:
        """The distinct evidence sentences of a relation or event."""
        return unique(ev["sentence"] for ev in fact["evidence"])

    def by_document(self) -> dict[str, list[str]]:
        """Document id -> ids of the entities it mentions and the relations and events it states."""
        index: dict[str, list[str]] = {doc_id: [] for doc_id in self.documents}
        for entity in self.entities.values():
            for doc_id in self.entity_documents(entity):
                index[doc_id].append(entity["id"])
        for fact in self.relations + self.events:
            for doc_id in self.evidence_documents(fact):
                index[doc_id].append(fact["id"])
        return index

    def urls(self, doc_ids: Iterable[str]) -> list[str]:
        """The URLs of those documents that have one."""
        return unique(self.documents[d]["url"] for d in doc_ids if self.documents[d].get("url"))

    def event_title(self, event: dict) -> str:
        """A readable one-line name: "meeting: A, B in Kano, 2021-05-03 (planned)"."""
        names = ", ".join(self.name(p["entity"]) for p in event["participants"])
        title = f"{event['type']}: {names}" if names else event["type"]
        if event["place"]:
            title += f" in {self.name(event['place'])}"
        value = (event.get("time") or {}).get("value")
        if value:
            title += f", {value}"
        if event["modality"] != "actual":
            title += f" ({event['modality']})"
        return title

    def participant_labels(self, event: dict) -> Iterator[str]:
        """Each participant as "name (role, remote)" for formats without a place for roles."""
        for p in event["participants"]:
            notes = [x for x in (p.get("role"), "remote" if p.get("remote") else None) if x]
            yield self.name(p["entity"]) + (f" ({', '.join(notes)})" if notes else "")
