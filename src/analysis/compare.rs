//! Round over round: what changed between two rounds of a study.
//!
//! Owns the linking of items across rounds (same id, or `previous` for a
//! reworded or renumbered item; new and dropped items listed as such), the
//! alignment of groups by name, and the figures of `compare_areas.csv` and
//! `compare_items.csv`: both means, their difference, both n, and a
//! Mann-Whitney U test (`stats::mann_whitney_counts`) on the score
//! distributions the two rounds' tables were made from. It must not read
//! files or score a round: it takes two rounds' [`Scores`].

use std::collections::HashMap;

use crate::analysis::rules::Decision;
use crate::analysis::score::{ScoreRow, Scores};
use crate::analysis::stats;
use crate::codebook::Codebook;

/// How an item of the later round relates to the earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Asked in both rounds under the same id.
    Same,
    /// Linked through `previous`: reworded or renumbered.
    Reworded,
    /// Only in the later round.
    New,
    /// Only in the earlier round, and no later item names it `previous`.
    Dropped,
}

impl Status {
    /// The `status` column.
    pub fn code(self) -> &'static str {
        match self {
            Status::Same => "same",
            Status::Reworded => "reworded",
            Status::New => "new",
            Status::Dropped => "dropped",
        }
    }
}

/// One side of a change: a score row as the round's table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub n: u64,
    /// `None` when the group is below `min_cell` in this round.
    pub mean: Option<f64>,
    pub decision: Option<Decision>,
    pub suppressed: bool,
    dist: Vec<(f64, u64)>,
}

impl Side {
    fn of(row: &ScoreRow) -> Side {
        let f = row.figures.as_ref();
        Side {
            n: row.n,
            mean: f.and_then(|f| f.mean),
            decision: row.decision.map(|d| d.0),
            suppressed: row.suppressed(),
            dist: f.map(|f| f.dist.clone()).unwrap_or_default(),
        }
    }
}

/// One row of `compare_areas.csv` or `compare_items.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Index into the study's measures.
    pub measure: usize,
    /// Area id, or item id in the later round (the earlier one if dropped).
    pub id: String,
    /// The item's id in the earlier round when it differs (reworded).
    pub id_from: Option<String>,
    pub group: String,
    pub from: Option<Side>,
    pub to: Option<Side>,
    /// U of the earlier round's scores, and its two-sided p; only when both
    /// sides are shown.
    pub u: Option<f64>,
    pub p: Option<f64>,
    /// Items only.
    pub status: Option<Status>,
}

impl Change {
    pub fn mean_from(&self) -> Option<f64> {
        self.from.as_ref().and_then(|s| s.mean)
    }

    pub fn mean_to(&self) -> Option<f64> {
        self.to.as_ref().and_then(|s| s.mean)
    }

    pub fn delta(&self) -> Option<f64> {
        Some(self.mean_to()? - self.mean_from()?)
    }

    /// A side is below `min_cell`: its figures and the test are not shown.
    pub fn suppressed(&self) -> bool {
        [&self.from, &self.to]
            .into_iter()
            .flatten()
            .any(|s| s.suppressed)
    }
}

/// Everything `compare-<from>-<to>/` shows.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub from: String,
    pub to: String,
    /// `ALL` first, then the groups of both rounds in display order.
    pub groups: Vec<String>,
    pub areas: Vec<Change>,
    pub items: Vec<Change>,
}

/// A round as compared: its view of the codebook and its scores.
#[derive(Clone, Copy)]
pub struct RoundScores<'a> {
    pub id: &'a str,
    pub cb: &'a Codebook,
    pub scores: &'a Scores,
}

/// Score rows of one round by (measure, item or area id, group name).
struct Index<'a> {
    rows: HashMap<(usize, &'a str, &'a str), &'a ScoreRow>,
}

impl<'a> Index<'a> {
    fn new(r: RoundScores<'a>, rows: &'a [ScoreRow], id: impl Fn(usize) -> &'a str) -> Self {
        let rows = rows
            .iter()
            .map(|row| {
                let key = (row.measure, id(row.target), r.scores.group_name(row.group));
                (key, row)
            })
            .collect();
        Index { rows }
    }

    fn side(&self, measure: usize, id: &str, group: &str) -> Option<Side> {
        self.rows.get(&(measure, id, group)).map(|r| Side::of(r))
    }
}

fn items_index<'a>(r: RoundScores<'a>) -> Index<'a> {
    Index::new(r, &r.scores.items, |i| r.cb.items[i].id.as_str())
}

