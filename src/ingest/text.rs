//! From export bytes to UTF-8 CSV text ([`CsvText`]): encoding, BOM,
//! delimiter, header, records.
//!
//! Owns what Dutch Excel, LimeSurvey and MS Forms do to a CSV before a parser
//! sees it: a BOM, Windows-1252, `;` instead of `,`. It also maps record
//! numbers back to physical line numbers for the ledger, which must name the
//! line a user sees in an editor even when quoted fields hold newlines.
//! It imports only `error`: it must not open files or know about xlsx (that
//! is `source` and `xlsx`, which build on it), and must not interpret cells:
//! that is `cell`.

use std::collections::BTreeMap;

use super::error::IngestError;

/// A decoded export: UTF-8 text without BOM, its delimiter and encoding.
#[derive(Debug)]
pub struct CsvText {
    /// The text with blank lines between records removed.
    pub text: String,
    pub delimiter: u8,
    pub encoding: &'static str,
    /// Physical lines (1-based) of the blank lines removed, ascending.
    pub blank_lines: Vec<u64>,
    /// SHA-256 of the file's bytes as read, for the manifest.
    pub sha256: String,
    /// The "line" of the first record: 1 in a text file or sheet; 0 in an
    /// SPSS file, whose variable names are no case, so that the ledger's
    /// line `k` is case `k` as SPSS numbers them.
    pub first_line: u64,
    /// What the file itself says about its columns (SPSS); empty for CSV and xlsx.
    pub dictionary: Dictionary,
}

/// What an export states about its columns beyond their names. An SPSS
/// `.sav` carries it; a CSV or xlsx export does not, and this stays empty.
/// Keys are column names as the header gives them.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// The variable label: the question or item text.
    pub labels: BTreeMap<String, String>,
    /// The value labels, ascending by value: (the value as the text
    /// holds it, its label).
    pub values: BTreeMap<String, Vec<(String, String)>>,
    /// The labels of the values declared missing (`weet niet`), or the
    /// values themselves where they have no label.
    pub missing: BTreeMap<String, Vec<String>>,
}

impl Dictionary {
    /// The label of `value` in `column`, if the file gives one.
    pub fn value_label(&self, column: &str, value: &str) -> Option<&str> {
        self.labels_of(column).label(value)
    }

    /// `column`'s labels, found once for a column's many cells.
    pub fn labels_of(&self, column: &str) -> Labels<'_> {
        Labels(self.values.get(column).map_or(&[][..], Vec::as_slice))
    }
}

/// One column's (value, label) pairs: none for a file without labels.
pub struct Labels<'a>(&'a [(String, String)]);

impl<'a> Labels<'a> {
    /// The label of `value`, if the file gives one.
    pub fn label(&self, value: &str) -> Option<&'a str> {
        (self.0.iter())
            .find(|(v, _)| v == value)
            .map(|(_, l)| l.as_str())
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes export bytes: UTF-8 (BOM stripped) or, failing that, Windows-1252.
/// The SHA-256 is left empty: only the caller has the file's bytes as read.
pub fn decode(bytes: Vec<u8>, file: &str) -> Result<CsvText, IngestError> {
    let unreadable = |problem: String| IngestError::Unreadable {
        file: file.to_string(),
        problem,
    };
    refuse_binary(&bytes).map_err(unreadable)?;
    let (text, encoding) = to_utf8(strip_boms(bytes)).map_err(unreadable)?;
    // A BOM further on (exports joined after the fact, or after a blank
    // line) is no content either; left in, it would stick to a column name.
    let text = if text.contains('\u{feff}') {
        text.replace('\u{feff}', "")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(unreadable(
            "it is empty; fix: export the questionnaire again".into(),
        ));
    }
    if let Some(at) = mostly_control(&text) {
        return Err(unreadable(format!(
            "line {}: it is full of control bytes, so it is not a CSV text file; fix: export the questionnaire as CSV or xlsx",
            line_at(text.as_bytes(), at)
        )));
    }
    // Old Mac Excel ends lines with CR alone; every reader here wants LF.
    let text = if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    };
    // Sniff the first line that is left: a blank first line has no delimiter.
    let (text, blank_lines) = strip_blank_lines(text);
    let delimiter = sniff_delimiter(&text);
    Ok(CsvText {
        text,
        delimiter,
        encoding,
        blank_lines,
        sha256: String::new(),
        first_line: 1,
        dictionary: Dictionary::default(),
    })
}

