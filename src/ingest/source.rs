//! From a file on disk to [`CsvText`]: the one door every reader comes in by.
//!
//! Owns opening an export, hashing its bytes as read (for the manifest), and
//! choosing the decoder by the file's extension: `xlsx` for a workbook,
//! `sav` for an SPSS file, `text` for everything else, so CSV, xlsx and
//! SPSS exports are read alike
//! downstream. It must not look at records or cells: that is for the
//! readers above it (`wide`, `long`, `notes`, and `peil init`).

use std::path::Path;

use super::error::IngestError;
use super::sav;
use super::text::{decode, CsvText};
use super::xlsx;

/// Reads an export and decodes it; `file` is the name used in messages.
/// The single entry point of every reader: a `.xlsx` file (its `sheet`,
/// default the first) and an SPSS `.sav` file are converted to the same
/// comma-separated text, so every export is read alike downstream.
pub fn read_csv_text(path: &Path, file: &str, sheet: Option<&str>) -> Result<CsvText, IngestError> {
    let (bytes, sha256) = read_hashed(path).map_err(|e| IngestError::Unreadable {
        file: file.to_string(),
        problem: e.to_string(),
    })?;
    if is_xlsx(path) {
        return xlsx::read(&bytes, file, sheet, sha256);
    }
    if sav::is_sav(path) {
        return sav::read(&bytes, file, sha256);
    }
    Ok(CsvText {
        sha256,
        ..decode(bytes, file)?
    })
}

/// A file's bytes and their SHA-256 (hex), hashed on a second core while
/// the file is read, piece by piece: the hash of a large export would
/// otherwise nearly double the time it takes to read it. One read, so the
/// hash is that of the bytes analysed even if the file changes meanwhile.
fn read_hashed(path: &Path) -> std::io::Result<(Vec<u8>, String)> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    const PIECE: usize = 8 << 20;
    let mut f = std::fs::File::open(path)?;
    let len = usize::try_from(f.metadata()?.len()).unwrap_or(0);
    let mut bytes = vec![0u8; len];
    let (read, mut hasher) = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<&[u8]>();
        let hashing = scope.spawn(move || {
            let mut hasher = Sha256::new();
            rx.into_iter().for_each(|piece| hasher.update(piece));
            hasher
        });
        let mut read = 0;
        let mut result = Ok(());
        for piece in bytes.chunks_mut(PIECE) {
            let n = match read_full(&mut f, piece) {
                Ok(n) => n,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            };
            let piece: &[u8] = piece;
            read += n;
            // The hashing thread only ends when this sender is dropped.
            let _ = tx.send(&piece[..n]);
            if n < piece.len() {
                break;
            }
        }
        drop(tx);
        let hasher = hashing
            .join()
            .map_err(|_| std::io::Error::other("the thread hashing the file failed"));
        result.and(hasher.map(|h| (read, h)))
    })?;
    bytes.truncate(read);
    // The file grew after its size was taken: read and hash the rest too.
    let mut rest = Vec::new();
    f.read_to_end(&mut rest)?;
    hasher.update(&rest);
    bytes.extend_from_slice(&rest);
    Ok((bytes, crate::digest::hex(&hasher.finalize())))
}

/// Reads until `buf` is full or the file ends; returns the bytes read.
fn read_full(f: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    use std::io::Read;
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Whether a path names an xlsx workbook (by its extension, any case).
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_hashed_matches_a_plain_read_and_hash() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 8 << 20, (8 << 20) + 5, (17 << 20) + 3] {
            let path = dir.path().join(format!("f{len}"));
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            std::fs::write(&path, &data).unwrap();
            let (bytes, hex) = read_hashed(&path).unwrap();
            assert!(bytes == data, "length {len}");
            assert_eq!(hex, crate::digest::sha256_hex(&data), "length {len}");
        }
        assert!(read_hashed(&dir.path().join("missing")).is_err());
    }
}
