"""HTML pages from payloads: one self-contained file each, with inline style, script and data.

Nothing on a page is fetched: the style sheet, the script and the basemap are inlined, and a
Content-Security-Policy allows only those exact inline scripts and styles (by hash), so the
browser itself refuses any request and any script that article text might smuggle in. Text
from the articles reaches the page only inside a JSON data block, escaped so that it cannot
close that block; the script puts it on screen with textContent, never as markup.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache, lru_cache
from importlib.resources import files

from newsgraph.dossier.basemap import HEIGHT, WIDTH, countries

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def embed_json(data: object) -> str:
    """JSON that is safe inside a <script> element: no '<' can end it, whatever the text says."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


@cache
def asset(name: str) -> str:
    return (files("newsgraph.dossier") / "assets" / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _page_frame(script_name: str) -> tuple[str, str, str]:
    """The parts every page of one kind shares: head with policy and style, and the script."""
    style, script = asset("dossier.css"), asset("common.js") + asset(script_name)
    policy = (f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    head = (f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
            f"<style>{style}</style>\n")
    return head, script, policy


@lru_cache(maxsize=1)
def _basemap_svg() -> str:
    paths = "".join(f'<path d="{d}"><title>{html.escape(name)}</title></path>' for name, d in countries())
    return (f'<svg id="map-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="map">'
            f'<rect class="sea" x="-{WIDTH}" y="-{HEIGHT}" width="{3 * WIDTH}" height="{3 * HEIGHT}"/>'
            f'<g class="countries">{paths}</g><g id="map-points"></g></svg>')


def _page(title: str, body: str, data: object, script_name: str) -> str:
    head, script, _ = _page_frame(script_name)
    return (f"<!doctype html>\n<html lang=\"en\">\n<head>\n{head}<title>{html.escape(title)}</title>\n</head>\n"
            f"<body>\n{body}\n"
            f'<script type="application/json" id="dossier-data">{embed_json(data)}</script>\n'
            f"<script>{script}</script>\n</body>\n</html>\n")


def actor_page(name: str, payload: dict) -> str:
    """One actor's dossier: the skeleton of its views, filled in by the script from `payload`."""
    body = asset("actor.html").replace("<!--basemap-->", _basemap_svg())
    return _page(f"{name} — newsgraph dossier", body, payload, "actor.js")


def index_page(payload: dict) -> str:
    """The list of every actor with a dossier page, filterable by name and type."""
    return _page("newsgraph dossiers", asset("index.html"), payload, "index.js")
