//! Reliability per area (`reliability.csv` with alpha and omega,
//! `item_reliability.csv`) and
//! differences between stakeholder groups (`group_tests.csv`).
//!
//! Reliability needs whole response patterns: per measure x area, the
//! respondents who rated every item (complete rows of the area's code
//! columns, `matrix`) are summed into a covariance matrix from which
//! `stats` derives every figure. Group tests use the tallies of respondent
//! area scores that `tally` already counted. Small groups are left out of
//! tests, never shown. Formulas live in `stats`, not here.

use rayon::prelude::*;

use super::matrix::{area_targets, rated, Matrix};
use super::tally::Tallies;
use crate::analysis::stats;
use crate::codebook::Codebook;

/// One row of `reliability.csv`: an area's items over the used respondents
/// (small groups included) who rated every one of them.
#[derive(Debug, Clone, PartialEq)]
pub struct ReliabilityRow {
    pub measure: usize,
    pub area: usize,
    pub k_items: usize,
    pub n_complete: usize,
    pub alpha: Option<f64>,
    pub alpha_std: Option<f64>,
    pub alpha_ci: Option<(f64, f64)>,
    /// McDonald's omega total on the same respondents (`stats::omega_from_covariance`).
    pub omega: Option<f64>,
}

/// One row of `item_reliability.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemReliabilityRow {
    pub measure: usize,
    pub area: usize,
    pub item: usize,
    pub item_rest_r: Option<f64>,
    pub alpha_if_deleted: Option<f64>,
}

/// One row of `group_tests.csv`: Kruskal-Wallis over the groups with at
/// least `min_cell` area scores.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupTestRow {
    pub measure: usize,
    pub area: usize,
    /// The groups tested (1-based group indices), in display order.
    pub groups: Vec<u32>,
    pub h: Option<f64>,
    pub df: Option<usize>,
    pub p: Option<f64>,
    pub p_holm: Option<f64>,
    pub epsilon_sq: Option<f64>,
}

/// Sample covariance matrix of the complete rows (respondents who rated
/// every item), from exact integer sums (so it does not depend on summation
/// order), and the number of rows. Column-wise: incomplete rows are zeroed
/// in a copy of each column, so they add nothing to any sum, and every
/// cross product is a dot product of two byte columns.
fn complete_covariance(columns: &[&[i8]]) -> (Vec<Vec<f64>>, usize) {
    let k = columns.len();
    let n_resp = columns.first().map_or(0, |c| c.len());
    let mut complete = vec![true; n_resp];
    for col in columns {
        for (ok, v) in complete.iter_mut().zip(col.iter()) {
            *ok &= rated(*v);
        }
    }
    let n = complete.iter().filter(|c| **c).count() as i64;
    let zeroed: Vec<Vec<i8>> = columns
        .iter()
        .map(|col| {
            col.iter()
                .zip(&complete)
                .map(|(v, ok)| if *ok { *v } else { 0 })
                .collect()
        })
        .collect();
    let sums: Vec<i64> = zeroed
        .iter()
        .map(|c| c.iter().map(|v| i64::from(*v)).sum())
        .collect();
    let mut cross = vec![0i64; k * k];
    for i in 0..k {
        for j in i..k {
            cross[i * k + j] = dot(&zeroed[i], &zeroed[j]);
        }
    }
    let cov = (0..k)
        .map(|i| {
            (0..k)
                .map(|j| {
                    let (a, b) = (i.min(j), i.max(j));
                    // n * sum(xy) - sum(x) sum(y), exact in i128.
                    let num = i128::from(n) * i128::from(cross[a * k + b])
                        - i128::from(sums[a]) * i128::from(sums[b]);
                    if n < 2 {
                        f64::NAN
                    } else {
                        num as f64 / (n as f64 * (n - 1) as f64)
                    }
                })
                .collect()
        })
        .collect();
    (cov, n as usize)
}

/// Exact dot product of two code columns. Ratings lie within -100..=100,
/// so a block of 2^16 products fits an i32 (which the compiler vectorises).
fn dot(a: &[i8], b: &[i8]) -> i64 {
    const BLOCK: usize = 1 << 16;
    a.chunks(BLOCK)
        .zip(b.chunks(BLOCK))
        .map(|(x, y)| {
            let s: i32 = x
                .iter()
                .zip(y)
                .map(|(p, q)| i32::from(*p) * i32::from(*q))
                .sum();
            i64::from(s)
        })
        .sum()
}

