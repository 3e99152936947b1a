//! The wide export: one row per respondent, one column per item x measure.
//!
//! The file is cut into batches of whole records (the quote-aware record
//! scan of `text` knows where each starts) and polars parses one batch at a
//! time, the columns used only, as text. Each column's *distinct* texts are
//! classified once by `cell`, and its cells are mapped through that small
//! table into one-byte codes (`ratings`) before the next batch is parsed:
//! the ratings are never all held as text. Row checks run once per row over
//! the id and group columns only. Only invalid cells keep their text, for
//! the ledger. `[[comments]]` columns are parsed with them, and only their
//! non-empty answers are kept (`comments`).
//!
//! What it shares with `long` (the `Export` it is handed, the respondent
//! columns, polars' parse options, set-aside rows) comes from `frame` and
//! `pending`. It must not decide wide or long (that is `mod`), nor classify
//! a cell or check a row itself (`cell`, `rows`).

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::Arc;

use polars::prelude::*;

use super::breakdowns::{self, BreakdownReader};
use super::cell::CellReader;
use super::comments::{self, CommentPos};
use super::error::{polars_err, IngestError};
use super::frame::{cname, csv_options, miscounted, parse_failed, Export, RespondentPos};
use super::header::Header;
use super::ingested::{Comment, Ingested, Respondent};
use super::pending::{excluded_at, no_rows, with_lines, Pending};
use super::ratings::{code_of, RatingCodes, Ratings, INVALID, MISSING};
use super::rows::{institution, recoded, weight, RowChecker};
use super::text::{self, CsvText, Dictionary, Records};
use crate::codebook::{Codebook, Recode};
use crate::ledger::{shorten, FileLedger, Reason};

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
    item: usize,
    measure: usize,
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
                item: i,
                measure: *m,
            });
        }
    }
    Ok(out)
}

/// Bytes of CSV text handed to polars at a time. Only one such batch is
/// held as text (its cells as polars strings, about six times its size);
/// everything before it is already codes. Large enough that polars keeps
/// both cores busy within a batch.
const BATCH_BYTES: usize = 16 << 20;

/// A classified text not met yet in a column.
const UNSEEN: i8 = -125;

/// Maps one column's cells to codes, classifying each distinct text once
/// (`cell::CellReader` is the slow, exact part; a column holds a handful of
/// distinct texts). Empty and one-byte texts, the bulk of every export, are
/// looked up by their byte, without hashing.
struct CodeMapper<'a> {
    reader: &'a CellReader,
    /// Codes of one-byte texts by byte, and of "" at 256.
    short: [i8; 257],
    long: PlHashMap<Box<str>, i8>,
}

impl<'a> CodeMapper<'a> {
    fn new(reader: &'a CellReader) -> CodeMapper<'a> {
        CodeMapper {
            reader,
            short: [UNSEEN; 257],
            long: PlHashMap::default(),
        }
    }

    /// The code of a text of at most one byte, by its slot in `short` (its
    /// byte, or 256 for ""); `raw` gives the text the first time only.
    fn short_code<'s>(&mut self, slot: usize, raw: impl FnOnce() -> &'s str) -> i8 {
        if self.short[slot] == UNSEEN {
            self.short[slot] = code_of(self.reader.read(raw()));
        }
        self.short[slot]
    }

    fn code(&mut self, raw: &str) -> i8 {
        let b = raw.as_bytes();
        if b.len() <= 1 {
            return self.short_code(b.first().map_or(256, |c| usize::from(*c)), || raw);
        }
        if let Some(c) = self.long.get(raw) {
            return *c;
        }
        let c = code_of(self.reader.read(raw));
        self.long.insert(raw.into(), c);
        c
    }
}

/// One rating column being read: a code per row so far, and the ledger
/// entries of its invalid cells.
struct ColumnOut<'a> {
    column: &'a RatingColumn,
    mapper: CodeMapper<'a>,
    codes: Vec<i8>,
    pending: Vec<Pending>,
}

