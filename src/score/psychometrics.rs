//! Reliability per area (`reliability.csv`, `item_reliability.csv`) and
//! differences between stakeholder groups (`group_tests.csv`).
//!
//! Reliability needs whole response patterns, so the ratings are scattered
//! once into one dense respondent x item matrix per measure x area (i8,
//! one byte a cell); only complete cases go to `stats`. Group tests use the
//! tallies of respondent area scores that `score` already counted. Small groups are
//! left out of tests, never shown. Formulas live in `stats`, not here.

use std::collections::HashMap;

use polars::prelude::*;

use super::{area_targets, Tallies};
use crate::codebook::Codebook;
use crate::ingest::{col, Ingested};
use crate::stats;

/// One row of `reliability.csv`: an area's items over the used respondents
/// (small groups included) who rated every one of them.
#[derive(Debug, Clone, PartialEq)]
pub struct ReliabilityRow {
    pub measure: usize,
    pub area: usize,
    pub k_items: usize,
    pub n_complete: usize,
    pub alpha: Option<f64>,
    pub alpha_std: Option<f64>,
    pub alpha_ci: Option<(f64, f64)>,
}

/// One row of `item_reliability.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemReliabilityRow {
    pub measure: usize,
    pub area: usize,
    pub item: usize,
    pub item_rest_r: Option<f64>,
    pub alpha_if_deleted: Option<f64>,
}

/// One row of `group_tests.csv`: Kruskal-Wallis over the groups with at
/// least `min_cell` area scores.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupTestRow {
    pub measure: usize,
    pub area: usize,
    /// The groups tested (1-based group indices), in display order.
    pub groups: Vec<u32>,
    pub h: Option<f64>,
    pub df: Option<usize>,
    pub p: Option<f64>,
    pub p_holm: Option<f64>,
    pub epsilon_sq: Option<f64>,
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

/// Marks a cell without a valid rating in the dense matrices.
const NONE: i8 = i8::MIN;

/// Dense respondent-major matrices, one per (measure, area).
struct Matrices {
    n_resp: usize,
    /// (measure, area) -> (item indices, cells[resp * k + slot]).
    by_area: HashMap<(usize, usize), (Vec<usize>, Vec<i8>)>,
}

fn scatter(cb: &Codebook, data: &Ingested) -> PolarsResult<Matrices> {
    let n_resp = data.respondents.len();
    let mut by_area = HashMap::new();
    // (measure, item) -> (measure, area, slot within the area)
    let mut slot_of: HashMap<(usize, usize), (usize, usize, usize)> = HashMap::new();
    for (m, a) in area_targets(cb) {
        let items = area_items(cb, m, a);
        for (slot, &i) in items.iter().enumerate() {
            slot_of.insert((m, i), (m, a, slot));
        }
        let cells = vec![NONE; n_resp * items.len()];
        by_area.insert((m, a), (items, cells));
    }
    let r = &data.ratings;
    let resp = r.column(col::RESP)?.u32()?;
    let item = r.column(col::ITEM)?.u32()?;
    let measure = r.column(col::MEASURE)?.u32()?;
    let value = r.column(col::VALUE)?.i8()?;
    for (((p, i), m), v) in resp
        .iter()
        .zip(item.iter())
        .zip(measure.iter())
        .zip(value.iter())
    {
        let (Some(p), Some(i), Some(m), Some(v)) = (p, i, m, v) else {
            continue;
        };
        if let Some(&(m, a, slot)) = slot_of.get(&(m as usize, i as usize)) {
            if let Some((items, cells)) = by_area.get_mut(&(m, a)) {
                cells[p as usize * items.len() + slot] = v;
            }
        }
    }
    Ok(Matrices { n_resp, by_area })
}

