//! The consultation heat map: statements per theme x stakeholder group.
//!
//! Drawn from the counts of `consult` only. It must not read statements.

use super::shared::{lines_at, on, titled, wrap, wrap_in, wrap_title, LINE, TEXT, WIDTH};
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

/// Themes are labelled left of `LEFT`; the columns share the rest of the
/// chart's width (at most `MAX_CELL` each), so the chart prints at text
/// width however many groups there are, their names wrapped, not cut.
const LEFT: i32 = 230;
const MAX_CELL: i32 = 150;

pub fn heat_scene(d: &HeatMap, lang: Language) -> Scene {
    let w = Words(lang);
    let cols = d.groups.len().max(1) as i32;
    let cell_w = ((WIDTH as i32 - 20 - LEFT) / cols).min(MAX_CELL);
    let heads: Vec<Vec<String>> = d
        .groups
        .iter()
        .map(|g| wrap_in(g, cell_w - 8, (TEXT, true)))
        .collect();
    let head_lines = heads.iter().map(Vec::len).max().unwrap_or(1) as i32;
    let top = 66 + LINE * head_lines;
    let themes: Vec<Vec<String>> = d.themes.iter().map(|t| wrap(t, LEFT - 32)).collect();
    let heights: Vec<i32> = (themes.iter())
        .map(|l| (LINE * l.len() as i32 + 12).max(40))
        .collect();
    let bottom = top + heights.iter().sum::<i32>();
    let title = w.t(
        "Consultatie: uitspraken per thema en groep",
        "Consultation: statements per theme and group",
    );
    let mut s = titled(WIDTH, bottom + 30, title.to_string());
    for (g, lines) in heads.into_iter().enumerate() {
        let x = LEFT + cell_w * g as i32 + cell_w / 2;
        let first = top - 10 - LINE * (lines.len() as i32 - 1) - LINE / 2;
        for (k, line) in lines.into_iter().enumerate() {
            let y = first + LINE * k as i32;
            s.styled_text(x, y, line, TEXT, Anchor::Middle, true, INK);
        }
    }
    let max = d.counts.iter().flatten().copied().max().unwrap_or(0);
    let mut y = top;
    for ((label, counts), h) in themes.iter().zip(&d.counts).zip(heights) {
        lines_at(&mut s, (LEFT - 12, y + h / 2), label, Anchor::End, INK);
        for (g, count) in counts.iter().enumerate() {
            let x = LEFT + cell_w * g as i32;
            let fill = shade(*count, max);
            s.rect(x + 1, y + 1, cell_w - 2, h - 2, fill);
            let (cx, cy) = (x + cell_w / 2, y + h / 2);
            let text = count.to_string();
            s.styled_text(cx, cy, text, TEXT, Anchor::Middle, false, on(fill));
        }
        y += h;
    }
    wrap_title(s)
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
        // Names are wrapped above their column, never cut.
        assert!(!texts.iter().any(|t| t.ends_with('…')), "{texts:?}");
        assert!(
            texts.contains(&"een heel lange groepsnaam") || texts.contains(&"groepsnaam"),
            "{texts:?}"
        );
        for want in ["opleiding", "positionering", "4", "0", "2", "1"] {
            assert!(texts.contains(&want), "{want}: {texts:?}");
        }
        assert_eq!(shade(4, 4), (94, 60, 153));
        assert_eq!(shade(0, 4), (247, 247, 247));
        assert_eq!(shade(0, 0), (247, 247, 247));
    }
}
