"""The weekly callback report (回访报告): the week's content, every transition allowed and
refused, and who sees which report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_crm import i18n
from desktop_crm.errors import PermissionDenied, UserError, ValidationError
from desktop_crm.models import (
    AuditEvent,
    CallbackReport,
    Complaint,
    ReportStatus,
    Role,
    TaskStatus,
    User,
)
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks import weekly_report as wr
from desktop_crm.services.callbacks.weeks import week_bounds_ms, week_days, week_of
from desktop_crm.services.users import create_user
from tests.callback_report_data import (
    MONDAY,
    TODAY,
    WEEK,
    Template,
    add_attempt,
    add_customers,
    add_task,
    build_template,
    copy_of,
    local_ms,
)
from tests.conftest import PASSWORD, Org

NOW = local_ms(TODAY, 9.0)  # Monday after the week, 09:00


@dataclass
class People:
    staff: User
    master: User
    manager: User
    admin: User
    auditor: User
    staff2: User
    master2: User  # station GS0201
    manager2: User  # area GS02
    colleague: User  # a second staff member of GS0101


def _people(db: Database, org: Org) -> People:
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        master2 = create_user(
            s, admin, "master2", "孙强", Role.STATION_MASTER, org.station2, PASSWORD
        )
        manager2 = create_user(s, admin, "manager2", "钱敏", Role.AREA_MANAGER, org.area2, PASSWORD)
        colleague = create_user(
            s, admin, "staffb", "王芳", Role.STATION_STAFF, org.station, PASSWORD
        )
    u = org.users
    return People(
        u["staff"], u["master"], u["manager"], u["admin"], u["auditor"], u["staff2"],
        master2, manager2, colleague,
    )  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template[People]:
    return build_template(tmp_path_factory, _people)


@pytest.fixture
def db(template: Template[People], tmp_path: Path) -> Iterator[Database]:
    database = copy_of(template, tmp_path / "crm.db")
    yield database
    database.close()


@pytest.fixture
def org(template: Template[People]) -> Org:
    return template.org


@pytest.fixture
def people(template: Template[People]) -> People:
    return template.extra


def run(db: Database, work: Callable[[Session], object]) -> object:
    with db.writer.begin() as session:
        return work(session)


def actor(session: Session, user: User) -> User:
    return session.get_one(User, user.id)


def new_report(db: Database, user: User, week: str = WEEK, now: int = NOW) -> str:
    def work(s: Session) -> str:
        return wr.open_report(s, actor(s, user), week, now=now).id

    return run(db, work)  # type: ignore[return-value]


def act(db: Database, user: User, fn: Callable[..., object], report_id: str, *args: object) -> None:
    def work(s: Session) -> None:
        fn(s, actor(s, user), report_id, *args)

    run(db, work)


def status(db: Database, report_id: str) -> str:
    with db.session() as s:
        return s.get_one(CallbackReport, report_id).status


def submitted(db: Database, people: People, summary: str = "本周回访7户,主要问题是排队。") -> str:
    report_id = new_report(db, people.staff)
    run(db, lambda s: wr.submit(s, actor(s, people.staff), report_id, summary, now=NOW))
    return report_id


def message(exc: UserError) -> str:
    return i18n.translate_message(exc.context, exc.text, exc.params)


# -- weeks ---------------------------------------------------------------------------------
def test_iso_weeks_in_local_time() -> None:
    assert week_of(date(2026, 6, 8)) == WEEK
    assert week_of(date(2026, 6, 14)) == WEEK
    assert week_of(date(2027, 1, 1)) == "2026-W53"
    assert week_days(WEEK) == (date(2026, 6, 8), date(2026, 6, 14))
    start, end = week_bounds_ms(WEEK)
    assert start == local_ms(MONDAY, 0)
    assert end == local_ms(date(2026, 6, 15), 0)
    for bad in ("2026-24", "2026-W60", "", "2025-W53"):
        with pytest.raises(ValidationError):
            week_days(bad)


# -- what a week holds -----------------------------------------------------------------------
@dataclass
class WeekTasks:
    problem_text: str
    suggestion_text: str
    complaint_id: str


@pytest.fixture
def week(db: Database, org: Org, people: People) -> WeekTasks:
    """Callbacks of 李娜 (staff) around 2026-W24, plus others' that must stay out."""
    problem = "周末排队时间太长,等了二十分钟。"
    suggestion = "建议高峰期多开一个加油枪"
    with db.sessions.begin() as s:
        staff, master = actor(s, people.staff), actor(s, people.master)
        c = add_customers(s, org.station.id, staff, 10, prefix="李客户")
        other = add_customers(s, org.station2.id, people.staff2, 1, prefix="西客户")[0]
        complaint = Complaint(
            number="GS0101-20260610-001", source="phone", category="服务态度",
            business_line="retail", severity="一般", level="station", status="received",
            received_at=local_ms(date(2026, 6, 10), 15), org_unit_id=org.station.id,
            customer_id=c[1].id,
        )  # fmt: skip
        s.add(complaint)
        s.flush()
        tuesday = local_ms(date(2026, 6, 9), 10)
        t1 = add_task(
            s, c[0], staff, status=TaskStatus.DONE, recorded_by=staff, recorded_at=tuesday,
            reached=True, satisfaction=4, channel="phone", needs="希望增加洗车服务",
            problems=problem, suggestions=suggestion,
        )  # fmt: skip
        add_attempt(s, t1, staff, tuesday, "record", reached=True)
        add_task(
            s, c[1], staff, reason="absence", status=TaskStatus.DONE, recorded_by=staff,
            recorded_at=local_ms(date(2026, 6, 10), 14), reached=True, satisfaction=2,
            cause="搬家到城西", measure="推荐就近站点并赠送洗车券", problems="油价比对面贵",
            complaint_id=complaint.id,
        )  # fmt: skip
        t3 = add_task(s, c[2], staff, reason="campaign")
        add_attempt(s, t3, staff, local_ms(date(2026, 6, 11), 16), "not_reached", note="无人接听")
        t4 = add_task(s, c[3], staff, status=TaskStatus.BOOKED)
        add_attempt(s, t4, staff, local_ms(date(2026, 6, 12), 11), "booked", reached=True)
        add_task(  # the Sunday before the week
            s, c[4], staff, status=TaskStatus.DONE, recorded_by=staff, reached=True,
            recorded_at=local_ms(date(2026, 6, 7), 23.5), satisfaction=1,
        )  # fmt: skip
        add_task(  # recorded by the master, not by 李娜
            s, c[5], staff, status=TaskStatus.DONE, recorded_by=master, reached=True,
            recorded_at=tuesday, satisfaction=1,
        )  # fmt: skip
        t7 = add_task(
            s, c[6], staff, status=TaskStatus.UNREACHABLE, recorded_by=staff, reached=False,
            recorded_at=local_ms(date(2026, 6, 13), 17), note="三次未接通",
        )  # fmt: skip
        for hour in (9, 13, 17):
            outcome = "unreachable" if hour == 17 else "not_reached"
            add_attempt(s, t7, staff, local_ms(date(2026, 6, 13), hour), outcome)
        add_task(  # last minutes of Sunday: in the week
            s, c[7], staff, status=TaskStatus.DONE, recorded_by=staff, reached=True,
            recorded_at=local_ms(date(2026, 6, 14), 23.5), satisfaction=5,
        )  # fmt: skip
        add_task(  # Monday 00:00 after: the next week
            s, c[8], staff, status=TaskStatus.DONE, recorded_by=staff, reached=True,
            recorded_at=local_ms(date(2026, 6, 15), 0), satisfaction=1,
        )  # fmt: skip
        add_task(  # another station's callback
            s, other, people.staff2, status=TaskStatus.DONE, recorded_by=people.staff2,
            reached=True, recorded_at=tuesday, satisfaction=1,
        )  # fmt: skip
    return WeekTasks(problem, suggestion, complaint.id)


