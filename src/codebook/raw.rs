//! `study.toml` as written: the serde structs the TOML is read into.
//!
//! `deny_unknown_fields` everywhere: a typo is an error, not a silently
//! ignored setting. Owns the file's shape only; it must not check values
//! (that is `check`) and nothing outside the codebook sees these types.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::model::{Consultation, Language, Privacy, Rules};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCodebook {
    pub(super) study: RawStudy,
    pub(super) scale: RawScale,
    pub(super) respondents: RawRespondents,
    pub(super) measures: Vec<RawMeasure>,
    pub(super) areas: Vec<RawArea>,
    pub(super) items: Vec<RawItem>,
    #[serde(default)]
    pub(super) rules: Rules,
    #[serde(default)]
    pub(super) privacy: Privacy,
    pub(super) consultation: Option<Consultation>,
    #[serde(default)]
    pub(super) comments: Vec<RawComment>,
    pub(super) weights: Option<RawWeights>,
    pub(super) rounds: Vec<RawRound>,
    /// `[recode."column"]`: value as written -> value read.
    #[serde(default)]
    pub(super) recode: BTreeMap<String, BTreeMap<String, String>>,
    /// `[[published]]`: figures as printed, checked at every run.
    #[serde(default)]
    pub(super) published: Vec<RawPublished>,
}

/// A column reference: one name for every round, or a table from round id
/// to the column's name in that round (docs/reference.md, "A column per round").
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub(super) enum RawColumn {
    Same(String),
    PerRound(BTreeMap<String, String>),
}

/// `[weights]`: a weight column, or post-stratification of the groups.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWeights {
    pub(super) column: Option<RawColumn>,
    pub(super) by: Option<String>,
    pub(super) shares: Option<RawShares>,
}

/// `shares = "equal"` or `shares = { mbo = 0.3, ... }`.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawShares {
    Word(String),
    Table(BTreeMap<String, f64>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawComment {
    pub(super) column: RawColumn,
    pub(super) about: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStudy {
    pub(super) name: String,
    #[serde(default)]
    pub(super) language: Language,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScale {
    pub(super) min: i64,
    pub(super) max: i64,
    #[serde(default)]
    pub(super) missing: Vec<String>,
    #[serde(default)]
    pub(super) codes: BTreeMap<String, i64>,
    #[serde(default)]
    pub(super) labels: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRespondents {
    pub(super) id: Option<RawColumn>,
    #[serde(default)]
    pub(super) panel: bool,
    pub(super) group: RawColumn,
    pub(super) institution: Option<RawColumn>,
    pub(super) groups: Option<Vec<String>>,
    pub(super) breakdowns: Option<Vec<RawColumn>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeasure {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) labels: Option<BTreeMap<String, String>>,
    pub(super) codes: Option<BTreeMap<String, i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArea {
    pub(super) id: String,
    pub(super) label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) id: String,
    pub(super) area: String,
    pub(super) dimension: Option<String>,
    pub(super) text: String,
    pub(super) columns: BTreeMap<String, RawColumn>,
    pub(super) previous: Option<String>,
    pub(super) rounds: Option<Vec<String>>,
    #[serde(default)]
    pub(super) reverse: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRound {
    pub(super) id: String,
    pub(super) label: Option<String>,
    pub(super) date: Option<String>,
    pub(super) questionnaire: String,
    pub(super) consultation: Option<String>,
    pub(super) sheet: Option<String>,
    pub(super) header_rows: Option<usize>,
}

/// One `[[published]]` entry as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPublished {
    pub(super) round: String,
    pub(super) table: String,
    #[serde(rename = "where")]
    pub(super) keys: BTreeMap<String, String>,
    pub(super) column: String,
    pub(super) value: String,
    pub(super) source: Option<String>,
}
