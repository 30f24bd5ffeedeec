"""The weekly callback report (回访报告): each staff member's week of callbacks and own
summary, reviewed by the station master (指导意见) and passed on to the area.

Workflow (ReportStatus)::

    draft ──submit──▶ submitted ──review──▶ reviewed ──forward──▶ forwarded ──acknowledge──▶ acknowledged
      ▲                  │  ▲                  │
      │                  │  └──── review ──────┘ (the guidance may be rewritten until forwarded)
      └── returned ◀─return──(submitted or reviewed); the author edits and submits again

- the author (station staff, one report per ISO week) writes the summary and submits;
- a station master of the report's station reviews (writes guidance), returns it to
  the author with a reason, or forwards a reviewed report to the area;
- an area manager above the station (or a company administrator) acknowledges a
  forwarded report, with an optional comment.

The return reason is kept in ``guidance`` while the report is returned (there is no
column of its own); reviewing again replaces it with the guidance. Every step is
refused with a reason the user can act on, and audited.

The figures and records are read live from the callback tasks and attempts; once the
report is submitted they stop at the submission time (what the author handed in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.models import CallbackReport, OrgUnit, ReportStatus, Role, User
from desktop_crm.services import audit
from desktop_crm.services.callbacks.weekly_content import (
    RecordEntry,
    ReportFigures,
    figures_of,
    week_records,
)
from desktop_crm.services.callbacks.weeks import local_today, week_bounds_ms, week_days, week_of
from desktop_crm.services.customer_access import ancestor_ids
from desktop_crm.services.customer_rows import mark_dirty

ENTITY = "callback_report"
MAX_TEXT = 4000

STATUS_NAMES: dict[str, str] = {
    ReportStatus.DRAFT: QT_TRANSLATE_NOOP("weekly_report", "Draft"),
    ReportStatus.SUBMITTED: QT_TRANSLATE_NOOP("weekly_report", "Submitted"),
    ReportStatus.REVIEWED: QT_TRANSLATE_NOOP("weekly_report", "Reviewed"),
    ReportStatus.FORWARDED: QT_TRANSLATE_NOOP("weekly_report", "Passed to the area"),
    ReportStatus.ACKNOWLEDGED: QT_TRANSLATE_NOOP("weekly_report", "Acknowledged"),
    ReportStatus.RETURNED: QT_TRANSLATE_NOOP("weekly_report", "Returned"),
}

# Actions a user may take on a report (available_actions), as the views name them.
EDIT = "edit"
SUBMIT = "submit"
REVIEW = "review"
RETURN = "return"
FORWARD = "forward"
ACKNOWLEDGE = "acknowledge"

AUTHOR_EDITABLE = frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED})
REVIEWABLE = frozenset({ReportStatus.SUBMITTED, ReportStatus.REVIEWED})
SUBMITTED_STATES = frozenset(
    {
        ReportStatus.SUBMITTED,
        ReportStatus.REVIEWED,
        ReportStatus.FORWARDED,
        ReportStatus.ACKNOWLEDGED,
    }
)
AREA_READERS = frozenset({Role.AREA_MANAGER, Role.COMPANY_ADMIN})


# -- who is who ---------------------------------------------------------------------------
def is_author(user: User, report: CallbackReport) -> bool:
    return report.author_id == user.id


def is_station_master(user: User, report: CallbackReport) -> bool:
    """A station master of the report's station (not of another one)."""
    return user.role == Role.STATION_MASTER and user.org_unit_id == report.org_unit_id


def is_area_reader(session: Session, user: User, report: CallbackReport) -> bool:
    """An area manager (or company administrator) whose unit lies above the station."""
    if user.role not in AREA_READERS:
        return False
    station = session.get(OrgUnit, report.org_unit_id)
    return station is not None and user.org_unit_id in ancestor_ids(station)[:-1]


def can_see(session: Session, user: User, report: CallbackReport) -> bool:
    """Staff see their own reports; everyone else the reports of their org subtree."""
    if report.deleted:
        return False
    if user.role == Role.STATION_STAFF:
        return is_author(user, report)
    station = session.get(OrgUnit, report.org_unit_id)
    return station is not None and user.org_unit_id in ancestor_ids(station)


def available_actions(session: Session, user: User, report: CallbackReport) -> list[str]:
    """What ``user`` may do with the report now (the buttons a view offers)."""
    status = report.status
    actions: list[str] = []
    if is_author(user, report) and status in AUTHOR_EDITABLE:
        actions += [EDIT, SUBMIT]
    if is_station_master(user, report) and not is_author(user, report):
        if status in REVIEWABLE:
            actions += [REVIEW, RETURN]
        if status == ReportStatus.REVIEWED:
            actions.append(FORWARD)
    if status == ReportStatus.FORWARDED and is_area_reader(session, user, report):
        actions.append(ACKNOWLEDGE)
    return actions


