//! What changed between two rounds, as the comparison's report tells it:
//! who took part in each round; per measure a cross-table of the items'
//! decisions before and after, the areas, then the items grouped by area
//! with their wording (old and new in one cell), means, difference,
//! decisions before -> after and what happened to the wording.
//!
//! Owns that section's layout and words, for all respondents (the groups'
//! rows stay in the tables). Figures come ready from `compare`; it must not
//! compute a statistic. A difference is the exact means' difference,
//! rounded as the means are; where that differs from the difference of the
//! rounded means beside it, it is marked and the mark explained once.

use crate::analysis::compare::{Change, Comparison, Status};
use crate::analysis::rules::Decision;
use crate::codebook::{Codebook, Language};
use crate::render::format;
use crate::render::report::document::{Document, Grid};
use crate::render::words::Words;

const DECISIONS: [Decision; 3] = [Decision::Keep, Decision::Reword, Decision::Drop];

/// The mark beside a difference that is not that of the rounded means.
const EXACT: &str = "*";

/// The whole section, every measure.
pub fn what_changed(doc: &mut Document, cb: &Codebook, cmp: &Comparison) {
    let w = Words(doc.lang);
    doc.para(took_part(cmp, doc.lang));
    let mut marked = false;
    for (m, measure) in cb.measures.iter().enumerate() {
        let items: Vec<&Change> = all_rows(&cmp.items, m);
        if items.is_empty() {
            continue;
        }
        doc.heading(2, &measure.label);
        doc.table(decisions(&items, &measure.label, w));
        let (areas, a_marked) = areas(cb, &all_rows(&cmp.areas, m), w);
        doc.table(areas);
        marked |= a_marked;
        for (a, area) in cb.areas.iter().enumerate() {
            let mine: Vec<&Change> = (items.iter().copied())
                .filter(|c| area_of(cb, c) == Some(a))
                .collect();
            if mine.is_empty() {
                continue;
            }
            let (grid, i_marked) = item_table(cb, &mine, &area.label, w);
            doc.table(grid);
            marked |= i_marked;
        }
    }
    if marked {
        doc.note(
            None,
            w.t(
                "* Verschil van de exacte gemiddelden; het verschil van de afgeronde gemiddelden ernaast wijkt daar door de afronding van af.",
                "* Difference of the exact means; the difference of the rounded means beside it differs from it by the rounding.",
            ),
        );
    }
}

/// The `ALL` rows of measure `m`.
fn all_rows(rows: &[Change], m: usize) -> Vec<&Change> {
    (rows.iter())
        .filter(|c| c.measure == m && c.group == "ALL")
        .collect()
}

/// "86 respondenten in Ronde 1, 60 in Ronde 2 (−26)."
fn took_part(cmp: &Comparison, lang: Language) -> String {
    let w = Words(lang);
    let [from, to] = cmp.took_part;
    let change = to as i64 - from as i64;
    format!(
        "{from} {} {}, {to} {} {} ({}{}).",
        w.t("respondenten in", "respondents in"),
        w.round_name(&cmp.from),
        w.t("in", "in"),
        w.round_name(&cmp.to),
        if change > 0 {
            "+"
        } else if change < 0 {
            "−"
        } else {
            "±"
        },
        change.abs()
    )
}

/// Items per decision before (rows) and after (columns); a new item has
/// no decision before, a dropped one none after.
fn decisions(items: &[&Change], measure: &str, w: Words) -> Grid {
    let before = |c: &&Change| c.from.as_ref().and_then(|s| s.decision);
    let after = |c: &&Change| c.to.as_ref().and_then(|s| s.decision);
    let slots: Vec<Option<Decision>> = DECISIONS.map(Some).into_iter().chain([None]).collect();
    let rows = (slots.iter())
        .map(|b| {
            let name = b.map_or(w.t("nieuw item", "new item"), |d| w.decision(d));
            let counts = (slots.iter())
                .map(|a| {
                    (items.iter())
                        .filter(|c| before(c) == *b && after(c) == *a)
                        .count()
                        .to_string()
                })
                .collect::<Vec<_>>();
            std::iter::once(name.to_string()).chain(counts).collect()
        })
        .collect();
    let heads = (slots.iter()).map(|a| {
        (
            a.map_or(w.t("vervallen", "dropped"), |d| w.decision(d))
                .to_string(),
            true,
        )
    });
    Grid {
        caption: format!(
            "{measure}: {}",
            w.t(
                "besluiten per item vóór (rijen) en na (kolommen)",
                "decisions per item before (rows) and after (columns)"
            )
        ),
        columns: std::iter::once((w.t("Vóór \\ na", "Before \\ after").to_string(), false))
            .chain(heads)
            .collect(),
        rows,
    }
}

