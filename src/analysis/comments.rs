//! Comments: the rows of `comments.csv`, one per kept open answer
//! (docs/reference.md, "Comments").
//!
//! Owns who may be named with a comment (the group, unless it has fewer
//! than `min_cell` respondents: `suppress::primary` on the group's
//! headcount) and the order of the rows: codebook order of `about`
//! (`Codebook::about_rank`: per area, its own comments before its items';
//! general remarks last), then group display order (hidden groups last,
//! together), then file order. The
//! text comes scrubbed from `ingest`; this module must not read, scrub or
//! format text, and never sees a respondent id.

use crate::analysis::suppress;
use crate::codebook::{About, Codebook};
use crate::ingest::Ingested;

/// One row of `comments.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentRow {
    pub about: About,
    /// 1-based into `Scores::groups`; `None` for a group below `min_cell`.
    pub group: Option<u32>,
    pub text: String,
}

/// The comment rows of one questionnaire, in docs/reference.md's order.
pub fn comment_rows(cb: &Codebook, data: &Ingested) -> Vec<CommentRow> {
    let mut size = vec![0u64; data.groups.len() + 1];
    for r in &data.respondents {
        size[r.group as usize] += 1;
    }
    let mut rows: Vec<(usize, CommentRow)> = data
        .comments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let g = data.respondents[c.respondent as usize].group;
            let row = CommentRow {
                about: cb.comments[c.column].about.clone(),
                group: (!suppress::primary(size[g as usize], cb.min_cell)).then_some(g),
                text: c.text.clone(),
            };
            (i, row)
        })
        .collect();
    // File order is `i`: the comments come by respondent from ingest.
    // Comments of hidden groups go after the shown groups, all together:
    // sorted into their own group's place, their position would name it.
    rows.sort_by_key(|(i, r)| (cb.about_rank(&r.about), r.group.unwrap_or(u32::MAX), *i));
    rows.into_iter().map(|(_, r)| r).collect()
}
