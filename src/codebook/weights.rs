//! The `[weights]` check: one of the two forms of docs/reference.md (a weight
//! column, or post-stratification of the stakeholder groups to shares that
//! sum to 1, or "equal"), every mistake a configuration error naming the key.
//!
//! Owns the rules of the block only. It must not read the export (a weight
//! column missing from it, or a bad weight in a row, is `ingest`'s) nor
//! compute a weight (that is `score`).

use std::collections::BTreeMap;

use super::check::Checker;
use super::error::CodebookError;
use super::model::{RespondentColumns, Weights};
use super::normalize::normalize_cell;
use super::raw::{RawShares, RawWeights};

/// Shares must sum to 1 within this.
const SUM_TOLERANCE: f64 = 1e-9;

const FORMS: &str = "write either column = \"<weight column>\" or by = \"group\" with shares = { <group> = <share>, ... } or shares = \"equal\"";

impl Checker {
    pub(super) fn weights(
        &self,
        raw: Option<RawWeights>,
        respondents: &RespondentColumns,
    ) -> Result<Option<Weights>, CodebookError> {
        let Some(raw) = raw else { return Ok(None) };
        match (raw.column, raw.by, raw.shares) {
            (Some(c), None, None) if !c.trim().is_empty() => Ok(Some(Weights::Column(c))),
            (Some(_), None, None) => {
                Err(self.err("[weights] column", "the column name is empty", FORMS))
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
                self.shares(shares, respondents)
                    .map(|s| Some(Weights::Groups(s)))
            }
            (None, None, _) => {
                Err(self.err("[weights]", "neither a column nor by = \"group\"", FORMS))
            }
        }
    }

    /// `shares`: "equal", or one share per group of `[respondents] groups`,
    /// each above 0, summing to 1.
    fn shares(
        &self,
        shares: RawShares,
        respondents: &RespondentColumns,
    ) -> Result<Option<Vec<f64>>, CodebookError> {
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
        let groups = respondents.groups.as_ref().ok_or_else(|| {
            self.err(
                "[weights] shares",
                "shares per group need the list of groups",
                "list the groups in [respondents] groups, or write shares = \"equal\"",
            )
        })?;
        let by_name: BTreeMap<String, (&String, f64)> = table
            .iter()
            .map(|(g, s)| (normalize_cell(g), (g, *s)))
            .collect();
        for (key, (name, share)) in &by_name {
            if !groups.iter().any(|g| normalize_cell(g) == *key) {
                return Err(self.err(
                    format!("[weights] shares.{name}"),
                    "not a group of [respondents] groups",
                    format!("use one of: {}", groups.join(", ")),
                ));
            }
            if !(share.is_finite() && *share > 0.0) {
                return Err(self.err(
                    format!("[weights] shares.{name}"),
                    format!("{share} is not a share above 0"),
                    "give every group a share above 0, e.g. 0.25",
                ));
            }
        }
        let out = groups
            .iter()
            .map(|g| {
                by_name.get(&normalize_cell(g)).map(|s| s.1).ok_or_else(|| {
                    self.err(
                        "[weights] shares",
                        format!("group {g:?} has no share"),
                        "give every group of [respondents] groups a share",
                    )
                })
            })
            .collect::<Result<Vec<f64>, _>>()?;
        let sum: f64 = out.iter().sum();
        if (sum - 1.0).abs() > SUM_TOLERANCE {
            return Err(self.err(
                "[weights] shares",
                format!("the shares sum to {sum}, not 1"),
                "make the shares add up to 1, e.g. 0.30 + 0.45 + 0.25",
            ));
        }
        Ok(Some(out))
    }
}
