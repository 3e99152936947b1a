//! Open answers (`[[comments]]`, docs/reference.md): the rows of
//! `comments.csv` in codebook order of `about`, then group, then file order;
//! missing codes and empty cells dropped, e-mail addresses and phone numbers
//! scrubbed, formulas escaped, a small group's name left out, never a row
//! that the row checks excluded; the same from an xlsx export; and a
//! comment column the export lacks or an unknown `about` is exit 2.

mod common;

use std::path::Path;

use common::*;

/// Runs the `comments` fixture (or a copy changed by `edit`) into a temp dir.
fn run_comments(
    edit: impl FnOnce(&Path),
) -> (tempfile::TempDir, std::process::Output, std::path::PathBuf) {
    let p = project(&["comments"]);
    let study = p.path().join("input/comments");
    edit(&study);
    let out = run_in(
        p.path(),
        &["run", "--quiet", "--no-charts", "input/comments"],
    );
    let tables = p.path().join("output/comments/ronde-1/tables");
    (p, out, tables)
}

#[test]
fn comments_csv_is_ordered_scrubbed_and_escaped() {
    let (_p, out, tables) = run_comments(|_| {});
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    let csv = std::fs::read_to_string(tables.join("comments.csv")).unwrap();
    insta::assert_snapshot!("comments_csv", csv);
    for never in [
        "resp-0001",
        "Dubbel",
        "@",
        "0612",
        "06-1",
        "1234",
        "weet niet",
        "Weet niet",
        "n.v.t.",
    ] {
        assert!(!csv.contains(never), "{never:?} in comments.csv:\n{csv}");
    }
    let md = std::fs::read_to_string(tables.join("comments.md")).unwrap();
    assert!(md.contains("| a2 | docent | Te vaag |"), "{md}");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(tables.join("summary.xlsx")).unwrap();
    use calamine::Reader;
    let sheet = wb.worksheet_range("Comments").unwrap();
    assert_eq!(sheet.height(), csv.lines().count());
}

/// The fixture's export as an xlsx workbook, every cell a text.
fn write_as_xlsx(csv: &Path, xlsx: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(csv)
        .unwrap();
    for (i, rec) in r.records().enumerate() {
        for (j, cell) in rec.unwrap().iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(i as u32, j as u16, cell).unwrap();
            }
        }
    }
    wb.save(xlsx).unwrap();
}

#[test]
fn an_xlsx_export_gives_the_same_comments() {
    let (_p, _, csv_tables) = run_comments(|_| {});
    let (_q, out, xlsx_tables) = run_comments(|study| {
        write_as_xlsx(
            &study.join("ronde-1/questionnaire.csv"),
            &study.join("ronde-1/questionnaire.xlsx"),
        );
        let toml = std::fs::read_to_string(study.join("study.toml")).unwrap();
        let toml = toml.replace("questionnaire.csv", "questionnaire.xlsx");
        std::fs::write(study.join("study.toml"), toml).unwrap();
    });
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    for t in ["comments.csv", "item_scores.csv"] {
        assert_eq!(
            std::fs::read(csv_tables.join(t)).unwrap(),
            std::fs::read(xlsx_tables.join(t)).unwrap(),
            "{t}"
        );
    }
}

fn edit_toml(study: &Path, from: &str, to: &str) {
    let toml = std::fs::read_to_string(study.join("study.toml")).unwrap();
    assert!(toml.contains(from));
    std::fs::write(study.join("study.toml"), toml.replace(from, to)).unwrap();
}

#[test]
fn a_comment_column_missing_from_the_export_is_exit_2_naming_it() {
    let (_p, out, _) = run_comments(|s| edit_toml(s, "\"Algemeen\"", "\"Algemene opmerkingen\""));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("[[comments]] Algemene opmerkingen"), "{err}");
    assert!(err.contains("Algemene opmerkingen"), "{err}");
}

#[test]
fn an_unknown_about_is_exit_2_naming_it() {
    let (_p, out, _) = run_comments(|s| edit_toml(s, "about = \"a2\"", "about = \"a9\""));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("about") && err.contains("\"a9\""), "{err}");
}
