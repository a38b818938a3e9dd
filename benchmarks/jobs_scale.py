"""Scale-out of background jobs: two app processes (gunicorn, DEBUG off) and two Celery workers against one
PostgreSQL and one Redis, under a bounded load from 127.0.0.1.

    .venv/bin/python -m benchmarks.jobs_scale [--users 8] [--jobs 5] [--database trienkhai_bench_jobs]
                                              [--redis redis://127.0.0.1:6379/2] [--port 0]

Each user signs in, then starts `--jobs` review reports through the report page (the POST a user's click
sends; one of them sent twice with the same form key, which must start one job), follows each job's
progress fragment as the page's HTMX does (every 0.3 s here) and downloads the file. Printed: jobs and
their throughput, start and end-to-end latency (p50 / p95), the progress fragment's p95, errors (any
answer but 200/302, a job that failed), lost or doubled work (a started job with no result, a form sent
twice that made two jobs, a result file that is not a whole .docx/.xlsx) and how the jobs were shared
between the two workers. Goal: 0 errors, 0 lost, 0 doubled, both workers used. Bounded: every loop has
a deadline; the servers are stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
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
import uuid
from pathlib import Path

from benchmarks.databases import fresh_postgres
from benchmarks.load import PASSWORD, Browser

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
_KEY = re.compile(r'name="request_key" value="(\w+)"')

_PREPARE = r"""
import json, django
django.setup()
from tests.web.factories import OrganisationFactory, TaskFactory, assign, scheduled_plan, user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.tracking.models import ReportingPeriod
body = OrganisationFactory(name="Ban Dân vận Tỉnh ủy")
units = [OrganisationFactory(name=f"Đơn vị {i}") for i in range(20)]
plan = scheduled_plan(number="55-CTr/TU", monitoring_body=body)
for i in range(60):
    assign(TaskFactory(plan=plan, content=f"Nhiệm vụ {i}"), units[i % len(units)])
users = []
for i in range(USERS):
    user = user_with_role(Role.MONITOR, body, f"giamsat{i}")
    user.set_password(BENCH_PASSWORD)
    user.save()
    users.append(user.username)
period = ReportingPeriod.objects.filter(plan=plan).order_by("start").first()
print(json.dumps({"users": users, "plan": plan.pk, "period": period.code}))
""".replace("BENCH_PASSWORD", repr(PASSWORD))

_VERIFY = r"""
import json, django
django.setup()
from trienkhai_web.jobs.models import Job
from trienkhai_web.jobs.runner import jobs_dir
rows = [{"pk": j.pk, "status": j.status, "attempts": j.attempts, "file": j.result_file,
         "whole": bool(j.result_file) and (jobs_dir() / j.result_file).read_bytes()[:2] == b"PK"}
        for j in Job.objects.filter(kind="report")]
print(json.dumps(rows))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000 if ordered else float("nan")


