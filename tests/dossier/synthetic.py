"""The dossier benchmark (benchmarks/dossier.py) loaded as a module, for its synthetic export."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_benchmark():
    spec = importlib.util.spec_from_file_location("dossier_benchmark", ROOT / "benchmarks" / "dossier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
