"""A moment's time as people type it: read it, say it back, and place it in UTC.

`parse_when` turns "11pm", "~23:05" or "yesterday 23:10" into a `Reading` for
`Moment.when` / `Moment.when_precision`. A naive `when` is wall time in the person's
zone; an aware one means an offset or a zone was typed. docs/times.md has the rules.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from secondstory.errors import SecondstoryError
from secondstory.files.model import Precision
from secondstory.times.words import (
    DAY_NAMES,
    MONTH_NAMES,
    Clock,
    DateWords,
    TimeNotUnderstood,
    Words,
    not_understood,
    read_date,
    read_words,
    shown,
)

__all__ = [
    "ABOUT_MARGIN",
    "EXACT_MARGIN",
    "NO_TIME",
    "Reading",
    "TimeNotUnderstood",
    "describe",
    "describe_day",
    "format_reading",
    "format_when",
    "parse_day",
    "parse_when",
    "to_utc",
    "window",
    "zone_info",
]

EXACT_MARGIN = timedelta(minutes=1)
"""An exact time still comes from a glance at some clock: ±1 minute around it."""
ABOUT_MARGIN = timedelta(minutes=10)
""""About 23:00" covers the rounding people do to five or ten minutes: ±10 minutes."""
NO_TIME = "No time: placed by its order in your account"
_MARGINS = {"exact": EXACT_MARGIN, "about": ABOUT_MARGIN}
_UTC_NAMES = {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"}


@dataclass(frozen=True)
class Reading:
    """How a typed time was understood."""

    when: datetime | None
    precision: Precision
    note: str = ""  # a kind remark: a daylight-saving gap or fold, or the day chosen


def zone_info(zone: str) -> ZoneInfo:
    """The IANA zone called `zone`, or one clear error."""
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise SecondstoryError(
            f'"{shown(zone)}" is not a time zone I know; try a name like Europe/Amsterdam or UTC.'
        ) from exc


def parse_when(
    text: str,
    *,
    zone: str,
    reference: datetime | None = None,
    now: datetime | None = None,
    day: date | None = None,
) -> Reading:
    """Read what a person typed for a moment's time, in their zone `zone`.

    `reference` (the previous timed moment, else the incident's start) decides the day
    of a bare time; without one, `day` (the day the person said it began) does, and
    without either it is today, with a note saying so. `now` (default: the real now;
    naive means UTC) anchors "today", "yesterday" and, without a reference, weekdays and
    dates without a year.
    """
    home = zone_info(zone)
    words = read_words(text)
    if words is None:
        return Reading(None, "exact")
    try:
        return _place(words, home, reference, _aware(now or datetime.now(UTC)), day)
    except (ValueError, OverflowError) as exc:  # days before year 1 or after 9999
        raise not_understood(text) from exc


DAY_EXAMPLES = "yesterday, Tuesday, 14 Mar or 2024-03-14"


def parse_day(text: str, *, zone: str, now: datetime | None = None) -> date:
    """Read a day typed alone ("yesterday", "Tue", "14 Mar", "2024-03-14") in zone `zone`.

    A weekday or a date without a year is the most recent such day, as in `parse_when`
    without a reference.
    """
    s = " ".join(text.lower().replace(",", " ").split()).strip(" .")
    if len(s) > 40:
        raise TimeNotUnderstood(
            f'"{shown(text)}" is longer than a day usually is. Try {DAY_EXAMPLES}.'
        )
    found = read_date(s) if s else None
    if found is None:
        raise TimeNotUnderstood(f'I couldn\'t read "{shown(text)}" as a day. Try {DAY_EXAMPLES}.')
    today = _aware(now or datetime.now(UTC)).astimezone(zone_info(zone)).date()
    try:
        day, _ = _choose_day(Words(Clock(12, 0), found, "exact"), UTC, None, today)
    except (ValueError, OverflowError) as exc:
        raise TimeNotUnderstood(
            f'"{shown(text)}" is not a day I can place. Try {DAY_EXAMPLES}.'
        ) from exc
    return day


def describe_day(day: date, *, now: datetime | None = None) -> str:
    """A day in words, with its year when it is not this year's: "Thu 14 Mar"."""
    year = _aware(now or datetime.now(UTC)).year
    return _day(day) + (f" {day.year}" if day.year != year else "")


def to_utc(when: datetime, zone: str) -> datetime:
    """The UTC instant of `when`; naive means wall time in `zone` (first of a repeated hour)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone_info(zone))
    return when.astimezone(UTC)


def window(when: datetime, precision: str, zone: str) -> tuple[datetime, datetime] | None:
    """The UTC span a moment may have happened in; None when the person is unsure."""
    margin = _MARGINS.get(precision)
    if margin is None:
        return None
    at = to_utc(when, zone)
    return at - margin, at + margin


def describe(reading: Reading, zone: str, *, now: datetime | None = None) -> str:
    """How the time was understood, in the person's zone and in UTC.

    Like "Tue 31 Jan 23:00 Europe/Amsterdam = 22:00 UTC"; the year is shown only when
    it is not the year of `now`.
    """
    if reading.when is None:
        return NO_TIME
    home = zone_info(zone)
    utc = to_utc(reading.when, zone)
    local = utc.astimezone(home)
    year = _aware(now or datetime.now(UTC)).astimezone(home).year
    text = f"{_stamp(local, year)} {zone}"
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        text += f" ({local.tzname()})"  # a repeated hour: say which of the two
    if zone not in _UTC_NAMES:
        same_day = utc.date() == local.date()
        text += f" = {_clock(utc) if same_day else _stamp(utc, year)} UTC"
    text = {"about": "about ", "unsure": "unsure: "}.get(reading.precision, "") + text
    return f"{text}. {reading.note}" if reading.note else text


def format_when(when: datetime | None) -> str:
    """The canonical text for `when`, which parse_when reads back to the same value."""
    if when is None:
        return ""
    text = f"{when.year:04}-{when.month:02}-{when.day:02} {_clock(when)}"
    offset = when.utcoffset()
    if offset is None:
        return text
    return f"{text} UTC" if not offset else f"{text} {_offset_text(offset)}"


def format_reading(reading: Reading) -> str:
    """Like format_when, with the precision in words: "about 2017-01-31 23:00"."""
    text = format_when(reading.when)
    prefix = {"about": "about ", "unsure": "unsure "}.get(reading.precision, "")
    return prefix + text if text else ""


def _place(
    words: Words, home: ZoneInfo, reference: datetime | None, now: datetime, given: date | None
) -> Reading:
    typed: tzinfo | None = None
    if words.zone is not None:
        typed = ZoneInfo(words.zone)
    elif words.offset is not None:
        typed = timezone(words.offset) if words.offset else UTC
    where = typed or home
    near = None if reference is None else to_utc(reference, home.key).astimezone(where)
    today = now.astimezone(where).date()
    if near is None and given is not None and words.date is None:
        day, day_note = given, ""
    else:
        day, day_note = _choose_day(words, where, near, today)
    clock = words.clock
    wall = datetime(day.year, day.month, day.day, clock.hour, clock.minute, clock.second)
    dst_note = ""
    if isinstance(where, ZoneInfo):  # fixed offsets have no daylight saving
        wall, dst_note = _settle(wall, where)
    when = wall if typed is None else _fixed(wall.replace(tzinfo=where))
    to_utc(when, home.key)  # raises OverflowError at the very ends of the calendar
    return Reading(when, words.precision, " ".join(n for n in (dst_note, day_note) if n))


def _choose_day(
    words: Words, where: tzinfo, near: datetime | None, today: date
) -> tuple[date, str]:
    found = words.date
    if found is None:
        return (
            (today, _today_note(today)) if near is None else _nearest_day(words.clock, where, near)
        )
    if found.days_from_today is not None:
        return today + timedelta(days=found.days_from_today), ""
    if found.month is None or found.day is None:  # a weekday alone
        start = today if near is None else near.date()
        back = (start.weekday() - (found.weekday or 0)) % 7
        # Without a reference: the most recent such day; with one: the nearest to it.
        return start - timedelta(days=back if near is None or back <= 3 else back - 7), ""
    return _calendar_day(found, None if near is None else near.date(), today), ""


def _today_note(today: date) -> str:
    """Said next to a bare time with nothing to place it by: the day it is read on."""
    return (
        f"With no day given, I read it on today, {_day(today)}; if it was another day, "
        "type the day too, like “yesterday 23:05” or “31 Jan 23:05”."
    )


def _nearest_day(clock: Clock, where: tzinfo, near: datetime) -> tuple[date, str]:
    at = time(clock.hour, clock.minute, clock.second)
    days = [near.date() + timedelta(days=k) for k in (-1, 0, 1)]

    def distance(day: date) -> tuple[timedelta, int]:
        instant = datetime.combine(day, at, tzinfo=where).astimezone(UTC)
        return abs(instant - near.astimezone(UTC)), -day.toordinal()  # ties go forward

    best = min(days, key=distance)
    if best == near.date():
        return best, ""
    which = "the next day" if best > near.date() else "the day before"
    return best, f"I took it to be {which}, {_day(best)}, the nearest to the time before it."


def _calendar_day(found: DateWords, near: date | None, today: date) -> date:
    month, day, weekday = found.month or 1, found.day or 1, found.weekday
    if found.year is not None:
        chosen = _real_date(found.year, month, day)
    else:
        years = range(near.year + 1, near.year - 2, -1) if near else range(today.year, 1, -1)
        fits = [date(y, month, day) for y in years[:9] if _fits(y, month, day, weekday)]
        if near is not None:
            fits.sort(key=lambda d: abs(d - near))  # stable: the later one wins a tie
        else:
            fits = [d for d in fits if d <= today]
        if not fits:
            raise _no_year(day, month, weekday, (near or today).year)
        chosen = fits[0]
    if weekday is not None and chosen.weekday() != weekday:
        named = f"{chosen.day} {MONTH_NAMES[chosen.month - 1]} {chosen.year}"
        raise TimeNotUnderstood(
            f"{named} was a {DAY_NAMES[chosen.weekday()]}, not a {DAY_NAMES[weekday]}; "
            f'try it without the day name, like "{named} 23:00".'
        )
    return chosen


def _no_year(day: int, month: int, weekday: int | None, year: int) -> TimeNotUnderstood:
    named = f"{day} {MONTH_NAMES[month - 1]}"
    which = (
        f"in which {named} is a {DAY_NAMES[weekday]}" if weekday is not None else f"with a {named}"
    )
    example = next(  # a year that does have it, for the example
        (y for y in range(year, max(year - 29, 1), -1) if _fits(y, month, day, weekday)), year
    )
    return TimeNotUnderstood(
        f"I couldn't find a year near then {which}; "
        f'try adding the year, like "{named} {example} 23:00".'
    )


def _fits(year: int, month: int, day: int, weekday: int | None) -> bool:
    found = _date_or_none(year, month, day)
    return found is not None and (weekday is None or found.weekday() == weekday)


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _real_date(year: int, month: int, day: int) -> date:
    found = _date_or_none(year, month, day)
    if found is not None or not 1 <= year <= 9999:
        return found or date(year, month, day)  # the latter raises: out of range years
    last = calendar.monthrange(year, month)[1]
    name = MONTH_NAMES[month - 1]
    raise TimeNotUnderstood(
        f"{name} {year} has {last} days, so there is no {day} {name}; "
        f'try a day it has, like "{last} {name} {year} 23:00".'
    )


def _settle(wall: datetime, zone: ZoneInfo) -> tuple[datetime, str]:
    """Read a wall time the PEP 495 way (fold=0), and say so when the clocks changed."""
    first = wall.replace(tzinfo=zone)
    real = first.astimezone(UTC).astimezone(zone)
    if real.replace(tzinfo=None) != wall:  # in a gap: this wall time never showed
        settled = real.replace(tzinfo=None, fold=0)
        return settled, (
            f"The clocks went forward on {_day(wall)}, so {_clock(wall)} did not exist in "
            f"{zone.key}; I read it as {_clock(settled)} {real.tzname()}."
        )
    second = wall.replace(tzinfo=zone, fold=1)
    if second.utcoffset() == first.utcoffset():
        return wall, ""
    return wall, (
        f"The clocks went back on {_day(wall)}, so {_clock(wall)} happened twice in "
        f"{zone.key}; I read it as the first ({first.tzname()}). For the second, type "
        f'"{_clock(wall)} {_offset_text(second.utcoffset() or timedelta(0))}".'
    )


def _fixed(aware: datetime) -> datetime:
    """The same instant with a plain offset, so a stored value never depends on fold."""
    offset = aware.utcoffset() or timedelta(0)
    return aware.replace(tzinfo=timezone(offset) if offset else UTC, fold=0)


def _offset_text(offset: timedelta) -> str:
    minutes = round(abs(offset).total_seconds()) // 60
    return f"{'-' if offset < timedelta(0) else '+'}{minutes // 60:02}:{minutes % 60:02}"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _day(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1]}"


def _clock(moment: datetime) -> str:
    seconds = f":{moment.second:02}" if moment.second else ""
    return f"{moment.hour:02}:{moment.minute:02}{seconds}"


def _stamp(moment: datetime, this_year: int) -> str:
    year = f" {moment.year}" if moment.year != this_year else ""
    return f"{_day(moment)}{year} {_clock(moment)}"
