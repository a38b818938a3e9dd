"""Organisations to and from CSV and XLSX.

Columns (first row, Vietnamese headers; the English keys in COLUMNS are accepted too): code, name,
short name, kind (code or Vietnamese label), parent code, aliases separated by ";", valid from,
valid to (dd/mm/yyyy or yyyy-mm-dd), successor codes separated by ";", succession kind.

Import is all or nothing: every row is checked first and every bad row is reported with its row
number; nothing is written unless all rows are valid. Rows are matched to organisations by code
(created when the code is new, updated otherwise); parents may be defined later in the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from trienkhai.spreadsheet import append_row, csv_cell
from trienkhai.text.vietnamese import fold
from trienkhai_web.accounts.permissions import can_manage_organisations, require
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.services import record
from trienkhai_web.errors import UserError
from trienkhai_web.organisations import services
from trienkhai_web.organisations.models import Organisation, OrganisationKind, Succession, SuccessionKind
from trienkhai_web.organisations.queries import organisation_tree

COLUMNS = ["code", "name", "short_name", "kind", "parent_code", "aliases", "valid_from", "valid_to",
           "successor_codes", "successor_kind"]
HEADERS = ["Mã", "Tên", "Tên viết tắt", "Loại", "Mã đơn vị cấp trên", "Tên gọi khác (cách nhau bởi ;)",
           "Hiệu lực từ", "Hiệu lực đến", "Mã đơn vị kế thừa (cách nhau bởi ;)", "Hình thức kế thừa"]


def _header_key(text: str) -> str:
    """"Tên gọi khác (cách nhau bởi ;)" and "ten goi khac" name the same column."""
    return fold(text.split("(")[0].replace("_", " "))


_HEADER_KEYS = {_header_key(h): c for h, c in zip(HEADERS, COLUMNS, strict=True)} | {
    _header_key(c): c for c in COLUMNS}
_KINDS = {fold(k): k for k in OrganisationKind.values}
_SUCCESSION_KINDS = {fold(k): k for k in SuccessionKind.values}


def _rejected(problems: list[str]) -> UserError:
    """The file is refused; `problems` are Vietnamese messages, each naming its row."""
    return UserError(_("Nothing was saved. Correct these rows and upload again:"), problems)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Row:
    number: int
    code: str
    name: str
    short_name: str
    kind: str
    parent_code: str
    aliases: list[str]
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_codes: list[str]
    successor_kind: str
    errors: list[str] = field(default_factory=list)


# --- export -----------------------------------------------------------------------------------------

def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def export_rows() -> list[list[str]]:
    """Header and one row per organisation, parents before their units (so the file re-imports)."""
    successions: dict[int, list[Succession]] = {}
    for s in Succession.objects.select_related("successor").order_by("pk"):
        successions.setdefault(s.predecessor_id, []).append(s)
    rows = [list(HEADERS)]
    orgs = [n.organisation for root in organisation_tree() for n in root.walk()]
    aliases: dict[int, list[str]] = {}
    for org in Organisation.objects.prefetch_related("aliases"):
        aliases[org.pk] = sorted(a.name for a in org.aliases.all())
    codes = dict(Organisation.objects.values_list("pk", "code"))
    for org in orgs:
        succ = successions.get(org.pk, [])
        rows.append([
            org.code or "", org.name, org.short_name, org.kind, codes.get(org.parent_id) or "" if org.parent_id else "",
            "; ".join(aliases.get(org.pk, [])), _date(org.valid_from), _date(org.valid_to),
            "; ".join(s.successor.code or "" for s in succ), succ[0].kind if succ else "",
        ])
    return rows


def export_csv() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([csv_cell(v) for v in row] for row in export_rows())
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def export_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổ chức"
    for row in export_rows():
        append_row(ws, row)
    for col, width in zip("ABCDEFGHIJ", (16, 48, 20, 20, 18, 48, 14, 14, 24, 16), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- import -----------------------------------------------------------------------------------------

def read_table(filename: str, data: bytes) -> list[list[Any]]:
    """The cells of a .csv or .xlsx file, first row included."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise _rejected([_("The file is not a readable XLSX workbook.")]) from exc
        return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _rejected([_("The CSV file must be saved as UTF-8.")]) from exc
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel  # type: ignore[assignment]
        return [r for r in csv.reader(io.StringIO(text), dialect)]
    raise _rejected([_("Upload a .csv or .xlsx file.")])


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _parse_date(value: Any, row: Row, label: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    row.errors.append(_("%(column)s is not a date (dd/mm/yyyy): %(value)s") % {"column": label, "value": text})
    return None


def _split(value: Any) -> list[str]:
    return [p.strip() for p in _text(value).split(";") if p.strip()]


def parse_rows(table: list[list[Any]]) -> list[Row]:
    """Rows of the table, each with the errors found in it alone."""
    if not table:
        raise _rejected([_("The file is empty.")])
    header = [_HEADER_KEYS.get(_header_key(_text(h))) for h in table[0]]
    missing = [h for c, h in zip(COLUMNS, HEADERS, strict=True) if c in ("code", "name") and c not in header]
    if missing:
        raise _rejected([_("Row 1: the columns %(columns)s are missing.") % {"columns": ", ".join(missing)}])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if all(_text(c) == "" for c in cells):
            continue
        values = {key: cells[i] if i < len(cells) else None for i, key in enumerate(header) if key}
        row = Row(number=number, code=_text(values.get("code")), name=_text(values.get("name")),
                  short_name=_text(values.get("short_name")), kind="", parent_code=_text(values.get("parent_code")),
                  aliases=_split(values.get("aliases")), valid_from=None, valid_to=None,
                  successor_codes=_split(values.get("successor_codes")), successor_kind="")
        labels = dict(zip(COLUMNS, HEADERS, strict=True))
        row.valid_from = _parse_date(values.get("valid_from"), row, labels["valid_from"])
        row.valid_to = _parse_date(values.get("valid_to"), row, labels["valid_to"])
        kind_text = _text(values.get("kind"))
        labels_kind = {fold(str(label)): k for k, label in OrganisationKind.choices}
        row.kind = _KINDS.get(fold(kind_text)) or labels_kind.get(fold(kind_text)) or (
            OrganisationKind.OTHER if not kind_text else "")
        if not row.kind:
            row.errors.append(_("unknown kind: %(kind)s") % {"kind": kind_text})
        skind = _text(values.get("successor_kind"))
        row.successor_kind = _SUCCESSION_KINDS.get(fold(skind), "") if skind else (
            SuccessionKind.SPLIT_INTO if len(row.successor_codes) > 1 else SuccessionKind.MERGED_INTO)
        if not row.successor_kind:
            row.errors.append(_("unknown succession kind: %(kind)s") % {"kind": skind})
        if not row.code:
            row.errors.append(_("the code is missing"))
        if not row.name:
            row.errors.append(_("the name is missing"))
        if row.valid_from and row.valid_to and row.valid_to < row.valid_from:
            row.errors.append(_("the end date is before the start date"))
        if row.successor_codes and not row.valid_to:
            row.errors.append(_("successors are given but no end date"))
        rows.append(row)
    return rows


def _check_across(rows: list[Row]) -> None:
    """Errors that involve several rows or the database: duplicate codes, unknown codes, cycles."""
    by_code: dict[str, Row] = {}
    for row in rows:
        if row.code in by_code:
            row.errors.append(_("the code %(code)s is already on row %(row)s")
                              % {"code": row.code, "row": by_code[row.code].number})
        elif row.code:
            by_code[row.code] = row
    existing = dict(Organisation.objects.exclude(code=None).values_list("code", "parent__code"))
    known = set(existing) | set(by_code)
    for row in rows:
        if row.parent_code and row.parent_code not in known:
            row.errors.append(_("unknown parent code: %(code)s") % {"code": row.parent_code})
        if row.parent_code and row.parent_code == row.code:
            row.errors.append(_("an organisation cannot be its own parent"))
        for code in row.successor_codes:
            if code not in known:
                row.errors.append(_("unknown successor code: %(code)s") % {"code": code})
            elif code == row.code:
                row.errors.append(_("an organisation cannot succeed itself"))
    parents: dict[str | None, str | None] = {**existing, **{r.code: r.parent_code or None for r in rows if r.code}}
    for row in rows:
        seen, parent = {row.code}, parents.get(row.code)
        while parent:
            if parent in seen:
                row.errors.append(_("the parent codes form a cycle"))
                break
            seen.add(parent)
            parent = parents.get(parent)


def _save_row(user: Any, row: Row, orgs: dict[str, Organisation], result: ImportResult) -> None:
    fields: dict[str, Any] = {"name": row.name, "short_name": row.short_name, "kind": row.kind,
              "parent": orgs.get(row.parent_code) if row.parent_code else None,
              "valid_from": row.valid_from, "valid_to": row.valid_to}
    org = orgs.get(row.code)
    if org is None:
        org = services.create_organisation(user, code=row.code, aliases=row.aliases, **fields)
        result.created += 1
    else:
        changed = {k: v for k, v in fields.items()
                   if (org.parent_id != (v.pk if v else None) if k == "parent" else getattr(org, k) != v)}
        if changed:
            org = services.update_organisation(user, org, version=org.version, reason=_("File import"), **changed)
        wanted = {fold(a): a for a in row.aliases}
        current = {a.match_key: a for a in org.aliases.all()}
        for key, alias in current.items():
            if key not in wanted:
                services.remove_alias(user, alias)
        for key, name in wanted.items():
            if key not in current:
                services.add_alias(user, org, name)
        if changed or set(wanted) != set(current):
            result.updated += 1
        else:
            result.unchanged += 1
    orgs[row.code] = org


@transaction.atomic
def import_table(user: Any, table: list[list[Any]]) -> ImportResult:
    """Check every row, then write all of them, or nothing (the UserError's `problems` list the bad rows)."""
    require(user, can_manage_organisations, message=_("You may not change organisations."))
    rows = parse_rows(table)
    _check_across(rows)
    errors = [_("Row %(row)s: %(errors)s.") % {"row": r.number, "errors": "; ".join(r.errors)}
              for r in rows if r.errors]
    if errors:
        raise _rejected(errors)
    orgs = {o.code: o for o in Organisation.objects.exclude(code=None).prefetch_related("aliases") if o.code}
    result = ImportResult()
    pending = list(rows)
    # Parents first: a row waits until its parent exists (the check above ruled out cycles).
    while pending:
        ready = [r for r in pending if not r.parent_code or r.parent_code in orgs]
        for row in ready:
            _save_row(user, row, orgs, result)
        pending = [r for r in pending if r not in ready]
    for row in rows:
        org = orgs[row.code]
        wanted = [(orgs[c], row.successor_kind) for c in row.successor_codes]
        current = [(s.successor, s.kind) for s in org.successions.select_related("successor").order_by("pk")]
        if [(o.pk, k) for o, k in wanted] != [(o.pk, k) for o, k in current]:
            org.successions.all().delete()
            for successor, kind in wanted:
                assert row.valid_to is not None  # parse_rows refuses successors without an end date
                Succession.objects.create(predecessor=org, successor=successor, kind=kind, date=row.valid_to)
            record(user, Action.ORGANISATION_SUCCESSORS, org, reason=_("File import"),
                   before=[[o.pk, k] for o, k in current], after=[[o.pk, k] for o, k in wanted])
    return result


def import_file(user: Any, filename: str, data: bytes) -> ImportResult:
    require(user, can_manage_organisations, message=_("You may not change organisations."))
    return import_table(user, read_table(filename, data))
