"""A realistic, deterministic demo database, fast enough for a million customers.

How it stays fast (``desktop-crm demo --customers 1000000`` in a few minutes):

- The schema comes from ``open_database`` (Alembic); the rows then go in through one
  plain ``sqlite3`` connection with ``executemany`` of tuples, never the ORM.
- The load is one transaction in rollback-journal mode with ``synchronous=OFF``: pages
  appended to a fresh file need no journal, so a crash leaves the empty schema and
  nothing half-written. The file is put back into WAL mode afterwards.
- The secondary indexes are dropped before the load and recreated from their saved
  ``sqlite_master`` DDL afterwards (sorted builds instead of random B-tree inserts),
  so the schema ends byte-for-byte as migrated. Unique indexes stay in force.
- Customers are made in creation order, so their UUIDv7 ids (timestamp = created_at)
  arrive in key order. Visits are generated per customer, but only as packed 64-bit
  keys (time, customer) in half-month buckets; each bucket is sorted and written in
  time order, so visit ids are appended in order too. Memory stays bounded: the
  customers are streamed in chunks and a visit costs 8 bytes until it is written.
- Python's cyclic garbage collector is paused during the load (millions of tuples, no
  cycles), and each bulk table is written with one prepared INSERT per batch.

Determinism: every value comes from ``random.Random`` streams seeded from ``seed``, and
every id from ``uuid7_from(<the row's own time>, <random bits>)``; nothing reads the
wall clock, so the same seed and ``today`` give identical files' contents.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import time
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import func, select

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.ids import uuid7_from
from desktop_crm.models import (
    ComplaintLevel,
    ComplaintStatus,
    Customer,
    CustomerKind,
    CustomerStatus,
    OrgKind,
    OrgUnit,
    ProfileStage,
    Role,
    TaskReason,
    TaskStatus,
    User,
)
from desktop_crm.models.db import open_database
from desktop_crm.services.complaints.escalation import PASSED, clock_events, mark_id
from desktop_crm.services.complaints.options import COMPANY_SEVERITIES
from desktop_crm.services.complaints.sla import DEFAULT_WARN_SHARE
from desktop_crm.services.demo import names
from desktop_crm.services.demo.holidays import add_working_days, holiday_rows, working_day_calendar
from desktop_crm.services.search_index import rebuild_index
from desktop_crm.services.validation import (
    PLATE_LETTERS,
    id_card_check_digit,
    org_code_check_char,
    uscc_check_char,
)

Progress = Callable[[int, int, str], None]

DEMO_PASSWORD = "demo1234"
ADMIN_LOGIN = "admin"
AUDITOR_LOGIN = "auditor"
COMPANY_CODE = "GS"
COMPANY_NAME = "河北石油销售分公司"

TZ_SECONDS = 8 * 3600  # Asia/Shanghai, no daylight saving since 1991
DAY = 86_400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
WINDOW_DAYS = 365  # twelve months of visits, ending yesterday
YEARS_OF_HISTORY = 8  # the company and its first customers date back this far
CHUNK = 25_000  # customers generated and written per batch
VISIT_BATCH = 100_000
BUCKET_DAYS = 16
CUSTOMERS_PER_STATION = 2_000
MIN_STATIONS, MAX_STATIONS = 6, 500

LEVELS = (None, "VIP", "A", "B", "C", "D")
# Litres in the last twelve months from which a customer is C, B, A, VIP (below: D).
LEVEL_LITRES = (80, 500, 1800, 7000)
# Cumulative shares of passing customers with 0, 1, 2, 3, 4 visits a year (the rest: 5-7).
OCCASIONAL_VISITS = (0.12, 0.40, 0.62, 0.77, 0.88)
STATUSES = tuple(CustomerStatus)
PRODUCTS = ("92#", "95#", "98#", "0#")
# Per product profile (92 car, 95 car, 98 car, diesel): 20 slots of product indexes.
PRODUCT_MIX = (
    (0,) * 18 + (1,) * 2,
    (1,) * 17 + (0,) * 2 + (2,),
    (2,) * 16 + (1,) * 4,
    (3,) * 20,
)
CARD_SHARE = (0.0, 0.3, 0.85)  # share of visits paid by card, by card habit class
# Start prices (fen per litre) and their bounds, roughly Hebei 2025/26.
START_PRICES = (728, 775, 870, 705)

MOBILE_PREFIXES = [
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177",
    "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191",
    "198", "199",
]  # fmt: skip
CHANNELS = (
    ["phone"] * 50 + ["wechat"] * 30 + ["sms"] * 8 + ["qq"] * 4 + ["email"] * 3 + ["visit"] * 5
)
FOCUS_TYPES = ["price"] * 40 + ["brand"] * 20 + ["supply"] * 15 + ["relation"] * 25
SOURCES = (
    ["现场"] * 25 + ["电话"] * 20 + ["400热线"] * 20 + ["微信/QQ"] * 15 + ["意见箱"] * 10
    + ["社会监督员"] * 5 + ["神秘顾客"] * 5
)  # fmt: skip
BUSINESS_LINES = ["零售"] * 75 + ["非油"] * 18 + ["直分销"] * 7
SEVERITIES = ["一般"] * 75 + ["较大"] * 18 + ["重大"] * 6 + ["特别重大"]
CLOSE_DAYS = {"一般": 5, "较大": 3, "重大": 1, "特别重大": 1}
ROLE_LABELS = {
    Role.COMPANY_ADMIN: "公司客户管理员",
    Role.AUDITOR: "审计(只读)",
    Role.AREA_MANAGER: "片区经理",
    Role.STATION_MASTER: "站长",
    Role.STATION_STAFF: "加油员/客服",
}

# customer flag bits (kept per customer for the callback and complaint phase)
F_ORG, F_REGULAR, F_PHONE, F_CONSENT, F_DND, F_COMPLETE = 1, 2, 4, 8, 16, 32

ORG_COLS = ("id", "updated_at", "code", "name", "kind", "parent_id", "path")
USER_COLS = (
    "id", "updated_at", "org_unit_id", "login", "badge_no", "name", "password_hash", "role",
    "active",
)  # fmt: skip
CUSTOMER_COLS = (
    "id", "updated_at", "org_unit_id", "kind", "name", "pinyin", "pinyin_initials", "id_type",
    "id_number", "phone", "phone2", "email", "employer", "address", "maintainer_id",
    "developer_id", "referred_by_id", "level", "volume_tier", "focus_type", "regular",
    "profile_stage", "status", "tags", "consent", "do_not_disturb", "preferred_channel",
    "preferred_time", "payment_habit", "purchase_cycle_days", "credit_limit_fen",
    "payment_term_days", "blacklisted", "member_no", "birthday", "usual_interval_days",
    "last_visit_at", "needs", "notes", "created_at",
)  # fmt: skip
VEHICLE_COLS = (
    "id", "updated_at", "org_unit_id", "customer_id", "plate", "plate_normalized", "model",
    "new_energy",
)  # fmt: skip
CARD_COLS = ("id", "updated_at", "org_unit_id", "customer_id", "card_no", "status")
CONTACT_COLS = ("id", "updated_at", "org_unit_id", "customer_id", "name", "title", "phone", "email")
LEVEL_COLS = (
    "id", "updated_at", "org_unit_id", "customer_id", "old_level", "new_level",
    "changed_by_id", "changed_at", "reason",
)  # fmt: skip
OWNER_COLS = (
    "id", "updated_at", "org_unit_id", "customer_id", "role", "old_user_id", "new_user_id",
    "changed_by_id", "changed_at", "reason",
)  # fmt: skip
VISIT_COLS = (
    "id", "updated_at", "org_unit_id", "customer_id", "visited_at", "product", "litres",
    "amount_fen", "paid_by_card",
)  # fmt: skip
SLA_COLS = (
    "id", "updated_at", "org_unit_id", "category", "severity", "accept_minutes", "reply_hours",
    "close_working_days",
)  # fmt: skip
HOLIDAY_COLS = ("id", "updated_at", "org_unit_id", "date", "name", "working")
CAMPAIGN_COLS = (
    "id", "updated_at", "org_unit_id", "name", "event", "segment", "created_by_id",
    "created_at", "due_date",
)  # fmt: skip
TASK_COLS = (
    "id", "updated_at", "org_unit_id", "customer_id", "reason", "campaign_id", "episode_key",
    "purpose", "due_date", "appointment_at", "assignee_id", "status", "attempts", "channel",
    "reached", "satisfaction", "needs", "problems", "suggestions", "cause", "measure", "note",
    "exit_reason", "recorded_at", "recorded_by_id", "reviewer_id", "review_comment",
    "complaint_id", "created_at",
)  # fmt: skip
COMPLAINT_COLS = (
    "id", "updated_at", "org_unit_id", "number", "type", "customer_id", "contact_phone",
    "source", "category", "business_line", "severity", "level", "status", "owner_id",
    "received_at", "accepted_at", "first_reply_at", "accept_deadline", "reply_deadline",
    "close_deadline", "closed_at", "description", "customer_wants", "cause", "responsibility",
    "corrective_action", "staff_informed", "root_causes", "satisfaction", "adopted", "rewarded",
    "callback_task_id", "handling_org_id", "paused_ms",
)  # fmt: skip
STEP_COLS = (
    "id", "updated_at", "org_unit_id", "complaint_id", "kind", "from_status", "to_status",
    "actor_id", "responsible_id", "at", "note", "notified",
)  # fmt: skip


def insert_sql(table: str, cols: Sequence[str]) -> str:
    """INSERT for ``cols``; usn (-1, not yet pushed) and deleted (0) are written as literals."""
    names_ = ", ".join(cols)
    marks = ", ".join("?" * len(cols))
    return f"INSERT INTO {table} ({names_}, usn, deleted) VALUES ({marks}, -1, 0)"


# --- Time helpers (local Asia/Shanghai day numbers and UTC milliseconds) ----------------------


def day_number(value: date) -> int:
    return value.toordinal() - EPOCH_ORDINAL


def day_date(day: int) -> date:
    return date.fromordinal(day + EPOCH_ORDINAL)


def local_ms(day: int, seconds: float) -> int:
    """UTC milliseconds of local ``day`` (Shanghai day number) at ``seconds`` after midnight."""
    return int((day * DAY + seconds - TZ_SECONDS) * 1000)


def ms_local_day(ms: int) -> int:
    return (ms // 1000 + TZ_SECONDS) // DAY


# --- Summary -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoLogin:
    login: str
    name: str
    role: str
    org_code: str
    org_name: str


@dataclass
class DemoSummary:
    """What the demo generator made, and how to log in."""

    path: Path
    seed: int
    today: date
    org_units: int = 0
    areas: int = 0
    stations: int = 0
    users: int = 0
    customers: int = 0
    organisations: int = 0
    vehicles: int = 0
    fuel_cards: int = 0
    contacts: int = 0
    visits: int = 0
    callbacks: int = 0
    complaints: int = 0
    complaint_steps: int = 0
    level_changes: int = 0
    owner_changes: int = 0
    elapsed_seconds: float = 0.0
    password: str = DEMO_PASSWORD
    logins: list[DemoLogin] = field(default_factory=list)

    def describe(self, max_stations: int = 2) -> str:
        """Counts, and the demo logins: everyone but the station users, whose pattern is shown."""
        lines = [
            f"演示数据已生成: {self.path}",
            f"  种子 {self.seed}, 数据截止 {self.today - timedelta(days=1):%Y-%m-%d}, "
            f"用时 {self.elapsed_seconds:.1f} 秒",
            f"  组织: {self.org_units} (公司 1, 片区 {self.areas}, 站点 {self.stations})",
            f"  用户: {self.users}",
            f"  客户: {self.customers:,} (单位 {self.organisations:,}, "
            f"个人 {self.customers - self.organisations:,})",
            f"  车辆: {self.vehicles:,}  加油卡: {self.fuel_cards:,}  联系人: {self.contacts:,}",
            f"  到站记录: {self.visits:,}",
            f"  回访任务: {self.callbacks:,}  投诉/建议: {self.complaints:,} "
            f"(处理记录 {self.complaint_steps:,})",
            f"  等级变更: {self.level_changes:,}  维护人变更: {self.owner_changes:,}",
            "",
            f"演示账号 (所有账号的密码都是 {self.password}):",
        ]
        shown: list[DemoLogin] = []
        stations_shown: list[str] = []
        for login in self.logins:
            station_user = login.role in (Role.STATION_MASTER, Role.STATION_STAFF)
            if station_user and login.org_code not in stations_shown:
                if len(stations_shown) >= max_stations:
                    continue
                stations_shown.append(login.org_code)
            shown.append(login)
        width = max([len(x.login) for x in shown] + [8]) + 2
        lines.append(f"  {_pad('登录名', width)}{_pad('姓名', 10)}{_pad('角色', 16)}组织")
        for x in shown:
            role = ROLE_LABELS.get(x.role, x.role)
            lines.append(
                f"  {_pad(x.login, width)}{_pad(x.name, 10)}{_pad(role, 16)}{x.org_code} {x.org_name}"
            )
        hidden = len(self.logins) - len(shown)
        if hidden:
            lines.append(
                f"  ... 以及其余 {hidden} 个站点账号, 规则相同: <站点代码>-master (站长), "
                "<站点代码>-staff1..3 (加油员/客服), 例如 "
                f"{stations_shown[0].lower() if stations_shown else 'gs0101'}-master"
            )
        return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a CJK character takes two)."""
    columns = len(text) + sum(1 for ch in text if ord(ch) > 0x2E80)
    return text + " " * max(1, width - columns)


