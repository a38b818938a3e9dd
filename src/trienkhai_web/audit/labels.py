"""What the audit trail shows a user instead of the technical codes stored with each entry: a sentence with
names ("Nguyễn Văn A đã nộp báo cáo Quý II/2025 của Ban Dân vận Tỉnh ủy"), each change by its field's label,
and values by their choice labels, the names of the objects they point to, dates as dd/mm/yyyy and periods
by their titles. `describe(entries)` does it for a page of entries with a bounded number of queries (one per
kind of object named, whatever the number of entries)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trienkhai.tracking.periods import period_title
from trienkhai_web.audit.actions import Action, action_sentence

ORGANISATION = "organisations.organisation"

# Keys of the stored before/after values that are not fields of the model, by their words.
EXTRA_FIELDS = {
    "aliases": gettext_lazy("other names"),
    "succession": gettext_lazy("kind of succession"),
    "moved_children": gettext_lazy("units moved"),
    "parent": gettext_lazy("parent organisation"),
    "successors": gettext_lazy("successors"),
    "items": gettext_lazy("items"),
    "targets": gettext_lazy("targets"),
    "tasks": gettext_lazy("tasks"),
    "lead": gettext_lazy("lead"),
    "partners": gettext_lazy("partners"),
    "change": gettext_lazy("what changed"),
    "recipients": gettext_lazy("people notified"),
    "question": gettext_lazy("question"),
    "text": gettext_lazy("answer"),
    "filename": gettext_lazy("file name"),
    "sha256": gettext_lazy("file fingerprint (SHA-256)"),
    "number": gettext_lazy("number"),
    "periods": gettext_lazy("reporting periods"),
    "kept": gettext_lazy("periods kept"),
    "days_off": gettext_lazy("days off"),
    "working_days": gettext_lazy("make-up working days"),
    "username": gettext_lazy("user name"),
    "address": gettext_lazy("computer address"),
    "status": gettext_lazy("status"),
    "role": gettext_lazy("role"),
    "roles": gettext_lazy("roles"),
    "active": gettext_lazy("active"),
    "email": gettext_lazy("e-mail"),
    "full_name": gettext_lazy("full name"),
    "organisation": gettext_lazy("organisation"),
    "scope": gettext_lazy("bodies the phrase stands for"),
    "kind": gettext_lazy("kind"),
    "title": gettext_lazy("title"),
    "date": gettext_lazy("date"),
    "period": gettext_lazy("period"),
    "wrong": gettext_lazy("wrong codes so far"),
    "reporter_submits": gettext_lazy("the reporter may submit"),
    "draft": gettext_lazy("draft"),
    "successor": gettext_lazy("successor"),
}
# Stored values that are ids of other rows: (object type, key) → the model they point to.
KEY_MODELS = {
    ("plans.task", "lead"): ORGANISATION,
    ("plans.task", "partners"): ORGANISATION,
    ("plans.task", "targets"): "plans.target",
    ("organisations.organisation", "parent"): ORGANISATION,
    ("organisations.organisation", "successors"): ORGANISATION,
    ("organisations.organisation", "moved_children"): ORGANISATION,
    ("auth.user", "organisation"): ORGANISATION,
    ("auth.user", "organisations"): ORGANISATION,
}
# Stored values that are choices of a field of another model: (object type, key) → (model, field).
KEY_CHOICES = {
    ("organisations.organisation", "succession"): ("organisations.succession", "kind"),
    ("tracking.reminderlog", "kind"): ("tracking.reminderlog", "kind"),
}
# Actions whose every value is an id of one model (an agency name → the organisation chosen for it).
ACTION_VALUE_MODELS = {Action.PLAN_AGENCY_MAP.value: ORGANISATION}
PERIOD_KEYS = {"periods", "kept", "period"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def type_label(object_type: str) -> str:
    """`plans.plan` → the model's verbose name ("kế hoạch")."""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def _field(name: str, object_type: str) -> Any:
    try:
        return apps.get_model(object_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None


def field_label(name: str, object_type: str) -> str:
    """A changed field by its verbose name when the model has such a field, else by its words, else as stored."""
    field = _field(name, object_type)
    if field is not None and getattr(field, "verbose_name", None) and str(field.verbose_name) != name.replace("_", " "):
        return str(field.verbose_name)
    if name in EXTRA_FIELDS:
        return str(EXTRA_FIELDS[name])
    if field is not None and getattr(field, "verbose_name", None):
        return str(field.verbose_name)
    return name


def person(user: Any) -> str:
    if user is None:
        return _("The system")
    return user.get_full_name() or user.username


# ---- names of objects -------------------------------------------------------------------------------------

def _plan_name(plan: Any) -> str:
    return plan.number or plan.display_name if plan is not None else ""


def _report_name(report: Any) -> str:
    return _("%(period)s of %(organisation)s") % {"period": report.period.title,
                                                   "organisation": report.organisation.name}


def _reminder_name(reminder: Any) -> str:
    return _("%(organisation)s (%(period)s)") % {"organisation": reminder.organisation.name,
                                                 "period": reminder.period.title}


def _explanation_name(request: Any) -> str:
    return _("%(organisation)s, task %(task)s") % {"organisation": request.organisation.name,
                                                   "task": str(request.task)}


def _user_name(user: Any) -> str:
    full = user.get_full_name()
    return f"{full} ({user.username})" if full else user.username


# object type → (related rows to fetch with it, how to name it)
_NAMERS: dict[str, tuple[tuple[str, ...], Callable[[Any], str]]] = {
    "tracking.unitreport": (("period", "organisation"), _report_name),
    "tracking.reminderlog": (("period", "organisation"), _reminder_name),
    "tracking.explanationrequest": (("organisation", "task"), _explanation_name),
    "tracking.reportingschedule": (("plan",), lambda s: _plan_name(s.plan)),
    "reports.reportsettings": (("plan",), lambda s: _plan_name(s.plan)),
    "plans.plan": ((), _plan_name),
    "auth.user": ((), _user_name),
}


def _names(wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """(object type, id) → the object's name now, one query per type."""
    out: dict[tuple[str, str], str] = {}
    for object_type, ids in wanted.items():
        try:
            model = apps.get_model(object_type)
        except (LookupError, ValueError):
            continue
        related, namer = _NAMERS.get(object_type, ((), str))
        keys = [i for i in ids if str(i).isdigit()] if isinstance(model._meta.pk, models.AutoField) else list(ids)
        if not keys:
            continue
        qs = model._default_manager.filter(pk__in=keys)
        if related:
            qs = qs.select_related(*related)
        for obj in qs:
            try:
                out[(object_type, str(obj.pk))] = namer(obj)
            except Exception:  # a half-deleted row: fall back to the stored text
                continue
    return out


# ---- values ---------------------------------------------------------------------------------------------

def _model_of(object_type: str, action: str, key: str) -> str | None:
    if action in ACTION_VALUE_MODELS:
        return ACTION_VALUE_MODELS[action]
    if (object_type, key) in KEY_MODELS:
        return KEY_MODELS[(object_type, key)]
    field = _field(key, object_type)
    if isinstance(field, models.ForeignKey) and not isinstance(field.related_model, str):
        return field.related_model._meta.label_lower
    return None


def _ids(value: Any) -> Iterable[str]:
    if isinstance(value, list):
        for v in value:
            yield from _ids(v)
    elif isinstance(value, int | str) and not isinstance(value, bool) and str(value).isdigit():
        yield str(value)


def value_label(value: Any, *, key: str = "", object_type: str = "", action: str = "",
                names: dict[tuple[str, str], str] | None = None) -> str:
    """One before/after value as a user reads it."""
    names = names or {}
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool) or value in ("True", "False"):
        return _("yes") if value in (True, "True") else _("no")
    if action == Action.ORGANISATION_SUCCESSORS.value and isinstance(value, list) and all(
            isinstance(v, list) and len(v) == 2 for v in value):  # [[successor id, kind], …] (the file import)
        kinds = dict(_field("kind", "organisations.succession").flatchoices)
        return ", ".join(f"{names.get((ORGANISATION, str(pk)), _('(removed)'))} ({kinds.get(kind, kind)})"
                         for pk, kind in value)
    if isinstance(value, list):
        return ", ".join(value_label(v, key=key, object_type=object_type, action=action, names=names) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{field_label(k, object_type)}: "
                         f"{value_label(v, key=k, object_type=object_type, action=action, names=names)}"
                         for k, v in value.items())
    related = _model_of(object_type, action, key)
    if related and str(value).isdigit():
        return names.get((related, str(value)), _("(removed)"))
    field = _field(*reversed(KEY_CHOICES[(object_type, key)])) if (object_type, key) in KEY_CHOICES \
        else _field(key, object_type)
    choices = dict(getattr(field, "flatchoices", None) or []) if field is not None else {}
    if choices and value in choices:
        return str(choices[value])
    text = str(value)
    if key in PERIOD_KEYS or (object_type == "tracking.reportingperiod" and key == "code"):
        return period_title(text)
    if _ISO_DATE.fullmatch(text):
        return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
    return text


def describe(entries: Iterable[Any]) -> list[Any]:
    """Give each entry `.who`, `.object_name`, `.sentence` and `.rows` [(field, before, after)] as users read
    them; the objects named are fetched together."""
    from trienkhai_web.audit.queries import changes

    entries = list(entries)
    wanted: dict[str, set[str]] = defaultdict(set)
    per_entry = []
    for e in entries:
        wanted[e.object_type].add(e.object_id)
        rows = changes(e)
        per_entry.append(rows)
        for key, before, after in rows:
            for side in (before, after):
                if isinstance(side, dict):
                    for k, v in side.items():
                        if (model := _model_of(e.object_type, e.action, k)) is not None:
                            wanted[model].update(_ids(v))
                elif (model := _model_of(e.object_type, e.action, key)) is not None:
                    wanted[model].update(_ids(side))
                elif e.action == Action.ORGANISATION_SUCCESSORS.value and isinstance(side, list):
                    wanted[ORGANISATION].update(str(v[0]) for v in side if isinstance(v, list) and v)
    names = _names(wanted)
    for e, rows in zip(entries, per_entry, strict=True):
        e.who = person(e.user)
        e.object_name = names.get((e.object_type, e.object_id)) or _stored_name(e)
        e.sentence = action_sentence(e.action, e.who, e.object_name)
        e.rows = [(field_label(key, e.object_type) if key else "",
                   value_label(before, key=key, object_type=e.object_type, action=e.action, names=names),
                   value_label(after, key=key, object_type=e.object_type, action=e.action, names=names))
                  for key, before, after in rows]
    return entries


def _stored_name(entry: Any) -> str:
    """A removed object by the text stored with the entry, unless that text was only ids ("12/34")."""
    text = entry.object_repr or ""
    if not text or re.fullmatch(r"[\d/ #]+|\w+ \d+/\d+", text):
        return _("a %(kind)s now removed") % {"kind": type_label(entry.object_type)}
    return text
