//! The checked codebook's public types: language, scale, respondent
//! columns, measures, areas, items, comment columns, rounds, rules, weights, privacy,
//! consultation.
//!
//! Owns the types and their small questions (`Scale::midpoint`,
//! `Item::asked_in`, the `[rules]` defaults). It must not check or parse
//! anything: values get here only through `check`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

/// Report language: chart labels, decimal separator in Markdown and report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    /// The decimal separator of the report's rounding ("2,9" or "2.9").
    pub fn decimal_separator(self) -> char {
        match self {
            Language::Nl => ',',
            Language::En => '.',
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Language::Nl => "nl",
            Language::En => "en",
        })
    }
}

/// Keep / reword / drop thresholds and the consensus rule (`[rules]`); the
/// defaults are docs/reference.md's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    pub min_answered: f64,
    pub keep_min_mean: f64,
    pub keep_min_pct_agree: f64,
    pub drop_below_mean: f64,
    pub drop_below_pct_agree: f64,
    /// Panel consensus: pct_agree at least this ...
    pub consensus_min_agree: f64,
    /// ... and an interquartile range at most this.
    pub consensus_max_iqr: f64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            min_answered: 0.5,
            keep_min_mean: 3.0,
            keep_min_pct_agree: 0.78,
            drop_below_mean: 2.5,
            drop_below_pct_agree: 0.50,
            consensus_min_agree: 0.75,
            consensus_max_iqr: 1.0,
        }
    }
}

/// `[weights]`, checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Weights {
    /// A positive number per respondent in this export column.
    Column(String),
    /// Post-stratify the groups: each group's share of the weighted total
    /// (group as `shares` names it, share), in file order, or `None` for
    /// equal shares. Matched to the groups read like groups are (`ingest`).
    Groups(Option<Vec<(String, f64)>>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Privacy {
    pub min_cell: u32,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy { min_cell: 5 }
    }
}

/// Allowed consultation codes (used by the consultation issue).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub stances: Vec<String>,
    /// Allowed consultation groups in display order; `None`: any, in order
    /// of first appearance (never `[respondents] groups`, which is the
    /// questionnaire's).
    pub groups: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    /// Normalized missing codes (see [`normalize_cell`](super::normalize_cell)).
    pub missing: Vec<String>,
    /// Normalized answer code -> scale value (LimeSurvey `A1` ...).
    pub codes: BTreeMap<String, i64>,
    pub labels: BTreeMap<i64, String>,
}

impl Scale {
    /// Ratings strictly above this count as agreement (3 and 4 on 1-4).
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) as f64 / 2.0
    }

    /// Every value of the scale, low to high.
    pub fn values(&self) -> impl Iterator<Item = i64> + Clone {
        self.min..=self.max
    }
}

#[derive(Debug, Clone)]
pub struct RespondentColumns {
    /// `None`: an anonymous export, every row one respondent.
    pub id: Option<String>,
    /// `panel = true`: the same id is the same person in every round.
    pub panel: bool,
    pub group: String,
    pub institution: Option<String>,
    /// Allowed groups in display order; `None`: order of first appearance.
    pub groups: Option<Vec<String>>,
    /// Extra grouping columns, each analysed like `group` into
    /// `tables/by-<slug>/`.
    pub breakdowns: Vec<Breakdown>,
    /// `[recode."column"]` of the group, institution and breakdown columns,
    /// in file order.
    pub recodes: Vec<Recode>,
}

impl RespondentColumns {
    /// Whether rounds may be paired by id (`panel = true` with an id).
    pub fn is_panel(&self) -> bool {
        self.panel && self.id.is_some()
    }

    /// The recode of export column `column` (as this view names it).
    pub fn recode_of(&self, column: &str) -> Option<&Recode> {
        self.recodes.iter().find(|r| r.column == column)
    }
}

