#!/usr/bin/env bash
# Native batch benchmark: prints rows per second and peak memory of `yibao batch` on
# generated payrolls of 100,000 and 1,000,000 rows (figures, not assertions). Peak memory
# staying the same for ten times the rows is what "memory stays flat" means.
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
  /usr/bin/time -f "%e %M" -o "$dir/t" "$bin" batch "$dir/p.csv" --city jining --month 2024-03 > /dev/null 2>&1
  read -r secs kb < "$dir/t"
  echo "native: yibao batch, $n rows (${size} MB): ${secs} s, $(python3 -c "print(f'{$n / max($secs, 0.001):,.0f}')") rows/s, peak memory $((kb / 1024)) MB"
done
