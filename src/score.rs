//! Scores: every figure of `respondents.csv`, `area_scores.csv`,
//! `item_scores.csv` and (in `psychometrics`) `reliability.csv`,
//! `item_reliability.csv` and `group_tests.csv`, by the contract's
//! definitions (section 4).
//!
//! Aggregation runs in polars over the tidy ratings of `ingest`; only the
//! aggregated rows (measure x area|item x group) come back to Rust, where
//! `stats` adds what polars lacks (t interval, modified kappa, S-CVI),
//! `rules` the decision, and small groups are suppressed. It must not format
//! or write: that is `render`.

use std::collections::{BTreeSet, HashMap};

use polars::prelude::*;

use crate::codebook::{Codebook, Scale};
use crate::ingest::{col, Ingested};
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

/// Column names of the aggregated frames.
const KEY: &str = "key";
const LEN: &str = "len";
const RATED: &str = "rated";

fn as_count(e: Expr, name: &str) -> Expr {
    e.cast(DataType::Int64).alias(name)
}

fn u(x: u64) -> Expr {
    lit(x).cast(DataType::UInt64)
}

/// A cell's state in one byte: the rating itself (the scale fits in
/// -100..=100, see codebook), or one of these two.
const CELL_MISSING: i64 = 127;
const CELL_INVALID: i64 = -128;

/// Every figure comes from counts: polars only counts (exact, so the result
/// does not depend on thread order), and the moments are computed from the
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

fn column_u64(df: &DataFrame, name: &str) -> PolarsResult<UInt64Chunked> {
    df.column(name)?.cast(&DataType::UInt64)?.u64().cloned()
}

fn column_i64(df: &DataFrame, name: &str) -> PolarsResult<Int64Chunked> {
    df.column(name)?.cast(&DataType::Int64)?.i64().cloned()
}

/// Counts of cells per item x group x cell state: one group-by on one
/// integer key over the ratings.
fn item_tallies(cb: &Codebook, data: &Ingested) -> PolarsResult<Tallies> {
    let n_items = cb.items.len() as u64;
    let n_groups = data.groups.len() as u64 + 1;
    let cell = when(col(col::MISSING)).then(lit(CELL_MISSING)).otherwise(
        col(col::VALUE)
            .cast(DataType::Int64)
            .fill_null(lit(CELL_INVALID)),
    );
    let target = col(col::MEASURE).cast(DataType::UInt64) * u(n_items)
        + col(col::ITEM).cast(DataType::UInt64);
    let key = (target * u(n_groups) + col(col::GROUP).cast(DataType::UInt64)) * u(256)
        + (cell + lit(128i64)).cast(DataType::UInt64);
    let df = data
        .ratings
        .clone()
        .lazy()
        .select([key.alias(KEY)])
        .group_by([col(KEY)])
        .agg([len().alias(LEN)])
        .collect()?;
    let (keys, lens) = (column_u64(&df, KEY)?, column_u64(&df, LEN)?);
    let mid = cb.scale.midpoint();
    let mut out = Tallies::new();
    for (k, n) in keys.iter().zip(lens.iter()) {
        let (Some(k), Some(n)) = (k, n) else { continue };
        let value = (k % 256) as i64 - 128;
        let rest = k / 256;
        let (g, target) = ((rest % n_groups) as u32, rest / n_groups);
        let (m, item) = ((target / n_items) as usize, (target % n_items) as usize);
        let t = out
            .entry((m, item, g))
            .or_insert_with(|| Tally::new(&cb.scale));
        match value {
            CELL_MISSING => t.n_missing += n,
            CELL_INVALID => {}
            v => {
                t.dist.push((v as f64, n));
                t.counts[(v - cb.scale.min) as usize] += n;
                t.rated += n;
                if v as f64 > mid {
                    t.agree += n;
                }
            }
        }
    }
    Ok(with_all(out, &cb.scale))
}

