//! The charts of docs/reference.md, "Output files", drawn from the aggregated scores only.
//!
//! Each chart has a data struct (what it shows: snapshot-tested), a layout
//! function turning it into a [`Scene`] (where it goes), and is painted by
//! `scene` to SVG and PNG. Suppressed groups appear as "n < min_cell" (or
//! "hidden", when suppressed to protect another group),
//! never with a figure. Nothing here reads ratings, so the cost of a chart
//! does not grow with the number of respondents. This file lists a round's
//! charts in report order; each chart is in its own file, and what they
//! share is in `shared`. It must not compute a figure nor write a file.

use crate::analysis::consult::Summary;
use crate::analysis::score::Scores;
use crate::codebook::{Codebook, Language};
use crate::render::charts::scene::Scene;
use crate::render::tables::breakdown_folder;

mod area_means;
mod distribution;
mod dumbbell;
mod groups;
mod heat;
pub mod scene;
mod shared;

pub use area_means::{area_means, area_means_scene, AreaMean, AreaMeans};
pub use distribution::{
    distribution, distribution_scene, distribution_scenes, Distribution, DistributionRow,
};
pub use dumbbell::{dumbbell_data, dumbbell_scene, dumbbell_scenes, dumbbells, Bell, Dumbbell};
pub use groups::{group_means, group_means_scene, GroupCell, GroupMeans};
pub use heat::{heat_data, heat_scene, HeatMap};
use shared::named_parts;
pub use shared::{file as paint, printed_pt, ChartFile, MAX_HEIGHT, MIN_PT, PRINT_WIDTH_PT};

/// The chart scenes of a round, named as their files, in report order.
pub fn scenes(cb: &Codebook, scores: &Scores, lang: Language) -> Vec<(String, Scene)> {
    let mut out = Vec::new();
    for (m, measure) in cb.measures.iter().enumerate() {
        out.push((
            format!("area_means_{}", measure.id),
            area_means_scene(&area_means(cb, scores, m), lang),
        ));
        out.push((
            format!("area_groups_{}", measure.id),
            group_means_scene(&group_means(cb, scores, m), lang),
        ));
        for (a, area) in cb.areas.iter().enumerate() {
            let d = distribution(cb, scores, m, a);
            if d.rows.is_empty() {
                continue;
            }
            // A chart too tall for an A4 page comes in parts.
            let name = format!("items_{}_{}", measure.id, area.id);
            out.extend(named_parts(&name, distribution_scenes(&d, lang)));
        }
    }
    out
}

/// A breakdown's chart scenes: the area means per value of its column, one
/// per measure, named `by-<slug>/area_groups_<measure>`.
fn breakdown_scenes(cb: &Codebook, scores: &Scores, lang: Language) -> Vec<(String, Scene)> {
    let folder = breakdown_folder(scores);
    (cb.measures.iter().enumerate())
        .map(|(m, measure)| {
            let name = format!("{folder}/area_groups_{}", measure.id);
            (name, group_means_scene(&group_means(cb, scores, m), lang))
        })
        .collect()
}

/// Every chart scene of a round in report order, named as its files: the
/// round's, the consultation themes with notes, and each breakdown's.
/// [`paint`] turns each into its files (on any core: a PNG costs
/// milliseconds).
pub fn all(
    cb: &Codebook,
    scores: &Scores,
    notes: Option<&Summary>,
    lang: Language,
) -> Vec<(String, Scene)> {
    let mut all = scenes(cb, scores, lang);
    if let Some(n) = notes {
        all.push((
            "consultation_themes".to_string(),
            heat_scene(&heat_data(n), lang),
        ));
    }
    for b in &scores.breakdowns {
        all.extend(breakdown_scenes(cb, b, lang));
    }
    all
}
