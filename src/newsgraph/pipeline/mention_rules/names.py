"""Names of every tradition kept whole, titles kept out of them, nicknames tied to their owner.

The English model cuts many names where English names have no joints: at the hyphens of
transliterated names ("Lashkar-", "-Saif"; "Zia-ud", "Din Qureshi"), at lower-case particles
("Thiago Henrique da Costa" + "Silva", "Sanne van '"), before a kunya or an Arabic article
("Umm Maryam" without "as-Saadi"), around a quoted nickname ("Joaquín", "El Chapo'",
"Guzmán"). `whole_names`, run right after the span rules, mends the spans with the word lists
of newsgraph/data/name_rules.json (joiners, particles, kunyas, articles, each with its source)
and person_titles.json:

- a name never ends inside a hyphenated name word: hyphen units ("Tehreek-e-Hurriyat-e-Jammu",
  "Mazar-e Sharif", "Rostov-on-Don", "Karimi-Nasab") are taken whole;
- a name runs on over particles and a following name word ("bin Saleh", "de los Llanos",
  "van 't Hof"), over an Arabic article word ("as-Saadi"), after a kunya ("Abu", "Umm"), and a
  person's over a surname conjunction ("da Costa e Silva") and a quoted nickname
  ("Joaquín 'El Chapo' Guzmán");
- a name the model missed is added when it opens with an organisation word of its language
  ("an Hizb-ul-Mujahideen cell", "the Cartel de los Llanos") or a group noun follows it ("the
  rival Mendoza clan"); a group noun completes a tagged name too ("the Haqqani network");
- a run of name words after a person's title is a person ("Chief Folake Adesanya-Coker",
  "co-chair Nurcan Özmen"), whatever the model made of it, and a rank inside an agency's span
  ends the agency ("Pakistan Army Major General X"); portfolio words before a title
  ("Interior" in "Interior Secretary") are no entity;
- the shape of a name types it: an organisation word of its language first ("Frente Rosa
  Blanca") makes an organisation, a person's particle in an "organisation" without an
  institution word ("Ana de Oliveira Lima") or with a patronymic ("Timur Akhmedovich
  Dzhabrailov") a person, a place joiner ("-on-") or an Arabic place word ("Jebel Ali") a place;
- "<Country>-occupied <Region>" is one place, and so are names joined by "and" that the
  gazetteer knows as one ("Jammu and Kashmir"); an institution runs on over "of <Place>"
  ("Supreme Court of Russia").

Run last, `nickname_aliases` makes the other names a text gives for something ("X, alias
'Y'", "X, also known as Y", "which calls itself Y", the quoted nickname inside a name) alias
mentions of it, with its type and its name as canonical, wherever they occur in the document,
and `record_titles` records a person's title on the mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from newsgraph.lexicons import name_rules
from newsgraph.model import fold
from newsgraph.ontology import ORGANIZATION, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import (
    CITY_POPULATION,
    QUOTES,
    Candidate,
    RuleContext,
    is_capitalised,
    is_proper,
)
from newsgraph.pipeline.mention_rules.headlines import headline_lines
from newsgraph.pipeline.mention_rules.spans import continues_person
from newsgraph.text import SpanIndex

_HYPHENS = "-‐‑"
_WORD = re.compile(r"\S+")
_EDGE = "\"“”‘’'«»()[],.;:!?"
_POSSESSIVE = re.compile(r"['’]s?$")
# The model's labels for words that are no part of a name (days, months, numbers).
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@cache
def _lists() -> dict[str, frozenset[str]]:
    lists = dict(name_rules())
    lists["org_leading_heads"] = frozenset(map(fold, lists["org_leading_heads"]))  # "jama'at" -> "jama at"
    return lists


class _Headlines:
    """The headline lines of a text (newsgraph.pipeline.mention_rules.headlines): every word
    is capitalised there, so capitals are no evidence of a name."""

    def __init__(self, text: str):
        self.lines = SpanIndex(headline_lines(text))

    def contains(self, char: int) -> bool:
        return self.lines.containing(char) is not None


@dataclass(frozen=True)
class _Unit:
    """One hyphenated name, in token indices, and whether a joiner holds it together."""

    start: int
    end: int
    joined: bool


def whole_names(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates mended into whole names and typed by their shape (see the module doc),
    in text order."""
    unit_at = _unit_index(context)
    candidates = _with_missed_names(context, candidates, unit_at)
    for c in candidates:
        _take_units(c, unit_at)
    candidates = _merged(candidates)
    headlines = _Headlines(context.text)  # capitals say nothing about names there
    for c in candidates:
        if not c.settled and not headlines.contains(context.doc[c.start].idx):
            _grow(context, c, unit_at, candidates)
    candidates = _merged(candidates)
    candidates = _group_modifiers(context, candidates, unit_at, headlines)
    candidates = _titled_people(context, candidates, unit_at, headlines)
    for c in candidates:
        if not c.settled:
            _retype_by_name_shape(context, c, candidates)
    for c in candidates:
        _take_occupying_country(context, c)
    candidates = _joined_places(context, _merged(candidates))
    return [c for c in candidates if not _is_title_only(context, c)]


