//! Rank tests: Kruskal-Wallis with its epsilon squared effect size, Holm's
//! step-down correction, and the Mann-Whitney U test on counted samples.
//!
//! Pure functions of numbers, each with its formula and source; no polars,
//! no I/O, no formatting. Imports only `descriptive`.

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal};

#[cfg(test)]
use super::descriptive::{all_finite, is_constant};

/// Average ranks (1-based; ties get the mean of the ranks they span, as R's
/// `rank` and `scipy.stats.rankdata`) and the tie term sum(t^3 - t) over the
/// groups of t tied values. Values must be finite.
#[cfg(test)]
fn average_ranks(xs: &[f64]) -> (Vec<f64>, f64) {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut ranks = vec![0.0; xs.len()];
    let mut ties = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && xs[order[end]] == xs[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean:
        let rank = (start + 1 + end) as f64 / 2.0;
        for &o in &order[start..end] {
            ranks[o] = rank;
        }
        let t = (end - start) as f64;
        ties += t * t * t - t;
        start = end;
    }
    (ranks, ties)
}

/// Result of `kruskal_wallis`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KruskalWallis {
    /// Tie-corrected H statistic.
    pub h: f64,
    /// Degrees of freedom: non-empty groups - 1.
    pub df: usize,
    /// Chi-square survival probability of H with `df` degrees of freedom.
    pub p: f64,
}

/// Kruskal-Wallis rank-sum test (Kruskal & Wallis 1952), as
/// `scipy.stats.kruskal` and R `kruskal.test`: with average ranks over the
/// pooled N values, H0 = 12 / (N(N+1)) * sum(R_g^2 / n_g) - 3(N+1) and the tie
/// correction H = H0 / (1 - sum(t^3 - t) / (N^3 - N)); p = P(chi2(g - 1) >= H).
///
/// Computed in the algebraically identical form
/// H = (N - 1) * sum_g n_g (mean rank_g - (N+1)/2)^2 / sum_all (rank - (N+1)/2)^2,
/// which never cancels to a small negative number.
///
/// Empty groups are ignored. `None` if fewer than 2 non-empty groups remain
/// (so N >= 2 otherwise) or a value is not finite. A group of one is allowed.
/// All values tied (correction denominator 0): h = 0, p = 1.
///
/// The reference form on raw samples, for the tests: peil computes it from
/// counted samples ([`kruskal_wallis_counts`]).
#[cfg(test)]
pub fn kruskal_wallis(groups: &[Vec<f64>]) -> Option<KruskalWallis> {
    let groups: Vec<&Vec<f64>> = groups.iter().filter(|g| !g.is_empty()).collect();
    if groups.len() < 2 || groups.iter().any(|g| !all_finite(g)) {
        return None;
    }
    let df = groups.len() - 1;
    let pooled: Vec<f64> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    if is_constant(&pooled) {
        return Some(KruskalWallis { h: 0.0, df, p: 1.0 });
    }
    let n_total = pooled.len() as f64;
    let (ranks, _) = average_ranks(&pooled);
    let centre = (n_total + 1.0) / 2.0; // the mean of average ranks, exactly
    let total_ss: f64 = ranks.iter().map(|r| (r - centre).powi(2)).sum();
    let mut between = 0.0;
    let mut offset = 0;
    for g in &groups {
        let n_g = g.len();
        let mean_rank = ranks[offset..offset + n_g].iter().sum::<f64>() / n_g as f64;
        between += n_g as f64 * (mean_rank - centre).powi(2);
        offset += n_g;
    }
    let h = (n_total - 1.0) * between / total_ss;
    let p = ChiSquared::new(df as f64).ok()?.sf(h);
    Some(KruskalWallis { h, df, p })
}

