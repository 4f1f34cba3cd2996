"""Do two names denote one actor? A scored, explained comparison of two names of one type.

A name is cut into *units*: folded name parts where the joiners of Arabic and Urdu names are
glued back ("Ikram-ud-Din" → "ikramuddin", "Abu Bakr" → "abubakr", "Abd al-Karim" →
"abdkarim"), and titles, articles, nasab words ("bin", "ibn") and quoted nicknames are left
out. Two units match when they are equal, when their romanisation skeletons agree (the same
consonants once spelling habits are undone, vowels of compatible classes, the same ending:
Zaheer/Zahir, Qadhafi/Gaddafi, Cali/Ali) or when their edit similarity is high; a unit that
only extends the other ("Sokolov"/"Sokolovsky", "Petrov"/"Petrova") is another name.

The units of the two names are aligned in order (a unit may match two adjacent units written
solid or apart: "Mohammad-Reza"/"Mohammadreza"). For people the alignment must keep the given
name first and the surname last: a dropped middle part (a patronymic) is allowed, a dropped
given name (the father, "Saleh al-Amiri" / "Ahmed Saleh al-Amiri") or a bare surname is not;
only names of the East Asian family-name-first traditions may turn round. Chinese and Korean
names are compared in their own romanisation systems (newsgraph.resolve.romanisation:
Wade-Giles and pinyin, McCune-Reischauer and Revised Romanisation), and listed spellings of
one given name match (Muhammad, Maxamed, Mehmet). Organisations must
align completely, or one must be the acronym of the other. Thresholds and word lists are data
(newsgraph/data/resolution.json).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import jellyfish
from normality import ascii_text
from rapidfuzz.distance import Levenshtein

from newsgraph.gazetteer.curated import load_lexicon
from newsgraph.lexicons import person_titles
from newsgraph.ontology import read_json
from newsgraph.resolve.known_actors import Lookup, ReferenceIndex, build_index
from newsgraph.resolve.romanisation import (
    chinese_family_name,
    chinese_readings,
    korean_family_name,
    korean_key,
    korean_syllables,
)

PERSON = "person"
ACRONYM = "acronym"  # the part of a score that says one name is the other's acronym
KNOWN = "reference list"  # the part of a score that says the reference list gives both names one actor
VOWELS = "aeiouy"
_QUOTED = re.compile(r"(?:^|\s)['\"‘“][^'\"’”]+['\"’”](?=\s|$)")
_ACRONYM = re.compile(r"[A-Z0-9&.\-]+|[A-Z][A-Za-z]*[A-Z](?:-[A-Z0-9]+)?")  # NATO, MS-13, LeT, JUI-F
_COMPATIBLE_VOWELS = ({"a", "e"}, {"e", "i"}, {"o", "u"}, {"i", "y"}, {"e", "y"})


@cache
def rules() -> dict:
    """The thresholds and word lists of newsgraph/data/resolution.json."""
    return read_json("resolution.json")


def thresholds() -> dict[str, float]:
    return rules()["thresholds"]


@dataclass(frozen=True)
class Score:
    """How alike two names are (0 to 1), the similarity of each aligned part, and why."""

    value: float
    parts: dict[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()

    @property
    def decision(self) -> str:
        """`same` at or above the merge threshold, `review` between the thresholds, else `different`."""
        t = thresholds()
        return "same" if self.value >= t["merge"] else "review" if self.value >= t["review"] else "different"


@dataclass(frozen=True)
class ParsedName:
    """A name as the matcher sees it: its units in order and, for a one-word name, its letters
    (an acronym candidate), with the acronyms its words spell, those it spells in the languages
    its organisation words translate to, in those languages' word order (`translated_acronyms`:
    FARC for Revolutionary Armed Forces of Colombia); for an organisation, its units with each
    organisation word replaced by its concept (`concepts`: ejercito → army); and whether it is
    written as an acronym (NATO, LeT, MS-13, not Nato)."""

    units: tuple[str, ...]
    single_word: str | None
    acronyms: frozenset[str]
    translated_acronyms: frozenset[str] = frozenset()
    concepts: tuple[str, ...] = ()
    written_as_acronym: bool = False


def _words(name: str) -> list[str]:
    """Folded ASCII words of `name`, apostrophes dropped ("Qa'ida" → "qaida"), quoted
    nicknames left out."""
    text = _QUOTED.sub(" ", name)
    text = ascii_text(text).lower().replace("'", "").replace("’", "")
    return [w for w in re.split(r"[^a-z0-9]+", text) if w]


@lru_cache(maxsize=200_000)
def _collapse(word: str) -> str:
    """Doubled letters written once (Tavakkoli, Siddique, Abdullaahi). Cached, as `_spell`:
    a unit meets many others in its blocks, and is prepared once."""
    return re.sub(r"(.)\1+", r"\1", word)


@lru_cache(maxsize=200_000)
def parse(name: str, type_: str) -> ParsedName:
    """Units, one-word letters and acronyms of `name` (see the module docstring)."""
    r = rules()
    words = _words(name)
    is_person = type_ == PERSON
    if is_person:
        titles = person_titles()
        while len(words) > 1 and words[0] in titles:
            words = words[1:]
    raw = ascii_text(_QUOTED.sub(" ", name)).split()
    single = re.sub(r"[^a-z0-9]", "", raw[0].lower()) if len(raw) == 1 and not is_person else None
    written_as_acronym = bool(single) and sum(c.isupper() for c in raw[0]) >= 2 and bool(_ACRONYM.fullmatch(raw[0]))
    acronyms = frozenset() if is_person else frozenset(a for a in _acronym_spellings(words, False) if len(a) >= 2)
    translated = frozenset() if is_person else frozenset(
        a for a in _acronym_spellings(words, True) - acronyms if len(a) >= 3)
    units: list[str] = []
    joiners, suffixes, prefixes = set(r["joiners"]), set(r["joined_suffixes"]), set(r["joined_prefixes"])
    dropped = set(r["articles"]) | set(r["nasab"])
    if not is_person:
        dropped |= set(r["org_stopwords"]) | set(r["izafat"])
    glue_next = False
    for i, word in enumerate(words):
        if word in joiners and units and i + 1 < len(words):
            units[-1] += word
            glue_next = True
            continue
        if word in dropped and len(words) > 1:
            continue
        if glue_next or (word in suffixes and units):
            units[-1] += word
            glue_next = False
        elif word in prefixes and i + 1 < len(words):
            units.append("abd" if word.startswith("abd") else word)
            glue_next = True
        else:
            units.append(word)
    units = [_glued_prefix(u) for u in units if u]
    concepts = () if is_person else tuple(_concept(u) for u in units)
    return ParsedName(tuple(units), single, acronyms, translated, concepts, written_as_acronym)


def _glued_prefix(unit: str) -> str:
    """A name written solid with its "Abdul"/"Abdel"/"Abdur" prefix begins "abd", as the
    parts written apart do ("Abdulqadir" = "Abdul Qadir"); Somali writes its ayn as c
    ("Cabdullaahi" = "Abdullahi")."""
    unit = unit[1:] if unit.startswith("cabd") else unit
    for prefix in sorted(rules()["joined_prefixes"], key=len, reverse=True):
        if prefix.startswith("abd") and unit.startswith(prefix) and len(unit) > len(prefix) + 2:
            return "abd" + unit[len(prefix):]
    return unit


def _acronym_spellings(words: list[str], translated: bool) -> set[str]:
    """The letters a name's words spell: of every word, and of its words but the stopwords
    (with or without the articles: AQIM is "al-Qaida in the Islamic Maghreb"), the izafat
    ("e" of Lashkar-e-Taiba: LeT, but TTP for Tehrik-e-Taliban Pakistan) or both; each also
    with its organisation words in another language (in Russian: Federal Security Service →
    FSS), and in the word orders of a head-initial language (`_head_initial_orders`); without
    `translated`, only the name's own words in its own order. Two letters in another language
    say too little (most two-letter strings spell something in one of them)."""
    r = rules()
    stopwords = set(r["org_stopwords"])
    spelled = set()
    articles = set(r["articles"])
    languages = _org_words().initials if translated else {}
    for skipped in (set(), stopwords - set(r["acronym_articles"]), stopwords, stopwords | set(r["izafat"]),
                    stopwords | set(r["izafat"]) | articles):
        kept = [w for w in words if w not in skipped]
        spelled.add("".join(w[0] for w in kept))
        if len(kept) >= 3:
            spelled.update(filter(None, (_initials_in(kept, language) for language in languages)))
    orders = [order for order in _head_initial_orders(words) if len(order) >= 3] if translated else []
    for language in _org_words().head_initial:
        spelled.update(filter(None, (_initials_in(order, language) for order in orders)))
    return spelled


def _initials_in(words: list[str], language: str) -> str | None:
    """The initials of `words` said in `language`, or None when the name cannot be said there:
    one of its organisation words has no word in that language, or two of its words (not
    articles) are none of the table's (only a proper name, Colombia or Kurdistan, stays)."""
    table = _org_words()
    initials = table.initials[language]
    unknown = [w for w in words if w not in table.concept and w not in rules()["acronym_articles"]]
    if len(unknown) > 1 or any(w in table.concept and table.concept[w] not in initials for w in words):
        return None
    return "".join(initials.get(_concept(w), w[0]) for w in words)


