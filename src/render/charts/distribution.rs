//! The distribution chart: per item of one area, the share of each rating
//! as a bar diverging from the scale midpoint, with the shares below and
//! above it at the bar ends (as R's `ggstats::gglikert`).
//!
//! Drawn from the item rows of group `ALL` only (their counts and
//! decision); item texts, not ids, wrap over up to three lines. A
//! reverse-keyed item is drawn as answered, under its own wording, and
//! marked (docs/reference.md, "Reverse-keyed items"). It must not compute a figure
//! beyond a count's share of the valid ratings.

use super::shared::{
    in_parts, legend, on, part_title, rows_of, stack, titled, wrap, wrap_title, Marker, LINE,
    REVERSED_MARK, TEXT, WIDTH,
};
use crate::analysis::rules::Decision;
use crate::analysis::score::{Figures, Scores};
use crate::analysis::stats;
use crate::codebook::{Codebook, Language};
use crate::render::charts::scene::{text_width, Anchor, Rgb, Scene, DIVERGING, GRID, INK, MUTED};
use crate::render::format;
use crate::render::words::Words;

/// The distribution of ratings per item of one area (group `ALL`).
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    pub measure: String,
    pub area: String,
    /// Scale values and their labels, low to high.
    pub values: Vec<(i64, String)>,
    /// The `[rules]` thresholds an item's agreement is compared with.
    pub agree_thresholds: Vec<f64>,
    /// With `[weights]` the decisions are the weighted figures', while the
    /// bars count answers: the chart says so.
    pub weighted: bool,
    pub rows: Vec<DistributionRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DistributionRow {
    /// The item's text, whole: the chart wraps it.
    pub label: String,
    /// Reverse-keyed: `shares`, `below` and `above` are the answers as
    /// given; `n` and `decision` are the scored item's.
    pub reversed: bool,
    pub decision: Option<Decision>,
    pub n: u64,
    /// Share of the valid ratings per scale value, as answered (empty when
    /// n = 0).
    pub shares: Vec<f64>,
    /// Shares of the ratings below and above the scale midpoint.
    pub below: f64,
    pub above: f64,
}

/// An item's row: its counts as answered (a reversed item's scored counts
/// mirrored back) and their shares.
fn row(f: Option<&Figures>, reversed: bool, mid: f64, values: &[i64]) -> (Vec<f64>, f64, f64) {
    let Some(f) = f.filter(|f| f.rated > 0) else {
        return (Vec::new(), 0.0, 0.0);
    };
    let mut counts = f.counts.clone();
    if reversed {
        counts.reverse();
    }
    let share = |part: u64| stats::share(part, f.rated).unwrap_or(0.0);
    let side = |keep: &dyn Fn(f64) -> bool| {
        let part = values.iter().zip(&counts).filter(|(v, _)| keep(**v as f64));
        share(part.map(|(_, c)| c).sum())
    };
    let below = side(&|v| v < mid);
    let above = side(&|v| v > mid);
    (counts.iter().map(|c| share(*c)).collect(), below, above)
}

