//! Exports in, compact rating codes out.
//!
//! Owns reading a round's questionnaire (wide or long, any of the CSV
//! dialects in `text`), the row checks of the contract (section 4) and the
//! ledger of what was set aside. Ratings leave as one byte per cell
//! ([`ratings`]), never as text. It must not aggregate: every figure is
//! computed by `score` from [`Ingested::ratings`].

pub mod cell;
mod long;
pub mod notes;
pub mod ratings;
mod rows;
pub mod text;
mod wide;
mod xlsx;

use std::path::Path;

use polars::prelude::*;

use crate::codebook::{normalize_cell, Codebook, Round};
use crate::ledger::FileLedger;
pub use ratings::Ratings;

/// The data cannot be analysed (exit 1), or the export does not fit the
/// codebook (exit 2). Every message names the file and, where there is one,
/// the line, column and value, and says how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{file}: cannot be read: {problem}")]
    Unreadable { file: String, problem: String },
    #[error("{file}: line {line} has {fields} fields but the header has {header}\n  fix: a cell probably holds an unquoted delimiter or quote; export the file again or quote that cell")]
    Ragged {
        file: String,
        line: u64,
        fields: usize,
        header: usize,
    },
    #[error("{file}: line 1: the header names column {name:?} twice (columns {first} and {second})\n  fix: give every column its own name in the export")]
    DuplicateHeader {
        file: String,
        name: String,
        first: usize,
        second: usize,
    },
    #[error("{file}: line 1: column {column:?}, named by {key} in study.toml, is not in the header{hint}\n  fix: correct the column name in study.toml or export the column")]
    MissingColumn {
        file: String,
        column: String,
        key: String,
        hint: String,
    },
    #[error("{file}: there is no sheet {sheet:?}; the workbook's sheets are: {sheets}\n  fix: set [[rounds]] sheet in study.toml to one of them (without it, the first sheet is read)")]
    MissingSheet {
        file: String,
        sheet: String,
        sheets: String,
    },
    #[error("{file}: no usable row: {problem}\n  fix: correct those rows, or the [respondents] columns or header_rows in study.toml")]
    NoRows { file: String, problem: String },
    #[error("{file}: the CSV parser failed: {problem}")]
    Parse { file: String, problem: String },
    #[error("{file}: line {line}: a quoted cell opens here and never closes\n  fix: a quote (\") inside a cell must be doubled (\"\"), or the cell quoted; export the file again")]
    UnclosedQuote { file: String, line: u64 },
}

impl IngestError {
    /// A column or sheet the codebook names but the export lacks is a
    /// configuration error (2); everything else means the data cannot be analysed (1).
    pub fn exit_code(&self) -> i32 {
        match self {
            IngestError::MissingColumn { .. } | IngestError::MissingSheet { .. } => 2,
            _ => 1,
        }
    }
}

/// A respondent used in the analysis. No id: ids never leave ingest.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    /// 1-based index into [`Ingested::groups`].
    pub group: u32,
    /// Shared by the respondents of one institution (a handful of names
    /// over many rows).
    pub institution: Option<Arc<str>>,
}

/// One questionnaire, ready to score.
pub struct Ingested {
    /// A code per (respondent, item, measure) cell of the rows used.
    pub ratings: Ratings,
    /// Group names in display order.
    pub groups: Vec<String>,
    pub respondents: Vec<Respondent>,
    pub ledger: FileLedger,
    /// SHA-256 of the export as read.
    pub sha256: String,
    /// What the reader decided on the user's behalf (detected header rows),
    /// for stderr; never a respondent's data.
    pub remarks: Vec<String>,
}

/// Reads the questionnaire of `round`, wide or long.
pub fn read_questionnaire(cb: &Codebook, round: &Round) -> Result<Ingested, IngestError> {
    let file = display_path(&round.questionnaire);
    let csv = text::read_csv_text(
        &cb.dir.join(&round.questionnaire),
        &file,
        round.sheet.as_deref(),
    )?;
    let (header_rows, note) = header_rows(round, &csv, &file);
    let header = text::header(&csv, header_rows, &file)?;
    let header = Header::new(header, &file)?;
    let mut data = if long::is_long(&header) && !wide::names_any_item(cb, &header) {
        long::read(cb, &csv, &header, header_rows, &file)
    } else {
        wide::read(cb, &csv, &header, header_rows, &file)
    }?;
    data.remarks.extend(note);
    Ok(data)
}

