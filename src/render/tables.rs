//! The tables of contract section 3 as CSV (full precision) and Markdown
//! (the report's rounding).
//!
//! Owns column names, column order, row order and cell formatting of every
//! table, and the formula escaping of text cells. It must not compute: a
//! figure's code is in `score` (find it by the column name there); this
//! module only lays figures out.

use crate::analysis::compare::{Change, Comparison, Side};
use crate::analysis::consult::Summary;
use crate::analysis::score::{Figures, ScoreRow, Scores};
use crate::codebook::{Codebook, Language};
use crate::ledger::FileLedger;
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
    pub columns: Vec<(String, Kind)>,
    pub rows: Vec<Vec<Value>>,
}

/// Text that a spreadsheet would run as a formula gets a leading `'`.
pub fn escape_formula(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

impl Table {
    fn new(name: &'static str, columns: &[(&str, Kind)]) -> Table {
        Table {
            name,
            columns: columns.iter().map(|(c, k)| (c.to_string(), *k)).collect(),
            rows: Vec::new(),
        }
    }

    /// UTF-8 CSV, `,`-separated, `\n` line ends, 6 decimals.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        // Writing to a Vec cannot fail; the csv crate still returns Results.
        let _ = w.write_record(self.columns.iter().map(|(c, _)| c.as_str()));
        for row in &self.rows {
            let _ = w.write_record(row.iter().map(|v| match v {
                Value::Text(s) => escape_formula(s),
                Value::Int(n) => n.to_string(),
                Value::Num(x) => format::fixed6(*x),
                Value::Flag(b) => b.to_string(),
                Value::Empty => String::new(),
            }));
        }
        w.into_inner().unwrap_or_default()
    }

    /// A GitHub-flavoured Markdown table with the report's rounding.
    pub fn to_markdown(&self, lang: Language) -> String {
        let mut out = format!("# {}\n\n|", self.name);
        for (c, _) in &self.columns {
            out.push_str(&format!(" {c} |"));
        }
        out.push_str("\n|");
        for (_, k) in &self.columns {
            out.push_str(if *k == Kind::Text {
                " --- |"
            } else {
                " ---: |"
            });
        }
        out.push('\n');
        for row in &self.rows {
            out.push('|');
            for (v, (_, k)) in row.iter().zip(&self.columns) {
                let cell = display(v, *k, lang)
                    .replace('|', "\\|")
                    .replace(['\n', '\r'], " ");
                out.push_str(&format!(" {cell} |"));
            }
            out.push('\n');
        }
        out
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

pub fn respondents(scores: &Scores) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "respondents",
        &[
            ("group", Text),
            ("respondents", Count),
            ("institutions", Count),
            ("answered", Count),
            ("complete", Count),
        ],
    );
    for r in &scores.respondents {
        t.rows.push(vec![
            scores.group_name(r.group).into(),
            Value::Int(r.respondents),
            Value::Int(r.institutions),
            Value::Int(r.answered),
            Value::Int(r.complete),
        ]);
    }
    t
}

fn count_columns(cb: &Codebook) -> Vec<(String, Kind)> {
    cb.scale
        .values()
        .map(|v| (format!("n_{v}"), Kind::Count))
        .chain([("n_missing".to_string(), Kind::Count)])
        .collect()
}

/// The distribution columns `n_1 .. n_max, n_missing`, empty when suppressed.
fn count_values(cb: &Codebook, figures: Option<&Figures>) -> Vec<Value> {
    match figures {
        Some(f) => f
            .counts
            .iter()
            .chain([&f.n_missing])
            .map(|n| Value::Int(*n))
            .collect(),
        None => cb
            .scale
            .values()
            .map(|_| Value::Empty)
            .chain([Value::Empty])
            .collect(),
    }
}

fn with_counts(
    name: &'static str,
    cb: &Codebook,
    head: &[(&str, Kind)],
    tail: &[(&str, Kind)],
) -> Table {
    let mut t = Table::new(name, head);
    t.columns.extend(count_columns(cb));
    t.columns
        .extend(tail.iter().map(|(c, k)| (c.to_string(), *k)));
    t
}

