"""ISO weeks (YYYY-Www) as the weekly callback report uses them, in the office's local time."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.localtime import local_datetime, local_zone

WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")


def week_of(day: date) -> str:
    """The ISO week holding ``day``, e.g. ``2026-W24``."""
    year, week, _weekday = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_days(week: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week; refuses text that is not one."""
    match = WEEK_PATTERN.match(week or "")
    if match is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give the week as YYYY-Www, e.g. 2026-W24."), field="week"
        )
    try:
        monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "There is no week {week} in the calendar."),
            field="week",
            week=week,
        ) from exc
    return monday, monday + timedelta(days=6)


def local_midnight_ms(day: date) -> int:
    """UTC milliseconds of 00:00 local time on ``day``."""
    return int(datetime.combine(day, time(0), tzinfo=local_zone()).timestamp() * 1000)


def week_bounds_ms(week: str) -> tuple[int, int]:
    """[start, end) of the week in UTC milliseconds: local Monday 00:00 to next Monday 00:00."""
    monday, sunday = week_days(week)
    return local_midnight_ms(monday), local_midnight_ms(sunday + timedelta(days=1))


def local_today(now_ms: int) -> date:
    return local_datetime(now_ms).date()


def previous_week(week: str) -> str:
    monday, _sunday = week_days(week)
    return week_of(monday - timedelta(days=7))


def next_week(week: str) -> str:
    monday, _sunday = week_days(week)
    return week_of(monday + timedelta(days=7))
