"""The times events need, on small hand-written news sentences from several traditions (wire
copy with GMT clock times, British and South Asian dateline styles, earnings and court
reports): lengths stay lengths, a weekday with a clock time lands in the week the tense
points to, and vague spans get the days they can cover."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.time import find_timexes

WEDNESDAY = date(2024, 11, 6)


def by_text(text: str, dct: date | None = WEDNESDAY) -> dict:
    return {t.text: t for t in find_timexes(text, dct, "doc")}


def interval(timex) -> tuple[str | None, str | None]:
    return timex.earliest, timex.latest


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("He has lived in exile in London for eight years.", "eight years", "P8Y"),
        ("She stayed in Kano for a month before returning to Abuja.", "a month", "P1M"),
        ("During a month-long stay in Lahore, the commander met the cleric.", "a month-long", "P1M"),
        ("The siege of the compound lasted a fortnight.", "a fortnight", "P2W"),
        ("Mr Khan spent two weekends in Peshawar.", "two weekends", "P4D"),
        ("The minister has held the post for the past three years.", "the past three years", "P3Y"),
    ],
)
def test_a_length_is_a_duration_and_names_no_date(text, phrase, value):
    timex = by_text(text)[phrase]
    assert (timex.type, timex.value) == ("DURATION", value)


def test_a_length_up_to_the_dct_covers_the_days_before_it():
    found = by_text("Rebels have held the town for the past eight years, and the past few days were calm.")
    assert interval(found["the past eight years"]) == ("2016-11-06", "2024-11-06")
    assert interval(found["the past few days"]) == ("2024-10-23", "2024-11-06")  # a vague count: two weeks
    assert by_text("He spent the last two years of the war in Kano.")["the last two years"].earliest is None


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        # past tense: the last such weekday before the Wednesday document
        ("The ceasefire took effect at 15:00 GMT Saturday.", "15:00 GMT Saturday", "2024-11-02T15:00Z"),
        ("The rally was held on Saturday at 3 pm.", "3 pm", "2024-11-02T15:00"),
        ("Gunmen struck at 1500 GMT on Monday, police said.", "1500 GMT on Monday", "2024-11-04T15:00Z"),
        # future or planned: the next one
        ("The ceasefire will take effect at 15:00 GMT Saturday.", "15:00 GMT Saturday", "2024-11-09T15:00Z"),
        ("The rally will be held on Saturday at 3 pm.", "3 pm", "2024-11-09T15:00"),
        (
            "The minister is expected to land at 2pm local time on Monday.",
            "2pm local time on Monday",
            "2024-11-11T14:00",
        ),
        ("The talks, set for 10:00 on Sunday, may be postponed.", "10:00 on Sunday", "2024-11-10T10:00"),
    ],
)
def test_a_weekday_with_a_clock_time_lands_in_the_week_the_tense_points_to(text, phrase, value):
    timex = by_text(text)[phrase]
    assert (timex.type, timex.value) == ("TIME", value)
    assert timex.earliest == timex.latest == value[:10]


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        # a present tense that names a timetable is the future
        ("The trial of the four suspects resumes on Monday.", "Monday", "2024-11-11"),
        ("Talks resume in Geneva on Monday.", "Monday", "2024-11-11"),
        ("The deadline expires at midnight on Friday.", "midnight on Friday", "2024-11-08T24:00"),
        ("The summit began on Thursday in Kampala.", "Thursday", "2024-10-31"),
    ],
)
def test_a_timetable_in_the_present_is_ahead(text, phrase, value):
    assert by_text(text)[phrase].value == value


def test_later_than_an_undated_event_gives_no_day():
    later = by_text("The group claimed the attack a day later.")["a day"]
    assert (later.type, later.value, later.earliest, later.latest) == ("DURATION", "P1D", None, None)
    dated = by_text("The raid came on 2 November. The group claimed it a day later.")["a day"]
    assert (dated.earliest, dated.latest) == ("2024-11-03", "2024-11-03")


def test_a_clock_time_joined_to_its_weekday_keeps_what_the_day_was_counted_from():
    joined = by_text("The ceasefire took effect at 15:00 GMT Saturday.")["15:00 GMT Saturday"]
    assert (joined.anchor.timex, joined.anchor.relation, joined.anchor.offset) == (None, "before", "P4D")


def test_a_clock_time_restated_in_another_zone_is_not_another_time():
    found = by_text("The blast came at 10:35 a.m. (0735 GMT) on Saturday.")
    assert list(found) == ["10:35 a.m.", "Saturday"]  # two expressions, as TimeML tags them
    assert found["10:35 a.m."].value == "2024-11-02T10:35"  # on the Saturday that follows
    polls = by_text("Voting closes at 3 pm local time (1200 GMT) on Sunday.")
    assert polls["3 pm local time"].value == "2024-11-10T15:00"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Protesters will gather after Friday prayers in Srinagar.", "2024-11-08"),
        ("Clerics are expected to address crowds after Friday prayers.", "2024-11-08"),
        ("Crowds gathered after Friday prayers in Srinagar.", "2024-11-01"),
    ],
)
def test_friday_prayers_in_a_wednesday_article(text, value):
    assert by_text(text)["Friday"].value == value


def test_now_is_the_present_and_now_defunct_is_not_a_time():
    found = by_text("The group, now based in Quetta, absorbed the now-defunct front.")
    assert list(found) == ["now"]
    assert (found["now"].value, *interval(found["now"])) == ("PRESENT_REF", "2024-11-06", "2024-11-06")
    assert by_text("Until now, no group has claimed the attack.")["now"].value == "PRESENT_REF"


@pytest.mark.parametrize(
    "text, phrase, value, span",
    [
        (
            "The envoy met Hamid Karzai last Tuesday.",
            "last Tuesday",
            "2024-11-05",
            ("2024-11-05", "2024-11-05"),
        ),
        ("Talks are taking place in Doha this week.", "this week", "2024-W45", ("2024-11-04", "2024-11-10")),
        # earlier than the DCT, within the month that holds it
        (
            "Officials met in Nairobi earlier this month.",
            "earlier this month",
            "2024-11",
            ("2024-11-01", "2024-11-06"),
        ),
        (
            "The envoy will visit Kabul later this month.",
            "later this month",
            "2024-11",
            ("2024-11-06", "2024-11-30"),
        ),
        # the last, first or middle third of the period
        ("The front was founded late last year.", "late last year", "2023", ("2023-09-01", "2023-12-31")),
        ("The plant opened in early 2024.", "early 2024", "2024", ("2024-01-01", "2024-04-30")),
        ("Fighting resumed in mid-October.", "mid-October", "2024-10", ("2024-10-11", "2024-10-20")),
        # as far as a vague count of days reaches from the DCT
        (
            "More arrests are expected in the coming days.",
            "the coming days",
            "FUTURE_REF",
            ("2024-11-06", "2024-11-20"),
        ),
        (
            "Police have arrested ten men in recent weeks.",
            "recent weeks",
            "PXW",
            ("2024-09-06", "2024-11-06"),
        ),
    ],
)
def test_deictic_expressions_get_the_days_they_can_cover(text, phrase, value, span):
    timex = by_text(text)[phrase]
    assert timex.value == value
    assert interval(timex) == span


@pytest.mark.parametrize(
    "text, duration, anchor_text, day",
    [
        ("Police made arrests a week after the October 7 attack.", "a week", "October 7", "2023-10-14"),
        (
            "Troops withdrew a fortnight after the raid of 7 October.",
            "a fortnight",
            "7 October",
            "2023-10-21",
        ),
        ("The army returned a decade after the 2013 siege.", "a decade", "2013", None),
        ("The trial opened three days after Hamas's Oct. 7 assault.", "three days", "Oct. 7", "2023-10-10"),
    ],
)
def test_a_length_after_a_dated_event_counts_from_that_date(text, duration, anchor_text, day):
    found = by_text(text, dct=date(2023, 12, 1))
    timex = found[duration]
    assert timex.type == "DURATION"
    assert timex.anchor.timex == found[anchor_text].id
    assert timex.anchor.relation == "after"
    if day is not None:
        assert interval(timex) == (day, day)


def test_a_length_after_the_event_the_story_has_just_dated_counts_from_its_date():
    found = by_text(
        "On 26 April, militants raided an army base in Borno. A week after the raid, police arrested six men."
    )
    week = found["A week"]
    assert interval(week) == ("2024-05-03", "2024-05-03")
    assert (week.anchor.timex, week.anchor.relation) == (found["26 April"].id, "after")
    found = by_text("On 3 May 2021 the envoy met the cleric. Two days after that meeting, he flew to Kano.")
    assert interval(found["Two days"]) == ("2021-05-05", "2021-05-05")
    # a named event is another one: the date of the sentence before only bounds it
    other = by_text("On 3 May 2021 the envoy met the cleric. Two days after the Kano rally, he flew home.")
    assert other["Two days"].earliest is None


def test_a_stay_for_a_length_after_a_date_runs_from_that_date():
    stay = by_text("He stayed in Maiduguri for a month after the March 2019 raid.")["a month"]
    assert (stay.type, stay.value, *interval(stay)) == ("DURATION", "P1M", "2019-03-01", "2019-04-30")
    hiding = by_text("The suspects hid for two weeks before the 12 May vote.")["two weeks"]
    assert (hiding.value, *interval(hiding)) == ("P2W", "2024-04-28", "2024-05-12")


def test_a_decade_before_counts_like_ten_years_before():
    decade = by_text("The cell formed a decade before the 2014 attack.")["a decade"]
    ten_years = by_text("The cell formed ten years before the 2014 attack.")["ten years"]
    assert (decade.value, decade.earliest, decade.latest) == ("P10Y", "2004-01-01", "2004-12-31")
    assert (ten_years.value, ten_years.earliest, ten_years.latest) == (
        decade.value,
        decade.earliest,
        decade.latest,
    )


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        (
            "The Mysore replaced the Tabar on patrol about a fortnight ago.",
            "about a fortnight ago",
            "2024-W43",
        ),
        ("The party held its congress two weekends ago.", "two weekends ago", "2024-W43-WE"),
        ("The dynasty fell a millennium ago.", "a millennium ago", "1024"),
    ],
)
def test_units_that_count_in_other_units_move_the_date(text, phrase, value):
    assert by_text(text)[phrase].value == value


@pytest.mark.parametrize(
    "text, dct, phrase, value",
    [
        # business and wire copy (the shapes of MEANTIME's Wikinews articles, written anew)
        ("The Air Force picked the rival bid on February 29.", date(2008, 7, 2), "February 29", "2008-02-29"),
        ("The carrier chose its supplier on February 29.", date(2009, 3, 1), "February 29", "2008-02-29"),
        (
            "Sales fell in the first quarter of last year.",
            date(2009, 5, 7),
            "the first quarter of last year",
            "2008-Q1",
        ),
        (
            "Profit rose in the final quarter of 2009.",
            date(2010, 1, 28),
            "the final quarter of 2009",
            "2009-Q4",
        ),
        ("Sales slumped in the last week of March.", date(2009, 4, 1), "the last week of March", "2009-W13"),
        (
            "Deliveries start in the first week of April.",
            date(2009, 3, 1),
            "the first week of April",
            "2009-W14",
        ),
        (
            "The jet flew almost two and a half years late.",
            date(2009, 12, 16),
            "almost two and a half years",
            "P2Y6M",
        ),
    ],
)
def test_calendar_phrases_of_business_news(text, dct, phrase, value):
    assert by_text(text, dct)[phrase].value == value


@pytest.mark.parametrize(
    "text, dct, value",
    [
        # the verb of the clause the date sits in is past, whatever a verb further back says
        ("Police say he planned the bombing of a market that killed nine people on January 9.",
         date(2025, 3, 26), "2025-01-09"),
        ("Prosecutors say the cell planned an ambush which wounded four soldiers on 9 January.",
         date(2025, 3, 12), "2025-01-09"),
        # a plan still ahead keeps the next one
        ("The group planned to attack the convoy on January 9.", date(2024, 12, 20), "2025-01-09"),
        ("Officials say he will visit the camp on January 9.", date(2024, 12, 20), "2025-01-09"),
    ],
)
def test_a_past_clause_puts_a_day_without_year_in_the_past(text, dct, value):
    dates = [t for t in find_timexes(text, dct, "doc") if t.type == "DATE"]
    assert [t.value for t in dates] == [value]


def test_a_story_date_of_recent_months_lends_no_year_to_a_later_month():
    # The story has just named December 2024; a February told in the past of a May 2025
    # story is the February since then, not the one before December.
    text = ("Police say the two men met in Lamu in December 2024. An official said on Tuesday "
            "that the recruiter may have been wounded in an air strike near Jilib in February.")
    found = by_text(text, date(2025, 5, 14))
    assert found["February"].value == "2025-02"
    # a story set years back still lends its year
    old = by_text("On 3 May 2021 the cleric met the commander. In August, the two men travelled to Kano.",
                  date(2024, 3, 15))
    assert old["August"].value == "2021-08"


def test_a_future_clause_takes_no_year_from_a_past_story_date():
    text = ("Prosecutors say the two men met at a farm near Oldenburg in August 2022. The founder "
            "is scheduled to appear before a court in Hamburg in February.")
    assert by_text(text, date(2024, 12, 11))["February"].value == "2025-02"


def test_after_the_meeting_counts_from_its_date_even_after_another_date_in_the_sentence():
    text = ("Haqyar met Karimi in Mashhad on January 15. He had crossed the border a day earlier, "
            "and he returned to Herat two days after the meeting.")
    found = by_text(text, date(2025, 1, 22))
    assert interval(found["a day"]) == ("2025-01-14", "2025-01-14")
    assert interval(found["two days"]) == ("2025-01-17", "2025-01-17")
    assert found["two days"].anchor.text == "January 15"
