//! `comments`: the open answers, one row each (`about, group, comment`).
//!
//! Owns the table's columns: `about` is the area or item id (empty for a
//! general remark), `group` empty for a group below `min_cell`. Rows come
//! ordered and scrubbed from `analysis::comments`; the writers escape
//! formulas. It must not reorder, filter or alter a comment.

use crate::analysis::comments::CommentRow;
use crate::analysis::score::Scores;
use crate::codebook::{About, Codebook};
use crate::render::tables::columns::{ABOUT, COMMENT, GROUP};
use crate::render::tables::table::{column, Table, Value};

/// The id written in the `about` column.
pub fn about_id<'a>(cb: &'a Codebook, about: &'a About) -> &'a str {
    match about {
        About::Area(a) => &cb.areas[*a].id,
        About::Item(id) => id,
        About::General => "",
    }
}

pub fn comments(cb: &Codebook, scores: &Scores) -> Table {
    type R<'a> = &'a CommentRow;
    Table::of(
        "comments",
        vec![
            column(ABOUT, |c: &R| about_id(cb, &c.about).into()),
            column(GROUP, |c: &R| {
                c.group
                    .map_or(Value::Empty, |g| scores.group_name(g).into())
            }),
            column(COMMENT, |c: &R| c.text.as_str().into()),
        ],
        &scores.comments,
    )
}
