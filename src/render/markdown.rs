//! The Markdown writer: a [`Table`] as `tables/<name>.md`.
//!
//! Owns the Markdown form: a GitHub-flavoured table with the report's
//! rounding, numbers right-aligned, `|` and line breaks in cells made safe.
//! It must not write the file itself.

use crate::codebook::Language;
use crate::render::table::{display, Kind, Table};

impl Table {
    /// A GitHub-flavoured Markdown table with the report's rounding.
    pub fn to_markdown(&self, lang: Language) -> String {
        let mut out = format!("# {}\n\n", self.name);
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
                let cell = display(v, *k, lang)
                    .replace('|', "\\|")
                    .replace(['\n', '\r'], " ");
                out.push_str(&format!(" {cell} |"));
            }
            out.push('\n');
        }
        out
    }
}
