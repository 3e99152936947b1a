#!/usr/bin/env python3
"""Write the bundled example as MS Forms and LimeSurvey would export it.

What it writes (all committed, so CI needs neither Python nor this script)
-------------------------------------------------------------------------
* ``tests/data/export-msforms/``: ``ronde-1/antwoorden.xlsx``, an MS
  Forms-style workbook (sheet ``Form1``; columns ``Id``, ``Begintijd``,
  ``Tijd van voltooien``, ``E-mail``, ``Naam``; every rating column named by
  its full question text, with punctuation and ``?``; answers as the label
  texts MS Forms writes), and its ``study.toml``;
* ``tests/data/export-limesurvey/``: ``ronde-1/results-survey417.csv``, a
  LimeSurvey-style response export (``;``, every field quoted, id column
  ``id``, ``submitdate``/``lastpage``/``startlanguage``/``seed``, a list
  question with an ``-oth-`` answer and its ``[other]`` text column, and the
  ratings as answer codes: ``A1``..``A4`` for herkenbaarheid, ``B1``..``B4``
  for toepasbaarheid, ``A9``/``B9`` for "weet niet"), and its ``study.toml``;
* ``tests/data/hostile/xlsx_*``: hostile xlsx cases (corrupt zip, a sheet
  that is not there, an empty sheet, odd cells) for ``tests/hostile.rs``.

Both exports hold the same answers as the canonical
``input/npuls-docentondersteuning/ronde-1/questionnaire.csv`` (its deliberate
defects included: the ``weet niet``, the invalid ``5``, the spaced capital
label), so ``tests/exports.rs`` can require byte-identical score tables. One
difference: survey tools number every submission, so the canonical file's
resubmitted row (line 86, a duplicate id that peil excludes) is left out.
The canonical study.toml's later rounds (and the items only they hold) are
left out too: the variants hold round ``ronde-1``.

The xlsx files are written with the standard library alone (zipfile and
hand-written SpreadsheetML, fixed timestamps), so re-running gives
byte-identical files. Run from the repository root with Python 3.11+::

    python3 scripts/gen_export_variants.py
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import tomllib
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
CANON = ROOT / "input" / "npuls-docentondersteuning"
DATA = ROOT / "tests" / "data"
RESUBMITTED_LINE = 86  # the canonical file's duplicate id (see its README)

MEASURE_QUESTION = {
    "herkenbaarheid": "Hoe herkenbaar is dit voor uw werk?",
    "toepasbaarheid": "Hoe toepasbaar is dit in uw werk?",
}
MEASURE_SUFFIX = {"herkenbaarheid": "herk", "toepasbaarheid": "toep"}
CODE_LETTER = {"herkenbaarheid": "A", "toepasbaarheid": "B"}
SECTOR_Q = "In welke sector\nwerkt u?"  # MS Forms keeps the question's line break
INSTITUTION_Q = "Bij welke instelling werkt u?"

# --------------------------------------------------------------------------
# The canonical study


def ronde_1_only(text):
    """The canonical study.toml as round ronde-1 sees it: later rounds and
    their items dropped, `rounds = [...]` lines gone (one round is left)."""
    blocks = text.split("\n\n")
    keep = []
    for b in blocks:
        m = re.search(r'^rounds = \[(.*)\]$', b, re.M)
        if m and '"ronde-1"' not in m.group(1):
            continue
        if b.startswith("[[rounds]]") and 'id = "ronde-1"' not in b:
            continue
        keep.append(re.sub(r"^rounds = \[.*\]\n?", "", b, flags=re.M).rstrip("\n"))
    return "\n\n".join(keep) + "\n"


def canonical():
    """Codebook (round ronde-1), header and data rows (the resubmission left out)."""
    cb = tomllib.loads(ronde_1_only((CANON / "study.toml").read_text(encoding="utf-8")))
    text = (CANON / "ronde-1" / "questionnaire.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, data = rows[0], rows[1:]
    data = [r for line, r in enumerate(data, start=2) if line != RESUBMITTED_LINE]
    return cb, header, data


def column_measures(cb):
    """Export column -> (item, measure id)."""
    out = {}
    for item in cb["items"]:
        for measure, col in item["columns"].items():
            out[col] = (item, measure)
    return out


def labels_of(cb, measure):
    for m in cb["measures"]:
        if m["id"] == measure and "labels" in m:
            return {int(k): v for k, v in m["labels"].items()}
    return {int(k): v for k, v in cb["scale"]["labels"].items()}


def rating_of(cell, labels):
    """The canonical cell's rating (1-4), or None when it is not one."""
    t = " ".join(cell.split()).lower()
    for v, label in labels.items():
        if t == label:
            return v
    m = re.fullmatch(r"([1-4])(,0)?", t)
    return int(m.group(1)) if m else None