def data(db: Database, report_id: str) -> wr.WeeklyReportData:
    with db.session() as s:
        return wr.weekly_report_data(s, report_id)


def test_the_week_holds_the_authors_callbacks_with_figures_and_verbatim_records(
    db: Database, people: People, week: WeekTasks
) -> None:
    report_id = new_report(db, people.staff)
    content = data(db, report_id)
    f = content.figures
    assert (content.week, content.first_day, content.last_day) == (
        WEEK,
        date(2026, 6, 8),
        date(2026, 6, 14),
    )
    assert content.author_name == "李娜" and content.station_name == "东湖加油站"
    assert f.tasks == 6
    assert (f.reached, f.not_reached, f.unreachable, f.booked) == (3, 2, 1, 1)
    assert f.attempts == 6
    assert f.by_reason == {"tier": 4, "absence": 1, "campaign": 1}
    assert f.satisfaction_counts == {2: 1, 4: 1, 5: 1}
    assert f.average_satisfaction == pytest.approx(3.67)
    assert f.complaints == 1
    assert (f.with_problems, f.with_suggestions) == (2, 1)
    by_name = {r.customer_name: r for r in content.records}
    first = by_name["李客户0"]
    assert first.problems == week.problem_text  # kept word for word
    assert first.suggestions == week.suggestion_text
    assert first.needs == "希望增加洗车服务"
    assert (first.outcome, first.satisfaction, first.channel) == ("reached", 4, "phone")
    absence = by_name["李客户1"]
    assert (absence.cause, absence.measure) == ("搬家到城西", "推荐就近站点并赠送洗车券")
    assert absence.complaint_id == week.complaint_id
    assert by_name["李客户2"].outcome == "not_reached"
    assert by_name["李客户2"].note == "无人接听"
    assert by_name["李客户3"].outcome == "booked"
    assert by_name["李客户6"].unreachable and by_name["李客户6"].attempts == 3
    assert {"李客户4", "李客户5", "李客户8", "西客户0"}.isdisjoint(by_name)
    assert [r.at for r in content.records] == sorted(r.at for r in content.records)


