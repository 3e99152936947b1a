//! The codebook: `study.toml` parsed, checked and turned into indices.
//!
//! Owns every configuration rule of the contract (section 1): unknown keys,
//! items in unknown areas, columns named twice, rule values out of range,
//! paths that leave the study folder. Everything downstream may assume a
//! [`Codebook`] is consistent. This module must not read the exports: a
//! column missing from an export is found by `ingest`, which knows the file.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

/// A configuration mistake. Every message names the key or column and the fix;
/// all of them end in exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    #[error("{path}: cannot read the codebook: {source}\n  fix: every study folder needs a study.toml (see the README)")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: {key}: {problem}\n  fix: {fix}")]
    Invalid {
        path: PathBuf,
        key: String,
        problem: String,
        fix: String,
    },
}

/// Report language: chart labels, decimal separator in Markdown and report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    /// The decimal separator of the report's rounding ("2,9" or "2.9").
    pub fn decimal_separator(self) -> char {
        match self {
            Language::Nl => ',',
            Language::En => '.',
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Language::Nl => "nl",
            Language::En => "en",
        })
    }
}

// ---------------------------------------------------------------------------
// The file as written. `deny_unknown_fields` everywhere: a typo is an error,
// not a silently ignored setting.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCodebook {
    study: RawStudy,
    scale: RawScale,
    respondents: RawRespondents,
    measures: Vec<RawMeasure>,
    areas: Vec<RawArea>,
    items: Vec<RawItem>,
    #[serde(default)]
    rules: Rules,
    #[serde(default)]
    privacy: Privacy,
    consultation: Option<Consultation>,
    rounds: Vec<RawRound>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStudy {
    name: String,
    #[serde(default)]
    language: Language,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    min: i64,
    max: i64,
    #[serde(default)]
    missing: Vec<String>,
    #[serde(default)]
    codes: BTreeMap<String, i64>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRespondents {
    id: String,
    group: String,
    institution: Option<String>,
    groups: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    id: String,
    label: String,
    labels: Option<BTreeMap<String, String>>,
    codes: Option<BTreeMap<String, i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    area: String,
    dimension: Option<String>,
    text: String,
    columns: BTreeMap<String, String>,
    previous: Option<String>,
    rounds: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRound {
    id: String,
    label: Option<String>,
    date: Option<String>,
    questionnaire: String,
    consultation: Option<String>,
    sheet: Option<String>,
    header_rows: Option<usize>,
}

// ---------------------------------------------------------------------------
// The checked codebook.

/// Keep / reword / drop thresholds (`[rules]`); the defaults are the contract's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    pub min_answered: f64,
    pub keep_min_mean: f64,
    pub keep_min_pct_agree: f64,
    pub drop_below_mean: f64,
    pub drop_below_pct_agree: f64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            min_answered: 0.5,
            keep_min_mean: 3.0,
            keep_min_pct_agree: 0.78,
            drop_below_mean: 2.5,
            drop_below_pct_agree: 0.50,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Privacy {
    pub min_cell: u32,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy { min_cell: 5 }
    }
}

/// Allowed consultation codes (used by the consultation issue).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub stances: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    /// Normalized missing codes (see [`normalize_cell`]).
    pub missing: Vec<String>,
    /// Normalized answer code -> scale value (LimeSurvey `A1` ...).
    pub codes: BTreeMap<String, i64>,
    pub labels: BTreeMap<i64, String>,
}

impl Scale {
    /// Ratings strictly above this count as agreement (3 and 4 on 1-4).
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) as f64 / 2.0
    }

    /// Every value of the scale, low to high.
    pub fn values(&self) -> impl Iterator<Item = i64> + Clone {
        self.min..=self.max
    }
}

