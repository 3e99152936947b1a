//! The codebook's checks: each part of `study.toml` as written, checked
//! against docs/reference.md ("The study folder") and turned into the public types.
//!
//! Owns every configuration rule and its message: ids, labels, codes,
//! columns named twice, rounds, rule values, paths that leave the study
//! folder. It must not read the exports (a column missing from an export is
//! found by `ingest`, which knows the file) and must not assemble the
//! `Codebook` (that is `mod.rs`, which calls these checks in order).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use std::cell::RefCell;

use super::columns::{PerRound, Slot};
use super::error::CodebookError;
use super::model::{
    breakdown_slug, About, Area, Breakdown, CommentColumn, Item, Measure, Privacy,
    RespondentColumns, Round, Rules, Scale,
};
use super::normalize::normalize_cell;
use super::raw::{
    RawArea, RawColumn, RawComment, RawItem, RawMeasure, RawRespondents, RawRound, RawScale,
    RawStudy,
};

/// The checks, each naming `path` (the study.toml) in its error.
pub(super) struct Checker {
    pub(super) path: PathBuf,
    /// The column references checked so far that name a column per round.
    pub(super) per_round: RefCell<PerRound>,
}

/// Qualtrics writes 3; anything near this is a typo.
const MAX_HEADER_ROWS: usize = 20;

