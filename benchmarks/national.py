"""A national deployment: one resolution followed through every province and commune.

    .venv/bin/python -m benchmarks.national [--sizes 0.1,1] [--requests 30] [--database-url URL] [--no-sqlite]

The dataset (bulk_create, seeded): 34 provinces, each with ~40 provincial bodies and ~100 communes
(4,794 reporting units at full size); a resolution with 34 provincial programmes (200 tasks, 20 targets,
each task led by a provincial body with two partners) and a commune plan under each programme (5 tasks led
by every commune, 5 targets); 12 quarterly periods per plan; 85 % of the expected reports present, with
results, difficulties and proposals written in realistic Vietnamese (some mention "người có uy tín").
Size 0.1 is 4 provinces (same provinces, same plans per province): a province's pages must not slow down
because other provinces exist, and national pages must grow no faster than the data.

Measured on PostgreSQL at each size, then on SQLite at province size (one province):
the start page (baseline, same run), the national overview, a programme's dashboard, a commune plan's
dashboard, the resolution's cascade matrix (34 columns), the unit's report list and a review list (there
is no inbox on this branch), search (four queries: phrase, no accents, typo, a unit's view), and a
provincial review report (gather + .docx). Each line: median, p95, queries, ratio of medians to the
baseline; then how each grows from the smallest to the largest size. Goals: pages p95 < 150 ms, search
p95 < 100 ms, review report < 3 s, query counts independent of the number of units.

`make bench` runs this at 0.1 and full size (the full dataset takes about 4 minutes to build here); set
TRIENKHAI_BENCH_NATIONAL=quick for 0.1 only, or =0 to skip it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from benchmarks.databases import fresh_postgres

PAGE_GOAL_MS, SEARCH_GOAL_MS, REPORT_GOAL_S = 150.0, 100.0, 3.0
PROVINCES, BODIES, COMMUNES = 34, 40, 100
PROGRAMME_TASKS, PROGRAMME_TARGETS, COMMUNE_TASKS, COMMUNE_TARGETS = 200, 20, 5, 5
PG_BENCH_DB = "trienkhai_bench_national"
DOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev" / "docs"
SAMPLES = ["001_c9ca5d0d8e180833", "002_89a3dd6ff25e755a", "004_e02ef3f550a5da59"]

PROVINCE_NAMES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau",
    "An Giang",
]
BODY_NAMES = ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
              "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh",
              "Tỉnh đoàn", "Liên đoàn Lao động tỉnh", "Hội Cựu chiến binh tỉnh", "Sở Nội vụ", "Sở Tài chính",
              "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo",
              "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Báo và Phát thanh, Truyền hình tỉnh"]
VERBS = ["Tuyên truyền, phổ biến", "Tổ chức quán triệt", "Nâng cao chất lượng", "Đổi mới nội dung, phương thức",
         "Tăng cường kiểm tra, giám sát", "Phát huy vai trò", "Xây dựng, nhân rộng", "Rà soát, hoàn thiện"]
OBJECTS = ["công tác dân vận trong vùng đồng bào dân tộc thiểu số", "người có uy tín trong đồng bào dân tộc",
           "khối đại đoàn kết toàn dân tộc", "đồng bào tôn giáo", "phong trào thi đua yêu nước",
           "quy chế dân chủ ở cơ sở", "mô hình dân vận khéo", "công tác hòa giải ở cơ sở",
           "chính sách đối với già làng, trưởng bản", "xây dựng nông thôn mới", "an ninh trật tự tại địa bàn",
           "chuyển đổi số trong hệ thống chính trị"]
RESULTS = ["Đã tổ chức {n} hội nghị quán triệt cho {m} cán bộ, đảng viên",
           "Đã gặp mặt, tặng quà {n} người có uy tín trong đồng bào dân tộc thiểu số",
           "Hoàn thành {n}% kế hoạch đề ra, vượt tiến độ", "Đã xây dựng {n} mô hình dân vận khéo",
           "Tổ chức {n} lớp bồi dưỡng cho đồng bào tôn giáo với {m} lượt người tham dự"]
DIFFICULTIES = ["Kinh phí hạn chế, địa bàn rộng, giao thông khó khăn",
                "Một số người có uy tín tuổi cao, sức khỏe yếu", "Cán bộ kiêm nhiệm nhiều việc"]
PROPOSALS = ["Đề nghị bổ sung kinh phí hỗ trợ người có uy tín", "Đề nghị tăng cường tập huấn nghiệp vụ"]


def _sample_drafts() -> list[dict]:
    from trienkhai.plans.parse import parse_file

    return [parse_file(DOCS / f"{name}.txt").to_dict() for name in SAMPLES if (DOCS / f"{name}.txt").exists()]


def build(provinces: int, rnd: random.Random) -> dict:
    """The national dataset in an empty database; returns what the measurements open."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from trienkhai.text.vietnamese import fold
    from trienkhai_web.accounts.models import Membership, Role
    from trienkhai_web.organisations.models import Organisation, OrganisationKind
    from trienkhai_web.plans.models import Plan, PlanItem, PlanLink, PlanStatus, Target, Task, TaskAssignment
    from trienkhai_web.search.index import rebuild
    from trienkhai_web.tracking import services
    from trienkhai_web.tracking.models import IndicatorValue, PartnerContribution, TaskProgress, UnitReport

    timings: dict[str, float] = {}
    start = time.perf_counter()

    def org(name: str, kind: str, parent: Organisation | None = None) -> Organisation:
        return Organisation(name=name, short_name=name[:100], kind=kind, parent=parent, match_key=fold(name))

    central = Organisation.objects.create(**vars_of(org("Ban Chấp hành Trung ương Đảng", OrganisationKind.CENTRAL)))
    central_bdv = Organisation.objects.create(**vars_of(org("Ban Dân vận Trung ương", OrganisationKind.PARTY_COMMISSION,
                                                            central)))
    names = (PROVINCE_NAMES * 2)[:provinces]
    Organisation.objects.bulk_create([org(f"Tỉnh ủy {n}", OrganisationKind.PARTY_COMMITTEE) for n in names])
    province_orgs = list(Organisation.objects.filter(name__startswith="Tỉnh ủy ").order_by("pk"))
    children = []
    for p in province_orgs:
        place = p.name.removeprefix("Tỉnh ủy ")
        children.append(org(f"Ban Dân vận Tỉnh ủy {place}", OrganisationKind.PARTY_COMMISSION, p))
        for i in range(BODIES - 1):
            base = BODY_NAMES[i % len(BODY_NAMES)]
            children.append(org(f"{base} {place}" + (f" ({i // len(BODY_NAMES) + 1})" if i >= len(BODY_NAMES) else ""),
                                OrganisationKind.DEPARTMENT, p))
        for i in range(COMMUNES):
            children.append(org(f"Đảng ủy xã {place} {i + 1:03d}", OrganisationKind.COMMUNE, p))
    Organisation.objects.bulk_create(children, batch_size=2000)
    by_parent: dict[int, list[Organisation]] = {}
    for o in Organisation.objects.filter(parent__in=province_orgs).order_by("pk"):
        by_parent.setdefault(o.parent_id, []).append(o)
    timings["organisations"] = time.perf_counter() - start

    drafts = _sample_drafts()
    resolution = Plan.objects.create(status=PlanStatus.PUBLISHED, kind="nghi_quyet", number="43-NQ/TW",
                                     ref_id="43-NQ/TW", title="Về tiếp tục phát huy truyền thống, sức mạnh đại đoàn "
                                     "kết toàn dân tộc", issuer=central, monitoring_body=central_bdv,
                                     issued_on=date(2023, 11, 24))
    programmes, commune_plans = [], []
    for n, p in enumerate(province_orgs):
        place = p.name.removeprefix("Tỉnh ủy ")
        bdv = by_parent[p.pk][0]
        draft = json.loads(json.dumps(drafts[n % len(drafts)])) if drafts else None
        if draft:
            draft.setdefault("document", {})["province"] = place
        programmes.append(Plan(status=PlanStatus.PUBLISHED, kind="chuong_trinh_hanh_dong", number=f"{n + 10}-CTr/TU",
                               ref_id=f"{n + 10}-CTr/TU:{place}", title=f"Chương trình hành động của Tỉnh ủy {place} "
                               "thực hiện Nghị quyết số 43-NQ/TW", issuer=p, issuer_name=p.name, monitoring_body=bdv,
                               issued_on=date(2024, 1, 1) + timedelta(days=n), draft=draft,
                               source_text=f"Chương trình hành động thực hiện Nghị quyết 43 tại {place}"))
        commune_plans.append(Plan(status=PlanStatus.PUBLISHED, kind="ke_hoach", number=f"{n + 10}-KH/TU",
                                  ref_id=f"{n + 10}-KH/TU:{place}", title=f"Kế hoạch triển khai ở cấp xã tỉnh {place}",
                                  issuer=p, issuer_name=p.name, monitoring_body=bdv, issued_on=date(2024, 3, 1)))
    Plan.objects.bulk_create(programmes + commune_plans)
    programmes = list(Plan.objects.filter(kind="chuong_trinh_hanh_dong").order_by("pk"))
    commune_plans = list(Plan.objects.filter(kind="ke_hoach", number__endswith="-KH/TU").order_by("pk"))
    PlanLink.objects.bulk_create([PlanLink(parent=resolution, child=c) for c in programmes]
                                 + [PlanLink(parent=a, child=b) for a, b in zip(programmes, commune_plans, strict=True)])

    items, tasks, targets = [], [], []
    for plan in programmes + commune_plans:
        for i in range(5):
            items.append(PlanItem(plan=plan, path=f"III.{i + 1}", number=str(i + 1), order=i,
                                  title=f"{VERBS[i]} {OBJECTS[i]}", text=f"{VERBS[i + 1]} {OBJECTS[(i * 5) % 12]}."))
    PlanItem.objects.bulk_create(items, batch_size=2000)
    parts: dict[int, list[PlanItem]] = {}
    for item in PlanItem.objects.order_by("order"):
        parts.setdefault(item.plan_id, []).append(item)
    for plan in programmes + commune_plans:
        count, n_targets = (PROGRAMME_TASKS, PROGRAMME_TARGETS) if plan in programmes else (COMMUNE_TASKS,
                                                                                            COMMUNE_TARGETS)
        for i in range(count):
            tasks.append(Task(plan=plan, item=parts[plan.pk][i % 5], no=str(i + 1), order=i,
                              content=f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)}", timeframe="Hằng năm",
                              due_date=date(2024, 1, 1) + timedelta(days=3 * i)))
        for i in range(n_targets):
            targets.append(Target(plan=plan, subject=f"Tỷ lệ {rnd.choice(OBJECTS)} đạt yêu cầu ({i + 1})",
                                  direction="đạt", value_low=Decimal(90), unit="%", order=i))
    Task.objects.bulk_create(tasks, batch_size=2000)
    Target.objects.bulk_create(targets, batch_size=2000)
    assignments = list(Task.objects.values_list("plan_id", "pk").order_by("pk"))
    plan_province = {p.pk: p.issuer_id for p in programmes + commune_plans}
    is_programme = {p.pk for p in programmes}
    rows = []
    for plan_id, task_id in assignments:
        units = by_parent[plan_province[plan_id]]
        if plan_id in is_programme:
            bodies = units[1:BODIES]
            lead = rnd.choice(bodies[:15])
            rows.append(TaskAssignment(task_id=task_id, organisation=lead, role="lead"))
            for partner in rnd.sample(bodies, 2):
                if partner != lead:
                    rows.append(TaskAssignment(task_id=task_id, organisation=partner, role="partner"))
        else:
            rows += [TaskAssignment(task_id=task_id, organisation=c, role="lead") for c in units[BODIES:]]
    TaskAssignment.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    timings["plans"] = time.perf_counter() - start - sum(timings.values())

    for plan in [resolution, *programmes, *commune_plans]:
        services.save_schedule(None, plan, version=0, starts_on=date(2023, 1, 1), ends_on=date(2025, 12, 31),
                               quarterly=True, half_yearly=False, yearly=False)
    timings["schedules"] = time.perf_counter() - start - sum(timings.values())

    from trienkhai_web.tracking.models import ReportingPeriod

    periods: dict[int, list] = {}
    for period in ReportingPeriod.objects.order_by("unit_deadline"):
        periods.setdefault(period.plan_id, []).append(period)
    leads: dict[int, list[tuple[int, int]]] = {}  # plan → (task, org) of lead assignments
    partners: dict[int, list[tuple[int, int]]] = {}
    for plan_id, task_id, org_id, role in TaskAssignment.objects.values_list("task__plan_id", "task_id",
                                                                             "organisation_id", "role").iterator():
        (leads if role == "lead" else partners).setdefault(plan_id, []).append((task_id, org_id))
    reports = []
    for plan in programmes + commune_plans:
        expected = sorted({o for _, o in leads.get(plan.pk, [])} | {o for _, o in partners.get(plan.pk, [])})
        for period in periods[plan.pk]:
            for org_id in expected:
                if rnd.random() < 0.85:
                    at = timezone.make_aware(datetime.combine(period.unit_deadline, datetime.min.time())) \
                        + timedelta(days=rnd.randint(-3, 4))
                    reports.append(UnitReport(period=period, organisation_id=org_id, status=rnd.choice(
                        ["accepted", "accepted", "submitted", "returned"]), first_submitted_at=at, submitted_at=at))
    UnitReport.objects.bulk_create(reports, batch_size=5000)
    by_key = {(p, o): r for r, p, o in UnitReport.objects.values_list("pk", "period_id", "organisation_id").iterator()}
    progress, contributions, values = [], [], []
    statuses = ["chua_trien_khai", "dang_trien_khai", "hoan_thanh", "cham_tien_do"]
    target_ids: dict[int, list[int]] = {}
    for plan_id, target_id in Target.objects.values_list("plan_id", "pk"):
        target_ids.setdefault(plan_id, []).append(target_id)
    for plan in programmes + commune_plans:
        for period in periods[plan.pk]:
            for task_id, org_id in leads.get(plan.pk, []):
                report_id = by_key.get((period.pk, org_id))
                if report_id is None:
                    continue
                written = rnd.random() < 0.3
                progress.append(TaskProgress(
                    report_id=report_id, task_id=task_id, status=rnd.choice(statuses),
                    results=rnd.choice(RESULTS).format(n=rnd.randint(2, 90), m=rnd.randint(50, 900)) if written else "",
                    difficulties=rnd.choice(DIFFICULTIES) if written and rnd.random() < 0.4 else "",
                    proposals=rnd.choice(PROPOSALS) if written and rnd.random() < 0.2 else ""))
            for task_id, org_id in partners.get(plan.pk, []):
                report_id = by_key.get((period.pk, org_id))
                if report_id is not None:
                    contributions.append(PartnerContribution(report_id=report_id, task_id=task_id, text="Phối hợp"))
            reporting = sorted({o for _, o in leads.get(plan.pk, [])})[:10]
            for org_id in reporting:
                report_id = by_key.get((period.pk, org_id))
                if report_id:
                    values += [IndicatorValue(report_id=report_id, target_id=t, value=Decimal(rnd.randint(80, 100)))
                               for t in target_ids[plan.pk]]
        if len(progress) > 50000:
            TaskProgress.objects.bulk_create(progress, batch_size=5000, ignore_conflicts=True)
            progress = []
    TaskProgress.objects.bulk_create(progress, batch_size=5000, ignore_conflicts=True)
    PartnerContribution.objects.bulk_create(contributions, batch_size=5000, ignore_conflicts=True)
    IndicatorValue.objects.bulk_create(values, batch_size=5000)
    timings["reports"] = time.perf_counter() - start - sum(timings.values())
    indexed = rebuild()
    timings["search index"] = time.perf_counter() - start - sum(timings.values())
    from django.db import connection

    with connection.cursor() as cursor:  # what autovacuum does after a bulk load, before anyone searches
        cursor.execute("ANALYZE")

    User = get_user_model()

    def user(name: str, role: str, organisation: Organisation | None) -> object:
        u = User.objects.create(username=name)
        Membership.objects.create(user=u, role=role, organisation=organisation)
        return u

    programme = programmes[0]
    commune_plan = commune_plans[0]
    busiest_body = max(by_parent[programme.issuer_id][1:BODIES],
                       key=lambda o: sum(1 for _, org_id in leads[programme.pk] if org_id == o.pk))
    commune = by_parent[programme.issuer_id][BODIES]
    counts = {"units": sum(len(v) for v in by_parent.values()), "plans": 1 + 2 * len(programmes),
              "tasks": len(tasks), "reports": len(reports), "task entries": TaskProgress.objects.count(),
              "contributions": len(contributions), "indicator values": len(values), "search rows": indexed}
    return {
        "counts": counts, "timings": timings, "resolution": resolution, "programme": programme,
        "commune_plan": commune_plan, "period": periods[programme.pk][-1], "commune_period": periods[commune_plan.pk][-1],
        "central": user("bench_central", Role.MONITOR, central_bdv),
        "province": user("bench_province", Role.MONITOR, by_parent[programme.issuer_id][0]),
        "body": user("bench_body", Role.UNIT_REPORTER, busiest_body),
        "commune": user("bench_commune", Role.UNIT_HEAD, commune),
    }


