"""Checks over every template of the application."""

from __future__ import annotations

import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "trienkhai_web"
TITLE_BLOCK = re.compile(r"{%\s*block title\s*%}(.*?){%\s*endblock", re.S)


def test_page_titles_hold_text_only():
    # A <title> shows its content literally: markup or a script there ends up in the browser's tab.
    templates = sorted(WEB.rglob("templates/**/*.html"))
    assert len(templates) > 20
    offenders = [f"{t.relative_to(WEB)}: {m.strip()[:60]}" for t in templates
                 for m in TITLE_BLOCK.findall(t.read_text(encoding="utf-8")) if "<" in m]
    assert offenders == []


def test_no_template_loads_anything_from_another_site():
    # Users may have no internet access beyond the server: every asset is vendored.
    offenders = [str(t.relative_to(WEB)) for t in WEB.rglob("templates/**/*.html")
                 if re.search(r"""(src|href)=["']https?://""", t.read_text(encoding="utf-8"))]
    assert offenders == []
