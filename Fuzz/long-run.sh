#!/usr/bin/env bash
# Runs each fuzz target to 10^6 executions (or a time cap), sequentially, at low priority.
cd "$(dirname "$0")"
corpus=/tmp/cifra-fuzz-corpus
mkdir -p $corpus/FuzzCSV $corpus/FuzzPeriod $corpus/FuzzSpec $corpus/FuzzSDMX artifacts
cp /tmp/fuzz-csv-corpus/* $corpus/FuzzCSV/ 2>/dev/null
for label in 2022 2022-03 2022-03-15 2022-Q1 2016_2Q "2022/I P/" "ENE 2022"; do printf '%s' "$label" > "$corpus/FuzzPeriod/$(echo "$label" | tr -c 'A-Za-z0-9' _)"; done
cp ../datasets/*.toml ../datasets/audit/*.toml ../Tests/CLITests/Malformed/*.toml $corpus/FuzzSpec/
printf '\x05abcdefgh' > $corpus/FuzzSDMX/seed
for target in FuzzPeriod FuzzCSV FuzzSDMX FuzzSpec; do
  SWIFT_BACKTRACE=enable=no nice -n 10 .build/release/$target $corpus/$target -runs=1000000 -max_total_time=900 \
    -print_final_stats=1 -artifact_prefix=artifacts/ > artifacts/$target.long.log 2>&1
  echo "$target rc=$?" >> artifacts/long-run.summary
done
