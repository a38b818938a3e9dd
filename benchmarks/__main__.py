"""Run every benchmark in turn: `python -m benchmarks [name ...]`."""

from __future__ import annotations

import importlib
import sys

ALL = ["parse_throughput", "dashboard", "report", "load", "jobs_scale", "cover_speed", "coverage_quality", "national"]


def main() -> int:
    names = sys.argv[1:] or ALL
    failed = 0
    for name in names:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            print(f"== {name}: not available ({exc})")
            continue
        print(f"== {name}")
        sys.stdout.flush()
        failed += bool(module.main([]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
