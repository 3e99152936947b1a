//! The code columns of one measure x area, side by side, and the
//! (measure, area) targets that have items.
//!
//! Area scores and reliability both need whole response patterns (which
//! items did this respondent rate?). `ingest` hands over one byte-code
//! column per item x measure; a `Matrix` borrows the columns of an area's
//! items (nothing is copied), and the passes over it are column-wise
//! integer counts that the compiler vectorises. Exact integers make the
//! results independent of any summation or thread order.

use crate::codebook::Codebook;
use crate::ingest::Ingested;

pub(super) use crate::ingest::ratings::{rated, MISSING};

/// One (measure, area): its items in codebook order and, per item, a code
/// per respondent.
pub(super) struct Matrix<'a> {
    pub measure: usize,
    pub area: usize,
    pub items: Vec<usize>,
    pub columns: Vec<&'a [i8]>,
}

impl Matrix<'_> {
    /// Per respondent: how many of the area's items they rated, and the sum
    /// of those ratings.
    pub fn counts_and_sums(&self, n_resp: usize) -> (Vec<u16>, Vec<i32>) {
        let (mut count, mut sum) = (vec![0u16; n_resp], vec![0i32; n_resp]);
        for col in &self.columns {
            for ((c, s), v) in count.iter_mut().zip(sum.iter_mut()).zip(col.iter()) {
                let r = rated(*v);
                *c += u16::from(r);
                *s += if r { i32::from(*v) } else { 0 };
            }
        }
        (count, sum)
    }
}

/// Adds a column's codes into `hist`, 256 slots per group: slot
/// `group * 256 + code as u8`. A row whose group is out of range is not
/// counted (ingest never gives one; the check keeps the index in bounds).
pub(super) fn add_histogram(hist: &mut [u64], codes: &[i8], groups: &[u32]) {
    let n_groups = hist.len() / 256;
    for (v, g) in codes.iter().zip(groups) {
        let g = *g as usize;
        if g < n_groups {
            hist[g * 256 + usize::from(*v as u8)] += 1;
        }
    }
}

/// (measure, area) pairs with at least one item, in codebook order.
pub(super) fn area_targets(cb: &Codebook) -> Vec<(usize, usize)> {
    (0..cb.measures.len())
        .flat_map(|m| (0..cb.areas.len()).map(move |a| (m, a)))
        .filter(|&(m, a)| cb.area_k(m, a) > 0)
        .collect()
}

/// Items of `area` that have a column for `measure`, in codebook order.
fn area_items(cb: &Codebook, measure: usize, area: usize) -> Vec<usize> {
    cb.items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.area == area && it.columns.iter().any(|(m, _)| *m == measure))
        .map(|(i, _)| i)
        .collect()
}

/// The matrices of every (measure, area) target, in [`area_targets`] order.
pub(super) fn build<'a>(cb: &Codebook, data: &'a Ingested) -> Vec<Matrix<'a>> {
    area_targets(cb)
        .into_iter()
        .map(|(measure, area)| one(cb, data, measure, area))
        .collect()
}

/// The matrix of one (measure, area).
pub(super) fn one<'a>(
    cb: &Codebook,
    data: &'a Ingested,
    measure: usize,
    area: usize,
) -> Matrix<'a> {
    // ingest gives every item x measure of the codebook a column.
    let (items, columns) = area_items(cb, measure, area)
        .into_iter()
        .filter_map(|i| Some((i, data.ratings.get(i, measure)?)))
        .unzip();
    Matrix {
        measure,
        area,
        items,
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_counts_per_group_and_skips_left_out_rows() {
        let mut hist = vec![0u64; 2 * 256];
        add_histogram(&mut hist, &[1, 1, MISSING, 4], &[0, 1, 1, 2]);
        assert_eq!(hist[1], 1);
        assert_eq!(hist[256 + 1], 1);
        assert_eq!(hist[256 + usize::from(MISSING as u8)], 1);
        assert_eq!(hist.iter().sum::<u64>(), 3);
    }

    #[test]
    fn counts_and_sums_skip_codes_that_are_not_ratings() {
        let (a, b) = ([1, MISSING, 4], [2, 3, -127]);
        let mx = Matrix {
            measure: 0,
            area: 0,
            items: vec![0, 1],
            columns: vec![&a, &b],
        };
        assert_eq!(mx.counts_and_sums(3), (vec![2, 1, 1], vec![3, 3, 4]));
    }
}
