//! Consultation notes in: `consultation.csv`, one coded statement per row.
//!
//! Owns the row checks of the notes (session, group, participants, theme,
//! stance, statement), the rule that a session's first row fixes how many
//! people of a group took part, and scrubbing each statement before it is
//! kept; with a `coder` column, which rows are one statement coded by
//! several coders (a unit: same session, same statement text) and each
//! coder's codes of it. Same file and text layer (`source`, `text`), header matching
//! (`header`) and ledger as the questionnaire; its entry point
//! [`read_notes`] is re-exported by `mod`.
//! It must not count: the tallies are `consult`'s.

use std::collections::HashMap;

use super::error::{display_path, IngestError};
use super::header::Header;
use super::rows::RowChecker;
use super::source::read_csv_text;
use super::text::{self, CsvText};
use crate::codebook::{normalize_cell, Codebook, Round};
use crate::ledger::{shorten, Entry, FileLedger, Reason};

/// One coded statement of a row used. Codes are 0-based indices into the
/// vocabularies of [`Notes`], groups 1-based as in `Ingested`.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub session: u32,
    pub group: u32,
    /// People of this group in this session, as the session's first row says.
    pub participants: u32,
    pub theme: u32,
    pub domain: u32,
    pub stance: u32,
    /// Scrubbed of e-mail addresses and phone numbers.
    pub text: String,
}

/// One coder's codes of one statement (a unit), as written: theme,
/// domain and stance normalized like groups (case and spacing), `None`
/// where the cell is empty (or the file has no domain column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    pub unit: u32,
    pub coder: u32,
    pub codes: [Option<String>; 3],
}

/// The codings of a file with a `coder` column, for the agreement
/// between coders (`analysis::agreement`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codings {
    /// Coders in order of first appearance.
    pub coders: Vec<String>,
    /// Whether the file has a domain column (else only theme and stance
    /// were coded).
    pub domain: bool,
    /// Every coding in file order; a unit's first is the one counted.
    pub codings: Vec<Coding>,
}

/// A round's consultation notes, ready to count.
#[derive(Debug, Clone)]
pub struct Notes {
    /// Stakeholder groups in display order.
    pub groups: Vec<String>,
    pub sessions: Vec<String>,
    /// `[consultation] themes` or the order of first appearance.
    pub themes: Vec<String>,
    /// Order of first appearance; the empty domain (a statement about no
    /// single domain) last.
    pub domains: Vec<String>,
    pub stances: Vec<String>,
    /// With a `coder` column: each unit once, with its first coder's codes.
    pub statements: Vec<Statement>,
    /// With a `coder` column: who coded what.
    pub coding: Option<Codings>,
    pub ledger: FileLedger,
    pub sha256: String,
}

/// The columns of `consultation.csv` (README, "Consultation notes") that are needed
/// to count anything; `domain` may be left out (every statement then has
/// the empty domain) and `date` is not read.
const REQUIRED: [&str; 6] = [
    "session",
    "group",
    "participants",
    "theme",
    "stance",
    "statement",
];

/// Codes in display order: a fixed list from the codebook, or open.
#[derive(Default)]
struct Vocabulary {
    index: HashMap<String, u32>,
    names: Vec<String>,
    fixed: bool,
}

impl Vocabulary {
    fn new(fixed: Option<&[String]>) -> Vocabulary {
        let mut v = Vocabulary {
            index: HashMap::new(),
            names: Vec::new(),
            fixed: false,
        };
        for name in fixed.unwrap_or_default() {
            v.code(name);
        }
        v.fixed = fixed.is_some_and(|f| !f.is_empty());
        v
    }

    /// The code of `raw`, added on first sight unless the list is fixed.
    fn code(&mut self, raw: &str) -> Option<u32> {
        let key = normalize_cell(raw);
        if let Some(c) = self.index.get(&key) {
            return Some(*c);
        }
        if self.fixed {
            return None;
        }
        self.names
            .push(raw.split_whitespace().collect::<Vec<_>>().join(" "));
        let c = self.names.len() as u32 - 1;
        self.index.insert(key, c);
        Some(c)
    }
}

/// Column positions in the header.
struct Columns {
    required: [usize; 6],
    domain: Option<usize>,
    coder: Option<usize>,
}

fn columns(header: &Header, file: &str) -> Result<Columns, IngestError> {
    let mut required = [0; 6];
    for (slot, name) in required.iter_mut().zip(REQUIRED) {
        *slot = header.require(
            name,
            "the consultation format (README, \"Consultation notes\")",
            file,
        )?;
    }
    Ok(Columns {
        required,
        domain: header.find("domain"),
        coder: header.find("coder"),
    })
}

