//! Hostile inputs: every folder under `tests/data/hostile/` is a study folder
//! plus an `expect.toml` saying what peil must do with it (see the README
//! there). Each case is its own test, named after its folder; a last test
//! fails if a folder is missing from the list.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

/// Longest a single case may run before it is killed and counted a hang.
const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Fragments {
    One(String),
    All(Vec<String>),
}

impl Fragments {
    fn all(&self) -> Vec<&str> {
        match self {
            Fragments::One(s) => vec![s.as_str()],
            Fragments::All(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// `expect.toml` of one case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// `run` or `validate`.
    command: String,
    exit: i32,
    /// Text(s) that must appear in stdout + stderr.
    fragment: Fragments,
    /// A file the test writes at run time instead of committing it.
    generate: Option<String>,
    /// Texts that must occur in some `tables/*.csv` of the output.
    #[serde(default)]
    csv_contains: Vec<String>,
    /// Texts that must occur in no output file (xlsx read as cells), nor in
    /// stdout or stderr.
    #[serde(default)]
    absent: Vec<String>,
    /// `respondents` of the `ALL` row of `respondents.csv`.
    respondents: Option<u64>,
    /// The ledger's total rows: nothing excluded, no invalid cell.
    #[serde(default)]
    ledger_clean: bool,
    /// Upper bound on the bytes of stdout + stderr.
    max_output_bytes: Option<usize>,
}

fn hostile_root() -> PathBuf {
    common::fixture("hostile")
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(hostile_root())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies a case folder without its expect.toml.
fn copy_case(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_name() == "expect.toml" {
            continue;
        }
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            common::copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

const HEADER: [&str; 6] = ["id", "groep", "instelling", "A1", "A2", "B1"];
const ROWS: [[&str; 6]; 8] = [
    ["r01", "docent", "ROC A", "4", "3", "2"],
    ["r02", "docent", "ROC A", "3", "3", "4"],
    ["r03", "docent", "ROC B", "3", "2", "4"],
    ["r04", "werkgever", "Bedrijf X", "2", "2", "3"],
    ["r05", "werkgever", "Bedrijf Y", "1", "3", "3"],
    ["r06", "werkgever", "Bedrijf Y", "4", "4", "4"],
    ["r07", "student", "School", "4", "4", "3"],
    ["r08", "student", "School", "3", "2", "2"],
];

fn csv_lines(rows: Vec<Vec<String>>) -> String {
    let mut out = String::new();
    for r in rows {
        out.push_str(&r.join(";"));
        out.push('\n');
    }
    out
}

fn base_rows() -> Vec<Vec<String>> {
    std::iter::once(HEADER.map(String::from).to_vec())
        .chain(ROWS.iter().map(|r| r.map(String::from).to_vec()))
        .collect()
}

/// Writes the file a case names in `generate`, inside the copied study.
fn generate(kind: &str, study: &Path) -> Result<(), String> {
    let q = study.join("ronde-1/questionnaire.csv");
    std::fs::create_dir_all(q.parent().unwrap()).unwrap();
    match kind {
        // Cell A2 of line 3 (r02) holds 10 MiB.
        "big_field" => {
            let mut rows = base_rows();
            rows[2][4] = "A".repeat(10 << 20);
            std::fs::write(&q, csv_lines(rows)).unwrap();
        }
        // 10,000 columns; the codebook's six at 1-3, 5000, 9000 and 10000.
        "wide_10000" => {
            let width = 10_000;
            let at = |i: usize| match i {
                0..=2 => Some(i),
                4999 => Some(3),
                8999 => Some(4),
                9999 => Some(5),
                _ => None,
            };
            let mut rows = Vec::new();
            rows.push(
                (0..width)
                    .map(|i| at(i).map_or_else(|| format!("X{i:05}"), |j| HEADER[j].to_string()))
                    .collect(),
            );
            for r in ROWS {
                rows.push(
                    (0..width)
                        .map(|i| at(i).map_or_else(|| "1".to_string(), |j| r[j].to_string()))
                        .collect(),
                );
            }
            std::fs::write(&q, csv_lines(rows)).unwrap();
        }
        // Ids, groups and institutions of 10,000 characters.
        "long_names" => {
            let long = |prefix: String| {
                let mut s = prefix;
                while s.len() < 10_000 {
                    s.push('x');
                }
                s
            };
            let mut rows = base_rows();
            for (n, r) in rows.iter_mut().enumerate().skip(1) {
                r[0] = long(format!("respondent-{n:06}-"));
                r[1] = long(format!("{}-", r[1]));
                r[2] = long(format!("{}-", r[2]));
            }
            std::fs::write(&q, csv_lines(rows)).unwrap();
        }
        // 100,000 respondents: the base rows again and again.
        "many_rows" => {
            let mut text = HEADER.join(";");
            text.push('\n');
            for n in 0..100_000 {
                let r = ROWS[n % ROWS.len()];
                text.push_str(&format!("r{n:06};{}\n", r[1..].join(";")));
            }
            std::fs::write(&q, text).unwrap();
        }
        "symlink_passwd" => {
            #[cfg(unix)]
            std::os::unix::fs::symlink("/etc/passwd", &q).unwrap();
            #[cfg(not(unix))]
            return Err("symlink_passwd needs unix".into());
        }
        "fifo" => {
            let ok = Command::new("mkfifo")
                .arg(&q)
                .status()
                .map_err(|e| format!("mkfifo: {e}"))?
                .success();
            if !ok {
                return Err("mkfifo failed".into());
            }
        }
        other => return Err(format!("unknown generate = {other:?}")),
    }
    Ok(())
}

/// Runs peil with a timeout; `None` for the exit code when it was killed.
fn run_with_timeout(dir: &Path, args: &[&str]) -> (Option<i32>, String, String, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_peil"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pipe = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = pipe(Box::new(child.stdout.take().unwrap()));
    let err = pipe(Box::new(child.stderr.take().unwrap()));
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    (code, out.join().unwrap(), err.join().unwrap(), elapsed)
}

/// A float that the contract's fixed formatting never writes (undefined
/// figures are empty).
fn not_finite(s: &str) -> bool {
    let t = s.trim().trim_start_matches(['-', '+']).to_ascii_lowercase();
    t == "nan" || t == "inf" || t == "infinity"
}

/// Would a spreadsheet run this text as a formula?
fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '@']) || (s.starts_with('-') && s.parse::<f64>().is_err())
}

/// Every file under `dir`, relative path -> path.
fn files_under(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    if dir.exists() {
        for (rel, _) in common::tree(dir) {
            out.insert(rel.clone(), dir.join(&rel));
        }
    }
    out
}

/// The text cells of an xlsx workbook, plus any formulas in it.
fn xlsx_strings(path: &Path) -> Result<(Vec<String>, Vec<String>), String> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| format!("{e}"))?;
    let (mut strings, mut formulas) = (Vec::new(), Vec::new());
    for name in wb.sheet_names().to_vec() {
        let range = wb.worksheet_range(&name).map_err(|e| format!("{e}"))?;
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                strings.push(s.clone());
            }
        }
        if let Ok(f) = wb.worksheet_formula(&name) {
            formulas.extend(f.used_cells().map(|c| format!("{name}: {}", c.2)));
        }
    }
    Ok((strings, formulas))
}

