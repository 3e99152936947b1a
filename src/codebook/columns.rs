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

use super::check::Checker;
use super::error::CodebookError;
use super::model::Round;
use super::raw::RawColumn;
use super::Codebook;

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

    /// Every name the slot has in any round (for `[recode."X"]`).
    pub(super) fn names<'a>(&'a self, slot: Slot, study_name: &'a str) -> Vec<&'a str> {
        match self.0.get(&slot) {
            Some(table) => table.values().map(String::as_str).collect(),
            None => vec![study_name],
        }
    }
}

impl Checker {
    /// A column reference at `key`: its study-wide name (for a table, the
    /// name in the first round, in `[[rounds]]` order, that has it) and,
    /// for a table, its entries remembered under `slot`. With `every_round`
    /// a table must name a column for each round.
    pub(super) fn column(
        &self,
        key: &str,
        raw: RawColumn,
        slot: Slot,
        rounds: &[Round],
        every_round: bool,
    ) -> Result<String, CodebookError> {
        let table = match raw {
            RawColumn::Same(name) => return self.column_name(key, name),
            RawColumn::PerRound(table) => table,
        };
        let known: Vec<&str> = rounds.iter().map(|r| r.id.as_str()).collect();
        for (round, name) in &table {
            if !known.contains(&round.as_str()) {
                return Err(self.err(
                    format!("{key}.{round}"),
                    format!("round {round:?} is not defined in [[rounds]]"),
                    format!("use one of: {}", known.join(", ")),
                ));
            }
            self.column_name(&format!("{key}.{round}"), name.clone())?;
        }
        if let Some(r) = known.iter().find(|r| every_round && !table.contains_key(**r)) {
            return Err(self.err(
                key,
                format!("names no column for round {r:?}"),
                format!("every round needs this column: add {r} = \"<its column>\""),
            ));
        }
        let first = (known.iter())
            .find_map(|r| table.get(*r))
            .cloned()
            .ok_or_else(|| {
                self.err(
                    key,
                    "the table names no round",
                    "give the column per round, e.g. { ronde-1 = \"Q3_1\", ronde-2 = \"likert[Q3_1]\" }",
                )
            })?;
        self.per_round.borrow_mut().0.insert(slot, table);
        Ok(first)
    }

    fn column_name(&self, key: &str, name: String) -> Result<String, CodebookError> {
        if name.trim().is_empty() {
            return Err(self.err(
                key,
                "is empty",
                "name the export column that holds it (leave [respondents] id out for an anonymous survey)",
            ));
        }
        Ok(name)
    }
}

impl Codebook {
    /// Every column reference resolved to `round`'s name; references the
    /// round does not have dropped (items asked in no measure with them).
    pub(super) fn resolve_columns(&mut self, round: &str) {
        let pr = std::mem::take(&mut self.per_round);
        let rc = &mut self.respondents;
        let study_names = (rc.id.clone(), rc.institution.clone());
        rc.id = study_names.0.and_then(|n| pr.name_in(Slot::Id, round, &n));
        rc.institution = (study_names.1).and_then(|n| pr.name_in(Slot::Institution, round, &n));
        // Group and weight columns exist in every round (checked).
        rc.group = pr.name_in(Slot::Group, round, &rc.group).unwrap_or_default();
        self.resolve_recodes(&pr, round);
        let breakdowns = std::mem::take(&mut self.respondents.breakdowns);
        self.respondents.breakdowns = (breakdowns.into_iter().enumerate())
            .filter_map(|(i, mut b)| {
                b.column = pr.name_in(Slot::Breakdown(i), round, &b.column)?;
                Some(b)
            })
            .collect();
        for (i, item) in self.items.iter_mut().enumerate() {
            let columns = std::mem::take(&mut item.columns);
            item.columns = (columns.into_iter())
                .filter_map(|(m, name)| Some((m, pr.name_in(Slot::Item(i, m), round, &name)?)))
                .collect();
        }
        let comments = std::mem::take(&mut self.comments);
        self.comments = (comments.into_iter().enumerate())
            .filter_map(|(i, mut c)| {
                c.column = pr.name_in(Slot::Comment(i), round, &c.column)?;
                Some(c)
            })
            .collect();
        if let Some(super::Weights::Column(c)) = &mut self.weights {
            *c = pr.name_in(Slot::Weight, round, c).unwrap_or_default();
        }
    }

    /// Each recode follows the reference one of whose names it gives, under
    /// that reference's name in `round`; dropped where the round lacks it.
    fn resolve_recodes(&mut self, pr: &PerRound, round: &str) {
        let recodes = std::mem::take(&mut self.respondents.recodes);
        let references = self.recodable(pr);
        self.respondents.recodes = (recodes.into_iter())
            .filter_map(|mut r| {
                let (slot, study_name, _) = (references.iter())
                    .find(|(_, _, names)| names.contains(&r.column))?;
                r.column = pr.name_in(*slot, round, study_name)?;
                Some(r)
            })
            .collect();
    }

    /// The references a recode may name: (slot, study-wide name, every name).
    pub(super) fn recodable(&self, pr: &PerRound) -> Vec<(Slot, String, Vec<String>)> {
        let rc = &self.respondents;
        let fixed = [(Slot::Group, Some(&rc.group)), (Slot::Institution, rc.institution.as_ref())];
        let breakdowns = (rc.breakdowns.iter().enumerate()).map(|(i, b)| (Slot::Breakdown(i), Some(&b.column)));
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
}
