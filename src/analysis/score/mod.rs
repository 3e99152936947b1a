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
//! Files: `grouping` (which group each respondent counts in: the
//! stakeholder group or a breakdown's value), `matrix` (the code columns
//! of a measure x area), `joint` (every grouping's item histograms in one
//! pass), `tally` (exact counts and the figures computed from them),
//! `weighted` (the weighted figures of `[weights]`), `rows` (area and item
//! score rows, suppression, decisions), `respondents`
//! (headcounts) and `psychometrics` (reliability and group tests). This
//! file only runs them, for the stakeholder groups and every breakdown, and
//! gathers the [`Scores`]; the files import each other one way (`rows` and
//! `psychometrics` from `tally` and `matrix`, `rows` also from `weighted`,
//! `weighted` from `tally` and `matrix`, `tally` from `joint` and
//! `matrix`; `tally`, `joint`, `rows`, `weighted` and `respondents` from
//! `grouping`), never from here.

use polars::prelude::{PolarsError, PolarsResult};
use rayon::prelude::*;

use crate::analysis::comments::{comment_rows, CommentRow};
use crate::codebook::Codebook;
use crate::ingest::{BreakdownValues, Ingested};

mod grouping;
use grouping::Grouping;
mod joint;
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
    /// The open answers (`comments.csv`), in docs/reference.md's order.
    pub comments: Vec<CommentRow>,
    /// Each `[respondents] breakdowns` column's scores (`tables/by-<slug>/`):
    /// groups, headcounts, area and item scores and group tests only.
    pub breakdowns: Vec<Scores>,
    /// What a breakdown's groups are; `None` for the stakeholder groups.
    pub breakdown: Option<BreakdownOf>,
}

/// A breakdown: its column, its folder's slug, and how many respondents
/// have no value in it (they count in its `ALL`, in none of its groups).
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownOf {
    pub column: String,
    pub slug: String,
    pub without_value: u64,
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
///
/// The passes over the codes serve every grouping at once: one core counts
/// the respondent area scores (each respondent's count and sum of an area
/// worked out once for all groupings) and the weighted area rows, the other
/// the item histograms (one pass per column for all groupings, `joint`) and
/// weighted item rows, beside the reliability. The rows of each grouping
/// are then made from those counts, groupings side by side. Each pass is
/// deterministic on its own. Post-stratified, every respondent of a
/// stakeholder group weighs the same, so the stakeholder groups' weighted
/// rows come from the counts too, with no pass of their own.
pub fn score(cb: &Codebook, data: &Ingested) -> PolarsResult<Scores> {
    let matrices = matrix::build(cb, data);
    let of: Vec<u32> = data.respondents.iter().map(|r| r.group).collect();
    let groupings: Vec<Grouping> = std::iter::once(Grouping::stakeholders(data, &of))
        .chain(data.breakdowns.iter().map(Grouping::breakdown))
        .collect();
    let people = respondents::People::of(data);
    let (counted, (reliability, item_reliability)) = count(cb, data, &matrices, &groupings)?;
    let counted: Vec<(Counted, &Grouping)> = counted.into_iter().zip(&groupings).collect();
    // Every grouping's rows on any free core: a breakdown with many values
    // takes longer than the stakeholder groups.
    let mut by = counted
        .into_par_iter()
        .map(|(c, gs)| rows_of(cb, &people, &matrices, *gs, c))
        .collect::<Vec<_>>()
        .into_iter();
    let (areas, items, respondents, group_tests) = by.next().unwrap_or_default();
    let breakdowns = data.breakdowns.iter().zip(by);
    Ok(Scores {
        groups: data.groups.clone(),
        respondents,
        areas,
        items,
        reliability,
        item_reliability,
        group_tests,
        comments: comment_rows(cb, data),
        breakdowns: breakdowns.map(|(b, by)| breakdown_scores(b, by)).collect(),
        breakdown: None,
    })
}

/// A breakdown's scores: groups, headcounts, area and item rows and group
/// tests (reliability and comments are the round's).
fn breakdown_scores(b: &BreakdownValues, by: ByGroup) -> Scores {
    let (areas, items, respondents, group_tests) = by;
    Scores {
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
            without_value: b.of.iter().filter(|g| **g == 0).count() as u64,
        }),
    }
}

