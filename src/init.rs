//! `peil init`: a draft `study.toml` from an export's header and a sample of
//! its rows.
//!
//! Owns the guesses: which columns hold the respondent id, group and
//! institution, which hold ratings, how rating columns split into measures
//! (by a shared suffix: `_herk`, `[toep]`, ` - Hoe herkenbaar ...?`) and into
//! areas (by a shared prefix: `BRU...`, `Bruggenbouwer: ...`), and the scale,
//! labels, answer codes and missing codes the cells suggest. Every guess is
//! written with a `# check:` comment and every area label is left empty, so
//! the draft does not validate until a person has looked at it. It reads the
//! export through the same reader as `peil run` and must not write anything
//! but the draft (through `output::write_atomic`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::codebook::normalize_cell;
use crate::ingest::cell::parse_integer;
use crate::ingest::text::{self, CsvText};
use crate::ingest::{display_path, is_xlsx, read_csv_text, IngestError};
use crate::Error;

/// Data rows read for the guesses: enough to see every answer, cheap on a
/// large export.
const SAMPLE_ROWS: usize = 1000;

/// What `peil init` was asked to do.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub export: PathBuf,
    pub out: PathBuf,
    pub sheet: Option<String>,
    pub force: bool,
}

/// Writes the draft; returns a one-line summary for stdout.
pub fn init(opts: &InitOptions) -> Result<String, Error> {
    if opts.out.exists() && !opts.force {
        return Err(Error::Usage(format!(
            "{}: already exists, not overwritten\n  fix: choose another --out, or add --force to replace it",
            opts.out.display()
        )));
    }
    let study_dir = match opts.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (questionnaire, inside) = relative_to(&opts.export, &study_dir);
    let file = display_path(&questionnaire);
    let csv = read_csv_text(&opts.export, &file, opts.sheet.as_deref())?;
    let export = Export::read(&csv, &file)?;
    let sheet = if is_xlsx(&opts.export) {
        opts.sheet.clone().or_else(|| first_sheet(&opts.export))
    } else {
        None
    };
    let draft = Draft::guess(&export, &file)?;
    let round = RoundDraft {
        questionnaire: file.clone(),
        inside,
        sheet,
        header_rows: export.header_rows,
    };
    let toml = draft.render(&export, &round, &study_name(&opts.export));
    crate::output::write_atomic(&opts.out, toml.as_bytes()).map_err(|source| Error::Write {
        path: opts.out.clone(),
        source,
    })?;
    Ok(format!(
        "{}: draft with {} items in {} areas and {} measures from {}; fill in the area labels, check every \"# check:\", then run peil validate {}",
        opts.out.display(),
        draft.items.len(),
        draft.areas.len(),
        draft.measures.len(),
        file,
        study_dir.display()
    ))
}

/// The export's path relative to the study folder, if it lies inside it.
fn relative_to(export: &Path, dir: &Path) -> (PathBuf, bool) {
    if let (Ok(e), Ok(d)) = (export.canonicalize(), dir.canonicalize()) {
        if let Ok(rel) = e.strip_prefix(&d) {
            return (rel.to_path_buf(), true);
        }
    }
    let name = export.file_name().map(PathBuf::from).unwrap_or_default();
    (name, false)
}

fn first_sheet(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    crate::ingest::xlsx_sheet_names(&bytes).into_iter().next()
}

fn study_name(export: &Path) -> String {
    export
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
        .unwrap_or_else(|| "study".into())
}

// ---------------------------------------------------------------------------
// The export as columns of sampled cells.

struct Column {
    name: String,
    /// Normalized non-empty cell -> (count, first original text).
    values: BTreeMap<String, (usize, String)>,
    filled: usize,
    /// Distinct values in order of first appearance (normalized).
    order: Vec<String>,
}

struct Export {
    columns: Vec<Column>,
    rows: usize,
    header_rows: usize,
}

impl Export {
    fn read(csv: &CsvText, file: &str) -> Result<Export, Error> {
        let header_rows = text::detect_header_rows(csv).unwrap_or(1);
        let names = text::header(csv, header_rows, file)?;
        let mut columns: Vec<Column> = names
            .into_iter()
            .map(|name| Column {
                name: name.split_whitespace().collect::<Vec<_>>().join(" "),
                values: BTreeMap::new(),
                filled: 0,
                order: Vec::new(),
            })
            .collect();
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(csv.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.text.as_bytes());
        let mut rows = 0;
        for rec in rdr.records().skip(header_rows).take(SAMPLE_ROWS) {
            let rec = rec.map_err(|e| IngestError::Unreadable {
                file: file.to_string(),
                problem: format!("cannot be read as CSV: {e}"),
            })?;
            rows += 1;
            for (c, raw) in columns.iter_mut().zip(rec.iter()) {
                let n = normalize_cell(raw);
                if n.is_empty() {
                    continue;
                }
                c.filled += 1;
                let shown = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                let e = c.values.entry(n.clone()).or_insert_with(|| (0, shown));
                if e.0 == 0 {
                    c.order.push(n);
                }
                e.0 += 1;
            }
        }
        if columns.is_empty() || rows == 0 {
            return Err(IngestError::NoRows {
                file: file.to_string(),
                problem: "there is no data row below the header to guess from".into(),
            }
            .into());
        }
        Ok(Export {
            columns,
            rows,
            header_rows,
        })
    }
}

