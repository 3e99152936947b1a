//! Privacy audit: `peil run` on every bundled study (`input/`) and every
//! fixture under `tests/data/` that has a study.toml (found, not listed, so
//! new studies are audited too), then every output file is scanned for
//! respondent ids, e-mail addresses, phone numbers and figures of groups
//! below `min_cell`, shown or recoverable as `ALL` minus the shown rows
//! (secondary suppression). One test; it reports every leak at once, by file.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{copy_dir, tree};
use peil::codebook::Codebook;

/// Every folder holding a study.toml under the bundled input and the fixtures.
fn studies() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        if dir.join("study.toml").is_file() {
            out.push(dir.to_path_buf());
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&e.path(), out);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(&root.join("input"), &mut out);
    walk(&root.join("tests/data"), &mut out);
    out.sort();
    out
}

// ---------------------------------------------------------------------------
// What the inputs hold.

/// The respondent ids of every round, read raw (excluded rows too) from the
/// column the codebook names. Ids too short or too number-like to be told
/// apart from figures are left out; the fixtures use ids like `resp-000101`.
fn respondent_ids(study: &Path) -> BTreeSet<String> {
    let Ok(cb) = Codebook::load(study) else {
        return BTreeSet::new();
    };
    let mut ids = BTreeSet::new();
    for round in &cb.rounds {
        // xlsx too: read as the CSV text peil reads.
        let rows = csv_rows(&study.join(&round.questionnaire), round.sheet.as_deref());
        let Some(header) = rows.first() else { continue };
        let Some(id) = cb.for_round(&round.id).respondents.id else {
            continue;
        };
        let Some(col) = header.iter().position(|h| h.trim() == id) else {
            continue;
        };
        for row in rows.iter().skip(round.header_rows.unwrap_or(1)) {
            if let Some(id) = row.get(col).map(|s| s.trim()) {
                if scannable_id(id) {
                    ids.insert(id.to_string());
                }
            }
        }
    }
    ids
}

fn scannable_id(id: &str) -> bool {
    let digits = id.bytes().filter(u8::is_ascii_digit).count();
    let number_like = id
        .bytes()
        .all(|b| b.is_ascii_digit() || b".,-+ ".contains(&b));
    id.chars().count() >= 5 && !(number_like && digits < 7)
}

fn csv_rows(path: &Path, sheet: Option<&str>) -> Vec<Vec<String>> {
    let Ok(csv) = peil::ingest::read_csv_text(path, "audit", sheet) else {
        return Vec::new();
    };
    csv::ReaderBuilder::new()
        .delimiter(csv.delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.text.as_bytes())
        .records()
        .map_while(Result::ok)
        .map(|r| r.iter().map(String::from).collect())
        .collect()
}

// ---------------------------------------------------------------------------
// Scanners (no regex: the patterns are small and spelled out).

/// Extensions of output files: `x_@id.png` is a file name, not an address.
const FILE_TYPES: [&str; 9] = [
    "png", "svg", "csv", "md", "html", "json", "xlsx", "ods", "docx",
];

/// E-mail addresses: `local@domain.tld`, a letter-only TLD of 2 or more.
fn emails(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || b".-".contains(&c);
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = (0..at).rev().take_while(|i| local(b[*i])).last();
        let end = (at + 1..b.len()).take_while(|i| domain(b[*i])).last();
        let (Some(start), Some(end)) = (start, end) else {
            continue;
        };
        let host = text[at + 1..=end].trim_end_matches(['.', '-']);
        let tld = host.rsplit('.').next().unwrap_or("");
        let is_tld = tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic());
        if host.contains('.') && is_tld && !FILE_TYPES.contains(&tld) {
            found.push(text[start..=end].to_string());
        }
    }
    found
}