def toml_str(s):
    """A TOML basic string (JSON's escapes are valid TOML)."""
    return json.dumps(s, ensure_ascii=False)


def variant_toml(cb_text, rename, respondents, round_lines, head, extra=None):
    """The canonical study.toml with columns renamed and sections replaced."""
    out = re.sub(
        r'"([A-Z]+[0-9]+_(?:herk|toep))"',
        lambda m: toml_str(rename[m.group(1)]),
        cb_text,
    )
    out = re.sub(
        r"\[respondents\]\n(?:.+\n)+?\n",
        "[respondents]\n" + respondents + "\n",
        out,
    )
    out = re.sub(r"questionnaire = .*\n", round_lines, out)
    body = out[out.index("[study]") :]
    for old, new in (extra or {}).items():
        assert old in body, old
        body = body.replace(old, new)
    return head + body


# --------------------------------------------------------------------------
# A minimal xlsx writer: shared strings, numbers, dates, error cells.


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


EXCEL_EPOCH = datetime(1899, 12, 30)


def excel_serial(dt):
    delta = dt - EXCEL_EPOCH
    return delta.days + delta.seconds / 86400


class Error(str):
    """An error cell such as #N/A."""


def sheet_xml(rows, first_row=1):
    strings, index = [], {}
    out = []
    for r, row in enumerate(rows, start=first_row):
        if row is None:
            continue
        cells = []
        for c, v in enumerate(row):
            ref = f"{col_letter(c)}{r}"
            if v is None or v == "":
                continue
            if isinstance(v, Error):
                cells.append(f'<c r="{ref}" t="e"><v>{escape(v)}</v></c>')
            elif isinstance(v, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, datetime):
                cells.append(f'<c r="{ref}" s="1"><v>{excel_serial(v)!r}</v></c>')
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData>{"".join(out)}</sheetData></worksheet>'
    )
    return sheet, strings


