"""The places part of the article evaluation: within 25 km is correct, farther is wrong, no
point is missed."""

from __future__ import annotations

from newsgraph.eval.articles import distance_km, score_article

GOLD = {
    "entities": [
        {"key": "kano", "type": "place", "names": ["Kano"]},
        {"key": "abuja", "type": "place", "names": ["Abuja"]},
        {"key": "baga", "type": "place", "names": ["Baga"]},
    ],
    "geo": {"kano": [12.0, 8.52], "abuja": [9.08, 7.4], "baga": [13.11, 13.84]},
}


def place(name: str, geo: dict | None) -> dict:
    return {"id": f"e-{name}", "type": "place", "name": name, "aliases": [], "mentions": [], "geo": geo}


def test_places_are_correct_within_25_km_wrong_farther_and_missed_without_a_point():
    export = {"entities": [
        place("Kano", {"lat": 12.1, "lon": 8.6}),  # about 14 km off
        place("Abuja", {"lat": 10.52, "lon": 7.44}),  # Kaduna's point: 160 km off
        place("Baga", None),
    ]}
    score = score_article(GOLD, export)
    assert (score.geo_gold, score.geo_correct, score.geo_wrong) == (3, 1, 1)
    assert score.figures()["geo_precision"] == 0.5
    assert "place too far: abuja at 160 km" in score.errors
    assert "place without a point: baga" in score.errors


def test_distance_is_the_great_circle_distance():
    assert round(distance_km(12.0, 8.52, 9.08, 7.4)) == 347  # Kano to Abuja: 2.92° north, 1.12° east
    assert distance_km(33.89, 35.5, 33.89, 35.5) == 0
