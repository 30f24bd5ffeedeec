"""The management console (管理端), against a real server process on SQLite and on
PostgreSQL: an area manager's desktop holds its whole area; a complaint escalated at a
station reaches the area's queue with the next sync, and the area's answer reaches the
station."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from desktop_crm.models import Complaint, ComplaintStep, Customer, OrgUnit, User
from desktop_crm.services.complaints import clock, escalation, listing, workflow
from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint
from tests.sync_world import Desktop, World, add_customer, assert_converged, company_world


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[World, dict[str, Desktop]]]:
    folder = tmp_path_factory.mktemp(f"console-{request.param}")
    with company_world(request.param, folder) as made:
        yield made


def _user(session, login: str) -> User:  # type: ignore[no-untyped-def]
    return session.scalars(select(User).where(User.login == login)).one()


def area_queue(desktop: Desktop, login: str) -> list[str]:
    """The numbers in the queue of the manager's unit, as the complaints tab lists them."""
    with desktop.db.sessions() as session:
        manager = _user(session, login)
        scope = listing.scope_of(session, manager)
        flt = listing.ComplaintFilter(queue_unit_id=scope.id)
        rows, _cursor = listing.list_page(session, manager, scope, flt)
        return [row.number for row in rows]


def test_the_area_desktop_holds_its_whole_area(
    company: tuple[World, dict[str, Desktop]],
) -> None:
    world, d = company
    made = {
        "st1": add_customer(d["st1"], "staff1", "周杰", "13912345678"),
        "st2": add_customer(d["st2"], "staff2", "吴芳", "13812345679"),
        "st3": add_customer(d["st3"], "staff3", "郑强", "13712345670"),
    }
    for name in ("st1", "st2", "st3"):
        d[name].sync()
    d["area"].sync()
    # Both stations of GS01, not GS02's; and exactly the head office's rows of the area.
    assert d["area"].customer(made["st1"]) is not None
    assert d["area"].customer(made["st2"]) is not None
    assert d["area"].customer(made["st3"]) is None
    assert_converged(world, d["area"])
    with d["area"].db.sessions() as session:
        stations = {
            u.code for u in session.scalars(select(OrgUnit).where(OrgUnit.kind == "station"))
        }
        assert {"GS0101", "GS0102"} <= stations
        area_customers = session.scalar(select(func.count()).select_from(Customer))
    server = world.scoped(world.server_rows(), "GS01")
    assert area_customers == len(server["customers"])


def test_an_escalated_complaint_reaches_the_area_and_its_answer_the_station(
    company: tuple[World, dict[str, Desktop]],
) -> None:
    world, d = company
    st1, area = d["st1"], d["area"]
    customer_id = add_customer(st1, "staff1", "孙悦", "13612345678")
    with st1.db.writer() as session:
        staff = _user(session, "staff1")
        draft = ComplaintDraft(
            station_id=staff.org_unit_id, source="现场", category="服务态度",
            business_line="零售", severity="一般", description="加油员说话不耐烦",
            customer_wants="要求道歉", customer_id=customer_id,
        )  # fmt: skip
        complaint = create_complaint(session, staff, draft)
        complaint_id, number = complaint.id, complaint.number
        session.commit()
    st1.sync()
    area.sync()
    assert number not in area_queue(area, "manager")  # the station handles it

    # The station master escalates it to the area.
    with st1.db.writer() as session:
        escalation.escalate(session, _user(session, "master1"), complaint_id, "客户要求片区处理")
        session.commit()
    assert number not in area_queue(area, "manager")  # not before the next sync
    st1.sync()
    area.sync()
    assert number in area_queue(area, "manager")
    with area.db.sessions() as session:
        held = session.get_one(Complaint, complaint_id)
        assert held.level == "area" and held.owner_id == _user(session, "manager").id

    # The area manager answers the customer and accepts it, at the area's desktop.
    with area.db.writer() as session:
        manager = _user(session, "manager")
        clock.reply(session, manager, complaint_id, "已致电客户道歉，片区将核实处理")
        workflow.advance(session, manager, complaint_id, "verifying", "片区受理")
        session.commit()
    area.sync()
    st1.sync()
    with st1.db.sessions() as session:
        there = session.get_one(Complaint, complaint_id)
        assert there.status == "verifying" and there.first_reply_at is not None
        notes = session.scalars(
            select(ComplaintStep.note).where(ComplaintStep.complaint_id == complaint_id)
        ).all()
        assert "已致电客户道歉，片区将核实处理" in notes and "片区受理" in notes
    assert_converged(world, st1, area)
