//! What the chart files share: canvas width and title line, the value axis,
//! text colour on a fill, the font sizes that print at 8 pt or more,
//! item labels (text, not id) wrapped by measured width, a legend that
//! flows onto more lines, the score rows of one measure and group, and the
//! painted [`ChartFile`].
//!
//! Owns the common parts of a layout so that every chart draws them alike.
//! It must not know any one chart, nor compute a figure.

use crate::analysis::score::ScoreRow;
use crate::codebook::{Item, Language};
use crate::render::charts::scene::{self, text_width, Anchor, Rgb, Scene, Shape, GRID, INK, MUTED};
use crate::render::format;
use crate::render::words::Words;

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

/// Every chart is this many pixels wide, so one font size prints alike.
pub const WIDTH: u32 = 1000;
/// The text width of an A4 page with 2.5 cm margins (16 cm) in points:
/// the width a chart is printed at in the Word report and on paper.
pub const PRINT_WIDTH_PT: f64 = 16.0 / 2.54 * 72.0;
/// The smallest type a chart prints at (at [`PRINT_WIDTH_PT`]).
pub const MIN_PT: f64 = 8.0;
/// Font sizes (px per em) of every chart text: 18 px of 1000 prints at
/// 8.2 pt, the title at 10 pt.
pub const TEXT: u32 = 18;
pub const TITLE: u32 = 22;
/// The distance between two lines of [`TEXT`].
pub const LINE: i32 = 22;
pub const TITLE_Y: i32 = 26;

/// The size in points a font of `size` px has when a chart `width` px wide
/// is printed at text width.
pub fn printed_pt(size: u32, width: u32) -> f64 {
    f64::from(size) * PRINT_WIDTH_PT / f64::from(width)
}

/// A scene with its title written at the top left; layouts place the
/// rest below one title line, and [`wrap_title`] makes room for more.
pub fn titled(width: u32, height: i32, title: String) -> Scene {
    let mut s = Scene::new(width, height as u32, title.clone());
    s.styled_text(20, TITLE_Y, title, TITLE, Anchor::Start, true, INK);
    s
}

/// A finished [`titled`] scene whose title is too long for one line: the
/// title wrapped, everything below moved down to make room.
pub fn wrap_title(mut s: Scene) -> Scene {
    let lines = wrap_in(&s.title, s.width as i32 - 40, (TITLE, true));
    if lines.len() > 1 && !s.shapes.is_empty() {
        let step = TITLE as i32 + 6;
        s.shift_down(1, step * (lines.len() as i32 - 1));
        s.shapes.remove(0);
        for (k, line) in lines.into_iter().enumerate().rev() {
            let y = TITLE_Y + step * k as i32;
            let text = Shape::Text {
                x: 20,
                y,
                text: line,
                size: TITLE,
                bold: true,
                anchor: Anchor::Start,
                color: INK,
            };
            s.shapes.insert(0, text);
        }
    }
    s
}

/// The rows of one measure and group.
pub fn rows_of(rows: &[ScoreRow], measure: usize, group: u32) -> impl Iterator<Item = &ScoreRow> {
    rows.iter()
        .filter(move |r| r.measure == measure && r.group == group)
}

/// `text` broken between words into lines at most `px` wide at font size
/// [`TEXT`]; nothing is cut off: a word wider than a line is split over
/// lines (no ellipsis).
pub fn wrap(text: &str, px: i32) -> Vec<String> {
    wrap_in(text, px, (TEXT, false))
}

