"""Chinese public holidays and make-up working days (调休) as announced by the State Council.

Each year's schedule is published in November of the year before (国务院办公厅关于 YYYY
年部分节假日安排的通知); years not yet announced are simply absent. The demo loads the
years its data touches into the ``holidays`` table.
"""

from __future__ import annotations

from datetime import date, timedelta

# year -> [(name, first day off, last day off, make-up working days)]
SCHEDULES: dict[int, list[tuple[str, str, str, tuple[str, ...]]]] = {
    2024: [
        ("元旦", "01-01", "01-01", ()),
        ("春节", "02-10", "02-17", ("02-04", "02-18")),
        ("清明节", "04-04", "04-06", ("04-07",)),
        ("劳动节", "05-01", "05-05", ("04-28", "05-11")),
        ("端午节", "06-10", "06-10", ()),
        ("中秋节", "09-15", "09-17", ("09-14",)),
        ("国庆节", "10-01", "10-07", ("09-29", "10-12")),
    ],
    2025: [
        ("元旦", "01-01", "01-01", ()),
        ("春节", "01-28", "02-04", ("01-26", "02-08")),
        ("清明节", "04-04", "04-06", ()),
        ("劳动节", "05-01", "05-05", ("04-27",)),
        ("端午节", "05-31", "06-02", ()),
        ("国庆节、中秋节", "10-01", "10-08", ("09-28", "10-11")),
    ],
    2026: [
        ("元旦", "01-01", "01-03", ("01-04",)),
        ("春节", "02-15", "02-23", ("02-14", "02-28")),
        ("清明节", "04-04", "04-06", ()),
        ("劳动节", "05-01", "05-05", ("05-09",)),
        ("端午节", "06-19", "06-21", ()),
        ("中秋节", "09-25", "09-27", ()),
        ("国庆节", "10-01", "10-07", ("09-20", "10-10")),
    ],
}


def holiday_rows(years: range | list[int]) -> list[tuple[str, str, bool]]:
    """(YYYY-MM-DD, name, working) for the known years among ``years``, in date order.

    ``working`` is true for a make-up working day on a weekend (e.g. "春节调休上班").
    """
    rows: list[tuple[str, str, bool]] = []
    for year in years:
        for name, first, last, makeup in SCHEDULES.get(year, []):
            day = date.fromisoformat(f"{year}-{first}")
            end = date.fromisoformat(f"{year}-{last}")
            while day <= end:
                rows.append((day.isoformat(), name, False))
                day += timedelta(days=1)
            for work in makeup:
                rows.append((f"{year}-{work}", f"{name}调休上班", True))
    rows.sort()
    return rows


def working_day_calendar(rows: list[tuple[str, str, bool]]) -> dict[date, bool]:
    return {date.fromisoformat(day): working for day, _name, working in rows}


def is_working_day(day: date, calendar: dict[date, bool]) -> bool:
    special = calendar.get(day)
    if special is not None:
        return special
    return day.weekday() < 5


def add_working_days(start: date, days: int, calendar: dict[date, bool]) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, calendar):
            left -= 1
    return day
