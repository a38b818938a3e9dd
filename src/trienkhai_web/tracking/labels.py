"""Display labels for the codes of the reporting cycle, as lazy message ids (translated on render)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from trienkhai.tracking.assess import Assessment
from trienkhai_web.tracking import queries
from trienkhai_web.tracking.dashboard import NOT_REPORTED
from trienkhai_web.tracking.models import ProgressStatus, ReportStatus

STATUS_LABELS = {**{s.value: s.label for s in ProgressStatus}, NOT_REPORTED: _("Not reported")}
# The one label map of the core's assessment statuses on screen (the core's own labels go in documents).
ASSESSMENT_LABELS = {Assessment.MET: _("Met"), Assessment.NOT_MET: _("Not met"), Assessment.EXCEEDED: _("Exceeded"),
                     Assessment.NO_DATA: _("No data"), Assessment.IN_PROGRESS: _("Under way, due later")}
TIMELINESS_LABELS = {queries.ON_TIME: _("On time"), queries.LATE: _("Late"), queries.MISSING: _("Not submitted"),
                     queries.PENDING: _("Not due yet")}
REPORT_LABELS = {s.value: s.label for s in ReportStatus}
NOT_STARTED_REPORT = _("Not created")
ACTION_LABELS = {"submit": _("submitted"), "return": _("returned"), "accept": _("accepted"),
                 "reopen": _("reopened"), "handoff": _("handed to the unit head")}
