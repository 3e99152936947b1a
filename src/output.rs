//! Writing outputs: atomically, and with a manifest of what was read and written.
//!
//! Owns the output folder layout (`<out>/<study>/<round>/`), temporary names
//! and renames, and `manifest.json`. It must not decide what is written.
//!
//! A killed run leaves every file either as it was or complete, plus at most
//! one temporary `.NAME.tmp-peil`; the next run into the folder removes such
//! leftovers before it writes. For the kill test (`tests/atomic.rs`),
//! `PEIL_TEST_ABORT_AFTER_FILES=N` aborts the process between writing the
//! N-th file's temporary and renaming it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, OnceLock};

use serde::Serialize;

use crate::digest::InputHash;
use crate::Error;

/// One round's output folder; remembers every file written to it.
pub struct OutputDir {
    root: PathBuf,
    written: Vec<String>,
    swept: bool,
}

impl OutputDir {
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

const TMP_SUFFIX: &str = ".tmp-peil";

/// Write to a hidden temporary name beside the target, then rename: an
/// interrupted run leaves the previous file, never half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}{TMP_SUFFIX}"));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        abort_if_asked();
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporaries a killed run left under `root` (a folder that
/// does not exist yet has none).
fn remove_leftovers(root: &Path) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if entry.file_type()?.is_dir() {
            remove_leftovers(&entry.path())?;
        } else if name.starts_with('.') && name.ends_with(TMP_SUFFIX) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// The kill test's hook: with `PEIL_TEST_ABORT_AFTER_FILES=N`, the N-th file
/// of the process is left as a temporary and the process dies as if killed.
fn abort_if_asked() {
    static LIMIT: OnceLock<Option<usize>> = OnceLock::new();
    static WRITTEN: AtomicUsize = AtomicUsize::new(0);
    let limit = LIMIT.get_or_init(|| {
        std::env::var("PEIL_TEST_ABORT_AFTER_FILES")
            .ok()
            .and_then(|v| v.parse().ok())
    });
    if let Some(n) = limit {
        if WRITTEN.fetch_add(1, Ordering::SeqCst) + 1 == *n {
            std::process::abort();
        }
    }
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
