//! The `data_quality` table: what ingest set aside, file by file; and its
//! summary per reason for the report.
//!
//! Owns its columns and rows, laid out from the [`FileLedger`]s. It must
//! not judge a row or cell: the reasons come ready from ingest.

use std::collections::BTreeMap;

use crate::ledger::{Entry, FileLedger, Reason};
use crate::render::tables::columns::*;
use crate::render::tables::table::{column, Table, Value};

/// A row of `data_quality`: a file's `total`, or one of its entries.
type QualityRow<'a> = (&'a FileLedger, Option<&'a Entry>);

/// Per file: one `total` row, then one row per excluded row or invalid cell.
pub fn data_quality(ledgers: &[FileLedger]) -> Table {
    type R<'a> = QualityRow<'a>;
    // On the total row: the file's figure; on an entry's row, empty.
    fn total(get: impl Fn(&FileLedger) -> u64) -> impl Fn(&R) -> Value {
        move |(l, e): &R| e.map_or_else(|| Value::Int(get(l)), |_| Value::Empty)
    }
    // On an entry's row: the entry's figure; on the total row, empty.
    fn entry(get: impl Fn(&Entry) -> Value) -> impl Fn(&R) -> Value {
        move |(_, e): &R| e.map_or(Value::Empty, &get)
    }
    let rows = ledgers.iter().flat_map(|l| {
        std::iter::once((l, None)).chain(l.entries.iter().map(move |e| (l, Some(e))))
    });
    let mut t = Table::of(
        "data_quality",
        vec![
            column(FILE, |(l, _): &R| l.file.as_str().into()),
            column(ROWS_READ, total(|l| l.rows_read)),
            column(ROWS_USED, total(|l| l.rows_used)),
            column(ROWS_EXCLUDED, |(l, e): &R| {
                Value::Int(e.map_or(l.rows_excluded(), |e| u64::from(e.reason.excludes_row())))
            }),
            column(REASON, |(_, e): &R| {
                e.map_or("total", |e| e.reason.code()).into()
            }),
            column(CELLS_INVALID, |(l, e): &R| {
                Value::Int(e.map_or(l.cells_invalid(), |e| u64::from(e.reason.invalid_cell())))
            }),
            column(CELLS_MISSING, total(|l| l.cells_missing)),
            column(LINE, entry(|e| Value::Int(e.line))),
            column(
                COLUMN,
                entry(|e| e.column.as_deref().map_or(Value::Empty, Value::from)),
            ),
            column(
                VALUE,
                entry(|e| e.value.as_deref().map_or(Value::Empty, Value::from)),
            ),
        ],
        rows,
    );
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
                (
                    "is deze kolom een beoordelingsitem?",
                    "is this column a rating item?",
                )
            } else {
                (
                    "liggen deze waarden op de schaal?",
                    "are these values on the scale?",
                )
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
const SHOWN_LINES: usize = 5;

/// How many entries, and the lines of the first few.
type FirstLines = (u64, Vec<u64>);

/// The ledger as the report shows it: per file, reason and column, how
/// many rows or cells and their first lines, so that its length does not
/// grow with the number of respondents (every line is in `data_quality`).
pub fn data_quality_summary(ledgers: &[FileLedger]) -> Table {
    // One row per file, reason and column: how many, and the first lines.
    type R<'a> = (&'a str, Reason, Option<&'a str>, u64, String);
    let mut rows: Vec<R> = Vec::new();
    for l in ledgers {
        // Entries are sorted by line; group them by (reason, column).
        let mut by: BTreeMap<(Reason, Option<&str>), FirstLines> = BTreeMap::new();
        for e in &l.entries {
            let (n, lines) = by.entry((e.reason, e.column.as_deref())).or_default();
            *n += 1;
            if lines.len() < SHOWN_LINES {
                lines.push(e.line);
            }
        }
        for ((reason, column), (n, lines)) in by {
            let mut first: Vec<String> = lines.iter().map(u64::to_string).collect();
            if n > lines.len() as u64 {
                first.push("…".into());
            }
            rows.push((l.file.as_str(), reason, column, n, first.join(", ")));
        }
    }
    Table::of(
        "data_quality",
        vec![
            column(FILE, |r: &R| r.0.into()),
            column(REASON, |r: &R| r.1.code().into()),
            column(COLUMN, |r: &R| r.2.map_or(Value::Empty, Value::from)),
            column(ENTRIES, |r: &R| Value::Int(r.3)),
            column(FIRST_LINES, |r: &R| r.4.as_str().into()),
        ],
        rows,
    )
}
