//! The study.toml keys of issue 24, each on a small study written by the
//! test itself: anonymous exports (no `id`), `panel = true`, a column per
//! round, `[recode]`, `[consultation] groups`, `shares` without a groups
//! list; and two ways a run must end well: many invalid cells summed up,
//! and a closed stdout.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{peil, read_table, row, rows_where};

/// A study folder `study/` in a scratch directory, from study.toml's text
/// and its files (relative path, content).
fn study(toml: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("study");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("study.toml"), toml).unwrap();
    for (rel, text) in files {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    (dir, root)
}

fn run(root: &Path) -> Output {
    let out = root.parent().unwrap().join("out");
    peil()
        .args(["run", "--out"])
        .arg(&out)
        .arg(root)
        .output()
        .unwrap()
}

fn validate(root: &Path) -> Output {
    peil().arg("validate").arg(root).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
}

fn table(root: &Path, folder: &str, name: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = root.parent().unwrap().join("out/study");
    read_table(&out.join(folder).join(format!("tables/{name}.csv")))
}

fn text(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.parent().unwrap().join("out/study").join(rel)).unwrap()
}

/// study.toml with `respondents` as the `[respondents]` block, two items
/// (`Q1`, `Q2`) in one area, and `rounds` as the rest.
fn codebook(respondents: &str, rest: &str) -> String {
    format!(
        r#"[study]
name = "Keys"
language = "en"

[scale]
min = 1
max = 4
missing = [""]

[respondents]
{respondents}

[[measures]]
id = "h"
label = "H"

[[areas]]
id = "a"
label = "A"

[[items]]
id = "q1"
area = "a"
text = "First"
columns = {{ h = "Q1" }}

[[items]]
id = "q2"
area = "a"
text = "Second"
columns = {{ h = "Q2" }}

[privacy]
min_cell = 2

{rest}"#
    )
}

const ONE_ROUND: &str = r#"[[rounds]]
id = "r1"
questionnaire = "r1.csv"
"#;

const TWO_ROUNDS: &str = r#"[[rounds]]
id = "r1"
questionnaire = "r1.csv"

[[rounds]]
id = "r2"
questionnaire = "r2.csv"
"#;

#[test]
fn an_anonymous_export_counts_every_row_and_names_rows_by_line() {
    // The first header cell is empty (LimeSurvey's row number), two rows
    // are the same answers (no duplicate check without an id), one row has
    // no group (excluded, named by its line).
    let csv =
        ",groep,Q1,Q2\n1,docent,3,4\n2,docent,3,4\n3,,2,2\n4,werkgever,1,2\n5,werkgever,2,3\n";
    let (_d, root) = study(
        &codebook("group = \"groep\"", ONE_ROUND),
        &[("r1.csv", csv)],
    );
    ok(&run(&root));
    let people = table(&root, "r1", "respondents");
    assert_eq!(row(&people, &[("group", "ALL")])["respondents"], "4");
    assert_eq!(row(&people, &[("group", "docent")])["respondents"], "2");
    let ledger = table(&root, "r1", "data_quality");
    let empty = row(&ledger, &[("reason", "empty group")]);
    assert_eq!(
        (empty["line"].as_str(), empty["column"].as_str()),
        ("4", "groep")
    );
    // `id = ""` still says how to declare an anonymous survey.
    let (_e, bad) = study(
        &codebook("id = \"\"\ngroup = \"groep\"", ONE_ROUND),
        &[("r1.csv", csv)],
    );
    let o = validate(&bad);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("leave [respondents] id out for an anonymous survey"),
        "{}",
        stderr(&o)
    );
}

const PANEL_R1: &str =
    "id,groep,Q1,Q2\np1,docent,2,3\np2,docent,3,3\np3,werkgever,2,2\np4,werkgever,1,2\n";
const PANEL_R2: &str =
    "id,groep,Q1,Q2\np1,docent,3,3\np2,docent,4,4\np3,werkgever,2,3\np4,werkgever,2,2\n";

