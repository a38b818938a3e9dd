"""Services over the real database: draft review, agency mapping, publish, cascade, assignments."""

from __future__ import annotations

from datetime import date

import pytest

from tests.web.factories import DraftPlanFactory, OrganisationFactory
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict, Duplicate, UserError
from trienkhai_web.organisations.models import OrganisationAlias
from trienkhai_web.plans import queries, services
from trienkhai_web.plans.models import Plan, PlanStatus, Task
from trienkhai_web.plans.services.publishing import when

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitor(bob):
    return bob


def _map_all(user, plan):
    for name in services.undecided_names(plan):
        if name.startswith("các"):
            plan = services.map_agency(user, plan, version=plan.version, name=name, organisation=None)
        elif org := queries.certain_match(name):
            plan = services.map_agency(user, plan, version=plan.version, name=name, organisation=org)
        else:
            plan = services.create_organisation_for(user, plan, version=plan.version, name=name)
    return plan


def test_edit_split_merge_delete_add_keep_version(monitor):
    plan = DraftPlanFactory()
    assert plan.draft["schema"] == "trienkhai.plan/1"  # stored by an earlier version: read, saved as /2
    plan = services.edit_draft_item(monitor, plan, version=plan.version, kind="task", key="0",
                                    fields={"content": "Hội nghị A. Hội nghị B", "leads": "Sở Nội vụ; Sở Tư pháp"})
    assert plan.draft["schema"] == "trienkhai.plan/2"
    assert plan.draft["tasks"][0]["leads"] == ["Sở Nội vụ", "Sở Tư pháp"]
    assert plan.draft["tasks"][0]["partners"] == ["Ban Dân vận Tỉnh ủy", "các cơ quan liên quan"]
    plan = services.split_draft_item(monitor, plan, version=plan.version, kind="task", key="0", at="Hội nghị B")
    assert [t["content"] for t in plan.draft["tasks"]] == ["Hội nghị A.", "Hội nghị B"]
    plan = services.merge_draft_item(monitor, plan, version=plan.version, kind="task", key="0")
    assert [t["content"] for t in plan.draft["tasks"]] == ["Hội nghị A. Hội nghị B"]
    plan = services.add_draft_item(monitor, plan, version=plan.version, kind="outline", fields={"title": "Mới"},
                                   parent="II")
    assert plan.draft["outline"][1]["children"][-1]["path"] == "II.2"
    plan = services.delete_draft_item(monitor, plan, version=plan.version, kind="outline", key="II.2")
    assert len(plan.draft["outline"][1]["children"]) == 1
    assert AuditEntry.objects.filter(object_type="plans.plan", object_id=str(plan.pk)).count() == 5


def test_stale_version_is_refused_and_changes_nothing(monitor):
    plan = DraftPlanFactory()
    stale = plan.version
    services.edit_draft_item(monitor, plan, version=stale, kind="outline", key="I", fields={"title": "Mục đích mới"})
    for version in (stale, None):  # an older version, or none at all
        with pytest.raises(Conflict) as exc:
            services.edit_draft_item(monitor, plan, version=version, kind="outline", key="I",
                                     fields={"title": "Ghi đè"})
        assert "tải lại" in exc.value.message or "reload" in exc.value.message
    plan.refresh_from_db()
    assert plan.draft["outline"][0]["title"] == "Mục đích mới"


def test_empty_required_field_is_refused(monitor):
    plan = DraftPlanFactory()
    for kind, key, fields in (("task", "0", {"content": "  "}), ("task", "7", {"content": "x"}),
                              ("target", "0", {"deadline": "sớm"}), ("task", "0", {"owner": "x"})):
        with pytest.raises(UserError) as exc:
            services.edit_draft_item(monitor, plan, version=plan.version, kind=kind, key=key, fields=fields)
        assert exc.value.message  # the core's Vietnamese message
    plan.refresh_from_db()
    assert plan.draft["tasks"][0]["content"] == "Tổ chức hội nghị quán triệt Nghị quyết"
    assert plan.version == 1 and not AuditEntry.objects.filter(object_id=str(plan.pk)).exists()


