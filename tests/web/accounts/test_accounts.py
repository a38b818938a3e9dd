from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from tests.web.factories import user_with_role
from trienkhai_web.accounts import permissions, tokens
from trienkhai_web.accounts.models import ApiToken, Role

pytestmark = pytest.mark.django_db


def test_issue_token_command_prints_a_new_key_once_and_stores_only_its_hash():
    user = user_with_role(Role.LEADER, username="lanhdao")
    out = io.StringIO()
    call_command("issue_token", "lanhdao", stdout=out, stderr=io.StringIO())
    key = out.getvalue().strip()
    token = ApiToken.objects.get(user=user)
    assert token.key_hash == tokens.digest(key) and key not in token.key_hash
    assert key.startswith(token.prefix + ".")
    renewed = io.StringIO()
    call_command("issue_token", "lanhdao", "--renew", stdout=renewed, stderr=io.StringIO())
    assert renewed.getvalue().strip() != key
    assert ApiToken.objects.get(key_hash=tokens.digest(key)).revoked_at is not None
    with pytest.raises(CommandError):
        call_command("issue_token", "khongco")


@pytest.mark.parametrize("role,manage", [(Role.ADMINISTRATOR, True), (Role.MONITOR, True),
                                         (Role.UNIT_REPORTER, False), (Role.UNIT_HEAD, False),
                                         (Role.LEADER, False)])
def test_can_manage_organisations(role, manage):
    assert permissions.can_manage_organisations(user_with_role(role)) is manage
