#!/usr/bin/env bash
# The library test suites under AddressSanitizer and ThreadSanitizer (separate build folders).
# LeakSanitizer reports from XCTest and Foundation internals are suppressed (Scripts/lsan.supp);
# any report about Cifra's code fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan.supp"
export TSAN_OPTIONS="halt_on_error=1"
for sanitizer in address thread; do
  echo "== swift test --sanitize=$sanitizer"
  swift build --build-tests --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" 2>&1 | tail -1
  # CLITests run the plain debug binary (.build/debug/cifra), not a sanitized one, so they add
  # nothing here; they already ran in `make test-unit`.
  swift test --skip-build --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" --skip CLITests 2>&1 | tail -3
done
