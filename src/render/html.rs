//! The HTML table writer: a [`Table`] as the report shows it.
//!
//! Owns the table's markup: a scrollable wrapper, an optional caption,
//! header cells with `scope`, numbers right-aligned (class `num`) in the
//! report's rounding, every text escaped. It must not know the page around
//! it (`report` does).

use std::fmt::Write;

use crate::codebook::Language;
use crate::render::escape;
use crate::render::table::{display, Kind, Table};

impl Table {
    /// The table as HTML with the report's rounding; numbers right-aligned.
    pub fn to_html(&self, lang: Language, caption: &str) -> String {
        let mut h = String::from("<div class=\"table-wrap\"><table>");
        if !caption.is_empty() {
            let _ = write!(
                h,
                "<caption class=\"sub\">{}</caption>",
                escape::xml(caption)
            );
        }
        h.push_str("<thead><tr>");
        for (c, k) in self.columns() {
            let _ = write!(
                h,
                "<th scope=\"col\"{}>{}</th>",
                num_class(*k),
                escape::xml(c)
            );
        }
        h.push_str("</tr></thead><tbody>");
        for row in self.rows() {
            h.push_str("<tr>");
            for (v, (_, k)) in row.iter().zip(self.columns()) {
                let _ = write!(
                    h,
                    "<td{}>{}</td>",
                    num_class(*k),
                    escape::xml(&display(v, *k, lang))
                );
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table></div>\n");
        h
    }
}

fn num_class(k: Kind) -> &'static str {
    if k == Kind::Text {
        ""
    } else {
        " class=\"num\""
    }
}
