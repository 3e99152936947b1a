//! A [`Table`] as people read it: a [`Grid`] with headers in words, ids
//! replaced by the labels and texts of the codebook, decisions and statuses
//! as words, `ALL` as "All respondents", and "n < min_cell" where a row is
//! suppressed, instead of a `suppressed` column.
//!
//! Owns that translation, so the report and report.docx show the tables
//! alike and no CSV column name reaches a reader. The CSV, Markdown and
//! xlsx writers never use it: scripts read machine names. It must not
//! compute or reorder anything.

use crate::analysis::rules::Decision;
use crate::codebook::{Codebook, Language};
use crate::render::document::Grid;
use crate::render::table::{display, Kind, Table, Value};
use crate::render::words::Words;

/// Columns the report leaves out: said once in words elsewhere.
const HIDDEN: [&str; 2] = ["suppressed", "rule"];

/// What the translation needs: the codebook (labels, texts) and language.
#[derive(Clone, Copy)]
pub struct People<'a> {
    pub cb: &'a Codebook,
    pub lang: Language,
}

impl People<'_> {
    /// The table in words, under `caption`.
    pub fn grid(&self, t: &Table, caption: &str) -> Grid {
        let w = Words(self.lang);
        let cols = t.columns();
        let shown: Vec<usize> = (0..cols.len())
            .filter(|&i| !HIDDEN.contains(&cols[i].0.as_str()))
            .collect();
        let suppressed = cols.iter().position(|(c, _)| c == "suppressed");
        // The figure that says why a suppressed row is empty: its first mean.
        let note_at = cols.iter().position(|(_, k)| *k == Kind::Mean);
        let n_at = cols.iter().position(|(c, _)| c == "n");
        let rows = t
            .rows()
            .iter()
            .map(|row| {
                let hidden = suppressed.is_some_and(|i| row[i] == Value::Flag(true));
                let n = match n_at.map(|i| &row[i]) {
                    Some(Value::Int(n)) => *n,
                    _ => 0,
                };
                shown
                    .iter()
                    .map(|&i| match (hidden && Some(i) == note_at, &row[i]) {
                        (true, _) => w.suppressed(n, self.cb.min_cell),
                        (false, v) => self.cell(&cols[i].0, cols[i].1, v),
                    })
                    .collect()
            })
            .collect();
        Grid {
            caption: caption.to_string(),
            columns: shown
                .iter()
                .map(|&i| (w.column(&cols[i].0), cols[i].1 != Kind::Text))
                .collect(),
            rows,
        }
    }

    /// One cell in words: ids by their labels, codes by their words.
    fn cell(&self, column: &str, kind: Kind, v: &Value) -> String {
        let w = Words(self.lang);
        let Value::Text(s) = v else {
            return match v {
                Value::Flag(b) => w
                    .t(if *b { "ja" } else { "nee" }, if *b { "yes" } else { "no" })
                    .into(),
                _ => display(v, kind, self.lang),
            };
        };
        match column.trim_end_matches("_from").trim_end_matches("_to") {
            "measure" => self.measure(s),
            "area" | "item" | "id" | "about" => self.target(s),
            "group" if s == "ALL" => w.all().to_string(),
            "decision" => decision_of(s).map_or_else(|| s.clone(), |d| w.decision(d).into()),
            "status" => w.status(s),
            "reason" => w.reason(s),
            "groups" | "contested" => s.replace(';', ", "),
            _ => s.clone(),
        }
    }

    fn measure(&self, id: &str) -> String {
        let m = self.cb.measures.iter().find(|m| m.id == id);
        m.map_or_else(|| id.to_string(), |m| m.label.clone())
    }

    /// An area's label or an item's text, by id.
    pub fn target(&self, id: &str) -> String {
        let area = self.cb.areas.iter().find(|a| a.id == id).map(|a| &a.label);
        let item = || self.cb.items.iter().find(|i| i.id == id).map(|i| &i.text);
        area.or_else(item)
            .map_or_else(|| id.to_string(), Clone::clone)
    }
}

/// The decision a `decision` cell names.
fn decision_of(s: &str) -> Option<Decision> {
    [Decision::Keep, Decision::Reword, Decision::Drop]
        .into_iter()
        .find(|d| d.to_string() == s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::table::Kind::*;

    #[test]
    fn ids_codes_and_suppressed_rows_read_as_words() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny");
        let cb = Codebook::load(&dir).unwrap();
        let t = Table::from_rows(
            "item_scores",
            &[
                ("item", Text),
                ("group", Text),
                ("n", Count),
                ("mean", Mean),
                ("pct_agree", Share),
                ("decision", Text),
                ("suppressed", Flag),
            ],
            [
                vec![
                    "a1".into(),
                    "ALL".into(),
                    Value::Int(6),
                    Value::Num(2.95),
                    Value::Num(0.5),
                    "reword".into(),
                    Value::Flag(false),
                ],
                vec![
                    "b1".into(),
                    "student".into(),
                    Value::Int(1),
                    Value::Empty,
                    Value::Empty,
                    Value::Empty,
                    Value::Flag(true),
                ],
            ],
        );
        let g = People {
            cb: &cb,
            lang: Language::Nl,
        }
        .grid(&t, "c");
        let heads: Vec<&str> = g.columns.iter().map(|(h, _)| h.as_str()).collect();
        assert_eq!(
            heads,
            ["Item", "Groep", "n", "Gemiddelde", "Instemming", "Besluit"]
        );
        assert_eq!(
            g.rows[0],
            [
                "First item",
                "Alle respondenten",
                "6",
                "3,0",
                "50%",
                "herformuleren"
            ]
        );
        assert_eq!(g.rows[1], ["Third item", "student", "1", "n < 3", "", ""]);
    }
}
