//! The structure guess: which columns hold the respondent id, group and
//! institution, which hold ratings, and (through `layout`) how the rating
//! columns make measures, areas and items.
//!
//! Owns the order of the guesses and the roles of columns (the group: a
//! column named as one, else one named by a role, else the column that
//! looks most like categories; open answers: long, mostly distinct texts),
//! the item texts an SPSS file states, and the report language (a known
//! scale's, else `language`'s vote); refuses an export without rating
//! columns. An export without an id column is an anonymous survey. It must
//! not read the file (that is `export`) nor write the draft (that is
//! `write`).

use std::collections::{HashMap, HashSet};

use super::classify::{
    kind, looks_like_date, Kind, COMMENT_HINTS, GROUP_HINTS, ID_NAMES, INSTITUTION_HINTS,
    META_NAMES, ROLE_HINTS, SEX_NAMES, SEX_VALUES, YES_NO,
};
use super::draft::{
    Draft, GroupDraft, ItemDraft, LanguageGuess, MeasureDraft, PerRound, Respondents,
};
use super::export::{Column, Export};
use super::family::{self, OtherScale};
use super::header;
use super::language;
use super::layout;
use super::scale::Origin;
use crate::codebook::normalize_cell;
use crate::Error;

impl Draft {
    /// The guesses in order: the columns' roles, then measures, areas and
    /// items from the rating columns' names (their LimeSurvey codes when
    /// the export has them).
    pub(super) fn guess(export: &Export, file: &str) -> Result<Draft, Error> {
        let roles = Roles::guess(export, file)?;
        let cols = &export.columns;
        let names: Vec<&str> = roles
            .rating
            .iter()
            .map(|&i| cols[i].name.as_str())
            .collect();
        let lime = roles
            .lime
            .then(|| layout::limesurvey_layout(&roles.rating, cols))
            .flatten();
        let (measures, areas, items) = match lime {
            Some((measure, areas, items)) => (vec![measure], areas, items),
            None => {
                let (suffixes, stems) = layout::split_measures(&names);
                let (measures, measure_of) = layout::measures(&suffixes, &roles.rating, cols);
                let (areas, mut items) = layout::areas_and_items(&stems, &names, &measure_of);
                texts_from_file(&mut items, cols);
                (measures, areas, items)
            }
        };
        Ok(Draft {
            language: guess_language(&measures, &items, &names),
            respondents: roles.respondents(export),
            measures,
            areas,
            items,
            comments: (roles.comments.iter())
                .map(|&i| PerRound::one(&cols[i].name))
                .collect(),
            other_scales: (roles.other_scales.iter())
                .map(|(what, cs)| {
                    (
                        what.clone(),
                        cs.iter().map(|&i| cols[i].name.clone()).collect(),
                    )
                })
                .collect(),
        })
    }
}