def hyphen_units(context: RuleContext) -> list[_Unit]:
    """The hyphenated names of the text: words whose pieces are capitalised or joiners
    ("Lashkar-e-Taiba", "Zia-ud-Din", "Karimi-Nasab", "al-Harithi"), cut at lower-case pieces
    that are no joiner ("Pakistan-based"), continued across a space after an izafat
    ("Mazar-e Sharif"). Capitalised pieces with a place or a people among them
    ("Pakistan-India", "Saudi-Yemen") are no name."""
    doc, lists = context.doc, _lists()
    spans: list[list] = []  # [start_char, end_char, joined]
    izafat = False  # the last word ended in an izafat: a capitalised word continues its name
    for match in _WORD.finditer(doc.text):
        word, offset = _bare_word(match.group(), match.start())
        pieces = _pieces_of(word, offset)
        continues = izafat and bool(pieces) and pieces[0][0][:1].isupper()
        izafat = False
        segments: list[list[tuple[str, int]]] = [[]]
        for piece, start in pieces:
            if _piece_kind(piece, lists) == "other":
                segments.append([])
            else:
                segments[-1].append((piece, start))
        for n, segment in enumerate(segments):
            segment = _trimmed(segment, lists, last=n == len(segments) - 1)
            if not segment:
                continue
            joined = any(_piece_kind(p, lists) == "joiner" for p, _ in segment)
            end = segment[-1][1] + len(segment[-1][0])
            if n == 0 and continues:
                spans[-1][1:] = [end, True]
            elif len(segment) > 1 and (joined or not _places_side_by_side(context, segment)):
                spans.append([segment[0][1], end, joined])
        izafat = (
            len(pieces) > 1
            and pieces[-1][0].lower() in lists["izafat_endings"]
            and bool(spans)
            and spans[-1][1] == offset + len(word)  # the izafat is part of a name
            and match.group()[-1:].isalpha()  # "Lashkar-e." ends a sentence
        )
    units = []
    for start, end, joined in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 1:
            units.append(_Unit(span.start, span.end, joined))
    return units


def _unit_index(context: RuleContext) -> dict[int, _Unit]:
    """Each token of a hyphenated name -> its unit."""
    return {i: u for u in hyphen_units(context) for i in range(u.start, u.end)}


def _bare_word(word: str, offset: int) -> tuple[str, int]:
    """A whitespace-delimited word without quotes, brackets, punctuation and possessive."""
    stripped = word.lstrip(_EDGE)
    offset += len(word) - len(stripped)
    stripped = stripped.rstrip(_EDGE)
    if any(h in stripped for h in _HYPHENS):
        stripped = _POSSESSIVE.sub("", stripped).rstrip(_EDGE)
    return stripped, offset


def _pieces_of(word: str, offset: int) -> list[tuple[str, int]]:
    """The pieces of a word between its hyphens, with their offsets (one piece if it has none)."""
    pieces, start = [], 0
    for i, char in enumerate(word + "-"):
        if char in _HYPHENS:
            if i > start:
                pieces.append((word[start:i], offset + start))
            start = i + 1
    return pieces


def _piece_kind(piece: str, lists: dict[str, frozenset[str]]) -> str:
    if piece[:1].isupper():
        return "name"
    if piece.lower() in lists["hyphen_joiners"]:
        return "joiner"
    return "other"


def _trimmed(segment: list[tuple[str, int]], lists, last: bool) -> list[tuple[str, int]]:
    """Joiners at the edges of a hyphenated word are no part of a name, except an Arabic article
    before a name ("al-Harithi") and an izafat at the end, bound to the next word."""
    while segment and _piece_kind(segment[0][0], lists) == "joiner" and not (
        segment[0][0].lower() in lists["arabic_articles"] and len(segment) > 1
    ):
        segment = segment[1:]
    while segment and _piece_kind(segment[-1][0], lists) == "joiner":
        if last and segment[-1][0].lower() in lists["izafat_endings"]:
            break
        segment = segment[:-1]
    return segment


def _places_side_by_side(context: RuleContext, segment: list[tuple[str, int]]) -> bool:
    """ "Pakistan-India", "Saudi-Yemen": places or peoples side by side, not one name."""
    return any(
        context.gazetteer.place_rank(p) >= CITY_POPULATION or fold(p) in context.cues.demonyms for p, _ in segment
    )