/// Phone numbers: Dutch (`06-12345678`, `0612345678`, `020-1234567`,
/// `06 1234 5678`: a leading 0 and 10 digits) and international
/// (`+31 6 1234 5678`, `+44 20 7946 0958`: `+` and 9 to 15 digits), in digit
/// groups joined by single spaces or dashes. Figures never look like that:
/// they have a decimal point or comma, and SVG coordinates do not start
/// with a 0 followed by more digits.
fn phones(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let plus = b[i] == b'+';
        let starts = (plus && b.get(i + 1).is_some_and(u8::is_ascii_digit)) || b[i] == b'0';
        let before_ok = i == 0 || {
            let p = b[i - 1];
            !(p.is_ascii_alphanumeric() || b".,/+=-_".contains(&p))
        };
        if !(starts && before_ok) {
            i += 1;
            continue;
        }
        // Digit groups separated by one space or dash.
        let mut j = i + usize::from(plus);
        let mut groups: Vec<usize> = Vec::new();
        loop {
            let g = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            if g == 0 {
                break;
            }
            groups.push(g);
            j += g;
            let next_digit = b.get(j + 1).is_some_and(u8::is_ascii_digit);
            if matches!(b.get(j), Some(b' ' | b'-')) && next_digit {
                j += 1;
            } else {
                break;
            }
        }
        let decimal_follows =
            |c: &u8| b".,".contains(c) && b.get(j + 1).is_some_and(u8::is_ascii_digit);
        let after_ok = b
            .get(j)
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || decimal_follows(c)));
        let digits: usize = groups.iter().sum();
        let dutch = !plus && digits == 10 && groups[0] >= 2 && groups.iter().all(|g| *g >= 2);
        let international = plus && (9..=15).contains(&digits);
        if after_ok && (dutch || international) {
            found.push(text[i..j].to_string());
        }
        i = j.max(i + 1);
    }
    found
}

/// `needle` as a whole token: not inside a longer word or number.
fn has_token(text: &str, needle: &str) -> bool {
    let inside = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(needle).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        let decimal = |c: Option<char>, next: Option<char>| {
            matches!(c, Some('.' | ',')) && next.is_some_and(|d| d.is_ascii_digit())
        };
        !before.is_some_and(inside)
            && !after.is_some_and(inside)
            && !decimal(after, text[i + needle.len()..].chars().nth(1))
            && !decimal(before, text[..i].chars().rev().nth(1))
    })
}

// ---------------------------------------------------------------------------
// The output files as text units to scan.

/// The texts of an output file, in units a reader sees together: lines of
/// CSV and Markdown, text nodes and table rows of SVG/HTML/DOCX, cells of XLSX.
/// PNG is binary and only checked to be a PNG.
fn units(rel: &str, bytes: &[u8]) -> Result<Vec<String>, String> {
    let ext = rel.rsplit('.').next().unwrap_or("");
    match ext {
        "png" => {
            if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
                Ok(Vec::new())
            } else {
                Err("is not a PNG".into())
            }
        }
        "xlsx" | "ods" => workbook_cells(bytes),
        "docx" => docx_units(bytes),
        _ => {
            let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
            Ok(match ext {
                "svg" | "html" => markup_units(text),
                _ => text.lines().map(String::from).collect(),
            })
        }
    }
}

/// The text units of every XML part of a Word document: its text nodes,
/// paragraphs and table rows.
fn docx_units(bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(common::zip_texts(bytes)?
        .iter()
        .flat_map(|t| markup_units(t))
        .collect())
}

/// Every cell of a summary.xlsx or summary.ods, and each row as one unit.
fn workbook_cells(bytes: &[u8]) -> Result<Vec<String>, String> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for name in wb.sheet_names().to_vec() {
        let range = wb.worksheet_range(&name).map_err(|e| e.to_string())?;
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
            out.push(cells.join(" | "));
            out.extend(cells);
        }
    }
    Ok(out)
}

/// Text nodes (entities decoded), plus every `<tr>` and `<text>` element as
/// one unit, so that a name and a figure in one row are seen together.
fn markup_units(text: &str) -> Vec<String> {
    let decode = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    };
    let strip = |s: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    out.push(' ');
                }
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        decode(&out)
    };
    let mut units: Vec<String> = text
        .split(['<', '>'])
        .skip(1)
        .step_by(2)
        .map(decode)
        .filter(|s| !s.trim().is_empty())
        .collect();
    // Attribute values (titles, aria labels) are read too.
    units.extend(
        text.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| !s.trim().is_empty())
            .map(decode),
    );
    // `w:tr` and `w:p` are a Word document's table rows and paragraphs.
    for tag in ["tr", "text", "li", "p", "w:tr", "w:p"] {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        for piece in text.split(&open).skip(1) {
            if let Some(end) = piece.find(&close) {
                units.push(strip(&piece[..end]));
            }
        }
    }
    units
}

// ---------------------------------------------------------------------------
// Suppression.