/// `[recode."column"]`: values read as other values before any check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recode {
    /// The column as this view of the codebook names it (a round's view:
    /// that round's name; the study: as `[recode."..."]` is written).
    pub column: String,
    /// (value as written in study.toml, the value it is read as), sorted.
    pub pairs: Vec<(String, String)>,
    /// Normalized value -> index into `pairs`.
    index: BTreeMap<String, usize>,
}

impl Recode {
    /// A recode whose values are known to normalize to distinct keys.
    pub fn new(column: String, pairs: Vec<(String, String)>) -> Recode {
        let index = (pairs.iter().enumerate())
            .map(|(i, (from, _))| (super::normalize::normalize_cell(from), i))
            .collect();
        Recode {
            column,
            pairs,
            index,
        }
    }

    /// The value `raw` is read as: matched like labels (case and spacing).
    pub fn apply<'a>(&'a self, raw: &'a str) -> &'a str {
        match self.index.get(&super::normalize::normalize_cell(raw)) {
            Some(i) => &self.pairs[*i].1,
            None => raw,
        }
    }

    /// Each new value with the values merged into it, for the run's summary
    /// and the report: `("overig", ["Anders", "Particulier"])`.
    pub fn merged(&self) -> Vec<(&str, Vec<&str>)> {
        let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
        for (from, to) in &self.pairs {
            match out.iter_mut().find(|(t, _)| *t == to.as_str()) {
                Some((_, froms)) => froms.push(from),
                None => out.push((to, vec![from])),
            }
        }
        out
    }
}

/// A `[respondents] breakdowns` column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    /// The export column, as the codebook names it.
    pub column: String,
    /// Its folder name: `by-<slug>`.
    pub slug: String,
}

/// docs/reference.md's slug of a column name: lowercased, each run of characters
/// other than a-z and 0-9 replaced by `-`, trimmed of `-`.
pub fn breakdown_slug(column: &str) -> String {
    let mut out = String::new();
    for c in column.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[derive(Debug, Clone)]
pub struct Measure {
    pub id: String,
    pub label: String,
    /// This measure's labels, or the scale's.
    pub labels: BTreeMap<i64, String>,
    /// This measure's normalized answer codes, or the scale's.
    pub codes: BTreeMap<String, i64>,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    /// Index into [`Codebook::areas`](super::Codebook::areas).
    pub area: usize,
    pub dimension: Option<String>,
    pub text: String,
    /// (index into [`Codebook::measures`](super::Codebook::measures), export column), in measure order.
    pub columns: Vec<(usize, String)>,
    /// The item's id in the previous round, when it was reworded or renumbered.
    pub previous: Option<String>,
    /// The rounds (ids) that ask the item; `None`: every round.
    pub rounds: Option<Vec<String>>,
    /// Negatively worded: a rating x is scored min + max - x (at ingest,
    /// before any figure sees it).
    pub reverse: bool,
}

impl Item {
    pub fn asked_in(&self, round: &str) -> bool {
        self.rounds
            .as_ref()
            .is_none_or(|r| r.iter().any(|id| id == round))
    }
}

/// What a `[[comments]]` column's answers are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    /// Index into [`Codebook::areas`](super::Codebook::areas).
    Area(usize),
    /// An item id: item indices are a round's own (`Codebook::for_round`).
    Item(String),
    /// General remarks (no `about`).
    General,
}

/// An open-answer column (`[[comments]]`).
#[derive(Debug, Clone)]
pub struct CommentColumn {
    pub column: String,
    pub about: About,
}

#[derive(Debug, Clone)]
pub struct Round {
    pub id: String,
    pub label: Option<String>,
    pub date: Option<String>,
    /// Relative to the study folder, checked to stay inside it.
    pub questionnaire: PathBuf,
    pub consultation: Option<PathBuf>,
    pub sheet: Option<String>,
    /// Rows above the data as written in study.toml (checked 1..=20);
    /// `None`: one, unless Qualtrics rows are detected (`ingest`).
    pub header_rows: Option<usize>,
}
