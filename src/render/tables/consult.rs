//! The tables of a round's consultation notes: `consultation`,
//! `participants`, `coding_agreement` and `quotes`.
//!
//! Owns their columns and rows, laid out from `consult`'s [`Summary`]. It
//! must not count or choose: the counts and the quoted statements come
//! ready from `consult`.

use crate::analysis::agreement::{AgreementRow, FIELDS};
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

/// Landis & Koch's (1977) bands of Cohen's kappa, each from its lower
/// bound as they print them (0.21-0.40 is fair, ...); the report reads
/// kappa in these words and shows it against them.
pub const KAPPA_BANDS: [f64; 5] = [0.0, 0.21, 0.41, 0.61, 0.81];

/// Krippendorff's (2004, *Content analysis*, 2nd ed., p. 241) thresholds
/// of his alpha: 0.800 reliable, 0.667 the lowest for tentative conclusions.
pub const ALPHA_BANDS: [f64; 2] = [0.667, 0.8];

/// Agreement between the coders per field: each pair, then all of them;
/// `None` when the notes have no `coder` column.
pub fn coding_agreement(s: &Summary) -> Option<Table> {
    type R<'a> = &'a AgreementRow;
    let rows = s.agreement.as_ref()?;
    let coders = s.notes.coding.as_ref()?;
    let names = |r: &R| {
        let names: Vec<&str> = (r.coders.iter())
            .map(|c| coders.coders[*c as usize].as_str())
            .collect();
        names.join(";").as_str().into()
    };
    Some(Table::of(
        "coding_agreement",
        vec![
            column(FIELD, |r: &R| FIELDS[r.field].into()),
            column(CODERS, names),
            column(STATEMENTS, |r: &R| Value::Int(r.statements)),
            column(PCT_AGREEMENT, |r: &R| r.pct_agreement.into()),
            // Shown with the decimals it takes to stay in the band the
            // report reads it in (`render::report::agreement`).
            column(COHEN_KAPPA.against(KAPPA_BANDS.to_vec()), |r: &R| {
                r.cohen_kappa.into()
            }),
            column(KRIPPENDORFF_ALPHA.against(ALPHA_BANDS.to_vec()), |r: &R| {
                r.krippendorff_alpha.into()
            }),
        ],
        rows,
    ))
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