pub fn distribution(cb: &Codebook, scores: &Scores, measure: usize, area: usize) -> Distribution {
    let labels = &cb.measures[measure].labels;
    let values: Vec<i64> = cb.scale.values().collect();
    let r = &cb.rules;
    Distribution {
        measure: cb.measures[measure].label.clone(),
        area: cb.areas[area].label.clone(),
        values: (values.iter())
            .map(|v| (*v, labels.get(v).cloned().unwrap_or_else(|| v.to_string())))
            .collect(),
        agree_thresholds: vec![
            r.keep_min_pct_agree,
            r.drop_below_pct_agree,
            r.consensus_min_agree,
        ],
        weighted: rows_of(&scores.items, measure, 0).any(|r| r.weighted.is_some()),
        rows: rows_of(&scores.items, measure, 0)
            .filter(|r| cb.items[r.target].area == area)
            .map(|r| {
                let item = &cb.items[r.target];
                let f = r.figures.as_ref();
                let (shares, below, above) = row(f, item.reverse, cb.scale.midpoint(), &values);
                DistributionRow {
                    label: item.text.clone(),
                    reversed: item.reverse,
                    decision: r.decision.map(|d| d.0),
                    n: r.n,
                    shares,
                    below,
                    above,
                }
            })
            .collect(),
    }
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

/// Where the columns of a bar's line are: the share below the midpoint,
/// the bars, the share above it, n and the decision. Each item's text is
/// on the lines above its bar, across the chart: an item text of 220
/// characters then takes three lines at 8 pt, where a column beside the
/// bars would need six.
struct Columns {
    below_end: i32,
    bars: (i32, i32),
    above_x: i32,
    n_end: i32,
    decision_x: i32,
}

/// The widest a bar-end share gets ("100%", or "77,9%").
const SHARE_W: i32 = 56;
const LEFT: i32 = 20;

impl Columns {
    fn new(n_w: i32, decision_w: i32) -> Columns {
        let decision_x = WIDTH as i32 - 20 - decision_w;
        let n_end = decision_x - 20;
        let above_x = n_end - n_w - 20 - SHARE_W;
        let below_end = LEFT + SHARE_W;
        Columns {
            below_end,
            bars: (below_end + 10, above_x - 10),
            above_x,
            n_end,
            decision_x,
        }
    }

    fn centre(&self) -> i32 {
        (self.bars.0 + self.bars.1) / 2
    }

    /// Pixels per 100% to either side of the midpoint.
    fn half(&self) -> f64 {
        f64::from(self.bars.1 - self.bars.0) / 2.0
    }

    fn x(&self, signed_share: f64) -> i32 {
        self.centre() - (signed_share * self.half()).round() as i32
    }
}

/// The same axis on every chart: 100% to either side of the midpoint.
/// Its grid lines run over each of `bands` (a bar's line), never across
/// an item's text.
fn axis(s: &mut Scene, c: &Columns, bands: &[(i32, i32)]) {
    let bottom = bands.iter().map(|b| b.1).max().unwrap_or(0);
    for pct in [-100i32, -50, 0, 50, 100] {
        let gx = c.x(-f64::from(pct) / 100.0);
        let colour = if pct == 0 { MUTED } else { GRID };
        for (top, end) in bands {
            s.line((gx, *top), (gx, *end), colour, 1);
        }
        let label = format!("{}%", pct.abs());
        s.styled_text(gx, bottom + 18, label, TEXT, Anchor::Middle, false, MUTED);
    }
}

/// The heads of the `n` and decision columns.
fn heads(s: &mut Scene, c: &Columns, y: i32, w: Words) {
    s.styled_text(c.n_end, y, "n", TEXT, Anchor::End, true, MUTED);
    let decision = w.t("besluit", "decision");
    let x = c.decision_x;
    s.styled_text(x, y, decision, TEXT, Anchor::Start, true, MUTED);
}

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

/// Half the height of a bar.
const BAR_HALF: i32 = 14;

/// One item's bar, each segment's share written in it where it fits.
fn bar(s: &mut Scene, r: &DistributionRow, c: &Columns, yc: i32, colours: &[Rgb], lang: Language) {
    for (j, from, to) in segments(&r.shares) {
        let (x0, x1) = (c.x(from), c.x(to));
        if x1 <= x0 {
            continue;
        }
        s.rect(x0, yc - BAR_HALF, x1 - x0, 2 * BAR_HALF, colours[j]);
        let label = format::percent(r.shares[j], lang);
        if text_width(&label, TEXT, false) + 6 <= x1 - x0 {
            let colour = on(colours[j]);
            s.styled_text(
                (x0 + x1) / 2,
                yc,
                label,
                TEXT,
                Anchor::Middle,
                false,
                colour,
            );
        }
    }
}

/// The shares below and above the midpoint at the bar ends. The one that
/// is the item's scored agreement (the share below, for a reversed item)
/// is compared with the rules, so it gets the decimals the report's
/// rounding gives a figure beside a threshold.
fn bar_ends(
    s: &mut Scene,
    d: &Distribution,
    r: &DistributionRow,
    c: &Columns,
    yc: i32,
    lang: Language,
) {
    let precise = |reversed: bool, x: f64| match reversed {
        true => format::percent_beside(x, &d.agree_thresholds, lang),
        false => format::percent(x, lang),
    };
    let below = precise(r.reversed, r.below);
    let above = precise(!r.reversed, r.above);
    s.styled_text(c.below_end, yc, below, TEXT, Anchor::End, true, INK);
    s.styled_text(c.above_x, yc, above, TEXT, Anchor::Start, true, INK);
}

/// The widest of `texts` at [`TEXT`], bold or not.
fn widest<'a>(texts: impl Iterator<Item = &'a str>, bold: bool) -> i32 {
    texts.map(|t| text_width(t, TEXT, bold)).max().unwrap_or(0)
}

