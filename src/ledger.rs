//! The data-quality ledger: where every input row and every odd cell went.
//!
//! Owns the bookkeeping rule `rows_read = rows_used + rows_excluded` and the
//! reasons a row or cell was set aside. Ingest fills it; `render::tables`
//! writes it as `data_quality.csv`. It must never hold a respondent id: an
//! excluded row is named by its line, not by who it was.

use std::fmt;

/// Why a row or a cell was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    EmptyId,
    DuplicateId,
    EmptyGroup,
    UnknownGroup,
    UnknownConsultationGroup,
    ReservedGroup,
    ShortRow,
    UnknownItem,
    DuplicateRating,
    InvalidValue,
    EmptySession,
    InvalidParticipants,
    UnknownTheme,
    UnknownStance,
    EmptyStatement,
    EmptyCoder,
    DuplicateCoding,
    ParticipantsConflict,
    BadWeight,
    NoBreakdownValue,
}

impl Reason {
    /// The `reason` column: stable, lower case, for scripts.
    pub fn code(self) -> &'static str {
        match self {
            Reason::EmptyId => "empty id",
            Reason::DuplicateId => "duplicate id",
            Reason::EmptyGroup => "empty group",
            Reason::UnknownGroup => "group not in [respondents] groups",
            Reason::UnknownConsultationGroup => "group not in [consultation] groups",
            Reason::ReservedGroup => "group named ALL",
            Reason::ShortRow => "row has fewer fields than the header",
            Reason::UnknownItem => "item or measure not in the codebook",
            Reason::DuplicateRating => "duplicate rating",
            Reason::InvalidValue => "invalid value",
            Reason::EmptySession => "empty session",
            Reason::InvalidParticipants => "participants not a whole number above 0",
            Reason::UnknownTheme => "theme not in [consultation] themes",
            Reason::UnknownStance => "stance not in [consultation] stances",
            Reason::EmptyStatement => "empty statement",
            Reason::EmptyCoder => "empty coder",
            Reason::DuplicateCoding => "statement coded twice by the same coder",
            Reason::ParticipantsConflict => "participants differ within a session",
            Reason::BadWeight => "weight missing, not a number, or not above 0",
            Reason::NoBreakdownValue => "breakdown value empty or ALL",
        }
    }

    /// Whether this reason excludes a whole row (else it is one cell).
    pub fn excludes_row(self) -> bool {
        !matches!(
            self,
            Reason::InvalidValue | Reason::ParticipantsConflict | Reason::NoBreakdownValue
        )
    }

    /// Whether this reason is an invalid cell (`cells_invalid`). A row
    /// without a breakdown value is neither excluded nor invalid: it counts
    /// everywhere except in that breakdown.
    pub fn invalid_cell(self) -> bool {
        matches!(self, Reason::InvalidValue | Reason::ParticipantsConflict)
    }

    /// What the user can do about it.
    pub fn fix(self) -> &'static str {
        match self {
            Reason::EmptyId => "give the row a respondent id, or delete it",
            Reason::DuplicateId => {
                "the first row with this id is used; delete the later one if it is a resubmission"
            }
            Reason::EmptyGroup => "fill in the respondent's group",
            Reason::UnknownGroup => "correct the group or add it to [respondents] groups",
            Reason::UnknownConsultationGroup => {
                "correct the group or add it to [consultation] groups"
            }
            Reason::ReservedGroup => {
                "rename the group: ALL is the row for all respondents together"
            }
            Reason::ShortRow => "the export was cut off or edited by hand; export it again",
            Reason::UnknownItem => "correct the item/measure id or add it to the codebook",
            Reason::DuplicateRating => "the first rating is used; delete the later one",
            Reason::InvalidValue => {
                "use a whole number on the scale, a scale label or a missing code"
            }
            Reason::EmptySession => "give the statement the session it was made in",
            Reason::InvalidParticipants => {
                "write how many people of the group took part in the session, e.g. 3"
            }
            Reason::UnknownTheme => "correct the theme or add it to [consultation] themes",
            Reason::UnknownStance => "correct the stance or add it to [consultation] stances",
            Reason::EmptyStatement => "write the statement, or delete the row",
            Reason::EmptyCoder => "fill in who coded the statement, or delete the row",
            Reason::DuplicateCoding => {
                "the coder's first coding of this statement counts; delete the later row or name its other coder"
            }
            Reason::ParticipantsConflict => {
                "the session's first row counts; give every row of a session and group the same number"
            }
            Reason::BadWeight => {
                "give the respondent a weight above 0 in the [weights] column (e.g. 1 or 0,8)"
            }
            Reason::NoBreakdownValue => {
                "fill in the value (ALL is the row for everyone); the row counts everywhere but in this breakdown"
            }
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One row or cell set aside.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// Physical line in the file (1-based, header included).
    pub line: u64,
    /// Position of the column in the header, for sorting in file order.
    pub column_index: usize,
    pub reason: Reason,
    pub column: Option<String>,
    /// The offending value, shortened; never a respondent id.
    pub value: Option<String>,
}