// ---------------------------------------------------------------------------
// What a cell looks like.

/// Texts that mean "no rating" in Dutch and English exports.
const MISSING_WORDS: &[&str] = &[
    "weet niet",
    "weet ik niet",
    "n.v.t.",
    "n.v.t",
    "nvt",
    "niet van toepassing",
    "geen mening",
    "geen antwoord",
    "zeg ik liever niet",
    "don't know",
    "dont know",
    "do not know",
    "n/a",
    "not applicable",
    "no answer",
    "prefer not to say",
    "-",
];

/// Columns that survey tools add and that never hold ratings.
const META_NAMES: &[&str] = &[
    // LimeSurvey
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "token",
    // Qualtrics
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
    // MS Forms (Dutch and English)
    "begintijd",
    "tijd van voltooien",
    "tijdstip van laatste wijziging",
    "e-mail",
    "email",
    "naam",
    "name",
    "start time",
    "completion time",
    "last modified time",
];

const ID_NAMES: &[&str] = &[
    "id",
    "respondent",
    "respondent id",
    "respondentid",
    "respondent_id",
    "respondentnummer",
    "responseid",
    "response id",
    "response_id",
    "_recordid",
    "record id",
];

const GROUP_HINTS: &[&str] = &[
    "sector",
    "groep",
    "group",
    "stakeholder",
    "geleding",
    "doelgroep",
];

const INSTITUTION_HINTS: &[&str] = &[
    "instelling",
    "institution",
    "organisatie",
    "organisation",
    "organization",
    "school",
    "werkgever",
    "employer",
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Number(i64),
    /// Letters and a number: LimeSurvey answer codes (`a1`, normalized).
    Code(String, i64),
    Missing,
    Text,
}

fn kind(v: &str) -> Kind {
    if MISSING_WORDS.contains(&v) {
        return Kind::Missing;
    }
    if let Some(n) = parse_integer(v) {
        return Kind::Number(n);
    }
    let letters = v.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = &v[letters..];
    if (1..=4).contains(&letters)
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        if let Ok(n) = digits.parse() {
            return Kind::Code(v[..letters].to_string(), n);
        }
    }
    Kind::Text
}

// ---------------------------------------------------------------------------
// The draft.

struct MeasureDraft {
    id: String,
    suffix: String,
    columns: usize,
    scale: ScaleGuess,
}

struct AreaDraft {
    id: String,
    key: String,
}

struct ItemDraft {
    id: String,
    area: usize,
    text: String,
    /// (measure index, column name)
    columns: Vec<(usize, String)>,
}

struct Respondents {
    id: String,
    id_why: String,
    group: Option<(String, Vec<String>)>,
    institution: Option<String>,
}

struct Draft {
    respondents: Respondents,
    measures: Vec<MeasureDraft>,
    areas: Vec<AreaDraft>,
    items: Vec<ItemDraft>,
}

struct RoundDraft {
    questionnaire: String,
    inside: bool,
    sheet: Option<String>,
    header_rows: usize,
}