/// Item-major ratings of the respondents who rated every item.
fn complete_cases(cells: &[i8], n_resp: usize, k: usize) -> Vec<Vec<f64>> {
    let mut items = vec![Vec::new(); k];
    for row in cells.chunks_exact(k).take(n_resp) {
        if row.iter().all(|v| *v != NONE) {
            for (slot, v) in row.iter().enumerate() {
                items[slot].push(f64::from(*v));
            }
        }
    }
    items
}

/// Cronbach's alpha and its companions per measure x area.
pub fn reliability(
    cb: &Codebook,
    data: &Ingested,
) -> PolarsResult<(Vec<ReliabilityRow>, Vec<ItemReliabilityRow>)> {
    let m = scatter(cb, data)?;
    let mut areas = Vec::new();
    let mut items_out = Vec::new();
    for (measure, area) in area_targets(cb) {
        let Some((items, cells)) = m.by_area.get(&(measure, area)) else {
            continue;
        };
        let k = items.len();
        let matrix = complete_cases(cells, m.n_resp, k);
        let n = matrix.first().map_or(0, Vec::len);
        let alpha = stats::cronbach_alpha(&matrix);
        areas.push(ReliabilityRow {
            measure,
            area,
            k_items: k,
            n_complete: n,
            alpha,
            alpha_std: stats::standardized_alpha(&matrix),
            alpha_ci: alpha.and_then(|a| stats::feldt_ci95(a, n, k)),
        });
        for (slot, &item) in items.iter().enumerate() {
            items_out.push(ItemReliabilityRow {
                measure,
                area,
                item,
                item_rest_r: stats::item_rest_correlation(&matrix, slot),
                alpha_if_deleted: stats::alpha_if_deleted(&matrix, slot),
            });
        }
    }
    Ok((areas, items_out))
}

/// Kruskal-Wallis per measure x area over the groups large enough to show,
/// Holm-corrected over the areas of each measure. The samples are the
/// respondent area scores, expanded from their (sorted) tallies.
pub(super) fn group_tests(cb: &Codebook, tallies: &Tallies) -> Vec<GroupTestRow> {
    let n_groups = tallies.keys().map(|k| k.2).max().unwrap_or(0);
    let mut rows: Vec<GroupTestRow> = area_targets(cb)
        .into_iter()
        .map(|(measure, area)| {
            let qualified: Vec<(u32, Vec<f64>)> = (1..=n_groups)
                .filter_map(|g| {
                    let t = tallies.get(&(measure, area, g))?;
                    let sample: Vec<f64> = t
                        .dist
                        .iter()
                        .flat_map(|(v, c)| std::iter::repeat_n(*v, *c as usize))
                        .collect();
                    (sample.len() >= cb.min_cell as usize).then_some((g, sample))
                })
                .collect();
            let n: usize = qualified.iter().map(|(_, v)| v.len()).sum();
            let groups: Vec<u32> = qualified.iter().map(|(g, _)| *g).collect();
            let samples: Vec<Vec<f64>> = qualified.into_iter().map(|(_, v)| v).collect();
            let test = (samples.len() >= 2)
                .then(|| stats::kruskal_wallis(&samples))
                .flatten();
            GroupTestRow {
                measure,
                area,
                groups,
                h: test.map(|t| t.h),
                df: test.map(|t| t.df),
                p: test.map(|t| t.p),
                p_holm: None,
                epsilon_sq: test.and_then(|t| stats::epsilon_squared(t.h, n)),
            }
        })
        .collect();
    for m in 0..cb.measures.len() {
        let idx: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].measure == m && rows[i].p.is_some())
            .collect();
        let raw: Vec<f64> = idx.iter().filter_map(|&i| rows[i].p).collect();
        for (&i, adj) in idx.iter().zip(stats::holm(&raw)) {
            rows[i].p_holm = Some(adj);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_cases_keeps_only_full_rows() {
        let cells = [1, 2, NONE, 3, 4, 4];
        let m = complete_cases(&cells, 3, 2);
        assert_eq!(m, vec![vec![1.0, 4.0], vec![2.0, 4.0]]);
    }
}
