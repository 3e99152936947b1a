//! The charts of contract section 3, drawn from the aggregated scores only.
//!
//! Each chart has a data struct (what it shows: snapshot-tested), a layout
//! function turning it into a [`Scene`] (where it goes), and is painted by
//! `scene` to SVG and PNG. Suppressed groups appear as "n < min_cell",
//! never with a figure. Nothing here reads ratings, so the cost of a chart
//! does not grow with the number of respondents.

use crate::analysis::score::{Figures, ScoreRow, Scores};
use crate::codebook::{Codebook, Language};
use crate::render::format;
use crate::render::scene::{self, Anchor, Rgb, Scene, DIVERGING, GRID, GROUPS, INK, MUTED};

mod dumbbell;
mod heat;

pub use dumbbell::{dumbbell_data, dumbbell_scene, dumbbells, Bell, Dumbbell};
pub use heat::{heat_data, heat_map, heat_scene, HeatMap};

/// A chart written as `charts/<name>.svg` and `.png`.
pub struct ChartFile {
    pub name: String,
    pub title: String,
    pub svg: String,
    pub png: Vec<u8>,
}

/// Area means with their 95% interval, and the rule thresholds.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaMeans {
    pub measure: String,
    pub scale: (i64, i64),
    pub keep_min_mean: f64,
    pub drop_below_mean: f64,
    pub rows: Vec<AreaMean>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaMean {
    pub area: String,
    pub n: u64,
    pub mean: Option<f64>,
    pub ci: Option<(f64, f64)>,
}

/// The distribution of ratings per item of one area (group `ALL`).
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    pub measure: String,
    pub area: String,
    /// Scale values and their labels, low to high.
    pub values: Vec<(i64, String)>,
    pub rows: Vec<DistributionRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DistributionRow {
    pub label: String,
    pub n: u64,
    pub missing: u64,
    /// Share of the valid ratings per scale value (empty when n = 0).
    pub shares: Vec<f64>,
}