def test_a_submitted_report_holds_what_was_handed_in(
    db: Database, people: People, week: WeekTasks
) -> None:
    """Submitted on Friday evening: Saturday's and Sunday's callbacks are not in it; after
    a return and a new submission on Monday they are."""
    friday = local_ms(date(2026, 6, 12), 18)
    report_id = new_report(db, people.staff, now=friday)
    run(db, lambda s: wr.submit(s, actor(s, people.staff), report_id, "本周小结", now=friday))
    content = data(db, report_id)
    assert content.period_end == friday and content.cut_at_submission
    assert content.figures.tasks == 4
    run(
        db,
        lambda s: wr.return_report(s, actor(s, people.master), report_id, "补充周末的回访", NOW),
    )
    assert data(db, report_id).figures.tasks == 6  # the author's week again, live
    run(db, lambda s: wr.submit(s, actor(s, people.staff), report_id, now=NOW))
    content = data(db, report_id)
    assert content.figures.tasks == 6 and not content.cut_at_submission


def test_an_empty_week_has_zero_figures(db: Database, people: People) -> None:
    content = data(db, new_report(db, people.staff))
    assert content.figures.tasks == 0 and content.figures.average_satisfaction is None
    assert content.records == []


# -- the workflow --------------------------------------------------------------------------
def audit_trail(db: Database, report_id: str) -> list[tuple[str, str]]:
    with db.session() as s:
        return [
            (e.action, e.user_id)
            for e in s.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity == "callback_report", AuditEvent.entity_id == report_id)
                .order_by(AuditEvent.at, text("audit_events.rowid"))
            )
        ]


