#!/usr/bin/env bash
# The engines the SQL tests run Cifra's emitted queries on: DuckDB and Apache Spark (local
# mode) from PyPI in the project's virtual environment .venv/, and the Java runtime Spark needs.
# Each step is skipped when already present. Then runs Tests/SQL/check_sql.py with CIFRA.
set -euo pipefail
cd "$(dirname "$0")/.."
CIFRA=${1:-.build/debug/cifra}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
if ! command -v java >/dev/null 2>&1; then
  $SUDO apt-get update && $SUDO apt-get install -y openjdk-17-jre-headless
fi
if ! .venv/bin/python -c "import duckdb, pyspark" >/dev/null 2>&1; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet "duckdb==2.0.1" "pyspark==4.3.0"
fi
.venv/bin/python Tests/SQL/check_sql.py "$CIFRA"
