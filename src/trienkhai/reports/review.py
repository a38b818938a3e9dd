"""The review's substance, from the units' reports: its figures (computed once) and its text per kind.

The application gathers a `ReviewInput` (what the plan set out and what each unit reported in the
periods covered); `figures(input)` computes every number the report states, once; `compose(input, figures)`
writes the body as `Block`s in the structure of its kind (periodic report, sơ kết, tổng kết), every
sentence carrying the ids of the reports it came from. The writers (.docx, .xlsx, the preview) only lay
the blocks and the figures out; the dashboard's test compares its figures with these.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from trienkhai.reports import synthesis as syn
from trienkhai.reports.model import ReportKind
from trienkhai.reports.numbers import fmt_date, fmt_number
from trienkhai.reports.synthesis import Sentence, Statement
from trienkhai.tracking.assess import Assessment

DONE, IN_PROGRESS, LATE, NOT_STARTED = "hoan_thanh", "dang_trien_khai", "cham_tien_do", "chua_trien_khai"
NOT_REPORTED = "chua_bao_cao"
# Which status a task with several leads takes: the worst one reported (the dashboard's rule, one place).
STATUS_PRECEDENCE = (LATE, NOT_STARTED, IN_PROGRESS, NOT_REPORTED)
STATUS_WORDS = {DONE: "hoàn thành", IN_PROGRESS: "đang triển khai", LATE: "chậm tiến độ",
                NOT_STARTED: "chưa triển khai", NOT_REPORTED: "chưa có kết quả được ghi nhận"}
# A unit's task with no accepted report: it may have reported late or been returned, so not "chưa báo cáo".
NOT_REPORTED_LABEL = "Chưa có kết quả"


def combined_status(statuses: Iterable[str]) -> str:
    """A task's status from its leads' statuses ("" or missing = not reported): the worst, or done."""
    found = [s or NOT_REPORTED for s in statuses]
    if not found:
        return NOT_REPORTED
    for status in STATUS_PRECEDENCE:
        if status in found:
            return status
    return DONE


# The kinds of a leadership activity (the web's ActivityKind values) and the verb a review writes for each.
ACTIVITY_VERBS = {"hoi_nghi": "tổ chức", "van_ban": "ban hành", "tuyen_truyen": "thực hiện", "kiem_tra": "tiến hành"}


# --- input -------------------------------------------------------------------------------------------

@dataclass
class LeadProgress:
    organisation: str
    status: str = ""
    results: str = ""
    difficulties: str = ""
    causes: str = ""
    proposals: str = ""
    explanation: str = ""
    source: str = ""


@dataclass
class PartInput:
    """A part of the programme's own outline (a child of its "Nhiệm vụ, giải pháp"): the review's section II
    follows these."""

    title: str
    text: str = ""


@dataclass
class TaskInput:
    part: str                       # the title of the programme's part it belongs to ("" when none)
    content: str
    leads: list[str] = field(default_factory=list)             # lead organisations
    progress: list[LeadProgress] = field(default_factory=list)  # what the leads reported (accepted)
    home: str = ""                  # the outline section it sits in when not in a part ("Tổ chức thực hiện")


@dataclass
class Activity:
    organisation: str
    kind: str                  # hoi_nghi, van_ban, tuyen_truyen, kiem_tra
    title: str
    held_on: date | None = None
    document_number: str = ""
    participants: int | None = None
    count: int = 1
    source: str = ""


@dataclass
class UnitAssessment:
    """A unit's own assessment of the period (UnitReview), one statement a line."""

    organisation: str
    source: str
    strengths: str = ""
    limitations: str = ""
    causes_objective: str = ""
    causes_subjective: str = ""
    lessons: str = ""
    proposals: str = ""
    directions: str = ""


@dataclass
class TargetInput:
    name: str
    unit: str
    plan_value: str
    deadline_year: int | None
    result: float | None
    assessment: Assessment
    completion: float | None
    problem: str = ""   # why the value cannot be right ("tỷ lệ vượt 100 %"), "" when plausible


