from __future__ import annotations

import pytest
from django.test import Client

from tests.web.factories import ROLES
from trienkhai_web.accounts.models import Role
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.organisations.models import Organisation, Succession

pytestmark = pytest.mark.django_db
MANAGE = {Role.ADMINISTRATOR, Role.MONITOR}


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def read_urls(orgs):
    pk = orgs["bdv-tu"].pk
    return ["/to-chuc/", "/to-chuc/?q=ban dan van", f"/to-chuc/{pk}/"]


def manage_urls(orgs):
    pk = orgs["so-y-te"].pk
    # The exports carry contact e-mails (personal data): only for those who manage organisations.
    return ["/to-chuc/them/", f"/to-chuc/{pk}/sua/", f"/to-chuc/{pk}/ket-thuc/", "/to-chuc/nhap/",
            "/to-chuc/tai-xuong.csv", "/to-chuc/tai-xuong.xlsx"]


def test_anonymous_is_sent_to_login(orgs):
    for url in read_urls(orgs) + manage_urls(orgs):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/"), url


@pytest.mark.parametrize("role", ROLES)
def test_pages_per_role(users, orgs, role):
    client = client_for(users[role])
    for url in read_urls(orgs):
        assert client.get(url).status_code == 200, url
    for url in manage_urls(orgs):
        assert client.get(url).status_code == (200 if role in MANAGE else 403), url
    tree = client.get("/to-chuc/").content.decode()
    assert "Ban Dân vận Tỉnh ủy" in tree and "Huyện Biên Giới" in tree
    assert ("Tạo tổ chức mới" in tree) == (role in MANAGE)
    assert ("tai-xuong.xlsx" in tree) == (role in MANAGE)  # no button that leads to a 403


@pytest.mark.parametrize("role", ROLES)
def test_posts_per_role(users, orgs, role):
    client = client_for(users[role])
    before = Organisation.objects.count()
    created = client.post("/to-chuc/them/", {"name": "Sở Công Thương", "kind": "department",
                                             "parent": orgs["ubnd"].pk, "code": "so-cong-thuong"})
    alias = client.post(f"/to-chuc/{orgs['so-y-te'].pk}/ten-goi-khac/", {"name": "SYT"})
    if role in MANAGE:
        assert created.status_code == 302 and Organisation.objects.count() == before + 1
        assert orgs["so-y-te"].aliases.filter(name="SYT").exists()
    else:
        assert (created.status_code, alias.status_code) == (403, 403)
        assert Organisation.objects.count() == before and not AuditEntry.objects.filter(user=users[role]).exists()


def test_search_without_diacritics(users):
    page = client_for(users[Role.LEADER]).get("/to-chuc/", {"q": "hoi lien hiep phu nu"}).content.decode()
    assert "Hội Liên hiệp Phụ nữ tỉnh" in page and "Tìm thấy 1 tổ chức" in page


def test_tree_greys_ended_units_with_successors(users, orgs):
    page = client_for(users[Role.LEADER]).get("/to-chuc/").content.decode()
    assert 'org-node ended' in page and "đã kết thúc 30/06/2025" in page
    detail = client_for(users[Role.LEADER]).get(f"/to-chuc/{orgs['huyen-bg'].pk}/").content.decode()
    assert "hợp nhất vào" in detail and "Tỉnh Tuyên Quang" in detail and "30/06/2025" in detail


def test_edit_conflict_is_reported_and_changes_nothing(users, orgs):
    client = client_for(users[Role.MONITOR])
    org = orgs["so-y-te"]
    form = {"name": "Sở Y tế tỉnh", "kind": "department", "parent": orgs["ubnd"].pk, "code": "so-y-te",
            "version": 1}
    assert client.post(f"/to-chuc/{org.pk}/sua/", form).status_code == 302
    stale = client.post(f"/to-chuc/{org.pk}/sua/", {**form, "name": "Sở Y tế (ghi đè)"})
    assert stale.status_code == 200 and "người khác sửa" in stale.content.decode()
    org.refresh_from_db()
    assert org.name == "Sở Y tế tỉnh" and org.version == 2
    cycle = client.post(f"/to-chuc/{orgs['tinh'].pk}/sua/", {"name": "Tỉnh mẫu", "kind": "province",
                                                             "parent": orgs["ubnd"].pk, "code": "tinh", "version": 1})
    assert "dưới chính nó" in cycle.content.decode()


def test_end_page(users, orgs):
    client = client_for(users[Role.MONITOR])
    org = orgs["so-tu-phap"]
    response = client.post(f"/to-chuc/{org.pk}/ket-thuc/", {
        "on": "30/06/2025", "kind": "merged_into", "successors": [orgs["so-noi-vu"].pk], "version": 1})
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.valid_to.isoformat() == "2025-06-30"
    assert Succession.objects.get(predecessor=org).successor == orgs["so-noi-vu"]
    history = client.get(f"/to-chuc/{org.pk}/").content.decode()
    # The action as a sentence with the person's name, the values by their labels (not "merged_into").
    name = users[Role.MONITOR].get_full_name() or users[Role.MONITOR].username
    assert f"{name} đã ghi nhận {org.name} kết thúc hoạt động" in history
    assert "merged_into" not in history


def test_alias_remove(users, orgs):
    client = client_for(users[Role.ADMINISTRATOR])
    alias = orgs["hlhpn"].aliases.get(name="Hội LHPN tỉnh")
    assert client_for(users[Role.LEADER]).post(f"/to-chuc/ten-goi-khac/{alias.pk}/xoa/").status_code == 403
    assert client.post(f"/to-chuc/ten-goi-khac/{alias.pk}/xoa/").status_code == 302
    assert not orgs["hlhpn"].aliases.filter(name="Hội LHPN tỉnh").exists()


def test_upload_page_reports_bad_rows_and_imports_good_file(users, orgs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(users[Role.MONITOR])
    bad = SimpleUploadedFile("x.csv", "Mã,Tên,Mã đơn vị cấp trên\nso-moi,Sở Mới,khong-co\n".encode())
    page = client.post("/to-chuc/nhap/", {"file": bad}).content.decode()
    assert "Chưa lưu gì" in page and "Dòng 2" in page and "khong-co" in page
    good = SimpleUploadedFile("x.csv", "Mã,Tên,Mã đơn vị cấp trên\nso-moi,Sở Mới,ubnd\n".encode())
    assert client.post("/to-chuc/nhap/", {"file": good}).status_code == 302
    assert Organisation.objects.get(code="so-moi").parent == orgs["ubnd"]


def test_admin_pages(orgs):
    from tests.web.factories import UserFactory

    admin = UserFactory(username="sieuquantri", is_staff=True, is_superuser=True)
    client = client_for(admin)
    org = orgs["bdv-tu"]
    assert client.get("/admin/organisations/organisation/?q=ban dan van").status_code == 200
    assert client.get(f"/admin/organisations/organisation/{org.pk}/change/").status_code == 200
    assert client.get("/admin/accounts/membership/").status_code == 200
    assert client.get("/admin/audit/auditentry/").status_code == 200
    assert client.get("/admin/audit/auditentry/add/").status_code == 403
