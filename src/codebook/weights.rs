//! The `[weights]` check: one of the two forms of docs/reference.md (a weight
//! column, or post-stratification of the stakeholder groups to shares that
//! sum to 1, or "equal"), every mistake a configuration error naming the key.
//!
//! Owns the rules of the block only. It must not read the export (a weight
//! column missing from it, or a bad weight in a row, is `ingest`'s) nor
//! compute a weight (that is `score`).

use std::collections::BTreeMap;

use super::check::Checker;
use super::columns::Slot;
use super::error::CodebookError;
use super::model::{Round, Weights};
use super::normalize::normalize_cell;
use super::raw::{RawColumn, RawShares, RawWeights};

/// Shares must sum to 1 within this.
const SUM_TOLERANCE: f64 = 1e-9;

const FORMS: &str = "write either column = \"<weight column>\" or by = \"group\" with shares = { <group> = <share>, ... } or shares = \"equal\"";

impl Checker {
    pub(super) fn weights(
        &self,
        raw: Option<RawWeights>,
        rounds: &[Round],
    ) -> Result<Option<Weights>, CodebookError> {
        let Some(raw) = raw else { return Ok(None) };
        match (raw.column, raw.by, raw.shares) {
            (Some(RawColumn::Same(c)), None, None) if c.trim().is_empty() => {
                Err(self.err("[weights] column", "the column name is empty", FORMS))
            }
            (Some(c), None, None) => {
                let column = self.column("[weights] column", c, Slot::Weight, rounds, true)?;
                Ok(Some(Weights::Column(column)))
            }
            (Some(_), _, _) => Err(self.err(
                "[weights]",
                "both forms at once: a weight column and post-stratification",
                FORMS,
            )),
            (None, Some(by), shares) => {
                if by != "group" {
                    return Err(self.err(
                        "[weights] by",
                        format!("{by:?}: only the stakeholder group can be post-stratified"),
                        "write by = \"group\"",
                    ));
                }
                let shares = shares.ok_or_else(|| {
                    self.err(
                        "[weights] shares",
                        "missing",
                        "add shares = \"equal\" or a share per group",
                    )
                })?;
                self.shares(shares).map(|s| Some(Weights::Groups(s)))
            }
            (None, None, _) => {
                Err(self.err("[weights]", "neither a column nor by = \"group\"", FORMS))
            }
        }
    }

    /// `shares`: "equal", or a share above 0 per group, the groups named
    /// once each (as groups are matched), summing to 1. Whether they are
    /// the groups of the data is known only once it is read (`ingest`).
    fn shares(&self, shares: RawShares) -> Result<Option<Vec<(String, f64)>>, CodebookError> {
        let table = match shares {
            RawShares::Word(w) if w.trim().eq_ignore_ascii_case("equal") => return Ok(None),
            RawShares::Word(w) => {
                return Err(self.err(
                    "[weights] shares",
                    format!("{w:?} is neither \"equal\" nor a table of shares"),
                    "write shares = \"equal\" or shares = { <group> = <share>, ... }",
                ))
            }
            RawShares::Table(t) => t,
        };
        let mut seen: BTreeMap<String, &String> = BTreeMap::new();
        for (name, share) in &table {
            let key = format!("[weights] shares.{name}");
            let n = normalize_cell(name);
            if n.is_empty() || n == "all" {
                return Err(self.err(key, "cannot be a group name", "name the stakeholder groups"));
            }
            if let Some(first) = seen.insert(n, name) {
                return Err(self.err(
                    key,
                    format!("is the same group as {first:?} (case and spacing are ignored)"),
                    "give every group one share",
                ));
            }
            if !(share.is_finite() && *share > 0.0) {
                return Err(self.err(
                    key,
                    format!("{share} is not a share above 0"),
                    "give every group a share above 0, e.g. 0.25",
                ));
            }
        }
        let sum: f64 = table.values().sum();
        if (sum - 1.0).abs() > SUM_TOLERANCE {
            return Err(self.err(
                "[weights] shares",
                format!("the shares sum to {sum}, not 1"),
                "make the shares add up to 1, e.g. 0.30 + 0.45 + 0.25",
            ));
        }
        Ok(Some(table.into_iter().collect()))
    }
}
