"""Coreference stage: group the mentions of one document into entities.

Simple, tested rules in one pass over mentions and tokens (linear-ish in document length):

- names match on a folded key without a leading "the", titles ("Sheikh", "Dr.", "Senior ...
  commander"), a possessive "'s" or a trailing "(ACRONYM)";
- a shorter person name (surname, first name, "Yusuf Tanko") joins the most recently mentioned
  person named in full earlier whose name contains it, unless their genders conflict. The model
  often mistypes bare surnames as places or organisations, so such a mention is re-typed (not a
  place after a preposition: "in Adamu" stays a place even with a Grace Adamu around);
- an acronym joins the full name the text defines for it (`Mention.canonical`), or else the one
  organisation in the document whose initials it spells;
- an organisation short form ("the Vanguard", "Apple" for "Apple Inc.") joins the one longer
  organisation name it abbreviates (see `_OrgShortForms`);
- bare surnames, short forms and acronyms the model missed are found among proper-noun tokens;
- he/his/him/she/her resolve to a preceding compatible person: the current sentence first, then
  the nearest earlier sentence (at most PRONOUN_LOOKBACK back), preferring the main-clause
  subject. Never forwards, never against a known gender (from a title or earlier pronoun), never
  an object pronoun to its own clause's subject, never "it/they".

Naming: a person is named by the fullest title-free form ("Abdulrahman Gwarzo"); titled forms
("Sheikh Abdulrahman Gwarzo") and short forms ("Gwarzo") are aliases, so lookups by any of them
work while the id stays stable whether or not a text uses the title. An organisation is named by
the expansion of its acronym when the text gives one, else by its longest form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsgraph.lexicons import mention_cues, name_particles, name_rules, person_titles
from newsgraph.model import Analysis, Entity, Mention
from newsgraph.ontology import ORGANIZATION, OTHER, PERSON, PLACE, read_json
from newsgraph.text import SpanIndex, fold, initials, is_acronym, is_subsequence

# How many sentences back a pronoun may look for its person.
PRONOUN_LOOKBACK = 3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

_TRAILING_ACRONYM = re.compile(r"\s*\(\s*[^()]*\)\s*$")
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")
_INNER_POSSESSIVE = re.compile(r"['’]s\b")
_EDGE_PUNCT = " \t\r\n\"'“”‘’.,;:!?"
_HYPHENS = "-‐‑"


def _pronouns() -> dict[str, dict]:
    return read_json("coref_pronouns.json")["pronouns"]


def _is_particle(word: str) -> bool:
    """A name particle ("bin", "de"), also when glued on ("al-Kanemi")."""
    return fold(re.split(r"[-‐'’]", word)[0]) in name_particles()


def _place_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """A place's key without the kind of unit it is: "Zamfara State" and "Zamfara" are one place."""
    return key[:-1] if len(key) > 1 and key[-1] in name_rules()["place_kind_suffixes"] else key


def _title_key(word: str) -> str:
    return fold(word.rstrip("."))


def _name_key(text: str) -> tuple[str, ...]:
    # "People's" keys as "peoples" so that it stays one word and keeps its initial.
    return tuple(fold(_INNER_POSSESSIVE.sub("s", text)).split())


@dataclass(frozen=True)
class NameForm:
    """What a mention's text says as a name once the packaging is removed."""

    key: tuple[str, ...]  # folded words, used for matching
    display: str  # surface words without "the", titles, possessive, "(ACRONYM)"
    titled: str | None = None  # display with its capitalised title(s), when the text gives them
    gender: str | None = None  # implied by a title


def read_name(text: str, as_person: bool, preceding: str = "", title: str | None = None) -> NameForm:
    """The name in a mention's `text`; `title` is the title the mention stage recorded for it,
    else titles are looked for in `preceding`, the text just before it."""
    text = _TRAILING_ACRONYM.sub("", text).strip(_EDGE_PUNCT)
    text = _POSSESSIVE_END.sub("", text).strip(_EDGE_PUNCT)
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    title_words: list[str] = []
    if as_person:
        titles = person_titles()
        while len(words) > 1 and _title_key(words[0]) in titles:
            title_words.append(words.pop(0))
        lower = [i for i, w in enumerate(words[:-1]) if w[0].islower() and not _is_particle(w)]
        if lower:  # "Harmattan Brotherhood commander Idris Maleki": the name follows the role
            title_words, words = [], words[lower[-1] + 1 :]
        if not title_words:
            title_words = title.split() if title else _preceding_titles(preceding)
    display = " ".join(words)
    key = _name_key(display) or (fold(text),)
    gender = next(filter(None, (person_titles().get(_title_key(w)) for w in title_words)), None)
    proper_titles = [w for w in title_words if w[0].isupper()]
    titled = " ".join(proper_titles + [display]) if proper_titles == title_words and title_words else None
    return NameForm(key=key, display=display, titled=titled, gender=gender)


