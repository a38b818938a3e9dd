"""Reading accounts for the people pages."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from trienkhai_web.accounts.models import Membership
from trienkhai_web.accounts.permissions import UNIT_ROLES, is_admin, monitored_organisations
from trienkhai_web.organisations.models import Organisation


def people_for(user: Any, *, q: str = "", role: str = "", organisation: int | None = None,
               active: str = "") -> QuerySet:
    """The accounts the user manages (all for the administrator; for a monitoring body those acting for a unit
    it monitors), searched by name, user name, e-mail or unit, with their roles fetched together."""
    User = get_user_model()
    qs = User.objects.all()
    if not is_admin(user):
        qs = qs.filter(memberships__role__in=UNIT_ROLES,
                       memberships__organisation_id__in=monitored_organisations(user), is_superuser=False)
    for word in q.split():
        qs = qs.filter(Q(username__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
                       | Q(email__icontains=word) | Q(memberships__organisation__name__icontains=word))
    if role:
        qs = qs.filter(memberships__role=role)
    if organisation:
        qs = qs.filter(memberships__organisation_id=organisation)
    if active in ("1", "0"):
        qs = qs.filter(is_active=active == "1")
    return (qs.distinct().order_by("last_name", "first_name", "username")
            .prefetch_related(Prefetch("memberships", Membership.objects.select_related("organisation")
                                       .order_by("role"))))


def assignable_organisations(user: Any) -> QuerySet[Organisation]:
    """The organisations the user may give a role for."""
    qs = Organisation.objects.filter(valid_to__isnull=True).order_by("name")
    return qs if is_admin(user) else qs.filter(pk__in=monitored_organisations(user))