/// The round's `header_rows`, or, when it gives none, the Qualtrics rows
/// detected below the column names, with a note saying so.
fn header_rows(round: &Round, csv: &text::CsvText, file: &str) -> (usize, Option<String>) {
    if let Some(n) = round.header_rows {
        return (n, None);
    }
    match text::detect_header_rows(csv) {
        Some(n) => (
            n,
            Some(format!(
                "{file}: lines 2-{n} look like Qualtrics question-text / ImportId rows and are skipped as header rows; \
                 set [[rounds]] header_rows = {n} in study.toml to say so (or 1 to read them as data)"
            )),
        ),
        None => (1, None),
    }
}

/// The sheet names of an xlsx workbook, in order (for `peil init`).
pub fn xlsx_sheet_names(bytes: &[u8]) -> Vec<String> {
    xlsx::sheet_names(bytes)
}

/// A study-relative path as written in outputs: `/`-separated on every OS.
pub fn display_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The export's column names, matched case- and whitespace-insensitively.
pub(crate) struct Header {
    pub names: Vec<String>,
    normalized: Vec<String>,
}

impl Header {
    fn new(names: Vec<String>, file: &str) -> Result<Header, IngestError> {
        let normalized: Vec<String> = names.iter().map(|n| normalize_cell(n)).collect();
        let mut seen: std::collections::HashMap<&str, usize> = Default::default();
        for (i, n) in normalized.iter().enumerate() {
            if n.is_empty() {
                continue;
            }
            if let Some(first) = seen.insert(n, i) {
                return Err(IngestError::DuplicateHeader {
                    file: file.to_string(),
                    name: names[i].clone(),
                    first: first + 1,
                    second: i + 1,
                });
            }
        }
        Ok(Header { names, normalized })
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        let n = normalize_cell(name);
        self.normalized.iter().position(|h| *h == n)
    }

    /// The position of a column the codebook requires.
    pub fn require(&self, name: &str, key: &str, file: &str) -> Result<usize, IngestError> {
        self.find(name).ok_or_else(|| IngestError::MissingColumn {
            file: file.to_string(),
            column: name.to_string(),
            key: key.to_string(),
            hint: self
                .closest(name)
                .map(|c| format!(" (did you mean {c:?}?)"))
                .unwrap_or_default(),
        })
    }

    /// A header name that differs from `name` by a small edit, for the hint.
    fn closest(&self, name: &str) -> Option<&str> {
        let n = normalize_cell(name);
        self.normalized
            .iter()
            .enumerate()
            .map(|(i, h)| (edit_distance(h, &n), i))
            .filter(|(d, _)| *d <= 2.max(n.len() / 5))
            .min()
            .map(|(_, i)| self.names[i].as_str())
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Wraps a polars failure with the file it happened in.
fn polars_err(file: &str) -> impl Fn(PolarsError) -> IngestError + '_ {
    move |e| IngestError::Parse {
        file: file.to_string(),
        problem: plain_polars_message(&e.to_string()),
    }
}

/// polars' CSV errors carry advice for its Python API (`infer_schema_length`,
/// `ignore_errors`) that means nothing here: keep the original cause only.
fn plain_polars_message(msg: &str) -> String {
    let cause = msg.rsplit_once("Original error:").map_or(msg, |(_, c)| c);
    let cause = cause.trim().trim_matches('`').trim().replace('\n', " ");
    if cause.contains("not properly escaped") {
        format!("{cause}\n  fix: a quote (\") inside a cell must be doubled (\"\"), or the cell quoted; export the file again")
    } else {
        cause
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polars_advice_is_dropped() {
        let msg = "could not parse `x` as dtype `str`\n\nYou might want to try:\n- increasing `infer_schema_length`\n\nOriginal error: ```invalid csv file\n\nField `\"3` is not properly escaped.```";
        let plain = plain_polars_message(msg);
        assert!(
            plain.starts_with("invalid csv file") && plain.contains("fix:"),
            "{plain}"
        );
        assert!(!plain.contains("infer_schema_length"));
        assert_eq!(plain_polars_message("plain"), "plain");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("q3_1_herk", "q3_1_herk"), 0);
        assert_eq!(edit_distance("q3_1_herk", "q3_1_hrek"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn header_refuses_duplicates_and_suggests() {
        let e = Header::new(vec!["a".into(), "B ".into(), "b".into()], "f")
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("columns 2 and 3"), "{e}");
        let h = Header::new(vec!["Q3_1_herk".into()], "f").unwrap();
        let e = h
            .require("Q3_1_hrek", "[[items]] x columns.h", "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean \"Q3_1_herk\""), "{e}");
        assert_eq!(h.find(" q3_1_HERK "), Some(0));
    }
}
