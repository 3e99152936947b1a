//! Everything a user reads: tables (CSV, Markdown, xlsx), charts and the
//! report (report.html and report.docx).
pub mod charts;
pub mod escape;
pub mod export;
pub mod format;
pub mod report;
pub mod tables;
pub mod words;
