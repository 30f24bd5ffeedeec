"""日报表: one day of a station (or of an area or the company, unit by unit): visits,
new customers, callbacks done and pending, complaints received and still open."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.localtime import local_date, local_minute
from desktop_crm.models import CallbackTask, Complaint, Customer, OrgUnit, Visit
from desktop_crm.reports.common import (
    CALLBACK_REASONS,
    COMPLAINT_STATUSES,
    OPEN_TASK,
    Scope,
    child_of,
    children,
    label,
    percent,
    printed_at,
    t,
    user_names,
    yuan,
)
from desktop_crm.reports.document import Facts, Heading, Report, Table
from desktop_crm.reports.periods import Period
from desktop_crm.reports.rows import DETAIL_ROWS, customer_labels, grouped

TITLE = QT_TRANSLATE_NOOP("reports", "Daily report")


def _more(shown: int, total: int) -> str:
    if total <= shown:
        return ""
    return t(QT_TRANSLATE_NOOP("reports", "First {shown} of {total} rows."), shown=shown,
             total=total)  # fmt: skip


def build_daily(session: Session, unit: OrgUnit, period: Period, now_ms: int) -> Report:
    scope = Scope(unit)
    start, end = period.start_ms, period.end_ms
    day = period.last.isoformat()
    ids = scope.ids()
    visits_where = and_(Visit.org_unit_id.in_(ids), Visit.deleted.is_(False),
                        Visit.visited_at >= start, Visit.visited_at < end)  # fmt: skip
    card_litres = func.sum(case((Visit.paid_by_card.is_(True), Visit.litres), else_=0.0))
    n_visits, n_customers, litres, amount, card = session.execute(
        select(func.count(), func.count(func.distinct(Visit.customer_id)),
               func.coalesce(func.sum(Visit.litres), 0.0),
               func.coalesce(func.sum(Visit.amount_fen), 0), func.coalesce(card_litres, 0.0))
        .where(visits_where)
    ).one()  # fmt: skip
    new_where = and_(Customer.org_unit_id.in_(ids), Customer.deleted.is_(False),
                     Customer.created_at >= start, Customer.created_at < end)  # fmt: skip
    new_by_kind = dict(
        session.execute(
            select(Customer.kind, func.count()).where(new_where).group_by(Customer.kind)
        )
        .tuples()
        .all()
    )
    done_where = and_(CallbackTask.org_unit_id.in_(ids), CallbackTask.deleted.is_(False),
                      CallbackTask.status == "done", CallbackTask.recorded_at >= start,
                      CallbackTask.recorded_at < end)  # fmt: skip
    pending_where = and_(CallbackTask.org_unit_id.in_(ids), CallbackTask.deleted.is_(False),
                         CallbackTask.status.in_(OPEN_TASK), CallbackTask.due_date <= day)  # fmt: skip
    n_done = session.scalar(select(func.count()).where(done_where)) or 0
    n_pending, n_overdue = session.execute(
        select(func.count(), func.coalesce(func.sum(case((CallbackTask.due_date < day, 1),
                                                         else_=0)), 0)).where(pending_where)
    ).one()  # fmt: skip
    received_where = and_(Complaint.org_unit_id.in_(ids), Complaint.deleted.is_(False),
                          Complaint.type != "suggestion",
                          Complaint.received_at >= start, Complaint.received_at < end)  # fmt: skip
    open_where = and_(Complaint.org_unit_id.in_(ids), Complaint.deleted.is_(False),
                      Complaint.type != "suggestion",
                      Complaint.received_at < end,
                      or_(Complaint.closed_at.is_(None), Complaint.closed_at >= end))  # fmt: skip
    n_received = session.scalar(select(func.count()).where(received_where)) or 0
    n_open, n_late = session.execute(
        select(func.count(), func.coalesce(func.sum(case((Complaint.close_deadline < end, 1),
                                                         else_=0)), 0)).where(open_where)
    ).one()  # fmt: skip

    report = Report("daily", t(TITLE), unit.name, period.span, printed_at(now_ms))
    report.blocks.append(Facts(t(QT_TRANSLATE_NOOP("reports", "The day at a glance")), [
        (t(QT_TRANSLATE_NOOP("reports", "Visits")), n_visits),
        (t(QT_TRANSLATE_NOOP("reports", "Customers served")), n_customers),
        (t(QT_TRANSLATE_NOOP("reports", "Litres")), round(float(litres), 2)),
        (t(QT_TRANSLATE_NOOP("reports", "Amount (yuan)")), yuan(amount)),
        (t(QT_TRANSLATE_NOOP("reports", "Share of litres paid by card")),
         percent(float(card), float(litres))),
        (t(QT_TRANSLATE_NOOP("reports", "New customers")), sum(new_by_kind.values())),
        (t(QT_TRANSLATE_NOOP("reports", "New organisations")), new_by_kind.get("organisation", 0)),
        (t(QT_TRANSLATE_NOOP("reports", "New individuals")), new_by_kind.get("person", 0)),
        (t(QT_TRANSLATE_NOOP("reports", "Callbacks done")), n_done),
        (t(QT_TRANSLATE_NOOP("reports", "Callbacks pending")), n_pending),
        (t(QT_TRANSLATE_NOOP("reports", "of which overdue")), int(n_overdue)),
        (t(QT_TRANSLATE_NOOP("reports", "Complaints received")), n_received),
        (t(QT_TRANSLATE_NOOP("reports", "Complaints open")), n_open),
        (t(QT_TRANSLATE_NOOP("reports", "of which past deadline")), int(n_late)),
    ]))  # fmt: skip
    report.empty = not (n_visits or new_by_kind or n_done or n_pending or n_received or n_open)
    report.empty_text = t(
        QT_TRANSLATE_NOOP("reports", "Nothing was recorded for {unit} on {day}."),
        unit=unit.name, day=day,
    )  # fmt: skip

    products = session.execute(
        select(Visit.product, func.count(), func.sum(Visit.litres), func.sum(Visit.amount_fen),
               card_litres).where(visits_where).group_by(Visit.product).order_by(Visit.product)
    ).all()  # fmt: skip
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Visits by product")),
        [t(QT_TRANSLATE_NOOP("reports", "Product")), t(QT_TRANSLATE_NOOP("reports", "Visits")),
         t(QT_TRANSLATE_NOOP("reports", "Litres")), t(QT_TRANSLATE_NOOP("reports", "Amount (yuan)")),
         t(QT_TRANSLATE_NOOP("reports", "Paid by card"))],
        [[p, n, round(float(lit or 0), 2), yuan(fen), percent(float(c or 0), float(lit or 0))]
         for p, n, lit, fen, c in products],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No visits on this day.")),
        total=[t(QT_TRANSLATE_NOOP("reports", "Total")), n_visits, round(float(litres), 2),
               yuan(amount), percent(float(card), float(litres))] if products else None,
    ))  # fmt: skip

    if children(session, unit):
        report.blocks.append(_by_unit(session, unit, visits_where, new_where, done_where,
                                      pending_where, received_where, open_where))  # fmt: skip

    report.blocks.append(Heading(t(QT_TRANSLATE_NOOP("reports", "Callbacks"))))
    done = list(session.scalars(select(CallbackTask).where(done_where)
                                .order_by(CallbackTask.recorded_at).limit(DETAIL_ROWS)))  # fmt: skip
    pending = list(session.scalars(select(CallbackTask).where(pending_where)
                                   .order_by(CallbackTask.due_date, CallbackTask.id)
                                   .limit(DETAIL_ROWS)))  # fmt: skip
    names = customer_labels(session, [x.customer_id for x in done + pending])
    people = user_names(session, {x.assignee_id for x in done + pending}
                        | {x.recorded_by_id for x in done})  # fmt: skip
    yes, no = t(QT_TRANSLATE_NOOP("reports", "Yes")), t(QT_TRANSLATE_NOOP("reports", "No"))
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Callbacks done")),
        [t(QT_TRANSLATE_NOOP("reports", "Customer")), t(QT_TRANSLATE_NOOP("reports", "Reason")),
         t(QT_TRANSLATE_NOOP("reports", "Due")), t(QT_TRANSLATE_NOOP("reports", "Done by")),
         t(QT_TRANSLATE_NOOP("reports", "Reached")),
         t(QT_TRANSLATE_NOOP("reports", "Satisfaction"))],
        [[names.get(x.customer_id, ""), label(CALLBACK_REASONS, x.reason), x.due_date,
          people.get(x.recorded_by_id or x.assignee_id or "", ""),
          "" if x.reached is None else (yes if x.reached else no), x.satisfaction]
         for x in done],
        widths=[3, 2, 2, 2, 1.2, 1.2],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No callback was recorded on this day.")),
        note=_more(len(done), n_done),
    ))  # fmt: skip
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Callbacks pending")),
        [t(QT_TRANSLATE_NOOP("reports", "Customer")), t(QT_TRANSLATE_NOOP("reports", "Reason")),
         t(QT_TRANSLATE_NOOP("reports", "Due")), t(QT_TRANSLATE_NOOP("reports", "Assignee")),
         t(QT_TRANSLATE_NOOP("reports", "Days overdue"))],
        [[names.get(x.customer_id, ""), label(CALLBACK_REASONS, x.reason), x.due_date,
          people.get(x.assignee_id or "", ""), _days_between(x.due_date, period.last)]
         for x in pending],
        widths=[3, 2, 2, 2, 1.5],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No callback is pending.")),
        note=_more(len(pending), n_pending),
    ))  # fmt: skip

    report.blocks.append(Heading(t(QT_TRANSLATE_NOOP("reports", "Complaints"))))
    received = list(session.scalars(select(Complaint).where(received_where)
                                    .order_by(Complaint.received_at).limit(DETAIL_ROWS)))  # fmt: skip
    still_open = list(session.scalars(select(Complaint).where(open_where)
                                      .order_by(Complaint.received_at).limit(DETAIL_ROWS)))  # fmt: skip
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Complaints received")),
        [t(QT_TRANSLATE_NOOP("reports", "Number")), t(QT_TRANSLATE_NOOP("reports", "Received")),
         t(QT_TRANSLATE_NOOP("reports", "Category")), t(QT_TRANSLATE_NOOP("reports", "Severity")),
         t(QT_TRANSLATE_NOOP("reports", "Source")), t(QT_TRANSLATE_NOOP("reports", "Status"))],
        [[c.number, local_minute(c.received_at), c.category, c.severity, c.source,
          label(COMPLAINT_STATUSES, c.status)] for c in received],
        widths=[3.2, 2.4, 1.8, 1.4, 1.6, 1.4],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No complaint was received on this day.")),
        note=_more(len(received), n_received),
    ))  # fmt: skip
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Complaints open")),
        [t(QT_TRANSLATE_NOOP("reports", "Number")), t(QT_TRANSLATE_NOOP("reports", "Received")),
         t(QT_TRANSLATE_NOOP("reports", "Category")), t(QT_TRANSLATE_NOOP("reports", "Severity")),
         t(QT_TRANSLATE_NOOP("reports", "Status")), t(QT_TRANSLATE_NOOP("reports", "Deadline"))],
        [[c.number, local_date(c.received_at), c.category, c.severity,
          label(COMPLAINT_STATUSES, c.status), local_date(c.close_deadline)] for c in still_open],
        widths=[3.2, 1.8, 1.8, 1.4, 1.4, 1.8],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No complaint is open.")),
        note=_more(len(still_open), n_open),
    ))  # fmt: skip
    return report


def _days_between(due: str, day: date) -> int:
    try:
        return max(0, (day - date.fromisoformat(due)).days)
    except ValueError:
        return 0


def _by_unit(session: Session, unit: OrgUnit, visits_where: object, new_where: object,
             done_where: object, pending_where: object, received_where: object,
             open_where: object) -> Table:  # fmt: skip
    """One row per unit right below ``unit`` (areas of the company, stations of an area)."""
    mapping = child_of(session, unit)
    card_litres = func.sum(case((Visit.paid_by_card.is_(True), Visit.litres), else_=0.0))
    visits = grouped(session, select(Visit.org_unit_id, func.count(), func.sum(Visit.litres),
                                     card_litres).where(visits_where)
                     .group_by(Visit.org_unit_id), mapping)  # fmt: skip
    new = grouped(session, select(Customer.org_unit_id, func.count()).where(new_where)
                  .group_by(Customer.org_unit_id), mapping)  # fmt: skip
    done = grouped(session, select(CallbackTask.org_unit_id, func.count()).where(done_where)
                   .group_by(CallbackTask.org_unit_id), mapping)  # fmt: skip
    pending = grouped(session, select(CallbackTask.org_unit_id, func.count()).where(pending_where)
                      .group_by(CallbackTask.org_unit_id), mapping)  # fmt: skip
    received = grouped(session, select(Complaint.org_unit_id, func.count()).where(received_where)
                       .group_by(Complaint.org_unit_id), mapping)  # fmt: skip
    still_open = grouped(session, select(Complaint.org_unit_id, func.count()).where(open_where)
                         .group_by(Complaint.org_unit_id), mapping)  # fmt: skip
    rows = []
    for child in children(session, unit):
        v = visits.get(child.id, [0, 0.0, 0.0])
        rows.append([child.name, v[0], round(float(v[1]), 2), percent(float(v[2]), float(v[1])),
                     new.get(child.id, [0])[0], done.get(child.id, [0])[0],
                     pending.get(child.id, [0])[0], received.get(child.id, [0])[0],
                     still_open.get(child.id, [0])[0]])  # fmt: skip
    return Table(
        t(QT_TRANSLATE_NOOP("reports", "By unit")),
        [t(QT_TRANSLATE_NOOP("reports", "Unit")), t(QT_TRANSLATE_NOOP("reports", "Visits")),
         t(QT_TRANSLATE_NOOP("reports", "Litres")), t(QT_TRANSLATE_NOOP("reports", "Paid by card")),
         t(QT_TRANSLATE_NOOP("reports", "New customers")),
         t(QT_TRANSLATE_NOOP("reports", "Callbacks done")),
         t(QT_TRANSLATE_NOOP("reports", "Callbacks pending")),
         t(QT_TRANSLATE_NOOP("reports", "Complaints received")),
         t(QT_TRANSLATE_NOOP("reports", "Complaints open"))],
        rows,
        widths=[2.6, 1.2, 1.6, 1.3, 1.2, 1.2, 1.2, 1.2, 1.2],
    )  # fmt: skip
