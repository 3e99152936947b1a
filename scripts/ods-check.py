#!/usr/bin/env python3
"""Opens every summary.ods given with LibreOffice (headless), converts each
of its sheets to CSV, and compares every cell with the table's own CSV
beside it (tables/<sheet>.csv): the same header, the same rows, text equal,
numbers equal to 6 decimals (a share shown as a percentage is divided by
100), TRUE/FALSE for true/false. Exits 1 on the first difference.

Usage: scripts/ods-check.py output/*/*/tables/summary.ods
"""

import csv
import pathlib
import subprocess
import sys
import tempfile

# LibreOffice's CSV filter: comma, double quote, UTF-8, from line 1, no
# column types, en-US, not as text, detect numbers, contents as stored (not
# as shown), ..., every sheet (-1) to its own file.
FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"


def same(ods: str, want: str) -> bool:
    if ods == want:
        return True
    if ods.upper() in ("TRUE", "FALSE") and ods.lower() == want:
        return True
    try:
        got = float(ods[:-1]) / 100 if ods.endswith("%") else float(ods)
        return abs(got - float(want)) < 5e-7
    except ValueError:
        return False


def check(ods: pathlib.Path, work: pathlib.Path) -> int:
    out = work / ods.parent.parent.name
    out.mkdir(parents=True)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile",
         "--convert-to", FILTER, "--outdir", str(out), str(ods)],
        check=True, capture_output=True,
    )
    sheets = sorted(out.glob("summary-*.csv"))
    if not sheets:
        sys.exit(f"ods-check: LibreOffice could not open {ods}")
    cells = 0
    for sheet in sheets:
        table = sheet.stem.removeprefix("summary-")
        with open(ods.parent / f"{table}.csv", newline="", encoding="utf-8") as f:
            want = list(csv.reader(f))
        with open(sheet, newline="", encoding="utf-8") as f:
            got = list(csv.reader(f))
        # LibreOffice leaves trailing empty cells off a row: pad it.
        if len(got) != len(want):
            sys.exit(f"ods-check: {ods} sheet {table}: {len(got)} rows, the CSV has {len(want)}")
        for r, (g, w) in enumerate(zip(got, want), start=1):
            g = g + [""] * (len(w) - len(g))
            for c, (a, b) in enumerate(zip(g, w)):
                if not same(a, b):
                    sys.exit(f"ods-check: {ods} sheet {table} row {r} column {want[0][c]}: {a!r} in the ODS, {b!r} in the CSV")
                cells += 1
    print(f"{ods}: {len(sheets)} sheets, {cells} cells equal to the CSV tables")
    return cells


def main() -> None:
    files = [pathlib.Path(p) for p in sys.argv[1:]]
    if not files:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        for i, ods in enumerate(files):
            check(ods, pathlib.Path(tmp) / str(i))


if __name__ == "__main__":
    main()