@dataclass
class UnitReporting:
    organisation: str
    due: date | None
    submitted: date | None   # first submission in the reference period, None when not reported
    led_tasks: int = 0


@dataclass
class ReviewInput:
    kind: ReportKind
    voice: str                 # who speaks: "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh"
    plan_reference: str        # "Chương trình hành động số 55-CTr/TU ngày 12/3/2024 của Tỉnh ủy"
    period_label: str          # "Quý III/2026", "giai đoạn 2025 - 2026"
    reporting_label: str       # the period whose reporting is counted (the latest one due)
    monitoring_body: str = ""
    parts: list[PartInput] = field(default_factory=list)
    tasks: list[TaskInput] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    assessments: list[UnitAssessment] = field(default_factory=list)
    targets: list[TargetInput] = field(default_factory=list)
    reporting: list[UnitReporting] = field(default_factory=list)
    explanations: list[Statement] = field(default_factory=list)   # units' answers to explanation requests


# --- figures -----------------------------------------------------------------------------------------

@dataclass
class ReviewFigures:
    """Every number the report states, computed once (body, appendices, .xlsx and the dashboard's test)."""

    units: int = 0
    reported: int = 0
    on_time: int = 0
    not_reported: list[str] = field(default_factory=list)
    tasks: int = 0
    lead_assignments: int = 0
    task_status: dict[str, int] = field(default_factory=dict)       # per task (combined over its leads)
    unit_status: dict[str, dict[str, int]] = field(default_factory=dict)  # per lead unit: its led tasks
    targets: dict[str, int] = field(default_factory=dict)           # per assessment code
    implausible: list[str] = field(default_factory=list)            # target names with an impossible value
    units_with_plan: list[str] = field(default_factory=list)        # issued an implementing document
    conferences: int = 0
    participants: int = 0
    propaganda: int = 0
    inspections: int = 0

    def status(self, key: str) -> int:
        return self.task_status.get(key, 0)

    def as_summary(self) -> dict[str, object]:
        """The figures as plain JSON (kept with each generated report)."""
        return {"units": self.units, "reported": self.reported, "on_time": self.on_time,
                "not_reported": self.not_reported, "tasks": self.tasks, "task_status": self.task_status,
                "targets": self.targets, "implausible": self.implausible,
                "units_with_plan": len(self.units_with_plan), "conferences": self.conferences,
                "participants": self.participants}


def compute_figures(data: ReviewInput) -> ReviewFigures:
    f = ReviewFigures()
    f.units = len(data.reporting)
    f.reported = sum(1 for r in data.reporting if r.submitted is not None)
    f.on_time = sum(1 for r in data.reporting if r.submitted is not None and (r.due is None or r.submitted <= r.due))
    f.not_reported = [r.organisation for r in data.reporting if r.submitted is None]
    f.tasks = len(data.tasks)
    status_counts: Counter[str] = Counter()
    per_unit: dict[str, Counter[str]] = defaultdict(Counter)
    for task in data.tasks:
        reported = {p.organisation: p.status for p in task.progress}
        status_counts[combined_status(reported.get(o, "") for o in task.leads)] += 1
        for org in task.leads:
            per_unit[org][reported.get(org, "") or NOT_REPORTED] += 1
            f.lead_assignments += 1
    f.task_status = dict(status_counts)
    f.unit_status = {org: dict(c) for org, c in per_unit.items()}
    f.targets = dict(Counter(t.assessment.value for t in data.targets))
    f.implausible = [t.name for t in data.targets if t.problem]
    f.units_with_plan = list(dict.fromkeys(a.organisation for a in data.activities if a.kind == "van_ban"
                                           and a.organisation != data.monitoring_body))
    for a in data.activities:
        if a.organisation == data.monitoring_body:
            continue  # its own work is told on its own, not counted among the units'
        if a.kind == "hoi_nghi":
            f.conferences += a.count
            f.participants += a.participants or 0
        elif a.kind == "tuyen_truyen":
            f.propaganda += a.count
        elif a.kind == "kiem_tra":
            f.inspections += a.count
    return f


