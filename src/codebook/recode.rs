//! The `[recode."column"]` check: each table names a group, institution or
//! breakdown column (under any of its names, in any round), and no value
//! is listed twice (as values are matched: case and spacing ignored).
//!
//! Owns the rules of the block only; it must not apply a recode (that is
//! `ingest`, before any row check) nor say what was merged (`Recode::merged`).

use std::collections::{BTreeMap, HashMap};

use super::check::Checker;
use super::columns::recodable;
use super::error::CodebookError;
use super::model::{Recode, RespondentColumns};
use super::normalize::normalize_cell;

impl Checker {
    /// The recodes of `raw`, each under its column as written, in file
    /// order, for the study's respondent columns `rc`.
    pub(super) fn recodes(
        &self,
        raw: BTreeMap<String, BTreeMap<String, String>>,
        rc: &RespondentColumns,
    ) -> Result<Vec<Recode>, CodebookError> {
        let references = recodable(&self.per_round.borrow(), rc);
        let mut claimed: HashMap<String, String> = HashMap::new();
        let mut out = Vec::with_capacity(raw.len());
        for (column, values) in raw {
            let key = format!("[recode.{column:?}]");
            let Some((_, study_name, _)) =
                (references.iter()).find(|(_, _, names)| names.contains(&column))
            else {
                let known: Vec<&str> = references
                    .iter()
                    .flat_map(|(_, _, n)| n.iter().map(String::as_str))
                    .collect();
                return Err(self.err(
                    key,
                    "names no group, institution or breakdowns column of [respondents]",
                    format!("recode one of: {}", known.join(", ")),
                ));
            };
            if let Some(first) = claimed.insert(study_name.clone(), column.clone()) {
                return Err(self.err(
                    key,
                    format!("recodes the same column as [recode.{first:?}]"),
                    "give every column one [recode] table",
                ));
            }
            let mut seen: HashMap<String, &String> = HashMap::new();
            for (from, to) in &values {
                if normalize_cell(to).is_empty() {
                    return Err(self.err(
                        format!("{key} {from:?}"),
                        "is recoded into an empty value",
                        "give the value it is read as, e.g. \"overig\"",
                    ));
                }
                if let Some(other) = seen.insert(normalize_cell(from), from) {
                    return Err(self.err(
                        format!("{key} {from:?}"),
                        format!("is the same value as {other:?} (case and spacing are ignored)"),
                        "list every value once",
                    ));
                }
            }
            out.push(Recode::new(column.clone(), values.into_iter().collect()));
        }
        Ok(out)
    }
}
