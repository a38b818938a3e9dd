# The two commands of the README:
#   make demo   set everything up, load the demo data into SQLite, serve on http://127.0.0.1:8000
#   make test   the whole test suite (lint, types, migrations, SQLite, PostgreSQL, browser)
#   make bench  the benchmarks, national scale included (TRIENKHAI_BENCH_NATIONAL=quick: 1/10 only, =0: skip)
.PHONY: demo test setup bench lint

setup:
	scripts/setup.sh

demo: setup
	.venv/bin/trienkhai demo
	.venv/bin/trienkhai serve

test:
	scripts/test.sh

lint: setup
	.venv/bin/ruff check src tests benchmarks scripts
	.venv/bin/mypy

bench: setup
	.venv/bin/python -m benchmarks
