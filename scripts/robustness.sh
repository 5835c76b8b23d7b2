#!/usr/bin/env bash
# The bad-input corpus (tests/bad-inputs/EXPECTED.toml) through `report`,
# `inspect` and `normalize` of one or two builds, with exit code, peak
# memory (/usr/bin/time -v) and the first line of stderr: the table in
# docs/robustness.md.
#
#   scripts/robustness.sh [AFTER_BINARY [BEFORE_BINARY]]
#
# AFTER_BINARY defaults to target/release/frontline (built if missing).
# Each run gets 60 s and 6 GB of address space (ulimit -v), so that an old
# build's hang or runaway allocation ends instead of taking the machine.
# Generated inputs (the 1 GB shared string, the 50 MB cell, ...) are made
# by `cargo test --test bad_inputs write_generated_inputs -- --ignored`.
set -uo pipefail
cd "$(dirname "$0")/.."

after=${1:-target/release/frontline}
before=${2:-}
if [[ ! -x $after ]]; then
    cargo build --release --locked >&2 || exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
BAD_INPUTS_DIR="$work/gen" cargo test --quiet --test bad_inputs write_generated_inputs \
    -- --ignored >&2 || exit 1
good=tests/bad-inputs/mixed-line-endings.csv
row='9/1/2026 10:00:00,a@x.example,Price,3 months'
header='Timestamp,Email Address,List three (or more) objections you hear from prospects.,How much time does it take to get through the sales cycle?'

# The inputs, in the manifest's order: name and kind.
mapfile -t inputs < <(python3 - <<'EOF'
import tomllib
m = tomllib.load(open("tests/bad-inputs/EXPECTED.toml", "rb"))
for e in m["input"]:
    print(e["name"] + "\t" + e["kind"] + "\t" + " ".join(e.get("args", [])))
EOF
)

# Runs one command of one binary on one input; prints "exit<TAB>MB<TAB>s<TAB>message".
measure() {
    local bin=$1 cmd=$2 name=$3 kind=$4 args=$5
    local out="$work/out" timing="$work/time" err="$work/err"
    rm -rf "$out" "$work/fifo"
    local tail=()
    # The old build knows no --max-input-mb.
    [[ -n $args && $bin == "$after" ]] && read -r -a tail <<< "$args"
    case $cmd in
        report) tail+=(--out "$out") ;;
        normalize) tail+=(--out "$out.jsonl") ;;
    esac
    local path
    case $kind in
        file) path=tests/bad-inputs/$name ;;
        generated) path=$work/gen/$name ;;
    esac
    local run=(/usr/bin/time -v -o "$timing" timeout 60 "$bin" "$cmd")
    (
        ulimit -v 6000000
        case $name in
            stdin) cat "$good" | "${run[@]}" - "${tail[@]}" ;;
            dev-stdin) cat "$good" | "${run[@]}" /dev/stdin "${tail[@]}" ;;
            process-substitution) "${run[@]}" <(cat "$good") "${tail[@]}" ;;
            fifo)
                mkfifo "$work/fifo"
                (cat "$good" > "$work/fifo" &)
                "${run[@]}" "$work/fifo" "${tail[@]}"
                ;;
            dev-zero) "${run[@]}" /dev/zero "${tail[@]}" ;;
            dev-urandom) "${run[@]}" /dev/urandom "${tail[@]}" ;;
            directory) "${run[@]}" "$work" "${tail[@]}" ;;
            endless-stdin)
                { echo "$header"; yes "$row"; } | "${run[@]}" - "${tail[@]}"
                ;;
            stdin-twice) "${run[@]}" - - "${tail[@]}" < "$good" ;;
            *) "${run[@]}" "$path" "${tail[@]}" ;;
        esac
    ) > "$work/stdout" 2> "$err"
    # Unblock a FIFO writer left waiting by a run that never opened it.
    [[ -p $work/fifo ]] && timeout 1 cat "$work/fifo" > /dev/null 2>&1
    local code kb secs
    if grep -q "Command terminated by signal" "$timing"; then
        code="signal $(sed -n 's/.*Command terminated by signal \([0-9]*\).*/\1/p' "$timing")"
    else
        code=$(sed -n 's/.*Exit status: //p' "$timing")
    fi
    [[ $code == 124 ]] && code="timeout"
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing")
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timing")
    local msg summary
    msg=$(grep -v '^\s*$' "$err" | grep -v "^Command\|^\s" | head -1 | cut -c1-110 | tr '|' '/')
    # What a successful run read: report's "Read N rows: ...", inspect's
    # "rows: N = ...".
    summary=$(grep -m1 -o "^Read [0-9]* rows: [0-9]* responses used\|rows: [0-9]* = [0-9]* used" "$work/stdout")
    [[ -n $summary ]] && msg="$summary${msg:+; $msg}"
    printf '%s\t%s\t%s\t%s\n' "$code" "$(( ${kb:-0} / 1024 ))" "$secs" "$msg"
}

echo "| input | command | before: exit, peak MB | before: message | after: exit, peak MB, time | after: message |"
echo "|---|---|---|---|---|---|"
for entry in "${inputs[@]}"; do
    IFS=$'\t' read -r name kind args <<< "$entry"
    for cmd in report inspect normalize; do
        [[ $name == stdin-twice && $cmd == inspect ]] && continue
        IFS=$'\t' read -r ac amb asec amsg < <(measure "$after" "$cmd" "$name" "$kind" "${args:-}")
        if [[ -n $before ]]; then
            IFS=$'\t' read -r bc bmb _ bmsg < <(measure "$before" "$cmd" "$name" "$kind" "${args:-}")
            bcol="$bc, $bmb MB"
        else
            bcol="" bmsg=""
        fi
        echo "| \`$name\` | $cmd | $bcol | $bmsg | $ac, $amb MB, $asec | $amsg |"
    done
done
