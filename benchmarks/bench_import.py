"""Customer import speed: a realistic 100,000-row CSV (some rows invalid) into a fresh
database with the demo org tree (target: at least 20,000 rows a second, validation,
matching, writing and the search index included). The median of three runs, each in a
cold process: a machine shared with others slows single runs by a fifth at times."""

from __future__ import annotations

import csv
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from random import Random

from benchmarks.run import DATA, ROOT, Context, Figure

ROWS = 100_000
TARGET_ROWS_PER_SECOND = 20_000
RUNS = 3  # each in a fresh process, on a fresh copy of the store: the median is reported
HEADERS = ["客户名称", "客户类型", "手机", "车牌号", "车型", "加油卡号", "证件号码", "工作单位",
           "地址", "客户等级", "站点代码", "标签", "备注"]  # fmt: skip


def _id_card(rng: Random, region: str) -> str:
    from desktop_crm.services.validation import id_card_check_digit

    born = f"{rng.randint(1955, 2003)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 = f"{region}{born}{rng.randint(0, 999):03d}"
    return first17 + id_card_check_digit(first17)


def _uscc(rng: Random) -> str:
    from desktop_crm.services.validation import USCC_CHARSET, uscc_check_char

    body = "9113" + "".join(rng.choice("0123456789") for _ in range(4))
    body += "".join(rng.choice(USCC_CHARSET[:10] + "ABCDEFGH") for _ in range(9))
    return body + uscc_check_char(body)


def write_customer_csv(path: Path, rows: int, stations: list[str], seed: int = 7) -> int:
    """A customer list as a branch office would export it; returns the invalid rows made."""
    from desktop_crm.services.demo import names
    from desktop_crm.services.validation import PLATE_LETTERS

    rng = Random(seed)
    city = names.CITIES[0]
    invalid = 0
    used_plates: set[str] = set()
    used_ids: set[str] = set()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["2025年客户名单"])
        writer.writerow(HEADERS)
        for k in range(rows):
            org = rng.random() < 0.15
            plate_only = not org and rng.random() < 0.2
            name = kind = phone = card = ident = employer = address = level = ""
            if org:
                name, kind = names.company_name(rng, city).name, "单位"
            elif not plate_only:
                name, kind = names.person_name(rng).name, "个人"
            if not plate_only and rng.random() < 0.85:
                phone = f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}"
                if rng.random() < 0.1:  # typed with spaces or +86
                    phone = rng.choice([f"+86 {phone}", f"{phone[:3]} {phone[3:7]} {phone[7:]}"])
            while True:
                plate = city.plate + "".join(rng.choice(PLATE_LETTERS + "0123456789" * 3)
                                             for _ in range(5))  # fmt: skip
                if plate not in used_plates:
                    used_plates.add(plate)
                    break
            if rng.random() < 0.1:
                plate = plate[:2].lower() + "·" + plate[2:]
            if rng.random() < 0.4:
                card = f"1000113{k:012d}"
            if org and rng.random() < 0.6:
                ident = _uscc(rng)
            elif not org and not plate_only and rng.random() < 0.3:
                ident = _id_card(rng, "130102")
            if ident in used_ids:  # one person, one ID number
                ident = ""
            used_ids.add(ident)
            if not org and not plate_only and rng.random() < 0.5:
                employer = names.company_name(rng, city).name
            if not plate_only and rng.random() < 0.6:
                address = f"{city.name}市{rng.choice(city.places)}{rng.randint(1, 300)}号"
            if rng.random() < 0.7:
                level = rng.choice(["VIP", "A", "B", "C", "D", "a级"])
            if rng.random() < 0.01:  # typing mistakes the import must report
                invalid += 1
                phone, plate = "1381234", plate
            writer.writerow([name, kind, phone, plate, rng.choice(["", "大众朗逸", "丰田卡罗拉"]),
                             card, ident, employer, address, level, rng.choice(stations),
                             rng.choice(["", "", "重点", "潜力"]), ""])  # fmt: skip
    return invalid


def import_once(base: Path, csv_path: Path, invalid: int) -> float:
    """Seconds to import the file into a fresh copy of ``base``, in this process."""
    from sqlalchemy import select

    from desktop_crm.models import Role, User
    from desktop_crm.models.db import open_database
    from desktop_crm.services.importing import import_customers

    db_path = base.with_name(f"{base.stem}-run.db")
    _remove(db_path)
    shutil.copyfile(base, db_path)
    db = open_database(db_path)
    try:
        with db.session() as s:
            admin = s.scalars(select(User).where(User.role == Role.COMPANY_ADMIN)).first()
        start = time.perf_counter()
        with db.sessions.begin() as s:
            result = import_customers(s, csv_path, admin)
        seconds = time.perf_counter() - start
        assert len(result.errors) == invalid, (len(result.errors), invalid)
        assert result.valid_rows == ROWS - invalid
    finally:
        db.close()
        _remove(db_path)
    return seconds


def _remove(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def figures(ctx: Context) -> list[Figure]:
    from sqlalchemy import select

    from desktop_crm.models import OrgKind, OrgUnit
    from desktop_crm.models.db import open_database
    from desktop_crm.services.demo import generate

    DATA.mkdir(parents=True, exist_ok=True)
    base = DATA / "import-bench.db"
    csv_path = DATA / f"import-bench-{ROWS}.csv"
    _remove(base)
    generate(base, customers=0)
    db = open_database(base)
    try:
        with db.session() as s:
            stations = list(s.scalars(select(OrgUnit.code).where(OrgUnit.kind == OrgKind.STATION)))
    finally:
        db.close()
    invalid = write_customer_csv(csv_path, ROWS, stations)
    try:
        rates = []
        for _ in range(RUNS):  # a cold process each time: no pinyin or name cached
            # A failing run's traceback goes to this process's stderr.
            command = [sys.executable, "-m", "benchmarks.bench_import"]
            out = subprocess.run(
                [*command, str(base), str(csv_path), str(invalid)],
                stdout=subprocess.PIPE, text=True, cwd=ROOT,
            )  # fmt: skip
            if out.returncode != 0:
                raise RuntimeError(f"the import run failed (exit status {out.returncode})")
            last = out.stdout.strip().splitlines()[-1]
            rates.append(ROWS / float(last.removeprefix("seconds=")))
    finally:
        _remove(base)
    print(f"# import_customers_rate of each run: {', '.join(f'{r:,.0f}' for r in rates)} rows/s")
    return [
        Figure("import_customers_rate", statistics.median(rates), "rows/s",
               TARGET_ROWS_PER_SECOND, lower_is_better=False),
    ]  # fmt: skip


if __name__ == "__main__":  # one run, for figures(): base store, file, invalid rows
    print(f"seconds={import_once(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))}")
