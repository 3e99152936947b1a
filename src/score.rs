//! Scores: every figure of `respondents.csv`, `area_scores.csv`,
//! `item_scores.csv` and (in `psychometrics`) `reliability.csv`,
//! `item_reliability.csv` and `group_tests.csv`, by the contract's
//! definitions (section 4).
//!
//! The tidy polars ratings of `ingest` are scattered once into one dense
//! one-byte matrix per measure x area (`matrix`); item and area tallies are
//! exact integer counts taken in a single pass over them, and every figure
//! is computed from those counts in a fixed order (`stats`), so reruns are
//! byte-identical whatever the thread scheduling. `rules` adds the decision;
//! small groups are suppressed here, once, for every output. It must not
//! format or write: that is `render`.

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

/// Column name of the respondent counts frame.
const RATED: &str = "rated";

fn as_count(e: Expr, name: &str) -> Expr {
    e.cast(DataType::Int64).alias(name)
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

    /// Counts one matrix cell: a rating (above the midpoint: agreement), a
    /// missing code, or nothing for an invalid or absent cell.
    fn add_cell(&mut self, v: i8, scale_min: i64, midpoint: f64) {
        if matrix::rated(v) {
            self.counts[(i64::from(v) - scale_min) as usize] += 1;
            self.rated += 1;
            self.agree += u64::from(f64::from(v) > midpoint);
        } else if v == matrix::MISSING {
            self.n_missing += 1;
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

fn column_i64(df: &DataFrame, name: &str) -> PolarsResult<Int64Chunked> {
    df.column(name)?.cast(&DataType::Int64)?.i64().cloned()
}

/// Counts of ratings per item x group x value, and of missing cells: one
/// pass over the area matrices.
fn item_tallies(cb: &Codebook, data: &Ingested, matrices: &[Matrix]) -> Tallies {
    let mid = cb.scale.midpoint();
    let n_groups = data.groups.len() + 1;
    let mut out = Tallies::new();
    for mx in matrices {
        let mut tallies = vec![Tally::new(&cb.scale); mx.items.len() * n_groups];
        for (resp, row) in mx.rows().enumerate() {
            let g = data.respondents[resp].group as usize;
            for (slot, &v) in row.iter().enumerate() {
                tallies[slot * n_groups + g].add_cell(v, cb.scale.min, mid);
            }
        }
        for (i, mut t) in tallies.into_iter().enumerate() {
            let (slot, g) = (i / n_groups, (i % n_groups) as u32);
            if g == 0 || (t.rated == 0 && t.n_missing == 0) {
                continue;
            }
            t.dist = cb
                .scale
                .values()
                .zip(&t.counts)
                .filter(|(_, c)| **c > 0)
                .map(|(v, c)| (v as f64, *c))
                .collect();
            out.insert((mx.measure, mx.items[slot], g), t);
        }
    }
    with_all(out, &cb.scale)
}

/// Item scores: per measure x item x group.
fn item_scores(cb: &Codebook, data: &Ingested, matrices: &[Matrix]) -> Vec<ScoreRow> {
    let found = item_tallies(cb, data, matrices);
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
                t.add_cell(v, cb.scale.min, mid);
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
    let items = item_scores(cb, data, &matrices);
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