# --- blocks ------------------------------------------------------------------------------------------

@dataclass
class Block:
    """One element of the body: a heading (level 1 = "I.", 2 = "1.", 3 = "a)"), a paragraph of sentences,
    a list of bullets (one sentence each), or the targets' table and chart (kind "targets")."""

    kind: str                      # "heading", "paragraph", "bullets", "targets"
    level: int = 0
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return self.text or " ".join(s.text for s in self.sentences)


def heading(text: str, level: int) -> Block:
    return Block("heading", level, text)


def paragraph(*sentences: Sentence) -> Block:
    return Block("paragraph", sentences=[s for s in sentences if s.text])


def bullets(sentences: Iterable[Sentence]) -> Block:
    return Block("bullets", sentences=list(sentences))


def _s(text: str, sources: Iterable[str] = ()) -> Sentence:
    return Sentence(text, tuple(dict.fromkeys(sources)))


def _statements(items: Iterable[tuple[str, str, str]]) -> list[Statement]:
    out: list[Statement] = []
    for text, org, source in items:
        out.extend(syn.split_statements(text, org, source))
    return out


def _status_phrase(counts: dict[str, int], total: int) -> str:
    parts = [f"{counts[k]} nhiệm vụ {STATUS_WORDS[k]}" for k in (DONE, IN_PROGRESS, LATE, NOT_STARTED, NOT_REPORTED)
             if counts.get(k)]
    return ", ".join(parts) if parts else f"{total} nhiệm vụ"


# --- section I: leadership and dissemination ----------------------------------------------------------

def _leadership(data: ReviewInput, f: ReviewFigures) -> list[Block]:
    blocks: list[Block] = []
    own = [a for a in data.activities if a.organisation == data.monitoring_body]
    if own:
        sentences = []
        for a in sorted(own, key=lambda a: (a.held_on or date.max, a.title)):
            when = f"Ngày {fmt_date(a.held_on)}, " if a.held_on else ""
            who = data.monitoring_body
            number = f" số {a.document_number}" if a.document_number else ""
            crowd = f" với {fmt_number(a.participants)} người tham dự" if a.participants else ""
            if a.count > 1 and a.kind != "van_ban":
                crowd += f" ({a.count} {'hội nghị' if a.kind == 'hoi_nghi' else 'lượt'})"
            verb = ACTIVITY_VERBS.get(a.kind, "thực hiện")
            sentences.append(_s(f"{when}{who} {verb} {syn.lower_first(a.title)}{number}{crowd}.", [a.source]))
        blocks.append(paragraph(*sentences))
    units = [a for a in data.activities if a.organisation != data.monitoring_body]
    sources = [a.source for a in units]
    lines: list[Sentence] = []
    if f.units:
        issued = f.units_with_plan
        reported_orgs = {r.organisation for r in data.reporting if r.submitted is not None}
        missing = [o for o in (r.organisation for r in data.reporting) if o in reported_orgs and o not in issued]
        text = (f"{len(issued)}/{f.units} cơ quan, đơn vị đã ban hành kế hoạch, văn bản lãnh đạo, chỉ đạo "
                f"thực hiện ({syn.percent(len(issued), f.units)})")
        if missing:
            text += f"; {len(missing)} đơn vị đã báo cáo nhưng chưa ban hành văn bản cụ thể hóa: {syn.names(missing)}"
        lines.append(_s(text + ".", [a.source for a in units if a.kind == "van_ban"]))
    if f.conferences:
        by_org: dict[str, list[Activity]] = defaultdict(list)
        for a in units:
            if a.kind == "hoi_nghi":
                by_org[a.organisation].append(a)
        top = sorted(by_org.items(), key=lambda kv: -sum(a.participants or 0 for a in kv[1]))[:3]
        examples = "; ".join(f"{org} tổ chức {sum(a.count for a in acts)} hội nghị với "
                             f"{fmt_number(sum(a.participants or 0 for a in acts))} người" for org, acts in top)
        lines.append(_s(f"{len(by_org)} cơ quan, đơn vị đã tổ chức {f.conferences} hội nghị học tập, quán triệt, "
                        f"triển khai với {fmt_number(f.participants)} lượt người tham dự; tiêu biểu: {examples}.",
                        [a.source for acts in by_org.values() for a in acts]))
    if f.propaganda:
        orgs = {a.organisation for a in units if a.kind == "tuyen_truyen"}
        lines.append(_s(f"Công tác tuyên truyền được {len(orgs)} cơ quan, đơn vị thực hiện với {f.propaganda} tin, bài "
                        "và hoạt động tuyên truyền.", [a.source for a in units if a.kind == "tuyen_truyen"]))
    if f.inspections:
        orgs = {a.organisation for a in units if a.kind == "kiem_tra"}
        lines.append(_s(f"{len(orgs)} cơ quan, đơn vị đã tiến hành {f.inspections} cuộc kiểm tra, giám sát việc "
                        "thực hiện.", [a.source for a in units if a.kind == "kiem_tra"]))
    if not units and not own:
        lines.append(_s("Các cơ quan, đơn vị chưa báo cáo cụ thể về công tác quán triệt, triển khai trong kỳ."))
    del sources
    reporting = (f"Về chế độ báo cáo kỳ {data.reporting_label}: {f.reported}/{f.units} cơ quan, đơn vị đã gửi báo "
                 f"cáo ({syn.percent(f.reported, f.units)}), trong đó {f.on_time} báo cáo đúng hạn")
    if f.not_reported:
        reporting += f"; {len(f.not_reported)} đơn vị chưa báo cáo: {syn.names(f.not_reported, shown=8)}"
    lines.append(_s(reporting + " (chi tiết tại Phụ lục 2, 3)."))
    blocks.append(paragraph(*lines))
    return blocks