def _head_initial_orders(words: list[str]) -> list[list[str]]:
    """An English name's words in the orders a head-initial language (Spanish, French, Arabic,
    Kurdish) gives them: each run of words between stopwords turned round (National Liberation
    Army → Ejército de Liberación Nacional, ELN) or with its last word, the head, put first
    (Jalisco New Generation Cartel → Cártel de Jalisco Nueva Generación, CJNG). An article
    stays with its word (al-Qaida au Maghreb islamique, AQMI)."""
    r = rules()
    breaks = set(r["org_stopwords"]) | set(r["izafat"])
    articles = set(r["acronym_articles"])
    runs: list[list[list[str]]] = [[]]
    article: list[str] = []
    for word in words:
        if word in articles:
            article.append(word)
        elif word in breaks:
            runs.append([])
        else:
            runs[-1].append([*article, word])
            article = []
    reversed_runs = [group for run in runs for group in reversed(run)]
    head_first = [group for run in runs for group in run[-1:] + run[:-1]]
    return [[w for group in order for w in group] for order in (reversed_runs, head_first)]


@dataclass(frozen=True)
class OrgWords:
    """The organisation words of newsgraph/data/org_words.json: the concept of each word, per
    language the initial each concept has there, and the languages whose noun phrases put
    the head first."""

    concept: dict[str, str]
    initials: dict[str, dict[str, str]]
    head_initial: tuple[str, ...]


