//! The `[respondents] breakdowns` columns: each used respondent's value in
//! every breakdown column, as an index into that column's values.
//!
//! Owns how a breakdown cell becomes a value (compared like groups: case-
//! and whitespace-insensitively, shown as first written, in order of first
//! appearance) and the ledger entry of a respondent without one, who is left
//! out of that breakdown only. Shared by `wide` and `long`, which call it
//! for used rows only; it must not exclude a row or read a file.

use std::collections::HashMap;

use polars::prelude::PlHashMap;

use super::frame::RespondentPos;
use super::ingested::BreakdownValues;
use super::pending::Pending;
use super::rows::recoded;
use crate::codebook::{normalize_cell, Breakdown, Codebook, Recode};
use crate::ledger::{shorten, Reason};

/// Reads one breakdown column, one used respondent at a time.
pub(super) struct BreakdownReader {
    /// Position of the column in the header.
    pub pos: usize,
    out: BreakdownValues,
    /// Normalized text -> value.
    index: HashMap<String, u32>,
    /// Cell text as written -> value: a handful of texts over a million
    /// rows, looked up once per row (with a fast hash: the key is no secret).
    seen: PlHashMap<String, u32>,
    /// The column's `[recode]`, applied before anything else.
    recode: Option<Recode>,
}

/// A reader per breakdown column, in codebook order.
pub(super) fn readers(cb: &Codebook, at: &RespondentPos) -> Vec<BreakdownReader> {
    cb.respondents
        .breakdowns
        .iter()
        .zip(&at.breakdowns)
        .map(|(b, pos)| {
            let recode = cb.respondents.recode_of(&b.column).cloned();
            BreakdownReader::new(b, *pos, recode)
        })
        .collect()
}

impl BreakdownReader {
    pub fn new(b: &Breakdown, pos: usize, recode: Option<Recode>) -> BreakdownReader {
        BreakdownReader {
            pos,
            out: BreakdownValues {
                column: b.column.clone(),
                slug: b.slug.clone(),
                values: Vec::new(),
                of: Vec::new(),
            },
            index: HashMap::new(),
            seen: PlHashMap::default(),
            recode,
        }
    }

    /// Records the next used respondent's cell (data row `row`, read
    /// through the file's value labels); a cell without a value gives the
    /// ledger entry to keep.
    pub fn push(&mut self, row: usize, cell: Option<&str>) -> Option<Pending> {
        let written = cell.unwrap_or("");
        if let Some(v) = self.seen.get(written) {
            self.out.of.push(*v);
            return None;
        }
        let raw = recoded(self.recode.as_ref(), cell).unwrap_or("");
        let key = normalize_cell(raw);
        // `ALL` is the row for everyone: a value of that name would hide it.
        if key.is_empty() || key == "all" {
            self.out.of.push(0);
            let value = (!key.is_empty()).then(|| shorten(raw));
            let column = self.out.column.clone();
            return Some(Pending::new(
                row,
                self.pos,
                Reason::NoBreakdownValue,
                column,
                value,
            ));
        }
        let next = self.out.values.len() as u32 + 1;
        let v = *self.index.entry(key).or_insert(next);
        if v == next {
            let shown = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            self.out.values.push(shown);
        }
        self.seen.insert(written.to_string(), v);
        self.out.of.push(v);
        None
    }

    pub fn finish(self) -> BreakdownValues {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_follow_first_appearance_and_empty_cells_are_ledgered() {
        let b = Breakdown {
            column: "Functie".into(),
            slug: "functie".into(),
        };
        let mut r = BreakdownReader::new(&b, 3, None);
        assert!(r.push(0, Some(" Docent ")).is_none());
        assert!(r.push(1, Some("staf")).is_none());
        assert!(r.push(2, Some("DOCENT")).is_none());
        let empty = r.push(3, Some("  ")).expect("an empty cell is ledgered");
        assert_eq!(empty.row, 3);
        assert_eq!(empty.entry.reason, Reason::NoBreakdownValue);
        assert_eq!(empty.entry.column.as_deref(), Some("Functie"));
        assert_eq!(empty.entry.value, None);
        let all = r.push(4, Some("All")).expect("ALL is no value");
        assert_eq!(all.entry.value.as_deref(), Some("All"));
        assert!(r.push(5, None).is_some());
        let v = r.finish();
        assert_eq!(v.values, ["Docent", "staf"]);
        assert_eq!(v.of, [1, 2, 1, 0, 0, 0]);
    }
}
