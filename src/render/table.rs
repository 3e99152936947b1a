//! The one table model every writer reads: a named table of typed columns
//! and rows of [`Value`]s, and how a cell reads in the report's rounding.
//!
//! Owns the shape of a table: a row is as wide as the header, checked when
//! it is pushed. It must not know a file format (the writers `csv`,
//! `markdown`, `xlsx` and `html` do) nor which tables exist (`tables` does).

use crate::codebook::Language;
use crate::render::format;

/// How a column's numbers are shown in Markdown (CSV always has 6 decimals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Count,
    Flag,
    /// On the rating scale: one decimal.
    Mean,
    /// A share: whole percent.
    Share,
    /// Another statistic (sd, kappa, alpha): two decimals.
    Stat,
    /// A p-value: three decimals, `<0.001` below that.
    P,
}

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

/// A table ready to write: named columns with their kind, rows of values.
#[derive(Debug, Clone)]
pub struct Table {
    /// File stem: `area_scores` is written as `area_scores.csv` and `.md`.
    pub name: &'static str,
    columns: Vec<(String, Kind)>,
    rows: Vec<Vec<Value>>,
    /// A sentence a reader needs with the figures (how they are weighted),
    /// in Dutch and English; the Markdown form prints it under the title.
    pub note: Option<[String; 2]>,
}

impl Table {
    pub fn new(name: &'static str, columns: &[(&str, Kind)]) -> Table {
        Table::with_columns(
            name,
            columns.iter().map(|(c, k)| (c.to_string(), *k)).collect(),
        )
    }

    /// A table whose column names are built at run time.
    pub fn with_columns(name: &'static str, columns: Vec<(String, Kind)>) -> Table {
        Table {
            name,
            columns,
            rows: Vec::new(),
            note: None,
        }
    }

    /// A table with its rows, each pushed through [`Table::push`].
    pub fn from_rows(
        name: &'static str,
        columns: &[(&str, Kind)],
        rows: impl IntoIterator<Item = Vec<Value>>,
    ) -> Table {
        let mut t = Table::new(name, columns);
        for row in rows {
            t.push(row);
        }
        t
    }

    /// Adds a row. A row as wide as the header is the table's one rule: any
    /// other width is a bug in the code that built it, so it stops here
    /// rather than shift the cells of a written file.
    pub fn push(&mut self, row: Vec<Value>) {
        assert_eq!(
            row.len(),
            self.columns.len(),
            "table {}: a row of {} values under {} columns",
            self.name,
            row.len(),
            self.columns.len()
        );
        self.rows.push(row);
    }

    /// The note in the output language.
    pub fn note_in(&self, lang: Language) -> Option<&str> {
        let [nl, en] = self.note.as_ref()?;
        Some(match lang {
            Language::Nl => nl,
            Language::En => en,
        })
    }

    pub fn columns(&self) -> &[(String, Kind)] {
        &self.columns
    }

    /// About the bytes of the table as text (a cell is 8 to 9 on average
    /// in the benchmark study's tables), so a writer's buffer seldom grows.
    pub fn size_hint(&self) -> usize {
        (self.rows.len() + 2) * self.columns.len() * 9
    }

    pub fn rows(&self) -> &[Vec<Value>] {
        &self.rows
    }

    /// The rows whose column `col` holds the text `value` (none when the
    /// table has no such column).
    pub fn filtered(&self, col: &str, value: &str) -> Table {
        let i = self.columns.iter().position(|(c, _)| c == col);
        let mut out = self.clone();
        out.rows
            .retain(|r| i.is_some_and(|i| r[i] == Value::Text(value.to_string())));
        out
    }

    /// The table with only the named columns that it has, in its order.
    pub fn select(&self, keep: &[&str]) -> Table {
        let at: Vec<usize> = (0..self.columns.len())
            .filter(|&i| keep.contains(&self.columns[i].0.as_str()))
            .collect();
        Table {
            name: self.name,
            columns: at.iter().map(|&i| self.columns[i].clone()).collect(),
            rows: (self.rows.iter())
                .map(|r| at.iter().map(|&i| r[i].clone()).collect())
                .collect(),
            note: self.note.clone(),
        }
    }
}

/// A cell as people read it: the report's rounding, in the language.
pub fn display(v: &Value, kind: Kind, lang: Language) -> String {
    match v {
        Value::Text(s) => s.clone(),
        Value::Int(n) => n.to_string(),
        Value::Num(x) => match kind {
            Kind::Mean => format::mean(*x, lang),
            Kind::Share => format::percent(*x, lang),
            Kind::P => format::p_value(*x, lang),
            _ => format::round_half_away(*x, 2, lang),
        },
        Value::Flag(b) => b.to_string(),
        Value::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "table t: a row of 1 values under 2 columns")]
    fn a_row_of_another_width_is_refused_at_the_push() {
        let mut t = Table::new("t", &[("a", Kind::Text), ("b", Kind::Count)]);
        t.push(vec![Value::Int(1)]);
    }

    #[test]
    fn filtered_keeps_the_matching_rows_only() {
        let t = Table::from_rows(
            "t",
            &[("group", Kind::Text), ("n", Kind::Count)],
            [
                vec!["ALL".into(), Value::Int(3)],
                vec!["docent".into(), Value::Int(2)],
            ],
        );
        assert_eq!(t.filtered("group", "ALL").rows(), &t.rows()[..1]);
        assert!(t.filtered("nope", "ALL").rows().is_empty());
    }
}
