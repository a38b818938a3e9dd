"""Review before publishing, over the real database: correcting the header, picking leads from the tree,
making bullets tasks, refusing a second copy of a document, and what publishing refuses or asks."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from tests.web.factories import DraftPlanFactory, OrganisationFactory
from tests.web.plans.drafts import draft_json
from trienkhai_web.audit.actions import Action
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import Conflict, Duplicate, UserError
from trienkhai_web.plans import queries, services
from trienkhai_web.plans.identity import identity_key
from trienkhai_web.plans.models import Plan, PlanStatus
from trienkhai_web.tracking.schedule import default_start, initial

pytestmark = pytest.mark.django_db


def _map_all(user, plan, **orgs):
    for name in services.undecided_names(plan):
        org = orgs.get(name) or (None if name.startswith("các") else OrganisationFactory(name=name))
        plan = services.map_agency(user, plan, version=plan.version, name=name, organisation=org)
    return plan


# --- the header --------------------------------------------------------------------------------------

def test_every_header_field_of_a_draft_is_corrected_with_audit(bob):
    plan = DraftPlanFactory()
    version = plan.version
    plan = services.edit_header(bob, plan, version=version, fields={
        "number": "Số: 56-KH/TU", "date": "15/02/2024", "title": "Thực hiện Nghị quyết 43 (đã sửa)",
        "issuer": "Ban Chấp hành Đảng bộ tỉnh", "signer_name": "Lê Văn C", "signer_title": "Bí thư",
        "recipients": "Ban Bí thư\nCác huyện ủy, thành ủy\n- Lưu VP"})
    plan.refresh_from_db()
    assert plan.version == version + 1
    assert (plan.number, plan.ref_id, plan.issued_on) == ("56-KH/TU", "56-KH/TU", date(2024, 2, 15))
    assert (plan.title, plan.issuer_name) == ("Thực hiện Nghị quyết 43 (đã sửa)", "Ban Chấp hành Đảng bộ tỉnh")
    assert (plan.signer_name, plan.signer_title, plan.signer_on_behalf_of) == ("Lê Văn C", "Bí thư", "Tỉnh ủy")
    assert plan.recipients == ["Ban Bí thư", "Các huyện ủy, thành ủy", "Lưu VP"]
    assert plan.draft["document"]["number"] == "56-KH/TU"
    assert plan.identity_key.startswith("56-KH/TU|ban chap hanh dang bo tinh|")
    entry = AuditEntry.objects.get(action=Action.PLAN_HEADER_EDIT, object_id=str(plan.pk))
    assert entry.before["number"] == "100-KH/TU" or entry.before["number"].endswith("-KH/TU")
    assert entry.after["number"] == "Số: 56-KH/TU"


@pytest.mark.parametrize(("fields", "words"), [
    ({"number": "56 KH TU"}, "Số, ký hiệu không đúng dạng"),
    ({"date": "30/02/2024"}, "Ngày ban hành không đúng"),
    ({"date": (date.today() + timedelta(days=90)).strftime("%d/%m/%Y")}, "quá xa trong tương lai"),
    ({"title": ""}, "Cần nhập: trích yếu"),
])
def test_bad_header_values_are_refused_in_vietnamese_and_change_nothing(bob, fields, words):
    plan = DraftPlanFactory()
    before = (plan.version, plan.draft)
    with pytest.raises(UserError, match=words):
        services.edit_header(bob, plan, version=plan.version, fields=fields)
    plan.refresh_from_db()
    assert (plan.version, plan.draft) == before


def test_a_stale_header_form_is_refused(bob):
    plan = DraftPlanFactory()
    stale = plan.version
    services.edit_header(bob, plan, version=stale, fields={"title": "Mới"})
    with pytest.raises(Conflict):
        services.edit_header(bob, plan, version=stale, fields={"title": "Cũ"})


def test_a_number_and_issuer_another_plan_has_is_refused(bob):
    first = DraftPlanFactory()
    services.edit_header(bob, first, version=first.version, fields={"number": "77-KH/TU"})
    second = DraftPlanFactory()
    with pytest.raises(Duplicate, match="đã mang số này") as refused:
        services.edit_header(bob, second, version=second.version, fields={"number": "77-KH/TU"})
    assert refused.value.existing == first
    second.refresh_from_db()
    assert second.number != "77-KH/TU"


def test_a_published_plan_corrects_its_number_and_date_only(bob):
    plan = _map_all(bob, DraftPlanFactory())
    plan = services.publish(bob, plan, version=plan.version)
    tasks = plan.tasks.count()
    plan = services.edit_header(bob, plan, version=plan.version, fields={"number": "57-KH/TU", "date": "2024-03-01"})
    plan.refresh_from_db()
    assert (plan.status, plan.number, plan.issued_on) == (PlanStatus.PUBLISHED, "57-KH/TU", date(2024, 3, 1))
    assert plan.tasks.count() == tasks
    with pytest.raises(UserError, match="chỉ sửa được số và ngày"):
        services.edit_header(bob, plan, version=plan.version, fields={"title": "Khác"})


# --- leads picked from the tree ----------------------------------------------------------------------

def test_leads_picked_from_the_tree_are_named_and_mapped_at_once(bob):
    province = OrganisationFactory(name="Tỉnh ủy Lai Châu")
    bdv = OrganisationFactory(name="Ban Dân vận Tỉnh ủy", parent=province)
    other = OrganisationFactory(name="Ban Tuyên giáo Tỉnh ủy")
    plan = DraftPlanFactory()
    # The document's "Ban Tuyên giáo Tỉnh ủy" was mapped to another body: the picked one gets its parent's name.
    plan = services.map_agency(bob, plan, version=plan.version, name="Ban Tuyên giáo Tỉnh ủy", organisation=other)
    twin = OrganisationFactory(name="Ban Tuyên giáo Tỉnh ủy", parent=province)
    plan = services.edit_draft_item(bob, plan, version=plan.version, kind="task", key="0",
                                    fields={"leads": [""], "partners": ["", "Ban Dân vận Tỉnh ủy"]},
                                    picked={"leads": [twin], "partners": [bdv]})
    task = plan.draft["tasks"][0]
    assert task["leads"] == ["Ban Tuyên giáo Tỉnh ủy (Tỉnh ủy Lai Châu)"]
    assert task["partners"] == ["Ban Dân vận Tỉnh ủy"]
    assert plan.agency_map["Ban Tuyên giáo Tỉnh ủy (Tỉnh ủy Lai Châu)"] == twin.pk
    assert plan.agency_map["Ban Dân vận Tỉnh ủy"] == bdv.pk
    assert plan.agency_map["Ban Tuyên giáo Tỉnh ủy"] == other.pk  # the other decision is untouched


def test_the_picker_shows_the_place_in_the_tree_in_one_query(django_assert_num_queries):
    province = OrganisationFactory(name="Tỉnh ủy Lai Châu", parent=OrganisationFactory(name="Trung ương"))
    OrganisationFactory(name="Ban Dân vận Tỉnh ủy", parent=province)
    OrganisationFactory(name="Ban Dân vận Huyện ủy Tam Đường", parent=OrganisationFactory(name="Huyện ủy Tam Đường",
                                                                                          parent=province))
    OrganisationFactory(name="Sở Y tế")
    with django_assert_num_queries(1):
        rows = [(o.name, path) for o, path in queries.pick_organisations("ban dan van")]
    assert rows == [("Ban Dân vận Tỉnh ủy", "Tỉnh ủy Lai Châu — Trung ương"),
                    ("Ban Dân vận Huyện ủy Tam Đường", "Huyện ủy Tam Đường — Tỉnh ủy Lai Châu — Trung ương")]
    assert queries.pick_organisations("  ") == []


# --- bullets made tasks ------------------------------------------------------------------------------

def _with_bullets() -> dict:
    data = draft_json()
    part = data["outline"][1]["children"][0]
    part["blocks"] = [{"kind": "paragraph", "text": "Các cấp ủy tập trung:", "label": None},
                      {"kind": "bullet", "text": "- Tổ chức hội nghị quán triệt Nghị quyết", "label": None},
                      {"kind": "bullet", "text": "- Biên soạn tài liệu tuyên truyền", "label": None}]
    return data


def test_bullets_become_tasks_that_roll_up_to_their_part(bob):
    plan = DraftPlanFactory(draft=_with_bullets())
    plan = services.bullets_to_tasks(bob, plan, version=plan.version, path="II.1", index=1)
    assert plan.draft["tasks"][-1]["content"] == "Tổ chức hội nghị quán triệt Nghị quyết"
    plan = services.bullets_to_tasks(bob, plan, version=plan.version, path="II")  # the rest of the part
    assert [t["content"] for t in plan.draft["tasks"][1:]] == [
        "Tổ chức hội nghị quán triệt Nghị quyết", "Biên soạn tài liệu tuyên truyền"]
    assert AuditEntry.objects.filter(action=Action.PLAN_BULLETS_TO_TASKS).count() == 2
    with pytest.raises(UserError, match="đã là nhiệm vụ"):
        services.bullets_to_tasks(bob, plan, version=plan.version, path="II")
    lead = OrganisationFactory(name="Ban Tuyên giáo Tỉnh ủy")
    plan = services.edit_draft_item(bob, plan, version=plan.version, kind="task", key="1", fields={"leads": [""]},
                                    picked={"leads": [lead]})
    plan = _map_all(bob, plan, **{"Ban Tuyên giáo Tỉnh ủy": lead})
    plan = services.publish(bob, plan, version=plan.version, allow_leadless=True)
    made = plan.tasks.filter(content__startswith="Biên soạn tài liệu").get()
    assert made.item.path == "II.1"


# --- publishing ---------------------------------------------------------------------------------------

def test_a_plan_with_no_task_is_refused(bob):
    data = draft_json()
    data["tasks"], data["assignments"] = [], []
    plan = _map_all(bob, DraftPlanFactory(draft=data))
    with pytest.raises(UserError, match="chưa có nhiệm vụ nào"):
        services.publish(bob, plan, version=plan.version)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_tasks_without_a_lead_are_listed_and_published_only_when_confirmed(bob):
    plan = DraftPlanFactory()
    for name in services.undecided_names(plan):  # "Ban Tuyên giáo Tỉnh ủy" (the task's lead) is no organisation
        org = OrganisationFactory(name=name) if name == "Ban Dân vận Tỉnh ủy" else None
        plan = services.map_agency(bob, plan, version=plan.version, name=name, organisation=org)
    with pytest.raises(services.LeadlessTasks, match="1 nhiệm vụ chưa có cơ quan chủ trì") as asked:
        services.publish(bob, plan, version=plan.version)
    assert [(t.kind, t.key, t.text) for t in asked.value.tasks] == [
        ("task", "0", "Tổ chức hội nghị quán triệt Nghị quyết")]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    plan = services.publish(bob, plan, version=plan.version, allow_leadless=True)
    assert plan.status == PlanStatus.PUBLISHED


# --- one document, one plan ----------------------------------------------------------------------------

def _variant(data: bytes) -> bytes:
    """The same document typed again: Windows line ends, doubled spaces, a stray word changed."""
    text = data.decode("utf-8").replace("\n", "\r\n").replace(". ", ".  ")
    return text.replace("tuyên truyền", "tuyên  truyền", 1).encode("utf-8")


def test_a_near_identical_copy_is_refused_and_offered(bob, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    first = services.import_document(bob, filename="kh.txt", data=data)
    with pytest.raises(services.SameDocument) as refused:
        services.import_document(bob, filename="kh-ban-go-lai.txt", data=_variant(data))
    assert refused.value.existing == first and refused.value.why == "text"
    # A few lines cut and a sentence changed: still one document (rapidfuzz ratio ≥ 95).
    lines = data.decode("utf-8").split("\n")
    edited = "\n".join(lines[:5] + lines[7:]).replace("Ban Thường vụ", "Ban Thường vụ Tỉnh ủy", 1)
    with pytest.raises(services.SameDocument) as refused:
        services.import_document(bob, filename="kh-sua.txt", data=edited.encode())
    assert refused.value.why == "text"
    assert Plan.objects.filter(status=PlanStatus.DRAFT).count() == 1


HEAD = """ĐẢNG BỘ TỈNH LAI CHÂU
TỈNH ỦY
*
Số {number}
ĐẢNG CỘNG SẢN VIỆT NAM
Lai Châu, ngày 05 tháng 3 năm {year}
KẾ HOẠCH
thực hiện Kết luận số 12-KL/TW của Bộ Chính trị
"""
BODIES = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu rộng kết luận.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền về chuyển đổi số trong các cơ quan đảng.\n",
    "I. MỤC TIÊU\nNâng cao chất lượng công tác dân vận của chính quyền các cấp.\nII. TỔ CHỨC THỰC HIỆN\n"
    "1. Ban Dân vận Tỉnh ủy chủ trì theo dõi, đôn đốc; định kỳ báo cáo Ban Thường vụ Tỉnh ủy.\n",
)


def _doc(body: int, number: str = "88-KH/TU", year: int = 2024) -> bytes:
    return (HEAD.format(number=number, year=year) + BODIES[body]).encode()


def test_the_same_number_and_issuer_with_another_text_is_refused(bob):
    first = services.import_document(bob, filename="kh-88.txt", data=_doc(0))
    assert first.identity_key.startswith("88-KH/TU|")
    with pytest.raises(services.SameDocument, match=r"Kế hoạch số 88-KH/TU của .* đã được nhập") as refused:
        services.import_document(bob, filename="kh-88-ban-khac.txt", data=_doc(1))
    assert (refused.value.existing, refused.value.why) == (first, "number")
    # Another number is another document; so is the same number in another year (a new term).
    services.import_document(bob, filename="kh-89.txt", data=_doc(1, number="89-KH/TU"))
    assert Plan.objects.filter(status=PlanStatus.DRAFT).count() == 2
    assert identity_key("88-KH/TU", "Tỉnh ủy", "Lai Châu", date(2024, 3, 5)) != identity_key(
        "88-KH/TU", "Tỉnh ủy", "Lai Châu", date(2026, 3, 5))
    assert identity_key("Số: 088-KH/TU", "TỈNH ỦY", "Lai Châu", date(2024, 1, 1)) == identity_key(
        "88-KH/TU", "Tỉnh ủy", "Lai  Châu", date(2024, 12, 31))


def test_other_documents_are_not_taken_for_duplicates(bob, corpus_docs):
    for path in sorted(corpus_docs.iterdir()):
        services.import_document(bob, filename=path.name, data=path.read_bytes())
    assert Plan.objects.filter(status=PlanStatus.DRAFT).count() == len(list(corpus_docs.iterdir()))


def test_replacing_a_draft_keeps_its_row_and_a_published_plan_is_never_replaced(bob, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    draft = services.import_document(bob, filename="kh.txt", data=data)
    draft = services.edit_header(bob, draft, version=draft.version, fields={"title": "Sửa tay"})
    replaced = services.import_document(bob, filename="kh-moi.txt", data=_variant(data), replace=draft,
                                        replace_version=draft.version)
    assert replaced.pk == draft.pk and replaced.source_filename == "kh-moi.txt"
    assert replaced.title != "Sửa tay"
    assert AuditEntry.objects.filter(action=Action.PLAN_REPLACE, object_id=str(draft.pk)).exists()
    assert Plan.objects.filter(status=PlanStatus.DRAFT).count() == 1
    with pytest.raises(Conflict):  # a stale choice
        services.import_document(bob, filename="kh.txt", data=data, replace=draft, replace_version=draft.version)
    plan = _map_all(bob, replaced)
    plan = services.publish(bob, plan, version=plan.version, allow_leadless=True)
    with pytest.raises(UserError, match="không bao giờ bị thay"):
        services.import_document(bob, filename="kh.txt", data=data, replace=plan, replace_version=plan.version)


def test_two_near_identical_imports_at_the_same_instant_make_one_draft(bob, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    first = services.import_document(bob, filename="kh.txt", data=data)
    # The second passed every check before the first committed (the race): the database's rule decides.
    real = queries.same_document
    with mock.patch("trienkhai_web.plans.queries.same_document", side_effect=[None, real(fingerprint=first.text_fingerprint)]), \
            pytest.raises(services.SameDocument) as refused:
        services.import_document(bob, filename="kh.docx.txt", data=_variant(data))
    assert refused.value.existing == first
    assert Plan.objects.filter(status__in=[PlanStatus.DRAFT, PlanStatus.PUBLISHED]).count() == 1


# --- schedules start at publication --------------------------------------------------------------------

def test_a_new_schedule_starts_at_publication_never_in_the_past(bob):
    plan = _map_all(bob, DraftPlanFactory())
    plan = services.publish(bob, plan, version=plan.version)
    today = timezone.localdate()
    assert default_start(plan) == today
    form = initial(plan, None)
    assert form["starts_on"] == today and form["ends_on"] >= today + timedelta(days=90)
    plan.published_at = timezone.now() - timedelta(days=200)
    assert default_start(plan) == today  # published long ago: the regime still starts today by default
    assert default_start(plan, today=today - timedelta(days=400)) == timezone.localdate(plan.published_at)
    from trienkhai_web.tracking import services as tracking

    schedule = tracking.save_schedule(bob, plan, starts_on=None, ends_on=date(today.year + 1, 12, 31), version=0,
                                      quarterly=True, half_yearly=False, yearly=False)
    assert schedule.starts_on == today


def test_a_longer_version_sharing_its_first_pages_is_another_document(bob, corpus_docs):
    data = (corpus_docs / "003_70c23ef7c9a34c4f.txt").read_bytes()
    services.import_document(bob, filename="kh.txt", data=data)
    text = data.decode("utf-8")
    amended = text + "\nIV. BỔ SUNG NHIỆM VỤ\n" + "\n".join(
        f"{i}. Bổ sung nhiệm vụ thứ {i} về công tác dân vận ở cơ sở, vùng đồng bào dân tộc thiểu số."
        for i in range(1, 60))
    services.import_document(bob, filename="kh-bo-sung.txt", data=amended.encode())
    assert Plan.objects.filter(status=PlanStatus.DRAFT).count() == 2
