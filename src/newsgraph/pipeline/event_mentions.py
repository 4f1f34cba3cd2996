"""Event mentions: every word of a parsed text that names something happening or holding, with
its participants from the dependency parse and the time expression it is tied to.

This is the broad layer under typed events: MEANTIME- and TimeML-style annotation calls every
predicate an event mention (verbs, eventive nouns, predicative adjectives after a copula),
named participants or not. The typed fact extractors (meetings, visits, attacks) are a
selection of these. Functions here are pure: a spaCy `Doc` and the document's time
expressions in, frozen records out.

Triggers:
- verbs and copulas with a clause of their own (an auxiliary or modal helping another verb is
  not an event; a participle used as an adjective, "a disappointing show", or as a preposition,
  "according to", is not either). A phrasal verb's particle is part of its trigger ("rolled
  out");
- an adjective that is the predicate of a copula ("the plan is viable");
- nouns derived from a verb the model's lemmatiser knows (its WordNet verb index), recognised
  by their suffix: -tion/-sion, -ment, -ance/-ence, -al, -ure, -ing, -ery; and the
  eventive nouns of `data/event_nouns.json` that morphology cannot find (war, crisis, deal),
  less the derived-looking nouns listed there as things (government, building).

Participants: the noun phrases a trigger governs: subject, passive subject, object, the agent
"by X", objects of with/against/for/to/from/in/at/on/over/into, and their conjuncts for a verb,
which shares the subject of the verb it is conjoined with or completes when it has none of
its own ("X began and pushed", "X plans to assemble") and takes the noun a relative or
reduced clause without a subject modifies;
the possessor, the "of"/"by"/"for"/"against"/"with"-object and a compound modifier for a noun; the
subject of the copula for an adjective. A participant is given by its base noun phrase (the
head and what precedes it inside its phrase), and an argument that is itself an event trigger
is not a participant (events relate to events through other links).

Time: the time expression inside the trigger's own clause (its dependents, or a dependent of
the clause head it belongs to), else the only time expression of the sentence.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from newsgraph.ontology import read_json

VERB_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"})
VERB_PREPOSITIONS = frozenset({"with", "against", "for", "to", "from", "in", "at", "on", "over", "into"})
NOUN_PREPOSITIONS = frozenset({"of", "by", "for", "against", "with", "between"})
NOUN_ARGUMENT_DEPS = frozenset({"poss", "compound"})
NOT_CLAUSAL_DEPS = frozenset({"aux", "auxpass", "amod", "prep", "compound", "pobj", "det", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})
# Suffix of a deverbal noun -> the endings its verb may have instead ("decision" -> "decide").
DEVERBAL_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ication", ("y",)),
    ("ation", ("", "e", "ate")),
    ("ition", ("", "e", "ish")),
    ("tion", ("", "e", "t", "te")),
    ("sion", ("d", "de", "s", "se", "t")),
    ("ment", ("",)),
    ("ance", ("", "e")),
    ("ence", ("", "e")),
    ("al", ("", "e")),
    ("ure", ("", "e")),
    ("ing", ("", "e", "*")),  # "*": a doubled final consonant dropped ("bidding" -> "bid")
    ("ery", ("er",)),  # "delivery" -> "deliver"; not "brewery" -> "brew", "party" -> "part"
)
MIN_STEM = 3


class TimexLike(Protocol):
    """What the detector needs of a time expression (`newsgraph.model.Timex` has it)."""

    start: int
    end: int

    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class Participant:
    """A noun phrase taking part in an event, with the relation that attaches it (nsubj, dobj,
    agent, prep:with, poss, of, compound, ...)."""

    start: int
    end: int
    text: str
    relation: str


@dataclass(frozen=True)
class EventMention:
    """One event trigger: its character span, lemma and part of speech (verb, noun, adjective),
    its participants and the id of its time expression (None when it has none)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    participants: tuple[Participant, ...] = ()
    timex: str | None = None


@cache
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    data = read_json("event_nouns.json")
    return frozenset(data["eventive"]), frozenset(data["not_eventive"])


