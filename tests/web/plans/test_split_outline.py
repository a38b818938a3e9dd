"""Splitting an outline heading of a draft: service, HTMX view, and a form built on a stale version."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.factories import DraftPlanFactory
from trienkhai_web.audit.models import AuditEntry
from trienkhai_web.errors import UserError
from trienkhai_web.plans import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitor(bob):
    return bob


def _blocks(*texts: str) -> list[dict]:
    return [{"kind": "paragraph", "text": t, "label": None} for t in texts]


def _with_heading(monitor, blocks: list[dict]):
    """A draft whose heading I.1 holds `blocks` (edited through the service, like a user would)."""
    plan = DraftPlanFactory()
    text = "\n".join(b["text"] for b in blocks)
    return services.edit_draft_item(monitor, plan, version=plan.version, kind="outline", key="I.1",
                                    fields={"text": text})


def test_split_at_a_block_makes_the_next_sibling_from_that_block_on(monitor):
    plan = _with_heading(monitor, _blocks("Phát huy sức mạnh.", "2. Yêu cầu", "Bám sát thực tiễn.", "Cụ thể."))
    before = plan.version
    plan = services.split_draft_item(monitor, plan, version=plan.version, kind="outline", key="I.1",
                                     at="2. Yêu cầu")
    first, second = plan.draft["outline"][0]["children"]
    assert (first["path"], first["title"], [b["text"] for b in first["blocks"]]) == (
        "I.1", "Mục đích", ["Phát huy sức mạnh."])
    # The paragraph was a missed heading: it becomes the title and keeps its written number.
    assert (second["path"], second["number"], second["title"]) == ("I.2", "2", "Yêu cầu")
    assert [b["text"] for b in second["blocks"]] == ["Bám sát thực tiễn.", "Cụ thể."]
    assert plan.version == before + 1
    entry = AuditEntry.objects.filter(action="plan.draft.split").latest("pk")
    assert entry.after["new_key"] == "I.2" and entry.after["key"] == "I.1"


def test_split_inside_a_block_splits_the_block_and_takes_the_given_title(monitor):
    plan = _with_heading(monitor, _blocks("Phát huy sức mạnh đại đoàn kết. Nâng cao chất lượng giám sát.", "Kết."))
    plan = services.split_draft_item(monitor, plan, version=plan.version, kind="outline", key="I.1",
                                     at="Nâng cao chất lượng",
                                     title="Giám sát")
    first, second = plan.draft["outline"][0]["children"]
    assert [b["text"] for b in first["blocks"]] == ["Phát huy sức mạnh đại đoàn kết."]
    assert second["title"] == "Giám sát" and second["number"] == "2"
    assert [b["text"] for b in second["blocks"]] == ["Nâng cao chất lượng giám sát.", "Kết."]


def test_split_a_top_heading_takes_next_roman_number_or_a_prime_and_moves_children(monitor):
    plan = DraftPlanFactory()
    # II has no blocks: split inside its title; the number III is taken, so the new part is III'.
    plan = services.split_draft_item(monitor, plan, version=plan.version, kind="outline", key="II", at="GIẢI PHÁP")
    paths = [n["path"] for n in plan.draft["outline"]]
    assert paths == ["I", "II", "III'", "III"]
    assert plan.draft["outline"][1]["title"] == "NHIỆM VỤ,"
    moved = plan.draft["outline"][2]
    assert moved["title"] == "GIẢI PHÁP" and moved["number"] == "III'"
    # The sub-heading went with the rest of the text, and the target citing it follows it.
    assert [c["path"] for c in moved["children"]] == ["III'.1"]
    assert plan.draft["targets"][0]["section"] == "III'.1"


def test_split_text_not_found_or_at_the_very_start_changes_nothing(monitor):
    plan = DraftPlanFactory()
    for at in ("không có trong mục", "MỤC ĐÍCH", "  "):
        with pytest.raises(UserError) as exc:
            services.split_draft_item(monitor, plan, version=plan.version, kind="outline", key="I", at=at)
        assert "không tìm thấy" in exc.value.message.lower() or "not found" in exc.value.message
    fresh = type(plan).objects.get(pk=plan.pk)
    assert fresh.version == plan.version and fresh.draft == plan.draft


def test_review_view_splits_a_heading_with_htmx_and_refuses_a_stale_form(client, monitor):
    plan = _with_heading(monitor, _blocks("Phát huy sức mạnh.", "Yêu cầu bám sát thực tiễn."))
    client.force_login(monitor)
    page = client.get(reverse("plans:review", args=[plan.pk])).content.decode()
    assert 'name="new_title"' in page
    url = reverse("plans:review_item", args=[plan.pk])
    data = {"action": "split", "kind": "outline", "key": "I.1", "version": plan.version,
            "at": "Yêu cầu bám sát", "new_title": "Yêu cầu"}
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and 'id="review-panel"' in body and "<html" not in body
    assert "I.2." in body and "Yêu cầu" in body
    plan.refresh_from_db()
    assert [c["path"] for c in plan.draft["outline"][0]["children"]] == ["I.1", "I.2"]
    # The same form again (its version is now stale): refused with the Vietnamese message, nothing changes.
    response = client.post(url, {**data, "key": "I.2", "at": "bám sát"}, HTTP_HX_REQUEST="true")
    assert "tải lại trang" in response.content.decode()
    plan.refresh_from_db()
    assert [c["path"] for c in plan.draft["outline"][0]["children"]] == ["I.1", "I.2"]


def test_split_without_htmx_redirects_and_shows_the_error(client, monitor):
    plan = DraftPlanFactory()
    client.force_login(monitor)
    url = reverse("plans:review_item", args=[plan.pk])
    response = client.post(url, {"action": "split", "kind": "outline", "key": "I", "version": plan.version,
                                 "at": "không có"}, follow=True)
    assert response.status_code == 200 and "không tìm thấy" in response.content.decode().lower()
