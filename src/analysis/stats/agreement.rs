//! Agreement between coders who coded the same statements: the share of
//! agreeing codes, Cohen's kappa of two coders and Krippendorff's alpha
//! of any number of them with missing codings (docs/reference.md,
//! "Coding agreement").
//!
//! Pure functions of category codes (`u32`, nominal: only equal or not
//! matters): no polars, no I/O, no formatting, nothing imported from the
//! rest of `stats`. Which statements are units and which coder coded what
//! is `analysis::agreement`'s.

use std::collections::BTreeMap;

/// Share of the pairs `(a, b)` (two coders' codes of one statement) that
/// agree. `None` without pairs.
pub fn pct_agreement(pairs: &[(u32, u32)]) -> Option<f64> {
    let same = pairs.iter().filter(|(a, b)| a == b).count();
    (!pairs.is_empty()).then(|| same as f64 / pairs.len() as f64)
}

/// Cohen's (1960) unweighted kappa of two coders over the statements both
/// coded: `(p_o - p_e) / (1 - p_e)`, with `p_o` the share of agreeing
/// pairs and `p_e = sum_c p_a(c) p_b(c)` from each coder's own share of
/// each code on these statements (R `psych::cohen.kappa`, "unweighted
/// kappa"). `None` without pairs, or when `p_e` is 1 (both coders gave
/// one and the same code throughout: kappa is 0/0).
pub fn cohen_kappa(pairs: &[(u32, u32)]) -> Option<f64> {
    let n = pairs.len() as f64;
    let p_o = pct_agreement(pairs)?;
    let mut margins: BTreeMap<u32, (f64, f64)> = BTreeMap::new();
    for (a, b) in pairs {
        margins.entry(*a).or_default().0 += 1.0;
        margins.entry(*b).or_default().1 += 1.0;
    }
    let p_e: f64 = margins.values().map(|(a, b)| (a / n) * (b / n)).sum();
    (1.0 - p_e > 1e-12).then(|| (p_o - p_e) / (1.0 - p_e))
}

/// Share of agreeing pairs among all pairs of codes within the units with
/// at least two codes (a unit with m codes gives m(m-1)/2 pairs). `None`
/// when no unit has two codes.
pub fn pairwise_agreement(units: &[Vec<u32>]) -> Option<f64> {
    let (mut same, mut all) = (0u64, 0u64);
    for codes in units.iter().filter(|u| u.len() >= 2) {
        for (i, a) in codes.iter().enumerate() {
            for b in &codes[i + 1..] {
                same += u64::from(a == b);
                all += 1;
            }
        }
    }
    (all > 0).then(|| same as f64 / all as f64)
}

