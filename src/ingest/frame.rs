//! From CSV text to polars frames of text, checked against the record scan.
//!
//! Owns what the wide and long readers share before they differ: the
//! `Export` they are handed, the positions of the respondent columns, the
//! internal column names and parse options of every polars read, turning a
//! failed parse into the error that names its line, and the check that
//! polars read exactly the records the quote-aware scan of `text` found
//! (line numbers in the ledger must never point at the wrong row). It must
//! not check rows or read cells: that is `rows` and `cell`.

use std::io::Cursor;
use std::sync::Arc;

use polars::prelude::*;

use super::error::{polars_err, IngestError};
use super::header::Header;
use super::text::{self, CsvText, Records};
use crate::codebook::{Codebook, Weights};

/// A decoded export and its header, as the questionnaire readers get it.
pub(super) struct Export<'a> {
    pub csv: &'a CsvText,
    pub header: &'a Header,
    /// Records above the data: the column names and any rows below them.
    pub header_rows: usize,
    /// The name used in messages and the ledger.
    pub file: &'a str,
}

/// Header positions of the `[respondents]` columns.
#[derive(Debug, Clone)]
pub(super) struct RespondentPos {
    /// `None`: an anonymous export.
    pub id: Option<usize>,
    pub group: usize,
    pub institution: Option<usize>,
    /// The `[weights] column`, when weights come from the export.
    pub weight: Option<usize>,
    /// The `[respondents] breakdowns` columns, in codebook order.
    pub breakdowns: Vec<usize>,
}

impl RespondentPos {
    /// Finds the columns the codebook names; the id column as `id_name`.
    pub fn find(
        header: &Header,
        cb: &Codebook,
        id_name: Option<&str>,
        file: &str,
    ) -> Result<RespondentPos, IngestError> {
        let rc = &cb.respondents;
        let pos = |name: &str, key: &str| header.require(name, key, file);
        Ok(RespondentPos {
            id: id_name.map(|n| pos(n, "[respondents] id")).transpose()?,
            group: pos(&rc.group, "[respondents] group")?,
            institution: rc
                .institution
                .as_ref()
                .map(|c| pos(c, "[respondents] institution"))
                .transpose()?,
            weight: match &cb.weights {
                Some(Weights::Column(c)) => Some(pos(c, "[weights] column")?),
                _ => None,
            },
            breakdowns: rc
                .breakdowns
                .iter()
                .map(|b| pos(&b.column, "[respondents] breakdowns"))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Internal column name of header position `i`: export names may be anything.
pub(super) fn cname(i: usize) -> PlSmallStr {
    format!("c{i}").into()
}

/// The CSV parse options of every read: `width` columns, all as text.
pub(super) fn csv_options(csv: &CsvText, width: usize) -> CsvReadOptions {
    let schema: Schema = (0..width)
        .map(|i| Field::new(cname(i), DataType::String))
        .collect();
    CsvReadOptions::default()
        .with_schema(Some(Arc::new(schema)))
        .with_raise_if_empty(false)
        .with_parse_options(
            CsvParseOptions::default()
                .with_separator(csv.delimiter)
                .with_quote_char(Some(b'"'))
                .with_missing_is_null(false),
        )
}

/// Every cell of a (small, long) export as text; missing trailing fields
/// become null, empty ones "".
pub(super) fn read_frame(
    csv: &CsvText,
    width: usize,
    header_rows: usize,
    file: &str,
) -> Result<DataFrame, IngestError> {
    csv_options(csv, width)
        .with_has_header(true)
        .with_skip_rows_after_header(header_rows - 1)
        .into_reader_with_file_handle(Cursor::new(csv.text.as_bytes()))
        .finish()
        .map_err(|e| parse_failed(csv, file, e))
}

/// Why polars could not parse the text: an unclosed quote or a ragged row,
/// named by its line, else polars' own message.
pub(super) fn parse_failed(csv: &CsvText, file: &str, e: PolarsError) -> IngestError {
    unclosed(csv, file)
        .or_else(|| text::diagnose_ragged(csv, file))
        .unwrap_or_else(|| polars_err(file)(e))
}

fn unclosed(csv: &CsvText, file: &str) -> Option<IngestError> {
    text::unclosed_quote(csv).map(|line| IngestError::UnclosedQuote {
        file: file.to_string(),
        line,
    })
}

/// The file's records, checked to be the rows polars read: line numbers in
/// the ledger must never point at the wrong row.
pub(super) fn records_of(
    csv: &CsvText,
    header_rows: usize,
    rows: usize,
    file: &str,
) -> Result<Records, IngestError> {
    let records = text::scan_records(csv);
    let found = records.lines.len().saturating_sub(header_rows);
    if found != rows {
        let line = records.lines.get(header_rows).copied().unwrap_or(1);
        return Err(miscounted(file, line, found, rows));
    }
    Ok(records)
}

/// The quote-aware scan and polars disagree on the number of records
/// from `line` on (the whole file, or one batch of a wide export).
pub(super) fn miscounted(file: &str, line: u64, scanned: usize, read: usize) -> IngestError {
    IngestError::Parse {
        file: file.to_string(),
        problem: format!(
            "from line {line}: {scanned} records found by quote-aware scanning but {read} rows read; an unbalanced \
             quote (\") probably runs over a line end. fix: quote the cell or remove the stray quote"
        ),
    }
}
