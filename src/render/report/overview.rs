//! The report's first pages, the answer a team pastes into its own report:
//! who took part; per measure the headline sentence ("Gemiddelde
//! herkenbaarheid per gebied op een schaal van 1 tot 4: ...") and one table
//! of each area's mean, agreement and keep / reword / drop counts; the rule
//! text once; then per area one compact table of the items to reword or
//! drop; then what respondents said, each distinct comment once with how
//! many wrote it and their groups. The items to keep follow later, with
//! the detail.
//!
//! Owns that section's layout and words. The decisions come ready from
//! `score` (`decision`, `contested`), the comments ordered, scrubbed and
//! counted from `analysis::comments`; it must not decide, count ratings or
//! format a figure other than through `format` (which shows a figure
//! beside a threshold on the threshold's side).

use crate::analysis::comments::{merged, Merged};
use crate::analysis::rules::{Decision, Rule};
use crate::analysis::score::{ScoreRow, Scores};
use crate::codebook::{About, Codebook, Language, Rules};
use crate::render::format;
use crate::render::report::document::{Block, Document, Grid};
use crate::render::words::{capitalised, lowercase_first, reversed_note, rule_text, Words};

const DECISIONS: [Decision; 3] = [Decision::Keep, Decision::Reword, Decision::Drop];

/// The summary: participation (then `after_participation`: the published
/// figures' check), then per measure the headline and the area table, the
/// rule once, and the items to reword or drop per area.
pub fn summary(
    doc: &mut Document,
    cb: &Codebook,
    scores: &Scores,
    after_participation: impl FnOnce(&mut Document),
) {
    let w = Words(doc.lang);
    doc.heading(1, w.t("Samenvatting", "Summary"));
    doc.para(participation(cb, scores, doc.lang));
    after_participation(doc);
    doc.note(
        Some(w.t("Beslisregel:", "Decision rule:")),
        rule_text(&cb.rules, doc.lang),
    );
    if cb.items.iter().any(|i| i.reverse) {
        doc.note(None, reversed_note(&cb.scale, doc.lang));
    }
    for (m, measure) in cb.measures.iter().enumerate() {
        doc.heading(2, &measure.label);
        let all = all_rows(&scores.items, m);
        doc.para(headline(cb, scores, m, &all, doc.lang));
        doc.table(area_table(cb, scores, m, &all, w));
    }
    for (m, measure) in cb.measures.iter().enumerate() {
        to_change(doc, cb, scores, m, &measure.label);
    }
}

/// The `ALL` rows of measure `m`.
fn all_rows(rows: &[ScoreRow], m: usize) -> Vec<&ScoreRow> {
    (rows.iter())
        .filter(|r| r.measure == m && r.group == 0)
        .collect()
}

fn is(r: &ScoreRow, d: Decision) -> bool {
    r.decision.is_some_and(|(x, _)| x == d)
}

/// "87 respondenten uit 47 instellingen: mbo 23, hbo 38, wo 26."
fn participation(cb: &Codebook, scores: &Scores, lang: Language) -> String {
    let w = Words(lang);
    let Some(all) = scores.respondents.iter().find(|r| r.group == 0) else {
        return String::new();
    };
    let institutions = match cb.respondents.institution {
        Some(_) => format!(
            " {} {} {}",
            w.t("uit", "from"),
            all.institutions,
            w.t("instellingen", "institutions")
        ),
        None => String::new(),
    };
    let groups: Vec<String> = (scores.respondents.iter())
        .filter(|r| r.group != 0)
        .map(|r| format!("{} {}", scores.group_name(r.group), r.respondents))
        .collect();
    format!(
        "{} {}{institutions}: {}.",
        all.respondents,
        w.t("respondenten", "respondents"),
        groups.join(", ")
    )
}

/// A mean beside the rules' thresholds, on their side.
fn mean_shown(x: f64, rules: &Rules, lang: Language) -> String {
    format::mean_beside(x, &[rules.keep_min_mean, rules.drop_below_mean], lang)
}

/// An agreement share beside the rules' thresholds, on their side.
fn share_shown(x: f64, rules: &Rules, lang: Language) -> String {
    let th = [
        rules.keep_min_pct_agree,
        rules.drop_below_pct_agree,
        rules.consensus_min_agree,
    ];
    format::percent_beside(x, &th, lang)
}

/// The sentence every source report leads with, per area, and the items'
/// decisions.
fn headline(cb: &Codebook, scores: &Scores, m: usize, all: &[&ScoreRow], lang: Language) -> String {
    let w = Words(lang);
    let areas: Vec<String> = all_rows(&scores.areas, m)
        .iter()
        .filter_map(|r| {
            let mean = r.mean()?;
            let label = &cb.areas[r.target].label;
            Some(format!("{label} {}", mean_shown(mean, &cb.rules, lang)))
        })
        .collect();
    let counts: Vec<String> = DECISIONS
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                all.iter().filter(|r| is(r, *d)).count(),
                w.decision(*d)
            )
        })
        .collect();
    let label = lowercase_first(&cb.measures[m].label);
    format!(
        "{} {label} {} {} {} {}: {}. {} {} items: {}.",
        w.t("Gemiddelde", "Mean"),
        w.t("per gebied op een schaal van", "per area on a scale of"),
        cb.scale.min,
        w.t("tot", "to"),
        cb.scale.max,
        areas.join(", "),
        w.t("Van de", "Of the"),
        all.len(),
        counts.join(", ")
    )
}

