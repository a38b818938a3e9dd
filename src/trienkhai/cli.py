"""`trienkhai parse` and `trienkhai cover`: the core's own command line (no database, no Django).

The installed `trienkhai` command (trienkhai_web.cli) adds the application's subcommands and
delegates `parse` and `cover` here, so they can also be run as `python -m trienkhai parse FILE`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from trienkhai.errors import TrienkhaiError

PARSE_EXAMPLE = """ví dụ:
  trienkhai parse ke-hoach-43.docx            # dàn ý, chỉ tiêu, phân công, nhiệm vụ dễ đọc
  trienkhai parse ke-hoach-43.pdf --json      # định dạng trienkhai.plan/1 (xem docs/plan-format.md)
  trienkhai parse ke-hoach-43.pdf --json --format-version 2   # định dạng trienkhai.plan/2
"""


COVER_EXAMPLE = """ví dụ:
  trienkhai cover ke-hoach-tinh.docx ke-hoach-huyen.docx         # bảng: nội dung nào đã cụ thể hóa, ở đâu
  trienkhai cover ke-hoach-tinh.pdf ke-hoach-huyen.docx --json   # từng nội dung: key, covered, counterparts, why
"""


def add_cover_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("parent", help="văn bản cấp trên (nghị quyết, kế hoạch… được triển khai)")
    parser.add_argument("child", help="văn bản cấp dưới (kế hoạch triển khai văn bản cấp trên)")
    parser.add_argument("--json", action="store_true", help="in JSON: mỗi nội dung của văn bản cấp trên")


def run_cover(args: argparse.Namespace) -> int:
    from pathlib import Path

    from trienkhai.cascade.coverage import cover
    from trienkhai.cascade.render import render_coverage
    from trienkhai.plans.parse import parse_file

    try:
        parent = parse_file(args.parent)
        child = parse_file(args.child)
    except TrienkhaiError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return exc.exit_code
    result = cover(parent, child)
    if args.json:
        data = {"parent": Path(args.parent).name, "child": Path(args.child).name, **result.to_dict()}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_coverage(result, Path(args.parent).name, Path(args.child).name))
    return 0


def add_parse_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="tệp văn bản: .docx, .pdf, .txt, .doc (cả TCVN3/VNI/VISCII), "
                                     "bản quét .pdf hoặc ảnh .png, .jpg, .tif (nhận dạng chữ)")
    parser.add_argument("--json", action="store_true", help="in JSON theo định dạng trienkhai.plan")
    # /1 stays the default while the evaluation script (../shared/eval/score.py) reads `lead` as a string.
    parser.add_argument("--format-version", type=int, choices=(1, 2), default=1,
                        help="phiên bản định dạng JSON: 1 (mặc định) hoặc 2 (danh sách tên cơ quan)")


class ProgressBar:
    """Pages read by OCR so far (or any `done` of `total` steps), as a bar on stderr; only drawn when
    there is something to wait for. `progress(0, 0)` (reading is over) draws nothing."""

    def __init__(self, stream: Any, width: int = 30, label: str = "Nhận dạng chữ (OCR)", unit: str = "trang") -> None:
        self.stream, self.width, self.shown, self.label, self.unit = stream, width, False, label, unit
        self.last = 0  # length of the line drawn before: a shorter one is padded to cover it

    def __call__(self, done: int, total: int, label: str | None = None) -> None:
        if not total:
            return
        filled = self.width * done // max(1, total)
        line = f"{label or self.label}: [{'#' * filled}{'.' * (self.width - filled)}] {self.unit} {done}/{total}"
        self.stream.write(f"\r{line}{' ' * max(0, self.last - len(line))}")
        self.last = len(line)
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.shown, self.last = False, 0


def run_parse(args: argparse.Namespace) -> int:
    from trienkhai.plans.parse import parse_file
    from trienkhai.plans.render import render_text

    bar = ProgressBar(sys.stderr)
    try:
        plan = parse_file(args.file, progress=bar)
    except TrienkhaiError as exc:
        bar.done()
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return exc.exit_code
    bar.done()
    if args.json:
        from trienkhai.plans.schema import validate_plan_dict

        data = plan.to_dict(version=args.format_version)
        try:
            validate_plan_dict(data)  # what we print must be valid in the version it names
        except TrienkhaiError as exc:
            print(f"Lỗi: {exc.message}", file=sys.stderr)
            return exc.exit_code
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(plan))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m trienkhai")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="đọc một văn bản kế hoạch", epilog=PARSE_EXAMPLE,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_parse_arguments(p)
    p = sub.add_parser("cover", help="văn bản cấp dưới cụ thể hóa những nội dung nào của văn bản cấp trên",
                       epilog=COVER_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_cover_arguments(p)
    args = parser.parse_args(argv)
    return run_cover(args) if args.command == "cover" else run_parse(args)
