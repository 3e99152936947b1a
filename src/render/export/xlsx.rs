//! `summary.xlsx`: every table of the round as one sheet.
//!
//! Owns the spreadsheet form of a [`Table`] put in people's words
//! (`report::people`): header row in words, frozen and bold, with an
//! autofilter; the sheet named by the table's title; numbers as numbers
//! (full precision; the cell format shows the report's rounding), text that
//! a spreadsheet would run as a formula escaped, column widths set. Byte-identical on rerun: the document date is fixed. It
//! must not round a number (the cell format does) nor write the file itself.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::codebook::Language;
use crate::render::escape;
use crate::render::export::writer::{ExportError, File, TableWriter};
use crate::render::tables::table::{Kind, Table, Value};

/// Widest column, in characters; longer text wraps in Excel's cell anyway.
const MAX_WIDTH: usize = 60;

fn number_format(kind: Kind) -> Format {
    let f = Format::new();
    match kind {
        Kind::Mean => f.set_num_format("0.0"),
        Kind::Share => f.set_num_format("0%"),
        Kind::Stat => f.set_num_format("0.00"),
        Kind::P => f.set_num_format("0.000"),
        Kind::Text | Kind::Count | Kind::Flag | Kind::Half => f,
    }
}

fn display_len(v: &Value) -> usize {
    match v {
        Value::Text(s) => s.chars().count() + 1,
        Value::Int(n) => n.to_string().len(),
        Value::Num(_) => 6,
        Value::Flag(_) => 5,
        Value::Empty => 0,
    }
}

/// A sheet's name: the table's title in words (or its file stem), at most
/// 31 characters, as Excel requires.
pub fn sheet_name(t: &Table) -> String {
    let title = t.title.as_deref().unwrap_or(t.name);
    title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn sheet(wb: &mut Workbook, t: &Table, lang: Language) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(t))?;
    let bold = Format::new().set_bold();
    let formats: Vec<Format> = t.headers().iter().map(|h| number_format(h.kind)).collect();
    for (c, h) in t.headers().iter().enumerate() {
        let name = h.words(lang);
        ws.write_string_with_format(0, c as u16, name, &bold)?;
        let widest = t
            .rows()
            .iter()
            .map(|r| r.get(c).map_or(0, display_len))
            .max()
            .unwrap_or(0);
        let head = name.chars().count();
        ws.set_column_width(c as u16, (widest.max(head) + 2).min(MAX_WIDTH) as f64)?;
        ws.set_column_format(c as u16, &formats[c])?;
    }
    for (r, row) in t.rows().iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                Value::Text(s) => ws.write_string(r, c, escape::formula(s))?,
                Value::Int(n) => ws.write_number(r, c, *n as f64)?,
                Value::Num(x) => ws.write_number(r, c, *x)?,
                Value::Flag(b) => ws.write_boolean(r, c, *b)?,
                Value::Empty => ws,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if let (Some(last), false) = (t.headers().len().checked_sub(1), t.rows().is_empty()) {
        ws.autofilter(0, 0, t.rows().len() as u32, last as u16)?;
    }
    Ok(())
}

/// `summary.xlsx`: all tables of a folder, a sheet each.
pub struct Xlsx;

impl TableWriter for Xlsx {
    fn files(&self, tables: &[&Table], lang: Language) -> Result<Vec<File>, ExportError> {
        let bytes = workbook(tables.iter().copied(), lang)
            .map_err(|e| ExportError::of("summary.xlsx")(&e))?;
        Ok(vec![("summary.xlsx".to_string(), bytes)])
    }

    fn for_people(&self) -> bool {
        true
    }

    /// A sheet's cell costs about four times a CSV and a Markdown cell
    /// together (measured on the benchmark study).
    fn cost(&self, cells: usize) -> usize {
        8 * cells
    }
}

/// The workbook as bytes, one sheet per table in the order given.
pub fn workbook<'a>(
    tables: impl IntoIterator<Item = &'a Table>,
    lang: Language,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed date: the file must not change when nothing else did.
    let date = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&date));
    // The fastest deflate: a breakdown's item sheet has thousands of rows,
    // and level 6 spent more time compressing than the rest of the file.
    wb.set_zip_compression_level(1);
    for t in tables {
        sheet(&mut wb, t, lang)?;
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tables::columns::{COMMENT, MEAN, SUPPRESSED};
    use crate::render::tables::table::column;
    use calamine::{Data, Reader, Xlsx as Read};

    #[test]
    fn formulas_are_escaped_numbers_stay_numbers_and_reruns_are_identical() {
        type R = (&'static str, f64, bool);
        let t = Table::of(
            "t",
            vec![
                column(COMMENT, |r: &R| Value::Text(r.0.into())),
                column(MEAN, |r: &R| Value::Num(r.1)),
                column(SUPPRESSED, |r: &R| Value::Flag(r.2)),
            ],
            [("=HYPERLINK(\"x\")", 2.95, true)],
        );
        let bytes = workbook(std::slice::from_ref(&t), Language::En).unwrap();
        assert_eq!(
            bytes,
            workbook(&[t], Language::En).unwrap(),
            "no timestamp in the file"
        );
        let mut wb = Read::new(std::io::Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("t").unwrap();
        assert_eq!(
            range.get((1, 0)),
            Some(&Data::String("'=HYPERLINK(\"x\")".into()))
        );
        assert_eq!(range.get((1, 1)), Some(&Data::Float(2.95)));
        assert_eq!(range.get((1, 2)), Some(&Data::Bool(true)));
    }
}
