"""Named mentions on small hand-written texts (invented people and organisations, real places),
parsed by the real spaCy model. Each text mixes several instances of one mechanism, and many
contain names the bare model gets wrong (noted in comments), so the corrections are exercised."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Analysis, Document
from newsgraph.pipeline.mentions import MentionStage
from newsgraph.pipeline.nlp import load_nlp
from newsgraph.pipeline.sentences import SentenceStage


def analyse(text: str, stage: MentionStage | None = None, title: str | None = None) -> Analysis:
    analysis = Analysis(document=Document(text=text, title=title), parsed=load_nlp()(text))
    return (stage or MentionStage())(SentenceStage()(analysis))


def found(text: str, stage: MentionStage | None = None) -> list[tuple]:
    return [(m.text, m.type, m.kind, m.canonical) for m in analyse(text, stage).mentions]


ACRONYMS = (
    "Fighters of the Sokoto Valley Alliance (SVA) attacked a convoy near Gusau on Monday. "
    "Officials said the SVA had been weakened. The Coalition for Peaceful Elections (CPE) "
    "condemned the attack, and CPE observers travelled to Zaria."
)


def test_acronym_definitions_give_the_organisation_and_every_later_acronym():
    got = found(ACRONYMS)
    sva = ("SVA", "organization", "acronym", "Sokoto Valley Alliance")
    cpe = ("CPE", "organization", "acronym", "Coalition for Peaceful Elections")
    assert ("Sokoto Valley Alliance", "organization", "name", None) in got
    assert ("Coalition for Peaceful Elections", "organization", "name", None) in got
    assert got.count(sva) == 2  # the definition and "the SVA"
    assert got.count(cpe) == 2  # the definition and "CPE observers", which the model leaves untagged
    assert ("Zaria", "place", "name", None) in got  # the model says PERSON


def test_parenthesised_capitals_that_do_not_abbreviate_the_name_are_no_definition():
    got = found("Ruth Okafor spoke on Kano Radio (NTA) about the strike. Later the NTA repeated it.")
    assert not any(m[3] for m in got)


TOWNS = (
    "Emeka Nwosu visited Abuja, where he met Amina Waziri. Later, Amina Waziri travelled to Jos "
    "and then to Ilorin. Reporters in Gusau, Bida and Zaria followed her. The pair also toured "
    "Port Harcourt and Dar es Salaam."
)


def test_towns_the_model_mistypes_become_places_and_multiword_names_stay_whole():
    got = {(t, ty) for t, ty, *_ in found(TOWNS)}
    # bare model: Jos PERSON, Ilorin NORP, Gusau ORG
    for town in ("Abuja", "Jos", "Ilorin", "Gusau", "Bida", "Zaria", "Port Harcourt", "Dar es Salaam"):
        assert (town, "place") in got, town
    assert ("Amina Waziri", "person") in got
    assert not any(t in ("Port", "Harcourt", "Dar", "Salaam") for t, _ in got)


def test_a_full_person_name_wins_over_a_namesake_town():
    # Gwarzo and Bako are real towns; here they are people, named in full.
    got = found("Sheikh Musa Gwarzo greeted Ibrahim Bako in Kano. Bako thanked Gwarzo for the visit.")
    assert ("Musa Gwarzo", "person", "name", None) in got
    assert not any(ty == "place" and t in ("Gwarzo", "Bako") for t, ty, *_ in got)
    assert ("Kano", "place", "name", None) in got


def test_an_organisation_whose_last_word_comes_back_alone_is_a_person():
    text = (
        "On the same day, he addressed the Farmers Forum in Maradi, where Harouna Issoufou Maiga "
        "also took part via video link. In July 2021, he again appeared alongside Maiga, who joined "
        "via video, at a conference in Tahoua."
    )
    got = {(t, ty) for t, ty, *_ in found(text)}
    assert ("Harouna Issoufou Maiga", "person") in got  # bare model: ORG
    assert ("Farmers Forum", "organization") in got  # a head noun keeps an organisation one


def test_spans_holding_two_names_are_cut_and_head_nouns_decide_the_type():
    text = (
        "That evening he spoke to the Youth for Dialogue Forum in Ouahigouya, where Aissata Diallo "
        'Sangare joined by phone. In September 2021 he attended the "Golden Sands" meeting in Niamey '
        "with Sangare. There he spoke at a rally alongside Coalition and Desert Shield Brigade fighters."
    )
    got = {(t, ty) for t, ty, *_ in found(text)}
    # bare model: "Niamey with Sangare" ORG, "Aissata Diallo Sangare" ORG, "Desert Shield Brigade" PERSON
    assert ("Niamey", "place") in got
    assert "Sangare" in {t for t, _ in got}
    assert ("Aissata Diallo Sangare", "person") in got
    assert ("Desert Shield Brigade", "organization") in got
    assert not any(" with " in t for t, _ in got)


def test_a_surname_that_is_an_institution_word_stays_a_person():
    text = (
        "Chrysler chairman Jim Bank said sales fell. Bank added that the firm was unrelated. "
        "There he spoke at a rally alongside Coalition and Desert Shield Brigade fighters. "
        "The Brigade denied it."
    )
    got = {(t, ty) for t, ty, *_ in found(text)}
    assert ("Jim Bank", "person") in got  # "Bank" comes back bare, as surnames do
    assert ("Desert Shield Brigade", "organization") in got  # bare model: PERSON


def test_person_names_are_whole_and_without_titles():
    text = (
        "Traders in Bosaso said Warsame met Sheikh Mahad Ali Gurey at a guesthouse. "
        "Company CEO Zainab Hassan and Judge Omar Farah Dualeh were also there."
    )
    got = {(t, ty) for t, ty, *_ in found(text)}
    # bare model: "Sheikh" and "Ali Gurey" as two people, no "Mahad"; Bosaso PERSON
    assert ("Mahad Ali Gurey", "person") in got
    assert ("Zainab Hassan", "person") in got and ("Omar Farah Dualeh", "person") in got
    assert ("Bosaso", "place") in got
    assert not any(t.startswith(("Sheikh", "CEO", "Judge")) for t, _ in got)


def test_context_makes_places_of_names_before_place_nouns_and_after_possessive_places():
    text = (
        "Tanimu Garba, a trader, lives in Kaduna's Tudun Wada. Rebels attacked the Mubi market, "
        "and residents of Lagos's Ikeja area fled to the Bauchi barracks. "
        "Soldiers reached the town of Damasak."
    )
    got = {(t, ty) for t, ty, *_ in found(text)}
    # bare model: Tudun Wada PERSON, Bauchi ORG
    for place in ("Kaduna", "Tudun Wada", "Mubi", "Lagos", "Ikeja", "Bauchi", "Damasak"):
        assert (place, "place") in got, place
    assert ("Tanimu Garba", "person") in got


def test_quoted_names_are_event_names_not_people_or_places():
    text = (
        'Delegates attended the "Desert Rose" convention in Lagos and the "Silent River" '
        "festival in Kano, then the 'Blue Harvest' summit."
    )
    got = found(text)
    named = {t: ty for t, ty, *_ in got}
    for event in ("Desert Rose", "Silent River"):
        assert named.get(event, "other") == "other", event
    assert named["Lagos"] == named["Kano"] == "place"
    assert not any(ty in ("person", "organization") for ty in named.values())


def test_spans_lose_leading_the_quotes_and_trailing_punctuation():
    text = (
        "Police said the Kwara Farmers Union had met in Ilorin. The Ikeja Trade Centre and the "
        "Lekki Conservation Centre closed. Delegates flew to Abuja."
    )
    analysis = analyse(text)
    got = {(m.text, m.type) for m in analysis.mentions}
    assert ("Kwara Farmers Union", "organization") in got
    assert ("Ikeja Trade Centre", "organization") in got  # FAC with an institution head noun
    assert ("Lekki Conservation Centre", "organization") in got
    assert ("Abuja", "place") in got
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
        assert not m.text.lower().startswith("the ") and m.text[-1].isalnum()


def test_a_place_name_followed_by_more_name_words_is_an_organisation():
    got = {
        (t, ty)
        for t, ty, *_ in found(
            "Commanders of the Lake Chad Vanguard met officials of Borno State near Lake Chad."
        )
    }
    assert ("Lake Chad Vanguard", "organization") in got  # bare model: LOC
    assert ("Lake Chad", "place") in got


def test_curated_list_fixes_regions_and_gives_canonical_names():
    got = found("Traders from the Sahel met ECOWAS envoys and officials of the AU in Niamey.")
    assert ("Sahel", "place", "name", None) in got  # bare model: PERSON
    assert ("ECOWAS", "organization", "acronym", "Economic Community of West African States") in got
    assert ("AU", "organization", "acronym", "African Union") in got


def test_mentions_carry_document_and_sentence():
    analysis = analyse("Amina Waziri arrived in Kano. She left for Kaduna on Monday.")
    by_text = {m.text: m for m in analysis.mentions}
    assert by_text["Kano"].sentence == 0 and by_text["Kaduna"].sentence == 1
    assert all(m.doc == analysis.document.id for m in analysis.mentions)


def test_user_entity_file_extends_the_curated_list(tmp_path, monkeypatch):
    extra = tmp_path / "mine.jsonl"
    extra.write_text(
        json.dumps({"name": "Ruwan Kasa Valley", "type": "place", "lat": 11.5, "lon": 8.0})
        + "\n"
        + json.dumps({"name": "Marigold Relief Network", "type": "organization", "aliases": ["Marigold"]})
        + "\n",
        encoding="utf-8",
    )
    text = "Volunteers from Marigold brought food to the Ruwan Kasa Valley on Monday."
    monkeypatch.setenv("NEWSGRAPH_ENTITIES", str(extra))
    got = found(text, MentionStage())
    assert ("Marigold", "organization", "alias", "Marigold Relief Network") in got
    assert ("Ruwan Kasa Valley", "place", "name", None) in got
    without = found(text, MentionStage(entity_files=()))
    assert ("Marigold", "organization", "alias", "Marigold Relief Network") not in without


def test_a_malformed_user_entity_file_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "Ok Place", "type": "place"}\n{"name": "X", "type": "city"}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        MentionStage(entity_files=(str(bad),))
    assert err.value.line == 2 and err.value.source == str(bad)


HEADLINED = (
    "Kaduna Trader Joins Sahel Lions Front As Ruga Talks Stall\n\n"
    "Members of the Sahel Lions Liberation Front met in Kaduna on Tuesday. Their leader, Ibrahim "
    "Dankano, said the Front would not disarm. Dankano spoke to reporters outside the mosque.\n"
)


def test_headline_names_need_the_body_or_the_gazetteer():
    got = found(HEADLINED)
    names = {m[0] for m in got}
    # invented by the capitals of the headline, unknown to the body
    assert not {"Kaduna Trader", "Ruga Talks", "Ruga", "Trader Joins"} & names
    headline = [m for m in got if HEADLINED.index(m[0]) < HEADLINED.index("\n")]
    assert ("Kaduna", "place", "name", None) in headline  # the gazetteer knows it
    # a shorter form of a body name names the body's organisation
    assert ("Sahel Lions Front", "organization", "alias", "Sahel Lions Liberation Front") in headline


def test_a_name_the_model_runs_from_the_headline_into_the_body_is_cut_at_the_line_break():
    # the model tags "Boeing Jets\n\nEthiopian Airlines" as one organisation
    text = (
        "Ethiopian Airlines Orders Ten Boeing Jets\n\nEthiopian Airlines has ordered ten Boeing 787 "
        "jets, the carrier said in Addis Ababa."
    )
    got = found(text)
    assert got.count(("Ethiopian Airlines", "organization", "name", None)) == 2
    assert ("Boeing", "organization", "name", None) in got and "Boeing Jets" not in {m[0] for m in got}


def test_the_line_repeating_the_document_title_is_a_headline():
    title = "Hadramawt Battalion denies meeting in Berbera"
    text = (
        f"{title}\n\nThe Hadramawt Martyrs Battalion said on Monday that its commander had not "
        "travelled to Berbera."
    )

    def first(title):
        m = analyse(text, title=title).mentions[0]
        return (m.text, m.type, m.kind, m.canonical)

    # in sentence case, only the title says it is a headline
    assert first(None) == ("Hadramawt Battalion", "organization", "name", None)
    assert first(title) == ("Hadramawt Battalion", "organization", "alias", "Hadramawt Martyrs Battalion")


def test_a_sentence_case_line_is_no_headline():
    # a headline would lose this name, which the body does not repeat
    got = found("Officials of the Ruga Farmers Union spoke in Kaduna\n\nThey left on Monday.")
    assert ("Ruga Farmers Union", "organization", "name", None) in got


@pytest.mark.parametrize(
    "text",
    [
        "Somali militants attacked a base near Baidoa, and two Yemeni sailors were held in Berbera.",
        "Kenyan police said the Somalis had crossed at Mandera; the suspects spoke Somali.",
        "Kenyan President William Ruto visited Mandera on Friday and spoke in Swahili to residents.",
    ],
)
def test_nationality_words_are_no_entities(text):
    got = found(text)
    assert not {m[0] for m in got} & {"Somali", "Yemeni", "Kenyan", "Somalis", "Swahili"}
    assert any(m[1] == "place" for m in got)  # the towns still are places


def test_a_nationality_word_before_an_administrative_noun_is_the_place():
    got = found("Fighting spread across the Somali region of Ethiopia last year.")
    assert ("Somali", "place", "name", None) in got


def test_one_name_has_one_type_within_a_text():
    # the model calls the last "Shield" a facility, the others organisations
    shield = (
        "The Harbour Shield Brigades attacked a checkpoint in Bosaso. Analysts said the Shield had "
        'grown stronger. "The Shield wants money," said a researcher in Garowe. Residents praised '
        "the steadfastness of the Shield."
    )
    assert {m[1] for m in found(shield) if m[0] == "Shield"} == {"organization"}
    # the model calls "the Majengo district" a place, the other three organisations
    majengo = (
        "The new Majengo office of the trust opened in January. Traders in the Majengo district "
        "said the Majengo office was busy, and residents of Majengo agreed."
    )
    assert {m[1] for m in found(majengo) if m[0] == "Majengo"} == {"place"}
