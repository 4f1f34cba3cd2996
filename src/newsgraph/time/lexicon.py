"""English time vocabulary and recognition patterns, loaded once from data/time_en*.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.time.reading import Rule
from newsgraph.time.rules import rule_for
from newsgraph.time.values import Duration


def _alternation(words) -> str:
    """A regex alternation of `words`, longest first, with flexible inner spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@dataclass(frozen=True)
class Pattern:
    kind: str
    regex: re.Pattern
    rule: Rule  # what reads its matches, looked up by kind when the file is loaded


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    modifiers: dict[str, str]
    quantifier_mods: dict[str, str]
    fuzzy: dict[str, str]
    fuzzy_needs_noun: frozenset[str]
    sets: dict[str, str]
    holidays: dict[str, str]
    decade_words: dict[str, int]
    # "earlier this month": earlier than the DCT, which the month holds
    utc_zones: frozenset[str]
    comparative_modifiers: dict[str, str]
    # "the past eight years", "the next few days": a length that ends or begins at the DCT
    dct_spans: dict[str, str]
    # how far a vague count of a unit reaches ("in the coming days": two weeks at most)
    vague_reach: dict[str, Duration]
    future_markers: re.Pattern
    past_verb_before: re.Pattern
    past_verb_after: re.Pattern  # ", it announced": the main verb after a fronted adverbial
    # "The trial resumes on Monday": a present tense that names a timetable, so the future
    schedule_verb_before: re.Pattern
    # "(a week after) the raid", "that visit": an event the story has told
    event_anaphor: re.Pattern
    patterns: tuple[Pattern, ...]
    # Words without which no pattern can match: the recogniser only looks near them.
    triggers: re.Pattern

    def number(self, text: str) -> float | None:
        """Value of a number written in digits or words ("twenty-five", "2,000"); None if vague."""
        key = " ".join(text.lower().replace("-", " ").split())
        if key in self.numbers:
            return self.numbers[key]
        digits = key.replace(",", "")
        try:
            return float(digits)
        except ValueError:
            pass
        total = 0.0
        for word in key.split():
            if word not in self.numbers:
                return None
            value = self.numbers[word]
            total = total * value if value in (100, 1000) and total else total + value
        return total or None


def _number_regex(numbers: dict[str, float]) -> str:
    units = [w for w, v in numbers.items() if v < 10 and " " not in w]
    tens = [w for w, v in numbers.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    words = _alternation(numbers)
    compound = f"{_alternation(tens)}[\\s-]{_alternation(units)}"
    return rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{compound}|{words})"


@cache
def lexicon() -> Lexicon:
    """The English lexicon from the package data, loaded once."""
    data_dir = resources.files("newsgraph.data")
    words = json.loads((data_dir / "time_en.json").read_text(encoding="utf-8"))
    spec = json.loads((data_dir / "time_en_patterns.json").read_text(encoding="utf-8"))
    return load_lexicon(words, spec)


