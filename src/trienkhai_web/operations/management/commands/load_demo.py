"""`trienkhai demo`: migrate, then load organisations, users, the sample plans and report data.

Idempotent: running it again changes nothing already there. The other apps contribute through their
own `demo.load()` when they have one."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from trienkhai.text.vietnamese import fold
from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import demo as plans_demo

DEMO_PASSWORD = "trienkhai-demo"
MONITOR_ORG = "Ban Dân vận Tỉnh ủy"


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:
        return None


def _org(name: str) -> Organisation:
    org = Organisation.objects.filter(match_key=fold(name)).first()
    return org or Organisation.objects.create(name=name, short_name=name[:100], match_key=fold(name))


def _user(username: str, full_name: str, role: str, org: Organisation | None) -> tuple[str, str, str]:
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": full_name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        user.save()
    Membership.objects.get_or_create(user=user, role=role, organisation=org)
    return username, DEMO_PASSWORD, f"{Role(role).label}{f' ({org.name})' if org else ''}"


class Command(BaseCommand):
    help = "Chuẩn bị cơ sở dữ liệu và nạp dữ liệu mẫu (chạy lại nhiều lần không sao)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--docs", help="thư mục văn bản mẫu")

    def handle(self, *args, **opts) -> None:
        docs = Path(opts.get("docs") or settings.PROJECT_DIR.parent / "shared/corpus/dev/docs")
        if not docs.is_dir():
            raise CommandError(f"Không tìm thấy thư mục văn bản mẫu {docs}.")
        call_command("migrate", interactive=False, verbosity=0)
        # (username, password, what the account is for)
        logins: list[tuple[str, str, str]] = []
        for module in ("trienkhai_web.organisations.demo", "trienkhai_web.accounts.demo"):
            if (m := _optional(module)) is not None:
                result = m.load()
                if module.endswith("accounts.demo") and isinstance(result, list | tuple):
                    logins = [tuple(x) for x in result]
        own_users = not logins
        if own_users:
            logins = [_user("quantri", "Quản trị hệ thống", Role.ADMINISTRATOR, None),
                      _user("giamsat", "Ban Dân vận (giám sát)", Role.MONITOR, _org(MONITOR_ORG)),
                      _user("lanhdao", "Lãnh đạo", Role.LEADER, None)]
        admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        self.stdout.write(f"Nạp văn bản mẫu từ {docs}:")
        # The demo's monitoring body (the monitor's organisation) follows every sample plan.
        monitor = Membership.objects.filter(role=Role.MONITOR, organisation__isnull=False).order_by("pk").first()
        plans_demo.load(admin, docs, log=self.stdout.write,
                        monitoring_body=monitor.organisation if monitor else None)
        if own_users:
            busiest = (Organisation.objects.annotate(n=Count("task_assignments")).filter(n__gt=0)
                       .order_by("-n", "pk").first()) or _org(MONITOR_ORG)
            logins += [_user("baocao", "Cán bộ báo cáo", Role.UNIT_REPORTER, busiest),
                       _user("truongdonvi", "Trưởng đơn vị", Role.UNIT_HEAD, busiest)]
        if (m := _optional("trienkhai_web.tracking.demo")) is not None:
            m.load()
        self.stdout.write("\nTài khoản mẫu (đăng nhập tại /dang-nhap/):")
        for username, password, description in logins:
            self.stdout.write(f"  {username} / {password}  — {description}")
