//! The tables of the scored ratings: `respondents`, `area_scores`,
//! `item_scores`, `reliability`, `item_reliability` and `group_tests`.
//!
//! Owns their columns and rows, laid out from [`Scores`]. It must not
//! compute a figure: every number comes ready from `score`.

use crate::analysis::score::{Figures, Panel, ScoreRow, Scores};
use crate::codebook::Codebook;
use crate::render::table::{Kind, Table, Value};
use crate::render::words::weights_note;

pub fn respondents(scores: &Scores) -> Table {
    use Kind::*;
    Table::from_rows(
        "respondents",
        &[
            ("group", Text),
            ("respondents", Count),
            ("institutions", Count),
            ("answered", Count),
            ("complete", Count),
        ],
        scores.respondents.iter().map(|r| {
            vec![
                scores.group_name(r.group).into(),
                Value::Int(r.respondents),
                Value::Int(r.institutions),
                Value::Int(r.answered),
                Value::Int(r.complete),
            ]
        }),
    )
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

/// A table of the columns `head`, then `n_1 .. n_max, n_missing`, then `tail`.
fn with_counts(
    name: &'static str,
    cb: &Codebook,
    head: &[(&str, Kind)],
    tail: &[(&str, Kind)],
) -> Table {
    let named = |cols: &[(&str, Kind)]| -> Vec<(String, Kind)> {
        cols.iter().map(|(c, k)| (c.to_string(), *k)).collect()
    };
    let counts = cb
        .scale
        .values()
        .map(|v| (format!("n_{v}"), Kind::Count))
        .chain([("n_missing".to_string(), Kind::Count)]);
    let columns = named(head)
        .into_iter()
        .chain(counts)
        .chain(named(tail))
        .collect();
    Table::with_columns(name, columns)
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
        ]
        .into_iter()
        .chain(cb.weights.is_some().then_some(("n_eff", Stat)))
        .collect::<Vec<_>>(),
    );
    t.note = weights_note(cb);
    for r in &scores.areas {
        let f = r.figures.as_ref();
        let mut row = key(cb, scores, r, &cb.areas[r.target].id);
        row.extend([
            Value::Int(r.n),
            r.mean().into(),
            r.sd().into(),
            r.ci().map(|c| c.0).into(),
            r.ci().map(|c| c.1).into(),
            r.median().into(),
            r.pct_agree().into(),
        ]);
        row.extend(count_values(cb, f));
        row.push(Value::Flag(r.suppressed()));
        row.push(r.s_cvi.map(|s| s.0).into());
        row.push(r.s_cvi.map(|s| s.1).into());
        if cb.weights.is_some() {
            row.push(r.weighted.map(|w| w.n_eff).into());
        }
        t.push(row);
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

/// `item_scores`: the contract's columns, then the panel statistics, then
/// `reversed` when some item is reverse-keyed.
pub fn item_scores(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    let reversed = cb.items.iter().any(|i| i.reverse);
    let mut tail = vec![
        ("decision", Text),
        ("suppressed", Flag),
        ("contested", Text),
        ("rule", Text),
        ("aiken_v", Stat),
        ("aiken_ci_low", Stat),
        ("aiken_ci_high", Stat),
        ("cvr", Stat),
        ("cvr_critical", Stat),
        ("iqr", Stat),
        ("consensus", Text),
    ];
    if reversed {
        tail.push(("reversed", Flag));
    }
    let weighted = cb.weights.is_some();
    if weighted {
        tail.extend([("n_eff", Stat), ("ci_low", Mean), ("ci_high", Mean)]);
    }
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
        &tail,
    );
    t.note = weights_note(cb);
    for r in &scores.items {
        let mut row = item_row(cb, scores, r);
        if reversed {
            row.push(Value::Flag(cb.items[r.target].reverse));
        }
        if weighted {
            row.extend([
                r.weighted.map(|w| w.n_eff).into(),
                r.ci().map(|c| c.0).into(),
                r.ci().map(|c| c.1).into(),
            ]);
        }
        t.push(row);
    }
    t
}

