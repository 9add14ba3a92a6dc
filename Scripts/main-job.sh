#!/usr/bin/env bash
# The main job (`make run`): recompute every shipped indicator into out/ and print a summary.
# (Replaced by `cifra refresh datasets/refresh.toml` when the refresh command lands, issue 5.)
# Real files are read in place from ../shared/realdata/ when present.
set -euo pipefail
cifra=$(realpath "${1:-.build/release/cifra}")
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/*.csv out/summary.txt
real=../shared/realdata
failures=0
summary=()

run() {  # run NAME CIFRA-ARGUMENTS...: write out/NAME.csv atomically, record rows
  local name=$1
  shift
  if "$cifra" "$@" --format csv > "out/$name.csv.tmp" 2> "out/$name.log"; then
    mv "out/$name.csv.tmp" "out/$name.csv"
    local command="cifra $*"
    summary+=("$(printf '%-44s %8s  %s' "$name" "$(($(wc -l < "out/$name.csv") - 1))" "${command//..\/shared\/realdata\//}")")
  else
    rm -f "out/$name.csv.tmp"
    summary+=("$(printf '%-44s %8s  %s' "$name" "FAILED" "$(head -1 "out/$name.log")")")
    failures=$((failures + 1))
  fi
}

# Shipped datasets.
run refugee-in-time-resolved sdg refugee-in-time datasets/refugee-cases/data.csv --cohort resolved
run refugee-in-time-filed sdg refugee-in-time datasets/refugee-cases/data.csv --cohort filed
run refugee-in-time-resolved-comar2020 sdg refugee-in-time datasets/refugee-cases/data.csv --non-working datasets/calendars/mx-comar-suspensions.csv
run sdg-10.c.1-fixture-corridors sdg 10.c.1 datasets/rpw-fixture/data.csv --by corridor
run sdg-10.c.1-fixture-global sdg 10.c.1 datasets/rpw-fixture/data.csv --by global

if [ -d "$real" ]; then
  mm=$real/missing_migrants
  run sdg-10.7.3-hdx-by-year sdg 10.7.3 "$mm/Missing_Migrants_Global_Figures.csv" --by year --negative keep
  run sdg-10.7.3-hdx-us-mexico-by-year sdg 10.7.3 "$mm/Missing_Migrants_Global_Figures.csv" --by year --negative keep --where "route=US-Mexico border crossing"
  run sdg-10.7.3-2019-by-year sdg 10.7.3 "$mm/MissingMigrants-Global-2019-03-29T18-36-07.csv" --by year
  run sdg-10.7.3-2020-us-mexico-by-month sdg 10.7.3 "$mm/MissingMigrants-Global-2020-01-08T14-05-32.csv" --by month --where "region=US-Mexico Border"
  run sdg-10.7.3-2026-by-region sdg 10.7.3 "$mm/MissingMigrants-Global-2026-05-06--19_42_11.csv" --by region --negative keep
  run unhcr-recognition-mexico-by-year sdg recognition "$real/unhcr_asylum/asylum-decisions.csv" --by Year --where "Country of asylum (ISO)=MEX"
  run sdg-10.c.1-usa-mex sdg 10.c.1 "$real/remittance_prices/36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv" --null-token .. --corridor USAMEX
  run sdg-17.3.2-published sdg 17.3.2 --published "$real/mexico_remittances/sdg-odsmexico_2023-08-28/indicator_17-3-2.csv"
  rem=$real/mexico_remittances/remesas_mensuales.csv
  run remittances-monthly-yoy growth "$rem" --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --method yoy
  run remittances-annual-pop growth "$rem" --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --freq A --method pop
  run remittances-annual-least-squares growth "$rem" --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --freq A --method least-squares
  run remittances-ytd-yoy growth "$rem" --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --ytd --method yoy
  run remittances-by-state-quarterly-yoy growth "$real/mexico_remittances/remesas_entidad.csv" --value VALOR_USD --period PERIODO --period-freq Q --by ENTIDAD --method yoy
fi

{
  printf '%-44s %8s  %s\n' "output (out/*.csv)" "rows" "command"
  printf '%s\n' "${summary[@]}"
} | tee out/summary.txt
[ "$failures" -eq 0 ] || { echo "$failures output(s) failed; see out/*.log" >&2; exit 1; }
