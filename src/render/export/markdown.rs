//! The Markdown writer: each [`Table`] as `<name>.md`.
//!
//! Owns the Markdown form: a GitHub-flavoured table with the report's
//! rounding, numbers right-aligned, `|` and line breaks in cells made safe.
//! It must not write the file itself.

use crate::codebook::Language;
use crate::render::export::writer::{ExportError, File, TableWriter};
use crate::render::tables::table::{display_in, Kind, Table, Value};

/// `<name>.md` for each table.
pub struct Markdown;

impl TableWriter for Markdown {
    fn files(&self, tables: &[&Table], lang: Language) -> Result<Vec<File>, ExportError> {
        Ok((tables.iter())
            .map(|t| (format!("{}.md", t.name), markdown(t, lang).into_bytes()))
            .collect())
    }
}

/// A GitHub-flavoured Markdown table with the report's rounding.
pub fn markdown(t: &Table, lang: Language) -> String {
    let mut out = String::with_capacity(t.size_hint());
    out.push_str(&format!("# {}\n\n", t.name));
    if let Some(note) = t.note_in(lang) {
        out.push_str(&format!("_{note}_\n\n"));
    }
    out.push('|');
    for h in t.headers() {
        out.push_str(&format!(" {} |", h.name));
    }
    out.push_str("\n|");
    for h in t.headers() {
        out.push_str(if h.kind == Kind::Text {
            " --- |"
        } else {
            " ---: |"
        });
    }
    out.push('\n');
    for row in t.rows() {
        out.push('|');
        for (v, h) in row.iter().zip(t.headers()) {
            out.push(' ');
            match v {
                Value::Text(s) => push_text(&mut out, s),
                // A number, a count or a flag has no `|` nor a line break.
                _ => out.push_str(&display_in(v, h, lang)),
            }
            out.push_str(" |");
        }
        out.push('\n');
    }
    out
}

/// A text cell: `|` escaped, a line break read as a space (a Markdown table
/// row is one line). Copied as it is when it has neither, as nearly all do.
fn push_text(out: &mut String, s: &str) {
    if !s.contains(['|', '\n', '\r']) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tables::columns::{COMMENT, N};
    use crate::render::tables::table::column;

    #[test]
    fn pipes_are_escaped_and_line_breaks_become_spaces() {
        let t = Table::of(
            "t",
            vec![
                column(COMMENT, |r: &(&str, u64)| r.0.into()),
                column(N, |r: &(&str, u64)| Value::Int(r.1)),
            ],
            [("x | y\r\nz", 3)],
        );
        let md = markdown(&t, Language::En);
        assert!(md.ends_with("| x \\| y  z | 3 |\n"), "{md}");
    }
}