def load_lexicon(words: dict, spec: dict) -> Lexicon:
    """A lexicon from the vocabulary (time_en.json) and the patterns (time_en_patterns.json);
    a pattern whose kind no rule reads raises UnknownPatternKind."""
    month_forms = [m + r"\." if len(m) <= 4 and m != "may" else m for m in words["months"]]
    month_forms += [m for m in words["months"] if len(m) <= 4 and m != "may"]
    weekday_forms = [w for w in words["weekdays"] if len(w) > 3]
    placeholders = {
        "MONTH": "(?:" + "|".join(sorted(month_forms, key=len, reverse=True)) + r")(?![a-z])",
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])",
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
        "WEEKDAY": _alternation(weekday_forms),
        "NUM": _number_regex(words["number_words"]),
        "VAGUE": _alternation(words["vague_quantities"]),
        "UNIT": _alternation(words["units"]),
        "CAL_UNIT": r"(?:day|week|weekend|month|quarter|year|decade|century|morning|afternoon|evening|night)",
        "ORD": _alternation(words["ordinals"]),
        "SEASON": _alternation(words["seasons"]),
        "POD": _alternation(words["parts_of_day"]),
        "MOD": _alternation(words["modifiers"]),
        "UNITS": _alternation(
            w
            for w, v in words["number_words"].items()
            if 1 <= v <= 9 and " " not in w and w not in ("a", "an")
        ),
        "TEENS": _alternation(w for w, v in words["number_words"].items() if 10 <= v <= 19),
        "TENS": _alternation(
            w for w, v in words["number_words"].items() if v in (20, 30, 40, 50, 60, 70, 80, 90)
        ),
        "DECADE_WORD": _alternation(words["decade_words"]),
        "EVENT": _alternation(words["event_nouns"]),
        "QMOD": _alternation(words["quantifier_mods"]),
        "FUZZY": _alternation(words["fuzzy"]),
        "SET": _alternation(words["sets"]),
        "HOLIDAY": _alternation(words["holidays"]),
        "ZONE": _alternation(words["time_zones"]),
    }

    def expand(template: str) -> str:
        return re.sub(r"\{([A-Z_]+)\}", lambda m: placeholders[m.group(1)], template)

    # "nineteen ninety-six", "two thousand and one"
    placeholders["SPELLED_YEAR"] = expand(
        r"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:{TENS}(?:[\s-]+{UNITS})?|oh[\s-]+{UNITS}|{TEENS})"
        r"|two\s+thousand(?:\s+(?:and\s+)?(?:{UNITS}|{TEENS}))?)"
    )

    patterns = tuple(
        Pattern(p["kind"], re.compile(r"(?<![\w'])" + expand(p["pattern"])), rule_for(p["kind"]))
        for p in spec["patterns"]
    )
    return Lexicon(
        months=words["months"],
        ambiguous_months=frozenset(words["ambiguous_months"]),
        weekdays=words["weekdays"],
        numbers={k: float(v) for k, v in words["number_words"].items()},
        vague=frozenset(words["vague_quantities"]),
        ordinals=words["ordinals"],
        units=words["units"],
        seasons=words["seasons"],
        parts_of_day=words["parts_of_day"],
        modifiers=words["modifiers"],
        quantifier_mods=words["quantifier_mods"],
        fuzzy=words["fuzzy"],
        fuzzy_needs_noun=frozenset(words["fuzzy_adjectives_need_noun"]),
        sets=words["sets"],
        holidays=words["holidays"],
        decade_words=words["decade_words"],
        utc_zones=frozenset(words["utc_zones"]),
        comparative_modifiers=words["comparative_modifiers"],
        dct_spans=words["dct_spans"],
        vague_reach={unit: Duration(amount, step) for unit, (amount, step) in words["vague_reach"].items()},
        # "next to the embassy" is a place, not a time ahead
        future_markers=re.compile(
            r"(?<![\w'])(?!" + _alternation(words["not_future_markers"]) + r"\b)"
            + _alternation(words["future_markers"]) + r"\b",
            re.IGNORECASE,
        ),
        past_verb_before=re.compile(
            r"(?:\b\w+ed|"
            + _alternation(words["past_cues"])
            + r")\s+(?:on\s+|in\s+|late\s+|early\s+|last\s+)?$",
            re.IGNORECASE,
        ),
        past_verb_after=re.compile(
            r",?\s+(?:(?:the|a|an|its|his|her|their|it|he|she|they|we|i|\w+'s)\s+)?(?:\w+\s+){0,2}?"
            r"(?:\w+ed|" + _alternation(words["past_cues"]) + r")\b",
            re.IGNORECASE,
        ),
        schedule_verb_before=re.compile(
            r"(?<![\w'])" + _alternation(words["schedule_verbs"]) + r"\b[^.;,\n]{0,40}$", re.IGNORECASE
        ),
        # an adjective may come between ("the deadly raid"), a name not ("the Kano rally")
        event_anaphor=re.compile(
            r"\s+(?:[Tt]he|[Tt]hat|[Tt]his|[Tt]he same)\s+(?:[a-z][\w'-]*\s+)?"
            + placeholders["EVENT"]
            + r"\b"
        ),
        patterns=patterns,
        triggers=_triggers(words),
    )


def _triggers(words: dict) -> re.Pattern:
    vocabulary = set(words["months"]) | set(words["weekdays"]) | set(words["units"]) | set(words["seasons"])
    vocabulary |= set(words["parts_of_day"]) | set(words["sets"]) | set(words["decade_words"])
    vocabulary |= set(words["event_nouns"]) | {
        "nineteen",
        "twenty",
        "thousand",
        "noon",
        "midnight",
        "midday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "half",
        "period",
        "quarterly",
        "fiscal",
        "christmas",
    }
    vocabulary |= {phrase.split()[0] for phrase in list(words["fuzzy"]) + list(words["holidays"])}
    vocabulary |= {phrase.split()[-1] for phrase in list(words["fuzzy"]) + list(words["holidays"])}
    return re.compile(r"\d|\b" + _alternation(w.rstrip(".") for w in vocabulary))
