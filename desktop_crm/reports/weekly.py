"""回访报告: the week's callback reports of a unit's staff, each with its figures, the
author's summary, the station master's guidance (指导意见) and the verbatim records,
after an overview of the unit's callbacks due and done in the week."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.localtime import local_minute, local_zone
from desktop_crm.models import CallbackReport, CallbackTask, OrgUnit, User
from desktop_crm.reports.common import (
    CALLBACK_REASONS,
    REPORT_STATUSES,
    Scope,
    label,
    percent,
    printed_at,
    t,
)
from desktop_crm.reports.document import Facts, Heading, PageBreak, Paragraph, Report, Table
from desktop_crm.reports.periods import WEEK, Period, period_of_kind
from desktop_crm.services.callbacks.weekly_report import weekly_report_data

TITLE = QT_TRANSLATE_NOOP("reports", "Weekly callback report")
OUTCOMES = {
    "reached": QT_TRANSLATE_NOOP("reports", "Reached"),
    "not_reached": QT_TRANSLATE_NOOP("reports", "Not reached"),
    "booked": QT_TRANSLATE_NOOP("reports", "Booked"),
    "cancelled": QT_TRANSLATE_NOOP("reports", "Cancelled"),
}


def build_weekly(session: Session, unit: OrgUnit, period: Period, now_ms: int) -> Report:
    if period.kind != WEEK:
        period = period_of_kind(WEEK, period.start)
    scope = Scope(unit)
    first, last = period.start.isoformat(), period.last.isoformat()
    due_where = and_(CallbackTask.org_unit_id.in_(scope.ids()), CallbackTask.deleted.is_(False),
                     CallbackTask.due_date >= first, CallbackTask.due_date <= last,
                     CallbackTask.status != "cancelled")  # fmt: skip
    offset = datetime.combine(period.start, time(12), local_zone()).utcoffset() or timedelta()
    recorded_day = func.date(
        CallbackTask.recorded_at / 1000, "unixepoch", f"{int(offset.total_seconds())} seconds"
    )  # local date
    due, done, on_time, rated, sat_sum = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((CallbackTask.status == "done", 1), else_=0)), 0),
            func.coalesce(func.sum(case((and_(CallbackTask.status == "done",
                                              recorded_day <= CallbackTask.due_date), 1),
                                        else_=0)), 0),
            func.count(CallbackTask.satisfaction),
            func.coalesce(func.sum(CallbackTask.satisfaction), 0),
        ).where(due_where)
    ).one()  # fmt: skip
    reports = list(session.scalars(
        select(CallbackReport)
        .join(User, User.id == CallbackReport.author_id)
        .where(CallbackReport.org_unit_id.in_(scope.ids()), CallbackReport.week == period.text,
               CallbackReport.deleted.is_(False))
        .order_by(CallbackReport.org_unit_id, User.name)
    ))  # fmt: skip
    datas = [weekly_report_data(session, r.id) for r in reports]

    report = Report("weekly", t(TITLE), unit.name, f"{period.text}  ({period.span})",
                    printed_at(now_ms))  # fmt: skip
    report.empty = not datas and not due
    report.empty_text = t(
        QT_TRANSLATE_NOOP("reports", "No callback was due and no report was written in {week}."),
        week=period.text,
    )
    report.blocks.append(Facts(t(QT_TRANSLATE_NOOP("reports", "The week's callbacks")), [
        (t(QT_TRANSLATE_NOOP("reports", "Callbacks due")), due),
        (t(QT_TRANSLATE_NOOP("reports", "Callbacks done")), done),
        (t(QT_TRANSLATE_NOOP("reports", "Done on time")), on_time),
        (t(QT_TRANSLATE_NOOP("reports", "Share done on time")), percent(on_time, due)),
        (t(QT_TRANSLATE_NOOP("reports", "Average satisfaction (1-5)")),
         round(sat_sum / rated, 2) if rated else "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Reports handed in")), len(datas)),
    ]))  # fmt: skip
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Reports of the week")),
        [t(QT_TRANSLATE_NOOP("reports", "Station")), t(QT_TRANSLATE_NOOP("reports", "Author")),
         t(QT_TRANSLATE_NOOP("reports", "Status")), t(QT_TRANSLATE_NOOP("reports", "Tasks")),
         t(QT_TRANSLATE_NOOP("reports", "Reached")),
         t(QT_TRANSLATE_NOOP("reports", "Satisfaction")),
         t(QT_TRANSLATE_NOOP("reports", "Reviewed by"))],
        [[d.station_name, d.author_name, label(REPORT_STATUSES, d.status), d.figures.tasks,
          d.figures.reached, d.figures.average_satisfaction, d.reviewer_name or ""]
         for d in datas],
        widths=[3, 2, 1.6, 1.2, 1.2, 1.4, 2],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No callback report was written this week.")),
    ))  # fmt: skip
    none = t(QT_TRANSLATE_NOOP("reports", "(none)"))
    for d in datas:
        report.blocks.append(PageBreak())
        report.blocks.append(Heading(f"{d.station_name} · {d.author_name}"
                                     + (f" ({d.author_badge})" if d.author_badge else "")))  # fmt: skip
        f = d.figures
        report.blocks.append(Facts("", [
            (t(QT_TRANSLATE_NOOP("reports", "Status")), label(REPORT_STATUSES, d.status)),
            (t(QT_TRANSLATE_NOOP("reports", "Submitted")),
             local_minute(d.submitted_at) if d.submitted_at else "—"),
            (t(QT_TRANSLATE_NOOP("reports", "Tasks")), f.tasks),
            (t(QT_TRANSLATE_NOOP("reports", "Attempts")), f.attempts),
            (t(QT_TRANSLATE_NOOP("reports", "Reached")), f.reached),
            (t(QT_TRANSLATE_NOOP("reports", "Not reached")), f.not_reached),
            (t(QT_TRANSLATE_NOOP("reports", "Average satisfaction (1-5)")),
             f.average_satisfaction if f.average_satisfaction is not None else "—"),
            (t(QT_TRANSLATE_NOOP("reports", "Complaints raised")), f.complaints),
        ]))  # fmt: skip
        report.blocks.append(Heading(t(QT_TRANSLATE_NOOP("reports", "Summary by the author"))))
        report.blocks.append(Paragraph(d.summary or none))
        report.blocks.append(Heading(t(QT_TRANSLATE_NOOP("reports", "Guidance"))))
        guidance = d.guidance if d.status != "returned" else None
        report.blocks.append(Paragraph(guidance or none))
        if d.reviewer_name and d.reviewed_at:
            report.blocks.append(Paragraph(f"{d.reviewer_name}  {local_minute(d.reviewed_at)}",
                                           muted=True))  # fmt: skip
        if d.area_comment:
            report.blocks.append(Heading(t(QT_TRANSLATE_NOOP("reports", "Comment of the area"))))
            report.blocks.append(Paragraph(d.area_comment))
        report.blocks.append(Table(
            t(QT_TRANSLATE_NOOP("reports", "Records of {name}"), name=d.author_name),
            [t(QT_TRANSLATE_NOOP("reports", "Time")), t(QT_TRANSLATE_NOOP("reports", "Customer")),
             t(QT_TRANSLATE_NOOP("reports", "Reason")), t(QT_TRANSLATE_NOOP("reports", "Outcome")),
             t(QT_TRANSLATE_NOOP("reports", "Satisfaction")),
             t(QT_TRANSLATE_NOOP("reports", "Needs, problems, suggestions (verbatim)"))],
            [[local_minute(r.at), r.customer_name or "—", label(CALLBACK_REASONS, r.reason),
              label(OUTCOMES, r.outcome), r.satisfaction,
              "\n".join(x for x in (r.needs, r.problems, r.suggestions, r.note) if x)]
             for r in d.records],
            widths=[2.2, 2.2, 1.8, 1.4, 1.2, 5.5],
            empty_text=t(QT_TRANSLATE_NOOP("reports", "No callback recorded.")),
        ))  # fmt: skip
    return report
