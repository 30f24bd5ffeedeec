"""Working days: Monday to Friday, less the public holidays, plus the make-up days (调休).

An administrator keeps the calendar per year in the ``holidays`` table: a row with
``working`` false is a day off (春节, 国庆节, ...), a row with ``working`` true is a
weekend day that is worked (调休上班). Days without a row follow the week.

A deadline of N working days falls on the N-th working day after the day something
was received, at the same local time: received on Friday at 16:00 with one working
day, it is due on Monday at 16:00 (Saturday and Sunday skipped); a holiday in between
is skipped too, and a make-up Saturday counts.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import Holiday


class WorkingCalendar:
    """Which days are worked, from the special days (date -> worked) and the week."""

    def __init__(self, special: dict[date, bool] | None = None) -> None:
        self.special = dict(special or {})

    @classmethod
    def load(cls, session: Session) -> WorkingCalendar:
        rows = session.execute(
            select(Holiday.date, Holiday.working).where(Holiday.deleted.is_(False))
        ).all()
        special: dict[date, bool] = {}
        for day, working in rows:
            try:
                special[date.fromisoformat(day)] = bool(working)
            except ValueError:
                continue  # a malformed row is ignored rather than blocking every deadline
        return cls(special)

    def is_working_day(self, day: date) -> bool:
        worked = self.special.get(day)
        if worked is not None:
            return worked
        return day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
        day = start
        left = days
        while left > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def deadline_ms(self, start_ms: int, days: int) -> int:
        """``days`` working days after the local day of ``start_ms``, at the same local time."""
        zone = local_zone()
        start = datetime.fromtimestamp(start_ms / 1000, tz=zone)
        due_day = self.add_working_days(start.date(), days)
        due = datetime.combine(due_day, start.timetz().replace(tzinfo=None), tzinfo=zone)
        # the local wall-clock time kept; the millisecond of the start kept as well
        return int(due.timestamp()) * 1000 + start_ms % 1000
