//! A chart as a list of shapes, and the one painter that draws it with
//! plotters to SVG and PNG.
//!
//! Chart layouts (in `charts`) build a [`Scene`] from aggregated figures:
//! pure, testable, backend-free. This module owns the embedded font, the
//! palette and the two backends, so both files of a chart are drawn from the
//! same shapes, and measures text with that font so layouts can wrap it.
//! The PNG's text is drawn from glyphs rasterised once per chart, pixel for
//! pixel what plotters draws, at a third of its cost.
//! A text's `size` is its font size in pixels (the em, CSS `font-size`), in
//! the SVG and the PNG alike. It must not know what a chart means.

use std::collections::HashMap;
use std::sync::{Once, OnceLock};

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

use crate::render::escape;

/// Liberation Sans (SIL Open Font License 1.1, see assets/fonts/): the PNGs
/// look the same on a machine without fonts.
static FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");
const FAMILY: &str = "Liberation Sans";

/// plotters' SVG backend writes `font-size` as its size / 1.24.
const SVG_SIZE_PER_EM: f64 = 1.24;

/// The embedded fonts parsed once, for measuring: regular and bold.
fn faces() -> Option<&'static (FontRef<'static>, FontRef<'static>)> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let regular = FontRef::try_from_slice(FONT_REGULAR).ok()?;
            let bold = FontRef::try_from_slice(FONT_BOLD).ok()?;
            Some((regular, bold))
        })
        .as_ref()
}

/// plotters' bitmap backend scales ab_glyph by the font's height (ascent
/// minus descent), not its em: this many of its size units make one em.
fn png_size_per_em() -> f64 {
    faces()
        .and_then(|(f, _)| Some(f64::from(f.height_unscaled() / f.units_per_em()?)))
        .unwrap_or(1.117)
}

/// The width in pixels of `text` at font size `size` (px per em), as the
/// painters draw it: advances and kerning of the embedded font, rounded up
/// (layouts must not overlap).
pub fn text_width(text: &str, size: u32, bold: bool) -> i32 {
    let Some((regular, heavy)) = faces() else {
        // Unreachable with the shipped font; an average glyph is ~0.56 em.
        return (text.chars().count() as f64 * 0.56 * f64::from(size)).ceil() as i32;
    };
    let font = if bold { heavy } else { regular };
    let px = (f64::from(size) * png_size_per_em()) as f32;
    advance(&font.as_scaled(PxScale::from(px)), text).ceil() as i32
}

/// The sum of the advances and kerning of `text`'s glyphs.
fn advance<F: Font>(font: &impl ScaleFont<F>, text: &str) -> f32 {
    let mut width = 0.0f32;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            width += font.kern(p, id);
        }
        width += font.h_advance(id);
        prev = Some(id);
    }
    width
}

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are the font files shipped in the repository; a failure
        // would only degrade text, so it is not an error of the run.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_REGULAR);
        let _ = plotters::style::register_font(FAMILY, FontStyle::Bold, FONT_BOLD);
    });
}

pub type Rgb = (u8, u8, u8);

pub const INK: Rgb = (33, 33, 33);
pub const MUTED: Rgb = (110, 110, 110);
pub const GRID: Rgb = (215, 215, 215);
/// Colour-blind-safe diverging palette (ColorBrewer PuOr, 4 classes):
/// low ratings orange, high ratings purple.
pub const DIVERGING: [Rgb; 4] = [(230, 97, 1), (253, 184, 99), (178, 171, 210), (94, 60, 153)];
/// Qualitative, colour-blind-safe (Okabe & Ito 2008) for groups: all
/// eight, so up to eight groups never share a colour.
pub const GROUPS: [Rgb; 8] = [
    (0, 114, 178),
    (213, 94, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (230, 159, 0),
    (0, 0, 0),
    (240, 228, 66),
];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: i32,
        y: i32,
        w: i32,
        h: i32,
        fill: Rgb,
    },
    Line {
        from: (i32, i32),
        to: (i32, i32),
        color: Rgb,
        width: u32,
    },
    Dot {
        x: i32,
        y: i32,
        r: i32,
        fill: Rgb,
    },
    Text {
        x: i32,
        y: i32,
        text: String,
        size: u32,
        bold: bool,
        anchor: Anchor,
        color: Rgb,
    },
}

/// A chart ready to paint: size, accessible title and shapes.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    pub title: String,
    pub shapes: Vec<Shape>,
}

impl Scene {
    pub fn new(width: u32, height: u32, title: impl Into<String>) -> Scene {
        Scene {
            width,
            height,
            title: title.into(),
            shapes: Vec::new(),
        }
    }

