//! `CodebookError`, the one error type of the codebook, and the wording of a
//! TOML syntax error (place, message, fix).
//!
//! Owns how a configuration mistake is told; it must not decide what is a
//! mistake (that is `check`).

use std::path::PathBuf;

/// A configuration mistake. Every message names the key or column and the fix;
/// all of them end in exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    #[error("{path}: cannot read the codebook: {reason}\n  fix: every study folder needs a study.toml (see the README)")]
    Read {
        path: PathBuf,
        /// In the message, so not a `source` (it would print twice).
        reason: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: {key}: {problem}\n  fix: {fix}")]
    Invalid {
        path: PathBuf,
        key: String,
        problem: String,
        fix: String,
    },
}

/// A TOML error as the user reads it: line and column, the message, a fix.
pub(super) fn parse_message(e: &toml::de::Error, text: &str) -> String {
    let msg = e.message();
    let place = e
        .span()
        .map(|s| {
            let before = text.get(..s.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}: ")
        })
        .unwrap_or_default();
    let fix = if msg.contains("unknown field") {
        "remove or rename the key; the keys a study.toml may hold are listed in the README"
    } else if msg.contains("missing field") {
        "add the key; see the example study.toml in the README"
    } else {
        "correct the TOML at that place"
    };
    format!("{place}{msg}\n  fix: {fix}")
}
