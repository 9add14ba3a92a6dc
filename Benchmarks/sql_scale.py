#!/usr/bin/env python3
"""The scale run of docs/scale-out.md: rows generated inside DuckDB (not as CSV), then the
queries `cifra sql` emits for grouped YoY and Wilson proportions by group, timed, with the
process's peak RSS. Usage: sql_scale.py CIFRA [ROWS] (default 10^8)."""
import os
import resource
import subprocess
import sys
import time

import duckdb

cifra = sys.argv[1]
rows = int(float(sys.argv[2])) if len(sys.argv) > 2 else 100_000_000
months = 480  # forty years of months per series
series = max(1, rows // months)
con = duckdb.connect()
started = time.time()
con.sql(f"""
  CREATE TABLE panel AS
  SELECT 'S' || CAST(i // {months} AS VARCHAR) AS series,
         CAST(DATE '1990-01-01' + INTERVAL (i % {months}) MONTH AS DATE) AS month,
         CASE WHEN hash(i) % 100 = 0 THEN NULL ELSE 100 + (hash(i * 7) % 100000) / 10.0 END AS value,
         CAST(hash(i * 3) % 40 AS BIGINT) AS cases
  FROM range({series * months}) t(i)
""")
generated = time.time() - started
print(f"generated {series * months:,} rows in DuckDB in {generated:.1f} s")


def run(name, arguments):
    query = subprocess.run([cifra, "sql", *arguments], capture_output=True, text=True, check=True).stdout
    started = time.time()
    count = con.sql(f"SELECT COUNT(*) FROM ({query.rstrip().rstrip(';')})").fetchall()[0][0]
    elapsed = time.time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name}: {elapsed:.1f} s, {count:,} result rows, peak RSS so far {peak:,.0f} MiB")


run("grouped yoy", ["growth", "--dialect", "duckdb", "--source", "panel", "--value", "value", "--period", "month",
                    "--period-freq", "M", "--by", "series", "--method", "yoy"])
run("wilson by series", ["proportion", "--dialect", "duckdb", "--source", "panel", "--successes", "cases", "--trials",
                         "cases", "--by", "series"])
print(f"threads {con.sql('SELECT current_setting(' + repr('threads') + ')').fetchall()[0][0]}, duckdb {duckdb.__version__}")
