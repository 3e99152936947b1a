//! Omega and the agreement between coders on the bundled herijking
//! example, end to end (docs/reference.md, "Omega" and "Coding
//! agreement"). Its ronde-1 consultation was coded by A, and again by B
//! (8 sessions) and C (3 of those); every count must stay A's.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};

const STUDY: &str = "herijking-instructeurs";

/// A copy of the example, `edit` applied to its ronde-1 consultation.csv,
/// run; gives the temp dir (kept alive) and the output of ronde-1.
fn run_with(edit: impl Fn(&str) -> String) -> (tempfile::TempDir, PathBuf) {
    run_with_toml(edit, "")
}

/// [`run_with`], with `extra` appended to study.toml.
fn run_with_toml(edit: impl Fn(&str) -> String, extra: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let study = dir.path().join(STUDY);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("input")
            .join(STUDY),
        &study,
    );
    let toml = study.join("study.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, format!("{text}{extra}")).unwrap();
    let notes = study.join("ronde-1/consultation.csv");
    fs::write(&notes, edit(&fs::read_to_string(&notes).unwrap())).unwrap();
    let out = dir.path().join("out");
    let o = peil()
        .args(["run", "--quiet", "--out"])
        .arg(&out)
        .arg(&study)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", outcome(&o));
    (dir, out.join(STUDY).join("ronde-1"))
}

fn as_is(text: &str) -> String {
    text.to_string()
}

/// Only coder A's rows, without the coder column: the file as it would
/// be had nobody coded it twice.
fn first_coder_only(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        let (row, coder) = line.rsplit_once(',').unwrap();
        if i == 0 || coder == "A" {
            out.push_str(row);
            out.push('\n');
        }
    }
    out
}

fn agreement(root: &Path) -> Vec<Vec<String>> {
    read_table(&root.join("tables/coding_agreement.csv"))
        .into_iter()
        .map(|r| {
            [
                "field",
                "coders",
                "statements",
                "pct_agreement",
                "cohen_kappa",
                "krippendorff_alpha",
            ]
            .iter()
            .map(|c| r[*c].clone())
            .collect()
        })
        .collect()
}

/// The agreement, checked against two other implementations on the same
/// file: R 4.2.2, psych 2.2.9, on the statements A and B both coded
/// (`cohen.kappa(d)$kappa` of the two columns: theme 0.821369500496196,
/// domain 0.561752988047809, stance 0.699331848552339) and the Python
/// `krippendorff` 0.9.0 package over A, B and C, nominal, a coder who did
/// not code a statement missing (`krippendorff.alpha(reliability_data=d,
/// level_of_measurement='nominal')`: theme 0.7819087136929461, domain
/// 0.514815366289458, stance 0.6254897083514708).
#[test]
fn the_example_reports_the_agreement_of_its_three_coders() {
    let (_d, root) = run_with(as_is);
    let rows = agreement(&root);
    let find = |field: &str, coders: &str, all: bool| {
        rows.iter()
            .find(|r| r[0] == field && r[1] == coders && (r[5].is_empty() != all))
            .unwrap_or_else(|| panic!("{field} {coders}: {rows:?}"))
            .clone()
    };
    let kappa = [
        ("theme", "0.821370"),
        ("domain", "0.561753"),
        ("stance", "0.699332"),
    ];
    for (field, k) in kappa {
        assert_eq!(find(field, "A;B", false)[4], k, "{field}");
    }
    let alpha = [
        ("theme", "0.781909"),
        ("domain", "0.514815"),
        ("stance", "0.625490"),
    ];
    for (field, a) in alpha {
        let all = find(field, "A;B;C", true);
        assert_eq!(all[5], a, "{field}");
        assert!(all[4].is_empty(), "no kappa on the all-coders row");
    }
    // B coded 90 statements again; 55 of them have a domain from A and B.
    assert_eq!(find("theme", "A;B", false)[2], "90");
    assert_eq!(find("domain", "A;B", false)[2], "55");
    assert_eq!(rows.len(), 12, "3 pairs and all coders, for 3 fields");
}

#[test]
fn every_count_is_the_first_coders() {
    let (_a, coded) = run_with(as_is);
    let (_b, alone) = run_with(first_coder_only);
    for table in ["consultation.csv", "participants.csv", "quotes.csv"] {
        let read = |root: &Path| fs::read(root.join("tables").join(table)).unwrap();
        assert_eq!(read(&coded), read(&alone), "{table}");
    }
    assert!(!alone.join("tables/coding_agreement.csv").exists());
    // Every row is used: B's and C's for the agreement.
    let ledger = read_table(&coded.join("tables/data_quality.csv"));
    let total = ledger
        .iter()
        .find(|r| r["file"] == "ronde-1/consultation.csv" && r["reason"] == "total")
        .unwrap();
    assert_eq!(
        (total["rows_read"].as_str(), total["rows_used"].as_str()),
        ("399", "399")
    );
}

