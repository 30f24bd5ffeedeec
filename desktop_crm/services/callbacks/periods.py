"""Calendar periods of the rules (month, quarter, half year, year) and local days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from desktop_crm.localtime import local_zone


def local_midnight_ms(day: date) -> int:
    """UTC milliseconds of 00:00 local time on ``day``."""
    return int(datetime.combine(day, time(0), tzinfo=local_zone()).timestamp() * 1000)


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def period_of(day: date, period: str) -> tuple[str, date, date]:
    """(key, first day, last day) of the period holding ``day``, e.g. ("2026Q4", ...)."""
    if period == "month":
        first = date(day.year, day.month, 1)
        return month_key(day), first, add_months(first, 1) - timedelta(days=1)
    if period == "quarter":
        q = (day.month - 1) // 3
        first = date(day.year, q * 3 + 1, 1)
        return f"{day.year:04d}Q{q + 1}", first, add_months(first, 3) - timedelta(days=1)
    if period == "half_year":
        h = (day.month - 1) // 6
        first = date(day.year, h * 6 + 1, 1)
        return f"{day.year:04d}H{h + 1}", first, add_months(first, 6) - timedelta(days=1)
    if period == "year":
        return f"{day.year:04d}", date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"unknown period {period!r}")


def spread_day(customer_id: str, first: date, last: date) -> date:
    """A day in [first, last] picked by the customer id, so the calls of a period spread
    evenly over it and the same customer keeps the same day on every run."""
    span = (last - first).days + 1
    if span <= 1:
        return first
    try:
        number = int(customer_id.replace("-", "")[-8:], 16)
    except ValueError:
        number = sum(customer_id.encode())
    return first + timedelta(days=number % span)
