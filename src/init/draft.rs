//! The draft codebook as `peil init` guesses it, before it is written:
//! respondent columns, measures, areas, items and comment columns.
//!
//! Owns the types only. It must not guess (that is `guess` and `layout`)
//! nor write TOML (that is `write`).

use super::scale::ScaleGuess;

/// A measure: the column-name suffix its columns share (empty: one measure
/// for all), how many columns end in it, and the scale its cells suggest.
pub(super) struct MeasureDraft {
    pub(super) id: String,
    pub(super) suffix: String,
    pub(super) columns: usize,
    pub(super) scale: ScaleGuess,
}

/// An area: the shared start (`key`) of its items' column names.
pub(super) struct AreaDraft {
    pub(super) id: String,
    pub(super) key: String,
}

/// An item: its area (index into `Draft::areas`), wording and columns.
pub(super) struct ItemDraft {
    pub(super) id: String,
    pub(super) area: usize,
    pub(super) text: String,
    /// Whether `text` is the file's own variable label (SPSS), not a guess.
    pub(super) text_stated: bool,
    /// (measure index, column name)
    pub(super) columns: Vec<(usize, String)>,
}

/// The respondent columns: the id and why it was chosen, the group with the
/// values seen (in order of first appearance), the institution.
pub(super) struct Respondents {
    pub(super) id: String,
    pub(super) id_why: String,
    pub(super) group: Option<(String, Vec<String>)>,
    /// The other columns that could be the group, each with why it was not
    /// taken ("sex or gender", "an id", ...) or empty when it only lost.
    pub(super) group_others: Vec<(String, &'static str)>,
    pub(super) institution: Option<String>,
}

/// The report language and, when words voted rather than a known scale
/// decided, the votes (Dutch, English).
pub(super) struct LanguageGuess {
    pub(super) code: &'static str,
    pub(super) votes: Option<(usize, usize)>,
}

pub(super) struct Draft {
    pub(super) language: LanguageGuess,
    pub(super) respondents: Respondents,
    pub(super) measures: Vec<MeasureDraft>,
    pub(super) areas: Vec<AreaDraft>,
    pub(super) items: Vec<ItemDraft>,
    /// Columns of long free text, proposed as `[[comments]]`.
    pub(super) comments: Vec<String>,
}