/// [`kruskal_wallis`] on counted samples: per group, (value, how many)
/// pairs as the score tables hold them, so the test costs the number of
/// distinct values, not of respondents. Each block of t tied values takes
/// the mean of its ranks, below + (t + 1) / 2, exactly as ranking the
/// expanded samples would; the sums are the same, taken per block.
///
/// Groups without a positive count are ignored. `None` if fewer than 2
/// remain or a value is not finite; all values tied: h = 0, p = 1.
pub fn kruskal_wallis_counts(groups: &[Vec<(f64, u64)>]) -> Option<KruskalWallis> {
    let groups: Vec<&Vec<(f64, u64)>> = (groups.iter())
        .filter(|g| g.iter().any(|p| p.1 > 0))
        .collect();
    if groups.len() < 2 || groups.iter().any(|g| g.iter().any(|p| !p.0.is_finite())) {
        return None;
    }
    let df = groups.len() - 1;
    // (value, group, count), ascending by value.
    let mut pooled: Vec<(f64, usize, f64)> = Vec::new();
    for (g, s) in groups.iter().enumerate() {
        pooled.extend(s.iter().filter(|p| p.1 > 0).map(|&(v, c)| (v, g, c as f64)));
    }
    pooled.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n_total: f64 = pooled.iter().map(|p| p.2).sum();
    let centre = (n_total + 1.0) / 2.0; // the mean of average ranks, exactly
    let (mut rank_sum, mut n_g) = (vec![0.0; groups.len()], vec![0.0; groups.len()]);
    let (mut total_ss, mut below, mut blocks) = (0.0, 0.0, 0);
    for block in pooled.chunk_by(|a, b| a.0 == b.0) {
        let t: f64 = block.iter().map(|p| p.2).sum();
        let rank = below + (t + 1.0) / 2.0;
        total_ss += t * (rank - centre).powi(2);
        for &(_, g, c) in block {
            rank_sum[g] += c * rank;
            n_g[g] += c;
        }
        below += t;
        blocks += 1;
    }
    if blocks < 2 {
        return Some(KruskalWallis { h: 0.0, df, p: 1.0 });
    }
    let between: f64 = (rank_sum.iter().zip(&n_g))
        .map(|(r, n)| n * (r / n - centre).powi(2))
        .sum();
    let h = (n_total - 1.0) * between / total_ss;
    let p = ChiSquared::new(df as f64).ok()?.sf(h);
    Some(KruskalWallis { h, df, p })
}

/// Holm (1979) step-down adjusted p-values, in the input order, exactly as R
/// `p.adjust(p, "holm")`: with the m p-values sorted ascending,
/// p_adj(j) = min(1, max_{i <= j} (m - i + 1) * p(i)).
///
/// NaN entries (R's NA) stay NaN and do not count in m; an empty input gives
/// an empty output.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..p.len()).filter(|&i| !p[i].is_nan()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let m = order.len();
    let mut adjusted = vec![f64::NAN; p.len()];
    let mut running = f64::NEG_INFINITY;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max((m - rank) as f64 * p[i]);
        adjusted[i] = running.min(1.0);
    }
    adjusted
}

/// Epsilon squared effect size of Kruskal-Wallis H (Tomczak & Tomczak 2014,
/// "The need to report effect size estimates revisited", Trends Sport Sci
/// 21:19-25): E^2 = H / ((n^2 - 1) / (n + 1)) = H / (n - 1), n the total
/// number of observations. `None` if n < 2 or H is not finite.
pub fn epsilon_squared(h: f64, n: usize) -> Option<f64> {
    (n >= 2 && h.is_finite()).then(|| h / (n - 1) as f64)
}

/// Result of `mann_whitney_counts`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannWhitney {
    /// U of the first sample: R1 - n1(n1 + 1)/2 (R `wilcox.test`'s W).
    pub u: f64,
    /// Two-sided p from the normal approximation.
    pub p: f64,
}

