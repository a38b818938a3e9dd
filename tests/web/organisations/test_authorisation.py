"""The organisations services decide who may change organisations, whoever calls them, and refuse an
update that does not say which version it read; a refused change stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from trienkhai_web.accounts.models import Role
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict
from trienkhai_web.organisations import io as org_io
from trienkhai_web.organisations import services
from trienkhai_web.organisations.models import Organisation, OrganisationAlias


@pytest.mark.parametrize("role", [Role.LEADER, Role.UNIT_HEAD, Role.UNIT_REPORTER])
def test_services_refuse_users_without_permission_even_called_directly(orgs, users, role):
    user, org = users[role], orgs["hlhpn"]
    alias = OrganisationAlias.objects.filter(organisation=org).first()
    before = (Organisation.objects.count(), OrganisationAlias.objects.count(), AuditEntry.objects.count())
    calls = [
        lambda: services.create_organisation(user, name="Sở Nội vụ"),
        lambda: services.update_organisation(user, org, version=org.version, name="Đổi tên"),
        lambda: services.move_organisation(user, org, None, version=org.version),
        lambda: services.add_alias(user, org, "Tên khác"),
        lambda: services.end_organisation(user, org, on=dt.date(2025, 6, 30), successors=[orgs["tinh-uy"]],
                                          version=org.version),
        lambda: org_io.import_file(user, "a.csv", "Mã,Tên\nmoi,Đơn vị mới\n".encode()),
    ]
    if alias is not None:
        calls.append(lambda: services.remove_alias(user, alias))
    for call in calls:
        with pytest.raises(PermissionDenied) as error:
            call()
        assert str(error.value) == "Bạn không có quyền thay đổi tổ chức."
    org.refresh_from_db()
    assert org.name != "Đổi tên" and org.valid_to is None
    assert (Organisation.objects.count(), OrganisationAlias.objects.count(), AuditEntry.objects.count()) == before


def test_an_update_without_a_version_is_a_conflict_and_changes_nothing(orgs, users):
    org = orgs["hlhpn"]
    for call in (lambda: services.update_organisation(users[Role.MONITOR], org, version=None, name="Đổi tên"),
                 lambda: services.end_organisation(users[Role.MONITOR], org, on=dt.date(2025, 6, 30),
                                                   successors=[orgs["tinh-uy"]], version=None)):
        with pytest.raises(Conflict):
            call()
    fresh = Organisation.objects.get(pk=org.pk)
    assert (fresh.name, fresh.version, fresh.valid_to) == (org.name, org.version, None)
