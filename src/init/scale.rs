//! The scale a measure's cells suggest: its range, its labels ordered by
//! their wording, its answer codes and its missing codes ("weet niet", and
//! 9/99/999 apart from the other values).
//!
//! A scale is taken, in this order, from what an SPSS file states (value
//! labels, user-missing values), from a known scale its answer texts match
//! (`known`), or from the values and wordings seen.
//!
//! Owns what the cells of one measure say about its scale. It must not look
//! at column names (that is `guess` and `layout`) nor write TOML (that is
//! `write`).

use std::collections::{BTreeMap, HashSet};

use super::classify::{kind, Kind};
use super::export::Column;
use super::known;
use crate::codebook::normalize_cell;

/// Where a scale guess comes from, which decides what a person must check.
#[derive(Default, Clone, Copy, PartialEq, Debug)]
pub(super) enum Origin {
    /// The values and wordings seen: every part is a guess.
    #[default]
    Seen,
    /// A known scale the answer texts match: its points and order are known.
    Known {
        kind: &'static str,
        language: &'static str,
    },
    /// The export's own dictionary (SPSS value labels and missing values).
    File,
}

#[derive(Default, Clone, PartialEq)]
pub(super) struct ScaleGuess {
    pub(super) origin: Origin,
    pub(super) min: i64,
    pub(super) max: i64,
    /// Values seen outside the scale guessed (slips): (value, count).
    pub(super) rare: Vec<(String, usize)>,
    /// Ordered labels, or the label texts that could not be ordered.
    pub(super) labels: Vec<(i64, String)>,
    pub(super) unordered: Vec<String>,
    /// Original code text -> value.
    pub(super) codes: Vec<(String, i64)>,
    /// Missing codes seen: (original text, count).
    pub(super) missing: Vec<(String, usize)>,
}

impl ScaleGuess {
    pub(super) fn from_columns(cols: &[&Column]) -> ScaleGuess {
        let mut tally = Tally::of(cols);
        if let Some(g) = ScaleGuess::stated(cols, &tally) {
            return g;
        }
        tally.set_apart_dont_know();
        if let Some(g) = ScaleGuess::known(&tally) {
            return g;
        }
        // Labels: ordered by their wording, if that gives each its own place.
        let (ranked, orderable) = rank_labels(&tally.texts);
        let k = if orderable { ranked.len() as i64 } else { 0 };
        let cells: usize = cols.iter().map(|c| c.filled).sum();
        let (min, max) = scale_range(&tally.values(), cells, k);
        let mut g = ScaleGuess {
            min,
            max,
            missing: std::mem::take(&mut tally.missing).into_iter().collect(),
            ..ScaleGuess::default()
        };
        if orderable && k > 0 && k == max - min + 1 {
            g.labels = ranked
                .into_iter()
                .zip(min..)
                .map(|((_, l), v)| (v, l))
                .collect();
        } else {
            g.unordered = tally
                .texts
                .iter()
                .map(|(v, (_, shown))| tidy_label(shown, v))
                .collect();
        }
        g.sort_out(&tally);
        g
    }

    /// The scale the file states: every column with the same value labels
    /// (missing values apart). Cells read as their labels; a number left
    /// without one is off the scale. A value labelled as no rating ("weet
    /// niet") but not declared missing is a missing code by its value, the
    /// text `peil run` reads in its cells.
    fn stated(cols: &[&Column], tally: &Tally) -> Option<ScaleGuess> {
        let first = &cols.first()?.stated;
        if first.values.is_empty() || cols.iter().any(|c| c.stated.values != first.values) {
            return None;
        }
        let (points, no_rating): (Vec<_>, Vec<_>) = first
            .values
            .iter()
            .cloned()
            .partition(|(_, l)| kind(&normalize_cell(l)) != Kind::Missing);
        let mut missing: Vec<(String, usize)> = Vec::new();
        let declared = cols.iter().flat_map(|c| c.stated.missing.iter().cloned());
        for m in declared.chain(no_rating.iter().map(|(v, _)| v.to_string())) {
            if !missing.iter().any(|(w, _)| *w == m) {
                missing.push((m, 0));
            }
        }
        let mut g = ScaleGuess {
            origin: Origin::File,
            min: points.first()?.0,
            max: points.last()?.0,
            labels: points,
            missing,
            ..ScaleGuess::default()
        };
        g.sort_out(tally);
        Some(g)
    }

