//! Charts, summary.xlsx and report.html: what they are drawn from and what
//! they must (and must never) contain.

mod common;

use common::*;
use peil::codebook::{Codebook, Language};
use peil::render::charts;
use std::path::Path;

/// The tiny fixture read and scored through the library.
fn tiny_scores() -> (Codebook, peil::analysis::score::Scores) {
    let cb = Codebook::load(&fixture("tiny")).unwrap();
    let a = peil::pipeline::analyse(&cb, &cb.rounds[0]).unwrap();
    (a.cb, a.scores)
}

#[test]
fn chart_data_snapshot() {
    let (cb, scores) = tiny_scores();
    insta::assert_debug_snapshot!("tiny_area_means", charts::area_means(&cb, &scores, 0));
    insta::assert_debug_snapshot!(
        "tiny_distribution_a",
        charts::distribution(&cb, &scores, 0, 0)
    );
    insta::assert_debug_snapshot!("tiny_group_means", charts::group_means(&cb, &scores, 0));
}

#[test]
fn suppressed_groups_show_no_figure() {
    let (cb, scores) = tiny_scores();
    let d = charts::group_means(&cb, &scores, 0);
    // werkgever (2) and student (1) are below min_cell = 3 in both areas.
    for (_, cells) in &d.rows {
        assert!(
            matches!(cells[1], charts::GroupCell::Suppressed { n: 1..=2 }),
            "{cells:?}"
        );
        assert!(
            matches!(cells[2], charts::GroupCell::Suppressed { n: 1 }),
            "{cells:?}"
        );
    }
    let scene = charts::group_means_scene(&d, Language::En);
    let texts = scene.texts().join("\n");
    // A note per hidden group, on its own line beside the area.
    for note in ["werkgever: n < 3", "student: n < 3"] {
        assert!(texts.lines().any(|l| l == note), "{texts}");
    }
    // One dot per shown group and area (docent in area a) plus the legend's three.
    let dots = scene
        .shapes
        .iter()
        .filter(|s| matches!(s, peil::render::charts::scene::Shape::Dot { .. }))
        .count();
    assert_eq!(dots, 3 + 1);
}

fn example_run(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let (out, root) = run_npuls(extra);
    (out, root.join("ronde-1"))
}

#[test]
fn item_charts_hold_every_item_label_in_codebook_order() {
    let (_o, round) = example_run(&[]);
    let study = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/npuls-docentondersteuning");
    let cb = Codebook::load(&study).unwrap().for_round("ronde-1");
    for (a, area) in cb.areas.iter().enumerate() {
        // A chart too tall for an A4 page is in parts: `_part2`, ...
        let name = format!("charts/items_herkenbaarheid_{}", area.id);
        let mut svg = std::fs::read_to_string(round.join(format!("{name}.svg"))).unwrap();
        for k in 2.. {
            match std::fs::read_to_string(round.join(format!("{name}_part{k}.svg"))) {
                Ok(part) => svg.push_str(&part),
                Err(_) => break,
            }
        }
        let mut at = 0;
        for item in cb.items.iter().filter(|i| i.area == a) {
            // The label is the item's text (tests/charts.rs checks it whole).
            let start: Vec<&str> = item.text.split_whitespace().take(2).collect();
            let pos = svg[at..]
                .find(&peil::render::escape::xml(&start.join(" ")))
                .unwrap_or_else(|| panic!("{} missing or out of order", item.id));
            at += pos;
        }
        assert!(svg.contains("<title>"), "{} has no title", area.id);
        let png = std::fs::read(round.join(format!("charts/items_herkenbaarheid_{}.png", area.id)))
            .unwrap();
        assert_eq!(&png[..4], b"\x89PNG");
    }
}

#[test]
fn no_charts_writes_tables_only() {
    let (_o, round) = example_run(&["--no-charts"]);
    assert!(round.join("tables/summary.xlsx").is_file());
    assert!(!round.join("charts").exists());
    assert!(!round.join("report.html").exists());
    assert!(!round.join("report.docx").exists());
}

