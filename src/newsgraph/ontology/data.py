"""The one reader of the data files shipped in newsgraph/data.

Files are read through `importlib.resources`, never through source paths, so they are found
the same way in a checkout, an editable install and a wheel installed with `pip install .`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

PACKAGE = "newsgraph"
FOLDER = "data"


def read_text(name: str) -> str:
    """The text of the shipped data file `name` (e.g. "entities.jsonl")."""
    return resources.files(PACKAGE).joinpath(FOLDER, name).read_text(encoding="utf-8")


@cache
def read_json(name: str) -> Any:
    """The parsed JSON data file `name`, read once per process. Callers must not mutate it."""
    return json.loads(read_text(name))
