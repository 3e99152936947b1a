//! The long export: one row per rating, `respondent, item, measure, value`
//! (plus the group and institution columns the codebook names).
//!
//! Long files come from scripts and survey tools that store one answer per
//! row; they are small next to wide exports, so rows are checked in one Rust
//! pass. A row is excluded for an empty id, a bad group (on the respondent's
//! first row, which decides for all of them), an unknown item or measure, or
//! a second rating of the same item and measure. A respondent's
//! `[[comments]]` answers are read from their first row.
//!
//! The steps: find the columns, parse the file whole as text (`frame`), read
//! it row by row (`LongReader`), then lay the ratings out as the same
//! columns `wide` gives. It shares `frame`, `pending` and `rows` with
//! `wide` and imports nothing from it; it must not decide wide or long
//! (that is `mod`).

use std::collections::hash_map::Entry as MapEntry;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use polars::prelude::{DataFrame, StringChunked};

use super::breakdowns::{self, BreakdownReader};
use super::cell::{CellReader, CellValue};
use super::comments::{self, CommentPos};
use super::error::{polars_err, IngestError};
use super::frame::{cname, read_frame, records_of, Export, RespondentPos};
use super::header::Header;
use super::ingested::{Comment, Ingested, Respondent};
use super::pending::{excluded_at, no_rows, with_lines, Pending};
use super::ratings::{code_of, RatingCodes, Ratings, ABSENT, MISSING};
use super::rows::{institution, recoded, weight, RowChecker};
use crate::codebook::Codebook;
use crate::ledger::{shorten, FileLedger, Reason};

/// The long format's fixed column names.
const ITEM: &str = "item";
const MEASURE: &str = "measure";
const VALUE: &str = "value";
const RESPONDENT: &str = "respondent";

/// Whether the header has the long format's item, measure and value columns.
pub(super) fn is_long(header: &Header) -> bool {
    [ITEM, MEASURE, VALUE]
        .iter()
        .all(|c| header.find(c).is_some())
}

/// Reads a long export: find its columns, parse it whole as text, check and
/// read it row by row, then lay the ratings out as wide columns.
pub(super) fn read(cb: &Codebook, export: &Export) -> Result<Ingested, IngestError> {
    let at = LongPos::find(cb, export.header, export.file)?;
    let width = export.header.names.len();
    let df = read_frame(export.csv, width, export.header_rows, export.file)?;
    let cols = LongColumns::of(&df, &at, export.file)?;
    let mut reader = LongReader::new(cb, export.header, at, cols);
    for row in 0..df.height() {
        reader.row(row);
    }
    reader.finish(export, df.height())
}

/// Header positions of the columns a long export is read by.
struct LongPos {
    resp: RespondentPos,
    item: usize,
    measure: usize,
    value: usize,
    comments: Vec<CommentPos>,
}

impl LongPos {
    /// The id column is `[respondents] id` if the header has it, else `respondent`.
    fn find(cb: &Codebook, header: &Header, file: &str) -> Result<LongPos, IngestError> {
        let rc = &cb.respondents;
        // Without `[respondents] id` the rows of one respondent are still
        // known by the long format's own `respondent` column.
        let id_name = match rc.id.as_deref() {
            Some(id) if header.find(id).is_some() => id,
            _ => RESPONDENT,
        };
        let resp = RespondentPos::find(header, cb, Some(id_name), file)?;
        let fixed = |name: &str| header.require(name, "the long format", file);
        Ok(LongPos {
            resp,
            item: fixed(ITEM)?,
            measure: fixed(MEASURE)?,
            value: fixed(VALUE)?,
            comments: comments::find(cb, header, file)?,
        })
    }
}

/// The columns of a long export, as text.
struct LongColumns {
    ids: StringChunked,
    groups: StringChunked,
    items: StringChunked,
    measures: StringChunked,
    values: StringChunked,
    insts: Option<StringChunked>,
    /// The `[[comments]]` columns, in codebook order.
    comments: Vec<(usize, StringChunked)>,
    weights: Option<StringChunked>,
    /// The `[respondents] breakdowns` columns, in codebook order.
    breakdowns: Vec<StringChunked>,
}

