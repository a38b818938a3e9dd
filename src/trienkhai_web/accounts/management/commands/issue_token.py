"""`python -m django issue_token USERNAME [--days N] [--renew]`: issue an API key and print it once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from trienkhai_web.accounts import tokens


class Command(BaseCommand):
    help = ("Cấp khóa API mới cho một người dùng và in ra (chỉ in một lần: hệ thống chỉ lưu mã băm). "
            "--renew hủy các khóa cũ.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username", help="tên đăng nhập")
        parser.add_argument("--days", type=int, default=None, help="số ngày hiệu lực (mặc định API_TOKEN_DAYS)")
        parser.add_argument("--renew", action="store_true", help="hủy các khóa cũ, cấp khóa mới")

    def handle(self, *args: Any, username: str, days: int | None, renew: bool, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        if days is not None and days < 1:
            raise CommandError("Số ngày hiệu lực phải từ 1 trở lên.")
        token, key = tokens.issue(user, days=days, revoke_others=renew)
        self.stdout.write(key)
        self.stderr.write(f"Hết hạn: {token.expires_at:%d/%m/%Y}")