/// Columns a suppressed row may fill: what it is and how many it holds.
const IDENTIFYING: [&str; 15] = [
    "measure",
    "area",
    "item",
    "id",
    "id_from",
    "id_to",
    "dimension",
    "group",
    "status",
    "n",
    "n_from",
    "n_to",
    "suppressed",
    "decision",
    // A property of the item in the codebook (reverse-keyed), not a figure.
    "reversed",
];

/// Rows of a table (a header row, then rows) whose `suppressed` column is
/// `true` but that fill a figure column. In a comparison a row is
/// suppressed when either round's group is small: the figures of a round
/// whose `n_from` / `n_to` reaches `min_cell` may show, nothing else.
fn suppressed_with_figures(rows: &[Vec<String>], min_cell: u32) -> Vec<String> {
    let Some(header) = rows.first() else {
        return Vec::new();
    };
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let Some(flag) = col("suppressed") else {
        return Vec::new();
    };
    let mut bad = Vec::new();
    for row in &rows[1..] {
        if row.get(flag).map(|s| s.trim()) != Some("true") {
            continue;
        }
        let large = |n: &str| {
            col(n)
                .and_then(|i| row.get(i))
                .and_then(|v| v.trim().parse::<u32>().ok())
                .is_some_and(|v| v >= min_cell)
        };
        for (h, v) in header.iter().zip(row) {
            let h = h.trim();
            let public = IDENTIFYING.contains(&h)
                || (h.ends_with("_from") && large("n_from"))
                || (h.ends_with("_to") && large("n_to"));
            if !public && !v.trim().is_empty() {
                bad.push(format!("suppressed row {row:?} shows {h} = {v}"));
            }
        }
    }
    bad
}

