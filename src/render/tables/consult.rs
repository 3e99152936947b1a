//! The tables of a round's consultation notes: `consultation`,
//! `participants` and `quotes`.
//!
//! Owns their columns and rows, laid out from `consult`'s [`Summary`]. It
//! must not count or choose: the counts and the quoted statements come
//! ready from `consult`.

use crate::analysis::consult::{CellCount, Participation, Summary};
use crate::ingest::notes::Statement;
use crate::render::tables::columns::*;
use crate::render::tables::table::{column, Table, Value};

/// Sessions and participants per group of the consultation, `ALL` first.
pub fn participants(s: &Summary) -> Table {
    type R<'a> = &'a Participation;
    Table::of(
        "participants",
        vec![
            column(GROUP, |r: &R| s.group_name(r.group).into()),
            column(SESSIONS, |r: &R| Value::Int(r.sessions)),
            column(PARTICIPANTS, |r: &R| Value::Int(r.participants)),
        ],
        &s.counts.participation,
    )
}

/// Statements per group x theme x domain x stance (no `ALL` rows).
pub fn consultation(s: &Summary) -> Table {
    type R<'a> = &'a CellCount;
    let n = &s.notes;
    Table::of(
        "consultation",
        vec![
            column(GROUP, |c: &R| s.group_name(c.group).into()),
            column(THEME, |c: &R| n.themes[c.theme as usize].as_str().into()),
            column(DOMAIN, |c: &R| n.domains[c.domain as usize].as_str().into()),
            column(STANCE, |c: &R| n.stances[c.stance as usize].as_str().into()),
            column(STATEMENTS, |c: &R| Value::Int(c.statements)),
            column(SESSIONS, |c: &R| Value::Int(c.sessions)),
            column(PARTICIPANTS, |c: &R| Value::Int(c.participants)),
        ],
        &s.counts.cells,
    )
}

/// The statements the report quotes, per theme x group: to paste into a
/// report as they are. Scrubbed at ingest; formula-escaped like every text.
pub fn quotes(s: &Summary) -> Table {
    // One row per picked statement: its theme and group, and the statement.
    type R<'a> = (u32, u32, &'a Statement);
    let n = &s.notes;
    let rows = s
        .quotes
        .iter()
        .flat_map(|q| (q.picked.iter()).map(move |i| (q.theme, q.group, &n.statements[*i])));
    Table::of(
        "quotes",
        vec![
            column(THEME, |r: &R| n.themes[r.0 as usize].as_str().into()),
            column(GROUP, |r: &R| s.group_name(r.1).into()),
            column(STANCE, |r: &R| {
                n.stances[r.2.stance as usize].as_str().into()
            }),
            column(DOMAIN, |r: &R| {
                n.domains[r.2.domain as usize].as_str().into()
            }),
            column(STATEMENT, |r: &R| r.2.text.as_str().into()),
        ],
        rows,
    )
}
