"""Several evidence files per indicator value: accepted types and sizes, private storage, downloads
only for those who may see the report."""

import io
import zipfile
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from trienkhai_web.tracking import services
from trienkhai_web.tracking.evidence import EVIDENCE_MAX_BYTES
from trienkhai_web.tracking.models import Evidence, ReportStatus

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.EVIDENCE_ROOT = str(tmp_path / "evidence")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path


def upload(client, world, report, *files):
    return client.post(f"/theo-doi/bao-cao/{report.pk}/minh-chung/{world.target.pk}/", {"evidence": list(files)},
                       follow=True)


def test_several_files_per_value_stored_privately(world, client, private_root):
    report = services.open_report(world.period, world.unit)
    client.force_login(world.reporter)
    response = upload(client, world, report, SimpleUploadedFile("Biên bản họp.pdf", PDF),
                      SimpleUploadedFile("ảnh hiện trường.png", PNG), SimpleUploadedFile("bang-tong-hop.docx",
                                                                                         docx_bytes()))
    page = response.content.decode()
    assert "Đã đính kèm “Biên bản họp.pdf”" in page and "Biên bản họp.pdf" in page
    files = list(Evidence.objects.filter(value__report=report).order_by("pk"))
    assert [(f.original_name, f.size, f.uploaded_by) for f in files] == [
        ("Biên bản họp.pdf", len(PDF), world.reporter), ("ảnh hiện trường.png", len(PNG), world.reporter),
        ("bang-tong-hop.docx", len(docx_bytes()), world.reporter)]
    assert all((private_root / "evidence" / f.file.name).exists() for f in files)
    assert not (private_root / "media").exists()  # nothing under the publicly served folder
    report.refresh_from_db()
    assert report.version == 4 and "Biên bản họp.pdf" not in report.last_change  # last: the .docx
    assert "bang-tong-hop.docx" in report.last_change


# The contents are made inside the test and the ids are the file names: a zip's timestamp or a 10 MB
# payload in a test id differs between pytest-xdist workers, which then refuse to run.
REFUSED = [
    ("chuong-trinh.exe", lambda: b"MZ\x90\x00", "chỉ nhận tệp minh chứng PDF, Word (.docx), Excel (.xlsx), JPG và PNG"),
    ("gia-mao.pdf", lambda: b"MZ\x90\x00 not a pdf", "không phải là tệp PDF thật"),
    ("bang.xlsx", docx_bytes, "không phải là tệp XLSX thật"),
    ("rong.png", lambda: b"", "là tệp rỗng"),
    ("qua-lon.pdf", lambda: PDF + b"0" * EVIDENCE_MAX_BYTES, "mỗi tệp minh chứng tối đa 10 MB"),
]


@pytest.mark.parametrize(("name", "make_content", "message"), REFUSED, ids=[name for name, *_ in REFUSED])
def test_refused_files_change_nothing(world, client, name, make_content, message):
    report = services.open_report(world.period, world.unit)
    client.force_login(world.reporter)
    page = upload(client, world, report, SimpleUploadedFile(name, make_content())).content.decode()
    assert message in page and name in page
    assert not Evidence.objects.exists()
    report.refresh_from_db()
    assert report.version == 1


def test_download_only_for_those_who_may_see_the_report(world, client):
    report = services.open_report(world.period, world.unit)
    evidence = services.attach_evidence(world.reporter, report, None, world.target,
                                        SimpleUploadedFile("Biên bản.pdf", PDF))
    url = f"/theo-doi/minh-chung/{evidence.pk}/"
    for user, code in [(world.reporter, 200), (world.head, 200), (world.monitor, 200), (world.leader, 200),
                       (world.parent_head, 200), (world.other, 403), (world.partner_reporter, 403)]:
        client.logout()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == code, user
        if code == 200:
            assert b"".join(response.streaming_content) == PDF
            assert "attachment" in response["Content-Disposition"]
            assert "Bi%C3%AAn%20b%E1%BA%A3n.pdf" in response["Content-Disposition"]
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(world.reporter)
    assert url in client.get(f"/theo-doi/bao-cao/{report.pk}/").content.decode()


def test_remove_only_while_editable(world, client):
    report = services.open_report(world.period, world.unit)
    first = services.attach_evidence(world.reporter, report, None, world.target, SimpleUploadedFile("a.pdf", PDF))
    second = services.attach_evidence(world.reporter, report, None, world.target, SimpleUploadedFile("b.png", PNG))
    client.force_login(world.other)
    assert client.post(f"/theo-doi/minh-chung/{first.pk}/xoa/").status_code == 403
    client.force_login(world.reporter)
    client.post(f"/theo-doi/minh-chung/{first.pk}/xoa/")
    assert list(Evidence.objects.values_list("original_name", flat=True)) == ["b.png"]
    report.refresh_from_db()
    for task in world.tasks:
        report = services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=task.pk,
                                     field="status", value="hoan_thanh")
    services.submit(world.head, report, version=report.version, late_reason="Chờ số liệu")
    page = client.post(f"/theo-doi/minh-chung/{second.pk}/xoa/", follow=True).content.decode()
    assert "Báo cáo đã được nộp hoặc đã được duyệt nên không sửa được nữa." in page
    assert Evidence.objects.filter(pk=second.pk).exists()
    assert report.__class__.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_a_crash_while_attaching_evidence_leaves_neither_row_nor_file(world, private_root):
    report = services.open_report(world.period, world.unit)
    with mock.patch("trienkhai_web.tracking.services._bump", side_effect=RuntimeError("mất điện")), \
            pytest.raises(RuntimeError):
        services.attach_evidence(world.reporter, report, None, world.target, SimpleUploadedFile("a.pdf", PDF))
    assert not Evidence.objects.exists()
    assert [p for p in private_root.rglob("*") if p.is_file()] == []


def test_behind_nginx_evidence_is_sent_from_its_internal_location(world, client, settings):
    settings.X_ACCEL_REDIRECT = True
    report = services.open_report(world.period, world.unit)
    evidence = services.attach_evidence(world.reporter, report, None, world.target,
                                        SimpleUploadedFile("Biên bản.pdf", PDF))
    client.force_login(world.monitor)
    response = client.get(f"/theo-doi/minh-chung/{evidence.pk}/")
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"].startswith("/_files/evidence/")
    client.force_login(world.other)
    assert client.get(f"/theo-doi/minh-chung/{evidence.pk}/").status_code == 403
