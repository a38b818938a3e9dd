"""The other ways in: the API endpoint, `trienkhai import`, and the demo command (idempotent)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from tests.web.factories import OrganisationFactory, user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans.models import Plan, PlanLink, PlanStatus

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _upload(client, path):
    return client.post("/api/plans/import/", {"file": SimpleUploadedFile(path.name, path.read_bytes())},
                       format="multipart")


def test_api_import_then_duplicate(corpus_docs):
    client = APIClient()
    client.force_authenticate(user_with_role(Role.MONITOR, OrganisationFactory(), "giamsat"))
    path = corpus_docs / "003_70c23ef7c9a34c4f.txt"
    first = _upload(client, path)
    assert first.status_code == 201 and first.json()["status"] == "draft" and not first.json()["duplicate"]
    again = _upload(client, path)
    assert again.status_code == 200 and again.json()["duplicate"] and again.json()["id"] == first.json()["id"]
    assert "đã được nhập" in again.json()["message"]


def test_api_import_refused_for_unit_and_anonymous(corpus_docs):
    client = APIClient()
    path = corpus_docs / "003_70c23ef7c9a34c4f.txt"
    assert _upload(client, path).status_code in (401, 403)
    client.force_authenticate(user_with_role(Role.UNIT_REPORTER, OrganisationFactory(), "baocao"))
    assert _upload(client, path).status_code == 403
    assert not Plan.objects.exists()


def test_api_unreadable_file_is_a_clear_error():
    client = APIClient()
    client.force_authenticate(user_with_role(Role.ADMINISTRATOR, None, "quantri"))
    response = client.post("/api/plans/import/", {"file": SimpleUploadedFile("x.txt", b"\xff\xfe\x00garbage\x81")},
                           format="multipart")
    assert response.status_code == 400 and response.json()["detail"]
    assert not Plan.objects.exists()


def test_import_command_draft_and_publish(corpus_docs):
    out = io.StringIO()
    call_command("import_plan", str(corpus_docs / "004_e02ef3f550a5da59.txt"), stdout=out)
    plan = Plan.objects.get(number="55-CTr/TU")
    assert plan.status == PlanStatus.DRAFT and "ra-soat" in out.getvalue()
    with pytest.raises(CommandError, match="cơ quan theo dõi"):  # nobody would follow its reports
        call_command("import_plan", str(corpus_docs / "003_70c23ef7c9a34c4f.txt"), "--publish", stdout=out)
    OrganisationFactory(name="Ban Dân vận Huyện ủy", code="bdv-hu")
    call_command("import_plan", str(corpus_docs / "003_70c23ef7c9a34c4f.txt"), "--publish", "--theo-doi", "bdv-hu",
                 stdout=out)
    published = Plan.objects.get(status=PlanStatus.PUBLISHED)
    assert published.monitoring_body.code == "bdv-hu"
    assert published.tasks.exists() and published.parents.get().ref_id == "69-KL/TU"
    with pytest.raises(CommandError):
        call_command("import_plan", "/khong/co/tep.txt")


def test_load_demo_is_idempotent(corpus_docs, settings):
    call_command("load_demo", docs=str(corpus_docs), stdout=io.StringIO())
    counts = (Plan.objects.count(), PlanLink.objects.count())
    out = io.StringIO()
    call_command("load_demo", docs=str(corpus_docs), stdout=out)
    assert (Plan.objects.count(), PlanLink.objects.count()) == counts
    resolution = Plan.objects.get(ref_id="43-NQ/TW")
    assert resolution.status == PlanStatus.PLACEHOLDER and resolution.children.count() >= 3
    assert Plan.objects.get(ref_id="69-KL/TU").children.count() == 1
    # Two samples are catalogue stubs with no task: publishing refuses them (nothing to follow), so they
    # stay drafts and the load says why; every other sample is published.
    assert Plan.objects.filter(status=PlanStatus.PUBLISHED).count() == len(list(corpus_docs.iterdir())) - 2
    stubs = Plan.objects.filter(status=PlanStatus.DRAFT)
    assert sorted(p.number for p in stubs) == ["155/KH-UBND", "645/QĐ-UBDT"]
    assert out.getvalue().count("chưa có nhiệm vụ nào") == 2
    assert "giamsat" in out.getvalue() and "/dang-nhap/" in out.getvalue()