def test_draft_submitted_reviewed_forwarded_acknowledged(db: Database, people: People) -> None:
    report_id = new_report(db, people.staff)
    assert status(db, report_id) == ReportStatus.DRAFT
    assert new_report(db, people.staff) == report_id  # one report per person and week
    run(db, lambda s: wr.save_summary(s, actor(s, people.staff), report_id, "  本周小结  ", NOW))
    run(db, lambda s: wr.submit(s, actor(s, people.staff), report_id, now=NOW + 1))
    assert status(db, report_id) == ReportStatus.SUBMITTED
    run(db, lambda s: wr.review(s, actor(s, people.master), report_id, "多关注流失客户", NOW + 2))
    assert status(db, report_id) == ReportStatus.REVIEWED
    run(db, lambda s: wr.review(s, actor(s, people.master), report_id, "多关注异常客户", NOW + 3))
    run(db, lambda s: wr.forward(s, actor(s, people.master), report_id, now=NOW + 4))
    assert status(db, report_id) == ReportStatus.FORWARDED
    run(db, lambda s: wr.acknowledge(s, actor(s, people.manager), report_id, "已阅", NOW + 5))
    content = data(db, report_id)
    assert content.status == ReportStatus.ACKNOWLEDGED
    assert content.summary == "本周小结"
    assert (content.guidance, content.reviewer_name) == ("多关注异常客户", "张伟")
    assert (content.area_reader_name, content.area_comment) == ("刘洋", "已阅")
    assert (content.submitted_at, content.reviewed_at) == (NOW + 1, NOW + 3)
    assert (content.forwarded_at, content.area_read_at) == (NOW + 4, NOW + 5)
    trail = audit_trail(db, report_id)
    assert trail == [
        ("create", people.staff.id),
        ("edit", people.staff.id),  # summary
        ("edit", people.staff.id),  # submitted
        ("edit", people.master.id),
        ("edit", people.master.id),
        ("edit", people.master.id),  # forwarded
        ("edit", people.manager.id),
    ]
    with db.session() as s:
        row = s.get_one(CallbackReport, report_id)
        assert row.usn == -1  # to be pushed to the head office


def test_returned_to_the_author_with_a_reason_then_resubmitted(
    db: Database, people: People
) -> None:
    report_id = submitted(db, people)
    run(db, lambda s: wr.return_report(s, actor(s, people.master), report_id, "请补充原因", NOW))
    content = data(db, report_id)
    assert content.status == ReportStatus.RETURNED and content.return_reason == "请补充原因"
    with db.session() as s:
        report = s.get_one(CallbackReport, report_id)
        assert wr.available_actions(s, actor(s, people.staff), report) == [wr.EDIT, wr.SUBMIT]
        assert wr.available_actions(s, actor(s, people.master), report) == []
    run(db, lambda s: wr.submit(s, actor(s, people.staff), report_id, "补充:客户搬家", NOW + 9))
    content = data(db, report_id)
    assert content.status == ReportStatus.SUBMITTED and content.return_reason is None
    assert (content.summary, content.submitted_at) == ("补充:客户搬家", NOW + 9)
    # a reviewed report can also go back before it is passed on
    run(db, lambda s: wr.review(s, actor(s, people.master), report_id, "很好", NOW + 10))
    run(db, lambda s: wr.return_report(s, actor(s, people.master), report_id, "再改", NOW + 11))
    assert status(db, report_id) == ReportStatus.RETURNED


REFUSALS = [
    # (name, report status before, who, action, args, error)
    ("staff submits without a summary", "draft", "staff", "submit", ("",), ValidationError),
    ("master submits staff's report", "draft", "master", "submit", ("x",), PermissionDenied),
    ("colleague edits staff's summary", "draft", "colleague", "save_summary", ("x",), ValidationError),
    ("submit twice", "submitted", "staff", "submit", ("x",), ValidationError),
    ("edit after submitting", "submitted", "staff", "save_summary", ("x",), ValidationError),
    ("review a draft", "draft", "master", "review", ("好",), ValidationError),
    ("author reviews", "submitted", "staff", "review", ("好",), PermissionDenied),
    ("other station's master reviews", "submitted", "master2", "review", ("好",), ValidationError),
    ("area manager reviews", "submitted", "manager", "review", ("好",), PermissionDenied),
    ("review without guidance", "submitted", "master", "review", ("  ",), ValidationError),
    ("return without reason", "submitted", "master", "return_report", ("",), ValidationError),
    ("return a draft", "draft", "master", "return_report", ("x",), ValidationError),
    ("return after forwarding", "forwarded", "master", "return_report", ("x",), ValidationError),
    ("review after forwarding", "forwarded", "master", "review", ("x",), ValidationError),
    ("forward before review", "submitted", "master", "forward", (), ValidationError),
    ("forward twice", "forwarded", "master", "forward", (), ValidationError),
    ("staff forwards", "reviewed", "staff", "forward", (), PermissionDenied),
    ("area acknowledges too early", "reviewed", "manager", "acknowledge", (None,), ValidationError),
    ("master acknowledges", "forwarded", "master", "acknowledge", (None,), PermissionDenied),
    ("other area acknowledges", "forwarded", "manager2", "acknowledge", (None,), ValidationError),
    ("auditor acknowledges", "forwarded", "auditor", "acknowledge", (None,), PermissionDenied),
    ("acknowledge twice", "acknowledged", "manager", "acknowledge", (None,), ValidationError),
    ("staff acknowledges", "forwarded", "staff", "acknowledge", (None,), PermissionDenied),
]  # fmt: skip


