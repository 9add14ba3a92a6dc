#!/usr/bin/env python3
"""Runs the SQL Cifra emits on real engines and compares it with Cifra's own output.

For every case: `cifra COMMAND FILE OPTIONS --format csv` is the reference; `cifra sql INDICATOR
--dialect duckdb --source FILE OPTIONS` runs on DuckDB (read_csv), and `--dialect spark --source
src` on a local Spark session where `src` is the file as a temporary view (inferred schema).
Rows are matched by their key columns; text must be equal, nulls where Cifra has nulls, numbers
equal within 1e-12 relative — for growth rates g = 100·(x/b − 1) relative to |100 + g| (the
conditioning of x/b: sums in another order differ in the last bits, and 1 − x/b cancels), and
for R² absolutely (it lies in [0, 1]). Exit 1 on any difference, naming the case, row and column.

Usage: check_sql.py CIFRA [--engines duckdb,spark] [--rows N]   (N: rows of the generated file)
"""
import argparse
import csv
import math
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "datasets")

# (name, command path, indicator for `cifra sql`, file, options, key columns)
CASES = [
    ("mmp-hdx-by-year", ["sdg", "10.7.3"], "sdg-10.7.3", "missing-migrants/Missing_Migrants_Global_Figures.csv",
     ["--by", "year", "--negative", "keep"], ["period"]),
    ("mmp-hdx-by-region-negative-excluded", ["sdg", "10.7.3"], "sdg-10.7.3", "missing-migrants/Missing_Migrants_Global_Figures.csv",
     ["--by", "region", "--negative", "exclude"], ["region"]),
    ("mmp-hdx-us-mexico-by-year-and-cause", ["sdg", "10.7.3"], "sdg-10.7.3", "missing-migrants/Missing_Migrants_Global_Figures.csv",
     ["--by", "year", "--by", "cause", "--where", "route=US-Mexico border crossing", "--negative", "keep"], ["period", "cause"]),
    ("mmp-2019-by-region", ["sdg", "10.7.3"], "sdg-10.7.3", "missing-migrants/MissingMigrants-Global-2019-03-29T18-36-07.csv",
     ["--by", "region"], ["region"]),
    ("mmp-2020-by-year", ["sdg", "10.7.3"], "sdg-10.7.3", "missing-migrants/MissingMigrants-Global-2020-01-08T14-05-32.csv",
     ["--by", "year"], ["period"]),
    ("mmp-2026-total", ["sdg", "10.7.3"], "sdg-10.7.3", "missing-migrants/MissingMigrants-Global-2026-05-06--19_42_11.csv",
     ["--by", "total", "--negative", "exclude"], []),
    ("giro-pop", ["growth"], "growth", "giro-paisano/annual.csv",
     ["--value", "operations_thousands", "--period", "period", "--method", "pop"], ["period"]),
    ("giro-cagr", ["growth"], "growth", "giro-paisano/annual.csv",
     ["--value", "operations_thousands", "--period", "period", "--method", "cagr"], []),
    ("applications-pop", ["growth"], "growth", "refugee-applications/annual.csv",
     ["--value", "applications", "--period", "period", "--method", "pop"], ["period"]),
    ("applications-least-squares", ["growth"], "growth", "refugee-applications/annual.csv",
     ["--value", "applications", "--period", "period", "--method", "least-squares"], []),
    ("applications-exponential-window", ["growth"], "growth", "refugee-applications/annual.csv",
     ["--value", "applications", "--period", "period", "--method", "exponential", "--from", "2014", "--to", "2020"], []),
    ("banxico-monthly-yoy", ["growth"], "growth", "mexico-remittances/remesas_mensuales.csv",
     ["--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--by", "FLUJO", "--method", "yoy"], ["FLUJO", "period"]),
    ("banxico-annual-pop", ["growth"], "growth", "mexico-remittances/remesas_mensuales.csv",
     ["--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--by", "FLUJO", "--freq", "A", "--method", "pop"],
     ["FLUJO", "period"]),
    ("banxico-annual-keep-incomplete", ["growth"], "growth", "mexico-remittances/remesas_mensuales.csv",
     ["--value", "OPERACIONES", "--period", "PERIODO", "--period-freq", "M", "--by", "FLUJO", "--freq", "A", "--keep-incomplete",
      "--method", "pop"], ["FLUJO", "period"]),
    ("banxico-annual-least-squares", ["growth"], "growth", "mexico-remittances/remesas_mensuales.csv",
     ["--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--by", "FLUJO", "--freq", "A", "--method",
      "least-squares"], ["FLUJO"]),
    ("banxico-quarterly-annualized-window", ["growth"], "growth", "mexico-remittances/remesas_mensuales.csv",
     ["--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--where", "FLUJO=Ingresos", "--freq", "Q",
      "--method", "annualized", "--from", "2010-Q1", "--to", "2015-Q4"], ["period"]),
    ("states-quarterly-yoy", ["growth"], "growth", "mexico-remittances/remesas_entidad.csv",
     ["--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "Q", "--by", "ENTIDAD", "--method", "yoy"], ["ENTIDAD", "period"]),
    ("unhcr-recognized-share", ["proportion"], "proportion", "unhcr-asylum/asylum-decisions.csv",
     ["--successes", "Recognized decisions", "--trials", "Total decisions", "--by", "Year",
      "--where", "Country of asylum (ISO)=MEX", "--where", "Cases / Persons=P"], ["Year"]),
    ("unhcr-recognized-share-by-origin-90", ["proportion"], "proportion", "unhcr-asylum/asylum-decisions.csv",
     ["--successes", "Recognized decisions", "--trials", "Total decisions", "--by", "Country of origin (ISO)", "--level", "0.9",
      "--where", "Country of asylum (ISO)=MEX"], ["Country of origin (ISO)"]),
    ("unhcr-recognition-mexico-by-year", ["sdg", "recognition"], "unhcr-recognition", "unhcr-asylum/asylum-decisions.csv",
     ["--by", "Year", "--where", "Country of asylum (ISO)=MEX"], ["Year", "Cases / Persons"]),
    ("unhcr-recognition-by-origin-and-asylum", ["sdg", "recognition"], "unhcr-recognition", "unhcr-asylum/asylum-decisions.csv",
     ["--by", "Country of origin (ISO)", "--by", "Country of asylum (ISO)", "--where", "Year=2022"],
     ["Country of origin (ISO)", "Country of asylum (ISO)", "Cases / Persons"]),
    ("unhcr-recognition-all", ["sdg", "recognition"], "unhcr-recognition", "unhcr-asylum/asylum-decisions.csv", [], ["Cases / Persons"]),
    ("rpw-fixture-by-corridor", ["sdg", "10.c.1"], "sdg-10.c.1", "rpw-fixture/data.csv", [], ["period", "corridor"]),
    ("rpw-fixture-by-firm-type-500", ["sdg", "10.c.1"], "sdg-10.c.1", "rpw-fixture/data.csv",
     ["--by", "firm-type", "--amount", "500"], ["period", "firm_type"]),
    ("rpw-fixture-global-usamex", ["sdg", "10.c.1"], "sdg-10.c.1", "rpw-fixture/data.csv",
     ["--by", "global", "--corridor", "USAMEX"], ["period"]),
    ("in-time-resolved", ["sdg", "refugee-in-time"], "refugee-in-time", "refugee-cases/data.csv", [], ["year"]),
    ("in-time-filed", ["sdg", "refugee-in-time"], "refugee-in-time", "refugee-cases/data.csv", ["--cohort", "filed"], ["year"]),
    ("in-time-filed-as-of-2023", ["sdg", "refugee-in-time"], "refugee-in-time", "refugee-cases/data.csv",
     ["--cohort", "filed", "--as-of", "2023-06-30", "--where", "nationality!=VEN"], ["year"]),
    ("in-time-comar-2020-same-day", ["sdg", "refugee-in-time"], "refugee-in-time", "refugee-cases/data.csv",
     ["--non-working", os.path.join(DATA, "calendars/mx-comar-suspensions.csv"), "--convention", "same-day", "--level", "0.9"], ["year"]),
    ("in-time-30-60-no-extension", ["sdg", "refugee-in-time"], "refugee-in-time", "refugee-cases/data.csv",
     ["--deadline", "30", "--extended-deadline", "60", "--extended", "", "--resolved-outcomes", "recognized,complementary",
      "--closed-outcomes", "rejected,abandoned,withdrawn"], ["year"]),
]


def generated_cases(path, incidents, cases, services):
    return [
        ("generated-rpw-by-corridor", ["sdg", "10.c.1"], "sdg-10.c.1", services, [], ["period", "corridor"]),
        ("generated-rpw-by-period-500", ["sdg", "10.c.1"], "sdg-10.c.1", services, ["--by", "period", "--amount", "500",
         "--where", "firm_type!=Bank"], ["period"]),
        ("generated-in-time-resolved", ["sdg", "refugee-in-time"], "refugee-in-time", cases, ["--where", "region~North"], ["year"]),
        ("generated-in-time-filed", ["sdg", "refugee-in-time"], "refugee-in-time", cases,
         ["--cohort", "filed", "--non-working", os.path.join(DATA, "calendars/mx-comar-suspensions.csv")], ["year"]),
        ("generated-mmp-by-year", ["sdg", "10.7.3"], "sdg-10.7.3", incidents, ["--by", "year"], ["period"]),
        ("generated-mmp-by-route-and-year", ["sdg", "10.7.3"], "sdg-10.7.3", incidents,
         ["--by", "route", "--by", "year", "--where", "cause~Drowning"], ["period", "route"]),
        ("generated-monthly-yoy", ["growth"], "growth", path,
         ["--value", "value", "--period", "month", "--period-freq", "M", "--by", "region", "--by", "flow", "--method", "yoy"],
         ["region", "flow", "period"]),
        ("generated-annual-pop", ["growth"], "growth", path,
         ["--value", "value", "--period", "month", "--period-freq", "M", "--by", "region", "--freq", "A", "--collapse", "sum",
          "--method", "pop"], ["region", "period"]),
        ("generated-least-squares", ["growth"], "growth", path,
         ["--value", "value", "--period", "month", "--period-freq", "M", "--by", "region", "--by", "flow", "--freq", "A",
          "--method", "least-squares"], ["region", "flow"]),
        ("generated-wilson", ["proportion"], "proportion", path,
         ["--successes", "in_time", "--trials", "cases", "--by", "region", "--by", "flow"], ["region", "flow"]),
    ]


def generate(path, rows):
    """A long monthly panel: region × flow series with gaps, blanks, zeros and negatives."""
    rng = random.Random(20261202)
    flows = ["in", "out", "net"]
    months = 120  # ten years per series; the regions grow with the rows
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["region", "flow", "month", "value", "in_time", "cases"])
        written = 0
        region = 0
        while written < rows:
            for flow in flows:
                for m in range(months):
                    if written >= rows:
                        break
                    if rng.random() < 0.01:
                        continue  # a gap: no row for the month
                    year, month = 2000 + m // 12, m % 12 + 1
                    u = rng.random()
                    value = "" if u < 0.01 else ("0" if u < 0.02 else (f"{-rng.uniform(1, 50):.2f}" if u < 0.025 else f"{rng.uniform(10, 5000):.3f}"))
                    cases = rng.randint(0, 40)
                    w.writerow([f"R{region:04d}", flow, f"{year:04d}-{month:02d}-01", value, rng.randint(0, cases), cases])
                    written += 1
            region += 1


def encoding(path):
    """UTF-8, or Windows-1252 for a file that is not (the HDX Missing Migrants export)."""
    try:
        open(path, "rb").read().decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError:
        return "windows-1252"


def utf8_copy(path, folder):
    """`path`, or a UTF-8 copy of it for DuckDB, whose read_csv reads no Windows-1252."""
    if encoding(path) == "UTF-8":
        return path
    copy = os.path.join(folder, "utf8-" + os.path.basename(path))
    with open(path, encoding="cp1252") as f, open(copy, "w", encoding="utf-8") as g:
        g.write(f.read())
    return copy


def generate_incidents(path, rows):
    """A Missing-Migrants-shaped export (2026 website layout): blank counts, thousands commas."""
    rng = random.Random(107)
    routes = ["Central Mediterranean", "US-Mexico border crossing", "Western Balkans", "", "Darien"]
    causes = ["Drowning", "Violence", "Harsh environmental conditions / lack of adequate shelter, food, water", "Mixed or unknown"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Main ID", "Incident ID", "Region", "Incident Date", "Year", "Reported Month", "Number Dead",
                    "Minimum Estimated Number of Missing", "Cause of Death", "Migration route"])
        for i in range(rows):
            year = 2014 + i % 12
            u = rng.random()
            dead = "" if u < 0.2 else str(rng.randint(0, 40))
            missing = "" if u > 0.7 else (f"{rng.randint(1000, 3000):,}" if u < 0.22 else str(rng.randint(0, 60)))
            w.writerow([f"{year}.MMP{i:07d}", f"{year}.MMP{i:07d}", "Americas", f"{year}-{1 + i % 12:02d}-15", year, "",
                        dead, missing, causes[i % len(causes)], routes[rng.randrange(len(routes))]])


