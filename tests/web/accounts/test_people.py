"""Managing people in the application: the administrator and the monitoring body create unit accounts, give
and take away roles, reset passwords, deactivate and import accounts from .xlsx; all audited, in Vietnamese."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from openpyxl import Workbook

from tests.web.factories import (
    PASSWORD,
    OrganisationFactory,
    TaskFactory,
    assign,
    scheduled_plan,
    user_with_role,
)
from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
User = get_user_model()


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def monitored(bob, monitoring_body, unit):
    """A plan monitored by bob's body in which `unit` has a task: bob looks after `unit`."""
    plan = scheduled_plan(monitoring_body=monitoring_body)
    assign(TaskFactory(plan=plan), unit)
    return unit


def _password(page: str) -> str:
    return re.search(r'<code class="password">([^<]+)</code>', page).group(1)


def test_admin_creates_an_account_whose_password_is_shown_once_and_works(alice, unit):
    response = _client(alice).post("/nguoi-dung/moi/", {
        "full_name": "Nguyễn Thị Hoa", "email": "hoa@example.vn", "username": "nthoa",
        "role": Role.UNIT_REPORTER, "organisation": unit.pk})
    page = response.content.decode()
    assert response.status_code == 200 and "chỉ hiện lần này" in page
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    password = _password(page)
    account = User.objects.get(username="nthoa")
    assert account.get_full_name() == "Nguyễn Thị Hoa" and account.check_password(password)
    assert Membership.objects.filter(user=account, role=Role.UNIT_REPORTER, organisation=unit).exists()
    assert Client().login(username="nthoa", password=password)
    trail = _client(alice).get("/nhat-ky/").content.decode()
    assert "đã tạo tài khoản cho Nguyễn Thị Hoa (nthoa)" in trail
    assert password not in trail  # the password is in no entry


def test_monitor_gives_unit_roles_for_the_units_it_monitors_only(bob, monitored):
    client = _client(bob)
    ok = client.post("/nguoi-dung/moi/", {"full_name": "Trần Văn Bình", "username": "tvbinh",
                                          "role": Role.UNIT_HEAD, "organisation": monitored.pk})
    assert ok.status_code == 200 and User.objects.filter(username="tvbinh").exists()
    elsewhere = OrganisationFactory(name="Sở Xây dựng")
    refused = client.post("/nguoi-dung/moi/", {"full_name": "Lê Văn C", "username": "lvc",
                                               "role": Role.UNIT_HEAD, "organisation": elsewhere.pk})
    assert refused.status_code == 400 and not User.objects.filter(username="lvc").exists()
    admin_role = client.post("/nguoi-dung/moi/", {"full_name": "Lê Văn D", "username": "lvd",
                                                  "role": Role.ADMINISTRATOR})
    assert admin_role.status_code == 400 and not User.objects.filter(username="lvd").exists()
    # The list shows the accounts of the units it monitors, not the administrator's.
    listing = client.get("/nguoi-dung/").content.decode()
    assert "Trần Văn Bình" in listing and "quantri" not in listing


@pytest.mark.parametrize("who", ["carol", "dave", "erin"])
def test_other_roles_cannot_open_the_people_pages_and_see_no_link(request, who):
    user = request.getfixturevalue(who)
    client = _client(user)
    assert client.get("/nguoi-dung/").status_code == 403
    assert 'href="/nguoi-dung/"' not in client.get("/").content.decode()


def test_reset_password_and_deactivate(alice, carol):
    client = _client(alice)
    page = client.post(f"/nguoi-dung/{carol.pk}/dat-lai-mat-khau/").content.decode()
    new = _password(page)
    carol.refresh_from_db()
    assert carol.check_password(new) and not carol.check_password(PASSWORD)
    client.post(f"/nguoi-dung/{carol.pk}/trang-thai/", {"active": "0"})
    carol.refresh_from_db()
    assert not carol.is_active and not Client().login(username="baocao", password=new)
    history = client.get(f"/nguoi-dung/{carol.pk}/").content.decode()
    assert "đã đặt lại mật khẩu của" in history and "đã khóa tài khoản của" in history