/// Longest value the ledger repeats; longer cells are cut with an ellipsis.
const MAX_VALUE_CHARS: usize = 40;

/// The value as the ledger may repeat it: e-mail addresses and phone
/// numbers scrubbed (a respondent may type them into any cell), then
/// shortened.
pub fn shorten(value: &str) -> String {
    let value = crate::scrub::scrub(value);
    if value.chars().count() <= MAX_VALUE_CHARS {
        value
    } else {
        let mut s: String = value.chars().take(MAX_VALUE_CHARS).collect();
        s.push('…');
        s
    }
}

/// With more invalid cells than this, they are also summed up by column
/// and value (stderr, and the ledger's Markdown), each with a hint.
pub const SUMMED_UP_ABOVE: u64 = 20;

/// Values shown per column when invalid cells are summed up.
const VALUES_SHOWN: usize = 6;

/// The invalid cells of one column, summed up by value.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidColumn {
    pub column: String,
    /// (value, cells), most frequent first, then by value.
    pub values: Vec<(String, u64)>,
    /// No value holds a digit: answers in words, so the column is probably
    /// not a rating item (or its words are not labels yet).
    pub words_only: bool,
}

impl InvalidColumn {
    /// "`col`: `Yes` x 241, `No` x 30", at most a few values.
    pub fn counts(&self) -> String {
        let mut shown: Vec<String> = (self.values.iter().take(VALUES_SHOWN))
            .map(|(v, n)| format!("`{v}` x {n}"))
            .collect();
        if self.values.len() > VALUES_SHOWN {
            shown.push(format!("{} more values", self.values.len() - VALUES_SHOWN));
        }
        format!("`{}`: {}", self.column, shown.join(", "))
    }

    /// The line for stderr: the counts and the hint.
    pub fn line(&self) -> String {
        let hint = if self.words_only {
            "is this column a rating item? If it is, give these answers as [scale.labels] or missing codes"
        } else {
            "are these values on the scale? Otherwise give them as [scale] missing codes"
        };
        format!("{}: {hint}", self.counts())
    }
}

/// The account of one input file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileLedger {
    /// Path relative to the study folder, `/`-separated.
    pub file: String,
    pub rows_read: u64,
    pub rows_used: u64,
    pub cells_missing: u64,
    /// Sorted by line, then column.
    pub entries: Vec<Entry>,
}

impl FileLedger {
    pub fn rows_excluded(&self) -> u64 {
        self.count(Reason::excludes_row)
    }

    pub fn cells_invalid(&self) -> u64 {
        self.count(Reason::invalid_cell)
    }

    /// Rows left out of a breakdown for want of a value in its column.
    pub fn breakdown_gaps(&self) -> u64 {
        self.count(|r| r == Reason::NoBreakdownValue)
    }

    fn count(&self, which: impl Fn(Reason) -> bool) -> u64 {
        self.entries.iter().filter(|e| which(e.reason)).count() as u64
    }

    /// The invariant the README promises (`rows_read = rows_used +
    /// rows_excluded`); `run::read_round` checks it before anything is written.
    pub fn balances(&self) -> bool {
        self.rows_read == self.rows_used + self.rows_excluded()
    }

    pub fn is_clean(&self) -> bool {
        self.entries.is_empty()
    }