    /// The known scale the answer texts match: points 1 to its size, every
    /// label of it, whether or not all were answered.
    fn known(tally: &Tally) -> Option<ScaleGuess> {
        let seen: Vec<String> = tally
            .texts
            .iter()
            .map(|(v, (_, shown))| tidy_label(shown, v))
            .collect();
        let m = known::match_labels(&seen.iter().map(String::as_str).collect::<Vec<_>>())?;
        let mut g = ScaleGuess {
            origin: Origin::Known {
                kind: m.scale.kind,
                language: m.scale.language,
            },
            min: 1,
            max: m.labels.len() as i64,
            labels: (1..).zip(m.labels).collect(),
            missing: tally.missing.iter().map(|(w, n)| (w.clone(), *n)).collect(),
            ..ScaleGuess::default()
        };
        g.sort_out(tally);
        Some(g)
    }

    /// Numbers and codes off the scale are rare (slips); codes on it are
    /// kept, ordered by value.
    fn sort_out(&mut self, tally: &Tally) {
        let on_scale = |x: &i64| (self.min..=self.max).contains(x);
        let mut rare = Vec::new();
        let mut codes = Vec::new();
        for (x, (n, shown)) in &tally.numbers {
            if !on_scale(x) {
                rare.push((shown.clone(), *n));
            }
        }
        for (code, (n, x)) in &tally.codes {
            if on_scale(x) {
                codes.push((code.clone(), *x));
            } else {
                rare.push((code.clone(), *n));
            }
        }
        codes.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        self.rare = rare;
        self.codes = codes;
    }
}

/// The cells of a measure's columns, tallied by kind.
#[derive(Default)]
struct Tally<'a> {
    /// Numbers by value ("1" and "1,0" alike): (cells, first text seen).
    numbers: BTreeMap<i64, (usize, String)>,
    /// Answer codes by text, upper case: (cells, value).
    codes: BTreeMap<String, (usize, i64)>,
    /// Other texts apart, normalized: (cells, first text seen).
    texts: BTreeMap<&'a str, (usize, &'a str)>,
    /// Missing codes as first seen: cells.
    missing: BTreeMap<String, usize>,
}