#[test]
fn report_is_self_contained_and_names_the_figures() {
    let (_o, round) = example_run(&[]);
    let html = std::fs::read_to_string(round.join("report.html")).unwrap();
    for needle in [
        "<title>",
        "Bruggenbouwer",
        "2,9",
        "op een schaal van",
        "Beslisregel:",
        "behouden als gemiddelde ≥ 3,00",
        "<svg",
    ] {
        assert!(html.contains(needle), "report lacks {needle:?}");
    }
    // xmlns="http://www.w3.org/2000/svg" names a namespace, it loads nothing;
    // anything that could load is an attribute or a CSS function.
    for banned in ["<script", "src=", "href=", "<link", "@import", "url("] {
        assert!(!html.contains(banned), "report contains {banned:?}");
    }
    let manifest = std::fs::read_to_string(round.join("manifest.json")).unwrap();
    let hash = manifest
        .split("\"sha256\": \"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(html.contains(hash), "report footer lacks the export's hash");
}

/// A report with hidden groups says once, near the tables, why they are
/// hidden; tiny has two groups below its min_cell of 3.
#[test]
fn report_says_once_why_small_groups_are_hidden() {
    let out = tempfile::tempdir().unwrap();
    let o = peil()
        .args(["run", "--quiet", "--out"])
        .arg(out.path())
        .arg(fixture("tiny"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", outcome(&o));
    let html = std::fs::read_to_string(out.path().join("tiny/ronde-1/report.html")).unwrap();
    let note = "a group with fewer than 3 respondents shows only its number (n)";
    assert_eq!(html.matches(note).count(), 1, "{html}");
}

/// summary.xlsx is for people (sheets and headers in Dutch, `ALL` and
/// decisions in words, no machine column name) and holds the same numbers
/// as the CSV tables: each row's numbers, in order, are the CSV row's.
#[test]
fn summary_xlsx_is_in_words_with_the_csv_numbers() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let (_o, round) = example_run(&[]);
    let mut wb: Xlsx<_> = open_workbook(round.join("tables/summary.xlsx")).unwrap();
    let names = wb.sheet_names().to_vec();
    // The example has [[comments]] (before the ledger) and [[published]]
    // (after it).
    let mut want: Vec<&str> = TABLES.to_vec();
    want.insert(TABLES.len() - 1, "comments");
    want.push("published");
    let titles: Vec<String> = (want.iter())
        .map(|t| peil::render::words::table_title(t, peil::codebook::Language::Nl))
        .collect();
    assert_eq!(names, titles);
    let machine = [
        "pct_agree",
        "n_missing",
        "kappa_star",
        "suppressed",
        "aiken_v",
        "n_1",
        "item_rest_r",
    ];
    for (table, name) in want.iter().zip(&names) {
        let range = wb.worksheet_range(name).unwrap();
        for cell in range.rows().flatten() {
            if let Data::String(s) = cell {
                assert!(
                    s != "ALL" && !machine.contains(&s.as_str()),
                    "{name}: {s:?}"
                );
                assert!(
                    !["keep", "reword", "drop"].contains(&s.as_str()),
                    "{name}: {s:?}"
                );
            }
        }
        if ["comments", "data_quality", "published"].contains(table) {
            continue; // their text cells may look like numbers
        }
        let mut csv = csv::ReaderBuilder::new()
            .from_path(round.join(format!("tables/{table}.csv")))
            .unwrap();
        let csv_rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
        assert_eq!(range.height(), csv_rows.len() + 1, "{name}: rows");
        for (r, (xrow, crow)) in range.rows().skip(1).zip(&csv_rows).enumerate() {
            let numbers: Vec<f64> = (xrow.iter())
                .filter_map(|x| match x {
                    Data::Float(f) => Some(*f),
                    Data::Int(i) => Some(*i as f64),
                    _ => None,
                })
                .collect();
            let want: Vec<f64> = crow.iter().filter_map(|v| v.parse().ok()).collect();
            assert_eq!(numbers.len(), want.len(), "{name} row {r}");
            for (x, v) in numbers.iter().zip(&want) {
                assert!((x - v).abs() < 5e-7, "{name} row {r}: xlsx {x} vs csv {v}");
            }
        }
    }
}

#[test]
fn lang_overrides_the_study_language() {
    let (_o, round) = example_run(&["--lang", "en"]);
    let html = std::fs::read_to_string(round.join("report.html")).unwrap();
    assert!(
        html.contains("<html lang=\"en\">")
            && html.contains("Decision rule:")
            && html.contains("on a scale of")
    );
    assert!(html.contains("<b>2.9</b>Bruggenbouwer"), "English rounding");
    let md = std::fs::read_to_string(round.join("tables/area_scores.md")).unwrap();
    assert!(md.contains("| 2.9 |") && !md.contains("| 2,9 |"));
}