impl<'a> ColumnOut<'a> {
    fn new(column: &'a RatingColumn, reader: &'a CellReader, n_rows: usize) -> ColumnOut<'a> {
        ColumnOut {
            column,
            mapper: CodeMapper::new(reader),
            codes: Vec::with_capacity(n_rows),
            pending: Vec::new(),
        }
    }

    /// Appends the codes of every row of one batch (rows that fail the row
    /// checks are dropped at the end); `first_row` is the data-row index of
    /// the batch's first row. Texts of at most one byte, the bulk of every
    /// export, are read from the polars string view itself.
    fn map(&mut self, text: &StringChunked, first_row: usize, header: &Header) {
        let mut row = first_row;
        // A null would be a field the row lacks: no rating. polars pads short
        // rows with "" instead, so the fast path below is the only path.
        let nulls = text.null_count() > 0;
        for arr in text.downcast_iter() {
            for (i, view) in arr.views().iter().enumerate() {
                let code = if nulls && arr.get(i).is_none() {
                    MISSING
                } else if view.length <= 1 {
                    // Inline view: the text's one byte is the prefix's low byte.
                    let slot = if view.length == 0 {
                        256
                    } else {
                        (view.prefix & 0xff) as usize
                    };
                    self.mapper.short_code(slot, || arr.value(i))
                } else {
                    self.mapper.code(arr.value(i))
                };
                if code == INVALID {
                    let pos = self.column.pos;
                    self.pending.push(Pending::new(
                        row,
                        pos,
                        Reason::InvalidValue,
                        header.names[pos].clone(),
                        Some(shorten(arr.value(i))),
                    ));
                }
                self.codes.push(code);
                row += 1;
            }
        }
    }

    /// Drops the codes and ledger entries of rows that failed the row checks.
    fn keep_used(&mut self, used: &[bool]) {
        let mut row = 0;
        self.codes.retain(|_| {
            row += 1;
            used[row - 1]
        });
        self.pending.retain(|p| used[p.row]);
    }
}

/// The row checks of every batch and the respondents they let through.
struct RowState<'a> {
    checker: RowChecker,
    /// Result of the group check per raw group text: a handful of texts
    /// over a million rows.
    groups: HashMap<String, Result<u32, Reason>>,
    /// The institution as counted, per raw text.
    institutions: HashMap<String, Option<Arc<str>>>,
    respondents: Vec<Respondent>,
    pending: Vec<Pending>,
    header: &'a Header,
    at: RespondentPos,
    /// The group and institution columns' value labels (SPSS: 1 = "mbo"):
    /// a group is known by its label, never by its code.
    group_labels: &'a Dictionary,
    breakdowns: Vec<BreakdownReader>,
    /// The `[recode]` of the group and of the institution column.
    recodes: (Option<&'a Recode>, Option<&'a Recode>),
}

