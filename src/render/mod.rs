//! Everything a user reads: tables (CSV, Markdown, xlsx), charts and the
//! HTML report.
//!
//! Owns layout and formatting only. Nothing in `render` computes a figure or
//! touches respondent-level data: it draws from the aggregated [`crate::analysis::score::Scores`],
//! so its cost does not grow with the number of respondents.

pub mod charts;
pub mod format;
pub mod report;
pub mod scene;
pub mod tables;
pub mod xlsx;
