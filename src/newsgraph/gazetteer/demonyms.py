"""Nationality and language words ("Somali", "Kenyan", "Yemeni", "Chinese", "Urdu") derived from
the country and language names.

A nationality word names no place: in "Somali militants" it is a modifier, in "speaks Somali" a
language. The statistical model often tags them as places, and some coincide with provinces
(Somali is a region of Ethiopia), so the mention stage needs to know them. Regular ones come
from suffix rules over pycountry's country names and languages from pycountry's ISO 639-1
list; the rest are data (newsgraph/data/demonyms.json).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from newsgraph.model import fold
from newsgraph.ontology import read_json

VOWELS = "aeiou"


def _derived(country: str) -> set[str]:
    """Candidate demonyms of one country name by the common English suffix rules. Some
    candidates are not words ("Chinan"); they never occur, so they cost nothing."""
    if not country.isascii():
        return set()
    forms = set()
    if country.endswith("a"):  # Kenya -> Kenyan, Somalia -> Somali, China -> Chinese, Canada -> Canadian, Ghana -> Ghanaian
        forms |= {country + "n", country[:-1] + "ese", country[:-1] + "ian", country + "ian"}
        if country.endswith("ia"):
            forms.add(country[:-1])
    elif country.endswith("y"):  # Italy -> Italian
        forms.add(country[:-1] + "ian")
    elif country.endswith("on"):  # Lebanon -> Lebanese, Gabon -> Gabonese
        forms |= {country[:-2] + "ese", country + "ese"}
    elif country.endswith(("o", "i", "e")):  # Mexico -> Mexican, Mali -> Malian, Zimbabwe -> Zimbabwean
        forms |= {country + "an", country[:-1] + "an"}
    elif country[-1] not in VOWELS:  # Yemen -> Yemeni, Egypt -> Egyptian, Sudan -> Sudanese
        forms |= {country + "i", country + "ian", country + "ese"}
    return forms


def _languages() -> set[str]:
    """One-word names of the languages with an ISO 639-1 code ("Urdu", "Pashto" as "Pushto",
    "Chechen"): the languages news names; the thousands of ISO 639-3 names include towns."""
    return {
        language.name
        for language in pycountry.languages
        if hasattr(language, "alpha_2") and language.name.isalpha()
    }


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Folded nationality and language words and their plurals ("somali", "somalis", "urdu");
    never a country name."""
    countries = {name for c in pycountry.countries for name in (c.name, getattr(c, "common_name", c.name))}
    words = set(read_json("demonyms.json")["irregular"]) | _languages()
    for country in countries:
        words |= _derived(country)
    singular = {fold(w) for w in words}
    plural = {w + "s" for w in singular if not w.endswith(("s", "sh", "ch", "ese"))}
    return frozenset(singular | plural) - {fold(c) for c in countries}
