//! Scores: every figure of `respondents.csv`, `area_scores.csv`,
//! `item_scores.csv` and (in `psychometrics`) `reliability.csv`,
//! `item_reliability.csv` and `group_tests.csv`, by the contract's
//! definitions (section 4).
//!
//! The one-byte rating codes of `ingest` are viewed per measure x area
//! (`matrix`, no copy); item and area tallies are exact integer counts
//! (histograms of codes per group) taken in column-wise passes over them,
//! and every figure is computed from those counts in a fixed order
//! (`stats`), so reruns are byte-identical whatever the thread scheduling.
//! These passes are plain loops over bytes rather than polars group-bys:
//! at a million respondents they take tenths of a second where group-bys
//! over a long frame took seconds (BENCHMARKS.md), and integer counts are
//! exact. `rules` adds the decision;
//! small groups are suppressed here, once, for every output. It must not
//! format or write: that is `render`.

use std::collections::{BTreeSet, HashMap};

use polars::prelude::*;

use crate::codebook::{Codebook, Scale};
use crate::ingest::ratings::rated;
use crate::ingest::Ingested;
use crate::rules::{decide, Decision, Rule};

mod matrix;
mod psychometrics;
use crate::stats;
use matrix::Matrix;
pub use psychometrics::{GroupTestRow, ItemReliabilityRow, ReliabilityRow};

/// The aggregated figures of one score row; absent when suppressed.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub median: Option<f64>,
    /// Ratings above the scale midpoint, and the valid ratings they are a share of.
    pub agree: u64,
    pub rated: u64,
    /// Count per scale value, `min..=max`.
    pub counts: Vec<u64>,
    pub n_missing: u64,
    /// The scores behind `mean`: distinct values, ascending, with their
    /// counts (ratings for an item, respondent area scores for an area), so
    /// that rank tests between rounds need no respondent rows.
    pub dist: Vec<(f64, u64)>,
}

impl Figures {
    /// `pct_agree`: the I-CVI for an item, pooled over items for an area.
    pub fn pct_agree(&self) -> Option<f64> {
        stats::share(self.agree, self.rated)
    }
}

/// One row of `area_scores` or `item_scores`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub measure: usize,
    /// Area index (area scores) or item index (item scores).
    pub target: usize,
    /// 0 is `ALL`; otherwise 1-based into [`Scores::groups`].
    pub group: u32,
    /// Respondents with an area score, or valid ratings of the item.
    pub n: u64,
    /// `None` when suppressed (group below `min_cell`).
    pub figures: Option<Figures>,
    /// 95% t interval of the mean (area rows).
    pub ci: Option<(f64, f64)>,
    /// Modified kappa (item rows).
    pub kappa_star: Option<f64>,
    /// Keep / reword / drop and the rule that fired (item rows of `ALL`).
    pub decision: Option<(Decision, Rule)>,
    /// S-CVI/Ave and S-CVI/UA over the area's items (area rows).
    pub s_cvi: Option<(f64, f64)>,
}

impl ScoreRow {
    pub fn suppressed(&self) -> bool {
        self.figures.is_none()
    }
}

/// One row of `respondents.csv`. Headcounts are published as they are.
#[derive(Debug, Clone, PartialEq)]
pub struct RespondentCount {
    /// 0 is `ALL`.
    pub group: u32,
    pub respondents: u64,
    pub institutions: u64,
    pub answered: u64,
    pub complete: u64,
}

pub struct Scores {
    /// Group names in display order; group `g` is `groups[g - 1]`.
    pub groups: Vec<String>,
    pub respondents: Vec<RespondentCount>,
    pub areas: Vec<ScoreRow>,
    pub items: Vec<ScoreRow>,
    pub reliability: Vec<ReliabilityRow>,
    pub item_reliability: Vec<ItemReliabilityRow>,
    pub group_tests: Vec<GroupTestRow>,
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

/// Every figure comes from exact counts (so the result does not depend on
/// thread or summation order), and the moments are computed from the
/// counted distribution by `stats::moments_from_counts` in a fixed order.
#[derive(Debug, Clone, Default)]
struct Tally {
    /// Distinct values (ascending after [`Tally::finish`]) and their counts.
    dist: Vec<(f64, u64)>,
    /// Per scale value, pooled over the cells behind the row.
    counts: Vec<u64>,
    agree: u64,
    rated: u64,
    n_missing: u64,
}

impl Tally {
    fn new(scale: &Scale) -> Tally {
        Tally {
            counts: vec![0; scale.values().count()],
            ..Tally::default()
        }
    }

