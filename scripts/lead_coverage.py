"""How many "Tổ chức thực hiện" items whose body is named got a lead, per document and in all.

An item counts when its heading or its first text opens with a body's name (after "Giao", "Đề nghị" …);
it got a lead when one of its assignments has leads. Any format the readers take (.txt, .docx, .pdf …):

    PYTHONPATH=src .venv/bin/python scripts/lead_coverage.py ../shared/corpus/dev/docs/* tests/core/plans/lead_variants/*
"""

from __future__ import annotations

import sys

from trienkhai.documents.read import read_document
from trienkhai.plans._text import node_texts, walk_with_ancestors
from trienkhai.plans.agencies import is_agency_start
from trienkhai.plans.assignments import _LEAD_IN_RE, _is_implementation
from trienkhai.plans.parse import parse_document


def coverage(path: str) -> tuple[int, int, list[str]]:
    plan = parse_document(read_document(path))
    led = {a.item for a in plan.assignments if a.leads}
    items = []
    for node, ancestors in walk_with_ancestors(plan):
        if ancestors and _is_implementation(ancestors[-1]):
            texts = [node.title, *node_texts(node, title=False)][:2]
            if any(is_agency_start(_LEAD_IN_RE.sub("", t)) for t in texts if t.strip()):
                items.append(node.path)
    missing = [p for p in items if p not in led]
    return len(items) - len(missing), len(items), missing


def main(paths: list[str]) -> int:
    got = total = 0
    for path in paths:
        n, m, missing = coverage(path)
        print(f"{path.rsplit('/', 1)[-1]:45} {n}/{m} {' '.join(missing)}")
        got, total = got + n, total + m
    print(f"in all: {got}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
