"""投诉台账: every complaint and suggestion received in a period, with how it stands."""

from __future__ import annotations

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.localtime import local_date
from desktop_crm.models import Complaint, OrgUnit
from desktop_crm.reports.common import (
    COMPLAINT_LEVELS,
    COMPLAINT_STATUSES,
    COMPLAINT_TYPES,
    Scope,
    label,
    percent,
    printed_at,
    t,
    user_names,
)
from desktop_crm.reports.document import Facts, Report, Table
from desktop_crm.reports.periods import Period
from desktop_crm.reports.rows import customer_labels
from desktop_crm.services.masking import mask_phone

TITLE = QT_TRANSLATE_NOOP("reports", "Complaint register")
MAX_ROWS = 5000


def closed_on_time(c: Complaint) -> bool:
    return c.closed_at is not None and (c.close_deadline is None or c.closed_at <= c.close_deadline)


def build_complaints(session: Session, unit: OrgUnit, period: Period, now_ms: int) -> Report:
    scope = Scope(unit)
    where = and_(Complaint.org_unit_id.in_(scope.ids()), Complaint.deleted.is_(False),
                 Complaint.received_at >= period.start_ms, Complaint.received_at < period.end_ms)  # fmt: skip
    items = list(session.scalars(select(Complaint).where(where)
                                 .order_by(Complaint.received_at, Complaint.number)
                                 .limit(MAX_ROWS + 1)))  # fmt: skip
    shown = items[:MAX_ROWS]
    complaints = [c for c in shown if c.type != "suggestion"]
    closed = [c for c in complaints if c.closed_at is not None]
    on_time = [c for c in closed if closed_on_time(c)]
    still_open = [c for c in complaints if c.closed_at is None]
    late_open = [c for c in still_open if c.close_deadline is not None
                 and c.close_deadline < min(now_ms, period.end_ms)]  # fmt: skip
    rated = [c.satisfaction for c in complaints if c.satisfaction is not None]

    report = Report("complaints", t(TITLE), unit.name, f"{period.text}  ({period.span})",
                    printed_at(now_ms))  # fmt: skip
    report.landscape = True
    report.empty = not shown
    report.empty_text = t(
        QT_TRANSLATE_NOOP("reports", "No complaint or suggestion was received in {period}."),
        period=period.span,
    )
    report.blocks.append(Facts(t(QT_TRANSLATE_NOOP("reports", "Summary")), [
        (t(QT_TRANSLATE_NOOP("reports", "Complaints received")), len(complaints)),
        (t(QT_TRANSLATE_NOOP("reports", "Suggestions received")), len(shown) - len(complaints)),
        (t(QT_TRANSLATE_NOOP("reports", "Closed")), len(closed)),
        (t(QT_TRANSLATE_NOOP("reports", "Closed within deadline")), len(on_time)),
        (t(QT_TRANSLATE_NOOP("reports", "Share closed within deadline")),
         percent(len(on_time), len(closed))),
        (t(QT_TRANSLATE_NOOP("reports", "Still open")), len(still_open)),
        (t(QT_TRANSLATE_NOOP("reports", "Open past deadline")), len(late_open)),
        (t(QT_TRANSLATE_NOOP("reports", "Average satisfaction (1-5)")),
         round(sum(rated) / len(rated), 2) if rated else "—"),
    ]))  # fmt: skip

    by_category: dict[str, list[int]] = {}
    for c in complaints:
        row = by_category.setdefault(c.category, [0, 0, 0])
        row[0] += 1
        row[1] += c.closed_at is not None
        row[2] += closed_on_time(c)
    ordered = sorted(by_category.items(), key=lambda kv: (-kv[1][0], kv[0]))
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "By category")),
        [t(QT_TRANSLATE_NOOP("reports", "Category")), t(QT_TRANSLATE_NOOP("reports", "Received")),
         t(QT_TRANSLATE_NOOP("reports", "Closed")),
         t(QT_TRANSLATE_NOOP("reports", "Closed within deadline")),
         t(QT_TRANSLATE_NOOP("reports", "Share within deadline"))],
        [[cat, n, n_closed, n_on_time, percent(n_on_time, n_closed)]
         for cat, (n, n_closed, n_on_time) in ordered],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No complaint in this period.")),
        total=[t(QT_TRANSLATE_NOOP("reports", "Total")), len(complaints), len(closed),
               len(on_time), percent(len(on_time), len(closed))] if ordered else None,
    ))  # fmt: skip

    names = customer_labels(session, [c.customer_id for c in shown])
    owners = user_names(session, {c.owner_id for c in shown})
    units = dict(session.execute(select(OrgUnit.id, OrgUnit.name).where(
        OrgUnit.id.in_({c.org_unit_id for c in shown}))).tuples().all())  # fmt: skip
    yes, no = t(QT_TRANSLATE_NOOP("reports", "Yes")), t(QT_TRANSLATE_NOOP("reports", "No"))
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Register")),
        [t(QT_TRANSLATE_NOOP("reports", "Number")), t(QT_TRANSLATE_NOOP("reports", "Received")),
         t(QT_TRANSLATE_NOOP("reports", "Type")), t(QT_TRANSLATE_NOOP("reports", "Station")),
         t(QT_TRANSLATE_NOOP("reports", "Customer")), t(QT_TRANSLATE_NOOP("reports", "Source")),
         t(QT_TRANSLATE_NOOP("reports", "Category")), t(QT_TRANSLATE_NOOP("reports", "Severity")),
         t(QT_TRANSLATE_NOOP("reports", "Level")), t(QT_TRANSLATE_NOOP("reports", "Status")),
         t(QT_TRANSLATE_NOOP("reports", "Owner")), t(QT_TRANSLATE_NOOP("reports", "Deadline")),
         t(QT_TRANSLATE_NOOP("reports", "Closed")), t(QT_TRANSLATE_NOOP("reports", "On time")),
         t(QT_TRANSLATE_NOOP("reports", "Satisfaction"))],
        [[c.number, local_date(c.received_at), label(COMPLAINT_TYPES, c.type),
          units.get(c.org_unit_id, ""),
          names.get(c.customer_id or "", "") or mask_phone(c.contact_phone) or "",
          c.source, c.category, c.severity, label(COMPLAINT_LEVELS, c.level),
          label(COMPLAINT_STATUSES, c.status), owners.get(c.owner_id or "", ""),
          local_date(c.close_deadline), local_date(c.closed_at),
          "" if c.closed_at is None or c.type == "suggestion"
          else (yes if closed_on_time(c) else no), c.satisfaction]
         for c in shown],
        widths=[3.4, 1.9, 1.2, 2.3, 2.4, 1.4, 1.6, 1.2, 1.2, 1.5, 1.3, 1.9, 1.9, 1.0, 1.2],
        empty_text=report.empty_text,
        note=t(QT_TRANSLATE_NOOP("reports", "First {shown} of more rows: choose a shorter period."),
               shown=MAX_ROWS) if len(items) > MAX_ROWS else "",
    ))  # fmt: skip
    return report
