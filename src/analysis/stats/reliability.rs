//! Reliability of an area's items: Cronbach's alpha, standardized alpha,
//! item-rest correlations and alpha if an item is deleted, all from the
//! items' covariance matrix, and the Feldt interval of alpha.
//!
//! Pure functions of numbers, each with its formula and source; no polars,
//! no I/O, no formatting, nothing imported from the rest of `stats`. The
//! direct (raw-item) definitions these are checked against live in
//! `tests/common/oracle.rs`, where the golden tests use them too.

use statrs::distribution::{ContinuousCDF, FisherSnedecor};

/// Every reliability figure of an area at once, from the items' sample
/// covariance matrix (k x k), in O(k^2) instead of the O(n k^2) of the
/// direct definitions (which give the same values: see tests/oracle.rs).
///
/// - `alpha`: Cronbach's alpha (Cronbach 1951), raw form as R
///   `psych::alpha`'s `raw_alpha` and `pingouin.cronbach_alpha`:
///   k/(k-1) * (1 - sum(var_i) / var_total), with sample variances (n - 1)
///   of the k items and of the respondent totals.
/// - `alpha_std`: standardized alpha (alpha on the correlation matrix;
///   `std.alpha` of R `psych::alpha`): k * rbar / (1 + (k - 1) * rbar), with
///   rbar the mean of the k(k-1)/2 Pearson inter-item correlations.
/// - `item_rest_r[i]`: the corrected item-total (item-rest) correlation, the
///   Pearson r of item i with the sum of the other items (`r.drop` in R
///   `psych::alpha`'s item.stats), clamped to [-1, 1] against rounding.
/// - `alpha_if_deleted[i]`: the alpha of the other k - 1 items (`raw_alpha`
///   in R `psych::alpha`'s alpha.drop).
#[derive(Debug, Clone, PartialEq)]
pub struct ReliabilitySummary {
    pub alpha: Option<f64>,
    pub alpha_std: Option<f64>,
    pub item_rest_r: Vec<Option<f64>>,
    pub alpha_if_deleted: Vec<Option<f64>>,
}

/// `cov[i][j]` is the sample covariance of items i and j over n >= 2
/// complete cases. With T the total score: var(T) = sum of all cov[i][j];
/// cov(x_i, T - x_i) = row sum of i - cov[i][i]; var(T - x_i) = var(T)
/// - 2 * row sum of i + cov[i][i].
///
/// Every figure is `None` (never NaN, never a panic) where it is undefined:
/// all of them if n < 2, there are no items, or `cov` is not square or not
/// finite; alpha (and alpha if deleted) for fewer than two items or a total
/// variance of zero (within 1e-12 of the summed variances); standardized
/// alpha if an item has zero variance or 1 + (k - 1) * rbar is zero within
/// 1e-12; item-rest r if the item or the rest score has zero variance.
pub fn reliability_from_covariance(cov: &[Vec<f64>], n: usize) -> ReliabilitySummary {
    let k = cov.len();
    let none = ReliabilitySummary {
        alpha: None,
        alpha_std: None,
        item_rest_r: vec![None; k],
        alpha_if_deleted: vec![None; k],
    };
    if n < 2
        || k == 0
        || cov
            .iter()
            .any(|r| r.len() != k || r.iter().any(|v| !v.is_finite()))
    {
        return none;
    }
    let alpha_raw = |kk: usize, sum_var: f64, var_total: f64| {
        (kk >= 2 && var_total > 1e-12 * sum_var.max(1.0))
            .then(|| kk as f64 / (kk as f64 - 1.0) * (1.0 - sum_var / var_total))
            .filter(|a| a.is_finite())
    };
    let row: Vec<f64> = cov.iter().map(|r| r.iter().sum()).collect();
    let var_total: f64 = row.iter().sum();
    let sum_var: f64 = (0..k).map(|i| cov[i][i]).sum();
    let alpha = alpha_raw(k, sum_var, var_total);
    let alpha_std = (k >= 2 && (0..k).all(|i| cov[i][i] > 0.0))
        .then(|| {
            let mut sum = 0.0;
            for i in 0..k {
                for j in (i + 1)..k {
                    sum += (cov[i][j] / (cov[i][i] * cov[j][j]).sqrt()).clamp(-1.0, 1.0);
                }
            }
            let kf = k as f64;
            let rbar = sum / (kf * (kf - 1.0) / 2.0);
            let denom = 1.0 + (kf - 1.0) * rbar;
            (denom.abs() >= 1e-12).then(|| kf * rbar / denom)
        })
        .flatten()
        .filter(|a| a.is_finite());
    let rest_var = |i: usize| var_total - 2.0 * row[i] + cov[i][i];
    let item_rest_r = (0..k)
        .map(|i| {
            let (vi, vr) = (cov[i][i], rest_var(i));
            (k >= 2 && vi > 0.0 && vr > 1e-12 * var_total.abs().max(1.0))
                .then(|| ((row[i] - vi) / (vi * vr).sqrt()).clamp(-1.0, 1.0))
        })
        .collect();
    let alpha_if_deleted = (0..k)
        .map(|i| alpha_raw(k - 1, sum_var - cov[i][i], rest_var(i)))
        .collect();
    ReliabilitySummary {
        alpha,
        alpha_std,
        item_rest_r,
        alpha_if_deleted,
    }
}

