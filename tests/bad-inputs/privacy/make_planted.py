"""Writes planted.csv: a 14-rep Google Forms style export with personal data
planted where it could leak (see expected.toml for what must not appear).
Run from the repository root: python3 tests/bad-inputs/privacy/make_planted.py
The output is committed; the script documents how it was made."""

import csv
import io

HEADER = open("sample-data/2026-Q3.csv", encoding="utf-8").readline()
questions = next(csv.reader(io.StringIO(HEADER)))[4:]

REPS = [
    # name, email, region, born in
    ("Priya Raghunathan", "priya.raghunathan@vendor.example", "www.emea.example", "Kerala"),
    ("Tobias Wendtland", "twendtland@vendor.example", "www.emea.example", "Bavaria"),
    ("Marisol Quintanilla", "mquintanilla@vendor.example", "www.emea.example", "Jalisco"),
    ("Henrike Osterhaus", "hosterhaus7@vendor.example", "www.emea.example", "Saxony"),
    ("Dmitri Kovalenko", "dkovalenko@vendor.example", "www.emea.example", "Odesa"),
    ("Aoife Brannigan", "abrannigan@vendor.example", "Americas", "Cork"),
    ("Kwabena Asante", "kasante@vendor.example", "Americas", "Kumasi"),
    ("Lucinda Farraday", "lfarraday@vendor.example", "Americas", "Ohio"),
    ("Ignatius Porrima", "iporrima@vendor.example", "Americas", "Texas"),
    ("Yevgenia Strand", "ystrand@vendor.example", "Americas", "Oslo"),
    ("Rosalind Achterberg", "rachterberg@vendor.example", "Americas", "Utrecht"),
    ("Bartholomew Quill", "bquill@vendor.example", "Americas", "Devon"),
    ("Solveig Marchetti", "smarchetti@vendor.example", "Americas", "Turin"),
    ("Zebulon Okafor", "zokafor@vendor.example", "Antarctica", "Lagos"),
]

def answers(i):
    """The 16 answers of rep i, with names and numbers planted."""
    other = REPS[(i + 1) % len(REPS)][0].split()[0]
    cfo = "talked to Maria Gonzalez, their CFO, who said" if i % 3 == 0 else "the CFO said"
    return [
        # 1 objections: first names of colleagues mid-sentence, recurring
        f"1. price - like Priya and Tobias said, too expensive\n2. security review takes 90 days\n3. {cfo} the budget is frozen",
        "CFO, VP Finance",
        "IT director, security lead",
        "demo, security review, legal, 3-6 months of procurement, signature",
        "3-6 months" if i % 2 else "about 90 days",
        f"Is it SOC 2 and ISO 27001 certified? Call me on 07700 900123 or +44 7700 900123; cc {REPS[3][1].split('@')[0]} on this",
        f"a champion like Marisol Quintanilla pushing it, ask Marisol about the Ma\u200bri\u200bsol deal",
        "faster onboarding than Gong; Marisol and Henrike say so",
        f"manual reporting, Priya and Tobias and Marisol and Henrike hear it; IBAN DE89 3704 0044 0532 0130 00",
        "fear of another failed rollout; card 4111 1111 1111 1111 was charged twice",
        "Gong has better call recording, Tobias and Priya lose to them",
        f"support is faster, {other} says; +49 30 12345678, 0151 12345678, 030/1234567",
        "Yes",
        "more case studies at https://vendor.example/cases or www.vendor.example \u202egnicirp\u202c",
        "Partly - missing IT buyers",
        f"prospects say it looks dated; Marisol Quintanilla heard that from Maria Gonzalez, their CFO",
    ]

with open("tests/bad-inputs/privacy/planted.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Timestamp", "Email Address", "Your name", "Which team are you on?",
                "What state or country were you born in?"] + questions)
    for i, (name, email, region, born) in enumerate(REPS):
        w.writerow([f"8/{i + 3}/2026 10:{i:02d}:00", email, name, region, born] + answers(i))
