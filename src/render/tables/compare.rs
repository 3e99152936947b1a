//! The tables of a comparison of two rounds: `compare_areas` and
//! `compare_items`.
//!
//! Owns their columns and rows, laid out from `compare`'s [`Comparison`].
//! It must not compute: means, differences and tests come ready from
//! `compare`.

use crate::analysis::compare::{Change, Comparison, Side};
use crate::codebook::Codebook;
use crate::render::tables::columns::*;
use crate::render::tables::scores::mean_thresholds;
use crate::render::tables::table::{column, Column, Table, Value};

type Row<'a> = &'a Change;

/// The columns both tables start with.
fn columns<'a>(study: &'a Codebook, id: Header) -> Vec<Column<'a, Row<'a>>> {
    fn n(s: &Option<Side>) -> Value {
        s.as_ref().map_or(Value::Empty, |s| Value::Int(s.n))
    }
    fn decision(s: &Option<Side>) -> Value {
        s.as_ref()
            .and_then(|s| s.decision)
            .map_or(Value::Empty, |d| Value::Text(d.to_string()))
    }
    vec![
        column(MEASURE, |c: &Row| {
            study.measures[c.measure].id.as_str().into()
        }),
        column(id, |c: &Row| c.id.as_str().into()),
        column(GROUP, |c: &Row| c.group.as_str().into()),
        column(MEAN_FROM.against(mean_thresholds(study)), |c: &Row| {
            c.mean_from().into()
        }),
        column(MEAN_TO.against(mean_thresholds(study)), |c: &Row| {
            c.mean_to().into()
        }),
        column(DELTA, |c: &Row| c.delta().into()),
        column(N_FROM, |c: &Row| n(&c.from)),
        column(N_TO, |c: &Row| n(&c.to)),
        column(U, |c: &Row| c.u.into()),
        column(P, |c: &Row| c.p.into()),
        column(P_HOLM, |c: &Row| c.p_holm.into()),
        column(DECISION_FROM, |c: &Row| decision(&c.from)),
        column(DECISION_TO, |c: &Row| decision(&c.to)),
    ]
}

/// The panel columns, added when respondents took part in both rounds:
/// empty where the target is not in both rounds, and `n_paired` too when
/// the row is suppressed.
fn panel<'a>() -> [Column<'a, Row<'a>>; 4] {
    [
        column(N_PAIRED, |c: &Row| match &c.paired {
            Some(p) if !c.suppressed() => Value::Int(p.n),
            _ => Value::Empty,
        }),
        column(CHANGED, |c: &Row| {
            c.paired.as_ref().and_then(|p| p.changed).into()
        }),
        column(V_PAIRED, |c: &Row| {
            c.paired.as_ref().and_then(|p| p.test).map(|t| t.v).into()
        }),
        column(P_PAIRED, |c: &Row| {
            c.paired.as_ref().and_then(|p| p.test).map(|t| t.p).into()
        }),
    ]
}

/// A compare table: the shared columns, `extra`, then the panel columns
/// when the comparison is a panel.
fn table<'a>(
    name: &'static str,
    study: &'a Codebook,
    cmp: &'a Comparison,
    id: Header,
    extra: Vec<Column<'a, Row<'a>>>,
    rows: &'a [Change],
) -> Table {
    let mut cols = columns(study, id);
    cols.extend(extra);
    if cmp.panel > 0 {
        cols.extend(panel());
    }
    Table::of(name, cols, rows)
}

fn suppressed<'a>() -> Column<'a, Row<'a>> {
    column(SUPPRESSED, |c: &Row| Value::Flag(c.suppressed()))
}

pub fn compare_areas(study: &Codebook, cmp: &Comparison) -> Table {
    let id = ID.worded_as(&AREA);
    table(
        "compare_areas",
        study,
        cmp,
        id,
        vec![suppressed()],
        &cmp.areas,
    )
}

pub fn compare_items(study: &Codebook, cmp: &Comparison) -> Table {
    let extra = vec![
        column(STATUS, |c: &Row| {
            c.status.map_or(Value::Empty, |s| s.code().into())
        }),
        column(ID_FROM, |c: &Row| {
            c.id_from.as_deref().map_or(Value::Empty, Value::from)
        }),
        suppressed(),
    ];
    let id = ID.worded_as(&ITEM);
    table("compare_items", study, cmp, id, extra, &cmp.items)
}