    /// The tally of a histogram of codes (256 slots, `code as u8`): the
    /// ratings per scale value, those above the midpoint (agreement), and
    /// the missing cells. Invalid and absent cells count for nothing. The
    /// distribution is that of the ratings themselves.
    fn from_histogram(scale: &Scale, hist: &[u64]) -> Tally {
        let mid = scale.midpoint();
        let mut t = Tally::new(scale);
        for (slot, v) in scale.values().enumerate() {
            let c = hist[usize::from(v as i8 as u8)];
            t.counts[slot] = c;
            t.rated += c;
            if v as f64 > mid {
                t.agree += c;
            }
            if c > 0 {
                t.dist.push((v as f64, c));
            }
        }
        t.n_missing = hist[usize::from(matrix::MISSING as u8)];
        t
    }

    fn add(&mut self, other: &Tally) {
        self.dist.extend_from_slice(&other.dist);
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        self.agree += other.agree;
        self.rated += other.rated;
        self.n_missing += other.n_missing;
    }

    /// Sorts the distribution and merges equal values.
    fn finish(&mut self) {
        self.dist.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut merged: Vec<(f64, u64)> = Vec::with_capacity(self.dist.len());
        for (v, c) in self.dist.drain(..) {
            match merged.last_mut() {
                Some(last) if last.0 == v => last.1 += c,
                _ => merged.push((v, c)),
            }
        }
        self.dist = merged;
    }

