"""How periods, plans and issuers are named in a report's text (Vietnamese, as officials write them)."""

from __future__ import annotations

from trienkhai.reports.model import Issuer, ReportKind, ReportSigner, Variant
from trienkhai.vocab.kinds import BY_CODE


def report_kind(period_code: str) -> ReportKind:
    return {"so-ket": ReportKind.MID_TERM, "tong-ket": ReportKind.FINAL}.get(period_code, ReportKind.PERIODIC)


def plan_reference(kind: str, number: str, title: str = "") -> str:
    """"Chương trình hành động số 55-CTr/TU"; without a number, the plan's own subject ("Kế hoạch thực hiện
    Kết luận số 69-KL/TU …", at most 16 words) so that the reader knows which plan is meant."""
    word = BY_CODE[kind].name if kind in BY_CODE else "Kế hoạch"
    if number:
        return f"{word} số {number}"
    words = title.split()
    if len(words) > 24:  # a long subject is cut at its first comma (after the first few words), else shortened
        cut = next((i + 1 for i, w in enumerate(words) if i >= 6 and w.endswith(",")), 16)
        words = words[:min(cut, 16)]
    subject = " ".join(words).rstrip(",;:")
    if subject and subject.isupper():
        subject = subject.lower()
    if subject and not subject.lower().startswith(word.lower()):
        return f"{word} {subject[:1].lower() + subject[1:]}"
    return subject[:1].upper() + subject[1:] if subject else word


def report_title(kind: ReportKind, period: str, plan_ref: str) -> str:
    verb = {ReportKind.MID_TERM: "Sơ kết", ReportKind.FINAL: "Tổng kết"}.get(kind, "Kết quả")
    return f"{verb} {period} thực hiện {plan_ref}"


def default_issuer(variant: Variant, issuer_name: str, place: str) -> Issuer:
    """The header lines when the plan does not say better: "ĐẢNG BỘ TỈNH X / TỈNH ỦY" or "ỦY BAN NHÂN DÂN / TỈNH X"."""
    place_up = place.upper()
    name = issuer_name.strip()
    if variant is Variant.STATE:
        return Issuer(f"TỈNH {place_up}".strip() if place else name.upper() or "ỦY BAN NHÂN DÂN",
                      "ỦY BAN NHÂN DÂN" if place else "")
    lowered = name.lower()
    # "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh" … all issue as the committee ("TỈNH ỦY").
    for words, body, level in ((("tỉnh ủy", "đảng bộ tỉnh"), "TỈNH ỦY", "TỈNH"),
                               (("thành ủy", "đảng bộ thành phố"), "THÀNH ỦY", "THÀNH PHỐ"),
                               (("huyện ủy", "đảng bộ huyện"), "HUYỆN ỦY", "HUYỆN")):
        if any(word in lowered for word in words):
            return Issuer(body, f"ĐẢNG BỘ {level} {place_up}".strip())
    return Issuer(name.upper() or "TỈNH ỦY", f"ĐẢNG BỘ TỈNH {place_up}".strip() if place else "")


def default_signer(variant: Variant, name: str, title: str, on_behalf_of: str) -> ReportSigner:
    if variant is Variant.STATE:
        behalf = f"TM. {on_behalf_of.upper()}" if on_behalf_of else "TM. ỦY BAN NHÂN DÂN"
    else:
        behalf = f"T/M {on_behalf_of.upper()}" if on_behalf_of else "T/M BAN THƯỜNG VỤ"
    return ReportSigner(behalf, title.upper(), name)


def report_filename(number: str, period_title: str, fmt: str, *, draft: bool = False) -> str:
    """The name a user reads in the downloads ("Báo cáo 55-CTr-TU Quý II-2025.docx"): the period by its
    name, never its code (sent as RFC 6266 filename*, UTF-8)."""
    suffix = " (dự thảo)" if draft else ""
    return f"Báo cáo {number.replace('/', '-')} {period_title.replace('/', '-')}{suffix}.{fmt}"
