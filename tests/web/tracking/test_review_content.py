"""What a unit adds to its report for the review: activities (a form) and its assessment (autosaved)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.web.factories import PASSWORD
from trienkhai_web.errors import UserError
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import ReportStatus, ReviewActivity, UnitReview

pytestmark = pytest.mark.django_db


def test_assessment_is_autosaved_per_field_and_changes_the_fingerprint(world):
    report = services.open_report(world.period, world.unit, user=world.reporter)
    before = services.content_hash(report)
    report = services.save_field(world.reporter, report, version=report.version, kind="review", object_id=0,
                                 field="lessons", value="Phát huy vai trò người đứng đầu")
    assert UnitReview.objects.get(report=report).lessons == "Phát huy vai trò người đứng đầu"
    assert report.content_hash != before
    with pytest.raises(UserError):
        services.save_field(world.reporter, report, version=report.version, kind="review", object_id=0,
                            field="report_id", value="x")


def test_activities_are_added_and_removed_while_the_report_is_a_draft(world):
    report = services.open_report(world.period, world.unit, user=world.reporter)
    activity = services.add_activity(world.reporter, report, version=report.version, kind="hoi_nghi",
                                     title="Hội nghị quán triệt", held_on=date(2025, 4, 20), participants=120, count=2)
    assert (activity.period, activity.organisation, activity.participants) == (world.period, world.unit, 120)
    report.refresh_from_db()
    with pytest.raises(UserError):
        services.add_activity(world.reporter, report, version=report.version, kind="khac", title="x")
    with pytest.raises(UserError):
        services.add_activity(world.reporter, report, version=report.version, kind="van_ban", title="  ")
    with pytest.raises(PermissionDenied):
        services.add_activity(world.other, report, version=report.version, kind="van_ban", title="Kế hoạch")
    report.status = ReportStatus.SUBMITTED
    report.save()
    with pytest.raises(UserError):
        services.remove_activity(world.reporter, activity, version=report.version)
    report.status = ReportStatus.DRAFT
    report.save()
    services.remove_activity(world.reporter, activity, version=report.version)
    assert not ReviewActivity.objects.exists()


def test_the_report_page_has_the_review_sections(client, world):
    report = services.open_report(world.period, world.unit, user=world.reporter)
    client.login(username=world.reporter.username, password=PASSWORD)
    url = reverse("tracking:report", args=[report.pk])
    page = client.get(url).content.decode()
    assert 'id="review-content"' in page and "Bài học kinh nghiệm" in page and "Nguyên nhân khách quan" in page
    response = client.post(reverse("tracking:activity_add", args=[report.pk]), {
        "version": report.version, "kind": "van_ban", "title": "Kế hoạch thực hiện", "document_number": "12-KH/ĐU",
        "held_on": "2025-04-25", "count": "1"})
    assert response.status_code == 302 and response["Location"].endswith("#review-content")
    page = client.get(url).content.decode()
    assert "Kế hoạch thực hiện" in page and "12-KH/ĐU" in page and "25/04/2025" in page
    activity = ReviewActivity.objects.get()
    client.login(username=world.other.username, password=PASSWORD)
    assert client.post(reverse("tracking:activity_remove", args=[activity.pk]), {"version": "9"}).status_code == 403
    assert ReviewActivity.objects.exists()
