//! The one table model every writer reads: a named table of [`Column`]s
//! (a [`Header`] and how its value is read from a row) and rows of
//! [`Value`]s, and how a cell reads in the report's rounding.
//!
//! Owns the shape of a table: rows are made by the columns' getters, so a
//! row is always as wide as the header. It must not know a file format
//! (the writers in `render::export` do) nor which tables exist (the other
//! files of `tables` do).

use crate::codebook::Language;
use crate::render::format;
pub use crate::render::tables::columns::{Header, Kind};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(u64),
    Num(f64),
    Flag(bool),
    Empty,
}

impl From<Option<f64>> for Value {
    fn from(x: Option<f64>) -> Value {
        x.filter(|v| v.is_finite()).map_or(Value::Empty, Value::Num)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

/// One column of a table: its [`Header`] and how its value is read from a
/// row. A table is built from these, so a header and its values cannot be
/// misaligned: there is no separate list of values.
pub struct Column<'a, R> {
    header: Header,
    get: Box<dyn Fn(&R) -> Value + 'a>,
}

/// The column `header`, read from each row by `get`.
pub fn column<'a, R>(header: Header, get: impl Fn(&R) -> Value + 'a) -> Column<'a, R> {
    Column {
        header,
        get: Box::new(get),
    }
}

/// A table ready to write: named columns with their headers, rows of values.
#[derive(Debug, Clone)]
pub struct Table {
    /// File stem: `area_scores` is written as `area_scores.csv` and `.md`.
    pub name: &'static str,
    headers: Vec<Header>,
    rows: Vec<Vec<Value>>,
    /// The table's name for people (a spreadsheet's sheet name), when it
    /// has been put in words ([`Table::retitled`]).
    pub title: Option<String>,
    /// A sentence a reader needs with the figures (how they are weighted),
    /// in Dutch and English; the Markdown form prints it under the title.
    pub note: Option<[String; 2]>,
}

impl Table {
    /// The table of `columns`, one row per item of `rows`.
    pub fn of<R>(
        name: &'static str,
        columns: Vec<Column<R>>,
        rows: impl IntoIterator<Item = R>,
    ) -> Table {
        let rows = rows
            .into_iter()
            .map(|r| columns.iter().map(|c| (c.get)(&r)).collect())
            .collect();
        Table {
            name,
            headers: columns.into_iter().map(|c| c.header).collect(),
            rows,
            title: None,
            note: None,
        }
    }

    /// The same table for people: titled, with these headers and rows
    /// (as many values per row as headers, which the caller made so).
    pub fn retitled(&self, title: String, headers: Vec<Header>, rows: Vec<Vec<Value>>) -> Table {
        Table {
            name: self.name,
            headers,
            rows,
            title: Some(title),
            note: self.note.clone(),
        }
    }

    /// The note in the output language.
    pub fn note_in(&self, lang: Language) -> Option<&str> {
        let [nl, en] = self.note.as_ref()?;
        Some(match lang {
            Language::Nl => nl,
            Language::En => en,
        })
    }

    pub fn headers(&self) -> &[Header] {
        &self.headers
    }

    /// About the bytes of the table as text (a cell is 8 to 9 on average
    /// in the benchmark study's tables), so a writer's buffer seldom grows.
    pub fn size_hint(&self) -> usize {
        (self.rows.len() + 2) * self.headers.len() * 9
    }

    pub fn rows(&self) -> &[Vec<Value>] {
        &self.rows
    }

    /// The rows whose column `col` holds the text `value` (none when the
    /// table has no such column).
    pub fn filtered(&self, col: &str, value: &str) -> Table {
        let i = self.headers.iter().position(|h| h.name == col);
        let mut out = self.clone();
        out.rows
            .retain(|r| i.is_some_and(|i| r[i] == Value::Text(value.to_string())));
        out
    }

    /// The table with only the named columns that it has, in its order.
    pub fn select(&self, keep: &[&str]) -> Table {
        let at: Vec<usize> = (0..self.headers.len())
            .filter(|&i| keep.contains(&self.headers[i].name.as_ref()))
            .collect();
        Table {
            name: self.name,
            headers: at.iter().map(|&i| self.headers[i].clone()).collect(),
            rows: (self.rows.iter())
                .map(|r| at.iter().map(|&i| r[i].clone()).collect())
                .collect(),
            title: self.title.clone(),
            note: self.note.clone(),
        }
    }
}

/// A cell as people read it: the report's rounding, in the language.
pub fn display(v: &Value, kind: Kind, lang: Language) -> String {
    shown(v, kind, &[], lang)
}

/// A cell of column `h` as people read it: the report's rounding, with
/// more decimals where the column's thresholds need them.
pub fn display_in(v: &Value, h: &Header, lang: Language) -> String {
    shown(v, h.kind, &h.against, lang)
}

fn shown(v: &Value, kind: Kind, against: &[f64], lang: Language) -> String {
    match v {
        Value::Text(s) => s.clone(),
        Value::Int(n) => n.to_string(),
        Value::Num(x) => match kind {
            Kind::Mean => format::mean_beside(*x, against, lang),
            Kind::Share => format::percent_beside(*x, against, lang),
            Kind::P => format::p_value(*x, lang),
            // A rank sum is whole or a half: shown as it is, 2041 or 2040,5.
            Kind::Half => format::round_half_away(*x, usize::from(x.fract() != 0.0), lang),
            _ => format::round_half_away(*x, format::digits_beside(*x, 2, 1.0, against), lang),
        },
        Value::Flag(b) => b.to_string(),
        Value::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tables::columns::{GROUP, N};

    fn two() -> Table {
        Table::of(
            "t",
            vec![
                column(GROUP, |r: &(&str, u64)| r.0.into()),
                column(N, |r: &(&str, u64)| Value::Int(r.1)),
            ],
            [("ALL", 3), ("docent", 2)],
        )
    }

    #[test]
    fn each_value_is_read_by_its_column() {
        let t = two();
        assert_eq!(t.rows()[1], vec![Value::from("docent"), Value::Int(2)]);
        assert_eq!(t.headers()[1].name, "n");
    }

    #[test]
    fn u_is_whole_or_a_half_and_a_mean_beside_a_threshold_keeps_its_side() {
        use crate::render::tables::columns::{MEAN, U};
        let u = |x| display_in(&Value::Num(x), &U, Language::Nl);
        assert_eq!((u(2041.0), u(2040.5)), ("2041".into(), "2040,5".into()));
        let mean = MEAN.against(vec![3.0, 2.5]);
        assert_eq!(display_in(&Value::Num(2.988), &mean, Language::Nl), "2,99");
        assert_eq!(display_in(&Value::Num(2.988), &MEAN, Language::Nl), "3,0");
    }

    #[test]
    fn filtered_keeps_the_matching_rows_only() {
        let t = two();
        assert_eq!(t.filtered("group", "ALL").rows(), &t.rows()[..1]);
        assert!(t.filtered("nope", "ALL").rows().is_empty());
    }
}
