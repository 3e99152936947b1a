//! Descriptive figures: the mean, the t interval of a mean, a share, the
//! moments of a counted distribution, and the finiteness and tie checks the
//! other files of `stats` share.
//!
//! Pure functions of numbers, each with its formula and source; no polars,
//! no I/O, no formatting, and nothing imported from the rest of `stats` or
//! of peil.

use std::cell::RefCell;
use std::collections::HashMap;

#[cfg(test)]
use statrs::distribution::Normal;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Arithmetic mean; `None` for no values.
pub fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Quantile `p` of Student's t with `df` degrees of freedom (R's `qt(p, df)`).
/// `None` if df is not positive or p is outside (0, 1).
pub fn t_quantile(p: f64, df: f64) -> Option<f64> {
    if !(p > 0.0 && p < 1.0) {
        return None;
    }
    StudentsT::new(0.0, 1.0, df).ok().map(|t| t.inverse_cdf(p))
}

/// `t_quantile(0.975, df)`, remembered per thread and df: an item table asks
/// for the same df in many rows, and each costs an inverse of the
/// incomplete beta function. Same value, so still a function of df alone.
fn t975(df: u64) -> Option<f64> {
    thread_local!(static SEEN: RefCell<HashMap<u64, Option<f64>>> = RefCell::default());
    SEEN.with(|seen| {
        *(seen.borrow_mut())
            .entry(df)
            .or_insert_with(|| t_quantile(0.975, df as f64))
    })
}

/// Two-sided 95% confidence interval of a mean: mean +- t(0.975, n-1) * sd / sqrt(n),
/// as R's `t.test(x)$conf.int`. `None` if n < 2 (no sd, no df).
pub fn mean_ci95(mean: f64, sd: f64, n: u64) -> Option<(f64, f64)> {
    if n < 2 || !sd.is_finite() {
        return None;
    }
    let half = t975(n - 1)? * sd / (n as f64).sqrt();
    Some((mean - half, mean + half))
}

/// Share of raters agreeing: the item content validity index, I-CVI = a / n
/// (Polit & Beck 2006). `None` for n = 0.
pub fn share(agree: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| agree as f64 / n as f64)
}

/// All values finite (no NaN, no infinity).
pub(super) fn all_finite(xs: &[f64]) -> bool {
    xs.iter().all(|x| x.is_finite())
}

/// All values exactly equal (`==`, so -0.0 equals 0.0): zero variance, tested
/// exactly rather than via a computed variance that rounding can leave at 1e-33.
/// Callers exclude NaN first.
#[cfg(test)]
pub(super) fn is_constant(xs: &[f64]) -> bool {
    xs.iter().all(|&x| x == xs[0])
}

/// n, mean, sample sd and median of a distribution given as (value, count)
/// pairs sorted ascending by value. Summed in that fixed order, so the
/// result does not depend on how the counts were gathered (counts are exact,
/// float sums in another order are not).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    pub n: u64,
    pub mean: Option<f64>,
    /// `None` if n < 2.
    pub sd: Option<f64>,
    pub median: Option<f64>,
}

pub fn moments_from_counts(dist: &[(f64, u64)]) -> Moments {
    let n: u64 = dist.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return Moments {
            n,
            mean: None,
            sd: None,
            median: None,
        };
    }
    let mean = dist.iter().map(|(v, c)| v * *c as f64).sum::<f64>() / n as f64;
    let sd = (n >= 2).then(|| {
        let ss: f64 = dist
            .iter()
            .map(|(v, c)| *c as f64 * (v - mean).powi(2))
            .sum();
        (ss / (n - 1) as f64).sqrt()
    });
    // The values at 0-based positions (n-1)/2 and n/2; equal for odd n.
    let at = |pos| value_at(dist, pos);
    let median = at((n - 1) / 2).zip(at(n / 2)).map(|(a, b)| (a + b) / 2.0);
    Moments {
        n,
        mean: Some(mean),
        sd,
        median,
    }
}

/// The value at 0-based position `pos` of the sorted sample that a
/// distribution of (value, count) pairs, ascending by value, stands for;
/// `None` past its end.
pub(super) fn value_at(dist: &[(f64, u64)], pos: u64) -> Option<f64> {
    let mut seen = 0;
    dist.iter()
        .find(|(_, c)| {
            seen += c;
            seen > pos
        })
        .map(|(v, _)| *v)
}