pub fn area_scores(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    let mut t = with_counts(
        "area_scores",
        cb,
        &[
            ("measure", Text),
            ("area", Text),
            ("group", Text),
            ("n", Count),
            ("mean", Mean),
            ("sd", Stat),
            ("ci_low", Mean),
            ("ci_high", Mean),
            ("median", Mean),
            ("pct_agree", Share),
        ],
        &[
            ("suppressed", Flag),
            ("s_cvi_ave", Share),
            ("s_cvi_ua", Share),
        ],
    );
    for r in &scores.areas {
        let f = r.figures.as_ref();
        let mut row = key(cb, scores, r, &cb.areas[r.target].id);
        row.extend([
            Value::Int(r.n),
            f.and_then(|f| f.mean).into(),
            f.and_then(|f| f.sd).into(),
            r.ci.map(|c| c.0).into(),
            r.ci.map(|c| c.1).into(),
            f.and_then(|f| f.median).into(),
            f.and_then(Figures::pct_agree).into(),
        ]);
        row.extend(count_values(cb, f));
        row.push(Value::Flag(r.suppressed()));
        row.push(r.s_cvi.map(|s| s.0).into());
        row.push(r.s_cvi.map(|s| s.1).into());
        t.rows.push(row);
    }
    t
}

/// `measure, <target>, group` of a score row (item tables put area and
/// dimension between target and group).
fn key(cb: &Codebook, scores: &Scores, r: &ScoreRow, target: &str) -> Vec<Value> {
    vec![
        cb.measures[r.measure].id.as_str().into(),
        target.into(),
        scores.group_name(r.group).into(),
    ]
}

pub fn item_scores(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    let mut t = with_counts(
        "item_scores",
        cb,
        &[
            ("measure", Text),
            ("item", Text),
            ("area", Text),
            ("dimension", Text),
            ("group", Text),
            ("n", Count),
            ("mean", Mean),
            ("sd", Stat),
            ("median", Mean),
            ("pct_agree", Share),
            ("kappa_star", Stat),
        ],
        &[("decision", Text), ("suppressed", Flag), ("rule", Text)],
    );
    for r in &scores.items {
        let item = &cb.items[r.target];
        let f = r.figures.as_ref();
        let mut row = key(cb, scores, r, &item.id);
        let group = row.pop().unwrap_or(Value::Empty);
        row.extend([
            cb.areas[item.area].id.as_str().into(),
            item.dimension.as_deref().unwrap_or("").into(),
            group,
            Value::Int(r.n),
            f.and_then(|f| f.mean).into(),
            f.and_then(|f| f.sd).into(),
            f.and_then(|f| f.median).into(),
            f.and_then(Figures::pct_agree).into(),
            r.kappa_star.into(),
        ]);
        row.extend(count_values(cb, f));
        row.push(
            r.decision
                .map_or(Value::Empty, |d| Value::Text(d.0.to_string())),
        );
        row.push(Value::Flag(r.suppressed()));
        row.push(r.decision.map_or(Value::Empty, |d| d.1.text().into()));
        t.rows.push(row);
    }
    t
}

pub fn reliability(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "reliability",
        &[
            ("measure", Text),
            ("area", Text),
            ("k_items", Count),
            ("n_complete", Count),
            ("alpha", Stat),
            ("alpha_std", Stat),
            ("alpha_ci_low", Stat),
            ("alpha_ci_high", Stat),
        ],
    );
    for r in &scores.reliability {
        t.rows.push(vec![
            cb.measures[r.measure].id.as_str().into(),
            cb.areas[r.area].id.as_str().into(),
            Value::Int(r.k_items as u64),
            Value::Int(r.n_complete as u64),
            r.alpha.into(),
            r.alpha_std.into(),
            r.alpha_ci.map(|c| c.0).into(),
            r.alpha_ci.map(|c| c.1).into(),
        ]);
    }
    t
}

