//! The area-means chart: each area's mean with its 95% interval, against
//! the keep and drop thresholds of the decision rule.
//!
//! Drawn from the area rows of group `ALL` only. It must not compute a
//! figure.

use super::shared::{
    lines_at, rows_of, scale_x, titled, value_axis, wrap, wrap_title, LINE, TEXT, WIDTH,
};
use crate::analysis::score::Scores;
use crate::codebook::{Codebook, Language};
use crate::render::charts::scene::{Anchor, Rgb, Scene, DIVERGING, INK};
use crate::render::format;
use crate::render::words::Words;

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
                mean: r.mean(),
                ci: r.ci(),
            })
            .collect(),
    }
}

/// A labelled vertical threshold line.
fn threshold(
    s: &mut Scene,
    x: i32,
    (top, bottom): (i32, i32),
    label: String,
    color: Rgb,
    anchor: Anchor,
) {
    s.line((x, top), (x, bottom), color, 2);
    let dx = if anchor == Anchor::End { -4 } else { 4 };
    s.styled_text(x + dx, top - 14, label, TEXT, anchor, true, color);
}

/// The drop threshold (left-labelled) and the keep threshold.
fn thresholds(s: &mut Scene, d: &AreaMeans, span: (i32, i32), rows: (i32, i32), lang: Language) {
    let w = Words(lang);
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let label = |word: &str, x: f64| format!("{word} {}", format::mean(x, lang));
    let keep = label(w.t("behouden vanaf", "keep from"), d.keep_min_mean);
    let drop = label(w.t("schrappen onder", "drop below"), d.drop_below_mean);
    let x = |v: f64| scale_x(v, lim, span);
    threshold(
        s,
        x(d.drop_below_mean),
        rows,
        drop,
        DIVERGING[0],
        Anchor::End,
    );
    threshold(
        s,
        x(d.keep_min_mean),
        rows,
        keep,
        DIVERGING[3],
        Anchor::Start,
    );
}

/// One area: its label, its interval as a whisker, its mean as a dot and
/// in figures, with the decimals that keep it on its side of the
/// thresholds drawn beside it.
fn area_row(
    s: &mut Scene,
    (r, d): (&AreaMean, &AreaMeans),
    y: i32,
    (lim, span): ((f64, f64), (i32, i32)),
    lang: Language,
) {
    let lines = wrap(&r.area, span.0 - 36);
    lines_at(s, (span.0 - 16, y), &lines, Anchor::End, INK);
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
        let shown = format::mean_beside(m, &[d.keep_min_mean, d.drop_below_mean], lang);
        s.text(
            span.1 + 20,
            y,
            format!("{shown}  (n = {})", r.n),
            TEXT,
            Anchor::Start,
        );
    }
}

pub fn area_means_scene(d: &AreaMeans, lang: Language) -> Scene {
    let w = Words(lang);
    let span = (250, 760);
    let heights: Vec<i32> = (d.rows.iter())
        .map(|r| (LINE * wrap(&r.area, span.0 - 36).len() as i32 + 12).max(40))
        .collect();
    let top = 90;
    let bottom = top + heights.iter().sum::<i32>();
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let title = format!(
        "{}: {}",
        d.measure,
        w.t(
            "gemiddelde per gebied met 95%-betrouwbaarheidsinterval",
            "mean per area with 95% confidence interval"
        )
    );
    let mut s = titled(WIDTH, bottom + 44, title);
    value_axis(&mut s, (d.scale, span), &[(top, bottom)], lang);
    thresholds(&mut s, d, span, (top, bottom), lang);
    let mut y = top;
    for (r, h) in d.rows.iter().zip(heights) {
        area_row(&mut s, (r, d), y + h / 2, (lim, span), lang);
        y += h;
    }
    wrap_title(s)
}
