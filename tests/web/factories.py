"""Factories shared by the application's tests: organisations and one named user per role."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from trienkhai.text.vietnamese import fold
from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.organisations.models import Organisation, OrganisationKind

PASSWORD = "mat-khau-thu-nghiem-1"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Đơn vị số {n}")
    short_name = factory.LazyAttribute(lambda o: o.name[:40])
    kind = OrganisationKind.OTHER
    match_key = factory.LazyAttribute(lambda o: fold(o.name))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    first_name = "Người dùng"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def user_with_role(role: str, organisation: Organisation | None = None, username: str | None = None):
    """A user acting as `role` for `organisation` (password: PASSWORD)."""
    user = UserFactory(username=username or f"{role}_{organisation.pk if organisation else 'all'}")
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


ROLES = [Role.ADMINISTRATOR, Role.MONITOR, Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.LEADER]