def test_draft_writes_need_a_manager_of_the_plan(carol):
    from django.core.exceptions import PermissionDenied

    plan = DraftPlanFactory()
    reporter = carol  # a unit's reporter
    writes = [
        lambda: services.edit_draft_item(reporter, plan, version=1, kind="task", key="0", fields={"content": "x"}),
        lambda: services.map_agency(reporter, plan, version=1, name="Sở Nội vụ", organisation=None),
        lambda: services.create_organisation_for(reporter, plan, version=1, name="Sở Nội vụ"),
        lambda: services.publish(reporter, plan, version=1),
        lambda: services.import_document(reporter, filename="a.txt", data=b"KE HOACH"),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write()
    plan.refresh_from_db()
    assert plan.version == 1 and not AuditEntry.objects.exists()


def test_agency_suggestions_exact_alias_fuzzy():
    ban = OrganisationFactory(name="Ban Dân vận Tỉnh ủy")
    OrganisationAlias.objects.create(organisation=ban, name="BDV Tỉnh ủy", match_key="bdv tinh uy")
    assert next((s.organisation, s.how) for s in queries.match_organisations("Ban Dân vận Tỉnh uỷ")) == (ban, "exact")
    assert queries.match_organisations("BDV Tỉnh ủy")[0].how == "alias"
    # The registry reads "Tỉnh ủy tỉnh" as the level said twice: the same body, certain.
    assert next((s.organisation, s.how) for s in queries.match_organisations("Ban Dan van Tinh uy tinh")) == (
        ban, "registry")
    fuzzy = queries.match_organisations("Ban Dân vậnn Tỉnh ủy")
    assert fuzzy and fuzzy[0].organisation == ban and fuzzy[0].how == "fuzzy"
    # Never across kinds or levels, never for a collective scope.
    OrganisationFactory(name="Ban cán sự đảng UBND tỉnh")
    assert all(s.how != "fuzzy" or "cán sự" not in s.organisation.name
               for s in queries.match_organisations("Các ban đảng"))
    OrganisationFactory(name="Tỉnh ủy")
    assert not [s for s in queries.match_organisations("Thành ủy") if s.organisation.name == "Tỉnh ủy"]


def test_publish_requires_every_name_decided(monitor):
    plan = DraftPlanFactory()
    with pytest.raises(UserError):
        services.publish(monitor, plan, version=plan.version)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT
    assert not Task.objects.filter(plan=plan).exists()


def test_publish_builds_rows_links_placeholder_then_fills_it(monitor):
    plan = _map_all(monitor, DraftPlanFactory(number="55-KH/TU"))
    plan = services.publish(monitor, plan, version=plan.version)
    assert plan.status == PlanStatus.PUBLISHED
    assert [i.path for i in plan.items.all()] == ["I", "I.1", "II", "II.1", "III", "III.1"]
    target = plan.targets.get()
    assert (target.value_low, target.value_high, target.item.path) == (2, 3, "II.1")
    register, assigned = plan.tasks.order_by("order")
    assert register.due_date == date(2024, 3, 31)
    assert {a.organisation.name for a in register.assignments.filter(role="lead")} == {
        "Ban Tuyên giáo Tỉnh ủy Lai Châu"}
    assert assigned.item.path == "III.1" and assigned.assignments.filter(role="partner").count() == 1
    parent = plan.parents.get()
    assert (parent.status, parent.ref_id) == (PlanStatus.PLACEHOLDER, "43-NQ/TW")
    assert plan.monitoring_body.name == "Ban Dân vận Tỉnh ủy"
    # The resolution is loaded later: the placeholder row is filled, the link stays.
    child2 = _map_all(monitor, DraftPlanFactory(number="60-KH/TU"))
    services.publish(monitor, child2, version=child2.version)
    assert Plan.objects.filter(ref_id="43-NQ/TW").count() == 1
    assert set(parent.children.all()) == {plan, child2}


def test_coverage_on_published_parent(monitor):
    parent = _map_all(monitor, DraftPlanFactory(number="43-NQ/TW"))
    parent = services.publish(monitor, parent, version=parent.version)
    child = _map_all(monitor, DraftPlanFactory(number="70-KH/TU"))
    child = services.publish(monitor, child, version=child.version)
    cascade = queries.cascade_of(child)
    coverage = cascade["parents"][0]["coverage"]
    assert cascade["parents"][0]["plan"] == parent
    # I.1, II.1, III.1 and the register row task:1, each found in the identical child.
    assert coverage is not None and len(coverage.covered) == coverage.total == 4


def test_update_task_assignment_keeps_history_and_checks_version(monitor):
    plan = _map_all(monitor, DraftPlanFactory())
    plan = services.publish(monitor, plan, version=plan.version)
    task = plan.tasks.order_by("order").first()
    other = OrganisationFactory(name="Sở Nội vụ")
    services.update_task_assignment(monitor, task, version=task.version, leads=[other], partners=[],
                                    timeframe="Tháng 6/2025", recurrence="", due_date=None,
                                    targets=list(plan.targets.all()))
    task.refresh_from_db()
    assert task.due_date == date(2025, 6, 30) and task.targets.count() == 1
    assert list(task.assignments.values_list("organisation__name", "role")) == [("Sở Nội vụ", "lead")]
    entry = AuditEntry.objects.get(object_type="plans.task", object_id=str(task.pk))
    assert entry.before["lead"] != entry.after["lead"]
    with pytest.raises(Conflict):
        services.update_task_assignment(monitor, task, version=task.version - 1, leads=[other], partners=[],
                                        timeframe="", recurrence="", due_date=None, targets=[])


def test_organisation_work_sorted_and_overdue(monitor):
    plan = _map_all(monitor, DraftPlanFactory())
    plan = services.publish(monitor, plan, version=plan.version)
    ban = plan.monitoring_body
    rows = queries.organisation_work(ban, today=date(2025, 1, 1))
    assert rows and rows[0]["task"].due_date == date(2024, 3, 31) and rows[0]["overdue"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Quý I/2024", ("", date(2024, 3, 31))), ("Hằng năm", ("hang_nam", None)),
    ("Tháng 6/2025", ("", date(2025, 6, 30))), ("Thường xuyên", ("thuong_xuyen", None)),
    ("Trước 30/9/2024", ("", date(2024, 9, 30))), ("Năm 2026", ("", date(2026, 12, 31))), ("", ("", None)),
])
def test_when_reads_the_timeframe_with_the_core(text, expected):
    assert when(text) == expected


