"""Demo users: one named user per role, with memberships on the demo organisations.

THIS IS DEMO DATA with published passwords: never load it on a production site. `load()` is
idempotent (it resets the demo passwords and memberships) and returns the logins so that the
`load_demo` command can print them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.organisations import demo as organisations_demo

# (username, password, role, organisation code, full name, what the user may do — shown to the demo user)
DEMO_USERS: list[tuple[str, str, str, str | None, str, str]] = [
    ("quantri", "quantri-2025", Role.ADMINISTRATOR, None, "Quản trị hệ thống",
     "Quản trị: toàn quyền"),
    ("giamsat", "giamsat-2025", Role.MONITOR, "bdv-tu", "Chuyên viên Ban Dân vận",
     "Cơ quan theo dõi (Ban Dân vận Tỉnh ủy): nhập, rà soát, ban hành kế hoạch; quản lý tổ chức"),
    # The units are ones the sample documents assign work to, so their users have something to report.
    ("baocao", "baocao-2025", Role.UNIT_REPORTER, "btv-tinh-doan", "Cán bộ Tỉnh đoàn",
     "Người báo cáo của đơn vị (Ban Thường vụ Tỉnh đoàn): soạn báo cáo của đơn vị"),
    ("truongdonvi", "truongdonvi-2025", Role.UNIT_HEAD, "dd-mttq", "Lãnh đạo Đảng đoàn Ủy ban MTTQ tỉnh",
     "Thủ trưởng đơn vị (Đảng đoàn Ủy ban MTTQ tỉnh): gửi báo cáo, duyệt báo cáo của đơn vị trực thuộc"),
    ("lanhdao", "lanhdao-2025", Role.LEADER, "tinh-uy", "Lãnh đạo Tỉnh ủy",
     "Lãnh đạo: xem tất cả, không sửa"),
]


@transaction.atomic
def load() -> list[tuple[str, str, str]]:
    """Create or reset the demo users; return [(username, password, role description)]."""
    orgs = organisations_demo.load()
    user_model = get_user_model()
    logins: list[tuple[str, str, str]] = []
    for username, password, role, org_code, full_name, description in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        first, _, last = full_name.rpartition(" ")
        user.first_name, user.last_name = (first, last) if first else (full_name, "")
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(password)
        user.save()
        organisation = orgs[org_code] if org_code else None
        Membership.objects.filter(user=user).exclude(role=role, organisation=organisation).delete()
        Membership.objects.get_or_create(user=user, role=role, organisation=organisation)
        logins.append((username, password, description))
    return logins