    pub fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, fill: Rgb) {
        self.shapes.push(Shape::Rect { x, y, w, h, fill });
    }

    pub fn line(&mut self, from: (i32, i32), to: (i32, i32), color: Rgb, width: u32) {
        self.shapes.push(Shape::Line {
            from,
            to,
            color,
            width,
        });
    }

    pub fn dot(&mut self, x: i32, y: i32, r: i32, fill: Rgb) {
        self.shapes.push(Shape::Dot { x, y, r, fill });
    }

    pub fn text(&mut self, x: i32, y: i32, text: impl Into<String>, size: u32, anchor: Anchor) {
        self.styled_text(x, y, text, size, anchor, false, INK);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn styled_text(
        &mut self,
        x: i32,
        y: i32,
        text: impl Into<String>,
        size: u32,
        anchor: Anchor,
        bold: bool,
        color: Rgb,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            size,
            bold,
            anchor,
            color,
        });
    }

    /// Moves the shapes from index `from` on down by `dy` pixels, and
    /// grows the scene by as much: room made for something above them.
    pub fn shift_down(&mut self, from: usize, dy: i32) {
        for s in self.shapes.iter_mut().skip(from) {
            match s {
                Shape::Rect { y, .. } | Shape::Dot { y, .. } | Shape::Text { y, .. } => *y += dy,
                Shape::Line { from, to, .. } => {
                    from.1 += dy;
                    to.1 += dy;
                }
            }
        }
        self.height = self.height.saturating_add_signed(dy);
    }

    /// The texts in drawing order, for tests.
    pub fn texts(&self) -> Vec<&str> {
        self.shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// How a backend draws a text: plotters' own text (SVG: a `<text>`
/// element), or the glyphs of the embedded font rasterised once per chart
/// (PNG: plotters would outline and rasterise every glyph of every text
/// again, 80% of a chart's painting).
enum Texts {
    Plotters,
    Cached(HashMap<(char, u32, bool), Glyph>),
}

/// Paints every shape; `per_em` is the backend's font size for one pixel
/// of em, so that both files show text at the scene's size.
fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    scene: &Scene,
    per_em: f64,
    texts: &mut Texts,
) -> Result<(), String> {
    let e = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(e)?;
    for s in &scene.shapes {
        match s {
            Shape::Rect { x, y, w, h, fill } => root
                .draw(&Rectangle::new(
                    [(*x, *y), (x + w, y + h)],
                    color(*fill).filled(),
                ))
                .map_err(e)?,
            Shape::Line {
                from,
                to,
                color: c,
                width,
            } => root
                .draw(&PathElement::new(
                    vec![*from, *to],
                    color(*c).stroke_width(*width),
                ))
                .map_err(e)?,
            Shape::Dot { x, y, r, fill } => root
                .draw(&Circle::new((*x, *y), *r, color(*fill).filled()))
                .map_err(e)?,
            Shape::Text { .. } => match texts {
                Texts::Plotters => plotters_text(root, s, per_em).map_err(e)?,
                Texts::Cached(glyphs) => cached_text(root, s, per_em, glyphs).map_err(e)?,
            },
        }
    }
    root.present().map_err(e)
}

fn plotters_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    s: &Shape,
    per_em: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let Shape::Text {
        x,
        y,
        text,
        size,
        bold,
        anchor,
        color: c,
    } = s
    else {
        return Ok(());
    };
    let h = match anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    let style = if *bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let font = (FAMILY, f64::from(*size) * per_em, style)
        .into_font()
        .color(&color(*c))
        .pos(Pos::new(h, VPos::Center));
    root.draw(&Text::new(text.as_str(), (*x, *y), font))
}

/// A glyph's coverage, relative to the pen and to the top of the text's
/// line box, as plotters places it (its `ab_glyph` text drawing).
struct Glyph {
    dy: i32,
    pixels: Vec<(i32, i32, f32)>,
}

