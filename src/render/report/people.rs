//! A [`Table`] as people read it: a [`Grid`] with headers in words, ids
//! replaced by the labels and texts of the codebook, decisions and statuses
//! as words, `ALL` as "All respondents", and "n < min_cell" where a row is
//! suppressed, instead of a `suppressed` column.
//!
//! And a [`Table`] for people as a table still ([`People::table`]), for the
//! spreadsheets a team opens (summary.xlsx and summary.ods): headers and
//! sheet names in words, a label beside each area and item id, codes in
//! words, numbers still numbers.
//!
//! Owns that translation, so the report, report.docx and the spreadsheets
//! show the tables alike and no CSV column name reaches a reader. The CSV
//! and Markdown writers never use it: scripts read machine names. It must
//! not compute or reorder anything.

use crate::analysis::rules::{Decision, Rule};
use crate::codebook::{Codebook, Language};
use crate::render::report::document::Grid;
use crate::render::tables::columns::Header;
use crate::render::tables::table::{display_in, Kind, Table, Value};
use crate::render::words::{rule_phrase, table_title, Words};

/// Columns holding an area or item id: a spreadsheet shows its label beside.
const LABELLED: [&str; 5] = ["area", "item", "id", "id_from", "about"];

/// What a spreadsheet column of [`People::table`] shows of its source.
enum Part {
    /// The id as it is.
    Id,
    /// The id's label or item text.
    Label,
    /// The cell, codes in words.
    Plain,
}

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
        let heads = t.headers();
        let shown: Vec<usize> = (0..heads.len())
            .filter(|&i| !HIDDEN.contains(&heads[i].name.as_ref()))
            .collect();
        let at = |name: &str| heads.iter().position(|h| h.name == name);
        let suppressed = at("suppressed");
        // The figure that says why a suppressed row is empty: its first mean.
        let note_at = heads.iter().position(|h| h.kind == Kind::Mean);
        // A row's n: its own, or in a comparison the smaller of its rounds'
        // ("n < 5" when a round had so few, "hidden" when it was hidden
        // only to protect a smaller group).
        let n_at: Vec<usize> = ["n", "n_from", "n_to"]
            .iter()
            .filter_map(|c| at(c))
            .collect();
        let rows = t
            .rows()
            .iter()
            .map(|row| {
                let hidden = suppressed.is_some_and(|i| row[i] == Value::Flag(true));
                let n = (n_at.iter())
                    .filter_map(|&i| match row[i] {
                        Value::Int(n) => Some(n),
                        _ => None,
                    })
                    .min()
                    .unwrap_or(0);
                shown
                    .iter()
                    .map(|&i| match (hidden && Some(i) == note_at, &row[i]) {
                        (true, _) => w.suppressed(n, self.cb.min_cell),
                        (false, v) => self.cell(&heads[i], v),
                    })
                    .collect()
            })
            .collect();
        Grid {
            caption: caption.to_string(),
            columns: shown
                .iter()
                .map(|&i| {
                    let h = &heads[i];
                    (h.words(self.lang).to_string(), h.kind != Kind::Text)
                })
                .collect(),
            rows,
        }
    }

    /// The table for a spreadsheet: every header in words, a label column
    /// after each area or item id (the id's header says "code"), text
    /// codes and flags in words, numbers as they are; titled in words.
    pub fn table(&self, t: &Table) -> Table {
        let w = Words(self.lang);
        let code = w.t("code", "code");
        let mut parts: Vec<(usize, Part, Header)> = Vec::new();
        for (i, h) in t.headers().iter().enumerate() {
            if LABELLED.contains(&h.name.as_ref()) {
                let word = format!("{} ({code})", h.words(self.lang));
                let id = Header {
                    words: [word.clone().into(), word.into()],
                    ..h.clone()
                };
                parts.push((i, Part::Id, id));
                parts.push((i, Part::Label, h.clone()));
            } else {
                parts.push((i, Part::Plain, h.clone()));
            }
        }
        let rows = (t.rows().iter())
            .map(|row| {
                (parts.iter())
                    .map(|(i, part, h)| match (part, &row[*i]) {
                        (Part::Label, Value::Text(s)) => Value::Text(self.target(s)),
                        (Part::Plain, v @ (Value::Text(_) | Value::Flag(_))) => {
                            Value::Text(self.cell(h, v))
                        }
                        (_, v) => v.clone(),
                    })
                    .collect()
            })
            .collect();
        let heads = parts.into_iter().map(|(_, _, h)| h).collect();
        t.retitled(table_title(t.name, self.lang), heads, rows)
    }

    /// One cell in words: ids by their labels, codes by their words.
    fn cell(&self, h: &Header, v: &Value) -> String {
        let w = Words(self.lang);
        let Value::Text(s) = v else {
            return match v {
                Value::Flag(b) => w
                    .t(if *b { "ja" } else { "nee" }, if *b { "yes" } else { "no" })
                    .into(),
                _ => display_in(v, h, self.lang),
            };
        };
        match h.name.trim_end_matches("_from").trim_end_matches("_to") {
            "measure" => self.measure(s),
            "area" | "item" | "id" | "about" => self.target(s),
            "group" if s == "ALL" => w.all().to_string(),
            "decision" => decision_of(s).map_or_else(|| s.clone(), |d| w.decision(d).into()),
            "status" => w.status(s),
            "reason" => w.reason(s),
            "groups" | "contested" | "coders" => s.replace(';', ", "),
            "field" => w.field(s).into(),
            "consensus" => w.t(if s == "yes" { "ja" } else { "nee" }, s).into(),
            "rule" => {
                rule_of(s).map_or_else(|| s.clone(), |r| rule_phrase(r, &self.cb.rules, self.lang))
            }
            _ => s.clone(),
        }
    }

    fn measure(&self, id: &str) -> String {
        let m = self.cb.measures.iter().find(|m| m.id == id);
        m.map_or_else(|| id.to_string(), |m| m.label.clone())
    }

    /// An area's label or an item's text, by id.
    /// A reverse-keyed item's text is marked "(R)", as in the charts.
    pub fn target(&self, id: &str) -> String {
        let area = self
            .cb
            .areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.label.clone());
        let item = || {
            let i = self.cb.items.iter().find(|i| i.id == id)?;
            Some(match i.reverse {
                true => format!("{} (R)", i.text),
                false => i.text.clone(),
            })
        };
        area.or_else(item).unwrap_or_else(|| id.to_string())
    }
}