@cache
def _org_words() -> OrgWords:
    data = read_json("org_words.json")
    concept: dict[str, str] = {}
    initials: dict[str, dict[str, str]] = {}
    for name, languages in data["concepts"].items():
        for language, words in languages.items():
            initials.setdefault(language, {})[name] = words[0][0]
            concept.update((word, name) for word in words)
    return OrgWords(concept, initials, tuple(data["head_initial"]))


def _concept(unit: str) -> str:
    """The concept an organisation word says in whichever language (fuerzas → forces), else the word."""
    return _org_words().concept.get(unit, unit)


@lru_cache(maxsize=200_000)
def _readings(unit: str) -> frozenset[str]:
    """The ways a unit may be read before its skeleton is taken. Somali spelling writes ayn as
    initial c (Cali = Ali) and h as x (Xasan = Hassan); elsewhere x is ks, so both readings of
    x are kept. A Russian initial ye is also written e (Yevloyev = Evloev), but ya is never a,
    so a name with ye is read both with and without its y."""
    word = re.sub(r"^c(?=[aeiou])", "", unit)
    readings = {word.replace("x", "h"), word.replace("x", "ks")}
    return frozenset(readings | {r[1:] for r in readings if r.startswith("ye")})


@lru_cache(maxsize=200_000)
def skeletons(unit: str) -> frozenset[str]:
    """Romanisation skeletons of a unit's readings: first letter (a vowel as "a") and its
    consonants once spelling habits are undone (ph/f, kh/k, q/k, c/k, ...), h and vowels left
    out."""
    return frozenset(_skeleton(v) for v in _readings(unit))