/// [`wrap`] for text of any size, regular or bold.
pub fn wrap_in(text: &str, px: i32, (size, bold): (u32, bool)) -> Vec<String> {
    let fits = |s: &str| text_width(s, size, bold) <= px;
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if let Some(l) = out.last_mut() {
            let joined = format!("{l} {word}");
            if fits(&joined) {
                *l = joined;
                continue;
            }
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if !fits(&piece) && piece.chars().count() > 1 {
                piece.pop();
                out.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        out.push(piece);
    }
    out
}

/// Lines of [`TEXT`] centred as a block on `yc`, anchored at `x`.
pub fn lines_at(s: &mut Scene, (x, yc): (i32, i32), lines: &[String], anchor: Anchor, colour: Rgb) {
    let top = yc - LINE * (lines.len() as i32 - 1) / 2;
    for (k, line) in lines.iter().enumerate() {
        let y = top + LINE * k as i32;
        s.styled_text(x, y, line.clone(), TEXT, anchor, false, colour);
    }
}

/// Rows of `heights` stacked from `top`: where each starts, and where the
/// last ends.
pub fn stack(top: i32, heights: &[i32]) -> (Vec<i32>, i32) {
    let mut y = top;
    let starts = (heights.iter())
        .map(|h| {
            let start = y;
            y += h;
            start
        })
        .collect();
    (starts, y)
}

/// The most a chart is tall (px, at [`WIDTH`]): the text height of an A4
/// page (25.7 cm at 17 cm text width, 2 cm margins; 24.7 at 16) less a
/// caption, so that no chart is shrunk to fit a page.
pub const MAX_HEIGHT: i32 = 1440;

/// A chart of `rows` (each `heights[i]` tall) in as few parts as keep each
/// within [`MAX_HEIGHT`]: the rows split in order into runs of about equal
/// height, each drawn by `draw` with its part and the number of parts.
pub fn in_parts<R: Clone>(
    rows: &[R],
    heights: &[i32],
    draw: impl Fn(&[R], Option<(usize, usize)>) -> Scene,
) -> Vec<Scene> {
    let whole = draw(rows, None);
    if whole.height as i32 <= MAX_HEIGHT || rows.len() < 2 {
        return vec![whole];
    }
    let total: i32 = heights.iter().sum();
    let mut parts = Vec::new();
    for n in 2..=rows.len() {
        let mut runs: Vec<Vec<R>> = vec![Vec::new(); n];
        let mut above = 0i64;
        for (r, h) in rows.iter().zip(heights) {
            // The part the row's middle falls in, the total cut in n.
            let middle = above + i64::from(*h) / 2;
            let k = (middle * n as i64 / i64::from(total.max(1))) as usize;
            runs[k.min(n - 1)].push(r.clone());
            above += i64::from(*h);
        }
        runs.retain(|run| !run.is_empty());
        let count = runs.len();
        parts = (runs.iter().enumerate())
            .map(|(k, run)| draw(run, Some((k + 1, count))))
            .collect();
        if parts.iter().all(|s| s.height as i32 <= MAX_HEIGHT) {
            break;
        }
    }
    parts
}

/// A chart's title, with its part ("(1 van 2)") when it has parts.
pub fn part_title(title: String, part: Option<(usize, usize)>, lang: Language) -> String {
    match part {
        Some((k, n)) => format!("{title} ({k} {} {n})", Words(lang).t("van", "of")),
        None => title,
    }
}

/// A chart's scenes named as their files: the first keeps `name`, the
/// others are `name_part2`, ...
pub fn named_parts(name: &str, scenes: Vec<Scene>) -> impl Iterator<Item = (String, Scene)> + '_ {
    scenes.into_iter().enumerate().map(move |(k, s)| match k {
        0 => (name.to_string(), s),
        _ => (format!("{name}_part{}", k + 1), s),
    })
}

/// The mark of a reverse-keyed item (the psychometric convention).
pub const REVERSED_MARK: &str = "(R)";

/// An item as charts label it: its text, not its id, marked
/// [`REVERSED_MARK`] when reverse-keyed.
pub fn item_label(item: &Item) -> String {
    match item.reverse {
        true => format!("{} {REVERSED_MARK}", item.text),
        false => item.text.clone(),
    }
}

/// How a legend entry is marked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Marker {
    Square,
    Dot,
}

/// A legend from the left edge at `y`, its entries flowing onto more lines
/// when the next does not fit before the right edge; returns the centre
/// of its last line.
pub fn legend(s: &mut Scene, entries: &[(String, Rgb)], marker: Marker, y: i32) -> i32 {
    let (left, right) = (20, s.width as i32 - 20);
    let (mut x, mut y) = (left, y);
    for (label, colour) in entries {
        let w = 22 + text_width(label, TEXT, false);
        if x > left && x + w > right {
            (x, y) = (left, y + LINE + 4);
        }
        match marker {
            Marker::Square => s.rect(x, y - 8, 16, 16, *colour),
            Marker::Dot => s.dot(x + 8, y, 7, *colour),
        }
        s.text(x + 22, y, label.clone(), TEXT, Anchor::Start);
        x += w + 24;
    }
    y
}

/// Maps a value on `[lo, hi]` to pixels on `[x0, x1]`.
pub fn scale_x(v: f64, (lo, hi): (f64, f64), (x0, x1): (i32, i32)) -> i32 {
    x0 + ((v - lo) / (hi - lo) * f64::from(x1 - x0)).round() as i32
}

