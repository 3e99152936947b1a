//! SHA-256 fingerprints of input files, as lower-case hex.
//!
//! Owns the one hex encoder and the input-file fingerprint ([`InputHash`]). A leaf: it imports nothing from peil, so every
//! stage (codebook, ingest, output) may use it without an upward arrow.

use sha2::{Digest, Sha256};

/// An input file and its SHA-256, as the manifest and the report's footer
/// name it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputHash {
    /// Relative to the study folder, `/`-separated.
    pub file: String,
    pub sha256: String,
}

/// SHA-256 of a byte slice, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of a finished digest (or any bytes).
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        // Writing to a String cannot fail.
        let _ = write!(s, "{b:02x}");
    }
    s
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
    fn hex_is_lower_case_and_padded() {
        assert_eq!(hex(&[0x00, 0x0f, 0xab]), "000fab");
    }
}