# -- refusals -----------------------------------------------------------------------------
def _require_author(user: User, report: CallbackReport) -> None:
    if not is_author(user, report):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "Only the author of a weekly report can change or submit it."
            )
        )
    if report.status not in AUTHOR_EDITABLE:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This report has already been submitted; you can change it again only if "
                "your station master returns it to you.",
            )
        )


def _require_master(session: Session, user: User, report: CallbackReport) -> None:
    if not is_station_master(user, report) or is_author(user, report):
        station = session.get(OrgUnit, report.org_unit_id)
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "Only a station master of {station} can review this weekly report."
            ),
            station=station.name if station else "?",
        )


def _require_reviewable(report: CallbackReport) -> None:
    if report.status in REVIEWABLE:
        return
    if report.status in (ReportStatus.FORWARDED, ReportStatus.ACKNOWLEDGED):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This report has already been passed to the area; the guidance can no "
                "longer be changed.",
            )
        )
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This report has not been submitted (or was returned to its author); "
            "wait until the author submits it.",
        )
    )


def _text(value: str | None, field: str, message: str, required: bool = True) -> str | None:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(message, field=field)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Too long: at most {max} characters."),
            field=field,
            max=MAX_TEXT,
        )
    return text or None


def _audit(
    session: Session, actor: User, report: CallbackReport, action: str, detail: dict[str, object]
) -> None:
    audit.record(session, actor, action, ENTITY, report.id, detail, org_unit_id=report.org_unit_id)


def _transition(
    session: Session,
    actor: User,
    report: CallbackReport,
    to: ReportStatus,
    at: int,
    **extra: object,
) -> None:
    before = report.status
    report.status = to.value
    mark_dirty(report, at)
    _audit(session, actor, report, audit.Action.EDIT, {"status": [before, to.value], **extra})


def get_report(session: Session, user: User, report_id: str) -> CallbackReport:
    """The report, after checking that ``user`` may see it."""
    report = session.get(CallbackReport, report_id)
    if report is None or not can_see(session, user, report):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This weekly report does not exist or lies outside your unit; reload the list.",
            )
        )
    return report


# -- the workflow ------------------------------------------------------------------------
def open_report(session: Session, actor: User, week: str, now: int | None = None) -> CallbackReport:
    """The author's report for ``week``, made as a draft if there is none yet."""
    at = now if now is not None else now_ms()
    week_days(week)  # refuses a malformed week
    existing = session.scalar(
        select(CallbackReport).where(
            CallbackReport.author_id == actor.id,
            CallbackReport.week == week,
            CallbackReport.deleted.is_(False),
        )
    )
    if existing is not None:
        return existing
    station = session.get(OrgUnit, actor.org_unit_id)
    if actor.role != Role.STATION_STAFF or station is None or station.kind != "station":
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "Weekly callback reports are written by station staff; station masters "
                "review them and the area reads them.",
            )
        )
    if week_days(week)[0] > local_today(at):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The week {week} has not started yet: choose this week or an earlier one."
            ),
            field="week",
            week=week,
        )
    report = CallbackReport(
        author_id=actor.id,
        week=week,
        status=ReportStatus.DRAFT.value,
        created_at=at,
        org_unit_id=station.id,
        updated_at=at,
    )
    session.add(report)
    session.flush()
    _audit(session, actor, report, audit.Action.CREATE, {"week": week})
    return report


def save_summary(
    session: Session, actor: User, report_id: str, summary: str, now: int | None = None
) -> CallbackReport:
    """The author's own words about the week (draft or returned reports only)."""
    report = get_report(session, actor, report_id)
    _require_author(actor, report)
    text = _text(summary, "summary", "", required=False)
    if text != report.summary:
        report.summary = text
        mark_dirty(report, now if now is not None else now_ms())
        _audit(session, actor, report, audit.Action.EDIT, {"text": ["summary"]})
    return report


def submit(
    session: Session,
    actor: User,
    report_id: str,
    summary: str | None = None,
    now: int | None = None,
) -> CallbackReport:
    """The author hands the week to the station master (again, after a return)."""
    at = now if now is not None else now_ms()
    report = get_report(session, actor, report_id)
    _require_author(actor, report)
    if summary is not None:
        save_summary(session, actor, report_id, summary, at)
    if not (report.summary or "").strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Write a short summary of your week (what customers said, what you will do) "
                "before submitting.",
            ),
            field="summary",
        )
    again = report.status == ReportStatus.RETURNED
    report.submitted_at = at
    _transition(session, actor, report, ReportStatus.SUBMITTED, at, resubmitted=again)
    return report


