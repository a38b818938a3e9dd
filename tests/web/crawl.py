"""What the crawl test looks for on a page, kept apart from the crawl so other tests can ask it too.

- `visible_text(html)`: the words a user reads (text nodes and the title), never tags, attribute values,
  scripts or styles;
- `period_codes(text)`: raw period codes ("2026-Q3", "2026-H1", "so-ket", "tong-ket");
- `internal_ids(text)`: stored status/kind/role values and audit action codes, as whole words;
- `english(text_nodes)`: text nodes that are an English message id the catalogs translate.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.db import models

from trienkhai_web.audit.actions import Action

WEB = Path(__file__).resolve().parents[2] / "src" / "trienkhai_web"

PERIOD_CODE = re.compile(r"\b20\d\d-(?:Q[1-4]|H[12])\b|\bso-ket\b|\btong-ket\b")

_SKIP = {"script", "style", "template", "noscript"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.nodes.append(" ".join(data.split()))


def text_nodes(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.nodes


def visible_text(html: str) -> str:
    return "\n".join(text_nodes(html))


def period_codes(text: str) -> list[str]:
    return sorted({m.group(0) for m in PERIOD_CODE.finditer(text)})


@cache
def _internal_values() -> re.Pattern:
    values: set[str] = {a.value for a in Action}
    for model in apps.get_models():
        if not model.__module__.startswith("trienkhai_web."):
            continue
        for field in model._meta.get_fields():
            choices = getattr(field, "choices", None)
            if choices:
                values |= {str(v) for v, _ in choices if v not in ("", None) and not str(v).isdigit()}
    for cls in models.TextChoices.__subclasses__():
        if cls.__module__.startswith("trienkhai_web."):
            values |= {m.value for m in cls if m.value}
    words = sorted(values, key=len, reverse=True)
    return re.compile(r"(?<![\w./-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w/-]|\.\w)")


def internal_ids(text: str) -> list[str]:
    return sorted({m.group(0) for m in _internal_values().finditer(text)})


def _catalog(po: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    msgid = msgstr = None
    field = None
    for raw in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if line.startswith("msgid "):
            if msgid and msgstr:
                pairs[msgid] = msgstr
            msgid, msgstr, field = _unquote(line[6:]), None, "id"
        elif line.startswith("msgstr "):
            msgstr, field = _unquote(line[7:]), "str"
        elif line.startswith('"'):
            if field == "id" and msgid is not None:
                msgid += _unquote(line)
            elif field == "str" and msgstr is not None:
                msgstr += _unquote(line)
        elif line.startswith(("msgid_plural", "msgstr[", "msgctxt")):
            field = None
        elif not line:
            if msgid and msgstr:
                pairs[msgid] = msgstr
            msgid = msgstr = field = None
    return pairs


def _unquote(s: str) -> str:
    return s[1:-1].replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


@cache
def english_messages() -> frozenset[str]:
    """English message ids the catalogs translate into something else (placeholders left out), so that one of
    them standing as a whole text node on a page means the page was not translated."""
    found: set[str] = set()
    for po in WEB.rglob("locale/vi/LC_MESSAGES/django.po"):
        for msgid, msgstr in _catalog(po).items():
            if msgstr and msgstr != msgid and "%" not in msgid and "{" not in msgid and re.search(r"[a-z]{3}", msgid):
                found.add(" ".join(msgid.split()))
    return frozenset(found)


def english(nodes: list[str]) -> list[str]:
    known = english_messages()
    return sorted({n for n in nodes if n in known or n.rstrip(":.").strip() in known})
