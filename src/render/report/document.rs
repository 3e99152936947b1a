//! The report as a format-free document: a title, headed sections of
//! paragraphs, notes, figure cards, tables in people's words, charts and
//! quotes, and a footer with peil's version and the input hashes.
//!
//! Owns the building blocks that `report` fills once and both writers
//! read (`page` for report.html, `docx` for report.docx), so the two
//! documents cannot say different things. Types only, all text already in
//! the user's language and rounding: it must not format a figure, choose a
//! word, nor know a file format.

use crate::codebook::Language;
use crate::digest::InputHash;

/// A table as people read it: headers in words, cells already formatted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// Said above the table; may be empty.
    pub caption: String,
    /// (header, whether the column holds numbers: right-aligned).
    pub columns: Vec<(String, bool)>,
    pub rows: Vec<Vec<String>>,
}

/// A figure card: the number large, what it counts below, an aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub big: String,
    pub label: String,
    pub aside: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading (level 1) or a sub-heading (2, 3).
    Heading(u8, String),
    Para(String),
    /// A boxed note; `lead` in bold before the text (the decision rule).
    Note {
        lead: Option<String>,
        text: String,
    },
    Cards(Vec<Card>),
    Table(Grid),
    /// A chart, by its index in the charts the document was built with.
    Chart(usize),
    /// A respondent's or participant's own words, with where they are from.
    Quote {
        text: String,
        source: String,
    },
    /// A list of short lines.
    List(Vec<String>),
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Document {
    pub lang: Language,
    /// The study's name (the document's title) and what it is about.
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
    /// "Made with peil 0.1.0. Inputs (SHA-256):", then one line per input.
    pub footer: String,
    pub inputs: Vec<InputHash>,
    /// The round's date (`YYYY-MM-DD`), where the codebook gives one: the
    /// Word document's date.
    pub date: Option<String>,
}

impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    pub fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(text.into()));
    }

    pub fn note(&mut self, lead: Option<&str>, text: impl Into<String>) {
        self.blocks.push(Block::Note {
            lead: lead.map(str::to_string),
            text: text.into(),
        });
    }

    pub fn table(&mut self, grid: Grid) {
        self.blocks.push(Block::Table(grid));
    }

    /// Every text a reader sees, in order (for tests and checks).
    pub fn visible_text(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str(), self.subtitle.as_str()];
        for b in &self.blocks {
            match b {
                Block::Heading(_, t) | Block::Para(t) => out.push(t),
                Block::Note { lead, text } => {
                    out.extend(lead.as_deref().into_iter().chain([text.as_str()]))
                }
                Block::Cards(cards) => {
                    for c in cards {
                        out.extend([c.big.as_str(), c.label.as_str()]);
                        out.extend(c.aside.as_deref());
                    }
                }
                Block::Table(g) => {
                    out.push(&g.caption);
                    out.extend(g.columns.iter().map(|(c, _)| c.as_str()));
                    out.extend(g.rows.iter().flatten().map(String::as_str));
                }
                Block::Quote { text, source } => out.extend([text.as_str(), source.as_str()]),
                Block::List(lines) => out.extend(lines.iter().map(String::as_str)),
                Block::Chart(_) => {}
            }
        }
        out.push(&self.footer);
        out
    }
}