/// Checks one case; returns its problems (empty when it passes).
fn check_case(name: &str) -> (Vec<String>, String) {
    let src = hostile_root().join(name);
    let mut problems = Vec::new();
    let expect: Expect = match std::fs::read_to_string(src.join("expect.toml"))
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(e) => e,
        Err(e) => return (vec![format!("expect.toml: {e}")], String::new()),
    };
    let project = tempfile::tempdir().unwrap();
    let study = project.path().join("input").join(name);
    copy_case(&src, &study);
    if let Some(kind) = &expect.generate {
        if let Err(e) = generate(kind, &study) {
            return (vec![e], String::new());
        }
    }
    let study_arg = format!("input/{name}");
    let (code, stdout, stderr, elapsed) =
        run_with_timeout(project.path(), &[&expect.command, &study_arg]);
    let shown = |s: &str| {
        if s.len() > 2000 {
            let mut end = 2000;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}... ({} bytes)", &s[..end], s.len())
        } else {
            s.to_string()
        }
    };
    let transcript = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        code.map_or("killed after timeout".to_string(), |c| c.to_string()),
        shown(&stdout),
        shown(&stderr)
    );
    let Some(code) = code else {
        problems.push(format!("no exit within {}s (hang)", TIMEOUT.as_secs()));
        return (problems, transcript);
    };
    if code != expect.exit {
        problems.push(format!("exit {code}, expected {}", expect.exit));
    }
    let both = format!("{stdout}{stderr}");
    for f in expect.fragment.all() {
        if !both.contains(f) {
            problems.push(format!("output lacks {f:?}"));
        }
    }
    for bad in ["panicked", "RUST_BACKTRACE"] {
        if stderr.contains(bad) {
            problems.push(format!("stderr contains {bad:?}"));
        }
    }
    if let Some(max) = expect.max_output_bytes {
        if both.len() > max {
            problems.push(format!(
                "stdout+stderr is {} bytes (at most {max})",
                both.len()
            ));
        }
    }
    if elapsed > TIMEOUT / 2 {
        problems.push(format!("took {:.1}s", elapsed.as_secs_f64()));
    }

    // The outputs, when any were written.
    let out_dir = project.path().join("output").join(name);
    let rounds: Vec<PathBuf> = if out_dir.is_dir() {
        let mut r: Vec<PathBuf> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        r.sort();
        r
    } else {
        Vec::new()
    };
    if expect.command == "run" && code == 0 && rounds.is_empty() {
        problems.push(format!("exit 0 but no output/{name}/<round>/ was written"));
    }
    let mut all_rows = 0;
    for round in &rounds {
        let rname = round.file_name().unwrap().to_string_lossy().into_owned();
        let tables = round.join("tables");
        let dq = tables.join("data_quality.csv");
        if code == 0 && !dq.exists() {
            problems.push(format!("{rname}: exit 0 but no tables/data_quality.csv"));
        }
        if dq.exists() {
            problems.extend(
                check_ledger(&dq, expect.ledger_clean)
                    .into_iter()
                    .map(|p| format!("{rname}: data_quality.csv: {p}")),
            );
        }
        let resp = tables.join("respondents.csv");
        if let (Some(n), true) = (expect.respondents, resp.exists()) {
            let t = common::read_table(&resp);
            let all = common::rows_where(&t, &[("group", "ALL")]);
            let got = all.first().map(|r| r["respondents"].clone());
            if got.as_deref() != Some(n.to_string().as_str()) {
                problems.push(format!(
                    "{rname}: respondents.csv ALL respondents = {got:?}, expected {n}"
                ));
            }
            all_rows += 1;
        }
        // Formula escaping in every CSV table, and the texts asked for.
        let mut csv_text = String::new();
        if tables.is_dir() {
            let mut names: Vec<PathBuf> = std::fs::read_dir(&tables)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "csv"))
                .collect();
            names.sort();
            for p in names {
                let file = p.file_name().unwrap().to_string_lossy().into_owned();
                let mut r = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_path(&p)
                    .unwrap();
                for (i, rec) in r.records().enumerate() {
                    match rec {
                        Ok(rec) => {
                            for (j, v) in rec.iter().enumerate() {
                                if not_finite(v) {
                                    problems.push(format!(
                                        "{rname}: tables/{file} record {} field {}: {v:?}",
                                        i + 1,
                                        j + 1
                                    ));
                                }
                                if formula_like(v) {
                                    problems.push(format!(
                                        "{rname}: tables/{file} record {} field {}: {:?} is not escaped",
                                        i + 1,
                                        j + 1,
                                        shown(v)
                                    ));
                                }
                            }
                        }
                        Err(e) => problems.push(format!("{rname}: tables/{file}: {e}")),
                    }
                }
                csv_text.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
            }
            let xlsx = tables.join("summary.xlsx");
            if xlsx.exists() {
                match xlsx_strings(&xlsx) {
                    Ok((strings, formulas)) => {
                        for s in strings.iter().filter(|s| formula_like(s)) {
                            problems.push(format!(
                                "{rname}: summary.xlsx: text {:?} is not escaped",
                                shown(s)
                            ));
                        }
                        for f in formulas {
                            problems.push(format!("{rname}: summary.xlsx holds a formula: {f}"));
                        }
                    }
                    Err(e) => problems.push(format!("{rname}: summary.xlsx unreadable: {e}")),
                }
            }
        }
        for want in &expect.csv_contains {
            if !csv_text.contains(want.as_str()) {
                problems.push(format!("{rname}: no tables/*.csv contains {want:?}"));
            }
        }
    }
    if expect.respondents.is_some() && code == 0 && all_rows == 0 {
        problems.push("no respondents.csv to check".into());
    }
    if !expect.csv_contains.is_empty() && rounds.is_empty() {
        problems.push("csv_contains given but no tables were written".into());
    }

    // Texts that must not reach any output or message.
    for (rel, path) in files_under(&project.path().join("output")) {
        let texts: Vec<String> = if rel.ends_with(".xlsx") {
            match xlsx_strings(&path) {
                Ok((s, _)) => s,
                Err(e) => {
                    problems.push(format!("{rel}: unreadable: {e}"));
                    continue;
                }
            }
        } else {
            vec![String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned()]
        };
        for a in &expect.absent {
            if texts.iter().any(|t| t.contains(a.as_str())) {
                problems.push(format!("output file {rel} contains {a:?}"));
            }
        }
    }
    for a in &expect.absent {
        if both.contains(a.as_str()) {
            problems.push(format!("stdout/stderr contains {a:?}"));
        }
    }
    (problems, transcript)
}

