//! The structure guess: which columns hold the respondent id, group and
//! institution, which hold ratings, and (through `layout`) how the rating
//! columns make measures, areas and items.
//!
//! Owns the order of the guesses and the roles of columns; refuses an
//! export without an id column or without rating columns. It must not read
//! the file (that is `export`) nor write the draft (that is `render`).

use std::collections::{HashMap, HashSet};

use super::classify::{kind, Kind, GROUP_HINTS, ID_NAMES, INSTITUTION_HINTS, META_NAMES};
use super::draft::{Draft, Respondents};
use super::export::{Column, Export};
use super::layout;
use crate::codebook::normalize_cell;
use crate::Error;

impl Draft {
    /// The guesses in order: the columns' roles, then measures, areas and
    /// items from the rating columns' names.
    pub(super) fn guess(export: &Export, file: &str) -> Result<Draft, Error> {
        let roles = Roles::guess(export, file)?;
        let cols = &export.columns;
        let names: Vec<&str> = roles
            .rating
            .iter()
            .map(|&i| cols[i].name.as_str())
            .collect();
        let (suffixes, stems) = layout::split_measures(&names);
        let (measures, measure_of) = layout::measures(&suffixes, &roles.rating, cols);
        let (areas, items) = layout::areas_and_items(&stems, &names, &measure_of);
        Ok(Draft {
            respondents: roles.respondents(export),
            measures,
            areas,
            items,
            comments: roles
                .comments
                .iter()
                .map(|&i| cols[i].name.clone())
                .collect(),
        })
    }
}

/// Which column plays which part (indices into `Export::columns`).
struct Roles {
    id: usize,
    rating: Vec<usize>,
    group: Option<usize>,
    institution: Option<usize>,
    /// Columns of long free text: open answers.
    comments: Vec<usize>,
}

impl Roles {
    fn guess(export: &Export, file: &str) -> Result<Roles, Error> {
        let cols = &export.columns;
        let meta: HashSet<usize> = (0..cols.len())
            .filter(|&i| META_NAMES.contains(&normalize_cell(&cols[i].name).as_str()))
            .collect();
        let id = guess_id(export, &meta).ok_or_else(|| {
            Error::Usage(format!(
                "{file}: no column looks like a respondent id (a column named id, respondent or \
                 ResponseId, or one with a distinct value on every row)\n  fix: add such a column to the export"
            ))
        })?;
        let vocab = shared_texts(cols);
        let taken: HashSet<usize> = meta.iter().copied().chain([id]).collect();
        let rating: Vec<usize> = (0..cols.len())
            .filter(|i| !taken.contains(i) && looks_like_ratings(&cols[*i], &vocab))
            .collect();
        if rating.is_empty() {
            return Err(Error::Usage(format!(
                "{file}: no column looks like ratings (whole numbers on a small scale, answer codes such as A1, or \
                 answer texts shared by several columns)\n  fix: check that this is the questionnaire export, with a header row"
            )));
        }
        let (comments, others): (Vec<usize>, Vec<usize>) = (0..cols.len())
            .filter(|i| !taken.contains(i) && !rating.contains(i))
            .partition(|&i| looks_like_free_text(&cols[i]));
        let (group, institution) = guess_group_institution(cols, &others);
        Ok(Roles {
            id,
            rating,
            group,
            institution,
            comments,
        })
    }

    /// The `[respondents]` draft: column names, the id's reason, the group's
    /// values.
    fn respondents(&self, export: &Export) -> Respondents {
        let cols = &export.columns;
        let id = &cols[self.id];
        let id_why = if ID_NAMES.contains(&normalize_cell(&id.name).as_str()) {
            "guessed from its name".to_string()
        } else {
            format!(
                "the first column with a distinct value on each of the {} rows read",
                export.rows
            )
        };
        Respondents {
            id: id.name.clone(),
            id_why,
            group: self.group.map(|g| {
                let c = &cols[g];
                (
                    c.name.clone(),
                    c.order.iter().map(|v| c.values[v].1.clone()).collect(),
                )
            }),
            institution: self.institution.map(|i| cols[i].name.clone()),
        }
    }
}

/// The group column (by name, else the column of 2 to 12 values with the
/// fewest) and the institution column (by name), among `others`.
fn guess_group_institution(cols: &[Column], others: &[usize]) -> (Option<usize>, Option<usize>) {
    let group = guess_by_name(cols, others, GROUP_HINTS, |c| {
        (2..=20).contains(&c.values.len())
    })
    .or_else(|| {
        others
            .iter()
            .copied()
            .filter(|&i| (2..=12).contains(&cols[i].values.len()))
            .min_by_key(|&i| cols[i].values.len())
    });
    let institution = guess_by_name(
        cols,
        &others
            .iter()
            .copied()
            .filter(|i| Some(*i) != group)
            .collect::<Vec<_>>(),
        INSTITUTION_HINTS,
        |_| true,
    );
    (group, institution)
}

/// The id column: a known name, else the first column whose sampled values
/// are all filled and distinct.
fn guess_id(export: &Export, meta: &HashSet<usize>) -> Option<usize> {
    let cols = &export.columns;
    ID_NAMES
        .iter()
        .find_map(|n| cols.iter().position(|c| normalize_cell(&c.name) == *n))
        .or_else(|| {
            (0..cols.len()).find(|&i| {
                !meta.contains(&i)
                    && cols[i].filled == export.rows
                    && cols[i].values.len() == export.rows
            })
        })
}

/// The first of `candidates` whose name holds a hint word.
fn guess_by_name(
    cols: &[Column],
    candidates: &[usize],
    hints: &[&str],
    fits: impl Fn(&Column) -> bool,
) -> Option<usize> {
    candidates.iter().copied().find(|&i| {
        let n = normalize_cell(&cols[i].name);
        hints.iter().any(|h| n.contains(h)) && fits(&cols[i])
    })
}

/// Answer texts that occur in two or more columns with few distinct values:
/// the labels of a rating scale (a group or a name occurs in one column).
fn shared_texts(cols: &[Column]) -> HashSet<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for c in cols.iter().filter(|c| c.values.len() <= 25) {
        for v in c.values.keys() {
            if kind(v) == Kind::Text {
                *seen.entry(v.as_str()).or_default() += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(v, _)| v.to_string())
        .collect()
}

/// Open answers: mostly distinct texts (not numbers, codes or missing
/// codes) of 25 characters or more on average, as people write remarks.
fn looks_like_free_text(c: &Column) -> bool {
    let texts: Vec<&String> = c.values.keys().filter(|v| kind(v) == Kind::Text).collect();
    if texts.len() < 2 || texts.len() * 2 < c.values.len() {
        return false;
    }
    let chars: usize = texts.iter().map(|v| v.chars().count()).sum();
    chars >= 25 * texts.len()
}

/// Every sampled cell a number on a small scale, an answer code, a missing
/// code or a shared answer text.
fn looks_like_ratings(c: &Column, vocab: &HashSet<String>) -> bool {
    if c.filled == 0 || c.values.len() > 25 {
        return false;
    }
    let numbers: Vec<i64> = c
        .values
        .keys()
        .filter_map(|v| match kind(v) {
            Kind::Number(n) => Some(n),
            _ => None,
        })
        .collect();
    let small = match (numbers.iter().min(), numbers.iter().max()) {
        (Some(lo), Some(hi)) => *lo >= -100 && *hi <= 100 && hi - lo <= 20,
        _ => true,
    };
    small
        && c.values.keys().all(|v| match kind(v) {
            Kind::Text => vocab.contains(v),
            _ => true,
        })
}
