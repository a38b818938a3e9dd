"""Load on the production set-up: gunicorn (2 workers, DEBUG off) on 127.0.0.1, the demo data, closed-loop
users for a bounded time, on SQLite and — when reachable — PostgreSQL.

    .venv/bin/python -m benchmarks.load [--users 10 30] [--seconds 20] [--database-url URL]

The mix is the one a probe of a real deployment used: a fifth of the users read dashboards, the others
are unit reporters who open their report and autosave results. Each user logs in once, then loops until
the time is up (each request waits for the previous one: a closed loop). Printed per database and user
count: requests per second, p50 / p95 / p99 latency, errors (any status but 200, 302 and the expected 409
of a lost race on one field), and lost saves (an acknowledged autosave whose value is not in the database
afterwards). The start page is measured the same way with one user first, as the baseline.
Goal: p95 under 300 ms at 30 users on PostgreSQL with 0 errors and 0 lost saves. All traffic stays on
127.0.0.1; every loop is bounded in time and stops by itself.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.databases import fresh_postgres

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GOAL_P95_MS = 300.0
PG_BENCH_DB = "trienkhai_bench_load"
PASSWORD = "tai-benchmark-2026"
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_VERSION = re.compile(r'id="report-version" value="(\d+)"')


@dataclass
class Sample:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    acked: dict[tuple[int, int], str] = field(default_factory=dict)  # (report, task) → last saved text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(database_url: str, var: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(DATABASE_URL=database_url, SECRET_KEY=secrets.token_urlsafe(40), DEBUG="0",
               ALLOWED_HOSTS="127.0.0.1", TRIENKHAI_VAR=str(var), PYTHONPATH=str(ROOT / "src"),
               DJANGO_SETTINGS_MODULE="trienkhai_web.settings", LOG_LEVEL="WARNING",
               LOGIN_FAILURE_LIMIT="1000")
    return env


_PREPARE = r"""
import json, django
django.setup()
from django.contrib.auth import get_user_model
from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import AssignmentRole, Plan, PlanStatus, TaskAssignment
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import EDITABLE_STATUSES, ReportingPeriod

User = get_user_model()


def person(username, role, organisation_id):
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.get_or_create(user=user, role=role, organisation_id=organisation_id)
    return user


readers = [{"username": person(f"doc{i}", Role.LEADER, None).username, "url": f"/theo-doi/ke-hoach/{plan.pk}/"}
           for i, plan in enumerate(Plan.objects.filter(status=PlanStatus.PUBLISHED).order_by("pk"))]
reporters = []
for period in ReportingPeriod.objects.order_by("-end"):
    leads = {}
    for org_id, task_id in TaskAssignment.objects.filter(task__plan=period.plan, role=AssignmentRole.LEAD) \
            .values_list("organisation_id", "task_id"):
        leads.setdefault(org_id, []).append(task_id)
    for org_id, task_ids in sorted(leads.items()):
        report = services.open_report(period, Organisation.objects.get(pk=org_id))
        if report.status in EDITABLE_STATUSES:
            user = person(f"bc{len(reporters)}", Role.UNIT_REPORTER, org_id)
            reporters.append({"username": user.username, "report": report.pk, "tasks": task_ids[:5]})
    if len(reporters) >= 40:
        break
print(json.dumps({"readers": readers, "reporters": reporters}))
""".replace("PASSWORD", repr(PASSWORD))

_VERIFY = r"""
import json, sys, django
django.setup()
from trienkhai_web.tracking.models import TaskProgress

acked = json.loads(sys.stdin.read())
lost = 0
for key, text in acked.items():
    report, task = map(int, key.split(":"))
    row = TaskProgress.objects.filter(report_id=report, task_id=task).first()
    lost += (row is None or row.results != text)
print(lost)
"""


class _LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    """Send the production site's Secure cookies over plain HTTP: on 127.0.0.1 there is no TLS proxy."""

    def return_ok_secure(self, cookie, request):  # type: ignore[no-untyped-def]
        return True


class Browser:
    """One signed-in person: a cookie jar and a CSRF token, speaking HTTP to 127.0.0.1 only."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar(policy=_LoopbackPolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def login(self, username: str) -> None:
        self.request("/dang-nhap/")
        status, _ = self.request("/dang-nhap/", {"username": username, "password": PASSWORD,
                                                 "csrfmiddlewaretoken": self.csrf()})
        if status != 200:  # the redirect is followed: 200 on the start page
            raise RuntimeError(f"login of {username} failed: {status}")


def _reader(browser: Browser, who: dict, deadline: float, sample: Sample, lock: threading.Lock) -> None:
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        status, _ = browser.request(who["url"])
        elapsed = time.perf_counter() - start
        with lock:
            sample.latencies.append(elapsed)
            if status != 200:
                sample.errors.append(f"GET {who['url']} {status}")


def _timed(browser: Browser, path: str, data: dict[str, str] | None, sample: Sample,
           lock: threading.Lock) -> tuple[int, str]:
    start = time.perf_counter()
    status, body = browser.request(path, data)
    with lock:
        sample.latencies.append(time.perf_counter() - start)
    return status, body


def _reporter(browser: Browser, who: dict, deadline: float, sample: Sample, lock: threading.Lock) -> None:
    """Open the report, then autosave the results of each task it leads, as the page's autosave does."""
    page, save = f"/theo-doi/bao-cao/{who['report']}/", f"/theo-doi/bao-cao/{who['report']}/luu/"
    seen: dict[int, str] = {}
    n = 0
    while time.perf_counter() < deadline:
        status, html = _timed(browser, page, None, sample, lock)
        found = _VERSION.search(html)
        if status != 200 or not found:
            with lock:
                sample.errors.append(f"GET report {status}")
            continue
        version = found.group(1)
        for task in who["tasks"]:
            if time.perf_counter() >= deadline:
                break
            n += 1
            text = f"Đã triển khai đợt {n} ({who['username']})"
            data = {"csrfmiddlewaretoken": browser.csrf(), "version": version, "kind": "progress",
                    "object": str(task), "field": "results", "value": text}
            if task in seen:
                data["seen"] = seen[task]
            save_status, reply = _timed(browser, save, data, sample, lock)
            if save_status == 200:
                seen[task] = text
                version = (_VERSION.search(reply) or found).group(1)
                with lock:
                    sample.acked[(who["report"], task)] = text
            elif save_status != 409:
                with lock:
                    sample.errors.append(f"POST save {save_status}")


