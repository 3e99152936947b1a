//! How cells are compared with labels, codes and missing codes.
//!
//! Owns `normalize_cell`, the one normalization of docs/reference.md, used by the
//! codebook for what it lists and by `ingest` and `init` for what they read.
//! It must not know any codebook rule.

/// Trim, collapse inner whitespace and lower-case: how docs/reference.md compares
/// cells with labels, codes and missing codes.
pub fn normalize_cell(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_cell_trims_collapses_and_lowercases() {
        assert_eq!(normalize_cell("  ZEER \t Herkenbaar "), "zeer herkenbaar");
        assert_eq!(normalize_cell("\u{a0}weet\u{a0}niet"), "weet niet");
        assert_eq!(normalize_cell(""), "");
    }
}
