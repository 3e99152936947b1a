//! Atomic outputs: a run killed part-way leaves every file of the previous
//! tree either as it was or as the new complete version, never half a file,
//! and the next run removes the temporary it left (`src/output.rs`).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{copy_dir, fixture, peil, tree};

type Tree = BTreeMap<String, Vec<u8>>;

fn is_temporary(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.starts_with('.') && name.ends_with(".tmp-peil")
}

fn run_ok(study: &Path, out: &Path) -> Tree {
    peil()
        .args(["run", "-q", "--out"])
        .arg(out)
        .arg(study)
        .assert()
        .success();
    tree(out)
}

/// A copy of a study whose questionnaire differs from the original by the
/// replacements given, so that (almost) every output changes.
fn altered_copy(from: &Path, to: &Path, replace: &[(&[u8], &[u8])]) {
    copy_dir(from, to);
    let q = to.join("ronde-1/questionnaire.csv");
    let mut bytes = std::fs::read(&q).unwrap();
    for (old, new) in replace {
        let at = bytes
            .windows(old.len())
            .position(|w| w == *old)
            .unwrap_or_else(|| panic!("{:?} not in {}", String::from_utf8_lossy(old), q.display()));
        bytes.splice(at..at + old.len(), new.iter().copied());
    }
    std::fs::write(&q, bytes).unwrap();
}

/// Every file of `now` is the old or the new version of itself, no file of
/// the old tree went missing, and at most `max_temporaries` temporaries lie
/// about. Returns how many files are already new.
fn check_intact(now: &Tree, old: &Tree, new: &Tree, max_temporaries: usize, when: &str) -> usize {
    let temporaries: Vec<&String> = now.keys().filter(|k| is_temporary(k)).collect();
    assert!(
        temporaries.len() <= max_temporaries,
        "{when}: temporaries left: {temporaries:?}"
    );
    let files: Vec<&String> = now.keys().filter(|k| !is_temporary(k)).collect();
    assert_eq!(
        files,
        old.keys().collect::<Vec<_>>(),
        "{when}: the set of files changed"
    );
    let mut updated = 0;
    for rel in files {
        let bytes = &now[rel];
        if bytes == &new[rel] {
            updated += usize::from(bytes != &old[rel]);
        } else {
            assert!(
                bytes == &old[rel],
                "{when}: {rel} is neither the previous nor the new version ({} bytes)",
                bytes.len()
            );
        }
    }
    updated
}

#[test]
fn aborted_runs_leave_old_or_new_files_and_the_next_run_cleans_up() {
    let scratch = tempfile::tempdir().unwrap();
    let study = scratch.path().join("tiny");
    copy_dir(&fixture("tiny"), &study);
    let out = scratch.path().join("out");
    let old = run_ok(&study, &out);

    // The same study with other ratings: the expected complete new tree.
    let changed = scratch.path().join("changed/tiny");
    altered_copy(
        &fixture("tiny"),
        &changed,
        &[(b"tq008;student;School;4;4;4", b"tq008;student;School;1;2;1")],
    );
    let new = run_ok(&changed, &scratch.path().join("out-new"));
    let differ = old.keys().filter(|k| old[*k] != new[*k]).count();
    assert!(
        differ * 2 > old.len(),
        "only {differ} of {} files differ",
        old.len()
    );

    let n_files = old.len();
    for n in [1, 2, n_files / 2, n_files - 1, n_files] {
        let status = Command::new(env!("CARGO_BIN_EXE_peil"))
            .args(["run", "-q", "--out"])
            .arg(&out)
            .arg(&changed)
            .env("PEIL_TEST_ABORT_AFTER_FILES", n.to_string())
            // An abort may dump core into the working directory.
            .current_dir(scratch.path())
            .status()
            .unwrap();
        assert!(!status.success(), "abort after {n} files: run finished");
        let now = tree(&out);
        let when = format!("aborted at file {n} of {n_files}");
        // The run before may have left its temporary too: exactly one now
        // means this run removed it before writing.
        let temporaries = now.keys().filter(|k| is_temporary(k)).count();
        assert_eq!(temporaries, 1, "{when}: {:?}", now.keys());
        let updated = check_intact(&now, &old, &new, 1, &when);
        assert!(updated < differ, "{when}: every file already new");
    }

    let done = run_ok(&changed, &out);
    assert_eq!(
        done, new,
        "the run after the aborted ones is complete and clean"
    );
}

/// A real SIGKILL at a few moments of a run of the bundled example. Whatever
/// moment the kill lands on (before the first file, mid-file, after the
/// last), the tree must be intact, so the test does not depend on timing; the
/// count of kills that landed mid-run is printed for information.
#[test]
fn sigkilled_runs_leave_old_or_new_files() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/npuls-docentondersteuning");
    let scratch = tempfile::tempdir().unwrap();
    let study = scratch.path().join("a/npuls-docentondersteuning");
    copy_dir(&example, &study);
    let out = scratch.path().join("out");
    let old = run_ok(&study, &out);

    let changed = scratch.path().join("b/npuls-docentondersteuning");
    altered_copy(&example, &changed, &[(b";4;", b";1;"), (b";3;", b";1;")]);
    let new = run_ok(&changed, &scratch.path().join("out-new"));
    assert_ne!(old, new);

    let mut mid_run = 0;
    for delay_ms in [0u64, 20, 60, 120, 200, 350, 600] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_peil"))
            .args(["run", "-q", "--out"])
            .arg(&out)
            .arg(&changed)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL; an error means it had finished
        child.wait().unwrap();
        let now = tree(&out);
        let updated = check_intact(&now, &old, &new, 1, &format!("killed after {delay_ms} ms"));
        let complete = now.keys().all(|k| is_temporary(k) || now[k] == new[k]);
        mid_run += usize::from(updated > 0 && !complete);
    }
    eprintln!("sigkill test: {mid_run} of 7 kills landed part-way through the writing");
    assert_eq!(run_ok(&changed, &out), new);
}

/// A folder that cannot be made (a file stands where it should be, which
/// fails for root too): exit 1 with the path and the fix, from the writer
/// thread's first failed write, while the other threads go on making files.
#[test]
fn an_output_that_cannot_be_written_is_exit_1_naming_the_path() {
    let scratch = tempfile::tempdir().unwrap();
    let study = scratch.path().join("tiny");
    copy_dir(&fixture("tiny"), &study);
    std::fs::write(scratch.path().join("blocker"), b"a file, not a folder").unwrap();
    let out = peil()
        .args(["run", "-q", "--out", "blocker/out"])
        .arg(&study)
        .current_dir(scratch.path())
        .output()
        .unwrap();
    let text = common::outcome(&out).replace(&*study.to_string_lossy(), "<study>");
    insta::assert_snapshot!(text);
}
