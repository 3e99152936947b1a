//! A study over two real, unedited LimeSurvey exports (`tests/data/rse-uk`,
//! the UK Research Software Engineer survey 2016 and 2017; credit in its
//! README): anonymous (no id), the 14 statements asked in both years under
//! other column names in 2017 (a column per round), tiny contract types
//! merged with `[recode]`, an open question asked in 2017 only.
//!
//! The figures checked here are recomputed in this file from the raw CSV
//! with the csv crate and the contract's definitions, not by peil's code.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{fixture, peil, read_table, row, rows_where};

const GROUP: &str = "currentEmp10. What type of contract are you employed on?";

/// The 14 statements of both years: (item id = column code, area).
const STATEMENTS: [(&str, &str); 14] = [
    ("affSat1", "affSat"),
    ("affSat2", "affSat"),
    ("affSat3", "affSat"),
    ("affSat4", "affSat"),
    ("affRec1", "affRec"),
    ("affRec2", "affRec"),
    ("affRec3", "affRec"),
    ("affRec4", "affRec"),
    ("affRec5", "affRec"),
    ("percEmp1", "percEmp"),
    ("percEmp2", "percEmp"),
    ("percEmp3", "percEmp"),
    ("turnOver5", "turnOver"),
    ("turnOver6", "turnOver"),
];

fn run() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let o = peil()
        .args(["run", "--quiet", "--out"])
        .arg(out.path())
        .arg(fixture("rse-uk"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let root = out.path().join("rse-uk");
    (out, root)
}

/// One export as read by the csv crate: the header and the records.
struct Raw {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Raw {
    fn read(year: &str) -> Raw {
        let path = fixture("rse-uk").join(format!("{year}/uk-{year}_public_data.csv"));
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(&path)
            .unwrap();
        let mut records = r
            .records()
            .map(|rec| rec.unwrap().iter().map(String::from).collect::<Vec<_>>());
        let header = records.next().unwrap();
        Raw {
            header,
            rows: records.collect(),
        }
    }

    /// The column of a statement: `code. text` in 2016, `likert...[code]. ...` in 2017.
    fn column(&self, code: &str) -> usize {
        let found: Vec<usize> = (0..self.header.len())
            .filter(|&i| {
                let h = &self.header[i];
                h.starts_with(&format!("{code}. "))
                    || (h.starts_with("likert") && h.contains(&format!("[{code}]")))
            })
            .collect();
        assert_eq!(found.len(), 1, "{code}: {found:?}");
        found[0]
    }

    /// The rows used: a contract type (recoded as the study does), and its group.
    fn used(&self) -> Vec<(&Vec<String>, &'static str)> {
        let g = self.header.iter().position(|h| h == GROUP).unwrap();
        self.rows
            .iter()
            .filter_map(|r| Some((r, contract_group(&r[g])?)))
            .collect()
    }
}

/// The study's `[recode]`, written out again here; `None`: an empty cell.
fn contract_group(cell: &str) -> Option<&'static str> {
    let c = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match c.as_str() {
        "" => return None,
        "Permanent"
        | "Permanent -- funded by University core funding"
        | "Permanent -- as long as funding is available" => "Permanent",
        "Fixed term"
        | "Agency staff"
        | "Freelancer consultant contractors"
        | "Freelancer consultant contractor" => "Fixed term or temporary",
        "Other/Not listed" => "Other",
        other => panic!("a contract type the study does not know: {other:?}"),
    })
}

/// The 5-point agreement scale as words; `None`: not answered.
fn rating(cell: &str) -> Option<i64> {
    let words = [
        "strongly disagree",
        "disagree",
        "neither agree or disagree",
        "agree",
        "strongly agree",
    ];
    let c = cell.trim().to_lowercase();
    if c.is_empty() {
        return None;
    }
    let i = words.iter().position(|w| *w == c);
    Some(i.unwrap_or_else(|| panic!("not on the scale: {cell:?}")) as i64 + 1)
}

/// A statement's scored ratings by the used rows of `group` (`ALL`: all).
fn ratings(raw: &Raw, code: &str, group: &str) -> Vec<i64> {
    let col = raw.column(code);
    raw.used()
        .into_iter()
        .filter(|(_, g)| group == "ALL" || *g == group)
        .filter_map(|(r, _)| rating(&r[col]))
        // turnOver5 is reverse-keyed: scored 1 + 5 - x.
        .map(|x| if code == "turnOver5" { 6 - x } else { x })
        .collect()
}

