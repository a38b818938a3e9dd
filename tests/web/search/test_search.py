"""Search: folding (no diacritics, đ = d, both tone placements), typos, ranking, permissions, the index
kept current on edit and delete, and the three ways in (page, API, command line). Runs on SQLite and on
PostgreSQL (the suite runs tests/web on both)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from tests.web.factories import (
    OrganisationFactory,
    PlanFactory,
    PlanItemFactory,
    TargetFactory,
    TaskFactory,
    assign,
    scheduled_plan,
    user_with_role,
)
from trienkhai.text.search import contains_phrase, query_words
from trienkhai_web.accounts.models import Role
from trienkhai_web.organisations.models import OrganisationAlias
from trienkhai_web.search.index import rebuild
from trienkhai_web.search.models import Kind, SearchDocument
from trienkhai_web.search.queries import search
from trienkhai_web.tracking import services as tracking_services

pytestmark = pytest.mark.django_db
PHRASE = "nguoi co uy tin"


def _write_report(period, org, task, field: str, text: str):
    """A unit's reporter writes one field of its report for `period` (through the tracking services)."""
    reporter = user_with_role(Role.UNIT_REPORTER, org, f"reporter_{org.pk}")
    report = tracking_services.open_report(period, org)
    tracking_services.save_field(reporter, report, version=report.version, kind="progress", object_id=task.pk,
                                 field=field, value=text)
    return report


def _titles(results) -> list[str]:
    return [h.text for h in results.hits]


def test_without_accents_and_d_finds_the_text_as_written():
    TaskFactory(content="Phát huy vai trò của người có uy tín trong đồng bào dân tộc thiểu số")
    OrganisationFactory(name="Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh")
    assert _titles(search(None, "nguoi co uy tin"))[0].endswith("người có uy tín trong đồng bào dân tộc thiểu số")
    assert _titles(search(None, "dong bao dan toc"))
    assert _titles(search(None, "NGƯỜI CÓ UY TÍN")) == _titles(search(None, "nguoi co uy tin"))
    assert _titles(search(None, "doan thanh nien")) == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"]
    assert _titles(search(None, "đoàn thanh niên")) == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"]


def test_old_and_new_tone_placement_are_equal():
    TaskFactory(content="Công tác hoà giải ở cơ sở")
    TaskFactory(content="Nâng cấp công trình thủy lợi")
    for query in ("hòa giải", "hoà giải", "hoa giai"):
        assert [t.split(". ", 1)[1] for t in _titles(search(None, query))] == ["Công tác hoà giải ở cơ sở"]
    for query in ("thuỷ lợi", "thủy lợi"):
        assert [t.split(". ", 1)[1] for t in _titles(search(None, query))] == ["Nâng cấp công trình thủy lợi"]


def test_a_typo_is_corrected_and_said():
    TaskFactory(content="Phát huy vai trò của người có uy tín")
    results = search(None, "nguoii co uy tin")
    assert results.total == 1 and results.corrected == {"nguoii": ["nguoi"]}
    assert results.corrected_query == "nguoi co uy tin"
    # A typo that is itself a word ("tim") is corrected only when nothing is found as typed.
    assert search(None, "nguoi co uy tim").total == 1


def test_the_phrase_ranks_before_scattered_words_and_snippets_are_escaped():
    scattered = TaskFactory(content="Người dân có niềm tin vào uy tín của cán bộ")
    together = TaskFactory(content="Bồi dưỡng <người có uy tín> ở thôn, bản")
    hits = search(None, PHRASE).hits
    assert [h.text for h in hits] == [f"{together.no}. {together.content}", f"{scattered.no}. {scattered.content}"]
    assert hits[0].phrase and not hits[1].phrase
    assert "&lt;<mark>người có uy tín</mark>&gt;" in hits[0].title
    assert "<người" not in hits[0].title