impl Checker {
    pub(super) fn err(
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

    /// A column reference at `key`: its study-wide name (for a table, the
    /// name in the first round, in `[[rounds]]` order, that has it) and,
    /// for a table, its entries remembered under `slot`. With `every_round`
    /// a table must name a column for each round.
    pub(super) fn column(
        &self,
        key: &str,
        raw: RawColumn,
        slot: Slot,
        rounds: &[Round],
        every_round: bool,
    ) -> Result<String, CodebookError> {
        let table = match raw {
            RawColumn::Same(name) => return self.column_name(key, name),
            RawColumn::PerRound(table) => table,
        };
        let known: Vec<&str> = rounds.iter().map(|r| r.id.as_str()).collect();
        for (round, name) in &table {
            if !known.contains(&round.as_str()) {
                return Err(self.err(
                    format!("{key}.{round}"),
                    format!("round {round:?} is not defined in [[rounds]]"),
                    format!("use one of: {}", known.join(", ")),
                ));
            }
            self.column_name(&format!("{key}.{round}"), name.clone())?;
        }
        if let Some(r) = known
            .iter()
            .find(|r| every_round && !table.contains_key(**r))
        {
            return Err(self.err(
                key,
                format!("names no column for round {r:?}"),
                format!("every round needs this column: add {r} = \"<its column>\""),
            ));
        }
        let first = (known.iter())
            .find_map(|r| table.get(*r))
            .cloned()
            .ok_or_else(|| {
                self.err(
                    key,
                    "the table names no round",
                    "give the column per round, e.g. { ronde-1 = \"Q3_1\", ronde-2 = \"likert[Q3_1]\" }",
                )
            })?;
        self.per_round.borrow_mut().insert(slot, table);
        Ok(first)
    }

    fn column_name(&self, key: &str, name: String) -> Result<String, CodebookError> {
        if name.trim().is_empty() {
            return Err(self.err(
                key,
                "is empty",
                "name the export column that holds it (leave [respondents] id out for an anonymous survey)",
            ));
        }
        Ok(name)
    }

    /// A `[[section]]` list: at least one entry (else `none_fix`), each with
    /// its own id; `check` turns an entry whose id is fine into its type.
    fn entries<R, T>(
        &self,
        section: &str,
        none_fix: &str,
        raw: Vec<R>,
        id: impl Fn(&R) -> &str,
        mut check: impl FnMut(R) -> Result<T, CodebookError>,
    ) -> Result<Vec<T>, CodebookError> {
        if raw.is_empty() {
            return Err(self.err(section, "there is none", none_fix));
        }
        let key = format!("{section} id");
        let mut ids = HashSet::new();
        raw.into_iter()
            .map(|r| {
                self.id(&key, id(&r), &mut ids)?;
                check(r)
            })
            .collect()
    }

    /// A round asks at least one item (`items`: the round's view).
    pub(super) fn round_asks_items(
        &self,
        round: &str,
        items: &[Item],
    ) -> Result<(), CodebookError> {
        if items.is_empty() {
            return Err(self.err(
                format!("[[rounds]] {round}"),
                "asks no item: every item's rounds leave it out, or no item names a column for it",
                format!(
                    "add \"{round}\" to the rounds of the items it asks, and their column in it"
                ),
            ));
        }
        Ok(())
    }

    pub(super) fn privacy(&self, privacy: &Privacy) -> Result<(), CodebookError> {
        if privacy.min_cell == 0 {
            return Err(self.err(
                "[privacy] min_cell",
                "is 0",
                "use 1 or more (5 is the default); groups below it never show figures",
            ));
        }
        Ok(())
    }

    pub(super) fn study(&self, study: &RawStudy) -> Result<(), CodebookError> {
        if study.name.trim().is_empty() {
            return Err(self.err("[study] name", "is empty", "give the study a name"));
        }
        Ok(())
    }

    pub(super) fn scale(&self, raw: RawScale) -> Result<Scale, CodebookError> {
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

    pub(super) fn respondents(
        &self,
        raw: RawRespondents,
        rounds: &[Round],
    ) -> Result<RespondentColumns, CodebookError> {
        let key = "[respondents]";
        let id = (raw.id)
            .map(|c| self.column(&format!("{key} id"), c, Slot::Id, rounds, false))
            .transpose()?;
        if raw.panel && id.is_none() {
            return Err(self.err(
                "[respondents] panel",
                "a panel needs respondent ids, and there is no [respondents] id",
                "name the id column (the same person has the same id in every round), or remove panel = true",
            ));
        }
        let group = self.column(
            &format!("{key} group"),
            raw.group,
            Slot::Group,
            rounds,
            true,
        )?;
        let institution = (raw.institution)
            .map(|c| {
                self.column(
                    &format!("{key} institution"),
                    c,
                    Slot::Institution,
                    rounds,
                    false,
                )
            })
            .transpose()?;
        if let Some(groups) = &raw.groups {
            self.group_list("[respondents] groups", groups)?;
        }
        let breakdowns = self.breakdowns(raw.breakdowns.unwrap_or_default(), rounds)?;
        Ok(RespondentColumns {
            id,
            panel: raw.panel,
            group,
            institution,
            groups: raw.groups,
            breakdowns,
            recodes: Vec::new(),
        })
    }

    /// A list of allowed groups: names other than ALL, each once.
    pub(super) fn group_list(&self, key: &str, groups: &[String]) -> Result<(), CodebookError> {
        let mut seen = HashSet::new();
        for g in groups {
            let n = normalize_cell(g);
            if n.is_empty() || n == "all" {
                return Err(self.err(
                    key,
                    format!("{g:?} cannot be a group name"),
                    "use non-empty names other than ALL (ALL is the row for everyone)",
                ));
            }
            if !seen.insert(n) {
                return Err(self.err(
                    key,
                    format!("{g:?} is listed twice"),
                    "list every group once",
                ));
            }
        }
        Ok(())
    }

    /// Every breakdown needs a slug of its own: it is its folder's name
    /// (from its column in the first round that has it).
    fn breakdowns(
        &self,
        raw: Vec<RawColumn>,
        rounds: &[Round],
    ) -> Result<Vec<Breakdown>, CodebookError> {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut out = Vec::with_capacity(raw.len());
        for (i, c) in raw.into_iter().enumerate() {
            let key = "[respondents] breakdowns";
            let column = self.column(key, c, Slot::Breakdown(i), rounds, false)?;
            let slug = breakdown_slug(&column);
            if slug.is_empty() {
                return Err(self.err(
                    "[respondents] breakdowns",
                    format!("{column:?} has no letter or digit a-z, 0-9 to name its folder"),
                    "rename the column in the export, e.g. \"functie\"",
                ));
            }
            if let Some(first) = seen.insert(slug.clone(), column.clone()) {
                return Err(self.err(
                    "[respondents] breakdowns",
                    format!("{column:?} and {first:?} would both be written to tables/by-{slug}/"),
                    "list every breakdown column once",
                ));
            }
            out.push(Breakdown { column, slug });
        }
        Ok(out)
    }

    pub(super) fn measures(
        &self,
        raw: Vec<RawMeasure>,
        scale: &Scale,
    ) -> Result<Vec<Measure>, CodebookError> {
        self.entries(
            "[[measures]]",
            "add one, e.g. [[measures]] id = \"herkenbaarheid\" label = \"Herkenbaarheid\"",
            raw,
            |m| &m.id,
            |m| {
                let key = |what: &str| format!("[[measures]] {} {what}", m.id);
                let (min, max) = (scale.min, scale.max);
                let labels = match m.labels {
                    Some(l) => self.labels(&key("labels"), l, min, max)?,
                    None => scale.labels.clone(),
                };
                // Like labels: a measure's own codes replace the scale's.
                let codes = match m.codes {
                    Some(c) => self.codes(&key("codes"), c, min, max)?,
                    None => scale.codes.clone(),
                };
                Ok(Measure {
                    id: m.id,
                    label: m.label,
                    labels,
                    codes,
                })
            },
        )
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

    pub(super) fn areas(&self, raw: Vec<RawArea>) -> Result<Vec<Area>, CodebookError> {
        self.entries(
            "[[areas]]",
            "add at least one competency area",
            raw,
            |a| &a.id,
            |a| {
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
            },
        )
    }

    pub(super) fn items(
        &self,
        raw: Vec<RawItem>,
        measures: &[Measure],
        areas: &[Area],
        rounds: &[Round],
    ) -> Result<Vec<Item>, CodebookError> {
        let area_ids: Vec<&str> = areas.iter().map(|a| a.id.as_str()).collect();
        let mut index = 0;
        let items = self.entries(
            "[[items]]",
            "add the questionnaire's items",
            raw,
            |i| &i.id,
            |item| {
                index += 1;
                self.item(item, index - 1, &area_ids, measures, rounds)
            },
        )?;
        self.previous_links(&items)?;
        Ok(items)
    }

    /// One item whose id is fine: its area, columns and rounds.
    fn item(
        &self,
        item: RawItem,
        index: usize,
        area_ids: &[&str],
        measures: &[Measure],
        rounds: &[Round],
    ) -> Result<Item, CodebookError> {
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
        let columns = self.item_columns(&key, item.columns, index, measures, rounds)?;
        let asked = item
            .rounds
            .map(|r| self.item_rounds(&key, r, rounds))
            .transpose()?;
        Ok(Item {
            id: item.id,
            area,
            dimension: item.dimension,
            text: item.text,
            columns,
            previous: item.previous,
            rounds: asked,
            reverse: item.reverse,
        })
    }

    /// An item's `columns`: at least one, each under a known measure, in
    /// measure order.
    fn item_columns(
        &self,
        key: &str,
        raw: BTreeMap<String, RawColumn>,
        item: usize,
        measures: &[Measure],
        rounds: &[Round],
    ) -> Result<Vec<(usize, String)>, CodebookError> {
        if raw.is_empty() {
            return Err(self.err(
                format!("{key} columns"),
                "names no column",
                "map at least one measure to its export column, e.g. columns = { herkenbaarheid = \"Q3_1\" }",
            ));
        }
        let mut cols = Vec::with_capacity(raw.len());
        for (measure, col) in raw {
            let m = measures
                .iter()
                .position(|m| m.id == measure)
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
            let key = format!("{key} columns.{measure}");
            cols.push((
                m,
                self.column(&key, col, Slot::Item(item, m), rounds, false)?,
            ));
        }
        cols.sort_by_key(|(m, _)| *m);
        Ok(cols)
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

    /// `[[comments]]`: a column, and an `about` that names an area or an
    /// item (areas first: an id used for both means the area).
    pub(super) fn comments(
        &self,
        raw: Vec<RawComment>,
        areas: &[Area],
        items: &[Item],
        rounds: &[Round],
    ) -> Result<Vec<CommentColumn>, CodebookError> {
        raw.into_iter()
            .enumerate()
            .map(|(i, c)| {
                let column =
                    self.column("[[comments]] column", c.column, Slot::Comment(i), rounds, false)?;
                let key = format!("[[comments]] {column}");
                let about = match c.about.as_deref() {
                    None => About::General,
                    Some(id) => {
                        if let Some(a) = areas.iter().position(|a| a.id == id) {
                            About::Area(a)
                        } else if items.iter().any(|i| i.id == id) {
                            About::Item(id.to_string())
                        } else {
                            return Err(self.err(
                                format!("{key} about"),
                                format!("{id:?} is neither an area nor an item id"),
                                "use the id of an [[areas]] or [[items]] entry, or leave `about` out for general remarks",
                            ));
                        }
                    }
                };
                Ok(CommentColumn { column, about })
            })
            .collect()
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

    /// Every export column is named once among what one round reads (`cb`:
    /// the round's view): the respondent columns, the items it asks and the
    /// comment columns. Items of different rounds may share a column (a
    /// reworded item keeps its question number).
    pub(super) fn unique_columns(
        &self,
        rc: &RespondentColumns,
        items: &[Item],
        measures: &[Measure],
        comments: &[CommentColumn],
    ) -> Result<(), CodebookError> {
        let mut columns: HashMap<&str, String> = HashMap::new();
        let fixed = [
            ("[respondents] id", rc.id.as_ref()),
            ("[respondents] group", Some(&rc.group)),
            ("[respondents] institution", rc.institution.as_ref()),
        ];
        let breakdowns =
            (rc.breakdowns.iter()).map(|b| ("[respondents] breakdowns", Some(&b.column)));
        let item_cols = (items.iter()).flat_map(|i| i.columns.iter().map(move |c| (i, c)));
        let named = fixed
            .into_iter()
            .chain(breakdowns)
            .filter_map(|(key, col)| col.map(|c| (key.to_string(), c)))
            .chain(item_cols.map(|(i, (m, col))| {
                (
                    format!("[[items]] {} columns.{}", i.id, measures[*m].id),
                    col,
                )
            }))
            .chain((comments.iter()).map(|c| (format!("[[comments]] {}", c.column), &c.column)));
        for (who, col) in named {
            if let Some(first) = columns.insert(col, who.clone()) {
                return Err(self.err(
                    who,
                    format!("column {col:?} is already named by {first}"),
                    "every export column may be named once: check for a copy-paste slip",
                ));
            }
        }
        Ok(())
    }

    pub(super) fn rules(&self, rules: &Rules, scale: &Scale) -> Result<(), CodebookError> {
        let shares = [
            ("min_answered", rules.min_answered),
            ("keep_min_pct_agree", rules.keep_min_pct_agree),
            ("drop_below_pct_agree", rules.drop_below_pct_agree),
            ("consensus_min_agree", rules.consensus_min_agree),
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
        let widest = (scale.max - scale.min) as f64;
        if !(0.0..=widest).contains(&rules.consensus_max_iqr) {
            return Err(self.err(
                "[rules] consensus_max_iqr",
                format!(
                    "{} is not an interquartile range on the scale {}..{}",
                    rules.consensus_max_iqr, scale.min, scale.max
                ),
                format!("use a number from 0 to {widest}, e.g. 1.0"),
            ));
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

    pub(super) fn rounds(
        &self,
        raw: Vec<RawRound>,
        dir: &Path,
    ) -> Result<Vec<Round>, CodebookError> {
        self.entries(
            "[[rounds]]",
            "add a round with its questionnaire file, e.g. questionnaire = \"ronde-1/questionnaire.csv\"",
            raw,
            |r| &r.id,
            |r| self.round(r, dir),
        )
    }

    /// One round whose id is fine: its files and header rows.
    fn round(&self, r: RawRound, dir: &Path) -> Result<Round, CodebookError> {
        let key = format!("[[rounds]] {}", r.id);
        let questionnaire = self.inside(&format!("{key} questionnaire"), &r.questionnaire, dir)?;
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
