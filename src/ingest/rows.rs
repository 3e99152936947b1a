//! The README's row checks, in its order: empty id, duplicate id, empty
//! group, group outside `[respondents] groups` (or `[consultation] groups`
//! for the notes). Without an id column there is no id check: every row is
//! its own respondent.
//!
//! Shared by the wide and long readers so both exclude rows for the same
//! reasons (the notes use its group check). Holds ids only while a file is
//! read; they never leave this module, only their [`panel_key`] hashes do.
//! It imports no other file of `ingest` and must not know where a row came
//! from: lines are the readers' concern.

use std::collections::HashMap;

use polars::prelude::PlHashSet;

use crate::codebook::{normalize_cell, Recode, RespondentColumns};
use crate::ledger::Reason;

/// Assigns groups their display index and remembers which ids were claimed.
pub struct RowChecker {
    /// Normalized name -> 1-based index.
    index: HashMap<String, u32>,
    /// Display names, in display order.
    names: Vec<String>,
    /// Fixed list from the codebook, or open (first appearance).
    fixed: bool,
    /// A fast (non-cryptographic) hash: a million ids are checked per file.
    seen_ids: PlHashSet<Box<str>>,
    /// The last id claimed, while every id so far is a whole number above
    /// the one before (row numbers, not people); `None` once one is not.
    row_numbers: Option<Option<i64>>,
}

impl RowChecker {
    /// The questionnaire's checks: `[respondents] groups`.
    pub fn new(respondents: &RespondentColumns) -> RowChecker {
        RowChecker::with_groups(respondents.groups.as_deref())
    }

    /// Checks against a fixed list of groups (in display order), or any
    /// group in order of first appearance.
    pub fn with_groups(groups: Option<&[String]>) -> RowChecker {
        let names = groups.map(<[String]>::to_vec).unwrap_or_default();
        let index = names
            .iter()
            .enumerate()
            .map(|(i, g)| (normalize_cell(g), i as u32 + 1))
            .collect();
        RowChecker {
            index,
            names,
            fixed: groups.is_some(),
            seen_ids: PlHashSet::default(),
            row_numbers: Some(None),
        }
    }

    /// Whether at least two ids were claimed and all of them are whole
    /// numbers rising row by row: what a survey tool writes as its row
    /// number, which says nothing about who answered.
    pub fn ids_look_like_row_numbers(&self) -> bool {
        self.seen_ids.len() >= 2 && self.row_numbers.is_some()
    }

    fn note_id(&mut self, id: &str) {
        if let Some(last) = self.row_numbers {
            self.row_numbers = match id.parse::<i64>() {
                Ok(n) if last.is_none_or(|l| n > l) => Some(Some(n)),
                _ => None,
            };
        }
    }

    /// Checks the id: empty, or already claimed by an earlier row (which
    /// claims it even if that row is excluded later). Gives the id's
    /// [`panel_key`].
    pub fn check_id(&mut self, id: Option<&str>) -> Result<PanelKey, Reason> {
        let id = id.map(str::trim).unwrap_or("");
        if id.is_empty() {
            return Err(Reason::EmptyId);
        }
        if !self.seen_ids.insert(id.into()) {
            return Err(Reason::DuplicateId);
        }
        self.note_id(id);
        Ok(panel_key(id))
    }

    /// The group's 1-based display index.
    pub fn check_group(&mut self, group: Option<&str>) -> Result<u32, Reason> {
        let key = normalize_cell(group.unwrap_or(""));
        if key.is_empty() {
            return Err(Reason::EmptyGroup);
        }
        if let Some(g) = self.index.get(&key) {
            return Ok(*g);
        }
        // `ALL` is the row for everyone; a group of that name would hide it.
        if key == "all" {
            return Err(Reason::ReservedGroup);
        }
        if self.fixed {
            return Err(Reason::UnknownGroup);
        }
        let display = group
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.names.push(display);
        let g = self.names.len() as u32;
        self.index.insert(key, g);
        Ok(g)
    }

    pub fn into_groups(self) -> Vec<String> {
        self.names
    }
}

/// A respondent's key across rounds: see [`panel_key`].
pub type PanelKey = u128;

