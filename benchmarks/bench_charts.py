"""Charts figures on the demo database, for the whole company.

- chart_first_load: the first pass over every chart, which computes the cached
  per-station aggregates (one GROUP BY over customers, one per unit over the 5M visits
  and one over the big customers' visits, all on covering indexes; the loss spells,
  a window over the visits, on a thread of its own as the tab starts it; small ones);
  in the app it runs in the background, with progress, once: the aggregates are
  saved in the per-user cache folder, and chart_next_session_load is the same pass in
  a later session that reads them from there.
- chart_switch_median / chart_switch_p95: switching to a chart afterwards (what a
  manager does): the indicator rolled up from the cache plus the figure built and
  drawn with Agg at the tab's size. Target 500 ms. chart_switch_cpu_median is the
  CPU time of the same work (wall time on a busy machine includes waiting for a core),
  chart_switch_cpu_p95 its 95th percentile (chart_first_load_cpu: the same for the first
  pass, both threads).
The database is only read.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from benchmarks.run import Context, Figure

ROUNDS = 3


def _chart_times(ctx: Context) -> tuple[float, float, float, list[float], list[float]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from sqlalchemy import func, select

    from desktop_crm.app import freeze_startup_objects
    from desktop_crm.models import OrgUnit, Visit
    from desktop_crm.models.db import open_database
    from desktop_crm.reports import base
    from desktop_crm.reports.figures import CHARTS
    from desktop_crm.reports.scope import months_ending, scope_for

    db = open_database(ctx.db, migrate=False)
    freeze_startup_objects()  # as the app does once its window is up
    try:
        with db.session() as session:
            root = session.scalars(select(OrgUnit).where(OrgUnit.parent_id.is_(None))).first()
            assert root is not None
            scope = scope_for(session, root.id)
            last = session.scalar(select(func.max(Visit.visited_at)))
            today = date.fromtimestamp(last / 1000) if last else date.today()
            period = months_ending(today, 12, today)
            base.invalidate()
            start, start_cpu = time.perf_counter(), time.process_time()
            prefetch = base.prefetch(db.session)  # as the charts tab does when it opens
            for spec in CHARTS.values():
                FigureCanvasAgg(spec.render(session, scope, period)).draw()
            first = time.perf_counter() - start
            prefetch.join()
            first_cpu = time.process_time() - start_cpu  # both threads
            switches, cpu = [], []
            for _ in range(ROUNDS):
                for spec in CHARTS.values():
                    start, start_cpu = time.perf_counter(), time.process_time()
                    FigureCanvasAgg(spec.render(session, scope, period)).draw()
                    switches.append((time.perf_counter() - start) * 1000)
                    cpu.append((time.process_time() - start_cpu) * 1000)
            # The next session on the same database: the aggregates come from the disk cache.
            base._cache.clear()
            start = time.perf_counter()
            for spec in CHARTS.values():
                FigureCanvasAgg(spec.render(session, scope, period)).draw()
            next_session = time.perf_counter() - start
            session.rollback()
    finally:
        db.close()
    return first, first_cpu, next_session, switches, cpu


def figures(ctx: Context) -> list[Figure]:
    first, first_cpu, next_session, switches, cpu = _chart_times(ctx)
    p95 = statistics.quantiles(switches, n=20)[-1]
    return [
        Figure("chart_first_load", first, "s", 30.0),
        Figure("chart_first_load_cpu", first_cpu, "s", 30.0),
        Figure("chart_next_session_load", next_session, "s", 10.0),
        Figure("chart_switch_median", statistics.median(switches), "ms", 500.0),
        Figure("chart_switch_p95", p95, "ms", 500.0),
        # CPU time of the same switches: what they cost without other programs competing.
        Figure("chart_switch_cpu_median", statistics.median(cpu), "ms", 500.0),
        Figure("chart_switch_cpu_p95", statistics.quantiles(cpu, n=20)[-1], "ms", 500.0),
    ]