/// The `contested` cell: the groups, `;`-separated, or empty.
fn contested(scores: &Scores, r: &ScoreRow) -> Value {
    if r.contested.is_empty() {
        return Value::Empty;
    }
    let names: Vec<&str> = r.contested.iter().map(|g| scores.group_name(*g)).collect();
    names.join(";").as_str().into()
}

/// One `item_scores` row up to `consensus`.
fn item_row(cb: &Codebook, scores: &Scores, r: &ScoreRow) -> Vec<Value> {
    let item = &cb.items[r.target];
    let f = r.figures.as_ref();
    let mut row = key(cb, scores, r, &item.id);
    let group = row.pop().unwrap_or(Value::Empty);
    row.extend([
        cb.areas[item.area].id.as_str().into(),
        item.dimension.as_deref().unwrap_or("").into(),
        group,
        Value::Int(r.n),
        r.mean().into(),
        r.sd().into(),
        r.median().into(),
        r.pct_agree().into(),
        r.kappa_star.into(),
    ]);
    row.extend(count_values(cb, f));
    row.push(
        r.decision
            .map_or(Value::Empty, |d| Value::Text(d.0.to_string())),
    );
    row.push(Value::Flag(r.suppressed()));
    row.push(contested(scores, r));
    row.push(r.decision.map_or(Value::Empty, |d| d.1.text().into()));
    row.extend(panel_values(r.panel.as_ref()));
    row
}

/// `aiken_v .. consensus` of an item row, empty when suppressed or unrated.
fn panel_values(p: Option<&Panel>) -> Vec<Value> {
    let Some(p) = p else {
        return vec![Value::Empty; 7];
    };
    vec![
        Value::Num(p.aiken_v),
        p.aiken_ci.map(|c| c.0).into(),
        p.aiken_ci.map(|c| c.1).into(),
        p.cvr.into(),
        p.cvr_critical.into(),
        Value::Num(p.iqr),
        (if p.consensus { "yes" } else { "no" }).into(),
    ]
}

pub fn reliability(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    Table::from_rows(
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
        scores.reliability.iter().map(|r| {
            vec![
                cb.measures[r.measure].id.as_str().into(),
                cb.areas[r.area].id.as_str().into(),
                Value::Int(r.k_items as u64),
                Value::Int(r.n_complete as u64),
                r.alpha.into(),
                r.alpha_std.into(),
                r.alpha_ci.map(|c| c.0).into(),
                r.alpha_ci.map(|c| c.1).into(),
            ]
        }),
    )
}

pub fn item_reliability(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    Table::from_rows(
        "item_reliability",
        &[
            ("measure", Text),
            ("area", Text),
            ("item", Text),
            ("item_rest_r", Stat),
            ("alpha_if_deleted", Stat),
        ],
        scores.item_reliability.iter().map(|r| {
            vec![
                cb.measures[r.measure].id.as_str().into(),
                cb.areas[r.area].id.as_str().into(),
                cb.items[r.item].id.as_str().into(),
                r.item_rest_r.into(),
                r.alpha_if_deleted.into(),
            ]
        }),
    )
}

pub fn group_tests(cb: &Codebook, scores: &Scores) -> Table {
    use Kind::*;
    Table::from_rows(
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
        scores.group_tests.iter().map(|r| {
            let groups: Vec<&str> = r.groups.iter().map(|g| scores.group_name(*g)).collect();
            vec![
                cb.measures[r.measure].id.as_str().into(),
                cb.areas[r.area].id.as_str().into(),
                groups.join(";").as_str().into(),
                r.h.into(),
                r.df.map_or(Value::Empty, |d| Value::Int(d as u64)),
                r.p.into(),
                r.p_holm.into(),
                r.epsilon_sq.into(),
            ]
        }),
    )
}
