"""Names that are no actor, and the dateline.

- A time zone ("0430 GMT"), a market index ("the KSE-100 index", "Brent") or an amount in a
  currency ("Pakistani rupees") names no person, organisation or place: dropped
  (`without_non_actors`). Nationality and language words are the `nationality` rule's.
- A ship ("the MV Karachi Star", "the tanker Aleppo Rose") and a treaty ("the Abraham
  Accords", "the Treaty of Ankara", "the Dayton peace agreement") are things, type other, and
  the place or person a treaty is named after is no mention there (`ships_and_treaties`).
- An all-capitals place name the gazetteer knows, opening a line before a comma or dash
  ("KARACHI, Oct 15 –"), is the dateline: a place (`datelines`), whatever the model called it.
The word lists are in mention_cues.json and time_zones.json.
"""

from __future__ import annotations

from functools import cache

import pycountry

from newsgraph.model import fold
from newsgraph.ontology import OTHER, PLACE
from newsgraph.pipeline.mention_rules.base import Candidate, RuleContext

_DATELINE_PUNCT = frozenset({",", "-", "–", "—", ":"})
# Words pycountry puts last in the names of funds, metals and accounting units, not currencies.
_NOT_CURRENCY_WORDS = frozenset({"account", "gold", "silver", "palladium", "platinum", "purposes", "involved",
                                 "fomento", "unit", "code", "testing"})


def without_non_actors(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    return [c for c in candidates if c.settled or not _is_non_actor(context, c)]


def ships_and_treaties(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    doc, cues = context.doc, context.cues
    for c in candidates:
        if c.settled and c.type != OTHER:
            continue
        before = doc[c.start - 1] if c.start > 0 else None
        root = doc[c.start : c.end].root
        appositive = [t for t in root.children if t.dep_ == "appos"]
        determiner = doc[c.start - 2] if c.start >= 2 else None
        if (
            doc[c.start].text in cues.ship_prefixes
            or (before is not None and before.text in cues.ship_prefixes)
            or (
                before is not None
                and before.lower_ in cues.ship_nouns
                and determiner is not None
                and determiner.pos_ in ("DET", "PRON")
            )
            or any(t.lemma_.lower() in cues.ship_nouns for t in appositive)
        ):
            c.type, c.settled = OTHER, True  # a ship: "the MV ...", "the tanker ..."
        elif _is_treaty_name(context, c):
            c.type, c.settled = OTHER, True
        elif _modifies_a_treaty(context, c):
            c.type = OTHER  # "Dayton" here only; "in Dayton" elsewhere is still the town
    return candidates


def datelines(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """The all-capitals place opening a line before a comma or dash is a place; added when
    the model missed it."""
    doc = context.doc
    by_start = {c.start: c for c in candidates}
    added = []
    for start in _line_starts(doc):
        end = start
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if (
            end == start
            or end >= len(doc)
            or doc[end].text not in _DATELINE_PUNCT
            or not context.gazetteer.place_rank(doc[start:end].text.title())
        ):
            continue  # "GM, Ford ..." opening a line is no dateline
        c = by_start.get(start)
        if c is not None and c.end == end:
            c.type, c.label, c.settled = PLACE, context.ontology.spacy_label(PLACE), True
        elif c is None:
            c = Candidate(start, end, context.ontology.spacy_label(PLACE), PLACE, settled=True)
            added.append(c)
        else:
            continue
        c.canonical = _body_spelling(context, c, candidates)
    return sorted(candidates + added, key=lambda c: c.start) if added else candidates


def _body_spelling(context: RuleContext, dateline: Candidate, candidates: list[Candidate]) -> str | None:
    """The body's spelling of the dateline, which names the place ("Kismayo" for "KISMAYO") and
    joins the two where folding alone would not ("Diyarbakır" for "DIYARBAKIR": a dotless i has
    no capital of its own)."""
    doc = context.doc
    written = doc[dateline.start : dateline.end].text
    for c in candidates:
        text = doc[c.start : c.end].text
        if c is not dateline and text != written and text.upper() == written:
            return text
    return None


def _line_starts(doc):
    yield 0
    for token in doc:
        if token.is_space and "\n" in token.text and token.i + 1 < len(doc):
            yield token.i + 1


def _is_non_actor(context: RuleContext, c: Candidate) -> bool:
    doc, cues = context.doc, context.cues
    text = doc[c.start : c.end].text
    if text in cues.time_zones or fold(text) in cues.market_indices:
        return True
    after = [t for t in doc[c.end : c.end + 2]]
    if after and after[0].like_num:  # "BIST 100 index"
        after = after[1:]
    if after and after[0].lower_ in cues.market_index_words and after[0].is_lower:
        return context.gazetteer.place_rank(text) == 0  # "the Nikkei index", not "the Karachi benchmark"
    last = doc[c.end - 1]
    return last.is_lower and last.lower_ in currency_words()


def _is_treaty_name(context: RuleContext, c: Candidate) -> bool:
    """ "Abraham Accords", "Treaty of Ankara" (the candidate grows to hold "Treaty of")."""
    doc, heads = context.doc, context.cues.treaty_heads
    if doc[c.end - 1].lower_ in heads and doc[c.end - 1].is_title:
        return True
    if c.start >= 2 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in heads:
        if doc[c.start - 2].is_title:
            c.start -= 2
        return True
    return False


def _modifies_a_treaty(context: RuleContext, c: Candidate) -> bool:
    """ "the Dayton peace agreement": a name modifying a treaty word."""
    root = context.doc[c.start : c.end].root
    head = root.head
    return root.dep_ in ("compound", "amod", "nmod") and head.lower_ in context.cues.treaty_heads and head.i >= c.end


@cache
def currency_words() -> frozenset[str]:
    """Lower-case currency names and plurals ("rupee", "dirhams", "lira"), the last word of
    each of pycountry's ISO 4217 currency names."""
    words = {
        c.name.split()[-1].lower()
        for c in pycountry.currencies
        if c.name.split()[-1].isalpha()
    } - _NOT_CURRENCY_WORDS
    return frozenset(words | {w + "s" for w in words})
