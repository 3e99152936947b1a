//! Exports as they come: the bundled example as an MS Forms-style xlsx, as
//! a LimeSurvey-style code export (`tests/data/export-*`, written by
//! `scripts/gen_export_variants.py`) and as an SPSS file (written by
//! `scripts/gen_spss_export.py`) must give the very same score tables as
//! the canonical CSV.

mod common;

use std::path::{Path, PathBuf};

/// The score tables; `data_quality` names the file and its lines, so it
/// differs by construction.
const SCORE_TABLES: [&str; 6] = [
    "area_scores",
    "item_scores",
    "respondents",
    "reliability",
    "item_reliability",
    "group_tests",
];

const CANONICAL: &str = "npuls-docentondersteuning";

fn canonical_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("input")
        .join(CANONICAL)
}

/// Runs the canonical study beside `variants`; gives the project (kept
/// alive) and each study's `ronde-1/tables` folder.
fn run_beside_canonical(variants: &[&str]) -> (tempfile::TempDir, impl Fn(&str) -> PathBuf) {
    let project = common::project(variants);
    common::copy_dir(
        &canonical_dir(),
        &project.path().join("input").join(CANONICAL),
    );
    let out = common::run_in(project.path(), &["run", "--no-charts", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::outcome(&out));
    let output = project.path().join("output");
    let tables = move |study: &str| output.join(study).join("ronde-1/tables");
    (project, tables)
}

fn assert_score_tables_equal(tables: &impl Fn(&str) -> PathBuf, variant: &str) {
    for t in SCORE_TABLES {
        let want = std::fs::read(tables(CANONICAL).join(format!("{t}.csv"))).unwrap();
        let got = std::fs::read(tables(variant).join(format!("{t}.csv"))).unwrap();
        assert!(
            want == got,
            "{variant}: {t}.csv differs from the canonical export's"
        );
    }
}

#[test]
fn variants_give_the_canonical_tables_byte_for_byte() {
    let variants = ["export-msforms", "export-limesurvey"];
    let (_project, tables) = run_beside_canonical(&variants);
    for variant in variants {
        assert_score_tables_equal(&tables, variant);
        // The same cells were set aside: the invalid 5 (A5 in LimeSurvey codes).
        let dq = common::read_table(&tables(variant).join("data_quality.csv"));
        let total = common::row(&dq, &[("reason", "total")]);
        assert_eq!(total["cells_invalid"], "1", "{variant}");
        assert_eq!(total["rows_read"], total["rows_used"], "{variant}");
    }
}

#[test]
fn xlsx_ledger_lines_are_sheet_rows() {
    let project = common::project(&["export-msforms"]);
    let out = common::run_in(project.path(), &["validate", "input/export-msforms"]);
    // The canonical invalid 5 is on line 46 of the CSV, so on row 46 of the
    // sheet (the resubmission left out comes later, on line 86).
    let text = common::outcome(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("line 46, column Didacticus: Gericht op vernieuwing"),
        "{text}"
    );
    assert!(text.contains(": \"5\""), "{text}");
}

/// The SPSS variant (`tests/data/export-spss`, written by
/// `scripts/gen_spss_export.py` with pyreadstat) holds every canonical row,
/// the resubmission included: the same score tables byte for byte, and the
/// same ledger but for the file's name and its lines, which are case numbers.
#[test]
fn spss_export_gives_the_canonical_tables_and_ledger() {
    let (_project, tables) = run_beside_canonical(&["export-spss"]);
    assert_score_tables_equal(&tables, "export-spss");
    // The same entries, on case k where the CSV has line k + 1 (its header).
    let mut want = common::read_table(&tables(CANONICAL).join("data_quality.csv"));
    for row in &mut want {
        if let Ok(line) = row["line"].parse::<u64>() {
            row.insert("line".into(), (line - 1).to_string());
        }
    }
    let mut got = common::read_table(&tables("export-spss").join("data_quality.csv"));
    for row in &mut got {
        row.insert("file".into(), "ronde-1/questionnaire.csv".into());
    }
    assert_eq!(got, want);
}

#[test]
fn spss_ledger_lines_are_case_numbers() {
    let project = common::project(&["export-spss"]);
    let out = common::run_in(project.path(), &["validate", "input/export-spss"]);
    // The canonical invalid 5 is on line 46 of the CSV, below its header:
    // case 45 of the SPSS file.
    let text = common::outcome(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("line 45, column DIDA2_herk"), "{text}");
}
