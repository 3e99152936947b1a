#!/usr/bin/env python3
"""Write a large SYNTHETIC study for benchmarks: N respondents x K items x 2 measures.

Usage: python3 scripts/gen_bench_study.py --respondents 100000 [--items 60] [--breakdowns] --out /tmp/bench/s100k

With --breakdowns the export has two more columns, `functie` (6 values, one
of them rare) and `regio` (12 values, 1% empty), named as
`[respondents] breakdowns`.

The export has the usual mess of real ones: `;` delimiter, UTF-8 BOM, CRLF,
scale labels in some cells, a decimal comma in others, missing codes, empty
cells, a few invalid cells, duplicate ids, and a free-text column peil does
not use whose quoted cells sometimes hold the delimiter or a line break (so
records and physical lines differ, as in real exports). Ratings are random (fixed seed):
the figures mean nothing; only the size and shape matter.
"""
import argparse
import os
import random

LABELS = {1: "helemaal niet herkenbaar", 2: "niet herkenbaar", 3: "herkenbaar", 4: "zeer herkenbaar"}
GROUPS = ["mbo", "hbo", "wo"]


FUNCTIES = ["docent", "teamleider", "staf", "onderwijsassistent", "directie"]
REGIOS = ["Groningen", "Friesland", "Drenthe", "Overijssel", "Gelderland", "Utrecht",
          "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg", "Flevoland"]


def breakdown_cells(rng):
    """`functie;regio`: a rare sixth function (about 1 in 50,000) and 1% no region."""
    f = "stagiair" if rng.random() < 0.00002 else FUNCTIES[rng.randrange(len(FUNCTIES))]
    r = "" if rng.random() < 0.01 else REGIOS[rng.randrange(len(REGIOS))]
    return f"{f};{r}"


def codebook(items, areas, breakdowns=False):
    out = [
        "# SYNTHETIC benchmark study written by scripts/gen_bench_study.py",
        "[study]", 'name = "Benchmark"', 'language = "en"', "",
        "[scale]", "min = 1", "max = 4", 'missing = ["weet niet", "n.v.t.", ""]', "[scale.labels]",
    ]
    out += [f'{v} = "{l}"' for v, l in LABELS.items()]
    out += ["", "[respondents]", 'id = "respondent"', 'group = "sector"', 'institution = "instelling"',
            'groups = ["mbo", "hbo", "wo"]']
    if breakdowns:
        out += ['breakdowns = ["functie", "regio"]']
    out += [""]
    for m in ("herkenbaarheid", "toepasbaarheid"):
        out += ["[[measures]]", f'id = "{m}"', f'label = "{m.capitalize()}"', ""]
    for a in range(areas):
        out += ["[[areas]]", f'id = "area{a + 1}"', f'label = "Area {a + 1}"', ""]
    for i in range(items):
        a = i * areas // items + 1
        out += ["[[items]]", f'id = "i{i + 1:03d}"', f'area = "area{a}"', f'text = "Item {i + 1}"',
                f'columns = {{ herkenbaarheid = "Q{i + 1:03d}_h", toepasbaarheid = "Q{i + 1:03d}_t" }}', ""]
    out += ["[[rounds]]", 'id = "r1"', 'questionnaire = "r1/questionnaire.csv"', ""]
    return "\n".join(out)


def cell(rng):
    x = rng.random()
    if x < 0.03:
        return ""
    if x < 0.035:
        return "weet niet"
    if x < 0.0351:
        return "7"  # invalid
    v = min(4, max(1, round(rng.gauss(2.9, 0.8))))
    if x < 0.10:
        return LABELS[v].upper() if x < 0.05 else LABELS[v]
    if x < 0.12:
        return f"{v},0"
    return str(v)


COMMENTS = ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "goed profiel", "\"mist: samenwerking; reflectie\"", "\"zie ook\r\nvorige ronde\""]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--respondents", type=int, required=True)
    ap.add_argument("--items", type=int, default=60)
    ap.add_argument("--areas", type=int, default=6)
    ap.add_argument("--breakdowns", action="store_true")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(20261127)
    os.makedirs(os.path.join(args.out, "r1"), exist_ok=True)
    with open(os.path.join(args.out, "study.toml"), "w", encoding="utf-8") as f:
        f.write(codebook(args.items, args.areas, args.breakdowns))
    cols = [f"Q{i + 1:03d}_{s}" for i in range(args.items) for s in ("h", "t")]
    # A pool of pre-drawn rows keeps generation fast at a million respondents.
    pool = [";".join(cell(rng) for _ in cols) for _ in range(2000)]
    with open(os.path.join(args.out, "r1", "questionnaire.csv"), "w", encoding="utf-8-sig", newline="") as f:
        extra = ["functie", "regio"] if args.breakdowns else []
        f.write(";".join(["respondent", "sector", "instelling"] + extra + cols + ["opmerking"]) + "\r\n")
        for r in range(args.respondents):
            rid = r - 1 if r % 10007 == 10006 else r  # an occasional duplicate id
            g = GROUPS[rng.randrange(3)]
            note = COMMENTS[rng.randrange(len(COMMENTS))]
            cut = breakdown_cells(rng) + ";" if args.breakdowns else ""
            f.write(f"R{rid:07d};{g};{g}-inst {rng.randrange(40):02d};{cut}{pool[rng.randrange(len(pool))]};{note}\r\n")


if __name__ == "__main__":
    main()
