//! The structure guess: which columns hold the respondent id, group and
//! institution, which hold ratings, and (through `layout`) how the rating
//! columns make measures, areas and items.
//!
//! Owns the order of the guesses and the roles of columns (the group: the
//! column that looks most like categories), the item texts an SPSS file
//! states, and the report language (a known scale's, else `language`'s
//! vote); refuses an export without an id column or without rating columns. It must not read
//! the file (that is `export`) nor write the draft (that is `write`).

use std::collections::{HashMap, HashSet};

use super::classify::{
    kind, looks_like_date, Kind, GROUP_HINTS, ID_NAMES, INSTITUTION_HINTS, META_NAMES, SEX_NAMES,
    SEX_VALUES, YES_NO,
};
use super::draft::{Draft, ItemDraft, LanguageGuess, MeasureDraft, Respondents};
use super::export::{Column, Export};
use super::language;
use super::layout;
use super::scale::Origin;
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
        let (areas, mut items) = layout::areas_and_items(&stems, &names, &measure_of);
        texts_from_file(&mut items, cols);
        Ok(Draft {
            language: guess_language(&measures, &items, &names),
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

/// An item's text from its first column's variable label, where the file
/// gives one (SPSS): the wording as the questionnaire put it.
fn texts_from_file(items: &mut [ItemDraft], cols: &[Column]) {
    for it in items {
        let label = it.columns.first().and_then(|(_, name)| {
            let c = cols.iter().find(|c| &c.name == name)?;
            c.stated.label.clone()
        });
        if let Some(l) = label {
            it.text = l;
            it.text_stated = true;
        }
    }
}

/// The language of the first measure on a known scale; else the vote of
/// the words in the labels, item texts and rating column names.
fn guess_language(measures: &[MeasureDraft], items: &[ItemDraft], names: &[&str]) -> LanguageGuess {
    if let Some(language) = measures.iter().find_map(|m| match m.scale.origin {
        Origin::Known { language, .. } => Some(language),
        _ => None,
    }) {
        return LanguageGuess {
            code: language,
            votes: None,
        };
    }
    let labels = measures.iter().flat_map(|m| {
        let s = &m.scale;
        s.labels
            .iter()
            .map(|(_, l)| l.as_str())
            .chain(s.unordered.iter().map(String::as_str))
    });
    let texts = items.iter().map(|i| i.text.as_str());
    let (code, nl, en) = language::vote(labels.chain(texts).chain(names.iter().copied()));
    LanguageGuess {
        code,
        votes: Some((nl, en)),
    }
}

/// Which column plays which part (indices into `Export::columns`).
struct Roles {
    id: usize,
    rating: Vec<usize>,
    group: Option<usize>,
    /// The columns left (of two values or more) not taken as the group.
    group_others: Vec<usize>,
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
        let group_others = others
            .iter()
            .copied()
            .filter(|&i| Some(i) != group && Some(i) != institution)
            .filter(|&i| cols[i].values.len() >= 2)
            .collect();
        Ok(Roles {
            id,
            rating,
            group,
            group_others,
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
            group: self
                .group
                .map(|g| (cols[g].name.clone(), group_values(&cols[g]))),
            group_others: self
                .group_others
                .iter()
                .map(|&i| (cols[i].name.clone(), not_a_group(&cols[i]).unwrap_or("")))
                .collect(),
            institution: self.institution.map(|i| cols[i].name.clone()),
        }
    }
}

/// The group column (by name, else the column that looks most like
/// categories: 2 to 12 values, not an id, a date, yes/no or sex, and of
/// those the fewest values) and the institution column (by name), among
/// `others`.
fn guess_group_institution(cols: &[Column], others: &[usize]) -> (Option<usize>, Option<usize>) {
    let group = guess_by_name(cols, others, GROUP_HINTS, |c| {
        (2..=20).contains(&c.values.len())
    })
    .or_else(|| {
        others
            .iter()
            .copied()
            .filter(|&i| not_a_group(&cols[i]).is_none())
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

/// The group's values: as the file's value labels order them (SPSS), else
/// in order of first appearance.
fn group_values(c: &Column) -> Vec<String> {
    if c.stated.values.is_empty() {
        c.order.iter().map(|v| c.values[v].1.clone()).collect()
    } else {
        c.stated.values.iter().map(|(_, l)| l.clone()).collect()
    }
}

/// Why column `c` is no stakeholder group, or `None` when its values look
/// like categories. A sex, yes/no or date column has few values too, but
/// a team compares stakeholders, not those.
fn not_a_group(c: &Column) -> Option<&'static str> {
    let name = normalize_cell(&c.name);
    let all_in = |list: &[&str]| c.values.keys().all(|v| list.contains(&v.as_str()));
    let n = c.values.len();
    if n < 2 {
        Some("fewer than 2 values")
    } else if SEX_NAMES
        .iter()
        .any(|s| name.split(|c: char| !c.is_alphanumeric()).any(|w| w == *s))
        || all_in(SEX_VALUES)
    {
        Some("sex or gender")
    } else if all_in(YES_NO) {
        Some("yes/no")
    } else if c.values.keys().all(|v| looks_like_date(v)) {
        Some("dates")
    } else if n > 2 && n * 10 >= c.filled * 9 {
        Some("an id: nearly every value distinct")
    } else if n > 12 {
        Some("more than 12 values")
    } else {
        None
    }
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

#[cfg(test)]
mod tests {
    use super::super::export::Stated;
    use super::*;

    /// A column named `name` whose cells are `cells`, each once.
    fn column(name: &str, cells: &[&str]) -> Column {
        let mut values = std::collections::BTreeMap::new();
        for v in cells {
            values.entry(v.to_string()).or_insert((0, v.to_string())).0 += 1;
        }
        Column {
            name: name.into(),
            values,
            filled: cells.len(),
            order: Vec::new(),
            stated: Stated::default(),
        }
    }

    #[test]
    fn only_category_columns_can_be_the_group() {
        let yes_no = column("Mantelzorger", &["ja", "nee", "ja", "nee"]);
        assert_eq!(not_a_group(&yes_no), Some("yes/no"));
        let dates = column("Ingevuld", &["2025-03-01", "2025-03-02", "2025-03-01"]);
        assert_eq!(not_a_group(&dates), Some("dates"));
        let sex = column("Q7", &["m", "v", "v", "x"]);
        assert_eq!(not_a_group(&sex), Some("sex or gender"));
        let named = column("Gender identity", &["a", "b", "a"]);
        assert_eq!(not_a_group(&named), Some("sex or gender"));
        let cells: Vec<String> = (0..20).map(|i| format!("n{i}")).collect();
        let id = column(
            "Lidnr",
            &cells.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        assert_eq!(not_a_group(&id), Some("an id: nearly every value distinct"));
        let roles = [
            "docent",
            "ondersteuner",
            "docent",
            "manager",
            "docent",
            "manager",
        ];
        assert_eq!(not_a_group(&column("Functie", &roles)), None);
    }
}
