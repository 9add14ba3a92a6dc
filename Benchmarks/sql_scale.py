#!/usr/bin/env python3
"""The scale run of docs/scale-out.md: rows generated inside DuckDB (not as CSV), then the
queries `cifra sql` emits, timed, with the process's peak RSS. Task `panel`: grouped YoY and
Wilson proportions by group over a monthly panel; task `in-time`: the refugee in-time share
(resolution and filing cohorts) over ROWS case records. Run each task in its own process so
that each peak is its own.
Usage: sql_scale.py CIFRA [ROWS] [panel|in-time] (default 10^8 rows, panel)."""
import os
import resource
import tempfile
import subprocess
import sys
import time

import duckdb

cifra = sys.argv[1]
rows = int(float(sys.argv[2])) if len(sys.argv) > 2 else 100_000_000
task = sys.argv[3] if len(sys.argv) > 3 else "panel"
con = duckdb.connect()


def run(name, arguments):
    query = subprocess.run([cifra, "sql", *arguments], capture_output=True, text=True, check=True).stdout
    started = time.time()
    count = con.sql(f"SELECT COUNT(*) FROM ({query.rstrip().rstrip(';')})").fetchall()[0][0]
    elapsed = time.time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name}: {elapsed:.1f} s, {count:,} result rows, peak RSS so far {peak:,.0f} MiB")


started = time.time()
if task == "panel":
    months = 480  # forty years of months per series
    series = max(1, rows // months)
    con.sql(f"""
      CREATE TABLE panel AS
      SELECT 'S' || CAST(i // {months} AS VARCHAR) AS series,
             CAST(DATE '1990-01-01' + INTERVAL (i % {months}) MONTH AS DATE) AS month,
             CASE WHEN hash(i) % 100 = 0 THEN NULL ELSE 100 + (hash(i * 7) % 100000) / 10.0 END AS value,
             CAST(hash(i * 3) % 40 AS BIGINT) AS cases
      FROM range({series * months}) t(i)
    """)
    print(f"generated {series * months:,} rows in DuckDB in {time.time() - started:.1f} s")
    run("grouped yoy", ["growth", "--dialect", "duckdb", "--source", "panel", "--value", "value", "--period", "month",
                        "--period-freq", "M", "--by", "series", "--method", "yoy"])
    run("wilson by series", ["proportion", "--dialect", "duckdb", "--source", "panel", "--successes", "cases", "--trials",
                             "cases", "--by", "series"])
elif task == "in-time":
    # Cases filed 2013–2024; 12 % pending; resolution 0–199 days later; seven outcome codes.
    con.sql(f"""
      CREATE TABLE cases AS
      SELECT case_id, filed,
             CASE WHEN hash(case_id * 5) % 100 < 12 THEN NULL ELSE CAST(filed + CAST(hash(case_id * 11) % 200 AS INTEGER) AS DATE) END AS resolved,
             CASE WHEN hash(case_id * 5) % 100 < 12 THEN NULL
                  ELSE ['recognized', 'complementary', 'rejected', 'rejected', 'abandoned', 'withdrawn', 'recognized'][CAST(1 + hash(case_id * 13) % 7 AS BIGINT)] END AS outcome,
             CASE WHEN hash(case_id * 17) % 10 = 0 THEN 'true' ELSE 'false' END AS extended
      FROM (SELECT i + 1 AS case_id, CAST(DATE '2013-01-01' + CAST(hash(i) % 4380 AS INTEGER) AS DATE) AS filed FROM range({rows}) t(i))
    """)
    print(f"generated {rows:,} cases in DuckDB in {time.time() - started:.1f} s")
    header = os.path.join(tempfile.mkdtemp(), "cases.csv")
    with open(header, "w") as f:
        f.write("case_id,filed,resolved,outcome,extended\n")
    common = ["refugee-in-time", "--dialect", "duckdb", "--source", "cases", "--header-of", header]
    run("in-time share, resolution cohort", common)
    run("in-time share, filing cohort", common + ["--cohort", "filed"])
else:
    raise SystemExit(f"unknown task {task} (panel, in-time)")
print(f"threads {con.sql('SELECT current_setting(' + repr('threads') + ')').fetchall()[0][0]}, duckdb {duckdb.__version__}")