fn columns(d: &Distribution, w: Words) -> Columns {
    let ns: Vec<String> = d.rows.iter().map(|r| r.n.to_string()).collect();
    let n_w = widest(ns.iter().map(String::as_str).chain(["n"]), true);
    let words = d
        .rows
        .iter()
        .filter_map(|r| r.decision)
        .map(|x| w.decision(x));
    let head = w.t("besluit", "decision");
    let decision_w = widest(words, false).max(text_width(head, TEXT, true));
    Columns::new(n_w, decision_w)
}

/// An item's text wrapped over the width of the chart, and whether a
/// reversed item's mark takes a line of its own (it does not fit after
/// the text's last line).
struct ItemText {
    lines: Vec<String>,
    mark_below: bool,
}

impl ItemText {
    fn new(r: &DistributionRow, mark: &str) -> ItemText {
        let lines = wrap(&r.label, WIDTH as i32 - 2 * LEFT);
        let mark_below =
            r.reversed && LEFT + mark_x(&lines) + text_width(mark, TEXT, true) > WIDTH as i32 - 20;
        ItemText { lines, mark_below }
    }

    fn height(&self) -> i32 {
        LINE * (self.lines.len() as i32 + i32::from(self.mark_below))
    }

    /// Its lines from `top` down, and the mark of a reversed item.
    fn draw(&self, s: &mut Scene, r: &DistributionRow, top: i32, mark: &str) {
        let mut y = top;
        for line in &self.lines {
            s.text(LEFT, y, line.clone(), TEXT, Anchor::Start);
            y += LINE;
        }
        if r.reversed {
            let (x, y) = match self.mark_below {
                true => (LEFT, y),
                false => (LEFT + mark_x(&self.lines), y - LINE),
            };
            s.styled_text(x, y, mark, TEXT, Anchor::Start, true, MUTED);
        }
    }
}

/// Where a mark after the last of `lines` starts, from the left margin.
fn mark_x(lines: &[String]) -> i32 {
    lines.last().map_or(0, |l| text_width(l, TEXT, false) + 8)
}

/// Height of a bar's line, and the space between two items.
const BAR_LINE: i32 = 2 * BAR_HALF + 8;
const GAP: i32 = 12;

/// Under a weighted study's chart: what is weighted and what is not.
fn weighted_note(w: Words) -> Vec<String> {
    let text = w.t(
        "De balken en n tellen antwoorden (ongewogen); het besluit volgt de gewogen cijfers.",
        "The bars and n count answers (unweighted); the decision follows the weighted figures.",
    );
    wrap(text, WIDTH as i32 - 2 * LEFT)
}

/// The mark of a reversed item's text.
fn reversed_mark(w: Words) -> String {
    format!(
        "{REVERSED_MARK} {}",
        w.t("omgekeerd gescoord", "scored reversed")
    )
}

/// An area's distribution chart in as few parts as fit an A4 page each
/// ([`in_parts`]), each titled "(1 van 2)" with its own legend and axis.
pub fn distribution_scenes(d: &Distribution, lang: Language) -> Vec<Scene> {
    let mark = reversed_mark(Words(lang));
    let heights: Vec<i32> = (d.rows.iter())
        .map(|r| ItemText::new(r, &mark).height() + BAR_LINE + GAP)
        .collect();
    in_parts(&d.rows, &heights, |rows, part| {
        let d = Distribution {
            rows: rows.to_vec(),
            ..d.clone()
        };
        scene_of(&d, lang, part)
    })
}