def bring_to(db: Database, people: People, target: str) -> str:
    report_id = new_report(db, people.staff)
    steps: list[tuple[str, User, Callable[..., object], tuple[object, ...]]] = [
        ("submitted", people.staff, wr.submit, ("小结",)),
        ("reviewed", people.master, wr.review, ("指导",)),
        ("forwarded", people.master, wr.forward, ()),
        ("acknowledged", people.manager, wr.acknowledge, (None,)),
    ]
    for reached, user, fn, args in steps:
        if status(db, report_id) == target:
            break
        act(db, user, fn, report_id, *args)
        assert status(db, report_id) == reached
    assert status(db, report_id) == target
    return report_id


@pytest.mark.parametrize(
    ("before", "who", "action", "args", "error"),
    [r[1:] for r in REFUSALS],
    ids=[r[0] for r in REFUSALS],
)
def test_refused_transitions_change_nothing(
    db: Database,
    people: People,
    before: str,
    who: str,
    action: str,
    args: tuple[object, ...],
    error: type[UserError],
) -> None:
    report_id = bring_to(db, people, before)
    trail = audit_trail(db, report_id)
    user = getattr(people, who)
    with pytest.raises(error) as refused:
        act(db, user, getattr(wr, action), report_id, *args)
    text = message(refused.value)
    assert text and "{" not in text  # a whole sentence for the user
    assert status(db, report_id) == before
    assert audit_trail(db, report_id) == trail


def test_refusals_are_translated(db: Database, people: People) -> None:
    report_id = bring_to(db, people, "submitted")
    i18n.install("zh_CN")
    with pytest.raises(ValidationError) as refused:
        act(db, people.master, wr.forward, report_id)
    assert message(refused.value) != refused.value.text  # Chinese, not the English source
    with pytest.raises(PermissionDenied) as refused_master:
        act(db, people.staff, wr.review, report_id, "x")
    assert "东湖加油站" in message(refused_master.value)


def test_who_may_write_a_report(db: Database, people: People) -> None:
    for user in (people.master, people.manager, people.admin, people.auditor):
        with pytest.raises(PermissionDenied):
            new_report(db, user)
    with pytest.raises(ValidationError):
        new_report(db, people.staff, "2026-W26")  # has not started on 15 June
    with pytest.raises(ValidationError):
        new_report(db, people.staff, "2026 week 24")
    assert new_report(db, people.staff, "2026-W25")  # the current week is fine