/// Mann-Whitney U test (Mann & Whitney 1947), two-sided, normal
/// approximation with tie-corrected variance and continuity correction, as
/// `scipy.stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)`
/// and R `wilcox.test(x, y, exact = FALSE, correct = TRUE)`:
///
/// U1 = R1 - n1(n1+1)/2 (average ranks in the pooled sample),
/// sigma^2 = n1 n2 / 12 * ((N + 1) - sum(t^3 - t) / (N(N - 1))),
/// z = (|U1 - n1 n2 / 2| - 0.5) / sigma, p = min(1, 2 * P(Z >= z)).
///
/// On counted samples: (value, how many) pairs, as the score tables hold
/// them, so a comparison of two rounds never needs the respondents' rows. A
/// value may appear more than once; counts of 0 are ignored. Each block of t
/// tied values takes the mean of its ranks and adds t^3 - t to the tie sum,
/// exactly as ranking the expanded samples would.
///
/// `None` if either sample is empty (no positive count) or a value is not
/// finite. All values tied (sigma = 0): p = 1.
pub fn mann_whitney_counts(x: &[(f64, u64)], y: &[(f64, u64)]) -> Option<MannWhitney> {
    let finite = |s: &[(f64, u64)]| s.iter().all(|(v, _)| v.is_finite());
    let (n1, n2) = (
        x.iter().map(|p| p.1).sum::<u64>() as f64,
        y.iter().map(|p| p.1).sum::<u64>() as f64,
    );
    if n1 == 0.0 || n2 == 0.0 || !finite(x) || !finite(y) {
        return None;
    }
    // (value, count in x, count in y), ascending.
    let mut pooled: Vec<(f64, f64, f64)> = x
        .iter()
        .map(|&(v, c)| (v, c as f64, 0.0))
        .chain(y.iter().map(|&(v, c)| (v, 0.0, c as f64)))
        .filter(|p| p.1 + p.2 > 0.0)
        .collect();
    pooled.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut blocks: Vec<(f64, f64, f64)> = Vec::with_capacity(pooled.len());
    for p in pooled {
        match blocks.last_mut() {
            Some(last) if last.0 == p.0 => {
                last.1 += p.1;
                last.2 += p.2;
            }
            _ => blocks.push(p),
        }
    }
    let (mut below, mut r1, mut ties) = (0.0, 0.0, 0.0);
    for &(_, cx, cy) in &blocks {
        let t = cx + cy;
        r1 += cx * (below + (t + 1.0) / 2.0);
        ties += t * t * t - t;
        below += t;
    }
    let n = n1 + n2;
    let u = r1 - n1 * (n1 + 1.0) / 2.0;
    let var = n1 * n2 / 12.0 * ((n + 1.0) - ties / (n * (n - 1.0)));
    if blocks.len() < 2 || var <= 0.0 {
        return Some(MannWhitney { u, p: 1.0 });
    }
    let z = ((u - n1 * n2 / 2.0).abs() - 0.5) / var.sqrt();
    let p = (2.0 * Normal::new(0.0, 1.0).ok()?.sf(z)).min(1.0);
    Some(MannWhitney { u, p })
}

/// [`mann_whitney_counts`] on raw samples, for the tests that check it
/// against scipy's examples; `None` also if a value is not finite.
#[cfg(test)]
pub fn mann_whitney(x: &[f64], y: &[f64]) -> Option<MannWhitney> {
    if !all_finite(x) || !all_finite(y) {
        return None;
    }
    mann_whitney_counts(&counted(x), &counted(y))
}

