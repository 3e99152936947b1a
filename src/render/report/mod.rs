//! The report's content: what report.html and report.docx say, in which
//! order, as one [`Document`].
//!
//! Owns the sections of a round's report (who took part, the decision
//! overview of `overview`, consultations, key figures, charts, reliability,
//! comments, data quality) and of a comparison's, each in the study's
//! language (`words`) with its tables in people's words (`people`).
//! Everything comes from the aggregated scores, the tables and the charts
//! already drawn, so its cost does not grow with the number of respondents.
//! It must not compute a figure, know a file format (`page` and `docx`
//! write the document) nor write a file.

pub mod agreement;
pub mod changes;
pub mod document;
pub mod overview;
pub mod people;

use crate::analysis::compare::Comparison;
use crate::analysis::consult::{self, Summary};
use crate::analysis::score::{ReliabilityRow, Scores};
use crate::codebook::Printed;
use crate::codebook::{Codebook, Language, Measure, Round};
use crate::digest::InputHash;
use crate::ledger::FileLedger;
use crate::render::charts::ChartFile;
use crate::render::format;
use crate::render::report::document::{Block, Card, Document};
use crate::render::report::people::People;
use crate::render::tables::published::Checked;
use crate::render::tables::table::{Table, Value};
use crate::render::tables::{data_quality_summary, BreakdownTables, CompareTables, RoundTables};
use crate::render::words::{
    independent_note, panel_note, recode_note, small_groups_note, weights_note, Words,
};

/// Everything a round's report shows.
pub struct ReportInput<'a> {
    pub cb: &'a Codebook,
    pub round: &'a Round,
    pub scores: &'a Scores,
    pub notes: Option<&'a Summary>,
    pub tables: &'a RoundTables,
    /// Each breakdown's tables, in the order of `scores.breakdowns`.
    pub breakdowns: &'a [BreakdownTables],
    pub charts: &'a [ChartFile],
    pub ledgers: &'a [FileLedger],
    pub inputs: &'a [InputHash],
    /// The `[[published]]` figures of this folder, checked.
    pub published: &'a [Checked<'a>],
    pub lang: Language,
}

/// An empty document with its title and footer.
fn document(cb: &Codebook, subtitle: String, inputs: &[InputHash], lang: Language) -> Document {
    let w = Words(lang);
    Document {
        lang,
        title: cb.name.clone(),
        subtitle,
        blocks: Vec::new(),
        footer: format!(
            "{} peil {}. {}",
            w.t("Gemaakt met", "Made with"),
            env!("CARGO_PKG_VERSION"),
            w.t("Invoer (SHA-256):", "Inputs (SHA-256):")
        ),
        inputs: inputs.to_vec(),
        date: None,
    }
}

/// The whole report of a round.
pub fn round_document(inp: &ReportInput) -> Document {
    let w = Words(inp.lang);
    let round = inp.round;
    let subtitle = format!(
        "{}{}{}",
        w.round_name(&round.id),
        round
            .label
            .as_deref()
            .map(|l| format!(": {l}"))
            .unwrap_or_default(),
        round
            .date
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default(),
    );
    let mut doc = document(inp.cb, subtitle, inp.inputs, inp.lang);
    doc.date = round.date.clone();
    // The answer first: the summary and what was said; the detail after.
    overview::summary(&mut doc, inp.cb, inp.scores, |doc| {
        published_check(doc, inp.published)
    });
    overview::comments(&mut doc, inp.cb, inp.scores);
    if let Some(n) = inp.notes {
        consultation(&mut doc, inp, n);
    }
    participation(&mut doc, inp);
    key_figures(&mut doc, inp);
    charts(&mut doc, inp.charts, w);
    overview::keep_list(&mut doc, inp.cb, inp.scores);
    reliability(&mut doc, inp);
    for (scores, tables) in inp.scores.breakdowns.iter().zip(inp.breakdowns) {
        breakdown(&mut doc, inp, scores, tables);
    }
    ledger(&mut doc, inp);
    doc
}

fn people<'a>(inp: &ReportInput<'a>) -> People<'a> {
    People {
        cb: inp.cb,
        lang: inp.lang,
    }
}

