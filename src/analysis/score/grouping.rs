//! Which group each respondent counts in: the stakeholder group, or the
//! value of one `[respondents] breakdowns` column.
//!
//! Owns the one view every scoring pass takes its groups from, so that a
//! breakdown is scored by the same code as the stakeholder groups. A
//! respondent in group 0 (no value in a breakdown column) counts in `ALL`
//! but in no group: a breakdown's `ALL` is the round's, so that subtracting
//! one from the other gives back nobody, and `ALL` minus the groups (those
//! respondents) is protected like a hidden group (`rows::hidden_groups`).
//! Types only: it must not count anything.

use crate::ingest::{BreakdownValues, Ingested};

/// Group names in display order and each respondent's 1-based group.
#[derive(Clone, Copy)]
pub struct Grouping<'a> {
    /// Group `g` is `names[g - 1]`.
    pub names: &'a [String],
    /// Per respondent, in respondent order; 0: in no group (in `ALL` only).
    pub of: &'a [u32],
}

impl<'a> Grouping<'a> {
    /// The stakeholder groups; `of` holds each respondent's group.
    pub fn stakeholders(data: &'a Ingested, of: &'a [u32]) -> Grouping<'a> {
        Grouping {
            names: &data.groups,
            of,
        }
    }

    pub fn breakdown(b: &'a BreakdownValues) -> Grouping<'a> {
        Grouping {
            names: &b.values,
            of: &b.of,
        }
    }

    /// The number of groups, `ALL` not counted.
    pub fn len(&self) -> usize {
        self.names.len()
    }
}
