"""Review reports (sơ kết, tổng kết, định kỳ): the data model and its .docx/.xlsx writers."""

from trienkhai.reports.model import (
    Assessment,
    Issuer,
    LeadResult,
    NotReportedRow,
    PartResults,
    ReportKind,
    ReportPeriod,
    ReportSigner,
    ReviewReportData,
    TargetRow,
    TaskGroupResult,
    TaskStatusRow,
    TimelinessRow,
    Variant,
)

__all__ = [
    "Assessment",
    "Issuer",
    "LeadResult",
    "NotReportedRow",
    "PartResults",
    "ReportKind",
    "ReportPeriod",
    "ReportSigner",
    "ReviewReportData",
    "TargetRow",
    "TaskGroupResult",
    "TaskStatusRow",
    "TimelinessRow",
    "Variant",
]
