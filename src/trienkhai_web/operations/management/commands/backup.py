from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from trienkhai_web.operations.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và mọi tệp đã lưu (văn bản kế hoạch, minh chứng) vào một tệp .zip."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="thư mục hoặc tệp .zip đích")

    def handle(self, *args, out: str | None = None, **options):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                backup = make_backup(Path(out) if out else None)
            except BackupError as error:
                raise CommandError(error.message) from error
            self.stdout.write(_("Backed up %(rows)d rows and %(files)d files: %(path)s")
                              % {"rows": backup.rows, "files": backup.files, "path": backup.path})
            if backup.missing:
                self.stderr.write(_("Warning: %(count)d files that the data refers to were missing from disk: "
                                    "%(names)s") % {"count": len(backup.missing), "names": ", ".join(backup.missing[:10])})
