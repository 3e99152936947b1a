//! The wide export: one row per respondent, one column per item x measure.
//!
//! polars reads every cell as text; each column's *distinct* texts are
//! classified once by `cell` and joined back, so no per-cell Rust code runs
//! over the ratings. Row checks run once per row over the id and group
//! columns only.

use std::collections::HashSet;
use std::io::Cursor;
use std::sync::Arc;

use polars::prelude::*;

use super::cell::{CellReader, CellValue};
use super::rows::{institution, RowChecker};
use super::text::{self, CsvText};
use super::{col, polars_err, Header, IngestError, Ingested, Respondent};
use crate::codebook::Codebook;
use crate::ledger::{shorten, Entry, FileLedger, Reason};

/// Internal column name of header position `i`: export names may be anything.
pub(super) fn cname(i: usize) -> PlSmallStr {
    format!("c{i}").into()
}

/// Whether the header holds any of the codebook's item columns.
pub(super) fn names_any_item(cb: &Codebook, header: &Header) -> bool {
    cb.items
        .iter()
        .flat_map(|i| &i.columns)
        .any(|(_, c)| header.find(c).is_some())
}

/// An item x measure column of the export.
struct RatingColumn {
    pos: usize,
    item: u32,
    measure: u32,
    area: u32,
}

fn rating_columns(
    cb: &Codebook,
    header: &Header,
    file: &str,
) -> Result<Vec<RatingColumn>, IngestError> {
    let mut out = Vec::with_capacity(cb.rating_columns());
    for (i, item) in cb.items.iter().enumerate() {
        for (m, name) in &item.columns {
            let key = format!("[[items]] {} columns.{}", item.id, cb.measures[*m].id);
            out.push(RatingColumn {
                pos: header.require(name, &key, file)?,
                item: i as u32,
                measure: *m as u32,
                area: item.area as u32,
            });
        }
    }
    Ok(out)
}

/// Every cell as text; missing trailing fields become null, empty ones "".
pub(super) fn read_frame(
    csv: &CsvText,
    width: usize,
    header_rows: usize,
    file: &str,
) -> Result<DataFrame, IngestError> {
    let schema: Schema = (0..width)
        .map(|i| Field::new(cname(i), DataType::String))
        .collect();
    CsvReadOptions::default()
        .with_has_header(true)
        .with_schema(Some(Arc::new(schema)))
        .with_skip_rows_after_header(header_rows - 1)
        .with_raise_if_empty(false)
        .with_parse_options(
            CsvParseOptions::default()
                .with_separator(csv.delimiter)
                .with_quote_char(Some(b'"'))
                .with_missing_is_null(false),
        )
        .into_reader_with_file_handle(Cursor::new(csv.text.as_bytes()))
        .finish()
        .map_err(|e| text::diagnose_ragged(csv, file).unwrap_or_else(|| polars_err(file)(e)))
}

/// A ledger entry whose line is known only as a data-row index yet.
pub(super) struct Pending {
    pub row: usize,
    pub entry: Entry,
}

impl Pending {
    pub fn new(
        row: usize,
        column_index: usize,
        reason: Reason,
        column: String,
        value: Option<String>,
    ) -> Pending {
        Pending {
            row,
            entry: Entry {
                line: 0,
                column_index,
                reason,
                column: Some(column),
                value,
            },
        }
    }
}

