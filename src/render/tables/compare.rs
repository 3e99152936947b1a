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
const COLUMNS: [(&str, Kind); 13] = [
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
    ("p_holm", Kind::P),
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
        c.p_holm.into(),
        decision(&c.from),
        decision(&c.to),
    ]
}

/// The panel columns, added when respondents took part in both rounds.
const PANEL: [(&str, Kind); 4] = [
    ("n_paired", Kind::Count),
    ("changed", Kind::Share),
    ("v_paired", Kind::Stat),
    ("p_paired", Kind::P),
];

/// The panel values of a row: empty where the target is not in both
/// rounds, and `n_paired` too when the row is suppressed.
fn panel_values(c: &Change) -> Vec<Value> {
    let Some(p) = c.paired.as_ref() else {
        return vec![Value::Empty; PANEL.len()];
    };
    let n = if c.suppressed() {
        Value::Empty
    } else {
        Value::Int(p.n)
    };
    vec![
        n,
        p.changed.into(),
        p.test.map(|t| t.v).into(),
        p.test.map(|t| t.p).into(),
    ]
}

/// A compare table: [`COLUMNS`], `extra`, then the panel columns when the
/// comparison is a panel.
fn table(
    name: &'static str,
    cmp: &Comparison,
    extra: &[(&'static str, Kind)],
    rows: &[Change],
    more: impl Fn(&Change) -> Vec<Value>,
    study: &Codebook,
) -> Table {
    let panel = cmp.panel > 0;
    let columns: Vec<_> = COLUMNS
        .into_iter()
        .chain(extra.iter().copied())
        .chain(PANEL.into_iter().filter(|_| panel))
        .collect();
    Table::from_rows(
        name,
        &columns,
        rows.iter().map(|c| {
            let mut r = row(study, c);
            r.extend(more(c));
            if panel {
                r.extend(panel_values(c));
            }
            r
        }),
    )
}

pub fn compare_areas(study: &Codebook, cmp: &Comparison) -> Table {
    let extra = [("suppressed", Kind::Flag)];
    table(
        "compare_areas",
        cmp,
        &extra,
        &cmp.areas,
        |c| vec![Value::Flag(c.suppressed())],
        study,
    )
}

pub fn compare_items(study: &Codebook, cmp: &Comparison) -> Table {
    let extra = [
        ("status", Kind::Text),
        ("id_from", Kind::Text),
        ("suppressed", Kind::Flag),
    ];
    let more = |c: &Change| {
        vec![
            c.status.map_or(Value::Empty, |s| s.code().into()),
            c.id_from.as_deref().map_or(Value::Empty, Value::from),
            Value::Flag(c.suppressed()),
        ]
    };
    table("compare_items", cmp, &extra, &cmp.items, more, study)
}
