#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for SECONDS each (default 600), one after
# the other, at low priority: the seeds are made from in-repo fixtures
# (scripts/fuzz-seeds.py), new inputs go to fuzz/corpus/<target>, and a
# crash, a hang (-timeout=10) or memory past 2 GB (-rss_limit_mb=2048) stops
# the target with its input in fuzz/artifacts/<target>/. Needs cargo-fuzz
# (`cargo install cargo-fuzz`) and a nightly toolchain, or stable with
# RUSTC_BOOTSTRAP=1; the normal build never needs either.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_CMIN=1 scripts/fuzz.sh ...   also minimises each corpus afterwards
# One log per target in fuzz/logs/; a summary line per target at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(export xlsx split durations personas headers)

# Text targets need no long inputs; exports and workbooks do.
max_len() {
    case $1 in
        export | xlsx) echo 65536 ;;
        headers) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    export RUSTC_BOOTSTRAP=1
fi
# No sanitizer: the code is safe Rust, and without ASan each run is about
# twice as fast; debug assertions are on, so an overflow is a crash.
flags=(-O -a -s none)

python3 scripts/fuzz-seeds.py . >/dev/null
mkdir -p fuzz/logs
(cd fuzz && nice -n 10 cargo "${toolchain[@]}" fuzz build "${flags[@]}")

status=0
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    log="fuzz/logs/$t.log"
    echo "fuzz: $t for ${secs}s (log: $log)"
    if ! (cd fuzz && nice -n 10 cargo "${toolchain[@]}" fuzz run "${flags[@]}" "$t" \
        "corpus/$t" "seeds/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len "$t")" -print_final_stats=1) >"$log" 2>&1; then
        echo "fuzz: $t FAILED, see $log and fuzz/artifacts/$t/"
        status=1
    fi
    if [ "${FUZZ_CMIN:-0}" = 1 ]; then
        (cd fuzz && nice -n 10 cargo "${toolchain[@]}" fuzz cmin "${flags[@]}" "$t" "corpus/$t" \
            -- -rss_limit_mb=2048 -timeout=10) >"fuzz/logs/$t.cmin.log" 2>&1
    fi
done

echo
echo "target      seconds  executions  corpus files"
for t in "${targets[@]}"; do
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/logs/$t.log" | grep -o '[0-9]*$' || echo "?")
    files=$(find "fuzz/corpus/$t" -type f | wc -l)
    printf '%-11s %7s  %10s  %12s\n' "$t" "$secs" "${runs:-?}" "$files"
done
exit $status