# --- Org tree and users ------------------------------------------------------------------------


@dataclass
class _Station:
    index: int
    id: str
    code: str
    name: str
    area: int
    city: names.City
    master: int = -1  # user index
    staff: list[int] = field(default_factory=list)  # user indexes (master included)
    former: list[int] = field(default_factory=list)  # inactive former staff


@dataclass
class _UserRec:
    id: str
    login: str
    name: str
    role: str
    org_id: str
    active: bool


@dataclass
class _Org:
    company_id: str
    area_ids: list[str]
    area_codes: list[str]
    area_names: list[str]
    stations: list[_Station]
    users: list[_UserRec]
    admin: int
    auditor: int
    area_managers: list[int]
    rows: list[tuple[Any, ...]]
    user_rows: list[tuple[Any, ...]]


CN_NUMBERS = "一二三四五六七八九十"


def station_count(customers: int) -> int:
    return max(MIN_STATIONS, min(MAX_STATIONS, round(customers / CUSTOMERS_PER_STATION)))


def _build_org(rng: Random, customers: int, setup_day: int, password_hash: str) -> _Org:
    rnd = rng.random
    setup_ms = local_ms(setup_day, 9 * 3600)
    n_stations = station_count(customers)
    n_areas = 4 if n_stations >= 12 else 3
    rows: list[tuple[Any, ...]] = []
    seq = 0

    def new_id() -> tuple[str, int]:
        nonlocal seq
        seq += 1
        at = setup_ms + seq * 1000
        return uuid7_from(at, rng.getrandbits(74)), at

    company_id, at = new_id()
    company_path = f"/{company_id}/"
    rows.append(
        (company_id, at, COMPANY_CODE, COMPANY_NAME, OrgKind.COMPANY.value, None, company_path)
    )
    per_area = [
        n_stations // n_areas + (1 if a < n_stations % n_areas else 0) for a in range(n_areas)
    ]
    width = 2 if max(per_area) <= 99 else 3
    area_ids, area_codes, area_names = [], [], []
    stations: list[_Station] = []
    for a in range(n_areas):
        city = names.CITIES[a]
        area_id, at = new_id()
        code = f"{COMPANY_CODE}{a + 1:02d}"
        area_path = f"{company_path}{area_id}/"
        area_name = f"{city.name}片区"
        rows.append((area_id, at, code, area_name, OrgKind.AREA.value, company_id, area_path))
        area_ids.append(area_id)
        area_codes.append(code)
        area_names.append(area_name)
        for j in range(per_area[a]):
            station_id, at = new_id()
            place = city.places[j % len(city.places)]
            k = j // len(city.places)
            suffix = "加油站" if k == 0 else f"第{CN_NUMBERS[k] if k < 10 else k + 1}加油站"
            name = f"{city.name}{place}{suffix}"
            s_code = f"{code}{j + 1:0{width}d}"
            rows.append(
                (
                    station_id,
                    at,
                    s_code,
                    name,
                    OrgKind.STATION.value,
                    area_id,
                    f"{area_path}{station_id}/",
                )
            )
            stations.append(_Station(len(stations), station_id, s_code, name, a, city))

    users: list[_UserRec] = []
    user_rows: list[tuple[Any, ...]] = []

    def add_user(login: str, role: Role, org_id: str, active: bool = True) -> int:
        uid, at = new_id()
        person = names.person_name(rng)
        users.append(_UserRec(uid, login, person.name, role.value, org_id, active))
        user_rows.append(
            (
                uid,
                at,
                org_id,
                login,
                f"{len(users):06d}",
                person.name,
                password_hash,
                role.value,
                int(active),
            )
        )
        return len(users) - 1

    admin = add_user(ADMIN_LOGIN, Role.COMPANY_ADMIN, company_id)
    auditor = add_user(AUDITOR_LOGIN, Role.AUDITOR, company_id)
    managers = [
        add_user(f"{area_codes[a].lower()}-manager", Role.AREA_MANAGER, area_ids[a])
        for a in range(n_areas)
    ]
    for st in stations:
        st.master = add_user(f"{st.code.lower()}-master", Role.STATION_MASTER, st.id)
        st.staff.append(st.master)
        for k in range(2 + (rnd() < 0.5)):
            st.staff.append(add_user(f"{st.code.lower()}-staff{k + 1}", Role.STATION_STAFF, st.id))
        if rnd() < 0.2:  # someone who left; their customers were handed over
            st.former.append(
                add_user(f"{st.code.lower()}-former1", Role.STATION_STAFF, st.id, active=False)
            )
    return _Org(
        company_id,
        area_ids,
        area_codes,
        area_names,
        stations,
        users,
        admin,
        auditor,
        managers,
        rows,
        user_rows,
    )


# --- SQLite writer -----------------------------------------------------------------------------