#[test]
fn paired_figures_only_for_a_declared_panel() {
    let files = [("r1.csv", PANEL_R1), ("r2.csv", PANEL_R2)];
    let (_a, undeclared) = study(
        &codebook("id = \"id\"\ngroup = \"groep\"", TWO_ROUNDS),
        &files,
    );
    ok(&run(&undeclared));
    let items = table(&undeclared, "compare-r1-r2", "compare_items");
    assert!(
        !items[0].contains_key("n_paired"),
        "ids alone make no panel"
    );
    let html = text(&undeclared, "compare-r1-r2/report.html");
    assert!(html.contains("The study declares no panel (panel = true): the rounds are compared as independent samples."));
    assert!(!html.contains("took part in both rounds"));

    let declared = codebook("id = \"id\"\npanel = true\ngroup = \"groep\"", TWO_ROUNDS);
    let (_b, panel) = study(&declared, &files);
    ok(&run(&panel));
    let items = table(&panel, "compare-r1-r2", "compare_items");
    let all = row(&items, &[("id", "q1"), ("group", "ALL")]);
    assert_eq!(all["n_paired"], "4");
    // p1, p2, p4 changed their q1 rating, p3 did not.
    assert_eq!(all["changed"], "0.750000");
    assert!(text(&panel, "compare-r1-r2/report.html")
        .contains("4 respondents took part in both rounds"));

    let (_c, anonymous) = study(
        &codebook("panel = true\ngroup = \"groep\"", TWO_ROUNDS),
        &files,
    );
    let o = validate(&anonymous);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[respondents] panel"), "{}", stderr(&o));
}

#[test]
fn a_panel_of_row_numbers_is_warned_about_not_ledgered() {
    let r1 = "nr,groep,Q1,Q2\n1,docent,2,3\n2,docent,3,3\n3,werkgever,2,2\n";
    let r2 = "nr,groep,Q1,Q2\n1,docent,3,3\n2,werkgever,4,4\n3,werkgever,2,3\n4,docent,1,1\n";
    let toml = codebook("id = \"nr\"\npanel = true\ngroup = \"groep\"", TWO_ROUNDS);
    let (_d, root) = study(&toml, &[("r1.csv", r1), ("r2.csv", r2)]);
    let warning = "peil: warning: panel = true, but the ids of rounds r1 and r2 are whole numbers rising row by row";
    let v = validate(&root);
    assert_eq!(
        v.status.code(),
        Some(0),
        "a warning is no ledger entry: {}",
        stderr(&v)
    );
    assert!(stderr(&v).contains(warning), "{}", stderr(&v));
    let r = run(&root);
    ok(&r);
    assert!(stderr(&r).contains(warning), "{}", stderr(&r));
    let ledger = table(&root, "r2", "data_quality");
    assert_eq!(ledger.len(), 1, "only the total row");
}

#[test]
fn a_column_per_round_keeps_the_item_and_its_comments_where_they_are() {
    let toml = codebook("group = \"groep\"", TWO_ROUNDS)
        .replace(
            "columns = { h = \"Q1\" }",
            "columns = { h = { r1 = \"Q1\", r2 = \"likert[Q1]\" } }",
        )
        .replace(
            "columns = { h = \"Q2\" }",
            "columns = { h = { r1 = \"Q2\" } }",
        )
        + "\n[[comments]]\ncolumn = { r2 = \"Toelichting\" }\n";
    let r1 = "groep,Q1,Q2\ndocent,3,4\ndocent,2,4\nwerkgever,3,3\nwerkgever,2,2\n";
    let r2 = "groep,likert[Q1],Toelichting\ndocent,4,Prima\ndocent,3,\nwerkgever,4,Helder\nwerkgever,3,\n";
    let (_d, root) = study(&toml, &[("r1.csv", r1), ("r2.csv", r2)]);
    ok(&run(&root));
    let items = table(&root, "compare-r1-r2", "compare_items");
    assert_eq!(
        row(&items, &[("id", "q1"), ("group", "ALL")])["status"],
        "same"
    );
    assert_eq!(
        row(&items, &[("id", "q2"), ("group", "ALL")])["status"],
        "dropped"
    );
    let q1 = row(
        &table(&root, "r2", "item_scores"),
        &[("item", "q1"), ("group", "ALL")],
    )
    .clone();
    assert_eq!(q1["mean"], "3.500000");
    assert!(rows_where(&table(&root, "r2", "item_scores"), &[("item", "q2")]).is_empty());
    assert_eq!(table(&root, "r2", "comments").len(), 2);
    // A column the table names for a round must be in that round's export.
    let missing = toml.replace("r2 = \"Toelichting\"", "r2 = \"Opmerking\"");
    let (_e, bad) = study(&missing, &[("r1.csv", r1), ("r2.csv", r2)]);
    let o = run(&bad);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"Opmerking\", named by [[comments]]"),
        "{}",
        stderr(&o)
    );
    // A round the codebook does not have is a configuration error.
    let unknown = toml.replace("r2 = \"Toelichting\"", "r3 = \"Toelichting\"");
    let (_f, bad) = study(&unknown, &[("r1.csv", r1), ("r2.csv", r2)]);
    assert!(stderr(&validate(&bad)).contains("[[comments]] column.r3: round \"r3\" is not defined"));
}