pub fn item_reliability(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "item_reliability",
        &[
            ("measure", Text),
            ("area", Text),
            ("item", Text),
            ("item_rest_r", Stat),
            ("alpha_if_deleted", Stat),
        ],
    );
    for r in &scores.item_reliability {
        t.rows.push(vec![
            cb.measures[r.measure].id.as_str().into(),
            cb.areas[r.area].id.as_str().into(),
            cb.items[r.item].id.as_str().into(),
            r.item_rest_r.into(),
            r.alpha_if_deleted.into(),
        ]);
    }
    t
}

pub fn group_tests(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "group_tests",
        &[
            ("measure", Text),
            ("area", Text),
            ("groups", Text),
            ("h", Stat),
            ("df", Count),
            ("p", P),
            ("p_holm", P),
            ("epsilon_sq", Stat),
        ],
    );
    for r in &scores.group_tests {
        let groups: Vec<&str> = r.groups.iter().map(|g| scores.group_name(*g)).collect();
        t.rows.push(vec![
            cb.measures[r.measure].id.as_str().into(),
            cb.areas[r.area].id.as_str().into(),
            groups.join(";").as_str().into(),
            r.h.into(),
            r.df.map_or(Value::Empty, |d| Value::Int(d as u64)),
            r.p.into(),
            r.p_holm.into(),
            r.epsilon_sq.into(),
        ]);
    }
    t
}

/// Sessions and participants per group of the consultation, `ALL` first.
pub fn participants(s: &Summary) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "participants",
        &[
            ("group", Text),
            ("sessions", Count),
            ("participants", Count),
        ],
    );
    for r in &s.counts.participation {
        t.rows.push(vec![
            s.group_name(r.group).into(),
            Value::Int(r.sessions),
            Value::Int(r.participants),
        ]);
    }
    t
}

/// Statements per group x theme x domain x stance (no `ALL` rows).
pub fn consultation(s: &Summary) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "consultation",
        &[
            ("group", Text),
            ("theme", Text),
            ("domain", Text),
            ("stance", Text),
            ("statements", Count),
            ("sessions", Count),
            ("participants", Count),
        ],
    );
    let n = &s.notes;
    for c in &s.counts.cells {
        t.rows.push(vec![
            s.group_name(c.group).into(),
            n.themes[c.theme as usize].as_str().into(),
            n.domains[c.domain as usize].as_str().into(),
            n.stances[c.stance as usize].as_str().into(),
            Value::Int(c.statements),
            Value::Int(c.sessions),
            Value::Int(c.participants),
        ]);
    }
    t
}

/// The statements the report quotes, per theme x group: to paste into a
/// report as they are. Scrubbed at ingest; formula-escaped like every text.
pub fn quotes(s: &Summary) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "quotes",
        &[
            ("theme", Text),
            ("group", Text),
            ("stance", Text),
            ("domain", Text),
            ("statement", Text),
        ],
    );
    let n = &s.notes;
    for q in &s.quotes {
        for st in q.picked.iter().map(|i| &n.statements[*i]) {
            t.rows.push(vec![
                n.themes[q.theme as usize].as_str().into(),
                s.group_name(q.group).into(),
                n.stances[st.stance as usize].as_str().into(),
                n.domains[st.domain as usize].as_str().into(),
                st.text.as_str().into(),
            ]);
        }
    }
    t
}

