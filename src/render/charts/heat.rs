//! The consultation heat map: statements per theme x stakeholder group.
//!
//! Drawn from the counts of `consult` only. It must not read statements.

use super::shared::{on, titled, WIDTH};
use crate::analysis::consult::{self, Summary};
use crate::codebook::Language;
use crate::render::charts::scene::{Anchor, Rgb, Scene, INK};
use crate::render::words::Words;

/// What the heat map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    /// Statements, `[theme][group]`.
    pub counts: Vec<Vec<u64>>,
}

/// Groups that said nothing in this round (listed in `[respondents] groups`
/// for another round) get no column.
pub fn heat_data(s: &Summary) -> HeatMap {
    let n = &s.notes;
    let grid = consult::statements_by_theme(&s.counts, n.themes.len(), n.groups.len());
    let spoke: Vec<usize> = (0..n.groups.len())
        .filter(|g| grid.iter().any(|row| row[*g] > 0))
        .collect();
    HeatMap {
        themes: n.themes.clone(),
        groups: spoke.iter().map(|g| n.groups[*g].clone()).collect(),
        counts: grid
            .iter()
            .map(|row| spoke.iter().map(|g| row[*g]).collect())
            .collect(),
    }
}

/// White to the report's purple, by the share of the largest count.
fn shade(count: u64, max: u64) -> Rgb {
    let t = if max == 0 {
        0.0
    } else {
        count as f64 / max as f64
    };
    let mix = |from: f64, to: f64| (from + (to - from) * t).round() as u8;
    (mix(247.0, 94.0), mix(247.0, 60.0), mix(247.0, 153.0))
}

/// Longest group name shown above a column.
const HEAD_CHARS: usize = 16;

fn cut(s: &str) -> String {
    if s.chars().count() <= HEAD_CHARS {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(HEAD_CHARS - 1).collect();
        c.push('…');
        c
    }
}

pub fn heat_scene(d: &HeatMap, lang: Language) -> Scene {
    let w = Words(lang);
    let (left, top, cell_w, cell_h) = (230, 80, 120, 40);
    let cols = d.groups.len().max(1) as i32;
    let width = (left + cols * cell_w + 20).max(WIDTH as i32) as u32;
    let bottom = top + cell_h * d.themes.len() as i32;
    let title = w.t(
        "Consultatie: uitspraken per thema en groep",
        "Consultation: statements per theme and group",
    );
    let mut s = titled(width, bottom + 30, title.to_string());
    for (g, name) in d.groups.iter().enumerate() {
        let x = left + cell_w * g as i32 + cell_w / 2;
        s.styled_text(x, top - 14, cut(name), 12, Anchor::Middle, true, INK);
    }
    let max = d.counts.iter().flatten().copied().max().unwrap_or(0);
    for (t, theme) in d.themes.iter().enumerate() {
        let y = top + cell_h * t as i32;
        s.text(left - 12, y + cell_h / 2, theme.clone(), 13, Anchor::End);
        for (g, count) in d.counts[t].iter().enumerate() {
            let x = left + cell_w * g as i32;
            let fill = shade(*count, max);
            s.rect(x + 1, y + 1, cell_w - 2, cell_h - 2, fill);
            let (cx, cy) = (x + cell_w / 2, y + cell_h / 2);
            s.styled_text(
                cx,
                cy,
                count.to_string(),
                13,
                Anchor::Middle,
                false,
                on(fill),
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_shaded_by_count_and_labelled() {
        let d = HeatMap {
            themes: vec!["opleiding".into(), "positionering".into()],
            groups: vec!["docenten".into(), "een heel lange groepsnaam".into()],
            counts: vec![vec![4, 0], vec![2, 1]],
        };
        let s = heat_scene(&d, Language::Nl);
        let texts = s.texts();
        assert!(texts.contains(&"een heel lange …"), "{texts:?}");
        for want in ["opleiding", "positionering", "4", "0", "2", "1"] {
            assert!(texts.contains(&want), "{want}: {texts:?}");
        }
        assert_eq!(shade(4, 4), (94, 60, 153));
        assert_eq!(shade(0, 4), (247, 247, 247));
        assert_eq!(shade(0, 0), (247, 247, 247));
    }
}