fn markdown_tables(text: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim();
        if line.starts_with('|') {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            if !cells.iter().all(|c| c.chars().all(|ch| "-: ".contains(ch))) {
                current.push(cells);
            }
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    tables
}

fn csv_table(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map_while(Result::ok)
        .map(|r| r.iter().map(String::from).collect())
        .collect()
}

/// The sheets of a summary.xlsx or summary.ods as rows of cell texts.
fn workbook_sheets(bytes: &[u8]) -> Vec<Vec<Vec<String>>> {
    use calamine::Reader;
    let Ok(mut wb) = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    wb.sheet_names()
        .to_vec()
        .iter()
        .filter_map(|n| wb.worksheet_range(n).ok())
        .map(|r| {
            r.rows()
                .map(|row| row.iter().map(|c| c.to_string()).collect())
                .collect()
        })
        .collect()
}

/// A suppressed group's figure as the report would show it: the true mean
/// (from a run with `min_cell = 1`) with one decimal, half away from zero.
#[derive(Debug)]
struct Hidden {
    group: String,
    what: String,
    /// The area's or item's id and its label or text.
    names: Vec<String>,
    mean: String,
}

impl Hidden {
    /// A unit shows the mean next to the group's name: in a unit that names
    /// the area or item too (a table row), or in a short label.
    fn shown_in(&self, unit: &str) -> bool {
        let means = [self.mean.clone(), self.mean.replace('.', ",")];
        has_token(unit, &self.group)
            && means.iter().any(|m| has_token(unit, m))
            && (unit.chars().count() < 40 || self.names.iter().any(|n| has_token(unit, n)))
    }
}

/// An area's or item's id and label, by id.
fn names(study: &Path) -> BTreeMap<String, Vec<String>> {
    let Ok(cb) = Codebook::load(study) else {
        return BTreeMap::new();
    };
    let areas = cb
        .areas
        .iter()
        .map(|a| (a.id.clone(), vec![a.id.clone(), a.label.clone()]));
    let items = cb
        .items
        .iter()
        .map(|i| (i.id.clone(), vec![i.id.clone(), i.text.clone()]));
    areas.chain(items).collect()
}

/// Means of rows suppressed in `out` (a round folder; its tables in `dir`:
/// `tables` or a breakdown's `tables/by-<slug>`), from the same study run
/// with `min_cell = 1` into a scratch folder.
fn hidden_means(study: &Path, out_round: &Path, dir: &str, scratch: &Path) -> Vec<Hidden> {
    let key = |row: &BTreeMap<String, String>| {
        let what = row
            .get("area")
            .or(row.get("item"))
            .cloned()
            .unwrap_or_default();
        let id = row.get("item").cloned().unwrap_or_else(|| what.clone());
        (row["measure"].clone(), id, row["group"].clone())
    };
    let tables = ["area_scores", "item_scores"];
    let mut suppressed = BTreeSet::new();
    // Means a group shows legitimately (rows not suppressed): when a hidden
    // mean equals one of them, seeing it proves nothing, so it is not checked.
    let mut shown: BTreeSet<(String, String)> = BTreeSet::new();
    for t in tables {
        let path = out_round.join(format!("{dir}/{t}.csv"));
        if path.is_file() {
            for row in common::read_table(&path) {
                if row.get("suppressed").map(String::as_str) == Some("true") {
                    suppressed.insert((t, key(&row)));
                } else if let Ok(m) = row["mean"].parse::<f64>() {
                    shown.insert((row["group"].clone(), one_decimal(m)));
                }
            }
        }
    }
    if suppressed.is_empty() {
        return Vec::new();
    }
    let round_dir = true_round(study, out_round, scratch);
    let names = names(study);
    let mut hidden = Vec::new();
    for t in tables {
        for row in common::read_table(&round_dir.join(format!("{dir}/{t}.csv"))) {
            let k = key(&row);
            if !suppressed.contains(&(t, k.clone())) {
                continue;
            }
            let Ok(m) = row["mean"].parse::<f64>() else {
                continue;
            };
            if !shown.contains(&(k.2.clone(), one_decimal(m))) {
                hidden.push(Hidden {
                    group: k.2.clone(),
                    what: format!("{t} {} {}", k.0, k.1),
                    names: names.get(&k.1).cloned().unwrap_or_default(),
                    mean: one_decimal(m),
                });
            }
        }
    }
    hidden
}

/// The same round run with `min_cell = 1` into a scratch folder (once per
/// study): every group's true figures, for what suppression must hide.
fn true_round(study: &Path, out_round: &Path, scratch: &Path) -> PathBuf {
    let copy = scratch.join("min-cell-1").join(study.file_name().unwrap());
    let all_out = scratch.join("min-cell-1-out");
    if !copy.exists() {
        copy_dir(study, &copy);
        let mut doc: toml::Table = std::fs::read_to_string(copy.join("study.toml"))
            .unwrap()
            .parse()
            .unwrap();
        let privacy = doc
            .entry("privacy")
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        privacy
            .as_table_mut()
            .unwrap()
            .insert("min_cell".into(), toml::Value::Integer(1));
        std::fs::write(copy.join("study.toml"), toml::to_string(&doc).unwrap()).unwrap();
        common::peil()
            .args(["run", "-q", "--out"])
            .arg(&all_out)
            .arg(&copy)
            .assert()
            .success();
    }
    all_out
        .join(copy.file_name().unwrap())
        .join(out_round.file_name().unwrap())
}

/// Secondary suppression: in every set of rows that shares one `ALL` row
/// (a measure and an area or item), `ALL` minus the shown rows must not
/// equal one suppressed group's true counts (`n_1..`, `n_missing`), nor
/// hold fewer than `min_cell` (the suppressed groups and, in a breakdown,
/// the respondents without a value, who are in `ALL` but in no group).
/// `truth` is the round run with `min_cell = 1`. A set whose groups are all
/// suppressed is `ALL` itself, which is always shown.
fn subtraction_leaks(shown: &Path, truth: &Path, dir: &str, min_cell: u32) -> Vec<String> {
    let mut leaks = Vec::new();
    for (table, target) in [("area_scores", "area"), ("item_scores", "item")] {
        let path = |round: &Path| round.join(format!("{dir}/{table}.csv"));
        if !path(shown).is_file() {
            continue;
        }
        let truth: BTreeMap<(String, String, String), BTreeMap<String, String>> =
            common::read_table(&path(truth))
                .into_iter()
                .map(|r| {
                    (
                        (r["measure"].clone(), r[target].clone(), r["group"].clone()),
                        r,
                    )
                })
                .collect();
        let mut sets: BTreeMap<(String, String), Vec<BTreeMap<String, String>>> = BTreeMap::new();
        for r in common::read_table(&path(shown)) {
            sets.entry((r["measure"].clone(), r[target].clone()))
                .or_default()
                .push(r);
        }
        for ((measure, id), rows) in sets {
            let key = |g: &str| (measure.clone(), id.clone(), g.to_string());
            for l in set_leaks(&rows, |g| truth.get(&key(g)), min_cell) {
                leaks.push(format!("{dir}/{table} {measure} {id}: {l}"));
            }
        }
    }
    leaks
}

type Row = BTreeMap<String, String>;

/// The leaks of one set of rows (`ALL` among them); `truth` gives a group's
/// row from the run with `min_cell = 1`.
fn set_leaks<'a>(
    rows: &[Row],
    truth: impl Fn(&str) -> Option<&'a Row>,
    min_cell: u32,
) -> Vec<String> {
    let is_count = |c: &str| {
        c == "n_missing"
            || c.strip_prefix("n_")
                .is_some_and(|d| d.parse::<u32>().is_ok())
    };
    let count_cols: Vec<&String> = rows[0].keys().filter(|c| is_count(c)).collect();
    let num = |r: &Row, c: &str| r.get(c).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let suppressed = |r: &Row| r["suppressed"] == "true";
    let Some(all) = rows.iter().find(|r| r["group"] == "ALL") else {
        return Vec::new();
    };
    let groups: Vec<&Row> = rows.iter().filter(|r| r["group"] != "ALL").collect();
    let (hidden, shown): (Vec<&Row>, Vec<&Row>) = groups.iter().partition(|r| suppressed(r));
    if shown.is_empty() {
        return Vec::new();
    }
    let diff: Vec<i64> = count_cols
        .iter()
        .map(|c| num(all, c) - shown.iter().map(|r| num(r, c)).sum::<i64>())
        .collect();
    if diff.iter().all(|d| *d == 0) {
        return Vec::new();
    }
    let mut leaks = Vec::new();
    for h in &hidden {
        let Some(t) = truth(&h["group"]).filter(|t| !suppressed(t)) else {
            continue;
        };
        if count_cols
            .iter()
            .map(|c| num(t, c))
            .eq(diff.iter().copied())
        {
            leaks.push(format!(
                "ALL minus the shown rows gives back {}: {diff:?}",
                h["group"]
            ));
        }
    }
    // What ALL holds beyond the shown rows: the hidden groups, and in a
    // breakdown the respondents in no group.
    let n = num(all, "n") - shown.iter().map(|r| num(r, "n")).sum::<i64>();
    if n < i64::from(min_cell) {
        let mut names: Vec<&str> = hidden.iter().map(|r| r["group"].as_str()).collect();
        if n > hidden.iter().map(|r| num(r, "n")).sum::<i64>() {
            names.push("(respondents without a value)");
        }
        leaks.push(format!(
            "ALL minus the shown rows gives back {names:?} (n = {n}): {diff:?}"
        ));
    }
    leaks
}

