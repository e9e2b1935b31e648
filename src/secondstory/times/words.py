"""The words and numbers people type for a moment's time, read into plain parts.

This module only recognises what was typed: a clock time, maybe a date, maybe a zone,
and how sure the person is. Which calendar day and instant that means is decided in
times/parse.py, which is the module to use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cache
from zoneinfo import available_timezones

from secondstory.errors import SecondstoryError
from secondstory.files.model import Precision

EXAMPLES = "23:00, 11pm, ~23:05 or 2017-01-31 23:00"
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_LONG = (
    "January February March April May June July August September October November December"
)
MONTHS = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    **{name.lower(): i for i, name in enumerate(_MONTH_LONG.split(), 1)},
    "sept": 9,
}
WEEKDAYS = {
    **{name.lower(): i for i, name in enumerate(DAY_NAMES)},
    **{name[:3].lower(): i for i, name in enumerate(DAY_NAMES)},
    **{"tues": 1, "weds": 2, "thur": 3, "thurs": 3},
}
RELATIVE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

_ABOUT = re.compile(
    r"~|(?<![a-z])(?:about|around|roughly|approximately|approx\.?|circa|ca\.?)(?![a-z])"
    r"|(?<=[\dm.])\s*-?ish(?![a-z])"
)
_UNSURE = re.compile(r"\?|(?<![a-z])(?:maybe|not sure|unsure|perhaps|possibly)(?![a-z])")
_FILLER = re.compile(r"[,@]|(?<![a-z])(?:at|on|the|of)(?![a-z])")
_ZONE_LIKE = re.compile(r"[a-z][a-z0-9_+\-/]+")
_NOT_ZONES = {*MONTHS, *WEEKDAYS, *RELATIVE, "am", "pm", "noon", "midday", "midnight"}
_ISO_T = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})t(?=\d)")
_OFFSET = re.compile(r"\s*(?:(?:utc|gmt)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$")
_UTC = re.compile(r"(?:(?<=[\d.m])z|\s*(?<![a-z])(?:utc|gmt|z))$")

_AMPM = r"\s*(?P<ampm>[ap])\.?\s*m\.?"
_CLOCKS = (
    re.compile(
        r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?(?:" + _AMPM + ")?"
    ),
    re.compile(r"(?P<h>\d{1,2})h(?P<m>\d{2})?"),
    re.compile(r"(?P<h>\d{1,2})" + _AMPM),
    re.compile(r"(?P<compact>(?P<h>\d{2})(?P<m>\d{2}))"),
    re.compile(r"(?:12\s*)?(?P<word>noon|midday|midnight)"),
)
_ORD = r"(?:st|nd|rd|th)?"
_DATES = (
    re.compile(r"(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})"),
    re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}))?"),
    re.compile(r"(?P<a>\d{1,2})[.-](?P<b>\d{1,2})[.-](?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2})" + _ORD + r"\s*(?P<mon>[a-z]+)\.?(?:\s*(?P<y>\d{4}))?"),
    re.compile(r"(?P<mon>[a-z]+)\.?\s*(?P<d>\d{1,2})" + _ORD + r"(?:\s+(?P<y>\d{4}))?"),
)
_WEEKDAY_FIRST = re.compile(r"(?P<wd>[a-z]+)\.?\s+(?P<rest>.+)")


class TimeNotUnderstood(SecondstoryError):
    """What was typed for a time could not be read; the message says what works."""


@dataclass(frozen=True)
class Clock:
    """A time of day as typed."""

    hour: int
    minute: int
    second: int = 0
    compact: bool = False  # typed as four digits ("2300"), which could also be a year


@dataclass(frozen=True)
class DateWords:
    """Whatever was typed about the day; every part may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    days_from_today: int | None = None


@dataclass(frozen=True)
class Words:
    """Everything recognised in one typed time."""

    clock: Clock
    date: DateWords | None
    precision: Precision
    offset: timedelta | None = None
    zone: str | None = None  # an IANA name, spelled as the database spells it


def shown(text: str) -> str:
    """The typed text made safe and short enough to quote in a one-line message."""
    flat = "".join(c if c.isprintable() else " " for c in " ".join(text.split()))
    return flat if len(flat) <= 40 else flat[:39] + "…"


def not_understood(text: str) -> TimeNotUnderstood:
    """The general kind refusal."""
    return TimeNotUnderstood(f'I couldn\'t read "{shown(text)}" as a time. Try {EXAMPLES}.')


LONGEST = 80
"""More characters than any time people type; longer text is a sentence, not a time."""


def read_words(text: str) -> Words | None:
    """The parts of a typed time, or None when nothing was typed."""
    s = " ".join(text.lower().replace("−", "-").split())
    if not s:
        return None
    if len(s) > LONGEST:  # reading is quadratic in words; a time is never this long
        raise TimeNotUnderstood(
            f'"{shown(text)}" is longer than a time usually is. Try a short form, like 23:00 '
            "or about 11pm."
        )
    precision, s = _take_precision(s)
    s = " ".join(_FILLER.sub(" ", _ISO_T.sub(r"\1 ", s)).split()).strip(" :;-.")
    problem: TimeNotUnderstood | None = None
    for rest, offset, zone in _zone_choices(s):
        try:
            found = _split(rest)
        except TimeNotUnderstood as exc:
            problem = problem or exc
            continue
        if found is not None:
            return Words(found[0], found[1], precision, offset, zone)
    raise problem or _why_not(text, s)