# --- section II: results, part by part -----------------------------------------------------------------

MAX_GROUPS = 5
MAX_EXAMPLES = 3


def _section_two(data: ReviewInput) -> list[Block]:
    """One paragraph per part of the programme: its tasks' figures and the units' results on it. A result
    reported on a task outside the parts (an assignment of "Tổ chức thực hiện") goes to the part it speaks
    of (syn.match_part), else stays with its own section. Parts nobody reported on are named once."""
    titles = [p.title for p in data.parts]
    placed: dict[str, list[TaskInput]] = {t: [] for t in titles}
    extra: dict[str, list[Statement]] = defaultdict(list)
    homes: dict[str, list[TaskInput]] = {}
    texts = [f"{p.title} {p.text}" for p in data.parts]
    for task in data.tasks:
        if task.part in placed:
            placed[task.part].append(task)
            continue
        kept = TaskInput(task.part, task.content, task.leads, [], task.home)
        for p in task.progress:
            rest = []
            for st in syn.split_statements(p.results, p.organisation, p.source):
                index = syn.match_part(st.text, texts)
                if index is None:
                    rest.append(st.text)
                else:
                    extra[titles[index]].append(st)
            kept.progress.append(LeadProgress(p.organisation, p.status, "\n".join(rest), source=p.source))
        homes.setdefault(task.home or "Các nhiệm vụ khác", []).append(kept)
    blocks: list[Block] = []
    silent = []
    for title in titles:
        if not placed[title] and not extra[title]:
            silent.append(title)
            continue
        blocks += _part_blocks(_about(title), placed[title], extra[title])
    for home, tasks in homes.items():
        blocks += _part_blocks(_about(home), tasks, [])
    if silent:
        blocks.append(paragraph(_s(f"Các cơ quan, đơn vị chưa báo cáo kết quả cụ thể đối với {len(silent)}/{len(titles)} "
                                   "nội dung của chương trình: " + "; ".join(_short(t, 10) for t in silent) + ".")))
    return blocks