/// A breakdown's `ALL` rows are the round's, column for column (but
/// `contested`, which names the groups of its own table): otherwise the
/// round's `ALL` minus the breakdown's would give back the respondents
/// without a value in the breakdown column, however few.
fn all_rows_differ(round: &Path, dir: &str) -> Vec<String> {
    let mut leaks = Vec::new();
    for table in ["area_scores", "item_scores", "respondents"] {
        let all_rows = |d: &str| -> Vec<Row> {
            let path = round.join(format!("{d}/{table}.csv"));
            (common::read_table(&path).into_iter())
                .filter(|r| r["group"] == "ALL")
                .map(|mut r| {
                    r.remove("contested");
                    r
                })
                .collect()
        };
        let (theirs, ours) = (all_rows("tables"), all_rows(dir));
        if theirs != ours {
            leaks.push(format!(
                "{dir}/{table}: the ALL rows are not the round's ({} against {})",
                ours.len(),
                theirs.len()
            ));
        }
    }
    leaks
}

/// The folders of a round's score tables: `tables`, then every breakdown's
/// `tables/by-<slug>`, each audited like the first.
fn table_dirs(round: &Path) -> Vec<String> {
    let mut dirs = vec!["tables".to_string()];
    if let Ok(entries) = std::fs::read_dir(round.join("tables")) {
        let mut by: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().is_dir())
            .map(|e| format!("tables/{}", e.file_name().to_string_lossy()))
            .collect();
        by.sort();
        dirs.extend(by);
    }
    dirs
}

/// One decimal, half away from zero (`f64::round`), as the contract rounds.
fn one_decimal(m: f64) -> String {
    format!("{:.1}", (m * 10.0).round() / 10.0)
}

// ---------------------------------------------------------------------------
// The audit.

