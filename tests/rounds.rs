//! Consultation notes and the comparison of rounds (issue 5): the fixture
//! `tests/data/rounds` and both bundled examples.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Runs `peil run` on the rounds fixture into a temp folder.
fn rounds_run() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let o = peil()
        .args(["run", "--quiet", "--out"])
        .arg(out.path())
        .arg(fixture("rounds"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", outcome(&o));
    let root = out.path().join("rounds");
    (out, root)
}

fn column<'a>(rows: &'a [std::collections::BTreeMap<String, String>], col: &str) -> Vec<&'a str> {
    rows.iter().map(|r| r[col].as_str()).collect()
}

#[test]
fn participants_count_once_per_session_and_group() {
    let (_o, root) = rounds_run();
    let p = read_table(&root.join("r1/tables/participants.csv"));
    let rows: Vec<(&str, &str, &str)> = p
        .iter()
        .map(|r| {
            (
                r["group"].as_str(),
                r["sessions"].as_str(),
                r["participants"].as_str(),
            )
        })
        .collect();
    // S1: 3 docenten + 2 werkgevers, S2: 4 docenten (its second row says 5:
    // the first row counts), S3's rows are excluded.
    assert_eq!(
        rows,
        [
            ("ALL", "2", "9"),
            ("docent", "2", "7"),
            ("werkgever", "1", "2")
        ]
    );
    let c = read_table(&root.join("r1/tables/consultation.csv"));
    // Five used statements, each its own group x theme x domain x stance;
    // domains in order of appearance, the empty one last.
    assert_eq!(
        column(&c, "theme"),
        [
            "opleiding",
            "opleiding",
            "positionering",
            "positionering",
            "opleiding"
        ]
    );
    assert_eq!(
        column(&c, "domain"),
        ["didactisch", "didactisch", "pedagogisch", "pedagogisch", ""]
    );
    assert_eq!(
        column(&c, "stance"),
        ["steun", "zorg", "steun", "zorg", "suggestie"]
    );
    assert_eq!(column(&c, "statements"), ["1"; 5]);
    assert_eq!(column(&c, "participants"), ["3", "3", "4", "4", "2"]);
}

#[test]
fn a_participants_conflict_and_bad_rows_land_in_the_ledger() {
    let (_o, root) = rounds_run();
    let dq = read_table(&root.join("r1/tables/data_quality.csv"));
    let notes: Vec<_> = dq
        .iter()
        .filter(|r| r["file"] == "r1/consultation.csv")
        .collect();
    let total = notes.iter().find(|r| r["reason"] == "total").unwrap();
    assert_eq!(
        (
            total["rows_read"].as_str(),
            total["rows_used"].as_str(),
            total["rows_excluded"].as_str(),
            total["cells_invalid"].as_str()
        ),
        ("8", "5", "3", "1")
    );
    let entries: Vec<(&str, &str, &str)> = notes
        .iter()
        .filter(|r| r["reason"] != "total")
        .map(|r| {
            (
                r["line"].as_str(),
                r["reason"].as_str(),
                r["value"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("6", "participants differ within a session", "5"),
            ("7", "theme not in [consultation] themes", "onbekend"),
            ("8", "participants not a whole number above 0", "0"),
            ("9", "empty statement", ""),
        ]
    );
}

/// Every output file's text; xlsx read cell by cell.
fn output_texts(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xlsx" || x == "ods") {
                out.push((p.clone(), workbook_text(&p)));
            } else if p.extension().is_some_and(|x| x == "docx") {
                out.push((p.clone(), docx_text(&p)));
            } else if p.extension().is_some_and(|x| x != "png") {
                out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out
}

/// Every XML part of a Word document, as text.
fn docx_text(path: &Path) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().ends_with(".xml") {
            f.read_to_string(&mut text).unwrap();
        }
    }
    text
}

fn workbook_text(path: &Path) -> String {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let mut text = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\t');
            }
            text.push('\n');
        }
    }
    text
}

#[test]
fn e_mail_addresses_and_phone_numbers_never_reach_an_output() {
    let (_o, root) = rounds_run();
    let texts = output_texts(&root);
    assert!(texts.len() > 20, "{}", texts.len());
    for (path, text) in &texts {
        for leak in [
            "jan.jansen@school.nl",
            "school.nl",
            "06-12345678",
            "12345678",
            "+31 6 1234 5678",
            "1234 5678",
        ] {
            assert!(!text.contains(leak), "{leak} in {}", path.display());
        }
    }
    let quotes = std::fs::read_to_string(root.join("r1/tables/quotes.csv")).unwrap();
    assert!(
        quotes.contains("Mail [e-mail] voor het verslag."),
        "{quotes}"
    );
    assert!(
        quotes.contains("Bel [telefoon] als het niet lukt."),
        "{quotes}"
    );
    let report = std::fs::read_to_string(root.join("r1/report.html")).unwrap();
    assert!(report.contains("Mijn nummer is [telefoon]."), "report");
}