def review(
    session: Session, actor: User, report_id: str, guidance: str, now: int | None = None
) -> CallbackReport:
    """The station master writes (or rewrites) the guidance (指导意见)."""
    at = now if now is not None else now_ms()
    report = get_report(session, actor, report_id)
    _require_master(session, actor, report)
    _require_reviewable(report)
    report.guidance = _text(
        guidance,
        "guidance",
        QT_TRANSLATE_NOOP("errors", "Write your guidance (指导意见) for the author first."),
    )
    report.reviewer_id, report.reviewed_at = actor.id, at
    _transition(session, actor, report, ReportStatus.REVIEWED, at, text=["guidance"])
    return report


def return_report(
    session: Session, actor: User, report_id: str, reason: str, now: int | None = None
) -> CallbackReport:
    """The station master sends the report back to its author, saying why."""
    at = now if now is not None else now_ms()
    report = get_report(session, actor, report_id)
    _require_master(session, actor, report)
    _require_reviewable(report)
    report.guidance = _text(
        reason,
        "guidance",
        QT_TRANSLATE_NOOP(
            "errors", "Say why the report goes back to its author (what to add or correct)."
        ),
    )
    report.reviewer_id, report.reviewed_at = actor.id, at
    _transition(session, actor, report, ReportStatus.RETURNED, at, reason=report.guidance)
    return report


def forward(
    session: Session, actor: User, report_id: str, now: int | None = None
) -> CallbackReport:
    """The station master passes a reviewed report to the area."""
    at = now if now is not None else now_ms()
    report = get_report(session, actor, report_id)
    _require_master(session, actor, report)
    if report.status != ReportStatus.REVIEWED:
        if report.status in (ReportStatus.FORWARDED, ReportStatus.ACKNOWLEDGED):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "This report has already been passed to the area.")
            )
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Review the report (write your guidance) before passing it to the area."
            )
        )
    report.forwarded_at = at
    _transition(session, actor, report, ReportStatus.FORWARDED, at)
    return report


def acknowledge(
    session: Session,
    actor: User,
    report_id: str,
    comment: str | None = None,
    now: int | None = None,
) -> CallbackReport:
    """An area manager has read the forwarded report (optionally with a comment)."""
    at = now if now is not None else now_ms()
    report = get_report(session, actor, report_id)
    if not is_area_reader(session, actor, report):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "Only an area manager above the station can acknowledge this report."
            )
        )
    if report.status != ReportStatus.FORWARDED:
        if report.status == ReportStatus.ACKNOWLEDGED:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "This report has already been acknowledged.")
            )
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The station master has not passed this report to the area yet."
            )
        )
    report.area_comment = _text(comment, "area_comment", "", required=False)
    report.area_reader_id, report.area_read_at = actor.id, at
    _transition(session, actor, report, ReportStatus.ACKNOWLEDGED, at)
    return report


# -- lists ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportRow:
    id: str
    week: str
    status: str
    author_id: str
    author_name: str
    station_id: str
    station_name: str
    submitted_at: int | None
    reviewer_name: str | None
    reviewed_at: int | None
    forwarded_at: int | None
    area_read_at: int | None
    updated_at: int


def list_reports(
    session: Session,
    user: User,
    week: str | None = None,
    status: str | None = None,
    limit: int = 2000,
) -> list[ReportRow]:
    """The reports ``user`` sees (own / station / area), newest week first."""
    author, reviewer = aliased(User), aliased(User)
    statement = (
        select(CallbackReport, author.name, OrgUnit.name, reviewer.name)
        .join(author, author.id == CallbackReport.author_id)
        .join(OrgUnit, OrgUnit.id == CallbackReport.org_unit_id)
        .outerjoin(reviewer, reviewer.id == CallbackReport.reviewer_id)
        .where(CallbackReport.deleted.is_(False))
    )
    if user.role == Role.STATION_STAFF:
        statement = statement.where(CallbackReport.author_id == user.id)
    else:
        own = session.get_one(OrgUnit, user.org_unit_id)
        statement = statement.where(OrgUnit.path.startswith(own.path))
    if week:
        week_days(week)
        statement = statement.where(CallbackReport.week == week)
    if status:
        statement = statement.where(CallbackReport.status == status)
    statement = statement.order_by(
        CallbackReport.week.desc(), OrgUnit.code, author.name, CallbackReport.id
    ).limit(limit)
    return [
        ReportRow(
            id=report.id,
            week=report.week,
            status=report.status,
            author_id=report.author_id,
            author_name=author_name,
            station_id=report.org_unit_id,
            station_name=station_name,
            submitted_at=report.submitted_at,
            reviewer_name=reviewer_name,
            reviewed_at=report.reviewed_at,
            forwarded_at=report.forwarded_at,
            area_read_at=report.area_read_at,
            updated_at=report.updated_at,
        )
        for report, author_name, station_name, reviewer_name in session.execute(statement)
    ]


