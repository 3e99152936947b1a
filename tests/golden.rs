//! Golden test: the bundled example reproduces the published figures of
//! Vogel et al. (2025), Npuls, *Competentieprofiel voor netwerk
//! docentondersteuning in het vervolgonderwijs* (seed 004): 87 respondents
//! (23 mbo / 38 hbo / 26 wo) from 47 institutions (17 / 17 / 13), 86 of
//! whom answered, and mean recognizability per area 2.9 / 3.0 / 3.0 / 3.0 /
//! 2.9 "on a scale of 1 to 4". The ratings are synthetic (see the study's
//! README); these aggregates are the published ones.

mod common;

use common::oracle;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

const STUDY: &str = "npuls-docentondersteuning";

fn example_output() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let study = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("input")
        .join(STUDY);
    let o = peil()
        .args(["run", "--quiet", "--out"])
        .arg(out.path())
        .arg(&study)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", outcome(&o));
    let tables = out.path().join(STUDY).join("ronde-1/tables");
    (out, tables)
}

/// Half away from zero, as the source rounds.
fn one_decimal(s: &str) -> String {
    let x: f64 = s.parse().unwrap();
    peil::render::format::round_half_away(x, 1, peil::codebook::Language::En)
}

#[test]
fn area_means_reproduce_the_published_figures() {
    let (_o, t) = example_output();
    let areas = read_table(&t.join("area_scores.csv"));
    let published = [
        ("bruggenbouwer", "2.9"),
        ("adviseur", "3.0"),
        ("coach", "3.0"),
        ("didacticus", "3.0"),
        ("innovator", "2.9"),
    ];
    for (area, mean) in published {
        let r = row(
            &areas,
            &[
                ("measure", "herkenbaarheid"),
                ("area", area),
                ("group", "ALL"),
            ],
        );
        assert_eq!(one_decimal(&r["mean"]), mean, "{area}: {}", r["mean"]);
    }
}

#[test]
fn respondents_reproduce_the_published_counts() {
    let (_o, t) = example_output();
    let resp = read_table(&t.join("respondents.csv"));
    for (group, people, institutions) in [
        ("mbo", "23", "17"),
        ("hbo", "38", "17"),
        ("wo", "26", "13"),
        ("ALL", "87", "47"),
    ] {
        let r = row(&resp, &[("group", group)]);
        assert_eq!(
            (&r["respondents"][..], &r["institutions"][..]),
            (people, institutions),
            "{group}"
        );
    }
    assert_eq!(row(&resp, &[("group", "ALL")])["answered"], "86");
}

#[test]
fn ledger_lists_the_deliberate_defects() {
    let (_o, t) = example_output();
    let dq = read_table(&t.join("data_quality.csv"));
    let total = row(&dq, &[("reason", "total")]);
    assert_eq!(
        (
            &total["rows_read"][..],
            &total["rows_used"][..],
            &total["rows_excluded"][..]
        ),
        ("88", "87", "1")
    );
    assert_eq!(total["cells_invalid"], "1");
    let invalid = row(&dq, &[("reason", "invalid value")]);
    assert_eq!(
        (
            &invalid["line"][..],
            &invalid["column"][..],
            &invalid["value"][..]
        ),
        ("46", "DIDA2_herk", "5")
    );
    assert_eq!(row(&dq, &[("reason", "duplicate id")])["line"], "86");
}

/// The example's used rows parsed without peil's ingest or polars: one map
/// of column -> valid rating per respondent (first row of an id only).
fn independent_ratings(study: &Path) -> Vec<BTreeMap<String, f64>> {
    let bytes = std::fs::read(study.join("ronde-1/questionnaire.csv")).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap(); // after the BOM
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let mut seen = std::collections::HashSet::new();
    let label = |v: &str| match v {
        "helemaal niet herkenbaar" | "helemaal niet toepasbaar" => Some(1.0),
        "niet herkenbaar" | "niet toepasbaar" => Some(2.0),
        "herkenbaar" | "toepasbaar" => Some(3.0),
        "zeer herkenbaar" | "zeer toepasbaar" => Some(4.0),
        _ => None,
    };
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        if !seen.insert(rec[0].to_string()) {
            continue; // the resubmitted duplicate
        }
        let mut row = BTreeMap::new();
        for (name, cell) in header.iter().zip(rec.iter()) {
            let cell = cell.trim().to_lowercase();
            let v = label(&cell).or_else(|| cell.replace(',', ".").parse::<f64>().ok());
            if let Some(v) = v.filter(|v| (1.0..=4.0).contains(v)) {
                row.insert(name.clone(), v);
            }
        }
        out.push(row);
    }
    out
}

fn example_study() -> (std::path::PathBuf, peil::codebook::Codebook) {
    let study = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("input")
        .join(STUDY);
    // The golden figures are round 1's: the items that round asks.
    let cb = peil::codebook::Codebook::load(&study)
        .unwrap()
        .for_round("ronde-1");
    (study, cb)
}

