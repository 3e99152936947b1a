//! `report.html`: one self-contained page a project team can read, print
//! and quote from.
//!
//! Owns the page's structure, its words (nl/en, picked by `words`) and CSS.
//! Everything on it comes from the aggregated scores, the tables and the
//! charts already drawn, each table by name from [`RoundTables`] or
//! [`CompareTables`]: no script, no font or image loaded from anywhere, so
//! it opens offline and its cost does not grow with the number of
//! respondents. It must not compute a figure nor write the file.

use std::fmt::Write;

use crate::analysis::compare::Comparison;
use crate::analysis::consult::{self, Summary};
use crate::analysis::score::Scores;
use crate::codebook::{Codebook, Item, Language, Round};
use crate::digest::InputHash;
use crate::ledger::FileLedger;
use crate::render::charts::ChartFile;
use crate::render::escape::xml as esc;
use crate::render::format;
use crate::render::table::{Kind, Table, Value};
use crate::render::tables::{CompareTables, RoundTables};
use crate::render::words::{panel_note, reversed_note, rule_text, small_groups_note, Words};

/// Everything the page shows.
pub struct ReportInput<'a> {
    pub cb: &'a Codebook,
    pub round: &'a Round,
    pub scores: &'a Scores,
    pub notes: Option<&'a Summary>,
    pub tables: &'a RoundTables,
    pub charts: &'a [ChartFile],
    pub ledgers: &'a [FileLedger],
    pub inputs: &'a [InputHash],
    pub lang: Language,
}

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

/// Opens a section with its heading and, when given, an introduction.
fn section(h: &mut String, title: &str, intro: Option<&str>) {
    let _ = writeln!(h, "<section><h2>{}</h2>", esc(title));
    if let Some(p) = intro {
        let _ = writeln!(h, "<p>{}</p>", esc(p));
    }
}

/// Headline counts as cards: the number large, what it counts below.
fn figure_cards(h: &mut String, cards: &[(u64, &str)]) {
    h.push_str("<ul class=\"figures\">");
    for (n, what) in cards {
        let _ = write!(h, "<li><b>{n}</b>{}</li>", esc(what));
    }
    h.push_str("</ul>\n");
}

fn header(h: &mut String, inp: &ReportInput, w: &Words) {
    let cb = inp.cb;
    let round = inp.round;
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p class=\"sub\">{} {}{}{}</p></header>",
        esc(&cb.name),
        w.t("Ronde", "Round"),
        esc(&round.id),
        round
            .label
            .as_deref()
            .map(|l| format!(": {}", esc(l)))
            .unwrap_or_default(),
        round
            .date
            .as_deref()
            .map(|d| format!(" ({})", esc(d)))
            .unwrap_or_default(),
    );
}

fn participation(h: &mut String, inp: &ReportInput, w: &Words) {
    section(h, w.t("Wie deden mee", "Who took part"), None);
    if let Some(all) = inp.scores.respondents.iter().find(|r| r.group == 0) {
        figure_cards(
            h,
            &[
                (all.respondents, w.t("respondenten", "respondents")),
                (all.institutions, w.t("instellingen", "institutions")),
                (all.answered, w.t("gaven antwoord", "answered")),
            ],
        );
    }
    h.push_str(&inp.tables.respondents.to_html(
        inp.lang,
        w.t("Respondenten per groep", "Respondents per group"),
    ));
    h.push_str("</section>\n");
}

