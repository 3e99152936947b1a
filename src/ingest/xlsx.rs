//! From xlsx bytes to the same [`CsvText`] a CSV export gives.
//!
//! Owns reading one sheet of a workbook (MS Forms, hand-edited Excel) and
//! writing its cells "as the sheet shows them" into comma-separated, quoted
//! text, so every reader downstream, the ledger's line numbers included,
//! works unchanged: record `n` of the text is the sheet's row `n` a user sees
//! in Excel (empty rows, and rows above the first used one, are listed as
//! blank lines). It builds on `text` (never the other way round) and is
//! called by `source`. It must not interpret cells beyond formatting them:
//! that is `cell`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::error::IngestError;
use super::retext::{elapsed, iso_datetime, number, one_line, RecordText};
use super::text::CsvText;

/// Reads sheet `sheet` (default: the first) of workbook `bytes`.
pub fn read(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
    sha256: String,
) -> Result<CsvText, IngestError> {
    let unreadable = |problem: String| IngestError::Unreadable {
        file: file.to_string(),
        problem,
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        unreadable(format!(
            "it is not a readable xlsx workbook ({e}); fix: open it in Excel and save it again as \
             \"Excel Workbook (*.xlsx)\", or export the questionnaire as CSV"
        ))
    })?;
    let names = book.sheet_names();
    let name = pick_sheet(&names, sheet, file)?;
    let range = book.worksheet_range(&name).map_err(|e| {
        unreadable(format!(
            "sheet {name:?} cannot be read ({e}); fix: open the workbook in Excel and save it again"
        ))
    })?;
    let empty = || {
        unreadable(format!(
            "sheet {name:?} is empty; fix: choose the sheet with the answers with [[rounds]] sheet in study.toml (the sheets are: {})",
            quoted_list(&names)
        ))
    };
    let Some((first_row, _)) = range.start() else {
        return Err(empty());
    };
    let (text, blank_lines) = sheet_text(range.rows(), first_row as u64);
    if text.is_empty() {
        return Err(empty());
    }
    Ok(CsvText {
        text,
        delimiter: b',',
        encoding: "xlsx",
        blank_lines,
        sha256,
        first_line: 1,
        dictionary: Default::default(),
    })
}

/// The sheet asked for (its name as written, else ignoring case and
/// surrounding spaces), or the first sheet when none is asked for.
fn pick_sheet(names: &[String], sheet: Option<&str>, file: &str) -> Result<String, IngestError> {
    match sheet {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| IngestError::Unreadable {
                file: file.to_string(),
                problem: "the workbook has no sheet; fix: export the questionnaire again".into(),
            }),
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(want.trim()))
            })
            .cloned()
            .ok_or_else(|| IngestError::MissingSheet {
                file: file.to_string(),
                sheet: want.to_string(),
                sheets: quoted_list(names),
            }),
    }
}

/// The sheet names of a workbook, in order (none if it cannot be read).
pub fn sheet_names(bytes: &[u8]) -> Vec<String> {
    Xlsx::new(Cursor::new(bytes))
        .map(|b| b.sheet_names())
        .unwrap_or_default()
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The rows as CSV text, and the sheet rows (1-based) left out because they
/// are empty: those above `first_row` (0-based) and empty ones in between.
fn sheet_text<'a>(rows: impl Iterator<Item = &'a [Data]>, first_row: u64) -> (String, Vec<u64>) {
    let mut blank_lines: Vec<u64> = (1..=first_row).collect();
    let mut out = RecordText::new();
    for (i, row) in rows.enumerate() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            blank_lines.push(first_row + i as u64 + 1);
            continue;
        }
        out.push(&cells);
    }
    (out.finish(), blank_lines)
}

/// One cell as Excel shows it, on one line.
fn cell_text(cell: &Data) -> String {
    one_line(match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::Error(e) => e.to_string(),
        // Excel counts durations in days.
        Data::DateTime(d) if d.is_duration() => elapsed((d.as_f64() * 86_400.0).round() as i64),
        Data::DateTime(d) => {
            let (y, mo, da, h, mi, s, ms) = d.to_ymd_hms_milli();
            iso_datetime(y, mo, da, h, mi, s, ms)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_as_the_sheet_shows_them() {
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(4)), "4");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
    }

    #[test]
    fn excel_serials_become_iso_dates() {
        // Microsoft's DATEVALUE documentation: 1 January 2008 is serial 39448.
        let d = ExcelDateTime::new(39448.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(d)), "2008-01-01");
        let d = ExcelDateTime::new(39448.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(d)), "2008-01-01T12:00:00");
        let d = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(cell_text(&Data::DateTime(d)), "36:00:00");
    }

    #[test]
    fn error_cells_keep_their_text_and_newlines_become_spaces() {
        assert_eq!(cell_text(&Data::Error(CellErrorType::NA)), "#N/A");
        assert_eq!(
            cell_text(&Data::String("Hoe\r\nherkenbaar?\n".into())),
            "Hoe herkenbaar? "
        );
    }

    #[test]
    fn empty_rows_are_blank_lines_and_cells_are_quoted() {
        let rows: Vec<Vec<Data>> = vec![
            vec![Data::String("id".into()), Data::String("a, \"b\"".into())],
            vec![Data::Empty, Data::Empty],
            vec![Data::Int(1), Data::Float(3.0)],
        ];
        let (text, blanks) = sheet_text(rows.iter().map(Vec::as_slice), 2);
        assert_eq!(text, "id,\"a, \"\"b\"\"\"\n1,3\n");
        assert_eq!(blanks, vec![1, 2, 4]);
    }
}
