//! Exports in, compact rating codes out.
//!
//! Owns reading a round's questionnaire (wide or long, CSV in any of the
//! dialects `text` decodes, an xlsx sheet or an SPSS file) and its consultation notes, the
//! row checks of the README ("Rows are checked in this order") and the ledger of what was set
//! aside. Ratings leave as one byte per cell ([`ratings`]), never as text.
//! It must not aggregate: every figure is computed by `score` from
//! [`Ingested::ratings`].
//!
//! This file holds the module list, the re-exports and the entry points
//! ([`read_questionnaire`], which decides wide or long, and [`read_notes`],
//! re-exported from `notes`). Every arrow inside the folder points one way:
//! a file imports only files listed above it (`<-` names them).
//!
//! ```text
//! error     IngestError, polars_err, display_path
//! header    Header: column names, "did you mean"     <- error
//! text      bytes -> CsvText: decode, delimiter,     <- error
//!           header row, records and their lines
//! retext    cells of a binary export -> CSV text
//! xlsx      a workbook's sheet -> the same CsvText   <- error, text, retext
//! sav       an SPSS file -> the same CsvText, and    <- error, text, retext
//!           its Dictionary (labels, missing values)
//! source    a file -> CsvText (CSV, xlsx or SPSS),   <- error, text, xlsx, sav
//!           SHA-256
//! cell      a cell text -> a rating
//! ratings   a rating -> a one-byte code              <- cell
//! rows      the row checks (id, group), panel keys
//! ingested  Ingested, Respondent, Comment,           <- ratings, rows
//!           BreakdownValues (types)
//! comments  [[comments]] columns, a kept comment     <- error, header
//! frame     CsvText -> polars text frames; Export,   <- error, header, text
//!           the respondent columns
//! pending   set-aside rows and cells -> ledger       <- error, header, text, frame
//! breakdowns  a used row's breakdown values          <- ingested, frame, pending
//! wide      one row per respondent                   <- cell, error, header, text, ratings,
//!                                                       rows, ingested, comments, frame,
//!                                                       pending, breakdowns
//! long      one row per rating                       <- the same but text
//! notes     consultation.csv                         <- error, header, text, source, rows
//! mod       the entry points; reverse-keyed items    <- any of them
//!           scored min + max - x; the recodes said;
//!           `shares` matched to the groups read
//! ```

mod breakdowns;
pub mod cell;
mod comments;
mod error;
mod frame;
mod header;
mod ingested;
mod long;
pub mod notes;
mod pending;
pub mod ratings;
mod retext;
mod rows;
mod sav;
mod source;
pub mod text;
mod wide;
mod xlsx;

pub use error::{display_path, IngestError};
pub use ingested::{BreakdownValues, Comment, Ingested, Respondent};
pub use notes::read_notes;
pub use ratings::Ratings;
pub use rows::PanelKey;
pub use sav::is_sav;
pub use source::{is_xlsx, read_csv_text};
pub use text::Dictionary;
pub use xlsx::sheet_names as xlsx_sheet_names;

use crate::codebook::{normalize_cell, Codebook, Round, Weights};
use frame::Export;
use header::Header;
use text::CsvText;

/// Reads the questionnaire of `round`, wide or long.
pub fn read_questionnaire(cb: &Codebook, round: &Round) -> Result<Ingested, IngestError> {
    let file = display_path(&round.questionnaire);
    let csv = read_csv_text(
        &cb.dir.join(&round.questionnaire),
        &file,
        round.sheet.as_deref(),
    )?;
    let (header_rows, note) = header_rows(round, &csv, &file);
    let header = text::header(&csv, header_rows, &file)?;
    let header = Header::new(header, &file)?;
    let export = Export {
        csv: &csv,
        header: &header,
        header_rows,
        file: &file,
    };
    let mut data = if long::is_long(&header) && !wide::names_any_item(cb, &header) {
        long::read(cb, &export)
    } else {
        wide::read(cb, &export)
    }?;
    data.remarks.extend(note);
    data.remarks.extend(recode_remarks(cb));
    shares_match_groups(cb, &data, &file)?;
    reverse_keyed(cb, &mut data.ratings);
    Ok(data)
}

/// What each `[recode]` merged into what, for the run's summary on stderr
/// (a recode sets nothing aside: it is no ledger entry).
fn recode_remarks(cb: &Codebook) -> Vec<String> {
    cb.respondents
        .recodes
        .iter()
        .flat_map(|r| {
            r.merged().into_iter().map(move |(to, from)| {
                let from: Vec<String> = from.iter().map(|f| format!("{f:?}")).collect();
                format!(
                    "column {:?}: {} read as {to:?} ([recode])",
                    r.column,
                    from.join(", ")
                )
            })
        })
        .collect()
}

/// Post-stratification shares name exactly the groups of the used
/// respondents (docs/reference.md, "Weights"): a used group without a share, or a
/// share for a group no used respondent has, is a configuration error.
fn shares_match_groups(cb: &Codebook, data: &Ingested, file: &str) -> Result<(), IngestError> {
    let Some(Weights::Groups(Some(shares))) = &cb.weights else {
        return Ok(());
    };
    let mut used = vec![false; data.groups.len()];
    for r in &data.respondents {
        used[r.group as usize - 1] = true;
    }
    let used: Vec<&String> = (data.groups.iter().zip(used))
        .filter_map(|(g, u)| u.then_some(g))
        .collect();
    let named = |g: &str| {
        shares
            .iter()
            .any(|(s, _)| normalize_cell(s) == normalize_cell(g))
    };
    if let Some(g) = used.iter().find(|g| !named(g)) {
        return Err(IngestError::Shares {
            file: file.to_string(),
            problem: format!("group {g:?} has respondents but no share"),
            fix: format!("give {g:?} a share, or merge it into a group that has one with [recode]"),
        });
    }
    if let Some((s, _)) = shares
        .iter()
        .find(|(s, _)| !used.iter().any(|g| normalize_cell(g) == normalize_cell(s)))
    {
        let groups: Vec<&str> = used.iter().map(|g| g.as_str()).collect();
        return Err(IngestError::Shares {
            file: file.to_string(),
            problem: format!("group {s:?} has a share but no respondent in this round"),
            fix: format!("name the groups of the data: {}", groups.join(", ")),
        });
    }
    Ok(())
}

/// Scores the columns of reverse-keyed items (`reverse = true`) as
/// min + max - x, here, so that every figure, area score and reliability
/// downstream sees only scored values (docs/reference.md, "Reverse-keyed items").
fn reverse_keyed(cb: &Codebook, ratings: &mut Ratings) {
    // The codebook keeps the scale within -100..=100 (i8 codes).
    let (min, max) = (cb.scale.min as i8, cb.scale.max as i8);
    for col in ratings.columns.iter_mut() {
        if cb.items[col.item].reverse {
            ratings::reverse(&mut col.codes, min, max);
        }
    }
}

/// The round's `header_rows`, or, when it gives none, the Qualtrics rows
/// detected below the column names, with a note saying so.
fn header_rows(round: &Round, csv: &CsvText, file: &str) -> (usize, Option<String>) {
    if let Some(n) = round.header_rows {
        return (n, None);
    }
    match text::detect_header_rows(csv) {
        Some(n) => (
            n,
            Some(format!(
                "{file}: lines 2-{n} look like Qualtrics question-text / ImportId rows and are skipped as header rows; \
                 set [[rounds]] header_rows = {n} in study.toml to say so (or 1 to read them as data)"
            )),
        ),
        None => (1, None),
    }
}