/// The whole chart of an area (see [`distribution_scenes`] for A4).
pub fn distribution_scene(d: &Distribution, lang: Language) -> Scene {
    scene_of(d, lang, None)
}

fn scene_of(d: &Distribution, lang: Language, part: Option<(usize, usize)>) -> Scene {
    let w = Words(lang);
    let title = format!(
        "{}: {}, {}",
        d.measure,
        d.area,
        w.t("verdeling per item", "distribution per item")
    );
    let title = part_title(title, part, lang);
    let c = columns(d, w);
    let mark = reversed_mark(w);
    let texts: Vec<ItemText> = d.rows.iter().map(|r| ItemText::new(r, &mark)).collect();
    let colours = palette(d.values.len());
    let entries: Vec<(String, Rgb)> = (d.values.iter().map(|(_, l)| l.clone()))
        .zip(colours.iter().copied())
        .collect();
    // The legend's height is known once laid out: lay it out on its own.
    let mut probe = Scene::new(WIDTH, 0, "");
    let head_y = legend(&mut probe, &entries, Marker::Square, 64) + LINE + 10;
    let heights: Vec<i32> = (texts.iter())
        .map(|t| t.height() + BAR_LINE + GAP)
        .collect();
    let (starts, bottom) = stack(head_y + LINE / 2 + 4, &heights);
    // A bar's line: below its text, half the gap above and below.
    let bands: Vec<(i32, i32)> = (starts.iter().zip(&texts).zip(&heights))
        .map(|((y, t), h)| (y + GAP / 2 + t.height(), y + h))
        .collect();
    let note = if d.weighted {
        weighted_note(w)
    } else {
        Vec::new()
    };
    let note_y = bottom + 48;
    let mut s = titled(WIDTH, note_y + LINE * note.len() as i32, title);
    s.shapes.extend(probe.shapes);
    for (k, line) in note.into_iter().enumerate() {
        let y = note_y + LINE * k as i32;
        s.styled_text(LEFT, y, line, TEXT, Anchor::Start, false, MUTED);
    }
    heads(&mut s, &c, head_y, w);
    axis(&mut s, &c, &bands);
    for ((r, t), (y, band)) in d.rows.iter().zip(texts).zip(starts.into_iter().zip(bands)) {
        t.draw(&mut s, r, y + GAP / 2 + LINE / 2, &mark);
        let yc = band.0 + BAR_LINE / 2;
        s.text(c.n_end, yc, r.n.to_string(), TEXT, Anchor::End);
        if let Some(x) = r.decision {
            s.text(c.decision_x, yc, w.decision(x), TEXT, Anchor::Start);
        }
        if r.shares.len() == d.values.len() {
            bar(&mut s, r, &c, yc, &colours, lang);
            bar_ends(&mut s, d, r, &c, yc, lang);
        }
    }
    wrap_title(s)
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

    fn one_row(shares: Vec<f64>, below: f64, above: f64, reversed: bool) -> Distribution {
        Distribution {
            measure: "H".into(),
            area: "A".into(),
            values: (1..=4).map(|v| (v, v.to_string())).collect(),
            agree_thresholds: vec![0.78, 0.5, 0.75],
            weighted: false,
            rows: vec![DistributionRow {
                label: "An item".into(),
                reversed,
                decision: Some(Decision::Reword),
                n: 10,
                shares,
                below,
                above,
            }],
        }
    }

    #[test]
    fn bars_diverge_from_the_centre() {
        let d = one_row(vec![0.1, 0.2, 0.3, 0.4], 0.3, 0.7, false);
        let s = distribution_scene(&d, Language::En);
        let c = columns(&d, Words(Language::En));
        let rects: Vec<(i32, i32)> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                scene::Shape::Rect { x, w, fill, .. } if DIVERGING.contains(fill) && *w > 16 => {
                    Some((*x, x + w))
                }
                _ => None,
            })
            .collect();
        // 2 then 1 leftwards from the centre, 3 then 4 rightwards.
        let x = |share: f64| c.x(share);
        let want = vec![
            (x(0.2), x(0.0)),
            (x(0.3), x(0.2)),
            (x(0.0), x(-0.3)),
            (x(-0.3), x(-0.7)),
        ];
        assert_eq!(rects, want);
        assert_eq!(c.x(0.0) - c.x(1.0), c.x(-1.0) - c.x(0.0), "symmetric axis");
    }

    /// The text shapes of a scene with their anchor x.
    fn texts_at(s: &Scene) -> Vec<(i32, String)> {
        (s.shapes.iter())
            .filter_map(|sh| match sh {
                scene::Shape::Text { x, text, .. } => Some((*x, text.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn shares_below_and_above_the_midpoint_at_the_bar_ends() {
        let d = one_row(vec![0.1, 0.2, 0.3, 0.4], 0.3, 0.7, false);
        let s = distribution_scene(&d, Language::Nl);
        let c = columns(&d, Words(Language::Nl));
        let t = texts_at(&s);
        assert!(t.contains(&(c.below_end, "30%".into())), "{t:?}");
        assert!(t.contains(&(c.above_x, "70%".into())), "{t:?}");
        // The label is the item's text, whole, with no id and no mark.
        assert!(t.iter().any(|(_, x)| x == "An item"), "{t:?}");
        assert!(!t.iter().any(|(_, x)| x.contains("(R)")));
    }

    #[test]
    fn an_agreement_beside_its_threshold_keeps_its_side() {
        // 77.9% agree against keep from 78%: never "78%" beside "reword".
        let d = one_row(vec![0.1, 0.121, 0.379, 0.4], 0.221, 0.779, false);
        let t = texts_at(&distribution_scene(&d, Language::Nl));
        assert!(t.iter().any(|(_, x)| x == "77,9%"), "{t:?}");
        assert!(t.iter().any(|(_, x)| x == "22%"), "{t:?}");
        // Reversed: the share below (as given) is the scored agreement.
        let d = one_row(vec![0.4, 0.379, 0.121, 0.1], 0.779, 0.221, true);
        let t = texts_at(&distribution_scene(&d, Language::En));
        assert!(t.iter().any(|(_, x)| x == "77.9%"), "{t:?}");
        assert!(t.iter().any(|(_, x)| x == "22%"), "{t:?}");
        assert!(t.iter().any(|(_, x)| x == "(R) scored reversed"), "{t:?}");
    }

    #[test]
    fn long_texts_wrap_and_every_text_fits_the_chart() {
        let mut d = one_row(vec![0.25; 4], 0.5, 0.5, true);
        d.rows[0].label = "Ontwikkelt scenario’s en visies voor toekomstgericht onderwijs, \
            geïnspireerd door o.a. ontwerpgericht denken (zoals design thinking), \
            praktijkinzichten, wetenschappelijke kennis én houdt rekening met de \
            publieke waarden."
            .into();
        let s = distribution_scene(&d, Language::Nl);
        let lines: Vec<String> = texts_at(&s)
            .into_iter()
            .skip(1) // the title
            .map(|(_, t)| t)
            .filter(|t| t.split_whitespace().count() > 3)
            .collect();
        assert!((2..=3).contains(&lines.len()), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            d.rows[0]
                .label
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        for sh in &s.shapes {
            if let scene::Shape::Text {
                x,
                text,
                size,
                anchor,
                bold,
                ..
            } = sh
            {
                let w = text_width(text, *size, *bold);
                let (l, r) = match anchor {
                    Anchor::Start => (*x, x + w),
                    Anchor::Middle => (x - w / 2, x + w / 2),
                    Anchor::End => (x - w, *x),
                };
                assert!(l >= 0 && r <= WIDTH as i32, "{text}: {l}..{r}");
            }
        }
    }
}