def _take_precision(s: str) -> tuple[Precision, str]:
    unsure = _UNSURE.search(s) is not None
    about = _ABOUT.search(s) is not None
    s = _ABOUT.sub(" ", _UNSURE.sub(" ", s))
    return ("unsure" if unsure else "about" if about else "exact"), s


def _zone_choices(s: str) -> Iterator[tuple[str, timedelta | None, str | None]]:
    head, _, last = s.rpartition(" ")
    if head and _ZONE_LIKE.fullmatch(last) and last not in _NOT_ZONES and last in _zone_names():
        yield head, None, _zone_names()[last]
    if match := _UTC.search(s):
        yield s[: match.start()], timedelta(0), None
    if (match := _OFFSET.search(s)) and (offset := _offset(*match.groups())) is not None:
        yield s[: match.start()], offset, None
    yield s, None, None


def _offset(sign: str, hours: str, minutes: str | None) -> timedelta | None:
    h, m = int(hours), int(minutes or 0)
    if h > 14 or m > 59:
        return None
    size = timedelta(hours=h, minutes=m)
    return -size if sign == "-" else size


@cache
def _zone_names() -> dict[str, str]:
    names = {name.lower(): name for name in available_timezones()}
    names.pop("utc", None)  # "utc" and "gmt" are read as a plain zero offset instead
    names.pop("gmt", None)
    return names


def _split(s: str) -> tuple[Clock, DateWords | None] | None:
    tokens = s.split()
    splits = [(tokens[:i], tokens[i:]) for i in range(len(tokens))]
    splits += [(tokens[i:], tokens[:i]) for i in range(1, len(tokens))]
    for date_tokens, clock_tokens in splits:
        clock = read_clock(" ".join(clock_tokens))
        if clock is None:
            continue
        date = read_date(" ".join(date_tokens)) if date_tokens else None
        if date_tokens and date is None:
            continue
        if clock.compact and date is not None and date.month and date.year is None:
            continue  # "31 jan 2017" is a date, not 31 Jan at 20:17
        return clock, date
    return None


def read_clock(s: str) -> Clock | None:
    """A time of day, or None when `s` is not one (or not a real one, like 23:70)."""
    for pattern in _CLOCKS:
        if match := pattern.fullmatch(s):
            break
    else:
        return None
    parts = match.groupdict()
    if parts.get("word"):
        return Clock(12 if parts["word"] in ("noon", "midday") else 0, 0)
    hour, minute, second = (int(parts.get(k) or 0) for k in ("h", "m", "s"))
    if parts.get("ampm"):
        if hour > 12 or (hour == 0 and parts["ampm"] == "p"):
            return None
        hour = hour % 12 + (12 if parts["ampm"] == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return Clock(hour, minute, second, compact=bool(parts.get("compact")))


def read_date(s: str) -> DateWords | None:
    """The day part, or None when `s` is not one. Ambiguous numbers are refused kindly."""
    if s in RELATIVE:
        return DateWords(days_from_today=RELATIVE[s])
    if s in WEEKDAYS:
        return DateWords(weekday=WEEKDAYS[s])
    match = _WEEKDAY_FIRST.fullmatch(s)
    if match and match["wd"] in WEEKDAYS:
        found = _calendar_date(match["rest"])
        return replace(found, weekday=WEEKDAYS[match["wd"]]) if found else None
    return _calendar_date(s)


def _calendar_date(s: str) -> DateWords | None:
    for pattern in _DATES:
        if match := pattern.fullmatch(s):
            break
    else:
        return None
    parts = match.groupdict()
    year = int(parts["y"]) if parts.get("y") else None
    if parts.get("a"):
        month, day = _day_first(int(parts["a"]), int(parts["b"]), s)
    elif parts.get("mon"):
        month, day = MONTHS.get(parts["mon"], 0), int(parts["d"])
    else:
        month, day = int(parts["mo"]), int(parts["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateWords(year=year, month=month, day=day)


def _day_first(a: int, b: int, s: str) -> tuple[int, int]:
    """(month, day) of "a/b": day first unless only month first makes sense."""
    if a == b or a > 12 >= b:
        return b, a
    if b > 12 >= a:
        return a, b
    if a > 12 and b > 12:
        return 0, 0
    first, second = (f"{a} {MONTH_NAMES[b - 1]}", f"{b} {MONTH_NAMES[a - 1]}")
    raise TimeNotUnderstood(
        f'I can\'t tell whether "{shown(s)}" means {first} or {second}; '
        f'try a month name, like "{first} 23:00", or year-month-day, like 2017-{b:02}-{a:02}.'
    )


def _why_not(text: str, s: str) -> TimeNotUnderstood:
    try:
        date = read_date(s)
    except TimeNotUnderstood as exc:
        return exc
    if date is not None:
        return TimeNotUnderstood(
            f'I found a day in "{shown(text)}" but no time; '
            f'try adding one, like "{shown(text.strip())} 23:00".'
        )
    head, _, last = s.rpartition(" ")
    if re.fullmatch(r"[a-z]{3,5}", last) and _has_clock(head):
        return TimeNotUnderstood(
            f'I don\'t know the zone "{shown(last)}"; try an offset like "23:00 -08:00" '
            "or a zone name like 23:00 America/Los_Angeles."
        )
    return not_understood(text)


def _has_clock(s: str) -> bool:
    try:
        return bool(s) and _split(s) is not None
    except TimeNotUnderstood:
        return False
