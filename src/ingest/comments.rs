//! Open answers in: the `[[comments]]` columns of a questionnaire.
//!
//! Owns finding each comment column in the export (one that is missing is a
//! configuration error naming `[[comments]] <column>`, exit 2) and turning a
//! cell into a kept comment: trimmed, not empty, not a missing code, and
//! scrubbed of e-mail addresses and phone numbers here, before the text is
//! kept, as consultation statements are. Shared by `wide` and `long`, which
//! know the rows; it must not check rows, nor order or count comments (that
//! is `analysis::comments`).

use super::error::IngestError;
use super::header::Header;
use crate::codebook::{normalize_cell, Codebook};

/// A `[[comments]]` column found in the export.
#[derive(Debug, Clone, Copy)]
pub(super) struct CommentPos {
    /// Index into `Codebook::comments`.
    pub column: usize,
    /// Position in the header.
    pub pos: usize,
}

/// The header positions of the round's comment columns, in codebook order.
pub(super) fn find(
    cb: &Codebook,
    header: &Header,
    file: &str,
) -> Result<Vec<CommentPos>, IngestError> {
    cb.comments
        .iter()
        .enumerate()
        .map(|(column, c)| {
            let key = format!("[[comments]] {}", c.column);
            Ok(CommentPos {
                column,
                pos: header.require(&c.column, &key, file)?,
            })
        })
        .collect()
}

/// What is kept of a comment cell: nothing for an empty cell or a missing
/// code (`weet niet`), else the trimmed text, scrubbed.
pub(super) fn keep(missing: &[String], raw: &str) -> Option<String> {
    let text = raw.trim();
    if text.is_empty() || missing.contains(&normalize_cell(text)) {
        return None;
    }
    Some(crate::scrub::scrub(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_missing_codes_are_dropped_and_the_rest_scrubbed() {
        let missing = vec!["weet niet".to_string(), "n.v.t.".to_string()];
        assert_eq!(keep(&missing, "   "), None);
        assert_eq!(keep(&missing, " Weet  NIET "), None);
        assert_eq!(keep(&missing, "n.v.t."), None);
        assert_eq!(
            keep(&missing, " Bel me: 06-12345678 of mail a.b@school.nl "),
            Some("Bel me: [telefoon] of mail [e-mail]".to_string())
        );
        assert_eq!(keep(&missing, "Prima zo"), Some("Prima zo".to_string()));
    }
}
