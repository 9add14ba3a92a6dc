#!/usr/bin/env bash
# The main job: describe every shipped dataset and every real file in ../shared/realdata/.
# (Replaced by `cifra refresh datasets/refresh.toml` when the refresh command lands.)
set -euo pipefail
cifra=${1:-.build/release/cifra}
cd "$(dirname "$0")/.."
mkdir -p out
status=0
for file in datasets/*/data.csv; do
  [ -e "$file" ] || continue
  echo "== $file"
  "$cifra" describe "$file" --format table || status=1
done
realdata=../shared/realdata
if [ -d "$realdata" ]; then
  while IFS= read -r file; do
    echo "== $file"
    args=()
    case "$file" in
      *API_BM.TRF*) args+=(--skip-rows 4) ;;
      *_Data.csv) args+=(--null-token ..) ;;
      *wid_wb_to_merge.csv) args+=(--null-token NA) ;;
      *MissingMigrants-Global-2020*) args+=(--thousands ,) ;;
      *indicator_17-3-2.csv) args+=(--type Year=period) ;;
    esac
    "$cifra" describe "$file" "${args[@]}" --format table || status=1
  done < <(find "$realdata" -name '*.csv' | sort)
fi
exit $status
