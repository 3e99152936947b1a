//! Which answer scale a column's cells come from (its *family*: a known
//! scale such as 5-point agreement, other answer texts, numbers, answer
//! codes, or yes/no), and the rating columns an export's candidates come
//! to: per measure, the columns of its most common scale.
//!
//! An export often asks several kinds of question (agreement, frequency,
//! yes/no, numbers): the items are the columns of the most common rating
//! scale; the other scales' columns are handed back, for the draft to list
//! so the user can add them. Owns that choice. It must not read the file
//! (that is `export`) nor decide a scale's points and labels (that is
//! `scale`).

use super::classify::{kind, Kind, YES_NO};
use super::export::Column;
use super::known;
use super::layout;

/// The answer scale a column's cells come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Family {
    /// A scale of the `known` table, whatever number of its points is seen.
    Known {
        kind: &'static str,
        language: &'static str,
    },
    /// Answer texts no known scale holds (sorted, normalized).
    Labels(Vec<String>),
    /// Whole numbers on a small range, or numbers beside answer texts no
    /// known scale holds.
    Numbers,
    /// Answer codes (`A1`, `B3`): LimeSurvey's coded answers.
    Codes,
    /// Yes and no (or 0 and 1): a question, not a rating.
    YesNo,
}

impl Family {
    /// The family of column `c` (its cells apart from missing codes), and
    /// whether it holds numbers beside answer texts (a number or its label
    /// may be typed in one column, or a number is a slip).
    pub(super) fn of(c: &Column) -> (Family, bool) {
        let mut texts: Vec<&str> = Vec::new();
        let (mut numbers, mut codes) = (false, false);
        for v in c.values.keys() {
            match kind(v) {
                Kind::Text => texts.push(v),
                Kind::Number(_) => numbers = true,
                Kind::Code(..) => codes = true,
                Kind::Missing => {}
            }
        }
        if c.values
            .keys()
            .all(|v| YES_NO.contains(&v.as_str()) || kind(v) == Kind::Missing)
        {
            return (Family::YesNo, false);
        }
        if texts.is_empty() {
            let family = if codes && !numbers {
                Family::Codes
            } else {
                Family::Numbers
            };
            return (family, false);
        }
        let mixed = numbers || codes;
        match known::match_labels(&texts) {
            Some(m) => (
                Family::Known {
                    kind: m.scale.kind,
                    language: m.scale.language,
                },
                mixed,
            ),
            None if mixed => (Family::Numbers, false),
            None => (
                Family::Labels(texts.iter().map(|t| t.to_string()).collect()),
                false,
            ),
        }
    }

    /// Whether a column of `other` belongs with this family's: the same
    /// family, or answer texts that share a text (each column shows only
    /// the points its respondents chose).
    fn joins(&self, other: &Family) -> bool {
        match (self, other) {
            (Family::Labels(a), Family::Labels(b)) => a.iter().any(|t| b.contains(t)),
            _ => self == other,
        }
    }

    /// This family widened by `other`'s texts, when both are answer texts.
    fn absorb(&mut self, other: Family) {
        if let (Family::Labels(a), Family::Labels(b)) = (self, other) {
            for t in b {
                if !a.contains(&t) {
                    a.push(t);
                }
            }
            a.sort();
        }
    }

    /// The family in words, for the draft's comment.
    pub(super) fn describe(&self) -> String {
        match self {
            Family::Known { kind, language } => format!("the {kind} scale ({language})"),
            Family::Labels(l) => {
                let shown: Vec<&str> = l.iter().take(4).map(String::as_str).collect();
                let more = if l.len() > 4 { " ..." } else { "" };
                format!("the answers {}{more}", shown.join(" / "))
            }
            Family::Numbers => "numbers".into(),
            Family::Codes => "answer codes".into(),
            Family::YesNo => "yes/no".into(),
        }
    }
}

/// Another scale's columns, not taken as items: (the scale in words, the
/// columns, indices into the export's columns).
pub(super) type OtherScale = (String, Vec<usize>);

/// A measure's families: (family, columns, whether some column holds
/// numbers beside its answer texts).
type Families = Vec<(Family, Vec<usize>, bool)>;

