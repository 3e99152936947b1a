//! Which group rows are hidden: primary and secondary suppression.
//!
//! Owns the privacy rule for every set of rows that share one `ALL` row
//! (README, "Suppression"): a group with `n` below `min_cell` is hidden
//! (primary), and more shown rows are hidden (secondary) until `ALL` minus
//! the shown rows can no longer give back a hidden group. It decides only
//! which rows are hidden; it must not compute or blank a figure itself.

/// One group row of a set that shares an `ALL` row, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The row's `n` (valid ratings, respondents with a score, ...).
    pub n: u64,
    /// Whether the row counts anything at all: `n > 0`, or ratings or
    /// missing cells behind a row whose `n` is 0 (an area row pools the
    /// ratings of respondents without an area score).
    pub content: bool,
    /// Hidden for its own sake (`n < min_cell`), or already hidden elsewhere.
    pub hidden: bool,
}

/// Primary suppression: a group row is hidden when its `n` is below `min_cell`.
pub fn primary(n: u64, min_cell: u32) -> bool {
    n < u64::from(min_cell)
}

/// Secondary suppression over the group rows (not `ALL`) of one set, in
/// display order; returns which rows are hidden in the end.
///
/// While the hidden rows with n > 0 are exactly one, or add up to fewer than
/// `min_cell`, `ALL` minus the shown rows would give them back: the shown
/// row with the smallest n (on a tie the later in display order) is hidden
/// too. This is the usual rule of statistics offices (a disclosed total
/// must not be decomposable into a protected cell), applied with the
/// smallest loss of shown figures. Hidden rows with n = 0 but something
/// counted (missing cells) count as rows to protect too, with n = 0, so
/// that their counts cannot be recovered either: `ALL` minus the shown rows
/// is then their union with the other hidden rows.
pub fn secondary(cells: &[Cell], min_cell: u32) -> Vec<bool> {
    let mut hidden: Vec<bool> = cells.iter().map(|c| c.hidden).collect();
    loop {
        let hidden_cells = || {
            cells
                .iter()
                .zip(&hidden)
                .filter(|(_, h)| **h)
                .map(|(c, _)| c)
        };
        let counted = hidden_cells().filter(|c| c.n > 0 || c.content).count();
        let sum: u64 = hidden_cells().map(|c| c.n).sum();
        let recoverable = counted == 1 || (counted > 1 && sum < u64::from(min_cell));
        if !recoverable {
            return hidden;
        }
        // The smallest shown n; `<=` makes the later row win a tie.
        let mut pick: Option<usize> = None;
        for (i, (c, h)) in cells.iter().zip(&hidden).enumerate() {
            if !*h && pick.is_none_or(|p| c.n <= cells[p].n) {
                pick = Some(i);
            }
        }
        match pick {
            Some(i) => hidden[i] = true,
            None => return hidden,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cells(ns: &[u64], min_cell: u32) -> Vec<Cell> {
        ns.iter()
            .map(|&n| Cell {
                n,
                content: n > 0,
                hidden: primary(n, min_cell),
            })
            .collect()
    }

    #[test]
    fn one_small_group_hides_the_smallest_other() {
        // mbo 3 (hidden), hbo 12, wo 8: wo is the smallest shown.
        assert_eq!(secondary(&cells(&[3, 12, 8], 5), 5), [true, false, true]);
    }

    #[test]
    fn a_tie_hides_the_later_row() {
        assert_eq!(secondary(&cells(&[2, 9, 9], 5), 5), [true, false, true]);
    }

    #[test]
    fn two_small_groups_summing_below_min_cell_hide_one_more() {
        // 1 + 2 = 3 < 5: ALL minus the shown rows is their union, below min_cell.
        assert_eq!(
            secondary(&cells(&[1, 2, 20, 30], 5), 5),
            [true, true, true, false]
        );
    }

    #[test]
    fn two_small_groups_summing_to_min_cell_are_enough() {
        assert_eq!(
            secondary(&cells(&[2, 3, 20, 30], 5), 5),
            [true, true, false, false]
        );
    }

    #[test]
    fn nothing_hidden_hides_nothing_and_empty_rows_do_not_count() {
        assert_eq!(secondary(&cells(&[10, 20], 5), 5), [false, false]);
        // An empty group (n = 0) is hidden but gives nothing back.
        assert_eq!(secondary(&cells(&[0, 20, 30], 5), 5), [true, false, false]);
    }

    #[test]
    fn a_row_with_only_missing_cells_is_protected_too() {
        // docent: 0 ratings but 3 "weet niet"; ALL minus the others gives
        // the 3 back unless one more row is hidden.
        let mut c = cells(&[0, 20, 30], 5);
        c[0].content = true;
        assert_eq!(secondary(&c, 5), [true, true, false]);
    }

    #[test]
    fn with_every_group_hidden_the_loop_ends() {
        assert_eq!(secondary(&cells(&[1, 6], 5), 5), [true, true]);
        assert_eq!(secondary(&cells(&[3], 5), 5), [true]);
    }

    proptest! {
        /// What the audit checks: after secondary suppression, ALL minus the
        /// shown rows is never one hidden group, nor hidden groups summing
        /// below min_cell, unless every group is hidden.
        #[test]
        fn all_minus_shown_never_gives_back_a_hidden_group(
            ns in proptest::collection::vec(0u64..30, 1..8),
            min_cell in 1u32..10,
        ) {
            let h = secondary(&cells(&ns, min_cell), min_cell);
            let back: Vec<u64> = ns.iter().zip(&h).filter(|(n, h)| **h && **n > 0).map(|(n, _)| *n).collect();
            let all_hidden = h.iter().all(|x| *x);
            prop_assert!(
                all_hidden || back.len() != 1 && (back.is_empty() || back.iter().sum::<u64>() >= u64::from(min_cell)),
                "ns {:?} hidden {:?}", ns, h
            );
            // Primary rows stay hidden.
            for (n, hidden) in ns.iter().zip(&h) {
                prop_assert!(!primary(*n, min_cell) || *hidden);
            }
        }
    }
}