impl Draft {
    fn guess(export: &Export, file: &str) -> Result<Draft, Error> {
        let cols = &export.columns;
        let meta: HashSet<usize> = (0..cols.len())
            .filter(|&i| META_NAMES.contains(&normalize_cell(&cols[i].name).as_str()))
            .collect();
        let id = guess_id(export, &meta).ok_or_else(|| {
            Error::Usage(format!(
                "{file}: no column looks like a respondent id (a column named id, respondent or \
                 ResponseId, or one with a distinct value on every row)\n  fix: add such a column to the export"
            ))
        })?;
        let vocab = shared_texts(cols);
        let taken: HashSet<usize> = meta.iter().copied().chain([id]).collect();
        let rating: Vec<usize> = (0..cols.len())
            .filter(|i| !taken.contains(i) && looks_like_ratings(&cols[*i], &vocab))
            .collect();
        if rating.is_empty() {
            return Err(Error::Usage(format!(
                "{file}: no column looks like ratings (whole numbers on a small scale, answer codes such as A1, or \
                 answer texts shared by several columns)\n  fix: check that this is the questionnaire export, with a header row"
            )));
        }
        let others: Vec<usize> = (0..cols.len())
            .filter(|i| !taken.contains(i) && !rating.contains(i))
            .collect();
        let group = guess_by_name(cols, &others, GROUP_HINTS, |c| {
            (2..=20).contains(&c.values.len())
        })
        .or_else(|| {
            others
                .iter()
                .copied()
                .filter(|&i| (2..=12).contains(&cols[i].values.len()))
                .min_by_key(|&i| cols[i].values.len())
        });
        let institution = guess_by_name(
            cols,
            &others
                .iter()
                .copied()
                .filter(|i| Some(*i) != group)
                .collect::<Vec<_>>(),
            INSTITUTION_HINTS,
            |_| true,
        );
        let id_why = if ID_NAMES.contains(&normalize_cell(&cols[id].name).as_str()) {
            "guessed from its name".to_string()
        } else {
            format!(
                "the first column with a distinct value on each of the {} rows read",
                export.rows
            )
        };
        let respondents = Respondents {
            id: cols[id].name.clone(),
            id_why,
            group: group.map(|g| {
                let c = &cols[g];
                (
                    c.name.clone(),
                    c.order.iter().map(|v| c.values[v].1.clone()).collect(),
                )
            }),
            institution: institution.map(|i| cols[i].name.clone()),
        };
        let names: Vec<&str> = rating.iter().map(|&i| cols[i].name.as_str()).collect();
        let (suffixes, stems) = split_measures(&names);
        let mut measures: Vec<MeasureDraft> = Vec::new();
        let mut measure_of = Vec::with_capacity(names.len());
        for s in &suffixes {
            let m = match measures.iter().position(|m| &m.suffix == s) {
                Some(m) => m,
                None => {
                    measures.push(MeasureDraft {
                        id: String::new(),
                        suffix: s.clone(),
                        columns: 0,
                        scale: ScaleGuess::default(),
                    });
                    measures.len() - 1
                }
            };
            measures[m].columns += 1;
            measure_of.push(m);
        }
        name_measures(&mut measures);
        for (m, measure) in measures.iter_mut().enumerate() {
            let columns: Vec<&Column> = rating
                .iter()
                .zip(&measure_of)
                .filter(|(_, mm)| **mm == m)
                .map(|(&i, _)| &cols[i])
                .collect();
            measure.scale = ScaleGuess::from_columns(&columns);
        }
        let area_keys = area_keys(&stems);
        let mut areas: Vec<AreaDraft> = Vec::new();
        let mut items: Vec<ItemDraft> = Vec::new();
        let mut item_of: HashMap<&str, usize> = HashMap::new();
        for (k, stem) in stems.iter().enumerate() {
            let key = &area_keys[k];
            let area = match areas.iter().position(|a| &a.key == key) {
                Some(a) => a,
                None => {
                    areas.push(AreaDraft {
                        id: String::new(),
                        key: key.clone(),
                    });
                    areas.len() - 1
                }
            };
            let item = *item_of.entry(stem.as_str()).or_insert_with(|| {
                items.push(ItemDraft {
                    id: String::new(),
                    area,
                    text: item_text(stem, key),
                    columns: Vec::new(),
                });
                items.len() - 1
            });
            let m = measure_of[k];
            if items[item].columns.iter().any(|(mm, _)| *mm == m) {
                // Two columns of one item and measure: keep them apart.
                items.push(ItemDraft {
                    id: String::new(),
                    area,
                    text: item_text(stem, key),
                    columns: vec![(m, names[k].to_string())],
                });
            } else {
                items[item].columns.push((m, names[k].to_string()));
            }
        }
        name_areas(&mut areas);
        name_items(&mut items, &areas);
        Ok(Draft {
            respondents,
            measures,
            areas,
            items,
        })
    }
}

/// The id column: a known name, else the first column whose sampled values
/// are all filled and distinct.
fn guess_id(export: &Export, meta: &HashSet<usize>) -> Option<usize> {
    let cols = &export.columns;
    ID_NAMES
        .iter()
        .find_map(|n| cols.iter().position(|c| normalize_cell(&c.name) == *n))
        .or_else(|| {
            (0..cols.len()).find(|&i| {
                !meta.contains(&i)
                    && cols[i].filled == export.rows
                    && cols[i].values.len() == export.rows
            })
        })
}

/// The first of `candidates` whose name holds a hint word.
fn guess_by_name(
    cols: &[Column],
    candidates: &[usize],
    hints: &[&str],
    fits: impl Fn(&Column) -> bool,
) -> Option<usize> {
    candidates.iter().copied().find(|&i| {
        let n = normalize_cell(&cols[i].name);
        hints.iter().any(|h| n.contains(h)) && fits(&cols[i])
    })
}

