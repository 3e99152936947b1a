//! What the figures suggest the user check in the codebook: an item that
//! correlates negatively with the rest of its area, scored as it is, pulls
//! the area's alpha down; it is likely worded negatively and lacks
//! `reverse = true`.
//!
//! Owns choosing those items from the scores. It must not word the hint
//! (the command that prints it does) nor change a figure: a hint never
//! reverses an item on its own.

use crate::analysis::score::Scores;
use crate::codebook::Codebook;

/// An item whose corrected item-rest correlation is negative.
#[derive(Debug, Clone, PartialEq)]
pub struct ReverseHint {
    pub item: String,
    pub measure: String,
    pub area: String,
    /// The corrected item-rest correlation, below 0.
    pub rest_r: f64,
}

/// One hint per item and measure with a negative item-rest correlation,
/// in the order of `item_reliability`.
pub fn reverse_hints(cb: &Codebook, scores: &Scores) -> Vec<ReverseHint> {
    scores
        .item_reliability
        .iter()
        .filter_map(|r| {
            let rest_r = r.item_rest_r.filter(|x| *x < 0.0)?;
            Some(ReverseHint {
                item: cb.items[r.item].id.clone(),
                measure: cb.measures[r.measure].id.clone(),
                area: cb.areas[r.area].id.clone(),
                rest_r,
            })
        })
        .collect()
}
