//! The decision overview at the top of a round's report: per measure, how
//! many items of each area to keep, reword or drop; then per area the
//! comments about it, once, and every item to reword or drop with its
//! text, mean, agreement, the rule that fired, the groups that decide
//! otherwise and every comment about it; then the items to keep, compactly.
//!
//! Owns that section's layout and words. The decisions come ready from
//! `score` (`decision`, `contested`), the comments ordered and scrubbed
//! from `analysis::comments`; it must not decide, count ratings or format
//! a figure other than through `format`.

use crate::analysis::comments::CommentRow;
use crate::analysis::rules::Decision;
use crate::analysis::score::{ScoreRow, Scores};
use crate::codebook::{About, Codebook};
use crate::render::format;
use crate::render::report::document::{Block, Document, Grid};
use crate::render::words::{reversed_note, rule_phrase, rule_text, Words};

const DECISIONS: [Decision; 3] = [Decision::Keep, Decision::Reword, Decision::Drop];

/// The overview section, for every measure.
pub fn decisions(doc: &mut Document, cb: &Codebook, scores: &Scores) {
    let w = Words(doc.lang);
    doc.heading(1, w.t("Besluiten per item", "Decisions per item"));
    doc.note(
        Some(w.t("Beslisregel:", "Decision rule:")),
        rule_text(&cb.rules, doc.lang),
    );
    if cb.items.iter().any(|i| i.reverse) {
        doc.note(None, reversed_note(&cb.scale, doc.lang));
    }
    for (m, measure) in cb.measures.iter().enumerate() {
        doc.heading(2, &measure.label);
        let all: Vec<&ScoreRow> = scores
            .items
            .iter()
            .filter(|r| r.measure == m && r.group == 0)
            .collect();
        doc.table(counts(cb, &all, w));
        for area in 0..cb.areas.len() {
            let to_change: Vec<&ScoreRow> = all
                .iter()
                .copied()
                .filter(|r| cb.items[r.target].area == area)
                .filter(|r| is(r, Decision::Reword) || is(r, Decision::Drop))
                .collect();
            area_detail(doc, cb, scores, area, &to_change);
        }
        keep_list(doc, cb, &all);
    }
}

fn is(r: &ScoreRow, d: Decision) -> bool {
    r.decision.is_some_and(|(x, _)| x == d)
}

/// Per area (and in total) the number of items to keep, reword, drop.
fn counts(cb: &Codebook, all: &[&ScoreRow], w: Words) -> Grid {
    let count = |area: Option<usize>, d| {
        all.iter()
            .filter(|r| area.is_none_or(|a| cb.items[r.target].area == a) && is(r, d))
            .count()
            .to_string()
    };
    let areas = (0..cb.areas.len()).filter(|a| all.iter().any(|r| cb.items[r.target].area == *a));
    let mut rows: Vec<Vec<String>> = areas
        .map(|a| {
            let label = cb.areas[a].label.clone();
            std::iter::once(label)
                .chain(DECISIONS.map(|d| count(Some(a), d)))
                .collect()
        })
        .collect();
    let total = w.t("Totaal", "Total").to_string();
    rows.push(
        std::iter::once(total)
            .chain(DECISIONS.map(|d| count(None, d)))
            .collect(),
    );
    let head = std::iter::once((w.t("Gebied", "Area").to_string(), false));
    Grid {
        caption: w
            .t("Aantal items per besluit", "Number of items per decision")
            .into(),
        columns: head
            .chain(DECISIONS.map(|d| (w.decision(d).to_string(), true)))
            .collect(),
        rows,
    }
}

/// An area's items to reword or drop, under the area's own comments (said
/// once, not under every item).
fn area_detail(
    doc: &mut Document,
    cb: &Codebook,
    scores: &Scores,
    area: usize,
    items: &[&ScoreRow],
) {
    if items.is_empty() {
        return;
    }
    let w = Words(doc.lang);
    doc.heading(3, &cb.areas[area].label);
    let about = About::Area(area);
    for c in scores.comments.iter().filter(|c| c.about == about) {
        doc.blocks.push(quote(c, cb, scores, w));
    }
    for r in items {
        item_detail(doc, cb, scores, r);
    }
}

