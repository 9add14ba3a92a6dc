# Cifra — `make run` runs the main job, `make test` runs every test.
# Both install the system libraries first when they are missing (Debian 12: apt-get).

APT_PACKAGES := libopenblas-dev liblapacke-dev zlib1g-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CIFRA := .build/release/cifra

.PHONY: deps build run test test-unit test-sql test-sql-postgres sanitizers fuzz fuzz-long bench-smoke bench clean

deps:
	@dpkg -s $(APT_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y $(APT_PACKAGES); }

build: deps
	swift build -c release --product cifra

run: build
	$(CIFRA) refresh datasets/refresh.toml

# The whole suite: unit and integration tests, the emitted SQL run on DuckDB and Spark, the
# same under ASan and TSan, a short run of every fuzz target, and the benchmark allocation gate.
test: test-unit test-sql sanitizers fuzz bench-smoke

test-unit: deps
	swift build --build-tests
	swift test --skip-build

# `cifra sql` and `refresh --emit-sql` run on DuckDB and local Spark, compared with Cifra
# (real files and a generated 10^6-row file); installs the engines into .venv/ when missing.
test-sql: test-unit
	bash Scripts/sql-engines.sh .build/debug/cifra

# The emitted PostgreSQL on a PostgreSQL server (not in `make test`: it needs a running server;
# psql must reach a database, e.g. PGHOST/PGUSER/PGDATABASE). Debian: apt-get install postgresql.
test-sql-postgres: test-unit
	.venv/bin/python Tests/SQL/check_postgres.py .build/debug/cifra

sanitizers: deps
	bash Scripts/sanitizers.sh

fuzz: deps
	bash Fuzz/run 15

# Every fuzz target until 10^7 executions or FUZZ_SECONDS (default 2 h) each, whichever comes
# first, with the growing corpus kept in Fuzz/corpus; a report line per target (docs/robustness.md).
fuzz-long: deps
	FUZZ_CORPUS=$(CURDIR)/Fuzz/corpus FUZZ_RUNS=$${FUZZ_RUNS:-10000000} bash Fuzz/run $${FUZZ_SECONDS:-7200}

bench-smoke: deps
	bash Scripts/bench-smoke.sh

bench: deps
	cd Benchmarks && swift package benchmark

clean:
	rm -rf .build .build-* out Benchmarks/.build Fuzz/.build
