//! Scores: every figure of `respondents.csv`, `area_scores.csv` and
//! `item_scores.csv`, by the contract's definitions (section 4).
//!
//! Aggregation runs in polars over the tidy ratings of `ingest`; only the
//! aggregated rows (measure x area|item x group) come back to Rust, where
//! `stats` adds what polars lacks (t interval, modified kappa), `rules` the
//! decision, and small groups are suppressed. It must not format or write:
//! that is `render`.

use std::collections::{BTreeSet, HashMap};

use polars::prelude::*;

use crate::codebook::{Codebook, Scale};
use crate::ingest::{col, Ingested};
use crate::rules::{decide, Decision};
use crate::stats;

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
    /// Keep / reword / drop (item rows of `ALL`).
    pub decision: Option<Decision>,
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
const N: &str = "n";
const MEAN: &str = "mean";
const SD: &str = "sd";
const MEDIAN: &str = "median";
const AGREE: &str = "agree";
const RATED: &str = "rated";
const N_MISSING: &str = "n_missing";
const SCORE: &str = "score";
const K: &str = "k";

fn count_name(v: i64) -> String {
    format!("n_{v}")
}

fn as_count(e: Expr, name: &str) -> Expr {
    e.cast(DataType::Int64).alias(name)
}

/// Per-cell sums that pool into both item and area rows.
fn pooled_counts(scale: &Scale) -> Vec<Expr> {
    let value = col(col::VALUE);
    let mut exprs = vec![
        as_count(value.clone().count(), RATED),
        as_count(
            value
                .clone()
                .cast(DataType::Float64)
                .gt(lit(scale.midpoint()))
                .sum(),
            AGREE,
        ),
        as_count(col(col::MISSING).sum(), N_MISSING),
    ];
    for v in scale.values() {
        exprs.push(as_count(
            value.clone().eq(lit(v as i32)).sum(),
            &count_name(v),
        ));
    }
    exprs
}

/// n, mean, sd, median of one column.
fn moments(of: Expr) -> Vec<Expr> {
    vec![
        as_count(of.clone().count(), N),
        of.clone().mean().alias(MEAN),
        of.clone().std(1).alias(SD),
        of.median().alias(MEDIAN),
    ]
}

/// Runs `agg` per `keys` + group, and per `keys` alone as group 0 (`ALL`).
fn with_all(frame: LazyFrame, keys: &[&str], agg: Vec<Expr>) -> PolarsResult<[DataFrame; 2]> {
    let overall: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let mut by_group = overall.clone();
    by_group.push(col(col::GROUP));
    let groups = frame
        .clone()
        .group_by(by_group)
        .agg(agg.clone())
        .collect()?;
    let all = frame
        .group_by(overall)
        .agg(agg)
        .with_column(lit(0u32).cast(DataType::UInt32).alias(col::GROUP))
        .collect()?;
    Ok([groups, all])
}

/// Aggregated rows keyed by (measure, target, group).
type Keyed = HashMap<(usize, usize, u32), (u64, Figures)>;

fn keyed(frames: &[DataFrame], target: &str, scale: &Scale) -> PolarsResult<Keyed> {
    let mut out = HashMap::new();
    for df in frames {
        keyed_into(&mut out, df, target, scale)?;
    }
    Ok(out)
}

fn keyed_into(out: &mut Keyed, df: &DataFrame, target: &str, scale: &Scale) -> PolarsResult<()> {
    let u = |name: &str| df.column(name).and_then(|c| c.u32().cloned());
    let i = |name: &str| df.column(name).and_then(|c| c.i64().cloned());
    let f = |name: &str| df.column(name).and_then(|c| c.f64().cloned());
    let (measure, tgt, group) = (u(col::MEASURE)?, u(target)?, u(col::GROUP)?);
    let (n, mean, sd, median) = (i(N)?, f(MEAN)?, f(SD)?, f(MEDIAN)?);
    let (agree, rated, missing) = (i(AGREE)?, i(RATED)?, i(N_MISSING)?);
    let counts: Vec<Int64Chunked> = scale
        .values()
        .map(|v| i(&count_name(v)))
        .collect::<PolarsResult<_>>()?;
    let get = |c: &Int64Chunked, r: usize| c.get(r).unwrap_or(0).max(0) as u64;
    for r in 0..df.height() {
        let (Some(m), Some(t), Some(g)) = (measure.get(r), tgt.get(r), group.get(r)) else {
            continue;
        };
        let n = get(&n, r);
        let finite = |x: Option<f64>| x.filter(|v| v.is_finite());
        let figures = Figures {
            mean: finite(mean.get(r)),
            sd: finite(sd.get(r)).filter(|_| n >= 2),
            median: finite(median.get(r)),
            agree: get(&agree, r),
            rated: get(&rated, r),
            counts: counts.iter().map(|c| get(c, r)).collect(),
            n_missing: get(&missing, r),
        };
        out.insert((m as usize, t as usize, g), (n, figures));
    }
    Ok(())
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
    mut found: Keyed,
    finish: impl Fn(&mut ScoreRow),
) -> Vec<ScoreRow> {
    let mut out = Vec::new();
    for &(m, t) in targets {
        for g in group_ids(groups) {
            let (n, figures) = found
                .remove(&(m, t, g))
                .unwrap_or((0, empty_figures(&cb.scale)));
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
            };
            if !suppressed {
                finish(&mut row);
            }
            out.push(row);
        }
    }
    out
}