/// Per area: n, mean, agreement, and the number of items per decision.
fn area_table(cb: &Codebook, scores: &Scores, m: usize, all: &[&ScoreRow], w: Words) -> Grid {
    let lang = w.0;
    let count = |area: Option<usize>, d| {
        all.iter()
            .filter(|r| area.is_none_or(|a| cb.items[r.target].area == a) && is(r, d))
            .count()
            .to_string()
    };
    let mut rows: Vec<Vec<String>> = all_rows(&scores.areas, m)
        .iter()
        .map(|r| {
            let figure = |x: Option<String>| x.unwrap_or_else(|| "–".into());
            let mut row = vec![
                cb.areas[r.target].label.clone(),
                r.n.to_string(),
                figure(r.mean().map(|x| mean_shown(x, &cb.rules, lang))),
                figure(r.pct_agree().map(|x| share_shown(x, &cb.rules, lang))),
            ];
            row.extend(DECISIONS.map(|d| count(Some(r.target), d)));
            row
        })
        .collect();
    let mut total = vec![w.t("Alle items", "All items").to_string(), String::new()];
    total.extend([String::new(), String::new()]);
    total.extend(DECISIONS.map(|d| count(None, d)));
    rows.push(total);
    let head = [
        (w.t("Gebied", "Area"), false),
        ("n", true),
        (w.t("Gemiddelde", "Mean"), true),
        (w.t("Instemming", "Agreement"), true),
    ];
    Grid {
        caption: format!(
            "{}: {}",
            cb.measures[m].label,
            w.t(
                "gebieden en besluiten per item",
                "areas and decisions per item"
            )
        ),
        columns: (head.iter().map(|(h, n)| (h.to_string(), *n)))
            .chain(DECISIONS.map(|d| (capitalised(w.decision(d)), true)))
            .collect(),
        rows,
    }
}

/// The items to reword or drop of measure `m`, one compact table per area.
fn to_change(doc: &mut Document, cb: &Codebook, scores: &Scores, m: usize, label: &str) {
    let w = Words(doc.lang);
    let all = all_rows(&scores.items, m);
    let changing: Vec<&ScoreRow> = (all.iter().copied())
        .filter(|r| is(r, Decision::Reword) || is(r, Decision::Drop))
        .collect();
    if changing.is_empty() {
        return;
    }
    doc.heading(
        2,
        format!(
            "{label}: {}",
            w.t("te herformuleren of te schrappen", "to reword or drop")
        ),
    );
    for (a, area) in cb.areas.iter().enumerate() {
        let rows: Vec<Vec<String>> = (changing.iter())
            .filter(|r| cb.items[r.target].area == a)
            .map(|r| item_row(cb, scores, r, w))
            .collect();
        if rows.is_empty() {
            continue;
        }
        doc.table(Grid {
            caption: area.label.clone(),
            columns: item_columns(w),
            rows,
        });
    }
}

fn item_columns(w: Words) -> Vec<(String, bool)> {
    [
        (w.t("Item", "Item"), false),
        ("n", true),
        (w.t("Gemiddelde", "Mean"), true),
        (w.t("Instemming", "Agreement"), true),
        ("Aiken's V", true),
        ("Consensus", false),
        (w.t("Besluit, waarom", "Decision, why"), false),
    ]
    .iter()
    .map(|(h, n)| (h.to_string(), *n))
    .collect()
}

/// One item to reword or drop: text, figures, and the decision with the
/// rule that fired in a few words and the groups that decide otherwise.
fn item_row(cb: &Codebook, scores: &Scores, r: &ScoreRow, w: Words) -> Vec<String> {
    let lang = w.0;
    let item = &cb.items[r.target];
    let text = match item.reverse {
        true => format!("{} (R)", item.text),
        false => item.text.clone(),
    };
    // To reword is always "between the thresholds": only a drop says which.
    let mut decision = r.decision.map_or_else(String::new, |(d, rule)| match rule {
        Rule::BetweenThresholds => w.decision(d).to_string(),
        _ => format!("{} ({})", w.decision(d), rule_short(rule, &cb.rules, lang)),
    });
    let others = dissent(scores, r, w);
    if !others.is_empty() {
        decision.push_str(&format!("; {}: {others}", w.t("anders", "otherwise")));
    }
    let panel = r.panel.as_ref();
    let yes_no = |b: bool| w.t(if b { "ja" } else { "nee" }, if b { "yes" } else { "no" });
    vec![
        text,
        r.n.to_string(),
        r.mean()
            .map_or_else(String::new, |x| mean_shown(x, &cb.rules, lang)),
        (r.pct_agree()).map_or_else(String::new, |x| share_shown(x, &cb.rules, lang)),
        panel.map_or_else(String::new, |p| format::round_half_away(p.aiken_v, 2, lang)),
        panel.map_or_else(String::new, |p| yes_no(p.consensus).to_string()),
        decision,
    ]
}

