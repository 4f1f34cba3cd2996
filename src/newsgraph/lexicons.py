"""Word lists shared by more than one pipeline stage, loaded once from newsgraph/data.

Stages do not import each other, so a list both the mention stage and coreference need (person
titles, name particles) lives here rather than in either stage.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _person_titles_data() -> dict:
    text = resources.files("newsgraph").joinpath("data", "person_titles.json").read_text(encoding="utf-8")
    return json.loads(text)


def person_titles() -> dict[str, str | None]:
    """Folded title word ("sheikh", "dr", "spokeswoman") -> the gender it implies, or None."""
    return _person_titles_data()["titles"]


def name_particles() -> frozenset[str]:
    """Lower-case words that belong inside a person's name ("bin", "al", "de")."""
    return frozenset(_person_titles_data()["name_particles"])
