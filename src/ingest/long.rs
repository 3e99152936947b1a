//! The long export: one row per rating, `respondent, item, measure, value`
//! (plus the group and institution columns the codebook names).
//!
//! Long files come from scripts and survey tools that store one answer per
//! row; they are small next to wide exports, so rows are checked in one Rust
//! pass. A row is excluded for an empty id, a bad group (on the respondent's
//! first row, which decides for all of them), an unknown item or measure, or
//! a second rating of the same item and measure.

use std::collections::hash_map::Entry as MapEntry;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::cell::{CellReader, CellValue};
use super::ratings::{code_of, RatingCodes, Ratings, ABSENT, MISSING};
use super::rows::{institution, RowChecker};
use super::text::CsvText;
use super::wide::{cname, excluded_at, no_rows, read_frame, records_of, with_lines, Pending};
use super::{polars_err, Header, IngestError, Ingested, Respondent};
use crate::codebook::Codebook;
use crate::ledger::{shorten, FileLedger, Reason};

/// The long format's fixed column names.
const ITEM: &str = "item";
const MEASURE: &str = "measure";
const VALUE: &str = "value";
const RESPONDENT: &str = "respondent";

pub(super) fn is_long(header: &Header) -> bool {
    [ITEM, MEASURE, VALUE]
        .iter()
        .all(|c| header.find(c).is_some())
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

pub(super) fn read(
    cb: &Codebook,
    csv: &CsvText,
    header: &Header,
    header_rows: usize,
    file: &str,
) -> Result<Ingested, IngestError> {
    let rc = &cb.respondents;
    let id_name = if header.find(&rc.id).is_some() {
        rc.id.as_str()
    } else {
        RESPONDENT
    };
    let pos = |name: &str, key: &str| header.require(name, key, file);
    let id_pos = pos(id_name, "[respondents] id")?;
    let group_pos = pos(&rc.group, "[respondents] group")?;
    let inst_pos = rc
        .institution
        .as_ref()
        .map(|c| pos(c, "[respondents] institution"))
        .transpose()?;
    let (item_pos, measure_pos, value_pos) = (
        pos(ITEM, "the long format")?,
        pos(MEASURE, "the long format")?,
        pos(VALUE, "the long format")?,
    );
    let df = read_frame(csv, header.names.len(), header_rows, file)?;
    let err = polars_err(file);
    let text_col = |p: usize| {
        df.column(&cname(p))
            .and_then(|c| c.str().cloned())
            .map_err(&err)
    };
    let (ids, groups, items, measures, values) = (
        text_col(id_pos)?,
        text_col(group_pos)?,
        text_col(item_pos)?,
        text_col(measure_pos)?,
        text_col(value_pos)?,
    );
    let insts = inst_pos.map(text_col).transpose()?;

    let item_index: HashMap<&str, usize> = cb
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id.as_str(), i))
        .collect();
    let measure_index: HashMap<&str, usize> = cb
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let readers: Vec<CellReader> = cb
        .measures
        .iter()
        .map(|m| CellReader::for_measure(&cb.scale, m))
        .collect();

    let mut checker = RowChecker::new(rc);
    let mut people: HashMap<String, Result<u32, Reason>> = HashMap::new();
    let mut respondents: Vec<Respondent> = Vec::new();
    let mut rated: HashSet<(u32, usize, usize)> = HashSet::new();
    let mut found: Vec<Found> = Vec::new();
    let mut pending = Vec::new();
    let mut rows_used = 0u64;
    for row in 0..df.height() {
        let id = ids.get(row).map(str::trim).unwrap_or("");
        let person = if id.is_empty() {
            Err(Reason::EmptyId)
        } else {
            match people.entry(id.to_string()) {
                MapEntry::Occupied(e) => *e.get(),
                MapEntry::Vacant(e) => {
                    let r = checker
                        .check_id(Some(id))
                        .and_then(|_| checker.check_group(groups.get(row)))
                        .map(|g| {
                            respondents.push(Respondent {
                                group: g,
                                institution: institution(insts.as_ref().and_then(|c| c.get(row)))
                                    .map(Arc::from),
                            });
                            respondents.len() as u32 - 1
                        });
                    *e.insert(r)
                }
            }
        };
        let target = person.and_then(|resp| {
            let item = items
                .get(row)
                .and_then(|i| item_index.get(i.trim()))
                .copied();
            let measure = measures
                .get(row)
                .and_then(|m| measure_index.get(m.trim()))
                .copied();
            match (item, measure) {
                (Some(i), Some(m)) if cb.items[i].columns.iter().any(|(cm, _)| *cm == m) => {
                    if rated.insert((resp, i, m)) {
                        Ok((resp, i, m))
                    } else {
                        Err(Reason::DuplicateRating)
                    }
                }
                _ => Err(Reason::UnknownItem),
            }
        });
        let (resp, i, m) = match target {
            Ok(t) => t,
            Err(reason) => {
                let (column, value) = match reason {
                    Reason::UnknownItem => (
                        header.names[item_pos].clone(),
                        Some(shorten(&format!(
                            "{} / {}",
                            items.get(row).unwrap_or(""),
                            measures.get(row).unwrap_or("")
                        ))),
                    ),
                    _ => excluded_at(reason, header, id_pos, group_pos, groups.get(row)),
                };
                pending.push(Pending::new(row, 0, reason, column, value));
                continue;
            }
        };
        rows_used += 1;
        let raw = values.get(row).unwrap_or("");
        let cell = readers[m].read(raw);
        if cell == CellValue::Invalid {
            let column = header.names[value_pos].clone();
            pending.push(Pending::new(
                row,
                value_pos,
                Reason::InvalidValue,
                column,
                Some(shorten(raw)),
            ));
        }
        found.push(Found {
            resp,
            item: i,
            measure: m,
            code: code_of(cell),
        });
    }
    if respondents.is_empty() || rows_used == 0 {
        return Err(no_rows(file, df.height(), &pending));
    }
    let (mut ratings, index) = empty_columns(cb, respondents.len());
    for f in found {
        if let Some(c) = index.get(&(f.item, f.measure)) {
            ratings.columns[*c].codes[f.resp as usize] = f.code;
        }
    }
    let cells_missing = ratings.count(MISSING);
    Ok(Ingested {
        sha256: csv.sha256.clone(),
        remarks: Vec::new(),
        ratings,
        groups: checker.into_groups(),
        respondents,
        ledger: FileLedger {
            file: file.to_string(),
            rows_read: df.height() as u64,
            rows_used,
            cells_missing,
            entries: with_lines(
                &records_of(csv, header_rows, df.height(), file)?,
                header_rows,
                pending,
            ),
        },
    })
}
