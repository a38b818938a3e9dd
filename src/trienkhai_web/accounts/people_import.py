"""Importing unit accounts from an .xlsx workbook: columns họ tên, e-mail, tên đăng nhập, đơn vị, vai trò.

Every row is checked first (each problem names its row number); if any row is wrong nothing is saved. A cell
holding a formula (or text a spreadsheet would read as one) is refused, never evaluated
(`trienkhai.spreadsheet.looks_like_formula`). Each account is created by `services.create_account`, so the
permission checks and the audit trail are the same as for one account made on the page.
"""

from __future__ import annotations

import io
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from trienkhai.spreadsheet import looks_like_formula
from trienkhai.text.vietnamese import fold
from trienkhai_web.accounts import services
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_manage_people, require
from trienkhai_web.errors import UserError
from trienkhai_web.organisations.models import Organisation

COLUMNS = ("full_name", "email", "username", "organisation", "role")
HEADERS = ("Họ tên", "E-mail", "Tên đăng nhập", "Đơn vị", "Vai trò")
_HEADER_WORDS = {fold(h): c for h, c in zip(HEADERS, COLUMNS, strict=True)} | {
    "ho va ten": "full_name", "email": "email", "thu dien tu": "email", "ten dang nhap": "username",
    "to chuc": "organisation", "co quan": "organisation", "vai tro": "role"}
MAX_ROWS = 2000


def _rejected(problems: list[str]) -> UserError:
    return UserError(_("Nothing was saved. Correct these rows and upload again:"), problems)


def _roles() -> dict[str, str]:
    """A role as written in the file: its Vietnamese label ("Người báo cáo của đơn vị"), or its English one."""
    out: dict[str, str] = {}
    for role in Role:
        out[fold(str(role.label))] = role.value
        out[fold(role.value.replace("_", " "))] = role.value
    return out | {"bao cao": Role.UNIT_REPORTER, "nguoi bao cao": Role.UNIT_REPORTER,
                  "thu truong": Role.UNIT_HEAD, "lanh dao don vi": Role.UNIT_HEAD, "truong don vi": Role.UNIT_HEAD}


def read_rows(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _rejected([_("The file is not a readable XLSX workbook.")]) from exc
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    if not rows:
        raise _rejected([_("The workbook is empty.")])
    header = [_HEADER_WORDS.get(fold(str(h or "")).strip()) for h in rows[0]]
    missing = [h for h, c in zip(HEADERS, COLUMNS, strict=True) if c not in header and c != "email"]
    if missing:
        raise _rejected([_("Row 1 must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)}])
    if len(rows) - 1 > MAX_ROWS:
        raise _rejected([_("At most %(n)s accounts in one file.") % {"n": MAX_ROWS}])
    out = []
    for number, cells in enumerate(rows[1:], start=2):
        values = {c: cells[i] for i, c in enumerate(header) if c and i < len(cells)}
        if all(v in (None, "") for v in values.values()):
            continue
        out.append((number, values))
    return out


@transaction.atomic
def import_accounts(user: Any, data: bytes) -> list[services.NewAccount]:
    """All the accounts of the file, or none; the UserError's `problems` list each wrong row."""
    require(user, can_manage_people, message=_("You may not manage accounts."))
    rows = read_rows(data)
    if not rows:
        raise _rejected([_("The workbook has no account rows.")])
    roles = _roles()
    by_name: dict[str, Organisation | None] = {}
    for known in Organisation.objects.filter(valid_to__isnull=True).prefetch_related("aliases"):
        for key in (known.match_key, fold(known.name), fold(known.short_name or ""), fold(known.code or ""),
                    *(fold(a.name) for a in known.aliases.all())):
            if key:
                by_name[key] = known if by_name.get(key, known) == known else None  # None: two organisations
    problems: list[str] = []
    seen_users: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    parsed = []
    for number, values in rows:
        errors = []
        texts = {}
        for column in COLUMNS:
            value = values.get(column)
            if looks_like_formula(value) or (isinstance(value, str) and value.startswith("=")):
                errors.append(_("the %(column)s cell holds a formula; write the text itself")
                              % {"column": HEADERS[COLUMNS.index(column)]})
                value = ""
            texts[column] = " ".join(str(value if value is not None else "").split())
        role = roles.get(fold(texts["role"]))
        if role is None:
            errors.append(_("unknown role “%(role)s”") % {"role": texts["role"]})
        org: Organisation | None = None
        if texts["organisation"]:
            org = by_name.get(fold(texts["organisation"]))
            if org is None:
                errors.append(_("no organisation named “%(name)s” (or more than one)") % {"name": texts["organisation"]})
        username, email = texts["username"], texts["email"].lower()
        if username.lower() in seen_users:
            errors.append(_("the user name is also on row %(row)s") % {"row": seen_users[username.lower()]})
        if email and email in seen_emails:
            errors.append(_("the e-mail address is also on row %(row)s") % {"row": seen_emails[email]})
        seen_users.setdefault(username.lower(), number)
        if email:
            seen_emails.setdefault(email, number)
        if not errors:
            sid = transaction.savepoint()
            try:  # the same checks as one account made on the page, undone until every row is known good
                services.create_account(user, full_name=texts["full_name"], email=email, username=username,
                                        role=role or "", organisation=org)
            except UserError as error:
                errors.append(error.message.rstrip("."))
            except Exception as error:  # PermissionDenied for a role this user may not give
                if error.__class__.__name__ != "PermissionDenied":
                    raise
                errors.append(str(error).rstrip(".") or _("you may not give this role"))
            transaction.savepoint_rollback(sid)
        if errors:
            problems.append(_("Row %(row)s: %(errors)s.") % {"row": number, "errors": "; ".join(errors)})
        parsed.append((texts, role, org))
    if problems:
        raise _rejected(problems)
    return [services.create_account(user, full_name=t["full_name"], email=t["email"].lower(), username=t["username"],
                                    role=role or "", organisation=org) for t, role, org in parsed]
