//! Panel statistics of an item judged by a panel: Aiken's V and its score
//! interval, Lawshe's content validity ratio with its exact critical value,
//! the interquartile range of counted ratings, the consensus rule; and the
//! Wilcoxon signed-rank test of a panel's paired ratings in two rounds.
//!
//! Pure functions of numbers, each with its formula and source; no polars,
//! no I/O, no formatting. Imports only `descriptive`.

use std::cell::RefCell;
use std::collections::HashMap;

use statrs::distribution::{Binomial, ContinuousCDF, DiscreteCDF, Normal};

use super::descriptive::value_at;

/// z = qnorm(0.975), docs/reference.md's 1.959964 at full precision.
const Z95: f64 = 1.959_963_984_540_054;

/// Aiken's V (Aiken 1985, "Three coefficients for analyzing the reliability
/// and validity of ratings", Educ Psychol Meas 45:131-142):
/// V = S / (n (c - 1)) with S the sum of (rating - lowest), which is
/// (mean - min) / (max - min). `None` for a degenerate scale (max <= min)
/// or a mean that is not finite.
pub fn aiken_v(mean: f64, min: f64, max: f64) -> Option<f64> {
    (max > min && mean.is_finite()).then(|| (mean - min) / (max - min))
}

/// The 95% score interval of Aiken's V (Penfield & Giacobbi 2004,
/// "Applying a score confidence interval to Aiken's item content-relevance
/// index", Meas Phys Educ Exerc Sci 8:213-225):
/// (2nkV + z^2 -+ z sqrt(4nkV(1-V) + z^2)) / (2(nk + z^2)), with n raters,
/// k = max - min and z = qnorm(0.975). It is Wilson's score interval for
/// V as a proportion of nk trials, so k = 1 gives Wilson's interval.
/// Clamped to [0, 1] (the bounds at V = 0 and 1 are 0 and 1 up to rounding).
/// `None` for n = 0, k <= 0 or V outside [0, 1].
pub fn aiken_ci95(v: f64, n: u64, k: f64) -> Option<(f64, f64)> {
    if n == 0 || k.is_nan() || k <= 0.0 || !(0.0..=1.0).contains(&v) {
        return None;
    }
    let nk = n as f64 * k;
    let z2 = Z95 * Z95;
    let centre = 2.0 * nk * v + z2;
    let half = Z95 * (4.0 * nk * v * (1.0 - v) + z2).sqrt();
    let denom = 2.0 * (nk + z2);
    Some((
        ((centre - half) / denom).max(0.0),
        ((centre + half) / denom).min(1.0),
    ))
}

/// Lawshe's content validity ratio (Lawshe 1975, "A quantitative approach
/// to content validity", Pers Psychol 28:563-575): CVR = (a - n/2) / (n/2)
/// with `a` the panellists rating the item essential (here: above the
/// scale midpoint). `None` for n = 0.
pub fn cvr(agree: u64, n: u64) -> Option<f64> {
    (n > 0 && agree <= n).then(|| (2.0 * agree as f64 - n as f64) / n as f64)
}

/// Lawshe's critical CVR by the exact binomial test of Ayre & Scally 2014
/// ("Critical values for Lawshe's content validity ratio: revisiting the
/// original methods of calculation", Meas Eval Couns Dev 47:79-86): the
/// smallest a with P(X >= a | n, 1/2) <= 0.05 (one-tailed), as a CVR
/// (2a - n) / n. `None` when even a = n does not reach it (n < 5) or n = 0.
pub fn cvr_critical(n: u64) -> Option<f64> {
    // Remembered per thread and n: an item table asks for the same n in
    // many rows, and above n = 120 each tail is an incomplete beta function.
    thread_local!(static SEEN: RefCell<HashMap<u64, Option<f64>>> = RefCell::default());
    SEEN.with(|seen| *seen.borrow_mut().entry(n).or_insert_with(|| critical(n)))
}

