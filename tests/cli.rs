//! The binary on small fixtures: exit codes, messages, tables, determinism.
//!
//! `tests/data/tiny` is a synthetic, hand-checkable study: Windows-1252,
//! `;`, CRLF, a quoted newline, a decimal comma, a label in capitals, a
//! missing code, an invalid cell and one row for each exclusion reason. The
//! figures asserted below were computed by hand from that file.

mod common;

use common::*;
use std::path::Path;

fn tiny_run() -> (tempfile::TempDir, std::process::Output) {
    let p = project(&["tiny"]);
    let out = run_in(p.path(), &["run"]);
    (p, out)
}

fn tables(p: &Path) -> std::path::PathBuf {
    p.join("output/tiny/ronde-1/tables")
}

#[test]
fn tiny_run_reports_and_exits_0() {
    let (_p, out) = tiny_run();
    insta::assert_snapshot!(outcome(&out));
}

#[test]
fn tiny_tables_snapshot() {
    let (p, out) = tiny_run();
    assert!(out.status.success(), "{}", outcome(&out));
    for name in TABLES {
        let csv = std::fs::read_to_string(tables(p.path()).join(format!("{name}.csv"))).unwrap();
        insta::assert_snapshot!(format!("tiny_{name}_csv"), csv);
    }
    let md = std::fs::read_to_string(tables(p.path()).join("area_scores.md")).unwrap();
    insta::assert_snapshot!("tiny_area_scores_md", md);
}

#[test]
fn tiny_figures_match_hand_computation() {
    let (p, _) = tiny_run();
    let t = tables(p.path());
    let resp = read_table(&t.join("respondents.csv"));
    let all = row(&resp, &[("group", "ALL")]);
    assert_eq!(
        (
            &all["respondents"][..],
            &all["institutions"][..],
            &all["answered"][..],
            &all["complete"][..]
        ),
        ("6", "4", "6", "4")
    );
    let docent = row(&resp, &[("group", "docent")]);
    assert_eq!(
        (&docent["respondents"][..], &docent["institutions"][..]),
        ("3", "2")
    );

    let items = read_table(&t.join("item_scores.csv"));
    let a1 = row(&items, &[("item", "a1"), ("group", "ALL")]);
    assert_eq!(a1["n"], "6");
    assert_eq!(a1["mean"], "2.833333"); // 17 / 6
    assert_eq!(a1["pct_agree"], "0.666667"); // 4 of 6 rate 3 or 4
    assert_eq!(a1["kappa_star"], "0.564626"); // pc = C(6,4)/2^6 = 0.234375
    assert_eq!(a1["decision"], "reword");
    let b1 = row(&items, &[("item", "b1"), ("group", "ALL")]);
    assert_eq!(
        (&b1["n"][..], &b1["mean"][..], &b1["n_missing"][..]),
        ("4", "3.250000", "1")
    );

    let areas = read_table(&t.join("area_scores.csv"));
    let a = row(&areas, &[("area", "a"), ("group", "ALL")]);
    // Respondent scores 3.5, 3, 2.5, 2, 2, 4.
    assert_eq!(
        (&a["n"][..], &a["mean"][..], &a["median"][..], &a["sd"][..]),
        ("6", "2.833333", "2.750000", "0.816497")
    );
    // mean -+ qt(0.975, 5) * sd / sqrt(6), qt = 2.570582 (R)
    assert_eq!(
        (&a["ci_low"][..], &a["ci_high"][..]),
        ("1.976473", "3.690194")
    );
    let docent_a = row(&areas, &[("area", "a"), ("group", "docent")]);
    assert_eq!(
        (&docent_a["mean"][..], &docent_a["suppressed"][..]),
        ("3.000000", "false")
    );
}

#[test]
fn small_groups_show_only_n() {
    let (p, _) = tiny_run();
    for table in ["area_scores.csv", "item_scores.csv"] {
        let rows = read_table(&tables(p.path()).join(table));
        for r in rows_where(&rows, &[("group", "werkgever")])
            .into_iter()
            .chain(rows_where(&rows, &[("group", "student")]))
        {
            assert_eq!(r["suppressed"], "true");
            for (c, v) in r {
                let allowed = [
                    "measure",
                    "area",
                    "item",
                    "dimension",
                    "group",
                    "n",
                    "suppressed",
                ];
                assert!(
                    allowed.contains(&c.as_str()) || v.is_empty(),
                    "{table}: {c} = {v} shown for a small group"
                );
            }
        }
    }
}

