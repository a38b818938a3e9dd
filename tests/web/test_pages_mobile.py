"""Every main page on a phone (390 px wide) as the user who meets it: nothing wider than the screen, and
the page in Vietnamese. Data: the demo (the sample documents as published plans, reports, users)."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from tests.web.conftest import login
from trienkhai_web.accounts.models import Membership
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans.models import Plan, PlanStatus, TaskAssignment
from trienkhai_web.tracking.models import UnitReport

# Words any Vietnamese page of the application shows (in its navigation or its form), and English ones
# that must not leak into it.
VIETNAMESE = re.compile(r"Kế hoạch|Đăng nhập|Đăng xuất")
ENGLISH = re.compile(r"\b(Log out|Plans|Save|Delete|Submit|Organisation|Audit trail|Not Found|Server Error)\b")


def _overflow(page) -> dict:
    return page.evaluate("""() => ({sw: document.documentElement.scrollWidth, iw: window.innerWidth,
        lang: document.documentElement.lang, text: document.body.innerText,
        wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .slice(0, 3).map(e => e.tagName + '.' + e.className)})""")


def _pages(tmp_path) -> list[tuple[str | None, str]]:
    """(demo user, URL) for each page a user meets; the review page needs a draft, imported here."""
    published = Plan.objects.filter(status=PlanStatus.PUBLISHED).order_by("-pk")
    plan = max(published, key=lambda p: p.tasks.count())
    unit = Membership.objects.get(user__username="baocao").organisation  # the reporter's own unit
    # The demo leaves some units without a report in a period (that is its point): take any report of
    # the reporter's unit, and for the report builder a period of the plan that has reports.
    report = UnitReport.objects.filter(organisation=unit).select_related("period").order_by("pk").first()
    period_code = UnitReport.objects.filter(period__plan=plan).values_list("period__code", flat=True).first()
    task = TaskAssignment.objects.filter(task__plan=plan, organisation=unit).first().task
    # (one without a number: the same number and issuer would make it the same document)
    source = next(p for p in published if p.source_file and p.source_filename.endswith(".txt") and not p.number)
    draft_file = tmp_path / "ban-nhap.txt"
    # Another document, not a copy (a near-identical text is refused on import): the source with a part added.
    added = "\n".join(f"{i}. Bổ sung nhiệm vụ thứ {i} về công tác dân vận ở cơ sở, vùng đồng bào dân tộc thiểu số."
                      for i in range(1, 80))
    draft_file.write_bytes(source.source_file.read() + f"\nIV. BỔ SUNG NHIỆM VỤ\n{added}\nNơi nhận: lưu VT.\n".encode())
    call_command("import_plan", str(draft_file), "--user", "giamsat")  # the monitoring body imports it
    draft = Plan.objects.get(status=PlanStatus.DRAFT, source_filename="ban-nhap.txt")
    org = Organisation.objects.filter(parent__isnull=False).first()
    return [
        (None, "/dang-nhap/"),
        ("giamsat", "/"),
        ("giamsat", "/ke-hoach/"),
        ("giamsat", "/ke-hoach/nhap/"),
        ("giamsat", f"/ke-hoach/{plan.pk}/"),
        ("giamsat", f"/ke-hoach/{draft.pk}/ra-soat/"),
        ("giamsat", f"/nhiem-vu/{task.pk}/"),
        ("baocao", f"/viec-cua-don-vi/{unit.pk}/"),
        ("giamsat", "/theo-doi/"),
        ("giamsat", f"/theo-doi/ke-hoach/{plan.pk}/"),
        ("giamsat", f"/theo-doi/ke-hoach/{plan.pk}/che-do-bao-cao/"),
        ("giamsat", f"/theo-doi/ke-hoach/{plan.pk}/duyet/"),
        ("baocao", "/theo-doi/bao-cao-don-vi/"),
        ("baocao", f"/theo-doi/bao-cao/{report.pk}/"),
        ("giamsat", "/theo-doi/thong-bao/"),
        ("giamsat", f"/theo-doi/don-vi/{unit.pk}/"),
        ("giamsat", "/to-chuc/"),
        ("giamsat", f"/to-chuc/{org.pk}/"),
        ("quantri", "/nhat-ky/"),
        ("baocao", "/tim-kiem/?q=nguoi+co+uy+tin"),
        ("giamsat", f"/ke-hoach/{plan.pk}/bao-cao/?ky={period_code}"),
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_main_pages_fit_a_phone_and_speak_vietnamese(browser, live_server, corpus_docs, tmp_path):
    call_command("load_demo", docs=str(corpus_docs))
    pages = _pages(tmp_path)
    contexts: dict[str | None, object] = {}
    problems = []
    try:
        for user, url in pages:
            if user not in contexts:
                contexts[user] = browser.new_context(viewport={"width": 390, "height": 844},
                                                     base_url=live_server.url, locale="vi-VN")
                if user:
                    tab = contexts[user].new_page()
                    login(tab, user, f"{user}-2025")  # the demo's printed logins
                    tab.close()
            tab = contexts[user].new_page()
            response = tab.goto(url)
            tab.wait_for_load_state("networkidle")
            info = _overflow(tab)
            if response.status != 200 or ("/dang-nhap/" in tab.url and user):
                problems.append(f"{url} as {user}: status {response.status} at {tab.url}")
            if info["sw"] > info["iw"] + 1:
                problems.append(f"{url}: {info['sw']} px wide on a {info['iw']} px screen ({info['wide']})")
            if info["lang"] != "vi" or not VIETNAMESE.search(info["text"]) or ENGLISH.search(info["text"]):
                problems.append(f"{url}: not in Vietnamese (lang={info['lang']!r}, "
                                f"english={ENGLISH.findall(info['text'])[:3]})")
            tab.close()
    finally:
        for context in contexts.values():
            context.close()
    assert len(pages) == 21
    assert problems == []