#[test]
fn a_recode_merges_a_small_group_and_lifts_secondary_suppression() {
    // "Werkgevers" (2 people) is a spelling of "werkgever": alone it is
    // below min_cell 5, and hiding it hides the smallest group shown too.
    let mut csv = String::from("groep,functie,Q1,Q2\n");
    for (g, f, n) in [
        ("docent", "Leraar", 6),
        ("werkgever", "staf", 5),
        ("Werkgevers", "leraar ", 2),
    ] {
        for i in 0..n {
            csv.push_str(&format!("{g},{f},{},{}\n", 1 + i % 4, 1 + (i + 1) % 4));
        }
    }
    let respondents = "group = \"groep\"\nbreakdowns = [\"functie\"]";
    let plain = codebook(respondents, ONE_ROUND).replace("min_cell = 2", "min_cell = 5");
    let (_a, before) = study(&plain, &[("r1.csv", &csv)]);
    ok(&run(&before));
    let areas = table(&before, "r1", "area_scores");
    assert_eq!(
        row(&areas, &[("group", "werkgever")])["suppressed"],
        "true",
        "secondary"
    );

    let recode =
        "[recode.groep]\n\"WERKGEVERS\" = \"werkgever\"\n\n[recode.functie]\nLeraar = \"docent\"\n";
    let (_b, after) = study(&format!("{plain}\n{recode}"), &[("r1.csv", &csv)]);
    let o = run(&after);
    ok(&o);
    let areas = table(&after, "r1", "area_scores");
    let werkgever = row(&areas, &[("group", "werkgever")]);
    assert_eq!(
        (werkgever["n"].as_str(), werkgever["suppressed"].as_str()),
        ("7", "false")
    );
    assert!(rows_where(&areas, &[("group", "Werkgevers")]).is_empty());
    let by = table(&after, "r1", "by-functie/respondents");
    let groups: Vec<(&str, &str)> = by
        .iter()
        .map(|r| (r["group"].as_str(), r["respondents"].as_str()))
        .collect();
    assert_eq!(groups, [("ALL", "13"), ("docent", "8"), ("staf", "5")]);
    assert!(stderr(&o)
        .contains("peil: note: column \"groep\": \"WERKGEVERS\" read as \"werkgever\" ([recode])"));
    assert!(text(&after, "r1/report.html").contains("Merged values in"));
    assert_eq!(
        table(&after, "r1", "data_quality").len(),
        1,
        "a recode is no ledger entry"
    );
    // A recode of a column that is no group, institution or breakdown.
    let (_c, bad) = study(
        &format!("{plain}\n[recode.Q1]\n\"1\" = \"2\"\n"),
        &[("r1.csv", &csv)],
    );
    assert!(stderr(&validate(&bad)).contains("[recode.\"Q1\"]: names no group"));
}

#[test]
fn consultation_groups_are_not_the_questionnaires() {
    let rest = format!(
        "{}consultation = \"notes.csv\"\n\n[consultation]\nthemes = [\"opleiding\"]\nstances = [\"steun\"]\n",
        ONE_ROUND
    );
    let csv = "groep,Q1,Q2\nmbo,3,4\nmbo,2,4\nhbo,3,3\nhbo,2,2\n";
    let notes = "session,date,group,participants,theme,domain,stance,statement\n\
                 S1,2025-01-01,instructeurs,3,opleiding,,steun,Goed\n\
                 S1,2025-01-01,docenten,2,opleiding,,steun,Ook goed\n";
    let toml = codebook("group = \"groep\"\ngroups = [\"mbo\", \"hbo\"]", &rest);
    let (_a, root) = study(&toml, &[("r1.csv", csv), ("notes.csv", notes)]);
    ok(&run(&root));
    let people = table(&root, "r1", "participants");
    assert_eq!(row(&people, &[("group", "ALL")])["participants"], "5");
    let listed = toml.replace(
        "stances = [\"steun\"]",
        "stances = [\"steun\"]\ngroups = [\"docenten\"]",
    );
    let (_b, root) = study(&listed, &[("r1.csv", csv), ("notes.csv", notes)]);
    ok(&run(&root));
    assert_eq!(
        row(&table(&root, "r1", "participants"), &[("group", "ALL")])["participants"],
        "2"
    );
    let ledger = table(&root, "r1", "data_quality");
    let out = row(&ledger, &[("reason", "group not in [consultation] groups")]);
    assert_eq!(
        (out["line"].as_str(), out["value"].as_str()),
        ("2", "instructeurs")
    );
}

