"""The review page's agency names: certain matches applied at import (shown, undoable), collective scopes
resolved in the plan's province (changeable), "accept all" above a confidence, no fuzzy preselection, and
new bodies placed with a kind, a level and a parent."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.web.factories import user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.organisations import demo as organisations_demo
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import services
from trienkhai_web.plans.models import PlanStatus, TaskScope

pytestmark = pytest.mark.django_db

DOC = """TỈNH ỦY TUYÊN QUANG
*
Số 77-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Tuyên Quang, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng

I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc Nghị quyết đến cán bộ, đảng viên.

II. NHIỆM VỤ
1. Tăng cường công tác dân vận.

III. TỔ CHỨC THỰC HIỆN
1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh lãnh đạo Ủy ban Mặt trận Tổ quốc tỉnh giám sát việc thực hiện.
3. Các Đảng đoàn, ban cán sự đảng căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.
4. Sở Khoa học và Công nghệ tham mưu ứng dụng công nghệ số trong công tác dân vận.
5. Ban Tuyên giáo Tỉnh ủyy hướng dẫn công tác tuyên truyền.

Nơi nhận:
- Ban Bí thư Trung ương Đảng (báo cáo),
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn D
"""


@pytest.fixture
def setup(client):
    orgs = organisations_demo.load()
    monitor = user_with_role(Role.MONITOR, orgs["bdv-tu"], "giamsat2")
    client.force_login(monitor)
    plan = services.import_document(monitor, filename="kh77.txt", data=DOC.encode())
    return {"orgs": orgs, "monitor": monitor, "plan": plan}


def _post(client, plan, **data):
    plan.refresh_from_db()
    response = client.post(reverse("plans:review_agency", args=[plan.pk]), {"version": plan.version, **data},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    plan.refresh_from_db()
    return response.content.decode()


def test_certain_matches_and_scopes_are_decided_at_import_and_shown(client, setup):
    plan, orgs = setup["plan"], setup["orgs"]
    # Exact and same-body matches are applied without a click, in the plan's province.
    assert plan.agency_map["Ban Dân vận Tỉnh ủy"] == orgs["bdv-tu"].pk
    assert plan.agency_map["Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh"] == orgs["dd-mttq"].pk  # the registry
    # A scope is no organisation; it resolves to the province's bodies of its kind.
    assert plan.agency_map["Các Đảng đoàn"] is None
    delegations = set(plan.scope_map["Các Đảng đoàn"])
    assert orgs["dd-mttq"].pk in delegations and orgs["bcsd-ubnd"].pk in delegations
    assert plan.agency_map["các cơ quan liên quan"] is None and "các cơ quan liên quan" not in plan.scope_map
    page = client.get(reverse("plans:review", args=[plan.pk])).content.decode()
    assert 'id="review-agencies"' in page
    assert "trùng tên" in page and "cùng cơ quan" in page and "Hoàn tác" in page
    assert "nhóm cơ quan" in page and "cơ quan liên quan (không nêu tên)" in page
    assert "Chấp nhận tất cả" in page
    # The misspelt name gets a fuzzy suggestion, never preselected.
    row = page[page.index("Ban Tuyên giáo Tỉnh ủyy"):]
    row = row[:row.index("</tr>")]
    assert "Ban Tuyên giáo Tỉnh ủy (" in row and not re.search(r"<option value=\"\d+\" selected>", row)


def test_undo_accept_all_scope_change_and_new_body_then_publish(client, setup):
    plan, orgs = setup["plan"], setup["orgs"]
    _post(client, plan, action="undo", name="Ban Dân vận Tỉnh ủy")
    assert "Ban Dân vận Tỉnh ủy" not in plan.agency_map
    _post(client, plan, action="accept", min_score=80)
    assert plan.agency_map["Ban Tuyên giáo Tỉnh ủyy"] == orgs["btg-tu"].pk
    assert plan.agency_map["Ban Dân vận Tỉnh ủy"] == orgs["bdv-tu"].pk  # certain: the best suggestion
    _post(client, plan, action="scope", name="Các Đảng đoàn", organisations=[orgs["dd-hdnd"].pk])
    assert plan.scope_map["Các Đảng đoàn"] == [orgs["dd-hdnd"].pk]
    _post(client, plan, action="create", name="Sở Khoa học và Công nghệ")
    new = Organisation.objects.get(pk=plan.agency_map["Sở Khoa học và Công nghệ"])
    # Never parentless: a department of the province, under its People's Committee.
    assert (new.kind, new.level, new.parent) == ("department", "province", orgs["ubnd"])
    for name in services.undecided_names(plan):
        plan = services.map_agency(setup["monitor"], plan, version=plan.version, name=name, organisation=None)
    plan = services.publish(setup["monitor"], plan, version=plan.version)
    assert plan.status == PlanStatus.PUBLISHED and plan.issuer is not None
    scope = TaskScope.objects.get(task__plan=plan, name_in_document="Các Đảng đoàn")
    assert [a.organisation for a in scope.assignments.all()] == [orgs["dd-hdnd"]]
    unnamed = TaskScope.objects.get(task__plan=plan, name_in_document="các cơ quan liên quan")
    assert unnamed.unnamed and not unnamed.assignments.exists()
    assert not plan.tasks.exclude(assignments__role="lead").exists()
