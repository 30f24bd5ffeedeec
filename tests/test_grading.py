"""Grading: the weighted score S with its cut-offs, ABC by cumulative volume, the list of
customers whose computed grade differs from their level, and applying changes."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_crm.errors import PermissionDenied
from desktop_crm.localtime import local_zone
from desktop_crm.models import AuditEvent, Customer, LevelChange, User, Visit
from desktop_crm.models.db import Database
from desktop_crm.reports.grading import (
    abc_classes,
    apply_levels,
    credit_score,
    differing,
    grade_customers,
    grade_of,
    growth_score,
    rules,
)
from desktop_crm.services.settings import put_setting
from tests.conftest import Org

TODAY = date(2026, 6, 30)
CUTOFFS = {"A": 91.0, "B": 81.0, "C": 65.0}


def ms(y: int, m: int, d: int) -> int:
    return int(datetime(y, m, d, 10, tzinfo=local_zone()).timestamp() * 1000)


@pytest.mark.parametrize(
    ("score", "grade"),
    [(100, "A"), (91, "A"), (90.99, "B"), (90.5, "B"), (81, "B"), (80.99, "C"), (65, "C"),
     (64.9, "D"), (0, "D")],
)  # fmt: skip
def test_a_cut_off_is_the_lowest_score_of_its_grade(score: float, grade: str) -> None:
    assert grade_of(score, CUTOFFS) == grade


def test_abc_by_cumulative_volume() -> None:
    # Shares before each customer: 0, 50, 80, 90, 95 (%), and one without volume.
    assert abc_classes([5, 30, 0, 50, 10, 5]) == ["C", "A", "C", "A", "B", "C"]
    # The largest customer is A even when it alone is more than 80 %.
    assert abc_classes([95, 5]) == ["A", "C"]
    assert abc_classes([]) == []


def test_credit_and_growth_scores() -> None:
    assert credit_score(True, None) == 0
    assert credit_score(False, None) == 100 and credit_score(False, 30) == 100
    assert credit_score(False, 60) == 75 and credit_score(False, 365) == 50
    assert growth_score(100, 100) == 50 and growth_score(200, 100) == 100
    assert growth_score(0, 100) == 0 and growth_score(50, 100) == 25
    assert growth_score(10, 0) == 100 and growth_score(0, 0) == 0


@pytest.fixture
def graded(db: Database, org: Org) -> dict[str, str]:
    """X: full revenue and volume, flat → 95 (A), level B.  Y: blacklisted, started this
    half-year → 28.2 (D), level C.  V: like X with a 57-day term → exactly 90.5 (B), level B.
    Z: VIP without visits (kept by hand).  W: D without visits → 20 (D)."""
    ids: dict[str, str] = {}
    with db.sessions.begin() as s:
        for name, level, extra, visits in (
            ("X", "B", {}, [((2025, 10, 1), 1000, 800_000), ((2026, 3, 1), 1000, 800_000)]),
            ("Y", "C", {"blacklisted": True}, [((2026, 2, 1), 500, 400_000)]),
            ("V", "B", {"payment_term_days": 57},
             [((2025, 10, 1), 1000, 800_000), ((2026, 3, 1), 1000, 800_000)]),
            ("Z", "VIP", {}, []),
            ("W", "D", {}, []),
        ):  # fmt: skip
            row = Customer(
                kind="person",
                name=name,
                level=level,
                profile_stage="complete",
                status="active",
                created_at=ms(2025, 1, 1),
                org_unit_id=org.station.id,
                **extra,
            )
            s.add(row)
            s.flush()
            ids[name] = row.id
            for day, litres, fen in visits:
                s.add(
                    Visit(
                        customer_id=row.id,
                        visited_at=ms(*day),
                        product="92#",
                        litres=litres,
                        amount_fen=fen,
                        paid_by_card=True,
                        org_unit_id=org.station.id,
                    )
                )
        # A visit older than twelve months does not count.
        s.add(
            Visit(
                customer_id=ids["W"],
                visited_at=ms(2025, 6, 1),
                product="92#",
                litres=5000,
                amount_fen=4_000_000,
                paid_by_card=True,
                org_unit_id=org.station.id,
            )
        )
    return ids


def test_scores_grades_and_the_differing_list(
    db: Database, org: Org, graded: dict[str, str]
) -> None:
    with db.session() as s:
        frame = grade_customers(s, org.company.path, TODAY).set_index("name")
        listed = differing(grade_customers(s, org.company.path, TODAY))
    assert frame.loc["X", "score"] == pytest.approx(95.0)
    assert frame.loc["X", ["revenue", "volume", "credit", "growth"]].tolist() == [100, 100, 100, 50]
    assert frame.loc["Y", "score"] == pytest.approx(0.4 * 400 / 15 + 0.3 * 25 + 0 + 10)
    assert frame.loc["V", "score"] == pytest.approx(90.5)
    assert frame.loc["W", "score"] == pytest.approx(20.0)
    assert dict(frame["grade"]) == {"X": "A", "Y": "D", "V": "B", "Z": "D", "W": "D"}
    assert list(listed["name"]) == ["X", "Y"]  # V is B already, Z is VIP (kept), W is D
    assert dict(zip(listed["name"], listed["proposed"], strict=True)) == {"X": "A", "Y": "D"}


def test_abc_method_from_the_settings(db: Database, org: Org, graded: dict[str, str]) -> None:
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        put_setting(s, admin, "grading.method", "abc")
    with db.session() as s:
        assert rules(s).method == "abc"
        frame = grade_customers(s, org.company.path, TODAY).set_index("name")
    # Volumes X 2000, V 2000, Y 500: shares before 0 (A), 44 (A), 89 (B); Z and W none (C).
    assert dict(frame["abc"]) == {"X": "A", "V": "A", "Y": "B", "Z": "C", "W": "C"}
    assert dict(frame["proposed"]) == {"X": "A", "V": "A", "Y": "B", "Z": "C", "W": "C"}


def test_weights_and_cut_offs_from_the_settings(
    db: Database, org: Org, graded: dict[str, str]
) -> None:
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        put_setting(s, admin, "grading.cutoffs", {"A": 90, "B": 80, "C": 60})
        put_setting(
            s, admin, "grading.weights", {"revenue": 0, "volume": 0, "credit": 100, "growth": 0}
        )
    with db.session() as s:
        frame = grade_customers(s, org.company.path, TODAY).set_index("name")
    assert frame.loc["W", "score"] == 100 and frame.loc["W", "grade"] == "A"
    assert frame.loc["V", "score"] == pytest.approx(77.5) and frame.loc["V", "grade"] == "C"


def test_applying_changes_goes_into_the_level_history(
    db: Database, org: Org, graded: dict[str, str]
) -> None:
    with db.sessions.begin() as s:
        master = s.get_one(User, org.users["master"].id)
        changed = apply_levels(
            s, master, [(graded["X"], "A", "评级: 95"), (graded["Y"], "D", "评级: 28")]
        )
    assert changed == 2
    with db.session() as s:
        assert s.get_one(Customer, graded["X"]).level == "A"
        assert s.get_one(Customer, graded["Y"]).level == "D"
        history = s.scalars(select(LevelChange).order_by(LevelChange.customer_id)).all()
        assert {(h.customer_id, h.old_level, h.new_level, h.reason) for h in history} == {
            (graded["X"], "B", "A", "评级: 95"),
            (graded["Y"], "C", "D", "评级: 28"),
        }
        assert all(h.changed_by_id == org.users["master"].id for h in history)
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.entity_id == graded["X"]))
        assert differing(grade_customers(s, org.company.path, TODAY)).empty


def test_an_auditor_cannot_apply_grades(db: Database, org: Org, graded: dict[str, str]) -> None:
    with pytest.raises(PermissionDenied), db.sessions.begin() as s:
        auditor = s.get_one(User, org.users["auditor"].id)
        apply_levels(s, auditor, [(graded["X"], "A", "评级")])
    with db.session() as s:
        assert s.get_one(Customer, graded["X"]).level == "B"
