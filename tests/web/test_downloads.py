"""Stored files leave only through the permission-checked views: streamed by Django, or handed to nginx
by X-Accel-Redirect (an internal location) when TRIENKHAI_X_ACCEL_REDIRECT is on."""

from __future__ import annotations

import os

import pytest
from django.core.files.base import ContentFile

from tests.web.factories import DraftPlanFactory, PlanFactory

pytestmark = pytest.mark.django_db
DOCX = b"PK\x03\x04 a plan document"


@pytest.fixture(autouse=True)
def private_roots(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EVIDENCE_ROOT = str(tmp_path / "evidence")
    return tmp_path


def _with_source(plan, name="Kế hoạch 55.docx"):
    plan.source_file.save("ke-hoach-55.docx", ContentFile(DOCX), save=False)
    plan.source_filename = name
    plan.save()
    return plan


def test_a_plan_document_is_streamed_to_those_who_may_open_the_plan(client, alice, carol):
    plan = _with_source(PlanFactory())
    client.force_login(alice)
    response = client.get(f"/ke-hoach/{plan.pk}/van-ban-goc/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == DOCX
    assert "K%E1%BA%BF%20ho%E1%BA%A1ch%2055.docx" in response["Content-Disposition"]
    assert f"/ke-hoach/{plan.pk}/van-ban-goc/" in client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    client.force_login(carol)  # a unit with no task in the plan
    assert client.get(f"/ke-hoach/{plan.pk}/van-ban-goc/").status_code == 403


def test_a_draft_document_only_to_those_who_manage_it(client, alice, erin):
    draft = _with_source(DraftPlanFactory())
    client.force_login(erin)  # the leader reads every published plan, not drafts' files
    assert client.get(f"/ke-hoach/{draft.pk}/van-ban-goc/").status_code == 403
    client.force_login(alice)
    assert client.get(f"/ke-hoach/{draft.pk}/van-ban-goc/").status_code == 200


def test_behind_nginx_the_file_is_sent_by_an_internal_redirect(client, settings, alice):
    settings.X_ACCEL_REDIRECT = True
    plan = _with_source(PlanFactory())
    client.force_login(alice)
    response = client.get(f"/ke-hoach/{plan.pk}/van-ban-goc/")
    assert response.status_code == 200 and response.content == b""  # nginx sends the body
    assert response["X-Accel-Redirect"].startswith("/_files/media/plans/")
    assert response["X-Accel-Redirect"].endswith(".docx")
    assert response["Content-Disposition"].startswith("attachment;")
    client.logout()
    assert "X-Accel-Redirect" not in client.get(f"/ke-hoach/{plan.pk}/van-ban-goc/")  # sign-in first


def test_a_missing_file_is_a_404_in_vietnamese(client, alice):
    plan = _with_source(PlanFactory())
    os.remove(plan.source_file.path)
    client.force_login(alice)
    response = client.get(f"/ke-hoach/{plan.pk}/van-ban-goc/")
    assert response.status_code == 404
