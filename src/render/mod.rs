//! Everything a user reads: tables (CSV, Markdown, xlsx), charts and the
//! report (report.html and report.docx).
//!
//! Owns the layout and formatting of aggregated figures: which tables and
//! charts there are, how a number is rounded and a text escaped, and the
//! words in the user's language. It draws from the aggregated
//! [`crate::analysis::score::Scores`], `consult` summary, comparison and ledgers,
//! never from respondent-level data, so its cost does not grow with the
//! number of respondents. It must not compute a figure (that is `score`'s,
//! `stats`'s, `consult`'s and `compare`'s) nor write a file (`run` and
//! `output` do): every function here returns values or bytes.
//!
//! The arrows point one way: `tables` builds [`table::Table`]s; the writers
//! `csv`, `markdown` and `xlsx` turn one into bytes; `charts` lays out
//! [`scene::Scene`]s that `scene` paints; `report` (with `overview`) puts
//! tables in people's words (`people`), charts and `words` into one
//! [`document::Document`], which `page` writes as report.html and `docx` as
//! report.docx. `format` and `escape` are leaves.

pub mod charts;
pub mod csv;
pub mod document;
pub mod docx;
pub mod escape;
pub mod format;
pub mod markdown;
pub mod overview;
pub mod page;
pub mod people;
pub mod report;
pub mod scene;
pub mod table;
pub mod tables;
pub mod words;
pub mod xlsx;
