//! Weighted figures (`[weights]`): each respondent's weight, and per item
//! and area row the weighted mean, sd, interval, median and `pct_agree`
//! with Kish's effective n, by docs/reference.md ("Weights").
//!
//! A weight is the export's `[weights] column` value, or, post-stratified,
//! share_g / (n_g / N). Weight sums run per group in respondent order, one
//! column at a time, `ALL` adds the groups in display order, and area
//! scores are merged in key order, so reruns give the same bits. Counts, kappa, the panel statistics, reliability and group tests
//! stay unweighted (they are `tally`'s). No suppression (that is `rows`),
//! no formatting, no I/O.

use std::collections::{BTreeMap, HashMap};

use polars::prelude::PlHashMap;

use super::grouping::Grouping;
use super::matrix::{rated, Matrix};
use super::tally::{self, has_area_score, AreaScores, Histograms};
use crate::analysis::stats::{self, WeightedValue};
use crate::codebook::{normalize_cell, Codebook, Weights};
use crate::ingest::Ingested;

/// The weighted figures of one row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighted {
    pub mean: f64,
    pub sd: Option<f64>,
    pub ci: Option<(f64, f64)>,
    pub median: f64,
    pub pct_agree: Option<f64>,
    pub n_eff: f64,
}

/// Weighted figures keyed by (measure, target, group), group 0 being `ALL`.
pub(super) type WeightedRows = HashMap<(usize, usize, u32), Weighted>;

/// Each used respondent's weight; `None` without `[weights]`.
pub(super) fn respondent_weights(cb: &Codebook, data: &Ingested) -> Option<Vec<f64>> {
    if let Weights::Column(_) = cb.weights.as_ref()? {
        return Some(data.respondents.iter().map(|r| r.weight).collect());
    }
    let wg = group_weights(cb, data)?;
    Some(
        data.respondents
            .iter()
            .map(|r| wg[r.group as usize])
            .collect(),
    )
}

/// Post-stratified (`[weights] by = "group"`): the one weight of every
/// respondent of stakeholder group g, share_g / (n_g / N), by group (index
/// 0 unused); `None` for any other form.
pub(super) fn group_weights(cb: &Codebook, data: &Ingested) -> Option<Vec<f64>> {
    let Some(Weights::Groups(shares)) = cb.weights.as_ref() else {
        return None;
    };
    let mut n_g = vec![0u64; data.groups.len() + 1];
    for r in &data.respondents {
        n_g[r.group as usize] += 1;
    }
    let present = n_g.iter().skip(1).filter(|n| **n > 0).count() as f64;
    let total = data.respondents.len() as f64;
    // `ingest` checked that every group with respondents has a share.
    let share_of = |g: usize| {
        let name = normalize_cell(&data.groups[g - 1]);
        let s = shares.as_ref()?;
        s.iter()
            .find(|(s, _)| normalize_cell(s) == name)
            .map(|s| s.1)
    };
    let share = |g: usize| match shares {
        None => 1.0 / present,
        Some(_) => share_of(g).unwrap_or(0.0),
    };
    let weight = |g: usize| match n_g[g] {
        0 => 0.0,
        n => share(g) / (n as f64 / total),
    };
    Some((0..n_g.len()).map(weight).collect())
}

/// Weight sums of one row: per distinct score, in lowest terms, (n, sum w,
/// sum w^2), and the weight of the ratings above the midpoint and of all
/// ratings.
#[derive(Clone, Default)]
struct Sums {
    values: BTreeMap<(i64, i64), WeightedValue>,
    agree: f64,
    rated: f64,
}

impl Sums {
    /// Adds the sums of the scores `num / den` (an area score is sum / count).
    fn merge(&mut self, (num, den): (i64, i64), add: WeightedValue) {
        let v = self
            .values
            .entry(reduced(num, den))
            .or_insert(WeightedValue {
                value: add.value,
                n: 0,
                w: 0.0,
                w2: 0.0,
            });
        v.n += add.n;
        v.w += add.w;
        v.w2 += add.w2;
    }

    /// The figures: moments over `values` ascending, `pct_agree` from the
    /// pooled rating weights.
    fn figures(&self) -> Option<Weighted> {
        let mut dist: Vec<WeightedValue> = self.values.values().copied().collect();
        dist.sort_by(|a, b| a.value.total_cmp(&b.value));
        let m = stats::weighted_moments(&dist)?;
        Some(Weighted {
            mean: m.mean,
            sd: m.sd,
            ci: m.ci,
            median: m.median,
            pct_agree: stats::weighted_share(self.agree, self.rated),
            n_eff: m.n_eff,
        })
    }
}