def _run(base: str, users: int, seconds: float, people: dict) -> Sample:
    """`users` closed loops for `seconds`; everyone logs in first, so the clock measures the work only."""
    sample, lock = Sample(), threading.Lock()
    n_readers = max(1, users // 5)
    plan = []
    for i in range(users):
        if i < n_readers:
            who, loop = people["readers"][i % len(people["readers"])], _reader
        else:
            who, loop = people["reporters"][(i - n_readers) % len(people["reporters"])], _reporter
        browser = Browser(base)
        browser.login(who["username"])
        plan.append((loop, browser, who))
    deadline = time.perf_counter() + seconds

    def guarded(loop, browser, who):  # type: ignore[no-untyped-def]
        try:
            loop(browser, who, deadline, sample, lock)
        except Exception as error:  # a dropped connection is an error of the run, not of the benchmark
            with lock:
                sample.errors.append(f"{error.__class__.__name__}: {error}")

    threads = [threading.Thread(target=guarded, args=args, daemon=True) for args in plan]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    return sample


def _baseline(base: str, seconds: float) -> float:
    browser = Browser(base)
    browser.login("doc0")
    times = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        browser.request("/")
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000 if ordered else float("nan")


def _measure(database_url: str, label: str, user_counts: list[int], seconds: float) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(database_url, Path(tmp))
        manage = [PYTHON, str(ROOT / "manage.py")]
        subprocess.run([*manage, "load_demo"], env=env, check=True, capture_output=True)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, capture_output=True)
        prepared = subprocess.run([PYTHON, "-c", _PREPARE], env=env, capture_output=True, text=True)
        if prepared.returncode:
            raise RuntimeError(f"{label}: preparing the users failed:\n{prepared.stderr[-2000:]}")
        people = json.loads(prepared.stdout.strip().splitlines()[-1])
        if not people["reporters"]:
            print(f"{label}: the demo has no open report to save into; skipped")
            return False
        port = _free_port()
        server = subprocess.Popen([str(Path(PYTHON).with_name("gunicorn")), "trienkhai_web.wsgi", "--bind",
                                   f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
                                  env=env, cwd=tmp, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        ok = True
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            baseline = _baseline(base, min(5.0, seconds / 2))
            print(f"{label}: start page, 1 user: median {baseline:.0f} ms (baseline)")
            for users in user_counts:
                sample = _run(base, users, seconds, people)
                acked = {f"{r}:{t}": text for (r, t), text in sample.acked.items()}
                lost = int(subprocess.run([PYTHON, "-c", _VERIFY], env=env, input=json.dumps(acked), check=True,
                                          capture_output=True, text=True).stdout.strip())
                n = len(sample.latencies)
                p95 = _percentile(sample.latencies, 0.95)
                met = p95 < GOAL_P95_MS and not sample.errors and not lost
                ok &= met or users < 30 or not label.startswith("PostgreSQL")
                print(f"{label}: {users:>2} users, {seconds:.0f} s: {n / seconds:6.1f} req/s, "
                      f"p50 {_percentile(sample.latencies, 0.5):4.0f} ms, p95 {p95:4.0f} ms, "
                      f"p99 {_percentile(sample.latencies, 0.99):4.0f} ms (p95 ×{p95 / baseline:.1f} baseline), "
                      f"errors {len(sample.errors)}, saves acknowledged {len(acked)}, lost {lost}"
                      + ("" if met else f"  [goal: p95 < {GOAL_P95_MS:.0f} ms, 0 errors, 0 lost]"))
                if sample.errors:
                    print("   first errors:", ", ".join(sorted(set(sample.errors))[:5]))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(30)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, nargs="+", default=[10, 30])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--database-url", help="measure only this (empty) database")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    targets: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.database_url:
            targets.append(("given database", args.database_url))
        else:
            targets.append(("SQLite", f"sqlite:///{tmp}/load.sqlite3"))
            pg = fresh_postgres(PG_BENCH_DB)
            if pg:
                targets.append(("PostgreSQL", pg))
        ok = True
        for label, url in targets:
            ok &= _measure(url, label, args.users, args.seconds)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