/// Area means per stakeholder group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMeans {
    pub measure: String,
    pub scale: (i64, i64),
    pub min_cell: u32,
    pub groups: Vec<String>,
    pub rows: Vec<(String, Vec<GroupCell>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GroupCell {
    Mean {
        mean: f64,
        n: u64,
    },
    /// Below `min_cell`: only the fact is shown, not the figure.
    Suppressed,
}

fn rows_of(rows: &[ScoreRow], measure: usize, group: u32) -> impl Iterator<Item = &ScoreRow> {
    rows.iter()
        .filter(move |r| r.measure == measure && r.group == group)
}

pub fn area_means(cb: &Codebook, scores: &Scores, measure: usize) -> AreaMeans {
    AreaMeans {
        measure: cb.measures[measure].label.clone(),
        scale: (cb.scale.min, cb.scale.max),
        keep_min_mean: cb.rules.keep_min_mean,
        drop_below_mean: cb.rules.drop_below_mean,
        rows: rows_of(&scores.areas, measure, 0)
            .map(|r| AreaMean {
                area: cb.areas[r.target].label.clone(),
                n: r.n,
                mean: r.figures.as_ref().and_then(|f| f.mean),
                ci: r.ci,
            })
            .collect(),
    }
}

/// At most this many characters of an item's text go into its chart label.
const LABEL_CHARS: usize = 58;

fn item_label(id: &str, text: &str) -> String {
    let full = format!("{id}  {text}");
    if full.chars().count() <= LABEL_CHARS {
        full
    } else {
        let mut s: String = full.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

pub fn distribution(cb: &Codebook, scores: &Scores, measure: usize, area: usize) -> Distribution {
    let labels = &cb.measures[measure].labels;
    Distribution {
        measure: cb.measures[measure].label.clone(),
        area: cb.areas[area].label.clone(),
        values: cb
            .scale
            .values()
            .map(|v| (v, labels.get(&v).cloned().unwrap_or_else(|| v.to_string())))
            .collect(),
        rows: rows_of(&scores.items, measure, 0)
            .filter(|r| cb.items[r.target].area == area)
            .map(|r| {
                let item = &cb.items[r.target];
                let f = r.figures.as_ref();
                DistributionRow {
                    label: item_label(&item.id, &item.text),
                    n: r.n,
                    missing: f.map_or(0, |f| f.n_missing),
                    shares: f.map_or_else(Vec::new, |f: &Figures| {
                        f.counts.iter().map(|c| stats_share(*c, f.rated)).collect()
                    }),
                }
            })
            .collect(),
    }
}

fn stats_share(part: u64, whole: u64) -> f64 {
    crate::analysis::stats::share(part, whole).unwrap_or(0.0)
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
                    match row
                        .and_then(|r| r.figures.as_ref().and_then(|f| f.mean).map(|m| (m, r.n)))
                    {
                        Some((mean, n)) => GroupCell::Mean { mean, n },
                        None => GroupCell::Suppressed,
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
        groups,
        rows,
    }
}

/// Words of the charts in the report's language.
struct Words {
    lang: Language,
}

impl Words {
    fn pick(&self, nl: &str, en: &str) -> String {
        match self.lang {
            Language::Nl => nl.to_string(),
            Language::En => en.to_string(),
        }
    }
}

/// Maps a value on `[lo, hi]` to pixels on `[x0, x1]`.
fn scale_x(v: f64, (lo, hi): (f64, f64), (x0, x1): (i32, i32)) -> i32 {
    x0 + ((v - lo) / (hi - lo) * f64::from(x1 - x0)).round() as i32
}

const TITLE_Y: i32 = 22;
const WIDTH: u32 = 1000;

/// Value axis with a grid line and label at every scale value.
fn value_axis(
    s: &mut Scene,
    scale: (i64, i64),
    span: (i32, i32),
    top: i32,
    bottom: i32,
    lang: Language,
) {
    let lim = (scale.0 as f64, scale.1 as f64);
    for v in scale.0..=scale.1 {
        let x = scale_x(v as f64, lim, span);
        s.line((x, top), (x, bottom), GRID, 1);
        s.styled_text(
            x,
            bottom + 14,
            format::round_half_away(v as f64, 0, lang),
            12,
            Anchor::Middle,
            false,
            MUTED,
        );
    }
}

/// A labelled vertical threshold line.
#[allow(clippy::too_many_arguments)]
fn threshold(
    s: &mut Scene,
    x: i32,
    top: i32,
    bottom: i32,
    label: String,
    color: Rgb,
    anchor: Anchor,
) {
    s.line((x, top), (x, bottom), color, 2);
    let dx = if anchor == Anchor::End { -4 } else { 4 };
    s.styled_text(x + dx, top - 8, label, 12, anchor, true, color);
}

pub fn area_means_scene(d: &AreaMeans, lang: Language) -> Scene {
    let w = Words { lang };
    let row_h = 34;
    let top = 70;
    let bottom = top + row_h * d.rows.len() as i32;
    let span = (260, 800);
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let title = format!(
        "{}: {}",
        d.measure,
        w.pick(
            "gemiddelde per gebied met 95%-betrouwbaarheidsinterval",
            "mean per area with 95% confidence interval"
        )
    );
    let mut s = Scene::new(WIDTH, (bottom + 40) as u32, title.clone());
    s.styled_text(20, TITLE_Y, title, 16, Anchor::Start, true, INK);
    value_axis(&mut s, d.scale, span, top, bottom, lang);
    let keep = format!(
        "{} {}",
        w.pick("behouden vanaf", "keep from"),
        format::mean(d.keep_min_mean, lang)
    );
    let drop = format!(
        "{} {}",
        w.pick("schrappen onder", "drop below"),
        format::mean(d.drop_below_mean, lang)
    );
    threshold(
        &mut s,
        scale_x(d.drop_below_mean, lim, span),
        top,
        bottom,
        drop,
        DIVERGING[0],
        Anchor::End,
    );
    threshold(
        &mut s,
        scale_x(d.keep_min_mean, lim, span),
        top,
        bottom,
        keep,
        DIVERGING[3],
        Anchor::Start,
    );
    for (i, r) in d.rows.iter().enumerate() {
        let y = top + row_h * i as i32 + row_h / 2;
        s.text(span.0 - 16, y, r.area.clone(), 13, Anchor::End);
        if let Some((lo, hi)) = r.ci {
            let (a, b) = (
                scale_x(lo.max(lim.0), lim, span),
                scale_x(hi.min(lim.1), lim, span),
            );
            s.line((a, y), (b, y), INK, 2);
            s.line((a, y - 6), (a, y + 6), INK, 2);
            s.line((b, y - 6), (b, y + 6), INK, 2);
        }
        if let Some(m) = r.mean {
            let x = scale_x(m, lim, span);
            s.dot(x, y, 6, INK);
            let label = format!("{}  (n = {})", format::mean(m, lang), r.n);
            s.text(span.1 + 20, y, label, 13, Anchor::Start);
        }
    }
    s
}

/// Colours for `k` scale values: the PuOr 4-class palette for 1-4, else a
/// ramp from orange through light grey to purple.
fn palette(k: usize) -> Vec<Rgb> {
    if k == 4 {
        return DIVERGING.to_vec();
    }
    let (lo, mid, hi) = (
        (230.0, 97.0, 1.0),
        (235.0, 235.0, 235.0),
        (94.0, 60.0, 153.0),
    );
    (0..k)
        .map(|i| {
            let t = if k == 1 {
                0.5
            } else {
                i as f64 / (k - 1) as f64
            };
            let (a, b, u) = if t < 0.5 {
                (lo, mid, t * 2.0)
            } else {
                (mid, hi, (t - 0.5) * 2.0)
            };
            let mix = |x: f64, y: f64| (x + (y - x) * u).round() as u8;
            (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
        })
        .collect()
}

/// Readable text colour on a segment.
fn on(fill: Rgb) -> Rgb {
    let luma = 0.299 * f64::from(fill.0) + 0.587 * f64::from(fill.1) + 0.114 * f64::from(fill.2);
    if luma < 140.0 {
        (255, 255, 255)
    } else {
        INK
    }
}

pub fn distribution_scene(d: &Distribution, lang: Language) -> Scene {
    let w = Words { lang };
    let row_h = 28;
    let top = 78;
    let bottom = top + row_h * d.rows.len() as i32;
    let (left, centre, right) = (430, 680, 930);
    let half = f64::from(centre - left);
    let title = format!(
        "{}: {}, {}",
        d.measure,
        d.area,
        w.pick("verdeling per item", "distribution per item")
    );
    let mut s = Scene::new(WIDTH + 100, (bottom + 44) as u32, title.clone());
    s.styled_text(20, TITLE_Y, title, 16, Anchor::Start, true, INK);
    let colours = palette(d.values.len());
    // Legend: one swatch per scale value.
    let mut x = 20;
    for ((_, label), c) in d.values.iter().zip(&colours) {
        s.rect(x, 44, 14, 14, *c);
        s.text(x + 20, 51, label.clone(), 12, Anchor::Start);
        x += 28 + 7 * label.chars().count() as i32;
    }
    // The same axis on every chart: 100% to either side of the midpoint.
    for pct in [-100i32, -50, 0, 50, 100] {
        let gx = centre + (f64::from(pct) / 100.0 * half).round() as i32;
        s.line(
            (gx, top - 4),
            (gx, bottom),
            if pct == 0 { MUTED } else { GRID },
            1,
        );
        s.styled_text(
            gx,
            bottom + 14,
            format!("{}%", pct.abs()),
            12,
            Anchor::Middle,
            false,
            MUTED,
        );
    }
    s.styled_text(right + 40, top - 12, "n", 12, Anchor::Middle, true, MUTED);
    s.styled_text(
        right + 100,
        top - 12,
        w.pick("ontbr.", "missing"),
        12,
        Anchor::Middle,
        true,
        MUTED,
    );
    let k = d.values.len();
    for (i, r) in d.rows.iter().enumerate() {
        let y = top + row_h * i as i32;
        let yc = y + row_h / 2;
        s.text(left - 12, yc, r.label.clone(), 12, Anchor::End);
        s.text(right + 40, yc, r.n.to_string(), 12, Anchor::Middle);
        s.styled_text(
            right + 100,
            yc,
            r.missing.to_string(),
            12,
            Anchor::Middle,
            false,
            MUTED,
        );
        if r.shares.len() != k {
            continue;
        }
        // Below the midpoint grows leftwards from the centre, above it
        // rightwards; an odd scale's middle value is split over both sides.
        let mid = (k as f64 - 1.0) / 2.0;
        let (mut neg, mut pos) = (0.0f64, 0.0f64);
        let at = |j: usize| j as f64;
        let order: Vec<usize> = (0..k)
            .filter(|&j| at(j) == mid)
            .chain((0..k).rev().filter(|&j| at(j) < mid))
            .chain((0..k).filter(|&j| at(j) > mid))
            .collect();
        for j in order {
            let share = r.shares[j];
            let (from, to) = if (j as f64) < mid {
                neg += share;
                (neg, neg - share)
            } else if (j as f64) == mid {
                neg += share / 2.0;
                pos += share / 2.0;
                (neg, -pos)
            } else {
                pos += share;
                (-(pos - share), -pos)
            };
            let x0 = centre - (from * half).round() as i32;
            let x1 = centre - (to * half).round() as i32;
            if x1 > x0 {
                s.rect(x0, y + 5, x1 - x0, row_h - 10, colours[j]);
                if share >= 0.08 {
                    s.styled_text(
                        (x0 + x1) / 2,
                        yc,
                        format::percent(share, lang),
                        11,
                        Anchor::Middle,
                        false,
                        on(colours[j]),
                    );
                }
            }
        }
    }
    s
}

pub fn group_means_scene(d: &GroupMeans, lang: Language) -> Scene {
    let w = Words { lang };
    let row_h = 40;
    let top = 84;
    let bottom = top + row_h * d.rows.len() as i32;
    let span = (260, 760);
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let title = format!(
        "{}: {}",
        d.measure,
        w.pick("gemiddelde per gebied en groep", "mean per area and group")
    );
    let mut s = Scene::new(WIDTH, (bottom + 40) as u32, title.clone());
    s.styled_text(20, TITLE_Y, title, 16, Anchor::Start, true, INK);
    let mut x = 20;
    for (g, name) in d.groups.iter().enumerate() {
        s.dot(x + 6, 52, 6, GROUPS[g % GROUPS.len()]);
        s.text(x + 18, 52, name.clone(), 12, Anchor::Start);
        x += 40 + 7 * name.chars().count() as i32;
    }
    value_axis(&mut s, d.scale, span, top, bottom, lang);
    let hidden = format!("n < {}", d.min_cell);
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
                GroupCell::Suppressed => notes.push(format!("{}: {hidden}", d.groups[g])),
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

fn file(name: String, scene: &Scene) -> Result<ChartFile, String> {
    Ok(ChartFile {
        title: scene.title.clone(),
        svg: scene::to_svg(scene)?,
        png: scene::to_png(scene)?,
        name,
    })
}

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
            if !d.rows.is_empty() {
                out.push((
                    format!("items_{}_{}", measure.id, area.id),
                    distribution_scene(&d, lang),
                ));
            }
        }
    }
    out
}

/// Every chart of a round, painted.
pub fn all(cb: &Codebook, scores: &Scores, lang: Language) -> Result<Vec<ChartFile>, String> {
    scenes(cb, scores, lang)
        .into_iter()
        .map(|(name, s)| file(name, &s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_to_fit() {
        assert_eq!(item_label("a1", "Kort"), "a1  Kort");
        let long = item_label("brug_k1", &"x".repeat(100));
        assert_eq!(long.chars().count(), LABEL_CHARS);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn palette_is_diverging() {
        assert_eq!(palette(4), DIVERGING.to_vec());
        let p5 = palette(5);
        assert_eq!(p5[2], (235, 235, 235));
        assert_eq!(p5[0], (230, 97, 1));
        assert_eq!(p5[4], (94, 60, 153));
    }

    #[test]
    fn bars_diverge_from_the_centre() {
        let d = Distribution {
            measure: "H".into(),
            area: "A".into(),
            values: (1..=4).map(|v| (v, v.to_string())).collect(),
            rows: vec![DistributionRow {
                label: "i".into(),
                n: 10,
                missing: 1,
                shares: vec![0.1, 0.2, 0.3, 0.4],
            }],
        };
        let s = distribution_scene(&d, Language::En);
        let rects: Vec<(i32, i32)> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                scene::Shape::Rect { x, w, fill, .. } if DIVERGING.contains(fill) && *w > 14 => {
                    Some((*x, x + w))
                }
                _ => None,
            })
            .collect();
        // 2 then 1 leftwards from 680 (half width 250), 3 then 4 rightwards.
        assert_eq!(rects, vec![(630, 680), (605, 630), (680, 755), (755, 855)]);
    }
}