@cache
def _spellings() -> list[tuple[re.Pattern, str]]:
    """The `spellings` of resolution.json, compiled once."""
    return [(re.compile(written), said) for written, said in rules()["spellings"]]


@lru_cache(maxsize=200_000)
def _spell(word: str) -> str:
    for written, said in _spellings():
        word = written.sub(said, word)
    return word


@lru_cache(maxsize=200_000)
def _skeleton(word: str) -> str:
    word = _spell(word)
    if not word:
        return ""
    head = "a" if word[0] in VOWELS and not word.startswith("y") else word[0]
    body = re.sub(rf"[{VOWELS}h]", "", word[1:])
    return _collapse(head + body)


@lru_cache(maxsize=200_000)
def _vowel_slots(unit: str) -> dict[int, str]:
    """The vowels of a unit keyed by how many consonants precede them, so that a vowel one
    spelling inserts (Fazl/Fazal) has no counterpart to clash with."""
    word = _collapse(_spell(re.sub(r"^c(?=[aeiou])", "", unit)).replace("h", ""))
    slots: dict[int, str] = {}
    consonants = 0
    for i, char in enumerate(word):
        if char in VOWELS and not (char == "y" and i == 0):
            slots[consonants] = slots.get(consonants, "") + char
        else:
            consonants += 1
    return slots


def _vowels_compatible(a: str, b: str) -> bool:
    """Vowels of two skeleton-equal units tell the same name: the first vowel of a compatible
    class (Hassan ≠ Hussein), at most one other clash (Yusuf/Youssef), the same ending (a name
    ending in a vowel is not one ending in a consonant: Aleksandr/Aleksandra)."""
    if (_spell(a)[-1] in VOWELS) != (_spell(b)[-1] in VOWELS):
        return False
    slots_a, slots_b = _vowel_slots(a), _vowel_slots(b)
    clashes = [
        slots_a[slot][0] != slots_b[slot][0] and {slots_a[slot][0], slots_b[slot][0]} not in _COMPATIBLE_VOWELS
        for slot in sorted(slots_a.keys() & slots_b.keys())
    ]
    return not (clashes and clashes[0]) and sum(clashes) <= 1


@lru_cache(maxsize=500_000)
def unit_similarity(a: str, b: str) -> float:
    """How alike two units are: 1 when equal, `skeleton_match` when they are one name in two
    romanisations (a one-letter skeleton says too little), else their edit similarity; an
    extension of the other is another name."""
    if _collapse(a) == _collapse(b):
        return 1.0
    given_a, given_b = _given_name(a), _given_name(b)
    if given_a is not None and given_b is not None:
        # Two spellings of one listed name, or two listed names (Muhammad, Mahmud) that look alike.
        return thresholds()["skeleton_match"] if given_a == given_b else _unlike(a, b)
    spelled_a, spelled_b = _collapse(_spell(a)), _collapse(_spell(b))
    if spelled_a == spelled_b:
        return thresholds()["skeleton_match"]
    if spelled_a.startswith(spelled_b) or spelled_b.startswith(spelled_a):
        return min(Levenshtein.normalized_similarity(spelled_a, spelled_b), thresholds()["review"] - 0.02)
    if any(len(_skeleton(ra)) > 1 and _skeleton(ra) == _skeleton(rb) and _vowels_compatible(ra, rb)
           for ra in _readings(a) for rb in _readings(b)):
        return thresholds()["skeleton_match"]
    shared = _shared_prefix(a, b)
    if shared:
        return unit_similarity(a[len(shared):], b[len(shared):])
    return Levenshtein.normalized_similarity(a, b)


def _unlike(a: str, b: str) -> float:
    """The similarity of two units known to be two names: their edit similarity, kept under
    the review band's top so that it can list them but never merge them."""
    return min(Levenshtein.normalized_similarity(a, b), thresholds()["review"] - 0.02)


@cache
def _given_names() -> dict[str, int]:
    """Each spelling of a given name in romanisation.json (as a unit: "abdullahi" →
    "abdlahi"), with the index of the name it spells."""
    groups = read_json("romanisation.json")["given_names"]
    return {_collapse(_glued_prefix(spelling)): i for i, group in enumerate(groups) for spelling in group}


