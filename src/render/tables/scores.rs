//! The tables of the scored ratings: `respondents`, `area_scores`,
//! `item_scores`, `reliability`, `item_reliability` and `group_tests`.
//!
//! Owns their columns (each a header from `columns` and its getter, in
//! order) and rows, laid out from [`Scores`]. It must not compute a figure:
//! every number comes ready from `score` (find it there by the column name).

use crate::analysis::score::{GroupTestRow, ItemReliabilityRow, RespondentCount};
use crate::analysis::score::{Panel, ReliabilityRow, ScoreRow, Scores};
use crate::codebook::Codebook;
use crate::render::tables::columns::*;
use crate::render::tables::table::{column, Column, Table, Value};
use crate::render::words::weights_note;

pub fn respondents(scores: &Scores) -> Table {
    type R<'a> = &'a RespondentCount;
    Table::of(
        "respondents",
        vec![
            column(GROUP, |r: &R| scores.group_name(r.group).into()),
            column(RESPONDENTS, |r: &R| Value::Int(r.respondents)),
            column(INSTITUTIONS, |r: &R| Value::Int(r.institutions)),
            column(ANSWERED, |r: &R| Value::Int(r.answered)),
            column(COMPLETE, |r: &R| Value::Int(r.complete)),
        ],
        &scores.respondents,
    )
}

type Row<'a> = &'a ScoreRow;

/// `measure, <target>` of a score row.
fn head<'a>(
    cb: &'a Codebook,
    target: Header,
    id: impl Fn(&ScoreRow) -> &'a str + 'a,
) -> Vec<Column<'a, Row<'a>>> {
    vec![
        column(MEASURE, |r: &Row| cb.measures[r.measure].id.as_str().into()),
        column(target, move |r: &Row| id(r).into()),
    ]
}

/// The distribution columns `n_1 .. n_max, n_missing`, empty when suppressed.
fn counts<'a>(cb: &Codebook) -> Vec<Column<'a, Row<'a>>> {
    let values = cb.scale.values().enumerate().map(|(i, v)| {
        column(
            n_value(v, cb.scale.labels.get(&v).map(String::as_str)),
            move |r: &Row| {
                r.figures
                    .as_ref()
                    .map_or(Value::Empty, |f| Value::Int(f.counts[i]))
            },
        )
    });
    let missing = column(N_MISSING, |r: &Row| {
        r.figures
            .as_ref()
            .map_or(Value::Empty, |f| Value::Int(f.n_missing))
    });
    values.chain([missing]).collect()
}

fn group<'a>(scores: &'a Scores) -> Column<'a, Row<'a>> {
    column(GROUP, |r: &Row| scores.group_name(r.group).into())
}

/// The `[rules]` thresholds a mean is compared with.
pub fn mean_thresholds(cb: &Codebook) -> Vec<f64> {
    vec![cb.rules.keep_min_mean, cb.rules.drop_below_mean]
}

/// The `[rules]` thresholds an agreement share is compared with.
fn share_thresholds(cb: &Codebook) -> Vec<f64> {
    let r = &cb.rules;
    vec![
        r.keep_min_pct_agree,
        r.drop_below_pct_agree,
        r.consensus_min_agree,
    ]
}

/// `n, mean, sd`: the figures every score row starts with.
fn n_mean_sd<'a>(cb: &Codebook) -> [Column<'a, Row<'a>>; 3] {
    [
        column(N, |r: &Row| Value::Int(r.n)),
        column(MEAN.against(mean_thresholds(cb)), |r: &Row| r.mean().into()),
        column(SD, |r: &Row| r.sd().into()),
    ]
}

fn ci<'a>() -> [Column<'a, Row<'a>>; 2] {
    [
        column(CI_LOW, |r: &Row| r.ci().map(|c| c.0).into()),
        column(CI_HIGH, |r: &Row| r.ci().map(|c| c.1).into()),
    ]
}

fn n_eff<'a>() -> Column<'a, Row<'a>> {
    column(N_EFF, |r: &Row| r.weighted.map(|w| w.n_eff).into())
}

fn suppressed<'a>() -> Column<'a, Row<'a>> {
    column(SUPPRESSED, |r: &Row| Value::Flag(r.suppressed()))
}

pub fn area_scores(cb: &Codebook, scores: &Scores) -> Table {
    let mut cols = head(cb, AREA, |r| &cb.areas[r.target].id);
    cols.push(group(scores));
    cols.extend(n_mean_sd(cb));
    cols.extend(ci());
    cols.extend([
        column(MEDIAN, |r: &Row| r.median().into()),
        column(PCT_AGREE.against(share_thresholds(cb)), |r: &Row| {
            r.pct_agree().into()
        }),
    ]);
    cols.extend(counts(cb));
    cols.extend([
        suppressed(),
        column(S_CVI_AVE, |r: &Row| r.s_cvi.map(|s| s.0).into()),
        column(S_CVI_UA, |r: &Row| r.s_cvi.map(|s| s.1).into()),
    ]);
    if cb.weights.is_some() {
        cols.push(n_eff());
    }
    let mut t = Table::of("area_scores", cols, &scores.areas);
    t.note = weights_note(cb);
    t
}