@cache
def known_verbs() -> frozenset[str]:
    """The verb lemmas the English model's lemmatiser knows (its WordNet verb index)."""
    from newsgraph.pipeline.nlp import load_nlp

    return frozenset(load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])


def deverbal_stem(noun: str, verbs: frozenset[str]) -> str | None:
    """The verb a noun is derived from by a regular suffix ("arrival" -> "arrive"), or None."""
    for suffix, endings in DEVERBAL_SUFFIXES:
        if not noun.endswith(suffix) or len(noun) - len(suffix) < MIN_STEM:
            continue
        stem = noun[: -len(suffix)]
        for ending in endings:
            if ending == "*":
                candidate = stem[:-1] if len(stem) > 1 and stem[-1] == stem[-2] else None
            else:
                candidate = stem + ending
            if candidate and candidate in verbs:
                return candidate
    return None


def is_eventive_noun(token: Token, verbs: frozenset[str]) -> bool:
    eventive, things = _nouns()
    lemma = token.lemma_.lower()
    if lemma in things:
        return False
    return lemma in eventive or deverbal_stem(lemma, verbs) is not None


def _is_trigger(token: Token, verbs: frozenset[str]) -> str | None:
    """The trigger's part of speech (verb, noun, adjective), or None when the token is no trigger."""
    if token.pos_ in CLAUSE_HEAD_POS:
        return "verb" if token.dep_ not in NOT_CLAUSAL_DEPS else None
    if token.pos_ == "NOUN":
        return "noun" if is_eventive_noun(token, verbs) else None
    if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_ == "be":
        return "adjective"
    return None


def _base_phrase(head: Token) -> Span:
    """The head and what precedes it in its phrase: "the US company" of "the US company that...".

    A preposition or clause hanging after the head is left out, so a participant stays the
    size of a name or a short description."""
    left = min((t.left_edge.i for t in head.lefts), default=head.i)
    return head.doc[left : head.i + 1]


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _arguments(trigger: Token, pos: str) -> list[tuple[Token, str]]:
    """(argument head, relation) pairs from the parse, conjuncts included."""
    found: list[tuple[Token, str]] = []
    for child in trigger.children:
        dep = child.dep_
        if pos == "verb" and dep in VERB_ARGUMENT_DEPS:
            found += [(t, dep) for t in _with_conjuncts(child)]
        elif dep == "agent" or (dep == "prep" and child.lower_ in _prepositions(pos)):
            relation = "agent" if dep == "agent" else f"prep:{child.lower_}"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found += [(t, relation) for t in _with_conjuncts(pobj)]
        elif pos == "noun" and dep in NOUN_ARGUMENT_DEPS:
            found.append((child, dep))
    if pos == "adjective":
        found += [(t, c.dep_) for c in trigger.head.children if c.dep_ in SUBJECT_DEPS for t in _with_conjuncts(c)]
    elif pos == "verb":
        found += _shared_subject(trigger)
    return found


def _shared_subject(verb: Token) -> list[tuple[Token, str]]:
    """The subject a verb without one of its own shares with the verb it depends on: "X
    began and pushed", "X plans to assemble", "X called ..., citing"; a relative or reduced
    clause without a subject is about the noun it modifies ("the team formed to look")."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    node = verb
    while node.dep_ in SUBJECT_SHARING_DEPS and node.head.pos_ in CLAUSE_HEAD_POS and node.head.i != node.i:
        node = node.head
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return [(t, f"shared:{c.dep_}") for c in subjects for t in _with_conjuncts(c)]
    if node.dep_ in ("relcl", "acl") and node.head.pos_ in NOMINAL_POS:
        return [(node.head, "modified")]
    return []


def _prepositions(pos: str) -> frozenset[str]:
    return NOUN_PREPOSITIONS if pos == "noun" else VERB_PREPOSITIONS


def _trigger_tokens(token: Token) -> list[Token]:
    """The trigger word with its phrasal particle ("rolled out", "set up")."""
    particles = [c for c in token.children if c.dep_ == "prt"]
    return sorted([token, *particles], key=lambda t: t.i)


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a token is in (the token itself for a verb)."""
    while token.pos_ not in CLAUSE_HEAD_POS and token.head.i != token.i:
        token = token.head
    return token


