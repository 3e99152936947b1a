//! Breakdowns (`[respondents] breakdowns`): `peil run` on the fixture
//! `tests/data/breakdowns` (written by scripts/gen_breakdowns_fixture.py),
//! whose `tables/by-<slug>/` figures are recomputed here from the raw CSV,
//! independently of peil's counting code; the ledger of rows without a
//! value; a missing breakdown column; the report's section.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::oracle::{mean, median, sample_sd};
use common::{outcome, project, read_table, row, run_in};

const MIN_CELL: usize = 5;
const ITEMS: [(&str, &str); 5] = [
    ("K1", "k1"),
    ("K2", "k2"),
    ("K3", "k3"),
    ("V1", "v1"),
    ("V2", "v2"),
];
const AREAS: [(&str, &[&str]); 2] = [("kennis", &["K1", "K2", "K3"]), ("vaardig", &["V1", "V2"])];

/// One raw row: the breakdown cells and the valid ratings by column.
struct Raw {
    cells: BTreeMap<String, String>,
    ratings: BTreeMap<String, f64>,
}

fn raw_rows(study: &Path) -> Vec<Raw> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(study.join("ronde-1/questionnaire.csv"))
        .unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let cells: BTreeMap<String, String> = headers
                .iter()
                .map(String::from)
                .zip(rec.iter().map(String::from))
                .collect();
            let ratings = ITEMS
                .iter()
                .filter_map(|(c, _)| {
                    let v: f64 = cells[*c].trim().parse().ok()?;
                    (1.0..=4.0).contains(&v).then_some((c.to_string(), v))
                })
                .collect();
            Raw { cells, ratings }
        })
        .collect()
}

/// A breakdown value as peil compares it: trimmed, case-insensitive.
fn key(cell: &str) -> String {
    cell.trim().to_lowercase()
}

/// The raw rows per breakdown value (no value and `ALL` left out).
fn by_value<'a>(rows: &'a [Raw], column: &str) -> BTreeMap<String, Vec<&'a Raw>> {
    let mut out: BTreeMap<String, Vec<&Raw>> = BTreeMap::new();
    for r in rows {
        let k = key(&r.cells[column]);
        if !k.is_empty() && k != "all" {
            out.entry(k).or_default().push(r);
        }
    }
    out
}

/// The area score of a respondent: the mean of their valid ratings on the
/// area's items when they rated at least half of them (min_answered 0.5).
fn area_score(r: &Raw, cols: &[&str]) -> Option<f64> {
    let xs: Vec<f64> = cols
        .iter()
        .filter_map(|c| r.ratings.get(*c).copied())
        .collect();
    (!xs.is_empty() && xs.len() as f64 >= 0.5 * cols.len() as f64).then(|| mean(&xs).unwrap())
}

fn close(shown: &str, expected: f64, what: &str) {
    let got: f64 = shown
        .parse()
        .unwrap_or_else(|_| panic!("{what}: {shown:?}"));
    assert!((got - expected).abs() < 5e-7, "{what}: {got} vs {expected}");
}

