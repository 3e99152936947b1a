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
//! format text, and never sees a respondent id. It also counts identical
//! comments ([`merged`]) so that the report shows each text once.

use crate::analysis::suppress;
use crate::codebook::{normalize_cell, About, Codebook};
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
/// Identical comments about one thing, counted once.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<'a> {
    /// The text as first written.
    pub text: &'a str,
    /// How many respondents wrote it.
    pub count: usize,
    /// Their groups that may be named (not below `min_cell`), distinct,
    /// in display order.
    pub groups: Vec<u32>,
}

/// The comments about `about`, identical texts (after trimming, collapsing
/// spaces and ignoring case) merged, in the order of each text's first
/// comment.
pub fn merged<'a>(rows: &'a [CommentRow], about: &About) -> Vec<Merged<'a>> {
    let mut out: Vec<(String, Merged)> = Vec::new();
    for r in rows.iter().filter(|r| &r.about == about) {
        let key = normalize_cell(&r.text);
        let at = match out.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                let first = Merged {
                    text: &r.text,
                    count: 0,
                    groups: Vec::new(),
                };
                out.push((key, first));
                out.len() - 1
            }
        };
        let m = &mut out[at].1;
        m.count += 1;
        if let Some(g) = r.group.filter(|g| !m.groups.contains(g)) {
            m.groups.push(g);
        }
    }
    out.into_iter()
        .map(|(_, mut m)| {
            m.groups.sort_unstable();
            m
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(about: About, group: Option<u32>, text: &str) -> CommentRow {
        CommentRow {
            about,
            group,
            text: text.into(),
        }
    }

    #[test]
    fn identical_comments_are_counted_once_with_their_shown_groups() {
        let a = About::Area(0);
        let rows = [
            row(a.clone(), Some(2), "Te vaag."),
            row(a.clone(), Some(1), "Goed"),
            row(a.clone(), Some(1), "  te   VAAG. "),
            row(a.clone(), None, "Te vaag."),
            row(About::General, Some(1), "Te vaag."),
        ];
        let m = merged(&rows, &a);
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].text, m[0].count, m[0].groups.clone()),
            ("Te vaag.", 3, vec![1, 2])
        );
        assert_eq!((m[1].text, m[1].count), ("Goed", 1));
        assert_eq!(merged(&rows, &About::General)[0].count, 1);
    }
}
