"""Errors the core raises for bad input: each carries a message in Vietnamese for the user."""

from __future__ import annotations


class TrienkhaiError(Exception):
    """Base for every error caused by the input rather than by a bug.

    `message` is Vietnamese and is what the CLI prints (exit code 2) and the application shows.
    """

    exit_code = 2

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class DocumentError(TrienkhaiError):
    """The file cannot be read as a document (empty, corrupt, encrypted, too large, unknown format)."""


class NoTextLayerError(DocumentError):
    """A PDF without a text layer (a scan): OCR is not supported yet."""


class EncodingError(DocumentError):
    """The text is in an encoding we cannot identify."""


class NotAPlanError(TrienkhaiError):
    """The document was read but does not look like a plan, resolution or other directive text."""


class PlanFormatError(TrienkhaiError):
    """A JSON document that is not a valid `trienkhai.plan/1` or `/2` (an import, or a bug in our output)."""


class DraftEditError(TrienkhaiError):
    """A change to a parsed plan that cannot be made: an item that does not exist, a field that is not
    editable or is required, a split point not in the text."""
