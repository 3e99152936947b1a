//! Counts of consultation statements: who took part and what was said.
//!
//! Owns the figures of `participants.csv` and `consultation.csv`: statements
//! and sessions per group x theme x domain x stance, and participants as the
//! sum, over a cell's distinct sessions, of the people of that group in that
//! session (README, "Consultation notes"). The counting is ordered maps over the
//! statements of `ingest::notes` (a few thousand at most; each statement
//! coded by several coders once, with its first coder's codes), and the
//! agreement between the coders is `agreement`'s. It must not read files
//! or lay out tables.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::agreement::{self, AgreementRow};
use crate::ingest::notes::{Notes, Statement};

/// One row of `consultation.csv`; codes index the vocabularies of [`Notes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellCount {
    pub group: u32,
    pub theme: u32,
    pub domain: u32,
    pub stance: u32,
    pub statements: u64,
    pub sessions: u64,
    pub participants: u64,
}

/// One row of `participants.csv`; group 0 is `ALL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation {
    pub group: u32,
    pub sessions: u64,
    pub participants: u64,
}

/// The counts of one round's notes, rows in display order.
#[derive(Debug, Clone)]
pub struct Counts {
    pub cells: Vec<CellCount>,
    /// `ALL` first, then every group of [`Notes::groups`] (zero rows too).
    pub participation: Vec<Participation>,
}

/// A cell's key: group, theme, domain, stance.
type Cell = (u32, u32, u32, u32);

/// People are counted once per (key, session): the first statement's
/// `participants` counts however many statements the group made there
/// (ingest already ledgers a session whose rows disagree).
fn people_once<K: Ord>(notes: &Notes, key: impl Fn(&Statement) -> K) -> BTreeMap<(K, u32), u64> {
    let mut once = BTreeMap::new();
    for s in &notes.statements {
        once.entry((key(s), s.session))
            .or_insert(u64::from(s.participants));
    }
    once
}

fn cell_counts(notes: &Notes) -> Vec<CellCount> {
    let key = |s: &Statement| (s.group, s.theme, s.domain, s.stance);
    let mut said: BTreeMap<Cell, u64> = BTreeMap::new();
    for s in &notes.statements {
        *said.entry(key(s)).or_default() += 1;
    }
    let mut met: BTreeMap<Cell, (u64, u64)> = BTreeMap::new();
    for ((cell, _), people) in people_once(notes, key) {
        let (sessions, sum) = met.entry(cell).or_default();
        *sessions += 1;
        *sum += people;
    }
    said.into_iter()
        .map(|(cell, statements)| {
            let (sessions, participants) = met[&cell];
            let (group, theme, domain, stance) = cell;
            CellCount {
                group,
                theme,
                domain,
                stance,
                statements,
                sessions,
                participants,
            }
        })
        .collect()
}

fn participation(notes: &Notes) -> Vec<Participation> {
    let mut rows: Vec<Participation> = (0..=notes.groups.len() as u32)
        .map(|group| Participation {
            group,
            sessions: 0,
            participants: 0,
        })
        .collect();
    let mut sessions = BTreeSet::new();
    for ((group, session), people) in people_once(notes, |s| s.group) {
        sessions.insert(session);
        rows[0].participants += people;
        if let Some(row) = rows.get_mut(group as usize) {
            row.sessions += 1;
            row.participants += people;
        }
    }
    rows[0].sessions = sessions.len() as u64;
    rows
}

/// A round's notes with their counts.
#[derive(Debug, Clone)]
pub struct Summary {
    pub notes: Notes,
    pub counts: Counts,
    /// What the report quotes and `quotes.csv` lists.
    pub quotes: Vec<Quotes>,
    /// `coding_agreement.csv`, when the notes have a `coder` column.
    pub agreement: Option<Vec<AgreementRow>>,
}

impl Summary {
    pub fn new(notes: Notes) -> Summary {
        let counts = count(&notes);
        let quotes = quotes(&notes);
        let agreement = notes.coding.as_ref().map(agreement::agreement);
        Summary {
            notes,
            counts,
            quotes,
            agreement,
        }
    }

    /// A group's name; 0 is `ALL`.
    pub fn group_name(&self, g: u32) -> &str {
        match g {
            0 => "ALL",
            g => &self.notes.groups[g as usize - 1],
        }
    }
}

/// Counts one round's notes.
pub fn count(notes: &Notes) -> Counts {
    Counts {
        cells: cell_counts(notes),
        participation: participation(notes),
    }
}

/// Statements quoted per theme and group.
pub const QUOTES: usize = 3;

/// The statements quoted for one theme x group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotes {
    pub theme: u32,
    pub group: u32,
    /// All statements of the theme x group.
    pub statements: usize,
    /// At most [`QUOTES`] indices into [`Notes::statements`], in file order.
    pub picked: Vec<usize>,
}