fn participation(doc: &mut Document, inp: &ReportInput) {
    let w = Words(inp.lang);
    doc.heading(1, w.t("Wie deden mee", "Who took part"));
    if let Some(all) = inp.scores.respondents.iter().find(|r| r.group == 0) {
        let mut counts = vec![(all.respondents, w.t("respondenten", "respondents"))];
        if inp.cb.respondents.institution.is_some() {
            counts.push((all.institutions, w.t("instellingen", "institutions")));
        }
        counts.push((all.answered, w.t("gaven antwoord", "answered")));
        doc.blocks.push(cards(&counts));
    }
    let caption = w.t("Respondenten per groep", "Respondents per group");
    doc.table(people(inp).grid(&inp.tables.respondents, caption));
}

/// "14 van de 14 gepubliceerde cijfers gereproduceerd (bron: ...)", then
/// each figure that was not, with both values; nothing without entries.
fn published_check(doc: &mut Document, checked: &[Checked]) {
    let (headline, failed) = published_lines(checked, doc.lang);
    if let Some(h) = headline {
        doc.para(h);
    }
    if !failed.is_empty() {
        doc.blocks.push(Block::List(failed));
    }
}

/// The published figures in words: the headline (none without entries)
/// and one line per figure not reproduced. A hidden figure (on a
/// suppressed row) is left out of both: nothing is said about it.
pub fn published_lines(checked: &[Checked], lang: Language) -> (Option<String>, Vec<String>) {
    let w = Words(lang);
    let shown: Vec<&Checked> = checked
        .iter()
        .filter(|c| c.reproduced != "hidden")
        .collect();
    if shown.is_empty() {
        return (None, Vec::new());
    }
    let yes = shown.iter().filter(|c| c.reproduced == "yes").count();
    let mut sources: Vec<&str> = shown
        .iter()
        .filter_map(|c| c.entry.source.as_deref())
        .collect();
    sources.dedup();
    let source = match sources.is_empty() {
        true => String::new(),
        false => format!(" ({}: {})", w.t("bron", "source"), sources.join("; ")),
    };
    let headline = format!(
        "{yes} {} {} {}{source}.",
        w.t("van de", "of"),
        shown.len(),
        w.t(
            "gepubliceerde cijfers gereproduceerd",
            "published figures reproduced"
        )
    );
    let failed = (shown.iter())
        .filter(|c| c.reproduced == "no")
        .map(|c| {
            let p = c.entry;
            let keys: Vec<String> = p.keys.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!(
                "{} {} ({}): {} {}, {} {}",
                p.table,
                p.column,
                keys.join(", "),
                w.t("gepubliceerd", "published"),
                p.printed.text,
                w.t("berekend", "computed"),
                computed_text(&c.computed, &p.printed, lang)
            )
        })
        .collect();
    (Some(headline), failed)
}

/// The computed figure as the printed one is written, two decimals more.
fn computed_text(v: &Value, printed: &Printed, lang: Language) -> String {
    match v {
        Value::Num(x) if printed.percent => {
            format!(
                "{}%",
                format::round_half_away(x * 100.0, printed.decimals + 2, lang)
            )
        }
        Value::Num(x) => format::round_half_away(*x, printed.decimals + 2, lang),
        Value::Int(n) => n.to_string(),
        _ => "–".to_string(),
    }
}

/// The thresholds an area mean is shown beside (the chart's lines).
fn mean_thresholds(cb: &Codebook) -> [f64; 2] {
    [cb.rules.keep_min_mean, cb.rules.drop_below_mean]
}

/// Headline counts as cards.
fn cards(counts: &[(u64, &str)]) -> Block {
    Block::Cards(
        counts
            .iter()
            .map(|(n, what)| Card {
                big: n.to_string(),
                label: what.to_string(),
                aside: None,
            })
            .collect(),
    )
}