/// Refuses UTF-16 and bytes holding NUL: no CSV text export looks like that.
fn refuse_binary(bytes: &[u8]) -> Result<(), String> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(
            "it is UTF-16 text; fix: save it as \"CSV UTF-8\" (Excel) or convert it with iconv -f UTF-16 -t UTF-8".into(),
        );
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(format!(
            "line {}: it holds NUL bytes, so it is not a CSV text file; fix: export the questionnaire as CSV or xlsx",
            line_at(bytes, at)
        ));
    }
    Ok(())
}

/// The bytes without their leading BOMs: a tool that adds a BOM to a file
/// that has one already makes two.
fn strip_boms(mut bytes: Vec<u8>) -> Vec<u8> {
    let mut boms = 0;
    while bytes[boms..].starts_with(UTF8_BOM) {
        boms += UTF8_BOM.len();
    }
    bytes.drain(..boms);
    bytes
}

/// The text and its encoding: UTF-8 or, failing that, Windows-1252.
fn to_utf8(bytes: Vec<u8>) -> Result<(String, &'static str), String> {
    // UTF-8 is taken as it is: a large export is never held twice.
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, "UTF-8")),
        Err(e) => {
            let body = e.into_bytes();
            let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(&body);
            // Bytes that Windows-1252 leaves undefined decode to C1 controls:
            // then the file is neither encoding, and guessing would corrupt it.
            if let Some(at) = cow.find(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
                return Err(format!(
                    "line {}: it is neither UTF-8 nor Windows-1252 text; fix: save it as \"CSV UTF-8\"",
                    line_at(cow.as_bytes(), at)
                ));
            }
            Ok((cow.into_owned(), "Windows-1252"))
        }
    }
}

/// 1-based line of a byte offset.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Binary data decodes as Windows-1252 too; real exports hold a stray
/// control byte at most. More than 1% of the first 64 KiB (besides tab, CR
/// and LF): not text. Returns the offset of the first such byte.
fn mostly_control(text: &str) -> Option<usize> {
    let head = &text.as_bytes()[..text.len().min(64 * 1024)];
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n');
    let n = head.iter().filter(|b| is_control(b)).count();
    (n * 100 > head.len())
        .then(|| head.iter().position(is_control))
        .flatten()
}

/// The line on which a quoted field opens and never closes, if one does.
pub fn unclosed_quote(csv: &CsvText) -> Option<u64> {
    let (mut line, mut quoted, mut opened) = (1u64, false, 0u64);
    for b in csv.text.bytes() {
        match b {
            b'"' => {
                quoted = !quoted;
                if quoted {
                    opened = line;
                }
            }
            b'\n' => line += 1,
            _ => {}
        }
    }
    // Lines of the file as it was: put back the blank lines removed before.
    quoted.then(|| opened + csv.blank_lines.iter().filter(|b| **b <= opened).count() as u64)
}

