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

mod psychometrics;
use crate::stats;
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
const AGREE: &str = "agree";
const RATED: &str = "rated";
const N_MISSING: &str = "n_missing";
const SUM: &str = "sum";

fn count_name(v: i64) -> String {
    format!("n_{v}")
}

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
/// of them; polars counts respondents per distinct (count, sum), so every
/// score is an exact fraction and equal scores tie exactly.
fn area_tallies(cb: &Codebook, data: &Ingested) -> PolarsResult<Tallies> {
    let n_areas = cb.areas.len() as u64;
    let ma = cb.measures.len() as u64 * n_areas;
    let min = cb.rules.min_answered;
    // Items per (measure, area) as a lookup column: k of the respondent's area.
    let k_of: Vec<f64> = (0..ma)
        .map(|x| cb.area_k((x / n_areas) as usize, (x % n_areas) as usize) as f64)
        .collect();
    let value = col(col::VALUE);
    let mut per_respondent = vec![
        as_count(value.clone().count(), RATED),
        as_count(value.clone().sum(), SUM),
        as_count(
            value
                .clone()
                .cast(DataType::Float64)
                .gt(lit(cb.scale.midpoint()))
                .sum(),
            AGREE,
        ),
        as_count(col(col::MISSING).sum(), N_MISSING),
        col(col::GROUP).first().alias(col::GROUP),
    ];
    let counts: Vec<String> = cb.scale.values().map(count_name).collect();
    for (v, name) in cb.scale.values().zip(&counts) {
        per_respondent.push(as_count(value.clone().eq(lit(v as i32)).sum(), name));
    }
    let area_of = (col(col::MEASURE).cast(DataType::UInt64) * u(n_areas))
        + col(col::AREA).cast(DataType::UInt64);
    let resp_area = col(col::RESP).cast(DataType::UInt64) * u(ma) + area_of;
    let k_table = DataFrame::new_infer_height(vec![
        Column::new("ma".into(), (0..ma).collect::<Vec<u64>>()),
        Column::new("k".into(), k_of),
    ])?;
    // Per (group, measure, area, count, sum): respondents, and pooled cells.
    let score_key = ((col(col::GROUP).cast(DataType::UInt64) * u(ma) + col("ma")) * u(1 << 16)
        + col(RATED).cast(DataType::UInt64))
        * u(1 << 24)
        + (col(SUM) + lit(1i64 << 23)).cast(DataType::UInt64);
    let mut pooled = vec![len().alias(LEN)];
    pooled.extend(
        [RATED, AGREE, N_MISSING]
            .iter()
            .map(|c| as_count(col(*c).sum(), c)),
    );
    pooled.extend(counts.iter().map(|c| as_count(col(c.as_str()).sum(), c)));
    let df = data
        .ratings
        .clone()
        .lazy()
        .with_column(resp_area.alias(KEY))
        .group_by([col(KEY)])
        .agg(per_respondent)
        .with_column((col(KEY) % u(ma)).alias("ma"))
        .join(
            k_table.lazy(),
            [col("ma")],
            [col("ma")],
            JoinArgs::new(JoinType::Left),
        )
        .filter(
            col(RATED).gt(lit(0i64)).and(
                col(RATED)
                    .cast(DataType::Float64)
                    .gt_eq(col("k") * lit(min)),
            ),
        )
        .group_by([score_key.alias(KEY)])
        .agg(pooled)
        .collect()?;
    let keys = column_u64(&df, KEY)?;
    let n = column_u64(&df, LEN)?;
    let pooled: Vec<Int64Chunked> = [RATED, AGREE, N_MISSING]
        .iter()
        .map(|c| column_i64(&df, c))
        .chain(counts.iter().map(|c| column_i64(&df, c)))
        .collect::<PolarsResult<_>>()?;
    let get = |c: &Int64Chunked, r: usize| c.get(r).unwrap_or(0).max(0) as u64;
    let mut out = Tallies::new();
    for r in 0..df.height() {
        let (Some(k), Some(people)) = (keys.get(r), n.get(r)) else {
            continue;
        };
        let sum = (k % (1 << 24)) as i64 - (1 << 23);
        let rated = (k >> 24) % (1 << 16);
        let gma = k >> 40;
        let (g, x) = ((gma / ma) as u32, gma % ma);
        let (m, a) = ((x / n_areas) as usize, (x % n_areas) as usize);
        let t = out
            .entry((m, a, g))
            .or_insert_with(|| Tally::new(&cb.scale));
        t.dist.push((sum as f64 / rated as f64, people));
        t.rated += get(&pooled[0], r);
        t.agree += get(&pooled[1], r);
        t.n_missing += get(&pooled[2], r);
        for (slot, c) in t.counts.iter_mut().zip(&pooled[3..]) {
            *slot += get(c, r);
        }
    }
    Ok(with_all(out, &cb.scale))
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
    let area_tallies = area_tallies(cb, data)?;
    let mut areas = area_scores(cb, data, &area_tallies);
    let items = item_scores(cb, data)?;
    add_scale_cvi(cb, &mut areas, &items);
    let (reliability, item_reliability) = psychometrics::reliability(cb, data)?;
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
