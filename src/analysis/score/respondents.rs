//! Who took part: the rows of `respondents.csv` (respondents, institutions,
//! those who answered and those who rated every item) per group and `ALL`.
//! Headcounts are published as they are, never suppressed.
//!
//! No formatting, no I/O.

use std::collections::HashMap;

use super::grouping::Grouping;
use super::tally::group_ids;
use crate::codebook::Codebook;
use crate::ingest::ratings::rated as rated_code;
use crate::ingest::Ingested;

/// One row of `respondents.csv`. Headcounts are published as they are.
#[derive(Debug, Clone, PartialEq)]
pub struct RespondentCount {
    /// 0 is `ALL`.
    pub group: u32,
    pub respondents: u64,
    pub institutions: u64,
    pub answered: u64,
    pub complete: u64,
}

/// What every grouping counts per respondent, worked out once: how many
/// cells they rated, and their institution as a number (0: none).
pub(super) struct People {
    rated: Vec<u32>,
    institution: Vec<u32>,
    institutions: usize,
}

impl People {
    pub(super) fn of(data: &Ingested) -> People {
        let mut rated = vec![0u32; data.respondents.len()];
        for col in &data.ratings.columns {
            for (r, v) in rated.iter_mut().zip(&col.codes) {
                *r += u32::from(rated_code(*v));
            }
        }
        let mut index: HashMap<&str, u32> = HashMap::new();
        let institution = (data.respondents.iter())
            .map(|r| match &r.institution {
                Some(i) => {
                    let next = index.len() as u32 + 1;
                    *index.entry(i).or_insert(next)
                }
                None => 0,
            })
            .collect();
        People {
            rated,
            institution,
            institutions: index.len(),
        }
    }
}

/// Who took part, per group and `ALL`.
pub(super) fn respondent_counts(
    cb: &Codebook,
    people: &People,
    gs: Grouping,
) -> Vec<RespondentCount> {
    let total = cb.rating_columns() as u32;
    let n = gs.len() + 1;
    let (mut ans, mut comp) = (vec![0u64; n], vec![0u64; n]);
    let mut heads = vec![0u64; n];
    // Per slot, whether each institution (1-based; 0 is none) was seen.
    let width = people.institutions + 1;
    let mut seen = vec![false; n * width];
    let rows = people.rated.iter().zip(&people.institution).zip(gs.of);
    for ((r, inst), g) in rows {
        // Group 0 (in no group) counts in `ALL` only.
        let g = *g as usize;
        for slot in std::iter::once(0).chain((g != 0).then_some(g)) {
            ans[slot] += u64::from(*r > 0);
            comp[slot] += u64::from(*r == total);
            heads[slot] += 1;
            seen[slot * width + *inst as usize] = true;
        }
    }
    group_ids(gs)
        .map(|g| {
            let s = g as usize;
            let institutions = seen[s * width + 1..(s + 1) * width]
                .iter()
                .filter(|x| **x)
                .count();
            RespondentCount {
                group: g,
                respondents: heads[s],
                institutions: institutions as u64,
                answered: ans[s],
                complete: comp[s],
            }
        })
        .collect()
}
