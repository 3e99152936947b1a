//! The CSV writer: each [`Table`] as `<name>.csv`.
//!
//! Owns the CSV form: UTF-8, `,`-separated, `\n` line ends, numbers at full
//! precision (six decimals), text formula-escaped. It must not round for
//! reading (the Markdown and HTML writers do) nor write the file itself.

use std::borrow::Cow;
use std::fmt::Write;

use crate::codebook::Language;
use crate::render::escape;
use crate::render::export::writer::{ExportError, File, TableWriter};
use crate::render::format;
use crate::render::tables::table::{Table, Value};

/// `tables/<name>.csv` for each table.
pub struct Csv;

impl TableWriter for Csv {
    fn files(&self, tables: &[&Table], _: Language) -> Result<Vec<File>, ExportError> {
        Ok((tables.iter())
            .map(|t| (format!("{}.csv", t.name), csv(t)))
            .collect())
    }
}

/// UTF-8 CSV, `,`-separated, `\n` line ends, 6 decimals.
pub fn csv(t: &Table) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(t.size_hint()));
    // Writing to a Vec cannot fail; the csv crate still returns Results.
    let _ = w.write_record(t.headers().iter().map(|h| h.name.as_ref()));
    // Numbers are formatted into one buffer, text is written as it is.
    let mut num = String::new();
    for row in t.rows() {
        for v in row {
            num.clear();
            let field = match v {
                Value::Text(s) => escape::formula(s),
                Value::Int(n) => {
                    let _ = write!(num, "{n}");
                    Cow::Borrowed(num.as_str())
                }
                Value::Num(x) => {
                    format::push_fixed6(&mut num, *x);
                    Cow::Borrowed(num.as_str())
                }
                Value::Flag(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
                Value::Empty => Cow::Borrowed(""),
            };
            let _ = w.write_field(field.as_bytes());
        }
        let _ = w.write_record(None::<&[u8]>);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::export::markdown::markdown;
    use crate::render::tables::columns::{AREA, MEAN, PCT_AGREE};
    use crate::render::tables::table::column;

    #[test]
    fn formulas_are_escaped_and_numbers_fixed() {
        type R = (&'static str, Value, f64);
        let t = Table::of(
            "t",
            vec![
                column(AREA, |r: &R| r.0.into()),
                column(MEAN, |r: &R| r.1.clone()),
                column(PCT_AGREE, |r: &R| Value::Num(r.2)),
            ],
            [
                ("=SUM(A1)", Value::Num(2.95), 0.785),
                ("-x, y", Value::Empty, 1.0),
            ],
        );
        let csv = String::from_utf8(csv(&t)).unwrap();
        assert_eq!(
            csv,
            "area,mean,pct_agree\n'=SUM(A1),2.950000,0.785000\n\"'-x, y\",,1.000000\n"
        );
        let md = markdown(&t, Language::Nl);
        assert!(md.contains("| =SUM(A1) | 3,0 | 79% |"), "{md}");
        assert!(md.contains("| --- | ---: | ---: |"), "{md}");
    }
}