def _with_missed_names(
    context: RuleContext, candidates: list[Candidate], unit_at: dict[int, _Unit]
) -> list[Candidate]:
    """A name the model did not tag at all is an organisation when it opens with an
    organisation word of its language and runs on over more name words ("an
    Hizb-ul-Mujahideen cell", "the Cartel de los Llanos"), or when a group noun follows it
    ("the rival Mendoza clan")."""
    doc = context.doc
    taken = {i for c in candidates for i in range(c.start, c.end)}
    added = []
    i = 0
    while i < len(doc):
        unit = unit_at.get(i)
        head = doc[i].text if unit is None else doc[i].text.split("-")[0]
        end = _name_run_end(context, i, unit_at) if is_capitalised(doc[i]) else None
        whole = end is not None and (unit is None or unit.start == i) and not taken.intersection(range(i, end))
        if whole and end - i > 1 and fold(head) in _lists()["org_leading_heads"]:
            added.append(Candidate(i, end, context.ontology.spacy_label(ORGANIZATION), ORGANIZATION))
            i = end
        elif whole and is_proper(doc[i]) and _is_group_name(context, i, end):  # "the rival Mendoza clan"
            added.append(Candidate(i, end + 1, context.ontology.spacy_label(ORGANIZATION), ORGANIZATION))
            i = end + 1
        else:
            i += 1
    return [*candidates, *added]


def _take_units(c: Candidate, unit_at: dict[int, _Unit]) -> None:
    for i in (c.start, c.end - 1):
        unit = unit_at.get(i)
        if unit is not None:
            c.start, c.end = min(c.start, unit.start), max(c.end, unit.end)


def _merged(candidates: list[Candidate]) -> list[Candidate]:
    """Overlapping candidates become one, spanning both, with the type of the one that
    covered more of it (a settled one always wins)."""
    out: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if out and c.start < out[-1].end:
            last = out[-1]
            keep = last if (last.settled, last.end - last.start) >= (c.settled, c.end - c.start) else c
            if keep is c:
                c.start = last.start
                c.end = max(c.end, last.end)
                out[-1] = c
            else:
                last.end = max(last.end, c.end)
            continue
        out.append(c)
    return out


def _grow(context: RuleContext, c: Candidate, unit_at: dict[int, _Unit], candidates: list[Candidate]) -> None:
    """Extends `c` over the name words its tradition writes with it."""
    doc = context.doc
    while True:
        end = _particle_run_end(context, c.end, unit_at, person=c.type == PERSON)
        if end is None and c.type in (ORGANIZATION, PERSON):
            end = _article_word_end(doc, c.end, unit_at)
        if end is None and c.type == ORGANIZATION:
            end = _of_name_end(context, c, candidates)
        if end is None:
            break
        c.end = end
    while c.start > 0 and _is_kunya(doc, c.start - 1):
        c.start -= 1
    if c.type == PERSON:
        c.start = _particle_run_start(context, c.start, unit_at)
    if _group_noun_after(context, c):  # "the Rahimi network", even when the model says person
        c.end, c.type = c.end + 1, ORGANIZATION
        c.label = context.ontology.spacy_label(ORGANIZATION)
    nickname = _nickname_surname_end(context, c, unit_at)
    if nickname is not None:
        c.end = nickname


def _name_word_end(doc: Doc, i: int, unit_at: dict[int, _Unit]) -> int | None:
    """End of the name word starting at token `i` (a capitalised word or a hyphen unit)."""
    if i >= len(doc):
        return None
    unit = unit_at.get(i)
    if unit is not None and unit.start == i:
        return unit.end
    token = doc[i]
    if token.ent_type_ in _NOT_NAMES or token.is_stop:  # "coach Maurice Cheeks" + "Saturday", "Doctor Who"
        return None
    if is_capitalised(token) and (not token.is_upper or _is_initials(token)):
        return i + 1
    return None


def _is_initials(token) -> bool:
    """ "D.I.", "J.": initials, unlike an acronym, belong inside a name."""
    return token.text.endswith(".") and all(len(part) == 1 for part in token.text[:-1].split("."))


def _particle_run_end(context: RuleContext, i: int, unit_at: dict[int, _Unit], person: bool) -> int | None:
    """ "bin Saleh", "de los Llanos", "van 't Hof", and for a person "e Silva": particles
    written apart, then a name word."""
    doc, lists = context.doc, _lists()
    if i == 0 or i >= len(doc) or not doc[i - 1].whitespace_:
        return None
    j, seen = i, 0
    while j < len(doc):
        word_end = j + 1
        if doc[j].text in ("'", "’") and j + 1 < len(doc) and not doc[j].whitespace_:
            word_end = j + 2
        word = doc[j:word_end].text
        particle = word.islower() and word in lists["particles"]  # "van", not a headline's "Van"
        conjunction = person and seen == 0 and word in lists["surname_conjunctions"]
        if not (particle or conjunction):
            break
        if not doc[word_end - 1].whitespace_:
            return None
        j, seen = word_end, seen + 1
    if not seen:
        return None
    return _name_word_end(doc, j, unit_at)