#[test]
fn renaming_the_coders_changes_only_their_names() {
    let rename = |text: &str| {
        let mut out = String::new();
        for line in text.lines() {
            let (row, coder) = line.rsplit_once(',').unwrap();
            let name = match coder {
                "A" => "Zoë de Vries",
                "B" => "Bram",
                "C" => "Anne-Fleur",
                other => other,
            };
            out.push_str(&format!("{row},{name}\n"));
        }
        out
    };
    let (_a, before) = run_with(as_is);
    let (_b, after) = run_with(rename);
    let (x, y) = (agreement(&before), agreement(&after));
    assert_eq!(x.len(), y.len());
    for (p, q) in x.iter().zip(&y) {
        let names = p[1]
            .replace('A', "Zoë de Vries")
            .replace('B', "Bram")
            .replace('C', "Anne-Fleur");
        assert_eq!(q[1], names);
        assert_eq!(p[0], q[0]);
        assert_eq!(p[2..], q[2..]);
    }
}

/// A coder who codes a statement twice, and a row without a coder: both
/// ledgered with their line, neither counted.
#[test]
fn a_second_coding_by_the_same_coder_and_an_empty_coder_are_ledgered() {
    let (_a, plain) = run_with(as_is);
    let extra = |text: &str| {
        let second = text.lines().nth(1).unwrap().to_string();
        let (row, _) = second.rsplit_once(',').unwrap();
        format!("{text}{row},A\n{row},\n")
    };
    let (_b, root) = run_with(extra);
    let ledger = read_table(&root.join("tables/data_quality.csv"));
    let reason = |r: &str| {
        ledger
            .iter()
            .find(|e| e["reason"] == r)
            .unwrap_or_else(|| panic!("{r}: {ledger:?}"))
            .clone()
    };
    assert_eq!(
        reason("statement coded twice by the same coder")["line"],
        "401"
    );
    assert_eq!(reason("empty coder")["line"], "402");
    let read = |root: &Path| fs::read(root.join("tables/consultation.csv")).unwrap();
    assert_eq!(read(&plain), read(&root));
    assert_eq!(agreement(&plain), agreement(&root));
}

/// Omega of ronde-1's professioneel area (herkenbaarheid, 3 items, 78
/// complete respondents), one item loading negatively and one Heywood
/// case. R 4.2.2, psych 2.2.9, the bounded minres minimised to the end:
///   d <- read.csv2("ronde-1/questionnaire.csv", fileEncoding = "UTF-8-BOM", colClasses = "character")
///   x <- sapply(d[c("PRO_KUN_1_herk", "PRO_KUN_2_herk", "PRO_KUN_3_herk")], as.numeric)
///   x <- x[complete.cases(x), ]; r <- cor(x)
///   (load_of, obj and optim(..., lower = 0.005, upper = 1) as in
///   src/analysis/stats/factor.rs's Heywood test)
///   o$par  0.005000000000 0.992981553704 0.935826571998
///   1 - sum(o$par) / sum(r)   0.434838119564
/// (psych::omega reverses the negative item and prints 0.466.)
#[test]
fn omega_stands_beside_alpha() {
    let (_d, root) = run_with(as_is);
    let rel = read_table(&root.join("tables/reliability.csv"));
    let pro = rel
        .iter()
        .find(|r| r["measure"] == "herkenbaarheid" && r["area"] == "professioneel")
        .unwrap();
    assert_eq!(
        (pro["k_items"].as_str(), pro["n_complete"].as_str()),
        ("3", "78")
    );
    assert_eq!(pro["omega"], "0.434838");
    let report = fs::read_to_string(root.join("report.html")).unwrap();
    assert!(
        report.contains("Omega"),
        "the reliability table shows omega"
    );
    assert!(report.contains("zonder aan te nemen dat elk item even zwaar telt"));
}

#[test]
fn the_report_shows_the_agreement_in_words() {
    let (_d, root) = run_with(as_is);
    let report = fs::read_to_string(root.join("report.html")).unwrap();
    for words in [
        "Overeenstemming tussen codeurs",
        "90 uitspraken zijn door meer dan één codeur gecodeerd (codeurs: A, B, C)",
        "alle codeurs (A, B, C)",
        "bijna volledig (kappa)",
        "voorlopig bruikbaar (alfa)",
        "Landis en Koch",
    ] {
        assert!(report.contains(words), "{words}");
    }
}

/// A published agreement is checked like any figure, and the table can be
/// named (it was missing from the tables an entry may name).
#[test]
fn a_published_alpha_is_checked() {
    let entry = r#"
[[published]]
round = "ronde-1"
table = "coding_agreement"
where = { field = "theme", coders = "A;B;C" }
column = "krippendorff_alpha"
value = "0,78"
"#;
    let (_d, root) = run_with_toml(as_is, entry);
    let rows = read_table(&root.join("tables/published.csv"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["reproduced"], "yes", "{rows:?}");
}