impl LongColumns {
    fn of(df: &DataFrame, at: &LongPos, file: &str) -> Result<LongColumns, IngestError> {
        // `LongPos::find` always finds an id column (`respondent` at least).
        let id = at.resp.id.unwrap_or_default();
        let err = polars_err(file);
        let text_col = |p: usize| {
            df.column(&cname(p))
                .and_then(|c| c.str().cloned())
                .map_err(&err)
        };
        Ok(LongColumns {
            ids: text_col(id)?,
            groups: text_col(at.resp.group)?,
            items: text_col(at.item)?,
            measures: text_col(at.measure)?,
            values: text_col(at.value)?,
            insts: at.resp.institution.map(text_col).transpose()?,
            comments: at
                .comments
                .iter()
                .map(|c| Ok((c.column, text_col(c.pos)?)))
                .collect::<Result<_, IngestError>>()?,
            weights: at.resp.weight.map(text_col).transpose()?,
            breakdowns: (at.resp.breakdowns.iter())
                .map(|p| text_col(*p))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// A rating found on one row.
struct Found {
    resp: u32,
    item: usize,
    measure: usize,
    code: i8,
}

/// The codebook's item x measure columns in codebook order, all `ABSENT`,
/// and the index of each (item, measure) among them.
fn empty_columns(cb: &Codebook, n_resp: usize) -> (Ratings, HashMap<(usize, usize), usize>) {
    let mut ratings = Ratings::default();
    let mut index = HashMap::new();
    for (i, item) in cb.items.iter().enumerate() {
        for (m, _) in &item.columns {
            index.insert((i, *m), ratings.columns.len());
            ratings.columns.push(RatingCodes {
                item: i,
                measure: *m,
                codes: vec![ABSENT; n_resp],
            });
        }
    }
    (ratings, index)
}

/// Position of each id, by id.
fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

/// One pass over the rows: who each id is, what each row rates, and what
/// was set aside.
struct LongReader<'a> {
    cb: &'a Codebook,
    header: &'a Header,
    at: LongPos,
    cols: LongColumns,
    item_index: HashMap<&'a str, usize>,
    measure_index: HashMap<&'a str, usize>,
    readers: Vec<CellReader>,
    checker: RowChecker,
    /// The respondent (or the reason for excluding) of each id met.
    people: HashMap<String, Result<u32, Reason>>,
    respondents: Vec<Respondent>,
    comments: Vec<Comment>,
    rated: HashSet<(u32, usize, usize)>,
    found: Vec<Found>,
    pending: Vec<Pending>,
    rows_used: u64,
    breakdowns: Vec<BreakdownReader>,
}

impl<'a> LongReader<'a> {
    fn new(cb: &'a Codebook, header: &'a Header, at: LongPos, cols: LongColumns) -> LongReader<'a> {
        LongReader {
            breakdowns: breakdowns::readers(cb, &at.resp),
            cb,
            header,
            at,
            cols,
            item_index: index_of(cb.items.iter().map(|it| it.id.as_str())),
            measure_index: index_of(cb.measures.iter().map(|m| m.id.as_str())),
            readers: CellReader::per_measure(&cb.scale, &cb.measures),
            checker: RowChecker::new(&cb.respondents),
            people: HashMap::new(),
            respondents: Vec::new(),
            comments: Vec::new(),
            rated: HashSet::new(),
            found: Vec::new(),
            pending: Vec::new(),
            rows_used: 0,
        }
    }

    /// Checks row `row` and keeps its rating, or sets the row aside.
    fn row(&mut self, row: usize) {
        let target = self.person(row).and_then(|resp| self.target(row, resp));
        let (resp, item, measure) = match target {
            Ok(t) => t,
            Err(reason) => return self.set_aside(row, reason),
        };
        self.rows_used += 1;
        let raw = self.cols.values.get(row).unwrap_or("");
        let cell = self.readers[measure].read(raw);
        if cell == CellValue::Invalid {
            let pos = self.at.value;
            self.pending.push(Pending::new(
                row,
                pos,
                Reason::InvalidValue,
                self.header.names[pos].clone(),
                Some(shorten(raw)),
            ));
        }
        self.found.push(Found {
            resp,
            item,
            measure,
            code: code_of(cell),
        });
    }

    /// The respondent of a row: an id's first row checks the id and the
    /// group, and decides for all its rows.
    fn person(&mut self, row: usize) -> Result<u32, Reason> {
        let id = self.cols.ids.get(row).map(str::trim).unwrap_or("");
        if id.is_empty() {
            return Err(Reason::EmptyId);
        }
        match self.people.entry(id.to_string()) {
            MapEntry::Occupied(e) => *e.get(),
            MapEntry::Vacant(e) => {
                let cols = &self.cols;
                let respondents = &mut self.respondents;
                let kept = &mut self.comments;
                let missing = &self.cb.scale.missing;
                let weight_cell = cols.weights.as_ref().map(|c| c.get(row));
                let rc = &self.cb.respondents;
                let group_recode = rc.recode_of(&rc.group);
                let inst_recode = rc.institution.as_deref().and_then(|c| rc.recode_of(c));
                let r = self
                    .checker
                    .check_id(Some(id))
                    .and_then(|key| {
                        let group = recoded(group_recode, cols.groups.get(row));
                        Ok((key, self.checker.check_group(group)?))
                    })
                    .and_then(|(key, g)| Ok((key, g, weight_cell.map_or(Ok(1.0), weight)?)))
                    .map(|(key, g, weight)| {
                        let panel_key = Some(key);
                        respondents.push(Respondent {
                            group: g,
                            institution: institution(recoded(
                                inst_recode,
                                cols.insts.as_ref().and_then(|c| c.get(row)),
                            ))
                            .map(Arc::from),
                            panel_key,
                            weight,
                        });
                        let respondent = respondents.len() as u32 - 1;
                        kept.extend(cols.comments.iter().filter_map(|(column, texts)| {
                            let text = comments::keep(missing, texts.get(row)?)?;
                            Some(Comment {
                                column: *column,
                                respondent,
                                text,
                            })
                        }));
                        respondent
                    });
                if r.is_ok() {
                    // An id's first row decides its breakdown values, as its group.
                    for (reader, col) in self.breakdowns.iter_mut().zip(&cols.breakdowns) {
                        self.pending.extend(reader.push(row, col.get(row)));
                    }
                }
                *e.insert(r)
            }
        }
    }

    /// The (respondent, item, measure) a row rates: an item and measure of
    /// the codebook, not rated before by this respondent.
    fn target(&mut self, row: usize, resp: u32) -> Result<(u32, usize, usize), Reason> {
        let cols = &self.cols;
        let item = cols
            .items
            .get(row)
            .and_then(|i| self.item_index.get(i.trim()))
            .copied();
        let measure = cols
            .measures
            .get(row)
            .and_then(|m| self.measure_index.get(m.trim()))
            .copied();
        match (item, measure) {
            (Some(i), Some(m)) if self.cb.items[i].columns.iter().any(|(cm, _)| *cm == m) => {
                if self.rated.insert((resp, i, m)) {
                    Ok((resp, i, m))
                } else {
                    Err(Reason::DuplicateRating)
                }
            }
            _ => Err(Reason::UnknownItem),
        }
    }

    /// Lists an excluded row: an unknown item with its item and measure,
    /// others as the row checks list them.
    fn set_aside(&mut self, row: usize, reason: Reason) {
        let cols = &self.cols;
        let (column, value) = match reason {
            Reason::UnknownItem => (
                self.header.names[self.at.item].clone(),
                Some(shorten(&format!(
                    "{} / {}",
                    cols.items.get(row).unwrap_or(""),
                    cols.measures.get(row).unwrap_or("")
                ))),
            ),
            _ => {
                let weight = cols.weights.as_ref().and_then(|c| c.get(row));
                let cells = (cols.groups.get(row), weight);
                excluded_at(reason, self.header, &self.at.resp, cells)
            }
        };
        self.pending
            .push(Pending::new(row, 0, reason, column, value));
    }

    /// The ratings as wide columns, and the ledger of `rows_read` rows.
    fn finish(self, export: &Export, rows_read: usize) -> Result<Ingested, IngestError> {
        let file = export.file;
        if self.respondents.is_empty() || self.rows_used == 0 {
            return Err(no_rows(file, rows_read, &self.pending));
        }
        let (mut ratings, index) = empty_columns(self.cb, self.respondents.len());
        for f in self.found {
            if let Some(c) = index.get(&(f.item, f.measure)) {
                ratings.columns[*c].codes[f.resp as usize] = f.code;
            }
        }
        let records = records_of(export.csv, export.header_rows, rows_read, file)?;
        let ledger = FileLedger {
            file: file.to_string(),
            rows_read: rows_read as u64,
            rows_used: self.rows_used,
            cells_missing: ratings.count(MISSING),
            entries: with_lines(&records, export.header_rows, self.pending),
        };
        Ok(Ingested {
            sha256: export.csv.sha256.clone(),
            remarks: Vec::new(),
            ids_look_like_row_numbers: self.checker.ids_look_like_row_numbers(),
            ratings,
            groups: self.checker.into_groups(),
            respondents: self.respondents,
            breakdowns: (self.breakdowns.into_iter())
                .map(BreakdownReader::finish)
                .collect(),
            comments: self.comments,
            ledger,
        })
    }
}
