//! Panel stability between two rounds: the respondents who took part in
//! both, and per item or area score how many of them were scored in both
//! (`n_paired`), the share whose score changed (`changed`) and the Wilcoxon
//! signed-rank test of the later minus the earlier score (`v_paired`,
//! `p_paired`) (docs/reference.md, "Compare").
//!
//! Owns the pairing (by `Respondent::panel_key`, a hash: no id ever reaches
//! this stage) and the exact paired tallies, per group of the later round
//! and `ALL`. It must not read files, format, or decide what is shown:
//! `compare` puts the figures on its rows and suppresses them.

use std::collections::HashMap;

use crate::analysis::stats::{self, SignedRank};
use crate::codebook::Codebook;
use crate::ingest::{Ingested, PanelKey};

/// The respondents of the later round who also answered the earlier one.
pub struct Pairs {
    /// (index in the earlier round, index in the later round), in the later
    /// round's order.
    pairs: Vec<(usize, usize)>,
    /// The later round's group of each pair (1-based, as `Respondent::group`).
    groups: Vec<u32>,
    /// Groups of the later round.
    n_groups: usize,
}

/// A score as an exact fraction (numerator, denominator > 0): a rating is
/// (x, 1), an area score (sum, count).
pub type Exact = (i64, i64);

/// The paired figures of one group row, before suppression.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairTally {
    /// Pairs scored in both rounds.
    pub n: u64,
    /// Of those, pairs whose score differs.
    pub changed: u64,
    /// Later minus earlier score, reduced, with how many pairs have it.
    diffs: HashMap<Exact, u64>,
}

impl PairTally {
    /// The share of pairs whose score changed; `None` without pairs.
    pub fn changed_share(&self) -> Option<f64> {
        stats::share(self.changed, self.n)
    }

    /// The signed-rank test of the differences, in a fixed order (sorted
    /// by value) so that reruns are byte-identical.
    pub fn test(&self) -> Option<SignedRank> {
        let mut d: Vec<(f64, u64)> = self
            .diffs
            .iter()
            .map(|(&(num, den), &c)| (num as f64 / den as f64, c))
            .collect();
        d.sort_by(|a, b| a.0.total_cmp(&b.0));
        stats::wilcoxon_signed_rank_counts(&d)
    }
}

/// The warning of a declared panel whose ids look like the survey tool's row
/// numbers in both rounds: pairs of them are probably not the same people
/// (a warning on stderr, never a ledger entry: nothing was set aside).
pub fn row_number_warning(
    study: &Codebook,
    from: (&str, &Ingested),
    to: (&str, &Ingested),
) -> Option<String> {
    let suspect = study.respondents.is_panel()
        && from.1.ids_look_like_row_numbers
        && to.1.ids_look_like_row_numbers;
    suspect.then(|| {
        format!(
            "warning: panel = true, but the ids of rounds {} and {} are whole numbers rising row by row, like a survey tool's row numbers; \
             the same number in both rounds is then not the same person. If the survey is anonymous, remove panel = true \
             (and [respondents] id) from study.toml",
            from.0, to.0
        )
    })
}

impl Pairs {
    /// Matches the respondents of two rounds by their panel keys (a
    /// respondent of an anonymous export has none and is never paired).
    pub fn new(from: &Ingested, to: &Ingested) -> Pairs {
        let earlier: HashMap<PanelKey, usize> = from
            .respondents
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((r.panel_key?, i)))
            .collect();
        let (pairs, groups) = to
            .respondents
            .iter()
            .enumerate()
            .filter_map(|(j, r)| Some(((*earlier.get(&r.panel_key?)?, j), r.group)))
            .unzip();
        Pairs {
            pairs,
            groups,
            n_groups: to.groups.len(),
        }
    }

    /// No pairs: rounds of a study that declares no panel are independent
    /// samples, whatever their ids (docs/reference.md, "Compare").
    pub fn none() -> Pairs {
        Pairs {
            pairs: Vec::new(),
            groups: Vec::new(),
            n_groups: 0,
        }
    }

    /// Respondents in both rounds.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The paired tallies of one score, `ALL` first and then the later
    /// round's groups in display order, given each respondent's score in
    /// the earlier and the later round.
    pub fn tally(
        &self,
        from: impl Fn(usize) -> Option<Exact>,
        to: impl Fn(usize) -> Option<Exact>,
    ) -> Vec<PairTally> {
        let mut out = vec![PairTally::default(); self.n_groups + 1];
        for (&(i, j), &g) in self.pairs.iter().zip(&self.groups) {
            let (Some(a), Some(b)) = (from(i), to(j)) else {
                continue;
            };
            let d = difference(a, b);
            for t in [0, g as usize] {
                let t = &mut out[t];
                t.n += 1;
                t.changed += u64::from(d.0 != 0);
                *t.diffs.entry(d).or_default() += 1;
            }
        }
        out
    }
}

/// b - a (the later minus the earlier score) of two exact fractions,
/// reduced, with a positive denominator.
fn difference((an, ad): Exact, (bn, bd): Exact) -> Exact {
    let (num, den) = (bn * ad - an * bd, ad * bd);
    let g = gcd(num.unsigned_abs(), den.unsigned_abs()).max(1) as i64;
    let sign = if den < 0 { -1 } else { 1 };
    (sign * num / g, sign * den / g)
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_exact_and_reduced() {
        // 10/3 - 3 and 3 - 8/3 are both 1/3 as fractions.
        assert_eq!(difference((3, 1), (10, 3)), (1, 3));
        assert_eq!(difference((8, 3), (3, 1)), (1, 3));
        assert_eq!(difference((6, 2), (5, 2)), (-1, 2));
        assert_eq!(difference((4, 1), (8, 2)), (0, 1));
    }

    #[test]
    fn tallies_count_pairs_scored_in_both_rounds_per_group() {
        let pairs = Pairs {
            pairs: vec![(0, 0), (1, 1), (2, 2), (3, 3)],
            groups: vec![1, 1, 2, 2],
            n_groups: 2,
        };
        let before = [Some((3, 1)), Some((2, 1)), None, Some((4, 1))];
        let after = [Some((4, 1)), Some((2, 1)), Some((1, 1)), Some((3, 1))];
        let t = pairs.tally(|i| before[i], |j| after[j]);
        assert_eq!((t[0].n, t[0].changed), (3, 2));
        assert_eq!((t[1].n, t[1].changed), (2, 1));
        assert_eq!((t[2].n, t[2].changed), (1, 1));
        assert_eq!(t[0].changed_share(), Some(2.0 / 3.0));
        // Differences +1, 0, -1: V = 1.5 (R: wilcox.test(c(4,2,3), c(3,2,4),
        // paired = TRUE, exact = FALSE) gives V = 1.5, p-value = 1).
        let w = t[0].test().unwrap();
        assert_eq!((w.v, w.p), (1.5, 1.0));
    }
}
