//! Counts of consultation statements: who took part and what was said.
//!
//! Owns the figures of `participants.csv` and `consultation.csv`: statements
//! and sessions per group x theme x domain x stance, and participants as the
//! sum, over a cell's distinct sessions, of the people of that group in that
//! session (README, "Consultation notes"). The counting is a polars group-by over the
//! statements of `ingest::notes`. It must not read files or lay out tables.

use std::collections::BTreeMap;

use polars::prelude::*;

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

const GROUP: &str = "group";
const THEME: &str = "theme";
const DOMAIN: &str = "domain";
const STANCE: &str = "stance";
const SESSION: &str = "session";
const PEOPLE: &str = "participants";
const STATEMENTS: &str = "statements";
const SESSIONS: &str = "sessions";

fn frame(notes: &Notes) -> PolarsResult<DataFrame> {
    let column = |name: &str, f: fn(&Statement) -> u32| {
        Column::new(
            name.into(),
            notes.statements.iter().map(f).collect::<Vec<u32>>(),
        )
    };
    DataFrame::new_infer_height(vec![
        column(GROUP, |s| s.group),
        column(THEME, |s| s.theme),
        column(DOMAIN, |s| s.domain),
        column(STANCE, |s| s.stance),
        column(SESSION, |s| s.session),
        column(PEOPLE, |s| s.participants),
    ])
}

fn u64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u64>> {
    Ok(df
        .column(name)?
        .cast(&DataType::UInt64)?
        .u64()?
        .iter()
        .map(Option::unwrap_or_default)
        .collect())
}

fn u32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u32>> {
    Ok(u64s(df, name)?.into_iter().map(|v| v as u32).collect())
}

/// People are counted once per (session, group), however many statements
/// the group made there.
fn people_once(lf: LazyFrame, keys: &[&str]) -> LazyFrame {
    let subset: Vec<Expr> = keys.iter().chain(&[SESSION]).map(|k| col(*k)).collect();
    lf.unique_generic(Some(subset), UniqueKeepStrategy::First)
}

fn cell_counts(df: &DataFrame) -> PolarsResult<Vec<CellCount>> {
    let keys = [GROUP, THEME, DOMAIN, STANCE];
    let by: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let said = df.clone().lazy().group_by(by.clone()).agg([
        len().alias(STATEMENTS),
        col(SESSION).n_unique().alias(SESSIONS),
    ]);
    let people = people_once(df.clone().lazy(), &keys)
        .group_by(by.clone())
        .agg([col(PEOPLE).cast(DataType::UInt64).sum()]);
    let out = said
        .join(
            people,
            by.clone(),
            by.clone(),
            JoinArgs::new(JoinType::Inner),
        )
        .sort(keys, SortMultipleOptions::default())
        .collect()?;
    let cols = [GROUP, THEME, DOMAIN, STANCE].map(|k| u32s(&out, k));
    let [g, t, d, s] = cols;
    let (g, t, d, s) = (g?, t?, d?, s?);
    let (n, sessions, people) = (
        u64s(&out, STATEMENTS)?,
        u64s(&out, SESSIONS)?,
        u64s(&out, PEOPLE)?,
    );
    Ok((0..out.height())
        .map(|i| CellCount {
            group: g[i],
            theme: t[i],
            domain: d[i],
            stance: s[i],
            statements: n[i],
            sessions: sessions[i],
            participants: people[i],
        })
        .collect())
}

fn participation(df: &DataFrame, groups: usize) -> PolarsResult<Vec<Participation>> {
    let once = people_once(df.clone().lazy(), &[GROUP]);
    let per = once
        .clone()
        .group_by([col(GROUP)])
        .agg([
            len().alias(SESSIONS),
            col(PEOPLE).cast(DataType::UInt64).sum(),
        ])
        .collect()?;
    let all = once
        .select([
            col(SESSION).n_unique().alias(SESSIONS),
            col(PEOPLE).cast(DataType::UInt64).sum(),
        ])
        .collect()?;
    let mut rows: Vec<Participation> = (0..=groups as u32)
        .map(|group| Participation {
            group,
            sessions: 0,
            participants: 0,
        })
        .collect();
    for ((g, s), p) in u32s(&per, GROUP)?
        .into_iter()
        .zip(u64s(&per, SESSIONS)?)
        .zip(u64s(&per, PEOPLE)?)
    {
        if let Some(row) = rows.get_mut(g as usize) {
            row.sessions = s;
            row.participants = p;
        }
    }
    rows[0].sessions = u64s(&all, SESSIONS)?.first().copied().unwrap_or(0);
    rows[0].participants = u64s(&all, PEOPLE)?.first().copied().unwrap_or(0);
    Ok(rows)
}

/// A round's notes with their counts.
#[derive(Debug, Clone)]
pub struct Summary {
    pub notes: Notes,
    pub counts: Counts,
    /// What the report quotes and `quotes.csv` lists.
    pub quotes: Vec<Quotes>,
}

impl Summary {
    pub fn new(notes: Notes) -> PolarsResult<Summary> {
        let counts = count(&notes)?;
        let quotes = quotes(&notes);
        Ok(Summary {
            notes,
            counts,
            quotes,
        })
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
pub fn count(notes: &Notes) -> PolarsResult<Counts> {
    let df = frame(notes)?;
    Ok(Counts {
        cells: cell_counts(&df)?,
        participation: participation(&df, notes.groups.len())?,
    })
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
        let c = count(&n).unwrap();
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
