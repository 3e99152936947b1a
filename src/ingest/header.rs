//! The export's column names, and finding a column the codebook names.
//!
//! Owns matching names case- and whitespace-insensitively, refusing a header
//! that names a column twice, and the "did you mean" hint (a small edit
//! distance) when a required column is missing. Imports only `error`; it
//! must not read files or records: the names come from `text::header`.

use std::collections::HashMap;

use super::error::IngestError;
use crate::codebook::normalize_cell;

/// The export's column names, matched case- and whitespace-insensitively.
pub(super) struct Header {
    pub names: Vec<String>,
    normalized: Vec<String>,
}

impl Header {
    /// The names as read; refused if two of them match each other.
    pub fn new(names: Vec<String>, file: &str) -> Result<Header, IngestError> {
        let normalized: Vec<String> = names.iter().map(|n| normalize_cell(n)).collect();
        let mut seen: HashMap<&str, usize> = Default::default();
        for (i, n) in normalized.iter().enumerate() {
            if n.is_empty() {
                continue;
            }
            if let Some(first) = seen.insert(n, i) {
                return Err(IngestError::DuplicateHeader {
                    file: file.to_string(),
                    name: names[i].clone(),
                    first: first + 1,
                    second: i + 1,
                });
            }
        }
        Ok(Header { names, normalized })
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        let n = normalize_cell(name);
        self.normalized.iter().position(|h| *h == n)
    }

    /// The position of a column the codebook requires.
    pub fn require(&self, name: &str, key: &str, file: &str) -> Result<usize, IngestError> {
        self.find(name).ok_or_else(|| IngestError::MissingColumn {
            file: file.to_string(),
            column: name.to_string(),
            key: key.to_string(),
            hint: self
                .closest(name)
                .map(|c| format!(" (did you mean {c:?}?)"))
                .unwrap_or_default(),
        })
    }

    /// A header name that differs from `name` by a small edit, for the hint.
    fn closest(&self, name: &str) -> Option<&str> {
        let n = normalize_cell(name);
        self.normalized
            .iter()
            .enumerate()
            .map(|(i, h)| (edit_distance(h, &n), i))
            .filter(|(d, _)| *d <= 2.max(n.len() / 5))
            .min()
            .map(|(_, i)| self.names[i].as_str())
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("q3_1_herk", "q3_1_herk"), 0);
        assert_eq!(edit_distance("q3_1_herk", "q3_1_hrek"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn header_refuses_duplicates_and_suggests() {
        let e = Header::new(vec!["a".into(), "B ".into(), "b".into()], "f")
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("columns 2 and 3"), "{e}");
        let h = Header::new(vec!["Q3_1_herk".into()], "f").unwrap();
        let e = h
            .require("Q3_1_hrek", "[[items]] x columns.h", "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean \"Q3_1_herk\""), "{e}");
        assert_eq!(h.find(" q3_1_HERK "), Some(0));
    }
}