class _Writer:
    """executemany in batches, counting the rows per table.

    (A writer thread was tried and measured: sqlite3 takes the GIL back for every row
    it binds, so generating and writing did not overlap; it was slower, not faster.)
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.counts: dict[str, int] = {}

    def write(self, table: str, cols: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self.counts[table] = self.counts.get(table, 0) + len(rows)
            self.conn.executemany(insert_sql(table, cols), rows)


# --- The generator -----------------------------------------------------------------------------


@dataclass
class _Visits:
    """Visit keys (local seconds since the window start << 32 | customer index) per bucket."""

    buckets: list[array[int]]
    count: int = 0


class _Generator:
    def __init__(
        self, conn: sqlite3.Connection, customers: int, seed: int, today: date, progress: Progress
    ) -> None:
        self.conn = conn
        self.n = customers
        self.seed = seed
        self.today = today
        self.progress = progress
        self.rng = Random(seed)
        self.T = day_number(today)  # today; visits end on T - 1
        self.W = self.T - WINDOW_DAYS  # first day of the visit window
        self.setup_day = self.T - YEARS_OF_HISTORY * 365
        self.now_ms = local_ms(self.T, 0)  # every generated event happened before this
        self.writer = _Writer(conn)
        n_buckets = WINDOW_DAYS // BUCKET_DAYS + 1
        self.visits = _Visits([array("q") for _ in range(n_buckets)])
        # per customer, for the visit and the callback / complaint phases
        self.cust_ids: list[str] = []
        self.c_station = array("H")
        self.c_prod = array("b")
        self.c_litres = array("f")
        self.c_card = array("b")
        self.c_maint = array("H")
        self.c_level = array("b")
        self.c_flags = array("B")
        self.c_status = array("b")
        self.c_last = array("q")
        self.c_interval = array("f")
        self.c_channel: list[str | None] = []
        self.plates: set[str] = set()
        self.complaints: int | None = None  # None: the default share of the customers
        self.card_seq = 0
        self.member_seq = 0
        self.organisations = 0

    # -- org, users, settings ------------------------------------------------------------------

    def write_org(self) -> _Org:
        # argon2 is slow on purpose: hash once for everyone. The salt comes from the seed so
        # that the file is reproducible (the demo password is public anyway); the parameters
        # are those of services.auth, so logging in never needs a rehash.
        password_hash = PasswordHasher().hash(DEMO_PASSWORD, salt=self.rng.randbytes(16))
        org = _build_org(self.rng, self.n, self.setup_day, password_hash)
        w = self.writer
        w.write("org_units", ORG_COLS, org.rows)
        w.write("users", USER_COLS, org.user_rows)
        setup_ms = local_ms(self.setup_day, 10 * 3600)
        rng = self.rng
        w.write(
            "sla_policies",
            SLA_COLS,
            [
                (uuid7_from(setup_ms + i, rng.getrandbits(74)), setup_ms + i, org.company_id,
                 None, severity, 60, 24, CLOSE_DAYS[severity])
                for i, severity in enumerate(("一般", "较大", "重大", "特别重大"))
            ],
        )  # fmt: skip
        years = range(day_date(self.W).year, self.today.year + 2)
        self.holidays = holiday_rows(list(years))
        self.calendar = working_day_calendar(self.holidays)
        hol_rows = []
        for day_iso, name, working in self.holidays:
            # the schedule is announced in November of the year before
            at = local_ms(day_number(date(int(day_iso[:4]) - 1, 11, 5)), 10 * 3600)
            hol_rows.append(
                (
                    uuid7_from(at, rng.getrandbits(74)),
                    at,
                    org.company_id,
                    day_iso,
                    name,
                    int(working),
                )
            )
        w.write("holidays", HOLIDAY_COLS, hol_rows)
        self.org = org
        self.station_weights = self._station_table(org)
        return org

    def _station_table(self, org: _Org) -> list[int]:
        """Station indexes repeated by size (stations differ: 0.4x to 2x the average)."""
        table: list[int] = []
        for st in org.stations:
            table.extend([st.index] * (2 + int(self.rng.random() * 9)))
        return table

    # -- customers ---------------------------------------------------------------------------

    def write_customers(self) -> None:
        n = self.n
        done = 0
        while done < n:
            end = min(n, done + CHUNK)
            rows: dict[str, list[tuple[Any, ...]]] = {
                "customers": [], "vehicles": [], "fuel_cards": [], "contacts": [],
                "level_changes": [], "owner_changes": [],
            }  # fmt: skip
            for i in range(done, end):
                self._customer(i, rows)
            w = self.writer
            w.write("customers", CUSTOMER_COLS, rows["customers"])
            w.write("vehicles", VEHICLE_COLS, rows["vehicles"])
            w.write("fuel_cards", CARD_COLS, rows["fuel_cards"])
            w.write("contacts", CONTACT_COLS, rows["contacts"])
            w.write("level_changes", LEVEL_COLS, rows["level_changes"])
            w.write("owner_changes", OWNER_COLS, rows["owner_changes"])
            done = end
            self.progress(done, n, "生成客户")
        self.plates.clear()

    def _created(self, i: int) -> tuple[int, int]:
        """Creation day and time of customer ``i``: increasing with ``i`` (ids in key order).

        80% were on file before the visit window (spread over the years), 20% joined
        during it.
        """
        u = (i + self.rng.random()) / max(1, self.n)
        first, W, T = self.setup_day + 60, self.W, self.T
        before = u < 0.8
        pos = first + (W - first) * (u / 0.8) if before else W + (T - 1 - W) * ((u - 0.8) / 0.2)
        day = int(pos)
        return day, 8 * 3600 + int((pos - day) * 12 * 3600)

    def _customer(self, i: int, out: dict[str, list[tuple[Any, ...]]]) -> None:
        rng = self.rng
        rnd = rng.random
        bits = rng.getrandbits
        org = self.org
        T, W = self.T, self.W
        created_day, created_sec = self._created(i)
        created_ms = local_ms(created_day, created_sec)
        cid = uuid7_from(created_ms, bits(74))
        self.cust_ids.append(cid)
        st = org.stations[self.station_weights[int(rnd() * len(self.station_weights))]]
        city = st.city
        is_org = rnd() < 0.15
        # profile stage (三步法)
        r = rnd()
        if is_org:
            stage = ProfileStage.COMPLETE if r < 0.55 else ProfileStage.PRELIMINARY
        else:
            stage = (
                ProfileStage.PLATE_ONLY if r < 0.28 else ProfileStage.PRELIMINARY if r < 0.6
                else ProfileStage.COMPLETE
            )  # fmt: skip
        complete = stage is ProfileStage.COMPLETE
        plate_only = stage is ProfileStage.PLATE_ONLY
        # behaviour: prospect (never came), regular (固定客户) or occasional (流动客户)
        r = rnd()
        prospect = not plate_only and r < 0.03 and i > 0
        regular_p = 0.4 if is_org else (0.12 if complete else 0.09 if not plate_only else 0.05)
        regular = i == 0 or (not prospect and rnd() < regular_p)
        # what they buy
        if is_org:
            diesel = rnd() < 0.6
            prod = 3 if diesel else 0
            litres = 120 + 180 * rnd() if diesel else 40 + 20 * rnd()
        else:
            r = rnd()
            prod = 0 if r < 0.7 else 1 if r < 0.95 else 2
            litres = 30 + 25 * rnd()
        # visits
        times = self._schedule(i, regular, prospect, created_day, created_sec)
        n_visits = len(times)
        last_ms = local_ms(W, times[-1]) if times else None
        interval = None
        if n_visits >= 3:
            gaps = sorted(times[k + 1] - times[k] for k in range(n_visits - 1))
            mid = len(gaps) // 2
            median = gaps[mid] if len(gaps) % 2 else (gaps[mid - 1] + gaps[mid]) / 2
            interval = round(median / DAY, 1)
        # lifecycle status, derived from the visits
        if n_visits == 0:
            status = CustomerStatus.PROSPECT if prospect else CustomerStatus.LOST
        elif created_day >= T - 90:
            status = CustomerStatus.NEW
        else:
            since = T - ms_local_day(last_ms or 0)
            status = (
                CustomerStatus.ACTIVE if since <= 60 else CustomerStatus.DORMANT if since <= 180
                else CustomerStatus.LOST
            )  # fmt: skip
        # level from the year's volume (with some judgement on top)
        if prospect:
            level_i = 0
        else:
            level_i = 5 - bisect_right(LEVEL_LITRES, n_visits * litres)
            r = rnd()
            if r < 0.05 and level_i > 1:
                level_i -= 1
            elif r < 0.1 and level_i < 5:
                level_i += 1
        level = LEVELS[level_i]
        # owner
        maint = st.staff[0 if rnd() < 0.2 else 1 + int(rnd() * (len(st.staff) - 1))]
        developer = maint
        # names and numbers
        name = pinyin = initials = employer = None
        id_type = id_number = phone = phone2 = email = address = birthday = None
        group = False
        male = True
        if is_org:
            company = names.company_name(rng, city)
            name, pinyin, initials, group = (
                company.name,
                company.pinyin,
                company.initials,
                company.group,
            )
            self.organisations += 1
        elif not plate_only:
            person = names.person_name(rng)
            name, pinyin, initials, male = person.name, person.pinyin, person.initials, person.male
            r = rnd()
            if r < 0.55:
                employer = names.company_name(rng, city).name
            elif r < 0.85:
                employer = names.EMPLOYERS[int(rnd() * len(names.EMPLOYERS))]
        if complete:
            phone = self._mobile()
            if is_org and rnd() < 0.5:
                phone = f"{city.area_code}-{int(rnd() * 9_000_000) + 81_000_000}"
            if rnd() < 0.1:
                phone2 = self._mobile()
            if is_org:
                if rnd() < 0.4:
                    email = f"{initials}{int(rnd() * 90) + 10}@163.com"
            elif rnd() < 0.12:
                email = (
                    f"{int(rnd() * 9e8) + 10**8}@qq.com" if rnd() < 0.6
                    else f"{pinyin}{int(rnd() * 90) + 10}@163.com"
                )  # fmt: skip
            if rnd() < (0.9 if is_org else 0.8):
                address = self._address(city, not is_org)
        if is_org and (complete and rnd() < 0.7 or not complete and rnd() < 0.2):
            id_type, id_number = "uscc", self._uscc(city)
        elif not is_org and not plate_only and rnd() < (0.55 if complete else 0.1):
            id_type = "id_card"
            id_number, birthday = self._id_card(city, male)
        if complete and not is_org and birthday is None and rnd() < 0.4:
            born = day_date(T - 365 * 20 - int(rnd() * 365 * 45))
            birthday = born.isoformat()
        # vehicles
        vehicles = out["vehicles"]
        if is_org:
            r = rnd()  # fleets: half have 1-2 vehicles, a third 3-5, the rest 6-12
            if r < 0.5:
                n_veh = 1 + int(rnd() * 2)
            elif r < 0.85:
                n_veh = 3 + int(rnd() * 3)
            else:
                n_veh = 6 + int(rnd() * 7)
        else:
            n_veh = 2 if rnd() < 0.08 else 1
        for k in range(n_veh):
            nev = rnd() < (0.05 if is_org else 0.12)
            plate, norm = self._plate(city, nev, local=0.85 if is_org else 0.8)
            if nev:
                model = names.NEV_TABLE[int(rnd() * len(names.NEV_TABLE))]
            elif is_org and prod == 3:
                model = names.TRUCK_TABLE[int(rnd() * len(names.TRUCK_TABLE))]
            else:
                model = names.CAR_TABLE[int(rnd() * len(names.CAR_TABLE))]
            v_ms = created_ms + 1 + k
            vehicles.append(
                (uuid7_from(v_ms, bits(74)), v_ms, st.id, cid, plate, norm, model, int(nev))
            )
        # fuel cards
        holder_p = 0.9 if is_org else 0.78 if complete else 0.55 if not plate_only else 0.2
        card_class = 0
        if not prospect and rnd() < holder_p:
            cards = out["fuel_cards"]
            r = rnd()
            first_status = "active" if r < 0.92 else "lost" if r < 0.96 else "cancelled"
            statuses = [first_status]
            if first_status != "active" or rnd() < 0.06:
                statuses.append("active" if first_status != "active" else "cancelled")
            if is_org and n_veh > 2:
                statuses.append("active")
            for k, card_status in enumerate(statuses):
                c_ms = created_ms + 100 + k
                self.card_seq += 1
                serial = (self.card_seq * 7_777_777_777 + 123_456_789) % 10**12
                cards.append(
                    (
                        uuid7_from(c_ms, bits(74)),
                        c_ms,
                        st.id,
                        cid,
                        f"1000113{serial:012d}",
                        card_status,
                    )
                )
            if "active" in statuses:
                card_class = 2 if rnd() < 0.75 else 1
        # contacts of organisations
        if is_org and (complete or rnd() < 0.3):
            contacts = out["contacts"]
            for k in range(1 + int(rnd() * 3) if complete else 1):
                person = names.person_name(rng)
                p_ms = created_ms + 200 + k
                contacts.append((
                    uuid7_from(p_ms, bits(74)), p_ms, st.id, cid, person.name,
                    names.CONTACT_TITLES[int(rnd() * len(names.CONTACT_TITLES))],
                    self._mobile() if complete or rnd() < 0.5 else None,
                    f"{person.pinyin}@{initials}.com.cn" if rnd() < 0.2 else None,
                ))  # fmt: skip
        # segmentation
        if is_org:
            tier = (
                "集团"
                if group and level_i <= 2
                else "大"
                if level_i in (1, 2)
                else "普通"
                if level_i in (3, 4)
                else "小"
            )
        else:
            tier = "大" if level_i in (1, 2) else "普通" if level_i in (3, 4) else "小"
        if level_i == 0:
            tier = None
        focus = FOCUS_TYPES[int(rnd() * len(FOCUS_TYPES))]
        if is_org and rnd() < 0.3:
            focus = "supply"
        tags = []
        if level_i in (1, 2) and rnd() < 0.6:
            tags.append("重点")
        if rnd() < 0.03:
            tags.append("问题")
        if status in (CustomerStatus.NEW, CustomerStatus.PROSPECT) and rnd() < 0.3 or rnd() < 0.05:
            tags.append("潜力")
        if level_i == 1 or tier == "集团":
            tags.append("大客户")
        consent = dnd = False
        channel = pref_time = None
        if complete:
            consent = rnd() < 0.85
            dnd = rnd() < 0.04
            if dnd:
                consent = False
            channel = CHANNELS[int(rnd() * len(CHANNELS))]
            if channel == "email" and email is None:
                channel = "phone"
            if rnd() < 0.4:
                pref_time = names.PREFERRED_TIMES[int(rnd() * len(names.PREFERRED_TIMES))]
        elif stage is ProfileStage.PRELIMINARY:
            consent = rnd() < 0.3
        if prospect or (plate_only and card_class == 0):
            payment = None
        else:
            payment = "card" if card_class == 2 else "cash"
        cycle_days = None
        if regular and complete and interval is not None:
            cycle_days = max(1, round(interval))
        credit = term = None
        if is_org and complete and rnd() < 0.5:
            credit = (5 + int(rnd() * 46)) * 10_000 * 100  # 50,000 to 500,000 yuan, in fen
            term = (15, 30, 30, 60)[int(rnd() * 4)]
        member_no = None
        if complete and not is_org and rnd() < 0.6:
            self.member_seq += 1
            member_no = f"HY{2_000_000_000 + self.member_seq}"
        needs = names.NEEDS[int(rnd() * len(names.NEEDS))] if complete and rnd() < 0.1 else None
        notes = (
            names.NOTES[int(rnd() * len(names.NOTES))] if not plate_only and rnd() < 0.05 else None
        )
        referred = None
        if i > 100 and not plate_only and rnd() < 0.03:
            referred = self.cust_ids[int(rnd() * (i - 1))]
        updated = max(created_ms, last_ms or 0)
        # history: level changes and reassignments
        if level is not None and rnd() < 0.12:
            levels_path = [LEVELS[min(5, max(1, level_i + (1 if rnd() < 0.6 else -1)))], level]
            if rnd() < 0.3:
                levels_path.insert(0, None)
            t0 = created_ms
            for k in range(1, len(levels_path)):
                if levels_path[k - 1] == levels_path[k]:
                    continue
                t0 = t0 + int(rnd() * max(1, self.now_ms - 3_600_000 - t0) * 0.7)
                by = st.master if rnd() < 0.6 else maint
                reason = (
                    names.LEVEL_REASONS[4]
                    if levels_path[k - 1] is None
                    else names.LEVEL_REASONS[int(rnd() * 4)]
                )
                out["level_changes"].append((
                    uuid7_from(t0, bits(74)), t0, st.id, cid, levels_path[k - 1], levels_path[k],
                    org.users[by].id, t0, reason,
                ))  # fmt: skip
                updated = max(updated, t0)
        if rnd() < 0.03 and len(st.staff) > 1:
            pool = st.former if st.former and rnd() < 0.5 else [u for u in st.staff if u != maint]
            old = pool[int(rnd() * len(pool))]
            developer = old
            t0 = created_ms + int(rnd() * max(1, self.now_ms - 3_600_000 - created_ms))
            out["owner_changes"].append((
                uuid7_from(t0, bits(74)), t0, st.id, cid, "maintainer", org.users[old].id,
                org.users[maint].id, org.users[st.master].id, t0,
                names.OWNER_REASONS[int(rnd() * len(names.OWNER_REASONS))],
            ))  # fmt: skip
            updated = max(updated, t0)
        out["customers"].append((
            cid, updated, st.id,
            CustomerKind.ORGANISATION.value if is_org else CustomerKind.PERSON.value,
            name, pinyin, initials, id_type, id_number, phone, phone2, email, employer, address,
            org.users[maint].id, org.users[developer].id, referred, level, tier, focus,
            int(regular), stage.value, status.value, ",".join(tags), int(consent), int(dnd),
            channel, pref_time, payment, cycle_days, credit, term,
            int(rnd() < 0.003), member_no, birthday, interval, last_ms, needs, notes, created_ms,
        ))  # fmt: skip
        # compact per-customer facts for the later phases
        self.c_station.append(st.index)
        self.c_prod.append(prod)
        self.c_litres.append(litres)
        self.c_card.append(card_class)
        self.c_maint.append(maint)
        self.c_level.append(level_i)
        self.c_flags.append(
            (F_ORG if is_org else 0) | (F_REGULAR if regular else 0) | (F_PHONE if phone else 0)
            | (F_CONSENT if consent else 0) | (F_DND if dnd else 0) | (F_COMPLETE if complete else 0)
        )  # fmt: skip
        self.c_status.append(STATUSES.index(status))
        self.c_last.append(last_ms or 0)
        self.c_interval.append(interval or 0.0)
        self.c_channel.append(channel)

    def _schedule(
        self, i: int, regular: bool, prospect: bool, created_day: int, created_sec: int
    ) -> list[int]:
        """Visit times of one customer in local seconds since the window start, ascending.

        Also files them as packed keys in the visit buckets.
        """
        if prospect:
            return []
        rnd = self.rng.random
        T, W = self.T, self.W
        in_window = created_day >= W
        # habitual time of day: morning / noon / evening rush, or any time
        r = rnd()
        habit = (
            7.5 if r < 0.25 else 12.0 if r < 0.45 else 17.5 if r < 0.8 else 6.5 + 15 * rnd()
        ) * 3600
        days: list[int] = []
        if regular:
            # own cycle of 7 to 25 days, each gap within +-15%: every gap is 5 to 30 days
            r = rnd()
            if r < 0.3:
                cycle = 7 + int(rnd() * 4)
            elif r < 0.65:
                cycle = 11 + int(rnd() * 6)
            else:
                cycle = 17 + int(rnd() * 9)
            jitter = max(1, round(cycle * 0.15))
            r = rnd()
            if i == 0 or r < 0.78:  # coming as usual
                since = 1 if i == 0 else 1 + int(rnd() * cycle)
            elif r < 0.88:  # absent: past the cycle plus three days (异常)
                since = cycle + 4 + int(rnd() * 30)
            else:  # stopped coming months ago
                since = 60 + int(rnd() * 270)
            if in_window:  # forward from the visit that opened the record
                day = created_day
                while True:
                    day += cycle + int(rnd() * (2 * jitter + 1)) - jitter
                    if len(days) >= 4 and rnd() < 0.04:
                        day += cycle  # missed a cycle
                    if day > T - since:
                        break
                    days.append(day)
            else:  # backward from the last visit, `since` days ago
                day = T - since
                while day >= W:
                    days.append(day)
                    day -= cycle + int(rnd() * (2 * jitter + 1)) - jitter
                    if len(days) >= 4 and rnd() < 0.04:
                        day -= cycle
                days.reverse()
        else:
            k = bisect_right(OCCASIONAL_VISITS, rnd())
            if k == len(OCCASIONAL_VISITS):
                k += int(rnd() * 3)  # 5 to 7
            if in_window:
                k = max(0, k - 1)  # the first visit is the one that created the record
            first = created_day + 1 if in_window else W
            span = T - first
            if span > 0:  # more of them recently: a passing customer who stays away is lost
                days = sorted(first + int(rnd() ** 0.6 * span) for _ in range(k))
        times: list[int] = []
        if in_window:  # the visit on which the record was opened
            times.append((created_day - W) * DAY + created_sec)
        for day in days:
            tod = habit + (rnd() - rnd()) * 9000
            tod = 6 * 3600 + 60 if tod < 6 * 3600 else 22 * 3600 - 60 if tod >= 22 * 3600 else tod
            times.append((day - W) * DAY + int(tod))
        if not times:
            return times
        times.sort()  # two visits on one day may have been drawn in either order
        buckets = self.visits.buckets
        span = BUCKET_DAYS * DAY
        for t in times:
            buckets[t // span].append(t << 32 | i)
        self.visits.count += len(times)
        return times

    # -- numbers ---------------------------------------------------------------------------------

    def _mobile(self) -> str:
        rnd = self.rng.random
        return MOBILE_PREFIXES[int(rnd() * len(MOBILE_PREFIXES))] + f"{int(rnd() * 10**8):08d}"

    def _address(self, city: names.City, home: bool) -> str:
        rnd = self.rng.random
        district = city.districts[int(rnd() * len(city.districts))][0]
        road = names.ROADS[int(rnd() * len(names.ROADS))]
        text = f"河北省{city.name}市{district}{road}{1 + int(rnd() * 300)}号"
        if home and rnd() < 0.7:
            compound = names.COMPOUNDS[int(rnd() * len(names.COMPOUNDS))]
            building, unit = 1 + int(rnd() * 20), 1 + int(rnd() * 4)
            room = 101 + int(rnd() * 20) * 100 + int(rnd() * 4)
            text += f"{road[:2]}{compound}{building}-{unit}-{room}"
        return text

    def _id_card(self, city: names.City, male: bool) -> tuple[str, str]:
        rnd = self.rng.random
        if rnd() < 0.8:
            region = city.districts[int(rnd() * len(city.districts))][1]
        else:
            region = names.OTHER_ID_REGIONS[int(rnd() * len(names.OTHER_ID_REGIONS))]
        born = day_date(self.T - 365 * 20 - int(rnd() * 365 * 45))
        seq = int(rnd() * 500) * 2 + (1 if male else 0)
        first17 = f"{region}{born:%Y%m%d}{seq:03d}"
        return first17 + id_card_check_digit(first17), born.isoformat()

    def _uscc(self, city: names.City) -> str:
        rnd = self.rng.random
        region = city.districts[int(rnd() * len(city.districts))][1]
        charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        if rnd() < 0.6:
            body = "MA" + "".join(charset[int(rnd() * len(charset))] for _ in range(6))
        else:
            body = f"{int(rnd() * 10**8):08d}"
        org_code = body + org_code_check_char(body)
        first17 = f"91{region}{org_code}"
        return first17 + uscc_check_char(first17)

    def _plate(self, city: names.City, nev: bool, local: float) -> tuple[str, str]:
        rnd = self.rng.random
        letters = PLATE_LETTERS
        r = rnd()
        if r < local:
            prefix = city.plate
        elif r < local + (1 - local) * 0.6:
            prefix = names.OTHER_PLATE_PREFIXES[int(rnd() * len(names.OTHER_PLATE_PREFIXES))]
        else:
            prefix = names.OUT_OF_PROVINCE_PLATES[int(rnd() * len(names.OUT_OF_PROVINCE_PLATES))]
        while True:
            if nev:
                second = letters[int(rnd() * 24)] if rnd() < 0.5 else str(int(rnd() * 10))
                body = ("D" if rnd() < 0.4 else "F") + second + f"{int(rnd() * 10000):04d}"
            else:
                digits = f"{int(rnd() * 100000):05d}"
                r = rnd()
                if r < 0.45:
                    body = digits
                elif r < 0.85:
                    pos = int(rnd() * 5)
                    body = digits[:pos] + letters[int(rnd() * 24)] + digits[pos + 1 :]
                else:
                    body = letters[int(rnd() * 24)] + letters[int(rnd() * 24)] + digits[2:]
            norm = prefix + body
            if norm not in self.plates:
                self.plates.add(norm)
                break
        r = rnd()
        written = norm if r < 0.75 else f"{prefix}·{body}" if r < 0.9 else f"{prefix} {body}"
        return written, norm

    # -- visits ----------------------------------------------------------------------------------

    def _prices(self) -> list[list[int]]:
        """Pump prices in fen per litre for each product and window day (adjusted ~every 10 days)."""
        rng = Random(f"{self.seed}:prices")
        prices = [[p] for p in START_PRICES]
        current = list(START_PRICES)
        for day in range(1, WINDOW_DAYS + 1):
            if day % 10 == 0 and rng.random() < 0.7:
                step = int(rng.gauss(0, 12))
                current = [max(620, min(920, p + step)) for p in current]
            for k in range(4):
                prices[k].append(current[k])
        return prices

    def write_visits(self) -> None:
        rng = Random(f"{self.seed}:visits")
        rnd = rng.random
        bits = rng.getrandbits
        prices = self._prices()
        base_ms = local_ms(self.W, 0)
        stations = self.org.stations
        station_ids = [st.id for st in stations]
        area_stations = [
            [st.id for st in stations if st.area == a] for a in range(len(self.org.area_ids))
        ]
        station_area = [st.area for st in stations]
        cust_ids = self.cust_ids
        c_station, c_prod, c_litres, c_card = (
            self.c_station,
            self.c_prod,
            self.c_litres,
            self.c_card,
        )
        mix = PRODUCT_MIX
        card_share = CARD_SHARE
        products = PRODUCTS
        n_st = len(station_ids)
        total = self.visits.count
        done = 0
        mask = (1 << 32) - 1
        batch: list[tuple[Any, ...]] = []
        append = batch.append
        for b, keys in enumerate(self.visits.buckets):
            ordered = sorted(keys)
            self.visits.buckets[b] = array("q")  # free as we go
            for key in ordered:
                sec = key >> 32
                idx = key & mask
                ms = base_ms + sec * 1000
                r = rnd()
                s = c_station[idx]
                if r < 0.9:
                    org_id = station_ids[s]
                elif r < 0.98:
                    pool = area_stations[station_area[s]]
                    org_id = pool[int(rnd() * len(pool))]
                else:
                    org_id = station_ids[int(rnd() * n_st)]
                p = mix[c_prod[idx]][int(rnd() * 20)]
                litres = int(c_litres[idx] * (55 + 90 * rnd())) / 100
                amount = int(litres * prices[p][sec // DAY] + 0.5)
                append((
                    uuid7_from(ms, bits(74)), ms, org_id, cust_ids[idx], ms, products[p], litres,
                    amount, 1 if rnd() < card_share[c_card[idx]] else 0,
                ))  # fmt: skip
                if len(batch) >= VISIT_BATCH:
                    self.writer.write("visits", VISIT_COLS, batch)
                    done += len(batch)
                    self.progress(done, total, "生成到站记录")
                    batch = []
                    append = batch.append
        self.writer.write("visits", VISIT_COLS, batch)
        done += len(batch)
        self.progress(done, total, "生成到站记录")

    # -- callbacks and complaints ----------------------------------------------------------

    def _pick(self, rng: Random, test: Callable[[int], bool], tries: int = 400) -> int:
        """A random customer index passing ``test`` (rejection sampling), or -1."""
        for _ in range(tries):
            idx = int(rng.random() * self.n)
            if test(idx):
                return idx
        return -1

    def write_work(self) -> tuple[int, int, int]:
        """Campaigns, callback tasks, complaints and their step logs."""
        if self.n == 0:
            return 0, 0, 0
        rng = Random(f"{self.seed}:work")
        n_complaints = (
            self.complaints if self.complaints is not None else max(30, min(2500, self.n // 400))
        )
        n_tasks = max(40, min(4000, self.n // 200))
        tasks: list[tuple[Any, ...]] = []
        complaints, steps = self._complaints(rng, n_complaints, tasks)
        self._tasks(rng, n_tasks, tasks)
        self.writer.write("complaints", COMPLAINT_COLS, complaints)
        self.writer.write("complaint_steps", STEP_COLS, steps)
        self.writer.write("callback_tasks", TASK_COLS, tasks)
        return len(tasks), len(complaints), len(steps)

    def _local_ms_of(self, day: int, rng: Random, start_h: float = 8.5, end_h: float = 18.0) -> int:
        return local_ms(day, (start_h + (end_h - start_h) * rng.random()) * 3600)

    def _reviewer(self, station: _Station, assignee: int) -> int:
        if assignee != station.master:
            return station.master
        return self.org.area_managers[station.area]

    def _complaints(
        self, rng: Random, count: int, tasks: list[tuple[Any, ...]]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Complaints made as the workflow makes them (services/complaints): numbers per
        station and day, deadlines from the policies and the calendar, a step log that
        agrees with the status, and the warnings and escalations a clock running all
        along would have logged (so that the first clock run on the demo adds nothing)."""
        rnd = rng.random
        org = self.org
        users = org.users
        T, W = self.T, self.W
        statuses = list(ComplaintStatus)
        weights = {
            "received": 6,
            "verifying": 7,
            "reviewing": 7,
            "rectifying": 9,
            "callback": 9,
            "archived": 62,
        }
        table = [s for s in statuses for _ in range(weights[s.value])]
        # how many days ago a complaint in each status was received
        age = {
            "received": (0, 1), "verifying": (1, 4), "reviewing": (2, 8), "rectifying": (3, 14),
            "callback": (4, 20),
        }  # fmt: skip
        levels = [lv.value for lv in ComplaintLevel]  # station, area, company
        numbers: dict[tuple[str, int], int] = {}
        rows: list[tuple[Any, ...]] = []
        steps: list[tuple[Any, ...]] = []
        for k in range(count):
            status = statuses[k] if k < len(statuses) else table[int(rnd() * len(table))]
            suggestion = rnd() < 0.15
            idx = self._pick(rng, lambda c: True) if rnd() < 0.8 else -1
            if idx >= 0:
                station = org.stations[self.c_station[idx]]
                customer_id, phone = self.cust_ids[idx], None
            else:
                station = org.stations[self.station_weights[int(rnd() * len(self.station_weights))]]
                customer_id, phone = None, (self._mobile_from(rng) if rnd() < 0.7 else None)
            if status is ComplaintStatus.ARCHIVED:
                day = W + int(rnd() * (T - 6 - W))
            else:
                lo, hi = age[status.value]
                day = T - 1 - lo - int(rnd() * (hi - lo + 1))
            received = self._local_ms_of(day, rng, 7.0, 21.0)
            source = SOURCES[int(rnd() * len(SOURCES))]
            category = names.COMPLAINT_CATEGORIES[int(rnd() * len(names.COMPLAINT_CATEGORIES))]
            severity = "一般" if suggestion else SEVERITIES[int(rnd() * len(SEVERITIES))]
            received_day = ms_local_day(received)
            seq_key = (station.code, received_day)
            numbers[seq_key] = numbers.get(seq_key, 0) + 1
            number = f"{station.code}-{day_date(received_day):%Y%m%d}-{numbers[seq_key]:03d}"
            close_day = add_working_days(
                day_date(received_day), CLOSE_DAYS[severity], self.calendar
            )
            close_deadline = received + (day_number(close_day) - received_day) * DAY * 1000
            accept_deadline, reply_deadline = received + 3600_000, received + 24 * 3600_000
            # the step times: received, then one per later status, all before "now"
            reached = statuses.index(status)
            archived = status is ComplaintStatus.ARCHIVED
            if archived:
                on_time = rnd() < 0.88
                end = (
                    close_deadline - int(rnd() * 20 * 3600_000)
                    if on_time
                    else close_deadline + int((0.2 + rnd() * 3) * DAY * 1000)
                )
                end = min(max(end, received + 3 * 3600_000), self.now_ms - 3600_000)
            else:
                end = self.now_ms - int((1 + rnd() * 10) * 3600_000)
            times = [received]
            accepted = received + int((5 + rnd() * (45 if rnd() < 0.93 else 120)) * 60_000)
            if reached >= 1:
                times.append(min(accepted, end))
                span = max(1, end - times[-1])
                cuts = sorted(times[-1] + int(rnd() * span) for _ in range(reached - 1))
                times.extend(cuts)
            accepted_at = times[1] if reached >= 1 else None  # accepting = starting to verify
            first_reply = None
            if reached >= 2:
                first_reply = min(
                    times[2], (accepted_at or received) + int((1 + rnd() * 20) * 3600_000)
                )
            staff = station.staff[int(rnd() * len(station.staff))]
            cid = uuid7_from(received, rng.getrandbits(74))
            wants = (
                names.COMPLAINT_WANTS[int(rnd() * len(names.COMPLAINT_WANTS))]
                if not suggestion
                else None
            )
            description = (
                names.SUGGESTION_TEXTS[int(rnd() * len(names.SUGGESTION_TEXTS))] if suggestion
                else names.COMPLAINT_TEXTS[category][int(rnd() * len(names.COMPLAINT_TEXTS[category]))]
            )  # fmt: skip
            cause = responsibility = action = None
            root_causes: list[str] = []
            if reached >= 3 and not suggestion:
                root_causes = rng.sample(names.ROOT_CAUSES, 1 + int(rnd() * 3))
                cause = root_causes[0]
                responsibility = f"{station.name}当班人员" if rnd() < 0.6 else f"{station.name}站长"
                action = names.CORRECTIVE_ACTIONS[int(rnd() * len(names.CORRECTIVE_ACTIONS))]
            reachable = customer_id is not None or phone is not None
            satisfaction = (
                (5 if rnd() < 0.55 else 4 if rnd() < 0.7 else 3 if rnd() < 0.7 else 2)
                if archived and reachable
                else None
            )
            adopted = suggestion and archived and rnd() < 0.5
            rewarded = adopted and rnd() < 0.3
            # the clock: warnings at 75% of a deadline's time, one level up when it passes
            stored = {"accept": accept_deadline, "reply": reply_deadline, "close": close_deadline}
            events = clock_events(
                received,
                stored,
                {"accept": accepted_at, "reply": first_reply, "close": times[-1] if archived else None},
                self.now_ms,
                DEFAULT_WARN_SHARE,
            )  # fmt: skip
            owners = (station.master, org.area_managers[station.area], org.admin)
            units = (station.id, org.area_ids[station.area], org.company_id)
            level = 2 if severity in COMPANY_SEVERITIES else 0
            changes: list[tuple[int, int]] = [(received, level)]  # (from, level)
            out: list[tuple[int, str, str | None, str | None, int | None, int | None, str | None, list[int] | None]] = []  # fmt: skip
            if level:
                out.append((received + 1, "escalation", levels[0], levels[2], staff, owners[2],
                            "severity", [owners[2], owners[0]]))  # fmt: skip
            for at, what, deadline in events:
                owner = owners[level]
                if what == "warning":
                    out.append((at, "warning", None, None, None, None, deadline, [owner]))
                elif level < 2:
                    out.append((at, "escalation", levels[level], levels[level + 1], None,
                                owners[level + 1], deadline, [owners[level + 1], owner]))  # fmt: skip
                    level += 1
                    changes.append((at, level))
                else:
                    out.append(
                        (at, "overdue", levels[2], levels[2], None, owner, deadline, [owner])
                    )

            def level_at(at: int, changes: list[tuple[int, int]] = changes) -> int:
                return [lv for start, lv in changes if start <= at][-1]

            notes = (
                f"{source}受理登记", "开始核实:调取监控和加油机记录", "核实完毕,提交审查",
                f"整改: {action or '采纳建议,落实改进'}", "整改完成,回访客户",
                "客户认可处理结果,归档" if not suggestion else "建议处理完毕,归档",
            )  # fmt: skip
            for s in range(reached + 1):
                at = times[s]
                lv = level_at(at)
                actor = staff if s in (0, 1, 2, 4) and lv == 0 else owners[lv]
                out.append((at, "transition", statuses[s - 1].value if s else None,
                            statuses[s].value, actor, owners[lv], notes[s], None))  # fmt: skip
            if first_reply is not None:
                lv = level_at(first_reply)
                out.append((first_reply, "reply", None, None, staff if lv == 0 else owners[lv],
                            None, "已电话答复客户,正在处理", None))  # fmt: skip
            if cause is not None:
                out.append((times[3] + 1, "closure", None, None, owners[level_at(times[3])], None,
                            "cause, responsibility, corrective_action, root_causes", None))  # fmt: skip
            task_id = None
            if reached >= 4:
                called = (
                    times[4] + int((times[5] - times[4]) * (0.2 + 0.6 * rnd()))
                    if archived
                    else None
                )
                caller = owners[level_at(times[4])]
                if customer_id is not None:
                    task_id = self._complaint_task(
                        rng, tasks, idx, station, caller, cid, times[4], called, satisfaction
                    )
                if called is not None and reachable:
                    out.append((called, "callback", "callback", "callback", caller, None,
                                "客户认可整改结果", None))  # fmt: skip
            if adopted:
                out.append((times[-1] + 1, "flags", None, None, owners[level_at(times[-1])], None,
                            "adopted, rewarded" if rewarded else "adopted", None))  # fmt: skip
            out.sort(key=lambda e: e[0])
            for at, kind, from_s, to_s, actor, responsible, note, told in out:
                step_id = uuid7_from(at, rng.getrandbits(74))
                if actor is None and note in stored:  # the clock's: the ids the clock uses
                    mark = "warning" if kind == "warning" else PASSED
                    step_id = mark_id(cid, note, stored[note], mark, received)
                steps.append((
                    step_id, at, station.id, cid, kind, from_s, to_s,
                    users[actor].id if actor is not None else None,
                    users[responsible].id if responsible is not None else None, at, note,
                    json.dumps(list(dict.fromkeys(users[u].id for u in told))) if told else None,
                ))  # fmt: skip
            rows.append((
                cid, max(times[-1], out[-1][0]), station.id, number,
                "suggestion" if suggestion else "complaint", customer_id, phone, source, category,
                BUSINESS_LINES[int(rnd() * len(BUSINESS_LINES))], severity, levels[level],
                status.value, users[owners[level]].id, received, accepted_at, first_reply,
                accept_deadline, reply_deadline, close_deadline, times[-1] if archived else None,
                description, wants, cause, responsibility, action, int(archived and not suggestion),
                json.dumps(root_causes, ensure_ascii=False), satisfaction, int(adopted),
                int(rewarded), task_id, units[level], 0,
            ))  # fmt: skip
        return rows, steps

    def _mobile_from(self, rng: Random) -> str:
        rnd = rng.random
        return MOBILE_PREFIXES[int(rnd() * len(MOBILE_PREFIXES))] + f"{int(rnd() * 10**8):08d}"

    def _complaint_task(
        self, rng: Random, tasks: list[tuple[Any, ...]], idx: int, station: _Station,
        assignee: int, complaint_id: str, created: int, recorded: int | None,
        satisfaction: int | None,
    ) -> str:  # fmt: skip
        """The 回访 task of a complaint that reached the callback step (due that day)."""
        rnd = rng.random
        users = self.org.users
        due_day = ms_local_day(created)
        tid = uuid7_from(created, rng.getrandbits(74))
        if recorded is not None:
            row = (
                tid,
                recorded,
                station.id,
                self.cust_ids[idx],
                TaskReason.COMPLAINT.value,
                None,
                None,
                "投诉处理回访:了解客户对处理结果是否满意",
                day_date(due_day).isoformat(),
                None,
                users[assignee].id,
                TaskStatus.DONE.value,
                1,
                "phone",
                1,
                satisfaction,
                None,
                None,
                None,
                None,
                None,
                "客户认可整改结果",
                None,
                recorded,
                users[assignee].id,
                None,
                None,
                complaint_id,
                created,
            )
        else:
            booked = rnd() < 0.4
            appointment = self._local_ms_of(self.T + int(rnd() * 3), rng, 9, 18) if booked else None
            row = (
                tid,
                created,
                station.id,
                self.cust_ids[idx],
                TaskReason.COMPLAINT.value,
                None,
                None,
                "投诉处理回访:了解客户对处理结果是否满意",
                day_date(ms_local_day(appointment) if appointment else due_day).isoformat(),
                appointment,
                users[assignee].id,
                TaskStatus.BOOKED.value if booked else TaskStatus.OPEN.value,
                int(booked),
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                "已与客户约定回访时间" if booked else None,
                None,
                None,
                None,
                None,
                None,
                complaint_id,
                created,
            )
        tasks.append(row)
        return tid

    def _tasks(self, rng: Random, count: int, tasks: list[tuple[Any, ...]]) -> None:
        rnd = rng.random
        org = self.org
        users = org.users
        T = self.T
        admin = org.admin
        flags, level, status_of = self.c_flags, self.c_level, self.c_status
        last, interval = self.c_last, self.c_interval
        lost = STATUSES.index(CustomerStatus.LOST)

        def absent(c: int) -> bool:
            f = flags[c]
            if not f & F_REGULAR or not contactable(c) or not last[c] or not interval[c]:
                return False
            return T - ms_local_day(last[c]) > interval[c] + 3

        def contactable(c: int) -> bool:  # as services/callbacks/task_rows.py: consent, no 勿扰
            return bool(flags[c] & F_PHONE and flags[c] & F_CONSENT) and not flags[c] & F_DND

        def tier(c: int) -> bool:  # the default tier rules: VIP; A+ organisations; B+ persons
            return level[c] == 1 or 1 <= level[c] <= (2 if flags[c] & F_ORG else 3)

        tests: dict[TaskReason, Callable[[int], bool]] = {
            TaskReason.ABSENCE: absent,
            TaskReason.TIER: lambda c: contactable(c) and tier(c),
            TaskReason.CAMPAIGN: lambda c: contactable(c) and 1 <= level[c] <= 2,
            TaskReason.VOLUME_DROP: lambda c: contactable(c) and bool(flags[c] & F_REGULAR),
            TaskReason.EXIT_SURVEY: lambda c: (
                contactable(c) and status_of[c] == lost and last[c] > 0
            ),
            TaskReason.MANUAL: contactable,
        }
        reasons = (
            [TaskReason.ABSENCE] * 30 + [TaskReason.TIER] * 30 + [TaskReason.CAMPAIGN] * 12
            + [TaskReason.VOLUME_DROP] * 7 + [TaskReason.EXIT_SURVEY] * 8 + [TaskReason.MANUAL] * 13
        )  # fmt: skip
        all_statuses = list(TaskStatus)
        status_table = (
            [TaskStatus.OPEN] * 28 + [TaskStatus.BOOKED] * 10 + [TaskStatus.DONE] * 45
            + [TaskStatus.UNREACHABLE] * 10 + [TaskStatus.CANCELLED] * 7
        )  # fmt: skip
        # campaigns: one finished (price change), two running (weather, holiday)
        campaigns = []
        camp_rows = []
        specs = [
            ("油价调整回访", "油价调整", T - 20, T - 13),
            ("寒潮降温关怀回访", "天气变化", T - 4, T + 3),
            ("元旦前重点客户回访", "重要节日", T - 2, T + 10),
        ]
        for name, event, created_day, due_day in specs:
            at = self._local_ms_of(created_day, rng)
            camp_id = uuid7_from(at, rng.getrandbits(74))
            campaigns.append((camp_id, due_day))
            camp_rows.append((
                camp_id, at, org.company_id, f"{day_date(created_day):%Y年%m月}{name}", event,
                json.dumps({"levels": ["VIP", "A"]}, ensure_ascii=False), users[admin].id, at,
                day_date(due_day).isoformat(),
            ))  # fmt: skip
        self.writer.write("campaigns", CAMPAIGN_COLS, camp_rows)
        used_episodes: set[str] = set()
        purposes = {
            TaskReason.ABSENCE: "超过消费周期未到站,了解原因",
            TaskReason.TIER: "例行回访:了解客户意见和需求",
            TaskReason.CAMPAIGN: "特定回访",
            TaskReason.VOLUME_DROP: "消费量明显下降,了解原因",
            TaskReason.EXIT_SURVEY: "退出调查:了解客户流失原因",
            TaskReason.MANUAL: "客户经理自行安排的回访",
        }
        made = 0
        attempts_left = count * 5
        while made < count and attempts_left > 0:
            attempts_left -= 1
            status = (
                all_statuses[made]
                if made < len(all_statuses)
                else status_table[int(rnd() * len(status_table))]
            )
            reason = reasons[int(rnd() * len(reasons))]
            if made < len(all_statuses):
                reason = TaskReason.MANUAL
            idx = self._pick(rng, tests[reason])
            if idx < 0:
                continue
            station = org.stations[self.c_station[idx]]
            maint = self.c_maint[idx]
            assignee = maint
            if reason is TaskReason.TIER and level[idx] == 1:
                assignee = admin  # the company calls VIP customers (三级维护)
            elif reason is TaskReason.TIER and level[idx] == 2 and flags[idx] & F_ORG:
                assignee = org.area_managers[station.area]
            if not users[assignee].active:
                assignee = station.master
            pending = status in (TaskStatus.OPEN, TaskStatus.BOOKED)
            campaign_id = episode = None
            purpose = purposes[reason]
            if reason is TaskReason.ABSENCE:
                due_day = ms_local_day(last[idx]) + int(interval[idx] + 0.999) + 4
                if pending:
                    due_day = max(due_day, T - 3)
                episode = f"absence:{self.cust_ids[idx]}:{last[idx]}"
            elif reason is TaskReason.CAMPAIGN:
                campaign_id, due_day = campaigns[1 + int(rnd() * 2)] if pending else campaigns[0]
                episode = f"campaign:{campaign_id}:{self.cust_ids[idx]}"
            else:
                due_day = T + int(rnd() * 10) if pending else T - 1 - int(rnd() * 80)
            if episode is not None:
                if episode in used_episodes:
                    continue
                used_episodes.add(episode)
            if pending and status is TaskStatus.OPEN and rnd() < 0.25:
                due_day = min(due_day, T - 1 - int(rnd() * 5))  # overdue
            if not pending:
                due_day = min(due_day, T - 1)
            if reason is TaskReason.ABSENCE:  # found by the nightly rule run
                created_day = min(due_day - 1, T - 1)
            else:
                created_day = min(due_day, T - 1) - 3 - int(rnd() * 5)
            # episode keys as the rules make them (services/callbacks), so a first run of
            # the rules on the demo does not call the same customers again
            rule_episode = None
            if reason is TaskReason.TIER:  # per customer and quarter
                due = day_date(due_day)
                rule_episode = f"tier:{self.cust_ids[idx]}:{due.year}Q{(due.month - 1) // 3 + 1}"
            elif reason is TaskReason.VOLUME_DROP:  # the month before the one it was found in
                found = day_date(created_day).replace(day=1) - timedelta(days=1)
                rule_episode = f"volume:{self.cust_ids[idx]}:{found:%Y-%m}"
            elif reason is TaskReason.EXIT_SURVEY:  # once per customer
                rule_episode = f"exit:{self.cust_ids[idx]}"
            if rule_episode is not None:
                if rule_episode in used_episodes:
                    continue
                used_episodes.add(rule_episode)
                episode = rule_episode
            created = self._local_ms_of(created_day, rng, 6.0, 7.5)
            tid = uuid7_from(created, rng.getrandbits(74))
            channel = reached = satisfaction = needs = problems = suggestions = None
            cause = measure = note = exit_reason = recorded = recorded_by = None
            reviewer = review = appointment = None
            attempts = 0
            if status is TaskStatus.BOOKED:
                attempts = 1
                appointment = self._local_ms_of(T + int(rnd() * 7), rng, 9, 19)
                note = "已预约回访时间"
            elif status is TaskStatus.OPEN:
                attempts = 1 if rnd() < 0.2 else 0
                note = "第一次未接通" if attempts else None
            elif status is TaskStatus.CANCELLED:
                note = ("客户已销户", "重复任务", "客户要求勿扰", "客户已到站,无需回访")[
                    int(rnd() * 4)
                ]
                recorded = min(
                    self.now_ms - 60_000,
                    self._local_ms_of(max(due_day, ms_local_day(created)), rng),
                )
                recorded_by = assignee
            else:
                recorded = min(
                    self.now_ms - 60_000, self._local_ms_of(due_day + int(rnd() * 2), rng)
                )
                recorded = max(recorded, created + 60_000)
                recorded_by = assignee
                channel = self.c_channel[idx] or "phone"
                if channel == "email" or channel == "visit" and rnd() < 0.5:
                    channel = "phone"
                if status is TaskStatus.UNREACHABLE:
                    attempts, reached = 3, 0
                    note = "三次联系均未接通"
                else:
                    attempts, reached = 1 + int(rnd() < 0.3), 1
                    satisfaction = (
                        5
                        if rnd() < 0.5
                        else 4
                        if rnd() < 0.7
                        else 3
                        if rnd() < 0.6
                        else 2
                        if rnd() < 0.6
                        else 1
                    )
                    if rnd() < 0.4:
                        needs = names.CALLBACK_NEEDS[int(rnd() * len(names.CALLBACK_NEEDS))]
                    if rnd() < 0.35 or satisfaction <= 3:
                        problems = names.CALLBACK_PROBLEMS[
                            int(rnd() * len(names.CALLBACK_PROBLEMS))
                        ]
                    if rnd() < 0.25:
                        suggestions = names.CALLBACK_SUGGESTIONS[
                            int(rnd() * len(names.CALLBACK_SUGGESTIONS))
                        ]
                    if reason in (TaskReason.ABSENCE, TaskReason.VOLUME_DROP):
                        cause = names.ABSENCE_CAUSES[int(rnd() * len(names.ABSENCE_CAUSES))]
                        measure = names.ABSENCE_MEASURES[int(rnd() * len(names.ABSENCE_MEASURES))]
                    if reason is TaskReason.EXIT_SURVEY:
                        exit_reason, cause = names.EXIT_REASONS[
                            int(rnd() * len(names.EXIT_REASONS))
                        ]
                    if rnd() < 0.4:
                        reviewer = self._reviewer(station, assignee)
                        review = names.REVIEW_COMMENTS[int(rnd() * len(names.REVIEW_COMMENTS))]
            updated = max(created, recorded or 0)
            if campaign_id is not None and reason is TaskReason.CAMPAIGN:
                purpose = (
                    f"特定回访:{'油价调整' if campaign_id == campaigns[0][0] else '天气/节日关怀'}"
                )
            tasks.append((
                tid, updated, station.id, self.cust_ids[idx], reason.value, campaign_id, episode,
                purpose, day_date(due_day).isoformat(), appointment, users[assignee].id,
                status.value, attempts, channel, reached, satisfaction, needs, problems,
                suggestions, cause, measure, note, exit_reason, recorded,
                users[recorded_by].id if recorded_by is not None else None,
                users[reviewer].id if reviewer is not None else None, review, None, created,
            ))  # fmt: skip
            made += 1


