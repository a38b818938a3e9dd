"""Reads of jobs: one job for its page, a user's recent jobs."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from trienkhai_web.jobs.models import Job


def for_owner(user: Any, limit: int = 50) -> QuerySet[Job]:
    return Job.objects.filter(owner=user).order_by("-created_at", "-pk")[:limit]
