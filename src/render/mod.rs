//! Everything a user reads: tables (CSV, Markdown, xlsx, ods), charts and
//! the report (report.html and report.docx), as bytes.
//!
//! Owns the layout and formatting of aggregated figures, in four folders
//! that follow each other: `tables` (which tables there are, each column
//! declared once in `tables::columns` with its words), `charts` (the chart
//! data, laid out as scenes and painted to SVG and PNG), `report` (the
//! report's content as one document, tables in people's words) and `export`
//! (the writers: each format behind one trait, one registry). `format`,
//! `escape` and `words` are leaves. It draws from the aggregated
//! [`crate::analysis::score::Scores`], `consult` summary, comparison and
//! ledgers, never from respondent-level data, so its cost does not grow
//! with the number of respondents. It computes no statistic: every figure
//! comes ready from `analysis`; what it works out is presentation (a
//! chart's bar widths from the counts it is given, a grouping of the ledger
//! for the report). It must not write a file: `output::plan` decides which
//! files exist and writes them.

pub mod charts;
pub mod escape;
pub mod export;
pub mod format;
pub mod report;
pub mod tables;
pub mod words;
