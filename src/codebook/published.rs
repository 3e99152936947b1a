//! `[[published]]`: figures as printed in a report, to be checked against
//! the computed tables at every run (docs/reference.md, `published.csv`
//! in "Output files").
//!
//! Owns reading an entry and its printed value: the round (or comparison
//! folder) it is about, the `where` keys, and the printed text as a number
//! with its decimals (`,` or `.` as the decimal mark, `%` for a share, no
//! thousands separators). Whether the table and column exist is checked by
//! the pipeline against the tables' column catalog, which this stage must
//! not import; the comparison itself is `render::tables::published`.

use super::check::Checker;
use super::error::CodebookError;
use super::model::Round;
use super::raw::RawPublished;

/// A figure as printed, to check.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// A round id, or a comparison folder `compare-R1-R2`.
    pub round: String,
    /// A table of "Output files", or `by-<slug>/<table>`.
    pub table: String,
    /// Key column -> value, of exactly one row.
    pub keys: Vec<(String, String)>,
    pub column: String,
    pub printed: Printed,
    pub source: Option<String>,
}

/// A printed value: its text, number, decimals and whether it is a
/// percentage.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub text: String,
    /// The number as printed (a percentage as printed, not a share).
    pub number: f64,
    pub decimals: usize,
    pub percent: bool,
}

impl Printed {
    /// "2,9", "2.9", "78%", "87"; `None` for anything else.
    pub fn parse(text: &str) -> Option<Printed> {
        let t = text.trim();
        let (digits, percent) = match t.strip_suffix('%') {
            Some(d) => (d.trim_end(), true),
            None => (t, false),
        };
        let digits = digits.replace(',', ".");
        let unsigned = digits.strip_prefix('-').unwrap_or(&digits);
        let ok = !unsigned.is_empty()
            && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
            && unsigned.matches('.').count() <= 1
            && !unsigned.starts_with('.')
            && !unsigned.ends_with('.');
        if !ok {
            return None;
        }
        Some(Printed {
            text: t.to_string(),
            number: digits.parse().ok()?,
            decimals: digits.split_once('.').map_or(0, |(_, f)| f.len()),
            percent,
        })
    }
}

impl Checker {
    /// Every `[[published]]` entry: a known round or comparison, a `where`,
    /// a value as printed.
    pub(super) fn published(
        &self,
        raw: Vec<RawPublished>,
        rounds: &[Round],
    ) -> Result<Vec<Published>, CodebookError> {
        let known = |id: &str| rounds.iter().any(|r| r.id == id);
        let compared = |id: &str| {
            rounds
                .windows(2)
                .any(|w| id == format!("compare-{}-{}", w[0].id, w[1].id))
        };
        let mut out = Vec::with_capacity(raw.len());
        for (i, p) in raw.into_iter().enumerate() {
            let key = format!("[[published]] #{} ({} {})", i + 1, p.table, p.column);
            if !known(&p.round) && !compared(&p.round) {
                return Err(self.err(
                    key,
                    format!(
                        "round {:?} is neither a round nor a comparison of two rounds in a row",
                        p.round
                    ),
                    "use a round id of [[rounds]], or compare-<R1>-<R2> for two rounds in a row",
                ));
            }
            if p.keys.is_empty() {
                return Err(self.err(
                    key,
                    "`where` is empty",
                    "name the key columns of one row, e.g. where = { measure = \"...\", area = \"...\", group = \"ALL\" }",
                ));
            }
            let printed = Printed::parse(&p.value).ok_or_else(|| {
                self.err(
                    &key,
                    format!("value {:?} is not a number as printed", p.value),
                    "write the figure as the report prints it, without thousands separators: \"2,9\", \"2.9\", \"78%\", \"87\"",
                )
            })?;
            out.push(Published {
                round: p.round,
                table: p.table,
                keys: p.keys.into_iter().collect(),
                column: p.column,
                printed,
                source: p.source,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printed_value_keeps_its_decimals_and_mark() {
        let p = Printed::parse("2,90").unwrap();
        assert_eq!((p.number, p.decimals, p.percent), (2.9, 2, false));
        let p = Printed::parse("78%").unwrap();
        assert_eq!((p.number, p.decimals, p.percent), (78.0, 0, true));
        assert_eq!(Printed::parse("87").unwrap().decimals, 0);
        assert_eq!(Printed::parse("77.9 %").unwrap().number, 77.9);
        for bad in ["1.234,5", "2,9,1", "", "abc", "3.", ",5"] {
            assert_eq!(Printed::parse(bad), None, "{bad}");
        }
    }
}
