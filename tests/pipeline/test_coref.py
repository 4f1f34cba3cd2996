"""Coreference on small hand-written texts (invented people, real places) with the real spaCy parse.

Mentions are written out by hand so each test pins one rule, including the model's typical
mistakes (a bare surname typed as a place); the expected groupings are spelled out below.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsgraph.model import Analysis, Document, Entity, Mention, fold
from newsgraph.pipeline.coref import CorefStage, read_name
from newsgraph.pipeline.nlp import load_nlp
from newsgraph.pipeline.sentences import SentenceStage


@dataclass
class M:
    """A hand-written mention: the `nth` occurrence (0-based) of `text` in the document."""

    text: str
    type: str
    nth: int = 0
    kind: str = "name"
    canonical: str | None = None


def analyse(text: str, specs: list[M]) -> Analysis:
    document = Document(text=text)
    analysis = SentenceStage()(Analysis(document=document, parsed=load_nlp()(text)))
    for spec in specs:
        start = -1
        for _ in range(spec.nth + 1):
            start = text.index(spec.text, start + 1)
        analysis.mentions.append(
            Mention(
                doc=document.id,
                start=start,
                end=start + len(spec.text),
                text=spec.text,
                type=spec.type,
                kind=spec.kind,
                canonical=spec.canonical,
            )
        )
    analysis = CorefStage()(analysis)
    check_invariants(analysis)
    return analysis


def check_invariants(analysis: Analysis) -> None:
    text = analysis.document.text
    by_id = {e.id: e for e in analysis.entities}
    assert len(by_id) == len(analysis.entities)
    assert [m.start for m in analysis.mentions] == sorted(m.start for m in analysis.mentions)
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
        assert m.entity in by_id and m.type == by_id[m.entity].type
    for entity in analysis.entities:
        assert entity.id == Entity.make_id(entity.type, entity.name)
        assert analysis.mentions_of(entity.id), "every entity is mentioned"


def entity_with(analysis: Analysis, text: str, nth: int = 0) -> Entity:
    """The entity holding the `nth` occurrence of `text` (as a mention)."""
    start = -1
    for _ in range(nth + 1):
        start = analysis.document.text.index(text, start + 1)
    entity_id = next(m.entity for m in analysis.mentions if m.start == start)
    return next(e for e in analysis.entities if e.id == entity_id)


def mention_texts(analysis: Analysis, entity: Entity) -> list[str]:
    return [m.text for m in analysis.mentions_of(entity.id)]


def pronouns_of(analysis: Analysis, entity: Entity) -> list[int]:
    return [m.start for m in analysis.mentions_of(entity.id) if m.kind == "pronoun"]


def offset(text: str, word: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start


# --- names -------------------------------------------------------------------------------------


def test_surname_and_first_name_join_the_full_name():
    text = "Amina Okafor arrived in Lagos on Monday. Okafor met officials there. Amina later left for Abuja."
    a = analyse(
        text,
        [
            M("Amina Okafor", "person"),
            M("Lagos", "place"),
            M("Okafor", "person", 1),
            M("Amina", "person", 1),
            M("Abuja", "place"),
        ],
    )
    amina = entity_with(a, "Amina Okafor")
    assert amina.name == "Amina Okafor" and amina.type == "person"
    assert mention_texts(a, amina) == ["Amina Okafor", "Okafor", "Amina"]
    assert set(amina.aliases) == {"Okafor", "Amina"}
    assert sorted(e.name for e in a.entities) == ["Abuja", "Amina Okafor", "Lagos"]


def test_mistyped_surname_is_retyped_to_the_person():
    text = (
        "Idris Kabore led the delegation to Niamey. Kabore spoke first. Officials said Kabore would return."
    )
    a = analyse(
        text,
        [
            M("Idris Kabore", "person"),
            M("Niamey", "place"),
            M("Kabore", "place", 1),
            M("Kabore", "organization", 2),
        ],
    )
    kabore = entity_with(a, "Idris Kabore")
    assert mention_texts(a, kabore) == ["Idris Kabore", "Kabore", "Kabore"]
    assert {m.type for m in a.mentions_of(kabore.id)} == {"person"}
    assert [e.type for e in a.entities].count("person") == 1


def test_place_after_a_preposition_keeps_its_type():
    text = (
        "Grace Adamu opened a clinic last year. Her brother still lives in Adamu, a village. "
        "She is no stranger to Adamu either."
    )
    a = analyse(text, [M("Grace Adamu", "person"), M("Adamu", "place", 1), M("Adamu", "place", 2)])
    assert mention_texts(a, entity_with(a, "Adamu", 1)) == ["Adamu", "Adamu"]
    assert entity_with(a, "Adamu", 1).type == "place"
    assert entity_with(a, "Grace Adamu").name == "Grace Adamu"


def test_bare_surname_the_model_missed_is_added():
    text = "Idris Kabore arrived in Niamey on Tuesday. On Wednesday, Kabore met the governor."
    a = analyse(text, [M("Idris Kabore", "person"), M("Niamey", "place")])
    kabore = entity_with(a, "Idris Kabore")
    assert mention_texts(a, kabore) == ["Idris Kabore", "Kabore"]
    added = a.mentions_of(kabore.id)[1]
    assert added.start == offset(text, "Kabore", 1) and added.sentence == 1 and added.kind == "alias"


def test_all_capitals_word_is_not_taken_for_a_surname():
    text = "Idris Kabore arrived in Niamey on Tuesday.\n\nKABORE - The delegation left on Friday."
    a = analyse(text, [M("Idris Kabore", "person"), M("Niamey", "place")])
    assert mention_texts(a, entity_with(a, "Idris Kabore")) == ["Idris Kabore"]


def test_surname_before_any_full_name_is_not_invented():
    text = "Kabore was not named in the report. Officials in Niamey declined to comment."
    a = analyse(text, [M("Niamey", "place")])
    assert [e.name for e in a.entities] == ["Niamey"]


def test_lone_surname_first_joins_the_full_name_named_later():
    text = "Okonkwo arrived early. Later that day, Chidi Okonkwo addressed reporters in Enugu."
    a = analyse(text, [M("Okonkwo", "person"), M("Chidi Okonkwo", "person"), M("Enugu", "place")])
    chidi = entity_with(a, "Chidi Okonkwo")
    assert chidi.name == "Chidi Okonkwo" and mention_texts(a, chidi) == ["Okonkwo", "Chidi Okonkwo"]


def test_lone_surname_of_a_woman_does_not_join_a_man_named_later():
    text = "Mrs. Bello spoke first. Later that day, Mr. Musa Bello addressed reporters in Enugu."
    a = analyse(text, [M("Bello", "person"), M("Musa Bello", "person"), M("Enugu", "place")])
    assert entity_with(a, "Bello").id != entity_with(a, "Musa Bello").id


def test_possessive_is_not_part_of_the_name():
    text = "Musa Danjuma's convoy reached Kaduna. Danjuma's aides confirmed the visit."
    a = analyse(text, [M("Musa Danjuma's", "person"), M("Kaduna", "place"), M("Danjuma's", "person", 1)])
    musa = entity_with(a, "Musa Danjuma's")
    assert musa.name == "Musa Danjuma" and musa.aliases == ["Danjuma"]
    assert len(a.mentions_of(musa.id)) == 2


def test_titles_are_stripped_for_matching_and_kept_as_alias():
    text = (
        "Sheikh Ibrahim Zakari spoke in Sokoto. Senior Tuareg Alliance commander Bello Agali listened. "
        "Later Dr. Halima Yusuf joined them. Zakari, Agali and Yusuf then left."
    )
    a = analyse(
        text,
        [
            M("Sheikh Ibrahim Zakari", "person"),
            M("Sokoto", "place"),
            M("Senior Tuareg Alliance commander Bello Agali", "person"),
            M("Halima Yusuf", "person"),
            M("Zakari", "person", 1),
            M("Agali", "person", 1),
            M("Yusuf", "person", 1),
        ],
    )
    zakari, agali, halima = (entity_with(a, "Sheikh"), entity_with(a, "Senior"), entity_with(a, "Halima"))
    assert zakari.name == "Ibrahim Zakari" and "Sheikh Ibrahim Zakari" in zakari.aliases
    assert agali.name == "Bello Agali" and not any("commander" in x for x in agali.aliases)
    assert halima.name == "Halima Yusuf" and "Dr. Halima Yusuf" in halima.aliases
    assert [len(a.mentions_of(e.id)) for e in (zakari, agali, halima)] == [2, 2, 2]


def test_read_name_title_gender_and_packaging():
    assert read_name("Mr. Garba Lawal", as_person=True).gender == "male"
    assert read_name("Halima Yusuf", as_person=True, preceding="met Mrs. ").gender == "female"
    assert read_name("Halima Yusuf", as_person=True, preceding="met the ").gender is None
    assert read_name("the Sahara Shield Front (SSF)", as_person=False).display == "Sahara Shield Front"
    assert read_name("General Motors", as_person=False).display == "General Motors"
    assert read_name("commander Musa al-Kanemi", as_person=True).display == "Musa al-Kanemi"
    assert read_name("Salim bin Humayd's", as_person=True).display == "Salim bin Humayd"


def test_two_people_sharing_a_surname_stay_apart_and_short_forms_go_to_the_latest():
    text = (
        "Mrs. Aisha Bello, a lawyer, met Mr. Musa Bello in Kano. Bello said the talks went well. "
        "Mrs. Bello added that she was hopeful."
    )
    a = analyse(
        text,
        [
            M("Aisha Bello", "person"),
            M("Musa Bello", "person"),
            M("Kano", "place"),
            M("Bello", "person", 2),
            M("Bello", "person", 3),
        ],
    )
    aisha, musa = entity_with(a, "Aisha Bello"), entity_with(a, "Musa Bello")
    assert aisha.id != musa.id
    assert a.mentions_of(musa.id)[1].start == offset(text, "Bello", 2)  # the most recent Bello: Musa
    assert a.mentions_of(aisha.id)[1].start == offset(text, "Bello", 3)  # "Mrs." rules Musa out
    assert pronouns_of(a, aisha) == [offset(text, " she ") + 1]


# --- organisations -----------------------------------------------------------------------------


def test_acronym_joins_the_full_name_the_text_defines():
    text = (
        "Fighters of the Sahara Shield Front (SSF) attacked Agadez. "
        "The SSF later withdrew, and SSF leaders fled towards Arlit."
    )
    a = analyse(
        text,
        [
            M("Sahara Shield Front", "organization"),
            M("SSF", "organization", kind="acronym", canonical="Sahara Shield Front"),
            M("Agadez", "place"),
            M("SSF", "organization", 1, kind="acronym"),
            M("SSF", "place", 2),
            M("Arlit", "place"),
        ],
    )
    ssf = entity_with(a, "Sahara Shield Front")
    assert ssf.name == "Sahara Shield Front" and ssf.aliases == ["SSF"]
    assert mention_texts(a, ssf) == ["Sahara Shield Front", "SSF", "SSF", "SSF"]
    assert {e.name for e in a.entities} == {"Sahara Shield Front", "Agadez", "Arlit"}


def test_acronym_matching_initials_of_one_organisation():
    text = "The Kebbi Farmers Cooperative met in Birnin Kebbi. The KFC said prices had doubled."
    a = analyse(
        text,
        [
            M("Kebbi Farmers Cooperative", "organization"),
            M("Birnin Kebbi", "place"),
            M("KFC", "organization"),
        ],
    )
    assert mention_texts(a, entity_with(a, "KFC")) == ["Kebbi Farmers Cooperative", "KFC"]


def test_acronym_not_defined_and_not_matching_stays_alone():
    text = "The Kebbi Farmers Cooperative met in Birnin Kebbi. The ECOWAS envoy was absent."
    a = analyse(
        text,
        [
            M("Kebbi Farmers Cooperative", "organization"),
            M("Birnin Kebbi", "place"),
            M("ECOWAS", "organization"),
        ],
    )
    assert entity_with(a, "ECOWAS").name == "ECOWAS"
    assert len(a.entities) == 3


def test_organisation_short_form_joins_its_one_long_name():
    text = (
        "The Jos Plateau Legion claimed the raid. Residents said the Legion had warned them. "
        "Legion fighters left before dawn."
    )
    a = analyse(
        text,
        [M("Jos Plateau Legion", "organization"), M("Legion", "organization", 1), M("Legion", "other", 2)],
    )
    legion = entity_with(a, "Jos Plateau Legion")
    assert legion.name == "Jos Plateau Legion" and legion.aliases == ["Legion"]
    assert len(a.mentions_of(legion.id)) == 3 and len(a.entities) == 1


def test_short_form_found_when_the_model_missed_it():
    text = "The Jos Plateau Legion claimed the raid. Residents said the Legion had warned them."
    a = analyse(text, [M("Jos Plateau Legion", "organization")])
    legion = entity_with(a, "Jos Plateau Legion")
    assert [(m.text, m.kind) for m in a.mentions_of(legion.id)] == [
        ("Jos Plateau Legion", "name"),
        ("Legion", "alias"),
    ]


def test_ambiguous_short_form_stays_apart():
    text = (
        "The Jos Plateau Legion and the Benue Valley Legion signed a truce. A Legion spokesman said little."
    )
    a = analyse(
        text,
        [
            M("Jos Plateau Legion", "organization"),
            M("Benue Valley Legion", "organization"),
            M("Legion", "organization", 2),
        ],
    )
    assert entity_with(a, "Legion", 2).name == "Legion"
    assert len(a.entities) == 3


def test_generic_head_after_the_or_opening_a_sentence_joins_its_one_organisation():
    text = (
        "The Kano Traders Union met the University of Lagos staff. The Union said Lagos was calm. "
        "Its members and Union leaders agreed with Radio Kano. Union chairman Ali Bako spoke."
    )
    a = analyse(
        text,
        [
            M("Kano Traders Union", "organization"),
            M("University of Lagos", "organization"),
            M("Union", "organization", 1),
            M("Lagos", "place", 1),
            M("Union", "organization", 2),
            M("Radio Kano", "organization"),
            M("Union", "organization", 3),
        ],
    )
    union = entity_with(a, "Kano Traders Union")
    # "The Union" and the sentence-opening "Union chairman", not the bare "Union leaders".
    assert [m.start for m in a.mentions_of(union.id)] == [
        offset(text, "Kano"),
        offset(text, "Union", 1),
        offset(text, "Union", 3),
    ]
    assert entity_with(a, "Union", 2).name == "Union"
    assert entity_with(a, "Lagos", 1).type == "place"  # not a short form of "University of Lagos"
    assert len(a.entities) == 5


def test_name_core_without_legal_suffix_is_a_short_form_unless_it_names_a_place():
    text = (
        "Sahara Logistics Group PLC bought trucks in Kano for the Kano Traders Union. "
        "Sahara Logistics said Kano traders were pleased."
    )
    a = analyse(
        text,
        [
            M("Sahara Logistics Group PLC", "organization"),
            M("Kano", "place"),
            M("Kano Traders Union", "organization"),
            M("Sahara Logistics", "organization", 1),
            M("Kano", "organization", 2),
        ],
    )
    assert mention_texts(a, entity_with(a, "Sahara Logistics Group PLC")) == [
        "Sahara Logistics Group PLC",
        "Sahara Logistics",
    ]
    assert mention_texts(a, entity_with(a, "Kano Traders Union")) == ["Kano Traders Union"]


def test_distinctive_word_before_a_generic_head_is_a_short_form():
    text = (
        "Fighters of the Western Falcon Brigades raided Mopti. "
        '"The Falcon wants money," a researcher in Bamako said.'
    )
    a = analyse(
        text,
        [
            M("Western Falcon Brigades", "organization"),
            M("Mopti", "place"),
            M("Falcon", "organization", 1),
            M("Bamako", "place"),
        ],
    )
    assert mention_texts(a, entity_with(a, "Western Falcon Brigades")) == ["Western Falcon Brigades", "Falcon"]


def test_exact_repeats_group_but_different_types_do_not():
    text = "Kano was quiet. Later, Kano residents marched. Niger Delta Power sold Niger assets."
    a = analyse(
        text,
        [
            M("Kano", "place"),
            M("Kano", "place", 1),
            M("Niger Delta Power", "organization"),
            M("Niger", "place", 1),
        ],
    )
    assert mention_texts(a, entity_with(a, "Kano")) == ["Kano", "Kano"]
    assert entity_with(a, "Niger", 1).type == "place"
    assert len(a.entities) == 3


# --- pronouns ----------------------------------------------------------------------------------


def test_pronoun_before_any_person_stays_unresolved():
    text = "He said the attack in Maiduguri was planned. Later, Fatima Abubakar confirmed it."
    a = analyse(text, [M("Maiduguri", "place"), M("Fatima Abubakar", "person")])
    assert all(m.kind != "pronoun" for m in a.mentions)


def test_she_is_not_resolved_to_a_man():
    text = "Mr. Garba Lawal visited Kaduna. She was not there."
    a = analyse(text, [M("Garba Lawal", "person"), M("Kaduna", "place")])
    assert all(m.kind != "pronoun" for m in a.mentions)


def test_gender_learned_from_an_earlier_pronoun():
    text = "Garba Lawal visited Kaduna, where he spoke to traders. She was not invited."
    a = analyse(text, [M("Garba Lawal", "person"), M("Kaduna", "place")])
    assert pronouns_of(a, entity_with(a, "Garba Lawal")) == [offset(text, "he spoke")]
    assert [m.text for m in a.mentions if m.kind == "pronoun"] == ["he"]


def test_subject_is_preferred_and_pronoun_chains_carry_on():
    text = "Idris Kabore met Yakubu Sani in Zinder. He later travelled to Niamey. His visit lasted two days."
    a = analyse(
        text,
        [M("Idris Kabore", "person"), M("Yakubu Sani", "person"), M("Zinder", "place"), M("Niamey", "place")],
    )
    kabore = entity_with(a, "Idris Kabore")
    assert [m.text for m in a.mentions_of(kabore.id) if m.kind == "pronoun"] == ["He", "His"]
    assert pronouns_of(a, entity_with(a, "Yakubu Sani")) == []


def test_main_clause_subject_beats_a_later_relative_clause_subject():
    text = (
        "In March, Idris Kabore spoke at a rally in Zinder, where Yakubu Sani appeared beside the mayor. "
        "On Friday he left for Niamey."
    )
    a = analyse(
        text,
        [M("Idris Kabore", "person"), M("Zinder", "place"), M("Yakubu Sani", "person"), M("Niamey", "place")],
    )
    assert pronouns_of(a, entity_with(a, "Idris Kabore")) == [offset(text, "he left")]


def test_same_sentence_person_comes_before_earlier_sentences():
    text = "Idris Kabore stayed in Zinder. In Niamey, Yakubu Sani said he was tired."
    a = analyse(
        text,
        [M("Idris Kabore", "person"), M("Zinder", "place"), M("Niamey", "place"), M("Yakubu Sani", "person")],
    )
    assert pronouns_of(a, entity_with(a, "Yakubu Sani")) == [offset(text, "he was")]


def test_object_pronoun_is_not_its_own_subject():
    text = "Idris Kabore met Yakubu Sani in Zinder. Sani thanked him warmly."
    a = analyse(
        text,
        [
            M("Idris Kabore", "person"),
            M("Yakubu Sani", "person"),
            M("Zinder", "place"),
            M("Sani", "person", 1),
        ],
    )
    assert pronouns_of(a, entity_with(a, "Idris Kabore")) == [offset(text, "him")]


def test_it_and_they_are_not_resolved_to_people():
    text = "Halima Yusuf founded the cooperative in Gombe. It grew quickly and they hired staff."
    a = analyse(text, [M("Halima Yusuf", "person"), M("Gombe", "place")])
    assert all(m.kind != "pronoun" for m in a.mentions)


def test_pronoun_does_not_reach_far_back():
    filler = " ".join(f"Prices in Kano rose again on day {n}." for n in range(5))
    text = f"Idris Kabore left Zinder. {filler} He was not seen again."
    a = analyse(text, [M("Idris Kabore", "person"), M("Zinder", "place")])
    assert all(m.kind != "pronoun" for m in a.mentions)


# --- scale and the sample article -------------------------------------------------------------


def test_long_document_stays_fast():
    names = ["Amina Okafor", "Idris Kabore", "Yakubu Sani", "Halima Yusuf", "Garba Lawal"]
    rounds = 30
    text = " ".join(
        f"{name} visited Kano with aides. {name.split()[1]} said he was pleased."
        for _ in range(rounds)
        for name in names
    )
    document = Document(text=text)
    analysis = SentenceStage()(Analysis(document=document, parsed=load_nlp()(text)))
    for name in names:
        for word, type_ in ((name, "person"), (f"{name.split()[1]} said", "person")):
            start = -1
            while (start := text.find(word, start + 1)) >= 0:
                end = start + len(word.removesuffix(" said"))
                analysis.mentions.append(
                    Mention(doc=document.id, start=start, end=end, text=text[start:end], type=type_)
                )
    started = time.perf_counter()
    analysis = CorefStage()(analysis)
    assert time.perf_counter() - started < 2.0
    check_invariants(analysis)
    assert sorted(e.name for e in analysis.entities) == sorted(names)
    # Per round and person: the full name, the surname and "he" (Kano is left unannotated).
    assert {len(analysis.mentions_of(e.id)) for e in analysis.entities} == {3 * rounds}


SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples"


@pytest.mark.skipif(not (SAMPLE / "sample_article.gold.json").exists(), reason="team samples absent")
def test_sample_article_has_no_split_entities():
    pytest.importorskip("newsgraph.pipeline.mentions")
    from newsgraph.pipeline import Pipeline

    gold = json.loads((SAMPLE / "sample_article.gold.json").read_text(encoding="utf-8"))
    text = (SAMPLE / "sample_article.txt").read_text(encoding="utf-8")
    analysis = Pipeline(["sentences", "mentions", "coref"]).analyze(Document(text=text))

    def key(name: str) -> str:
        return fold(name).removeprefix("the ").removeprefix("sheikh ")

    def names(e: Entity) -> set[str]:
        return {key(n) for n in [e.name, *e.aliases, *(m.text for m in analysis.mentions_of(e.id))]}

    for gold_entity in gold["entities"]:
        wanted = {key(n) for n in gold_entity["names"]}
        hits = [e.name for e in analysis.entities if e.type == gold_entity["type"] and names(e) & wanted]
        assert len(hits) <= 1, f"{gold_entity['key']} split over {hits}"
    people = {e.name: e for e in analysis.entities if e.type == "person"}
    assert {"Idris Maleki", "Yusuf Danbaba Tanko", "Abdulrahman Gwarzo"} <= set(people)
    assert sum(m.kind == "pronoun" for m in analysis.mentions_of(people["Idris Maleki"].id)) >= 5


def test_a_possessive_in_what_an_unnamed_person_says_is_that_persons():
    text = "Anna Petrova was not charged. The lawyer said her client had never met the man."
    a = analyse(text, [M("Anna Petrova", "person")])
    assert pronouns_of(a, entity_with(a, "Anna Petrova")) == []


def test_a_possessive_in_what_a_named_person_says_still_resolves():
    text = "Anna Petrova was not charged. Petrova said her husband was abroad."
    a = analyse(text, [M("Anna Petrova", "person"), M("Petrova", "person")])
    assert pronouns_of(a, entity_with(a, "Anna Petrova")) == [offset(text, "her")]


def test_a_possessive_in_a_persons_apposition_is_someone_elses():
    text = "Ilya Voronin met his handler in Vienna. Anna Petrova, his wife, was not charged."
    a = analyse(text, [M("Ilya Voronin", "person"), M("Vienna", "place"), M("Anna Petrova", "person")])
    assert pronouns_of(a, entity_with(a, "Anna Petrova")) == []
    assert offset(text, "his", 1) in pronouns_of(a, entity_with(a, "Ilya Voronin"))


def test_an_exact_full_name_joins_its_own_person_not_a_longer_name_containing_it():
    text = (
        "The talks were held at the guesthouse of Yunus Shahwani, a tribal elder. "
        "His son, Bilal Yunus Shahwani, runs the student wing. Yunus Shahwani declined to comment."
    )
    a = analyse(
        text,
        [M("Yunus Shahwani", "person"), M("Bilal Yunus Shahwani", "person"), M("Yunus Shahwani", "person", 2)],
    )
    father, son = entity_with(a, "Yunus Shahwani"), entity_with(a, "Bilal Yunus Shahwani")
    assert father.id != son.id
    assert mention_texts(a, father) == ["Yunus Shahwani", "His", "Yunus Shahwani"]
