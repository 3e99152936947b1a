//! Everything a user reads: tables now; charts and the HTML report hang here.
//!
//! Owns layout and formatting only. Nothing in `render` computes a figure or
//! touches respondent-level data: it draws from the aggregated [`crate::score::Scores`],
//! so its cost does not grow with the number of respondents.

pub mod format;
pub mod tables;
