//! Round over round: what changed between two rounds of a study.
//!
//! Owns the linking of items across rounds (same id, or `previous` for a
//! reworded or renumbered item; new and dropped items listed as such), the
//! alignment of groups by name, and the figures of `compare_areas.csv` and
//! `compare_items.csv`: both means, their difference, both n, and a
//! Mann-Whitney U test (`stats::mann_whitney_counts`) on the score
//! distributions the two rounds' tables were made from, with Holm's
//! adjustment per measure and group; when the study declares a panel
//! (`panel = true`) and respondents took part in both rounds, the paired
//! figures of `panel` on each row, suppressed like the rows. It must not read files or score a round: it
//! takes two rounds' [`Scores`] and their rating codes.

use std::collections::HashMap;

use crate::analysis::paired::{Exact, PairTally, Pairs};
use crate::analysis::rules::Decision;
use crate::analysis::score::{respondent_area_scores, ScoreRow, Scores};
use crate::analysis::stats::{self, SignedRank};
use crate::analysis::suppress::{self, Cell};
use crate::codebook::{Codebook, Item};
use crate::ingest::Ingested;

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
            mean: row.mean(),
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
    /// `p` adjusted by Holm over the rows of one measure and group in one
    /// table (R `p.adjust(p, "holm")`).
    pub p_holm: Option<f64>,
    /// Items only.
    pub status: Option<Status>,
    /// Respondents scored in both rounds; `None` when no respondent took
    /// part in both rounds, or the target is not in both.
    pub paired: Option<Paired>,
}

/// The panel figures of a row: `n_paired`, and `changed` and the
/// signed-rank test unless hidden (fewer than `min_cell` pairs, or
/// hidden so that `ALL` minus the shown rows cannot give them back).
#[derive(Debug, Clone, PartialEq)]
pub struct Paired {
    pub n: u64,
    pub changed: Option<f64>,
    pub test: Option<SignedRank>,
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
    /// Respondents who took part in both rounds (0: not a panel).
    pub panel: usize,
    /// Respondents used in each round (a headcount, published as it is).
    pub took_part: [u64; 2],
}

/// A round as compared: its view of the codebook and its scores.
#[derive(Clone, Copy)]
pub struct RoundScores<'a> {
    pub id: &'a str,
    pub cb: &'a Codebook,
    pub scores: &'a Scores,
    /// The rating codes, for the paired figures of a panel.
    pub data: &'a Ingested,
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
                p_holm: None,
                status,
                paired: None,
            }
        })
        .collect()
}

/// Puts the paired tallies (`ALL` first, then the later round's groups)
/// on a set of rows (`ALL` first, then the compared groups by name), and
/// hides them as docs/reference.md says: below `min_cell` pairs, on a
/// suppressed row, and secondarily so that `ALL` gives none back.
fn attach(rows: &mut [Change], tallies: &[PairTally], to: &Scores, min_cell: u32) {
    let empty = PairTally::default();
    let tally_of = |group: &str| match group {
        "ALL" => &tallies[0],
        g => to
            .groups
            .iter()
            .position(|n| n == g)
            .map_or(&empty, |i| &tallies[i + 1]),
    };
    let found: Vec<&PairTally> = rows.iter().map(|r| tally_of(&r.group)).collect();
    let cells: Vec<Cell> = rows
        .iter()
        .zip(&found)
        .skip(1)
        .map(|(r, t)| Cell {
            n: t.n,
            content: t.n > 0,
            hidden: suppress::primary(t.n, min_cell) || r.suppressed(),
        })
        .collect();
    let all_hidden = suppress::primary(found.first().map_or(0, |t| t.n), min_cell);
    let hidden = std::iter::once(all_hidden).chain(suppress::secondary(&cells, min_cell));
    for ((row, t), hidden) in rows.iter_mut().zip(found).zip(hidden) {
        row.paired = Some(Paired {
            n: t.n,
            changed: if hidden { None } else { t.changed_share() },
            test: if hidden { None } else { t.test() },
        });
    }
}

/// Each respondent's rating of item `id` on `measure` in one round, exactly.
fn item_scores(r: RoundScores, id: &str, measure: usize) -> Vec<Option<Exact>> {
    let codes =
        r.cb.items
            .iter()
            .position(|i| i.id == id)
            .and_then(|i| r.data.ratings.get(i, measure))
            .unwrap_or(&[]);
    codes
        .iter()
        .map(|&c| crate::ingest::ratings::rated(c).then_some((i64::from(c), 1)))
        .collect()
}

/// Each respondent's area score on (measure, area) in one round, exactly.
fn area_scores(r: RoundScores, measure: usize, area: usize) -> Vec<Option<Exact>> {
    respondent_area_scores(r.cb, r.data, measure, area)
        .into_iter()
        .map(|s| s.map(|(sum, count)| (i64::from(sum), i64::from(count))))
        .collect()
}

/// The paired tallies of one score given both rounds' per-respondent scores.
fn paired_tallies(pairs: &Pairs, from: &[Option<Exact>], to: &[Option<Exact>]) -> Vec<PairTally> {
    pairs.tally(
        |i| from.get(i).copied().flatten(),
        |j| to.get(j).copied().flatten(),
    )
}

