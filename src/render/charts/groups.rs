//! The group-means chart: each area's mean per stakeholder group, with the
//! groups below `min_cell` named instead of shown.
//!
//! Drawn from the area rows only. A suppressed group never gets a figure,
//! only "n < min_cell". It must not compute a figure.

use super::shared::{rows_of, scale_x, titled, value_axis, WIDTH};
use crate::analysis::score::Scores;
use crate::codebook::{Codebook, Language};
use crate::render::charts::scene::{Anchor, Scene, GROUPS, MUTED};
use crate::render::words::Words;

/// Area means per stakeholder group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMeans {
    pub measure: String,
    pub scale: (i64, i64),
    pub min_cell: u32,
    /// The breakdown column the groups are values of; `None`: the
    /// stakeholder groups.
    pub by: Option<String>,
    pub groups: Vec<String>,
    pub rows: Vec<(String, Vec<GroupCell>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GroupCell {
    Mean {
        mean: f64,
        n: u64,
    },
    /// Suppressed: only the fact is shown, not the figure; `n` tells a
    /// group below `min_cell` from one hidden to protect another.
    Suppressed {
        n: u64,
    },
}

pub fn group_means(cb: &Codebook, scores: &Scores, measure: usize) -> GroupMeans {
    let groups: Vec<String> = scores.groups.clone();
    let rows = rows_of(&scores.areas, measure, 0)
        .map(|all| {
            let cells = (1..=groups.len() as u32)
                .map(|g| {
                    let row = scores
                        .areas
                        .iter()
                        .find(|r| r.measure == measure && r.target == all.target && r.group == g);
                    match row.map(|r| (r.mean(), r.n)) {
                        Some((Some(mean), n)) => GroupCell::Mean { mean, n },
                        Some((None, n)) => GroupCell::Suppressed { n },
                        None => GroupCell::Suppressed { n: 0 },
                    }
                })
                .collect();
            (cb.areas[all.target].label.clone(), cells)
        })
        .collect();
    GroupMeans {
        measure: cb.measures[measure].label.clone(),
        scale: (cb.scale.min, cb.scale.max),
        min_cell: cb.min_cell,
        by: scores.breakdown.as_ref().map(|b| b.column.clone()),
        groups,
        rows,
    }
}

pub fn group_means_scene(d: &GroupMeans, lang: Language) -> Scene {
    let w = Words(lang);
    let row_h = 40;
    let top = 84;
    let bottom = top + row_h * d.rows.len() as i32;
    let span = (260, 760);
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let title = match &d.by {
        None => format!(
            "{}: {}",
            d.measure,
            w.t("gemiddelde per gebied en groep", "mean per area and group")
        ),
        Some(by) => format!(
            "{}: {} {by}",
            d.measure,
            w.t("gemiddelde per gebied en", "mean per area and")
        ),
    };
    let mut s = titled(WIDTH, bottom + 40, title);
    let mut x = 20;
    for (g, name) in d.groups.iter().enumerate() {
        s.dot(x + 6, 52, 6, GROUPS[g % GROUPS.len()]);
        s.text(x + 18, 52, name.clone(), 12, Anchor::Start);
        x += 40 + 7 * name.chars().count() as i32;
    }
    value_axis(&mut s, d.scale, span, top, bottom, lang);
    for (i, (area, cells)) in d.rows.iter().enumerate() {
        let y = top + row_h * i as i32 + row_h / 2;
        s.text(span.0 - 16, y, area.clone(), 13, Anchor::End);
        let mut notes = Vec::new();
        for (g, cell) in cells.iter().enumerate() {
            // Groups sit on their own line within the row, so dots never hide each other.
            let dy = (g as i32 - (cells.len() as i32 - 1) / 2) * 6;
            match cell {
                GroupCell::Mean { mean, .. } => s.dot(
                    scale_x(*mean, lim, span),
                    y + dy,
                    6,
                    GROUPS[g % GROUPS.len()],
                ),
                GroupCell::Suppressed { n } => {
                    let why = w.suppressed(*n, d.min_cell);
                    notes.push(format!("{}: {why}", d.groups[g]));
                }
            }
        }
        if !notes.is_empty() {
            s.styled_text(
                span.1 + 20,
                y,
                notes.join(", "),
                12,
                Anchor::Start,
                false,
                MUTED,
            );
        }
    }
    s
}
