//! Who took part: the rows of `respondents.csv` (respondents, institutions,
//! those who answered and those who rated every item) per group and `ALL`.
//! Headcounts are published as they are, never suppressed.
//!
//! No formatting, no I/O.

use std::collections::BTreeSet;

use super::grouping::Grouping;
use super::tally::group_ids;
use crate::codebook::Codebook;
use crate::ingest::ratings::rated;
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

/// Who took part, per group and `ALL`.
pub(super) fn respondent_counts(
    cb: &Codebook,
    data: &Ingested,
    gs: Grouping,
) -> Vec<RespondentCount> {
    let total = cb.rating_columns() as u32;
    let mut rated_cells = vec![0u32; data.respondents.len()];
    for col in &data.ratings.columns {
        for (r, v) in rated_cells.iter_mut().zip(&col.codes) {
            *r += u32::from(rated(*v));
        }
    }
    let n = gs.len() + 1;
    let (mut ans, mut comp) = (vec![0u64; n], vec![0u64; n]);
    let mut people = vec![0u64; n];
    let mut institutions: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); n];
    let in_a_group = data.respondents.iter().zip(&rated_cells).zip(gs.of);
    for ((resp, r), g) in in_a_group.filter(|(_, g)| **g != 0) {
        for slot in [0, *g as usize] {
            ans[slot] += u64::from(*r > 0);
            comp[slot] += u64::from(*r == total);
            people[slot] += 1;
            if let Some(i) = &resp.institution {
                institutions[slot].insert(i);
            }
        }
    }
    group_ids(gs)
        .map(|g| {
            let s = g as usize;
            RespondentCount {
                group: g,
                respondents: people[s],
                institutions: institutions[s].len() as u64,
                answered: ans[s],
                complete: comp[s],
            }
        })
        .collect()
}