def _about(title: str) -> str:
    """"Về nâng cao nhận thức…": the part's heading in the review, in sentence case."""
    text = title.strip().rstrip(".:")
    if text.isupper():
        text = text[:1] + text[1:].lower()
    return "Về " + syn.lower_first(text)


def _part_blocks(title: str, tasks: list[TaskInput], extra: list[Statement]) -> list[Block]:
    counts: Counter[str] = Counter()
    leads: list[str] = []
    statements: list[Statement] = list(extra)
    behind: dict[str, list[str]] = defaultdict(list)
    for task in tasks:
        reported = {p.organisation: p for p in task.progress}
        status = combined_status((reported[o].status if o in reported else "") for o in task.leads)
        counts[status] += 1
        leads.extend(task.leads)
        for p in task.progress:
            statements.extend(syn.split_statements(p.results, p.organisation, p.source))
            if p.status in (LATE, NOT_STARTED):
                behind[p.status].append(p.organisation)
    lead_names = list(dict.fromkeys(leads))
    sentences = []
    if tasks:
        sentences.append(_s(f"Nội dung này có {len(tasks)} nhiệm vụ do {len(lead_names)} cơ quan, đơn vị chủ trì; "
                            f"đến nay {_status_phrase(counts, len(tasks))}.", [s.source for s in statements]))
    groups = syn.group(statements)
    shared = [g for g in groups if len(g.organisations) > 1][:MAX_GROUPS]
    singles = [g for g in groups if len(g.organisations) == 1]
    examples = [g for g in singles if syn.with_figures(g.statements)][:MAX_EXAMPLES]
    others = [g for g in singles if g not in examples][: max(0, MAX_GROUPS - len(shared))]
    sentences += [syn.attributed(g) for g in shared + examples + others]
    left = len(groups) - len(shared) - len(examples) - len(others)
    if left > 0:
        sentences.append(_s(f"Các cơ quan, đơn vị còn báo cáo {left} kết quả khác (chi tiết tại báo cáo của "
                            "từng đơn vị).", [s for g in groups for s in g.sources]))
    late = [f"{len(orgs)} nhiệm vụ {STATUS_WORDS[k]} ({syn.names(list(dict.fromkeys(orgs)))})"
            for k, orgs in behind.items() if orgs]
    if late:
        sentences.append(_s("Còn " + "; ".join(late) + "."))
    return [heading(title, 2), paragraph(*sentences)] if sentences else []


def _targets_blocks(data: ReviewInput, f: ReviewFigures) -> list[Block]:
    if not data.targets:
        return [heading("Kết quả thực hiện các chỉ tiêu", 2),
                paragraph(_s("Chương trình không đặt chỉ tiêu định lượng; kết quả được đánh giá theo nhiệm vụ."))]
    words = [(Assessment.EXCEEDED, "vượt"), (Assessment.MET, "đạt"), (Assessment.IN_PROGRESS,
             "đang thực hiện, chưa đến hạn"), (Assessment.NOT_MET, "chưa đạt"), (Assessment.NO_DATA,
             "chưa có số liệu")]
    counted = ", ".join(f"{f.targets[a.value]} chỉ tiêu {w}" for a, w in words if f.targets.get(a.value))
    sentences = [_s(f"Trong {len(data.targets)} chỉ tiêu: {counted} (Bảng 1).")]
    ahead = [t for t in data.targets if t.assessment is Assessment.IN_PROGRESS and t.completion is not None]
    if ahead:
        sentences.append(_s("Các chỉ tiêu có thời hạn sau kỳ báo cáo được đánh giá theo tiến độ: "
                            + "; ".join(f"{_short(t.name)} đạt {fmt_number(t.completion, 0)}\u00a0% kế hoạch "
                                        f"(hạn {t.deadline_year})" for t in ahead[:4]) + "."))
    if f.implausible:
        bad = [t for t in data.targets if t.problem]
        by_problem: dict[str, list[TargetInput]] = defaultdict(list)
        for t in bad:
            by_problem[t.problem].append(t)
        for problem, rows in by_problem.items():
            listed = "; ".join(f"{_short(t.name, 10)} ({fmt_number(t.result)}{' %' if '%' in t.unit else ''})"
                               for t in rows)
            sentences.append(_s(f"Số liệu báo cáo của {len(rows)} chỉ tiêu không hợp lệ ({problem}): {listed}; "
                                "đề nghị các đơn vị kiểm tra, điều chỉnh (đánh dấu (*) tại Bảng 1)."))
    return [heading("Kết quả thực hiện các chỉ tiêu", 2), paragraph(*sentences), Block("targets")]


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    short = " ".join(parts[:words])
    return syn.lower_first(short + ("…" if len(parts) > words else ""))