/// `rows_read = rows_used + rows_excluded` on every `total` row, and the
/// excluded rows of the entries add up to the total's.
fn check_ledger(path: &Path, clean: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let t = common::read_table(path);
    let num = |r: &BTreeMap<String, String>, c: &str| -> Option<u64> {
        r.get(c).and_then(|v| {
            if v.is_empty() {
                Some(0)
            } else {
                v.parse().ok()
            }
        })
    };
    let totals = common::rows_where(&t, &[("reason", "total")]);
    if totals.is_empty() {
        problems.push("no total row".into());
    }
    for total in totals {
        let file = &total["file"];
        let (Some(read), Some(used), Some(excluded)) = (
            num(total, "rows_read"),
            num(total, "rows_used"),
            num(total, "rows_excluded"),
        ) else {
            problems.push(format!("{file}: total row is not numeric: {total:?}"));
            continue;
        };
        if read != used + excluded {
            problems.push(format!(
                "{file}: rows_read {read} != rows_used {used} + rows_excluded {excluded}"
            ));
        }
        let entries: u64 = t
            .iter()
            .filter(|r| &r["file"] == file && r["reason"] != "total")
            .filter_map(|r| num(r, "rows_excluded"))
            .sum();
        if entries != excluded {
            problems.push(format!(
                "{file}: the entries exclude {entries} rows, the total says {excluded}"
            ));
        }
        if clean {
            let invalid = num(total, "cells_invalid").unwrap_or(u64::MAX);
            if excluded != 0 || invalid != 0 {
                problems.push(format!(
                    "{file}: expected a clean ledger, got {excluded} rows excluded, {invalid} cells invalid"
                ));
            }
        }
    }
    problems
}