    fn figures(&self) -> (u64, Figures) {
        let m = stats::moments_from_counts(&self.dist);
        let f = Figures {
            mean: m.mean,
            sd: m.sd,
            median: m.median,
            agree: self.agree,
            rated: self.rated,
            counts: self.counts.clone(),
            n_missing: self.n_missing,
            dist: self.dist.clone(),
        };
        (m.n, f)
    }
}

/// Tallies keyed by (measure, target, group), group 0 being `ALL`.
type Tallies = HashMap<(usize, usize, u32), Tally>;

/// Adds every group's tally into its `ALL` tally, then finishes all.
fn with_all(mut t: Tallies, scale: &Scale) -> Tallies {
    let groups: Vec<((usize, usize), Tally)> = t
        .iter()
        .filter(|((_, _, g), _)| *g != 0)
        .map(|((m, x, _), tally)| ((*m, *x), tally.clone()))
        .collect();
    for ((m, x), tally) in groups {
        t.entry((m, x, 0))
            .or_insert_with(|| Tally::new(scale))
            .add(&tally);
    }
    for tally in t.values_mut() {
        tally.finish();
    }
    t
}

/// Every group index including `ALL` (0) first, in display order.
fn group_ids(groups: &[String]) -> impl Iterator<Item = u32> + Clone {
    0..=groups.len() as u32
}

/// Rows in codebook order for every measure x target x group, the empty
/// ones included, with small groups suppressed.
fn rows(
    cb: &Codebook,
    targets: &[(usize, usize)],
    groups: &[String],
    found: &Tallies,
    finish: impl Fn(&mut ScoreRow),
) -> Vec<ScoreRow> {
    let empty = Tally::new(&cb.scale);
    let mut out = Vec::new();
    for &(m, t) in targets {
        for g in group_ids(groups) {
            let (n, figures) = found.get(&(m, t, g)).unwrap_or(&empty).figures();
            let suppressed = g != 0 && n < cb.min_cell as u64;
            let mut row = ScoreRow {
                measure: m,
                target: t,
                group: g,
                n,
                figures: (!suppressed).then_some(figures),
                ci: None,
                kappa_star: None,
                decision: None,
                s_cvi: None,
            };
            if !suppressed {
                finish(&mut row);
            }
            out.push(row);
        }
    }
    out
}

/// Counts of ratings per item x group x value, and of missing cells: one
/// histogram of codes per item column.
fn item_tallies(cb: &Codebook, data: &Ingested, matrices: &[Matrix], groups: &[u32]) -> Tallies {
    let n_groups = data.groups.len() + 1;
    let mut out = Tallies::new();
    for mx in matrices {
        for (&item, codes) in mx.items.iter().zip(&mx.columns) {
            let mut hist = vec![0u64; n_groups * 256];
            matrix::add_histogram(&mut hist, codes, groups);
            for (g, h) in hist.chunks_exact(256).enumerate().skip(1) {
                let t = Tally::from_histogram(&cb.scale, h);
                if t.rated > 0 || t.n_missing > 0 {
                    out.insert((mx.measure, item, g as u32), t);
                }
            }
        }
    }
    with_all(out, &cb.scale)
}

/// Item scores: per measure x item x group.
fn item_scores(
    cb: &Codebook,
    data: &Ingested,
    matrices: &[Matrix],
    groups: &[u32],
) -> Vec<ScoreRow> {
    let found = item_tallies(cb, data, matrices, groups);
    let targets: Vec<(usize, usize)> = (0..cb.measures.len())
        .flat_map(|m| {
            cb.items
                .iter()
                .enumerate()
                .filter(move |(_, it)| it.columns.iter().any(|(cm, _)| *cm == m))
                .map(move |(i, _)| (m, i))
        })
        .collect();
    rows(cb, &targets, &data.groups, &found, |row| {
        let Some(f) = &row.figures else { return };
        row.kappa_star = stats::kappa_star(f.rated, f.agree);
        if row.group == 0 {
            if let (Some(mean), Some(pct)) = (f.mean, f.pct_agree()) {
                row.decision = Some(decide(mean, pct, &cb.rules));
            }
        }
    })
}

/// (measure, area) pairs with at least one item, in codebook order.
pub(crate) fn area_targets(cb: &Codebook) -> Vec<(usize, usize)> {
    (0..cb.measures.len())
        .flat_map(|m| (0..cb.areas.len()).map(move |a| (m, a)))
        .filter(|&(m, a)| cb.area_k(m, a) > 0)
        .collect()
}

/// Area tallies. A respondent's area score is sum / count of their valid
/// ratings on the area's items when they rated at least `min_answered * k`
/// of them; respondents are counted per distinct (count, sum), so every
/// score is an exact fraction and equal scores tie exactly. The pooled
/// counts are those of the respondents with a score.
fn area_tallies(cb: &Codebook, data: &Ingested, matrices: &[Matrix], groups: &[u32]) -> Tallies {
    let n_groups = data.groups.len() + 1;
    let mut out = Tallies::new();
    for mx in matrices {
        let k = mx.items.len();
        let (count, sum) = mx.counts_and_sums(groups.len());
        // (group, count, sum) -> respondents. A respondent without a score
        // gets a group out of range, so the pooled histogram leaves them out.
        let mut scores: PlHashMap<(u32, u16, i32), u64> = PlHashMap::default();
        let mut scored = groups.to_vec();
        for ((g, c), s) in scored.iter_mut().zip(&count).zip(&sum) {
            if *c == 0 || f64::from(*c) < cb.rules.min_answered * k as f64 {
                *g = n_groups as u32;
            } else {
                *scores.entry((*g, *c, *s)).or_default() += 1;
            }
        }
        let mut hist = vec![0u64; n_groups * 256];
        for codes in &mx.columns {
            matrix::add_histogram(&mut hist, codes, &scored);
        }
        for ((g, c, s), n) in scores {
            let t = out
                .entry((mx.measure, mx.area, g))
                .or_insert_with(|| Tally {
                    dist: Vec::new(),
                    ..Tally::from_histogram(&cb.scale, &hist[g as usize * 256..][..256])
                });
            t.dist.push((f64::from(s) / f64::from(c), n));
        }
    }
    with_all(out, &cb.scale)
}

fn area_scores(cb: &Codebook, data: &Ingested, found: &Tallies) -> Vec<ScoreRow> {
    rows(cb, &area_targets(cb), &data.groups, found, |row| {
        if let Some(Figures {
            mean: Some(mean),
            sd: Some(sd),
            ..
        }) = &row.figures
        {
            row.ci = stats::mean_ci95(*mean, *sd, row.n);
        }
    })
}

/// Who took part, per group and `ALL`.
fn respondent_counts(cb: &Codebook, data: &Ingested) -> Vec<RespondentCount> {
    let total = cb.rating_columns() as u32;
    let mut rated_cells = vec![0u32; data.respondents.len()];
    for col in &data.ratings.columns {
        for (r, v) in rated_cells.iter_mut().zip(&col.codes) {
            *r += u32::from(rated(*v));
        }
    }
    let n = data.groups.len() + 1;
    let (mut ans, mut comp) = (vec![0u64; n], vec![0u64; n]);
    let mut people = vec![0u64; n];
    let mut institutions: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); n];
    for (resp, r) in data.respondents.iter().zip(&rated_cells) {
        for slot in [0, resp.group as usize] {
            ans[slot] += u64::from(*r > 0);
            comp[slot] += u64::from(*r == total);
            people[slot] += 1;
            if let Some(i) = &resp.institution {
                institutions[slot].insert(i);
            }
        }
    }
    group_ids(&data.groups)
        .map(|g| {
            let s = g as usize;
            RespondentCount {
                group: g,
                respondents: people[s],
                institutions: institutions[s].len() as u64,
                answered: ans[s],
                complete: comp[s],
            }
        })
        .collect()
}