# --- sections III–VII ----------------------------------------------------------------------------------

def _field(data: ReviewInput, name: str) -> list[Statement]:
    return _statements((getattr(a, name), a.organisation, a.source) for a in data.assessments)


def _progress_field(data: ReviewInput, name: str) -> list[Statement]:
    return _statements((getattr(p, name), p.organisation, p.source) for t in data.tasks for p in t.progress)


def _strengths(data: ReviewInput, f: ReviewFigures) -> list[Sentence]:
    done = f.status(DONE)
    met = f.targets.get("dat", 0) + f.targets.get("vuot", 0)
    opening = (f"Việc triển khai {data.plan_reference} được các cấp ủy, cơ quan, đơn vị quan tâm thực hiện: "
               f"{done}/{f.tasks} nhiệm vụ đã hoàn thành ({syn.percent(done, f.tasks)})")
    if data.targets:
        opening += f", {met}/{len(data.targets)} chỉ tiêu đạt và vượt"
    lines = [_s(opening + ".")]
    return lines + syn.themed_lines(_field(data, "strengths"), limit=6)


def _limitations(data: ReviewInput, f: ReviewFigures) -> list[Sentence]:
    lines = syn.themed_lines(_field(data, "limitations") + _progress_field(data, "difficulties"), limit=8)
    behind = f.status(LATE) + f.status(NOT_STARTED)
    if behind:
        lines.append(_s(f"Còn {behind}/{f.tasks} nhiệm vụ chậm tiến độ hoặc chưa triển khai (Phụ lục 1)."))
    if f.not_reported:
        lines.append(_s(f"Chế độ báo cáo chưa được thực hiện nghiêm: {len(f.not_reported)}/{f.units} đơn vị "
                        "chưa gửi báo cáo."))
    if f.implausible:
        lines.append(_s(f"Chất lượng số liệu của {len(f.implausible)} chỉ tiêu chưa bảo đảm."))
    return lines or [_s("Các cơ quan, đơn vị không nêu hạn chế trong kỳ.")]


def _causes(data: ReviewInput) -> tuple[list[Sentence], list[Sentence]]:
    objective = _field(data, "causes_objective")
    subjective = _field(data, "causes_subjective")
    for s in _progress_field(data, "causes") + _progress_field(data, "explanation") + data.explanations:
        (objective if syn.is_objective(s.text) else subjective).append(s)
    return syn.themed_lines(objective, limit=5), syn.themed_lines(subjective, limit=5)


def _directions(data: ReviewInput, f: ReviewFigures) -> list[Sentence]:
    lines = syn.themed_lines(_field(data, "directions"), limit=5)
    behind = f.status(LATE) + f.status(NOT_STARTED)
    if behind:
        lines.append(_s(f"Tập trung chỉ đạo hoàn thành {behind} nhiệm vụ còn chậm tiến độ, chưa triển khai; "
                        "cơ quan chủ trì báo cáo rõ lộ trình, thời gian hoàn thành."))
    short = [t for t in data.targets if t.assessment in (Assessment.NOT_MET, Assessment.IN_PROGRESS)]
    if short:
        lines.append(_s(f"Có giải pháp cụ thể đối với {len(short)} chỉ tiêu chưa đạt hoặc đang thực hiện: "
                        + "; ".join(_short(t.name, 8) for t in short[:4]) + ("…" if len(short) > 4 else "") + "."))
    if f.not_reported:
        lines.append(_s("Thực hiện nghiêm chế độ báo cáo định kỳ; các đơn vị chưa báo cáo khẩn trương bổ sung."))
    return lines or [_s("Tiếp tục thực hiện các nhiệm vụ còn lại theo lộ trình của chương trình.")]