def test_roles_given_and_taken_away_are_audited_with_labels(alice, carol, unit):
    client = _client(alice)
    client.post(f"/nguoi-dung/{carol.pk}/vai-tro/", {"role": Role.UNIT_HEAD, "organisation": unit.pk})
    head = Membership.objects.get(user=carol, role=Role.UNIT_HEAD)
    client.post(f"/nguoi-dung/{carol.pk}/vai-tro/{head.pk}/xoa/")
    assert not Membership.objects.filter(pk=head.pk).exists()
    last = Membership.objects.get(user=carol)
    client.post(f"/nguoi-dung/{carol.pk}/vai-tro/{last.pk}/xoa/")  # the last role stays
    assert Membership.objects.filter(pk=last.pk).exists()
    from tests.web.crawl import internal_ids, visible_text

    history = visible_text(client.get(f"/nguoi-dung/{carol.pk}/").content.decode())
    assert "đã giao vai trò cho" in history and "Thủ trưởng đơn vị — Hội Liên hiệp Phụ nữ tỉnh" in history
    assert internal_ids(history) == []


def _workbook(rows) -> bytes:
    wb = Workbook()
    sheet = wb.active
    sheet.append(["Họ tên", "E-mail", "Tên đăng nhập", "Đơn vị", "Vai trò"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _upload(client, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/nguoi-dung/nhap/", {"file": SimpleUploadedFile("tai-khoan.xlsx", data)})


def test_import_creates_every_account_or_none(alice, unit):
    client = _client(alice)
    reporter = str(Role.UNIT_REPORTER.label)
    good = _workbook([["Phạm Văn E", "e@example.vn", "pve", unit.name, "Người báo cáo của đơn vị"],
                      ["Vũ Thị F", "", "vtf", unit.name.upper(), "Thủ trưởng đơn vị"]])
    bad = _workbook([["Đỗ Văn G", "", "dvg", unit.name, "Người báo cáo của đơn vị"],
                     ["=HYPERLINK(\"http://x\",\"bấm\")", "", "h", unit.name, "Người báo cáo của đơn vị"],
                     ["Hồ Văn I", "", "dvg", "Ủy ban không có", "vai trò lạ"]])
    refused = _upload(client, bad)
    page = refused.content.decode()
    assert refused.status_code == 400 and "Chưa lưu gì" in page
    assert "Dòng 3:" in page and "công thức" in page
    assert "Dòng 4:" in page and "trùng với dòng 2" in page and "không có tổ chức" in page and "vai trò lạ" in page
    assert not User.objects.filter(username__in=["dvg", "h"]).exists()
    created = _upload(client, good)
    assert created.status_code == 200, reporter
    assert set(User.objects.filter(username__in=["pve", "vtf"]).values_list("username", flat=True)) == {"pve", "vtf"}
    assert Membership.objects.get(user__username="vtf").role == Role.UNIT_HEAD
    assert created.content.decode().count('<code class="password">') == 2
    assert AuditEntry.objects.filter(action="accounts.account.create").count() == 2


def test_the_people_list_searches_filters_and_pages_in_few_queries(alice, unit, django_assert_max_num_queries):
    for n in range(60):
        user_with_role(Role.UNIT_REPORTER, unit, f"canbo{n:02d}")
    client = _client(alice)
    with django_assert_max_num_queries(12):
        first = client.get("/nguoi-dung/")
    assert first.status_code == 200 and "Trang 1/2" in first.content.decode()
    with django_assert_max_num_queries(12):
        found = client.get("/nguoi-dung/", {"q": "canbo07", "vai_tro": Role.UNIT_REPORTER}).content.decode()
    assert "canbo07" in found and "canbo08" not in found