/// Feldt 95% confidence interval of alpha (Feldt 1965; Feldt, Woodruff &
/// Salih 1987), in the form of R `psych::alpha.ci` (its source since March
/// 2022; earlier psych releases used df2 = Inf) and `pingouin.cronbach_alpha`:
///
/// lower = 1 - (1 - alpha) * F^-1(0.975; n - 1, (n - 1)(k - 1)),
/// upper = 1 - (1 - alpha) * F^-1(0.025; n - 1, (n - 1)(k - 1)),
///
/// with n respondents and k items. `None` if n < 2, k < 2 or alpha is not finite.
pub fn feldt_ci95(alpha: f64, n: usize, k: usize) -> Option<(f64, f64)> {
    if n < 2 || k < 2 || !alpha.is_finite() {
        return None;
    }
    let df1 = (n - 1) as f64;
    let f = FisherSnedecor::new(df1, df1 * (k - 1) as f64).ok()?;
    let lower = 1.0 - (1.0 - alpha) * f.inverse_cdf(0.975);
    let upper = 1.0 - (1.0 - alpha) * f.inverse_cdf(0.025);
    (lower.is_finite() && upper.is_finite()).then_some((lower, upper))
}

/// Sample covariance matrix of item-major complete cases (`items[i][r]` is
/// respondent r's rating of item i), by the definition: how the tests build
/// the input of [`reliability_from_covariance`] (`score` builds it from exact
/// integer sums). `None` if there are no items, n < 2, or the items differ
/// in length or hold a value that is not finite.
#[cfg(test)]
pub fn covariance_matrix(items: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let n = items.first()?.len();
    if n < 2
        || items
            .iter()
            .any(|it| it.len() != n || it.iter().any(|x| !x.is_finite()))
    {
        return None;
    }
    let means: Vec<f64> = items
        .iter()
        .map(|c| c.iter().sum::<f64>() / n as f64)
        .collect();
    let cov = |i: usize, j: usize| {
        items[i]
            .iter()
            .zip(&items[j])
            .map(|(a, b)| (a - means[i]) * (b - means[j]))
            .sum::<f64>()
            / (n - 1) as f64
    };
    Some(
        (0..items.len())
            .map(|i| (0..items.len()).map(|j| cov(i, j)).collect())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::close;

    /// pingouin's bundled `cronbach_alpha` dataset (15 subjects x 10 items
    /// Q1..Q10), item-major, as printed by (pingouin 0.7.0, pandas 3.0):
    ///   import pingouin as pg
    ///   d = pg.read_dataset('cronbach_alpha')
    ///   w = d.pivot(index='Subj', columns='Items', values='Scores')[[f'Q{i}' for i in range(1, 11)]]
    ///   w.to_numpy().T.tolist()
    fn pingouin_items() -> Vec<Vec<f64>> {
        [
            [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4],
            [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3],
            [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
            [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5],
            [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3],
            [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
            [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3],
            [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2],
            [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
            [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
        ]
        .iter()
        .map(|row| row.iter().map(|&v| f64::from(v)).collect())
        .collect()
    }

    /// The figures of the pingouin example, computed from its covariance matrix.
    fn pingouin_summary() -> ReliabilitySummary {
        let items = pingouin_items();
        reliability_from_covariance(&covariance_matrix(&items).unwrap(), items[0].len())
    }

    #[test]
    fn alpha_and_its_feldt_interval_match_pingouin() {
        // pingouin documentation example and pingouin 0.7.0 output (computed 2026-11-27):
        //   pg.cronbach_alpha(data=d, items='Items', scores='Scores', subject='Subj')
        //   -> (0.5917188485995826, array([0.195, 0.84 ]))
        let a = pingouin_summary().alpha.unwrap();
        assert!(close(a, 0.591_718_848_599_582_6, 1e-12), "{a}");
        // Feldt CI unrounded, same formula as pingouin / psych::alpha.ci (scipy 1.17.1):
        //   from scipy.stats import f; n, k = 15, 10; df1, df2 = n-1, (n-1)*(k-1)
        //   1-(1-a)*f.isf(0.025, df1, df2) -> 0.1949213906631222
        //   1-(1-a)*f.isf(0.975, df1, df2) -> 0.8398208146275433
        let (lo, hi) = feldt_ci95(a, 15, 10).unwrap();
        assert!(close(lo, 0.194_921_390_663_122_2, 1e-9), "{lo}");
        assert!(close(hi, 0.839_820_814_627_543_3, 1e-9), "{hi}");
        // ... and pingouin's rounded interval [0.195, 0.84].
        assert!(close(lo, 0.195, 0.0005) && close(hi, 0.84, 0.0005));
    }

    #[test]
    fn standardized_alpha_matches_numpy() {
        // numpy 2.4.6 (computed 2026-11-27), X = w.to_numpy(float) as above:
        //   R = np.corrcoef(X, rowvar=False); k = 10
        //   rbar = R[np.triu_indices(k, 1)].mean(); k*rbar/(1+(k-1)*rbar)
        //   -> 0.6343498015417943
        let s = pingouin_summary().alpha_std.unwrap();
        assert!(close(s, 0.634_349_801_541_794_3, 1e-12), "{s}");
    }

    #[test]
    fn item_rest_and_alpha_if_deleted_match_numpy() {
        // numpy 2.4.6 (computed 2026-11-27), X as above:
        //   def alpha(X):
        //       k = X.shape[1]
        //       return k/(k-1)*(1 - X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1))
        //   for i in range(10):
        //       rest = np.delete(X, i, axis=1)
        //       print(np.corrcoef(X[:, i], rest.sum(axis=1))[0, 1], alpha(rest))
        let expected = [
            (0.574_766_791_984_491_2, 0.468_690_324_633_991_24),
            (0.567_802_841_767_368_4, 0.507_280_557_834_290_6),
            (0.521_391_075_420_880_3, 0.518_349_852_665_416_4),
            (0.417_605_824_128_614_74, 0.531_829_170_024_174_2),
            (-0.107_583_082_492_574_17, 0.668_489_065_606_362),
            (-0.157_236_519_656_651_78, 0.671_141_479_099_678_6),
            (0.261_007_735_042_337_9, 0.568_506_332_257_263_4),
            (0.092_173_202_823_185_67, 0.610_119_047_619_047_8),
            (0.443_372_745_995_840_26, 0.519_425_675_675_675_9),
            (0.433_688_355_964_806_2, 0.522_590_782_122_904_9),
        ];
        let r = pingouin_summary();
        for (i, (ir, a)) in expected.into_iter().enumerate() {
            let got_r = r.item_rest_r[i].unwrap();
            let got_a = r.alpha_if_deleted[i].unwrap();
            assert!(close(got_r, ir, 1e-12), "item {i}: r {got_r} vs {ir}");
            assert!(close(got_a, a, 1e-12), "item {i}: alpha {got_a} vs {a}");
        }
    }

    /// The figures of item-major complete cases.
    fn summary(items: &[Vec<f64>]) -> ReliabilitySummary {
        reliability_from_covariance(&covariance_matrix(items).unwrap(), items[0].len())
    }

    #[test]
    fn reliability_edge_cases_are_none_not_nan() {
        // One item: no alpha, no standardized alpha, no item-rest r, nothing to delete.
        let one = summary(&[vec![1.0, 2.0, 3.0]]);
        assert_eq!((one.alpha, one.alpha_std), (None, None));
        assert_eq!((one.item_rest_r[0], one.alpha_if_deleted[0]), (None, None));
        // No items; a 1 x 1 matrix.
        assert_eq!(
            reliability_from_covariance(&[], 5).item_rest_r,
            Vec::<Option<f64>>::new()
        );
        assert_eq!(reliability_from_covariance(&[vec![1.0]], 5).alpha, None);
        // Two items: alpha exists, but alpha-if-deleted would leave one item.
        let two = summary(&[vec![1.0, 2.0, 3.0], vec![2.0, 2.0, 4.0]]);
        assert!(two.alpha.is_some());
        assert_eq!(two.alpha_if_deleted[0], None);
        // n < 2.
        let single = reliability_from_covariance(&[vec![0.0, 0.0], vec![0.0, 0.0]], 1);
        assert_eq!(
            (single.alpha, single.alpha_std, single.item_rest_r[0]),
            (None, None, None)
        );
        // All ratings equal: var_total = 0.
        let flat = summary(&[vec![3.0; 5], vec![3.0; 5], vec![3.0; 5]]);
        assert_eq!((flat.alpha, flat.alpha_std), (None, None));
        assert_eq!(
            (flat.item_rest_r[1], flat.alpha_if_deleted[1]),
            (None, None)
        );
        // One zero-variance item: raw alpha is defined (it adds 0 to sum(var_i)),
        // the standardized alpha is not, nor is that item's item-rest r.
        let with_flat = summary(&[
            vec![1.0, 2.0, 3.0, 4.0],
            vec![2.0, 2.0, 4.0, 4.0],
            vec![3.0; 4],
        ]);
        assert!(with_flat.alpha.is_some_and(f64::is_finite));
        assert_eq!(
            (with_flat.alpha_std, with_flat.item_rest_r[2]),
            (None, None)
        );
        assert!(with_flat.item_rest_r[0].is_some());
        // Totals constant although items vary (perfectly opposed items).
        let opposed = summary(&[vec![1.0, 2.0, 3.0, 4.0], vec![4.0, 3.0, 2.0, 1.0]]);
        assert_eq!((opposed.alpha, opposed.alpha_std), (None, None)); // rbar = -1
                                                                      // A covariance that is not finite.
        let inf = reliability_from_covariance(&[vec![f64::INFINITY, 0.0], vec![0.0, 1.0]], 5);
        assert_eq!((inf.alpha, inf.alpha_std), (None, None));
    }

    #[test]
    fn feldt_edge_cases() {
        // Feldt: n < 2, k < 2, non-finite alpha.
        assert_eq!(feldt_ci95(0.8, 1, 5), None);
        assert_eq!(feldt_ci95(0.8, 10, 1), None);
        assert_eq!(feldt_ci95(f64::NAN, 10, 5), None);
        assert_eq!(feldt_ci95(f64::NEG_INFINITY, 10, 5), None);
        // Feldt with alpha = 1: a degenerate interval at 1.
        assert_eq!(feldt_ci95(1.0, 10, 5), Some((1.0, 1.0)));
    }

    #[test]
    fn feldt_ci_matches_scipy_for_two_items() {
        // scipy 1.17.1 (computed 2026-11-27), psych::alpha.ci / pingouin form:
        //   from scipy.stats import f; a, n, k = 0.7, 30, 2; df1, df2 = n-1, (n-1)*(k-1)
        //   1-(1-a)*f.isf(0.025, df1, df2), 1-(1-a)*f.isf(0.975, df1, df2)
        //   -> 0.36970125481473626 0.8572105677069906
        let (lo, hi) = feldt_ci95(0.7, 30, 2).unwrap();
        assert!(close(lo, 0.369_701_254_814_736_26, 1e-9), "{lo}");
        assert!(close(hi, 0.857_210_567_706_990_6, 1e-9), "{hi}");
    }
}
