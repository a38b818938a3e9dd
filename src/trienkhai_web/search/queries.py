"""The one search: `search(user, query, ...)` → ranked, permission-filtered hits with snippets.

How a query is answered:
1. its words are folded (`trienkhai.text.search.query_words`: no diacritics, đ = d, so both tone
   placements are equal too);
2. a word the index has never seen is corrected against the vocabulary (edit distance from RapidFuzz on
   the database's candidates: pg_trgm on PostgreSQL, words of a similar length on SQLite) and searched as
   "the word or its corrections"; when nothing is found at all, known words get their neighbours too;
3. rows holding the words as a phrase come first, then rows holding every word, each in the database's
   rank order (bm25 / ts_rank_cd, the title weighing more);
4. only rows the user may open are searched: the plans of `accounts.permissions.visible_plans`, the
   reports of the units they act for (and, for a unit's head, the units under it), every organisation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString, mark_safe
from rapidfuzz.distance import Levenshtein

from trienkhai.text.search import highlight, max_edits, may_be_typo, query_words
from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_read_everything, organisations_for, visible_plans
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import Plan, TaskAssignment
from trienkhai_web.search.backends import Groups, backend
from trienkhai_web.search.models import Kind, SearchDocument, SearchTerm
from trienkhai_web.tracking.models import ReportingPeriod, TaskProgress

PAGE_SIZE = 20
CANDIDATES = 200  # rows ranked per query; pages reach this far (filters narrow the rest)
COUNT_LIMIT = 1000  # matches counted exactly up to this
RECENT_WINDOW = 5000  # report entries looked at first, newest first (see _newest)
PLAN_KINDS = (Kind.PLAN, Kind.ITEM, Kind.TASK, Kind.TARGET)


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: SafeString
    snippet: SafeString
    url: str
    phrase: bool
    plan_id: int | None = None
    plan: str = ""
    unit: str = ""
    period: str = ""
    text: str = ""  # the title as plain text

    def as_dict(self) -> dict[str, Any]:
        """What the API and `trienkhai search --json` give for a hit (HTML fields escaped, marks only)."""
        return {"kind": self.kind, "kind_label": self.kind_label, "title": self.text, "title_html": str(self.title),
                "snippet_html": str(self.snippet), "url": self.url, "phrase": self.phrase, "plan_id": self.plan_id,
                "plan": self.plan, "unit": self.unit, "period": self.period}


@dataclass
class Results:
    query: str
    words: list[str]
    corrected: dict[str, list[str]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    more: bool = False  # more than `total` (= COUNT_LIMIT) matches
    page: int = 1
    pages: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"query": self.query, "corrected_query": self.corrected_query if self.corrected else None,
                "count": self.total, "more": self.more, "page": self.page, "pages": self.pages,
                "results": [h.as_dict() for h in self.hits]}

    @property
    def corrected_query(self) -> str:
        return " ".join(self.corrected.get(w, [w])[0] for w in self.words)


def visible_split(user: Any) -> tuple[QuerySet[SearchDocument], QuerySet[SearchDocument]]:
    """The index rows `user` may open, as (the plans' text and organisations, the report entries); None
    is the system itself (the command line): everything. The few plans and units a unit may see are read
    first, so that each search query filters on plain lists its indexes can use."""
    docs = SearchDocument.objects
    if user is None or can_read_everything(user):
        return docs.exclude(kind=Kind.REPORT), docs.filter(kind=Kind.REPORT)
    if not user.is_authenticated:
        return docs.none(), docs.none()
    own = organisations_for(user, Role.UNIT_REPORTER, Role.UNIT_HEAD)
    heads = organisations_for(user, Role.UNIT_HEAD)
    plans = list(visible_plans(user).values_list("pk", flat=True))
    units = own | (set(Organisation.objects.filter(parent_id__in=heads).values_list("pk", flat=True)) if heads
                   else set())
    parts = docs.exclude(kind=Kind.REPORT).filter(Q(kind__in=PLAN_KINDS, plan_id__in=plans)
                                                  | Q(kind=Kind.ORGANISATION))
    return parts, docs.filter(kind=Kind.REPORT, organisation_id__in=units)


def visible_documents(user: Any) -> QuerySet[SearchDocument]:
    """The index rows `user` may open (None: the system itself, e.g. the command line: everything)."""
    parts, reports = visible_split(user)
    return parts | reports


def _filtered(qs: QuerySet[SearchDocument], *, plan: int | None, unit: int | None, period: int | None,
              kind: str | None) -> QuerySet[SearchDocument]:
    if plan:
        qs = qs.filter(plan_id=plan)
    if period:
        qs = qs.filter(period_id=period)
    if kind:
        qs = qs.filter(kind=kind)
    if unit:
        tasks = TaskAssignment.objects.filter(organisation_id=unit).values("task_id")
        qs = qs.filter(Q(organisation_id=unit) | Q(kind=Kind.TASK, object_id__in=tasks))
    return qs


def _count(db: Any, parts: QuerySet[SearchDocument], reports: QuerySet[SearchDocument], groups: Groups) -> int:
    """How many rows match, counted up to COUNT_LIMIT + 1 (beyond, a page says "more than"); the plans'
    text and the report entries apart, as each has its own index on PostgreSQL."""
    found = db.filter(parts, groups).values("id")[:COUNT_LIMIT + 1].count()
    if found > COUNT_LIMIT:
        return found
    return found + db.filter(reports, groups).values("id")[:COUNT_LIMIT + 1 - found].count()


def _newest(db: Any, reports: QuerySet[SearchDocument], groups: Groups, phrase: bool, limit: int) -> list[int]:
    """The newest `limit` matching report entries. Looked for first among the RECENT_WINDOW newest
    entries the user may see (a bounded amount of work however common the words are: exact, as every
    match in the window is newer than any outside it), then, when that is not enough, among all."""
    found = db.newest(reports, groups, phrase=phrase, limit=limit, window=RECENT_WINDOW)
    if len(found) < limit:  # rare words: the index finds the few matches cheaply
        found = list(db.filter(reports, groups, phrase=phrase).order_by("-id").values_list("id", flat=True)[:limit])
    return found


def _corrections(words: list[str], known: set[str], *, known_too: bool) -> dict[str, list[str]]:
    """For each word worth correcting: its nearest vocabulary words (by edit distance, best first)."""
    db = backend()
    out: dict[str, list[str]] = {}
    for word in words:
        if not may_be_typo(word) or (word in known and not known_too):
            continue
        limit = max_edits(word)
        scored = sorted((Levenshtein.distance(word, c), c) for c in db.neighbours(word, limit) if c != word)
        best = [c for d, c in scored if d <= limit and d == scored[0][0]][:3] if scored else []
        if best:
            out[word] = best
    return out


def search(user: Any, query: str, *, plan: int | None = None, unit: int | None = None, period: int | None = None,
           kind: str | None = None, page: int = 1, page_size: int = PAGE_SIZE) -> Results:
    words = query_words(query)
    results = Results(query=query, words=words, page=max(1, page))
    if not words:
        return results
    parts, reports = (_filtered(qs, plan=plan, unit=unit, period=period, kind=kind) for qs in visible_split(user))
    db = backend()

    def groups(corrected: dict[str, list[str]], keep: set[str]) -> Groups:
        return [([w] if w in keep else []) + corrected.get(w, []) or [w] for w in words]

    known = set(SearchTerm.objects.filter(word__in=words).values_list("word", flat=True))
    corrected = _corrections(words, known, known_too=False)
    query_groups = groups(corrected, known | {w for w in words if w not in corrected})
    found = _count(db, parts, reports, query_groups)
    if found == 0 and any(may_be_typo(w) for w in words):
        corrected = _corrections(words, known, known_too=True)
        if corrected:
            query_groups = groups(corrected, known)
            found = _count(db, parts, reports, query_groups)
    results.corrected = {w: c for w, c in corrected.items() if w not in known}
    results.total, results.more = min(found, COUNT_LIMIT), found > COUNT_LIMIT
    if not found:
        return results
    # Phrase first (the words next to each other in order, the best correction of each), then every word.
    # Within each: the plans' own text (plans, items, tasks, targets) and organisations by the database's
    # rank, then the units' report entries newest first — ranking thousands of near-identical entries by
    # word statistics would cost more than it tells (benchmarks/national.py).
    ids: list[int] = []
    seen: set[int] = set()
    phrase_ids: set[int] = set()
    tiers = [False] if len(words) == 1 else [True, False]
    for phrase in tiers:
        search_groups = [[g[0]] for g in query_groups] if phrase else query_groups
        for part in (parts, reports):
            room = CANDIDATES - len(ids)  # pages reach CANDIDATES rows: no need to look further
            if room <= 0 or (kind and (kind == Kind.REPORT) != (part is reports)):
                continue
            found_ids = (db.ranked(part, search_groups, phrase=phrase).values_list("id", flat=True)[:room + len(seen)]
                         if part is parts else _newest(db, part, search_groups, phrase, room + len(seen)))
            for pk in found_ids:
                if pk not in seen:
                    seen.add(pk)
                    ids.append(pk)
                    if phrase:
                        phrase_ids.add(pk)
    reachable = min(results.total, len(ids))
    results.pages = max(1, math.ceil(reachable / page_size))
    results.page = min(results.page, results.pages)
    window = ids[(results.page - 1) * page_size: results.page * page_size]
    terms = sorted({w for g in query_groups for w in g})
    results.hits = _hits(window, phrase_ids, terms, [g[0] for g in query_groups])
    return results


def _hits(ids: list[int], phrase_ids: set[int], terms: list[str], phrase: list[str]) -> list[Hit]:
    docs = {d.pk: d for d in SearchDocument.objects.filter(pk__in=ids)}
    plan_ids = {d.plan_id for d in docs.values() if d.plan_id}
    plans = {p.pk: p.display_name for p in Plan.objects.filter(pk__in=plan_ids).only("pk", "number", "title", "kind",
                                                                                         "source_filename")}
    report_ids = [d.object_id for d in docs.values() if d.kind == Kind.REPORT]
    entries = {e.pk: e for e in TaskProgress.objects.filter(pk__in=report_ids).select_related("task")
               .only("pk", "task__no", "task__content")}
    orgs = {o.pk: o.name for o in Organisation.objects.filter(
        pk__in={d.organisation_id for d in docs.values() if d.organisation_id}).only("pk", "name")}
    periods = {p.pk: p.title for p in ReportingPeriod.objects.filter(
        pk__in={d.period_id for d in docs.values() if d.period_id})}
    labels = dict(Kind.choices)
    hits = []
    for pk in ids:
        doc = docs.get(pk)
        if doc is None:
            continue
        title = doc.title
        if doc.kind == Kind.REPORT and (entry := entries.get(doc.object_id)) is not None:
            title = f"{entry.task.no}. {entry.task.content}" if entry.task.no else entry.task.content
        hits.append(Hit(
            kind=doc.kind, kind_label=str(labels.get(doc.kind, "")),
            title=mark_safe(highlight(title, terms, length=300, phrase=phrase, phrase_only=pk in phrase_ids)),
            snippet=mark_safe(highlight(doc.body, terms, phrase=phrase, phrase_only=pk in phrase_ids) if doc.body else ""),
            url=doc.url, phrase=pk in phrase_ids, plan_id=doc.plan_id, plan=plans.get(doc.plan_id or 0, ""),
            unit=orgs.get(doc.organisation_id or 0, "") if doc.kind == Kind.REPORT else "",
            period=periods.get(doc.period_id or 0, ""), text=title))
    return hits
