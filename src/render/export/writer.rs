//! The two writer traits and their error: what every format implements.
//!
//! Owns the shape of a writer only; it must not know a format (each file
//! of `export` is one) nor which formats exist (`export`'s registry).

use crate::codebook::Language;
use crate::render::charts::ChartFile;
use crate::render::report::document::Document;
use crate::render::tables::table::Table;

/// A file a writer made: its name in the folder, and its bytes.
pub type File = (String, Vec<u8>);

/// A format the tables of one folder are written in.
pub trait TableWriter: Sync {
    /// The files of `tables` in this format: one per table, or one for all.
    fn files(&self, tables: &[&Table], lang: Language) -> Result<Vec<File>, ExportError>;

    /// Whether this format is read by people (a spreadsheet): it is then
    /// given the tables in people's words (`report::people::People::table`),
    /// not with machine names.
    fn for_people(&self) -> bool {
        false
    }

    /// The work of writing `cells` cells in this format, in CSV's units, so
    /// that the largest parts are started first on the free cores.
    fn cost(&self, cells: usize) -> usize {
        cells
    }
}

/// A format of the report.
pub trait DocumentWriter: Sync {
    /// The file's name, e.g. `report.html`.
    fn file(&self) -> &'static str;

    /// The document with its charts as the file's bytes.
    fn write(&self, doc: &Document, charts: &[ChartFile]) -> Result<Vec<u8>, ExportError>;
}

/// A writer could not make its file (a library refused the content).
#[derive(Debug, thiserror::Error)]
#[error("writing {file} failed: {message}")]
pub struct ExportError {
    pub file: String,
    pub message: String,
}

impl ExportError {
    /// The error of `file`, from whatever the library said.
    pub fn of(file: &str) -> impl Fn(&dyn std::fmt::Display) -> ExportError + '_ {
        move |e| ExportError {
            file: file.to_string(),
            message: e.to_string(),
        }
    }
}