impl<'a> RowState<'a> {
    fn new(
        cb: &'a Codebook,
        header: &'a Header,
        at: RespondentPos,
        group_labels: &'a Dictionary,
    ) -> RowState<'a> {
        let rc = &cb.respondents;
        let institution = rc.institution.as_deref().and_then(|c| rc.recode_of(c));
        RowState {
            recodes: (rc.recode_of(&rc.group), institution),
            breakdowns: breakdowns::readers(cb, &at),
            checker: RowChecker::new(&cb.respondents),
            groups: HashMap::new(),
            institutions: HashMap::new(),
            respondents: Vec::new(),
            pending: Vec::new(),
            header,
            at,
            group_labels,
        }
    }

    /// `raw` of column `pos`, or its value label where the file gives one.
    fn labelled<'r>(&'r self, pos: usize, raw: Option<&'r str>) -> Option<&'r str> {
        let name = &self.header.names[pos];
        raw.map(|r| self.group_labels.value_label(name, r.trim()).unwrap_or(r))
    }

    fn institution(&mut self, raw: Option<&str>) -> Option<Arc<str>> {
        let key = raw.unwrap_or("");
        if let Some(i) = self.institutions.get(key) {
            return i.clone();
        }
        let labelled = self.at.institution.and_then(|pos| self.labelled(pos, raw));
        let i: Option<Arc<str>> = institution(recoded(self.recodes.1, labelled)).map(Arc::from);
        self.institutions.insert(key.to_string(), i.clone());
        i
    }

    fn group(&mut self, raw: Option<&str>) -> Result<u32, Reason> {
        let key = raw.unwrap_or("");
        if let Some(r) = self.groups.get(key) {
            return *r;
        }
        let labelled = self.labelled(self.at.group, raw);
        let read = recoded(self.recodes.0, labelled).map(str::to_string);
        let r = self.checker.check_group(read.as_deref());
        self.groups.insert(key.to_string(), r);
        r
    }

    /// Breakdown `i`'s cells of a batch's used rows, through the file's
    /// value labels: a column at a time, after the row checks.
    fn add_breakdowns(&mut self, i: usize, cells: &StringChunked, used: &[bool], first_row: usize) {
        let reader = &mut self.breakdowns[i];
        let name = &self.header.names[reader.pos];
        // Looked up once per column: none for a CSV.
        let labels = self.group_labels.labels_of(name);
        for (row, cell) in cells.iter().enumerate().filter(|(row, _)| used[*row]) {
            let cell = cell.map(|r| labels.label(r.trim()).unwrap_or(r));
            self.pending.extend(reader.push(first_row + row, cell));
        }
    }

    /// Checks a batch's rows in order, given each row's field count;
    /// returns which rows are used.
    fn check(
        &mut self,
        df: &DataFrame,
        fields: &[u32],
        first_row: usize,
        file: &str,
    ) -> Result<Vec<bool>, IngestError> {
        let err = polars_err(file);
        let text = |pos: usize| df.column(&cname(pos)).and_then(|c| c.str()).map_err(&err);
        let mut ids = self.at.id.map(text).transpose()?.map(|c| c.iter());
        let groups = text(self.at.group)?;
        let mut insts = self.at.institution.map(text).transpose()?.map(|c| c.iter());
        let mut weights = self.at.weight.map(text).transpose()?.map(|c| c.iter());
        let width = self.header.names.len() as u32;
        let mut used = Vec::with_capacity(df.height());
        for (row, (group, fields)) in groups.iter().zip(fields).enumerate() {
            let id = ids.as_mut().map(|i| i.next().flatten());
            let inst = insts.as_mut().and_then(|i| i.next()).flatten();
            let w = weights.as_mut().map(|w| w.next().flatten());
            // polars pads a short row with empty cells: the field count tells.
            let whole = if *fields < width {
                Err(Reason::ShortRow)
            } else {
                Ok(())
            };
            // Without an id column every row is its own respondent.
            let checked = id
                .map(|id| self.checker.check_id(id).map(Some))
                .unwrap_or(Ok(None))
                .and_then(|key| whole.map(|_| key))
                .and_then(|key| Ok((key, self.group(group)?)))
                .and_then(|(key, g)| Ok((key, g, w.map_or(Ok(1.0), weight)?)));
            match checked {
                Ok((panel_key, g, weight)) => {
                    let institution = self.institution(inst);
                    self.respondents.push(Respondent {
                        group: g,
                        institution,
                        panel_key,
                        weight,
                    });
                    used.push(true);
                }
                Err(reason) => {
                    let cells = (group, w.flatten());
                    let (column, value) = excluded_at(reason, self.header, &self.at, cells);
                    self.pending
                        .push(Pending::new(first_row + row, 0, reason, column, value));
                    used.push(false);
                }
            }
        }
        for i in 0..self.breakdowns.len() {
            let cells = text(self.breakdowns[i].pos)?;
            self.add_breakdowns(i, cells, &used, first_row);
        }
        Ok(used)
    }
}

/// Checks a batch's rows and maps its rating columns, on all cores: the row
/// checks (one thread, in row order) run beside the mapping of the columns.
/// Returns which rows are used.
fn process_batch(
    outs: &mut [ColumnOut],
    rows: &mut RowState,
    df: &DataFrame,
    fields: &[u32],
    first_row: usize,
    file: &str,
) -> Result<Vec<bool>, IngestError> {
    let header = rows.header;
    std::thread::scope(|scope| {
        let checks = scope.spawn(|| rows.check(df, fields, first_row, file));
        on_all_cores(outs, file, |out| {
            let text = df
                .column(&cname(out.column.pos))
                .and_then(|c| c.str())
                .map_err(polars_err(file))?;
            out.map(text, first_row, header);
            Ok(())
        })?;
        checks.join().unwrap_or_else(|_| Err(thread_failed(file)))
    })
}