    /// Per reason: (reason, rows excluded, cells invalid), in reason order.
    pub fn by_reason(&self) -> Vec<(Reason, u64)> {
        let mut counts: std::collections::BTreeMap<Reason, u64> = Default::default();
        for e in &self.entries {
            *counts.entry(e.reason).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// The invalid cells by column (file order) and value, when there are
    /// more than [`SUMMED_UP_ABOVE`]; empty otherwise.
    pub fn invalid_by_column(&self) -> Vec<InvalidColumn> {
        use std::collections::BTreeMap;
        if self.count(|r| r == Reason::InvalidValue) <= SUMMED_UP_ABOVE {
            return Vec::new();
        }
        let mut by: BTreeMap<(usize, &str), BTreeMap<&str, u64>> = BTreeMap::new();
        for e in self
            .entries
            .iter()
            .filter(|e| e.reason == Reason::InvalidValue)
        {
            let column = e.column.as_deref().unwrap_or("");
            let value = e.value.as_deref().unwrap_or("");
            *by.entry((e.column_index, column))
                .or_default()
                .entry(value)
                .or_default() += 1;
        }
        by.into_iter()
            .map(|((_, column), values)| {
                let mut values: Vec<(String, u64)> = values
                    .into_iter()
                    .map(|(v, n)| (v.to_string(), n))
                    .collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let words_only = values
                    .iter()
                    .all(|(v, _)| !v.chars().any(|c| c.is_ascii_digit()));
                InvalidColumn {
                    column: column.to_string(),
                    values,
                    words_only,
                }
            })
            .collect()
    }

    /// One line for stderr: "file: 88 rows read, 87 used, 1 excluded (duplicate id: 1); 1 invalid cell".
    pub fn summary(&self) -> String {
        let reasons: Vec<String> = self
            .by_reason()
            .into_iter()
            .filter(|(r, _)| r.excludes_row())
            .map(|(r, n)| format!("{r}: {n}"))
            .collect();
        let excluded = if reasons.is_empty() {
            format!("{} excluded", self.rows_excluded())
        } else {
            format!("{} excluded ({})", self.rows_excluded(), reasons.join(", "))
        };
        let gaps = match self.breakdown_gaps() {
            0 => String::new(),
            1 => "; 1 row without a breakdown value".to_string(),
            n => format!("; {n} rows without a breakdown value"),
        };
        format!(
            "{}: {} rows read, {} used, {}; {} invalid cell{}, {} missing{gaps}",
            self.file,
            self.rows_read,
            self.rows_used,
            excluded,
            self.cells_invalid(),
            if self.cells_invalid() == 1 { "" } else { "s" },
            self.cells_missing
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(line: u64, reason: Reason) -> Entry {
        Entry {
            line,
            column_index: 0,
            reason,
            column: None,
            value: None,
        }
    }

    #[test]
    fn rows_balance_and_cells_are_counted_apart() {
        let l = FileLedger {
            file: "r/q.csv".into(),
            rows_read: 10,
            rows_used: 8,
            cells_missing: 3,
            entries: vec![
                entry(2, Reason::DuplicateId),
                entry(3, Reason::EmptyGroup),
                entry(4, Reason::InvalidValue),
                entry(5, Reason::NoBreakdownValue),
            ],
        };
        assert_eq!(l.rows_excluded(), 2);
        assert_eq!(l.cells_invalid(), 1);
        assert_eq!(l.breakdown_gaps(), 1);
        assert!(l.balances());
        assert_eq!(
            l.summary(),
            "r/q.csv: 10 rows read, 8 used, 2 excluded (duplicate id: 1, empty group: 1); 1 invalid cell, 3 missing; 1 row without a breakdown value"
        );
    }

    #[test]
    fn many_invalid_cells_are_summed_up_by_column_and_value() {
        let cell = |line, column_index, column: &str, value: &str| Entry {
            line,
            column_index,
            reason: Reason::InvalidValue,
            column: Some(column.into()),
            value: Some(value.into()),
        };
        let mut l = FileLedger::default();
        for line in 2..20 {
            l.entries.push(cell(
                line,
                3,
                "uni",
                if line % 3 == 0 { "No" } else { "Yes" },
            ));
        }
        l.entries.push(cell(30, 1, "q1", "7"));
        assert!(
            l.invalid_by_column().is_empty(),
            "19 cells: the list says it"
        );
        l.entries.push(cell(31, 1, "q1", "9"));
        l.entries.push(cell(32, 1, "q1", "7"));
        let by = l.invalid_by_column();
        assert_eq!(by.len(), 2);
        assert_eq!(by[0].counts(), "`q1`: `7` x 2, `9` x 1");
        assert!(!by[0].words_only);
        assert_eq!(by[1].counts(), "`uni`: `Yes` x 12, `No` x 6");
        assert!(by[1].line().contains("is this column a rating item?"));
    }

    #[test]
    fn long_values_are_shortened() {
        assert_eq!(shorten("abc"), "abc");
        let long = "x".repeat(100);
        assert_eq!(shorten(&long).chars().count(), MAX_VALUE_CHARS + 1);
    }

    /// Found by the privacy audit (tests/privacy.rs): an invalid rating cell
    /// "zie mail jan.jansen@example.nl" reached data_quality.csv verbatim.
    #[test]
    fn contacts_in_values_are_scrubbed() {
        assert_eq!(
            shorten("zie mail jan.jansen@example.nl"),
            "zie mail [e-mail]"
        );
        assert_eq!(shorten("bel 06-12345678"), "bel [telefoon]");
        // A formula-like cell is not an address; it is shown (neutralised).
        for v in ["2,5", "misschien", "ouder", "@SUM(1)"] {
            assert_eq!(shorten(v), v);
        }
    }
}
