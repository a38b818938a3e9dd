"""Who may draft a review report of a plan, built on `accounts.permissions`."""

from __future__ import annotations

from typing import Any

from trienkhai_web.accounts.models import Role
from trienkhai_web.accounts.permissions import can_manage_plan, has_role


def can_download_review_report(user: Any, plan: Any) -> bool:
    """Build and download the .docx/.xlsx: whoever manages the plan."""
    return can_manage_plan(user, plan)


def can_preview_review_report(user: Any, plan: Any) -> bool:
    """Open the builder page: the plan's managers, and leaders (who only preview)."""
    return can_download_review_report(user, plan) or has_role(user, Role.LEADER)
