//! The distribution chart: per item of one area, the share of each rating
//! as a bar diverging from the scale midpoint.
//!
//! Drawn from the item rows of group `ALL` only (their counts and
//! decision); long item texts wrap over two lines. It must not compute a
//! figure beyond a count's share of the valid ratings.

use super::shared::{item_id, on, rows_of, titled, wrap, LABEL_CHARS, WIDTH};
use crate::analysis::rules::Decision;
use crate::analysis::score::{Figures, Scores};
use crate::codebook::{Codebook, Language};
use crate::render::charts::scene::{Anchor, Rgb, Scene, DIVERGING, GRID, MUTED};
use crate::render::format;
use crate::render::words::Words;

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
    /// The item's id and text, whole: the chart wraps it over two lines.
    pub label: String,
    /// The item's decision, marked beside its `n`.
    pub decision: Option<Decision>,
    pub n: u64,
    pub missing: u64,
    /// Share of the valid ratings per scale value (empty when n = 0).
    pub shares: Vec<f64>,
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
                    label: format!("{}  {}", item_id(item), item.text),
                    decision: r.decision.map(|d| d.0),
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

/// Two lines of label per row.
const ROW_H: i32 = 36;
const TOP: i32 = 78;
/// Where the labels end, the bars' midpoint, and where the bars end.
const LEFT: i32 = 430;
const CENTRE: i32 = 680;
const RIGHT: i32 = 930;

/// Pixels per 100% to either side of the midpoint.
fn half() -> f64 {
    f64::from(CENTRE - LEFT)
}

/// One swatch per scale value.
fn legend(s: &mut Scene, values: &[(i64, String)], colours: &[Rgb]) {
    let mut x = 20;
    for ((_, label), c) in values.iter().zip(colours) {
        s.rect(x, 44, 14, 14, *c);
        s.text(x + 20, 51, label.clone(), 12, Anchor::Start);
        x += 28 + 7 * label.chars().count() as i32;
    }
}

/// The same axis on every chart: 100% to either side of the midpoint; and
/// the heads of the `n` and missing columns.
fn axis_and_heads(s: &mut Scene, bottom: i32, w: Words) {
    for pct in [-100i32, -50, 0, 50, 100] {
        let gx = CENTRE + (f64::from(pct) / 100.0 * half()).round() as i32;
        let colour = if pct == 0 { MUTED } else { GRID };
        s.line((gx, TOP - 4), (gx, bottom), colour, 1);
        let label = format!("{}%", pct.abs());
        s.styled_text(gx, bottom + 14, label, 12, Anchor::Middle, false, MUTED);
    }
    s.styled_text(RIGHT + 40, TOP - 12, "n", 12, Anchor::Middle, true, MUTED);
    let missing = w.t("ontbr.", "missing");
    s.styled_text(
        RIGHT + 100,
        TOP - 12,
        missing,
        12,
        Anchor::Middle,
        true,
        MUTED,
    );
    let decision = w.t("besluit", "decision");
    s.styled_text(
        DECISION_X,
        TOP - 12,
        decision,
        12,
        Anchor::Start,
        true,
        MUTED,
    );
}

/// Where the decision column starts.
const DECISION_X: i32 = RIGHT + 140;

/// The order segments are stacked in, and each one's span as signed shares
/// (`from`, `to`; negative is right of the midpoint). Below the midpoint
/// grows leftwards from the centre, above it rightwards; an odd scale's
/// middle value is split over both sides.
fn segments(shares: &[f64]) -> Vec<(usize, f64, f64)> {
    let k = shares.len();
    let mid = (k as f64 - 1.0) / 2.0;
    let (mut neg, mut pos) = (0.0f64, 0.0f64);
    let at = |j: usize| j as f64;
    let order = (0..k)
        .filter(|&j| at(j) == mid)
        .chain((0..k).rev().filter(|&j| at(j) < mid))
        .chain((0..k).filter(|&j| at(j) > mid));
    let mut out = Vec::with_capacity(k);
    for j in order {
        let share = shares[j];
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
        out.push((j, from, to));
    }
    out
}

/// One item's bar, with the share written on segments of 8% or more.
fn bar(s: &mut Scene, r: &DistributionRow, y: i32, colours: &[Rgb], lang: Language) {
    for (j, from, to) in segments(&r.shares) {
        let share = r.shares[j];
        let x0 = CENTRE - (from * half()).round() as i32;
        let x1 = CENTRE - (to * half()).round() as i32;
        if x1 > x0 {
            s.rect(x0, y + 5, x1 - x0, ROW_H - 10, colours[j]);
            if share >= 0.08 {
                let label = format::percent(share, lang);
                let yc = y + ROW_H / 2;
                s.styled_text(
                    (x0 + x1) / 2,
                    yc,
                    label,
                    11,
                    Anchor::Middle,
                    false,
                    on(colours[j]),
                );
            }
        }
    }
}

/// An item's "id  text" over two lines, the id kept with two spaces.
fn label_lines(label: &str) -> Vec<String> {
    let (id, text) = label.split_once("  ").unwrap_or(("", label));
    let room = LABEL_CHARS.saturating_sub(id.chars().count() + 2).max(10);
    let mut lines = wrap(text, room, 2);
    if let Some(first) = lines.first_mut() {
        *first = format!("{id}  {first}");
    }
    lines
}

pub fn distribution_scene(d: &Distribution, lang: Language) -> Scene {
    let w = Words(lang);
    let bottom = TOP + ROW_H * d.rows.len() as i32;
    let title = format!(
        "{}: {}, {}",
        d.measure,
        d.area,
        w.t("verdeling per item", "distribution per item")
    );
    let mut s = titled(WIDTH + 220, bottom + 44, title);
    let colours = palette(d.values.len());
    legend(&mut s, &d.values, &colours);
    axis_and_heads(&mut s, bottom, w);
    for (i, r) in d.rows.iter().enumerate() {
        let y = TOP + ROW_H * i as i32;
        let yc = y + ROW_H / 2;
        let lines = label_lines(&r.label);
        let top = yc - 7 * (lines.len() as i32 - 1);
        for (k, line) in lines.into_iter().enumerate() {
            s.text(LEFT - 12, top + 14 * k as i32, line, 12, Anchor::End);
        }
        s.text(RIGHT + 40, yc, r.n.to_string(), 12, Anchor::Middle);
        if let Some(d) = r.decision {
            s.text(DECISION_X, yc, w.decision(d), 12, Anchor::Start);
        }
        let missing = r.missing.to_string();
        s.styled_text(RIGHT + 100, yc, missing, 12, Anchor::Middle, false, MUTED);
        if r.shares.len() == d.values.len() {
            bar(&mut s, r, y, &colours, lang);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::scene;

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
                decision: None,
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
