"""Pattern kinds and their rules: every kind in the pattern file has one rule, an unknown kind
fails when the file is loaded, and each candidate is read by the rule of its kind."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from newsgraph.time.clauses import Clauses
from newsgraph.time.lexicon import lexicon, load_lexicon
from newsgraph.time.narrative import Narrative
from newsgraph.time.reading import Context
from newsgraph.time.recognise import candidates
from newsgraph.time.rules import RULES, UnknownPatternKind, read, rule_for
from newsgraph.time.values import Duration


def package_json(name: str) -> dict:
    return json.loads((resources.files("newsgraph.data") / name).read_text(encoding="utf-8"))


def test_the_pattern_file_and_the_rules_name_the_same_kinds():
    assert {p.kind for p in lexicon().patterns} == set(RULES)


def test_a_pattern_of_an_unknown_kind_fails_when_the_lexicon_loads():
    spec = package_json("time_en_patterns.json")
    spec["patterns"].append({"kind": "fortnightly", "pattern": "every\\s+fortnight"})
    with pytest.raises(UnknownPatternKind, match="'fortnightly'.*known kinds: ago, calendar"):
        load_lexicon(package_json("time_en.json"), spec)


def test_rule_for_names_the_rule_of_a_kind():
    assert rule_for("clock") is RULES["clock"]
    with pytest.raises(UnknownPatternKind):
        rule_for("Calendar")


def test_each_candidate_is_read_by_the_rule_of_its_kind():
    text = "Talks began on 3 May 2021 and lasted two weeks."
    lex = lexicon()
    context = Context(text, lex, Clauses(text, lex), Narrative(date(2021, 6, 1)))
    first = {}
    for candidate in candidates(text, lex):
        assert candidate.rule is RULES[candidate.kind]
        first.setdefault(text[candidate.start : candidate.end], candidate)
    calendar = read(first["3 May 2021"], context)
    assert (calendar.type, calendar.value, calendar.explicit_year) == ("DATE", "2021-05-03", True)
    length = read(first["two weeks"], context)
    assert (length.type, length.value, length.duration.step()) == ("DURATION", "P2W", Duration(2, "W"))
