"""A small hand-made data set for the printable reports, with the figures worked out by
hand (see EXPECTED). Company GS: station GS0101 东湖加油站 (area GS01) and GS0201
西湖加油站 (area GS02). The day is Monday 2026-11-23 (ISO week 2026-W48)."""

from __future__ import annotations

from datetime import date, datetime, time

from desktop_crm.localtime import local_zone
from desktop_crm.models import (
    CallbackReport,
    CallbackTask,
    Complaint,
    Customer,
    LevelChange,
    Vehicle,
    Visit,
)
from desktop_crm.models.db import Database
from tests.conftest import Org

DAY = date(2026, 11, 23)


def ms(day: date, hour: float = 10.0) -> int:
    whole = int(hour)
    moment = datetime.combine(day, time(whole, int(round((hour - whole) * 60))), local_zone())
    return int(moment.timestamp() * 1000)


NOW = ms(date(2026, 11, 24), 9.0)

# Worked out by hand from the rows below.
EXPECTED = {
    # 日报表 GS0101 2026-11-23: 赵大海 40 L cash 300.00, 东方物流 100 L card 700.00
    "daily_visits": 2,
    "daily_litres": "140.00",
    "daily_amount": "1,000.00",
    "daily_card_share": "71.4%",  # 100 / 140
    "daily_new": 1,  # 赵大海 filed that day
    "daily_done": 1,  # 东方物流's callback, recorded that day
    "daily_pending": 1,  # 钱小's callback due 2026-11-20, still open (3 days overdue)
    "daily_received": 1,  # GS0101-20261123-001
    "daily_open": 1,  # only that one: the two others were closed before
    # 月度分析 company 2026-11
    "month_customers": 4,  # the deleted duplicate does not count
    "month_new": 2,  # 赵大海 (GS0101), 孙丽 (GS0201)
    "month_visits": 4,
    "month_litres": "230.00",
    "month_card_share": "43.5%",  # 100 / 230
    "month_big_share": "69.6%",  # 东方物流 (tier 大): 160 / 230
    "month_callbacks_on_time": "25.0%",  # 1 of 4 due in November (one done late)
    "month_satisfaction": "3.00",  # (4 + 2) / 2, recorded in November
    "month_yoy_organisations": "-100.0%",  # 0 new vs 1 (东方物流, November 2025)
    "month_levels_up_down": "1/1",  # printed "1 / 1"; pdftotext closes up the spaces
    # 投诉台账 company 2026-11
    "register_complaints": 3,
    "register_suggestions": 1,
    "register_closed": 2,
    "register_on_time_share": "50.0%",
}