fn empty_figures(scale: &Scale) -> Figures {
    Figures {
        mean: None,
        sd: None,
        median: None,
        agree: 0,
        rated: 0,
        counts: scale.values().map(|_| 0).collect(),
        n_missing: 0,
    }
}

/// Item scores: per measure x item x group.
fn item_scores(cb: &Codebook, data: &Ingested) -> PolarsResult<Vec<ScoreRow>> {
    let mut agg = moments(col(col::VALUE).cast(DataType::Float64));
    agg.extend(pooled_counts(&cb.scale));
    let df = with_all(data.ratings.clone().lazy(), &[col::MEASURE, col::ITEM], agg)?;
    let found = keyed(&df, col::ITEM, &cb.scale)?;
    let targets: Vec<(usize, usize)> = (0..cb.measures.len())
        .flat_map(|m| {
            cb.items
                .iter()
                .enumerate()
                .filter(move |(_, it)| it.columns.iter().any(|(cm, _)| *cm == m))
                .map(move |(i, _)| (m, i))
        })
        .collect();
    Ok(rows(cb, &targets, &data.groups, found, |row| {
        let Some(f) = &row.figures else { return };
        row.kappa_star = stats::kappa_star(f.rated, f.agree);
        if row.group == 0 {
            if let (Some(mean), Some(pct)) = (f.mean, f.pct_agree()) {
                row.decision = Some(decide(mean, pct, &cb.rules));
            }
        }
    }))
}

/// Area scores: a respondent's area score is sum / count of their valid
/// ratings on the area's items when they rated at least `min_answered * k`.
fn area_scores(cb: &Codebook, data: &Ingested) -> PolarsResult<Vec<ScoreRow>> {
    let targets: Vec<(usize, usize)> = (0..cb.measures.len())
        .flat_map(|m| (0..cb.areas.len()).map(move |a| (m, a)))
        .filter(|&(m, a)| cb.area_k(m, a) > 0)
        .collect();
    let k = DataFrame::new_infer_height(vec![
        Column::new(
            col::MEASURE.into(),
            targets.iter().map(|t| t.0 as u32).collect::<Vec<_>>(),
        ),
        Column::new(
            col::AREA.into(),
            targets.iter().map(|t| t.1 as u32).collect::<Vec<_>>(),
        ),
        Column::new(
            K.into(),
            targets
                .iter()
                .map(|&(m, a)| cb.area_k(m, a) as f64)
                .collect::<Vec<_>>(),
        ),
    ])?;
    let mut per_respondent = pooled_counts(&cb.scale);
    per_respondent.push(col(col::VALUE).cast(DataType::Float64).sum().alias(SCORE));
    let scored = data
        .ratings
        .clone()
        .lazy()
        .group_by([
            col(col::RESP),
            col(col::GROUP),
            col(col::MEASURE),
            col(col::AREA),
        ])
        .agg(per_respondent)
        .join(
            k.lazy(),
            [col(col::MEASURE), col(col::AREA)],
            [col(col::MEASURE), col(col::AREA)],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(
            col(RATED).gt(lit(0i64)).and(
                col(RATED)
                    .cast(DataType::Float64)
                    .gt_eq(col(K) * lit(cb.rules.min_answered)),
            ),
        )
        .with_column((col(SCORE) / col(RATED).cast(DataType::Float64)).alias(SCORE));
    let mut agg = moments(col(SCORE));
    agg.extend(
        [RATED.to_string(), AGREE.to_string(), N_MISSING.to_string()]
            .into_iter()
            .chain(cb.scale.values().map(count_name))
            .map(|c| as_count(col(c.as_str()).sum(), &c)),
    );
    let df = with_all(scored, &[col::MEASURE, col::AREA], agg)?;
    let found = keyed(&df, col::AREA, &cb.scale)?;
    Ok(rows(cb, &targets, &data.groups, found, |row| {
        if let Some(Figures {
            mean: Some(mean),
            sd: Some(sd),
            ..
        }) = &row.figures
        {
            row.ci = stats::mean_ci95(*mean, *sd, row.n);
        }
    }))
}

/// Who took part, per group and `ALL`.
fn respondent_counts(cb: &Codebook, data: &Ingested) -> PolarsResult<Vec<RespondentCount>> {
    let total = cb.rating_columns() as i64;
    let per = data
        .ratings
        .clone()
        .lazy()
        .group_by([col(col::RESP), col(col::GROUP)])
        .agg([as_count(col(col::VALUE).count(), RATED)])
        .select([
            col(col::GROUP),
            col(RATED).gt(lit(0i64)).alias("answered"),
            col(RATED).eq(lit(total)).alias("complete"),
        ])
        .collect()?;
    let groups = per.column(col::GROUP)?.u32()?.clone();
    let answered = per.column("answered")?.bool()?.clone();
    let complete = per.column("complete")?.bool()?.clone();
    let n = data.groups.len() + 1;
    let (mut ans, mut comp) = (vec![0u64; n], vec![0u64; n]);
    for ((g, a), c) in groups.iter().zip(answered.iter()).zip(complete.iter()) {
        let g = g.unwrap_or(0) as usize;
        for slot in [0, g] {
            ans[slot] += u64::from(a.unwrap_or(false));
            comp[slot] += u64::from(c.unwrap_or(false));
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

/// All scores of one questionnaire.
pub fn score(cb: &Codebook, data: &Ingested) -> PolarsResult<Scores> {
    Ok(Scores {
        groups: data.groups.clone(),
        respondents: respondent_counts(cb, data)?,
        areas: area_scores(cb, data)?,
        items: item_scores(cb, data)?,
    })
}