/// Answer texts that occur in two or more columns with few distinct values:
/// the labels of a rating scale (a group or a name occurs in one column).
fn shared_texts(cols: &[Column]) -> HashSet<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for c in cols.iter().filter(|c| c.values.len() <= 25) {
        for v in c.values.keys() {
            if kind(v) == Kind::Text {
                *seen.entry(v.as_str()).or_default() += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(v, _)| v.to_string())
        .collect()
}

/// Every sampled cell a number on a small scale, an answer code, a missing
/// code or a shared answer text.
fn looks_like_ratings(c: &Column, vocab: &HashSet<String>) -> bool {
    if c.filled == 0 || c.values.len() > 25 {
        return false;
    }
    let numbers: Vec<i64> = c
        .values
        .keys()
        .filter_map(|v| match kind(v) {
            Kind::Number(n) => Some(n),
            _ => None,
        })
        .collect();
    let small = match (numbers.iter().min(), numbers.iter().max()) {
        (Some(lo), Some(hi)) => *lo >= -100 && *hi <= 100 && hi - lo <= 20,
        _ => true,
    };
    small
        && c.values.keys().all(|v| match kind(v) {
            Kind::Text => vocab.contains(v),
            _ => true,
        })
}

/// Splits rating column names into (measure suffix, item stem): a trailing
/// `[x]`, ` - x` or `_x` shared by at least two columns, when at least two
/// such suffixes exist; else one measure for all.
fn split_measures(names: &[&str]) -> (Vec<String>, Vec<String>) {
    fn split(name: &str) -> Option<(&str, &str)> {
        if let (Some(stripped), Some(open)) = (name.strip_suffix(']'), name.rfind('[')) {
            if open > 0 {
                return Some((&name[..open], &stripped[open + 1..]));
            }
        }
        if let Some(at) = name.rfind(" - ") {
            return Some((&name[..at], &name[at + 3..]));
        }
        name.rfind('_')
            .filter(|&at| at > 0 && at + 1 < name.len())
            .map(|at| (&name[..at], &name[at + 1..]))
    }
    let parts: Vec<Option<(&str, &str)>> = names.iter().map(|n| split(n)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, s) in parts.iter().flatten() {
        *counts.entry(s).or_default() += 1;
    }
    let shared: HashSet<&str> = counts
        .iter()
        .filter(|(_, n)| **n >= 2)
        .map(|(s, _)| *s)
        .collect();
    let split_ok = shared.len() >= 2;
    names
        .iter()
        .zip(&parts)
        .map(|(name, p)| match p {
            Some((stem, s)) if split_ok && shared.contains(s) => (s.to_string(), stem.to_string()),
            _ => (String::new(), name.to_string()),
        })
        .unzip()
}

/// A measure's id: the first word of its suffix that the other measures'
/// suffixes lack (`herkenbaar` out of "Hoe herkenbaar is dit ...?").
fn name_measures(measures: &mut [MeasureDraft]) {
    let words: Vec<Vec<String>> = measures
        .iter()
        .map(|m| slug(&m.suffix).split('_').map(String::from).collect())
        .collect();
    let mut used = HashSet::new();
    for (i, m) in measures.iter_mut().enumerate() {
        let own = words[i].iter().find(|w| {
            !w.is_empty()
                && words
                    .iter()
                    .enumerate()
                    .all(|(j, o)| j == i || !o.contains(w))
        });
        let mut id = match own {
            Some(w) => w.clone(),
            None if m.suffix.is_empty() => "rating".into(),
            None => slug(&m.suffix),
        };
        if id.is_empty() || !used.insert(id.clone()) {
            id = format!("measure_{}", i + 1);
            used.insert(id.clone());
        }
        m.id = id;
    }
}

/// The area of each item stem: the text before `: ` for question texts, the
/// letters before the number for codes (`BRUK1` -> `BRUK`), shortened by one
/// letter when the codes cross areas with a shared set of last letters
/// (`BRUK`, `BRUV`, `BRUA`, `ADVK` ... -> `BRU`, `ADV`: K/V/A is a dimension).
fn area_keys(stems: &[String]) -> Vec<String> {
    let key = |s: &str| -> String {
        if s.contains(' ') {
            s.split_once(": ")
                .map(|(a, _)| a.to_string())
                .unwrap_or_default()
        } else {
            s.chars().take_while(|c| c.is_alphabetic()).collect()
        }
    };
    let keys: Vec<String> = stems.iter().map(|s| key(s)).collect();
    let distinct: Vec<&String> = {
        let mut seen = HashSet::new();
        keys.iter().filter(|k| seen.insert(k.as_str())).collect()
    };
    let coded = distinct
        .iter()
        .all(|k| k.chars().count() >= 3 && !k.contains(' '));
    if !coded || distinct.len() < 4 {
        return keys;
    }
    let cut = |k: &str| -> (String, char) {
        let mut chars: Vec<char> = k.chars().collect();
        let last = chars.pop().unwrap_or(' ');
        (chars.into_iter().collect(), last)
    };
    let mut lasts: BTreeMap<String, Vec<char>> = BTreeMap::new();
    for k in &distinct {
        let (head, last) = cut(k);
        lasts.entry(head).or_default().push(last);
    }
    let mut sets: Vec<Vec<char>> = lasts.values().cloned().collect();
    for s in &mut sets {
        s.sort();
    }
    let cross = lasts.len() >= 2 && sets.iter().all(|s| s.len() >= 2 && *s == sets[0]);
    if cross {
        keys.iter().map(|k| cut(k).0).collect()
    } else {
        keys
    }
}

fn item_text(stem: &str, area_key: &str) -> String {
    if stem.contains(' ') && !area_key.is_empty() {
        stem.strip_prefix(area_key)
            .and_then(|s| s.strip_prefix(": "))
            .unwrap_or(stem)
            .to_string()
    } else {
        stem.to_string()
    }
}

fn name_areas(areas: &mut [AreaDraft]) {
    let mut used = HashSet::new();
    for (i, a) in areas.iter_mut().enumerate() {
        let mut id = slug(&a.key);
        if id.len() > 24 {
            id = id[..24].trim_end_matches('_').to_string();
        }
        if id.is_empty() || !used.insert(id.clone()) {
            id = format!("area_{}", i + 1);
            used.insert(id.clone());
        }
        a.id = id;
    }
}

/// An item's id: its code (`bruk1`) when short, else `<area>_<n>`.
fn name_items(items: &mut [ItemDraft], areas: &[AreaDraft]) {
    let mut used = HashSet::new();
    let mut per_area: HashMap<usize, usize> = HashMap::new();
    for it in items.iter_mut() {
        let n = per_area.entry(it.area).or_default();
        *n += 1;
        let code = slug(&it.text);
        let mut id = if !it.text.contains(' ') && !code.is_empty() && code.len() <= 24 {
            code
        } else {
            format!("{}_{:02}", areas[it.area].id, n)
        };
        let mut k = 2;
        while !used.insert(id.clone()) {
            id = format!(
                "{}_{k}",
                id.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_')
            );
            k += 1;
        }
        it.id = id;
    }
}

/// Lower-case ASCII letters, digits and `_`; accents dropped, runs of
/// anything else one `_`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

// ---------------------------------------------------------------------------
// Scale, labels, codes and missing codes from the cells of a measure.

#[derive(Default, Clone, PartialEq)]
struct ScaleGuess {
    min: i64,
    max: i64,
    /// Values seen outside the scale guessed (slips): (value, count).
    rare: Vec<(String, usize)>,
    /// Ordered labels, or the label texts that could not be ordered.
    labels: Vec<(i64, String)>,
    unordered: Vec<String>,
    /// Original code text -> value.
    codes: Vec<(String, i64)>,
    /// Missing codes seen: (original text, count).
    missing: Vec<(String, usize)>,
}

impl ScaleGuess {
    fn from_columns(cols: &[&Column]) -> ScaleGuess {
        let mut g = ScaleGuess::default();
        // Numbers by value ("1" and "1,0" alike), codes by text, texts apart.
        let mut numbers: BTreeMap<i64, (usize, String)> = BTreeMap::new();
        let mut codes: BTreeMap<String, (usize, i64)> = BTreeMap::new();
        let mut texts: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
        let mut missing: BTreeMap<String, usize> = BTreeMap::new();
        for c in cols {
            for (v, (n, shown)) in &c.values {
                match kind(v) {
                    Kind::Missing => *missing.entry(shown.clone()).or_default() += n,
                    Kind::Number(x) => numbers.entry(x).or_insert((0, shown.clone())).0 += n,
                    Kind::Code(_, x) => codes.entry(v.to_uppercase()).or_insert((0, x)).0 += n,
                    Kind::Text => texts.entry(v.as_str()).or_insert((0, shown.as_str())).0 += n,
                }
            }
        }
        let mut values: BTreeMap<i64, usize> = BTreeMap::new();
        for (x, (n, _)) in &numbers {
            *values.entry(*x).or_default() += n;
        }
        for (n, x) in codes.values() {
            *values.entry(*x).or_default() += n;
        }
        // 9, 99, 999 apart from the other values: "don't know" by convention.
        let dont_know: HashSet<i64> = values
            .keys()
            .copied()
            .filter(|&x| {
                [9, 99, 999].contains(&x)
                    && !values.contains_key(&(x - 1))
                    && values.keys().any(|v| (0..x - 1).contains(v))
            })
            .collect();
        let dont_know = |x: i64| dont_know.contains(&x);
        for (code, (n, x)) in &codes {
            if dont_know(*x) {
                missing.insert(code.clone(), *n);
            }
        }
        for (x, (n, shown)) in &numbers {
            if dont_know(*x) {
                missing.insert(shown.clone(), *n);
            }
        }
        values.retain(|x, _| !dont_know(*x));
        codes.retain(|_, (_, x)| !dont_know(*x));
        g.missing = missing.into_iter().collect();

        // Labels: ordered by their wording, if that gives each its own place.
        let mut ranked: Vec<(u8, String)> = Vec::new();
        let mut orderable = true;
        for (v, (_, shown)) in &texts {
            match label_rank(v) {
                Some(r) if ranked.iter().all(|(k, _)| *k != r) => {
                    ranked.push((r, tidy_label(shown, v)))
                }
                _ => orderable = false,
            }
        }
        ranked.sort();
        let k = if orderable { ranked.len() as i64 } else { 0 };
        let cells: usize = cols.iter().map(|c| c.filled).sum();
        let (min, max) = scale_range(&values, cells, k);
        g.min = min;
        g.max = max;
        if orderable && k > 0 && k == max - min + 1 {
            g.labels = ranked
                .into_iter()
                .zip(min..)
                .map(|((_, l), v)| (v, l))
                .collect();
        } else {
            g.unordered = texts
                .iter()
                .map(|(v, (_, shown))| tidy_label(shown, v))
                .collect();
        }
        for (x, (n, shown)) in &numbers {
            if !(min..=max).contains(x) && !dont_know(*x) {
                g.rare.push((shown.clone(), *n));
            }
        }
        for (code, (n, x)) in &codes {
            if (min..=max).contains(x) {
                g.codes.push((code.clone(), *x));
            } else {
                g.rare.push((code.clone(), *n));
            }
        }
        g.codes.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        g
    }
}

/// The scale's range from the values seen (value -> cells, of `cells`
/// filled cells in all) and the number of ordered labels `k` (0: none). With labels: the `k` points that cover
/// most cells (nearest to 1 on a tie). Without: the values seen, less those
/// seen once or twice in a thousand cells at either end (a slip, not a
/// scale point).
fn scale_range(values: &BTreeMap<i64, usize>, cells: usize, k: i64) -> (i64, i64) {
    let total = cells;
    let frequent: Vec<i64> = values
        .iter()
        .filter(|(_, n)| !(**n <= 2 && **n * 1000 < total))
        .map(|(x, _)| *x)
        .collect();
    let (lo, hi) = match (frequent.first(), frequent.last()) {
        (Some(lo), Some(hi)) => (*lo, *hi),
        _ => return (1, k.max(2)),
    };
    if k < 2 || hi - lo + 1 > k {
        return (lo, hi);
    }
    let covered = |a: i64| -> usize { values.range(a..=a + k - 1).map(|(_, n)| n).sum() };
    let best = (hi - k + 1..=lo)
        .max_by_key(|a| (covered(*a), std::cmp::Reverse((a - 1).abs())))
        .unwrap_or(lo);
    (best, best + k - 1)
}

/// A label as written: the text seen, in lower case unless it was mixed case.
fn tidy_label(shown: &str, normalized: &str) -> String {
    if shown.chars().any(char::is_lowercase) {
        let mut c = shown.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        normalized.to_string()
    }
}

/// Where a Likert label sits, from its words: "helemaal niet" < "niet" <
/// "neutraal" < plain < "zeer" (and their English equivalents).
fn label_rank(label: &str) -> Option<u8> {
    let words: Vec<&str> = label.split(' ').collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let negative = has(&[
        "niet",
        "not",
        "oneens",
        "disagree",
        "geen",
        "nooit",
        "never",
        "onvoldoende",
    ]);
    let strong = has(&[
        "zeer",
        "heel",
        "helemaal",
        "volledig",
        "totaal",
        "very",
        "strongly",
        "completely",
        "extremely",
    ]);
    let neutral = has(&["neutraal", "neutral", "neither", "gemiddeld"]);
    Some(match (negative, strong, neutral) {
        (_, _, true) => 2,
        (true, true, _) => 0,
        (true, false, _) => 1,
        (false, false, _) => 3,
        (false, true, _) => 4,
    })
}

// ---------------------------------------------------------------------------
// Writing the draft.

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it may be, quoted otherwise.
fn key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        s.to_string()
    } else {
        q(s)
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
    )
}

