#!/usr/bin/env python3
"""Checks that old.csv / new.csv still carry the shifts PLANTED.md promises.

A deliberately plain keyword check (not frontline's matcher): it counts, per
file, the respondents whose objections answer mentions each planted theme,
checks the enterprise cycle lengths and the reworded header. Run it after
editing either file:  python3 tests/data/quarters/check_planted.py
"""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

THEMES = {
    "security": r"secur|soc 2|gdpr|privacy|breach|pen test|encryption|ciso|"
                r"data residency|iso 27001|hipaa|compliance",
    "price": r"price|pricing|expensive|pricey|cheaper|discount",
    "vendor_risk": r"too small a company|stability|stable|references|"
                   r"never heard of us|trust|go out of business|acquired|viability",
    "integration": r"integrat|crm|erp\b|api\b|sync with|connect to|compatib|existing systems",
    "budget": r"budget",
}

# respondent user (email local part) -> themes, per file
EXPECTED = {
    "old": {
        "price": "aberg bcruz cdunn dello efox ijames jkent klowe mmoss nnash",
        "security": "sshaw ttate",
        "vendor_risk": "",
        "integration": "fgill ghart opark pquinn uvance vwebb wyork xzhu",
        "budget": "cdunn hives mmoss rross ybrook zcole",
    },
    "new": {
        "price": "",
        "security": "aberg bcruz ijames jkent klowe mmoss nnash opark "
                    "sshaw ttate uvance vwebb wyork xzhu ybrook zcole",
        "vendor_risk": "cdunn dello efox fgill ghart hives pquinn rross",
        "integration": "fgill ghart opark pquinn uvance vwebb wyork xzhu",
        "budget": "cdunn efox hives mmoss rross ybrook zcole",
    },
}

ENT_MONTHS = {"old": (3.0, 4.0), "new": (8.0, 10.0)}
WEBSITE_CHANGES_HEADER = {
    "old": "14. If you could make any change to our website, what would you change?",
    "new": "14. What one thing would you change on our website?",
}


def months(text):
    """Midpoint of a simple duration answer, in months."""
    nums = [float(n) for n in re.findall(r"\d+", text)]
    mid = sum(nums) / len(nums)
    if "week" in text:
        return mid * 7 / (365.25 / 12)
    if "day" in text:
        return mid / (365.25 / 12)
    return mid


def check(name, failures):
    with open(HERE / f"{name}.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    if len(data) != 24 or any(len(r) != 20 for r in rows):
        failures.append(f"{name}: expected 24 rows of 20 columns")
    if header[17] != WEBSITE_CHANGES_HEADER[name]:
        failures.append(f"{name}: website_changes header is {header[17]!r}")
    for theme, pattern in THEMES.items():
        got = sorted(r[1].split("@")[0] for r in data if re.search(pattern, r[4], re.I))
        want = sorted(EXPECTED[name][theme].split())
        status = "ok" if got == want else "MISMATCH"
        print(f"{name}: {theme:<12} {len(got):>2}/24 {status}")
        if got != want:
            failures.append(f"{name}: {theme} got {got}, want {want}")
    lo, hi = ENT_MONTHS[name]
    for r in data:
        if r[3] == "Enterprise" and not lo - 0.3 <= months(r[8]) <= hi + 0.3:
            failures.append(f"{name}: enterprise cycle {r[8]!r} outside {lo}-{hi} months")
    return {r[1]: r for r in data}


def main():
    failures = []
    old, new = check("old", failures), check("new", failures)
    for email, r in old.items():
        n = new[email]
        # only objections (col 4), enterprise cycles (col 8) and timestamps move
        for col in range(1, 20):
            if col in (4, 8):
                continue
            if r[col] != n[col]:
                failures.append(f"{email}: column {col} differs between quarters")
        if r[3] != "Enterprise" and r[8] != n[8]:
            failures.append(f"{email}: non-enterprise cycle changed")
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
