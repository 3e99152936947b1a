//! Charts for A4 (issues 22 and 24): item texts, not ids, wrapped and never
//! cut; type of 8 pt or more at text width; the shares at the bar ends; a
//! reversed item drawn as answered; legends and notes that wrap.

mod common;

use common::*;
use peil::codebook::{Codebook, Language};
use peil::render::charts::scene::{text_width, Anchor, Scene, Shape};
use peil::render::charts::{self, GroupCell, GroupMeans, MIN_PT};
use std::path::Path;

/// Every chart scene of each round of a bundled example, with its
/// codebook for that round.
fn example_scenes(name: &str) -> Vec<(Codebook, Vec<(String, Scene)>)> {
    let study = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("input")
        .join(name);
    let cb = Codebook::load(&study).unwrap();
    (cb.rounds.iter())
        .map(|round| {
            let a = peil::pipeline::analyse(&cb, round).unwrap();
            let scenes = charts::all(&a.cb, &a.scores, a.notes.as_ref(), cb.language);
            (a.cb, scenes)
        })
        .collect()
}

const EXAMPLES: [&str; 3] = [
    "npuls-docentondersteuning",
    "herijking-instructeurs",
    "npuls-gewogen",
];

/// A text shape's horizontal extent as painted.
fn extent(x: i32, text: &str, size: u32, bold: bool, anchor: Anchor) -> (i32, i32) {
    let w = text_width(text, size, bold);
    match anchor {
        Anchor::Start => (x, x + w),
        Anchor::Middle => (x - w / 2, x + w - w / 2),
        Anchor::End => (x - w, x),
    }
}

#[test]
fn every_chart_text_prints_at_8_pt_and_stays_on_the_chart() {
    for name in EXAMPLES {
        for (_, scenes) in example_scenes(name) {
            for (file, s) in &scenes {
                for sh in &s.shapes {
                    let Shape::Text {
                        x,
                        text,
                        size,
                        bold,
                        anchor,
                        ..
                    } = sh
                    else {
                        continue;
                    };
                    let pt = charts::printed_pt(*size, s.width);
                    assert!(pt >= MIN_PT, "{name} {file}: {text:?} prints at {pt:.1} pt");
                    let (l, r) = extent(*x, text, *size, *bold, *anchor);
                    assert!(
                        l >= 0 && r <= s.width as i32,
                        "{name} {file}: {text:?} at {l}..{r}"
                    );
                    assert!(
                        !text.ends_with('…') && !text.ends_with("..."),
                        "{file}: {text:?}"
                    );
                }
            }
        }
    }
}

/// Every chart fits an A4 page at text width: a distribution chart too
/// tall comes in parts, each titled "(1 van 2)".
#[test]
fn every_chart_fits_an_a4_page() {
    for name in EXAMPLES {
        for (_, scenes) in example_scenes(name) {
            for (file, s) in &scenes {
                assert!(
                    s.height as i32 <= charts::MAX_HEIGHT,
                    "{name} {file}: {} px",
                    s.height
                );
                if file.contains("_part") {
                    assert!(s.title.contains(" van "), "{file}: {}", s.title);
                }
            }
        }
    }
}

/// The same for the files of a whole run, the comparison's dumbbells
/// included: every PNG at most MAX_HEIGHT tall at 1000 wide.
#[test]
fn every_png_of_a_run_fits_an_a4_page() {
    let (_o, root) = run_npuls(&[]);
    let mut pngs = 0;
    for dir in ["ronde-1", "ronde-2", "compare-ronde-1-ronde-2"] {
        for entry in std::fs::read_dir(root.join(dir).join("charts")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "png") {
                let png = std::fs::read(&path).unwrap();
                let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
                assert_eq!(be(16), 1000, "{}", path.display());
                assert!(
                    be(20) as i32 <= charts::MAX_HEIGHT,
                    "{}: {}",
                    path.display(),
                    be(20)
                );
                pngs += 1;
            }
        }
    }
    assert!(pngs > 40, "{pngs}");
}

/// The texts of a scene after its title, in drawing order.
fn body_texts(s: &Scene) -> Vec<String> {
    s.texts().into_iter().skip(1).map(str::to_string).collect()
}

/// How many consecutive texts from `at` make up `text` (whitespace
/// collapsed), if they do.
fn lines_of(texts: &[String], at: usize, text: &str) -> Option<usize> {
    let want: Vec<&str> = text.split_whitespace().collect();
    let mut got: Vec<&str> = Vec::new();
    for (k, t) in texts[at..].iter().enumerate() {
        got.extend(t.split_whitespace());
        if got == want {
            return Some(k + 1);
        }
        if !want.starts_with(&got) {
            return None;
        }
    }
    None
}