fn critical(n: u64) -> Option<f64> {
    let reaches = |a: u64| upper_tail_at_most_5pct(n, a);
    // P(X >= n) = 2^-n, at most 0.05 from n = 5 on: only small panels need
    // the check (the unit test runs it for every n up to 40).
    if n == 0 || (n < 8 && !reaches(n)) {
        return None;
    }
    // The tail shrinks as a grows, so the answer is the first a that
    // reaches. Start from the normal approximation, n/2 + 1.645 sqrt(n)/2,
    // and step to it: a few tail evaluations instead of a binary search's
    // log2(n) (an item table has a row per item and group).
    let guess = (n as f64 / 2.0 + 1.6449 * (n as f64).sqrt() / 2.0) as u64;
    let mut a = guess.clamp(n / 2, n);
    while a < n && !reaches(a) {
        a += 1;
    }
    while a > n / 2 && reaches(a - 1) {
        a -= 1;
    }
    cvr(a, n)
}

/// P(X >= a | n, 1/2) <= 0.05: exactly in integers up to n = 120 (where
/// 2^n and the binomials fit a u128), from the regularized beta function
/// above (a tail of k / 2^n never equals 1/20 exactly, so rounding can
/// only matter within 1e-15 of 0.05).
fn upper_tail_at_most_5pct(n: u64, a: u64) -> bool {
    if n <= 120 {
        let mut c: u128 = 1; // C(n, j), built up from j = 0
        let mut tail: u128 = 0;
        for j in 0..=n {
            if j >= a {
                tail += c;
            }
            c = c * u128::from(n - j) / u128::from(j + 1);
        }
        // tail / 2^n <= 1/20
        return tail * 20 <= 1u128 << n;
    }
    // a = 0 is the whole distribution, P = 1.
    a > 0 && Binomial::new(0.5, n).is_ok_and(|b| b.sf(a - 1) <= 0.05)
}

/// The interquartile range of a sample given as (value, count) pairs
/// ascending by value, as R `IQR(x)` (Hyndman & Fan 1996 type 7 quantiles:
/// with h = (n - 1) p, Q(p) = x[floor h] + (h - floor h)(x[floor h + 1] -
/// x[floor h]), 0-based). `None` for no values.
pub fn iqr_from_counts(dist: &[(f64, u64)]) -> Option<f64> {
    let n: u64 = dist.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    let quantile = |p: f64| -> Option<f64> {
        let h = (n - 1) as f64 * p;
        let lo = h.floor();
        let below = value_at(dist, lo as u64)?;
        let above = value_at(dist, (lo as u64 + 1).min(n - 1))?;
        Some(below + (h - lo) * (above - below))
    };
    Some(quantile(0.75)? - quantile(0.25)?)
}

/// Panel consensus, the Delphi rule of docs/reference.md (`[rules]`
/// consensus_min_agree, consensus_max_iqr): agreement at least the share
/// and an interquartile range at most the bound (von der Gracht 2012,
/// "Consensus measurement in Delphi studies", Technol Forecast Soc Change
/// 79:1525-1536, reviews both criteria; an IQR of at most 1 on a 4- or
/// 5-point scale is the common one).
pub fn consensus(pct_agree: f64, iqr: f64, min_agree: f64, max_iqr: f64) -> bool {
    pct_agree >= min_agree && iqr <= max_iqr
}

/// Result of [`wilcoxon_signed_rank_counts`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignedRank {
    /// The sum of the ranks of the positive differences (R's V).
    pub v: f64,
    /// Two-sided p from the normal approximation.
    pub p: f64,
}