def vars_of(o: object) -> dict:
    return {k: v for k, v in vars(o).items() if not k.startswith("_") and k != "id"}


def _time(fn, n: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    fn()  # warm-up
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        fn()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(0.95 * len(samples)) - 1)], len(ctx.captured_queries)


def _page(client, url: str):  # type: ignore[no-untyped-def]
    def get() -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return get


def _measure(provinces: int, n: int) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    logging.getLogger("axes").setLevel(logging.WARNING)  # force_login would log every sign-in
    call_command("migrate", interactive=False, verbosity=0)
    start = time.perf_counter()
    world = build(provinces, random.Random(42))
    built = time.perf_counter() - start
    counts = ", ".join(f"{v:,} {k}" for k, v in world["counts"].items())
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in world["timings"].items())
    print(f"dataset: {provinces} provinces: {counts}")
    print(f"built in {built:.1f} s ({steps})")
    sys.stdout.flush()

    figures: dict[str, dict[str, float]] = {}

    def client_for(user) -> Client:  # type: ignore[no-untyped-def]
        c = Client()
        c.force_login(user)
        return c

    central, province, body = (client_for(world[k]) for k in ("central", "province", "body"))
    base_median, base_p95, base_q = _time(_page(central, "/"), n)
    figures["baseline"] = {"median": base_median, "p95": base_p95, "queries": base_q}
    print(f"{'baseline (start page)':<34} median {base_median:7.1f} ms  p95 {base_p95:7.1f} ms  queries {base_q:3d}")
    programme, commune_plan, resolution = world["programme"], world["commune_plan"], world["resolution"]
    cold = time.perf_counter()
    central.get(f"/ke-hoach/{resolution.pk}/tiep-thu/")
    print(f"(cascade matrix, cold cache: {time.perf_counter() - cold:.1f} s for {provinces - 1} comparisons; "
          "then cached per plan version)")
    pages = [
        ("national overview", central, "/theo-doi/"),
        ("programme dashboard", province, f"/theo-doi/ke-hoach/{programme.pk}/?period={world['period'].pk}"),
        ("commune plan dashboard", province,
         f"/theo-doi/ke-hoach/{commune_plan.pk}/?period={world['commune_period'].pk}"),
        ("cascade matrix (resolution)", central, f"/ke-hoach/{resolution.pk}/tiep-thu/"),
        ("unit's report list", body, "/theo-doi/bao-cao-don-vi/"),
        ("review list (programme)", province, f"/theo-doi/ke-hoach/{programme.pk}/duyet/?period={world['period'].pk}"),
    ]
    failed = 0

    def line(name: str, median: float, p95: float, queries: int, goal: float) -> None:
        nonlocal failed
        ok = p95 < goal
        failed += not ok
        figures[name] = {"median": median, "p95": p95, "queries": queries}
        print(f"{name:<34} median {median:7.1f} ms  p95 {p95:7.1f} ms  queries {queries:3d}  "
              f"×{median / base_median:5.1f} baseline  {'OK' if ok else 'ABOVE GOAL'} (p95 < {goal:.0f} ms)")
        sys.stdout.flush()

    for name, client, url in pages:
        line(name, *_time(_page(client, url), n), PAGE_GOAL_MS)
    from trienkhai_web.search.queries import search

    for name, user, query in [("search: phrase", world["central"], "người có uy tín"),
                              ("search: no accents", world["central"], "dong bao ton giao"),
                              ("search: typo", world["central"], "nguoii co uy tin"),
                              ("search: as a unit", world["body"], "nguoi co uy tin"),
                              ("search page (unit)", None, "nguoi co uy tin")]:
        if user is None:
            line(name, *_time(_page(body, f"/tim-kiem/?q={query.replace(' ', '+')}"), n), SEARCH_GOAL_MS)
        else:
            line(name, *_time(lambda u=user, q=query: search(u, q), n), SEARCH_GOAL_MS)
    from trienkhai.reports.docx_writer import build_docx
    from trienkhai_web.reports.queries import build_report_data

    runs = []
    for _ in range(3):
        start = time.perf_counter()
        build_docx(build_report_data(programme, world["period"]))
        runs.append(time.perf_counter() - start)
    report_s = statistics.median(runs)
    ok = report_s < REPORT_GOAL_S
    failed += not ok
    figures["review report"] = {"seconds": report_s}
    print(f"{'provincial review report (.docx)':<34} median {report_s:7.2f} s  {'OK' if ok else 'ABOVE GOAL'} "
          f"(< {REPORT_GOAL_S:.0f} s, gather + write, 3 runs)")
    out = os.environ.get("TRIENKHAI_BENCH_FIGURES")
    if out:
        Path(out).write_text(json.dumps(figures))
    return 1 if failed else 0


