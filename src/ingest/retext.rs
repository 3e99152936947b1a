//! Cells of a binary export (an xlsx sheet, an SPSS file) written as the
//! comma-separated text that every reader downstream reads.
//!
//! Owns how a cell that is not text becomes text the way the user's own
//! program shows it: whole numbers without `.0`, dates in ISO 8601, no line
//! breaks inside a record (one record per line keeps line = row = case).
//! It builds on nothing in `ingest` and must not interpret cells (that is
//! `cell`) nor open files (that is `source`).

/// Records written one by one as quoted, comma-separated text.
pub(super) struct RecordText {
    out: csv::Writer<Vec<u8>>,
}

impl RecordText {
    pub fn new() -> RecordText {
        RecordText {
            out: csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new()),
        }
    }

    pub fn push<S: AsRef<[u8]>>(&mut self, cells: &[S]) {
        // Writing to a Vec cannot fail.
        let _ = self.out.write_record(cells);
    }

    pub fn finish(self) -> String {
        self.out
            .into_inner()
            .map(|v| String::from_utf8_lossy(&v).into_owned())
            .unwrap_or_default()
    }
}

/// Line breaks inside a cell become spaces: every record must stay on one
/// line (labels, codes and column names are compared with whitespace
/// collapsed anyway).
pub(super) fn one_line(s: String) -> String {
    if s.contains(['\n', '\r']) {
        s.replace("\r\n", " ").replace(['\n', '\r'], " ")
    } else {
        s
    }
}

/// Whole numbers without `.0`; others in the shortest text that reads back
/// as the same float (Rust's `Display` for f64 guarantees that round trip).
pub(super) fn number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// ISO 8601: a date alone when the time is midnight.
pub(super) fn iso_datetime(y: u16, mo: u8, d: u8, h: u8, mi: u8, s: u8, ms: u16) -> String {
    let date = format!("{y:04}-{mo:02}-{d:02}");
    match (h, mi, s, ms) {
        (0, 0, 0, 0) => date,
        (_, _, _, 0) => format!("{date}T{h:02}:{mi:02}:{s:02}"),
        _ => format!("{date}T{h:02}:{mi:02}:{s:02}.{ms:03}"),
    }
}

/// An elapsed time in seconds as `[h]:mm:ss`, as Excel and SPSS show it.
pub(super) fn elapsed(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let secs = secs.abs();
    format!(
        "{sign}{}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_a_spreadsheet_shows_them() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(-2.0), "-2");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(elapsed(36 * 3600), "36:00:00");
        assert_eq!(elapsed(-61), "-0:01:01");
    }

    #[test]
    fn records_are_quoted_where_needed_and_one_line_each() {
        let mut t = RecordText::new();
        t.push(&["id", "a, \"b\""]);
        t.push(&["1", &one_line("x\r\ny\n".into())]);
        assert_eq!(t.finish(), "id,\"a, \"\"b\"\"\"\n1,x y \n");
    }
}
