"""日清日结: each day's callbacks are recorded the same day.

The end of the working day is the company setting "callbacks.day_close_time" ("HH:MM",
default 17:30): after it, and when closing the app, each user sees the tasks due
today that still have no record.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import User
from desktop_crm.services.callbacks.queue import Group, QueueFilter, TaskRow, my_tasks
from desktop_crm.services.settings import get_setting, put_setting

DAY_CLOSE_KEY = "callbacks.day_close_time"
DEFAULT_DAY_CLOSE = time(17, 30)
SHOWN = 500  # more than anyone has due in a day


def day_close_time(session: Session) -> time:
    """The configured end of the working day, 17:30 if unset or unreadable."""
    try:
        hour, minute = (int(part) for part in str(get_setting(session, DAY_CLOSE_KEY)).split(":"))
        return time(hour, minute)
    except (TypeError, ValueError):
        return DEFAULT_DAY_CLOSE


def set_day_close_time(session: Session, actor: User, value: time) -> None:
    """Change the end of the working day (company administrators; audited)."""
    if not time(12, 0) <= value <= time(23, 59):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a time between 12:00 and 23:59."),
            field="day_close_time",
        )
    put_setting(session, actor, DAY_CLOSE_KEY, value.strftime("%H:%M"))


def unrecorded_today(session: Session, user: User, today: date) -> list[TaskRow]:
    """The user's tasks due today with no record yet, as the queue lists them."""
    rows, _cursor = my_tasks(session, user, today, QueueFilter(group=Group.TODAY), limit=SHOWN)
    return rows
