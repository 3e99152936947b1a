//! The draft codebook as `peil init` guesses it, before it is written:
//! respondent columns, measures, areas, items and comment columns, each
//! column named per round (one export, one round).
//!
//! Owns the types only. It must not guess (that is `guess`, `layout` and
//! `merge`) nor write TOML (that is `write`).

use std::collections::BTreeMap;

use super::scale::ScaleGuess;

/// A column's name in each round (`None`: the round does not have it).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PerRound(pub(super) Vec<Option<String>>);

impl PerRound {
    /// A column of the only round.
    pub(super) fn one(name: &str) -> PerRound {
        PerRound(vec![Some(name.to_string())])
    }

    /// The name in the first round that has the column.
    pub(super) fn first(&self) -> &str {
        self.0.iter().flatten().next().map_or("", String::as_str)
    }
}

/// A measure: the column-name suffix its columns share (empty: one measure
/// for all), how many columns end in it, and the scale its cells suggest.
pub(super) struct MeasureDraft {
    pub(super) id: String,
    pub(super) suffix: String,
    pub(super) columns: usize,
    pub(super) scale: ScaleGuess,
    /// The label and why, when the measure is named by its scale rather
    /// than by a suffix (LimeSurvey: one measure, the most common scale).
    pub(super) named: Option<(String, String)>,
}

/// An area: the shared start (`key`) of its items' column names or codes.
pub(super) struct AreaDraft {
    pub(super) id: String,
    pub(super) key: String,
    /// Whether `key` starts its items' codes (LimeSurvey) rather than
    /// their column names.
    pub(super) coded: bool,
}

/// An item: its area (index into `Draft::areas`), wording and columns.
pub(super) struct ItemDraft {
    pub(super) id: String,
    pub(super) area: usize,
    pub(super) text: String,
    /// Whether `text` is the file's own wording (an SPSS variable label, a
    /// LimeSurvey header), not a guess.
    pub(super) text_stated: bool,
    /// (measure index, column per round)
    pub(super) columns: Vec<(usize, PerRound)>,
    /// The id of the item an earlier round asked in other words (same
    /// code), with that wording.
    pub(super) previous: Option<(String, String)>,
}

/// The stakeholder group: its column, the values seen (in order of first
/// appearance) and, per round, each value's respondents (normalized value
/// -> (count, value as first seen)).
pub(super) struct GroupDraft {
    pub(super) column: PerRound,
    pub(super) values: Vec<String>,
    pub(super) counts: Vec<BTreeMap<String, (usize, String)>>,
}

/// The respondent columns: the id and why it was chosen (or why there is
/// none), the group, the institution.
pub(super) struct Respondents {
    pub(super) id: Option<String>,
    pub(super) id_why: String,
    pub(super) group: Option<GroupDraft>,
    /// The other columns that could be the group, each with why it was not
    /// taken ("sex or gender", "an id", ...) or empty when it only lost.
    pub(super) group_others: Vec<(String, &'static str)>,
    pub(super) institution: Option<PerRound>,
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
    pub(super) comments: Vec<PerRound>,
    /// Columns on another answer scale than the items': (the scale in
    /// words, with the round when there are several; the column names).
    pub(super) other_scales: Vec<(String, Vec<String>)>,
}
