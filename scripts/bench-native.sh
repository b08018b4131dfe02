#!/usr/bin/env bash
# Native batch benchmark: prints rows per second and peak memory of `yibao batch` on
# generated payrolls of 100,000 and 1,000,000 rows, file in → file out (figures, not
# assertions; the best of three runs, as the machine is shared). Peak memory staying the
# same for ten times the rows is what "memory stays flat" means.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${YIBAO_BIN:-target/release/yibao}
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
for n in 100000 1000000; do
  python3 - "$n" > "$dir/p.csv" <<'PY'
import sys
n = int(sys.argv[1])
out = ["工号,姓名,月工资,单位类型,个人扣款"]
for i in range(n):
    out.append(f"E{i:07d},员工{i},{3000 + (i % 997) * 7.31:.2f},{'机关事业单位' if i % 3 == 0 else '其他单位'},")
sys.stdout.write("\r\n".join(out) + "\r\n")
PY
  size=$(du -m "$dir/p.csv" | cut -f1)
  best=""; peak=0
  for _ in 1 2 3; do
    # Wall time with nanoseconds (GNU time's is to the hundredth), peak memory from GNU time.
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$dir/t" "$bin" batch "$dir/p.csv" --city jining --month 2024-03 --out "$dir/out.csv" 2> /dev/null
    t1=$(date +%s%N)
    ns=$((t1 - t0)); kb=$(tail -1 "$dir/t")
    if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
  rate=$(python3 -c "print(round($n / ($best / 1e9)))")
  echo "native: yibao batch, $n rows (${size} MB), file in → file out: $(python3 -c "print(f'{$best / 1e9:.3f}')") s, $(python3 -c "print(f'{$rate:,}')") rows/s, peak memory $((peak / 1024)) MB"
  if [ -n "${YIBAO_FIGURES:-}" ] && [ "$n" = 1000000 ]; then
    printf 'batch_cli_rows_per_s\t%s\nbatch_cli_peak_mb\t%s\n' "$rate" "$((peak / 1024))" >> "$YIBAO_FIGURES"
  fi
done
