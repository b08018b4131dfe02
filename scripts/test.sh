#!/usr/bin/env bash
# Runs every test of the project: the rules core (unit, golden, property, rules-check and
# CLI tests), the JS API in headless Chromium, the built web app driven by Playwright, and
# the benchmarks and size report (which print figures and assert nothing about speed).
# Installs what it needs first (quick when present).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
log=$(mktemp); trap 'rm -f "$log"' EXIT
# Each stage's time, printed at the end: CI allows 15 minutes for the whole run.
times=""; t0=$SECONDS; mark() { times+="$(printf '%5d s  %s' $((SECONDS - t0)) "$1")"$'\n'; t0=$SECONDS; }

echo "== rules core: formatting, lints (no unwrap, expect, indexing or panic in the core), rules check, tests"
cargo fmt --all -- --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p yibao-web -p yibao-js -p yibao-batch-js -p yibao-xlsx-js -p yibao-figures-js -- -D warnings
cargo run --quiet -- rules check
cargo test --quiet 2>&1 | tee -a "$log"

mark "rules core (lints, rules check, cargo test)"
echo "== web app (its prerendered pages, the local server), JS API and batch page build, with the size report (budgets: first figure 150 KB, engine 300 KB gzip)"
# The command line (for the tests that hold it to the page, and the benchmarks) builds at the
# same time, in its own target directory, as build-web.sh does with the batch bundle.
CARGO_TARGET_DIR=target/cli cargo build --quiet --release --bin yibao &
cli=$!
./scripts/build-web.sh
wait "$cli"
export YIBAO_BIN=$PWD/target/cli/release/yibao

mark "web build (wasm, size report, npm package) and the CLI"
# The fuzz targets build now, at the lowest priority, while the browser tests run: those wait
# on Chromium more than they compute, and a build at nice 19 takes only the time they leave
# idle (it took about 110 s of the fuzz stage when it ran there, after them).
fuzzlog=$(mktemp)
FUZZ_BUILD_ONLY=1 nice -n 19 ./scripts/fuzz.sh > "$fuzzlog" 2>&1 &
fuzzbuild=$!
ssrlog=$(mktemp); ssrlint=""
# A failing stage ends the run: the build in the background ends with it.
trap 'kill "$fuzzbuild" $ssrlint 2> /dev/null || true; rm -f "$log" "$fuzzlog" "$ssrlog"' EXIT
echo "== JS API in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=$(command -v chromedriver) cargo test --target wasm32-unknown-unknown -p yibao-js 2>&1 | tee -a "$log"

mark "JS API in Chromium (wasm-bindgen-test)"
echo "== the web app in headless Chromium (Playwright)"
# Two test files at a time: a page mostly waits on Chromium (one file alone used a third of
# the two cores), and each file has its own server and browser.
(cd www && node --test --test-concurrency=2 --test-reporter=tap tests/) 2>&1 | tee -a "$log" | grep -E '^(not )?ok |^# (tests|pass|fail)'

mark "web app in Chromium (Playwright)"
echo "== fuzzing smoke pass (cargo-fuzz, 5 s a target, two at a time; FUZZ_SECONDS and FUZZ_JOBS to change), and the native programs' lints"
wait "$fuzzbuild" || { cat "$fuzzlog"; exit 1; }
# The lints of the web build's native programs (the prerenderer and the local server) run
# beside the smoke pass (two fuzzers and a lint on two cores: the fuzzers run for fixed
# seconds, so the lint only makes them try fewer inputs).
CARGO_TARGET_DIR=target/ssr cargo clippy --quiet -p yibao-web -p yibao-serve --features yibao-web/ssr -- -D warnings > "$ssrlog" 2>&1 &
ssrlint=$!
./scripts/fuzz.sh
echo "== lints of the prerenderer and the local server (run beside the fuzzing)"
wait "$ssrlint" || { cat "$ssrlog"; exit 1; }

mark "fuzzing smoke pass"
echo "== benchmarks (figures against their targets, not assertions)"
./scripts/bench.sh --built --quick

mark "benchmarks"
echo "== time by stage"; printf "%s" "$times"

# One closing line for the whole run.
sum() { grep -Eo "$1" "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(( $(sum '(ok|FAILED)\. [0-9]+ passed') + $(sum '^# pass [0-9]+') ))
failed=$(( $(sum '[0-9]+ failed;') + $(sum '^# fail [0-9]+') ))
echo "all: ${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
