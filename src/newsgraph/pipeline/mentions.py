"""Named mentions: the model's entities with their spans and types corrected.

The small English model mislabels much of narrative news: towns as people ("visited Abuja"),
acronyms as places, event names in quotes as people, and it keeps "the" and trailing
punctuation in spans. `EntityCorrector` (a spaCy component added by `load_nlp`) repairs the
entities with general evidence, in this order:

1. spans: drop a leading "the"/quote, trailing punctuation, a trailing "(ABC)"; split a
   possessive whose owner is a known place ("Kano's Sabon Gari" -> Kano, Sabon Gari); run a
   place on over the proper nouns that follow it ("Lake Chad" + "Vanguard") and a person over
   the proper nouns around it ("Sheikh" + "Mahad" + "Ali Gurey"), except in title-case headlines;
2. quoted names ("the 'Desert Dawn' convention") are event names: type other;
3. the curated list (newsgraph/data/entities.jsonl + $NEWSGRAPH_ENTITIES) fixes type and
   canonical name;
4. acronyms the text defines ("Harmattan Brotherhood (HB)") make the full name an
   organisation and every occurrence of the acronym an `acronym` mention of it;
5. context: a name before a place noun ("the Baga market", "Sabon Gari district") or owned by
   a place ("Kano's Sabon Gari") is a place; a place name followed by more name words that
   are not a place suffix ("Lake Chad Vanguard") is an organisation; a facility whose head noun
   is an institution ("National Press Centre") is an organisation; an "organisation" without
   an institution head noun whose last word comes back alone is a person ("Harouna Issoufou
   Bako" ... "Bako");
6. the gazetteer: a name the model called a person or organisation is a place when it is a
   country, province, curated place or a city of >= 1 000 000 people (>= 1 000 with a cue:
   "in", "travelled to", "visited", "the town of", ...), unless its words belong to a full
   person name in the same text. Places the model missed are added the same way;
7. nationality and language words ("Somali militants", "spoke Swahili", derived from the
   country names by newsgraph.gazetteer.demonyms) are no mentions, whatever the model called
   them, except before an administrative noun ("the Somali region");
8. headlines (Title Case or ALL CAPS lines without a full stop, and the line repeating the
   document title) keep only names the body or the gazetteer backs, see
   `_corroborated_headlines`;
9. within one text a name has one type, the best supported one (`_one_type_per_name`).

Word lists (head nouns, place nouns, cue verbs, ...) live in newsgraph/data/entity_types.json;
person titles, shared with coreference, in newsgraph/data/person_titles.json.

The result is `doc.ents` (spaCy labels) and `doc._.newsgraph_mentions` (newsgraph types, kind,
canonical name); `MentionStage` turns the latter into `Mention`s.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.gazetteer import Gazetteer, entity_rules, get_gazetteer
from newsgraph.gazetteer.demonyms import demonyms
from newsgraph.lexicons import person_titles
from newsgraph.model import Analysis, Mention, fold

PERSON, ORGANIZATION, PLACE, OTHER = "person", "organization", "place", "other"
SPACY_LABEL = {PERSON: "PERSON", ORGANIZATION: "ORG", PLACE: "GPE", OTHER: "EVENT"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUOTES = frozenset("\"“”‘’'«»")
# A bare city name is taken as a place over the model's person/organisation reading from this
# population; after a cue such as a locative preposition ("in Zinder") from the lower one.
CITY_POPULATION = 1_000_000
CITY_POPULATION_AFTER_PREPOSITION = 1_000
# Lower-case words that can sit inside a name ("Ministry of Defence", "Dar es Salaam",
# "Salim bin Humayd").
NAME_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "de",
        "du",
        "des",
        "la",
        "le",
        "al",
        "el",
        "in",
        "on",
        "'s",
        "’s",
        "-",
        "&",
        "es",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "di",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "bint",
        "ben",
        "ould",
        "y",
        "et",
        "sur",
        "upon",
        "au",
        "aux",
        "an",
        "at",
        "to",
    }
)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&.]*[A-Z]\.?$")
MENTIONS_ATTR = "newsgraph_mentions"

if not Doc.has_extension(MENTIONS_ATTR):
    Doc.set_extension(MENTIONS_ATTR, default=None)


@dataclass(frozen=True)
class NamedMention:
    """A corrected named mention, in characters of the Doc text."""

    start: int
    end: int
    type: str
    kind: str = "name"
    canonical: str | None = None


@dataclass
class _Candidate:
    start: int  # token indices
    end: int
    label: str  # the model's label
    type: str
    kind: str = "name"
    canonical: str | None = None
    quoted: bool = False
    settled: bool = False  # typed by the curated list or an acronym definition: no more guessing
    dropped: bool = False  # replaced by an acronym definition or use


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return bool(_ACRONYM.match(text)) and 2 <= len(letters) <= 8 and sum(c.isupper() for c in letters) >= 2


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(c in remaining for c in short)


def initials_match(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` abbreviates `words` (capitalised words of the full name): same first
    letter, and one letter sequence contains the other ("MNJTF" for Multinational Joint
    Task Force, "ISWAP" for Islamic State West Africa Province)."""
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    firsts = "".join(w[0] for w in words).upper()
    if not letters or not firsts or letters[0] != firsts[0]:
        return False
    return _is_subsequence(firsts, letters) or _is_subsequence(letters, firsts)