# --- Entry point -------------------------------------------------------------------------------


def _has_data(path: Path) -> bool:
    db = open_database(path)
    try:
        with db.session() as session:
            for model in (User, Customer, OrgUnit):
                if session.scalar(select(func.count()).select_from(model)):
                    return True
        return False
    finally:
        db.close()


def _secondary_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, CREATE INDEX ...) of every explicit index; the automatic ones stay in place."""
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    ).fetchall()


def generate(
    path: Path,
    customers: int,
    seed: int = 1,
    progress: Progress | None = None,
    today: date | None = None,
    complaints: int | None = None,
) -> DemoSummary:
    """Fill a new database at ``path`` with ``customers`` customers and everything around them.

    ``complaints``: how many complaints to make (default: one per 400 customers, 30 to
    2,500); the benchmarks ask for 200,000.
    Refuses (UserError) a database that already holds users, customers or org units.
    """
    started = time.perf_counter()
    path = Path(path)
    today = today or date.today()
    report: Progress = progress or (lambda done, total, label: None)
    if customers < 0:
        raise ValueError("customers must be 0 or more")  # the CLI checks its input first
    if _has_data(path):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors", "{path} already holds data; give a new file name for the demo database."
            ),
            path=str(path),
        )
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of tuples and no cycles: the collector would only slow us down
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA foreign_keys=OFF")  # checked by the tests instead, row by row is slow
        # 64 MiB: inserts arrive in key order and need little cache; the index builds were
        # measured faster (and 350 MB lighter at 1M customers) than with 256 MiB.
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA temp_store=FILE")
        conn.execute("PRAGMA threads=2")
        conn.execute("BEGIN IMMEDIATE")
        try:
            indexes = _secondary_indexes(conn)
            for name, _sql in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            gen = _Generator(conn, customers, seed, today, report)
            gen.complaints = complaints
            org = gen.write_org()
            gen.write_customers()
            gen.write_visits()
            report(0, 1, "生成回访与投诉")
            callbacks, complaints, steps = gen.write_work()
            report(1, 1, "生成回访与投诉")
            report(0, 1, "建立搜索索引")
            rebuild_index(conn)
            report(1, 1, "建立搜索索引")
            for k, (_name, sql) in enumerate(indexes):
                report(k, len(indexes), "重建索引")
                conn.execute(sql)
            report(len(indexes), len(indexes), "重建索引")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA journal_mode=WAL")  # back to the mode the application uses
    finally:
        conn.close()
        if gc_was_enabled:
            gc.enable()
    counts = gen.writer.counts
    summary = DemoSummary(
        path=path,
        seed=seed,
        today=today,
        org_units=counts.get("org_units", 0),
        areas=len(org.area_ids),
        stations=len(org.stations),
        users=counts.get("users", 0),
        customers=counts.get("customers", 0),
        organisations=gen.organisations,
        vehicles=counts.get("vehicles", 0),
        fuel_cards=counts.get("fuel_cards", 0),
        contacts=counts.get("contacts", 0),
        visits=counts.get("visits", 0),
        callbacks=callbacks,
        complaints=complaints,
        complaint_steps=steps,
        level_changes=counts.get("level_changes", 0),
        owner_changes=counts.get("owner_changes", 0),
        elapsed_seconds=time.perf_counter() - started,
        logins=_logins(org),
    )
    return summary


def _logins(org: _Org) -> list[DemoLogin]:
    codes = {org.company_id: (COMPANY_CODE, COMPANY_NAME)}
    for a, area_id in enumerate(org.area_ids):
        codes[area_id] = (org.area_codes[a], org.area_names[a])
    for st in org.stations:
        codes[st.id] = (st.code, st.name)
    return [DemoLogin(u.login, u.name, u.role, *codes[u.org_id]) for u in org.users if u.active]


__all__ = ["ADMIN_LOGIN", "DEMO_PASSWORD", "DemoLogin", "DemoSummary", "generate"]
