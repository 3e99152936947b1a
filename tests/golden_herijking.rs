//! Golden test: the bundled example `herijking-instructeurs` reproduces the
//! participation published in the *Advies Herijking Bekwaamheidseisen
//! Instructeurs in het mbo* (seed 000): 15 instructeurs, about 25 docenten,
//! 8 opleiders, 20 werkgevers and 10 other experts in the input
//! consultations of round 1 (sessions of 1 to 5 people), and a written
//! round 2 with about 20 instructeurs and 8 organisations. The statements
//! and ratings are synthetic (see the study's README); these counts are the
//! published ones.

mod common;

use common::*;
use std::path::Path;

const STUDY: &str = "herijking-instructeurs";

fn run_example() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let study = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("input")
        .join(STUDY);
    let o = peil()
        .args(["run", "--quiet", "--no-charts", "--out"])
        .arg(out.path())
        .arg(&study)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", outcome(&o));
    let root = out.path().join(STUDY);
    (out, root)
}

fn participants(root: &Path, round: &str) -> Vec<(String, String, String)> {
    read_table(&root.join(round).join("tables/participants.csv"))
        .into_iter()
        .map(|r| {
            (
                r["group"].clone(),
                r["sessions"].clone(),
                r["participants"].clone(),
            )
        })
        .collect()
}

#[test]
fn round_one_consultations_reproduce_the_published_participation() {
    let (_o, root) = run_example();
    let p = participants(&root, "ronde-1");
    let people: Vec<(&str, &str)> = p.iter().map(|(g, _, n)| (g.as_str(), n.as_str())).collect();
    assert_eq!(
        people,
        [
            ("ALL", "78"),
            ("instructeurs", "15"),
            ("docenten", "25"),
            ("opleiders", "8"),
            ("werkgevers", "20"),
            ("overige experts", "10"),
            ("organisaties", "0"),
        ]
    );
    // Sessions of 1 to 5 people: no group can have fewer sessions than
    // participants / 5.
    for (group, sessions, n) in &p[1..6] {
        let (s, n): (u64, u64) = (sessions.parse().unwrap(), n.parse().unwrap());
        assert!(s * 5 >= n && s <= n, "{group}: {s} sessions, {n} people");
    }
}

#[test]
fn round_two_is_the_written_round_of_20_instructeurs_and_8_organisations() {
    let (_o, root) = run_example();
    let p = participants(&root, "ronde-2");
    let find = |g: &str| p.iter().find(|r| r.0 == g).unwrap().2.clone();
    assert_eq!(find("instructeurs"), "20");
    assert_eq!(find("organisaties"), "8");
    // The questionnaire's overige experts (4) are below min_cell (5).
    let items = read_table(&root.join("ronde-2/tables/item_scores.csv"));
    let small: Vec<_> = items
        .iter()
        .filter(|r| r["group"] == "overige experts")
        .collect();
    assert!(!small.is_empty());
    for r in small {
        assert_eq!((r["suppressed"].as_str(), r["mean"].as_str()), ("true", ""));
    }
}
