//! The export layer's writers: every format a table or the report is
//! written in, behind two small traits, and the one registry of them.
//!
//! Owns the formats: [`TableWriter`] (the traits are in `writer`) makes the files of one folder's
//! tables (CSV and Markdown a file per table, xlsx one workbook per
//! folder); [`DocumentWriter`] makes one file of the report (HTML, Word).
//! Charts are painted as SVG and PNG by `charts`. A new format is one file
//! here and one line in [`TABLE_WRITERS`] or [`DOCUMENT_WRITERS`]. Which
//! folders and files a round has is `output::plan`'s; this module returns
//! bytes and must not write a file nor choose what a table or the report
//! holds.

pub mod csv;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod ods;
pub mod writer;
pub mod xlsx;

pub use writer::{DocumentWriter, ExportError, File, TableWriter};

/// Every table format, in the order their files are listed.
pub const TABLE_WRITERS: &[&dyn TableWriter] =
    &[&csv::Csv, &markdown::Markdown, &xlsx::Xlsx, &ods::Ods];

/// Every format of the report.
pub const DOCUMENT_WRITERS: &[&dyn DocumentWriter] = &[&html::Html, &docx::Word];