def _given_name(unit: str) -> int | None:
    return _given_names().get(_collapse(unit))


@lru_cache(maxsize=200_000)
def chinese_unit_similarity(a: str, b: str) -> float:
    """Two parts of Chinese names: one name when they read as the same pinyin syllables in
    either system (Tse-tung = Zedong, Chou = Zhou), else two names (Peng ≠ Ping)."""
    if _collapse(a) == _collapse(b):
        return 1.0
    if chinese_readings(a) & chinese_readings(b):
        return thresholds()["skeleton_match"]
    return _unlike(a, b)


@lru_cache(maxsize=200_000)
def korean_unit_similarity(a: str, b: str) -> float:
    """Two parts of Korean names: one family name in two customary spellings (Park, Pak), or
    one given-name syllable in McCune-Reischauer and Revised Romanisation (Kun, Geun); else
    as any other two units."""
    family_a = korean_family_name(a)
    if (family_a is not None and family_a == korean_family_name(b)) or korean_key(a) == korean_key(b):
        return max(unit_similarity(a, b), thresholds()["skeleton_match"])
    return unit_similarity(a, b)


def _unit_similarity_for(a: ParsedName, b: ParsedName, type_: str) -> tuple[Callable[[str, str], float], str | None]:
    """The unit comparison for two names, and the reason to give when it is not by spelling:
    syllable by syllable when both are Chinese-shaped (a frequent Chinese family name at one
    end, every part one or two syllables of pinyin or Wade-Giles), by the Korean systems when
    both are Korean-shaped (a Korean family name at one end, every other part Korean
    syllables), else by spelling."""
    if type_ == PERSON and _chinese_shaped(a.units) and _chinese_shaped(b.units):
        return chinese_unit_similarity, "compared as Chinese syllables (pinyin and Wade-Giles)"
    if type_ == PERSON and _korean_shaped(a.units) and _korean_shaped(b.units):
        return korean_unit_similarity, "compared as Korean (McCune-Reischauer and Revised Romanisation)"
    return unit_similarity, None


@lru_cache(maxsize=200_000)
def _chinese_shaped(units: tuple[str, ...]) -> bool:
    return (2 <= len(units) <= 4 and (chinese_family_name(units[0]) or chinese_family_name(units[-1]))
            and all(chinese_readings(u, 2) for u in units))


@lru_cache(maxsize=200_000)
def _korean_shaped(units: tuple[str, ...]) -> bool:
    if not 2 <= len(units) <= 4:
        return False
    for family, given in ((units[0], units[1:]), (units[-1], units[:-1])):
        if korean_family_name(family) is not None and all(korean_syllables(u) for u in given):
            return True
    return False


def _shared_prefix(a: str, b: str) -> str:
    """A glued prefix ("abd", "abu") both units begin with: the rest is the name to compare."""
    for prefix in ("abd", "abu", "umm"):
        if a.startswith(prefix) and b.startswith(prefix) and min(len(a), len(b)) > len(prefix) + 1:
            return prefix
    return ""


@dataclass(frozen=True)
class _Step:
    """One step of an alignment: units a[i:i+width_a] matched with b[j:j+width_b] (a width of 0: a skip)."""

    i: int
    width_a: int
    j: int
    width_b: int
    similarity: float


_MOVES = ((1, 1), (2, 1), (1, 2), (1, 0), (0, 1))  # units of a, units of b taken by one step


def align(a: tuple[str, ...], b: tuple[str, ...],
          similarity: Callable[[str, str], float] = unit_similarity) -> list[_Step]:
    """The order-keeping alignment of two unit sequences with the greatest total similarity; a
    unit may match one or two adjacent units of the other name, written solid or apart. Each
    state keeps only its best first step (the rest is read back from the states after it), so
    a comparison builds no list per option: it runs for every candidate pair."""
    n, m = len(a), len(b)
    gain: dict[tuple[int, int], float] = {(n, m): 0.0}
    first: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if (i, j) == (n, m):
                continue
            best = None
            for k, w in _MOVES:
                if i + k > n or j + w > m:
                    continue
                sim = similarity("".join(a[i:i + k]), "".join(b[j:j + w])) if k and w else 0.0
                total = (sim - 0.5 if k and w else 0.0) + gain[(i + k, j + w)]
                if best is None or total > best[0]:
                    best = (total, k, w, sim)
            gain[(i, j)], first[(i, j)] = best[0], best[1:]
    steps, i, j = [], 0, 0
    while (i, j) != (n, m):
        k, w, sim = first[(i, j)]
        steps.append(_Step(i, k, j, w, sim))
        i, j = i + k, j + w
    return steps