def _commendations(data: ReviewInput, f: ReviewFigures) -> list[Sentence]:
    on_time = {r.organisation for r in data.reporting if r.submitted and (r.due is None or r.submitted <= r.due)}
    model = [org for org, counts in f.unit_status.items()
             if counts and set(counts) == {DONE} and org in on_time]
    if not model:
        return [_s("Chưa có tập thể hoàn thành toàn bộ nhiệm vụ được giao để đề nghị khen thưởng trong kỳ tổng kết.")]
    return [_s(f"Đề nghị khen thưởng {len(model)} tập thể hoàn thành 100\u00a0% nhiệm vụ được giao và thực hiện "
               f"tốt chế độ báo cáo: {syn.names(sorted(model), shown=10)}.")]


def compose(data: ReviewInput, f: ReviewFigures) -> list[Block]:
    """The body in the structure of its kind (REVIEW_REPORTS.md): a sơ kết / tổng kết in seven or eight
    parts, a periodic report in five."""
    review = data.kind is not ReportKind.PERIODIC
    parts = _section_two(data)
    objective, subjective = _causes(data)
    lessons = syn.themed_lines(_field(data, "lessons"), limit=6) or [
        _s("Các cơ quan, đơn vị chưa rút ra bài học kinh nghiệm trong kỳ; cần bổ sung khi sơ kết, tổng kết.")]
    proposals = syn.themed_lines(_field(data, "proposals") + _progress_field(data, "proposals"), limit=6) or [
        _s("Các cơ quan, đơn vị không có đề xuất, kiến nghị trong kỳ.")]
    causes = [heading("Nguyên nhân", 2),
              heading("a) Nguyên nhân khách quan", 3),
              bullets(objective or [_s("Các đơn vị không nêu nguyên nhân khách quan.")]),
              heading("b) Nguyên nhân chủ quan", 3),
              bullets(subjective or [_s("Các đơn vị không nêu nguyên nhân chủ quan.")])]
    if review:
        blocks = [heading("CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, QUÁN TRIỆT, TUYÊN TRUYỀN, TRIỂN KHAI THỰC HIỆN", 1),
                  *_leadership(data, f),
                  heading("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP", 1), *parts, *_targets_blocks(data, f),
                  heading("ĐÁNH GIÁ CHUNG", 1),
                  heading("Ưu điểm", 2), bullets(_strengths(data, f)),
                  heading("Hạn chế, khuyết điểm", 2), bullets(_limitations(data, f)), *causes,
                  heading("BÀI HỌC KINH NGHIỆM", 1), bullets(lessons),
                  heading("PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", 1), bullets(_directions(data, f)),
                  heading("ĐỀ XUẤT, KIẾN NGHỊ", 1), bullets(proposals)]
        if data.kind is ReportKind.FINAL:
            blocks += [heading("ĐỀ XUẤT KHEN THƯỞNG", 1), bullets(_commendations(data, f))]
        return blocks
    return [heading("KẾT QUẢ THỰC HIỆN TRONG KỲ", 1),
            heading("Công tác lãnh đạo, chỉ đạo, triển khai", 2), *_leadership(data, f),
            *parts, *_targets_blocks(data, f),
            heading("HẠN CHẾ VÀ NGUYÊN NHÂN", 1),
            heading("Hạn chế", 2), bullets(_limitations(data, f)), *causes,
            heading("BÀI HỌC KINH NGHIỆM", 1), bullets(lessons),
            heading("NHIỆM VỤ TRỌNG TÂM KỲ TỚI", 1), bullets(_directions(data, f)),
            heading("ĐỀ XUẤT, KIẾN NGHỊ", 1), bullets(proposals)]
