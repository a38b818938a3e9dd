"""Checks on a zip package (.docx) before anything is extracted: a zip bomb is refused."""

from __future__ import annotations

import io
import zipfile

from trienkhai.documents.limits import (
    MAX_ZIP_MEMBERS,
    MAX_ZIP_RATIO,
    MAX_ZIP_UNCOMPRESSED_BYTES,
    megabytes,
)
from trienkhai.errors import DocumentError


def check_zip(data: bytes, name: str) -> None:
    """Refuse a package that is corrupt, encrypted, or inflates beyond the limits.

    Declared sizes are checked first; then each member is inflated in chunks, counting the
    actual bytes, so a lying header cannot make us allocate more than the limit.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise DocumentError(f"Tệp {name} bị hỏng (không phải gói .docx hợp lệ).", detail=repr(exc)) from exc
    bomb = DocumentError(
        f"Tệp {name} giải nén ra quá lớn (nghi là \"bom nén\"); giới hạn là "
        f"{megabytes(MAX_ZIP_UNCOMPRESSED_BYTES)} sau giải nén, tỉ lệ nén tối đa {MAX_ZIP_RATIO}."
    )
    if len(infos) > MAX_ZIP_MEMBERS:
        raise bomb
    if sum(i.file_size for i in infos) > MAX_ZIP_UNCOMPRESSED_BYTES:
        raise bomb
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise DocumentError(f"Tệp {name} được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")
        if info.file_size > 1_000_000 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise bomb
        try:
            with zf.open(info) as fh:
                actual = 0
                while chunk := fh.read(1 << 20):
                    actual += len(chunk)
                    total += len(chunk)
                    if total > MAX_ZIP_UNCOMPRESSED_BYTES or (
                        actual > 1_000_000 and actual > MAX_ZIP_RATIO * max(info.compress_size, 1)
                    ):
                        raise bomb
        except DocumentError:
            raise
        except Exception as exc:  # zlib.error, BadZipFile (CRC), NotImplementedError (method)
            raise DocumentError(f"Tệp {name} bị hỏng (nội dung nén bị lỗi).", detail=repr(exc)) from exc
