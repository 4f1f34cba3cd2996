"""Hand-written spec tests for find_timexes: extents, TIMEX3 types/values, intervals, anchors."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from newsgraph.time import find_timexes

DCT = date(2024, 11, 5)  # a Tuesday

NARRATIVE = (
    "The harbour authority in Mombasa recently approved a new pier, officials said. "
    "The decision follows a storm in August 2019, weeks before the ferry strike.\n\n"
    "Earlier, on 12 June 2018, two days after the June 10 blockade of the port, the mayor met "
    "union leaders. On the same day, she addressed the city council. The next day she flew to "
    "Nairobi. During that visit she met the minister.\n\n"
    "In January 2020 the works began. Subsequently, on March 4, 2020, the first ship docked. "
    "An unsigned letter was circulated."
)


def by_text(text, dct=DCT):
    found = find_timexes(text, dct, "doc")
    return {t.text: t for t in found}


def value_of(text, phrase, dct=DCT):
    return by_text(text, dct)[phrase].value


def test_offsets_point_into_the_text_and_are_sorted():
    found = find_timexes(NARRATIVE, DCT, "doc")
    assert found, "expected time expressions"
    assert all(NARRATIVE[t.start : t.end] == t.text for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(t.doc == "doc" for t in found)


def test_narrative_article():
    t = by_text(NARRATIVE)
    assert t["recently"].value == "PAST_REF"
    assert (t["recently"].earliest, t["recently"].latest) == (None, "2024-11-05")
    assert t["August 2019"].value == "2019-08"
    assert t["August 2019"].granularity == "month"
    assert t["12 June 2018"].value == "2018-06-12"
    # a bare month/day takes the year of the date the sentence is about
    assert t["June 10"].value == "2018-06-10"
    assert t["June 10"].anchor.text == "12 June 2018"
    # "On the same day" is the day of the clause's own date, not of the blockade it mentions
    same_day = t["the same day"]
    assert same_day.value == "2018-06-12"
    assert same_day.anchor.timex == t["12 June 2018"].id
    assert same_day.anchor.relation == "same"
    next_day = t["The next day"]
    assert next_day.value == "2018-06-13"
    assert (next_day.anchor.relation, next_day.anchor.offset) == ("after", "P1D")
    assert t["that visit"].value == "2018-06-13"
    assert t["January 2020"].value == "2020-01"
    assert t["January 2020"].granularity == "month"
    assert t["March 4, 2020"].value == "2020-03-04"
    assert not any("letter" in text or "unsigned" in text for text in t)


def test_duration_counted_from_the_date_that_follows():
    t = by_text(NARRATIVE)
    two_days = t["two days"]
    assert (two_days.type, two_days.value) == ("DURATION", "P2D")
    assert (two_days.earliest, two_days.latest) == ("2018-06-12", "2018-06-12")
    assert two_days.anchor.timex == t["June 10"].id
    assert two_days.anchor.relation == "after"


def test_weeks_before_an_undated_event_is_bounded_by_the_preceding_date_and_the_dct():
    weeks = by_text(NARRATIVE)["weeks"]
    assert (weeks.type, weeks.value) == ("DURATION", "PXW")
    assert (weeks.earliest, weeks.latest) == ("2019-08-01", "2024-11-05")
    assert weeks.anchor.text == "August 2019"


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("Talks resumed on October 7, 2023.", "October 7, 2023", "2023-10-07"),
        ("Talks resumed on 7 October 2023.", "7 October 2023", "2023-10-07"),
        ("The file is dated 2023-10-07.", "2023-10-07", "2023-10-07"),
        ("Sales fell in October 2023.", "October 2023", "2023-10"),
        ("The company was founded in 1987.", "1987", "1987"),
        ("Profit rose in the fourth quarter of 2023.", "the fourth quarter of 2023", "2023-Q4"),
        ("Prices peaked in the summer of 2021.", "the summer of 2021", "2021-SU"),
        ("It grew in the 1990s.", "the 1990s", "199"),
        ("Rates soared in mid-1996.", "mid-1996", "1996"),
        ("He spoke yesterday.", "yesterday", "2024-11-04"),
        ("He will speak tomorrow.", "tomorrow", "2024-11-06"),
        ("He spoke today.", "today", "2024-11-05"),
        ("He spoke on Friday.", "Friday", "2024-11-01"),
        ("He will speak on Friday.", "Friday", "2024-11-08"),
        ("The board met last week.", "last week", "2024-W44"),
        ("The board meets this week.", "this week", "2024-W45"),
        ("The board met last month.", "last month", "2024-10"),
        ("Output rose this year.", "this year", "2024"),
        ("Output fell last year.", "last year", "2023"),
        ("It opens next year.", "next year", "2025"),
        ("It closed two years ago.", "two years ago", "2022"),
        ("It closed three days ago.", "three days ago", "2024-11-02"),
        ("The strike lasted two years.", "two years", "P2Y"),
        ("The siege lasted three hours.", "three hours", "PT3H"),
        ("a five-year plan", "five-year", "P5Y"),
        ("Costs rose over the past three years.", "the past three years", "P3Y"),
        ("We are ready now.", "now", "PRESENT_REF"),
        ("It will end soon enough in the future.", "the future", "FUTURE_REF"),
        ("The paper is published quarterly and the index daily.", "daily", "P1D"),
        ("The bus comes every week.", "every week", "P1W"),
        ("It happened earlier this month.", "earlier this month", "2024-11"),
        ("The vote is on Nov. 20.", "Nov. 20", "2024-11-20"),
        ("The talks ended at 10:35 a.m.", "10:35 a.m.", "2024-11-05T10:35"),
        ("Polls close on Election Day.", "Election Day", "2024-11-05"),
        ("Shops shut on Christmas Day.", "Christmas Day", "2024-12-25"),
        ("They met the week of Oct. 7.", "the week of Oct. 7", "2024-W41"),
        ("It was founded a decade ago.", "a decade ago", "2014"),
    ],
)
def test_values_relative_to_the_dct(text, phrase, value):
    assert value_of(text, phrase) == value


def test_modifiers():
    assert by_text("It happened earlier this month.")["earlier this month"].mod == "START"
    assert by_text("Rates soared in mid-1996.")["mid-1996"].mod == "MID"
    assert by_text("They stayed for more than four hours.")["more than four hours"].mod == "MORE_THAN"


def test_extent_excludes_prepositions_and_keeps_determiners():
    found = by_text("In the third quarter of 2023, profit rose; in January it fell.")
    assert "the third quarter of 2023" in found
    assert "January" in found


def test_no_dct_never_invents_a_date():
    t = by_text(
        "He left yesterday and returned on Friday, then on April 26 he spoke. Last week was calm.", dct=None
    )
    assert t["yesterday"].value is None
    assert t["Friday"].value == "XXXX-WXX-5"
    assert t["April 26"].value == "XXXX-04-26"
    assert t["April 26"].earliest is None
    assert t["Last week"].value is None


def test_no_dct_but_a_dated_narrative():
    t = by_text("On 3 March 2019 the envoy arrived. On April 26 he left.", dct=None)
    assert t["April 26"].value == "2019-04-26"


def test_granularity_is_never_finer_than_the_text():
    for text, phrase, granularity in [
        ("In January 2024 the plant opened.", "January 2024", "month"),
        ("In 2024 the plant opened.", "2024", "year"),
        ("In the spring of 2024 it opened.", "the spring of 2024", "season"),
        ("It opened on 4 January 2024.", "4 January 2024", "day"),
    ]:
        timex = by_text(text)[phrase]
        assert timex.granularity == granularity, phrase


def test_bare_month_takes_the_nearest_year_to_the_dct():
    # November 2024 DCT: "September" is two months back, "January" is ten months back
    assert value_of("Output fell in September.", "September") == "2024-09"
    assert value_of("Output fell in January.", "January") == "2024-01"
    assert value_of("The plant will reopen in January.", "January") == "2025-01"


def test_words_that_are_not_times():
    assert by_text("You may leave. Jan Kavan said so; a 6-year-old boy and 500 seats a week.") == {}
    assert "An undated video" not in by_text("An undated video emerged.")


def test_a_week_after_the_referenced_date():
    t = by_text("Police made arrests a week after the October 7 attack.", dct=date(2023, 12, 1))
    week = t["a week"]
    assert (week.earliest, week.latest) == ("2023-10-14", "2023-10-14")
    assert week.anchor.timex == t["October 7"].id
    assert (week.anchor.relation, week.anchor.offset) == ("after", "P1W")


SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "sample_article.txt"


@pytest.mark.skipif(not SAMPLE.is_file(), reason="shared sample article not available")
def test_shared_sample_article():
    text = SAMPLE.read_text(encoding="utf-8")
    found = find_timexes(text, date(2025, 2, 10), "sample")
    t = {x.text: x for x in found}
    assert t["3 May 2021"].value == "2021-05-03"
    assert t["April 26"].value == "2021-04-26"
    assert t["July 2021"].value == "2021-07"
    assert t["March 2024"].value == "2024-03"
    assert (t["recently"].value, t["recently"].latest) == ("PAST_REF", "2025-02-10")
    assert t["the same day"].value == "2021-05-03"
    assert t["the same day"].anchor.timex == t["3 May 2021"].id
    weeks = t["weeks"]
    assert weeks.earliest == "2024-03-01" and weeks.latest == "2025-02-10"
    assert not any("undated" in x for x in t)


def test_a_datetime_dct_counts_as_its_day():
    assert value_of("He came yesterday.", "yesterday", dct=datetime(2020, 5, 5, 23, 30)) == "2020-05-04"


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        # the clause's tense: the verb that governs the expression, not any marker nearby
        ("A bomb went off next to the embassy Friday.", "Friday", "2024-11-01"),
        ("The offer had been scheduled to expire Friday.", "Friday", "2024-11-01"),
        ("The offer is scheduled to expire Friday.", "Friday", "2024-11-08"),
        ("Until Thursday, they had not called him a suspect.", "Thursday", "2024-10-31"),
        ("In September, it announced plans to acquire the business.", "September", "2024-09"),
        ("Aid for victims of the Oct. 28 blasts would arrive later.", "Oct. 28", "2024-10-28"),
        ("Sales this year through August were flat.", "August", "2024-08"),
        ("The bank extended the loan through January.", "January", "2025-01"),
        ("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", "Feb. 1", "2025-02-01"),
        # counted from the day being discussed
        ("Shares closed Friday up 2% from the previous Friday.", "the previous Friday", "2024-10-25"),
        ("Protesters gathered as Easter week began.", "Easter week", "2024-W13"),  # Easter: 31 March
        ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "2024-11-04TAF"),
        ("He will leave at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday", "2024-11-07T04:00"),
        ("He will leave at 4 in the morning.", "4 in the morning", "2024-11-05T04:00"),
        # ranges and alternatives are one expression, valued by the first
        ("Repairs take two to three weeks.", "two to three weeks", "P2W"),
        ("The talks may last weeks or months.", "weeks or months", "PXW"),
        ("Prosecutors may soon seek an indictment.", "soon", "FUTURE_REF"),
        ("Islam will one day be the largest religion there.", "one day", "FUTURE_REF"),
        ("The strike lasted one day.", "one day", "P1D"),
    ],
)
def test_values_read_from_the_clause(text, phrase, value):
    assert value_of(text, phrase) == value


def test_possessive_and_signal_words_stay_outside_the_extent():
    found = by_text("Wednesday's ruling came within two weeks of yesterday's hearing.")
    assert found["Wednesday"].value == "2024-10-30"
    assert found["yesterday"].value == "2024-11-04"
    assert found["two weeks"].value == "P2W"


def test_a_modifier_leaves_the_article_to_its_noun():
    found = by_text("The 30-day review covered the third-quarter loss and the 1988 period.")
    assert {"30-day", "third-quarter", "the 1988 period"} <= set(found)


def test_soon_only_with_a_modal():
    assert "soon" not in by_text("He was soon released, and as soon as possible he left.")


def test_year_ago_periods_in_an_earnings_report():
    t = by_text(
        "After a flat second quarter, profit rose in the third quarter. The year-earlier period "
        "included charges. For the quarter a year ago, sales were lower than in last year's quarter "
        "and than in the corresponding period last year."
    )
    assert t["the third quarter"].value == "2024-Q3"
    assert t["The year-earlier period"].value == "2023-Q3"
    assert t["the quarter a year ago"].value == "2023-Q3"
    assert t["last year's quarter"].value == "2023-Q3"
    assert t["the corresponding period last year"].value == "2023-Q3"


def test_coordinated_days_share_the_month():
    t = by_text("The summit meets on April 24 and 25; 24 and 25 people came.")
    assert (t["April 24"].value, t["25"].value) == ("2024-04-24", "2024-04-25")
    assert t["25"].anchor.timex == t["April 24"].id
    assert len(t) == 2


def test_plural_weekdays_are_sets():
    t = by_text("Flights leave on Monday and Tuesday nights, and on Sundays; one left Friday.")
    assert (t["Monday"].type, t["Monday"].value) == ("SET", "XXXX-WXX-1TNI")
    assert (t["Tuesday nights"].type, t["Tuesday nights"].value) == ("SET", "XXXX-WXX-2TNI")
    assert (t["Sundays"].type, t["Sundays"].value) == ("SET", "XXXX-WXX-7")
    assert (t["Friday"].type, t["Friday"].value) == ("DATE", "2024-11-01")