def _particle_run_start(context: RuleContext, i: int, unit_at: dict[int, _Unit]) -> int:
    """ "Jan-Willem" + "van der" before "Linden": a person's name words and particles before
    the span, back to the first name word."""
    doc, lists = context.doc, _lists()
    j = i
    while j > 0 and doc[j - 1].is_lower and doc[j - 1].lower_ in lists["particles"] and doc[j - 1].whitespace_:
        j -= 1
    if j == i or j == 0 or not doc[j - 1].whitespace_:
        return i
    unit = unit_at.get(j - 1)
    first = unit.start if unit is not None and unit.end == j else j - 1
    return first if is_capitalised(doc[first]) and not _is_title(context, doc[first]) else i


def _article_word_end(doc: Doc, i: int, unit_at: dict[int, _Unit]) -> int | None:
    """ "Umm Maryam" + "as-Saadi": a name word opened by an Arabic article."""
    unit = unit_at.get(i)
    if i == 0 or unit is None or unit.start != i or not doc[i - 1].whitespace_:
        return None
    return unit.end if doc[i].text.lower() in _lists()["arabic_articles"] else None


def _of_name_end(context: RuleContext, c: Candidate, candidates: list[Candidate]) -> int | None:
    """ "Supreme Court" + "of Russia": an institution named by its country or city. Only
    after an institution noun, and never over a name that goes on ("of Russia's")."""
    doc = context.doc
    i = c.end
    if i + 1 >= len(doc) or doc[i].text != "of" or not context.is_org_head(doc[i - 1]):
        return None
    place = next((o for o in candidates if o.start == i + 1 and o.type == PLACE), None)
    if place is None or (place.end < len(doc) and doc[place.end].tag_ == "POS"):
        return None
    return place.end


