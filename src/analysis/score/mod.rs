//! Scores: every figure of `respondents.csv`, `area_scores.csv`,
//! `item_scores.csv` and (in `psychometrics`) `reliability.csv`,
//! `item_reliability.csv` and `group_tests.csv`, by the definitions
//! of the README ("What the figures mean").
//!
//! The one-byte rating codes of `ingest` are viewed per measure x area
//! (`matrix`, no copy); item and area tallies are exact integer counts
//! (histograms of codes per group) taken in column-wise passes over them,
//! and every figure is computed from those counts in a fixed order
//! (`stats`), so reruns are byte-identical whatever the thread scheduling.
//! These passes are plain loops over bytes rather than polars group-bys:
//! at a million respondents they take tenths of a second where group-bys
//! over a long frame took seconds (BENCHMARKS.md), and integer counts are
//! exact. `rules` adds the decision; small groups are suppressed once, in
//! `rows`, for every output. Nothing here formats or writes: that is
//! `render`.
//!
//! Files: `matrix` (the code columns of a measure x area), `tally` (exact
//! counts and the figures computed from them), `weighted` (the weighted
//! figures of `[weights]`), `rows` (area and item score rows, suppression,
//! decisions), `respondents` (headcounts) and
//! `psychometrics` (reliability and group tests). This file only runs them
//! and gathers the [`Scores`]; the files import each other one way (`rows`
//! and `psychometrics` from `tally` and `matrix`, `rows` also from
//! `weighted`, `weighted` from `tally` and `matrix`, `tally` from `matrix`),
//! never from here.

use polars::prelude::{PolarsError, PolarsResult};

use crate::analysis::comments::{comment_rows, CommentRow};
use crate::codebook::Codebook;
use crate::ingest::Ingested;

mod matrix;
mod psychometrics;
mod respondents;
mod rows;
mod tally;
mod weighted;

pub use psychometrics::{GroupTestRow, ItemReliabilityRow, ReliabilityRow};
pub use respondents::RespondentCount;
pub use rows::{Panel, ScoreRow};
pub use tally::Figures;
pub use weighted::Weighted;

/// Every score table of one questionnaire.
pub struct Scores {
    /// Group names in display order; group `g` is `groups[g - 1]`.
    pub groups: Vec<String>,
    pub respondents: Vec<RespondentCount>,
    pub areas: Vec<ScoreRow>,
    pub items: Vec<ScoreRow>,
    pub reliability: Vec<ReliabilityRow>,
    pub item_reliability: Vec<ItemReliabilityRow>,
    pub group_tests: Vec<GroupTestRow>,
    /// The open answers (`comments.csv`), in the contract's order.
    pub comments: Vec<CommentRow>,
}

impl Scores {
    pub fn group_name(&self, g: u32) -> &str {
        if g == 0 {
            "ALL"
        } else {
            &self.groups[g as usize - 1]
        }
    }
}

/// Each respondent's score on one (measure, area) as the (sum, count) of
/// their valid ratings, an exact fraction; `None` without an area score
/// (fewer than `min_answered` of the items rated). For the paired
/// comparison of two rounds.
pub fn respondent_area_scores(
    cb: &Codebook,
    data: &Ingested,
    measure: usize,
    area: usize,
) -> Vec<Option<(i32, u16)>> {
    let mx = matrix::one(cb, data, measure, area);
    let k = mx.items.len();
    let (count, sum) = mx.counts_and_sums(data.respondents.len());
    count
        .into_iter()
        .zip(sum)
        .map(|(c, s)| tally::has_area_score(c, k, cb.rules.min_answered).then_some((s, c)))
        .collect()
}

/// All scores of one questionnaire.
///
/// The area side (area scores, group tests) and the item side (item scores,
/// reliability, respondent counts) are independent passes over the same
/// codes and run on two cores; each is deterministic on its own.
pub fn score(cb: &Codebook, data: &Ingested) -> PolarsResult<Scores> {
    let matrices = matrix::build(cb, data);
    let groups: Vec<u32> = data.respondents.iter().map(|r| r.group).collect();
    let weights = weighted::respondent_weights(cb, data);
    let (area_side, (items, (reliability, item_reliability), respondents)) =
        std::thread::scope(|scope| {
            let area_side = scope.spawn(|| {
                let tallies = tally::area_tallies(cb, data, &matrices, &groups);
                let w = weights
                    .as_ref()
                    .map(|w| weighted::area_rows(cb, data, &matrices, w));
                let areas = rows::area_scores(cb, data, &tallies, w.as_ref());
                (areas, psychometrics::group_tests(cb, &tallies))
            });
            let w = weights
                .as_ref()
                .map(|w| weighted::item_rows(cb, data, &matrices, w));
            let items = rows::item_scores(cb, data, &matrices, &groups, w.as_ref());
            let reliability = psychometrics::reliability(&matrices);
            let respondents = respondents::respondent_counts(cb, data);
            (area_side.join(), (items, reliability, respondents))
        });
    let (mut areas, group_tests) = area_side.map_err(|_| {
        PolarsError::ComputeError("the thread computing the area scores failed".into())
    })?;
    rows::add_scale_cvi(cb, &mut areas, &items);
    Ok(Scores {
        groups: data.groups.clone(),
        respondents,
        areas,
        items,
        reliability,
        item_reliability,
        group_tests,
        comments: comment_rows(cb, data),
    })
}