/// Reads the consultation notes of `round`, if it has any.
pub fn read_notes(cb: &Codebook, round: &Round) -> Result<Option<Notes>, IngestError> {
    let Some(rel) = &round.consultation else {
        return Ok(None);
    };
    let file = display_path(rel);
    let csv = read_csv_text(&cb.dir.join(rel), &file, None)?;
    if let Some(line) = text::unclosed_quote(&csv) {
        return Err(IngestError::UnclosedQuote { file, line });
    }
    let header = Header::new(text::header(&csv, 1, &file)?, &file)?;
    let cols = columns(&header, &file)?;
    let mut reader = Reader::new(cb, file.clone(), &cols);
    let lines = text::scan_records(&csv).lines;
    let mut records = text::reader(&csv.text, csv.delimiter).into_records();
    records.next(); // the header
    for (rec, line) in records.zip(lines.into_iter().skip(1)) {
        let rec = rec.map_err(|e| IngestError::Parse {
            file: file.clone(),
            problem: format!("line {line}: {e}"),
        })?;
        if rec.len() > header.names.len() {
            return Err(IngestError::Ragged {
                file,
                line,
                fields: rec.len(),
                header: header.names.len(),
            });
        }
        reader.row(&rec, line, &cols, &header);
    }
    reader.finish(&csv)
}

/// The state of one pass over the rows.
struct Reader {
    groups: RowChecker,
    sessions: Vocabulary,
    themes: Vocabulary,
    domains: Vocabulary,
    stances: Vocabulary,
    /// (session, group) -> participants, from the first row that names it.
    participants: HashMap<(u32, u32), u32>,
    statements: Vec<Statement>,
    /// With a `coder` column: the units met so far and who coded them.
    units: Option<Units>,
    ledger: FileLedger,
}

/// The statements of a file with a `coder` column: each (session,
/// statement text) is one unit, whoever coded it.
struct Units {
    /// The coder column's position.
    column: usize,
    /// Whether the file has a domain column.
    domain: bool,
    coders: Vocabulary,
    /// (session, trimmed statement) -> (unit, the coders who coded it).
    seen: HashMap<(u32, String), (u32, Vec<u32>)>,
    codings: Vec<Coding>,
}

impl Units {
    /// Finds the row's unit and records its coding: the unit's first
    /// coding goes on to be checked and counted, another coder's is kept
    /// for the agreement only; an empty coder or statement, or a coder's
    /// second coding of a unit, is set aside (the reason, and the column
    /// to name when there is a value to show).
    fn place(
        &mut self,
        rec: &csv::StringRecord,
        cols: &Columns,
        sessions: &mut Vocabulary,
    ) -> Result<Role, (Reason, Option<usize>)> {
        let coder = self.column;
        let cell = |i: usize| rec.get(i).unwrap_or("").trim();
        let [session, _, _, theme, stance, statement] = cols.required;
        if cell(coder).is_empty() {
            return Err((Reason::EmptyCoder, None));
        }
        if cell(statement).is_empty() {
            return Err((Reason::EmptyStatement, None));
        }
        let session = sessions.code(cell(session)).unwrap_or_default();
        let who = self.coders.code(cell(coder)).unwrap_or_default();
        let next = self.seen.len() as u32;
        let (unit, coders) = (self.seen)
            .entry((session, cell(statement).to_string()))
            .or_insert((next, Vec::new()));
        if coders.contains(&who) {
            return Err((Reason::DuplicateCoding, Some(coder)));
        }
        coders.push(who);
        let role = match coders.len() {
            1 => Role::First,
            _ => Role::Another,
        };
        let code = |i: Option<usize>| i.map(cell).filter(|c| !c.is_empty()).map(normalize_cell);
        self.codings.push(Coding {
            unit: *unit,
            coder: who,
            codes: [code(Some(theme)), code(cols.domain), code(Some(stance))],
        });
        Ok(role)
    }
}

/// What a row of a file with a `coder` column is.
enum Role {
    /// The unit's first coding: counted like any statement.
    First,
    /// Another coder's coding of a unit already met: agreement only.
    Another,
}

impl Reader {
    fn new(cb: &Codebook, file: String, cols: &Columns) -> Reader {
        let codes = cb.consultation.as_ref();
        Reader {
            // The consultation's own groups: `[respondents] groups` is the
            // questionnaire's (docs/reference.md, "Definitions").
            groups: RowChecker::with_groups(
                cb.consultation.as_ref().and_then(|c| c.groups.as_deref()),
            ),
            sessions: Vocabulary::new(None),
            themes: Vocabulary::new(codes.map(|c| c.themes.as_slice())),
            domains: Vocabulary::new(None),
            stances: Vocabulary::new(codes.map(|c| c.stances.as_slice())),
            participants: HashMap::new(),
            statements: Vec::new(),
            units: cols.coder.map(|column| Units {
                column,
                domain: cols.domain.is_some(),
                coders: Vocabulary::default(),
                seen: HashMap::new(),
                codings: Vec::new(),
            }),
            ledger: FileLedger {
                file,
                ..FileLedger::default()
            },
        }
    }

    fn set_aside(&mut self, line: u64, reason: Reason, column: Option<(usize, &Header, &str)>) {
        let (column_index, column, value) = match column {
            Some((i, h, v)) => (i, Some(h.names[i].clone()), Some(shorten(v))),
            None => (0, None, None),
        };
        self.ledger.entries.push(Entry {
            line,
            column_index,
            reason,
            column,
            value,
        });
    }