class EntityCorrector:
    """spaCy component: replaces `doc.ents` with corrected named mentions (see module doc)."""

    def __init__(self, gazetteer: Gazetteer):
        rules = entity_rules()
        self.gazetteer = gazetteer
        self.label_types: dict[str, str] = rules["labels"]
        self.org_heads = frozenset(rules["organization_head_nouns"])
        self.place_nouns = frozenset(rules["place_head_nouns"])
        self.place_suffixes = frozenset(rules["place_name_suffixes"])
        self.locatives = frozenset(rules["locative_prepositions"])
        self.leading_words = frozenset(rules["span_leading_words"])
        self.demonym_endings = tuple(rules["demonym_endings"])
        self.places_when_known = frozenset(rules["places_when_known"])
        self.motion_verbs = frozenset(rules["motion_verbs"])
        self.person_titles = frozenset(person_titles())
        self.place_object_verbs = frozenset(rules["place_object_verbs"])
        self.demonyms = demonyms()

    def __call__(self, doc: Doc) -> Doc:
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        persons = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        title_case = _TitleCaseLines(doc.text)
        candidates = [
            c
            for ent in doc.ents
            for line in _lines_of(ent)
            for c in self._clean(doc, line, taken, persons, title_case)
        ]
        for c in candidates:
            self._apply_curated(doc, c)
        candidates = self._apply_acronyms(doc, candidates)
        self._retype(doc, candidates)
        candidates += self._missed_places(doc, candidates)
        candidates = self._without_nationality_words(doc, candidates)
        candidates = _without_overlaps(candidates)
        candidates = self._corroborated_headlines(doc, candidates, _headline_lines(doc.text))
        self._one_type_per_name(doc, candidates)
        doc.ents = [Span(doc, c.start, c.end, label=_spacy_label(c)) for c in candidates]
        doc._.set(MENTIONS_ATTR, [_named(doc, c) for c in candidates])
        return doc

    def with_title(self, doc: Doc, mentions: list[NamedMention], title: str | None) -> list[NamedMention]:
        """The line that repeats the document's title is a headline whatever its style
        ("Hadramawt Battalion denies meeting in Berbera"): its names get the headline check."""
        line = _title_line(doc.text, title)
        if line is None or line in _headline_lines(doc.text):
            return mentions
        candidates = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            label = SPACY_LABEL[m.type]
            candidates.append(_Candidate(span.start, span.end, label, m.type, m.kind, m.canonical))
        return [_named(doc, c) for c in self._corroborated_headlines(doc, candidates, [line])]

    # -- spans -------------------------------------------------------------------------------

    def _clean(
        self, doc: Doc, ent: Span, taken: set[int], persons: set[int], title_case: _TitleCaseLines
    ) -> list[_Candidate]:
        start, end = ent.start, ent.end
        for i in range(start, end):  # a name never runs past an opening bracket
            if doc[i].text == "(":
                end = i
                break
        while start < end and (doc[start].lower_ in self.leading_words or _is_edge_punct(doc[start])):
            start += 1
        while end > start and (_is_edge_punct(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
            end -= 1
        if start >= end or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
            return []
        type_ = self._label_type(doc, start, end, ent.label_)
        if type_ is None or (type_ == PLACE and self._is_nationality_word(doc, start, end)):
            return []
        if type_ == PLACE:
            # "Lake Chad Vanguard", "Kaduna State": the model stopped early; the name runs on
            # (but "U.S. President", "Alabama Governor CEO" are a place and a title)
            while (
                end < len(doc)
                and end not in taken
                and _is_proper(doc[end])
                and not doc[end].is_upper
                and not self._is_title(doc[end])
            ):
                end += 1
        elif ent.label_ == "PERSON" and end - start > 1 and not title_case.contains(ent.start_char):
            # "Sheikh Mahad Ali Gurey" tagged as "Sheikh" and "Ali Gurey": one name, whole. A
            # single word is not grown: "Martin" in "Lockheed Martin" is no first name.
            while start > 0 and self._continues_person(doc[start - 1], taken, persons):
                start -= 1
            while end < len(doc) and self._continues_person(doc[end], taken, persons):
                end += 1
        if ent.label_ == "PERSON":
            while start < end and self._is_title(doc[start]):
                start += 1
            if start == end:
                return []
        return [
            _Candidate(s, e, ent.label_, type_, quoted=_is_quoted(doc, s, e))
            for s, e in self._pieces(doc, start, end)
        ]

    def _pieces(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """A name span cut where it holds two names: at a lower-case word that cannot sit
        inside a name ("Niamey with Sangare"), or after a place that owns the rest ("Kano's
        Sabon Gari")."""
        if self.gazetteer.place_rank(doc[start:end].text):
            return [(start, end)]
        for i in range(start + 1, end - 1):
            word = doc[i]
            if word.is_alpha and word.is_lower and word.lower_ not in NAME_CONNECTORS:
                return [*self._pieces(doc, start, i), *self._pieces(doc, i + 1, end)]
            if word.tag_ == "POS" and self.gazetteer.place_rank(doc[start:i].text) >= CITY_POPULATION:
                return [(start, i), *self._pieces(doc, i + 1, end)]
        return [(start, end)]

    def _continues_person(self, token, taken: set[int], persons: set[int]) -> bool:
        return (
            _is_proper(token)
            and not token.is_upper
            and (token.i not in taken or token.i in persons)
            and not self._is_org_head(token)
            and not self._is_title(token)
        )

    def _is_title(self, token) -> bool:
        return token.lower_.rstrip(".") in self.person_titles

    def _label_type(self, doc: Doc, start: int, end: int, label: str) -> str | None:
        """The newsgraph type of the model's label; a curated name is a mention whatever its
        label ("the AU" tagged NORP), and so is a known place the model tagged NORP."""
        text = doc[start:end].text
        if self.gazetteer.lexicon.find(text) is not None:
            return self.label_types.get(label, OTHER)
        if label in self.places_when_known and self.gazetteer.place_rank(text) >= self._population_needed(
            doc, start, end, []
        ):
            return PLACE
        return self.label_types.get(label)

    def _is_nationality_word(self, doc: Doc, start: int, end: int) -> bool:
        """ "Somali militants", "Emirati officials": the model's place that is an unknown word
        with a demonym ending, modifying a noun."""
        token = doc[start]
        return (
            end - start == 1
            and token.dep_ in ("amod", "compound")
            and token.head.tag_ in ("NN", "NNS")
            and token.lower_.endswith(self.demonym_endings)
            and not self.gazetteer.place_rank(token.text)
        )

    def _without_nationality_words(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """A nationality word alone ("Somali militants", "two Yemenis", "speaks Somali") names no
        place, person or organisation, even where a province has that name (Somali, Ethiopia);
        before a place noun it names the place ("the Somali region")."""
        kept = []
        for c in candidates:
            if c.end - c.start == 1 and not c.settled and fold(doc[c.start].text) in self.demonyms:
                after = doc[c.end] if c.end < len(doc) else None
                if not _is_place_noun(after, self.place_suffixes):  # "Somali community" is people
                    continue
                c.type = PLACE
            kept.append(c)
        return kept

    # -- headlines and consistency -----------------------------------------------------------

    def _corroborated_headlines(
        self, doc: Doc, candidates: list[_Candidate], headlines: list[tuple[int, int]]
    ) -> list[_Candidate]:
        """In a headline every word is capitalised, so the model's names there are guesses
        ("Bosaso Preacher", "Mukalla Pact Binds Shield"). A headline name is kept when the body
        of the text uses it (same words, or a shorter form of a body name: "Hadramawt
        Battalion" for "Hadramawt Martyrs Battalion", which then names it) or when the curated
        list or the gazetteer knows it, or the body writes it the same way although the model
        did not tag it there; otherwise its longest parts that pass are kept and the rest is
        dropped."""
        if not headlines:
            return candidates
        starts = [h[0] for h in headlines]

        def in_headline(c: _Candidate) -> bool:
            i = bisect_right(starts, doc[c.start].idx) - 1
            return i >= 0 and doc[c.start].idx < headlines[i][1]

        body = [c for c in candidates if not in_headline(c)]
        in_body = {id(c) for c in body}
        body_names = [(tuple(fold(t.text) for t in doc[c.start : c.end]), c) for c in body]
        gaps = zip([0] + [end for _, end in headlines], [*starts, len(doc.text)])
        body_text = "\n".join(doc.text[after:before] for after, before in gaps)
        kept = []
        for c in candidates:
            if id(c) in in_body or c.quoted or _occurs_in(doc[c.start : c.end].text, body_text):
                kept.append(c)
                continue
            start = c.start
            while start < c.end:
                for end in range(c.end, start, -1):
                    piece = self._headline_piece(doc, start, end, c, body_names)
                    if piece is not None:
                        kept.append(piece)
                        start = end
                        break
                else:
                    start += 1
        return sorted(kept, key=lambda c: c.start)

    def _headline_piece(
        self, doc: Doc, start: int, end: int, c: _Candidate, body_names: list
    ) -> _Candidate | None:
        span = doc[start:end]
        if not any(_is_capitalised(t) for t in span) or span[0].lower_ in NAME_CONNECTORS:
            return None
        words = tuple(fold(t.text) for t in span)
        for body_words, b in body_names:
            if words == body_words:
                return _Candidate(start, end, b.label, b.type, b.kind, b.canonical)
        for body_words, b in body_names:
            if b.type != PLACE and len(words) < len(body_words) and _is_word_subsequence(words, body_words):
                canonical = doc[b.start : b.end].text if len(words) > 1 and b.type == ORGANIZATION else None
                kind = "alias" if canonical else "name"
                return _Candidate(start, end, b.label, b.type, kind, canonical)
        curated = self.gazetteer.lexicon.find(span.text)
        if curated is not None:
            return c if (start, end) == (c.start, c.end) else _Candidate(start, end, c.label, curated.type)
        if self.gazetteer.place_rank(span.text) >= CITY_POPULATION_AFTER_PREPOSITION:
            return _Candidate(start, end, "GPE", PLACE)
        return None

    def _one_type_per_name(self, doc: Doc, candidates: list[_Candidate]) -> None:
        """Within one text a name is one thing: "Eastleigh" both an organisation ("the Eastleigh
        office") and a place ("the Eastleigh district") takes the type with the most support:
        a typing by the curated list or an acronym, then being part of a longer name of that
        type in the text ("Shield" in "Eastern Shield Brigades", which also makes a name the
        gazetteer does not know an organisation), then a place cue at one of the mentions ("the
        Eastleigh district", "in Eastleigh"), then the number of mentions, then the gazetteer
        for a place. People are left alone: a surname may well be a town too ("in Adamu"),
        which the person rules already weigh."""
        by_name: dict[str, list[_Candidate]] = {}
        for c in candidates:
            if not c.quoted and c.canonical is None:
                by_name.setdefault(fold(doc[c.start : c.end].text), []).append(c)
        for name, group in by_name.items():
            types = {c.type for c in group}
            if PERSON in types or all(c.settled for c in group):
                continue
            is_known_place = self.gazetteer.place_rank(doc[group[0].start : group[0].end].text) > 0
            if len(types) < 2 and (types != {PLACE} or is_known_place):
                continue
            words = tuple(name.split())
            longer = {
                o.type
                for o in candidates
                if o.end - o.start > len(words)
                and _is_word_subsequence(words, tuple(fold(t.text) for t in doc[o.start : o.end]))
            }
            if ORGANIZATION in longer and not is_known_place:
                types.add(ORGANIZATION)  # "the Shield" tagged a place, with "Eastern Shield Brigades" about
            if len(types) < 2:
                continue
            place_cue = any(self._has_place_cue(doc, c) for c in group)
            support = {
                type_: (
                    any(c.settled and c.type == type_ for c in group),
                    type_ in longer,
                    type_ == PLACE and place_cue,
                    sum(c.type == type_ for c in group),
                    type_ == PLACE and is_known_place,
                )
                for type_ in types
            }
            best = max(sorted(types), key=support.__getitem__)
            for c in group:
                c.type = best

    def _has_place_cue(self, doc: Doc, c: _Candidate) -> bool:
        after = doc[c.end] if c.end < len(doc) else None
        return (
            _is_place_noun(after, self.place_nouns)
            or self._after_place_noun_of(doc, c.start)
            or (c.start > 0 and doc[c.start - 1].lower_ in self.locatives)
        )

    # -- curated list and acronyms -----------------------------------------------------------

    def _apply_curated(self, doc: Doc, c: _Candidate) -> None:
        text = doc[c.start : c.end].text
        entity = self.gazetteer.lexicon.find(text)
        if entity is None or c.quoted:
            return
        c.type, c.settled = entity.type, True
        if entity.name != text:
            c.canonical = entity.name
            c.kind = "acronym" if is_acronym(text) else "alias"

    def _apply_acronyms(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        # Candidates by the tokens they cover, so each definition and each use of an acronym
        # looks only at its own tokens: linear in the document, however often ABC recurs.
        covering: dict[int, list[_Candidate]] = {}

        def add(c: _Candidate) -> None:
            candidates.append(c)
            for t in range(c.start, c.end):
                covering.setdefault(t, []).append(c)

        def drop(found: list[_Candidate]) -> None:
            for c in found:
                c.dropped = True
                for t in range(c.start, c.end):
                    covering[t].remove(c)

        candidates = list(candidates)
        for c in candidates:
            for t in range(c.start, c.end):
                covering.setdefault(t, []).append(c)
        definitions: dict[str, tuple[str, str]] = {}
        for i in range(1, len(doc) - 2):
            acronym = doc[i + 1].text
            if doc[i].text != "(" or doc[i + 2].text != ")" or not is_acronym(acronym):
                continue
            name_start = self._acronym_name_start(doc, i, acronym)
            if name_start is None:
                continue
            name = doc[name_start:i].text
            overlapping = list({id(c): c for t in range(name_start, i) for c in covering.get(t, [])}.values())
            type_ = self._defined_type(name, overlapping)
            definitions.setdefault(acronym, (name, type_))
            drop(overlapping)
            add(_Candidate(name_start, i, "ORG", type_, settled=True))
        if definitions:
            for i, token in enumerate(doc):
                if token.text not in definitions:
                    continue
                name, type_ = definitions[token.text]
                found = list(covering.get(i, []))
                if any(c.end - c.start > 1 for c in found):
                    continue  # part of a longer name, which wins
                drop(found)
                add(_Candidate(i, i + 1, "ORG", type_, kind="acronym", canonical=name, settled=True))
        return [c for c in candidates if not c.dropped]
        for i, token in enumerate(doc):
            if token.text not in definitions:
                continue
            name, type_ = definitions[token.text]
            covering = [c for c in candidates if c.start <= i < c.end]
            if any(c.end - c.start > 1 for c in covering):
                continue  # part of a longer name, which wins
            candidates = [c for c in candidates if c not in covering]
            candidates.append(
                _Candidate(i, i + 1, "ORG", type_, kind="acronym", canonical=name, settled=True)
            )
        return candidates

    def _acronym_name_start(self, doc: Doc, paren: int, acronym: str) -> int | None:
        """Start token of the full name just before "(ACRONYM)", or None when the capitalised
        words there do not abbreviate to the acronym."""
        first = paren
        while first > 0:
            token = doc[first - 1]
            if token.is_sent_end and first - 1 != paren - 1:
                break
            if not (_is_capitalised(token) or token.lower_ in NAME_CONNECTORS):
                break
            first -= 1
        for start in range(first, paren):
            if not _is_capitalised(doc[start]) or doc[start].lower_ in self.leading_words:
                continue
            words = [t.text for t in doc[start:paren] if _is_capitalised(t)]
            if initials_match(acronym, words):
                return start
        return None

    def _defined_type(self, name: str, overlapping: list[_Candidate]) -> str:
        curated = self.gazetteer.lexicon.find(name)
        if curated is not None:
            return curated.type
        if self.gazetteer.place_rank(name) >= 10**9 and any(c.type == PLACE for c in overlapping):
            return PLACE  # "Democratic Republic of the Congo (DRC)"
        return ORGANIZATION

    # -- context and gazetteer ---------------------------------------------------------------

    def _retype(self, doc: Doc, candidates: list[_Candidate]) -> None:
        for c in candidates:
            if c.quoted:
                c.type = OTHER
            elif not c.settled:
                self._retype_by_context(doc, c, candidates)
        full_name_words = self._full_name_words(doc, candidates)
        for c in candidates:
            if c.settled or c.quoted:
                continue
            if c.type == ORGANIZATION and c.label == "ORG" and c.end - c.start > 1:
                self._org_that_is_a_person(doc, c, candidates)
            if c.type in (PERSON, ORGANIZATION, OTHER):
                self._place_by_gazetteer(doc, c, full_name_words, candidates)

    def _retype_by_context(self, doc: Doc, c: _Candidate, candidates: list[_Candidate]) -> None:
        after = doc[c.end] if c.end < len(doc) else None
        if c.label == "FAC":
            # "National Press Centre" is an institution, "Kirikiri prison" a place
            c.type = ORGANIZATION if self._is_org_head(doc[c.end - 1]) else PLACE
        elif (
            c.type == PERSON
            and c.end - c.start > 1
            and self._is_org_head(doc[c.end - 1])
            and not _bare_word_mentions(doc, doc[c.end - 1].lower_, candidates)
        ):
            c.type = (
                ORGANIZATION  # "Desert Shield Brigade" tagged PERSON; but "Jim Bank" comes back as "Bank"
            )
        if (
            c.type != PLACE
            and not self._is_org_head(doc[c.end - 1])
            and (_is_place_noun(after, self.place_nouns) or self._after_place_noun_of(doc, c.start))
        ):
            c.type = PLACE  # "the Baga market", "Sabon Gari district", "the city of Bosaso"
        elif c.type == PERSON and self._owned_by_place(doc, c, candidates):
            c.type = PLACE
        elif c.type == PLACE and c.end - c.start > 1:
            self._place_named_organisation(doc, c)

    def _after_place_noun_of(self, doc: Doc, start: int) -> bool:
        return (
            start >= 2 and doc[start - 1].lower_ == "of" and _is_place_noun(doc[start - 2], self.place_nouns)
        )

    def _owned_by_place(self, doc: Doc, c: _Candidate, candidates: list[_Candidate]) -> bool:
        """ "Kano's Sabon Gari": a short name owned by a place is a place, unless its words
        are used as a person's name elsewhere in the text."""
        if c.start < 2 or doc[c.start - 1].tag_ != "POS" or c.end - c.start > 3:
            return False
        owner = next((o for o in candidates if o.end == c.start - 1 and o.type == PLACE), None)
        if owner is None:
            return False
        words = {t.lower_ for t in doc[c.start : c.end]}
        elsewhere = {
            t.lower_
            for o in candidates
            if o is not c and o.type == PERSON and not o.quoted
            for t in doc[o.start : o.end]
        }
        return not words & elsewhere

    def _place_named_organisation(self, doc: Doc, c: _Candidate) -> None:
        """ "Lake Chad Vanguard", "Kano Pillars": a known place followed by name words that are
        not a place suffix ("Borno State", "Niger Delta") names an organisation."""
        span = doc[c.start : c.end]
        if self.gazetteer.place_rank(span.text) or span[-1].lower_ in self.place_suffixes:
            return
        for split in range(c.end - 1, c.start, -1):
            rest = doc[split : c.end]
            if (
                self.gazetteer.place_rank(doc[c.start : split].text) >= CITY_POPULATION
                and all(_is_capitalised(t) for t in rest)
                and not self.gazetteer.place_rank(rest.text)
            ):
                c.type = ORGANIZATION
                return

    def _org_that_is_a_person(self, doc: Doc, c: _Candidate, candidates: list[_Candidate]) -> None:
        """ "Harouna Issoufou Bako" tagged ORG, with a bare "Bako" elsewhere. Two-word names
        need the surname tagged PERSON twice: "Northrop Grumman" with one stray "Grumman" stays
        a company."""
        tokens = doc[c.start : c.end]
        if not all(t.is_alpha and t.is_title for t in tokens) or any(self._is_org_head(t) for t in tokens):
            return
        alone = _bare_word_mentions(doc, tokens[-1].lower_, candidates)
        surname = tokens[-1].lower_
        # another full name with that surname; the same name typed PERSON elsewhere is no evidence
        in_full_names = any(
            o.type == PERSON
            and o.end - o.start > 1
            and doc[o.end - 1].lower_ == surname
            and doc[o.start : o.end].text != tokens.text
            for o in candidates
        )
        if in_full_names or (len(tokens) > 2 and alone) or sum(o.type == PERSON for o in alone) >= 2:
            c.type = PERSON

    def _is_org_head(self, token) -> bool:
        word = token.lower_
        singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
        return word in self.org_heads or singular in self.org_heads

    def _place_by_gazetteer(
        self, doc: Doc, c: _Candidate, full_name_words: set[str], candidates: list[_Candidate]
    ) -> None:
        if c.type == PERSON and c.end - c.start > 1:
            return  # a full person name wins over a namesake town
        span = doc[c.start : c.end]
        if any(t.lower_ in full_name_words for t in span):
            return  # the surname of someone named in full in this text
        if self.gazetteer.place_rank(span.text) >= self._population_needed(doc, c.start, c.end, candidates):
            c.type = PLACE

    def _population_needed(self, doc: Doc, start: int, end: int, candidates: list[_Candidate]) -> int:
        """How big a town must be to override the model. Any town of 1 000 when the sentence
        says it is a place: a locative preposition ("in Zinder", not "in Bako's house"),
        motion ("travelled to Jos"), a visit ("visited Abuja"), a place noun, a place owner
        ("Lagos's Ikeja") or coordination with a place ("Garowe, Bosaso and Mandera"). Without
        such a cue only a city of a million does: smaller ones are too often surnames and
        company names (Henderson, Toyota)."""
        root = doc[start:end].root
        before = doc[start - 1] if start > 0 else None
        possessed = end < len(doc) and doc[end].tag_ == "POS"
        if (
            before is not None
            and not possessed
            and (
                before.lower_ in self.locatives
                or (before.dep_ == "prep" and before.head.lemma_ in self.motion_verbs)
            )
        ):
            return CITY_POPULATION_AFTER_PREPOSITION
        if root.dep_ == "dobj" and root.head.lemma_ in self.place_object_verbs:
            return CITY_POPULATION_AFTER_PREPOSITION
        after = doc[end] if end < len(doc) else None
        if _is_place_noun(after, self.place_nouns) or self._after_place_noun_of(doc, start):
            return CITY_POPULATION_AFTER_PREPOSITION  # "the Mubi market", "the town of Damasak"
        partners = [root.head] if root.dep_ == "conj" else []
        partners += [t for t in root.children if t.dep_ == "conj"]
        places = {i for c in candidates if c.type == PLACE for i in range(c.start, c.end)}
        if any(t.i in places for t in partners) or (
            before is not None and before.tag_ == "POS" and start - 2 in places
        ):
            return CITY_POPULATION_AFTER_PREPOSITION  # "Garowe, Bosaso and Mandera", "Lagos's Ikeja"
        return CITY_POPULATION

    def _full_name_words(self, doc: Doc, candidates: list[_Candidate]) -> set[str]:
        """Words of the text's full person names: a town that shares one is probably that
        person's surname. A "name" starting with a known place ("Bosaso Preacher" in a
        headline) is not evidence."""
        return {
            t.lower_
            for c in candidates
            if c.type == PERSON
            and not c.quoted
            and c.end - c.start > 1
            and self.gazetteer.place_rank(doc[c.start].text) < CITY_POPULATION_AFTER_PREPOSITION
            for t in doc[c.start : c.end]
        }

    def _missed_places(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """Runs of proper nouns the model left untagged that the gazetteer knows as places."""
        taken = {i for c in candidates for i in range(c.start, c.end)}
        taken.update(i for ent in doc.ents for i in range(ent.start, ent.end))  # dates, numbers too
        full_name_words = self._full_name_words(doc, candidates)
        found = []
        i = 0
        while i < len(doc):
            if i in taken or not _is_proper(doc[i]):
                i += 1
                continue
            end = i
            while end < len(doc) and end not in taken and _is_proper(doc[end]):
                end += 1
            span = doc[i:end]
            if (
                not any(t.lower_ in full_name_words for t in span)
                and not _is_quoted(doc, i, end)
                and self.gazetteer.place_rank(span.text) >= self._population_needed(doc, i, end, candidates)
            ):
                found.append(_Candidate(i, end, "GPE", PLACE))
            i = end
        return found


def _lines_of(ent: Span) -> list[Span]:
    """The model's entity cut at line breaks: "Boeing Jets\n\nEthiopian Airlines" (a headline
    run into the first line of the body) is two names, and the second one matters."""
    doc = ent.doc
    pieces, start = [], ent.start
    for i in range(ent.start, ent.end):
        if doc[i].is_space and "\n" in doc[i].text:
            pieces.append(Span(doc, start, i, label=ent.label_))
            start = i + 1
    pieces.append(Span(doc, start, ent.end, label=ent.label_))
    return [p for p in pieces if len(p)]


def _is_place_noun(token, place_nouns: frozenset[str]) -> bool:
    return token is not None and token.lower_ in place_nouns and token.text.islower()


def _is_edge_punct(token) -> bool:
    return token.is_punct or token.is_space or token.text in QUOTES


def _is_capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha or (token.is_upper and len(token.text) > 1)


def _is_proper(token) -> bool:
    return token.tag_ in ("NNP", "NNPS") and token.is_alpha and token.text[:1].isupper()


class _TitleCaseLines:
    """The lines of a text where Every Word Is Capitalised, so capitals say nothing about
    names there; computed once per document (a per-span scan would be quadratic)."""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.flags: list[bool] = []
        offset = 0
        for line in text.split("\n"):
            words = [w for w in line.split() if w.isalpha() and len(w) > 3]
            self.starts.append(offset)
            self.flags.append(len(words) >= 3 and all(w[0].isupper() for w in words))
            offset += len(line) + 1

    def contains(self, char: int) -> bool:
        return self.flags[bisect_right(self.starts, char) - 1]


# Short words Title Case leaves in lower case ("Preacher to Visit Dubai as Pressure Grows").
_HEADLINE_LOWER_WORDS = frozenset({"a", "an", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                                   "the", "to", "and", "but", "nor", "via", "vs", "with", "amid", "over"})


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines written as headlines: Title Case or ALL CAPS, at least
    three words, no closing full stop."""
    found = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        words = [w.strip("\"'“”‘’:,()") for w in stripped.split()]
        words = [w for w in words if w[:1].isalpha()]
        if (
            len(words) >= 3
            and not stripped.endswith((".", ",", ";"))
            and all(w[0].isupper() or w.lower() in _HEADLINE_LOWER_WORDS for w in words)
            and sum(w[0].isupper() for w in words) >= 2
        ):
            found.append((offset, offset + len(line)))
        offset += len(line) + 1
    return found


def _title_line(text: str, title: str | None) -> tuple[int, int] | None:
    """Character range of the line of `text` that repeats `title` (a Markdown "#" aside)."""
    if not title or not title.strip():
        return None
    wanted = fold(title.strip())
    offset = 0
    for line in text.split("\n"):
        if fold(line.strip().lstrip("#").strip()) == wanted:
            return offset, offset + len(line)
        offset += len(line) + 1
    return None


def _named(doc: Doc, c: _Candidate) -> NamedMention:
    return NamedMention(
        doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text), c.type, c.kind, c.canonical
    )


def _occurs_in(name: str, text: str) -> bool:
    """`name` written the same way, as whole words, somewhere in `text`."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _is_word_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(w in remaining for w in short)


def _is_quoted(doc: Doc, start: int, end: int) -> bool:
    return start > 0 and end < len(doc) and doc[start - 1].text in QUOTES and doc[end].text in QUOTES


def _bare_word_mentions(doc: Doc, word: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """One-word mentions of `word` without "the": how people come back by surname ("Bako
    joined"), where organisations come back as "the Brigade"."""
    return [
        o
        for o in candidates
        if o.end - o.start == 1
        and doc[o.start].lower_ == word
        and (o.start == 0 or doc[o.start - 1].lower_ != "the")
    ]


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first wins where candidates overlap; the result is in text order."""
    chosen: list[_Candidate] = []
    taken: set[int] = set()
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if not taken.intersection(range(c.start, c.end)):
            chosen.append(c)
            taken.update(range(c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _spacy_label(c: _Candidate) -> str:
    if c.type == PLACE and c.label in PLACE_LABELS:
        return c.label
    return SPACY_LABEL[c.type]


@Language.factory("newsgraph_entities", default_config={"entity_files": []})
def make_entity_corrector(nlp: Language, name: str, entity_files: list[str]) -> EntityCorrector:
    return EntityCorrector(get_gazetteer(tuple(entity_files)))


class MentionStage:
    """Fills `analysis.mentions` from the corrected entities of the parse."""

    name = "mentions"

    def __init__(self, corrector: EntityCorrector | None = None):
        self._corrector = corrector

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.parsed
        named = doc._.get(MENTIONS_ATTR)
        self._corrector = self._corrector or EntityCorrector(get_gazetteer())
        if named is None:  # parsed by a pipeline without newsgraph's component
            named = self._corrector(doc)._.get(MENTIONS_ATTR)
        named = self._corrector.with_title(doc, named, analysis.document.title)
        starts = [s.start for s in analysis.sentences]
        text = analysis.document.text
        analysis.mentions = [
            Mention(
                doc=analysis.document.id,
                start=m.start,
                end=m.end,
                text=text[m.start : m.end],
                type=m.type,
                kind=m.kind,
                sentence=_sentence_index(analysis, starts, m.start),
                canonical=m.canonical,
            )
            for m in named
        ]
        return analysis


def _sentence_index(analysis: Analysis, starts: list[int], offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < analysis.sentences[i].end:
        return analysis.sentences[i].index
    return None
