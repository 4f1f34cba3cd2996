"""Imports point one way, read from the source (an AST walk, so nothing is imported or run).

    cli → bench → eval → newsgraph (the package, re-exporting the API) → api → views
        → resolve, pipeline, store, export → ingest, time, gazetteer → lexicons, ontology, text
        → model, errors

A unit is a top-level module or subpackage of newsgraph. A unit may import units of lower
layers. Units of one layer never import each other, except in the library layers, where they
may as long as no loop forms. Every import counts, also one inside a function: it is a
dependency all the same. A new top-level unit must be placed in LAYERS before this passes.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "newsgraph"
ROOT = "newsgraph"

LAYERS: list[tuple[str, ...]] = [
    ("cli",),
    ("bench",),
    ("eval",),
    (ROOT,),  # the package's __init__ re-exports the API
    ("api",),
    ("views", "dossier"),
    ("resolve", "pipeline", "store", "export"),
    ("ingest", "time", "gazetteer"),
    ("lexicons", "ontology", "text"),
    ("model", "errors"),
]
# Layers whose units may import each other, as long as the units form no loop.
LIBRARY_LAYERS = {("ingest", "time", "gazetteer"), ("lexicons", "ontology", "text")}
LAYER_OF = {unit: i for i, layer in enumerate(LAYERS) for unit in layer}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_package(module: str) -> bool:
    return (SRC / module.replace(".", "/") / "__init__.py").is_file()


def is_module(module: str) -> bool:
    return is_package(module) or (SRC / (module.replace(".", "/") + ".py")).is_file()


def imports(path: Path, top_level_only: bool = False) -> Iterator[tuple[str, int]]:
    """(imported newsgraph module, line) for every import in the file; with `top_level_only`,
    only those run when the module is imported (not inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = module_name(path)
    package = module if is_package(module) else module.rpartition(".")[0]
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == ROOT or alias.name.startswith(ROOT + "."):
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base != ROOT and not base.startswith(ROOT + "."):
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield (submodule if is_module(submodule) else base), node.lineno


def unit_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def unit_edges() -> dict[tuple[str, str], list[str]]:
    """(importing unit, imported unit) → where, for every import across units."""
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sources():
        source = unit_of(module_name(path))
        for target, line in imports(path):
            if unit_of(target) != source:
                edges.setdefault((source, unit_of(target)), []).append(f"{path.relative_to(SRC)}:{line}")
    return edges


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One loop of `graph` as a list of nodes (first = last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_every_unit_has_a_place_in_the_layers():
    units = {unit_of(module_name(p)) for p in sources()}
    unplaced = sorted(units - LAYER_OF.keys())
    assert not unplaced, f"place these in LAYERS of tests/test_architecture.py: {unplaced}"


def test_imports_point_down_the_layers():
    wrong = []
    for (source, target), where in sorted(unit_edges().items()):
        if source not in LAYER_OF or target not in LAYER_OF:
            continue  # reported by the test above
        lower = LAYER_OF[target] > LAYER_OF[source]
        same_library = LAYER_OF[target] == LAYER_OF[source] and LAYERS[LAYER_OF[source]] in LIBRARY_LAYERS
        if not (lower or same_library):
            wrong.append(f"{source} → {target} at {', '.join(where)}")
    assert not wrong, "imports against the layering:\n" + "\n".join(wrong)


def test_nothing_imports_the_cli():
    assert [k for k in unit_edges() if k[1] == "cli"] == []


def test_the_model_imports_nothing_of_ours():
    assert [k for k in unit_edges() if k[0] == "model"] == []


def test_no_loops_between_units():
    graph: dict[str, set[str]] = {}
    for source, target in unit_edges():
        graph.setdefault(source, set()).add(target)
    assert find_cycle(graph) is None


@pytest.mark.parametrize("unit", ["cli", "store", "api", "views", "model"])
def test_no_loops_between_the_modules_of_a_unit_when_imported(unit):
    """Module-level imports only: e.g. the click commands register on a group they import from
    `cli.app`, never from the package that imports them."""
    graph: dict[str, set[str]] = {}
    for path in sources():
        module = module_name(path)
        if unit_of(module) == unit:
            graph[module] = {t for t, _ in imports(path, top_level_only=True) if unit_of(t) == unit and t != module}
    assert find_cycle(graph) is None


def test_find_cycle_finds_a_loop_and_only_a_loop():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None