/// Item means recomputed without peil's ingest or polars, with the
/// reference functions of `common::oracle`, for every item and measure.
#[test]
fn item_means_agree_with_an_independent_recomputation() {
    let (_o, t) = example_output();
    let items = read_table(&t.join("item_scores.csv"));
    let (study, cb) = example_study();
    let people = independent_ratings(&study);
    let mut checked = 0;
    for item in &cb.items {
        for (m, column) in &item.columns {
            let r = row(
                &items,
                &[
                    ("measure", &cb.measures[*m].id),
                    ("item", &item.id),
                    ("group", "ALL"),
                ],
            );
            let v: Vec<f64> = people
                .iter()
                .filter_map(|p| p.get(column).copied())
                .collect();
            assert_eq!(r["n"], v.len().to_string(), "{column}");
            assert_eq!(
                r["mean"],
                format!("{:.6}", oracle::mean(&v).unwrap()),
                "{column}"
            );
            assert_eq!(
                r["sd"],
                format!("{:.6}", oracle::sample_sd(&v).unwrap()),
                "{column}"
            );
            assert_eq!(
                r["median"],
                format!("{:.6}", oracle::median(&v).unwrap()),
                "{column}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 254);
}

/// Alpha and its companions recomputed from the complete cases with the
/// direct definitions in `common::oracle` (checked in tests/oracle.rs
/// against pingouin).
#[test]
fn reliability_agrees_with_the_direct_definitions() {
    let (_o, t) = example_output();
    let rel = read_table(&t.join("reliability.csv"));
    let item_rel = read_table(&t.join("item_reliability.csv"));
    let (study, cb) = example_study();
    let people = independent_ratings(&study);
    let close = |csv: &str, x: Option<f64>| (csv.parse::<f64>().unwrap() - x.unwrap()).abs() < 2e-6;
    for (m, measure) in cb.measures.iter().enumerate() {
        for (a, area) in cb.areas.iter().enumerate() {
            let cols: Vec<(&str, &str)> = cb
                .items
                .iter()
                .filter(|i| i.area == a)
                .flat_map(|i| {
                    i.columns
                        .iter()
                        .filter(|(cm, _)| *cm == m)
                        .map(move |(_, c)| (i.id.as_str(), c.as_str()))
                })
                .collect();
            let complete: Vec<&BTreeMap<String, f64>> = people
                .iter()
                .filter(|p| cols.iter().all(|(_, c)| p.contains_key(*c)))
                .collect();
            let matrix: Vec<Vec<f64>> = cols
                .iter()
                .map(|(_, c)| complete.iter().map(|p| p[*c]).collect())
                .collect();
            let r = row(&rel, &[("measure", &measure.id), ("area", &area.id)]);
            assert_eq!(r["n_complete"], complete.len().to_string());
            assert!(
                close(&r["alpha"], oracle::cronbach_alpha(&matrix)),
                "{} {}",
                measure.id,
                area.id
            );
            assert!(close(&r["alpha_std"], oracle::standardized_alpha(&matrix)));
            for (slot, (id, _)) in cols.iter().enumerate() {
                let ir = row(&item_rel, &[("measure", &measure.id), ("item", id)]);
                assert!(
                    close(
                        &ir["item_rest_r"],
                        oracle::item_rest_correlation(&matrix, slot)
                    ),
                    "{id}"
                );
                assert!(
                    close(
                        &ir["alpha_if_deleted"],
                        oracle::alpha_if_deleted(&matrix, slot)
                    ),
                    "{id}"
                );
            }
        }
    }
}

/// Ids look like `R001`. A Word or Excel file is searched in its XML (its
/// compressed bytes can hold "R00" by chance: that once failed this test
/// with no id in the file); a PNG holds no text.
#[test]
fn no_respondent_id_in_any_output() {
    let (o, _) = example_output();
    for (file, bytes) in tree(o.path()) {
        let texts = match file.rsplit('.').next() {
            Some("docx" | "xlsx") => common::zip_texts(&bytes).unwrap(),
            Some("png") => continue,
            _ => vec![String::from_utf8_lossy(&bytes).into_owned()],
        };
        assert!(
            !texts.iter().any(|t| t.contains("R00")),
            "{file} holds a respondent id"
        );
    }
}

#[test]
fn manifest_hashes_the_inputs_as_read() {
    let (o, _) = example_output();
    let manifest =
        std::fs::read_to_string(o.path().join(STUDY).join("ronde-1/manifest.json")).unwrap();
    let study = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("input")
        .join(STUDY);
    for file in ["study.toml", "ronde-1/questionnaire.csv"] {
        let hash = peil::digest::sha256_hex(&std::fs::read(study.join(file)).unwrap());
        assert!(
            manifest.contains(&format!(
                "\"file\": \"{file}\",\n      \"sha256\": \"{hash}\""
            )),
            "{file}: {manifest}"
        );
    }
}