#[test]
fn ledger_balances_and_names_lines() {
    let (p, _) = tiny_run();
    let dq = read_table(&tables(p.path()).join("data_quality.csv"));
    let total = row(&dq, &[("reason", "total")]);
    assert_eq!(
        (
            &total["rows_read"][..],
            &total["rows_used"][..],
            &total["rows_excluded"][..],
            &total["cells_invalid"][..],
            &total["cells_missing"][..]
        ),
        ("10", "6", "4", "1", "1")
    );
    // The quoted newline on lines 4-5 shifts every later line by one.
    let invalid = row(&dq, &[("reason", "invalid value")]);
    assert_eq!(
        (
            &invalid["line"][..],
            &invalid["column"][..],
            &invalid["value"][..]
        ),
        ("6", "B1", "2,5")
    );
    assert_eq!(row(&dq, &[("reason", "duplicate id")])["line"], "8");
    assert_eq!(row(&dq, &[("reason", "empty id")])["line"], "9");
    assert_eq!(row(&dq, &[("reason", "empty group")])["line"], "10");
    assert_eq!(
        row(&dq, &[("reason", "group not in [respondents] groups")])["value"],
        "ouder"
    );
}

#[test]
fn no_respondent_id_reaches_an_output() {
    let (p, _) = tiny_run();
    let files = tree(&p.path().join("output"));
    assert!(files.keys().any(|f| f.ends_with("report.html")));
    for (file, bytes) in files {
        // Every id in the fixture starts with "tq00"; xlsx is zipped, so
        // its text is checked through calamine in tests/render.rs.
        if !file.ends_with(".xlsx") && !file.ends_with(".png") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("tq00"),
                "{file} holds a respondent id"
            );
        }
    }
}

#[test]
fn rerun_is_byte_identical() {
    let (p, _) = tiny_run();
    let first = tree(&p.path().join("output"));
    let out = run_in(p.path(), &["run", "input/tiny", "--out", "again"]);
    assert!(out.status.success());
    assert_eq!(first, tree(&p.path().join("again")));
    assert!(first.contains_key("tiny/ronde-1/manifest.json"));
    assert!(!first.keys().any(|k| k.contains("tmp-peil")));
}

#[test]
fn validate_prints_the_ledger_and_exits_1() {
    let p = project(&["tiny"]);
    let out = run_in(p.path(), &["validate", "input/tiny"]);
    insta::assert_snapshot!(outcome(&out));
    assert!(!p.path().join("output").exists());
}