/// An item's text from its first column's variable label, where the file
/// gives one (SPSS): the wording as the questionnaire put it.
fn texts_from_file(items: &mut [ItemDraft], cols: &[Column]) {
    for it in items {
        let label = it.columns.first().and_then(|(_, name)| {
            let c = cols.iter().find(|c| c.name == name.first())?;
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
    /// Whether the header is LimeSurvey's `code. question`.
    lime: bool,
    id: Option<usize>,
    rating: Vec<usize>,
    /// Columns on other answer scales than the ratings'.
    other_scales: Vec<OtherScale>,
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
        let lime = header::is_limesurvey(cols.iter().map(|c| c.name.as_str()));
        // An unnamed column (a row number) and the survey tool's own
        // columns play no part.
        let meta: HashSet<usize> = (0..cols.len())
            .filter(|&i| {
                let name = normalize_cell(&cols[i].name);
                name.is_empty() || META_NAMES.contains(&name.as_str())
            })
            .collect();
        let id = guess_id(export, &meta);
        let vocab = shared_texts(cols);
        let taken: HashSet<usize> = meta.iter().copied().chain(id).collect();
        let candidates: Vec<usize> = (0..cols.len())
            .filter(|i| !taken.contains(i) && looks_like_ratings(&cols[*i], &vocab))
            .collect();
        let (rating, other_scales) = family::most_common(cols, &candidates, lime);
        if rating.is_empty() {
            return Err(Error::Usage(format!(
                "{file}: no column looks like ratings (whole numbers on a small scale, answer codes such as A1, or \
                 answer texts shared by several columns)\n  fix: check that this is the questionnaire export, with a header row"
            )));
        }
        let (comments, others): (Vec<usize>, Vec<usize>) = (0..cols.len())
            .filter(|i| !taken.contains(i) && !candidates.contains(i))
            .partition(|&i| looks_like_free_text(&cols[i], export.rows));
        let (group, institution) = guess_group_institution(cols, &others);
        let group_others = others
            .iter()
            .copied()
            .filter(|&i| Some(i) != group && Some(i) != institution)
            .filter(|&i| cols[i].values.len() >= 2)
            .collect();
        Ok(Roles {
            lime,
            id,
            rating,
            other_scales,
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
        Respondents {
            id: self.id.map(|i| cols[i].name.clone()),
            id_why: id_why(export, self.id),
            group: self.group.map(|g| GroupDraft {
                column: PerRound::one(&cols[g].name),
                values: group_values(&cols[g]),
                counts: vec![cols[g].values.clone()],
            }),
            group_others: self
                .group_others
                .iter()
                .map(|&i| (cols[i].name.clone(), not_a_group(&cols[i]).unwrap_or("")))
                .collect(),
            institution: self.institution.map(|i| PerRound::one(&cols[i].name)),
        }
    }
}

/// Why the id is the column it is, or why there is none.
fn id_why(export: &Export, id: Option<usize>) -> String {
    let cols = &export.columns;
    match id {
        Some(i) if ID_NAMES.contains(&normalize_cell(&cols[i].name).as_str()) => {
            "guessed from its name".to_string()
        }
        Some(_) => format!(
            "the first column with a distinct value on each of the {} rows read",
            export.rows
        ),
        None => {
            let unnamed = cols
                .iter()
                .any(|c| c.name.is_empty() && c.values.len() == export.rows);
            format!(
                "no column has a distinct value on every row that looks like a respondent id{}; \
                 without id every row is one respondent (an anonymous survey): add id = \"...\" if there is one",
                if unnamed {
                    " (the unnamed column numbers the rows: a row number, not a person)"
                } else {
                    ""
                }
            )
        }
    }
}

/// The group column (among `others`): of the columns named as a group
/// (`sector`, `group`) or by a role (`contract`, `functie`; whole words),
/// the most answered (a question only some were asked is no way to split
/// everyone; a group name first on a tie); else the column that looks most
/// like categories (2 to 12 values, not an id, a date, yes/no or sex, and
/// of those the fewest values). The institution column by name, not when
/// it asks for a kind (`type of organisation`: a category).
fn guess_group_institution(cols: &[Column], others: &[usize]) -> (Option<usize>, Option<usize>) {
    let categories = |c: &Column| not_a_group(c).is_none();
    let group_named = |n: &str| GROUP_HINTS.iter().any(|h| n.contains(h));
    let role = |n: &str| {
        n.split(|c: char| !c.is_alphanumeric())
            .any(|w| ROLE_HINTS.contains(&w))
    };
    let group = others
        .iter()
        .copied()
        .filter(|&i| {
            let (c, n) = (&cols[i], normalize_cell(&cols[i].name));
            (group_named(&n)
                && (2..=20).contains(&c.values.len())
                && matches!(not_a_group(c), None | Some("more than 12 values")))
                || (role(&n) && categories(c))
        })
        .rev()
        .max_by_key(|&i| (cols[i].filled, group_named(&normalize_cell(&cols[i].name))))
        .or_else(|| {
            others
                .iter()
                .copied()
                .filter(|&i| categories(&cols[i]))
                .min_by_key(|&i| cols[i].values.len())
        });
    let rest: Vec<usize> = others
        .iter()
        .copied()
        .filter(|i| Some(*i) != group)
        .collect();
    let named = |n: &str| INSTITUTION_HINTS.iter().any(|h| n.contains(h));
    let institution = most_answered(cols, &rest, named, |c| {
        let n = normalize_cell(&c.name);
        !["type", "soort", "kind of"].iter().any(|k| n.contains(k))
    });
    (group, institution)
}

/// Of `candidates` whose normalized name is `named` and that `fit`, the one
/// with the most answers (the first on a tie).
fn most_answered(
    cols: &[Column],
    candidates: &[usize],
    named: impl Fn(&str) -> bool,
    fits: impl Fn(&Column) -> bool,
) -> Option<usize> {
    candidates
        .iter()
        .copied()
        .filter(|&i| named(&normalize_cell(&cols[i].name)) && fits(&cols[i]))
        .rev()
        .max_by_key(|&i| cols[i].filled)
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

/// The id column: a known name, else the first named column whose sampled
/// values are all filled, distinct and look like identifiers (no spaces,
/// no dates: not answers or timestamps). `None`: an anonymous survey.
fn guess_id(export: &Export, meta: &HashSet<usize>) -> Option<usize> {
    let cols = &export.columns;
    let identifier = |v: &String| !v.contains(char::is_whitespace) && !looks_like_date(v);
    ID_NAMES
        .iter()
        .find_map(|n| cols.iter().position(|c| normalize_cell(&c.name) == *n))
        .or_else(|| {
            (0..cols.len()).find(|&i| {
                !meta.contains(&i)
                    && cols[i].filled == export.rows
                    && cols[i].values.len() == export.rows
                    && cols[i].values.keys().all(identifier)
            })
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

/// Open answers: texts (not numbers, codes, dates or missing codes) of 15
/// characters or more on average, in a column named as remarks
/// (`Toelichting`, `comments`), or else most of them distinct (3 in 5) and
/// given by at least a fifth of the `rows` (a question most skip is an
/// "other, namely" field, a repeated answer a category).
fn looks_like_free_text(c: &Column, rows: usize) -> bool {
    let texts: Vec<&String> = c
        .values
        .keys()
        .filter(|v| kind(v) == Kind::Text && !looks_like_date(v))
        .collect();
    if texts.len() < 2 || texts.len() * 2 < c.values.len() {
        return false;
    }
    let chars: usize = texts.iter().map(|v| v.chars().count()).sum();
    if chars < 15 * texts.len() {
        return false;
    }
    let name = normalize_cell(&c.name);
    let named = name
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| COMMENT_HINTS.iter().any(|h| w.starts_with(h)));
    named || (c.values.len() * 5 >= c.filled * 3 && c.filled * 5 >= rows)
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
    use super::super::export::test_column as column;
    use super::*;

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