/// Cronbach's alpha and its companions per measure x area, the areas on
/// every core (omega iterates a factor fit: about a millisecond an area).
pub(super) fn reliability(matrices: &[Matrix]) -> (Vec<ReliabilityRow>, Vec<ItemReliabilityRow>) {
    let per_area: Vec<(ReliabilityRow, Vec<ItemReliabilityRow>)> =
        matrices.par_iter().map(area_reliability).collect();
    let mut areas = Vec::with_capacity(per_area.len());
    let mut items = Vec::new();
    for (area, its) in per_area {
        areas.push(area);
        items.extend(its);
    }
    (areas, items)
}

fn area_reliability(mx: &Matrix) -> (ReliabilityRow, Vec<ItemReliabilityRow>) {
    let k = mx.items.len();
    let (cov, n) = complete_covariance(&mx.columns);
    let r = stats::reliability_from_covariance(&cov, n);
    let area = ReliabilityRow {
        measure: mx.measure,
        area: mx.area,
        k_items: k,
        n_complete: n,
        alpha: r.alpha,
        alpha_std: r.alpha_std,
        alpha_ci: r.alpha.and_then(|a| stats::feldt_ci95(a, n, k)),
        omega: stats::omega_from_covariance(&cov, n),
    };
    let items = (mx.items.iter().enumerate())
        .map(|(slot, &item)| ItemReliabilityRow {
            measure: mx.measure,
            area: mx.area,
            item,
            item_rest_r: r.item_rest_r[slot],
            alpha_if_deleted: r.alpha_if_deleted[slot],
        })
        .collect();
    (area, items)
}

/// Kruskal-Wallis per measure x area over the groups large enough to show,
/// Holm-corrected over the areas of each measure. The samples are the
/// respondent area scores as their tallies count them (value, how many):
/// the test costs the distinct scores, not the respondents.
pub(super) fn group_tests(cb: &Codebook, tallies: &Tallies) -> Vec<GroupTestRow> {
    let n_groups = tallies.keys().map(|k| k.2).max().unwrap_or(0);
    let mut rows: Vec<GroupTestRow> = area_targets(cb)
        .into_iter()
        .map(|(measure, area)| {
            let size = |d: &[(f64, u64)]| d.iter().map(|p| p.1).sum::<u64>();
            let qualified: Vec<(u32, Vec<(f64, u64)>)> = (1..=n_groups)
                .filter_map(|g| {
                    let t = tallies.get(&(measure, area, g))?;
                    (size(&t.dist) >= u64::from(cb.min_cell)).then(|| (g, t.dist.clone()))
                })
                .collect();
            let n = qualified.iter().map(|(_, d)| size(d)).sum::<u64>() as usize;
            let groups: Vec<u32> = qualified.iter().map(|(g, _)| *g).collect();
            let samples: Vec<Vec<(f64, u64)>> = qualified.into_iter().map(|(_, d)| d).collect();
            let test = (samples.len() >= 2)
                .then(|| stats::kruskal_wallis_counts(&samples))
                .flatten();
            GroupTestRow {
                measure,
                area,
                groups,
                h: test.map(|t| t.h),
                df: test.map(|t| t.df),
                p: test.map(|t| t.p),
                p_holm: None,
                epsilon_sq: test.and_then(|t| stats::epsilon_squared(t.h, n)),
            }
        })
        .collect();
    for m in 0..cb.measures.len() {
        let idx: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].measure == m && rows[i].p.is_some())
            .collect();
        let raw: Vec<f64> = idx.iter().filter_map(|&i| rows[i].p).collect();
        for (&i, adj) in idx.iter().zip(stats::holm(&raw)) {
            rows[i].p_holm = Some(adj);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::matrix::MISSING;
    use super::*;

    #[test]
    fn dot_is_exact_past_what_an_i32_holds() {
        // 300,000 x 100 x 100 = 3e9 > i32::MAX.
        let a = vec![100i8; 300_000];
        assert_eq!(dot(&a, &a), 3_000_000_000);
        let b: Vec<i8> = (0..300_000)
            .map(|i| if i % 2 == 0 { -100 } else { 100 })
            .collect();
        assert_eq!(dot(&a, &b), 0);
    }

    #[test]
    fn covariance_uses_complete_rows_only() {
        // Rows (1,2), (_,3), (4,4), (2,1): complete are (1,2), (4,4), (2,1).
        let (a, b) = ([1, MISSING, 4, 2], [2, 3, 4, 1]);
        let (cov, n) = complete_covariance(&[&a, &b]);
        let expected =
            stats::covariance_matrix(&[vec![1.0, 4.0, 2.0], vec![2.0, 4.0, 1.0]]).unwrap();
        assert_eq!(n, 3);
        for i in 0..2 {
            for j in 0..2 {
                assert!(
                    (cov[i][j] - expected[i][j]).abs() < 1e-12,
                    "{cov:?} vs {expected:?}"
                );
            }
        }
    }
}