def add_data(db: Database, org: Org) -> dict[str, str]:
    """Write the data set; returns ids by name."""
    users = org.users
    with db.sessions.begin() as s:
        st1, st2 = org.station.id, org.station2.id

        def customer(name: str, kind: str, level: str, station: str, filed: int,
                     **extra: object) -> Customer:  # fmt: skip
            row = Customer(kind=kind, name=name, level=level, profile_stage="complete",
                           status="active", created_at=filed, org_unit_id=station, **extra)  # fmt: skip
            s.add(row)
            s.flush()
            return row

        zhao = customer("赵大海", "person", "A", st1, ms(DAY, 10), maintainer_id=users["staff"].id,
                        phone="13800001111")  # fmt: skip
        dongfang = customer("东方物流有限公司", "organisation", "VIP", st1,
                            ms(date(2025, 11, 10)), volume_tier="大",
                            maintainer_id=users["staff"].id)  # fmt: skip
        qian = customer("钱小", "person", "B", st1, ms(date(2026, 3, 1)))
        sun = customer("孙丽", "person", "C", st2, ms(date(2026, 11, 5)),
                       maintainer_id=users["staff2"].id)  # fmt: skip
        customer("重复单位", "organisation", "B", st1, ms(date(2026, 11, 2)), deleted=True)
        s.add(Vehicle(customer_id=zhao.id, plate="京A·12345", plate_normalized="京A12345",
                      model="大众朗逸", org_unit_id=st1))  # fmt: skip

        def visit(c: Customer, station: str, day: date, product: str, litres: float,
                  yuan: float, card: bool) -> None:  # fmt: skip
            s.add(Visit(customer_id=c.id, visited_at=ms(day, 14), product=product, litres=litres,
                        amount_fen=int(yuan * 100), paid_by_card=card, org_unit_id=station))  # fmt: skip

        visit(zhao, st1, DAY, "92#", 40, 300, False)
        visit(dongfang, st1, DAY, "0#", 100, 700, True)
        visit(dongfang, st1, date(2026, 11, 22), "0#", 60, 420, False)
        visit(sun, st2, DAY, "95#", 30, 240, False)

        def task(c: Customer, due: date, status: str, **extra: object) -> None:
            s.add(CallbackTask(customer_id=c.id, reason="tier", due_date=due.isoformat(),
                               status=status, assignee_id=users["staff"].id, created_at=ms(due, 8),
                               org_unit_id=st1, **extra))  # fmt: skip

        task(dongfang, DAY, "done", recorded_at=ms(DAY, 11), recorded_by_id=users["staff"].id,
             reached=True, satisfaction=4, channel="phone", needs="希望开发票更快")  # fmt: skip
        task(qian, date(2026, 11, 20), "open")
        task(zhao, date(2026, 11, 25), "booked")
        task(qian, date(2026, 11, 10), "done", recorded_at=ms(date(2026, 11, 12), 15),
             recorded_by_id=users["staff"].id, reached=True, satisfaction=2)  # fmt: skip

        def complaint(number: str, station: str, received: int, category: str, status: str,
                      deadline: int, closed: int | None = None, kind: str = "complaint",
                      **extra: object) -> None:  # fmt: skip
            s.add(Complaint(number=number, type=kind, source="电话", category=category,
                            business_line="零售", severity="一般", level="station", status=status,
                            owner_id=users["master"].id, received_at=received,
                            close_deadline=deadline, closed_at=closed, org_unit_id=station,
                            description="测试", **extra))  # fmt: skip

        complaint("GS0101-20261123-001", st1, ms(DAY, 9.5), "服务态度", "received",
                  ms(date(2026, 11, 28), 18), customer_id=zhao.id)  # fmt: skip
        complaint("GS0101-20261102-001", st1, ms(date(2026, 11, 2)), "油品质量", "archived",
                  ms(date(2026, 11, 6), 18), ms(date(2026, 11, 5)), satisfaction=5)  # fmt: skip
        complaint("GS0101-20261103-001", st1, ms(date(2026, 11, 3)), "服务态度", "archived",
                  ms(date(2026, 11, 10), 18), ms(date(2026, 11, 20)))  # fmt: skip
        complaint("GS0201-20261110-001", st2, ms(date(2026, 11, 10)), "其他", "received",
                  ms(date(2026, 11, 17), 18), kind="suggestion")  # fmt: skip

        s.add(LevelChange(customer_id=qian.id, old_level="C", new_level="B",
                          changed_at=ms(date(2026, 11, 15)), org_unit_id=st1))  # fmt: skip
        s.add(LevelChange(customer_id=sun.id, old_level="B", new_level="C",
                          changed_at=ms(date(2026, 11, 16)), org_unit_id=st2))  # fmt: skip
        s.add(CallbackReport(author_id=users["staff"].id, week="2026-W48", status="reviewed",
                             summary="本周回访客户两名", submitted_at=ms(DAY, 18),
                             reviewer_id=users["master"].id, reviewed_at=ms(DAY, 19),
                             guidance="多关注大客户的用油需求", created_at=ms(DAY, 8),
                             org_unit_id=st1))  # fmt: skip
        return {"zhao": zhao.id, "dongfang": dongfang.id}
