//! The label / answer-code / missing-code mapping: a scale with arbitrary
//! labels, codes and missing codes (within what the codebook accepts), then
//! arbitrary cells.
#![no_main]

use std::collections::{BTreeMap, HashSet};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use peil::codebook::{normalize_cell, Scale};
use peil::ingest::cell::{CellReader, CellValue};

#[derive(Debug, Arbitrary)]
struct Input {
    min: i8,
    span: u8,
    labels: Vec<(u8, String)>,
    codes: Vec<(String, u8)>,
    missing: Vec<String>,
    cells: Vec<String>,
}

fuzz_target!(|input: Input| {
    // What the codebook guarantees: -100 <= min < max <= 100, at most 21
    // points, labels and codes on the scale, labels distinct once normalized.
    let min = i64::from(input.min).clamp(-100, 99);
    let max = (min + 1 + i64::from(input.span % 20)).min(100);
    let on_scale = |v: u8| min + i64::from(v) % (max - min + 1);
    let mut labels = BTreeMap::new();
    let mut seen = HashSet::new();
    for (v, label) in input.labels {
        if seen.insert(normalize_cell(&label)) {
            labels.insert(on_scale(v), label);
        }
    }
    let codes: BTreeMap<String, i64> = input
        .codes
        .iter()
        .map(|(c, v)| (normalize_cell(c), on_scale(*v)))
        .collect();
    let missing: Vec<String> = input.missing.iter().map(|m| normalize_cell(m)).collect();
    let scale = Scale {
        min,
        max,
        missing: missing.clone(),
        codes: codes.clone(),
        labels: labels.clone(),
    };
    let reader = CellReader::new(&scale, &labels);

    let is_missing = |cell: &str| {
        let n = normalize_cell(cell);
        n.is_empty() || missing.contains(&n)
    };
    // Missing codes win over everything; then labels, then codes.
    for m in &input.missing {
        assert_eq!(reader.read(m), CellValue::Missing, "missing code {m:?}");
    }
    for (v, label) in &labels {
        // A later label with the same normalized text was skipped above,
        // but an earlier one may have been overwritten by value: check
        // only labels still present.
        if !is_missing(label) {
            assert_eq!(
                reader.read(label),
                CellValue::Rating(*v as i8),
                "label {label:?}"
            );
        }
    }
    let label_texts: HashSet<String> = labels.values().map(|l| normalize_cell(l)).collect();
    for (code, v) in &codes {
        if !is_missing(code) && !label_texts.contains(code) {
            assert_eq!(
                reader.read(code),
                CellValue::Rating(*v as i8),
                "code {code:?}"
            );
        }
    }
    for cell in &input.cells {
        let value = reader.read(cell);
        if let CellValue::Rating(v) = value {
            assert!(
                (min..=max).contains(&i64::from(v)),
                "rating {v} off the scale {min}..{max} for {cell:?}"
            );
        }
        if is_missing(cell) {
            assert_eq!(value, CellValue::Missing, "{cell:?}");
        }
    }
});