#[test]
fn item_charts_show_texts_not_ids_in_order_over_at_most_three_lines() {
    for name in EXAMPLES {
        for (cb, scenes) in example_scenes(name) {
            let mut charted = 0;
            for (a, area) in cb.areas.iter().enumerate() {
                let items: Vec<_> = cb.items.iter().filter(|i| i.area == a).collect();
                for m in &cb.measures {
                    // The chart's texts, over its parts when it has them.
                    let file = format!("items_{}_{}", m.id, area.id);
                    let parts: Vec<&Scene> = (scenes.iter())
                        .filter(|(f, _)| *f == file || f.starts_with(&format!("{file}_part")))
                        .map(|(_, s)| s)
                        .collect();
                    if parts.is_empty() {
                        continue;
                    }
                    let texts: Vec<String> = parts.iter().flat_map(|s| body_texts(s)).collect();
                    for t in &texts {
                        for item in &cb.items {
                            let id = t.split_whitespace().any(|w| w == item.id);
                            assert!(!id, "{name} {file}: id {} in {t:?}", item.id);
                        }
                    }
                    let mut at = 0;
                    for item in &items {
                        let (start, n) = (at..texts.len())
                            .find_map(|i| lines_of(&texts, i, &item.text).map(|n| (i, n)))
                            .unwrap_or_else(|| {
                                panic!("{file}: {:?} missing or out of order", item.text)
                            });
                        assert!(n <= 3, "{file}: {:?} over {n} lines", item.text);
                        at = start + n;
                        charted += 1;
                    }
                }
            }
            assert!(charted > 0, "{name}: no item chart");
        }
    }
}

#[test]
fn the_svg_files_hold_the_texts_and_no_ids() {
    let (_o, root) = run_npuls(&[]);
    let study = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/npuls-docentondersteuning");
    let cb = Codebook::load(&study).unwrap().for_round("ronde-1");
    let dir = root.join("ronde-1/charts");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.starts_with("items_") && name.ends_with(".svg")) {
            continue;
        }
        files += 1;
        let svg = std::fs::read_to_string(&path).unwrap();
        let texts: Vec<&str> = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')?
                    .1
                    .split_once("</text>")
                    .map(|(x, _)| x.trim())
            })
            .collect();
        assert!(texts.len() > 10, "{name}");
        for t in texts {
            assert!(!t.ends_with("...") && !t.ends_with('…'), "{name}: {t:?}");
            for item in &cb.items {
                let id = t.split_whitespace().any(|w| w == item.id);
                assert!(!id, "{name}: id {} in {t:?}", item.id);
            }
        }
    }
    assert!(
        files >= 2 * cb.areas.len(),
        "one or more per measure and area"
    );
}

