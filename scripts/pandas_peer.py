#!/usr/bin/env python3
"""The pandas peer of scripts/bench.sh: what an analyst's notebook does
with the same export, the vectorised way, to time frontline against.

- read the Google Forms export (`frontline sample --layout google_forms`):
  two columns of metadata, sixteen question columns ("1. ..." to "16. ..."),
  four segment columns;
- list questions: split the cells on new lines, semicolons and bullets and
  `explode` them into one row per item;
- themes: one `str.contains` per theme with a keyword regex made from the
  codebook's terms, stems and plain phrases (data/codebooks/*.toml), then
  the share of respondents per theme, overall and per segment (`groupby`);
- personas: a `str.contains` per job function; cycle length: numbers and
  units pulled out with `str.extract`, median days per segment.

Prints a short summary (so the work cannot be skipped).
Usage: python3 scripts/pandas_peer.py EXPORT.csv
Requirements: scripts/pandas_peer.requirements.txt (bench.sh installs them
into a venv).
"""
import os
import re
import sys
import tomllib

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Question number (as the Google Forms headers number them) -> codebook.
CODED = {
    1: "buying_concerns", 6: "buying_concerns", 7: "success_factors",
    8: "differentiators", 9: "pains", 10: "pains", 11: "differentiators",
    12: "differentiators", 14: "website", 16: "website",
}
FUNCTIONS = {
    "finance": r"\b(?:cfo|finance|controller|fp&a)\b",
    "it": r"\b(?:cio|it|infrastructure|sysadmin)\b",
    "marketing": r"\b(?:cmo|marketing|demand gen)\b",
    "sales": r"\b(?:cro|sales|revenue)\b",
    "operations": r"\b(?:coo|operations|ops)\b",
    "executive": r"\b(?:ceo|owner|founder|president|gm)\b",
    "procurement": r"\b(?:procurement|purchasing|buyer)\b",
}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}


def theme_regexes(book):
    with open(os.path.join(ROOT, "data", "codebooks", book + ".toml"), "rb") as f:
        data = tomllib.load(f)
    out = {}
    for t in data["theme"]:
        words = [re.escape(w) + r"\w*" for w in t.get("terms", []) + t.get("stems", [])]
        words += [re.escape(w) for w in t.get("words", []) + t.get("abbrevs", [])]
        words += [re.escape(p) for p in t.get("phrases", []) if "*" not in p and "^" not in p]
        if words:
            out[t["id"]] = r"\b(?:" + "|".join(words) + ")"
    return out


def main(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    questions = {int(c.split(".")[0]): c for c in df.columns if re.match(r"^\d+\. ", c)}
    segments = [c for c in df.columns[2:] if c not in questions.values()]
    df["respondent"] = range(len(df))
    summary = {}
    for num, book in CODED.items():
        col = questions[num]
        items = df[["respondent", col] + segments].copy()
        items[col] = items[col].str.split(r"\n|;\s*|^\s*[-•]\s*|\s/\s")
        items = items.explode(col)
        items[col] = items[col].str.strip().str.lower()
        items = items[items[col].str.len() > 0]
        answered = items["respondent"].nunique()
        for theme, rx in theme_regexes(book).items():
            hit = items[col].str.contains(rx, regex=True)
            who = items.loc[hit, ["respondent"] + segments].drop_duplicates("respondent")
            by = who.groupby(segments[1]).size()
            summary[(num, theme)] = (len(who) / max(answered, 1), by.to_dict())
    titles = df[questions[2]].str.lower()
    personas = {f: titles.str.contains(rx, regex=True).mean() for f, rx in FUNCTIONS.items()}
    cycle = df[questions[5]].str.lower().str.extract(r"(\d+)\s*(?:-|to)?\s*(\d+)?\s*\+?\s*(day|week|month|year)")
    days = (pd.to_numeric(cycle[0]) + pd.to_numeric(cycle[1]).fillna(pd.to_numeric(cycle[0]))) / 2
    days = days * cycle[2].map(UNIT_DAYS)
    medians = days.groupby(df[segments[1]]).median()
    top = sorted(summary.items(), key=lambda kv: -kv[1][0])[:5]
    print(f"{len(df)} responses, {len(summary)} theme columns")
    for (num, theme), (share, _) in top:
        print(f"  q{num} {theme}: {share:.1%}")
    print("  personas:", ", ".join(f"{k} {v:.0%}" for k, v in personas.items()))
    print("  median days:", medians.round(0).to_dict())


if __name__ == "__main__":
    main(sys.argv[1])