/// How `item` of the study is compared: its ids in the two rounds and its
/// status, or `None` when it is not a row of the comparison (asked in
/// neither round, or an earlier wording shown on its successor's row).
/// Whether a round asks an item is its view's say (`Codebook::for_round`):
/// its `rounds` and a column in that round.
fn link<'a>(
    study: &'a Codebook,
    item: &'a Item,
    from: RoundScores,
    to: RoundScores,
) -> Option<(Option<&'a str>, Option<&'a str>, Status)> {
    let asks = |r: RoundScores, id: &str| r.cb.items.iter().any(|i| i.id == id);
    let id = item.id.as_str();
    if asks(to, id) {
        if asks(from, id) {
            return Some((Some(id), Some(id), Status::Same));
        }
        return match item.previous.as_deref().filter(|p| asks(from, p)) {
            Some(p) => {
                let before = study.items.iter().find(|i| i.id == p);
                let same = before.is_some_and(|b| same_wording(&b.text, &item.text));
                let status = if same { Status::Same } else { Status::Reworded };
                Some((Some(p), Some(id), status))
            }
            None => Some((None, Some(id), Status::New)),
        };
    }
    let succeeded = study
        .items
        .iter()
        .any(|i| asks(to, &i.id) && !asks(from, &i.id) && i.previous.as_deref() == Some(id));
    (asks(from, id) && !succeeded).then_some((Some(id), None, Status::Dropped))
}

/// docs/reference.md's `same`: the texts after collapsing whitespace.
fn same_wording(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Holm's adjustment of `p` over the rows of one measure and group
/// (docs/reference.md, "Compare"), as R `p.adjust`: rows without a p do not count.
fn holm_per_measure_and_group(rows: &mut [Change]) {
    let mut sets: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        if r.p.is_some() {
            sets.entry((r.measure, r.group.as_str()))
                .or_default()
                .push(i);
        }
    }
    let sets: Vec<Vec<usize>> = sets.into_values().collect();
    for set in sets {
        let p: Vec<f64> = set.iter().map(|&i| rows[i].p.unwrap_or(f64::NAN)).collect();
        for (&i, adj) in set.iter().zip(stats::holm(&p)) {
            rows[i].p_holm = Some(adj);
        }
    }
}

/// Whether the round's codebook has item `id` with a column for `measure`.
fn rates(cb: &Codebook, id: &str, measure: usize) -> bool {
    cb.items
        .iter()
        .any(|i| i.id == id && i.columns.iter().any(|(m, _)| *m == measure))
}

/// What every row of one comparison is built from.
struct Sides<'a> {
    study: &'a Codebook,
    from: RoundScores<'a>,
    to: RoundScores<'a>,
    groups: Vec<String>,
    items: (Index<'a>, Index<'a>),
    areas: (Index<'a>, Index<'a>),
    pairs: Pairs,
}

impl Sides<'_> {
    /// The rows of one area of `measure`, if either round asks it.
    fn area(&self, measure: usize, area: usize) -> Vec<Change> {
        let id = self.study.areas[area].id.as_str();
        let asked = |r: RoundScores| (r.cb.area_k(measure, area) > 0).then_some(id);
        let ids = (asked(self.from), asked(self.to));
        if ids == (None, None) {
            return Vec::new();
        }
        let (fa, ta) = &self.areas;
        let mut rows = changes(&self.groups, measure, ids, (fa, ta), None);
        if let (Some(_), Some(_)) = ids {
            let score = |r| area_scores(r, measure, area);
            self.add_pairs(&mut rows, &score(self.from), &score(self.to));
        }
        rows
    }

    /// The rows of one item of the study on `measure`, if it is compared.
    fn item(&self, measure: usize, item: &Item) -> Vec<Change> {
        let (from, to) = (self.from, self.to);
        let Some((id_from, id_to, status)) = link(self.study, item, from, to) else {
            return Vec::new();
        };
        let ids = (
            id_from.filter(|id| rates(from.cb, id, measure)),
            id_to.filter(|id| rates(to.cb, id, measure)),
        );
        if ids == (None, None) {
            return Vec::new();
        }
        let (fi, ti) = &self.items;
        let mut rows = changes(&self.groups, measure, ids, (fi, ti), Some(status));
        if let (Some(f), Some(t)) = ids {
            let (a, b) = (item_scores(from, f, measure), item_scores(to, t, measure));
            self.add_pairs(&mut rows, &a, &b);
        }
        rows
    }

    /// The paired figures of a score asked in both rounds, when some
    /// respondents took part in both.
    fn add_pairs(&self, rows: &mut [Change], from: &[Option<Exact>], to: &[Option<Exact>]) {
        if !self.pairs.is_empty() {
            let tallies = paired_tallies(&self.pairs, from, to);
            attach(rows, &tallies, self.to.scores, self.study.min_cell);
        }
    }
}

/// Compares two rounds of `study` (the full codebook; each round's own
/// view is in its [`RoundScores`]).
pub fn compare(study: &Codebook, from: RoundScores, to: RoundScores) -> Comparison {
    let sides = Sides {
        study,
        from,
        to,
        groups: group_union(from.scores, to.scores),
        items: (items_index(from), items_index(to)),
        areas: (areas_index(from), areas_index(to)),
        pairs: if study.respondents.is_panel() {
            Pairs::new(from.data, to.data)
        } else {
            Pairs::none()
        },
    };
    let mut areas = Vec::new();
    let mut items = Vec::new();
    for m in 0..study.measures.len() {
        for a in 0..study.areas.len() {
            areas.extend(sides.area(m, a));
        }
        for item in &study.items {
            items.extend(sides.item(m, item));
        }
    }
    holm_per_measure_and_group(&mut areas);
    holm_per_measure_and_group(&mut items);
    let used = |r: RoundScores| r.data.respondents.len() as u64;
    Comparison {
        from: from.id.to_string(),
        to: to.id.to_string(),
        took_part: [used(from), used(to)],
        panel: sides.pairs.len(),
        groups: sides.groups,
        areas,
        items,
    }
}
