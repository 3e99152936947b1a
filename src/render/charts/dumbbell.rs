//! The comparison chart: each area's and item's mean in the earlier round
//! and the later one, joined by a line (a dumbbell).
//!
//! Drawn from `compare::Comparison` (group `ALL`) only. It must not compute
//! a figure.

use super::shared::{
    in_parts, item_label, legend, named_parts, part_title, scale_x, stack, titled, value_axis,
    wrap, wrap_title, Marker, LINE, TEXT, WIDTH,
};
use crate::analysis::compare::{Change, Comparison, Status};
use crate::codebook::{Codebook, Language};
use crate::render::charts::scene::{Anchor, Rgb, Scene, MUTED};
use crate::render::format;
use crate::render::words::Words;

/// The earlier round's dot, and the later round's.
const FROM: Rgb = (153, 153, 153);
const TO: Rgb = (94, 60, 153);

#[derive(Debug, Clone, PartialEq)]
pub struct Dumbbell {
    /// What the rows are: "Herkenbaarheid: gebieden", "...: Bruggenbouwer".
    pub subject: String,
    pub from: String,
    pub to: String,
    pub scale: (i64, i64),
    pub rows: Vec<Bell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bell {
    pub label: String,
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub status: Option<Status>,
}

fn bell(label: String, c: &Change) -> Bell {
    Bell {
        label,
        from: c.mean_from(),
        to: c.mean_to(),
        status: c.status,
    }
}

fn status_word(s: Status, w: Words) -> &'static str {
    match s {
        Status::Same => "",
        Status::Reworded => w.t("herschreven", "reworded"),
        Status::New => w.t("nieuw", "new"),
        Status::Dropped => w.t("vervallen", "dropped"),
    }
}

/// Where the value axis is, left of the figures; each row's label is on
/// the lines above its dumbbell, across the chart, so that item texts wrap
/// over few lines.
const SPAN: (i32, i32) = (60, 620);
const NOTE_X: i32 = 650;

/// One row's figures: both means and the wording's status.
fn note(r: &Bell, w: Words, lang: Language) -> String {
    let show = |v: Option<f64>| v.map_or("–".to_string(), |v| format::mean(v, lang));
    let figures = format!("{} → {}", show(r.from), show(r.to));
    match r
        .status
        .map(|st| status_word(st, w))
        .filter(|s| !s.is_empty())
    {
        Some(word) => format!("{figures}  ({word})"),
        None => figures,
    }
}

/// A row's label over the width of the chart.
fn label_lines(r: &Bell) -> Vec<String> {
    wrap(&r.label, WIDTH as i32 - 40)
}

/// A row's height: its label's lines and the dots' line.
fn row_height(lines: usize) -> i32 {
    LINE * lines as i32 + LINE + 12
}

/// A dumbbell chart in as few parts as fit an A4 page each ([`in_parts`]).
pub fn dumbbell_scenes(d: &Dumbbell, lang: Language) -> Vec<Scene> {
    let heights: Vec<i32> = d
        .rows
        .iter()
        .map(|r| row_height(label_lines(r).len()))
        .collect();
    in_parts(&d.rows, &heights, |rows, part| {
        let d = Dumbbell {
            rows: rows.to_vec(),
            ..d.clone()
        };
        scene_of(&d, lang, part)
    })
}

/// The whole chart (see [`dumbbell_scenes`] for A4).
pub fn dumbbell_scene(d: &Dumbbell, lang: Language) -> Scene {
    scene_of(d, lang, None)
}

