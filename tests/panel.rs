//! Panel statistics (issue 14) on the fixture `tests/data/panel`: the same
//! ids in two rounds, a reverse-keyed item, a weight column and an item the
//! groups disagree on (b2). Its tables are snapshot-tested; the checks below say
//! what the snapshots must show.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Runs `peil run` on the panel fixture (a copy, so that a test may edit
/// it) into a temp folder; returns the folder and the study's output root.
fn panel_run(edit: impl Fn(&Path)) -> (tempfile::TempDir, PathBuf) {
    let dir = project(&["panel"]);
    edit(&dir.path().join("input/panel"));
    let out = dir.path().join("output");
    let o = peil()
        .args(["run", "--quiet", "--no-charts", "--out"])
        .arg(&out)
        .arg(dir.path().join("input/panel"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", outcome(&o));
    (dir, out.join("panel"))
}

fn csv(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn panel_tables_match_their_snapshots() {
    let (_d, root) = panel_run(|_| {});
    for (round, table) in [
        ("r1", "item_scores"),
        ("r2", "item_scores"),
        ("r1", "area_scores"),
        ("compare-r1-r2", "compare_items"),
        ("compare-r1-r2", "compare_areas"),
    ] {
        let text = csv(&root.join(round).join("tables").join(format!("{table}.csv")));
        insta::assert_snapshot!(format!("panel_{round}_{table}"), text);
    }
}

#[test]
fn panel_statistics_are_on_every_shown_item_row() {
    let (_d, root) = panel_run(|_| {});
    let items = read_table(&root.join("r1/tables/item_scores.csv"));
    for r in &items {
        let shown = r["suppressed"] == "false";
        for col in [
            "aiken_v",
            "aiken_ci_low",
            "aiken_ci_high",
            "cvr",
            "iqr",
            "consensus",
        ] {
            assert_eq!(!r[col].is_empty(), shown, "{col} on {r:?}");
        }
    }
    // 12 respondents rated a1 in round 1 (p13's weight 0 excludes its row),
    // summing to 33: V = (33/12 - 1) / 3 from the unweighted mean.
    let a1 = row(&items, &[("item", "a1"), ("group", "ALL")]);
    assert_eq!(a1["n"], "12");
    assert_eq!(a1["aiken_v"], format!("{:.6}", (33.0 / 12.0 - 1.0) / 3.0));
    // Ayre & Scally: 12 raters need 10 of 12 (CVR 0.666667).
    assert_eq!(a1["cvr_critical"], "0.666667");
}

#[test]
fn a_reverse_keyed_item_is_scored_and_marked() {
    let (_d, root) = panel_run(|_| {});
    let items = read_table(&root.join("r1/tables/item_scores.csv"));
    let a3 = row(&items, &[("item", "a3"), ("group", "ALL")]);
    assert_eq!(a3["reversed"], "true");
    // Raw A3 in round 1 (rows used): four 1s, two 2s, six 3s; scored
    // 5 - x: four 4s, two 3s, six 2s.
    let counts: Vec<&str> = ["n_1", "n_2", "n_3", "n_4"]
        .map(|c| a3[c].as_str())
        .to_vec();
    assert_eq!(counts, ["0", "6", "2", "4"]);
    let a1 = row(&items, &[("item", "a1"), ("group", "ALL")]);
    assert_eq!(a1["reversed"], "false");
}

#[test]
fn the_comparison_pairs_the_respondents_of_both_rounds() {
    let (_d, root) = panel_run(|_| {});
    let items = read_table(&root.join("compare-r1-r2/tables/compare_items.csv"));
    // p01..p10 answered both rounds (p13 and p15 are excluded by their
    // weights); p05 answered a2 "weet niet" in r2.
    let a1 = row(&items, &[("id", "a1"), ("group", "ALL")]);
    assert_eq!(a1["n_paired"], "10");
    let a2 = row(&items, &[("id", "a2"), ("group", "ALL")]);
    assert_eq!(a2["n_paired"], "9");
    // Per group too: the five docenten of both rounds (p01..p09, odd).
    let doc = row(&items, &[("id", "a1"), ("group", "docent")]);
    assert_eq!(doc["n_paired"], "5");
    assert!(!doc["changed"].is_empty() && !doc["p_paired"].is_empty());
    let html = std::fs::read_to_string(root.join("compare-r1-r2/report.html"));
    // --no-charts writes no report; the sentence is checked in a run with it.
    assert!(html.is_err());
}

#[test]
fn the_comparison_report_says_how_many_took_part_in_both_rounds() {
    let dir = project(&["panel"]);
    let out = dir.path().join("output");
    let o = peil()
        .args(["compare", "--quiet", "--from", "r1", "--to", "r2", "--out"])
        .arg(&out)
        .arg(dir.path().join("input/panel"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", outcome(&o));
    let html = csv(&out.join("panel/compare-r1-r2/report.html"));
    assert!(
        html.contains("10 respondents took part in both rounds"),
        "{html}"
    );
    for id in ["p01", "p10", "p14"] {
        assert!(!html.contains(id), "{id} in the report");
    }
}

#[test]
fn validate_warns_about_an_item_that_looks_reverse_keyed() {
    let dir = project(&["panel"]);
    let study = dir.path().join("input/panel/study.toml");
    let text = std::fs::read_to_string(&study).unwrap();
    std::fs::write(&study, text.replace("reverse = true\n", "")).unwrap();
    let o = peil()
        .arg("validate")
        .arg(study.parent().unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("item a3 (herkenbaarheid) correlates negatively")
            && err.contains("reverse = true"),
        "{}",
        outcome(&o)
    );
    // A warning, not a finding: the ledger decides the exit code.
    let clean = peil()
        .arg("validate")
        .arg(fixture("panel"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), clean.status.code());
    assert!(!String::from_utf8_lossy(&clean.stderr).contains("correlates negatively"));
}

#[test]
fn weights_are_named_and_bad_weights_are_in_the_ledger() {
    let (_d, root) = panel_run(|_| {});
    let md = std::fs::read_to_string(root.join("r1/tables/item_scores.md")).unwrap();
    assert!(md.contains("weighted by the column \"gewicht\""), "{md}");
    let dq = read_table(&root.join("r1/tables/data_quality.csv"));
    let bad: Vec<_> = rows_where(
        &dq,
        &[("reason", "weight missing, not a number, or not above 0")],
    );
    assert_eq!(bad.len(), 1, "{dq:?}");
    assert_eq!(
        (bad[0]["column"].as_str(), bad[0]["value"].as_str()),
        ("gewicht", "0")
    );
    let items = read_table(&root.join("r1/tables/item_scores.csv"));
    let a1 = row(&items, &[("item", "a1"), ("group", "ALL")]);
    for col in ["n_eff", "ci_low", "ci_high"] {
        assert!(!a1[col].is_empty(), "{col}");
    }
}

/// Edits the fixture's `[weights]` block.
fn reweighted(block: &'static str) -> impl Fn(&Path) {
    move |dir: &Path| {
        let p = dir.join("study.toml");
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, text.replace("[weights]\ncolumn = \"gewicht\"\n", block)).unwrap();
    }
}

/// The figure columns weighting may change, of every row of `table`.
fn figures(root: &Path, table: &str) -> Vec<Vec<String>> {
    read_table(&root.join("r2/tables").join(table))
        .into_iter()
        .map(|r| {
            [
                "group",
                "n",
                "mean",
                "sd",
                "median",
                "pct_agree",
                "decision",
            ]
            .iter()
            .filter_map(|c| r.get(*c).cloned())
            .collect()
        })
        .collect()
}

#[test]
fn post_stratified_group_rows_equal_the_unweighted_and_unit_weights_change_nothing() {
    let (_a, plain) = panel_run(reweighted(""));
    let (_b, strata) = panel_run(reweighted(
        "[weights]\nby = \"group\"\nshares = \"equal\"\n",
    ));
    let (_c, ones) = panel_run(|dir: &Path| {
        reweighted("[weights]\ncolumn = \"een\"\n")(dir);
        for r in ["r1", "r2"] {
            let p = dir.join(r).join("questionnaire.csv");
            let text = std::fs::read_to_string(&p).unwrap();
            let lines: Vec<String> = text
                .lines()
                .enumerate()
                .map(|(i, l)| format!("{l},{}", if i == 0 { "een" } else { "1" }))
                .collect();
            std::fs::write(&p, lines.join("\n") + "\n").unwrap();
        }
    });
    for table in ["item_scores.csv", "area_scores.csv"] {
        let (p, s, o) = (
            figures(&plain, table),
            figures(&strata, table),
            figures(&ones, table),
        );
        assert_eq!(o, p, "{table}: unit weights");
        for (ps, ss) in p.iter().zip(&s) {
            if ps[0] != "ALL" {
                assert_eq!(ss, ps, "{table}: a post-stratified group row");
            }
        }
    }
}