/// The rule that fired, in two or three words.
fn rule_short(rule: Rule, rules: &Rules, lang: Language) -> String {
    let w = Words(lang);
    let num = |x: f64| format::round_half_away(x, 1, lang);
    let pct = |x: f64| format::percent(x, lang);
    match rule {
        Rule::KeepThresholdsMet => w.t("beide drempels gehaald", "both thresholds met").into(),
        Rule::DropBelowMean => format!(
            "{} < {}",
            w.t("gemiddelde", "mean"),
            num(rules.drop_below_mean)
        ),
        Rule::DropBelowPctAgree => format!(
            "{} < {}",
            w.t("instemming", "agreement"),
            pct(rules.drop_below_pct_agree)
        ),
        Rule::DropBelowBoth => w.t("beide te laag", "both too low").into(),
        Rule::BetweenThresholds => w.t("tussen de drempels", "between thresholds").into(),
    }
}

/// "mbo (keep), wo (drop)": the contesting groups with their own decision.
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

/// What respondents said: per area its own comments and its items', then
/// general remarks; each distinct text once, with how many wrote it and
/// their groups (a group below `min_cell` is not named).
pub fn comments(doc: &mut Document, cb: &Codebook, scores: &Scores) {
    if scores.comments.is_empty() {
        return;
    }
    let w = Words(doc.lang);
    doc.heading(
        1,
        w.t("Wat respondenten opmerkten", "What respondents said"),
    );
    doc.para(w.t(
        "Elke opmerking één keer, met hoe vaak ze gegeven is en door welke groepen (een groep die te klein is om te tonen staat er niet bij); alle opmerkingen staan in tables/comments.csv en summary.xlsx.",
        "Each comment once, with how often it was given and by which groups (a group too small to show is left out); every comment is in tables/comments.csv and summary.xlsx.",
    ));
    for (a, area) in cb.areas.iter().enumerate() {
        let own = merged(&scores.comments, &About::Area(a));
        let items: Vec<(&str, Vec<Merged>)> = (cb.items.iter())
            .filter(|i| i.area == a)
            .map(|i| {
                (
                    i.text.as_str(),
                    merged(&scores.comments, &About::Item(i.id.clone())),
                )
            })
            .filter(|(_, m)| !m.is_empty())
            .collect();
        if own.is_empty() && items.is_empty() {
            continue;
        }
        doc.heading(2, &area.label);
        quotes(doc, scores, &own, w);
        for (text, m) in items {
            doc.heading(3, text);
            quotes(doc, scores, &m, w);
        }
    }
    let general = merged(&scores.comments, &About::General);
    if !general.is_empty() {
        doc.heading(2, w.t("Algemeen", "General"));
        quotes(doc, scores, &general, w);
    }
}

/// Each merged comment as a quote: "7× · hbo, wo".
fn quotes(doc: &mut Document, scores: &Scores, merged: &[Merged], w: Words) {
    for m in merged {
        let groups: Vec<&str> = m.groups.iter().map(|g| scores.group_name(*g)).collect();
        let mut source = Vec::new();
        if m.count > 1 {
            source.push(format!("{}×", m.count));
        }
        if !groups.is_empty() {
            source.push(groups.join(", "));
        }
        if source.is_empty() {
            source.push(w.t("kleine groep", "small group").to_string());
        }
        doc.blocks.push(Block::Quote {
            text: m.text.to_string(),
            source: source.join(" · "),
        });
    }
}

/// The items to keep, one short line each, per measure.
pub fn keep_list(doc: &mut Document, cb: &Codebook, scores: &Scores) {
    let w = Words(doc.lang);
    let lang = w.0;
    doc.heading(1, w.t("Items om te behouden", "Items to keep"));
    let any = (scores.items.iter()).any(|r| r.group == 0 && is(r, Decision::Keep));
    if !any {
        doc.para(w.t(
            "Geen enkel item voldoet aan de regel om te behouden.",
            "No item meets the rule to keep it.",
        ));
    }
    for (m, measure) in cb.measures.iter().enumerate() {
        let lines: Vec<String> = all_rows(&scores.items, m)
            .into_iter()
            .filter(|r| is(r, Decision::Keep))
            .map(|r| {
                let mean = r.mean().map(|x| mean_shown(x, &cb.rules, lang));
                let pct = r.pct_agree().map(|x| share_shown(x, &cb.rules, lang));
                let figures = [mean, pct].into_iter().flatten().collect::<Vec<_>>();
                format!("{} ({})", cb.items[r.target].text, figures.join("; "))
            })
            .collect();
        if !lines.is_empty() {
            doc.heading(2, format!("{} ({})", measure.label, lines.len()));
            doc.blocks.push(Block::List(lines));
        }
    }
}