/// The key that matches a respondent across rounds: two SipHash-1-3 values
/// of the trimmed id under fixed keys (`DefaultHasher::new` is the same in
/// every run of one binary), so the id itself stays in this module. With
/// 128 bits two ids of a million-respondent panel collide with probability
/// below 1e-26.
pub fn panel_key(id: &str) -> PanelKey {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let half = |salt: u8| {
        let mut h = DefaultHasher::new();
        salt.hash(&mut h);
        id.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// A respondent's weight from its `[weights] column` cell: a number above
/// 0, with a decimal comma or point; anything else excludes the row.
pub fn weight(raw: Option<&str>) -> Result<f64, Reason> {
    let text = raw.unwrap_or("").trim().replace(',', ".");
    match text.parse::<f64>() {
        Ok(w) if w.is_finite() && w > 0.0 => Ok(w),
        _ => Err(Reason::BadWeight),
    }
}

/// A cell as read: through its column's `[recode]`, if it has one.
pub fn recoded<'a>(recode: Option<&'a Recode>, raw: Option<&'a str>) -> Option<&'a str> {
    match (recode, raw) {
        (Some(r), Some(raw)) => Some(r.apply(raw)),
        (Some(r), None) => Some(r.apply("")).filter(|v| !v.is_empty()),
        (None, raw) => raw,
    }
}

/// An institution as counted: trimmed, inner whitespace collapsed, or none.
pub fn institution(raw: Option<&str>) -> Option<String> {
    let s = raw?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(groups: Option<Vec<&str>>) -> RespondentColumns {
        RespondentColumns {
            id: Some("id".into()),
            panel: false,
            group: "g".into(),
            institution: None,
            groups: groups.map(|g| g.into_iter().map(String::from).collect()),
            breakdowns: Vec::new(),
            recodes: Vec::new(),
        }
    }

    #[test]
    fn first_row_claims_an_id() {
        let mut c = RowChecker::new(&cols(None));
        assert_eq!(c.check_id(Some("R1")), Ok(panel_key("R1")));
        assert_eq!(c.check_id(Some(" R1 ")), Err(Reason::DuplicateId));
        assert_eq!(c.check_id(Some("  ")), Err(Reason::EmptyId));
        assert_eq!(c.check_id(None), Err(Reason::EmptyId));
    }

    #[test]
    fn rising_whole_numbers_look_like_row_numbers() {
        let mut c = RowChecker::new(&cols(None));
        for id in ["0", "1", "5", "7"] {
            assert!(c.check_id(Some(id)).is_ok());
        }
        assert!(c.ids_look_like_row_numbers());
        assert!(c.check_id(Some("3")).is_ok());
        assert!(!c.ids_look_like_row_numbers());
        let mut c = RowChecker::new(&cols(None));
        assert!(c.check_id(Some("R1")).is_ok() && c.check_id(Some("R2")).is_ok());
        assert!(!c.ids_look_like_row_numbers());
        let mut c = RowChecker::new(&cols(None));
        assert!(c.check_id(Some("1")).is_ok());
        assert!(!c.ids_look_like_row_numbers(), "one id says nothing");
    }

    #[test]
    fn panel_keys_match_trimmed_ids_only() {
        let mut c = RowChecker::new(&cols(None));
        assert_eq!(c.check_id(Some(" R7 ")), Ok(panel_key("R7")));
        assert_ne!(panel_key("R7"), panel_key("r7"));
        assert_ne!(panel_key("R7"), panel_key("R8"));
    }

    #[test]
    fn fixed_groups_keep_their_order_and_refuse_others() {
        let mut c = RowChecker::new(&cols(Some(vec!["mbo", "hbo", "wo"])));
        assert_eq!(c.check_group(Some("WO ")), Ok(3));
        assert_eq!(c.check_group(Some("mbo")), Ok(1));
        assert_eq!(c.check_group(Some("havo")), Err(Reason::UnknownGroup));
        assert_eq!(c.check_group(Some("")), Err(Reason::EmptyGroup));
        assert_eq!(c.into_groups(), vec!["mbo", "hbo", "wo"]);
    }

    #[test]
    fn open_groups_follow_first_appearance() {
        let mut c = RowChecker::new(&cols(None));
        assert_eq!(c.check_group(Some("Werkgevers")), Ok(1));
        assert_eq!(c.check_group(Some("docenten")), Ok(2));
        assert_eq!(c.check_group(Some("werkgevers")), Ok(1));
        assert_eq!(c.check_group(Some("All")), Err(Reason::ReservedGroup));
        assert_eq!(c.into_groups(), vec!["Werkgevers", "docenten"]);
    }

    #[test]
    fn weights_are_positive_numbers() {
        assert_eq!(weight(Some(" 1,5 ")), Ok(1.5));
        assert_eq!(weight(Some("0.25")), Ok(0.25));
        for bad in ["", "0", "-1", "abc", "NaN", "inf", "1.000,5"] {
            assert_eq!(weight(Some(bad)), Err(Reason::BadWeight), "{bad:?}");
        }
        assert_eq!(weight(None), Err(Reason::BadWeight));
    }

    #[test]
    fn institutions_are_trimmed() {
        assert_eq!(
            institution(Some("  ROC  Midden ")),
            Some("ROC Midden".into())
        );
        assert_eq!(institution(Some(" ")), None);
        assert_eq!(institution(None), None);
    }
}
