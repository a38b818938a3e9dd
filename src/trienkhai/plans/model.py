"""The parsed plan as plain dataclasses, one to one with `trienkhai.plan/1` (../shared/PLAN_FORMAT.md).

`Plan.to_dict()` gives exactly the JSON the CLI prints and the API returns; `Plan.from_dict()` reads it
back (the application stores drafts in this format).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_ID = "trienkhai.plan/1"

DOCUMENT_KINDS = (
    "nghi_quyet", "ke_hoach", "chuong_trinh_hanh_dong", "ket_luan", "chi_thi",
    "quyet_dinh", "de_an", "bao_cao", "other",
)


@dataclass
class Source:
    filename: str
    sha256: str
    format: str
    encoding: str | None = None


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
    lead: str | None = None
    partners: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    duties: str | None = None
    reporting: str | None = None
    canonical: dict[str, str] = field(default_factory=dict)  # original name -> canonical form
    text: str | None = None


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
    lead: str | None = None
    partners: str | None = None
    timeframe: str | None = None
    product: str | None = None
    due: str | None = None
    recurrence: str | None = None
    section: str | None = None


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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {"schema": SCHEMA_ID, **d}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Plan:
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
            source=Source(**d["source"]),
            document=DocumentInfo(**doc, signer=Signer(**signer) if signer else None),
            outline=[node(n) for n in d.get("outline", [])],
            targets=[Target(**t) for t in d.get("targets", [])],
            assignments=[Assignment(**a) for a in d.get("assignments", [])],
            tasks=[Task(**t) for t in d.get("tasks", [])],
            references=[Reference(**r) for r in d.get("references", [])],
            warnings=list(d.get("warnings", [])),
            preamble=list(d.get("preamble", [])),
        )