#[test]
fn strict_writes_nothing_and_exits_1() {
    let p = project(&["tiny"]);
    let out = run_in(p.path(), &["run", "--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", outcome(&out));
    assert!(!p.path().join("output").exists());
}

/// Replaces `from` by `to` in the tiny fixture's file `rel`, runs `args`.
fn tiny_edited(rel: &str, from: &[u8], to: &[u8], args: &[&str]) -> String {
    let p = project(&["tiny"]);
    let path = p.path().join("input/tiny").join(rel);
    let bytes = std::fs::read(&path).unwrap();
    let pos = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("fixture text to edit");
    let mut edited = bytes[..pos].to_vec();
    edited.extend_from_slice(to);
    edited.extend_from_slice(&bytes[pos + from.len()..]);
    std::fs::write(&path, edited).unwrap();
    outcome(&run_in(p.path(), args))
}

#[test]
fn configuration_errors_exit_2_naming_the_key() {
    let cases = [
        ("unknown_key", "[study]\n", "[study]\ncolour = \"red\"\n"),
        ("unknown_area", "area = \"b\"", "area = \"c\""),
        (
            "column_twice",
            "columns = { herkenbaarheid = \"B1\" }",
            "columns = { herkenbaarheid = \"A1\" }",
        ),
        (
            "rule_out_of_range",
            "[privacy]",
            "[rules]\nkeep_min_pct_agree = 78\n\n[privacy]",
        ),
        (
            "weights_both_forms",
            "[privacy]",
            "[weights]\ncolumn = \"w\"\nby = \"group\"\nshares = \"equal\"\n\n[privacy]",
        ),
        (
            "consensus_out_of_range",
            "[privacy]",
            "[rules]\nconsensus_max_iqr = -1\n\n[privacy]",
        ),
        (
            "path_outside",
            "questionnaire = \"ronde-1/questionnaire.csv\"",
            "questionnaire = \"../../etc/passwd\"",
        ),
        (
            "missing_column",
            "columns = { herkenbaarheid = \"B1\" }",
            "columns = { herkenbaarheid = \"B2\" }",
        ),
    ];
    for (name, from, to) in cases {
        let out = tiny_edited("study.toml", from.as_bytes(), to.as_bytes(), &["run"]);
        assert!(out.starts_with("exit: 2\n"), "{name}: {out}");
        insta::assert_snapshot!(format!("config_{name}"), out);
    }
}

#[test]
fn unreadable_data_exits_1_naming_file_and_line() {
    let q = "ronde-1/questionnaire.csv";
    let ragged = tiny_edited(
        q,
        b"tq008;student;School;4;4;4",
        b"tq008;student;School;4;4;4;9",
        &["run"],
    );
    insta::assert_snapshot!("data_ragged_row", ragged);
    let dup = tiny_edited(
        q,
        b"id;groep;instelling;A1;A2;B1",
        b"id;groep;instelling;A1;A2;B1;a1",
        &["run"],
    );
    insta::assert_snapshot!("data_duplicate_header", dup);
    let utf16 = tiny_edited(q, b"id;", b"\xFF\xFEid;", &["run"]);
    insta::assert_snapshot!("data_utf16", utf16);
}

#[test]
fn unknown_round_is_a_usage_error() {
    let p = project(&["tiny"]);
    let out = run_in(p.path(), &["run", "--round", "ronde-9"]);
    assert_eq!(out.status.code(), Some(2), "{}", outcome(&out));
}

#[test]
fn no_study_is_a_usage_error() {
    let p = tempfile::tempdir().unwrap();
    let out = run_in(p.path(), &["run"]);
    insta::assert_snapshot!(outcome(&out));
}

#[test]
fn help_lists_the_commands() {
    let out = peil().arg("--help").output().unwrap();
    insta::assert_snapshot!(outcome(&out));
}

#[test]
fn long_format_gives_the_same_scores_as_wide() {
    let p = project(&["tiny", "tiny-long"]);
    let out = run_in(p.path(), &["run"]);
    assert!(out.status.success(), "{}", outcome(&out));
    for table in ["respondents.csv", "area_scores.csv", "item_scores.csv"] {
        let wide = std::fs::read_to_string(p.path().join("output/tiny/ronde-1/tables").join(table))
            .unwrap();
        let long =
            std::fs::read_to_string(p.path().join("output/tiny-long/ronde-1/tables").join(table))
                .unwrap();
        assert_eq!(wide, long, "{table}");
    }
    let dq = read_table(
        &p.path()
            .join("output/tiny-long/ronde-1/tables/data_quality.csv"),
    );
    assert_eq!(row(&dq, &[("reason", "duplicate rating")])["line"], "23");
    assert_eq!(
        row(&dq, &[("reason", "item or measure not in the codebook")])["value"],
        "zz / herkenbaarheid"
    );
    assert_eq!(row(&dq, &[("reason", "invalid value")])["line"], "16");
}

#[test]
fn short_row_is_excluded_with_its_line() {
    let out = tiny_edited(
        "ronde-1/questionnaire.csv",
        b"tq008;student;School;4;4;4",
        b"tq008;student;School;4;4",
        &["validate", "input/tiny"],
    );
    assert!(out.starts_with("exit: 1\n"), "{out}");
    assert!(
        out.contains("line 12, column id: row has fewer fields than the header"),
        "{out}"
    );
}

#[test]
fn stray_quote_is_a_clear_error() {
    let out = tiny_edited(
        "ronde-1/questionnaire.csv",
        b"Bedrijf;2;2",
        b"Bedrijf;\"2;2",
        &["run"],
    );
    assert!(out.starts_with("exit: 1\n"), "{out}");
    assert!(
        out.contains("ronde-1/questionnaire.csv") && out.contains("fix:"),
        "{out}"
    );
}

/// Both areas of tiny have fewer than 3 items: no omega, and the report
/// says so for each (docs/reference.md, "Omega").
#[test]
fn tiny_report_says_why_there_is_no_omega() {
    let (p, out) = tiny_run();
    assert!(out.status.success(), "{}", outcome(&out));
    let rel = read_table(&tables(p.path()).join("reliability.csv"));
    assert!(rel.iter().all(|r| r["omega"].is_empty()), "{rel:?}");
    let html = std::fs::read_to_string(p.path().join("output/tiny/ronde-1/report.html")).unwrap();
    let line = html
        .lines()
        .find(|l| l.contains("No omega for"))
        .unwrap_or_else(|| panic!("no word on omega"));
    assert_eq!(line.matches("fewer than 3 items").count(), 2, "{line}");
}