/// Columns of numbers alone join the largest family whose columns hold
/// numbers beside answer texts: there the numbers are that scale's values.
fn numbers_join_their_labels(families: &mut Families) {
    let Some(numbers) = families.iter().position(|(f, _, _)| *f == Family::Numbers) else {
        return;
    };
    let host = (0..families.len())
        .filter(|&f| families[f].2)
        .rev()
        .max_by_key(|&f| families[f].1.len());
    if let Some(host) = host {
        let (_, columns, _) = families.remove(numbers);
        let host = if host > numbers { host - 1 } else { host };
        families[host].1.extend(columns);
    }
}

/// The rating columns among `candidates` (indices into `cols`): per
/// measure (columns sharing a name suffix; one measure for all when
/// `one_measure`, as LimeSurvey's `code. question` names share none), the
/// columns of its most common family (the first seen on a tie). Yes/no
/// columns are never ratings; the other families come back apart.
pub(super) fn most_common(
    cols: &[Column],
    candidates: &[usize],
    one_measure: bool,
) -> (Vec<usize>, Vec<OtherScale>) {
    let names: Vec<&str> = candidates.iter().map(|&i| cols[i].name.as_str()).collect();
    let measure_of: Vec<String> = if one_measure {
        vec![String::new(); names.len()]
    } else {
        layout::split_measures(&names).0
    };
    let mut measures: Vec<(&str, Families)> = Vec::new();
    for (&i, m) in candidates.iter().zip(&measure_of) {
        let (family, mixed) = Family::of(&cols[i]);
        if family == Family::YesNo {
            continue;
        }
        let at = match measures.iter().position(|(k, _)| k == m) {
            Some(at) => at,
            None => {
                measures.push((m, Vec::new()));
                measures.len() - 1
            }
        };
        let families = &mut measures[at].1;
        match families.iter_mut().find(|(f, _, _)| f.joins(&family)) {
            Some((f, columns, any_mixed)) => {
                f.absorb(family);
                columns.push(i);
                *any_mixed |= mixed;
            }
            None => families.push((family, vec![i], mixed)),
        }
    }
    let mut rating = Vec::new();
    let mut others = Vec::new();
    for (_, mut families) in measures {
        numbers_join_their_labels(&mut families);
        let best = (0..families.len())
            .rev()
            .max_by_key(|&f| families[f].1.len())
            .unwrap_or(0);
        for (f, (family, columns, _)) in families.into_iter().enumerate() {
            if f == best {
                rating.extend(columns);
            } else {
                others.push((family.describe(), columns));
            }
        }
    }
    rating.sort_unstable();
    others.sort_by_key(|(_, columns)| std::cmp::Reverse(columns.len()));
    (rating, others)
}

#[cfg(test)]
mod tests {
    use super::super::export::test_column as column;
    use super::*;

    #[test]
    fn the_most_common_scale_makes_the_items() {
        let agree = ["strongly agree", "agree", "neither agree or disagree"];
        let often = ["never", "very often", "always"];
        let cols = vec![
            column("a1. A", &agree),
            column("f1. F", &often),
            column("a2. B", &agree),
            column("y1. Y", &["yes", "no"]),
            column("n1. N", &["1", "2", "5"]),
            column("f2. G", &["never", "sometimes"]),
            column("a3. C", &["disagree", "agree"]),
        ];
        let (rating, others) = most_common(&cols, &[0, 1, 2, 3, 4, 5, 6], true);
        assert_eq!(rating, vec![0, 2, 6]);
        assert_eq!(
            others,
            vec![
                ("the frequency scale (en)".to_string(), vec![1, 5]),
                ("numbers".to_string(), vec![4]),
            ]
        );
        let mixed = column("x", &["1", "weet niet", "eens"]);
        let (family, holds_numbers) = Family::of(&mixed);
        assert!(
            matches!(
                family,
                Family::Known {
                    kind: "agreement",
                    ..
                }
            ) && holds_numbers
        );
        assert_eq!(
            Family::of(&column("y", &["1", "10 (all my time)"])),
            (Family::Numbers, false)
        );
    }
}