/// Runs `f` over every column, a share of the columns per core.
fn on_all_cores<F>(outs: &mut [ColumnOut], file: &str, f: F) -> Result<(), IngestError>
where
    F: Fn(&mut ColumnOut) -> Result<(), IngestError> + Sync,
{
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let per_thread = outs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = outs
            .chunks_mut(per_thread)
            .map(|part| scope.spawn(move || part.iter_mut().try_for_each(f)))
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().unwrap_or_else(|_| Err(thread_failed(file))))
    })
}

fn thread_failed(file: &str) -> IngestError {
    IngestError::Parse {
        file: file.to_string(),
        problem: "a worker thread failed while reading cells".into(),
    }
}

/// Parses records `rows` (indices into `records`) as text, the `projection`
/// columns only, and checks that polars found exactly those records.
fn read_batch(
    csv: &CsvText,
    records: &Records,
    rows: std::ops::Range<usize>,
    width: usize,
    projection: &Arc<Vec<usize>>,
    file: &str,
) -> Result<DataFrame, IngestError> {
    let end = records
        .starts
        .get(rows.end)
        .copied()
        .unwrap_or(csv.text.len());
    let bytes = &csv.text.as_bytes()[records.starts[rows.start]..end];
    let df = csv_options(csv, width)
        .with_has_header(false)
        .with_projection(Some(projection.clone()))
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
        .map_err(|e| parse_failed(csv, file, e))?;
    if df.height() != rows.len() {
        let line = records.lines[rows.start];
        return Err(miscounted(file, line, rows.len(), df.height()));
    }
    Ok(df)
}

/// Batches of whole records of about `batch_bytes`, data rows only.
fn batches(
    records: &Records,
    header_rows: usize,
    batch_bytes: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = header_rows;
    while start < records.starts.len() {
        let limit = records.starts[start].saturating_add(batch_bytes);
        let end = records
            .starts
            .partition_point(|s| *s < limit)
            .max(start + 1);
        out.push(start..end);
        start = end;
    }
    out
}

/// Reads a wide export, `BATCH_BYTES` of text at a time.
pub(super) fn read(cb: &Codebook, export: &Export) -> Result<Ingested, IngestError> {
    read_in_batches(cb, export, BATCH_BYTES)
}

/// Batch by batch: parse as text, check the rows and map the ratings to
/// codes, drop the text.
fn read_in_batches(
    cb: &Codebook,
    export: &Export,
    batch_bytes: usize,
) -> Result<Ingested, IngestError> {
    let Export {
        csv,
        header,
        header_rows,
        file,
    } = *export;
    let at = RespondentPos::find(header, cb, cb.respondents.id.as_deref(), file)?;
    let columns = rating_columns(cb, header, file)?;
    let comment_pos = comments::find(cb, header, file)?;
    let projection = projection(&at, &columns, &comment_pos);
    let records = text::scan_records(csv);
    let n_rows = records.lines.len().saturating_sub(header_rows);
    let readers = CellReader::per_measure(&cb.scale, &cb.measures);
    let mut outs: Vec<ColumnOut> = columns
        .iter()
        .map(|c| ColumnOut::new(c, &readers[c.measure], n_rows))
        .collect();
    let mut rows = RowState::new(cb, header, at, &csv.dictionary);
    let mut used = Vec::with_capacity(n_rows);
    let mut found = Vec::new();
    for batch in batches(&records, header_rows, batch_bytes) {
        let first_row = batch.start - header_rows;
        let width = header.names.len();
        let df = read_batch(csv, &records, batch.clone(), width, &projection, file)?;
        let fields = &records.fields[batch];
        used.extend(process_batch(
            &mut outs, &mut rows, &df, fields, first_row, file,
        )?);
        found.extend(comment_cells(cb, &df, &comment_pos, first_row, file)?);
    }
    if used.contains(&false) {
        on_all_cores(&mut outs, file, |out| {
            out.keep_used(&used);
            Ok(())
        })?;
    }
    let mut data = finish(export, &records, n_rows, rows, outs)?;
    data.comments = of_used_rows(found, &used);
    Ok(data)
}

