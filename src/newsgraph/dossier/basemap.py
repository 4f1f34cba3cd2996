"""The offline basemap: Natural Earth 1:110m country outlines as SVG paths.

The outlines ship with the package (world-atlas's countries-110m TopoJSON, see
vendor/README.md). They are decoded and projected once per process, so every dossier page
embeds the same ready-made paths and the browser draws them without any library.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

# Equirectangular projection: SCALE SVG units per degree, so the world is 1440 x 720 and a
# rounded integer coordinate is a quarter of a degree, finer than the 1:110m outlines.
SCALE = 4
WIDTH, HEIGHT = 360 * SCALE, 180 * SCALE


def project(lon: float, lat: float) -> tuple[float, float]:
    """A longitude and latitude as SVG x, y on the basemap."""
    return (lon + 180) * SCALE, (90 - lat) * SCALE


def _decode_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """TopoJSON arcs are quantized and delta-encoded; give each as absolute projected points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            px, py = project(x * sx + tx, y * sy + ty)
            points.append((round(px), round(py)))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[int, int]]], indices: list[int]) -> list[tuple[int, int]]:
    """A polygon ring from arc indices; a negative index ~i is arc i reversed."""
    ring: list[tuple[int, int]] = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)  # consecutive arcs share their end point
    return _unwrap(ring)


def _unwrap(ring: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka) continues past the east edge
    instead of being drawn as a line across the whole world."""
    crosses = any(abs(x1 - x0) > WIDTH / 2 for (x0, _), (x1, _) in zip(ring, ring[1:]))
    if not crosses:
        return ring
    return [(x + WIDTH if x < WIDTH / 2 else x, y) for x, y in ring]


def _path(rings: list[list[tuple[int, int]]]) -> str:
    """Compact SVG path data: an absolute move, then relative lines, repeated points dropped."""
    parts = []
    for ring in rings:
        (x0, y0), *rest = ring
        steps, (px, py) = [], (x0, y0)
        for x, y in rest:
            if (x, y) != (px, py):
                steps.append(f"{x - px} {y - py}")
                px, py = x, y
        if len(steps) >= 2:
            parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(parts)


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """(country name, SVG path data) for every country of the 1:110m outlines."""
    source = files("newsgraph.dossier") / "vendor" / "world-atlas" / "countries-110m.json"
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        if name == "Antarctica":  # no news happens there, and it would take a fifth of the map
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        path = _path(rings)
        if path:
            shapes.append((name, path))
    return tuple(shapes)
