#!/usr/bin/env bash
# Runs every fuzz target (cargo-fuzz, libFuzzer, on the nightly toolchain) for FUZZ_SECONDS
# each: 8 by default, the smoke pass the test command runs. Run longer by hand, e.g.
#   FUZZ_SECONDS=600 ./scripts/fuzz.sh            # every target, ten minutes each
#   FUZZ_SECONDS=3600 ./scripts/fuzz.sh rules     # one target, an hour
#   FUZZ_SANITIZER=address FUZZ_SECONDS=600 ./scripts/fuzz.sh   # with AddressSanitizer
# The smoke pass runs without a sanitizer: the project's crates forbid unsafe code, so what
# it looks for is panics, and the sanitizer's build alone cost half a minute of the test
# command's 15. A long run by hand may add it for the dependencies' unsafe code.
# A crash stops the run with its input saved under fuzz/artifacts/TARGET/; copy that file to
# tests/fuzz-regressions/TARGET/ (replayed by tests/fuzz_regressions.rs) and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-8}
sanitizer=${FUZZ_SANITIZER:-none}
if ! command -v cargo-fuzz >/dev/null; then
  echo "== installing cargo-fuzz (once)"
  cargo install cargo-fuzz --locked
fi
targets=${*:-rules contribution flexible resident eligibility fund batch_reader json_requests}
seeds=$(mktemp -d); trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/rules" "$seeds/batch_reader" "$seeds/json_requests"
cp rules/*.toml "$seeds/rules/"
cp tests/payroll/*.csv tests/payroll/*.xlsx "$seeds/batch_reader/"
# Every request of the bad-input catalogue is a seed for the JSON target.
grep -oE '`\{[^`]*\}`' tests/bad-input.md | tr -d '`' | split -l 1 - "$seeds/json_requests/req-"
# Every target built at once when all are run (one cargo run links them side by side).
# FUZZ_BUILD_ONLY=1 builds and stops (the test command builds them early, in the background).
if [ $# = 0 ]; then
  echo "== building the fuzz targets (sanitizer: $sanitizer)"
  cargo +nightly fuzz build --release -s "$sanitizer" > "$seeds/log" 2>&1 || { tail -40 "$seeds/log"; exit 1; }
fi
if [ "${FUZZ_BUILD_ONLY:-0}" = 1 ]; then exit 0; fi
for t in $targets; do
  mkdir -p "fuzz/corpus/$t"
  extra=""; [ -d "$seeds/$t" ] && extra="$seeds/$t"
  echo "== fuzz $t for ${secs}s"
  status=0
  cargo +nightly fuzz run --release -s "$sanitizer" "$t" "fuzz/corpus/$t" $extra -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 > "$seeds/log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|panicked|SUMMARY|artifact' "$seeds/log" || true
  if [ "$status" != 0 ]; then
    tail -40 "$seeds/log"
    echo "fuzz target $t failed (exit $status); a crash input is under fuzz/artifacts/$t"
    exit 1
  fi
done
