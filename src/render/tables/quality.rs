//! The `data_quality` table: what ingest set aside, file by file.
//!
//! Owns its columns and rows, laid out from the [`FileLedger`]s. It must
//! not judge a row or cell: the reasons come ready from ingest.

use crate::ledger::FileLedger;
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
    t
}