def _preceding_titles(preceding: str) -> list[str]:
    """Title words directly before a mention ("Mrs." in "Mrs. Aisha Bello"), in text order."""
    found: list[str] = []
    for word in reversed(preceding.split()[-3:]):
        bare = word.rstrip(".")
        # A long word with a full stop ends a sentence ("met the General."), it is no abbreviation.
        if not bare.isalpha() or _title_key(word) not in person_titles() or (bare != word and len(bare) > 4):
            break
        found.insert(0, word)
    return found


@dataclass
class _Cluster:
    type: str
    mentions: list[Mention] = field(default_factory=list)
    forms: list[NameForm] = field(default_factory=list)
    gender: str | None = None
    canonical: str | None = None  # the expansion the text gives for an acronym
    last_start: int = -1
    # Each distinct form once: a name repeated a thousand times must not make every lookup
    # walk a thousand copies of it.
    _seen_forms: set[NameForm] = field(default_factory=set, repr=False)

    @property
    def full_keys(self) -> list[tuple[str, ...]]:
        return [f.key for f in self.forms if len(f.key) > 1]

    def add(self, mention: Mention, form: NameForm | None) -> None:
        self.mentions.append(mention)
        self.last_start = max(self.last_start, mention.start)
        if form is not None:
            self.add_form(form)
            self.gender = self.gender or form.gender

    def add_form(self, form: NameForm) -> None:
        if form not in self._seen_forms:
            self._seen_forms.add(form)
            self.forms.append(form)

    def name(self) -> str:
        if self.canonical:
            return self.canonical
        # Longest by words, first seen wins ties: max() keeps the first maximum.
        return max(self.forms, key=lambda f: len(f.key)).display

    def aliases(self, name: str) -> list[str]:
        seen = {fold(name)}
        out = []
        for f in self.forms:
            for surface in (f.titled, f.display):
                if surface and fold(surface) not in seen:
                    seen.add(fold(surface))
                    out.append(surface)
        return out