/// A text drawn from cached glyphs where plotters would draw it: the same
/// advances, kerning, anchor and vertical centring (`draw_text` of
/// plotters-backend with the `ab_glyph` font of plotters).
fn cached_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    s: &Shape,
    per_em: f64,
    glyphs: &mut HashMap<(char, u32, bool), Glyph>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (
        Shape::Text {
            x,
            y,
            text,
            size,
            bold,
            anchor,
            color: c,
        },
        Some((regular, heavy)),
    ) = (s, faces())
    else {
        return Ok(());
    };
    let px = (f64::from(*size) * per_em) as f32;
    let font = if *bold { heavy } else { regular }.as_scaled(PxScale::from(px));
    // plotters truncates the width it anchors by.
    let width = advance(&font, text) as i32;
    let dx = match anchor {
        Anchor::Start => 0,
        Anchor::Middle => -width / 2,
        Anchor::End => -width,
    };
    let top = y - ((px / 1.24) as i32) / 2;
    let (mut pen, mut prev) = (0.0f32, None);
    for ch in text.chars() {
        let id = font.glyph_id(ch);
        if let Some(p) = prev {
            pen += font.kern(p, id);
        }
        let g = glyphs.entry((ch, *size, *bold)).or_insert_with(|| {
            let mut pixels = Vec::new();
            let outline = font.outline_glyph(font.scaled_glyph(ch));
            let dy = outline
                .as_ref()
                .map_or(0, |o| (px / 2.0 + o.px_bounds().min.y) as i32);
            if let Some(o) = outline {
                o.draw(|gx, gy, cov| pixels.push((gx as i32, gy as i32, cov)));
            }
            Glyph { dy, pixels }
        });
        let x0 = x + dx + pen as i32;
        for (gx, gy, cov) in &g.pixels {
            root.draw_pixel((x0 + gx, top + g.dy + gy), &color(*c).mix(f64::from(*cov)))?;
        }
        pen += font.h_advance(id);
        prev = Some(id);
    }
    Ok(())
}

/// The scene as an SVG document with a `<title>` and `role="img"`, so
/// screen readers and the report can name it.
pub fn to_svg(scene: &Scene) -> Result<String, String> {
    register_fonts();
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (scene.width, scene.height)).into_drawing_area();
        paint(&root, scene, SVG_SIZE_PER_EM, &mut Texts::Plotters)?;
    }
    let title = escape::xml(&scene.title);
    let Some(open_end) = svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j))
    else {
        return Err("plotters wrote no <svg> element".into());
    };
    svg.insert_str(open_end + 1, &format!("\n<title>{title}</title>"));
    svg.insert_str(open_end, &format!(" role=\"img\" aria-label=\"{title}\""));
    Ok(svg)
}

/// The scene as PNG bytes.
pub fn to_png(scene: &Scene) -> Result<Vec<u8>, String> {
    register_fonts();
    let (w, h) = (scene.width, scene.height);
    let mut rgb = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        // One cache per chart: its texts come in two or three sizes.
        let mut texts = Texts::Cached(HashMap::new());
        paint(&root, scene, png_size_per_em(), &mut texts)?;
    }
    let mut png = Vec::new();
    use image::ImageEncoder;
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&rgb, w, h, image::ColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scene() -> Scene {
        let mut s = Scene::new(200, 100, "A & B <test>");
        s.rect(10, 10, 50, 20, DIVERGING[0]);
        s.line((0, 50), (200, 50), GRID, 1);
        s.dot(100, 70, 4, GROUPS[0]);
        s.text(100, 20, "Herkenbaarheid 2,9", 12, Anchor::Middle);
        s
    }

    #[test]
    fn svg_has_title_role_and_text() {
        let svg = to_svg(&scene()).unwrap();
        assert!(
            svg.contains("<title>A &amp; B &lt;test&gt;</title>"),
            "{svg}"
        );
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("Herkenbaarheid 2,9"));
        assert_eq!(svg, to_svg(&scene()).unwrap(), "deterministic");
    }

    /// The scene's pixels with texts drawn one way or the other.
    fn pixels(scene: &Scene, mut texts: Texts) -> Vec<u8> {
        register_fonts();
        let mut rgb = vec![0u8; scene.width as usize * scene.height as usize * 3];
        {
            let size = (scene.width, scene.height);
            let root = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
            paint(&root, scene, png_size_per_em(), &mut texts).unwrap();
        }
        rgb
    }

    #[test]
    fn cached_glyphs_paint_what_plotters_paints() {
        let mut s = scene();
        s.styled_text(
            190,
            40,
            "Wävé «77,9%» AV",
            18,
            Anchor::End,
            true,
            DIVERGING[3],
        );
        s.styled_text(5, 85, "Toepasbaarheid: Tijd", 22, Anchor::Start, false, INK);
        let cached = pixels(&s, Texts::Cached(HashMap::new()));
        assert_eq!(cached, pixels(&s, Texts::Plotters));
        assert!(
            cached.chunks(3).filter(|p| p[0] < 128).count() > 200,
            "text was drawn"
        );
    }

    #[test]
    fn png_is_a_png_with_drawn_pixels() {
        let png = to_png(&scene()).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let img = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (200, 100));
        // The orange rectangle and the text (dark pixels) were drawn.
        assert_eq!(img.get_pixel(30, 20).0, [230, 97, 1]);
        assert!(img
            .pixels()
            .any(|p| p.0[0] < 100 && p.0[1] < 100 && p.0[2] < 100));
        assert_eq!(png, to_png(&scene()).unwrap(), "deterministic");
    }
}