/// Every leak in one round folder's files, as "file: what: text".
fn audit_files(
    files: &BTreeMap<String, Vec<u8>>,
    ids: &BTreeSet<String>,
    hidden: &[Hidden],
    min_cell: u32,
) -> Vec<String> {
    let mut leaks = Vec::new();
    for (rel, bytes) in files {
        let mut leak = |what: &str, text: &str| {
            let text: String = text.chars().take(200).collect();
            leaks.push(format!("{rel}: {what}: {text:?}"));
        };
        let units = match units(rel, bytes) {
            Ok(u) => u,
            Err(e) => {
                leak("unreadable", &e);
                continue;
            }
        };
        for unit in &units {
            for id in ids.iter().filter(|id| unit.contains(id.as_str())) {
                leak(&format!("respondent id {id}"), unit);
            }
            for e in emails(unit) {
                leak(&format!("e-mail address {e}"), unit);
            }
            for p in phones(unit) {
                leak(&format!("phone number {p}"), unit);
            }
            for h in hidden {
                if h.shown_in(unit) {
                    leak(
                        &format!("suppressed group {} ({}): mean {}", h.group, h.what, h.mean),
                        unit,
                    );
                }
            }
        }
        let tables = match rel.rsplit('.').next() {
            Some("csv") => vec![csv_table(bytes)],
            Some("md") => markdown_tables(&String::from_utf8_lossy(bytes)),
            Some("xlsx" | "ods") => workbook_sheets(bytes),
            _ => Vec::new(),
        };
        for t in &tables {
            for bad in suppressed_with_figures(t, min_cell) {
                leak("figure of a suppressed group", &bad);
            }
        }
    }
    leaks
}

#[test]
fn no_output_holds_ids_contacts_or_figures_of_small_groups() {
    let studies = studies();
    let n_studies = studies.len();
    assert!(studies.len() >= 3, "found only {studies:?}");
    let scratch = tempfile::tempdir().unwrap();
    let mut leaks = Vec::new();
    let (mut audited, mut files_scanned, mut ids_checked, mut hidden_checked) = (0, 0, 0, 0);
    let mut subtraction_sets = 0;
    for (i, study) in studies.iter().enumerate() {
        let out = scratch.path().join(format!("out-{i}"));
        let output = common::peil()
            .args(["run", "-q", "--out"])
            .arg(&out)
            .arg(study)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("panicked"),
            "{}: {stderr}",
            study.display()
        );
        if !out.exists() {
            continue; // refused before writing: nothing to audit
        }
        audited += 1;
        let ids = respondent_ids(study);
        let min_cell = Codebook::load(study).map_or(5, |cb| cb.min_cell);
        ids_checked += ids.len();
        for slug in std::fs::read_dir(&out).unwrap().flatten() {
            for round in std::fs::read_dir(slug.path()).unwrap().flatten() {
                let s = scratch.path().join(format!("s-{i}"));
                let dirs = table_dirs(&round.path());
                let hidden: Vec<Hidden> = (dirs.iter())
                    .flat_map(|d| hidden_means(study, &round.path(), d, &s))
                    .collect();
                hidden_checked += hidden.len();
                let files = tree(&round.path());
                files_scanned += files.len();
                let truth = true_round(study, &round.path(), &s);
                let mut found = audit_files(&files, &ids, &hidden, min_cell);
                for dir in dirs
                    .iter()
                    .filter(|d| round.path().join(d).join("area_scores.csv").is_file())
                {
                    let sub = subtraction_leaks(&round.path(), &truth, dir, min_cell);
                    subtraction_sets += 1;
                    found.extend(sub.into_iter().map(|l| format!("subtraction: {l}")));
                    if dir != "tables" {
                        let across = all_rows_differ(&round.path(), dir);
                        found.extend(across.into_iter().map(|l| format!("subtraction: {l}")));
                    }
                }
                for l in found {
                    leaks.push(format!(
                        "{}: {}: {l}",
                        study.display(),
                        round.path().display()
                    ));
                }
            }
        }
    }
    eprintln!(
        "privacy audit: {n_studies} studies found, {audited} wrote outputs, {files_scanned} files, {ids_checked} ids, {hidden_checked} suppressed means, {subtraction_sets} table folders checked for subtraction"
    );
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}

