"""The curated list (newsgraph/data/entities.jsonl and the reference list of real actors,
actors.jsonl, + $NEWSGRAPH_ENTITIES): every name, alias and transliteration it holds is found
in the text (`add_curated_names`, a phrase matcher over the list's forms), and a curated name
gets the list's type and canonical name (`apply_curated`), which no later rule second-guesses.

The list wins over the model where they overlap: "Lashkar-e-Taiba" replaces the pieces the
model cut it into. Where the model's name is longer ("Karachi Press Club" around a place, "US
Treasury") the model's name stays; where it, or a run of proper nouns after a curated place,
goes on past a curated place ("Jammu and Kashmir Police", "Lake Chad Vanguard"), or past an
organisation up to an institution noun ("Lebanese Army Intelligence", but not "Toyota Camry"),
the whole is one name, typed later by its head. A one-word form that is also a word
of a person's full name in the text ("Dawn", "Wagner") is that person's.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from newsgraph.gazetteer import Gazetteer
from newsgraph.gazetteer.curated import CuratedEntity, must_match_exactly
from newsgraph.model import fold
from newsgraph.ontology import ORGANIZATION, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import Candidate, RuleContext, is_proper
from newsgraph.pipeline.nlp import load_nlp
from newsgraph.pipeline.parse import chunk_bounds
from newsgraph.text import is_acronym


def add_curated_names(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """Curated names as candidates with the list's label, over or beside the model's names."""
    doc = context.doc
    person_words = _person_name_words(context, candidates)
    # Matched on the text tokenised afresh, as the list's forms were, whatever earlier rules
    # did to the Doc's tokens ("Lashkar-e-Taiba" merged into one token or not); chunk by chunk
    # as the parse is, so that a long document is never tokenised whole a second time.
    tokenizer, matcher = load_nlp().tokenizer, _matcher(context.gazetteer)
    found = []
    text = doc.text  # built from the tokens on every read: read once, not once per chunk
    for offset, end in chunk_bounds(text):
        tokens = tokenizer(text[offset:end])
        for match in filter_spans(tokens[s:e] for _, s, e in matcher(tokens)):
            span = doc.char_span(offset + match.start_char, offset + match.end_char, alignment_mode="expand")
            entities = context.gazetteer.lexicon.find_all(match.text)
            if span is None or not entities or _is_persons_word(span.text, entities, person_words):
                continue
            while len(span) > 1 and span[0].lower_ in context.cues.leading_words:
                span = span[1:]  # "The New York Times" is listed so; the mention is "New York Times"
            found.append(span)
    if not found:
        return candidates
    added, removed = [], set()
    # Candidates by the tokens they cover, each with its place in `candidates`: a curated
    # name looks only at its own tokens, not at every candidate of the document.
    covering: dict[int, list[int]] = {}
    for position, c in enumerate(candidates):
        for i in range(c.start, c.end):
            covering.setdefault(i, []).append(position)
    taken = set(covering)
    place_label, org_label = context.ontology.spacy_label(PLACE), context.ontology.spacy_label(ORGANIZATION)
    for span in found:
        inside = [candidates[p] for p in sorted({p for i in range(span.start, span.end) for p in covering.get(i, ())})
                  if p not in removed]
        if any(c.start <= span.start and span.end <= c.end and c.end - c.start > len(span) for c in inside):
            continue  # the model's longer name around it wins
        runs_on = [c for c in inside if span.start <= c.start < span.end < c.end]
        start, end = span.start, max([span.end, *(c.end for c in runs_on)])
        label = runs_on[0].label if runs_on else _label(context, span.text)
        if label == place_label:  # "Lake Chad" + "Vanguard"
            while end < len(doc) and end not in taken and _continues_name(context, doc[end]):
                end += 1
        elif label == org_label:  # "Lebanese Army" + "Intelligence", not "Toyota" + "Camry"
            run_on = end
            while run_on < len(doc) and run_on not in taken and _continues_name(context, doc[run_on]):
                run_on += 1
            if run_on > end and context.is_org_head(doc[run_on - 1]):
                end = run_on
        removed.update(p for i in range(span.start, span.end) for p in covering.get(i, ()))
        added.append(Candidate(start, end, label, context.ontology.type_of_label(label)))
    kept = [c for p, c in enumerate(candidates) if p not in removed]
    return sorted([*kept, *added], key=lambda c: c.start)


def apply_curated(context: RuleContext, candidates: list[Candidate]) -> list[Candidate]:
    """A curated name takes the list's type and, when written another way, its canonical name.
    A form two entries share ("JEM") takes the one the text names in another form too, else
    only the type they agree on."""
    person_words = _person_name_words(context, candidates)
    for c in candidates:
        text = context.doc[c.start : c.end].text
        entities = context.gazetteer.lexicon.find_all(text)
        if not entities or c.quoted or _is_persons_word(text, entities, person_words):
            continue
        entity = entities[0] if len(entities) == 1 else _named_elsewhere(context, entities)
        if entity is None:
            if len({e.type for e in entities}) == 1:
                c.type, c.settled = entities[0].type, True
            continue
        c.type, c.settled = entity.type, True
        if entity.name != text:
            c.canonical = entity.name
            c.kind = "acronym" if is_acronym(text, mixed_case=True) else "alias"
    return candidates


def _continues_name(context: RuleContext, token) -> bool:
    """A proper noun after a curated place or organisation that makes a longer name of it,
    not a title that starts a person's name ("NATO Secretary General ...")."""
    return is_proper(token) and not token.is_upper and token.lower_ not in context.cues.person_titles


def _label(context: RuleContext, text: str) -> str:
    entities = context.gazetteer.lexicon.find_all(text)
    return context.ontology.spacy_label(entities[0].type)


def _named_elsewhere(context: RuleContext, entities: list[CuratedEntity]) -> CuratedEntity | None:
    """The one entry of a shared form whose other forms the text also uses."""
    text = fold(context.text)
    named = [e for e in entities if any(f" {fold(f)} " in f" {text} " for f in e.forms if len(f) > 4)]
    return named[0] if len(named) == 1 else None


def _person_name_words(context: RuleContext, candidates: list[Candidate]) -> set[str]:
    doc = context.doc
    return {
        fold(t.text)
        for c in candidates
        if c.label == "PERSON" and c.end - c.start > 1
        for t in doc[c.start : c.end]
    }


def _is_persons_word(text: str, entities: list[CuratedEntity], person_words: set[str]) -> bool:
    """ "Dawn" (a newspaper) in a text about "Dawn Mensah": a one-word form the text uses in a
    person's full name is that person's, unless the curated entry is a person too."""
    return " " not in text and fold(text) in person_words and all(e.type != PERSON for e in entities)


@lru_cache(maxsize=4)
def _matcher(gazetteer: Gazetteer) -> _Both:
    """A phrase matcher over every curated form, built once per gazetteer: acronym-like forms
    on the exact text, the others on lower case (the lexicon then checks how each match is
    written)."""
    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact, folded = [], []
    for entity in gazetteer.lexicon.entities:
        for form in entity.forms:
            (exact if must_match_exactly(form) else folded).append(form)
    exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    exact_matcher.add("exact", list(nlp.tokenizer.pipe(exact)))
    matcher.add("folded", list(nlp.tokenizer.pipe(folded)))
    return _Both(matcher, exact_matcher)


class _Both:
    """Two phrase matchers run as one."""

    def __init__(self, *matchers: PhraseMatcher):
        self.matchers = matchers

    def __call__(self, doc):
        return [m for matcher in self.matchers for m in matcher(doc)]
