#!/usr/bin/env python3
"""Write the bundled example as an SPSS system file (.sav), as a research
team that keeps its questionnaire data in SPSS would hand it over.

What it writes (committed, so CI needs neither Python nor this script)
---------------------------------------------------------------------
* ``tests/data/export-spss/ronde-1/questionnaire.sav`` and its
  ``study.toml``: every row of the canonical
  ``input/npuls-docentondersteuning/ronde-1/questionnaire.csv`` (the
  resubmitted duplicate id included), with

  - ``respondent`` and ``instelling`` as string variables;
  - ``sector`` numeric, 1 = mbo, 2 = hbo, 3 = wo as value labels (nominal),
    as SPSS users code a grouping variable;
  - every rating numeric 1-4 with the measure's labels as value labels, the
    item text as variable label, and 9 = "weet niet" declared user-missing
    (``MISSING VALUES ... (9)``); an empty cell is system-missing; the
    canonical file's invalid 5 stays 5 (no label, off the scale).

* ``tests/data/hostile/sav_user_missing/ronde-1/questionnaire.sav``: six
  cases with a user-missing value (98) and range (97-99), a system-missing
  value, an invalid 5 on case 4, a string variable with a user-missing
  string, a date variable and a group coded by value labels, for
  ``tests/hostile.rs`` (its study.toml and expect.toml are written by hand).

Written by pyreadstat (ReadStat's writer), an implementation independent of
the `ambers` reader peil uses. Run from the repository root::

    pip install pyreadstat pandas
    python3 scripts/gen_spss_export.py
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pandas as pd
import pyreadstat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_export_variants as gv  # noqa: E402  (the canonical study's readers)

OUT = gv.DATA / "export-spss"
HOSTILE = gv.DATA / "hostile" / "sav_user_missing"
SECTORS = {"mbo": 1, "hbo": 2, "wo": 3}
DONT_KNOW = 9


def canonical_all_rows():
    """Codebook (round ronde-1), header and every data row."""
    import csv
    import io
    import tomllib

    cb = tomllib.loads(gv.ronde_1_only((gv.CANON / "study.toml").read_text(encoding="utf-8")))
    text = (gv.CANON / "ronde-1" / "questionnaire.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    return cb, rows[0], rows[1:]


def rating(cell, labels):
    """The SPSS value of a canonical cell: the rating, 9 for weet niet,
    the number itself when it is off the scale, None when empty."""
    t = " ".join(cell.split()).lower()
    if t == "":
        return None
    if t == "weet niet":
        return DONT_KNOW
    r = gv.rating_of(cell, labels)
    if r is not None:
        return r
    return float(t.replace(",", "."))


def write_npuls():
    cb, header, data = canonical_all_rows()
    measures = gv.column_measures(cb)
    frame, var_labels, value_labels, missing = {}, {}, {}, {}
    for i, name in enumerate(header):
        cells = [r[i] for r in data]
        if name == "sector":
            frame[name] = [float(SECTORS[c]) for c in cells]
            value_labels[name] = {float(v): k for k, v in SECTORS.items()}
            var_labels[name] = "In welke sector werkt u?"
        elif name in measures:
            item, measure = measures[name]
            labels = gv.labels_of(cb, measure)
            frame[name] = [rating(c, labels) for c in cells]
            value_labels[name] = {float(v): l for v, l in labels.items()}
            value_labels[name][float(DONT_KNOW)] = "weet niet"
            missing[name] = [DONT_KNOW]
            var_labels[name] = item["text"]
        else:
            frame[name] = cells
            var_labels[name] = {"respondent": "Respondentnummer", "instelling": "Instelling"}[name]
    df = pd.DataFrame(frame)
    (OUT / "ronde-1").mkdir(parents=True, exist_ok=True)
    pyreadstat.write_sav(
        df,
        OUT / "ronde-1" / "questionnaire.sav",
        column_labels=[var_labels[c] for c in df.columns],
        variable_value_labels=value_labels,
        missing_ranges=missing,
        variable_measure={"sector": "nominal", "instelling": "nominal", "respondent": "nominal"},
    )
    toml = (gv.CANON / "study.toml").read_text(encoding="utf-8")
    toml = gv.ronde_1_only(toml)
    toml = toml.replace('questionnaire = "ronde-1/questionnaire.csv"', 'questionnaire = "ronde-1/questionnaire.sav"')
    head = (
        "# The bundled example as an SPSS system file (sector coded 1-3 with value\n"
        "# labels, 9 = weet niet user-missing). Written by scripts/gen_spss_export.py.\n\n"
    )
    (OUT / "study.toml").write_text(head + toml[toml.index("[study]"):], encoding="utf-8")


def write_hostile():
    """User-missing values of every kind, a string and a date variable."""
    df = pd.DataFrame(
        {
            "id": ["a1", "a2", "a3", "a4", "a5", "a6"],
            "functie": [1.0, 1.0, 2.0, 2.0, 3.0, 1.0],
            "datum": [datetime.date(2025, 3, d) for d in (1, 2, 3, 4, 5, 6)],
            "opmerking": ["goed", "nvt", "", "te lang", "nvt", "ok"],
            "v1": [1.0, 2.0, 98.0, 5.0, None, 3.0],
            "v2": [4.0, 99.0, 3.0, 97.0, 2.0, 1.0],
        }
    )
    (HOSTILE / "ronde-1").mkdir(parents=True, exist_ok=True)
    pyreadstat.write_sav(
        df,
        HOSTILE / "ronde-1" / "questionnaire.sav",
        column_labels=["Id", "Functie", "Datum", "Opmerking", "Stelling een", "Stelling twee"],
        variable_value_labels={
            "functie": {1.0: "docent", 2.0: "ondersteuner", 3.0: "leidinggevende"},
            "v1": {1.0: "oneens", 2.0: "neutraal", 3.0: "eens", 4.0: "zeer eens", 98.0: "weet niet"},
        },
        missing_ranges={"v1": [98], "v2": [{"lo": 97, "hi": 99}], "opmerking": ["nvt"]},
    )


if __name__ == "__main__":
    write_npuls()
    write_hostile()
