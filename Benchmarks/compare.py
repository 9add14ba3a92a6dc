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
p.add_argument("--cases", required=True)
p.add_argument("--xlsx", help="a workbook of the regional data (Benchmarks/make_xlsx.py) for the .xlsx task")
p.add_argument("--only", help="run only the tasks whose title contains this text")
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
    return yoy_of(pd.read_csv(data))


def yoy_polars():
    return yoy_polars_of(pl.scan_csv(data))


def yoy_duckdb():
    q = f"""WITH y AS (SELECT region, year, sum(value) AS value FROM read_csv('{data}') GROUP BY region, year)
            SELECT region, year, value,
                   100 * (value - lag(value) OVER w) / lag(value) OVER w AS growth_pct
            FROM y WINDOW w AS (PARTITION BY region ORDER BY year) ORDER BY region, year"""
    return duckdb.connect().execute(q).df()


def yoy_of(df):
    s = df.groupby(["region", "year"])["value"].sum().reset_index()
    s = s.sort_values(["region", "year"])
    s["growth_pct"] = s.groupby("region")["value"].pct_change(fill_method=None) * 100
    return s


def xlsx_cifra():
    text = cifra("growth", args.xlsx, "--value", "value", "--period", "year", "--by", "region",
                 "--collapse", "sum", "--method", "pop", "--format", "csv")
    df = pd.read_csv(io.StringIO(text))
    return df.rename(columns={"period": "year"})[["region", "year", "value", "growth_pct"]]


def xlsx_pandas():
    return yoy_of(pd.read_excel(args.xlsx, engine="openpyxl"))


def xlsx_polars():
    # polars.read_excel's default engine is calamine (fastexcel, Rust).
    return yoy_polars_of(pl.read_excel(args.xlsx).lazy())


def yoy_polars_of(frame):
    return (frame.group_by(["region", "year"]).agg(pl.col("value").sum())
            .sort(["region", "year"])
            .with_columns(((pl.col("value") - pl.col("value").shift(1)) / pl.col("value").shift(1) * 100)
                          .over("region").alias("growth_pct")).collect().to_pandas())


cases = args.cases


def holidays():
    import datetime
    def nth_monday(y, m, n):
        d = datetime.date(y, m, 1)
        return datetime.date(y, m, 1 + (7 - d.weekday()) % 7 + 7 * (n - 1))
    days = []
    for y in range(2018, 2028):
        days += [datetime.date(y, 1, 1), datetime.date(y, 5, 1), datetime.date(y, 5, 5), datetime.date(y, 9, 16),
                 datetime.date(y, 12, 25), nth_monday(y, 2, 1), nth_monday(y, 3, 3), nth_monday(y, 11, 3)]
        if y >= 2024 and (y - 2024) % 6 == 0: days.append(datetime.date(y, 10, 1))
        if y < 2024 and (2024 - y) % 6 == 0: days.append(datetime.date(y, 12, 1))
    return days


HOLIDAYS = holidays()
RESOLVED = ["recognized", "complementary", "rejected"]


def intime_cifra():
    text = cifra("sdg", "refugee-in-time", cases, "--format", "csv")
    df = pd.read_csv(io.StringIO(text))
    return df[["year", "cases", "in_time"]]


def intime_pandas():
    df = pd.read_csv(cases, usecols=["filed", "resolved", "outcome", "extended"], parse_dates=["filed", "resolved"])
    df = df[df["resolved"].notna() & df["outcome"].isin(RESOLVED)]
    f = df["filed"].values.astype("datetime64[D]")
    r = df["resolved"].values.astype("datetime64[D]")
    days = np.busday_count(f + 1, r + 1, holidays=np.array(HOLIDAYS, dtype="datetime64[D]"))
    limit = np.where(df["extended"].values, 90, 45)
    out = pd.DataFrame({"year": df["resolved"].dt.year.values, "in_time": (days <= limit).astype(int)})
    g = out.groupby("year").agg(cases=("in_time", "size"), in_time=("in_time", "sum")).reset_index()
    return g


def intime_polars():
    df = (pl.scan_csv(cases, try_parse_dates=True).select(["filed", "resolved", "outcome", "extended"])
          .filter(pl.col("resolved").is_not_null() & pl.col("outcome").is_in(RESOLVED))
          .with_columns(pl.business_day_count(pl.col("filed").dt.offset_by("1d"), pl.col("resolved").dt.offset_by("1d"),
                                              holidays=HOLIDAYS).alias("days"))
          .with_columns((pl.col("days") <= pl.when(pl.col("extended")).then(90).otherwise(45)).cast(pl.Int64).alias("in_time"))
          .group_by(pl.col("resolved").dt.year().alias("year")).agg(pl.len().alias("cases"), pl.col("in_time").sum())
          .sort("year").collect())
    return df.to_pandas()


def intime_duckdb():
    con = duckdb.connect()
    hol = ", ".join(f"DATE '{h}'" for h in HOLIDAYS)
    q = f"""
    WITH days AS (SELECT d::DATE AS d FROM range(DATE '2018-12-01', DATE '2027-01-01', INTERVAL 1 DAY) t(d)),
    cal AS (SELECT d, sum(CASE WHEN dayofweek(d) IN (0,6) OR d IN ({hol}) THEN 0 ELSE 1 END) OVER (ORDER BY d) AS cum FROM days),
    c AS (SELECT filed, resolved, extended FROM read_csv('{cases}')
          WHERE resolved IS NOT NULL AND outcome IN ('recognized','complementary','rejected'))
    SELECT year(c.resolved) AS year, count(*) AS cases,
           sum(((cr.cum - cf.cum) <= CASE WHEN c.extended THEN 90 ELSE 45 END)::INT) AS in_time
    FROM c JOIN cal cf ON cf.d = c.filed JOIN cal cr ON cr.d = c.resolved GROUP BY 1 ORDER BY 1"""
    return con.execute(q).df()


tasks = {
    "csv read (10^7 rows, 4 cols)" if args.rows == 10_000_000 else f"csv read ({args.rows} rows)":
        {"Cifra": read_cifra, "pandas": read_pandas, "Polars": read_polars, "DuckDB": read_duckdb},
    "csv → grouped yoy of annual sums (end to end)":
        {"Cifra": yoy_cifra, "pandas": yoy_pandas, "Polars": yoy_polars, "DuckDB": yoy_duckdb},
    "csv → refugee applications resolved within 45/90 business days, by year (end to end)":
        {"Cifra": intime_cifra, "pandas": intime_pandas, "Polars": intime_polars, "DuckDB": intime_duckdb},
}
if args.xlsx:
    tasks[".xlsx (one sheet, 4 cols) → grouped yoy of annual sums (end to end; pandas with openpyxl, Polars with calamine)"] = \
        {"Cifra": xlsx_cifra, "pandas": xlsx_pandas, "Polars": xlsx_polars}
if args.only:
    tasks = {name: tools for name, tools in tasks.items() if args.only in name}


def canonical(result):
    if isinstance(result, (int, np.integer)):
        return int(result)
    df = result.copy()
    if "cases" in df:
        df = df[["year", "cases", "in_time"]].astype("int64")
        return df.sort_values("year").reset_index(drop=True)
    df["year"] = df["year"].astype(int)
    return df.sort_values(["region", "year"]).reset_index(drop=True)


def agree(a, b):
    if isinstance(a, int):
        return a == b
    if "cases" in a:
        return a.equals(b)
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
