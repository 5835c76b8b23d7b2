#!/usr/bin/env bash
# Speed and memory of frontline against its floors and a pandas peer, on
# generated exports (`frontline sample`, Google Forms layout, seed 1).
#
# Usage: scripts/bench.sh [--full] [--repeats N] [--timeout S] [ROWS...]
#   ROWS       sizes to run (default: 1000 10000 100000; --full adds 1000000,
#              an export of about 1.5 GB)
#   --repeats  runs per tool and size; the median wall time is shown
#              (default 3 up to 10,000 rows, 1 above)
#   --timeout  seconds before a run is stopped and shown as "timeout"
#              (default 1200)
# Environment: FRONTLINE_BIN, the binary to measure (default: the release
# build of this checkout; e.g. an older build to compare); BENCH_DIR, where
# exports and the pandas venv are kept (default target/bench).
#
# In one run, for each size: the csv floor (examples/csv_floor.rs), the
# token floor (examples/token_floor.rs), `frontline report`, `frontline
# normalize`, and the pandas peer (scripts/pandas_peer.py, installed from
# scripts/pandas_peer.requirements.txt into a venv on first use). Prints
# wall seconds, throughput (MB of export per second), peak RSS
# (/usr/bin/time's maximum resident set size) and CPU use (user + system
# time over wall time: 200% is both cores busy). Results:
# docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

full=0 repeats="" limit=1200 sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=1 ;;
    --repeats) repeats="$2"; shift ;;
    --timeout) limit="$2"; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
[ "$full" = 1 ] && sizes+=(1000000)

cargo build --release --quiet --bin frontline --example csv_floor --example token_floor
gen=target/release/frontline
bin=${FRONTLINE_BIN:-target/release/frontline}
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"
venv="$dir/venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r scripts/pandas_peer.requirements.txt
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs one command under /usr/bin/time; prints "wall_seconds max_rss_kb cpu%",
# or "timeout" / "failed".
measure() {
  local out="$work/time"
  if timeout "$limit" /usr/bin/time -f '%e %M %P' -o "$out" "$@" >/dev/null 2>"$work/stderr"; then
    cat "$out"
  elif [ $? -eq 124 ]; then
    echo timeout
  else
    echo failed; sed 's/^/    /' "$work/stderr" | tail -3 >&2
  fi
}

# The median of `repeats` runs (by wall time), with that run's peak RSS.
median_run() {
  local n=$1; shift
  local runs=()
  for _ in $(seq "$n"); do
    local r; r=$(measure "$@")
    case "$r" in timeout|failed) echo "$r"; return ;; esac
    runs+=("$r")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p"
}

printf '%9s %8s  %-10s %10s %9s %10s %6s\n' rows MB tool wall_s MB/s peak_MB cpu
for n in "${sizes[@]}"; do
  export_file="$dir/export-$n.csv"
  [ -s "$export_file" ] || "$gen" sample --responses "$n" --seed 1 --layout google_forms --out "$export_file"
  mb=$(echo "scale=3; $(stat -c %s "$export_file") / 1000000" | bc)
  r=${repeats:-$([ "$n" -le 10000 ] && echo 3 || echo 1)}
  for tool in csv_floor token_floor report normalize pandas; do
    case $tool in
      csv_floor|token_floor) cmd=(target/release/examples/$tool "$export_file") ;;
      report) cmd=("$bin" report "$export_file" --out "$work/out-$n" --force) ;;
      normalize) cmd=("$bin" normalize "$export_file" --out "$work/coded-$n.jsonl") ;;
      pandas) cmd=("$venv/bin/python" scripts/pandas_peer.py "$export_file") ;;
    esac
    res=$(median_run "$r" "${cmd[@]}")
    case "$res" in
      timeout|failed) printf '%9s %8s  %-10s %10s %9s %10s %6s\n' "$n" "$mb" "$tool" "$res" - - - ;;
      *)
        read -r secs kb cpu <<<"$res"
        rate=$(echo "scale=3; $mb / ($secs + 0.005)" | bc)
        printf '%9s %8s  %-10s %10s %9.2f %10.1f %6s\n' "$n" "$mb" "$tool" "$secs" "$rate" "$(echo "$kb/1024" | bc -l)" "$cpu" ;;
    esac
  done
done
