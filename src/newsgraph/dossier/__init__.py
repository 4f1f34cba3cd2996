"""Dossiers: offline HTML pages about one actor (profile, timeline, link chart, map, citations),
rendered from a `newsgraph/1` export dict.

    from newsgraph.dossier import render_dossier, write_dossiers
    html = render_dossier(export, "Eastern Shield Brigades")
    pages = write_dossiers(export, "dossiers/")      # index.html + one page per actor

Rendering is a pure function of the export: no store, no network, no clock.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from newsgraph.dossier.index import ACTOR_TYPES, ExportIndex
from newsgraph.dossier.payload import Limits, actor_payload
from newsgraph.dossier.render import actor_page, index_page

__all__ = ["ACTOR_TYPES", "ExportIndex", "Limits", "render_dossier", "render_index", "write_dossiers",
           "page_name"]


def render_dossier(export: dict | ExportIndex, name: str, links: dict[str, str] | None = None) -> str:
    """The dossier page of the entity called `name` (canonical name, alias or id) as HTML.

    Raises NotFound or Ambiguous (from newsgraph.errors) when the name does not pick one entity.
    """
    index = export if isinstance(export, ExportIndex) else ExportIndex.build(export)
    entity = index.resolve(name)
    return actor_page(entity["name"], actor_payload(index, entity["id"], links))


def page_name(entity: dict) -> str:
    """A readable file name that stays unique: the name's slug and the id's hash."""
    ascii_name = unicodedata.normalize("NFKD", entity["name"]).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "entity"
    return f"{slug}-{entity['id'].removeprefix('e-')[:8]}.html"


def render_index(index: ExportIndex, links: dict[str, str]) -> str:
    """The index page: every actor with its page, documents, facts and dates."""
    rows = []
    for actor in index.actors():
        events = index.events_of.get(actor["id"], [])
        days = sorted(d for v in events for d in ((v.get("time") or {}).get("earliest"),
                                                   (v.get("time") or {}).get("latest")) if d)
        rows.append({
            "name": actor["name"], "type": actor["type"], "aliases": actor.get("aliases", [])[:6],
            "href": links[actor["id"]], "documents": len(index.mentions_of.get(actor["id"], {})),
            "relations": len(index.relations_of.get(actor["id"], [])), "events": len(events),
            "from": days[0] if days else None, "to": days[-1] if days else None,
        })
    return index_page({"actors": rows, "documents": len(index.documents)})


@dataclass
class WrittenDossiers:
    index: Path
    pages: list[Path]


def write_dossiers(export: dict | ExportIndex, out_dir: str | os.PathLike) -> WrittenDossiers:
    """Write `index.html` and one page per actor (people and organisations) into `out_dir`."""
    index = export if isinstance(export, ExportIndex) else ExportIndex.build(export)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    actors = index.actors()
    links = {actor["id"]: page_name(actor) for actor in actors}
    pages = []
    for actor in actors:
        path = out / links[actor["id"]]
        path.write_text(actor_page(actor["name"], actor_payload(index, actor["id"], links)), encoding="utf-8")
        pages.append(path)
    index_path = out / "index.html"
    index_path.write_text(render_index(index, links), encoding="utf-8")
    return WrittenDossiers(index_path, pages)
