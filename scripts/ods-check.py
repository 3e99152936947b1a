#!/usr/bin/env python3
"""Opens every summary.ods given with LibreOffice (headless), converts each
of its sheets to CSV, and compares every cell with the same sheet of the
summary.xlsx beside it, converted the same way: the same sheets, rows and
headers, text equal, numbers equal to 6 decimals. (tests/render.rs checks
summary.xlsx's numbers against the CSV tables, so the ODS holds them too.)
Exits 1 on the first difference.

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


def number(text: str) -> float:
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def same(ods: str, want: str) -> bool:
    if ods == want:
        return True
    try:
        return abs(number(ods) - number(want)) < 5e-7
    except ValueError:
        return False


def sheets(book: pathlib.Path, out: pathlib.Path, work: pathlib.Path) -> dict:
    out.mkdir(parents=True)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile",
         "--convert-to", FILTER, "--outdir", str(out), str(book)],
        check=True, capture_output=True,
    )
    found = {}
    for sheet in sorted(out.glob("summary-*.csv")):
        with open(sheet, newline="", encoding="utf-8") as f:
            found[sheet.stem.removeprefix("summary-")] = list(csv.reader(f))
    if not found:
        sys.exit(f"ods-check: LibreOffice could not open {book}")
    return found


def check(ods: pathlib.Path, work: pathlib.Path) -> int:
    got = sheets(ods, work / "ods", work)
    want = sheets(ods.with_suffix(".xlsx"), work / "xlsx", work)
    if sorted(got) != sorted(want):
        sys.exit(f"ods-check: {ods}: sheets {sorted(got)}, the xlsx has {sorted(want)}")
    cells = 0
    for name, rows in got.items():
        if len(rows) != len(want[name]):
            sys.exit(f"ods-check: {ods} sheet {name}: {len(rows)} rows, the xlsx has {len(want[name])}")
        for r, (g, w) in enumerate(zip(rows, want[name]), start=1):
            # LibreOffice leaves trailing empty cells off a row: pad both.
            width = max(len(g), len(w))
            g, w = g + [""] * (width - len(g)), w + [""] * (width - len(w))
            for c, (a, b) in enumerate(zip(g, w)):
                if not same(a, b):
                    sys.exit(f"ods-check: {ods} sheet {name} row {r} column {c + 1}: {a!r} in the ODS, {b!r} in the xlsx")
                cells += 1
    print(f"{ods}: {len(got)} sheets, {cells} cells equal to summary.xlsx")
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