fn scene_of(d: &Dumbbell, lang: Language, part: Option<(usize, usize)>) -> Scene {
    let w = Words(lang);
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let title = format!(
        "{}: {} {} → {}",
        d.subject,
        w.t("gemiddelde in", "mean in"),
        d.from,
        d.to
    );
    let title = part_title(title, part, lang);
    let entries = [(d.from.clone(), FROM), (d.to.clone(), TO)];
    let mut probe = Scene::new(WIDTH, 0, "");
    let top = legend(&mut probe, &entries, Marker::Dot, 64) + LINE;
    let labels: Vec<Vec<String>> = d.rows.iter().map(label_lines).collect();
    let heights: Vec<i32> = labels.iter().map(|l| row_height(l.len())).collect();
    // Each row: its label's lines, then the dots' line (a band of grid).
    let (starts, bottom) = stack(top, &heights);
    let bands: Vec<(i32, i32)> = (starts.iter().zip(&labels).zip(&heights))
        .map(|((y, l), h)| (y + 6 + LINE * l.len() as i32, y + h))
        .collect();
    let mut s = titled(WIDTH, bottom + 44, title);
    s.shapes.extend(probe.shapes);
    value_axis(&mut s, (d.scale, SPAN), &bands, lang);
    for ((r, lines), (y, band)) in d.rows.iter().zip(labels).zip(starts.into_iter().zip(bands)) {
        for (k, line) in lines.into_iter().enumerate() {
            s.text(
                20,
                y + 6 + LINE / 2 + LINE * k as i32,
                line,
                TEXT,
                Anchor::Start,
            );
        }
        let yc = band.0 + LINE / 2;
        let at = |v: Option<f64>| v.map(|v| scale_x(v, lim, SPAN));
        if let (Some(a), Some(b)) = (at(r.from), at(r.to)) {
            s.line((a, yc), (b, yc), MUTED, 2);
        }
        for (x, color) in [(at(r.from), FROM), (at(r.to), TO)] {
            if let Some(x) = x {
                s.dot(x, yc, 7, color);
            }
        }
        let text = note(r, w, lang);
        s.styled_text(NOTE_X, yc, text, TEXT, Anchor::Start, false, MUTED);
    }
    wrap_title(s)
}

/// The changes of group `ALL` in one measure.
fn all_of(changes: &[Change], measure: usize) -> impl Iterator<Item = &Change> {
    changes
        .iter()
        .filter(move |c| c.group == "ALL" && c.measure == measure)
}

/// The area dumbbell of one measure and an item dumbbell per area.
pub fn dumbbell_data(study: &Codebook, cmp: &Comparison) -> Vec<(String, Dumbbell)> {
    let mut out = Vec::new();
    for (m, measure) in study.measures.iter().enumerate() {
        let mk = |subject: String, rows: Vec<Bell>| Dumbbell {
            subject,
            from: cmp.from.clone(),
            to: cmp.to.clone(),
            scale: (study.scale.min, study.scale.max),
            rows,
        };
        let areas: Vec<Bell> = all_of(&cmp.areas, m)
            .filter_map(|c| {
                let area = study.areas.iter().find(|a| a.id == c.id)?;
                Some(bell(area.label.clone(), c))
            })
            .collect();
        if areas.is_empty() {
            continue;
        }
        out.push((
            format!("compare_areas_{}", measure.id),
            mk(measure.label.clone(), areas),
        ));
        for (a, area) in study.areas.iter().enumerate() {
            let items: Vec<Bell> = all_of(&cmp.items, m)
                .filter_map(|c| {
                    let item = study.items.iter().find(|i| i.id == c.id)?;
                    (item.area == a).then(|| bell(item_label(item), c))
                })
                .collect();
            if !items.is_empty() {
                out.push((
                    format!("compare_items_{}_{}", measure.id, area.id),
                    mk(format!("{}: {}", measure.label, area.label), items),
                ));
            }
        }
    }
    out
}

/// Every chart scene of a comparison, named as its files.
pub fn dumbbells(study: &Codebook, cmp: &Comparison, lang: Language) -> Vec<(String, Scene)> {
    // A chart too tall for an A4 page comes in parts.
    (dumbbell_data(study, cmp).into_iter())
        .flat_map(|(name, d)| named_parts(&name, dumbbell_scenes(&d, lang)).collect::<Vec<_>>())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dumbbell_joins_both_means_and_names_the_status() {
        let d = Dumbbell {
            subject: "H".into(),
            from: "ronde-1".into(),
            to: "ronde-2".into(),
            scale: (1, 4),
            rows: vec![
                Bell {
                    label: "a".into(),
                    from: Some(2.5),
                    to: Some(3.25),
                    status: Some(Status::Reworded),
                },
                Bell {
                    label: "b".into(),
                    from: None,
                    to: Some(3.0),
                    status: Some(Status::New),
                },
            ],
        };
        let s = dumbbell_scene(&d, Language::Nl);
        let texts = s.texts();
        assert!(texts.contains(&"2,5 → 3,3  (herschreven)"), "{texts:?}");
        assert!(texts.contains(&"– → 3,0  (nieuw)"), "{texts:?}");
        let lines = s
            .shapes
            .iter()
            .filter(|sh| matches!(sh, crate::render::charts::scene::Shape::Line { color, .. } if *color == MUTED))
            .count();
        assert_eq!(lines, 1, "only the item with both means gets a bar");
    }
}