/// A mean as the report shows it beside the decision thresholds.
fn mean(x: Option<f64>, cb: &Codebook, lang: Language) -> String {
    let th = [cb.rules.keep_min_mean, cb.rules.drop_below_mean];
    x.map_or_else(String::new, |x| format::mean_beside(x, &th, lang))
}

/// The means before and after and their difference, marked when it is
/// not the difference of the means as shown; and whether it was marked.
fn means(c: &Change, cb: &Codebook, lang: Language) -> ([String; 3], bool) {
    let (from, to) = (mean(c.mean_from(), cb, lang), mean(c.mean_to(), cb, lang));
    let Some(delta) = c.delta() else {
        return ([from, to, String::new()], false);
    };
    let shown = format::round_half_away(delta, 1, lang);
    let read = |s: &str| s.replace(',', ".").parse::<f64>().ok();
    let of_shown = read(&from).zip(read(&to)).map(|(f, t)| t - f);
    let differs = of_shown.is_some_and(|d| read(&shown).is_some_and(|s| (s - d).abs() > 1e-9));
    let delta = if differs {
        format!("{shown}{EXACT}")
    } else {
        shown
    };
    ([from, to, delta], differs)
}

/// The p-value as shown: Holm-corrected over the rows of the measure
/// (dozens of tests at once: an uncorrected p would find "changes" by
/// chance), three decimals.
fn p(c: &Change, lang: Language) -> String {
    c.p_holm
        .map_or_else(String::new, |p| format::p_value(p, lang))
}

fn areas(cb: &Codebook, rows: &[&Change], w: Words) -> (Grid, bool) {
    let lang = w.0;
    let mut marked = false;
    let rows = (rows.iter())
        .map(|c| {
            let label =
                (cb.areas.iter().find(|a| a.id == c.id)).map_or(c.id.clone(), |a| a.label.clone());
            let n = |s: &Option<crate::analysis::compare::Side>| {
                s.as_ref().map_or(String::new(), |s| s.n.to_string())
            };
            let (m, mark) = means(c, cb, lang);
            marked |= mark;
            let [from, to, delta] = m;
            vec![label, n(&c.from), n(&c.to), from, to, delta, p(c, lang)]
        })
        .collect();
    let columns = [
        (w.t("Gebied", "Area"), false),
        (w.t("n vóór", "n before"), true),
        (w.t("n na", "n after"), true),
        (w.t("Vóór", "Before"), true),
        (w.t("Na", "After"), true),
        (w.t("Verschil", "Difference"), true),
        ("p (Holm)", true),
    ];
    let grid = Grid {
        caption: w.t("Gemiddelde per gebied", "Mean per area").to_string(),
        columns: columns.iter().map(|(h, n)| (h.to_string(), *n)).collect(),
        rows,
    };
    (grid, marked)
}

/// The area of an item change, through its id in either round.
fn area_of(cb: &Codebook, c: &Change) -> Option<usize> {
    let id = |x: &str| cb.items.iter().find(|i| i.id == x).map(|i| i.area);
    id(&c.id).or_else(|| c.id_from.as_deref().and_then(id))
}

/// One area's items: wording, means, difference, decisions, status.
fn item_table(cb: &Codebook, items: &[&Change], area: &str, w: Words) -> (Grid, bool) {
    let lang = w.0;
    let text = |id: &str| {
        (cb.items.iter().find(|i| i.id == id)).map_or(id.to_string(), |i| i.text.clone())
    };
    let mut marked = false;
    let rows = (items.iter())
        .map(|c| {
            let wording = match (&c.id_from, c.status) {
                (Some(old), Some(Status::Reworded)) => format!("{} → {}", text(old), text(&c.id)),
                _ => text(&c.id),
            };
            let decision = |s: &Option<crate::analysis::compare::Side>| {
                s.as_ref()
                    .and_then(|s| s.decision)
                    .map_or("–", |d| w.decision(d))
            };
            let (m, mark) = means(c, cb, lang);
            marked |= mark;
            let [from, to, delta] = m;
            let status = c.status.map_or(String::new(), |s| w.status(s.code()));
            let decisions = format!("{} → {}", decision(&c.from), decision(&c.to));
            vec![wording, from, to, delta, decisions, status, p(c, lang)]
        })
        .collect();
    let columns = [
        (
            w.t("Item (oude → nieuwe tekst)", "Item (old → new wording)"),
            false,
        ),
        (w.t("Vóór", "Before"), true),
        (w.t("Na", "After"), true),
        (w.t("Verschil", "Difference"), true),
        (w.t("Besluit vóór → na", "Decision before → after"), false),
        (w.t("Tekst", "Wording"), false),
        ("p (Holm)", true),
    ];
    let grid = Grid {
        caption: area.to_string(),
        columns: columns.iter().map(|(h, n)| (h.to_string(), *n)).collect(),
        rows,
    };
    (grid, marked)
}