/// Up to [`QUOTES`] statements per theme x group (theme, then group order)
/// that show the range of what was said: the first of each stance in the
/// stances' order, then the next ones in file order. One pass over the
/// statements; the table and the report share the result via [`Summary`].
pub fn quotes(notes: &Notes) -> Vec<Quotes> {
    let mut said: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, s) in notes.statements.iter().enumerate() {
        said.entry((s.theme, s.group)).or_default().push(i);
    }
    said.into_iter()
        .map(|((theme, group), idx)| Quotes {
            theme,
            group,
            statements: idx.len(),
            picked: representative(notes, &idx),
        })
        .collect()
}

fn representative(notes: &Notes, said: &[usize]) -> Vec<usize> {
    let stance = |i: usize| notes.statements[i].stance;
    let mut picked: Vec<usize> = (0..notes.stances.len() as u32)
        .filter_map(|st| said.iter().copied().find(|i| stance(*i) == st))
        .take(QUOTES)
        .collect();
    for &i in said {
        if picked.len() >= QUOTES {
            break;
        }
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked.sort_unstable();
    picked
}

/// "stance, domain" of a statement, as quoted.
pub fn coding(notes: &Notes, s: &Statement) -> String {
    let stance = &notes.stances[s.stance as usize];
    match notes.domains[s.domain as usize].as_str() {
        "" => stance.clone(),
        domain => format!("{stance}, {domain}"),
    }
}

/// Statements per theme x group (codes 0-based theme, 1-based group), for
/// the heat map: the cells summed over domain and stance.
pub fn statements_by_theme(counts: &Counts, themes: usize, groups: usize) -> Vec<Vec<u64>> {
    let mut grid = vec![vec![0u64; groups]; themes];
    for c in &counts.cells {
        if let Some(row) = grid.get_mut(c.theme as usize) {
            if let Some(cell) = row.get_mut(c.group as usize - 1) {
                *cell += c.statements;
            }
        }
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::FileLedger;

    fn st(session: u32, group: u32, participants: u32, theme: u32) -> Statement {
        Statement {
            session,
            group,
            participants,
            theme,
            domain: 0,
            stance: 0,
            text: String::new(),
        }
    }

    #[test]
    fn quotes_cover_the_stances_first_then_file_order() {
        let with = |stance, text: &str| Statement {
            stance,
            text: text.into(),
            ..st(0, 1, 1, 0)
        };
        let mut n = notes(vec![
            with(0, "a"),
            with(0, "b"),
            with(2, "c"),
            with(0, "d"),
            with(1, "e"),
            with(1, "f"),
        ]);
        n.stances = vec!["steun".into(), "zorg".into(), "suggestie".into()];
        let q = quotes(&n);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].statements, 6);
        let texts = |q: &Quotes, n: &Notes| -> Vec<String> {
            q.picked
                .iter()
                .map(|i| n.statements[*i].text.clone())
                .collect()
        };
        assert_eq!(texts(&q[0], &n), ["a", "c", "e"]);
        n.stances.truncate(1);
        assert_eq!(texts(&quotes(&n)[0], &n), ["a", "b", "c"]);
    }

    fn notes(statements: Vec<Statement>) -> Notes {
        Notes {
            groups: vec!["a".into(), "b".into(), "c".into()],
            sessions: vec![],
            themes: vec!["t0".into(), "t1".into()],
            domains: vec![String::new()],
            stances: vec!["steun".into()],
            statements,
            coding: None,
            ledger: FileLedger::default(),
            sha256: String::new(),
        }
    }

    /// Worked by hand: session 0 has 3 of a and 2 of b, session 1 has 4 of a.
    /// a: 2 sessions, 3 + 4 = 7 people however many statements; b: 1, 2;
    /// c: none; ALL: 2 sessions, 3 + 2 + 4 = 9 people.
    #[test]
    fn people_count_once_per_session_and_group() {
        let n = notes(vec![
            st(0, 1, 3, 0),
            st(0, 1, 3, 0),
            st(0, 1, 3, 1),
            st(0, 2, 2, 0),
            st(1, 1, 4, 0),
        ]);
        let c = count(&n);
        let p: Vec<(u32, u64, u64)> = c
            .participation
            .iter()
            .map(|r| (r.group, r.sessions, r.participants))
            .collect();
        assert_eq!(p, [(0, 2, 9), (1, 2, 7), (2, 1, 2), (3, 0, 0)]);
        let cells: Vec<(u32, u32, u64, u64, u64)> = c
            .cells
            .iter()
            .map(|r| (r.group, r.theme, r.statements, r.sessions, r.participants))
            .collect();
        assert_eq!(cells, [(1, 0, 3, 2, 7), (1, 1, 1, 1, 3), (2, 0, 1, 1, 2)]);
        assert_eq!(
            statements_by_theme(&c, 2, 3),
            [vec![3, 1, 0], vec![1, 0, 0]]
        );
    }
}
