from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token

from tests.web.factories import user_with_role
from trienkhai_web.accounts import permissions
from trienkhai_web.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_issue_token_command():
    user = user_with_role(Role.LEADER, username="lanhdao")
    out = io.StringIO()
    call_command("issue_token", "lanhdao", stdout=out)
    key = out.getvalue().strip()
    assert Token.objects.get(user=user).key == key
    again = io.StringIO()
    call_command("issue_token", "lanhdao", stdout=again)
    assert again.getvalue().strip() == key
    renewed = io.StringIO()
    call_command("issue_token", "lanhdao", "--renew", stdout=renewed)
    assert renewed.getvalue().strip() != key
    with pytest.raises(CommandError):
        call_command("issue_token", "khongco")


@pytest.mark.parametrize("role,manage", [(Role.ADMINISTRATOR, True), (Role.MONITOR, True),
                                         (Role.UNIT_REPORTER, False), (Role.UNIT_HEAD, False),
                                         (Role.LEADER, False)])
def test_can_manage_organisations(role, manage):
    assert permissions.can_manage_organisations(user_with_role(role)) is manage
