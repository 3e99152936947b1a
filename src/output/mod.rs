//! Writing outputs: the layout of the output folder, and one writer
//! thread that writes each file atomically, with a manifest last.
//!
//! Owns the layout: `<out>/<study>/<round>/` for a round and
//! `<out>/<study>/compare-<R1>-<R2>/` for a comparison ([`OutputDir`]); and
//! inside it, through [`plan`], every file a round, a comparison and a
//! breakdown writes, with its folder and format. The bytes come from
//! `render`; [`atomic`] makes each write all-or-nothing and [`manifest`]
//! lists what was read and written. It must not compute a figure nor choose
//! what a table, chart or report says.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::digest::InputHash;
use crate::Error;

pub mod atomic;
pub mod manifest;
pub mod plan;

use atomic::remove_leftovers;
pub use atomic::write_atomic;
use manifest::Manifest;

/// One round's output folder; remembers every file written to it.
pub struct OutputDir {
    root: PathBuf,
    written: Vec<String>,
    swept: bool,
}

impl OutputDir {
    /// A round's folder, `<out>/<study>/<round>/` (a comparison's `round` is
    /// its [`compare_folder`]).
    pub fn of(out: &Path, study: &str, round: &str) -> OutputDir {
        OutputDir::new(out.join(study).join(round))
    }

    pub fn new(root: PathBuf) -> OutputDir {
        OutputDir {
            root,
            written: Vec::new(),
            swept: false,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Writes `rel` (a `/`-separated path under the folder) atomically.
    pub fn write(&mut self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        if !self.swept {
            remove_leftovers(&self.root).map_err(|reason| Error::Write {
                path: self.root.clone(),
                reason,
            })?;
            self.swept = true;
        }
        let path = self.root.join(rel);
        write_atomic(&path, bytes).map_err(|reason| Error::Write { path, reason })?;
        self.written.push(rel.to_string());
        Ok(())
    }

    /// Runs `make` with a [`Queue`] that any thread may hand files to; one
    /// writer thread writes them as they come, so the threads making files
    /// never wait for the disk, and a killed run still leaves at most one
    /// temporary. The first failed write is the error; later files are
    /// then dropped.
    pub fn writing<R>(&mut self, make: impl FnOnce(&Queue) -> R) -> Result<R, Error> {
        let (tx, rx) = mpsc::channel::<(String, Vec<u8>)>();
        let root = self.root.clone();
        std::thread::scope(|scope| {
            let writer =
                scope.spawn(move || rx.iter().try_for_each(|(rel, b)| self.write(&rel, &b)));
            let made = make(&Queue { tx });
            // `make` dropped the queue: the writer ends with the last file.
            writer.join().unwrap_or_else(|_| {
                Err(Error::Write {
                    path: root,
                    reason: std::io::Error::other("the thread writing the files failed"),
                })
            })?;
            Ok(made)
        })
    }

    /// Files written so far, sorted.
    pub fn written(&self) -> Vec<String> {
        let mut w = self.written.clone();
        w.sort();
        w
    }
}

/// Where threads hand over files for [`OutputDir::writing`]'s writer.
pub struct Queue {
    tx: mpsc::Sender<(String, Vec<u8>)>,
}

impl Queue {
    /// Queues `rel` (a `/`-separated path under the folder). A file queued
    /// after a failed write is dropped: the run fails with that error.
    pub fn write(&self, rel: String, bytes: Vec<u8>) {
        let _ = self.tx.send((rel, bytes));
    }
}

/// A comparison's folder name: `compare-<from>-<to>`.
pub fn compare_folder(from: &str, to: &str) -> String {
    format!("compare-{from}-{to}")
}

impl OutputDir {
    /// Writes the files `make` hands over, then `manifest.json` listing
    /// them (it goes last: it lists every file written before it). Returns
    /// the folder, how many files it got, and what `make` returned.
    pub fn write_all<T, E>(
        mut self,
        study: &str,
        round: &str,
        inputs: Vec<InputHash>,
        make: impl FnOnce(&Queue) -> Result<T, E>,
    ) -> Result<(PathBuf, usize, T), Error>
    where
        Error: From<E>,
    {
        let made = self.writing(make)??;
        let manifest = Manifest {
            peil_version: env!("CARGO_PKG_VERSION"),
            study: study.to_string(),
            round: round.to_string(),
            inputs,
            outputs: self.written(),
        };
        self.write("manifest.json", &manifest.to_json())?;
        Ok((self.root, self.written.len(), made))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_write_removes_leftover_temporaries_only() {
        let d = tempfile::tempdir().unwrap();
        let charts = d.path().join("charts");
        std::fs::create_dir_all(&charts).unwrap();
        for name in [".a.svg.tmp-peil", "a.svg", "keep.tmp-peil"] {
            std::fs::write(charts.join(name), b"x").unwrap();
        }
        std::fs::write(d.path().join(".manifest.json.tmp-peil"), b"x").unwrap();
        let mut out = OutputDir::new(d.path().to_path_buf());
        out.write("tables/t.csv", b"t").unwrap();
        let mut left: Vec<_> = std::fs::read_dir(&charts)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["a.svg", "keep.tmp-peil"]);
        assert!(!d.path().join(".manifest.json.tmp-peil").exists());
    }
}
