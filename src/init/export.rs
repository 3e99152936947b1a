//! The export as `peil init` sees it: read through the same reader as
//! `peil run`, as columns of sampled cells, and where it lies from the study
//! folder (the draft's `[[rounds]]` entry).
//!
//! Owns every read of the export file and all of `init`'s use of `ingest`
//! apart from number parsing (`classify`). What an SPSS file states about a
//! column (variable label, value labels, user-missing values) it carries on
//! the column as stated, and a labelled value is sampled as its label, as
//! `peil run` reads a group's value. It must not guess anything about the
//! columns: that is `guess`, `layout` and `scale`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::codebook::normalize_cell;
use crate::ingest::text::{self, CsvText, Dictionary};
use crate::ingest::{display_path, is_xlsx, read_csv_text, IngestError};
use crate::Error;

/// Data rows read for the guesses: enough to see every answer, cheap on a
/// large export.
const SAMPLE_ROWS: usize = 1000;

pub(super) struct Column {
    pub(super) name: String,
    /// Normalized non-empty cell -> (count, first original text).
    pub(super) values: BTreeMap<String, (usize, String)>,
    pub(super) filled: usize,
    /// Distinct values in order of first appearance (normalized).
    pub(super) order: Vec<String>,
    /// What the file states about the column (SPSS); empty for CSV/xlsx.
    pub(super) stated: Stated,
}

/// What an SPSS file's dictionary says about one variable.
#[derive(Default)]
pub(super) struct Stated {
    /// The variable label: the question or item text.
    pub(super) label: Option<String>,
    /// Value labels of the values that are not declared missing, ascending:
    /// (value, label).
    pub(super) values: Vec<(i64, String)>,
    /// The labels (else values) of the values declared missing.
    pub(super) missing: Vec<String>,
}

impl Stated {
    fn of(dict: &Dictionary, name: &str) -> Stated {
        let missing = dict.missing.get(name).cloned().unwrap_or_default();
        let values = dict
            .values
            .get(name)
            .into_iter()
            .flatten()
            .filter(|(_, l)| !missing.contains(l))
            .filter_map(|(v, l)| Some((crate::ingest::cell::parse_integer(v)?, l.clone())))
            .collect();
        Stated {
            label: dict.labels.get(name).cloned(),
            values,
            missing,
        }
    }
}

pub(super) struct Export {
    pub(super) columns: Vec<Column>,
    pub(super) rows: usize,
    pub(super) header_rows: usize,
}

impl Export {
    fn read(csv: &CsvText, file: &str) -> Result<Export, Error> {
        let header_rows = text::detect_header_rows(csv).unwrap_or(1);
        let names = text::header(csv, header_rows, file)?;
        let mut columns: Vec<Column> = names
            .iter()
            .map(|name| Column {
                stated: Stated::of(&csv.dictionary, name),
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
            for ((c, name), raw) in columns.iter_mut().zip(&names).zip(rec.iter()) {
                // Sampled as its label, as `peil run` reads a labelled group.
                let raw = csv.dictionary.value_label(name, raw.trim()).unwrap_or(raw);
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

/// Where the export lies and how it is read: the draft's `[[rounds]]` entry.
pub(super) struct RoundDraft {
    /// The export's path as `peil run` will name it (relative to the study
    /// folder when inside it, else its file name).
    pub(super) questionnaire: String,
    /// Whether the export lies inside the study folder.
    pub(super) inside: bool,
    pub(super) sheet: Option<String>,
    pub(super) header_rows: usize,
}

/// Reads the export as `peil run` would and says where it lies from the
/// study folder.
pub(super) fn open(
    path: &Path,
    study_dir: &Path,
    sheet: Option<&str>,
) -> Result<(Export, RoundDraft), Error> {
    let (questionnaire, inside) = relative_to(path, study_dir);
    let file = display_path(&questionnaire);
    let csv = read_csv_text(path, &file, sheet)?;
    let export = Export::read(&csv, &file)?;
    let sheet = if is_xlsx(path) {
        sheet.map(String::from).or_else(|| first_sheet(path))
    } else {
        None
    };
    let round = RoundDraft {
        questionnaire: file,
        inside,
        sheet,
        header_rows: export.header_rows,
    };
    Ok((export, round))
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

/// A column named `name` whose cells are `cells`, for the tests of the
/// files that read columns.
#[cfg(test)]
pub(super) fn test_column(name: &str, cells: &[&str]) -> Column {
    let mut values = std::collections::BTreeMap::new();
    for v in cells {
        values.entry(v.to_string()).or_insert((0, v.to_string())).0 += 1;
    }
    Column {
        name: name.into(),
        values,
        filled: cells.len(),
        order: Vec::new(),
        stated: Stated::default(),
    }
}