def write_xlsx(path, sheets):
    """sheets: [(name, rows, first_row)]; rows of None are left empty."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    all_strings, parts = [], []
    for name, rows, first in sheets:
        xml, strings = sheet_xml(rows, first)
        # Re-number this sheet's strings into the workbook's shared table.
        base = len(all_strings)
        xml = re.sub(
            r'(t="s"><v>)(\d+)(</v>)',
            lambda m: f"{m.group(1)}{int(m.group(2)) + base}{m.group(3)}",
            xml,
        )
        all_strings.extend(strings)
        parts.append((name, xml))
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(parts) + 1)
            )
            + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
            + "".join(
                f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                for i, (name, _) in enumerate(parts, start=1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(parts) + 1)
            )
            + f'<Relationship Id="rId{len(parts) + 1}" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{len(parts) + 2}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        # Style 1 is the built-in date-time format 22 (m/d/yyyy h:mm).
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{ns}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            "</styleSheet>"
        ),
        "xl/sharedStrings.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{ns}" count="{len(all_strings)}" uniqueCount="{len(all_strings)}">'
            + "".join(
                f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in all_strings
            )
            + "</sst>"
        ),
    }
    for i, (_, xml) in enumerate(parts, start=1):
        files[f"xl/worksheets/sheet{i}.xml"] = xml
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


# --------------------------------------------------------------------------
# The two exports


def msforms(cb, cb_text, header, data):
    cols = column_measures(cb)
    area_label = {a["id"]: a["label"] for a in cb["areas"]}
    rename = {}
    for col, (item, measure) in cols.items():
        rename[col] = f"{area_label[item['area']]}: {item['text']} - {MEASURE_QUESTION[measure]}"
    rng = random.Random(417)
    out_header = ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", SECTOR_Q, INSTITUTION_Q]
    out_header += [rename[c] for c in header[3:]]
    rows = [out_header]
    start = datetime(2025, 3, 3, 9, 0, 0)
    for n, r in enumerate(data, start=1):
        begin = start + timedelta(seconds=n * 3571 + rng.randrange(600))
        done = begin + timedelta(seconds=600 + rng.randrange(900))
        out = [n, begin, done, f"deelnemer{n:03d}@example.org", f"Deelnemer {n}", r[1], r[2]]
        for col, cell in zip(header[3:], r[3:]):
            _, measure = cols[col]
            labels = labels_of(cb, measure)
            v = rating_of(cell, labels)
            if re.fullmatch(r"[1-4],0", cell):
                out.append(float(v))  # a number cell that Excel shows as "3"
            elif re.fullmatch(r"[1-4]", cell):
                out.append(labels[v].capitalize())  # MS Forms writes the choice text
            elif cell == "5":
                out.append(5)  # the canonical invalid value, as a number cell
            else:
                out.append(cell)
        rows.append(out)
    folder = DATA / "export-msforms"
    write_xlsx(folder / "ronde-1" / "antwoorden.xlsx", [("Form1", rows, 1)])
    respondents = (
        f'id = "Id"\ngroup = {toml_str(" ".join(SECTOR_Q.split()))}\n'
        f"institution = {toml_str(INSTITUTION_Q)}\n"
        'groups = ["mbo", "hbo", "wo"]\n'
    )
    head = (
        "# The bundled example as an MS Forms-style xlsx export: every rating column\n"
        "# is named by its full question text. Written by scripts/gen_export_variants.py.\n\n"
    )
    text = variant_toml(
        cb_text,
        rename,
        respondents,
        'questionnaire = "ronde-1/antwoorden.xlsx"\nsheet = "Form1"\n',
        head,
    )
    (folder / "study.toml").write_text(text, encoding="utf-8")


def limesurvey(cb, cb_text, header, data):
    cols = column_measures(cb)
    rename = {c: f"{c.rsplit('_', 1)[0]}[{MEASURE_SUFFIX[m]}]" for c, (_, m) in cols.items()}
    rng = random.Random(2025)
    out_header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "sector", "instelling", "functie", "functie[other]"]
    out_header += [rename[c] for c in header[3:]]
    rows = [out_header]
    for n, r in enumerate(data, start=1):
        functie = rng.choice(["A1", "A2", "A3", "-oth-"])
        other = "projectleider onderwijsinnovatie" if functie == "-oth-" else ""
        out = [str(n), f"2025-03-{3 + n % 20:02d} {9 + n % 8:02d}:{n % 60:02d}:00", "8", "nl",
               str(rng.randrange(10**8, 10**9)), r[1], r[2], functie, other]
        for col, cell in zip(header[3:], r[3:]):
            _, measure = cols[col]
            letter = CODE_LETTER[measure]
            v = rating_of(cell, labels_of(cb, measure))
            if cell == "  ZEER HERKENBAAR ":
                out.append(f" {letter.lower()}{v} ")  # codes match like labels: any case, spaces
            elif v is not None:
                out.append(f"{letter}{v}")
            elif cell == "weet niet":
                out.append(f"{letter}9")
            elif cell == "5":
                out.append(f"{letter}5")  # not a code of the scale: invalid, as the 5 was
            else:
                assert cell == "", cell
                out.append("")
        rows.append(out)
    folder = DATA / "export-limesurvey"
    path = folder / "ronde-1" / "results-survey417.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8"))
    respondents = 'id = "id"\ngroup = "sector"\ninstitution = "instelling"\ngroups = ["mbo", "hbo", "wo"]\n'
    head = (
        "# The bundled example as a LimeSurvey-style response export with answer codes.\n"
        "# Written by scripts/gen_export_variants.py.\n\n"
    )
    extra = {
        'missing = ["weet niet", "n.v.t.", ""]\n': (
            'missing = ["A9", "B9", ""]            # A9 / B9: "weet niet"\n'
            "codes = { A1 = 1, A2 = 2, A3 = 3, A4 = 4 }\n"
        ),
        'label = "Toepasbaarheid"\n': (
            'label = "Toepasbaarheid"\ncodes = { B1 = 1, B2 = 2, B3 = 3, B4 = 4 }   # this question\'s own answer codes\n'
        ),
    }
    text = variant_toml(
        cb_text,
        rename,
        respondents,
        'questionnaire = "ronde-1/results-survey417.csv"\n',
        head,
        extra,
    )
    (folder / "study.toml").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------
# Hostile xlsx cases

HOSTILE_TOML = """# Hostile-input case: {name}
[study]
name = "Hostile {name}"
language = "en"

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
group = "groep"
institution = "instelling"
groups = ["docent", "werkgever", "student"]

[[measures]]
id = "herkenbaarheid"
label = "Herkenbaarheid"

[[areas]]
id = "a"
label = "Area A"

[[items]]
id = "a1"
area = "a"
text = "First item"
columns = {{ herkenbaarheid = "A1" }}