/// A fraction in lowest terms, so equal scores share one key.
fn reduced(num: i64, den: i64) -> (i64, i64) {
    let (mut a, mut b) = (num.unsigned_abs(), den.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let g = a.max(1) as i64;
    (num / g, den / g)
}

/// Sets each group's pooled agreement sums from a histogram of weights
/// per group and code (256 slots per group, `ALL` at 0 already summed).
fn set_agreement(cb: &Codebook, sums: &mut [Sums], hist: &[f64]) {
    let mid = cb.scale.midpoint();
    for (g, s) in sums.iter_mut().enumerate() {
        for v in cb.scale.values() {
            let w = hist[g * 256 + usize::from(v as i8 as u8)];
            s.rated += w;
            if v as f64 > mid {
                s.agree += w;
            }
        }
    }
}

/// Slot 0 (`ALL`) of a histogram with 256 slots per group: what group 0
/// (the respondents in no group, see `grouping`) put there, plus the
/// groups' slots in group order (a fixed order, so the same bits each run).
fn fold_all<T: Copy + std::ops::AddAssign>(hist: &mut [T]) {
    let (all, groups) = hist.split_at_mut(256);
    for chunk in groups.chunks_exact(256) {
        for (a, x) in all.iter_mut().zip(chunk) {
            *a += *x;
        }
    }
}

/// Weight sums per group and code, 256 slots per group (`ALL` at 0): the
/// dense form of [`Sums`] for the one pass over an item's cells.
struct CodeSums {
    n: Vec<u64>,
    w: Vec<f64>,
    w2: Vec<f64>,
}

impl CodeSums {
    fn new(groups: usize) -> CodeSums {
        let slots = (groups + 1) * 256;
        CodeSums {
            n: vec![0; slots],
            w: vec![0.0; slots],
            w2: vec![0.0; slots],
        }
    }

    /// The sums of a count histogram whose groups each have one weight
    /// (`wg[g]`, post-stratification): n w_g and n w_g^2.
    fn of_counts(hist: &[u64], wg: &[f64]) -> CodeSums {
        let mut s = CodeSums::new(hist.len() / 256 - 1);
        for (slot, n) in hist.iter().enumerate().skip(256) {
            let w = wg.get(slot / 256).copied().unwrap_or(0.0);
            s.n[slot] = *n;
            s.w[slot] = *n as f64 * w;
            s.w2[slot] = *n as f64 * w * w;
        }
        s
    }

    fn add(&mut self, g: usize, code: i8, w: f64) {
        let slot = g * 256 + usize::from(code as u8);
        self.n[slot] += 1;
        self.w[slot] += w;
        self.w2[slot] += w * w;
    }

    /// Fills the `ALL` slots from the groups'.
    fn fold_all(&mut self) {
        fold_all(&mut self.n);
        fold_all(&mut self.w);
        fold_all(&mut self.w2);
    }

    /// The sums of group `g` over the scale's values, low to high.
    fn sums(&self, cb: &Codebook, g: usize) -> Sums {
        let mid = cb.scale.midpoint();
        let mut s = Sums::default();
        for v in cb.scale.values() {
            let slot = g * 256 + usize::from(v as i8 as u8);
            if self.n[slot] == 0 {
                continue;
            }
            let value = WeightedValue {
                value: v as f64,
                n: self.n[slot],
                w: self.w[slot],
                w2: self.w2[slot],
            };
            s.values.insert((v, 1), value);
            s.rated += value.w;
            if v as f64 > mid {
                s.agree += value.w;
            }
        }
        s
    }
}

/// Weighted item rows: every item of every matrix, per group and `ALL`.
pub(super) fn item_rows(cb: &Codebook, gs: Grouping, mxs: &[Matrix], w: &[f64]) -> WeightedRows {
    let mut out = WeightedRows::new();
    for mx in mxs {
        for (&item, codes) in mx.items.iter().zip(&mx.columns) {
            let mut acc = CodeSums::new(gs.len());
            for ((code, g), w) in codes.iter().zip(gs.of).zip(w) {
                if rated(*code) {
                    acc.add(*g as usize, *code, *w);
                }
            }
            acc.fold_all();
            let sums: Vec<Sums> = (0..=gs.len()).map(|g| acc.sums(cb, g)).collect();
            insert(&mut out, (mx.measure, item), &sums);
        }
    }
    out
}

/// Weighted item rows of the stakeholder groups under post-stratification
/// (one weight per group, `wg`): from the item histograms, no pass over the
/// cells.
pub(super) fn item_rows_of_counts(
    cb: &Codebook,
    mxs: &[Matrix],
    hists: &Histograms,
    wg: &[f64],
) -> WeightedRows {
    let mut out = WeightedRows::new();
    for (mx, hs) in mxs.iter().zip(hists) {
        for (&item, hist) in mx.items.iter().zip(hs) {
            let mut acc = CodeSums::of_counts(hist, wg);
            acc.fold_all();
            let sums: Vec<Sums> = (0..hist.len() / 256).map(|g| acc.sums(cb, g)).collect();
            insert(&mut out, (mx.measure, item), &sums);
        }
    }
    out
}

/// Weighted area rows of the stakeholder groups under post-stratification:
/// from the counted area scores and the item histograms, no pass over the
/// cells. The same sums as [`area_rows`], merged in the same key order.
pub(super) fn area_rows_of_counts(
    cb: &Codebook,
    mxs: &[Matrix],
    hists: &Histograms,
    scores: &AreaScores,
    wg: &[f64],
) -> WeightedRows {
    let mut out = WeightedRows::new();
    let w_of = |g: usize| wg.get(g).copied().unwrap_or(0.0);
    for ((mx, hs), found) in mxs.iter().zip(hists).zip(scores) {
        let weighted = found.iter().map(|&((g, c, s), n)| {
            let w = w_of(g as usize);
            let v = WeightedValue {
                value: f64::from(s) / f64::from(c),
                n,
                w: n as f64 * w,
                w2: n as f64 * w * w,
            };
            ((g, c, s), v)
        });
        let counts = tally::pooled(hs);
        let hist = (counts.iter().enumerate())
            .map(|(slot, n)| *n as f64 * w_of(slot / 256))
            .collect();
        insert_area(
            cb,
            &mut out,
            (mx.measure, mx.area),
            weighted.collect(),
            hist,
        );
    }
    out
}

/// One area's weighted row per group and `ALL`: its weighted scores merged
/// in key order, group by group (`ALL` merges them in that order too, so
/// the same bits each run), and its pooled rating weights per group and
/// code (`hist`, 256 slots per group; `ALL` is folded here).
fn insert_area(
    cb: &Codebook,
    out: &mut WeightedRows,
    key: (usize, usize),
    mut scores: Vec<((u32, u16, i32), WeightedValue)>,
    mut hist: Vec<f64>,
) {
    let mut sums = vec![Sums::default(); hist.len() / 256];
    scores.sort_by_key(|(key, _)| *key);
    for ((g, c, s), v) in scores {
        let score = (i64::from(s), i64::from(c));
        // Group 0 (in no group) is `ALL`'s own.
        if g != 0 {
            sums[g as usize].merge(score, v);
        }
        sums[0].merge(score, v);
    }
    fold_all(&mut hist);
    set_agreement(cb, &mut sums, &hist);
    insert(out, key, &sums);
}

/// One area's weighted rows into `out`: the respondents' area scores, from
/// each respondent's `count` and `sum` of the area (worked out once, by
/// `tally::area_scores`, for every grouping), and the pooled item ratings
/// of every respondent for `pct_agree`.
pub(super) fn area_rows(
    cb: &Codebook,
    gs: Grouping,
    (mx, count, sum): (&Matrix, &[u16], &[i32]),
    w: &[f64],
    out: &mut WeightedRows,
) {
    let k = mx.items.len();
    // (group, count, sum) -> weight sums, in respondent order; then
    // folded in key order, so equal scores merge in a fixed order.
    let mut scores: PlHashMap<(u32, u16, i32), WeightedValue> = PlHashMap::default();
    for (i, g) in gs.of.iter().enumerate() {
        // Group 0 is in no group: it counts in `ALL` only (`insert_area`).
        if has_area_score(count[i], k, cb.rules.min_answered) {
            let v = scores
                .entry((*g, count[i], sum[i]))
                .or_insert(WeightedValue {
                    value: f64::from(sum[i]) / f64::from(count[i]),
                    n: 0,
                    w: 0.0,
                    w2: 0.0,
                });
            v.n += 1;
            v.w += w[i];
            v.w2 += w[i] * w[i];
        }
    }
    // Pooled ratings: weights per group and code, one column at a time
    // in respondent order (codes that are no rating are never read).
    let mut hist = vec![0.0; (gs.len() + 1) * 256];
    for codes in &mx.columns {
        for ((code, g), w) in codes.iter().zip(gs.of).zip(w) {
            hist[*g as usize * 256 + usize::from(*code as u8)] += *w;
        }
    }
    let key = (mx.measure, mx.area);
    insert_area(cb, out, key, scores.into_iter().collect(), hist);
}

fn insert(out: &mut WeightedRows, (m, target): (usize, usize), sums: &[Sums]) {
    for (g, s) in sums.iter().enumerate() {
        if let Some(f) = s.figures() {
            out.insert((m, target, g as u32), f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ratings::{INVALID, MISSING};

    /// Post-stratified, the stakeholder groups' weighted rows come from the
    /// counts (no pass over the cells): they must equal the pass's, here on
    /// 3 groups x 2 items of hand-made codes (missing and invalid codes
    /// included) with the weights share_g / (n_g / N).
    #[test]
    fn weighted_rows_from_counts_equal_the_pass_over_the_cells() {
        let dir = tempfile::tempdir().unwrap();
        let text = crate::codebook::MINIMAL;
        std::fs::write(dir.path().join("study.toml"), text).unwrap();
        let cb = Codebook::parse(dir.path(), text).unwrap();
        let a: Vec<i8> = vec![1, 2, 3, 4, 4, 3, MISSING, 2, 4, 1, 3, 3];
        let b: Vec<i8> = vec![2, 2, MISSING, 4, 3, 3, 1, 1, 4, INVALID, 2, 4];
        let of: Vec<u32> = vec![1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3];
        let names: Vec<String> = ["mbo", "hbo", "wo"].map(String::from).to_vec();
        let gs = Grouping {
            names: &names,
            of: &of,
        };
        // Shares 0.3 / 0.45 / 0.25 of N = 12 with n_g = 4, 3, 5.
        let wg = [
            0.0,
            0.3 / (4.0 / 12.0),
            0.45 / (3.0 / 12.0),
            0.25 / (5.0 / 12.0),
        ];
        let w: Vec<f64> = of.iter().map(|g| wg[*g as usize]).collect();
        let mx = Matrix {
            measure: 0,
            area: 0,
            items: vec![0, 0],
            columns: vec![&a, &b],
        };
        let mxs = [mx];
        let hists = tally::item_histograms(&cb.scale, &mxs, &[gs]).remove(0);
        let mut pass_areas = WeightedRows::new();
        let scores = tally::area_scores(&cb, &mxs, &[gs], |mx, count, sum| {
            area_rows(&cb, gs, (mx, count, sum), &w, &mut pass_areas)
        })
        .remove(0);
        let pairs = [
            (
                item_rows(&cb, gs, &mxs, &w),
                item_rows_of_counts(&cb, &mxs, &hists, &wg),
            ),
            (
                pass_areas,
                area_rows_of_counts(&cb, &mxs, &hists, &scores, &wg),
            ),
        ];
        for (pass, counts) in pairs {
            assert_eq!(pass.len(), counts.len());
            for (key, p) in &pass {
                let c = counts[key];
                let near = |x: f64, y: f64| (x - y).abs() < 1e-12;
                let ci = |v: Option<(f64, f64)>| v.map_or((0.0, 0.0), |c| c);
                assert!(near(p.mean, c.mean) && near(p.median, c.median), "{key:?}");
                assert!(near(p.n_eff, c.n_eff), "{key:?}");
                assert!(near(p.sd.unwrap_or(0.0), c.sd.unwrap_or(0.0)), "{key:?}");
                assert!(
                    near(p.pct_agree.unwrap_or(0.0), c.pct_agree.unwrap_or(0.0)),
                    "{key:?}"
                );
                let (pc, cc) = (ci(p.ci), ci(c.ci));
                assert!(near(pc.0, cc.0) && near(pc.1, cc.1), "{key:?}");
            }
        }
    }

    #[test]
    fn equal_scores_share_a_key() {
        assert_eq!(reduced(6, 4), (3, 2));
        assert_eq!(reduced(3, 2), (3, 2));
        assert_eq!(reduced(0, 3), (0, 1));
        assert_eq!(reduced(-4, 2), (-2, 1));
    }
}
