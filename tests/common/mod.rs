//! Helpers shared by the integration tests: run the binary, read tables.
#![allow(dead_code)]

/// Raw-data definitions of the figures, for recomputing them (see tests/oracle.rs).
pub mod oracle;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The tables of a round, in the order of contract section 3 (and of summary.xlsx).
pub const TABLES: [&str; 7] = [
    "respondents",
    "area_scores",
    "item_scores",
    "reliability",
    "item_reliability",
    "group_tests",
    "data_quality",
];

pub fn peil() -> assert_cmd::Command {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_peil"))
}

/// Copies a folder tree (fixtures into a scratch project folder).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A scratch project folder with the named fixtures under input/.
pub fn project(fixtures: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in fixtures {
        copy_dir(&fixture(f), &dir.path().join("input").join(f));
    }
    dir
}

/// Exit code, stdout and stderr as one text, for snapshots.
pub fn outcome(out: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    peil().current_dir(dir).args(args).output().unwrap()
}

/// A CSV table as rows of column -> value.
pub fn read_table(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .map(String::from)
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The rows of a table whose columns equal the given values.
pub fn rows_where<'a>(
    table: &'a [BTreeMap<String, String>],
    conditions: &[(&str, &str)],
) -> Vec<&'a BTreeMap<String, String>> {
    table
        .iter()
        .filter(|row| {
            conditions
                .iter()
                .all(|(c, v)| row.get(*c).map(String::as_str) == Some(*v))
        })
        .collect()
}

/// The single row matching; panics with the conditions otherwise.
pub fn row<'a>(
    table: &'a [BTreeMap<String, String>],
    conditions: &[(&str, &str)],
) -> &'a BTreeMap<String, String> {
    let rows = rows_where(table, conditions);
    assert_eq!(
        rows.len(),
        1,
        "expected one row for {conditions:?}, found {}",
        rows.len()
    );
    rows[0]
}

/// Every file under a folder, relative path -> bytes, sorted.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// Runs the npuls example (both rounds and their comparison) into a temp
/// dir; gives the dir (kept alive) and the study's output folder.
pub fn run_npuls(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let study = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/npuls-docentondersteuning");
    let o = peil()
        .args(["run", "--quiet", "--out"])
        .arg(out.path())
        .arg(&study)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", outcome(&o));
    let root = out.path().join("npuls-docentondersteuning");
    (out, root)
}

/// The XML parts of a zip container (report.docx, summary.xlsx) as text:
/// what a reader of the file sees, which its compressed bytes hide.
pub fn zip_texts(bytes: &[u8]) -> Result<Vec<String>, String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = f.name().map_err(|e| e.to_string())?.into_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut text = String::new();
        f.read_to_string(&mut text).map_err(|e| e.to_string())?;
        out.push(text);
    }
    Ok(out)
}