/// Item scores: per measure x item x group.
fn item_scores(cb: &Codebook, data: &Ingested) -> PolarsResult<Vec<ScoreRow>> {
    let found = item_tallies(cb, data)?;
    let targets: Vec<(usize, usize)> = (0..cb.measures.len())
        .flat_map(|m| {
            cb.items
                .iter()
                .enumerate()
                .filter(move |(_, it)| it.columns.iter().any(|(cm, _)| *cm == m))
                .map(move |(i, _)| (m, i))
        })
        .collect();
    Ok(rows(cb, &targets, &data.groups, &found, |row| {
        let Some(f) = &row.figures else { return };
        row.kappa_star = stats::kappa_star(f.rated, f.agree);
        if row.group == 0 {
            if let (Some(mean), Some(pct)) = (f.mean, f.pct_agree()) {
                row.decision = Some(decide(mean, pct, &cb.rules));
            }
        }
    }))
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
fn area_tallies(cb: &Codebook, data: &Ingested, matrices: &[Matrix]) -> Tallies {
    let mid = cb.scale.midpoint();
    let mut out = Tallies::new();
    for mx in matrices {
        let k = mx.items.len();
        // (group, count, sum) -> respondents, and the group's pooled cells.
        let mut scores: HashMap<(u32, u32, i32), u64> = HashMap::new();
        let mut pooled: HashMap<u32, Tally> = HashMap::new();
        for (resp, row) in mx.rows().enumerate() {
            let (mut count, mut sum) = (0u32, 0i32);
            for v in row.iter().filter(|v| matrix::rated(**v)) {
                count += 1;
                sum += i32::from(*v);
            }
            if count == 0 || f64::from(count) < cb.rules.min_answered * k as f64 {
                continue;
            }
            let g = data.respondents[resp].group;
            *scores.entry((g, count, sum)).or_default() += 1;
            let t = pooled.entry(g).or_insert_with(|| Tally::new(&cb.scale));
            for &v in row {
                if matrix::rated(v) {
                    t.counts[(i64::from(v) - cb.scale.min) as usize] += 1;
                    t.rated += 1;
                    t.agree += u64::from(f64::from(v) > mid);
                } else if v == matrix::MISSING {
                    t.n_missing += 1;
                }
            }
        }
        for ((g, count, sum), n) in scores {
            let t = out
                .entry((mx.measure, mx.area, g))
                .or_insert_with(|| Tally::new(&cb.scale));
            t.dist.push((f64::from(sum) / f64::from(count), n));
        }
        for (g, p) in pooled {
            let t = out
                .entry((mx.measure, mx.area, g))
                .or_insert_with(|| Tally::new(&cb.scale));
            let dist = std::mem::take(&mut t.dist);
            *t = p;
            t.dist = dist;
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
fn respondent_counts(cb: &Codebook, data: &Ingested) -> PolarsResult<Vec<RespondentCount>> {
    let total = cb.rating_columns() as i64;
    let per = data
        .ratings
        .clone()
        .lazy()
        .group_by([col(col::RESP)])
        .agg([
            as_count(col(col::VALUE).count(), RATED),
            col(col::GROUP).first(),
        ])
        .collect()?;
    let groups = per.column(col::GROUP)?.u32()?.clone();
    let rated = column_i64(&per, RATED)?;
    let n = data.groups.len() + 1;
    let (mut ans, mut comp) = (vec![0u64; n], vec![0u64; n]);
    for (g, r) in groups.iter().zip(rated.iter()) {
        let (g, r) = (g.unwrap_or(0) as usize, r.unwrap_or(0));
        for slot in [0, g] {
            ans[slot] += u64::from(r > 0);
            comp[slot] += u64::from(r == total);
        }
    }
    let mut people = vec![0u64; n];
    let mut institutions: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); n];
    for r in &data.respondents {
        for slot in [0, r.group as usize] {
            people[slot] += 1;
            if let Some(i) = &r.institution {
                institutions[slot].insert(i);
            }
        }
    }
    Ok(group_ids(&data.groups)
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
        .collect())
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
pub fn score(cb: &Codebook, data: &Ingested) -> PolarsResult<Scores> {
    let matrices = matrix::build(cb, data)?;
    let area_tallies = area_tallies(cb, data, &matrices);
    let mut areas = area_scores(cb, data, &area_tallies);
    let items = item_scores(cb, data)?;
    add_scale_cvi(cb, &mut areas, &items);
    let (reliability, item_reliability) = psychometrics::reliability(&matrices);
    Ok(Scores {
        groups: data.groups.clone(),
        respondents: respondent_counts(cb, data)?,
        areas,
        items,
        reliability,
        item_reliability,
        group_tests: psychometrics::group_tests(cb, &area_tallies),
    })
}