/// Removes empty lines outside quoted fields. R's `read.csv` and the csv
/// crate skip them; polars would read each as a row of empty cells.
fn strip_blank_lines(text: String) -> (String, Vec<u64>) {
    let b = text.as_bytes();
    let maybe = text.contains("\n\n")
        || text.contains("\n\r\n")
        || b.first().is_some_and(|c| *c == b'\n' || *c == b'\r');
    if !maybe {
        return (text, Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut blanks = Vec::new();
    let (mut line, mut quoted, mut start) = (1u64, false, 0usize);
    for (i, c) in b.iter().enumerate() {
        if *c == b'"' {
            quoted = !quoted;
        } else if *c == b'\n' && !quoted {
            let piece = &text[start..=i];
            if piece == "\n" || piece == "\r\n" {
                blanks.push(line);
            } else {
                out.push_str(piece);
            }
            start = i + 1;
        }
        if *c == b'\n' {
            line += 1;
        }
    }
    out.push_str(&text[start..]);
    (out, blanks)
}

/// The delimiter of the header line: whichever of `;`, `,` and tab occurs
/// most often outside quotes (ties and none: `,`).
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b';' if !quoted => counts[0] += 1,
            b',' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = [b';', b',', b'\t']
        .into_iter()
        .zip(counts)
        .max_by_key(|(d, n)| (*n, *d == b','))
        .map(|(d, _)| d)
        .unwrap_or(b',');
    if counts.iter().all(|&n| n == 0) {
        b','
    } else {
        best
    }
}

pub(crate) fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The first `header_rows` records; the first of them names the columns
/// (Qualtrics puts question texts and import ids in the rows below).
pub fn header(csv: &CsvText, header_rows: usize, file: &str) -> Result<Vec<String>, IngestError> {
    let mut rows = reader(&csv.text, csv.delimiter).into_records();
    let mut names = None;
    for i in 0..header_rows {
        let rec = rows
            .next()
            .ok_or_else(|| IngestError::NoRows {
                file: file.to_string(),
                problem: format!(
                    "it has fewer than the {header_rows} header rows the round declares"
                ),
            })?
            .map_err(|e| IngestError::Unreadable {
                file: file.to_string(),
                problem: format!("the header cannot be read as CSV: {e}"),
            })?;
        if i == 0 {
            names = Some(rec.iter().map(|s| s.trim().to_string()).collect::<Vec<_>>());
        }
    }
    Ok(names.unwrap_or_default())
}

/// Qualtrics writes the question texts and a row of `{"ImportId":...}`
/// cells below the column names. When the round does not say how many
/// header rows there are: the number that ends with such a row, if one of
/// the next two records is one (more than half of its filled cells are ImportIds).
pub fn detect_header_rows(csv: &CsvText) -> Option<usize> {
    let mut rows = reader(&csv.text, csv.delimiter).into_records();
    rows.next()?.ok()?;
    let mut found = None;
    for i in 1..=2 {
        let Some(Ok(rec)) = rows.next() else { break };
        let filled: Vec<&str> = rec
            .iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let import_ids = filled
            .iter()
            .filter(|c| c.starts_with("{\"ImportId\""))
            .count();
        if import_ids * 2 > filled.len() {
            found = Some(i + 1);
        }
    }
    found
}

/// Where each record starts and how many fields it has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    /// Physical line (1-based) on which each record starts, header rows
    /// included, counted in the file as it was (blank lines too).
    pub lines: Vec<u64>,
    /// Byte offset in [`CsvText::text`] at which each record starts.
    pub starts: Vec<usize>,
    pub fields: Vec<u32>,
}

/// One quote-aware pass over the text (the csv crate's positions lag a line
/// behind after CRLF, and polars pads short rows silently). It jumps from
/// quote to newline with `memchr` and counts the delimiters of a record
/// without quotes in one vectorised count, so it costs little next to
/// parsing even at a million rows.
pub fn scan_records(csv: &CsvText) -> Records {
    let b = csv.text.as_bytes();
    let mut out = Records::default();
    let mut line = csv.first_line;
    let mut blanks = csv.blank_lines.iter().peekable();
    let mut at = 0usize;
    while at < b.len() {
        // Put back the blank lines removed before this record.
        while blanks.next_if(|bl| **bl <= line).is_some() {
            line += 1;
        }
        out.lines.push(line);
        out.starts.push(at);
        let start = at;
        let (mut quoted, mut quotes) = (false, false);
        loop {
            let Some(i) = memchr::memchr2(b'"', b'\n', &b[at..]) else {
                at = b.len();
                break;
            };
            at += i + 1;
            if b[at - 1] == b'"' {
                quoted = !quoted;
                quotes = true;
            } else {
                line += 1;
                if !quoted {
                    break;
                }
            }
        }
        out.fields
            .push(count_fields(&b[start..at], csv.delimiter, quotes));
    }
    out
}

