"""A task's timeframe as written ("Quý I/2024", "Hằng năm", "Tháng 6/2025") → recurrence and due date.

The reading itself is the core's (`trienkhai.plans.timeframes`), the same one the parser applies to task
registers; this adapter gives the model's types for timeframes typed or edited in the application."""

from __future__ import annotations

from datetime import date

from trienkhai.plans.timeframes import parse_timeframe as read_timeframe
from trienkhai_web.plans.models import Recurrence


def parse_timeframe(text: str | None) -> tuple[str, date | None]:
    """(recurrence, due date) for the timeframe text; ("", None) when it says neither."""
    if not text or not text.strip():
        return "", None
    tf = read_timeframe(text)
    recurrence = tf.recurrence if tf.recurrence in Recurrence.values else ""
    return recurrence, date.fromisoformat(tf.due) if tf.due else None
