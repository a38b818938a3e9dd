"""A crawl of every page each role can reach on the demo data, as that person (alice the administrator, bob the
monitoring body, carol the reporter, dave the unit head, erin the leader: the demo's accounts of the same names
as `tests/web/conftest.py`).

From the start page it follows every link breadth-first (same site, GET only, bounded: at most
`PER_PATH` query strings per path and `MAX_PAGES` pages per role) and asserts on each page what a user must
never meet: a raw period code, an internal status or action id, an English page, a link that answers 403, 404 or
500. Only the visible text is read (`tests/web/crawl.py`: text nodes, not tags, attributes or scripts).

Left out on purpose: `/admin/` (Django's own administration, for the technical administrator) and `/api/`
(the JSON API and its English reference page for programmers); the sign-out and language forms are POSTs.
"""

from __future__ import annotations

import io
import os
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from tests.web import crawl
from trienkhai_web.accounts.models import Membership

ROLES = {"alice": "quantri", "bob": "giamsat", "carol": "baocao", "dave": "truongdonvi", "erin": "lanhdao"}
MAX_PAGES = 400
PER_PATH = 3
SKIPPED = ("/admin/", "/api/", "/dang-xuat/", "/i18n/", "/static/", "/healthz")


class _Links(crawl.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        # Links, and the fragments a page loads by itself with a GET (HTMX: a preview, a panel).
        href = values.get("href") if tag == "a" else values.get("hx-get")
        if href and "{" not in href:
            self.hrefs.append(href)


def _links(html: str, base: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    out = []
    for href in parser.hrefs:
        url = urldefrag(urljoin(base, href))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def _crawl(client: Client, who: str) -> tuple[int, list[str]]:
    problems: list[str] = []
    seen: set[str] = set()
    per_path: dict[str, int] = {}
    queue: deque[tuple[str, str]] = deque([("/", "")])
    pages = 0
    while queue and pages < MAX_PAGES:
        url, source = queue.popleft()
        path = urlsplit(url).path
        if url in seen or path.startswith(SKIPPED):
            continue
        seen.add(url)
        if "?" in url:
            per_path[path] = per_path.get(path, 0) + 1
            if per_path[path] > PER_PATH:
                continue
        response = client.get(url)
        pages += 1
        where = f"{who} {url} (linked from {source or 'start'})"
        if response.status_code in (301, 302):
            target = response["Location"]
            if "/dang-nhap/" in target:
                problems.append(f"{where}: sends to the login page")
            else:
                queue.append((urlsplit(urljoin(url, target))._replace(scheme="", netloc="").geturl(), url))
            continue
        if response.status_code != 200:
            problems.append(f"{where}: answers {response.status_code}")
            continue
        disposition = response.get("Content-Disposition", "")
        if disposition:
            from urllib.parse import unquote

            for code in crawl.period_codes(unquote(disposition)):
                problems.append(f"{where}: file name shows the period code {code}")
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        nodes = crawl.text_nodes(html)
        text = "\n".join(nodes)
        # A whole page says its language; a fragment (an HTMX preview) lives inside one that does.
        if "<html" in html[:300] and 'lang="vi"' not in html[:300]:
            problems.append(f"{where}: the page is not marked Vietnamese")
        for code in crawl.period_codes(text):
            problems.append(f"{where}: raw period code {code!r}")
        for code in crawl.internal_ids(text):
            problems.append(f"{where}: internal id {code!r}")
        for msg in crawl.english(nodes):
            problems.append(f"{where}: English text {msg!r}")
        for link in _links(html, url):
            if link not in seen:
                queue.append((link, url))
    return pages, problems


@pytest.mark.django_db
def test_every_reachable_page_speaks_plain_vietnamese(corpus_docs):
    call_command("load_demo", docs=str(corpus_docs), stdout=io.StringIO())
    assert set(Membership.objects.values_list("user__username", flat=True)) >= set(ROLES.values())
    report: list[str] = []
    counts = {}
    for who, username in ROLES.items():
        client = Client()
        client.force_login(Membership.objects.filter(user__username=username).first().user)
        counts[who], problems = _crawl(client, who)
        report += problems
    if out := os.environ.get("TRIENKHAI_CRAWL_REPORT"):  # the whole list, for whoever fixes them
        with open(out, "w", encoding="utf-8") as f:
            f.write("\n".join(report))
    assert all(n >= 10 for n in counts.values()), counts  # each role reaches a real part of the site
    assert report == [], f"{len(report)} problems on {counts} pages:\n" + "\n".join(report[:200])
