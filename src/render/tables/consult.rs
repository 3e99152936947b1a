//! The tables of a round's consultation notes: `consultation`,
//! `participants` and `quotes`.
//!
//! Owns their columns and rows, laid out from `consult`'s [`Summary`]. It
//! must not count or choose: the counts and the quoted statements come
//! ready from `consult`.

use crate::analysis::consult::Summary;
use crate::render::table::{Kind, Table, Value};

/// Sessions and participants per group of the consultation, `ALL` first.
pub fn participants(s: &Summary) -> Table {
    use Kind::*;
    Table::from_rows(
        "participants",
        &[
            ("group", Text),
            ("sessions", Count),
            ("participants", Count),
        ],
        s.counts.participation.iter().map(|r| {
            vec![
                s.group_name(r.group).into(),
                Value::Int(r.sessions),
                Value::Int(r.participants),
            ]
        }),
    )
}

/// Statements per group x theme x domain x stance (no `ALL` rows).
pub fn consultation(s: &Summary) -> Table {
    use Kind::*;
    let n = &s.notes;
    Table::from_rows(
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
        s.counts.cells.iter().map(|c| {
            vec![
                s.group_name(c.group).into(),
                n.themes[c.theme as usize].as_str().into(),
                n.domains[c.domain as usize].as_str().into(),
                n.stances[c.stance as usize].as_str().into(),
                Value::Int(c.statements),
                Value::Int(c.sessions),
                Value::Int(c.participants),
            ]
        }),
    )
}

/// The statements the report quotes, per theme x group: to paste into a
/// report as they are. Scrubbed at ingest; formula-escaped like every text.
pub fn quotes(s: &Summary) -> Table {
    use Kind::*;
    let n = &s.notes;
    let rows = s.quotes.iter().flat_map(|q| {
        q.picked.iter().map(move |i| {
            let st = &n.statements[*i];
            vec![
                n.themes[q.theme as usize].as_str().into(),
                s.group_name(q.group).into(),
                n.stances[st.stance as usize].as_str().into(),
                n.domains[st.domain as usize].as_str().into(),
                st.text.as_str().into(),
            ]
        })
    });
    Table::from_rows(
        "quotes",
        &[
            ("theme", Text),
            ("group", Text),
            ("stance", Text),
            ("domain", Text),
            ("statement", Text),
        ],
        rows,
    )
}
