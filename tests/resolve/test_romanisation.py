"""The romanisation systems the name matcher reads across: each one joins the spellings of one
name and keeps apart names that only look alike."""
from __future__ import annotations

import pytest

from newsgraph.model import Entity
from newsgraph.resolve import NameResolver
from newsgraph.resolve.names import blocking_keys, compare, parse, thresholds, unit_similarity
from newsgraph.resolve.romanisation import chinese_readings, korean_family_name, korean_key


def merged(a: str, b: str) -> bool:
    return compare(a, b, "person").value >= thresholds()["merge"]


def test_wade_giles_syllables_read_as_pinyin():
    assert "zedong" in chinese_readings("tsetung")
    assert "xiaoping" in chinese_readings("hsiaoping")
    assert "shaoqi" in chinese_readings("shaochi")
    assert not chinese_readings("hassan")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Deng Xiaoping", "Teng Hsiao-p'ing"), ("Liu Shaoqi", "Liu Shao-ch'i"), ("Zhang Xueliang", "Chang Hsueh-liang"),
     ("Jiang Jingguo", "Chiang Ching-kuo")],
)
def test_one_chinese_name_in_wade_giles_and_pinyin_merges(a, b):
    assert merged(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Deng Xiaoping", "Deng Xiaopeng"), ("Zhou Weimin", "Zhou Weiming"), ("Liu Shaoqi", "Liu Shaoqin"),
     ("Hu Yaobang", "Hu Yaoping")],
)
def test_chinese_names_are_compared_syllable_by_syllable(a, b):
    """Two pinyin syllables that differ are two names, however close their letters (e and i
    are compatible vowels elsewhere)."""
    assert not merged(a, b)


def test_the_chinese_correspondence_applies_only_to_chinese_shaped_names():
    assert not merged("Chang Rashidov", "Zhang Rashidov")


def test_korean_given_names_in_mccune_reischauer_and_revised_romanisation():
    assert korean_key("geun") == korean_key("kun")
    assert korean_key("jeong") == korean_key("chong")
    assert korean_family_name("pak") == korean_family_name("park") == korean_family_name("bak")
    assert merged("Roh Mu-hyeon", "No Mu-hyon")
    assert merged("Kim Dae-jung", "Kim Tae-chung")
    assert merged("Jeon Du-hwan", "Chon Tu-hwan")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kim Dae-jung", "Kim Dae-jin"), ("Park Chung-hee", "Park Geun-hye"), ("Lee Myung-bak", "Lee Myung-hee"),
     ("Kim Dae-jung", "Kim Jung-dae")],
)
def test_korean_names_that_differ_in_a_syllable_stay_apart(a, b):
    assert not merged(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("maxamed", "mohammed"), ("magomed", "muhammad"), ("mehmet", "mohamed"), ("akhmed", "ahmad"),
     ("yuusuf", "yousef"), ("maxamuud", "mahmoud"), ("ibragim", "ibrahim")],
)
def test_spellings_of_one_given_name_match(a, b):
    assert unit_similarity(a, b) >= thresholds()["part_match"]


@pytest.mark.parametrize(
    ("a", "b"), [("mohamud", "mohamed"), ("mahmoud", "muhammad"), ("ahmed", "mohammed"), ("hassan", "hossein")])
def test_two_given_names_of_one_root_stay_apart(a, b):
    assert unit_similarity(a, b) < thresholds()["review"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("dzhabrail", "djabrail"), ("dzhabrail", "jabrail"), ("yevkurov", "evkurov"), ("schtschukin", "shchukin"),
     ("tchaikovsky", "chaikovskiy"), ("evguenia", "yevgeniya"), ("nurettin", "nureddin"), ("alaeddine", "alaadin"),
     ("murat", "murad"), ("rowshan", "roushan")],
)
def test_cyrillic_turkish_and_al_din_spelling_habits_are_undone(a, b):
    assert unit_similarity(a, b) >= thresholds()["part_match"]


@pytest.mark.parametrize(("a", "b"), [("yevgeny", "yevgenia"), ("shchukin", "shchukina"), ("dzhabrail", "jibril")])
def test_cyrillic_gender_forms_and_other_names_stay_apart(a, b):
    assert unit_similarity(a, b) < thresholds()["part_match"]


def test_somali_ayn_before_abd_is_the_arabic_prefix():
    somali, arabic = parse("Cabdiraxmaan Cabdullaahi", "person").units[1], parse("Abdullahi", "person").units[0]
    assert unit_similarity(somali, arabic) == 1.0
    assert merged("Cabdullaahi Xasan Warsame", "Abdullahi Hassan Warsame")


def test_father_and_son_stay_apart_in_every_system():
    assert not merged("Mao Anying", "Mao Zedong")
    assert not merged("Magomed Yevloyev", "Ruslan Magomed Yevloyev")
    assert not merged("Kim Il-sung", "Kim Jong-il")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Forces armées libanaises", "Lebanese Armed Forces"), ("Ejército Nacional de Colombia", "Colombian National Army"),
     ("FAL", "Lebanese Armed Forces"), ("Comité international de la Croix-Rouge", "International Committee of the Red Cross")],
)
def test_country_adjectives_and_organisation_words_translate(a, b):
    assert compare(a, b, "organization").value >= thresholds()["merge"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Armée nationale libyenne", "Syrian National Army"), ("Forces armées libanaises", "Egyptian Armed Forces"),
     ("Ejército Nacional de Colombia", "Mexican National Army")],
)
def test_two_countries_forces_stay_apart(a, b):
    assert compare(a, b, "organization").value < thresholds()["merge"]


def test_a_chinese_name_meets_its_other_romanisation_in_a_block():
    assert blocking_keys("Teng Hsiao-p'ing", "person") & blocking_keys("Deng Xiaoping", "person")
    assert not any(k.startswith("z:") for k in blocking_keys("Musa Ali", "person"))


def test_the_resolver_joins_one_chinese_name_in_both_systems_and_keeps_another_apart():
    names = ["Teng Hsiao-p'ing", "Deng Xiaoping", "Deng Xiaopeng"]
    entities = [Entity(Entity.make_id("person", n), "person", n) for n in names]
    clusters = NameResolver().clusters(entities)
    wade_giles, pinyin, other = (clusters[e.id] for e in entities)
    assert wade_giles == pinyin != other


def test_the_score_says_which_system_compared_the_names():
    assert "compared as Chinese syllables (pinyin and Wade-Giles)" in compare("Liu Shaoqi", "Liu Shao-ch'i", "person").reasons
    assert any("Korean" in r for r in compare("Kim Dae-jung", "Kim Tae-chung", "person").reasons)
    assert not any("compared as" in r for r in compare("Naji Zaheer", "Naji Zahir", "person").reasons)
