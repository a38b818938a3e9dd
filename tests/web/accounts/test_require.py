"""`require`, what every write service asks first: the user's permission, or the system acting itself."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from tests.web.factories import user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_manage_organisations, require


@pytest.mark.django_db
def test_require_refuses_who_may_not_and_lets_the_system_through():
    require(user_with_role(Role.MONITOR, username="giam_sat"), can_manage_organisations)
    require(None, can_manage_organisations)  # a management command or the demo loader
    for user in (user_with_role(Role.LEADER, username="lanh_dao"), AnonymousUser()):
        with pytest.raises(PermissionDenied) as error:
            require(user, can_manage_organisations, message="Không được")
        assert str(error.value) == "Không được"
