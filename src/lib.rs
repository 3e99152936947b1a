//! peil: batch analysis of consultation rounds.
//!
//! The pipeline, one stage per module, arrows pointing one way (README,
//! "Layout of the code"; `tests/layout.rs` checks it):
//! [`codebook`] (study.toml) -> [`ingest`] (exports to one-byte rating
//! codes, with the [`ledger`] of what was set aside) -> [`analysis`] (every
//! figure) -> [`render`] (tables, charts, report) -> [`output`] (atomic
//! files, manifest). [`run`] strings the stages together for one study;
//! [`init`] drafts a codebook from an export. The command line is [`cli`]
//! (its definition), [`cmd`] (one file per command) and [`exit_codes`].
//! [`digest`] and [`scrub`] are leaves any stage may use.

pub mod analysis;
pub mod cli;
pub mod cmd;
pub mod codebook;
pub mod digest;
pub mod exit_codes;
pub mod ingest;
pub mod init;
pub mod ledger;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scrub;

use std::path::PathBuf;

/// Errors that end a run; [`exit_codes::ExitCode::of`] gives each its exit code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Codebook(#[from] codebook::CodebookError),
    #[error(transparent)]
    Ingest(#[from] ingest::IngestError),
    #[error("{0}")]
    Usage(String),
    #[error("{path}: cannot write: {reason}\n  fix: check that the output folder is writable, or choose another with --out")]
    Write {
        path: PathBuf,
        /// In the message, so not a `source` (it would print twice).
        reason: std::io::Error,
    },
    #[error("{file}: computing the scores failed: {message}")]
    Compute { file: String, message: String },
    #[error(transparent)]
    Export(#[from] render::export::ExportError),
    #[error("drawing {what} failed: {message}")]
    Render { what: String, message: String },
    #[error("--strict: published figures not reproduced (the outputs are written)\n  {summary}\n  fix: correct the figure in [[published]], or see published.csv for the computed value")]
    NotReproduced { summary: String },
    #[error("--strict: the data-quality ledger is not empty, nothing was written\n  {summary}\n  fix: run `peil validate` to see every entry, or drop --strict")]
    Strict { summary: String },
}