type Reliability = (Vec<ReliabilityRow>, Vec<ItemReliabilityRow>);

/// The passes over the codes, for every grouping (see [`score`]), and the
/// reliability beside them.
fn count(
    cb: &Codebook,
    data: &Ingested,
    matrices: &[matrix::Matrix],
    groupings: &[Grouping],
) -> PolarsResult<(Vec<Counted>, Reliability)> {
    let weights = weighted::respondent_weights(cb, data);
    let wg = weighted::group_weights(cb, data);
    // Which groupings need a weighted pass over the cells.
    let pass = |i: usize| weights.as_deref().filter(|_| i > 0 || wg.is_none());
    let (area_side, item_side, reliability) = std::thread::scope(|scope| {
        let reliability = scope.spawn(|| psychometrics::reliability(matrices));
        let area_side = scope.spawn(|| {
            let mut w: Vec<Option<weighted::WeightedRows>> = (0..groupings.len())
                .map(|i| pass(i).map(|_| Default::default()))
                .collect();
            let scores = tally::area_scores(cb, matrices, groupings, |mx, count, sum| {
                for (i, (gs, out)) in groupings.iter().zip(w.iter_mut()).enumerate() {
                    if let (Some(wt), Some(out)) = (pass(i), out.as_mut()) {
                        weighted::area_rows(cb, *gs, (mx, count, sum), wt, out);
                    }
                }
            });
            (scores, w)
        });
        let rows = |(i, gs): (usize, &Grouping)| {
            pass(i).map(|w| weighted::item_rows(cb, *gs, matrices, w))
        };
        let w: Vec<_> = groupings.iter().enumerate().map(rows).collect();
        let item_side = (tally::item_histograms(&cb.scale, matrices, groupings), w);
        (area_side.join(), item_side, reliability.join())
    });
    let ((scores, mut w_areas), (hists, mut w_items)) =
        (area_side.map_err(|_| thread_failed())?, item_side);
    if let (Some(wg), Some(h), Some(s)) = (&wg, hists.first(), scores.first()) {
        w_items[0] = Some(weighted::item_rows_of_counts(cb, matrices, h, wg));
        w_areas[0] = Some(weighted::area_rows_of_counts(cb, matrices, h, s, wg));
    }
    let counted = (hists.into_iter().zip(scores))
        .zip(w_areas.into_iter().zip(w_items))
        .map(|((hists, scores), weighted)| Counted {
            hists,
            scores,
            weighted,
        })
        .collect();
    Ok((counted, reliability.map_err(|_| thread_failed())?))
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

/// What the passes over the codes counted for one grouping.
struct Counted {
    hists: tally::Histograms,
    scores: tally::AreaScores,
    /// Weighted (area, item) rows, with `[weights]`.
    weighted: (
        Option<weighted::WeightedRows>,
        Option<weighted::WeightedRows>,
    ),
}

/// The rows of one grouping from its counts: area and item scores (both
/// from the item histograms), headcounts and group tests.
fn rows_of(
    cb: &Codebook,
    people: &respondents::People,
    matrices: &[matrix::Matrix],
    gs: Grouping,
    c: Counted,
) -> ByGroup {
    let found = tally::item_tallies(cb, matrices, &c.hists);
    let items = rows::item_scores(cb, &found, gs, c.weighted.1.as_ref());
    let respondents = respondents::respondent_counts(cb, people, gs);
    let tallies = tally::area_tallies(cb, matrices, &c.hists, c.scores);
    let mut areas = rows::area_scores(cb, gs, &tallies, c.weighted.0.as_ref());
    let group_tests = psychometrics::group_tests(cb, &tallies);
    rows::add_scale_cvi(cb, &mut areas, &items);
    (areas, items, respondents, group_tests)
}
