//! The ratings of one questionnaire as compact codes: one byte per
//! respondent x item x measure, one column per item x measure.
//!
//! Owns the code of a cell (a rating, or a sentinel below the scale for a
//! missing code, an invalid value or a cell the export does not have). This
//! is the only form in which ratings leave `ingest`: no cell text outlives the
//! read and there is no long frame (a million respondents x 120 columns are
//! 120 MB here). It imports only `cell`, and must not aggregate: that is
//! `score`.

use super::cell::CellValue;

/// Cell states below the scale (which lies within -100..=100, see codebook).
/// A cell the export has no rating for: a long export without that row.
pub const ABSENT: i8 = -126;
/// A cell holding something that is neither a rating nor a missing code.
pub const INVALID: i8 = -127;
/// An empty cell or a missing code such as `weet niet`.
pub const MISSING: i8 = -128;

/// Whether a code is a rating (the scale may start at -100 itself).
pub fn rated(code: i8) -> bool {
    code >= -100
}

/// The code of a classified cell.
pub fn code_of(v: CellValue) -> i8 {
    match v {
        CellValue::Rating(v) => v,
        CellValue::Missing => MISSING,
        CellValue::Invalid => INVALID,
    }
}

/// Scores a reverse-keyed column: every rating x becomes min + max - x;
/// missing, invalid and absent cells stay as they are. Applying it twice
/// gives the column back.
pub fn reverse(codes: &mut [i8], min: i8, max: i8) {
    // min + max in i16: on a -100..=100 scale the sum leaves i8 briefly.
    let sum = i16::from(min) + i16::from(max);
    for c in codes.iter_mut().filter(|c| rated(**c)) {
        *c = (sum - i16::from(*c)) as i8;
    }
}

/// One item x measure: a code per respondent used, in respondent order.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingCodes {
    /// Index into `Codebook::items`.
    pub item: usize,
    /// Index into `Codebook::measures`.
    pub measure: usize,
    pub codes: Vec<i8>,
}

/// Every item x measure column of the codebook, each as long as the
/// respondents used.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ratings {
    pub columns: Vec<RatingCodes>,
}

impl Ratings {
    /// The codes of one item x measure, if the codebook gives it a column.
    pub fn get(&self, item: usize, measure: usize) -> Option<&[i8]> {
        self.columns
            .iter()
            .find(|c| c.item == item && c.measure == measure)
            .map(|c| c.codes.as_slice())
    }

    /// How many cells hold `code`.
    pub fn count(&self, code: i8) -> u64 {
        self.columns
            .iter()
            .map(|c| c.codes.iter().filter(|v| **v == code).count() as u64)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_sit_below_any_scale() {
        for code in [ABSENT, INVALID, MISSING] {
            assert!(!rated(code));
        }
        assert!(rated(-100) && rated(1) && rated(100));
        assert_eq!(code_of(CellValue::Rating(3)), 3);
        assert_eq!(code_of(CellValue::Missing), MISSING);
        assert_eq!(code_of(CellValue::Invalid), INVALID);
    }

    #[test]
    fn reverse_scores_ratings_and_keeps_the_other_codes() {
        let mut c = vec![1, 2, 4, MISSING, INVALID, ABSENT, 3];
        reverse(&mut c, 1, 4);
        assert_eq!(c, vec![4, 3, 1, MISSING, INVALID, ABSENT, 2]);
        let mut wide = vec![-100, 100, 0];
        reverse(&mut wide, -100, 100);
        assert_eq!(wide, vec![100, -100, 0]);
    }

    proptest! {
        #[test]
        fn reversing_twice_changes_nothing(
            codes in proptest::collection::vec(prop_oneof![1i8..=5, Just(MISSING), Just(INVALID)], 0..60)
        ) {
            let mut twice = codes.clone();
            reverse(&mut twice, 1, 5);
            reverse(&mut twice, 1, 5);
            prop_assert_eq!(twice, codes);
        }

        #[test]
        fn a_reversed_mean_is_min_plus_max_minus_the_mean(
            codes in proptest::collection::vec(prop_oneof![1i8..=4, Just(MISSING)], 1..60)
        ) {
            let mean = |c: &[i8]| {
                let rated: Vec<f64> = c.iter().filter(|x| rated(**x)).map(|x| f64::from(*x)).collect();
                (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64)
            };
            let mut reversed = codes.clone();
            reverse(&mut reversed, 1, 4);
            if let (Some(a), Some(b)) = (mean(&codes), mean(&reversed)) {
                prop_assert!((b - (5.0 - a)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn columns_are_found_and_counted() {
        let r = Ratings {
            columns: vec![
                RatingCodes {
                    item: 0,
                    measure: 1,
                    codes: vec![1, MISSING, MISSING],
                },
                RatingCodes {
                    item: 2,
                    measure: 0,
                    codes: vec![MISSING, INVALID, 4],
                },
            ],
        };
        assert_eq!(r.get(2, 0), Some(&[MISSING, INVALID, 4][..]));
        assert_eq!(r.get(0, 0), None);
        assert_eq!(r.count(MISSING), 3);
    }
}
