"""Named reads for the plans pages: agency matching, a plan's cascade and coverage, a unit's work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from trienkhai.text.vietnamese import fold
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.organisations.queries import OrganisationMatcher
from trienkhai_web.plans.models import Plan, PlanItem, PlanStatus, Task, TaskAssignment

FUZZY_MIN = 75


@dataclass
class Suggestion:
    organisation: Organisation
    how: str  # exact | alias | fuzzy
    score: int


def agency_matcher() -> OrganisationMatcher:
    """One matcher (names, short names and aliases loaded once) for all the agency names of a draft."""
    return OrganisationMatcher()


def match_organisations(name: str, limit: int = 5, matcher: OrganisationMatcher | None = None) -> list[Suggestion]:
    """Organisations a document's agency name may denote: exact name, alias, then fuzzy on folded names
    (the organisations app's matcher; pass one `agency_matcher()` when matching many names)."""
    matcher = matcher or agency_matcher()
    return [Suggestion(m.organisation, m.how, round(m.score)) for m in matcher.match(name, limit=limit,
                                                                                      min_score=FUZZY_MIN)]


def certain_match(name: str, matcher: OrganisationMatcher | None = None) -> Organisation | None:
    """The organisation whose name or alias is exactly `name` (folded), when there is only one."""
    found = [s for s in match_organisations(name, matcher=matcher) if s.how in ("exact", "alias")]
    return found[0].organisation if len(found) == 1 else None


def plans_for(user: Any) -> QuerySet[Plan]:
    from trienkhai_web.accounts.permissions import visible_plans

    return visible_plans(user).order_by("status", "-issued_on", "number")


def search_plans(user: Any, *, q: str = "", status: str = "", kind: str = "", year: str = "") -> QuerySet[Plan]:
    """The plans list: the user's plans matching every word of `q` (number, title, issuer), of a status, a
    kind and a year of issue; counted tasks in the same query."""
    from django.db.models import Count, Q

    qs = plans_for(user)
    for word in q.split():
        qs = qs.filter(Q(number__icontains=word) | Q(title__icontains=word) | Q(issuer_name__icontains=word)
                       | Q(ref_id__icontains=word))
    if status in PlanStatus.values:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if year.isdigit():
        qs = qs.filter(issued_on__year=int(year))
    return qs.annotate(task_count=Count("tasks", distinct=True))


def plan_years(user: Any) -> list[int]:
    return sorted({d.year for d in plans_for(user).exclude(issued_on=None).values_list("issued_on", flat=True) if d},
                  reverse=True)


def plan_by_ref(ref_id: str) -> Plan | None:
    return Plan.objects.filter(ref_id=ref_id).order_by("pk").first() if ref_id else None


def duplicate_of(sha256: str) -> Plan | None:
    return Plan.objects.filter(source_sha256=sha256).exclude(status=PlanStatus.PLACEHOLDER).first()


def plan_tasks(plan: Plan) -> QuerySet[Task]:
    return plan.tasks.prefetch_related(
        Prefetch("assignments", queryset=TaskAssignment.objects.select_related("organisation")), "targets",
        "scopes",
    ).select_related("item")


def plan_outline(plan: Plan) -> list[dict[str, Any]]:
    """The published outline in order, each item with its targets and tasks."""
    tasks_by_item: dict[int | None, list[Task]] = {}
    for t in plan_tasks(plan):
        tasks_by_item.setdefault(t.item_id, []).append(t)
    targets_by_item: dict[int | None, list[Any]] = {}
    for tg in plan.targets.all():
        targets_by_item.setdefault(tg.item_id, []).append(tg)
    rows = [{"item": i, "tasks": tasks_by_item.get(i.pk, []), "targets": targets_by_item.get(i.pk, [])}
            for i in plan.items.all()]
    if tasks_by_item.get(None) or targets_by_item.get(None):
        rows.append({"item": None, "tasks": tasks_by_item.get(None, []), "targets": targets_by_item.get(None, [])})
    return rows


def cascade_of(plan: Plan) -> dict[str, Any]:
    """The plan's parents (each with what this plan covers of it, when its text is loaded), its children
    named by who issued them, and the documents it cites."""
    from trienkhai_web.plans.coverage import coverage_between, plan_label

    parents = list(plan.parents.all().order_by("issued_on"))
    children = list(plan.children.select_related("issuer").order_by("issued_on", "number"))
    return {
        "parents": [{"plan": p, "coverage": coverage_between(p, plan)} for p in parents],
        "children": [{"plan": c, "label": plan_label(c)} for c in children],
        "references": list(plan.references.select_related("plan").order_by("ref_id")),
    }


def linked_plan_ids(cascade: dict[str, Any]) -> set[int]:
    """The plans a `cascade_of` answer links to."""
    ids = {c["plan"].pk for c in cascade["parents"]} | {c["plan"].pk for c in cascade["children"]}
    return ids | {r.plan_id for r in cascade["references"] if r.plan_id}


def visible_among(user: Any, plan_ids: set[int]) -> set[int]:
    """Which of these plans the user may open (one query)."""
    from trienkhai_web.accounts.permissions import visible_plans

    if not plan_ids:
        return set()
    return set(visible_plans(user).filter(pk__in=plan_ids).values_list("pk", flat=True))


def organisation_work(organisation: Organisation, today: date | None = None) -> list[dict[str, Any]]:
    """Every published task the organisation leads or partners on, soonest due first, overdue marked."""
    today = today or date.today()
    rows = (TaskAssignment.objects.filter(organisation=organisation, task__plan__status=PlanStatus.PUBLISHED)
            .select_related("task", "task__plan", "task__item")
            .order_by("task__due_date", "task__plan__number", "task__order"))
    out: list[dict[str, Any]] = []
    for a in rows:
        t = a.task
        out.append({"assignment": a, "task": t, "plan": t.plan,
                    "overdue": t.due_date is not None and t.due_date < today})
    # Dated tasks first (soonest first), then the undated ones.
    out.sort(key=lambda r: (r["task"].due_date is None, r["task"].due_date or today))
    return out


def organisations_with_work() -> QuerySet[Organisation]:
    return Organisation.objects.filter(Q(task_assignments__isnull=False)).distinct().order_by("name")


def item_anchor_lines(source_text: str, texts: list[str]) -> list[int | None]:
    """For each text, the index of the source line it came from (first line containing its start)."""
    lines = [fold(line) for line in source_text.split("\n")]
    out: list[int | None] = []
    for text in texts:
        probe = fold(text)[:60].strip()
        hit = None
        if probe:
            hit = next((i for i, line in enumerate(lines) if probe in line), None)
            if hit is None and len(probe) > 25:
                hit = next((i for i, line in enumerate(lines) if probe[:25] in line), None)
        out.append(hit)
    return out


def published_items(plan: Plan) -> QuerySet[PlanItem]:
    return plan.items.all()


def task_history(task: Task) -> list[dict[str, Any]]:
    """The task's audit entries, newest first, with organisation ids shown as names."""
    from django.utils.translation import gettext as _

    from trienkhai_web.audit.models import AuditEntry

    entries = list(AuditEntry.objects.filter(object_type="plans.task", object_id=str(task.pk)).select_related("user"))
    names = dict(Organisation.objects.values_list("pk", "name"))

    def describe(snap: dict[str, Any] | None) -> str:
        if not snap:
            return ""
        due = snap.get("due_date")
        parts = [
            f"{_('Lead')}: {', '.join(names.get(i, str(i)) for i in snap.get('lead', [])) or '—'}",
            f"{_('Partners')}: {', '.join(names.get(i, str(i)) for i in snap.get('partners', [])) or '—'}",
            f"{_('Timeframe')}: {snap.get('timeframe') or '—'}",
            f"{_('Due date')}: {date.fromisoformat(due).strftime('%d/%m/%Y') if due else '—'}",
        ]
        return "; ".join(parts)

    return [{"at": e.at, "user": e.user, "before": describe(e.before), "after": describe(e.after)} for e in entries]


def scan_pages(draft: Any) -> list[dict[str, Any]]:
    """The draft's scanned pages for the review: page, confidence, size, and each uncertain word's box as
    (x, y, w, h) in the page image as read (the SVG over the page image uses these)."""
    pages = []
    for p in draft.source.ocr:
        words = [{"text": w["text"], "confidence": w["confidence"], "x": w["box"][0], "y": w["box"][1],
                  "w": w["box"][2] - w["box"][0], "h": w["box"][3] - w["box"][1]} for w in p.low]
        pages.append({"page": p.page, "confidence": p.confidence, "width": p.size[0], "height": p.size[1],
                      "words": words})
    return pages


# --- the same document imported twice ----------------------------------------------------------------

LIVE = (PlanStatus.DRAFT, PlanStatus.PUBLISHED)


@dataclass(frozen=True)
class SameDocument:
    plan: Plan
    why: str  # "file" | "number" | "text": which rule found it (the page words it; never shown as is)


def same_document(*, sha256: str = "", identity: str = "", fingerprint: str = "", text: str = "",
                  exclude: int | None = None) -> SameDocument | None:
    """A live plan that is the document being imported: the same file, the same number and issuer
    (`identity`), the same normalised text, or a near-identical one (`identity.SIMILAR_RATIO` on the
    first `identity.COMPARED_CHARS` characters of the normalised texts). At most two queries."""
    from django.db.models.functions import Length, Substr
    from rapidfuzz import fuzz

    from trienkhai_web.plans import identity as ident

    live = Plan.objects.filter(status__in=LIVE)
    if exclude is not None:
        live = live.exclude(pk=exclude)
    keyed = Q()
    for field, value in (("source_sha256", sha256), ("identity_key", identity), ("text_fingerprint", fingerprint)):
        if value:
            keyed |= Q(**{field: value})
    if keyed:
        rows = list(live.filter(keyed).defer("source_text", "draft").order_by("-status", "pk")[:6])
        for why, field, value in (("file", "source_sha256", sha256), ("number", "identity_key", identity),
                                  ("text", "text_fingerprint", fingerprint)):
            hit = next((p for p in rows if value and getattr(p, field) == value), None)
            if hit is not None:
                return SameDocument(hit, why)
    norm = ident.normalised_text(text)
    if not norm:
        return None
    size = len(text)
    head = norm[:ident.COMPARED_CHARS]
    # Raw lengths only narrow the field (spacing and line ends change them); the normalised texts decide.
    candidates = (live.annotate(size=Length("source_text"))
                  .filter(size__gte=size * (1 - ident.RAW_LENGTH_SLACK), size__lte=size * (1 + ident.RAW_LENGTH_SLACK))
                  .annotate(head=Substr("source_text", 1, ident.COMPARED_CHARS * 2))
                  .defer("source_text", "draft").order_by("-status", "pk"))
    for p in candidates:
        if not fuzz.ratio(head, ident.normalised_text(p.head)[:ident.COMPARED_CHARS], score_cutoff=ident.SIMILAR_RATIO):
            continue
        # The beginnings agree: the whole texts must be of one length and end alike too (a plan and its
        # longer, amended version share their first pages).
        other = ident.normalised_text(Plan.objects.values_list("source_text", flat=True).get(pk=p.pk))
        if abs(len(other) - len(norm)) <= ident.LENGTH_SLACK * max(len(norm), len(other)) and fuzz.ratio(
                norm[-ident.COMPARED_CHARS:], other[-ident.COMPARED_CHARS:], score_cutoff=ident.SIMILAR_RATIO):
            return SameDocument(p, "text")
    return None


# --- choosing organisations --------------------------------------------------------------------------

PICK_LIMIT = 12
_PATH_DEPTH = 4  # ancestors shown after a name: "Ban Dân vận Tỉnh ủy — Tỉnh ủy Lai Châu"


def organisation_path(org: Organisation) -> str:
    """The organisation's ancestors, nearest first, as the picker shows them after its name."""
    names, parent, depth = [], org.parent, 0
    while parent is not None and depth < _PATH_DEPTH:
        names.append(parent.name)
        parent, depth = parent.parent, depth + 1
    return " — ".join(names)


def pick_organisations(text: str, *, limit: int = PICK_LIMIT) -> list[tuple[Organisation, str]]:
    """Organisations matching what was typed (`organisations.queries.search_organisations`), each with its
    place in the tree; the names that begin with the text first, then the shorter. One query."""
    from trienkhai_web.organisations.queries import search_organisations

    if not fold(text or "").strip():
        return []
    key = fold(text).strip()
    related = "__".join(["parent"] * _PATH_DEPTH)
    current = Q(valid_to__isnull=True) | Q(valid_to__gte=date.today())
    qs = search_organisations(text).filter(current).select_related(related)
    rows = sorted(qs[:200], key=lambda o: (not o.match_key.startswith(key), len(o.name), o.name))
    return [(o, organisation_path(o)) for o in rows[:limit]]
