//! Writing outputs: atomically, and with a manifest of what was read and written.
//!
//! Owns the output folder layout (`<out>/<study>/<round>/`), temporary names
//! and renames, and `manifest.json`. It must not decide what is written.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::Error;

/// One round's output folder; remembers every file written to it.
pub struct OutputDir {
    root: PathBuf,
    written: Vec<String>,
}

impl OutputDir {
    pub fn new(root: PathBuf) -> OutputDir {
        OutputDir {
            root,
            written: Vec::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Writes `rel` (a `/`-separated path under the folder) atomically.
    pub fn write(&mut self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.root.join(rel);
        write_atomic(&path, bytes).map_err(|source| Error::Write { path, source })?;
        self.written.push(rel.to_string());
        Ok(())
    }

    /// Files written so far, sorted.
    pub fn written(&self) -> Vec<String> {
        let mut w = self.written.clone();
        w.sort();
        w
    }
}

/// Write to a hidden temporary name beside the target, then rename: an
/// interrupted run leaves the previous file, never half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-peil"));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// SHA-256 of a file's bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Serialize)]
pub struct InputHash {
    pub file: String,
    pub sha256: String,
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc_matches_fips_180_2() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a/b.csv");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(d.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("b.csv")]);
    }
}