/// The scanners themselves: what they must and must not see.
#[test]
fn scanners_find_contacts_and_not_figures() {
    let text = "mail jan.jansen@example.nl of info@roc-voorbeeld.nl; @font-face; a@b";
    assert_eq!(
        emails(text),
        ["jan.jansen@example.nl", "info@roc-voorbeeld.nl"]
    );
    for p in [
        "06-12345678",
        "0612345678",
        "+31 6 1234 5678",
        "020-1234567",
        "+44 20 7946 0958",
        "06 12 34 56 78",
    ] {
        assert_eq!(phones(&format!("bel {p}.")), [p], "{p}");
    }
    for not in [
        "0.0612345678",
        "mean 0,1234567890",
        "M0 0 L10 20 30 40 50",
        "0 12 345 678 9",
        "sha 0612345678abcdef",
        "2.846154,0.875229,2.317258",
    ] {
        assert!(phones(not).is_empty(), "{not}: {:?}", phones(not));
    }
    assert!(has_token("student: 1.3", "1.3"));
    assert!(!has_token("11.35", "1.3"));
    assert!(!has_token("1.35", "1.3"));
    assert!(!has_token("studenten", "student"));
}

/// The audit itself catches what it is for, in a planted round folder.
#[test]
fn audit_catches_planted_leaks() {
    let files: BTreeMap<String, Vec<u8>> = [
        (
            "tables/area_scores.csv",
            "measure,area,group,n,mean,suppressed\nh,a,student,2,1.250000,true\n",
        ),
        (
            "charts/a.svg",
            "<svg><text x=\"1\">student: 1,3</text></svg>",
        ),
        (
            "report.html",
            "<p>zie resp-000101 of bel +31 6 1234 5678</p>",
        ),
        (
            "tables/data_quality.md",
            "| v |\n| --- |\n| jan@example.nl |\n",
        ),
        ("charts/a.png", "not a png"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
    .collect();
    let ids = BTreeSet::from(["resp-000101".to_string()]);
    let hidden = [Hidden {
        group: "student".into(),
        what: "area_scores h a".into(),
        names: vec!["a".into()],
        mean: "1.3".into(),
    }];
    let leaks = audit_files(&files, &ids, &hidden, 5).join("\n");
    for expected in [
        "tables/area_scores.csv: figure of a suppressed group",
        "charts/a.svg: suppressed group student",
        "report.html: respondent id resp-000101",
        "report.html: phone number +31 6 1234 5678",
        "tables/data_quality.md: e-mail address jan@example.nl",
        "charts/a.png: unreadable",
    ] {
        assert!(leaks.contains(expected), "{expected} not in:\n{leaks}");
    }
}

/// The subtraction check catches one small group left alone, and a union of
/// small groups below min_cell; it accepts a union that is large enough.
#[test]
fn subtraction_check_catches_a_lone_suppressed_group() {
    let row = |g: &str, n: &str, counts: [&str; 5], suppressed: bool| -> Row {
        let mut r: Row = [
            ("group", g),
            ("n", n),
            ("suppressed", if suppressed { "true" } else { "false" }),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for (c, v) in ["n_1", "n_2", "n_3", "n_4", "n_missing"].iter().zip(counts) {
            r.insert(c.to_string(), v.to_string());
        }
        r
    };
    let truth = [row("student", "2", ["0", "1", "1", "0", "0"], false)];
    let lookup = |g: &str| truth.iter().find(|r| r["group"] == g);
    // ALL 12 = docent 10 + student 2 (hidden): gives student back.
    let lone = [
        row("ALL", "12", ["1", "3", "5", "3", "0"], false),
        row("docent", "10", ["1", "2", "4", "3", "0"], false),
        row("student", "2", ["", "", "", "", ""], true),
    ];
    let leaks = set_leaks(&lone, lookup, 5).join("\n");
    assert!(leaks.contains("gives back student"), "{leaks}");
    assert!(leaks.contains("(n = 2)"), "{leaks}");
    // With docent hidden too, only ALL is shown: nothing to subtract.
    let both = [
        row("ALL", "12", ["1", "3", "5", "3", "0"], false),
        row("docent", "10", ["", "", "", "", ""], true),
        row("student", "2", ["", "", "", "", ""], true),
    ];
    assert!(set_leaks(&both, lookup, 5).is_empty());
    // werkgever 8 shown; docent 10 and student 2 hidden: the union (12) is large enough.
    let union = [
        row("ALL", "20", ["1", "5", "9", "5", "0"], false),
        row("docent", "10", ["", "", "", "", ""], true),
        row("student", "2", ["", "", "", "", ""], true),
        row("werkgever", "8", ["0", "2", "4", "2", "0"], false),
    ];
    assert!(set_leaks(&union, lookup, 5).is_empty());
}
