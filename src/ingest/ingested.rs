//! What reading a questionnaire hands on: [`Ingested`] and its [`Respondent`]s.
//!
//! Owns the shape of a read questionnaire (ratings as codes, groups,
//! respondents without ids but with a hash to match them across rounds, their
//! scrubbed comments, the
//! file's ledger and hash). Types only: it must
//! not read or compute anything.

use std::sync::Arc;

use super::ratings::Ratings;
use super::rows::PanelKey;
use crate::ledger::FileLedger;

/// A respondent used in the analysis. No id: ids never leave ingest.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    /// 1-based index into [`Ingested::groups`].
    pub group: u32,
    /// Shared by the respondents of one institution (a handful of names
    /// over many rows).
    pub institution: Option<Arc<str>>,
    /// A 128-bit hash of the trimmed id, to find the same respondent in
    /// another round (a panel). Held in memory only, never written; `None`
    /// in an anonymous export (no `[respondents] id`).
    pub panel_key: Option<PanelKey>,
    /// The `[weights] column` value (above 0), or 1 when weights do not
    /// come from the export.
    pub weight: f64,
}

/// One breakdown column of the rows used.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownValues {
    /// The export column, as the codebook names it.
    pub column: String,
    /// Its folder name: `by-<slug>`.
    pub slug: String,
    /// Values in order of first appearance; value `v` is `values[v - 1]`.
    pub values: Vec<String>,
    /// Per respondent: its value, or 0 when the cell was empty (or `ALL`).
    pub of: Vec<u32>,
}

/// One open answer of a respondent used, scrubbed (see `comments`).
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// Index into `Codebook::comments` (the round's view).
    pub column: usize,
    /// Index into [`Ingested::respondents`].
    pub respondent: u32,
    pub text: String,
}

/// One questionnaire, ready to score.
pub struct Ingested {
    /// A code per (respondent, item, measure) cell of the rows used.
    pub ratings: Ratings,
    /// Group names in display order.
    pub groups: Vec<String>,
    pub respondents: Vec<Respondent>,
    /// The `[respondents] breakdowns` columns, in codebook order.
    pub breakdowns: Vec<BreakdownValues>,
    /// The kept open answers, by respondent, then column.
    pub comments: Vec<Comment>,
    pub ledger: FileLedger,
    /// SHA-256 of the export as read.
    pub sha256: String,
    /// What the reader decided on the user's behalf (detected header rows,
    /// recoded values), for stderr; never a respondent's data.
    pub remarks: Vec<String>,
    /// Every id is a whole number above the one before: the survey tool's
    /// row numbers rather than people (a panel warning, never a check).
    pub ids_look_like_row_numbers: bool,
}
