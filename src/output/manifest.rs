//! `manifest.json`: peil's version, the SHA-256 of every input file and of
//! study.toml, and the files written.
//!
//! Owns its form: no timestamps or absolute paths, so reruns are identical.
//! It must not hash a file (ingest did, as it read them) nor write one.

use serde::Serialize;

use crate::digest::InputHash;

/// `manifest.json`: no timestamps or absolute paths, so reruns are identical.
#[derive(Serialize)]
pub struct Manifest {
    pub peil_version: &'static str,
    pub study: String,
    pub round: String,
    pub inputs: Vec<InputHash>,
    pub outputs: Vec<String>,
}

impl Manifest {
    pub fn to_json(&self) -> Vec<u8> {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s.into_bytes()
    }
}
