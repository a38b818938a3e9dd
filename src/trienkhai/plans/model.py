"""The parsed plan as plain dataclasses, one to one with `trienkhai.plan/2` (docs/plan-format.md).

`Plan.to_dict()` gives exactly the JSON the API returns (`to_dict(version=1)` the older `/1`, which the
CLI prints by default); `Plan.from_dict()` reads either back (the application stores drafts in this
format). Every field that can name several bodies is a list of names, split once, here in the core.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_ID = "trienkhai.plan/2"
SCHEMA_V1 = "trienkhai.plan/1"

DOCUMENT_KINDS = (
    "nghi_quyet", "ke_hoach", "chuong_trinh_hanh_dong", "ket_luan", "chi_thi",
    "quyet_dinh", "de_an", "bao_cao", "other",
)


@dataclass
class OcrPageInfo:
    """How a scanned page was read, for the reviewer to check it against the page image: the page's
    mean confidence and the words read with low confidence, boxed in the page image as OCR read it
    (`size` pixels, after cleaning and turning; `trienkhai.documents.scan.review_image` redraws it)."""

    page: int
    confidence: float
    size: list[int]  # [width, height]
    rotated: int = 0
    low: list[dict[str, Any]] = field(default_factory=list)  # {"text", "confidence", "box": [l, t, r, b]}


@dataclass
class Source:
    filename: str
    sha256: str
    format: str
    encoding: str | None = None
    ocr: list[OcrPageInfo] = field(default_factory=list)  # scanned pages only; absent from the JSON otherwise


@dataclass
class Signer:
    name: str | None = None
    title: str | None = None
    on_behalf_of: str | None = None


@dataclass
class DocumentInfo:
    kind: str = "other"
    number: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    place: str | None = None
    issuer: str | None = None
    province: str | None = None
    title: str | None = None
    superior: str | None = None  # the body the issuer stands under in the header ("Tỉnh ủy Lạng Sơn")
    implements: list[str] = field(default_factory=list)
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)


@dataclass
class OutlineBlock:
    kind: str  # paragraph | bullet | group | table | footnote
    text: str
    label: str | None = None


@dataclass
class OutlineNode:
    path: str
    number: str
    title: str
    kind: str = "section"
    blocks: list[OutlineBlock] = field(default_factory=list)
    children: list[OutlineNode] = field(default_factory=list)

    def walk(self):
        """This node and all its descendants, depth first."""
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Target:
    section: str | None
    text: str
    subject: str
    direction: str | None = None
    value: float | list[float] | None = None
    unit: str | None = None
    recurrence: str | None = None
    deadline: int | None = None
    baseline: str | None = None
    scope: str | None = None


@dataclass
class Assignment:
    item: str | None
    responsible: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)  # the bodies the text says "chủ trì"
    partners: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    duties: str | None = None
    reporting: str | None = None
    canonical: dict[str, str] = field(default_factory=dict)  # original name -> canonical form
    text: str | None = None

    def doers(self) -> list[str]:
        """Who must carry the assignment out: its leads, or else each responsible body that is not a
        partner ("Đảng đoàn HĐND tỉnh lãnh đạo, chỉ đạo …" has no "chủ trì" but is plainly its work)."""
        if self.leads:
            return list(self.leads)
        return [n for n in self.responsible if n not in self.partners]


@dataclass
class Timeframe:
    kind: str  # recurring | due | range | condition | unknown
    text: str
    recurrence: str | None = None  # thuong_xuyen | hang_nam | dinh_ky | theo_nhiem_ky | hang_quy | hang_thang
    due: str | None = None  # ISO date


@dataclass
class Task:
    no: int | str | None
    content: str
    leads: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    timeframe: str | None = None
    product: str | None = None
    due: str | None = None
    recurrence: str | None = None
    section: str | None = None  # the register's group heading over the row ("I. Nhóm nhiệm vụ …"), as written
    outline_path: str | None = None  # the outline part the row carries out ("III.2"), see tasks.link_to_outline


@dataclass
class Reference:
    id: str
    kind: str | None = None
    date: str | None = None
    issuer: str | None = None
    text: str | None = None


@dataclass
class Plan:
    source: Source
    document: DocumentInfo = field(default_factory=DocumentInfo)
    outline: list[OutlineNode] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)

    def nodes(self):
        """Every outline node, depth first."""
        for n in self.outline:
            yield from n.walk()

    def agency_names(self) -> list[str]:
        """Every body the plan gives work to (doers and partners), in order of first appearance."""
        seen: dict[str, None] = {}
        for a in self.assignments:
            for name in [*a.doers(), *a.partners]:
                seen.setdefault(name, None)
        for t in self.tasks:
            for name in [*t.leads, *t.partners]:
                seen.setdefault(name, None)
        return list(seen)

    def to_dict(self, version: int = 2) -> dict[str, Any]:
        """The plan as `trienkhai.plan/2` JSON, or as `/1` for readers that do not know `/2` yet."""
        d = {"schema": SCHEMA_ID, **asdict(self)}
        if not d["source"]["ocr"]:
            del d["source"]["ocr"]
        if version == 1:
            from trienkhai.plans.format_v1 import downgrade

            return downgrade(d)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Plan:
        """Read `trienkhai.plan/2` JSON, or `/1` (converted on the way in)."""
        schema = d.get("schema", SCHEMA_V1)
        if schema == SCHEMA_V1:
            from trienkhai.plans.format_v1 import upgrade

            d = upgrade(d)
        elif schema != SCHEMA_ID:
            from trienkhai.errors import PlanFormatError

            raise PlanFormatError(f"Không đọc được định dạng {schema}: phiên bản này đọc {SCHEMA_V1} và {SCHEMA_ID}.")
        def node(n: dict[str, Any]) -> OutlineNode:
            return OutlineNode(
                path=n["path"], number=n.get("number", ""), title=n.get("title", ""),
                kind=n.get("kind", "section"),
                blocks=[OutlineBlock(**b) for b in n.get("blocks", [])],
                children=[node(c) for c in n.get("children", [])],
            )

        doc = dict(d.get("document") or {})
        signer = doc.pop("signer", None)
        return cls(
            source=_source(d["source"]),
            document=DocumentInfo(**doc, signer=Signer(**signer) if signer else None),
            outline=[node(n) for n in d.get("outline", [])],
            targets=[Target(**t) for t in d.get("targets", [])],
            assignments=[Assignment(**a) for a in d.get("assignments", [])],
            tasks=[Task(**t) for t in d.get("tasks", [])],
            references=[Reference(**r) for r in d.get("references", [])],
            warnings=list(d.get("warnings", [])),
            preamble=list(d.get("preamble", [])),
        )


def _source(d: dict[str, Any]) -> Source:
    pages = [OcrPageInfo(page=p["page"], confidence=p["confidence"], size=list(p["size"]),
                         rotated=p.get("rotated", 0), low=list(p.get("low", []))) for p in d.get("ocr", [])]
    return Source(**{k: v for k, v in d.items() if k != "ocr"}, ocr=pages)