fn key_figures(h: &mut String, inp: &ReportInput, w: &Words) {
    let cb = inp.cb;
    let lang = inp.lang;
    section(
        h,
        w.t("Kerncijfers per gebied", "Key figures per area"),
        None,
    );
    let scores = inp.scores;
    if scores
        .areas
        .iter()
        .chain(&scores.items)
        .any(|r| r.suppressed())
    {
        let _ = writeln!(
            h,
            "<p class=\"rule\">{}</p>",
            esc(&small_groups_note(cb.min_cell, lang))
        );
    }
    for (m, measure) in cb.measures.iter().enumerate() {
        let _ = write!(h, "<h3>{}</h3><ul class=\"figures\">", esc(&measure.label));
        for r in inp
            .scores
            .areas
            .iter()
            .filter(|r| r.measure == m && r.group == 0)
        {
            let mean = r.mean();
            let _ = write!(
                h,
                "<li><b>{}</b>{} <span class=\"sub\">({} {} {} {}, n = {})</span></li>",
                mean.map_or_else(|| "–".to_string(), |x| format::mean(x, lang)),
                esc(&cb.areas[r.target].label),
                w.t("op een schaal van", "on a scale of"),
                cb.scale.min,
                w.t("tot", "to"),
                cb.scale.max,
                r.n
            );
        }
        h.push_str("</ul>\n");
    }
    if let Some(note) = inp.tables.area_scores.note_in(lang) {
        let _ = writeln!(h, "<p class=\"rule\">{}</p>", esc(note));
    }
    let all = inp.tables.area_scores.filtered("group", "ALL");
    h.push_str(&all.to_html(
        lang,
        w.t("Alle respondenten (ALL)", "All respondents (ALL)"),
    ));
    h.push_str("</section>\n");
}

fn charts(h: &mut String, charts: &[ChartFile], w: &Words) {
    section(h, w.t("Grafieken", "Charts"), None);
    for c in charts {
        let _ = writeln!(
            h,
            "<figure id=\"{}\">{}<figcaption>{}</figcaption></figure>",
            esc(&c.name),
            c.svg,
            esc(&c.title)
        );
    }
    h.push_str("</section>\n");
}

fn decisions(h: &mut String, inp: &ReportInput, w: &Words) {
    let cb = inp.cb;
    section(h, w.t("Besluit per item", "Decision per item"), None);
    let _ = writeln!(
        h,
        "<p class=\"rule\"><strong>{}</strong> {}</p>",
        w.t("Beslisregel:", "Decision rule:"),
        esc(&rule_text(&cb.rules, inp.lang))
    );
    if cb.items.iter().any(|i| i.reverse) {
        let _ = writeln!(
            h,
            "<p class=\"rule\">{}</p>",
            esc(&reversed_note(&cb.scale, inp.lang))
        );
    }
    for (m, measure) in cb.measures.iter().enumerate() {
        let _ = write!(h, "<h3>{}</h3>", esc(&measure.label));
        let mut t = Table::new(
            "decisions",
            &[
                ("item", Kind::Text),
                (w.t("tekst", "text"), Kind::Text),
                (w.t("gebied", "area"), Kind::Text),
                ("n", Kind::Count),
                (w.t("gemiddelde", "mean"), Kind::Mean),
                (w.t("eens", "agree"), Kind::Share),
                ("k*", Kind::Stat),
                ("Aiken V", Kind::Stat),
                ("consensus", Kind::Text),
                (w.t("besluit", "decision"), Kind::Text),
            ],
        );
        for r in inp
            .scores
            .items
            .iter()
            .filter(|r| r.measure == m && r.group == 0)
        {
            let item = &cb.items[r.target];
            t.push(vec![
                Value::Text(marked_id(item)),
                item.text.as_str().into(),
                cb.areas[item.area].label.as_str().into(),
                Value::Int(r.n),
                r.mean().into(),
                r.pct_agree().into(),
                r.kappa_star.into(),
                r.panel.map(|p| p.aiken_v).into(),
                r.panel
                    .map_or(Value::Empty, |p| yes_no(p.consensus, w).into()),
                r.decision
                    .map_or(Value::Empty, |d| Value::Text(d.0.to_string())),
            ]);
        }
        h.push_str(&t.to_html(inp.lang, ""));
    }
    h.push_str("</section>\n");
}

/// The item's id, with `(R)` when it is reverse-keyed (as in the charts).
fn marked_id(item: &Item) -> String {
    if item.reverse {
        format!("{} (R)", item.id)
    } else {
        item.id.clone()
    }
}

