//! The item histograms of every grouping in one pass over each column: a
//! respondent's stakeholder group and breakdown values are combined into
//! one key, a column's codes are counted once per key, and each grouping's
//! histogram is summed from those joint counts. With two breakdowns this
//! reads a column once instead of three times.
//!
//! Counts only, exact integers, so the histograms equal those of one pass
//! per grouping (a test checks it). It must not compute figures: that is
//! `tally`.

use super::grouping::Grouping;
use crate::codebook::Scale;
use crate::ingest::ratings::{ABSENT, INVALID, MISSING};

/// The largest joint histogram, in counters: beyond it the joint counts no
/// longer fit a core's cache, and a pass per grouping is as fast.
const MAX_COUNTERS: usize = 1 << 16;

/// Each respondent's combination of groups, and how codes map to the few
/// slots a joint cell counts.
pub(super) struct Joint {
    /// Per respondent: the sum over groupings of group x stride.
    key: Vec<u32>,
    /// Per grouping: (stride, groups + 1).
    dims: Vec<(usize, usize)>,
    cells: usize,
    /// Slot of each code (`code as u8`), and the code of each slot.
    slot_of: [u8; 256],
    code_of: Vec<u8>,
}

impl Joint {
    /// `None` when there is one grouping (nothing to share), or when the
    /// combinations are too many for the joint counts to stay small.
    pub(super) fn of(groupings: &[Grouping], scale: &Scale) -> Option<Joint> {
        let n = groupings.first()?.of.len();
        if groupings.len() < 2 || u32::try_from(n).is_err() {
            return None;
        }
        let codes: Vec<u8> = (scale.values().map(|v| v as i8))
            .chain([MISSING, INVALID, ABSENT])
            .map(|c| c as u8)
            .collect();
        let mut dims = Vec::with_capacity(groupings.len());
        let mut cells = 1usize;
        for gs in groupings {
            dims.push((cells, gs.len() + 1));
            cells = cells.checked_mul(gs.len() + 1)?;
        }
        if cells.checked_mul(codes.len())? > MAX_COUNTERS {
            return None;
        }
        let mut key = vec![0u32; n];
        for (gs, (stride, groups)) in groupings.iter().zip(&dims) {
            // Ingest gives no group out of range; one would count in no
            // group in a pass of its own, so it is left to that pass.
            if gs.of.iter().any(|g| *g as usize >= *groups) {
                return None;
            }
            for (k, g) in key.iter_mut().zip(gs.of) {
                // cells fits MAX_COUNTERS, so every key fits a u32.
                *k += *g * *stride as u32;
            }
        }
        // Ingest gives no other code; one would count as INVALID.
        let mut slot_of = [(codes.len() - 2) as u8; 256];
        for (slot, code) in codes.iter().enumerate() {
            slot_of[usize::from(*code)] = slot as u8;
        }
        Some(Joint {
            key,
            dims,
            cells,
            slot_of,
            code_of: codes,
        })
    }

    /// Per grouping, the histogram of one column (256 slots per group, as
    /// `tally::histogram`): counted once per combination, then summed.
    pub(super) fn histograms(&self, codes: &[i8]) -> Vec<Vec<u64>> {
        let s = self.code_of.len();
        let mut joint = vec![0u32; self.cells * s];
        for (v, k) in codes.iter().zip(&self.key) {
            joint[*k as usize * s + usize::from(self.slot_of[usize::from(*v as u8)])] += 1;
        }
        let mut out: Vec<Vec<u64>> = (self.dims.iter())
            .map(|(_, groups)| vec![0u64; groups * 256])
            .collect();
        for (cell, counts) in joint.chunks_exact(s).enumerate() {
            for ((stride, groups), hist) in self.dims.iter().zip(out.iter_mut()) {
                let base = (cell / stride) % groups * 256;
                for (n, code) in counts.iter().zip(&self.code_of) {
                    hist[base + usize::from(*code)] += u64::from(*n);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::score::matrix::add_histogram;
    use proptest::prelude::*;

    fn scale() -> Scale {
        Scale {
            min: 1,
            max: 4,
            missing: Vec::new(),
            codes: Default::default(),
            labels: Default::default(),
        }
    }

    proptest! {
        /// The joint histograms equal one pass per grouping, whatever the
        /// codes (ratings, missing, invalid, absent) and groups.
        #[test]
        fn joint_counts_equal_a_pass_per_grouping(
            rows in prop::collection::vec(
                (prop::sample::select(vec![1i8, 2, 3, 4, MISSING, INVALID, ABSENT]),
                 0u32..4, 0u32..6, 0u32..3),
                1..300),
        ) {
            let codes: Vec<i8> = rows.iter().map(|r| r.0).collect();
            let ofs: [Vec<u32>; 3] = [
                rows.iter().map(|r| r.1).collect(),
                rows.iter().map(|r| r.2).collect(),
                rows.iter().map(|r| r.3).collect(),
            ];
            let names: Vec<Vec<String>> = [3, 5, 2]
                .iter()
                .map(|n| (0..*n).map(|i| format!("g{i}")).collect())
                .collect();
            let groupings: Vec<Grouping> = names
                .iter()
                .zip(&ofs)
                .map(|(names, of)| Grouping { names, of })
                .collect();
            let joint = Joint::of(&groupings, &scale()).unwrap();
            for (gs, got) in groupings.iter().zip(joint.histograms(&codes)) {
                let mut want = vec![0u64; (gs.len() + 1) * 256];
                add_histogram(&mut want, &codes, gs.of);
                prop_assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn one_grouping_or_too_many_combinations_count_per_grouping() {
        let names: Vec<String> = (0..300).map(|i| format!("g{i}")).collect();
        let of = vec![1u32; 10];
        let one = [Grouping {
            names: &names,
            of: &of,
        }];
        assert!(Joint::of(&one, &scale()).is_none());
        // 301 x 301 combinations x 7 codes: over MAX_COUNTERS.
        let two = [one[0], one[0]];
        assert!(Joint::of(&two, &scale()).is_none());
        assert!(Joint::of(
            &[
                one[0],
                Grouping {
                    names: &names[..3],
                    of: &of
                }
            ],
            &scale()
        )
        .is_some());
    }
}
