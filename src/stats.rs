//! Statistics as pure functions: no polars, no I/O, no formatting.
//!
//! Each function documents its formula and source, and its unit test checks
//! it against a published value or R output cited in the test. `score`
//! computes the per-group aggregates in polars and calls these for what
//! polars does not offer (t quantiles, modified kappa); the reference
//! versions of mean, sd and median here are what the golden tests check
//! polars' figures against.

use statrs::distribution::{ContinuousCDF, StudentsT};
use statrs::function::factorial::ln_binomial;

/// Arithmetic mean; `None` for no values.
pub fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Sample standard deviation (denominator n - 1, as R's `sd`); `None` if n < 2.
pub fn sample_sd(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let m = mean(xs)?;
    let ss: f64 = xs.iter().map(|x| (x - m).powi(2)).sum();
    Some((ss / (xs.len() - 1) as f64).sqrt())
}

/// Median; the mean of the middle two for an even count (R's `median`).
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 0 {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

/// Quantile `p` of Student's t with `df` degrees of freedom (R's `qt(p, df)`).
/// `None` if df is not positive or p is outside (0, 1).
pub fn t_quantile(p: f64, df: f64) -> Option<f64> {
    if !(p > 0.0 && p < 1.0) {
        return None;
    }
    StudentsT::new(0.0, 1.0, df).ok().map(|t| t.inverse_cdf(p))
}

/// Two-sided 95% confidence interval of a mean: mean +- t(0.975, n-1) * sd / sqrt(n),
/// as R's `t.test(x)$conf.int`. `None` if n < 2 (no sd, no df).
pub fn mean_ci95(mean: f64, sd: f64, n: u64) -> Option<(f64, f64)> {
    if n < 2 || !sd.is_finite() {
        return None;
    }
    let half = t_quantile(0.975, (n - 1) as f64)? * sd / (n as f64).sqrt();
    Some((mean - half, mean + half))
}

/// Share of raters agreeing: the item content validity index, I-CVI = a / n
/// (Polit & Beck 2006). `None` for n = 0.
pub fn share(agree: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| agree as f64 / n as f64)
}

/// Probability of chance agreement for the modified kappa:
/// pc = C(n, a) * 0.5^n (Polit, Beck & Owen 2007), computed in logs so that
/// it stays finite for thousands of raters.
pub fn chance_agreement(n: u64, agree: u64) -> f64 {
    if agree > n {
        return 0.0;
    }
    (ln_binomial(n, agree) - n as f64 * std::f64::consts::LN_2).exp()
}

/// Modified kappa k* = (I-CVI - pc) / (1 - pc) (Polit, Beck & Owen 2007,
/// "Is the CVI an acceptable indicator of content validity?", Res Nurs Health
/// 30:459-467). `None` for n = 0.
pub fn kappa_star(n: u64, agree: u64) -> Option<f64> {
    let icvi = share(agree, n)?;
    let pc = chance_agreement(n, agree);
    Some((icvi - pc) / (1.0 - pc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn mean_sd_median_match_r() {
        // R 4.3: x <- c(2,4,4,4,5,5,7,9); mean(x) 5; sd(x) 2.13808993529939; median(x) 4.5
        let x = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&x), Some(5.0));
        assert!(close(sample_sd(&x).unwrap(), 2.138_089_935_299_39, 1e-12));
        assert_eq!(median(&x), Some(4.5));
        // R: median(c(3,1,2)) 2; sd(5) NA
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(sample_sd(&[5.0]), None);
        assert_eq!(mean(&[]), None);
        assert_eq!(median(&[]), None);
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
        let x = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let (lo, hi) = mean_ci95(5.0, sample_sd(&x).unwrap(), 8).unwrap();
        assert!(
            close(lo, 3.212_512, 1e-6) && close(hi, 6.787_488, 1e-6),
            "{lo} {hi}"
        );
        assert_eq!(mean_ci95(5.0, 0.0, 1), None);
        // Zero variance: a zero-width interval, not NaN.
        assert_eq!(mean_ci95(3.0, 0.0, 4), Some((3.0, 3.0)));
    }

    #[test]
    fn modified_kappa_matches_polit_beck_owen_2007_table() {
        // Polit, Beck & Owen (2007), Table 4: (N experts, A agreeing, I-CVI, pc, k*)
        let table = [
            (3, 2, 0.67, 0.375, 0.47),
            (5, 4, 0.80, 0.156, 0.76),
            (6, 5, 0.83, 0.094, 0.82),
            (8, 6, 0.75, 0.109, 0.72),
            (9, 7, 0.78, 0.070, 0.76),
            (10, 8, 0.80, 0.044, 0.79),
            (10, 10, 1.00, 0.001, 1.00),
        ];
        for (n, a, icvi, pc, k) in table {
            assert!(
                close(share(a, n).unwrap(), icvi, 0.005),
                "I-CVI N={n} A={a}"
            );
            assert!(close(chance_agreement(n, a), pc, 0.0005), "pc N={n} A={a}");
            assert!(close(kappa_star(n, a).unwrap(), k, 0.005), "k* N={n} A={a}");
        }
        assert_eq!(kappa_star(0, 0), None);
    }

    #[test]
    fn modified_kappa_stays_finite_for_many_raters() {
        // C(100000, 80000) overflows f64; in logs pc underflows to 0, so k* = I-CVI.
        let k = kappa_star(100_000, 80_000).unwrap();
        assert!(close(k, 0.8, 1e-12), "{k}");
    }
}
