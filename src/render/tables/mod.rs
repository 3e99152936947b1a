//! The tables of docs/reference.md, "Output files", built from the aggregated figures.
//!
//! Owns which tables a round and a comparison have, their column names,
//! column order, row order and output order. It must not compute: a
//! figure's code is in `score` (find it by the column name there); these
//! files only lay figures out, as [`Table`]s the writers turn into files.

use crate::analysis::compare::Comparison;
use crate::analysis::consult::Summary;
use crate::analysis::score::Scores;
use crate::codebook::Codebook;
use crate::ledger::FileLedger;
use crate::render::tables::table::Table;

mod comments;
mod compare;
pub mod consult;

pub use comments::about_id;
pub use quality::data_quality_summary;
pub mod columns;
pub mod published;
mod quality;
mod scores;
pub mod table;

/// Every table of a round, by name, so the report cannot miss one.
#[derive(Debug, Clone)]
pub struct RoundTables {
    pub respondents: Table,
    pub area_scores: Table,
    pub item_scores: Table,
    pub reliability: Table,
    pub item_reliability: Table,
    pub group_tests: Table,
    /// The consultation tables, when the round has notes.
    pub consultation: Option<Table>,
    pub participants: Option<Table>,
    /// When the notes have a `coder` column.
    pub coding_agreement: Option<Table>,
    pub quotes: Option<Table>,
    /// The open answers, when the codebook has `[[comments]]`.
    pub comments: Option<Table>,
    pub data_quality: Table,
}

impl RoundTables {
    /// The tables in the order of docs/reference.md, "Output files", as they are written.
    pub fn list(&self) -> Vec<&Table> {
        let mut out = vec![
            &self.respondents,
            &self.area_scores,
            &self.item_scores,
            &self.reliability,
            &self.item_reliability,
            &self.group_tests,
        ];
        out.extend(
            [
                &self.consultation,
                &self.participants,
                &self.coding_agreement,
                &self.quotes,
                &self.comments,
            ]
            .into_iter()
            .flatten(),
        );
        out.push(&self.data_quality);
        out
    }
}

/// The tables of one breakdown, written to `tables/by-<slug>/`.
#[derive(Debug, Clone)]
pub struct BreakdownTables {
    /// The folder under `tables/`: `by-<slug>`.
    pub folder: String,
    pub respondents: Table,
    pub area_scores: Table,
    pub item_scores: Table,
    pub group_tests: Table,
}

impl BreakdownTables {
    /// The tables in the order they are written.
    pub fn list(&self) -> Vec<&Table> {
        vec![
            &self.respondents,
            &self.area_scores,
            &self.item_scores,
            &self.group_tests,
        ]
    }
}

/// The tables of `compare-<from>-<to>/`.
#[derive(Debug, Clone)]
pub struct CompareTables {
    pub compare_areas: Table,
    pub compare_items: Table,
}

impl CompareTables {
    /// The tables in the order they are written.
    pub fn list(&self) -> Vec<&Table> {
        vec![&self.compare_areas, &self.compare_items]
    }
}

/// Every table of a round; the consultation tables when it has notes.
pub fn all(
    cb: &Codebook,
    scores: &Scores,
    notes: Option<&Summary>,
    ledgers: &[FileLedger],
) -> RoundTables {
    RoundTables {
        respondents: scores::respondents(scores),
        area_scores: scores::area_scores(cb, scores),
        item_scores: scores::item_scores(cb, scores),
        reliability: scores::reliability(cb, scores),
        item_reliability: scores::item_reliability(cb, scores),
        group_tests: scores::group_tests(cb, scores),
        consultation: notes.map(consult::consultation),
        participants: notes.map(consult::participants),
        coding_agreement: notes.and_then(consult::coding_agreement),
        quotes: notes.map(consult::quotes),
        comments: (!cb.comments.is_empty()).then(|| comments::comments(cb, scores)),
        data_quality: quality::data_quality(ledgers),
    }
}

/// A breakdown's folder under `tables/` and `charts/`: `by-<slug>`.
pub fn breakdown_folder(b: &Scores) -> String {
    format!(
        "by-{}",
        b.breakdown.as_ref().map_or("", |o| o.slug.as_str())
    )
}

/// Each breakdown's tables, in codebook order: the same columns as the
/// round's, `group` holding the breakdown column's values.
pub fn breakdowns(cb: &Codebook, scores: &Scores) -> Vec<BreakdownTables> {
    scores
        .breakdowns
        .iter()
        .map(|b| BreakdownTables {
            folder: breakdown_folder(b),
            respondents: scores::respondents(b),
            area_scores: scores::area_scores(cb, b),
            item_scores: scores::item_scores(cb, b),
            group_tests: scores::group_tests(cb, b),
        })
        .collect()
}

/// `compare_areas` and `compare_items` (docs/reference.md, "Output files").
pub fn comparison(study: &Codebook, cmp: &Comparison) -> CompareTables {
    CompareTables {
        compare_areas: compare::compare_areas(study, cmp),
        compare_items: compare::compare_items(study, cmp),
    }
}
