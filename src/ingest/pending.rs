//! What the questionnaire readers set aside, until the ledger gets it.
//!
//! Owns the ledger entries of excluded rows and invalid cells while their
//! line is known only as a data-row index ([`Pending`]), giving them their
//! physical line at the end, the column and value a row exclusion is listed
//! with (never the id: the ledger is an output), and the error when no row
//! at all was usable. Shared by `wide` and `long`; it must not decide what
//! is excluded: that is `rows` and `cell`.

use std::collections::BTreeMap;

use super::error::IngestError;
use super::frame::RespondentPos;
use super::header::Header;
use super::text::Records;
use crate::ledger::{shorten, Entry, Reason};

/// A ledger entry whose line is known only as a data-row index yet.
pub(super) struct Pending {
    pub row: usize,
    pub entry: Entry,
}

impl Pending {
    pub fn new(
        row: usize,
        column_index: usize,
        reason: Reason,
        column: String,
        value: Option<String>,
    ) -> Pending {
        Pending {
            row,
            entry: Entry {
                line: 0,
                column_index,
                reason,
                column: Some(column),
                value,
            },
        }
    }
}

/// The column and value a row exclusion is listed with, given the row's
/// group and weight cells: never the id itself, for the ledger is an output.
pub(super) fn excluded_at(
    reason: Reason,
    header: &Header,
    at: &RespondentPos,
    (group, weight): (Option<&str>, Option<&str>),
) -> (String, Option<String>) {
    match (reason, at.weight) {
        (Reason::EmptyGroup, _) => (header.names[at.group].clone(), None),
        (Reason::UnknownGroup | Reason::ReservedGroup, _) => {
            (header.names[at.group].clone(), group.map(shorten))
        }
        (Reason::BadWeight, Some(w)) => (header.names[w].clone(), weight.map(shorten)),
        // Never the id's value; an anonymous row is named by its line only.
        _ => (header.names[at.id.unwrap_or(at.group)].clone(), None),
    }
}

/// Why no row was usable: the reasons counted, with the column they concern.
pub(super) fn no_rows(file: &str, rows: usize, pending: &[Pending]) -> IngestError {
    let mut counts: BTreeMap<(Reason, Option<&str>), usize> = Default::default();
    for p in pending {
        *counts
            .entry((p.entry.reason, p.entry.column.as_deref()))
            .or_default() += 1;
    }
    let reasons: Vec<String> = counts
        .into_iter()
        .map(|((r, c), n)| match c {
            Some(c) => format!("{r} in column {c:?}: {n}"),
            None => format!("{r}: {n}"),
        })
        .collect();
    IngestError::NoRows {
        file: file.to_string(),
        problem: format!(
            "{rows} data rows read, none passed the row checks ({})",
            reasons.join("; ")
        ),
    }
}

/// Gives pending entries their physical line.
pub(super) fn with_lines(
    records: &Records,
    header_rows: usize,
    pending: Vec<Pending>,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = pending
        .into_iter()
        .map(|p| Entry {
            line: records.lines.get(header_rows + p.row).copied().unwrap_or(0),
            ..p.entry
        })
        .collect();
    entries.sort();
    entries
}
