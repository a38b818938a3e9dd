"""The `trienkhai` command: the core's `parse` plus the application's subcommands.

Each application subcommand is a Django management command (in the app that owns it); this module
only parses arguments, sets up Django and calls it, so `python -m django ...` does the same thing.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from trienkhai.cli import (
    COVER_EXAMPLE,
    PARSE_EXAMPLE,
    add_cover_arguments,
    add_parse_arguments,
    run_cover,
    run_parse,
)

EXAMPLES = {
    "import": "ví dụ:\n  trienkhai import ke-hoach-43.docx\n  trienkhai import ke-hoach-43.pdf --publish --user quantri",
    "demo": "ví dụ:\n  trienkhai demo            # nạp dữ liệu mẫu từ ../shared/corpus/dev/docs và tạo tài khoản mẫu",
    "serve": "ví dụ:\n  trienkhai serve                 # http://127.0.0.1:8000\n  trienkhai serve --port 8080",
    "report": "ví dụ:\n  trienkhai report --plan 55-CTr/TU --period 2025-H1 --out bao-cao.docx\n"
              "  trienkhai report --plan 3 --period 2025 --xlsx --out bao-cao.xlsx",
    "backup": "ví dụ:\n  trienkhai backup                  # var/backups/trienkhai-YYYYmmdd-HHMMSS.zip\n"
              "  trienkhai backup --out /mnt/sao-luu/",
    "restore": "ví dụ:\n  trienkhai restore /mnt/sao-luu/trienkhai-20250701-020000.zip   # vào hệ thống trống\n"
               "  trienkhai restore sao-luu.zip --replace    # xóa dữ liệu đang có rồi khôi phục",
}


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="trienkhai",
        description="Triển khai: đọc văn bản kế hoạch, theo dõi thực hiện, lập báo cáo sơ kết, tổng kết.",
        formatter_class=fmt,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    p = sub.add_parser("parse", help="đọc một văn bản kế hoạch (không cần cơ sở dữ liệu)",
                       epilog=PARSE_EXAMPLE, formatter_class=fmt)
    add_parse_arguments(p)

    p = sub.add_parser("cover", help="văn bản cấp dưới cụ thể hóa những nội dung nào của văn bản cấp trên "
                       "(không cần cơ sở dữ liệu)", epilog=COVER_EXAMPLE, formatter_class=fmt)
    add_cover_arguments(p)

    p = sub.add_parser("import", help="nhập văn bản vào hệ thống thành bản nháp chờ rà soát",
                       epilog=EXAMPLES["import"], formatter_class=fmt)
    p.add_argument("file", help="tệp văn bản")
    p.add_argument("--publish", action="store_true", help="ban hành ngay, không qua rà soát")
    p.add_argument("--user", help="tên đăng nhập của người nhập")

    p = sub.add_parser("demo", help="chuẩn bị cơ sở dữ liệu và nạp dữ liệu mẫu",
                       epilog=EXAMPLES["demo"], formatter_class=fmt)
    p.add_argument("--docs", help="thư mục văn bản mẫu (mặc định ../shared/corpus/dev/docs)")

    p = sub.add_parser("serve", help="chạy ứng dụng web", epilog=EXAMPLES["serve"], formatter_class=fmt)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", default="8000")

    p = sub.add_parser("report", help="lập báo cáo sơ kết, tổng kết, định kỳ (.docx, .xlsx)",
                       epilog=EXAMPLES["report"], formatter_class=fmt)
    p.add_argument("--plan", required=True, help="số hiệu (55-CTr/TU) hoặc mã của kế hoạch")
    p.add_argument("--period", required=True, help="kỳ báo cáo: 2025-Q1, 2025-H1, 2025, so-ket, tong-ket")
    p.add_argument("--out", help="tệp kết quả")
    p.add_argument("--xlsx", action="store_true", help="xuất bảng tính .xlsx thay vì .docx")

    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu và mọi tệp đã lưu",
                       epilog=EXAMPLES["backup"], formatter_class=fmt)
    p.add_argument("--out", help="thư mục hoặc tệp .zip đích")

    p = sub.add_parser("restore", help="khôi phục một bản sao lưu vào hệ thống trống",
                       epilog=EXAMPLES["restore"], formatter_class=fmt)
    p.add_argument("file", help="tệp sao lưu .zip")
    p.add_argument("--replace", "--force", action="store_true", dest="replace", default=None,
                   help="xóa dữ liệu và tệp đang có rồi thay bằng bản sao lưu")
    return parser


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai_web.settings")
    import django

    django.setup()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "parse":
        return run_parse(args)
    if args.command == "cover":
        return run_cover(args)

    _django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    options = {k: v for k, v in vars(args).items() if k != "command" and v is not None}
    name = {"import": "import_plan", "demo": "load_demo", "serve": "serve", "report": "make_report",
            "backup": "backup", "restore": "restore"}[args.command]
    positional = [options.pop("file")] if "file" in options else []
    try:
        call_command(name, *positional, **options)
    except CommandError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