#[test]
fn a_statement_that_looks_like_a_formula_is_escaped_in_csv_and_xlsx() {
    let (_o, root) = rounds_run();
    let quotes = std::fs::read_to_string(root.join("r1/tables/quotes.csv")).unwrap();
    assert!(quotes.contains(",'=SOM(A1:A3) klopt niet\n"), "{quotes}");
    let xlsx = workbook_text(&root.join("r1/tables/summary.xlsx"));
    assert!(xlsx.contains("\t'=SOM(A1:A3) klopt niet"), "{xlsx}");
    // The HTML report shows the statement as it was written.
    let report = std::fs::read_to_string(root.join("r1/report.html")).unwrap();
    assert!(report.contains("<blockquote>=SOM(A1:A3) klopt niet"));
}

#[test]
fn compare_links_reworded_items_and_lists_new_and_dropped_ones() {
    let (_o, root) = rounds_run();
    let items = read_table(&root.join("compare-r1-r2/tables/compare_items.csv"));
    let all: Vec<(&str, &str, &str)> = items
        .iter()
        .filter(|r| r["group"] == "ALL")
        .map(|r| {
            (
                r["id"].as_str(),
                r["status"].as_str(),
                r["id_from"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        all,
        [
            ("a1", "same", ""),
            ("a2r", "reworded", "a2"),
            ("b1", "same", ""),
            ("b2", "dropped", ""),
            ("b3", "new", ""),
        ]
    );
    let a2r = items
        .iter()
        .find(|r| r["id"] == "a2r" && r["group"] == "ALL")
        .unwrap();
    // a2 in r1: 2,2,1,2,2,3 (mean 2); a2r in r2: 3,4,3,4,3,3,4 (mean 24/7).
    assert_eq!(a2r["mean_from"], "2.000000");
    assert_eq!(a2r["mean_to"], "3.428571");
    assert_eq!(a2r["delta"], "1.428571");
    assert_eq!((a2r["n_from"].as_str(), a2r["n_to"].as_str()), ("6", "7"));
    // scipy 1.17.1: stats.mannwhitneyu([2,2,1,2,2,3], [3,4,3,4,3,3,4],
    //   method="asymptotic", use_continuity=True)
    //   -> statistic 2.0, pvalue 0.005508854734079184
    assert_eq!(a2r["u"], "2.000000");
    assert_eq!(a2r["p"], "0.005509");
    assert_eq!(a2r["decision_from"], "drop");
    let dropped = items
        .iter()
        .find(|r| r["id"] == "b2" && r["group"] == "ALL")
        .unwrap();
    assert_eq!(
        (dropped["mean_to"].as_str(), dropped["n_to"].as_str()),
        ("", "")
    );
    // werkgever has 2 respondents in r1 (< min_cell 3): no figure, no test.
    let small = items
        .iter()
        .find(|r| r["id"] == "a1" && r["group"] == "werkgever")
        .unwrap();
    assert_eq!(
        (
            small["mean_from"].as_str(),
            small["u"].as_str(),
            small["suppressed"].as_str()
        ),
        ("", "", "true")
    );
    assert_eq!(small["mean_to"], "3.500000");
    assert!(root
        .join("compare-r1-r2/charts/compare_areas_herkenbaarheid.svg")
        .is_file());
    assert!(root
        .join("compare-r1-r2/charts/compare_items_herkenbaarheid_b.png")
        .is_file());
    assert!(root.join("compare-r1-r2/report.html").is_file());
}

#[test]
fn compare_command_writes_both_examples_comparisons() {
    for study in ["npuls-docentondersteuning", "herijking-instructeurs"] {
        let out = tempfile::tempdir().unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("input")
            .join(study);
        let o = peil()
            .args(["compare", "--from", "ronde-1", "--to", "ronde-2", "--out"])
            .arg(out.path())
            .arg(&dir)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", outcome(&o));
        let cmp = out.path().join(study).join("compare-ronde-1-ronde-2");
        for f in [
            "tables/compare_areas.csv",
            "tables/compare_items.csv",
            "tables/summary.xlsx",
            "charts/compare_areas_herkenbaarheid.svg",
            "report.html",
            "manifest.json",
        ] {
            assert!(cmp.join(f).is_file(), "{study}: {f}");
        }
        assert!(!out.path().join(study).join("ronde-1").exists());
        let items = read_table(&cmp.join("tables/compare_items.csv"));
        for status in ["same", "reworded", "new", "dropped"] {
            assert!(
                items.iter().any(|r| r["status"] == status),
                "{study}: no {status} item"
            );
        }
    }
}

#[test]
fn compare_refuses_unknown_and_equal_rounds() {
    let o = peil()
        .args(["compare", "--from", "r1", "--to", "r9"])
        .arg(fixture("rounds"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        outcome(&o).contains("there is no round \"r9\""),
        "{}",
        outcome(&o)
    );
    let o = peil()
        .args(["compare", "--from", "r1", "--to", "r1"])
        .arg(fixture("rounds"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn notes_and_comparison_rerun_byte_identical() {
    let (_a, first) = rounds_run();
    let (_b, second) = rounds_run();
    let (first, second) = (tree(&first), tree(&second));
    assert!(first.contains_key("compare-r1-r2/tables/compare_items.csv"));
    assert!(first.contains_key("r1/charts/consultation_themes.svg"));
    assert_eq!(first, second);
}