fn key_figures(doc: &mut Document, inp: &ReportInput) {
    let (cb, lang, w) = (inp.cb, inp.lang, Words(inp.lang));
    doc.heading(1, w.t("Kerncijfers per gebied", "Key figures per area"));
    let scores = inp.scores;
    if scores
        .areas
        .iter()
        .chain(&scores.items)
        .any(|r| r.suppressed())
    {
        doc.note(None, small_groups_note(cb.min_cell, lang));
    }
    if let Some(notes) = weights_note(cb) {
        let [nl, en] = notes;
        doc.note(None, if lang == Language::Nl { nl } else { en });
    }
    if let Some(note) = recode_note(cb, lang) {
        doc.note(None, note);
    }
    for (m, measure) in cb.measures.iter().enumerate() {
        doc.heading(2, &measure.label);
        let rows = scores
            .areas
            .iter()
            .filter(|r| r.measure == m && r.group == 0);
        let area_cards = rows
            .map(|r| Card {
                big: r.mean().map_or_else(
                    || "–".to_string(),
                    |x| format::mean_beside(x, &mean_thresholds(cb), lang),
                ),
                label: cb.areas[r.target].label.clone(),
                aside: Some(format!(
                    "({} {} {} {}, n = {})",
                    w.t("op een schaal van", "on a scale of"),
                    cb.scale.min,
                    w.t("tot", "to"),
                    cb.scale.max,
                    r.n
                )),
            })
            .collect();
        doc.blocks.push(Block::Cards(area_cards));
    }
    all_respondents_tables(doc, inp);
}

/// `area_scores` for all respondents, per measure as two tables narrow
/// enough for a page: the figures, then the distribution of the answers
/// (n per scale value and missing). Together they hold every column.
fn all_respondents_tables(doc: &mut Document, inp: &ReportInput) {
    let (w, p) = (Words(inp.lang), people(inp));
    let areas = &inp.tables.area_scores;
    let names: Vec<&str> = areas.headers().iter().map(|h| h.name.as_ref()).collect();
    let is_count = |c: &str| {
        c == "n_missing"
            || c.strip_prefix("n_")
                .is_some_and(|v| v.parse::<i64>().is_ok())
    };
    let figures: Vec<&str> = (names.iter().copied())
        .filter(|c| !is_count(c) && !["measure", "group"].contains(c))
        .collect();
    let counts: Vec<&str> = ["area", "n", "suppressed"]
        .into_iter()
        .chain(names.iter().copied().filter(|c| is_count(c)))
        .collect();
    let distribution = w.t("verdeling van de antwoorden", "distribution of the answers");
    let parts = [
        (&figures[..], w.t("cijfers", "figures")),
        (&counts[..], distribution),
    ];
    all_per_measure(doc, inp.cb, &p, areas, &parts);
}

/// The `ALL` rows of `t`, one table per measure and part (its columns
/// and what it shows), captioned "All respondents, <measure>: <what>": the
/// measure and group columns would say the same on every row. A measure
/// without rows gets no table.
fn all_per_measure(
    doc: &mut Document,
    cb: &Codebook,
    p: &People,
    t: &Table,
    parts: &[(&[&str], &str)],
) {
    let w = Words(p.lang);
    for m in &cb.measures {
        let rows = t.filtered("group", "ALL").filtered("measure", &m.id);
        if rows.rows().is_empty() {
            continue;
        }
        for (keep, what) in parts {
            let caption = format!("{}, {}: {what}", w.all(), m.label);
            doc.table(p.grid(&rows.select(keep), &caption));
        }
    }
}

/// `t`'s rows of each measure as a table of its own, the columns `keep`
/// (so not the measure, which every row would repeat), under `caption`.
fn per_measure(
    doc: &mut Document,
    p: &People,
    t: &Table,
    keep: &[&str],
    caption: impl Fn(&Measure) -> String,
) {
    for m in &p.cb.measures {
        let rows = t.filtered("measure", &m.id).select(keep);
        doc.table(p.grid(&rows, &caption(m)));
    }
}

/// The charts of the stakeholder groups; a breakdown's (in its folder,
/// `by-<slug>/...`) are in its own section.
fn charts(doc: &mut Document, charts: &[ChartFile], w: Words) {
    doc.heading(1, w.t("Grafieken", "Charts"));
    let main = (0..charts.len()).filter(|i| !charts[*i].name.contains('/'));
    doc.blocks.extend(main.map(Block::Chart));
}

