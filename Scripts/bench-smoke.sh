#!/usr/bin/env bash
# Benchmark smoke run for CI: small inputs, allocation counts only, against the committed
# thresholds in Benchmarks/Thresholds (tolerance: the relative p90 thresholds in the suites).
# Fails on an allocation regression; an improvement is reported (update the thresholds with
# `CIFRA_BENCH_SMOKE=1 swift package --allow-writing-to-package-directory benchmark thresholds update`).
# Wall-clock numbers are not gated: these machines are shared and noisy.
set -uo pipefail
cd "$(dirname "$0")/../Benchmarks"
log=$(mktemp)
CIFRA_BENCH_SMOKE=1 swift package benchmark thresholds check --no-progress >"$log" 2>&1
status=$?
tail -n 40 "$log"
# A benchmark whose body throws is reported and skipped by the runner, which still exits 0.
if grep -q "^Benchmark .* failed with" "$log"; then
  grep "^Benchmark .* failed with" "$log" >&2
  echo "bench-smoke: a benchmark failed (above)" >&2
  exit 1
fi
if [ $status -ne 0 ]; then
  if grep -q "benchmarkThresholdRegression" "$log"; then
    echo "bench-smoke: allocation regression beyond the committed thresholds" >&2
    exit 1
  fi
  if grep -q "benchmarkThresholdImprovement" "$log"; then
    echo "bench-smoke: allocations improved beyond the thresholds; consider updating Benchmarks/Thresholds" >&2
    exit 0
  fi
  echo "bench-smoke: benchmark run failed" >&2
  exit 1
fi
echo "bench-smoke: allocation counts within the committed thresholds"