    fn row(&mut self, rec: &csv::StringRecord, line: u64, cols: &Columns, header: &Header) {
        self.ledger.rows_read += 1;
        if rec.len() < header.names.len() {
            return self.set_aside(line, Reason::ShortRow, None);
        }
        let cell = |i: usize| rec.get(i).unwrap_or("").trim();
        let [session, group, participants, theme, stance, statement] = cols.required;
        let at = |i: usize| Some((i, header, cell(i)));
        if cell(session).is_empty() {
            return self.set_aside(line, Reason::EmptySession, None);
        }
        if let Some(units) = self.units.as_mut() {
            match units.place(rec, cols, &mut self.sessions) {
                Ok(Role::First) => {}
                Ok(Role::Another) => {
                    self.ledger.rows_used += 1;
                    return;
                }
                Err((reason, col)) => return self.set_aside(line, reason, col.and_then(at)),
            }
        }
        let g = match self.groups.check_group(Some(cell(group))) {
            Ok(g) => g,
            Err(Reason::UnknownGroup) => {
                return self.set_aside(line, Reason::UnknownConsultationGroup, at(group))
            }
            Err(reason) => return self.set_aside(line, reason, at(group)),
        };
        let Some(people) = cell(participants).parse::<u32>().ok().filter(|n| *n > 0) else {
            return self.set_aside(line, Reason::InvalidParticipants, at(participants));
        };
        let Some(t) = code(&mut self.themes, cell(theme)) else {
            return self.set_aside(line, Reason::UnknownTheme, at(theme));
        };
        let Some(s) = code(&mut self.stances, cell(stance)) else {
            return self.set_aside(line, Reason::UnknownStance, at(stance));
        };
        if cell(statement).is_empty() {
            return self.set_aside(line, Reason::EmptyStatement, None);
        }
        let session = self.sessions.code(cell(session)).unwrap_or_default();
        let domain = cols.domain.map_or("", cell);
        let domain = self.domains.code(domain).unwrap_or_default();
        let first = *self.participants.entry((session, g)).or_insert(people);
        if first != people {
            self.set_aside(line, Reason::ParticipantsConflict, at(participants));
        }
        self.ledger.rows_used += 1;
        self.statements.push(Statement {
            session,
            group: g,
            participants: first,
            theme: t,
            domain,
            stance: s,
            text: crate::scrub::scrub(cell(statement)),
        });
    }

    fn finish(mut self, csv: &CsvText) -> Result<Option<Notes>, IngestError> {
        let file = self.ledger.file.clone();
        if self.statements.is_empty() {
            return Err(IngestError::NoRows {
                file,
                problem: format!(
                    "none of its {} rows holds a statement that can be counted",
                    self.ledger.rows_read
                ),
            });
        }
        self.ledger.entries.sort();
        let domains = empty_domain_last(&mut self.statements, self.domains.names);
        Ok(Some(Notes {
            groups: self.groups.into_groups(),
            sessions: self.sessions.names,
            themes: self.themes.names,
            domains,
            stances: self.stances.names,
            statements: self.statements,
            coding: self.units.map(|u| Codings {
                coders: u.coders.names,
                domain: u.domain,
                codings: u.codings,
            }),
            ledger: self.ledger,
            sha256: csv.sha256.clone(),
        }))
    }
}

/// A theme's or stance's code; an empty cell has none.
fn code(v: &mut Vocabulary, cell: &str) -> Option<u32> {
    (!cell.is_empty()).then(|| v.code(cell)).flatten()
}

/// Moves the empty domain to the end of the list, recoding the statements.
fn empty_domain_last(statements: &mut [Statement], mut domains: Vec<String>) -> Vec<String> {
    let Some(empty) = domains.iter().position(String::is_empty) else {
        return domains;
    };
    let last = domains.len() as u32 - 1;
    let empty = empty as u32;
    for s in statements.iter_mut() {
        s.domain = match s.domain {
            d if d == empty => last,
            d if d > empty => d - 1,
            d => d,
        };
    }
    let e = domains.remove(empty as usize);
    domains.push(e);
    domains
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_domain_sorts_last() {
        let st = |domain| Statement {
            session: 0,
            group: 1,
            participants: 1,
            theme: 0,
            domain,
            stance: 0,
            text: String::new(),
        };
        let mut s = vec![st(0), st(1), st(2)];
        let d = empty_domain_last(&mut s, vec!["a".into(), String::new(), "b".into()]);
        assert_eq!(d, ["a", "b", ""]);
        assert_eq!(s.iter().map(|s| s.domain).collect::<Vec<_>>(), [0, 2, 1]);
    }

    #[test]
    fn a_fixed_vocabulary_refuses_other_codes() {
        let mut v = Vocabulary::new(Some(&["Steun".to_string(), "zorg".to_string()]));
        assert_eq!(v.code(" STEUN "), Some(0));
        assert_eq!(v.code("zorg"), Some(1));
        assert_eq!(v.code("kritiek"), None);
        let mut open = Vocabulary::new(None);
        assert_eq!(open.code("a  b"), Some(0));
        assert_eq!(open.code("A B"), Some(0));
        assert_eq!(open.names, ["a b"]);
    }
}
