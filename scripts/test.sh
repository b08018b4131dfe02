#!/usr/bin/env bash
# Runs every test of the project. Installs what it needs first (quick when present).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp); trap 'rm -f "$log"' EXIT

echo "== rules core: rules check, unit, golden, property and CLI tests"
cargo run --quiet -- rules check
cargo test --quiet 2>&1 | tee -a "$log"

# One closing line for the whole run.
sum() { grep -Eo "$1" "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum '(ok|FAILED)\. [0-9]+ passed')
failed=$(sum '[0-9]+ failed')
echo "all: ${passed} passed, ${failed} failed"
