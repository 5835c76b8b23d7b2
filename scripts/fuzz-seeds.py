#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/seeds/<target>/) from
in-repo fixtures only: tests/fixtures, tests/bad-inputs, sample-data,
training/corpus and the dev set (tests/data/devset/dev_*). The seeds are
made at run time and not committed; real exports are never read here.
Usage: scripts/fuzz-seeds.py [REPO]"""

import csv
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

REPO = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
OUT = REPO / "fuzz" / "seeds"


def put(target, data):
    """One seed file, named by its hash (so reruns do not duplicate)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def exports():
    dirs = ["tests/fixtures/ingest", "tests/bad-inputs", "sample-data"]
    return [p for d in dirs for p in sorted((REPO / d).glob("*")) if p.is_file()]


def texts(kind):
    """The answer texts of every training and dev-set file of `kind`."""
    files = sorted((REPO / "training/corpus").glob(f"*/{kind}.jsonl"))
    files += sorted((REPO / "tests/data/devset").glob(f"dev_{kind}.jsonl"))
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


def head_rows(data):
    """The first records of a CSV fixture as tab-separated lines."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            rows.append("\t".join(c.replace("\n", " ").replace("\t", " ") for c in row))
            if len(rows) == 6:
                break
    except csv.Error:
        pass  # a broken fixture (bad-inputs): its first rows still seed
    return "\n".join(rows)


def main():
    for p in exports():
        data = p.read_bytes()
        if p.suffix == ".xlsx":
            put("xlsx", data)
            with zipfile.ZipFile(p) as z:
                names = z.namelist()
                parts = [
                    next((z.read(n) for n in names if n.startswith(pre)), b"")
                    for pre in ("xl/worksheets/", "xl/sharedStrings", "xl/styles")
                ]
            put("xlsx", b"\0".join(parts))
            continue
        if p.suffix not in (".csv", ".txt"):
            continue
        put("export", data)
        put("headers", head_rows(data))
    for t in texts("items"):
        put("split", t)
    for t in texts("themes"):
        if "\n" in t or "," in t or ";" in t:
            put("split", t)
    for t in texts("personas"):
        put("personas", t)
    for t in texts("durations"):
        put("durations", t)
    for target in sorted(p.name for p in OUT.iterdir()):
        print(f"seeds/{target}: {len(list((OUT / target).iterdir()))} files")


main()
