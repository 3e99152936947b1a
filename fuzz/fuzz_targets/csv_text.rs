//! Export bytes to CSV text: `decode`, `sniff_delimiter`, `header` and
//! `scan_records` on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peil::ingest::text::{decode, header, scan_records, sniff_delimiter};

fuzz_target!(|bytes: &[u8]| {
    let header_rows = 1 + bytes.first().map_or(0, |b| usize::from(*b % 3));
    let Ok(csv) = decode(bytes.to_vec(), "fuzz.csv") else {
        return;
    };
    let text = &csv.text;
    // No BOM and no NUL ever reach the CSV parser.
    assert!(!text.contains('\u{feff}'), "BOM left: {text:?}");
    assert!(!text.contains('\0'), "NUL left: {text:?}");
    assert!(!text.trim().is_empty());
    // The delimiter is the one of the text the parser reads.
    assert!(matches!(csv.delimiter, b';' | b',' | b'\t'));
    assert_eq!(sniff_delimiter(text), csv.delimiter, "{text:?}");
    // Blank lines removed are listed ascending, once each.
    assert!(csv.blank_lines.windows(2).all(|w| w[0] < w[1]));

    let recs = scan_records(&csv);
    assert_eq!(recs.lines.len(), recs.fields.len());
    assert!(
        recs.lines.windows(2).all(|w| w[0] < w[1]),
        "{:?}",
        recs.lines
    );
    assert!(recs.fields.iter().all(|f| *f >= 1));
    // Every record starts on a line of the file as it was.
    let physical = 1 + text.matches('\n').count() as u64 + csv.blank_lines.len() as u64;
    assert!(
        recs.lines.iter().all(|l| *l <= physical),
        "{:?} > {physical}",
        recs.lines
    );

    if let Ok(names) = header(&csv, header_rows, "fuzz.csv") {
        assert!(!names.is_empty());
        assert!(names.iter().all(|n| n.trim() == n));
    }
});
