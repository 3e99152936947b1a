//! The CSV cell parser: `CellReader::read`, `parse_integer` and
//! `normalize_cell` on arbitrary text, with the bundled 1-4 scale.
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use peil::codebook::{normalize_cell, Scale};
use peil::ingest::cell::{parse_integer, CellReader, CellValue};

fn reader() -> &'static CellReader {
    static READER: OnceLock<CellReader> = OnceLock::new();
    READER.get_or_init(|| {
        let labels: BTreeMap<i64, String> = [
            (1, "helemaal niet herkenbaar"),
            (2, "niet herkenbaar"),
            (3, "herkenbaar"),
            (4, "zeer herkenbaar"),
        ]
        .into_iter()
        .map(|(v, l)| (v, l.to_string()))
        .collect();
        let scale = Scale {
            min: 1,
            max: 4,
            missing: vec!["weet niet".into(), "n.v.t.".into(), String::new()],
            codes: [("a1", 1), ("a2", 2), ("a3", 3), ("a4", 4)]
                .into_iter()
                .map(|(c, v)| (c.to_string(), v))
                .collect(),
            labels: labels.clone(),
        };
        CellReader::new(&scale, &labels)
    })
}

fuzz_target!(|raw: &str| {
    let norm = normalize_cell(raw);
    // Normalizing is idempotent and leaves no outer or double whitespace.
    assert_eq!(normalize_cell(&norm), norm, "normalize_cell not idempotent");
    assert_eq!(norm.trim(), norm);
    assert!(!norm.contains("  "));

    let value = reader().read(raw);
    // A rating is on the scale, whatever the text.
    if let CellValue::Rating(v) = value {
        assert!(
            (1..=4).contains(&v),
            "rating {v} off the 1-4 scale for {raw:?}"
        );
    }
    // Case and spacing never change what a cell means.
    assert_eq!(
        reader().read(&norm),
        value,
        "{raw:?} vs normalized {norm:?}"
    );
    if norm.is_empty() {
        assert_eq!(value, CellValue::Missing);
    }

    if let Some(v) = parse_integer(raw) {
        // Only signs, digits and one separator; small; and it round-trips.
        assert!(raw
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-,.".contains(&b)));
        assert!(v.abs() < 1_000_000, "{v} from {raw:?}");
        assert_eq!(parse_integer(&v.to_string()), Some(v));
    }
});