def test_filters_plan_kind_unit_period():
    plan, other = scheduled_plan(), PlanFactory()
    unit = OrganisationFactory(name="Hội Nông dân tỉnh")
    task = TaskFactory(plan=plan, content="Tuyên truyền cho người có uy tín")
    assign(task, unit)
    TaskFactory(plan=other, content="Gặp mặt người có uy tín")
    TargetFactory(plan=plan, subject="100% người có uy tín được tập huấn")
    period = plan.reporting_periods.get(code="2025-Q2")
    report = _write_report(period, unit, task, "results", "Đã tập huấn 40 người có uy tín")
    assert search(None, PHRASE).total == 4
    assert search(None, PHRASE, plan=plan.pk).total == 3
    assert search(None, PHRASE, plan=plan.pk, kind=Kind.TARGET).total == 1
    assert {h.kind for h in search(None, PHRASE, unit=unit.pk).hits} == {Kind.TASK, Kind.REPORT}
    by_period = search(None, PHRASE, period=period.pk).hits
    assert [h.kind for h in by_period] == [Kind.REPORT] and by_period[0].unit == "Hội Nông dân tỉnh"
    assert by_period[0].period and by_period[0].url.endswith(f"/theo-doi/bao-cao/{report.pk}/#task-{task.pk}")
    assert search(None, PHRASE, period=plan.reporting_periods.get(code="2025-Q3").pk).total == 0


def test_a_unit_finds_only_what_it_may_open():
    parent = OrganisationFactory(name="Đảng ủy xã")
    unit = OrganisationFactory(name="Chi bộ ấp 1", parent=parent)
    outsider = OrganisationFactory(name="Chi bộ ấp 9")
    mine, theirs = scheduled_plan(), scheduled_plan()
    my_task = TaskFactory(plan=mine, content="Vận động người có uy tín")
    assign(my_task, unit)
    their_task = TaskFactory(plan=theirs, content="Khen thưởng người có uy tín")
    assign(their_task, outsider)
    for plan, task, org in ((mine, my_task, unit), (theirs, their_task, outsider)):
        _write_report(plan.reporting_periods.get(code="2025-Q2"), org, task, "difficulties",
                      f"{org.name}: thiếu kinh phí cho người có uy tín")
    reporter = user_with_role(Role.UNIT_REPORTER, unit, "chibo1")
    head_above = user_with_role(Role.UNIT_HEAD, parent, "dangUyXa")
    stranger = user_with_role(Role.UNIT_REPORTER, outsider, "chibo9")
    leader = user_with_role(Role.LEADER, None, "lanhdao2")

    def seen(user) -> set[tuple[str, int | None]]:
        return {(h.kind, h.plan_id) for h in search(user, PHRASE).hits}

    assert seen(reporter) == {(Kind.TASK, mine.pk), (Kind.REPORT, mine.pk)}
    assert seen(stranger) == {(Kind.TASK, theirs.pk), (Kind.REPORT, theirs.pk)}
    # The head above the unit reads its unit's report, but not the plan it has no task in.
    assert seen(head_above) == {(Kind.REPORT, mine.pk)}
    assert len(search(leader, PHRASE).hits) == 4
    # Organisations are read by every signed-in user.
    assert [h.kind for h in search(stranger, "chi bo ap 1").hits] == [Kind.ORGANISATION]


def test_the_index_follows_edits_and_deletes():
    item = PlanItemFactory(title="Công tác dân vận", text="Phát huy người có uy tín")
    task = TaskFactory(plan=item.plan, content="Tập huấn cho già làng")
    target = TargetFactory(plan=item.plan, subject="Tỷ lệ thôn có tổ hòa giải")
    org = OrganisationFactory(name="Ban Tôn giáo tỉnh")
    assert search(None, "gia lang").total == 1
    task.content = "Tập huấn cho trưởng bản"
    task.save()
    assert search(None, "gia lang").total == 0 and search(None, "truong ban").total == 1
    task.delete()
    assert search(None, "truong ban").total == 0
    assert search(None, "to hoa giai").total == 1
    target.delete()
    assert search(None, "to hoa giai").total == 0
    assert [h.url for h in search(None, PHRASE).hits] == [f"/ke-hoach/{item.plan_id}/#item-{item.pk}"]
    item.plan.delete()
    assert search(None, PHRASE).total == 0 and not SearchDocument.objects.filter(kind=Kind.ITEM).exists()
    alias = OrganisationAlias.objects.create(organisation=org, name="BTG tỉnh", match_key="btg tinh")
    assert _titles(search(None, "btg")) == ["Ban Tôn giáo tỉnh"]
    alias.delete()
    assert search(None, "btg").total == 0