def _is_kunya(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.text[:1].isupper() and token.lower_ in _lists()["kunya_words"] and bool(token.whitespace_)


def _group_noun_after(context: RuleContext, c: Candidate) -> bool:
    """ "the Haqqani network", "the rival Mendoza clan": after a determiner (and adjectives), a
    short name and a group noun are one organisation."""
    return (
        c.type in (PERSON, ORGANIZATION, PLACE)  # not an event ("the Vietnam War movement")
        and _is_group_name(context, c.start, c.end)
        and not context.is_org_head(context.doc[c.end - 1])
    )


def _is_group_name(context: RuleContext, start: int, end: int) -> bool:
    doc = context.doc
    if end >= len(doc) or end - start > 3 or not doc[end].is_lower or doc[end].lower_ not in _lists()["group_nouns"]:
        return False
    before = start - 1
    while before > start - 3 and before >= 0 and doc[before].pos_ == "ADJ" and doc[before].is_lower:
        before -= 1
    return before >= 0 and doc[before].lower_ in ("the", "a", "an")


def _nickname_surname_end(context: RuleContext, c: Candidate, unit_at: dict[int, _Unit]) -> int | None:
    """ "Joaquín 'El Chapo' Guzmán": a first name, a quoted capitalised run, a surname."""
    doc = context.doc
    if c.type != PERSON:
        return None
    # the model's span may hold the opening quote and the nickname ("Miguel 'El Zurdo")
    i = next((k for k in range(c.start + 1, c.end) if doc[k].text in QUOTES), c.end)
    if i >= len(doc) or doc[i].text not in QUOTES:
        return None
    j = i + 1
    while j < len(doc) and is_capitalised(doc[j]):
        j += 1
    if j == i + 1 or j >= len(doc) or doc[j].text not in QUOTES:
        return None
    surname = j + 1
    end = _name_word_end(doc, surname, unit_at)
    if end is None or not is_proper(doc[surname]):
        return None
    while end < len(doc) and is_proper(doc[end]) and not _is_title(context, doc[end]):
        end += 1
    return end


def _group_modifiers(
    context: RuleContext, candidates: list[Candidate], unit_at: dict[int, _Unit], headlines: _Headlines
) -> list[Candidate]:
    """ "an Islamic State Khorasan Province cell", "three Tehreek-e-Taliban Pakistan
    militants": the capitalised words before a member noun are one group's name, however the
    model cut them; not after a preposition ("in Karachi"), and a name that opens with a
    nationality ("the Afghan Taliban militants") or that the gazetteer knows as a place is left
    as it is."""
    doc, lists = context.doc, _lists()
    owner = {i: c for c in candidates for i in range(c.start, c.end)}
    groups = []
    for i, token in enumerate(doc):
        if not (token.is_lower and token.lower_ in lists["member_nouns"]) or i < 1 or headlines.contains(token.idx):
            continue
        start = i
        while start > 0 and (is_capitalised(doc[start - 1]) or start - 1 in unit_at):
            start -= 1
        while start < i and (doc[start].lower_ in context.cues.leading_words or _is_title(context, doc[start])):
            start += 1  # "A Surrey Police spokesman", "Senior Harmattan Brotherhood commander"
        parts = {id(owner[k]): owner[k] for k in range(start, i) if k in owner}
        if (
            i - start < 2
            or (start > 0 and doc[start - 1].pos_ == "ADP")  # "in Karachi" + "Lyari gang members"
            or not parts
            or (len(parts) == 1 and all(k in owner for k in range(start, i)))
            or any(c.settled for c in parts.values())
            or fold(doc[start].text) in context.cues.demonyms
            or context.gazetteer.place_rank(doc[start:i].text)
        ):
            continue
        groups.append(Candidate(start, i, context.ontology.spacy_label(ORGANIZATION), ORGANIZATION))
    covered = {k for g in groups for k in range(g.start, g.end)}
    kept = [c for c in candidates if not covered.intersection(range(c.start, c.end))]
    return sorted([*kept, *groups], key=lambda c: c.start)


def _titled_people(
    context: RuleContext, candidates: list[Candidate], unit_at: dict[int, _Unit], headlines: _Headlines
) -> list[Candidate]:
    """The name words after a person's title are a person ("Chief Folake Adesanya-Coker",
    "co-chair Nurcan Özmen"); a title inside an agency's span ends the agency ("Pakistan Army
    Major General Tariq Hameed")."""
    doc = context.doc
    owner = {i: c for c in candidates for i in range(c.start, c.end)}
    people: list[Candidate] = []
    i = 0
    while i < len(doc):
        if not _is_title(context, doc[i]) or (doc[i].is_lower and not _lower_title_cue(doc, i)):
            i += 1
            continue
        start = i
        while start < len(doc) and _is_title(context, doc[start]):
            start += 1
        if doc[i].is_lower and start < len(doc) and doc[start].text == ",":
            start += 1
        strong = any(doc[k].lower_.rstrip(".") not in _lists()["title_modifiers"] for k in range(i, start))
        if not strong or headlines.contains(doc[i].idx):  # "Private Practice", a headline
            i = max(i + 1, start)
            continue
        end = _person_run_end(context, start, unit_at)
        holder = owner.get(i)
        named_thing = holder is not None and holder.type != PERSON and holder.start == i and holder.end > start
        if end is None or named_thing or (holder is not None and holder.settled):
            i = max(i + 1, start)
            continue
        if doc[i].is_lower and end - start < 2:
            i = end
            continue
        for c in {id(c): c for c in (owner.get(k) for k in range(i, end)) if c is not None}.values():
            if c.type != PERSON and c.start < i:
                c.end = i  # "Pakistan Army Major General ...": the agency stays
                while c.end > c.start and _is_title(context, doc[c.end - 1]):
                    c.end -= 1
        label = context.ontology.spacy_label(PERSON)
        people.append(Candidate(start, end, label, PERSON))
        i = end
    kept = [c for c in candidates if c.end > c.start]
    return _merged_people(kept, people)


def _merged_people(candidates: list[Candidate], people: list[Candidate]) -> list[Candidate]:
    """Titled people replace the unsettled candidates they overlap."""
    if not people:
        return candidates
    covered = {i for p in people for i in range(p.start, p.end)}
    kept = []
    for c in candidates:
        if not covered.intersection(range(c.start, c.end)):
            kept.append(c)
        elif c.type == PERSON:
            for p in people:
                if p.start < c.end and c.start < p.end:
                    p.start, p.end = min(p.start, c.start), max(p.end, c.end)
    return sorted([*kept, *people], key=lambda c: c.start)


def _lower_title_cue(doc: Doc, i: int) -> bool:
    """A lower-case role noun ("co-chair", "lawyer") directly before capitalised words, or
    before them in apposition ("Her lawyer, Marina Orlova, said")."""
    after = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "," else i + 1
    return after < len(doc) and is_proper(doc[after])


def _name_run_end(context: RuleContext, i: int, unit_at: dict[int, _Unit]) -> int | None:
    """End of the name starting at token `i`: capitalised name words and hyphen units, with
    particles between them; a title ends it. None when no name word starts there."""
    doc = context.doc
    end = i
    while True:
        word_end = _name_word_end(doc, end, unit_at)
        if word_end is None or (word_end == end + 1 and not (is_proper(doc[end]) or _is_initials(doc[end]))):
            word_end = _particle_run_end(context, end, unit_at, person=True) if end > i else None
        if word_end is None or _is_title(context, doc[end]):
            break
        end = word_end
    return end if end > i else None


def _person_run_end(context: RuleContext, i: int, unit_at: dict[int, _Unit]) -> int | None:
    """A name run that does not end like an institution or a place ("Justice Department") nor
    sit inside a longer title ("Chief Fire Officer")."""
    end = _name_run_end(context, i, unit_at)
    if end is None:
        return None
    doc, cues = context.doc, context.cues
    last = doc[end - 1]
    if context.is_org_head(last) or last.lower_ in cues.place_nouns or last.lower_ in cues.place_suffixes:
        return None
    if end < len(doc) and _is_title(context, doc[end]) and doc[end].text[:1].isupper():
        return None  # "Assistant Chief" + "Fire" + "Officer": a title, no name
    return end


def _retype_by_name_shape(context: RuleContext, c: Candidate, candidates: list[Candidate]) -> None:
    """A name that opens with an organisation word of its language ("Jamaat Shamil", "Frente
    Rosa Blanca", "Kataib Dar al-Salam") is an organisation; an "organisation" made of name
    words with a person's particle and no institution word ("Rodrigo Alves Pereira", "Ana
    Cláudia de Oliveira Lima") is a person."""
    doc, lists = context.doc, _lists()
    span = doc[c.start : c.end]
    first = fold(span[0].text.split("-")[0]) if span[0].text not in _HYPHENS else ""
    place_word = c.type == PERSON and c.end - c.start > 1 and first in lists["arabic_place_words"]
    if place_word or any(_joins(t, lists["place_joiners"]) for t in span[1:-1]):
        c.type, c.label = PLACE, context.ontology.spacy_label(PLACE)  # "Jebel Ali", "Rostov-on-Don"
        return
    if first in lists["org_leading_heads"] and c.end - c.start > 1:
        c.type, c.label = ORGANIZATION, context.ontology.spacy_label(ORGANIZATION)
        return
    if c.type != ORGANIZATION or context.gazetteer.place_rank(span.text):
        return
    words = [t for t in span if not t.is_punct]
    if any(t.lower_.endswith(tuple(lists["patronymic_endings"])) for t in words[1:-1]):
        c.type, c.label = PERSON, context.ontology.spacy_label(PERSON)  # "Timur Akhmedovich Dzhabrailov"
        return
    # "de Oliveira", and the capitalised "Ag" and "Ould" of Tuareg and Hassaniya names
    has_particle = any(t.lower_ in lists["particles"] for t in words[1:-1]) and (
        fold(words[0].text) not in lists["place_leading_words"]  # "Rue de Castiglione"
    )
    institution = any(context.is_org_head(t) or fold(t.text) in lists["org_leading_heads"] for t in words)
    if has_particle and not institution and all(is_capitalised(t) or t.is_lower for t in words):
        c.type, c.label = PERSON, context.ontology.spacy_label(PERSON)
        taken = {i for o in candidates if o is not c for i in range(o.start, o.end)}
        while c.start > 0 and continues_person(context, doc[c.start - 1], taken, set()):
            c.start -= 1


def _joined_places(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """ "Jammu" + "and" + "Kashmir Police": names joined by "and" that the gazetteer knows as one
    place ("Jammu and Kashmir", "Trinidad and Tobago") are one name; with an institution noun
    after it, an organisation."""
    doc = context.doc
    out: list[Candidate] = []
    for c in candidates:
        last = out[-1] if out else None
        if (
            last is not None
            and not last.settled
            and not c.settled
            and last.type == PLACE
            and c.start == last.end + 1
            and doc[last.end].lower_ in ("and", "&")
            and any(context.gazetteer.place_rank(doc[last.start : k].text) for k in range(c.start + 1, c.end + 1))
        ):
            last.end = c.end
            if context.is_org_head(doc[c.end - 1]):
                last.type, last.label = ORGANIZATION, context.ontology.spacy_label(ORGANIZATION)
            continue
        out.append(c)
    return out


def _joins(token, joiners: frozenset[str]) -> bool:
    """A joiner written between hyphens inside a word ("on" in "Rostov-on-Don")."""
    doc = token.doc
    return (
        token.lower_ in joiners
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].text in _HYPHENS
        and doc[token.i + 1].text in _HYPHENS
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def _take_occupying_country(context: RuleContext, c: Candidate) -> None:
    """ "Pakistan-occupied Kashmir", "Indian-administered Kashmir": a country or its prefix, a
    hyphen and a control participle before a place make one place with it, the region."""
    doc, i = context.doc, c.start
    if c.type != PLACE or i < 3 or doc[i - 1].lower_ not in _lists()["control_participles"]:
        return
    if doc[i - 2].text in _HYPHENS and not doc[i - 2].whitespace_ and not doc[i - 3].whitespace_:
        if doc[i - 3].text[:1].isupper():
            c.start = i - 3


def _is_title_only(context: RuleContext, c: Candidate) -> bool:
    """ "Interior" in "Interior Secretary", "State" in "Secretary of State": portfolio words
    with a title are part of the title."""
    doc = context.doc
    words = [t for t in doc[c.start : c.end] if not t.is_punct]
    after = doc[c.end] if c.end < len(doc) else None
    titled_of = c.start > 1 and doc[c.start - 1].lower_ == "of" and _is_title(context, doc[c.start - 2])
    titled = after is not None and after.text[:1].isupper() and _is_title(context, after)
    return (
        not c.settled
        and bool(words)
        and (titled or titled_of)  # "Interior Secretary", "Secretary of State"
        and all(t.lower_ in _lists()["portfolio_words"] for t in words)
    )


def _title_before(context: RuleContext, start: int) -> str | None:
    """The capitalised title words directly before a person's name, with the portfolio words
    that open them ("Maulana", "Major General", "Interior Secretary")."""
    doc = context.doc
    i = start
    while i > 0 and (
        (_is_title(context, doc[i - 1]) and doc[i - 1].text[:1].isupper()) or _inside_title(context, i - 1, start)
    ):
        i -= 1
    while i < start and i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ in _lists()["portfolio_words"]:
        i -= 1
    return doc[i:start].text or None


def _inside_title(context: RuleContext, i: int, name_start: int) -> bool:
    """The hyphen of "Secretary-General" and the full stop of "Lt." between title words."""
    doc = context.doc
    token = doc[i]
    if i == 0 or i + 1 >= name_start or doc[i - 1].whitespace_:
        return False
    return (token.text in _HYPHENS and not token.whitespace_ and _is_title(context, doc[i - 1])) or (
        token.text == "." and _is_title(context, doc[i - 1])
    )


def _is_title(context: RuleContext, token) -> bool:
    return token.lower_.rstrip(".") in context.cues.person_titles


def nickname_aliases(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Other names the text gives for something become alias mentions of it, with its type
    and its name as canonical, wherever they occur: "X, alias 'Y'", "X, also known as Y",
    "X, known locally as Y", "Y, whom prosecutors identify as Z", and the quoted nickname inside
    a person's name ("Joaquín 'El Chapo' Guzmán"). A nickname introduced after a person noun
    but no name ("a commander known by the nom de guerre Y") is a person's name."""
    doc = context.doc
    candidates = _named_by_person_nouns(context, candidates)
    aliases: dict[tuple[str, ...], Candidate] = {}  # folded words of the nickname -> its owner
    for start, end, owner in _nickname_definitions(context, candidates):
        if owner is not None:
            aliases.setdefault(tuple(fold(t.text) for t in doc[start:end]), owner)
    found = [
        _alias_of(context, owner, start, start + len(words))
        for words, owner in aliases.items()
        for start in _occurrences(doc, words)
    ]
    owners = {id(owner) for owner in aliases.values()}
    kept = [  # what the model made of a nickname gives way to it, but not its owner
        c
        for c in candidates
        if id(c) in owners or not any(a.start < c.end and c.start < a.end for a in found)
    ]
    return sorted([*kept, *found], key=lambda c: (c.start, -c.end))


def _named_by_person_nouns(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """ "a commander known by the nom de guerre Zagros Amed": the nickname names a person."""
    label = context.ontology.spacy_label(PERSON)
    for start, end, owner in list(_nickname_definitions(context, candidates)):
        if owner is not None:
            continue
        overlapping = [c for c in candidates if c.start < end and start < c.end]
        if not overlapping:
            candidates = [*candidates, Candidate(start, end, label, PERSON)]
        for c in overlapping:
            if (c.start, c.end) == (start, end) and not c.settled:
                c.type, c.label = PERSON, label
    return candidates


def given_names(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """A person's name grows back over the given names the model left out of it: "Bilal Yunus
    Shahwani" is one name even when the model found only "Yunus Shahwani" (a son carrying his
    father's name in the middle, as Pakistani, Arab and Somali names do). A word joins when it is
    a proper noun the parse attaches inside the name, and no title, place, people or other name."""
    doc = context.doc
    taken = {i for c in candidates for i in range(c.start, c.end)}
    for c in candidates:
        if c.type != PERSON or c.kind != "name" or c.settled:
            continue
        while c.start > 0 and _given_name_of(context, doc[c.start - 1], c, taken):
            taken.add(c.start - 1)
            c.start -= 1
    return candidates


def _given_name_of(context: RuleContext, token, c: Candidate, taken: set[int]) -> bool:
    cues = context.cues
    return (
        token.i not in taken
        and token.pos_ == "PROPN"
        and token.dep_ == "compound"
        and c.start <= token.head.i < c.end
        and is_capitalised(token)
        and not token.is_upper
        and token.lower_.rstrip(".") not in cues.person_titles
        and fold(token.text) not in cues.demonyms
        and context.gazetteer.place_rank(token.text) < CITY_POPULATION  # "Hassan" is a town too
    )


def record_titles(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """A person's title ("Maulana", "Major General", "Interior Secretary") is recorded on the
    mention, never in it."""
    for c in candidates:
        if c.type == PERSON and c.kind == "name":
            c.title = _title_before(context, c.start)
    return candidates


def _nickname_definitions(context: RuleContext, candidates: list[Candidate]):
    """(start, end, owner) of each nickname the text defines; owner None when only a person
    noun precedes it."""
    doc, lists = context.doc, _lists()
    unit_at = _unit_index(context)
    for c in candidates:
        if c.type == PERSON and c.kind == "name":
            inner = _quoted_run(doc, c.start + 1, c.end)
            if inner is not None:
                yield inner[0], inner[1], c
    ends = {c.end: c for c in candidates if c.kind == "name" and c.type in (PERSON, ORGANIZATION, PLACE)}
    for i, token in enumerate(doc):
        relative_only = token.lower_ in lists["relative_nickname_cues"]  # "Y, whom they identify as Z"
        if token.lower_ not in lists["nickname_cues"] and not relative_only:
            continue
        before = i
        while before > 0 and doc[before - 1].lower_ in lists["nickname_fillers"]:
            before -= 1
        after = i + 1
        while after < len(doc) and (
            doc[after].lower_ in lists["nickname_fillers"] or doc[after].lower_ in lists["nickname_cues"]
        ):
            after += 1
        run = _nickname_run(context, after, unit_at)
        if run is None:
            continue
        owner = None if relative_only else ends.get(before) or (ends.get(before - 1) if doc[before - 1].text == "," else None)
        owner = owner or _named_subject(doc, token, candidates)
        if relative_only and owner is None:
            continue
        if owner is not None:
            yield run[0], run[1], owner
        elif before > 0 and _is_title(context, doc[before - 1]) and doc[before - 1].is_lower:
            yield run[0], run[1], None


def _named_subject(doc: Doc, cue, candidates: list[Candidate]) -> Candidate | None:
    """The name a passive cue or a relative clause is said of: "Batalov ... is known to his
    followers as Y", "the Houthi movement, which calls itself Y", "Zagros Amed, whom
    prosecutors identify as Y"."""
    relative = cue.dep_ == "relcl" and any(
        t.lower_ in ("itself", "himself", "herself", "themselves") or (t.dep_ == "dobj" and t.lower_ in ("whom", "who"))
        for t in cue.children
    )
    if relative:  # "which calls itself Y", "Y, whom prosecutors identify as Z"
        subject = cue.head
    else:
        subject = next((t for t in cue.children if t.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    named = next((c for c in candidates if c.start <= subject.i < c.end and c.kind == "name"), None)
    if named is None and is_proper(subject):  # a surname the model left untagged: a person
        return Candidate(subject.i, subject.i + 1, "PERSON", PERSON)
    return named if named is not None and named.type in (PERSON, ORGANIZATION) else None


def _quoted_run(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Capitalised words between quotes inside [start, end)."""
    for i in range(start, end):
        if doc[i].text in QUOTES:
            j = i + 1
            while j < end and is_capitalised(doc[j]):
                j += 1
            if j > i + 1 and j < end and doc[j].text in QUOTES:
                return i + 1, j
            return None
    return None


def _nickname_run(context: RuleContext, i: int, unit_at: dict[int, _Unit]) -> tuple[int, int] | None:
    """The name after a nickname cue: quoted ("'El Flaco'", "'the Engineer'") or not ("Abu
    Hamza al-Sanaani"); None when none follows."""
    doc = context.doc
    if i < len(doc) and doc[i].text in QUOTES:
        start = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else i + 1
        end = start
        while end < len(doc) and (is_capitalised(doc[end]) or (doc[end].text in _HYPHENS and not doc[end].whitespace_)):
            end += 1
        closed = end > start and end < len(doc) and doc[end].text in QUOTES
        return (start, end) if closed else None
    end = _name_run_end(context, i, unit_at) if i < len(doc) and is_capitalised(doc[i]) else None
    return None if end is None else (i, end)


def _occurrences(doc: Doc, words: tuple[str, ...]):
    n = len(words)
    for i in range(len(doc) - n + 1):
        if fold(doc[i].text) == words[0] and tuple(fold(t.text) for t in doc[i : i + n]) == words:
            yield i


def _alias_of(context: RuleContext, owner: Candidate, start: int, end: int) -> Candidate:
    name = context.doc[owner.start : owner.end].text
    return Candidate(
        start,
        end,
        owner.label,
        owner.type,
        kind="alias",
        canonical=owner.canonical or name,
        settled=True,
    )
