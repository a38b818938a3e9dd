"""`python -m django reset_two_factor USERNAME`: remove a user's sign-in key (a lost phone)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from trienkhai_web.accounts import two_factor


class Command(BaseCommand):
    help = ("Xóa khóa đăng nhập hai bước của một người dùng (khi mất điện thoại); "
            "lần đăng nhập sau người đó thiết lập lại.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username", help="tên đăng nhập")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        two_factor.reset_for(None, user)
        self.stdout.write(f"Đã xóa khóa đăng nhập hai bước của “{username}”.")
