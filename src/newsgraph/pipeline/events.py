"""Events stage: who did what with whom, where and when, read from the dependency parse.

Triggers are the verbs and eventive nouns of the ontology (newsgraph/data/event_types.json).
For each trigger the parse gives its arguments:

- the subject (shared by coordinated verbs, resolved through "who"), the object, the
  "by"-agent of a passive, "with / alongside / along with / between" companions, an
  "as the chief guest" role, and names premodifying a noun trigger ("the SPC rally");
- the place from "in / at / to" phrases, a place object ("visited Abuja"), a place
  premodifier ("the Baga market bombing") or the place a "where" clause hangs on; a venue
  that is an organisation ("at the National Press Centre") joins as a participant;
- the time from the time expressions of the timex stage, attached through the parse to the
  nearest clause that governs the trigger (never across "before / after": a raid "a week
  before" the visit has its own time); an event without one keeps `value: null`;
- remote participation from "via video link", "joined by phone".

Support verbs carry the event their object names ("attended the rally", "was present for
the convention"); without one they join the event their clause hangs on ("..., where X took
part via video link"). A definite noun ("The meeting came to light", "during that visit")
refers back to the latest event of its kind and adds its evidence there; an event inside
another ("addressed a rally during that visit") takes its place and time when the text gives
none. The lede's event and its later telling in detail are one event (`_elaborate_lede`); a
plural undated event noun speaks of a habit and is no event. Certainty and modality come from
`newsgraph.pipeline.certainty`; a conditional event is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.model import Analysis, Entity, Event, EventTime, Participant, Timex
from newsgraph.pipeline.certainty import Stance, assess, reporting_verbs
from newsgraph.pipeline.grounding import (
    IDENTIFYING_VERBS,
    NOUN_POS,
    OBJECT_DEPS,
    EntityRef,
    EntityTokens,
    dateline_end,
    evidence_for,
    fact_data,
    is_passive,
    lemma,
    passive_agents,
    pobj_of,
    subjects_of,
)

PLACE = "place"
ACTOR_TYPES = frozenset({"person", "organization"})
# Which role a place came in by, most telling first: a place phrase, then anything else.
_PLACE_RANK = {"place": 0}
_DATED = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI)(?:-\d{2})?)?(?:T(?:[\d:]+|MO|AF|EV|NI|DT))?$")

# Where the parser hangs a name or phrase it could not place: on the verb as "dep", "npadvmod"
# or "appos" ("met X's leader, Y, alias 'Z', in Pedro Juan Caballero").
_STRANDING_DEPS = frozenset({"dep", "npadvmod", "appos"})
_STRANDED_PLACE_PREPS = frozenset({"in", "at", "near"})

# Verbs that only report, link or possess: two names around them are no event of their own.
_NOT_EVENTIVE = frozenset({"be", "have", "say", "tell", "include", "call", "name", "describe", "know",
                           "become", "remain", "see", "show", "make", "do", "get", "take", "give"})


@dataclass(frozen=True)
class EventType:
    name: str
    family: str
    roles: dict
    reporter_acts: bool = False  # a passive without agent was done by the organisation reporting it


@dataclass(frozen=True)
class _Entry:
    """A trigger lemma with what else it needs ("claim" needs the object "responsibility")."""

    type: EventType
    needs_object: str | None = None
    needs_modifier: str | None = None
    needs_particle: str | None = None
    needs_prep: str | None = None
    subject_role: str | None = None
    dated: bool = False  # a trigger only with a time expression of its own
    needs_complement: str | None = None  # "found X guilty"
    needs_subject: str | None = None  # "the court ordered X held" is a hearing


@dataclass(frozen=True)
class _Support:
    role: str
    needs_object: str | None = None
    needs_complement: str | None = None
    needs_prep: str | None = None
    needs_particle: str | None = None


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, list[_Entry]]
    nouns: dict[str, list[_Entry]]
    support: dict[str, list[_Support]]
    company: dict[str, str]
    place_preps: frozenset[str]
    target_preps: frozenset[str]
    container_preps: frozenset[str]
    sequence_preps: frozenset[str]
    presence_preps: frozenset[str]  # sequence prepositions that also say before whom: "produced before a court"
    habitual_adverbs: frozenset[str]
    role_prep: str
    remote_preps: frozenset[str]
    remote_nouns: frozenset[str]
    remote_adverbs: frozenset[str]
    definite: frozenset[str]
    accusation: dict[str, frozenset[str]]


def _entries(items: Iterable, type_: EventType, into: dict[str, list[_Entry]]) -> None:
    """Add trigger entries; the more an entry requires, the earlier it is tried ("tell
    reporters" is a press conference before "told ... on Tuesday" is a statement)."""
    for item in items:
        if isinstance(item, str):
            entry = _Entry(type_)
        else:
            entry = _Entry(type_, item.get("object"), item.get("modifier"), item.get("particle"),
                           item.get("prep"), item.get("subject"), item.get("dated", False),
                           item.get("complement"), item.get("subject_lemma"))
        entries = into.setdefault(_entrylemma(item), [])
        entries.append(entry)
        entries.sort(key=_specificity)


def _entrylemma(item: str | dict) -> str:
    return item if isinstance(item, str) else item["lemma"]


def _specificity(entry: _Entry) -> int:
    """Lower for entries that require more of the trigger's context."""
    needs = (entry.needs_object, entry.needs_modifier, entry.needs_particle, entry.needs_prep,
             entry.needs_complement, entry.needs_subject)
    return -2 * sum(bool(n) for n in needs) - int(entry.dated)


@cache
def lexicon() -> _Lexicon:
    """The trigger lexicon and argument cues of newsgraph/data/event_types.json."""
    data = fact_data("event_types")
    verbs: dict[str, list[_Entry]] = {}
    nouns: dict[str, list[_Entry]] = {}
    for name, spec in data["types"].items():
        type_ = EventType(name, spec["family"], spec["roles"], spec.get("reporter_acts", False))
        for part in [spec, *spec.get("subtypes", {}).values()]:
            _entries(part.get("verbs", ()), type_, verbs)
            _entries(part.get("nouns", ()), type_, nouns)
    support: dict[str, list[_Support]] = {}
    for item in data["support_verbs"]["verbs"]:
        entry = _Support(item["role"], item.get("object"), item.get("complement"), item.get("prep"),
                         item.get("particle"))
        support.setdefault(item["lemma"], []).append(entry)
    args = data["arguments"]
    return _Lexicon(
        verbs=verbs,
        nouns=nouns,
        support=support,
        company=args["company_preps"],
        place_preps=frozenset(args["place_preps"]),
        target_preps=frozenset(args["target_preps"]),
        container_preps=frozenset(args["container_preps"]),
        sequence_preps=frozenset(args["sequence_preps"]),
        presence_preps=frozenset(args["presence_preps"]),
        habitual_adverbs=frozenset(args["habitual"]["adverbs"]),
        role_prep=args["role_prep"],
        remote_preps=frozenset(args["remote"]["preps"]),
        remote_nouns=frozenset(args["remote"]["nouns"]),
        remote_adverbs=frozenset(args["remote"]["adverbs"]),
        definite=frozenset(args["definite_determiners"]),
        accusation={k: frozenset(v) for k, v in args["accusation"].items() if k != "about"},
    )


@cache
def relation_verbs() -> frozenset[str]:
    """Verbs that state a standing relation ("X leads Y"): the relations stage reads them."""
    return frozenset(fact_data("relation_types")["verbs"])


@cache
def _named_place_nouns() -> frozenset[str]:
    """Place nouns that "of" names ("the town of X"), from relation_types.json: its place
    nouns without those that name a part ("the X area of Y")."""
    data = fact_data("relation_types")
    return frozenset(data["place_nouns"]["located_in"]) - frozenset(data["subarea_nouns"])


# What an entry may require of the trigger's children: dependency labels and the lemma.
_NEEDS = {
    "needs_object": OBJECT_DEPS | {"nsubjpass"},  # a passive's subject is its object: "X was seized"
    "needs_modifier": frozenset({"compound", "amod", "nmod"}),
    "needs_complement": frozenset({"acomp", "attr", "oprd", "ccomp"}),  # "found X guilty"
    "needs_particle": frozenset({"prt"}),
    "needs_prep": frozenset({"prep"}),
    "needs_subject": frozenset({"nsubj"}),
}


# Objects an entry may require that are no lemma: any sum of money ("sent $200,000"), any
# person or organisation named ("hosted Hafiz Anwar-ul-Haq", "pay the ELN").
MONEY = "MONEY"
NAMED = "NAMED"

Named = Callable[[Token], bool]


def _matches(token: Token, entry: _Entry | _Support, named: Named) -> bool:
    for need, deps in _NEEDS.items():
        wanted = getattr(entry, need, None)
        if wanted and not any(c.dep_ in deps and (lemma(c) == wanted or wanted == MONEY and _is_money(c)
                                                  or wanted == NAMED and named(c))
                              for c in token.children):
            return False
    return True


def _is_money(head: Token) -> bool:
    """Whether a phrase names a sum of money: tagged MONEY, with a currency sign, or headed
    by a money noun or currency ("cash", "3 million roubles")."""
    money = fact_data("event_types")["arguments"]["money"]
    return lemma(head) in money["nouns"] or any(
        t.ent_type_ == MONEY or t.text in money["signs"] for t in head.subtree if t.i <= head.i)


def _first_match(token: Token, table: dict, named: Named) -> object | None:
    for key in dict.fromkeys((lemma(token), token.lower_)):
        for entry in table.get(key, ()):
            if _matches(token, entry, named):
                return entry
    return None


@dataclass
class _Draft:
    """An event while its mentions are being gathered."""

    trigger: Token
    type: EventType
    stance: Stance
    participants: dict[str, Participant] = field(default_factory=dict)
    place: str | None = None
    time: EventTime | None = None
    tokens: list[Token] = field(default_factory=list)
    container: Token | None = None  # the event noun of "during <event>"
    carrier: Token | None = None  # the support verb of an event noun ("attended the rally")
    # What a noun mention says of its own (names premodifying it, its place and time), which
    # must agree with an earlier event for the two to be one.
    own_names: set[str] = field(default_factory=set)
    own_place: str | None = None
    place_rank: int = 9
    corefs: list[_Draft] = field(default_factory=list)  # later mentions merged into this one

    def add(self, ref: EntityRef, role: str, token: Token, remote: bool = False, actor: bool = False) -> None:
        """Add a participant, or the place when `ref` is one and not an `actor` (a country
        that designates or attacks): a place the text gives with "in / at / to" outranks one
        from a host ("talks hosted by Algeria in Algiers" are in Algiers)."""
        if ref.type == PLACE and not actor:
            rank = _PLACE_RANK.get(role, 1)
            if self.place is None or rank < self.place_rank:
                self.place, self.place_rank = ref.id, rank
        elif ref.type not in ACTOR_TYPES and not actor:
            return
        elif ref.id in self.participants:
            self.participants[ref.id].remote |= remote
        else:
            self.participants[ref.id] = Participant(ref.id, role, remote)
        self.tokens.append(token)

    @property
    def has_arguments(self) -> bool:
        return bool(self.participants or self.place or (self.time and self.time.value))


class _TimeIndex:
    """The time expressions of a document by the clause (or event noun) they attach to."""

    def __init__(self, analysis: Analysis, triggers: set[int], sequence_preps: frozenset[str],
                 reporting: frozenset[str]):
        self.sequence_preps = sequence_preps
        self.reporting = reporting
        self.by_head: dict[int, list[Timex]] = {}
        self.tokens: set[int] = set()
        parsed: Doc = analysis.parsed
        dateline = dateline_end(analysis.document.text)
        # The date of the dateline ("SARAJEVO, June 18 – "): what is said without a date of its own.
        self.dateline = next((t for t in analysis.timexes if t.end <= dateline), None)
        for timex in analysis.timexes:
            if timex.type not in ("DATE", "TIME") and not _pins_a_day(timex) or timex.end <= dateline:
                continue
            span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            self.tokens.update(t.i for t in span)
            node = span.root
            while node.head != node and (node.i in self.tokens or not (
                    node.pos_ in ("VERB", "AUX") or node.i in triggers)):
                node = node.head
            self.by_head.setdefault(node.i, []).append(timex)

    def for_trigger(self, token: Token, own: Iterable[Token] = ()) -> Timex | None:
        """The time of the event at `token`: its own or that of the event nouns it took in
        (`own`: "killed him in an air strike last weekend"), else that of the nearest governing
        clause; never past "before / after" (the event is at another time) nor between a verb
        that reports and what it reports (the time of saying is not the time of the deed)."""
        for node in [token, *own]:
            timexes = self.by_head.get(node.i)
            if timexes:
                return next((t for t in timexes if t.value and _DATED.match(t.value)), timexes[0])
        node = token
        while node.head != node and lemma(node) not in self.reporting:  # saying has its own time
            if node.dep_ == "pobj" and lemma(node.head) in self.sequence_preps:
                return None
            if node.dep_ in ("ccomp", "parataxis") and lemma(node.head) in self.reporting:
                return None
            if node.dep_ == "parataxis":  # "..., the spokesman said": a clause of its own
                return None
            if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return None  # "X visited A on May 28, and Y held talks": another subject, another time
            node = node.head
            timexes = self.by_head.get(node.i)
            if timexes:
                return next((t for t in timexes if t.value and _DATED.match(t.value)), timexes[0])
        return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _hedge_frame(verb: Token) -> bool:
    """Whether a verb only hedges the clause it governs: "X is said to have attended",
    "is reported to have met", "is believed to be" state no saying or believing of their own
    (certainty marks the attended meeting hedged)."""
    return verb.pos_ == "VERB" and lemma(verb) in reporting_verbs() and is_passive(verb) \
        and any(c.dep_ == "xcomp" for c in verb.children)


def _pins_a_day(timex: Timex) -> bool:
    """A length counted from a dated event to one day: "two weeks after the attack"."""
    return timex.type == "DURATION" and timex.earliest is not None and timex.earliest == timex.latest


def event_time(timex: Timex | None) -> EventTime | None:
    """An event's time from its time expression: a date value only when the text gives one
    ("recently" keeps `value: null` and its bounds)."""
    if timex is None:
        return None
    value = timex.value if timex.value and _DATED.match(timex.value) else None
    if value is None and _pins_a_day(timex):  # "two weeks after the attack" of January 9: the day it reaches
        return EventTime(timex.earliest, timex.earliest, timex.latest, "day", timex.text)
    if value is not None and "T" in value:  # "Tuesday evening", "15:00 GMT Saturday": the day
        value = value.split("T")[0]
    return EventTime(value, timex.earliest, timex.latest, timex.granularity if value else None, timex.text)


# How far apart, in days, a lede event and its telling in detail may be dated.
_ELABORATION_DAYS = 14


def _happened(draft: _Draft) -> bool:
    return draft.stance.modality == "actual" and draft.stance.certainty != "denied"


def _compatible(lede: _Draft, detail: _Draft, entities: dict[str, Entity]) -> bool:
    """Whether `detail` can tell the lede event: no two different persons, nor two different
    organisations, in one role (the NISS's statement is not Hagere Express's), places in one
    country (as far as the gazetteer knows), and dates, where both have one, close enough."""
    kind = {i: e.type for i, e in entities.items() if e.type in ACTOR_TYPES}
    for entity, participant in detail.participants.items():
        if entity in kind and entity not in lede.participants and any(
                kind.get(other) == kind[entity] and p.role == participant.role
                for other, p in lede.participants.items()):
            return False
    if lede.place and detail.place and lede.place != detail.place:
        countries = [(g.country if (g := getattr(entities.get(p), "geo", None)) else None)
                     for p in (lede.place, detail.place)]
        if countries[0] is None or countries[0] != countries[1]:
            return False
    days = [_day(d.time) for d in (lede, detail)]
    if all(days):
        return abs((days[0] - days[1]).days) <= _ELABORATION_DAYS
    return True


def _day(time: EventTime | None) -> date | None:
    if time is None or not time.value or not re.match(r"^\d{4}-\d{2}-\d{2}$", time.value):
        return None
    return date.fromisoformat(time.value)


class EventStage:
    """Fills `analysis.events` from the parse, the entities and the time expressions.

    With `generic`, a verb outside the ontology whose subject and object both name persons
    or organisations is kept as an event typed by its lemma ("X accused Y").
    """

    name = "events"
    requires = ("parsed", "sentences", "mentions", "entities", "timexes")
    assigns = ("events",)

    def __init__(self, generic: bool = True):
        self.generic = generic

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.parsed is None:
            return analysis
        analysis.events = _DocumentEvents(analysis, self.generic).events()
        return analysis


class _DocumentEvents:
    def __init__(self, analysis: Analysis, generic: bool):
        self.analysis = analysis
        self.generic = generic
        self.lex = lexicon()
        self.refs = EntityTokens(analysis)
        self.doc: Doc = analysis.parsed
        self.time_tokens = {t.i for x in analysis.timexes
                            for t in self.doc.char_span(x.start, x.end, alignment_mode="expand") or ()}
        self.types: dict[int, EventType] = {}
        self.subject_roles: dict[int, str] = {}
        self.dated_only: set[int] = set()
        self.support: dict[int, _Support] = {}
        for token in self.doc:
            if _hedge_frame(token):
                continue
            entry = self._trigger(token)
            if entry is not None:
                self.types[token.i] = entry.type
                if entry.subject_role:
                    self.subject_roles[token.i] = entry.subject_role
                if entry.dated:
                    self.dated_only.add(token.i)
            elif token.pos_ in ("VERB", "AUX"):
                entry = _first_match(token, self.lex.support, self._names_actor)
                if entry is not None:
                    self.support[token.i] = entry
        for i in list(self.types):  # "presented the results at a news conference"
            noun = self.doc[i]
            verb = noun.head.head
            if noun.pos_ in NOUN_POS and noun.dep_ == "pobj" and noun.head.lower_ == "at" \
                    and verb.pos_ == "VERB" and verb.i not in self.types and verb.i not in self.support:
                self.support[verb.i] = _Support("participant")
        self.times = _TimeIndex(analysis, set(self.types) | set(self.support), self.lex.sequence_preps,
                                reporting_verbs())
        # "said in a statement" (no time of its own) and "told a news conference on Tuesday" (an
        # event noun to carry) are support verbs, not statements of their own.
        for i in {i for i in self.dated_only if not self._dated(self.doc[i]) or self._event_noun(self.doc[i])}:
            type_ = self.types.pop(i)
            support = _first_match(self.doc[i], self.lex.support, self._names_actor)
            if support is None and getattr(self._event_noun(self.doc[i]), "dep_", None) == "pobj":
                # "X announced the charges at a news conference": X speaks at the occasion it names
                support = _Support(self.subject_roles.get(i) or type_.roles.get("subject", "participant"))
            if support is not None:
                self.support[i] = support

    def _dated(self, verb: Token) -> bool:
        """Whether a verb has a time expression of its own, or shares that of the verb it is
        conjoined to with no subject of its own ("thanked the authorities on Wednesday and said")."""
        if verb.i in self.times.by_head:
            return True
        return verb.dep_ == "conj" and verb.head.i in self.times.by_head and not _own_subject(verb)

    def _names_actor(self, token: Token) -> bool:
        """Whether a phrase names a person or an organisation by its own name (not through a
        modifier: "the family of X" is no name)."""
        return any(r.type in ACTOR_TYPES for r in self.refs.named_by(token, depth=0))

    def _trigger(self, token: Token) -> _Entry | None:
        if token.pos_ == "VERB":
            entry = _first_match(token, self.lex.verbs, self._names_actor)
        elif token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.i not in self.time_tokens:
            if self.refs.in_mention(token):
                return None
            entry = _first_match(token, self.lex.nouns, self._names_actor)
        else:
            return None
        return entry

    # -- building drafts ---------------------------------------------------------------

    def events(self) -> list[Event]:
        drafts: dict[int, _Draft] = {}  # by the index of the token that names the event
        carried: dict[int, Token] = {}  # event noun -> support verb carrying it
        absorbed: set[int] = set()
        for i in self.support:
            noun = self._event_noun(self.doc[i])
            if noun is not None:
                carried[noun.i] = self.doc[i]
        for token in self.doc:
            if token.i in self.types and token.pos_ == "VERB":
                draft = self._verb_event(token, self.types[token.i], absorbed)
            elif self.generic and token.pos_ == "VERB" and token.i not in self.support:
                draft = self._generic_event(token)
            else:
                continue
            if draft is not None:
                drafts[token.i] = draft
        for i, type_ in self.types.items():
            token = self.doc[i]
            if token.pos_ == "VERB" or i in absorbed:
                continue
            draft = self._noun_event(token, type_, carried.get(i))
            if draft is not None:
                drafts[i] = draft
        self._merge_describing_clauses(drafts)
        resolved = self._corefer(drafts, carried)
        for i in self.support:
            if self.doc[i] not in carried.values():
                self._join_governing(self.doc[i], resolved)
        self._join_among_those(resolved)
        self._share_conjoined_setting(resolved)
        self._elaborate_lede(resolved)
        return self._finish(resolved)

    def _merge_describing_clauses(self, drafts: dict[int, _Draft]) -> None:
        """A clause that tells more of an event is that event: "the attack on a police post
        that killed 11 recruits on January 9", "stormed a police post on April 22, killing
        three officers". A relative clause inside the event noun's phrase or a participle
        clause of the event verb whose verb triggers an event of the same family adds its
        participants, place and time to the event and is no event of its own."""
        for i in sorted(drafts):
            draft = drafts.get(i)
            if draft is None:
                continue
            for clause in self._describing_clauses(draft.trigger):
                other = drafts.get(clause.i)
                if other is not None and other is not draft and other.type.family == draft.type.family:
                    self._merge(draft, other)
                    del drafts[clause.i]

    @staticmethod
    def _describing_clauses(trigger: Token) -> list[Token]:
        if trigger.pos_ == "VERB":
            return [c for c in trigger.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
        phrase = [trigger, *(obj for prep in trigger.children if prep.dep_ == "prep"
                             for obj in prep.children if obj.dep_ == "pobj")]
        return [c for noun in phrase for c in noun.children if c.dep_ == "relcl" and any(
            s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children)]

    @staticmethod
    def _share_conjoined_setting(resolved: dict[int, _Draft]) -> None:
        """Two events told by conjoined verbs of one subject happen on one occasion: the second
        takes the place and time of the first when it gives none ("paid a visit to Addis Ababa
        on May 28 and held talks with X" are talks in Addis Ababa on May 28). A conjunct with a
        subject of its own is another deed ("X was killed on Saturday, Y said")."""
        drafts = {id(d): d for d in resolved.values()}.values()
        by_verb = {(d.carrier or d.trigger).i: d for d in drafts}
        for draft in drafts:
            verb = draft.carrier or draft.trigger
            first = by_verb.get(verb.head.i) if verb.dep_ == "conj" else None
            if first is None or first is draft or draft.stance.modality != first.stance.modality \
                    or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            draft.place = draft.place or first.place
            if (draft.time is None or draft.time.value is None) and first.time is not None and first.time.value:
                draft.time = first.time

    def _elaborate_lede(self, resolved: dict[int, _Draft]) -> None:
        """Wire copy states its main event in the lede with participants it does not name yet
        ("police said they had arrested a businessman in Ibadan", where only the place is
        named) and names them further down ("X was
        picked up at his home in Bodija on Saturday"). The first later event of a lede event's
        type that happened, is not denied, names no other person in the same role and lies
        within `_ELABORATION_DAYS` of it is that event told in detail: the two become one, and
        the detail's place and time, being the more precise, win."""
        lede = self._lede_sentence()
        if lede is None:
            return
        entities = {e.id: e for e in self.analysis.entities}
        drafts = sorted({id(d): d for d in resolved.values()}.values(), key=lambda d: d.trigger.i)
        merged: set[int] = set()
        for first in drafts:
            if first.trigger.sent != lede or not (first.participants or first.place) or not _happened(first):
                continue
            detail = next((d for d in drafts if d.trigger.sent.start > lede.start and id(d) not in merged
                           and (d.participants or d.place)  # "its jailed founder" tells no arrest in detail
                           and d.type.name == first.type.name and _happened(d)
                           and _compatible(first, d, entities)), None)
            if detail is None:
                continue
            merged.add(id(detail))
            place, time = detail.place or first.place, detail.time if detail.time and detail.time.value else first.time
            self._merge(first, detail)
            first.place, first.time = place, time
            for i, draft in resolved.items():
                if draft is detail:
                    resolved[i] = first

    def _lede_sentence(self):
        """The first sentence after the dateline."""
        start = dateline_end(self.analysis.document.text)
        return next((t.sent for t in self.doc if t.idx >= start and not t.is_space), None)

    def _stance(self, anchor: Token) -> Stance:
        return assess(anchor, lambda t: (ref.id if (ref := self.refs.at(t)) is not None else None))

    def _verb_event(self, verb: Token, type_: EventType, absorbed: set[int]) -> _Draft | None:
        stance = self._stance(verb)
        if stance.conditional:
            return None
        draft = _Draft(verb, type_, stance, tokens=[verb])
        subject_role = self.subject_roles.get(verb.i) or type_.roles.get("subject", "participant")
        self._clause_arguments(draft, verb, subject_role, absorbed)
        if draft.place is None:
            self._stranded_place(draft, verb)
        if draft.place is None and verb.dep_ == "conj" and not _own_subject(verb) and verb.head.i not in self.types:
            for prep in verb.head.children:  # "In Mogadishu, X thanked ... and said": one setting
                if prep.dep_ == "prep" and prep.lower_ in self.lex.place_preps:
                    self._prep_argument(draft, prep, [], absorbed, None)
        self._add_accused(draft)
        if type_.reporter_acts and draft.participants and is_passive(verb) and not passive_agents(verb):
            self._reporter_as_agent(draft, subject_role)
        draft.time = event_time(self.times.for_trigger(verb, draft.tokens))
        return draft

    def _accused_of(self, deed: Token) -> list[EntityRef]:
        """Who a clause accuses of the event at `deed`: the accused of "X is wanted over an
        attack", "accused X of recruiting", "arrested X for the bombing"."""
        prep = deed.head
        accusation = self.lex.accusation
        if deed.dep_ not in ("pobj", "pcomp") or prep.lower_ not in accusation["preps"] \
                or lemma(prep.head) not in accusation["verbs"]:
            return []
        verb = prep.head
        accused = [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
        return [r for a in accused for r in self.refs.named_by(a) if r.type in ACTOR_TYPES]

    def _add_accused(self, draft: _Draft) -> None:
        accused = self._accused_of(draft.trigger)
        for ref in accused:
            draft.add(ref, draft.type.roles.get("subject", "participant"), draft.trigger)
        if accused and draft.stance.certainty == "asserted":
            draft.stance = replace(draft.stance, certainty="reported")

    def _reporter_as_agent(self, draft: _Draft, role: str) -> None:
        """"X was detained on Sunday, the National Police said": the organisation that reports
        an arrest of someone named, without saying by whom, made it."""
        source = draft.stance.source
        entity = next((e for e in self.analysis.entities if e.id == source), None)
        if entity is not None and entity.type == "person":  # "..., DSS spokesman X said"
            source = self._speakers_organisation(source, draft.trigger.sent)
        elif entity is None or entity.type != "organization":
            source = None
        if source is not None and source not in draft.participants:
            draft.participants[source] = Participant(source, role)

    def _speakers_organisation(self, person: str, sentence) -> str | None:
        """The organisation a speaker is introduced as speaking for in the sentence: the name
        among the title words before theirs ("DSS spokesman Abiodun Olatunji")."""
        for token in sentence:
            ref = self.refs.at(token)
            if ref is None or ref.id != person:
                continue
            words = [c for c in token.children if c.dep_ in ("compound", "nmod")]
            while words:
                word = words.pop()
                found = self.refs.at(word)
                if found is not None and found.id != person and found.type == "organization":
                    return found.id
                words.extend(c for c in word.children if c.dep_ in ("compound", "nmod"))
        return None

    def _generic_event(self, verb: Token) -> _Draft | None:
        word = lemma(verb)
        if word in _NOT_EVENTIVE | IDENTIFYING_VERBS or word in relation_verbs() or not word.isalpha():
            return None
        if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return None  # the simple present tells a state or a habit ("X, which guards Y"), not an occurrence
        actors = [r for s in subjects_of(verb) for r in self.refs.named_by(s) if r.type != PLACE]
        objects = [r for c in verb.children if c.dep_ in OBJECT_DEPS
                   for r in self.refs.named_by(c, depth=0) if r.type != PLACE]
        if not actors or not objects:
            return None
        roles = {"subject": "agent", "object": "patient"}
        return self._verb_event(verb, EventType(word, word, roles), set())

    def _noun_event(self, noun: Token, type_: EventType, carrier: Token | None) -> _Draft | None:
        stance = self._stance(noun)
        if stance.conditional:
            return None
        draft = _Draft(noun, type_, stance, tokens=[noun], carrier=carrier)
        self._noun_arguments(draft, noun)
        self._add_accused(draft)
        predicates = self._predicates_of_subject(noun)
        for verb in predicates:  # "the trial is expected to open in Rostov in April"
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in self.lex.place_preps:
                    self._prep_argument(draft, child, [], set(), None)
        draft.own_place = draft.place
        clause = carrier
        medium = self._medium_clause(noun) if carrier is None else None
        if medium is not None:  # "the ministry rejected the report in a statement": its statement
            clause = medium
            draft.stance = self._stance(medium)  # the rejecting is done, not denied
            for subject in subjects_of(medium):
                for ref in self.refs.named_by(subject):
                    draft.add(ref, type_.roles.get("subject", "participant"), subject)
        if carrier is not None:
            role = self.support[carrier.i].role
            self._clause_arguments(draft, carrier, role, set(), skip=noun)
        draft.time = event_time(self.times.for_trigger(noun, predicates))
        if draft.time is None and clause is not None:
            draft.time = event_time(self.times.for_trigger(clause))
        return draft

    def _medium_clause(self, noun: Token) -> Token | None:
        """The verb whose act a statement noun after "in" is the medium of ("rejected the
        description in a statement"): the statement's speaker is that verb's subject."""
        if self.types[noun.i].family != "statement" or noun.dep_ != "pobj" or noun.head.lower_ != "in":
            return None
        verb = noun.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        return verb if verb.pos_ in ("VERB", "AUX") and verb.i not in self.types else None

    def _predicates_of_subject(self, noun: Token) -> list[Token]:
        """The verbs an event noun is the subject of, which say where and when it is ("The
        rally was held in Kano", "the trial is expected to open in Rostov in April")."""
        head = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in ("VERB", "AUX") or head.i in self.types:
            return []
        return [head, *(c for c in head.children if c.dep_ == "xcomp" and c.i not in self.types)]

    def _event_noun(self, verb: Token) -> Token | None:
        """The event noun a support verb carries: its object, or the object of an "at / for /
        in / to" phrase of it or of its complement ("was present ... for the convention")."""
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS and child.i in self.types and child.pos_ in NOUN_POS:
                return child
        for head in [verb, *(c for c in verb.children if c.dep_ == "acomp")]:
            for child in head.children:
                if child.dep_ == "prep" and (child.lower_ not in self.lex.sequence_preps  # not "after a meeting"
                                             or child.lower_ in self.lex.presence_preps):
                    obj = pobj_of(child)
                    if obj is not None and obj.i in self.types and obj.pos_ in NOUN_POS:
                        return obj
        return None

    def _clause_arguments(self, draft: _Draft, verb: Token, subject_role: str, absorbed: set[int],
                          skip: Token | None = None) -> None:
        roles = draft.type.roles
        passive = is_passive(verb)
        subjects = subjects_of(verb)
        acting = verb.i not in self.support  # "the US designated ..."; "Kano hosted" is a place
        subject_refs: list[tuple[EntityRef, Token]] = []
        for subject in subjects:
            if self._same_event_noun(subject, draft):  # "A court in Dire Dawa sentenced ..."
                absorbed.add(subject.i)
                self._noun_arguments(draft, subject)
                continue
            # Only the verb's own passive subject is its object ("he was honoured"); a subject
            # shared with a governing verb ("is scheduled to meet") is the subject.
            own_passive = subject.dep_ == "nsubjpass" and subject.head == verb
            role = roles.get("object", "participant") if own_passive else subject_role
            for ref in self.refs.named_by(subject) or self._speaker_of(subject):
                draft.add(ref, role, subject, self._remote_clause(subject), actor=acting)
                subject_refs.append((ref, subject))
        agents = list(passive_agents(verb)) if passive else []
        for agent in agents:
            for ref in self.refs.named_by(agent):
                draft.add(ref, subject_role, agent, actor=acting)
        own_subjects = [s for s in subjects if not (s.dep_ == "nsubjpass" and s.head == verb)]
        self._actor_places(draft, own_subjects + agents)
        for child in verb.children:
            dep = child.dep_
            if child == skip:
                continue
            if dep in OBJECT_DEPS or dep == "conj" and child.pos_ == "PROPN" and any(
                    c.dep_ in OBJECT_DEPS for c in verb.children):  # "arrested A, 61, ..., and B": B hung on the verb
                if child.i in self.types and child.pos_ in NOUN_POS:
                    absorbed.add(child.i)
                    self._noun_arguments(draft, child)
                    continue
                for ref in self._named_with_apposition(child):
                    draft.add(ref, roles.get("object", "participant"), child, self._remote_clause(child))
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in roles.get("preps", {})):
                    self._prep_argument(draft, prep, subject_refs, absorbed, skip)  # "3 million roubles for X"
                self._phrase_places(draft, child)
                absorbed.update(t.i for t in self._phrase_nouns(child))
            elif dep == "prep" and not (passive and child.lower_ == "by"):
                self._prep_argument(draft, child, subject_refs, absorbed, skip)
            elif dep == "acomp":
                for grandchild in child.children:
                    if grandchild.dep_ == "prep":
                        self._prep_argument(draft, grandchild, subject_refs, absorbed, skip)
            elif dep == "advmod" and child.lower_ == "where" and verb.dep_ == "relcl":
                place = self._place_of(verb.head) or self._last_place_before(child)
                if place is not None:
                    draft.add(place, "place", verb.head)
            elif dep == "advmod" and child.lower_ in self.lex.remote_adverbs or \
                    dep == "advcl" and self._says_remote(child):  # "..., following it via video link"
                self._mark_remote(draft, subject_refs)

    def _stranded_place(self, draft: _Draft, verb: Token) -> None:
        """The place of a clause that the parser hung inside what describes its object: "met
        the PCC's leader, Wellington Barbosa, alias 'Gordão', in Pedro Juan Caballero", "met
        his handler, identified only as "Sergei", in Vienna". The "in / at / near" phrases
        under a name or a participle hanging on the verb, or under the object's apposition,
        are read, never past a clause with a subject or an event of its own."""
        describing = [c for c in verb.children if c.dep_ in _STRANDING_DEPS or self._is_bare_participle(c)]
        describing += [a for c in verb.children if c.dep_ in OBJECT_DEPS for a in c.children if a.dep_ == "appos"]
        for head in describing:
            for prep in self._unclaimed_preps(head):
                obj = pobj_of(prep)
                place = self._place_of(obj) if obj is not None else None
                if place is not None:
                    draft.add(place, "place", obj)
                    return

    def _is_bare_participle(self, token: Token) -> bool:
        return token.dep_ in ("advcl", "acl") and token.tag_ in ("VBN", "VBG") and token.i not in self.types \
            and token.i not in self.support and not _own_subject(token)

    def _unclaimed_preps(self, head: Token) -> Iterable[Token]:
        """The place prepositions under `head`, in text order, not inside another clause or event."""
        for child in sorted(head.children, key=lambda t: t.i):
            if child.i in self.types or _own_subject(child):
                continue
            if child.dep_ == "prep" and child.lower_ in _STRANDED_PLACE_PREPS:
                yield child
            yield from self._unclaimed_preps(child)

    def _named_with_apposition(self, head: Token) -> list[EntityRef]:
        """What a phrase names, with the name the parser cut off from it: in "talks with
        Ethiopia's army chief, General X." the name after the comma is often hung on the verb
        (npadvmod) rather than on "chief" as its apposition."""
        found = self.refs.named_by(head)
        after = head.right_edge.i + 1
        if after + 1 >= len(self.doc) or self.doc[after].text != "," or head.pos_ not in NOUN_POS \
                or any(r.type == "person" for r in found):
            return found
        name = self.doc[after + 1]
        while name.head != name and name.head.left_edge == self.doc[after + 1]:
            name = name.head
        ref = self.refs.at(name)
        if name.dep_ in ("npadvmod", "appos", "dep") and head not in name.subtree and ref is not None \
                and ref.type == "person" and name.i + 1 < len(self.doc) and self.doc[name.i + 1].is_punct:
            found = [*found, ref]
        return found

    def _actor_places(self, draft: _Draft, actors: list[Token]) -> None:
        """Where the actors are said to be is where they act, unless the clause says otherwise:
        "arrested by police in Jigjiga", "leaders in Jigjiga plan to hold a rally"."""
        for head in actors:
            for child in head.children:
                obj = pobj_of(child) if child.dep_ == "prep" and child.lower_ in ("in", "at") else None
                place = self._place_of(obj) if obj is not None else None
                if place is not None:
                    draft.add(place, "actor place", obj)

    def _same_event_noun(self, token: Token, draft: _Draft) -> bool:
        """Whether a verb's argument is a noun naming the verb's own event: "the court" that
        sentences is the trial, its place the trial's place."""
        type_ = self.types.get(token.i)
        return token.pos_ in NOUN_POS and type_ is not None and type_.family == draft.type.family

    def _speaker_of(self, pronoun: Token) -> list[EntityRef]:
        """The speaker a pronoun subject of reported speech stands for when coreference left it
        open: "the police said they had arrested X" (the reporter speaks of itself)."""
        clause = pronoun.head
        if pronoun.pos_ != "PRON" or clause.dep_ != "ccomp" or lemma(clause.head) not in self.times.reporting:
            return []
        return [r for s in subjects_of(clause.head) for r in self.refs.named_by(s) if r.type in ACTOR_TYPES]

    def _prep_argument(self, draft: _Draft, prep: Token, subject_refs: list[tuple[EntityRef, Token]],
                       absorbed: set[int], skip: Token | None) -> None:
        word = prep.lower_
        obj = pobj_of(prep)
        if obj is None or obj == skip:
            return
        lex = self.lex
        if word in lex.sequence_preps:
            # "before the raid" is another time; "before a judge in Villavicencio" a place;
            # "appeared before a court in Hamburg" the court of the hearing itself.
            if obj.i in self.types and obj.pos_ in NOUN_POS and self.types[obj.i] == draft.type:
                absorbed.add(obj.i)
                self._noun_arguments(draft, obj)
            elif obj.i not in self.types and obj.i not in self.time_tokens:
                for ref in self.refs.named_by(obj, depth=0):
                    draft.add(ref, "counterpart", obj)
                self._phrase_places(draft, obj)
            return
        if obj.i in self.types and obj.pos_ in NOUN_POS:  # "at the rally", "in a statement"
            if self._accused_of(obj) and self.types[obj.i].family != draft.type.family:
                return  # "arrested for the bombing": the bombing is another event, its suspect named there
            if word in lex.container_preps:
                draft.container = obj
            else:
                absorbed.add(obj.i)
                self._noun_arguments(draft, obj)
                if word == "at" and self.types[obj.i].family == draft.type.family:
                    draft.type = self.types[obj.i]  # "spoke at a news conference": the occasion names it
            return
        if word in lex.remote_preps and lemma(obj) in lex.remote_nouns | {
                lemma(c) for c in obj.children if c.dep_ == "compound"}:
            self._mark_remote(draft, subject_refs)
            return
        if word == lex.role_prep:
            if any(c.dep_ in OBJECT_DEPS for c in prep.head.children):
                return  # "banned X as a terrorist organisation" says what X is, not the subject
            role = "_".join(lemma(t) for t in obj.subtree if t.dep_ in ("amod", "compound") or t == obj)
            for ref, _ in subject_refs:
                if ref.id in draft.participants:
                    draft.participants[ref.id].role = role
            return
        if word in draft.type.roles.get("preps", {}):  # "sent $200,000 to al-Shabaab": the recipient
            for ref in self.refs.named_by(obj):
                if ref.type != PLACE:
                    draft.add(ref, draft.type.roles["preps"][word], obj)
            for child in obj.children:  # "a meeting of Puntland's security council in Garowe"
                if child.dep_ == "prep" and child.lower_ in lex.place_preps:
                    self._prep_argument(draft, child, subject_refs, absorbed, skip)
            return
        if word in lex.company or (word == "together" and obj is not None):
            role = lex.company.get(word, "co-participant")
            for ref in self._named_with_apposition(obj):
                if ref.type != PLACE:  # "talks with Ethiopia's army chief" are not in Ethiopia
                    draft.add(ref, role, obj, remote=self._remote_clause(obj))
            return
        if word in lex.place_preps:
            role = draft.type.roles.get("target", "venue") if word in lex.target_preps else "venue"
            self._phrase_places(draft, obj, role)

    def _phrase_places(self, draft: _Draft, head: Token, role: str = "venue") -> None:
        """Places (and organisation venues) a phrase names, its own "in X" phrases included:
        "the Unity Forum in Zinder", "Kano's Sabon Gari district"."""
        place = self._place_of(head)
        if place is not None:
            draft.add(place, "place", head)
        elif head.i not in self.types:
            wanted = {"organization"} if role == "venue" else ACTOR_TYPES  # a venue is no person
            for ref in self.refs.named_by(head, depth=0):
                if ref.type in wanted:
                    draft.add(ref, role, head)
        for child in head.children:
            if child.dep_ == "prep" and (child.lower_ in self.lex.place_preps or child.lower_ == "of"):
                obj = pobj_of(child)
                if obj is not None:
                    self._phrase_places(draft, obj, role)

    def _phrase_nouns(self, head: Token) -> list[Token]:
        """Event nouns inside an object phrase through "of" ("addressed the Unity of the
        Ummah Forum"): they name the object, not events of their own."""
        found = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = pobj_of(child)
                if obj is not None:
                    found.extend([obj] if obj.i in self.types else self._phrase_nouns(obj))
        return found

    def _place_of(self, head: Token) -> EntityRef | None:
        """The most specific place a noun phrase names: the head itself, then its name
        modifiers, then its possessor ("Kano's Sabon Gari district" → Sabon Gari). A place noun
        names its "of" object before its modifiers ("the Bekaa Valley town of Chtaura" →
        Chtaura), unless it is a part of that object ("the Bodija area of Ibadan" → Bodija)."""
        if lemma(head) in _named_place_nouns():
            for child in head.children:
                obj = pobj_of(child) if child.dep_ == "prep" and child.lower_ == "of" else None
                ref = self.refs.at(obj) if obj is not None else None
                if ref is not None and ref.type == PLACE:
                    return ref
        for dep_group in ((None,), ("compound", "nmod", "amod"), ("poss",), ("appos",)):
            for token in ([head] if dep_group == (None,) else [c for c in head.children if c.dep_ in dep_group]):
                ref = self.refs.at(token)
                if ref is not None and ref.type == PLACE:
                    return ref
        return None

    def _last_place_before(self, token: Token) -> EntityRef | None:
        """The place "where" refers to when the parser hung its clause elsewhere ("a trip to
        Busan in March 2024, where he visited ..."): the last place named before it in its
        sentence."""
        for earlier in reversed(self.doc[token.sent.start:token.i]):
            ref = self.refs.at(earlier)
            if ref is not None and ref.type == PLACE:
                return ref
        return None

    def _noun_arguments(self, draft: _Draft, noun: Token) -> None:
        roles = draft.type.roles
        draft.tokens.append(noun)
        for child in noun.children:
            dep = child.dep_
            if child.i in self.times.tokens:
                continue
            if dep in ("compound", "nmod", "poss", "amod"):
                ref = self.refs.at(child)
                if ref is not None:
                    draft.add(ref, "place" if ref.type == PLACE else roles.get("modifier", "participant"), child)
                    if ref.type != PLACE:  # "the Kotli meeting" names its place, checked as its own place
                        draft.own_names.add(ref.id)
            elif dep == "prep" and child.lower_ == "by" and (obj := pobj_of(child)) is not None \
                    and obj.i not in self.types:  # "a trip by X to Busan": X made it
                for ref in self.refs.named_by(obj):
                    draft.add(ref, roles.get("subject", "participant"), obj)
            elif dep == "prep":
                self._prep_argument(draft, child, [], set(), None)
            elif dep == "acl" and child.pos_ == "VERB":  # "talks hosted by Algeria in Algiers"
                support = self.support.get(child.i)
                role = support.role if support else roles.get("subject", "participant")
                for grandchild in child.children:
                    obj = pobj_of(grandchild)
                    if grandchild.dep_ == "agent" and obj is not None:
                        for ref in self.refs.named_by(obj):
                            draft.add(ref, role, obj)
                    elif grandchild.dep_ == "prep" and grandchild.lower_ in self.lex.place_preps:
                        self._prep_argument(draft, grandchild, [], set(), None)

    def _remote_clause(self, token: Token) -> bool:
        """Whether a participant joined remotely by its own relative clause ("Bako, who joined
        via video, ...")."""
        for child in token.children:
            if child.dep_ == "relcl" and self._says_remote(child):
                return True
        return False

    def _says_remote(self, verb: Token) -> bool:
        lex = self.lex
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in lex.remote_adverbs:
                return True
            if child.dep_ == "prep" and child.lower_ in lex.remote_preps:
                obj = pobj_of(child)
                if obj is not None and ({lemma(obj)} | {lemma(c) for c in obj.children}) & lex.remote_nouns:
                    return True
        return False

    @staticmethod
    def _mark_remote(draft: _Draft, subject_refs: list[tuple[EntityRef, Token]]) -> None:
        for ref, _ in subject_refs:
            if ref.id in draft.participants:
                draft.participants[ref.id].remote = True

    # -- one event per real event ----------------------------------------------------------

    def _corefer(self, drafts: dict[int, _Draft], carried: dict[int, Token]) -> dict[int, _Draft]:
        """Each draft's index mapped to the draft it ends up in: a definite event noun with an
        earlier event of its kind merges into it; an event noun with nothing of its own and no
        antecedent is dropped."""
        resolved: dict[int, _Draft] = {}
        ordered: list[_Draft] = []
        for i in sorted(drafts):
            draft = drafts[i]
            token = draft.trigger
            if token.pos_ in NOUN_POS and self._is_definite(token):
                antecedent = self._antecedent(draft, ordered)
                if antecedent is not None:
                    self._merge(antecedent, draft)
                    resolved[i] = antecedent
                    continue
            if token.pos_ in NOUN_POS and i not in carried and not draft.has_arguments \
                    and not self._is_container(token, drafts) or self._is_habitual(token, draft):
                continue
            resolved[i] = draft
            ordered.append(draft)
        for draft in ordered:
            container = resolved.get(draft.container.i) if draft.container is not None else None
            if container is not None and container is not draft:
                draft.place = draft.place or container.place
                container.place = container.place or draft.place
                if draft.time is None or draft.time.value is None and container.time is not None:
                    draft.time = container.time or draft.time
        return resolved

    def _is_definite(self, noun: Token) -> bool:
        return any((c.dep_ == "det" and c.lower_ in self.lex.definite) or
                   (c.dep_ == "poss" and c.pos_ == "PRON") for c in noun.children)

    def _is_habitual(self, noun: Token, draft: _Draft) -> bool:
        """A plural event noun with no date and no determiner that points back speaks of a
        habit or a class ("his sermons circulate on apps", "more than 50 killings", "attacks
        on army convoys"), not of one event."""
        if noun.lower_ in self.lex.nouns and noun.lower_ != lemma(noun):
            return False  # a plural the ontology names one event by: "held talks with X"
        return noun.tag_ in ("NNS", "NNPS") and not (draft.time and draft.time.value) and not any(
            c.dep_ == "det" and c.lower_ in self.lex.definite for c in noun.children)

    @staticmethod
    def _is_container(noun: Token, drafts: dict[int, _Draft]) -> bool:
        return any(d.container == noun for d in drafts.values())

    @staticmethod
    def _antecedent(draft: _Draft, earlier: list[_Draft]) -> _Draft | None:
        """The latest earlier event this definite noun can refer to: one of its type (of its
        family when the noun says nothing of its own: "the meeting" for "met") whose place,
        date and premodifying names agree with what the noun itself says."""
        own_date = draft.time.value if draft.time else None
        bare = not (draft.own_names or draft.own_place or own_date)

        def compatible(other: _Draft) -> bool:
            if draft.stance.modality == "planned" and other.stance.modality != "planned":
                return False  # "has charged X ... The trial is expected to open": a later occasion
            if draft.own_place and draft.own_place != other.place:
                return False
            if own_date and other.time is not None and other.time.value and other.time.value != own_date:
                return False  # an undated earlier mention takes the date this one gives
            return draft.own_names <= set(other.participants)

        candidates = [o for o in reversed(earlier) if compatible(o)]
        same_type = (o for o in candidates if o.type.name == draft.type.name)
        same_family = (o for o in candidates if bare and o.type.family == draft.type.family)
        return next(same_type, None) or next(same_family, None)

    @staticmethod
    def _merge(into: _Draft, mention: _Draft) -> None:
        for entity, participant in mention.participants.items():
            if entity not in into.participants:
                into.participants[entity] = participant
            else:
                into.participants[entity].remote |= participant.remote
        into.place = into.place or mention.place
        if into.time is None or (into.time.value is None and mention.time and mention.time.value):
            into.time = mention.time or into.time
        into.corefs.append(mention)

    def _join_governing(self, verb: Token, resolved: dict[int, _Draft]) -> None:
        """A support verb with no event noun of its own ("..., where X took part via video
        link") adds its subject to the event of the clause it hangs on; a verb of taking part
        with no object that hangs on none ("Y, the group's spokeswoman, also attended") to the
        event the text told just before it."""
        node = verb.head
        while node.head != node and node.i not in resolved:
            node = node.head
        draft = resolved.get(node.i) or self._event_told_before(verb, resolved)
        if draft is None:
            return
        remote = self._says_remote(verb)
        role = self.support[verb.i].role
        for subject in subjects_of(verb):
            for ref in self.refs.named_by(subject):
                if ref.type != PLACE:
                    draft.add(ref, role, subject, remote)

    def _join_among_those(self, resolved: dict[int, _Draft]) -> None:
        """"Among those held was X", "Among the men arrested were X and Y": the people a
        participle picks out are the ones the event just told affected; X takes that event's
        object role (an event of the participle's own type when there is one)."""
        for prep in (t for t in self.doc if t.dep_ == "prep" and t.lower_ == "among" and lemma(t.head) == "be"):
            group = pobj_of(prep)
            participle = next((c for c in group.children if c.dep_ == "acl" and c.tag_ == "VBN"), None) \
                if group is not None else None
            if participle is None:
                continue
            named = [r for c in prep.head.children if c.dep_ in ("nsubj", "attr")
                     for r in self.refs.named_by(c) if r.type in ACTOR_TYPES]
            wanted = self.types.get(participle.i)
            earlier = [d for d in resolved.values() if d.trigger.i < prep.i and _happened(d)
                       and (wanted is None or d.type == wanted)]
            draft = max(earlier, key=lambda d: d.trigger.i, default=None)
            if draft is None:
                continue
            for ref in named:
                draft.add(ref, draft.type.roles.get("object", "participant"), prep.head)

    def _event_told_before(self, verb: Token, resolved: dict[int, _Draft]) -> _Draft | None:
        if self.support[verb.i].role != "participant" or any(c.dep_ in OBJECT_DEPS for c in verb.children):
            return None
        previous = self.doc[verb.sent.start - 1].sent.start if verb.sent.start > 0 else verb.sent.start
        earlier = [d for d in resolved.values() if previous <= d.trigger.i < verb.i and _happened(d)]
        return max(earlier, key=lambda d: d.trigger.i, default=None)

    def _finish(self, resolved: dict[int, _Draft]) -> list[Event]:
        analysis = self.analysis
        doc_id = analysis.document.id
        published = analysis.document.published
        events: dict[int, Event] = {}
        for draft in resolved.values():
            if id(draft) in events:
                continue
            if not draft.participants and not draft.place:  # "to meet the families": no one named
                continue
            if self._no_fact(draft):
                continue
            time = draft.time
            if time is None and self._reports(draft):
                time = event_time(self.times.dateline)
            if time is None and draft.stance.modality == "actual" and published is not None:
                time = EventTime(None, latest=published.isoformat())
            mentions = [draft, *draft.corefs]
            trigger = draft.trigger
            events[id(draft)] = Event(
                id=Event.make_id(draft.type.name, doc_id, trigger.idx, trigger.idx + len(trigger.text)),
                type=draft.type.name,
                participants=list(draft.participants.values()),
                place=draft.place,
                time=time,
                certainty=draft.stance.certainty,
                modality=draft.stance.modality,
                evidence=[evidence_for(analysis, self._sentence_bound(m), m.stance.source) for m in mentions],
            )
        return sorted(events.values(), key=lambda e: (e.evidence[0].start, e.id))

    def _no_fact(self, draft: _Draft) -> bool:
        """What a text only negates or mentions in passing is no event to record: a negated
        event with one participant says what someone did not do ("he did not speak to
        reporters", "has not been charged"), while a denied encounter of two named parties is
        the news a denial answers; a verb with no finite clause and nobody named is a purpose
        or a charge ("for helping recruits cross into Somalia"), not an occurrence; nor is
        the saying of unnamed sources ("two officials in Herat said on Tuesday")."""
        if draft.stance.certainty == "denied":
            return len(draft.participants) < 2
        verb = draft.carrier or draft.trigger
        if self._habitual(verb):
            return True
        if not draft.participants and lemma(verb) in self.times.reporting:
            return True
        return not draft.participants and draft.stance.modality == "actual" and verb.pos_ == "VERB" \
            and verb.tag_ in ("VB", "VBG") \
            and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)

    def _habitual(self, verb: Token) -> bool:
        """Whether a present-tense verb with an adverb of frequency tells a rule, not an
        occurrence: "where suspects are routinely sentenced to death"."""
        present = verb.tag_ in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)
        return present and any(c.dep_ == "advmod" and c.lower_ in self.lex.habitual_adverbs for c in verb.children)

    def _reports(self, draft: _Draft) -> bool:
        """Whether an event is something said in the past tense ("X said in a statement",
        "told reporters"), which in wire copy is dated by its dateline."""
        verb = draft.carrier or draft.trigger
        return lemma(verb) in self.times.reporting and verb.tag_ == "VBD"

    @staticmethod
    def _sentence_bound(draft: _Draft) -> list[Token]:
        """The tokens of a mention that lie in its trigger's sentence (a coreferent mention
        states only what its own sentence says)."""
        sentence = draft.trigger.sent
        return [t for t in draft.tokens if sentence.start <= t.i < sentence.end] or [draft.trigger]