/// Wilson (1927) score interval for a proportion, 95%, z = qnorm(0.975):
/// (p + z^2/(2n) -+ z * sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n),
/// as R `prop.test(x, n, correct = FALSE)$conf.int`, `binom::binom.wilson` and
/// statsmodels `proportion_confint(method = "wilson")`. The bounds are clamped
/// to [0, 1] and are exactly 0 for no successes and 1 for all successes.
/// `None` if n == 0 or successes > n.
///
/// No output of peil uses it; it is kept with its test as a checked reference.
#[cfg(test)]
pub fn wilson_ci95(successes: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 || successes > n {
        return None;
    }
    let z = Normal::new(0.0, 1.0).ok()?.inverse_cdf(0.975);
    let nf = n as f64;
    let p = successes as f64 / nf;
    let z2 = z * z;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = z * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    let lower = if successes == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let upper = if successes == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    Some((lower, upper))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::close;

    #[test]
    fn mean_matches_r() {
        // R 4.3: x <- c(2,4,4,4,5,5,7,9); mean(x) 5
        let x = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&x), Some(5.0));
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn moments_from_counts_match_the_expanded_sample() {
        // R: x <- c(2,4,4,4,5,5,7,9); mean 5, sd 2.13808993529939, median 4.5
        let m = moments_from_counts(&[(2.0, 1), (4.0, 3), (5.0, 2), (7.0, 1), (9.0, 1)]);
        assert_eq!((m.n, m.mean, m.median), (8, Some(5.0), Some(4.5)));
        assert!(close(m.sd.unwrap(), 2.138_089_935_299_39, 1e-12));
        let one = moments_from_counts(&[(3.0, 1)]);
        assert_eq!((one.mean, one.sd, one.median), (Some(3.0), None, Some(3.0)));
        assert_eq!(moments_from_counts(&[]).mean, None);
        // Odd n: the middle value. R: median(c(1,1,2,3,4)) 2
        assert_eq!(
            moments_from_counts(&[(1.0, 2), (2.0, 1), (3.0, 1), (4.0, 1)]).median,
            Some(2.0)
        );
    }

    #[test]
    fn t_quantiles_match_r_qt() {
        // R: qt(0.975, 1) 12.7062047361747; qt(0.975, 9) 2.2621571627982;
        //    qt(0.975, 29) 2.04522964213270; qt(0.975, 1000) 1.96233908082641
        assert!(close(
            t_quantile(0.975, 1.0).unwrap(),
            12.706_204_736_174_7,
            1e-7
        ));
        assert!(close(
            t_quantile(0.975, 9.0).unwrap(),
            2.262_157_162_798_2,
            1e-9
        ));
        assert!(close(
            t_quantile(0.975, 29.0).unwrap(),
            2.045_229_642_132_70,
            1e-9
        ));
        assert!(close(
            t_quantile(0.975, 1000.0).unwrap(),
            1.962_339_080_826_41,
            1e-9
        ));
        assert_eq!(t_quantile(1.0, 5.0), None);
    }

    #[test]
    fn mean_ci_matches_r_t_test() {
        // R: t.test(c(2,4,4,4,5,5,7,9))$conf.int  3.212512 6.787488
        // sd(x) 2.13808993529939, as moments_from_counts gives it (tested above).
        let x = [(2.0, 1), (4.0, 3), (5.0, 2), (7.0, 1), (9.0, 1)];
        let (lo, hi) = mean_ci95(5.0, moments_from_counts(&x).sd.unwrap(), 8).unwrap();
        assert!(
            close(lo, 3.212_512, 1e-6) && close(hi, 6.787_488, 1e-6),
            "{lo} {hi}"
        );
        assert_eq!(mean_ci95(5.0, 0.0, 1), None);
        // Zero variance: a zero-width interval, not NaN.
        assert_eq!(mean_ci95(3.0, 0.0, 4), Some((3.0, 3.0)));
    }

    // -----------------------------------------------------------------------
    // Proportions
    // -----------------------------------------------------------------------

    #[test]
    fn wilson_matches_statsmodels() {
        // statsmodels 0.15.0 (computed 2026-11-27):
        //   proportion_confint(s, n, alpha=0.05, method='wilson')
        let cases = [
            (7, 20, 0.181_191_824_101_082_03, 0.567_145_723_314_763_8),
            (0, 10, 0.0, 0.277_532_799_862_889_26),
            (10, 10, 0.722_467_200_137_110_6, 1.0),
            (1, 1, 0.206_549_314_377_237_4, 1.0),
            (56, 70, 0.691_833_555_037_469_5, 0.876_952_607_516_370_5),
        ];
        for (s, n, lo, hi) in cases {
            let (l, h) = wilson_ci95(s, n).unwrap();
            assert!(
                close(l, lo, 1e-10) && close(h, hi, 1e-10),
                "{s}/{n}: {l} {h}"
            );
        }
        assert_eq!(wilson_ci95(0, 0), None);
        assert_eq!(wilson_ci95(3, 2), None);
    }
}