/// Fields of one record: its delimiters outside quotes, plus one.
fn count_fields(record: &[u8], delimiter: u8, quotes: bool) -> u32 {
    let n = if quotes {
        let mut quoted = false;
        record
            .iter()
            .filter(|c| {
                if **c == b'"' {
                    quoted = !quoted;
                }
                **c == delimiter && !quoted
            })
            .count()
    } else {
        record.iter().filter(|c| **c == delimiter).count()
    };
    n as u32 + 1
}

/// Why the CSV parser gave up: the first record whose field count differs
/// from the header's, with its line.
pub fn diagnose_ragged(csv: &CsvText, file: &str) -> Option<IngestError> {
    let mut rdr = reader(&csv.text, csv.delimiter);
    let mut rec = csv::ByteRecord::new();
    let mut width = None;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => return None,
            Ok(true) => {}
            Err(e) => {
                return Some(IngestError::Unreadable {
                    file: file.to_string(),
                    problem: e.to_string(),
                })
            }
        }
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        match width {
            None => width = Some(rec.len()),
            Some(w) if rec.len() > w => {
                return Some(IngestError::Ragged {
                    file: file.to_string(),
                    line,
                    fields: rec.len(),
                    header: w,
                })
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_semicolon_comma_and_tab() {
        assert_eq!(sniff_delimiter("a;b;c\n1,0;2;3"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("\"a;b\",c,d"), b',');
        assert_eq!(sniff_delimiter("single"), b',');
    }

    #[test]
    fn decodes_bom_and_windows_1252() {
        let t = decode(b"\xEF\xBB\xBFa;b\r\n1;2\r\n".to_vec(), "f").unwrap();
        assert_eq!(t.encoding, "UTF-8");
        assert!(t.text.starts_with("a;b"));
        assert_eq!(t.delimiter, b';');
        // "geïnteresseerd" in Windows-1252: 0xEF is "ï".
        let t = decode(b"naam;x\r\nge\xEFnteresseerd;1\r\n".to_vec(), "f").unwrap();
        assert_eq!(t.encoding, "Windows-1252");
        assert!(t.text.contains("geïnteresseerd"));
    }

    #[test]
    fn names_the_line_of_nul_undecodable_and_control_bytes() {
        let e = decode(b"a;b\n1;2\n3;\0".to_vec(), "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 3") && e.contains("NUL"), "{e}");
        let e = decode(b"a;b\n1;\x81".to_vec(), "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("neither UTF-8"), "{e}");
        let e = decode(b"a;b\n\x01\x02\x03\x04".to_vec(), "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("control bytes"), "{e}");
        // One stray control byte in a long file is kept as text.
        let mut ok = b"a;b\n".to_vec();
        ok.extend(b"1;2\n".repeat(100));
        ok.extend(b"3;\x0b\n");
        assert!(decode(ok, "f").is_ok());
    }

    #[test]
    fn cr_only_lines_become_lf_and_unclosed_quotes_are_found() {
        let t = decode(b"a;b\r1;2\r3;4\r".to_vec(), "f").unwrap();
        assert_eq!(t.text, "a;b\n1;2\n3;4\n");
        let t = decode(b"a;b\n1;2\n\n3;\"4\n5;6\n".to_vec(), "f").unwrap();
        assert_eq!(unclosed_quote(&t), Some(4));
        let t = decode(b"a;b\n1;\"x\ny\"\n".to_vec(), "f").unwrap();
        assert_eq!(unclosed_quote(&t), None);
    }

    #[test]
    fn refuses_utf16_nul_and_undecodable() {
        for bytes in [&b"\xFF\xFEa\0"[..], b"a;b\n\0\0", b"a;b\n\x81\x8d;1"] {
            assert!(matches!(
                decode(bytes.to_vec(), "f"),
                Err(IngestError::Unreadable { .. })
            ));
        }
        assert!(decode(b"  \r\n".to_vec(), "f").is_err());
    }

    /// Found by the `csv_text` fuzz target: two BOMs left one in the text,
    /// so the first column was named "\u{feff}id" and not found.
    #[test]
    fn double_bom_is_stripped() {
        let t = decode(b"\xEF\xBB\xBF\xEF\xBB\xBFid;x\n1;2\n".to_vec(), "f").unwrap();
        assert_eq!(t.text, "id;x\n1;2\n");
        assert!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBF".to_vec(), "f").is_err());
        // Found next: a BOM after a blank line, and one of a second export.
        let t = decode(b"\n\xEF\xBB\xBFid;x\n1;2\n\xEF\xBB\xBF3;4\n".to_vec(), "f").unwrap();
        assert_eq!((t.text.as_str(), t.delimiter), ("id;x\n1;2\n3;4\n", b';'));
    }

    /// Found by the `csv_text` fuzz target: the delimiter was sniffed on
    /// the blank first line (none: `,`), then that line was removed and the
    /// `;` header was split on `,`.
    #[test]
    fn delimiter_is_sniffed_after_leading_blank_lines() {
        let t = decode(b"\r\n\nid;x\n1;2\n".to_vec(), "f").unwrap();
        assert_eq!((t.text.as_str(), t.delimiter), ("id;x\n1;2\n", b';'));
    }

    #[test]
    fn record_lines_follow_quoted_newlines() {
        let t = decode(b"id;txt\n1;\"two\nlines\"\n2;x\n".to_vec(), "f").unwrap();
        assert_eq!(scan_records(&t).lines, vec![1, 2, 4]);
        assert_eq!(scan_records(&t).starts, vec![0, 7, 21]);
        assert_eq!(scan_records(&t).fields, vec![2, 2, 2]);
        let t = decode(
            b"id;txt\r\n1;\"two\r\nlines\"\r\n\r\n2;x\r\n3;\"\"\"q\"\"\"\r\n4;y".to_vec(),
            "f",
        )
        .unwrap();
        assert_eq!(t.blank_lines, vec![4]);
        assert_eq!(scan_records(&t).lines, vec![1, 2, 5, 6, 7]);
        let t = decode(b"\r\nid;x\n\n\n1;\"a\n\nb\"\n\n2;y\n\n".to_vec(), "f").unwrap();
        assert_eq!(t.text, "id;x\n1;\"a\n\nb\"\n2;y\n");
        assert_eq!(scan_records(&t).lines, vec![2, 5, 9]);
        let t = decode(b"a;b;c\n1;\"x;y\"\n2;3;4".to_vec(), "f").unwrap();
        assert_eq!(scan_records(&t).starts, vec![0, 6, 14]);
        assert_eq!(scan_records(&t).fields, vec![3, 2, 3]);
    }

    #[test]
    fn qualtrics_import_id_rows_are_detected() {
        let t = decode(
            b"ResponseId,Q1\nResponse ID,Hoe herkenbaar?\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\"\nR_1,3\n"
                .to_vec(),
            "f",
        )
        .unwrap();
        assert_eq!(detect_header_rows(&t), Some(3));
        let t = decode(b"id,Q1\nr1,3\nr2,{\"ImportId\"}\n".to_vec(), "f").unwrap();
        assert_eq!(detect_header_rows(&t), None);
    }

    #[test]
    fn ragged_row_is_named_by_line() {
        let t = decode(b"a;b\n1;2\n1;2;3\n".to_vec(), "f").unwrap();
        let e = diagnose_ragged(&t, "f").unwrap().to_string();
        assert!(e.contains("line 3") && e.contains("3 fields"), "{e}");
    }
}
