"""The events stage on small hand-written texts (invented people, real places), through the
real default pipeline: spaCy parse, mentions, coreference, time expressions, then events.

Each test states the facts a careful reader takes from its text.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.model import Analysis, Document, Event
from newsgraph.pipeline import Pipeline

PUBLISHED = date(2024, 6, 12)  # a Wednesday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze(Document(text=text, published=PUBLISHED))


def entity_id(analysis: Analysis, name: str) -> str:
    return next(e.id for e in analysis.entities if name == e.name or name in e.aliases)


def named(analysis: Analysis, event: Event) -> set[str]:
    names = {e.id: e.name for e in analysis.entities}
    return {names[p.entity] for p in event.participants}


def events_of(analysis: Analysis, type_: str) -> list[Event]:
    return [v for v in analysis.events if v.type == type_]


def test_a_meeting_the_text_says_did_not_happen_is_denied(pipeline):
    for text in ("Dmitri Volkov did not meet Aslan Umarov in Grozny on Friday.",
                 "Colonel Arturo Mendoza Quiroga denied that he met Li Wenhua in Cartagena last year."):
        analysis = analyse(pipeline, text)
        [meeting] = events_of(analysis, "meeting")
        assert meeting.certainty == "denied", text


def test_a_planned_visit_is_not_a_past_visit(pipeline):
    analysis = analyse(pipeline, "The Kenyan foreign minister, Wanjiru Kamau, will visit Addis Ababa next week. "
                                 "Kamau is scheduled to meet Abiy Tesfaye there.")
    [visit] = events_of(analysis, "visit")
    assert visit.modality == "planned"
    assert visit.place == entity_id(analysis, "Addis Ababa")
    [meeting] = events_of(analysis, "meeting")
    assert meeting.modality == "planned"
    kamau = next(p for p in meeting.participants if p.entity == entity_id(analysis, "Wanjiru Kamau"))
    assert kamau.role == "participant"  # the subject of "is scheduled to meet", not its object
    assert all(v.modality == "planned" for v in analysis.events)


def test_a_sentence_without_a_date_never_yields_a_dated_event(pipeline):
    analysis = analyse(pipeline, "On 4 March 2023, the council convened in Kabul. "
                                 "Ahmad Zubair Sultani met Gulbuddin Rahimi in Herat.")
    [meeting] = events_of(analysis, "meeting")
    assert named(analysis, meeting) == {"Ahmad Zubair Sultani", "Gulbuddin Rahimi"}
    assert meeting.place == entity_id(analysis, "Herat")
    assert meeting.time is None or meeting.time.value is None
    # Undated, but it happened before the article was published.
    assert meeting.time is not None and meeting.time.latest == PUBLISHED.isoformat()


def test_a_dated_event_takes_the_time_of_its_own_clause(pipeline):
    analysis = analyse(pipeline, "Police spokesperson Nomvula Dlamini said on Wednesday that the "
                                 "Cape Town mayor met Sipho Ndlovu in Durban on Monday.")
    [meeting] = events_of(analysis, "meeting")
    assert meeting.time is not None and meeting.time.value == "2024-06-10"  # not the Wednesday of saying


def test_a_hedged_claim_is_hedged(pipeline):
    analysis = analyse(pipeline, "Dmitri Volkov allegedly met Aslan Umarov in Grozny in April.")
    [meeting] = events_of(analysis, "meeting")
    assert meeting.certainty == "hedged"
    assert meeting.time.value == "2024-04"


def test_what_a_named_person_said_is_reported_with_that_person_as_source(pipeline):
    analysis = analyse(pipeline, "Police spokesperson Nomvula Dlamini said that Thabo Mokoena met "
                                 "Sipho Ndlovu in Durban on Monday.")
    [meeting] = events_of(analysis, "meeting")
    assert meeting.certainty == "reported"
    assert meeting.evidence[0].source == entity_id(analysis, "Nomvula Dlamini")
    assert meeting.place == entity_id(analysis, "Durban")


def test_a_participant_joining_by_video_link_is_remote(pipeline):
    analysis = analyse(pipeline, "Fatima Zahra Benali addressed the forum in Rabat, where "
                                 "Youssef El Amrani took part via video link.")
    [speech] = events_of(analysis, "speech")
    by_entity = {p.entity: p for p in speech.participants}
    assert by_entity[entity_id(analysis, "Youssef El Amrani")].remote is True
    assert by_entity[entity_id(analysis, "Fatima Zahra Benali")].remote is False
    assert speech.place == entity_id(analysis, "Rabat")


def test_two_events_in_one_sentence_are_two_events(pipeline):
    analysis = analyse(pipeline, "Kim Jong-su visited Pyongyang in 2018 and met Park Min-ho.")
    [visit] = events_of(analysis, "visit")
    [meeting] = events_of(analysis, "meeting")
    assert visit.place == entity_id(analysis, "Pyongyang")
    assert named(analysis, meeting) == {"Kim Jong-su", "Park Min-ho"}  # the subject is shared
    assert visit.id != meeting.id


def test_that_visit_refers_back_and_lends_its_place_and_time(pipeline):
    analysis = analyse(pipeline, "In May 2019, Hans-Peter Vogel visited Vienna. During that visit, "
                                 "he addressed a rally of the Freedom Union.")
    [visit] = events_of(analysis, "visit")
    assert len(visit.evidence) == 2  # "visited Vienna" and "that visit"
    assert "During that visit" in visit.evidence[1].sentence
    [speech] = events_of(analysis, "speech")
    assert speech.place == entity_id(analysis, "Vienna")
    assert speech.time.value == "2019-05"
    assert named(analysis, speech) == {"Hans-Peter Vogel"}


def test_a_conditional_event_is_not_a_fact(pipeline):
    analysis = analyse(pipeline, "If Kwame Mensah meets Kofi Boateng in Accra, the talks will collapse.")
    assert events_of(analysis, "meeting") == []


def test_evidence_points_at_the_text_and_ids_are_stable(pipeline):
    text = "Fatima Zahra Benali addressed the forum in Rabat on 2 May 2022."
    first, second = analyse(pipeline, text), analyse(pipeline, text)
    assert [v.id for v in first.events] == [v.id for v in second.events]
    for event in first.events:
        for evidence in event.evidence:
            assert evidence.sentence in text
            assert text[evidence.start:evidence.end] in evidence.sentence


def test_what_is_said_in_wire_copy_is_dated_by_the_dateline_not_by_the_deed(pipeline):
    text = ("NAIROBI, March 4 – Police spokesperson Wanjiku Mwangi said in a statement that officers had "
            "arrested two suspects on Saturday. On Monday, Omar Farah told a news conference in Mombasa "
            "that the port would reopen.")
    analysis = pipeline.analyze(Document(text=text, published=date(2024, 3, 4)))
    [statement] = events_of(analysis, "statement")
    assert named(analysis, statement) == {"Wanjiku Mwangi"}
    assert statement.time.value == "2024-03-04"  # the dateline's day, not the Saturday of the arrests
    [briefing] = events_of(analysis, "press_conference")
    assert named(analysis, briefing) == {"Omar Farah"}
    assert briefing.place == entity_id(analysis, "Mombasa")
    assert briefing.time.value == "2024-03-04"  # "On Monday" of a Monday dateline
    assert all(e.name != "NAIROBI" for v in analysis.events for e in analysis.entities
               if e.id in {p.entity for p in v.participants})


def test_conjoined_subjects_all_take_part_and_companions_are_kept(pipeline):
    analysis = analyse(pipeline, "Aylin Demir and Mehmet Yilmaz met Kemal Arslan in Izmir on 12 April 2023. "
                                 "In 2022, Tran Van Long visited Hanoi along with other Mekong Brigade officials.")
    [meeting] = events_of(analysis, "meeting")
    assert named(analysis, meeting) == {"Aylin Demir", "Mehmet Yilmaz", "Kemal Arslan"}
    assert meeting.time.value == "2023-04-12"
    [visit] = events_of(analysis, "visit")
    roles = {p.entity: p.role for p in visit.participants}
    assert roles[entity_id(analysis, "Mekong Brigade")] == "accompanying"
    assert visit.time.value == "2022"


def test_a_lede_event_and_its_telling_in_detail_are_one_event(pipeline):
    # The lede names the arresting service through "it" and leaves the detainee unnamed; the
    # detail names him ("identified as"), the town ("the town of X") and the day.
    analysis = analyse(pipeline, "LAGOS, June 12 – The Nigeria Police Force said on Wednesday it had arrested "
                                 "a businessman suspected of funding kidnappers. The suspect, identified as "
                                 "Chukwuemeka Obiora Nwankwo, was arrested at a hotel in the town of Onitsha "
                                 "on Sunday, the police said.")
    [arrest] = events_of(analysis, "arrest")
    assert named(analysis, arrest) == {"Nigeria Police Force", "Chukwuemeka Obiora Nwankwo"}
    assert arrest.place == entity_id(analysis, "Onitsha")
    assert arrest.time.value == "2024-06-09"
    assert len(arrest.evidence) == 2


def test_an_arrest_of_another_person_in_another_country_stays_apart(pipeline):
    analysis = analyse(pipeline, "NAIROBI, June 12 – Kenyan police arrested Otieno Kamau Mwangi in Nairobi "
                                 "on Monday. Separately, Ugandan police arrested Okello Musoke Ssempala in "
                                 "Kampala on Tuesday.")
    arrests = events_of(analysis, "arrest")
    assert len(arrests) == 2


def test_plural_undated_event_nouns_speak_of_a_habit(pipeline):
    analysis = analyse(pipeline, "Imam Yusuf Abdullahi Garba rarely travels, and his sermons circulate "
                                 "on messaging apps in Kano.")
    assert events_of(analysis, "speech") == []


def test_an_arrest_reported_without_its_agent_was_made_by_the_reporting_organisation(pipeline):
    analysis = analyse(pipeline, "Emeka Chidi Okafor was detained at a bus station in Enugu on Monday, "
                                 "the Department of State Services said.")
    [arrest] = events_of(analysis, "arrest")
    assert named(analysis, arrest) == {"Emeka Chidi Okafor", "Department of State Services"}
    assert arrest.certainty == "reported"


def test_told_reporters_is_a_press_conference_only_on_a_day_of_its_own(pipeline):
    quoted = analyse(pipeline, '"We will appeal," opposition leader Sipho Ndlovu told reporters outside the court.')
    assert events_of(quoted, "press_conference") == []
    dated = analyse(pipeline, "Opposition leader Sipho Ndlovu told reporters in Durban on Tuesday that the "
                              "party would appeal.")
    [conference] = events_of(dated, "press_conference")
    assert named(dated, conference) == {"Sipho Ndlovu"}
    assert conference.place == entity_id(dated, "Durban")


def test_a_court_finding_someone_guilty_and_a_hearing_before_a_court_in_a_city_are_trials(pipeline):
    analysis = analyse(pipeline, "The Nairobi High Court found Peter Kariuki Waweru guilty of arson. "
                                 "Grace Atieno Odhiambo is scheduled to appear before a court in Mombasa "
                                 "next month.")
    verdict, hearing = events_of(analysis, "trial")
    assert entity_id(analysis, "Nairobi High Court") in {p.entity for p in verdict.participants}
    assert named(analysis, hearing) == {"Grace Atieno Odhiambo"}
    assert hearing.place == entity_id(analysis, "Mombasa")
    assert hearing.modality == "planned"
