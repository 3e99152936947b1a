//! One questionnaire cell to a rating: the cell rules of the README ("Reading a CSV").
//!
//! Owns the mapping of a raw cell text to a rating, a missing code or an
//! invalid value. Pure and allocation-light: it is called once per distinct
//! cell text of a column, never once per cell, and it is a fuzz target.
//! It imports no other file of `ingest` and must not know rows or files.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::codebook::{normalize_cell, Measure, Scale};

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellValue {
    /// A valid rating on the scale.
    Rating(i8),
    /// Empty or a missing code such as `weet niet`: no rating, counted in `n_missing`.
    Missing,
    /// Anything else: excluded and listed in the ledger.
    Invalid,
}

/// Reads cells of one measure: its labels, the scale's codes and missing codes.
#[derive(Debug, Clone)]
pub struct CellReader {
    min: i64,
    max: i64,
    missing: HashSet<String>,
    words: HashMap<String, i8>,
}

impl CellReader {
    pub fn new(scale: &Scale, labels: &BTreeMap<i64, String>) -> CellReader {
        Self::with_codes(scale, labels, &scale.codes)
    }

    /// The reader of one measure: its own labels and codes (or the scale's).
    pub fn for_measure(scale: &Scale, measure: &Measure) -> CellReader {
        Self::with_codes(scale, &measure.labels, &measure.codes)
    }

    /// A reader per measure, in the order of `measures`.
    pub fn per_measure(scale: &Scale, measures: &[Measure]) -> Vec<CellReader> {
        measures
            .iter()
            .map(|m| Self::for_measure(scale, m))
            .collect()
    }

    /// Labels and normalized codes given apart from the scale's.
    pub fn with_codes(
        scale: &Scale,
        labels: &BTreeMap<i64, String>,
        codes: &BTreeMap<String, i64>,
    ) -> CellReader {
        // Values were checked against the scale, which fits i8 (codebook).
        let mut words: HashMap<String, i8> = codes
            .iter()
            .map(|(code, v)| (code.clone(), *v as i8))
            .collect();
        for (v, label) in labels {
            words.insert(normalize_cell(label), *v as i8);
        }
        CellReader {
            min: scale.min,
            max: scale.max,
            missing: scale.missing.iter().cloned().collect(),
            words,
        }
    }

    /// Classifies one raw cell. An empty cell is always missing: it never
    /// holds a rating, whether or not `""` is among the missing codes.
    pub fn read(&self, raw: &str) -> CellValue {
        let cell = normalize_cell(raw);
        if cell.is_empty() || self.missing.contains(&cell) {
            return CellValue::Missing;
        }
        if let Some(v) = self.words.get(&cell) {
            return CellValue::Rating(*v);
        }
        match parse_integer(&cell) {
            Some(v) if (self.min..=self.max).contains(&v) => CellValue::Rating(v as i8),
            _ => CellValue::Invalid,
        }
    }
}

/// A plain decimal number with `,` or `.` as separator whose value is a whole
/// number (`3`, `3,0`, `3.00`); `2,5`, `1e3`, `inf` or `3,0,0` give `None`.
pub fn parse_integer(cell: &str) -> Option<i64> {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let negative = cell.starts_with('-');
    let (int, frac) = match digits.find([',', '.']) {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    if digits.contains([',', '.']) && frac.is_empty() {
        return None;
    }
    if frac.bytes().any(|b| b != b'0') {
        return None;
    }
    // Long digit strings are not ratings; refuse before they overflow.
    let int = int.trim_start_matches('0');
    if int.len() > 6 {
        return None;
    }
    let v: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> CellReader {
        let scale = Scale {
            min: 1,
            max: 4,
            missing: vec!["weet niet".into(), "n.v.t.".into()],
            codes: [("a1".to_string(), 1), ("a4".to_string(), 4)]
                .into_iter()
                .collect(),
            labels: BTreeMap::new(),
        };
        let labels = [
            (1, "Helemaal niet herkenbaar"),
            (3, "herkenbaar"),
            (4, "zeer herkenbaar"),
        ]
        .into_iter()
        .map(|(v, l)| (v, l.to_string()))
        .collect();
        CellReader::new(&scale, &labels)
    }

    #[test]
    fn numbers_with_decimal_comma_or_point() {
        let r = reader();
        assert_eq!(r.read("3"), CellValue::Rating(3));
        assert_eq!(r.read(" 3,0 "), CellValue::Rating(3));
        assert_eq!(r.read("4.00"), CellValue::Rating(4));
        assert_eq!(r.read("2,5"), CellValue::Invalid);
        assert_eq!(r.read("5"), CellValue::Invalid);
        assert_eq!(r.read("0"), CellValue::Invalid);
        assert_eq!(r.read("1e0"), CellValue::Invalid);
        assert_eq!(r.read("inf"), CellValue::Invalid);
        assert_eq!(r.read("3,"), CellValue::Invalid);
        assert_eq!(r.read("99999999999999999999999"), CellValue::Invalid);
    }

    #[test]
    fn labels_codes_and_missing_ignore_case_and_spacing() {
        let r = reader();
        assert_eq!(r.read("  ZEER   HERKENBAAR "), CellValue::Rating(4));
        assert_eq!(r.read("helemaal niet herkenbaar"), CellValue::Rating(1));
        assert_eq!(r.read("A1"), CellValue::Rating(1));
        assert_eq!(r.read("Weet niet"), CellValue::Missing);
        assert_eq!(r.read("N.V.T."), CellValue::Missing);
        assert_eq!(r.read(""), CellValue::Missing);
        assert_eq!(r.read("   "), CellValue::Missing);
        assert_eq!(r.read("misschien"), CellValue::Invalid);
    }

    #[test]
    fn parse_integer_edge_cases() {
        assert_eq!(parse_integer("-2"), Some(-2));
        assert_eq!(parse_integer("+3"), Some(3));
        assert_eq!(parse_integer("007"), Some(7));
        assert_eq!(parse_integer(",5"), None);
        assert_eq!(parse_integer("3,0,0"), None);
        assert_eq!(parse_integer("-"), None);
        assert_eq!(parse_integer(""), None);
    }
}