/// One breakdown: who is in each of its groups, the area figures per group
/// with their chart, and the group tests. Items per group stay in its
/// tables, as in the comparison: in the report they would fill pages.
fn breakdown(doc: &mut Document, inp: &ReportInput, scores: &Scores, t: &BreakdownTables) {
    let (w, lang, p) = (Words(inp.lang), inp.lang, people(inp));
    let Some(by) = &scores.breakdown else { return };
    let column = &by.column;
    doc.heading(1, format!("{} {column}", w.t("Uitgesplitst naar", "By")));
    doc.para(breakdown_intro(column, by.without_value, &t.folder, lang));
    if scores.areas.iter().any(|r| r.suppressed()) {
        doc.note(None, small_groups_note(inp.cb.min_cell, lang));
    }
    let caption = format!("{} {column}", w.t("Respondenten per", "Respondents per"));
    doc.table(p.grid(&t.respondents, &caption));
    // Per measure, the figures a reader compares between values; the rest
    // (sd, interval, counts) is in the tables, which keeps the section
    // short and its table narrow enough for a page.
    let compact = [
        "area",
        "group",
        "n",
        "mean",
        "median",
        "pct_agree",
        "suppressed",
    ];
    per_measure(doc, &p, &t.area_scores, &compact, |m| m.label.clone());
    let prefix = format!("{}/", t.folder);
    let mine = (0..inp.charts.len()).filter(|i| inp.charts[*i].name.starts_with(&prefix));
    doc.blocks.extend(mine.map(Block::Chart));
    let tests = w.t("Verschillen tussen groepen", "Differences between groups");
    doc.table(p.grid(&t.group_tests, tests));
}

/// What a breakdown section shows, and where the respondents without a
/// value count.
fn breakdown_intro(column: &str, without_value: u64, folder: &str, lang: Language) -> String {
    let (nl_out, en_out) = match without_value {
        0 => (String::new(), String::new()),
        1 => (
            format!(" Eén respondent zonder waarde in «{column}» telt mee in «Alle respondenten», maar in geen van de groepen."),
            format!(" One respondent without a value in “{column}” counts in “All respondents” but in none of the groups."),
        ),
        n => (
            format!(" {n} respondenten zonder waarde in «{column}» tellen mee in «Alle respondenten», maar in geen van de groepen."),
            format!(" {n} respondents without a value in “{column}” count in “All respondents” but in none of the groups."),
        ),
    };
    match lang {
        Language::Nl => format!(
            "Dezelfde cijfers per gebied, nu per waarde van «{column}» in plaats van per groep.{nl_out} De cijfers per item staan in tables/{folder}/."
        ),
        Language::En => format!(
            "The same figures per area, now per value of “{column}” instead of per group.{en_out} The figures per item are in tables/{folder}/."
        ),
    }
}

fn reliability(doc: &mut Document, inp: &ReportInput) {
    let w = Words(inp.lang);
    doc.heading(
        1,
        w.t(
            "Betrouwbaarheid en verschillen tussen groepen",
            "Reliability and differences between groups",
        ),
    );
    doc.para(w.t(
        "Cronbachs alfa over de respondenten die alle items van een gebied beoordeelden, met 95%-interval (Feldt), en omega (McDonald) over dezelfde respondenten; Kruskal-Wallis-toets tussen de groepen met ten minste het minimale aantal respondenten, p gecorrigeerd volgens Holm.",
        "Cronbach's alpha over the respondents who rated every item of an area, with a 95% interval (Feldt), and omega (McDonald) over the same respondents; Kruskal-Wallis test between the groups with at least the minimum number of respondents, p corrected by Holm's method.",
    ));
    doc.note(
        Some("Omega"),
        w.t(
            "hoe goed de items samen één ding meten, zoals alfa, maar zonder aan te nemen dat elk item even zwaar telt (één factor, minimale residuen, zoals R psych).",
            "how well the items together measure one thing, like alpha, but without assuming that every item counts equally (one factor, minimum residual, as R psych).",
        ),
    );
    let ts = inp.tables;
    let p = people(inp);
    // Per measure, without standardized alpha (it is in the tables): with
    // omega beside alpha the whole table no longer fits a page's width.
    let keep = [
        "area",
        "k_items",
        "n_complete",
        "alpha",
        "alpha_ci_low",
        "alpha_ci_high",
        "omega",
    ];
    let title = w.t("Betrouwbaarheid per gebied", "Reliability per area");
    per_measure(doc, &p, &ts.reliability, &keep, |m| {
        format!("{title}, {}", m.label)
    });
    if let Some(why) = no_omega(inp.cb, &inp.scores.reliability, w) {
        doc.para(why);
    }
    doc.table(p.grid(
        &ts.group_tests,
        w.t("Verschillen tussen groepen", "Differences between groups"),
    ));
    // Per item (alpha if deleted, item-rest correlation) it would fill
    // pages with a row per item; those figures are in the tables.
    doc.para(w.t(
        "De gestandaardiseerde alfa staat in tables/reliability.csv, de betrouwbaarheid per item (alfa zonder het item, item-restcorrelatie) in tables/item_reliability.csv; beide ook in summary.xlsx.",
        "Standardized alpha is in tables/reliability.csv, the reliability per item (alpha if the item is deleted, item-rest correlation) in tables/item_reliability.csv; both also in summary.xlsx.",
    ));
}

