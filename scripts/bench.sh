#!/usr/bin/env bash
# Speed and memory of `frontline report` on large synthetic exports, made
# by repeating the rows of sample-data/2026-Q3.csv with fresh emails.
# Usage: scripts/bench.sh [ROWS...]   (default: 30 300 3000)
# Prints rows, wall-clock seconds and peak memory (max RSS) per run.
# Results and their reading are in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/frontline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(30 300 3000)
python3 - "$work" "${sizes[@]}" <<'PY'
import csv, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
with open("sample-data/2026-Q3.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], [r for r in rows[1:] if any(c.strip() for c in r[2:])]
for n in sizes:
    with open(f"{work}/export-{n}.csv", "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(header)
        for i in range(n):
            r = list(body[i % len(body)])
            r[1] = f"rep{i}@bench.example"
            w.writerow(r)
PY
printf '%8s %10s %12s\n' rows seconds max_rss_mb
for n in "${sizes[@]}"; do
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" report "$work/export-$n.csv" --out "$work/out-$n" >/dev/null
  read -r secs kb <"$work/time"
  printf '%8s %10s %12.1f\n' "$n" "$secs" "$(echo "$kb/1024" | bc -l)"
done
