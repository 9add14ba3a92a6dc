#!/usr/bin/env python3
"""The emitted PostgreSQL queries run on a PostgreSQL server and compared with Cifra, as
check_sql.py does for DuckDB and Spark (its cases, its comparison). Not part of `make test`:
CI machines have no server. Needs `psql` reaching a database (PG* environment variables).
Each file is loaded as a table of TEXT columns (COPY … CSV: an unquoted empty field is NULL);
the queries cast what they read. PostgreSQL has no function that stops a query, so the
queries leave Cifra's checks out (docs/scale-out.md) and the STOPS cases are not run.

Usage: check_postgres.py CIFRA [--rows N]"""
import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_sql  # noqa: E402


def psql(sql, csv_out=False):
    out = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"] + (["--csv"] if csv_out else []) + ["-c", sql],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return out.stdout


def load(path):
    encoding = "WIN1252" if check_sql.encoding(path) != "UTF-8" else "UTF8"
    with open(path, newline="", encoding="cp1252" if encoding == "WIN1252" else "utf-8-sig") as f:
        header = next(csv.reader(f))
    columns = ", ".join('"' + h.replace('"', '""') + '" TEXT' for h in header)
    psql(f"DROP TABLE IF EXISTS src; CREATE TABLE src ({columns})")
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                          f"\\copy src FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING '{encoding}')"], input=data, capture_output=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode().strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cifra")
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    cases = [(n, c, i, os.path.join(check_sql.DATA, f), o, k) for n, c, i, f, o, k in check_sql.CASES]
    tmp = tempfile.mkdtemp(prefix="cifra-pg-")
    if args.rows > 0:
        paths = [os.path.join(tmp, name) for name in ("generated.csv", "incidents.csv", "refugee-cases.csv", "services.csv")]
        check_sql.generate(paths[0], args.rows)
        check_sql.generate_incidents(paths[1], max(1, args.rows // 5))
        check_sql.generate_refugee_cases(paths[2], max(1, args.rows // 2))
        check_sql.generate_services(paths[3], max(1, args.rows // 5))
        cases += check_sql.generated_cases(*paths)
    problems = []
    for case in cases:
        name, path = case[0], case[3]
        header, expected = check_sql.read_cifra(args.cifra, case, path)
        load(path)
        query = check_sql.emitted(args.cifra, case, "postgres", "src")
        try:
            rows = list(csv.reader(io.StringIO(psql(query, csv_out=True))))
        except RuntimeError as error:
            problems.append(f"{name} [postgres]: {str(error)[:400]}")
            print(f"{name} [postgres]: FAILED")
            continue
        # psql writes booleans as t/f
        columns, actual = rows[0], [[None if v == "" else {"t": "true", "f": "false"}.get(v, v) for v in r] for r in rows[1:]]
        found = check_sql.compare(name, "postgres", header, expected, columns, actual, case[5])
        problems += found
        print(f"{name} [postgres]: {len(actual)} rows, {'equal' if not found else 'DIFFERENT'}")
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