/// Krippendorff's alpha for nominal data, each unit's codes being those of
/// the coders who coded it (a coder who did not is missing there), in the
/// coincidence-matrix form of Krippendorff (2011), "Computing
/// Krippendorff's alpha-reliability", section C:
///
/// - a unit with m_u >= 2 codes adds `n_uc n_uk / (m_u - 1)` to the
///   coincidence o_ck of every ordered pair of codes c != k, and
///   `n_uc (n_uc - 1) / (m_u - 1)` to o_cc; units with fewer codes are
///   not pairable and add nothing;
/// - n_c = sum_k o_ck, n = sum_c n_c (the pairable codes);
/// - `alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k`.
///
/// `None` when fewer than two codes are pairable or every pairable code
/// is the same (the expected disagreement is 0 and alpha is 0/0).
pub fn krippendorff_alpha_nominal(units: &[Vec<u32>]) -> Option<f64> {
    let mut diagonal = 0.0; // sum_c o_cc
    let mut n_c: BTreeMap<u32, f64> = BTreeMap::new();
    for codes in units.iter().filter(|u| u.len() >= 2) {
        let m = codes.len() as f64;
        let mut count: BTreeMap<u32, f64> = BTreeMap::new();
        for c in codes {
            *count.entry(*c).or_default() += 1.0;
        }
        for (c, n_uc) in count {
            diagonal += n_uc * (n_uc - 1.0) / (m - 1.0);
            // A unit's row of the coincidence matrix sums to n_uc.
            *n_c.entry(c).or_default() += n_uc;
        }
    }
    let n: f64 = n_c.values().sum();
    let observed = n - diagonal; // sum_{c != k} o_ck
    let expected = n * n - n_c.values().map(|v| v * v).sum::<f64>(); // sum_{c != k} n_c n_k
    (n >= 2.0 && expected > 1e-12).then(|| 1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::close;

    /// R 4.2, psych 2.2.9:
    ///   a <- c(1,1,2,2,3,3,1,2,3,1,2,2); b <- c(1,2,2,2,3,1,1,2,3,1,3,2)
    ///   cohen.kappa(cbind(a, b))$kappa   0.617021276595745
    /// (p_o = 9/12, p_e = (4*4 + 5*5 + 3*3) / 144.)
    #[test]
    fn cohen_kappa_matches_psych() {
        let a = [1, 1, 2, 2, 3, 3, 1, 2, 3, 1, 2, 2];
        let b = [1, 2, 2, 2, 3, 1, 1, 2, 3, 1, 3, 2];
        let pairs: Vec<(u32, u32)> = a.into_iter().zip(b).collect();
        let k = cohen_kappa(&pairs).unwrap();
        assert!(close(k, 0.617_021_276_595_745, 1e-12), "{k}");
        assert_eq!(pct_agreement(&pairs), Some(0.75));
    }

    #[test]
    fn kappa_is_empty_when_chance_agreement_is_certain() {
        assert_eq!(cohen_kappa(&[(1, 1), (1, 1)]), None);
        assert_eq!(cohen_kappa(&[]), None);
        assert_eq!(pct_agreement(&[]), None);
        // Complete disagreement of two balanced coders: -1.
        assert_eq!(cohen_kappa(&[(1, 2), (2, 1)]), Some(-1.0));
    }

    /// The reliability data of Krippendorff (2011), "Computing
    /// Krippendorff's alpha-reliability", section C: 4 observers, 12
    /// units, values 1-5, missing left out of each unit; nominal alpha
    /// 0.743 (the Python `krippendorff` 0.9.0 package: 0.743421052631579).
    fn krippendorff_2011() -> Vec<Vec<u32>> {
        vec![
            vec![1, 1, 1],
            vec![2, 2, 3, 2],
            vec![3, 3, 3, 3],
            vec![3, 3, 3, 3],
            vec![2, 2, 2, 2],
            vec![1, 2, 3, 4],
            vec![4, 4, 4, 4],
            vec![1, 1, 2, 1],
            vec![2, 2, 2, 2],
            vec![5, 5, 5],
            vec![1, 1],
            vec![3],
        ]
    }

    #[test]
    fn krippendorff_alpha_reproduces_the_worked_example() {
        let a = krippendorff_alpha_nominal(&krippendorff_2011()).unwrap();
        assert!(close(a, 0.743_421_052_631_579, 1e-12), "{a}");
        assert_eq!(format!("{a:.3}"), "0.743");
    }

    /// Python, krippendorff 0.9.0 (numpy nan is a missing coding):
    ///   d2 = [[0,1,1,2,0,0,1,2,2,nan], [0,1,2,2,0,1,1,2,nan,0], [nan,1,1,2,0,0,2,2,2,0]]
    ///   krippendorff.alpha(reliability_data=d2, level_of_measurement='nominal')
    ///   -> 0.6776859504132231
    #[test]
    fn krippendorff_alpha_matches_the_python_package() {
        let units = vec![
            vec![0, 0],
            vec![1, 1, 1],
            vec![1, 2, 1],
            vec![2, 2, 2],
            vec![0, 0, 0],
            vec![0, 1, 0],
            vec![1, 1, 2],
            vec![2, 2, 2],
            vec![2, 2],
            vec![0, 0],
        ];
        let a = krippendorff_alpha_nominal(&units).unwrap();
        assert!(close(a, 0.677_685_950_413_223_1, 1e-12), "{a}");
    }

    /// Pairs within units: unit 2 of the worked example (2, 2, 3, 2) has 6
    /// pairs of which 3 agree; unit 6 (1, 2, 3, 4) none of 6; the single
    /// code of unit 12 none at all.
    #[test]
    fn pairwise_agreement_counts_every_pair_within_a_unit() {
        assert_eq!(pairwise_agreement(&[vec![2, 2, 3, 2]]), Some(0.5));
        assert_eq!(
            pairwise_agreement(&[vec![2, 2, 3, 2], vec![1, 2, 3, 4]]),
            Some(0.25)
        );
        assert_eq!(pairwise_agreement(&[vec![3]]), None);
    }

    #[test]
    fn alpha_is_one_for_identical_coders_and_empty_without_variation() {
        let same = vec![vec![1, 1], vec![2, 2], vec![3, 3, 3]];
        assert_eq!(krippendorff_alpha_nominal(&same), Some(1.0));
        assert_eq!(pairwise_agreement(&same), Some(1.0));
        assert_eq!(krippendorff_alpha_nominal(&[vec![1, 1], vec![1, 1]]), None);
        assert_eq!(krippendorff_alpha_nominal(&[vec![1]]), None);
    }
}