/// Value axis with a grid line at every scale value over each of `bands`
/// (top, bottom: grid lines never cross a label), and its labels below the
/// last band.
pub fn value_axis(
    s: &mut Scene,
    (scale, span): ((i64, i64), (i32, i32)),
    bands: &[(i32, i32)],
    lang: Language,
) {
    let lim = (scale.0 as f64, scale.1 as f64);
    let bottom = bands.iter().map(|b| b.1).max().unwrap_or(0);
    for v in scale.0..=scale.1 {
        let x = scale_x(v as f64, lim, span);
        for (top, end) in bands {
            s.line((x, *top), (x, *end), GRID, 1);
        }
        let label = format::round_half_away(v as f64, 0, lang);
        s.styled_text(x, bottom + 18, label, TEXT, Anchor::Middle, false, MUTED);
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
    fn wrap_breaks_between_words_and_never_cuts() {
        assert_eq!(wrap("a short one", 400), ["a short one"]);
        let text = "kent de interne en externe netwerken van de eigen instelling";
        let lines = wrap(text, 160);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), text, "every word kept, in order");
        for l in &lines {
            assert!(text_width(l, TEXT, false) <= 160, "{l}");
            assert!(!l.ends_with('…'));
        }
        // A word wider than the line is split, not cut.
        let long = "Onderwijsinnovatieondersteuningsmedewerkersbijeenkomst";
        assert_eq!(wrap(long, 120).concat(), long);
    }

    #[test]
    fn labels_are_texts_marked_when_reversed() {
        assert_eq!(item_label(&item("a1", "Kort", false)), "Kort");
        assert_eq!(item_label(&item("a1", "Niet", true)), "Niet (R)");
    }

    #[test]
    fn text_prints_at_eight_points_or_more() {
        assert!(
            printed_pt(TEXT, WIDTH) >= MIN_PT,
            "{}",
            printed_pt(TEXT, WIDTH)
        );
        assert!(
            printed_pt(TEXT - 1, WIDTH) < MIN_PT,
            "TEXT is the smallest that does"
        );
    }

    #[test]
    fn a_long_title_wraps_and_moves_the_chart_down() {
        let title = "Toepasbaarheid in de eigen onderwijspraktijk: gemiddelde per gebied en groep, met 95%-betrouwbaarheidsinterval";
        let mut s = titled(WIDTH, 100, title.to_string());
        s.dot(50, 60, 5, INK);
        let s = wrap_title(s);
        let texts = s.texts();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(texts.join(" "), title);
        assert!(texts
            .iter()
            .all(|t| text_width(t, TITLE, true) <= WIDTH as i32 - 40));
        let step = TITLE as i32 + 6;
        assert_eq!(s.height, 100 + step as u32);
        assert!(s.shapes.contains(&Shape::Dot {
            x: 50,
            y: 60 + step,
            r: 5,
            fill: INK
        }));
        // A short one is left as it is.
        let short = titled(WIDTH, 100, "Kort".into());
        assert_eq!(wrap_title(short.clone()), short);
    }

    #[test]
    fn a_tall_chart_comes_in_parts_of_about_equal_height() {
        // A row is 100 px; a chart 50 px more than its rows.
        let draw = |rows: &[u32], part: Option<(usize, usize)>| {
            let title = part_title("T".into(), part, Language::Nl);
            let mut s = Scene::new(WIDTH, 50 + 100 * rows.len() as u32, title);
            s.text(0, 0, format!("{rows:?}"), TEXT, Anchor::Start);
            s
        };
        let rows: Vec<u32> = (0..30).collect();
        let parts = in_parts(&rows, &[100; 30], draw);
        assert_eq!(parts.len(), 3, "3000 px in parts of at most {MAX_HEIGHT}");
        let texts: Vec<&str> = parts.iter().map(|s| s.texts()[0]).collect();
        assert_eq!(texts[0], format!("{:?}", (0..10).collect::<Vec<u32>>()));
        assert_eq!(parts[2].title, "T (3 van 3)");
        assert_eq!(in_parts(&rows[..5], &[100; 5], draw).len(), 1);
        assert_eq!(in_parts(&rows[..5], &[100; 5], draw)[0].title, "T");
        let names: Vec<String> = named_parts("items_h_a", parts).map(|(n, _)| n).collect();
        assert_eq!(names, ["items_h_a", "items_h_a_part2", "items_h_a_part3"]);
    }

    #[test]
    fn a_legend_flows_onto_more_lines() {
        let mut s = Scene::new(WIDTH, 400, "t");
        let entries: Vec<(String, Rgb)> = (0..8)
            .map(|i| (format!("groep met een lange naam {i}"), INK))
            .collect();
        let last = legend(&mut s, &entries, Marker::Dot, 50);
        assert!(last > 50 + 2 * LINE, "{last}");
        for sh in &s.shapes {
            if let Shape::Text { x, text, .. } = sh {
                assert!(
                    x + text_width(text, TEXT, false) <= WIDTH as i32 - 20,
                    "{text}"
                );
            }
        }
    }
}
