#!/usr/bin/env python3
"""Writes tests/data/breakdowns: a small synthetic study with two breakdown
columns beside the stakeholder group, for peil's breakdown tests.

Synthetic: every rating comes from a seeded random generator. What it holds
on purpose:
- `Functie`: docent (most), teamleider, staf; staf has 3 respondents, below
  min_cell = 5, so it is suppressed and one more group with it (secondary
  suppression); cells written in mixed case and with spaces.
- `Regio en provincie`: Noord, Zuid, West; three rows leave it empty and one
  says "ALL": they count everywhere but in this breakdown (ledger).
- an invalid rating, "weet niet" answers, an area with a missing item.

Run: python3 scripts/gen_breakdowns_fixture.py  (no arguments; deterministic)
"""
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "tests" / "data" / "breakdowns"
ITEMS = ["K1", "K2", "K3", "V1", "V2"]

STUDY = """# Two breakdowns beside the stakeholder group (synthetic, written by
# scripts/gen_breakdowns_fixture.py).
[study]
name = "Breakdown test study"
language = "nl"

[scale]
min = 1
max = 4
missing = ["weet niet", ""]
[scale.labels]
1 = "helemaal niet herkenbaar"
2 = "niet herkenbaar"
3 = "herkenbaar"
4 = "zeer herkenbaar"

[respondents]
id = "id"
group = "sector"
groups = ["mbo", "hbo"]
breakdowns = ["Functie", "Regio en provincie"]

[[measures]]
id = "herkenbaarheid"
label = "Herkenbaarheid"

[[areas]]
id = "kennis"
label = "Kennis"

[[areas]]
id = "vaardig"
label = "Vaardigheden"

[[items]]
id = "k1"
area = "kennis"
text = "Kent de opleidingen"
columns = { herkenbaarheid = "K1" }

[[items]]
id = "k2"
area = "kennis"
text = "Kent de regelgeving"
columns = { herkenbaarheid = "K2" }

[[items]]
id = "k3"
area = "kennis"
text = "Kent het werkveld"
columns = { herkenbaarheid = "K3" }

[[items]]
id = "v1"
area = "vaardig"
text = "Plant het werk"
columns = { herkenbaarheid = "V1" }

[[items]]
id = "v2"
area = "vaardig"
text = "Geeft feedback"
columns = { herkenbaarheid = "V2" }

[privacy]
min_cell = 5

[[rounds]]
id = "ronde-1"
questionnaire = "ronde-1/questionnaire.csv"
"""


def rows(rng):
    functies = ["docent"] * 26 + ["teamleider"] * 8 + ["staf"] * 3
    rng.shuffle(functies)
    spelled = {"docent": ["docent", "Docent", " DOCENT "], "teamleider": ["teamleider", "Teamleider"],
               "staf": ["staf", "Staf "]}
    out = []
    for i, f in enumerate(functies):
        regio = rng.choice(["Noord", "Zuid", "West", "noord"])
        if i in (4, 17, 29):
            regio = ""
        if i == 22:
            regio = "ALL"
        base = {"docent": 3.1, "teamleider": 2.6, "staf": 2.0}[f]
        ratings = []
        for item in ITEMS:
            if rng.random() < 0.08:
                ratings.append("weet niet")
            else:
                v = round(base + rng.uniform(-1.4, 1.4))
                ratings.append(str(min(4, max(1, v))))
        if i == 11:
            ratings[1] = "5"  # invalid: off the scale
        sector = "mbo" if rng.random() < 0.55 else "hbo"
        out.append([f"bd-{i + 1:04d}", sector, rng.choice(spelled[f]), regio] + ratings)
    return out


def main():
    rng = random.Random(20261204)
    (ROOT / "ronde-1").mkdir(parents=True, exist_ok=True)
    (ROOT / "study.toml").write_text(STUDY, encoding="utf-8")
    header = ["id", "sector", "Functie", "Regio en provincie"] + ITEMS
    lines = [";".join(header)] + [";".join(r) for r in rows(rng)]
    (ROOT / "ronde-1" / "questionnaire.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
