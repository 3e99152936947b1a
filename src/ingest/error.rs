//! What can go wrong while reading an export, and how files are named in it.
//!
//! Owns [`IngestError`] (its exit codes are in `exit_codes`), the wrapping of polars failures
//! (without polars' advice for its Python API), and [`display_path`], the one
//! way a file is written in messages and outputs. A leaf of `ingest`: it
//! imports no other file of the folder, and it must not read or parse
//! anything.

use std::path::Path;

use polars::prelude::PolarsError;

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
    /// A `[weights] shares` group that the data does not match (exit 2).
    #[error("{file}: [weights] shares: {problem}\n  fix: {fix}")]
    Shares {
        file: String,
        problem: String,
        fix: String,
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

/// A study-relative path as written in outputs: `/`-separated on every OS.
pub fn display_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Wraps a polars failure with the file it happened in.
pub(super) fn polars_err(file: &str) -> impl Fn(PolarsError) -> IngestError + '_ {
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
}