/// The fixture in a project of its own, its study.toml with `from`
/// replaced by `to` (the first time it occurs).
fn edited_fixture(from: &str, to: &str) -> tempfile::TempDir {
    let dir = project(&["breakdowns"]);
    let toml = dir.path().join("input/breakdowns/study.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    assert!(text.contains(from), "study.toml has no {from}");
    std::fs::write(&toml, text.replacen(from, to, 1)).unwrap();
    dir
}

fn run_fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = project(&["breakdowns"]);
    let out = run_in(dir.path(), &["run", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    let round = dir.path().join("output/breakdowns/ronde-1");
    (dir, round)
}

/// Every shown figure of `by-functie` and `by-regio-en-provincie` equals
/// its definition computed from the raw rows; small values are suppressed.
/// `ALL` is every respondent, those without a value included (as in the
/// round's own tables).
#[test]
fn breakdown_tables_equal_figures_recomputed_from_the_raw_rows() {
    let (dir, round) = run_fixture();
    let rows = raw_rows(&dir.path().join("input/breakdowns"));
    for (column, slug, without_value) in [
        ("Functie", "functie", 0),
        ("Regio en provincie", "regio-en-provincie", 4),
    ] {
        let tables = round.join("tables").join(format!("by-{slug}"));
        let groups = by_value(&rows, column);
        let everyone: Vec<&Raw> = rows.iter().collect();
        let in_groups = groups.values().flatten().count();
        assert_eq!(everyone.len() - in_groups, without_value, "{slug}");
        let resp = read_table(&tables.join("respondents.csv"));
        let areas = read_table(&tables.join("area_scores.csv"));
        let items = read_table(&tables.join("item_scores.csv"));
        let mut sets: Vec<(String, Vec<&Raw>)> = vec![("ALL".to_string(), everyone)];
        for (k, members) in &groups {
            let shown = resp
                .iter()
                .find(|r| key(&r["group"]) == *k)
                .unwrap_or_else(|| panic!("{slug}: no row for {k}"));
            sets.push((shown["group"].clone(), members.clone()));
        }
        assert_eq!(resp.len(), sets.len(), "{slug}: {resp:?}");
        for (group, members) in &sets {
            let r = row(&resp, &[("group", group)]);
            assert_eq!(
                r["respondents"],
                members.len().to_string(),
                "{slug} {group}"
            );
            let small = group != "ALL" && members.len() < MIN_CELL;
            for (area, cols) in AREAS {
                let scores: Vec<f64> = members.iter().filter_map(|m| area_score(m, cols)).collect();
                let a = row(&areas, &[("area", area), ("group", group)]);
                assert_eq!(a["n"], scores.len().to_string(), "{slug} {group} {area}");
                if small {
                    assert_eq!(a["suppressed"], "true", "{slug} {group} {area}");
                    assert_eq!(a["mean"], "", "{slug} {group} {area}");
                    continue;
                }
                if a["suppressed"] == "true" {
                    continue; // secondary suppression, checked below
                }
                let what = format!("{slug} {group} {area}");
                close(&a["mean"], mean(&scores).unwrap(), &what);
                close(&a["sd"], sample_sd(&scores).unwrap(), &what);
                close(&a["median"], median(&scores).unwrap(), &what);
            }
            for (col, id) in ITEMS {
                let xs: Vec<f64> = members
                    .iter()
                    .filter_map(|m| m.ratings.get(col).copied())
                    .collect();
                let it = row(&items, &[("item", id), ("group", group)]);
                assert_eq!(it["n"], xs.len().to_string(), "{slug} {group} {id}");
                if it["suppressed"] == "true" {
                    assert!(group != "ALL");
                    continue;
                }
                close(
                    &it["mean"],
                    mean(&xs).unwrap(),
                    &format!("{slug} {group} {id}"),
                );
                let agree = xs.iter().filter(|x| **x > 2.5).count() as f64 / xs.len() as f64;
                close(
                    &it["pct_agree"],
                    agree,
                    &format!("{slug} {group} {id} agree"),
                );
            }
        }
    }
}

/// Functie: staf (3 respondents) is below min_cell; teamleider is then the
/// smallest group shown and is suppressed too, so `ALL` minus docent does
/// not give staf back. The ledger lists the four rows without a region;
/// they count everywhere, and in by-regio-en-provincie in `ALL` only.
#[test]
fn small_values_are_suppressed_and_rows_without_a_value_are_ledgered() {
    let (_dir, round) = run_fixture();
    let areas = read_table(&round.join("tables/by-functie/area_scores.csv"));
    for group in ["Staf", "teamleider"] {
        assert_eq!(
            row(&areas, &[("area", "kennis"), ("group", group)])["suppressed"],
            "true"
        );
    }
    assert_eq!(
        row(&areas, &[("area", "kennis"), ("group", "docent")])["suppressed"],
        "false"
    );
    let ledger = read_table(&round.join("tables/data_quality.csv"));
    let gaps: Vec<(String, String)> = ledger
        .iter()
        .filter(|r| r["reason"] == "breakdown value empty or ALL")
        .map(|r| (r["line"].clone(), r["value"].clone()))
        .collect();
    let expected = [("6", ""), ("19", ""), ("24", "ALL"), ("31", "")];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(l, v)| (l.to_string(), v.to_string()))
        .collect();
    assert_eq!(gaps, expected);
    let total = row(&ledger, &[("reason", "total")]);
    assert_eq!(
        (total["rows_used"].as_str(), total["rows_excluded"].as_str()),
        ("37", "0")
    );
    assert_eq!(
        total["cells_invalid"], "1",
        "a missing value is not an invalid cell"
    );
    let main = read_table(&round.join("tables/respondents.csv"));
    assert_eq!(row(&main, &[("group", "ALL")])["respondents"], "37");
    let functie = read_table(&round.join("tables/by-functie/respondents.csv"));
    assert_eq!(row(&functie, &[("group", "ALL")])["respondents"], "37");
    let regio = read_table(&round.join("tables/by-regio-en-provincie/respondents.csv"));
    assert_eq!(row(&regio, &[("group", "ALL")])["respondents"], "37");
    let in_groups: u64 = (regio.iter())
        .filter(|r| r["group"] != "ALL")
        .map(|r| r["respondents"].parse::<u64>().unwrap())
        .sum();
    assert_eq!(in_groups, 33, "the four without a region are in no group");
}

/// The report has a section per breakdown with its chart, saying who it
/// leaves out; the charts and summary.xlsx are written per breakdown.
#[test]
fn the_report_has_a_section_per_breakdown() {
    let (_dir, round) = run_fixture();
    let html = std::fs::read_to_string(round.join("report.html")).unwrap();
    assert!(
        html.contains("Uitgesplitst naar Functie"),
        "no Functie section"
    );
    assert!(html.contains("Uitgesplitst naar Regio en provincie"));
    assert!(html.contains("4 respondenten zonder waarde in «Regio en provincie»"));
    assert!(html.contains("gemiddelde per gebied en Regio en provincie"));
    // Staf (3) is below min_cell; teamleider (8) is hidden only to protect
    // it, and says so rather than "n < 5" beside its n of 8.
    assert!(html
        .contains("<td>teamleider</td><td class=\"num\">8</td><td class=\"num\">verborgen</td>"));
    // The chart notes each hidden group on a line of its own.
    for note in ["teamleider: verborgen", "Staf: n &lt; 5"] {
        assert!(html.contains(note), "chart note {note}");
    }
    for f in [
        "charts/by-functie/area_groups_herkenbaarheid.svg",
        "charts/by-functie/area_groups_herkenbaarheid.png",
        "tables/by-functie/summary.xlsx",
        "tables/by-regio-en-provincie/group_tests.csv",
    ] {
        assert!(round.join(f).is_file(), "{f} missing");
    }
    let manifest = std::fs::read_to_string(round.join("manifest.json")).unwrap();
    assert!(manifest.contains("tables/by-functie/item_scores.csv"));
}

/// A breakdown column the export lacks is a configuration error (exit 2)
/// naming the column and the key.
#[test]
fn a_missing_breakdown_column_is_exit_2() {
    let dir = edited_fixture("\"Regio en provincie\"]", "\"Regio\"]");
    let out = run_in(dir.path(), &["run", "--quiet"]);
    insta::assert_snapshot!("breakdowns_missing_column", outcome(&out));
}

/// Two breakdown columns whose folders would be the same are refused.
#[test]
fn breakdowns_with_the_same_folder_are_exit_2() {
    let dir = edited_fixture(
        "breakdowns = [\"Functie\", \"Regio en provincie\"]",
        "breakdowns = [\"Functie\", \"functie \"]",
    );
    let out = run_in(dir.path(), &["run", "--quiet"]);
    insta::assert_snapshot!("breakdowns_same_folder", outcome(&out));
}

/// A long export: an id's first row decides its breakdown value, as it
/// decides its group; an empty first cell is ledgered on that row's line,
/// and the id still counts in `ALL` (of the round and of the breakdown).
#[test]
fn a_long_export_takes_the_value_of_an_ids_first_row() {
    let dir = project(&["tiny-long"]);
    let study = dir.path().join("input/tiny-long");
    let toml = std::fs::read_to_string(study.join("study.toml")).unwrap();
    let toml = toml
        .replace("institution = \"instelling\"\n", "breakdowns = [\"rol\"]\n")
        .replace("min_cell = 3", "min_cell = 1");
    std::fs::write(study.join("study.toml"), toml).unwrap();
    let rows = "respondent,groep,item,measure,value,rol\n\
                r1,docent,a1,herkenbaarheid,4,leraar\n\
                r1,docent,a2,herkenbaarheid,3,\n\
                r2,docent,a1,herkenbaarheid,3,Leraar\n\
                r3,werkgever,a1,herkenbaarheid,2,\n\
                r3,werkgever,a2,herkenbaarheid,2,manager\n\
                r4,student,a1,herkenbaarheid,4,stagiair\n";
    std::fs::write(study.join("ronde-1/questionnaire.csv"), rows).unwrap();
    let out = run_in(dir.path(), &["run", "--quiet", "--no-charts"]);
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    let round = dir.path().join("output/tiny-long/ronde-1/tables");
    let counts: Vec<(String, String)> = read_table(&round.join("by-rol/respondents.csv"))
        .into_iter()
        .map(|r| (r["group"].clone(), r["respondents"].clone()))
        .collect();
    let expected = [("ALL", "4"), ("leraar", "2"), ("stagiair", "1")];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(g, n)| (g.to_string(), n.to_string()))
        .collect();
    assert_eq!(counts, expected);
    let main = read_table(&round.join("respondents.csv"));
    assert_eq!(row(&main, &[("group", "ALL")])["respondents"], "4");
    let ledger = read_table(&round.join("data_quality.csv"));
    let gap = row(&ledger, &[("reason", "breakdown value empty or ALL")]);
    assert_eq!((gap["line"].as_str(), gap["column"].as_str()), ("5", "rol"));
}

