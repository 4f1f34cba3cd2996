"""`stix`: a STIX 2.1 bundle (what OpenCTI, MISP and other threat-intelligence platforms import).

Mapping (docs/export.md, "Formats"):
- a person or organisation is an `identity` (`identity_class` individual / organization),
  unless the graph shows it acting as a threat: the perpetrator of an event or the subject of
  a `designated_by` relation (not denied). Then it is a `threat-actor` (with `aliases`,
  `first_seen`/`last_seen` from its documents). Nothing is guessed from names or types alone;
- a place with coordinates is a `location` (latitude, longitude, country); a place the
  gazetteer did not find, and `other` entities, have no STIX object and are left out;
- a relation is a `relationship` (`located_in` → `located-at`, other types hyphenated:
  `member_of` → `member-of`), its evidence sentences in `description`, one external reference
  per stating document, and `confidence` from the certainty (CONFIDENCE below);
- an event is a `grouping` of its participants and place (STIX 2.1 has no event object), its
  title, time, roles and evidence in `description`, the same `confidence`, and labels
  `event:<type>`, `certainty:<c>`, `modality:<m>`;
- a document is a `report` whose `object_refs` are everything it mentions or states.

Ids are UUIDv5 of the newsgraph ids (STIX says SHOULD be v4; v5 makes re-exports stable, as
OpenCTI does) and timestamps come from publication dates, never the clock, so the same graph
gives the same bundle byte for byte.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import BinaryIO

import stix2

from newsgraph.export.view import ExportView, unique

NAMESPACE = uuid.UUID("5b0c1d57-33a7-4b6c-9a57-3e0b1f4d2a11")

# Certainty -> STIX confidence (0-100), placed on the DNI estimative-language scale of the STIX
# 2.1 spec, appendix A: asserted in the source's own voice "very likely" (80-95); attributed
# to someone else "likely" (55-80); hedged "roughly even chance" (45-55); denied "very
# unlikely" (5-20). A reading of the wording, not a measured probability.
CONFIDENCE = {"asserted": 85, "reported": 65, "hedged": 50, "denied": 10}

THREAT_ROLES = frozenset({"perpetrator"})
THREAT_RELATIONS = frozenset({"designated_by"})
RELATIONSHIP_TYPES = {"located_in": "located-at"}
IDENTITY_CLASSES = {"person": "individual", "organization": "organization"}

# STIX requires timestamps; this one stands for "no document of it has a publication date"
# (a plausible-looking date borrowed from another document would be invented).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def stix_id(kind: str, newsgraph_id: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, newsgraph_id)}"


def relationship_type(newsgraph_type: str) -> str:
    """STIX relationship types are lowercase letters, digits and hyphens."""
    mapped = RELATIONSHIP_TYPES.get(newsgraph_type) or newsgraph_type.lower()
    return re.sub(r"[^a-z0-9]+", "-", mapped).strip("-") or "related-to"


class _Bundler:
    """Builds the STIX objects of one export, remembering which newsgraph id became which."""

    def __init__(self, view: ExportView):
        self.view = view
        self.refs: dict[str, str] = {}  # newsgraph id -> STIX id
        self.objects: list = []
        self.threats = self._threats()

    @staticmethod
    def _date(doc: dict) -> datetime | None:
        published = doc.get("published")
        return datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None

    def _span(self, doc_ids: Iterable[str]) -> tuple[datetime, datetime]:
        """First and last publication date among the documents (EPOCH when none has one)."""
        dates = [d for d in (self._date(self.view.documents[i]) for i in doc_ids) if d] or [EPOCH]
        return min(dates), max(dates)

    def _threats(self) -> set[str]:
        view = self.view
        acting = {
            p["entity"]
            for v in view.events
            if v["certainty"] != "denied"
            for p in v["participants"]
            if p.get("role") in THREAT_ROLES
        }
        designated = {
            r["subject"]
            for r in view.relations
            if r["type"] in THREAT_RELATIONS and r["certainty"] != "denied"
        }
        return acting | designated

    def _add(self, newsgraph_id: str, obj) -> None:
        self.refs[newsgraph_id] = obj.id
        self.objects.append(obj)

    def _document_reference(self, doc_id: str, **more: str) -> dict:
        """An external reference to a document: its id, hash and URL when it has one."""
        doc = self.view.documents[doc_id]
        ref = {
            "source_name": "newsgraph",
            "external_id": doc_id,
            **more,
            "hashes": {"SHA-256": doc["sha256"]},
        }
        return {**ref, "url": doc["url"]} if doc.get("url") else ref

    def _references(self, fact: dict) -> list[dict]:
        return [self._document_reference(ev["doc"], description=ev["sentence"]) for ev in fact["evidence"]]

    def entity(self, entity: dict) -> None:
        first, last = self._span(self.view.entity_documents(entity))
        stamp = {"created": first, "modified": last}
        aliases = [a for a in entity["aliases"] if a != entity["name"]]
        if entity["type"] == "place":
            geo = entity.get("geo") or {}
            if geo.get("lat") is None:
                return
            extra = {"country": geo["country"]} if geo.get("country") else {}
            described = [f"Also known as: {', '.join(aliases)}"] if aliases else []
            described += [f"Gazetteer: {geo['source']}"] if geo.get("source") else []
            self._add(
                entity["id"],
                stix2.Location(
                    id=stix_id("location", entity["id"]),
                    name=entity["name"],
                    latitude=geo["lat"],
                    longitude=geo["lon"],
                    description="\n".join(described) or None,
                    **extra,
                    **stamp,
                ),
            )
        elif entity["type"] in IDENTITY_CLASSES and entity["id"] in self.threats:
            self._add(
                entity["id"],
                stix2.ThreatActor(
                    id=stix_id("threat-actor", entity["id"]),
                    name=entity["name"],
                    aliases=aliases or None,
                    threat_actor_types=["unknown"],
                    first_seen=first,
                    last_seen=last,
                    **stamp,
                ),
            )
        elif entity["type"] in IDENTITY_CLASSES:
            self._add(
                entity["id"],
                stix2.Identity(
                    id=stix_id("identity", entity["id"]),
                    name=entity["name"],
                    identity_class=IDENTITY_CLASSES[entity["type"]],
                    description=f"Also known as: {', '.join(aliases)}" if aliases else None,
                    **stamp,
                ),
            )

    def relation(self, relation: dict) -> None:
        source, target = self.refs.get(relation["subject"]), self.refs.get(relation["object"])
        if not (source and target):
            return
        first, last = self._span(self.view.evidence_documents(relation))
        self._add(
            relation["id"],
            stix2.Relationship(
                id=stix_id("relationship", relation["id"]),
                source_ref=source,
                target_ref=target,
                relationship_type=relationship_type(relation["type"]),
                description="\n".join(self.view.sentences(relation)) or None,
                confidence=CONFIDENCE[relation["certainty"]],
                labels=[f"certainty:{relation['certainty']}"],
                external_references=self._references(relation) or None,
                created=first,
                modified=last,
            ),
        )

    def event(self, event: dict) -> None:
        members = [self.refs[m] for m in self.view.members(event) if m in self.refs]
        if not members:
            return
        view = self.view
        time = event.get("time") or {}
        lines = [view.event_title(event), "Participants: " + "; ".join(view.participant_labels(event))]
        if time.get("earliest") or time.get("latest"):
            lines.append(
                f"Time: {time.get('value') or 'undated'}, between {time.get('earliest') or '?'}"
                f" and {time.get('latest') or '?'}"
            )
        lines += view.sentences(event)
        first, last = self._span(view.evidence_documents(event))
        self._add(
            event["id"],
            stix2.Grouping(
                id=stix_id("grouping", event["id"]),
                name=view.event_title(event),
                context="unspecified",
                object_refs=members,
                description="\n".join(lines),
                confidence=CONFIDENCE[event["certainty"]],
                labels=[
                    f"event:{event['type']}",
                    f"certainty:{event['certainty']}",
                    f"modality:{event['modality']}",
                ],
                external_references=self._references(event) or None,
                created=first,
                modified=last,
            ),
        )

    def report(self, doc: dict, contents: list[str]) -> None:
        """The report of `doc`, which mentions or states the newsgraph items `contents`."""
        refs = unique(self.refs[i] for i in contents if i in self.refs)
        if not refs:
            return
        published = self._date(doc)
        notes = [f"Source: {doc['source']}"] if doc["source"] else []
        notes += [] if published else ["Publication date unknown: `published` is a placeholder."]
        self._add(
            doc["id"],
            stix2.Report(
                id=stix_id("report", doc["id"]),
                name=doc["title"] or doc["source"] or doc["id"],
                description="\n".join(notes) or None,
                published=published or EPOCH,
                object_refs=refs,
                external_references=[self._document_reference(doc["id"])],
                created=published or EPOCH,
                modified=published or EPOCH,
            ),
        )


def stix_bundle(export: dict) -> stix2.Bundle:
    """The STIX 2.1 bundle of `export`, built and checked by the `stix2` library."""
    bundler = _Bundler(ExportView.of(export))
    view = bundler.view
    for entity in view.entities.values():
        bundler.entity(entity)
    for relation in view.relations:
        bundler.relation(relation)
    for event in view.events:
        bundler.event(event)
    contents = view.by_document()
    for doc in view.documents.values():
        bundler.report(doc, contents[doc["id"]])
    bundle_key = "\x1f".join(sorted(bundler.refs))
    return stix2.Bundle(*bundler.objects, id=stix_id("bundle", bundle_key))


def write_stix(export: dict, out: BinaryIO) -> None:
    # stix2's own pretty printer orders keys by searching the whole bundle for each object
    # (minutes for a few thousand objects), so indent its compact output here instead.
    compact = stix_bundle(export).serialize()
    out.write(json.dumps(json.loads(compact), indent=2, ensure_ascii=False).encode("utf-8") + b"\n")
