"""Handing out stored files (plan documents, evidence): the one way, after the view checked permission.

Development and small installations stream the file from Django (`FileResponse`). Behind nginx,
`TRIENKHAI_X_ACCEL_REDIRECT=1` makes Django answer with an `X-Accel-Redirect` header instead: nginx then
sends the file from an `internal` location (a client cannot request it directly), so a large file does not
hold a worker. `docs/deploy.md` gives the nginx locations: `/_files/media/` aliases MEDIA_ROOT and
`/_files/evidence/` aliases EVIDENCE_ROOT.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _

INTERNAL_PREFIXES = {"media": "/_files/media/", "evidence": "/_files/evidence/"}


def _area(path: Path) -> tuple[str, Path] | None:
    for area, root in (("evidence", settings.EVIDENCE_ROOT), ("media", settings.MEDIA_ROOT)):
        try:
            return area, path.resolve().relative_to(Path(root).resolve())
        except ValueError:
            continue
    return None


def _disposition(filename: str, as_attachment: bool) -> str:
    kind = "attachment" if as_attachment else "inline"
    ascii_name = filename.encode("ascii", "ignore").decode() or "tep"
    ascii_name = ascii_name.replace('"', "")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def private_file(stored: FieldFile, *, filename: str, as_attachment: bool = True) -> HttpResponseBase:
    """The response for a stored file the caller has already decided the user may have."""
    if not stored:
        raise Http404(_("The file is missing from the server."))
    path = Path(stored.path)
    if not path.is_file():
        raise Http404(_("The file is missing from the server."))
    if settings.X_ACCEL_REDIRECT:
        located = _area(path)
        if located is None:  # a file outside both roots is never handed to nginx
            raise Http404(_("The file is missing from the server."))
        area, relative = located
        response = HttpResponse()
        response["X-Accel-Redirect"] = INTERNAL_PREFIXES[area] + quote(relative.as_posix())
        response["Content-Type"] = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        response["Content-Disposition"] = _disposition(filename, as_attachment)
        response["X-Content-Type-Options"] = "nosniff"
        return response
    return FileResponse(stored.open("rb"), as_attachment=as_attachment, filename=filename)
