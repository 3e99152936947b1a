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

mod grouping;
use grouping::Grouping;
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
    /// Each `[respondents] breakdowns` column's scores (`tables/by-<slug>/`):
    /// groups, headcounts, area and item scores and group tests only.
    pub breakdowns: Vec<Scores>,
    /// What a breakdown's groups are; `None` for the stakeholder groups.
    pub breakdown: Option<BreakdownOf>,
}

/// A breakdown: its column, its folder's slug, and how many respondents it
/// leaves out for want of a value (they count everywhere else).
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownOf {
    pub column: String,
    pub slug: String,
    pub left_out: u64,
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

/// All scores of one questionnaire: the stakeholder groups', then each
/// breakdown's.
pub fn score(cb: &Codebook, data: &Ingested) -> PolarsResult<Scores> {
    let matrices = matrix::build(cb, data);
    let weights = weighted::respondent_weights(cb, data);
    let of: Vec<u32> = data.respondents.iter().map(|r| r.group).collect();
    let gs = Grouping::stakeholders(data, &of);
    let people = respondents::People::of(data);
    let ((areas, items, respondents, group_tests), (reliability, item_reliability)) =
        std::thread::scope(|scope| {
            let reliability = scope.spawn(|| psychometrics::reliability(&matrices));
            let scored = score_by(cb, &people, &matrices, gs, weights.as_deref())?;
            Ok::<_, PolarsError>((scored, reliability.join().map_err(|_| thread_failed())?))
        })?;
    let mut breakdowns = Vec::with_capacity(data.breakdowns.len());
    for b in &data.breakdowns {
        let gs = Grouping::breakdown(b);
        let (areas, items, respondents, group_tests) =
            score_by(cb, &people, &matrices, gs, weights.as_deref())?;
        breakdowns.push(Scores {
            groups: b.values.clone(),
            respondents,
            areas,
            items,
            reliability: Vec::new(),
            item_reliability: Vec::new(),
            group_tests,
            comments: Vec::new(),
            breakdowns: Vec::new(),
            breakdown: Some(BreakdownOf {
                column: b.column.clone(),
                slug: b.slug.clone(),
                left_out: b.of.iter().filter(|g| **g == 0).count() as u64,
            }),
        });
    }
    Ok(Scores {
        groups: data.groups.clone(),
        respondents,
        areas,
        items,
        reliability,
        item_reliability,
        group_tests,
        comments: comment_rows(cb, data),
        breakdowns,
        breakdown: None,
    })
}

fn thread_failed() -> PolarsError {
    PolarsError::ComputeError("a thread computing the scores failed".into())
}

type ByGroup = (
    Vec<ScoreRow>,
    Vec<ScoreRow>,
    Vec<RespondentCount>,
    Vec<GroupTestRow>,
);

/// The figures of one grouping: area and item scores, headcounts and group
/// tests. The respondent area scores (and weighted area rows) are counted
/// on one core while the other counts the item histograms (and weighted
/// item rows) and headcounts; area and item rows then both come from the
/// histograms. Each pass is deterministic on its own.
fn score_by(
    cb: &Codebook,
    people: &respondents::People,
    matrices: &[matrix::Matrix],
    gs: Grouping,
    weights: Option<&[f64]>,
) -> PolarsResult<ByGroup> {
    let (area_side, (hists, items, respondents)) = std::thread::scope(|scope| {
        let area_side = scope.spawn(|| {
            let scores = tally::area_scores(cb, matrices, gs);
            let w = weights.map(|w| weighted::area_rows(cb, gs, matrices, w));
            (scores, w)
        });
        let hists = tally::item_histograms(matrices, gs);
        let w = weights.map(|w| weighted::item_rows(cb, gs, matrices, w));
        let found = tally::item_tallies(cb, matrices, &hists);
        let items = rows::item_scores(cb, &found, gs, w.as_ref());
        let respondents = respondents::respondent_counts(cb, people, gs);
        (area_side.join(), (hists, items, respondents))
    });
    let (scores, w) = area_side.map_err(|_| thread_failed())?;
    let tallies = tally::area_tallies(cb, matrices, &hists, scores);
    let mut areas = rows::area_scores(cb, gs, &tallies, w.as_ref());
    let group_tests = psychometrics::group_tests(cb, &tallies);
    rows::add_scale_cvi(cb, &mut areas, &items);
    Ok((areas, items, respondents, group_tests))
}
