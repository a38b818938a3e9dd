"""Time to write a province-sized review report (1,000 units, 200 tasks, 20 indicators) as .docx and .xlsx.

    .venv/bin/python benchmarks/report.py [--runs 5]

Prints the median of the runs for each format; the goal is under 3 s each.
"""

from __future__ import annotations

import argparse
import statistics
import time

from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.sample import sample_report
from trienkhai.reports.xlsx_writer import build_xlsx

GOAL_SECONDS = 3.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = sample_report(units=1000, tasks=200, indicators=20)
    results = {}
    for name, build in (("docx", build_docx), ("xlsx", build_xlsx)):
        times, size = [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            size = len(build(data))
            times.append(time.perf_counter() - start)
        results[name] = statistics.median(times)
        print(f"{name}: median {results[name]:.2f} s over {args.runs} runs (min {min(times):.2f}, "
              f"max {max(times):.2f}), {size // 1024} KB")
    ok = all(t < GOAL_SECONDS for t in results.values())
    print("goal < 3 s:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
