"""Managing people in the application: accounts, their roles and units, passwords, deactivation.

Keyword-only services, each in a transaction, deciding authorisation (`accounts.permissions`), refusing with
`UserError` in Vietnamese, and recorded in the audit trail. A new or reset password is generated here and
returned once, for the page to show once; it is stored only hashed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from trienkhai_web.accounts.models import Membership, Role
from trienkhai_web.accounts.permissions import (
    can_give_role,
    can_manage_account,
    can_manage_people,
    require,
)
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import Duplicate, UserError
from trienkhai_web.organisations.models import Organisation

# Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
_ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789"
UNIT_ROLES = (Role.UNIT_REPORTER, Role.UNIT_HEAD)


def temporary_password() -> str:
    """12 characters in groups of four ("k7Pq-3mXa-9tRw"): long enough for the validators, easy to dictate."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def _snapshot(account: Any) -> dict[str, Any]:
    return {"full_name": account.get_full_name(), "email": account.email, "active": account.is_active,
            "roles": [f"{Role(r).label}{f' — {n}' if n else ''}" for r, n in
                      account.memberships.values_list("role", "organisation__name").order_by("role", "organisation__name")]}


def _split_name(full_name: str) -> tuple[str, str]:
    """Vietnamese names: the given name is the last word ("Nguyễn Văn" + "An")."""
    words = full_name.split()
    return (" ".join(words[:-1]), words[-1]) if len(words) > 1 else (full_name.strip(), "")


@dataclass
class NewAccount:
    account: Any
    password: str


def check_role(role: str, organisation: Organisation | None) -> None:
    if role not in Role.values:
        raise UserError(_("Unknown role."))
    if role in (Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.MONITOR) and organisation is None:
        raise UserError(_("Choose the organisation this role acts for."))
    if role in (Role.ADMINISTRATOR, Role.LEADER) and organisation is not None:
        raise UserError(_("This role is for the whole system: choose no organisation."))


def _validated(full_name: str, email: str, username: str) -> tuple[str, str, str]:
    full_name, email, username = " ".join(full_name.split()), email.strip().lower(), username.strip()
    if not full_name:
        raise UserError(_("Write the person's full name."))
    if not username or len(username) > 150 or not all(c.isalnum() or c in "._-@" for c in username):
        raise UserError(_("A user name is letters, digits and . _ - @ only, without spaces."))
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise UserError(_("“%(email)s” is not an e-mail address.") % {"email": email}) from error
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise Duplicate(_("The user name “%(username)s” is taken already.") % {"username": username})
    if email and User.objects.filter(email__iexact=email).exists():
        raise Duplicate(_("Another account already uses the e-mail address %(email)s.") % {"email": email})
    return full_name, email, username


@transaction.atomic
def create_account(user: Any, *, full_name: str, email: str, username: str, role: str,
                   organisation: Organisation | None) -> NewAccount:
    """A new account with one role; its temporary password is returned (and shown) once."""
    require(user, can_manage_people, message=_("You may not manage accounts."))
    check_role(role, organisation)
    require(user, can_give_role, role, organisation,
            message=_("You may give only the unit roles, for the units your body monitors."))
    full_name, email, username = _validated(full_name, email, username)
    first, last = _split_name(full_name)
    password = temporary_password()
    account = get_user_model().objects.create_user(username=username, email=email, password=password,
                                                   first_name=first, last_name=last)
    Membership.objects.create(user=account, role=role, organisation=organisation)
    record(user, Action.ACCOUNT_CREATE, account, after=_snapshot(account))
    return NewAccount(account, password)


@transaction.atomic
def add_role(user: Any, account: Any, *, role: str, organisation: Organisation | None) -> Membership:
    require(user, can_manage_account, account, message=_("You may not change this account."))
    check_role(role, organisation)
    require(user, can_give_role, role, organisation,
            message=_("You may give only the unit roles, for the units your body monitors."))
    before = _snapshot(account)
    membership, created = Membership.objects.get_or_create(user=account, role=role, organisation=organisation)
    if not created:
        raise Duplicate(_("The account has this role already."))
    record(user, Action.ACCOUNT_ROLE_ADD, account, before=before, after=_snapshot(account))
    return membership


@transaction.atomic
def remove_role(user: Any, account: Any, *, membership_id: int) -> None:
    require(user, can_manage_account, account, message=_("You may not change this account."))
    membership = Membership.objects.select_for_update().filter(pk=membership_id, user=account).first()
    if membership is None:
        raise UserError(_("The account no longer has this role (someone removed it meanwhile)."))
    require(user, can_give_role, membership.role, membership.organisation_id,
            message=_("You may give only the unit roles, for the units your body monitors."))
    if account.memberships.count() == 1:
        raise UserError(_("An account keeps at least one role: give it the new role first, or deactivate it."))
    before = _snapshot(account)
    membership.delete()
    record(user, Action.ACCOUNT_ROLE_REMOVE, account, before=before, after=_snapshot(account))


@transaction.atomic
def reset_password(user: Any, account: Any) -> str:
    """A new temporary password, returned once; the old one stops working at once."""
    require(user, can_manage_account, account, message=_("You may not change this account."))
    password = temporary_password()
    account.set_password(password)
    account.save(update_fields=["password"])
    record(user, Action.ACCOUNT_PASSWORD_RESET, account)
    return password


@transaction.atomic
def set_active(user: Any, account: Any, *, active: bool) -> Any:
    require(user, can_manage_account, account, message=_("You may not change this account."))
    if account.pk == getattr(user, "pk", None):
        raise PermissionDenied(_("You cannot deactivate your own account."))
    if account.is_active == active:
        return account
    before = _snapshot(account)
    account.is_active = active
    account.save(update_fields=["is_active"])
    # A deactivated account is signed out at its next request: the auth backend refuses inactive users.
    record(user, Action.ACCOUNT_ACTIVATE if active else Action.ACCOUNT_DEACTIVATE, account,
           before=before, after=_snapshot(account))
    return account