/// `compare_areas` and `compare_items` (contract section 3).
pub fn comparison(study: &Codebook, cmp: &Comparison) -> Vec<Table> {
    use Kind::*;
    let columns = [
        ("measure", Text),
        ("id", Text),
        ("group", Text),
        ("mean_from", Mean),
        ("mean_to", Mean),
        ("delta", Mean),
        ("n_from", Count),
        ("n_to", Count),
        ("u", Stat),
        ("p", P),
        ("decision_from", Text),
        ("decision_to", Text),
    ];
    let row = |c: &Change| {
        let n = |s: &Option<Side>| s.as_ref().map_or(Value::Empty, |s| Value::Int(s.n));
        let decision = |s: &Option<Side>| {
            s.as_ref()
                .and_then(|s| s.decision)
                .map_or(Value::Empty, |d| Value::Text(d.to_string()))
        };
        vec![
            study.measures[c.measure].id.as_str().into(),
            c.id.as_str().into(),
            c.group.as_str().into(),
            c.mean_from().into(),
            c.mean_to().into(),
            c.delta().into(),
            n(&c.from),
            n(&c.to),
            c.u.into(),
            c.p.into(),
            decision(&c.from),
            decision(&c.to),
        ]
    };
    let mut areas = Table::new("compare_areas", &columns);
    areas.columns.push(("suppressed".into(), Flag));
    for c in &cmp.areas {
        let mut r = row(c);
        r.push(Value::Flag(c.suppressed()));
        areas.rows.push(r);
    }
    let mut items = Table::new("compare_items", &columns);
    for extra in [("status", Text), ("id_from", Text), ("suppressed", Flag)] {
        items.columns.push((extra.0.into(), extra.1));
    }
    for c in &cmp.items {
        let mut r = row(c);
        r.push(c.status.map_or(Value::Empty, |s| s.code().into()));
        r.push(c.id_from.as_deref().map_or(Value::Empty, Value::from));
        r.push(Value::Flag(c.suppressed()));
        items.rows.push(r);
    }
    vec![areas, items]
}

/// Per file: one `total` row, then one row per excluded row or invalid cell.
pub fn data_quality(ledgers: &[FileLedger]) -> Table {
    use Kind::*;
    let mut t = Table::new(
        "data_quality",
        &[
            ("file", Text),
            ("rows_read", Count),
            ("rows_used", Count),
            ("rows_excluded", Count),
            ("reason", Text),
            ("cells_invalid", Count),
            ("cells_missing", Count),
            ("line", Count),
            ("column", Text),
            ("value", Text),
        ],
    );
    for l in ledgers {
        t.rows.push(vec![
            l.file.as_str().into(),
            Value::Int(l.rows_read),
            Value::Int(l.rows_used),
            Value::Int(l.rows_excluded()),
            "total".into(),
            Value::Int(l.cells_invalid()),
            Value::Int(l.cells_missing),
            Value::Empty,
            Value::Empty,
            Value::Empty,
        ]);
        for e in &l.entries {
            let row_excluded = e.reason.excludes_row();
            t.rows.push(vec![
                l.file.as_str().into(),
                Value::Empty,
                Value::Empty,
                Value::Int(u64::from(row_excluded)),
                e.reason.code().into(),
                Value::Int(u64::from(!row_excluded)),
                Value::Empty,
                Value::Int(e.line),
                e.column.as_deref().map_or(Value::Empty, Value::from),
                e.value.as_deref().map_or(Value::Empty, Value::from),
            ]);
        }
    }
    t
}

/// Every table of a round, in the order of contract section 3; the
/// consultation tables when the round has notes.
pub fn all(
    cb: &Codebook,
    scores: &Scores,
    notes: Option<&Summary>,
    ledgers: &[FileLedger],
) -> Vec<Table> {
    let mut tables = vec![
        respondents(scores),
        area_scores(cb, scores),
        item_scores(cb, scores),
        reliability(cb, scores),
        item_reliability(cb, scores),
        group_tests(cb, scores),
    ];
    if let Some(s) = notes {
        tables.extend([consultation(s), participants(s), quotes(s)]);
    }
    tables.push(data_quality(ledgers));
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_escaped_and_numbers_fixed() {
        let mut t = Table::new(
            "t",
            &[("a", Kind::Text), ("b", Kind::Mean), ("c", Kind::Share)],
        );
        t.rows
            .push(vec!["=SUM(A1)".into(), Value::Num(2.95), Value::Num(0.785)]);
        t.rows
            .push(vec!["-x, y".into(), Value::Empty, Value::Num(1.0)]);
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
