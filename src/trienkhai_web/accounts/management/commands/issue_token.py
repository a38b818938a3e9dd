"""`python -m django issue_token USERNAME [--renew]`: print the user's API token (created if missing)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Cấp (hoặc cấp lại với --renew) khóa API cho một người dùng và in ra."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username", help="tên đăng nhập")
        parser.add_argument("--renew", action="store_true", help="hủy khóa cũ, cấp khóa mới")

    def handle(self, *args: Any, username: str, renew: bool, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        if renew:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
