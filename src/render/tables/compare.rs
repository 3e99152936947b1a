//! The tables of a comparison of two rounds: `compare_areas` and
//! `compare_items`.
//!
//! Owns their columns and rows, laid out from `compare`'s [`Comparison`].
//! It must not compute: means, differences and tests come ready from
//! `compare`.

use crate::analysis::compare::{Change, Comparison, Side};
use crate::codebook::Codebook;
use crate::render::table::{Kind, Table, Value};

/// The columns both tables start with.
const COLUMNS: [(&str, Kind); 12] = [
    ("measure", Kind::Text),
    ("id", Kind::Text),
    ("group", Kind::Text),
    ("mean_from", Kind::Mean),
    ("mean_to", Kind::Mean),
    ("delta", Kind::Mean),
    ("n_from", Kind::Count),
    ("n_to", Kind::Count),
    ("u", Kind::Stat),
    ("p", Kind::P),
    ("decision_from", Kind::Text),
    ("decision_to", Kind::Text),
];

/// The values of [`COLUMNS`] for one change.
fn row(study: &Codebook, c: &Change) -> Vec<Value> {
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
}

pub fn compare_areas(study: &Codebook, cmp: &Comparison) -> Table {
    let columns: Vec<_> = COLUMNS
        .into_iter()
        .chain([("suppressed", Kind::Flag)])
        .collect();
    Table::from_rows(
        "compare_areas",
        &columns,
        cmp.areas.iter().map(|c| {
            let mut r = row(study, c);
            r.push(Value::Flag(c.suppressed()));
            r
        }),
    )
}

pub fn compare_items(study: &Codebook, cmp: &Comparison) -> Table {
    let extra = [
        ("status", Kind::Text),
        ("id_from", Kind::Text),
        ("suppressed", Kind::Flag),
    ];
    let columns: Vec<_> = COLUMNS.into_iter().chain(extra).collect();
    Table::from_rows(
        "compare_items",
        &columns,
        cmp.items.iter().map(|c| {
            let mut r = row(study, c);
            r.push(c.status.map_or(Value::Empty, |s| s.code().into()));
            r.push(c.id_from.as_deref().map_or(Value::Empty, Value::from));
            r.push(Value::Flag(c.suppressed()));
            r
        }),
    )
}
