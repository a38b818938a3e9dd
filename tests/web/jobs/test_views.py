"""The pages of jobs without a worker: starting from the upload, report and dashboard pages, who may
see a job, the fragment that polls until the job ends, cancelling a waiting job."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.web.factories import TaskFactory, assign, scheduled_plan
from tests.web.jobs.scans import scanned_plan
from trienkhai_web.jobs import services
from trienkhai_web.jobs.models import Job, JobStatus
from trienkhai_web.tracking.models import ReportingPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _jobs_dir(settings, tmp_path):
    settings.JOBS_DIR = tmp_path / "jobs"


def test_uploading_a_scan_starts_an_import_job(client, bob):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(bob)
    upload = SimpleUploadedFile("ban-quet.pdf", scanned_plan(pages=1, year=2060), "application/pdf")
    response = client.post(reverse("plans:upload"), {"file": upload})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cong-viec/{job.pk}/"
    assert job.kind == "import" and job.owner == bob and job.status == JobStatus.QUEUED
    page = client.get(response["Location"]).content.decode()
    assert "Nhập văn bản" in page and "Đang chờ" in page and 'hx-trigger="every 1s"' in page
    assert "<progress" in page and "Hủy" in page


def test_a_job_is_seen_by_its_owner_only(client, bob, carol):
    job = services.queue_email(to=["a@example.vn"], subject="Thử", body="…", key="views-1", owner=bob)
    client.force_login(carol)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.post(reverse("jobs:cancel", args=[job.pk])).status_code == 404
    client.force_login(bob)
    assert client.get(reverse("jobs:list")).status_code == 200


def test_a_finished_job_stops_polling_and_links_its_result(client, bob):
    job = services.queue_email(to=["a@example.vn"], subject="Thử", body="…", key="views-2", owner=bob)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.SUCCEEDED, percent=100, result_url="/ke-hoach/1/ra-soat/",
                                         finished_at=timezone.now())
    client.force_login(bob)
    html = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert "hx-trigger" not in html and 'value="100"' in html and 'href="/ke-hoach/1/ra-soat/"' in html
    assert "Hủy" not in html


def test_cancelling_a_waiting_job_stops_it_at_once(client, bob):
    job = services.queue_email(to=["a@example.vn"], subject="Thử", body="…", key="views-3", owner=bob)
    client.force_login(bob)
    client.post(reverse("jobs:cancel", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED and job.cancel_requested and job.message == "Đã hủy."
    response = client.post(reverse("jobs:cancel", args=[job.pk]), follow=True)
    assert "Việc này đã kết thúc." in response.content.decode()


def test_the_report_and_dashboard_pages_start_jobs(client, bob, unit):
    plan = scheduled_plan(number="99-KH/TU", monitoring_body=bob.memberships.first().organisation)
    assign(TaskFactory(plan=plan), unit)
    period = ReportingPeriod.objects.filter(plan=plan).order_by("start").first()
    client.force_login(bob)
    preview = client.get(reverse("reports:preview", args=[plan.pk]), {"ky": period.code}).content.decode()
    key = re.search(r'name="request_key" value="(\w+)"', preview).group(1)
    for _ in range(2):  # the same form sent twice: one job
        response = client.post(reverse("reports:start", args=[plan.pk]), {"ky": period.code, "fmt": "docx",
                                                                           "request_key": key})
    (job,) = Job.objects.filter(kind="report")
    assert response["Location"] == f"/cong-viec/{job.pk}/" and job.params["period"] == period.pk
    dashboard = client.get(reverse("tracking:dashboard", args=[plan.pk])).content.decode()
    assert "Xuất mọi bảng (.zip)" in dashboard
    response = client.post(reverse("jobs:export", args=[plan.pk]), {"period": period.pk, "request_key": "k1"})
    assert Job.objects.filter(kind="export", params__plan=plan.pk).count() == 1


def test_a_failed_import_can_be_started_again(bob):
    data = scanned_plan(pages=1, year=2061)
    first = services.start_import_job(bob, filename="a.pdf", data=data)
    assert services.start_import_job(bob, filename="a.pdf", data=data).pk == first.pk
    Job.objects.filter(pk=first.pk).update(status=JobStatus.FAILED, error="…")
    second = services.start_import_job(bob, filename="a.pdf", data=data)
    assert second.pk != first.pk and second.status == JobStatus.QUEUED
    assert services.start_import_job(bob, filename="a.pdf", data=data).pk == second.pk


def test_old_result_files_are_removed_and_the_rows_kept(settings, bob):
    from datetime import timedelta

    from trienkhai_web.jobs.runner import jobs_dir, write_atomically
    from trienkhai_web.jobs.tasks import clean_results

    old, new = (services.queue_email(to=["a@example.vn"], subject="Thử", body="…", key=k, owner=bob) for k in "ab")
    for job, age in ((old, 8), (new, 1)):
        write_atomically(jobs_dir() / "results" / f"{job.pk}.docx", b"PK")
        Job.objects.filter(pk=job.pk).update(status=JobStatus.SUCCEEDED, result_file=f"results/{job.pk}.docx",
                                             finished_at=timezone.now() - timedelta(days=age))
    assert clean_results() == 1
    assert not (jobs_dir() / "results" / f"{old.pk}.docx").exists() and (jobs_dir() / "results" / f"{new.pk}.docx").exists()
    assert Job.objects.count() == 2 and Job.objects.get(pk=old.pk).result_file == ""
