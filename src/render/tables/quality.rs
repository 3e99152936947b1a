//! The `data_quality` table: what ingest set aside, file by file; and its
//! summary per reason for the report.
//!
//! Owns its columns and rows, laid out from the [`FileLedger`]s. It must
//! not judge a row or cell: the reasons come ready from ingest.

use std::collections::BTreeMap;

use crate::ledger::{FileLedger, Reason};
use crate::render::table::{Kind, Table, Value};

/// Per file: one `total` row, then one row per excluded row or invalid cell.
pub fn data_quality(ledgers: &[FileLedger]) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "data_quality",
        &[
            ("file", Text),
            ("rows_read", Count),
            ("rows_used", Count),
            ("rows_excluded", Count),
            ("reason", Text),
            ("cells_invalid", Count),
            ("cells_missing", Count),
            ("line", Count),
            ("column", Text),
            ("value", Text),
        ],
    );
    for l in ledgers {
        t.push(vec![
            l.file.as_str().into(),
            Value::Int(l.rows_read),
            Value::Int(l.rows_used),
            Value::Int(l.rows_excluded()),
            "total".into(),
            Value::Int(l.cells_invalid()),
            Value::Int(l.cells_missing),
            Value::Empty,
            Value::Empty,
            Value::Empty,
        ]);
        for e in &l.entries {
            let row_excluded = e.reason.excludes_row();
            t.push(vec![
                l.file.as_str().into(),
                Value::Empty,
                Value::Empty,
                Value::Int(u64::from(row_excluded)),
                e.reason.code().into(),
                Value::Int(u64::from(e.reason.invalid_cell())),
                Value::Empty,
                Value::Int(e.line),
                e.column.as_deref().map_or(Value::Empty, Value::from),
                e.value.as_deref().map_or(Value::Empty, Value::from),
            ]);
        }
    }
    t.note = invalid_note(ledgers);
    t
}

/// Many invalid cells summed up by column and value, for the Markdown
/// ledger (every cell is still a row of the table).
fn invalid_note(ledgers: &[FileLedger]) -> Option<[String; 2]> {
    let mut nl = Vec::new();
    let mut en = Vec::new();
    for l in ledgers {
        for c in l.invalid_by_column() {
            let (hint_nl, hint_en) = if c.words_only {
                ("is deze kolom een beoordelingsitem?", "is this column a rating item?")
            } else {
                ("liggen deze waarden op de schaal?", "are these values on the scale?")
            };
            nl.push(format!("{}: {}: {hint_nl}", l.file, c.counts()));
            en.push(format!("{}: {}: {hint_en}", l.file, c.counts()));
        }
    }
    if en.is_empty() {
        return None;
    }
    Some([
        format!("Ongeldige cellen per kolom en waarde: {}", nl.join("; ")),
        format!("Invalid cells by column and value: {}", en.join("; ")),
    ])
}

/// Lines the report lists per reason and column before "…".
const FIRST_LINES: usize = 5;

/// How many entries, and the lines of the first few.
type FirstLines = (u64, Vec<u64>);

/// The ledger as the report shows it: per file, reason and column, how
/// many rows or cells and their first lines, so that its length does not
/// grow with the number of respondents (every line is in `data_quality`).
pub fn data_quality_summary(ledgers: &[FileLedger]) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "data_quality",
        &[
            ("file", Text),
            ("reason", Text),
            ("column", Text),
            ("entries", Count),
            ("first_lines", Text),
        ],
    );
    for l in ledgers {
        // Entries are sorted by line; group them by (reason, column).
        let mut by: BTreeMap<(Reason, Option<&str>), FirstLines> = BTreeMap::new();
        for e in &l.entries {
            let (n, lines) = by.entry((e.reason, e.column.as_deref())).or_default();
            *n += 1;
            if lines.len() < FIRST_LINES {
                lines.push(e.line);
            }
        }
        for ((reason, column), (n, lines)) in by {
            let mut first: Vec<String> = lines.iter().map(u64::to_string).collect();
            if n > lines.len() as u64 {
                first.push("…".into());
            }
            t.push(vec![
                l.file.as_str().into(),
                reason.code().into(),
                column.map_or(Value::Empty, Value::from),
                Value::Int(n),
                first.join(", ").as_str().into(),
            ]);
        }
    }
    t
}