/// The rule a `rule` cell names.
fn rule_of(s: &str) -> Option<Rule> {
    use Rule::*;
    [
        KeepThresholdsMet,
        DropBelowMean,
        DropBelowPctAgree,
        DropBelowBoth,
        BetweenThresholds,
    ]
    .into_iter()
    .find(|r| r.text() == s)
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
    use crate::render::tables::columns::*;
    use crate::render::tables::table::column;

    #[test]
    fn ids_codes_and_suppressed_rows_read_as_words() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny");
        let cb = Codebook::load(&dir).unwrap();
        type R = (
            &'static str,
            &'static str,
            u64,
            Option<(f64, f64, &'static str)>,
        );
        let fig = |get: fn(&(f64, f64, &'static str)) -> Value| {
            move |r: &R| r.3.as_ref().map_or(Value::Empty, get)
        };
        let t = Table::of(
            "item_scores",
            vec![
                column(ITEM, |r: &R| r.0.into()),
                column(GROUP, |r: &R| r.1.into()),
                column(N, |r: &R| Value::Int(r.2)),
                column(MEAN, fig(|f| Value::Num(f.0))),
                column(PCT_AGREE, fig(|f| Value::Num(f.1))),
                column(DECISION, fig(|f| f.2.into())),
                column(SUPPRESSED, |r: &R| Value::Flag(r.3.is_none())),
            ],
            [
                ("a1", "ALL", 6, Some((2.95, 0.5, "reword"))),
                ("b1", "student", 1, None),
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
