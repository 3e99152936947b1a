//! From SPSS `.sav` / `.zsav` bytes to the same [`CsvText`] a CSV export gives.
//!
//! Owns reading an SPSS system file with the `ambers` crate (pure Rust) and
//! writing its cases as comma-separated text, so every reader downstream
//! works unchanged: a numeric value as the number (`3`, never `3.0`), a date
//! in ISO 8601, a string as it is, and a system-missing or user-missing
//! value (SPSS `MISSING VALUES`, such as 9 = "weet niet") as an empty cell,
//! which `cell` always counts as missing. Case `k` is the ledger's line `k`
//! ([`CsvText::first_line`] is 0: the variable names are no case). What the
//! file says about its variables (labels, value labels, missing values)
//! travels along in [`Dictionary`] for the respondent columns and for
//! `peil init`. It builds on `text` and `retext` and is called by `source`;
//! it must not interpret cells beyond writing them (that is `cell`).

use std::io::Cursor;

use ambers::{MissingSpec, SpssMetadata, Value};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, DurationMicrosecondType, TimestampMicrosecondType};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, TimeUnit};

use super::error::IngestError;
use super::retext::{elapsed, iso_datetime, number, one_line, RecordText};
use super::text::{CsvText, Dictionary};

/// Whether `path` names an SPSS system file (`.sav`, or `.zsav` compressed).
pub fn is_sav(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("sav") || e.eq_ignore_ascii_case("zsav"))
}

/// Reads every case of SPSS file `bytes`; `file` is the name used in messages.
pub fn read(bytes: &[u8], file: &str, sha256: String) -> Result<CsvText, IngestError> {
    let (batch, meta) =
        ambers::read_sav_from_reader(Cursor::new(bytes)).map_err(|e| IngestError::Unreadable {
            file: file.to_string(),
            problem: format!(
                "it is not a readable SPSS file ({e}); fix: open it in SPSS or PSPP and save it \
                 again as .sav, or export the questionnaire as CSV"
            ),
        })?;
    let names: Vec<String> = batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    if names.is_empty() {
        return Err(IngestError::Unreadable {
            file: file.to_string(),
            problem: "it holds no variables; fix: export the questionnaire again".into(),
        });
    }
    let columns: Vec<Column> = names
        .iter()
        .zip(batch.columns())
        .map(|(name, array)| Column {
            array,
            missing: missing_of(&meta, name),
        })
        .collect();
    Ok(CsvText {
        text: cases_text(&names, &columns, &batch),
        delimiter: b',',
        encoding: "SPSS",
        blank_lines: Vec::new(),
        sha256,
        first_line: 0,
        dictionary: dictionary(&meta, &names),
    })
}

/// The variable names, then one record per case.
fn cases_text(names: &[String], columns: &[Column], batch: &RecordBatch) -> String {
    let mut out = RecordText::new();
    out.push(
        &names
            .iter()
            .map(|n| one_line(n.clone()))
            .collect::<Vec<_>>(),
    );
    let mut cells = vec![String::new(); columns.len()];
    for row in 0..batch.num_rows() {
        for (cell, column) in cells.iter_mut().zip(columns) {
            *cell = column.text(row);
        }
        out.push(&cells);
    }
    out.finish()
}

/// One variable: its values and what counts as missing in it.
struct Column<'a> {
    array: &'a ArrayRef,
    missing: Vec<MissingSpec>,
}

impl<'a> Column<'a> {
    /// The cell of case `row` as text; empty when system- or user-missing.
    fn text(&self, row: usize) -> String {
        let a = self.array;
        if a.is_null(row) {
            return String::new();
        }
        match a.data_type() {
            DataType::Float64 => {
                let v = a
                    .as_primitive::<arrow_array::types::Float64Type>()
                    .value(row);
                if self.missing.iter().any(|m| numeric_missing(m, v)) {
                    String::new()
                } else {
                    number(v)
                }
            }
            DataType::Utf8View => {
                // SPSS pads short strings with spaces to the variable's width.
                let s = a.as_string_view().value(row).trim_end();
                if self.missing.iter().any(|m| string_missing(m, s)) {
                    String::new()
                } else {
                    one_line(s.to_string())
                }
            }
            DataType::Date32 => date(a.as_primitive::<Date32Type>().value(row)),
            DataType::Timestamp(TimeUnit::Microsecond, _) => {
                timestamp(a.as_primitive::<TimestampMicrosecondType>().value(row))
            }
            DataType::Duration(TimeUnit::Microsecond) => {
                elapsed(a.as_primitive::<DurationMicrosecondType>().value(row) / 1_000_000)
            }
            // ambers gives no other types; should it one day, the cell is
            // written as missing rather than guessed at.
            _ => String::new(),
        }
    }
}

