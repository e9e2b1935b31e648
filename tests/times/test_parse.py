"""Times the way people say them: every form, zones, daylight saving, the day chosen."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondstory.errors import SecondstoryError
from secondstory.files.model import Moment
from secondstory.times.parse import (
    ABOUT_MARGIN,
    EXACT_MARGIN,
    NO_TIME,
    Reading,
    TimeNotUnderstood,
    describe,
    describe_day,
    format_reading,
    format_when,
    parse_day,
    parse_when,
    to_utc,
    window,
)

AMS = "Europe/Amsterdam"
NOW = datetime(2017, 2, 1, 9, 0, tzinfo=UTC)  # Wed 1 Feb 2017, 10:00 in Amsterdam
START = datetime(2017, 1, 31, 22, 30)  # the incident began Tue 31 Jan, 22:30 Amsterdam time


def plus(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def at(*parts: int, tz: timezone | None = None) -> datetime:
    return datetime(*parts, tzinfo=tz)  # type: ignore[misc]


def read(text: str, zone: str = AMS, reference: datetime | None = START) -> Reading:
    return parse_when(text, zone=zone, reference=reference, now=NOW)


FORMS = [
    # --- clock times, placed on the incident's day
    ("23:00", at(2017, 1, 31, 23, 0), "exact"),  # 24-hour clock
    ("23:00:15", at(2017, 1, 31, 23, 0, 15), "exact"),  # with seconds
    ("2300", at(2017, 1, 31, 23, 0), "exact"),  # four digits, military style
    ("  11PM ", at(2017, 1, 31, 23, 0), "exact"),  # case and surrounding spaces ignored
    ("11 pm", at(2017, 1, 31, 23, 0), "exact"),  # space before pm
    ("11:05 pm", at(2017, 1, 31, 23, 5), "exact"),  # minutes and pm
    ("11:05pm", at(2017, 1, 31, 23, 5), "exact"),  # minutes, pm attached
    ("11.05 pm", at(2017, 1, 31, 23, 5), "exact"),  # a dot between hour and minutes
    ("11:05 p.m.", at(2017, 1, 31, 23, 5), "exact"),  # p.m. with dots
    ("23h05", at(2017, 1, 31, 23, 5), "exact"),  # French style
    ("12pm", at(2017, 1, 31, 12, 0), "exact"),  # 12pm is noon
    ("12am", at(2017, 2, 1, 0, 0), "exact"),  # 12am is midnight, nearest is after 22:30
    ("noon", at(2017, 1, 31, 12, 0), "exact"),  # a word for 12:00
    ("midnight", at(2017, 2, 1, 0, 0), "exact"),  # 00:00, the one right after 22:30
    ("9:15am", at(2017, 2, 1, 9, 15), "exact"),  # the next morning is nearer than this one
    # --- an offset or zone typed: the value is aware
    ("23:00 UTC", at(2017, 1, 31, 23, 0, tz=UTC), "exact"),  # UTC by name
    ("23:00Z", at(2017, 1, 31, 23, 0, tz=UTC), "exact"),  # ISO Z
    ("23:00 GMT", at(2017, 1, 31, 23, 0, tz=UTC), "exact"),  # GMT is UTC
    ("23:00 +01:00", at(2017, 1, 31, 23, 0, tz=plus(1)), "exact"),  # offset with colon
    ("23:00 +0100", at(2017, 1, 31, 23, 0, tz=plus(1)), "exact"),  # offset without colon
    ("23:00 -05", at(2017, 1, 31, 23, 0, tz=plus(-5)), "exact"),  # hours-only offset
    ("23:00 utc+1", at(2017, 1, 31, 23, 0, tz=plus(1)), "exact"),  # UTC plus an offset
    ("23:00 +05:30", at(2017, 1, 31, 23, 0, tz=plus(5.5)), "exact"),  # half-hour offset
    ("23:00 Europe/London", at(2017, 1, 31, 23, 0, tz=UTC), "exact"),  # IANA name, winter
    ("23:00 america/new_york", at(2017, 1, 31, 23, 0, tz=plus(-5)), "exact"),  # any case
    # --- roughly: precision about
    ("~23:00", at(2017, 1, 31, 23, 0), "about"),  # tilde
    ("about 23:00", at(2017, 1, 31, 23, 0), "about"),  # about
    ("around 11pm", at(2017, 1, 31, 23, 0), "about"),  # around
    ("roughly 23:00", at(2017, 1, 31, 23, 0), "about"),  # roughly
    ("approx 23:00", at(2017, 1, 31, 23, 0), "about"),  # approx
    ("approx. 23:00", at(2017, 1, 31, 23, 0), "about"),  # approx.
    ("approximately 23:00", at(2017, 1, 31, 23, 0), "about"),  # approximately
    ("ca. 23:00", at(2017, 1, 31, 23, 0), "about"),  # ca.
    ("circa 23:00", at(2017, 1, 31, 23, 0), "about"),  # circa
    ("11pm-ish", at(2017, 1, 31, 23, 0), "about"),  # -ish
    # --- not sure: precision unsure (it still keeps the time they gave)
    ("23:00?", at(2017, 1, 31, 23, 0), "unsure"),  # question mark
    ("maybe 23:00", at(2017, 1, 31, 23, 0), "unsure"),  # maybe
    ("not sure 23:00", at(2017, 1, 31, 23, 0), "unsure"),  # not sure
    ("unsure 23:00", at(2017, 1, 31, 23, 0), "unsure"),  # unsure
    ("perhaps 11pm", at(2017, 1, 31, 23, 0), "unsure"),  # perhaps
    ("~23:00?", at(2017, 1, 31, 23, 0), "unsure"),  # both: the less sure one wins
    ("unsure: 23:00", at(2017, 1, 31, 23, 0), "unsure"),  # the words describe() uses
    # --- dates
    ("2017-01-31 23:00", at(2017, 1, 31, 23, 0), "exact"),  # ISO date and time
    ("2017-01-31T23:00", at(2017, 1, 31, 23, 0), "exact"),  # ISO with T
    ("2017-01-31T23:00:00+01:00", at(2017, 1, 31, 23, 0, tz=plus(1)), "exact"),  # full ISO
    ("2017-01-31T23:00Z", at(2017, 1, 31, 23, 0, tz=UTC), "exact"),  # ISO in UTC
    ("2017/01/31 23:00", at(2017, 1, 31, 23, 0), "exact"),  # year first with slashes
    ("31 Jan 23:00", at(2017, 1, 31, 23, 0), "exact"),  # day month, year from reference
    ("Jan 31 23:00", at(2017, 1, 31, 23, 0), "exact"),  # month day
    ("31 Jan 2017 23:00", at(2017, 1, 31, 23, 0), "exact"),  # day month year
    ("January 31, 2017 11pm", at(2017, 1, 31, 23, 0), "exact"),  # long month, comma
    ("31st of January at 23:00", at(2017, 1, 31, 23, 0), "exact"),  # ordinal and words
    ("23:00 on 31 Jan", at(2017, 1, 31, 23, 0), "exact"),  # time before the date
    ("Tue 31 Jan 23:00", at(2017, 1, 31, 23, 0), "exact"),  # weekday that matches
    ("31/01/2017 23:00", at(2017, 1, 31, 23, 0), "exact"),  # day first: 31 can't be a month
    ("01/31/2017 23:00", at(2017, 1, 31, 23, 0), "exact"),  # month first, the only reading
    ("31.01.2017 23:00", at(2017, 1, 31, 23, 0), "exact"),  # dotted, with a year
    ("05/05 23:00", at(2017, 5, 5, 23, 0), "exact"),  # same either way; nearest year
    ("31 Dec 23:00", at(2016, 12, 31, 23, 0), "exact"),  # the year nearest the reference
    # --- words for days: relative to now (Wed 1 Feb 2017)
    ("yesterday 23:10", at(2017, 1, 31, 23, 10), "exact"),  # yesterday
    ("yesterday at 11 p.m.", at(2017, 1, 31, 23, 0), "exact"),  # with "at"
    ("today 9am", at(2017, 2, 1, 9, 0), "exact"),  # today
    ("tonight 11pm", at(2017, 2, 1, 23, 0), "exact"),  # tonight is today
    # --- weekdays: the one nearest the reference (Tue 31 Jan)
    ("tue 23:00", at(2017, 1, 31, 23, 0), "exact"),  # the reference's own day
    ("tuesday 23:00", at(2017, 1, 31, 23, 0), "exact"),  # full name
    ("mon 23:00", at(2017, 1, 30, 23, 0), "exact"),  # the day before
    ("thu 09:00", at(2017, 2, 2, 9, 0), "exact"),  # two days after is nearer than five before
    ("at 11pm on tuesday", at(2017, 1, 31, 23, 0), "exact"),  # time first, then the day
    # --- a qualifier with any date form
    ("yesterday ~23:10", at(2017, 1, 31, 23, 10), "about"),  # inside, before the time
    ("~31 Jan 2017 23:00", at(2017, 1, 31, 23, 0), "about"),  # in front of a date
    ("2017-01-31 23:00?", at(2017, 1, 31, 23, 0), "unsure"),  # after an ISO date
    ("about tue 11pm", at(2017, 1, 31, 23, 0), "about"),  # with a weekday
    ("maybe 2017-01-31T23:00Z", at(2017, 1, 31, 23, 0, tz=UTC), "unsure"),  # with a zone
]


@pytest.mark.parametrize(("text", "when", "precision"), FORMS, ids=[f[0] for f in FORMS])
def test_each_form_is_read_as_people_mean_it(text: str, when: datetime, precision: str) -> None:
    reading = read(text)
    assert reading.when == when
    assert reading.when.utcoffset() == when.utcoffset()
    assert reading.precision == precision


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_an_empty_field_means_no_time(text: str) -> None:
    assert read(text) == Reading(None, "exact")


NO_REFERENCE = [
    ("23:00", at(2017, 2, 1, 23, 0)),  # a bare time: now's date in the person's zone
    ("thu 09:00", at(2017, 1, 26, 9, 0)),  # the most recent Thursday
    ("wed 09:00", at(2017, 2, 1, 9, 0)),  # today counts as the most recent
    ("31 Dec 23:00", at(2016, 12, 31, 23, 0)),  # the most recent 31 Dec
    ("2 Feb 23:00", at(2016, 2, 2, 23, 0)),  # tomorrow's date is a year back
    ("29 Feb 12:00", at(2016, 2, 29, 12, 0)),  # the most recent leap day
    ("Sat 31 Jan 12:00", at(2015, 1, 31, 12, 0)),  # the most recent 31 Jan on a Saturday
]


@pytest.mark.parametrize(("text", "when"), NO_REFERENCE, ids=[c[0] for c in NO_REFERENCE])
def test_without_a_reference_days_come_from_now(text: str, when: datetime) -> None:
    assert read(text, reference=None).when == when


ROLLOVER = [
    # (reference, typed, expected): the date nearest the reference wins, ties go forward
    (at(2017, 1, 31, 23, 0), "00:30", at(2017, 2, 1, 0, 30)),  # just past midnight
    (at(2017, 2, 1, 0, 30), "23:50", at(2017, 1, 31, 23, 50)),  # just before midnight
    (at(2017, 1, 31, 12, 0), "00:00", at(2017, 2, 1, 0, 0)),  # 12 h either way: forward
    (at(2017, 1, 31, 11, 0), "10:00", at(2017, 1, 31, 10, 0)),  # a little earlier, same day
    (at(2017, 1, 31, 23, 30, tz=UTC), "00:45", at(2017, 2, 1, 0, 45)),  # aware reference
    (at(2017, 1, 31, 23, 30, tz=UTC), "23:50", at(2017, 1, 31, 23, 50)),  # 00:30 local
]


@pytest.mark.parametrize(("reference", "text", "when"), ROLLOVER)
def test_a_bare_time_lands_on_the_day_nearest_its_reference(
    reference: datetime, text: str, when: datetime
) -> None:
    assert read(text, reference=reference).when == when


def test_a_day_change_is_said_kindly_in_the_note() -> None:
    reading = read("00:30", reference=at(2017, 1, 31, 23, 0))
    assert reading.note == (
        "I took it to be the next day, Wed 1 Feb, the nearest to the time before it."
    )
    assert read("23:50", reference=at(2017, 2, 1, 0, 30)).note.startswith(
        "I took it to be the day before, Tue 31 Jan"
    )


ZONES = [
    # (zone, typed, UTC instant)
    (AMS, "11pm", at(2017, 1, 31, 22, 0, tz=UTC)),  # CET, +01:00
    ("America/New_York", "11pm", at(2017, 2, 1, 4, 0, tz=UTC)),  # EST, -05:00
    ("Asia/Kolkata", "11pm", at(2017, 1, 31, 17, 30, tz=UTC)),  # IST, +05:30
    ("UTC", "11pm", at(2017, 1, 31, 23, 0, tz=UTC)),  # UTC itself
    ("Asia/Kolkata", "23:00 UTC", at(2017, 1, 31, 23, 0, tz=UTC)),  # typed zone wins
    (AMS, "2017-07-01 12:00", at(2017, 7, 1, 10, 0, tz=UTC)),  # summer: CEST, +02:00
    ("America/New_York", "2017-07-01 12:00", at(2017, 7, 1, 16, 0, tz=UTC)),  # EDT
]


@pytest.mark.parametrize(("zone", "text", "instant"), ZONES)
def test_a_reading_lands_on_the_right_utc_instant(zone: str, text: str, instant: datetime) -> None:
    reading = read(text, zone=zone, reference=at(2017, 1, 31, 22, 30))
    assert reading.when is not None
    assert to_utc(reading.when, zone) == instant


DST = [
    # (zone, typed, wall time kept, UTC instant, words the note must hold)
    (AMS, "2026-03-29 02:30", at(2026, 3, 29, 3, 30), at(2026, 3, 29, 1, 30), "did not exist"),
    (AMS, "2026-10-25 02:30", at(2026, 10, 25, 2, 30), at(2026, 10, 25, 0, 30), '"02:30 +01:00"'),
    (AMS, "2026-10-25 02:30 +01:00", None, at(2026, 10, 25, 1, 30), ""),  # the second 02:30
    (AMS, "2026-10-25 02:30 +02:00", None, at(2026, 10, 25, 0, 30), ""),  # the first, said
    (AMS, "2026-10-25 03:30", at(2026, 10, 25, 3, 30), at(2026, 10, 25, 2, 30), ""),  # after
    ("America/New_York", "2026-03-08 2:30am", at(2026, 3, 8, 3, 30), at(2026, 3, 8, 7, 30), "EDT"),
    ("America/New_York", "2026-11-01 01:30", at(2026, 11, 1, 1, 30), at(2026, 11, 1, 5, 30), "-05"),
    ("America/New_York", "2026-11-01 01:30 -05:00", None, at(2026, 11, 1, 6, 30), ""),
    ("UTC", "2026-03-29 02:30 Europe/Amsterdam", None, at(2026, 3, 29, 1, 30), "did not exist"),
    ("UTC", "2026-10-25 02:30 Europe/Amsterdam", None, at(2026, 10, 25, 0, 30), "twice"),
]


@pytest.mark.parametrize(("zone", "text", "wall", "instant", "said"), DST)
def test_daylight_saving_gaps_and_folds_are_read_the_pep_495_way(
    zone: str, text: str, wall: datetime | None, instant: datetime, said: str
) -> None:
    reading = parse_when(text, zone=zone, now=NOW)
    assert reading.when is not None
    if wall is not None:
        assert reading.when == wall and reading.when.tzinfo is None and reading.when.fold == 0
    assert to_utc(reading.when, zone) == instant.replace(tzinfo=UTC)
    assert said in reading.note
    assert bool(said) == bool(reading.note)


def test_a_wall_time_in_a_gap_is_explained_in_full() -> None:
    assert parse_when("2026-03-29 02:30", zone=AMS, now=NOW).note == (
        "The clocks went forward on Sun 29 Mar, so 02:30 did not exist in Europe/Amsterdam; "
        "I read it as 03:30 CEST."
    )


def test_a_repeated_wall_time_says_how_to_pick_the_second() -> None:
    assert parse_when("2026-10-25 02:30", zone=AMS, now=NOW).note == (
        "The clocks went back on Sun 25 Oct, so 02:30 happened twice in Europe/Amsterdam; "
        'I read it as the first (CEST). For the second, type "02:30 +01:00".'
    )


def test_a_bare_time_in_a_gap_after_a_reference_is_moved_too() -> None:
    reading = read("02:30", reference=at(2026, 3, 29, 1, 50))
    assert reading.when == at(2026, 3, 29, 3, 30)
    assert "did not exist" in reading.note


NOT_UNDERSTOOD = [
    ("23:70", 'I couldn\'t read "23:70" as a time. Try 23:00, 11pm, ~23:05 or 2017-01-31 23:00.'),
    ("25:00", "couldn't read"),  # no hour 25
    ("13pm", "couldn't read"),  # pm needs 1 to 12
    ("hello", "couldn't read"),  # words only
    ("~", "couldn't read"),  # a qualifier alone
    ("23", "couldn't read"),  # a bare number could be many things
    ("23:00 +15:00", "couldn't read"),  # no zone is that far east
    ("01/02 23:00", 'whether "01/02" means 1 Feb or 2 Jan; try a month name'),  # ambiguous
    ("2017-01-31", 'but no time; try adding one, like "2017-01-31 23:00".'),  # a date only
    ("Mon 31 Jan 2017 23:00", "31 Jan 2017 was a Tuesday, not a Monday"),  # weekday mismatch
    ("30 Feb 2017 23:00", "Feb 2017 has 28 days, so there is no 30 Feb"),  # not a real day
    ("23:00 pst", 'I don\'t know the zone "pst"'),  # abbreviations are ambiguous
    ("0000-01-01 00:00", "couldn't read"),  # before the calendar starts
    ("9999-12-31 23:30 -05:00", "couldn't read"),  # past its end in UTC
]


@pytest.mark.parametrize(("text", "words"), NOT_UNDERSTOOD, ids=[c[0] for c in NOT_UNDERSTOOD])
def test_what_cannot_be_read_gets_one_kind_sentence(text: str, words: str) -> None:
    with pytest.raises(TimeNotUnderstood) as caught:
        read(text)
    message = str(caught.value)
    assert words in message
    assert isinstance(caught.value, SecondstoryError)
    assert "\n" not in message and message.endswith(".")


def test_a_day_no_year_near_the_reference_has_asks_for_the_year() -> None:
    later = at(2018, 6, 1, 12, 0)  # 2017, 2018 and 2019 have no 29 Feb
    with pytest.raises(
        TimeNotUnderstood, match='with a 29 Feb; try adding the year, like "29 Feb 2016'
    ):
        read("29 Feb 12:00", reference=later)
    with pytest.raises(TimeNotUnderstood, match="in which 31 Jan is a Saturday"):
        read("Sat 31 Jan 12:00")


def test_a_quoted_text_in_a_message_is_tamed() -> None:
    with pytest.raises(TimeNotUnderstood) as caught:
        read("\x1b[31m" + "x" * 80)
    message = str(caught.value)
    assert "\x1b" not in message and "…" in message and len(message) < 150


def test_an_unknown_zone_for_the_person_is_one_clear_error() -> None:
    with pytest.raises(SecondstoryError, match="not a time zone I know"):
        parse_when("23:00", zone="Mars/Olympus")


DESCRIBED = [
    # (typed, zone, reference, now, description)
    ("23:00", AMS, START, NOW, "Tue 31 Jan 23:00 Europe/Amsterdam = 22:00 UTC"),
    ("~23:00", AMS, START, NOW, "about Tue 31 Jan 23:00 Europe/Amsterdam = 22:00 UTC"),
    ("23:00?", AMS, START, NOW, "unsure: Tue 31 Jan 23:00 Europe/Amsterdam = 22:00 UTC"),
    ("23:00", "UTC", START, NOW, "Tue 31 Jan 23:00 UTC"),  # UTC is not repeated
    ("23:00:15", "Asia/Kolkata", START, NOW, "Tue 31 Jan 23:00:15 Asia/Kolkata = 17:30:15 UTC"),
    ("23:00 UTC", AMS, START, NOW, "Wed 1 Feb 00:00 Europe/Amsterdam = Tue 31 Jan 23:00 UTC"),
    (
        "23:00",
        AMS,
        START,
        at(2026, 1, 1, tz=UTC),
        "Tue 31 Jan 2017 23:00 Europe/Amsterdam = 22:00 UTC",
    ),
    (
        "00:30",
        AMS,
        at(2017, 1, 31, 23, 0),
        NOW,
        "Wed 1 Feb 00:30 Europe/Amsterdam = Tue 31 Jan 23:30 UTC. "
        "I took it to be the next day, Wed 1 Feb, the nearest to the time before it.",
    ),
    (
        "2017-10-29 02:30 +01:00",
        AMS,
        None,
        NOW,
        "Sun 29 Oct 02:30 Europe/Amsterdam (CET) = 01:30 UTC",  # which of the two 02:30s
    ),
    ("", AMS, START, NOW, NO_TIME),
]


@pytest.mark.parametrize(("text", "zone", "reference", "now", "expected"), DESCRIBED)
def test_a_reading_is_described_in_the_persons_zone_and_in_utc(
    text: str, zone: str, reference: datetime | None, now: datetime, expected: str
) -> None:
    reading = parse_when(text, zone=zone, reference=reference, now=NOW)
    assert describe(reading, zone, now=now) == expected


def test_no_time_is_described_as_placed_by_order() -> None:
    assert describe(Reading(None, "exact"), AMS) == "No time: placed by its order in your account"


def test_windows_are_one_minute_for_exact_and_ten_for_about() -> None:
    when = at(2017, 1, 31, 23, 0)
    instant = at(2017, 1, 31, 22, 0, tz=UTC)
    assert window(when, "exact", AMS) == (instant - EXACT_MARGIN, instant + EXACT_MARGIN)
    assert window(when, "about", AMS) == (instant - ABOUT_MARGIN, instant + ABOUT_MARGIN)
    assert timedelta(minutes=1) == EXACT_MARGIN
    assert timedelta(minutes=10) == ABOUT_MARGIN
    assert window(when, "unsure", AMS) is None


def test_a_window_of_an_aware_time_ignores_the_persons_zone() -> None:
    start, end = window(at(2017, 1, 31, 23, 0, tz=UTC), "exact", AMS) or (None, None)
    assert start == at(2017, 1, 31, 22, 59, tz=UTC) and end == at(2017, 1, 31, 23, 1, tz=UTC)


FORMATTED = [
    (None, ""),
    (at(2017, 1, 31, 23, 0), "2017-01-31 23:00"),
    (at(2017, 1, 31, 23, 0, 15), "2017-01-31 23:00:15"),
    (at(2017, 1, 31, 23, 0, tz=UTC), "2017-01-31 23:00 UTC"),
    (at(2017, 1, 31, 23, 0, tz=plus(1)), "2017-01-31 23:00 +01:00"),
    (at(2017, 1, 31, 23, 0, tz=plus(-3.5)), "2017-01-31 23:00 -03:30"),
]


@pytest.mark.parametrize(("when", "text"), FORMATTED)
def test_format_when_gives_the_canonical_text(when: datetime | None, text: str) -> None:
    assert format_when(when) == text


def test_format_reading_keeps_the_precision_in_words() -> None:
    assert format_reading(Reading(at(2017, 1, 31, 23, 0), "about")) == "about 2017-01-31 23:00"
    assert format_reading(Reading(at(2017, 1, 31, 23, 0), "unsure")) == "unsure 2017-01-31 23:00"
    assert format_reading(Reading(None, "unsure")) == ""


def test_a_reading_fits_a_moment() -> None:
    reading = read("~23:00 +01:00")
    moment = Moment(id="m1", when=reading.when, when_precision=reading.precision)
    assert moment.when == at(2017, 1, 31, 23, 0, tz=plus(1))


ZONE_NAMES = st.sampled_from([AMS, "America/New_York", "Asia/Kolkata", "UTC", "Australia/Sydney"])
WALL = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    WALL.map(lambda d: d.replace(microsecond=0, fold=0)),
    ZONE_NAMES,
    st.sampled_from(["exact", "about", "unsure"]),
)
def test_the_canonical_text_reads_back_to_the_same_moment(
    wall: datetime, zone: str, precision: str
) -> None:
    reading = parse_when(format_reading(Reading(wall, precision)), zone=zone)  # type: ignore[arg-type]
    assert reading.precision == precision
    assert reading.when is not None
    # Only a wall time in a gap moves, and then to the same instant fold=0 gives.
    assert to_utc(reading.when, zone) == to_utc(wall, zone)
    if "did not exist" not in reading.note:
        assert reading.when == wall


@settings(max_examples=200, deadline=None)
@given(WALL.map(lambda d: d.replace(microsecond=0, fold=0)), st.integers(-12 * 4, 14 * 4))
def test_an_offset_time_reads_back_to_the_same_instant(wall: datetime, quarters: int) -> None:
    when = wall.replace(tzinfo=timezone(timedelta(minutes=15 * quarters)))
    reading = parse_when(format_when(when), zone=AMS)
    assert reading.when == when and reading.when.utcoffset() == when.utcoffset()


PIECES = st.sampled_from(
    [
        *"0123456789:.-+/ ~?zTapm,",
        *("jan", "tue", "utc", "noon", "yesterday", "Europe/London", "9999", "0000", "12"),
        *("31", "am", "pm", "about", "-05", "+14:00", "T", "st", "29 feb"),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=12).map("".join)),
    st.one_of(st.none(), st.datetimes()),
    st.datetimes(timezones=st.just(UTC)),
    ZONE_NAMES,
)
def test_any_text_is_read_or_refused_kindly_never_a_traceback(
    text: str, reference: datetime | None, now: datetime, zone: str
) -> None:
    try:
        reading = parse_when(text, zone=zone, reference=reference, now=now)
    except TimeNotUnderstood as refused:
        assert "\n" not in str(refused) and str(refused).endswith(".")
        return
    describe(reading, zone, now=now)
    if reading.when is not None:
        to_utc(reading.when, zone)


def test_time_parsing_imports_no_ui() -> None:
    code = (
        "import sys, secondstory.times.parse; "
        "sys.exit(any(m in sys.modules for m in ('textual', 'rich')))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_sentence_typed_as_a_time_gets_a_kind_message_without_being_read_word_by_word() -> None:
    text = "the page came in while I was " + "still reading the dashboard " * 200
    with pytest.raises(TimeNotUnderstood, match="longer than a time"):
        parse_when(text, zone="UTC")


def test_a_bare_time_with_nothing_to_place_it_by_says_the_day_it_is_read_on() -> None:
    reading = parse_when("23:05", zone=AMS, now=NOW)
    assert reading.when == datetime(2017, 2, 1, 23, 5)
    assert reading.note.startswith("With no day given, I read it on today, Wed 1 ")
    assert "type the day too" in reading.note
    # a day typed, or a reference to place it by: nothing more to say
    assert parse_when("yesterday 23:05", zone=AMS, now=NOW).note == ""


NOW_DAY = datetime(2024, 3, 15, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("yesterday", date(2024, 3, 14)),
        ("today", date(2024, 3, 15)),
        ("Tue", date(2024, 3, 12)),
        ("Thursday, 14 March", date(2024, 3, 14)),
        ("14 Mar", date(2024, 3, 14)),
        ("2023-12-31", date(2023, 12, 31)),
        ("13/03", date(2024, 3, 13)),
    ],
)
def test_a_day_alone_is_read_as_people_mean_it(text: str, day: date) -> None:
    assert parse_day(text, zone="Europe/Amsterdam", now=NOW_DAY) == day


@pytest.mark.parametrize("text", ["", "23:05", "the night of the release", "x" * 200])
def test_what_is_not_a_day_gets_one_kind_message(text: str) -> None:
    with pytest.raises(TimeNotUnderstood, match="Try yesterday, Tuesday, 14 Mar or 2024-03-14"):
        parse_day(text, zone="UTC", now=NOW_DAY)


def test_a_bare_time_without_a_reference_is_read_on_the_day_given_with_no_today_note() -> None:
    given = date(2024, 3, 14)
    reading = parse_when("23:05", zone="Europe/Amsterdam", now=NOW_DAY, day=given)
    assert (reading.when, reading.note) == (datetime(2024, 3, 14, 23, 5), "")
    midnight = parse_when("00:00", zone="Europe/Amsterdam", now=NOW_DAY, day=given)
    assert midnight.when == datetime(2024, 3, 14, 0, 0)
    # a day typed with the time, or a reference, still decides
    assert parse_when("yesterday 23:05", zone="UTC", now=NOW_DAY, day=given).when == datetime(
        2024, 3, 14, 23, 5
    )
    near = datetime(2024, 3, 10, 23, 0)
    assert parse_when("23:05", zone="UTC", reference=near, now=NOW_DAY, day=given).when == (
        datetime(2024, 3, 10, 23, 5)
    )
    assert describe_day(given, now=NOW_DAY) == "Thu 14 Mar"
    assert describe_day(date(2023, 12, 31), now=NOW_DAY) == "Sun 31 Dec 2023"