def _growth(small: dict, large: dict, label: str) -> None:
    print(f"-- growth {label}")
    for name, a in small.items():
        b = large.get(name)
        if not b or name == "baseline":
            continue
        if "seconds" in a:
            print(f"{name:<34} {a['seconds']:6.2f} s → {b['seconds']:6.2f} s  ×{b['seconds'] / a['seconds']:.2f}")
            continue
        rel_a = a["median"] / small["baseline"]["median"]
        rel_b = b["median"] / large["baseline"]["median"]
        print(f"{name:<34} median ×{b['median'] / a['median']:5.2f}  (×{rel_a:4.1f} → ×{rel_b:4.1f} baseline)  "
              f"queries {a['queries']:3.0f} → {b['queries']:3.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=None, help="fractions of the national size, e.g. 0.1,1")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database-url", help="the PostgreSQL database to use (dropped and created anew for each size)")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the province-size run on SQLite")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if args.child:
        return _measure(args.child, args.requests)
    mode = os.environ.get("TRIENKHAI_BENCH_NATIONAL", "full")
    if mode == "0":
        print("skipped (TRIENKHAI_BENCH_NATIONAL=0)")
        return 0
    sizes = [float(s) for s in (args.sizes or ("0.1" if mode == "quick" else "0.1,1")).split(",")]
    failed = 0
    figures: list[tuple[int, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        runs: list[tuple[str, str, int]] = []
        name = args.database_url.rsplit("/", 1)[-1] if args.database_url else PG_BENCH_DB
        if fresh_postgres(name):
            runs += [("PostgreSQL", name, max(1, round(PROVINCES * size))) for size in sizes]
        if not args.no_sqlite:
            runs.append(("SQLite", f"sqlite:///{tmp}/national.sqlite3", 1))
        for label, url, provinces in runs:
            if label == "PostgreSQL":
                url = fresh_postgres(url) or url  # each size in a fresh database
            print(f"-- {label}, {provinces} province{'s' if provinces > 1 else ''}")
            sys.stdout.flush()
            out = Path(tmp) / f"figures-{label}-{provinces}.json"
            env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="trienkhai_web.settings",
                       MEDIA_ROOT=tmp, TRIENKHAI_BENCH_FIGURES=str(out))
            failed += subprocess.call([sys.executable, "-m", "benchmarks.national", "--child", str(provinces),
                                       "--requests", str(args.requests)], env=env) != 0
            if label == "PostgreSQL" and out.exists():
                figures.append((provinces, json.loads(out.read_text())))
        if len(figures) > 1:
            _growth(figures[0][1], figures[-1][1], f"on PostgreSQL from {figures[0][0]} to {figures[-1][0]} provinces "
                    f"(data ×{figures[-1][0] / figures[0][0]:.1f})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
