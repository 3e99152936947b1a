//! `docs/reference.md` and the column model say the same: every column a
//! table is documented with, in "Output files", is in the column catalog
//! (`render::tables::columns`), every catalog column is documented there,
//! and every CSV peil writes for the examples and fixtures has its
//! documented columns in the documented order. (The "Columns" list itself
//! is generated from the catalog and checked by a unit test there.)

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{peil, project};
use peil::render::tables::columns::{find, CATALOG, N_VALUE};

/// The reference's "Output files" section.
fn output_files() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/reference.md");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text
        .find("## Output files")
        .expect("an Output files section");
    let end = start + text[start..].find("\n## ").unwrap_or(text.len() - start);
    text[start..end].to_string()
}

/// The backticked names in `text` that are column lists (`a, b, c`) or a
/// single name in a `[...]` condition, in order.
fn names_in(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|part| part.split(", "))
        .map(str::to_string)
        .collect()
}

/// Per documented file (`area_scores.csv`), its columns in order: the
/// columns cell up to the first `; ` (after it come explanations).
fn documented() -> BTreeMap<String, Vec<String>> {
    output_files()
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            let file = cells[0].trim_start_matches("| ").trim_matches('`');
            let file = file.split('`').next().unwrap().to_string();
            let columns = cells[2].split("; ").next().unwrap();
            (file, names_in(columns))
        })
        .collect()
}

#[test]
fn every_documented_column_is_in_the_catalog() {
    let docs = documented();
    assert!(docs.len() >= 13, "{docs:?}");
    let unknown: Vec<String> = (docs.iter())
        .flat_map(|(f, cols)| cols.iter().map(move |c| (f, c)))
        .filter(|(_, c)| find(c).is_none())
        .map(|(f, c)| format!("{f}: {c}"))
        .collect();
    assert!(
        unknown.is_empty(),
        "documented, not in the catalog: {unknown:?}"
    );
}

#[test]
fn every_catalog_column_is_documented_in_output_files() {
    let section = names_in(&output_files());
    let missing: Vec<&str> = (CATALOG.iter())
        .filter(|h| ***h != N_VALUE)
        .map(|h| h.name.as_ref())
        .filter(|n| !section.iter().any(|s| s == n))
        .collect();
    assert!(
        missing.is_empty(),
        "in the catalog, not in Output files: {missing:?}"
    );
}

/// The header of every CSV under `dir`, by file name.
fn headers(dir: &Path, out: &mut Vec<(String, Vec<String>)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            headers(&p, out);
        } else if p.extension().is_some_and(|x| x == "csv") {
            let text = std::fs::read_to_string(&p).unwrap();
            let head = text.lines().next().unwrap_or("");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, head.split(',').map(str::to_string).collect()));
        }
    }
}

#[test]
fn every_written_csv_has_its_documented_columns_in_order() {
    let fixtures = ["breakdowns", "comments", "panel", "rounds", "tiny"];
    let dir = project(&fixtures);
    peil()
        .current_dir(dir.path())
        .args(["run", "--quiet", "--no-charts"])
        .assert()
        .code(0);
    let mut written = Vec::new();
    headers(&dir.path().join("output"), &mut written);
    for study in ["npuls-gewogen", "herijking-instructeurs"] {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("input")
            .join(study);
        let out = dir.path().join("examples").join(study);
        peil()
            .args(["run", "--quiet", "--no-charts", "--out"])
            .arg(&out)
            .arg(&examples)
            .assert()
            .code(0);
        headers(&out, &mut written);
    }
    let docs = documented();
    for (file, cols) in &written {
        let table = file.trim_end_matches(".csv");
        assert!(
            peil::render::tables::published::TABLES.contains(&table),
            "{table} cannot be named by a [[published]] entry"
        );
        let want = docs
            .get(file)
            .unwrap_or_else(|| panic!("{file} is not in docs/reference.md"));
        // Written columns are the documented ones, in order, some of the
        // conditional ones left out.
        let mut at = want.iter();
        // `n_1 .. n_k` follow the scale (documented as a 1-4 scale's).
        for c in cols.iter().filter(|c| find(c) != Some(&N_VALUE)) {
            assert!(
                at.any(|w| w == c),
                "{file}: column {c} is not documented, or out of the documented order {want:?}"
            );
        }
    }
    assert!(written.len() > 30, "{} CSV files", written.len());
}
