"""Counts, for each item planted in tests/bad-inputs/privacy/planted.csv,
how often it reaches any output of a frontline binary: report (3 files),
diff (2 files and --format json), normalize (--redact, jsonl and csv),
inspect, and every stdout and stderr. Items whose `reach` is "as-written"
are not counted in `normalize` without --redact (text as written there).

Usage: python3 scripts/privacy_counts.py path/to/frontline
Prints a Markdown table: planted item | outputs reached | occurrences.
"""

import os
import subprocess
import sys
import tempfile
import tomllib

BIN = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANTED = os.path.join(ROOT, "tests/bad-inputs/privacy/planted.csv")
Q2 = os.path.join(ROOT, "sample-data/2026-Q2.csv")


def run(args, outputs, label):
    p = subprocess.run([BIN] + args, capture_output=True)
    outputs[label + " stdout"] = p.stdout.decode("utf-8", "replace")
    outputs[label + " stderr"] = p.stderr.decode("utf-8", "replace")


def main():
    with open(os.path.join(ROOT, "tests/bad-inputs/privacy/expected.toml"), "rb") as f:
        exp = tomllib.load(f)
    tmp = tempfile.mkdtemp()
    rep, dif = os.path.join(tmp, "report"), os.path.join(tmp, "diff")
    o = {}
    run(["report", PLANTED, "--out", rep], o, "report")
    run(["diff", Q2, rep, "--out", dif], o, "diff")
    for d in (rep, dif):
        for name in os.listdir(d) if os.path.isdir(d) else []:
            with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
                o[name] = f.read()
    run(["diff", Q2, PLANTED, "--format", "json"], o, "diff json")
    run(["normalize", PLANTED, "--redact"], o, "normalize --redact")
    run(["normalize", PLANTED, "--redact", "--format", "csv"], o, "normalize --redact csv")
    run(["normalize", PLANTED], o, "as-written normalize")
    run(["inspect", PLANTED], o, "inspect")
    print("| planted | outputs reached | occurrences |")
    print("|---|---|---|")
    for p in exp["planted"]:
        hits = {}
        for name, text in o.items():
            if p["reach"] == "as-written" and name.startswith("as-written"):
                continue
            n = text.count(p["text"])
            if n:
                hits[name] = n
        shown = p["text"].encode("unicode_escape").decode() if not p["text"].isprintable() else p["text"]
        print(f"| {p['what']}: `{shown}` | {', '.join(sorted(hits)) or '-'} | {sum(hits.values())} |")


if __name__ == "__main__":
    main()
