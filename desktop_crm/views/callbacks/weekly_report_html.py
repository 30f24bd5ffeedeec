"""One weekly callback report as HTML for a QTextBrowser: who and when, the figures and
the customers' words as recorded."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desktop_crm.localtime import local_minute
from desktop_crm.services.callbacks.weekly_content import RecordEntry
from desktop_crm.services.callbacks.weekly_report import STATUS_NAMES, WeeklyReportData
from desktop_crm.views.callbacks.labels import channel_name, reason_name


def status_label(status: str) -> str:
    return QCoreApplication.translate("weekly_report", STATUS_NAMES.get(status, status))


def outcome_label(outcome: str) -> str:
    labels = {
        "reached": QCoreApplication.translate("WeeklyReportHtml", "Reached"),
        "not_reached": QCoreApplication.translate("WeeklyReportHtml", "Not reached"),
        "booked": QCoreApplication.translate("WeeklyReportHtml", "Booked / moved"),
        "cancelled": QCoreApplication.translate("WeeklyReportHtml", "Cancelled"),
    }
    return labels.get(outcome, outcome)


def _when(ms: int | None) -> str:
    return local_minute(ms) if ms else ""


def _row(label: str, value: str) -> str:
    return (
        f"<tr><td style='color:#555;padding-right:12px'>{escape(label)}</td><td>{value}</td></tr>"
    )


def _steps(d: WeeklyReportData) -> list[str]:
    rows = [
        _row(
            QCoreApplication.translate("WeeklyReportHtml", "Status"),
            f"<b>{escape(status_label(d.status))}</b>",
        )
    ]
    if d.submitted_at:
        rows.append(
            _row(
                QCoreApplication.translate("WeeklyReportHtml", "Submitted"),
                escape(_when(d.submitted_at)),
            )
        )
    if d.reviewed_at and d.reviewer_name:
        rows.append(
            _row(
                QCoreApplication.translate("WeeklyReportHtml", "Reviewed"),
                escape(
                    QCoreApplication.translate("WeeklyReportHtml", "{time} by {name}").format(
                        time=_when(d.reviewed_at), name=d.reviewer_name
                    )
                ),
            )
        )
    if d.forwarded_at:
        rows.append(
            _row(
                QCoreApplication.translate("WeeklyReportHtml", "Passed to the area"),
                escape(_when(d.forwarded_at)),
            )
        )
    if d.area_read_at and d.area_reader_name:
        rows.append(
            _row(
                QCoreApplication.translate("WeeklyReportHtml", "Acknowledged"),
                escape(
                    QCoreApplication.translate("WeeklyReportHtml", "{time} by {name}").format(
                        time=_when(d.area_read_at), name=d.area_reader_name
                    )
                ),
            )
        )
    return rows


def _figures(d: WeeklyReportData) -> list[str]:
    f = d.figures
    average = (
        QCoreApplication.translate("WeeklyReportHtml", "{avg} of 5 ({n} rated)").format(
            avg=f"{f.average_satisfaction:.2f}", n=sum(f.satisfaction_counts.values())
        )
        if f.average_satisfaction is not None
        else QCoreApplication.translate("WeeklyReportHtml", "none rated")
    )
    reasons = "、".join(f"{escape(reason_name(k))} {n}" for k, n in f.by_reason.items())
    rows = [
        _row(QCoreApplication.translate("WeeklyReportHtml", "Callbacks worked on"), str(f.tasks)),
        _row(QCoreApplication.translate("WeeklyReportHtml", "Reached"), str(f.reached)),
        _row(
            QCoreApplication.translate("WeeklyReportHtml", "Not reached"),
            escape(
                QCoreApplication.translate(
                    "WeeklyReportHtml", "{n} (marked unreachable: {u})"
                ).format(n=f.not_reached, u=f.unreachable)
            ),
        ),
        _row(QCoreApplication.translate("WeeklyReportHtml", "Only booked or moved"), str(f.booked)),
        _row(QCoreApplication.translate("WeeklyReportHtml", "Attempts"), str(f.attempts)),
        _row(QCoreApplication.translate("WeeklyReportHtml", "Satisfaction"), escape(average)),
        _row(QCoreApplication.translate("WeeklyReportHtml", "By reason"), reasons or "-"),
        _row(
            QCoreApplication.translate("WeeklyReportHtml", "With problems / suggestions"),
            f"{f.with_problems} / {f.with_suggestions}",
        ),
        _row(
            QCoreApplication.translate("WeeklyReportHtml", "Complaints raised"), str(f.complaints)
        ),
    ]
    if f.cancelled:
        rows.append(
            _row(QCoreApplication.translate("WeeklyReportHtml", "Cancelled"), str(f.cancelled))
        )
    return rows


def _words(r: RecordEntry) -> str:
    parts = [
        (QCoreApplication.translate("WeeklyReportHtml", "Needs"), r.needs),
        (QCoreApplication.translate("WeeklyReportHtml", "Problems"), r.problems),
        (QCoreApplication.translate("WeeklyReportHtml", "Suggestions"), r.suggestions),
        (QCoreApplication.translate("WeeklyReportHtml", "Cause"), r.cause),
        (QCoreApplication.translate("WeeklyReportHtml", "Measure"), r.measure),
        (QCoreApplication.translate("WeeklyReportHtml", "Note"), r.note),
    ]
    return "<br>".join(
        f"<span style='color:#555'>{escape(label)}:</span> {escape(text)}"
        for label, text in parts
        if text
    )


def _records(d: WeeklyReportData) -> list[str]:
    if not d.records:
        empty = QCoreApplication.translate(
            "WeeklyReportHtml", "No callbacks recorded in this week."
        )
        return [f"<p style='color:#555'>{escape(empty)}</p>"]
    plate_only = QCoreApplication.translate("WeeklyReportHtml", "(plate only)")
    head = "".join(
        f"<th align='left'>{escape(h)}</th>"
        for h in (
            QCoreApplication.translate("WeeklyReportHtml", "Time"),
            QCoreApplication.translate("WeeklyReportHtml", "Customer"),
            QCoreApplication.translate("WeeklyReportHtml", "Reason"),
            QCoreApplication.translate("WeeklyReportHtml", "Outcome"),
            QCoreApplication.translate("WeeklyReportHtml", "Channel"),
            QCoreApplication.translate("WeeklyReportHtml", "Rating"),
            QCoreApplication.translate("WeeklyReportHtml", "What the customer said (verbatim)"),
        )
    )
    rows = [f"<table cellspacing='0' cellpadding='3' border='1' width='100%'><tr>{head}</tr>"]
    for r in d.records:
        outcome = outcome_label(r.outcome)
        if r.unreachable:
            outcome += " · " + QCoreApplication.translate("WeeklyReportHtml", "unreachable")
        if r.complaint_id:
            outcome += " · " + QCoreApplication.translate("WeeklyReportHtml", "complaint raised")
        rows.append(
            "<tr>"
            f"<td style='white-space:nowrap'>{escape(_when(r.at))}</td>"
            f"<td>{escape(r.customer_name or plate_only)}</td>"
            f"<td>{escape(reason_name(r.reason))}</td>"
            f"<td>{escape(outcome)}</td>"
            f"<td>{escape(channel_name(r.channel))}</td>"
            f"<td>{r.satisfaction if r.satisfaction is not None else ''}</td>"
            f"<td>{_words(r)}</td>"
            "</tr>"
        )
    rows.append("</table>")
    return rows


def report_html(d: WeeklyReportData) -> str:
    title = QCoreApplication.translate(
        "WeeklyReportHtml", "Weekly callback report {week}: {name}, {station}"
    ).format(week=d.week, name=d.author_name, station=d.station_name)
    period = QCoreApplication.translate("WeeklyReportHtml", "{first} to {last}").format(
        first=d.first_day.isoformat(), last=d.last_day.isoformat()
    )
    html = [f"<h3>{escape(title)}</h3>", f"<p>{escape(period)}</p>"]
    if d.return_reason:
        returned = QCoreApplication.translate(
            "WeeklyReportHtml", "Returned by {name}: {reason}"
        ).format(name=d.reviewer_name or "", reason=d.return_reason)
        html.append(f"<p style='color:#b00020'><b>{escape(returned)}</b></p>")
    if d.cut_at_submission:
        cut = QCoreApplication.translate(
            "WeeklyReportHtml", "Records up to {time}, when the report was submitted."
        ).format(time=_when(d.period_end))
        html.append(f"<p style='color:#555'>{escape(cut)}</p>")
    html.append("<table cellspacing='2'>")
    html += _steps(d)
    html.append("</table>")
    figures = QCoreApplication.translate("WeeklyReportHtml", "Figures")
    html.append(f"<h4>{escape(figures)}</h4><table cellspacing='2'>")
    html += _figures(d)
    html.append("</table>")
    records = QCoreApplication.translate("WeeklyReportHtml", "Records")
    html.append(f"<h4>{escape(records)}</h4>")
    html += _records(d)
    return "".join(html)
