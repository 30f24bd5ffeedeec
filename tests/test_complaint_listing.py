"""The complaint list of the tab and one complaint's detail (services, no widgets)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_crm.errors import PermissionDenied
from desktop_crm.localtime import local_zone
from desktop_crm.models import AuditEvent, Complaint, ComplaintStatus, OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import listing, workflow
from desktop_crm.services.complaints.detail import complaint_detail
from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint
from desktop_crm.services.complaints.listing import ComplaintFilter, Cursor
from desktop_crm.services.customer_edit import create_customer, new_form
from tests.conftest import Org

MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
NOW = int(datetime(2026, 6, 15, 10, 0, tzinfo=local_zone()).timestamp() * 1000)  # a Monday


def person(s: Session, org: Org, login: str) -> User:
    return s.get_one(User, org.users[login].id)


def scope(s: Session, user: User) -> OrgUnit:
    return listing.scope_of(s, user)


def take(
    s: Session,
    org: Org,
    *,
    station: OrgUnit | None = None,
    at: int = NOW,
    category: str = "价格",
    severity: str = "一般",
    kind: str = "complaint",
    customer_id: str | None = None,
    phone: str | None = None,
    text: str = "加油站多收钱",
) -> Complaint:
    draft = ComplaintDraft(
        type=kind,
        customer_id=customer_id,
        contact_phone=phone,
        station_id=(station or org.station).id,
        source="电话",
        category=category,
        severity=severity,
        description=text,
    )
    return create_complaint(s, person(s, org, "admin"), draft, now=at)


def page(
    s: Session, org: Org, login: str, flt: ComplaintFilter | None = None, **kwargs: object
) -> list[listing.ComplaintRow]:
    user = person(s, org, login)
    rows, _cursor = listing.list_page(s, user, scope(s, user), flt or ComplaintFilter(), **kwargs)  # type: ignore[arg-type]
    return rows


def test_scope_is_the_users_subtree(db: Database, org: Org) -> None:
    with db.writer.begin() as s:
        a = take(s, org, station=org.station, text="东湖的")
        b = take(s, org, station=org.station2, text="西湖的")
        assert {r.id for r in page(s, org, "admin")} == {a.id, b.id}
        assert {r.id for r in page(s, org, "auditor")} == {a.id, b.id}
        assert [r.id for r in page(s, org, "manager")] == [a.id]  # area GS01
        assert [r.id for r in page(s, org, "staff")] == [a.id]
        assert [r.id for r in page(s, org, "staff2")] == [b.id]
        # the detail of a complaint elsewhere is refused
        with pytest.raises(PermissionDenied):
            complaint_detail(s, person(s, org, "staff"), b.id, NOW)


def test_filters(db: Database, org: Org) -> None:
    with db.writer.begin() as s:
        price = take(s, org, category="价格", at=NOW - 3 * DAY)
        invoice = take(s, org, category="发票", severity="较大", at=NOW - 40 * DAY)
        major = take(s, org, station=org.station2, category="安全", severity="重大")
        idea = take(s, org, kind="suggestion", category="其他", text="建议加装洗车机")

        def ids(**fields: object) -> set[str]:
            return {r.id for r in page(s, org, "admin", ComplaintFilter(**fields))}  # type: ignore[arg-type]

        assert ids(category="发票") == {invoice.id}
        assert ids(severity="重大") == {major.id}
        assert ids(level="company") == {major.id}  # 重大: to the company at intake
        assert ids(station_id=org.station2.id) == {major.id}
        assert ids(station_id=org.area.id) == {price.id, invoice.id, idea.id}  # a subtree
        assert ids(type="suggestion") == {idea.id}
        assert ids(owner_id=org.users["master"].id) == {price.id, invoice.id, idea.id}
        start, end = listing.period_bounds("7d", date(2026, 6, 15))
        assert ids(received_from=start, received_to=end) == {price.id, major.id, idea.id}
        start, end = listing.period_bounds("today", date(2026, 6, 15))
        assert ids(received_from=start, received_to=end) == {major.id, idea.id}
        start, end = listing.period_bounds("month", date(2026, 6, 15))
        assert ids(received_from=start, received_to=end) == {price.id, major.id, idea.id}
        assert ids(text="洗车") == {idea.id}  # words of the description
        assert ids(text="GS0201") == {major.id}  # the number's station code
        assert ids(text=invoice.number.lower()) == {invoice.id}


def test_status_groups_and_counts(db: Database, org: Org) -> None:
    with db.writer.begin() as s:
        made = [take(s, org, at=NOW - n * HOUR) for n in range(5)]
        admin = person(s, org, "admin")
        workflow.advance(s, admin, made[0].id, ComplaintStatus.VERIFYING, "核实", now=NOW)
        workflow.advance(s, admin, made[1].id, ComplaintStatus.VERIFYING, "核实", now=NOW)
        s.execute(update(Complaint).where(Complaint.id == made[2].id).values(status="archived"))
        counts = listing.count_by_status(s, scope(s, admin), ComplaintFilter())
        assert counts == {
            "received": 2,
            "verifying": 2,
            "reviewing": 0,
            "rectifying": 0,
            "callback": 0,
            "archived": 1,
            listing.OPEN: 4,
            listing.ALL: 5,
        }
        assert len(page(s, org, "admin", ComplaintFilter(status=listing.OPEN))) == 4
        assert {r.id for r in page(s, org, "admin", ComplaintFilter(status="verifying"))} == {
            made[0].id,
            made[1].id,
        }
        assert [r.id for r in page(s, org, "admin", ComplaintFilter(status="archived"))] == [
            made[2].id
        ]
        assert len(page(s, org, "admin", ComplaintFilter(status=listing.ALL))) == 5
        # counts follow the other filters but not the status tab itself
        counts = listing.count_by_status(
            s, scope(s, admin), ComplaintFilter(status="archived", category="发票")
        )
        assert counts[listing.ALL] == 0


def test_open_work_by_urgency_and_the_register_by_date(db: Database, org: Org) -> None:
    with db.writer.begin() as s:
        admin = person(s, org, "admin")
        old = take(s, org, at=NOW - 2 * DAY)  # acceptance long overdue
        new = take(s, org, at=NOW)  # acceptance due in an hour
        accepted = take(s, org, at=NOW - 3 * DAY)
        workflow.advance(
            s, admin, accepted.id, ComplaintStatus.VERIFYING, "核实", now=NOW - 3 * DAY
        )
        # accepted and replied: next is the closure, days away
        workflow.reply(s, admin, accepted.id, "已答复", now=NOW - 3 * DAY)
        rows = page(s, org, "admin", ComplaintFilter(status=listing.OPEN), now=NOW)
        assert [r.id for r in rows] == [old.id, new.id, accepted.id]
        assert [r.deadline.kind for r in rows if r.deadline] == ["accept", "accept", "close"]
        assert [r.deadline.state for r in rows if r.deadline] == ["overdue", "in_time", "in_time"]
        # the whole register: newest first
        rows = page(s, org, "admin", ComplaintFilter(status=listing.ALL), now=NOW)
        assert [r.id for r in rows] == [new.id, old.id, accepted.id]
        # a paused complaint's deadline moves with the pause
        workflow.pause(s, admin, new.id, "等客户回电", now=NOW + 10 * MINUTE)
        rows = page(s, org, "admin", ComplaintFilter(status=listing.OPEN), now=NOW + 5 * HOUR)
        paused = next(r for r in rows if r.id == new.id)
        assert paused.paused and paused.deadline is not None
        assert paused.deadline.remaining_ms == 50 * MINUTE  # the clock stood still
        # ordered by the deadline moved by the pause so far: 1 h + 4 h 50 min after NOW
        assert paused.deadline.due_ms == NOW + HOUR + 4 * HOUR + 50 * MINUTE
        assert [r.id for r in rows] == [old.id, new.id, accepted.id]


def test_keyset_pages_cover_the_list_once(db: Database, org: Org) -> None:
    with db.writer.begin() as s:
        for n in range(23):
            take(s, org, at=NOW - (n % 7) * HOUR - n * MINUTE)
        admin = person(s, org, "admin")
        for status in (listing.OPEN, listing.ALL):
            seen: list[str] = []
            cursor: Cursor | None = None
            pages = 0
            while True:
                rows, cursor = listing.list_page(
                    s, admin, scope(s, admin), ComplaintFilter(status=status), cursor=cursor,
                    now=NOW, limit=5,
                )  # fmt: skip
                seen += [r.id for r in rows]
                pages += 1
                if cursor.done:
                    break
            total = s.scalar(select(func.count()).select_from(Complaint))
            assert len(seen) == len(set(seen)) == total == 23
            assert pages == 5
            whole = page(s, org, "admin", ComplaintFilter(status=status), now=NOW, limit=100)
            assert [r.id for r in whole] == seen


def test_customer_names_and_masked_anonymous_phones(db: Database, org: Org) -> None:
    with db.writer.begin() as s:
        staff = person(s, org, "staff")
        customer = create_customer(s, staff, new_form(s, staff, name="王小明", phone="13812345678"))
        take(s, org, customer_id=customer.id, at=NOW - HOUR)
        take(s, org, phone="13900001111")
        by_staff = page(s, org, "staff", ComplaintFilter(status=listing.ALL))
        assert [(r.customer, r.anonymous) for r in by_staff] == [
            ("139****1111", True),
            ("王小明", False),
        ]
        assert page(s, org, "staff", ComplaintFilter(text="王小明"))[0].customer == "王小明"
        assert page(s, org, "staff", ComplaintFilter(text="1111"))[0].anonymous
        before = s.scalar(select(func.count()).select_from(AuditEvent))
        by_master = page(s, org, "master", ComplaintFilter(status=listing.ALL))
        assert by_master[0].customer == "13900001111"
        # a page with full numbers is audited
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.at)).all()[before:]
        assert [(e.action, e.entity) for e in events] == [("view_unmasked", "complaint_list")]


def test_detail_with_steps_names_deadlines_and_actions(db: Database, org: Org) -> None:
    with db.writer.begin() as s:
        staff = person(s, org, "staff")
        customer = create_customer(s, staff, new_form(s, staff, name="王小明", phone="13812345678"))
        c = take(s, org, customer_id=customer.id)
        workflow.advance(s, staff, c.id, ComplaintStatus.VERIFYING, "调监控", now=NOW + MINUTE)
        d = complaint_detail(s, staff, c.id, NOW + 2 * MINUTE)
        assert (d.station, d.station_code, d.customer_name) == ("东湖加油站", "GS0101", "王小明")
        assert d.customer_phone == "138****5678"  # staff see it masked
        assert d.owner == "张伟"  # the station master
        assert [(e.kind, e.to_status, e.actor, e.note) for e in d.steps] == [
            ("transition", "received", "王建国", ""),
            ("transition", "verifying", "李娜", "调监控"),
        ]
        assert d.steps[1].responsible == "李娜"
        assert [x.kind for x in d.deadlines] == ["accept", "reply", "close"]
        assert d.deadlines[0].met
        assert [item.ok for item in d.checklist] == [False] * 5
        assert ComplaintStatus.REVIEWING.value in d.actions
        assert complaint_detail(s, person(s, org, "auditor"), c.id, NOW).actions == []