/// Wilcoxon signed-rank test of paired differences d = x - y (Wilcoxon
/// 1945), as R `wilcox.test(x, y, paired = TRUE, exact = FALSE, correct =
/// TRUE)`: zero differences are dropped (n counts the rest); |d| get
/// average ranks; V = the rank sum of positive d;
/// sigma^2 = n(n+1)(2n+1)/24 - sum(t^3 - t)/48 over the groups of t tied |d|;
/// z = (V - n(n+1)/4 - sign * 0.5) / sigma; p = 2 min(P(Z <= z), P(Z >= z)).
///
/// On counted differences: (d, how many) pairs in any order, a value may
/// repeat. Equal |d| tie only if their floats are equal, so the caller
/// passes differences that are exact (integers, or reduced fractions
/// divided once). `None` when no difference is non-zero (R gives no p) or
/// a value is not finite.
pub fn wilcoxon_signed_rank_counts(diffs: &[(f64, u64)]) -> Option<SignedRank> {
    if diffs.iter().any(|(d, _)| !d.is_finite()) {
        return None;
    }
    // (|d|, positive count, negative count), ascending by |d|.
    let mut blocks: Vec<(f64, f64, f64)> = diffs
        .iter()
        .filter(|(d, c)| *d != 0.0 && *c > 0)
        .map(|&(d, c)| {
            let c = c as f64;
            if d > 0.0 {
                (d, c, 0.0)
            } else {
                (-d, 0.0, c)
            }
        })
        .collect();
    blocks.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Ranks of |d|: each block of t equal |d| takes the mean of its ranks.
    let (mut n, mut v, mut ties) = (0.0, 0.0, 0.0);
    for tied in blocks.chunk_by(|a, b| a.0 == b.0) {
        let t: f64 = tied.iter().map(|b| b.1 + b.2).sum();
        let positive: f64 = tied.iter().map(|b| b.1).sum();
        v += positive * (n + (t + 1.0) / 2.0);
        ties += t * t * t - t;
        n += t;
    }
    if n == 0.0 {
        return None;
    }
    let sigma = (n * (n + 1.0) * (2.0 * n + 1.0) / 24.0 - ties / 48.0).sqrt();
    let centred = v - n * (n + 1.0) / 4.0;
    // R: CORRECTION <- sign(z) * 0.5, with sign(0) = 0.
    let correction = if centred == 0.0 {
        0.0
    } else {
        0.5 * centred.signum()
    };
    let z = (centred - correction) / sigma;
    let normal = Normal::new(0.0, 1.0).ok()?;
    let p = 2.0 * normal.cdf(z).min(normal.sf(z));
    Some(SignedRank { v, p: p.min(1.0) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::close;
    use crate::analysis::stats::descriptive::wilson_ci95;

    #[test]
    fn critical_cvr_matches_ayre_and_scally_2014() {
        // Ayre & Scally (2014), Table 2 (CVR critical, one-tailed alpha 0.05),
        // n = 5..40, as R prints the exact binomial definition:
        //   sapply(5:40, function(n) { a <- min(which(sapply(0:n,
        //     function(a) 1 - pbinom(a - 1, n, .5)) <= .05)) - 1; (2*a - n)/n })
        let r = [
            1.0, 1.0, 1.0, 0.75, 0.7777778, 0.8, 0.6363636, 0.6666667, 0.5384615, 0.5714286, 0.6,
            0.5, 0.5294118, 0.4444444, 0.4736842, 0.5, 0.4285714, 0.4545455, 0.3913043, 0.4166667,
            0.44, 0.3846154, 0.4074074, 0.3571429, 0.3793103, 0.3333333, 0.3548387, 0.375,
            0.3333333, 0.3529412, 0.3142857, 0.3333333, 0.2972973, 0.3157895, 0.3333333, 0.3,
        ];
        for (n, want) in (5..=40).zip(r) {
            let got = cvr_critical(n).unwrap();
            assert!(close(got, want, 5e-8), "n = {n}: {got} vs {want}");
        }
        // The three values the issue quotes from the paper's table.
        assert_eq!(cvr_critical(8), Some(0.75));
        assert_eq!(cvr_critical(10), Some(0.8));
        assert_eq!(cvr_critical(40), Some(0.3));
        // Four raters can never reach p <= 0.05 (1/16 > 1/20).
        assert_eq!(cvr_critical(4), None);
        assert_eq!(cvr_critical(0), None);
    }

    #[test]
    fn critical_cvr_for_large_panels_uses_the_beta_tail() {
        // R 4.3: n <- 1000; 1 - pbinom(525, n, .5)  0.05337477 (a = 526 misses)
        //        1 - pbinom(526, n, .5)  0.04684365 (a = 527 reaches)
        //        (2 * 527 - n) / n  0.054
        assert_eq!(cvr_critical(1000), Some(0.054));
        // The exact and the beta branch agree where they meet.
        for n in 110..=130 {
            let exact = (n / 2..=n).find(|&a| {
                let b = Binomial::new(0.5, n).unwrap();
                b.sf(a - 1) <= 0.05
            });
            assert_eq!(cvr_critical(n), exact.and_then(|a| cvr(a, n)), "n = {n}");
        }
    }

    #[test]
    fn cvr_is_lawshes_ratio() {
        // Lawshe (1975): all essential gives 1, half gives 0, none gives -1;
        // 8 of 10 essential gives (8 - 5) / 5 = 0.6.
        assert_eq!(cvr(10, 10), Some(1.0));
        assert_eq!(cvr(5, 10), Some(0.0));
        assert_eq!(cvr(0, 10), Some(-1.0));
        assert_eq!(cvr(8, 10), Some(0.6));
        assert_eq!(cvr(0, 0), None);
    }

    #[test]
    fn aiken_v_and_interval_match_the_published_formula_in_r() {
        // No worked example with enough digits is at hand, so the published
        // formula (Penfield & Giacobbi 2004, eq. 7) is evaluated in R 4.3:
        //   aik <- function(x, lo, hi) { n <- length(x); k <- hi - lo;
        //     V <- (mean(x) - lo) / k; z <- qnorm(.975)
        //     c(V, (2*n*k*V + z^2 - z*sqrt(4*n*k*V*(1-V) + z^2)) / (2*(n*k + z^2)),
        //          (2*n*k*V + z^2 + z*sqrt(4*n*k*V*(1-V) + z^2)) / (2*(n*k + z^2))) }
        //   aik(c(4,4,4,3,3,3,3,2,4,4), 1, 4)  0.800000 0.626943035868517 0.904948928227101
        //   aik(c(1,1,1,1,1), 1, 4)            0        0                 0.203883301035849
        //   aik(rep(4, 8), 1, 4)               1        0.86202379532502  1
        let cases = [
            (3.4, 10, 0.8, 0.626_943_035_868_517, 0.904_948_928_227_101),
            (1.0, 5, 0.0, 0.0, 0.203_883_301_035_849),
            (4.0, 8, 1.0, 0.862_023_795_325_02, 1.0),
        ];
        for (mean, n, v, lo, hi) in cases {
            let got = aiken_v(mean, 1.0, 4.0).unwrap();
            assert!(close(got, v, 1e-12), "V {got}");
            let (l, h) = aiken_ci95(got, n, 3.0).unwrap();
            assert!(close(l, lo, 1e-12) && close(h, hi, 1e-12), "{l} {h}");
        }
        assert_eq!(aiken_v(3.0, 4.0, 4.0), None);
        assert_eq!(aiken_ci95(0.5, 0, 3.0), None);
    }

    #[test]
    fn aiken_interval_with_one_step_is_wilsons() {
        // k = 1 reduces the score interval to Wilson's, whose values are
        // checked against statsmodels and R elsewhere; R 4.3:
        //   prop.test(7, 20, correct = FALSE)$conf.int  0.181191824101082 0.567145723314764
        let (l, h) = aiken_ci95(0.35, 20, 1.0).unwrap();
        assert!(close(l, 0.181_191_824_101_082, 1e-12) && close(h, 0.567_145_723_314_764, 1e-12));
        for (s, n) in [(7, 20), (56, 70), (1, 1), (3, 9)] {
            let (wl, wh) = wilson_ci95(s, n).unwrap();
            let (l, h) = aiken_ci95(s as f64 / n as f64, n, 1.0).unwrap();
            assert!(close(l, wl, 1e-12) && close(h, wh, 1e-12), "{s}/{n}");
        }
    }

    #[test]
    fn iqr_matches_r_type_7() {
        // R 4.3: IQR(c(1,2,2,3,3,3,4,4)) 1.25; IQR(c(1,4)) 1.5;
        //        IQR(c(2,3,3,4,4)) 1; IQR(c(1,1,1,2,3,4,4,4,4,4)) 2.75; IQR(3) 0
        let cases: [(&[(f64, u64)], f64); 5] = [
            (&[(1.0, 1), (2.0, 2), (3.0, 3), (4.0, 2)], 1.25),
            (&[(1.0, 1), (4.0, 1)], 1.5),
            (&[(2.0, 1), (3.0, 2), (4.0, 2)], 1.0),
            (&[(1.0, 3), (2.0, 1), (3.0, 1), (4.0, 5)], 2.75),
            (&[(3.0, 1)], 0.0),
        ];
        for (dist, want) in cases {
            assert_eq!(iqr_from_counts(dist), Some(want), "{dist:?}");
        }
        assert_eq!(iqr_from_counts(&[]), None);
    }

    #[test]
    fn consensus_needs_both_criteria_and_reaches_its_thresholds() {
        assert!(consensus(0.75, 1.0, 0.75, 1.0));
        assert!(!consensus(0.74, 0.5, 0.75, 1.0));
        assert!(!consensus(0.9, 1.25, 0.75, 1.0));
        // 3 of 4 is exactly 0.75 in binary floating point.
        assert!(consensus(3.0 / 4.0, 0.0, 0.75, 1.0));
    }

    #[test]
    fn signed_rank_matches_r_with_ties_and_zero_differences() {
        // R 4.3:
        //   x <- c(3,4,2,4,3,1,4,3,2,4,3,4); y <- c(2,4,3,3,3,2,2,3,1,4,1,2)
        //   wilcox.test(x, y, paired = TRUE, exact = FALSE, correct = TRUE)
        //   V = 30, p-value = 0.0969381884283991
        // x - y: 1 0 -1 1 0 -1 2 0 1 0 2 2 (four zeros, ties at 1 and 2)
        let d = [(1.0, 3), (0.0, 4), (-1.0, 2), (2.0, 3)];
        let w = wilcoxon_signed_rank_counts(&d).unwrap();
        assert_eq!(w.v, 30.0);
        assert!(close(w.p, 0.096_938_188_428_399_1, 1e-9), "{}", w.p);
        //   x2 <- c(1,2,2,3,3,3,1,2,4,4); y2 <- c(2,3,3,4,4,3,2,2,4,3)
        //   V = 4, p-value = 0.0726009394499574
        let d2 = [(-1.0, 6), (0.0, 3), (1.0, 1)];
        let w = wilcoxon_signed_rank_counts(&d2).unwrap();
        assert_eq!(w.v, 4.0);
        assert!(close(w.p, 0.072_600_939_449_957_4, 1e-9), "{}", w.p);
        //   a <- c(3, 2.5, 10/3, 3, 8/3, 3.5, 2); b <- c(2.5, 2.5, 3, 10/3, 2, 3, 2.5)
        //   V = 15.5, p-value = 0.338724147759658  (area scores: fractions)
        let d3 = [
            (0.5, 2),
            (0.0, 1),
            (1.0 / 3.0, 1),
            (-1.0 / 3.0, 1),
            (2.0 / 3.0, 1),
            (-0.5, 1),
        ];
        let w = wilcoxon_signed_rank_counts(&d3).unwrap();
        assert_eq!(w.v, 15.5);
        assert!(close(w.p, 0.338_724_147_759_658, 1e-9), "{}", w.p);
        // Only zero differences: R has no p.
        assert_eq!(wilcoxon_signed_rank_counts(&[(0.0, 5)]), None);
        assert_eq!(wilcoxon_signed_rank_counts(&[]), None);
    }
}
