"""The period a printable report covers: a day (YYYY-MM-DD), an ISO week (YYYY-Www) or a
month (YYYY-MM), as local dates with the UTC millisecond bounds queries use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.localtime import local_zone

DAY, WEEK, MONTH = "day", "week", "month"
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Period:
    kind: str  # day / week / month
    start: date  # first day, inclusive
    end: date  # the day after the last one (exclusive)
    text: str  # canonical: 2026-11-23, 2026-W48, 2026-11

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def start_ms(self) -> int:
        return local_midnight_ms(self.start)

    @property
    def end_ms(self) -> int:
        return local_midnight_ms(self.end)

    @property
    def span(self) -> str:
        """ "2026-11-01 – 2026-11-30" (one date for a day)."""
        if self.kind == DAY:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.last.isoformat()}"

    def months_back(self, count: int) -> list[Period]:
        """The ``count`` months ending with the one this period ends in, oldest first."""
        year, month = self.last.year, self.last.month
        found: list[Period] = []
        for _ in range(count):
            found.append(month_period(year, month))
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return found[::-1]


def local_midnight_ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=local_zone()).timestamp() * 1000)


def day_period(day: date) -> Period:
    return Period(DAY, day, day + timedelta(days=1), day.isoformat())


def week_period(day: date) -> Period:
    year, week, weekday = day.isocalendar()
    start = day - timedelta(days=weekday - 1)
    return Period(WEEK, start, start + timedelta(days=7), f"{year}-W{week:02d}")


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(MONTH, start, end, f"{year}-{month:02d}")


def parse_period(text: str) -> Period:
    """A period from its text; UserError (for the command line and the dialog) if it is none."""
    value = text.strip()
    try:
        if _DAY.match(value):
            return day_period(date.fromisoformat(value))
        if match := _WEEK.match(value):
            year, week = int(match.group(1)), int(match.group(2))
            return week_period(date.fromisocalendar(year, week, 1))
        if match := _MONTH.match(value):
            return month_period(int(match.group(1)), int(match.group(2)))
    except ValueError:
        pass
    raise UserError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{value} is not a period: give a day as YYYY-MM-DD, a week as YYYY-Www "
            "or a month as YYYY-MM.",
        ),
        value=text,
    )


def period_of_kind(kind: str, day: date) -> Period:
    """The day, week or month that contains ``day``."""
    if kind == DAY:
        return day_period(day)
    if kind == WEEK:
        return week_period(day)
    return month_period(day.year, day.month)
