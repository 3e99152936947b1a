//! The process exit codes, in one place (as fd's `exit_codes.rs`).
//!
//! Owns the mapping from every way a command can end to the code the
//! README gives it ("The command line"). Every error maps through [`ExitCode::of`]; `main`
//! returns the result as a `std::process::ExitCode`. It must not print.

use crate::codebook::CodebookError;
use crate::ingest::IngestError;
use crate::Error;

/// How a peil command ends, as the shell sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// 0: the outputs were written, or `validate` found nothing to report.
    Success,
    /// 1: `validate` or `run --strict` found entries in the data-quality ledger.
    Findings,
    /// 1: the data cannot be analysed (unreadable file, ragged rows, no
    /// usable row, an output that cannot be written).
    DataError,
    /// 2: a usage or configuration error (the codebook, a column or sheet
    /// the codebook names but the export lacks, a path outside the study).
    Usage,
}

impl ExitCode {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            ExitCode::Success => 0,
            ExitCode::Findings | ExitCode::DataError => 1,
            ExitCode::Usage => 2,
        }
    }

    /// The exit code of an error that ended a command: the first peil
    /// error in its chain decides; anything else means the data could not
    /// be analysed.
    pub fn of(e: &anyhow::Error) -> ExitCode {
        e.chain()
            .find_map(|c| c.downcast_ref::<Error>().map(ExitCode::of_error))
            .unwrap_or(ExitCode::DataError)
    }

    fn of_error(e: &Error) -> ExitCode {
        match e {
            Error::Codebook(e) => ExitCode::of_codebook(e),
            Error::Usage(_) => ExitCode::Usage,
            Error::Ingest(e) => ExitCode::of_ingest(e),
            Error::Strict { .. } | Error::NotReproduced { .. } => ExitCode::Findings,
            Error::Write { .. }
            | Error::Compute { .. }
            | Error::Render { .. }
            | Error::Export(_) => ExitCode::DataError,
        }
    }

    /// Every codebook error is a configuration error.
    fn of_codebook(_: &CodebookError) -> ExitCode {
        ExitCode::Usage
    }

    /// A column or sheet the codebook names but the export lacks is a
    /// configuration error; everything else means the data cannot be analysed.
    fn of_ingest(e: &IngestError) -> ExitCode {
        match e {
            IngestError::MissingColumn { .. }
            | IngestError::MissingSheet { .. }
            | IngestError::Shares { .. } => ExitCode::Usage,
            _ => ExitCode::DataError,
        }
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(c: ExitCode) -> Self {
        std::process::ExitCode::from(c.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_readmes() {
        assert_eq!(ExitCode::Success.code(), 0);
        assert_eq!(ExitCode::Findings.code(), 1);
        assert_eq!(ExitCode::DataError.code(), 1);
        assert_eq!(ExitCode::Usage.code(), 2);
    }

    #[test]
    fn the_first_peil_error_in_the_chain_decides() {
        let e = anyhow::Error::new(Error::Usage("x".into())).context("study a");
        assert_eq!(ExitCode::of(&e), ExitCode::Usage);
        let strict = anyhow::Error::new(Error::Strict {
            summary: "s".into(),
        });
        assert_eq!(ExitCode::of(&strict), ExitCode::Findings);
        let other = anyhow::anyhow!("not ours");
        assert_eq!(ExitCode::of(&other), ExitCode::DataError);
    }

    #[test]
    fn a_missing_column_is_a_configuration_error() {
        let missing = IngestError::MissingColumn {
            file: "f.csv".into(),
            column: "c".into(),
            key: "k".into(),
            hint: String::new(),
        };
        assert_eq!(ExitCode::of_ingest(&missing), ExitCode::Usage);
        let unreadable = IngestError::Unreadable {
            file: "f.csv".into(),
            problem: "p".into(),
        };
        assert_eq!(ExitCode::of_ingest(&unreadable), ExitCode::DataError);
    }
}
