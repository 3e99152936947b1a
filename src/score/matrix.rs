//! Dense respondent x item matrices, one per measure x area, one byte a cell.
//!
//! Area scores and reliability both need whole response patterns (which
//! items did this respondent rate?). The tidy ratings are scattered into
//! these matrices once, through a plain index (no hashing per cell); area
//! tallies and covariance matrices are then single passes over them with
//! exact integer counts, so the results do not depend on any summation order.

use polars::prelude::*;

use super::area_targets;
use crate::codebook::Codebook;
use crate::ingest::{col, Ingested};

/// Cell states below the scale (which lies within -100..=100, see codebook).
pub(super) const ABSENT: i8 = -126;
pub(super) const INVALID: i8 = -127;
pub(super) const MISSING: i8 = -128;

/// Whether a cell holds a rating.
pub(super) fn rated(v: i8) -> bool {
    v > -100
}

/// One (measure, area): its items in codebook order and `cells[resp * k + slot]`.
pub(super) struct Matrix {
    pub measure: usize,
    pub area: usize,
    pub items: Vec<usize>,
    pub cells: Vec<i8>,
}

impl Matrix {
    /// One row per respondent, in respondent order.
    pub fn rows(&self) -> std::slice::ChunksExact<'_, i8> {
        self.cells.chunks_exact(self.items.len().max(1))
    }
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
pub(super) fn build(cb: &Codebook, data: &Ingested) -> PolarsResult<Vec<Matrix>> {
    let n_resp = data.respondents.len();
    let n_items = cb.items.len();
    // (measure * n_items + item) -> (target, slot)
    let mut slot_of: Vec<Option<(usize, usize)>> = vec![None; cb.measures.len() * n_items];
    let mut matrices = Vec::new();
    for (t, (measure, area)) in area_targets(cb).into_iter().enumerate() {
        let items = area_items(cb, measure, area);
        for (slot, &i) in items.iter().enumerate() {
            slot_of[measure * n_items + i] = Some((t, slot));
        }
        let cells = vec![ABSENT; n_resp * items.len()];
        matrices.push(Matrix {
            measure,
            area,
            items,
            cells,
        });
    }
    let r = &data.ratings;
    let resp = r.column(col::RESP)?.u32()?;
    let item = r.column(col::ITEM)?.u32()?;
    let measure = r.column(col::MEASURE)?.u32()?;
    let value = r.column(col::VALUE)?.i8()?;
    let missing = r.column(col::MISSING)?.bool()?;
    let keys = resp
        .into_no_null_iter()
        .zip(item.into_no_null_iter())
        .zip(measure.into_no_null_iter());
    for ((((p, i), m), v), miss) in keys.zip(value.iter()).zip(missing.iter()) {
        let Some(Some((t, slot))) = slot_of.get(m as usize * n_items + i as usize) else {
            continue;
        };
        let mx = &mut matrices[*t];
        let k = mx.items.len();
        mx.cells[p as usize * k + slot] = match (v, miss) {
            (Some(v), _) => v,
            (None, Some(true)) => MISSING,
            (None, _) => INVALID,
        };
    }
    Ok(matrices)
}
