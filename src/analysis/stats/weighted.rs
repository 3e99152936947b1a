//! Weighted descriptives as R `survey` computes them on
//! `svydesign(ids = ~1, weights = ~w)`: the mean (`svymean`), the sd
//! (`sqrt(svyvar)`), the interval of the mean (`confint(svymean, df =
//! degf(design))`), a weighted share, docs/reference.md's weighted median, and
//! Kish's effective sample size.
//!
//! Pure functions of numbers, each with its formula and source; no polars,
//! no I/O, no formatting. Imports only `descriptive`.

use super::descriptive::t_quantile;

/// Two weight sums that differ by less than this share of the total are
/// equal: docs/reference.md's "exactly 0.5" for the median, whatever the last
/// bits of a float sum say.
const REL_EPS: f64 = 1e-12;

/// One distinct value of a weighted sample: how many observations have it,
/// and the sum of their weights and of their squared weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightedValue {
    pub value: f64,
    pub n: u64,
    pub w: f64,
    pub w2: f64,
}

/// Result of [`weighted_moments`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightedMoments {
    pub mean: f64,
    /// `None` if n < 2.
    pub sd: Option<f64>,
    /// 95% interval of the mean; `None` if n < 2.
    pub ci: Option<(f64, f64)>,
    pub median: f64,
    /// Kish's effective sample size (sum w)^2 / sum w^2.
    pub n_eff: f64,
}

/// The weighted figures of a sample given as [`WeightedValue`]s ascending
/// by value, with n observations and W = sum w:
/// - mean m = sum w x / W (`svymean`);
/// - variance n/(n-1) * sum w (x - m)^2 / W (`svyvar`, whose sqrt is the sd);
/// - SE(m)^2 = n/(n-1) * sum w^2 (x - m)^2 / W^2 (the linearization variance
///   of `svymean` for a with-replacement design), and the interval
///   m -+ t(0.975, n - 1) SE (`confint(..., df = degf(design))`, degf = n - 1);
/// - the median of [`weighted_median`];
/// - n_eff = W^2 / sum w^2 (Kish 1965, "Survey sampling", section 11.7).
///
/// Equal weights give the unweighted mean, sample sd, t interval and median.
/// `None` without observations or with a weight sum that is not positive.
pub fn weighted_moments(dist: &[WeightedValue]) -> Option<WeightedMoments> {
    let n: u64 = dist.iter().map(|d| d.n).sum();
    let total: f64 = dist.iter().map(|d| d.w).sum();
    if n == 0 || !total.is_finite() || total <= 0.0 {
        return None;
    }
    let mean = dist.iter().map(|d| d.value * d.w).sum::<f64>() / total;
    let (ss, ss2) = dist.iter().fold((0.0, 0.0), |(a, b), d| {
        let dev2 = (d.value - mean).powi(2);
        (a + d.w * dev2, b + d.w2 * dev2)
    });
    let nf = n as f64;
    let inflate = nf / (nf - 1.0);
    let (sd, ci) = if n >= 2 {
        let se = (inflate * ss2).sqrt() / total;
        let half = t_quantile(0.975, nf - 1.0)? * se;
        (
            Some((inflate * ss / total).sqrt()),
            Some((mean - half, mean + half)),
        )
    } else {
        (None, None)
    };
    let sum_w2: f64 = dist.iter().map(|d| d.w2).sum();
    Some(WeightedMoments {
        mean,
        sd,
        ci,
        median: weighted_median(dist)?,
        n_eff: total * total / sum_w2,
    })
}

/// docs/reference.md's weighted median: the smallest value whose cumulative
/// weight share reaches 0.5, and where the share is exactly 0.5 the mean
/// of that value and the next. With equal weights this is the ordinary
/// median (mean of the middle two for even n). `None` for no weight.
pub fn weighted_median(dist: &[WeightedValue]) -> Option<f64> {
    let total: f64 = dist.iter().map(|d| d.w).sum();
    if !total.is_finite() || total <= 0.0 {
        return None;
    }
    let mut cum = 0.0;
    for (i, d) in dist.iter().enumerate() {
        cum += d.w;
        let over = 2.0 * cum - total;
        if over.abs() <= REL_EPS * total {
            let next = dist[i + 1..].iter().find(|d| d.w > 0.0);
            return Some(next.map_or(d.value, |nx| (d.value + nx.value) / 2.0));
        }
        if over > 0.0 {
            return Some(d.value);
        }
    }
    dist.last().map(|d| d.value)
}