/// S-CVI/Ave and S-CVI/UA of each shown area row, from the I-CVIs of the
/// same group's shown item rows.
fn add_scale_cvi(cb: &Codebook, areas: &mut [ScoreRow], items: &[ScoreRow]) {
    let mut icvis: HashMap<(usize, usize, u32), Vec<f64>> = HashMap::new();
    for it in items {
        if let Some(p) = it.figures.as_ref().and_then(Figures::pct_agree) {
            icvis
                .entry((it.measure, cb.items[it.target].area, it.group))
                .or_default()
                .push(p);
        }
    }
    for a in areas.iter_mut().filter(|a| !a.suppressed()) {
        if let Some(v) = icvis.get(&(a.measure, a.target, a.group)) {
            a.s_cvi = stats::s_cvi_ave(v).zip(stats::s_cvi_ua(v));
        }
    }
}

/// All scores of one questionnaire.
///
/// The area side (area scores, group tests) and the item side (item scores,
/// reliability, respondent counts) are independent passes over the same
/// codes and run on two cores; each is deterministic on its own.
pub fn score(cb: &Codebook, data: &Ingested) -> PolarsResult<Scores> {
    let matrices = matrix::build(cb, data);
    let groups: Vec<u32> = data.respondents.iter().map(|r| r.group).collect();
    let (area_side, (items, (reliability, item_reliability), respondents)) =
        std::thread::scope(|scope| {
            let area_side = scope.spawn(|| {
                let tallies = area_tallies(cb, data, &matrices, &groups);
                let areas = area_scores(cb, data, &tallies);
                (areas, psychometrics::group_tests(cb, &tallies))
            });
            let items = item_scores(cb, data, &matrices, &groups);
            let reliability = psychometrics::reliability(&matrices);
            let respondents = respondent_counts(cb, data);
            (area_side.join(), (items, reliability, respondents))
        });
    let (mut areas, group_tests) = area_side.map_err(|_| {
        PolarsError::ComputeError("the thread computing the area scores failed".into())
    })?;
    add_scale_cvi(cb, &mut areas, &items);
    Ok(Scores {
        groups: data.groups.clone(),
        respondents,
        areas,
        items,
        reliability,
        item_reliability,
        group_tests,
    })
}
