//! Atomic files: a temporary name beside the target, written, synced and
//! renamed, so an interrupted run leaves every file as it was or complete.
//!
//! Owns the temporary names, their sweeping by the next run, and the kill
//! test's hook: `PEIL_TEST_ABORT_AFTER_FILES=N` aborts the process between
//! writing the N-th file's temporary and renaming it (`tests/atomic.rs`).
//! It must not know what a file holds nor where it goes.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

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
pub fn remove_leftovers(root: &Path) -> std::io::Result<()> {
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
}
