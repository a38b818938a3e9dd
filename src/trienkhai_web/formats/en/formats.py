from trienkhai_web.formats.vi.formats import *  # noqa: F403 — the same dd/mm/yyyy conventions in English
