"""`trienkhai restore FILE`: restore a backup into an empty installation (or, with --replace, over one)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from trienkhai_web.operations.restore import RestoreError, restore


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu (.zip) vào một hệ thống trống."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp sao lưu .zip do lệnh backup tạo ra")
        parser.add_argument("--replace", "--force", action="store_true", dest="replace",
                            help="xóa dữ liệu và tệp đang có rồi thay bằng bản sao lưu")

    def handle(self, *args, file: str, replace: bool = False, **options):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                restored = restore(Path(file), replace=replace)
            except RestoreError as error:
                raise CommandError(error.message) from error
            self.stdout.write(_("Restored %(rows)d rows and %(files)d files from %(path)s.")
                              % {"rows": restored.rows, "files": restored.files, "path": file})