/// "yes" or "no" in the report's language.
fn yes_no(b: bool, w: &Words) -> &'static str {
    if b {
        w.t("ja", "yes")
    } else {
        w.t("nee", "no")
    }
}

fn reliability(h: &mut String, inp: &ReportInput, w: &Words) {
    section(h, w.t("Betrouwbaarheid en verschillen tussen groepen", "Reliability and differences between groups"), Some(w.t(
            "Cronbachs alfa over de respondenten die alle items van een gebied beoordeelden, met 95%-interval (Feldt); Kruskal-Wallis-toets tussen de groepen met ten minste het minimale aantal respondenten, p gecorrigeerd volgens Holm.",
            "Cronbach's alpha over the respondents who rated every item of an area, with a 95% interval (Feldt); Kruskal-Wallis test between the groups with at least the minimum number of respondents, p corrected by Holm's method."
        )));
    let ts = inp.tables;
    for t in [&ts.reliability, &ts.group_tests, &ts.item_reliability] {
        h.push_str(&t.to_html(inp.lang, t.name));
    }
    h.push_str("</section>\n");
}

fn ledger(h: &mut String, inp: &ReportInput, w: &Words) {
    section(h, w.t("Datakwaliteit", "Data quality"), None);
    for l in inp.ledgers {
        let _ = writeln!(h, "<p>{}</p>", esc(&l.summary()));
    }
    h.push_str(&inp.tables.data_quality.to_html(inp.lang, ""));
    h.push_str("</section>\n");
}

fn footer(h: &mut String, inputs: &[InputHash], w: &Words) {
    let _ = write!(
        h,
        "<footer><p>{} peil {}. {}</p><ul>",
        w.t("Gemaakt met", "Made with"),
        env!("CARGO_PKG_VERSION"),
        w.t("Invoer (SHA-256):", "Inputs (SHA-256):")
    );
    for i in inputs {
        let _ = write!(
            h,
            "<li>{}: <code>{}</code></li>",
            esc(&i.file),
            esc(&i.sha256)
        );
    }
    h.push_str("</ul></footer>\n");
}

/// The document around a page's sections: head, CSS, footer.
fn page(
    lang: Language,
    title: &str,
    inputs: &[InputHash],
    body: impl FnOnce(&mut String),
) -> String {
    let w = Words(lang);
    let mut h = String::with_capacity(64 * 1024);
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{}</style>\n</head>\n<body>",
        lang,
        esc(title),
        CSS
    );
    body(&mut h);
    footer(&mut h, inputs, &w);
    h.push_str("</body>\n</html>\n");
    h
}

/// The whole page of a round.
pub fn html(inp: &ReportInput) -> String {
    let w = Words(inp.lang);
    let title = format!("{} – {}", inp.cb.name, inp.round.id);
    page(inp.lang, &title, inp.inputs, |h| {
        header(h, inp, &w);
        h.push_str("<main>\n");
        participation(h, inp, &w);
        if let Some(n) = inp.notes {
            consultation(h, inp, n, &w);
        }
        key_figures(h, inp, &w);
        charts(h, inp.charts, &w);
        decisions(h, inp, &w);
        reliability(h, inp, &w);
        ledger(h, inp, &w);
        h.push_str("</main>\n");
    })
}

