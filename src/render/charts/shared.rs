//! What the chart files share: canvas width and title line, the value axis,
//! text colour on a fill, item labels (cut or wrapped), the score rows of one measure and
//! group, and the painted [`ChartFile`].
//!
//! Owns the common parts of a layout so that every chart draws them alike.
//! It must not know any one chart, nor compute a figure.

use crate::analysis::score::ScoreRow;
use crate::codebook::{Item, Language};
use crate::render::charts::scene::{self, Anchor, Rgb, Scene, GRID, INK, MUTED};
use crate::render::format;

/// A chart written as `charts/<name>.svg` and `.png`.
pub struct ChartFile {
    pub name: String,
    pub title: String,
    pub svg: String,
    pub png: Vec<u8>,
}

/// A scene painted to both files.
pub fn file(name: String, scene: &Scene) -> Result<ChartFile, String> {
    Ok(ChartFile {
        title: scene.title.clone(),
        svg: scene::to_svg(scene)?,
        png: scene::to_png(scene)?,
        name,
    })
}

pub const TITLE_Y: i32 = 22;
pub const WIDTH: u32 = 1000;

/// A scene with its title written at the top left.
pub fn titled(width: u32, height: i32, title: String) -> Scene {
    let mut s = Scene::new(width, height as u32, title.clone());
    s.styled_text(20, TITLE_Y, title, 16, Anchor::Start, true, INK);
    s
}

/// The rows of one measure and group.
pub fn rows_of(rows: &[ScoreRow], measure: usize, group: u32) -> impl Iterator<Item = &ScoreRow> {
    rows.iter()
        .filter(move |r| r.measure == measure && r.group == group)
}

/// At most this many characters of an item's text go into its chart label.
pub const LABEL_CHARS: usize = 58;

/// `text` over at most `lines` lines of at most `chars` characters, broken
/// between words; what does not fit ends the last line with an ellipsis.
pub fn wrap(text: &str, chars: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let full = out.len() == lines;
        match out.last_mut() {
            Some(l) if l.chars().count() + 1 + len <= chars => {
                l.push(' ');
                l.push_str(word);
            }
            Some(l) if full => {
                let mut cut: String = l.chars().take(chars - 1).collect();
                cut.push('…');
                *l = cut;
                return out;
            }
            _ => out.push(word.chars().take(chars).collect()),
        }
    }
    out
}

/// An item's id, marked `(R)` when the item is reverse-keyed (the
/// psychometric convention; the report's legend says it in words).
pub fn item_id(item: &Item) -> String {
    let mark = if item.reverse { " (R)" } else { "" };
    format!("{}{mark}", item.id)
}

/// An item's id and text on one line of at most [`LABEL_CHARS`], cut
/// between words: a cut word would read as a stray letter.
pub fn item_label(item: &Item) -> String {
    let id = item_id(item);
    let room = LABEL_CHARS.saturating_sub(id.chars().count() + 2).max(10);
    let first = wrap(&item.text, room, 1)
        .into_iter()
        .next()
        .unwrap_or_default();
    format!("{id}  {first}")
}

/// Maps a value on `[lo, hi]` to pixels on `[x0, x1]`.
pub fn scale_x(v: f64, (lo, hi): (f64, f64), (x0, x1): (i32, i32)) -> i32 {
    x0 + ((v - lo) / (hi - lo) * f64::from(x1 - x0)).round() as i32
}

/// Value axis with a grid line and label at every scale value.
pub fn value_axis(
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

/// Readable text colour on a segment.
pub fn on(fill: Rgb) -> Rgb {
    let luma = 0.299 * f64::from(fill.0) + 0.587 * f64::from(fill.1) + 0.114 * f64::from(fill.2);
    if luma < 140.0 {
        (255, 255, 255)
    } else {
        INK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, text: &str, reverse: bool) -> Item {
        Item {
            id: id.into(),
            area: 0,
            dimension: None,
            text: text.into(),
            columns: Vec::new(),
            previous: None,
            rounds: None,
            reverse,
        }
    }

    #[test]
    fn wrap_breaks_between_words_and_cuts_the_last_line() {
        assert_eq!(wrap("a short one", 20, 2), ["a short one"]);
        assert_eq!(
            wrap("kent de interne en externe netwerken", 16, 2),
            ["kent de interne", "en externe…"]
        );
        assert_eq!(wrap("kent de interne en", 16, 2), ["kent de interne", "en"]);
    }

    #[test]
    fn labels_are_cut_to_fit() {
        assert_eq!(item_label(&item("a1", "Kort", false)), "a1  Kort");
        let long = item_label(&item("brug_k1", &"woord ".repeat(30), false));
        assert!(long.chars().count() <= LABEL_CHARS, "{long}");
        assert!(long.ends_with('…'));
    }

    #[test]
    fn reversed_items_are_marked() {
        assert_eq!(item_label(&item("a1", "Niet", true)), "a1 (R)  Niet");
    }
}