impl<'a> Tally<'a> {
    fn of(cols: &[&'a Column]) -> Tally<'a> {
        let mut t = Tally::default();
        for &c in cols {
            for (v, (n, shown)) in &c.values {
                match kind(v) {
                    Kind::Missing => *t.missing.entry(shown.clone()).or_default() += n,
                    Kind::Number(x) => t.numbers.entry(x).or_insert((0, shown.clone())).0 += n,
                    Kind::Code(_, x) => t.codes.entry(v.to_uppercase()).or_insert((0, x)).0 += n,
                    Kind::Text => t.texts.entry(v.as_str()).or_insert((0, shown.as_str())).0 += n,
                }
            }
        }
        t
    }

    /// Value -> cells, numbers and codes together.
    fn values(&self) -> BTreeMap<i64, usize> {
        let mut values: BTreeMap<i64, usize> = BTreeMap::new();
        for (x, (n, _)) in &self.numbers {
            *values.entry(*x).or_default() += n;
        }
        for (n, x) in self.codes.values() {
            *values.entry(*x).or_default() += n;
        }
        values
    }

    /// 9, 99, 999 apart from the other values: "don't know" by convention,
    /// moved from the numbers and codes to the missing codes.
    fn set_apart_dont_know(&mut self) {
        let values = self.values();
        let dont_know: HashSet<i64> = values
            .keys()
            .copied()
            .filter(|&x| {
                [9, 99, 999].contains(&x)
                    && !values.contains_key(&(x - 1))
                    && values.keys().any(|v| (0..x - 1).contains(v))
            })
            .collect();
        for (code, (n, x)) in &self.codes {
            if dont_know.contains(x) {
                self.missing.insert(code.clone(), *n);
            }
        }
        for (x, (n, shown)) in &self.numbers {
            if dont_know.contains(x) {
                self.missing.insert(shown.clone(), *n);
            }
        }
        self.numbers.retain(|x, _| !dont_know.contains(x));
        self.codes.retain(|_, (_, x)| !dont_know.contains(x));
    }
}

/// The answer texts ordered by their wording (as written), and whether that
/// gives each its own place.
fn rank_labels(texts: &BTreeMap<&str, (usize, &str)>) -> (Vec<(u8, String)>, bool) {
    let mut ranked: Vec<(u8, String)> = Vec::new();
    let mut orderable = true;
    for (v, (_, shown)) in texts {
        match label_rank(v) {
            Some(r) if ranked.iter().all(|(k, _)| *k != r) => {
                ranked.push((r, tidy_label(shown, v)))
            }
            _ => orderable = false,
        }
    }
    ranked.sort();
    (ranked, orderable)
}

/// The scale's range from the values seen (value -> cells, of `cells`
/// filled cells in all) and the number of ordered labels `k` (0: none). With labels: the `k` points that cover
/// most cells (nearest to 1 on a tie). Without: the values seen, less those
/// seen once or twice in a thousand cells at either end (a slip, not a
/// scale point).
fn scale_range(values: &BTreeMap<i64, usize>, cells: usize, k: i64) -> (i64, i64) {
    let total = cells;
    let frequent: Vec<i64> = values
        .iter()
        .filter(|(_, n)| !(**n <= 2 && **n * 1000 < total))
        .map(|(x, _)| *x)
        .collect();
    let (lo, hi) = match (frequent.first(), frequent.last()) {
        (Some(lo), Some(hi)) => (*lo, *hi),
        _ => return (1, k.max(2)),
    };
    if k < 2 || hi - lo + 1 > k {
        return (lo, hi);
    }
    let covered = |a: i64| -> usize { values.range(a..=a + k - 1).map(|(_, n)| n).sum() };
    let best = (hi - k + 1..=lo)
        .max_by_key(|a| (covered(*a), std::cmp::Reverse((a - 1).abs())))
        .unwrap_or(lo);
    (best, best + k - 1)
}

/// A label as written: the text seen, in lower case unless it was mixed case.
fn tidy_label(shown: &str, normalized: &str) -> String {
    if shown.chars().any(char::is_lowercase) {
        let mut c = shown.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        normalized.to_string()
    }
}

/// Where a Likert label sits, from its words: "helemaal niet" < "niet" <
/// "neutraal" < plain < "zeer" (and their English equivalents).
fn label_rank(label: &str) -> Option<u8> {
    let words: Vec<&str> = label.split(' ').collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let negative = has(&[
        "niet",
        "not",
        "oneens",
        "disagree",
        "geen",
        "nooit",
        "never",
        "onvoldoende",
    ]);
    let strong = has(&[
        "zeer",
        "heel",
        "helemaal",
        "volledig",
        "totaal",
        "very",
        "strongly",
        "completely",
        "extremely",
    ]);
    let neutral = has(&["neutraal", "neutral", "neither", "gemiddeld"]);
    Some(match (negative, strong, neutral) {
        (_, _, true) => 2,
        (true, true, _) => 0,
        (true, false, _) => 1,
        (false, false, _) => 3,
        (false, true, _) => 4,
    })
}

#[cfg(test)]
mod tests {
    use super::super::export::Stated;
    use super::*;

    /// A column of sampled cells (normalized = shown) with value labels.
    fn column(cells: &[(&str, usize)], values: &[(i64, &str)], missing: &[&str]) -> Column {
        Column {
            name: "v".into(),
            values: cells
                .iter()
                .map(|(v, n)| (v.to_string(), (*n, v.to_string())))
                .collect(),
            filled: cells.iter().map(|(_, n)| n).sum(),
            order: cells.iter().map(|(v, _)| v.to_string()).collect(),
            stated: Stated {
                label: None,
                values: values.iter().map(|(v, l)| (*v, l.to_string())).collect(),
                missing: missing.iter().map(|m| m.to_string()).collect(),
            },
        }
    }

    #[test]
    fn a_stated_scale_sets_no_rating_labels_apart() {
        let c = column(
            &[("oneens", 2), ("eens", 3), ("weet niet", 1), ("5", 1)],
            &[(1, "oneens"), (2, "eens"), (9, "weet niet")],
            &["n.v.t."],
        );
        let g = ScaleGuess::from_columns(&[&c]);
        assert_eq!(g.origin, Origin::File);
        assert_eq!((g.min, g.max), (1, 2));
        assert_eq!(g.labels, vec![(1, "oneens".into()), (2, "eens".into())]);
        let missing: Vec<&str> = g.missing.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(missing, vec!["n.v.t.", "9"]);
        assert_eq!(g.rare, vec![("5".to_string(), 1)]);
    }

    #[test]
    fn labels_are_ordered_by_their_wording() {
        let mut l = vec![
            "zeer herkenbaar",
            "niet herkenbaar",
            "helemaal niet herkenbaar",
            "herkenbaar",
        ];
        l.sort_by_key(|s| label_rank(s));
        assert_eq!(
            l,
            vec![
                "helemaal niet herkenbaar",
                "niet herkenbaar",
                "herkenbaar",
                "zeer herkenbaar"
            ]
        );
        assert!(label_rank("neutraal") < label_rank("mee eens"));
        assert!(label_rank("mee oneens") < label_rank("neutraal"));
    }
}