/// The kept comments of one batch: (data-row index, comment), the
/// respondent not known yet. Only non-empty answers keep their text.
fn comment_cells(
    cb: &Codebook,
    df: &DataFrame,
    at: &[CommentPos],
    first_row: usize,
    file: &str,
) -> Result<Vec<(usize, Comment)>, IngestError> {
    let mut out = Vec::new();
    for c in at {
        let text = df
            .column(&cname(c.pos))
            .and_then(|col| col.str())
            .map_err(polars_err(file))?;
        for (i, raw) in text.iter().enumerate() {
            if let Some(text) = raw.and_then(|r| comments::keep(&cb.scale.missing, r)) {
                let comment = Comment {
                    column: c.column,
                    respondent: 0,
                    text,
                };
                out.push((first_row + i, comment));
            }
        }
    }
    Ok(out)
}

/// The comments of the rows used, each with its respondent (the used rows
/// before it), by respondent, then column.
fn of_used_rows(mut found: Vec<(usize, Comment)>, used: &[bool]) -> Vec<Comment> {
    found.sort_by_key(|(row, c)| (*row, c.column));
    let mut respondent = 0u32;
    let mut row = 0usize;
    let mut out = Vec::with_capacity(found.len());
    for (r, mut c) in found {
        while row < r {
            respondent += u32::from(used[row]);
            row += 1;
        }
        if used[r] {
            c.respondent = respondent;
            out.push(c);
        }
    }
    out
}

/// The columns parsed: the respondent, rating and comment columns, in file
/// order.
fn projection(
    at: &RespondentPos,
    columns: &[RatingColumn],
    comments: &[CommentPos],
) -> Arc<Vec<usize>> {
    let mut projection: Vec<usize> = [at.id, Some(at.group)]
        .into_iter()
        .flatten()
        .chain(at.institution)
        .chain(at.weight)
        .chain(at.breakdowns.iter().copied())
        .chain(columns.iter().map(|c| c.pos))
        .chain(comments.iter().map(|c| c.pos))
        .collect();
    projection.sort_unstable();
    projection.dedup();
    Arc::new(projection)
}

