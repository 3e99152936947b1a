//! `peil init`: drafts from the canonical example and its MS Forms and
//! LimeSurvey exports (snapshots), which validate and run once the area
//! labels are filled in, and with the same ledger as the hand-written
//! codebooks (so the scale, labels, codes and missing codes were guessed
//! right).

mod common;

use std::path::Path;

use common::{outcome, run_in};

/// (snapshot name, fixture folder, export inside it)
const EXPORTS: [(&str, &str, &str); 3] = [
    (
        "canonical",
        "input/npuls-docentondersteuning",
        "ronde-1/questionnaire.csv",
    ),
    (
        "msforms",
        "tests/data/export-msforms",
        "ronde-1/antwoorden.xlsx",
    ),
    (
        "limesurvey",
        "tests/data/export-limesurvey",
        "ronde-1/results-survey417.csv",
    ),
];

/// A project with the export alone in `study/`.
fn project_with(fixture: &str, export: &str) -> tempfile::TempDir {
    let p = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(fixture)
        .join(export);
    let to = p.path().join("study").join(export);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
    p
}

#[test]
fn drafts_validate_and_run_once_labels_are_filled() {
    for (name, fixture, export) in EXPORTS {
        let p = project_with(fixture, export);
        let export_arg = format!("study/{export}");
        let out = run_in(
            p.path(),
            &["init", &export_arg, "--out", "study/study.toml"],
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", outcome(&out));
        let draft = std::fs::read_to_string(p.path().join("study/study.toml")).unwrap();
        insta::assert_snapshot!(format!("draft_{name}"), draft);

        // Unfilled, the draft is refused and says what to fill in.
        let out = run_in(p.path(), &["validate", "study"]);
        let text = outcome(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {text}");
        assert!(
            text.contains("label: is empty") && text.contains("fill in"),
            "{text}"
        );

        let filled = draft.replace("label = \"\"  # check: fill in", "label = \"Area\"");
        std::fs::write(p.path().join("study/study.toml"), filled).unwrap();
        // The exports hold one invalid cell and 267 missing ones on purpose
        // (the example's README): validate lists them and exits 1.
        let out = run_in(p.path(), &["validate", "study"]);
        let text = outcome(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {text}");
        assert!(
            text.contains("1 invalid cell, 267 missing"),
            "{name}: {text}"
        );
        let out = run_in(p.path(), &["run", "study", "--no-charts", "--quiet"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", outcome(&out));
        let resp =
            common::read_table(&p.path().join("output/study/ronde-1/tables/respondents.csv"));
        assert_eq!(
            common::row(&resp, &[("group", "ALL")])["respondents"],
            "87",
            "{name}"
        );
    }
}

#[test]
fn an_existing_codebook_is_kept_unless_forced() {
    let (_, fixture, export) = EXPORTS[0];
    let p = project_with(fixture, export);
    let export_arg = format!("study/{export}");
    std::fs::write(p.path().join("study/study.toml"), "# mine\n").unwrap();
    let out = run_in(
        p.path(),
        &["init", &export_arg, "--out", "study/study.toml"],
    );
    let text = outcome(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("already exists") && text.contains("--force"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(p.path().join("study/study.toml")).unwrap(),
        "# mine\n"
    );
    let out = run_in(
        p.path(),
        &["init", &export_arg, "--out", "study/study.toml", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    let names: Vec<_> = std::fs::read_dir(p.path().join("study"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("tmp")), "{names:?}");
}

#[test]
fn an_export_without_ratings_is_refused() {
    let p = tempfile::tempdir().unwrap();
    std::fs::write(
        p.path().join("people.csv"),
        "id;naam;stad\n1;Ann;Utrecht\n2;Bo;Delft\n",
    )
    .unwrap();
    let out = run_in(p.path(), &["init", "people.csv"]);
    let text = outcome(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("no column looks like ratings"), "{text}");
    assert!(!p.path().join("study.toml").exists());
}
