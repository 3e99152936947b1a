//! The CSV writer: a [`Table`] as `tables/<name>.csv`.
//!
//! Owns the CSV form: UTF-8, `,`-separated, `\n` line ends, numbers at full
//! precision (six decimals), text formula-escaped. It must not round for
//! reading (the Markdown and HTML writers do) nor write the file itself.

use std::borrow::Cow;
use std::fmt::Write;

use crate::render::escape;
use crate::render::format;
use crate::render::table::{Table, Value};

impl Table {
    /// UTF-8 CSV, `,`-separated, `\n` line ends, 6 decimals.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(Vec::with_capacity(self.size_hint()));
        // Writing to a Vec cannot fail; the csv crate still returns Results.
        let _ = w.write_record(self.columns().iter().map(|(c, _)| c.as_str()));
        // Numbers are formatted into one buffer, text is written as it is.
        let mut num = String::new();
        for row in self.rows() {
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
}

#[cfg(test)]
mod tests {
    use crate::codebook::Language;
    use crate::render::table::{Kind, Table, Value};

    #[test]
    fn formulas_are_escaped_and_numbers_fixed() {
        let mut t = Table::new(
            "t",
            &[("a", Kind::Text), ("b", Kind::Mean), ("c", Kind::Share)],
        );
        t.push(vec!["=SUM(A1)".into(), Value::Num(2.95), Value::Num(0.785)]);
        t.push(vec!["-x, y".into(), Value::Empty, Value::Num(1.0)]);
        let csv = String::from_utf8(t.to_csv()).unwrap();
        assert_eq!(
            csv,
            "a,b,c\n'=SUM(A1),2.950000,0.785000\n\"'-x, y\",,1.000000\n"
        );
        let md = t.to_markdown(Language::Nl);
        assert!(md.contains("| =SUM(A1) | 3,0 | 79% |"), "{md}");
        assert!(md.contains("| --- | ---: | ---: |"), "{md}");
    }
}
