//! report.html: a [`Document`] as one self-contained page a project team
//! can read, print and quote from.
//!
//! Owns the page's markup and CSS: sections under `<h2>`, figure cards,
//! tables with numbers right-aligned, charts as inline SVG with their
//! caption, quotes, the footer. Nothing is loaded from anywhere (no script,
//! font or image), so it opens offline. It must not choose what the report
//! says (that is `report`) nor write the file.

use std::fmt::Write;

use crate::render::charts::ChartFile;
use crate::render::escape::xml as esc;
use crate::render::export::writer::{DocumentWriter, ExportError};
use crate::render::report::document::{Block, Card, Document, Grid};

const CSS: &str = r#"
:root { --ink: #212121; --muted: #595959; --line: #d0d0d0; --band: #f3f1f7; --accent: #5e3c99; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #fff;
       margin: 0 auto; padding: 1rem; max-width: 72rem; line-height: 1.45; }
h1, h2, h3 { overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.sub { color: var(--muted); margin: 0 0 1rem; }
.figures { display: flex; flex-wrap: wrap; gap: .6rem; padding: 0; list-style: none; }
.figures li { background: var(--band); border-radius: .4rem; padding: .5rem .8rem; min-width: 9rem; }
.figures b { display: block; font-size: 1.5rem; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .85rem; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid var(--line); }
blockquote .sub { font-size: .8rem; }
ul.compact { columns: 2 20rem; padding-left: 1.2rem; }
.rule { background: var(--band); border-left: 4px solid var(--accent); padding: .5rem .8rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .5rem; }
footer code { word-break: break-all; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; } table, figure { break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
"#;

/// `report.html`.
pub struct Html;

impl DocumentWriter for Html {
    fn file(&self) -> &'static str {
        "report.html"
    }

    fn write(&self, doc: &Document, charts: &[ChartFile]) -> Result<Vec<u8>, ExportError> {
        Ok(html(doc, charts).into_bytes())
    }
}

/// The page of `doc`; `charts` are those its `Block::Chart`s point into.
pub fn html(doc: &Document, charts: &[ChartFile]) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{}</style>\n</head>\n<body>",
        doc.lang,
        esc(&format!("{} – {}", doc.title, doc.subtitle)),
        CSS
    );
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p class=\"sub\">{}</p></header>\n<main>",
        esc(&doc.title),
        esc(&doc.subtitle)
    );
    let mut open = false;
    for b in &doc.blocks {
        if let Block::Heading(1, _) = b {
            if open {
                h.push_str("</section>\n");
            }
            h.push_str("<section>");
            open = true;
        }
        block(&mut h, b, charts);
    }
    if open {
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n");
    footer(&mut h, doc);
    h.push_str("</body>\n</html>\n");
    h
}

fn block(h: &mut String, b: &Block, charts: &[ChartFile]) {
    match b {
        Block::Heading(level, t) => {
            let _ = writeln!(h, "<h{0}>{1}</h{0}>", level + 1, esc(t));
        }
        Block::Para(t) => {
            let _ = writeln!(h, "<p>{}</p>", esc(t));
        }
        Block::Note { lead, text } => {
            let lead = lead
                .as_deref()
                .map(|l| format!("<strong>{}</strong> ", esc(l)))
                .unwrap_or_default();
            let _ = writeln!(h, "<p class=\"rule\">{lead}{}</p>", esc(text));
        }
        Block::Cards(cards) => figure_cards(h, cards),
        Block::Table(g) => table(h, g),
        // The title is drawn in the chart and is its accessible name
        // (`role="img"`, `aria-label`): no caption says it again.
        Block::Chart(i) => {
            if let Some(c) = charts.get(*i) {
                let _ = writeln!(h, "<figure id=\"{}\">{}</figure>", esc(&c.name), c.svg);
            }
        }
        Block::Quote { text, source } => {
            let _ = writeln!(
                h,
                "<blockquote>{} <span class=\"sub\">({})</span></blockquote>",
                esc(text),
                esc(source)
            );
        }
        Block::List(lines) => {
            h.push_str("<ul class=\"compact\">");
            for l in lines {
                let _ = write!(h, "<li>{}</li>", esc(l));
            }
            h.push_str("</ul>\n");
        }
    }
}

/// Headline counts as cards: the number large, what it counts below.
fn figure_cards(h: &mut String, cards: &[Card]) {
    h.push_str("<ul class=\"figures\">");
    for c in cards {
        let aside = c
            .aside
            .as_deref()
            .map(|a| format!(" <span class=\"sub\">{}</span>", esc(a)))
            .unwrap_or_default();
        let _ = write!(h, "<li><b>{}</b>{}{aside}</li>", esc(&c.big), esc(&c.label));
    }
    h.push_str("</ul>\n");
}

/// A table: caption, header cells with `scope`, numbers right-aligned.
fn table(h: &mut String, g: &Grid) {
    h.push_str("<div class=\"table-wrap\"><table>");
    if !g.caption.is_empty() {
        let _ = write!(h, "<caption class=\"sub\">{}</caption>", esc(&g.caption));
    }
    h.push_str("<thead><tr>");
    for (c, num) in &g.columns {
        let _ = write!(h, "<th scope=\"col\"{}>{}</th>", num_class(*num), esc(c));
    }
    h.push_str("</tr></thead><tbody>");
    for row in &g.rows {
        h.push_str("<tr>");
        for (v, (_, num)) in row.iter().zip(&g.columns) {
            let _ = write!(h, "<td{}>{}</td>", num_class(*num), esc(v));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>\n");
}

fn num_class(num: bool) -> &'static str {
    if num {
        " class=\"num\""
    } else {
        ""
    }
}

fn footer(h: &mut String, doc: &Document) {
    let _ = write!(h, "<footer><p>{}</p><ul>", esc(&doc.footer));
    for i in &doc.inputs {
        let _ = write!(
            h,
            "<li>{}: <code>{}</code></li>",
            esc(&i.file),
            esc(&i.sha256)
        );
    }
    h.push_str("</ul></footer>\n");
}
