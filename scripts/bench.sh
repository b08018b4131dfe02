#!/usr/bin/env bash
# Every performance figure of the project next to its target (issue 13), measured on this
# machine: the first load's size, the JS API's first call and per-call time (Node and
# Chromium), navigation to the first result, one contribution natively, `yibao batch` on a
# million rows, and the batch page's worker on 100,000 rows. Figures, not assertions: only
# the build's size gate fails. `--built` skips the build (the test command has just built);
# `--quick` (the test command) leaves out criterion's native benchmarks, whose release build
# alone takes a minute or two on a fresh clone, and issue 23's publicodes and slow-phone runs
# (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
built=no; quick=no
for a in "$@"; do
  case "$a" in --built) built=yes ;; --quick) quick=yes ;; esac
done
if [ "$built" = no ]; then
  source scripts/setup.sh
  ./scripts/build-web.sh > /dev/null
  cargo build --quiet --release --bin yibao
fi
figures=$(mktemp); log=$(mktemp); trap 'rm -f "$figures" "$log"' EXIT
export YIBAO_FIGURES=$figures

node scripts/size-report.mjs dist > /dev/null
if [ "$quick" = no ]; then
  cargo bench --quiet --bench core > "$log" 2>&1 || { cat "$log"; exit 1; }
  grep -E 'time:|change:|^[a-z]' "$log" | grep -vE '^(Benchmarking|Found|Gnuplot|running)' | sed 's/^/native: /'
fi
YIBAO_BIN=${YIBAO_BIN:-target/release/yibao} ./scripts/bench-native.sh
node www/bench/api-node.mjs
node www/bench/browser.mjs
# Issue 23's side-by-side figures (publicodes per wage; the slow phone's first figure before
# and after): about a minute, left out of the test command's --quick run.
if [ "$quick" = no ]; then
  node www/bench/publicodes.mjs
  node www/bench/slow.mjs
fi

python3 - "$figures" "$log" <<'PY'
import re, sys, platform, os, subprocess
figs = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if "\t" in line)
# Criterion's middle estimate, in µs or ms as asked.
bench = open(sys.argv[2]).read()
def criterion(name, unit):
    m = re.search(re.escape(name) + r"\s*\n?\s*time:\s*\[\S+ \S+ (\S+) (\S+) ", bench)
    if not m: return None
    v, u = float(m.group(1)), m.group(2)
    us = v * {"ns": 1e-3, "µs": 1, "us": 1, "ms": 1e3, "s": 1e6}[u]
    return us if unit == "µs" else us / 1e3
figs["native_full_us"] = criterion("contribution: one (济宁, with explanation)", "µs")
figs["native_bare_us"] = criterion("contribution: one (济宁, figures only)", "µs")
figs["native_decode_ms"] = criterion("rules: decode the embedded, build-validated rules (start-up)", "ms")
# key, what, unit, target, at most (True) or at least (False)
rows = [
    ("first_figure_gzip_kb", "first figure: a prerendered page and its stylesheet, gzip", "KB", 150, True),
    ("engine_gzip_kb", "the engine, before the first interaction, gzip", "KB", 150, True),
    ("slow_first_before_ms", "first figure, slow phone: before (files as they are, figure by the engine)", "ms", None, True),
    ("slow_first_after_ms", "first figure, slow phone: after (compressed, prerendered)", "ms", None, True),
    ("slow_alive_after_ms", "the page alive (engine loaded), slow phone, after", "ms", None, True),
    ("native_decode_ms", "rules decoded at start-up (validated at build time), native", "ms", 1, True),
    ("api_first_browser_ms", "JS API first call in Chromium (rules decoded, code compiled)", "ms", 1, True),
    ("navigation_ms", "navigation to the first figure, localhost", "ms", 200, True),
    ("api_bare_node_us", "JS API contribution(), figures only (explain: false), Node", "µs", 10, True),
    ("api_table_per_wage_us", "JS API contributionTable(), per wage (10,000 wages), Node", "µs", None, True),
    ("api_table_vs_publicodes", "contributionTable() per wage against publicodes, Node", "×", 100, False),
    ("api_bare_vs_publicodes", "contribution() figures only against publicodes, Node", "×", None, False),
    ("api_bare_browser_us", "JS API contribution(), figures only (explain: false), Chromium", "µs", 5, True),
    ("api_full_node_us", "JS API contribution() with the full explanation, Node", "µs", 50, True),
    ("api_full_browser_us", "JS API contribution() with the full explanation, Chromium", "µs", 50, True),
    ("native_full_us", "one contribution with explanation, native", "µs", 2, True),
    ("native_bare_us", "one contribution, figures only, native", "µs", None, True),
    ("batch_cli_rows_per_s", "yibao batch, 1,000,000-row CSV, file in → file out", "rows/s", 5_000_000, False),
    ("batch_cli_peak_mb", "yibao batch, peak memory", "MB", 16, True),
    ("batch_browser_ms", "batch page, 100,000 rows computed in the worker", "ms", 50, True),
]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
print(f"\nFigures against issues 13's and 23's targets, on this machine ({os.cpu_count()} cores, {cpu}, {platform.system()}):\n")
print("| what | today | target | met |")
print("|---|---|---|---|")
def show(v, unit):
    v = float(v)
    if unit == "rows/s": return f"{v:,.0f} rows/s"
    if unit == "×": return f"{v:,.0f}×"
    if v == int(v) or v >= 100: return f"{v:.0f} {unit}"
    return f"{v:.1f} {unit}"
for key, what, unit, target, at_most in rows:
    v = figs.get(key)
    if v is None:
        print(f"| {what} | (./scripts/bench.sh measures it) | | |"); continue
    t = "—" if target is None else ("≤ " if at_most else "≥ ") + show(target, unit)
    met = "" if target is None else ("yes" if (float(v) <= target if at_most else float(v) >= target) else "no")
    print(f"| {what} | {show(v, unit)} | {t} | {met} |")
PY
