"""Runs each task in Cifra (CLI, end to end), pandas, Polars and DuckDB, interleaved
(A B C D A B C D …), takes medians, checks that all tools give the same numbers, and writes
a Markdown report. Called by Benchmarks/compare."""
import argparse, datetime, io, os, platform, statistics, subprocess, sys, time

import duckdb
import numpy as np
import pandas as pd
import polars as pl

p = argparse.ArgumentParser()
p.add_argument("--cifra", required=True)
p.add_argument("--data", required=True)
p.add_argument("--rows", type=int, required=True)
p.add_argument("--repetitions", type=int, default=5)
p.add_argument("--output", required=True)
args = p.parse_args()
data = args.data
threads = os.cpu_count()


def cifra(*arguments):
    out = subprocess.run([args.cifra, *arguments], check=True, capture_output=True, text=True)
    return out.stdout


# Each task: tool -> function returning a canonical result for the agreement check.
def read_cifra():
    import json
    return json.loads(cifra("describe", data, "--format", "json"))["rows"]


def read_pandas():
    return len(pd.read_csv(data))


def read_polars():
    return pl.read_csv(data).height


def read_duckdb():
    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{data}')")
    return con.execute("SELECT count(*) FROM t").fetchone()[0]


def yoy_cifra():
    text = cifra("growth", data, "--value", "value", "--period", "year", "--by", "region",
                 "--collapse", "sum", "--method", "pop", "--format", "csv")
    df = pd.read_csv(io.StringIO(text))
    return df.rename(columns={"period": "year"})[["region", "year", "value", "growth_pct"]]


def yoy_pandas():
    df = pd.read_csv(data)
    s = df.groupby(["region", "year"])["value"].sum().reset_index()
    s = s.sort_values(["region", "year"])
    s["growth_pct"] = s.groupby("region")["value"].pct_change(fill_method=None) * 100
    return s


def yoy_polars():
    return (pl.scan_csv(data).group_by(["region", "year"]).agg(pl.col("value").sum())
            .sort(["region", "year"])
            .with_columns(((pl.col("value") - pl.col("value").shift(1)) / pl.col("value").shift(1) * 100)
                          .over("region").alias("growth_pct")).collect().to_pandas())


def yoy_duckdb():
    q = f"""WITH y AS (SELECT region, year, sum(value) AS value FROM read_csv('{data}') GROUP BY region, year)
            SELECT region, year, value,
                   100 * (value - lag(value) OVER w) / lag(value) OVER w AS growth_pct
            FROM y WINDOW w AS (PARTITION BY region ORDER BY year) ORDER BY region, year"""
    return duckdb.connect().execute(q).df()


tasks = {
    "csv read (10^7 rows, 4 cols)" if args.rows == 10_000_000 else f"csv read ({args.rows} rows)":
        {"Cifra": read_cifra, "pandas": read_pandas, "Polars": read_polars, "DuckDB": read_duckdb},
    "csv → grouped yoy of annual sums (end to end)":
        {"Cifra": yoy_cifra, "pandas": yoy_pandas, "Polars": yoy_polars, "DuckDB": yoy_duckdb},
}


def canonical(result):
    if isinstance(result, (int, np.integer)):
        return int(result)
    df = result.copy()
    df["year"] = df["year"].astype(int)
    return df.sort_values(["region", "year"]).reset_index(drop=True)


def agree(a, b):
    if isinstance(a, int):
        return a == b
    if len(a) != len(b) or list(a["region"]) != list(b["region"]) or list(a["year"]) != list(b["year"]):
        return False
    for column in ["value", "growth_pct"]:
        x, y = a[column].to_numpy(float), b[column].to_numpy(float)
        if not np.array_equal(np.isnan(x), np.isnan(y)):
            return False
        m = ~np.isnan(x)
        if not np.allclose(x[m], y[m], rtol=1e-9, atol=0):
            return False
    return True


lines = []
for task, tools in tasks.items():
    times = {tool: [] for tool in tools}
    results = {}
    for rep in range(args.repetitions):
        for tool, fn in tools.items():
            start = time.perf_counter()
            out = fn()
            times[tool].append(time.perf_counter() - start)
            results[tool] = canonical(out)
    reference = results["pandas"]
    agreement = {tool: agree(results[tool], reference) for tool in tools}
    medians = {tool: statistics.median(v) for tool, v in times.items()}
    fastest_peer = min(medians[t] for t in tools if t != "Cifra")
    lines.append(f"\n### {task}\n\n| tool | median (s) | min (s) | Cifra ÷ tool | same numbers as pandas |\n|---|---|---|---|---|")
    for tool in tools:
        ratio = medians["Cifra"] / medians[tool]
        lines.append(f"| {tool} | {medians[tool]:.3f} | {min(times[tool]):.3f} | {ratio:.2f} | {'yes' if agreement[tool] else 'NO'} |")
    lines.append(f"\nCifra ÷ fastest peer: **{medians['Cifra'] / fastest_peer:.2f}** (below 1 = Cifra faster).")
    if not all(agreement.values()):
        print(f"disagreement in task {task}: {agreement}", file=sys.stderr)

machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
versions = f"pandas {pd.__version__}, Polars {pl.__version__}, DuckDB {duckdb.__version__}, numpy {np.__version__}, Python {platform.python_version()}"
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
header = f"""# Benchmarks: Cifra against pandas, Polars and DuckDB

Generated by `Benchmarks/compare {args.rows} {args.repetitions}` on {datetime.date.today().isoformat()}.
Machine: {machine}. Tools: {versions}; {swift}.
Data: `cifra generate regional --rows {args.rows} --seed 42` (region ×32, year 2000–2024, month, value).
Each task runs the tools interleaved (A B C D …) {args.repetitions} times from a warm page cache;
Cifra runs as the release CLI end to end (process start, read, compute, write CSV to a pipe),
the peers in-process from Python. The timings are noisy on this shared 2-core machine (±20 %).
"""
with open(args.output, "w") as f:
    f.write(header + "\n".join(lines) + "\n")
print(header + "\n".join(lines))
