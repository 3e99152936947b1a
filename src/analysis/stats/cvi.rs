//! Content validity: the chance agreement and modified kappa of an item
//! (Polit, Beck & Owen 2007) and the scale-level CVI of an area (Polit &
//! Beck 2006). The item's I-CVI itself is `descriptive::share`.
//!
//! Pure functions of numbers, each with its formula and source; no polars,
//! no I/O, no formatting. Imports only `descriptive`.

use statrs::function::factorial::ln_binomial;

use super::descriptive::{all_finite, mean, share};

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

/// S-CVI/Ave: the mean of the items' I-CVIs (Polit & Beck 2006, "The content
/// validity index: are you sure you know what's being reported?", Res Nurs
/// Health 29:489-497). `None` if there are no items or an I-CVI is not finite.
pub fn s_cvi_ave(icvis: &[f64]) -> Option<f64> {
    if !all_finite(icvis) {
        return None;
    }
    mean(icvis)
}

/// S-CVI/UA: the share of items with universal agreement, I-CVI == 1 exactly
/// (every expert rated 3 or 4; `share(n, n)` is exactly 1.0) (Polit & Beck
/// 2006). `None` if there are no items or an I-CVI is not finite.
pub fn s_cvi_ua(icvis: &[f64]) -> Option<f64> {
    if icvis.is_empty() || !all_finite(icvis) {
        return None;
    }
    let universal = icvis.iter().filter(|&&x| x == 1.0).count();
    Some(universal as f64 / icvis.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::close;

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

    #[test]
    fn s_cvi_matches_published_table() {
        // Published worked example applying Polit & Beck's definitions:
        // https://pmc.ncbi.nlm.nih.gov/articles/PMC7253559/table/Tab4 (12 items, 6 experts, 4-point relevance scale):
        // items 6 and 9 have 5 of 6 experts rating 3 or 4 (I-CVI 0.83), the
        // other 10 items 6 of 6 (I-CVI 1.00); reported S-CVI/Ave = 0.97,
        // S-CVI/UA = 0.83. Exactly: Ave = (10 + 2 * 5/6) / 12 = 35/36, UA = 10/12.
        let agree = [6, 6, 6, 6, 6, 5, 6, 6, 5, 6, 6, 6];
        let icvis: Vec<f64> = agree.iter().map(|&a| share(a, 6).unwrap()).collect();
        let ave = s_cvi_ave(&icvis).unwrap();
        let ua = s_cvi_ua(&icvis).unwrap();
        assert!(
            close(ave, 35.0 / 36.0, 1e-12) && close(ave, 0.97, 0.005),
            "{ave}"
        );
        assert!(
            close(ua, 10.0 / 12.0, 1e-12) && close(ua, 0.83, 0.005),
            "{ua}"
        );
        assert_eq!(s_cvi_ave(&[]), None);
        assert_eq!(s_cvi_ua(&[]), None);
        assert_eq!(s_cvi_ua(&[0.9, 0.99]), Some(0.0));
        assert_eq!(s_cvi_ave(&[1.0, f64::NAN]), None);
    }
}
