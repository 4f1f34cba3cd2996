"""The name matcher, part by part: what makes two names one actor and what keeps them apart."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from newsgraph.resolve.names import blocking_keys, compare, parse, skeletons, thresholds, unit_similarity


def test_thresholds_are_data_and_ordered():
    data = json.loads(resources.files("newsgraph").joinpath("data/resolution.json").read_text())
    assert data["thresholds"] == thresholds()
    t = thresholds()
    assert 0 < t["review"] < t["merge"] <= t["skeleton_match"] < 1
    assert t["review"] < t["part_match"]


@pytest.mark.parametrize(
    ("name", "units"),
    [
        ("Fazl-ur-Rehman Khattak", ("fazlurrehman", "khattak")),
        ("Ikram-ud-Din Shah", ("ikramuddin", "shah")),
        ("Abd al-Karim al-Tamimi", ("abdkarim", "tamimi")),
        ("Abdulqadir Rahimzai", ("abdqadir", "rahimzai")),
        ("Abu Bakr Danladi Musa", ("abubakr", "danladi", "musa")),
        ("Khalid ibn Said al-Harthi", ("khalid", "said", "harthi")),
        ("Maulana Abdul Ghaffar Niazi", ("abdghaffar", "niazi")),
        ("Joaquín 'El Flaco' Salas", ("joaquin", "salas")),
        ("Şükrü Yıldırımoğlu", ("sukru", "yildirimoglu")),
    ],
)
def test_person_names_are_cut_into_units(name, units):
    assert parse(name, "person").units == units


@pytest.mark.parametrize(
    ("a", "b"),
    [("zaheer", "zahir"), ("salem", "salim"), ("cali", "ali"), ("xasan", "hassan"), ("yusuf", "youssef"),
     ("rehman", "rahman"), ("haidar", "haydar"), ("dmitriy", "dmitry"), ("tavakoli", "tavakkoli")],
)
def test_romanisation_variants_of_one_name_part_match(a, b):
    assert unit_similarity(a, b) >= thresholds()["part_match"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("hassan", "hussein"), ("aleksandr", "aleksandra"), ("petrov", "petrova"), ("sokolov", "sokolovsky"),
     ("weimin", "weiming"), ("qadir", "qahir")],
)
def test_other_names_that_look_alike_do_not_match(a, b):
    assert unit_similarity(a, b) < thresholds()["part_match"]


def test_skeletons_read_somali_x_both_ways():
    assert skeletons("xasan") & skeletons("hasan")
    assert skeletons("alexander") & skeletons("aleksander")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Naji Zaheer", "Naji Zahir"),
        ("Fazlur Rehman Khattak", "Fazal-ur-Rahman Khattak"),
        ("Mohammad-Reza Tavakoli", "Mohammadreza Tavakkoli"),
        ("Ruslan Khasbulatovich Gerikhanov", "Ruslan Gerikhanov"),
        ("José Luis Ramírez Ochoa", "Jose Luis Ramirez"),
        ("Kim Sung-ho", "Sung-ho Kim"),
        ("Sheikh Mahad Cali Gurey", "Mahad Ali Gurey"),
    ],
)
def test_one_person_in_two_spellings_scores_above_the_merge_threshold(a, b):
    assert compare(a, b, "person").decision == "same"


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("Saleh al-Amiri", "Ahmed Saleh al-Amiri", "given names differ"),
        ("Salem bin Humaid", "Humaid bin Salem", ""),
        ("Naji Zaheer", "Zaheer", "shared surname alone"),
        ("Naji Zaheer", "Nabil Zaheer", ""),
        ("Hossein Nouri", "Hossein Nouri-Zadeh", "surnames differ"),
        ("Ali Gurey Hassan", "Ali Hassan Gurey", ""),
        ("Kim Sung-ho", "Kim Ho-sung", ""),
    ],
)
def test_father_and_son_shared_surnames_and_swapped_parts_stay_apart(a, b, reason):
    score = compare(a, b, "person")
    assert score.decision != "same"
    assert reason in " ".join(score.reasons)


def test_a_score_explains_its_parts():
    score = compare("Abdirahman Yusuf Warsame", "Abdurrahman Yousuf Warsame", "person")
    assert score.parts["warsame~warsame"] == 1.0
    assert score.parts["yusuf~yousuf"] == thresholds()["skeleton_match"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("LeT", "Lashkar-e-Tayyiba"), ("TTP", "Tehrik-e-Taliban Pakistan"), ("JUI-F", "Jamiat Ulema-e-Islam (F)"),
     ("NATO", "North Atlantic Treaty Organization"), ("Sinaloa Cartel", "Cártel de Sinaloa")],
)
def test_an_acronym_or_reordered_words_name_one_organisation(a, b):
    assert compare(a, b, "organization").decision == "same"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Islamic State", "Islamic State Khorasan Province"), ("Jaish-e-Muhammad", "Jaish al-Adl"),
     ("National Liberation Army", "Karen National Liberation Army")],
)
def test_a_branch_or_a_group_sharing_a_head_word_is_another_organisation(a, b):
    assert compare(a, b, "organization").decision != "same"


def test_variants_share_a_blocking_key_and_strangers_do_not():
    assert blocking_keys("Fazl-ur-Rehman Khattak", "person") & blocking_keys("Fazlur Rehman Khattak", "person")
    assert blocking_keys("Mahad Cali Gurey", "person") & blocking_keys("Mahad Ali Gurey", "person")
    assert blocking_keys("LeT", "organization") & blocking_keys("Lashkar-e-Tayyiba", "organization")
    assert not blocking_keys("Naji Zaheer", "person") & blocking_keys("Samuel Okonkwo", "person")