/// A weighted share: the weight of the agreeing observations over all
/// weight (`svymean` of an indicator). `None` for no weight.
pub fn weighted_share(agree_w: f64, total_w: f64) -> Option<f64> {
    (total_w > 0.0).then(|| agree_w / total_w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::{close, mean_ci95, moments_from_counts};

    /// The data of the R session below, as distinct values.
    fn sample(xs: &[f64], ws: &[f64]) -> Vec<WeightedValue> {
        let mut out: Vec<WeightedValue> = Vec::new();
        let mut pairs: Vec<(f64, f64)> = xs.iter().copied().zip(ws.iter().copied()).collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (x, w) in pairs {
            match out.last_mut() {
                Some(d) if d.value == x => {
                    d.n += 1;
                    d.w += w;
                    d.w2 += w * w;
                }
                _ => out.push(WeightedValue {
                    value: x,
                    n: 1,
                    w,
                    w2: w * w,
                }),
            }
        }
        out
    }

    #[test]
    fn weighted_moments_match_r_survey() {
        // R 4.3, survey 4.2:
        //   d <- data.frame(x = c(1,2,2,3,3,3,4,4,4,2),
        //                   w = c(1,2,0.5,1,1.5,1,2,1,0.5,3))
        //   des <- svydesign(ids = ~1, weights = ~w, data = d)
        //   coef(svymean(~x, des))             2.7037037037037
        //   SE(svymean(~x, des))               0.337279992792136
        //   sqrt(coef(svyvar(~x, des)))        0.986109903590907
        //   confint(svymean(~x, des), df = degf(des))  1.94072335214045 3.46668405526696
        //   coef(svymean(~I(x >= 3), des))[2]  0.518518518518518
        //   sum(d$w)^2 / sum(d$w^2)            7.67368421052632
        let xs = [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 4.0, 2.0];
        let ws = [1.0, 2.0, 0.5, 1.0, 1.5, 1.0, 2.0, 1.0, 0.5, 3.0];
        let d = sample(&xs, &ws);
        let m = weighted_moments(&d).unwrap();
        assert!(close(m.mean, 2.703_703_703_703_7, 1e-12), "{}", m.mean);
        assert!(close(m.sd.unwrap(), 0.986_109_903_590_907, 1e-12));
        let (lo, hi) = m.ci.unwrap();
        assert!(close(lo, 1.940_723_352_140_45, 1e-12), "{lo}");
        assert!(close(hi, 3.466_684_055_266_96, 1e-12), "{hi}");
        assert!(close(m.n_eff, 7.673_684_210_526_32, 1e-12));
        let agree: f64 = d.iter().filter(|v| v.value >= 3.0).map(|v| v.w).sum();
        let total: f64 = d.iter().map(|v| v.w).sum();
        let share = weighted_share(agree, total).unwrap();
        assert!(close(share, 0.518_518_518_518_518, 1e-12));
        // Median: cumulative shares 1/13.5, 6.5/13.5, 10/13.5: 3 reaches 0.5.
        assert_eq!(m.median, 3.0);
    }

    #[test]
    fn equal_weights_give_the_unweighted_figures() {
        // R: x <- c(2,4,4,4,5,5,7,9); mean 5, sd 2.13808993529939,
        //    median 4.5, t.test(x)$conf.int 3.212512 6.787488
        let xs = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        for w in [1.0, 0.3, 7.0] {
            let m = weighted_moments(&sample(&xs, &[w; 8])).unwrap();
            let plain = moments_from_counts(&[(2.0, 1), (4.0, 3), (5.0, 2), (7.0, 1), (9.0, 1)]);
            assert!(close(m.mean, 5.0, 1e-12));
            assert!(close(m.sd.unwrap(), plain.sd.unwrap(), 1e-12));
            assert_eq!(m.median, 4.5);
            let (lo, hi) = m.ci.unwrap();
            let (plo, phi) = mean_ci95(5.0, plain.sd.unwrap(), 8).unwrap();
            assert!(close(lo, plo, 1e-12) && close(hi, phi, 1e-12));
            assert!(close(m.n_eff, 8.0, 1e-12));
        }
    }

    proptest::proptest! {
        /// Post-stratified weights are constant within a group, and unit
        /// weights constant everywhere: a constant weight gives every
        /// unweighted figure back.
        #[test]
        fn a_constant_weight_changes_no_figure(
            counts in proptest::collection::vec(0u64..20, 4),
            w in 0.01f64..50.0,
        ) {
            let dist: Vec<(f64, u64)> = counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(v, c)| (v as f64 + 1.0, *c))
                .collect();
            let weighted: Vec<WeightedValue> = dist
                .iter()
                .map(|&(value, n)| WeightedValue { value, n, w: w * n as f64, w2: w * w * n as f64 })
                .collect();
            let plain = moments_from_counts(&dist);
            let Some(m) = weighted_moments(&weighted) else {
                proptest::prop_assert_eq!(plain.n, 0);
                return Ok(());
            };
            let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
            proptest::prop_assert!(near(m.mean, plain.mean.unwrap()));
            proptest::prop_assert_eq!(m.median, plain.median.unwrap());
            proptest::prop_assert_eq!(m.sd.is_some(), plain.sd.is_some());
            if let (Some(a), Some(b)) = (m.sd, plain.sd) {
                proptest::prop_assert!(near(a, b));
                let (lo, hi) = m.ci.unwrap();
                let (plo, phi) = mean_ci95(plain.mean.unwrap(), b, plain.n).unwrap();
                proptest::prop_assert!(near(lo, plo) && near(hi, phi));
            }
            proptest::prop_assert!(near(m.n_eff, plain.n as f64));
        }
    }

    #[test]
    fn the_weighted_median_takes_the_midpoint_at_exactly_half() {
        let d = sample(&[1.0, 2.0, 3.0], &[0.2, 0.3, 0.5]);
        // 0.2 + 0.3 is 0.5 only up to rounding: still the midpoint of 2 and 3.
        assert_eq!(weighted_median(&d), Some(2.5));
        assert_eq!(
            weighted_median(&sample(&[1.0, 4.0], &[3.0, 1.0])),
            Some(1.0)
        );
        assert_eq!(weighted_median(&sample(&[1.0], &[2.0])), Some(1.0));
        assert_eq!(weighted_median(&[]), None);
        assert_eq!(weighted_moments(&[]), None);
        let one = weighted_moments(&sample(&[3.0], &[2.0])).unwrap();
        assert_eq!((one.sd, one.ci), (None, None));
    }
}
