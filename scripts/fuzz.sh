#!/usr/bin/env bash
# Runs every fuzz target (cargo-fuzz, libFuzzer, on the nightly toolchain) for FUZZ_SECONDS
# each: 5 by default, the smoke pass the test command runs. Each run starts from the corpus
# kept in the repository (fuzz/corpus/TARGET/, minimised) and the seeds (the rule files, the
# payroll fixtures, every request of the bad-input catalogue).
#
# - The smoke pass leaves the kept corpus as it is: what it finds goes to a temporary folder.
# - A campaign keeps what it finds: FUZZ_KEEP=1 adds the new inputs to fuzz/corpus/TARGET/,
#   minimises it (cargo fuzz cmin) and prints each target's figures (runs, coverage, corpus
#   before and after) for the README; commit the corpus then. For example
#     FUZZ_KEEP=1 FUZZ_SECONDS=600 ./scripts/fuzz.sh          # every target, ten minutes each
#     FUZZ_KEEP=1 FUZZ_SECONDS=3600 ./scripts/fuzz.sh rules   # one target, an hour
#   FUZZ_SANITIZER=address adds AddressSanitizer for the dependencies' unsafe code.
# The smoke pass runs without a sanitizer: the project's crates forbid unsafe code, so what
# it looks for is panics, and the sanitizer's build alone cost half a minute of the test
# command's 15.
# A crash stops the run with its input saved under fuzz/artifacts/TARGET/; copy that file to
# tests/fuzz-regressions/TARGET/ (replayed by tests/fuzz_regressions.rs) and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-5}
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
keep=${FUZZ_KEEP:-0}
# One target: fuzzes it for its seconds and prints its figures; in a campaign also
# minimises the kept corpus. Returns non-zero on a crash (its input is then saved).
fuzz_one() {
  local t=$1 log="$seeds/log-$1"
  local kept="fuzz/corpus/$t"
  mkdir -p "$kept"
  local before; before=$(find "$kept" -type f | wc -l)
  local extra=""; [ -d "$seeds/$t" ] && extra="$seeds/$t"
  # libFuzzer writes what it finds to the first folder: the kept corpus in a campaign, a
  # temporary one in the smoke pass (the kept corpus is read either way).
  local out read_also
  if [ "$keep" = 1 ]; then out="$kept"; read_also=""; else out="$seeds/new-$t"; mkdir -p "$out"; read_also="$kept"; fi
  echo "== fuzz $t for ${secs}s"
  local status=0
  cargo +nightly fuzz run --release -s "$sanitizer" "$t" "$out" $read_also $extra -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 > "$log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|panicked|SUMMARY|artifact' "$log" || true
  if [ "$status" != 0 ]; then
    tail -40 "$log"
    echo "fuzz target $t failed (exit $status); a crash input is under fuzz/artifacts/$t"
    return 1
  fi
  if [ "$keep" = 1 ]; then
    local runs cov after
    runs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    cargo +nightly fuzz cmin --release -s "$sanitizer" "$t" "$kept" > "$seeds/cmin.log" 2>&1 || { tail -20 "$seeds/cmin.log"; return 1; }
    # The rules target's largest finds are near-copies of whole rule files (the seeds, which
    # every run reads again anyway): kept out of the repository, which they would double.
    [ "$t" = rules ] && find "$kept" -type f -size +16k -delete
    after=$(find "$kept" -type f | wc -l)
    echo "campaign: $t, ${secs} s: ${runs} runs, ${cov:-cov: ?}; corpus ${before} → ${after} inputs (minimised, $(du -sk --apparent-size "$kept" | cut -f1) KB)"
  fi
}
if [ "$keep" = 1 ]; then
  for t in $targets; do fuzz_one "$t" || exit 1; done
  exit 0
fi
# The smoke pass runs two targets at a time (FUZZ_JOBS to change): a fuzzer uses one core
# for its seconds, so two take the time of one; each target's lines are printed together.
jobs=${FUZZ_JOBS:-2}
set -- $targets
while [ $# -gt 0 ]; do
  batch=("${@:1:$jobs}"); shift $(( $# < jobs ? $# : jobs ))
  pids=()
  for t in "${batch[@]}"; do fuzz_one "$t" > "$seeds/out-$t" 2>&1 & pids+=($!); done
  failed=0
  for i in "${!batch[@]}"; do
    wait "${pids[$i]}" || failed=1
    cat "$seeds/out-${batch[$i]}"
  done
  [ "$failed" = 0 ] || exit 1
done