def compare(a: str, b: str, type_: str) -> Score:
    """Score of the names `a` and `b`, both of type `type_`, with each aligned part and reasons.
    The reference list lifts names it gives one actor (or a listed name and an acronym of one)
    to that actor's, unless their spelling already scores higher; names it gives two different
    actors score below the review band whatever their spelling."""
    pa, pb = parse(a, type_), parse(b, type_)
    if not pa.units or not pb.units:
        return Score(0.0, {}, ("a name with no letters",))
    known_a, known_b = known_actors(a, type_), known_actors(b, type_)
    shared = (known_a.listed & known_b.actors) | (known_a.actors & known_b.listed)
    score = _name_score(pa, pb, type_)
    if shared:
        if score.value >= thresholds()["reference_match"]:
            return score
        actors = ", ".join(sorted(_reference().names[i] for i in shared))
        return Score(thresholds()["reference_match"], {KNOWN: 1.0}, (f"the reference list names {actors} so",))
    if known_a.listed and known_b.listed and score.value >= thresholds()["review"]:
        actors = "; ".join(sorted({_reference().names[i] for i in known_a.listed | known_b.listed}))
        return Score(round(thresholds()["review"] - 0.1, 3), score.parts,
                     (*score.reasons, f"the reference list names two different actors: {actors}"))
    return score


def _name_score(pa: ParsedName, pb: ParsedName, type_: str) -> Score:
    """The score from the names' spelling alone: acronym, alignment of the units (for an
    organisation also in another word order or another language), family name first."""
    t = thresholds()
    if type_ != PERSON:
        acronym = _acronym_match(pa, pb) or _acronym_match(pb, pa)
        if acronym:
            return Score(acronym[1], {ACRONYM: 1.0}, (acronym[0],))
    if pa.units == pb.units:
        return Score(1.0, {" ".join(pa.units): 1.0}, ("the same name once folded",))
    if pa.written_as_acronym or pb.written_as_acronym:
        return Score(0.0, {}, ("an acronym matches only its own letters or the name it spells",))
    similarity, system = _unit_similarity_for(pa, pb, type_)
    score = _aligned_score(pa.units, pb.units, type_, similarity)
    if type_ != PERSON and score.value < t["merge"]:
        # Translated, a name of two words is too generic to merge on: "Army of Islam" is both
        # a group in Gaza and, as Jaysh al-Islam, one in Syria; it goes to review.
        translated_best = t["skeleton_match"] if min(len(pa.units), len(pb.units)) > 2 else t["review"]
        for a, b, why, best in ((pa.units, pb.units, "the same words in another order", 1.0),
                                (pa.concepts, pb.concepts, "the same words in another language", translated_best)):
            unordered = _aligned_score(tuple(sorted(a)), tuple(sorted(b)), type_)
            if min(unordered.value, best) > score.value:
                score = Score(min(unordered.value, best), unordered.parts, (*unordered.reasons, why))
    if type_ == PERSON and score.value < t["merge"]:
        for turned_a, turned_b in ((_family_name_first(pa.units), pb.units), (pa.units, _family_name_first(pb.units))):
            if turned_a is not None and turned_b is not None:
                turned = _aligned_score(turned_a, turned_b, type_, similarity)
                if turned.value > score.value:
                    score = Score(turned.value, turned.parts, (*turned.reasons, "family name first in one of them"))
    return Score(score.value, score.parts, (*score.reasons, system)) if system else score


def _reference_key(name: str, type_: str) -> str:
    """What a name is looked up by in the reference list: its units written solid, doubled
    letters once and spelling habits undone ("Lashkar-i-Taiba" = "Lashkar-e-Taiba"); a
    one-word name (an acronym: "CN" is not "KN") by its letters as written."""
    parsed = parse(name, type_)
    return parsed.single_word or "".join(_collapse(_spell(u)) for u in parsed.units)