/// Runs one case; fails with its problems and the transcript of its run.
fn run_case(name: &str) {
    let (problems, transcript) = check_case(name);
    assert!(
        problems.is_empty(),
        "FAIL  {name}\n  - {}\n  {}\n",
        problems.join("\n  - "),
        transcript.replace('\n', "\n  | ")
    );
}

/// One test per case folder, named after it (`cargo test --test hostile
/// stray_quote` runs one), and [`LISTED`], the names in this list.
macro_rules! hostile_cases {
    ($($case:ident),* $(,)?) => {
        const LISTED: &[&str] = &[$(stringify!($case)),*];
        $(
            #[test]
            fn $case() {
                run_case(stringify!($case));
            }
        )*
    };
}

// Every folder under tests/data/hostile/, in name order; a new case needs a
// line here (`every_case_folder_is_listed` fails until it has one).
hostile_cases! {
    all_groups_unknown_validate,
    big_field_run,
    big_field_validate,
    binary_controls,
    binary_garbage,
    bom_only,
    column_is_group,
    column_named_twice,
    columns_10000,
    consultation_missing_column,
    consultation_no_usable_row,
    consultation_pii,
    consultation_unclosed_quote,
    cr_line_endings,
    crlf_quoted_newlines,
    duplicate_header,
    duplicate_header_case_space,
    duplicate_ids_all,
    email_ids,
    empty_file,
    formula_cells,
    formula_cells_validate,
    formula_codebook,
    group_column_empty,
    group_named_all,
    header_only,
    header_rows_huge,
    header_rows_zero,
    invalid_encoding,
    item_rounds_unknown,
    item_unknown_area,
    long_format_hostile,
    long_names,
    many_rows,
    missing_export_column,
    nul_bytes,
    outside_absolute,
    outside_parent,
    outside_symlink,
    previous_unknown,
    qualtrics_rows_detected,
    questionnaire_fifo,
    questionnaire_is_dir,
    ragged_fewer_run,
    ragged_fewer_validate,
    ragged_more,
    respondents_same_column,
    round_asks_no_item,
    round_file_missing,
    rounds_empty,
    rule_out_of_range,
    sav_user_missing,
    scale_min_ge_max,
    semicolon_decimal_comma_capitals,
    stray_quote,
    study_toml_cp1252,
    study_toml_empty,
    tab_delimited,
    unknown_key,
    unknown_key_validate,
    utf16_bom,
    weet_niet_only,
    whitespace_only,
    xlsx_cells,
    xlsx_corrupt,
    xlsx_empty_sheet,
    xlsx_missing_sheet,
}

#[test]
fn every_case_folder_is_listed() {
    let names = cases();
    assert!(names.len() >= 25, "only {} hostile cases", names.len());
    let unlisted: Vec<&String> = names
        .iter()
        .filter(|n| !LISTED.contains(&n.as_str()))
        .collect();
    let missing: Vec<&&str> = LISTED
        .iter()
        .filter(|l| !names.iter().any(|n| n == *l))
        .collect();
    assert!(
        unlisted.is_empty() && missing.is_empty(),
        "case folders not in hostile_cases!: {unlisted:?}; listed without a folder: {missing:?}"
    );
}
