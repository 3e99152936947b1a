//! The Markdown writer: a [`Table`] as `tables/<name>.md`.
//!
//! Owns the Markdown form: a GitHub-flavoured table with the report's
//! rounding, numbers right-aligned, `|` and line breaks in cells made safe.
//! It must not write the file itself.

use crate::codebook::Language;
use crate::render::table::{display, Kind, Table, Value};

impl Table {
    /// A GitHub-flavoured Markdown table with the report's rounding.
    pub fn to_markdown(&self, lang: Language) -> String {
        let mut out = String::with_capacity(self.size_hint());
        out.push_str(&format!("# {}\n\n", self.name));
        if let Some(note) = self.note_in(lang) {
            out.push_str(&format!("_{note}_\n\n"));
        }
        out.push('|');
        for (c, _) in self.columns() {
            out.push_str(&format!(" {c} |"));
        }
        out.push_str("\n|");
        for (_, k) in self.columns() {
            out.push_str(if *k == Kind::Text {
                " --- |"
            } else {
                " ---: |"
            });
        }
        out.push('\n');
        for row in self.rows() {
            out.push('|');
            for (v, (_, k)) in row.iter().zip(self.columns()) {
                out.push(' ');
                match v {
                    Value::Text(s) => push_text(&mut out, s),
                    // A number, a count or a flag has no `|` nor a line break.
                    _ => out.push_str(&display(v, *k, lang)),
                }
                out.push_str(" |");
            }
            out.push('\n');
        }
        out
    }
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

    #[test]
    fn pipes_are_escaped_and_line_breaks_become_spaces() {
        let t = Table::from_rows(
            "t",
            &[("a", Kind::Text), ("b", Kind::Count)],
            [vec![Value::Text("x | y\r\nz".into()), Value::Int(3)]],
        );
        let md = t.to_markdown(Language::En);
        assert!(md.ends_with("| x \\| y  z | 3 |\n"), "{md}");
    }
}