#[derive(Debug, Clone)]
pub struct RespondentColumns {
    pub id: String,
    pub group: String,
    pub institution: Option<String>,
    /// Allowed groups in display order; `None`: order of first appearance.
    pub groups: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Measure {
    pub id: String,
    pub label: String,
    /// This measure's labels, or the scale's.
    pub labels: BTreeMap<i64, String>,
    /// This measure's normalized answer codes, or the scale's.
    pub codes: BTreeMap<String, i64>,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    /// Index into [`Codebook::areas`].
    pub area: usize,
    pub dimension: Option<String>,
    pub text: String,
    /// (index into [`Codebook::measures`], export column), in measure order.
    pub columns: Vec<(usize, String)>,
    /// The item's id in the previous round, when it was reworded or renumbered.
    pub previous: Option<String>,
    /// The rounds (ids) that ask the item; `None`: every round.
    pub rounds: Option<Vec<String>>,
}

impl Item {
    pub fn asked_in(&self, round: &str) -> bool {
        self.rounds
            .as_ref()
            .is_none_or(|r| r.iter().any(|id| id == round))
    }
}

#[derive(Debug, Clone)]
pub struct Round {
    pub id: String,
    pub label: Option<String>,
    pub date: Option<String>,
    /// Relative to the study folder, checked to stay inside it.
    pub questionnaire: PathBuf,
    pub consultation: Option<PathBuf>,
    pub sheet: Option<String>,
    /// Rows above the data as written in study.toml (checked 1..=20);
    /// `None`: one, unless Qualtrics rows are detected (`ingest`).
    pub header_rows: Option<usize>,
}

/// A checked `study.toml`. Vectors are in file order, which is the order of
/// every output.
#[derive(Debug, Clone)]
pub struct Codebook {
    /// The study folder (the directory holding `study.toml`).
    pub dir: PathBuf,
    /// The study's folder name, used for output paths.
    pub slug: String,
    /// SHA-256 of `study.toml` as read, for the manifest.
    pub sha256: String,
    pub name: String,
    pub language: Language,
    pub scale: Scale,
    pub respondents: RespondentColumns,
    pub measures: Vec<Measure>,
    pub areas: Vec<Area>,
    pub items: Vec<Item>,
    pub rules: Rules,
    pub min_cell: u32,
    pub consultation: Option<Consultation>,
    pub rounds: Vec<Round>,
}

/// Trim, collapse inner whitespace and lower-case: how the contract compares
/// cells with labels, codes and missing codes.
pub fn normalize_cell(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

impl Codebook {
    /// Reads and checks `<dir>/study.toml`.
    pub fn load(dir: &Path) -> Result<Codebook, CodebookError> {
        let path = dir.join("study.toml");
        let bytes = std::fs::read(&path).map_err(|source| CodebookError::Read {
            path: path.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let ok = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            CodebookError::Invalid {
                path: path.clone(),
                key: format!("line {}", ok.iter().filter(|b| **b == b'\n').count() + 1),
                problem: "the file is not UTF-8 text".into(),
                fix: "save study.toml as UTF-8 (in Excel or Notepad: \"UTF-8\" encoding)".into(),
            }
        })?;
        Self::parse(dir, &text)
    }

    /// Checks codebook text as if it were `<dir>/study.toml`.
    pub fn parse(dir: &Path, text: &str) -> Result<Codebook, CodebookError> {
        let path = dir.join("study.toml");
        let raw: RawCodebook = toml::from_str(text).map_err(|e| CodebookError::Parse {
            path: path.clone(),
            message: parse_message(&e, text),
        })?;
        let mut cb = Checker { path }.check(dir, raw)?;
        cb.sha256 = crate::digest::sha256_hex(text.as_bytes());
        Ok(cb)
    }

    /// Number of (item, measure) columns: what a complete respondent rated.
    pub fn rating_columns(&self) -> usize {
        self.items.iter().map(|i| i.columns.len()).sum()
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The codebook as one round sees it: only the items that round asks.
    /// Everything downstream of ingest works on this view, so item indices
    /// are the round's own; rounds are linked by item id (see `compare`).
    pub fn for_round(&self, round: &str) -> Codebook {
        Codebook {
            items: self
                .items
                .iter()
                .filter(|i| i.asked_in(round))
                .cloned()
                .collect(),
            ..self.clone()
        }
    }

    /// Items of `area` that have a column for `measure`: the area's `k`.
    pub fn area_k(&self, measure: usize, area: usize) -> usize {
        self.items
            .iter()
            .filter(|i| i.area == area && i.columns.iter().any(|(m, _)| *m == measure))
            .count()
    }
}

fn parse_message(e: &toml::de::Error, text: &str) -> String {
    let msg = e.message();
    let place = e
        .span()
        .map(|s| {
            let before = text.get(..s.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}: ")
        })
        .unwrap_or_default();
    let fix = if msg.contains("unknown field") {
        "remove or rename the key; the keys a study.toml may hold are listed in the README"
    } else if msg.contains("missing field") {
        "add the key; see the example study.toml in the README"
    } else {
        "correct the TOML at that place"
    };
    format!("{place}{msg}\n  fix: {fix}")
}

struct Checker {
    path: PathBuf,
}

/// Qualtrics writes 3; anything near this is a typo.
const MAX_HEADER_ROWS: usize = 20;

impl Checker {
    fn err(
        &self,
        key: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) -> CodebookError {
        CodebookError::Invalid {
            path: self.path.clone(),
            key: key.into(),
            problem: problem.into(),
            fix: fix.into(),
        }
    }

    fn check(&self, dir: &Path, raw: RawCodebook) -> Result<Codebook, CodebookError> {
        let scale = self.scale(raw.scale)?;
        let respondents = self.respondents(raw.respondents)?;
        let measures = self.measures(raw.measures, &scale)?;
        let areas = self.areas(raw.areas)?;
        let rounds = self.rounds(raw.rounds, dir)?;
        let items = self.items(raw.items, &measures, &areas, &rounds)?;
        self.unique_columns(&items, &measures, &respondents, &rounds)?;
        if let Some(r) = rounds
            .iter()
            .find(|r| !items.iter().any(|i| i.asked_in(&r.id)))
        {
            return Err(self.err(
                format!("[[rounds]] {}", r.id),
                "asks no item: every item's rounds leave it out",
                format!("add \"{}\" to the rounds of the items it asks", r.id),
            ));
        }
        self.rules(&raw.rules, &scale)?;
        if raw.privacy.min_cell == 0 {
            return Err(self.err(
                "[privacy] min_cell",
                "is 0",
                "use 1 or more (5 is the default); groups below it never show figures",
            ));
        }
        if raw.study.name.trim().is_empty() {
            return Err(self.err("[study] name", "is empty", "give the study a name"));
        }
        let slug = dir
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .or_else(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "study".to_string());
        Ok(Codebook {
            dir: dir.to_path_buf(),
            slug,
            sha256: String::new(),
            name: raw.study.name,
            language: raw.study.language,
            scale,
            respondents,
            measures,
            areas,
            items,
            rules: raw.rules,
            min_cell: raw.privacy.min_cell,
            consultation: raw.consultation,
            rounds,
        })
    }

    fn scale(&self, raw: RawScale) -> Result<Scale, CodebookError> {
        if raw.min >= raw.max {
            return Err(self.err(
                "[scale] min/max",
                format!("min = {} is not below max = {}", raw.min, raw.max),
                "set min below max, e.g. min = 1, max = 4",
            ));
        }
        // Ratings are stored as i8 and counted per value: keep the scale small.
        if raw.min < -100 || raw.max > 100 || raw.max - raw.min > 20 {
            return Err(self.err(
                "[scale] min/max",
                format!(
                    "{}..{} is not a rating scale peil supports",
                    raw.min, raw.max
                ),
                "use a scale of at most 21 points between -100 and 100",
            ));
        }
        let labels = self.labels("[scale.labels]", raw.labels, raw.min, raw.max)?;
        let codes = self.codes("[scale] codes", raw.codes, raw.min, raw.max)?;
        let missing = raw.missing.iter().map(|m| normalize_cell(m)).collect();
        Ok(Scale {
            min: raw.min,
            max: raw.max,
            missing,
            codes,
            labels,
        })
    }

    fn labels(
        &self,
        key: &str,
        raw: BTreeMap<String, String>,
        min: i64,
        max: i64,
    ) -> Result<BTreeMap<i64, String>, CodebookError> {
        let mut labels = BTreeMap::new();
        let mut seen = HashSet::new();
        for (value, label) in raw {
            let v: i64 = value.trim().parse().map_err(|_| {
                self.err(
                    format!("{key} {value}"),
                    "is not a scale value",
                    format!("use the numbers {min} to {max} as keys"),
                )
            })?;
            if v < min || v > max {
                return Err(self.err(
                    format!("{key} {value}"),
                    format!("is outside the scale {min}..{max}"),
                    "label only values on the scale",
                ));
            }
            if !seen.insert(normalize_cell(&label)) {
                return Err(self.err(
                    format!("{key} {value}"),
                    format!("label {label:?} is used for two values"),
                    "give every value its own label",
                ));
            }
            self.not_another_number(&format!("{key} {value}"), &label, v)?;
            labels.insert(v, label);
        }
        Ok(labels)
    }

    /// Answer codes (LimeSurvey `A1` ...), normalized like cells.
    fn codes(
        &self,
        key: &str,
        raw: BTreeMap<String, i64>,
        min: i64,
        max: i64,
    ) -> Result<BTreeMap<String, i64>, CodebookError> {
        let mut codes = BTreeMap::new();
        for (code, value) in raw {
            if value < min || value > max {
                return Err(self.err(
                    format!("{key}.{code}"),
                    format!("{value} is outside the scale {min}..{max}"),
                    "map every answer code to a value on the scale",
                ));
            }
            if normalize_cell(&code).is_empty() {
                return Err(self.err(
                    key.to_string(),
                    "has an empty code",
                    "an empty cell is always missing: remove the empty code",
                ));
            }
            self.not_another_number(&format!("{key}.{code}"), &code, value)?;
            codes.insert(normalize_cell(&code), value);
        }
        Ok(codes)
    }

    /// A label or code that is itself a number must be the number it maps
    /// to: with `1 = "3"` a cell `3` would silently be read as 1.
    fn not_another_number(&self, key: &str, text: &str, value: i64) -> Result<(), CodebookError> {
        match text.trim().parse::<i64>() {
            Ok(n) if n != value => Err(self.err(
                key.to_string(),
                format!("{text:?} is the number {n} but stands for {value}"),
                "use words or codes for labels, or the value's own number",
            )),
            _ => Ok(()),
        }
    }

    fn respondents(&self, raw: RawRespondents) -> Result<RespondentColumns, CodebookError> {
        for (key, value) in [("id", &raw.id), ("group", &raw.group)] {
            if value.trim().is_empty() {
                return Err(self.err(
                    format!("[respondents] {key}"),
                    "is empty",
                    "name the export column that holds it",
                ));
            }
        }
        if let Some(groups) = &raw.groups {
            let mut seen = HashSet::new();
            for g in groups {
                let n = normalize_cell(g);
                if n.is_empty() || n == "all" {
                    return Err(self.err(
                        "[respondents] groups",
                        format!("{g:?} cannot be a group name"),
                        "use non-empty names other than ALL (ALL is the row for everyone)",
                    ));
                }
                if !seen.insert(n) {
                    return Err(self.err(
                        "[respondents] groups",
                        format!("{g:?} is listed twice"),
                        "list every group once",
                    ));
                }
            }
        }
        Ok(RespondentColumns {
            id: raw.id,
            group: raw.group,
            institution: raw.institution,
            groups: raw.groups,
        })
    }

    fn measures(&self, raw: Vec<RawMeasure>, scale: &Scale) -> Result<Vec<Measure>, CodebookError> {
        if raw.is_empty() {
            return Err(self.err(
                "[[measures]]",
                "there is none",
                "add one, e.g. [[measures]] id = \"herkenbaarheid\" label = \"Herkenbaarheid\"",
            ));
        }
        let mut ids = HashSet::new();
        raw.into_iter()
            .map(|m| {
                self.id("[[measures]] id", &m.id, &mut ids)?;
                let labels = match m.labels {
                    Some(l) => self.labels(
                        &format!("[[measures]] {} labels", m.id),
                        l,
                        scale.min,
                        scale.max,
                    )?,
                    None => scale.labels.clone(),
                };
                // Like labels: a measure's own codes replace the scale's.
                let codes = match m.codes {
                    Some(c) => self.codes(
                        &format!("[[measures]] {} codes", m.id),
                        c,
                        scale.min,
                        scale.max,
                    )?,
                    None => scale.codes.clone(),
                };
                Ok(Measure {
                    id: m.id,
                    label: m.label,
                    labels,
                    codes,
                })
            })
            .collect()
    }

    fn id(&self, key: &str, id: &str, seen: &mut HashSet<String>) -> Result<(), CodebookError> {
        if id.trim().is_empty() || id.trim() != id {
            return Err(self.err(
                key,
                format!("{id:?} is empty or has surrounding spaces"),
                "use a short id without spaces around it",
            ));
        }
        if !seen.insert(id.to_string()) {
            return Err(self.err(
                key,
                format!("{id:?} is used twice"),
                "give every entry its own id",
            ));
        }
        Ok(())
    }

    fn areas(&self, raw: Vec<RawArea>) -> Result<Vec<Area>, CodebookError> {
        if raw.is_empty() {
            return Err(self.err(
                "[[areas]]",
                "there is none",
                "add at least one competency area",
            ));
        }
        let mut ids = HashSet::new();
        raw.into_iter()
            .map(|a| {
                self.id("[[areas]] id", &a.id, &mut ids)?;
                // `peil init` leaves labels empty for the user to fill in.
                if a.label.trim().is_empty() {
                    return Err(self.err(
                        format!("[[areas]] {} label", a.id),
                        "is empty",
                        "fill in the area's name as the report should show it",
                    ));
                }
                Ok(Area {
                    id: a.id,
                    label: a.label,
                })
            })
            .collect()
    }

    fn items(
        &self,
        raw: Vec<RawItem>,
        measures: &[Measure],
        areas: &[Area],
        rounds: &[Round],
    ) -> Result<Vec<Item>, CodebookError> {
        if raw.is_empty() {
            return Err(self.err(
                "[[items]]",
                "there is none",
                "add the questionnaire's items",
            ));
        }
        let mut ids = HashSet::new();
        let area_ids: Vec<&str> = areas.iter().map(|a| a.id.as_str()).collect();
        let mut items = Vec::with_capacity(raw.len());
        for item in raw {
            self.id("[[items]] id", &item.id, &mut ids)?;
            let key = format!("[[items]] {}", item.id);
            let area = area_ids
                .iter()
                .position(|a| *a == item.area)
                .ok_or_else(|| {
                    self.err(
                        format!("{key} area"),
                        format!("area {:?} is not defined in [[areas]]", item.area),
                        format!("use one of: {}", area_ids.join(", ")),
                    )
                })?;
            if item.columns.is_empty() {
                return Err(self.err(
                    format!("{key} columns"),
                    "names no column",
                    "map at least one measure to its export column, e.g. columns = { herkenbaarheid = \"Q3_1\" }",
                ));
            }
            let mut cols = Vec::with_capacity(item.columns.len());
            for (measure, col) in &item.columns {
                let m = measures
                    .iter()
                    .position(|m| &m.id == measure)
                    .ok_or_else(|| {
                        self.err(
                            format!("{key} columns.{measure}"),
                            format!("measure {measure:?} is not defined in [[measures]]"),
                            format!(
                                "use one of: {}",
                                measures
                                    .iter()
                                    .map(|m| m.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                    })?;
                cols.push((m, col.clone()));
            }
            cols.sort_by_key(|(m, _)| *m);
            let asked = item
                .rounds
                .map(|r| self.item_rounds(&key, r, rounds))
                .transpose()?;
            items.push(Item {
                id: item.id,
                area,
                dimension: item.dimension,
                text: item.text,
                columns: cols,
                previous: item.previous,
                rounds: asked,
            });
        }
        self.previous_links(&items)?;
        Ok(items)
    }

    /// An item's `rounds`: known round ids, at least one, each once.
    fn item_rounds(
        &self,
        key: &str,
        raw: Vec<String>,
        rounds: &[Round],
    ) -> Result<Vec<String>, CodebookError> {
        let known: Vec<&str> = rounds.iter().map(|r| r.id.as_str()).collect();
        if raw.is_empty() {
            return Err(self.err(
                format!("{key} rounds"),
                "is empty",
                "list the rounds that ask the item, or leave the key out for every round",
            ));
        }
        let mut seen = HashSet::new();
        for id in &raw {
            if !known.contains(&id.as_str()) {
                return Err(self.err(
                    format!("{key} rounds"),
                    format!("round {id:?} is not defined in [[rounds]]"),
                    format!("use one of: {}", known.join(", ")),
                ));
            }
            if !seen.insert(id) {
                return Err(self.err(
                    format!("{key} rounds"),
                    format!("round {id:?} is listed twice"),
                    "list every round once",
                ));
            }
        }
        Ok(raw)
    }

    /// `previous` names another item, and no item is the successor of two.
    fn previous_links(&self, items: &[Item]) -> Result<(), CodebookError> {
        let mut claimed: HashMap<&str, &str> = HashMap::new();
        for item in items {
            let Some(prev) = item.previous.as_deref() else {
                continue;
            };
            let key = format!("[[items]] {} previous", item.id);
            if prev == item.id || !items.iter().any(|i| i.id == prev) {
                return Err(self.err(
                    key,
                    format!("{prev:?} is not another item of the codebook"),
                    "name the id the item had in the previous round, and keep that item with rounds = [\"<its round>\"]",
                ));
            }
            if let Some(first) = claimed.insert(prev, &item.id) {
                return Err(self.err(
                    key,
                    format!("item {prev:?} is already the previous item of {first:?}"),
                    "an item can be reworded into one item only",
                ));
            }
        }
        Ok(())
    }

    /// Every export column is named once among what one round reads: the
    /// respondent columns and the items the round asks. Items of different
    /// rounds may share a column (a reworded item keeps its question number).
    fn unique_columns(
        &self,
        items: &[Item],
        measures: &[Measure],
        respondents: &RespondentColumns,
        rounds: &[Round],
    ) -> Result<(), CodebookError> {
        for round in rounds {
            // Column name -> who claimed it first, to name both in the error.
            let mut columns: HashMap<&str, String> = HashMap::new();
            let fixed = [
                ("[respondents] id", Some(&respondents.id)),
                ("[respondents] group", Some(&respondents.group)),
                (
                    "[respondents] institution",
                    respondents.institution.as_ref(),
                ),
            ];
            let item_cols = items
                .iter()
                .filter(|i| i.asked_in(&round.id))
                .flat_map(|i| i.columns.iter().map(move |c| (i, c)));
            let named = fixed
                .into_iter()
                .filter_map(|(key, col)| col.map(|c| (key.to_string(), c)))
                .chain(item_cols.map(|(i, (m, col))| {
                    (
                        format!("[[items]] {} columns.{}", i.id, measures[*m].id),
                        col,
                    )
                }));
            for (who, col) in named {
                if let Some(first) = columns.insert(col, who.clone()) {
                    return Err(self.err(
                        who,
                        format!("column {col:?} is already named by {first}"),
                        "every export column may be named once: check for a copy-paste slip",
                    ));
                }
            }
        }
        Ok(())
    }

    fn rules(&self, rules: &Rules, scale: &Scale) -> Result<(), CodebookError> {
        let shares = [
            ("min_answered", rules.min_answered),
            ("keep_min_pct_agree", rules.keep_min_pct_agree),
            ("drop_below_pct_agree", rules.drop_below_pct_agree),
        ];
        for (key, v) in shares {
            if !(0.0..=1.0).contains(&v) {
                return Err(self.err(
                    format!("[rules] {key}"),
                    format!("{v} is not a share between 0 and 1"),
                    "write shares as fractions, e.g. 0.78 for 78%",
                ));
            }
        }
        let (min, max) = (scale.min as f64, scale.max as f64);
        for (key, v) in [
            ("keep_min_mean", rules.keep_min_mean),
            ("drop_below_mean", rules.drop_below_mean),
        ] {
            if !(min..=max).contains(&v) {
                return Err(self.err(
                    format!("[rules] {key}"),
                    format!("{v} is outside the scale {}..{}", scale.min, scale.max),
                    "use a mean on the scale",
                ));
            }
        }
        if rules.drop_below_mean > rules.keep_min_mean
            || rules.drop_below_pct_agree > rules.keep_min_pct_agree
        {
            return Err(self.err(
                "[rules]",
                "a drop threshold is above the matching keep threshold",
                "drop_below_mean <= keep_min_mean and drop_below_pct_agree <= keep_min_pct_agree",
            ));
        }
        Ok(())
    }

    fn rounds(&self, raw: Vec<RawRound>, dir: &Path) -> Result<Vec<Round>, CodebookError> {
        if raw.is_empty() {
            return Err(self.err(
                "[[rounds]]",
                "there is none",
                "add a round with its questionnaire file, e.g. questionnaire = \"ronde-1/questionnaire.csv\"",
            ));
        }
        let mut ids = HashSet::new();
        raw.into_iter()
            .map(|r| {
                self.id("[[rounds]] id", &r.id, &mut ids)?;
                let key = format!("[[rounds]] {}", r.id);
                let questionnaire =
                    self.inside(&format!("{key} questionnaire"), &r.questionnaire, dir)?;
                let consultation = r
                    .consultation
                    .as_deref()
                    .map(|c| self.inside(&format!("{key} consultation"), c, dir))
                    .transpose()?;
                let header_rows = r.header_rows.unwrap_or(1);
                if header_rows > MAX_HEADER_ROWS {
                    return Err(self.err(
                        format!("{key} header_rows"),
                        format!("{header_rows} is more header rows than any export has"),
                        format!("use 1 (the default), 3 for Qualtrics, at most {MAX_HEADER_ROWS}"),
                    ));
                }
                if header_rows == 0 {
                    return Err(self.err(
                        format!("{key} header_rows"),
                        "is 0",
                        "exports need a header row: use 1 (the default), or 3 for Qualtrics",
                    ));
                }
                Ok(Round {
                    id: r.id,
                    label: r.label,
                    date: r.date,
                    questionnaire,
                    consultation,
                    sheet: r.sheet,
                    header_rows: r.header_rows,
                })
            })
            .collect()
    }

    /// A round's file: relative, inside the study folder, and present.
    fn inside(&self, key: &str, rel: &str, dir: &Path) -> Result<PathBuf, CodebookError> {
        let p = Path::new(rel);
        let escapes = p.is_absolute()
            || p.components().any(|c| {
                matches!(
                    c,
                    Component::ParentDir | Component::RootDir | Component::Prefix(_)
                )
            });
        if rel.trim().is_empty() || escapes {
            return Err(self.err(
                key,
                format!("path {rel:?} leaves the study folder"),
                "give a path relative to the study folder, without '..', e.g. \"ronde-1/questionnaire.csv\"",
            ));
        }
        let full = dir.join(p);
        // A symlink may still point out: compare canonical paths.
        let (Ok(canon), Ok(base)) = (full.canonicalize(), dir.canonicalize()) else {
            return Err(self.err(
                key,
                format!("file {} does not exist", full.display()),
                "put the export there or correct the path",
            ));
        };
        if !canon.starts_with(&base) {
            return Err(self.err(
                key,
                format!("path {rel:?} leaves the study folder (through a link)"),
                "copy the export into the study folder",
            ));
        }
        if !canon.is_file() {
            return Err(self.err(
                key,
                format!("{} is not a file", full.display()),
                "point to the export file",
            ));
        }
        Ok(p.to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const MINIMAL: &str = r#"
[study]
name = "Test"

[scale]
min = 1
max = 4
missing = ["weet niet", ""]
[scale.labels]
1 = "helemaal niet herkenbaar"
2 = "niet herkenbaar"
3 = "herkenbaar"
4 = "zeer herkenbaar"

[respondents]
id = "respondent"
group = "sector"

[[measures]]
id = "herkenbaarheid"
label = "Herkenbaarheid"

[[areas]]
id = "a"
label = "A"

[[items]]
id = "a1"
area = "a"
text = "Item one"
columns = { herkenbaarheid = "Q1" }

[[rounds]]
id = "r1"
questionnaire = "study.toml"
"#;

    fn dir() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("study.toml"), MINIMAL).unwrap();
        d
    }

    fn parse(text: &str) -> Result<Codebook, CodebookError> {
        let d = dir();
        Codebook::parse(d.path(), text)
    }

    #[test]
    fn minimal_codebook_loads_with_defaults() {
        let cb = parse(MINIMAL).unwrap();
        assert_eq!(cb.rules, Rules::default());
        assert_eq!(cb.min_cell, 5);
        assert_eq!(cb.language, Language::Nl);
        assert_eq!(
            cb.measures[0].labels.get(&3).map(String::as_str),
            Some("herkenbaar")
        );
        assert_eq!(cb.rating_columns(), 1);
    }

    #[test]
    fn unknown_key_is_named() {
        let e = parse(&MINIMAL.replace("[study]\n", "[study]\ncolour = 1\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `colour`"), "{e}");
        assert!(e.contains("fix:"), "{e}");
    }

    #[test]
    fn a_number_as_label_or_code_must_be_its_own_value() {
        let e = parse(&MINIMAL.replace("1 = \"helemaal niet herkenbaar\"", "1 = \"3\""))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("[scale.labels] 1") && e.contains("\"3\" is the number 3 but stands for 1"),
            "{e}"
        );
        let e = parse(&MINIMAL.replace("max = 4\n", "max = 4\ncodes = { \"2\" = 4 }\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("is the number 2 but stands for 4"), "{e}");
        // Its own number is harmless.
        parse(&MINIMAL.replace("1 = \"helemaal niet herkenbaar\"", "1 = \"1\"")).unwrap();
    }

    #[test]
    fn item_in_unknown_area_is_named() {
        let e = parse(&MINIMAL.replace("area = \"a\"", "area = \"b\""))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("[[items]] a1 area") && e.contains("\"b\"") && e.contains("use one of: a"),
            "{e}"
        );
    }

    #[test]
    fn column_named_twice_is_named() {
        let text = MINIMAL.replace(
            "columns = { herkenbaarheid = \"Q1\" }",
            "columns = { herkenbaarheid = \"sector\" }",
        );
        let e = parse(&text).unwrap_err().to_string();
        assert!(
            e.contains("\"sector\" is already named by [respondents] group"),
            "{e}"
        );
    }

    #[test]
    fn rule_out_of_range_is_refused() {
        let e = parse(&format!("{MINIMAL}\n[rules]\nkeep_min_pct_agree = 78\n"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("[rules] keep_min_pct_agree") && e.contains("0.78"),
            "{e}"
        );
        let e = parse(&format!("{MINIMAL}\n[rules]\nkeep_min_mean = 5\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("outside the scale 1..4"), "{e}");
    }

    #[test]
    fn scale_min_not_below_max_is_refused() {
        let e = parse(&MINIMAL.replace("min = 1\nmax = 4", "min = 4\nmax = 4"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("min = 4 is not below max = 4"), "{e}");
    }

    #[test]
    fn path_outside_the_study_is_refused() {
        let e = parse(&MINIMAL.replace(
            "questionnaire = \"study.toml\"",
            "questionnaire = \"../../etc/passwd\"",
        ))
        .unwrap_err()
        .to_string();
        assert!(e.contains("leaves the study folder"), "{e}");
        let e = parse(&MINIMAL.replace(
            "questionnaire = \"study.toml\"",
            "questionnaire = \"/etc/passwd\"",
        ))
        .unwrap_err()
        .to_string();
        assert!(e.contains("leaves the study folder"), "{e}");
    }

    #[test]
    fn missing_round_file_is_named() {
        let e = parse(&MINIMAL.replace(
            "questionnaire = \"study.toml\"",
            "questionnaire = \"r1/q.csv\"",
        ))
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("[[rounds]] r1 questionnaire") && e.contains("does not exist"),
            "{e}"
        );
    }

    #[test]
    fn measure_codes_replace_the_scales() {
        let text = MINIMAL
            .replace("max = 4\n", "max = 4\ncodes = { A1 = 1, A4 = 4 }\n")
            .replace(
                "label = \"Herkenbaarheid\"\n",
                "label = \"Herkenbaarheid\"\ncodes = { B1 = 1, \" b2 \" = 2 }\n",
            );
        let cb = parse(&text).unwrap();
        assert_eq!(cb.scale.codes.get("a1"), Some(&1));
        let own: Vec<_> = cb.measures[0].codes.iter().collect();
        assert_eq!(own, vec![(&"b1".to_string(), &1), (&"b2".to_string(), &2)]);
        let e = parse(&text.replace("B1 = 1", "B1 = 7"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("[[measures]] herkenbaarheid codes.B1") && e.contains("outside"),
            "{e}"
        );
    }

    #[test]
    fn empty_area_label_is_refused() {
        let e = parse(&MINIMAL.replace("label = \"A\"", "label = \"\""))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("[[areas]] a label") && e.contains("fill in"),
            "{e}"
        );
    }

    #[test]
    fn normalize_cell_trims_collapses_and_lowercases() {
        assert_eq!(normalize_cell("  ZEER \t Herkenbaar "), "zeer herkenbaar");
        assert_eq!(normalize_cell("\u{a0}weet\u{a0}niet"), "weet niet");
        assert_eq!(normalize_cell(""), "");
    }
}
