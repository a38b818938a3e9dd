"""The `trienkhai` command: every subcommand has help with an example; bad input exits 2 in Vietnamese."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("trienkhai", path=str(Path(sys.executable).parent)) or "trienkhai"


@pytest.mark.parametrize("command", ["parse", "import", "demo", "serve", "report", "backup"])
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