def test_import_rejects_oversized_and_empty_files(monitor, settings):
    settings.TRIENKHAI_MAX_UPLOAD_BYTES = 10
    with pytest.raises(UserError):
        services.import_document(monitor, filename="a.txt", data=b"x" * 11)
    settings.TRIENKHAI_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(UserError):
        services.import_document(monitor, filename="a.txt", data=b"   ")
    assert not Plan.objects.exists()


def test_import_sample_document_twice_is_a_duplicate(monitor, corpus_docs):
    path = corpus_docs / "001_c9ca5d0d8e180833.txt"
    plan = services.import_document(monitor, filename=path.name, data=path.read_bytes())
    assert plan.status == PlanStatus.DRAFT and plan.draft["schema"] == "trienkhai.plan/2" and plan.source_text
    with pytest.raises(Duplicate) as exc:
        services.import_document(monitor, filename=path.name, data=path.read_bytes())
    assert exc.value.existing == plan and Plan.objects.exclude(status=PlanStatus.PLACEHOLDER).count() == 1


def test_a_name_with_a_comma_inside_stays_one_organisation(monitor):
    plan = DraftPlanFactory()
    plan = services.edit_draft_item(monitor, plan, version=plan.version, kind="task", key="0",
                                    fields={"partners": "Các cơ quan, đơn vị liên quan"})
    assert "Các cơ quan, đơn vị liên quan" in services.undecided_names(plan)


def test_an_assignment_without_a_lead_is_the_work_of_each_responsible_body(monitor):
    plan = DraftPlanFactory(number="56-KH/TU")
    draft = plan.draft
    draft["assignments"].append({"item": "III.1", "responsible": ["Đảng đoàn Hội đồng nhân dân tỉnh",
                                                                   "Ban cán sự đảng Ủy ban nhân dân tỉnh"],
                                 "lead": None, "partners": [], "duties": "lãnh đạo, chỉ đạo rà soát chính sách"})
    # (a /1 draft, as an earlier version stored it: `lead` a string, null here)
    plan.draft = draft
    plan.save()
    assert "Đảng đoàn Hội đồng nhân dân tỉnh" in services.undecided_names(plan)
    plan = _map_all(monitor, plan)
    plan = services.publish(monitor, plan, version=plan.version)
    task = plan.tasks.get(content="lãnh đạo, chỉ đạo rà soát chính sách")
    assert {a.organisation.name for a in task.assignments.filter(role="lead")} == {  # the plan's province's
        "Đảng đoàn Hội đồng nhân dân tỉnh Lai Châu", "Ban cán sự đảng Ủy ban nhân dân tỉnh Lai Châu"}


def test_upload_limit_is_the_setting_passed_to_the_core(monitor, settings, corpus_docs):
    data = (corpus_docs / "kh_155_ubnd_bacninh_hotich.txt").read_bytes()
    settings.TRIENKHAI_MAX_UPLOAD_BYTES = 100
    with pytest.raises(UserError) as error:
        services.import_document(monitor, filename="kh.txt", data=data)
    assert error.value.message.startswith("Tệp kh.txt quá lớn") and "giới hạn là 100 byte" in error.value.message
    settings.TRIENKHAI_MAX_UPLOAD_BYTES = len(data)
    assert services.import_document(monitor, filename="kh.txt", data=data).source_filename == "kh.txt"


def test_publishing_gives_the_plan_a_monitoring_body_or_refuses(monitor):
    """The issuer's Ban Dân vận by default; a plan nobody would monitor is not published."""
    issuer = OrganisationFactory(name="Tỉnh ủy Lai Châu")
    bdv = OrganisationFactory(name="Ban Dân vận Tỉnh ủy Lai Châu", parent=issuer)
    plan = _map_all(None, DraftPlanFactory(monitoring_body=None, issuer=issuer))
    assert services.publish(None, plan, version=plan.version).monitoring_body == bdv
    orphan = _map_all(None, DraftPlanFactory(monitoring_body=None))
    with pytest.raises(UserError, match="cơ quan theo dõi"):
        services.publish(None, orphan, version=orphan.version)
    orphan.refresh_from_db()
    assert orphan.status == PlanStatus.DRAFT and not orphan.tasks.exists()
    # Imported by a monitoring officer: published by them, it is their body's to follow.
    Plan.objects.filter(pk=orphan.pk).update(created_by=monitor)
    orphan.refresh_from_db()
    published = services.publish(monitor, orphan, version=orphan.version)
    assert published.monitoring_body_id == monitor.memberships.get(role="monitor").organisation_id