fn numeric_missing(m: &MissingSpec, v: f64) -> bool {
    match m {
        MissingSpec::Value(x) => *x == v,
        MissingSpec::Range { lo, hi } => (*lo..=*hi).contains(&v),
        MissingSpec::StringValue(_) => false,
    }
}

fn string_missing(m: &MissingSpec, s: &str) -> bool {
    matches!(m, MissingSpec::StringValue(x) if x.trim_end() == s)
}

fn missing_of(meta: &SpssMetadata, name: &str) -> Vec<MissingSpec> {
    meta.variable_missing_values
        .get(name)
        .cloned()
        .unwrap_or_default()
}

/// A day count from 1970-01-01 as an ISO date (Hinnant's civil-from-days).
fn date(days: i32) -> String {
    let (y, m, d) = civil(i64::from(days));
    iso_datetime(y, m, d, 0, 0, 0, 0)
}

/// Microseconds from 1970-01-01T00:00 as an ISO date and time.
fn timestamp(us: i64) -> String {
    let secs = us.div_euclid(1_000_000);
    let ms = (us.rem_euclid(1_000_000) / 1000) as u16;
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    iso_datetime(
        y,
        m,
        d,
        (s / 3600) as u8,
        (s / 60 % 60) as u8,
        (s % 60) as u8,
        ms,
    )
}

/// Year, month, day of day `z` counted from 1970-01-01 (proleptic
/// Gregorian; H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
fn civil(z: i64) -> (u16, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y.clamp(0, 9999) as u16, m, d)
}

/// Variable labels, value labels and missing values, by column name.
fn dictionary(meta: &SpssMetadata, names: &[String]) -> Dictionary {
    let mut dict = Dictionary::default();
    for name in names {
        if let Some(l) = meta.label(name).filter(|l| !l.trim().is_empty()) {
            dict.labels
                .insert(name.clone(), one_line(l.trim().to_string()));
        }
        let labels = meta.value_labels(name);
        if let Some(values) = labels.filter(|v| !v.is_empty()) {
            let mut pairs: Vec<(&Value, &String)> = values.iter().collect();
            pairs.sort_by(|a, b| a.0.cmp(b.0));
            let pairs = pairs
                .into_iter()
                .map(|(v, l)| (value_text(v), one_line(l.trim().to_string())))
                .collect();
            dict.values.insert(name.clone(), pairs);
        }
        let label_of = |v: Value| {
            labels
                .and_then(|l| l.get(&v))
                .map(|l| l.trim().to_string())
                .unwrap_or_else(|| value_text(&v))
        };
        let missing = missing_words(&missing_of(meta, name), &label_of);
        if !missing.is_empty() {
            dict.missing.insert(name.clone(), missing);
        }
    }
    dict
}

/// The words a user knows a missing value by: its label, else the value.
fn missing_words(specs: &[MissingSpec], label_of: &dyn Fn(Value) -> String) -> Vec<String> {
    specs
        .iter()
        .map(|m| match m {
            MissingSpec::Value(x) => label_of(Value::Numeric(*x)),
            MissingSpec::StringValue(s) => label_of(Value::String(s.clone())),
            MissingSpec::Range { lo, hi } => format!("{} t/m {}", number(*lo), number(*hi)),
        })
        .collect()
}

/// A value as the written text holds it.
fn value_text(v: &Value) -> String {
    match v {
        Value::Numeric(x) => number(*x),
        Value::String(s) => s.trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_iso_dates() {
        // 1970-01-01 is day 0; 2000-03-01 is day 11017 (R: as.numeric(as.Date("2000-03-01")) [1] 11017).
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(11_017), "2000-03-01");
        assert_eq!(date(-1), "1969-12-31");
        assert_eq!(
            timestamp(86_400_000_000 + 3_600_000_000 + 1_000),
            "1970-01-02T01:00:00.001"
        );
    }

    #[test]
    fn user_missing_values_and_ranges() {
        assert!(numeric_missing(&MissingSpec::Value(9.0), 9.0));
        assert!(!numeric_missing(&MissingSpec::Value(9.0), 3.0));
        assert!(numeric_missing(
            &MissingSpec::Range { lo: 97.0, hi: 99.0 },
            98.0
        ));
        assert!(string_missing(
            &MissingSpec::StringValue("nvt ".into()),
            "nvt"
        ));
    }
}
