""".doc (Word 97-2003) → .docx through LibreOffice, then the .docx reader."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from trienkhai.documents.docx import read_docx
from trienkhai.documents.limits import SOFFICE_TIMEOUT_SECONDS
from trienkhai.documents.model import Block
from trienkhai.errors import DocumentError


def read_doc(data: bytes, name: str) -> tuple[list[Block], int | None]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DocumentError(
            f"Không đọc được tệp {name}: định dạng .doc cũ cần LibreOffice nhưng máy chưa cài. "
            "Hãy lưu lại tệp dưới dạng .docx hoặc .pdf rồi tải lên lại."
        )
    with tempfile.TemporaryDirectory(prefix="trienkhai-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        try:
            subprocess.run(
                [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                 "--convert-to", "docx", "--outdir", tmp, str(src)],
                check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired as exc:
            raise DocumentError(f"Chuyển đổi tệp {name} quá {SOFFICE_TIMEOUT_SECONDS} giây; đã dừng.") from exc
        except (subprocess.CalledProcessError, OSError) as exc:
            raise DocumentError(f"LibreOffice không chuyển đổi được tệp {name} (tệp hỏng?).", detail=repr(exc)) from exc
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise DocumentError(f"LibreOffice không chuyển đổi được tệp {name} (tệp hỏng hoặc được đặt mật khẩu).")
        return read_docx(out.read_bytes(), name)