fn mean(x: &[i64]) -> f64 {
    x.iter().sum::<i64>() as f64 / x.len() as f64
}

fn num(row: &BTreeMap<String, String>, col: &str) -> f64 {
    row[col]
        .parse()
        .unwrap_or_else(|_| panic!("{col}: {:?}", row[col]))
}

fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() < 5e-7,
        "{what}: peil {got}, recomputed {want}"
    );
}

/// Mann-Whitney U of `a` against `b` with mid-ranks (R `wilcox.test`'s W).
fn mann_whitney_u(a: &[i64], b: &[i64]) -> f64 {
    let rank = |x: i64| {
        let below = a.iter().chain(b).filter(|v| **v < x).count() as f64;
        let tied = a.iter().chain(b).filter(|v| **v == x).count() as f64;
        below + (tied + 1.0) / 2.0
    };
    let r1: f64 = a.iter().map(|x| rank(*x)).sum();
    let n1 = a.len() as f64;
    r1 - n1 * (n1 + 1.0) / 2.0
}

fn table(root: &Path, folder: &str, name: &str) -> Vec<BTreeMap<String, String>> {
    read_table(&root.join(folder).join(format!("tables/{name}.csv")))
}

#[test]
fn the_real_exports_run_and_the_statements_compare_as_the_same() {
    let (_out, root) = run();
    let items = table(&root, "compare-2016-2017", "compare_items");
    let header: Vec<&String> = items[0].keys().collect();
    for paired in ["n_paired", "changed", "v_paired", "p_paired"] {
        assert!(
            !items[0].contains_key(paired),
            "anonymous: no {paired} in {header:?}"
        );
    }
    for (id, _) in STATEMENTS {
        let rows = rows_where(&items, &[("id", id)]);
        assert_eq!(rows.len(), 4, "{id}: ALL and three groups");
        assert!(rows.iter().all(|r| r["status"] == "same"), "{id}");
    }
    assert_eq!(items.len(), 14 * 4, "only the 14 statements are compared");
    let html = std::fs::read_to_string(root.join("compare-2016-2017/report.html")).unwrap();
    assert!(html.contains(
        "The questionnaire is anonymous: the rounds are compared as independent samples."
    ));
    assert!(!html.contains("took part in both rounds"));
}

#[test]
fn figures_match_a_recomputation_from_the_raw_csv() {
    let (_out, root) = run();
    for year in ["2016", "2017"] {
        let raw = Raw::read(year);
        let scores = table(&root, year, "item_scores");
        for (id, group) in [
            ("affSat1", "ALL"),
            ("affRec3", "Permanent"),
            ("percEmp2", "Fixed term or temporary"),
            ("turnOver5", "ALL"),
            ("turnOver6", "Permanent"),
        ] {
            let x = ratings(&raw, id, group);
            let r = row(&scores, &[("item", id), ("group", group)]);
            let what = format!("{year} {id} {group}");
            assert_eq!(num(r, "n") as usize, x.len(), "{what} n");
            close(num(r, "mean"), mean(&x), &what);
            let agree = x.iter().filter(|v| **v > 3).count() as f64 / x.len() as f64;
            close(num(r, "pct_agree"), agree, &format!("{what} pct_agree"));
        }
        let people = table(&root, year, "respondents");
        assert_eq!(
            num(row(&people, &[("group", "ALL")]), "respondents") as usize,
            raw.used().len()
        );
    }
}

