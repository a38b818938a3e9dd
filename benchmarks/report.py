"""Time to draft a province-sized review report (1,000 units, 200 tasks, 20 indicators).

    .venv/bin/python -m benchmarks.report [--runs 5] [--database]

Without --database: the .docx and .xlsx writers on an in-memory `ReviewReportData` (the core alone).
With --database: end to end on the reporting benchmark's dataset (benchmarks.dashboard: 1,000 units,
200 tasks, 20 indicators, 12 quarterly periods) in a fresh SQLite database — gathering the data from the
database, then writing each file. Prints the median of the runs; the goal is under 3 s each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

GOAL_SECONDS = 3.0


def _median(label: str, fn: Callable[[], object], runs: int) -> float:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
        size = len(out) if isinstance(out, bytes) else 0
    median = statistics.median(times)
    extra = f", {size // 1024} KB" if size else ""
    print(f"{label}: median {median:.2f} s over {runs} runs (min {min(times):.2f}, max {max(times):.2f}){extra}")
    return median


def _in_memory(runs: int) -> bool:
    from trienkhai.reports.docx_writer import build_docx
    from trienkhai.reports.sample import sample_report
    from trienkhai.reports.xlsx_writer import build_xlsx

    data = sample_report(units=1000, tasks=200, indicators=20)
    results = [_median("docx (writer only)", lambda: build_docx(data), runs),
               _median("xlsx (writer only)", lambda: build_xlsx(data), runs)]
    # Baseline in the same run: the straightforward python-docx way (cell by cell through its API) for
    # just the paragraphs and the three appendix tables, without styles, header, numbering or chart.
    base = _median("baseline: plain python-docx, same paragraphs and appendix tables",
                   lambda: _plain_docx(data), runs)
    print(f"ratio docx writer / baseline: {results[0] / base:.2f}")
    return all(t < GOAL_SECONDS for t in results)


def _plain_docx(data) -> bytes:  # type: ignore[no-untyped-def]
    import dataclasses
    import io

    from docx import Document

    doc = Document()
    for text in [*data.situation, *data.shortcomings, *data.causes, *data.directions, *data.proposals]:
        doc.add_paragraph(text)
    for rows in (data.tasks_by_status, data.not_reported, data.timeliness):
        if not rows:
            continue
        values = [[str(v) for v in dataclasses.astuple(r)] for r in rows]
        table = doc.add_table(rows=len(values), cols=len(values[0]))
        for cells, row in zip(table.rows, values, strict=True):
            for cell, value in zip(cells.cells, row, strict=True):
                cell.text = value
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _with_database(runs: int) -> bool:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    from benchmarks.dashboard import _build
    from trienkhai.reports.docx_writer import build_docx
    from trienkhai.reports.xlsx_writer import build_xlsx
    from trienkhai_web.reports.queries import build_report_data

    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)
    plan, period, _users, _report = _build()
    gather = _median("gather from the database", lambda: build_report_data(plan, period), runs)
    docx = _median("gather + docx", lambda: build_docx(build_report_data(plan, period)), runs)
    xlsx = _median("gather + xlsx", lambda: build_xlsx(build_report_data(plan, period)), runs)
    return all(t < GOAL_SECONDS for t in (gather, docx, xlsx))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", action="store_true", help="also measure end to end on a fresh SQLite database")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if args.child:
        return 0 if _with_database(args.runs) else 1
    ok = _in_memory(args.runs)
    if args.database:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
                       DJANGO_SETTINGS_MODULE="trienkhai_web.settings", MEDIA_ROOT=tmp)
            ok = subprocess.call([sys.executable, "-m", "benchmarks.report", "--child", "--runs", str(args.runs)],
                                 env=env) == 0 and ok
    print("goal < 3 s:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
