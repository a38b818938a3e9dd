"""`trienkhai import FILE [--publish] [--user U]`: a document into a draft plan (or published at once)."""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from trienkhai.cli import ProgressBar
from trienkhai_web.errors import Duplicate, UserError
from trienkhai_web.organisations.models import Organisation
from trienkhai_web.plans import services
from trienkhai_web.plans.demo import import_and_publish


class Command(BaseCommand):
    help = "Nhập một văn bản thành kế hoạch nháp chờ rà soát (--publish: ban hành ngay)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--publish", action="store_true", help="ghép cơ quan tự động và ban hành ngay")
        parser.add_argument("--user", help="tên đăng nhập của người nhập")
        parser.add_argument("--theo-doi", dest="monitoring_body", metavar="MÃ",
                            help="mã (hoặc tên đúng) của cơ quan theo dõi kế hoạch, khi ban hành ngay; mặc định: "
                                 "Ban Dân vận của cơ quan ban hành, hoặc cơ quan theo dõi của người nhập")

    def handle(self, *args, **opts) -> None:
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        user = None
        if opts.get("user"):
            user = get_user_model().objects.filter(username=opts["user"]).first()
            if user is None:
                raise CommandError(f"Không có người dùng {opts['user']}.")
        monitoring_body = None
        if opts.get("monitoring_body"):
            key = opts["monitoring_body"]
            monitoring_body = (Organisation.objects.filter(code=key).first()
                               or Organisation.objects.filter(name=key).first())
            if monitoring_body is None:
                raise CommandError(f"Không có tổ chức có mã hoặc tên “{key}”.")
        try:
            if opts.get("publish"):
                plan, new = import_and_publish(user, path, monitoring_body)
                verb = "Đã ban hành" if new else "Đã có sẵn (không nhập lại)"
            else:
                bar = ProgressBar(sys.stderr)  # drawn only for a scan, whose OCR takes seconds a page
                try:
                    plan = services.import_document(user, filename=path.name, data=path.read_bytes(), progress=bar)
                finally:
                    bar.done()
                verb = "Đã nhập bản nháp"
        except Duplicate as exc:
            self.stdout.write(f"Tệp này đã được nhập trước đây: kế hoạch #{exc.existing.pk} {exc.existing.number}.")
            return
        except UserError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{verb}: #{plan.pk} {plan.number} — {plan.title[:80]}")
        if plan.status == "draft":
            self.stdout.write(f"Rà soát tại /ke-hoach/{plan.pk}/ra-soat/")
