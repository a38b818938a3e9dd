"""Dashboard and unit-page latency on a province-sized dataset (1,000 units, 200 tasks, 20 indicators,
12 periods) in a fresh database, on SQLite and — when reachable — PostgreSQL.

    .venv/bin/python -m benchmarks.dashboard [--database-url URL] [--requests 30]

Prints median and p95 over the requests (Django's test Client) and the queries per page; goal p95 < 150 ms.
"dashboard" counts accepted reports only (the default); "dashboard+" includes submitted ones.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

from benchmarks.databases import fresh_postgres

GOAL_MS = 150.0
UNITS, TASKS, TARGETS = 1000, 200, 20
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "trienkhai_bench_dashboard"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="measure only this database (must be empty)")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if args.child:
        return _measure(args.requests)
    urls = [args.database_url] if args.database_url else []
    tmp = None
    if not urls:
        tmp = tempfile.TemporaryDirectory()
        urls.append(f"sqlite:///{tmp.name}/bench.sqlite3")
        pg = fresh_postgres(PG_BENCH_DB)
        if pg:
            urls.append(pg)
    failed = 0
    for url in urls:
        print(f"-- {url.split('@')[-1] if '@' in url else 'SQLite'}")
        sys.stdout.flush()
        env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="trienkhai_web.settings",
                   MEDIA_ROOT=tempfile.gettempdir())
        failed += subprocess.call([sys.executable, "-m", "benchmarks.dashboard", "--child",
                                   "--requests", str(args.requests)], env=env)
    if tmp:
        tmp.cleanup()
    return 1 if failed else 0


def _build() -> tuple[object, object, object, object]:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from trienkhai_web.accounts.models import Membership, Role
    from trienkhai_web.organisations.models import Organisation
    from trienkhai_web.plans.models import Plan, PlanItem, PlanStatus, Target, Task, TaskAssignment
    from trienkhai_web.tracking import services
    from trienkhai_web.tracking.models import IndicatorValue, PartnerContribution, TaskProgress, UnitReport

    rnd = random.Random(42)
    province = Organisation.objects.create(name="Tỉnh ủy", match_key="tinh uy")
    monitor_org = Organisation.objects.create(name="Ban Dân vận Tỉnh ủy", match_key="ban dan van tinh uy",
                                              parent=province)
    Organisation.objects.bulk_create([Organisation(name=f"Đơn vị {i:04d}", match_key=f"don vi {i:04d}",
                                                   parent=province) for i in range(UNITS)])
    units = list(Organisation.objects.filter(name__startswith="Đơn vị").order_by("pk"))
    plan = Plan.objects.create(status=PlanStatus.PUBLISHED, title="Kế hoạch thử tải", number="1-KH/TU",
                               monitoring_body=monitor_org)
    PlanItem.objects.bulk_create([PlanItem(plan=plan, path=str(i), title=f"Phần {i}", order=i) for i in range(5)])
    parts = list(plan.items.all())
    Task.objects.bulk_create([Task(plan=plan, item=parts[i % 5], no=str(i + 1), content=f"Nhiệm vụ {i + 1}",
                                   order=i, due_date=date(2024, 1, 1) + timedelta(days=5 * i)) for i in range(TASKS)])
    tasks = list(plan.tasks.order_by("order"))
    lead_units = units[:150]  # a few units lead several tasks, as in real plans
    assignments, leads = [], {}
    for task in tasks:
        lead = rnd.choice(lead_units)
        leads[task.pk] = lead
        assignments.append(TaskAssignment(task=task, organisation=lead, role="lead"))
        for partner in rnd.sample(units, 5):
            if partner != lead:
                assignments.append(TaskAssignment(task=task, organisation=partner, role="partner"))
    TaskAssignment.objects.bulk_create(assignments, ignore_conflicts=True)
    Target.objects.bulk_create([Target(plan=plan, subject=f"Chỉ tiêu {i}", direction="đạt", value_low=Decimal(90),
                                       unit="%", order=i) for i in range(TARGETS)])
    targets = list(plan.targets.all())
    services.save_schedule(None, plan, version=0, starts_on=date(2023, 1, 1), ends_on=date(2025, 12, 31), quarterly=True,
                           half_yearly=False, yearly=False)
    periods = list(plan.reporting_periods.order_by("unit_deadline"))
    assert len(periods) == 12
    expected = sorted({a.organisation_id for a in assignments})
    reports = []
    for period in periods:
        for org_id in expected:
            if rnd.random() < 0.85:
                at = timezone.make_aware(datetime.combine(period.unit_deadline, datetime.min.time())) \
                    + timedelta(days=rnd.randint(-3, 4))
                reports.append(UnitReport(period=period, organisation_id=org_id, status=rnd.choice(
                    ["accepted", "accepted", "submitted", "returned"]), first_submitted_at=at, submitted_at=at))
    UnitReport.objects.bulk_create(reports, batch_size=2000)
    by_key = {(r.period_id, r.organisation_id): r.pk for r in UnitReport.objects.only("pk", "period_id",
                                                                                          "organisation_id")}
    progress, contributions, values = [], [], []
    statuses = ["chua_trien_khai", "dang_trien_khai", "hoan_thanh", "cham_tien_do"]
    for period in periods:
        for a in assignments:
            report_id = by_key.get((period.pk, a.organisation_id))
            if report_id is None:
                continue
            if a.role == "lead":
                progress.append(TaskProgress(report_id=report_id, task_id=a.task_id, status=rnd.choice(statuses),
                                             results="Kết quả", explanation="Giải trình"))
            else:
                contributions.append(PartnerContribution(report_id=report_id, task_id=a.task_id, text="Phối hợp"))
        for org_id in expected[:50]:
            report_id = by_key.get((period.pk, org_id))
            if report_id:
                values += [IndicatorValue(report_id=report_id, target=t, value=Decimal(rnd.randint(80, 100)))
                           for t in targets]
    TaskProgress.objects.bulk_create(progress, batch_size=2000, ignore_conflicts=True)
    PartnerContribution.objects.bulk_create(contributions, batch_size=2000, ignore_conflicts=True)
    IndicatorValue.objects.bulk_create(values, batch_size=2000)
    User = get_user_model()
    monitor = User.objects.create(username="bench_monitor")
    Membership.objects.create(user=monitor, role=Role.MONITOR, organisation=monitor_org)
    busiest = max(lead_units, key=lambda u: sum(1 for v in leads.values() if v == u))
    reporter = User.objects.create(username="bench_reporter")
    Membership.objects.create(user=reporter, role=Role.UNIT_REPORTER, organisation=busiest)
    report = UnitReport.objects.get(period=periods[-1], organisation=busiest) if (periods[-1].pk, busiest.pk) in \
        by_key else services.open_report(periods[-1], busiest)
    print(f"dataset: {len(units)} units, {len(tasks)} tasks, {len(targets)} indicators, {len(periods)} periods, "
          f"{len(reports)} reports, {len(progress)} task entries, {len(contributions)} contributions, "
          f"{len(values)} indicator values; unit page unit leads "
          f"{sum(1 for v in leads.values() if v == busiest)} tasks")
    return plan, periods[-1], (monitor, reporter), report


def _time(client, url: str, n: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: template loading, session
    reset_queries()  # with DEBUG on, the build filled the (bounded) query log: counting needs room
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(0.95 * len(samples)) - 1)], len(ctx.captured_queries)


def _measure(n: int) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)
    start = time.perf_counter()
    plan, period, (monitor, reporter), report = _build()
    print(f"built in {time.perf_counter() - start:.1f} s")
    failed = 0
    # Baseline in the same run: the start page (one small query set, the same template stack), so a
    # noisy machine shows up in both figures and the ratio stays comparable between runs.
    client = Client()
    client.force_login(monitor)
    base_median, base_p95, base_queries = _time(client, "/", n)
    print(f"{'baseline':<10} median {base_median:6.1f} ms  p95 {base_p95:6.1f} ms  queries {base_queries:3d}"
          "  (start page)")
    for name, user, url in [
        ("dashboard", monitor, f"/theo-doi/ke-hoach/{plan.pk}/?period={period.pk}"),
        ("dashboard+", monitor, f"/theo-doi/ke-hoach/{plan.pk}/?period={period.pk}&data=submitted"),
        ("unit page", reporter, f"/theo-doi/bao-cao/{report.pk}/"),
    ]:
        client = Client()
        client.force_login(user)
        median, p95, queries = _time(client, url, n)
        ok = p95 < GOAL_MS
        failed += not ok
        print(f"{name:<10} median {median:6.1f} ms  p95 {p95:6.1f} ms  queries {queries:3d}  "
              f"×{median / base_median:4.1f} baseline  "
              f"{'OK' if ok else 'ABOVE GOAL'} (goal p95 < {GOAL_MS:.0f} ms, n={n})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