fn consultation(h: &mut String, inp: &ReportInput, s: &Summary, w: &Words) {
    let n = &s.notes;
    section(h, w.t("Consultaties", "Consultations"), Some(w.t(
            "Gecodeerde uitspraken uit de consultatiesessies. Deelnemers tellen één keer per sessie en groep; e-mailadressen en telefoonnummers zijn uit de citaten verwijderd.",
            "Coded statements from the consultation sessions. Participants count once per session and group; e-mail addresses and phone numbers have been removed from the quotes."
        )));
    if let Some(all) = s.counts.participation.first() {
        figure_cards(
            h,
            &[
                (all.participants, w.t("deelnemers", "participants")),
                (all.sessions, w.t("sessies", "sessions")),
                (n.statements.len() as u64, w.t("uitspraken", "statements")),
            ],
        );
    }
    if let Some(t) = &inp.tables.participants {
        h.push_str(&t.to_html(
            inp.lang,
            w.t("Deelnemers per groep", "Participants per group"),
        ));
    }
    for (ti, theme) in n.themes.iter().enumerate() {
        let _ = writeln!(h, "<h3>{}</h3>", esc(theme));
        for q in s.quotes.iter().filter(|q| q.theme == ti as u32) {
            let _ = writeln!(
                h,
                "<p><strong>{}</strong> <span class=\"sub\">({} {})</span></p>",
                esc(s.group_name(q.group)),
                q.statements,
                w.t("uitspraken", "statements")
            );
            for st in q.picked.iter().map(|i| &n.statements[*i]) {
                let _ = writeln!(
                    h,
                    "<blockquote>{} <span class=\"sub\">({})</span></blockquote>",
                    esc(&st.text),
                    esc(&consult::coding(n, st))
                );
            }
        }
    }
    if let Some(t) = &inp.tables.consultation {
        h.push_str(&t.to_html(
            inp.lang,
            w.t(
                "Uitspraken per groep, thema, domein en standpunt",
                "Statements per group, theme, domain and stance",
            ),
        ));
    }
    h.push_str("</section>\n");
}

/// Everything the comparison page shows.
pub struct CompareInput<'a> {
    pub cb: &'a Codebook,
    pub cmp: &'a Comparison,
    pub tables: &'a CompareTables,
    pub charts: &'a [ChartFile],
    pub inputs: &'a [InputHash],
    pub lang: Language,
}

/// The page of `compare-<from>-<to>/`.
pub fn comparison_html(inp: &CompareInput) -> String {
    let w = Words(inp.lang);
    let cmp = inp.cmp;
    let title = format!("{} – {} → {}", inp.cb.name, cmp.from, cmp.to);
    page(inp.lang, &title, inp.inputs, |h| {
        let _ = writeln!(
            h,
            "<header><h1>{}</h1><p class=\"sub\">{} {} → {}</p></header>\n<main>",
            esc(&inp.cb.name),
            w.t("Vergelijking van ronde", "Comparison of round"),
            esc(&cmp.from),
            esc(&cmp.to)
        );
        section(h, w.t("Wat veranderde", "What changed"), Some(w.t(
                "Gemiddelden per gebied en item in beide rondes, het verschil, en een Mann-Whitney-toets (tweezijdig, normale benadering met correctie voor ties). Herschreven items zijn via hun vorige id gekoppeld; nieuwe en vervallen items staan er als zodanig in.",
                "Means per area and item in both rounds, the difference, and a Mann-Whitney test (two-sided, normal approximation with tie correction). Reworded items are linked through their previous id; new and dropped items are listed as such."
            )));
        if cmp.panel > 0 {
            let _ = writeln!(
                h,
                "<p class=\"rule\">{}</p>",
                esc(&panel_note(cmp.panel, inp.cb.min_cell, inp.lang))
            );
        }
        for t in inp.tables.list() {
            h.push_str(&t.filtered("group", "ALL").to_html(inp.lang, t.name));
        }
        h.push_str("</section>\n");
        charts(h, inp.charts, &w);
        section(h, w.t("Per groep", "Per group"), None);
        if cmp.areas.iter().chain(&cmp.items).any(|c| c.suppressed()) {
            let note = small_groups_note(inp.cb.min_cell, inp.lang);
            let _ = writeln!(h, "<p class=\"rule\">{}</p>", esc(&note));
        }
        for t in inp.tables.list() {
            h.push_str(&t.to_html(inp.lang, t.name));
        }
        h.push_str("</section>\n</main>\n");
    })
}
