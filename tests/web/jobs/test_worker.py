"""Each kind of job run by a real worker process on the real Redis (not eager mode); a worker killed in
the middle of a job; cancelling; a double start. Each test takes a few seconds (OCR of small pages)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from tests.web.factories import TaskFactory, assign, scheduled_plan
from tests.web.jobs.conftest import wait_for
from tests.web.jobs.scans import scanned_plan
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.jobs import services
from trienkhai_web.jobs.models import Job, JobStatus
from trienkhai_web.jobs.tasks import scheduled_reminders
from trienkhai_web.plans.models import Plan
from trienkhai_web.tracking.models import ReportingPeriod

pytestmark = [pytest.mark.worker, pytest.mark.xdist_group("worker")]


def _draft_of(data: bytes) -> list[Plan]:
    return list(Plan.objects.filter(source_sha256=hashlib.sha256(data).hexdigest()))


def test_a_scan_is_imported_by_the_worker_page_by_page(worker, alice):
    data = scanned_plan(pages=2, year=2031)
    job = services.start_import_job(alice, filename="ke-hoach-quet.pdf", data=data)
    assert services.start_import_job(alice, filename="ke-hoach-quet.pdf", data=data).pk == job.pk  # double click
    seen: set[tuple[str, int, int]] = set()

    def note(j: Job) -> bool:
        seen.add((j.step, j.page, j.total))
        return j.finished

    job = wait_for(job, note)
    assert job.status == JobStatus.SUCCEEDED, job.error
    (plan,) = _draft_of(data)
    assert plan.status == "draft" and "công tác dân vận" in plan.title
    assert job.result_url == f"/ke-hoach/{plan.pk}/ra-soat/" and job.percent == 100 and job.attempts == 1
    assert ("ocr", 1, 2) in seen or ("ocr", 2, 2) in seen  # the bar moved page by page
    assert job.message == "Đã đọc văn bản. Hãy rà soát bản nháp rồi ban hành."
    assert not (Path(worker.base) / "jobs" / job.input_file).exists()  # the upload kept for the job is gone
    assert Job.objects.count() == 1


def test_a_killed_worker_s_import_is_run_again_and_finishes_once(worker, alice):
    data = scanned_plan(pages=4, year=2032)
    job = services.start_import_job(alice, filename="quet-4-trang.pdf", data=data)
    wait_for(job, lambda j: j.step == "ocr" and j.page >= 1, timeout=60)
    worker.kill()  # SIGKILL of the worker and its pool in the middle of the OCR
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and not _draft_of(data)  # nothing half-written
    worker.start()  # the message comes back (visibility timeout) and the silent run is taken over
    job = wait_for(job, timeout=90)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.attempts == 2
    (plan,) = _draft_of(data)  # one draft, not two
    assert AuditEntry.objects.filter(action="plan.import", object_id=str(plan.pk)).count() == 1
    assert default_storage.exists(plan.source_file.name)


def test_cancelling_a_running_import_leaves_no_draft(worker, alice):
    data = scanned_plan(pages=4, year=2033)
    job = services.start_import_job(alice, filename="huy.pdf", data=data)
    wait_for(job, lambda j: j.step == "ocr" and j.page >= 1)
    services.cancel(alice, job)
    job = wait_for(job)
    assert job.status == JobStatus.CANCELLED and job.page < 4
    assert not _draft_of(data)


def _plan_with_period():  # type: ignore[no-untyped-def]
    plan = scheduled_plan(number="77-KH/TU")
    assign(TaskFactory(plan=plan, content="Tổ chức hội nghị quán triệt"), worker_unit())
    return plan, ReportingPeriod.objects.filter(plan=plan).order_by("start").first()


def worker_unit():  # type: ignore[no-untyped-def]
    from tests.web.factories import OrganisationFactory

    return OrganisationFactory(name="Ban Tuyên giáo Tỉnh ủy")


def test_a_report_is_built_by_the_worker_and_downloaded(worker, alice, client):
    plan, period = _plan_with_period()
    job = services.start_report_job(alice, plan=plan, period=period, fmt="docx", request_key="form-1")
    assert services.start_report_job(alice, plan=plan, period=period, fmt="docx", request_key="form-1").pk == job.pk
    job = wait_for(job)
    assert job.status == JobStatus.SUCCEEDED, job.error
    client.force_login(alice)
    response = client.get(job.result_url)
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and body.startswith(b"PK")
    assert "B%C3%A1o%20c%C3%A1o%2077-KH-TU%20" in response["Content-Disposition"]  # the period by its name
    results = list((Path(worker.base) / "jobs" / "results").glob(f"job-{job.pk}-*"))
    assert len(results) == 1 and not list(results[0].parent.glob(".*.part"))


def test_the_dashboard_tables_are_exported_by_the_worker(worker, alice):
    plan, period = _plan_with_period()
    job = wait_for(services.start_export_job(alice, plan=plan, period=period))
    assert job.status == JobStatus.SUCCEEDED, job.error
    with zipfile.ZipFile(Path(worker.base) / "jobs" / job.result_file) as archive:
        names = archive.namelist()
    assert len(names) == 6 and all(n.endswith(".xlsx") for n in names)
    assert job.result_name.endswith(".zip")


def test_the_hourly_reminders_run_once_as_a_job(worker):
    scheduled_reminders()
    scheduled_reminders()  # a second beat in the same hour
    (job,) = Job.objects.filter(kind="reminders")
    job = wait_for(job)
    assert job.status == JobStatus.SUCCEEDED and job.message.startswith("Đã gửi 0 nhắc nhở")


def test_an_e_mail_is_retried_with_backoff_and_sent_once(worker):
    mail = Path(worker.env["EMAIL_FILE_PATH"])
    job = services.queue_email(to=["donvi@example.vn"], subject="[flaky 2] Nhắc báo cáo", body="Hạn 15/7.",
                               key="test-flaky")
    assert services.queue_email(to=["donvi@example.vn"], subject="[flaky 2] Nhắc báo cáo", body="Hạn 15/7.",
                                key="test-flaky").pk == job.pk
    job = wait_for(job, timeout=30)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.attempts == 3  # refused twice by the relay, sent on the third try
    sent = [p for p in mail.iterdir() if p.suffix == ".log" and "Hạn 15/7." in p.read_text()]
    assert len(sent) == 1


def test_the_sweep_runs_again_a_job_whose_message_was_lost(worker, alice):
    """The embedded queue forgets a message its worker took: a killed worker's job is left running with an
    old heartbeat. The beat's sweep sends it again; the worker takes it over and finishes it once."""
    from datetime import timedelta

    from django.utils import timezone

    from trienkhai_web.jobs.tasks import requeue_stale

    plan, period = _plan_with_period()
    job = Job.objects.create(owner=alice, kind="report", idempotency_key="lost-run", status=JobStatus.RUNNING,
                             attempts=1, run_token="dead-run", params={"plan": plan.pk, "period": period.pk},
                             started_at=timezone.now() - timedelta(minutes=5),
                             heartbeat_at=timezone.now() - timedelta(minutes=5))
    assert requeue_stale() == 1
    job = wait_for(job)
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2 and job.run_token != "dead-run"
    assert len(list((Path(worker.base) / "jobs" / "results").glob(f"job-{job.pk}-*"))) == 1


def test_the_owner_of_an_import_is_told_by_e_mail_when_it_ends(worker, alice):
    alice.email = "quantri@example.vn"
    alice.save()
    job = wait_for(services.start_import_job(alice, filename="bao-tin.pdf", data=scanned_plan(pages=1, year=2034)))
    assert job.status == JobStatus.SUCCEEDED, job.error
    key = f"email:job-ended:{job.pk}"
    wait_for(job, lambda j: Job.objects.filter(idempotency_key=key).exists(), timeout=10)  # queued just after
    mail = wait_for(Job.objects.get(idempotency_key=key))
    assert mail.status == JobStatus.SUCCEEDED and mail.params["to"] == ["quantri@example.vn"]
    assert mail.params["subject"] == "[trienkhai] Đã đọc xong văn bản bao-tin.pdf"
    assert mail.params["body"].endswith(f"/cong-viec/{job.pk}/")
    sent = [p for p in Path(worker.env["EMAIL_FILE_PATH"]).iterdir() if f"/cong-viec/{job.pk}/" in p.read_text()]
    assert len(sent) == 1