[[items]]
id = "a2"
area = "a"
text = "Second item"
columns = {{ herkenbaarheid = "Hoe herkenbaar is het tweede item?" }}

[privacy]
min_cell = 3

[[rounds]]
id = "ronde-1"
questionnaire = "ronde-1/questionnaire.xlsx"
{round_extra}"""

HOSTILE_ROWS = [
    ["id", "groep", "instelling", "A1", "Hoe herkenbaar is\nhet tweede item?"],
    [1, "docent", "ROC A", 4, "herkenbaar"],
    [2, "docent", "ROC A", 3.0, 3],
    [3, "docent", "ROC B", 3, "Zeer herkenbaar"],
    [4, "werkgever", "Bedrijf X", 2, 2],
    [5, "werkgever", "Bedrijf Y", 1, 3],
    [6, "werkgever", "Bedrijf Y", 4, 4],
    [7, "student", "School", 4, 4],
    [8, "student", "School", 3, 2],
]


def hostile(name, expect, sheets=None, raw=None, round_extra=""):
    folder = DATA / "hostile" / name
    q = folder / "ronde-1" / "questionnaire.xlsx"
    q.parent.mkdir(parents=True, exist_ok=True)
    if raw is not None:
        q.write_bytes(raw)
    else:
        write_xlsx(q, sheets)
    (folder / "study.toml").write_text(
        HOSTILE_TOML.format(name=name, round_extra=round_extra), encoding="utf-8"
    )
    (folder / "expect.toml").write_text(expect, encoding="utf-8")


def hostile_cases():
    garbage = b"PK\x03\x04" + bytes(random.Random(1).randrange(256) for _ in range(2000))
    hostile(
        "xlsx_corrupt",
        "# A .xlsx that is zip garbage: the data cannot be read (exit 1), and the\n"
        "# message names the file and the fix. Written by scripts/gen_export_variants.py.\n"
        'command = "run"\nexit = 1\n'
        'fragment = ["ronde-1/questionnaire.xlsx", "not a readable xlsx workbook", "fix:"]\n',
        raw=garbage,
    )
    hostile(
        "xlsx_missing_sheet",
        "# [[rounds]] sheet names a sheet the workbook lacks: a configuration error\n"
        "# (exit 2, like a missing column) that lists the sheets there are.\n"
        'command = "run"\nexit = 2\n'
        'fragment = ["ronde-1/questionnaire.xlsx", "no sheet \\"Blad1\\"", "\\"Sheet1\\", \\"Toelichting\\""]\n',
        sheets=[("Sheet1", HOSTILE_ROWS, 1), ("Toelichting", [["Export van 3 maart"]], 1)],
        round_extra='sheet = "Blad1"\n',
    )
    hostile(
        "xlsx_empty_sheet",
        "# The first sheet of the workbook is empty (the answers are on the second):\n"
        "# the data cannot be analysed (exit 1); the message lists the sheets.\n"
        'command = "run"\nexit = 1\n'
        'fragment = ["ronde-1/questionnaire.xlsx", "sheet \\"Form1\\" is empty", "\\"Antwoorden\\""]\n',
        sheets=[("Form1", [], 1), ("Antwoorden", HOSTILE_ROWS, 1)],
    )
    rows = [list(r) for r in HOSTILE_ROWS]
    rows[3][3] = Error("#N/A")  # sheet row 6 below: an error cell is an invalid value
    rows[5][4] = True  # a boolean: invalid too
    hostile(
        "xlsx_cells",
        "# A hand-edited sheet: two empty rows above the header (row 3), an empty\n"
        "# row in between, numbers as numbers (3.0 shows as 3), a header with a line\n"
        "# break, an #N/A error cell and a TRUE. The error and the boolean are\n"
        "# invalid cells listed with the sheet's row numbers (6 and 9); the rest\n"
        "# is read as a CSV export would be (exit 0).\n"
        'command = "run"\nexit = 0\n'
        'fragment = "2 invalid cells"\nrespondents = 8\n'
        'csv_contains = ["6,A1,#N/A", "9,Hoe herkenbaar is het tweede item?,TRUE"]\n',
        sheets=[("Blad1", rows[:4] + [None] + rows[4:], 3)],
    )


def main():
    cb, header, data = canonical()
    cb_text = ronde_1_only((CANON / "study.toml").read_text(encoding="utf-8"))
    msforms(cb, cb_text, header, data)
    limesurvey(cb, cb_text, header, data)
    hostile_cases()


if __name__ == "__main__":
    main()