@dataclass(frozen=True)
class MissingReport:
    """A staff member of the scope with no submitted report for the week."""

    user_id: str
    name: str
    station_name: str
    status: str | None  # None: not started; draft / returned: not handed in


def missing_reports(session: Session, user: User, week: str) -> list[MissingReport]:
    """Active staff of the user's stations who have not handed in the week's report."""
    week_days(week)
    if user.role == Role.STATION_STAFF:
        return []
    own = session.get_one(OrgUnit, user.org_unit_id)
    rows = session.execute(
        select(User, OrgUnit.name, CallbackReport.status)
        .join(OrgUnit, OrgUnit.id == User.org_unit_id)
        .outerjoin(
            CallbackReport,
            (CallbackReport.author_id == User.id)
            & (CallbackReport.week == week)
            & CallbackReport.deleted.is_(False),
        )
        .where(
            OrgUnit.path.startswith(own.path),
            User.role == Role.STATION_STAFF.value,
            User.active.is_(True),
            User.deleted.is_(False),
        )
        .order_by(OrgUnit.code, User.name)
    )
    return [
        MissingReport(person.id, person.name, station_name, status)
        for person, station_name, status in rows
        if status is None or status in AUTHOR_EDITABLE
    ]


# -- the data of one report (shown here, printed by the reports) --------------------------
@dataclass(frozen=True)
class WeeklyReportData:
    report_id: str
    week: str
    first_day: date  # Monday
    last_day: date  # Sunday
    period_start: int  # UTC ms, local Monday 00:00
    period_end: int  # UTC ms: the end of the week, or the submission time if earlier
    status: str
    author_id: str
    author_name: str
    author_badge: str | None
    station_id: str
    station_name: str
    station_code: str
    summary: str | None
    created_at: int
    submitted_at: int | None
    reviewer_name: str | None
    reviewed_at: int | None
    guidance: str | None  # 指导意见 (the return reason while returned)
    forwarded_at: int | None
    area_reader_name: str | None
    area_read_at: int | None
    area_comment: str | None
    figures: ReportFigures
    records: list[RecordEntry]

    @property
    def return_reason(self) -> str | None:
        return self.guidance if self.status == ReportStatus.RETURNED else None

    @property
    def cut_at_submission(self) -> bool:
        """The records stop at the submission, before the week's end."""
        return self.submitted_at is not None and self.period_end == self.submitted_at


def _name(session: Session, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    person = session.get(User, user_id)
    return person.name if person is not None else None


def weekly_report_data(session: Session, report_id: str) -> WeeklyReportData:
    """Everything a weekly report shows or prints; the caller checks who may see it."""
    report = session.get_one(CallbackReport, report_id)
    author = session.get_one(User, report.author_id)
    station = session.get_one(OrgUnit, report.org_unit_id)
    first, last = week_days(report.week)
    start, end = week_bounds_ms(report.week)
    if report.status in SUBMITTED_STATES and report.submitted_at is not None:
        end = min(end, report.submitted_at)
    records = week_records(session, author.id, station.id, start, end)
    return WeeklyReportData(
        report_id=report.id,
        week=report.week,
        first_day=first,
        last_day=last,
        period_start=start,
        period_end=end,
        status=report.status,
        author_id=author.id,
        author_name=author.name,
        author_badge=author.badge_no,
        station_id=station.id,
        station_name=station.name,
        station_code=station.code,
        summary=report.summary,
        created_at=report.created_at,
        submitted_at=report.submitted_at,
        reviewer_name=_name(session, report.reviewer_id),
        reviewed_at=report.reviewed_at,
        guidance=report.guidance,
        forwarded_at=report.forwarded_at,
        area_reader_name=_name(session, report.area_reader_id),
        area_read_at=report.area_read_at,
        area_comment=report.area_comment,
        figures=figures_of(records),
        records=records,
    )


def current_week(now: int | None = None) -> str:
    return week_of(local_today(now if now is not None else now_ms()))