/// The tiny fixture's area A, read off tests/data/tiny/ronde-1: the six
/// rows used (tq001-tq005, tq008) answered a1 4, 3, 3, 2, 1, 4 and a2 3, 3,
/// 2, 2, "HERKENBAAR" (3), 4: for both 2 of 6 below the midpoint (33%)
/// and 4 of 6 above it (67%).
#[test]
fn bar_ends_show_the_shares_below_and_above_the_midpoint() {
    let cb = Codebook::load(&fixture("tiny")).unwrap();
    let a = peil::pipeline::analyse(&cb, &cb.rounds[0]).unwrap();
    let d = charts::distribution(&a.cb, &a.scores, 0, 0);
    let near = |x: f64, y: f64| (x - y).abs() < 1e-12;
    for r in &d.rows {
        assert!(
            near(r.below, 2.0 / 6.0) && near(r.above, 4.0 / 6.0),
            "{r:?}"
        );
    }
    let s = charts::distribution_scene(&d, Language::Nl);
    // The bar ends are the bold shares (a segment's own share is regular).
    let ends: Vec<&str> = (s.shapes.iter())
        .filter_map(|sh| match sh {
            Shape::Text {
                text, bold: true, ..
            } if text.ends_with('%') => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ends, ["33%", "67%", "33%", "67%"]);
}

/// Counts per rating (1..=4) of `column` in a fixture's CSV, over the rows
/// peil uses (`gewicht` above 0, as the ledger of tests/panel.rs says).
fn raw_counts(csv: &Path, column: &str) -> [u64; 4] {
    let mut r = csv::Reader::from_path(csv).unwrap();
    let head = r.headers().unwrap().clone();
    let col = head.iter().position(|h| h == column).unwrap();
    let weight = head.iter().position(|h| h == "gewicht").unwrap();
    let mut counts = [0; 4];
    for rec in r.records().map(Result::unwrap) {
        let w: f64 = rec[weight].replace(',', ".").parse().unwrap_or(0.0);
        if let (true, Ok(v @ 1..=4)) = (w > 0.0, rec[col].parse::<usize>()) {
            counts[v - 1] += 1;
        }
    }
    counts
}

/// a3 "Finds working together unnecessary" is reverse-keyed: its chart
/// shows the answers as given (recounted here from the CSV), marked; its
/// item_scores row (and decision) stay scored.
#[test]
fn a_reversed_item_is_charted_as_answered_and_marked() {
    let cb = Codebook::load(&fixture("panel")).unwrap();
    let a = peil::pipeline::analyse(&cb, &cb.rounds[0]).unwrap();
    let d = charts::distribution(&a.cb, &a.scores, 0, 0);
    let row = d.rows.iter().find(|r| r.reversed).expect("a3 is reversed");
    assert_eq!(row.label, "Finds working together unnecessary");
    let given = raw_counts(&fixture("panel").join("r1/questionnaire.csv"), "A3");
    let n: u64 = given.iter().sum();
    assert_eq!(n, 12);
    for (share, count) in row.shares.iter().zip(given) {
        assert!(
            (share - count as f64 / n as f64).abs() < 1e-12,
            "{:?} vs {given:?}",
            row.shares
        );
    }
    let below = (given[0] + given[1]) as f64 / n as f64;
    assert!((row.below - below).abs() < 1e-12);
    // Scored, the counts are mirrored: what the tables and decision use.
    let scored = (a.scores.items.iter())
        .find(|r| r.group == 0 && a.cb.items[r.target].id == "a3")
        .unwrap();
    let counts = &scored.figures.as_ref().unwrap().counts;
    assert_eq!(
        counts.iter().rev().copied().collect::<Vec<_>>(),
        given.to_vec()
    );
    let s = charts::distribution_scene(&d, Language::En);
    assert!(
        s.texts().contains(&"(R) scored reversed"),
        "{:?}",
        s.texts()
    );
    let s = charts::distribution_scene(&d, Language::Nl);
    assert!(
        s.texts().contains(&"(R) omgekeerd gescoord"),
        "{:?}",
        s.texts()
    );
}

/// Six to eight groups with long names: the legend and the notes on
/// hidden groups wrap onto more lines and stay on the chart.
#[test]
fn many_groups_wrap_the_legend_and_notes() {
    for k in 6..=8 {
        let groups: Vec<String> = (1..=k)
            .map(|g| format!("opleidingsinstituut voor beroepsonderwijs {g}"))
            .collect();
        let cells = |area: usize| -> Vec<GroupCell> {
            (0..k)
                .map(|g| match (g + area) % 3 {
                    0 => GroupCell::Suppressed { n: 2 },
                    _ => GroupCell::Mean {
                        mean: 2.5 + g as f64 / 10.0,
                        n: 40,
                        ci: Some((2.3 + g as f64 / 10.0, 2.7 + g as f64 / 10.0)),
                    },
                })
                .collect()
        };
        let d = GroupMeans {
            measure: "Herkenbaarheid".into(),
            scale: (1, 4),
            min_cell: 5,
            by: None,
            groups: groups.clone(),
            rows: (0..3).map(|a| (format!("Gebied {a}"), cells(a))).collect(),
        };
        let s = charts::group_means_scene(&d, Language::Nl);
        let mut legend_rows = std::collections::BTreeSet::new();
        for sh in &s.shapes {
            if let Shape::Text {
                x,
                y,
                text,
                size,
                bold,
                anchor,
                ..
            } = sh
            {
                let (l, r) = extent(*x, text, *size, *bold, *anchor);
                assert!(l >= 0 && r <= s.width as i32, "{k}: {text:?} at {l}..{r}");
                if groups.contains(text) {
                    legend_rows.insert(*y);
                }
            }
        }
        assert!(
            legend_rows.len() >= 2,
            "{k} groups: legend on {legend_rows:?}"
        );
        // Each group is hidden in one of the three areas (g + area = 0 mod
        // 3): its note is there whole, over as many lines as it takes.
        let flat = s.texts().join(" ");
        for name in &groups {
            let note = format!("{name}: n < 5");
            assert!(flat.contains(&note), "{k}: {note} in {flat}");
        }
        // Every shown group gets its dot and interval, the hidden none.
        let dots = s
            .shapes
            .iter()
            .filter(|x| matches!(x, Shape::Dot { .. }))
            .count();
        let shown = d
            .rows
            .iter()
            .flat_map(|r| &r.1)
            .filter(|c| matches!(c, GroupCell::Mean { .. }));
        assert_eq!(dots, k + shown.count(), "legend plus one per shown cell");
    }
}