def test_rebuild_gives_the_same_index():
    TaskFactory(content="Người có uy tín tiêu biểu")
    OrganisationFactory(name="Ủy ban Mặt trận Tổ quốc tỉnh")
    before = sorted(SearchDocument.objects.values_list("kind", "object_id", "folded_title", "folded_body"))
    assert rebuild() == len(before)
    after = sorted(SearchDocument.objects.values_list("kind", "object_id", "folded_title", "folded_body"))
    assert after == before
    assert search(None, "uy ban mat tran").total == 1 and search(None, PHRASE).total == 1


def _demo_expectations() -> tuple[set[int], int]:
    """The demo plans whose items, tasks or targets hold the phrase, and how many such rows there are."""
    from trienkhai_web.plans.models import PlanItem, Target, Task

    words = query_words(PHRASE)
    plans, rows = set(), 0
    for model, fields in ((PlanItem, ("title", "text")), (Task, ("content", "product")),
                          (Target, ("subject", "text"))):
        for obj in model.objects.all():
            if any(contains_phrase(getattr(obj, f), words) for f in fields):
                plans.add(obj.plan_id)
                rows += 1
    return plans, rows


def _check_demo_results(results: list[dict], expected_plans: set[int], rows: int) -> None:
    phrase_hits = [r for r in results if r["phrase"]]
    # The phrase hits come first, and among them every sample plan that has such items.
    assert results[:len(phrase_hits)] == phrase_hits
    plan_parts = [r for r in phrase_hits if r["kind"] in ("item", "task", "target")]
    assert {r["plan_id"] for r in plan_parts} == expected_plans
    assert len(plan_parts) == rows
    assert all("<mark>" in r["snippet_html"] + r["title_html"] for r in phrase_hits)


def test_demo_nguoi_co_uy_tin_on_the_command_line_the_page_and_the_api(corpus_docs, client, capsys):
    from trienkhai_web.cli import main

    call_command("load_demo", docs=str(corpus_docs), stdout=io.StringIO())
    expected_plans, rows = _demo_expectations()
    assert len(expected_plans) >= 3  # the sample plans of Nghị quyết 43 and its programmes
    capsys.readouterr()
    assert main(["search", PHRASE, "--json", "--limit", "100"]) == 0
    cli = json.loads(capsys.readouterr().out)
    _check_demo_results(cli["results"], expected_plans, rows)
    assert cli["results"][0]["kind_label"] == "Mục của văn bản" or cli["results"][0]["kind_label"]

    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="giamsat"))
    api = client.get("/api/search/", {"q": PHRASE}).json()
    assert api["count"] == cli["count"]
    assert api["results"] == cli["results"][:20]
    page = client.get("/tim-kiem/", {"q": PHRASE})
    html = page.content.decode()
    assert page.status_code == 200 and "<mark>người có uy tín</mark>" in html.lower()
    assert f'{cli["count"]} kết quả' in html
    first = cli["results"][0]
    assert html.index(first["url"]) < html.index(cli["results"][1]["url"]) or first["url"] == cli["results"][1]["url"]
    # The box in the header of every page sends here.
    home = client.get("/").content.decode()
    assert 'action="/tim-kiem/"' in home and 'name="q"' in home


def test_search_page_and_api_need_a_sign_in_and_refuse_bad_input(client, carol):
    assert client.get("/tim-kiem/", {"q": "x"}).status_code == 302
    assert client.get("/api/search/", {"q": "x"}).status_code in (401, 403)
    client.force_login(carol)
    assert client.get("/api/search/", {"q": "x", "kind": "nonsense"}).status_code == 400
    page = client.get("/tim-kiem/", {"q": ""})
    assert page.status_code == 200 and "Có thể gõ không dấu" in page.content.decode()


def test_search_query_count_does_not_grow_with_results(django_assert_max_num_queries, erin):
    plan = scheduled_plan()
    for i in range(30):
        assign(TaskFactory(plan=plan, content=f"Nhiệm vụ {i} về người có uy tín"), OrganisationFactory())
    with django_assert_max_num_queries(12):
        results = search(erin, PHRASE)
    assert len(results.hits) == 20 and results.total == 30 and results.pages == 2


def test_the_api_schema_documents_the_search_endpoint(client, erin):
    client.force_login(erin)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/search/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "plan", "unit", "period", "kind", "page"}
    assert "SearchResults" in schema["components"]["schemas"]