pub(super) fn read(
    cb: &Codebook,
    csv: &CsvText,
    header: &Header,
    header_rows: usize,
    file: &str,
) -> Result<Ingested, IngestError> {
    let rc = &cb.respondents;
    let id_pos = header.require(&rc.id, "[respondents] id", file)?;
    let group_pos = header.require(&rc.group, "[respondents] group", file)?;
    let inst_pos = rc
        .institution
        .as_ref()
        .map(|c| header.require(c, "[respondents] institution", file))
        .transpose()?;
    let columns = rating_columns(cb, header, file)?;
    let df = read_frame(csv, header.names.len(), header_rows, file)?;
    let err = polars_err(file);

    // Row checks: once per row, over three text columns.
    let text_col = |pos: usize| {
        df.column(&cname(pos))
            .and_then(|c| c.str().cloned())
            .map_err(&err)
    };
    let ids = text_col(id_pos)?;
    let groups = text_col(group_pos)?;
    let insts = inst_pos.map(text_col).transpose()?;
    let last = text_col(header.names.len() - 1)?;
    let mut checker = RowChecker::new(rc);
    let mut pending = Vec::new();
    let mut resp_col: Vec<Option<u32>> = Vec::with_capacity(df.height());
    let mut group_col: Vec<Option<u32>> = Vec::with_capacity(df.height());
    let mut respondents = Vec::new();
    for row in 0..df.height() {
        let checked = checker
            .check_id(ids.get(row))
            .and_then(|_| {
                if last.get(row).is_none() {
                    Err(Reason::ShortRow)
                } else {
                    Ok(())
                }
            })
            .and_then(|_| checker.check_group(groups.get(row)));
        match checked {
            Ok(g) => {
                resp_col.push(Some(respondents.len() as u32));
                group_col.push(Some(g));
                respondents.push(Respondent {
                    group: g,
                    institution: institution(insts.as_ref().and_then(|c| c.get(row))),
                });
            }
            Err(reason) => {
                resp_col.push(None);
                group_col.push(None);
                let (column, value) =
                    excluded_at(reason, header, id_pos, group_pos, groups.get(row));
                pending.push(Pending::new(row, 0, reason, column, value));
            }
        }
    }
    if respondents.is_empty() {
        return Err(IngestError::NoRows {
            file: file.to_string(),
            problem: format!("{} data rows read, none passed the row checks", df.height()),
        });
    }

    // Classify each column's distinct texts once.
    let readers: Vec<CellReader> = cb
        .measures
        .iter()
        .map(|m| CellReader::new(&cb.scale, &m.labels))
        .collect();
    let mut lk_var: Vec<PlSmallStr> = Vec::new();
    let mut lk_raw: Vec<String> = Vec::new();
    let mut lk_val: Vec<Option<i8>> = Vec::new();
    let mut lk_missing: Vec<bool> = Vec::new();
    for c in &columns {
        let distinct = df
            .column(&cname(c.pos))
            .and_then(|s| s.unique())
            .map_err(&err)?;
        let mut invalid = HashSet::new();
        for raw in distinct.str().map_err(&err)?.iter().flatten() {
            let v = readers[c.measure as usize].read(raw);
            if v == CellValue::Invalid {
                invalid.insert(raw.to_string());
            }
            lk_var.push(cname(c.pos));
            lk_raw.push(raw.to_string());
            lk_val.push(match v {
                CellValue::Rating(r) => Some(r),
                _ => None,
            });
            lk_missing.push(v == CellValue::Missing);
        }
        if !invalid.is_empty() {
            // Rare: only columns holding an invalid text are scanned again.
            let cells = text_col(c.pos)?;
            for (row, raw) in cells.iter().enumerate() {
                match raw {
                    Some(raw) if resp_col[row].is_some() && invalid.contains(raw) => {
                        pending.push(Pending::new(
                            row,
                            c.pos,
                            Reason::InvalidValue,
                            header.names[c.pos].clone(),
                            Some(shorten(raw)),
                        ))
                    }
                    _ => {}
                }
            }
        }
    }
    let lookup = DataFrame::new_infer_height(vec![
        Column::new(
            "variable".into(),
            lk_var.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("raw".into(), lk_raw),
        Column::new(col::VALUE.into(), lk_val),
        Column::new(col::MISSING.into(), lk_missing),
    ])
    .map_err(&err)?;
    let colmap = DataFrame::new_infer_height(vec![
        Column::new(
            "variable".into(),
            columns
                .iter()
                .map(|c| cname(c.pos).to_string())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            col::ITEM.into(),
            columns.iter().map(|c| c.item).collect::<Vec<_>>(),
        ),
        Column::new(
            col::MEASURE.into(),
            columns.iter().map(|c| c.measure).collect::<Vec<_>>(),
        ),
        Column::new(
            col::AREA.into(),
            columns.iter().map(|c| c.area).collect::<Vec<_>>(),
        ),
    ])
    .map_err(&err)?;

    let mut frame_cols = vec![
        Column::new(col::RESP.into(), resp_col),
        Column::new(col::GROUP.into(), group_col),
    ];
    for c in &columns {
        frame_cols.push(df.column(&cname(c.pos)).map_err(&err)?.clone());
    }
    let names: Vec<PlSmallStr> = columns.iter().map(|c| cname(c.pos)).collect();
    let ratings = DataFrame::new(df.height(), frame_cols)
        .map_err(&err)?
        .lazy()
        .filter(col(col::RESP).is_not_null())
        .unpivot(UnpivotArgsDSL {
            on: Some(by_name(names, true, false)),
            index: by_name([col::RESP, col::GROUP], true, false),
            variable_name: Some("variable".into()),
            value_name: Some("raw".into()),
        })
        .with_column(col("raw").fill_null(lit("")))
        .join(
            lookup.lazy(),
            [col("variable"), col("raw")],
            [col("variable"), col("raw")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            colmap.lazy(),
            [col("variable")],
            [col("variable")],
            JoinArgs::new(JoinType::Left),
        )
        .select([
            col(col::RESP),
            col(col::GROUP),
            col(col::ITEM),
            col(col::MEASURE),
            col(col::AREA),
            col(col::VALUE),
            col(col::MISSING),
        ])
        .collect()
        .map_err(&err)?;

    let cells_missing = ratings
        .column(col::MISSING)
        .and_then(|c| c.bool().map(|b| b.sum().unwrap_or(0) as u64))
        .map_err(&err)?;
    let ledger = FileLedger {
        file: file.to_string(),
        rows_read: df.height() as u64,
        rows_used: respondents.len() as u64,
        cells_missing,
        entries: with_lines(csv, header_rows, pending),
    };
    Ok(Ingested {
        ratings,
        groups: checker.into_groups(),
        respondents,
        ledger,
    })
}

/// The column and value a row exclusion is listed with: never the id itself,
/// for the ledger is an output.
pub(super) fn excluded_at(
    reason: Reason,
    header: &Header,
    id_pos: usize,
    group_pos: usize,
    group: Option<&str>,
) -> (String, Option<String>) {
    match reason {
        Reason::EmptyGroup => (header.names[group_pos].clone(), None),
        Reason::UnknownGroup => (header.names[group_pos].clone(), group.map(shorten)),
        _ => (header.names[id_pos].clone(), None),
    }
}

/// Gives pending entries their physical line; scans the file only if needed.
pub(super) fn with_lines(csv: &CsvText, header_rows: usize, pending: Vec<Pending>) -> Vec<Entry> {
    if pending.is_empty() {
        return Vec::new();
    }
    let lines = text::record_lines(csv);
    let mut entries: Vec<Entry> = pending
        .into_iter()
        .map(|p| Entry {
            line: lines.get(header_rows + p.row).copied().unwrap_or(0),
            ..p.entry
        })
        .collect();
    entries.sort();
    entries
}
