//! The comparison chart: each area's and item's mean in the earlier round
//! and the later one, joined by a line (a dumbbell).
//!
//! Drawn from `compare::Comparison` (group `ALL`) only. It must not compute
//! a figure.

use super::shared::{item_label, scale_x, titled, value_axis, WIDTH};
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

pub fn dumbbell_scene(d: &Dumbbell, lang: Language) -> Scene {
    let w = Words(lang);
    let (row_h, top) = (30, 84);
    let span = (420, 760);
    let bottom = top + row_h * d.rows.len() as i32;
    let lim = (d.scale.0 as f64, d.scale.1 as f64);
    let title = format!(
        "{}: {} {} → {}",
        d.subject,
        w.t("gemiddelde in", "mean in"),
        d.from,
        d.to
    );
    let mut s = titled(WIDTH, bottom + 40, title);
    for (i, (name, color)) in [(&d.from, FROM), (&d.to, TO)].into_iter().enumerate() {
        let x = 20 + 180 * i as i32;
        s.dot(x + 6, 52, 6, color);
        s.text(x + 18, 52, name.clone(), 12, Anchor::Start);
    }
    value_axis(&mut s, d.scale, span, top, bottom, lang);
    for (i, r) in d.rows.iter().enumerate() {
        let y = top + row_h * i as i32 + row_h / 2;
        s.text(span.0 - 12, y, r.label.clone(), 12, Anchor::End);
        let at = |v: Option<f64>| v.map(|v| scale_x(v, lim, span));
        if let (Some(a), Some(b)) = (at(r.from), at(r.to)) {
            s.line((a, y), (b, y), MUTED, 2);
        }
        for (x, color) in [(at(r.from), FROM), (at(r.to), TO)] {
            if let Some(x) = x {
                s.dot(x, y, 6, color);
            }
        }
        let show = |v: Option<f64>| v.map_or("–".to_string(), |v| format::mean(v, lang));
        let mut note = format!("{} → {}", show(r.from), show(r.to));
        if let Some(word) = r
            .status
            .map(|st| status_word(st, w))
            .filter(|s| !s.is_empty())
        {
            note = format!("{note}  ({word})");
        }
        s.styled_text(span.1 + 16, y, note, 12, Anchor::Start, false, MUTED);
    }
    s
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
    dumbbell_data(study, cmp)
        .into_iter()
        .map(|(name, d)| (name, dumbbell_scene(&d, lang)))
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