# -- who sees what ---------------------------------------------------------------------------
def test_each_role_sees_its_own_station_or_area(db: Database, people: People) -> None:
    mine = bring_to(db, people, "forwarded")
    colleagues = new_report(db, people.colleague)
    west = new_report(db, people.staff2)

    def listed(user: User, **kwargs: str) -> set[str]:
        with db.session() as s:
            return {r.id for r in wr.list_reports(s, actor(s, user), **kwargs)}

    assert listed(people.staff) == {mine}
    assert listed(people.colleague) == {colleagues}
    assert listed(people.master) == {mine, colleagues}
    assert listed(people.manager) == {mine, colleagues}
    assert listed(people.master2) == listed(people.manager2) == listed(people.staff2) == {west}
    assert listed(people.admin) == listed(people.auditor) == {mine, colleagues, west}
    assert listed(people.master, status="forwarded") == {mine}
    assert listed(people.master, week="2026-W23") == set()
    with db.session() as s:
        rows = wr.list_reports(s, actor(s, people.master), week=WEEK)
        assert {(r.author_name, r.status) for r in rows} == {
            ("李娜", "forwarded"),
            ("王芳", "draft"),
        }
        report = s.get_one(CallbackReport, mine)
        for user in (people.staff2, people.master2, people.manager2, people.colleague):
            assert not wr.can_see(s, actor(s, user), report)
            with pytest.raises(ValidationError):
                wr.get_report(s, actor(s, user), mine)
        assert wr.available_actions(s, actor(s, people.manager), report) == [wr.ACKNOWLEDGE]
        assert wr.available_actions(s, actor(s, people.admin), report) == [wr.ACKNOWLEDGE]
        assert wr.available_actions(s, actor(s, people.auditor), report) == []
        assert wr.available_actions(s, actor(s, people.master), report) == []
        assert wr.available_actions(s, actor(s, people.staff), report) == []


def test_actions_offered_follow_role_and_status(db: Database, people: People) -> None:
    report_id = new_report(db, people.staff)
    expected = {
        "draft": {"staff": [wr.EDIT, wr.SUBMIT], "master": [], "manager": []},
        "submitted": {"staff": [], "master": [wr.REVIEW, wr.RETURN], "manager": []},
        "reviewed": {"staff": [], "master": [wr.REVIEW, wr.RETURN, wr.FORWARD], "manager": []},
    }
    for state, by_role in expected.items():
        if state == "submitted":
            act(db, people.staff, wr.submit, report_id, "小结")
        if state == "reviewed":
            act(db, people.master, wr.review, report_id, "指导")
        with db.session() as s:
            report = s.get_one(CallbackReport, report_id)
            for who, actions in by_role.items():
                assert wr.available_actions(s, actor(s, getattr(people, who)), report) == actions


def test_who_has_not_handed_in_the_week(db: Database, people: People) -> None:
    bring_to(db, people, "submitted")
    new_report(db, people.colleague)
    with db.session() as s:
        missing = wr.missing_reports(s, actor(s, people.master), WEEK)
        assert [(m.name, m.status) for m in missing] == [("王芳", "draft")]
        area = wr.missing_reports(s, actor(s, people.admin), WEEK)
        assert {(m.name, m.status) for m in area} == {("王芳", "draft"), ("赵磊", None)}
        assert wr.missing_reports(s, actor(s, people.staff), WEEK) == []


def test_callbacks_recorded_in_the_queue_make_up_the_week(
    db: Database, org: Org, people: People
) -> None:
    """What the queue's recording writes (task outcome and attempts) is what the report
    shows: a call not reached on Tuesday and reached on Thursday is one reached callback."""
    from desktop_crm.services.callbacks.recording import CallbackRecord, record_callback

    with db.sessions.begin() as s:
        staff = actor(s, people.staff)
        customer = add_customers(s, org.station.id, staff, 1, prefix="队列客户")[0]
        task_id = add_task(s, customer, staff, due=date(2026, 6, 9)).id
    tuesday, thursday = local_ms(date(2026, 6, 9), 10), local_ms(date(2026, 6, 11), 15)
    run(
        db,
        lambda s: record_callback(
            s, actor(s, people.staff), task_id,
            CallbackRecord("phone", False, next_due_date=date(2026, 6, 11)), now=tuesday,
        ),
    )  # fmt: skip
    run(
        db,
        lambda s: record_callback(
            s, actor(s, people.staff), task_id,
            CallbackRecord("phone", True, satisfaction=3, problems="发票开得太慢"), now=thursday,
        ),
    )  # fmt: skip
    content = data(db, new_report(db, people.staff))
    assert (content.figures.tasks, content.figures.reached, content.figures.attempts) == (1, 1, 2)
    (entry,) = content.records
    assert (entry.customer_name, entry.problems, entry.at) == (
        "队列客户0",
        "发票开得太慢",
        thursday,
    )
