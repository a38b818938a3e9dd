"""A scanned plan's review shows each page as OCR read it, with the uncertain words boxed; the page
image is served only to those who manage the draft."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from trienkhai_web.plans import services

pytestmark = pytest.mark.django_db
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = ["KẾ HOẠCH", "Triển khai thực hiện Kết luận số 01-KL/TW", "I. MỤC ĐÍCH, YÊU CẦU",
         "1. Mục đích", "Nâng cao nhận thức của cán bộ, đảng viên.", "II. NỘI DUNG",
         "1. Tuyên truyền sâu rộng trong Nhân dân.", "III. TỔ CHỨC THỰC HIỆN",
         "1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp theo dõi."]


def _scan() -> bytes:
    """A page photographed a little crooked: 200 dpi, grey, DejaVu Sans at 12 pt."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 34)
    for k, line in enumerate(LINES):
        draw.text((160, 200 + 70 * k), line, font=font, fill=0)
    page = page.rotate(1.0, expand=True, fillcolor=255)
    out = io.BytesIO()
    page.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


def test_the_review_shows_the_scanned_page_with_its_uncertain_words(client, bob, carol, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    plan = services.import_document(bob, filename="ban-quet.png", data=_scan())
    client.force_login(bob)
    page = client.get(f"/ke-hoach/{plan.pk}/ra-soat/").content.decode()
    assert "Các trang bản quét" in page and "Trang 1: độ tin cậy" in page
    url = f"/ke-hoach/{plan.pk}/ra-soat/trang-quet/1.png"
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    shown = Image.open(io.BytesIO(response.content))
    info = services.load_draft(plan).source.ocr[0]
    assert shown.width <= 1240 and abs(shown.width / shown.height - info.size[0] / info.size[1]) < 0.01
    assert client.get(f"/ke-hoach/{plan.pk}/ra-soat/trang-quet/2.png").status_code == 404
    client.force_login(carol)
    assert client.get(url).status_code == 403


def test_a_document_with_a_text_layer_has_no_scanned_pages(client, bob):
    from tests.web.factories import DraftPlanFactory
    draft = DraftPlanFactory()
    client.force_login(bob)
    page = client.get(f"/ke-hoach/{draft.pk}/ra-soat/").content.decode()
    assert "Các trang bản quét" not in page
    assert client.get(f"/ke-hoach/{draft.pk}/ra-soat/trang-quet/1.png").status_code in (403, 404)