/// Why an area has no omega, one clause per area: too few items, too few
/// respondents who rated them all, or an item they all rated alike.
fn no_omega(cb: &Codebook, rows: &[ReliabilityRow], w: Words) -> Option<String> {
    let why: Vec<String> = (rows.iter())
        .filter(|r| r.omega.is_none())
        .map(|r| {
            let reason = match (r.k_items < 3, r.n_complete < 3) {
                (true, _) => w.t("minder dan 3 items", "fewer than 3 items"),
                (_, true) => w.t(
                    "minder dan 3 respondenten beoordeelden alle items",
                    "fewer than 3 respondents rated every item",
                ),
                _ => w.t(
                    "een item kreeg van iedereen hetzelfde antwoord",
                    "an item got the same answer from everyone",
                ),
            };
            format!(
                "{} ({}): {reason}",
                cb.areas[r.area].label, cb.measures[r.measure].label
            )
        })
        .collect();
    (!why.is_empty()).then(|| {
        format!(
            "{} {}.",
            w.t("Geen omega voor", "No omega for"),
            why.join("; ")
        )
    })
}

fn ledger(doc: &mut Document, inp: &ReportInput) {
    let w = Words(inp.lang);
    doc.heading(1, w.t("Datakwaliteit", "Data quality"));
    for l in inp.ledgers {
        doc.para(ledger_line(l, w));
    }
    if inp.ledgers.iter().any(|l| !l.is_clean()) {
        doc.para(w.t(
            "Per reden en kolom het aantal rijen of cellen en de eerste regels; elke regel staat in tables/data_quality.csv.",
            "Per reason and column the number of rows or cells and the first lines; every line is in tables/data_quality.csv.",
        ));
        doc.table(people(inp).grid(&data_quality_summary(inp.ledgers), ""));
    }
}

/// A file's ledger in one sentence of the language.
fn ledger_line(l: &FileLedger, w: Words) -> String {
    let gaps = match l.breakdown_gaps() {
        0 => String::new(),
        n => format!(
            "; {n} {}",
            w.t(
                "zonder waarde in een uitsplitsing",
                "without a value in a breakdown"
            )
        ),
    };
    format!(
        "{} {} {}, {} {}, {} {}; {} {}, {} {}{gaps}",
        l.file,
        l.rows_read,
        w.t("rijen gelezen", "rows read"),
        l.rows_used,
        w.t("gebruikt", "used"),
        l.rows_excluded(),
        w.t("uitgesloten", "excluded"),
        l.cells_invalid(),
        match l.cells_invalid() {
            1 => w.t("ongeldige cel", "invalid cell"),
            _ => w.t("ongeldige cellen", "invalid cells"),
        },
        l.cells_missing,
        w.t("ontbrekend", "missing"),
    )
}