def generate_refugee_cases(path, rows):
    """Case records 2012–2025: pending cases, closures, codes in any case with spaces, flags as text."""
    import datetime
    rng = random.Random(4590)
    outcomes = ["recognized", "complementary", "rejected", "Rejected ", " RECOGNIZED", "abandoned", "withdrawn", ""]
    flags = ["false", "true", "", "0", "1", "Yes", "no", "sí"]
    start = datetime.date(2012, 1, 1).toordinal()
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["case_id", "filed", "resolved", "outcome", "extended", "region"])
        for i in range(rows):
            filed = start + rng.randrange(14 * 365 - 200)
            pending = rng.random() < 0.12
            resolved = "" if pending else datetime.date.fromordinal(filed + int(rng.expovariate(1 / 70))).isoformat()
            outcome = "" if pending else outcomes[rng.randrange(len(outcomes) - 1)]
            w.writerow([i + 1, datetime.date.fromordinal(filed).isoformat(), resolved, outcome, flags[rng.randrange(len(flags))],
                        ["North", "South", "Centre"][i % 3]])


def generate_services(path, rows):
    """An RPW-shaped service sheet: quarters 2011–2025, 80 corridors, blank margins (computed
    from the rates), opaque and slow services (not SmaRT-eligible), promotions (negative margins)."""
    rng = random.Random(10_31)
    firms = ["Bank", "Money Transfer Operator", "Post office", "Mobile operator", ""]
    speeds = ["Less than one hour", "Next day", "2 days", "3-5 days", "6 days or more"]
    header = ["id", "period", "source_code", "destination_code", "firm", "firm_type", "speed actual"]
    for p in ("cc1", "cc2"):
        header += [f"{p} lcu amount", f"{p} lcu fee", f"{p} lcu fx rate", f"{p} fx margin"]
    header += ["inter lcu bank fx", "transparent", "corridor"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for i in range(rows):
            quarter = i % 60
            source, dest = f"S{i % 8:02d}", f"D{(i // 8) % 10:02d}"
            interbank = round(rng.uniform(0.5, 20), 4)
            row = [i + 1, f"{2011 + quarter // 4}_{quarter % 4 + 1}Q", source, dest, f"F{rng.randrange(40)}",
                   firms[rng.randrange(len(firms))], speeds[rng.randrange(len(speeds))]]
            for amount in (200, 500):
                rate = round(interbank * (1 - rng.uniform(-0.01, 0.06)), 4)
                margin = "" if rng.random() < 0.2 else f"{100 * (1 - rate / interbank):.9f}"
                row += [amount, f"{rng.uniform(0, 25):.2f}", rate, margin]
            row += [interbank, ["yes", "no", "", "Yes"][rng.randrange(4)], "" if rng.random() < 0.1 else source + dest]
            w.writerow(row)


# Queries that must stop, as Cifra stops: (name, indicator, file, options, text of the error)
STOPS = [
    ("mmp-hdx-negative", "sdg-10.7.3", "missing-migrants/Missing_Migrants_Global_Figures.csv", ["--by", "year"], "negative"),
    ("banxico-duplicate-period", "growth", "mexico-remittances/remesas_mensuales.csv",
     ["--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--method", "pop"], "duplicate period"),
    ("in-time-unknown-outcome", "refugee-in-time", "refugee-cases/data.csv",
     ["--closed-outcomes", "abandoned"], "not a known code"),
    ("in-time-duplicate-case", "refugee-in-time", "refugee-cases/data.csv", ["--id", "nationality"], "repeated case id"),
    ("in-time-outside-calendar", "refugee-in-time", "refugee-cases/data.csv", ["--calendar-years", "2020-2030"],
     "outside the business-day calendar"),
]


def check_stops(cifra, engines, spark, tmp):
    problems = []
    for name, indicator, file, options, fragment in STOPS:
        path = os.path.join(DATA, file)
        for engine in engines:
            source = utf8_copy(path, tmp) if engine == "duckdb" else "src"
            query = emitted(cifra, (name, None, indicator, path, options, None), engine, source)
            try:
                if engine == "duckdb":
                    import duckdb
                    duckdb.sql(query).fetchall()
                else:
                    spark.read.csv(path, header=True, inferSchema=True, encoding=encoding(path), multiLine=True, escape='"').createOrReplaceTempView("src")
                    spark.sql(query.rstrip().rstrip(";")).collect()
                problems.append(f"{name} [{engine}]: the query ran; it should stop with '{fragment}'")
            except Exception as error:  # the engine's error
                if fragment not in str(error):
                    problems.append(f"{name} [{engine}]: stopped, but not with '{fragment}': {str(error)[:300]}")
                else:
                    print(f"{name} [{engine}]: stops with the message, as Cifra does")
    return problems


def read_cifra(cifra, case, path):
    _, command, _, _, options, _ = case
    out = subprocess.run([cifra, *command, path, *options, "--format", "csv", "--quiet"], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{case[0]}: cifra failed ({out.returncode}): {out.stderr.strip()}")
    rows = list(csv.reader(out.stdout.splitlines()))
    return rows[0], [[None if v == "" else v for v in r] for r in rows[1:]]


def emitted(cifra, case, dialect, source):
    _, _, indicator, path, options, _ = case
    header = [] if source.endswith(".csv") else ["--header-of", path]  # a view: its columns are the file's
    out = subprocess.run([cifra, "sql", indicator, "--dialect", dialect, "--source", source, *header, *options], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{case[0]}: cifra sql --dialect {dialect} failed ({out.returncode}): {out.stderr.strip()}")
    return out.stdout


def text(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def compare(name, engine, header, expected, columns, actual, keys):
    if [c.lower() for c in columns] != [c.lower() for c in header]:
        return [f"{name} [{engine}]: columns {columns} != cifra's {header}"]
    if len(actual) != len(expected):
        return [f"{name} [{engine}]: {len(actual)} rows, cifra has {len(expected)}"]
    at = [header.index(k) for k in keys]
    def key(row):
        return tuple("" if row[i] is None else text(row[i]) for i in at)
    mine = {key(r): r for r in expected}
    problems = []
    for row in actual:
        k = key(row)
        if k not in mine:
            problems.append(f"{name} [{engine}]: row {k} not in cifra's output")
            continue
        for column, want, got in zip(header, mine[k], row):
            if want is None or got is None:
                if not (want is None and got is None) and not (want is None and got == ""):
                    problems.append(f"{name} [{engine}]: {k} {column}: cifra {want!r}, engine {got!r}")
                continue
            try:
                a = float(want)
                b = float(got)
                if isinstance(got, (int, float)) or math.isfinite(a):
                    # A rate g = 100·(x/b − 1) (or 100·(e^slope − 1)) is as exact as x/b: its error
                    # scales with |100 + g|. R² lies in [0, 1] and is compared absolutely.
                    rate = column in ("growth_pct", "cagr_pct", "exponential_pct", "least_squares_pct")
                    scale = max(abs(a), abs(b), abs(100 + a) if rate else 0, 1 if column == "r_squared" else 0)
                    if abs(a - b) > 1e-12 * scale:
                        problems.append(f"{name} [{engine}]: {k} {column}: cifra {want}, engine {got!r} (rel {abs(a - b) / max(abs(a), abs(b)):.2e})")
                    continue
            except (TypeError, ValueError):
                pass
            if text(got) != want:
                problems.append(f"{name} [{engine}]: {k} {column}: cifra {want!r}, engine {got!r}")
    return problems[:10]


def sort_key(row):
    """A row's order for matching without key columns: text as is, numbers to 9 digits."""
    out = []
    for v in row:
        t = text(v)
        try:
            out.append((1, f"{float(t):.9g}"))
        except (TypeError, ValueError):
            out.append((0, t or ""))
    return out


def check_refresh(cifra, spec, engines, spark):
    """`refresh --emit-sql` for every SQL-capable output of SPEC, run and compared with the refresh."""
    import json
    tmp = tempfile.mkdtemp(prefix="cifra-refresh-sql-")
    out = subprocess.run([cifra, "refresh", spec, "--out", os.path.join(tmp, "out"), "--quiet"], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"refresh failed: {out.stderr.strip()}")
    manifest = json.load(open(os.path.join(tmp, "out", "manifest.json")))
    files = {o["id"]: o["file"] for o in manifest["outputs"]}
    problems = []
    for engine in engines:
        folder = os.path.join(tmp, "sql-" + engine)
        emitted = subprocess.run([cifra, "refresh", spec, "--emit-sql", folder, "--dialect", engine, "--format", "csv"], capture_output=True, text=True)
        if emitted.returncode != 0:
            raise SystemExit(f"refresh --emit-sql failed: {emitted.stderr.strip()}")
        written = [r for r in csv.DictReader(emitted.stdout.splitlines()) if r["file"]]
        if not written:
            problems.append(f"refresh --emit-sql --dialect {engine} wrote no query")
        scripts = (["inputs.sql"] if engine == "spark" else []) + ["calendar.sql"]
        for script in scripts:
            if not os.path.exists(os.path.join(folder, script)):
                continue
            lines = open(os.path.join(folder, script)).read().splitlines()
            for statement in "\n".join(line for line in lines if not line.strip().startswith("--")).split(";"):
                body = statement.strip()
                if body:
                    if engine == "spark":
                        spark.sql(body)
                    else:
                        import duckdb
                        duckdb.sql(body)
        for row in written:
            query = open(os.path.join(folder, row["file"])).read()
            with open(os.path.join(tmp, "out", files[row["output"]]), newline="") as f:
                reference = list(csv.reader(f))
            header, expected = reference[0], [[None if v == "" else v for v in r] for r in reference[1:]]
            if engine == "duckdb":
                import duckdb
                result = duckdb.sql(query)
                columns, actual = result.columns, [list(r) for r in result.fetchall()]
            else:
                result = spark.sql(query.rstrip().rstrip(";"))
                columns, actual = result.columns, [list(r) for r in result.collect()]
            expected.sort(key=sort_key)
            actual.sort(key=sort_key)
            numbered = [[str(i)] + r for i, r in enumerate(expected)], [[str(i)] + r for i, r in enumerate(actual)]
            found = compare(row["output"] + " (refresh)", engine, ["#"] + header, numbered[0], ["#"] + list(columns), numbered[1], ["#"])
            problems += found
            print(f"refresh {row['output']} [{engine}]: {len(actual)} rows, {'equal' if not found else 'DIFFERENT'}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cifra")
    parser.add_argument("--engines", default="duckdb,spark")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--refresh", default=os.path.join(DATA, "refresh.toml"), help="spec whose --emit-sql queries are checked ('' for none)")
    args = parser.parse_args()
    engines = args.engines.split(",")
    cases = [(n, c, i, os.path.join(DATA, f), o, k) for n, c, i, f, o, k in CASES]
    tmp = tempfile.mkdtemp(prefix="cifra-sql-")
    if args.rows > 0:
        path = os.path.join(tmp, "generated.csv")
        generate(path, args.rows)
        incidents = os.path.join(tmp, "incidents.csv")
        generate_incidents(incidents, max(1, args.rows // 5))
        refugee_cases = os.path.join(tmp, "refugee-cases.csv")
        generate_refugee_cases(refugee_cases, max(1, args.rows // 2))
        services = os.path.join(tmp, "services.csv")
        generate_services(services, max(1, args.rows // 5))
        cases += generated_cases(path, incidents, refugee_cases, services)
    spark = None
    if "spark" in engines:
        from pyspark.sql import SparkSession
        spark = (SparkSession.builder.master("local[2]").appName("cifra-sql-check")
                 .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "4")
                 .config("spark.driver.memory", "4g")
                 .config("spark.sql.legacy.javaCharsets", "true").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
    if "duckdb" in engines:
        import duckdb
    problems = []
    for case in cases:
        name, path = case[0], case[3]
        header, expected = read_cifra(args.cifra, case, path)
        if "duckdb" in engines:
            started = time.time()
            result = duckdb.sql(emitted(args.cifra, case, "duckdb", utf8_copy(path, tmp)))
            columns, actual = result.columns, result.fetchall()
            found = compare(name, "duckdb", header, expected, columns, actual, case[5])
            problems += found
            print(f"{name} [duckdb]: {len(actual)} rows, {'equal' if not found else 'DIFFERENT'} ({time.time() - started:.2f} s)")
        if spark is not None:
            started = time.time()
            spark.read.csv(path, header=True, inferSchema=True, encoding=encoding(path), multiLine=True, escape='"').createOrReplaceTempView("src")
            result = spark.sql(emitted(args.cifra, case, "spark", "src").rstrip().rstrip(";"))
            columns, actual = result.columns, [list(r) for r in result.collect()]
            found = compare(name, "spark", header, expected, columns, actual, case[5])
            problems += found
            print(f"{name} [spark]: {len(actual)} rows, {'equal' if not found else 'DIFFERENT'} ({time.time() - started:.2f} s)")
    problems += check_stops(args.cifra, engines, spark, tmp)
    if args.refresh:
        problems += check_refresh(args.cifra, args.refresh, engines, spark)
    for p in problems:
        print(p, file=sys.stderr)
    if spark is not None:
        spark.stop()
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
