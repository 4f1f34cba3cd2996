"""Two romanisation systems of one script, read as one: Wade-Giles and pinyin for Chinese,
McCune-Reischauer and Revised Romanisation for Korean (tables in
newsgraph/data/romanisation.json, with their sources).

A Chinese name part is read as the pinyin syllables it may spell in either system ("tsetung"
→ "zedong", "chinping" → "jinping" or "qinping"): two parts are one name when their readings
meet. A Korean name part is written in one key of both systems ("geun" and "kun" → "kun"),
and a Korean family name is looked up among its customary spellings (Park, Pak, Bak). Both
readings are only for names whose every part is a syllable of those systems; the matcher
(newsgraph.resolve.names) decides when a name is of that shape.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from newsgraph.ontology import read_json

_MAX_SYLLABLES = 4  # a Chinese name part written solid: a given name of two syllables, at most two parts
_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcswy])?")


@cache
def _table() -> dict:
    return read_json("romanisation.json")


def _wade_giles(syllable: str) -> str:
    """The Wade-Giles spelling of a pinyin syllable, apostrophes and umlauts dropped."""
    wade_giles = _table()["wade_giles"]
    for written, said in wade_giles["finals"]:
        syllable = re.sub(written, said, syllable)
    initial = _INITIAL.match(syllable).group(0)
    return wade_giles["initials"].get(initial, initial) + syllable[len(initial):]


@cache
def _chinese_syllables() -> dict[str, frozenset[str]]:
    """Every syllable of either system and the pinyin syllables it may spell."""
    readings: dict[str, set[str]] = {}
    for initial, finals in _table()["pinyin_syllables"].items():
        for final in finals.split():
            pinyin = initial + final
            readings.setdefault(pinyin, set()).add(pinyin)
            readings.setdefault(_wade_giles(pinyin), set()).add(pinyin)
    return {written: frozenset(said) for written, said in readings.items()}


@lru_cache(maxsize=100_000)
def chinese_readings(unit: str, most: int = _MAX_SYLLABLES) -> frozenset[str]:
    """The pinyin readings of a name part cut into at most `most` syllables of pinyin or
    Wade-Giles, written solid; empty when the part is no such run of syllables."""
    syllables = _chinese_syllables()

    def readings(rest: str, left: int) -> set[str]:
        if not rest:
            return {""}
        if not left or (left < most and rest[0] in "aeiou"):
            return set()  # a syllable without initial inside a word is marked (Xi'an), so "liou" is no pinyin
        found = set()
        for end in range(1, min(len(rest), 6) + 1):
            for said in syllables.get(rest[:end], ()):
                found.update(said + tail for tail in readings(rest[end:], left - 1))
        return found

    return frozenset(readings(unit, most))


def chinese_family_name(unit: str) -> bool:
    """Whether `unit` spells, in pinyin or Wade-Giles, one of the frequent Chinese family names."""
    return bool(chinese_readings(unit, 2) & _chinese_family_names())


@cache
def _chinese_family_names() -> frozenset[str]:
    return frozenset(_table()["chinese_family_names"])


@cache
def _korean_family_names() -> dict[str, int]:
    return {spelling: i for i, group in enumerate(_table()["korean"]["family_names"]) for spelling in group}


def korean_family_name(unit: str) -> int | None:
    """Which Korean family name `unit` spells (Park, Pak and Bak are one), or None."""
    return _korean_family_names().get(unit)


@lru_cache(maxsize=100_000)
def korean_syllables(unit: str) -> bool:
    """Whether a given-name part is one or two syllables of either Korean system ("geun",
    "jaein", "ryong")."""
    pattern = re.compile(_table()["korean"]["syllable"])
    return any(pattern.match(unit[:cut]) and (cut == len(unit) or pattern.match(unit[cut:]))
               for cut in range(1, len(unit) + 1))


@lru_cache(maxsize=100_000)
def korean_key(unit: str) -> str:
    """A Korean given-name part written in one key of both systems: RR eo/eu and MR o/u,
    RR g, d, b, j and MR k, t, p, ch are one letter each."""
    for written, said in _table()["korean"]["letters"]:
        unit = re.sub(written, said, unit)
    return unit