fn consultation(doc: &mut Document, inp: &ReportInput, s: &Summary) {
    let w = Words(inp.lang);
    let n = &s.notes;
    doc.heading(1, w.t("Consultaties", "Consultations"));
    doc.para(w.t(
        "Gecodeerde uitspraken uit de consultatiesessies. Deelnemers tellen één keer per sessie en groep; e-mailadressen en telefoonnummers zijn uit de citaten verwijderd.",
        "Coded statements from the consultation sessions. Participants count once per session and group; e-mail addresses and phone numbers have been removed from the quotes.",
    ));
    if let Some(all) = s.counts.participation.first() {
        doc.blocks.push(cards(&[
            (all.participants, w.t("deelnemers", "participants")),
            (all.sessions, w.t("sessies", "sessions")),
            (n.statements.len() as u64, w.t("uitspraken", "statements")),
        ]));
    }
    let p = people(inp);
    if let Some(t) = &inp.tables.participants {
        doc.table(p.grid(t, w.t("Deelnemers per groep", "Participants per group")));
    }
    agreement::section(doc, &p, s, inp.tables.coding_agreement.as_ref());
    for (ti, theme) in n.themes.iter().enumerate() {
        doc.heading(2, theme);
        for q in s.quotes.iter().filter(|q| q.theme == ti as u32) {
            let group = match s.group_name(q.group) {
                "ALL" => w.all(),
                g => g,
            };
            doc.para(format!(
                "{group} ({} {})",
                q.statements,
                w.t("uitspraken", "statements")
            ));
            doc.blocks.extend(q.picked.iter().map(|i| {
                let st = &n.statements[*i];
                Block::Quote {
                    text: st.text.clone(),
                    source: consult::coding(n, st),
                }
            }));
        }
    }
    if let Some(t) = &inp.tables.consultation {
        let caption = w.t(
            "Uitspraken per groep, thema, domein en standpunt",
            "Statements per group, theme, domain and stance",
        );
        doc.table(p.grid(t, caption));
    }
}

/// Everything the comparison's report shows.
pub struct CompareInput<'a> {
    pub cb: &'a Codebook,
    pub cmp: &'a Comparison,
    pub tables: &'a CompareTables,
    pub charts: &'a [ChartFile],
    pub inputs: &'a [InputHash],
    /// The `[[published]]` figures of this folder, checked.
    pub published: &'a [Checked<'a>],
    pub lang: Language,
}

/// The report of `compare-<from>-<to>/`.
pub fn comparison_document(inp: &CompareInput) -> Document {
    let w = Words(inp.lang);
    let cmp = inp.cmp;
    let subtitle = format!(
        "{}: {} → {}",
        w.t("Vergelijking", "Comparison"),
        w.round_name(&cmp.from),
        w.round_name(&cmp.to)
    );
    let mut doc = document(inp.cb, subtitle, inp.inputs, inp.lang);
    // Dated by the later round: the comparison is as of then.
    let later = inp.cb.rounds.iter().find(|r| r.id == cmp.to);
    doc.date = later.and_then(|r| r.date.clone());
    let p = People {
        cb: inp.cb,
        lang: inp.lang,
    };
    doc.heading(1, w.t("Wat veranderde", "What changed"));
    published_check(&mut doc, inp.published);
    if cmp.panel > 0 {
        doc.note(None, panel_note(cmp.panel, inp.cb.min_cell, inp.lang));
    } else {
        doc.note(None, independent_note(&inp.cb.respondents, inp.lang));
    }
    doc.para(w.t(
        "Gemiddelden per gebied en item in beide rondes, het verschil, en een Mann-Whitney-toets (tweezijdig, normale benadering met correctie voor ties; p gecorrigeerd volgens Holm over de gebieden of items van een maat). Herschreven items zijn aan hun voorganger gekoppeld; nieuwe en vervallen items staan er als zodanig in.",
        "Means per area and item in both rounds, the difference, and a Mann-Whitney test (two-sided, normal approximation with tie correction; p corrected by Holm's method over the areas or items of a measure). Reworded items are linked to their predecessor; new and dropped items are listed as such.",
    ));
    changes::what_changed(&mut doc, inp.cb, cmp);
    charts(&mut doc, inp.charts, w);
    doc.heading(1, w.t("Per groep", "Per group"));
    if cmp.areas.iter().chain(&cmp.items).any(|c| c.suppressed()) {
        doc.note(None, small_groups_note(inp.cb.min_cell, inp.lang));
    }
    // Areas only: every item x group row made the comparison a document of
    // hundreds of pages; those rows are in the tables and summary.xlsx.
    // Areas have no decision: their empty decision columns are left out.
    let areas = &inp.tables.compare_areas;
    let keep: Vec<&str> = (areas.headers().iter())
        .map(|h| h.name.as_ref())
        .filter(|c| !c.starts_with("decision_"))
        .collect();
    doc.table(p.grid(&areas.select(&keep), w.t("Gebieden", "Areas")));
    doc.para(w.t(
        "De cijfers per item en groep staan in de tabellen bij dit rapport (tables/, ook als summary.xlsx).",
        "The figures per item and group are in the tables that come with this report (tables/, also as summary.xlsx).",
    ));
    doc
}
