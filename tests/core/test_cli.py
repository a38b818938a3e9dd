"""The `trienkhai` command: every subcommand has help with an example; bad input exits 2 in Vietnamese."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("trienkhai", path=str(Path(sys.executable).parent)) or "trienkhai"


@pytest.mark.parametrize("command", ["parse", "cover", "import", "demo", "serve", "report", "backup", "restore"])
def test_each_subcommand_has_help_with_an_example(command):
    result = subprocess.run([EXE, command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "ví dụ:" in result.stdout
    assert f"trienkhai {command}" in result.stdout


def test_parse_of_a_missing_file_is_a_vietnamese_error(tmp_path):
    result = subprocess.run([EXE, "parse", str(tmp_path / "khong-co.docx")], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi:")
    assert "Traceback" not in result.stderr


def test_cover_prints_every_parent_unit_as_json_and_as_a_table(corpus_docs):
    import json

    parent, child = corpus_docs / "001_c9ca5d0d8e180833.txt", corpus_docs / "002_89a3dd6ff25e755a.txt"
    result = subprocess.run([sys.executable, "-m", "trienkhai", "cover", str(parent), str(child), "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    items = {i["key"]: i for i in data["items"]}
    assert items["III.2#1"]["covered"] and items["III.2#1"]["counterparts"][0]["key"] == "III.2.1#1"
    assert items["III.2#1"]["why"] and not items["II.2#2"]["covered"]
    table = subprocess.run([EXE, "cover", str(parent), str(child)], capture_output=True, text=True)
    assert table.returncode == 0, table.stderr
    assert "Nội dung tương ứng" in table.stdout and f"Đã cụ thể hóa {data['covered']}/{data['total']}" in table.stdout


def test_cover_of_a_missing_file_is_a_vietnamese_error(tmp_path, corpus_docs):
    result = subprocess.run([EXE, "cover", str(tmp_path / "khong-co.docx"), str(corpus_docs / "001_c9ca5d0d8e180833.txt")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.startswith("Lỗi:")


def test_progress_bar_draws_only_when_called() -> None:
    import io

    from trienkhai.cli import ProgressBar

    out = io.StringIO()
    bar = ProgressBar(out, width=10)
    bar.done()
    assert out.getvalue() == ""
    bar(1, 4)
    bar(4, 4)
    bar.done()
    assert out.getvalue() == ("\rNhận dạng chữ (OCR): [##........] trang 1/4"
                              "\rNhận dạng chữ (OCR): [##########] trang 4/4\n")


def test_parse_of_a_photographed_page_prints_valid_json_in_both_formats(tmp_path):
    """A photo (.png) is read by OCR; its JSON validates against /1 (the default) and /2 (with the OCR
    record of each page)."""
    import json

    from PIL import Image, ImageDraw, ImageFont

    from trienkhai.plans.schema import validate_plan_dict as validate

    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 34)
    for k, line in enumerate(["KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức.", "II. NỘI DUNG",
                              "1. Tuyên truyền sâu rộng."]):
        draw.text((160, 200 + 70 * k), line, font=font, fill=0)
    photo = tmp_path / "anh-chup.png"
    page.save(photo, dpi=(200, 200))
    for version in ("1", "2"):
        result = subprocess.run([EXE, "parse", str(photo), "--json", "--format-version", version],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        validate(data)
        assert data["source"]["format"] == "image"
        assert ("ocr" in data["source"]) is (version == "2")
        assert [n["path"] for n in data["outline"]] == ["I", "II"]