fn areas_index<'a>(r: RoundScores<'a>) -> Index<'a> {
    Index::new(r, &r.scores.areas, |a| r.cb.areas[a].id.as_str())
}

/// `ALL`, then the earlier round's groups, then groups new in the later one.
fn group_union(from: &Scores, to: &Scores) -> Vec<String> {
    let mut out = vec!["ALL".to_string()];
    for g in from.groups.iter().chain(&to.groups) {
        if !out.contains(g) {
            out.push(g.clone());
        }
    }
    out
}

/// One change per group for a (measure, id) pair, from its two sides.
fn changes(
    groups: &[String],
    measure: usize,
    (id_from, id_to): (Option<&str>, Option<&str>),
    (from, to): (&Index, &Index),
    status: Option<Status>,
) -> Vec<Change> {
    groups
        .iter()
        .map(|g| {
            let from = id_from.and_then(|id| from.side(measure, id, g));
            let to = id_to.and_then(|id| to.side(measure, id, g));
            let test = match (&from, &to) {
                (Some(a), Some(b)) if !a.suppressed && !b.suppressed => {
                    stats::mann_whitney_counts(&a.dist, &b.dist)
                }
                _ => None,
            };
            let id = id_to.or(id_from).unwrap_or_default();
            Change {
                measure,
                id: id.to_string(),
                id_from: id_from.filter(|f| *f != id).map(str::to_string),
                group: g.clone(),
                from,
                to,
                u: test.map(|t| t.u),
                p: test.map(|t| t.p),
                status,
            }
        })
        .collect()
}

/// How `item` of the study is compared: its ids in the two rounds and its
/// status, or `None` when it is not a row of the comparison (asked in
/// neither round, or an earlier wording shown on its successor's row).
fn link<'a>(
    study: &'a Codebook,
    item: &'a crate::codebook::Item,
    from: &str,
    to: &str,
) -> Option<(Option<&'a str>, Option<&'a str>, Status)> {
    let in_from = |id: &str| study.items.iter().any(|i| i.id == id && i.asked_in(from));
    if item.asked_in(to) {
        let id = item.id.as_str();
        if item.asked_in(from) {
            return Some((Some(id), Some(id), Status::Same));
        }
        return match item.previous.as_deref().filter(|p| in_from(p)) {
            Some(p) => Some((Some(p), Some(id), Status::Reworded)),
            None => Some((None, Some(id), Status::New)),
        };
    }
    let succeeded = study.items.iter().any(|i| {
        i.asked_in(to) && !i.asked_in(from) && i.previous.as_deref() == Some(item.id.as_str())
    });
    (item.asked_in(from) && !succeeded).then_some((Some(item.id.as_str()), None, Status::Dropped))
}

/// Whether the round's codebook has item `id` with a column for `measure`.
fn rates(cb: &Codebook, id: &str, measure: usize) -> bool {
    cb.items
        .iter()
        .any(|i| i.id == id && i.columns.iter().any(|(m, _)| *m == measure))
}

/// Compares two rounds of `study` (the full codebook; each round's own
/// view is in its [`RoundScores`]).
pub fn compare(study: &Codebook, from: RoundScores, to: RoundScores) -> Comparison {
    let groups = group_union(from.scores, to.scores);
    let (fi, ti) = (items_index(from), items_index(to));
    let (fa, ta) = (areas_index(from), areas_index(to));
    let mut areas = Vec::new();
    let mut items = Vec::new();
    for m in 0..study.measures.len() {
        for (a, area) in study.areas.iter().enumerate() {
            let asked = |r: RoundScores| r.cb.area_k(m, a) > 0;
            let ids = (
                asked(from).then_some(area.id.as_str()),
                asked(to).then_some(area.id.as_str()),
            );
            if ids != (None, None) {
                areas.extend(changes(&groups, m, ids, (&fa, &ta), None));
            }
        }
        for item in &study.items {
            let Some((id_from, id_to, status)) = link(study, item, from.id, to.id) else {
                continue;
            };
            let ids = (
                id_from.filter(|id| rates(from.cb, id, m)),
                id_to.filter(|id| rates(to.cb, id, m)),
            );
            if ids != (None, None) {
                items.extend(changes(&groups, m, ids, (&fi, &ti), Some(status)));
            }
        }
    }
    Comparison {
        from: from.id.to_string(),
        to: to.id.to_string(),
        groups,
        areas,
        items,
    }
}
