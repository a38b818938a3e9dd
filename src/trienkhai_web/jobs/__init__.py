"""Background jobs: long work (import with OCR, reports, reminders, e-mail, exports) on a Celery queue,
with its progress, cancellation and result kept in one `Job` row per piece of work."""
