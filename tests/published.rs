//! `[[published]]`: figures as printed in a report, checked at every run
//! (docs/reference.md, "Published figures"). The expected values are read
//! from the fixture's own tables here, not from peil's check.

mod common;

use common::*;

/// The tiny fixture with `entries` appended to its study.toml.
fn tiny_with(entries: &str) -> tempfile::TempDir {
    let dir = project(&["tiny"]);
    let toml = dir.path().join("input/tiny/study.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n{entries}")).unwrap();
    dir
}

/// 6 respondents (a count), a mean of 2.833333 printed "2,8" and a
/// suppressed group's mean.
const ENTRIES: &str = r#"
[[published]]
round = "ronde-1"
table = "respondents"
where = { group = "ALL" }
column = "respondents"
value = "6"
source = "our report, p. 3"

[[published]]
round = "ronde-1"
table = "area_scores"
where = { measure = "herkenbaarheid", area = "a", group = "ALL" }
column = "mean"
value = "2,9"

[[published]]
round = "ronde-1"
table = "area_scores"
where = { measure = "herkenbaarheid", area = "a", group = "werkgever" }
column = "mean"
value = "3,5"
"#;

#[test]
fn figures_reproduced_or_not_are_listed_and_strict_exits_1() {
    let dir = tiny_with(ENTRIES);
    let o = run_in(dir.path(), &["run", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", outcome(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    // 2.833333 rounds to 2,8, not the printed 2,9; the hidden group's
    // figure is not mentioned at all.
    assert!(
        stderr.contains("published figure not reproduced: area_scores mean"),
        "{stderr}"
    );
    assert!(stderr.contains("published 2,9, computed 2.833"), "{stderr}");
    assert_eq!(stderr.matches("not reproduced").count(), 1, "{stderr}");
    let round = dir.path().join("output/tiny/ronde-1");
    let rows = read_table(&round.join("tables/published.csv"));
    let reproduced: Vec<&str> = rows.iter().map(|r| r["reproduced"].as_str()).collect();
    assert_eq!(reproduced, ["yes", "no", "hidden"]);
    assert_eq!(rows[2]["computed"], "", "nothing said of a suppressed row");
    assert_eq!(rows[0]["source"], "our report, p. 3");
    let html = std::fs::read_to_string(round.join("report.html")).unwrap();
    assert!(
        html.contains("1 of 2 published figures reproduced (source: our report, p. 3)"),
        "report"
    );
    let strict = run_in(dir.path(), &["run", "--quiet", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", outcome(&strict));
}

#[test]
fn a_where_matching_several_rows_is_exit_2_naming_the_entry_and_the_keys() {
    let dir = tiny_with(
        r#"
[[published]]
round = "ronde-1"
table = "area_scores"
where = { measure = "herkenbaarheid", group = "ALL" }
column = "mean"
value = "2,8"
"#,
    );
    let o = run_in(dir.path(), &["run", "--quiet"]);
    assert_eq!(o.status.code(), Some(2), "{}", outcome(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("[[published]] #1 (area_scores, mean)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("add the keys that tell them apart: area"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_column_is_exit_2_before_any_data_is_read() {
    let dir = tiny_with(
        r#"
[[published]]
round = "ronde-1"
table = "area_scores"
where = { group = "ALL" }
column = "average"
value = "2,8"
"#,
    );
    let o = run_in(dir.path(), &["run", "--quiet"]);
    assert_eq!(o.status.code(), Some(2), "{}", outcome(&o));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("column \"average\" is not a column peil writes"));
    assert!(
        !dir.path().join("output/tiny/ronde-1").exists(),
        "nothing written"
    );
}

/// The bundled npuls example lists the figures of its source report:
/// every one is reproduced, and the report's first page says so.
#[test]
fn the_npuls_example_reproduces_every_published_figure() {
    let (_o, root) = run_npuls(&[]);
    let rows = read_table(&root.join("ronde-1/tables/published.csv"));
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().all(|r| r["reproduced"] == "yes"), "{rows:?}");
    let html = std::fs::read_to_string(root.join("ronde-1/report.html")).unwrap();
    let said = html
        .find("14 van de 14 gepubliceerde cijfers gereproduceerd")
        .unwrap();
    assert!(
        said < html.find("gebieden en besluiten per item").unwrap(),
        "on the first page"
    );
}
