//! A column per round (contract, "A column per round"): every column
//! reference of study.toml may be a table from round id to column name.
//!
//! Owns the check of such a reference (known rounds, non-empty names, a
//! column for every round where one is required) and the resolution of a
//! study's references into one round's names (`Codebook::for_round`): a
//! reference a round leaves out is dropped from that round's view (an item
//! measure, an item asked in no measure, a comment column, a breakdown, the
//! institution or the id). It must not read the exports.

use std::collections::BTreeMap;

use super::model::{CommentColumn, Item, RespondentColumns, Weights};

/// Where a column reference sits in study.toml; indices are the study's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Slot {
    Id,
    Group,
    Institution,
    Breakdown(usize),
    /// (item, measure).
    Item(usize, usize),
    Comment(usize),
    Weight,
}

/// The references that name a column per round: slot -> round id -> name.
#[derive(Debug, Clone, Default)]
pub struct PerRound(BTreeMap<Slot, BTreeMap<String, String>>);

impl PerRound {
    /// The slot's column in `round`: its table's entry, or `study_name`
    /// when the slot names one column for every round.
    fn name_in(&self, slot: Slot, round: &str, study_name: &str) -> Option<String> {
        match self.0.get(&slot) {
            Some(table) => table.get(round).cloned(),
            None => Some(study_name.to_string()),
        }
    }

    /// Remembers a reference's table (checked by `Checker::column`).
    pub(super) fn insert(&mut self, slot: Slot, table: BTreeMap<String, String>) {
        self.0.insert(slot, table);
    }

    /// Every name the slot has in any round (for `[recode."X"]`).
    pub(super) fn names<'a>(&'a self, slot: Slot, study_name: &'a str) -> Vec<&'a str> {
        match self.0.get(&slot) {
            Some(table) => table.values().map(String::as_str).collect(),
            None => vec![study_name],
        }
    }
}

/// The parts of a codebook that name export columns, as `for_round`
/// resolves them.
pub(super) struct Columns<'a> {
    pub respondents: &'a mut RespondentColumns,
    pub items: &'a mut [Item],
    pub comments: &'a mut Vec<CommentColumn>,
    pub weights: &'a mut Option<Weights>,
}

/// Every column reference resolved to `round`'s name; references the round
/// does not have dropped (an item's measure; `for_round` then drops items
/// asked in no measure).
pub(super) fn resolve(pr: &PerRound, round: &str, cols: Columns) {
    let rc = cols.respondents;
    rc.id = rc.id.take().and_then(|n| pr.name_in(Slot::Id, round, &n));
    rc.institution = (rc.institution.take()).and_then(|n| pr.name_in(Slot::Institution, round, &n));
    resolve_recodes(pr, round, rc);
    // Group and weight columns exist in every round (checked).
    rc.group = pr
        .name_in(Slot::Group, round, &rc.group)
        .unwrap_or_default();
    let breakdowns = std::mem::take(&mut rc.breakdowns);
    rc.breakdowns = (breakdowns.into_iter().enumerate())
        .filter_map(|(i, mut b)| {
            b.column = pr.name_in(Slot::Breakdown(i), round, &b.column)?;
            Some(b)
        })
        .collect();
    for (i, item) in cols.items.iter_mut().enumerate() {
        let columns = std::mem::take(&mut item.columns);
        item.columns = (columns.into_iter())
            .filter_map(|(m, name)| Some((m, pr.name_in(Slot::Item(i, m), round, &name)?)))
            .collect();
    }
    let comments = std::mem::take(cols.comments);
    *cols.comments = (comments.into_iter().enumerate())
        .filter_map(|(i, mut c)| {
            c.column = pr.name_in(Slot::Comment(i), round, &c.column)?;
            Some(c)
        })
        .collect();
    if let Some(Weights::Column(c)) = cols.weights {
        *c = pr.name_in(Slot::Weight, round, c).unwrap_or_default();
    }
}

/// Each recode follows the reference one of whose names it gives, under
/// that reference's name in `round`; dropped where the round lacks it.
/// Before the references are resolved: it needs the study's names.
fn resolve_recodes(pr: &PerRound, round: &str, rc: &mut RespondentColumns) {
    let references = recodable(pr, rc);
    let recodes = std::mem::take(&mut rc.recodes);
    rc.recodes = (recodes.into_iter())
        .filter_map(|mut r| {
            let (slot, study_name, _) =
                (references.iter()).find(|(_, _, names)| names.contains(&r.column))?;
            r.column = pr.name_in(*slot, round, study_name)?;
            Some(r)
        })
        .collect();
}

/// The references a recode may name: (slot, study-wide name, every name).
pub(super) fn recodable(pr: &PerRound, rc: &RespondentColumns) -> Vec<(Slot, String, Vec<String>)> {
    let fixed = [
        (Slot::Group, Some(&rc.group)),
        (Slot::Institution, rc.institution.as_ref()),
    ];
    let breakdowns =
        (rc.breakdowns.iter().enumerate()).map(|(i, b)| (Slot::Breakdown(i), Some(&b.column)));
    fixed
        .into_iter()
        .chain(breakdowns)
        .filter_map(|(slot, name)| {
            let name = name?;
            let names = pr.names(slot, name).into_iter().map(String::from).collect();
            Some((slot, name.clone(), names))
        })
        .collect()
}