class _OrgShortForms:
    """Which short forms and initials pick out exactly one organisation name of the document.

    Short forms of "Eastern Shield Brigades" are its endings ("Shield Brigades", "Brigades") and
    the endings of its core, the name without generic heads and legal suffixes ("Eastern Shield",
    "Shield"; "Apple" for "Apple Inc."). Forms that name a place of the document do not count. A
    short form made only of generic words ("the Brigades") counts only after "the" or at the start
    of a sentence, so "... and Congress passed ..." stays apart.
    """

    def __init__(self, org_forms: list[NameForm], place_keys: set[tuple[str, ...]]):
        data = read_json("coref_org_heads.json")
        self.generic = frozenset(data["generic_heads"])
        strippable = self.generic | set(data["legal_suffixes"])
        breakers = set(data["scope_breakers"])
        by_suffix: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        by_initials: dict[str, set[tuple[str, ...]]] = {}
        for form in org_forms:
            key = form.key
            if len(key) < 2:
                continue
            if not breakers & set(key):
                distinctive = len(key)
                while distinctive > 0 and key[distinctive - 1] in strippable:
                    distinctive -= 1
                endings = {key[i:] for i in range(1, len(key))} | {
                    key[i:distinctive] for i in range(distinctive)
                }
                endings.discard(key)
                for short in endings - place_keys:
                    by_suffix.setdefault(short, set()).add(key)
            if len(initials(form.display)) > 1:
                by_initials.setdefault(initials(form.display), set()).add(key)
        self.suffixes = {s: next(iter(k)) for s, k in by_suffix.items() if len(k) == 1}
        self.initials = {i: next(iter(k)) for i, k in by_initials.items() if len(k) == 1}

    def full_key(self, form: NameForm, definite: bool) -> tuple[str, ...] | None:
        if is_acronym(form.display) and form.display.replace(".", "") in self.initials:
            return self.initials[form.display.replace(".", "")]
        if set(form.key) <= self.generic and not definite:
            return None
        return self.suffixes.get(form.key)

    def scannable(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Short forms safe to look for among untagged tokens: true endings with a distinctive word."""
        return {
            s: full
            for s, full in self.suffixes.items()
            if full[-len(s) :] == s and not set(s) <= self.generic
        }


class _Grouper:
    """Assigns mentions, in text order, to clusters."""

    def __init__(
        self, text: str, sentences: SpanIndex, short_forms: _OrgShortForms, is_prepositional, is_introduced
    ):
        self.text = text
        self.sentences = sentences
        # A place-typed word after a preposition ("in Adamu", "a stranger to Puntland") stays a
        # place even when a person's name contains it.
        self.is_prepositional = is_prepositional
        # A full name the text introduces ("Yunus Shahwani, a tribal elder", "his father, Yunus
        # Shahwani") is a person of its own, not a short form of a longer name containing it
        # ("Bilal Yunus Shahwani", a son carrying his father's name).
        self.is_introduced = is_introduced
        self.short_forms = short_forms
        self.clusters: list[_Cluster] = []
        self.exact: dict[tuple[str, tuple[str, ...]], _Cluster] = {}
        self.acronyms: dict[tuple[str, ...], _Cluster] = {}
        self.person_words: dict[str, list[_Cluster]] = {}

    def form_of(self, mention: Mention, as_person: bool) -> NameForm:
        preceding = self.text[max(0, mention.start - 40) : mention.start]
        return read_name(mention.text, as_person, preceding, mention.title)

    def add(self, mention: Mention) -> _Cluster:
        """Put `mention` into its cluster (found or new) and return that cluster."""
        form = self.form_of(mention, mention.type == PERSON)
        acronym = mention.kind == "acronym" or is_acronym(form.display)
        if mention.canonical:
            return self._add_defined_acronym(mention, form)
        if acronym and form.key in self.acronyms:
            return self._join(self.acronyms[form.key], mention, form)
        if not acronym and not (mention.type == PLACE and self.is_prepositional(mention)):
            person_form = form if mention.type == PERSON else self.form_of(mention, as_person=True)
            person = self.exact.get((PERSON, person_form.key)) if len(person_form.key) > 1 else None
            if person is None and not (len(person_form.display.split()) > 1 and self.is_introduced(mention)):
                person = self.person_for(person_form, mention.start)
            if person is not None:
                return self._join(person, mention, person_form)
        if mention.type in (ORGANIZATION, OTHER):
            full = self.short_forms.full_key(form, definite=self._definite(mention))
            if full is not None:
                cluster = self.exact.get((ORGANIZATION, full)) or self._new(ORGANIZATION, full)
                return self._join(cluster, mention, form)
        key = _place_key(form.key) if mention.type == PLACE else form.key
        cluster = self.exact.get((mention.type, key)) or self._new(mention.type, key)
        return self._join(cluster, mention, form)

    def _definite(self, mention: Mention) -> bool:
        """After "the" or opening its sentence ("Council chairman X said"): how a text refers back
        to an organisation by its generic head."""
        sentence_start = self.sentences.starts[self.sentences.at_or_before(mention.start)]
        before = self.text[sentence_start : mention.start].split()
        return not before or before[-1].lower() == "the"

    def person_for(self, form: NameForm, before: int) -> _Cluster | None:
        """The most recently mentioned person named in full before `before` whose name contains
        `form` as a shorter name, and whose known gender does not contradict it."""
        key = form.key
        if len(key) == 1 and (_is_particle(key[0]) or len(key[0]) < 2):
            return None
        candidates = [
            c
            for c in self.person_words.get(key[0], ())
            if c.last_start < before
            and any(len(key) < len(full) and is_subsequence(key, full) for full in c.full_keys)
            and not (form.gender and c.gender and form.gender != c.gender)
        ]
        return max(candidates, key=lambda c: c.last_start, default=None)

    def _add_defined_acronym(self, mention: Mention, form: NameForm) -> _Cluster:
        expansion = read_name(mention.canonical, as_person=False)
        cluster = (
            self.exact.get((mention.type, expansion.key))
            or self.exact.get((ORGANIZATION, expansion.key))
            # a nickname said of a surname ("Batalov is known as 'Emir Abdullah'")
            or (self.person_for(expansion, mention.start) if mention.type == PERSON else None)
            or self._new(mention.type, expansion.key)
        )
        if mention.type != PERSON:  # a person keeps the fullest of its names
            cluster.canonical = cluster.canonical or expansion.display
        cluster.add_form(expansion)
        self.acronyms[form.key] = cluster
        return self._join(cluster, mention, form)

    def _new(self, type_: str, key: tuple[str, ...]) -> _Cluster:
        cluster = _Cluster(type=type_)
        self.clusters.append(cluster)
        self.exact[(type_, key)] = cluster
        return cluster

    def _join(self, cluster: _Cluster, mention: Mention, form: NameForm) -> _Cluster:
        known = cluster.full_keys
        cluster.add(mention, form)
        if cluster.type == PERSON and len(form.key) > 1 and form.key not in known:
            self.exact.setdefault((PERSON, form.key), cluster)
            for word in set(form.key) - {w for k in known for w in k}:
                self.person_words.setdefault(word, []).append(cluster)
        return cluster

    def merge_lone_surnames(self) -> None:
        """A person first named only by a surname ("Bello said ...") and later in full joins the
        full name when exactly one person of the document carries that word."""
        for cluster in list(self.clusters):
            if cluster.type != PERSON or cluster.full_keys or not cluster.forms:
                continue
            key = cluster.forms[0].key
            owners = {
                id(c): c
                for c in self.person_words.get(key[0], ())
                if c is not cluster and not (c.gender and cluster.gender and c.gender != cluster.gender)
            }
            if len(key) == 1 and len(owners) == 1:
                owner = next(iter(owners.values()))
                owner.mentions.extend(cluster.mentions)
                for form in cluster.forms:
                    owner.add_form(form)
                owner.gender = owner.gender or cluster.gender
                self.clusters.remove(cluster)


@dataclass
class _PersonMention:
    start: int
    sentence: int
    subject: int  # 2: subject of the main clause, 1: of another clause, 0: not a subject
    head: int  # token index of the syntactic head, for "X praised him" (him is not X)
    cluster: _Cluster
    root: int  # token index of the mention's own head word, for "X, his wife" (his is not X)


class CorefStage:
    """Fills `analysis.entities` and adds pronoun and short-form mentions to `analysis.mentions`."""

    name = "coref"
    requires = ("parsed", "sentences", "mentions")
    assigns = ("entities", "mentions")

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.parsed
        sentences = SpanIndex(
            [(s.start, s.end) for s in analysis.sentences] or [(s.start_char, s.end_char) for s in doc.sents]
        )
        mentions = analysis.mentions
        for m in mentions:
            if m.sentence is None:
                m.sentence = sentences.at_or_before(m.start)
        covered = [False] * len(doc)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                covered[i] = True

        org_forms = [read_name(m.text, as_person=False) for m in mentions if m.type == ORGANIZATION]
        org_forms += [read_name(m.canonical, as_person=False) for m in mentions if m.canonical]
        place_keys = {read_name(m.text, as_person=False).key for m in mentions if m.type == PLACE}
        short_forms = _OrgShortForms(org_forms, place_keys)
        found = _missed_names(analysis, covered, short_forms, sentences)

        grouper = _Grouper(
            analysis.document.text,
            sentences,
            short_forms,
            lambda m: _root(doc, m).dep_ == "pobj",
            lambda m: _is_introduced(_root(doc, m)),
        )
        _walk(
            analysis,
            sorted(mentions + found, key=lambda m: (m.start, -m.end)),
            grouper,
            covered,
            sentences,
        )
        grouper.merge_lone_surnames()

        analysis.entities = _entities(grouper.clusters)
        analysis.mentions = sorted(
            (m for c in grouper.clusters for m in c.mentions), key=lambda m: (m.start, -m.end)
        )
        return analysis


def _walk(
    analysis: Analysis,
    mentions: list[Mention],
    grouper: _Grouper,
    covered: list[bool],
    sentences: SpanIndex,
) -> None:
    """Names and pronouns in text order, so a pronoun sees exactly the people named before it and
    a surname sees the genders pronouns have revealed so far."""
    doc = analysis.parsed
    pronouns = _pronouns()
    history: list[_PersonMention] = []
    pending = iter(mentions)
    upcoming = next(pending, None)
    for token in doc:
        while upcoming is not None and upcoming.start <= token.idx:
            cluster = grouper.add(upcoming)
            candidate = (
                _person_mention(doc, upcoming, cluster, sentences.at_or_before(upcoming.start))
                if cluster.type == PERSON
                else None
            )
            if candidate is not None:
                history.append(candidate)
            upcoming = next(pending, None)
        pronoun = pronouns.get(token.lower_)
        if pronoun is None or token.pos_ != "PRON" or covered[token.i] or _of_an_unnamed_person(token, covered):
            continue
        sentence = sentences.at_or_before(token.idx)
        cluster = _antecedent(history, token, sentence, pronoun)
        if cluster is None:
            continue
        cluster.gender = cluster.gender or pronoun["gender"]
        cluster.mentions.append(
            Mention(
                doc=analysis.document.id,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                type=PERSON,
                kind="pronoun",
                sentence=sentence,
            )
        )
        history.append(_PersonMention(token.idx, sentence, _subject_rank(token), token.head.i, cluster, token.i))
    for mention in ([upcoming] if upcoming is not None else []) + list(pending):
        grouper.add(mention)


def _root(doc, mention: Mention):
    """The syntactic head token of a mention's span."""
    return doc.char_span(mention.start, mention.end, alignment_mode="expand").root


def _is_introduced(root) -> bool:
    """A name with a common noun in apposition: "X, a tribal elder", "his father, X"."""
    appositives = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        appositives.append(root.head)
    return any(t.pos_ == "NOUN" for t in appositives)


def _person_mention(doc, mention: Mention, cluster: _Cluster, sentence: int) -> _PersonMention | None:
    """The mention as a pronoun antecedent, or None when it only modifies a noun ("the Baga market")."""
    root = _root(doc, mention)
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return None
    return _PersonMention(mention.start, sentence, _subject_rank(root), root.head.i, cluster, root.i)


def _subject_rank(token) -> int:
    """2 for the subject of the main clause, 1 for the subject of another clause, else 0; also
    through apposition or coordination ("Maleki and Tanko met")."""
    while token.dep_ in ("appos", "conj") and token.head is not token:
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return 0
    return 2 if token.head.dep_ == "ROOT" else 1


def _antecedent(history: list[_PersonMention], token, sentence: int, pronoun: dict) -> _Cluster | None:
    """The nearest sentence (this one first) with a compatible person before the pronoun; in it
    the subject of the main clause, else the latest subject, else the latest person."""
    gender = pronoun["gender"]
    is_object = pronoun["role"] == "object" or (
        pronoun["role"] == "object_or_possessive" and token.dep_ != "poss"
    )
    best_sentence, group = None, []
    for past in reversed(history):
        if past.sentence < sentence - PRONOUN_LOOKBACK or (
            best_sentence is not None and past.sentence < best_sentence
        ):
            break
        if past.cluster.gender not in (None, gender):
            continue
        if is_object and past.subject and past.head == token.head.i:
            continue
        if past.root in _apposition_heads(token):
            continue  # "Anna Petrova, his wife": his is someone else
        best_sentence = past.sentence
        group.append(past)
    return max(group, key=lambda p: (p.subject, p.start)).cluster if group else None


def _apposition_heads(token) -> set[int]:
    """The words whose apposition holds `token` ("Petrova" for "his" in "Anna Petrova, his wife")."""
    return {a.head.i for a in (token, *token.ancestors) if a.dep_ == "appos"}


def _of_an_unnamed_person(token, covered: list[bool]) -> bool:
    """ "The lawyer said her client ...": a possessive before a person noun, in what an unnamed
    person (a singular person noun, no name) says or does, speaks of that person's client, wife
    or colleague; no named person is its antecedent."""
    if token.dep_ != "poss" or not _is_person_noun(token.head):
        return False
    for verb in token.ancestors:
        subjects = [s for s in verb.children if s.dep_ in SUBJECT_DEPS and s.i < token.i]
        if subjects:
            subject = subjects[0]
            return subject.tag_ == "NN" and _is_person_noun(subject) and not covered[subject.i]
    return False


@cache
def _person_nouns() -> frozenset[str]:
    cues = mention_cues()
    return frozenset(cues["person_nouns"]).union(cues["kinship_nouns"])


def _is_person_noun(token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in _person_nouns()


def _missed_names(
    analysis: Analysis, covered: list[bool], short_forms: _OrgShortForms, sentences: SpanIndex
) -> list[Mention]:
    """Proper-noun runs the model left untagged that repeat a name the text gave earlier: a person's
    surname or first name, an organisation's acronym, short form or full name."""
    text = analysis.document.text
    person_keys: list[tuple[str, ...]] = []
    person_word_from: dict[str, int] = {}
    org_key_from: dict[tuple[str, ...], int] = {}
    for m in analysis.mentions:
        if m.type == PERSON and len(key := read_name(m.text, as_person=True).key) > 1:
            person_keys.append(key)
            for word in key:
                person_word_from.setdefault(word, m.end)
        if m.type == ORGANIZATION or m.canonical:
            org_key_from.setdefault(read_name(m.text, as_person=False).key, m.end)
    for alias, full in [
        *short_forms.scannable().items(),
        *(((i.lower(),), f) for i, f in short_forms.initials.items()),
    ]:
        if full in org_key_from:
            org_key_from.setdefault(alias, org_key_from[full])

    found = []
    for run in _proper_noun_runs(analysis.parsed, covered):
        as_person = read_name(run.text, as_person=True)
        as_org = read_name(run.text, as_person=False)
        if (
            all(person_word_from.get(w, len(text)) <= run.start_char for w in as_person.key)
            and any(is_subsequence(as_person.key, k) for k in person_keys)
            and not (len(as_person.key) == 1 and _is_particle(as_person.key[0]))
            and not as_person.display.isupper()  # "BOSASO -": a dateline, not a name
        ):
            form, type_ = as_person, PERSON
            kind = "name" if as_person.key in person_keys else "alias"
        elif org_key_from.get(as_org.key, len(text)) <= run.start_char:
            form, type_, kind = as_org, ORGANIZATION, "acronym" if is_acronym(as_org.display) else "alias"
        else:
            continue
        begin = run.start_char + run.text.find(form.display)
        end = begin + len(form.display)
        if begin < run.start_char or text[begin:end] != form.display:
            continue
        found.append(
            Mention(
                doc=analysis.document.id,
                start=begin,
                end=end,
                text=form.display,
                type=type_,
                kind=kind,
                sentence=sentences.at_or_before(begin),
            )
        )
    return found


def _proper_noun_runs(doc, covered: list[bool]):
    """Spans of consecutive capitalised proper nouns that no mention covers; the pieces of a
    hyphenated name ("Anwar-ul-Haq") hold a run together."""
    start = None
    for token in doc:
        inside = not covered[token.i] and (
            (token.pos_ == "PROPN" and token.text[:1].isupper()) or (start is not None and _inside_hyphenated(token))
        )
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            yield _without_trailing_joiners(doc[start : token.i])
            start = None
    if start is not None:
        yield _without_trailing_joiners(doc[start : len(doc)])


def _inside_hyphenated(token) -> bool:
    """A hyphen, or a word piece after one, written without spaces inside a word."""
    before = token.doc[token.i - 1]
    return not before.whitespace_ and (token.text in _HYPHENS or (before.text in _HYPHENS and token.is_alpha))


def _without_trailing_joiners(span):
    """The run without the hyphens and lower-case joiners it ends with ("Anwar-ul-" -> "Anwar")."""
    end = span.end
    while end > span.start and (span.doc[end - 1].text in _HYPHENS or span.doc[end - 1].is_lower):
        end -= 1
    return span.doc[span.start : end]


def _entities(clusters: list[_Cluster]) -> list[Entity]:
    """One base entity per type and folded name; each cluster's mentions name theirs."""
    by_id: dict[str, Entity] = {}
    for cluster in clusters:
        name = cluster.name()
        entity_id = Entity.make_id(cluster.type, name)
        entity = by_id.setdefault(entity_id, Entity(id=entity_id, type=cluster.type, name=name))
        for alias in cluster.aliases(name):
            if fold(alias) not in {fold(a) for a in entity.aliases}:
                entity.aliases.append(alias)
        for mention in cluster.mentions:
            mention.type, mention.entity = cluster.type, entity_id
    return list(by_id.values())
