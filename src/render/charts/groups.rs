//! The group-means chart: each area's mean per stakeholder group with its
//! 95% interval, the groups below `min_cell` named instead of shown.
//!
//! Drawn from the area rows only. A suppressed group never gets a figure
//! nor an interval, only "n < min_cell". The legend and these notes wrap
//! onto more lines, however many groups there are. It must not compute a
//! figure.

use super::shared::{
    legend, lines_at, rows_of, scale_x, titled, value_axis, wrap, wrap_title, Marker, LINE, WIDTH,
};
use crate::analysis::score::Scores;
use crate::codebook::{Codebook, Language};
use crate::render::charts::scene::{Anchor, Rgb, Scene, GRID, GROUPS, INK, MUTED};
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
        /// The 95% interval of the mean, when it has one.
        ci: Option<(f64, f64)>,
    },
    /// Suppressed: only the fact is shown, not the figure; `n` tells a
    /// group below `min_cell` from one hidden to protect another.
    Suppressed { n: u64 },
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
                    match row.map(|r| (r.mean(), r.n, r.ci())) {
                        Some((Some(mean), n, ci)) => GroupCell::Mean { mean, n, ci },
                        Some((None, n, _)) => GroupCell::Suppressed { n },
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

/// Where the parts of a row are: area labels end at `LABEL_END`, the
/// value axis spans `SPAN`, notes on hidden groups start at `NOTES_X`.
const LABEL_END: i32 = 230;
const SPAN: (i32, i32) = (260, 690);
const NOTES_X: i32 = 720;
/// The vertical distance between two groups' dots in a row.
const STEP: i32 = 14;

fn colour(g: usize) -> Rgb {
    GROUPS[g % GROUPS.len()]
}

/// One group's mean as a dot on its 95% interval.
fn whisker(s: &mut Scene, (mean, ci): (f64, Option<(f64, f64)>), y: i32, lim: (f64, f64), c: Rgb) {
    if let Some((lo, hi)) = ci {
        let a = scale_x(lo.max(lim.0), lim, SPAN);
        let b = scale_x(hi.min(lim.1), lim, SPAN);
        s.line((a, y), (b, y), c, 2);
        s.line((a, y - 4), (a, y + 4), c, 2);
        s.line((b, y - 4), (b, y + 4), c, 2);
    }
    s.dot(scale_x(mean, lim, SPAN), y, 5, c);
}

/// An area's lines: its label, and a note per hidden group, each wrapped
/// to its column.
fn row_texts(
    d: &GroupMeans,
    area: &str,
    cells: &[GroupCell],
    w: Words,
) -> (Vec<String>, Vec<String>) {
    let label = wrap(area, LABEL_END - 20);
    let notes = (cells.iter().enumerate())
        .filter_map(|(g, cell)| match cell {
            GroupCell::Suppressed { n } => {
                let why = w.suppressed(*n, d.min_cell);
                Some(wrap(
                    &format!("{}: {why}", d.groups[g]),
                    WIDTH as i32 - 20 - NOTES_X,
                ))
            }
            GroupCell::Mean { .. } => None,
        })
        .flatten()
        .collect();
    (label, notes)
}

fn title(d: &GroupMeans, w: Words) -> String {
    match &d.by {
        None => format!(
            "{}: {}",
            d.measure,
            w.t(
                "gemiddelde per gebied en groep, met 95%-betrouwbaarheidsinterval",
                "mean per area and group, with 95% confidence interval"
            )
        ),
        Some(by) => format!(
            "{}: {} {by}",
            d.measure,
            w.t("gemiddelde per gebied en", "mean per area and")
        ),
    }
}

pub fn group_means_scene(d: &GroupMeans, lang: Language) -> Scene {
    let w = Words(lang);
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let entries: Vec<(String, Rgb)> = (d.groups.iter().enumerate())
        .map(|(g, name)| (name.clone(), colour(g)))
        .collect();
    let mut probe = Scene::new(WIDTH, 0, "");
    let top = legend(&mut probe, &entries, Marker::Dot, 64) + LINE + 8;
    let dots_h = STEP * d.groups.len() as i32 + 12;
    let texts: Vec<(Vec<String>, Vec<String>)> = (d.rows.iter())
        .map(|(area, cells)| row_texts(d, area, cells, w))
        .collect();
    let heights: Vec<i32> = (texts.iter())
        .map(|(l, n)| (LINE * l.len().max(n.len()) as i32 + 12).max(dots_h))
        .collect();
    let bottom = top + heights.iter().sum::<i32>();
    let mut s = titled(WIDTH, bottom + 40, title(d, w));
    s.shapes.extend(probe.shapes);
    value_axis(&mut s, (d.scale, SPAN), &[(top, bottom)], lang);
    let mut y = top;
    for (((_, cells), (label, notes)), h) in d.rows.iter().zip(texts).zip(heights) {
        if y > top {
            s.line((20, y), (WIDTH as i32 - 20, y), GRID, 1);
        }
        let yc = y + h / 2;
        lines_at(&mut s, (LABEL_END, yc), &label, Anchor::End, INK);
        lines_at(&mut s, (NOTES_X, yc), &notes, Anchor::Start, MUTED);
        // Each group on its own line within the row, in legend order, so
        // dots and intervals never hide each other.
        let dot0 = yc - STEP * (cells.len() as i32 - 1) / 2;
        for (g, cell) in cells.iter().enumerate() {
            if let GroupCell::Mean { mean, ci, .. } = cell {
                whisker(&mut s, (*mean, *ci), dot0 + STEP * g as i32, lim, colour(g));
            }
        }
        y += h;
    }
    wrap_title(s)
}
