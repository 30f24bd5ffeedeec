"""Scale benchmarks: one line per figure, `name value unit target ok|MISS`.

    python benchmarks/run.py [--customers N] [--rebuild] [--only NAME ...]

Builds (or reuses) a demo database of N customers in benchmarks/data/ and measures
each figure against its target. Later features add their figures to FIGURES.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: float
    lower_is_better: bool = True

    @property
    def ok(self) -> bool:
        return self.value <= self.target if self.lower_is_better else self.value >= self.target

    def line(self) -> str:
        op = "<" if self.lower_is_better else ">"
        return (
            f"{self.name} {self.value:.3f} {self.unit} {op}{self.target:g} "
            f"{'ok' if self.ok else 'MISS'}"
        )


@dataclass
class Context:
    customers: int
    db: Path
    rebuild: bool
    demo_seconds: float | None = None  # set when this run generated the database


def _cli() -> list[str]:
    return [sys.executable, "-m", "desktop_crm"]


def ensure_demo(ctx: Context) -> None:
    if ctx.db.exists() and not ctx.rebuild:
        return
    DATA.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{ctx.db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [*_cli(), "demo", "--db", str(ctx.db), "--customers", str(ctx.customers), "--seed", "1"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    ctx.demo_seconds = time.perf_counter() - start


def demo_generation(ctx: Context) -> list[Figure]:
    """Demo data for N customers (target: 1,000,000 in under 5 minutes)."""
    if ctx.demo_seconds is None:
        # The database was reused: build a fresh one beside it to time generation.
        fresh = DATA / f"demo-timing-{ctx.customers}.db"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run(
            [*_cli(), "demo", "--db", str(fresh), "--customers", str(ctx.customers)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - start
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    else:
        seconds = ctx.demo_seconds
    return [Figure("demo_generation", seconds, "s", 300.0)]


def startup(ctx: Context) -> list[Figure]:
    """The app started on the database, main window shown: time and memory."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(HERE / "startup_probe.py"), str(ctx.db)],
            check=True,
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        wall = time.perf_counter() - start
        fields = dict(part.split("=") for part in out.stdout.split())
        runs.append((wall, float(fields["rss_mb"])))
    wall, rss = sorted(runs)[len(runs) // 2]
    return [
        Figure("startup_main_window", wall, "s", 2.0),
        Figure("startup_memory", rss, "MB", 200.0),
    ]


FIGURES: list[Callable[[Context], list[Figure]]] = [demo_generation, startup]


def discover() -> list[Callable[[Context], list[Figure]]]:
    """This file's figures, then `figures(ctx)` of every benchmarks/bench_*.py, by name."""
    import importlib

    found = list(FIGURES)
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(f"benchmarks.{path.stem}")
        found.append(module.figures)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true", help="regenerate the demo database")
    parser.add_argument(
        "--only", nargs="*", help="run only figures whose function or module name contains these"
    )
    args = parser.parse_args(argv)
    ctx = Context(args.customers, DATA / f"demo-{args.customers}.db", args.rebuild)
    ensure_demo(ctx)
    missed = 0
    for figure_fn in discover():
        name = figure_fn.__name__ if figure_fn.__name__ != "figures" else figure_fn.__module__
        if args.only and not any(part in name for part in args.only):
            continue
        for figure in figure_fn(ctx):
            print(figure.line(), flush=True)
            missed += not figure.ok
    return 1 if missed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