def _listed_acronyms(name: str, type_: str) -> set[str]:
    """The acronyms of three letters or more a listed name spells in its own words (no
    translation: a list of hundreds of names would otherwise spell most short letter strings)."""
    parsed = parse(name, type_)
    return {a for a in parsed.acronyms if len(a) >= 3} if len(parsed.units) > 1 else set()


@cache
def _reference() -> ReferenceIndex:
    """The reference list of actors (known_actors), indexed by the matcher's keys."""
    return build_index(load_lexicon().entities, _reference_key, _listed_acronyms)


@lru_cache(maxsize=200_000)
def known_actors(name: str, type_: str) -> Lookup:
    """The reference-list actors `name` is a listed name of, or else spells the acronym of."""
    return _reference().lookup(type_, _reference_key(name, type_), parse(name, type_).single_word)


def _family_name_first(units: tuple[str, ...]) -> tuple[str, ...] | None:
    """The name turned round when it ends in an East Asian family name ("Sung-ho Kim" → "Kim Sung-ho")."""
    if len(units) > 1 and units[-1] in rules()["family_name_first"]:
        return (units[-1], *units[:-1])
    return None


def _acronym_match(short: ParsedName, long: ParsedName) -> tuple[str, float] | None:
    """Why `short` is the acronym of `long`, and the score, or None: its letters (a trailing
    number aside: MS-13) spell the words of `long` (`skeleton_match`), or only the words of
    `long` said in another language and its word order (FARC, ELN, CJNG), the weaker reading
    (`merge`): an acronym that spells one name in its own words and another in translation is
    the first one's."""
    if not short.single_word or len(long.units) < 2:
        return None
    letters = _acronym_letters(short.single_word)
    if hit := letters & long.acronyms:
        return f"{min(hit).upper()} is the acronym of the other name", thresholds()["skeleton_match"]
    if hit := letters & long.translated_acronyms:
        return f"{min(hit).upper()} is the acronym of the other name said in another language", thresholds()["merge"]
    return None


def _acronym_letters(word: str) -> set[str]:
    """The letters a one-word name may spell: all of it, and without a trailing number (MS-13)."""
    return {word, re.sub(r"(?<=[a-z])\d+$", "", word)}


def _aligned_score(a: tuple[str, ...], b: tuple[str, ...], type_: str,
                   similarity: Callable[[str, str], float] = unit_similarity) -> Score:
    steps = align(a, b, similarity)
    matched = [s for s in steps if s.width_a and s.width_b]
    parts = {f"{''.join(a[s.i:s.i + s.width_a])}~{''.join(b[s.j:s.j + s.width_b])}": round(s.similarity, 3) for s in matched}
    skipped_a = [a[s.i] for s in steps if s.width_a and not s.width_b]
    skipped_b = [b[s.j] for s in steps if s.width_b and not s.width_a]
    problem = _structure_problem(steps, a, b, skipped_a, skipped_b, type_)
    if not matched:
        return Score(0.0, parts, ("no part of one name matches a part of the other",))
    t = thresholds()
    weakest = min(s.similarity for s in matched)
    value = sum(s.similarity for s in matched) / len(matched) - t["dropped_part_penalty"] * (len(skipped_a) + len(skipped_b))
    reasons = [f"parts aligned: {', '.join(parts)}"]
    if skipped_a or skipped_b:
        reasons.append(f"left out: {', '.join(skipped_a + skipped_b)}")
    if weakest < t["part_match"]:
        value = min(value, weakest)
        reasons.append(f"a part differs (similarity {weakest:.2f})")
    if problem:
        value = min(value, t["review"] - 0.1)
        reasons.append(problem)
    return Score(round(max(value, 0.0), 3), parts, tuple(reasons))