#[test]
fn shares_name_the_groups_without_a_groups_list() {
    let csv = "groep,Q1,Q2\nmbo,4,4\nmbo,4,4\nmbo,4,4\nhbo,2,2\n";
    let weights = |shares: &str| {
        let rest = format!("[weights]\nby = \"group\"\nshares = {{ {shares} }}\n\n{ONE_ROUND}");
        codebook("group = \"groep\"", &rest)
    };
    let (_a, root) = study(&weights("MBO = 0.5, hbo = 0.5"), &[("r1.csv", csv)]);
    ok(&run(&root));
    let all = row(
        &table(&root, "r1", "item_scores"),
        &[("item", "q1"), ("group", "ALL")],
    )
    .clone();
    assert_eq!(all["mean"], "3.000000", "mbo 4 and hbo 2, half each");
    for (shares, says) in [
        ("mbo = 1.0", "group \"hbo\" has respondents but no share"),
        (
            "mbo = 0.5, hbo = 0.25, wo = 0.25",
            "group \"wo\" has a share but no respondent",
        ),
    ] {
        let (_b, bad) = study(&weights(shares), &[("r1.csv", csv)]);
        let o = run(&bad);
        assert_eq!(o.status.code(), Some(2), "{shares}");
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
    }
}

#[test]
fn many_invalid_cells_are_summed_up_by_column_and_value() {
    let mut csv = String::from("groep,Q1,Q2\n");
    for i in 0..30 {
        let yes = if i % 3 == 0 { "No" } else { "Yes" };
        csv.push_str(&format!("{},{},{yes}\n", ["mbo", "hbo"][i % 2], 1 + i % 4));
    }
    let (_d, root) = study(
        &codebook("group = \"groep\"", ONE_ROUND),
        &[("r1.csv", &csv)],
    );
    let summed = "`Q2`: `Yes` x 20, `No` x 10: is this column a rating item?";
    let o = validate(&root);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(summed), "{}", stderr(&o));
    let o = run(&root);
    ok(&o);
    assert!(stderr(&o).contains(summed), "{}", stderr(&o));
    let md = text(&root, "r1/tables/data_quality.md");
    assert!(md.contains("Invalid cells by column and value: r1.csv: `Q2`: `Yes` x 20, `No` x 10: is this column a rating item?"), "{md}");
    assert_eq!(
        table(&root, "r1", "data_quality").len(),
        31,
        "every cell is still listed"
    );
}

/// A closed stdout: a socket whose other end is closed before peil starts,
/// so that its first write fails (a shell pipeline would report head's
/// status instead of peil's).
#[cfg(unix)]
fn with_closed_stdout(args: &[&std::ffi::OsStr]) -> Output {
    let (ours, theirs) = std::os::unix::net::UnixStream::pair().unwrap();
    drop(ours);
    let fd: std::os::fd::OwnedFd = theirs.into();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_peil"))
        .args(args)
        .stdout(std::process::Stdio::from(fd))
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    o
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_ends_quietly_with_the_commands_own_exit_code() {
    // One invalid cell: validate exits 1 (findings), run exits 0.
    let csv = "groep,Q1,Q2\nmbo,3,4\nmbo,2,9\nhbo,3,3\nhbo,2,2\n";
    let (_d, root) = study(
        &codebook("group = \"groep\"", ONE_ROUND),
        &[("r1.csv", csv)],
    );
    let out = root.parent().unwrap().join("closed");
    let validate_args = ["validate".as_ref(), root.as_os_str()];
    let run_args = [
        "run".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
        root.as_os_str(),
    ];
    for (args, code) in [(&validate_args[..], 1), (&run_args[..], 0)] {
        let open = peil().args(args).output().unwrap();
        assert_eq!(open.status.code(), Some(code), "{}", stderr(&open));
        let closed = with_closed_stdout(args);
        assert_eq!(
            closed.status.code(),
            open.status.code(),
            "{}",
            stderr(&closed)
        );
        assert!(!stderr(&closed).contains("panicked"), "{}", stderr(&closed));
        assert!(
            !stderr(&closed).contains("Broken pipe"),
            "{}",
            stderr(&closed)
        );
    }
    assert!(
        out.join("study/r1/report.html").exists(),
        "run still wrote its outputs"
    );
}