/// One item to reword or drop: its figures, rule, dissent and comments.
fn item_detail(doc: &mut Document, cb: &Codebook, scores: &Scores, r: &ScoreRow) {
    let (w, lang) = (Words(doc.lang), doc.lang);
    let item = &cb.items[r.target];
    let Some((decision, rule)) = r.decision else {
        return;
    };
    let lead = format!("{}: {}", capitalised(w.decision(decision)), item.text);
    let mut facts = vec![format!("n = {}", r.n)];
    if let Some(mean) = r.mean() {
        facts.push(format!(
            "{} {}",
            w.t("gemiddelde", "mean"),
            format::mean(mean, lang)
        ));
    }
    if let Some(p) = r.pct_agree() {
        facts.push(format!(
            "{} {}",
            w.t("instemming", "agreement"),
            format::percent(p, lang)
        ));
    }
    if let Some(p) = &r.panel {
        facts.push(format!(
            "Aiken V {} · {}",
            format::round_half_away(p.aiken_v, 2, lang),
            if p.consensus {
                w.t("panel eensgezind", "panel agreement reached")
            } else {
                w.t("panel niet eensgezind", "no panel agreement")
            }
        ));
    }
    facts.push(format!(
        "{}: {}",
        w.t("regel", "rule"),
        rule_phrase(rule, &cb.rules, lang)
    ));
    doc.note(Some(&lead), facts.join(" · "));
    let others = dissent(scores, r, w);
    if !others.is_empty() {
        doc.para(format!(
            "{}: {}",
            w.t(
                "Andere groepen besluiten anders",
                "Groups deciding otherwise"
            ),
            others
        ));
    }
    let about = About::Item(item.id.clone());
    for c in scores.comments.iter().filter(|c| c.about == about) {
        doc.blocks.push(quote(c, cb, scores, w));
    }
}

/// "mbo: keep, wo: drop": the contesting groups with their own decision.
fn dissent(scores: &Scores, all: &ScoreRow, w: Words) -> String {
    all.contested
        .iter()
        .filter_map(|g| {
            let row = scores
                .items
                .iter()
                .find(|r| (r.measure, r.target, r.group) == (all.measure, all.target, *g))?;
            let (d, _) = row.decision?;
            Some(format!("{} ({})", scores.group_name(*g), w.decision(d)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A comment as a quote: its group (or that the group is too small) and
/// whether it is about the item or its whole area.
fn quote(c: &CommentRow, cb: &Codebook, scores: &Scores, w: Words) -> Block {
    let group = c.group.map_or_else(
        || w.t("kleine groep", "small group").to_string(),
        |g| scores.group_name(g).to_string(),
    );
    let source = match &c.about {
        About::Area(a) => format!("{group}, {} {}", w.t("over", "about"), cb.areas[*a].label),
        _ => group,
    };
    Block::Quote {
        text: c.text.clone(),
        source,
    }
}

/// The items to keep, one short line each.
fn keep_list(doc: &mut Document, cb: &Codebook, all: &[&ScoreRow]) {
    let (w, lang) = (Words(doc.lang), doc.lang);
    let lines: Vec<String> = all
        .iter()
        .filter(|r| is(r, Decision::Keep))
        .map(|r| {
            let mean = r.mean().map(|m| format::mean(m, lang));
            let pct = r.pct_agree().map(|p| format::percent(p, lang));
            let figures = [mean, pct]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; ");
            format!("{} ({figures})", cb.items[r.target].text)
        })
        .collect();
    if !lines.is_empty() {
        doc.heading(
            3,
            format!(
                "{} ({})",
                capitalised(w.decision(Decision::Keep)),
                lines.len()
            ),
        );
        doc.blocks.push(Block::List(lines));
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