def _structure_problem(steps: list[_Step], a, b, skipped_a, skipped_b, type_: str) -> str | None:
    """Why the alignment cannot be one actor's two names, or None."""
    if skipped_a and skipped_b:
        return "each name has a part the other lacks"
    if type_ != PERSON:
        return "one name has words the other lacks" if skipped_a or skipped_b else None
    if min(len(a), len(b)) < 2 and max(len(a), len(b)) > 1:
        return "a single name against a fuller one (a shared surname alone is not one person)"
    first, last = steps[0], steps[-1]
    if not (first.width_a and first.width_b):
        return "the given names differ (one name starts with a part the other lacks)"
    if not (last.width_a and last.width_b):
        longer_skipped = skipped_a or skipped_b
        trailing = all(not (s.width_a and s.width_b) for s in steps[len(steps) - len(longer_skipped):])
        if not trailing or min(len(a), len(b)) < 3:
            return "the surnames differ (one name ends with a part the other lacks)"
    return None


def blocking_keys(name: str, type_: str) -> set[str]:
    """Keys under which `name` meets its candidate matches; two names are compared only when
    they share a key (and a type). A key is phonetic (skeleton or metaphone) and spans the
    parts a match needs: for a person, the given name (or its initial) with the surname (also written solid,
    family name first, or with a trailing second surname dropped); for an organisation, all
    its words in any order and its concepts in any order (a translation); the whole name
    written solid (for a Chinese name, its pinyin readings); acronym letters; the
    reference-list actors it names. A one-letter code of a
    whole name ("NE") or a two-letter syllable at a name's end says too little to be a key of
    its own."""
    parsed = parse(name, type_)
    units = parsed.units
    keys = {f"w:{code}" for code in _codes("".join(units)) if len(code) > 1}
    if type_ == PERSON:
        for first, last in _person_ends(units):
            keys.update(f"p:{a}|{b}" for a, b in zip(_codes(first), _codes(last), strict=True))
            keys.add(f"i:{first[0]}|{_codes(last)[1]}")  # a given name misspelt beyond its codes
        if _chinese_shaped(units):  # Mao Tse-tung meets Mao Zedong by its pinyin
            keys.update(f"z:{reading}" for reading in chinese_readings("".join(units)))
    elif len(units) > 1:
        keys.update("o:" + "|".join(sorted(codes)) for codes in zip(*(_codes(u) for u in units), strict=True))
        keys.add("c:" + "|".join(sorted(parsed.concepts)))  # the same words in another language
    if parsed.single_word:
        keys.update(f"a:{letters}" for letters in _acronym_letters(parsed.single_word))
    keys.update(f"a:{a}" for a in parsed.acronyms | parsed.translated_acronyms)
    keys.update(f"r:{actor}" for actor in known_actors(name, type_).actors)
    return keys


@lru_cache(maxsize=200_000)
def _codes(piece: str) -> tuple[str, str]:
    """A piece's phonetic codes: its shortest skeleton and its metaphone (cached: a given name
    or a surname recurs in many names)."""
    return min(skeletons(piece)), jellyfish.metaphone(piece)


def _person_ends(units: tuple[str, ...]) -> set[tuple[str, str]]:
    """(given, surname) pieces a matching name must share: each end alone or written solid
    with its neighbour, the name turned round when it ends in a family name, and the name
    without a trailing second surname when three parts remain (as `compare` allows: with two
    left, "José Luis" of "José Luis Salas" would block every José Luis together)."""
    orders = [units]
    turned = _family_name_first(units)
    if turned:
        orders.append(turned)
    if len(units) >= 4:
        orders.append(units[:-1])
    ends = set()
    for order in orders:
        if len(order) < 2:
            continue
        firsts = _end_pieces(order[0], order[1]) if len(order) > 2 else {order[0]}
        lasts = _end_pieces(order[-1], order[-2], last=True) if len(order) > 2 else {order[-1]}
        ends.update((f, la) for f in firsts for la in lasts)
    return ends


def _end_pieces(end: str, neighbour: str, last: bool = False) -> set[str]:
    """An end of a name alone and written solid with its neighbour; a syllable of two letters
    ("bi" of "Ha-bbi Kim") only written solid, or it would block with every name that ends in
    a syllable of that consonant."""
    solid = neighbour + end if last else end + neighbour
    return {solid} if len(_collapse(end)) <= 2 else {end, solid}
