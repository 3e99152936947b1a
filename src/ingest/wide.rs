//! The wide export: one row per respondent, one column per item x measure.
//!
//! polars reads every cell as text; each column's *distinct* texts are
//! classified once by `cell`, and the column is then mapped through that
//! small table into a one-byte rating, so no text outlives the read. Row
//! checks run once per row over the id and group columns only.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::Arc;

use polars::prelude::*;

use super::cell::{CellReader, CellValue};
use super::rows::{institution, RowChecker};
use super::text::{self, CsvText, Records};
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
        .map_err(|e| {
            unclosed(csv, file)
                .or_else(|| text::diagnose_ragged(csv, file))
                .unwrap_or_else(|| polars_err(file)(e))
        })
}

/// One rating column mapped to ratings (rows used only), with its invalid cells.
struct Mapped {
    values: Vec<Option<i8>>,
    missing: Vec<bool>,
    pending: Vec<Pending>,
}

/// Classifies the column's distinct texts once, then maps every cell
/// through that small table.
fn map_column(
    c: &RatingColumn,
    text: Column,
    reader: &CellReader,
    mask: &BooleanChunked,
    resp_col: &[Option<u32>],
    header: &Header,
    file: &str,
) -> Result<Mapped, IngestError> {
    let err = polars_err(file);
    let distinct = text.unique().map_err(&err)?;
    let table: HashMap<&str, CellValue> = distinct
        .str()
        .map_err(&err)?
        .iter()
        .flatten()
        .map(|raw| (raw, reader.read(raw)))
        .collect();
    let mut pending = Vec::new();
    if table.values().any(|v| *v == CellValue::Invalid) {
        // Rare: only columns holding an invalid text are scanned for lines.
        for (row, raw) in text.str().map_err(&err)?.iter().enumerate() {
            if let (Some(raw), Some(_)) = (raw, resp_col[row]) {
                if table.get(raw) == Some(&CellValue::Invalid) {
                    let column = header.names[c.pos].clone();
                    pending.push(Pending::new(
                        row,
                        c.pos,
                        Reason::InvalidValue,
                        column,
                        Some(shorten(raw)),
                    ));
                }
            }
        }
    }
    let cells = text.filter(mask).map_err(&err)?;
    let (values, missing) = cells
        .str()
        .map_err(&err)?
        .iter()
        .map(|raw| {
            match raw
                .and_then(|r| table.get(r))
                .copied()
                .unwrap_or(CellValue::Missing)
            {
                CellValue::Rating(v) => (Some(v), false),
                CellValue::Missing => (None, true),
                CellValue::Invalid => (None, false),
            }
        })
        .unzip();
    Ok(Mapped {
        values,
        missing,
        pending,
    })
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
    let mut df = read_frame(csv, header.names.len(), header_rows, file)?;
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
    let records = records_of(csv, header_rows, df.height(), file)?;
    let width = header.names.len() as u32;
    let mut checker = RowChecker::new(rc);
    let mut pending = Vec::new();
    let mut resp_col: Vec<Option<u32>> = Vec::with_capacity(df.height());
    let mut group_col: Vec<Option<u32>> = Vec::with_capacity(df.height());
    let mut respondents = Vec::new();
    for row in 0..df.height() {
        let checked = checker
            .check_id(ids.get(row))
            .and_then(|_| {
                if records.fields[header_rows + row] < width {
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
        return Err(no_rows(file, df.height(), &pending));
    }

    // Classify each column's distinct texts once, then map every cell
    // through that small table: no cell is parsed twice and no text is kept.
    let readers: Vec<CellReader> = cb
        .measures
        .iter()
        .map(|m| CellReader::for_measure(&cb.scale, m))
        .collect();
    let mask: BooleanChunked = resp_col.iter().map(Option::is_some).collect();
    let n_used = respondents.len();
    let resp = Column::new(col::RESP.into(), (0..n_used as u32).collect::<Vec<_>>());
    let group = Column::new(
        col::GROUP.into(),
        respondents.iter().map(|r| r.group).collect::<Vec<_>>(),
    );
    let index = |name: &str, v: u32| {
        Column::new_scalar(
            name.into(),
            Scalar::new(DataType::UInt32, AnyValue::UInt32(v)),
            n_used,
        )
    };
    // Each column's text is moved out of the frame and mapped on one of the
    // cores; its memory goes as soon as it is mapped.
    let mut texts = Vec::with_capacity(columns.len());
    for c in &columns {
        texts.push(df.drop_in_place(&cname(c.pos)).map_err(&err)?);
    }
    let jobs: Vec<(&RatingColumn, Column)> = columns.iter().zip(texts).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let per_thread = jobs.len().div_ceil(threads).max(1);
    let mut mapped: Vec<Result<Mapped, IngestError>> = Vec::with_capacity(columns.len());
    std::thread::scope(|scope| {
        let mut jobs = jobs.into_iter();
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let chunk: Vec<(&RatingColumn, Column)> = jobs.by_ref().take(per_thread).collect();
                let (readers, mask, resp_col) = (&readers, &mask, &resp_col);
                scope.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|(c, text)| {
                            map_column(
                                c,
                                text,
                                &readers[c.measure as usize],
                                mask,
                                resp_col,
                                header,
                                file,
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(results) => mapped.extend(results),
                Err(_) => mapped.push(Err(IngestError::Parse {
                    file: file.to_string(),
                    problem: "a worker thread failed while mapping cells".into(),
                })),
            }
        }
    });
    let mut ratings = DataFrame::empty();
    for (c, m) in columns.iter().zip(mapped) {
        let m = m?;
        pending.extend(m.pending);
        let part = DataFrame::new(
            n_used,
            vec![
                resp.clone(),
                group.clone(),
                index(col::ITEM, c.item),
                index(col::MEASURE, c.measure),
                index(col::AREA, c.area),
                Column::new(col::VALUE.into(), m.values),
                Column::new(col::MISSING.into(), m.missing),
            ],
        )
        .map_err(&err)?;
        if ratings.width() == 0 {
            ratings = part;
        } else {
            ratings.vstack_mut(&part).map_err(&err)?;
        }
    }
    ratings.rechunk_mut_par();

    let cells_missing = ratings
        .column(col::MISSING)
        .and_then(|c| c.bool().map(|b| b.sum().unwrap_or(0) as u64))
        .map_err(&err)?;
    let ledger = FileLedger {
        file: file.to_string(),
        rows_read: df.height() as u64,
        rows_used: respondents.len() as u64,
        cells_missing,
        entries: with_lines(&records, header_rows, pending),
    };
    Ok(Ingested {
        sha256: csv.sha256.clone(),
        remarks: Vec::new(),
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
        Reason::UnknownGroup | Reason::ReservedGroup => {
            (header.names[group_pos].clone(), group.map(shorten))
        }
        _ => (header.names[id_pos].clone(), None),
    }
}

/// The file's records, checked to be the rows polars read: line numbers in
/// the ledger must never point at the wrong row.
pub(super) fn records_of(
    csv: &CsvText,
    header_rows: usize,
    rows: usize,
    file: &str,
) -> Result<Records, IngestError> {
    let records = text::scan_records(csv);
    if records.lines.len() != header_rows + rows || records.fields.len() != records.lines.len() {
        return Err(IngestError::Parse {
            file: file.to_string(),
            problem: format!(
                "{} records found by quote-aware scanning but {} rows read; an unbalanced quote (\") probably \
                 runs over a line end. fix: quote the cell or remove the stray quote",
                records.lines.len().saturating_sub(header_rows),
                rows
            ),
        });
    }
    Ok(records)
}

fn unclosed(csv: &CsvText, file: &str) -> Option<IngestError> {
    text::unclosed_quote(csv).map(|line| IngestError::UnclosedQuote {
        file: file.to_string(),
        line,
    })
}

/// Why no row was usable: the reasons counted, with the column they concern.
pub(super) fn no_rows(file: &str, rows: usize, pending: &[Pending]) -> IngestError {
    let mut counts: std::collections::BTreeMap<(Reason, Option<&str>), usize> = Default::default();
    for p in pending {
        *counts
            .entry((p.entry.reason, p.entry.column.as_deref()))
            .or_default() += 1;
    }
    let reasons: Vec<String> = counts
        .into_iter()
        .map(|((r, c), n)| match c {
            Some(c) => format!("{r} in column {c:?}: {n}"),
            None => format!("{r}: {n}"),
        })
        .collect();
    IngestError::NoRows {
        file: file.to_string(),
        problem: format!(
            "{rows} data rows read, none passed the row checks ({})",
            reasons.join("; ")
        ),
    }
}

/// Gives pending entries their physical line.
pub(super) fn with_lines(
    records: &Records,
    header_rows: usize,
    pending: Vec<Pending>,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = pending
        .into_iter()
        .map(|p| Entry {
            line: records.lines.get(header_rows + p.row).copied().unwrap_or(0),
            ..p.entry
        })
        .collect();
    entries.sort();
    entries
}