/// Distinct values, ascending, with how often each occurs.
#[cfg(test)]
fn counted(xs: &[f64]) -> Vec<(f64, u64)> {
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, u64)> = Vec::new();
    for v in sorted {
        match out.last_mut() {
            Some(last) if last.0 == v => last.1 += 1,
            _ => out.push((v, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::close;
    use proptest::prelude::*;

    #[test]
    fn kruskal_wallis_matches_scipy() {
        // scipy.stats.kruskal docstring examples (scipy 1.17.1, run 2026-11-27):
        //   stats.kruskal([1, 3, 5, 7, 9], [2, 4, 6, 8, 10])
        //   -> statistic 0.2727272727272734, pvalue 0.6015081344405895
        let kw = kruskal_wallis(&[
            vec![1.0, 3.0, 5.0, 7.0, 9.0],
            vec![2.0, 4.0, 6.0, 8.0, 10.0],
        ])
        .unwrap();
        assert!(close(kw.h, 0.272_727_272_727_273_4, 1e-12), "{kw:?}");
        assert!(close(kw.p, 0.601_508_134_440_589_5, 1e-10), "{kw:?}");
        assert_eq!(kw.df, 1);
        //   stats.kruskal([1, 1, 1], [2, 2, 2], [2, 2])   (ties)
        //   -> statistic 7.0, pvalue 0.0301973834223185
        let kw = kruskal_wallis(&[vec![1.0; 3], vec![2.0; 3], vec![2.0; 2]]).unwrap();
        assert!(close(kw.h, 7.0, 1e-12), "{kw:?}");
        assert!(close(kw.p, 0.030_197_383_422_318_5, 1e-10), "{kw:?}");
        assert_eq!(kw.df, 2);
        //   stats.kruskal([2.5, 3.0, 3.0, 3.5, 2.0, 4.0, 3.0],
        //                 [1.5, 2.0, 2.5, 2.0, 3.0, 2.5],
        //                 [3.0, 3.5, 4.0, 3.5, 4.0])   (area-score-like, many ties)
        //   -> statistic 9.200285816362985, pvalue 0.010050399357704822
        let kw = kruskal_wallis(&[
            vec![2.5, 3.0, 3.0, 3.5, 2.0, 4.0, 3.0],
            vec![1.5, 2.0, 2.5, 2.0, 3.0, 2.5],
            vec![3.0, 3.5, 4.0, 3.5, 4.0],
        ])
        .unwrap();
        assert!(close(kw.h, 9.200_285_816_362_985, 1e-10), "{kw:?}");
        assert!(close(kw.p, 0.010_050_399_357_704_822, 1e-10), "{kw:?}");
        //   stats.kruskal([1, 2, 2, 3, 4, 4], [2, 3, 3, 3, 4], [4])   (a group of one)
        //   -> statistic 1.6311068702290064, pvalue 0.4423944229901198
        let kw = kruskal_wallis(&[
            vec![1.0, 2.0, 2.0, 3.0, 4.0, 4.0],
            vec![],
            vec![2.0, 3.0, 3.0, 3.0, 4.0],
            vec![4.0],
        ])
        .unwrap();
        assert!(close(kw.h, 1.631_106_870_229_006_4, 1e-10), "{kw:?}");
        assert!(close(kw.p, 0.442_394_422_990_119_8, 1e-10), "{kw:?}");
        assert_eq!(kw.df, 2, "the empty group is ignored");
    }

    #[test]
    fn kruskal_wallis_edge_cases() {
        // Fewer than two non-empty groups.
        assert_eq!(kruskal_wallis(&[]), None);
        assert_eq!(kruskal_wallis(&[vec![1.0, 2.0]]), None);
        assert_eq!(kruskal_wallis(&[vec![1.0, 2.0], vec![]]), None);
        assert_eq!(kruskal_wallis(&[vec![1.0], vec![f64::NAN]]), None);
        // All values tied: h = 0, p = 1, not NaN (scipy returns nan here).
        assert_eq!(
            kruskal_wallis(&[vec![3.0, 3.0], vec![3.0], vec![3.0; 4]]),
            Some(KruskalWallis {
                h: 0.0,
                df: 2,
                p: 1.0
            })
        );
        // Two groups of one, N = 2: scipy 1.17.1 stats.kruskal([1], [2])
        // -> statistic 1.0, pvalue 0.31731050786291115.
        let kw = kruskal_wallis(&[vec![1.0], vec![2.0]]).unwrap();
        assert!(close(kw.h, 1.0, 1e-12) && close(kw.p, 0.317_310_507_862_911_15, 1e-10));
    }

    #[test]
    fn holm_matches_statsmodels_and_r() {
        // statsmodels 0.15.0 (computed 2026-11-27):
        //   multipletests([0.01, 0.04, 0.03, 0.005], method='holm')[1]
        //   -> [0.03, 0.06, 0.06, 0.02]
        // (= R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm"): sorted 4*0.005, 3*0.01,
        //  2*0.03, max(1*0.04, 0.06)).
        let adj = holm(&[0.01, 0.04, 0.03, 0.005]);
        for (a, e) in adj.iter().zip([0.03, 0.06, 0.06, 0.02]) {
            assert!(close(*a, e, 1e-15), "{adj:?}");
        }
        //   multipletests([0.021, 0.001, 0.017, 0.041, 0.005, 0.036, 0.042, 0.023, 0.07, 0.1],
        //                 method='holm')[1]
        //   -> [0.147, 0.01, 0.136, 0.18, 0.045, 0.18, 0.18, 0.147, 0.18, 0.18]
        let adj = holm(&[
            0.021, 0.001, 0.017, 0.041, 0.005, 0.036, 0.042, 0.023, 0.07, 0.1,
        ]);
        let expected = [
            0.147, 0.01, 0.136, 0.18, 0.045, 0.18, 0.18, 0.147, 0.18, 0.18,
        ];
        for (a, e) in adj.iter().zip(expected) {
            assert!(close(*a, e, 1e-12), "{adj:?}");
        }
        //   multipletests([0.02, 0.02, 0.5, 0.9], method='holm')[1] -> [0.08, 0.08, 1.0, 1.0]
        let adj = holm(&[0.02, 0.02, 0.5, 0.9]);
        for (a, e) in adj.iter().zip([0.08, 0.08, 1.0, 1.0]) {
            assert!(close(*a, e, 1e-15), "{adj:?}");
        }
        // NA handling of R's p.adjust (its source drops NAs before taking n), worked by
        // hand: p.adjust(c(0.01, NA, 0.04), "holm") = 2*0.01, NA, max(1*0.04, 0.02).
        let adj = holm(&[0.01, f64::NAN, 0.04]);
        assert!(close(adj[0], 0.02, 1e-15) && adj[1].is_nan() && close(adj[2], 0.04, 1e-15));
        assert!(holm(&[]).is_empty());
        assert_eq!(holm(&[0.3]), vec![0.3]);
    }

    #[test]
    fn epsilon_squared_matches_tomczak_formula() {
        // Tomczak & Tomczak (2014): E^2 = H / ((n^2 - 1) / (n + 1)). For the
        // scipy example above (H = 9.200285816362985, n = 18), Python 3.11:
        //   9.200285816362985 / ((18**2 - 1) / (18 + 1)) -> 0.5411932833154697
        let e = epsilon_squared(9.200_285_816_362_985, 18).unwrap();
        assert!(close(e, 0.541_193_283_315_469_7, 1e-12), "{e}");
        // scipy docstring example: H = 0.2727..., n = 10 -> 0.2727.../9 = 0.030303...
        let e = epsilon_squared(0.272_727_272_727_273_4, 10).unwrap();
        assert!(close(e, 1.0 / 33.0, 1e-12), "{e}");
        assert_eq!(epsilon_squared(1.0, 1), None);
        assert_eq!(epsilon_squared(1.0, 0), None);
        assert_eq!(epsilon_squared(f64::NAN, 10), None);
    }

    #[test]
    fn mann_whitney_matches_scipy() {
        // scipy.stats.mannwhitneyu docstring data (no ties), scipy 1.17.1, run 2026-11-27:
        //   males = [19, 22, 16, 29, 24]; females = [20, 11, 17, 12]
        //   stats.mannwhitneyu(males, females, method="asymptotic", use_continuity=True)
        //   -> statistic 17.0, pvalue 0.11134688653314041
        let mw = mann_whitney(&[19.0, 22.0, 16.0, 29.0, 24.0], &[20.0, 11.0, 17.0, 12.0]).unwrap();
        assert_eq!(mw.u, 17.0);
        assert!(close(mw.p, 0.111_346_886_533_140_41, 1e-10), "{mw:?}");
        // Likert ratings with ties:
        //   x = [1, 2, 2, 3, 3, 3, 4, 4]; y = [2, 3, 4, 4, 4, 4, 4]
        //   stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)
        //   -> statistic 14.5, pvalue 0.10776229039192149
        //   stats.mannwhitneyu(y, x, ...) -> statistic 41.5, same pvalue
        let x = [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0];
        let y = [2.0, 3.0, 4.0, 4.0, 4.0, 4.0, 4.0];
        let mw = mann_whitney(&x, &y).unwrap();
        assert_eq!(mw.u, 14.5);
        assert!(close(mw.p, 0.107_762_290_391_921_49, 1e-10), "{mw:?}");
        let mw = mann_whitney(&y, &x).unwrap();
        assert_eq!(mw.u, 41.5);
        assert!(close(mw.p, 0.107_762_290_391_921_49, 1e-10), "{mw:?}");
    }

    #[test]
    fn mann_whitney_on_counts_matches_scipy() {
        // The Likert example of mann_whitney_matches_scipy as counts
        // (scipy: statistic 14.5, pvalue 0.10776229039192149); a value may
        // repeat and zero counts are ignored.
        let x = [(4.0, 2), (1.0, 1), (2.0, 2), (3.0, 3), (5.0, 0)];
        let y = [(2.0, 1), (3.0, 1), (4.0, 3), (4.0, 2)];
        let mw = mann_whitney_counts(&x, &y).unwrap();
        assert_eq!(mw.u, 14.5);
        assert!(close(mw.p, 0.107_762_290_391_921_49, 1e-10), "{mw:?}");
        assert_eq!(mann_whitney_counts(&[(1.0, 0)], &[(2.0, 3)]), None);
    }

    #[test]
    fn mann_whitney_edge_cases() {
        assert_eq!(mann_whitney(&[], &[1.0]), None);
        assert_eq!(mann_whitney(&[1.0], &[]), None);
        assert_eq!(mann_whitney(&[f64::NAN], &[1.0]), None);
        // All tied: scipy mannwhitneyu([3, 3], [3, 3, 3], method="asymptotic") -> U 3.0, p 1.0
        assert_eq!(
            mann_whitney(&[3.0, 3.0], &[3.0; 3]),
            Some(MannWhitney { u: 3.0, p: 1.0 })
        );
        // One value each: scipy mannwhitneyu([1], [2], method="asymptotic") -> U 0.0, p 1.0
        assert_eq!(
            mann_whitney(&[1.0], &[2.0]),
            Some(MannWhitney { u: 0.0, p: 1.0 })
        );
    }

    /// 2..=4 groups of 0..=8 ratings 1..=5.
    fn likert_groups() -> impl Strategy<Value = Vec<Vec<f64>>> {
        prop::collection::vec(
            prop::collection::vec((1u8..=5).prop_map(f64::from), 0..=8),
            2..=4,
        )
    }

    fn shifted(v: &[f64], c: f64) -> Vec<f64> {
        v.iter().map(|x| x + c).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn rank_tests_are_invariant_to_a_constant_shift(groups in likert_groups(), c in -3i8..=10) {
            let c = f64::from(c) / 2.0;
            let moved: Vec<Vec<f64>> = groups.iter().map(|g| shifted(g, c)).collect();
            prop_assert_eq!(kruskal_wallis(&groups), kruskal_wallis(&moved));
            prop_assert_eq!(
                mann_whitney(&groups[0], &groups[1]),
                mann_whitney(&moved[0], &moved[1])
            );
        }

        #[test]
        fn rank_tests_never_give_nan(groups in likert_groups()) {
            if let Some(kw) = kruskal_wallis(&groups) {
                prop_assert!(kw.h.is_finite() && kw.h >= 0.0 && (0.0..=1.0).contains(&kw.p));
            }
            if let Some(mw) = mann_whitney(&groups[0], &groups[1]) {
                prop_assert!(mw.u.is_finite() && (0.0..=1.0).contains(&mw.p));
            }
        }

        #[test]
        fn holm_is_monotone_and_never_below_raw(p in prop::collection::vec(0.0f64..=1.0, 0..12)) {
            let adj = holm(&p);
            prop_assert_eq!(adj.len(), p.len());
            for i in 0..p.len() {
                prop_assert!(adj[i] >= p[i] && adj[i] <= 1.0);
                for j in 0..p.len() {
                    if p[i] <= p[j] {
                        prop_assert!(adj[i] <= adj[j], "{:?} -> {:?}", p, adj);
                    }
                }
            }
        }

        /// The counted form gives the raw form's H and p (to rounding).
        #[test]
        fn kruskal_wallis_on_counts_equals_the_raw_form(groups in likert_groups()) {
            let counts: Vec<Vec<(f64, u64)>> = groups.iter().map(|g| counted(g)).collect();
            match (kruskal_wallis(&groups), kruskal_wallis_counts(&counts)) {
                (Some(a), Some(b)) => {
                    prop_assert_eq!(a.df, b.df);
                    prop_assert!(close(a.h, b.h, 1e-12) && close(a.p, b.p, 1e-12), "{:?} {:?}", a, b);
                }
                (a, b) => prop_assert_eq!(a, b),
            }
        }

        #[test]
        fn kruskal_wallis_is_zero_for_identical_groups(
            sample in prop::collection::vec((1u8..=5).prop_map(f64::from), 1..=10),
            copies in 2usize..=5,
        ) {
            let groups = vec![sample; copies];
            let kw = kruskal_wallis(&groups).unwrap();
            prop_assert!(kw.h.abs() < 1e-12, "{:?}", kw);
            prop_assert!(close(kw.p, 1.0, 1e-12), "{:?}", kw);
            prop_assert_eq!(kw.df, copies - 1);
        }
    }
}