def _governs(token: Token, inner: Token) -> bool:
    """Whether `inner` sits under `token` in the parse without crossing into another clause."""
    node = inner
    while node.i != token.i:
        if node.head.i == node.i or (node.i != inner.i and node.pos_ in CLAUSE_HEAD_POS):
            return False
        node = node.head
    return True


def _time_of(trigger: Token, pos: str, sentence_timexes: list[tuple[TimexLike, Token]]) -> str | None:
    """The time expression in the trigger's own phrase or clause, else the sentence's only one."""
    for timex, head in sentence_timexes:
        if _governs(trigger, head):
            return timex.id
    if pos != "verb":
        clause = _clause_head(trigger)
        for timex, head in sentence_timexes:
            if _governs(clause, head) and not _governed_by_other_noun(head, clause):
                return timex.id
    nearest = min(sentence_timexes, key=lambda pair: abs(pair[1].i - trigger.i), default=None)
    return nearest[0].id if nearest else None


def _governed_by_other_noun(head: Token, clause: Token) -> bool:
    """A time expression inside another noun's phrase ("the 2009 order") belongs to that noun."""
    node = head.head
    while node.i != clause.i and node.head.i != node.i:
        if node.pos_ == "NOUN":
            return True
        node = node.head
    return False


def _timex_heads(doc: Doc, timexes: Iterable[TimexLike]) -> list[tuple[TimexLike, Token]]:
    """Each time expression with the syntactic head of its tokens (None-free; unaligned ones dropped)."""
    found = []
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span):
            found.append((timex, span.root))
    return found


def sentence_units(doc: Doc) -> list[Span]:
    """The model's sentences, cut again at line breaks: a heading or a dateline the parser ran
    into the first sentence of the body is a unit of its own."""
    units = []
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    units.append(doc[start:token.i])
                start = token.i + 1
        if start < sentence.end:
            units.append(doc[start:sentence.end])
    return units


def detect_event_mentions(doc: Doc, timexes: Sequence[TimexLike] = ()) -> list[EventMention]:
    """Every event mention of a parsed text, in text order, with participants and time."""
    verbs = known_verbs()
    heads = _timex_heads(doc, timexes)
    timex_tokens = {t.i for timex, _ in heads for t in doc.char_span(timex.start, timex.end, alignment_mode="expand")}
    mentions = []
    for sentence in sentence_units(doc):
        in_sentence = [(timex, head) for timex, head in heads if sentence.start <= head.i < sentence.end]
        triggers = {}
        for token in sentence:
            pos = None if token.i in timex_tokens else _is_trigger(token, verbs)
            if pos is not None:
                triggers[token.i] = pos
        for index, pos in triggers.items():
            token = doc[index]
            words = _trigger_tokens(token)
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            participants = tuple(
                _participant(argument, relation) for argument, relation in _arguments(token, pos)
                if argument.i not in triggers and argument.pos_ in NOMINAL_POS and argument.i not in timex_tokens
                and sentence.start <= argument.i < sentence.end)
            mentions.append(EventMention(start, end, doc.text[start:end], token.lemma_.lower(), pos, participants,
                                         _time_of(token, pos, in_sentence)))
    return mentions


def _participant(head: Token, relation: str) -> Participant:
    phrase = _base_phrase(head)
    start, end = phrase.start_char, phrase.end_char
    return Participant(start, end, phrase.doc.text[start:end], relation)


def every_verb_baseline(doc: Doc, timexes: Sequence[TimexLike] = ()) -> list[EventMention]:
    """The naive baseline: every verb is an event mention, its subject and object are its
    participants, and the time expression nearest to it in its sentence is its time."""
    heads = _timex_heads(doc, timexes)
    mentions = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        sentence = token.sent
        near = [timex for timex, head in heads if sentence.start <= head.i < sentence.end]
        nearest = min(near, key=lambda t: abs(t.start - token.idx), default=None)
        participants = tuple(_participant(c, c.dep_) for c in token.children if c.dep_ in ("nsubj", "dobj"))
        mentions.append(EventMention(token.idx, token.idx + len(token), token.text, token.lemma_.lower(), "verb",
                                     participants, nearest.id if nearest else None))
    return mentions