#[test]
fn area_scores_and_the_change_test_match_the_raw_csv() {
    let (_out, root) = run();
    let raw = Raw::read("2016");
    // Area affSat (4 items): a respondent's mean over their valid ratings,
    // if they rated at least 2 of the 4.
    let cols: Vec<usize> = (1..=4).map(|i| raw.column(&format!("affSat{i}"))).collect();
    let scores: Vec<f64> = raw
        .used()
        .into_iter()
        .filter_map(|(r, _)| {
            let x: Vec<i64> = cols.iter().filter_map(|c| rating(&r[*c])).collect();
            (x.len() >= 2).then(|| mean(&x))
        })
        .collect();
    let areas = table(&root, "2016", "area_scores");
    let r = row(&areas, &[("area", "affSat"), ("group", "ALL")]);
    assert_eq!(num(r, "n") as usize, scores.len());
    close(
        num(r, "mean"),
        scores.iter().sum::<f64>() / scores.len() as f64,
        "affSat mean",
    );

    let later = Raw::read("2017");
    let (a, b) = (
        ratings(&raw, "percEmp3", "ALL"),
        ratings(&later, "percEmp3", "ALL"),
    );
    let items = table(&root, "compare-2016-2017", "compare_items");
    let r = row(&items, &[("id", "percEmp3"), ("group", "ALL")]);
    close(num(r, "u"), mann_whitney_u(&a, &b), "percEmp3 U");
    close(num(r, "delta"), mean(&b) - mean(&a), "percEmp3 delta");
}

#[test]
fn the_recode_merges_the_tiny_contract_types_so_that_no_group_is_hidden() {
    let (_out, root) = run();
    let people = table(&root, "2016", "respondents");
    let groups: Vec<(&str, &str)> = people
        .iter()
        .map(|r| (r["group"].as_str(), r["respondents"].as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("ALL", "272"),
            ("Permanent", "142"),
            ("Fixed term or temporary", "130")
        ]
    );
    for year in ["2016", "2017"] {
        let areas = table(&root, year, "area_scores");
        assert!(areas.iter().all(|r| r["suppressed"] == "false"), "{year}");
    }
    let html = std::fs::read_to_string(root.join("2016/report.html")).unwrap();
    assert!(
        html.contains("Merged values in"),
        "the report says what was merged"
    );
}

#[test]
fn comments_come_from_the_year_that_asked_for_them() {
    let (_out, root) = run();
    let later = table(&root, "2017", "comments");
    let raw = Raw::read("2017");
    let col = raw
        .header
        .iter()
        .position(|h| h.starts_with("ukrse3. "))
        .unwrap();
    let answered = raw
        .used()
        .iter()
        .filter(|(r, _)| !r[col].trim().is_empty())
        .count();
    assert_eq!(later.len(), answered);
    let earlier = root.join("2016/tables/comments.csv");
    assert!(!earlier.exists() || read_table(&earlier).is_empty());
}

/// Omega on a real export: the five affRec statements of 2016, 269
/// respondents with a contract type who rated all five. R 4.2.2, psych
/// 2.2.9 (labels strongly disagree .. strongly agree as 1 .. 5):
///   d <- read.csv("uk-2016_public_data.csv", check.names = FALSE, colClasses = "character")
///   d <- d[trimws(d[["currentEmp10. What type of contract are you employed on?"]]) != "", ]
///   x <- sapply(d[grep("^affRec[1-5]\\.", names(d), value = TRUE)],
///               function(v) match(tolower(trimws(v)), lab)); x <- x[complete.cases(x), ]
///   fp <- fa(x, nfactors = 1, fm = "pa", min.err = 1e-14, max.iter = 100000)
///   1 - sum(fp$uniquenesses) / sum(cor(x))          0.933597830504
///   omega(x, nfactors = 1, plot = FALSE)$omega.tot   0.933597834742
#[test]
fn omega_of_a_real_area_matches_psych() {
    let (_out, root) = run();
    let rel = table(&root, "2016", "reliability");
    let row = rows_where(&rel, &[("area", "affRec")]);
    assert_eq!(row[0]["n_complete"], "269");
    close(
        num(row[0], "omega"),
        0.933_597_830_504,
        "omega of affRec, 2016",
    );
}

/// No statement of 2016 meets the keep rule: the report says so under its
/// heading instead of leaving it empty; 2017 lists its one kept item.
#[test]
fn a_round_without_a_kept_item_says_so() {
    let (_out, root) = run();
    let none = "No item meets the rule to keep it.";
    for (year, kept) in [("2016", 0), ("2017", 1)] {
        let items = table(&root, year, "item_scores");
        let keep = rows_where(&items, &[("group", "ALL"), ("decision", "keep")]).len();
        assert_eq!(keep, kept, "{year}");
        let html = std::fs::read_to_string(root.join(year).join("report.html")).unwrap();
        assert_eq!(html.contains(none), kept == 0, "{year}");
    }
}