/// The respondents, ratings and ledger of the rows used.
fn finish(
    export: &Export,
    records: &Records,
    n_rows: usize,
    rows: RowState,
    outs: Vec<ColumnOut>,
) -> Result<Ingested, IngestError> {
    let RowState {
        checker,
        respondents,
        mut pending,
        breakdowns,
        ..
    } = rows;
    if respondents.is_empty() {
        return Err(no_rows(export.file, n_rows, &pending));
    }
    let mut ratings = Ratings::default();
    for out in outs {
        pending.extend(out.pending);
        ratings.columns.push(RatingCodes {
            item: out.column.item,
            measure: out.column.measure,
            codes: out.codes,
        });
    }
    let ledger = FileLedger {
        file: export.file.to_string(),
        rows_read: n_rows as u64,
        rows_used: respondents.len() as u64,
        cells_missing: ratings.count(MISSING),
        entries: with_lines(records, export.header_rows, pending),
    };
    Ok(Ingested {
        sha256: export.csv.sha256.clone(),
        remarks: Vec::new(),
        ids_look_like_row_numbers: checker.ids_look_like_row_numbers(),
        ratings,
        groups: checker.into_groups(),
        respondents,
        breakdowns: breakdowns
            .into_iter()
            .map(BreakdownReader::finish)
            .collect(),
        comments: Vec::new(),
        ledger,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::codebook::Scale;
    use crate::ingest::source::read_csv_text;

    fn tiny() -> (Codebook, CsvText, Header) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny");
        let cb = Codebook::load(&dir).unwrap();
        let csv = read_csv_text(&dir.join("ronde-1/questionnaire.csv"), "q.csv", None).unwrap();
        let header = Header::new(text::header(&csv, 1, "q.csv").unwrap(), "q.csv").unwrap();
        (cb, csv, header)
    }

    #[test]
    fn batch_boundaries_do_not_change_the_result() {
        let (cb, csv, header) = tiny();
        let export = Export {
            csv: &csv,
            header: &header,
            header_rows: 1,
            file: "q.csv",
        };
        let whole = read_in_batches(&cb, &export, usize::MAX).unwrap();
        // One record per batch: every boundary, a quoted newline included.
        let split = read_in_batches(&cb, &export, 1).unwrap();
        assert_eq!(whole.ratings, split.ratings);
        assert_eq!(whole.respondents, split.respondents);
        assert_eq!(whole.groups, split.groups);
        assert_eq!(whole.ledger, split.ledger);
        // Rows used only: tq001..tq005 and the student row.
        assert_eq!(whole.respondents.len(), 6);
        assert_eq!(
            whole.ratings.get(2, 0),
            Some(&[2, MISSING, 4, INVALID, 3, 4][..])
        );
        let invalid: Vec<u64> = whole
            .ledger
            .entries
            .iter()
            .filter(|e| e.reason == Reason::InvalidValue)
            .map(|e| e.line)
            .collect();
        assert_eq!(invalid, vec![6]);
    }

    #[test]
    fn comments_of_excluded_rows_are_dropped_and_the_rest_renumbered() {
        let c = |column, text: &str| Comment {
            column,
            respondent: 0,
            text: text.into(),
        };
        let found = vec![
            (3, c(1, "d")),
            (0, c(0, "a")),
            (2, c(0, "x")),
            (3, c(0, "c")),
        ];
        let kept = of_used_rows(found, &[true, true, false, true]);
        let got: Vec<(u32, usize, &str)> = kept
            .iter()
            .map(|c| (c.respondent, c.column, c.text.as_str()))
            .collect();
        assert_eq!(got, vec![(0, 0, "a"), (2, 0, "c"), (2, 1, "d")]);
    }

    #[test]
    fn batches_cover_the_data_rows_once() {
        let (_, csv, _) = tiny();
        let records = text::scan_records(&csv);
        let n = records.starts.len();
        for bytes in [1, 40, 100, usize::MAX] {
            let b = batches(&records, 1, bytes);
            assert_eq!(b.first().map(|r| r.start), Some(1));
            assert_eq!(b.last().map(|r| r.end), Some(n));
            assert!(b
                .windows(2)
                .all(|w| w[0].end == w[1].start && !w[0].is_empty()));
        }
        assert_eq!(batches(&records, 1, 1).len(), n - 1);
        assert!(batches(&records, n, 1).is_empty());
    }

    #[test]
    fn mapper_classifies_each_text_once_and_reads_one_byte_views() {
        let scale = Scale {
            min: 1,
            max: 4,
            missing: vec!["weet niet".into()],
            codes: Default::default(),
            labels: Default::default(),
        };
        let labels = [(3, "herkenbaar".to_string())].into_iter().collect();
        let reader = CellReader::new(&scale, &labels);
        let header = Header::new(vec!["Q1".into()], "f").unwrap();
        let column = RatingColumn {
            pos: 0,
            item: 0,
            measure: 0,
        };
        let mut out = ColumnOut {
            column: &column,
            mapper: CodeMapper::new(&reader),
            codes: Vec::new(),
            pending: Vec::new(),
        };
        let cells = [
            "3",
            "",
            "7",
            "HERKENBAAR",
            "weet niet",
            "3",
            "7",
            "4,0",
            "a very long invalid text",
        ];
        let text = StringChunked::from_slice("c0".into(), &cells);
        out.map(&text, 0, &header);
        assert_eq!(
            out.codes,
            vec![3, MISSING, INVALID, 3, MISSING, 3, INVALID, 4, INVALID]
        );
        let rows: Vec<usize> = out.pending.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![2, 6, 8]);
        assert_eq!(out.pending[0].entry.value.as_deref(), Some("7"));
        assert_eq!(out.mapper.short[usize::from(b'3')], 3);
        assert_eq!(out.mapper.long.len(), 4);
        out.keep_used(&[false, true, false, true, true, true, false, true, false]);
        assert_eq!(out.codes, vec![MISSING, 3, MISSING, 3, 4]);
        assert_eq!(out.pending.len(), 0);
    }
}