/// An SPSS breakdown column is known by its value labels (1 = "mbo"), as a
/// group column is: the npuls example as `.sav`, broken down by `sector`
/// (grouped by institution instead), gives the sectors by name with the
/// same headcounts as when `sector` is the group.
#[test]
fn an_spss_breakdown_is_known_by_its_value_labels() {
    let dir = project(&["export-spss"]);
    let study = dir.path().join("input/export-spss");
    let plain = run_in(
        dir.path(),
        &["run", "--quiet", "--no-charts", "--out", "plain"],
    );
    assert_eq!(plain.status.code(), Some(0), "{}", outcome(&plain));
    let toml = std::fs::read_to_string(study.join("study.toml")).unwrap();
    let toml = toml
        .replace(
            "group = \"sector\"\n",
            "group = \"instelling\"\nbreakdowns = [\"sector\"]\n",
        )
        .replace("institution = \"instelling\"\n", "")
        .replace("groups = [\"mbo\", \"hbo\", \"wo\"]\n", "");
    std::fs::write(study.join("study.toml"), toml).unwrap();
    let out = run_in(
        dir.path(),
        &["run", "--quiet", "--no-charts", "--out", "by"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    let table = |root: &str, file: &str| {
        let t = read_table(
            &dir.path()
                .join(root)
                .join("export-spss/ronde-1/tables")
                .join(file),
        );
        t.into_iter()
            .map(|r| (r["group"].clone(), r["respondents"].clone()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let by_group = table("plain", "respondents.csv");
    let by_sector = table("by", "by-sector/respondents.csv");
    assert_eq!(
        by_sector, by_group,
        "sectors as a breakdown and as the group"
    );
    assert!(by_sector.contains_key("mbo"), "{by_sector:?}");
}

/// Weighted (post-stratified, and by a weight column), a breakdown's `ALL`
/// rows are still the round's, weighted figures and `n_eff` included: the
/// respondents without a value weigh in `ALL` as they do in the round.
#[test]
fn weighted_breakdown_all_rows_are_the_rounds() {
    for weights in [
        "[weights]\nby = \"group\"\nshares = \"equal\"\n",
        "[weights]\ncolumn = \"gewicht\"\n",
    ] {
        let dir = edited_fixture("[privacy]", &format!("{weights}\n[privacy]"));
        // A weight column: 0.5, 1, 1.5, 2, 0.5, ... down the rows.
        let export = dir
            .path()
            .join("input/breakdowns/ronde-1/questionnaire.csv");
        let text = std::fs::read_to_string(&export).unwrap();
        let weighted: Vec<String> = (text.lines().enumerate())
            .map(|(i, l)| match i {
                0 => format!("{l};gewicht"),
                _ => format!("{l};{}", 0.5 * (1 + (i - 1) % 4) as f64),
            })
            .collect();
        std::fs::write(&export, weighted.join("\n") + "\n").unwrap();
        let out = run_in(dir.path(), &["run", "--quiet", "--no-charts"]);
        assert_eq!(out.status.code(), Some(0), "{weights}: {}", outcome(&out));
        let tables = dir.path().join("output/breakdowns/ronde-1/tables");
        for table in ["area_scores.csv", "item_scores.csv"] {
            let all_rows = |path: &Path| -> Vec<BTreeMap<String, String>> {
                (read_table(path).into_iter())
                    .filter(|r| r["group"] == "ALL")
                    .map(|mut r| {
                        r.remove("contested");
                        r
                    })
                    .collect()
            };
            let round = all_rows(&tables.join(table));
            assert!(round[0].contains_key("n_eff"), "{weights}: not weighted");
            for by in ["by-functie", "by-regio-en-provincie"] {
                assert_eq!(
                    all_rows(&tables.join(by).join(table)),
                    round,
                    "{weights} {by} {table}"
                );
            }
        }
    }
}