/// `item_scores`: docs/reference.md's columns, then the panel statistics, then
/// `reversed` when some item is reverse-keyed, then the weighted columns.
pub fn item_scores(cb: &Codebook, scores: &Scores) -> Table {
    let item = |r: &ScoreRow| &cb.items[r.target];
    let mut cols = head(cb, ITEM, move |r| &item(r).id);
    cols.extend([
        column(AREA, move |r: &Row| {
            cb.areas[item(r).area].id.as_str().into()
        }),
        column(DIMENSION, move |r: &Row| {
            item(r).dimension.as_deref().unwrap_or("").into()
        }),
        group(scores),
    ]);
    cols.extend(n_mean_sd(cb));
    cols.extend([
        column(MEDIAN, |r: &Row| r.median().into()),
        column(PCT_AGREE.against(share_thresholds(cb)), |r: &Row| {
            r.pct_agree().into()
        }),
        column(KAPPA_STAR, |r: &Row| r.kappa_star.into()),
    ]);
    cols.extend(counts(cb));
    cols.extend(decision(scores));
    cols.extend(panel(cb.rules.consensus_max_iqr));
    if cb.items.iter().any(|i| i.reverse) {
        cols.push(column(REVERSED, move |r: &Row| {
            Value::Flag(item(r).reverse)
        }));
    }
    if cb.weights.is_some() {
        cols.push(n_eff());
        cols.extend(ci());
    }
    let mut t = Table::of("item_scores", cols, &scores.items);
    t.note = weights_note(cb);
    t
}

/// `decision, suppressed, contested, rule`.
fn decision<'a>(scores: &'a Scores) -> [Column<'a, Row<'a>>; 4] {
    [
        column(DECISION, |r: &Row| {
            r.decision
                .map_or(Value::Empty, |d| Value::Text(d.0.to_string()))
        }),
        suppressed(),
        column(CONTESTED, |r: &Row| contested(scores, r)),
        column(RULE, |r: &Row| {
            r.decision.map_or(Value::Empty, |d| d.1.text().into())
        }),
    ]
}

/// The `contested` cell: the groups, `;`-separated, or empty.
fn contested(scores: &Scores, r: &ScoreRow) -> Value {
    if r.contested.is_empty() {
        return Value::Empty;
    }
    let names: Vec<&str> = r.contested.iter().map(|g| scores.group_name(*g)).collect();
    names.join(";").as_str().into()
}

/// `aiken_v .. consensus` of an item row, empty when suppressed or unrated.
fn panel<'a>(iqr_max: f64) -> [Column<'a, Row<'a>>; 7] {
    fn of(get: impl Fn(&Panel) -> Value + 'static) -> impl Fn(&Row) -> Value {
        move |r: &Row| r.panel.as_ref().map_or(Value::Empty, &get)
    }
    [
        column(AIKEN_V, of(|p| Value::Num(p.aiken_v))),
        column(AIKEN_CI_LOW, of(|p| p.aiken_ci.map(|c| c.0).into())),
        column(AIKEN_CI_HIGH, of(|p| p.aiken_ci.map(|c| c.1).into())),
        column(CVR, of(|p| p.cvr.into())),
        column(CVR_CRITICAL, of(|p| p.cvr_critical.into())),
        column(IQR.against(vec![iqr_max]), of(|p| Value::Num(p.iqr))),
        column(
            CONSENSUS,
            of(|p| (if p.consensus { "yes" } else { "no" }).into()),
        ),
    ]
}

pub fn reliability(cb: &Codebook, scores: &Scores) -> Table {
    type R<'a> = &'a ReliabilityRow;
    Table::of(
        "reliability",
        vec![
            column(MEASURE, |r: &R| cb.measures[r.measure].id.as_str().into()),
            column(AREA, |r: &R| cb.areas[r.area].id.as_str().into()),
            column(K_ITEMS, |r: &R| Value::Int(r.k_items as u64)),
            column(N_COMPLETE, |r: &R| Value::Int(r.n_complete as u64)),
            column(ALPHA, |r: &R| r.alpha.into()),
            column(ALPHA_STD, |r: &R| r.alpha_std.into()),
            column(ALPHA_CI_LOW, |r: &R| r.alpha_ci.map(|c| c.0).into()),
            column(ALPHA_CI_HIGH, |r: &R| r.alpha_ci.map(|c| c.1).into()),
            column(OMEGA, |r: &R| r.omega.into()),
        ],
        &scores.reliability,
    )
}

pub fn item_reliability(cb: &Codebook, scores: &Scores) -> Table {
    type R<'a> = &'a ItemReliabilityRow;
    Table::of(
        "item_reliability",
        vec![
            column(MEASURE, |r: &R| cb.measures[r.measure].id.as_str().into()),
            column(AREA, |r: &R| cb.areas[r.area].id.as_str().into()),
            column(ITEM, |r: &R| cb.items[r.item].id.as_str().into()),
            column(ITEM_REST_R, |r: &R| r.item_rest_r.into()),
            column(ALPHA_IF_DELETED, |r: &R| r.alpha_if_deleted.into()),
        ],
        &scores.item_reliability,
    )
}

pub fn group_tests(cb: &Codebook, scores: &Scores) -> Table {
    type R<'a> = &'a GroupTestRow;
    let groups = |r: &R| {
        let names: Vec<&str> = r.groups.iter().map(|g| scores.group_name(*g)).collect();
        names.join(";").as_str().into()
    };
    Table::of(
        "group_tests",
        vec![
            column(MEASURE, |r: &R| cb.measures[r.measure].id.as_str().into()),
            column(AREA, |r: &R| cb.areas[r.area].id.as_str().into()),
            column(GROUPS, groups),
            column(H, |r: &R| r.h.into()),
            column(DF, |r: &R| {
                r.df.map_or(Value::Empty, |d| Value::Int(d as u64))
            }),
            column(P, |r: &R| r.p.into()),
            column(P_HOLM, |r: &R| r.p_holm.into()),
            column(EPSILON_SQ, |r: &R| r.epsilon_sq.into()),
        ],
        &scores.group_tests,
    )
}