class Client(Browser):
    def post_follow(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        """POST, follow the redirect; (status, final path)."""
        body = urllib.parse.urlencode(data).encode()
        req = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(req, timeout=30) as response:
                response.read()
                return response.status, urllib.parse.urlparse(response.geturl()).path
        except urllib.error.HTTPError as error:
            return error.code, ""


def _user(client: Client, plan: int, period: str, jobs: int, deadline: float, out: dict, lock: threading.Lock) -> None:
    for n in range(jobs):
        if time.perf_counter() > deadline:
            break
        status, html = client.request(f"/ke-hoach/{plan}/bao-cao/xem-truoc/?ky={period}")
        found = _KEY.search(html)
        if status != 200 or not found:
            with lock:
                out["errors"].append(f"preview {status}")
            continue
        form = {"csrfmiddlewaretoken": client.csrf(), "ky": period, "fmt": "xlsx" if n % 2 else "docx",
                "request_key": found.group(1)}
        began = time.perf_counter()
        status, where = client.post_follow(f"/ke-hoach/{plan}/bao-cao/lap/", form)
        started = time.perf_counter()
        if status != 200 or not where.startswith("/cong-viec/"):
            with lock:
                out["errors"].append(f"start {status} {where}")
            continue
        if n == 0:  # the same form sent again (a double click): the same job
            _status, again = client.post_follow(f"/ke-hoach/{plan}/bao-cao/lap/", form)
            with lock:
                out["double_sent"] += 1
                out["doubled"] += int(again != where)
        with lock:
            out["start"].append(started - began)
            out["started"].add(where)
        while time.perf_counter() < deadline:
            t = time.perf_counter()
            status, fragment = client.request(where + "tien-do/")
            with lock:
                out["poll"].append(time.perf_counter() - t)
            if status != 200:
                with lock:
                    out["errors"].append(f"progress {status}")
                break
            if "/tai-ve/" in fragment:
                status, _ = client.request(where + "tai-ve/")
                with lock:
                    out["done"].append(time.perf_counter() - began)
                    if status != 200:
                        out["errors"].append(f"download {status}")
                break
            if "job-failed" in fragment or "job-cancelled" in fragment:
                with lock:
                    out["errors"].append(f"job ended badly: {where}")
                break
            time.sleep(0.3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.jobs_scale")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=5, help="reports each user starts")
    parser.add_argument("--seconds", type=float, default=240.0, help="deadline of the whole load")
    parser.add_argument("--database", default="trienkhai_bench_jobs")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/2")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    url = fresh_postgres(args.database)
    if url is None:
        return 0
    import redis

    try:
        redis.Redis.from_url(args.redis, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        print(f"Redis not reachable at {args.redis} ({error.__class__.__name__}); skipped")
        return 0
    work = Path(tempfile.mkdtemp(prefix="trienkhai-jobs-scale-"))
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(DATABASE_URL=url, SECRET_KEY=secrets.token_urlsafe(40), DEBUG="0", ALLOWED_HOSTS="127.0.0.1",
               TRIENKHAI_VAR=str(work / "var"), JOBS_DIR=str(work / "jobs"), PYTHONPATH=f"{ROOT / 'src'}:{ROOT}",
               DJANGO_SETTINGS_MODULE="trienkhai_web.settings", LOG_LEVEL="WARNING", LOGIN_FAILURE_LIMIT="1000",
               CELERY_BROKER_URL=args.redis, CELERY_QUEUE=queue, JOBS_WORKER_IN_SERVE="0")
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    prepared = subprocess.run([PYTHON, "-c", _PREPARE.replace("USERS", str(args.users))], cwd=ROOT, env=env,
                              check=True, capture_output=True, text=True)
    people = json.loads(prepared.stdout.strip().splitlines()[-1])
    port = args.port or _free_port()
    processes: list[subprocess.Popen] = []
    logs = []
    try:
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        processes.append(subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "trienkhai_web.wsgi", "--workers", "2",
                                           "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        for name in ("w1", "w2"):
            log = work / f"{name}.log"
            logs.append(log)
            with open(log, "wb") as handle:
                processes.append(subprocess.Popen(
                    [PYTHON, "-m", "celery", "-A", "trienkhai_web.celery_app", "worker", "--concurrency", "1",
                     "--without-mingle", "--without-gossip", "-Q", queue, "-n", f"{name}@%h", "--loglevel=INFO"],
                    cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True))
        base = f"http://127.0.0.1:{port}"
        deadline = time.perf_counter() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                if time.perf_counter() > deadline:
                    raise RuntimeError("the app server did not start") from None
                time.sleep(0.3)
        while not all(b"ready." in log.read_bytes() for log in logs):
            if time.perf_counter() > deadline:
                raise RuntimeError("the workers did not start")
            time.sleep(0.3)
        out: dict = {"errors": [], "start": [], "poll": [], "done": [], "started": set(), "double_sent": 0,
                     "doubled": 0}
        lock = threading.Lock()
        clients = []
        for username in people["users"]:
            client = Client(base)
            client.login(username)
            clients.append(client)
        began = time.perf_counter()
        stop_at = began + args.seconds
        threads = [threading.Thread(target=_user, args=(c, people["plan"], people["period"], args.jobs, stop_at, out, lock),
                                    daemon=True) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.seconds + 30)
        elapsed = time.perf_counter() - began
        rows = json.loads(subprocess.run([PYTHON, "-c", _VERIFY], cwd=ROOT, env=env, check=True,
                                         capture_output=True, text=True).stdout.strip().splitlines()[-1])
        shares = [len(re.findall(rb"Task trienkhai\.jobs\.run\[[^\]]+\] succeeded", log.read_bytes())) for log in logs]
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
    lost = len(out["started"]) - len(out["done"]) + sum(1 for r in rows if r["status"] != "succeeded" or not r["whole"])
    print(f"2 app processes + 2 workers, PostgreSQL + Redis: {args.users} users × {args.jobs} reports")
    print(f"  jobs started {len(out['started'])}, finished {len(out['done'])} in {elapsed:.1f} s "
          f"({len(out['done']) / elapsed:.2f} jobs/s); rows {len(rows)}, runs per job "
          f"{statistics.mean(r['attempts'] for r in rows) if rows else 0:.2f}")
    print(f"  start (POST → job page) p50 {_percentile(out['start'], .5):.0f} ms, p95 {_percentile(out['start'], .95):.0f} ms;"
          f" progress fragment p95 {_percentile(out['poll'], .95):.0f} ms ({len(out['poll'])} requests)")
    print(f"  end to end (click → file downloaded) p50 {_percentile(out['done'], .5):.0f} ms, "
          f"p95 {_percentile(out['done'], .95):.0f} ms")
    print(f"  jobs per worker: {shares}; errors {len(out['errors'])}; lost {lost}; "
          f"doubled {out['doubled']} of {out['double_sent']} forms sent twice")
    for error in out["errors"][:10]:
        print("   ", error)
    ok = not out["errors"] and lost == 0 and out["doubled"] == 0 and all(shares) and len(rows) == len(out["started"])
    print("  goal (0 errors, 0 lost, 0 doubled, both workers used):", "met" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