fn seen(values: &[(String, usize)]) -> String {
    values
        .iter()
        .map(|(v, n)| format!("{v:?} {n}x"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Draft {
    fn render(&self, export: &Export, round: &RoundDraft, name: &str) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "# Draft codebook written by `peil init` from {} ({} columns, {} data rows read).\n\
             # Every guess is followed by \"# check:\". Fill in each area's label (peil\n\
             # validate refuses an empty one), read every check, then run peil validate.",
            round.questionnaire,
            export.columns.len(),
            export.rows
        );
        let _ = writeln!(
            t,
            "\n[study]\nname = {}  # check: the study's name",
            q(name)
        );
        t.push_str("language = \"nl\"  # check: nl or en, the language of the report\n");
        self.render_scale(&mut t);
        self.render_respondents(&mut t);
        for m in &self.measures {
            let _ = writeln!(t, "\n[[measures]]\nid = {}", q(&m.id));
            let why = if m.suffix.is_empty() {
                "one measure: no column-name suffix is shared".to_string()
            } else {
                format!("the {} columns ending in {:?}", m.columns, m.suffix)
            };
            let label = if m.suffix.is_empty() {
                "Score"
            } else {
                m.suffix.as_str()
            };
            let _ = writeln!(
                t,
                "label = {}  # check: {why}; the name the report shows",
                q(label)
            );
            if self.own_scales() {
                render_labels_codes(&mut t, &m.scale, true);
            }
        }
        for a in &self.areas {
            let n = self
                .items
                .iter()
                .filter(|i| self.areas[i.area].id == a.id)
                .count();
            let why = if a.key.is_empty() {
                format!("all {n} items: no shared prefix found; split them into areas")
            } else {
                format!("{n} items whose columns start with {:?}", a.key)
            };
            let _ = writeln!(t, "\n[[areas]]\nid = {}  # check: {why}", q(&a.id));
            t.push_str("label = \"\"  # check: fill in\n");
        }
        for it in &self.items {
            let _ = writeln!(
                t,
                "\n[[items]]\nid = {}\narea = {}\ntext = {}  # check: the item's wording",
                q(&it.id),
                q(&self.areas[it.area].id),
                q(&it.text)
            );
            let cols: Vec<String> = it
                .columns
                .iter()
                .map(|(m, c)| format!("{} = {}", key(&self.measures[*m].id), q(c)))
                .collect();
            let _ = writeln!(t, "columns = {{ {} }}", cols.join(", "));
        }
        self.render_rules(&mut t);
        t.push_str("\n[[rounds]]\nid = \"ronde-1\"  # check: the round's id\n");
        let _ = write!(t, "questionnaire = {}", q(&round.questionnaire));
        if round.inside {
            t.push('\n');
        } else {
            t.push_str("  # check: copy the export into the study folder (beside study.toml)\n");
        }
        if let Some(s) = &round.sheet {
            let _ = writeln!(t, "sheet = {}  # check: the sheet with the answers", q(s));
        }
        if round.header_rows != 1 {
            let _ = writeln!(
                t,
                "header_rows = {}  # check: rows 2-{} look like Qualtrics question-text / ImportId rows",
                round.header_rows, round.header_rows
            );
        }
        t
    }

    /// Whether the measures' labels or codes differ: then each measure gets
    /// its own, else the scale holds them.
    fn own_scales(&self) -> bool {
        self.measures
            .windows(2)
            .any(|w| w[0].scale.labels != w[1].scale.labels || w[0].scale.codes != w[1].scale.codes)
    }

    fn render_scale(&self, t: &mut String) {
        let min = self.measures.iter().map(|m| m.scale.min).min().unwrap_or(1);
        let max = self.measures.iter().map(|m| m.scale.max).max().unwrap_or(4);
        let mut rare: Vec<(String, usize)> = Vec::new();
        let mut missing: BTreeMap<String, usize> = BTreeMap::new();
        for m in &self.measures {
            rare.extend(m.scale.rare.iter().cloned());
            for (v, n) in &m.scale.missing {
                *missing.entry(v.clone()).or_default() += n;
            }
        }
        let _ = writeln!(t, "\n[scale]\nmin = {min}  # check: the lowest value seen");
        let mut why = "the highest value seen".to_string();
        if !rare.is_empty() {
            let _ = write!(
                why,
                "; seen but left off the scale (such cells will be invalid): {}",
                seen(&rare)
            );
        }
        let _ = writeln!(t, "max = {max}  # check: {why}");
        let mut codes: Vec<String> = missing.keys().cloned().collect();
        codes.push(String::new());
        let why = if missing.is_empty() {
            "no missing code seen; add texts that mean \"no rating\"".to_string()
        } else {
            format!("seen: {}", seen(&missing.into_iter().collect::<Vec<_>>()))
        };
        let _ = writeln!(
            t,
            "missing = {}  # check: {why}; an empty cell is always missing",
            list(&codes)
        );
        if !self.own_scales() {
            if let Some(m) = self.measures.first() {
                render_labels_codes(t, &m.scale, false);
            }
        }
    }

    fn render_respondents(&self, t: &mut String) {
        let r = &self.respondents;
        let _ = writeln!(
            t,
            "\n[respondents]\nid = {}  # check: {}",
            q(&r.id),
            r.id_why
        );
        match &r.group {
            Some((name, values)) => {
                let shown: Vec<String> = values.iter().take(12).cloned().collect();
                let _ = writeln!(
                    t,
                    "group = {}  # check: the stakeholder group; {} values seen",
                    q(name),
                    values.len()
                );
                if let Some(inst) = &r.institution {
                    let _ = writeln!(
                        t,
                        "institution = {}  # check: guessed from its name",
                        q(inst)
                    );
                }
                let _ = writeln!(
                    t,
                    "# groups = {}  # check: uncomment to allow only these groups, in this display order",
                    list(&shown)
                );
            }
            None => {
                t.push_str("group = \"\"  # check: no column looks like a stakeholder group; name the one there is\n");
            }
        }
    }

    /// Default rules on a 1-4 scale; on another scale the same thresholds
    /// at the same relative places.
    fn render_rules(&self, t: &mut String) {
        let min = self.measures.iter().map(|m| m.scale.min).min().unwrap_or(1) as f64;
        let max = self.measures.iter().map(|m| m.scale.max).max().unwrap_or(4) as f64;
        if (min, max) == (1.0, 4.0) {
            return;
        }
        let at = |x: f64| min + (x - 1.0) / 3.0 * (max - min);
        let _ = writeln!(
            t,
            "\n[rules]  # check: the 1-4 defaults moved to the scale {min}..{max}\n\
             keep_min_mean = {:.2}\ndrop_below_mean = {:.2}",
            at(3.0),
            at(2.5)
        );
    }
}

/// Labels and codes of a scale guess, as `[scale.labels]` + `codes` (scale)
/// or inline `labels` / `codes` (a measure).
fn render_labels_codes(t: &mut String, g: &ScaleGuess, inline: bool) {
    let codes: Vec<String> = g
        .codes
        .iter()
        .map(|(c, v)| format!("{} = {v}", key(c)))
        .collect();
    if !codes.is_empty() {
        let _ = writeln!(
            t,
            "codes = {{ {} }}  # check: answer codes seen",
            codes.join(", ")
        );
    }
    let why = "ordered by their wording (helemaal niet < niet < ... < zeer)";
    if !g.labels.is_empty() {
        let labels: Vec<String> = g
            .labels
            .iter()
            .map(|(v, l)| format!("{v} = {}", q(l)))
            .collect();
        if inline {
            let _ = writeln!(t, "labels = {{ {} }}  # check: {why}", labels.join(", "));
        } else {
            let _ = writeln!(t, "[scale.labels]  # check: {why}");
            for l in labels {
                let _ = writeln!(t, "{l}");
            }
        }
    } else if !g.unordered.is_empty() {
        let _ = writeln!(
            t,
            "# check: answer texts seen that could not be ordered; give each its value in {}:\n# {}",
            if inline { "labels = { 1 = \"...\" }" } else { "[scale.labels]" },
            list(&g.unordered)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_ordered_by_their_wording() {
        let mut l = vec![
            "zeer herkenbaar",
            "niet herkenbaar",
            "helemaal niet herkenbaar",
            "herkenbaar",
        ];
        l.sort_by_key(|s| label_rank(s));
        assert_eq!(
            l,
            vec![
                "helemaal niet herkenbaar",
                "niet herkenbaar",
                "herkenbaar",
                "zeer herkenbaar"
            ]
        );
        assert!(label_rank("neutraal") < label_rank("mee eens"));
        assert!(label_rank("mee oneens") < label_rank("neutraal"));
    }

    #[test]
    fn measures_split_on_shared_suffixes() {
        let (s, stems) = split_measures(&["Q1_herk", "Q1_toep", "Q2[herk]", "Q2[toep]", "Q3_x"]);
        assert_eq!(s, vec!["herk", "toep", "herk", "toep", ""]);
        assert_eq!(stems, vec!["Q1", "Q1", "Q2", "Q2", "Q3_x"]);
        let (s, _) = split_measures(&["A1", "A2_herk"]);
        assert_eq!(s, vec!["", ""]);
    }

    #[test]
    fn code_areas_drop_a_crossed_dimension_letter() {
        let stems: Vec<String> = ["BASK1", "BASV1", "BASA1", "BRUK1", "BRUV2", "BRUA1"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            area_keys(&stems),
            vec!["BAS", "BAS", "BAS", "BRU", "BRU", "BRU"]
        );
        let stems: Vec<String> = ["Q1", "Q2", "R1"].map(String::from).to_vec();
        assert_eq!(area_keys(&stems), vec!["Q", "Q", "R"]);
        let stems = vec!["Coach: Stelt vragen?".to_string()];
        assert_eq!(area_keys(&stems), vec!["Coach"]);
    }

    #[test]
    fn toml_strings_and_slugs() {
        assert_eq!(q("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(key("A1"), "A1");
        assert_eq!(key("a b"), "\"a b\"");
        assert_eq!(slug("Hoe herkenbaar is dít?"), "hoe_herkenbaar_is_dit");
        assert_eq!(kind("a1"), Kind::Code("a".into(), 1));
        assert_eq!(kind("3,0"), Kind::Number(3));
        assert_eq!(kind("weet niet"), Kind::Missing);
        assert_eq!(kind("-oth-"), Kind::Text);
    }
}
